//! A scaled corpus on demand: many varied packs and reports, PDF and text,
//! derived from the seed texts and the corpus PDFs, for benchmarks and
//! memory checks. Never committed; made again from a seed when needed.
//!
//! File `i` depends only on (seed, i), so a run is deterministic whatever the
//! number of threads, and files are made and written one at a time: memory
//! stays flat in the number of files. Owns the variations (`vary`, `text`,
//! `pdf`); it does not read the results back (the pipeline does).

pub mod pdf;
pub mod text;
pub mod vary;

use rayon::prelude::*;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use vary::{Plan, Rng};

/// Which kinds of file to make.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Mix {
    /// About three PDFs for every text file.
    Both,
    Pdf,
    Text,
}

#[derive(Debug, thiserror::Error)]
pub enum GenerateError {
    #[error("{path}: {reason}")]
    Read { path: String, reason: String },
    #[error("no seed texts (*.txt) in {0} and no PDFs (*.pdf) in {1}")]
    NoSources(String, String),
    #[error("{path}: cannot write: {reason}")]
    Write { path: String, reason: String },
}

/// The material every generated file is derived from.
pub struct Sources {
    texts: Vec<(String, String)>,
    pdfs: Vec<(String, pdf::Template)>,
}

impl Sources {
    /// Seed texts (`*.txt`) and corpus PDFs (`*.pdf`), in name order.
    pub fn load(seeds: &Path, corpus: &Path) -> Result<Sources, GenerateError> {
        let mut texts = Vec::new();
        for path in files_with(seeds, "txt")? {
            let text = std::fs::read_to_string(&path).map_err(|e| read_err(&path, e))?;
            texts.push((stem(&path), text));
        }
        let mut pdfs = Vec::new();
        for path in files_with(corpus, "pdf")? {
            let bytes = std::fs::read(&path).map_err(|e| read_err(&path, e))?;
            let template = pdf::Template::load(&bytes).map_err(|reason| GenerateError::Read {
                path: path.display().to_string(),
                reason,
            })?;
            pdfs.push((stem(&path), template));
        }
        if texts.is_empty() && pdfs.is_empty() {
            return Err(GenerateError::NoSources(
                seeds.display().to_string(),
                corpus.display().to_string(),
            ));
        }
        Ok(Sources { texts, pdfs })
    }

    /// File `i` of a corpus seeded with `seed`: its name and bytes.
    pub fn make(&self, seed: u64, i: u64, mix: Mix) -> Result<(String, Vec<u8>), String> {
        let mut rng = Rng::for_file(seed, i);
        let want_pdf = match mix {
            Mix::Pdf => true,
            Mix::Text => false,
            Mix::Both => rng.below(4) != 0,
        };
        let use_pdf = (want_pdf && !self.pdfs.is_empty()) || self.texts.is_empty();
        let mut plan = Plan::new(rng);
        if use_pdf {
            let k = plan.rng.below(self.pdfs.len());
            let (stem, template) = &self.pdfs[k];
            let bytes = template.vary(&mut plan)?;
            Ok((format!("{i:06}-{stem}.pdf"), bytes))
        } else {
            // A text file is one seed, or a pack of two or three.
            let parts = if plan.rng.chance(25) {
                plan.rng.range(2, 3) as usize
            } else {
                1
            };
            let mut out = String::new();
            let mut stems = Vec::new();
            for _ in 0..parts {
                let k = plan.rng.below(self.texts.len());
                let (stem, src) = &self.texts[k];
                if !out.is_empty() {
                    out.push_str("\n\n");
                }
                out.push_str(&text::vary(src, &mut plan));
                stems.push(stem.get(..3).unwrap_or(stem).to_string());
            }
            Ok((format!("{i:06}-{}.txt", stems.join("+")), out.into_bytes()))
        }
    }
}

/// What a run wrote.
#[derive(Debug, Default, Clone, Copy)]
pub struct Summary {
    pub files: u64,
    pub pdf_files: u64,
    pub bytes: u64,
}

/// Write files `0..files` into `out` (created if missing), `jobs` at a time.
/// Each file is written to a temporary name and renamed, so a folder never
/// holds half a file.
pub fn write_corpus(
    sources: &Sources,
    out: &Path,
    files: u64,
    seed: u64,
    mix: Mix,
    jobs: usize,
) -> Result<Summary, GenerateError> {
    std::fs::create_dir_all(out).map_err(|e| write_err(out, e))?;
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(jobs.max(1))
        .build()
        .map_err(|e| GenerateError::Write {
            path: out.display().to_string(),
            reason: e.to_string(),
        })?;
    let (written, pdf_files, bytes) = (AtomicU64::new(0), AtomicU64::new(0), AtomicU64::new(0));
    pool.install(|| {
        (0..files).into_par_iter().try_for_each(|i| {
            let (name, data) =
                sources
                    .make(seed, i, mix)
                    .map_err(|reason| GenerateError::Write {
                        path: format!("file {i}"),
                        reason,
                    })?;
            let path = out.join(&name);
            let tmp = out.join(format!(".{name}.tmp"));
            std::fs::write(&tmp, &data).map_err(|e| write_err(&tmp, e))?;
            std::fs::rename(&tmp, &path).map_err(|e| write_err(&path, e))?;
            written.fetch_add(1, Ordering::Relaxed);
            if name.ends_with(".pdf") {
                pdf_files.fetch_add(1, Ordering::Relaxed);
            }
            bytes.fetch_add(data.len() as u64, Ordering::Relaxed);
            Ok(())
        })
    })?;
    Ok(Summary {
        files: written.into_inner(),
        pdf_files: pdf_files.into_inner(),
        bytes: bytes.into_inner(),
    })
}

fn files_with(dir: &Path, ext: &str) -> Result<Vec<PathBuf>, GenerateError> {
    let entries = std::fs::read_dir(dir).map_err(|e| read_err(dir, e))?;
    let mut out: Vec<PathBuf> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x.eq_ignore_ascii_case(ext)))
        .collect();
    out.sort();
    Ok(out)
}

fn stem(path: &Path) -> String {
    path.file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default()
}

fn read_err(path: &Path, e: std::io::Error) -> GenerateError {
    GenerateError::Read {
        path: path.display().to_string(),
        reason: io_reason(&e),
    }
}

fn write_err(path: &Path, e: std::io::Error) -> GenerateError {
    GenerateError::Write {
        path: path.display().to_string(),
        reason: io_reason(&e),
    }
}

/// An I/O error as agendex words it: lowercase, "no such file or directory".
fn io_reason(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => "no such file or directory".into(),
        std::io::ErrorKind::PermissionDenied => "permission denied".into(),
        _ => e.to_string().to_lowercase(),
    }
}

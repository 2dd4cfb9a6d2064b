//! The per-file map: bytes -> pages -> records, in parallel, in input order.
//!
//! Owns the one place parallelism lives. Each file becomes exactly one
//! [`FileOutcome`]: its records, or the reason it yielded none. Files are
//! handed out in input order to a rayon pool and their outcomes are given
//! back in input order with a bounded window, so memory does not grow with
//! the number of files and output is byte-identical from run to run.

use crate::error::ReadError;
use crate::pdf::repair::Recovery;
use crate::pdf::worker::{self, Limits, OcrRead};
use crate::record::{envelope, OutRecord};
use crate::walk::{hash_file, sha256_hex, InputKind, Source};
use std::path::PathBuf;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{mpsc, Arc, Condvar, Mutex};

/// How PDFs are read.
#[derive(Debug, Clone)]
pub enum PdfMode {
    /// In a child process: this executable (the caller says where it is)
    /// re-invoked as a worker.
    Worker(PathBuf),
    /// In this process (benches, tests of the layout): no protection against
    /// PDFs that loop, overflow the stack or exhaust memory.
    InProcess,
}

#[derive(Debug, Clone)]
pub struct Options {
    pub limits: Limits,
    pub pdf: PdfMode,
    pub jobs: usize,
}

/// A grammar note about a page of a file that did yield records.
#[derive(Debug, Clone, PartialEq)]
pub struct Warning {
    pub page: u32,
    pub message: String,
}

/// What became of one input file.
#[derive(Debug)]
pub struct FileOutcome {
    pub source: Source,
    /// Empty when the file could not be read at all.
    pub sha256: String,
    pub pages: u32,
    pub result: Result<Vec<OutRecord>, ReadError>,
    pub warnings: Vec<Warning>,
    /// Set when the file was a damaged PDF, read as far as it could be.
    pub recovery: Option<Recovery>,
}

impl FileOutcome {
    /// The line on stderr for a damaged file that was read in part:
    /// `damaged PDF, recovered 31 of 47 pages (pages 32-47 unreadable)`.
    pub fn recovery_note(&self) -> Option<String> {
        let recovery = self.recovery.as_ref().filter(|_| self.result.is_ok())?;
        Some(format!("damaged PDF, {}", recovery.describe()))
    }
}

/// Read and lay out one file: its SHA-256 and pages, or why it cannot be read.
/// Per-page problems go into `warnings`.
pub fn read_pages(
    source: &Source,
    opts: &Options,
) -> Result<(String, Vec<grammars::Page>), ReadError> {
    let mut warnings = Vec::new();
    let read = read_pages_noting(source, opts, &mut warnings);
    read.pages.map(|p| (read.sha256, p))
}

/// A file read into pages.
struct ReadFile {
    sha256: String,
    pages: Result<Vec<grammars::Page>, ReadError>,
    recovery: Option<Recovery>,
    /// Pages read with OCR.
    ocr_pages: Vec<OcrRead>,
}

fn read_pages_noting(source: &Source, opts: &Options, warnings: &mut Vec<Warning>) -> ReadFile {
    let bytes = match std::fs::read(&source.path) {
        Ok(b) => b,
        Err(e) => {
            return ReadFile {
                sha256: String::new(),
                pages: Err(ReadError::Io(crate::walk::io_reason(&e))),
                recovery: None,
                ocr_pages: Vec::new(),
            }
        }
    };
    let mut recovery = None;
    let mut ocr_pages = Vec::new();
    let sha256 = sha256_hex(&bytes);
    let pages = match source.kind() {
        InputKind::Text | InputKind::Markdown => match std::str::from_utf8(&bytes) {
            Ok(text) if text.trim().is_empty() => Err(ReadError::Empty),
            Ok(text) if source.kind() == InputKind::Markdown => Ok(grammars::from_markdown(text)),
            Ok(text) => Ok(grammars::from_text(text)),
            Err(_) => Err(ReadError::NotText),
        },
        // Web pages are UTF-8 or, older ones, Windows-1252.
        InputKind::Html => match grammars::markup::decode_bytes(&bytes) {
            Some(text) if text.trim().is_empty() => Err(ReadError::Empty),
            Some(text) => Ok(grammars::from_html(&text)),
            None => Err(ReadError::NotText),
        },
        InputKind::Pdf => {
            let read = match &opts.pdf {
                PdfMode::Worker(exe) => worker::read_in_worker(exe, &bytes, &opts.limits),
                PdfMode::InProcess => worker::read_in_process(&bytes, opts.limits.ocr),
            };
            read.map(|p| {
                recovery = p.recovery;
                ocr_pages = p.ocr_pages;
                for (page, reason) in p.page_errors {
                    warnings.push(Warning {
                        page,
                        message: format!("page could not be read, its text is missing: {reason}"),
                    });
                }
                for page in p.textless_pages {
                    warnings.push(Warning {
                        page,
                        message: "page has no text layer (an image, a scan or a blank page)".into(),
                    });
                }
                p.pages
            })
        }
    };
    ReadFile {
        sha256,
        pages,
        recovery,
        ocr_pages,
    }
}

/// Mark the records that lie on pages read with OCR: `source.ocr`, and the
/// mean of those pages' word confidence.
fn mark_ocr(records: &mut [OutRecord], ocr_pages: &[OcrRead]) {
    if ocr_pages.is_empty() {
        return;
    }
    for r in records {
        let on: Vec<f32> = ocr_pages
            .iter()
            .filter(|o| o.page >= r.source.page && o.page <= r.source.page_end)
            .map(|o| o.confidence)
            .collect();
        if on.is_empty() {
            continue;
        }
        let mean = on.iter().sum::<f32>() / on.len() as f32;
        r.source.ocr = true;
        r.source.ocr_confidence = Some((mean * 10.0).round() / 10.0);
    }
}

/// Read, lay out and parse one file.
pub fn process(source: &Source, opts: &Options) -> FileOutcome {
    let path = source.display();
    let mut warnings = Vec::new();
    let ReadFile {
        sha256,
        pages,
        recovery,
        ocr_pages,
    } = read_pages_noting(source, opts, &mut warnings);
    let pages = match pages {
        Ok(p) => p,
        Err(e) => {
            return FileOutcome {
                source: source.clone(),
                sha256,
                pages: 0,
                result: Err(e),
                warnings,
                recovery,
            }
        }
    };
    let parsed = match std::panic::catch_unwind(|| grammars::parse(&pages)) {
        Ok(p) => p,
        Err(panic) => {
            return FileOutcome {
                source: source.clone(),
                sha256,
                pages: pages.len() as u32,
                result: Err(ReadError::Panicked(format!(
                    "grammar failure: {}",
                    crate::pdf::panic_message(&panic)
                ))),
                warnings,
                recovery,
            }
        }
    };
    for d in &parsed.diagnostics {
        warnings.push(Warning {
            page: d.page,
            message: d.message.clone(),
        });
    }
    let labels = |n: u32| {
        pages
            .iter()
            .find(|p| p.number == n)
            .and_then(|p| p.label.clone())
    };
    let mut records = envelope(parsed, &path, &sha256, &labels);
    mark_ocr(&mut records, &ocr_pages);
    if let Some(recovery) = &recovery {
        for r in records.iter_mut().filter(|r| r.kind == "document") {
            r.recovered = Some(recovery.clone());
        }
    }
    FileOutcome {
        source: source.clone(),
        sha256,
        pages: pages.len() as u32,
        result: Ok(records),
        warnings,
        recovery,
    }
}

/// The SHA-256 of each source, in parallel, in input order: how an index
/// run tells the files it holds unchanged without reading them further.
pub fn hash_files(sources: &[Source]) -> Vec<std::io::Result<String>> {
    use rayon::prelude::*;
    sources.par_iter().map(|s| hash_file(&s.path)).collect()
}

/// Process `sources` in parallel and hand each outcome to `sink` in input
/// order. At most `window` outcomes wait to be handed over, so memory is
/// bounded whatever the number of files. `sink` returning `false` stops the
/// run early (a closed pipe).
pub fn run<F>(sources: &[Source], opts: &Options, mut sink: F)
where
    F: FnMut(FileOutcome) -> bool,
{
    let n = sources.len();
    if n == 0 {
        return;
    }
    let jobs = opts.jobs.max(1).min(n);
    let window = jobs * 4;
    let pool = match rayon::ThreadPoolBuilder::new().num_threads(jobs).build() {
        Ok(p) => p,
        Err(_) => {
            for s in sources {
                if !sink(process(s, opts)) {
                    return;
                }
            }
            return;
        }
    };
    let next = Arc::new(AtomicUsize::new(0));
    // (next index to hand to the sink, stop flag)
    let gate = Arc::new((Mutex::new((0usize, false)), Condvar::new()));
    let (tx, rx) = mpsc::channel::<(usize, FileOutcome)>();
    let shared: Arc<Vec<Source>> = Arc::new(sources.to_vec());
    // Each job says when it has finished, its PDF worker gone.
    let (done_tx, done_rx) = mpsc::channel::<()>();
    for _ in 0..jobs {
        let (next, gate, tx, shared, opts, done) = (
            next.clone(),
            gate.clone(),
            tx.clone(),
            shared.clone(),
            opts.clone(),
            done_tx.clone(),
        );
        pool.spawn(move || {
            run_share(&next, &gate, window, &tx, &shared, &opts);
            // This thread reads no more files: its PDF worker can go.
            worker::release();
            let _ = done.send(());
        });
    }
    drop(tx);
    drop(done_tx);
    let mut pending: std::collections::BTreeMap<usize, FileOutcome> = Default::default();
    let mut emitted = 0usize;
    while emitted < n {
        let Ok((i, outcome)) = rx.recv() else { break };
        pending.insert(i, outcome);
        while let Some(outcome) = pending.remove(&emitted) {
            emitted += 1;
            let keep_going = sink(outcome);
            let (lock, cvar) = &*gate;
            let mut state = lock.lock().unwrap_or_else(|e| e.into_inner());
            state.0 = emitted;
            if !keep_going {
                state.1 = true;
            }
            cvar.notify_all();
            drop(state);
            if !keep_going {
                return;
            }
        }
    }
    // A finished run leaves no worker behind (and each one's peak memory is
    // then in this process's RUSAGE_CHILDREN).
    while done_rx.recv().is_ok() {}
}

/// One job's share of a run: take the next file, wait while the window of
/// outcomes not yet handed over is full, process it, send it on.
fn run_share(
    next: &AtomicUsize,
    gate: &(Mutex<(usize, bool)>, Condvar),
    window: usize,
    tx: &mpsc::Sender<(usize, FileOutcome)>,
    shared: &[Source],
    opts: &Options,
) {
    loop {
        let i = next.fetch_add(1, Ordering::SeqCst);
        if i >= shared.len() {
            break;
        }
        {
            let (lock, cvar) = gate;
            let mut state = lock.lock().unwrap_or_else(|e| e.into_inner());
            while !state.1 && i >= state.0 + window {
                state = cvar.wait(state).unwrap_or_else(|e| e.into_inner());
            }
            if state.1 {
                break;
            }
        }
        let outcome = process(&shared[i], opts);
        if tx.send((i, outcome)).is_err() {
            break;
        }
    }
}

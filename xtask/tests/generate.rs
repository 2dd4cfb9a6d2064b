//! `cargo xtask generate`: a scaled corpus from the seeds and corpus PDFs,
//! made the same from the same seed, and every file of it readable the way
//! `agendex extract` reads it.

use agendex::pipeline::{self, Options, PdfMode};
use agendex::walk::{self, Source};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Output;

const FILES: usize = 6;

/// The project root (where `corpus/` and `seeds/` live).
fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("xtask/ sits in the project root")
        .to_path_buf()
}

/// Run `xtask generate` from the project root with these arguments.
fn run_generate(out: &Path, args: &[&str]) -> Output {
    std::process::Command::new(env!("CARGO_BIN_EXE_xtask"))
        .current_dir(root())
        .arg("generate")
        .arg("--out")
        .arg(out)
        .args(args)
        .output()
        .expect("the xtask binary runs")
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

fn generate(dir: &Path, seed: &str) -> BTreeMap<String, Vec<u8>> {
    let out = run_generate(dir, &["--files", &FILES.to_string(), "--seed", seed]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let mut files = BTreeMap::new();
    for entry in std::fs::read_dir(dir).expect("the output folder exists") {
        let path = entry.expect("a folder entry").path();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        files.insert(name, std::fs::read(&path).expect("a readable file"));
    }
    files
}

/// PDFs read in this process: these files are made by the generator, not
/// found in the wild, so no worker process is needed to contain them.
fn options() -> Options {
    Options {
        limits: Default::default(),
        pdf: PdfMode::InProcess,
        jobs: 2,
    }
}

/// The lines the grammars receive from a file, one per line.
fn pages_text(path: &Path) -> String {
    let source = Source {
        path: path.to_path_buf(),
    };
    let (_, pages) = pipeline::read_pages(&source, &options())
        .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    pages
        .iter()
        .flat_map(|p| p.lines.iter().map(|l| l.text.as_str()))
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn n_files_deterministic_per_seed_and_all_readable() {
    let tmp = tempfile::tempdir().expect("a temp dir");
    let (a, b, c) = (
        tmp.path().join("a"),
        tmp.path().join("b"),
        tmp.path().join("c"),
    );
    let first = generate(&a, "7");
    assert_eq!(first.len(), FILES, "{:?}", first.keys());
    assert!(
        first.keys().all(|n| !n.starts_with('.')),
        "no temp files left"
    );
    let pdfs = first.keys().filter(|n| n.ends_with(".pdf")).count();
    let texts = first.keys().filter(|n| n.ends_with(".txt")).count();
    assert!(pdfs > 0 && texts > 0, "both kinds: {:?}", first.keys());

    // Same seed: the same names and bytes. Another seed: other files.
    assert_eq!(
        first,
        generate(&b, "7"),
        "seed 7 gives the same corpus twice"
    );
    let other = generate(&c, "8");
    assert_eq!(other.len(), FILES);
    assert_ne!(first, other, "seed 8 gives another corpus");

    // Every generated file reads and yields records.
    let (sources, errors) = walk::walk(&[a]);
    assert!(errors.is_empty(), "{errors:?}");
    assert_eq!(sources.len(), FILES);
    let mut records = 0;
    pipeline::run(&sources, &options(), |outcome| {
        match &outcome.result {
            Ok(r) => records += r.len(),
            Err(e) => panic!("{}: {e}", outcome.source.display()),
        }
        true
    });
    assert!(
        records >= FILES,
        "at least a document record per file: {records}"
    );
}

#[test]
fn generated_pdfs_keep_their_layout_but_not_their_details() {
    let tmp = tempfile::tempdir().expect("a temp dir");
    let out = run_generate(
        tmp.path(),
        &["--files", "2", "--seed", "3", "--kinds", "pdf"],
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let mut compared = 0;
    for entry in std::fs::read_dir(tmp.path()).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        assert!(name.ends_with(".pdf"), "{name}");
        // "000002-003_a0cb441c1b215d03.pdf" is derived from corpus/003_….pdf.
        let source = root().join("corpus").join(&name[7..]);
        let (orig, varied) = (pages_text(&source), pages_text(&path));
        assert_ne!(orig, varied, "{name}: dates, names or amounts changed");
        // Same-length edits: the first line of the first page survives
        // except for its digits and names, so its word count is the same.
        let first_line = |t: &str| t.lines().next().unwrap_or("").split_whitespace().count();
        assert_eq!(first_line(&orig), first_line(&varied), "{name}");
        compared += 1;
    }
    assert_eq!(compared, 2);
}

#[test]
fn missing_seed_folders_are_named_not_a_panic() {
    let tmp = tempfile::tempdir().expect("a temp dir");
    let out = run_generate(
        &tmp.path().join("out"),
        &["--files", "1", "--seeds", "no-such-seeds"],
    );
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        stderr(&out).trim(),
        "xtask: no-such-seeds: no such file or directory"
    );
}

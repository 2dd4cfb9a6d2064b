//! `agendex generate`: a scaled corpus from the seeds and corpus PDFs, made
//! the same from the same seed, and every file of it readable by `extract`.

use crate::support::{root, run, stderr};
use std::collections::BTreeMap;
use std::path::Path;

const FILES: usize = 6;

fn generate(dir: &Path, seed: &str) -> BTreeMap<String, Vec<u8>> {
    let out = run(&[
        "generate",
        "--out",
        dir.to_str().expect("a UTF-8 temp path"),
        "--files",
        &FILES.to_string(),
        "--seed",
        seed,
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let mut files = BTreeMap::new();
    for entry in std::fs::read_dir(dir).expect("the output folder exists") {
        let path = entry.expect("a folder entry").path();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        files.insert(name, std::fs::read(&path).expect("a readable file"));
    }
    files
}

/// What `agendex pages` reads from a PDF, without the page headers.
fn pages_text(path: &Path) -> String {
    let out = run(&["pages", path.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .filter(|l| !l.starts_with("=== "))
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

    // Every generated file reads: exit 0 and no failed file.
    let out = run(&["extract", a.to_str().unwrap()]);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(0), "{err}");
    assert!(
        err.contains(&format!("{FILES} files,")) && err.contains(" 0 failed"),
        "{err}"
    );
    let records = String::from_utf8_lossy(&out.stdout).lines().count();
    assert!(
        records >= FILES,
        "at least a document record per file: {records}"
    );
}

#[test]
fn generated_pdfs_keep_their_layout_but_not_their_details() {
    let tmp = tempfile::tempdir().expect("a temp dir");
    let out = run(&[
        "generate",
        "--out",
        tmp.path().to_str().unwrap(),
        "--files",
        "2",
        "--seed",
        "3",
        "--kinds",
        "pdf",
    ]);
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

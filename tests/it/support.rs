//! Shared helpers: paths of the bundled inputs, running the built binary.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// The project root (where `corpus/` and `seeds/` live).
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The real council documents beside the project (`../shared/corpus-real`).
/// The tests that read them are `#[ignore]`d, so a fresh checkout lists them
/// as ignored; run with `cargo test -- --include-ignored` without the folder,
/// they fail here saying what is missing rather than pass having read nothing.
pub fn corpus_real() -> PathBuf {
    needed_folder("../shared/corpus-real", "the real council documents")
}

/// The real documents' gold annotations beside the project (`../shared/gold`),
/// needed as [`corpus_real`] is.
pub fn shared_gold() -> PathBuf {
    needed_folder("../shared/gold", "the real documents' gold annotations")
}

/// The folder at `relative` to the project root if it is there; otherwise a
/// failure naming it, what it holds and where it was looked for.
pub fn needed_folder(relative: &str, what: &str) -> PathBuf {
    let path = root().join(relative);
    assert!(
        path.is_dir(),
        "this test needs {relative} ({what}), which is not there (looked for {}); \
         without it run `cargo test --workspace` (no `--include-ignored`), \
         which lists the tests that need it as ignored",
        path.display()
    );
    path
}

/// The `agendex` binary cargo built for these tests, run from the project root.
pub fn agendex() -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_agendex"));
    c.current_dir(root());
    c
}

/// Run `agendex` with arguments and return its output. Every record an
/// `extract` prints (JSON Lines or JSON on stdout) is checked against the
/// schema `agendex schema` prints.
pub fn run(args: &[&str]) -> Output {
    let out = agendex()
        .args(args)
        .output()
        .expect("the agendex binary runs");
    if args.first() == Some(&"extract") && !args.iter().any(|a| *a == "-o" || *a == "--output") {
        let format = args
            .iter()
            .position(|a| *a == "--format")
            .and_then(|i| args.get(i + 1))
            .copied()
            .unwrap_or("jsonl");
        let printed = String::from_utf8_lossy(&out.stdout);
        let records: Vec<serde_json::Value> = match format {
            "jsonl" => printed
                .lines()
                .map(|l| {
                    serde_json::from_str(l).unwrap_or_else(|e| panic!("bad JSON line {l:?}: {e}"))
                })
                .collect(),
            "json" if !printed.trim().is_empty() => {
                serde_json::from_str(&printed).expect("extract --format json prints an array")
            }
            _ => Vec::new(),
        };
        for r in &records {
            assert_valid_record(r);
        }
    }
    out
}

/// The validator of `agendex schema`'s output, made once per test binary.
pub fn record_validator() -> &'static jsonschema::Validator {
    static VALIDATOR: std::sync::OnceLock<jsonschema::Validator> = std::sync::OnceLock::new();
    VALIDATOR.get_or_init(|| {
        let out = agendex()
            .arg("schema")
            .output()
            .expect("the agendex binary runs");
        assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
        let schema: serde_json::Value =
            serde_json::from_slice(&out.stdout).expect("agendex schema prints JSON");
        jsonschema::validator_for(&schema).expect("agendex schema is a valid JSON Schema")
    })
}

/// Fail naming the record and every way it breaks the record schema.
pub fn assert_valid_record(record: &serde_json::Value) {
    let errors: Vec<String> = record_validator()
        .iter_errors(record)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect();
    assert!(
        errors.is_empty(),
        "record {} breaks the schema: {errors:?}",
        record["id"]
    );
}

/// stdout as JSON Lines.
pub fn records(out: &Output) -> Vec<serde_json::Value> {
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("bad JSON line {l:?}: {e}")))
        .collect()
}

pub fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

pub fn exists(p: &Path) -> bool {
    p.exists()
}

/// Records, stderr and exit status of one run.
pub type RealRun = (Vec<serde_json::Value>, String, Option<i32>);

/// What `agendex extract` gives over the real council PDFs: run once per
/// test binary and shared, since reading 400 pages in a debug build is slow.
/// Fails as [`corpus_real`] does where the folder is absent.
pub fn real_extract() -> &'static RealRun {
    static RUN: std::sync::OnceLock<RealRun> = std::sync::OnceLock::new();
    RUN.get_or_init(|| {
        let real = corpus_real();
        let out = run(&["extract", &real.to_string_lossy()]);
        (records(&out), stderr(&out), out.status.code())
    })
}

#[test]
fn a_missing_folder_fails_saying_what_is_needed() {
    let failure = std::panic::catch_unwind(|| needed_folder("no-such-folder", "test documents"))
        .expect_err("a missing folder fails");
    let message = failure
        .downcast_ref::<String>()
        .expect("a formatted message");
    assert!(
        message.starts_with("this test needs no-such-folder (test documents), which is not there"),
        "{message}"
    );
    assert!(message.contains("--include-ignored"), "{message}");
    assert_eq!(needed_folder("tests", "the tests"), root().join("tests"));
}

/// The records of one `kind` from the file whose path holds `file`.
pub fn of<'a>(recs: &'a [serde_json::Value], file: &str, kind: &str) -> Vec<&'a serde_json::Value> {
    recs.iter()
        .filter(|r| {
            r["kind"] == kind
                && r["source"]["path"]
                    .as_str()
                    .is_some_and(|p| p.contains(file))
        })
        .collect()
}

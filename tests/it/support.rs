//! Shared helpers: paths of the bundled inputs, running the built binary.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// The project root (where `corpus/` and `seeds/` live).
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The real council PDFs beside the project, if that folder is there.
pub fn corpus_real() -> Option<PathBuf> {
    let p = root().join("..").join("shared").join("corpus-real");
    if p.is_dir() {
        Some(p)
    } else {
        eprintln!("skipped: {} is absent", p.display());
        None
    }
}

/// The `agendex` binary cargo built for these tests, run from the project root.
pub fn agendex() -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_agendex"));
    c.current_dir(root());
    c
}

/// Run `agendex` with arguments and return its output.
pub fn run(args: &[&str]) -> Output {
    agendex()
        .args(args)
        .output()
        .expect("the agendex binary runs")
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
/// `None` (and a note) where the folder is absent.
pub fn real_extract() -> Option<&'static RealRun> {
    static RUN: std::sync::OnceLock<Option<RealRun>> = std::sync::OnceLock::new();
    RUN.get_or_init(|| {
        let real = corpus_real()?;
        let out = run(&["extract", real.to_str()?]);
        Some((records(&out), stderr(&out), out.status.code()))
    })
    .as_ref()
}

//! Inputs for the grammar tests: each seed as text, and the same seed's PDF
//! rendering as the layout layer hands it over (`tests/pages/<stem>.json`,
//! kept equal to `agendex pages --json corpus/<stem>.pdf` by the binary's
//! layout test, so the grammars are tested on real PDF layout without
//! reading a PDF here).
#![allow(dead_code)]

use grammars::Page;
use std::path::PathBuf;

pub const SEEDS: &[&str] = &[
    "000_ab51a36975b4b00c",
    "001_dd0b79784824a396",
    "002_73f4e48f0bf20ba3",
    "003_a0cb441c1b215d03",
    "004_790beaa8e3ba6a97",
];

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// A seed's text form, read as `agendex` reads a `.txt` input.
pub fn text_pages(stem: &str) -> Vec<Page> {
    let path = root().join("..").join("seeds").join(format!("{stem}.txt"));
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path:?}: {e}"));
    grammars::from_text(&text)
}

/// A seed's PDF form, as the layout layer reads `corpus/<stem>.pdf`.
pub fn pdf_pages(stem: &str) -> Vec<Page> {
    let path = root()
        .join("tests")
        .join("pages")
        .join(format!("{stem}.json"));
    let json = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path:?}: {e}"));
    serde_json::from_str(&json).unwrap_or_else(|e| panic!("{path:?}: {e}"))
}

/// Records of one kind from a parse.
pub fn of_kind<'a>(parsed: &'a grammars::Parsed, kind: &str) -> Vec<&'a grammars::Record> {
    parsed.records.iter().filter(|r| r.kind() == kind).collect()
}

/// A text parsed as `agendex` parses a `.txt` input.
pub fn parse_text(text: &str) -> grammars::Parsed {
    grammars::parse(&grammars::from_text(text))
}

/// What `pick` takes from each record that has it, in the records' order.
pub fn picked<'a, T>(
    parsed: &'a grammars::Parsed,
    pick: impl Fn(&'a grammars::Record) -> Option<T>,
) -> Vec<T> {
    parsed.records.iter().filter_map(pick).collect()
}

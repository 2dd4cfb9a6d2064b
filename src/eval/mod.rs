//! Accuracy against hand-made gold: what a file really holds (written by
//! reading the documents, `eval/gold/FORMAT.md`), matched to the records
//! agendex made, scored per kind, per group of documents and per file.
//!
//! Pure: gold text and records in, scores out. `cmd/eval.rs` reads the gold
//! files, runs the pipeline and prints.
//!
//! ```text
//! gold lines --gold--> Gold (files, groups, records)
//! records + Gold --matching--> matches, field checks, unmatched records
//!         --score--> tallies per (file, kind) --> per group, overall
//!         --report--> text / markdown / JSON;  --floors--> the CI guard
//! ```

pub mod floors;
pub mod fold;
pub mod gold;
pub mod links;
pub mod matching;
pub mod relevance;
pub mod report;
pub mod score;

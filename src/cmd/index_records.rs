//! `agendex index --records`: bring the index up to date with records that
//! were extracted elsewhere (another machine, a cluster), without reading a
//! paper.
//!
//! The rules are `agendex index`'s: an input file is known by its path and
//! SHA-256; a file whose records are what the index holds is left alone,
//! one that is new or changed has its records written (replacing what it
//! had), and indexed files the records no longer mention are dropped.
//! Records are compared by the SHA-256 of their JSON, kept in the file's
//! marker ([`schema::records_version`]), so records made by a newer
//! extraction of unchanged papers are written again. Problems in the
//! record files are named with file and line; then no indexed file is
//! dropped, since the records of a file missing from the inputs may be the
//! ones that could not be read.

use super::index::{open_updater, peak_memory_mb, refresh_links, release_free_memory, Summary};
use super::{EXIT_OK, EXIT_SOME_FAILED};
use crate::cli::IndexArgs;
use agendex::index::schema;
use agendex::index::writer::Replaced;
use agendex::index::IndexError;
use agendex::record::OutRecord;
use agendex::record_files::{self, FileRecords};
use anyhow::Result;
use sha2::{Digest, Sha256};
use std::collections::HashSet;
use std::time::Instant;

pub fn run(args: &IndexArgs) -> Result<i32> {
    let start = Instant::now();
    let (files, walk_errors) = record_files::walk(&args.paths);
    for e in &walk_errors {
        eprintln!("agendex: {}: {}", e.path, e.reason);
    }
    let mut updater = match open_updater(args)? {
        Ok(u) => u,
        Err(code) => return Ok(code),
    };
    let mut summary = Summary::default();
    let mut inputs: HashSet<String> = HashSet::new();
    let mut problems = 0usize;
    let verbose = args.read.verbose;

    let mut withheld = 0usize;
    let mut write = |mut file: FileRecords| -> Result<(), IndexError> {
        inputs.insert(file.path.clone());
        if args.public {
            let (kept, n) = agendex::public::withhold(&file.records);
            withheld += n;
            file.records = kept;
        }
        let version = schema::records_version(&records_sha256(&file.records));
        if updater.holds(&file.path, &file.sha256, &version) {
            summary.unchanged += 1;
            return Ok(());
        }
        match updater.replace_file_as(&file.path, &file.sha256, &version, &file.records)? {
            Replaced::Added => summary.added += 1,
            Replaced::Updated => summary.updated += 1,
        }
        summary.parsed += 1;
        summary.records_written += file.records.len();
        if updater.commit_if_due()? {
            release_free_memory();
            if verbose {
                eprintln!("agendex: committed {} files", summary.parsed);
            }
        }
        Ok(())
    };
    let mut problem = |p: record_files::RecordFileError| {
        eprintln!("agendex: {p}");
        problems += 1;
    };
    record_files::for_each_file(&files, &mut write, &mut problem)?;

    if walk_errors.is_empty() && problems == 0 {
        summary.removed = updater.remove_all_but(&inputs);
    } else {
        eprintln!(
            "agendex: some records could not be read: indexed files missing from them are kept"
        );
    }
    let (totals, held) = updater.finish_held()?;
    agendex::public::mark(&args.index, args.public)?;
    refresh_links(&args.index, held, verbose)?;
    if args.public {
        eprintln!("agendex: public index: {withheld} exempt records withheld");
    }
    summary.failed = problems + walk_errors.len();
    summary.print(inputs.len(), &totals, start, "");
    if verbose {
        let (this, _) = peak_memory_mb();
        eprintln!("agendex: peak memory: {this} MB");
    }
    Ok(if summary.failed > 0 {
        EXIT_SOME_FAILED
    } else {
        EXIT_OK
    })
}

/// The SHA-256 of a file's records as JSON Lines, as `extract` prints them.
fn records_sha256(records: &[OutRecord]) -> String {
    let mut hasher = Sha256::new();
    for r in records {
        // A record read from JSON always serialises back.
        if let Ok(json) = serde_json::to_vec(r) {
            hasher.update(&json);
        }
        hasher.update(b"\n");
    }
    hasher
        .finalize()
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

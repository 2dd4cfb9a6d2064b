//! `agendex index`: bring the search index up to date with the inputs and
//! print what changed.

use super::{pipeline_options, EXIT_FATAL, EXIT_OK, EXIT_SOME_FAILED};
use crate::cli::IndexArgs;
use agendex::index::writer::{self, Event, UpdateOptions};
use agendex::index::IndexError;
use agendex::walk;
use anyhow::Result;
use std::io::IsTerminal;

pub fn run(args: &IndexArgs) -> Result<i32> {
    let (sources, walk_errors) = walk::walk(&args.paths);
    for e in &walk_errors {
        eprintln!("agendex: {}: {}", e.path, e.reason);
    }
    if !walk_errors.is_empty() && !sources.is_empty() {
        eprintln!(
            "agendex: some paths could not be read: indexed files missing from the inputs are kept"
        );
    }
    let opts = UpdateOptions {
        rebuild: args.rebuild,
        keep_missing: !walk_errors.is_empty(),
        commit_every: args.commit_every.max(1),
        merge_bytes: args.merge_mb.saturating_mul(1 << 20),
        ..UpdateOptions::default()
    };
    let verbose = args.read.verbose;
    // A progress line only for a person watching (stderr a terminal).
    let progress = std::io::stderr().is_terminal();
    let mut shown = false;
    let mut warnings = 0usize;
    let mut on = |event: Event| match event {
        Event::Parsed { done, total } => {
            if progress {
                eprint!("\ragendex: parsed {done} of {total} files");
                shown = done < total;
                if !shown {
                    eprint!("\r\x1b[K");
                }
            }
        }
        Event::Failed { path, reason } => {
            if shown {
                eprint!("\r\x1b[K");
            }
            eprintln!("agendex: {path}: {reason}")
        }
        Event::Warning {
            path,
            page,
            message,
        } => {
            warnings += 1;
            if verbose {
                if shown {
                    eprint!("\r\x1b[K");
                }
                eprintln!("agendex: {path}: page {page}: {message}");
            }
        }
        Event::Committed { done, total } => {
            if verbose {
                if shown {
                    eprint!("\r\x1b[K");
                }
                eprintln!("agendex: committed {done} of {total} files");
            }
        }
    };
    let summary = match writer::update(
        &args.index,
        &sources,
        &pipeline_options(&args.read),
        &opts,
        &mut on,
    ) {
        Ok(s) => s,
        Err(e @ IndexError::Busy) => {
            eprintln!("agendex: {e}");
            return Ok(EXIT_FATAL);
        }
        Err(e) => return Err(e.into()),
    };
    let failed = summary.failed + walk_errors.len();
    let note = if warnings > 0 && !verbose {
        format!(", {warnings} warnings (-v to show)")
    } else {
        String::new()
    };
    eprintln!(
        "{} files: {} added, {} updated, {} unchanged, {} removed, {} failed; \
         {} parsed, {} records written; index holds {} files, {} records; {:.2} s{note}",
        sources.len() + walk_errors.len(),
        summary.added,
        summary.updated,
        summary.unchanged,
        summary.removed,
        failed,
        summary.parsed,
        summary.records_written,
        summary.files,
        summary.records,
        summary.elapsed.as_secs_f64(),
    );
    if verbose {
        let (this, worker) = peak_memory_mb();
        eprintln!(
            "agendex: peak memory: {this} MB this process, {worker} MB the largest PDF worker"
        );
    }
    Ok(if failed > 0 {
        EXIT_SOME_FAILED
    } else {
        EXIT_OK
    })
}

/// Peak resident memory (MB) of this process and of the largest PDF worker
/// it ended: how `scripts/bench-pipeline.sh --flat` tells the two apart,
/// which a timer around the whole command cannot.
fn peak_memory_mb() -> (u64, u64) {
    // SAFETY: getrusage writes only into the struct it is given.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    let this = if unsafe { libc::getrusage(libc::RUSAGE_SELF, &mut usage) } == 0 {
        // Linux reports kilobytes.
        u64::try_from(usage.ru_maxrss).unwrap_or(0) / 1024
    } else {
        0
    };
    (this, agendex::pdf::worker::largest_worker_mb())
}

//! `agendex extract`: parse inputs and print their records.

use super::{pipeline_options, RecordSink, EXIT_FATAL, EXIT_OK, EXIT_SOME_FAILED};
use crate::cli::ExtractArgs;
use agendex::output::Writer;
use agendex::pipeline;
use agendex::walk;
use anyhow::Result;

pub fn run(args: &ExtractArgs) -> Result<i32> {
    for k in &args.kind {
        if !grammars::KINDS.contains(&k.as_str()) {
            eprintln!(
                "agendex: unknown record kind '{k}' (kinds: {})",
                grammars::KINDS.join(", ")
            );
            return Ok(EXIT_FATAL);
        }
    }
    let (sources, walk_errors) = walk::walk(&args.paths);
    let mut failed = 0usize;
    for e in &walk_errors {
        eprintln!("agendex: {}: {}", e.path, e.reason);
        failed += 1;
    }
    let opts = pipeline_options(&args.read);

    let mut sink = RecordSink::open(args.output.as_deref())?;
    let mut writer = Writer::new(&mut sink.out, args.format);
    let mut records = 0usize;
    let mut warnings = 0usize;
    let mut recovered = 0usize;
    let mut io_error: Option<std::io::Error> = writer.begin().err();
    pipeline::run(&sources, &opts, |outcome| {
        let path = outcome.source.display();
        warnings += outcome.warnings.len();
        if args.read.verbose {
            for w in &outcome.warnings {
                eprintln!("agendex: {path}: page {}: {}", w.page, w.message);
            }
        }
        if let Some(note) = outcome.recovery_note() {
            eprintln!("agendex: {path}: {note}");
            recovered += 1;
        }
        match &outcome.result {
            Ok(recs) => {
                for r in recs {
                    if !args.kind.is_empty() && !args.kind.iter().any(|k| k == &r.kind) {
                        continue;
                    }
                    if let Err(e) = writer.write(r) {
                        io_error = Some(e);
                        return false;
                    }
                    records += 1;
                }
            }
            Err(reason) => {
                eprintln!("agendex: {path}: {reason}");
                failed += 1;
            }
        }
        io_error.is_none()
    });
    let finished = match io_error {
        Some(e) => Err(e),
        None => writer.finish().map(|_| ()),
    };
    if let Some(code) = sink.close(finished)? {
        return Ok(code);
    }
    let files = sources.len() + walk_errors.len();
    let mut note = String::new();
    if recovered > 0 {
        note.push_str(&format!(", {recovered} damaged"));
    }
    if warnings > 0 && !args.read.verbose {
        note.push_str(&format!(", {warnings} warnings (-v to show)"));
    }
    eprintln!("{files} files, {records} records, {failed} failed{note}");
    // A damaged file read in part is an input not wholly read.
    Ok(if failed > 0 || recovered > 0 {
        EXIT_SOME_FAILED
    } else {
        EXIT_OK
    })
}

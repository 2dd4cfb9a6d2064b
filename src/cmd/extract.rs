//! `agendex extract`: parse inputs and print their records.

use super::{pipeline_options, RecordSink, EXIT_FATAL, EXIT_OK, EXIT_SOME_FAILED};
use crate::cli::ExtractArgs;
use agendex::output::Writer;
use agendex::parquet_out::ParquetWriter;
use agendex::pipeline;
use agendex::record::OutRecord;
use agendex::walk;
use anyhow::Result;
use std::io::{IsTerminal, Write};

/// Where records are written: a text format, or a Parquet file.
enum Records<'a> {
    Text(Writer<&'a mut Box<dyn Write + Send>>),
    Parquet(Box<ParquetWriter<&'a mut Box<dyn Write + Send>>>),
}

impl Records<'_> {
    fn write(&mut self, r: &OutRecord) -> std::io::Result<()> {
        match self {
            Records::Text(w) => w.write(r),
            Records::Parquet(w) => w.write(r).map_err(std::io::Error::other),
        }
    }

    fn finish(self) -> std::io::Result<()> {
        match self {
            Records::Text(w) => w.finish().map(|_| ()),
            Records::Parquet(w) => w.finish().map_err(std::io::Error::other),
        }
    }
}

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
    if args.format.text().is_none() && args.output.is_none() && std::io::stdout().is_terminal() {
        eprintln!("agendex: a Parquet file is binary: add -o FILE (or pipe it)");
        return Ok(EXIT_FATAL);
    }

    let mut sink = RecordSink::open(args.output.as_deref())?;
    let mut io_error: Option<std::io::Error> = None;
    let mut writer = match args.format.text() {
        Some(format) => {
            let mut w = Writer::new(&mut sink.out, format);
            io_error = w.begin().err();
            Records::Text(w)
        }
        // Fails only on a schema Parquet cannot hold, never this one.
        None => Records::Parquet(Box::new(
            ParquetWriter::new(&mut sink.out)
                .map_err(|e| anyhow::anyhow!("cannot write Parquet: {e}"))?,
        )),
    };
    let mut records = 0usize;
    let mut warnings = 0usize;
    let mut recovered = 0usize;
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
        Some(e) => {
            drop(writer);
            Err(e)
        }
        None => writer.finish(),
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

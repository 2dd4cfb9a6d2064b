//! `agendex export`: every indexed record out, as JSON Lines or CSV, from
//! the JSON the index stores (so no input is read again).

use super::{is_broken_pipe, EXIT_FATAL, EXIT_OK};
use crate::cli::{ExportArgs, ExportFormat};
use agendex::index::{export, IndexError};
use agendex::output::{csv_quote, CSV_COLUMNS};
use anyhow::{bail, Context, Result};
use std::io::Write;

pub fn run(args: &ExportArgs) -> Result<i32> {
    if args.format == ExportFormat::Sqlite {
        eprintln!(
            "agendex: sqlite export is not built in: export --format csv or ndjson \
             and load that (e.g. `sqlite-utils insert db.sqlite records records.ndjson --nl`)"
        );
        return Ok(EXIT_FATAL);
    }
    let (out, tmp): (Box<dyn Write>, Option<std::path::PathBuf>) = match &args.output {
        Some(path) => {
            let tmp = temp_name(path);
            let f = std::fs::File::create(&tmp)
                .with_context(|| format!("cannot create {}", tmp.display()))?;
            (Box::new(std::io::BufWriter::new(f)), Some(tmp))
        }
        None => (
            Box::new(std::io::BufWriter::new(std::io::stdout().lock())),
            None,
        ),
    };
    let mut out = out;
    let mut io_error: Option<std::io::Error> = None;
    if args.format == ExportFormat::Csv {
        if let Err(e) = writeln!(out, "{}", CSV_COLUMNS.join(",")) {
            io_error = Some(e);
        }
    }
    let format = args.format;
    let mut sink = |json: &str| -> bool {
        if io_error.is_some() {
            return false;
        }
        let written = match format {
            ExportFormat::Csv => writeln!(out, "{}", csv_line(json)),
            _ => writeln!(out, "{json}"),
        };
        match written {
            Ok(()) => true,
            Err(e) => {
                io_error = Some(e);
                false
            }
        }
    };
    let n = match export::for_each_record(&args.index, &mut sink) {
        Ok(n) => n,
        Err(e @ IndexError::Missing(_)) => {
            eprintln!("agendex: {e}");
            return Ok(EXIT_FATAL);
        }
        Err(e) => return Err(e.into()),
    };
    let finished = match io_error {
        Some(e) => Err(e),
        None => out.flush(),
    };
    drop(out);
    if let Err(e) = finished {
        if let Some(tmp) = &tmp {
            let _ = std::fs::remove_file(tmp);
        }
        if is_broken_pipe(&e) {
            return Ok(EXIT_OK);
        }
        bail!("cannot write records: {e}");
    }
    if let (Some(tmp), Some(path)) = (&tmp, &args.output) {
        std::fs::rename(tmp, path).with_context(|| format!("cannot write {}", path.display()))?;
    }
    eprintln!("{n} records");
    Ok(EXIT_OK)
}

/// One CSV line with the columns `extract --format csv` writes.
fn csv_line(json: &str) -> String {
    let v: serde_json::Value = serde_json::from_str(json).unwrap_or_default();
    let s = |p: &str| match v.pointer(p) {
        Some(serde_json::Value::String(s)) => s.clone(),
        Some(serde_json::Value::Null) | None => String::new(),
        Some(other) => other.to_string(),
    };
    let mut fields = v.as_object().cloned().unwrap_or_default();
    for k in ["schema_version", "id", "kind", "text", "source", "document"] {
        fields.remove(k);
    }
    let cols = [
        s("/schema_version"),
        s("/id"),
        s("/kind"),
        s("/source/path"),
        s("/source/sha256"),
        s("/source/page"),
        s("/source/page_end"),
        s("/source/page_label"),
        s("/document/type"),
        s("/document/title"),
        s("/document/council"),
        s("/document/body"),
        s("/document/date"),
        s("/text"),
        serde_json::Value::Object(fields).to_string(),
    ];
    cols.iter()
        .map(|c| csv_quote(c))
        .collect::<Vec<_>>()
        .join(",")
}

fn temp_name(path: &std::path::Path) -> std::path::PathBuf {
    let mut name = path
        .file_name()
        .map(|n| n.to_os_string())
        .unwrap_or_default();
    name.push(format!(".tmp{}", std::process::id()));
    path.with_file_name(name)
}

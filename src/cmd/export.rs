//! `agendex export`: every indexed record out, as JSON Lines, CSV or a
//! SQLite database, from the JSON the index stores (so no input is read
//! again).

use super::{RecordSink, EXIT_FATAL, EXIT_OK};
use crate::cli::{ExportArgs, ExportFormat};
use agendex::index::{export, IndexError};
use agendex::output::{csv_quote, CSV_COLUMNS};
use anyhow::Result;
use std::io::Write;

pub fn run(args: &ExportArgs) -> Result<i32> {
    if matches!(
        args.format,
        ExportFormat::Quickwit | ExportFormat::Opensearch
    ) {
        return super::export_engines::run(args);
    }
    if args.format == ExportFormat::Sqlite {
        let Some(path) = &args.output else {
            eprintln!("agendex: a sqlite export needs a file: add -o PATH");
            return Ok(EXIT_FATAL);
        };
        return match sqlite::write(&args.index, path) {
            Ok(n) => {
                eprintln!("{n} records");
                Ok(EXIT_OK)
            }
            Err(e) => match e.downcast_ref::<IndexError>() {
                Some(e @ IndexError::Missing(_)) => {
                    eprintln!("agendex: {e}");
                    Ok(EXIT_FATAL)
                }
                _ => Err(e),
            },
        };
    }
    let mut rs = RecordSink::open(args.output.as_deref())?;
    let out = &mut rs.out;
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
            rs.discard();
            eprintln!("agendex: {e}");
            return Ok(EXIT_FATAL);
        }
        Err(e) => {
            rs.discard();
            return Err(e.into());
        }
    };
    let finished = match io_error {
        Some(e) => Err(e),
        None => rs.out.flush(),
    };
    if let Some(code) = rs.close(finished)? {
        return Ok(code);
    }
    eprintln!("{n} records");
    Ok(EXIT_OK)
}

/// The SQLite export: one `records` table (the CSV columns, NULL where a
/// value is absent), indexes on kind, date, body and path, and a full-text
/// table `records_fts` over text and title (Datasette finds it by name).
mod sqlite {
    use agendex::index::export;
    use anyhow::{Context, Result};
    use rusqlite::types::Value as Sql;
    use std::path::Path;

    const SCHEMA: &str = "
        CREATE TABLE records (
            schema_version INTEGER,
            id TEXT NOT NULL,
            kind TEXT NOT NULL,
            path TEXT NOT NULL,
            sha256 TEXT,
            page INTEGER,
            page_end INTEGER,
            page_label TEXT,
            document_type TEXT,
            document_title TEXT,
            council TEXT,
            body TEXT,
            date TEXT,
            text TEXT,
            fields TEXT
        );";
    const INDEXES: &str = "
        CREATE INDEX records_id ON records(id);
        CREATE INDEX records_kind ON records(kind);
        CREATE INDEX records_date ON records(date);
        CREATE INDEX records_body ON records(body);
        CREATE INDEX records_path ON records(path);";
    const FTS: &str = "
        CREATE VIRTUAL TABLE records_fts USING fts5(
            text, document_title, content='records', content_rowid='rowid');
        INSERT INTO records_fts(records_fts) VALUES('rebuild');";

    /// Write the database to a temporary name beside `path`, then rename it.
    pub fn write(index: &Path, path: &Path) -> Result<usize> {
        let tmp = crate::cmd::temp_name(path);
        let _ = std::fs::remove_file(&tmp);
        let written = fill(index, &tmp);
        match written {
            Ok(n) => {
                std::fs::rename(&tmp, path)
                    .with_context(|| format!("cannot write {}", path.display()))?;
                Ok(n)
            }
            Err(e) => {
                let _ = std::fs::remove_file(&tmp);
                Err(e)
            }
        }
    }

    fn fill(index: &Path, file: &Path) -> Result<usize> {
        let mut db = rusqlite::Connection::open(file)
            .with_context(|| format!("cannot create {}", file.display()))?;
        db.execute_batch(SCHEMA)?;
        let tx = db.transaction()?;
        let mut failure: Option<rusqlite::Error> = None;
        let n = {
            let mut insert = tx.prepare(
                "INSERT INTO records VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15)",
            )?;
            export::for_each_record(index, &mut |json| {
                let row = row(json);
                match insert.execute(rusqlite::params_from_iter(row)) {
                    Ok(_) => true,
                    Err(e) => {
                        failure = Some(e);
                        false
                    }
                }
            })?
        };
        if let Some(e) = failure {
            return Err(e.into());
        }
        tx.commit()?;
        db.execute_batch(INDEXES)?;
        if let Err(e) = db.execute_batch(FTS) {
            eprintln!("agendex: no full-text table in the export: {e}");
        }
        Ok(n)
    }

    /// The columns of one record, from its JSON.
    fn row(json: &str) -> Vec<Sql> {
        let v: serde_json::Value = serde_json::from_str(json).unwrap_or_default();
        let value = |p: &str| match v.pointer(p) {
            Some(serde_json::Value::String(s)) => Sql::Text(s.clone()),
            Some(serde_json::Value::Number(n)) => match n.as_i64() {
                Some(i) => Sql::Integer(i),
                None => Sql::Text(n.to_string()),
            },
            Some(serde_json::Value::Null) | None => Sql::Null,
            Some(other) => Sql::Text(other.to_string()),
        };
        let mut fields = v.as_object().cloned().unwrap_or_default();
        for k in ["schema_version", "id", "kind", "text", "source", "document"] {
            fields.remove(k);
        }
        vec![
            value("/schema_version"),
            value("/id"),
            value("/kind"),
            value("/source/path"),
            value("/source/sha256"),
            value("/source/page"),
            value("/source/page_end"),
            value("/source/page_label"),
            value("/document/type"),
            value("/document/title"),
            value("/document/council"),
            value("/document/body"),
            value("/document/date"),
            value("/text"),
            Sql::Text(serde_json::Value::Object(fields).to_string()),
        ]
    }
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

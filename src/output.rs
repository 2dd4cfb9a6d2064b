//! Record writers: JSON Lines, one JSON array, CSV. Streaming: each record
//! is written as it comes, nothing is held back but the CSV header.

use crate::record::OutRecord;
use std::io::{self, Write};

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// One JSON object per line.
    Jsonl,
    /// One JSON array of objects.
    Json,
    /// Comma-separated values: the envelope as columns, the kind's own fields as one JSON column.
    Csv,
}

/// The CSV columns, in order.
pub const CSV_COLUMNS: &[&str] = &[
    "schema_version",
    "id",
    "kind",
    "path",
    "sha256",
    "page",
    "page_end",
    "page_label",
    "document_type",
    "document_title",
    "council",
    "body",
    "date",
    "text",
    "fields",
];

pub struct Writer<W: Write> {
    out: W,
    format: Format,
    written: usize,
}

impl<W: Write> Writer<W> {
    pub fn new(out: W, format: Format) -> Self {
        Writer {
            out,
            format,
            written: 0,
        }
    }

    pub fn begin(&mut self) -> io::Result<()> {
        match self.format {
            Format::Json => self.out.write_all(b"["),
            Format::Csv => writeln!(self.out, "{}", CSV_COLUMNS.join(",")),
            Format::Jsonl => Ok(()),
        }
    }

    pub fn write(&mut self, r: &OutRecord) -> io::Result<()> {
        match self.format {
            Format::Jsonl => {
                serde_json::to_writer(&mut self.out, r)?;
                self.out.write_all(b"\n")?;
            }
            Format::Json => {
                self.out
                    .write_all(if self.written == 0 { b"\n" } else { b",\n" })?;
                serde_json::to_writer(&mut self.out, r)?;
            }
            Format::Csv => {
                let fields = serde_json::to_value(&r.fields)
                    .map(|v| v.to_string())
                    .unwrap_or_default();
                let page = r.source.page.to_string();
                let page_end = r.source.page_end.to_string();
                let version = r.schema_version.to_string();
                let cols: [&str; 15] = [
                    &version,
                    &r.id,
                    &r.kind,
                    &r.source.path,
                    &r.source.sha256,
                    &page,
                    &page_end,
                    r.source.page_label.as_deref().unwrap_or(""),
                    r.document.doc_type.as_str(),
                    r.document.title.as_deref().unwrap_or(""),
                    r.document.council.as_deref().unwrap_or(""),
                    r.document.body.as_deref().unwrap_or(""),
                    r.document.date.as_deref().unwrap_or(""),
                    &r.text,
                    &fields,
                ];
                let line: Vec<String> = cols.iter().map(|c| csv_quote(c)).collect();
                writeln!(self.out, "{}", line.join(","))?;
            }
        }
        self.written += 1;
        Ok(())
    }

    pub fn finish(mut self) -> io::Result<W> {
        if self.format == Format::Json {
            self.out
                .write_all(if self.written == 0 { b"]\n" } else { b"\n]\n" })?;
        }
        self.out.flush()?;
        Ok(self.out)
    }
}

/// RFC 4180 quoting: quote when needed, double inner quotes.
pub fn csv_quote(s: &str) -> String {
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::csv_quote;

    #[test]
    fn csv_quoting() {
        assert_eq!(csv_quote("plain"), "plain");
        assert_eq!(csv_quote("a, b"), "\"a, b\"");
        assert_eq!(csv_quote("say \"no\""), "\"say \"\"no\"\"\"");
    }
}

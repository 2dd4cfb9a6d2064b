//! Gold files: JSON Lines of file lines (which kinds a file annotates
//! exhaustively) and record lines (one record the document really holds).
//! The format is `eval/gold/FORMAT.md`; this module only reads it.

use serde_json::{Map, Value};
use std::collections::BTreeMap;

/// One annotated input file.
#[derive(Debug, Clone, PartialEq)]
pub struct GoldFile {
    /// The input's file name, without folders.
    pub file: String,
    /// Which group of documents it is scored in.
    pub group: String,
    /// Kinds annotated exhaustively (precision is computed for these only).
    pub complete: Vec<String>,
    pub note: Option<String>,
}

/// One record a document holds.
#[derive(Debug, Clone, PartialEq)]
pub struct GoldRecord {
    pub file: String,
    pub kind: String,
    /// Distinctive text of the record as printed.
    pub key: String,
    /// The fields the annotator stated, in the order written.
    pub fields: Vec<(String, Value)>,
    /// Where the line is: `gold/x.jsonl:12`.
    pub origin: String,
}

/// Everything read from the gold files.
#[derive(Debug, Default, Clone)]
pub struct Gold {
    /// By file name.
    pub files: BTreeMap<String, GoldFile>,
    /// In the order read.
    pub records: Vec<GoldRecord>,
}

/// A gold line that cannot be read.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[error("{origin}: {reason}")]
pub struct GoldError {
    pub origin: String,
    pub reason: String,
}

/// Keys of a record line that are not fields to check.
const NOT_FIELDS: &[&str] = &["file", "kind", "key", "note", "complete", "group"];

/// The group a gold file's documents are scored in: its name without the
/// extension and a leading `dev-` (`dev-parish.jsonl` -> `parish`).
pub fn group_of_gold_file(name: &str) -> String {
    let stem = name.strip_suffix(".jsonl").unwrap_or(name);
    stem.strip_prefix("dev-").unwrap_or(stem).to_string()
}

/// Text inputs (markdown, text, HTML) outside the seeds form a group of
/// their own, whichever gold file annotates them: they exercise a different
/// reader than the PDFs beside them.
fn group_for(file: &str, gold_group: &str) -> String {
    let is_pdf = file.to_ascii_lowercase().ends_with(".pdf");
    if !is_pdf && !gold_group.starts_with("seeds") {
        "text".to_string()
    } else {
        gold_group.to_string()
    }
}

impl Gold {
    /// Read one gold file's text into `self`. `origin` names the file in
    /// messages; `group` is the group its documents are scored in (a file
    /// line's own `"group"` wins).
    pub fn add(&mut self, text: &str, origin: &str, group: &str) -> Result<(), GoldError> {
        for (i, line) in text.lines().enumerate() {
            let at = || format!("{origin}:{}", i + 1);
            let line = line.trim();
            if line.is_empty() || line.starts_with("//") {
                continue;
            }
            let value: Value = serde_json::from_str(line).map_err(|e| GoldError {
                origin: at(),
                reason: format!("not a JSON object: {e}"),
            })?;
            let Value::Object(obj) = value else {
                return Err(GoldError {
                    origin: at(),
                    reason: "not a JSON object".into(),
                });
            };
            let file = string_of(&obj, "file").ok_or_else(|| GoldError {
                origin: at(),
                reason: "no \"file\"".into(),
            })?;
            if let Some(kind) = string_of(&obj, "kind") {
                let key = string_of(&obj, "key").ok_or_else(|| GoldError {
                    origin: at(),
                    reason: format!("a {kind} line without a \"key\""),
                })?;
                let fields = obj
                    .iter()
                    .filter(|(k, _)| !NOT_FIELDS.contains(&k.as_str()))
                    .map(|(k, v)| (k.clone(), v.clone()))
                    .collect();
                self.entry(&file, group);
                self.records.push(GoldRecord {
                    file,
                    kind,
                    key,
                    fields,
                    origin: at(),
                });
            } else if let Some(Value::Array(kinds)) = obj.get("complete") {
                let complete: Vec<String> = kinds
                    .iter()
                    .filter_map(|k| k.as_str().map(str::to_string))
                    .collect();
                let group = string_of(&obj, "group").unwrap_or_else(|| group.to_string());
                let entry = self.entry(&file, &group);
                entry.group = group_for(&file, &group);
                for k in complete {
                    if !entry.complete.contains(&k) {
                        entry.complete.push(k);
                    }
                }
                if let Some(note) = string_of(&obj, "note") {
                    entry.note = Some(note);
                }
            } else {
                return Err(GoldError {
                    origin: at(),
                    reason:
                        "neither a record line (\"kind\", \"key\") nor a file line (\"complete\")"
                            .into(),
                });
            }
        }
        Ok(())
    }

    fn entry(&mut self, file: &str, group: &str) -> &mut GoldFile {
        self.files
            .entry(file.to_string())
            .or_insert_with(|| GoldFile {
                file: file.to_string(),
                group: group_for(file, group),
                complete: Vec::new(),
                note: None,
            })
    }
}

fn string_of(obj: &Map<String, Value>, key: &str) -> Option<String> {
    obj.get(key).and_then(Value::as_str).map(str::to_string)
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str = r#"{"file": "a.pdf", "complete": ["minute"], "note": "n"}
{"file": "a.pdf", "kind": "minute", "key": "Apologies", "number": "1"}

{"file": "b.md", "kind": "meeting", "key": "Parish Council", "date": "2020-01-02"}
"#;

    #[test]
    fn reads_file_and_record_lines() {
        let mut g = Gold::default();
        g.add(TEXT, "x.jsonl", "parish").unwrap();
        assert_eq!(g.files.len(), 2);
        assert_eq!(g.files["a.pdf"].complete, vec!["minute"]);
        assert_eq!(g.files["a.pdf"].group, "parish");
        assert_eq!(g.files["b.md"].group, "text");
        assert_eq!(g.records.len(), 2);
        assert_eq!(
            g.records[0].fields,
            vec![("number".to_string(), Value::from("1"))]
        );
        assert_eq!(g.records[1].origin, "x.jsonl:4");
    }

    #[test]
    fn says_which_line_is_bad() {
        let mut g = Gold::default();
        let e = g.add("{\"file\": \"a\"}\n", "x.jsonl", "p").unwrap_err();
        assert_eq!(e.origin, "x.jsonl:1");
        let e = g
            .add("{\"file\": \"a\", \"kind\": \"minute\"}", "y", "p")
            .unwrap_err();
        assert!(e.reason.contains("key"), "{e}");
        assert!(g.add("not json", "z", "p").is_err());
    }

    #[test]
    fn groups_from_gold_file_names() {
        assert_eq!(group_of_gold_file("dev-parish.jsonl"), "parish");
        assert_eq!(group_of_gold_file("seeds-pdf.jsonl"), "seeds-pdf");
    }
}

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

/// One record of a file that links to one record of another (or the same)
/// file: `{"link": TYPE, "file", "kind", "key", "target_file",
/// "target_kind", "target_key"}`.
#[derive(Debug, Clone, PartialEq)]
pub struct GoldLink {
    pub link_type: String,
    pub file: String,
    pub kind: String,
    pub key: String,
    pub target_file: String,
    pub target_kind: String,
    pub target_key: String,
    pub origin: String,
}

/// Everything read from the gold files.
#[derive(Debug, Default, Clone)]
pub struct Gold {
    /// By file name.
    pub files: BTreeMap<String, GoldFile>,
    /// In the order read.
    pub records: Vec<GoldRecord>,
    /// Links, in the order read.
    pub links: Vec<GoldLink>,
    /// Files whose outgoing links are annotated exhaustively
    /// (`{"links_complete": [FILE, ...]}`): link precision is computed over
    /// links from these.
    pub links_complete: std::collections::BTreeSet<String>,
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
            if let Some(Value::Array(files)) = obj.get("links_complete") {
                self.links_complete
                    .extend(files.iter().filter_map(|f| f.as_str().map(str::to_string)));
                continue;
            }
            if let Some(link_type) = string_of(&obj, "link") {
                let get = |k: &str| {
                    string_of(&obj, k).ok_or_else(|| GoldError {
                        origin: at(),
                        reason: format!("a link line without \"{k}\""),
                    })
                };
                self.links.push(GoldLink {
                    link_type,
                    file: get("file")?,
                    kind: get("kind")?,
                    key: get("key")?,
                    target_file: get("target_file")?,
                    target_kind: get("target_kind")?,
                    target_key: get("target_key")?,
                    origin: at(),
                });
                continue;
            }
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
    fn link_lines_name_both_ends_and_add_no_annotated_file() {
        let mut g = Gold::default();
        let text = r#"{"links_complete": ["a.pdf"]}
{"link": "minuted_as", "file": "a.pdf", "kind": "agenda_item", "key": "Apologies", "target_file": "b.pdf", "target_kind": "minute", "target_key": "Apologies"}"#;
        g.add(text, "l.jsonl", "links").unwrap();
        assert!(g.files.is_empty());
        assert_eq!(g.links.len(), 1);
        assert_eq!(g.links[0].target_kind, "minute");
        assert!(g.links_complete.contains("a.pdf"));
        assert!(g.add(r#"{"link": "x", "file": "a"}"#, "l", "p").is_err());
    }

    #[test]
    fn groups_from_gold_file_names() {
        assert_eq!(group_of_gold_file("dev-parish.jsonl"), "parish");
        assert_eq!(group_of_gold_file("seeds-pdf.jsonl"), "seeds-pdf");
    }
}

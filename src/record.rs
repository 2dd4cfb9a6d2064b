//! The record envelope: what the binary adds around a grammar's record
//! (schema version, stable id, source provenance) and how it is serialised.
//!
//! Field names come from `grammars::model` and the structs here; the order
//! of fields is the contract's, and serialisation is deterministic.

use grammars::{DocumentInfo, Fields, Parsed};
use serde::{Deserialize, Serialize};

pub const SCHEMA_VERSION: u32 = 1;

/// Where a record comes from.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Source {
    pub path: String,
    pub sha256: String,
    pub page: u32,
    pub page_end: u32,
    pub page_label: Option<String>,
}

/// One output record: the envelope and the kind's fields, flat. (Readers of
/// records, such as the index, read them back as JSON values.)
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct OutRecord {
    pub schema_version: u32,
    pub id: String,
    pub kind: String,
    pub text: String,
    pub source: Source,
    pub document: DocumentInfo,
    #[serde(flatten)]
    pub fields: Fields,
    /// On `document` records of a damaged PDF read in part: what was read.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub recovered: Option<crate::pdf::repair::Recovery>,
}

/// Wrap a file's parsed records in their envelopes. Ids are the first 16 hex
/// digits of the file's SHA-256, the kind, and the record's ordinal among
/// records of that kind in the file: the same bytes give the same ids.
pub fn envelope(
    parsed: Parsed,
    path: &str,
    sha256: &str,
    labels: &dyn Fn(u32) -> Option<String>,
) -> Vec<OutRecord> {
    let mut ordinals: std::collections::HashMap<&'static str, usize> = Default::default();
    let prefix = &sha256[..sha256.len().min(16)];
    let documents = parsed.documents;
    parsed
        .records
        .into_iter()
        .map(|r| {
            let kind = r.kind();
            let n = ordinals.entry(kind).or_insert(0);
            *n += 1;
            OutRecord {
                schema_version: SCHEMA_VERSION,
                id: format!("{prefix}-{kind}-{n}"),
                kind: kind.to_string(),
                text: r.text,
                source: Source {
                    path: path.to_string(),
                    sha256: sha256.to_string(),
                    page: r.page,
                    page_end: r.page_end,
                    page_label: labels(r.page),
                },
                document: documents.get(r.document).cloned().unwrap_or_default(),
                fields: r.fields,
                recovered: None,
            }
        })
        .collect()
}

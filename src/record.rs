//! The record envelope: what the binary adds around a grammar's record
//! (schema version, stable id, source provenance) and how it is serialised.
//!
//! Field names come from `grammars::model` and the structs here; the order
//! of fields is the contract's, and serialisation is deterministic. Records
//! read back from JSON (`agendex index --records`, exports from the index)
//! take their kind's fields by the `kind` they name.

use grammars::{DocumentInfo, Fields, Parsed};
use schemars::JsonSchema;
use serde::{Deserialize, Deserializer, Serialize};

pub const SCHEMA_VERSION: u32 = 1;

/// Where a record comes from.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Source {
    /// The file's path as given (relative where the input was relative).
    pub path: String,
    /// The file's SHA-256, lowercase hex.
    pub sha256: String,
    /// 1-based physical page where the record starts.
    pub page: u32,
    /// Physical page where it ends.
    pub page_end: u32,
    /// The printed label on that page ("Page 9"), where there is one.
    pub page_label: Option<String>,
    /// Set when the record's text was read with OCR from a scanned page.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub ocr: bool,
    /// With `ocr`: the mean word confidence (0-100) OCR gave its pages.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ocr_confidence: Option<f32>,
}

/// One record of a UK local-government committee paper, as `agendex
/// extract` prints it: the envelope (identity, text, provenance, the
/// document it sits in) and the fields of its kind, flat beside it.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct OutRecord {
    /// The version of the record contract.
    pub schema_version: u32,
    /// Stable: the first 16 hex digits of the file's SHA-256, the kind and
    /// the record's ordinal among records of that kind in the file.
    pub id: String,
    /// What the record is; its kind's fields follow the envelope.
    pub kind: String,
    /// The record's full text, whitespace folded, page furniture removed.
    pub text: String,
    pub source: Source,
    pub document: DocumentInfo,
    /// Described per kind by `crate::record_schema`.
    #[serde(flatten)]
    #[schemars(skip)]
    pub fields: Fields,
    /// On `document` records of a damaged PDF read in part: what was read.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub recovered: Option<crate::pdf::repair::Recovery>,
}

impl<'de> Deserialize<'de> for OutRecord {
    /// The envelope by name, then the kind's fields by the kind it names
    /// (flat and untagged, the fields alone do not say which kind they are).
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        /// The envelope as it is written; the rest of the object is the
        /// kind's fields. Built into an `OutRecord` field by field, so a
        /// field added there and not here does not compile.
        #[derive(Deserialize)]
        struct Written {
            schema_version: u32,
            id: String,
            kind: String,
            text: String,
            source: Source,
            document: DocumentInfo,
            #[serde(default)]
            recovered: Option<crate::pdf::repair::Recovery>,
            #[serde(flatten)]
            rest: serde_json::Map<String, serde_json::Value>,
        }
        let w = Written::deserialize(deserializer)?;
        let fields = Fields::from_json(&w.kind, serde_json::Value::Object(w.rest))
            .map_err(serde::de::Error::custom)?;
        Ok(OutRecord {
            schema_version: w.schema_version,
            id: w.id,
            kind: w.kind,
            text: w.text,
            source: w.source,
            document: w.document,
            fields,
            recovered: w.recovered,
        })
    }
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
                    ocr: false,
                    ocr_confidence: None,
                },
                document: documents.get(r.document).cloned().unwrap_or_default(),
                fields: r.fields,
                recovered: None,
            }
        })
        .collect()
}

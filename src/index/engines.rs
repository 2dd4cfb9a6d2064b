//! The index for other search engines: a Quickwit index config and an
//! OpenSearch mapping translated from agendex's own tantivy schema, and
//! each record as the document those engines take.
//!
//! Both are made from [`schema::build`] and [`Fields::record_doc`], field
//! by field, so they hold the same fields with the same values as agendex's
//! index: stemmed English text (`text`, `title`), lower-cased words
//! (`body`, `council`), raw terms (`id`, `kind`, `type`, `path`, …; a
//! grade's several), dates,
//! numbers, the facets as raw paths (`/kind/resolution`, `/year/2015`) and
//! the whole record as a stored object. Only what serves agendex's own
//! machinery is left out (the entry type, word pairs, file markers' fields).
//! Owns no I/O.

use super::schema::{self, Fields};
use crate::record::OutRecord;
use serde_json::{json, Map, Value};
use tantivy::schema::{Facet, FieldEntry, FieldType, IndexRecordOption, Schema, Value as _};

/// Fields of agendex's schema that only agendex's own machinery reads.
const INTERNAL: &[&str] = &[
    schema::ENTRY,
    schema::PAIRS,
    schema::RECORDS,
    schema::VERSION,
];

/// The name of the analyzers the OpenSearch mapping defines.
const OS_STEMMED: &str = "agendex_en_stem";
const OS_WORDS: &str = "agendex_words";

/// What an exported field is, read from its tantivy entry.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    /// Analysed text: the tokenizer's name and whether positions are kept.
    Text {
        tokenizer: Tokenizer,
        positions: bool,
    },
    /// One raw term.
    Raw,
    /// Several raw terms (a grade's first words, first two … all of it).
    Terms,
    Date,
    U64,
    /// Facet paths, several per record.
    Facets,
    /// The record itself, stored, not searched.
    Record,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Tokenizer {
    /// agendex's `en_stem`: words, lower-cased, English Snowball stems.
    Stemmed,
    /// tantivy's `default`: words, lower-cased.
    Words,
}

/// The exported fields in schema order, with what each is.
fn exported(schema: &Schema) -> Vec<(&str, Kind)> {
    schema
        .fields()
        .map(|(_, entry)| entry)
        .filter(|entry| !INTERNAL.contains(&entry.name()))
        .filter_map(|entry| Some((entry.name(), kind(entry)?)))
        .collect()
}

fn kind(entry: &FieldEntry) -> Option<Kind> {
    if entry.name() == schema::RECORD {
        return Some(Kind::Record);
    }
    if entry.name() == schema::GRADE {
        return Some(Kind::Terms);
    }
    Some(match entry.field_type() {
        FieldType::Str(options) => {
            let indexing = options.get_indexing_options()?;
            match indexing.tokenizer() {
                "raw" => Kind::Raw,
                t => Kind::Text {
                    tokenizer: if t == schema::STEMMED {
                        Tokenizer::Stemmed
                    } else {
                        Tokenizer::Words
                    },
                    positions: indexing.index_option() == IndexRecordOption::WithFreqsAndPositions,
                },
            }
        }
        FieldType::Date(_) => Kind::Date,
        FieldType::U64(_) => Kind::U64,
        FieldType::Facet(_) => Kind::Facets,
        _ => return None,
    })
}

/// The Quickwit index config (as a value; [`to_yaml`] writes it), for an
/// index named `index_id`.
pub fn quickwit_config(index_id: &str) -> Value {
    let schema = schema::build();
    let fields = exported(&schema);
    let mappings: Vec<Value> = fields
        .iter()
        .map(|(name, kind)| match kind {
            Kind::Text {
                tokenizer,
                positions,
            } => json!({
                "name": name,
                "type": "text",
                "tokenizer": match tokenizer {
                    Tokenizer::Stemmed => "en_stem",
                    Tokenizer::Words => "default",
                },
                "record": if *positions { "position" } else { "freq" },
                "fieldnorms": true,
            }),
            Kind::Raw => json!({"name": name, "type": "text", "tokenizer": "raw"}),
            Kind::Terms => json!({"name": name, "type": "array<text>", "tokenizer": "raw"}),
            Kind::Date => json!({
                "name": name,
                "type": "datetime",
                "input_formats": ["rfc3339"],
                "output_format": "rfc3339",
                "fast": true,
                "fast_precision": "seconds",
            }),
            Kind::U64 => json!({"name": name, "type": "u64"}),
            Kind::Facets => json!({
                "name": name,
                "type": "array<text>",
                "tokenizer": "raw",
                "fast": true,
            }),
            Kind::Record => json!({"name": name, "type": "json", "indexed": false}),
        })
        .collect();
    json!({
        "version": "0.8",
        "index_id": index_id,
        "doc_mapping": {
            "mode": "strict",
            "field_mappings": mappings,
        },
        "search_settings": {
            "default_search_fields": [schema::TEXT, schema::TITLE],
        },
    })
}

/// The OpenSearch index body (settings with the analyzers, and mappings):
/// what `PUT /INDEX` takes.
pub fn opensearch_mapping() -> Value {
    let schema = schema::build();
    let mut properties = Map::new();
    for (name, kind) in exported(&schema) {
        let mapping = match kind {
            Kind::Text { tokenizer, .. } => json!({
                "type": "text",
                "analyzer": match tokenizer {
                    Tokenizer::Stemmed => OS_STEMMED,
                    Tokenizer::Words => OS_WORDS,
                },
            }),
            Kind::Raw | Kind::Terms | Kind::Facets => json!({"type": "keyword"}),
            Kind::Date => json!({"type": "date", "format": "strict_date_optional_time"}),
            Kind::U64 => json!({"type": "long"}),
            Kind::Record => json!({"type": "object", "enabled": false}),
        };
        properties.insert(name.to_string(), mapping);
    }
    // tantivy's simple tokenizer: runs of letters and digits; tokens of 40
    // bytes or more dropped; lower case; English Snowball (Porter2) stems.
    json!({
        "settings": {
            "analysis": {
                "tokenizer": {
                    "agendex_simple": {"type": "pattern", "pattern": "[^\\p{L}\\p{N}]+"},
                },
                "filter": {
                    "agendex_not_long": {"type": "length", "max": 39},
                    "agendex_snowball": {"type": "snowball", "language": "English"},
                },
                "analyzer": {
                    OS_STEMMED: {
                        "type": "custom",
                        "tokenizer": "agendex_simple",
                        "filter": ["agendex_not_long", "lowercase", "agendex_snowball"],
                    },
                    OS_WORDS: {
                        "type": "custom",
                        "tokenizer": "agendex_simple",
                        "filter": ["agendex_not_long", "lowercase"],
                    },
                },
            },
        },
        "mappings": {
            "dynamic": "strict",
            "properties": properties,
        },
    })
}

/// Makes each record's document: the values agendex's index holds, by the
/// same field names.
pub struct Documents {
    schema: Schema,
    fields: Fields,
    kinds: Vec<(String, Kind)>,
}

impl Documents {
    pub fn new() -> tantivy::Result<Documents> {
        let schema = schema::build();
        let kinds = exported(&schema)
            .into_iter()
            .map(|(n, k)| (n.to_string(), k))
            .collect();
        let fields = Fields::of(&schema)?;
        Ok(Documents {
            schema,
            fields,
            kinds,
        })
    }

    /// The document of `record` (its JSON as `extract` prints it), `ord`
    /// its position among its file's records.
    pub fn document(&self, record: &OutRecord, json: &str, ord: u64) -> Map<String, Value> {
        let doc = self.fields.record_doc(record, json, ord);
        let mut out = Map::new();
        for (field, value) in doc.field_values() {
            let name = self.schema.get_field_name(field);
            let Some((_, kind)) = self.kinds.iter().find(|(n, _)| n == name) else {
                continue;
            };
            let v = match kind {
                Kind::Text { .. } | Kind::Raw | Kind::Terms => value.as_str().map(|s| json!(s)),
                Kind::U64 => value.as_u64().map(|n| json!(n)),
                Kind::Date => value.as_datetime().map(|d| {
                    let day = d.into_utc().date();
                    json!(format!(
                        "{:04}-{:02}-{:02}T00:00:00Z",
                        day.year(),
                        u8::from(day.month()),
                        day.day()
                    ))
                }),
                Kind::Facets => value
                    .as_facet()
                    .and_then(|f| Facet::from_encoded(f.as_bytes().to_vec()).ok())
                    .map(|f| json!(f.to_path_string())),
                Kind::Record => value
                    .as_str()
                    .and_then(|s| serde_json::from_str::<Value>(s).ok()),
            };
            let Some(v) = v else { continue };
            if matches!(kind, Kind::Facets | Kind::Terms) {
                let list = out.entry(name.to_string()).or_insert_with(|| json!([]));
                if let Some(items) = list.as_array_mut() {
                    items.push(v);
                }
            } else {
                out.insert(name.to_string(), v);
            }
        }
        out
    }
}

/// The Quickwit index config as its YAML file: the format version and the
/// index id first, then the doc mapping and search settings.
pub fn quickwit_config_yaml(index_id: &str) -> String {
    let mut config = quickwit_config(index_id);
    let mut text = String::from(
        "# Quickwit index config for agendex records (agendex export --format quickwit).\n",
    );
    if let Some(map) = config.as_object_mut() {
        for key in ["version", "index_id"] {
            if let Some(v) = map.remove(key) {
                text.push_str(&format!("{key}: {}\n", scalar(&v)));
            }
        }
    }
    text.push_str(&to_yaml(&config));
    text
}

/// A value as YAML: block maps and lists, scalars written as JSON (a JSON
/// string is a YAML double-quoted scalar), keys in the value's order.
pub fn to_yaml(value: &Value) -> String {
    let mut out = String::new();
    write_yaml(value, 0, &mut out);
    out
}

fn write_yaml(value: &Value, indent: usize, out: &mut String) {
    let pad = " ".repeat(indent);
    match value {
        Value::Object(map) => {
            for (key, v) in map {
                match v {
                    Value::Object(m) if !m.is_empty() => {
                        out.push_str(&format!("{pad}{key}:\n"));
                        write_yaml(v, indent + 2, out);
                    }
                    Value::Array(a) if !a.is_empty() => {
                        out.push_str(&format!("{pad}{key}:\n"));
                        write_yaml(v, indent + 2, out);
                    }
                    _ => out.push_str(&format!("{pad}{key}: {}\n", scalar(v))),
                }
            }
        }
        Value::Array(items) => {
            for item in items {
                match item {
                    Value::Object(m) if !m.is_empty() => {
                        // The first key on the dash's line, the rest under it.
                        let mut inner = String::new();
                        write_yaml(item, indent + 2, &mut inner);
                        out.push_str(&format!("{pad}- {}", &inner[indent + 2..]));
                    }
                    _ => out.push_str(&format!("{pad}- {}\n", scalar(item))),
                }
            }
        }
        other => out.push_str(&format!("{pad}{}\n", scalar(other))),
    }
}

fn scalar(v: &Value) -> String {
    match v {
        Value::Object(_) => "{}".into(),
        Value::Array(_) => "[]".into(),
        other => other.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_searchable_field_of_the_schema_is_exported_with_its_analysis() {
        let schema = schema::build();
        let names: Vec<&str> = exported(&schema).iter().map(|(n, _)| *n).collect();
        for (_, entry) in schema.fields() {
            assert_eq!(
                names.contains(&entry.name()),
                !INTERNAL.contains(&entry.name()),
                "{}",
                entry.name()
            );
        }
        let kinds: Vec<(&str, Kind)> = exported(&schema);
        let of = |n: &str| kinds.iter().find(|(name, _)| *name == n).map(|(_, k)| *k);
        assert_eq!(
            of(schema::TEXT),
            Some(Kind::Text {
                tokenizer: Tokenizer::Stemmed,
                positions: true
            })
        );
        assert!(matches!(
            of(schema::BODY),
            Some(Kind::Text {
                tokenizer: Tokenizer::Words,
                ..
            })
        ));
        assert_eq!(of(schema::KIND), Some(Kind::Raw));
        assert_eq!(of(schema::DATE), Some(Kind::Date));
        assert_eq!(of(schema::FACETS), Some(Kind::Facets));
        assert_eq!(of(schema::RECORD), Some(Kind::Record));
        assert_eq!(of(schema::GRADE), Some(Kind::Terms));
        assert_eq!(of(schema::DECISION), Some(Kind::Raw));
    }

    /// A judgement's grade goes out as every term agendex files it by, so
    /// the engines find it by its first words as agendex does.
    #[test]
    fn a_grade_is_exported_with_each_of_its_terms() {
        let record = OutRecord {
            schema_version: 1,
            id: "x-judgement-1".into(),
            kind: "judgement".into(),
            text: "Adoption performance Requires improvement".into(),
            source: crate::record::Source {
                path: "o.pdf".into(),
                sha256: "0".repeat(64),
                page: 1,
                page_end: 1,
                page_label: None,
                ocr: false,
                ocr_confidence: None,
            },
            document: grammars::DocumentInfo::default(),
            fields: grammars::Fields::Judgement(grammars::Judgement {
                area: "Adoption performance".into(),
                grade: "Requires improvement".into(),
            }),
            recovered: None,
        };
        let json = serde_json::to_string(&record).expect("json");
        let doc = Documents::new()
            .expect("documents")
            .document(&record, &json, 0);
        assert_eq!(
            doc.get(schema::GRADE),
            Some(&json!(["requires", "requires improvement"]))
        );
        assert_eq!(
            doc.get(schema::FACETS)
                .and_then(Value::as_array)
                .map(|f| f.contains(&json!("/decided/grade=requires improvement"))),
            Some(true)
        );
    }

    #[test]
    fn yaml_reads_back_as_the_value_written() {
        let v = json!({
            "a": {"b": [{"name": "x: y", "n": 1}, {"name": "- z #"}], "c": [], "e": {}},
            "d": true,
            "f": ["array<text>", null, 0.5],
        });
        let yaml = to_yaml(&v);
        let back: Value = serde_yaml::from_str(&yaml).expect("YAML");
        assert_eq!(back, v, "{yaml}");
        let config = quickwit_config_yaml("agendex");
        assert!(
            config.contains("\nversion: \"0.8\"\nindex_id: \"agendex\"\n"),
            "{config}"
        );
        let back: Value = serde_yaml::from_str(&config).expect("YAML");
        assert_eq!(back, quickwit_config("agendex"), "{config}");
    }
}

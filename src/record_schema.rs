//! The record contract as a JSON Schema (draft 2020-12), made from the
//! record types themselves (`record::OutRecord` and `grammars::model`), so
//! it names no field of its own and cannot drift from what `extract`
//! prints.
//!
//! It describes this version's records exactly: the envelope, then per
//! `kind` the fields of that kind (`if kind is K then K's fields`), and no
//! property that neither declares. Owns no I/O.

use crate::record::{OutRecord, SCHEMA_VERSION};
use grammars::Fields;
use schemars::generate::SchemaSettings;
use serde_json::{json, Map, Value};

/// The JSON Schema of one record.
pub fn record_schema() -> Value {
    let mut generator = SchemaSettings::draft2020_12().into_generator();
    // Each kind's fields as a reference into `$defs`; the referenced
    // objects hold only the kind's fields, the envelope holds the rest.
    let kinds = Fields::json_schemas(&mut generator);
    let root = generator.into_root_schema_for::<OutRecord>();
    let mut root = root.to_value();
    let kind_defs: Vec<String> = kinds
        .iter()
        .filter_map(|(_, s)| s.as_value().get("$ref")?.as_str())
        .filter_map(|r| r.strip_prefix("#/$defs/"))
        .map(str::to_string)
        .collect();

    if let Some(defs) = root.get_mut("$defs").and_then(Value::as_object_mut) {
        for (name, def) in defs.iter_mut() {
            // Objects inside a record (source, document, a paragraph, a
            // typed cell value) are closed; a kind's fields are closed by
            // the root, where the envelope's properties are seen as well.
            if !kind_defs.contains(name) {
                close_objects(def);
            }
        }
    }
    let Some(obj) = root.as_object_mut() else {
        return root;
    };
    let names: Vec<&str> = kinds.iter().map(|(k, _)| *k).collect();
    if let Some(props) = obj.get_mut("properties").and_then(Value::as_object_mut) {
        if let Some(v) = props
            .get_mut("schema_version")
            .and_then(Value::as_object_mut)
        {
            v.insert("const".into(), json!(SCHEMA_VERSION));
        }
        if let Some(k) = props.get_mut("kind").and_then(Value::as_object_mut) {
            k.insert("enum".into(), json!(names));
        }
    }
    let per_kind: Vec<Value> = kinds
        .into_iter()
        .map(|(kind, fields)| {
            json!({
                "if": {"properties": {"kind": {"const": kind}}, "required": ["kind"]},
                "then": fields.to_value(),
            })
        })
        .collect();
    obj.insert("allOf".into(), Value::Array(per_kind));
    obj.insert("unevaluatedProperties".into(), Value::Bool(false));
    root
}

/// Refuse properties an object schema does not declare, here and in the
/// object schemas it holds inline.
fn close_objects(schema: &mut Value) {
    let Some(obj) = schema.as_object_mut() else {
        return;
    };
    if obj.contains_key("properties") && !obj.contains_key("additionalProperties") {
        obj.insert("additionalProperties".into(), Value::Bool(false));
    }
    for (_, v) in obj.iter_mut() {
        match v {
            Value::Object(_) => close_objects(v),
            Value::Array(items) => items.iter_mut().for_each(close_objects),
            _ => {}
        }
    }
}

/// The schema as `agendex schema` prints it: indented, keys sorted.
pub fn record_schema_text() -> String {
    let mut text = serde_json::to_string_pretty(&sorted(record_schema())).unwrap_or_default();
    text.push('\n');
    text
}

/// The same value with every object's keys in order, whatever map type
/// serde_json was built with.
fn sorted(v: Value) -> Value {
    match v {
        Value::Object(m) => {
            let mut entries: Vec<(String, Value)> = m.into_iter().collect();
            entries.sort_by(|a, b| a.0.cmp(&b.0));
            Value::Object(
                entries
                    .into_iter()
                    .map(|(k, v)| (k, sorted(v)))
                    .collect::<Map<_, _>>(),
            )
        }
        Value::Array(a) => Value::Array(a.into_iter().map(sorted).collect()),
        other => other,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_schema_names_every_kind_and_closes_the_envelope() {
        let s = record_schema();
        assert_eq!(s["$schema"], "https://json-schema.org/draft/2020-12/schema");
        assert_eq!(s["properties"]["kind"]["enum"], json!(grammars::KINDS));
        assert_eq!(s["properties"]["schema_version"]["const"], 1);
        assert_eq!(s["unevaluatedProperties"], false);
        assert_eq!(s["$defs"]["DocumentInfo"]["additionalProperties"], false);
        assert_eq!(s["$defs"]["Source"]["additionalProperties"], false);
        let kinds: Vec<&Value> = s["allOf"]
            .as_array()
            .expect("allOf")
            .iter()
            .map(|c| &c["if"]["properties"]["kind"]["const"])
            .collect();
        assert_eq!(kinds.len(), grammars::KINDS.len());
        // A kind's own fields are closed by the root, not by themselves.
        assert!(s["$defs"]["Minute"].get("additionalProperties").is_none());
    }
}

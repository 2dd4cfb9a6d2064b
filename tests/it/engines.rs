//! engines: `agendex export --format quickwit|opensearch` writes configs and
//! documents that follow each engine's documented rules, with every record
//! once and the fields and values of agendex's own index.
//!
//! The rules checked, from the engines' documentation: Quickwit's index
//! config (format version, index id and field name patterns, the field
//! types, tokenizers and record options a text field takes, datetime input
//! formats, default search fields that are indexed text; a `strict` mapping
//! refuses unmapped fields); OpenSearch's index body (settings and
//! mappings, field types, analyzers defined before use) and its `_bulk`
//! body (an action line, then the document, every line ending in a
//! newline, the last one too; an `_id` of at most 512 bytes).

use crate::index::shared_index;
use crate::support::{records, run, stderr};
use serde_json::Value;
use std::collections::{BTreeSet, HashSet};
use std::path::Path;

fn export_to(format: &str, dir: &Path) {
    let out = run(&[
        "export",
        "--index",
        &shared_index().to_string_lossy(),
        "--format",
        format,
        "-o",
        &dir.to_string_lossy(),
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
}

/// The records of the shared index, as `export` prints them.
fn exported_records() -> Vec<Value> {
    let out = run(&["export", "--index", &shared_index().to_string_lossy()]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    records(&out)
}

/// Does `s` match `[a-zA-Z][_.\-a-zA-Z0-9]*` (Quickwit's field names)?
fn quickwit_field_name(s: &str) -> bool {
    let mut chars = s.chars();
    chars.next().is_some_and(|c| c.is_ascii_alphabetic())
        && chars.all(|c| c.is_ascii_alphanumeric() || "_.-".contains(c))
}

fn is_rfc3339(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() == 20
        && b.iter().enumerate().all(|(i, c)| match i {
            4 | 7 => *c == b'-',
            10 => *c == b'T',
            13 | 16 => *c == b':',
            19 => *c == b'Z',
            _ => c.is_ascii_digit(),
        })
}

#[test]
fn quickwit_config_and_documents_follow_quickwit_rules() {
    let tmp = tempfile::tempdir().expect("tempdir");
    export_to("quickwit", tmp.path());
    let yaml = std::fs::read_to_string(tmp.path().join("index-config.yaml")).expect("config");
    let config: Value = serde_yaml::from_str(&yaml).expect("the config is YAML");
    assert_eq!(config["version"], "0.8");
    assert_eq!(config["index_id"], "agendex");
    assert_eq!(config["doc_mapping"]["mode"], "strict");

    let mut types = std::collections::HashMap::new();
    for m in config["doc_mapping"]["field_mappings"]
        .as_array()
        .expect("field_mappings")
    {
        let name = m["name"].as_str().expect("every field has a name");
        assert!(quickwit_field_name(name), "{name}");
        let ty = m["type"].as_str().expect("every field has a type");
        assert!(
            ["text", "u64", "datetime", "json", "array<text>"].contains(&ty),
            "{name}: {ty}"
        );
        if ty.contains("text") {
            let tokenizer = m["tokenizer"].as_str().unwrap_or("default");
            assert!(["raw", "default", "en_stem"].contains(&tokenizer), "{name}");
            let record = m["record"].as_str().unwrap_or("basic");
            assert!(["basic", "freq", "position"].contains(&record), "{name}");
        }
        if ty == "datetime" {
            assert_eq!(m["input_formats"], serde_json::json!(["rfc3339"]));
        }
        assert!(
            types.insert(name.to_string(), m.clone()).is_none(),
            "{name} twice"
        );
    }
    // The analysis of agendex's schema.
    assert_eq!(types["text"]["tokenizer"], "en_stem");
    assert_eq!(types["text"]["record"], "position");
    assert_eq!(types["title"]["tokenizer"], "en_stem");
    assert_eq!(types["body"]["tokenizer"], "default");
    assert_eq!(types["kind"]["tokenizer"], "raw");
    assert_eq!(types["facets"]["type"], "array<text>");
    assert_eq!(types["facets"]["tokenizer"], "raw");
    assert_eq!(types["date"]["type"], "datetime");
    for field in config["search_settings"]["default_search_fields"]
        .as_array()
        .expect("default search fields")
    {
        let m = &types[field.as_str().expect("name")];
        assert_eq!(m["type"], "text");
        assert_ne!(m["indexed"], false);
    }

    let docs = std::fs::read_to_string(tmp.path().join("docs.ndjson")).expect("documents");
    let want = exported_records();
    let lines: Vec<&str> = docs.lines().collect();
    assert_eq!(lines.len(), want.len(), "one document per record");
    for (line, record) in lines.iter().zip(&want) {
        let doc: Value = serde_json::from_str(line).expect("each line is JSON");
        let doc = doc.as_object().expect("an object");
        for (key, value) in doc {
            let m = types
                .get(key)
                .unwrap_or_else(|| panic!("{key} is not mapped"));
            match m["type"].as_str() {
                Some("text") => assert!(value.is_string(), "{key}: {value}"),
                Some("u64") => assert!(value.is_u64(), "{key}: {value}"),
                Some("datetime") => assert!(is_rfc3339(value.as_str().unwrap_or("")), "{value}"),
                Some("array<text>") => assert!(
                    value
                        .as_array()
                        .is_some_and(|a| a.iter().all(Value::is_string)),
                    "{key}: {value}"
                ),
                Some("json") => assert!(value.is_object(), "{key}"),
                other => panic!("{key}: {other:?}"),
            }
        }
        assert_eq!(&doc["record"], record, "the record itself, whole");
        assert_eq!(doc["id"], record["id"]);
        assert_eq!(doc["kind"], record["kind"]);
        assert_eq!(doc["text"], record["text"]);
        assert_eq!(doc["path"], record["source"]["path"]);
        let facets: Vec<&str> = doc["facets"]
            .as_array()
            .expect("facets")
            .iter()
            .filter_map(Value::as_str)
            .collect();
        assert!(
            facets.contains(&format!("/kind/{}", record["kind"].as_str().unwrap_or("")).as_str())
        );
    }
}

#[test]
fn opensearch_mapping_and_bulk_body_follow_opensearch_rules() {
    let tmp = tempfile::tempdir().expect("tempdir");
    export_to("opensearch", tmp.path());
    let body: Value = serde_json::from_str(
        &std::fs::read_to_string(tmp.path().join("index.json")).expect("index body"),
    )
    .expect("the index body is JSON");
    let keys: BTreeSet<&str> = body
        .as_object()
        .expect("object")
        .keys()
        .map(|k| k.as_str())
        .collect();
    assert_eq!(keys, BTreeSet::from(["mappings", "settings"]));
    let analyzers = body["settings"]["analysis"]["analyzer"]
        .as_object()
        .expect("analyzers");
    let filters = body["settings"]["analysis"]["filter"]
        .as_object()
        .expect("filters");
    let tokenizers = body["settings"]["analysis"]["tokenizer"]
        .as_object()
        .expect("tokenizers");
    for (name, a) in analyzers {
        assert_eq!(a["type"], "custom", "{name}");
        let t = a["tokenizer"].as_str().expect("tokenizer");
        assert!(tokenizers.contains_key(t) || t == "standard", "{name}: {t}");
        for f in a["filter"].as_array().expect("filters") {
            let f = f.as_str().expect("filter name");
            assert!(filters.contains_key(f) || f == "lowercase", "{name}: {f}");
        }
    }
    assert_eq!(body["mappings"]["dynamic"], "strict");
    let properties = body["mappings"]["properties"]
        .as_object()
        .expect("properties");
    for (name, p) in properties {
        let ty = p["type"].as_str().expect("type");
        assert!(
            ["text", "keyword", "date", "long", "object"].contains(&ty),
            "{name}: {ty}"
        );
        if let Some(a) = p.get("analyzer") {
            assert!(analyzers.contains_key(a.as_str().expect("name")), "{name}");
        }
    }
    assert_eq!(properties["text"]["analyzer"], "agendex_en_stem");
    assert_eq!(properties["body"]["analyzer"], "agendex_words");
    assert_eq!(properties["kind"]["type"], "keyword");
    assert_eq!(properties["facets"]["type"], "keyword");
    assert_eq!(properties["date"]["type"], "date");
    assert_eq!(properties["record"]["enabled"], false);

    let bulk = std::fs::read_to_string(tmp.path().join("bulk.ndjson")).expect("bulk body");
    assert!(
        bulk.ends_with('\n'),
        "the last line ends with a newline too"
    );
    let lines: Vec<&str> = bulk.lines().collect();
    let want = exported_records();
    assert_eq!(
        lines.len(),
        2 * want.len(),
        "an action and a document per record"
    );
    let mut ids = HashSet::new();
    for (pair, record) in lines.chunks(2).zip(&want) {
        let action: Value = serde_json::from_str(pair[0]).expect("action line is JSON");
        let doc: Value = serde_json::from_str(pair[1]).expect("document line is JSON");
        let meta = action["index"].as_object().expect("an index action");
        assert_eq!(meta["_index"], "agendex");
        let id = meta["_id"].as_str().expect("an _id");
        assert!(id.len() <= 512);
        assert_eq!(id, record["id"], "the record id: loading again replaces");
        assert!(ids.insert(id.to_string()), "{id} twice");
        for key in doc.as_object().expect("object").keys() {
            assert!(properties.contains_key(key), "{key} is not mapped");
        }
        assert_eq!(doc["record"], *record);
    }
    // The same export again: the same bytes, so a re-load is the same.
    let again = tempfile::tempdir().expect("tempdir");
    export_to("opensearch", again.path());
    assert_eq!(
        std::fs::read_to_string(again.path().join("bulk.ndjson")).expect("bulk"),
        bulk
    );
}

#[test]
fn engine_exports_need_a_folder_and_a_usable_name() {
    let ix = shared_index().to_string_lossy().to_string();
    let out = run(&["export", "--index", &ix, "--format", "quickwit"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("the quickwit export needs a folder: add -o DIR"));
    let tmp = tempfile::tempdir().expect("tempdir");
    let out = run(&[
        "export",
        "--index",
        &ix,
        "--format",
        "opensearch",
        "-o",
        &tmp.path().to_string_lossy(),
        "--name",
        "Council Papers",
    ]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("an index name is 3 to 255 lower-case letters"),
        "{}",
        stderr(&out)
    );
    let missing = tmp.path().join("no-index");
    let out = run(&[
        "export",
        "--index",
        &missing.to_string_lossy(),
        "--format",
        "quickwit",
        "-o",
        &tmp.path().join("out").to_string_lossy(),
    ]);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
}

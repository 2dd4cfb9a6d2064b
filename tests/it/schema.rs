//! schema: `agendex schema` describes the records `extract` prints (every
//! record a test extracts is checked against it in `support::run`), and
//! refuses what is not one.

use crate::support::{real_extract, record_validator, records, run, stderr};
use serde_json::{json, Value};

/// One record of each kind the seeds and corpus give.
fn one_of_each_kind() -> Vec<Value> {
    let out = run(&["extract", "corpus", "seeds"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let mut seen = std::collections::BTreeMap::new();
    for r in records(&out) {
        seen.entry(r["kind"].as_str().unwrap_or("").to_string())
            .or_insert(r);
    }
    seen.into_values().collect()
}

#[test]
fn the_schema_is_stable_json_schema_naming_every_kind() {
    let a = run(&["schema"]);
    let b = run(&["schema"]);
    assert_eq!(a.status.code(), Some(0), "{}", stderr(&a));
    assert_eq!(a.stdout, b.stdout, "the same schema every run");
    let schema: Value = serde_json::from_slice(&a.stdout).expect("JSON");
    assert_eq!(
        schema["$schema"],
        "https://json-schema.org/draft/2020-12/schema"
    );
    assert_eq!(schema["properties"]["kind"]["enum"], json!(grammars::KINDS));
    for field in ["schema_version", "id", "kind", "text", "source", "document"] {
        assert!(
            schema["required"]
                .as_array()
                .expect("required")
                .contains(&json!(field)),
            "{field} is required"
        );
    }
}

#[test]
fn records_that_break_the_contract_are_refused() {
    let validator = record_validator();
    let samples = one_of_each_kind();
    let kinds: Vec<&str> = samples.iter().filter_map(|r| r["kind"].as_str()).collect();
    for kind in [
        "document",
        "meeting",
        "agenda_item",
        "minute",
        "resolution",
        "table",
        "report",
    ] {
        assert!(kinds.contains(&kind), "no {kind} in {kinds:?}");
    }
    for r in &samples {
        assert!(validator.is_valid(r), "{}", r["id"]);
        let kind = r["kind"].as_str().unwrap_or("");

        // A property no kind declares.
        let mut extra = r.clone();
        extra["confidence"] = json!(0.9);
        assert!(
            !validator.is_valid(&extra),
            "{kind}: unknown property taken"
        );
        // A required envelope field gone.
        let mut no_source = r.clone();
        no_source.as_object_mut().expect("object").remove("source");
        assert!(!validator.is_valid(&no_source), "{kind}: no source taken");
        // A property inside the envelope's objects that they do not declare.
        let mut nested = r.clone();
        nested["source"]["line"] = json!(3);
        assert!(!validator.is_valid(&nested), "{kind}: source.line taken");
        // The kind's fields under another kind's name.
        let mut other = r.clone();
        other["kind"] = json!(if kind == "table" { "minute" } else { "table" });
        assert!(
            !validator.is_valid(&other),
            "{kind}: taken as {}",
            other["kind"]
        );
    }
    let mut not_a_kind = samples[0].clone();
    not_a_kind["kind"] = json!("memo");
    assert!(!validator.is_valid(&not_a_kind));
    let mut wrong_version = samples[0].clone();
    wrong_version["schema_version"] = json!(2);
    assert!(!validator.is_valid(&wrong_version));
}

#[test]
#[ignore = "needs ../shared/corpus-real (the real council documents)"]
fn every_record_of_the_real_documents_follows_the_schema() {
    let (recs, err, _) = real_extract();
    // 59 of the 61 files are read (one is an HTML page saved as .pdf, one
    // a scan), each into several records.
    let files: std::collections::BTreeSet<&str> = recs
        .iter()
        .filter_map(|r| r["source"]["path"].as_str())
        .collect();
    assert!(files.len() >= 59, "{} files; {err}", files.len());
    assert!(recs.len() > 900, "{} records; {err}", recs.len());
    for r in recs {
        crate::support::assert_valid_record(r);
    }
}

//! Matching gold records to agendex records of one kind in one file, and
//! checking the fields the gold states.
//!
//! A gold record matches an unused record whose folded text and fields
//! hold its folded key as whole words; among several, the one passing most
//! field checks wins (the earlier on a tie). Gold lines are taken in the
//! order written.

use super::fold::{contains_words, fold};
use super::gold::GoldRecord;
use serde_json::Value;

/// Envelope keys whose contents are not the record's own.
const ENVELOPE: &[&str] = &["schema_version", "id", "kind", "text", "source", "document"];

/// Field names of the record contract: a gold field of one of these names
/// is compared with the record's field, and fails where the record has
/// none. A gold field of any other name must appear in the record's text.
const CONTRACT_FIELDS: &[&str] = &[
    "body",
    "council",
    "date",
    "time",
    "venue",
    "number",
    "title",
    "pages",
    "description",
    "verbal",
    "items",
    "meeting_date",
    "paragraphs",
    "minute",
    "paragraph",
    "votes",
    "owners",
    "people",
    "name",
    "status",
    "role",
    "organisation",
    "category",
    "item",
    "interest",
    "addressee",
    "area",
    "progress",
    "header",
    "rows",
    "notes",
    "author",
    "contact",
    "agenda_item",
    "purpose",
    "recommendations",
    "decision_number",
    "maker",
    "key_decision",
    "reasons",
    "alternatives",
    "call_in",
    "exempt",
    "exempt_paragraph",
    "grade",
    "vote",
    "carried",
    "moved_by",
    "seconded_by",
    "framework",
    "inspection_start",
    "inspection_end",
    "published",
    "lead_inspector",
    "links",
    "marker",
    "type",
    "votes_for",
    "votes_against",
    "votes_abstain",
];

/// Gold field names that live elsewhere in a record: `(kind or "*", gold
/// name, path in the record)`.
const ALIASES: &[(&str, &str, &str)] = &[
    ("*", "votes_for", "vote.for"),
    ("*", "votes_against", "vote.against"),
    ("*", "votes_abstain", "vote.abstain"),
    ("document", "type", "document.type"),
    ("document", "pages", "document.pages"),
    ("document", "title", "document.title"),
    ("document", "council", "document.council"),
    ("document", "body", "document.body"),
    ("document", "date", "document.date"),
];

/// A record prepared for matching.
pub struct Candidate<'a> {
    pub record: &'a Value,
    /// Folded text and string fields, for key containment.
    haystack: String,
    /// Folded text alone, for fields checked against the text.
    text: String,
}

impl<'a> Candidate<'a> {
    pub fn new(record: &'a Value) -> Candidate<'a> {
        let raw_text = record.get("text").and_then(Value::as_str).unwrap_or("");
        let text = fold(raw_text);
        let mut parts = vec![text.clone()];
        if let Value::Object(obj) = record {
            for (k, v) in obj {
                if !ENVELOPE.contains(&k.as_str()) {
                    strings_in(v, &mut parts);
                }
            }
        }
        if record.get("kind").and_then(Value::as_str) == Some("document") {
            if let Some(t) = record.pointer("/document/title").and_then(Value::as_str) {
                parts.push(fold(t));
            }
        }
        let haystack = parts.join(" ");
        Candidate {
            record,
            haystack,
            text,
        }
    }

    pub fn holds_key(&self, folded_key: &str) -> bool {
        contains_words(&self.haystack, folded_key)
    }
}

fn strings_in(v: &Value, out: &mut Vec<String>) {
    match v {
        Value::String(s) => {
            let f = fold(s);
            if !f.is_empty() {
                out.push(f);
            }
        }
        Value::Array(a) => a.iter().for_each(|x| strings_in(x, out)),
        Value::Object(o) => o.values().for_each(|x| strings_in(x, out)),
        _ => {}
    }
}

/// One stated field compared.
#[derive(Debug, Clone, PartialEq)]
pub struct Check {
    pub field: String,
    pub expected: Value,
    /// What the record holds there (null where it has nothing; the text
    /// itself is not repeated for a field checked against the text).
    pub got: Value,
    /// Exactly equal (dates by their first ten characters).
    pub strict: bool,
    /// Equal once folded.
    pub soft: bool,
}

/// The outcome for one gold record.
#[derive(Debug, Clone)]
pub struct Match {
    /// Index of the gold record in the list given.
    pub gold: usize,
    /// Index of the record matched, if any.
    pub record: Option<usize>,
    pub checks: Vec<Check>,
}

/// Match `gold` (all of one kind in one file) to `records` (the same).
/// Returns one `Match` per gold record, in order, and the indices of the
/// records nothing matched.
pub fn match_records(gold: &[&GoldRecord], records: &[Candidate<'_>]) -> (Vec<Match>, Vec<usize>) {
    let mut used = vec![false; records.len()];
    let mut out = Vec::with_capacity(gold.len());
    for (gi, g) in gold.iter().enumerate() {
        let key = fold(&g.key);
        let mut best: Option<(usize, usize, Vec<Check>)> = None;
        for (ri, c) in records.iter().enumerate() {
            if used[ri] || !c.holds_key(&key) {
                continue;
            }
            let checks = check_fields(g, c);
            let passed = checks.iter().filter(|c| c.soft).count();
            if best.as_ref().is_none_or(|(_, p, _)| passed > *p) {
                best = Some((ri, passed, checks));
            }
        }
        match best {
            Some((ri, _, checks)) => {
                used[ri] = true;
                out.push(Match {
                    gold: gi,
                    record: Some(ri),
                    checks,
                });
            }
            None => out.push(Match {
                gold: gi,
                record: None,
                checks: Vec::new(),
            }),
        }
    }
    let unmatched = (0..records.len()).filter(|i| !used[*i]).collect();
    (out, unmatched)
}

/// Every field the gold record states, checked against the candidate.
pub fn check_fields(g: &GoldRecord, c: &Candidate<'_>) -> Vec<Check> {
    g.fields
        .iter()
        .map(|(name, expected)| {
            let path = ALIASES
                .iter()
                .find(|(kind, gold_name, _)| (*kind == "*" || *kind == g.kind) && gold_name == name)
                .map_or(name.as_str(), |(_, _, path)| *path);
            match lookup(c.record, path) {
                Some(got) => {
                    let (strict, soft) = compare(name, expected, got);
                    Check {
                        field: name.clone(),
                        expected: expected.clone(),
                        got: got.clone(),
                        strict,
                        soft,
                    }
                }
                None if CONTRACT_FIELDS.contains(&name.as_str()) => Check {
                    field: name.clone(),
                    expected: expected.clone(),
                    got: Value::Null,
                    strict: false,
                    soft: false,
                },
                None => {
                    let raw = c.record.get("text").and_then(Value::as_str).unwrap_or("");
                    let want = plain(expected);
                    Check {
                        field: name.clone(),
                        expected: expected.clone(),
                        got: Value::String("(in the text)".into()),
                        strict: raw.contains(&want),
                        soft: contains_words(&c.text, &fold(&want)),
                    }
                }
            }
        })
        .collect()
}

/// The value at a dotted path (`vote.for`), if the record has that key.
fn lookup<'v>(record: &'v Value, path: &str) -> Option<&'v Value> {
    let mut v = record;
    for part in path.split('.') {
        v = v.as_object()?.get(part)?;
    }
    Some(v)
}

/// A value as plain text: strings as they are, anything else as JSON.
fn plain(v: &Value) -> String {
    match v {
        Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}

fn is_date_field(name: &str) -> bool {
    name == "date"
        || name.ends_with("_date")
        || matches!(name, "inspection_start" | "inspection_end" | "published")
}

/// A resolution's marker as gold names it: "agreed" for an agreement told
/// in prose (the record's marker is then the bare lower-case verb), else
/// "resolved" (a printed marker such as "RESOLVED:" or "Resolved:-").
fn marker_class(marker: &str) -> &'static str {
    if !marker.is_empty() && marker.chars().all(|c| c.is_lowercase()) {
        "agreed"
    } else {
        "resolved"
    }
}

/// (strict, soft) equality of a stated value and the record's.
pub fn compare(name: &str, expected: &Value, got: &Value) -> (bool, bool) {
    match (expected, got) {
        (_, Value::Null) => (false, false),
        (Value::Number(n), Value::Array(a)) => {
            let ok = n.as_u64() == Some(a.len() as u64);
            (ok, ok)
        }
        (Value::Number(n), Value::Number(m)) => {
            let ok = n.as_f64() == m.as_f64();
            (ok, ok)
        }
        (Value::Number(n), Value::String(s)) => {
            (s.trim() == n.to_string(), fold(s) == n.to_string())
        }
        (Value::Bool(b), Value::Bool(c)) => (b == c, b == c),
        (Value::String(e), Value::String(g)) if name == "marker" => {
            let ok = fold(e) == marker_class(g);
            (ok, ok)
        }
        (Value::String(e), Value::String(g)) if is_date_field(name) => {
            let head = |s: &str| s.trim().chars().take(10).collect::<String>();
            let ok = head(e) == head(g);
            (ok, ok)
        }
        (Value::String(e), Value::String(g)) => (e.trim() == g.trim(), fold(e) == fold(g)),
        (Value::String(_), Value::Array(items)) => items.iter().fold((false, false), |acc, x| {
            let (s, f) = compare(name, expected, x);
            (acc.0 || s, acc.1 || f)
        }),
        (Value::String(e), Value::Number(m)) => {
            let ok = e.trim() == m.to_string();
            (ok, ok)
        }
        (Value::Array(ea), Value::Array(ga)) => {
            if ea.len() != ga.len() {
                return (false, false);
            }
            ea.iter().zip(ga).fold((true, true), |acc, (e, g)| {
                let (s, f) = compare_item(e, g);
                (acc.0 && s, acc.1 && f)
            })
        }
        (Value::Array(ea), Value::String(g)) => {
            let folded = fold(g);
            ea.iter().fold((true, true), |acc, e| {
                let want = plain(e);
                (
                    acc.0 && g.contains(&want),
                    acc.1 && contains_words(&folded, &fold(&want)),
                )
            })
        }
        _ => (false, false),
    }
}

/// Items of two lists: numbers by value, anything else as folded text.
fn compare_item(e: &Value, g: &Value) -> (bool, bool) {
    match (e, g) {
        (Value::Number(a), Value::Number(b)) => {
            let ok = a.as_f64() == b.as_f64();
            (ok, ok)
        }
        _ => {
            let (a, b) = (plain(e), plain(g));
            (a.trim() == b.trim(), fold(&a) == fold(&b))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn gold(kind: &str, key: &str, fields: Value) -> GoldRecord {
        GoldRecord {
            file: "f.pdf".into(),
            kind: kind.into(),
            key: key.into(),
            fields: fields
                .as_object()
                .unwrap()
                .iter()
                .map(|(k, v)| (k.clone(), v.clone()))
                .collect(),
            origin: "t:1".into(),
        }
    }

    #[test]
    fn the_candidate_passing_most_checks_wins() {
        let a = json!({"kind": "minute", "text": "5. Apologies for absence", "number": "4", "title": "Apologies"});
        let b = json!({"kind": "minute", "text": "Apologies for Absence", "number": "5", "title": "Apologies"});
        let cands = vec![Candidate::new(&a), Candidate::new(&b)];
        let g = gold("minute", "apologies for absence", json!({"number": "5"}));
        let (m, unmatched) = match_records(&[&g], &cands);
        assert_eq!(m[0].record, Some(1));
        assert!(m[0].checks[0].strict);
        assert_eq!(unmatched, vec![0]);
    }

    #[test]
    fn a_record_is_used_once() {
        let a = json!({"kind": "attendance", "text": "Cllr Smith", "name": "Cllr Smith"});
        let cands = vec![Candidate::new(&a)];
        let g1 = gold("attendance", "Cllr Smith", json!({}));
        let g2 = gold("attendance", "Cllr Smith", json!({}));
        let (m, _) = match_records(&[&g1, &g2], &cands);
        assert_eq!(m[0].record, Some(0));
        assert_eq!(m[1].record, None);
    }

    #[test]
    fn fields_compare_by_their_nature() {
        assert_eq!(
            compare("items", &json!(3), &json!(["a", "b", "c"])),
            (true, true)
        );
        assert_eq!(compare("number", &json!("5"), &json!("5.")), (false, true));
        assert_eq!(
            compare("date", &json!("2015-02-25"), &json!("2015-02-25T16:00")),
            (true, true)
        );
        assert_eq!(
            compare("pages", &json!([11, 84]), &json!([11, 84])),
            (true, true)
        );
        assert_eq!(
            compare("pages", &json!([11, 84]), &json!([11, 85])),
            (false, false)
        );
        assert_eq!(
            compare("marker", &json!("resolved"), &json!("RESOLVED:")),
            (true, true)
        );
        assert_eq!(
            compare("marker", &json!("agreed"), &json!("approved")),
            (true, true)
        );
        assert_eq!(
            compare("marker", &json!("agreed"), &json!("Resolved:-")),
            (false, false)
        );
        assert_eq!(
            compare("key_decision", &json!(true), &json!(true)),
            (true, true)
        );
        assert_eq!(
            compare("role", &json!("Chair"), &Value::Null),
            (false, false)
        );
        assert_eq!(
            compare(
                "author",
                &json!("Jo Bloggs"),
                &json!(["A N Other", "jo bloggs"])
            ),
            (false, true)
        );
    }

    #[test]
    fn aliases_and_fields_outside_the_contract() {
        let r = json!({"kind": "resolution", "text": "Carried (3 for, 2 against) at the AGM", "vote": {"for": 3}});
        let c = Candidate::new(&r);
        let g = gold(
            "resolution",
            "carried",
            json!({"votes_for": 3, "votes_against": 2, "part": "AGM"}),
        );
        let checks = check_fields(&g, &c);
        assert!(checks[0].soft, "vote.for read through the alias");
        assert!(
            !checks[1].soft,
            "vote.against absent: a contract field fails"
        );
        assert!(
            checks[2].soft,
            "a field outside the contract is looked for in the text"
        );
    }

    #[test]
    fn a_document_is_found_by_its_title() {
        let r = json!({"kind": "document", "text": "body", "document": {"title": "Schools Forum Agenda", "type": "agenda", "pages": [1, 1]}});
        let c = Candidate::new(&r);
        assert!(c.holds_key(&fold("schools forum agenda")));
        let g = gold(
            "document",
            "agenda",
            json!({"type": "agenda", "pages": [1, 1]}),
        );
        assert!(check_fields(&g, &c).iter().all(|c| c.strict));
    }
}

//! Scoring: gold and records matched file by file and kind by kind, the
//! counts summed per group and overall.

use super::gold::{Gold, GoldRecord};
use super::matching::{match_records, Candidate, Check};
use serde::Serialize;
use serde_json::Value;
use std::collections::BTreeMap;

/// Counts for one kind in one file, or summed over many.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize)]
pub struct Tally {
    /// Gold records.
    pub gold: usize,
    /// Gold records matched.
    pub matched: usize,
    /// Records made, in files that annotate the kind completely.
    pub records: usize,
    /// Gold records matched in those files.
    pub matched_complete: usize,
    /// Field checks made on matches, and how many passed.
    pub checks: usize,
    pub strict: usize,
    pub soft: usize,
}

impl Tally {
    pub fn add(&mut self, o: &Tally) {
        self.gold += o.gold;
        self.matched += o.matched;
        self.records += o.records;
        self.matched_complete += o.matched_complete;
        self.checks += o.checks;
        self.strict += o.strict;
        self.soft += o.soft;
    }
    pub fn recall(&self) -> Option<f64> {
        ratio(self.matched, self.gold)
    }
    /// Only over files that annotate the kind completely.
    pub fn precision(&self) -> Option<f64> {
        ratio(self.matched_complete, self.records)
    }
    /// F1 of recall and precision; where no file annotates the kind
    /// completely (no precision), recall alone.
    pub fn f1(&self) -> Option<f64> {
        match (self.recall(), self.precision()) {
            (Some(r), Some(p)) if r + p > 0.0 => Some(2.0 * r * p / (r + p)),
            (Some(_), Some(_)) => Some(0.0),
            (Some(r), None) => Some(r),
            // Records where the gold says there are none.
            (None, Some(p)) => Some(p),
            (None, None) => None,
        }
    }
    pub fn fields_strict(&self) -> Option<f64> {
        ratio(self.strict, self.checks)
    }
    pub fn fields_soft(&self) -> Option<f64> {
        ratio(self.soft, self.checks)
    }
}

fn ratio(a: usize, b: usize) -> Option<f64> {
    (b > 0).then(|| a as f64 / b as f64)
}

/// A gold record nothing matched.
#[derive(Debug, Clone, Serialize)]
pub struct Missed {
    pub file: String,
    pub kind: String,
    pub key: String,
    pub origin: String,
    /// Where the key is printed, as far as the records tell: the page of
    /// the first record of another kind holding it (a document record
    /// last: it spans pages), or null where no record does.
    pub page: Option<u64>,
}

/// A record of a completely annotated kind that no gold matched.
#[derive(Debug, Clone, Serialize)]
pub struct Extra {
    pub file: String,
    pub kind: String,
    pub page: u64,
    pub text: String,
}

/// A matched record whose field differs from the gold.
#[derive(Debug, Clone, Serialize)]
pub struct Wrong {
    pub file: String,
    pub kind: String,
    pub key: String,
    pub page: u64,
    pub field: String,
    pub expected: Value,
    pub got: Value,
    pub origin: String,
}

/// The scores of one file.
#[derive(Debug, Clone, Serialize)]
pub struct FileScore {
    pub file: String,
    pub group: String,
    /// Whether the file was among the inputs and read.
    pub read: bool,
    pub kinds: BTreeMap<String, Tally>,
}

/// Everything an evaluation found.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Evaluation {
    pub files: Vec<FileScore>,
    pub missed: Vec<Missed>,
    pub extra: Vec<Extra>,
    pub wrong: Vec<Wrong>,
}

/// The rows of a summary: per kind, and `all` over every kind.
pub type ByKind = BTreeMap<String, Tally>;

impl Evaluation {
    /// Tallies per kind over the files for which `keep` holds.
    pub fn by_kind(&self, keep: impl Fn(&FileScore) -> bool) -> ByKind {
        let mut out = ByKind::new();
        for f in self.files.iter().filter(|f| keep(f)) {
            for (kind, t) in &f.kinds {
                out.entry(kind.clone()).or_default().add(t);
                out.entry(ALL.to_string()).or_default().add(t);
            }
        }
        out
    }
    pub fn overall(&self) -> ByKind {
        self.by_kind(|_| true)
    }
    /// The groups, in name order.
    pub fn groups(&self) -> Vec<String> {
        let mut g: Vec<String> = self.files.iter().map(|f| f.group.clone()).collect();
        g.sort();
        g.dedup();
        g
    }
    pub fn group(&self, name: &str) -> ByKind {
        self.by_kind(|f| f.group == name)
    }
}

/// The row summing every kind.
pub const ALL: &str = "all";

/// Score one file: its records (as output, JSON values; `None` where the
/// file was not among the inputs or failed) against the gold about it.
pub fn score_file(gold: &Gold, file: &str, records: Option<&[Value]>, eval: &mut Evaluation) {
    let Some(gf) = gold.files.get(file) else {
        return;
    };
    let empty: Vec<Value> = Vec::new();
    let recs = records.unwrap_or(&empty);
    let mut kinds: Vec<&str> = gold
        .records
        .iter()
        .filter(|g| g.file == file)
        .map(|g| g.kind.as_str())
        .chain(gf.complete.iter().map(String::as_str))
        .collect();
    kinds.sort();
    kinds.dedup();
    let mut score = FileScore {
        file: file.to_string(),
        group: gf.group.clone(),
        read: records.is_some(),
        kinds: BTreeMap::new(),
    };
    for kind in kinds {
        let golds: Vec<&GoldRecord> = gold
            .records
            .iter()
            .filter(|g| g.file == file && g.kind == kind)
            .collect();
        let of_kind: Vec<&Value> = recs
            .iter()
            .filter(|r| r.get("kind").and_then(Value::as_str) == Some(kind))
            .collect();
        let cands: Vec<Candidate<'_>> = of_kind.iter().map(|r| Candidate::new(r)).collect();
        let (matches, unmatched) = match_records(&golds, &cands);
        let complete = gf.complete.iter().any(|k| k == kind);
        let mut t = Tally {
            gold: golds.len(),
            ..Tally::default()
        };
        for m in &matches {
            let g = golds[m.gold];
            let Some(ri) = m.record else {
                eval.missed.push(Missed {
                    file: file.to_string(),
                    kind: kind.to_string(),
                    key: g.key.clone(),
                    origin: g.origin.clone(),
                    page: page_of_key(recs, &g.key),
                });
                continue;
            };
            t.matched += 1;
            tally_checks(&mut t, &m.checks);
            for c in m.checks.iter().filter(|c| !c.soft) {
                eval.wrong.push(Wrong {
                    file: file.to_string(),
                    kind: kind.to_string(),
                    key: g.key.clone(),
                    page: page_of(of_kind[ri]),
                    field: c.field.clone(),
                    expected: c.expected.clone(),
                    got: c.got.clone(),
                    origin: g.origin.clone(),
                });
            }
        }
        if complete {
            t.records = of_kind.len();
            t.matched_complete = t.matched;
            for ri in unmatched {
                let r = of_kind[ri];
                let text = r.get("text").and_then(Value::as_str).unwrap_or("");
                eval.extra.push(Extra {
                    file: file.to_string(),
                    kind: kind.to_string(),
                    page: page_of(r),
                    text: text.chars().take(100).collect(),
                });
            }
        }
        score.kinds.insert(kind.to_string(), t);
    }
    eval.files.push(score);
}

fn tally_checks(t: &mut Tally, checks: &[Check]) {
    t.checks += checks.len();
    t.strict += checks.iter().filter(|c| c.strict).count();
    t.soft += checks.iter().filter(|c| c.soft).count();
}

/// The page of the first record holding `key`, records of kind `document`
/// last.
fn page_of_key(records: &[Value], key: &str) -> Option<u64> {
    let key = crate::eval::fold::fold(key);
    let is_document = |r: &Value| r.get("kind").and_then(Value::as_str) == Some("document");
    let fine = records.iter().filter(|r| !is_document(r));
    let coarse = records.iter().filter(|r| is_document(r));
    fine.chain(coarse)
        .find(|r| Candidate::new(r).holds_key(&key))
        .map(page_of)
}

fn page_of(r: &Value) -> u64 {
    r.pointer("/source/page")
        .and_then(Value::as_u64)
        .unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn precision_only_where_the_kind_is_complete() {
        let mut gold = Gold::default();
        gold.add(
            r#"{"file": "a.pdf", "complete": ["minute"]}
{"file": "a.pdf", "kind": "minute", "key": "Apologies", "number": "1"}
{"file": "a.pdf", "kind": "minute", "key": "Finance", "number": "2"}
{"file": "a.pdf", "kind": "attendance", "key": "Jo Bloggs"}"#,
            "g",
            "parish",
        )
        .unwrap();
        let recs = vec![
            json!({"kind": "minute", "text": "Apologies", "number": "1", "source": {"page": 1}}),
            json!({"kind": "minute", "text": "Any other business", "number": "3", "source": {"page": 2}}),
            json!({"kind": "attendance", "text": "Jo Bloggs"}),
            json!({"kind": "attendance", "text": "Someone Else"}),
        ];
        let mut e = Evaluation::default();
        score_file(&gold, "a.pdf", Some(&recs), &mut e);
        let m = e.overall()["minute"];
        assert_eq!((m.gold, m.matched, m.records), (2, 1, 2));
        assert_eq!(m.recall(), Some(0.5));
        assert_eq!(m.precision(), Some(0.5));
        assert_eq!(m.fields_strict(), Some(1.0));
        let a = e.overall()["attendance"];
        assert_eq!(a.precision(), None, "attendance is not marked complete");
        assert_eq!(a.f1(), Some(1.0));
        assert_eq!(e.missed.len(), 1);
        assert_eq!(e.missed[0].page, None, "\"Finance\" is in no record");
        assert_eq!(e.extra.len(), 1);
        assert_eq!(e.extra[0].page, 2);
    }

    #[test]
    fn a_file_not_read_scores_nothing_found() {
        let mut gold = Gold::default();
        gold.add(
            r#"{"file": "s.pdf", "kind": "document", "key": "Annual return"}"#,
            "g",
            "parish",
        )
        .unwrap();
        let mut e = Evaluation::default();
        score_file(&gold, "s.pdf", None, &mut e);
        assert!(!e.files[0].read);
        assert_eq!(e.overall()["document"].recall(), Some(0.0));
    }
}

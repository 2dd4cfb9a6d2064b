//! Search relevance against a judged query set (`eval/relevance/FORMAT.md`):
//! queries people type, and graded judgements of the records that answer
//! them, keyed like the extraction gold (file, kind, distinctive words of
//! the record) so they survive grammar changes.
//!
//! Pure: the query set's text and each query's ranked hits in, nDCG@10,
//! MRR and recall@10 out. `cmd/eval.rs` indexes the inputs, runs the
//! queries and prints.
//!
//! A judgement is used once: the first hit it matches gains its grade, a
//! later hit showing the same thing again gains nothing (so a result page
//! that repeats itself scores lower than one that folds the repeat).
//! Repeats are also counted apart, judged or not: the queries whose first
//! page shows the same text twice (see [`repeats`]).

use super::fold::fold;
use super::matching::Candidate;
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::collections::BTreeMap;

/// Ranks scored.
pub const CUTOFF: usize = 10;

/// One query of the set.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Query {
    pub id: String,
    pub text: String,
}

/// One graded judgement: a record that answers (2) or helps with (1) a
/// query, or one judged not to (0).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
pub struct Judgement {
    /// The query's id.
    pub query: String,
    /// The file's name (without folders); a list names the same text in
    /// several files (a text and its PDF rendering), any one of which
    /// answers, once.
    #[serde(deserialize_with = "one_or_many")]
    pub file: Vec<String>,
    /// The record's kind; a list names kinds that are the same thing (a
    /// report's `document` record and its `report` record), any one of
    /// which answers, once.
    #[serde(deserialize_with = "one_or_many")]
    pub kind: Vec<String>,
    /// Distinctive words of the record, matched as in the gold.
    pub key: String,
    pub grade: u8,
}

fn one_or_many<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Vec<String>, D::Error> {
    #[derive(Deserialize)]
    #[serde(untagged)]
    enum OneOrMany {
        One(String),
        Many(Vec<String>),
    }
    Ok(match OneOrMany::deserialize(d)? {
        OneOrMany::One(s) => vec![s],
        OneOrMany::Many(v) => v,
    })
}

/// The queries and their judgements.
#[derive(Debug, Clone, Default)]
pub struct QuerySet {
    pub queries: Vec<Query>,
    pub judgements: Vec<Judgement>,
}

impl QuerySet {
    /// Read `queries.tsv` (`id<TAB>query`, `#` comments) and `qrels.jsonl`.
    pub fn parse(queries_tsv: &str, qrels_jsonl: &str) -> Result<QuerySet, String> {
        let mut queries: Vec<Query> = Vec::new();
        for (n, line) in queries_tsv.lines().enumerate() {
            let line = line.trim_end();
            if line.trim().is_empty() || line.starts_with('#') {
                continue;
            }
            let Some((id, text)) = line.split_once('\t') else {
                return Err(format!("queries line {}: no tab after the id", n + 1));
            };
            let (id, text) = (id.trim(), text.trim());
            if id.is_empty() || text.is_empty() {
                return Err(format!("queries line {}: empty id or query", n + 1));
            }
            if queries.iter().any(|q| q.id == id) {
                return Err(format!("queries line {}: id {id} given twice", n + 1));
            }
            queries.push(Query {
                id: id.to_string(),
                text: text.to_string(),
            });
        }
        let mut judgements = Vec::new();
        for (n, line) in qrels_jsonl.lines().enumerate() {
            if line.trim().is_empty() {
                continue;
            }
            let j: Judgement =
                serde_json::from_str(line).map_err(|e| format!("qrels line {}: {e}", n + 1))?;
            if !queries.iter().any(|q| q.id == j.query) {
                return Err(format!("qrels line {}: unknown query {}", n + 1, j.query));
            }
            if j.grade > 2 {
                return Err(format!(
                    "qrels line {}: grade {} (0, 1 or 2)",
                    n + 1,
                    j.grade
                ));
            }
            judgements.push(j);
        }
        Ok(QuerySet {
            queries,
            judgements,
        })
    }

    /// The judgements of one query.
    pub fn of(&self, query: &str) -> Vec<&Judgement> {
        self.judgements
            .iter()
            .filter(|j| j.query == query)
            .collect()
    }
}

/// The file name of a source path.
fn file_name(path: &str) -> &str {
    path.rsplit(['/', '\\']).next().unwrap_or(path)
}

/// Where a record is: its kind and its source path.
#[derive(Debug, Clone, Copy)]
pub struct Place<'a> {
    pub kind: &'a str,
    pub path: &'a str,
}

/// What one hit of a results page shows a reader.
#[derive(Debug, Clone)]
pub struct Shown<'a> {
    pub record: &'a Value,
    /// The snippet shown under it.
    pub snippet: &'a str,
    /// The same text in other files, folded into the hit.
    pub also_in: Vec<Place<'a>>,
}

/// Whether two hits show the same text: their records' texts are near
/// duplicates whatever their kinds and dates (a content signature band in
/// common, computed without either), or they carry the same title over
/// the same snippet (a document and its report, say).
fn same_shown(a: &Shown, b: &Shown) -> bool {
    let bands = |s: &Shown| {
        let text = s.record.get("text").and_then(Value::as_str).unwrap_or("");
        crate::index::signature::bands(text)
    };
    let title = |s: &Shown| fold(crate::index::query::own_title(s.record));
    let (ta, tb) = (title(a), title(b));
    let same_face =
        !ta.is_empty() && ta == tb && !a.snippet.is_empty() && fold(a.snippet) == fold(b.snippet);
    same_face || crate::index::signature::same_text(&bands(a), &bands(b))
}

/// Whether a results page shows the same text twice.
pub fn repeats(page: &[Shown]) -> bool {
    repeated_at(page).is_some()
}

/// The first two ranks (from 1) of a results page that show the same text,
/// if any.
pub fn repeated_at(page: &[Shown]) -> Option<[usize; 2]> {
    page.iter().enumerate().find_map(|(i, a)| {
        page[i + 1..]
            .iter()
            .position(|b| same_shown(a, b))
            .map(|k| [i + 1, i + k + 2])
    })
}

/// The grade each ranked hit gains: that of the best unused judgement it
/// matches (its file among the judgement's, its kind, the key's words in
/// its text or fields), 0 where none. A hit folding the same text from
/// other files ("also in") matches by any of those files and kinds: the
/// reader sees the text and reaches each copy from it.
pub fn gains(judgements: &[&Judgement], hits: &[Shown]) -> Vec<u8> {
    let keys: Vec<String> = judgements.iter().map(|j| fold(&j.key)).collect();
    let mut used = vec![false; judgements.len()];
    let mut out = Vec::with_capacity(hits.len());
    for hit in hits {
        let lead = Place {
            kind: hit.record.get("kind").and_then(Value::as_str).unwrap_or(""),
            path: hit
                .record
                .pointer("/source/path")
                .and_then(Value::as_str)
                .unwrap_or(""),
        };
        let copies: Vec<Place> = std::iter::once(lead)
            .chain(hit.also_in.iter().copied())
            .collect();
        let candidate = Candidate::new(hit.record);
        let mut best: Option<usize> = None;
        for (i, j) in judgements.iter().enumerate() {
            let judged = |c: &Place| {
                j.kind.iter().any(|k| k == c.kind) && j.file.iter().any(|f| f == file_name(c.path))
            };
            if used[i] || !copies.iter().any(judged) {
                continue;
            }
            if !candidate.holds_key(&keys[i]) {
                continue;
            }
            if best.is_none_or(|b| judgements[b].grade < j.grade) {
                best = Some(i);
            }
        }
        out.push(match best {
            Some(i) => {
                used[i] = true;
                judgements[i].grade
            }
            None => 0,
        });
    }
    out
}

/// One query's figures.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct QueryScore {
    pub id: String,
    /// Its first page shows the same text twice.
    pub repeats: bool,
    /// The first two ranks showing the same text, when it repeats.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub repeated_at: Option<[usize; 2]>,
    pub ndcg: f64,
    /// Reciprocal rank of the first hit graded 1 or more.
    pub rr: f64,
    /// Judgements graded 1 or more found in the first [`CUTOFF`] hits.
    pub recall: f64,
    /// The grade gained at each rank.
    pub gains: Vec<u8>,
}

/// Score one query's ranked gains against its judgements: nDCG@10 with
/// linear gains and log2 discounts (as trec_eval), reciprocal rank, and
/// recall@10 of the judgements graded 1 or more.
pub fn score(id: &str, judgements: &[&Judgement], gains: &[u8], repeats: bool) -> QueryScore {
    let top = &gains[..gains.len().min(CUTOFF)];
    let dcg = |g: &[u8]| -> f64 {
        g.iter()
            .enumerate()
            .map(|(i, &g)| f64::from(g) / ((i + 2) as f64).log2())
            .sum()
    };
    let mut ideal: Vec<u8> = judgements.iter().map(|j| j.grade).collect();
    ideal.sort_unstable_by(|a, b| b.cmp(a));
    ideal.truncate(CUTOFF);
    let idcg = dcg(&ideal);
    let ndcg = if idcg > 0.0 { dcg(top) / idcg } else { 0.0 };
    let rr = top
        .iter()
        .position(|&g| g > 0)
        .map_or(0.0, |i| 1.0 / (i + 1) as f64);
    let relevant = judgements.iter().filter(|j| j.grade > 0).count();
    let found = top.iter().filter(|&&g| g > 0).count();
    let recall = if relevant > 0 {
        found as f64 / relevant as f64
    } else {
        0.0
    };
    QueryScore {
        id: id.to_string(),
        repeats,
        repeated_at: None,
        ndcg,
        rr,
        recall,
        gains: top.to_vec(),
    }
}

/// The figures of a whole set: per query, and their means.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Relevance {
    pub queries: Vec<QueryScore>,
    pub ndcg: f64,
    pub mrr: f64,
    pub recall: f64,
    /// Queries whose first page shows the same text twice.
    pub repeated: usize,
}

impl Relevance {
    pub fn of(queries: Vec<QueryScore>) -> Relevance {
        let n = queries.len().max(1) as f64;
        let mean = |f: fn(&QueryScore) -> f64| queries.iter().map(f).sum::<f64>() / n;
        Relevance {
            ndcg: mean(|q| q.ndcg),
            mrr: mean(|q| q.rr),
            recall: mean(|q| q.recall),
            repeated: queries.iter().filter(|q| q.repeats).count(),
            queries,
        }
    }

    /// The report for people: the means, then each query below 1.0 nDCG
    /// when `misses` asks for them.
    pub fn text(&self, set: &QuerySet, misses: bool) -> String {
        let mut out = format!(
            "relevance: {} queries  nDCG@{CUTOFF} {:.3}  MRR {:.3}  recall@{CUTOFF} {:.3}  first page repeats a text: {}\n",
            self.queries.len(),
            self.ndcg,
            self.mrr,
            self.recall,
            self.repeated
        );
        if misses {
            let texts: BTreeMap<&str, &str> = set
                .queries
                .iter()
                .map(|q| (q.id.as_str(), q.text.as_str()))
                .collect();
            for q in self.queries.iter().filter(|q| q.ndcg < 0.999 || q.repeats) {
                let gains: Vec<String> = q.gains.iter().map(u8::to_string).collect();
                out.push_str(&format!(
                    "  {}{} nDCG {:.2} RR {:.2} recall {:.2} [{}] {:?}\n",
                    q.id,
                    match q.repeated_at {
                        Some([a, b]) => format!(" repeats {a}={b}"),
                        None if q.repeats => " repeats".to_string(),
                        None => String::new(),
                    },
                    q.ndcg,
                    q.rr,
                    q.recall,
                    gains.join(" "),
                    texts.get(q.id.as_str()).copied().unwrap_or("")
                ));
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    const QUERIES: &str = "# id\tquery\nq1\tfamily hubs call-in\nq2\thigh needs block\n";

    fn judged() -> QuerySet {
        let qrels = concat!(
            r#"{"query":"q1","file":"kent_24-00093_record-of-decision.pdf","kind":"decision","key":"family hubs","grade":2}"#,
            "\n",
            r#"{"query":"q1","file":"kent_scrutiny-committee_call-in-family-hubs_report-to-cabinet.pdf","kind":"document","key":"call-in","grade":1}"#,
            "\n",
            r#"{"query":"q2","file":["000_ab51a36975b4b00c.txt","000_ab51a36975b4b00c.pdf"],"kind":"resolution","key":"High Needs Block","grade":2}"#,
            "\n"
        );
        QuerySet::parse(QUERIES, qrels).unwrap()
    }

    fn hit(path: &str, kind: &str, text: &str) -> Value {
        json!({"kind": kind, "text": text, "source": {"path": path}})
    }

    fn shown_all(hits: &[Value]) -> Vec<Shown<'_>> {
        hits.iter()
            .map(|record| Shown {
                record,
                snippet: "",
                also_in: Vec::new(),
            })
            .collect()
    }

    #[test]
    fn a_copy_folded_into_a_hit_answers_for_its_file() {
        // The report inside seed 000's pack leads; the judged file is the
        // same report published alone (seed 001), folded into it.
        let set = judged();
        let pack = hit(
            "corpus/000_ab51a36975b4b00c.pdf",
            "resolution",
            "RESOLVED that the High Needs Block be agreed",
        );
        let elsewhere = Shown {
            record: &pack,
            snippet: "",
            also_in: vec![Place {
                kind: "resolution",
                path: "seeds/000_ab51a36975b4b00c.txt",
            }],
        };
        assert_eq!(gains(&set.of("q2"), &[elsewhere]), vec![2]);
        let moved = hit("corpus/other.pdf", "resolution", "the High Needs Block");
        assert_eq!(gains(&set.of("q2"), &shown_all(&[moved])), vec![0]);
    }

    #[test]
    fn reads_queries_and_judgements() {
        let set = judged();
        assert_eq!(set.queries.len(), 2);
        assert_eq!(set.queries[0].text, "family hubs call-in");
        assert_eq!(set.of("q2")[0].file.len(), 2);
        assert!(QuerySet::parse("q1 no tab\n", "").is_err());
        assert!(QuerySet::parse(
            QUERIES,
            r#"{"query":"q9","file":"a","kind":"minute","key":"x","grade":1}"#
        )
        .is_err());
    }

    #[test]
    fn a_repeat_gains_nothing() {
        let set = judged();
        let hits = vec![
            hit(
                "seeds/000_ab51a36975b4b00c.txt",
                "resolution",
                "RESOLVED that the High Needs Block be agreed",
            ),
            hit(
                "corpus/000_ab51a36975b4b00c.pdf",
                "resolution",
                "RESOLVED that the High Needs Block be agreed",
            ),
        ];
        assert_eq!(gains(&set.of("q2"), &shown_all(&hits)), vec![2, 0]);
    }

    #[test]
    fn perfect_and_partial_rankings() {
        let set = judged();
        let j = set.of("q1");
        let best = score("q1", &j, &[2, 1, 0], false);
        assert!((best.ndcg - 1.0).abs() < 1e-9);
        assert_eq!(best.rr, 1.0);
        assert_eq!(best.recall, 1.0);
        // The answer second, the useful record missing.
        let worse = score("q1", &j, &[0, 2], false);
        let ideal = 2.0 + 1.0 / 3f64.log2();
        assert!((worse.ndcg - (2.0 / 3f64.log2()) / ideal).abs() < 1e-9);
        assert_eq!(worse.rr, 0.5);
        assert_eq!(worse.recall, 0.5);
        let none = score("q1", &j, &[], false);
        assert_eq!((none.ndcg, none.rr, none.recall), (0.0, 0.0, 0.0));
    }

    #[test]
    fn hits_match_by_file_kind_and_key() {
        let set = judged();
        let hits = vec![
            hit(
                "x/kent_24-00093_record-of-decision.pdf",
                "document",
                "family hubs",
            ),
            hit(
                "x/kent_24-00093_record-of-decision.pdf",
                "decision",
                "Family Hubs: to end",
            ),
        ];
        assert_eq!(gains(&set.of("q1"), &shown_all(&hits)), vec![0, 2]);
        let r = Relevance::of(vec![score("q1", &set.of("q1"), &[0, 2], true)]);
        assert_eq!(r.mrr, 0.5);
        assert_eq!(r.repeated, 1);
    }

    #[test]
    fn a_page_showing_one_text_twice_repeats() {
        // Seed 000's resolution as its text file and its PDF rendering:
        // wrapped and quoted differently, the same text.
        let text = hit(
            "seeds/000_ab51a36975b4b00c.txt",
            "resolution",
            "Resolved:- 1. That the High Needs Block remains at the 2014-15 level, amended as \
             summarised in Table 3. (One abstention) 2. That the Schools Forum endorse the \
             Council's proposal",
        );
        let pdf = hit(
            "corpus/000_ab51a36975b4b00c.pdf",
            "resolution",
            "Resolved:-\n1. That the High Needs Block remains at the 2014-15 level,\namended as \
             summarised in Table 3. (One abstention)\n2. That the Schools Forum endorse\nthe \
             Council’s proposal",
        );
        let other = hit(
            "p.pdf",
            "resolution",
            "RESOLVED: To set the Precept for 2026/27 at £7,800.00",
        );
        let shown = |r| Shown {
            record: r,
            snippet: "",
            also_in: Vec::new(),
        };
        assert!(repeats(&[shown(&text), shown(&other), shown(&pdf)]));
        assert!(!repeats(&[shown(&text), shown(&other)]));
        // A report and its document: the same title over the same snippet.
        let doc = json!({"kind": "document", "text": "Commissioned Family Hub Contracts …",
            "document": {"title": "Commissioned Family Hub Contracts"}});
        let report = json!({"kind": "report", "text": "Purpose of the report …",
            "title": "Commissioned Family Hub Contracts"});
        let face = |r| Shown {
            record: r,
            snippet: "the family hub contracts end",
            also_in: Vec::new(),
        };
        assert!(repeats(&[face(&doc), face(&report)]));
        assert!(!repeats(&[
            face(&doc),
            Shown {
                record: &report,
                snippet: "another part",
                also_in: Vec::new(),
            }
        ]));
    }
}

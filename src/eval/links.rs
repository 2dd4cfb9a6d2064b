//! Links scored against gold link lines, per link type: recall (gold
//! links found) and precision (links found whose source sits in a file
//! whose links are annotated exhaustively, that gold holds). Each end of a
//! gold link is found like a gold record: a record of that file and kind
//! holding the key. Two copies of one text quote each other either way, so
//! a `quoted_in` link matches in either direction.

use super::fold::fold;
use super::gold::{Gold, GoldLink};
use super::matching::Candidate;
use crate::links::{Link, LinkType};
use serde::Serialize;
use serde_json::Value;
use std::collections::{BTreeMap, BTreeSet};

/// One link type's figures.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct LinkScore {
    #[serde(rename = "type")]
    pub link_type: String,
    /// Gold links, and how many were found.
    pub gold: usize,
    pub found: usize,
    /// Links from exhaustively annotated files, and how many gold holds.
    pub counted: usize,
    pub correct: usize,
    /// The gold links not found, one line each (`--misses`).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub missed: Vec<String>,
    /// The links found that gold lacks, among those counted.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub extra: Vec<String>,
}

impl LinkScore {
    pub fn recall(&self) -> Option<f64> {
        (self.gold > 0).then(|| self.found as f64 / self.gold as f64)
    }
    pub fn precision(&self) -> Option<f64> {
        (self.counted > 0).then(|| self.correct as f64 / self.counted as f64)
    }
}

/// Each end of each gold link, as the ids of the records it can be.
struct Ends {
    sources: BTreeSet<String>,
    targets: BTreeSet<String>,
}

pub fn score(
    gold: &Gold,
    records: &BTreeMap<String, Vec<Value>>,
    links: &[Link],
) -> Vec<LinkScore> {
    let mut file_of: BTreeMap<&str, &str> = BTreeMap::new();
    for (file, recs) in records {
        for r in recs {
            if let Some(id) = r.get("id").and_then(Value::as_str) {
                file_of.insert(id, file);
            }
        }
    }
    let ids_of = |file: &str, kind: &str, key: &str| -> BTreeSet<String> {
        let key = fold(key);
        records
            .get(file)
            .into_iter()
            .flatten()
            .filter(|r| r.get("kind").and_then(Value::as_str) == Some(kind))
            .filter(|r| Candidate::new(r).holds_key(&key))
            .filter_map(|r| r.get("id").and_then(Value::as_str).map(str::to_string))
            .collect()
    };
    let ends: Vec<(&GoldLink, Ends)> = gold
        .links
        .iter()
        .map(|g| {
            let e = Ends {
                sources: ids_of(&g.file, &g.kind, &g.key),
                targets: ids_of(&g.target_file, &g.target_kind, &g.target_key),
            };
            (g, e)
        })
        .collect();
    let holds = |g: &GoldLink, e: &Ends, l: &Link| {
        l.link_type.as_str() == g.link_type
            && ((e.sources.contains(&l.source) && e.targets.contains(&l.target))
                || (l.link_type == LinkType::QuotedIn
                    && e.sources.contains(&l.target)
                    && e.targets.contains(&l.source)))
    };
    let mut out = Vec::new();
    for t in LinkType::ALL {
        let name = t.as_str();
        let of_type: Vec<&(&GoldLink, Ends)> =
            ends.iter().filter(|(g, _)| g.link_type == name).collect();
        let mut found = 0;
        let mut missed = Vec::new();
        for (g, e) in &of_type {
            if links.iter().any(|l| holds(g, e, l)) {
                found += 1;
            } else {
                missed.push(missed_line(g, e));
            }
        }
        let counted: Vec<&Link> = links
            .iter()
            .filter(|l| l.link_type == t)
            .filter(|l| {
                file_of
                    .get(l.source.as_str())
                    .is_some_and(|f| gold.links_complete.contains(*f))
            })
            .collect();
        let (right, wrong): (Vec<&Link>, Vec<&Link>) = counted
            .iter()
            .partition(|l| of_type.iter().any(|(g, e)| holds(g, e, l)));
        let correct = right.len();
        let extra = wrong
            .iter()
            .map(|l| format!("{} -> {}: {}", l.source, l.target, l.evidence))
            .collect();
        if of_type.is_empty() && counted.is_empty() {
            continue;
        }
        out.push(LinkScore {
            link_type: name.to_string(),
            gold: of_type.len(),
            found,
            counted: counted.len(),
            correct,
            missed,
            extra,
        });
    }
    out
}

/// A gold link not found, as a line: its two ends, and which end no
/// record holds.
fn missed_line(g: &GoldLink, e: &Ends) -> String {
    let unfound = match (e.sources.is_empty(), e.targets.is_empty()) {
        (true, true) => " (neither end is a record)",
        (true, false) => " (no source record)",
        (false, true) => " (no target record)",
        (false, false) => "",
    };
    format!(
        "{} {} \"{}\" -> {} {} \"{}\" ({}){unfound}",
        g.file, g.kind, g.key, g.target_file, g.target_kind, g.target_key, g.origin
    )
}

/// The figures as text, one type a line; with `misses`, each type's gold
/// links not found and links found that gold lacks after the table.
pub fn text(scores: &[LinkScore], misses: bool) -> String {
    let pct = |v: Option<f64>| v.map_or("   -  ".to_string(), |v| format!("{:5.1}%", v * 100.0));
    let mut s = String::from("\nlinks            recall           precision\n");
    for l in scores {
        s.push_str(&format!(
            "  {:<14} {} ({:>3}/{:<3})  {} ({:>3}/{:<3})\n",
            l.link_type,
            pct(l.recall()),
            l.found,
            l.gold,
            pct(l.precision()),
            l.correct,
            l.counted
        ));
    }
    if misses {
        for l in scores {
            for m in &l.missed {
                s.push_str(&format!("  missed {} {m}\n", l.link_type));
            }
            for x in &l.extra {
                s.push_str(&format!("  extra  {} {x}\n", l.link_type));
            }
        }
    }
    s
}

/// The figures as a Markdown table.
pub fn markdown(scores: &[LinkScore]) -> String {
    let pct = |v: Option<f64>| v.map_or("-".to_string(), |v| format!("{:.3}", v));
    let mut s = String::from("\n## Links\n\n| type | recall | precision | gold | found | counted | correct |\n|---|---|---|---|---|---|---|\n");
    for l in scores {
        s.push_str(&format!(
            "| {} | {} | {} | {} | {} | {} | {} |\n",
            l.link_type,
            pct(l.recall()),
            pct(l.precision()),
            l.gold,
            l.found,
            l.counted,
            l.correct
        ));
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn recall_and_precision_per_type() {
        let mut gold = Gold::default();
        gold.add(
            r#"{"links_complete": ["m.pdf"]}
{"link": "recorded_as", "file": "m.pdf", "kind": "minute", "key": "Workplace Parking Levy", "target_file": "d.pdf", "target_kind": "decision", "target_key": "Workplace Parking Levy"}"#,
            "links.jsonl",
            "links",
        )
        .unwrap();
        let mut records = BTreeMap::new();
        records.insert(
            "m.pdf".to_string(),
            vec![
                json!({"id": "m-minute-1", "kind": "minute", "text": "10 Workplace Parking Levy"}),
                json!({"id": "m-minute-2", "kind": "minute", "text": "9 Bristol Regional Cycling Hub"}),
            ],
        );
        records.insert(
            "d.pdf".to_string(),
            vec![json!({"id": "d-decision-1", "kind": "decision", "text": "Workplace Parking Levy (agenda item 10)"})],
        );
        let link = |s: &str| Link {
            link_type: LinkType::RecordedAs,
            source: s.into(),
            target: "d-decision-1".into(),
            evidence: String::new(),
            confidence: 0.9,
        };
        let scores = score(&gold, &records, &[link("m-minute-1"), link("m-minute-2")]);
        assert_eq!(scores.len(), 1);
        assert_eq!((scores[0].gold, scores[0].found), (1, 1));
        assert_eq!((scores[0].counted, scores[0].correct), (2, 1));
        assert!(scores[0].missed.is_empty());
        assert_eq!(scores[0].extra.len(), 1);
        assert!(text(&scores, true).contains("extra  recorded_as m-minute-2 -> d-decision-1"));
    }
}

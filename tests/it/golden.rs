//! Golden snapshots of every record of every seed and corpus PDF, as compact
//! one-line renderings a reviewer can check against the source at a glance,
//! and the rule that a seed's text and PDF forms give the same records.
//!
//! After a reviewed change: `INSTA_UPDATE=always cargo test --test it golden`,
//! then read the diff of `tests/it/snapshots/`.

use crate::support::{records, run};
use serde_json::Value;

const STEMS: &[&str] = &[
    "000_ab51a36975b4b00c",
    "001_dd0b79784824a396",
    "002_73f4e48f0bf20ba3",
    "003_a0cb441c1b215d03",
    "004_790beaa8e3ba6a97",
];

fn s(v: &Value) -> String {
    match v {
        Value::Null => "-".to_string(),
        Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}

fn clip(text: &str, n: usize) -> String {
    let t: String = text.chars().take(n).collect();
    if text.chars().count() > n {
        format!("{t}…")
    } else {
        t
    }
}

fn list(v: &Value, n: usize) -> String {
    let items: Vec<String> = v
        .as_array()
        .map(|a| a.iter().map(|i| clip(&s(i), n)).collect())
        .unwrap_or_default();
    format!("[{}]", items.join(" ‖ "))
}

/// One line per record: kind, pages, then what matters for that kind,
/// without provenance so that text and PDF forms can be compared.
pub fn render(r: &Value) -> String {
    let kind = r["kind"].as_str().unwrap_or("?");
    let body = match kind {
        "document" => format!(
            "{} {:?} council={} body={} date={} chars={}",
            s(&r["document"]["type"]),
            s(&r["document"]["title"]),
            s(&r["document"]["council"]),
            s(&r["document"]["body"]),
            s(&r["document"]["date"]),
            r["text"].as_str().map(|t| t.chars().count()).unwrap_or(0) / 100 * 100,
        ),
        "meeting" => format!(
            "{} | {} | {} | {} | {}",
            s(&r["body"]),
            s(&r["council"]),
            s(&r["date"]),
            s(&r["time"]),
            s(&r["venue"])
        ),
        "agenda_item" => format!(
            "{}. {} pages={} verbal={} desc={:?} items={}",
            s(&r["number"]),
            s(&r["title"]),
            s(&r["pages"]),
            s(&r["verbal"]),
            clip(&s(&r["description"]), 50),
            list(&r["items"], 40)
        ),
        "minute" => format!(
            "{} {} paragraphs={} date={}",
            s(&r["number"]),
            clip(&s(&r["title"]), 70),
            r["paragraphs"].as_array().map(|a| a.len()).unwrap_or(0),
            s(&r["meeting_date"])
        ),
        "resolution" => format!(
            "minute={} para={} items={} votes={} {}",
            s(&r["minute"]),
            s(&r["paragraph"]),
            r["items"].as_array().map(|a| a.len()).unwrap_or(0),
            s(&r["votes"]),
            list(&r["items"], 60)
        ),
        "action" => format!(
            "minute={} owners={} people={} | {}",
            s(&r["minute"]),
            s(&r["owners"]),
            s(&r["people"]),
            clip(r["text"].as_str().unwrap_or(""), 60)
        ),
        "attendance" => format!(
            "{} {} role={} org={}",
            s(&r["name"]),
            s(&r["status"]),
            s(&r["role"]),
            s(&r["organisation"])
        ),
        "declaration" => format!(
            "{} item={} {}",
            s(&r["name"]),
            s(&r["item"]),
            s(&r["interest"])
        ),
        "recommendation" => format!(
            "{} to={} area={} items={} progress={} | {}",
            s(&r["number"]),
            s(&r["addressee"]),
            s(&r["area"]),
            r["items"].as_array().map(|a| a.len()).unwrap_or(0),
            r["progress"]
                .as_str()
                .map(|p| p.chars().count())
                .unwrap_or(0),
            clip(r["text"].as_str().unwrap_or(""), 70)
        ),
        "table" => {
            let header: Vec<String> = r["header"]
                .as_array()
                .map(|h| h.iter().map(|c| clip(&s(c), 30)).collect())
                .unwrap_or_default();
            format!(
                "Table[{}x{}](|{}|) {:?} notes={}",
                r["rows"].as_array().map(|a| a.len()).unwrap_or(0),
                header.len(),
                header.join("|"),
                clip(&s(&r["title"]), 60),
                r["notes"].as_array().map(|a| a.len()).unwrap_or(0)
            )
        }
        "report" => format!(
            "{:?} item={} author={} status={} recs={}",
            clip(&s(&r["title"]), 60),
            s(&r["agenda_item"]),
            s(&r["author"]),
            s(&r["status"]),
            r["recommendations"]
                .as_array()
                .map(|a| a.len())
                .unwrap_or(0)
        ),
        other => format!("unknown kind {other}"),
    };
    format!("{kind:<14} {body}")
}

fn rendered(path: &str) -> Vec<(u64, String)> {
    let out = run(&["extract", path]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{path}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    records(&out)
        .iter()
        .map(|r| (r["source"]["page"].as_u64().unwrap_or(0), render(r)))
        .collect()
}

fn snapshot_text(lines: &[(u64, String)]) -> String {
    lines
        .iter()
        .map(|(p, l)| format!("p{p:<3} {l}"))
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn golden_seed_texts() {
    for stem in STEMS {
        let lines = rendered(&format!("seeds/{stem}.txt"));
        insta::assert_snapshot!(format!("seed_{stem}"), snapshot_text(&lines));
    }
}

#[test]
fn golden_corpus_pdfs() {
    for stem in STEMS {
        let lines = rendered(&format!("corpus/{stem}.pdf"));
        insta::assert_snapshot!(format!("pdf_{stem}"), snapshot_text(&lines));
    }
}

/// The records of a seed's text form and of its PDF rendering, apart from
/// provenance and whole-document text: the grammars see the same document
/// whichever form it comes in. Differences the PDF layout still causes are
/// listed, each with its reason, and no other difference is allowed.
#[test]
fn text_and_pdf_forms_give_the_same_records() {
    use std::collections::BTreeMap;
    // (stem, rendered line) pairs that differ for a known reason.
    let known: &[(&str, &str)] = &[];
    let mut used = vec![false; known.len()];
    let mut unexplained = Vec::new();
    for stem in STEMS {
        let count = |lines: Vec<(u64, String)>| {
            let mut m: BTreeMap<String, i64> = BTreeMap::new();
            for (_, l) in lines {
                if !l.starts_with("document") {
                    *m.entry(l).or_default() += 1;
                }
            }
            m
        };
        let text = count(rendered(&format!("seeds/{stem}.txt")));
        let pdf = count(rendered(&format!("corpus/{stem}.pdf")));
        let keys: std::collections::BTreeSet<&String> = text.keys().chain(pdf.keys()).collect();
        for k in keys {
            let d = text.get(k).copied().unwrap_or(0) - pdf.get(k).copied().unwrap_or(0);
            let reason = known.iter().position(|(s, l)| s == stem && k.contains(l));
            if let (true, Some(i)) = (d != 0, reason) {
                used[i] = true;
            }
            if d != 0 && reason.is_none() {
                let form = if d > 0 { "text only" } else { "PDF only" };
                unexplained.push(format!("{stem} {form}: {k}"));
            }
        }
    }
    assert!(
        unexplained.is_empty(),
        "text and PDF forms differ:\n{}",
        unexplained.join("\n")
    );
    // A difference that is gone must leave the list too.
    for (i, (stem, line)) in known.iter().enumerate() {
        assert!(
            used[i],
            "{stem}: {line:?} no longer differs: drop it from the list"
        );
    }
}

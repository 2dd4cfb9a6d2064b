//! An evaluation printed: a text report for people, markdown for
//! ACCURACY.md, JSON for scripts. Figures have three decimals; "-" where a
//! figure has nothing to count (no precision where no file annotates a kind
//! completely, no field accuracy where the gold states no field).

use super::score::{ByKind, Evaluation, Tally, ALL};
use serde_json::{json, Map, Value};
use std::fmt::Write;

fn fig(x: Option<f64>) -> String {
    x.map_or("-".to_string(), |v| format!("{v:.3}"))
}

/// Kinds in report order: the record contract's, then any others, then all.
fn kinds_of(rows: &ByKind) -> Vec<&str> {
    let mut ks: Vec<&str> = rows
        .keys()
        .map(String::as_str)
        .filter(|k| *k != ALL)
        .collect();
    ks.sort_by_key(|k| {
        let at = grammars::KINDS
            .iter()
            .position(|x| x == k)
            .unwrap_or(usize::MAX);
        (at, k.to_string())
    });
    if rows.contains_key(ALL) {
        ks.push(ALL);
    }
    ks
}

const HEAD: [&str; 9] = [
    "kind",
    "gold",
    "found",
    "recall",
    "records",
    "precision",
    "F1",
    "strict",
    "soft",
];

fn row(kind: &str, t: &Tally) -> [String; 9] {
    [
        kind.to_string(),
        t.gold.to_string(),
        t.matched.to_string(),
        fig(t.recall()),
        t.records.to_string(),
        fig(t.precision()),
        fig(t.f1()),
        fig(t.fields_strict()),
        fig(t.fields_soft()),
    ]
}

fn text_table(out: &mut String, head: &[&str], rows: &[Vec<String>]) {
    let mut width: Vec<usize> = head.iter().map(|h| h.chars().count()).collect();
    for r in rows {
        for (i, c) in r.iter().enumerate() {
            width[i] = width[i].max(c.chars().count());
        }
    }
    let line = |cells: Vec<&str>| {
        let mut s = String::new();
        for (i, c) in cells.iter().enumerate() {
            let pad = width[i] - c.chars().count();
            if i == 0 {
                s.push_str(c);
                s.push_str(&" ".repeat(pad));
            } else {
                s.push_str("  ");
                s.push_str(&" ".repeat(pad));
                s.push_str(c);
            }
        }
        s.trim_end().to_string()
    };
    let _ = writeln!(out, "{}", line(head.to_vec()));
    for r in rows {
        let _ = writeln!(out, "{}", line(r.iter().map(String::as_str).collect()));
    }
}

fn md_table(out: &mut String, head: &[&str], rows: &[Vec<String>]) {
    let _ = writeln!(out, "| {} |", head.join(" | "));
    let seps: Vec<&str> = head
        .iter()
        .enumerate()
        .map(|(i, _)| if i == 0 { "---" } else { "---:" })
        .collect();
    let _ = writeln!(out, "| {} |", seps.join(" | "));
    for r in rows {
        let _ = writeln!(out, "| {} |", r.join(" | "));
    }
}

fn kind_rows(by: &ByKind) -> Vec<Vec<String>> {
    kinds_of(by)
        .into_iter()
        .map(|k| row(k, &by[k]).to_vec())
        .collect()
}

/// One figure per kind (rows) and group (columns), `all` last both ways.
fn matrix(
    eval: &Evaluation,
    figure: impl Fn(&Tally) -> Option<f64>,
) -> (Vec<String>, Vec<Vec<String>>) {
    let groups = eval.groups();
    let overall = eval.overall();
    let per: Vec<ByKind> = groups.iter().map(|g| eval.group(g)).collect();
    let mut head = vec!["kind".to_string()];
    head.extend(groups.iter().cloned());
    head.push(ALL.to_string());
    let rows = kinds_of(&overall)
        .into_iter()
        .map(|k| {
            let mut r = vec![k.to_string()];
            for by in &per {
                r.push(by.get(k).map_or(String::new(), |t| fig(figure(t))));
            }
            r.push(fig(figure(&overall[k])));
            r
        })
        .collect();
    (head, rows)
}

fn file_rows(eval: &Evaluation) -> Vec<Vec<String>> {
    eval.files
        .iter()
        .map(|f| {
            let mut t = Tally::default();
            f.kinds.values().for_each(|k| t.add(k));
            let mut worst: Vec<(&String, f64)> = f
                .kinds
                .iter()
                .filter_map(|(k, t)| t.f1().map(|v| (k, v)))
                .filter(|(_, v)| *v < 1.0)
                .collect();
            worst.sort_by(|a, b| a.1.total_cmp(&b.1).then(a.0.cmp(b.0)));
            let weakest = worst
                .iter()
                .take(3)
                .map(|(k, v)| format!("{k} {v:.2}"))
                .collect::<Vec<_>>()
                .join(", ");
            vec![
                f.file.clone(),
                f.group.clone(),
                if f.read { "yes" } else { "no" }.to_string(),
                t.gold.to_string(),
                t.matched.to_string(),
                fig(t.recall()),
                fig(t.precision()),
                fig(t.f1()),
                fig(t.fields_soft()),
                weakest,
            ]
        })
        .collect()
}

const FILE_HEAD: [&str; 10] = [
    "file",
    "group",
    "read",
    "gold",
    "found",
    "recall",
    "precision",
    "F1",
    "fields",
    "weakest",
];

fn headline(eval: &Evaluation) -> String {
    let read = eval.files.iter().filter(|f| f.read).count();
    let gold: usize = eval.overall().get(ALL).map_or(0, |t| t.gold);
    format!(
        "{} files annotated, {} read, {} gold records",
        eval.files.len(),
        read,
        gold
    )
}

/// The report for people.
pub fn text(eval: &Evaluation, misses: bool) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "agendex eval: {}\n", headline(eval));
    let _ = writeln!(
        out,
        "Overall (fields: share of stated fields right, strict = exact, soft = folded)"
    );
    text_table(&mut out, &HEAD, &kind_rows(&eval.overall()));
    for g in eval.groups() {
        let _ = writeln!(out, "\nGroup {g}");
        text_table(&mut out, &HEAD, &kind_rows(&eval.group(&g)));
    }
    let (head, rows) = matrix(eval, Tally::f1);
    let head: Vec<&str> = head.iter().map(String::as_str).collect();
    let _ = writeln!(out, "\nF1 by kind and group");
    text_table(&mut out, &head, &rows);
    let _ = writeln!(out, "\nPer file");
    text_table(&mut out, &FILE_HEAD, &file_rows(eval));
    if misses {
        out.push_str(&misses_text(eval));
    }
    out
}

fn misses_text(eval: &Evaluation) -> String {
    let mut out = String::from("\nMisses (missed: gold not found; extra: records no gold matched, in completely annotated kinds; field: a matched record's field differs)\n");
    for f in &eval.files {
        let missed: Vec<_> = eval.missed.iter().filter(|m| m.file == f.file).collect();
        let extra: Vec<_> = eval.extra.iter().filter(|m| m.file == f.file).collect();
        let wrong: Vec<_> = eval.wrong.iter().filter(|m| m.file == f.file).collect();
        if missed.is_empty() && extra.is_empty() && wrong.is_empty() {
            continue;
        }
        let _ = writeln!(out, "\n{}", f.file);
        for m in missed {
            let page = m.page.map_or(String::new(), |p| format!(" page {p}"));
            let _ = writeln!(out, "  missed {}{page} {:?} ({})", m.kind, m.key, m.origin);
        }
        for m in extra {
            let _ = writeln!(out, "  extra  {} page {} {:?}", m.kind, m.page, m.text);
        }
        for m in wrong {
            let _ = writeln!(
                out,
                "  field  {} {:?} page {}: {} expected {} got {} ({})",
                m.kind, m.key, m.page, m.field, m.expected, m.got, m.origin
            );
        }
    }
    out
}

/// The body of ACCURACY.md.
pub fn markdown(eval: &Evaluation) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "{}.\n", headline(eval));
    let _ = writeln!(out, "### Overall\n");
    md_table(&mut out, &HEAD, &kind_rows(&eval.overall()));
    for (title, figure) in [
        ("F1", Tally::f1 as fn(&Tally) -> Option<f64>),
        ("Recall", Tally::recall),
        (
            "Precision (completely annotated kinds only)",
            Tally::precision,
        ),
        ("Field accuracy, soft (folded)", Tally::fields_soft),
        ("Field accuracy, strict (exact)", Tally::fields_strict),
    ] {
        let (head, rows) = matrix(eval, figure);
        let head: Vec<&str> = head.iter().map(String::as_str).collect();
        let _ = writeln!(out, "\n### {title} by kind and group\n");
        md_table(&mut out, &head, &rows);
    }
    for g in eval.groups() {
        let _ = writeln!(out, "\n### Group {g}\n");
        md_table(&mut out, &HEAD, &kind_rows(&eval.group(&g)));
    }
    let _ = writeln!(out, "\n### Per file\n");
    md_table(&mut out, &FILE_HEAD, &file_rows(eval));
    out
}

fn metrics(t: &Tally) -> Value {
    json!({
        "gold": t.gold,
        "matched": t.matched,
        "records": t.records,
        "recall": t.recall(),
        "precision": t.precision(),
        "f1": t.f1(),
        "checks": t.checks,
        "fields_strict": t.fields_strict(),
        "fields_soft": t.fields_soft(),
    })
}

fn by_kind_json(by: &ByKind) -> Value {
    let mut m = Map::new();
    for k in kinds_of(by) {
        m.insert(k.to_string(), metrics(&by[k]));
    }
    Value::Object(m)
}

/// The whole evaluation as one JSON object.
pub fn json(eval: &Evaluation, misses: bool) -> Value {
    let mut groups = Map::new();
    for g in eval.groups() {
        groups.insert(g.clone(), by_kind_json(&eval.group(&g)));
    }
    let files: Vec<Value> = eval
        .files
        .iter()
        .map(|f| {
            let mut kinds = Map::new();
            for (k, t) in &f.kinds {
                kinds.insert(k.clone(), metrics(t));
            }
            json!({"file": f.file, "group": f.group, "read": f.read, "kinds": kinds})
        })
        .collect();
    let mut out = json!({
        "overall": by_kind_json(&eval.overall()),
        "groups": groups,
        "files": files,
    });
    if misses {
        out["missed"] = json!(eval.missed);
        out["extra"] = json!(eval.extra);
        out["wrong"] = json!(eval.wrong);
    }
    out
}

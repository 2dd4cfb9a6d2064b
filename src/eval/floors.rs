//! The floors file: for each group and kind, the F1 and (soft) field
//! accuracy the project has reached, which a change may not lower.
//!
//! Tab-separated, `#` comments: `group kind f1 fields`, "-" where a figure
//! is undefined. `agendex eval --write-floors` writes today's figures
//! (rounded down to three decimals); `--floors` checks against them.

use super::score::{ByKind, Evaluation, Tally, ALL};
use std::fmt::Write;

/// One line of the floors file.
#[derive(Debug, Clone, PartialEq)]
pub struct Floor {
    pub group: String,
    pub kind: String,
    pub f1: Option<f64>,
    pub fields: Option<f64>,
}

/// A figure below its floor.
#[derive(Debug, Clone, PartialEq)]
pub struct Fall {
    pub group: String,
    pub kind: String,
    pub figure: &'static str,
    pub floor: f64,
    pub now: Option<f64>,
}

impl std::fmt::Display for Fall {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let now = self
            .now
            .map_or("nothing".to_string(), |v| format!("{v:.3}"));
        write!(
            f,
            "{} {} {}: {} below the floor {:.3}",
            self.group, self.kind, self.figure, now, self.floor
        )
    }
}

/// What a check found.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct Checked {
    pub falls: Vec<Fall>,
    /// Floors of groups with no annotated file among the inputs.
    pub unchecked_groups: Vec<String>,
    pub checked: usize,
}

pub fn parse(text: &str) -> Result<Vec<Floor>, String> {
    let mut out = Vec::new();
    for (i, line) in text.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        if cols.len() != 4 {
            return Err(format!("line {}: expected 4 tab-separated columns", i + 1));
        }
        let num = |s: &str| -> Result<Option<f64>, String> {
            if s == "-" {
                return Ok(None);
            }
            s.parse::<f64>()
                .map(Some)
                .map_err(|_| format!("line {}: {s:?} is not a number", i + 1))
        };
        out.push(Floor {
            group: cols[0].to_string(),
            kind: cols[1].to_string(),
            f1: num(cols[2])?,
            fields: num(cols[3])?,
        });
    }
    Ok(out)
}

fn down(x: f64) -> f64 {
    (x * 1000.0 + 1e-9).floor() / 1000.0
}

fn table(eval: &Evaluation, group: &str) -> ByKind {
    if group == ALL {
        eval.overall()
    } else {
        eval.group(group)
    }
}

/// Today's figures as a floors file.
pub fn write(eval: &Evaluation) -> String {
    let mut out = String::from(
        "# agendex eval floors: a change may not lower these (see ACCURACY.md).\n\
         # Written by `agendex eval --write-floors`; raise them when a change earns it.\n\
         # group\tkind\tf1\tfields\n",
    );
    let mut groups = eval.groups();
    groups.push(ALL.to_string());
    let f = |x: Option<f64>| x.map_or("-".to_string(), |v| format!("{:.3}", down(v)));
    for g in groups {
        for (kind, t) in table(eval, &g) {
            let _ = writeln!(out, "{g}\t{kind}\t{}\t{}", f(t.f1()), f(t.fields_soft()));
        }
    }
    out
}

/// Check today's figures against the floors.
pub fn check(eval: &Evaluation, floors: &[Floor]) -> Checked {
    let mut out = Checked::default();
    let present = eval.groups();
    for fl in floors {
        if fl.group != ALL && !present.contains(&fl.group) {
            if !out.unchecked_groups.contains(&fl.group) {
                out.unchecked_groups.push(fl.group.clone());
            }
            continue;
        }
        // "all" is only comparable when every group is there.
        if fl.group == ALL
            && floors
                .iter()
                .any(|o| o.group != ALL && !present.contains(&o.group))
        {
            if !out.unchecked_groups.iter().any(|g| g == ALL) {
                out.unchecked_groups.push(ALL.to_string());
            }
            continue;
        }
        let now = table(eval, &fl.group)
            .get(&fl.kind)
            .copied()
            .unwrap_or_default();
        for (figure, floor, value) in [
            ("F1", fl.f1, Tally::f1(&now)),
            ("field accuracy", fl.fields, Tally::fields_soft(&now)),
        ] {
            let Some(floor) = floor else { continue };
            out.checked += 1;
            if value.is_none_or(|v| down(v) + 1e-9 < floor) {
                out.falls.push(Fall {
                    group: fl.group.clone(),
                    kind: fl.kind.clone(),
                    figure,
                    floor,
                    now: value,
                });
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::eval::gold::Gold;
    use crate::eval::score::score_file;
    use serde_json::json;

    fn eval_with(found: bool) -> Evaluation {
        let mut gold = Gold::default();
        gold.add(
            r#"{"file": "a.pdf", "complete": ["minute"]}
{"file": "a.pdf", "kind": "minute", "key": "Apologies", "number": "1"}"#,
            "g",
            "parish",
        )
        .unwrap();
        let recs = if found {
            vec![json!({"kind": "minute", "text": "Apologies", "number": "1"})]
        } else {
            vec![]
        };
        let mut e = Evaluation::default();
        score_file(&gold, "a.pdf", Some(&recs), &mut e);
        e
    }

    #[test]
    fn written_floors_hold_and_a_fall_is_caught() {
        let good = eval_with(true);
        let floors = parse(&write(&good)).unwrap();
        assert!(floors
            .iter()
            .any(|f| f.group == "parish" && f.kind == "minute" && f.f1 == Some(1.0)));
        let ok = check(&good, &floors);
        assert!(ok.falls.is_empty(), "{:?}", ok.falls);
        assert!(ok.checked >= 4);
        let bad = check(&eval_with(false), &floors);
        assert!(
            bad.falls
                .iter()
                .any(|f| f.kind == "minute" && f.figure == "F1"),
            "{:?}",
            bad.falls
        );
    }

    #[test]
    fn floors_of_absent_groups_are_reported_not_failed() {
        let floors = parse("ofsted\tjudgement\t0.5\t-\nall\tall\t0.9\t0.9\n").unwrap();
        let c = check(&eval_with(true), &floors);
        assert!(c.falls.is_empty());
        assert_eq!(
            c.unchecked_groups,
            vec!["ofsted".to_string(), "all".to_string()]
        );
    }

    #[test]
    fn bad_lines_are_named() {
        assert!(parse("a\tb\tc\n").unwrap_err().contains("line 1"));
        assert!(parse("a\tb\tx\t-\n").unwrap_err().contains("not a number"));
    }
}

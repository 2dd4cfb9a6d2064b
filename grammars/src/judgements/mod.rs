//! Inspection judgements (Ofsted) -> `judgement` records.
//!
//! This module owns the grade scale of inspection reports and the three
//! places a report prints its judgements: the judgement table (rows of an
//! area and its grade, the longest such run in the report, so that a grade
//! repeated over a body section is not read twice), a headline set in bold
//! ("Children's services in Stockton-on-Tees are good.", "The Local
//! Safeguarding Children Board requires improvement") and the "Inspection
//! outcome" box of an Area SEND report, whose grade is its first sentence.

pub mod cover;

use crate::document::Doc;
use crate::lex::{fold, sentences};
use crate::model::{Fields, Judgement, Parsed, Record};
use std::borrow::Cow;

/// The grades of the inspection scales, longest first.
const GRADES: [&str; 6] = [
    "requires improvement to be good",
    "requires improvement",
    "outstanding",
    "inadequate",
    "adequate",
    "good",
];

/// The grade `text` is, as printed, where it is exactly one.
pub fn grade_of(text: &str) -> Option<&str> {
    let t = text.trim().trim_end_matches('.').trim();
    let l = t.to_lowercase();
    GRADES.iter().any(|g| l == *g).then_some(t)
}

/// A line reduced to what the judgement reader needs.
#[derive(Debug, Clone, Default)]
struct Row<'a> {
    cells: Vec<Cow<'a, str>>,
    page: u32,
    /// Bold or a heading.
    strong: bool,
}

/// One judgement read, with where it was printed.
#[derive(Debug, Clone, PartialEq)]
struct Found {
    area: String,
    grade: String,
    page: u32,
}

/// Read one inspection report and append its judgements.
pub fn parse(d: &Doc, out: &mut Parsed) {
    let rows: Vec<Row> = d
        .lines
        .iter()
        .filter(|l| !l.furniture && !l.is_blank())
        .map(|l| Row {
            cells: l.plain_pieces(),
            page: l.page,
            strong: l.line.bold || l.line.heading.is_some(),
        })
        .collect();
    for f in read(&rows) {
        out.records.push(Record {
            text: fold(&format!("{} {}", f.area, f.grade)),
            page: f.page,
            page_end: f.page,
            document: d.index,
            fields: Fields::Judgement(Judgement {
                area: f.area,
                grade: f.grade,
            }),
        });
    }
}

fn read(rows: &[Row]) -> Vec<Found> {
    let mut found = headlines(rows);
    found.extend(table(rows));
    found.extend(outcome_box(rows));
    // One judgement per area.
    let mut seen: Vec<String> = Vec::new();
    found.retain(|f| {
        let k = fold(&f.area).to_lowercase();
        let new = !seen.contains(&k);
        seen.push(k);
        new
    });
    found
}

/// "Children's services in Stockton-on-Tees are good." set in bold, alone.
fn headlines(rows: &[Row]) -> Vec<Found> {
    let mut out = Vec::new();
    for r in rows.iter().filter(|r| r.strong && r.cells.len() == 1) {
        let t = r.cells[0].trim().trim_end_matches('.');
        // A headline is a sentence of its own: not the tail of a wrapped
        // one ("… is that it / is outstanding.").
        if t.split_whitespace().count() > 16 || !t.starts_with(char::is_uppercase) {
            continue;
        }
        let l = t.to_lowercase();
        for verb in [" are ", " is ", " "] {
            for g in GRADES {
                let tail = format!("{verb}{g}");
                if verb == " " && !g.starts_with("requires") {
                    continue;
                }
                if l.ends_with(&tail) && l.len() > tail.len() {
                    let cut = t.len() - tail.len();
                    out.push(Found {
                        area: t[..cut].trim().to_string(),
                        grade: t[cut + verb.len()..].trim().to_string(),
                        page: r.page,
                    });
                    break;
                }
            }
            if out
                .last()
                .is_some_and(|f| f.page == r.page && t.starts_with(&f.area))
            {
                break;
            }
        }
    }
    out
}

/// The longest run of rows whose last cell is a grade (rows without one in
/// between continue the area above: "Outcomes for looked after children |
/// Inadequate" / "and young people"). A run needs two rows.
fn table(rows: &[Row]) -> Vec<Found> {
    let mut best: Vec<Found> = Vec::new();
    let mut run: Vec<Found> = Vec::new();
    for r in rows {
        let graded = r.cells.len() >= 2 && r.cells.last().and_then(|c| grade_of(c)).is_some();
        if graded {
            let grade = grade_of(r.cells.last().map_or("", |c| &**c))
                .unwrap_or_default()
                .to_string();
            let area = area_of(&r.cells[..r.cells.len() - 1]);
            run.push(Found {
                area,
                grade,
                page: r.page,
            });
            continue;
        }
        let continues = !run.is_empty()
            && r.cells.len() == 1
            && r.cells[0].split_whitespace().count() <= 4
            && r.cells[0].starts_with(char::is_lowercase);
        if continues {
            if let Some(last) = run.last_mut() {
                last.area.push(' ');
                last.area.push_str(&r.cells[0]);
            }
            continue;
        }
        if run.len() > best.len() {
            best = std::mem::take(&mut run);
        }
        run.clear();
    }
    if run.len() > best.len() {
        best = run;
    }
    if best.len() < 2 {
        return Vec::new();
    }
    best
}

/// An area's cells without the number that opens it ("2.1", "3.").
fn area_of(cells: &[Cow<str>]) -> String {
    let joined = cells.join(" ");
    match crate::lex::lead_number(&joined) {
        Some(n) => joined[n.rest..].trim().to_string(),
        None => joined,
    }
}

/// "Inspection outcome" set as a heading, then its paragraph: the grade is
/// the paragraph's first sentence.
fn outcome_box(rows: &[Row]) -> Vec<Found> {
    let Some(at) = rows.iter().position(|r| {
        r.strong
            && r.cells.len() == 1
            && fold(&r.cells[0]).eq_ignore_ascii_case("inspection outcome")
    }) else {
        return Vec::new();
    };
    let text: Vec<String> = rows[at + 1..]
        .iter()
        .take_while(|r| !r.strong)
        .take(8)
        .map(|r| r.cells.join(" "))
        .collect();
    let text = text.join(" ");
    let Some(first) = sentences(&text)
        .first()
        .map(|s| s.trim().trim_end_matches('.').to_string())
    else {
        return Vec::new();
    };
    if first.is_empty() {
        return Vec::new();
    }
    vec![Found {
        area: rows[at].cells[0].to_string(),
        grade: first,
        page: rows[at].page,
    }]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lex::plain;

    fn row(t: &str, strong: bool) -> Row<'static> {
        Row {
            cells: t
                .split('\t')
                .map(plain)
                .filter(|c| !c.is_empty())
                .map(Cow::Owned)
                .collect(),
            page: 1,
            strong,
        }
    }

    /// Stockton-on-Tees, single inspection framework, cover page.
    #[test]
    fn the_cover_gives_a_headline_and_a_table() {
        let rows = [
            row("Report published: 5 August 2016", true),
            row("Children’s services in Stockton-on-Tees are good.", true),
            row("1. Children who need help and protection\tGood", true),
            row(
                "2. Children looked after and achieving permanence\tRequires improvement",
                true,
            ),
            row("2.1 Adoption performance\tRequires improvement", false),
            row(
                "2.2 Experiences and progress of care leavers\tOutstanding",
                false,
            ),
            row("3.\tLeadership, management and governance\tGood", true),
            row("Executive summary", true),
            row(
                "The experiences and progress of children looked after\tRequires improvement",
                true,
            ),
            row(
                "The Local Safeguarding Children Board requires improvement",
                true,
            ),
        ];
        let f = read(&rows);
        let got: Vec<(&str, &str)> = f
            .iter()
            .map(|f| (f.area.as_str(), f.grade.as_str()))
            .collect();
        assert_eq!(
            got,
            [
                ("Children’s services in Stockton-on-Tees", "good"),
                (
                    "The Local Safeguarding Children Board",
                    "requires improvement"
                ),
                ("Children who need help and protection", "Good"),
                (
                    "Children looked after and achieving permanence",
                    "Requires improvement"
                ),
                ("Adoption performance", "Requires improvement"),
                ("Experiences and progress of care leavers", "Outstanding"),
                ("Leadership, management and governance", "Good"),
            ]
        );
    }

    /// Norfolk 2013, "Record of main findings": an area wrapped onto a row
    /// of its own.
    #[test]
    fn a_wrapped_area_is_joined() {
        let rows = [
            row("Overall effectiveness\tInadequate", true),
            row("Outcomes for looked after children\tInadequate", true),
            row("and young people", true),
            row("Quality of provision\tInadequate", true),
        ];
        let f = read(&rows);
        assert_eq!(f.len(), 3);
        assert_eq!(
            f[1].area,
            "Outcomes for looked after children and young people"
        );
    }

    /// Area SEND, Wiltshire 2024: the outcome box.
    #[test]
    fn the_outcome_box_grade_is_its_first_sentence() {
        let rows = [
            row("Inspection outcome", true),
            row("The local area partnership’s arrangements typically lead to positive experiences and", false),
            row("outcomes for children (SEND). The local area partnership is taking action.", false),
        ];
        let f = read(&rows);
        assert_eq!(f.len(), 1);
        assert!(
            f[0].grade.ends_with("outcomes for children (SEND)"),
            "{}",
            f[0].grade
        );
    }

    #[test]
    fn prose_and_a_grade_scale_are_no_judgements() {
        let rows = [
            row("Placement stability is good.", false),
            // Stockton-on-Tees p24: the tail of a wrapped bold sentence.
            row("is that it is outstanding.", true),
            row(
                "Outstanding (Grade 1)\tA service that significantly exceeds minimum requirements",
                false,
            ),
        ];
        assert!(read(&rows).is_empty());
    }
}

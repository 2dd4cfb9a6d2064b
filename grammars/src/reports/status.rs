//! What a report's front sheet says of its decision and publication: the
//! decision number ("Decision no: 24/00093"), whether it is a key decision
//! ("Key Decision: No", "Key Decision | Yes" in a grid, "Is this a Key
//! Decision? No") and whether it is exempt ("Exempt: | No", "Publication
//! Requirements For publication.", a marking alone on its line: "PUBLIC
//! REPORT", "Unrestricted", "Not for publication by virtue of paragraph 3
//! of Part 1 of Schedule 12A").
//!
//! A label counts where it opens a cell (its value after it, in the next
//! cell or on the next line) or closes one with its value in the next cell
//! (a grid whose label cell swallowed the text beside it). The words of the
//! values are read by `lex::status`.

use crate::lex::{
    contains_lower, decision_number, exempt_paragraph, exempt_value, key_decision_value, plain_cow,
    publication_marking,
};
use std::borrow::Cow;

/// The decision status of a report; each field null where not stated.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Status {
    pub decision_number: Option<String>,
    pub key_decision: Option<bool>,
    pub exempt: Option<bool>,
    pub exempt_paragraph: Option<String>,
}

/// Which fact a label introduces.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Fact {
    Number,
    Key,
    Exempt,
}

/// Labels, longest first (lower case, without their colon or question mark).
const LABELS: &[(&str, Fact)] = &[
    ("key decision or for information", Fact::Key),
    ("is this a key decision", Fact::Key),
    ("key or non-key decision", Fact::Key),
    ("key or non key decision", Fact::Key),
    ("publication requirements", Fact::Exempt),
    ("exempt information", Fact::Exempt),
    ("decision number", Fact::Number),
    ("classification", Fact::Exempt),
    ("key decision", Fact::Key),
    ("decision no", Fact::Number),
    ("exempt", Fact::Exempt),
];

/// Read the status from a report's opening lines (each line's text, its
/// cells separated by tabs, as the layout gives them).
pub fn read(lines: &[&str]) -> Status {
    let rows: Vec<Vec<Cow<str>>> = lines
        .iter()
        .map(|t| {
            t.split('\t')
                .map(plain_cow)
                .filter(|c| !c.is_empty())
                .collect()
        })
        .filter(|r: &Vec<Cow<str>>| !r.is_empty())
        .collect();
    let mut st = Status::default();
    for (k, row) in rows.iter().enumerate() {
        // A marking alone on its line ("PUBLIC REPORT", "Unrestricted").
        if row.len() == 1 && st.exempt.is_none() {
            let cell = &row[0];
            if cell.split_whitespace().nth(3).is_none() || contains_lower(cell, "schedule 12a") {
                if let Some(e) = publication_marking(cell) {
                    st.exempt = Some(e);
                    st.exempt_paragraph = exempt_paragraph(cell).filter(|_| e);
                    continue;
                }
            }
            if let Some(e) = heading_marking(cell) {
                st.exempt = Some(e);
                continue;
            }
        }
        for (c, cell) in row.iter().enumerate() {
            let Some((fact, value)) = labelled(cell) else {
                continue;
            };
            let value = if !value.is_empty() {
                value
            } else if let Some(next) = row.get(c + 1) {
                // Two labels stacked in one cell ("RESPONSIBLE OFFICER: Key
                // Decision") have their values stacked in the next, in the
                // same order: the answer that closes it is the second's
                // ("EXECUTIVE DIRECTOR OF TRANSPORT Yes").
                let stacked = cell.contains(':') && fact == Fact::Key;
                match next.rsplit_once(' ') {
                    Some((_, last)) if stacked && key_decision_value(next).is_none() => {
                        last.to_string()
                    }
                    _ => next.to_string(),
                }
            } else if row.len() == 1 {
                rows.get(k + 1)
                    .filter(|n| labelled(&n[0]).is_none())
                    .map(|n| n[0].to_string())
                    .unwrap_or_default()
            } else {
                String::new()
            };
            set(&mut st, fact, &value);
        }
    }
    st
}

/// A report's list of appendices, each answered YES (appended) or NO,
/// holds one for exempt information ("Appendix E – Exempt Information NO"):
/// NO says the report has no exempt part (false), YES that it has (true).
/// Read anywhere in the report, where its opening lines said nothing.
pub fn appendix_checklist(line: &str) -> Option<bool> {
    if !line.contains("xempt") && !line.contains("XEMPT") {
        return None;
    }
    let t = plain_cow(line);
    let t = t.trim().trim_end_matches(['|', ' ']);
    let (head, answer) = t.rsplit_once(' ')?;
    let answer = crate::lex::yes_no(answer).filter(|_| answer.len() <= 3)?;
    let head = head.trim_end_matches(['|', ' ']).to_ascii_lowercase();
    let listed = head.starts_with("appendix") && head.ends_with("exempt information");
    listed.then_some(answer)
}

/// A letterhead in capitals that the marking closes, the two run together
/// on one line ("BIRMINGHAM CITY COUNCIL PUBLIC REPORT"): the marking of
/// its last two words ("PUBLIC REPORT", "PRIVATE REPORT"). A line with a
/// small letter is prose or a title, never a letterhead.
fn heading_marking(cell: &str) -> Option<bool> {
    if cell.chars().any(char::is_lowercase) {
        return None;
    }
    let words: Vec<&str> = cell.split_whitespace().collect();
    let n = words.len();
    if !(3..=8).contains(&n) {
        return None;
    }
    // Two words, so that the marking has its noun ("REPORT"): one word
    // alone at a heading's end ("… OPEN") is the heading's own.
    publication_marking(&words[n - 2..].join(" "))
}

/// The fact and the value of a labelled cell: "Key Decision: No" ->
/// (Key, "No"); "RE OFFICER: Key Decision" -> (Key, "") (the value is in
/// the next cell).
fn labelled(cell: &str) -> Option<(Fact, String)> {
    // Every label holds one of these words: a cell without them is passed
    // over without being lowered.
    // (ASCII lowering finds them as `to_lowercase` would: see
    // `lex::contains_lower`.)
    // "decision", "publication" and "classification" hold "io", "exempt"
    // holds "pt": a cell without either pair is not searched.
    if !crate::lex::holds_letter_pair(cell, [*b"io", *b"pt"]) {
        return None;
    }
    let ascii = cell.to_ascii_lowercase();
    if !["decision", "exempt", "publication", "classification"]
        .iter()
        .any(|w| ascii.contains(w))
    {
        return None;
    }
    let l = cell.to_lowercase();
    for &(label, fact) in LABELS {
        if let Some(rest) = l.strip_prefix(label) {
            // A label, not a longer word ("exemptions").
            if rest.starts_with(|c: char| c.is_alphanumeric()) {
                continue;
            }
            let rest = &cell[cell.len() - rest.len()..];
            let value = rest
                .trim_start_matches(|c: char| {
                    c.is_whitespace() || matches!(c, ':' | '?' | '-' | '–' | '—')
                })
                .trim();
            // A label wants a colon, a question mark, a dash or a cell of
            // its own before its value: "Key decision taken on …" is prose.
            let marked = rest.trim_start().starts_with([':', '?', '-', '–', '—']);
            if value.is_empty() || marked || fact == Fact::Exempt {
                return Some((fact, value.to_string()));
            }
            continue;
        }
        let trimmed = l.trim_end_matches([':', '?', ' ']);
        if trimmed.ends_with(label) && trimmed.len() > label.len() {
            let before = &trimmed[..trimmed.len() - label.len()];
            if before.ends_with([' ', ':']) {
                return Some((fact, String::new()));
            }
        }
    }
    None
}

fn set(st: &mut Status, fact: Fact, value: &str) {
    match fact {
        Fact::Number => {
            st.decision_number = st.decision_number.take().or_else(|| decision_number(value));
        }
        Fact::Key => st.key_decision = st.key_decision.or_else(|| key_decision_value(value)),
        Fact::Exempt => {
            if st.exempt.is_none() {
                if let Some((e, para)) = exempt_value(value) {
                    st.exempt = Some(e);
                    st.exempt_paragraph = para;
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Kent decision report front sheet, p1.
    #[test]
    fn kent_front_sheet() {
        let st = read(&[
            "Subject:\tCommissioned Family Hub Contracts",
            "Decision no: 24/00093",
            "Key Decision : For the reason that:",
            "•\tIt affects more than 2 Electoral Divisions",
            "Classification: Unrestricted",
        ]);
        assert_eq!(st.decision_number.as_deref(), Some("24/00093"));
        assert_eq!(st.key_decision, Some(true));
        assert_eq!(st.exempt, Some(false));
    }

    /// Birmingham group company reports, p25: the council's letterhead and
    /// the marking run together on one line.
    #[test]
    fn letterhead_closed_by_marking() {
        let st = read(&["\t\tBIRMINGHAM CITY COUNCIL PUBLIC REPORT"]);
        assert_eq!(st.exempt, Some(false));
        let st = read(&["BIRMINGHAM CITY COUNCIL PRIVATE REPORT"]);
        assert_eq!(st.exempt, Some(true));
        assert_eq!(read(&["CABINET MEMBER PUBLIC HEALTH"]).exempt, None);
        assert_eq!(read(&["Report to the Public Report Panel"]).exempt, None);
    }

    /// Bristol committee reports close with their appendices, each YES or
    /// NO, in one line or in a grid.
    #[test]
    fn appendix_checklist_answers_exempt() {
        assert_eq!(
            appendix_checklist("Appendix E – Exempt Information NO"),
            Some(false)
        );
        assert_eq!(
            appendix_checklist("Appendix E – Exempt Information\tNO"),
            Some(false)
        );
        assert_eq!(
            appendix_checklist("Appendix E – Exempt Information YES"),
            Some(true)
        );
        assert_eq!(
            appendix_checklist("The exempt information is not disclosed"),
            None
        );
    }

    /// WECA MCA Committee report, p1-2: the grid's label cell swallowed the
    /// text beside it; the publication requirement is a heading run into
    /// its value.
    #[test]
    fn weca_grid_and_publication_requirements() {
        let st = read(&[
            "RE OFFICER: Key Decision\tYes",
            "Publication Requirements For publication.",
        ]);
        assert_eq!(st.key_decision, Some(true));
        assert_eq!(st.exempt, Some(false));
        // The transport report of 27 March 2026: the officer's post and the
        // answer share the value cell.
        let st = read(&["RESPONSIBLE OFFICER: Key Decision\tEXECUTIVE DIRECTOR OF TRANSPORT Yes"]);
        assert_eq!(st.key_decision, Some(true));
        let st = read(&["RESPONSIBLE OFFICER: Key Decision\tEXECUTIVE DIRECTOR OF TRANSPORT No"]);
        assert_eq!(st.key_decision, Some(false));
        // One label alone before its cell: the value cell is read whole.
        let st = read(&["Key Decision\tthe Director decides Yes"]);
        assert_eq!(st.key_decision, None);
    }

    /// Harrow scrutiny report (seed 004) and Birmingham Cabinet Committee
    /// pack p7: "Exempt: | No"; "PUBLIC" alone; "Key Decision: No | Relevant
    /// Forward Plan Ref:".
    #[test]
    fn exempt_cell_and_marking_alone() {
        let st = read(&["Subject:\tChildren and Families Performance", "Exempt:\tNo"]);
        assert_eq!(st.exempt, Some(false));
        let st = read(&[
            "PUBLIC",
            "Report to:\tCABINET COMMITTEE – GROUP",
            "Key Decision: No\tRelevant Forward Plan Ref:",
        ]);
        assert_eq!(st.exempt, Some(false));
        assert_eq!(st.key_decision, Some(false));
    }

    /// Bristol committee reports: the label asks which kind it is.
    #[test]
    fn bristol_key_or_non_key() {
        let st = read(&["KEY OR NON-KEY DECISION: Key decision over £500k spend/save & impacts more than 2 wards"]);
        assert_eq!(st.key_decision, Some(true));
        let st = read(&["KEY DECISION OR FOR INFORMATION: For Information"]);
        assert_eq!(st.key_decision, Some(false));
    }

    /// An exempt paper's front sheet cites Schedule 12A.
    #[test]
    fn not_for_publication_with_its_paragraph() {
        let st = read(&[
            "Not for publication by virtue of paragraph 3 of Part 1 of Schedule 12A of the Local Government Act 1972",
        ]);
        assert_eq!(st.exempt, Some(true));
        assert_eq!(st.exempt_paragraph.as_deref(), Some("3"));
    }

    /// Prose that mentions a key decision or exemptions sets nothing.
    #[test]
    fn prose_is_no_label() {
        let st = read(&[
            "subject to the previous Family Hub Model Key Decision 23/00092.",
            "Key decision taken on 10 November 2021 to extend",
            "applied for all other exemptions, discounts and benefits",
        ]);
        assert_eq!(st, Status::default());
    }
}

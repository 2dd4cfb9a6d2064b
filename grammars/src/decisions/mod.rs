//! Decision forms (a record of decision, a decision notice, a decision
//! recording form) -> `decision` records.
//!
//! A decision form is a sequence of labelled boxes ("Subject:", "Decision
//! taken", "Reason(s) for decision:", "Exempt Information?"), either one
//! form for one decision or the same boxes repeated once per agenda item.
//! This module owns reading those boxes: which label opens which field,
//! where a repeated form starts a new decision, and how a decision's points
//! are told apart. It needs at least a decision box and one other box, so a
//! report that merely mentions "Decision:" gives nothing.

mod labels;
mod points;

use crate::document::Doc;
use crate::lex::{exempt_value, find_date, fold, publication_marking, yes_no};
use crate::minutes::attendance;
use crate::minutes::lex::{Form as MinutesForm, Layout};
use crate::model::{Decision, Fields, Meeting, Parsed, Record};
use labels::{label_of, Field, Label};
use std::borrow::Cow;

/// One decision being read: its fields and the lines it spans.
#[derive(Debug, Default, Clone)]
struct Draft {
    fields: Decision,
    /// The decision box's lines, as printed.
    points: Vec<points::PointLine>,
    text: Vec<String>,
    page: u32,
    page_end: u32,
}

impl Draft {
    fn is_empty(&self) -> bool {
        self.fields.title.is_none() && self.points.is_empty()
    }
}

/// Facts printed once for the whole form: who decides, the number, the
/// date, key decision and publication status.
#[derive(Debug, Default, Clone)]
struct FormFacts {
    maker: Option<String>,
    decision_number: Option<String>,
    date: Option<String>,
    key_decision: Option<bool>,
    exempt: Option<bool>,
}

/// Read one document and append its decision records.
pub fn parse(d: &Doc, out: &mut Parsed) {
    let lines: Vec<Row> = d
        .lines
        .iter()
        .enumerate()
        .filter(|(_, l)| !l.furniture && !l.is_blank())
        .map(|(at, l)| Row {
            at,
            cells: l.plain_pieces(),
            page: l.page,
            caps_lead: points::caps_lead(&l.plain),
            gap: l.line.space_above > l.line.size.max(1.0) * 0.6,
        })
        .collect();
    let form = read_form(&lines);
    if !form.drafts.is_empty() {
        meeting_and_attendance(d, &lines, &form, out);
    }
    for draft in form.drafts {
        let text = fold(&draft.text.join(" "));
        out.records.push(Record {
            text,
            page: draft.page,
            page_end: draft.page_end,
            document: d.index,
            fields: Fields::Decision(draft.fields),
        });
    }
}

/// A form decided at a meeting ("Decision determined at Transport and
/// Connectivity Policy Committee meeting on 12 September 2024") is that
/// meeting's record: a `meeting` record, and the members the form lists
/// above its first box ("Committee Members present:", "Apologies:") read
/// as the attendance list of minutes is.
fn meeting_and_attendance(d: &Doc, rows: &[Row], form: &FormRead, out: &mut Parsed) {
    let Some(held) = &form.held else { return };
    let Some(first_box) = rows.get(form.opening_rows) else {
        return;
    };
    let heading = rows.first().map(|r| r.at).unwrap_or(0);
    let layout = Layout {
        start: heading,
        body_start: first_box.at,
        body_end: first_box.at,
        form: MinutesForm::Paragraphs,
    };
    attendance::parse_in(&d.lines, Some(&layout), d.info, d.index, out);
    let opening = &rows[..form.opening_rows];
    let text = opening
        .iter()
        .take_while(|r| !r.cells.join(" ").trim_end().ends_with(':'))
        .map(|r| r.cells.join(" "))
        .collect::<Vec<_>>()
        .join(" ");
    let first = opening.first().map(|r| r.page).unwrap_or(first_box.page);
    out.records.push(Record {
        text: fold(&text),
        page: first,
        page_end: first,
        document: d.index,
        fields: Fields::Meeting(Meeting {
            body: Some(held.body.clone()),
            council: d.info.council.clone(),
            date: Some(held.date.clone()),
            time: None,
            venue: None,
        }),
    });
}

/// The meeting a form's opening says its decisions were made at.
#[derive(Debug, Clone, PartialEq)]
struct Held {
    body: String,
    date: String,
}

/// What reading a form gives: its decisions, how many rows open it before
/// its first box, and the meeting they were decided at.
#[derive(Debug, Default)]
struct FormRead {
    drafts: Vec<Draft>,
    opening_rows: usize,
    held: Option<Held>,
}

/// A line reduced to what the form reader needs.
#[derive(Debug, Clone, Default)]
struct Row<'a> {
    /// Its index in the document's lines.
    at: usize,
    /// Its cells' plain text (one cell for a line that is not a table row).
    cells: Vec<Cow<'a, str>>,
    page: u32,
    /// Opens with a word in capitals ("APPROVE the proposal …").
    caps_lead: bool,
    /// Set apart from the line above by a paragraph gap.
    gap: bool,
}

/// The decisions of a form, read from its rows.
#[cfg(test)]
fn read(rows: &[Row]) -> Vec<Draft> {
    read_form(rows).drafts
}

/// The decisions of a form and its opening, read from its rows.
fn read_form(rows: &[Row]) -> FormRead {
    let mut facts = FormFacts::default();
    let mut drafts: Vec<Draft> = Vec::new();
    let mut cur = Draft::default();
    let mut field: Option<Field> = None;
    let mut kinds_seen: Vec<Field> = Vec::new();
    let mut opening: Vec<String> = Vec::new();
    let mut seen_label = false;
    let mut opening_rows = 0;
    // Labels set side by side over their values ("DECISION TO BE TAKEN
    // BY: | DECISION NUMBER:" then "Mrs … | 24/00093").
    let mut column_labels: Vec<Field> = Vec::new();
    let mut k = 0;
    while k < rows.len() {
        let row = &rows[k];
        let labels: Vec<Option<Label>> = row.cells.iter().map(|c| label_of(c)).collect();
        if row.cells.len() >= 2
            && labels
                .iter()
                .all(|l| l.as_ref().is_some_and(|l| l.value.is_empty()))
        {
            column_labels = labels.iter().flatten().map(|l| l.field).collect();
            seen_label = true;
            kinds_seen.extend(column_labels.iter().copied());
            field = None;
            k += 1;
            continue;
        }
        if !column_labels.is_empty() && row.cells.len() == column_labels.len() {
            for (f, v) in column_labels.iter().zip(&row.cells) {
                set_fact(&mut facts, *f, v);
            }
            field = column_labels
                .first()
                .copied()
                .filter(|f| *f == Field::Maker);
            column_labels.clear();
            k += 1;
            continue;
        }
        column_labels.clear();
        // A row's label is in its first cell, or its second after a
        // letter marker "(a)".
        let first_label = row.cells.iter().take(2).enumerate().find_map(|(i, _)| {
            let rest = row.cells[i..].join(" ");
            label_of(&rest).filter(|_| i == 0 || is_marker(&row.cells[0]))
        });
        if let Some(label) = first_label {
            seen_label = true;
            kinds_seen.push(label.field);
            let starts_new = match label.field {
                Field::Title => !cur.is_empty(),
                Field::Items => !cur.points.is_empty(),
                _ => false,
            };
            if starts_new {
                drafts.push(std::mem::take(&mut cur));
            }
            if cur.text.is_empty() {
                cur.page = row.page;
            }
            cur.page_end = row.page;
            cur.text.push(row.cells.join(" "));
            field = Some(label.field);
            if !label.value.is_empty() {
                add_value(&mut cur, &mut facts, label.field, &label.value, row);
                // A one-line fact ("Key decision: YES") has no more lines.
                if matches!(label.field, Field::Key | Field::Number | Field::Date) {
                    field = None;
                }
            }
            k += 1;
            continue;
        }
        let joined = row.cells.join(" ");
        if cur.is_empty() {
            if let Some(e) = publication_marking(&joined) {
                facts.exempt = Some(e);
                field = None;
                k += 1;
                continue;
            }
        }
        if !seen_label {
            opening.push(joined.clone());
            opening_rows = k + 1;
            k += 1;
            continue;
        }
        // A date alone over a "signed … date" line, or over the dotted
        // lines signed on with the "signed | date" labels under them: the
        // date signed.
        let labels_date = |n: &&Row| n.cells.join(" ").to_lowercase().contains("date");
        let dotted = |n: &&Row| {
            let t = n.cells.concat();
            !t.is_empty() && t.chars().all(|c| matches!(c, '.' | '…' | '_' | ' '))
        };
        if find_date(&joined).is_some()
            && joined.split_whitespace().count() <= 2
            && rows.get(k + 1).is_some_and(|n| {
                labels_date(&n) || (dotted(&n) && rows.get(k + 2).is_some_and(|m| labels_date(&m)))
            })
        {
            facts.date = find_date(&joined);
            k += 1;
            continue;
        }
        if let Some(f) = field {
            if f == Field::Maker {
                // A maker's name wraps onto a short line of its own.
                if joined.split_whitespace().count() <= 4 {
                    if let Some(m) = facts.maker.as_mut() {
                        m.push(' ');
                        m.push_str(&joined);
                    }
                } else {
                    field = None;
                }
            } else if !cur.text.is_empty() {
                cur.page_end = row.page;
                cur.text.push(joined.clone());
                add_value(&mut cur, &mut facts, f, &joined, row);
            }
        }
        k += 1;
    }
    if !cur.is_empty() {
        drafts.push(cur);
    }
    let distinct = {
        let mut v = kinds_seen.clone();
        v.sort();
        v.dedup();
        v.len()
    };
    if distinct < 2 || !drafts.iter().any(|d| !d.points.is_empty()) {
        return FormRead::default();
    }
    let opening = opening.join(" ");
    let mut held = None;
    if let Some((maker, date)) = determined_at(&opening) {
        // Decided at a dated meeting, not by a member or officer.
        if let Some(date) = date.as_ref().filter(|_| at_meeting(&opening)) {
            held = Some(Held {
                body: maker.clone(),
                date: date.clone(),
            });
        }
        facts.maker = facts.maker.or(Some(maker));
        facts.date = facts.date.or(date);
    }
    let drafts = drafts
        .into_iter()
        .filter(|d| !d.points.is_empty())
        .map(|mut d| {
            d.fields.items = points::split(&d.points);
            let f = &mut d.fields;
            f.maker = f.maker.take().or_else(|| facts.maker.clone());
            f.decision_number = f
                .decision_number
                .take()
                .or_else(|| facts.decision_number.clone());
            f.date = f.date.take().or_else(|| facts.date.clone());
            f.key_decision = f.key_decision.or(facts.key_decision);
            f.exempt = f.exempt.or(facts.exempt);
            d
        })
        .collect();
    FormRead {
        drafts,
        opening_rows,
        held,
    }
}

/// The opening says the decisions were made at a meeting ("determined at
/// … meeting on …"), not by a person ("taken by").
fn at_meeting(opening: &str) -> bool {
    let l = opening.to_lowercase();
    [" determined at ", " taken at ", " made at "]
        .iter()
        .any(|v| l.contains(v))
        && l.contains(" meeting")
}

/// "(a)", "(b)": the letter a form's boxes are marked with.
fn is_marker(cell: &str) -> bool {
    cell.starts_with('(') && crate::lex::lead_number(cell).is_some_and(|n| n.rest == cell.len())
}

/// A form-wide fact from a value set under its label.
fn set_fact(facts: &mut FormFacts, field: Field, value: &str) {
    let v = Some(value.trim().to_string()).filter(|v| !v.is_empty());
    match field {
        Field::Maker => facts.maker = v,
        Field::Number => facts.decision_number = v,
        Field::Date => facts.date = find_date(value),
        Field::Key => facts.key_decision = yes_no(value).or(facts.key_decision),
        Field::Exempt => {
            facts.exempt = exempt_value(value).map(|(e, _)| e).or(facts.exempt);
        }
        _ => {}
    }
}

/// One line of a field's value, added to the decision being read.
fn add_value(cur: &mut Draft, facts: &mut FormFacts, field: Field, value: &str, row: &Row) {
    let f = &mut cur.fields;
    let append = |slot: &mut Option<String>| match slot {
        Some(s) => {
            s.push(' ');
            s.push_str(value);
        }
        None => *slot = Some(value.to_string()),
    };
    match field {
        Field::Title => append(&mut f.title),
        Field::Items => cur.points.push(points::PointLine {
            text: value.to_string(),
            caps_lead: row.caps_lead && row.cells.join(" ") == value,
            gap: row.gap,
        }),
        Field::Reasons => append(&mut f.reasons),
        Field::Alternatives => append(&mut f.alternatives),
        Field::CallIn => append(&mut f.call_in),
        Field::Exempt => {
            if let Some((e, para)) = exempt_value(value) {
                f.exempt = Some(e);
                f.exempt_paragraph = f.exempt_paragraph.take().or(para);
            }
        }
        Field::Maker | Field::Number | Field::Date | Field::Key => set_fact(facts, field, value),
        Field::Other => {}
    }
}

/// "Decision determined at Transport and Connectivity Policy Committee
/// meeting on 12 September 2024" -> the body and the date.
fn determined_at(opening: &str) -> Option<(String, Option<String>)> {
    let l = opening.to_lowercase();
    let verbs = [
        " determined at ",
        " taken at ",
        " made at ",
        " taken by ",
        " made by ",
    ];
    let (pos, len) = verbs
        .iter()
        .filter_map(|v| l.find(v).map(|p| (p, v.len())))
        .min()?;
    let rest = &opening[pos + len..];
    let lr = &l[pos + len..];
    let end = lr
        .find(" meeting")
        .or_else(|| lr.find(" on "))
        .unwrap_or(rest.len());
    let maker = rest[..end]
        .trim()
        .trim_start_matches("the ")
        .trim()
        .to_string();
    if maker.is_empty() || maker.split_whitespace().count() > 12 {
        return None;
    }
    Some((maker, find_date(&rest[end..])))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lex::plain;

    fn rows(lines: &[&str]) -> Vec<Row<'static>> {
        lines
            .iter()
            .enumerate()
            .map(|(at, t)| Row {
                at,
                cells: t
                    .split('\t')
                    .map(plain)
                    .filter(|c| !c.is_empty())
                    .map(Cow::Owned)
                    .collect(),
                page: 1,
                caps_lead: points::caps_lead(t),
                gap: false,
            })
            .collect()
    }

    /// Bristol decision recording form, 15 May 2025, p1-3 (cells as the
    /// layout gives them).
    #[test]
    fn a_repeated_form_gives_one_decision_per_subject() {
        let r = rows(&[
            "Decision Recording Form",
            "Decision determined at Transport & Connectivity Policy",
            "Committee meeting on 15 May 2025",
            "Committee Members present:",
            "Councillor Ed Plowden",
            "(a)\tSubject:\tAnnual Business Report (agenda item 7)",
            "(b)\tWard:",
            "(c)\tDeclarations of interest: None",
            "(d)\tDecision taken That the Transport and Connectivity Policy Committee: 1. Noted the membership of the Committee for 2025/2026. 2. Noted the appointment of Councillor Ed Plowden as the Chair.",
            "(e)\tExempt Information? Open",
            "(f)\tDecision made in exempt session? No",
            "(h)\tReason for decision: As set out in the report.",
            "(a)\tSubject:\tCity Centre Transport Corridor – Bond St Full Business Case Submission (agenda item 10)",
            "(d)\tDecision taken The Committee approved the submission of the Bond St Full Business Case.",
            "(e)\tExempt Information? Part exempt – paragraph 3",
            "(h)\tReason for decision: As set out in the report.",
        ]);
        let form = read_form(&r);
        // Decided at a dated meeting, whose members the opening lists
        // above the first box.
        assert_eq!(
            form.held,
            Some(Held {
                body: "Transport & Connectivity Policy Committee".into(),
                date: "2025-05-15".into(),
            })
        );
        assert_eq!(r[form.opening_rows].cells[1], "Subject:");
        let ds = form.drafts;
        assert_eq!(ds.len(), 2);
        let a = &ds[0].fields;
        assert_eq!(
            a.title.as_deref(),
            Some("Annual Business Report (agenda item 7)")
        );
        assert_eq!(
            a.maker.as_deref(),
            Some("Transport & Connectivity Policy Committee")
        );
        assert_eq!(a.date.as_deref(), Some("2025-05-15"));
        assert_eq!(a.items.len(), 2);
        assert!(a.items[1].starts_with("Noted the appointment"));
        assert_eq!(a.exempt, Some(false));
        assert_eq!(a.reasons.as_deref(), Some("As set out in the report."));
        let b = &ds[1].fields;
        assert_eq!(b.items.len(), 1);
        assert_eq!(b.exempt, Some(true));
        assert_eq!(b.exempt_paragraph.as_deref(), Some("3"));
    }

    /// Kent record of decision 24/00093, p1 and p6.
    #[test]
    fn a_record_of_decision_reads_its_boxes_and_points() {
        let r = rows(&[
            "KENT COUNTY COUNCIL – RECORD OF DECISION",
            "DECISION TO BE TAKEN BY:\tDECISION NUMBER:",
            "Mrs Sue Chandler, Cabinet Member for Integrated Children’s\t24/00093",
            "Services",
            "For publication [Do not include information which is exempt from publication under schedule 12a of",
            "the Local Government Act 1972]",
            "Key decision: YES",
            "Subject Matter / Title of Decision",
            "Commissioned Family Hub Contracts",
            "Decision:",
            "As Cabinet Member for Integrated Children’s Services I agree to:",
            "APPROVE the proposal to not re-commission the Family Hub services that are currently",
            "provided at Seashells and Millmead Family Hubs.",
            "DELEGATE any activity requiring capital spend as set out in the report to the Director of",
            "Infrastructure, in consultation with the Deputy Leader",
            "DELEGATE authority to the Director for Operational Integrated Children’s Services to explore",
            "Reason(s) for decision:",
            "The financial challenges facing all local authorities is critical.",
            "Any alternatives considered and rejected:",
            "The six options considered are as follows:",
            "17/1/2025",
            "signed\tdate",
        ]);
        let form = read_form(&r);
        // Taken by a member, not at a meeting.
        assert_eq!(form.held, None);
        let ds = form.drafts;
        assert_eq!(ds.len(), 1);
        let d = &ds[0].fields;
        assert_eq!(d.decision_number.as_deref(), Some("24/00093"));
        assert_eq!(
            d.maker.as_deref(),
            Some("Mrs Sue Chandler, Cabinet Member for Integrated Children’s Services")
        );
        assert_eq!(d.key_decision, Some(true));
        assert_eq!(d.exempt, Some(false));
        assert_eq!(
            d.title.as_deref(),
            Some("Commissioned Family Hub Contracts")
        );
        assert_eq!(d.items.len(), 3, "{:?}", d.items);
        assert!(d.items[0].starts_with("APPROVE the proposal"));
        assert!(d.reasons.is_some() && d.alternatives.is_some());
        assert_eq!(d.date.as_deref(), Some("2025-01-17"));
    }

    /// The same form's foot as its PDF sets it: the date, the dotted
    /// lines signed on, then their labels.
    #[test]
    fn the_date_over_dotted_signature_lines_is_the_date_signed() {
        let r = rows(&[
            "DECISION TO BE TAKEN BY:\tDECISION NUMBER:",
            "Mrs Sue Chandler, Cabinet Member for Integrated Children’s\t24/00093",
            "Decision:",
            "As Cabinet Member for Integrated Children’s Services I agree to:",
            "APPROVE the proposal to not re-commission the Family Hub services.",
            "17/1/2025",
            "..........................\t....................",
            "signed\tdate",
        ]);
        let form = read_form(&r);
        let d = &form.drafts[0].fields;
        assert_eq!(d.date.as_deref(), Some("2025-01-17"));
    }

    #[test]
    fn a_report_that_mentions_a_decision_is_no_form() {
        let r = rows(&[
            "Report to Cabinet",
            "Decision:",
            "The Cabinet is asked to note the report.",
        ]);
        assert!(read(&r).is_empty());
    }
}

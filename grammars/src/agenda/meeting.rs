//! Meetings -> `meeting` records, one per meeting a file names: from the
//! headings `segment::heading` reads (agenda front sheets, minutes headings
//! and, through the report grammar, report headers).
//!
//! Owns the rule that a file records each meeting once: a pack's reports
//! all name the meeting of its agenda, which is one meeting.

use crate::document::Doc;
use crate::lex::{fold, plain, title_case};
use crate::model::{DocType, Fields, Meeting, Parsed, Record};
use crate::segment::heading::{agenda_heading, meeting_minutes_heading};

/// Append a meeting record unless the file already holds one for the same
/// date and body (a missing body matches any).
pub fn push_unique(out: &mut Parsed, record: Record) {
    let Fields::Meeting(new) = &record.fields else {
        return;
    };
    let same = out.records.iter().any(|r| match &r.fields {
        Fields::Meeting(m) => {
            m.date == new.date && (m.body == new.body || m.body.is_none() || new.body.is_none())
        }
        _ => false,
    });
    if !same {
        out.records.push(record);
    }
}

/// The council as its heading prints it in full: a short line opening
/// with the council's place and ending in "Council" ("BIRMINGHAM CITY
/// COUNCIL" -> "Birmingham City Council" for the place "Birmingham"); else
/// the place and the capitalised words after it up to "Council" inside a
/// line ("The next meeting of the Stithians Parish Council will take
/// place" -> "Stithians Parish Council").
pub fn council_in_full(lines: &[&str], place: &str) -> Option<String> {
    let opening = lines.iter().take(12);
    opening
        .clone()
        .find_map(|t| named_from(t, place, true))
        .or_else(|| opening.clone().find_map(|t| named_from(t, place, false)))
}

/// The council's name in `line` from the place to the word "Council"
/// (within six words), the place opening the line where `at_start`.
fn named_from(line: &str, place: &str, at_start: bool) -> Option<String> {
    let words: Vec<&str> = line.split_whitespace().collect();
    let place_words: Vec<&str> = place.split_whitespace().collect();
    let n = place_words.len();
    if n == 0 || words.len() <= n {
        return None;
    }
    let starts = |k: usize| {
        words[k..k + n]
            .iter()
            .zip(&place_words)
            .all(|(w, p)| w.eq_ignore_ascii_case(p))
    };
    let from = if at_start {
        starts(0).then_some(0)?
    } else {
        (1..=words.len() - n).find(|&k| starts(k))?
    };
    let after = &words[from + n..];
    let end = after
        .iter()
        .take(6)
        .position(|w| w.eq_ignore_ascii_case("council"))?;
    // Inside a line the words between are the name's own: capitalised.
    let named = at_start
        || after[..end]
            .iter()
            .all(|w| w.chars().next().is_some_and(char::is_uppercase));
    named.then(|| title_case(&words[from..=from + n + end].join(" ")))
}

/// A school's governing board as its letterhead names it, where no council
/// is named: the first line, in capitals, naming the board ("DECOY
/// COMMUNITY PRIMARY SCHOOL BOARD OF GOVERNORS" -> "Decoy Community
/// Primary School Board of Governors"), cell bars aside.
pub fn governing_board(lines: &[&str]) -> Option<String> {
    let first = lines
        .iter()
        .map(|t| {
            let words: Vec<String> = plain(t)
                .split_whitespace()
                .filter(|w| *w != "|")
                .map(str::to_string)
                .collect();
            words.join(" ")
        })
        .find(|t| !t.is_empty())?;
    let words = first.split_whitespace().count();
    let capitals = !first.chars().any(char::is_lowercase);
    let lower = first.to_lowercase();
    let board = lower.ends_with(" governors") || lower.ends_with(" governing body");
    (capitals && board && (3..=10).contains(&words)).then(|| title_case(&first))
}

/// Read one document's pages and append its records to `out`.
pub fn parse(d: &Doc, out: &mut Parsed) {
    let (info, doc) = (d.info, d.index);
    let at: Vec<u32> = d.lines.iter().map(|l| l.page).collect();
    let refs: Vec<&str> = d.lines.iter().take(60).map(|l| &*l.text).collect();
    let head = match info.doc_type {
        DocType::Agenda => agenda_heading(&refs, info.council.as_deref()),
        DocType::Minutes => meeting_minutes_heading(&refs, info.council.as_deref()),
        _ => None,
    };
    let Some(h) = head else { return };
    // The heading's text: from the document's start to the last line used
    // (the venue runs on to the "AGENDA" heading).
    let end = match info.doc_type {
        DocType::Agenda => refs
            .iter()
            .position(|t| t.eq_ignore_ascii_case("agenda"))
            .map(|k| k.saturating_sub(1))
            .unwrap_or(h.last_line),
        _ => h.last_line,
    };
    let end = end.min(refs.len().saturating_sub(1));
    let Some(first_page) = at.first().copied() else {
        return;
    };
    push_unique(
        out,
        Record {
            text: fold(&refs[..=end].join(" ")),
            page: first_page,
            page_end: at.get(end).copied().unwrap_or(first_page),
            document: doc,
            fields: Fields::Meeting(Meeting {
                body: h.body.or_else(|| info.body.clone()),
                council: info
                    .council
                    .as_deref()
                    .map(|c| council_in_full(&refs, c).unwrap_or_else(|| c.to_string()))
                    .or_else(|| governing_board(&refs)),
                date: h.date.or_else(|| info.date.clone()),
                time: h.time,
                venue: h.venue,
            }),
        },
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_council_named_in_full_as_printed() {
        // Birmingham's front sheet letterhead.
        let lines = [
            "BIRMINGHAM CITY COUNCIL",
            "CABINET COMMITTEE - GROUP COMPANY GOVERNANCE",
        ];
        assert_eq!(
            council_in_full(&lines, "Birmingham").as_deref(),
            Some("Birmingham City Council")
        );
        assert_eq!(council_in_full(&["Birmingham"], "Birmingham"), None);
        // A parish council's minutes heading, the date after the name.
        assert_eq!(
            council_in_full(&["Milburn Parish Council - 2nd July 2019"], "Milburn").as_deref(),
            Some("Milburn Parish Council")
        );
        // A school's governing board names itself in its letterhead.
        assert_eq!(
            governing_board(&[
                "\t\tDECOY COMMUNITY PRIMARY SCHOOL BOARD OF GOVERNORS",
                "COMMITTEE\tLearning & Wellbeing Committee\tDATE 7 MARCH 2022",
            ])
            .as_deref(),
            Some("Decoy Community Primary School Board of Governors")
        );
        // A heading that names a meeting of the board is no letterhead.
        assert_eq!(
            governing_board(&["MINUTES OF THE FULL GOVERNING BODY MEETING"]),
            None
        );
        // A parish summons names the council inside its opening sentence
        // (Stithians Parish Council, 16 February 2021).
        let summons = [
            "A-barth Onan Hag Oll  Representing One and All",
            "The next meeting of the Stithians Parish Council will take place on",
        ];
        assert_eq!(
            council_in_full(&summons, "Stithians").as_deref(),
            Some("Stithians Parish Council")
        );
        // Words in lower case between place and "Council" are no name.
        assert_eq!(
            council_in_full(&["as agreed by Stithians and the Council"], "Stithians"),
            None
        );
    }
}

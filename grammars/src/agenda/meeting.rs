//! Meetings -> `meeting` records, one per meeting a file names: from the
//! headings `segment::heading` reads (agenda front sheets, minutes headings
//! and, through the report grammar, report headers).
//!
//! Owns the rule that a file records each meeting once: a pack's reports
//! all name the meeting of its agenda, which is one meeting.

use crate::document::Doc;
use crate::lex::{fold, title_case};
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
/// COUNCIL" -> "Birmingham City Council" for the place "Birmingham").
pub fn council_in_full(lines: &[&str], place: &str) -> Option<String> {
    let place = place.to_lowercase();
    lines.iter().take(12).find_map(|t| {
        let l = t.trim().to_lowercase();
        if !l.starts_with(&place) || l.len() <= place.len() {
            return None;
        }
        // The name runs from the place to the word "Council", which may
        // have the meeting and its date after it ("Milburn Parish Council
        // - 2nd July 2019").
        let words: Vec<&str> = t.split_whitespace().collect();
        let end = words
            .iter()
            .take(6)
            .position(|w| w.eq_ignore_ascii_case("council"))?;
        (end > 0).then(|| title_case(&words[..=end].join(" ")))
    })
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
                    .map(|c| council_in_full(&refs, c).unwrap_or_else(|| c.to_string())),
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
    }
}

//! Report front sheets (Report to, Report Title, Author, Contact, Purpose,
//! Report Status, Recommendations …) -> `report` records, and the meeting a
//! report is written for -> a `meeting` record where no agenda in the same
//! file has named it already.
//!
//! The front sheet itself is read by `segment::front_sheet`, which
//! segmentation reads too. This grammar does not read a report's body:
//! recommendations in the body are the recommendation grammar's.

pub(crate) mod author;
mod status;

use crate::agenda::meeting;
use crate::document::Doc;
use crate::input::{Line, Page};
use crate::lex::{decision_number, fold, plain, plain_cells, plain_cells_cow};
use crate::model::{DocumentInfo, Fields, Meeting, Parsed, Record, Report};
use crate::segment::front_sheet::{front_sheet, FrontSheet, SHEET_LINES};
use crate::segment::heading::strip_council;

/// Read one document's pages and append its records to `out`.
pub fn parse(d: &Doc, out: &mut Parsed) {
    let (pages, info, doc) = (d.pages, d.info, d.index);
    parse_with_sheet(pages, info, doc, out, None);
}

/// `parse`, given the document's front sheet where it was read already
/// (`front_sheet` of the plain text of the document's opening lines).
pub fn parse_with_sheet(
    pages: &[Page],
    info: &DocumentInfo,
    doc: usize,
    out: &mut Parsed,
    sheet: Option<&FrontSheet>,
) {
    let lines: Vec<(&Line, u32)> = pages
        .iter()
        .flat_map(|p| p.lines.iter().map(move |l| (l, p.number)))
        .collect();
    let at = |k: usize| lines.get(k).map(|&(_, n)| n);
    let read;
    let (fs, first) = match sheet {
        Some(fs) => {
            let first = lines
                .iter()
                .position(|(l, _)| !plain_cells_cow(&l.text).is_empty());
            (fs, first)
        }
        None => {
            // The front sheet reads a document's opening lines only (and
            // the first that is not blank, wherever it is): the plain text
            // of the rest is not made.
            let mut texts: Vec<String> = Vec::new();
            let mut first = None;
            for (line, _) in &lines {
                if texts.len() >= SHEET_LINES && first.is_some() {
                    break;
                }
                let t = plain_cells(&line.text);
                if first.is_none() && !t.is_empty() {
                    first = Some(texts.len());
                }
                texts.push(t);
            }
            let refs: Vec<&str> = texts.iter().map(String::as_str).collect();
            read = front_sheet(&refs);
            (&read, first)
        }
    };
    let Some(first) = first else {
        return;
    };
    let last = fs.last_line.max(first).min(lines.len().saturating_sub(1));
    // The record's text reads cells as words, without the bars.
    let words: Vec<String> = lines[first..=last]
        .iter()
        .map(|(l, _)| plain(&l.text))
        .collect();
    let text = fold(&words.join(" "));
    // The council in full where the report's opening lines print it so
    // ("Gloucester City Council" for the place "Gloucester").
    let council = info.council.as_deref().map(|c| {
        let opening: Vec<String> = lines[first..]
            .iter()
            .map(|(l, _)| plain(&l.text))
            .filter(|t| !t.is_empty())
            .take(12)
            .collect();
        let refs: Vec<&str> = opening.iter().map(String::as_str).collect();
        meeting::council_in_full(&refs, c)
            .or_else(|| {
                // Named in full further on ("Gloucester City Council’s
                // Finance team").
                let all: Vec<String> = lines[first..].iter().map(|(l, _)| plain(&l.text)).collect();
                let all: Vec<&str> = all.iter().map(String::as_str).collect();
                meeting::named_anywhere(&all, c)
            })
            .unwrap_or_else(|| c.to_string())
    });
    let page = at(first).unwrap_or(info.pages[0]);
    let page_end = at(last).unwrap_or(page);
    let (author, contact) = match (fs.author.clone(), fs.contact.clone()) {
        (Some(a), None) => split_contact(&a),
        (a, c) => (a.or_else(|| signature(&closing_lines(&lines))), c),
    };
    // A writer's label names a person: the post after the name is not
    // theirs to keep; where it names only a post, the contact block that
    // closes the body may name the person.
    // Where the label goes on to name more people, one to a line, they
    // are authors too, joined with "; ": a writer's by name, a sender's as
    // printed.
    let writer = fs.author_rank.is_none_or(author::is_writer_rank);
    let author = match author {
        Some(a) if writer => match author::person(&a) {
            Some(name) if fs.more_authors.is_empty() => {
                // The name read may be the first contact block's, where
                // the opening lines reach it: the report's other contact
                // blocks name its other authors.
                let closing = closing_author(&lines[first..]);
                match closing {
                    Some(c) if c.split("; ").next() == Some(name) => Some(c),
                    _ => Some(name.to_string()),
                }
            }
            Some(name) => {
                let mut names = vec![name.to_string()];
                names.extend(
                    fs.more_authors
                        .iter()
                        .filter_map(|p| author::person(p))
                        .map(str::to_string),
                );
                Some(names.join("; "))
            }
            None => closing_author(&lines[first..]).or(Some(a)),
        },
        None => closing_author(&lines[first..]),
        Some(a) => Some(
            std::iter::once(a.as_str())
                .chain(fs.more_authors.iter().map(String::as_str))
                .collect::<Vec<_>>()
                .join("; "),
        ),
    };
    // The report names whom it goes to as printed ("Report to Haringey
    // Schools Forum"); the meeting is the body without its council, as
    // the file's other records name it.
    let printed_body = fs.body.clone().or_else(|| info.body.clone());
    let body = fs
        .body
        .as_deref()
        .map(|b| strip_council(b, info.council.as_deref()))
        .or_else(|| info.body.clone());
    let date = fs.date.clone().or_else(|| info.date.clone());
    let title = fs.title.clone().or_else(|| info.title.clone());
    // The decision status is printed on the front sheet, or in the lines
    // just after the recommendations it opens with.
    let opening: Vec<&str> = lines[first..]
        .iter()
        .map(|(l, _)| l.text.as_str())
        .filter(|t| !t.trim().is_empty())
        .take(SHEET_LINES)
        .collect();
    let mut st = status::read(&opening);
    if st.exempt.is_none() {
        st.exempt = lines[first..]
            .iter()
            .find_map(|(l, _)| status::appendix_checklist(&l.text));
    }
    // A report about a decision names its number in its title
    // ("Cabinet reconsideration of Decision 24/00093").
    let number = st
        .decision_number
        .or_else(|| title.as_deref().and_then(decision_number));
    out.records.push(Record {
        text: text.clone(),
        page,
        page_end,
        document: doc,
        fields: Fields::Report(Report {
            title,
            author: author.or_else(|| proposer(&lines[first..])),
            contact,
            agenda_item: fs.agenda_item.clone(),
            purpose: fs.purpose.clone(),
            status: fs.status.clone(),
            recommendations: fs.recommendations.clone(),
            date: date.clone(),
            body: printed_body,
            decision_number: number,
            key_decision: st.key_decision,
            exempt: st.exempt,
            exempt_paragraph: st.exempt_paragraph,
            ..Default::default()
        }),
    });
    // The meeting the report is for, unless the file already records it.
    if date.is_some() {
        // A report that goes on to a second meeting names it after the
        // first in its "Meeting:" row ("Cabinet Date: 10 December 2025
        // Council 29 January 2026").
        let later: Vec<(String, String, u32)> = lines[first..=last]
            .iter()
            .flat_map(|(l, n)| {
                later_meetings(&plain(&l.text))
                    .into_iter()
                    .map(move |(b, d)| (b, d, *n))
            })
            .collect();
        meeting::push_unique(
            out,
            Record {
                text: text.clone(),
                page,
                page_end,
                document: doc,
                fields: Fields::Meeting(Meeting {
                    body,
                    council: council.clone(),
                    date,
                    time: None,
                    venue: None,
                }),
            },
        );
        for (body, date, on) in later {
            meeting::push_unique(
                out,
                Record {
                    text: text.clone(),
                    page: on,
                    page_end: on,
                    document: doc,
                    fields: Fields::Meeting(Meeting {
                        body: Some(body),
                        council: council.clone(),
                        date: Some(date),
                        time: None,
                        venue: None,
                    }),
                },
            );
        }
    }
}

/// The meetings a "Meeting:" row names after its first: each a short
/// capitalised body straight after the date before it, with its own date
/// ("Meeting: Cabinet Date: 10 December 2025 Council 29 January 2026" ->
/// [("Council", "2026-01-29")]).
fn later_meetings(row: &str) -> Vec<(String, String)> {
    let mut found = Vec::new();
    let label = "meeting:";
    let labelled = row
        .get(..label.len())
        .is_some_and(|p| p.eq_ignore_ascii_case(label));
    if !labelled {
        return found;
    }
    let mut rest = &row[label.len()..];
    // Past the first date, then each body and date in turn.
    let mut first = true;
    while let Some((k, iso)) = crate::lex::find_date_at(rest) {
        let before = rest[..k].trim();
        let date_end = k + date_len(&rest[k..]);
        if !first {
            let words: Vec<&str> = before.split_whitespace().collect();
            let body_like = (1..=4).contains(&words.len())
                && !before.contains(':')
                && words
                    .iter()
                    .all(|w| w.chars().next().is_some_and(char::is_uppercase));
            if !body_like {
                break;
            }
            found.push((before.to_string(), iso));
        }
        first = false;
        rest = rest.get(date_end..).unwrap_or("");
    }
    found
}

/// The length of the date that opens `s` ("29 January 2026 …" -> 15): up
/// to the end of its four-digit year.
fn date_len(s: &str) -> usize {
    let b = s.as_bytes();
    (0..b.len().saturating_sub(3))
        .find(|&i| b[i..i + 4].iter().all(u8::is_ascii_digit))
        .map(|i| i + 4)
        .unwrap_or(s.len())
}

/// "Samantha Rostom, 0208 489 2480, Samantha.rostom@haringey.gov.uk" (a
/// lead officer with the means to reach them, no contact field) -> the name
/// as author and the rest as contact.
fn split_contact(author: &str) -> (Option<String>, Option<String>) {
    let parts: Vec<&str> = author.split(", ").collect();
    let reach = |p: &str| p.contains('@') || p.chars().filter(|c| c.is_ascii_digit()).count() >= 6;
    match parts.iter().position(|p| reach(p)) {
        Some(k) if k > 0 => (
            Some(parts[..k].join(", ")),
            Some(parts[k..].join(", ").trim_end_matches(',').to_string()),
        ),
        _ => (Some(author.to_string()), None),
    }
}

/// Opening lines a motion's movers are looked for in.
const MOVER_LINES: usize = 12;

/// "Proposed by Mr Alister Brady Seconded by Mrs Jackie Meade" among the
/// opening lines of a moved motion or amendment: its proposer wrote it.
fn proposer(lines: &[(&Line, u32)]) -> Option<String> {
    lines.iter().take(MOVER_LINES).find_map(|(l, _)| {
        let t = plain(&l.text);
        let t = t.trim_start_matches(|c: char| c == '|' || c.is_whitespace());
        let lower = t.to_ascii_lowercase();
        let (open, close) = [
            ("proposed by ", " seconded by "),
            ("moved by ", " seconded by "),
            ("proposer:", " seconder:"),
        ]
        .into_iter()
        .find(|(o, _)| lower.starts_with(o))?;
        let end = lower.find(close)?;
        let name = t.get(open.len()..end)?.trim();
        (!name.is_empty() && name.split_whitespace().count() <= 5).then(|| name.to_string())
    })
}

/// The people the "Report Author:" lines of the report's contact blocks
/// name, in order, each once, joined with "; ": a report in sections, each
/// closed by its own contact block, has an author for each.
fn closing_author(lines: &[(&Line, u32)]) -> Option<String> {
    let mut names: Vec<String> = Vec::new();
    for (l, _) in lines {
        let t = l.text.trim_start();
        let opens = t
            .get(..13)
            .is_some_and(|h| h.eq_ignore_ascii_case("report author"));
        if !opens {
            continue;
        }
        if let Some(name) = author::closing_author(&plain_cells(&l.text)) {
            if !names.contains(&name) {
                names.push(name);
            }
        }
    }
    (!names.is_empty()).then(|| names.join("; "))
}

/// The plain text of the last lines that are not blank, in order: where a
/// signature is looked for.
fn closing_lines(lines: &[(&Line, u32)]) -> Vec<String> {
    let mut tail: Vec<String> = lines
        .iter()
        .rev()
        .map(|(l, _)| plain_cells(&l.text))
        .filter(|t| !t.is_empty())
        .take(SIGNATURE_LINES)
        .collect();
    tail.reverse();
    tail
}

/// Lines at a document's end that may hold a member's signature.
const SIGNATURE_LINES: usize = 6;

/// A report is signed at its end, a name over a post: "Councillor Janice
/// Brunton Dobson" over "Executive Member for Education & Skills", "Olive
/// O’Sullivan" over "Acting Town Clerk". The name is the author; the post
/// under it is theirs to hold.
fn signature(texts: &[String]) -> Option<String> {
    let lines: Vec<&str> = texts
        .iter()
        .map(String::as_str)
        .filter(|t| !t.is_empty())
        .collect();
    let tail = &lines[lines.len().saturating_sub(SIGNATURE_LINES)..];
    for (k, t) in tail.iter().enumerate() {
        let role = tail.get(k + 1)?;
        if t.chars().count() <= 60 && author::is_person_name(t) && author::is_post(role) {
            return Some(t.to_string());
        }
    }
    None
}

#[cfg(test)]
mod tests {

    #[test]
    fn a_meeting_row_naming_two_meetings() {
        // Gloucester City Council's Local Council Tax Support Scheme report
        // goes to Cabinet and then to Council.
        assert_eq!(
            later_meetings("Meeting: Cabinet Date: 10 December 2025 Council 29 January 2026"),
            vec![("Council".to_string(), "2026-01-29".to_string())]
        );
        assert!(later_meetings("Meeting: Cabinet Date: 11 March 2026").is_empty());
        // Words after the date that are a sentence name no meeting.
        assert!(later_meetings(
            "Meeting: Cabinet 10 December 2025 deferred from the meeting of 3 December 2025"
        )
        .is_empty());
    }

    use super::*;

    #[test]
    fn lead_officer_split() {
        let texts = [
            "Lead Officers: Samantha Rostom, 0208 489 2480,",
            "Samantha.rostom@haringey.gov.uk",
            "Patricia Durr, Business Manager, 020 8489 1472",
            "patricia.durr@haringey.co.uk",
            "Ward(s) affected: N/A",
        ];
        let fs = front_sheet(&texts);
        assert_eq!(
            fs.more_authors,
            vec!["Patricia Durr, Business Manager, 020 8489 1472"]
        );
        assert_eq!(author::person(&fs.more_authors[0]), Some("Patricia Durr"));
        assert_eq!(
            fs.author.as_deref(),
            Some("Samantha Rostom, 0208 489 2480, Samantha.rostom@haringey.gov.uk")
        );
        assert_eq!(
            split_contact(fs.author.as_deref().unwrap_or("")),
            (
                Some("Samantha Rostom".to_string()),
                Some("0208 489 2480, Samantha.rostom@haringey.gov.uk".to_string())
            )
        );
    }
}

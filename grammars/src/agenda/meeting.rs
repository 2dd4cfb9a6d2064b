//! Meetings -> `meeting` records, one per meeting a file names: from the
//! headings `segment::heading` reads (agenda front sheets, minutes headings
//! and, through the report grammar, report headers).
//!
//! Owns the rule that a file records each meeting once: a pack's reports
//! all name the meeting of its agenda, which is one meeting.

use crate::document::Doc;
use crate::lex::{find_date_at, fold, plain, section_marking, title_case};
use crate::model::{DocType, Fields, Meeting, Parsed, Record};
use crate::segment::heading::{
    agenda_heading, body_and_date, meeting_minutes_heading, strip_council,
};

/// Append a meeting record unless the file already holds one for the same
/// date and body (a missing body matches any).
pub fn push_unique(out: &mut Parsed, record: Record) {
    let Fields::Meeting(new) = &record.fields else {
        return;
    };
    let same = out.records.iter().any(|r| match &r.fields {
        Fields::Meeting(m) => {
            m.date == new.date
                && match (&m.body, &new.body) {
                    (Some(a), Some(b)) => same_body(a, b),
                    _ => true,
                }
        }
        _ => false,
    });
    if !same {
        out.records.push(record);
    }
}

/// Two prints of one body's name: case and dashes aside ("Cabinet
/// Committee - Group Company Governance" on a front sheet, "… –
/// Group …" on the pack's reports).
fn same_body(a: &str, b: &str) -> bool {
    let dash = |c: char| if matches!(c, '–' | '—') { '-' } else { c };
    let fa = a.chars().map(dash).flat_map(char::to_lowercase);
    let fb = b.chars().map(dash).flat_map(char::to_lowercase);
    fa.eq(fb)
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
        (0..=words.len() - n).find(|&k| starts(k))?
    };
    let from_place = from;
    // A place of two words whose first the place leaves out ("West
    // Dereham Parish Council" for the place "Dereham"): a capitalised
    // word that opens the line, or follows "the", is the name's.
    let from = match from.checked_sub(1).map(|k| (k, words[k])) {
        Some((k, w))
            if (k == 0 || words[k - 1].eq_ignore_ascii_case("the"))
                && w.len() >= 3
                && w.chars().all(char::is_alphabetic)
                && w.chars().next().is_some_and(char::is_uppercase)
                && !w.eq_ignore_ascii_case("the") =>
        {
            k
        }
        _ => from,
    };
    let after = &words[from_place + n..];
    // "Gloucester City Council’s Finance team": the possessive is no part
    // of the name.
    let bare = |w: &str| {
        w.strip_suffix("’s")
            .or_else(|| w.strip_suffix("'s"))
            .unwrap_or(w)
            .to_string()
    };
    let end = after
        .iter()
        .take(6)
        .position(|w| bare(w).eq_ignore_ascii_case("council"))?;
    // Inside a line the words between are the name's own: capitalised.
    let named = at_start
        || after[..end]
            .iter()
            .all(|w| w.chars().next().is_some_and(char::is_uppercase));
    let last = words.len().min(from_place + n + end + 1);
    let mut name: Vec<String> = words[from..last].iter().map(|w| w.to_string()).collect();
    if let Some(w) = name.last_mut() {
        *w = bare(w);
    }
    named.then(|| title_case(&name.join(" ")))
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
        DocType::Other => return covering_letter(d, out),
        _ => None,
    };
    let Some(mut h) = head else { return };
    // The heading's text: from the document's start to the last line used
    // (the venue runs on to the "AGENDA" heading).
    let end = match info.doc_type {
        // A heading printed below "AGENDA" ends at its date line.
        DocType::Agenda => refs
            .iter()
            .position(|t| t.eq_ignore_ascii_case("agenda"))
            .map(|k| k.saturating_sub(1).max(h.last_line))
            .unwrap_or(h.last_line),
        _ => h.last_line,
    };
    let end = end.min(refs.len().saturating_sub(1));
    let Some(first_page) = at.first().copied() else {
        return;
    };
    // The council in full as the opening lines print it, else as the
    // document names it anywhere ("The next meeting of Ayton Community
    // Council will take place on …").
    let full = info.council.as_deref().and_then(|c| {
        council_in_full(&refs, c).or_else(|| {
            let all: Vec<&str> = d.lines.iter().map(|l| &*l.text).collect();
            named_anywhere(&all, c)
        })
    });
    // Minutes whose heading names no body are the council's own meeting:
    // its kind ("Community Council"), as "Milburn Parish Council" heads
    // the minutes of a "Parish Council" meeting.
    if info.doc_type == DocType::Minutes && h.body.is_none() {
        h.body = full
            .as_deref()
            .zip(info.council.as_deref())
            .and_then(|(f, c)| council_kind_of(f, c));
    }
    let council = info
        .council
        .as_deref()
        .map(|c| full.clone().unwrap_or_else(|| c.to_string()))
        .or_else(|| governing_board(&refs));
    let date = h.date.or_else(|| info.date.clone());
    // Two agendas on one notice: each labelled part is a meeting.
    let parts = if info.doc_type == DocType::Agenda {
        agenda_parts(d)
    } else {
        Vec::new()
    };
    let letterhead = info
        .council
        .as_deref()
        .and_then(|c| refs.iter().find_map(|t| council_kind_of(&title_case(t), c)));
    let body = match parts.first() {
        Some(p) if parts.len() >= 2 => part_body(&p.name, letterhead.as_deref()),
        _ => None,
    }
    .or(h.body)
    .or_else(|| info.body.clone());
    push_unique(
        out,
        Record {
            text: fold(&refs[..=end].join(" ")),
            page: first_page,
            page_end: at.get(end).copied().unwrap_or(first_page),
            document: doc,
            fields: Fields::Meeting(Meeting {
                body,
                council: council.clone(),
                date: date.clone(),
                time: h.time,
                venue: h.venue,
            }),
        },
    );
    if parts.len() < 2 {
        return;
    }
    for p in &parts[1..] {
        push_unique(
            out,
            Record {
                text: fold(&p.line),
                page: p.page,
                page_end: p.page,
                document: doc,
                fields: Fields::Meeting(Meeting {
                    body: part_body(&p.name, letterhead.as_deref()),
                    council: council.clone(),
                    date: date.clone(),
                    time: None,
                    venue: None,
                }),
            },
        );
    }
}

/// A labelled agenda of a notice that holds more than one ("Annual Parish
/// Meeting Agenda", then "A.G.M. Agenda").
struct AgendaPart {
    /// The label without "Agenda" ("A.G.M.").
    name: String,
    /// The label line as printed.
    line: String,
    page: u32,
}

/// The labelled agendas of a notice, set as headings (bold or larger), in
/// order; exempt or public parts of one agenda are no separate meetings.
fn agenda_parts(d: &Doc) -> Vec<AgendaPart> {
    d.lines
        .iter()
        .filter(|l| l.line.bold || l.line.heading.is_some())
        .filter_map(|l| {
            let name = super::head::agenda_label(&l.text)?;
            let own = !name.is_empty() && section_marking(&format!("{name} agenda")).is_none();
            own.then(|| AgendaPart {
                name,
                line: l.text.to_string(),
                page: l.page,
            })
        })
        .collect()
}

/// The body a labelled agenda names: a meeting named in full ("Annual
/// Parish Meeting"); a label naming only the kind of meeting ("A.G.M.",
/// "AGM") is the annual meeting of the council the letterhead names
/// ("Parish Council").
fn part_body(name: &str, letterhead: Option<&str>) -> Option<String> {
    let letters: String = name.chars().filter(char::is_ascii_alphabetic).collect();
    let kind_only = name.split_whitespace().count() == 1 && letters.len() <= 4;
    if kind_only {
        letterhead.map(str::to_string)
    } else {
        Some(title_case(name))
    }
}

/// A covering letter that prints its council's place only (a letter sent
/// with a pack, filed as a document of its own before the papers) takes the
/// council's name in full from the first line of the file that prints it:
/// the papers after the letter do ("Kent County Council Labour Group –
/// Alternative Budget" after the letter on "COUNTY COUNCIL - THURSDAY, 13
/// FEBRUARY 2025").
pub fn council_from_file(out: &mut Parsed, file: &[crate::lex::LexedLine]) {
    let docs = &out.documents;
    let mut texts: Option<Vec<&str>> = None;
    for r in out.records.iter_mut() {
        let Fields::Meeting(m) = &mut r.fields else {
            continue;
        };
        let Some(info) = docs.get(r.document) else {
            continue;
        };
        let place = info.council.as_deref();
        if info.doc_type != DocType::Other || place.is_none() || m.council.as_deref() != place {
            continue;
        }
        let texts = texts.get_or_insert_with(|| file.iter().map(|l| &*l.text).collect());
        if let Some(full) = place.and_then(|c| named_anywhere(texts, c)) {
            m.council = Some(full);
        }
    }
}

/// The council's name in full wherever the document prints it, the first
/// line that does.
pub fn named_anywhere(lines: &[&str], place: &str) -> Option<String> {
    lines.iter().find_map(|t| named_from(t, place, false))
}

/// "Ayton Community Council" for the place "Ayton" -> "Community Council":
/// the kind of council a full name gives (at most three words, ending in
/// "Council").
fn council_kind_of(full: &str, place: &str) -> Option<String> {
    let kind = strip_council(full, Some(place));
    let words = kind.split_whitespace().count();
    let own = kind != full && (1..=3).contains(&words) && kind.ends_with("Council");
    own.then_some(kind)
}

/// Words that can name a body: each capitalised but the small joining
/// words ("County Council", "Transport and Connectivity Committee"), never
/// a phrase ("This update published 20 January 2026").
fn is_name(body: &str) -> bool {
    body.split_whitespace().all(|w| {
        w.starts_with(|c: char| c.is_uppercase() || c == '&')
            || crate::lex::SMALL_WORDS.contains(&w.to_lowercase().as_str())
    })
}

/// A covering letter sent with a pack ("Dear Member" over "COUNTY
/// COUNCIL – THURSDAY, 13 FEBRUARY 2025"): its title, a bold line naming
/// a body and a date and nothing else, names the meeting the pack is for.
fn covering_letter(d: &Doc, out: &mut Parsed) {
    let info = d.info;
    let Some(title) = info.title.as_deref() else {
        return;
    };
    let Some(line) = d
        .lines
        .iter()
        .take(12)
        .find(|l| l.line.bold && l.text.trim() == title.trim())
    else {
        return;
    };
    let (body, date) = body_and_date(title);
    let (Some(body), Some(date)) = (body, date) else {
        return;
    };
    // The date closes the line: a title that runs on is a document's.
    let ends_with_date = find_date_at(title).is_some_and(|(k, _)| {
        let rest = &title[k..];
        rest.split_whitespace().count() <= 4
    });
    let words = body.split_whitespace().count();
    if !ends_with_date || !(1..=6).contains(&words) || body.contains(':') || !is_name(&body) {
        return;
    }
    let body = strip_council(&body, info.council.as_deref());
    // The letter may not print the council's name; the papers after it do.
    let council = info.council.as_deref().map(|c| {
        let all: Vec<&str> = d.lines.iter().map(|l| &*l.text).collect();
        council_in_full(&all[..all.len().min(60)], c)
            .or_else(|| named_anywhere(&all, c))
            .unwrap_or_else(|| c.to_string())
    });
    push_unique(
        out,
        Record {
            text: fold(&line.text),
            page: line.page,
            page_end: line.page,
            document: d.index,
            fields: Fields::Meeting(Meeting {
                body: Some(body),
                council,
                date: Some(date),
                time: None,
                venue: None,
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
        // A place of two words the place leaves one out of (West Dereham
        // Parish Council's minutes, 1 June 2017).
        assert_eq!(
            council_in_full(
                &["DRAFT MINUTES OF THE WEST DEREHAM PARISH COUNCIL MEETING HELD AT"],
                "Dereham"
            )
            .as_deref(),
            Some("West Dereham Parish Council")
        );
        assert_eq!(
            council_in_full(
                &["West Dereham Parish Council Draft Minuites June"],
                "Dereham"
            )
            .as_deref(),
            Some("West Dereham Parish Council")
        );
        // Words in lower case between place and "Council" are no name.
        assert_eq!(
            council_in_full(&["as agreed by Stithians and the Council"], "Stithians"),
            None
        );
    }

    #[test]
    fn the_council_named_anywhere_names_the_minutes_body() {
        // Ayton Community Council, 5 May 2026: only the last minute names
        // the council in full.
        let lines = [
            "Minutes for meeting held Tuesday 5 May 2026",
            "Present",
            "10. Date of Next Meeting",
            "The next meeting of Ayton Community Council will take place on Tuesday 2nd June 2026",
        ];
        let full = named_anywhere(&lines, "Ayton");
        assert_eq!(full.as_deref(), Some("Ayton Community Council"));
        assert_eq!(
            council_kind_of("Ayton Community Council", "Ayton").as_deref(),
            Some("Community Council")
        );
        assert_eq!(council_kind_of("Ayton", "Ayton"), None);
        // Gloucester City Council's report to Cabinet, 11 March 2026: the
        // name opens a line, possessive.
        let lines = [
            "Gloucester City Council’s Finance team has faced prolonged instability over recent",
        ];
        assert_eq!(
            named_anywhere(&lines, "Gloucester").as_deref(),
            Some("Gloucester City Council")
        );
        // A bold dated line of a forward plan names no body; a covering
        // letter's does.
        assert!(!is_name("This update published"));
        assert!(is_name("COUNTY COUNCIL"));
        // Words in lower case between the place and "Council" name none.
        assert_eq!(
            named_anywhere(&["Gloucester residents asked the Council"], "Gloucester"),
            None
        );
    }

    #[test]
    fn two_agendas_on_one_notice_name_two_meetings() {
        // Milburn Parish Council's notice of 8 May 2018: "Annual Parish
        // Meeting Agenda", then "A.G.M. Agenda" of the council.
        assert_eq!(
            part_body("Annual Parish Meeting", Some("Parish Council")).as_deref(),
            Some("Annual Parish Meeting")
        );
        assert_eq!(
            part_body("A.G.M.", Some("Parish Council")).as_deref(),
            Some("Parish Council")
        );
        assert_eq!(part_body("AGM", None), None);
    }

    #[test]
    fn one_body_printed_with_either_dash() {
        assert!(same_body(
            "Cabinet Committee - Group Company Governance",
            "Cabinet Committee – Group Company Governance"
        ));
        assert!(!same_body("Cabinet", "Council"));
    }

    #[test]
    fn a_covering_letter_takes_its_council_in_full_from_the_papers_after_it() {
        use crate::input::from_text;
        use crate::lex::lex_pages;
        use crate::model::DocumentInfo;
        // Kent's budget amendments pack: the letter names the meeting, the
        // Labour Group's budget after it prints the council in full.
        let pages = from_text(
            "Dear Member\nCOUNTY COUNCIL - THURSDAY, 13 FEBRUARY 2025\n\
             will increase efficiencies and savings by utilising existing Kent County Council functions\n",
        );
        let lexed = lex_pages(&pages);
        let meeting = |council: &str| Meeting {
            body: Some("County Council".into()),
            council: Some(council.into()),
            date: Some("2025-02-13".into()),
            time: None,
            venue: None,
        };
        let mut out = Parsed::default();
        out.documents.push(DocumentInfo {
            doc_type: DocType::Other,
            council: Some("Kent".into()),
            ..DocumentInfo::default()
        });
        out.records.push(Record {
            text: "COUNTY COUNCIL - THURSDAY, 13 FEBRUARY 2025".into(),
            page: 1,
            page_end: 1,
            document: 0,
            fields: Fields::Meeting(meeting("Kent")),
        });
        council_from_file(&mut out, &lexed);
        assert_eq!(
            out.records[0].fields,
            Fields::Meeting(meeting("Kent County Council"))
        );
        // A council named in full already is left as it is.
        out.records[0].fields = Fields::Meeting(meeting("Kent Parish Council"));
        council_from_file(&mut out, &lexed);
        assert_eq!(
            out.records[0].fields,
            Fields::Meeting(meeting("Kent Parish Council"))
        );
    }
}

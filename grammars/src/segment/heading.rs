//! Meeting headings as printed: agenda front sheets ("Haringey Schools
//! Forum / THURSDAY, 21ST MAY, 2015 at 15:45 HRS … – venue"), minutes
//! headings ("MINUTES OF THE SCHOOLS FORUM MEETING WEDNESDAY 25 FEBRUARY
//! 2015") and report headers ("Report for: C&YP Scrutiny Panel – 13
//! December 2016") -> body, date, time and venue.
//!
//! Segmentation reads them to give each document its body and date; the
//! meeting grammar (`agenda::meeting`) reads them to make `meeting` records.

use crate::lex::{find_date, find_date_at, fold, title_case};
use nom::branch::alt;
use nom::bytes::complete::{tag_no_case, take_while_m_n};
use nom::character::complete::{char, space0};
use nom::combinator::{opt, recognize};
use nom::{IResult, Parser};

/// A meeting as a heading names it.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Head {
    pub body: Option<String>,
    pub date: Option<String>,
    pub time: Option<String>,
    pub venue: Option<String>,
    /// Index of the last heading line used.
    pub last_line: usize,
}

/// "15:45", "2.00 pm", "10am", "7.30p.m.": a time of day as printed (without
/// a trailing "HRS").
pub fn time_of_day(input: &str) -> IResult<&str, String> {
    let digits = |n| take_while_m_n(1, n, |c: char| c.is_ascii_digit());
    let (rest, clock) = recognize((
        digits(2),
        opt((
            alt((char(':'), char('.'))),
            take_while_m_n(2, 2, |c: char| c.is_ascii_digit()),
        )),
    ))
    .parse(input)?;
    let (rest, _) = space0(rest)?;
    let (rest, meridiem) = opt(alt((
        tag_no_case("a.m."),
        tag_no_case("p.m."),
        tag_no_case("am"),
        tag_no_case("pm"),
    )))
    .parse(rest)?;
    let has_minutes = clock.contains([':', '.']);
    if !has_minutes && meridiem.is_none() {
        return Err(nom::Err::Error(nom::error::Error::new(
            input,
            nom::error::ErrorKind::Digit,
        )));
    }
    let printed = match meridiem {
        Some(m) => format!("{clock} {}", m.to_lowercase()),
        None => clock.to_string(),
    };
    Ok((rest, printed))
}

/// The first time of day in `s` after byte offset `from`, and where it ends.
/// A time "for" another ("at 15:45 HRS FOR 16:00 HRS": members arrive at
/// the first, the meeting starts at the second) gives the second.
fn find_time(s: &str, from: usize) -> Option<(String, usize)> {
    let mut prev_digit = false;
    for (i, c) in s.char_indices() {
        if i >= from && c.is_ascii_digit() && !prev_digit {
            if let Ok((rest, t)) = time_of_day(&s[i..]) {
                let end = s.len() - rest.len();
                let clean_end = rest.chars().next().is_none_or(|c| !c.is_ascii_digit());
                if clean_end {
                    return Some(match start_time_after(rest) {
                        Some((start, left)) => (start, s.len() - left),
                        None => (t, end),
                    });
                }
            }
        }
        prev_digit = c.is_ascii_digit();
    }
    None
}

/// After a time, "[HRS] FOR <time>": the time it is for, and how many bytes
/// of `rest` are left after it.
fn start_time_after(rest: &str) -> Option<(String, usize)> {
    let r = rest.trim_start();
    let r = match r.get(..3) {
        Some(h) if h.eq_ignore_ascii_case("hrs") => r[3..].trim_start(),
        _ => r,
    };
    let after_for = match r.get(..4) {
        Some(f) if f.eq_ignore_ascii_case("for ") => r[4..].trim_start(),
        _ => return None,
    };
    let (tail, t) = time_of_day(after_for).ok()?;
    tail.chars()
        .next()
        .is_none_or(|c| !c.is_ascii_digit())
        .then_some((t, tail.len()))
}

/// "C&YP Scrutiny Panel – 13 December 2016" -> (body, date). The body is
/// what stands before the date, separators trimmed, capitals title-cased.
pub fn body_and_date(value: &str) -> (Option<String>, Option<String>) {
    let value = fold(value.trim_start_matches(['|', ' ']));
    let (before, date) = match find_date_at(&value) {
        Some((i, d)) => (value.get(..i).unwrap_or("").to_string(), Some(d)),
        None => (value.clone(), None),
    };
    let mut body = before
        .trim()
        .trim_end_matches(['–', '-', ',', '|', ' '])
        .trim()
        .to_string();
    // A day name before the date ("THURSDAY,") is the date's, not the body's.
    for day in [
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
    ] {
        let cut = body.len().saturating_sub(day.len());
        if body.get(cut..).is_some_and(|t| t.eq_ignore_ascii_case(day)) {
            body = body
                .get(..cut)
                .unwrap_or("")
                .trim()
                .trim_end_matches(['–', '-', ','])
                .trim()
                .to_string();
        }
    }
    // Then the words between body and date ("Cabinet held on").
    for tail in [
        " date:", " | date", " date", " held on", " held", " on", " meeting",
    ] {
        let cut = body.len().saturating_sub(tail.len());
        if body
            .get(cut..)
            .is_some_and(|t| t.eq_ignore_ascii_case(tail))
        {
            body = body.get(..cut).unwrap_or("").trim().to_string();
        }
    }
    let body = (!body.is_empty()).then(|| title_case(&body));
    (body, date)
}

/// "Haringey Schools Forum" with council "Haringey" -> "Schools Forum".
pub fn strip_council(body: &str, council: Option<&str>) -> String {
    if let Some(c) = council {
        for sep in ["’s ", "'s ", " "] {
            let prefix = format!("{c}{sep}");
            if let Some(rest) = body.strip_prefix(prefix.as_str()) {
                if !rest.trim().is_empty() {
                    return rest.trim().to_string();
                }
            }
        }
    }
    body.to_string()
}

/// An agenda front sheet: the body line above the date line, the time after
/// the date and the venue after the dash ("at 15:45 HRS … – HARINGEY
/// PROFESSIONAL DEVELOPMENT CENTRE, …"), the venue running on to the
/// "AGENDA" heading. Labelled sheets ("Date:", "Time:", "Venue:") also.
pub fn agenda_heading(head: &[&str], council: Option<&str>) -> Option<Head> {
    let lines: Vec<&str> = head.iter().copied().filter(|t| !t.is_empty()).collect();
    let agenda_at = lines
        .iter()
        .position(|t| t.eq_ignore_ascii_case("agenda"))
        .unwrap_or(lines.len().min(12));
    let above = &lines[..agenda_at];
    // No date above "AGENDA": the body and date may be printed below it,
    // over the items ("AGENDA" / "Cabinet" / "Thursday, 30 January 2025 at
    // 10.00 am" / "1. Apologies").
    if agenda_at < lines.len() && !above.iter().any(|t| find_date(t).is_some()) {
        if let Some(h) = heading_below(&lines[agenda_at + 1..], council) {
            let body = h
                .body
                .or_else(|| above_heading(above, council).and_then(|a| a.body));
            return Some(Head {
                body,
                last_line: agenda_at + 1 + h.last_line,
                ..h
            });
        }
    }
    above_heading(above, council)
}

/// The meeting's heading printed under "AGENDA": the lines down to the
/// first item (a line opened by a number that is not a date), eight at
/// most, read as a heading above the word is; only where they hold the
/// date.
fn heading_below(below: &[&str], council: Option<&str>) -> Option<Head> {
    let opens_item = |t: &str| {
        crate::lex::lead_number(t).is_some() && find_date_at(t).is_none_or(|(at, _)| at > 0)
    };
    let end = below
        .iter()
        .take(8)
        .position(|t| opens_item(t))
        .unwrap_or(below.len().min(8));
    let h = above_heading(&below[..end], council)?;
    h.date.is_some().then_some(h)
}

/// The meeting a front sheet's heading block names (the lines above
/// "AGENDA", or those below it).
fn above_heading(above: &[&str], council: Option<&str>) -> Option<Head> {
    let mut h = Head::default();
    let date_at = above.iter().position(|t| find_date(t).is_some());
    if let Some(d) = date_at {
        let block = above[d..].join(" ");
        h.date = find_date(&block);
        let after_date = find_date_at(&block).map(|(i, _)| i + 1).unwrap_or(0);
        if let Some((t, end)) = find_time(&block, after_date) {
            h.time = Some(t);
            // The venue follows the dash after the time(s).
            let rest = block.get(end..).unwrap_or("");
            if let Some(k) = rest.find(['–', '—']).or_else(|| rest.find(" - ")) {
                let venue = rest[k..].trim_start_matches(['–', '—', '-', ' ']);
                let venue = fold(venue);
                if !venue.is_empty() {
                    h.venue = Some(venue);
                }
            }
        }
        h.last_line = d;
    }
    // Labelled front sheets.
    for t in above {
        for (label, slot) in [("time:", 0), ("venue:", 1), ("place:", 1), ("location:", 1)] {
            // Labels are ASCII: compare bytes, never slice a lowered copy.
            let has = t
                .get(..label.len())
                .is_some_and(|p| p.eq_ignore_ascii_case(label));
            if has {
                let v = fold(t.get(label.len()..).unwrap_or(""));
                if slot == 0 && h.time.is_none() {
                    h.time = time_of_day(&v).ok().map(|(_, t)| t);
                } else if slot == 1 && h.venue.is_none() && !v.is_empty() {
                    h.venue = Some(v);
                }
            }
        }
    }
    // The council's own name over the meeting's ("BIRMINGHAM CITY
    // COUNCIL" over "CABINET COMMITTEE - GROUP COMPANY GOVERNANCE") is the
    // letterhead: the body is the line below it, where there is one.
    let mut candidates = above
        .iter()
        .take(date_at.unwrap_or(above.len()))
        .filter(|t| find_date(t).is_none() && !t.contains(':'))
        .peekable();
    let first = candidates.next();
    // The line below names a body only if it reads as a name: no comma
    // (an address, "MEETING TO BE HELD ON TUESDAY,"), no digit, no "held".
    let names_body = |t: &str| {
        !t.contains(',')
            && !t.chars().any(|c| c.is_ascii_digit())
            && !t.to_lowercase().contains("held")
    };
    let body_line = match (first, candidates.peek()) {
        (Some(f), Some(next)) if names_body(next) && council_kind(f, council).is_some() => {
            Some(*next)
        }
        _ => first,
    };
    // A summons names its meeting in its opening sentence ("The next
    // meeting of the Stithians Parish Council will take place on"): that
    // is the body, never a motto or letterhead line above it.
    let summoned = above
        .iter()
        .take(date_at.map_or(above.len(), |d| d + 1))
        .find_map(|t| summons_body(t));
    h.body = summoned
        .as_deref()
        .or(body_line.copied())
        .map(|b| strip_council(&title_case(b), council));
    (h.date.is_some() || h.body.is_some()).then_some(h)
}

/// The body a summons sentence names: "The next meeting of the Stithians
/// Parish Council will take place on" -> "Stithians Parish Council". The
/// words between "meeting of (the)" and "will" / "is to be" / "to be" /
/// "shall", every one capitalised (a name, not a clause).
pub fn summons_body(line: &str) -> Option<String> {
    let lower = line.to_lowercase();
    let at = lower.find("meeting of ")? + "meeting of ".len();
    let rest = line.get(at..)?;
    let rest = rest
        .strip_prefix("the ")
        .or_else(|| rest.strip_prefix("The "))
        .unwrap_or(rest);
    let words: Vec<&str> = rest.split_whitespace().collect();
    let end = words
        .iter()
        .position(|w| matches!(*w, "will" | "is" | "to" | "shall"))?;
    let name = &words[..end];
    let capitalised = name
        .iter()
        .all(|w| w.starts_with(|c: char| c.is_uppercase()) || matches!(*w, "and" | "of" | "&"));
    (!name.is_empty() && name.len() <= 8 && capitalised).then(|| name.join(" "))
}

/// "MINUTES OF THE SCHOOLS FORUM MEETING" over "WEDNESDAY 25 FEBRUARY
/// 2015"; "Minutes of the meeting of the Cabinet held on 3 May 2016".
pub fn minutes_heading(head: &[&str]) -> Option<Head> {
    let lines: Vec<&str> = head.iter().copied().filter(|t| !t.is_empty()).collect();
    let at = lines
        .iter()
        .take(12)
        .position(|t| t.to_lowercase().starts_with("minutes of"))?;
    let heading = lines[at];
    let mut rest = heading
        .get("minutes of".len()..)
        .unwrap_or("")
        .trim()
        .to_string();
    let mut h = Head {
        last_line: at,
        ..Head::default()
    };
    // A title wrapped over two lines ("Minutes of the Transport and
    // Connectivity" / "Policy Committee") above its date.
    let wrapped = |next: &str| {
        find_date(&rest).is_none()
            && find_date(next).is_none()
            && next.split(' ').count() <= 6
            && !next.contains(':')
            && lines.get(at + 2).is_some_and(|t| find_date(t).is_some())
    };
    if let Some(next) = lines.get(at + 1).filter(|n| wrapped(n)) {
        rest = format!("{rest} {next}");
        h.last_line = at + 1;
    }
    let at = h.last_line;
    let (named, date) = body_and_date(&rest);
    h.date = date;
    if h.date.is_none() {
        if let Some(next) = lines.get(at + 1) {
            h.date = find_date(next);
            if h.date.is_some() {
                h.last_line = at + 1;
            }
        }
    }
    if let Some(n) = named {
        let mut b = n.as_str();
        for prefix in [
            "the meeting of the ",
            "the meeting of ",
            "a meeting of the ",
            "a meeting of ",
            "the ",
        ] {
            let has = b
                .get(..prefix.len())
                .is_some_and(|p| p.eq_ignore_ascii_case(prefix));
            if has {
                b = b.get(prefix.len()..).unwrap_or("");
            }
        }
        let cut = b.len().saturating_sub(" meeting".len());
        let b = match (b.get(..cut), b.get(cut..)) {
            (Some(head), Some(tail)) if tail.eq_ignore_ascii_case(" meeting") => head,
            _ => b,
        };
        // "Minutes of a Meeting held on …" names no body: what is left is
        // an article, never a body.
        let article = ["a", "an", "the"].iter().any(|a| b.eq_ignore_ascii_case(a));
        if !b.is_empty() && !b.eq_ignore_ascii_case("meeting") && !article {
            h.body = Some(title_case(b));
        }
    }
    Some(h)
}

/// Minutes headed by the meeting's name over (or before) its date, with
/// no "Minutes of" line: "Milburn Parish Council - 2nd July 2019";
/// "Amenities, Leisure and Community Services" over "Tuesday 13th March
/// 2018"; a governors' labelled row "COMMITTEE | Full Governing Body |
/// DATE | 01/02/2021". Only the opening lines are read: the first line
/// among the first three that holds a full date is the heading's, its
/// body the words before the date or, where the date stands alone, the
/// line above it, less the council's place and any "Minutes of the" before
/// it ("Milburn Parish Council" -> "Parish Council").
pub fn dated_heading(head: &[&str], council: Option<&str>) -> Option<Head> {
    let lines: Vec<&str> = head.iter().copied().filter(|t| !t.is_empty()).collect();
    let at = lines.iter().take(3).position(|t| find_date(t).is_some())?;
    let line = lines[at];
    let (named, date) = body_and_date(&cut_held(line));
    let body = match named.filter(|b| b.split_whitespace().count() >= 2) {
        Some(b) => Some(b),
        None if at > 0 => {
            let above = lines[at - 1];
            (!above.contains(':') && above.split_whitespace().count() <= 12)
                .then(|| title_case(&cut_held(above)))
        }
        None => None,
    };
    let body = body.map(|b| {
        let b = caps_label(&unlabel(&b));
        let b = b
            .to_lowercase()
            .find("minutes of ")
            .and_then(|k| b.get(k + "minutes of ".len()..))
            .map(|rest| rest.strip_prefix("the ").unwrap_or(rest))
            .map(str::to_string)
            .unwrap_or(b);
        strip_council(&b, council)
    });
    // "Minutes for meeting held Tuesday 5 May 2026": the heading's own
    // words, no body.
    let body = body.filter(|b| {
        let folded = b.to_lowercase();
        !matches!(folded.trim(), "minutes" | "minutes for" | "minutes of")
    });
    Some(Head {
        body,
        date,
        last_line: at,
        ..Head::default()
    })
}

/// A minutes heading and its body, whichever way the minutes print it: a
/// "Minutes of …" line ([`minutes_heading`]), else a name over or before
/// the date ([`dated_heading`]). A "Minutes of a Meeting held on …" line
/// names no body; the council's own name printed above it ("Ayton
/// Community Council") names the meeting's: the council's kind
/// ("Community Council"), as "Milburn Parish Council" gives "Parish
/// Council".
pub fn meeting_minutes_heading(head: &[&str], council: Option<&str>) -> Option<Head> {
    let mut h = minutes_or_dated(head, council)?;
    h.body = h.body.map(|b| own_body(&b, council));
    Some(h)
}

/// The body a minutes heading names, without what the heading says of the
/// meeting: where it was held ("… AGM Meeting Held at the Village Hall"),
/// that it was the annual meeting ("Parish Council A.G.M."), and the
/// council's place, with a word before it ("West Dereham Parish Council"
/// for the place "Dereham" -> "Parish Council").
pub(crate) fn own_body(body: &str, council: Option<&str>) -> String {
    let mut b = cut_held(body).trim().to_string();
    while let Some((head, last)) = b.rsplit_once(' ') {
        let l = last.to_lowercase();
        if matches!(l.as_str(), "meeting" | "agm" | "a.g.m." | "a.g.m") {
            b = head.trim_end_matches([' ', '-', '–']).to_string();
        } else {
            break;
        }
    }
    let b = strip_council(&b, council);
    if let Some(place) = council.filter(|c| !c.is_empty()) {
        let words: Vec<&str> = b.split_whitespace().collect();
        let n = place.split_whitespace().count();
        // "West Dereham Parish Council", "Royal Sutton Coldfield Town
        // Council": capitalised words, the place, then a council's kind.
        let kind_at = (1..words.len().saturating_sub(n)).find(|&k| {
            words[..k]
                .iter()
                .all(|w| w.starts_with(|c: char| c.is_uppercase()))
                && words[k..k + n].join(" ").eq_ignore_ascii_case(place)
        });
        if let Some(k) = kind_at {
            if words.len() > k + n && words[words.len() - 1].eq_ignore_ascii_case("council") {
                return words[k + n..].join(" ");
            }
        }
    }
    b
}

fn minutes_or_dated(head: &[&str], council: Option<&str>) -> Option<Head> {
    let Some(mut h) = minutes_heading(head) else {
        return dated_heading(head, council);
    };
    if h.body.is_none() {
        let lines: Vec<&str> = head.iter().copied().filter(|t| !t.is_empty()).collect();
        let above = lines
            .iter()
            .take_while(|t| !t.to_lowercase().starts_with("minutes of"))
            .take(3);
        h.body = above.filter_map(|t| council_kind(t, council)).next();
    }
    Some(h)
}

/// The kind of council a line names after the council's place, the line
/// being the council's name alone (a "MINUTES" after it aside): "Ayton
/// Community Council" -> "Community Council" when the council is "Ayton".
fn council_kind(line: &str, council: Option<&str>) -> Option<String> {
    let council = council.filter(|c| !c.is_empty())?;
    let line = line.trim();
    let cut = line.len().saturating_sub(" minutes".len());
    let line = match (line.get(..cut), line.get(cut..)) {
        (Some(head), Some(tail)) if tail.eq_ignore_ascii_case(" minutes") => head.trim_end(),
        _ => line,
    };
    let named = title_case(line);
    let kind = strip_council(&named, Some(council));
    let words = kind.split_whitespace().count();
    (kind != named && (1..=3).contains(&words) && kind.ends_with("Council")).then_some(kind)
}

/// A heading sentence cut before where it says where the meeting was held:
/// "… PARISH COUNCIL MEETING HELD AT THE VILLAGE HALL AT 7.00 pm ON
/// THURSDAY 1 JUNE 2017" -> "… PARISH COUNCIL MEETING 1 JUNE 2017" (the
/// date kept).
fn cut_held(line: &str) -> String {
    let lower = line.to_lowercase();
    let Some(k) = lower.find(" held at ").or_else(|| lower.find(" held in ")) else {
        return line.to_string();
    };
    match (line.get(..k), find_date_at(line)) {
        (Some(head), Some((d, _))) if d > k => format!("{head} {}", &line[d..]),
        (Some(head), _) => head.to_string(),
        _ => line.to_string(),
    }
}

/// A labelled row's label taken off its value: "Committee | Full Governing
/// Body" -> "Full Governing Body", where the first piece is one word and
/// a separator follows it.
fn unlabel(body: &str) -> String {
    let b = body.trim();
    let Some((first, rest)) = b.split_once(['|', ':', '\t']) else {
        return b.to_string();
    };
    let rest = rest.trim_matches(['|', ':', ' ']);
    if first.split_whitespace().count() == 1 && !rest.is_empty() {
        rest.to_string()
    } else {
        b.to_string()
    }
}

/// A label cell in capitals before a value in mixed case, the cells
/// joined: "COMMITTEE Full Governing Body" -> "Full Governing Body".
fn caps_label(body: &str) -> String {
    let b = body.trim();
    let Some((first, rest)) = b.split_once(' ') else {
        return b.to_string();
    };
    let label = first.chars().count() >= 4 && first.chars().all(|c| c.is_ascii_uppercase());
    let value =
        rest.starts_with(|c: char| c.is_uppercase()) && rest.chars().any(char::is_lowercase);
    if label && value {
        rest.trim().to_string()
    } else {
        b.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_place_of_several_words_before_the_councils_kind() {
        // Royal Sutton Coldfield Town Council, report to the Council
        // meeting of 21 February 2017: "Royal" stands before the place.
        assert_eq!(
            own_body(
                "Royal Sutton Coldfield Town Council",
                Some("Sutton Coldfield")
            ),
            "Town Council"
        );
        assert_eq!(
            own_body("West Dereham Parish Council", Some("Dereham")),
            "Parish Council"
        );
    }

    #[test]
    fn times() {
        assert_eq!(time_of_day("15:45 HRS").unwrap().1, "15:45");
        assert_eq!(time_of_day("2.00 pm").unwrap().1, "2.00 pm");
        assert_eq!(time_of_day("10am").unwrap().1, "10 am");
        assert!(time_of_day("2015").is_err());
        assert_eq!(
            find_time("THURSDAY, 21ST MAY, 2015 at 15:45 HRS", 10)
                .map(|t| t.0)
                .as_deref(),
            Some("15:45")
        );
        // Haringey Schools Forum's front sheet: members arrive at 15:45 for
        // a meeting starting at 16:00; the venue follows the second time.
        let line = "THURSDAY, 21ST MAY, 2015 at 15:45 HRS FOR 16:00 HRS – HARINGEY";
        let (t, end) = find_time(line, 10).unwrap();
        assert_eq!(t, "16:00");
        assert_eq!(line[end..].trim_start(), "HRS – HARINGEY");
    }

    #[test]
    fn bodies_and_dates() {
        assert_eq!(
            body_and_date("C&YP Scrutiny Panel – 13 December 2016"),
            (
                Some("C&YP Scrutiny Panel".into()),
                Some("2016-12-13".into())
            )
        );
        assert_eq!(
            body_and_date("COUNCIL 15TH MARCH 2019"),
            (Some("Council".into()), Some("2019-03-15".into()))
        );
        assert_eq!(
            body_and_date("PERFORMANCE AND FINANCE SCRUTINY SUB-COMMITTEE")
                .0
                .as_deref(),
            Some("Performance and Finance Scrutiny Sub-Committee")
        );
        assert_eq!(
            strip_council("Haringey Schools Forum", Some("Haringey")),
            "Schools Forum"
        );
        assert_eq!(strip_council("Cabinet", Some("Kent")), "Cabinet");
    }

    #[test]
    fn a_summons_names_its_meeting_under_a_motto() {
        // Stithians Parish Council's agenda of 16 February 2021: a motto
        // line over the summons.
        let head = [
            "A-barth Onan Hag Oll Representing One and All",
            "The next meeting of the Stithians Parish Council will take place on",
            "Tuesday, the Sixteenth day of February 2021 at 7pm",
            "AGENDA",
        ];
        let h = agenda_heading(&head, Some("Stithians")).expect("heading");
        assert_eq!(h.body.as_deref(), Some("Parish Council"));
        assert_eq!(h.date.as_deref(), Some("2021-02-16"));
        // A clause after "meeting of" names no body.
        assert_eq!(
            summons_body("at the meeting of members who wish to attend"),
            None
        );
    }

    #[test]
    fn agenda_front_sheet() {
        let head = [
            "Haringey Schools Forum",
            "THURSDAY, 21ST MAY, 2015 at 15:45 HRS FOR 16:00 HRS – HARINGEY",
            "PROFESSIONAL DEVELOPMENT CENTRE, DOWNHILLS PARK ROAD, TOTTENHAM,",
            "LONDON, N17 6AR",
            "AGENDA",
            "1. CHAIR'S WELCOME",
        ];
        let h = agenda_heading(&head, Some("Haringey")).unwrap();
        assert_eq!(h.body.as_deref(), Some("Schools Forum"));
        assert_eq!(h.date.as_deref(), Some("2015-05-21"));
        assert_eq!(h.time.as_deref(), Some("16:00"));
        assert_eq!(
            h.venue.as_deref(),
            Some("HARINGEY PROFESSIONAL DEVELOPMENT CENTRE, DOWNHILLS PARK ROAD, TOTTENHAM, LONDON, N17 6AR")
        );
    }

    #[test]
    fn body_and_date_below_the_agenda_heading() {
        // A ModernGov front sheet setting the meeting under the word: no
        // real document here prints it so; the lines are the shape its
        // front sheets take (Kent's Cabinet of 30 January 2025).
        let head = [
            "AGENDA",
            "Cabinet",
            "Thursday, 30 January 2025 at 10.00 am",
            "Council Chamber, Sessions House, County Hall, Maidstone",
            "1. Introduction/Webcasting Announcement",
            "2. Apologies and Substitutes",
        ];
        let h = agenda_heading(&head, Some("Kent")).unwrap();
        assert_eq!(h.body.as_deref(), Some("Cabinet"));
        assert_eq!(h.date.as_deref(), Some("2025-01-30"));
        assert_eq!(h.time.as_deref(), Some("10.00 am"));
        assert_eq!(h.last_line, 2);
        // A date in an item below "AGENDA" is no meeting's date.
        let head = [
            "AGENDA",
            "1. Apologies",
            "2. Minutes of the meeting held on 5 December 2024",
        ];
        assert_eq!(agenda_heading(&head, None), None);
        // A date above the word wins over any below it (seed 000).
        let head = [
            "Haringey Schools Forum",
            "THURSDAY, 21ST MAY, 2015 at 15:45 HRS FOR 16:00 HRS",
            "AGENDA",
            "Cabinet",
            "Thursday, 30 January 2025 at 10.00 am",
        ];
        let h = agenda_heading(&head, Some("Haringey")).unwrap();
        assert_eq!(h.date.as_deref(), Some("2015-05-21"));
        assert_eq!(h.body.as_deref(), Some("Schools Forum"));
    }

    #[test]
    fn a_council_letterhead_over_the_body_is_no_body() {
        // Birmingham City Council's agenda front sheet, 13 November 2018.
        let head = [
            "BIRMINGHAM CITY COUNCIL",
            "CABINET COMMITTEE - GROUP COMPANY GOVERNANCE",
            "TUESDAY, 13 NOVEMBER 2018 AT 15:00 HOURS",
        ];
        let h = agenda_heading(&head, Some("Birmingham")).unwrap();
        assert_eq!(
            h.body.as_deref(),
            Some("Cabinet Committee - Group Company Governance")
        );
        // A parish summons whose letterhead is all it names: the council's
        // kind is the body.
        let h = agenda_heading(
            &[
                "MILBURN PARISH COUNCIL",
                "on Tuesday, 2nd July 2019 at 7.30pm",
            ],
            Some("Milburn"),
        )
        .unwrap();
        assert_eq!(h.body.as_deref(), Some("Parish Council"));
        // An address or a sentence below the letterhead is no body
        // (Burton-cum-Walden Parish Council's public notice; Milburn's
        // agenda of 2 July 2019).
        let h = agenda_heading(
            &[
                "BURTON-CUM-WALDEN PARISH COUNCIL",
                "South View, West Burton, Leyburn, North Yorkshire DL8 4JN",
                "A Meeting of Burton-cum-Walden Parish Council will be held on Tuesday, 7 October 2025",
            ],
            Some("Burton-cum-Walden"),
        )
        .unwrap();
        assert!(h
            .body
            .as_deref()
            .is_some_and(|b| b.ends_with("Parish Council")));
        let h = agenda_heading(
            &[
                "MILBURN PARISH COUNCIL",
                "MEETING TO BE HELD ON TUESDAY,",
                "2nd July 2019 @ 7.30pm",
            ],
            Some("Milburn"),
        )
        .unwrap();
        assert_eq!(h.body.as_deref(), Some("Parish Council"));
    }

    #[test]
    fn dated_headings_without_minutes_of() {
        // Milburn Parish Council minutes, page 1.
        let h = dated_heading(
            &["Milburn Parish Council - 2nd July 2019", "Present"],
            Some("Milburn"),
        )
        .unwrap();
        assert_eq!(h.date.as_deref(), Some("2019-07-02"));
        assert_eq!(h.body.as_deref(), Some("Parish Council"));
        // Sutton Coldfield committee minutes: the body over its date.
        let h = dated_heading(
            &[
                "Amenities, Leisure and Community Services",
                "Tuesday 13th March 2018",
                "Sutton Coldfield Town Hall",
            ],
            None,
        )
        .unwrap();
        assert_eq!(
            h.body.as_deref(),
            Some("Amenities, Leisure and Community Services")
        );
        assert_eq!(h.date.as_deref(), Some("2018-03-13"));
        // A governors' labelled row.
        let h = dated_heading(
            &[
                "DECOY COMMUNITY PRIMARY SCHOOL BOARD OF GOVERNORS",
                "COMMITTEE | Full Governing Body | DATE | 01/02/2021",
            ],
            None,
        )
        .unwrap();
        assert_eq!(h.body.as_deref(), Some("Full Governing Body"));
        assert_eq!(h.date.as_deref(), Some("2021-02-01"));
        // A heading sentence: the venue cut out.
        let h = dated_heading(&["DRAFT MINUTES OF THE WEST DEREHAM PARISH COUNCIL MEETING HELD AT WEST DEREHAM VILLAGE HALL AT 7.00 pm ON THURSDAY 1 JUNE 2017"], Some("West Dereham")).unwrap();
        assert_eq!(h.date.as_deref(), Some("2017-06-01"));
        assert_eq!(h.body.as_deref(), Some("Parish Council"));
        // No date in the opening lines: no heading.
        assert_eq!(
            dated_heading(&["Present", "A B", "C D", "1 June 2017"], None),
            None
        );
    }

    #[test]
    fn minutes_headings() {
        let h = minutes_heading(&[
            "MINUTES OF THE SCHOOLS FORUM MEETING",
            "WEDNESDAY 25 FEBRUARY 2015",
        ])
        .unwrap();
        assert_eq!(h.body.as_deref(), Some("Schools Forum"));
        assert_eq!(h.date.as_deref(), Some("2015-02-25"));
        let h =
            minutes_heading(&["Minutes of the meeting of the Cabinet held on 3 May 2016"]).unwrap();
        assert_eq!(h.body.as_deref(), Some("Cabinet"));
        assert_eq!(h.date.as_deref(), Some("2016-05-03"));
        // A day name between "held on" and the date.
        let h = minutes_heading(&[
            "MINUTES OF THE MEETING OF THE COUNCIL HELD ON THURSDAY 29 JANUARY 2026",
        ])
        .unwrap();
        assert_eq!(h.body.as_deref(), Some("Council"));
        // Ayton Community Council, 4 June 2019: the meeting named by no
        // body, so none (not "a").
        let h = minutes_heading(&[
            "Ayton Community Council",
            "Minutes of a Meeting held on Tuesday 4 June 2019",
        ])
        .unwrap();
        assert_eq!(h.body, None);
        assert_eq!(h.date.as_deref(), Some("2019-06-04"));
        let h = minutes_heading(&["Minutes of a meeting of Cabinet held on 3 May 2016"]).unwrap();
        assert_eq!(h.body.as_deref(), Some("Cabinet"));
    }

    #[test]
    fn a_minutes_heading_names_its_body_only() {
        // Northwold Parish Council, 6 May 2014: the place, the annual
        // meeting and where it was held are no part of the body.
        let h = meeting_minutes_heading(
            &[
                "MINUTES OF NORTHWOLD PARISH COUNCIL AGM MEETING HELD AT THE VILLAGE HALL ON",
                "TUESDAY MAY 6th 2014",
            ],
            Some("Northwold"),
        )
        .unwrap();
        assert_eq!(h.body.as_deref(), Some("Parish Council"));
        // West Dereham Parish Council, 1 June 2017: a word before the place.
        assert_eq!(
            own_body("West Dereham Parish Council", Some("Dereham")),
            "Parish Council"
        );
        // Milburn Parish Council's AGM, 8 May 2018.
        assert_eq!(
            own_body("Parish Council A.G.M.", Some("Milburn")),
            "Parish Council"
        );
        // A committee keeps its name.
        assert_eq!(
            own_body(
                "Amenities, Leisure and Community Services",
                Some("Sutton Coldfield")
            ),
            "Amenities, Leisure and Community Services"
        );
        // Decoy Community Primary School's governors: the label cell
        // "COMMITTEE" joined to the value.
        assert_eq!(
            caps_label("COMMITTEE Full Governing Body"),
            "Full Governing Body"
        );
        assert_eq!(caps_label("SCHOOLS FORUM"), "SCHOOLS FORUM");
    }

    #[test]
    fn the_council_named_above_minutes_names_their_body() {
        // Ayton Community Council, 4 June 2019 and 6 March 2012: the council's
        // name over "Minutes of a Meeting held on …" names the body as
        // "Milburn Parish Council" does ("Parish Council").
        let h = meeting_minutes_heading(
            &[
                "Ayton Community Council",
                "Minutes of a Meeting held on Tuesday 4 June 2019",
            ],
            Some("Ayton"),
        )
        .unwrap();
        assert_eq!(h.body.as_deref(), Some("Community Council"));
        assert_eq!(h.date.as_deref(), Some("2019-06-04"));
        let h = meeting_minutes_heading(
            &[
                "Ayton Community Council MINUTES",
                "Minutes of Meeting held on Tuesday 6th March 2012 in Ayton Community Hall",
            ],
            Some("Ayton"),
        )
        .unwrap();
        assert_eq!(h.body.as_deref(), Some("Community Council"));
        // A line above that is not the council's name names nothing.
        let h = meeting_minutes_heading(
            &[
                "Report to the members",
                "Minutes of a Meeting held on Tuesday 4 June 2019",
            ],
            Some("Ayton"),
        )
        .unwrap();
        assert_eq!(h.body, None);
        // A body the heading names is kept.
        let h = meeting_minutes_heading(
            &[
                "Haringey Council",
                "Minutes of the meeting of the Cabinet held on 3 May 2016",
            ],
            Some("Haringey"),
        )
        .unwrap();
        assert_eq!(h.body.as_deref(), Some("Cabinet"));
        // Ayton Community Council, 5 May 2026 (markdown): "Minutes for
        // meeting held …" is the heading's own words, no body.
        let h = meeting_minutes_heading(
            &["Minutes for meeting held Tuesday 5 May 2026"],
            Some("Ayton"),
        )
        .unwrap();
        assert_eq!(h.body, None);
        assert_eq!(h.date.as_deref(), Some("2026-05-05"));
    }
}

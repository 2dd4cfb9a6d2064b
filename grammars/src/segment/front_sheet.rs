//! Report front sheets: the labelled fields that open a report ("Report
//! to", "Report Title", "Author", "Contact", "Purpose", "Report Status",
//! "Recommendations" …) read from a document's opening lines.
//!
//! Segmentation reads a front sheet to classify and title a document; the
//! report grammar (`reports`) turns the same reading into a `report` record.

use super::agenda_item_stamp;
use super::heading::body_and_date;
use crate::lex::{find_date, find_date_at, fold};
use nom::branch::alt;
use nom::bytes::complete::tag_no_case;
use nom::character::complete::{char, space0, space1};
use nom::combinator::{eof, peek};
use nom::{IResult, Parser};

/// What a front-sheet label sets.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    Title,
    Author,
    Contact,
    Purpose,
    Status,
    Recommendations,
    Date,
    Body,
    /// A label that marks a front sheet but sets no record field.
    Other,
}

/// Labels, longest first so that "Report Title" wins over "Title". The
/// number is a rank: where two labels set one field, the lower rank wins
/// ("Author" over "Report authorised by").
const LABELS: &[(&str, Field, u8)] = &[
    ("subject matter / title of decision", Field::Title, 0),
    ("officer presenting the report", Field::Author, 1),
    ("executive member report to", Field::Body, 0),
    ("cabinet member report to", Field::Body, 0),
    ("report for key/ non key decision", Field::Status, 1),
    ("report for key/non key decision", Field::Status, 1),
    ("report authorised by", Field::Author, 4),
    ("scrutiny lead member area", Field::Other, 0),
    ("responsible officer", Field::Author, 2),
    ("recommendation(s)", Field::Recommendations, 0),
    ("purpose of report", Field::Purpose, 0),
    ("recommendations", Field::Recommendations, 0),
    ("date of meeting", Field::Date, 0),
    ("contact officer", Field::Contact, 0),
    ("contact details", Field::Contact, 1),
    ("recommendation", Field::Recommendations, 0),
    ("lead officers", Field::Author, 1),
    ("report author", Field::Author, 0),
    ("report status", Field::Status, 0),
    ("produced by", Field::Author, 3),
    ("report title", Field::Title, 0),
    ("lead officer", Field::Author, 1),
    ("meeting date", Field::Date, 0),
    ("decision no", Field::Other, 0),
    ("report for", Field::Body, 0),
    ("report of", Field::Author, 3),
    ("report to", Field::Body, 0),
    ("committee", Field::Body, 1),
    ("authors", Field::Author, 0),
    ("contact", Field::Contact, 0),
    ("purpose", Field::Purpose, 0),
    ("subject", Field::Title, 1),
    ("meeting", Field::Body, 1),
    ("author", Field::Author, 0),
    ("title", Field::Title, 1),
    ("from", Field::Author, 3),
    ("date", Field::Date, 1),
    ("by", Field::Author, 3),
    ("to", Field::Body, 1),
];

/// The length of the longest label, in bytes.
const LONGEST_LABEL: usize = {
    let mut n = 0;
    let mut k = 0;
    while k < LABELS.len() {
        if LABELS[k].0.len() > n {
            n = LABELS[k].0.len();
        }
        k += 1;
    }
    n
};

/// The first letters of the labels.
static LABEL_FIRSTS: [bool; 256] = {
    let mut t = [false; 256];
    let mut k = 0;
    while k < LABELS.len() {
        t[LABELS[k].0.as_bytes()[0] as usize] = true;
        k += 1;
    }
    t
};

/// `input` after the label `name` (ASCII, lower case), compared ignoring
/// case as `tag_no_case` does; `ascii_len` is how many of `input`'s opening
/// bytes are ASCII (counted up to `LONGEST_LABEL`).
fn strip_label<'a>(input: &'a str, name: &str, ascii_len: usize) -> Option<&'a str> {
    let n = name.len();
    if input.len() < n {
        // `tag_no_case` fails on an input shorter (in bytes) than its tag.
        return None;
    }
    if n <= ascii_len {
        // ASCII on both sides: the case-blind compare is byte by byte, and
        // `n` is a character boundary.
        return input.as_bytes()[..n]
            .eq_ignore_ascii_case(name.as_bytes())
            .then(|| &input[n..]);
    }
    // The ASCII opening must match already: `tag_no_case` compares from
    // the start, character by character.
    if !input.as_bytes()[..ascii_len].eq_ignore_ascii_case(&name.as_bytes()[..ascii_len]) {
        return None;
    }
    // Next, a character outside ASCII meets the label's ASCII letter: of
    // those, only the Kelvin sign lower-cases to ASCII ('k'), so any other
    // (a bullet, a dash, a curly quote) fails the compare here.
    if !input
        .get(ascii_len..)
        .is_some_and(|r| r.starts_with('\u{212A}'))
    {
        return None;
    }
    let tagged: IResult<&str, &str> = tag_no_case(name).parse(input);
    tagged.ok().map(|(rest, _)| rest)
}

/// A label at the start of a line: "Report Title:", "Author :", "REPORT
/// FOR:", "3. Recommendations", "Report to Haringey Schools Forum …" (this
/// one label needs no colon). Returns the field, its rank and the rest.
pub fn field_label(input: &str) -> IResult<&str, (Field, u8)> {
    // A numbered section heading may be a label: "3. Recommendations".
    let (input, _) =
        nom::combinator::opt((nom::character::complete::digit1, char('.'), space1)).parse(input)?;
    // Labels are ASCII: where the input's opening bytes are ASCII too, a
    // case-blind byte compare answers as `tag_no_case` would, without its
    // per-character lower-casing for each of the labels.
    let ascii_len = input
        .bytes()
        .take(LONGEST_LABEL)
        .take_while(u8::is_ascii)
        .count();
    let none = || {
        Err(nom::Err::Error(nom::error::Error::new(
            input,
            nom::error::ErrorKind::Tag,
        )))
    };
    // Most lines open with a letter no label opens with.
    if ascii_len > 0 && !LABEL_FIRSTS[usize::from(input.as_bytes()[0].to_ascii_lowercase())] {
        return none();
    }
    for &(name, field, rank) in LABELS {
        let Some(rest) = strip_label(input, name, ascii_len) else {
            continue;
        };
        let parsed: IResult<&str, ()> = (
            space0,
            alt((
                char(':').map(|_| ()),
                char('|').map(|_| ()),
                eof.map(|_| ()),
            )),
        )
            .map(|_| ())
            .parse(rest);
        if let Ok((rest, _)) = parsed {
            return Ok((rest, (field, rank)));
        }
        // "Report to Haringey Schools Forum – 21 May 2015", "EXECUTIVE
        // MEMBER REPORT TO COUNCIL 15TH MARCH 2019": no colon.
        if matches!(
            name,
            "report to" | "executive member report to" | "cabinet member report to"
        ) && peek(space1::<&str, nom::error::Error<&str>>)
            .parse(rest)
            .is_ok()
        {
            return Ok((rest, (field, rank)));
        }
    }
    none()
}

/// Is this line (or this line joined to the next, as a label wrapped in a
/// box: "Report" / "authorised by :") a label?
fn label_at(texts: &[&str], i: usize) -> Option<(Field, u8, String, usize)> {
    let t = texts.get(i)?;
    if let Ok((rest, (f, r))) = field_label(t) {
        return Some((f, r, value_of(rest), 1));
    }
    // The joined line opens as this one does: with no number before it, a
    // label must open with its first letter.
    let opening = t.bytes().next().unwrap_or(b' ');
    let may_open = !opening.is_ascii()
        || opening.is_ascii_digit()
        || LABEL_FIRSTS[usize::from(opening.to_ascii_lowercase())];
    if may_open && t.chars().count() <= 20 && !t.contains(':') {
        let next = texts.get(i + 1)?;
        let joined = format!("{t} {next}");
        if let Ok((rest, (f, r))) = field_label(&joined) {
            if f != Field::Body {
                return Some((f, r, value_of(rest), 2));
            }
        }
    }
    None
}

/// Labels that follow a name on its line and say more of the same person
/// ("Officer presenting the report: Adam Crowther Job title: Head of City
/// Transport"): the name ends where one opens.
const FOLLOW_ON_LABELS: &[&str] = &["job title", "designation", "role", "post"];

/// A person's value up to a follow-on label set after it on the same line:
/// "Adam Crowther Job title: Head of City Transport" -> "Adam Crowther".
fn before_follow_on(value: &str) -> &str {
    let lower = value.to_ascii_lowercase();
    for name in FOLLOW_ON_LABELS {
        let mut from = 0;
        while let Some(k) = lower[from..].find(name).map(|k| k + from) {
            let after = lower[k + name.len()..].trim_start();
            let opens_word = lower[..k].ends_with(' ');
            let head = value[..k].trim_end();
            if opens_word && after.starts_with(':') && !head.is_empty() {
                return head
                    .trim_end_matches([',', ';', '-', '\u{2013}'])
                    .trim_end();
            }
            from = k + name.len();
        }
    }
    value
}

/// The value after a label: cell bars and spaces trimmed.
fn value_of(rest: &str) -> String {
    rest.trim()
        .trim_start_matches(['|', ':'])
        .trim()
        .to_string()
}

/// A report's front sheet, as found.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct FrontSheet {
    pub title: Option<String>,
    pub author: Option<String>,
    pub contact: Option<String>,
    pub agenda_item: Option<String>,
    pub purpose: Option<String>,
    pub status: Option<String>,
    pub recommendations: Vec<String>,
    pub date: Option<String>,
    pub body: Option<String>,
    /// The rank of the label the author was read from (`LABELS`): 0–2 a
    /// writer's label ("Author", "Lead Officer", "Responsible Officer"), 3
    /// a memo's sender ("From", "By", "Report of", "Produced by"), 4 "Report authorised
    /// by".
    pub author_rank: Option<u8>,
    /// People named under the author, one to a line, as printed (name and
    /// post): a second lead officer, a memo's second sender.
    pub more_authors: Vec<String>,
    /// Labels found: two or more make a front sheet.
    pub fields: usize,
    /// Index into the texts of the last line the front sheet used.
    pub last_line: usize,
}

/// Lines a front sheet may span: it is the opening of a report.
pub(crate) const SHEET_LINES: usize = 120;

/// A numbered or lettered heading that ends a field's run of lines:
/// "1. Report", "1.0 SEND Reforms:", "Section 2 – Report", "1. Introduction".
fn is_section_heading(t: &str) -> bool {
    let words: Vec<&str> = t.split_whitespace().collect();
    let Some(first) = words.first() else {
        return false;
    };
    if first.eq_ignore_ascii_case("section") {
        return true;
    }
    let numbered = first.chars().next().is_some_and(|c| c.is_ascii_digit())
        && first.chars().all(|c| c.is_ascii_digit() || c == '.');
    numbered && (words.len() <= 3 || (words.len() <= 6 && !t.ends_with('.')))
}

fn is_list_start(t: &str) -> bool {
    if crate::lex::starts_with_bullet(t) {
        return true;
    }
    let first = t.split_whitespace().next().unwrap_or("");
    let numbered = first.chars().next().is_some_and(|c| c.is_ascii_digit())
        && first
            .trim_end_matches(['.', ')'])
            .chars()
            .all(|c| c.is_ascii_digit() || c == '.');
    let bracketed = first.starts_with('(') && first.ends_with(')') && first.len() <= 5;
    let lettered = first.len() == 2 && first.ends_with(')');
    numbered || bracketed || lettered
}

/// Strip a list marker: "1.3. This report" -> "This report"; "(1) the" -> "the".
fn strip_marker(t: &str) -> &str {
    let t = match crate::lex::bullet(t) {
        Ok((rest, _)) => rest,
        Err(_) => t,
    };
    let first = t.split_whitespace().next().unwrap_or("");
    let is_marker = (first.chars().next().is_some_and(|c| c.is_ascii_digit())
        && first
            .trim_end_matches(['.', ')'])
            .chars()
            .all(|c| c.is_ascii_digit() || c == '.'))
        || (first.starts_with('(') && first.ends_with(')') && first.len() <= 5)
        || (first.len() == 2 && first.ends_with(')'));
    if is_marker {
        t[first.len()..].trim_start()
    } else {
        t
    }
}

/// A line the front sheet wraps onto the next: long and not finished, or
/// ending on a word that needs another ("… - Future of").
fn wraps(t: &str) -> bool {
    let l = t.to_lowercase();
    let open_end = [
        " of", " and", " the", " for", " to", " in", " on", " -", " –", ",",
    ]
    .iter()
    .any(|w| l.ends_with(w));
    open_end || (t.chars().count() >= 60 && !t.ends_with(['.', ':', ';']))
}

/// Read the front-sheet fields from a document's opening lines (plain
/// text; "" for a blank line, which ends a paragraph).
pub fn front_sheet(texts: &[&str]) -> FrontSheet {
    let texts: Vec<&str> = texts.iter().take(SHEET_LINES).copied().collect();
    let mut fs = FrontSheet::default();
    let mut ranks: Vec<(Field, u8)> = Vec::new();
    // Whether the report's numbered sections have begun ("1.
    // Introduction" after the labels): a writer's label past that point is
    // a contact block's, not the front sheet's.
    let mut body_started = false;
    let mut i = 0;
    while i < texts.len() {
        if fs.agenda_item.is_none() {
            let next = texts[i + 1..].iter().find(|t| !t.is_empty()).copied();
            if let Some(n) = agenda_item_stamp(texts[i], next) {
                fs.agenda_item = Some(n);
                i += 1;
                continue;
            }
        }
        let Some((field, rank, inline, used)) = label_at(&texts, i) else {
            body_started |= fs.fields > 0 && is_section_heading(texts[i]);
            i += 1;
            continue;
        };
        fs.fields += 1;
        let mut j = i + used;
        // Labels stacked in one cell ("Subject: Report Of: Wards Affected:
        // | …") cannot be paired with their values: count them, set nothing.
        let stacked = inline.matches(": ").count() + inline.ends_with(':') as usize;
        let pairs = if stacked >= 1 {
            stacked_pairs(field, rank, &inline)
        } else {
            Vec::new()
        };
        if stacked >= 1 && (field_label(&inline).is_ok() || !pairs.is_empty()) {
            fs.fields += stacked;
            // Two labels whose values run together in the next cell are
            // paired where the values part by typography.
            for (f, r, v) in pairs {
                apply(&mut fs, &mut ranks, f, r, &v, &texts, j);
            }
            i = j;
            continue;
        }
        if field == Field::Recommendations {
            let (items, end) = recommendation_lines(&texts, &inline, j);
            if fs.recommendations.is_empty() {
                fs.recommendations = items;
            }
            fs.last_line = fs.last_line.max(end.saturating_sub(1));
            i = end.max(j);
            continue;
        }
        // The value: the rest of the label's line, else the next lines;
        // a wrapped value goes on while its lines are long and unfinished.
        let mut value = inline.clone();
        if value.is_empty() {
            while j < texts.len() && texts[j].is_empty() {
                j += 1;
            }
            if j < texts.len() && label_at(&texts, j).is_none() && !is_section_heading(texts[j]) {
                value = texts[j].to_string();
                j += 1;
            }
        }
        let mut last = value.clone();
        while j < texts.len()
            && wraps(&last)
            && !texts[j].is_empty()
            && label_at(&texts, j).is_none()
            && !is_section_heading(texts[j])
            && !is_list_start(texts[j])
            && !texts[j].contains(" | ")
            && field != Field::Status
        {
            value.push(' ');
            value.push_str(texts[j]);
            last = texts[j].to_string();
            j += 1;
        }
        let mut value = fold(&value);
        if field == Field::Author {
            value = before_follow_on(&value).to_string();
            // More people under the first, each on a line of their own
            // with their post ("Lead Officers: Samantha Rostom, …" /
            // "Patricia Durr, … Business Manager, …").
            let (more, end) = more_people(&texts, j);
            j = end;
            fs.last_line = fs.last_line.max(j.saturating_sub(1));
            // The front sheet has named the writer already: a label in
            // the body's closing contact block does not replace it.
            if !(body_started && fs.author.is_some())
                && apply(&mut fs, &mut ranks, field, rank, &value, &texts, j)
            {
                fs.more_authors = more;
            }
            i = j.max(i + 1);
            continue;
        }
        fs.last_line = fs.last_line.max(j.saturating_sub(1));
        apply(&mut fs, &mut ranks, field, rank, &value, &texts, j);
        i = j.max(i + 1);
    }
    fs
}

/// Whether a line holds only the means to reach a person: an address
/// ("patricia.durr@haringey.co.uk") or a telephone number ("020 8489 1472").
fn reaches(t: &str) -> bool {
    t.contains('@')
        || (t.chars().filter(char::is_ascii_digit).count() >= 6
            && t.split_whitespace().count() <= 6)
}

/// The people a writer's or sender's value goes on to name, one to a
/// line, each line opening with a person's name and their post after a
/// comma or dash ("Sarah Hammond, Corporate Director of Children, Young
/// People" / "and Education"): each as printed, its wrapped lines joined.
/// Lines of contact details between them are passed over. Returns the
/// people and the index after the last line used.
fn more_people(texts: &[&str], from: usize) -> (Vec<String>, usize) {
    let mut people = Vec::new();
    let mut j = from;
    while j < texts.len() {
        let t = texts[j].trim();
        if t.is_empty() || label_at(texts, j).is_some() || is_section_heading(t) {
            break;
        }
        if reaches(t) {
            j += 1;
            continue;
        }
        let with_post = crate::reports::author::person(t)
            .is_some_and(|name| t.len() > name.len() && t[name.len()..].starts_with([',', ' ']));
        if !with_post {
            break;
        }
        let mut printed = t.to_string();
        j += 1;
        // A post wrapped onto lines of its own, each opening in lower case.
        while j < texts.len() && texts[j].trim_start().starts_with(char::is_lowercase) {
            if reaches(texts[j]) {
                break;
            }
            printed.push(' ');
            printed.push_str(texts[j].trim());
            j += 1;
        }
        people.push(fold(printed.trim_end_matches(',')));
    }
    (people, j)
}

/// Set `field` from `value` unless a label of a lower rank set it already;
/// whether it was set.
fn apply(
    fs: &mut FrontSheet,
    ranks: &mut Vec<(Field, u8)>,
    field: Field,
    rank: u8,
    value: &str,
    texts: &[&str],
    after: usize,
) -> bool {
    let better = match ranks.iter().find(|(f, _)| *f == field) {
        Some((_, r)) => rank < *r,
        None => true,
    };
    if !value.is_empty() && better {
        ranks.retain(|(f, _)| *f != field);
        ranks.push((field, rank));
        if field == Field::Author {
            fs.author_rank = Some(rank);
            fs.more_authors.clear();
        }
        set_field(fs, field, value, texts, after);
        return true;
    }
    false
}

/// Two labels stacked in one cell with their values run together in the
/// next ("Report to: Report of: | CABINET COMMITTEE – GROUP COMPANY
/// GOVERNANCE Corporate Director – Finance & Governance"; "Report of: Date
/// of Decision: | Corporate Director, Finance & Governance 13 November
/// 2018"): `first` is the field of the label the line opens with, `inline`
/// the rest. The values part where the capitals of the first end, or where
/// the second label's date begins; where neither parts them, nothing.
fn stacked_pairs(first: Field, first_rank: u8, inline: &str) -> Vec<(Field, u8, String)> {
    let Some((labels, values)) = inline.split_once(" | ") else {
        return Vec::new();
    };
    let labels = labels.trim().trim_end_matches(':').trim();
    // The second label: a known one, or any short phrase before a colon
    // (its value is passed over unless it is a date).
    let second = match field_label(labels) {
        Ok((rest, (f, r))) if rest.trim().is_empty() => (f, r),
        _ if labels.contains(':') || labels.split_whitespace().count() > 4 => return Vec::new(),
        _ if labels.to_ascii_lowercase().contains("date") => (Field::Date, 0),
        _ => (Field::Other, 0),
    };
    let values = values.trim();
    let cut = if second.0 == Field::Date {
        find_date_at(values).map(|(k, _)| k).filter(|&k| k > 0)
    } else {
        capitals_end(values)
    };
    let Some(cut) = cut else {
        return Vec::new();
    };
    let (a, b) = (values[..cut].trim(), values[cut..].trim());
    if a.is_empty() || b.is_empty() {
        return Vec::new();
    }
    vec![
        (first, first_rank, a.to_string()),
        (second.0, second.1, b.to_string()),
    ]
}

/// The byte offset where a run of words in capitals (two or more) gives
/// way to words that are not: "CABINET COMMITTEE – GROUP Corporate
/// Director" -> the offset of "Corporate".
fn capitals_end(s: &str) -> Option<usize> {
    let mut caps = 0;
    let mut at = 0;
    for w in s.split(' ') {
        let lettered = w.chars().any(char::is_alphabetic);
        let upper = !w.chars().any(char::is_lowercase);
        if upper {
            caps += usize::from(lettered);
        } else {
            return (caps >= 2).then_some(at);
        }
        at += w.len() + 1;
    }
    None
}

fn set_field(fs: &mut FrontSheet, field: Field, value: &str, texts: &[&str], after: usize) {
    match field {
        Field::Title => fs.title = Some(value.trim_end_matches('.').to_string()),
        Field::Author => fs.author = Some(value.to_string()),
        Field::Contact => fs.contact = Some(value.to_string()),
        Field::Purpose => fs.purpose = Some(value.to_string()),
        Field::Status => {
            // A status form lists every option with tick boxes the text
            // layer loses: only a single option is a status.
            let options = texts[after..]
                .iter()
                .take_while(|t| t.to_lowercase().starts_with("for "))
                .count();
            let none = value.eq_ignore_ascii_case("n/a") || value.eq_ignore_ascii_case("none");
            if options == 0 && !none {
                fs.status = Some(value.to_string());
            }
        }
        Field::Date => fs.date = find_date(value).or(fs.date.take()),
        Field::Body => {
            let (body, date) = body_and_date(value);
            if fs.date.is_none() {
                fs.date = date;
            }
            if body.is_some() {
                fs.body = body;
            }
        }
        Field::Recommendations | Field::Other => {}
    }
}

/// The recommendations under their label: one string per item, wrapped
/// lines joined; "N/A" and "None" mean there are none. Returns the items and
/// the index after the last line used.
fn recommendation_lines(texts: &[&str], inline: &str, from: usize) -> (Vec<String>, usize) {
    let mut lines: Vec<&str> = Vec::new();
    if !inline.is_empty() {
        lines.push(inline);
    }
    let mut j = from;
    while j < texts.len() && lines.len() < 15 {
        let t = texts[j];
        if t.is_empty() {
            j += 1;
            continue;
        }
        if label_at(texts, j).is_some() || is_section_heading(t) {
            break;
        }
        lines.push(t);
        j += 1;
    }
    let mut items: Vec<String> = Vec::new();
    let mut prev: Option<&str> = None;
    for t in lines {
        let continues = prev
            .is_some_and(|p| wraps(p) && !is_list_start(t) && !p.ends_with(['.', ':', ';']))
            || prev.is_some_and(|_| t.starts_with(char::is_lowercase));
        match items.last_mut() {
            Some(last) if continues => {
                last.push(' ');
                last.push_str(strip_marker(t));
            }
            _ => items.push(strip_marker(t).to_string()),
        }
        prev = Some(t);
    }
    let items: Vec<String> = items
        .into_iter()
        .map(|s| fold(&s))
        .filter(|s| {
            let l = s.to_lowercase();
            !(s.is_empty() || l == "n/a" || l == "none" || l == "not applicable")
        })
        .collect();
    (items, j)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels() {
        let (rest, (f, _)) = field_label("Report Title: Early Help report").unwrap();
        assert_eq!((f, rest.trim()), (Field::Title, "Early Help report"));
        let (rest, (f, _)) = field_label("Report to Haringey Schools Forum – 21 May 2015").unwrap();
        assert_eq!(
            (f, rest.trim()),
            (Field::Body, "Haringey Schools Forum – 21 May 2015")
        );
        assert_eq!(field_label("REPORT FOR:").unwrap().1 .0, Field::Body);
        assert_eq!(
            field_label("3. Recommendations").unwrap().1 .0,
            Field::Recommendations
        );
        assert_eq!(field_label("Author :").unwrap().1 .0, Field::Author);
        assert!(field_label("Reporting back to members").is_err());
        assert!(field_label("Total budget").is_err());
        assert!(field_label("Today we met").is_err());
    }

    /// Kent's education commissioning plan, p1 and p6: two senders under
    /// "From:", the second's post wrapped onto a line of its own; the
    /// "Report Author:" of the contact block after the numbered sections
    /// does not replace them.
    #[test]
    fn two_senders_and_a_closing_contact_block() {
        let texts = [
            "From: | Rory Love, Cabinet Member for Education and Skills",
            "Sarah Hammond, Corporate Director of Children, Young People",
            "and Education",
            "To: | Cabinet – 30 January 2025",
            "Subject: | Commissioning Plan for Education Provision in Kent 2025-29",
            "1. Introduction",
            "1.1 The County Council is the Strategic Commissioner of Education Provision in Kent.",
            "11. Contact details",
            "Report Author: Nick Abrahams Assistant Director Education – West Kent Telephone number 03000 410058",
        ];
        let fs = front_sheet(&texts);
        assert_eq!(
            fs.author.as_deref(),
            Some("Rory Love, Cabinet Member for Education and Skills")
        );
        assert_eq!(fs.author_rank, Some(3));
        assert_eq!(
            fs.more_authors,
            vec!["Sarah Hammond, Corporate Director of Children, Young People and Education"]
        );
        assert_eq!(fs.body.as_deref(), Some("Cabinet"));
        // Without the numbered sections before it, the writer's label is
        // the front sheet's own and wins over the sender.
        let fs = front_sheet(&[texts[0], texts[3], "Report Author: Nick Abrahams"]);
        assert_eq!(fs.author.as_deref(), Some("Nick Abrahams"));
        assert!(fs.more_authors.is_empty());
    }

    #[test]
    fn label_compare_agrees_with_tag_no_case() {
        let inputs = [
            "REPORT TITLE: x",
            "Report Titl",
            "Repört title",
            "report title",
            "",
            "tItLe",
            "\u{2022} Report title",
            "Report\u{2019}s title",
            "\u{2013}title",
            "\u{212A}ey decision",
            "Report for \u{212A}ey/non \u{212A}ey decision: yes",
            "Report for \u{212A}ey/non key decision",
        ];
        for input in inputs {
            let ascii_len = input.bytes().take_while(u8::is_ascii).count();
            for name in [
                "report title",
                "title",
                "key",
                "report for key/non key decision",
            ] {
                let by_tag: IResult<&str, &str> = tag_no_case(name).parse(input);
                assert_eq!(
                    strip_label(input, name, ascii_len),
                    by_tag.ok().map(|(rest, _)| rest),
                    "{input:?} {name:?}"
                );
            }
        }
    }

    /// Birmingham's group company reports: two labels in one cell, their
    /// values run together in the next.
    #[test]
    fn stacked_labels_paired_by_typography() {
        let texts = [
            "BIRMINGHAM CITY COUNCIL PUBLIC REPORT",
            "Report to: Report of: | CABINET COMMITTEE – GROUP COMPANY GOVERNANCE Corporate Director – Finance & Governance",
            "Date of Decision: | 13 November 2018",
            "Subject: | Group Company – Risk Register",
        ];
        let fs = front_sheet(&texts);
        assert_eq!(
            fs.author.as_deref(),
            Some("Corporate Director – Finance & Governance")
        );
        assert_eq!(fs.author_rank, Some(3));
        assert_eq!(
            fs.body.as_deref(),
            Some("Cabinet Committee – Group Company Governance")
        );
        let dated = [
            "Report to: | CABINET COMMITTEE – GROUP COMPANY GOVERNANCE",
            "Report of: Date of Decision: | Corporate Director, Finance & Governance 13 November 2018",
            "SUBJECT: | COUNCIL RELATED COMPANIES",
        ];
        let fs = front_sheet(&dated);
        assert_eq!(
            fs.author.as_deref(),
            Some("Corporate Director, Finance & Governance")
        );
        assert_eq!(fs.date.as_deref(), Some("2018-11-13"));
        // Values that do not part by typography are not guessed at.
        assert!(
            stacked_pairs(Field::Body, 0, "Report of: | Cabinet Corporate Director").is_empty()
        );
    }

    /// Kent's quarterly performance report names the team that made it.
    #[test]
    fn produced_by_names_the_sender() {
        let texts = [
            "Quarterly Performance Report",
            "Produced by: Kent Analytics",
            "E-mail: performance@kent.gov.uk",
        ];
        let fs = front_sheet(&texts);
        assert_eq!(fs.author.as_deref(), Some("Kent Analytics"));
        assert_eq!(fs.author_rank, Some(3));
    }

    #[test]
    fn wrapped_label_and_value() {
        let texts = [
            "Title: Update on recommendations and areas for improvement from the Ofsted Inspection of",
            "services for children in need",
            "Report",
            "authorised by : Jon Abbey, Director",
        ];
        let fs = front_sheet(&texts);
        assert_eq!(
            fs.title.as_deref(),
            Some("Update on recommendations and areas for improvement from the Ofsted Inspection of services for children in need")
        );
        assert_eq!(fs.author.as_deref(), Some("Jon Abbey, Director"));
    }

    #[test]
    fn recommendations_split_and_none() {
        let texts = [
            "Recommendations:",
            "Set performance indicators on spend",
            "Drill down report on out borough placements",
            "1. Report",
        ];
        assert_eq!(
            front_sheet(&texts).recommendations,
            [
                "Set performance indicators on spend",
                "Drill down report on out borough placements"
            ]
        );
        let none = [
            "3. Recommendations",
            "",
            "N/A",
            "",
            "4. Reasons for decision",
            "",
            "N/A",
        ];
        let fs = front_sheet(&none);
        assert!(fs.recommendations.is_empty());
        let numbered = [
            "Recommendations:",
            "1.3. This report is presented for comment",
            "Section 2 – Report",
        ];
        assert_eq!(
            front_sheet(&numbered).recommendations,
            ["This report is presented for comment"]
        );
    }

    #[test]
    fn status_options_are_not_a_status() {
        let texts = [
            "Report Status",
            "For information/note",
            "For decision",
            "Report Title: X",
        ];
        let fs = front_sheet(&texts);
        assert_eq!(fs.status, None);
        assert_eq!(fs.title.as_deref(), Some("X"));
        assert_eq!(
            front_sheet(&["Report Status: For decision"])
                .status
                .as_deref(),
            Some("For decision")
        );
    }

    /// "LABEL: value" lines, a second label after the name on its line.
    #[test]
    fn inline_labels_and_a_follow_on_label() {
        let texts = [
            "Committee Report",
            "KEY DECISION OR FOR INFORMATION: For Information",
            "COMMITTEE: Transport and Connectivity Committee",
            "DATE: 15 May 2025",
            "TITLE: | Workplace Parking Levy Update",
            "Ward(s): Citywide",
            "Officer presenting the report: Adam Crowther Job title: Head of City Transport",
            "Committee Chair: Cllr Ed Plowden",
        ];
        let fs = front_sheet(&texts);
        assert_eq!(fs.title.as_deref(), Some("Workplace Parking Levy Update"));
        assert_eq!(fs.author.as_deref(), Some("Adam Crowther"));
        assert_eq!(
            fs.body.as_deref(),
            Some("Transport and Connectivity Committee")
        );
        assert_eq!(fs.date.as_deref(), Some("2025-05-15"));
        assert_eq!(before_follow_on("Jane Roe, Director"), "Jane Roe, Director");
        assert_eq!(before_follow_on("Role: Chair"), "Role: Chair");
    }

    #[test]
    fn stamp_and_body() {
        let texts = [
            "Haringey Council",
            "Agenda Item",
            "6",
            "Report to Haringey Schools Forum – 21 May 2015",
        ];
        let fs = front_sheet(&texts);
        assert_eq!(fs.agenda_item.as_deref(), Some("6"));
        assert_eq!(fs.date.as_deref(), Some("2015-05-21"));
        assert_eq!(fs.body.as_deref(), Some("Haringey Schools Forum"));
    }
}

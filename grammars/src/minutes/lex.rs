//! Lexemes and page layout of minutes: minute numbers ("7", "7.3",
//! "CAB/23/45", "Minute 12"), the grid header (MINUTE NO. | SUBJECT/DECISION
//! | ACTION BY), the heading that opens the minutes, the line that closes
//! them, and the split of a heading cell into its upper-case title and the
//! text after it.
//!
//! Owns no records: `minutes`, `attendance` and `resolution` build on these.

use crate::input::Page;
use crate::lex::{find_date, minutes_title, MinutesTitle};
use crate::model::DocumentInfo;
use nom::branch::alt;
use nom::bytes::complete::{tag, tag_no_case, take_while1, take_while_m_n};
use nom::character::complete::{char, digit1, space1};
use nom::combinator::{all_consuming, opt, recognize};
use nom::multi::many1;
use nom::sequence::{pair, preceded, terminated};
use nom::{IResult, Parser};

/// One line of a document as the lexing pass gave it: its page, its clean
/// text (HTML fragments removed, whitespace folded), its typography.
pub type FlatLine<'a> = crate::lex::LexedLine<'a>;

/// All lines with words on them of some pages, in reading order.
pub fn flatten(pages: &[Page]) -> Vec<FlatLine<'_>> {
    crate::lex::lex_pages(pages)
        .into_iter()
        .filter(|l| !l.text.is_empty())
        .collect()
}

/// The number in the first column of a minutes grid: "7", "7.", "7.3",
/// "10.1." -> (minute "7", paragraph "7.3" or None). The whole cell must be
/// the number.
pub fn grid_number(input: &str) -> IResult<&str, (String, Option<String>)> {
    let (rest, (minute, subs, _)) = all_consuming((
        digit1,
        nom::multi::many0(preceded(char('.'), digit1)),
        opt(char('.')),
    ))
    .parse(input.trim())?;
    let paragraph = if subs.is_empty() {
        None
    } else {
        let mut p = minute.to_string();
        for s in &subs {
            p.push('.');
            p.push_str(s);
        }
        Some(p)
    };
    Ok((rest, (minute.to_string(), paragraph)))
}

/// The first cell of a grid row as a minute label: a number ("7", "7.3"),
/// a reference ("CAB/23/45") or "Minute 12". The whole cell must be the label.
pub fn grid_label(cell: &str) -> Option<(String, Option<String>)> {
    let cell = cell.trim();
    if let Ok((_, r)) = grid_number(cell) {
        return Some(r);
    }
    if let Ok((_, r)) = all_consuming(reference_number).parse(cell) {
        return Some((r.to_string(), None));
    }
    // A series reference filling the cell: "FGB 38/2021", "LW 48/2122".
    if let Some(n) = crate::lex::lead_number(cell).filter(|n| {
        n.style == crate::lex::NumberStyle::Reference
            && n.rest == cell.len()
            && n.label.contains(' ')
    }) {
        return Some((n.label, None));
    }
    let word = |i| -> IResult<&str, &str> {
        let (rest, n) = minute_word_number(i)?;
        let (rest, _) = opt(char('.')).parse(rest)?;
        Ok((rest, n))
    };
    if let Ok((_, n)) = all_consuming(word).parse(cell) {
        return Some(match n.split_once('.') {
            Some((m, _)) => (m.to_string(), Some(n.to_string())),
            None => (n.to_string(), None),
        });
    }
    None
}

/// A reference number of the kind some councils give minutes:
/// "CAB/23/45", "SF/2015/12", "EX12/24".
pub fn reference_number(input: &str) -> IResult<&str, &str> {
    recognize((
        take_while_m_n(1, 6, |c: char| c.is_ascii_uppercase()),
        opt(digit1),
        many1(preceded(char('/'), digit1)),
    ))
    .parse(input)
}

/// "Minute 12", "Minute No. 12", "MINUTE 12:" -> "12".
pub fn minute_word_number(input: &str) -> IResult<&str, &str> {
    let (rest, _) = tag_no_case("minute").parse(input)?;
    let (rest, _) = opt((space1, tag_no_case("no"), opt(char('.')))).parse(rest)?;
    let (rest, _) = space1(rest)?;
    recognize(pair(digit1, nom::multi::many0(preceded(char('.'), digit1)))).parse(rest)
}

/// A minute reference of three or more dotted parts, the meeting's
/// year and month before the minute's own number: "19.07.05", "18.05.10".
pub fn dotted_reference(input: &str) -> IResult<&str, &str> {
    let (rest, n) = recognize((
        digit1,
        char('.'),
        digit1,
        many1(preceded(char('.'), digit1)),
    ))
    .parse(input)?;
    let (rest, _) = opt(char('.')).parse(rest)?;
    Ok((rest, n))
}

/// The number that opens a minute written as a paragraph: "84. Title",
/// "84 Title", "CAB/23/45 Title", "Minute 12: Title", "19.07.05 Title".
/// Returns the number and the rest of the line after the separator.
pub fn heading_number(input: &str) -> IResult<&str, String> {
    let plain = |i| -> IResult<&str, &str> {
        let (rest, n) = digit1(i)?;
        let (rest, _) = opt(char('.')).parse(rest)?;
        Ok((rest, n))
    };
    let (rest, n) = alt((
        minute_word_number,
        reference_number,
        super::running::year_number,
        dotted_reference,
        plain,
    ))
    .parse(input)?;
    let (rest, _) = opt(alt((tag(":"), tag("-"), tag("–")))).parse(rest)?;
    let (rest, _) = space1(rest)?;
    // A dash set apart between number and title ("86/17 – Date of Next
    // Meeting", "87/17 - Open Forum") separates them as a space does.
    let (rest, _) = opt(terminated(alt((tag("-"), tag("–"))), space1)).parse(rest)?;
    Ok((rest, n.to_string()))
}

/// A numbered paragraph at the start of a line in the paragraph form:
/// "84.1 Text", "7.3. Text" -> ("84", "84.1", rest).
pub fn paragraph_number(input: &str) -> IResult<&str, (String, String)> {
    let (rest, (m, subs)) = (
        digit1,
        many1(preceded(
            char('.'),
            take_while1(|c: char| c.is_ascii_digit()),
        )),
    )
        .parse(input)?;
    let (rest, _) = opt(char('.')).parse(rest)?;
    let (rest, _) = space1(rest)?;
    let mut p = m.to_string();
    for s in subs {
        p.push('.');
        p.push_str(s);
    }
    Ok((rest, (m.to_string(), p)))
}

/// The header row of a minutes grid: "MINUTE NO. | SUBJECT/DECISION | ACTION BY".
pub fn is_grid_header(text: &str) -> bool {
    let up = text.to_uppercase();
    let starts = up.starts_with("MINUTE") || up.starts_with("ITEM") || up.starts_with("NO.");
    // Every word a heading word: capitalised, or a short joining word.
    let heading_words = text.split_whitespace().all(|w| {
        !w.starts_with(|c: char| c.is_lowercase())
            || matches!(
                w.to_lowercase().as_str(),
                "by" | "no." | "no" | "and" | "of"
            )
    });
    starts
        && heading_words
        && (up.contains("ACTION") || up.contains("SUBJECT") || up.contains("DECISION"))
        && text.split_whitespace().count() <= 10
}

/// The heading that opens minutes: "MINUTES OF THE SCHOOLS FORUM MEETING",
/// "Minutes of a meeting of the Cabinet", "MINUTES".
pub fn is_minutes_heading(text: &str) -> bool {
    match minutes_title(text) {
        Some(MinutesTitle::Bare) => true,
        Some(MinutesTitle::Of(rest)) => !rest.is_empty(),
        None => false,
    }
}

/// The line after the last minute: "The meeting closed at 6 pm",
/// "The meeting ended at 8.15pm", "Meeting closed: 9.30".
pub fn is_end_marker(text: &str) -> bool {
    let r: IResult<&str, _> = (
        opt((tag_no_case("the"), space1)),
        tag_no_case("meeting"),
        space1,
        alt((
            tag_no_case("closed"),
            tag_no_case("ended"),
            tag_no_case("finished"),
            tag_no_case("terminated"),
            tag_no_case("concluded"),
        )),
    )
        .parse(text);
    r.is_ok()
}

/// "TONY HARTNEY IN THE CHAIR", "Councillor Smith in the Chair" -> the name.
pub fn in_the_chair(text: &str) -> Option<String> {
    let lower = text.to_lowercase();
    // "The Meeting was Chaired by Kenny Combe.": the name closes the line.
    if let Some(by) = lower.find("chaired by ") {
        let name = text
            .get(by + "chaired by ".len()..)?
            .trim()
            .trim_end_matches('.')
            .trim();
        let words: Vec<&str> = name.split_whitespace().collect();
        let named = !words.is_empty()
            && words.len() <= 4
            && words
                .iter()
                .all(|w| w.starts_with(|c: char| c.is_uppercase()));
        return named.then(|| name.to_string());
    }
    let at = lower.find(" in the chair")?;
    let rest = lower.get(at + " in the chair".len()..)?;
    // Closing punctuation only: a stop, a bracket, or the semicolon that
    // ends the chair's entry before the members' ("Councillor Brigid Jones
    // in the Chair;", Birmingham).
    if !rest
        .trim_matches(|c: char| matches!(c, '.' | ')' | ';' | ',') || c.is_whitespace())
        .is_empty()
    {
        return None;
    }
    let name = text.get(..at)?.trim().trim_start_matches('(').trim();
    if name.is_empty() || name.split_whitespace().count() > 5 {
        return None;
    }
    Some(name.to_string())
}

/// A word that belongs to an upper-case title: it has letters and none of
/// them is lower case ("CHAIR'S", "2015/16" counts only between such words).
fn is_upper_word(w: &str) -> bool {
    w.chars().any(|c| c.is_alphabetic()) && !w.chars().any(|c| c.is_lowercase())
}

fn has_letters(w: &str) -> bool {
    w.chars().any(|c| c.is_alphabetic())
}

/// Split a minute heading cell into its title and the text that follows in
/// the same cell: "CHAIR'S WELCOME The Chair, welcomed everyone" ->
/// ("CHAIR'S WELCOME", "The Chair, welcomed everyone"). An upper-case word
/// just before a lower-case word is the sentence's subject ("BUSINESS SW
/// advised" -> "SW advised"). A heading not in capitals is a title when it
/// is short and has no sentence in it.
pub fn split_title(text: &str) -> (String, String) {
    let words: Vec<&str> = text.split_whitespace().collect();
    // The run of upper-case words (and number-only words between them).
    let mut end = 0;
    let mut i = 0;
    while i < words.len() {
        if is_upper_word(words[i]) {
            i += 1;
            end = i;
        } else if !has_letters(words[i]) && words[i].chars().any(|c| c.is_ascii_digit()) {
            // Numbers belong to the title they follow ("WORKPLAN 2014/15",
            // "HELD ON 15 JANUARY 2015").
            i += 1;
            if end > 0 {
                end = i;
            }
        } else {
            break;
        }
    }
    let title_words = words[..end].iter().filter(|w| has_letters(w)).count();
    if end == words.len() {
        return (text.trim().to_string(), String::new());
    }
    if title_words >= 2
        || (title_words == 1 && words[0].chars().filter(|c| c.is_alphabetic()).count() > 3)
    {
        let next = words[end];
        if end > 1 && next.chars().next().is_some_and(|c| c.is_lowercase()) {
            end -= 1;
        }
        return (words[..end].join(" "), words[end..].join(" "));
    }
    // Not in capitals: a short line with no full stop is a title.
    if words.len() <= 15 && !text.contains(". ") && !text.trim_end().ends_with('.') {
        return (text.trim().to_string(), String::new());
    }
    (String::new(), text.trim().to_string())
}

/// Trim the separators councils put after a title ("PARTIES;-", "ARISING:").
pub fn clean_title(title: &str) -> String {
    title
        .trim()
        .trim_end_matches([':', ';', '-', '–', ',', ' '])
        .trim()
        .to_string()
}

/// How the minutes are set out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Form {
    /// A grid: MINUTE NO. | SUBJECT/DECISION | ACTION BY, one table row per paragraph.
    Grid,
    /// Numbered paragraphs: "84. Title" then text.
    Paragraphs,
}

/// Where the parts of minutes lie in a document's flattened lines.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Layout {
    /// The "MINUTES OF …" heading, or the first line when there is none.
    pub start: usize,
    /// The first line of the minutes proper (the grid header, or the first
    /// minute heading); the attendance list lies between `start` and here.
    pub body_start: usize,
    /// One past the last line of the minutes (the "meeting closed" line or
    /// the end of the document).
    pub body_end: usize,
    pub form: Form,
}

/// The tables (page, table number) headed by a summary of actions: a row
/// with a cell "BY WHOM" ("ITEM | | BY WHOM | BY WHEN").
fn action_table_ids(lines: &[FlatLine]) -> Vec<(u32, Option<u32>)> {
    lines
        .iter()
        .filter(|l| l.line.table.is_some())
        .filter(|l| {
            l.line
                .cells
                .iter()
                .any(|c| c.text.trim().to_uppercase().starts_with("BY WHO"))
        })
        .map(|l| (l.page, l.line.table))
        .collect()
}

/// Find the minutes in a document's lines. A document may also hold an
/// agenda or reports before or after the minutes (a text input is one page).
pub fn layout(lines: &[FlatLine]) -> Option<Layout> {
    let start = lines
        .iter()
        .position(|l| is_minutes_heading(&l.text))
        .unwrap_or(0);
    let end_from = |from: usize| {
        lines[from..]
            .iter()
            .position(|l| is_end_marker(&l.text))
            .map(|k| from + k)
            .unwrap_or(lines.len())
    };
    // A grid is announced by its header row, or (without one) shown by
    // table rows whose first cell is a minute number.
    let header = lines[start..]
        .iter()
        .position(|l| is_grid_header(&l.text))
        .map(|k| start + k);
    // The rows of a summary table of actions ("ITEM | BY WHOM | BY
    // WHEN") carry minute numbers too, but are not minutes.
    let action_tables = action_table_ids(lines);
    let numbered_row = |l: &FlatLine| {
        l.line.table.is_some()
            && l.line
                .cells
                .first()
                .is_some_and(|c| grid_label(&c.text).is_some())
            && l.line.cells.len() >= 2
            && !action_tables.contains(&(l.page, l.line.table))
    };
    let has_heading = lines
        .get(start)
        .is_some_and(|l| is_minutes_heading(&l.text));
    let headerless = || {
        let numbered: Vec<&FlatLine> = lines[start..].iter().filter(|l| numbered_row(l)).collect();
        let first = lines[start..]
            .iter()
            .position(numbered_row)
            .map(|k| start + k)?;
        // A numbered minute heading set as a paragraph before the first
        // numbered row: the table lies inside a minute (a list of
        // speakers "01 | Name | Title"), the minutes are paragraphs.
        let minute_before = lines[start..first].iter().any(is_paragraph_heading);
        // Numbered tables are common in reports: only under a minutes
        // heading, or (minutes with no heading, a governors' grid
        // headed by the school's name) where three rows of three cells
        // or more number one after another ("FGB 38/2021", "FGB
        // 39/2021", "FGB 40/2021").
        let consecutive = || {
            let keys: Vec<u64> = numbered
                .iter()
                .filter(|l| l.line.cells.len() >= 3)
                .filter_map(|l| grid_label(&l.line.cells[0].text))
                .filter_map(|(n, _)| super::order_key(&n))
                .collect();
            keys.windows(3)
                .any(|w| w[1] == w[0] + 1 && w[2] == w[1] + 1)
        };
        ((has_heading || consecutive()) && numbered.len() >= 3 && !minute_before).then_some(first)
    };
    if let Some(h) = header.or_else(headerless) {
        // The header's own cells show the grid too: "Items | Action" a
        // gutter apart over minutes whose prose runs across the page, the
        // Action column holding only owners' initials here and there.
        let has_rows = lines[h].line.cells.len() >= 2
            || lines[h..].iter().take(6).any(|l| l.line.table.is_some());
        if has_rows {
            let mut body_end = end_from(h);
            // Without a closing line the grid ends after its last row,
            // unless minute headings set as lines of their own come between
            // its rows ("2. Apologies for Absence" in an "Items | Action"
            // grid): then the headings after the last row are minutes too.
            if body_end == lines.len() {
                let last_row = lines
                    .iter()
                    .rposition(|l| l.line.table.is_some())
                    .map(|k| k + 1)
                    .unwrap_or(lines.len());
                let interleaved = lines[h..last_row]
                    .iter()
                    .any(|l| l.line.table.is_none() && is_paragraph_heading(l));
                if !interleaved {
                    body_end = last_row;
                }
            }
            return Some(Layout {
                start,
                body_start: h,
                body_end,
                form: Form::Grid,
            });
        }
    }
    // Without a heading, numbered paragraphs are minutes only where
    // something in them is resolved or agreed (a report's numbered
    // sections are not minutes).
    let heading = has_heading;
    let decides = |l: &FlatLine| {
        ["RESOLVED", "Resolved", "AGREED", "Agreed:", "DECIDED"]
            .iter()
            .any(|w| l.text.contains(w))
    };
    // A run of number/year minute numbers ("70/17", "71/17", "72/17")
    // is minutes' numbering as a run of headings is.
    if !heading
        && !lines.iter().any(decides)
        && !reference_headings(lines)
        && !heading_run(lines)
        && super::running::year_run(lines).is_none()
    {
        return None;
    }
    // The paragraph form: the first line after the heading that opens a
    // minute with a number and a title.
    let run = reference_run(lines);
    let first = lines
        .iter()
        .enumerate()
        .skip(start + 1)
        .find(|(_, l)| is_heading_text(l, &heading_text(l, run.as_deref()), run.as_deref()))
        .map(|(k, _)| k)?;
    // A minute in a table row before the first bold heading opens the body.
    let first = sequence_rows(lines, run.as_deref())
        .into_iter()
        .find(|k| *k > start)
        .map_or(first, |k| k.min(first));
    Some(Layout {
        start,
        body_start: first,
        body_end: end_from(first),
        form: Form::Paragraphs,
    })
}

/// Three or more bold headings numbered by dotted references with one
/// prefix ("19.09.01", "19.09.02", …): minutes numbered by meeting, which
/// a report's sections are not.
fn reference_headings(lines: &[FlatLine]) -> bool {
    let mut prefixes: Vec<&str> = lines
        .iter()
        .filter(|l| is_paragraph_heading(l))
        .filter_map(|l| dotted_reference(&l.text).ok())
        .filter_map(|(_, n)| n.rsplit_once('.').map(|(p, _)| p))
        .collect();
    prefixes.sort_unstable();
    prefixes.chunk_by(|a, b| a == b).any(|run| run.len() >= 3)
}

/// Three or more headings set as headings (a markup heading, or bold)
/// numbered one after another ("## 1. Minutes of Previous Meeting", "## 2.
/// Ayton Castle", "## 3. …"): minutes whose title line names no minutes
/// and whose decisions are told in prose. The minutes grammar reads only
/// documents typed as minutes, so such a run is their minutes.
fn heading_run(lines: &[FlatLine]) -> bool {
    let mut last: Option<u32> = None;
    let mut run = 0;
    for l in lines {
        if l.line.heading.is_none() && !l.line.bold {
            continue;
        }
        let Ok((rest, n)) = heading_number(&l.text) else {
            continue;
        };
        let Ok(n) = n.parse::<u32>() else {
            continue;
        };
        if split_title(rest).0.is_empty() {
            continue;
        }
        run = if last.is_some_and(|p| p + 1 == n) {
            run + 1
        } else {
            1
        };
        last = Some(n);
        if run >= 3 {
            return true;
        }
    }
    false
}

/// How a minute heading's number is closed: the character after it
/// ("84. Title" -> '.', "84 Title" -> ' ', "Minute 12: Title" -> ':').
pub fn number_mark(text: &str) -> Option<char> {
    let (rest, _) = heading_number(text).ok()?;
    let head = &text[..text.len() - rest.len()];
    // The mark is what closes the number itself: a dash set apart after
    // a space ("86/17 – Date") is a separator, as the space before it.
    let head = head.trim_end();
    let head = match head.strip_suffix(['-', '–']) {
        Some(h) if h.ends_with(' ') => h.trim_end(),
        _ => head,
    };
    head.chars()
        .last()
        .filter(|c| !c.is_alphanumeric())
        .or(Some(' '))
}

/// A line that opens a minute in the paragraph form: a number, then a title
/// that is bold, in capitals, or short without a full stop.
///
/// A dotted reference ("19.07.05 Minutes") opens a minute only where it is
/// set in bold as a heading: in plain text "3.1.2" numbers a paragraph.
pub fn is_paragraph_heading(l: &FlatLine) -> bool {
    is_heading_text(l, &l.text, None)
}

/// The meeting part of a run of minute references: the prefix ("21.01")
/// that three or more lines share, each opening with a dotted reference of
/// three parts or more followed by a short title ("21.01.02 Register of
/// Interests", "21.01.03 Minutes", …). Minutes numbered by meeting set out
/// this way are headed by their numbers even where the headings are in body
/// type (underlined, which the text layer does not keep).
pub fn reference_run(lines: &[FlatLine]) -> Option<String> {
    let mut counts: Vec<(&str, usize)> = Vec::new();
    for l in lines {
        if l.line.table.is_some() {
            continue;
        }
        let Ok((rest, n)) = dotted_reference(&l.text) else {
            continue;
        };
        let titled = rest.starts_with(' ')
            && rest.trim_start().starts_with(char::is_uppercase)
            && !split_title(rest.trim_start()).0.is_empty();
        let Some((prefix, _)) = n.rsplit_once('.') else {
            continue;
        };
        if !titled {
            continue;
        }
        match counts.iter_mut().find(|(p, _)| *p == prefix) {
            Some(e) => e.1 += 1,
            None => counts.push((prefix, 1)),
        }
    }
    // The most used prefix; the first seen among equals.
    let mut best: Option<(&str, usize)> = None;
    for (p, n) in counts {
        if best.is_none_or(|(_, m)| n > m) {
            best = Some((p, n));
        }
    }
    best.filter(|(_, n)| *n >= 3)
        .map(|(p, _)| p.to_string())
        .or_else(|| super::running::year_run(lines))
}

/// A reference of the run `prefix` that the text layer split with a space
/// ("21.0 1.01 Election of Chair" for "21.01.01"): the line with the space
/// taken out, where the joined line opens with `prefix` and a dot.
pub fn rejoined_reference(text: &str, prefix: &str) -> Option<String> {
    let lead = format!("{prefix}.");
    if text.starts_with(&lead) {
        return None;
    }
    let head_end = text
        .char_indices()
        .find(|&(i, c)| i > 0 && c == ' ' && text[..i].contains(' '))
        .map(|(i, _)| i)?;
    let head = &text[..head_end];
    if !head
        .chars()
        .all(|c| c.is_ascii_digit() || c == '.' || c == ' ')
    {
        return None;
    }
    let joined = format!("{}{}", head.replace(' ', ""), &text[head_end..]);
    (joined.starts_with(&lead) && dotted_reference(&joined).is_ok()).then_some(joined)
}

/// The text a line's minute heading is read from: the line's own, or it
/// rejoined where the text layer split a reference of the run.
pub fn heading_text<'a>(l: &'a FlatLine, run: Option<&str>) -> std::borrow::Cow<'a, str> {
    match run.and_then(|p| rejoined_reference(&l.text, p)) {
        Some(t) => std::borrow::Cow::Owned(t),
        None => std::borrow::Cow::Borrowed(&*l.text),
    }
}

/// `is_paragraph_heading` for `text` (the line's text, or it rejoined by
/// `rejoined_reference`), where `run` is the document's `reference_run`: a
/// reference of that run opens a minute in body type too.
pub fn is_heading_text(l: &FlatLine, text: &str, run: Option<&str>) -> bool {
    let Ok((rest, _)) = heading_number(text) else {
        return false;
    };
    let dotted = dotted_reference(text).is_ok();
    let of_run = run.is_some_and(|p| {
        text.strip_prefix(p)
            .is_some_and(|t| t.starts_with('.') && l.line.table.is_none())
    });
    if dotted && !l.line.bold && !of_run {
        return false;
    }
    // A numbered row of a table set in body type ("07 | Imogen Griffin |
    // Bus Gate at Pile Marsh", a list of speakers) is a row, not a heading.
    if l.line.table.is_some() && !l.line.bold {
        return false;
    }
    if !dotted && paragraph_number(text).is_ok() {
        return false;
    }
    let words: Vec<&str> = rest.split_whitespace().collect();
    let capital = |w: &str| w.chars().next().is_some_and(|c| c.is_uppercase());
    // A bold title may open with the year it covers ("11 2024/25 P3
    // Finance Forecast Report"): the word after the year is its capital.
    let opens_with_year =
        l.line.bold && words.len() >= 2 && is_year_span(words[0]) && capital(words[1]);
    if words.is_empty() || !(capital(words[0]) || opens_with_year) {
        return false;
    }
    // "15 May 2025 at 4.30 pm" under the title is the meeting's date.
    if crate::lex::long_date(text).is_ok() {
        return false;
    }
    let (title, _) = split_title(rest);
    // A number of a number/year run ("/17") opens a minute whose title
    // runs on into its text ("71/17 Declaration of Interest on agenda
    // items No declarations were made.").
    let of_year_run = run.is_some_and(|p| {
        p.starts_with('/') && super::running::year_number(text).is_ok_and(|(_, n)| n.ends_with(p))
    });
    l.line.bold || !title.is_empty() || of_year_run
}

/// A year or a span of years as a title's first word: "2025", "2024/25",
/// "2025-26".
fn is_year_span(w: &str) -> bool {
    let (first, second) = match w.split_once(['/', '-', '–']) {
        Some((a, b)) => (a, Some(b)),
        None => (w, None),
    };
    let digits = |s: &str, n: std::ops::RangeInclusive<usize>| {
        n.contains(&s.len()) && s.chars().all(|c| c.is_ascii_digit())
    };
    digits(first, 4..=4)
        && (first.starts_with("19") || first.starts_with("20"))
        && second.is_none_or(|s| digits(s, 2..=4))
}

/// Numbered table rows set in body type that carry on the numbering of the
/// bold minute headings around them: a minute whose title runs on into
/// its text in one cell ("52 | Apologies for Absence Cllrs Ives, Ward and
/// Ellis." before the bold "54 Minutes of the Previous Meeting"; "57 |
/// Defibrillators Committee considered …" between 55 and 59; "19.07.05
/// Planning Application Amendments …" between 19.07.04 and 19.07.07, read
/// as a table from its right-aligned amounts). A row whose number a bold
/// heading also bears ("07 | Julie Levers", a speaker in minute 6 before
/// minute 7) is a row of a list. Indices into `lines`.
pub fn sequence_rows(lines: &[FlatLine], run: Option<&str>) -> Vec<usize> {
    let number = |l: &FlatLine| -> Option<SequenceNumber> {
        let (rest, n) = heading_number(&l.text).ok()?;
        rest.trim_start()
            .starts_with(char::is_uppercase)
            .then(|| SequenceNumber::read(&n))?
    };
    let headings: Vec<(usize, SequenceNumber)> = lines
        .iter()
        .enumerate()
        .filter(|(_, l)| l.line.bold && is_heading_text(l, &heading_text(l, run), run))
        .filter_map(|(k, l)| Some((k, number(l)?)))
        .collect();
    if headings.len() < 2 {
        return Vec::new();
    }
    let borne: std::collections::HashSet<&SequenceNumber> = headings.iter().map(|h| &h.1).collect();
    let mut out = Vec::new();
    for (k, l) in lines.iter().enumerate() {
        if l.line.table.is_none() || l.line.bold || l.line.cells.len() < 2 {
            continue;
        }
        let Some(n) = number(l) else {
            continue;
        };
        if borne.contains(&n) {
            continue;
        }
        // The headings are in line order: the ones either side of `k`.
        let at = headings.partition_point(|h| h.0 < k);
        let before = at.checked_sub(1).map(|b| &headings[b].1);
        let after = headings.get(at).map(|h| &h.1);
        let in_order = match (before, after) {
            (Some(b), Some(a)) => b.precedes(&n) && n.precedes(a),
            // Before the first bold heading, just before it in number.
            (None, Some(a)) => n.precedes(a) && a.value - n.value <= 3,
            _ => false,
        };
        if in_order {
            out.push(k);
        }
    }
    out
}

/// A minute number read for its place in a sequence: "57" is 57, and
/// "19.07.05" is 5 after the prefix "19.07".
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
struct SequenceNumber {
    prefix: String,
    value: u32,
}

impl SequenceNumber {
    fn read(n: &str) -> Option<SequenceNumber> {
        let (prefix, last) = n.rsplit_once('.').unwrap_or(("", n));
        if !prefix.chars().all(|c| c.is_ascii_digit() || c == '.') {
            return None;
        }
        Some(SequenceNumber {
            prefix: prefix.to_string(),
            value: last.parse().ok()?,
        })
    }

    /// Whether this comes before `other` in the same sequence.
    fn precedes(&self, other: &SequenceNumber) -> bool {
        self.prefix == other.prefix && self.value < other.value
    }
}

/// The meeting date: the first date in the few lines after the heading,
/// else the document's date.
pub fn meeting_date(lines: &[FlatLine], layout: &Layout, info: &DocumentInfo) -> Option<String> {
    let end = layout.body_start.min(lines.len());
    lines[layout.start.min(end)..end]
        .iter()
        .take(4)
        .find_map(|l| find_date(&l.text))
        .or_else(|| info.date.clone())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn grid_numbers() {
        assert_eq!(grid_number("7").unwrap().1, ("7".into(), None));
        assert_eq!(grid_number("7.").unwrap().1, ("7".into(), None));
        assert_eq!(
            grid_number("7.3").unwrap().1,
            ("7".into(), Some("7.3".into()))
        );
        assert_eq!(
            grid_number("10.1.").unwrap().1,
            ("10".into(), Some("10.1".into()))
        );
        assert!(grid_number("").is_err());
        assert!(grid_number("7 a").is_err());
        assert!(grid_number("Resolved").is_err());
    }

    #[test]
    fn grid_labels() {
        assert_eq!(grid_label("7.3"), Some(("7".into(), Some("7.3".into()))));
        assert_eq!(grid_label("CAB/23/45"), Some(("CAB/23/45".into(), None)));
        assert_eq!(grid_label("Minute 12"), Some(("12".into(), None)));
        assert_eq!(
            grid_label("Minute 12.2"),
            Some(("12".into(), Some("12.2".into())))
        );
        assert_eq!(grid_label("Resolved"), None);
        assert_eq!(grid_label(""), None);
    }

    #[test]
    fn reference_and_word_numbers() {
        assert_eq!(
            reference_number("CAB/23/45 Budget").unwrap(),
            (" Budget", "CAB/23/45")
        );
        assert_eq!(reference_number("EX12/24").unwrap().1, "EX12/24");
        assert!(reference_number("CAB 23").is_err());
        assert_eq!(minute_word_number("Minute 12: x").unwrap().1, "12");
        assert_eq!(minute_word_number("MINUTE NO. 12").unwrap().1, "12");
    }

    #[test]
    fn heading_numbers() {
        assert_eq!(
            heading_number("84. Declarations").unwrap(),
            ("Declarations", "84".into())
        );
        assert_eq!(heading_number("84 Declarations").unwrap().1, "84");
        assert_eq!(heading_number("CAB/23/45 Budget").unwrap().1, "CAB/23/45");
        assert_eq!(heading_number("70/17 Apologies").unwrap().1, "70/17");
        assert!(heading_number("7/2 Apologies").is_err());
        assert_eq!(
            heading_number("Minute 12: Budget").unwrap(),
            ("Budget", "12".into())
        );
        assert!(heading_number("84.1 Text").is_err());
        // West Dereham PC, 1 June 2017: the dash set apart between the
        // number and the title, on the last two minutes only.
        assert_eq!(
            heading_number("86/17 – Date of Next Meeting – Thursday 6th July").unwrap(),
            ("Date of Next Meeting – Thursday 6th July", "86/17".into())
        );
        assert_eq!(
            heading_number("87/17 - Open Forum").unwrap(),
            ("Open Forum", "87/17".into())
        );
        assert_eq!(
            number_mark("87/17 - Open Forum"),
            number_mark("70/17 Apologies")
        );
        assert_eq!(number_mark("5- Budget"), Some('-'));
        assert_eq!(
            paragraph_number("84.1 The Committee").unwrap().1,
            ("84".into(), "84.1".into())
        );
    }

    #[test]
    fn dotted_references_and_number_marks() {
        assert_eq!(
            heading_number("19.07.05 Planning Application Amendments")
                .unwrap()
                .1,
            "19.07.05"
        );
        assert_eq!(
            heading_number("1.05.8 Contract of Employment").unwrap().1,
            "1.05.8"
        );
        assert!(dotted_reference("84.1 The Committee").is_err());
        assert_eq!(number_mark("84. Apologies"), Some('.'));
        assert_eq!(number_mark("1 Welcome, Introductions"), Some(' '));
        assert_eq!(number_mark("Minute 12: Budget"), Some(':'));
        assert_eq!(number_mark("The Chair"), None);
    }

    #[test]
    fn headers_headings_and_closing_lines() {
        assert!(is_grid_header("MINUTE NO. SUBJECT/DECISION ACTION BY"));
        assert!(!is_grid_header(
            "Minute 12: the decision was deferred and no action taken"
        ));
        assert!(is_minutes_heading("MINUTES OF THE SCHOOLS FORUM MEETING"));
        assert!(is_minutes_heading("Minutes"));
        assert!(!is_minutes_heading(
            "4. MINUTES OF THE MEETINGS OF 25 FEBRUARY 2015"
        ));
        assert!(!is_minutes_heading("Minutes late"));
        assert!(is_end_marker("The meeting closed at 6 pm"));
        assert!(is_end_marker("Meeting ended: 9.30pm"));
        assert!(!is_end_marker("The meeting noted the report"));
        assert_eq!(
            in_the_chair("TONY HARTNEY IN THE CHAIR").as_deref(),
            Some("TONY HARTNEY")
        );
        assert_eq!(
            in_the_chair("(Councillor Smith in the Chair)").as_deref(),
            Some("Councillor Smith")
        );
        assert_eq!(in_the_chair("who was in the chair at the time"), None);
        // Birmingham City Council, Cabinet Committee notes, 18 September
        // 2018: the chair's entry closed by a semicolon.
        assert_eq!(
            in_the_chair("Councillor Brigid Jones in the Chair;").as_deref(),
            Some("Councillor Brigid Jones")
        );
        assert_eq!(in_the_chair("Cllr A in the Chair; Cllr B then spoke"), None);
        // Ayton Community Council, 6 July 2021.
        assert_eq!(
            in_the_chair("The Meeting was Chaired by Kenny Combe.").as_deref(),
            Some("Kenny Combe")
        );
        assert_eq!(in_the_chair("The item was chaired by the vice chair"), None);
    }

    #[test]
    fn layouts_found() {
        let pages = crate::input::from_text(
            "AGENDA\n4. MINUTES OF THE LAST MEETING\nMINUTES OF THE FORUM\n3 March 2016\nPresent: A B\nMINUTE NO.\tSUBJECT\tACTION BY\n1.\tWELCOME\t\nThe meeting closed at 6 pm\nReport",
        );
        let lines = flatten(&pages);
        let l = layout(&lines).expect("grid");
        assert_eq!(
            (l.start, l.body_start, l.body_end, l.form),
            (2, 5, 7, Form::Grid)
        );
        let info = DocumentInfo::default();
        assert_eq!(
            meeting_date(&lines, &l, &info).as_deref(),
            Some("2016-03-03")
        );
        let pages = crate::input::from_text("Minutes\n12. Budget\nRESOLVED that it be noted.");
        let lines = flatten(&pages);
        let l = layout(&lines).expect("paragraphs");
        assert_eq!((l.start, l.body_start, l.form), (0, 1, Form::Paragraphs));
        // Markdown minutes with no "Minutes of" title and decisions told in
        // prose (Ayton Community Council, 2026): numbered headings one
        // after another are the minutes.
        let pages = crate::from_markdown(
            "# Minutes for meeting held Tuesday 5 May 2026\n\n## 1. Minutes of Previous Meeting\n\nTwo change was suggested.\n\n## 2. Ayton Castle\n\nIt was agreed that the meeting should be for village residents only.\n\n## 3. Planning\n\nNo Planning applications were received.\n",
        );
        let l = layout(&flatten(&pages)).expect("numbered headings");
        assert_eq!(l.form, Form::Paragraphs);
        // Numbered report sections with nothing resolved are not minutes.
        let pages = crate::input::from_text("1. Introduction\n2. Background\nThe report sets out.");
        assert_eq!(layout(&flatten(&pages)), None);
    }

    #[test]
    fn titles_split_from_text() {
        assert_eq!(
            split_title("CHAIR'S WELCOME The Chair, welcomed everyone to the meeting."),
            (
                "CHAIR'S WELCOME".into(),
                "The Chair, welcomed everyone to the meeting.".into()
            )
        );
        assert_eq!(
            split_title("ANY OTHER URGENT BUSINESS SW advised the Forum"),
            (
                "ANY OTHER URGENT BUSINESS".into(),
                "SW advised the Forum".into()
            )
        );
        assert_eq!(
            split_title("THE SCHOOLS 2015/16 INTERNAL AUDIT PROGRAMME"),
            (
                "THE SCHOOLS 2015/16 INTERNAL AUDIT PROGRAMME".into(),
                String::new()
            )
        );
        assert_eq!(
            split_title("DATE OF FUTURE MEETINGS • 21 May 2015"),
            ("DATE OF FUTURE MEETINGS".into(), "• 21 May 2015".into())
        );
        assert_eq!(
            split_title("WORKPLAN 2014/15 The updated workplan"),
            ("WORKPLAN 2014/15".into(), "The updated workplan".into())
        );
        assert_eq!(
            split_title("Budget Monitoring Report"),
            ("Budget Monitoring Report".into(), String::new())
        );
        assert_eq!(
            split_title("The Committee considered the report. It was noted."),
            (
                String::new(),
                "The Committee considered the report. It was noted.".into()
            )
        );
        assert_eq!(
            clean_title("MEMBERSHIP AND FEEDBACK FROM WORKING PARTIES;-"),
            "MEMBERSHIP AND FEEDBACK FROM WORKING PARTIES"
        );
    }
}

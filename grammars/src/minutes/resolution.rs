//! Resolutions inside a minute: "Resolved:", "RESOLVED that", "AGREED:", "It
//! was resolved that", their numbered, lettered and roman sub-items and vote
//! notes ("(One abstention)", "carried unanimously"); and agreements a minute
//! records without a formal resolution ("The Forum agreed …", "It was agreed
//! that …", "… were agreed as a correct record").
//! Called by `minutes` on a paragraph's text; owns no minute structure.

use crate::lex::sentence_spans;
use nom::branch::alt;
use nom::bytes::complete::{tag, tag_no_case, take_while_m_n};
use nom::character::complete::{char, digit1, space0, space1};
use nom::combinator::{eof, opt, peek, recognize, verify};
use nom::sequence::{delimited, terminated};
use nom::{IResult, Parser};
use regex::Regex;
use std::sync::LazyLock;

/// A resolution found in a paragraph's text.
#[derive(Debug, Clone, PartialEq)]
pub struct Found {
    /// Byte offsets of the resolution in the paragraph's text.
    pub start: usize,
    pub end: usize,
    /// The words that mark it, as printed.
    pub marker: String,
    pub items: Vec<String>,
    pub votes: Vec<String>,
    /// Its text as printed (from the marker on).
    pub text: String,
}

/// What follows "Resolved" to make it a marker: ":-", ":", "-", "–" or "that".
fn marker_tail(input: &str) -> IResult<&str, &str> {
    alt((
        recognize((
            space0,
            alt((
                tag(":-"),
                tag(":–"),
                tag(":"),
                tag("–"),
                tag("—"),
                tag(" -"),
            )),
        )),
        recognize((
            space1,
            tag_no_case("that"),
            opt(alt((tag(":-"), tag(":"), tag(";")))),
            peek(alt((recognize(space1), eof))),
        )),
    ))
    .parse(input)
}

/// "Resolved:", "Resolved:-", "RESOLVED that", "RESOLVED" (capitals need no
/// tail), "Resolved to", "It was resolved that", "AGREED:", "Agreed:", "DECIDED:",
/// "APPROVED:", and "It was APPROVED", "It was AGREED that;" (the decision
/// word in capitals is the formal marker, as "RESOLVED" is).
pub fn resolved_marker(input: &str) -> IResult<&str, &str> {
    let it_was = recognize((
        tag_no_case("it was"),
        space1,
        opt(terminated(
            alt((
                tag_no_case("further"),
                tag_no_case("also"),
                tag_no_case("unanimously"),
            )),
            space1,
        )),
        alt((
            recognize((tag_no_case("resolved"), marker_tail)),
            recognize((
                alt((tag("APPROVED"), tag("AGREED"), tag("DECIDED"))),
                // "It was APPROVED;" closes its words with a semicolon too.
                opt(alt((marker_tail, tag(";")))),
                peek(alt((recognize(space1), eof, recognize(char('('))))),
            )),
        )),
    ));
    let resolved = recognize((tag_no_case("resolved"), marker_tail));
    let capitals = recognize((
        alt((
            tag("RESOLVED"),
            tag("AGREED"),
            tag("DECIDED"),
            tag("APPROVED"),
        )),
        opt(marker_tail),
        peek(alt((recognize(space1), eof, recognize(char('('))))),
    ));
    let capitalised = recognize((alt((tag("Agreed"), tag("Decided"))), marker_tail));
    // "Resolved to pay both": the capital opens a decision without "that".
    let resolved_to = recognize((tag("Resolved"), space1, tag("to"), peek(space1)));
    alt((it_was, resolved, capitals, capitalised, resolved_to)).parse(input)
}

/// The kind of a list's numbering.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Style {
    Number,
    Letter,
    Roman,
}

/// How a list number is written: "(a)", "a)" or "a.".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Form {
    Parens,
    Close,
    Dot,
}

const ROMANS: [&str; 12] = [
    "i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi", "xii",
];

fn roman_value(s: &str) -> Option<u32> {
    let l = s.to_ascii_lowercase();
    ROMANS.iter().position(|r| *r == l).map(|p| p as u32 + 1)
}

/// The label inside a list number: "12", "b", "iv".
fn label(input: &str) -> IResult<&str, &str> {
    alt((
        verify(digit1, |d: &str| d.len() <= 2),
        take_while_m_n(1, 4, |c: char| c.is_ascii_lowercase()),
    ))
    .parse(input)
}

/// A list number: "1.", "1)", "(1)", "(a)", "a)", "a.", "(iv)", "iv)".
/// Returns the label and how it is written.
pub fn list_marker(input: &str) -> IResult<&str, (&str, Form)> {
    let (rest, (l, form)) = alt((
        delimited(char('('), label, char(')')).map(|l| (l, Form::Parens)),
        terminated(label, char(')')).map(|l| (l, Form::Close)),
        terminated(label, char('.')).map(|l| (l, Form::Dot)),
    ))
    .parse(input)?;
    // Followed by a space or the end, so "i.e." and "1.5" are not numbers.
    let (rest, _) = peek(alt((recognize(space1), eof))).parse(rest)?;
    Ok((rest, (l, form)))
}

/// The value of a label in a style: "c" is 3 as a letter, "iii" is 3 as a
/// roman number.
fn value(label: &str, style: Style) -> Option<u32> {
    match style {
        Style::Number => label.parse().ok(),
        Style::Letter if label.len() == 1 => label
            .chars()
            .next()
            .filter(|c| c.is_ascii_lowercase())
            .map(|c| c as u32 - 'a' as u32 + 1),
        Style::Letter => None,
        Style::Roman => roman_value(label),
    }
}

/// Whether a list number may start at byte `p` of `text`: at a word start,
/// after the end of a sentence or clause, or after "and"/"or".
fn boundary_ok(text: &str, p: usize) -> bool {
    let before = &text[..p];
    if before.trim().is_empty() {
        return true;
    }
    if !before.ends_with(char::is_whitespace) {
        return false;
    }
    let t = before.trim_end();
    if t.ends_with(['.', ';', ':', ')', '-', '–', '"', '”', '’', '\'']) {
        return true;
    }
    let last = t.rsplit(char::is_whitespace).next().unwrap_or("");
    matches!(last.to_ascii_lowercase().as_str(), "and" | "or" | "that")
}

/// Whether the text after a "1." is the start of an item (a capital, a
/// digit, a bracket or a quote), so "Table 3. (One" still counts and "p. 3"
/// does not.
fn item_start_ok(rest: &str, form: Form) -> bool {
    if form != Form::Dot {
        return true;
    }
    rest.trim_start()
        .chars()
        .next()
        .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit() || "(£'\"‘“".contains(c))
}

/// A list number found in a text: where it starts, where its item starts,
/// its label and how it is written.
struct Marker<'a> {
    at: usize,
    content: usize,
    label: &'a str,
    form: Form,
    /// It follows a word mid-sentence ("… - agreed b. Collective …"),
    /// where only a later letter of a list already begun may stand.
    loose: bool,
    /// It opens a printed line.
    line_start: bool,
}

/// Every list number in `text` that stands where one may start
/// (`boundary_ok`, or at the start of a printed line: `lines` holds the
/// byte offsets where the text's lines start), in order: found once, then
/// searched by style, form and value.
fn list_markers<'a>(text: &'a str, lines: &[usize]) -> Vec<Marker<'a>> {
    let mut out = Vec::new();
    for (i, c) in text.char_indices() {
        // A list number opens with a bracket, a digit or a small letter.
        if !(c == '(' || c.is_ascii_digit() || c.is_ascii_lowercase()) {
            continue;
        }
        // A number opening a printed line opens an item whatever ends the
        // line before it ("… within the approved budget parameters" / "ii)
        // Note the details …").
        let line_start = lines.binary_search(&i).is_ok();
        let strict = line_start || boundary_ok(text, i);
        // "That the Committee for Transport and Connectivity 1. Approved
        // …": a list's first number straight after the name of the body
        // its lead-in gives, with no colon.
        let after_name = c == '1'
            && text[..i].ends_with(' ')
            && text[..i].split_whitespace().next_back().is_some_and(|w| {
                w.starts_with(|c: char| c.is_uppercase()) && w.chars().all(char::is_alphabetic)
            });
        if !(strict || after_name || (c.is_ascii_lowercase() && text[..i].ends_with(' '))) {
            continue;
        }
        if let Ok((rest, (label, form))) = list_marker(&text[i..]) {
            out.push(Marker {
                at: i,
                content: text.len() - rest.len(),
                label,
                form,
                loose: !strict,
                line_start,
            });
        }
    }
    out
}

/// Find the next list number at or after byte `from` with this style and
/// form and value.
fn find_number(
    markers: &[Marker<'_>],
    text: &str,
    from: usize,
    style: Style,
    form: Form,
    want: u32,
) -> Option<(usize, usize)> {
    find_marker(markers, text, from, style, form, want).map(|m| (m.at, m.content))
}

fn find_marker<'m, 'a>(
    markers: &'m [Marker<'a>],
    text: &str,
    from: usize,
    style: Style,
    form: Form,
    want: u32,
) -> Option<&'m Marker<'a>> {
    let first = markers.partition_point(|m| m.at < from);
    markers[first..].iter().find(|m| {
        m.form == form
            && (!m.loose
                || (style == Style::Letter && want >= 2 && form != Form::Parens)
                || (style == Style::Number && want == 1 && form == Form::Dot))
            && value(m.label, style) == Some(want)
            && item_start_ok(&text[m.content..], m.form)
    })
}

/// Split a resolution's body into its items. A list numbered "1.", "(a)" or
/// "(i)" gives one item per number, found in sequence so that "Table 3." in
/// an item does not cut it; text before the first number joins the first
/// item; no list gives one item.
pub fn split_items(body: &str) -> Vec<String> {
    split_items_at(body, &[])
}

/// `split_items` where `lines` holds the byte offsets in `body` at which
/// its printed lines start: a number opening a line opens an item after
/// any words, and one number left out of the sequence there ("4." then
/// "6.", a recommendation not approved) does not end the list.
pub fn split_items_at(body: &str, lines: &[usize]) -> Vec<String> {
    // A list read one item to a line (`LINE_ITEM`) that found one line
    // only is no list: its mark is a space (the lines after it move back).
    let unmarked;
    let mut shifted = Vec::new();
    let (body, lines) = match body.find(LINE_ITEM) {
        Some(m) if body.matches(LINE_ITEM).count() < 2 => {
            let cut = LINE_ITEM.len() - 1;
            unmarked = format!("{} {}", &body[..m], &body[m + LINE_ITEM.len()..]);
            shifted.extend(lines.iter().map(|&o| {
                if o > m {
                    o.saturating_sub(cut).max(m + 1)
                } else {
                    o
                }
            }));
            (unmarked.as_str(), shifted.as_slice())
        }
        _ => (body, lines),
    };
    let lead = body.len() - body.trim_start().len();
    let body = body.trim();
    let lines: Vec<usize> = lines
        .iter()
        .filter_map(|o| o.checked_sub(lead))
        .filter(|o| *o < body.len())
        .collect();
    let markers = list_markers(body, &lines);
    let mut best: Option<(usize, usize, Style, Form)> = None;
    for (style, first) in [(Style::Number, 1), (Style::Letter, 1), (Style::Roman, 1)] {
        for form in [Form::Dot, Form::Close, Form::Parens] {
            if let Some((s, e)) = find_number(&markers, body, 0, style, form, first) {
                // A lead-in longer than a clause is not a lead-in to this list.
                if s <= 300 && best.is_none_or(|b| s < b.0) {
                    best = Some((s, e, style, form));
                }
            }
        }
    }
    // Bullets set in the running text before any number ("agreed for
    // the next agenda: ● Finance ● Governors a. skills audit ● …"): one
    // item a bullet, the numbers inside them sub-points.
    let bullets: Vec<usize> = body
        .char_indices()
        .filter(|(_, c)| !c.is_ascii() && crate::lex::is_bullet_char(*c))
        .map(|(i, _)| i)
        .collect();
    // (Lines `minutes` already marked one item to a line are `single`'s.)
    if bullets.len() >= 2 && !body.contains(LINE_ITEM) && best.is_none_or(|b| bullets[0] < b.0) {
        return by_bullets(body, &bullets);
    }
    let Some((s, e, style, form)) = best else {
        return single(body);
    };
    let lead = body[..s].trim();
    let mut starts = vec![(s, e)];
    let mut want = 2;
    loop {
        let from = starts[starts.len() - 1].1;
        if let Some(next) = find_number(&markers, body, from, style, form, want) {
            starts.push(next);
            want += 1;
            continue;
        }
        // A number missing from a list whose numbers open their lines.
        match find_marker(&markers, body, from, style, form, want + 1) {
            Some(m) if m.line_start && !lines.is_empty() => {
                starts.push((m.at, m.content));
                want += 2;
            }
            _ => break,
        }
    }
    // A first number read mid-sentence opens a list only where its second
    // number follows.
    let loose_first = markers.iter().any(|m| m.at == s && m.loose);
    if loose_first && starts.len() < 2 {
        return single(body);
    }
    let mut items = Vec::new();
    for (k, (_, content)) in starts.iter().enumerate() {
        let stop = starts.get(k + 1).map(|n| n.0).unwrap_or(body.len());
        let mut item = body[*content..stop].trim().to_string();
        if k == 0 && !lead.is_empty() {
            item = format!("{lead} {item}");
        }
        if !item.is_empty() {
            items.push(item);
        }
    }
    if items.is_empty() {
        return single(body);
    }
    items
}

/// Split at each bullet (byte offsets), the lead-in joining the first item.
fn by_bullets(body: &str, at: &[usize]) -> Vec<String> {
    let lead = body[..at[0]].trim();
    let mut items = Vec::new();
    for (k, s) in at.iter().enumerate() {
        let stop = at.get(k + 1).copied().unwrap_or(body.len());
        let c = body[*s..].chars().next().map_or(1, char::len_utf8);
        let item = body[s + c..stop].trim();
        if item.is_empty() {
            continue;
        }
        if items.is_empty() && !lead.is_empty() {
            items.push(format!("{lead} {item}"));
        } else {
            items.push(item.to_string());
        }
    }
    items
}

/// A body with no numbered list: one item, or one per line of a list set
/// one to a line after its lead-in (marked "•" by `minutes` where it read
/// the lines), the lead-in joining the first.
fn single(body: &str) -> Vec<String> {
    if body.is_empty() {
        return Vec::new();
    }
    // The mark may open the body (its first line an item of the list).
    let marked = format!(" {body}");
    let mut parts = marked.split(LINE_ITEM);
    let lead = parts.next().unwrap_or("").trim();
    // A line's bullet, kept in the text layer, is no word of its item.
    let rest: Vec<&str> = parts
        .map(|p| {
            p.trim()
                .trim_start_matches(|c: char| !c.is_ascii() && crate::lex::is_bullet_char(c))
                .trim()
        })
        .filter(|p| !p.is_empty())
        .collect();
    if rest.len() < 2 {
        return vec![body.to_string()];
    }
    rest.iter()
        .enumerate()
        .map(|(k, p)| {
            if k == 0 && !lead.is_empty() {
                format!("{lead} {p}")
            } else {
                p.to_string()
            }
        })
        .collect()
}

/// The mark `minutes` puts before each line of a list set one item to a
/// line after a decision's lead-in ("… the following payments may be
/// made :-" / "CALC Annual Subscription £ 111.00" / …).
pub const LINE_ITEM: &str = " • ";

static VOTE_PARENS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)\(([^()]{0,80}?\b(?:abstentions?|abstained|unanimous(?:ly)?|against|votes?|carried|lost|nem\.? ?con|majority)\b[^()]{0,40}?)\)",
    )
    .expect("vote pattern")
});

static VOTE_PHRASE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)\b(?:(?:carried|agreed|approved|resolved|passed)\s+unanimously|unanimously\s+(?:carried|agreed|approved|resolved)|with a unanimous vote|unanimously|nem\.?\s?con\.?|(?:carried|lost|approved|agreed)\s+by\s+\d+\s+votes?\s+to\s+\d+(?:,?\s+with\s+\d+\s+abstentions?)?|\d+\s+(?:votes\s+)?for,?\s+\d+\s+against(?:,?\s+(?:and\s+)?\d+\s+abstentions?)?|for:?\s*\d+,?\s*against:?\s*\d+(?:,?\s*(?:abstentions?|abstained):?\s*\d+)?|(?:one|two|three|four|five|six|\d+)\s+abstentions?)\b",
    )
    .expect("vote phrase pattern")
});

/// Whether the vote phrases say the motion was carried ("carried
/// unanimously", "nem con") or lost ("lost", "fell"); null where they say
/// neither.
pub fn carried(votes: &[String]) -> Option<bool> {
    let words: Vec<String> = votes
        .iter()
        .flat_map(|v| {
            v.split(|c: char| !c.is_alphanumeric())
                .map(str::to_lowercase)
                .collect::<Vec<_>>()
        })
        .collect();
    let has = |w: &str| words.iter().any(|x| x == w);
    if has("lost") || has("fell") || has("defeated") {
        Some(false)
    } else if has("carried") || words.iter().any(|x| x.starts_with("unanimous")) || has("nem") {
        Some(true)
    } else {
        None
    }
}

/// What a resolution records about the vote, as printed: the note in
/// brackets ("One abstention") or the phrase ("carried unanimously").
///
/// Both patterns run over short spans rather than the whole text (the
/// regex engine's fast path gives up on a long text with any character
/// outside ASCII): a note only ever spans one innermost pair of brackets,
/// and a phrase one `vote_windows` span that holds a vote word. The matches
/// are those of the patterns over the whole text (tested).
pub fn votes(text: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut covered: Vec<(usize, usize)> = Vec::new();
    for (open, close) in innermost_brackets(text) {
        let Some(span) = text.get(open..=close) else {
            continue;
        };
        let Some(c) = VOTE_PARENS.captures(span) else {
            continue;
        };
        if let (Some(all), Some(inner)) = (c.get(0), c.get(1)) {
            covered.push((open + all.start(), open + all.end()));
            let v = inner
                .as_str()
                .trim()
                .trim_end_matches('.')
                .trim()
                .to_string();
            if !out.contains(&v) {
                out.push(v);
            }
        }
    }
    for (from, to) in vote_windows(text) {
        let Some(window) = text.get(from..to) else {
            continue;
        };
        if !may_name_vote(window) {
            continue;
        }
        for m in VOTE_PHRASE.find_iter(window) {
            let (start, end) = (from + m.start(), from + m.end());
            if covered.iter().any(|(s, e)| start >= *s && end <= *e) {
                continue;
            }
            let v = m.as_str().trim().to_string();
            if !out.iter().any(|o| o.eq_ignore_ascii_case(&v)) {
                out.push(v);
            }
        }
    }
    out
}

/// Each '(' with the first ')' after it where no '(' comes between: the
/// only spans a `VOTE_PARENS` match may cover (its inside holds no
/// bracket), so the matches over the whole text are those over these
/// spans, in order.
fn innermost_brackets(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut open = None;
    for (i, &c) in text.as_bytes().iter().enumerate() {
        match c {
            b'(' => open = Some(i),
            b')' => {
                if let Some(o) = open.take() {
                    out.push((o, i));
                }
            }
            _ => {}
        }
    }
    out
}

/// Whether `VOTE_PHRASE` can never match across byte `c`: an ASCII byte
/// that is no letter, digit, whitespace (`\s` counts the vertical tab),
/// ',', ':' or '.' (the only other characters its forms hold) nor '_'
/// (a word character: `\b` must see the same on either side of a split).
fn splits_vote_phrase(c: u8) -> bool {
    c.is_ascii()
        && !c.is_ascii_alphanumeric()
        && !matches!(
            c,
            b' ' | b'\t' | b'\n' | 0x0b | 0x0c | b'\r' | b',' | b':' | b'.' | b'_'
        )
}

/// The spans of `text` between bytes that `splits_vote_phrase`: no match
/// crosses one, and as each is an ASCII non-word character, `\b` reads a
/// span's ends as it reads them inside the whole text. Empty spans are
/// left out.
fn vote_windows(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut from = 0;
    for (i, &c) in text.as_bytes().iter().enumerate() {
        if splits_vote_phrase(c) {
            if i > from {
                out.push((from, i));
            }
            from = i + 1;
        }
    }
    if text.len() > from {
        out.push((from, text.len()));
    }
    out
}

/// Whether `text` may hold a `VOTE_PHRASE`: each of its forms holds
/// "unanim", "nem", "vot", "gainst" or "bstention", compared ignoring
/// ASCII case. The pattern's own case-blindness also matches 'ſ' for 's'
/// and the Kelvin sign for 'k': a text holding either is left to it.
fn may_name_vote(text: &str) -> bool {
    if text.contains(['\u{17f}', '\u{212a}']) {
        return true;
    }
    let b = text.as_bytes();
    [&b"unanim"[..], b"nem", b"vot", b"gainst", b"bstention"]
        .iter()
        .any(|w| b.windows(w.len()).any(|x| x.eq_ignore_ascii_case(w)))
}

/// Whether `resolved_marker` may match at the start of `b`: each of its
/// forms opens with "it was" or "resolved" in any ASCII case (no other
/// character lower-cases to their letters), or with "AGREED", "DECIDED",
/// "Agreed" or "Decided". Told on the bytes before the parser runs at
/// each word.
fn may_open_marker(b: &[u8]) -> bool {
    let ci = |w: &[u8]| b.get(..w.len()).is_some_and(|h| h.eq_ignore_ascii_case(w));
    match b.first() {
        Some(b'i' | b'I') => ci(b"it was"),
        Some(b'r' | b'R') => ci(b"resolved"),
        Some(b'A') => {
            b.starts_with(b"AGREED") || b.starts_with(b"Agreed") || b.starts_with(b"APPROVED")
        }
        Some(b'D') => b.starts_with(b"DECIDED") || b.starts_with(b"Decided"),
        _ => false,
    }
}

/// Whether a bare "APPROVED" at `start..end` is a word of a line set in
/// capitals ("SUMMARY OF APPROVED RECOMMENDATIONS"), not a marker: the word
/// before or after it is in capitals too.
fn in_capitals_run(text: &str, start: usize, end: usize) -> bool {
    if !text[start..end].starts_with("APPROVED") {
        return false;
    }
    let capitals = |w: &str| {
        let letters: Vec<char> = w.chars().filter(|c| c.is_alphabetic()).collect();
        letters.len() > 1 && letters.iter().all(|c| c.is_uppercase())
    };
    let before = text[..start].split_whitespace().next_back().unwrap_or("");
    let after = text[end..].split_whitespace().next().unwrap_or("");
    capitals(before) || capitals(after)
}

/// Whether a "resolved" at `start` in lower case goes on a sentence whose
/// subject comes before it ("… the Councillors resolved that any
/// alterations …"): a decision told in prose, read by `agreement_verb`,
/// not a formal marker.
fn told_in_prose(text: &str, start: usize) -> bool {
    text[start..].starts_with("resolved")
        && text[..start]
            .trim_end()
            .chars()
            .next_back()
            .is_some_and(char::is_alphanumeric)
}

/// Every formal resolution marker in `text`: (start, end of marker).
fn markers(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let b = text.as_bytes();
    // Only the ASCII letters `may_open_marker` accepts can open a marker:
    // the character before one is looked at only there.
    for (i, &c) in b.iter().enumerate() {
        if !matches!(c, b'i' | b'I' | b'r' | b'R' | b'A' | b'D') {
            continue;
        }
        // An ASCII byte is a whole character, so `i` is a boundary.
        let prev = match i.checked_sub(1).map(|j| b[j]) {
            None => None,
            Some(p) if p.is_ascii() => Some(char::from(p)),
            Some(_) => text.get(..i).and_then(|h| h.chars().next_back()),
        };
        let at_word = prev.is_none_or(|p| !p.is_alphanumeric());
        if at_word && may_open_marker(&b[i..]) {
            if let Ok((rest, _)) = resolved_marker(&text[i..]) {
                let end = text.len() - rest.len();
                if in_capitals_run(text, i, end) || told_in_prose(text, i) {
                    continue;
                }
                if out.last().is_none_or(|(_, e): &(usize, usize)| i >= *e) {
                    out.push((i, end));
                }
            }
        }
    }
    out
}

/// The body that decides, named as the subject of a sentence: "The Forum",
/// "This Committee", "All Councillors", "the Councillors", "Governors",
/// "Councillor’s" (so printed), or "All" alone.
const DECIDING_BODY: &str = r"(?:(?:\b(?:[Tt]he|[Tt]his|[Aa]ll)\s+(?:[Tt]he\s+)?(?:[A-Z][\w'’-]*\s+){0,3}|^\s*(?:[A-Z][\w'’-]*\s+){0,2})(?:Forum|Committee|Sub-Committee|Board|Panel|Cabinet|Council|Members|members|[Mm]eeting|Group|Partnership|Assembly|Executive|Governors|[Cc]ouncillors|Councillor[’']s|Trustees)|^\s*All)";

static BODY_VERB: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"{DECIDING_BODY}\s+(?:(?:also|further|then|unanimously|formally)\s+)*(agreed|approved|endorsed|confirmed|decided|resolved|resolves)\b",
    ))
    .expect("body verb pattern")
});

/// A body noting a paper: "The Committee for Transport and Connectivity
/// noted the report", "That the Committee noted the update report". Read
/// only in a paragraph set in bold, where minutes print their decisions:
/// in body type "The Forum noted the increasing number …" is discussion.
static BODY_NOTED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\s*(That\s+)?((?:[\w&'’/-]+\s+){1,8}?)noted\s+(?:the|this|its|their)\b")
        .expect("body noted pattern")
});

/// "That the Transport and Connectivity Policy Committee:" before a
/// numbered list: the formal resolution's lead, its decisions the items.
static THAT_BODY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"^\s*(That\s+(?:the\s+)?(?:[A-Z][\w'’-]*\s+(?:(?:and|&)\s+)?){{0,6}}{BODY_WORD}(?:\s+(?:for|of|on)\s+[\w&'’ -]{{1,60}}?)?)\s*[:;]",
    ))
    .expect("that body pattern")
});

/// The names of deciding bodies, as `DECIDING_BODY` ends.
const BODY_WORD: &str = r"(?:Forum|Committee|Sub-Committee|Board|Panel|Cabinet|Council|Members|Group|Partnership|Assembly|Executive|Governors|Councillors|Trustees)";

/// A decision given as the verb alone, opening the notes on an item:
/// "Agreed and signed.", "Approved." (a governors' grid's notes column).
static BARE_AGREED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\s*(Agreed|Approved|Ratified)(?:\s+and\s+signed)?\s*(?:[.;]|$)")
        .expect("bare agreement pattern")
});

static IT_WAS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\bit\s+(?:was|has\s+been)\s+(?:(?:also|further|then|unanimously|therefore)\s+)*(agreed|decided|resolved)\b")
        .expect("it was pattern")
});

/// "… were agreed", "… was approved by the Parish Council", "… were
/// confirmed as a true copy", "… were scrutinised and all approved by all
/// Councillor’s", "The updated workplan … was noted": the agent's first
/// words, where named, in the last group.
static PASSIVE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(it\s+)?(?:was|were)\s+(?:\w+\s+and\s+)?(?:(?:unanimously|duly|formally|all)\s+)?(agreed|approved|confirmed|ratified|noted)\b(\s+by\s+(?:the\s+|all\s+)?([\w'’-]+(?:\s+[\w'’-]+){0,2}))?")
        .expect("passive pattern")
});

/// A motion moved and seconded, opening its sentence: "CC proposed and LH
/// seconded that the financial information should be presented …" (the
/// proposer and seconder by initials, names or titles, up to three words
/// each).
static PROPOSED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\s*(?:[A-Z][\w.'’-]*\s+){1,3}(proposed)\s+and\s+(?:[A-Z][\w.'’-]*\s+){1,3}seconded\s+that\b")
        .expect("proposed pattern")
});

/// A person or motion put and seconded, told in the passive with both
/// movers named: "Cllr. Rosemary Crisp was proposed by Cllr. Alison Muir and
/// seconded by Cllr. Michael Peake" (an election), "The motion was proposed
/// by Cllr Dunn, seconded by Cllr Hill and carried". A bare "Proposed by
/// RB, seconded by JS." after a decision names its movers, no decision of
/// its own.
static PROPOSED_BY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\b(?:was|were)\s+(proposed)\s+by\s+(?:[A-Z][\w.'’-]*\s+){1,4}(?:and\s+|,\s*)?seconded\s+by\s+[A-Z]")
        .expect("proposed by pattern")
});

/// Words that open a relative or reported clause: an agreement after one
/// ("… £0.563m, which it was agreed would be used …") tells of the thing
/// agreed inside a sentence about something else.
const CLAUSE_OPENERS: [&str; 4] = ["which", "that", "as", "what"];

/// Whether a sentence's last word is a list label ("… website. a."), the
/// next point's number taken into the sentence before it.
fn ends_with_label(sentence: &str) -> bool {
    let t = sentence.trim_end();
    let last = t.rsplit(char::is_whitespace).next().unwrap_or("");
    last.len() < t.len()
        && list_marker(last).is_ok_and(|(rest, _)| rest.is_empty())
        && t[..t.len() - last.len()]
            .trim_end()
            .ends_with(['.', ';', ':'])
}

/// Whether the words at `at` follow a `CLAUSE_OPENERS` word.
fn in_clause(sentence: &str, at: usize) -> bool {
    let before = sentence[..at]
        .split_whitespace()
        .next_back()
        .unwrap_or("")
        .to_lowercase();
    CLAUSE_OPENERS.contains(&before.as_str())
}

/// An agreement a sentence records, and whether it is told only in the
/// passive with no body named ("… was agreed from the DSG …", "The
/// updated workplan … was noted"): such a sentence records the decision
/// only where it opens or closes its paragraph (`find_set`).
#[derive(Debug, Clone, PartialEq)]
struct Agreement {
    verb: String,
    bare_passive: bool,
}

impl Agreement {
    fn told(verb: &str) -> Agreement {
        Agreement {
            verb: verb.to_string(),
            bare_passive: false,
        }
    }
}

const BODIES: &[&str] = &[
    "council",
    "councillors",
    "councillor’s",
    "councillor's",
    "forum",
    "committee",
    "board",
    "panel",
    "meeting",
    "members",
    "group",
    "governors",
    "sub-committee",
];

/// The verb that marks a sentence as a minuted agreement, if it is one:
/// "The Forum agreed …", "It was (also) agreed that …", "… were agreed as a
/// correct record". Not "had agreed", "previously agreed", "as agreed by the
/// Council" (earlier decisions, or another body's).
pub fn agreement_verb(sentence: &str) -> Option<String> {
    agreement(sentence).map(|a| a.verb)
}

/// `agreement_verb` with how the agreement is told.
fn agreement(sentence: &str) -> Option<Agreement> {
    if !may_name_agreement(sentence) {
        return None;
    }
    agreement_by_patterns(sentence)
}

/// Whether a body's decision is the resolution formula: the body named
/// bare, with no article, opening the sentence and "resolved"
/// ("Committee resolved to note the apologies."), against a decision told
/// in prose ("… the Councillors resolved to proceed …").
fn bare_body_resolved(found: &str) -> bool {
    let found = found.trim_start();
    found.ends_with("resolved")
        && found.starts_with(char::is_uppercase)
        && !["The ", "This ", "All "]
            .iter()
            .any(|a| found.starts_with(a))
}

/// `agreement_verb` without the stem test that spares most sentences the
/// patterns.
fn agreement_by_patterns(sentence: &str) -> Option<Agreement> {
    // Each pattern runs only where the words it needs are in the sentence:
    // a capture search on a text with a character beyond ASCII falls back
    // to an engine whose cost grows with the whole sentence.
    let opening = sentence.trim_start();
    let bare = ["Agreed", "Approved", "Ratified"]
        .iter()
        .any(|w| opening.starts_with(w));
    if let Some(c) = bare.then(|| BARE_AGREED.captures(sentence)).flatten() {
        return c
            .get(1)
            .map(|m| Agreement::told(&m.as_str().to_lowercase()));
    }
    let body_verb = may_hold_body_verb(sentence);
    if let Some(c) = body_verb.then(|| BODY_VERB.captures(sentence)).flatten() {
        if let Some(formula) = c.get(0).filter(|m| bare_body_resolved(m.as_str())) {
            return Some(Agreement::told(formula.as_str().trim()));
        }
        // "The Committee resolves …": the resolution's own words in the
        // present tense, the formula as printed.
        if c.get(1).is_some_and(|v| v.as_str() == "resolves") {
            return c.get(0).map(|m| Agreement::told(m.as_str().trim()));
        }
        return c.get(1).map(|m| Agreement::told(m.as_str()));
    }
    let proposed = sentence.contains("seconded");
    if let Some(c) = proposed.then(|| PROPOSED.captures(sentence)).flatten() {
        return c.get(1).map(|m| Agreement::told(m.as_str()));
    }
    if let Some(c) = proposed.then(|| PROPOSED_BY.captures(sentence)).flatten() {
        return c.get(1).map(|m| Agreement::told(m.as_str()));
    }
    for c in IT_WAS.captures_iter(sentence) {
        let (Some(all), Some(verb)) = (c.get(0), c.get(1)) else {
            continue;
        };
        if in_clause(sentence, all.start()) {
            continue;
        }
        return Some(Agreement::told(verb.as_str()));
    }
    for c in PASSIVE.captures_iter(sentence) {
        let verb = c.get(2).map(|m| m.as_str());
        if c.get(1).is_some_and(|it| in_clause(sentence, it.start())) {
            continue;
        }
        // Noting is a decision where a paper is noted; statements "received
        // and noted", or a lead-in "… was noted:-" before what was noted,
        // record what was heard.
        if let (Some(all), Some(v)) = (c.get(0), c.get(2)) {
            let joined = sentence[all.start()..v.start()].contains(" and ");
            let lead_in = sentence[v.end()..].trim_start().starts_with(':');
            let noting = v.as_str().eq_ignore_ascii_case("noted");
            if noting && (joined || lead_in) {
                continue;
            }
        }
        // "It was confirmed that …" and "It was noted that …" report a
        // fact; "were confirmed as a true copy" records a decision.
        if c.get(1).is_some()
            && verb.is_some_and(|v| {
                v.eq_ignore_ascii_case("confirmed") || v.eq_ignore_ascii_case("noted")
            })
        {
            continue;
        }
        // The agent's first words name it: "by the Parish Council".
        if let Some(agent) = c.get(4) {
            let names_body = agent
                .as_str()
                .split_whitespace()
                .any(|w| BODIES.contains(&w.to_lowercase().as_str()));
            if !names_body {
                continue;
            }
        }
        return verb.map(|v| Agreement {
            verb: v.to_string(),
            bare_passive: c.get(4).is_none(),
        });
    }
    None
}

/// Whether `sentence` holds one of the verbs `BODY_VERB` ends in, as
/// that pattern spells them (lower case): where it holds none, the
/// pattern cannot match.
fn may_hold_body_verb(sentence: &str) -> bool {
    [
        "agreed",
        "approved",
        "endorsed",
        "confirmed",
        "decided",
        "resolve",
    ]
    .iter()
    .any(|v| sentence.contains(v))
}

/// Whether `sentence` may hold a verb `agreement_verb` looks for: every
/// one ("agreed", "approved", "endorsed", "confirmed", "decided",
/// "resolved", "ratified", "noted", "proposed") ends in "ed", so only the stems before an "ed" are compared,
/// ignoring ASCII case. The patterns' own case-blindness also matches 'ſ'
/// for 's' and the Kelvin sign for 'k': a sentence holding either is left
/// to them.
fn may_name_agreement(sentence: &str) -> bool {
    const STEMS: [&[u8]; 9] = [
        b"agre", b"approv", b"endors", b"confirm", b"decid", b"resolv", b"ratifi", b"not",
        b"propos",
    ];
    let b = sentence.as_bytes();
    if sentence.contains(['\u{17f}', '\u{212a}']) || sentence.contains("resolves") {
        return true;
    }
    b.windows(2).enumerate().any(|(i, w)| {
        w.eq_ignore_ascii_case(b"ed")
            && STEMS
                .iter()
                .any(|s| i >= s.len() && b[i - s.len()..i].eq_ignore_ascii_case(s))
    })
}

/// A bulleted point of a discussion whose only agreement is passive and
/// names no body ("• There was the view that … was agreed as …"): what was
/// said in debate, not what the meeting decided. A bulleted sentence naming
/// the body ("• The Committee agreed …", "It was agreed …") still is.
fn debate_point(sentence: &str) -> bool {
    let t = sentence.trim_start();
    let bulleted = t
        .chars()
        .next()
        .is_some_and(|c| !c.is_ascii() && crate::lex::is_bullet_char(c));
    bulleted
        && !BODY_VERB.is_match(t)
        && !IT_WAS.is_match(t)
        && PASSIVE.captures_iter(t).all(|c| c.get(4).is_none())
}

/// All resolutions in a paragraph's text: the agreements recorded in the
/// text before the first formal one, one for each agreed sentence, then
/// the formal ones from each marker to the next (or the end).
pub fn find(text: &str) -> Vec<Found> {
    find_set(text, false)
}

/// A body noting a paper, in a paragraph set in bold: the marker, "noted"
/// for a decision told in prose, or the formula from "That" on.
fn bold_noting(sentence: &str) -> Option<String> {
    // The pattern needs "noted": most sentences are spared it.
    if !sentence.contains("noted") {
        return None;
    }
    let c = BODY_NOTED.captures(sentence)?;
    let subject = c.get(2)?.as_str();
    let names_body = subject.split_whitespace().any(|w| {
        let w = w.to_lowercase();
        BODIES.contains(&w.as_str()) || w == "cabinet"
    });
    if !names_body {
        return None;
    }
    match c.get(1) {
        Some(_) => c.get(0).map(|m| {
            m.as_str()
                .trim()
                .trim_end_matches(char::is_alphabetic)
                .trim()
                .to_string()
        }),
        None => Some("noted".to_string()),
    }
}

/// `find` for a paragraph set in bold (`bold`), where a body noting a
/// paper records its decision too.
pub fn find_set(text: &str, bold: bool) -> Vec<Found> {
    find_set_at(text, bold, &[])
}

/// The byte offsets of `lines` from `from` on, counted from `from`.
fn lines_from(lines: &[usize], from: usize) -> Vec<usize> {
    lines.iter().filter_map(|o| o.checked_sub(from)).collect()
}

/// `find_set` where `lines` holds the byte offsets in `text` at which its
/// printed lines start (ascending), so that a list number opening a line
/// opens an item (`split_items_at`).
pub fn find_set_at(text: &str, bold: bool, lines: &[usize]) -> Vec<Found> {
    let mut out = Vec::new();
    let marks = markers(text);
    for (k, (s, e)) in marks.iter().enumerate() {
        let stop = marks.get(k + 1).map(|m| m.0).unwrap_or(text.len());
        let body = &text[*e..stop];
        let items = split_items_at(body, &lines_from(lines, *e));
        out.push(Found {
            start: *s,
            end: stop,
            marker: text[*s..*e].trim().to_string(),
            votes: votes(body),
            items,
            text: text[*s..stop].trim().to_string(),
        });
    }
    // Agreements outside formal resolutions.
    let free_end = marks.first().map(|m| m.0).unwrap_or(text.len());
    let free = &text[..free_end];
    let mut agreed: Vec<(usize, usize, String)> = Vec::new();
    let mut listed: Option<Vec<String>> = None;
    let spans = sentence_spans(free);
    for (k, &(s, e)) in spans.iter().enumerate() {
        if debate_point(&free[s..e]) {
            continue;
        }
        let sentence = &free[s..e];
        // A bare passive records the decision at the paragraph's edge
        // (its first sentence, or the last before the formal resolutions
        // or the end); inside the paragraph it tells the discussion.
        // A sentence opening or closing a lettered or numbered point
        // ("d. Term dates … This was ratified … a. Terms of …") is at an
        // edge too.
        // (The sentences take a list label after a stop as their last
        // word: "… website. a." closes an item, and opens the next.)
        let edge = k == 0
            || k + 1 == spans.len()
            || list_marker(sentence.trim_start()).is_ok()
            || list_marker(free[e..].trim_start()).is_ok()
            || ends_with_label(sentence)
            || k.checked_sub(1)
                .is_some_and(|j| ends_with_label(&free[spans[j].0..spans[j].1]));
        let verb = agreement(sentence)
            .filter(|a| edge || !a.bare_passive)
            .map(|a| a.verb)
            .or_else(|| bold.then(|| bold_noting(sentence)).flatten())
            .or_else(|| {
                // "That the … Committee:" opening a list: the formal lead.
                // The pattern opens with "That": most sentences are spared it.
                if !sentence.trim_start().starts_with("That") {
                    return None;
                }
                let lead = THAT_BODY.captures(sentence)?.get(1)?;
                let after = free[s + lead.end()..]
                    .trim_start_matches([':', ';', '-', ' '])
                    .trim_start();
                list_marker(after)
                    .is_ok()
                    .then(|| lead.as_str().trim().to_string())
            });
        if let Some(verb) = verb {
            // "… agreed the following motion: a. That …": the list after the
            // colon is what was agreed, to the end of the free text.
            if let Some(colon) = free[s..e].find(':').map(|c| s + c + 1) {
                let after = free[colon..].trim_start_matches(['-', ' ']);
                if list_marker(after).is_ok()
                    || after.starts_with(|c: char| !c.is_ascii() && crate::lex::is_bullet_char(c))
                {
                    agreed.push((s, free.len(), verb));
                    listed = Some(split_items_at(&free[s..], &lines_from(lines, s)));
                    break;
                }
            }
            agreed.push((s, e, verb));
        }
    }
    // Each agreed sentence is a decision of its own; a list after a colon
    // is the items of the one it closes.
    let mut told = Vec::new();
    let count = agreed.len();
    for (k, (s, e, verb)) in agreed.into_iter().enumerate() {
        let items = match &listed {
            Some(items) if k + 1 == count => items.clone(),
            _ => vec![free[s..e].trim().to_string()],
        };
        let joined = items.join(" ");
        told.push(Found {
            start: s,
            end: e,
            marker: verb,
            votes: votes(&joined),
            text: joined,
            items,
        });
    }
    out.splice(0..0, told);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn carried_read_from_the_printed_vote_phrase() {
        // Bristol printed minutes 2024-09-12: "CARRIED unanimously",
        // "LOST (4 members voting in favour, 5 against)".
        assert_eq!(carried(&["CARRIED unanimously".into()]), Some(true));
        assert_eq!(
            carried(&[
                "4 members voting in favour, 5 against".into(),
                "LOST".into()
            ]),
            Some(false)
        );
        assert_eq!(carried(&["One abstention".into()]), None);
    }

    #[test]
    fn agreements_told_alike_with_and_without_the_stem_test() {
        let mut texts: Vec<String> = vec![
            "The Forum agreed the budget.".into(),
            "IT WAS AGREED that the report be noted".into(),
            "The minutes were APPROVED by the Committee".into(),
            "It was reſolved that".into(),
            "The Board endorsed and confirmed it; members decided".into(),
            "it was noted".into(),
            "The Panel Ed agreed".into(),
        ];
        for text in crate::test_seeds::seed_texts() {
            texts.extend(text.lines().map(str::to_string));
        }
        let mut agreed = 0;
        for t in &texts {
            for (s, e) in sentence_spans(t) {
                let sentence = &t[s..e];
                let v = agreement_by_patterns(sentence);
                agreed += usize::from(v.is_some());
                assert_eq!(agreement(sentence), v, "{sentence:?}");
            }
        }
        assert!(agreed >= 15, "{agreed}");
    }

    #[test]
    fn votes_found_alike_with_and_without_the_word_tests() {
        let by_patterns = |text: &str| -> Vec<String> {
            let mut out: Vec<String> = Vec::new();
            let mut covered: Vec<(usize, usize)> = Vec::new();
            for c in VOTE_PARENS.captures_iter(text) {
                if let (Some(all), Some(inner)) = (c.get(0), c.get(1)) {
                    covered.push((all.start(), all.end()));
                    let v = inner.as_str().trim().trim_end_matches('.').trim();
                    if !out.iter().any(|o| o == v) {
                        out.push(v.to_string());
                    }
                }
            }
            for m in VOTE_PHRASE.find_iter(text) {
                if covered
                    .iter()
                    .any(|(s, e)| m.start() >= *s && m.end() <= *e)
                {
                    continue;
                }
                let v = m.as_str().trim().to_string();
                if !out.iter().any(|o| o.eq_ignore_ascii_case(&v)) {
                    out.push(v);
                }
            }
            out
        };
        let mut texts: Vec<String> = [
            "carried UNANIMOUSLY",
            "Nem. Con.",
            "5 votes for, 2 against",
            "For: 6, Against: 2",
            "(One abstention)",
            "two abstentions",
            "carried by 5 votes to 3",
            "uNaNiMoUsLy",
            "abſtentions",
            "nothing here (at all)",
            "",
            // Split bytes, brackets and non-ASCII text next to the words.
            "(carried unanimously)",
            "x-unanimously-y; nem con.) and (5 votes for, 2 against",
            "éunanimously, unanimouslyé, _unanimously, unanimously_",
            "((One abstention)) (a (Two abstentions) b) (c) votes)",
            "The motion – carried by 5 votes to 3, with 1 abstention – was lost",
            "For:\u{0b}6, Against:\u{a0}2 (unanimous\u{2019}s vote)",
            "(nem. con.)(carried unanimously)",
            "(unanimously) ) (",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect();
        for text in crate::test_seeds::seed_texts() {
            texts.extend(text.lines().map(str::to_string));
            // Whole paragraphs too: a resolution's body spans lines.
            texts.extend(text.split("\n\n").map(|p| p.replace('\n', " ")));
        }
        let mut found = 0;
        for t in &texts {
            let v = by_patterns(t);
            found += v.len();
            assert_eq!(votes(t), v, "{t:?}");
        }
        assert!(found >= 8, "{found}");
    }

    #[test]
    fn markers_found_alike_with_and_without_the_byte_test() {
        let by_parser = |text: &str| -> Vec<(usize, usize)> {
            let mut out = Vec::new();
            let mut prev: Option<char> = None;
            for (i, c) in text.char_indices() {
                let at_word = prev.is_none_or(|p| !p.is_alphanumeric());
                if at_word {
                    if let Ok((rest, _)) = resolved_marker(&text[i..]) {
                        let end = text.len() - rest.len();
                        if out.last().is_none_or(|(_, e): &(usize, usize)| i >= *e) {
                            out.push((i, end));
                        }
                    }
                }
                prev = Some(c);
            }
            out
        };
        let mut texts: Vec<String> = [
            "RESOLVED that",
            "It Was Resolved:",
            "it  was further resolved -",
            "Agreed: x",
            "DECIDED (a)",
            "Decided:",
            "AGREED",
            "agreed: lower",
            "Résolved",
            "",
            "éRESOLVED that; ’RESOLVED that; ÅAgreed: x; 1DECIDED; –Decided:",
            "x\u{a0}RESOLVED that ŞIt was resolved",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect();
        for text in crate::test_seeds::seed_texts() {
            texts.extend(text.lines().map(str::to_string));
        }
        let mut found = 0;
        for t in &texts {
            let want = by_parser(t);
            found += want.len();
            assert_eq!(markers(t), want, "{t:?}");
        }
        assert!(found >= 10, "{found}");
    }

    #[test]
    fn markers_as_printed() {
        assert_eq!(
            resolved_marker("Resolved:- 1. That").unwrap().1,
            "Resolved:-"
        );
        assert_eq!(resolved_marker("Resolved: That").unwrap().1, "Resolved:");
        assert_eq!(
            resolved_marker("RESOLVED that the").unwrap().1,
            "RESOLVED that"
        );
        assert_eq!(resolved_marker("RESOLVED – That").unwrap().1, "RESOLVED –");
        assert_eq!(resolved_marker("RESOLVED (a) that").unwrap().1, "RESOLVED");
        assert_eq!(
            resolved_marker("It was resolved that the").unwrap().1,
            "It was resolved that"
        );
        assert_eq!(resolved_marker("AGREED: that").unwrap().1, "AGREED:");
        assert_eq!(resolved_marker("Agreed:- the").unwrap().1, "Agreed:-");
        assert!(resolved_marker("resolved by applicants").is_err());
        assert!(resolved_marker("Resolvedness").is_err());
        assert!(resolved_marker("agreed to provide").is_err());
        assert!(resolved_marker("AGREEDX").is_err());
    }

    #[test]
    fn list_numbers() {
        assert_eq!(list_marker("1. That").unwrap().1, ("1", Form::Dot));
        assert_eq!(list_marker("(a) that").unwrap().1, ("a", Form::Parens));
        assert_eq!(list_marker("iv) that").unwrap().1, ("iv", Form::Close));
        assert!(list_marker("i.e. the").is_err());
        assert!(list_marker("1.5m").is_err());
        assert_eq!(value("iv", Style::Roman), Some(4));
        assert_eq!(value("c", Style::Letter), Some(3));
    }

    /// Sutton Coldfield Town Council, ALCS Committee, 13 March 2018, page 8:
    /// "Committee resolved to:" over "i) Approve … within the approved
    /// budget parameters" and "ii) Note …", each number opening its line.
    /// The "ii)" follows a word, so only the line tells it opens an item.
    #[test]
    fn a_number_opening_a_printed_line_opens_an_item() {
        let lines = [
            "Committee resolved to:",
            "i) Approve the outlined proposals in section 4 of the report and to authorise the",
            "Assistant Town Clerk to progress the proposals to deliver the various elements of",
            "the project within the approved budget parameters",
            "ii) Note the details of the traffic island planting improvements detailed in section 7 of",
            "the report",
        ];
        let text = lines.join(" ");
        let mut starts = Vec::new();
        let mut at = 0;
        for l in &lines {
            starts.push(at);
            at += l.len() + 1;
        }
        let found = find_set_at(&text, false, &starts);
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].items.len(), 2, "{:?}", found[0].items);
        assert!(found[0].items[1].starts_with("Note the details"));
        // Without the lines, "parameters ii)" reads as words.
        assert_eq!(find_set(&text, false)[0].items.len(), 1);
    }

    /// Bristol, Transport and Connectivity Policy Committee, 12 September
    /// 2024, pages 9-10: the summary of approved recommendations numbers
    /// its rows 1 to 8 without 5 (not approved), and "3." follows "the
    /// Chair" with no stop; each number opens its row.
    #[test]
    fn a_number_left_out_of_a_list_of_rows_does_not_end_it() {
        let rows = [
            "1. Initiated a Task and Finish Group, to be chaired by Cllr Rob Bryher.",
            "2. Residents Parking a. Approve and implement increase of £56 to £124 for first vehicle permit tariffs. Subject to further financial and equalities assessment delegated to officers in consultation with the Chair",
            "3. RPS Business, Customer, Medical & Trader Permits and Visitor Permits a. Approved a rounded 22% inflationary increase to medical, trader, business & customer permits.",
            "4. RPS Pay and Display changes and removal of 30m free parking in the RPS (New Proposals) a. Approved a rounded 22% inflationary increase to RPS Pay and Display rate to £2 per hour.",
            "6. Approved the implementation of competitive early bird charging at Temple Gate and West End MSCPs and monitoring of the impacts.",
            "7. Implement an inflation-based charge only.",
            "8. Delegates authority to the Executive Director, Growth and Regeneration to implement the approved proposals.",
        ];
        let body = rows.join(" ");
        let mut starts = Vec::new();
        let mut at = 0;
        for r in &rows {
            starts.push(at);
            at += r.len() + 1;
        }
        let items = split_items_at(&body, &starts);
        assert_eq!(items.len(), 7, "{items:?}");
        assert!(items[2].starts_with("RPS Business"));
        assert!(items[4].starts_with("Approved the implementation"));
        // Read as words alone, the list stops at the number left out.
        assert!(split_items(&body).len() < 7);
    }

    /// Bristol, 12 September 2024, page 11: "It was APPROVED;" closes its
    /// words with a semicolon and is the formal marker.
    #[test]
    fn it_was_approved_with_a_semicolon_is_a_marker() {
        let (_, m) =
            resolved_marker("It was APPROVED; That the Committee for Transport and Connectivity:")
                .expect("marker");
        assert_eq!(m, "It was APPROVED;");
        assert!(resolved_marker("It was approved; that").is_err());
    }

    /// Milburn Parish Council AGM, 8 May 2018: payments set one to a line
    /// after the lead-in, marked by `minutes` as it joins the lines.
    #[test]
    fn items_set_one_to_a_line() {
        let body = "it was agreed that the following payments may be made :- • CALC Annual Subscription £ 111.00 • ICO Subscription £ 35.00";
        let items = split_items(body);
        assert_eq!(
            items,
            vec![
                "it was agreed that the following payments may be made :- CALC Annual Subscription £ 111.00",
                "ICO Subscription £ 35.00"
            ]
        );
        // One line read so is no list: its mark goes.
        assert_eq!(
            split_items("the report be noted • once"),
            vec!["the report be noted once"]
        );
    }

    #[test]
    fn items_run_into_one_cell() {
        // A governors' grid cell (Decoy Community Primary School, FGB
        // 1 February 2021): letters after a word, bullets before letters.
        let items = split_items(
            "The following policies/document were agreed/ratified as shown: a. Child Protection Policy – agreed. b. SEND Policy - agreed c. Finance Policy - deferred d. Designated teacher Policy - agreed",
        );
        assert_eq!(items.len(), 4, "{items:?}");
        assert_eq!(items[2], "Finance Policy - deferred");
        let items = split_items(
            "The following matters were agreed for the next agenda: ● Finance ● Governors a. Governors’ skills audit ● Committee Reports a. Learning b. Business",
        );
        assert_eq!(
            items,
            [
                "The following matters were agreed for the next agenda: Finance",
                "Governors a. Governors’ skills audit",
                "Committee Reports a. Learning b. Business"
            ]
        );
        // A letter after a word opens no list.
        assert_eq!(split_items("Noted the plan b. The end").len(), 1);
        assert_eq!(
            agreement_verb("Agreed and signed. Copy to Headteacher").as_deref(),
            Some("agreed")
        );
    }

    /// Bristol printed minutes, 15 May 2025 (p9): the lead-in names the
    /// body and runs straight into "1." with no colon; the numbers after
    /// it are the items. A lone "1." after a name is no list.
    #[test]
    fn a_list_straight_after_the_body_it_names() {
        let items = split_items("That the Committee for Transport and Connectivity 1. Approved the submission of the Redcliffe Roundabout Full Business Case for approval at WECA committee or WECA Directors. 2. Authorised the Executive Director for Growth and Regeneration to take all the steps required to procure and award the necessary contracts. 3. Authorised the Executive Director for Growth and Regeneration to invoke any subsequent extensions/variations.");
        assert_eq!(items.len(), 3, "{items:?}");
        assert!(items[1].starts_with("Authorised the Executive Director"));
        assert!(items[2].starts_with("Authorised the Executive Director"));
        assert_eq!(
            split_items("Approved the budget for Phase 1. Approved").len(),
            1
        );
        assert_eq!(
            split_items("That the Committee noted Table 1. Comments were made.").len(),
            1
        );
    }

    /// Northwold PC AGM, 6 May 2014: an election told in the passive with
    /// both movers named; Ayton CC, 5 May 2026: "It has been agreed that".
    /// Movers named alone after a decision make no decision of their own.
    #[test]
    fn elections_and_agreements_in_the_perfect() {
        assert_eq!(
            agreement_verb("Cllr. Rosemary Crisp was proposed by Cllr. Alison Muir and seconded by Cllr. Michael Peake.").as_deref(),
            Some("proposed")
        );
        assert_eq!(
            agreement_verb("It has been agreed that a meeting will take place in Ayton Church on Thursday 14th May with both the production company and Alan Carr.").as_deref(),
            Some("agreed")
        );
        assert_eq!(agreement_verb("Proposed by RB, seconded by JS."), None);
        assert_eq!(
            agreement_verb("A new member was proposed by the Chair but nobody seconded."),
            None
        );
    }

    #[test]
    fn items_in_sequence() {
        let body = " 1. That the High Needs Block remains at the 2014-15 level, amended as summarised in Table 3. (One abstention) 2. That the Schools Forum endorse the proposal. 3. That the remaining £40k be set aside.";
        let items = split_items(body);
        assert_eq!(items.len(), 3);
        assert!(items[0].ends_with("Table 3. (One abstention)"));
        assert!(items[1].starts_with("That the Schools Forum"));
        let lettered =
            split_items("that the Cabinet: (a) notes the report; and (b) agrees the plan.");
        assert_eq!(
            lettered,
            vec![
                "that the Cabinet: notes the report; and",
                "agrees the plan."
            ]
        );
        let roman = split_items("(i) the budget be noted; (ii) the plan be agreed");
        assert_eq!(roman, vec!["the budget be noted;", "the plan be agreed"]);
        assert_eq!(
            split_items(" That the report be noted."),
            vec!["That the report be noted."]
        );
        assert!(split_items("  ").is_empty());
    }

    #[test]
    fn vote_notes() {
        assert_eq!(
            votes("be agreed. (One abstention)."),
            vec!["One abstention"]
        );
        assert_eq!(
            votes("the motion was carried unanimously."),
            vec!["carried unanimously"]
        );
        assert_eq!(
            votes("carried by 5 votes to 3, with 1 abstention"),
            vec!["carried by 5 votes to 3, with 1 abstention"]
        );
        assert_eq!(votes("(For 6, Against 2)"), vec!["For 6, Against 2"]);
        assert!(votes("That Table 3 (see Appendix A) be noted").is_empty());
        assert_eq!(
            votes("The motion was carried. For: 5, Against: 3, Abstentions: 1"),
            vec!["For: 5, Against: 3, Abstentions: 1"]
        );
    }

    #[test]
    fn a_bulleted_debate_point_is_no_agreement() {
        // Bristol printed minutes, 15 May 2025, page 9: a point of the
        // discussion set under a Wingdings bullet.
        let t = "The crossing improves the route. \u{f0b7} There was the view that this could be an opportunity; however, improving the bus routes was agreed as alternative civic benefit.";
        assert!(find(t).is_empty());
        let t = "\u{2022} The Committee agreed to defer the item.";
        assert_eq!(find(t).len(), 1);
    }

    #[test]
    fn agreements_without_resolved() {
        assert_eq!(
            agreement_verb("The minutes of the meetings held on 15 January 2015 were agreed as a correct record.").as_deref(),
            Some("agreed")
        );
        assert_eq!(
            agreement_verb("The Forum agreed the revised terms of reference.").as_deref(),
            Some("agreed")
        );
        assert_eq!(
            agreement_verb("It was also agreed that it was not appropriate.").as_deref(),
            Some("agreed")
        );
        assert_eq!(
            agreement_verb("The Forum confirmed these appointments.").as_deref(),
            Some("confirmed")
        );
        assert_eq!(agreement_verb("JA/NA had agreed to provide details."), None);
        assert_eq!(
            agreement_verb("as the Forum had previously agreed to roll forward"),
            None
        );
        assert_eq!(
            agreement_verb("it had previously been agreed by the Forum."),
            None
        );
        assert_eq!(
            agreement_verb("changes as agreed by the Council in February 2012"),
            None
        );
        assert_eq!(
            agreement_verb("the funding was agreed by the Government."),
            None
        );
        assert_eq!(
            agreement_verb("SW confirmed that he would seek further membership."),
            None
        );
        assert_eq!(
            agreement_verb(
                "These amendments were considered and debated but not agreed by the Council"
            ),
            None
        );
        assert_eq!(
            agreement_verb("Following the debate, the Scrutiny Committee unanimously agreed the following motion:").as_deref(),
            Some("agreed")
        );
    }

    #[test]
    fn find_formal_and_agreed() {
        let t = "WW suggested a one year period. Resolved:- That funding be provided for one year.";
        let f = find(t);
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].marker, "Resolved:-");
        assert_eq!(f[0].items, vec!["That funding be provided for one year."]);
        let t = "The Forum agreed that Gordon McEwan be added. SW advised. It was also agreed that the group be chaired by a member.";
        let f = find(t);
        assert_eq!(f.len(), 2);
        assert_eq!(f[0].marker, "agreed");
        assert_eq!(
            f[0].items,
            vec!["The Forum agreed that Gordon McEwan be added."]
        );
        assert_eq!(
            f[1].text,
            "It was also agreed that the group be chaired by a member."
        );
        assert!(find("The Forum noted the report.").is_empty());
    }

    /// Decisions told in prose in parish minutes: Milburn (2018, 2019,
    /// 2021), Burton-cum-Walden (2025), Northwold (2014), Sutton Coldfield
    /// (2018), each sentence its own decision.
    #[test]
    fn parish_decisions_in_prose() {
        for (sentence, verb) in [
            ("All agreed this was a true record and were signed and approved.", "agreed"),
            ("All Councillors agreed that Councillor Richardson be elected Chair.", "agreed"),
            ("After much debate, there was a positive response to the proposal and the Councillors resolved to proceed with the takeover.", "resolved"),
            ("The Councillors agreed they had no objections to window boxes or hanging baskets.", "agreed"),
            ("Statement of Accounts - The Accounts were approved by the Parish Council and signed by the Chairman", "approved"),
            ("The minutes of the Parish Council meeting held on Tuesday 7 October 2025, having been circulated to all Members, were confirmed as a true copy, and duly signed by the Chairman.", "confirmed"),
            ("The accounts and bank reconciliation for the financial year ended 31st March 2014 were scrutinised and all approved by all Councillor’s and signed by the Chairman, Cllr. Crisp.", "approved"),
            ("Councillor’s agreed No Objections.", "agreed"),
            ("Committee resolved to note the apologies.", "Committee resolved"),
        ] {
            assert_eq!(agreement_verb(sentence).as_deref(), Some(verb), "{sentence}");
        }
        // Bristol printed minutes, 12 September 2024: the decision in
        // capitals after "It was" is agreed, whatever stop follows it.
        assert_eq!(
            agreement_verb("It was APPROVED; That the Committee for Transport and Connectivity:")
                .as_deref(),
            Some("APPROVED")
        );
        // Facts reported, not decided.
        assert_eq!(
            agreement_verb("It was confirmed that this should be carried out twice monthly, along with strimming the boundaries and around obstructions."),
            None
        );
        assert_eq!(
            agreement_verb("The Councillors propose filling the pot holes as soon as possible, Councillor Healey to order Scalpings."),
            None
        );
        // A lower-case "resolved" after its subject is prose, its marker
        // the verb; a capital one opens a formal decision.
        let f = find("The Councillors resolved that any alterations to the surface of the Cart Roads, must be the consensus of the whole village");
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].marker, "resolved");
        let f = find("After discussion it was resolved to apply for £4500 precept. Resolved to pay M Joyce for website fees of £45.00");
        let markers: Vec<&str> = f.iter().map(|f| f.marker.as_str()).collect();
        assert_eq!(markers, vec!["resolved", "Resolved to"]);
        assert_eq!(f[1].items, vec!["pay M Joyce for website fees of £45.00"]);
    }

    /// Sutton Coldfield Town Council, 13 March 2018: the resolution in the
    /// present tense is the formula, its marker as printed (a formal one).
    #[test]
    fn a_body_resolving_in_the_present_tense() {
        let f = find(
            "The Committee resolves in accordance with its powers under sections 137 of \
             the LGA 1972, to incur the expenditure set out above.",
        );
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].marker, "The Committee resolves");
    }

    /// Bristol City Council, 15 May 2025: "That the … Committee:" before a
    /// numbered list is a formal resolution whose items are the list.
    #[test]
    fn that_the_body_before_a_list() {
        let f = find(
            "That the Transport and Connectivity Policy Committee: 1. Noted the membership \
             of the Committee for 2025/2026. 2. Noted the appointment of Councillor Ed \
             Plowden as the Chair.",
        );
        assert_eq!(f.len(), 1, "{f:#?}");
        assert_eq!(
            f[0].marker,
            "That the Transport and Connectivity Policy Committee"
        );
        assert_eq!(f[0].items.len(), 2, "{f:#?}");
        // Without a list after it, the words decide nothing.
        assert!(find("That the Committee: had met twice.").is_empty());
        // Noting is read only where the paragraph is set in bold.
        let noted = "The Committee for Transport and connectivity noted the report";
        assert!(find(noted).is_empty());
        assert_eq!(find_set(noted, true)[0].marker, "noted");
        assert!(find_set("It was noted that the report was late.", true).is_empty());
    }

    /// Haringey Schools Forum, 25 February 2015, minutes 7.4, 8.2 and 12:
    /// an agreement inside a relative clause, and a bare passive inside a
    /// paragraph, tell the discussion; a bare passive opening a paragraph
    /// records the decision.
    #[test]
    fn agreements_told_inside_a_paragraph() {
        let t = "The Forum also noted elements of the HNB. The net position was a balance of \
                 £0.563m to offset the pressure of £0.702m, which it was agreed would be used \
                 to create a \"bringing in\" fund.";
        assert!(find(t).is_empty(), "{:#?}", find(t));
        let t = "The Forum noted the increasing number of children waiting. An initial \
                 allocation of funding of £395,000 was agreed from the DSG High Needs block \
                 from April 2015, which would be used to fund the support needs of children. \
                 It was also noted that demand was likely to increase further.";
        assert!(find(t).is_empty(), "{:#?}", find(t));
        let t = "The updated workplan for 2014/15 was noted subject to the addition of \
                 specific update on early help. It was also agreed that there should be an \
                 update in 2016/17 on the development of the Traded Services model of provision.";
        let f = find(t);
        let markers: Vec<&str> = f.iter().map(|f| f.marker.as_str()).collect();
        assert_eq!(markers, ["noted", "agreed"]);
        assert!(f[0].text.starts_with("The updated workplan"));
        // "It was noted that …" reports; the passive with "it" is no record.
        assert!(find("It was noted that the report was late. The end.").is_empty());
        // Bristol printed minutes, 12 September 2024 and 15 May 2025:
        // statements heard, and a lead-in to what was noted, decide nothing.
        assert!(find("Statements were received and noted as follows:").is_empty());
        assert!(
            find("The Membership of the Committee was noted:- • The Deputy Leader - Chair")
                .is_empty()
        );
        // Decoy Community Primary School, FGB 1 February 2021, 50/2021: a
        // bare passive closing a lettered point is at its edge.
        let t = "It was agreed that there should be a review. d. Term dates for 2021/2022 as \
                 recommended by the BM Committee. This was ratified and is to be placed on the \
                 website. a. Terms of Reference for the BM Committee - agreed.";
        let f = find(t);
        assert!(
            f.iter().any(|f| f.text.starts_with("This was ratified")),
            "{f:#?}"
        );
    }

    /// West Dereham Parish Council, 1 June 2017, minutes 73/17 and 82/17:
    /// the body in lower case, and a motion proposed and seconded.
    #[test]
    fn councillors_in_lower_case_and_a_seconded_motion() {
        assert_eq!(
            agreement_verb("The councillors agreed that the minutes should be signed as a true record subject to the two amendments.").as_deref(),
            Some("agreed")
        );
        let t = "The Parish Clerk reported that he had been unable to complete a report for \
                 the meeting. CC proposed and LH seconded that the financial information should \
                 be presented at the July Parish Council Meeting.";
        let f = find(t);
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].marker, "proposed");
        assert!(f[0].text.starts_with("CC proposed and LH seconded"));
        assert_eq!(
            agreement_verb("The motion was proposed and seconded."),
            None
        );
    }

    #[test]
    fn agreed_motion_with_a_list() {
        // Kent Scrutiny Committee, 29 January 2025, as reported to Cabinet.
        let t = "Following the debate, the Scrutiny Committee unanimously agreed the following motion: a. That implementation of Decision 24/00093 be postponed pending review by the full Council.";
        let f = find(t);
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].marker, "agreed");
        assert_eq!(
            f[0].items,
            vec!["Following the debate, the Scrutiny Committee unanimously agreed the following motion: That implementation of Decision 24/00093 be postponed pending review by the full Council."]
        );
        assert_eq!(f[0].votes, vec!["unanimously agreed"]);
        let t = "After the debate, the Committee resolved, with a unanimous vote, to refer the matter to full Council for review.";
        let f = find(t);
        assert_eq!(f[0].marker, "resolved");
        assert_eq!(f[0].votes, vec!["with a unanimous vote"]);
    }
}

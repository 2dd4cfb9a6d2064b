//! Lexemes of recommendations: bullets, item numbers, "Recommendation 5"
//! headings, section headings ("Recommendations", "Areas for improvement",
//! "What needs to improve …?"), addressee leads ("LSCBs should:", "Cabinet
//! is asked to:"), "N/A" markers and imperative openings.
//!
//! Each is a small nom parser over one paragraph's text, tested beside it.
//! The structure they are assembled into lives in `recommendation`.

use nom::branch::alt;
use nom::bytes::complete::{tag, tag_no_case, take_while1, take_while_m_n};
use nom::character::complete::{anychar, char, satisfy, space0, space1};
use nom::combinator::{eof, opt, peek, recognize};
use nom::multi::{many0, many_till};
use nom::sequence::{delimited, terminated};
use nom::{IResult, Parser};

pub use crate::lex::{bullet, is_bullet_char, sentences};

fn digits3(input: &str) -> IResult<&str, &str> {
    terminated(
        take_while_m_n(1, 3, |c: char| c.is_ascii_digit()),
        peek(nom::combinator::not(satisfy(|c: char| c.is_ascii_digit()))),
    )
    .parse(input)
}

/// "5.", "1.3.", "8.1", "R3": a number as printed, without its final dot.
fn dotted_number(input: &str) -> IResult<&str, String> {
    let (rest, n) = recognize((
        opt(satisfy(|c| c == 'R' || c == 'r')),
        digits3,
        many0((char('.'), digits3)),
    ))
    .parse(input)?;
    let (rest, _) = opt(alt((char('.'), char(')')))).parse(rest)?;
    Ok((rest, n.to_string()))
}

/// "(1)", "(a)", "(iv)", "a)".
fn bracketed_number(input: &str) -> IResult<&str, String> {
    let label = |i| {
        alt((
            digits3,
            take_while_m_n(1, 1, |c: char| c.is_ascii_lowercase()),
            take_while1(|c: char| matches!(c, 'i' | 'v' | 'x')),
        ))
        .parse(i)
    };
    let (rest, n) = alt((
        delimited(char('('), label, char(')')),
        terminated(
            take_while_m_n(1, 1, |c: char| c.is_ascii_lowercase()),
            char(')'),
        ),
    ))
    .parse(input)?;
    Ok((rest, n.to_string()))
}

/// An item number in front of a paragraph, followed by a space: "5. ",
/// "1.3. ", "(2) ", "a) ", "R3 ". Returns the number and the text after it.
pub fn item_number(input: &str) -> IResult<&str, String> {
    terminated(alt((bracketed_number, dotted_number)), space1).parse(input)
}

/// "Recommendation 5", "Recommendation R3:", "Recommendation 12 – Ensure …":
/// the number and the text on the same line (often empty).
pub fn rec_heading(input: &str) -> IResult<&str, String> {
    // Most paragraphs fail here: skip nom's char-by-char case folding.
    if !starts_with_ignore_ascii_case(input, "recommendation") {
        return Err(verify_error(input));
    }
    let (rest, _) = tag_no_case("Recommendation").parse(input)?;
    let (rest, _) = space1(rest)?;
    let (rest, n) = recognize((opt(satisfy(|c| c == 'R' || c == 'r')), digits3)).parse(rest)?;
    let (rest, _) = nom::combinator::not(satisfy(|c: char| c.is_alphanumeric())).parse(rest)?;
    let (rest, _) = opt(alt((tag(":"), tag("."), tag(" -"), tag(" –")))).parse(rest)?;
    let (rest, _) = space0(rest)?;
    Ok((rest, n.to_string()))
}

/// "Key Judgement Area: Leadership, management and governance" -> the area.
pub fn key_area(input: &str) -> IResult<&str, &str> {
    // Only "key …" or "judg…" can match; the Kelvin sign (U+212A) is the one
    // non-ASCII char that `tag_no_case` takes for a "k", so it goes on too.
    let first = input.as_bytes().first().map(|b| b.to_ascii_lowercase());
    if !matches!(first, Some(b'k' | b'j')) && !input.starts_with('\u{212a}') {
        return Err(verify_error(input));
    }
    let (rest, _) = opt(terminated(tag_no_case("Key"), space1)).parse(input)?;
    let (rest, _) =
        alt((tag_no_case("judgement area"), tag_no_case("judgment area"))).parse(rest)?;
    let (rest, _) = (space0, char(':'), space0).parse(rest)?;
    let (_, _) = peek(anychar).parse(rest)?;
    Ok(("", rest))
}

/// Which kind of list a section heading opens.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SectionKind {
    /// "Recommendations", "Recommendation(s):"
    Recommendations,
    /// "Areas for improvement", "Areas for development"
    AreasForImprovement,
    /// "Areas for priority action"
    PriorityAction,
    /// "What needs to improve (in this area of social work practice)?"
    WhatNeedsToImprove,
}

/// A section heading: its kind, the printed title, whether a colon follows
/// and any text after it on the same line ("Recommendations: To note the report").
#[derive(Debug, Clone, PartialEq)]
pub struct SectionHeading<'a> {
    pub kind: SectionKind,
    pub title: &'a str,
    pub colon: bool,
    pub inline: &'a str,
}

fn section_title(input: &str) -> IResult<&str, (SectionKind, &str)> {
    alt((
        recognize(alt((
            tag_no_case("Recommendation(s)"),
            tag_no_case("Recommendations"),
            tag_no_case("Recommendation"),
            // Birmingham's report template: "2 Decision(s) recommended:".
            tag_no_case("Decision(s) recommended"),
            tag_no_case("Decisions recommended"),
            tag_no_case("Decision recommended"),
        )))
        .map(|t| (SectionKind::Recommendations, t)),
        recognize(alt((
            tag_no_case("Areas for improvement"),
            tag_no_case("Areas for development"),
            tag_no_case("Areas requiring improvement"),
        )))
        .map(|t| (SectionKind::AreasForImprovement, t)),
        recognize(alt((
            tag_no_case("Areas for priority action"),
            tag_no_case("Priority actions"),
        )))
        .map(|t| (SectionKind::PriorityAction, t)),
        recognize((
            alt((
                tag_no_case("What needs to improve"),
                tag_no_case("What needs improving"),
            )),
            many_till(anychar, peek(alt((tag("?"), eof)))),
        ))
        .map(|t| (SectionKind::WhatNeedsToImprove, t)),
    ))
    .parse(input)
}

/// Whether `s` may open with a section title: every title opens with one
/// of these (no non-ASCII char case-folds to their letters).
/// The text's first letter says which one it can be.
fn opens_title(s: &str) -> bool {
    let title = match s.as_bytes().first().map(u8::to_ascii_lowercase) {
        Some(b'r') => "reco",
        Some(b'a') => "area",
        Some(b'p') => "prio",
        Some(b'w') => "what",
        Some(b'd') => "deci",
        _ => return false,
    };
    starts_with_ignore_ascii_case(s, title)
}

/// "Officer Recommendations:", "Officers’ Recommendations:": one word
/// qualifying the title, set as a label (the colon) so that it is no
/// sentence or contents line.
fn qualified_heading(input: &str) -> Option<SectionHeading<'_>> {
    let (word, rest) = input.split_once(' ')?;
    if !opens_title(rest) {
        return None;
    }
    let name_like = starts_upper(word)
        && word
            .chars()
            .all(|c| c.is_alphabetic() || matches!(c, '\'' | '’'));
    if !name_like {
        return None;
    }
    let (_, h) = section_heading(rest).ok()?;
    (h.kind == SectionKind::Recommendations && h.colon).then_some(h)
}

/// A heading that opens a list of recommendations, optionally numbered
/// ("3. Recommendations", "9 Recommendation(s):", "2.0 Recommendations").
pub fn section_heading(input: &str) -> IResult<&str, SectionHeading<'_>> {
    // A number prefix opens with a digit, "(", "R" or "a)"; without one the
    // title itself must open the text.
    let b = input.as_bytes();
    let may_number = match b.first() {
        Some(c) if c.is_ascii_digit() || matches!(c, b'(' | b'R' | b'r') => true,
        Some(c) => c.is_ascii_lowercase() && b.get(1) == Some(&b')'),
        None => false,
    };
    if !may_number && !opens_title(input) {
        return qualified_heading(input)
            .map(|h| ("", h))
            .ok_or_else(|| verify_error(input));
    }
    // Most numbered paragraphs are no heading: told without parsing the
    // number.
    if !title_may_open(input) {
        return Err(verify_error(input));
    }
    numbered_heading(input)
}

/// Whether a section title can open `input` or follow its first token. A
/// number prefix is one token without a space, then spaces or tabs, so
/// where neither holds `numbered_heading` fails (tested over every seed
/// line).
fn title_may_open(input: &str) -> bool {
    let after_token = input
        .find([' ', '\t'])
        .map_or("", |at| input[at..].trim_start_matches([' ', '\t', '|']));
    opens_title(input) || opens_title(after_token)
}

/// `section_heading` past its first tests: an optional number, the title,
/// a colon or nothing after it.
fn numbered_heading(input: &str) -> IResult<&str, SectionHeading<'_>> {
    let (rest, number) = opt(alt((
        item_number.map(|_| ()),
        (digits3, space1).map(|_| ()),
    )))
    .parse(input)?;
    // "2 | Recommendations": the number set apart from the title by a
    // wide gap, as in a heading laid out in two columns.
    let rest = match number {
        Some(()) => rest.strip_prefix("| ").unwrap_or(rest),
        None => rest,
    };
    if !opens_title(rest) {
        return Err(verify_error(input));
    }
    let (rest, (kind, title)) = section_title(rest)?;
    let (rest, mark) = opt(alt((char(':'), char('?'), char('-'), char('–')))).parse(rest)?;
    let (rest, _) = space0(rest)?;
    let colon = mark == Some(':');
    // Without a colon nothing may follow: "Recommendations 7" is a contents
    // line, "Areas for improvement include …" a sentence.
    if mark.is_none() && !rest.is_empty() {
        return Err(nom::Err::Error(nom::error::Error::new(
            input,
            nom::error::ErrorKind::Eof,
        )));
    }
    Ok((
        "",
        SectionHeading {
            kind,
            title,
            colon,
            inline: rest,
        },
    ))
}

/// "LSCB – Areas for improvement": a section heading with the addressee in
/// front of a dash.
pub fn addressed_section_heading(input: &str) -> Option<(Option<&str>, SectionHeading<'_>)> {
    if let Ok((_, h)) = section_heading(input) {
        return Some((None, h));
    }
    // The addressee is capitalised and at most four words long, so a dash
    // can only count where it starts at or before the fifth word: search
    // that far, not the whole paragraph, and not at all when the text opens
    // in lower case. (A first dash further on fails the word count.)
    if !starts_upper(input.trim_start()) {
        return None;
    }
    const DASHES: [&str; 4] = [" – ", " - ", " — ", ": "];
    let first = first_dashes(input, &DASHES);
    for (dash, found) in DASHES.iter().zip(first) {
        if let Some(at) = found {
            let who = input[..at].trim();
            if who.split_whitespace().count() <= 4 && starts_upper(who) {
                if let Ok((_, h)) = section_heading(&input[at + dash.len()..]) {
                    if h.kind != SectionKind::Recommendations {
                        return Some((Some(who), h));
                    }
                }
            }
        }
    }
    None
}

/// Where each dash (opening with a space or a colon) first occurs in
/// `s`, where that is at or before the start of the fifth word; one scan
/// that stops there. Words are split at ASCII whitespace only, which can
/// merge words, never split them: the scan may go further than four words,
/// never less. A match of a needle that opens with an ASCII byte starts on
/// a char boundary.
fn first_dashes<const N: usize>(s: &str, dashes: &[&str; N]) -> [Option<usize>; N] {
    let b = s.as_bytes();
    let mut found = [None; N];
    let mut words = 0;
    let mut in_word = false;
    for (k, &c) in b.iter().enumerate() {
        if c == b' ' || c == b':' {
            for (f, d) in found.iter_mut().zip(dashes) {
                if f.is_none() && b[k..].starts_with(d.as_bytes()) {
                    *f = Some(k);
                }
            }
        }
        if matches!(c, b' ' | b'\t' | b'\n' | 0x0B | 0x0C | b'\r') {
            in_word = false;
        } else if !in_word {
            if words == 4 {
                break;
            }
            words += 1;
            in_word = true;
        }
    }
    found
}

/// `s` opens with `prefix` (ASCII), ignoring ASCII case.
fn starts_with_ignore_ascii_case(s: &str, prefix: &str) -> bool {
    s.as_bytes()
        .get(..prefix.len())
        .is_some_and(|h| h.eq_ignore_ascii_case(prefix.as_bytes()))
}

/// The error a pre-check returns where the parser it guards would fail.
fn verify_error(input: &str) -> nom::Err<nom::error::Error<&str>> {
    nom::Err::Error(nom::error::Error::new(input, nom::error::ErrorKind::Verify))
}

fn starts_upper(s: &str) -> bool {
    s.chars().next().is_some_and(|c| c.is_uppercase())
}

/// "LSCBs should:", "In addition local authorities should:" -> the addressee.
pub fn addressee_lead(input: &str) -> IResult<&str, &str> {
    let (rest, _) = opt((tag_no_case("In addition"), opt(char(',')), space1)).parse(input)?;
    let (rest, who) = take_until(rest, " should:")?;
    let (rest, _) = (tag(" should:"), space0, eof).parse(rest)?;
    if who.is_empty() || who.split_whitespace().count() > 16 || who.contains(". ") {
        return Err(nom::Err::Error(nom::error::Error::new(
            input,
            nom::error::ErrorKind::Verify,
        )));
    }
    Ok((rest, before_participle(who)))
}

/// The subject without the participle clause that qualifies it: "Local
/// authorities and partner agencies delivering early help to children and
/// families" -> "Local authorities and partner agencies". The clause opens
/// at a word in lower case ending "-ing", after the first word.
fn before_participle(who: &str) -> &str {
    let mut at = 0;
    for (k, w) in who.split(' ').enumerate() {
        let participle =
            w.len() > 5 && w.ends_with("ing") && w.chars().all(|c| c.is_ascii_lowercase());
        if k > 0 && participle {
            return who[..at].trim_end();
        }
        at += w.len() + 1;
    }
    who
}

fn asked_marker(input: &str) -> IResult<&str, &str> {
    recognize((
        char(' '),
        alt((tag("is"), tag("are"))),
        char(' '),
        alt((
            tag("asked"),
            tag("invited"),
            tag("recommended"),
            tag("requested"),
        )),
        tag(" to"),
    ))
    .parse(input)
}

/// The text up to the first `needle`, and the rest from it on: what
/// `recognize(many_till(anychar, peek(tag(needle))))` gives, by a substring
/// search instead of a parser call per char.
fn take_until<'a>(input: &'a str, needle: &str) -> IResult<&'a str, &'a str> {
    let at = input.find(needle).ok_or_else(|| verify_error(input))?;
    Ok((&input[at..], &input[..at]))
}

/// `recognize(many_till(anychar, peek(asked_marker)))`: the marker opens
/// with " is " or " are ", so it is tried only at such spaces.
fn take_until_asked(input: &str) -> IResult<&str, &str> {
    let b = input.as_bytes();
    let at = (0..b.len())
        .filter(|&k| {
            b[k] == b' ' && (b[k + 1..].starts_with(b"is ") || b[k + 1..].starts_with(b"are "))
        })
        .find(|&k| asked_marker(&input[k..]).is_ok())
        .ok_or_else(|| verify_error(input))?;
    Ok((&input[at..], &input[..at]))
}

/// "The Cabinet is asked to:", "Cabinet is asked to RECOMMEND that:",
/// "Members of the Forum are asked to consider …" -> the body asked, and
/// the text after "to".
pub fn asked_to(input: &str) -> IResult<&str, &str> {
    let (rest, _) = opt((tag_no_case("That"), space1)).parse(input)?;
    let (rest, who) = take_until_asked(rest)?;
    let (rest, _) = asked_marker(rest)?;
    if who.is_empty() || who.split_whitespace().count() > 12 || who.contains(". ") {
        return Err(nom::Err::Error(nom::error::Error::new(
            input,
            nom::error::ErrorKind::Verify,
        )));
    }
    Ok((rest, who))
}

/// Verbs a body is asked to perform in "That the Panel notes …".
const BODY_VERBS: &[&str] = &[
    "note",
    "notes",
    "agree",
    "agrees",
    "approve",
    "approves",
    "endorse",
    "endorses",
    "consider",
    "considers",
    "receive",
    "receives",
    "comment",
    "comments",
    "recommend",
    "recommends",
    "request",
    "requests",
    "support",
    "supports",
    "delegate",
    "delegates",
    "adopt",
    "adopts",
    "confirm",
    "confirms",
    "authorise",
    "authorises",
    "resolve",
    "resolves",
    "review",
    "reviews",
];

/// "That members note the report" -> "members"; "That the Panel agrees …"
/// -> "the Panel". A passive "That the plan is noted" names no body.
pub fn that_addressee(input: &str) -> IResult<&str, &str> {
    let (body, _) = (tag_no_case("That"), space1).parse(input)?;
    let mut end = 0;
    for (k, word) in body.split(' ').enumerate() {
        let w = word
            .trim_matches(|c: char| !c.is_alphanumeric())
            .to_lowercase();
        if k > 0 && BODY_VERBS.contains(&w.as_str()) {
            // "That the Committee … notes": the body, without its article,
            // as a subject lead gives it.
            let who = body[..end].trim();
            let who = strip_word(who, "the").unwrap_or(who);
            if who.is_empty() {
                break;
            }
            return Ok((&body[end..], who));
        }
        if k >= 6 || matches!(w.as_str(), "is" | "be" | "are" | "was" | "has" | "have") {
            break;
        }
        end += word.len() + 1;
    }
    Err(nom::Err::Error(nom::error::Error::new(
        input,
        nom::error::ErrorKind::Verify,
    )))
}

/// "Immediately:", "Within three months:", "Within 6 weeks": a sub-heading
/// that says when the items below it are due, not what area they cover.
pub fn timescale_heading(input: &str) -> bool {
    let t = input.trim().trim_end_matches(':').trim_end();
    if t.eq_ignore_ascii_case("immediately") {
        return true;
    }
    let words: Vec<&str> = t.split_whitespace().collect();
    match words.as_slice() {
        [within, n, unit] => {
            within.eq_ignore_ascii_case("within")
                && crate::lex::count_value(n).is_some()
                && matches!(
                    unit.to_ascii_lowercase().trim_end_matches('s'),
                    "day" | "week" | "month" | "year"
                )
        }
        _ => false,
    }
}

/// "That Committee:", "That the West of England Combined Authority
/// Committee:", "The Panel:": a subject on a line of its own whose verb
/// opens each item below ("1) Notes the …", "2) Approves …"). Returns the
/// body without the article. Whether the items complete it is the caller's
/// to check.
pub fn subject_lead(input: &str) -> Option<&str> {
    // "That the Committee:-": a dash after the colon points down to the list.
    let t = input.trim_end().trim_end_matches(['-', '–', ' ']);
    let t = t.strip_suffix(':')?.trim_end();
    let with_article = strip_word(t, "That").unwrap_or(t);
    let t = strip_word(with_article, "the").unwrap_or(with_article);
    let words: Vec<&str> = t.split_whitespace().collect();
    if words.is_empty() || words.len() > 10 || !starts_upper(t) || t.contains(['.', ',', ';']) {
        return None;
    }
    // Every word a name's: capitalised, or a linking word ("of", "and").
    let named = words
        .iter()
        .all(|w| starts_upper(w) || matches!(*w, "of" | "and" | "for" | "&" | "the" | "on"));
    // "the Committee" keeps its article; a body named in full ("the West
    // of England Combined Authority Committee") stands without it.
    let who = if words.len() == 1 && with_article.starts_with("the ") {
        with_article
    } else {
        t
    };
    named.then_some(who)
}

/// "That the Committee for Transport and Connectivity" with no colon: a
/// subject lead only where it opens with "That" (the caller checks that a
/// numbered item finishes it).
pub fn bare_subject_lead(input: &str) -> Option<&str> {
    let t = input.trim_end();
    if t.ends_with(':') || strip_word(t, "That").is_none() {
        return None;
    }
    subject_lead(&format!("{t}:")).map(|who| &t[t.len() - who.len()..])
}

/// The verb an item of a subject lead opens with: third person ("Notes",
/// "Delegates") or, after "That the Committee", the bare form ("Approve").
pub fn completes_bare_subject(item: &str) -> bool {
    let first = first_word_lower(item);
    completes_subject(item)
        || BODY_VERBS.contains(&first.as_str())
        || IMPERATIVES.contains(&first.as_str())
}

/// An item's first word, lowercased, without the punctuation around it.
fn first_word_lower(item: &str) -> String {
    item.split_whitespace()
        .next()
        .unwrap_or("")
        .trim_matches(|c: char| !c.is_alphanumeric())
        .to_lowercase()
}

/// `s` without its first word `word` (any case) and the space after it.
fn strip_word<'a>(s: &'a str, word: &str) -> Option<&'a str> {
    let head = s.get(..word.len())?;
    let rest = s.get(word.len()..)?;
    (head.eq_ignore_ascii_case(word) && rest.starts_with(' ')).then(|| rest.trim_start())
}

/// The third-person verb a subject lead's item opens with ("Notes",
/// "Delegates"): the body's verb, so the item completes the lead.
pub fn completes_subject(item: &str) -> bool {
    let first = first_word_lower(item);
    first.ends_with('s')
        && (BODY_VERBS.contains(&first.as_str())
            || IMPERATIVES.contains(&first.trim_end_matches('s')))
}

/// "This report is presented for the Committee's consideration" -> "Committee".
pub fn for_consideration(input: &str) -> Option<&str> {
    // Every needle holds an apostrophe: a text without one holds none.
    if !input.contains('\'') && !input.contains('’') {
        return None;
    }
    for (needle, needle2) in [
        ("’s consideration", "'s consideration"),
        ("’s approval", "'s approval"),
        ("’s decision", "'s decision"),
        ("’s information", "'s information"),
        ("’s comment", "'s comment"),
    ] {
        // A word not in the sentence: try the next one.
        let Some(at) = input.find(needle).or_else(|| input.find(needle2)) else {
            continue;
        };
        let before = &input[..at];
        let Some(start) = before.rfind(" for ").map(|i| i + 5) else {
            continue;
        };
        // The body without its article, as every lead gives it.
        let who = before[start..].trim();
        let who = who
            .strip_prefix("the ")
            .or_else(|| who.strip_prefix("The "))
            .unwrap_or(who);
        if !who.is_empty() && who.split_whitespace().count() <= 5 {
            return Some(who);
        }
    }
    None
}

/// "N/A", "None", "Not applicable": the section holds no recommendation.
pub fn none_marker(input: &str) -> IResult<&str, &str> {
    terminated(
        alt((
            tag_no_case("n/a"),
            tag_no_case("none"),
            tag_no_case("not applicable"),
            tag("-"),
        )),
        (opt(char('.')), space0, eof),
    )
    .parse(input)
}

/// Verbs that open an imperative recommendation ("Ensure that …", "improve
/// the quality …") in Ofsted reports and council reports alike.
const IMPERATIVES: &[&str] = &[
    "accelerate",
    "achieve",
    "address",
    "adopt",
    "agree",
    "align",
    "allocate",
    "amend",
    "analyse",
    "appoint",
    "approve",
    "arrange",
    "assess",
    "assure",
    "audit",
    "build",
    "challenge",
    "clarify",
    "collect",
    "commission",
    "communicate",
    "complete",
    "comply",
    "conduct",
    "confirm",
    "consider",
    "consolidate",
    "consult",
    "continue",
    "co-ordinate",
    "coordinate",
    "create",
    "delegate",
    "deliver",
    "demonstrate",
    "design",
    "determine",
    "develop",
    "drill",
    "embed",
    "enable",
    "encourage",
    "endorse",
    "engage",
    "enhance",
    "ensure",
    "establish",
    "evaluate",
    "examine",
    "expand",
    "explore",
    "extend",
    "facilitate",
    "finalise",
    "focus",
    "give",
    "help",
    "identify",
    "implement",
    "improve",
    "include",
    "increase",
    "inform",
    "introduce",
    "investigate",
    "involve",
    "keep",
    "maintain",
    "make",
    "manage",
    "maximise",
    "measure",
    "meet",
    "minimise",
    "monitor",
    "note",
    "offer",
    "plan",
    "prepare",
    "prioritise",
    "produce",
    "promote",
    "provide",
    "publish",
    "put",
    "raise",
    "receive",
    "recognise",
    "record",
    "recruit",
    "reduce",
    "refresh",
    "reinforce",
    "request",
    "require",
    "rescind",
    "resolve",
    "respond",
    "review",
    "revise",
    "seek",
    "secure",
    "set",
    "share",
    "specify",
    "strengthen",
    "streamline",
    "support",
    "sustain",
    "tackle",
    "take",
    "target",
    "track",
    "train",
    "undertake",
    "update",
    "use",
    "work",
];

/// Words that show the first word was a noun, not a verb: "Work is now
/// underway", "Review of progress has …".
fn noun_follower(w: &str) -> bool {
    matches!(
        w,
        "is" | "are"
            | "was"
            | "were"
            | "has"
            | "have"
            | "had"
            | "will"
            | "can"
            | "may"
            | "of"
            | "should"
            | "would"
            | "could"
    ) || (w.len() > 3 && w.ends_with("ed"))
}

fn verb_stem(word: &str) -> Option<(bool, &'static str)> {
    let w = word.to_lowercase();
    if let Some(v) = IMPERATIVES.iter().find(|v| **v == w) {
        return Some((false, v));
    }
    let stem = w.strip_suffix("ing")?;
    let mut candidates = vec![stem.to_string(), format!("{stem}e")];
    // "committing" -> "commit": a doubled last letter.
    let mut tail = stem.chars().rev();
    if let (Some(a), Some(b)) = (tail.next(), tail.next()) {
        if a == b {
            candidates.push(stem.chars().take(stem.chars().count() - 1).collect());
        }
    }
    for c in candidates {
        if let Some(v) = IMPERATIVES.iter().find(|v| **v == c) {
            return Some((true, v));
        }
    }
    None
}

/// The paragraph opens with an imperative ("Ensure that", "critically
/// evaluate", "To note the report") or its -ing form ("promoting the use");
/// returns whether it is the -ing form.
pub fn imperative(input: &str) -> IResult<&str, bool> {
    let word = |i| take_while1(|c: char| c.is_alphabetic() || c == '-').parse(i);
    let (rest, _) = opt((tag_no_case("To"), space1)).parse(input)?;
    let adverb = |i| {
        terminated(word, space1)
            .map_res(|w: &str| if w.ends_with("ly") { Ok(()) } else { Err(()) })
            .parse(i)
    };
    let (rest, _) = opt(adverb).parse(rest)?;
    let (after, first) = word(rest)?;
    let (gerund, _) = verb_stem(first).ok_or_else(|| {
        nom::Err::Error(nom::error::Error::new(input, nom::error::ErrorKind::Verify))
    })?;
    let next = after
        .split_whitespace()
        .next()
        .unwrap_or("")
        .trim_matches(|c: char| !c.is_alphanumeric())
        .to_lowercase();
    if noun_follower(&next) {
        return Err(nom::Err::Error(nom::error::Error::new(
            input,
            nom::error::ErrorKind::Verify,
        )));
    }
    Ok((after, gerund))
}

/// "The local authority should satisfy itself …", "Leaders across the
/// partnership should continue …": the named subject of the first sentence
/// that says who should act. Pronouns ("They should …") name no one.
pub fn should_subject(text: &str) -> Option<&str> {
    let mut start = 0;
    loop {
        let sentence = &text[start..];
        // Where this sentence has no " should ", no later one has.
        let (_, who) = take_until(sentence, " should ").ok()?;
        let words = who.split_whitespace().count();
        let first = who.split_whitespace().next().unwrap_or("");
        let pronoun = matches!(
            first.to_lowercase().as_str(),
            "they" | "it" | "this" | "these" | "we" | "he" | "she" | "there" | "that"
        );
        if (1..=10).contains(&words) && !who.contains(". ") && starts_upper(who) && !pronoun {
            return Some(who);
        }
        let next = sentence.find(". ")?;
        start += next + 2;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn presented_for_any_of_the_words() {
        for what in [
            "consideration",
            "approval",
            "decision",
            "information",
            "comment",
        ] {
            for apostrophe in ["'", "’"] {
                let s = format!("This report is presented for the Cabinet{apostrophe}s {what}.");
                assert_eq!(for_consideration(&s), Some("Cabinet"), "{s}");
            }
        }
        // A sentence holding a word but no "for" before it, then a later
        // word that has one.
        assert_eq!(
            for_consideration("The Panel's decision is awaited; for the Board's information."),
            Some("Board")
        );
        assert_eq!(for_consideration("Nothing to consider here."), None);
    }

    #[test]
    fn item_numbers() {
        assert_eq!(item_number("5. Develop"), Ok(("Develop", "5".into())));
        assert_eq!(
            item_number("1.3. This report"),
            Ok(("This report", "1.3".into()))
        );
        assert_eq!(item_number("8.1 Cabinet"), Ok(("Cabinet", "8.1".into())));
        assert_eq!(
            item_number("(2) the scheme"),
            Ok(("the scheme", "2".into()))
        );
        assert_eq!(item_number("a) 24-00093"), Ok(("24-00093", "a".into())));
        assert_eq!(item_number("R3 Ensure"), Ok(("Ensure", "R3".into())));
        assert!(item_number("2015 was").is_err());
        assert!(item_number("Ensure").is_err());
    }

    #[test]
    fn recommendation_headings() {
        assert_eq!(rec_heading("Recommendation 17"), Ok(("", "17".into())));
        assert_eq!(
            rec_heading("Recommendation R3: Ensure that"),
            Ok(("Ensure that", "R3".into()))
        );
        assert!(rec_heading("Recommendations").is_err());
        assert!(rec_heading("Recommendations 7").is_err());
        assert!(rec_heading("Recommendation 1a").is_err());
    }

    #[test]
    fn key_judgement_areas() {
        assert_eq!(
            key_area("Key Judgement Area: Leadership, management and governance"),
            Ok(("", "Leadership, management and governance"))
        );
        assert!(key_area("Key Judgement Area:").is_err());
    }

    /// Ofsted's thematic report (seed 000 p31): the addressee is the
    /// subject, not the clause that says which of them.
    #[test]
    fn addressee_lead_without_its_participle_clause() {
        assert_eq!(
            addressee_lead("Local authorities and partner agencies delivering early help to children and families should:")
                .map(|(_, who)| who),
            Ok("Local authorities and partner agencies")
        );
        assert_eq!(
            addressee_lead("LSCBs should:").map(|(_, who)| who),
            Ok("LSCBs")
        );
    }

    #[test]
    fn section_headings() {
        let h = section_heading("Recommendations").unwrap().1;
        assert_eq!(
            (h.kind, h.colon, h.inline),
            (SectionKind::Recommendations, false, "")
        );
        let h = section_heading("Recommendations: To note the report")
            .unwrap()
            .1;
        assert_eq!((h.colon, h.inline), (true, "To note the report"));
        let h = section_heading("9 Recommendation(s):").unwrap().1;
        assert_eq!(h.title, "Recommendation(s)");
        assert!(section_heading("3. Recommendations").is_ok());
        // Birmingham's group company reports (corpus-real, pp7, 25, 55).
        let h = section_heading("2. Decision(s) recommended:").unwrap().1;
        assert_eq!((h.kind, h.colon), (SectionKind::Recommendations, true));
        assert!(section_heading("2 Decisions recommended:").is_ok());
        assert!(section_heading("Decisions recommended by the panel were").is_err());
        assert_eq!(
            section_heading("What needs to improve in this area of social work practice?")
                .unwrap()
                .1
                .kind,
            SectionKind::WhatNeedsToImprove
        );
        // A footnote marker glued to the question mark is no obstacle.
        let h = section_heading("What needs to improve?1").unwrap().1;
        assert_eq!(h.kind, SectionKind::WhatNeedsToImprove);
        assert_eq!(
            section_heading("Areas for priority action").unwrap().1.kind,
            SectionKind::PriorityAction
        );
        assert!(section_heading("Recommendations 7").is_err());
        assert!(section_heading("Areas for improvement include staffing").is_err());
        let (who, h) = addressed_section_heading("LSCB – Areas for improvement").unwrap();
        assert_eq!(
            (who, h.kind),
            (Some("LSCB"), SectionKind::AreasForImprovement)
        );
        assert!(addressed_section_heading("Section 1 – Summary and Recommendations").is_none());
    }

    #[test]
    fn numbered_headings_pass_the_title_test() {
        let mut lines: Vec<String> = [
            "3. Recommendations",
            "9 Recommendation(s):",
            "(2)\tAreas for improvement",
            "a)  What needs to improve?",
            "R3 Decisions recommended:",
            "1.2.3. Priority actions",
            "12 Recommendations 7",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect();
        for text in crate::test_seeds::seed_texts() {
            lines.extend(text.lines().map(|l| l.trim().to_string()));
        }
        let mut headings = 0;
        for l in &lines {
            if numbered_heading(l).is_ok() {
                headings += 1;
                assert!(title_may_open(l), "{l:?}");
            }
        }
        assert!(headings >= 7, "{headings}");
    }

    /// `addressed_section_heading` as first written: every dash searched
    /// for over the whole text.
    fn addressed_reference(input: &str) -> Option<(Option<&str>, SectionHeading<'_>)> {
        if let Ok((_, h)) = section_heading(input) {
            return Some((None, h));
        }
        for dash in [" – ", " - ", " — ", ": "] {
            if let Some(at) = input.find(dash) {
                let who = input[..at].trim();
                if who.split_whitespace().count() <= 4 && starts_upper(who) {
                    if let Ok((_, h)) = section_heading(&input[at + dash.len()..]) {
                        if h.kind != SectionKind::Recommendations {
                            return Some((Some(who), h));
                        }
                    }
                }
            }
        }
        None
    }

    #[test]
    fn the_dash_window_finds_what_the_whole_text_search_found() {
        for s in [
            "LSCB – Areas for improvement",
            "The Local Safeguarding Board – Areas for improvement",
            "One two three four five – Areas for improvement",
            "One\u{a0}two three four – Areas for priority action",
            "One\u{a0}two three four five – Areas for improvement",
            "A b c d: What needs to improve?",
            "A b c d : What needs to improve?",
            "Board - Recommendations",
            "Board – Summary – Areas for development",
            "Board: note – Areas for improvement",
            "lower case – Areas for improvement",
            "  Padded – Areas for improvement",
            "Ofsted — Priority actions",
            "Ä – Areas for improvement",
            "Summary: Areas for improvement include staffing",
            "a) Recommendations:",
            "(2) Areas for improvement",
            "R3 Recommendations",
            "2.0 Recommendations",
            "9 Recommendation(s): note",
            "Recommendations",
            "areas for improvement",
            "Board –",
            ": ",
            "",
        ] {
            assert_eq!(
                addressed_section_heading(s),
                addressed_reference(s),
                "{s:?}"
            );
        }
    }

    #[test]
    fn searches_find_what_the_char_by_char_parsers_found() {
        for s in [
            "The Cabinet is asked to:",
            "Members are invited to note. Cabinet is asked to agree",
            "This is a plan; they are recommended to act",
            "is asked to",
            " is asked to",
            "Ä is requested to ß",
            "Leaders should: act",
            "Leaders should act. The board should:",
            "no marker here",
            "",
        ] {
            let asked: IResult<&str, &str> =
                recognize(many_till(anychar, peek(asked_marker))).parse(s);
            assert_eq!(take_until_asked(s).ok(), asked.ok(), "{s:?}");
            for needle in [" should:", " should "] {
                let tagged: IResult<&str, &str> =
                    recognize(many_till(anychar, peek(tag(needle)))).parse(s);
                assert_eq!(take_until(s, needle).ok(), tagged.ok(), "{s:?}");
            }
        }
    }

    #[test]
    fn subject_leads() {
        // WECA committee reports: "That Committee:" over "1) Notes …".
        assert_eq!(subject_lead("That Committee:"), Some("Committee"));
        assert_eq!(
            subject_lead("That the West of England Combined Authority Committee:"),
            Some("West of England Combined Authority Committee")
        );
        assert_eq!(
            subject_lead("The West of England Combined Authority Committee:"),
            Some("West of England Combined Authority Committee")
        );
        // Birmingham report p7: "That the Committee:-" over "2.1 Notes …":
        // the dash points down; a one-word body keeps its article.
        assert_eq!(subject_lead("That the Committee:-"), Some("the Committee"));
        // A timescale or a sentence is no subject.
        assert_eq!(subject_lead("Within six months:"), None);
        assert_eq!(subject_lead("That Committee notes the report."), None);
        assert!(completes_subject(
            "Notes the submission of the detailed draft Plan."
        ));
        assert!(completes_subject(
            "Allocates £5m of Investment Fund capital"
        ));
        assert!(completes_subject("Delegates authority to the Director"));
        assert!(!completes_subject("Ensure that schools are safe"));
        assert!(!completes_subject("The report sets out"));
    }

    #[test]
    fn qualified_headings() {
        // Bristol committee report: "Officer Recommendations:" mid-report.
        let h = section_heading("Officer Recommendations:").unwrap().1;
        assert_eq!(
            (h.kind, h.title),
            (SectionKind::Recommendations, "Recommendations")
        );
        // No colon: a contents line or a title, not the list's heading.
        assert!(section_heading("Sec 24 Recommendations").is_err());
        assert!(section_heading("Officer Recommendations").is_err());
        // Kent finance monitoring p3: the section number set apart by a
        // wide gap ("2 | Recommendations").
        let h = section_heading("2 | Recommendations").unwrap().1;
        assert_eq!(h.kind, SectionKind::Recommendations);
        assert!(section_heading("2 | Recommendations 5").is_err());
        assert_eq!(
            bare_subject_lead("That the Committee for Transport and Connectivity"),
            Some("Committee for Transport and Connectivity")
        );
        assert_eq!(bare_subject_lead("The Committee for Transport"), None);
        assert!(completes_bare_subject(
            "Approve, subject to suitable resource being available"
        ));
    }

    #[test]
    fn timescale_headings() {
        // Norfolk 2013: "Immediately:", "Within three months:" under "Areas for improvement".
        assert!(timescale_heading("Immediately:"));
        assert!(timescale_heading("Within three months:"));
        assert!(timescale_heading("Within 6 weeks"));
        assert!(!timescale_heading("Schools"));
        assert!(!timescale_heading("Within the local authority:"));
    }

    #[test]
    fn addressee_leads() {
        assert_eq!(addressee_lead("LSCBs should:"), Ok(("", "LSCBs")));
        assert_eq!(
            addressee_lead("In addition local authorities should:"),
            Ok(("", "local authorities"))
        );
        assert!(addressee_lead("LSCBs should: monitor").is_err());
        assert!(addressee_lead("They found it. Leaders should:").is_err());
    }

    #[test]
    fn asked_to_names_the_body() {
        assert_eq!(
            asked_to("The Cabinet is asked to:").map(|(_, w)| w),
            Ok("The Cabinet")
        );
        assert_eq!(
            asked_to("Cabinet is asked to RECOMMEND that:"),
            Ok((" RECOMMEND that:", "Cabinet"))
        );
        assert_eq!(
            asked_to("Members of the Forum are asked to consider").map(|(_, w)| w),
            Ok("Members of the Forum")
        );
        assert!(asked_to("The report sets out the plan.").is_err());
    }

    #[test]
    fn that_clauses() {
        assert_eq!(
            that_addressee("That members note the report.").map(|(_, w)| w),
            Ok("members")
        );
        assert_eq!(
            that_addressee("That the Panel agrees the plan").map(|(_, w)| w),
            Ok("Panel")
        );
        assert!(that_addressee("That the updated work plan for 2014-15 is noted.").is_err());
        assert_eq!(
            for_consideration(
                "This report is presented for the Committee's consideration and comment"
            ),
            Some("Committee")
        );
    }

    #[test]
    fn none_markers() {
        assert!(none_marker("N/A").is_ok());
        assert!(none_marker("None.").is_ok());
        assert!(none_marker("Not applicable").is_ok());
        assert!(none_marker("None of the local areas").is_err());
    }

    #[test]
    fn imperatives() {
        assert_eq!(imperative("Ensure that all").map(|r| r.1), Ok(false));
        assert_eq!(imperative("promoting the use").map(|r| r.1), Ok(true));
        assert_eq!(imperative("ensuring plans are").map(|r| r.1), Ok(true));
        assert_eq!(
            imperative("critically evaluate the").map(|r| r.1),
            Ok(false)
        );
        assert_eq!(imperative("To note the report").map(|r| r.1), Ok(false));
        assert_eq!(imperative("APPROVE the proposal").map(|r| r.1), Ok(false));
        assert!(imperative("Work is now underway").is_err());
        assert!(imperative("Work described within this report").is_err());
        assert!(imperative("Our engagement with schools").is_err());
        assert!(imperative("young person, is shared").is_err());
    }

    #[test]
    fn should_subjects() {
        assert_eq!(
            should_subject("The local authority should satisfy itself that"),
            Some("The local authority")
        );
        assert_eq!(
            should_subject(
                "Some children wait too long. The local area partnership should improve how"
            ),
            Some("The local area partnership")
        );
        assert_eq!(should_subject("They should implement strategies."), None);
    }

    #[test]
    fn sentence_split() {
        assert_eq!(
            sentences("Plans that work. Timely direct work, e.g. visits. Management oversight."),
            [
                "Plans that work.",
                "Timely direct work, e.g. visits.",
                "Management oversight."
            ]
        );
    }
}

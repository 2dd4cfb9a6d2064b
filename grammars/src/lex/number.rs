//! The number that opens a line, and its style: "7.", "7)", "(a)", "iv)",
//! "19.07.05", "2643", "CAB/23/45", "FGB 38/2021", "Minute 12:", "Item 4".
//!
//! A number is a label only where a space, a tab or the line's end follows
//! it ("7. Apologies", "(a) that …"); "2.5m" and "10,000" open no item.
//! What the number means (a minute, an agenda item, a paragraph) is for
//! the grammars to say from its style and typography, consistently within
//! a document.

use nom::branch::alt;
use nom::bytes::complete::{tag, tag_no_case, take_while1, take_while_m_n};
use nom::character::complete::{char, digit1, one_of, space1};
use nom::combinator::{eof, opt, peek, recognize};
use nom::multi::many1_count;
use nom::sequence::preceded;
use nom::{IResult, Parser};

/// How a leading number is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum NumberStyle {
    /// Digits alone or with one mark after: "7", "7.", "7)", "7:".
    Arabic,
    /// Dotted digits: "7.1", "19.07.05", "2.1." (the depth is the number of
    /// parts).
    Dotted { depth: u8 },
    /// A letter: "(a)", "a)", "a.", "A." (`upper` for capitals).
    Letter { upper: bool },
    /// Roman numerals of two or more letters, or "i": "(iv)", "ii)", "iii.".
    Roman,
    /// A reference of letters and numbers: "CAB/23/45", "FGB 38/2021",
    /// "24/00108", "P/24/0012".
    Reference,
    /// Led by a word: "Minute 12:", "Item 4", "Min. 12".
    Worded,
}

/// The number opening a line: its label as printed without its closing
/// mark ("7", "7.1", "a", "iv", "CAB/23/45", "12" for "Minute 12"), its
/// style, whether it was bracketed or closed by ")" (`paren`), and where
/// the rest of the line starts (a byte offset past the spaces after it).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LeadNumber {
    pub label: String,
    pub style: NumberStyle,
    pub paren: bool,
    pub rest: usize,
}

/// The number that opens `text` (folded: no leading spaces), if any.
pub fn lead_number(text: &str) -> Option<LeadNumber> {
    if !may_open_number(text) {
        return None;
    }
    parse_lead_number(text)
}

/// `lead_number` without the first-word test.
fn parse_lead_number(text: &str) -> Option<LeadNumber> {
    // Only the styles that can open with the first byte are tried, in the
    // same order: a digit opens no worded or lettered number, a letter no
    // dotted or arabic one.
    let first = text.as_bytes().first().copied().unwrap_or(0);
    let lexed = if first.is_ascii_digit() {
        alt((reference, dotted, arabic)).parse(text)
    } else if first == b'(' {
        alt((arabic, lettered)).parse(text)
    } else {
        alt((worded, reference, lettered)).parse(text)
    };
    let (rest, (label, style, paren)) = lexed.ok()?;
    let after: IResult<&str, &str> = alt((space1, eof)).parse(rest);
    let (rest, _) = after.ok()?;
    Some(LeadNumber {
        label: label.to_string(),
        style,
        paren,
        rest: text.len() - rest.len(),
    })
}

type Lexed<'a> = (&'a str, NumberStyle, bool);

/// Whether the first word of `text` can open a number of any style
/// below: most lines open with a word ("The", "Council") that cannot, and
/// are passed over without running the parsers.
fn may_open_number(text: &str) -> bool {
    // The first word, up to its space: a word is short, so read byte by
    // byte rather than searched for.
    let end = text.bytes().position(|c| c == b' ').unwrap_or(text.len());
    let word = &text[..end];
    match word.as_bytes().first() {
        Some(b) if b.is_ascii_digit() || *b == b'(' => true,
        // A letter: "Minute 12", "Item 4", "(a)", "a)", "iv.", "CAB/23/45",
        // "FGB 38/2021" (capitals, then the reference).
        Some(b) if b.is_ascii_alphabetic() => {
            word.contains(['.', ')', '/'])
                || word.bytes().all(|c| c.is_ascii_uppercase())
                || word.eq_ignore_ascii_case("minute")
                || word.eq_ignore_ascii_case("item")
        }
        _ => false,
    }
}

/// "Minute 12:", "MINUTE NO. 12", "Min. 12", "Item 4.", "Item 4 -".
fn worded(input: &str) -> IResult<&str, Lexed<'_>> {
    let (rest, _) = (
        alt((
            tag_no_case("minute no."),
            tag_no_case("minute"),
            tag_no_case("min."),
            tag_no_case("item"),
        )),
        space1,
    )
        .parse(input)?;
    let (rest, label) = recognize((digit1, opt(preceded(char('.'), digit1)))).parse(rest)?;
    let (rest, _) = opt(one_of(".:)")).parse(rest)?;
    Ok((rest, (label, NumberStyle::Worded, false)))
}

/// "CAB/23/45", "24/00108", "FGB 38/2021", "P/24/0012": letters or digits
/// with at least one slash, the parts short.
fn reference(input: &str) -> IResult<&str, Lexed<'_>> {
    let part = |i| take_while_m_n(1, 8, |c: char| c.is_ascii_alphanumeric()).parse(i);
    let (rest, label) = recognize((
        opt((take_while1(|c: char| c.is_ascii_uppercase()), tag(" "))),
        part,
        many1_count(preceded(char('/'), part)),
    ))
    .parse(input)?;
    if !label.chars().any(|c| c.is_ascii_digit()) {
        return Err(nom::Err::Error(nom::error::Error::new(
            input,
            nom::error::ErrorKind::Digit,
        )));
    }
    let (rest, _) = opt(one_of(".:")).parse(rest)?;
    Ok((rest, (label, NumberStyle::Reference, false)))
}

/// "7.1", "19.07.05", "2.1." — two or more dotted parts.
fn dotted(input: &str) -> IResult<&str, Lexed<'_>> {
    let (rest, label) = recognize((
        take_while_m_n(1, 4, |c: char| c.is_ascii_digit()),
        many1_count(preceded(
            char('.'),
            take_while_m_n(1, 3, |c: char| c.is_ascii_digit()),
        )),
    ))
    .parse(input)?;
    let (rest, close) = opt(one_of(".)")).parse(rest)?;
    let depth = label.split('.').count().min(9) as u8;
    Ok((
        rest,
        (label, NumberStyle::Dotted { depth }, close == Some(')')),
    ))
}

/// "7", "7.", "7)", "(7)", "7:" — up to five digits, not the start of a
/// decimal ("2.5m") or a thousands group ("10,000").
fn arabic(input: &str) -> IResult<&str, Lexed<'_>> {
    let (rest, open) = opt(char('(')).parse(input)?;
    let (rest, label) = take_while_m_n(1, 5, |c: char| c.is_ascii_digit()).parse(rest)?;
    let (rest, close) = if open.is_some() {
        let (rest, _) = char(')').parse(rest)?;
        (rest, Some(')'))
    } else {
        opt(one_of(".):")).parse(rest)?
    };
    let (rest, _) = peek(alt((space1, eof))).parse(rest)?;
    Ok((rest, (label, NumberStyle::Arabic, close == Some(')'))))
}

/// "(a)", "a)", "a.", "(iv)", "iv)", "iii." — a letter or roman numerals,
/// bracketed or closed by ")" or ".".
fn lettered(input: &str) -> IResult<&str, Lexed<'_>> {
    let (rest, open) = opt(char('(')).parse(input)?;
    let (rest, label) = take_while_m_n(1, 5, |c: char| c.is_ascii_alphabetic()).parse(rest)?;
    let (rest, close) = if open.is_some() {
        char(')').parse(rest)?
    } else {
        one_of(".)").parse(rest)?
    };
    let roman = label.len() >= 2 && label.chars().all(|c| "ivxlIVXL".contains(c))
        || label == "i"
        || label == "I";
    let style = if roman {
        NumberStyle::Roman
    } else if label.len() == 1 {
        NumberStyle::Letter {
            upper: label.chars().all(|c| c.is_ascii_uppercase()),
        }
    } else {
        return Err(nom::Err::Error(nom::error::Error::new(
            input,
            nom::error::ErrorKind::Alpha,
        )));
    };
    Ok((rest, (label, style, close == ')')))
}

/// A count as minutes print it: digits ("6"), a number word ("five",
/// "Twelve") or a word for nought ("none", "no", "nil", "nobody"), any case.
pub fn count_value(word: &str) -> Option<u32> {
    if !word.is_empty() && word.bytes().all(|b| b.is_ascii_digit()) {
        return word.parse().ok();
    }
    const WORDS: [&str; 21] = [
        "zero",
        "one",
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "eleven",
        "twelve",
        "thirteen",
        "fourteen",
        "fifteen",
        "sixteen",
        "seventeen",
        "eighteen",
        "nineteen",
        "twenty",
    ];
    let w = word.to_ascii_lowercase();
    if matches!(w.as_str(), "none" | "no" | "nil" | "nobody") {
        return Some(0);
    }
    WORDS.iter().position(|x| *x == w).map(|p| p as u32)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lead(t: &str) -> Option<(String, NumberStyle, bool, String)> {
        lead_number(t).map(|n| (n.label, n.style, n.paren, t[n.rest..].to_string()))
    }

    #[test]
    fn numbers_of_every_style() {
        use NumberStyle::*;
        for (text, label, style, paren, rest) in [
            ("7. Apologies", "7", Arabic, false, "Apologies"),
            (
                "84. Apologies (Item 1)",
                "84",
                Arabic,
                false,
                "Apologies (Item 1)",
            ),
            ("2643 Planning", "2643", Arabic, false, "Planning"),
            ("7) Finance", "7", Arabic, true, "Finance"),
            ("(7) Finance", "7", Arabic, true, "Finance"),
            (
                "24. Matters arising",
                "24",
                Arabic,
                false,
                "Matters arising",
            ),
            (
                "7.1 The Panel",
                "7.1",
                Dotted { depth: 2 },
                false,
                "The Panel",
            ),
            (
                "19.07.05 Minutes",
                "19.07.05",
                Dotted { depth: 3 },
                false,
                "Minutes",
            ),
            (
                "(a) that the report",
                "a",
                Letter { upper: false },
                true,
                "that the report",
            ),
            ("b) to note", "b", Letter { upper: false }, true, "to note"),
            (
                "A. Declarations",
                "A",
                Letter { upper: true },
                false,
                "Declarations",
            ),
            ("(iv) the budget", "iv", Roman, true, "the budget"),
            ("ii. the plan", "ii", Roman, false, "the plan"),
            ("CAB/23/45 Budget", "CAB/23/45", Reference, false, "Budget"),
            (
                "FGB 38/2021 Minutes",
                "FGB 38/2021",
                Reference,
                false,
                "Minutes",
            ),
            (
                "24/00108 - Family Hubs",
                "24/00108",
                Reference,
                false,
                "- Family Hubs",
            ),
            ("Minute 12: Finance", "12", Worded, false, "Finance"),
            ("Item 4 Planning", "4", Worded, false, "Planning"),
            ("9", "9", Arabic, false, ""),
        ] {
            assert_eq!(
                lead(text),
                Some((label.to_string(), style, paren, rest.to_string())),
                "{text:?}"
            );
        }
    }

    #[test]
    fn the_first_word_test_passes_every_number() {
        let mut lines: Vec<String> = crate::test_seeds::seed_texts()
            .iter()
            .flat_map(|t| t.lines().map(crate::lex::fold).collect::<Vec<_>>())
            .collect();
        for t in [
            "Minute 12: x",
            "MINUTE NO. 3",
            "min. 4",
            "Item 4.",
            "ITEM 7 -",
            "CAB/23/45 Budget",
            "FGB 38/2021",
            "Cab/1 x",
            "(a) x",
            "a) x",
            "iv. x",
            "IV) x",
            "(7) x",
            "7. x",
            "19.07.05",
            "A. x",
            "The Council",
            "Minutes 1",
            "Items 2",
            "é) x",
            "– 3",
        ] {
            lines.push(t.to_string());
        }
        for l in &lines {
            assert_eq!(lead_number(l), parse_lead_number(l), "{l:?}");
        }
    }

    #[test]
    fn figures_and_words_open_no_item() {
        for text in [
            "2.5m was spent",
            "10,000 visits",
            "£500 was paid",
            "Apologies",
            "and/or the Cabinet",
            "Items for noting",
            "ab) x",
            "",
        ] {
            assert_eq!(lead(text), None, "{text:?}");
        }
    }
}

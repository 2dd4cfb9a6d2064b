//! Lexemes of table cells: typed values (money, percentages, plain numbers),
//! dates that mark a row as data, captions, and the clean-up of header
//! cells that a narrow column broke over lines.
//!
//! Owns what a single cell or caption line says; not how cells make rows or
//! tables (see `table`).

use crate::model::TypedValue;
use nom::branch::alt;
use nom::bytes::complete::{tag, tag_no_case, take_while1};
use nom::character::complete::{char, digit1, one_of, space0, space1};
use nom::combinator::{all_consuming, opt, recognize};
use nom::multi::many0;
use nom::sequence::{pair, preceded};
use nom::{IResult, Parser};

/// Digits with optional thousands separators and decimals: "572,898.43",
/// "2455", "0.5". A comma must be followed by exactly three digits.
fn amount(input: &str) -> IResult<&str, &str> {
    recognize((
        digit1,
        many0(preceded(
            char(','),
            take_while1(|c: char| c.is_ascii_digit())
                .map_opt(|d: &str| (d.len() == 3).then_some(d)),
        )),
        opt(preceded(char('.'), digit1)),
    ))
    .parse(input)
}

fn sign(input: &str) -> IResult<&str, bool> {
    opt(one_of("-−–")).map(|s| s.is_some()).parse(input)
}

fn amount_value(s: &str) -> Option<f64> {
    s.replace(',', "").parse::<f64>().ok()
}

/// A scale suffix on money: "£4.1m", "£99K", "£1.2bn".
fn scale(input: &str) -> IResult<&str, f64> {
    opt(alt((
        tag_no_case("bn").map(|_| 1e9),
        tag_no_case("m").map(|_| 1e6),
        tag_no_case("k").map(|_| 1e3),
    )))
    .map(|s| s.unwrap_or(1.0))
    .parse(input)
}

/// "£572,898.43", "-£1,200", "£-5", "£4.1m", "(£3,000)" (bracketed: negative).
pub fn money(input: &str) -> IResult<&str, f64> {
    let bracketed = (char('('), money_plain, char(')')).map(|(_, v, _)| -v);
    alt((bracketed, money_plain)).parse(input)
}

fn money_plain(input: &str) -> IResult<&str, f64> {
    let (input, neg1) = sign(input)?;
    let (input, _) = char('£').parse(input)?;
    let (input, _) = space0(input)?;
    let (input, neg2) = sign(input)?;
    let (input, digits) = amount(input)?;
    let (input, k) = scale(input)?;
    // Scaled amounts are whole pence at most: 4.1 × 1e6 is 4,100,000.
    let v = (amount_value(digits).unwrap_or(0.0) * k * 100.0).round() / 100.0;
    Ok((input, if neg1 || neg2 { -v } else { v }))
}

/// "48%", "-3%", "12.5 %".
pub fn percent(input: &str) -> IResult<&str, f64> {
    let (input, neg) = sign(input)?;
    let (input, digits) = amount(input)?;
    let (input, _) = (space0, char('%')).parse(input)?;
    let v = amount_value(digits).unwrap_or(0.0);
    Ok((input, if neg { -v } else { v }))
}

/// "2,455", "-11", "0.563".
pub fn number(input: &str) -> IResult<&str, f64> {
    let (input, neg) = sign(input)?;
    let (input, digits) = amount(input)?;
    let v = amount_value(digits).unwrap_or(0.0);
    Ok((input, if neg { -v } else { v }))
}

/// A cell that is clearly one number, amount of money or percentage, read
/// as its value. Money the text layer split inside its digits
/// ("£572,898.4 3") is read whole. Anything else ("56% (34 schools)",
/// "2012/13", "Q3") is not typed.
pub fn typed(cell: &str) -> Option<TypedValue> {
    let t = cell.trim();
    if t.is_empty() || t.len() > 40 {
        return None;
    }
    let joined: String;
    let t = if t.starts_with('£') || t.starts_with("-£") || t.starts_with("(£") {
        joined = t.split_whitespace().collect();
        joined.as_str()
    } else {
        t
    };
    let kind = |k: &str, value: f64| {
        Some(TypedValue {
            value_type: k.to_string(),
            value,
        })
    };
    if let Ok((_, v)) = all_consuming(money).parse(t) {
        return kind("money", v);
    }
    if let Ok((_, v)) = all_consuming(percent).parse(t) {
        return kind("percent", v);
    }
    if let Ok((_, v)) = all_consuming(number).parse(t) {
        return kind("number", v);
    }
    None
}

/// A cell that is a month and year or a full date ("April 2012",
/// "Sept 2012", "11 July 2013"): data, never a column name.
pub fn is_date(cell: &str) -> bool {
    let t = cell.trim();
    if crate::lex::find_date(t).is_some_and(|_| t.len() <= 20) {
        return true;
    }
    all_consuming(crate::lex::month_year).parse(t).is_ok()
}
/// A caption line: "Table 3:", "Table One:", "Table 4", "Table 2 - Spend by
/// area", "Figure 1: …", "Table 1 Dedicated Schools' Grant (DSG) 2024-25
/// Forecast Summary:". A sentence that starts with "Table 3 below shows"
/// is not one: after the label comes nothing, a separator or a capital.
pub fn caption(line: &str) -> Option<&str> {
    let t = line.trim();
    let (rest, (_, _, sep)) = (caption_label, space0, opt(caption_separator))
        .parse(t)
        .ok()?;
    if rest.trim().is_empty() || sep.is_some() || rest.starts_with(|c: char| c.is_uppercase()) {
        Some(t)
    } else {
        None
    }
}

/// "Table 3", "Table One", "Figure 2.1".
fn caption_label(input: &str) -> IResult<&str, &str> {
    recognize((
        alt((
            tag_no_case("table"),
            tag_no_case("figure"),
            tag_no_case("chart"),
        )),
        space1,
        take_while1(|c: char| c.is_alphanumeric() || c == '.'),
    ))
    .parse(input)
}

fn caption_separator(input: &str) -> IResult<&str, &str> {
    alt((tag(":"), tag("-"), tag("–"), tag("."))).parse(input)
}

/// Short words a narrow column may leave alone on a line; any other lone
/// fragment of one or two lower-case letters is the tail of a word the
/// column broke ("Name/Servic e", "Recours e", "Gran d").
const SHORT_WORDS: &[&str] = &[
    "a", "an", "as", "at", "be", "by", "do", "go", "if", "in", "is", "it", "me", "my", "no", "of",
    "on", "or", "so", "to", "up", "us", "we", "vs", "per",
];

/// A header cell as a column name: HTML removed, whitespace folded, words a
/// narrow column hyphenated ("Child- ren's", "First Re- sponse") or broke
/// ("Name/Servic e") joined again, a footnote mark kept on its word ("EH
/// team *" is "EH team*"). Body cells are never rewritten.
pub fn column_name(cell: &str) -> String {
    let folded = crate::lex::fold_html(cell);
    let mut out: Vec<String> = Vec::new();
    for w in folded.split(' ') {
        let starts_lower = w.chars().next().is_some_and(|c| c.is_lowercase());
        let tail = w.trim_end_matches(|c: char| !c.is_alphanumeric());
        let fragment = tail == w
            && (1..=2).contains(&w.chars().count())
            && w.chars().all(|c| c.is_ascii_lowercase())
            && !SHORT_WORDS.contains(&tail);
        match out.last_mut() {
            Some(prev)
                if starts_lower
                    && prev.len() > 2
                    && prev.ends_with('-')
                    && prev[..prev.len() - 1].ends_with(|c: char| c.is_alphabetic()) =>
            {
                prev.pop();
                prev.push_str(w);
            }
            Some(prev) if fragment && prev.ends_with(|c: char| c.is_alphabetic()) => {
                prev.push_str(w);
            }
            // A footnote mark set apart from its word ("EH team *" in a PDF,
            // "EH team*" in the text form) belongs to the word.
            Some(prev) if !w.is_empty() && w.chars().all(|c| matches!(c, '*' | '†' | '‡')) => {
                prev.push_str(w);
            }
            _ => out.push(w.to_string()),
        }
    }
    out.iter()
        .map(|w| rejoin_hyphenated(w))
        .collect::<Vec<_>>()
        .join(" ")
}

/// "Child-ren's", "Re-sponse", "Safe-guarding": a word a narrow header cell
/// hyphenated, its halves joined by the layout. A hyphen followed by a
/// lower-case letter inside a column name is dropped (a compound such as
/// "Year-end" in a column name loses its hyphen too).
fn rejoin_hyphenated(w: &str) -> String {
    let mut out = String::with_capacity(w.len());
    let chars: Vec<char> = w.chars().collect();
    for (i, &c) in chars.iter().enumerate() {
        let inner = i > 0
            && chars[i - 1].is_alphabetic()
            && chars.get(i + 1).is_some_and(|n| n.is_lowercase());
        if c == '-' && inner {
            continue;
        }
        out.push(c);
    }
    out
}

/// Whether a cell starts like a footnote to the table ("*These figures…",
/// "Note: …", "Source: …").
pub fn is_note(cell: &str) -> bool {
    let t = cell.trim_start();
    t.starts_with('*') || t.starts_with('†') || note_label(t).is_ok()
}

/// "Note:", "Notes:", "Source:", "Key -".
fn note_label(input: &str) -> IResult<&str, &str> {
    recognize(pair(
        alt((
            tag_no_case("note"),
            tag_no_case("source"),
            tag_no_case("key"),
        )),
        alt((tag("s:"), tag(":"), tag(" -"))),
    ))
    .parse(input)
}

/// A code word a column is filled with, as a rating or a category:
/// "GREEN", "AMBER", "RED", "CYPE", "N/A" (two to twelve capitals, a slash
/// or ampersand inside).
pub fn is_code(cell: &str) -> bool {
    all_consuming(code).parse(cell.trim()).is_ok()
}

fn code(input: &str) -> IResult<&str, &str> {
    recognize(pair(
        take_while1(|c: char| c.is_ascii_uppercase()),
        many0(pair(
            one_of("/&"),
            take_while1(|c: char| c.is_ascii_uppercase()),
        )),
    ))
    .parse(input)
    .and_then(|(rest, word)| {
        if (2..=12).contains(&word.len()) {
            Ok((rest, word))
        } else {
            Err(nom::Err::Error(nom::error::Error::new(
                input,
                nom::error::ErrorKind::Verify,
            )))
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn code_words_are_short_capitals() {
        for c in ["GREEN", "AMBER", "RED", "CYPE", "N/A", " DCED "] {
            assert!(is_code(c), "{c}");
        }
        for c in ["Green", "G", "TOTAL SPEND", "ABCDEFGHIJKLMN", "Q3", "£4.1m"] {
            assert!(!is_code(c), "{c}");
        }
    }

    fn value(cell: &str) -> Option<(String, f64)> {
        typed(cell).map(|v| (v.value_type, v.value))
    }

    #[test]
    fn money_with_separators_scales_and_signs() {
        assert_eq!(money("£572,898.43").unwrap().1, 572898.43);
        assert_eq!(money("£4.1m").unwrap().1, 4_100_000.0);
        assert_eq!(money("-£1,200").unwrap().1, -1200.0);
        assert_eq!(money("(£3,000)").unwrap().1, -3000.0);
        assert!(money("572").is_err());
    }

    #[test]
    fn percent_and_number_lexemes() {
        assert_eq!(percent("48%").unwrap().1, 48.0);
        assert_eq!(percent("-3 %").unwrap().1, -3.0);
        assert_eq!(number("2,455").unwrap().1, 2455.0);
        assert_eq!(number("-11").unwrap().1, -11.0);
        // "2,45" is not thousands grouping: the number stops before it.
        assert_eq!(number("2,45").unwrap(), (",45", 2.0));
    }

    #[test]
    fn typed_cells_are_clear_values_only() {
        assert_eq!(value("£572,898.4 3"), Some(("money".into(), 572898.43)));
        assert_eq!(value("£264,000.00"), Some(("money".into(), 264000.0)));
        assert_eq!(value("100%"), Some(("percent".into(), 100.0)));
        assert_eq!(value("3,315"), Some(("number".into(), 3315.0)));
        assert_eq!(value("56% (34 schools)"), None);
        assert_eq!(value("2012/13"), None);
        assert_eq!(value("Harrow (2011- 12)"), None);
        assert_eq!(value("7 8"), None);
        assert_eq!(value(""), None);
    }

    #[test]
    fn dates_mark_data_cells() {
        assert!(is_date("April 2012"));
        assert!(is_date("Sept 2012"));
        assert!(is_date("11 July 2013"));
        assert!(!is_date("End of Q3 Oct-Dec 2014"));
        assert!(!is_date("2012/13"));
    }

    #[test]
    fn captions_have_a_label_and_nothing_or_a_separator() {
        assert_eq!(caption("Table 3:"), Some("Table 3:"));
        assert_eq!(caption("Table Two:"), Some("Table Two:"));
        assert_eq!(caption("Table 4"), Some("Table 4"));
        assert_eq!(caption("Table 2 - Spend"), Some("Table 2 - Spend"));
        assert_eq!(
            caption("Table 3 below shows the breakdown of referrals by age:"),
            None
        );
        assert_eq!(caption("Tablets issued"), None);
        // Kent's finance monitoring report, p. 24, over its DSG table.
        let dsg = "Table 1 Dedicated Schools’ Grant (DSG) 2024-25 Forecast Summary:";
        assert_eq!(caption(dsg), Some(dsg));
        assert_eq!(
            caption("Table One shows the overview of the number of cases"),
            None
        );
    }

    #[test]
    fn footnote_mark_set_apart_stays_on_its_word() {
        assert_eq!(column_name("EH team *"), "EH team*");
        assert_eq!(column_name("EH team*"), "EH team*");
        assert_eq!(column_name("Total ** cases"), "Total** cases");
    }

    #[test]
    fn column_names_join_broken_words() {
        assert_eq!(column_name("Child- ren's Centre"), "Children's Centre");
        assert_eq!(column_name("First Re- sponse"), "First Response");
        assert_eq!(
            column_name("Company Name/Servic e Provider"),
            "Company Name/Service Provider"
        );
        assert_eq!(
            column_name("No Recours e to Public Funds"),
            "No Recourse to Public Funds"
        );
        assert_eq!(column_name("Gran d Total"), "Grand Total");
        assert_eq!(column_name("Self re- ferral"), "Self referral");
        assert_eq!(column_name("Child-ren's Centre"), "Children's Centre");
        assert_eq!(column_name("Un-kno wn"), "Unknown");
        assert_eq!(column_name("No of Students"), "No of Students");
        assert_eq!(column_name("Q4 (Jan- Mar)"), "Q4 (Jan- Mar)");
        assert_eq!(
            column_name("<u>End of Q3</u> Oct-Dec 2014"),
            "End of Q3 Oct-Dec 2014"
        );
    }

    #[test]
    fn notes_under_a_table() {
        assert!(is_note("*These figures represent escalation"));
        assert!(is_note("Source: HSIP records"));
        assert!(!is_note("Total"));
    }
}

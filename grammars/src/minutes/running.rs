//! Minutes numbered by number and year ("70/17", "71/17", …) whose numbers
//! run on inside a paragraph: "… detained at work. 71/17 Declaration of
//! Interest on agenda items No declarations were made. 72/17 Use of …".
//!
//! Owns the number/year lexeme (`year_number`) and the sequence rule that
//! reads a number in the middle of a line as a minute heading: it follows a
//! sentence end, opens a capitalised word, and is the next number of the
//! running sequence (n/yy after (n-1)/yy, the year the same). Such a line
//! is split before the number, so that each minute opens a line.

use super::lex::FlatLine;
use nom::character::complete::{char, digit1};
use nom::combinator::{not, peek, recognize};
use nom::{IResult, Parser};
use std::borrow::Cow;

/// A minute number of number and year: "70/17", "3/24". The number has one
/// to three digits and the year exactly two, not followed by another digit
/// or slash: "7/2" (a date), "1/2" (a fraction), "17/01234/FUL" (a planning
/// reference) and "12/06/2017" are not minute numbers.
pub fn year_number(input: &str) -> IResult<&str, &str> {
    let (rest, n) = recognize((digit1, char('/'), digit1)).parse(input)?;
    let (num, year) = n.split_once('/').unwrap_or((n, ""));
    if num.len() > 3 || year.len() != 2 {
        return Err(nom::Err::Error(nom::error::Error::new(
            input,
            nom::error::ErrorKind::Digit,
        )));
    }
    let (rest, _) = peek(not(nom::character::complete::satisfy(|c: char| {
        c.is_alphanumeric() || c == '/'
    })))
    .parse(rest)?;
    Ok((rest, n))
}

/// A number/year minute number as (number, year).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct YearNumber {
    number: u32,
    year: u32,
}

impl YearNumber {
    fn read(text: &str) -> Option<YearNumber> {
        let (_, n) = year_number(text).ok()?;
        let (a, b) = n.split_once('/')?;
        Some(YearNumber {
            number: a.parse().ok()?,
            year: b.parse().ok()?,
        })
    }

    fn next(self) -> YearNumber {
        YearNumber {
            number: self.number + 1,
            year: self.year,
        }
    }
}

/// The byte offsets in `text` where the next numbers of the sequence after
/// `last` open mid-line, and the last number of the sequence on the line.
fn running_breaks(text: &str, mut last: Option<YearNumber>) -> (Vec<usize>, Option<YearNumber>) {
    let mut breaks = Vec::new();
    if let Some(n) = YearNumber::read(text) {
        last = Some(n);
    }
    for (i, _) in text.match_indices(' ') {
        let at = i + 1;
        let Some(expected) = last.map(YearNumber::next) else {
            break;
        };
        let before = text[..i].chars().last();
        if !before.is_some_and(|c| ".?!”\"".contains(c)) {
            continue;
        }
        let Ok((rest, _)) = year_number(&text[at..]) else {
            continue;
        };
        if YearNumber::read(&text[at..]) != Some(expected) {
            continue;
        }
        let opens_word = rest
            .strip_prefix(' ')
            .and_then(|r| r.chars().next())
            .is_some_and(char::is_uppercase);
        if opens_word {
            breaks.push(at);
            last = Some(expected);
        }
    }
    (breaks, last)
}

/// The lines with each running minute number opening a line of its own:
/// borrowed unchanged where no line holds one mid-line.
pub fn split_running<'l, 'a>(lines: &'l [FlatLine<'a>]) -> Cow<'l, [FlatLine<'a>]> {
    let mut last = None;
    let mut out: Option<Vec<FlatLine<'a>>> = None;
    for (k, l) in lines.iter().enumerate() {
        let (breaks, next) = if l.line.table.is_none() {
            running_breaks(&l.text, last)
        } else {
            (Vec::new(), last)
        };
        last = next;
        if breaks.is_empty() {
            if let Some(o) = out.as_mut() {
                o.push(l.clone());
            }
            continue;
        }
        let o = out.get_or_insert_with(|| lines[..k].to_vec());
        let mut from = 0;
        for at in breaks.into_iter().chain([l.text.len()]) {
            let piece = l.text[from..at].trim();
            from = at;
            if piece.is_empty() {
                continue;
            }
            let mut p = l.clone();
            p.text = Cow::Owned(piece.to_string());
            p.plain = Cow::Owned(piece.to_string());
            p.number = crate::lex::lead_number(piece);
            o.push(p);
        }
    }
    match out {
        Some(o) => Cow::Owned(o),
        None => Cow::Borrowed(lines),
    }
}

/// The run marker `reference_run` gives minutes numbered by number and
/// year: "/17" where three or more lines open with numbers of that year
/// one after another ("70/17", "71/17", "72/17").
pub fn year_run(lines: &[FlatLine]) -> Option<String> {
    let mut last: Option<YearNumber> = None;
    let mut run = 0;
    for l in lines.iter().filter(|l| l.line.table.is_none()) {
        let Some(n) = YearNumber::read(&l.text) else {
            continue;
        };
        run = if last.is_some_and(|p| p.next() == n) {
            run + 1
        } else {
            1
        };
        last = Some(n);
        if run >= 3 {
            return Some(format!("/{:02}", n.year));
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn year_numbers() {
        assert_eq!(year_number("70/17 Apologies").unwrap().1, "70/17");
        assert_eq!(year_number("74/17").unwrap().1, "74/17");
        // A date, a fraction, a planning reference, a full date.
        assert!(year_number("7/2 at noon").is_err());
        assert!(year_number("1/2 share").is_err());
        assert!(year_number("17/01234/FUL").is_err());
        assert!(year_number("12/06/2017").is_err());
        // A sub-minute "64/17c" is no heading number.
        assert!(year_number("64/17c should read").is_err());
    }

    /// West Dereham Parish Council, minutes of 1 June 2017: minutes run on
    /// in one paragraph.
    #[test]
    fn running_numbers_break_after_a_sentence() {
        let text = "70/17 Apologies for absence Apologies had been received from \
                    Tom Foy (TF) who was unavoidably detained at work. 71/17 Declaration \
                    of Interest on agenda items No declarations were made. 72/17 Use of \
                    social media";
        let (breaks, last) = running_breaks(text, None);
        let pieces: Vec<&str> = breaks.iter().map(|&b| &text[b..b + 5]).collect();
        assert_eq!(pieces, ["71/17", "72/17"]);
        assert_eq!(
            last,
            Some(YearNumber {
                number: 72,
                year: 17
            })
        );
    }

    #[test]
    fn out_of_sequence_numbers_stay_in_the_text() {
        // "Minute 64/17c" cites an earlier minute; "3/17" is not the next.
        let last = Some(YearNumber {
            number: 73,
            year: 17,
        });
        let text = "CC noted the following amendments. 64/17 Cemetery fees. \
                    Councillors agreed. 3/17 Minutes were signed.";
        assert!(running_breaks(text, last).0.is_empty());
        // The next number without a sentence end before it.
        let text = "as noted in 74/17 Matters Arising";
        assert!(running_breaks(text, last).0.is_empty());
    }
}

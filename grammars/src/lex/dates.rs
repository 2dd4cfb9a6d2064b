//! Dates as councils print them ("25 February 2015", "21ST MAY, 2015",
//! "11/07/2013", "February 25, 2015") and month-year publication dates
//! ("March 2015"): the one month reader every grammar uses.

use nom::branch::alt;
use nom::bytes::complete::{tag_no_case, take_while_m_n};
use nom::character::complete::{alpha1, char, digit1, space0, space1};
use nom::combinator::{map_res, opt, recognize};
use nom::sequence::{preceded, terminated};
use nom::{IResult, Parser};

/// Month names in order, lower case.
pub const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// A month name, full or abbreviated to three letters ("Feb", "Sept").
fn month(input: &str) -> IResult<&str, u32> {
    let (rest, word) = alpha1(input)?;
    // `alpha1` takes ASCII letters only: compare ignoring ASCII case rather
    // than lower-casing a copy of every word a date search passes over.
    let w = word.as_bytes();
    for (i, m) in MONTHS.iter().enumerate() {
        let whole = w.len() == m.len();
        let fits = whole || (w.len() >= 3 && w.len() < m.len());
        if fits && m.as_bytes()[..w.len()].eq_ignore_ascii_case(w) {
            return Ok((rest, i as u32 + 1));
        }
    }
    Err(nom::Err::Error(nom::error::Error::new(
        input,
        nom::error::ErrorKind::Alpha,
    )))
}

/// Whether the whole of `w` is a month's name as `find_date` reads one
/// (full, or cut to three letters or more): "1 `w` 2000" holds a date.
pub fn is_month_name(w: &str) -> bool {
    matches!(month(w), Ok(("", _)))
}

/// A day of the month, with an optional ordinal suffix ("21ST", "3rd"),
/// which may stand a space apart: a superscript suffix set above the
/// baseline is read off as a word of its own ("3 rd September 2019"). No
/// month's name starts with a suffix, so "3 March" is never cut short.
fn day(input: &str) -> IResult<&str, u32> {
    terminated(
        map_res(
            take_while_m_n(1, 2, |c: char| c.is_ascii_digit()),
            |d: &str| d.parse::<u32>(),
        ),
        opt(preceded(
            opt(char(' ')),
            alt((
                tag_no_case("st"),
                tag_no_case("nd"),
                tag_no_case("rd"),
                tag_no_case("th"),
            )),
        )),
    )
    .parse(input)
}

/// Ordinal words for the days of a month, in order ("first" is day 1).
const ORDINAL_DAYS: [&str; 19] = [
    "first",
    "second",
    "third",
    "fourth",
    "fifth",
    "sixth",
    "seventh",
    "eighth",
    "ninth",
    "tenth",
    "eleventh",
    "twelfth",
    "thirteenth",
    "fourteenth",
    "fifteenth",
    "sixteenth",
    "seventeenth",
    "eighteenth",
    "nineteenth",
];

/// A day written as an ordinal word: "Sixteenth", "Twenty-first",
/// "THIRTY FIRST", "twentieth".
fn day_in_words(input: &str) -> IResult<&str, u32> {
    let fail = || nom::Err::Error(nom::error::Error::new(input, nom::error::ErrorKind::Alpha));
    let (rest, word) = alpha1(input)?;
    // Every ordinal word ends so, and so do "twenty" and "thirty": most
    // words are passed over on their last two bytes.
    let tail = word
        .as_bytes()
        .get(word.len().saturating_sub(2)..)
        .unwrap_or(b"");
    let ends = [b"th", b"st", b"nd", b"rd", b"ty"]
        .iter()
        .any(|e| tail.eq_ignore_ascii_case(*e));
    if !ends || word.len() < 5 {
        return Err(fail());
    }
    let is = |w: &str, t: &str| w.eq_ignore_ascii_case(t);
    let tens = if is(word, "twenty") {
        20
    } else if is(word, "thirty") {
        30
    } else if is(word, "twentieth") {
        return Ok((rest, 20));
    } else if is(word, "thirtieth") {
        return Ok((rest, 30));
    } else {
        let k = ORDINAL_DAYS
            .iter()
            .position(|o| is(word, o))
            .ok_or_else(fail)?;
        return Ok((rest, k as u32 + 1));
    };
    let (rest, _) = alt((char('-'), char(' '))).parse(rest)?;
    let (rest, unit) = alpha1(rest)?;
    let k = ORDINAL_DAYS[..9]
        .iter()
        .position(|o| is(unit, o))
        .ok_or_else(fail)?;
    Ok((rest, tens + k as u32 + 1))
}

/// "Sixteenth day of February 2021", "First of March 2020": a day in
/// words, as a formal notice of meeting writes it.
fn words_date(input: &str) -> IResult<&str, (u32, u32, u32)> {
    let (input, d) = day_in_words(input)?;
    let (input, _) = space1(input)?;
    let (input, _) = opt(terminated(tag_no_case("day"), space1)).parse(input)?;
    let (input, _) = opt(terminated(tag_no_case("of"), space1)).parse(input)?;
    let (input, m) = month(input)?;
    let (input, _) = opt(char(',')).parse(input)?;
    let (input, _) = space1(input)?;
    let (input, y) = year(input)?;
    Ok((input, (d, m, y)))
}

fn year(input: &str) -> IResult<&str, u32> {
    map_res(
        recognize(take_while_m_n(4, 4, |c: char| c.is_ascii_digit())),
        |y: &str| y.parse::<u32>(),
    )
    .parse(input)
}

/// "25 February 2015", "21ST MAY, 2015", "15 Mar 2019", "3rd of June 2016".
pub fn long_date(input: &str) -> IResult<&str, (u32, u32, u32)> {
    let (input, d) = day(input)?;
    let (input, _) = space1(input)?;
    let (input, _) = opt(terminated(tag_no_case("of"), space1)).parse(input)?;
    let (input, m) = month(input)?;
    let (input, _) = opt(char(',')).parse(input)?;
    let (input, _) = space1(input)?;
    let (input, y) = year(input)?;
    Ok((input, (d, m, y)))
}

/// "11/07/2013" or "11.07.2013" (day first, as in the UK).
pub fn numeric_date(input: &str) -> IResult<&str, (u32, u32, u32)> {
    let (input, d) = map_res(digit1, |s: &str| s.parse::<u32>()).parse(input)?;
    let (input, sep) = alt((char('/'), char('.'))).parse(input)?;
    let (input, m) = map_res(digit1, |s: &str| s.parse::<u32>()).parse(input)?;
    let (input, _) = char(sep).parse(input)?;
    let (input, y) = year(input)?;
    Ok((input, (d, m, y)))
}

/// "May 2015" is not a date; "February 25, 2015" is (US order, seen in
/// browser-printed pages), and so is "MAY 6th 2014" (the day's ordinal
/// suffix marking it a day, as a parish minutes heading prints it).
fn us_date(input: &str) -> IResult<&str, (u32, u32, u32)> {
    let (input, m) = month(input)?;
    let (input, _) = space1(input)?;
    let before_day = input;
    let (input, d) = day(input)?;
    let ordinal =
        before_day[..before_day.len() - input.len()].ends_with(|c: char| c.is_ascii_alphabetic());
    let (input, comma) = opt(char(',')).parse(input)?;
    if comma.is_none() && !ordinal {
        return Err(nom::Err::Error(nom::error::Error::new(
            input,
            nom::error::ErrorKind::Char,
        )));
    }
    let (input, _) = space0(input)?;
    let (input, y) = year(input)?;
    Ok((input, (d, m, y)))
}

fn iso(d: u32, m: u32, y: u32) -> Option<String> {
    if !(1..=31).contains(&d) || !(1..=12).contains(&m) || !(1900..=2100).contains(&y) {
        return None;
    }
    Some(format!("{y:04}-{m:02}-{d:02}"))
}

/// The first date in `s`, as ISO 8601.
pub fn find_date(s: &str) -> Option<String> {
    find_date_at(s).map(|(_, iso)| iso)
}

/// The first date in `s`: its byte offset and ISO 8601 form.
pub fn find_date_at(s: &str) -> Option<(usize, String)> {
    let mut prev_alnum = false;
    for (i, c) in s.char_indices() {
        if !prev_alnum && c.is_ascii_alphanumeric() {
            let rest = &s[i..];
            let parsed = alt((long_date, numeric_date, us_date, words_date)).parse(rest);
            if let Ok((after, (d, m, y))) = parsed {
                let ends_clean = after
                    .chars()
                    .next()
                    .is_none_or(|c| !c.is_ascii_alphanumeric());
                if ends_clean {
                    if let Some(iso) = iso(d, m, y) {
                        return Some((i, iso));
                    }
                }
            }
        }
        prev_alnum = c.is_alphanumeric();
    }
    None
}

/// "March 2015", "Sept. 2012", "May, 2015" (a month and a year, no day),
/// as reduced-precision ISO 8601 "2015-03": how Ofsted dates its
/// publications and tables head their columns.
pub fn month_year(input: &str) -> IResult<&str, String> {
    let (input, m) = month(input)?;
    let (input, _) = opt(alt((char(','), char('.')))).parse(input)?;
    let (input, _) = space1(input)?;
    let (input, y) = year(input)?;
    Ok((input, format!("{y:04}-{m:02}")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_superscript_ordinal_read_off_as_a_word_still_dates() {
        // The Newbiggin minutes' heading: "3 rd" where the page sets "3rd".
        assert_eq!(
            find_date("Newbiggin Parish Council - 3 rd September 2019").as_deref(),
            Some("2019-09-03")
        );
        assert_eq!(
            find_date("on 22 nd May 2018").as_deref(),
            Some("2018-05-22")
        );
        assert_eq!(find_date("3 March 2019").as_deref(), Some("2019-03-03"));
        assert_eq!(find_date("3 Station Road 2019"), None);
    }

    #[test]
    fn month_year_is_reduced_precision_iso() {
        assert_eq!(month_year("March 2015").unwrap().1, "2015-03");
        assert_eq!(month_year("Sept, 2016 x").unwrap().1, "2016-09");
        assert!(month_year("Marching 2015").is_err());
        assert_eq!(month_year("Sept. 2012").unwrap().1, "2012-09");
    }

    #[test]
    fn month_names_as_find_date_reads_them() {
        for w in [
            "March",
            "MARCH",
            "Mar",
            "Marc",
            "Ma",
            "Marchx",
            "Sept",
            "September",
            "Septembers",
            "may",
            "Mayé",
            "May-Day",
            "Jun",
            "Juno",
            "Harrow",
            "Dec",
            "Decem",
            "Août",
            "",
            "Of",
            "Augusta",
            "Nov-",
            "Feb",
        ] {
            let dated = find_date(&format!("1 {w} 2000")).is_some();
            assert_eq!(is_month_name(w), dated, "{w:?}");
        }
    }

    #[test]
    fn dates_in_council_styles() {
        assert_eq!(
            find_date("WEDNESDAY 25 FEBRUARY 2015").as_deref(),
            Some("2015-02-25")
        );
        assert_eq!(
            find_date("THURSDAY, 21ST MAY, 2015 at 15:45 HRS").as_deref(),
            Some("2015-05-21")
        );
        assert_eq!(
            find_date("Date of Meeting: 11 July 2013").as_deref(),
            Some("2013-07-11")
        );
        assert_eq!(
            find_date("Panel – 13 December 2016").as_deref(),
            Some("2016-12-13")
        );
        assert_eq!(find_date("on 15 Mar 2019.").as_deref(), Some("2019-03-15"));
        assert_eq!(find_date("dated 11/07/2013").as_deref(), Some("2013-07-11"));
        assert_eq!(
            find_date("February 25, 2015").as_deref(),
            Some("2015-02-25")
        );
        // Northwold Parish Council's AGM minutes, 6 May 2014.
        assert_eq!(
            find_date("TUESDAY MAY 6th 2014").as_deref(),
            Some("2014-05-06")
        );
        // Stithians Parish Council's notice of 16 February 2021: the day
        // in words.
        assert_eq!(
            find_date("Tuesday, the Sixteenth day of February 2021 at 7pm").as_deref(),
            Some("2021-02-16")
        );
        assert_eq!(
            find_date("the Twenty-first day of March 2019").as_deref(),
            Some("2019-03-21")
        );
        assert_eq!(find_date("the first of many in 2019"), None);
        assert_eq!(find_date("May 12 2015"), None);
        assert_eq!(find_date("in May 2015 and 2016"), None);
        assert_eq!(find_date("32 January 2015"), None);
        assert_eq!(find_date("the 2014-15 level"), None);
    }
}

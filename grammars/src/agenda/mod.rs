//! Agenda front sheets -> `agenda_item` records: number, title (joined
//! across wrapped lines), the printed page range "(PAGES 9 - 20)", "(VERBAL)",
//! the description under the title and its sub-bullets ("• Early Years").
//!
//! Owns the item list of an agenda. The meeting heading above the list is
//! the meeting grammar's.

pub mod meeting;

use crate::document::Doc;
use crate::lex::{bullet, fold};
use crate::model::{AgendaItem, Fields, Parsed, Record};
use nom::branch::alt;
use nom::bytes::complete::tag_no_case;
use nom::character::complete::{char, digit1, space0, space1};
use nom::combinator::{map_res, opt};
use nom::{IResult, Parser};

/// "7. ADMINISTRATIVE …", "7) Title", "7 Title": the item number and the rest.
pub fn item_number(input: &str) -> IResult<&str, u32> {
    let (rest, n) = map_res(digit1, |d: &str| d.parse::<u32>()).parse(input)?;
    let (rest, _) = opt(alt((char('.'), char(')')))).parse(rest)?;
    let (rest, _) = space1(rest)?;
    // A title begins with a letter: "8 July 2015" is a date, not item 8.
    if !rest.starts_with(|c: char| c.is_alphabetic() || c == '\'' || c == '"') {
        return Err(nom::Err::Error(nom::error::Error::new(
            input,
            nom::error::ErrorKind::Alpha,
        )));
    }
    Ok((rest, n))
}

/// "(PAGES 9 - 20)", "(Pages 1-8)", "(PAGE 5)" -> [from, to].
pub fn page_range(input: &str) -> IResult<&str, [u32; 2]> {
    let num = |i| map_res(digit1, |d: &str| d.parse::<u32>()).parse(i);
    let (rest, _) = (
        char('('),
        space0,
        alt((tag_no_case("pages"), tag_no_case("page"))),
        space0,
    )
        .parse(input)?;
    let (rest, from) = num(rest)?;
    let (rest, to) = opt((
        space0,
        alt((char('-'), char('–'))),
        space0,
        map_res(digit1, |d: &str| d.parse::<u32>()),
    ))
    .parse(rest)?;
    let (rest, _) = (space0, char(')')).parse(rest)?;
    Ok((rest, [from, to.map(|t| t.3).unwrap_or(from)]))
}

/// "(VERBAL)", "(Verbal report)", "(verbal update)".
pub fn verbal_marker(input: &str) -> IResult<&str, &str> {
    let (rest, (_, _, v)) = (char('('), space0, tag_no_case("verbal")).parse(input)?;
    let close = rest.find(')').map(|k| k + 1).unwrap_or(0);
    Ok((&rest[close..], v))
}

/// Title text with its markers taken out: (title, pages, verbal).
fn markers(title: &str) -> (String, Option<[u32; 2]>, bool) {
    let mut out = String::new();
    let mut pages = None;
    let mut verbal = false;
    let mut rest = title;
    while let Some(k) = rest.find('(') {
        out.push_str(&rest[..k]);
        let at = &rest[k..];
        if let Ok((after, p)) = page_range(at) {
            pages = Some(p);
            rest = after;
        } else if let Ok((after, _)) = verbal_marker(at) {
            verbal = true;
            rest = after;
        } else {
            out.push('(');
            rest = &at[1..];
        }
    }
    out.push_str(rest);
    let t = fold(&out);
    (
        t.trim_end_matches([':', ';', ' ', '-']).trim().to_string(),
        pages,
        verbal,
    )
}

fn all_capitals(t: &str) -> bool {
    t.chars().any(|c| c.is_alphabetic()) && !t.chars().any(|c| c.is_lowercase())
}

struct Open {
    number: u32,
    title: String,
    description: Vec<String>,
    items: Vec<String>,
    lines: Vec<String>,
    page: u32,
    page_end: u32,
    /// Title lines are still being read.
    in_title: bool,
}

impl Open {
    fn record(self, doc: usize) -> Record {
        let (title, pages, verbal) = markers(&self.title);
        let description = fold(&self.description.join(" "));
        Record {
            text: fold(&self.lines.join(" ")),
            page: self.page,
            page_end: self.page_end,
            document: doc,
            fields: Fields::AgendaItem(AgendaItem {
                number: self.number.to_string(),
                title,
                pages,
                description: (!description.is_empty()).then_some(description),
                verbal,
                items: self.items.iter().map(|i| fold(i)).collect(),
            }),
        }
    }
}

/// Read one document's pages and append its records to `out`.
///
/// Items are numbered in sequence (1, 2, 3 …): a line that starts with a
/// number out of sequence is text of the item above, so dates and figures in
/// descriptions never open an item.
pub fn parse(d: &Doc, out: &mut Parsed) {
    let doc = d.index;
    let mut open: Option<Open> = None;
    let mut started = false;
    for lexed in &d.lines {
        let page = lexed.page;
        {
            let t = &*lexed.text;
            if !started {
                // The list follows the "AGENDA" heading, where there is one.
                if t.eq_ignore_ascii_case("agenda") {
                    started = true;
                    continue;
                }
                if item_number(t).is_err() {
                    continue;
                }
                started = true;
            }
            let expected = open.as_ref().map(|o| o.number + 1);
            if let Ok((title, n)) = item_number(t) {
                if expected.is_none_or(|e| e == n) {
                    if let Some(o) = open.take() {
                        out.records.push(o.record(doc));
                    }
                    open = Some(Open {
                        number: n,
                        title: title.to_string(),
                        description: Vec::new(),
                        items: Vec::new(),
                        lines: vec![t.to_string()],
                        page,
                        page_end: page,
                        in_title: all_capitals(title) || title.trim_end().ends_with('-'),
                    });
                    continue;
                }
            }
            let Some(o) = open.as_mut() else { continue };
            o.lines.push(t.to_string());
            o.page_end = page;
            if let Ok((b, _)) = bullet(t) {
                o.in_title = false;
                o.items.push(b.trim().to_string());
                continue;
            }
            // A wrapped title runs on in capitals (or in lower case after a
            // mixed-case title); the description is set in ordinary case.
            let title_goes_on = o.in_title && all_capitals(t)
                || (o.description.is_empty()
                    && o.items.is_empty()
                    && !all_capitals(&o.title)
                    && t.starts_with(char::is_lowercase));
            if title_goes_on {
                o.title.push(' ');
                o.title.push_str(t);
                continue;
            }
            o.in_title = false;
            match o.items.last_mut() {
                // The wrapped tail of a bullet.
                Some(last) if t.starts_with(char::is_lowercase) => {
                    last.push(' ');
                    last.push_str(t);
                }
                _ => o.description.push(t.to_string()),
            }
        }
    }
    if let Some(o) = open.take() {
        out.records.push(o.record(doc));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::input::from_text;
    use crate::model::DocType;
    use crate::model::DocumentInfo;

    #[test]
    fn lexemes() {
        assert_eq!(
            item_number("7. ADMINISTRATIVE").unwrap(),
            ("ADMINISTRATIVE", 7)
        );
        assert_eq!(item_number("12) Date").unwrap().1, 12);
        assert!(item_number("8 July 2015").is_ok());
        assert!(item_number("2015/16 budget").is_err());
        assert_eq!(page_range("(PAGES 9 - 20)").unwrap().1, [9, 20]);
        assert_eq!(page_range("(Pages 1-8) x").unwrap(), (" x", [1, 8]));
        assert_eq!(page_range("(PAGE 5)").unwrap().1, [5, 5]);
        assert!(page_range("(presentation attached)").is_err());
        assert!(verbal_marker("(VERBAL)").is_ok());
        assert_eq!(
            markers("MEMBERSHIP AND FEEDBACK FROM WORKING PARTIES: (VERBAL) (PAGES 71 - 76)"),
            (
                "MEMBERSHIP AND FEEDBACK FROM WORKING PARTIES".to_string(),
                Some([71, 76]),
                true
            )
        );
    }

    #[test]
    fn wrapped_titles_descriptions_bullets_and_sequence() {
        let pages = from_text(
            "AGENDA\n1. FIRST ITEM ON\nTWO LINES (PAGES 1 - 8)\nTo note the item.\n\
             2. SECOND\n• Early Years\n• High Needs\n3. DATES\n- 8 July 2015\n8 July 2015\n",
        );
        let info = DocumentInfo {
            doc_type: DocType::Agenda,
            ..DocumentInfo::default()
        };
        let mut out = Parsed::default();
        parse(&Doc::of(&pages, &info, 0), &mut out);
        let items: Vec<&AgendaItem> = out
            .records
            .iter()
            .filter_map(|r| match &r.fields {
                Fields::AgendaItem(a) => Some(a),
                _ => None,
            })
            .collect();
        assert_eq!(items.len(), 3);
        assert_eq!(items[0].title, "FIRST ITEM ON TWO LINES");
        assert_eq!(items[0].pages, Some([1, 8]));
        assert_eq!(items[0].description.as_deref(), Some("To note the item."));
        assert_eq!(items[1].items, ["Early Years", "High Needs"]);
        assert_eq!(items[2].items, ["8 July 2015"]);
        assert_eq!(items[2].description.as_deref(), Some("8 July 2015"));
    }
}

//! Agenda front sheets -> `agenda_item` records: number, title (joined
//! across wrapped lines), the printed page range "(PAGES 9 - 20)", "(VERBAL)",
//! the description under the title and its sub-bullets ("• Early Years").
//!
//! Owns the item list of an agenda. The meeting heading above the list is
//! the meeting grammar's.

pub mod head;
pub mod meeting;

use crate::document::Doc;
use crate::lex::{
    bullet, decision_number, exempt_paragraph, fold, publication_marking, section_marking,
};
use crate::model::{AgendaItem, Fields, Parsed, Record};
use head::{agenda_label, item_head, margin_range, run_together, ItemHead};
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
    number: String,
    title: String,
    description: Vec<String>,
    items: Vec<String>,
    lines: Vec<String>,
    pages: Option<[u32; 2]>,
    part: Option<String>,
    /// The exemption of the part of the agenda it sits in.
    section: Section,
    page: u32,
    page_end: u32,
    /// Title lines are still being read.
    in_title: bool,
}

impl Open {
    fn of(h: ItemHead, text: &str, page: u32, part: Option<String>, section: &Section) -> Open {
        Open {
            number: h.number,
            in_title: all_capitals(&h.title) || h.title.trim_end().ends_with('-'),
            title: h.title,
            description: if h.after.is_empty() {
                Vec::new()
            } else {
                vec![h.after]
            },
            items: Vec::new(),
            lines: vec![text.to_string()],
            pages: h.pages,
            part,
            section: section.clone(),
            page,
            page_end: page,
        }
    }

    fn record(self, doc: usize) -> Record {
        let (title, pages, verbal) = markers(&self.title);
        let description = fold(&self.description.join(" "));
        // An item marked in its own title ("OTHER URGENT BUSINESS (EXEMPT
        // INFORMATION)") is exempt wherever it sits.
        let marked = exempt_in_title(&self.title);
        let exempt = if marked {
            Some(true)
        } else {
            self.section.exempt
        };
        let exempt_paragraph = exempt
            .filter(|e| *e)
            .and_then(|_| exempt_paragraph(&description).or(self.section.paragraph));
        Record {
            text: fold(&self.lines.join(" ")),
            page: self.page,
            page_end: self.page_end,
            document: doc,
            fields: Fields::AgendaItem(AgendaItem {
                decision_number: leading_decision_number(&title),
                number: self.number,
                title,
                pages: pages.or(self.pages),
                description: (!description.is_empty()).then_some(description),
                verbal,
                items: self.items.iter().map(|i| fold(i)).collect(),
                part: self.part,
                key_decision: None,
                exempt,
                exempt_paragraph,
            }),
        }
    }
}

/// The part of an agenda an item sits in, as its heading says: exempt
/// (a "PART 2" / "PRIVATE AGENDA" / "EXEMPT ITEMS" heading), open (a
/// "PART 1" / "UNRESTRICTED ITEMS" heading) or not said (null).
#[derive(Debug, Clone, Default)]
struct Section {
    exempt: Option<bool>,
    /// The paragraph of Schedule 12A cited for the exempt part: in its
    /// heading or in the exclusion of the public just before it ("Exempt
    /// Paragraph 3").
    paragraph: Option<String>,
}

/// "24/00108 - Budget Monitoring" (a ModernGov title led by the decision
/// number) -> "24/00108".
fn leading_decision_number(title: &str) -> Option<String> {
    decision_number(title).filter(|n| title.trim_start().starts_with(n.as_str()))
}

/// A title marked exempt in brackets: "(EXEMPT INFORMATION)", "(Part 2)",
/// "(Not for publication)".
fn exempt_in_title(title: &str) -> bool {
    title.split('(').skip(1).any(|g| {
        let inner = g.split(')').next().unwrap_or("");
        publication_marking(inner) == Some(true) || section_marking(inner) == Some(true)
    })
}

/// A heading line that opens a part of the agenda: set apart by
/// typography (bold, capitals, a heading) and saying which part it is.
fn section_heading(lexed: &crate::lex::LexedLine) -> Option<bool> {
    let t = &*lexed.text;
    let l = lexed.line;
    let emphasised = l.bold || l.caps || l.heading.is_some() || all_capitals(t);
    emphasised.then(|| section_marking(t)).flatten()
}

/// A line citing a paragraph of Schedule 12A ("Exempt Paragraph 3").
fn cited_paragraph(t: &str) -> Option<String> {
    let l = t.to_lowercase();
    (l.contains("exempt") || l.contains("12a"))
        .then(|| exempt_paragraph(t))
        .flatten()
}

/// Where the list is read: an agenda front sheet, or the "Agenda:" list
/// minutes print under their attendance (one line an item, ending where
/// the first minute begins).
#[derive(Clone, Copy, PartialEq, Eq)]
enum Mode {
    FrontSheet,
    Listed,
}

/// Where the reading of the list stands: the last item's place in the
/// sequence, whether a label has just allowed the numbering to restart.
#[derive(Default)]
struct Sequence {
    main: Option<u32>,
    sub: Option<u32>,
    restart: bool,
}

impl Sequence {
    /// Items are numbered in sequence (1, 2, 3 …, sub-items 4.1, 4.2 under
    /// 4): a number out of sequence is text of the item above.
    fn accepts(&self, h: &ItemHead) -> bool {
        match h.sub {
            None => self.main.is_none_or(|m| h.seq == m + 1) || (self.restart && h.seq == 1),
            Some(sub) => self.main == Some(h.seq) && sub == self.sub.map_or(1, |s| s + 1),
        }
    }

    fn take(&mut self, h: &ItemHead) {
        if let Some(sub) = h.sub {
            self.sub = Some(sub);
        } else {
            self.main = Some(h.seq);
            self.sub = None;
        }
        self.restart = false;
    }
}

/// Read one agenda front sheet and append its items to `out`.
pub fn parse(d: &Doc, out: &mut Parsed) {
    read(d, Mode::FrontSheet, out);
}

/// Read the agenda minutes list under their heading ("Agenda:" over
/// "FGB 38/2021 Attendance and associated matters" …) as agenda items.
pub fn parse_listed(d: &Doc, out: &mut Parsed) {
    read(d, Mode::Listed, out);
}

/// Whether line `i` of the document is the first or last on its page:
/// where running heads and footers ("FGB 210201 | Page 2 of 11") sit.
fn at_page_edge(d: &Doc, i: usize) -> bool {
    let page = d.lines[i].page_index;
    let first = i == 0 || d.lines[i - 1].page_index != page;
    let last = d.lines.get(i + 1).is_none_or(|l| l.page_index != page);
    first || last
}

/// Read one document's lines and append its items to `out`.
///
/// The list follows its label ("AGENDA", "A.G.M. Agenda"), where there is
/// one; a label starts the numbering afresh (two agendas on one notice).
fn read(d: &Doc, mode: Mode, out: &mut Parsed) {
    let doc = d.index;
    let mut open: Option<Open> = None;
    let mut seq = Sequence::default();
    let mut started = false;
    let mut part: Option<String> = None;
    // Listed mode: lines read since the label without an item.
    let mut waiting = 0usize;
    let mut section = Section::default();
    // The paragraph the last exclusion of the public cited.
    let mut cited: Option<String> = None;
    for (i, lexed) in d.lines.iter().enumerate() {
        let page = lexed.page;
        let t = &*lexed.text;
        if let Some(p) = agenda_label(t) {
            if let Some(o) = open.take() {
                out.records.push(o.record(doc));
            }
            section = Section::default();
            if !p.is_empty() {
                section.exempt = section_marking(&format!("{p} agenda"));
                if section.exempt == Some(true) {
                    section.paragraph = cited.clone();
                }
            }
            part = (!p.is_empty()).then_some(p);
            seq.restart = true;
            if mode == Mode::Listed {
                seq = Sequence::default();
            }
            started = true;
            waiting = 0;
            continue;
        }
        if !started {
            if mode == Mode::FrontSheet && item_head(lexed).is_some() {
                started = true;
            } else {
                continue;
            }
        }
        if item_head(lexed).is_none() {
            if let Some(exempt) = section_heading(lexed) {
                if let Some(o) = open.take() {
                    out.records.push(o.record(doc));
                }
                section = Section {
                    exempt: Some(exempt),
                    paragraph: cited_paragraph(t)
                        .or_else(|| cited.clone())
                        .filter(|_| exempt),
                };
                continue;
            }
            if let Some(p) = cited_paragraph(t) {
                cited = Some(p);
            }
        }
        if let Some(heads) = run_together(lexed).filter(|hs| seq.accepts(&hs[0])) {
            if let Some(o) = open.take() {
                out.records.push(o.record(doc));
            }
            for h in heads {
                seq.take(&h);
                let text = format!("{}. {}", h.number, h.title);
                let o = Open::of(h, &text, page, part.clone(), &section);
                out.records.push(o.record(doc));
            }
            continue;
        }
        if let Some(h) = item_head(lexed).filter(|h| seq.accepts(h)) {
            if let Some(o) = open.take() {
                out.records.push(o.record(doc));
            }
            seq.take(&h);
            open = Some(Open::of(h, t, page, part.clone(), &section));
            continue;
        }
        if mode == Mode::Listed {
            // The list is one line an item and ends at its first other
            // line, page heads and footers aside.
            if open.is_none() {
                waiting += 1;
                started = waiting <= 3;
            } else if !at_page_edge(d, i) {
                if let Some(o) = open.take() {
                    out.records.push(o.record(doc));
                }
                started = false;
                seq = Sequence::default();
            }
            continue;
        }
        let Some(o) = open.as_mut() else { continue };
        o.lines.push(t.to_string());
        o.page_end = page;
        // A page range set on its own line under the title ("55 - 60").
        if let Some(r) = margin_range(t) {
            if o.pages.is_none() {
                o.pages = Some(r);
                continue;
            }
        }
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

    fn items_of(text: &str, doc_type: DocType, listed: bool) -> Vec<AgendaItem> {
        let pages = from_text(text);
        let info = DocumentInfo {
            doc_type,
            ..DocumentInfo::default()
        };
        let mut out = Parsed::default();
        let d = Doc::of(&pages, &info, 0);
        if listed {
            parse_listed(&d, &mut out);
        } else {
            parse(&d, &mut out);
        }
        out.records
            .into_iter()
            .filter_map(|r| match r.fields {
                Fields::AgendaItem(a) => Some(a),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn two_agendas_on_one_notice_and_sub_items() {
        // Milburn's notice (shortened): each agenda numbered from 1.
        let items = items_of(
            "Annual Parish Meeting Agenda\n1. To receive the Annual Report\n\
             A.G.M. Agenda\n1. To elect a Chairperson\n2. To receive apologies\n\
             3. 2018 Model Standing Orders\n",
            DocType::Agenda,
            false,
        );
        let got: Vec<(&str, Option<&str>)> = items
            .iter()
            .map(|a| (a.number.as_str(), a.part.as_deref()))
            .collect();
        assert_eq!(
            got,
            [
                ("1", Some("Annual Parish Meeting")),
                ("1", Some("A.G.M.")),
                ("2", Some("A.G.M.")),
                ("3", Some("A.G.M."))
            ]
        );
        // Stithians: "4.1" under "4." is an item of its own.
        let items = items_of(
            "AGENDA\n4. Minutes of the Previous Meeting:\n\
             4.1 Confirmation of the Minutes of the Council Meeting held on 19 January 2021.\n\
             5. Matters Arising:\n5.2 Out of sequence\n",
            DocType::Agenda,
            false,
        );
        let numbers: Vec<&str> = items.iter().map(|a| a.number.as_str()).collect();
        assert_eq!(numbers, ["4", "4.1", "5"]);
    }

    #[test]
    fn the_agenda_minutes_list_under_their_attendance() {
        // Decoy governors' minutes: the list ends where the minutes begin.
        let items = items_of(
            "Chaired by Keith Moore\nAgenda:\n\
             FGB 38/2021 Attendance and associated matters\n\
             FGB 39/2021 Declaration of interests\n\
             The meeting commenced at 1840\n\
             FGB 40/2021 To agree the Minutes of the last meeting\n",
            DocType::Minutes,
            true,
        );
        let got: Vec<(&str, &str)> = items
            .iter()
            .map(|a| (a.number.as_str(), a.title.as_str()))
            .collect();
        assert_eq!(
            got,
            [
                ("FGB 38/2021", "Attendance and associated matters"),
                ("FGB 39/2021", "Declaration of interests")
            ]
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

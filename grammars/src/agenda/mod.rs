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
    bullet, decision_number, exempt_paragraph, find_date_at, fold, publication_marking,
    section_marking, LexedLine, NumberStyle,
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

/// A date cut at the end of a title's line, its day on the title's line
/// and its month and year on the next ("… Parish Council Meeting, 6th" /
/// "March 2018"): the next line goes on with the title.
fn date_runs_on(title: &str, next: &str) -> bool {
    let Some(last) = title.split_whitespace().last() else {
        return false;
    };
    last.starts_with(|c: char| c.is_ascii_digit())
        && find_date_at(&format!("{last} {next}")).is_some_and(|(at, _)| at == 0)
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
    /// The letter of the last lettered point under the item ("b" of "b)").
    letter: Option<char>,
    /// The size the item's head is set in (0 where unknown: text inputs).
    size: f32,
}

impl Open {
    fn of(h: ItemHead, l: &LexedLine, page: u32, part: Option<String>, section: &Section) -> Open {
        let text = &*l.text;
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
            letter: None,
            size: l.line.size,
        }
    }

    /// The point a line opens under the item, lettered in sequence ("a)
    /// Audit Form", "b) Receive the Statement …", or "(a)", "a."): the
    /// letter and the point's text.
    fn point<'t>(&self, l: &'t LexedLine) -> Option<(char, &'t str)> {
        let n = l.number.as_ref()?;
        if !matches!(n.style, NumberStyle::Letter { .. }) {
            return None;
        }
        let mut chars = n.label.chars();
        let c = chars.next()?.to_ascii_lowercase();
        let next = match self.letter {
            None => 'a',
            Some(p) => char::from(u8::try_from(p).ok()?.checked_add(1)?),
        };
        let rest = l.text.get(n.rest..)?.trim();
        (chars.next().is_none() && c == next && !rest.is_empty()).then_some((c, rest))
    }

    /// A line set smaller than the item's head and than the file's body
    /// text (a note at the foot of the page, "If you wish to add anything
    /// to the agenda …" at 0.8 of the items' size) is not the item's.
    fn smaller(&self, l: &LexedLine) -> bool {
        let small = l.line.rel_size > 0.0 && l.line.rel_size < 0.9;
        small && self.size > 0.0 && l.line.size < 0.9 * self.size
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
        let label = agenda_label(t).filter(|p| {
            // In minutes a label naming a part of the agenda ("PRIVATE
            // AGENDA") heads the minutes of that part, not a list.
            mode == Mode::FrontSheet || section_marking(&format!("{p} agenda")).is_none()
        });
        if let Some(p) = label {
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
                let mut o = Open::of(h, lexed, page, part.clone(), &section);
                o.lines = vec![text];
                out.records.push(o.record(doc));
            }
            continue;
        }
        // A date line over the first item ("30 January 2025") is no item.
        let dated = seq.main.is_none() && find_date_at(t).is_some_and(|(at, _)| at == 0);
        if let Some(h) = item_head(lexed).filter(|h| seq.accepts(h) && !dated) {
            if let Some(o) = open.take() {
                out.records.push(o.record(doc));
            }
            seq.take(&h);
            open = Some(Open::of(h, lexed, page, part.clone(), &section));
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
        if o.smaller(lexed) {
            if let Some(o) = open.take() {
                out.records.push(o.record(doc));
            }
            continue;
        }
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
            o.letter = None;
            o.items.push(b.trim().to_string());
            continue;
        }
        if let Some((c, rest)) = o.point(lexed) {
            o.in_title = false;
            o.letter = Some(c);
            o.items.push(rest.to_string());
            continue;
        }
        if o.letter.is_some() {
            // The lines under a lettered point are its own, down to the
            // next point or item.
            if let Some(last) = o.items.last_mut() {
                last.push(' ');
                last.push_str(t);
            }
            continue;
        }
        // A wrapped title runs on in capitals (or in lower case after a
        // mixed-case title); the description is set in ordinary case.
        let title_goes_on = o.in_title && all_capitals(t)
            || (o.description.is_empty()
                && o.items.is_empty()
                && !all_capitals(&o.title)
                && (t.starts_with(char::is_lowercase) || date_runs_on(&o.title, t)));
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

    /// The agenda items among what a parse wrote.
    fn agenda_items(out: Parsed) -> Vec<AgendaItem> {
        out.records
            .into_iter()
            .filter_map(|r| match r.fields {
                Fields::AgendaItem(a) => Some(a),
                _ => None,
            })
            .collect()
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
        agenda_items(out)
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

    /// Milburn Parish Council's A.G.M. agenda of 8 May 2018 (p1), its text
    /// as the PDF gives it: item 4's date cut at the line's end, item 11's
    /// points lettered a) to e) (the first set beside the title in a
    /// table row), and the clerk's note at the foot in smaller type.
    const MILBURN_AGM: &str = "A.G.M. Agenda\n\
         4. To approve the minutes of the last Parish Council Meeting, 6th\n\
         March 2018\n\
         5. To discuss matters arising from the above minutes\n\
         6. Data Protection Policy\n\
         7. 2018 Model Standing Orders\n\
         8. Review Contract of Employment\n\
         9. Review Standing Orders for Tenders\n\
         10. Risk Assessment\n\
         11. Finance -\n\
         a) Audit Form\tSign Statement of Accounts\n\
         \tComplete and sign Annual\tGovernance\n\
         \tStatement\n\
         \tArrange for Internal Audit\n\
         b) Receive the Statement of Accounts for year ending 31st March\n\
         2018\n\
         c) Receive the Council’s Estimated Accounts for 2018/2019\n\
         d) CALC Subscription due £ 111.00\n\
         e) CALC Data Protection Course Clerk Attended £ 70.00\n\
         12. Correspondence received since last meeting\n\
         13. Public Participation at the Chairperson’s discretion\n\
         14. Discuss electors’ concerns from Annual Parish Meeting\n\
         15. Any other Business\n\
         16. Date of next meeting - 3rd July 2018\n\
         If you wish to add anything to the agenda, please inform the Clerk, Joan Connelly, Milburn Parish\n\
         Council 017683 52469\n";

    fn items_of_pages(pages: &[crate::input::Page]) -> Vec<AgendaItem> {
        let info = DocumentInfo {
            doc_type: DocType::Agenda,
            ..DocumentInfo::default()
        };
        let mut out = Parsed::default();
        parse(&Doc::of(pages, &info, 0), &mut out);
        agenda_items(out)
    }

    #[test]
    fn lettered_points_are_the_items_sub_items() {
        let items = items_of(MILBURN_AGM, DocType::Agenda, false);
        let numbers: Vec<&str> = items.iter().map(|a| a.number.as_str()).collect();
        assert_eq!(
            numbers,
            ["4", "5", "6", "7", "8", "9", "10", "11", "12", "13", "14", "15", "16"]
        );
        let eleven = &items[7];
        assert_eq!(eleven.title, "Finance");
        assert_eq!(
            eleven.items,
            [
                "Audit Form Sign Statement of Accounts Complete and sign Annual Governance Statement \
                 Arrange for Internal Audit",
                "Receive the Statement of Accounts for year ending 31st March 2018",
                "Receive the Council’s Estimated Accounts for 2018/2019",
                "CALC Subscription due £ 111.00",
                "CALC Data Protection Course Clerk Attended £ 70.00",
            ]
        );
        assert_eq!(eleven.description, None);
        // A letter out of sequence opens no point: "C)" with no "A)" above.
        let items = items_of(
            "AGENDA\n1. Finance\nC) Cheques for signature\n2. Planning\n",
            DocType::Agenda,
            false,
        );
        assert!(items[0].items.is_empty());
        assert_eq!(
            items[0].description.as_deref(),
            Some("C) Cheques for signature")
        );
    }

    #[test]
    fn a_date_cut_at_the_lines_end_stays_in_the_title() {
        let items = items_of(MILBURN_AGM, DocType::Agenda, false);
        assert_eq!(
            items[0].title,
            "To approve the minutes of the last Parish Council Meeting, 6th March 2018"
        );
        assert_eq!(items[0].description, None);
        // A line that merely opens with a month is description.
        let items = items_of(
            "AGENDA\n1. Annual Report 2018\nMay be taken as read.\n",
            DocType::Agenda,
            false,
        );
        assert_eq!(items[0].title, "Annual Report 2018");
        assert_eq!(
            items[0].description.as_deref(),
            Some("May be taken as read.")
        );
    }

    #[test]
    fn a_note_in_smaller_type_at_the_foot_is_no_items_text() {
        // The PDF sets the items at 11pt and the clerk's note at 0.8 of it.
        let mut pages = from_text(MILBURN_AGM);
        for line in pages[0].lines.iter_mut() {
            let small = line.text.starts_with("If you wish") || line.text.starts_with("Council 0");
            line.size = if small { 8.8 } else { 11.0 };
            line.rel_size = if small { 0.8 } else { 1.0 };
        }
        let items = items_of_pages(&pages);
        let last = items.last().unwrap();
        assert_eq!(last.number, "16");
        assert_eq!(last.description, None);
        // The same note in the items' own size is read as before.
        let items = items_of(MILBURN_AGM, DocType::Agenda, false);
        assert!(items
            .last()
            .and_then(|a| a.description.as_deref())
            .is_some_and(|d| d.starts_with("If you wish")));
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

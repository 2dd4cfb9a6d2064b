//! A file's pages -> documents with line ranges, a type and their metadata.
//!
//! Owns where one document ends and the next begins inside an agenda pack,
//! what type each is (the classifier) and the `DocumentInfo` of each (title,
//! council, body, date, physical pages). It does not read a document's
//! content into records: the grammars do that.
//!
//! A text rendering of a pack is often ONE page (no form feeds), so a
//! boundary can fall inside a page: a `Segment` runs from (first page, first
//! line) to (last page, last line).
//!
//! Boundaries, strongest first:
//! - an agenda front sheet (an "AGENDA" heading near the top of a page);
//! - a minutes heading ("MINUTES OF THE SCHOOLS FORUM MEETING");
//! - an "Agenda Item N" stamp, which heads each report filed in a pack;
//! - a report front sheet without a stamp ("Report for:", "REPORT FOR:",
//!   "EXECUTIVE MEMBER REPORT TO COUNCIL");
//! - the cover of a bound-in inspection report ("Published: March 2015");
//! - a presentation's title slide (short title lines over a date alone);
//! - a work plan heading ("… - Work Plan Academic Year 2014-15");
//! - the heading of a form filled in several times in one file, opening
//!   each copy's page (a notice of poll per ward, an amendment form per
//!   amendment), and the page after a one-page copy (`form`).
//!
//! Appendices stay with the report they follow: they are filed under the
//! report's agenda item and page range, and carry no front sheet of their
//! own. A bound-in document that has its own cover (an Ofsted report, a
//! presentation, a work plan) is a document of its own even where the
//! agenda lists it under a report's pages, because its type differs.

mod form;
pub mod front_sheet;
pub mod heading;
mod title;

use crate::input::Page;
use crate::lex::{
    find_date, find_date_at, fold, lex_pages, minutes_title, month_year, LexedLine, MinutesTitle,
};
use crate::model::{DocType, DocumentInfo};
use nom::bytes::complete::tag_no_case;
use nom::character::complete::{digit1, space0};
use nom::combinator::{eof, opt};
use nom::{IResult, Parser};
use std::borrow::Cow;

/// A document found in a file: its metadata and the lines it spans.
#[derive(Debug, Clone, PartialEq)]
pub struct Segment {
    pub info: DocumentInfo,
    /// Index range into the file's pages slice (inclusive).
    pub first: usize,
    pub last: usize,
    /// First line (index into `pages[first].lines`) and last line (index
    /// into `pages[last].lines`), inclusive.
    pub first_line: usize,
    pub last_line: usize,
    /// The report front sheet read while segmenting, kept where it is what
    /// `front_sheet::parse` would read again: the document's opening lines hold
    /// no page furniture (which segmenting reads as blank).
    pub sheet: Option<front_sheet::FrontSheet>,
}

impl Segment {
    /// The segment's pages, each cut to the segment's lines: what a grammar
    /// reads. Page numbers and labels are kept, so records carry physical
    /// pages.
    pub fn pages(&self, pages: &[Page]) -> Vec<Page> {
        self.pages_cow(pages).into_owned()
    }

    /// `pages`, borrowed where the segment spans whole pages (no copy of
    /// their lines); a page cut inside is copied with only its own lines.
    pub fn pages_cow<'a>(&self, pages: &'a [Page]) -> Cow<'a, [Page]> {
        if let Some(span) = pages.get(self.first..=self.last) {
            let last_lines = span.last().map_or(0, |p| p.lines.len());
            if self.first_line == 0 && self.last_line + 1 >= last_lines {
                return Cow::Borrowed(span);
            }
        }
        let mut out = Vec::new();
        for (k, page) in pages
            .iter()
            .enumerate()
            .take(self.last + 1)
            .skip(self.first)
        {
            let from = if k == self.first { self.first_line } else { 0 };
            let to = if k == self.last {
                (self.last_line + 1).min(page.lines.len())
            } else {
                page.lines.len()
            };
            out.push(Page {
                number: page.number,
                label: page.label.clone(),
                width: page.width,
                height: page.height,
                lines: page
                    .lines
                    .get(from..to)
                    .map(<[_]>::to_vec)
                    .unwrap_or_default(),
            });
        }
        Cow::Owned(out)
    }
}

/// What started a document: decides its type where the cue is unambiguous.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Cue {
    /// Text before any boundary (a single report, an Ofsted letter …).
    Start,
    Agenda,
    Minutes,
    AgendaItem,
    ReportSheet,
    InspectionCover,
    Presentation,
    WorkPlan,
    /// A page opening with the heading of a form filled in several times
    /// in the file (`form`).
    Form,
}

/// One line of the file, lexed once for every stage.
type Flat<'a> = LexedLine<'a>;

/// Non-blank lines a report covering a work plan holds above the plan's
/// heading at most.
const COVER_NOTE_LINES: usize = 3 * MIN_BODY;

/// Non-blank lines a document must hold before a weak cue (a front sheet
/// without a stamp, a cover, a heading) may start another: a document's own
/// cover never splits it.
const MIN_BODY: usize = 10;

/// Split pages into documents. Every non-blank line belongs to exactly one
/// document, except page furniture at a document's end.
pub fn segment(pages: &[Page]) -> Vec<Segment> {
    segment_lexed(pages, &lex_pages(pages))
}

/// `segment`, reading the file's lines as `lex_pages` lexed them.
pub fn segment_lexed(pages: &[Page], flat: &[LexedLine]) -> Vec<Segment> {
    let Some(first_text) = flat.iter().position(|f| !f.is_blank()) else {
        return Vec::new();
    };
    let multi_page = pages.len() > 1;
    // Non-blank lines before each line: a document's body length in O(1)
    // per line (counting afresh made long single-page texts quadratic).
    let mut nonblank_before = Vec::with_capacity(flat.len() + 1);
    let mut seen = 0usize;
    for f in flat {
        nonblank_before.push(seen);
        seen += usize::from(!f.is_blank());
    }
    nonblank_before.push(seen);

    // (start index into flat, cue)
    // (start index into flat, cue, index of the cue's own line)
    let mut starts: Vec<(usize, Cue, usize)> = vec![(first_text, Cue::Start, first_text)];
    let mut item_number: Option<String> = None;
    // Starts of reports that cover a work plan on their first page.
    let mut plans: Vec<usize> = Vec::new();
    let forms = form::forms(flat);
    for i in first_text..flat.len() {
        let f = &flat[i];
        if f.is_blank() {
            continue;
        }
        // A borderless grid sets a sheet's headings in cells ("| | AGENDA",
        // "Report to: Report of: | CABINET …"): of a table row only its
        // first filled cell is read, and only for a heading or a sheet.
        let row = f.line.table.is_some();
        let cell;
        let t: &str = if row {
            match first_cell(f) {
                Some(c) => {
                    cell = c;
                    &cell
                }
                None => continue,
            }
        } else {
            &f.plain
        };
        let (cur_start, cur_cue, cur_anchor) = starts[starts.len() - 1];
        let body_lines = nonblank_before[i] - nonblank_before[cur_start];
        let next = next_text(flat, i);
        // A summons and membership list may fill the first page and put the
        // "AGENDA" heading lower down or over the page: while nothing has
        // started a document yet, the heading makes the whole opening an agenda.
        let opening = starts.len() == 1
            && cur_cue == Cue::Start
            && flat[i].page_index <= 1
            && body_lines <= 80;
        let agenda_heading = is_agenda_heading(t);
        let cue = if forms.starts.binary_search(&i).is_ok() {
            Some(Cue::Form)
        } else if forms.after.binary_search(&i).is_ok() {
            // What follows a one-page form is no part of it.
            Some(Cue::Start)
        } else if (agenda_heading || is_agenda_title(t)) && opening {
            starts[0].1 = Cue::Agenda;
            starts[0].2 = i;
            continue;
        } else if agenda_heading && lines_above_on_page(flat, i) <= 12 {
            Some(Cue::Agenda)
        } else if row {
            (body_lines >= MIN_BODY && is_report_sheet_start(t)).then_some(Cue::ReportSheet)
        } else if is_minutes_heading(&f.plain)
            || (matches!(cur_cue, Cue::Agenda | Cue::AgendaItem)
                && body_lines >= MIN_BODY
                && opens_bound_minutes(flat, i))
        {
            Some(Cue::Minutes)
        } else if let Some(n) = agenda_item_stamp(&f.plain, next) {
            // A stamp repeated on each page of one report is not a new report.
            let repeated = item_number.as_deref() == Some(n.as_str());
            item_number = Some(n);
            (!repeated).then_some(Cue::AgendaItem)
        } else if body_lines < MIN_BODY {
            None
        } else if is_report_sheet_start(&f.plain) {
            Some(Cue::ReportSheet)
        } else if is_published_line(&f.plain) {
            Some(Cue::InspectionCover)
        } else if cur_cue != Cue::WorkPlan
            && !plans.contains(&cur_start)
            && is_work_plan_heading(&f.plain)
        {
            Some(Cue::WorkPlan)
        } else if is_title_slide(flat, i, multi_page) {
            Some(Cue::Presentation)
        } else {
            None
        };
        let Some(cue) = cue else { continue };
        // A short covering report whose plan follows on its own first page
        // (seed 000 p. 50: "Report Title: Updated Schools Forum Work Plan"
        // over a few paragraphs, then "… Work Plan Academic Year 2014-15"
        // and its dates) is one document: the plan, with the report's sheet.
        if cue == Cue::WorkPlan
            && matches!(cur_cue, Cue::AgendaItem | Cue::ReportSheet)
            && body_lines <= COVER_NOTE_LINES
            && flat[i].page_index == flat[cur_anchor].page_index
        {
            plans.push(cur_start);
            continue;
        }
        // The lowest line the new document may start on: never inside the
        // current document's own cue.
        let floor = if cur_cue == Cue::Start {
            cur_start
        } else {
            cur_anchor + 1
        };
        let start = start_of(flat, i, cue, multi_page, floor);
        // A cue inside the previous document's own opening lines (the
        // "Report to" under an "Agenda Item" stamp) adds nothing.
        let own_sheet =
            cue == Cue::ReportSheet && cur_cue == Cue::AgendaItem && body_lines < 2 * MIN_BODY;
        if start <= cur_start || own_sheet {
            if cur_start == start && cur_cue == Cue::Start {
                let last = starts.len() - 1;
                starts[last].1 = cue;
            }
            continue;
        }
        if cue != Cue::AgendaItem {
            item_number = None;
        }
        starts.push((start, cue, i));
    }

    let council = file_council(flat);
    let mut out: Vec<Segment> = Vec::new();
    for (k, &(start, cue, _)) in starts.iter().enumerate() {
        let end_excl = starts.get(k + 1).map(|s| s.0).unwrap_or(flat.len());
        let Some(last) = (start..end_excl).rev().find(|&j| !flat[j].is_blank()) else {
            continue;
        };
        // Blank lines stay (as ""): in a text rendering they end a paragraph.
        let texts: Vec<&str> = flat[start..=last].iter().map(|f| &*f.plain).collect();
        // Both read the front sheet: it is read once.
        let mut sheet = None;
        let doc_type = classify_with(cue, &texts, &mut sheet);
        let lines = &flat[start..=last];
        let mut info = describe(doc_type, lines, &texts, council.as_deref(), &mut sheet);
        if plans.contains(&start) {
            info.doc_type = DocType::WorkPlan;
        }
        info.pages = [
            pages[flat[start].page_index].number,
            pages[flat[last].page_index].number,
        ];
        let sheet_as_read = flat[start..=last]
            .iter()
            .take(front_sheet::SHEET_LINES)
            .all(|f| !f.furniture);
        out.push(Segment {
            info,
            first: flat[start].page_index,
            last: flat[last].page_index,
            first_line: flat[start].index,
            last_line: flat[last].index,
            sheet: sheet.filter(|_| sheet_as_read),
        });
    }
    take_blank_pages(&mut out, pages);
    inherit_pack_meeting(&mut out);
    out
}

/// Pages with no text after a document's last line and before the next
/// document (the blank back of its last sheet, a scanned page) are its
/// pages: its page range runs to the page before the next document, or
/// to the file's last page.
fn take_blank_pages(segs: &mut [Segment], pages: &[Page]) {
    for k in 0..segs.len() {
        let next = segs.get(k + 1).map_or(pages.len(), |s| s.first);
        let last = segs[k].last;
        if next > last + 1 {
            if let Some(p) = pages.get(next - 1) {
                segs[k].info.pages[1] = p.number;
            }
        }
    }
}

/// Documents bound into an agenda pack after its agenda belong to that
/// meeting: where they name no body or date of their own, they take the
/// agenda's. An inspection report is the inspectorate's, not the meeting's.
fn inherit_pack_meeting(segs: &mut [Segment]) {
    let Some(agenda) = segs
        .iter()
        .find(|s| s.info.doc_type == DocType::Agenda)
        .map(|s| s.info.clone())
    else {
        return;
    };
    for s in segs.iter_mut() {
        if matches!(
            s.info.doc_type,
            DocType::Agenda | DocType::Minutes | DocType::InspectionReport
        ) {
            continue;
        }
        if s.info.body.is_none() {
            s.info.body = agenda.body.clone();
        }
        if s.info.date.is_none() {
            s.info.date = agenda.date.clone();
        }
    }
}

fn next_text<'f>(flat: &'f [Flat], i: usize) -> Option<&'f str> {
    flat.get(i + 1..)?
        .iter()
        .find(|f| !f.is_blank())
        .map(|f| &*f.plain)
}

/// Non-blank lines above line `i` on its page.
fn lines_above_on_page(flat: &[Flat], i: usize) -> usize {
    flat[..i]
        .iter()
        .rev()
        .take_while(|f| f.page_index == flat[i].page_index)
        .filter(|f| !f.is_blank())
        .count()
}

/// Where a document whose cue sits at line `i` begins. In a paged input a
/// cover starts its page when only a few lines (a letterhead, a title)
/// stand above the cue; otherwise the letterhead lines just above the cue
/// (short, not a sentence, not a table row or bullet) go with it.
fn start_of(flat: &[Flat], i: usize, cue: Cue, multi_page: bool, floor: usize) -> usize {
    let above = lines_above_on_page(flat, i);
    if multi_page && cue != Cue::WorkPlan && above <= 8 {
        let mut j = i;
        while j > 0 && flat[j - 1].page_index == flat[i].page_index {
            j -= 1;
        }
        return first_text_from(flat, j).unwrap_or(i);
    }
    // A bound-in report's cover puts its title over a long blurb; an
    // agenda's heading block (body, date, venue) may wrap long.
    let allow_long = matches!(cue, Cue::InspectionCover | Cue::Agenda);
    let mut start = i;
    let mut taken = 0;
    let mut blank_run = 0;
    let mut j = i;
    while j > floor {
        j -= 1;
        let f = &flat[j];
        if f.page_index != flat[i].page_index || f.furniture {
            break;
        }
        if f.is_blank() {
            blank_run += 1;
            continue;
        }
        // Blank lines in a row above a letterhead stand for a page break.
        if taken > 0 && blank_run >= 2 {
            break;
        }
        blank_run = 0;
        let sentence = f.plain.chars().count() > 60 || f.plain.ends_with('.');
        let numbered = f.plain.starts_with(|c: char| c.is_ascii_digit());
        if f.line.table.is_some()
            || is_bullet(&f.plain)
            || numbered
            || (!allow_long && sentence)
            || taken == 6
        {
            break;
        }
        taken += 1;
        start = j;
    }
    start
}

fn first_text_from(flat: &[Flat], j: usize) -> Option<usize> {
    (j..flat.len()).find(|&k| !flat[k].is_blank())
}

fn is_bullet(t: &str) -> bool {
    crate::lex::starts_with_bullet(t)
}

/// "AGENDA" alone on its line.
fn agenda_heading(input: &str) -> IResult<&str, &str> {
    (tag_no_case("agenda"), space0, eof)
        .map(|(a, _, _)| a)
        .parse(input)
}

/// "AGENDA" alone on its line, or letter-spaced as a display heading is
/// ("A G E N D A").
fn is_agenda_heading(t: &str) -> bool {
    if !opens_with_letter(t, b'a') {
        return false;
    }
    agenda_heading(t).is_ok() || unspaced(t).is_some_and(|u| agenda_heading(&u).is_ok())
}

/// A title ending in "Agenda" over a parish notice's list ("Annual Parish
/// Meeting Agenda", "A.G.M. Agenda"): short, no sentence. Only at a file's
/// opening, where it makes the opening an agenda; mid-file a heading such
/// as "PRIVATE AGENDA" sits inside minutes as well.
fn is_agenda_title(t: &str) -> bool {
    let t = t.trim_end_matches(':').trim_end();
    // Most lines do not end in "agenda": passed over before splitting.
    let tail = t.len().checked_sub(6).map(|k| &t.as_bytes()[k..]);
    if !tail.is_some_and(|w| w.eq_ignore_ascii_case(b"agenda")) {
        return false;
    }
    let words: Vec<&str> = t.split(' ').collect();
    words.len() >= 2
        && words.len() <= 6
        && words
            .last()
            .is_some_and(|w| w.eq_ignore_ascii_case("agenda"))
        && words[..words.len() - 1]
            .iter()
            .all(|w| w.starts_with(|c: char| c.is_uppercase()))
}

/// "A G E N D A" -> "AGENDA": a line of single letters spaced out, words
/// kept apart by wider gaps ("P R I V A T E  A G E N D A" folds to one
/// space, so the letters are joined whole).
fn unspaced(t: &str) -> Option<String> {
    let parts: Vec<&str> = t.split(' ').collect();
    (parts.len() >= 4 && parts.iter().all(|p| p.chars().count() == 1)).then(|| parts.concat())
}

/// The first cell of a table row with words in it.
fn first_cell<'a>(f: &Flat<'a>) -> Option<Cow<'a, str>> {
    f.line
        .cells
        .iter()
        .map(|c| crate::lex::plain_cow(&c.text))
        .find(|c| !c.is_empty())
}

/// Minutes bound into a pack after its agenda, which never say "minutes"
/// (the "Notes of the last meeting" item): near the top of a page, under
/// a heading block that holds a date, a label saying who attended
/// ("Attendance:", "Present:").
fn opens_bound_minutes(flat: &[Flat], i: usize) -> bool {
    if !is_present_label(&flat[i].plain) || lines_above_on_page(flat, i) > 8 {
        return false;
    }
    flat[..i]
        .iter()
        .rev()
        .take_while(|f| f.page_index == flat[i].page_index)
        .any(|f| find_date(&f.plain).is_some())
}

/// Whether `t` opens with the ASCII letter `lower` in either case: what
/// `tag_no_case` of a word opening with it needs (no other character
/// lower-cases to these letters), told before the parser runs on every
/// line.
fn opens_with_letter(t: &str, lower: u8) -> bool {
    t.as_bytes()
        .first()
        .is_some_and(|c| c.to_ascii_lowercase() == lower)
}

/// "MINUTES OF THE SCHOOLS FORUM MEETING", "Minutes of the meeting of the
/// Cabinet held on …": a title that opens minutes, so in capitals or
/// naming a meeting ("Minutes of a discussion were kept" opens nothing).
fn is_minutes_heading(t: &str) -> bool {
    let Some(MinutesTitle::Of(rest)) = minutes_title(t) else {
        return false;
    };
    let caps = !t.chars().any(|c| c.is_lowercase());
    let names_meeting = rest.to_ascii_lowercase().contains("meeting");
    t.chars().count() <= 120 && (caps || names_meeting)
}

/// Opening lines in which a decision form's title is looked for.
const DECISION_FORM_LINES: usize = 3;

/// A heading naming a record of a decision ("KENT COUNTY COUNCIL – RECORD
/// OF DECISION", "Record of Executive Decision"): short, no sentence.
fn is_decision_form_title(t: &str) -> bool {
    let l = t.to_lowercase();
    (l.contains("record of decision") || l.contains("record of executive decision"))
        && t.split_whitespace().count() <= 10
        && !t.ends_with('.')
}

/// A title line naming minutes, wrapped or not naming a meeting ("Minutes
/// of the Transport and Connectivity" over "Policy Committee"): short, no
/// sentence. Only in a document's opening lines; too weak to start one.
fn is_minutes_title(t: &str) -> bool {
    matches!(minutes_title(t), Some(MinutesTitle::Of(rest)) if !rest.is_empty())
        && t.split(' ').count() <= 10
        && !t.ends_with('.')
}

/// Minutes that never say "minutes": a committee, a date, then who was
/// present ("Present:", "Members Present:-", "Governors present") among the
/// opening lines, before any numbered item. An agenda lists members, never
/// who was present.
fn opens_as_minutes(head: &[&str]) -> bool {
    let dated = head.iter().take(8).any(|t| find_date(t).is_some());
    // A governors' attendance grid puts the label in a cell of its own
    // ("| | GOVERNOR ATTENDANCE Paul Evemy … | P P P", "| GOVERNOR
    // ATTENDANCE" where the row's first cell is empty).
    let labelled =
        |t: &&str| is_present_label(t) || t.split('|').any(|c| opens_with_present_label(c.trim()));
    dated && head.iter().take(15).any(labelled)
}

/// "Present:", "PRESENT", "Members Present:-", "Present: Cllr A, Cllr B".
fn is_present_label(t: &str) -> bool {
    // Lower case only for the compare (`eq_lower`): the line is not copied.
    let label = t
        .split(':')
        .next()
        .unwrap_or("")
        .trim_end_matches(['-', ' ']);
    [
        "present",
        "members present",
        "councillors present",
        "governors present",
        "attendance",
        "governor attendance",
    ]
    .iter()
    .any(|l| crate::lex::eq_lower(label, l))
}

/// A cell of a grid opening with a label in capitals saying who attended,
/// the names after it ("GOVERNOR ATTENDANCE Paul Evemy Simon Barnes …").
fn opens_with_present_label(cell: &str) -> bool {
    let caps: Vec<&str> = cell
        .split(' ')
        .take_while(|w| w.chars().any(char::is_alphabetic) && !w.chars().any(char::is_lowercase))
        .collect();
    !caps.is_empty() && is_present_label(&caps.join(" "))
}

/// "Agenda Item 6", or "Agenda Item" with the number on the next line (a
/// stamp set in a box wraps so): the number.
pub fn agenda_item_stamp(t: &str, next: Option<&str>) -> Option<String> {
    if !opens_with_letter(t, b'a') {
        return None;
    }
    let parsed: IResult<&str, Option<&str>> =
        (tag_no_case("agenda item"), space0, opt(digit1), space0, eof)
            .map(|(_, _, n, _, _)| n)
            .parse(t);
    match parsed {
        Ok((_, Some(n))) => Some(n.to_string()),
        Ok((_, None)) => {
            let n = next?.trim();
            (!n.is_empty() && n.len() <= 3 && n.chars().all(|c| c.is_ascii_digit()))
                .then(|| n.to_string())
        }
        Err(_) => None,
    }
}

/// The first line of a report's front sheet where no stamp heads it.
fn is_report_sheet_start(t: &str) -> bool {
    [
        "report for:",
        "report to:",
        "executive member report",
        "cabinet member report",
    ]
    .iter()
    .any(|p| strip_prefix_ci(t, p).is_some())
}

/// `t` without the ASCII prefix `p`, matched ignoring ASCII case (as
/// `to_ascii_lowercase` then `strip_prefix` would, without the copy).
fn strip_prefix_ci<'a>(t: &'a str, p: &str) -> Option<&'a str> {
    let head = t.as_bytes().get(..p.len())?;
    if head.eq_ignore_ascii_case(p.as_bytes()) {
        // `p` is ASCII, so `p.len()` is a char boundary of `t` here.
        t.get(p.len()..)
    } else {
        None
    }
}

/// The names of a work plan `is_work_plan_heading` looks for.
const WORK_PLAN_NAMES: [&str; 4] = ["work plan", "workplan", "work programme", "forward plan"];

/// Whether `t` holds one of `WORK_PLAN_NAMES`, ignoring ASCII case.
fn names_work_plan(t: &str) -> bool {
    // Each name holds "rk" or "rd": a line without either is passed over.
    if !crate::lex::holds_letter_pair(t, [*b"rk", *b"rd"]) {
        return false;
    }
    // One pass: each name opens with 'w' or 'f', compared where one stands.
    let b = t.as_bytes();
    (0..b.len()).any(|i| {
        matches!(b[i], b'w' | b'W' | b'f' | b'F')
            && WORK_PLAN_NAMES.iter().any(|n| {
                b.get(i..i + n.len())
                    .is_some_and(|w| w.eq_ignore_ascii_case(n.as_bytes()))
            })
    })
}

/// "Published: March 2015", "Report published: 3 August 2015": the cover of
/// an inspection report.
fn is_published_line(t: &str) -> bool {
    // Dates and months are read ignoring case: the line as printed will do.
    let rest = strip_prefix_ci(t, "published:").or_else(|| strip_prefix_ci(t, "report published:"));
    match rest {
        Some(r) => {
            let r = r.trim_start_matches([' ', '\t', '|']);
            month_year(r).is_ok() || find_date(r).is_some()
        }
        None => false,
    }
}

/// "Haringey Schools Forum - Work Plan Academic Year 2014-15": a heading
/// (not a sentence, not a field, not a numbered item) naming a work plan.
fn is_work_plan_heading(t: &str) -> bool {
    // A line of at most 100 bytes holds at most 100 characters: only a
    // longer one is counted.
    if t.len() > 400 || t.ends_with('.') || t.contains(':') || !names_work_plan(t) {
        return false;
    }
    if t.len() > 100 && t.chars().count() > 100 {
        return false;
    }
    if t.starts_with(|c: char| c.is_ascii_digit()) || is_bullet(t) {
        return false;
    }
    let words: Vec<&str> = t.split_whitespace().collect();
    let capital = words
        .iter()
        .filter(|w| w.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit()))
        .count();
    capital * 2 >= words.len()
}

/// A line holding only a date ("21st May 2015", "WEDNESDAY 25 FEBRUARY 2015").
/// The date a title closes with, the words before it naming the paper
/// ("Community Grant Applications 13th March 2018", Sutton Coldfield's
/// committee paper p1).
fn closing_date(title: &str) -> Option<String> {
    let (k, iso) = find_date_at(title)?;
    (k > 0 && is_bare_date(&title[k..])).then_some(iso)
}

pub fn is_bare_date(t: &str) -> bool {
    // The cheap shape tests first: most lines fail them.
    t.chars().count() <= 40 && t.split_whitespace().count() <= 5 && find_date(t).is_some()
}

/// A title slide: a short title line, at most two more short lines, then a
/// date alone. In a paged input it opens its page.
fn is_title_slide(flat: &[Flat], i: usize, multi_page: bool) -> bool {
    if multi_page && lines_above_on_page(flat, i) > 0 {
        return false;
    }
    let short = |t: &str| {
        t.chars().count() <= 60
            && !t.ends_with(['.', ':', ','])
            && !is_bullet(t)
            && !t.starts_with(|c: char| c.is_ascii_digit())
    };
    // "Chart 1 : West of England Mayoral Combined" over its wrapped title
    // and "(£452.607m) at 31st March 2026": a chart's caption in a report,
    // no slide.
    if !short(&flat[i].plain)
        || is_bare_date(&flat[i].plain)
        || crate::tables::cell::caption(&flat[i].plain).is_some()
    {
        return false;
    }
    for (seen, f) in flat[i + 1..]
        .iter()
        .filter(|f| !f.is_blank())
        .take(3)
        .enumerate()
    {
        if f.line.table.is_some() {
            return false;
        }
        if is_bare_date(&f.plain) {
            return seen >= 1;
        }
        if !short(&f.plain) {
            return false;
        }
    }
    false
}

/// The document type, from the cue that started it and its opening lines.
#[cfg(test)]
fn classify(cue: Cue, texts: &[&str]) -> DocType {
    classify_with(cue, texts, &mut None)
}

/// The front sheet of a document's texts, read on first use.
fn sheet_of<'a>(
    sheet: &'a mut Option<front_sheet::FrontSheet>,
    texts: &[&str],
) -> &'a front_sheet::FrontSheet {
    sheet.get_or_insert_with(|| front_sheet::front_sheet(texts))
}

/// `classify`, keeping the front sheet it reads in `sheet`.
fn classify_with(cue: Cue, texts: &[&str], sheet: &mut Option<front_sheet::FrontSheet>) -> DocType {
    match cue {
        // Minutes that list the agenda they followed ("Agenda:" under the
        // attendance grid) open with who attended: an agenda never does.
        Cue::Agenda => {
            let head: Vec<&str> = texts
                .iter()
                .filter(|t| !t.is_empty())
                .take(40)
                .copied()
                .collect();
            return if opens_as_minutes(&head) {
                DocType::Minutes
            } else {
                DocType::Agenda
            };
        }
        Cue::Minutes => return DocType::Minutes,
        Cue::WorkPlan => return DocType::WorkPlan,
        Cue::InspectionCover => return DocType::InspectionReport,
        Cue::Presentation => return DocType::Presentation,
        // A notice or form filled in for each case: no report.
        Cue::Form => return DocType::Other,
        Cue::Start | Cue::AgendaItem | Cue::ReportSheet => {}
    }
    let head: Vec<&str> = texts
        .iter()
        .filter(|t| !t.is_empty())
        .take(40)
        .copied()
        .collect();
    // ASCII lowering finds these words as `to_lowercase` would (see
    // `lex::contains_lower`: none holds a 'k' or ends in 'i').
    let head_text = head.join("\n").to_ascii_lowercase();
    let has = |w: &str| head_text.contains(w);
    let fs = sheet_of(sheet, texts);
    let sheet = fs.fields;
    if head
        .iter()
        .take(12)
        .any(|t| is_minutes_heading(t) || is_minutes_title(t))
        || opens_as_minutes(&head)
    {
        return DocType::Minutes;
    }
    // A file that opens on a work plan's name as its title ("Forward
    // plan" over the committee it serves) is the plan.
    if cue == Cue::Start && head.first().is_some_and(|t| is_work_plan_heading(t)) {
        return DocType::WorkPlan;
    }
    // A decision form headed as a record of the decision taken records
    // it (the decision grammar reads it): it is no report asking for one.
    if head
        .iter()
        .take(DECISION_FORM_LINES)
        .any(|t| is_decision_form_title(t))
    {
        return DocType::Other;
    }
    let member = has("executive member report")
        || has("cabinet member report")
        || (has("report of:") && has("cabinet member for"))
        || head.first().is_some_and(|t| {
            let l = t.to_lowercase();
            l.contains("member report")
        });
    if member || is_moved_amendment(&head) {
        return DocType::MemberReport;
    }
    let inspection = [
        "thematic inspection",
        "chief inspector",
        "inspection dates",
        "inspection date",
        "area send inspection",
        "focused visit",
        "inspection of",
        "ofsted",
        "piccadilly gate",
    ]
    .iter()
    .any(|w| has(w));
    if inspection && sheet < 2 && cue == Cue::Start {
        return DocType::InspectionReport;
    }
    // A monitoring report or scorecard sent with a front sheet naming who
    // it is by and the meeting it goes to ("By | …", "To | Cabinet – 30
    // January 2025") is a report for decision like any other.
    let performance = has("performance report")
        || ((has("monitoring report") || has("scorecard")) && sheet < 2)
        || fs
            .title
            .as_deref()
            .is_some_and(|t| t.to_lowercase().contains("performance"));
    if performance && (sheet >= 1 || cue == Cue::Start) {
        return DocType::PerformanceReport;
    }
    let scrutiny = [&fs.body, &fs.author].iter().any(|v| {
        v.as_deref()
            .is_some_and(|b| b.to_lowercase().contains("scrutiny"))
    });
    if scrutiny && sheet >= 2 {
        return DocType::ScrutinyReport;
    }
    if cue == Cue::AgendaItem || sheet >= 2 {
        return DocType::OfficerReport;
    }
    if inspection && sheet < 2 {
        return DocType::InspectionReport;
    }
    DocType::Other
}

/// Lines an amendment's mover and its changed recommendations sit in at most.
const AMENDMENT_LINES: usize = 16;

/// A line's words without the empty cells before them: an amendment set
/// in a one-column grid reads "| Proposed by …".
fn row_text(t: &str) -> &str {
    t.trim_start_matches(|c: char| c == '|' || c.is_whitespace())
}

/// "Proposed by Mr A Seconded by Mrs B" or "Proposer: … Seconder: …": the
/// members who move a motion or amendment, on one line.
fn is_mover_line(t: &str) -> bool {
    let l = row_text(t).to_ascii_lowercase();
    (l.starts_with("proposed by ") && l.contains(" seconded by "))
        || (l.starts_with("proposer:") && l.contains(" seconder:"))
        || (l.starts_with("moved by ") && l.contains(" seconded by "))
}

/// "To replace Recommendation (d) by …", "To add a new recommendation
/// (p):", "To delete Recommendation 3": a line that changes the report's
/// recommendations.
pub fn changes_recommendation(t: &str) -> bool {
    let l = row_text(t).to_ascii_lowercase();
    let Some(rest) = [
        "to replace ",
        "to add ",
        "to delete ",
        "to amend ",
        "to insert ",
    ]
    .iter()
    .find_map(|p| l.strip_prefix(p)) else {
        return false;
    };
    let rest = rest
        .strip_prefix("a new ")
        .or_else(|| rest.strip_prefix("new "))
        .unwrap_or(rest);
    rest.starts_with("recommendation")
}

/// A motion or amendment moved by members: its movers on one line, and a
/// line under them that replaces, adds or deletes a recommendation. Members
/// write it, so it is a member report; its changed recommendations are its
/// recommendations.
fn is_moved_amendment(head: &[&str]) -> bool {
    let head = &head[..head.len().min(AMENDMENT_LINES)];
    head.iter()
        .position(|t| is_mover_line(t))
        .is_some_and(|m| head[m + 1..].iter().any(|t| changes_recommendation(t)))
}

/// Title, body, date and council of a document of a known type.
fn describe(
    doc_type: DocType,
    lines: &[Flat],
    texts: &[&str],
    council: Option<&str>,
    sheet: &mut Option<front_sheet::FrontSheet>,
) -> DocumentInfo {
    let mut info = DocumentInfo {
        doc_type,
        council: council.map(str::to_string),
        ..DocumentInfo::default()
    };
    let head: Vec<&str> = texts
        .iter()
        .filter(|t| !t.is_empty())
        .take(60)
        .copied()
        .collect();
    // The same opening lines with their typography, for a title read from it.
    let head_lines: Vec<&Flat> = lines.iter().filter(|f| !f.is_blank()).take(60).collect();
    match doc_type {
        DocType::Agenda => {
            if let Some(m) = heading::agenda_heading(&head, council) {
                info.title = Some(match &m.body {
                    Some(b) => format!("Agenda of the {b} meeting"),
                    None => "Agenda".to_string(),
                });
                info.body = m.body;
                info.date = m.date;
            } else {
                info.title = Some("Agenda".to_string());
            }
        }
        DocType::Minutes => {
            let m = heading::meeting_minutes_heading(&head, council);
            if let Some(m) = m {
                info.title = Some(match &m.body {
                    Some(b) => format!("Minutes of the {b} meeting"),
                    None => "Minutes".to_string(),
                });
                info.body = m.body;
                info.date = m.date;
            }
        }
        DocType::OfficerReport
        | DocType::ScrutinyReport
        | DocType::MemberReport
        | DocType::PerformanceReport => {
            // The sheet is kept for the report grammar: its fields are copied.
            let fs = sheet_of(sheet, texts);
            // The first eight unlabelled opening lines, read only when a
            // field is missing.
            let opening = || -> Vec<&Flat> {
                head_lines
                    .iter()
                    .copied()
                    .filter(|f| front_sheet::field_label(&f.plain).is_err())
                    .take(8)
                    .collect()
            };
            // Failing a title field, a heading among the opening lines.
            info.title = fs
                .title
                .clone()
                .or_else(|| title::opening_title(&opening(), council));
            info.body = fs
                .body
                .as_deref()
                .map(|b| heading::strip_council(b, council))
                .or_else(|| {
                    // Failing a body field, the meeting named with its date
                    // on the report's first line ("Royal Sutton Coldfield
                    // Town Council Meeting 21 February 2017").
                    let first = opening().first().map(|f| f.plain.to_string())?;
                    if first.split_whitespace().nth(MEETING_LINE_WORDS).is_some() {
                        return None;
                    }
                    opening_meeting(&[first.as_str()]).map(|(b, _)| heading::own_body(&b, council))
                });
            // Failing a date field, the meeting named with its date on the
            // report's first line ("Royal Sutton Coldfield Town Council
            // Meeting 21 February 2017" over "Agenda Item 166").
            info.date = fs.date.clone().or_else(|| {
                opening()
                    .first()
                    .filter(|f| f.plain.split_whitespace().nth(MEETING_LINE_WORDS).is_none())
                    .and_then(|f| find_date(&f.plain))
            });
        }
        DocType::InspectionReport => {
            info.title = inspection_title(&head_lines);
            info.date = inspection_date(&head);
            // An inspection names the area inspected, not the pack's council;
            // failing a council named in full, the place its title names.
            info.council =
                file_council_of(&head).or_else(|| info.title.as_deref().and_then(services_place));
        }
        DocType::Presentation | DocType::WorkPlan | DocType::Other => {
            info.title = title::opening_title(&head_lines, council);
            info.date = head
                .iter()
                .take(4)
                .find(|t| is_bare_date(t))
                .and_then(|t| find_date(t))
                .or_else(|| info.title.as_deref().and_then(closing_date));
            // A form or a set of questions names the meeting it belongs to
            // under its title: the body and the meeting's date.
            if let Some((body, date)) = opening_meeting(&head) {
                info.body = Some(heading::strip_council(&body, council));
                info.date = info.date.or(date);
            }
        }
    }
    info
}

/// The last word of a body's name: what a committee, a council or a board
/// is called.
const BODY_NOUNS: &[&str] = &[
    "assembly",
    "board",
    "cabinet",
    "commission",
    "committee",
    "council",
    "executive",
    "forum",
    "panel",
    "partnership",
    "sub-committee",
];

/// The meeting a document's opening lines name, with its date, on one line
/// or wrapped onto the next: "Decision determined at Transport &
/// Connectivity Policy" over "Committee meeting on 15 May 2025" ->
/// ("Transport & Connectivity Policy Committee", "2025-05-15"); "West of
/// England Combined Authority Committee and West of England" over "Joint
/// Committee, Friday 05 March 2026". The words before the date must end
/// on what a body is called ("… Committee"); what leads up to "at" is the
/// sentence's, not the body's.
fn opening_meeting(head: &[&str]) -> Option<(String, Option<String>)> {
    // A letter's salutation ("Dear Member") is never part of a body's name.
    let lines: Vec<&str> = head
        .iter()
        .copied()
        .take(6)
        .filter(|t| !crate::lex::is_letter_formula(t))
        .collect();
    for (i, line) in lines.iter().enumerate() {
        let joined = lines.get(i + 1).map(|n| format!("{line} {n}"));
        for text in std::iter::once(line.to_string()).chain(joined) {
            if text.split_whitespace().count() > 24 {
                continue;
            }
            let (Some(body), Some(date)) = heading::body_and_date(&text) else {
                continue;
            };
            let date = Some(date);
            let body = match body.rfind(" at ") {
                Some(at) if body[at + 4..].starts_with(|c: char| c.is_uppercase()) => {
                    body[at + 4..].trim().to_string()
                }
                _ => body,
            };
            let last = body.split_whitespace().last().unwrap_or("").to_lowercase();
            let named = body
                .split_whitespace()
                .next()
                .is_some_and(|w| w.starts_with(|c: char| c.is_uppercase()));
            if named && BODY_NOUNS.contains(&last.as_str()) && body.split_whitespace().count() <= 14
            {
                return Some((body, date));
            }
        }
    }
    undated_meeting(&lines).map(|b| (b, None))
}

/// A heading set in capitals over up to four lines that ends on the body
/// it serves after "at": "THIS DOCUMENT GIVES NOTICE OF" … "AT TRANSPORT &
/// CONNECTIVITY POLICY" over "COMMITTEE" -> "Transport & Connectivity
/// Policy Committee".
fn undated_meeting(lines: &[&str]) -> Option<String> {
    let caps =
        |t: &str| t.chars().any(|c| c.is_alphabetic()) && !t.chars().any(|c| c.is_lowercase());
    for i in 0..lines.len() {
        let run: Vec<&str> = lines[i..]
            .iter()
            .copied()
            .take_while(|t| caps(t))
            .take(4)
            .collect();
        if run.len() < 2 {
            continue;
        }
        let text = run.join(" ");
        let Some(at) = text.rfind(" AT ") else {
            continue;
        };
        let body = text[at + 4..].trim();
        let last = body.split_whitespace().last().unwrap_or("").to_lowercase();
        if BODY_NOUNS.contains(&last.as_str()) && (2..=8).contains(&body.split_whitespace().count())
        {
            return Some(crate::lex::title_case(body));
        }
    }
    None
}

/// The place whose children's services an inspection's title names:
/// "Focused visit to Lancashire children’s services" -> "Lancashire".
fn services_place(title: &str) -> Option<String> {
    let folded = title.replace('’', "'");
    let at = folded.to_lowercase().find(" children's services")?;
    let before = folded.get(..at)?;
    let (_, place) = before
        .rsplit_once(" to ")
        .or_else(|| before.rsplit_once(" of "))?;
    let words: Vec<&str> = place.split_whitespace().collect();
    let named = (1..=4).contains(&words.len())
        && words
            .iter()
            .all(|w| w.starts_with(|c: char| c.is_uppercase()));
    named.then(|| words.join(" "))
}

/// Words a report's opening line naming its meeting and date may hold.
const MEETING_LINE_WORDS: usize = 12;

/// An inspection report's title: the first of its opening lines that names
/// an inspection, with the line after it where the title wraps onto it.
fn inspection_title(head: &[&Flat]) -> Option<String> {
    let cues = [
        "area send inspection",
        "inspection of",
        "focused visit to",
        "review of the effectiveness",
        "inspection report",
    ];
    let at = head.iter().take(25).position(|f| {
        let l = f.plain.to_lowercase();
        cues.iter().any(|c| l.starts_with(c)) && f.plain.chars().count() <= 100
    });
    match at {
        Some(k) => {
            let first = head[k];
            let mut title = fold(&first.plain);
            // A cover title wraps: "Inspection of looked after children" / "services".
            if let Some(line) = head.get(k + 1) {
                let next: &str = &line.plain;
                let ends_open = crate::lex::SMALL_WORDS
                    .iter()
                    .any(|w| title.to_lowercase().ends_with(&format!(" {w}")));
                let plain_tail = !next.contains(':') && find_date(next).is_none();
                let short_tail = next.split_whitespace().count() <= 2 && plain_tail;
                if ends_open
                    || next.starts_with(char::is_lowercase)
                    || short_tail
                    || (plain_tail && same_display_type(first, line))
                {
                    title.push(' ');
                    title.push_str(next);
                }
            }
            Some(title)
        }
        None => {
            let texts: Vec<&str> = head.iter().map(|f| f.plain.as_ref()).collect();
            title::first_heading(&texts)
        }
    }
}

/// Display type: a line set well above the body text's size.
const DISPLAY_SIZE: f32 = 1.5;

/// Whether `next` goes on in the display type `first` is set in: the same
/// page, size and weight, well above the body text ("Area SEND inspection
/// of Lancashire" / "Local Area Partnership", both 26pt bold on a 12pt page).
fn same_display_type(first: &Flat, next: &Flat) -> bool {
    first.line.rel_size >= DISPLAY_SIZE
        && next.page_index == first.page_index
        && (next.line.size - first.line.size).abs() < 0.5
        && next.line.bold == first.line.bold
}

/// "Published: March 2015" -> "2015-03"; "Report published: 3 August
/// 2015"; failing that a letter's date alone on its line, or the last day
/// of "Inspection dates: 9 to 13 December 2024".
fn inspection_date(head: &[&str]) -> Option<String> {
    for t in head.iter().take(30) {
        // ASCII lowering keeps byte offsets valid in `t`.
        let l = t.to_ascii_lowercase();
        if let Some(pos) = l.find("published:") {
            let rest = t
                .get(pos + "published:".len()..)
                .unwrap_or("")
                .trim_start_matches([' ', '\t', '|']);
            if let Some(d) = find_date(rest) {
                return Some(d);
            }
            if let Ok((_, d)) = month_year(rest) {
                return Some(d);
            }
        }
    }
    if let Some(d) = head.iter().take(10).find(|t| is_bare_date(t)) {
        return find_date(d);
    }
    let dates = head
        .iter()
        .take(30)
        .find(|t| t.to_lowercase().starts_with("inspection date"))?;
    // "9 to 13 December 2024": the last day carries the month and year.
    let mut last = None;
    let mut from = 0;
    while let Some((i, d)) = dates.get(from..).and_then(find_date_at) {
        last = Some(d);
        // Past this date's day, to the next word.
        let day_end = dates[from + i..]
            .find(char::is_whitespace)
            .unwrap_or(dates.len() - from - i);
        from += i + day_end;
    }
    last
}

/// The council a whole file belongs to: the name most often written as
/// "Haringey Council", "Kent County Council", "London Borough of Harrow";
/// failing that, the place the text keeps naming ("in Harrow", "Harrow's").
fn file_council(flat: &[Flat]) -> Option<String> {
    let texts: Vec<&str> = flat.iter().map(|f| &*f.plain).collect();
    file_council_of(&texts)
}

/// Words that look like a council's name but are not one, sorted (for
/// `binary_search`).
const NOT_COUNCILS: &[&str] = &[
    "A",
    "Area",
    "Areas",
    "Authorities",
    "Authority",
    "Board",
    "Borough",
    "Britain",
    "Cabinet",
    "Care",
    "Chair",
    "Chief",
    "Child",
    "Children",
    "City",
    "Committee",
    "Council",
    "Councils",
    "County",
    "Department",
    "Director",
    "District",
    "Each",
    "Early",
    "Education",
    "England",
    "Every",
    "Executive",
    "Families",
    "Family",
    "Forum",
    "Full",
    "Government",
    "Government's",
    "Group",
    "Health",
    "Help",
    "Inspector",
    "Inspectors",
    "Leader",
    "Local",
    "Majesty",
    "Member",
    "Members",
    "National",
    "Ofsted",
    "Our",
    "Panel",
    "Parish",
    "Partnership",
    "People",
    "Plan",
    "Report",
    "School",
    "Schools",
    "Scotland",
    "Secretary",
    "Service",
    "Services",
    "State",
    "Team",
    "Teams",
    "That",
    "The",
    "These",
    "This",
    "Town",
    "Wales",
    "Week",
    "Whole",
    "Year",
    "Young",
];

pub fn file_council_of(texts: &[&str]) -> Option<String> {
    let (named_early, named) = council_counts(texts);
    // A council named in the opening lines is the document's own.
    let mut opening: Vec<(String, usize)> = named_early;
    opening.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    if let Some((name, _)) = opening.first() {
        return Some(name.clone());
    }
    let mut named = named;
    named.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    match named.as_slice() {
        [(name, n), rest @ ..] if *n >= 4 && rest.first().is_none_or(|(_, m)| *m * 2 <= *n) => {
            Some(name.clone())
        }
        _ => email_council(texts),
    }
}

/// The council of a document that names it in full only once or twice:
/// the place of a council e-mail address ("jon.mcginty@gloucester.gov.uk")
/// where the text also names that place's council in full ("Gloucester
/// City Council’s Finance team"). The address alone names no council (a
/// report may give a partner's), nor the name alone (a neighbour's).
fn email_council(texts: &[&str]) -> Option<String> {
    let place = texts.iter().find_map(|t| {
        let at = t.find('@')?;
        let domain = t[at + 1..].split_whitespace().next()?;
        let host = domain.to_ascii_lowercase();
        let host = host.trim_end_matches(['.', ',', ';', ')']);
        let label = host.strip_suffix(".gov.uk")?.rsplit('.').next()?;
        (label.len() >= 3 && label.bytes().all(|b| b.is_ascii_lowercase()))
            .then(|| crate::lex::title_case(&label.to_ascii_uppercase()))
    })?;
    let kinds = ["County", "City", "Borough", "District", "Parish", "Town"];
    let council = |w: &str| {
        let w = trim_end_str(trim_end_str(w, "’s"), "'s");
        w == "Council"
    };
    let named = texts.iter().any(|t| {
        let words: Vec<&str> = t.split_whitespace().collect();
        words.iter().enumerate().any(|(k, w)| {
            *w == place
                && match (words.get(k + 1), words.get(k + 2)) {
                    (Some(n), _) if council(n) => true,
                    (Some(kind), Some(n)) => kinds.contains(kind) && council(n),
                    _ => false,
                }
        })
    });
    named.then_some(place)
}

/// Names and how often the council scan counted each.
type Counts = Vec<(String, usize)>;

/// Names counted by the council scan: in the opening lines, and in all
/// lines read.
fn council_counts(texts: &[&str]) -> (Counts, Counts) {
    let mut named: Vec<(String, usize)> = Vec::new();
    let mut named_early: Vec<(String, usize)> = Vec::new();
    fn bump_in(list: &mut Vec<(String, usize)>, name: &str, by: usize) {
        match list.iter_mut().find(|(n, _)| n == name) {
            Some(e) => e.1 += by,
            None => list.push((name.to_string(), by)),
        }
    }
    let mut seen_lines = 0;
    // One buffer of words for every line: no allocation per line.
    let mut words: Vec<&str> = Vec::new();
    for t in texts {
        if !t.is_empty() {
            seen_lines += 1;
        }
        // A council named in a document's opening lines (letterhead, front
        // sheet) is its own; one named further on may be a neighbour.
        let early = seen_lines <= 15;
        // Once past the opening lines with a council named there, that name
        // is the answer (see below): the rest of the text cannot change it.
        if !early && !named_early.is_empty() {
            break;
        }
        // Most lines can count nothing: they are not split into words.
        if !may_name_place(t) {
            continue;
        }
        // Split at whitespace, commas and brackets.
        crate::lex::split_words(t, b",()", &mut words);
        for (k, w) in words.iter().enumerate() {
            // `trim_end_matches(['.', ':', ';'])` on bytes (all ASCII).
            let mut w = *w;
            while let Some(rest) = w
                .strip_suffix('.')
                .or_else(|| w.strip_suffix(':'))
                .or_else(|| w.strip_suffix(';'))
            {
                w = rest;
            }
            // Each test below needs its word (or the next) to open or end
            // with a given letter, or to be of a given length: most words
            // are passed over on a byte or two.
            let wb = w.as_bytes();
            let first = wb.first().copied().unwrap_or(0);
            let next = words.get(k + 1).copied().unwrap_or("");
            let bare = if first == b'C' && k > 0 {
                trim_end_str(trim_end_str(w, "’s"), "'s")
            } else {
                ""
            };
            if bare == "Council" || bare == "COUNCIL" {
                // "Haringey Council", "Kent County Council", "Gloucester City
                // Council", "KENT COUNTY COUNCIL – RECORD OF DECISION";
                // local councils: "Milburn Parish Council", "Sutton
                // Coldfield Town Council", "Ayton Community Council".
                let mut j = k - 1;
                let kinds = [
                    "county",
                    "city",
                    "borough",
                    "district",
                    "parish",
                    "town",
                    "community",
                ];
                if kinds.iter().any(|k| lower_is(words[j], k)) && j > 0 {
                    j -= 1;
                }
                let place = words[j].trim_end_matches(['’', '\'']);
                let place = if bare == "COUNCIL" {
                    crate::lex::title_case(place)
                } else {
                    place.to_string()
                };
                // A compass point is part of the place: "North Yorkshire
                // Council", "West Dereham Parish Council".
                let name = match j.checked_sub(1).map(|i| words[i]) {
                    Some(c) if is_compass_point(c) && is_place_word(&place) => {
                        format!("{} {place}", crate::lex::title_case(c))
                    }
                    _ => place.clone(),
                };
                if is_place_word(&place) {
                    bump_in(&mut named, &name, 2);
                    if early {
                        bump_in(&mut named_early, &name, 1);
                    }
                }
            }
            if wb.len() == 7
                && lower_is(w, "borough")
                && words.get(k + 1).is_some_and(|n| lower_is(n, "of"))
            {
                if let Some(name) = words.get(k + 2) {
                    if is_place_word(name) {
                        bump_in(&mut named, name, 2);
                        if early {
                            bump_in(&mut named_early, name, 1);
                        }
                    }
                }
            }
            // A safeguarding board or a children's service is a council's:
            // "Haringey Safeguarding Children Board", "Haringey Children’s Services".
            if next.starts_with(['S', 'C'])
                && (next == "Safeguarding" || next == "Children’s" || next == "Children's")
                && is_place_word(w)
            {
                bump_in(&mut named, w, 1);
            }
            // Possessives and "in X" name the place a report is about.
            let possessive = if wb.last() == Some(&b's') {
                w.strip_suffix("'s").or_else(|| w.strip_suffix("’s"))
            } else {
                None
            };
            if let Some(base) = possessive {
                if is_place_word(base) {
                    bump_in(&mut named, base, 1);
                }
            }
            let before_place = matches!(wb.len(), 2 | 3 | 6)
                && matches!(first, b'i' | b'I' | b'a' | b'A' | b'w' | b'W')
                && ["in", "across", "within", "all"]
                    .iter()
                    .any(|p| lower_is(w, p));
            if before_place && k + 1 < words.len() {
                let n = words[k + 1].trim_end_matches(['.', ',', ';', ':']);
                // "in Quarter 3" names no place.
                let name_ends = words
                    .get(k + 2)
                    .is_none_or(|x| !x.starts_with(|c: char| c.is_ascii_digit()));
                if is_place_word(n) && name_ends {
                    bump_in(&mut named, n, 1);
                }
            }
        }
    }
    (named_early, named)
}

/// Whether the council scan can count anything on a line. Every count
/// there needs a possessive ("Harrow's"), or a capitalised word that is
/// "Council", "Safeguarding" or "Children's", or that follows "in",
/// "across", "within", "all" or the "of" of "Borough of". A line with none
/// of these (most lines) is passed over; a line with a letter or a space
/// beyond ASCII is always scanned (other characters, a bullet or a dash,
/// are inside words there as here).
fn may_name_place(t: &str) -> bool {
    if holds_possessive(t) {
        return true;
    }
    if !t.is_ascii()
        && t.chars()
            .any(|c| !c.is_ascii() && (c.is_alphabetic() || c.is_whitespace()))
    {
        return true;
    }
    // Only a capitalised word can count: each one is found on one pass
    // over the bytes and tested with the word before it.
    let b = t.as_bytes();
    (0..b.len()).any(|i| {
        b[i].is_ascii_uppercase() && (i == 0 || is_scan_separator(b[i - 1])) && names_at(b, i)
    })
}

/// Whether `t` holds "'s" or "’s": each apostrophe found by a byte search
/// (no substring searcher set up per line), then the byte after it read.
fn holds_possessive(t: &str) -> bool {
    let b = t.as_bytes();
    let s_after = |(i, q): (usize, &str)| b.get(i + q.len()) == Some(&b's');
    t.match_indices('\'').any(s_after) || t.match_indices('’').any(s_after)
}

/// The council scan's word separators: ASCII whitespace, commas and
/// brackets.
fn is_scan_separator(c: u8) -> bool {
    matches!(
        c,
        b' ' | b'\t' | b'\n' | 0x0B | 0x0C | b'\r' | b',' | b'(' | b')'
    )
}

/// Whether the capitalised word opening at `i` is "Council",
/// "Safeguarding" or "Children…", or follows "in", "across", "within",
/// "all" or "of" (any case, a closing '.', ':' or ';' passed over).
fn names_at(b: &[u8], i: usize) -> bool {
    let word = &b[i..];
    let keyword = [&b"Council"[..], b"COUNCIL", b"Safeguarding", b"Children"]
        .iter()
        .any(|k| word.starts_with(k));
    if keyword {
        return true;
    }
    // The word before: back over separators, then over its bytes.
    let mut end = i;
    while end > 0 && is_scan_separator(b[end - 1]) {
        end -= 1;
    }
    let mut start = end;
    while start > 0 && !is_scan_separator(b[start - 1]) {
        start -= 1;
    }
    let mut prev = &b[start..end];
    while let [rest @ .., b'.' | b':' | b';'] = prev {
        prev = rest;
    }
    [&b"in"[..], b"across", b"within", b"all", b"of"]
        .iter()
        .any(|p| prev.eq_ignore_ascii_case(p))
}

/// `s` without every trailing `suffix` (`str::trim_end_matches` with a
/// string pattern, minus the searcher it sets up on each call).
fn trim_end_str<'a>(mut s: &'a str, suffix: &str) -> &'a str {
    while let Some(rest) = s.strip_suffix(suffix) {
        s = rest;
    }
    s
}

/// Whether `w.to_lowercase() == lower` for an ASCII `lower` holding no
/// 'k': no other character lower-cases into such ASCII (the Kelvin sign is
/// the only non-ASCII one lowering to ASCII), so an ASCII case-blind
/// compare gives the same answer without building the lowered string.
fn lower_is(w: &str, lower: &str) -> bool {
    debug_assert!(lower.is_ascii() && !lower.contains('k'));
    w.eq_ignore_ascii_case(lower)
}

/// A capitalised word of letters (a place name), not a common heading word.
/// "North", "South", "East", "West", in title or capital case: the first
/// word of a place ("West Dereham") where a council's name follows.
fn is_compass_point(w: &str) -> bool {
    ["north", "south", "east", "west"]
        .iter()
        .any(|c| lower_is(w, c))
        && w.starts_with(|c: char| c.is_uppercase())
}

fn is_place_word(w: &str) -> bool {
    let mut cs = w.chars();
    let Some(first) = cs.next() else { return false };
    first.is_uppercase()
        && w.chars().count() >= 3
        && w.chars().all(|c| c.is_alphabetic() || c == '-')
        && w.chars().skip(1).any(|c| c.is_lowercase())
        && NOT_COUNCILS.binary_search(&w).is_err()
        && !crate::lex::is_month_name(w)
}

#[cfg(test)]
mod opening_meeting_tests {
    use super::*;

    #[test]
    fn the_meeting_named_under_a_forms_title() {
        // Bristol City Council decision recording form, 15 May 2025.
        assert_eq!(
            opening_meeting(&[
                "Decision Recording Form",
                "Decision determined at Transport & Connectivity Policy",
                "Committee meeting on 15 May 2025",
            ]),
            Some((
                "Transport & Connectivity Policy Committee".to_string(),
                Some("2025-05-15".to_string())
            ))
        );
        // Bristol City Council forward plan, January 2026: the committee
        // after "AT" in a heading in capitals.
        assert_eq!(
            opening_meeting(&[
                "Forward plan",
                "THIS DOCUMENT GIVES NOTICE OF",
                "ANTICIPATED KEY DECISIONS TO BE TAKEN",
                "AT TRANSPORT & CONNECTIVITY POLICY",
                "COMMITTEE",
                "This update published 20 January 2026",
            ]),
            Some((
                "Transport & Connectivity Policy Committee".to_string(),
                None
            ))
        );
        // West of England Combined Authority, public questions, 2026.
        assert_eq!(
            opening_meeting(&[
                "Public Questions and Mayor’s Responses",
                "West of England Combined Authority Committee and West of England",
                "Joint Committee, Friday 05 March 2026",
            ])
            .map(|(b, _)| b),
            Some(
                "West of England Combined Authority Committee and West of England Joint Committee"
                    .to_string()
            )
        );
        // Ofsted focused visit to Lancashire, 2019: the place in the title.
        assert_eq!(
            services_place("Focused visit to Lancashire children’s services").as_deref(),
            Some("Lancashire")
        );
        assert_eq!(
            services_place(
                "Focused visit to Kent County Council local authority children's services"
            ),
            None
        );
        // Kent County Council's covering letter, February 2025: the
        // salutation is no part of the body.
        assert_eq!(
            opening_meeting(&["Dear Member", "COUNTY COUNCIL - THURSDAY, 13 FEBRUARY 2025"])
                .map(|(b, _)| b),
            Some("County Council".to_string())
        );
        // A title with a date names no body ("Community Grant Applications
        // 13th March 2018").
        assert_eq!(
            opening_meeting(&["Community Grant Applications 13th March 2018"]),
            None
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::input::from_text;

    #[test]
    fn stamps_and_headings() {
        assert_eq!(
            agenda_item_stamp("Agenda Item 6", None).as_deref(),
            Some("6")
        );
        assert_eq!(
            agenda_item_stamp("Agenda Item", Some("10")).as_deref(),
            Some("10")
        );
        assert_eq!(agenda_item_stamp("Agenda Item", Some("Report")), None);
        assert_eq!(agenda_item_stamp("(Agenda Item 3) There were", None), None);
        assert!(is_agenda_heading("AGENDA"));
        assert!(!is_agenda_heading("AGENDA ITEM"));
        // Birmingham's pack sets its heading letter-spaced in a grid cell.
        assert!(is_agenda_heading("A G E N D A"));
        assert!(!is_agenda_heading("A B C D"));
        // Milburn's notice: two agendas under titles of their own.
        assert!(is_agenda_title("Annual Parish Meeting Agenda"));
        assert!(is_agenda_title("A.G.M. Agenda"));
        assert!(!is_agenda_title("Matters for the next agenda"));
        assert!(!is_agenda_title("Agenda"));
        // A governors' grid: the label in capitals, the names after it.
        assert!(opens_with_present_label(
            "GOVERNOR ATTENDANCE Paul Evemy Simon Barnes"
        ));
        assert!(!opens_with_present_label("COMMITTEE Full Governing Body"));
        assert!(is_minutes_heading("MINUTES OF THE SCHOOLS FORUM MEETING"));
        assert!(is_minutes_heading(
            "Minutes of the meeting of the Cabinet held on 3 May"
        ));
        assert!(!is_minutes_heading("Minutes of a discussion were kept"));
        assert!(is_published_line("Published: March 2015"));
        assert!(is_published_line("Report published: 3 August 2015"));
        assert!(!is_published_line("Published: soon"));
        assert!(is_work_plan_heading(
            "Haringey Schools Forum - Work Plan Academic Year 2014-15"
        ));
        assert!(!is_work_plan_heading(
            "Report Title: Updated Schools Forum Work Plan 2014-15."
        ));
        assert!(!is_work_plan_heading(
            "10. WORK PLAN 2014/15 (PAGES 77 - 80)"
        ));
        assert!(!is_work_plan_heading(
            "to add additional items to the work plan for the next year"
        ));
        assert!(is_bare_date("21st May 2015"));
        assert!(!is_bare_date(
            "Report to Haringey Schools Forum – 21 May 2015 and more"
        ));
    }

    /// Burton-cum-Walden's minutes: the second sheet is blank, and is the
    /// minutes' page all the same.
    #[test]
    fn a_blank_page_after_a_document_is_its_page() {
        let text = "Cabinet\nAGENDA\n1. APOLOGIES\n2. MINUTES\n\u{c}\n\u{c}\n";
        let pages = from_text(text);
        let segs = segment(&pages);
        assert_eq!(segs.len(), 1);
        assert_eq!(segs[0].info.pages, [1, pages.len() as u32]);
        assert_eq!(segs[0].last, 0);
    }

    #[test]
    fn a_short_report_covering_a_work_plan_on_its_page_is_the_plan() {
        // Seed 000 pp. 50-51, after a report of its own.
        let mut text = String::from("Report Title: Early Years Update\n");
        for k in 0..12 {
            text.push_str(&format!("{k}.1. The early years paragraph number {k}.\n"));
        }
        text.push_str(
            "\u{c}Haringey Council\n**Agenda Item\n10**\nReport Status\n\
             For information/note\nFor consultation & views\nFor decision\n\
             Report to Haringey Schools Forum – 21 May 2015\n\
             Report Title: Updated Schools Forum Work Plan 2014-15.\nAuthor:\n\
             Steve Worth – Finance Manager (Schools and Learning)\n\
             Purpose: To inform the Forum of the updated work plan for 2014-15.\n\
             Recommendations:\nThat the updated work plan for 2014-15 is noted.\n\
             1. Schools Forum\n\
             • 1.1. It is good practice for Schools Forum to maintain a work plan.\n\
             Haringey Schools Forum - Work Plan Academic Year 2014-15\n21 May 2015\n\
             Early Years Update.\nHigh Needs Update.\n8 July 2015\n\
             Dedicated Schools Budget Outturn 2014-15\n\
             \u{c}School Funding 2016-17\nForum Membership\nWork plan 2015-16\n",
        );
        let segs = segment(&from_text(&text));
        assert_eq!(segs.len(), 2);
        assert_eq!(segs[1].info.doc_type, DocType::WorkPlan);
        assert_eq!(segs[1].info.pages, [2, 3]);
        assert_eq!(
            segs[1].info.title.as_deref(),
            Some("Updated Schools Forum Work Plan 2014-15")
        );
    }

    #[test]
    fn a_summons_before_the_agenda_heading_is_the_agenda() {
        let mut text = String::from("Cabinet\nDear Councillor\nYou are summoned to a meeting.\n");
        for k in 0..20 {
            text.push_str(&format!("Councillor Name{k}\n"));
        }
        text.push_str("\u{c}AGENDA\n1. APOLOGIES\n2. MINUTES\n");
        let pages = from_text(&text);
        let segs = segment(&pages);
        assert_eq!(segs.len(), 1);
        assert_eq!(segs[0].info.doc_type, DocType::Agenda);
        assert_eq!(segs[0].info.pages, [1, 2]);
    }

    #[test]
    fn minutes_bound_after_an_agenda_start_at_their_attendance() {
        // Birmingham's pack: the agenda heading letter-spaced in a grid
        // cell, then the last meeting's notes, which never say "minutes".
        let mut text = String::from("BIRMINGHAM CITY COUNCIL\n\t\tA G E N D A\n");
        for k in 1..=12 {
            text.push_str(&format!("{k} ITEM NUMBER {k}\nTo note the item.\n"));
        }
        text.push_str(
            "\u{c}BIRMINGHAM CITY COUNCIL\nCABINET COMMITTEE – GROUP COMPANY GOVERNANCE\n\
             Tuesday 18 September 2018 at 1330\nAttendance:\n\
             Councillor Brigid Jones in the Chair;\n1 APOLOGY\n",
        );
        let segs = segment(&from_text(&text));
        let types: Vec<DocType> = segs.iter().map(|s| s.info.doc_type).collect();
        assert_eq!(types, [DocType::Agenda, DocType::Minutes]);
        assert_eq!(segs[1].info.pages, [2, 2]);
    }

    #[test]
    fn minutes_listing_their_agenda_are_minutes() {
        // Decoy governors: the attendance grid, then "Agenda" over the list.
        let text = "DECOY COMMUNITY PRIMARY SCHOOL BOARD OF GOVERNORS\n\
            COMMITTEE\tLearning & Wellbeing Committee\tDATE\t7 MARCH 2022\n\
            \t\tGOVERNOR ATTENDANCE Paul Evemy Simon Barnes\tP P\tP S\n\
            Chaired by\tPaul Evemy\tClerked by\tPete Osborne\nAgenda\n\
            LW 48/2122 To record those who are present\n";
        let segs = segment(&from_text(text));
        assert_eq!(segs.len(), 1);
        assert_eq!(segs[0].info.doc_type, DocType::Minutes);
    }

    #[test]
    fn classifier_cues() {
        let c = |lines: &[&str]| classify(Cue::Start, lines);
        assert_eq!(
            c(&[
                "EXECUTIVE MEMBER REPORT TO COUNCIL 15TH MARCH 2019",
                "Annual report"
            ]),
            DocType::MemberReport
        );
        assert_eq!(
            c(&["KENT COUNTY COUNCIL – RECORD OF DECISION", "Decision:"]),
            DocType::Other
        );
        assert_eq!(
            c(&[
                "Report for: C&YP Scrutiny Panel – 13 December 2016",
                "Title: Update",
                "Lead Officers: A"
            ]),
            DocType::ScrutinyReport
        );
        assert_eq!(
            c(&[
                "REPORT FOR:",
                "PERFORMANCE AND FINANCE SCRUTINY SUB-COMMITTEE",
                "Date of Meeting: | 11 July 2013",
                "Subject: | Children and Families Performance"
            ]),
            DocType::PerformanceReport
        );
        // Kent's finance monitoring report p1: by whom and to which
        // meeting, as a report for decision is sent.
        assert_eq!(
            c(&[
                "Finance Monitoring Report",
                "As at November 2024-25 – Quarter 3",
                "By | Deputy Leader and Cabinet Member for Finance, Peter Oakford",
                "To | Cabinet – 30 January 2025"
            ]),
            DocType::OfficerReport
        );
        assert_eq!(
            c(&[
                "Kent County Council",
                "Quarterly Performance Report",
                "Quarter 3"
            ]),
            DocType::PerformanceReport
        );
        assert_eq!(
            c(&[
                "From: | A Director",
                "To: | Cabinet – 30 January 2025",
                "Subject: | A plan"
            ]),
            DocType::OfficerReport
        );
        assert_eq!(
            c(&[
                "Area SEND inspection of Wiltshire",
                "Inspection dates: 14 to 18 October 2024"
            ]),
            DocType::InspectionReport
        );
        assert_eq!(
            c(&["Statement of persons nominated", "Election of a councillor"]),
            DocType::Other
        );
        assert_eq!(
            classify(Cue::AgendaItem, &["Some text"]),
            DocType::OfficerReport
        );
    }

    #[test]
    fn inspection_titles_and_dates() {
        let head = [
            "Inspection of looked after children",
            "services",
            "Published: | 16 August 2013",
        ];
        let pages = from_text(&head.join("\n"));
        let flat = lex_pages(&pages);
        let lines: Vec<&Flat> = flat.iter().collect();
        assert_eq!(
            inspection_title(&lines).as_deref(),
            Some("Inspection of looked after children services")
        );
        assert_eq!(inspection_date(&head).as_deref(), Some("2013-08-16"));
        assert_eq!(
            inspection_date(&["Early help", "Published: March 2015"]).as_deref(),
            Some("2015-03")
        );
        assert_eq!(
            inspection_date(&["Inspection dates: 9 to 13 December 2024"]).as_deref(),
            Some("2024-12-13")
        );
    }

    /// Lancashire's area SEND report, page 1: the title wraps in 26pt bold
    /// on a 12pt page; the dates under it are body text.
    #[test]
    fn an_inspection_title_wraps_in_its_display_type() {
        let text = "Local area partnership report\nArea SEND inspection of Lancashire\n\
                    Local Area Partnership\nInspection dates: 9 to 13 December 2024\n";
        let set = |sizes: [(f32, f32); 4]| {
            let mut pages = from_text(text);
            for (line, (size, rel)) in pages[0].lines.iter_mut().zip(sizes) {
                line.size = size;
                line.rel_size = rel;
                line.bold = rel > DISPLAY_SIZE;
            }
            pages
        };
        let display = set([(9.96, 0.83), (26.04, 2.17), (26.04, 2.17), (12.0, 1.0)]);
        let flat = lex_pages(&display);
        let lines: Vec<&Flat> = flat.iter().collect();
        assert_eq!(
            inspection_title(&lines).as_deref(),
            Some("Area SEND inspection of Lancashire Local Area Partnership")
        );
        // Set as body text, the line after the title is not read into it.
        let body = set([(12.0, 1.0); 4]);
        let flat = lex_pages(&body);
        let lines: Vec<&Flat> = flat.iter().collect();
        assert_eq!(
            inspection_title(&lines).as_deref(),
            Some("Area SEND inspection of Lancashire")
        );
    }

    /// Kent's record of decision 24/00093, p1: a form recording a decision
    /// taken, not a member's report asking for it.
    #[test]
    fn a_moved_amendment_is_a_member_report() {
        // Kent budget amendments pack p5, set in a one-column grid.
        let head = [
            "| Kent County Council Labour Group – Alternative Budget",
            "| Proposed by Mr Alister Brady Seconded by Mrs Jackie Meade",
            "| County Council is asked to agree the following:",
            "| To replace Recommendation (h) with",
        ];
        assert_eq!(classify(Cue::Start, &head), DocType::MemberReport);
        // Movers alone, changing no recommendation: no report of theirs.
        assert_eq!(classify(Cue::Start, &head[..3]), DocType::Other);
        assert!(changes_recommendation("To add a new recommendation (p):"));
        assert!(!changes_recommendation("To replace the roof of the depot"));
    }

    #[test]
    fn a_record_of_decision_is_no_report() {
        let texts = [
            "KENT COUNTY COUNCIL – RECORD OF DECISION",
            "DECISION TO BE TAKEN BY: | DECISION NUMBER:",
            "Mrs Sue Chandler, Cabinet Member for Integrated Children’s Services | 24/00093",
            "For publication",
            "Key decision: YES",
        ];
        assert_eq!(classify(Cue::Start, &texts), DocType::Other);
        // Prose naming such a record heads no form.
        assert!(!is_decision_form_title(
            "The record of decision will be published on the council's website once signed."
        ));
    }

    #[test]
    fn title_slides() {
        let slide_pages =
            from_text("Traded Services to Schools\n\nSchools Forum – Update\n\n21st May 2015\n");
        assert!(is_title_slide(&lex_pages(&slide_pages), 0, false));
        let prose_pages = from_text("Early Years Update.\nHigh Needs Update.\n8 July 2015\n");
        assert!(!is_title_slide(&lex_pages(&prose_pages), 0, false));
        let lone_pages = from_text("Minutes\n21 May 2015\n");
        // A title over a date alone is a dated heading, not a slide: a slide has a subtitle.
        let lone = lex_pages(&lone_pages);
        assert!(!is_title_slide(&lone, 0, false));
        // WECA budget outturn report p31: a chart's caption, its title
        // wrapped over three lines, the last ending in a date.
        let chart_pages = from_text(
            "Chart 1 : West of England Mayoral Combined\nAuthority Investments by Funding Source\n(£452.607m) at 31st March 2026\n",
        );
        assert!(!is_title_slide(&lex_pages(&chart_pages), 0, false));
    }

    #[test]
    fn work_plan_names_found_case_blind_as_over_windows() {
        for t in [
            "Schools Forum Work Plan 2014-15",
            "FORWARD PLAN",
            "work pla",
            "a Workplan",
            "",
            "Wörk plan work plan",
            "Work Programme 2015/16",
            "forward planning",
            "ww ff",
        ] {
            let by_windows = WORK_PLAN_NAMES.iter().any(|n| {
                t.as_bytes()
                    .windows(n.len())
                    .any(|w| w.eq_ignore_ascii_case(n.as_bytes()))
            });
            assert_eq!(names_work_plan(t), by_windows, "{t:?}");
        }
    }

    #[test]
    fn headings_told_on_their_first_letter_as_by_the_parsers() {
        for t in [
            "AGENDA",
            "Agenda ",
            "agenda item 6",
            "Agenda Item",
            "MINUTES OF THE MEETING",
            "Minutes of the Forum meeting",
            "Ägenda",
            "Kelvin",
            "",
            " Agenda",
            "minute",
        ] {
            assert_eq!(is_agenda_heading(t), agenda_heading(t).is_ok(), "{t:?}");
            let by_parser = minutes_title(t).is_some();
            assert!(!is_minutes_heading(t) || by_parser, "{t:?}");
            if !opens_with_letter(t, b'm') {
                assert!(!by_parser, "{t:?}");
            }
            if !opens_with_letter(t, b'a') {
                let parsed: IResult<&str, &str> = tag_no_case("agenda item").parse(t);
                assert!(parsed.is_err(), "{t:?}");
            }
        }
    }

    #[test]
    fn possessives_found_as_by_substring_search() {
        let mut lines: Vec<String> = [
            "Harrow's",
            "Harrow’s",
            "'",
            "’",
            "s'",
            "’S",
            "''s",
            "’’s",
            "a ' s",
            "é's",
            "",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect();
        for text in crate::test_seeds::seed_texts() {
            lines.extend(text.lines().map(str::to_string));
        }
        let mut found = 0;
        for l in &lines {
            let want = l.contains("'s") || l.contains("’s");
            found += usize::from(want);
            assert_eq!(holds_possessive(l), want, "{l:?}");
        }
        assert!(found >= 20, "{found}");
    }

    #[test]
    fn month_names_are_no_places() {
        assert!(!is_place_word("March"));
        assert!(!is_place_word("Sept"));
        assert!(is_place_word("Haringey"));
        assert!(is_place_word("Marchmont"));
    }

    #[test]
    fn words_that_are_no_councils_are_sorted_for_halving() {
        assert!(NOT_COUNCILS.windows(2).all(|p| p[0] < p[1]));
    }

    /// Sutton Coldfield's community grant paper, p1: the title closes with
    /// the meeting's date.
    #[test]
    fn a_title_closing_with_a_date() {
        assert_eq!(
            closing_date("Community Grant Applications 13th March 2018").as_deref(),
            Some("2018-03-13")
        );
        assert_eq!(closing_date("13th March 2018"), None);
        assert_eq!(
            closing_date("Minutes of 13 March 2018 and matters arising from them"),
            None
        );
    }

    #[test]
    fn councils_from_names_and_places() {
        assert_eq!(
            file_council_of(&["Haringey Council", "the Council agreed"]).as_deref(),
            Some("Haringey")
        );
        assert_eq!(
            file_council_of(&["Lancashire County Council and NHS"]).as_deref(),
            Some("Lancashire")
        );
        assert_eq!(
            file_council_of(&[
                "in Harrow and",
                "Harrow's pupils",
                "across Harrow.",
                "within Harrow"
            ])
            .as_deref(),
            Some("Harrow")
        );
        assert_eq!(file_council_of(&["in England", "the Council"]), None);
        // Local councils name their kind before "Council".
        assert_eq!(
            file_council_of(&["Milburn Parish Council - 2nd July 2019"]).as_deref(),
            Some("Milburn")
        );
        assert_eq!(
            file_council_of(&["Ayton Community Council MINUTES"]).as_deref(),
            Some("Ayton")
        );
        // A compass point belongs to the place (West Dereham Parish
        // Council's draft minutes, 1 June 2017; "North Yorkshire Council as
        // billing authority", Burton-cum-Walden's minutes, 4 November 2025).
        assert_eq!(
            file_council_of(&["DRAFT MINUTES OF THE WEST DEREHAM PARISH COUNCIL MEETING"])
                .as_deref(),
            Some("West Dereham")
        );
        assert_eq!(
            file_council_of(&[
                "communicate this decision to North Yorkshire Council as billing authority."
            ])
            .as_deref(),
            Some("North Yorkshire")
        );
        // Not a compass word in lower case, nor one alone.
        assert_eq!(
            file_council_of(&["the north Kent County Council area"]).as_deref(),
            Some("Kent")
        );
        // Gloucester City Council's report to Cabinet, 11 March 2026: named
        // in full once, past the front sheet whose contact's address is the
        // council's.
        let mut lines = vec!["Email: jon.mcginty@gloucester.gov.uk Tel: 396200"];
        lines.extend(["of the Finance function of the Council and his recommendations"; 16]);
        lines.push("Gloucester City Council’s Finance team has faced prolonged instability");
        assert_eq!(file_council_of(&lines).as_deref(), Some("Gloucester"));
        // The address alone names no council.
        assert_eq!(file_council_of(&lines[..17]), None);
    }

    #[test]
    fn a_text_pack_splits_inside_its_one_page() {
        let mut text = String::from("Borough Forum\n\nAGENDA\n\n1. WELCOME\n\n");
        text.push_str("MINUTES OF THE FORUM MEETING\nWEDNESDAY 25 FEBRUARY 2015\n");
        for k in 0..12 {
            text.push_str(&format!("{k}\tminute {k}\n"));
        }
        text.push_str(
            "This page is intentionally left blank\n\nSome Council\n\nAgenda Item\n6\n\n",
        );
        text.push_str("Report to Forum – 21 May 2015\nReport Title: An update\nAuthor: A Person\n");
        let pages = from_text(&text);
        let segs = segment(&pages);
        let kinds: Vec<_> = segs.iter().map(|s| s.info.doc_type).collect();
        assert_eq!(
            kinds,
            [DocType::Agenda, DocType::Minutes, DocType::OfficerReport]
        );
        // The furniture line ends no document; the letterhead starts the report.
        let report = &segs[2];
        assert_eq!(pages[0].lines[report.first_line].text, "Some Council");
        assert!(pages[0].lines[segs[1].last_line].text.starts_with("11\t"));
        assert_eq!(report.info.title.as_deref(), Some("An update"));
    }
}

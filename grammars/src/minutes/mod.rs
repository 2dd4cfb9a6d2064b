//! Minutes -> `minute` records with numbered paragraphs, `resolution` and
//! `action` records.
//!
//! Two layouts are read. The grid (MINUTE NO. | SUBJECT/DECISION | ACTION
//! BY): one table row per paragraph, a row with an empty first cell
//! continuing the paragraph before it (also across pages), the ACTION BY
//! cell naming owners by initials. The paragraph form: "84. Title" (or
//! "CAB/23/45 Title", "Minute 12: Title") then text, "84.1" numbering its
//! paragraphs. Resolutions come from `resolution`, names for initials from
//! `attendance`; the attendance list itself is `attendance`'s.

pub mod action_table;
pub mod attendance;
pub mod attendance_grid;
pub mod lex;
pub mod movers;
pub mod people;
pub mod placed;
pub mod prose_actions;
pub mod resolution;
pub mod running;
pub mod vote;

use crate::document::Doc;
use crate::model::{
    Action, AttendanceStatus, Diagnostic, DocumentInfo, Fields, Minute, Paragraph, Parsed, Record,
    Resolution,
};
use lex::{FlatLine, Form, Layout};
use people::People;
use regex::Regex;
use std::collections::HashMap;
use std::sync::LazyLock;

/// A paragraph being read, with the page each piece of its text came from.
#[derive(Debug, Clone, Default)]
struct Para {
    number: Option<String>,
    text: String,
    /// (byte offset in `text`, page) where each row's text starts.
    spans: Vec<(usize, u32)>,
    /// ACTION BY cells of its rows, with their pages.
    owners: Vec<(String, u32)>,
    /// Owners set in an action column level with a piece of `text`, in
    /// the order of the pieces.
    placed: Vec<placed::Placed>,
    /// A row of a table of three columns or more set inside a minute's
    /// prose: an entry of the table, whose cells record no resolution.
    table_row: bool,
    /// Every line of it set in bold, as minutes print their decisions.
    bold: bool,
    /// Whether the weight of a line has been taken into `bold` yet.
    weighed: bool,
}

impl Para {
    fn new(number: Option<String>, text: &str, page: u32) -> Para {
        let mut p = Para {
            number,
            ..Para::default()
        };
        p.push(text, page);
        p
    }

    fn push(&mut self, text: &str, page: u32) {
        if text.is_empty() {
            return;
        }
        if !self.text.is_empty() {
            self.text.push(' ');
        }
        self.spans.push((self.text.len(), page));
        self.text.push_str(text);
    }

    /// Put the mark of a list read one item to a line
    /// (`resolution::LINE_ITEM`) at byte `at`, the end of the text before
    /// the list's first line, once a second line shows it is a list.
    fn mark_at(&mut self, at: usize) {
        if !self.text.is_char_boundary(at) || at > self.text.len() {
            return;
        }
        let mark = resolution::LINE_ITEM.trim_end();
        self.text.insert_str(at, mark);
        let moved = |o: usize| if o >= at { o + mark.len() } else { o };
        for s in &mut self.spans {
            s.0 = moved(s.0);
        }
        for pl in &mut self.placed {
            pl.start = pl.start.map(moved);
            pl.end = moved(pl.end);
        }
    }

    /// Take a line's weight into the paragraph's: bold while every line is.
    fn weigh(&mut self, bold: bool) {
        self.bold = bold && (self.bold || !self.weighed);
        self.weighed = true;
    }

    fn page_at(&self, offset: usize) -> u32 {
        self.spans
            .iter()
            .take_while(|(o, _)| *o <= offset)
            .last()
            .or(self.spans.first())
            .map(|(_, p)| *p)
            .unwrap_or(0)
    }

    fn first_page(&self) -> u32 {
        self.spans.first().map(|s| s.1).unwrap_or(0)
    }

    fn last_page(&self) -> u32 {
        self.spans.last().map(|s| s.1).unwrap_or(0)
    }
}

/// A minute being read.
#[derive(Debug, Clone, Default)]
struct Min {
    number: String,
    title: String,
    /// The title is in capitals and may go on in the next row or line.
    title_open: bool,
    paras: Vec<Para>,
    /// ACTION BY cells on the heading row itself.
    heading_owners: Vec<(String, u32)>,
    page: u32,
    page_end: u32,
}

impl Min {
    /// The number its records cite: none for a section headed without one.
    fn number_field(&self) -> Option<String> {
        (!self.number.is_empty()).then(|| self.number.clone())
    }
}

/// Read one document's pages and append its records to `out`.
pub fn parse(d: &Doc, out: &mut Parsed) {
    let (_pages, info, doc) = (d.pages, d.info, d.index);
    let lines = &*running::split_running(&d.lines);
    let layout = lex::layout(lines);
    parse_in(lines, layout.as_ref(), info, doc, out, None);
}

/// `attendance::parse` then `parse`, with the same records and
/// diagnostics in the same order, but the document flattened, laid out
/// and its attendance list read once for both.
pub fn parse_with_attendance(d: &Doc, out: &mut Parsed) {
    let (_pages, info, doc) = (d.pages, d.info, d.index);
    let lines = &*running::split_running(&d.lines);
    let layout = lex::layout(lines);
    let entries = attendance::parse_in(lines, layout.as_ref(), info, doc, out);
    parse_in(lines, layout.as_ref(), info, doc, out, Some(entries));
}

/// `parse` over lines already flattened and laid out; `entries` are the
/// attendance entries where they have been read already.
fn parse_in(
    lines: &[FlatLine],
    layout: Option<&Layout>,
    info: &DocumentInfo,
    doc: usize,
    out: &mut Parsed,
    entries: Option<Vec<attendance::Entry>>,
) {
    let Some(layout) = layout else {
        out.diagnostics.push(Diagnostic {
            page: info.pages[0],
            message: "minutes: no numbered minutes found; kept as document text".to_string(),
        });
        // A summary table of actions is read even where the minutes
        // themselves are not.
        emit_table_actions(lines, &[], &People::default(), doc, out);
        return;
    };
    let date = lex::meeting_date(lines, layout, info);
    let mut diags = Vec::new();
    let minutes = read(lines, layout, &mut diags);
    out.diagnostics.extend(diags);
    let entries = entries.unwrap_or_else(|| attendance::entries_in(lines, layout, info));
    let names = known_names(&minutes, entries);
    let first = out.records.len();
    for m in &minutes {
        emit(m, date.as_ref(), &names, doc, out);
    }
    emit_table_actions(lines, &minutes, &names, doc, out);
    // Minutes with an action column, action lines or a table of actions
    // record their actions there; the others write them into sentences.
    let columned = out.records[first..]
        .iter()
        .any(|r| matches!(r.fields, Fields::Action(_)));
    if !columned {
        for m in &minutes {
            emit_prose_actions(m, &names, doc, out);
        }
    }
}

/// The actions a minute's sentences give ("The Clerk to write to …",
/// "Councillor Dixon will carry out …"), one per clause.
fn emit_prose_actions(m: &Min, names: &People, doc: usize, out: &mut Parsed) {
    for p in &m.paras {
        for a in prose_actions::read(&p.text) {
            let people = names.resolve(&a.owners).into_iter().collect::<Vec<_>>();
            let unresolved = if people.is_empty() {
                vec![a.owners.clone()]
            } else {
                Vec::new()
            };
            let page = p.page_at(a.start);
            out.records.push(Record {
                text: p.text[a.start..a.end].to_string(),
                page,
                page_end: p.page_at(a.end.saturating_sub(1)).max(page),
                document: doc,
                fields: Fields::Action(Action {
                    minute: m.number_field(),
                    owners: a.owners,
                    people,
                    unresolved,
                }),
            });
        }
    }
}

/// The minute number a bare reference ("72/2122") is written with
/// elsewhere in the document, its series letters before it ("BM 72/2122"),
/// where the minutes themselves were not read.
fn prefixed_reference(all: &str, bare: &str) -> Option<String> {
    let re = Regex::new(&format!(
        r"\b([A-Z]{{1,4}}) {}(?:\s|$)",
        regex::escape(bare)
    ))
    .ok()?;
    re.captures(all)
        .and_then(|c| c.get(1))
        .map(|p| format!("{} {bare}", p.as_str()))
}

/// Actions from a summary table of actions ("ACTIONS TO BE TAKEN ITEM |
/// BY WHOM | BY WHEN"), each tied to the minute its reference names.
fn emit_table_actions(
    lines: &[FlatLine],
    mins: &[Min],
    names: &People,
    doc: usize,
    out: &mut Parsed,
) {
    let mut all: Option<String> = None;
    for (i, l) in lines.iter().enumerate() {
        if l.line.table.is_none() {
            continue;
        }
        let cells = l.cells();
        if cells.len() < 2 || !cells.iter().any(|c| c.starts_with("BY WHO")) {
            continue;
        }
        let all = all.get_or_insert_with(|| lines.iter().map(|l| format!("{} ", l.text)).collect());
        let mut found: Vec<(action_table::TableAction, u32)> = action_table::read_row(&cells, all)
            .into_iter()
            .map(|a| (a, l.page))
            .collect();
        // A ruled table: the header alone, an action in each row below.
        if let Some(columns) = action_table::ruled_header(&cells).filter(|_| found.is_empty()) {
            found = lines[i + 1..]
                .iter()
                .map_while(|r| {
                    r.line.table?;
                    action_table::read_ruled_row(columns, &r.cells()).map(|a| (a, r.page))
                })
                .collect();
        }
        for (a, page) in found {
            let base = a.reference.trim_start_matches(|c: char| c.is_ascii_digit());
            let digits = &a.reference[..a.reference.len() - base.len()];
            let tail = base.trim_start_matches(|c: char| c.is_ascii_lowercase());
            let bare = format!("{digits}{tail}");
            let minute = mins
                .iter()
                .find(|m| m.number == bare || m.number.ends_with(&format!(" {bare}")))
                .map(|m| m.number.clone())
                .or_else(|| prefixed_reference(all, &bare))
                .unwrap_or(a.reference.clone());
            let normal = people::normalise_owners(&a.owners);
            let mut people = Vec::new();
            let mut unresolved = Vec::new();
            for o in people::owner_groups(&normal).concat() {
                match names.resolve(&o) {
                    Some(n) if !people.contains(&n) => people.push(n),
                    Some(_) => {}
                    None => unresolved.push(o),
                }
            }
            out.records.push(Record {
                text: a.text,
                page,
                page_end: page,
                document: doc,
                fields: Fields::Action(Action {
                    minute: Some(minute),
                    owners: normal,
                    people,
                    unresolved,
                }),
            });
        }
    }
}

/// The minutes of a document, read from its layout.
fn read(lines: &[FlatLine], layout: &Layout, diags: &mut Vec<Diagnostic>) -> Vec<Min> {
    let end = layout.body_end.min(lines.len());
    // An "Items | Action" layout: its action column holds owners' initials.
    let action_column = lines.iter().any(|l| {
        l.line.cells.len() >= 2
            && l.line
                .cells
                .last()
                .is_some_and(|c| placed::is_action_header(&c.text))
    });
    match layout.form {
        // The header row, where there is one, is skipped by `read_grid`.
        Form::Grid => read_grid(
            &lines[layout.body_start.min(end)..end],
            action_column,
            diags,
        ),
        Form::Paragraphs => {
            let begin = layout.body_start.min(end);
            // Sections headed in bold without a number between the
            // attendance list and the first numbered minute ("**OPEN
            // FORUM**") are minutes too, where the numbered minutes'
            // headings are bold as well.
            let region = (layout.start + 1).min(begin);
            let lead = if lines.get(begin).is_some_and(|l| l.line.bold) {
                attendance::unnumbered_start(&lines[region..begin])
                    .map_or(0, |i| begin - region - i)
            } else {
                0
            };
            read_paragraphs(&lines[begin - lead..end], lead, action_column, diags)
        }
    }
}

/// A row of the grid: number cell, text cell, ACTION BY cell.
fn grid_row(l: &FlatLine) -> (String, String, String) {
    if l.line.table.is_none() {
        return (String::new(), l.text.to_string(), String::new());
    }
    let cells = l.cells();
    let (num, text, action) = match cells.len() {
        0 => (String::new(), String::new(), String::new()),
        1 => (String::new(), cells[0].clone(), String::new()),
        2 => (cells[0].clone(), cells[1].clone(), String::new()),
        n => (
            cells[0].clone(),
            cells[1..n - 1].join(" ").trim().to_string(),
            cells[n - 1].clone(),
        ),
    };
    // An ACTION BY cell saying nobody ("None") names no owner, and the
    // column's header ("Action") set in the first row names none either.
    let action = if placed::is_action_header(&action)
        || action
            .trim()
            .trim_end_matches('.')
            .split_whitespace()
            .collect::<Vec<_>>()
            .as_slice()
            .first()
            .and_then(|w| crate::lex::count_value(w))
            == Some(0)
            && action.split_whitespace().count() == 1
    {
        String::new()
    } else {
        action
    };
    if !num.is_empty() && lex::grid_label(&num).is_none() {
        // Not a number: the row's first cell is text.
        let joined = format!("{num} {text}").trim().to_string();
        return (String::new(), joined, action);
    }
    (num, text, action)
}

/// A row of a table of three cells or more (a two-column "Items | Action"
/// row is a minute's prose with its owners).
fn is_table_row(l: &FlatLine) -> bool {
    l.line.table.is_some() && l.line.cells.len() >= 3
}

/// A grid row of four cells or more whose title and notes have cells of
/// their own ("FGB 45/2021 | Finance | The update on the budget … |
/// Clerk"): the title and the notes.
fn title_cell(l: &FlatLine) -> Option<(String, String)> {
    l.line.table?;
    let cells = l.cells();
    if cells.len() < 4 {
        return None;
    }
    let n = cells.len();
    let title = cells[1].trim();
    let notes = cells[2..n - 1].join(" ").trim().to_string();
    (!title.is_empty() && !notes.is_empty()).then(|| (title.to_string(), notes))
}

fn is_upper_text(s: &str) -> bool {
    s.chars().any(|c| c.is_alphabetic()) && !s.chars().any(|c| c.is_lowercase())
}

/// Whether an unnumbered row goes on with the paragraph before it: the
/// paragraph stops mid-sentence (no full stop), or the row starts in lower
/// case or with a list number ("2. That …" after "1. That …").
fn continues(prev: &str, next: &str) -> bool {
    if next.starts_with(|c: char| c.is_lowercase()) {
        return true;
    }
    if resolution::list_marker(next).is_ok() {
        return true;
    }
    let p = prev.trim_end();
    !p.ends_with(['.', '!', '?', ')'])
}

fn start_minute(mins: &mut Vec<Min>, number: String, text: &str, page: u32) {
    let (title, rest) = lex::split_title(text);
    let mut m = Min {
        number,
        title_open: rest.is_empty() && is_upper_text(&title),
        title,
        page,
        page_end: page,
        ..Min::default()
    };
    if !rest.is_empty() {
        m.paras.push(Para::new(None, &rest, page));
    }
    mins.push(m);
}

/// Add unnumbered text to the current minute: the title's continuation, the
/// paragraph's continuation, or a new unnumbered paragraph.
fn add_text(m: &mut Min, text: &str, page: u32, owners: &str) {
    m.page_end = page;
    if m.title_open && m.paras.is_empty() && is_upper_text(text) {
        m.title.push(' ');
        m.title.push_str(text);
        if !owners.is_empty() {
            m.heading_owners.push((owners.to_string(), page));
        }
        return;
    }
    m.title_open = false;
    match m.paras.last_mut() {
        Some(last) if continues(&last.text, text) => last.push(text, page),
        _ => m.paras.push(Para::new(None, text, page)),
    }
    if !owners.is_empty() {
        if let Some(last) = m.paras.last_mut() {
            last.owners.push((owners.to_string(), page));
        }
    }
}

/// Owners placed in the text just added to the current minute: tied to
/// its last paragraph, whose text ends with (or is the end of) `clean`.
fn attach_placed(mins: &mut [Min], clean: &str, placed: Vec<placed::Placed>, page: u32) {
    let Some(cur) = mins.last_mut() else {
        return;
    };
    let Some(p) = cur.paras.last_mut() else {
        for pl in placed {
            cur.heading_owners.push((pl.owners, page));
        }
        return;
    };
    let shift = |o: usize| -> Option<usize> {
        if p.text.ends_with(clean) {
            Some(o + p.text.len() - clean.len())
        } else if clean.ends_with(&p.text) {
            Some(o.saturating_sub(clean.len() - p.text.len()))
        } else {
            None
        }
    };
    for pl in placed {
        match shift(pl.end) {
            Some(end) => {
                let start = pl.start.and_then(&shift);
                p.placed.push(placed::Placed {
                    owners: pl.owners,
                    start,
                    end,
                });
            }
            None => p.owners.push((pl.owners, page)),
        }
    }
}

/// A line's text without the owners its action column holds, and those
/// owners placed in it: initials joined to the text after a stop, a
/// column of initials one to each point ("GD GD"), or a last cell of
/// initials standing apart ("… first instance. | CB").
fn place_owners(text: &str, owners: &mut String, last_cell: bool) -> (String, Vec<placed::Placed>) {
    if last_cell && !owners.is_empty() {
        let p = vec![placed::Placed {
            owners: std::mem::take(owners),
            start: None,
            end: text.len(),
        }];
        return (text.to_string(), p);
    }
    let (clean, mut p) = placed::split(text);
    if let Some(units) = placed::initials_column(owners) {
        p.extend(placed::by_points(&clean, &units));
        p.sort_by_key(|x| x.end);
        owners.clear();
    }
    (clean, p)
}

fn read_grid(lines: &[FlatLine], action_column: bool, diags: &mut Vec<Diagnostic>) -> Vec<Min> {
    let mut mins: Vec<Min> = Vec::new();
    let mut pending: Option<(String, Vec<placed::Placed>, u32)> = None;
    // The number column's minutes: where they are set in bold, a heading
    // between the rows is bold too ("07 Julie Levers" in body type is a
    // speaker in a list), and a number a later row bears is that row's.
    let numbered: Vec<(usize, u64, bool)> = lines
        .iter()
        .enumerate()
        .filter(|(_, l)| l.line.table.is_some())
        .filter_map(|(k, l)| {
            let (num, _, _) = grid_row(l);
            let (m, _) = lex::grid_label(&num)?;
            Some((k, order_key(&m)?, l.line.bold))
        })
        .collect();
    let rows_bold = !numbered.is_empty() && numbered.iter().all(|r| r.2);
    let between = |k: usize, l: &FlatLine, text: &str, cur: Option<&Min>| {
        let (n, rest) = grid_heading(l, text, cur)?;
        let key = order_key(&n)?;
        let later_row = numbered.iter().any(|r| r.0 > k && r.1 == key);
        (!later_row && (l.line.bold || !rows_bold)).then_some((n, rest))
    };
    for (k, l) in lines.iter().enumerate() {
        if let Some((clean, p, page)) = pending.take() {
            attach_placed(&mut mins, &clean, p, page);
        }
        if lex::is_grid_header(&l.text) {
            continue;
        }
        let (num, text, mut owners) = grid_row(l);
        let (text, p) = if action_column {
            place_owners(&text, &mut owners, false)
        } else {
            (text, Vec::new())
        };
        if !p.is_empty() {
            pending = Some((text.clone(), p, l.page));
        }
        if text.is_empty() && owners.is_empty() && num.is_empty() {
            continue;
        }
        match lex::grid_label(&num).ok_or(()) {
            // A number that does not come after the current minute's is a
            // list item in the number column ("1." | "That the report be
            // noted"), not a new minute.
            Ok((m, None))
                if mins.last().is_some_and(|cur| {
                    matches!((order_key(&m), order_key(&cur.number)), (Some(a), Some(b)) if a <= b)
                }) =>
            {
                if let Some(cur) = mins.last_mut() {
                    add_text(cur, &format!("{num} {text}"), l.page, &owners);
                }
            }
            Ok((m, None)) => {
                match title_cell(l) {
                    // Number | title | notes | action: the title has its own cell.
                    Some((title, notes)) => {
                        mins.push(Min {
                            number: m,
                            title,
                            page: l.page,
                            page_end: l.page,
                            ..Min::default()
                        });
                        if let Some(cur) = mins.last_mut() {
                            cur.paras.push(Para::new(None, &notes, l.page));
                        }
                    }
                    None => start_minute(&mut mins, m, &text, l.page),
                }
                if !owners.is_empty() {
                    if let Some(cur) = mins.last_mut() {
                        match cur.paras.last_mut() {
                            Some(p) => p.owners.push((owners.clone(), l.page)),
                            None => cur.heading_owners.push((owners.clone(), l.page)),
                        }
                    }
                }
            }
            Ok((m, Some(p))) => {
                if mins.last().is_none_or(|cur| cur.number != m) {
                    // A paragraph of a minute whose heading row is missing.
                    start_minute(&mut mins, m, "", l.page);
                }
                if let Some(cur) = mins.last_mut() {
                    cur.title_open = false;
                    cur.page_end = l.page;
                    let mut para = Para::new(Some(p), &text, l.page);
                    if !owners.is_empty() {
                        para.owners.push((owners.clone(), l.page));
                    }
                    cur.paras.push(para);
                }
            }
            Err(_) if between(k, l, &text, mins.last()).is_some() => {
                if let Some((m, rest)) = between(k, l, &text, mins.last()) {
                    start_minute(&mut mins, m, &rest, l.page);
                    if !owners.is_empty() {
                        if let Some(cur) = mins.last_mut() {
                            match cur.paras.last_mut() {
                                Some(p) => p.owners.push((owners.clone(), l.page)),
                                None => cur.heading_owners.push((owners.clone(), l.page)),
                            }
                        }
                    }
                }
            }
            Err(_) => match mins.last_mut() {
                Some(cur) => add_text(cur, &text, l.page, &owners),
                None => diags.push(Diagnostic {
                    page: l.page,
                    message: format!(
                        "minutes: text before the first minute number kept only as document text: {}",
                        short(&text)
                    ),
                }),
            },
        }
    }
    if let Some((clean, p, page)) = pending.take() {
        attach_placed(&mut mins, &clean, p, page);
    }
    mins
}

/// A minute heading the grid's number column does not hold: a numbered
/// heading set as a line of its own between the rows ("2. Apologies for
/// Absence" in an "Items | Action" grid), or a row whose one text cell
/// opens with the number and a title in capitals ("1. Multi Member
/// (Police) Report KC outlined …"). Its number comes next after the
/// current minute's (a few may be skipped, "7." then "10."), or is the
/// first of the minutes: a list item's number inside a minute goes back.
fn grid_heading(l: &FlatLine, text: &str, cur: Option<&Min>) -> Option<(String, String)> {
    let (rest, number) = lex::heading_number(text).ok()?;
    let n: u64 = number.parse().ok()?;
    let follows = match cur.and_then(|c| order_key(&c.number)) {
        Some(a) => n > a && n <= a + 5,
        None => cur.is_none() && n <= 2,
    };
    if !follows {
        return None;
    }
    let looks = if l.line.table.is_none() {
        lex::is_paragraph_heading(l)
    } else {
        capitalised_lead(rest) >= 2
    };
    looks.then(|| (number, rest.trim().to_string()))
}

/// How many words open `text` with a capital before the first word in
/// lower case ("Multi Member (Police) Report KC outlined" -> 5), where a
/// word in lower case follows them.
fn capitalised_lead(text: &str) -> usize {
    let first_letter = |w: &str| w.chars().find(|c| c.is_alphabetic());
    let mut n = 0;
    for w in text.split_whitespace() {
        match first_letter(w) {
            Some(c) if c.is_uppercase() => n += 1,
            Some(_) => return n,
            None => return 0,
        }
    }
    0
}

fn short(s: &str) -> String {
    let mut out: String = s.chars().take(60).collect();
    if out.len() < s.len() {
        out.push('…');
    }
    out
}

/// The leading integer of a minute number, for order: "84" -> 84, "CAB/23/45" -> 45;
/// a number and year by year then number: "71/17" -> 17071.
fn order_key(n: &str) -> Option<u64> {
    // A series reference ("LW 48/2122"): its number within the year.
    if let Some((_, reference)) = n
        .split_once(' ')
        .filter(|(series, _)| series.chars().all(|c| c.is_ascii_uppercase() || c == '&'))
    {
        if let Some((num, year)) = reference.split_once('/') {
            if num.len() <= 3 {
                let (num, year): (u64, u64) = (num.parse().ok()?, year.parse().ok()?);
                return year.checked_mul(1000)?.checked_add(num);
            }
        }
    }
    if let Some((num, year)) = running::year_number(n)
        .ok()
        .filter(|(rest, _)| rest.is_empty())
        .and_then(|(_, n)| n.split_once('/'))
    {
        let (num, year): (u64, u64) = (num.parse().ok()?, year.parse().ok()?);
        return year.checked_mul(1000)?.checked_add(num);
    }
    n.rsplit('/').next().and_then(|t| t.parse().ok())
}

/// `lines` from the first minute; the first `lead` of them are sections
/// headed without a number before the first numbered minute.
fn read_paragraphs(
    lines: &[FlatLine],
    lead: usize,
    action_column: bool,
    diags: &mut Vec<Diagnostic>,
) -> Vec<Min> {
    let mut mins: Vec<Min> = Vec::new();
    let mut pending: Option<(String, Vec<placed::Placed>, u32)> = None;
    let mut prev: Option<&FlatLine> = None;
    // The minutes' headings share the first one's weight: where it is
    // bold, a numbered line in body type ("07 Julie Levers" in a list of
    // speakers) opens no minute.
    // Rows that carry on the bold headings' numbering are minutes too.
    let run = lex::reference_run(lines);
    let rows = lex::sequence_rows(lines, run.as_deref());
    let numbered = lines.get(lead..).unwrap_or_default();
    let bold_headings =
        numbered.first().is_some_and(|l| l.line.bold) || rows.first() == Some(&lead);
    // And the first one's way of closing its number: "1 Welcome" beside
    // "8. Delegates authority …", a decision's list item set in bold.
    // A run of meeting references ("21.01.02", "21.01.03", …) heads its
    // minutes in body type too.
    let run = run.as_deref();
    let mark = numbered
        .first()
        .map(|l| lex::number_mark(&lex::heading_text(l, run)));
    let opens_minute = |k: usize, l: &FlatLine, text: &str| {
        let heading_look = lex::is_heading_text(l, text, run) && (l.line.bold || !bold_headings);
        (heading_look || rows.binary_search(&k).is_ok())
            && mark.is_none_or(|m| m == lex::number_mark(text))
    };
    // The order key of each line set as a minute heading, to tell a
    // misprinted number in the place of a missing one ("6 Community Grant
    // Applications" between minutes 55 and 57).
    let heading_keys: Vec<(usize, u64)> = lines
        .iter()
        .enumerate()
        .filter_map(|(k, l)| {
            let text = lex::heading_text(l, run);
            if !opens_minute(k, l, &text) {
                return None;
            }
            let (_, number) = lex::heading_number(&text).ok()?;
            Some((k, order_key(&number)?))
        })
        .collect();
    // Reading a list set one item to a line after a decision's lead-in.
    let mut listing = false;
    // Whether the list's lines open with bullets.
    let mut bulleted = false;
    // Where the list's first line joined its paragraph, not yet marked.
    let mut unmarked: Option<usize> = None;
    let right = right_edges(lines);
    for (k, l) in lines.iter().enumerate() {
        if let Some((clean, p, page)) = pending.take() {
            attach_placed(&mut mins, &clean, p, page);
        }
        let heading = lex::heading_text(l, run);
        let text = &*heading;
        let before = prev;
        // A gap above the line (a blank line in text) ends a paragraph.
        let gap = prev.is_some_and(|p| {
            p.page == l.page && {
                let d = l.line.y - p.line.y;
                if l.line.size > 0.0 {
                    d > 1.6 * l.line.size
                } else {
                    d > 1.5
                }
            }
        });
        prev = Some(l);
        if opens_minute(k, l, text) {
            if let Ok((rest, number)) = lex::heading_number(text) {
                // The last minute that has a number: a section read
                // without one neither advances nor restarts the numbering.
                let last = mins
                    .iter()
                    .rev()
                    .find(|m| !m.number.is_empty())
                    .and_then(|m| order_key(&m.number));
                let later = match (last, order_key(&number)) {
                    (Some(a), Some(b)) => b > a,
                    _ => mins.last().is_none_or(|m| m.number != number),
                };
                // Set as the headings are, where the one number missing
                // between the last minute and the next heading belongs:
                // that minute, its number misprinted.
                let misprinted = !later
                    && last.is_some_and(|a| {
                        let next = heading_keys.partition_point(|h| h.0 <= k);
                        heading_keys
                            .get(next)
                            .is_some_and(|h| Some(h.1) == a.checked_add(2))
                    });
                if later || misprinted {
                    start_minute(&mut mins, number, rest, l.page);
                    listing = false;
                    continue;
                }
                if restarts(l, &number, last, rest) {
                    diags.push(Diagnostic {
                        page: l.page,
                        message: format!(
                            "minutes: a heading's number starts over below the last minute's; read as a minute without its number: {}",
                            short(text)
                        ),
                    });
                    start_minute(&mut mins, String::new(), rest, l.page);
                    listing = false;
                    continue;
                }
            }
        }
        // Before the first numbered minute, a bold heading of its own over
        // body type opens a section without a number.
        if k < lead
            && attendance::is_unnumbered_heading(
                l,
                lines[k + 1..].iter().find(|n| !n.text.trim().is_empty()),
            )
        {
            start_minute(&mut mins, String::new(), text, l.page);
            listing = false;
            continue;
        }
        if let Ok((rest, (m, p))) = lex::paragraph_number(text) {
            if mins.last().is_some_and(|cur| cur.number == m) {
                if let Some(cur) = mins.last_mut() {
                    cur.title_open = false;
                    cur.page_end = l.page;
                    cur.paras.push(Para::new(Some(p), rest, l.page));
                }
                continue;
            }
        }
        let Some(cur) = mins.last_mut() else {
            diags.push(Diagnostic {
                page: l.page,
                message: format!(
                    "minutes: text before the first minute kept only as document text: {}",
                    short(text)
                ),
            });
            continue;
        };
        // Owners in an action column: the line's text without them.
        let (placed_text, p) = match (action_column, l.line.table) {
            (true, None) => {
                let cells = l.cells();
                let mut last = match cells.as_slice() {
                    [.., before, last]
                        if !before.trim().is_empty()
                            && last.split_whitespace().next().is_some()
                            && last.split_whitespace().all(placed::is_initials) =>
                    {
                        last.split_whitespace().collect::<Vec<_>>().join(" ")
                    }
                    _ => String::new(),
                };
                let cell = !last.is_empty();
                let body = if cell {
                    cells[..cells.len() - 1].join(" ").trim().to_string()
                } else {
                    text.to_string()
                };
                place_owners(&body, &mut last, cell)
            }
            _ => (text.to_string(), Vec::new()),
        };
        let text = if p.is_empty() {
            text
        } else {
            placed_text.as_str()
        };
        if !p.is_empty() {
            pending = Some((text.to_string(), p, l.page));
        }
        // "Action: SW" at the end of a line names the owners of what it
        // closes; the text before it is read as any other line.
        let (text, owners) = match action_tail(text) {
            Some((at, owners)) => (text[..at].trim(), owners),
            None => (text, String::new()),
        };
        if text.is_empty() {
            if !owners.is_empty() {
                match cur.paras.last_mut() {
                    Some(p) => p.owners.push((owners, l.page)),
                    None => cur.heading_owners.push((owners, l.page)),
                }
            }
            continue;
        }
        if !owners.is_empty() {
            add_text(cur, text, l.page, &owners);
            weigh_last(cur, l);
            continue;
        }
        // A row of a table of three columns or more inside a minute's
        // prose ("Organisation | Project Summary | Amount Requested |
        // Recommendation") is a paragraph of its own, and so is the prose
        // after the table: the outcome in a row's cell ("Approved.
        // Committee resolved to fund …") belongs to the table's entry, the
        // minute's resolution is the prose around it.
        let row = is_table_row(l);
        if row || cur.paras.last().is_some_and(|p| p.table_row) {
            listing = false;
            cur.title_open = false;
            cur.page_end = l.page;
            let mut p = Para::new(None, text, l.page);
            p.table_row = row;
            cur.paras.push(p);
            weigh_last(cur, l);
            continue;
        }
        let starts_resolution = resolution::resolved_marker(text).is_ok();
        // A list item after a gap stays with the resolution or the lead-in
        // ("… that:") it belongs to; other list items after a gap are
        // paragraphs numbered "(1)", "(2)".
        let in_list = resolution::list_marker(text).is_ok()
            && cur.paras.last().is_some_and(|p| {
                let t = p.text.trim_end();
                t.ends_with([':', '-', ';']) || !resolution::find(&p.text).is_empty()
            });
        // The decision after "It was APPROVED that;" goes on with it, even
        // set apart in bold below.
        let decided = cur.paras.last().is_some_and(|p| {
            p.text.trim_end().ends_with([':', ';', '-']) && !resolution::find(&p.text).is_empty()
        });
        // Lines set one to a line after a decision's lead-in ("… the
        // following payments may be made :-") are its items.
        let lead_in = cur.paras.last().is_some_and(|p| {
            p.text.trim_end().ends_with([':', '-']) && !resolution::find(&p.text).is_empty()
        });
        // The first line may stand apart from a lead-in set as a heading
        // of its own ("RESOLVED:-" over the lines it decides); the next
        // ones are set closer than the paragraphs are (less than a blank
        // line above them).
        let first_item = lead_in && resolution::list_marker(text).is_err();
        if first_item {
            listing = true;
        }
        let apart = if first_item {
            false
        } else if l.line.size > 0.0 {
            l.line.space_above >= 1.0
        } else {
            gap
        };
        if listing && !apart && !starts_resolution && resolution::list_marker(text).is_err() {
            if let Some(last) = cur.paras.last_mut() {
                cur.page_end = l.page;
                // A line the one before ran on into (that line had no room
                // for its first word, or it opens in lower case) goes on
                // with that line's item.
                // In a list whose lines open with bullets, a line without
                // one goes on with the item above it too.
                let runs_on = !first_item
                    && (text.starts_with(char::is_lowercase)
                        || (bulleted && l.bullet.is_none())
                        || before.is_some_and(|b| !breaks_by_choice(b, text, &right)));
                bulleted = (bulleted && !first_item) || l.bullet.is_some();
                // The first line is marked once a second one follows: one
                // line alone is no list.
                if first_item {
                    unmarked = Some(last.text.len());
                } else if !runs_on {
                    if let Some(at) = unmarked.take() {
                        last.mark_at(at);
                    }
                    last.text.push_str(resolution::LINE_ITEM.trim_end());
                }
                last.push(text, l.page);
                last.weigh(l.line.bold);
                continue;
            }
        }
        listing = false;
        if (gap || starts_resolution) && !cur.paras.is_empty() && !in_list && !decided {
            cur.title_open = false;
            cur.page_end = l.page;
            cur.paras.push(Para::new(None, text, l.page));
        } else {
            add_text(cur, text, l.page, "");
        }
        weigh_last(cur, l);
    }
    if let Some((clean, p, page)) = pending.take() {
        attach_placed(&mut mins, &clean, p, page);
    }
    mins
}

/// The right edge of the text on each page (by page index), where its
/// longest lines end, and whether the page's text is justified: of the
/// lines ending in the last tenth of the text's width, three or more, and
/// most, end within a point of that edge (ragged lines spread over it).
fn right_edges(lines: &[FlatLine]) -> HashMap<usize, (f32, bool)> {
    let mut ends: HashMap<usize, Vec<(f32, f32)>> = HashMap::new();
    for l in lines {
        if let (Some(a), Some(b)) = (l.line.cells.first(), l.line.cells.last()) {
            ends.entry(l.page_index).or_default().push((a.x0, b.x1));
        }
    }
    ends.into_iter()
        .map(|(page, xs)| {
            let edge = xs.iter().map(|x| x.1).fold(f32::MIN, f32::max);
            let left = xs.iter().map(|x| x.0).fold(f32::MAX, f32::min);
            let long = xs
                .iter()
                .filter(|x| edge - x.1 <= 0.1 * (edge - left))
                .count();
            let full = xs.iter().filter(|x| edge - x.1 <= 1.0).count();
            (page, (edge, full >= 3 && full * 5 >= long * 3))
        })
        .collect()
}

/// Whether a printed line ends where its writer broke it rather than where
/// the text ran out of room. In justified text a line that ran out of room
/// reaches the right edge; in ragged text, the first word of the next line
/// (`next`) would not have fitted in the space left at its end. Text
/// inputs give no widths: each line ends by choice.
fn breaks_by_choice(l: &FlatLine, next: &str, right: &HashMap<usize, (f32, bool)>) -> bool {
    if l.line.size <= 0.0 {
        return true;
    }
    let (Some(last), Some(&(edge, justified))) = (l.line.cells.last(), right.get(&l.page_index))
    else {
        return true;
    };
    let room = edge - last.x1;
    if justified {
        return room > 1.5;
    }
    // The letters' width from the cells' own (the space between cells is
    // no letter).
    let chars: usize = l.line.cells.iter().map(|c| c.text.chars().count()).sum();
    if chars == 0 {
        return true;
    }
    let inked: f32 = l.line.cells.iter().map(|c| c.x1 - c.x0).sum();
    let word = next
        .split_whitespace()
        .next()
        .map_or(0, |w| w.chars().count());
    room >= (word + 1) as f32 * inked / chars as f32
}

/// A line set as the minutes' headings are, whose plain number is below
/// the last minute's, over a title alone on its line ("**1.** **To consider
/// treatment for Chaffer Bugs**" after minute 9, a list's numbering that
/// started over where the document was converted): a minute whose printed
/// number is no minute number. A sentence ("1. Approved the …") is a list
/// item, not a heading.
fn restarts(l: &FlatLine, number: &str, last: Option<u64>, rest: &str) -> bool {
    let below = number
        .parse::<u64>()
        .ok()
        .zip(last)
        .is_some_and(|(n, a)| n < a);
    if !(below && l.line.bold && l.line.table.is_none()) {
        return false;
    }
    let (title, after) = lex::split_title(rest);
    !title.is_empty() && after.is_empty()
}

/// Take the weight of line `l`, just added, into the minute's last
/// paragraph (a title line taken into the heading weighs nothing).
fn weigh_last(cur: &mut Min, l: &FlatLine) {
    if let Some(p) = cur.paras.last_mut() {
        p.weigh(l.line.bold);
    }
}

static ACTION_TAIL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?:^|\s)(?:ACTION|Action)(?:\s+(?:BY|By|by|REQUIRED|Required|required))?\s*(?::-|:|–|-)\s*([A-Z][\w/&,.'’ -]{0,60}?)\s*$",
    )
    .expect("action pattern")
});

/// "Action: JA/SW" ending a line of minutes written as paragraphs: the
/// byte offset where it starts and the owners as written.
pub fn action_tail(text: &str) -> Option<(usize, String)> {
    let c = ACTION_TAIL.captures(text)?;
    let all = c.get(0)?;
    let owners = c.get(1)?.as_str().trim().trim_end_matches('.').to_string();
    let start = all.start() + (all.as_str().len() - all.as_str().trim_start().len());
    Some((start, owners))
}

static REF: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?:^|\s)(\d{1,3}\.\d{1,2})\s+[A-Z]").expect("ref pattern"));

static TITLED_NAME: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\b(?:Cllr|Councillor|Mr|Mrs|Ms|Dr)\.?\s+[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?")
        .expect("titled name pattern")
});

/// The names initials may stand for: the attendance list (with apologies)
/// and titled names written in the minutes ("Cllr Charles Wright").
fn known_names(mins: &[Min], entries: Vec<attendance::Entry>) -> People {
    let mut roles = Vec::new();
    for e in &entries {
        let a = &e.attendance;
        if a.status == AttendanceStatus::Chair {
            roles.push(("Chair".to_string(), a.name.clone()));
        } else if let Some(r) = &a.role {
            roles.push((r.clone(), a.name.clone()));
        }
    }
    let mut names: Vec<String> = entries.into_iter().map(|e| e.attendance.name).collect();
    for m in mins {
        for p in &m.paras {
            for t in TITLED_NAME.find_iter(&p.text) {
                names.push(t.as_str().to_string());
            }
        }
    }
    let mut seen = std::collections::BTreeSet::new();
    names.retain(|n| seen.insert(n.clone()));
    People { names, roles }
}

fn minute_text(m: &Min) -> String {
    let mut s = format!("{} {}", m.number, m.title);
    for p in &m.paras {
        s.push(' ');
        if let Some(n) = &p.number {
            s.push_str(n);
            s.push(' ');
        }
        s.push_str(&p.text);
    }
    crate::lex::fold(&s)
}

fn emit(m: &Min, date: Option<&String>, names: &People, doc: usize, out: &mut Parsed) {
    out.records.push(Record {
        text: minute_text(m),
        page: m.page,
        page_end: m.page_end.max(m.page),
        document: doc,
        fields: Fields::Minute(Minute {
            number: m.number.clone(),
            title: lex::clean_title(&m.title),
            meeting_date: date.cloned(),
            paragraphs: m
                .paras
                .iter()
                .map(|p| Paragraph {
                    number: p.number.clone(),
                    text: p.text.clone(),
                })
                .collect(),
        }),
    });
    emit_resolutions(m, date, doc, out);
    for (owners, page) in &m.heading_owners {
        push_actions(
            m,
            owners,
            &lex::clean_title(&m.title),
            *page,
            *page,
            names,
            doc,
            out,
        );
    }
    for p in &m.paras {
        for (start, end, piece, owners) in placed::pieces(&p.text, &p.placed) {
            push_actions(
                m,
                owners,
                piece,
                p.page_at(start),
                p.page_at(end.saturating_sub(1)),
                names,
                doc,
                out,
            );
        }
        for (owners, _) in &p.owners {
            push_actions(
                m,
                owners,
                &p.text,
                p.first_page(),
                p.last_page(),
                names,
                doc,
                out,
            );
        }
    }
}

/// A resolution, a vote statement or a mover's sentence of a minute, in
/// reading order, with the index of its paragraph.
enum Decided {
    Resolution(Record, usize),
    Vote(Record, vote::Statement),
    Movers(movers::Movers, usize),
}

/// The resolution record of a vote statement that decides no resolution of
/// its own: an amendment's vote, a lost motion, a vote no resolution
/// follows.
fn vote_record(
    m: &Min,
    p: &Para,
    s: &vote::Statement,
    date: Option<&String>,
    doc: usize,
) -> Record {
    Record {
        text: s.text.clone(),
        page: p.page_at(s.start),
        page_end: p.page_at(s.end.saturating_sub(1)),
        document: doc,
        fields: Fields::Resolution(Resolution {
            minute: m.number_field(),
            paragraph: p.number.clone(),
            meeting_date: date.cloned(),
            items: vec![s.text.clone()],
            votes: resolution::votes(&s.text),
            marker: s.word.clone(),
            vote: model_vote(s.counts, &s.names),
            carried: Some(s.carried),
            ..Resolution::default()
        }),
    }
}

fn model_vote(c: vote::Counts, names: &vote::Names) -> Option<crate::model::Vote> {
    (!c.is_empty() || !names.is_empty()).then(|| crate::model::Vote {
        for_: c.for_,
        against: c.against,
        abstain: c.abstain,
        for_names: names.for_.clone(),
        against_names: names.against.clone(),
        abstain_names: names.abstain.clone(),
    })
}

fn resolution_mut(r: &mut Record) -> Option<&mut Resolution> {
    match &mut r.fields {
        Fields::Resolution(res) => Some(res),
        _ => None,
    }
}

/// A mover and seconder waiting for the motion they moved.
#[derive(Debug, Default)]
struct Moved {
    moved_by: Option<String>,
    seconded_by: Option<String>,
}

impl Moved {
    fn add(&mut self, m: &movers::Movers) {
        if m.moved_by.is_some() {
            self.moved_by.clone_from(&m.moved_by);
        }
        if m.seconded_by.is_some() {
            self.seconded_by.clone_from(&m.seconded_by);
        }
    }

    /// Give the record the mover and seconder, where it names none of its
    /// own; the slot is emptied either way.
    fn give(&mut self, r: &mut Record) {
        let taken = std::mem::take(self);
        if let Some(res) = resolution_mut(r) {
            if res.moved_by.is_none() && res.seconded_by.is_none() {
                res.moved_by = taken.moved_by;
                res.seconded_by = taken.seconded_by;
            }
        }
    }
}

/// Give a resolution the outcome, counts and movers of the vote statement
/// that decided it, where it records no vote of its own.
fn attach(r: &mut Record, s: &vote::Statement, statement: &Record) -> bool {
    let Some(res) = resolution_mut(r) else {
        return false;
    };
    if res.carried.is_some() || res.vote.is_some() {
        return false;
    }
    res.carried = Some(s.carried);
    res.vote = model_vote(s.counts, &s.names);
    res.votes.extend(resolution::votes(&s.text));
    if let Fields::Resolution(st) = &statement.fields {
        if res.moved_by.is_none() && res.seconded_by.is_none() {
            res.moved_by.clone_from(&st.moved_by);
            res.seconded_by.clone_from(&st.seconded_by);
        }
    }
    true
}

/// The minute's resolutions and vote statements, in page order. A vote on
/// an amendment, and a vote that was lost, is a resolution of its own; a
/// carried vote decides the next resolution of the minute (or, where none
/// follows before the next vote, the one it follows). A mover's sentence
/// names the movers of the next vote or resolution (an amendment's, of the
/// next vote on an amendment), or of the resolution just before it in the
/// same paragraph ("… were approved. Proposed by RB, seconded by JS.").
fn emit_resolutions(m: &Min, date: Option<&String>, doc: usize, out: &mut Parsed) {
    let mut seq: Vec<Decided> = Vec::new();
    for (k, p) in m.paras.iter().enumerate() {
        if p.table_row {
            continue;
        }
        let line_starts: Vec<usize> = p.spans.iter().map(|(o, _)| *o).collect();
        let found = resolution::find_set_at(&p.text, p.bold, &line_starts);
        let mut here: Vec<(usize, Decided)> = Vec::new();
        let inside = |s: usize, e: usize| found.iter().any(|f| s < f.end && f.start < e);
        for s in vote::statements(&p.text) {
            if inside(s.start, s.end) {
                continue;
            }
            here.push((s.start, Decided::Vote(vote_record(m, p, &s, date, doc), s)));
        }
        for mv in movers::movers(&p.text) {
            if inside(mv.start, mv.end) {
                continue;
            }
            here.push((mv.start, Decided::Movers(mv, k)));
        }
        for f in &found {
            let mut counts = vote::counts(&f.votes.join("; "));
            let (listed, by_names) = vote::names(&f.text);
            counts.for_ = counts.for_.or(by_names.for_);
            counts.against = counts.against.or(by_names.against);
            counts.abstain = counts.abstain.or(by_names.abstain);
            let (moved_by, seconded_by) = movers::read(&f.text).unwrap_or_default();
            let record = Record {
                text: f.text.clone(),
                page: p.page_at(f.start),
                page_end: p.page_at(f.end.saturating_sub(1)),
                document: doc,
                fields: Fields::Resolution(Resolution {
                    minute: m.number_field(),
                    paragraph: p.number.clone(),
                    meeting_date: date.cloned(),
                    items: f.items.clone(),
                    carried: resolution::carried(&f.votes),
                    vote: model_vote(counts, &listed),
                    votes: f.votes.clone(),
                    marker: f.marker.clone(),
                    moved_by,
                    seconded_by,
                }),
            };
            here.push((f.start, Decided::Resolution(record, k)));
        }
        here.sort_by_key(|(at, _)| *at);
        seq.extend(here.into_iter().map(|(_, d)| d));
    }
    let mut records: Vec<Record> = Vec::new();
    // A carried vote waiting for the resolution it decides, with the index
    // of the resolution just before it (if that one records no vote).
    let mut pending: Option<(Record, vote::Statement, Option<usize>)> = None;
    let mut open: Option<usize> = None;
    // The resolution just read and its paragraph, until a vote comes.
    let mut last: Option<(usize, usize)> = None;
    let mut motion = Moved::default();
    let mut amendment = Moved::default();
    let settle = |pending: Option<(Record, vote::Statement, Option<usize>)>,
                  records: &mut Vec<Record>| {
        if let Some((record, s, before)) = pending {
            let attached = before.is_some_and(|i| attach(&mut records[i], &s, &record));
            if !attached {
                records.push(record);
            }
        }
    };
    for d in seq {
        match d {
            Decided::Movers(mv, para) => {
                let trailing = last.filter(|(p, _)| *p == para && !mv.amendment);
                match trailing {
                    Some((_, i)) => {
                        let mut slot = Moved::default();
                        slot.add(&mv);
                        slot.give(&mut records[i]);
                        last = None;
                    }
                    None if mv.amendment => amendment.add(&mv),
                    None => motion.add(&mv),
                }
            }
            Decided::Vote(mut record, s) => {
                settle(pending.take(), &mut records);
                last = None;
                if s.amendment {
                    amendment.give(&mut record);
                } else {
                    motion.give(&mut record);
                }
                if s.amendment || !s.carried {
                    records.push(record);
                    open = None;
                } else {
                    pending = Some((record, s, open.take()));
                }
            }
            Decided::Resolution(mut r, para) => {
                if let Some((record, s, before)) = pending.take() {
                    if !attach(&mut r, &s, &record) {
                        settle(Some((record, s, before)), &mut records);
                    }
                }
                motion.give(&mut r);
                let undecided = matches!(&r.fields, Fields::Resolution(x) if x.carried.is_none() && x.vote.is_none());
                records.push(r);
                open = undecided.then(|| records.len() - 1);
                last = Some((para, records.len() - 1));
            }
        }
    }
    settle(pending.take(), &mut records);
    out.records.extend(records);
}

/// One action per ACTION BY cell, or one per owner group where the cell
/// holds as many groups as the row holds numbered points ("7.2 … 6.6 …"
/// beside "JA/NA LF/ Cllr Waters").
#[allow(clippy::too_many_arguments)]
fn push_actions(
    m: &Min,
    owners: &str,
    text: &str,
    page: u32,
    page_end: u32,
    names: &People,
    doc: usize,
    out: &mut Parsed,
) {
    let normal = people::normalise_owners(owners);
    let groups = people::owner_groups(&normal);
    let refs: Vec<usize> = REF
        .captures_iter(text)
        .filter_map(|c| c.get(1).map(|g| g.start()))
        .collect();
    let pieces: Vec<(Vec<String>, String)> = if groups.len() > 1 && refs.len() == groups.len() {
        groups
            .iter()
            .enumerate()
            .map(|(k, g)| {
                let stop = refs.get(k + 1).copied().unwrap_or(text.len());
                (g.clone(), text[refs[k]..stop].trim().to_string())
            })
            .collect()
    } else {
        vec![(groups.concat(), text.to_string())]
    };
    for (group, piece) in pieces {
        let written = if refs.len() == groups.len() && groups.len() > 1 {
            group.join("/")
        } else {
            normal.clone()
        };
        let mut people = Vec::new();
        let mut unresolved = Vec::new();
        for o in &group {
            match names.resolve(o) {
                Some(n) => {
                    if !people.contains(&n) {
                        people.push(n);
                    }
                }
                None => unresolved.push(o.clone()),
            }
        }
        out.records.push(Record {
            text: piece,
            page,
            page_end,
            document: doc,
            fields: Fields::Action(Action {
                minute: m.number_field(),
                owners: written,
                people,
                unresolved,
            }),
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::input::from_text;
    use crate::model::DocType;
    use crate::model::DocumentInfo;

    #[test]
    fn order_keys_of_numbers_too_large_are_none_not_a_panic() {
        assert_eq!(order_key("84"), Some(84));
        assert_eq!(order_key("71/17"), Some(17071));
        assert_eq!(order_key("LW 48/2122"), Some(2_122_048));
        assert_eq!(order_key("LW 1/99999999999999999"), None);
        // Not a number/year pair: its last number.
        assert_eq!(
            order_key("1/99999999999999999"),
            Some(99_999_999_999_999_999)
        );
    }

    fn run(text: &str) -> Parsed {
        read_minutes(text, &[parse])
    }

    /// `text` read as a one-page minutes document by each of `readers` in
    /// turn, into one `Parsed`.
    fn read_minutes(text: &str, readers: &[fn(&Doc, &mut Parsed)]) -> Parsed {
        let pages = from_text(text);
        let info = DocumentInfo {
            doc_type: DocType::Minutes,
            pages: [1, 1],
            ..DocumentInfo::default()
        };
        let mut out = Parsed::default();
        for read in readers {
            read(&Doc::of(&pages, &info, 0), &mut out);
        }
        out
    }

    fn minutes_of(p: &Parsed) -> Vec<&Minute> {
        p.records
            .iter()
            .filter_map(|r| match &r.fields {
                Fields::Minute(m) => Some(m),
                _ => None,
            })
            .collect()
    }

    fn resolutions_of(p: &Parsed) -> Vec<&Resolution> {
        p.records
            .iter()
            .filter_map(|r| match &r.fields {
                Fields::Resolution(m) => Some(m),
                _ => None,
            })
            .collect()
    }

    /// Northwold Parish Council's AGM, 6 May 2014 (markdown): sections
    /// headed in bold without a number before the first numbered minute,
    /// and numbered headings whose list numbering starts over after minute
    /// 9; a numbered sentence in body type inside a minute stays its text.
    #[test]
    fn unnumbered_and_restarted_headings_are_minutes() {
        let pages = crate::from_markdown(
            "MINUTES OF NORTHWOLD PARISH COUNCIL AGM MEETING HELD AT THE VILLAGE HALL ON

TUESDAY MAY 6th 2014

 **Present:** Cllr. R. Crisp - Chair, Cllr. A. Collins - Vice Chair, Cllr. F. Eglington.

 Cllr. Crisp welcomed all to the meeting.

**OPEN FORUM**

3 members of the public were present and presented a presentation on parking issues relating to Normandy Close. It was agreed that the residents would forward all the information to the Clerk.

 **Election of Chairman**

Cllr. Rosemary Crisp was proposed by Cllr. Alison Muir and seconded by Cllr. Michael Peake.

 **2.** **Chairman to sign Declaration of Office**

Cllr. Crisp signed the declaration of office of Chairman for the year 2014-2015.

9. **Reports**

**Lightsource**

1. We are comfortable removing the reference to “Methwold” as it does not impact any of the operative provisions of the deed.

1. **To consider treatment for Chaffer Bugs**

It was agreed that the Clerk would source 3 quotes for the costs of treating the Chaffer Bugs.

2. **To Consider Lightsource and agree action**

No further queries raised at this point.
",
        );
        let info = DocumentInfo {
            doc_type: DocType::Minutes,
            pages: [1, 1],
            ..DocumentInfo::default()
        };
        let mut p = Parsed::default();
        parse(&Doc::of(&pages, &info, 0), &mut p);
        let got: Vec<(&str, &str)> = minutes_of(&p)
            .iter()
            .map(|m| (m.number.as_str(), m.title.as_str()))
            .collect();
        assert_eq!(
            got,
            [
                ("", "OPEN FORUM"),
                ("", "Election of Chairman"),
                ("2", "Chairman to sign Declaration of Office"),
                ("9", "Reports"),
                ("", "To consider treatment for Chaffer Bugs"),
                ("", "To Consider Lightsource and agree action"),
            ]
        );
        let forum = p.records.iter().find(|r| {
            matches!(r.fields, Fields::Resolution(_)) && r.text.contains("residents would forward")
        });
        assert!(
            forum.is_some_and(|r| matches!(&r.fields, Fields::Resolution(x) if x.minute.is_none())),
            "{forum:?}"
        );
        assert!(p
            .diagnostics
            .iter()
            .any(|d| d.message.contains("starts over")));
    }

    #[test]
    fn continuation_rule() {
        assert!(continues("there may be a need", "For further"));
        assert!(continues("The Forum noted.", "for further training"));
        assert!(continues("Resolved:-", "1. That"));
        assert!(continues("1. That x be noted.", "2. That y"));
        assert!(!continues("year's 6 and 10.", "Resolved:-"));
    }

    #[test]
    fn grid_rows_continue_and_split_titles() {
        let text = "MINUTES OF THE FORUM\n12 March 2016\nMINUTE NO.\tSUBJECT/DECISION\tACTION BY\n\
1\tWELCOME The Chair welcomed everyone.\t\n\
2.\tBUDGET\t\n\
2.1\tThe Forum noted there may be a need\tJA\n\
\tfor further training.\t\n\
\tResolved:-\t\n\
\t1. That the budget be noted. 2. That the plan be agreed (unanimous).\t\n\
The meeting closed at 6 pm\n";
        let p = run(text);
        let m = minutes_of(&p);
        assert_eq!(m.len(), 2);
        assert_eq!(m[0].title, "WELCOME");
        assert_eq!(m[0].paragraphs[0].text, "The Chair welcomed everyone.");
        assert_eq!(m[1].paragraphs.len(), 2);
        assert_eq!(
            m[1].paragraphs[0].text,
            "The Forum noted there may be a need for further training."
        );
        assert_eq!(m[0].meeting_date.as_deref(), Some("2016-03-12"));
        let r = resolutions_of(&p);
        assert_eq!(r.len(), 1);
        assert_eq!(r[0].paragraph, None);
        assert_eq!(r[0].items.len(), 2);
        assert_eq!(r[0].votes, vec!["unanimous"]);
    }

    #[test]
    fn grant_table_rows_record_no_resolutions() {
        // Sutton Coldfield Town Council, ALCS Committee 13 March 2018,
        // minute 6: a grant schedule inside the minute's prose, each row's
        // outcome in its last cell; the resolution is the prose after it.
        let text = "Minutes of the Amenities Committee held on 13 March 2018\n\
\n\
5. Matters Arising\n\
Committee resolved to note the matters arising.\n\
\n\
6. Community Grant Applications\n\
Committee considered the following applications:\n\
Organisation\tProject Summary\tAmount Requested\tRecommendation\n\
Special Olympics\tFunding for their 2018 revenue costs.\tTotal= £9422\tApproved. Committee resolved to fund from the social inclusion budget.\n\
Friends of Mossy Bank\tThe original application was for £3,290 and £600 was approved to start the project.\t£2500\tApproved.\n\
\n\
The Committee resolved to incur the expenditure set out above.\n\
\n\
7. Defibrillators\n\
Committee resolved to note the update.\n";
        let p = run(text);
        let r = resolutions_of(&p);
        let in_6: Vec<_> = r
            .iter()
            .filter(|r| r.minute.as_deref() == Some("6"))
            .collect();
        assert_eq!(in_6.len(), 1, "{r:#?}");
        assert_eq!(r.len(), 3);
    }

    #[test]
    fn paragraph_form_with_numbers_and_references() {
        let text = "Minutes of a meeting of the Cabinet held on 3 June 2019\n\
Present: Councillor Smith (Chair), Councillors Jones and Brown\n\
\n\
84. Declarations of Interest\n\
Councillor Jones declared a personal interest in item 86 as a governor of Park School.\n\
\n\
85. Minutes\n\
RESOLVED that the minutes of the meeting held on 6 May 2019 be approved as a correct record.\n\
\n\
86. Budget Monitoring\n\
86.1 The Cabinet considered the report.\n\
86.2 RESOLVED that:\n\
(a) the forecast be noted;\n\
(b) the virements be approved.\n\
The meeting closed at 8.15 pm\n";
        let p = run(text);
        let m = minutes_of(&p);
        let shown: Vec<String> = m
            .iter()
            .map(|m| format!("{} {}", m.number, m.title))
            .collect();
        assert_eq!(
            shown,
            vec![
                "84 Declarations of Interest",
                "85 Minutes",
                "86 Budget Monitoring"
            ]
        );
        let r = resolutions_of(&p);
        assert_eq!(r.len(), 2);
        assert_eq!(r[0].minute.as_deref(), Some("85"));
        assert_eq!(r[0].marker, "RESOLVED that");
        assert_eq!(r[1].paragraph.as_deref(), Some("86.2"));
        assert_eq!(
            r[1].items,
            vec!["the forecast be noted;", "the virements be approved."]
        );
        assert_eq!(m[0].meeting_date.as_deref(), Some("2019-06-03"));
    }

    fn attendance_of(p: &Parsed) -> Vec<String> {
        p.records
            .iter()
            .filter_map(|r| match &r.fields {
                Fields::Attendance(a) => Some(format!(
                    "{:?} {} [{}]",
                    a.status,
                    a.name,
                    a.role.as_deref().unwrap_or("-")
                )),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn cabinet_minutes_in_paragraphs_with_attendance() {
        let text = "MINUTES of a meeting of the Cabinet held on Thursday, 30 January 2025
PRESENT: Mr R Gough (Chairman), Mr P Oakford, Mrs S Chandler
IN ATTENDANCE: Mr A Taylor (Scrutiny Research Officer), Ms B Smith (Clerk)
APOLOGIES: Mr D Watkins

**84. Declarations of Interest**
There were none.

**85. Finance Monitoring Report**
(1) Mr Oakford introduced the report, which set out the forecast
for the year.

(2) Mrs Chandler said the pressures were in children's services.

RESOLVED that the report be noted (carried unanimously).
The meeting closed at 11.30 am
";
        let p = read_minutes(text, &[attendance::parse, parse]);
        assert_eq!(
            attendance_of(&p),
            vec![
                "Present Mr R Gough [Chairman]",
                "Present Mr P Oakford [-]",
                "Present Mrs S Chandler [-]",
                "InAttendance Mr A Taylor [Scrutiny Research Officer]",
                "InAttendance Ms B Smith [Clerk]",
                "Apologies Mr D Watkins [-]",
            ]
        );
        let m = minutes_of(&p);
        assert_eq!(m.len(), 2);
        assert_eq!(m[1].title, "Finance Monitoring Report");
        let paras: Vec<&str> = m[1].paragraphs.iter().map(|p| p.text.as_str()).collect();
        assert_eq!(
            paras,
            vec![
                "(1) Mr Oakford introduced the report, which set out the forecast for the year.",
                "(2) Mrs Chandler said the pressures were in children's services.",
                "RESOLVED that the report be noted (carried unanimously).",
            ]
        );
        let r = resolutions_of(&p);
        assert_eq!(r.len(), 1);
        assert_eq!(r[0].votes, vec!["carried unanimously"]);
        assert_eq!(r[0].meeting_date.as_deref(), Some("2025-01-30"));
    }

    #[test]
    fn action_lines_in_paragraph_minutes() {
        assert_eq!(action_tail("Action: JA/SW"), Some((0, "JA/SW".into())));
        assert_eq!(
            action_tail("The Clerk would circulate the notes. ACTION BY: Clerk"),
            Some((37, "Clerk".into()))
        );
        assert_eq!(action_tail("No action was needed."), None);
        let text = "MINUTES\nPresent: Steve Worth, Jon Abbey\n\n12. Work Plan\nThe Forum noted the work plan.\nAction: SW\n\n13. Any Other Business\nJA would circulate the guidance. Action: JA\n";
        let p = run(text);
        let actions: Vec<(&Action, &str)> = p
            .records
            .iter()
            .filter_map(|r| match &r.fields {
                Fields::Action(a) => Some((a, r.text.as_str())),
                _ => None,
            })
            .collect();
        assert_eq!(actions.len(), 2);
        assert_eq!(actions[0].0.people, vec!["Steve Worth"]);
        assert_eq!(actions[0].1, "The Forum noted the work plan.");
        assert_eq!(actions[1].0.owners, "JA");
        assert_eq!(actions[1].1, "JA would circulate the guidance.");
    }

    /// Ayton Community Council, minutes of 6 July 2021: an "Items | Action"
    /// grid whose minute headings are mostly lines of their own between the
    /// rows, the first in the row's one text cell, and run on after the
    /// grid's last row; numbering skips from 7 to 10 as printed.
    #[test]
    fn minute_headings_between_the_rows_of_an_items_action_grid() {
        let text = "Minutes of a Meeting held on Tuesday 6 July 2021
Items\t\tAction
1. Multi Member (Police) Report KC outlined the main issues for June.\tAn update from
2. Apologies for Absence
Apologies for absence were received from Margaret Carey.
3. Approval of Previous Minutes
The Minutes of the Meeting held on 3 June 2021 were approved.
4.\tMatters Arising Christmas Lights - a separate account had been set up.\tGD
7. Area Councillor's Report
HL advised that a meeting had taken place.
10. Treasurer's Report
GD reported no change to last month's balance.
";
        let p = run(text);
        let numbers: Vec<&str> = minutes_of(&p).iter().map(|m| m.number.as_str()).collect();
        assert_eq!(numbers, ["1", "2", "3", "4", "7", "10"]);
        let r = resolutions_of(&p);
        assert_eq!(r.len(), 1, "{r:#?}");
        assert_eq!(r[0].minute.as_deref(), Some("3"));
    }

    /// Bristol City Council, Transport and Connectivity Committee, 15 May
    /// 2025: a bold heading whose title opens with the year it covers, and
    /// the decision printed in bold as the body noting the report.
    #[test]
    fn bold_noting_and_a_title_opening_with_a_year() {
        let text = "MINUTES OF THE TRANSPORT AND CONNECTIVITY COMMITTEE
**19 Workplace Parking Levy Update**
The Committee considered a report on the project.
**The Committee for Transport and Connectivity noted the update report.**
**20 2024/25 Q4 Corporate Risk Management Report**
The Committee considered the report.
The Committee noted the concerns raised by members.
**That the Transport and Connectivity Committee noted the report.**
";
        let p = run(text);
        let numbers: Vec<&str> = minutes_of(&p).iter().map(|m| m.number.as_str()).collect();
        assert_eq!(numbers, ["19", "20"]);
        let r: Vec<(Option<&str>, &str)> = resolutions_of(&p)
            .iter()
            .map(|r| (r.minute.as_deref(), r.marker.as_str()))
            .collect();
        // Noting in body type is discussion; in bold it is the decision,
        // "That …" its formal words.
        assert_eq!(
            r,
            [
                (Some("19"), "noted"),
                (
                    Some("20"),
                    "That the Transport and Connectivity Committee noted"
                )
            ]
        );
    }

    /// Milburn Parish Council, AGM of 8 May 2018: a minute headed
    /// "Apologies" whose text is the names alone.
    #[test]
    fn apologies_minuted_as_a_list_of_names() {
        let text = "MINUTES OF THE PARISH COUNCIL
Present: Councillors D Richardson (Chair), R Healey
**18.05.1 Election of Chair**
All Councillors agreed that Councillor Richardson be elected Chair.
**18.05.2 Apologies**
A Armstrong, EDC and M Armstrong (Councillors)
**18.05.3 Register of Interests**
None
";
        let p = read_minutes(text, &[attendance::parse]);
        let got = attendance_of(&p);
        assert!(
            got.iter().any(|a| a.starts_with("Apologies A Armstrong")),
            "{got:?}"
        );
        assert!(
            got.iter().any(|a| a.starts_with("Apologies M Armstrong")),
            "{got:?}"
        );
        assert!(got.iter().all(|a| !a.contains("None")), "{got:?}");
    }

    #[test]
    fn grid_without_a_header_row() {
        let text = "MINUTES OF THE PANEL\nPresent: Jon Abbey\n\
1.\tAPOLOGIES\n\
1.1\tNone were received.\n\
2.\tBUDGET\n\
2.1\tThe Panel noted the budget and asked for a\n\
\tfurther report.\n\
2.2\tRESOLVED that the budget be agreed.\tJA\n";
        let p = run(text);
        let m = minutes_of(&p);
        assert_eq!(m.len(), 2);
        assert_eq!(
            m[1].paragraphs[0].text,
            "The Panel noted the budget and asked for a further report."
        );
        assert_eq!(resolutions_of(&p).len(), 1);
        let people: Vec<Vec<String>> = p
            .records
            .iter()
            .filter_map(|r| match &r.fields {
                Fields::Action(a) => Some(a.people.clone()),
                _ => None,
            })
            .collect();
        assert_eq!(people, vec![vec!["Jon Abbey".to_string()]]);
    }

    #[test]
    fn governors_grid_numbered_by_series_reference() {
        // A governors' committee: "Item | Notes | Action" over rows whose
        // first cell is the minute's series reference, the title cell
        // beside the notes.
        let text = "MINUTES OF THE LEARNING & WELLBEING COMMITTEE\n\
\tItem\tNotes\tAction\n\
LW 48/2122\tTo record those who are present, accept apologies and sanction\tThe meeting commenced at: 1835\t\n\
LW 49/2122\tDivision of Agenda\tNone\t\n\
LW 50/2122\tDeclaration of interests\tNone\t\n\
LW 51/2122\tTo agree the Minutes of the last meeting\tAgreed and signed.\tClerk\n";
        let p = run(text);
        let numbers: Vec<String> = minutes_of(&p).iter().map(|m| m.number.clone()).collect();
        assert_eq!(
            numbers,
            ["LW 48/2122", "LW 49/2122", "LW 50/2122", "LW 51/2122"]
        );
    }

    #[test]
    fn list_numbers_in_the_number_column_are_not_minutes() {
        let text = "MINUTES OF THE BOARD\nMINUTE NO.\tSUBJECT/DECISION\tACTION BY\n\
4.\tBUDGET\t\n\
4.1\tThe Board considered the budget.\t\n\
\tRESOLVED:\t\n\
1.\tThat the budget be noted.\t\n\
2.\tThat the plan be agreed.\tJA\n\
5.\tANY OTHER BUSINESS\t\n";
        let p = run(text);
        let m = minutes_of(&p);
        let numbers: Vec<&str> = m.iter().map(|m| m.number.as_str()).collect();
        assert_eq!(numbers, vec!["4", "5"]);
        let r = resolutions_of(&p);
        assert_eq!(r.len(), 1);
        assert_eq!(
            r[0].items,
            vec!["That the budget be noted.", "That the plan be agreed."]
        );
    }

    #[test]
    fn reference_numbered_minutes() {
        let text = "MINUTES\nCAB/23/45 Budget Monitoring\nThe Cabinet received the report.\nAGREED: that the report be noted.\nCAB/23/46 Fees and Charges\nIt was resolved that the fees be increased by 3%.\n";
        let p = run(text);
        let m = minutes_of(&p);
        assert_eq!(m.len(), 2);
        assert_eq!(m[1].number, "CAB/23/46");
        let r = resolutions_of(&p);
        assert_eq!(r.len(), 2);
        assert_eq!(r[0].marker, "AGREED:");
        assert_eq!(r[1].marker, "It was resolved that");
    }

    /// Milburn Parish Council, 2 July 2019: bold "YY.MM.NN" headings, no
    /// "Minutes" title, a decision in lower case.
    #[test]
    fn dotted_reference_minutes() {
        let text = "**Milburn Parish Council - 2nd July 2019**\n**Present**\n\
Councillors D Richardson (Chair) N Cresswell, M Armstrong\n\
**19.07.01 Apologies**\nAlan Armstrong, EDC\n\
**19.07.03 Minutes**\nThe minutes of the meeting held on the 7th May 2019 had been circulated.\n\
**19.07.06 Finance**\nInvoices received. The Councillors resolved to pay both.\n\
3.1.2 Not a minute in plain type\n";
        let p = run(text);
        let m = minutes_of(&p);
        let shown: Vec<String> = m
            .iter()
            .map(|m| format!("{} {}", m.number, m.title))
            .collect();
        assert_eq!(
            shown,
            vec!["19.07.01 Apologies", "19.07.03 Minutes", "19.07.06 Finance"]
        );
    }

    /// Milburn Parish Council, 26 January 2021: the "YY.MM.NN" headings are
    /// underlined, not bold (the text layer keeps no underline), and one
    /// reference is split by a space ("21.0 1.01"): the run of references
    /// heads the minutes.
    #[test]
    fn a_run_of_references_heads_minutes_in_body_type() {
        let text = "Milburn Parish Council - 26th January 2021\nPresent\n\
Councillors D Richardson (Chair), R. Healey, M Armstrong\n\
21.0 1.01 Election of Chair\nNone received\n\
21.01.02 Register of Interests\nNone\n\
21.01.03 Minutes\nThe minutes of the meeting held on the 14th July 2020 had been circulated.\n\
21.01.09 Finance\nResolved to pay M Joyce for website fees of £45.00\n\
3.1.2 Not a minute of the run\n";
        let p = run(text);
        let shown: Vec<String> = minutes_of(&p)
            .iter()
            .map(|m| format!("{} {}", m.number, m.title))
            .collect();
        assert_eq!(
            shown,
            vec![
                "21.01.01 Election of Chair",
                "21.01.02 Register of Interests",
                "21.01.03 Minutes",
                "21.01.09 Finance"
            ]
        );
        assert_eq!(
            lex::rejoined_reference("21.0 1.01 Election of Chair", "21.01").as_deref(),
            Some("21.01.01 Election of Chair")
        );
        assert_eq!(lex::rejoined_reference("21.01.02 Register", "21.01"), None);
        assert_eq!(lex::rejoined_reference("2 1 apples", "21.01"), None);
    }

    /// Milburn AGM, 8 May 2018: lines after "… may be made :-" are the
    /// decision's items, one a line.
    #[test]
    fn lines_after_a_decisions_lead_in_are_its_items() {
        let text = "**18.05.10 Risk Assessment**\nThe assessment has been updated.\n\
**18.05.11 Finance**\nAfter discussion it was agreed that the following payments may be made :-\n\
CALC Annual Subscription £ 111.00\nWicksteed Playgrounds Annual Inspection £ 54.00\n\
ICO Subscription £ 35.00\n\
**18.05.12 Correspondence**\nSpeed Radar brochure\n";
        let p = run(text);
        let r = resolutions_of(&p);
        assert_eq!(r.len(), 1);
        assert_eq!(r[0].items.len(), 3);
        assert_eq!(r[0].minute.as_deref(), Some("18.05.11"));
    }

    /// Bristol printed minutes, 12 September 2024: bold headings "6 | Public
    /// Forum", a list of speakers in body type and a decision's bold list
    /// item "8." under minute 7 are not minutes; the bold decision after
    /// "It was APPROVED that;" stays with it.
    #[test]
    fn headings_keep_the_first_headings_look() {
        let text = "**Minutes of the Transport and Connectivity Policy Committee**\n\
**12 September 2024 at 5.00 pm**\n\
**6\tPublic Forum**\nStatements were received as follows:\n\
07 Julie Levers\n08 Steve Smith\n\
**7\tParking Charges**\nOn being put to the vote the recommendation was CARRIED. It was APPROVED that;\n\
\n\
**The Committee approved a trial of red coloured cycleways.**\n\
It was APPROVED:\n\
**8. Delegates authority to the Executive Director.**\n\
**8\tSupported Bus Services**\nThe Committee noted the report.\n";
        let p = run(text);
        let m = minutes_of(&p);
        let numbers: Vec<&str> = m.iter().map(|m| m.number.as_str()).collect();
        assert_eq!(numbers, vec!["6", "7", "8"]);
        assert_eq!(m[2].title, "Supported Bus Services");
        let r: Vec<String> = p
            .records
            .iter()
            .filter(|r| matches!(r.fields, Fields::Resolution(_)))
            .map(|r| r.text.clone())
            .collect();
        assert!(
            r.iter().any(|t| t.contains("red coloured cycleways")),
            "{r:?}"
        );
    }

    #[test]
    fn action_groups_split_by_points() {
        let text = "MINUTES OF THE FORUM\nPresent: Jon Abbey, Louis Fisher, Cllr Ann Waters\nMINUTE NO.\tSUBJECT/DECISION\tACTION BY\n\
5.\tMATTERS ARISING\t\n\
\tMatters Arising :- 7.2 MM reminded the Forum that JA/NA had agreed. 6.6 Cllr Waters confirmed the SLA.\tJA/NA LF/ Cllr Waters\n";
        let p = run(text);
        let actions: Vec<&Action> = p
            .records
            .iter()
            .filter_map(|r| match &r.fields {
                Fields::Action(a) => Some(a),
                _ => None,
            })
            .collect();
        assert_eq!(actions.len(), 2);
        assert_eq!(actions[0].owners, "JA/NA");
        assert_eq!(actions[0].people, vec!["Jon Abbey"]);
        assert_eq!(actions[0].unresolved, vec!["NA"]);
        assert_eq!(actions[1].owners, "LF/Cllr Waters");
        assert_eq!(actions[1].people, vec!["Louis Fisher", "Cllr Ann Waters"]);
    }

    #[test]
    fn table_reference_takes_its_series_letters() {
        let all = "BM 75/2122 Finance | a. Monitor budget";
        assert_eq!(
            prefixed_reference(all, "75/2122"),
            Some("BM 75/2122".to_string())
        );
        assert_eq!(prefixed_reference(all, "5/2122"), None);
    }
}

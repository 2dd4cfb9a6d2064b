//! Table rows (ruled grids, column rows, tab-separated lines) -> `table`
//! records with title, header, cells and typed values.
//!
//! Owns which runs of rows are data tables, where their header ends
//! (several header rows become one " / "-joined name per column), which
//! rows continue the row above (a cell wrapped over a stray empty line),
//! and which parts on later pages continue a table whose header is repeated
//! there. It does not own how rows are rebuilt from a PDF page (the layout
//! layer hands over rows of cells) nor what a cell's words mean beyond
//! typed values (see `table_cell`). The minutes grid (MINUTE NO. |
//! SUBJECT/DECISION | ACTION BY), key/value front sheets and contents lists
//! are layouts, not data tables: they are left to the document text.

pub mod cell;

use crate::document::Doc;
use crate::input::Page;
use crate::lex::{fold, fold_html, is_bullet_char};
use crate::model::{Fields, Parsed, Record, Table};
use crate::tables::cell::{caption, column_name, is_code, is_date, is_note, typed};
use std::cell::OnceCell;

/// Lines looked at above a table for its caption or heading.
const LOOK_BACK: usize = 12;

/// Read one document's pages and append its `table` records to `out`.
pub fn parse(d: &Doc, out: &mut Parsed) {
    let (pages, doc) = (d.pages, d.index);
    let mut items = flatten(pages);
    let runs = runs(&items);
    // Each run's rows, moved out of the items (which are read for their
    // text lines only from here on).
    let mut run_rows: Vec<Vec<Row>> = runs
        .iter()
        .map(|run| {
            run.rows
                .iter()
                .filter_map(|&k| match std::mem::replace(&mut items[k].1, Item::Blank) {
                    Item::Row(r) => Some(r),
                    _ => None,
                })
                .collect()
        })
        .collect();
    let pages_in_order = items.is_sorted_by_key(|(p, _)| *p);
    let mut tables: Vec<Built> = Vec::new();
    // Plain lines taken in as a grouped table's labels: they title no
    // other table below.
    let mut labels_used: Vec<String> = Vec::new();
    let mut prev_end = 0;
    for (run, rows) in runs.iter().zip(run_rows.iter_mut()) {
        let rows = std::mem::take(rows);
        let between: Vec<&Text> = texts(&items[prev_end..run.start]);
        // A caption or heading belongs to the first table below it: look
        // no further up than the table before.
        let above: Vec<&str> = between
            .iter()
            .rev()
            .take(LOOK_BACK)
            .map(|t| t.get())
            .collect();
        let prev_start = prev_end;
        prev_end = run.end;
        if is_layout_grid(&rows, above.first().copied()) {
            continue;
        }
        let parts = split_titled(rows);
        let last = parts.len().saturating_sub(1);
        for (k, part) in parts.into_iter().enumerate() {
            if is_marked_list(&part.rows) {
                continue;
            }
            let Some(mut t) = build(part.rows, part.title) else {
                continue;
            };
            if k == last {
                t.notes.extend(run.notes.iter().cloned());
            }
            if k == 0 {
                t.between_first = between.first().map(|s| fold(s.get()));
                t.above = above.iter().map(|s| fold(s)).collect();
                // A section heading stands on the table's page or the one
                // before.
                let from = t.pages[0].saturating_sub(1);
                let before = &items[..prev_start];
                // Items run in page order: the first on that page is found
                // by halving, not by a walk from the document's top.
                let near = if pages_in_order {
                    before.partition_point(|(p, _)| *p < from)
                } else {
                    before
                        .iter()
                        .position(|(p, _)| *p >= from)
                        .unwrap_or(prev_start)
                };
                // Read back from the table only as far as needed.
                t.further = items[near..prev_start]
                    .iter()
                    .rev()
                    .filter_map(|(_, i)| match i {
                        Item::Text(t, _) if !t.is_empty() => Some(fold(t.get())),
                        _ => None,
                    })
                    .take(LOOK_BACK)
                    .collect();
            }
            // A title row inside the run stands between this part and the
            // one before; across runs, the lines between them do.
            let labels: &[&Text] = if k == 0 { &between } else { &[] };
            match tables.last_mut() {
                Some(prev) if k == 0 && continues(prev, &t, &between) => prev.absorb(t),
                Some(prev) if regroups(prev, &t, labels) => {
                    labels_used.extend(labels.iter().map(|l| fold(l.get())));
                    prev.absorb_group(t);
                }
                _ => tables.push(t),
            }
        }
    }
    let mut titles: Vec<String> = labels_used;
    for mut t in tables {
        t.title = title_of(&t, &titles);
        titles.extend(t.title.clone());
        push_record(t, doc, out);
    }
}

/// A line of the document as the table grammar sees it.
#[derive(Debug, Clone)]
enum Item<'a> {
    /// A plain line and its right edge as a share of the page width
    /// (`None` for text input).
    Text(Text<'a>, Option<f32>),
    Row(Row),
    Blank,
}

/// A plain line, folded (`fold_html`) only when it is read: most lines
/// of a document stand far from any table.
#[derive(Debug, Clone)]
struct Text<'a> {
    raw: &'a str,
    folded: OnceCell<String>,
}

impl<'a> Text<'a> {
    fn new(raw: &'a str) -> Text<'a> {
        Text {
            raw,
            folded: OnceCell::new(),
        }
    }

    /// The folded line.
    fn get(&self) -> &str {
        self.folded.get_or_init(|| fold_html(self.raw))
    }

    /// Whether the folded line is empty. The line is not blank, so only
    /// stripping tags can empty it: without a '<' it is not folded here.
    fn is_empty(&self) -> bool {
        self.raw.contains('<') && self.get().is_empty()
    }
}

#[derive(Debug, Clone)]
struct Row {
    cells: Vec<String>,
    /// Left and right edge of each cell in points; `None` for text input,
    /// where a cell's index is its column.
    edges: Option<Vec<(f32, f32)>>,
    page: u32,
    /// The ruled grid or column run the row belongs to; `None` for a line
    /// that merely has several cells.
    grid: Option<u32>,
    /// Top of the row and its font size in points (0 for text input).
    y: f32,
    size: f32,
}

fn flatten(pages: &[Page]) -> Vec<(u32, Item<'_>)> {
    let mut items = Vec::with_capacity(pages.iter().map(|p| p.lines.len()).sum());
    for page in pages {
        for line in &page.lines {
            let item = if line.is_blank() {
                Item::Blank
            } else if line.table.is_some() || line.cells.len() >= 2 {
                Item::Row(Row {
                    cells: line.cells.iter().map(|c| fold_html(&c.text)).collect(),
                    edges: (page.width > 0.0)
                        .then(|| line.cells.iter().map(|c| (c.x0, c.x1)).collect()),
                    page: page.number,
                    grid: line.table,
                    y: line.y,
                    size: line.size,
                })
            } else {
                let right = line.cells.iter().map(|c| c.x1).fold(0.0, f32::max);
                Item::Text(
                    Text::new(&line.text),
                    (page.width > 0.0 && right > 0.0).then(|| right / page.width),
                )
            };
            items.push((page.number, item));
        }
    }
    items
}

/// The text lines among `items` that fold to some text.
fn texts<'i, 'a>(items: &'i [(u32, Item<'a>)]) -> Vec<&'i Text<'a>> {
    items
        .iter()
        .filter_map(|(_, i)| match i {
            Item::Text(t, _) if !t.is_empty() => Some(t),
            _ => None,
        })
        .collect()
}

/// Consecutive rows of one page: blank lines inside are skipped (a row
/// broken by a stray empty line), a text line or another grid ends it.
struct Run {
    /// The rows' indices into the items.
    rows: Vec<usize>,
    /// Footnotes set as plain lines right below the rows.
    notes: Vec<String>,
    start: usize,
    end: usize,
}

fn runs(items: &[(u32, Item)]) -> Vec<Run> {
    let mut out: Vec<Run> = Vec::new();
    let mut i = 0;
    while i < items.len() {
        let Item::Row(first) = &items[i].1 else {
            i += 1;
            continue;
        };
        // The run's rows, and their indices into `items`.
        let mut rows: Vec<&Row> = vec![first];
        let mut idx = vec![i];
        let mut grid = first.grid;
        let mut end = i + 1;
        let mut j = i + 1;
        while j < items.len() {
            match &items[j].1 {
                Item::Blank => j += 1,
                // A header row left at the foot of a page heads the rows
                // that open the next, when it is set in their columns.
                Item::Row(r)
                    if r.page == first.page + 1
                        && rows
                            .iter()
                            .all(|h| h.page == first.page && header_like(&h.cells))
                        && heads_next_page(&rows, &items[j..]) =>
                {
                    grid = r.grid;
                    rows.push(r);
                    idx.push(j);
                    j += 1;
                    end = j;
                }
                // A header drawn as a grid of its own, right above the body's
                // grid, heads it.
                Item::Row(r)
                    if r.page == rows.last().map_or(first.page, |l| l.page)
                        && (r.grid.is_none() || grid.is_some() || in_columns_of(&rows, r))
                        && (r.grid == grid
                            || r.grid.is_none()
                            || grid.is_none()
                            || (rows.len() <= 3 && rows.iter().all(|h| header_like(&h.cells)))) =>
                {
                    grid = r.grid.or(grid);
                    rows.push(r);
                    idx.push(j);
                    j += 1;
                    end = j;
                }
                _ => break,
            }
        }
        // Several cells on a line or two of prose is no table: a run of
        // plain lines needs three rows that keep one column count.
        let plain = rows.iter().all(|r| r.grid.is_none());
        let keep = if plain {
            rows.len() >= 3 && {
                let n = rows[0].cells.len();
                rows.iter().filter(|r| r.cells.len() == n).count() * 3 >= rows.len() * 2
            }
        } else {
            rows.len() >= 2
        };
        if keep {
            let (notes, after) = notes_below(items, end, rows.last().map_or(0, |r| r.page));
            out.push(Run {
                rows: idx,
                notes,
                start: i,
                end: after,
            });
            end = after;
        }
        i = end.max(i + 1);
    }
    out
}

/// Whether plain lines with several cells (`rows`, outside any grid) stand
/// in the columns of the grid row `r` below them, as names over its
/// columns do: each filled cell starts inside a column of `r`, no two in
/// one. A numbered paragraph above a ruled table (Norfolk's inspection
/// report, p. 4: `3. | All inspection judgements are made using the
/// following four point scale.`, both cells starting inside the grid's
/// first column) is text, not the grid's header. Text inputs have no
/// positions: their rows join.
fn in_columns_of(rows: &[&Row], r: &Row) -> bool {
    let Some(columns) = &r.edges else {
        return true;
    };
    rows.iter().all(|h| {
        let Some(edges) = &h.edges else {
            return true;
        };
        let mut used: Vec<usize> = Vec::new();
        h.cells
            .iter()
            .zip(edges)
            .filter(|(c, _)| !c.is_empty())
            .all(|(_, e)| {
                let Some(k) = columns.iter().position(|c| e.0 >= c.0 - 2.0 && e.0 < c.1) else {
                    return false;
                };
                let fresh = !used.contains(&k);
                used.push(k);
                fresh
            })
    })
}

/// Footnotes the PDF sets as plain lines below a table (`*These figures`
/// / `represent` / … in a block as narrow as the first column): lines
/// marked as notes (`*`, `**`, `Source:`) on the rows' page, only blank
/// lines before the first, each with the lines below it that continue it.
/// A note wrapped in a narrow block goes on while the lines stay in the
/// left half of the page; a wide one, while a line starts lower-case (the
/// sentence goes on). A text input's line is a whole paragraph: a note is
/// that line. Returns the notes and the index after them.
fn notes_below(items: &[(u32, Item)], from: usize, page: u32) -> (Vec<String>, usize) {
    let mut i = from;
    while matches!(items.get(i), Some((p, Item::Blank)) if *p == page) {
        i += 1;
    }
    let mut notes = Vec::new();
    while let Some((p, Item::Text(first, right))) = items.get(i) {
        if *p != page || !is_note(first.get()) {
            break;
        }
        let mut note = first.get().to_string();
        i += 1;
        if let Some(right) = right {
            let narrow = *right < 0.5;
            while let Some((p, Item::Text(t, Some(r)))) = items.get(i) {
                let goes_on = if narrow {
                    *r < 0.5
                } else {
                    t.get().chars().next().is_some_and(char::is_lowercase)
                };
                if *p != page || t.is_empty() || is_note(t.get()) || !goes_on {
                    break;
                }
                note.push(' ');
                note.push_str(t.get());
                i += 1;
            }
        }
        notes.push(note);
    }
    if notes.is_empty() {
        (notes, from)
    } else {
        (notes, i)
    }
}

/// Whether header rows at the foot of a page stand in the columns of the
/// rows opening the next (`next`, from the first of them): each header
/// row has one cell per column, at the edges of the filled cells of the
/// row that fills most, as the layout sets a header broken over a page.
/// Text inputs have no pages to break.
fn heads_next_page(header: &[&Row], next: &[(u32, Item)]) -> bool {
    let mut body: Vec<&Row> = Vec::new();
    for (_, item) in next {
        match item {
            Item::Blank => {}
            Item::Row(r)
                if body
                    .first()
                    .is_none_or(|f| f.page == r.page && f.grid == r.grid) =>
            {
                body.push(r)
            }
            _ => break,
        }
    }
    let mut columns: Vec<(f32, f32)> = Vec::new();
    for r in &body {
        let f = filled_edges(r);
        if f.len() > columns.len() {
            columns = f;
        }
    }
    // Column names are short and name something (a bullet beside prose
    // set in the same columns on both pages is no header).
    let names = |h: &Row| {
        h.cells.iter().all(|c| {
            c.is_empty() || (c.chars().count() <= 40 && c.chars().any(char::is_alphanumeric))
        })
    };
    columns.len() >= 2
        && header.iter().all(|h| names(h))
        && header.iter().all(|h| {
            h.edges.as_ref().is_some_and(|e| {
                e.len() == columns.len()
                    && e.iter()
                        .zip(&columns)
                        .all(|(a, b)| (a.0 - b.0).abs() < 0.5 && (a.1 - b.1).abs() < 0.5)
            })
        })
}

fn non_empty(cells: &[String]) -> usize {
    cells.iter().filter(|c| !c.is_empty()).count()
}

/// Paragraph numbers of a minutes grid or a numbered report: "7.", "7.1",
/// "12", "CAB/23/45".
fn is_paragraph_number(cell: &str) -> bool {
    let t = cell.trim_end_matches('.');
    !t.is_empty()
        && t.len() <= 12
        && t.chars().next().is_some_and(|c| c.is_ascii_digit())
        && t.chars()
            .all(|c| c.is_ascii_digit() || c == '.' || c == '/')
}

/// Whether a run is the layout of the page rather than a data table: the
/// minutes grid (recognised by its header, on the run's first row or the
/// line just above it), numbered paragraphs set in a grid, a key/value
/// front sheet, or a contents list.
fn is_layout_grid(rows: &[Row], line_above: Option<&str>) -> bool {
    let ncols = rows.iter().map(|r| r.cells.len()).max().unwrap_or(0);
    // "Item | Notes | Action" over a governors' grid, its first cell empty.
    let minutes_header = |s: &str| {
        let u = s.to_uppercase();
        (u.contains("MINUTE") && (u.contains("ACTION") || u.contains("DECISION")))
            || crate::minutes::lex::is_grid_header(s.trim())
    };
    if rows.first().is_some_and(|r| {
        let filled: Vec<&str> = r
            .cells
            .iter()
            .map(|c| c.trim())
            .filter(|c| !c.is_empty())
            .collect();
        minutes_header(&filled.join(" "))
    }) || line_above.is_some_and(minutes_header)
    {
        return true;
    }
    // Numbered paragraphs in a margin column beside long text, with at
    // most an action column after the title and text: minutes ("FGB
    // 38/2021 | To record those who were present … | The meeting
    // commenced … | Clerk") or a numbered report.
    if ncols <= 4 {
        // Beside a fourth column only a lettered minute label counts: a
        // plain number there may be a data table's row number.
        let label = |c: &str| {
            if ncols <= 3 {
                is_paragraph_number(c)
            } else {
                c.chars().any(char::is_alphabetic) && crate::minutes::lex::grid_label(c).is_some()
            }
        };
        let numbered = rows
            .iter()
            .filter(|r| r.cells.first().is_some_and(|c| label(c)))
            .count();
        let margin = rows
            .iter()
            .filter(|r| r.cells.first().is_some_and(|c| c.is_empty() || label(c)))
            .count();
        let long = rows
            .iter()
            .any(|r| r.cells.iter().any(|c| c.chars().count() > 150));
        // A first row of short names over the numbers heads a data table
        // ("Option | Discounted because" over options 1 to 6).
        let headed = rows.first().is_some_and(|r| {
            r.cells.first().is_some_and(|c| !c.is_empty() && !label(c))
                && non_empty(&r.cells) >= 2
                && header_like(&r.cells)
                && r.cells
                    .iter()
                    .all(|c| c.split_whitespace().count() <= 4 && !c.ends_with(':'))
        });
        if numbered > 0 && long && !headed && margin * 5 >= rows.len() * 3 {
            return true;
        }
    }
    // A form: a first row of labels each closed by a colon ("DECISION TO
    // BE TAKEN BY: | DECISION NUMBER:") over the fields, or a signature
    // block with a row of dotted leaders to write on ("……… | ………" over
    // "signed | date").
    let labels_row = rows.first().is_some_and(|r| {
        non_empty(&r.cells) >= 2
            && r.cells
                .iter()
                .all(|c| c.is_empty() || (c.ends_with(':') && c.chars().count() <= 40))
    });
    let leaders = |c: &String| {
        c.chars().count() >= 5 && c.chars().all(|ch| matches!(ch, '.' | '_' | '…' | ' '))
    };
    let signature = rows.len() <= 3
        && rows.iter().any(|r| {
            non_empty(&r.cells) >= 1 && r.cells.iter().all(|c| c.is_empty() || leaders(c))
        });
    if labels_row || signature {
        return true;
    }
    // A framed box of prose under a heading row ("The experiences and
    // progress of children … | Good" over one cell of summary text): no
    // row below the first has two values side by side.
    // A one-column grid of two or more entries under its heading box
    // ("Areas for improvement" over two boxed paragraphs) is a list the
    // report sets as a table: it stays one.
    let prose = |c: &String| c.chars().count() > 150 && c.contains(". ");
    let entries = ncols == 1 && rows.len() >= 3;
    if rows.len() >= 2
        && !entries
        && rows[1..].iter().all(|r| non_empty(&r.cells) <= 1)
        && rows[1..].iter().any(|r| r.cells.iter().any(prose))
    {
        return true;
    }
    if ncols <= 3 {
        let labelled = rows
            .iter()
            .filter(|r| r.cells.first().is_some_and(|c| is_label(c)))
            .count();
        let first_labelled = rows
            .first()
            .is_some_and(|r| r.cells.first().is_some_and(|c| is_label(c)));
        if (first_labelled && labelled * 3 >= rows.len() * 2)
            || (rows.len() >= 3 && labelled * 2 >= rows.len())
        {
            return true;
        }
    }
    is_contents(rows, line_above)
}

/// A list marker set in a column of its own: a paragraph number with a
/// point ("4.", "4.1", "1.0", "1. 2. 3." where several numbered
/// paragraphs share one cell), a letter or numeral in brackets ("b)",
/// "(a)", "(iv)", "(2)") or a bullet. A bare integer is not one: it may
/// be a data table's row number.
fn is_list_marker(cell: &str) -> bool {
    let one = |w: &str| {
        if w.chars().count() == 1 && w.chars().all(is_bullet_char) {
            return true;
        }
        let inner = w.strip_prefix('(').unwrap_or(w);
        if let Some(label) = inner.strip_suffix(')') {
            let n = label.chars().count();
            return (1..=4).contains(&n)
                && (label.chars().all(|c| c.is_ascii_digit())
                    || (n == 1 && label.chars().all(|c| c.is_ascii_lowercase()))
                    || label.chars().all(|c| "ivx".contains(c)));
        }
        w.contains('.')
            && w.len() <= 12
            && w.starts_with(|c: char| c.is_ascii_digit())
            && w.chars().all(|c| c.is_ascii_digit() || c == '.')
            && !w.contains("..")
    };
    let mut words = cell.split_whitespace().peekable();
    words.peek().is_some() && words.all(one)
}

/// Whether rows are a numbered or lettered list of prose rather than a
/// table: every row opens with a list marker or an empty cell, one at
/// least with a marker, no cell past the marker holds a value, and the
/// text stands in at most two columns beside the markers, or is one
/// sentence whose words the layout spread into cells (three cells of a
/// row opening lower-case: "1.1 | To seek approval to | adopt | the |
/// proposed | …"). A data table has several aligned columns of short
/// cells, often figures; paragraph numbers beside text are prose.
fn is_marked_list(rows: &[Row]) -> bool {
    fn first(r: &Row) -> &str {
        r.cells.first().map_or("", |c| c.trim())
    }
    if rows.is_empty()
        || !rows.iter().any(|r| is_list_marker(first(r)))
        || !rows.iter().all(|r| {
            let f = first(r);
            f.is_empty() || is_list_marker(f)
        })
    {
        return false;
    }
    fn rest(r: &Row) -> Vec<&str> {
        r.cells
            .iter()
            .skip(1)
            .map(|c| c.trim())
            .filter(|c| !c.is_empty())
            .collect()
    }
    if rows
        .iter()
        .any(|r| rest(r).iter().any(|c| typed(c).is_some() || all_values(c)))
    {
        return false;
    }
    let ncols = rows.iter().map(|r| rest(r).len()).max().unwrap_or(0);
    let spread = rows.iter().any(|r| {
        rest(r)
            .iter()
            .filter(|c| c.starts_with(|ch: char| ch.is_lowercase()))
            .count()
            >= 3
    });
    ncols <= 2 || spread
}

/// A contents list: under a "Contents" heading, or every row ending in a
/// page number, the numbers never going down and no other cell a value.
fn is_contents(rows: &[Row], line_above: Option<&str>) -> bool {
    if line_above.is_some_and(|l| {
        let l = l.trim().to_lowercase();
        l == "contents" || l == "table of contents"
    }) {
        return true;
    }
    if rows.len() < 2 {
        return false;
    }
    let mut last = 0u32;
    for r in rows {
        let filled: Vec<&String> = r.cells.iter().filter(|c| !c.is_empty()).collect();
        let Some((page, text)) = filled.split_last() else {
            return false;
        };
        // Entries the layout ran into one row keep their page numbers in
        // one cell (Stockton's inspection report, p. 4: `Executive summary
        // Recommendations Inspection findings – the Local Safeguarding
        // Children Board | 38 39 39`).
        for number in page.split_whitespace() {
            let Ok(n) = number.parse::<u32>() else {
                return false;
            };
            if number.len() > 3 || n < last {
                return false;
            }
            last = n;
        }
        if text.is_empty() || text.iter().any(|c| typed(c).is_some()) {
            return false;
        }
    }
    true
}

/// "Date of Meeting:", "Name:Patricia Harvey": a form label.
fn is_label(cell: &str) -> bool {
    match cell.find(':') {
        Some(i) if i > 0 && i <= 40 => {
            let label = &cell[..i];
            label.chars().next().is_some_and(|c| c.is_uppercase())
                && label
                    .chars()
                    .all(|c| c.is_alphanumeric() || " &/()'-,.".contains(c))
        }
        _ => false,
    }
}

/// A part of a run: rows under one title row.
struct Part {
    rows: Vec<Row>,
    title: Option<String>,
}

/// A row whose only text is one cell, in a table of three or more columns,
/// is a title over the rows below ("Contacts", "Referrals into Early Help …
/// by Age", "APPENDIX F: … SPENDING" set mid-width): when a header of two
/// or more names follows it, it starts a new part (a short group under
/// the header repeated rejoins the table above: `regroups`).
fn split_titled(rows: Vec<Row>) -> Vec<Part> {
    let ncols = rows.iter().map(|r| r.cells.len()).max().unwrap_or(0);
    let is_title = |i: usize| {
        let r = &rows[i];
        ncols >= 3
            && non_empty(&r.cells) == 1
            && r.cells
                .iter()
                .any(|c| !c.is_empty() && !is_note(c) && !all_values(c))
            && rows
                .get(i + 1)
                .is_some_and(|n| header_like(&n.cells) && non_empty(&n.cells) >= 2)
    };
    // Told before the rows move into their parts: a title looks at the
    // row below it.
    let titles: Vec<bool> = (0..rows.len()).map(is_title).collect();
    let mut parts: Vec<Part> = Vec::new();
    let mut current = Part {
        rows: Vec::new(),
        title: None,
    };
    for (row, title) in rows.into_iter().zip(titles) {
        if title {
            if !current.rows.is_empty() || current.title.is_some() {
                parts.push(current);
            }
            current = Part {
                rows: Vec::new(),
                title: row.cells.iter().find(|c| !c.is_empty()).cloned(),
            };
            continue;
        }
        current.rows.push(row);
    }
    parts.push(current);
    parts
}

/// Cells that could name columns: some text, no value, no date, none long.
fn header_like(cells: &[String]) -> bool {
    non_empty(cells) > 0
        && cells.iter().all(|c| {
            c.chars().count() <= 80
                && (c.is_empty() || (typed(c).is_none() && !is_date(c) && !all_values(c)))
        })
}

/// "-30,834.5 -10,788.7 -10,300.0": several values run into one cell.
fn all_values(cell: &str) -> bool {
    cell.split_whitespace().all(|w| typed(w).is_some())
}

/// A table as built from one run, before it is joined to its continuation.
#[derive(Debug, Clone)]
struct Built {
    title: Option<String>,
    /// The title row inside the table, if any.
    title_row: Option<String>,
    header: Vec<String>,
    header_rows: usize,
    rows: Vec<Vec<String>>,
    notes: Vec<String>,
    pages: [u32; 2],
    /// The first text line between the previous table and this one, and
    /// the lines above this one (nearest first), folded.
    between_first: Option<String>,
    above: Vec<String>,
    /// Titles repeated above each part of a table continued over pages.
    repeated: Option<String>,
    /// Text lines above the previous table (nearest first, on this table's
    /// page or the one before), folded: where the heading of a section
    /// holding several tables stands.
    further: Vec<String>,
    /// Body rows of the last group taken in (of the table itself before
    /// any), and the groups taken in, the table's own first counted: see
    /// `regroups`.
    group_rows: usize,
    groups: usize,
}

impl Built {
    fn absorb(&mut self, next: Built) {
        if self.repeated.is_none() {
            self.repeated = next.between_first.clone();
        }
        self.absorb_group(next);
    }

    /// Take in the rows of the next group of this table; the group's label
    /// stays in the document text.
    fn absorb_group(&mut self, next: Built) {
        self.groups += 1;
        self.group_rows = next.rows.len();
        self.rows.extend(next.rows);
        self.notes.extend(next.notes);
        self.pages[1] = self.pages[1].max(next.pages[1]);
    }
}

/// Body rows a group of a grouped table holds at most.
const GROUP_ROWS: usize = 3;

/// Whether `next` is the next group of a grouped table (seed 004,
/// pp. 4-5): short groups of rows, each under a label of its own
/// (`Contacts`, `Referrals`, `Assessments`, `Safeguarding workflow`) and
/// the same header printed again (`Description | Apr-12 | Apr-13 |
/// % increase`). The label is a title row of the run (`labels` empty) or
/// one short plain line between two runs, on the same or the next page.
fn regroups(prev: &Built, next: &Built, labels: &[&Text]) -> bool {
    let label = match labels {
        [] => true,
        // A plain line labels a group only of a table already read as
        // groups: a slide's title over a table like the last slide's
        // (seed 000 pp. 48-49, "Ground already covered") heads a table of
        // its own.
        [l] if prev.groups >= 2 => {
            let l = l.get();
            l.chars().count() <= 40
                && l.split_whitespace().count() <= 4
                && !l.ends_with(['.', ':', ';', ','])
        }
        _ => false,
    };
    label
        && next.header_rows > 0
        && prev.header_rows > 0
        && prev.group_rows <= GROUP_ROWS
        && next.rows.len() <= GROUP_ROWS
        && next.pages[0] <= prev.pages[1] + 1
        && same_header(&prev.header, &next.header)
}

/// A header's names folded for comparison: letters and digits only, lower
/// case. A narrow column breaks a repeated name at different points on
/// different pages ("Name/Ser vice"), a header grid missing a rule on one
/// page runs two names into one cell, and a repeated header may drop a
/// hyphen (`Apr-13`, `Apr 13`): the names are compared as one string.
fn squeeze(h: &[String]) -> String {
    h.concat()
        .chars()
        .filter(|ch| ch.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// Whether two headers name the same columns: the same names, or each
/// name the same as the other's or the start of it (a name printed with
/// its unit on one page and without on another: "Estimated Annual
/// Financial Exposure / £m", where the unit line fell into the row below).
fn same_header(a: &[String], b: &[String]) -> bool {
    let same_cells = || {
        a.iter().zip(b).all(|(x, y)| {
            let (x, y) = (
                squeeze(std::slice::from_ref(x)),
                squeeze(std::slice::from_ref(y)),
            );
            x == y || (!x.is_empty() && !y.is_empty() && (x.starts_with(&y) || y.starts_with(&x)))
        })
    };
    !a.iter().all(String::is_empty)
        && a.len() == b.len()
        && (squeeze(a) == squeeze(b) || same_cells())
}

/// Whether `next` continues `prev` on a later page (or further down a text
/// input): the same header printed again, and between the two parts
/// nothing but lines that also stand above the first part (its title
/// repeated on each page).
/// `between` holds the text lines between the two parts, unfolded: they
/// are folded only as far as the comparison goes.
fn continues(prev: &Built, next: &Built, between: &[&Text]) -> bool {
    let repeated_header = next.header_rows > 0 && same_header(&prev.header, &next.header);
    // A part with no header, as wide as the table, at the top of the next
    // page or right below it (a grid of its own, no line between), continues
    // it too.
    let headless_continuation = next.header_rows == 0
        && prev.header_rows > 0
        && (next.pages[0] == prev.pages[1] + 1
            || (next.pages[0] == prev.pages[1] && next.between_first.is_none()))
        && next.header.len() == prev.header.len();
    if !repeated_header && !headless_continuation || restarts_numbering(prev, next) {
        return false;
    }
    between.iter().all(|l| {
        let l = fold(l.get());
        prev.above.iter().take(6).any(|a| *a == l)
    })
}

/// The serial number a row's first cell opens with ("12", "145 TOTAL …"):
/// up to four digits standing as a word of their own.
fn serial(row: &[String]) -> Option<u32> {
    let first = row.first()?.split_whitespace().next()?;
    (first.len() <= 4 && first.chars().all(|c| c.is_ascii_digit()))
        .then(|| first.parse().ok())
        .flatten()
}

/// Whether `next` numbers its rows afresh under the same header: the rows
/// of `prev` carry serials rising all the way (three or more), and `next`
/// opens at 1 below the last of them. A table's next page goes on with its
/// numbering; a new table set in the same columns starts again (the budget
/// amendments' reserves, `Row Ref` 1, 2, … under the savings' 1-149).
fn restarts_numbering(prev: &Built, next: &Built) -> bool {
    let numbers: Vec<u32> = prev.rows.iter().filter_map(|r| serial(r)).collect();
    let rising = numbers.len() >= 3 && numbers.windows(2).all(|w| w[0] < w[1]);
    let opens_at_one = next.rows.first().and_then(|r| serial(r)) == Some(1);
    rising && opens_at_one && numbers.last().is_some_and(|&n| n > 1)
}

/// The edges of a row's non-empty cells (a row without edges has none).
fn filled_edges(r: &Row) -> Vec<(f32, f32)> {
    r.cells
        .iter()
        .zip(r.edges.iter().flatten())
        .filter(|(c, _)| !c.is_empty())
        .map(|(_, e)| *e)
        .collect()
}

/// Put each row's cells in the columns of the whole run. A text row's
/// cells are its columns. A PDF row's cells go by position, since one row
/// may hold a cell that spans two columns of another (it goes to the column
/// its left edge stands in) or lack an empty cell another has. The columns
/// are the cells of the row that has most non-empty ones.
fn align(rows: &mut [Row]) {
    if rows.iter().any(|r| r.edges.is_none()) {
        return;
    }
    let mut columns: Vec<(f32, f32)> = Vec::new();
    for r in rows.iter() {
        let f = filled_edges(r);
        if f.len() > columns.len() {
            columns = f;
        }
    }
    if columns.is_empty() {
        return;
    }
    for r in rows.iter_mut() {
        let mut cells = vec![String::new(); columns.len()];
        let edges = r.edges.take().unwrap_or_default();
        for (text, e) in r.cells.iter().zip(&edges) {
            if text.is_empty() {
                continue;
            }
            let left = e.0 + 2.0_f32.min((e.1 - e.0) / 2.0);
            let k = columns
                .iter()
                .position(|c| c.0 <= left && left <= c.1)
                .or_else(|| {
                    (0..columns.len())
                        .filter(|&k| overlap(columns[k], *e) > 0.0)
                        .max_by(|&a, &b| {
                            overlap(columns[a], *e).total_cmp(&overlap(columns[b], *e))
                        })
                })
                .unwrap_or_else(|| nearest(&columns, *e));
            if !cells[k].is_empty() {
                cells[k].push(' ');
            }
            cells[k].push_str(text);
        }
        r.cells = cells;
        r.edges = Some(columns.clone());
    }
}

fn overlap(a: (f32, f32), b: (f32, f32)) -> f32 {
    a.1.min(b.1) - a.0.max(b.0)
}

fn nearest(columns: &[(f32, f32)], e: (f32, f32)) -> usize {
    let mid = (e.0 + e.1) / 2.0;
    let dist = |c: &(f32, f32)| ((c.0 + c.1) / 2.0 - mid).abs();
    (0..columns.len())
        .min_by(|&a, &b| dist(&columns[a]).total_cmp(&dist(&columns[b])))
        .unwrap_or(0)
}

fn build(mut rows: Vec<Row>, title_row: Option<String>) -> Option<Built> {
    align(&mut rows);
    merge_centred(&mut rows);
    let ncols = rows.iter().map(|r| r.cells.len()).max().unwrap_or(0);
    // One column is a table only as a ruled stack of boxes: a heading box
    // over two or more entries.
    let stack = ncols == 1 && rows.len() >= 3 && rows.iter().all(|r| r.grid.is_some());
    if (ncols < 2 && !stack) || rows.is_empty() {
        return None;
    }
    let pages = [
        rows.iter().map(|r| r.page).min().unwrap_or(0),
        rows.iter().map(|r| r.page).max().unwrap_or(0),
    ];
    // The cells move out of the rows: from here on only their pages are read.
    let mut padded: Vec<Vec<String>> = rows
        .iter_mut()
        .map(|r| {
            let mut c = std::mem::take(&mut r.cells);
            c.resize(ncols, String::new());
            c
        })
        .collect();
    join_broken_header(&rows, &mut padded);
    // Header rows: the first row when it names columns, then rows that add
    // to the names beneath a blank first cell (a two-row header).
    let mut header_rows = 0;
    if padded.len() > 1
        && header_like(&padded[0])
        && !codes_like_body(&padded)
        && !rating_like_body(&padded)
    {
        header_rows = 1;
        while header_rows + 1 < padded.len()
            && header_like(&padded[header_rows])
            && padded[header_rows][0].is_empty()
        {
            header_rows += 1;
        }
    }
    let header = join_header(&padded[..header_rows], ncols);
    let mut body: Vec<Vec<String>> = Vec::new();
    let mut notes = Vec::new();
    for row in padded.split_off(header_rows) {
        let filled = non_empty(&row);
        if filled == 1 && is_note(&row[0]) {
            notes.push(row[0].clone());
            continue;
        }
        let continuation = row[0].is_empty() && filled * 2 < ncols && filled > 0;
        match body.last_mut() {
            Some(prev) if continuation => {
                for (p, c) in prev.iter_mut().zip(&row) {
                    if !c.is_empty() {
                        if !p.is_empty() {
                            p.push(' ');
                        }
                        p.push_str(c);
                    }
                }
            }
            _ if filled == 0 => {}
            _ => body.push(row),
        }
    }
    if body.is_empty() {
        return None;
    }
    // Columns empty in the header and every row are gaps of the layout.
    let keep: Vec<bool> = (0..ncols)
        .map(|j| !header[j].is_empty() || body.iter().any(|r| !r[j].is_empty()))
        .collect();
    let pick = |r: Vec<String>| -> Vec<String> {
        r.into_iter()
            .zip(&keep)
            .filter(|(_, k)| **k)
            .map(|(c, _)| c)
            .collect()
    };
    let group_rows = body.len();
    Some(Built {
        title: None,
        title_row,
        header: pick(header),
        header_rows,
        rows: body.into_iter().map(pick).collect(),
        notes,
        pages,
        between_first: None,
        above: Vec::new(),
        repeated: None,
        further: Vec::new(),
        group_rows,
        groups: 1,
    })
}

/// Rows of one table row whose first cell is set vertically centred
/// beside several paragraphs in the other columns, with no rules: the
/// layout hands over one row per paragraph. Below the header, rows with a
/// blank first cell, then rows with a filled one, then rows with a blank
/// one again, on one page, the filled ones centred between the first and
/// the last (within a line), are one row (seed 000 "Phase of Work":
/// `Phase 1: July – Jan 2015` / `Putting the building blocks …` /
/// `Complete` beside seven outputs and four outcomes). Text inputs have
/// their rows.
fn merge_centred(rows: &mut Vec<Row>) {
    let mut i = 1;
    while i < rows.len() {
        let blank =
            |r: &Row| r.cells.first().is_none_or(String::is_empty) && non_empty(&r.cells) > 0;
        let same_page = |a: &Row, b: &Row| a.page == b.page && a.size > 0.0;
        let end_blank = |from: usize| {
            (from..rows.len())
                .find(|&k| !blank(&rows[k]) || !same_page(&rows[k], &rows[i]))
                .unwrap_or(rows.len())
        };
        let end_labels = |from: usize| {
            (from..rows.len())
                .find(|&k| blank(&rows[k]) || !same_page(&rows[k], &rows[i]))
                .unwrap_or(rows.len())
        };
        let a = end_blank(i);
        let b = end_labels(a);
        let c = end_blank(b);
        if a > i && b > a && c > b && rows[i].size > 0.0 {
            let top = rows[i].y;
            let bottom = rows[c - 1].y;
            let (l0, l1) = (rows[a].y, rows[b - 1].y);
            if ((top + bottom) / 2.0 - (l0 + l1) / 2.0).abs() <= rows[i].size {
                let mut merged = rows[i].clone();
                for r in &rows[i + 1..c] {
                    for (m, x) in merged.cells.iter_mut().zip(&r.cells) {
                        if !x.is_empty() {
                            if !m.is_empty() {
                                m.push(' ');
                            }
                            m.push_str(x);
                        }
                    }
                }
                rows.splice(i..c, [merged]);
            }
        }
        i += 1;
    }
}

/// Whether the first row holds in some column a code word (`GREEN`) as
/// the rows below it do (`AMBER`, `RED`; two at least, every filled cell
/// of the column a code): a row of the body, not names of columns (the
/// QPR report's "Key to KPI Ratings used").
fn codes_like_body(rows: &[Vec<String>]) -> bool {
    (0..rows[0].len()).any(|j| {
        let column: Vec<&str> = rows[1..]
            .iter()
            .filter_map(|r| r.get(j).map(String::as_str))
            .filter(|c| !c.is_empty())
            .collect();
        is_code(&rows[0][j]) && column.len() >= 2 && column.iter().all(|c| is_code(c))
    })
}

/// Whether the first row gives a column the value its rows give: a short
/// word or two ("Inadequate", "Good") printed again lower in the same
/// column, where two or more rows fill it, and no row repeats the whole
/// first row's names (a header repeated mid-table). A name heads a column; a
/// rating it shares with the rows below is a row of its own (a record of
/// main findings: `Overall effectiveness | Inadequate` over `Capacity to
/// improve | Inadequate`, …).
fn rating_like_body(rows: &[Vec<String>]) -> bool {
    let first = &rows[0];
    // A row sharing more than half the first row's names repeats the
    // header over a second block ("Expenditure Category | Approved budget
    // £000s | …" then "Income Category | Approved budget £000s | …").
    let filled = non_empty(first);
    let repeats = |r: &Vec<String>| {
        first
            .iter()
            .zip(r)
            .filter(|(a, b)| !a.is_empty() && a.trim().eq_ignore_ascii_case(b.trim()))
            .count()
            * 2
            > filled
    };
    if rows[1..].iter().any(repeats) {
        return false;
    }
    (0..first.len()).any(|j| {
        let c = first[j].trim();
        let column: Vec<&str> = rows[1..]
            .iter()
            .filter_map(|r| r.get(j).map(|c| c.trim()))
            .filter(|c| !c.is_empty())
            .collect();
        // A phrase of four words or more opening as every cell below it
        // does is one of them (Norfolk's inspection report, p. 4: `A
        // service that significantly exceeds minimum requirements` over
        // `A service that exceeds …`, `A service that only meets …`).
        let opening = |s: &str| s.split_whitespace().take(3).collect::<Vec<_>>().join(" ");
        let parallel = c.split_whitespace().count() >= 4
            && column.len() >= 2
            && column
                .iter()
                .all(|b| b.split_whitespace().count() >= 4 && opening(b) == opening(c));
        parallel
            || (!c.is_empty()
                && c.split_whitespace().count() <= 2
                && c.chars().any(char::is_alphabetic)
                && column.len() >= 2
                && column.iter().any(|b| b.eq_ignore_ascii_case(c)))
    })
}

/// A header row the page breaks: the names at the foot of one page and
/// the row that opens the next are one row when that row names columns
/// too, or leaves the first column blank under a name (the years of
/// `End of Q3 Oct-Dec` / `2014`); the rest of each name joins with a
/// space. A row of values under a complete header starts the body.
fn join_broken_header(rows: &[Row], padded: &mut Vec<Vec<String>>) {
    let Some(k) = rows.iter().position(|r| r.page != rows[0].page) else {
        return;
    };
    if k == 0 || k >= padded.len() - 1 || !padded[..k].iter().all(|r| header_like(r)) {
        return;
    }
    let head = &padded[k - 1];
    let next = &padded[k];
    let rest =
        header_like(next) || (next[0].is_empty() && !head[0].is_empty() && non_empty(next) > 0);
    if !rest {
        return;
    }
    let next = padded.remove(k);
    for (h, c) in padded[k - 1].iter_mut().zip(next) {
        if !c.is_empty() {
            if !h.is_empty() {
                h.push(' ');
            }
            h.push_str(&c);
        }
    }
}

/// One name per column from the header rows: a name printed over two
/// columns (blank to its right, with names beneath) spans them, and the
/// names down a column are joined with " / ".
fn join_header(rows: &[Vec<String>], ncols: usize) -> Vec<String> {
    let mut grid: Vec<Vec<String>> = rows.to_vec();
    for r in 0..grid.len() {
        for j in 1..ncols {
            let below = grid[r + 1..].iter().any(|row| !row[j].is_empty());
            if grid[r][j].is_empty() && below && !grid[r][j - 1].is_empty() {
                let below_left = grid[r + 1..].iter().any(|row| !row[j - 1].is_empty());
                if below_left {
                    grid[r][j] = grid[r][j - 1].clone();
                }
            }
        }
    }
    (0..ncols)
        .map(|j| {
            grid.iter()
                .map(|row| column_name(&row[j]))
                .filter(|c| !c.is_empty())
                .collect::<Vec<_>>()
                .join(" / ")
        })
        .collect()
}

/// The caption above a table as printed ("Table 3:" alone on its line
/// is "Table 3"; "Table 1: Council Tax Support Working Age Caseload"
/// keeps its words), else its title row, else the title repeated above
/// each page of it, else the nearest heading above it, else the heading
/// of the section it stands in: the nearest heading above the tables
/// before it that titles none of them (`used`).
fn title_of(t: &Built, used: &[String]) -> Option<String> {
    let above = &t.above;
    if let Some(cap) = above.iter().take(4).find_map(|l| caption(l)) {
        let label = cap.trim_end_matches([':', '.', ' ']);
        let bare = label.split_whitespace().count() <= 2;
        return Some(if bare { label } else { cap }.to_string());
    }
    if let Some(row) = &t.title_row {
        return Some(row.clone());
    }
    if let Some(rep) = &t.repeated {
        return Some(rep.clone());
    }
    nearest_heading(above, &[])
        .or_else(|| nearest_heading(&t.further, used).filter(|h| is_section_heading(h)))
}

/// The first heading in `lines` (nearest first) that is not in `used`. A
/// line followed by one that starts in lower case is the first line of a
/// wrapped sentence, not a heading.
///
/// A heading wrapped onto a second line is read whole when that line is a
/// short lower-case tail that leaves the heading a heading (Norfolk's
/// inspection report, p. 4: `The inspection judgements and what they` /
/// `mean`).
fn nearest_heading(lines: &[String], used: &[String]) -> Option<String> {
    (0..lines.len()).find_map(|i| {
        if !is_heading(&lines[i]) || used.contains(&lines[i]) {
            return None;
        }
        let Some(next) = i.checked_sub(1).map(|k| &lines[k]) else {
            return Some(lines[i].clone());
        };
        if !next.starts_with(|c: char| c.is_lowercase()) {
            return Some(lines[i].clone());
        }
        let whole = format!("{} {next}", lines[i]);
        (next.split_whitespace().count() <= 2 && is_heading(&whole) && !used.contains(&whole))
            .then_some(whole)
    })
}

/// A heading over a section of several tables, found further up than the
/// table before: stricter than a heading right above a table, since the
/// lines there are mostly prose. At most eight words, not ending on a
/// joining word (`Highways &`), and in title case: half or more of the
/// words of four letters or more capitalised (`Performance Challenges in
/// Targeted Services`, not `There are no major variance to report`).
fn is_section_heading(line: &str) -> bool {
    let words: Vec<&str> = line.split_whitespace().collect();
    let long: Vec<&&str> = words.iter().filter(|w| w.chars().count() >= 4).collect();
    let capital = long
        .iter()
        .filter(|w| w.starts_with(|c: char| c.is_uppercase()))
        .count();
    is_heading(line)
        && words.len() <= 8
        && !words
            .last()
            .is_some_and(|w| crate::lex::SMALL_WORDS.contains(&w.to_lowercase().as_str()))
        && capital * 2 >= long.len()
}

/// A short line that reads as a heading, not a sentence or a list item.
fn is_heading(line: &str) -> bool {
    let words = line.split_whitespace().count();
    let first = line.chars().next();
    (1..=12).contains(&words)
        && line.chars().count() <= 100
        && !line.ends_with(['.', ':', ',', ';'])
        && first.is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
        && line.chars().any(char::is_alphabetic)
        && !line.starts_with(is_bullet_char)
}

fn push_record(t: Built, doc: usize, out: &mut Parsed) {
    let text = t
        .rows
        .iter()
        .map(|r| r.join(" | "))
        .collect::<Vec<_>>()
        .join("\n");
    let values = t
        .rows
        .iter()
        .map(|r| r.iter().map(|c| typed(c)).collect())
        .collect();
    out.records.push(Record {
        text,
        page: t.pages[0],
        page_end: t.pages[1],
        document: doc,
        fields: Fields::Table(Table {
            title: t.title,
            header: t.header,
            rows: t.rows,
            values,
            pages: t.pages,
            notes: t.notes,
        }),
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::input::from_text;
    use crate::model::DocumentInfo;

    fn tables(text: &str) -> Vec<Table> {
        let pages = from_text(text);
        let mut out = Parsed::default();
        parse(&Doc::of(&pages, &DocumentInfo::default(), 0), &mut out);
        out.records
            .into_iter()
            .filter_map(|r| match r.fields {
                Fields::Table(t) => Some(t),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn two_header_rows_join_under_a_spanning_name() {
        let t = tables(
            "Table Two:\n\n\tSchool\tSocial Care\t\tTotal\n\t\tFirst Re- sponse\tSafe- guarding\t\nTotal\t62\t167\t58\t349\n",
        );
        assert_eq!(t.len(), 1);
        assert_eq!(
            t[0].header,
            [
                "",
                "School",
                "Social Care / First Response",
                "Social Care / Safeguarding",
                "Total"
            ]
        );
        assert_eq!(t[0].rows, [["Total", "62", "167", "58", "349"]]);
        assert_eq!(t[0].title.as_deref(), Some("Table Two"));
    }

    /// The budget amendments' appendix F, pp. 35-36: the savings table
    /// goes on under its header repeated (its title a running header), then
    /// the reserves table opens in the same columns under a title row of
    /// its own, its `Row ref` starting again at 1.
    #[test]
    fn rows_numbered_afresh_under_the_same_header_are_a_new_table() {
        let header = "Row ref\tMTFP Category\tDirectorate\tCabinet Member\tHeadline Description\t2025-26 £000's\n";
        let text = format!(
            "\t\tAPPENDIX F: 2025-28 LABOUR GROUP ALTERNATIVE BUDGET - SAVINGS\t\t\t\n{header}\
             138\tIncreases in Grants and Contributions\tGET\tNeil Baker\tSubsidised Bus Services (BSIP routes)\t-6,016.6\n\
             139\tIncreases in Grants and Contributions\tCHB\tRoger Gough\tHousehold Support Fund\t-9,134.9\n\
             \u{c}{header}\
             140\tIncreases in Grants and Contributions\tPublic Health\tDan Watkins\tPublic Health\t-1,048.9\n\
             141\tIncreases in Grants and Contributions\tPublic Health\tDan Watkins\tPublic Health - Substance Misuse\t-57.0\n\
             \u{c}\t\tAPPENDIX F: 2025-28 LABOUR GROUP ALTERNATIVE BUDGET - RESERVES\t\t\t\n{header}\
             1\tContributions to reserves\tGET\tNeil Baker\tHighways - renewals reserve\t1,000.0\n\
             2\tContributions to reserves\tDCED\tPeter Oakford\tFacilities Management\t-1,000.0\n\
             3\tContributions to reserves\tNAC\tPeter Oakford\tDedicated Schools Grant (DSG) Deficit - Safety Valve\t2,000.0\n\
             4\tContributions to reserves\tNAC\tPeter Oakford\tCorporate Unspent grant and external funds reserve\t-2,000.0\n"
        );
        let t = tables(&text);
        assert_eq!(t.len(), 2, "{t:?}");
        assert_eq!(t[0].rows.len(), 4);
        assert_eq!(t[1].rows.len(), 4);
        assert_eq!(
            t[1].title.as_deref(),
            Some("APPENDIX F: 2025-28 LABOUR GROUP ALTERNATIVE BUDGET - RESERVES")
        );
        // Numbering that goes on is the same table's next page.
        let continued = (1..=4).fold(text.clone(), |t, n| {
            t.replace(
                &format!("\n{n}\tContributions"),
                &format!("\n{}\tContributions", 141 + n),
            )
        });
        assert_eq!(tables(&continued).len(), 1);
    }

    #[test]
    fn a_row_broken_by_an_empty_line_continues_the_row_above() {
        let t = tables(
            "Reviews\n\nCLA Audit\tChildren in Care\tMay 2012\nCiN1 Team Audit 2\tCiN & CP cases managed by\tJune 2012\n\n\tCiN1\t\nMASH\tMASH Team\tSept 2012\n",
        );
        assert_eq!(t.len(), 1);
        assert_eq!(t[0].header, ["", "", ""]);
        assert_eq!(t[0].rows.len(), 3);
        assert_eq!(t[0].rows[1][1], "CiN & CP cases managed by CiN1");
        assert_eq!(t[0].title.as_deref(), Some("Reviews"));
    }

    #[test]
    fn repeated_header_after_repeated_title_is_one_table() {
        let part = "Appendix: placements\n\n\tNo\tName\n£1.00\t1\tA\n£2.00\t2\tB\n\n";
        let t = tables(&format!("{part}{part}Other text\n"));
        assert_eq!(t.len(), 1);
        assert_eq!(t[0].rows.len(), 4);
        assert_eq!(t[0].title.as_deref(), Some("Appendix: placements"));
        assert_eq!(t[0].values[0][0].as_ref().map(|v| v.value), Some(1.0));
    }

    #[test]
    fn short_groups_under_labels_repeating_the_header_are_one_table() {
        // Seed 004 p. 4-5, as its text form sets it.
        let t = tables(
            "Contacts\t\t\t\n\
             Description\tApr-12\tApr-13\t% increase\n\
             Number of contacts started (month on month)\t606\t809\t33%\n\
             Referrals\t\t\t\n\
             Description\tApr-12\tApr 13\t% increase\n\
             Number of referrals started (month on month)\t91\t231\t154%\n\
             Safeguarding workflow\t\t\t\n\
             Description\tApr-12\tApr-13\t% increase\n\
             Number of strategy discussions held (month on month)\t34\t116\t241%\n\
             Number of s47 enquires started (month on month)\t22\t82\t273%\n",
        );
        assert_eq!(t.len(), 1);
        assert_eq!(t[0].rows.len(), 4);
        assert_eq!(t[0].rows[1][1], "91");
    }

    /// Seed 004 pp. 4-5 shortened: two groups under title rows, then
    /// "Assessments" as a plain line over the third.
    fn three_groups() -> String {
        let head = "Description\tApr-12\tApr-13\t% increase\n";
        format!(
            "Contacts\t\t\t\n{head}Contacts started\t606\t809\t33%\n\
             Referrals\t\t\t\n{head}Referrals started\t91\t231\t154%\n\
             Assessments\n{head}Initial Assessments completed\t43\t96\t123%\n"
        )
    }

    #[test]
    fn a_plain_label_continues_only_a_table_read_as_groups() {
        // Seed 004 p. 5: "Assessments" as a plain line after two groups.
        let t = tables(&three_groups());
        assert_eq!(t.len(), 1);
        assert_eq!(t[0].rows.len(), 3);
        // Seed 000 pp. 48-49: one table a slide, each under its title.
        let head = "Phase of Work\tOutputs\tOutcomes\n";
        let t = tables(&format!(
            "Earlier Phase of Work\n{head}Phase 1: July – Jan 2015\tOffers\tCore offer\n\
             Ground already covered\n{head}Phase 2: Jan 2015 – April 2015\tPrices\tOpen day\n"
        ));
        assert_eq!(t.len(), 2);
    }

    #[test]
    fn a_groups_label_titles_no_table_below() {
        // Seed 004 p. 5: "Assessments" labels the last group of the
        // grouped table; the table of statistical neighbours below it is
        // not titled by it.
        let t = tables(&format!(
            "{}\n\
             Rates against statistical neighbours are set out below.\n\
             \n\
             Local Authority\tRate\tRank\n\
             Kent\t512.3\t4\n\
             Medway\t498.1\t7\n",
            three_groups()
        ));
        assert_eq!(t.len(), 2, "{t:?}");
        assert_ne!(t[1].title.as_deref(), Some("Assessments"), "{t:?}");
    }

    #[test]
    fn long_parts_under_titles_stay_tables_of_their_own() {
        let body: String = (1..=4).map(|n| format!("Line {n}\tA\t{n}.0\n")).collect();
        let t = tables(&format!(
            "SPENDING\t\t\nDescription\tCode\tAmount\n{body}\
             SAVINGS\t\t\nDescription\tCode\tAmount\n{body}"
        ));
        assert_eq!(t.len(), 2);
    }

    #[test]
    fn the_minutes_grid_forms_and_contents_are_not_tables() {
        assert!(tables(
            "MINUTE NO.\tSUBJECT/DECISION\tACTION BY\n1\tWelcome\t\n2.\tApologies\tJA\n"
        )
        .is_empty());
        assert!(
            tables("Date of Meeting:\t11 July 2013\nSubject:\tPerformance\nExempt:\tNo\n")
                .is_empty()
        );
        assert!(tables("Contents\n\nSummary\t4\nFindings\t6\nAnnex A\t30\n").is_empty());
        assert!(
            tables("Inside\n\nInformation about this\tlocal\tarea\t5\nSummary\t\t\t9\n").is_empty()
        );
        // A box of prose under a heading row and its grade.
        let summary = "Summary Services to safeguard children and young people in \
            Stockton-on-Tees are good. A wide range of responsive services are available to \
            children and their families in need of help and protection.";
        assert!(tables(&format!(
            "The experiences and progress of children who need help and protection\tGood\n\t{summary}\n"
        ))
        .is_empty());
        // Page numbers that go down, or other values beside them: data.
        assert_eq!(tables("Ages\n\nUnder 5s\t72\nPrimary\t50\n").len(), 1);
        // Governors' minutes grids, under an "Item | Notes | Action" header
        // whose first cell is empty, or without a header: reference |
        // title | notes | action.
        assert!(tables(
            "\tItem\tNotes\tAction\nBM 69/2122\tTo record those who are present\tThe meeting commenced at 1838\t\n"
        )
        .is_empty());
        let long = "Heather Poustie provided a verbal update and explained that the committee \
            meetings had received reports based on the NGA monitoring document and that a survey \
            for parents had been sent out.";
        assert!(tables(&format!(
            "FGB 44/2021\tHeadteacher’s Verbal Update\t{long}\t\nFGB 45/2021\tFinance\tThe update on the budget had been provided.\t\n"
        ))
        .is_empty());
    }

    #[test]
    fn numbered_and_lettered_paragraphs_in_a_column_are_prose() {
        // A notice of poll: three numbered paragraphs share one margin cell.
        assert!(tables(
            "\tBorough of Halton\n\tNotice is hereby given that:\n1. 2. 3.\tA poll for the election \
             of a Borough Councillor for Appleton will be held on Thursday 2 May 2019\n"
        )
        .is_empty());
        // A report's numbered sections, one line of justified prose spread
        // over cells.
        assert!(tables(
            "1.0\tPurpose of Report\t\t\t\n1.1\tTo seek approval to\tadopt\tthe\tproposed\tscheme\n\
             2.0\tRecommendations\t\t\t\n"
        )
        .is_empty());
        // A lettered list of background documents.
        assert!(tables(
            "b)\t24-00093 - Record of Decision\nc)\tAppendix 1 Service Offer Comparison\n\
             d)\tAppendix 2 Commissioned Family Hub Contracts\n"
        )
        .is_empty());
        // Numbered rows holding figures are data.
        assert_eq!(
            tables("1.\tThanet\t£741k\n2.\tSwale\t£719k\n3.\tAshford\t£624k\n").len(),
            1
        );
        // Several columns of short text beside numbers are data too.
        assert_eq!(
            tables("1.\tHARPER Duncan\tAddress in Halton\tLocal Conservatives\n2.\tPHILBIN Ged\tWidnes\tLabour Party\n3.\tBAKER Sandra\tAddress in Halton\tLabour Party\n").len(),
            1
        );
    }

    /// Rows of one ruled grid on page 1, cells given left to right.
    fn grid_rows(rows: &[&[&str]]) -> Vec<Row> {
        rows.iter()
            .enumerate()
            .map(|(i, cells)| Row {
                cells: cells.iter().map(|c| c.to_string()).collect(),
                edges: None,
                page: 1,
                grid: Some(0),
                y: 100.0 + 12.0 * i as f32,
                size: 10.0,
            })
            .collect()
    }

    #[test]
    fn forms_and_signature_blocks_are_layout_and_headed_options_are_data() {
        // A record of decision's heading fields.
        assert!(is_layout_grid(
            &grid_rows(&[
                &["DECISION TO BE TAKEN BY:", "DECISION NUMBER:"],
                &[
                    "Mrs Sue Chandler, Cabinet Member for Integrated Children’s",
                    "24/00093"
                ],
            ]),
            None
        ));
        // Its signature block: dotted leaders over "signed | date".
        assert!(is_layout_grid(
            &grid_rows(&[
                &["..........................", "......................"],
                &["signed", "date"]
            ]),
            None
        ));
        // Numbered options under a header naming the columns are a table,
        // though one reason runs long.
        let reason = "Would not achieve the full MTFP saving agreed by Council within the \
            financial year. Would require cuts elsewhere to areas that have already been cut. \
            Would retain inconsistency in our delivery model.";
        let options = [
            &["Option", "Discounted because"][..],
            &["1", "Not discounted – this is the decision proposal."],
            &["3", reason],
            &[
                "5",
                "Would not achieve the full MTFP saving as agreed by Council.",
            ],
        ];
        assert!(!is_layout_grid(&grid_rows(&options), None));
        // Without the header the same rows read as numbered paragraphs.
        assert!(is_layout_grid(&grid_rows(&options[1..]), None));
    }

    #[test]
    fn a_first_row_rated_like_the_rows_below_is_no_header() {
        // A record of main findings: every row rated, the first too.
        let t = build(
            grid_rows(&[
                &["Overall effectiveness", "Inadequate"],
                &["Capacity to improve", "Inadequate"],
                &[
                    "Outcomes for looked after children and young people",
                    "Inadequate",
                ],
                &["Quality of provision", "Inadequate"],
                &["Leadership and management", "Inadequate"],
            ]),
            None,
        )
        .unwrap();
        assert!(t.header.iter().all(|h| h.is_empty()));
        assert_eq!(t.rows.len(), 5);
        // A header repeated lower in the table still heads it.
        let t = build(
            grid_rows(&[
                &["Area", "Grade"],
                &["Adoption", "Good"],
                &["Care leavers", "Outstanding"],
                &["Area", "Grade"],
            ]),
            None,
        )
        .unwrap();
        assert_eq!(t.header, ["Area", "Grade"]);
        // Or repeated over a second block under a name of its own.
        let t = build(
            grid_rows(&[
                &["Expenditure Category", "Approved budget £000s", "Outturn"],
                &["Employee Costs", "23,457", "24,438"],
                &["Premises Costs", "1,433", "1,279"],
                &["Income Category", "Approved budget £000s", "Outturn"],
                &["Grant Funding", "109,989", "97,202"],
            ]),
            None,
        )
        .unwrap();
        assert_eq!(t.header[0], "Expenditure Category");
    }

    #[test]
    fn a_first_row_phrased_like_the_rows_below_is_no_header() {
        // Norfolk's inspection report, p. 4: the four point scale.
        let t = build(
            grid_rows(&[
                &[
                    "Outstanding (Grade 1)",
                    "A service that significantly exceeds minimum requirements",
                ],
                &[
                    "Good (Grade 2)",
                    "A service that exceeds minimum requirements",
                ],
                &[
                    "Adequate (Grade 3)",
                    "A service that only meets minimum requirements",
                ],
                &[
                    "Inadequate (Grade 4)",
                    "A service that does not meet minimum requirements",
                ],
            ]),
            None,
        )
        .unwrap();
        assert!(t.header.iter().all(|h| h.is_empty()), "{:?}", t.header);
        assert_eq!(t.rows.len(), 4);
    }

    #[test]
    fn a_stack_of_boxed_entries_under_a_heading_box_is_a_one_column_table() {
        // Wiltshire's area SEND report, p. 5, a ruled one-column grid.
        let rows = grid_rows(&[
            &["Areas for improvement"],
            &["Some children and young people wait too long for assessment and diagnosis across several health services. The local area partnership's records lack robust information about how long some children are waiting."],
            &["Young people's experiences are more variable post-16 and up to 25 in the area. This is because the opportunities to follow their aspirations are inhibited by limited choice, late transition planning or restrictions in support packages."],
        ]);
        assert!(!is_layout_grid(&rows, Some("Areas for improvement")));
        let t = build(rows.clone(), None).unwrap();
        assert_eq!(t.header, ["Areas for improvement"]);
        assert_eq!(t.rows.len(), 2);
        assert!(t.rows[1][0].starts_with("Young people's experiences"));
        // A heading box over one entry is a framed box of prose.
        assert!(build(rows[..2].to_vec(), None).is_none());
        // One-cell lines of a text input are no table.
        let mut plain = rows;
        plain.iter_mut().for_each(|r| r.grid = None);
        assert!(build(plain, None).is_none());
    }

    #[test]
    fn a_numbered_paragraph_above_a_ruled_grid_is_not_its_header() {
        // Norfolk's inspection report, p. 4: `3. | All inspection
        // judgements …` set as a line of two cells (x = 57 and 85) above
        // the grid of the four point scale (columns 57-205, 205-538).
        let at = |cells: &[(&str, f32, f32)], grid: Option<u32>, y: f32| Row {
            cells: cells.iter().map(|c| c.0.to_string()).collect(),
            edges: Some(cells.iter().map(|c| (c.1, c.2)).collect()),
            page: 4,
            grid,
            y,
            size: 12.0,
        };
        let para = at(
            &[
                ("3.", 57.0, 66.0),
                (
                    "All inspection judgements are made using the following four point scale.",
                    85.0,
                    480.0,
                ),
            ],
            None,
            300.0,
        );
        let row = at(
            &[
                ("Good (Grade 2)", 57.0, 205.0),
                ("A service that exceeds minimum requirements", 205.0, 538.0),
            ],
            Some(0),
            330.0,
        );
        assert!(!in_columns_of(&[&para], &row));
        // Names standing one in each column head it.
        let names = at(
            &[("Grade", 60.0, 90.0), ("Meaning", 208.0, 260.0)],
            None,
            316.0,
        );
        assert!(in_columns_of(&[&names], &row));
    }

    #[test]
    fn a_heading_wrapped_onto_a_short_tail_is_read_whole() {
        // Norfolk's inspection report, p. 4 (nearest line first).
        let lines = [
            "mean".to_string(),
            "The inspection judgements and what they".to_string(),
        ];
        assert_eq!(
            nearest_heading(&lines, &[]).as_deref(),
            Some("The inspection judgements and what they mean")
        );
        // The first line of a wrapped sentence is no heading.
        let lines = [
            "figures for the year to date show a clear rise in referrals.".to_string(),
            "The".to_string(),
        ];
        assert_eq!(nearest_heading(&lines, &[]), None);
    }

    #[test]
    fn contents_entries_run_into_one_row_keep_their_page_numbers() {
        // Stockton's inspection report, p. 4.
        let rows = grid_rows(&[
            &["The Local Safeguarding Children Board (LSCB)", "38"],
            &[
                "Executive summary Recommendations Inspection findings – the Local Safeguarding Children Board",
                "38 39 39",
            ],
            &["Information about this inspection", "44"],
        ]);
        assert!(is_contents(&rows, None));
        let rows = grid_rows(&[
            &["Executive summary", "2 9 4"],
            &["Information about this inspection", "44"],
        ]);
        assert!(!is_contents(&rows, None), "page numbers going down");
    }

    #[test]
    fn a_first_row_of_ratings_like_the_rows_below_is_no_header() {
        let t = tables(
            "Key to ratings\n\nGREEN\tTarget has been achieved\nAMBER\tFloor achieved, Target not met\nRED\tFloor not achieved\n",
        );
        assert_eq!(t[0].header, ["", ""]);
        assert_eq!(t[0].rows.len(), 3);
        assert_eq!(t[0].rows[0], ["GREEN", "Target has been achieved"]);
        // Names over a column of codes still head it.
        let t = tables("Team\tRating\nNorth\tRED\nSouth\tGREEN\n");
        assert_eq!(t[0].header, ["Team", "Rating"]);
    }

    #[test]
    fn section_headings_are_short_title_case_lines() {
        assert!(is_section_heading(
            "Performance Challenges in Targeted Services"
        ));
        assert!(is_section_heading("5a | Adult Social Care & Health"));
        assert!(!is_section_heading("There are no major variance to report"));
        assert!(!is_section_heading("Highways &"));
        assert!(!is_section_heading(
            "Police Central Analytical Team but other speakers covered Serious Violence, Youth"
        ));
    }

    #[test]
    fn html_in_cells_is_stripped_and_footnotes_kept_apart() {
        let t = tables(
            "<u>Overview</u>\t<u>End of Q3</u> Oct-Dec\nOpen cases\t305\n*Figures exclude transfers\t\n",
        );
        assert_eq!(t[0].header, ["Overview", "End of Q3 Oct-Dec"]);
        assert_eq!(t[0].rows, [["Open cases", "305"]]);
        assert_eq!(t[0].notes, ["*Figures exclude transfers"]);
    }
}

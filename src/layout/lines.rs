//! Positioned glyphs and ruling lines -> lines and table rows, per page.
//!
//! Owns reading order inside a page: glyphs are grouped into lines by
//! baseline, lines into cells where a wide gap or a vertical rule separates
//! them, and the glyphs inside a ruled grid into rows of cells (each cell's
//! wrapped lines joined), so that a ruled table row reads exactly like a
//! tab-separated line of a text input. It does not own page furniture
//! (see `furniture`) nor what a table means (the `grammars` crate).

use super::grids::{find_grids, Grid, TOL};
use super::typography::Faces;
use crate::pdf::device::{Glyph, RawPage, Rule};
use grammars::{Cell, Line, Page};

/// A horizontal gap wider than this many font sizes starts a new cell.
const CELL_GAP: f32 = 1.0;
/// A gap wider than this many font sizes is a space between words.
const WORD_GAP: f32 = 0.12;

/// Rebuild one page's lines from what it draws.
pub fn page_lines(raw: &RawPage) -> Page {
    let (upright, rotated): (Vec<&Glyph>, Vec<&Glyph>) = raw
        .glyphs
        .iter()
        .filter(|g| !g.text.trim().is_empty() || g.text == " ")
        .partition(|g| !g.rotated);
    let grids: Vec<Grid> = find_grids(&raw.rules)
        .into_iter()
        .filter(|g| !is_stack(g) || entries_under_heading(g, &upright))
        .collect();
    let mut in_grid: Vec<Vec<Vec<&Glyph>>> = grids
        .iter()
        .map(|g| vec![Vec::new(); g.rows.len()])
        .collect();
    let mut flow = Vec::new();
    for g in upright {
        let (cx, cy) = (g.x + g.w / 2.0, g.y - g.size * 0.3);
        let hit = grids
            .iter()
            .enumerate()
            .find_map(|(gi, grid)| grid.row_at(cx, cy).map(|ri| (gi, ri)));
        match hit {
            Some((gi, ri)) => in_grid[gi][ri].push(g),
            None => flow.push(g),
        }
    }
    let verticals: Vec<Rule> = raw
        .rules
        .iter()
        .copied()
        .filter(Rule::is_vertical)
        .collect();
    let flow_lines: Vec<FlowLine> = group_lines(&flow)
        .into_iter()
        .map(|glyphs| flow_line(&glyphs, &verticals))
        .collect();
    let mut lines = super::columns::rebuild(flow_lines, grids.len() as u32, raw.height);
    for grid in &grids {
        split_band_above(grid, &flow, &mut lines);
    }
    for (gi, grid) in grids.iter().enumerate() {
        for (ri, row) in grid.rows.iter().enumerate() {
            let glyphs = &in_grid[gi][ri];
            if glyphs.is_empty() {
                continue;
            }
            let edges = match grid.nearest_columns(ri) {
                Some(edges) if row.columns.len() <= 2 && words_fit_columns(glyphs, edges) => edges,
                _ => row.columns.as_slice(),
            };
            let columns: Vec<(f32, f32)> = edges.windows(2).map(|w| (w[0], w[1])).collect();
            let cell_lines: Vec<Vec<CellLine>> = columns
                .iter()
                .map(|&(x0, x1)| {
                    group_lines(&in_column(glyphs, x0, x1))
                        .into_iter()
                        .map(|l| CellLine {
                            text: words(&l),
                            y: l.first().map_or(0.0, |g| g.y),
                            size: median_size(&l),
                        })
                        .filter(|l| !l.text.is_empty())
                        .collect()
                })
                .collect();
            for band in label_bands(&cell_lines, row.top) {
                let cells = columns
                    .iter()
                    .zip(&cell_lines)
                    .map(|(&(x0, x1), col)| {
                        let mut text = String::new();
                        for l in col.iter().filter(|l| l.y >= band.from && l.y < band.to) {
                            if !text.is_empty()
                                && !super::columns::joins_without_space(&text, &l.text)
                            {
                                text.push(' ');
                            }
                            text.push_str(&l.text);
                        }
                        Cell { text, x0, x1 }
                    })
                    .collect();
                let part: Vec<&Glyph> = glyphs
                    .iter()
                    .copied()
                    .filter(|g| g.y >= band.from && g.y < band.to)
                    .collect();
                let mut line = Line::from_cells(cells, band.top, median_size(&part), false);
                Faces::of(part.iter().copied()).mark(&mut line);
                line.table = Some(gi as u32);
                lines.push(line);
            }
        }
    }
    if !rotated.is_empty() {
        lines.extend(rotated_lines(&rotated));
    }
    lines.sort_by(|a, b| a.y.total_cmp(&b.y).then(a.x0().total_cmp(&b.x0())));
    Page {
        number: raw.number,
        label: None,
        width: raw.width,
        height: raw.height,
        lines,
    }
}

/// A grid of one column: a stack of ruled boxes.
fn is_stack(grid: &Grid) -> bool {
    grid.rows.iter().all(|r| r.columns.len() <= 2)
}

/// Whether a stack of ruled boxes is a one-column table: a heading box of
/// one line over entries of one paragraph each, their lines a line pitch
/// apart (Wiltshire's area SEND report, p. 5: `Areas for improvement`
/// over two boxed paragraphs). Boxed sections of a report's summary
/// (`Purpose of Report`, a blank line, then its text; a first box of
/// several fields) stay ordinary lines.
fn entries_under_heading(grid: &Grid, glyphs: &[&Glyph]) -> bool {
    let mut rows: Vec<Vec<&Glyph>> = vec![Vec::new(); grid.rows.len()];
    for g in glyphs {
        let (cx, cy) = (g.x + g.w / 2.0, g.y - g.size * 0.3);
        if let Some(ri) = grid.row_at(cx, cy) {
            rows[ri].push(g);
        }
    }
    let lines: Vec<Vec<Vec<&Glyph>>> = rows.iter().map(|r| group_lines(r)).collect();
    let Some((heading, entries)) = lines.split_first() else {
        return false;
    };
    heading.len() == 1
        && entries.iter().all(|entry| {
            !entry.is_empty()
                && entry.windows(2).all(|w| {
                    let y = |l: &[&Glyph]| l.first().map_or(0.0, |g| g.y);
                    y(&w[1]) - y(&w[0]) <= median_size(&w[1]) * 1.6
                })
        })
}

/// The glyphs whose centres fall in the column from `x0` to `x1`.
fn in_column<'a>(glyphs: &[&'a Glyph], x0: f32, x1: f32) -> Vec<&'a Glyph> {
    glyphs
        .iter()
        .copied()
        .filter(|g| {
            let cx = g.x + g.w / 2.0;
            cx >= x0 && cx < x1
        })
        .collect()
}

/// Glyphs set in the columns between `edges`, a cell per column, each
/// cell's wrapped lines joined.
fn cells_at(glyphs: &[&Glyph], edges: &[f32]) -> Vec<Cell> {
    let mut cells = Vec::new();
    for (x0, x1) in edges.windows(2).map(|w| (w[0], w[1])) {
        let mut text = String::new();
        for l in group_lines(&in_column(glyphs, x0, x1)) {
            let w = words(&l);
            if w.is_empty() {
                continue;
            }
            if !text.is_empty() && !super::columns::joins_without_space(&text, &w) {
                text.push(' ');
            }
            text.push_str(&w);
        }
        cells.push(Cell { text, x0, x1 });
    }
    cells
}

/// Whether a band's words sit in the columns between `edges`: no word
/// crosses an edge (on every printed line the gap at each edge is wider
/// than a word space), the words stand in two or more columns, and at one
/// edge at least the gap is as wide as a gap between cells. A shaded band
/// drawn without the rules between its cells reads so ("TOTAL PAY" under
/// the first column, "21,845.7", "12,524.5", "11,863.6" under the figures
/// of the budget templates); a title running across the table does not,
/// its words a space apart where they cross the columns.
fn words_fit_columns(glyphs: &[&Glyph], edges: &[f32]) -> bool {
    if edges.len() < 3 {
        return false;
    }
    let inner = &edges[1..edges.len() - 1];
    let mut used = vec![false; edges.len() - 1];
    let mut wide = false;
    for line in group_lines(glyphs) {
        let ink: Vec<&Glyph> = line
            .into_iter()
            .filter(|g| !g.text.trim().is_empty())
            .collect();
        if ink.is_empty() {
            continue;
        }
        let size = median_size(&ink).max(1.0);
        for g in &ink {
            let cx = g.x + g.w / 2.0;
            let column = edges.partition_point(|&e| e <= cx).clamp(1, used.len()) - 1;
            used[column] = true;
        }
        for &e in inner {
            let left_end = ink
                .iter()
                .filter(|g| g.x + g.w / 2.0 < e)
                .map(|g| g.x + g.w)
                .fold(f32::NEG_INFINITY, f32::max);
            let right_start = ink
                .iter()
                .filter(|g| g.x + g.w / 2.0 >= e)
                .map(|g| g.x)
                .fold(f32::INFINITY, f32::min);
            if !left_end.is_finite() || !right_start.is_finite() {
                continue;
            }
            let gap = right_start - left_end;
            if gap <= size * WORD_GAP {
                return false;
            }
            wide |= gap > size * CELL_GAP;
        }
    }
    wide && used.iter().filter(|&&u| u).count() >= 2
}

/// A header band set directly above a ruled grid without the grid's rules
/// (white names on a shaded band, as the budget templates' "2027-28
/// £000's" and "Service Area" a word space apart): the one line between the
/// band's top and the grid's first rule is split at the columns of the
/// grid's first row when its words sit in them and that gives more cells
/// than the gaps did.
fn split_band_above(grid: &Grid, flow: &[&Glyph], lines: &mut [Line]) {
    let Some(first) = grid.rows.first() else {
        return;
    };
    let top = first.top;
    let Some(li) = lines
        .iter()
        .enumerate()
        .filter(|(_, l)| l.y < top)
        .max_by(|a, b| a.1.y.total_cmp(&b.1.y))
        .map(|(i, _)| i)
    else {
        return;
    };
    let line = &lines[li];
    let size = line.size.max(1.0);
    if top - line.y > size * 5.0
        || line.x0() < grid.x0 - TOL
        || line.cells.iter().any(|c| c.x1 > grid.x1 + TOL)
    {
        return;
    }
    let band: Vec<&Glyph> = flow
        .iter()
        .copied()
        .filter(|g| g.y > line.y && g.y - g.size * 0.3 < top)
        .filter(|g| g.x + g.w / 2.0 >= grid.x0 && g.x + g.w / 2.0 <= grid.x1)
        .collect();
    if !words_fit_columns(&band, &first.columns) {
        return;
    }
    let cells: Vec<Cell> = cells_at(&band, &first.columns);
    let filled = |cells: &[Cell]| cells.iter().filter(|c| !c.text.is_empty()).count();
    if filled(&cells) <= filled(&line.cells) {
        return;
    }
    let mut split = Line::from_cells(cells, line.y, line.size, line.bold);
    split.italic = line.italic;
    split.table = line.table;
    lines[li] = split;
}

/// One printed line inside a grid cell: its words and baseline.
struct CellLine {
    text: String,
    y: f32,
    size: f32,
}

/// The baselines a grid row's glyphs are read between to make one line,
/// and that line's `y`.
struct Band {
    from: f32,
    to: f32,
    top: f32,
}

/// How a grid row's cells make lines. As a rule the whole row is one line,
/// each cell's wrapped lines joined. A front sheet may instead stack its
/// labels in one cell, each on a line of its own, with their values beside
/// them (Gloucester's "Subject: / Report Of: / Wards Affected: / Key
/// Decision: / Contact Officer:" over five values). Where every
/// line of the first cell is such a head and each has a value printed
/// level with it, each head makes a line of its own holding the values
/// from its baseline (or from just above, level with it) to the next
/// head's.
fn label_bands(cells: &[Vec<CellLine>], top: f32) -> Vec<Band> {
    let whole = vec![Band {
        from: f32::NEG_INFINITY,
        to: f32::INFINITY,
        top,
    }];
    let Some((heads, values)) = cells.split_first() else {
        return whole;
    };
    let stacked = heads.len() >= 2
        && heads.iter().all(|l| is_row_head(&l.text))
        && heads.iter().all(|l| {
            values
                .iter()
                .flatten()
                .any(|v| (v.y - l.y).abs() <= l.size * LEVEL)
        });
    if !stacked {
        return whole;
    }
    // A line goes with the head below it only when level with it, else
    // with the head above: a value of several lines follows its head.
    let mid = |a: &CellLine, b: &CellLine| ((a.y + b.y) / 2.0).max(b.y - b.size * LEVEL);
    heads
        .iter()
        .enumerate()
        .map(|(k, l)| {
            let (from, top) = match k.checked_sub(1).and_then(|j| heads.get(j)) {
                Some(prev) => (mid(prev, l), mid(prev, l)),
                None => (f32::NEG_INFINITY, top),
            };
            let to = heads.get(k + 1).map_or(f32::INFINITY, |n| mid(l, n));
            Band { from, to, top }
        })
        .collect()
}

/// How far from a row head's baseline, in its font sizes, a value counts
/// as printed level with it (a head centred on a value of two lines sits
/// half a line off each).
pub(super) const LEVEL: f32 = 0.75;

/// A row head stacked in a cell: a label ending in ':' ("Report Of:").
/// Paragraph numbers stacked so ("2.2 2.3 2.4") are not parted here: rows
/// parted by them move list items and tables that search relies on, and
/// want a reading of their own (an unruled column of numbers on bold
/// lines is, see `columns::head_records`).
pub(super) fn is_row_head(t: &str) -> bool {
    t.ends_with(':') && t.chars().count() <= 40
}

/// Lines at the foot of a page read as header rows of the table that
/// starts the next page.
const FOOT_HEADER_LINES: usize = 3;
/// The longest column name, in characters, of a header left at the foot
/// of a page.
const MAX_NAME: usize = 40;

/// A table whose header row the PDF breaks across a page: the names left
/// at the foot of the earlier page are set in the columns of the rows on
/// the next, but as plain lines they carry no column positions. Each such
/// line (up to three, from the foot up) that splits into names standing in
/// two or more of those columns becomes a row of cells at the columns'
/// positions, so the table grammar can join it to the rows below the
/// break. `raws` and `pages` are the same pages in the same order,
/// furniture already removed from `pages`.
pub fn split_headers(raws: &[RawPage], pages: &mut [Page]) {
    for n in 1..pages.len().min(raws.len()) {
        let Some(table) = top_table(&pages[n], &raws[n]) else {
            continue;
        };
        let (before, _) = pages.split_at_mut(n);
        let Some(page) = before.last_mut() else {
            continue;
        };
        let raw = &raws[n - 1];
        let id = page
            .lines
            .iter()
            .filter_map(|l| l.table)
            .max()
            .map_or(0, |t| t + 1);
        let mut rows = Vec::new();
        for (i, line) in page.lines.iter().enumerate().rev() {
            if line.is_blank() {
                continue;
            }
            if line.table.is_some() || rows.len() == FOOT_HEADER_LINES {
                break;
            }
            match header_cells(raw, line, &table) {
                Some(cells) => rows.push((i, cells)),
                None => break,
            }
        }
        for (i, cells) in rows {
            let line = &page.lines[i];
            let mut row = Line::from_cells(cells, line.y, line.size, line.bold);
            row.italic = line.italic;
            row.table = Some(id);
            page.lines[i] = row;
        }
    }
}

/// The table rows that open a page: their columns (from the row with most
/// filled cells) and where their cells' words start, as printed.
struct TopTable {
    columns: Vec<(f32, f32)>,
    starts: Vec<f32>,
}

fn top_table(page: &Page, raw: &RawPage) -> Option<TopTable> {
    let first = page.lines.iter().find(|l| !l.is_blank())?;
    let table = first.table?;
    let rows: Vec<&Line> = page
        .lines
        .iter()
        .filter(|l| l.table == Some(table))
        .collect();
    let mut columns: Vec<(f32, f32)> = Vec::new();
    for l in &rows {
        let filled: Vec<(f32, f32)> = l
            .cells
            .iter()
            .filter(|c| !c.text.trim().is_empty())
            .map(|c| (c.x0, c.x1))
            .collect();
        if filled.len() > columns.len() {
            columns = filled;
        }
    }
    if columns.len() < 2 {
        return None;
    }
    // The rows' words lie between the first row's top and the first line
    // below the last row (a grid row's `y` is its top rule).
    let top = first.y;
    let last = rows.iter().map(|l| l.y).fold(top, f32::max);
    let bottom = page
        .lines
        .iter()
        .filter(|l| l.table != Some(table) && l.y > last)
        .map(|l| l.y)
        .fold(page.height.max(last), f32::min);
    let glyphs: Vec<&Glyph> = raw
        .glyphs
        .iter()
        .filter(|g| !g.rotated && g.y >= top && g.y <= bottom)
        .collect();
    let starts = group_lines(&glyphs)
        .iter()
        .flat_map(|l| {
            let f = flow_line(l, &[]);
            f.cell_starts
                .iter()
                .filter_map(|&i| f.words.get(i).map(|w| w.x0))
                .collect::<Vec<_>>()
        })
        .collect();
    Some(TopTable { columns, starts })
}

/// A plain line split into names and put in the table's columns. A name
/// ends at a wide gap or where a word starts level with a cell of the rows
/// below (the rest of a header cell broken over the page starts where it
/// does). Each name goes to the column its left edge stands in, else the
/// one it overlaps most, else the nearest. `None` unless two or more
/// columns get names, in left-to-right order, and the words are the
/// line's whole text.
fn header_cells(raw: &RawPage, line: &Line, table: &TopTable) -> Option<Vec<Cell>> {
    let columns = &table.columns;
    let base = line.y + line.size;
    let (x0, x1) = (line.x0(), line.cells.last().map_or(0.0, |c| c.x1));
    let mut glyphs: Vec<&Glyph> = raw
        .glyphs
        .iter()
        .filter(|g| {
            !g.rotated
                && (g.y - base).abs() <= (g.size * 0.45).max(1.0)
                && g.x + g.w / 2.0 >= x0 - TOL
                && g.x + g.w / 2.0 <= x1 + TOL
        })
        .collect();
    glyphs.sort_by(|a, b| a.x.total_cmp(&b.x));
    let flow = flow_line(&glyphs, &[]);
    let squeeze = |s: &str| s.split_whitespace().collect::<String>();
    let words: String = flow.words.iter().map(|w| w.text.as_str()).collect();
    if squeeze(&words) != squeeze(&line.text) {
        return None;
    }
    let mut names: Vec<(f32, f32, Vec<&str>)> = Vec::new();
    for (i, w) in flow.words.iter().enumerate() {
        let aligned = table.starts.iter().any(|s| (s - w.x0).abs() <= TOL);
        match names.last_mut() {
            Some(name) if !flow.cell_starts.contains(&i) && !aligned => {
                name.1 = w.x1;
                name.2.push(&w.text);
            }
            _ => names.push((w.x0, w.x1, vec![&w.text])),
        }
    }
    let mut texts: Vec<Vec<&str>> = vec![Vec::new(); columns.len()];
    let mut last = 0;
    for (n0, n1, ws) in names {
        let overlap = |c: &(f32, f32)| n1.min(c.1) - n0.max(c.0);
        let mid = (n0 + n1) / 2.0;
        let dist = |c: &(f32, f32)| ((c.0 + c.1) / 2.0 - mid).abs();
        let k = columns
            .iter()
            .position(|c| c.0 - TOL <= n0 && n0 <= c.1)
            .or_else(|| {
                (0..columns.len())
                    .filter(|&k| overlap(&columns[k]) > 0.0)
                    .max_by(|&a, &b| overlap(&columns[a]).total_cmp(&overlap(&columns[b])))
            })
            .or_else(|| {
                (0..columns.len()).min_by(|&a, &b| dist(&columns[a]).total_cmp(&dist(&columns[b])))
            })?;
        if k < last {
            return None;
        }
        last = k;
        texts[k].extend(ws);
    }
    // Column names are short and name something: a run of prose or a
    // bullet beside its text is no header.
    let names: Vec<String> = texts.iter().map(|t| t.join(" ")).collect();
    if names.iter().filter(|t| !t.is_empty()).count() < 2
        || names.iter().any(|t| {
            t.chars().count() > MAX_NAME || (!t.is_empty() && !t.chars().any(char::is_alphanumeric))
        })
    {
        return None;
    }
    Some(
        texts
            .iter()
            .zip(columns)
            .map(|(t, c)| Cell {
                text: t.join(" "),
                x0: c.0,
                x1: c.1,
            })
            .collect(),
    )
}

/// Group glyphs into lines by baseline; each line's glyphs sorted left to right.
fn group_lines<'a>(glyphs: &[&'a Glyph]) -> Vec<Vec<&'a Glyph>> {
    let mut sorted: Vec<&Glyph> = glyphs.to_vec();
    sorted.sort_by(|a, b| a.y.total_cmp(&b.y).then(a.x.total_cmp(&b.x)));
    let mut lines: Vec<Vec<&Glyph>> = Vec::new();
    let mut base = f32::NEG_INFINITY;
    for g in sorted {
        let tol = (g.size * 0.45).max(1.0);
        match lines.last_mut() {
            Some(line) if (g.y - base).abs() <= tol => line.push(g),
            _ => {
                base = g.y;
                lines.push(vec![g]);
            }
        }
    }
    for line in &mut lines {
        line.sort_by(|a, b| a.x.total_cmp(&b.x));
    }
    lines
}

/// The words of one line of glyphs, spaces put back where the gaps are.
fn words(glyphs: &[&Glyph]) -> String {
    let mut s = String::new();
    let mut end = f32::NEG_INFINITY;
    let mut last: Option<(&Glyph, bool)> = None;
    for g in glyphs {
        if g.text == " " {
            if !s.is_empty() && !s.ends_with(' ') {
                s.push(' ');
            }
            end = end.max(g.x + g.w);
            continue;
        }
        let suffix = last.is_some_and(|(p, raised)| raised_suffix(p, raised, g));
        last = Some((g, suffix));
        if suffix {
            if s.ends_with(' ') {
                s.pop();
            }
        } else if !s.is_empty() && !s.ends_with(' ') && g.x - end > g.size.max(1.0) * WORD_GAP {
            s.push(' ');
        }
        s.push_str(&g.text);
        end = g.x + g.w;
    }
    s.trim().to_string()
}

/// Whether glyph `g` continues the word of `prev` as a raised suffix: a
/// letter set smaller (under four fifths the size) with its baseline
/// raised (by a fifth of the size before it or more), starting where `prev`
/// ends, after a digit or after a letter of the same suffix. An ordinal's
/// superscript ("3" then a raised, smaller "rd"): one word, also where the
/// text layer lays a space glyph under it. Newbiggin's minutes of
/// September 2019 set "3" (12 pt, baseline 61.1, ending at x 331.0) and
/// "rd" (7 pt, baseline 56.4, from x 331.1) over a space glyph at 331.0.
fn raised_suffix(prev: &Glyph, prev_raised: bool, g: &Glyph) -> bool {
    let letter = g.text.chars().all(char::is_alphabetic);
    let touching = (g.x - (prev.x + prev.w)).abs() <= prev.size.max(1.0) * WORD_GAP;
    if !letter || !touching {
        return false;
    }
    if prev_raised {
        return (g.size - prev.size).abs() <= 0.5 && (g.y - prev.y).abs() <= 0.5;
    }
    prev.text.chars().last().is_some_and(|c| c.is_ascii_digit())
        && g.size < prev.size * 0.8
        && prev.y - g.y >= prev.size * 0.2
}

/// One printed line outside ruled grids: its words, and its cells (words
/// separated by a wide gap or a vertical rule).
#[derive(Debug, Clone)]
pub struct FlowLine {
    /// Baseline.
    pub y: f32,
    pub size: f32,
    pub words: Vec<Word>,
    /// Index of the first word of each cell.
    pub cell_starts: Vec<usize>,
    /// How many of its characters are bold and italic.
    pub faces: Faces,
}

#[derive(Debug, Clone)]
pub struct Word {
    pub x0: f32,
    pub x1: f32,
    pub text: String,
}

impl FlowLine {
    /// The line as cells.
    pub fn to_line(&self) -> Line {
        let mut cells = Vec::new();
        for (k, &start) in self.cell_starts.iter().enumerate() {
            let end = self
                .cell_starts
                .get(k + 1)
                .copied()
                .unwrap_or(self.words.len());
            let ws = &self.words[start..end];
            if ws.is_empty() {
                continue;
            }
            cells.push(Cell {
                text: ws
                    .iter()
                    .map(|w| w.text.as_str())
                    .collect::<Vec<_>>()
                    .join(" "),
                x0: ws[0].x0,
                x1: ws[ws.len() - 1].x1,
            });
        }
        let mut line = Line::from_cells(cells, self.y - self.size, self.size, false);
        self.faces.mark(&mut line);
        line
    }
}

fn flow_line(glyphs: &[&Glyph], verticals: &[Rule]) -> FlowLine {
    // Only rules that reach this line's height can separate its cells; the
    // per-glyph test below is exact, this just keeps it off the rest of
    // the page's rules.
    let (lo, hi, size) = glyphs.iter().fold(
        (f32::INFINITY, f32::NEG_INFINITY, 0.0f32),
        |(lo, hi, size), g| (lo.min(g.y), hi.max(g.y), size.max(g.size)),
    );
    let verticals: Vec<Rule> = verticals
        .iter()
        .copied()
        .filter(|r| r.y0 - TOL <= hi && r.y1 + TOL >= lo - size * 0.6)
        .collect();
    let mut words: Vec<Word> = Vec::new();
    let mut cell_starts = Vec::new();
    let mut end = f32::NEG_INFINITY;
    let mut in_word = false;
    // The last glyph put in a word, and whether it was a raised suffix.
    let mut last: Option<(&Glyph, bool)> = None;
    for g in glyphs {
        if g.text.trim().is_empty() {
            in_word = false;
            end = end.max(g.x + g.w);
            continue;
        }
        let gap = g.x - end;
        let size = g.size.max(1.0);
        let ruled = verticals.iter().any(|r| {
            let x = (r.x0 + r.x1) / 2.0;
            x > end && x < g.x && r.y0 - TOL <= g.y && r.y1 + TOL >= g.y - g.size * 0.6
        });
        let suffix = last.is_some_and(|(p, raised)| raised_suffix(p, raised, g));
        let new_cell = words.is_empty() || (gap > size * CELL_GAP && !suffix) || ruled;
        let new_word = new_cell || (!suffix && (!in_word || gap > size * WORD_GAP));
        last = Some((g, suffix));
        if new_word {
            if new_cell {
                cell_starts.push(words.len());
            }
            words.push(Word {
                x0: g.x,
                x1: g.x + g.w,
                text: g.text.to_string(),
            });
        } else if let Some(w) = words.last_mut() {
            w.text.push_str(&g.text);
            w.x1 = g.x + g.w;
        }
        in_word = true;
        end = g.x + g.w;
    }
    let all: Vec<&Glyph> = glyphs.to_vec();
    let y = glyphs.iter().map(|g| g.y).fold(f32::NEG_INFINITY, f32::max);
    FlowLine {
        y,
        size: median_size(&all),
        words,
        cell_starts,
        faces: Faces::of(glyphs.iter().copied()),
    }
}

fn median_size(glyphs: &[&Glyph]) -> f32 {
    let mut sizes: Vec<f32> = glyphs.iter().map(|g| g.size).collect();
    if sizes.is_empty() {
        return 0.0;
    }
    sizes.sort_by(f32::total_cmp);
    sizes[sizes.len() / 2]
}

/// Rotated glyphs (vertical labels, rotated headers) read as lines of their
/// own, grouped by their x position, so their text is not lost.
fn rotated_lines(glyphs: &[&Glyph]) -> Vec<Line> {
    let mut sorted: Vec<&Glyph> = glyphs.to_vec();
    sorted.sort_by(|a, b| a.x.total_cmp(&b.x).then(b.y.total_cmp(&a.y)));
    let mut groups: Vec<Vec<&Glyph>> = Vec::new();
    let mut base = f32::NEG_INFINITY;
    for g in sorted {
        match groups.last_mut() {
            Some(group) if (g.x - base).abs() <= g.size * 0.45 => group.push(g),
            _ => {
                base = g.x;
                groups.push(vec![g]);
            }
        }
    }
    groups
        .into_iter()
        .map(|group| {
            let text: String = group.iter().map(|g| g.text.as_str()).collect();
            let x = group[0].x;
            let y = group.iter().map(|g| g.y).fold(f32::INFINITY, f32::min);
            let cell = Cell {
                text: text.split_whitespace().collect::<Vec<_>>().join(" "),
                x0: x,
                x1: x + group[0].size,
            };
            let mut line = Line::from_cells(vec![cell], y, median_size(&group), false);
            Faces::of(group.iter().copied()).mark(&mut line);
            line
        })
        .filter(|l| !l.is_blank())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn glyphs(text: &str, x: f32, y: f32, size: f32) -> Vec<Glyph> {
        text.chars()
            .enumerate()
            .map(|(i, c)| Glyph {
                x: x + i as f32 * size * 0.5,
                y,
                w: size * 0.5,
                size,
                text: c.to_string().as_str().into(),
                rotated: false,
                bold: false,
                italic: false,
            })
            .collect()
    }

    /// The lines of an A4 page `number` holding `glyphs` and `rules`.
    fn a4_page(number: u32, glyphs: Vec<Glyph>, rules: Vec<Rule>) -> Page {
        page_lines(&RawPage {
            number,
            width: 595.0,
            height: 842.0,
            glyphs,
            rules,
            image_cover: 0.0,
        })
    }

    fn rule(x0: f32, y0: f32, x1: f32, y1: f32) -> Rule {
        Rule { x0, y0, x1, y1 }
    }

    #[test]
    fn wide_gaps_make_cells_and_narrow_gaps_make_spaces() {
        let mut g = glyphs("Total", 50.0, 100.0, 10.0);
        g.extend(glyphs("spend", 78.0, 100.0, 10.0));
        g.extend(glyphs("£4.1m", 200.0, 100.0, 10.0));
        let page = a4_page(1, g, vec![]);
        assert_eq!(page.lines.len(), 1);
        assert_eq!(page.lines[0].text, "Total spend\t£4.1m");
    }

    /// Newbiggin's minutes of September 2019, page 1, the title: "3" at
    /// 12 pt, then "rd" at 7 pt with its baseline 4.7 pt higher, drawn over
    /// a space glyph, then "September". The ordinal is one word; a number
    /// followed by a word on its own baseline, and a raised footnote digit,
    /// are not joined.
    #[test]
    fn a_raised_smaller_ordinal_suffix_joins_its_number() {
        let glyph = |x: f32, y: f32, w: f32, size: f32, t: &str| Glyph {
            x,
            y,
            w,
            size,
            text: t.into(),
            rotated: false,
            bold: true,
            italic: false,
        };
        let title = |suffix: &[(f32, f32, &str)], y: f32, size: f32| {
            let mut g = vec![
                glyph(314.97, 61.06, 4.0, 12.0, "-"),
                glyph(318.97, 61.06, 3.0, 12.0, " "),
                glyph(324.97, 61.06, 6.0, 12.0, "3"),
                glyph(327.99, 61.06, 3.0, 12.0, " "),
                glyph(331.00, 61.06, 3.0, 12.0, " "),
                glyph(334.98, 61.06, 3.0, 12.0, " "),
            ];
            for &(x, w, t) in suffix {
                g.push(glyph(x, y, w, size, t));
            }
            g.extend(glyphs("September", 341.1, 61.06, 12.0));
            let page = a4_page(1, g, vec![]);
            page.lines
                .iter()
                .map(|l| l.text.clone())
                .collect::<Vec<_>>()
        };
        let rd = [(331.10, 3.10, "r"), (334.10, 3.89, "d")];
        assert_eq!(title(&rd, 56.36, 7.0), ["- 3rd September"]);
        // The same letters on the number's baseline and size: a word.
        assert_eq!(title(&rd, 61.06, 12.0), ["- 3 rd September"]);
        // A raised digit after a number is a footnote mark, not a suffix.
        assert_eq!(
            title(&[(331.10, 3.5, "1")], 56.36, 7.0),
            ["- 3 1 September"]
        );
    }

    /// A one-column stack of three ruled boxes at 467, 483, 559 and 640
    /// pt (Wiltshire's area SEND report, p. 5) holding `lines` per box.
    fn stack_page(boxes: &[&[(&str, f32)]]) -> Page {
        let mut rules = vec![
            rule(57.0, 467.0, 57.0, 640.0),
            rule(538.0, 467.0, 538.0, 640.0),
        ];
        for y in [467.0, 483.0, 559.0, 640.0] {
            rules.push(rule(57.0, y, 538.0, y));
        }
        let g = boxes
            .iter()
            .flat_map(|b| b.iter())
            .flat_map(|(t, y)| glyphs(t, 62.0, *y, 10.0))
            .collect();
        a4_page(5, g, rules)
    }

    #[test]
    fn a_heading_box_over_boxed_paragraphs_is_a_one_column_grid() {
        let page = stack_page(&[
            &[("Areas for improvement", 479.0)],
            &[
                ("Some children and young people wait too long", 495.0),
                ("for assessment and diagnosis across several", 510.0),
            ],
            &[
                ("Young people's experiences are more variable", 574.0),
                ("post-16 and up to 25 in the area.", 589.0),
            ],
        ]);
        let texts: Vec<(&str, Option<u32>)> = page
            .lines
            .iter()
            .map(|l| (l.text.as_str(), l.table))
            .collect();
        assert_eq!(
            texts,
            [
                ("Areas for improvement", Some(0)),
                (
                    "Some children and young people wait too long for assessment and diagnosis across several",
                    Some(0)
                ),
                (
                    "Young people's experiences are more variable post-16 and up to 25 in the area.",
                    Some(0)
                ),
            ]
        );
        // Boxed sections of a report's summary, a label and a blank line
        // over each text (the combined authority's reports, p. 1), stay
        // lines.
        let page = stack_page(&[
            &[("Key Decision Yes", 479.0)],
            &[
                ("Purpose of Report", 495.0),
                ("To provide an update", 525.0),
            ],
            &[("Recommendation", 574.0), ("That Committee:", 604.0)],
        ]);
        assert_eq!(page.lines.len(), 5);
        assert!(page.lines.iter().all(|l| l.table.is_none()));
    }

    #[test]
    fn ruled_grid_rows_join_wrapped_cell_lines() {
        // Two columns, one row; the right cell wraps over two lines and the
        // left cell's number sits between them, as in the minutes grid.
        let rules = vec![
            rule(40.0, 90.0, 400.0, 90.0),
            rule(40.0, 130.0, 400.0, 130.0),
            rule(40.0, 90.0, 40.0, 130.0),
            rule(80.0, 90.0, 80.0, 130.0),
            rule(400.0, 90.0, 400.0, 130.0),
        ];
        let mut g = glyphs("2.1", 45.0, 112.0, 10.0);
        g.extend(glyphs("Apologies", 85.0, 104.0, 10.0));
        g.extend(glyphs("received", 85.0, 120.0, 10.0));
        let page = a4_page(1, g, rules);
        assert_eq!(page.lines.len(), 1, "{:?}", page.lines);
        assert_eq!(page.lines[0].text, "2.1\tApologies received");
        assert_eq!(page.lines[0].table, Some(0));
    }

    /// Gloucester's LCTS report p1: five labels stacked in the front
    /// table's left cell, each value on its label's baseline, read as one
    /// row per label; a value wrapping under its label stays with it.
    #[test]
    fn labels_stacked_in_a_cell_make_a_row_each() {
        let rules = vec![
            rule(60.0, 170.0, 530.0, 170.0),
            rule(60.0, 270.0, 530.0, 270.0),
            rule(60.0, 170.0, 60.0, 270.0),
            rule(160.0, 170.0, 160.0, 270.0),
            rule(530.0, 170.0, 530.0, 270.0),
        ];
        let mut g = Vec::new();
        let rows = [
            ("Subject:", "Local Council Tax Support Scheme 2026/27"),
            ("Report Of:", "Cabinet Member for Resources"),
            ("Wards Affected:", "All"),
            ("Contact Officer:", "Karen Haile, Service Delivery Manager"),
        ];
        for (k, (label, value)) in rows.iter().enumerate() {
            let y = 185.0 + 18.0 * k as f32;
            g.extend(glyphs(label, 65.0, y, 10.0));
            g.extend(glyphs(value, 165.0, y, 10.0));
        }
        g.extend(glyphs(
            "Email: Karen.Haile@gloucester.gov.uk",
            165.0,
            257.0,
            10.0,
        ));
        let page = a4_page(1, g.clone(), rules.clone());
        let texts: Vec<&str> = page.lines.iter().map(|l| l.text.as_str()).collect();
        assert_eq!(
            texts,
            [
                "Subject:\tLocal Council Tax Support Scheme 2026/27",
                "Report Of:\tCabinet Member for Resources",
                "Wards Affected:\tAll",
                "Contact Officer:\tKaren Haile, Service Delivery Manager Email: Karen.Haile@gloucester.gov.uk",
            ]
        );
        assert!(page.lines.iter().all(|l| l.table == Some(0)));
        // A left cell that is no stack of labels keeps the row whole.
        let mut g2 = glyphs("Meeting:", 65.0, 185.0, 10.0);
        g2.extend(glyphs("Cabinet", 165.0, 185.0, 10.0));
        g2.extend(glyphs("Council", 165.0, 203.0, 10.0));
        let page = a4_page(1, g2, rules);
        assert_eq!(page.lines.len(), 1);
        assert_eq!(page.lines[0].text, "Meeting:\tCabinet Council");
    }

    /// A page opening with a ruled grid of three columns whose third
    /// starts at x = 243.
    fn grid_page(number: u32) -> RawPage {
        let mut g = glyphs("North", 45.0, 112.0, 10.0);
        g.extend(glyphs("12", 200.0, 112.0, 10.0));
        g.extend(glyphs("7", 243.0, 112.0, 10.0));
        RawPage {
            number,
            width: 595.0,
            height: 842.0,
            glyphs: g,
            rules: vec![
                rule(40.0, 90.0, 300.0, 90.0),
                rule(40.0, 130.0, 300.0, 130.0),
                rule(40.0, 90.0, 40.0, 130.0),
                rule(180.0, 90.0, 180.0, 130.0),
                rule(241.0, 90.0, 241.0, 130.0),
                rule(300.0, 90.0, 300.0, 130.0),
            ],
            image_cover: 0.0,
        }
    }

    #[test]
    fn header_left_at_the_foot_of_a_page_takes_the_next_pages_columns() {
        // "Q4" is set a word space after "Q3 cases": one cell as printed,
        // but it starts level with the third column below the break.
        let mut g = glyphs("Area", 50.0, 800.0, 10.0);
        g.extend(glyphs("Q3 cases", 200.0, 800.0, 10.0));
        g.extend(glyphs("Q4", 243.0, 800.0, 10.0));
        let raws = [
            RawPage {
                number: 1,
                width: 595.0,
                height: 842.0,
                glyphs: g,
                rules: vec![],
                image_cover: 0.0,
            },
            grid_page(2),
        ];
        let mut pages: Vec<Page> = raws.iter().map(page_lines).collect();
        assert_eq!(pages[0].lines[0].text, "Area\tQ3 cases Q4");
        split_headers(&raws, &mut pages);
        let head = &pages[0].lines[0];
        assert_eq!(head.text, "Area\tQ3 cases\tQ4");
        assert_eq!(head.table, Some(0));
        assert_eq!(head.cells[2].x0, pages[1].lines[0].cells[2].x0);
    }

    #[test]
    fn a_sentence_at_the_foot_of_a_page_stays_a_line() {
        let raws = [
            RawPage {
                number: 1,
                width: 595.0,
                height: 842.0,
                glyphs: glyphs("The figures are below", 50.0, 800.0, 10.0),
                rules: vec![],
                image_cover: 0.0,
            },
            grid_page(2),
        ];
        let mut pages: Vec<Page> = raws.iter().map(page_lines).collect();
        let before = pages[0].clone();
        split_headers(&raws, &mut pages);
        assert_eq!(pages[0], before);
    }

    #[test]
    fn prose_at_the_foot_of_a_page_is_no_header_however_it_falls() {
        // Two runs of words, the second starting level with the third
        // column below the break: but a column name is short.
        let mut g = glyphs("Business Partners and analytics. Non", 50.0, 800.0, 10.0);
        g.extend(glyphs(
            "delivery of these savings will have an impact",
            243.0,
            800.0,
            10.0,
        ));
        let raws = [
            RawPage {
                number: 1,
                width: 595.0,
                height: 842.0,
                glyphs: g,
                rules: vec![],
                image_cover: 0.0,
            },
            grid_page(2),
        ];
        let mut pages: Vec<Page> = raws.iter().map(page_lines).collect();
        let before = pages[0].clone();
        split_headers(&raws, &mut pages);
        assert_eq!(pages[0], before);
    }

    /// The budget templates' page 5, cut down: a header band of white
    /// names on a shaded ground above the grid, ruled rows, and a shaded
    /// "TOTAL PAY" band ruled above and below but with no rules between
    /// its cells. Column edges and word positions as the PDF draws them.
    fn budget_page(band: &[(&str, f32)]) -> RawPage {
        let edges = [17.0, 93.0, 580.0, 612.0, 645.0, 677.0, 781.0, 822.0];
        let mut rules = Vec::new();
        for y in [75.0, 140.0, 160.0, 172.0, 200.0] {
            rules.push(rule(17.0, y, 822.0, y));
        }
        for x in edges {
            rules.push(rule(x, 75.0, x, 160.0));
            rules.push(rule(x, 172.0, x, 200.0));
        }
        rules.push(rule(17.0, 160.0, 17.0, 172.0));
        rules.push(rule(822.0, 160.0, 822.0, 172.0));
        let mut g = Vec::new();
        for (text, x) in [
            ("MTFP Category", 19.0),
            ("2025-26", 586.0),
            ("2027-28", 652.0),
            ("Service Area", 678.7),
        ] {
            g.extend(glyphs(text, x, 62.0, 7.0));
        }
        for (text, x) in [("Pay", 19.0), ("9,361.1", 587.0), ("Unallocated", 679.0)] {
            g.extend(glyphs(text, x, 90.0, 7.0));
        }
        for (text, x) in [("Pay", 19.0), ("0.0", 601.0), ("Unallocated", 679.0)] {
            g.extend(glyphs(text, x, 150.0, 7.0));
        }
        for &(text, x) in band {
            g.extend(glyphs(text, x, 169.0, 7.0));
        }
        for (text, x) in [("Prices", 19.0), ("16,500.0", 583.0), ("Adults", 679.0)] {
            g.extend(glyphs(text, x, 190.0, 7.0));
        }
        RawPage {
            number: 5,
            width: 842.0,
            height: 595.0,
            glyphs: g,
            rules,
            image_cover: 0.0,
        }
    }

    fn cell_texts(line: &Line) -> Vec<&str> {
        line.cells.iter().map(|c| c.text.as_str()).collect()
    }

    #[test]
    fn a_band_without_rules_between_its_cells_takes_the_columns_of_the_rows_around_it() {
        let page = page_lines(&budget_page(&[
            ("TOTAL PAY", 19.0),
            ("21,845.7", 583.0),
            ("12,524.5", 615.0),
            ("11,863.6", 647.0),
        ]));
        let total = page
            .lines
            .iter()
            .find(|l| l.text.starts_with("TOTAL"))
            .expect("the band");
        assert_eq!(
            cell_texts(total),
            ["TOTAL PAY", "", "21,845.7", "12,524.5", "11,863.6", "", ""]
        );
        assert_eq!(total.table, Some(0));
    }

    #[test]
    fn a_title_across_a_band_stays_one_cell() {
        // Words a space apart where they cross the columns: no cells.
        let title = "Total for all services of the directorate";
        let page = page_lines(&budget_page(&[(title, 60.0)]));
        let band = page
            .lines
            .iter()
            .find(|l| l.text.starts_with("Total"))
            .expect("the band");
        assert_eq!(cell_texts(band), [title]);
    }

    #[test]
    fn a_header_band_above_a_grid_is_split_at_the_grids_columns() {
        let page = page_lines(&budget_page(&[]));
        let header = &page.lines[0];
        assert_eq!(
            cell_texts(header),
            [
                "MTFP Category",
                "",
                "2025-26",
                "",
                "2027-28",
                "Service Area",
                ""
            ]
        );
    }
}

//! Unruled column layouts: rows rebuilt from alignment and vertical gaps.
//!
//! Many councils print minutes and numbered reports as a borderless grid:
//! paragraph numbers in a left margin column (often vertically centred
//! against their paragraph), the text beside them, an ACTION BY column on the
//! right. Read line by line, the number lands between two lines of its text.
//! This module finds the page's column gutters (x ranges no word crosses,
//! recurring in several blocks of lines), then turns each block of lines
//! that respects them into one row whose cells are the columns, each
//! column's lines joined: the same shape as a ruled table row or a
//! tab-separated text line. A block whose left column holds only a bullet
//! becomes one plain line ("• the item, its wrapped lines joined").
//! Everything else stays line by line. Owns nothing about what rows mean.

use super::lines::{is_row_head, FlowLine, Word, LEVEL};
use super::typography::Faces;
use grammars::{Cell, Line};

/// A column gutter: left and right edge in points, and how many blocks of
/// lines show it.
type Gutter = (f32, f32, usize);

/// Narrowest gap between columns, in points.
const MIN_GUTTER: f32 = 4.0;
/// A gutter seen in one block only must be at least this wide, in points.
const WIDE_GUTTER: f32 = 8.0;

/// Turn a page's flow lines into lines and column rows. Rows of one run of
/// blocks share a table id, counted from `first_table`.
pub fn rebuild(mut flow: Vec<FlowLine>, first_table: u32, page_height: f32) -> Vec<Line> {
    flow.retain(|l| !l.words.is_empty());
    flow.sort_by(|a, b| a.y.total_cmp(&b.y));
    if flow.is_empty() {
        return Vec::new();
    }
    let blocks = blocks(&flow, page_height);
    let margins = margin_flags(&flow, page_height);
    let gutters = page_gutters(&flow, &blocks);
    if gutters.is_empty() {
        let mut out = Vec::new();
        let all: Vec<usize> = (0..flow.len()).collect();
        aligned_rows(&flow, &all, &margins, &mut first_table.clone(), &mut out);
        return out;
    }
    let mut out = Vec::new();
    let mut plain: Vec<usize> = Vec::new();
    let mut region: Vec<(usize, u32)> = Vec::new();
    let mut table = first_table;
    let mut in_run = false;
    // A run starts at a block with content on both sides of a gutter; blocks
    // that respect the gutters but sit in one column join the run they are
    // next to (a paragraph continued from the previous page, or onto a second
    // block inside one cell).
    let kinds: Vec<BlockKind> = blocks
        .iter()
        .map(|b| classify(&flow[b.0..b.1], &gutters, margins[b.0]))
        .collect();
    let in_region: Vec<bool> = (0..blocks.len())
        .map(|i| match kinds[i] {
            BlockKind::Split => true,
            BlockKind::OneColumn => {
                let near = |j: Option<usize>| {
                    j.map(|j| kinds[j] != BlockKind::Crossing).unwrap_or(false)
                        && j.map(|j| region_reach(&kinds, j)).unwrap_or(false)
                };
                near(i.checked_sub(1)) || near(Some(i + 1).filter(|&j| j < blocks.len()))
            }
            BlockKind::Crossing | BlockKind::Bullets => false,
        })
        .collect();
    // A region of one single line is no column layout: left plain, it may
    // be the header of a table of spaced single-line rows below it.
    let mut in_region = in_region;
    let mut k = 0;
    while k < blocks.len() {
        if !in_region[k] {
            k += 1;
            continue;
        }
        let mut e = k;
        while e + 1 < blocks.len() && in_region[e + 1] {
            e += 1;
        }
        let lines: usize = blocks[k..=e].iter().map(|b| b.1 - b.0).sum();
        if lines == 1 {
            in_region[k] = false;
        }
        k = e + 1;
    }
    for (i, &(start, end)) in blocks.iter().enumerate() {
        let lines = &flow[start..end];
        if !in_region[i] && kinds[i] != BlockKind::Bullets {
            if in_run {
                table += 1;
                in_run = false;
            }
            plain.extend(start..end);
            continue;
        }
        aligned_rows(&flow, &plain, &margins, &mut table, &mut out);
        plain.clear();
        if kinds[i] == BlockKind::Bullets {
            if in_run {
                table += 1;
                in_run = false;
            }
            out.extend(bullet_items(lines, &respected_gutters(lines, &gutters)));
            continue;
        }
        region.push((i, table));
        in_run = true;
    }
    if in_run {
        table += 1;
    }
    aligned_rows(&flow, &plain, &margins, &mut table, &mut out);
    // Rows of one run of blocks, each split at the page gutters it keeps
    // to and at the gutters the run's own blocks share: a table whose
    // rows are single lines shows its narrower columns only there.
    let mut k = 0;
    while k < region.len() {
        let id = region[k].1;
        let run: Vec<usize> = region[k..]
            .iter()
            .take_while(|r| r.1 == id)
            .map(|r| r.0)
            .collect();
        k += run.len();
        let local = run_gutters(&flow, &blocks, &run);
        for &b in &run {
            let lines = &flow[blocks[b].0..blocks[b].1];
            let mut respected = respected_gutters(lines, &gutters);
            for g in &local {
                let free = respected.iter().all(|r| r.1 <= g.0 || r.0 >= g.1);
                if free && !crosses(lines, *g) {
                    respected.push(*g);
                }
            }
            respected.sort_by(|a, b| a.0.total_cmp(&b.0));
            for record in records(lines, &respected) {
                let lines = &lines[record];
                let row = row_of(lines, &respected);
                let mut line =
                    Line::from_cells(row, lines[0].y - lines[0].size, lines[0].size, false);
                lines
                    .iter()
                    .fold(Faces::default(), |f, l| f.and(l.faces))
                    .mark(&mut line);
                line.table = Some(id);
                out.push(line);
            }
        }
    }
    out
}

/// Gaps shared by every block of a run (its words' extents all leave them
/// free) with words on both sides in at least two blocks.
fn run_gutters(flow: &[FlowLine], blocks: &[(usize, usize)], run: &[usize]) -> Vec<Gutter> {
    if run.len() < 2 {
        return Vec::new();
    }
    let mut common: Vec<(f32, f32)> = vec![(f32::NEG_INFINITY, f32::INFINITY)];
    for &b in run {
        let mut spans: Vec<(f32, f32)> = flow[blocks[b].0..blocks[b].1]
            .iter()
            .flat_map(|l| &l.words)
            .map(|w| (w.x0, w.x1))
            .collect();
        spans.sort_by(|a, b| a.0.total_cmp(&b.0));
        let mut free = Vec::new();
        let mut reach = f32::NEG_INFINITY;
        for (a, e) in spans {
            if a - reach >= MIN_GUTTER {
                free.push((reach, a));
            }
            reach = reach.max(e);
        }
        free.push((reach, f32::INFINITY));
        common = intersect(&common, &free);
    }
    common
        .into_iter()
        .filter(|g| {
            run.iter()
                .filter(|&&b| {
                    let words = || flow[blocks[b].0..blocks[b].1].iter().flat_map(|l| &l.words);
                    words().any(|w| w.x1 <= g.0) && words().any(|w| w.x0 >= g.1)
                })
                .count()
                >= 2
        })
        .map(|g| (g.0, g.1, run.len()))
        .collect()
}

/// Lines outside column blocks, in order (`idx` into `flow`): runs of
/// single-line rows whose columns line up (a borderless table set with
/// space between its rows) become rows of cells split at the gaps the run
/// shares; everything else stays a plain line. `table` is the next free
/// table id.
fn aligned_rows(
    flow: &[FlowLine],
    idx: &[usize],
    margins: &[bool],
    table: &mut u32,
    out: &mut Vec<Line>,
) {
    let pitch = usual_pitch(flow);
    let mut i = 0;
    while i < idx.len() {
        let first = &flow[idx[i]];
        if margins[idx[i]] || first.cell_starts.len() < 2 {
            out.push(first.to_line());
            i += 1;
            continue;
        }
        let mut common = free_gaps(first);
        let mut members: Vec<&FlowLine> = vec![first];
        let mut inner = inner_gaps(&common, &members);
        let mut j = i + 1;
        while j < idx.len() && !margins[idx[j]] && idx[j] == idx[j - 1] + 1 {
            let l = &flow[idx[j]];
            // A line of prose (many words, no cell gap) ends the run; a
            // short one (a title over the next rows) may sit inside it.
            let prose = l.cell_starts.len() < 2 && l.words.len() > 6;
            if l.y - flow[idx[j - 1]].y > pitch * 3.0 || prose {
                break;
            }
            let next = intersect(&common, &free_gaps(l));
            members.push(l);
            let next_inner = inner_gaps(&next, &members);
            // The first line's wide word spaces are not columns until a
            // second line shares them; after that no column may be lost.
            if next_inner.is_empty() || (members.len() > 2 && next_inner.len() < inner.len()) {
                members.pop();
                break;
            }
            common = next;
            inner = next_inner;
            j += 1;
        }
        // At least two rows with a gap of a cell's width: justified prose
        // lines may share narrower gaps by chance.
        let split = members
            .iter()
            .filter(|l| {
                l.cell_starts.len() >= 2
                    && inner.iter().any(|g| {
                        l.words.iter().any(|w| w.x1 <= g.0) && l.words.iter().any(|w| w.x0 >= g.1)
                    })
            })
            .count();
        // A heading after the table sits in its first column only.
        while members.len() > 2
            && members.last().is_some_and(|l| {
                inner
                    .first()
                    .is_some_and(|g| l.words.iter().all(|w| w.x1 <= g.0))
            })
        {
            members.pop();
            j -= 1;
        }
        if members.len() < 2 || split < 2 {
            out.push(first.to_line());
            i += 1;
            continue;
        }
        let gutters: Vec<Gutter> = inner.iter().map(|g| (g.0, g.1, members.len())).collect();
        for l in &members {
            let mut line = Line::from_cells(
                row_of(std::slice::from_ref(*l), &gutters),
                l.y - l.size,
                l.size,
                false,
            );
            l.faces.mark(&mut line);
            line.table = Some(*table);
            out.push(line);
        }
        *table += 1;
        i = j;
    }
}

/// The gaps of at least a gutter's width in a line, with the open space
/// left of its first word and right of its last.
fn free_gaps(l: &FlowLine) -> Vec<(f32, f32)> {
    let mut out = Vec::new();
    let mut reach = f32::NEG_INFINITY;
    for w in &l.words {
        if w.x0 - reach >= MIN_GUTTER {
            out.push((reach, w.x0));
        }
        reach = reach.max(w.x1);
    }
    out.push((reach, f32::INFINITY));
    out
}

fn intersect(a: &[(f32, f32)], b: &[(f32, f32)]) -> Vec<(f32, f32)> {
    let mut out = Vec::new();
    for x in a {
        for y in b {
            let (lo, hi) = (x.0.max(y.0), x.1.min(y.1));
            if hi - lo >= MIN_GUTTER {
                out.push((lo, hi));
            }
        }
    }
    out
}

/// Shared gaps with words on both sides in the run: its column gutters.
fn inner_gaps(common: &[(f32, f32)], lines: &[&FlowLine]) -> Vec<(f32, f32)> {
    common
        .iter()
        .copied()
        .filter(|g| {
            let words = || lines.iter().flat_map(|l| &l.words);
            words().any(|w| w.x1 <= g.0) && words().any(|w| w.x0 >= g.1)
        })
        .collect()
}

/// A bulleted block -> one line per item: a line with a bullet left of the
/// gutter starts an item, lines without one continue it.
fn bullet_items(lines: &[FlowLine], gutters: &[Gutter]) -> Vec<Line> {
    let edge = gutters
        .first()
        .map(|g| g.0 + 0.5)
        .unwrap_or(f32::NEG_INFINITY);
    let mut out: Vec<Line> = Vec::new();
    let mut faces: Vec<Faces> = Vec::new();
    for l in lines {
        let starts_item = l.words.first().is_some_and(|w| w.x1 <= edge);
        let text = l
            .words
            .iter()
            .map(|w| w.text.as_str())
            .collect::<Vec<_>>()
            .join(" ");
        let x1 = l.words.last().map(|w| w.x1).unwrap_or(0.0);
        match out.last_mut() {
            Some(item) if !starts_item => {
                let cell = &mut item.cells[0];
                cell.text.push(' ');
                cell.text.push_str(&text);
                cell.x1 = cell.x1.max(x1);
                item.text = cell.text.clone();
                if let Some(f) = faces.last_mut() {
                    *f = f.and(l.faces);
                }
            }
            _ => {
                let x0 = l.words.first().map(|w| w.x0).unwrap_or(0.0);
                let cell = Cell { text, x0, x1 };
                out.push(Line::from_cells(vec![cell], l.y - l.size, l.size, false));
                faces.push(l.faces);
            }
        }
    }
    for (line, f) in out.iter_mut().zip(&faces) {
        f.mark(line);
    }
    out
}

/// Whether a run of column blocks reaches block `j` (it is split, or a
/// one-column block next to a split one).
fn region_reach(kinds: &[BlockKind], j: usize) -> bool {
    if kinds[j] == BlockKind::Split {
        return true;
    }
    let mut k = j;
    while k > 0 && kinds[k - 1] == BlockKind::OneColumn {
        k -= 1;
    }
    let before = k > 0 && kinds[k - 1] == BlockKind::Split;
    let mut k = j;
    while k + 1 < kinds.len() && kinds[k + 1] == BlockKind::OneColumn {
        k += 1;
    }
    let after = k + 1 < kinds.len() && kinds[k + 1] == BlockKind::Split;
    before || after
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum BlockKind {
    /// Content on both sides of a gutter, nothing crossing the first one.
    Split,
    /// Respects the gutters but has content in one column only.
    OneColumn,
    /// A word crosses every gutter, or nothing stands right of them:
    /// ordinary text.
    Crossing,
    /// A bulleted list with hanging indents: each item becomes one line.
    Bullets,
}

fn classify(lines: &[FlowLine], gutters: &[Gutter], margin: bool) -> BlockKind {
    if margin {
        return BlockKind::Crossing;
    }
    // A row with a value standing inside a gap that other blocks of the
    // page leave free is set to columns of its own (a table whose column positions
    // change part way down): split at the page gutters, its cells would
    // run values of two columns together. Left to the rows aligned on
    // their own gaps.
    if lines.len() == 1
        && lines[0].words.iter().any(|w| {
            is_value(&w.text)
                && gutters
                    .iter()
                    .any(|g| g.2 >= 2 && w.x0 >= g.0 && w.x1 <= g.1)
        })
    {
        return BlockKind::Crossing;
    }
    let respected = respected_gutters(lines, gutters);
    if respected.is_empty() {
        return BlockKind::Crossing;
    }
    let mut columns_used = std::collections::BTreeSet::new();
    for w in lines.iter().flat_map(|l| &l.words) {
        columns_used.insert(respected.iter().filter(|g| w.x0 >= g.1 - 0.5).count());
    }
    let first_column: Vec<&str> = lines
        .iter()
        .flat_map(|l| &l.words)
        .filter(|w| w.x1 <= respected[0].0 + 0.5)
        .map(|w| w.text.as_str())
        .collect();
    if !first_column.is_empty() && first_column.iter().all(|t| is_bullet_word(t)) {
        BlockKind::Bullets
    } else if columns_used.len() >= 2 {
        BlockKind::Split
    } else if columns_used.contains(&0) {
        // Everything left of the gutters: ordinary text with a ragged edge.
        BlockKind::Crossing
    } else {
        BlockKind::OneColumn
    }
}

/// A number as a table prints it: `1,728`, `-8,876.7`, `£4.1m`, `33%`.
fn is_value(word: &str) -> bool {
    let t = word.trim_start_matches(['-', '(', '£']);
    t.starts_with(|c: char| c.is_ascii_digit())
        && t.chars()
            .all(|c| c.is_ascii_digit() || ",.%)mk".contains(c))
}

/// The gutters a block keeps to. A gutter to the right of the first one
/// (an ACTION BY column) only counts when the column it opens is short on
/// every line: a long run of words there is the text itself, printed with a
/// wide gap. The column ends at the next gutter the block keeps to, so the
/// narrow columns of a many-column table each count on their own.
fn respected_gutters(lines: &[FlowLine], gutters: &[Gutter]) -> Vec<Gutter> {
    let uncrossed: Vec<Gutter> = gutters
        .iter()
        .copied()
        .filter(|&g| !crosses(lines, g))
        .collect();
    let mut out: Vec<Gutter> = Vec::new();
    for (k, &g) in uncrossed.iter().enumerate() {
        // Of two overlapping gutters (the same column edge of two tables,
        // a few points apart) a block keeps the first.
        if out.last().is_some_and(|p: &Gutter| p.1 > g.0) {
            continue;
        }
        if !out.is_empty() {
            let end = uncrossed.get(k + 1).map(|n| n.0).unwrap_or(f32::INFINITY);
            // Only a line with words on both sides of the gap runs on
            // across it: when the column left of it has words, but never on
            // a line with a long run right of it (two columns of paragraphs
            // side by side, on baselines of their own), the gutter stands.
            let start = out.last().map_or(f32::NEG_INFINITY, |p| p.1);
            let left = |l: &FlowLine| {
                l.words
                    .iter()
                    .any(|w| w.x0 >= start - 0.5 && w.x1 <= g.0 + 0.5)
            };
            let runs_on = |l: &FlowLine| {
                l.words
                    .iter()
                    .filter(|w| w.x0 >= g.1 - 0.5 && w.x1 <= end + 0.5)
                    .count()
                    > 3
            };
            let side_by_side =
                lines.iter().any(left) && !lines.iter().any(|l| left(l) && runs_on(l));
            let long =
                !side_by_side && lines.iter().any(runs_on) && !flush_column(lines, (g.0, g.1));
            if long {
                continue;
            }
        }
        out.push(g);
    }
    out
}

/// Whether a word runs across a gutter. A gutter found in several blocks
/// (the rows of a table) is the gap common to all of them, so inside a row
/// of several lines a word may reach into it from the left without crossing
/// it, up to where the next column starts: a long name set flush against
/// that column. A single line (a title over the table) gets no such slack.
fn crosses(lines: &[FlowLine], g: Gutter) -> bool {
    let strong = g.2 >= 3 && lines.len() >= 2;
    lines.iter().flat_map(|l| &l.words).any(|w| {
        if strong {
            w.x0 < g.1 - 0.5 && w.x1 > g.1 - 1.0
        } else {
            w.x0 < g.1 - 0.5 && w.x1 > g.0 + 0.5
        }
    })
}

/// The records of a block: a table of four or more columns whose records
/// are set top-aligned, line under line with no more space between them
/// than between the lines of one (the budget amendments' spending and
/// savings tables), leaves several in one block. A record starts at each
/// line with a word in the first column, when every such line, the
/// block's first among them, fills four fifths of the columns or more and
/// holds a value (a record's first line, its short cells all on it); lines
/// below it with
/// the first column empty continue it. Otherwise (cells set vertically
/// centred: a first column filled on a middle line only, beside a few
/// others) the block is one record.
fn records(lines: &[FlowLine], gutters: &[Gutter]) -> Vec<std::ops::Range<usize>> {
    if let Some(split) = head_records(lines, gutters) {
        return split;
    }
    let whole: Vec<std::ops::Range<usize>> = std::iter::once(0..lines.len()).collect();
    let ncols = gutters.len() + 1;
    if ncols < 4 || lines.len() < 2 {
        return whole;
    }
    let column_of = |w: &Word| {
        let c = (w.x0 + w.x1) / 2.0;
        gutters.iter().filter(|g| c >= g.1 - 0.5).count()
    };
    let filled: Vec<Vec<bool>> = lines
        .iter()
        .map(|l| {
            let mut f = vec![false; ncols];
            for w in &l.words {
                if let Some(slot) = f.get_mut(column_of(w)) {
                    *slot = true;
                }
            }
            f
        })
        .collect();
    let starts: Vec<usize> = (0..lines.len()).filter(|&i| filled[i][0]).collect();
    // A record's first line also holds a value: a header wrapped over two
    // lines fills its columns on both.
    let full = |i: usize| {
        filled[i].iter().filter(|&&x| x).count() * 5 >= ncols * 4
            && lines[i].words.iter().any(|w| is_value(&w.text))
    };
    if starts.len() < 2 || starts[0] != 0 || !starts.iter().all(|&i| full(i)) {
        return whole;
    }
    starts
        .iter()
        .enumerate()
        .map(|(k, &s)| s..starts.get(k + 1).copied().unwrap_or(lines.len()))
        .collect()
}

/// A block whose first column stacks row heads, each on a line of its own
/// with a value level with it in another column, is a row per head: a
/// front sheet's labels ("Subject:" / "Report Of:" / "Wards Affected:"
/// beside their values), or numbers on bold lines (minute numbers "9" /
/// "10" each on the line of its bold title, the minute's text under it;
/// a printed decision's bold numbered resolutions "3." / "4."; a budget
/// table's numbered subtotal rows "201 CORE" / "202 EXTERNAL"). Each line goes to the head
/// above it, or to the head below where level with it, so a value wrapped
/// around a centred number stays with it. None where the block is not
/// such a stack.
fn head_records(lines: &[FlowLine], gutters: &[Gutter]) -> Option<Vec<std::ops::Range<usize>>> {
    let first = gutters.first()?;
    let in_first = |w: &Word| (w.x0 + w.x1) / 2.0 < first.1 - 0.5;
    let heads: Vec<usize> = (0..lines.len())
        .filter(|&i| lines[i].words.iter().any(in_first))
        .collect();
    if heads.len() < 2 {
        return None;
    }
    for &i in &heads {
        let head: Vec<&str> = lines[i]
            .words
            .iter()
            .filter(|w| in_first(w))
            .map(|w| w.text.as_str())
            .collect();
        let level = lines.iter().any(|l| {
            (l.y - lines[i].y).abs() <= lines[i].size * LEVEL
                && l.words.iter().any(|w| !in_first(w))
        });
        if !(is_row_head(&head.join(" ")) || numbered_heading(&head, &lines[i])) || !level {
            return None;
        }
    }
    let mut ranges = Vec::new();
    let mut start = 0;
    for pair in heads.windows(2) {
        let (a, b) = (pair[0], pair[1]);
        // A line goes with the head below it only when level with it (the
        // first line of a value centred on its number), else with the head
        // above: a value of several lines follows its head.
        let mid = (lines[a].y + lines[b].y) / 2.0;
        let from = mid.max(lines[b].y - lines[b].size * LEVEL);
        let end = (a + 1..b).find(|&i| lines[i].y >= from).unwrap_or(b);
        ranges.push(start..end);
        start = end;
    }
    ranges.push(start..lines.len());
    Some(ranges)
}

/// A head that is a paragraph number alone ("9", "10.", "7.1") on a line
/// set mostly in bold: a numbered heading beside its title. Numbers
/// stacked beside plain text (recommendations "2.2 2.3 2.4") are not.
fn numbered_heading(head: &[&str], line: &FlowLine) -> bool {
    let [number] = head else {
        return false;
    };
    line.faces.bold()
        && grammars::lex::lead_number(number).is_some_and(|n| {
            n.rest >= number.len()
                && matches!(
                    n.style,
                    grammars::lex::NumberStyle::Arabic | grammars::lex::NumberStyle::Dotted { .. }
                )
        })
}

/// The cells of a block split at the given gutters, each column's words in
/// reading order.
fn row_of(lines: &[FlowLine], gutters: &[Gutter]) -> Vec<Cell> {
    let mut bounds: Vec<(f32, f32)> = Vec::new();
    let left = lines
        .iter()
        .flat_map(|l| &l.words)
        .map(|w| w.x0)
        .fold(f32::INFINITY, f32::min);
    let right = lines
        .iter()
        .flat_map(|l| &l.words)
        .map(|w| w.x1)
        .fold(f32::NEG_INFINITY, f32::max);
    let mut x = left.min(gutters.first().map(|g| g.0).unwrap_or(left));
    for g in gutters {
        bounds.push((x, g.0));
        x = g.1;
    }
    bounds.push((x, right.max(x)));
    // Every word goes to the column its centre is in; one whose centre is
    // in a gutter (a long word set flush against the next column) belongs
    // to the column on the left. No word is lost.
    let column_of = |w: &Word| {
        let c = (w.x0 + w.x1) / 2.0;
        gutters.iter().filter(|g| c >= g.1 - 0.5).count()
    };
    let mut texts: Vec<String> = vec![String::new(); bounds.len()];
    // Per column, whether its last line was one word filling the column to
    // where the next one starts: a word too long for the column, which the
    // renderer broke without a hyphen ("Fees/Addit" then "ional").
    let mut filled: Vec<bool> = vec![false; bounds.len()];
    for l in lines {
        let mut on_line: Vec<Vec<&Word>> = vec![Vec::new(); bounds.len()];
        for w in &l.words {
            on_line[column_of(w)].push(w);
        }
        for (k, words) in on_line.into_iter().enumerate() {
            let Some(first) = words.first() else {
                continue;
            };
            let text = &mut texts[k];
            let broken = filled[k]
                && text.ends_with(|c: char| c.is_alphabetic())
                && first.text.starts_with(|c: char| c.is_lowercase());
            if !text.is_empty() && !broken && !joins_without_space(text, &first.text) {
                text.push(' ');
            }
            let joined: Vec<&str> = words.iter().map(|w| w.text.as_str()).collect();
            text.push_str(&joined.join(" "));
            filled[k] = words.len() == 1
                && gutters
                    .get(k)
                    .is_some_and(|g| first.x1 >= g.1 - 4.0 && first.x1 - first.x0 >= 24.0);
        }
    }
    bounds
        .iter()
        .zip(texts)
        .enumerate()
        .filter(|(k, (&(x0, x1), text))| x1 - x0 >= 4.0 || *k == 0 || !text.is_empty())
        .map(|(_, (&(x0, x1), text))| Cell { text, x0, x1 })
        .collect()
}

/// Lines of one cell join with a space, except owners split after a slash
/// ("CP/" then "VM") and a compound word broken after its hyphen
/// ("multi-" then "agency").
pub(crate) fn joins_without_space(before: &str, next: &str) -> bool {
    if before.ends_with('/') {
        return true;
    }
    let mut tail = before.chars().rev();
    tail.next() == Some('-')
        && tail.next().is_some_and(char::is_alphabetic)
        && next.chars().next().is_some_and(char::is_lowercase)
}

/// Lines in the top or bottom margin (running headers, page numbers) are
/// never part of a column layout: furniture detection needs them whole.
fn in_margin(line: &FlowLine, page_height: f32) -> bool {
    page_height > 0.0
        && line.cell_starts.len() <= 1
        && line.words.len() <= 8
        && (line.y < page_height * 0.07 || line.y - line.size > page_height * 0.93)
}

/// A worded page label ("Page 12 of 54", "9 of 12"; not a bare number,
/// which could as well be a figure) alone on a line in the bottom tenth of
/// the page, standing apart from the line above (more than a line pitch
/// below it). A report printed inside a page frame sets it there, higher
/// than the bottom fourteenth, just under its last table row: it is never
/// that row's last line.
fn label_apart(flow: &[FlowLine], i: usize, page_height: f32, pitch: f32) -> bool {
    let line = &flow[i];
    if page_height <= 0.0 || line.cell_starts.len() > 1 || line.y <= page_height * 0.90 {
        return false;
    }
    let apart = i == 0 || line.y - flow[i - 1].y > pitch * 1.1;
    let text: Vec<&str> = line.words.iter().map(|w| w.text.as_str()).collect();
    let text = text.join(" ");
    apart && text.chars().any(char::is_alphabetic) && super::furniture::parse_label(&text).is_some()
}

/// Which lines stand in the top or bottom margin. A margin line set closer
/// than a line pitch to the body (the first line of a table row whose cells
/// are vertically centred, pushed to the top of the page) belongs to the
/// body: headers and page numbers stand apart.
fn margin_flags(flow: &[FlowLine], page_height: f32) -> Vec<bool> {
    let pitch = usual_pitch(flow);
    let mut flags: Vec<bool> = (0..flow.len())
        .map(|i| in_margin(&flow[i], page_height) || label_apart(flow, i, page_height, pitch))
        .collect();
    let tight = |a: &FlowLine, b: &FlowLine| (b.y - a.y).abs() <= pitch * 0.75;
    for i in (0..flow.len().saturating_sub(1)).rev() {
        if flags[i]
            && !flags[i + 1]
            && flow[i].y < page_height * 0.5
            && tight(&flow[i], &flow[i + 1])
        {
            flags[i] = false;
        }
    }
    for i in 1..flow.len() {
        if flags[i]
            && !flags[i - 1]
            && flow[i].y > page_height * 0.5
            && tight(&flow[i - 1], &flow[i])
        {
            flags[i] = false;
        }
    }
    flags
}

/// Blocks of lines: a new block starts where the vertical gap is clearly
/// more than the page's usual line pitch.
fn blocks(flow: &[FlowLine], page_height: f32) -> Vec<(usize, usize)> {
    let pitch = usual_pitch(flow);
    let margins = margin_flags(flow, page_height);
    let mut out = Vec::new();
    let mut start = 0;
    for i in 1..flow.len() {
        let gap = flow[i].y - flow[i - 1].y;
        let size_change = (flow[i].size - flow[i - 1].size).abs() > 1.5;
        let margin = margins[i] != margins[i - 1];
        if gap > pitch * 1.45 || size_change || margin {
            out.push((start, i));
            start = i;
        }
    }
    out.push((start, flow.len()));
    out
}

/// The most common distance between consecutive baselines (ignoring lines
/// that sit between two others), or 1.2 font sizes.
fn usual_pitch(flow: &[FlowLine]) -> f32 {
    let mut counts: std::collections::BTreeMap<i32, usize> = Default::default();
    for w in flow.windows(2) {
        let d = w[1].y - w[0].y;
        if d >= w[0].size * 0.8 && d <= w[0].size * 1.8 {
            *counts.entry((d * 2.0).round() as i32).or_default() += 1;
        }
    }
    counts
        .iter()
        .max_by_key(|(k, n)| (**n, -**k))
        .map(|(k, _)| *k as f32 / 2.0)
        .unwrap_or_else(|| flow.first().map(|l| l.size * 1.2).unwrap_or(12.0))
}

/// Column gutters of the page: gaps in the union of word extents of a
/// block, found again in another block, or wide and in a block of three or
/// more lines. Sorted left to right. On a page whose other blocks already
/// show columns, a gap before a short entry standing past the right edge of
/// all the page's other text is one too (see `past_the_measure`).
fn page_gutters(flow: &[FlowLine], blocks: &[(usize, usize)]) -> Vec<Gutter> {
    let pitch = usual_pitch(flow);
    // gap, lines in block, whether one side of the gap is an interleaved column
    let mut candidates: Vec<(f32, f32, usize, bool)> = Vec::new();
    // Whether a candidate opens a flush column named by the line above.
    let mut headed: Vec<bool> = Vec::new();
    let mut past: Vec<(f32, f32)> = Vec::new();
    for &(s, e) in blocks {
        if e - s < 2 {
            continue;
        }
        let mut spans: Vec<(f32, f32)> = flow[s..e]
            .iter()
            .flat_map(|l| &l.words)
            .map(|w| (w.x0, w.x1))
            .collect();
        spans.sort_by(|a, b| a.0.total_cmp(&b.0));
        let mut reach = f32::NEG_INFINITY;
        for (x0, x1) in spans {
            if reach > f32::NEG_INFINITY
                && x0 - reach >= MIN_GUTTER
                && !justified_space(&flow[s..e], (reach, x0))
            {
                let interleaved = interleaved_side(&flow[s..e], (reach, x0), pitch);
                candidates.push((reach, x0, e - s, interleaved));
                headed.push(
                    s > 0
                        && flush_column(&flow[s..e], (reach, x0))
                        && flow[s - 1].words.iter().any(|w| (w.x0 - x0).abs() <= 1.0),
                );
                if past_the_measure(flow, (s, e), x0) {
                    past.push((reach, x0));
                }
            }
            reach = reach.max(x1);
        }
    }
    let mut gutters: Vec<Gutter> = Vec::new();
    let mut used = vec![false; candidates.len()];
    for i in 0..candidates.len() {
        if used[i] {
            continue;
        }
        let (a0, a1, n, interleaved) = candidates[i];
        let mut lo = a0;
        let mut hi = a1;
        let mut support = 1;
        for j in (i + 1)..candidates.len() {
            let (b0, b1, _, _) = candidates[j];
            // Gaps that overlap by less than a gutter are different
            // gutters (two tables on one page, their columns a little
            // apart): each keeps its own group.
            if !used[j] && hi.min(b1) - lo.max(b0) >= MIN_GUTTER.min(b1 - b0) {
                used[j] = true;
                support += 1;
                lo = lo.max(b0);
                hi = hi.min(b1);
            }
        }
        let wide_enough = (a1 - a0 >= WIDE_GUTTER || headed[i]) && n >= 3;
        if hi - lo >= MIN_GUTTER.min(a1 - a0) && (support >= 2 || wide_enough || interleaved) {
            gutters.push((lo, hi, support));
        }
    }
    // The page must already be set in columns (a gutter found in several
    // blocks): on a page of prose a short word far right is no column.
    if gutters.iter().any(|g| g.2 >= 2) {
        for (a0, a1) in past {
            let clear = gutters.iter().all(|g| g.1 <= a0);
            if clear {
                gutters.push((a0, a1, 1));
            }
        }
    }
    gutters.sort_by(|a, b| a.0.total_cmp(&b.0));
    gutters.dedup_by(|a, b| a.1.min(b.1) - a.0.max(b.0) >= MIN_GUTTER);
    gutters
}

/// Whether a gap a block leaves free is only the stretched word spaces of
/// justified prose: every line with words right of it has words left of
/// it too, and crosses it through a word space (narrower than a gap
/// between cells, a font size). One such line alone is prose; where
/// several cross it, each through a space no wider than the line's other
/// word spaces (justification stretches them evenly) and the words after
/// it starting at different x (a column's words start flush at its edge;
/// those after a river start anywhere). Lines that stop short of the gap
/// (a paragraph's last line) leave it free by not reaching it. A column
/// gutter is a gap between cells, or has a line starting right of it, or
/// several lines crossing it through spaces wider than their others.
/// The education commissioning plan's recommendation: "… Education
/// Provision" ends at x = 480.8, "in Kent" starts at 485.6 (every space on
/// the line 4.8), and the line under it is "2025-29." alone; the page's
/// "Young People" / "and Education" falls at the same x, so the two rivers
/// would agree on a gutter and put "in Kent" after "2025-29.". Milburn's
/// minutes of July 2019: two justified lines leave x 395 to 400 free
/// through spaces of 6.5 and 9.2 points (their other spaces 6.3 to 6.5 and
/// 9.2), the same x the amounts column of the finance minute below opens.
fn justified_space(lines: &[FlowLine], gap: (f32, f32)) -> bool {
    // Per line crossing the gap: where its words after it start, and
    // whether it crosses through a space no wider than its others.
    let mut after: Vec<(f32, bool)> = Vec::new();
    for l in lines {
        let Some(k) = l.words.iter().position(|w| w.x0 >= gap.1 - 0.5) else {
            continue;
        };
        if k == 0 || l.cell_starts.contains(&k) {
            return false;
        }
        let space = |j: usize| l.words[j].x0 - l.words[j - 1].x1;
        let widest_other = (1..l.words.len())
            .filter(|&j| j != k && !l.cell_starts.contains(&j))
            .map(space)
            .fold(f32::NEG_INFINITY, f32::max);
        if space(k) >= l.size {
            return false;
        }
        after.push((l.words[k].x0, space(k) <= widest_other + 0.5));
    }
    match after.as_slice() {
        [] => false,
        [_] => true,
        [first, ..] => {
            let flush = after.iter().all(|a| (a.0 - first.0).abs() <= 1.0);
            !flush && after.iter().all(|a| a.1)
        }
    }
}

/// Whether the words right of a narrow gap form a column set flush left:
/// on three or more lines words stand right of it, each such line's first
/// one starting at the gap's right edge, and on two or more of them three
/// or more words stand left of it (a column of text beside, not a number
/// or a bullet hanging before its paragraph). Seed 000 "Ground already
/// covered": outputs end by x = 385, every line of outcomes starts at
/// x = 390. The words after a river in justified prose start anywhere.
fn flush_column(lines: &[FlowLine], gap: (f32, f32)) -> bool {
    let mut flush = 0;
    let mut beside = 0;
    for l in lines {
        let Some(first) = l.words.iter().find(|w| w.x0 >= gap.0) else {
            continue;
        };
        if (first.x0 - gap.1).abs() > 1.0 {
            return false;
        }
        flush += 1;
        if l.words.iter().filter(|w| w.x1 <= gap.0 + 0.5).count() >= 3 {
            beside += 1;
        }
    }
    flush >= 3 && beside >= 2
}

/// Whether the words of a block from `x0` on are a short entry in a column
/// of their own, right of the page's text: an ACTION BY owner ("SW") on the
/// same baseline as a line of its paragraph, the only entry in that column
/// on the page. A few words on at most a few lines, starting a gutter's
/// width past the right edge of every other word on the page. Text never
/// runs past its own measure, so such a word cannot be the end of a line.
fn past_the_measure(flow: &[FlowLine], block: (usize, usize), x0: f32) -> bool {
    let right = |w: &Word| w.x0 >= x0 - 0.5;
    let lines = &flow[block.0..block.1];
    let per_line: Vec<usize> = lines
        .iter()
        .map(|l| l.words.iter().filter(|w| right(w)).count())
        .filter(|&n| n > 0)
        .collect();
    if per_line.is_empty() || per_line.len() > 3 || per_line.iter().any(|&n| n > 3) {
        return false;
    }
    let measure = flow
        .iter()
        .enumerate()
        .flat_map(|(i, l)| {
            let inside = i >= block.0 && i < block.1;
            l.words.iter().filter(move |w| !(inside && right(w)))
        })
        .map(|w| w.x1)
        .fold(f32::NEG_INFINITY, f32::max);
    x0 - measure >= MIN_GUTTER
}

/// Whether the lines on one side of a gap form a column of their own set
/// between the lines of the other: a short ACTION BY entry ("CP/", "VM",
/// "M") beside a tall paragraph, or a paragraph number centred against its
/// text. Every line touching that side stands wholly on it and falls between
/// two baselines of the other side, off their pitch. Such a column shows one
/// narrow gap in one block only, yet it is a column.
fn interleaved_side(lines: &[FlowLine], gap: (f32, f32), pitch: f32) -> bool {
    let side = |w: &Word| w.x0 >= gap.1 - 0.5;
    [true, false].iter().any(|&right| {
        let mut seen = 0;
        for (i, l) in lines.iter().enumerate() {
            let on_side = l.words.iter().filter(|w| side(w) == right).count();
            if on_side == 0 {
                continue;
            }
            if on_side != l.words.len() {
                return false;
            }
            let off_pitch =
                |j: Option<&FlowLine>| j.is_some_and(|o| (o.y - l.y).abs() < pitch * 0.75);
            if !(off_pitch(i.checked_sub(1).and_then(|j| lines.get(j)))
                && off_pitch(lines.get(i + 1)))
            {
                return false;
            }
            seen += 1;
        }
        seen > 0
    })
}

/// A word that is a list mark alone ("•", "o", "-"): the grammars' one
/// set of bullets.
fn is_bullet_word(word: &str) -> bool {
    let mut chars = word.chars();
    matches!((chars.next(), chars.next()), (Some(c), None) if grammars::lex::is_bullet_char(c))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn line(y: f32, words: &[(f32, &str)]) -> FlowLine {
        FlowLine {
            y,
            size: 11.0,
            words: words
                .iter()
                .map(|&(x0, t)| Word {
                    x0,
                    x1: x0 + t.chars().count() as f32 * 5.0,
                    text: t.to_string(),
                })
                .collect(),
            cell_starts: vec![0],
            faces: Faces::default(),
        }
    }

    /// Kent's finance monitoring report p13 (A4 landscape, 595 points
    /// high, inside a page frame): the last row of the variances table, its
    /// Detail column running to 531.5, then "Page 13 of 54" a little more
    /// than a line pitch below, smaller, at the right. The label is a line
    /// of its own for the furniture pass, not the end of the Detail cell.
    #[test]
    fn page_label_under_a_borderless_table_is_not_its_last_line() {
        let mut flow = vec![
            line(474.0, &[(503.0, "reduced where a greater proportion are")]),
            line(485.5, &[(503.0, "more cost-effective solutions under the")]),
            line(491.3, &[(93.7, "Care Leavers"), (375.5, "Lower number &")]),
            line(
                497.0,
                &[
                    (218.0, "5.6"),
                    (280.0, "4.7"),
                    (330.0, "-0.9"),
                    (503.0, "accommodation contract (rather"),
                ],
            ),
            line(502.8, &[(120.4, "Service"), (375.5, "cost of placements")]),
            line(508.5, &[(503.0, "The number of young people requiring")]),
            line(520.0, &[(503.0, "lower than budget where alternative")]),
            line(531.5, &[(503.0, "secured.")]),
        ];
        let mut label = line(545.3, &[(713.9, "Page 13 of 54")]);
        label.size = 9.0;
        flow.push(label);
        for l in &mut flow {
            if l.size == 11.0 {
                l.size = 10.0;
            }
        }
        let out = rebuild(flow.clone(), 0, 595.3);
        let rows: Vec<&Line> = out.iter().filter(|l| l.table.is_some()).collect();
        assert!(!rows.is_empty(), "the table stays a table: {out:?}");
        assert!(
            rows.iter().all(|l| !l.text.contains("Page 13")),
            "label glued into a row: {rows:?}"
        );
        assert!(
            out.iter()
                .any(|l| l.text == "Page 13 of 54" && l.table.is_none()),
            "label not a line of its own: {out:?}"
        );
        // A bare number so placed may be a figure; a label one pitch under
        // the line above (a running footer's second line) is set with it.
        let flags = |text: &str, y: f32| {
            let mut f = flow.clone();
            let last = f.len() - 1;
            f[last] = line(y, &[(713.9, text)]);
            f[last].size = 9.0;
            margin_flags(&f, 595.3)[last]
        };
        assert!(flags("Page 13 of 54", 545.3));
        assert!(!flags("13", 545.3));
        assert!(!flags("Page 13 of 54", 542.5));
    }

    /// Gloucester's LCTS report p1: the front table's labels stacked in
    /// its first column, each value on its label's baseline, the contact's
    /// email wrapped under it: a row per label.
    #[test]
    fn stacked_labels_make_a_row_each() {
        let lines = vec![
            line(
                185.0,
                &[
                    (62.0, "Subject:"),
                    (168.0, "Local Council Tax Support Scheme"),
                ],
            ),
            line(
                203.0,
                &[
                    (62.0, "Report Of:"),
                    (168.0, "Cabinet Member for Resources"),
                ],
            ),
            line(221.0, &[(62.0, "Contact Officer:"), (168.0, "Karen Haile")]),
            line(239.0, &[(168.0, "Email: Karen.Haile@gloucester.gov.uk")]),
        ];
        let gutters = [(150.0, 168.0, 3)];
        assert_eq!(records(&lines, &gutters), vec![0..1, 1..2, 2..4]);
        // A first column of words that are no labels is one row, as before.
        let prose = vec![
            line(
                185.0,
                &[
                    (62.0, "Subject"),
                    (168.0, "Local Council Tax Support Scheme"),
                ],
            ),
            line(
                203.0,
                &[(62.0, "Report"), (168.0, "Cabinet Member for Resources")],
            ),
        ];
        assert_eq!(records(&prose, &gutters), vec![0..2]);
        // Paragraph numbers stacked so do not part the block.
        let numbers = vec![
            line(
                110.0,
                &[
                    (62.0, "2.5"),
                    (168.0, "Note and agree the Capital budget changes"),
                ],
            ),
            line(
                127.0,
                &[(62.0, "2.6"), (168.0, "Note the Reserves Monitoring")],
            ),
        ];
        assert_eq!(records(&numbers, &gutters), vec![0..2]);
    }

    /// Minute 8 of the Schools Forum minutes: the ACTION BY owners sit on
    /// baselines between the lines of a tall resolution paragraph, one
    /// narrow gap away from it.
    #[test]
    fn action_column_interleaved_with_a_tall_paragraph_is_its_own_cell() {
        let mut flow = vec![
            line(
                100.0,
                &[(58.0, "8.3"), (79.0, "In"), (95.0, "response to a query")],
            ),
            line(112.5, &[(79.0, "for"), (100.0, "further training")]),
        ];
        let text = [
            "1. That the approach be",
            "noted and an update 2.",
            "That the sum to fund",
            "requirements of children",
            "be agreed.",
        ];
        for (i, t) in text.iter().enumerate() {
            flow.push(line(140.0 + i as f32 * 12.5, &[(115.0, t)]));
        }
        // 115 + 24 chars * 5 = 235 at most; the owners start 6 points right.
        for (i, t) in ["CP/", "VM", "M"].iter().enumerate() {
            flow.push(line(158.6 + i as f32 * 12.5, &[(241.0, t)]));
        }
        let lines = rebuild(flow, 0, 0.0);
        let last = lines.last().expect("a row");
        assert_eq!(last.table, Some(0));
        let cells: Vec<&str> = last.cells.iter().map(|c| c.text.as_str()).collect();
        assert_eq!(cells.last(), Some(&"CP/VM M"), "{cells:?}");
        assert!(cells
            .iter()
            .any(|c| c.contains("noted and an update 2. That the sum")));
    }

    /// Minute 10.3 of the Schools Forum minutes: the ACTION BY owner "SW"
    /// stands on the same baseline as the paragraph's first line, past the
    /// right edge of all the page's text, the only entry in that column on
    /// the page. It was read into the middle of the paragraph ("… that it
    /// SW had previously been agreed …").
    #[test]
    fn action_owner_on_a_baseline_of_its_paragraph_is_its_own_cell() {
        let numbered = |with_numbers: bool| {
            let mut flow = Vec::new();
            for b in 0..3 {
                let y = 100.0 + b as f32 * 40.0;
                let mut first = vec![(
                    85.0,
                    "The Forum agreed the revised terms of reference for both the High Needs and Early",
                )];
                if with_numbers {
                    first.insert(0, (58.0, "10.1"));
                }
                flow.push(line(y, &first));
                flow.push(line(y + 12.5, &[(85.0, "Years working parties.")]));
            }
            let mut first = vec![
                (85.0, "In response to a query from LB SW advised that it"),
                (542.9, "SW"),
            ];
            if with_numbers {
                first.insert(0, (58.0, "10.3"));
            }
            flow.push(line(300.0, &first));
            flow.push(line(
                312.5,
                &[(85.0, "had previously been agreed by the Forum.")],
            ));
            rebuild(flow, 0, 0.0)
        };
        let lines = numbered(true);
        let last = lines.last().expect("a row");
        let cells: Vec<&str> = last.cells.iter().map(|c| c.text.as_str()).collect();
        assert_eq!(
            cells,
            [
                "10.3",
                "In response to a query from LB SW advised that it had previously been agreed by the Forum.",
                "SW"
            ]
        );
        // The rows above keep their two cells.
        assert_eq!(lines[0].cells.len(), 2, "{:?}", lines[0]);
        // On a page of prose, with no columns elsewhere, a short word far
        // right stays in its line.
        let lines = numbered(false);
        assert!(lines.iter().all(|l| l.table.is_none()), "{lines:?}");
        assert!(
            lines.iter().any(|l| l.text.ends_with("that it SW")),
            "{lines:?}"
        );
    }

    #[test]
    fn values_are_numbers_as_tables_print_them() {
        for v in ["1,728", "-8,876.7", "£4.1m", "33%", "(3,000)"] {
            assert!(is_value(v), "{v}");
        }
        for w in ["Cabinet", "2025-26", "Q3", "£000's", "-"] {
            assert!(!is_value(w), "{w}");
        }
    }

    /// Seed 000 "Phase of Work": outputs and outcomes, paragraphs of four
    /// or more words, side by side on baselines of their own. The gap
    /// between them is a column, not a wide space inside the text.
    #[test]
    fn paragraphs_side_by_side_on_their_own_baselines_keep_their_gutter() {
        let lines = [
            line(558.3, &[(173.0, "Analysis of current trading activity")]),
            line(571.0, &[(173.0, "and financial performance for our")]),
            line(
                578.0,
                &[(358.0, "Schools understand what is the core offer")],
            ),
            line(583.6, &[(173.0, "services Completed")]),
            line(590.7, &[(358.0, "and what is the traded offer Complete")]),
        ];
        let words = |l: &FlowLine| -> Vec<Word> {
            l.words
                .iter()
                .flat_map(|w| {
                    let mut x = w.x0;
                    w.text
                        .split(' ')
                        .map(|t| {
                            let word = Word {
                                x0: x,
                                x1: x + t.chars().count() as f32 * 4.0,
                                text: t.to_string(),
                            };
                            x = word.x1 + 3.0;
                            word
                        })
                        .collect::<Vec<_>>()
                })
                .collect()
        };
        let lines: Vec<FlowLine> = lines
            .iter()
            .map(|l| FlowLine {
                words: words(l),
                ..l.clone()
            })
            .collect();
        let gutters = [(155.0, 173.0, 3), (345.0, 358.0, 3)];
        let kept = respected_gutters(&lines, &gutters);
        assert_eq!(kept.len(), 2, "{kept:?}");
        let cells: Vec<String> = row_of(&lines, &kept).into_iter().map(|c| c.text).collect();
        assert_eq!(
            cells[2],
            "Schools understand what is the core offer and what is the traded offer Complete"
        );
    }

    /// The budget amendments' spending table: records set top-aligned, a
    /// record's short cells all on its first line, its descriptions
    /// wrapping below with no extra space before the next record.
    #[test]
    fn top_aligned_records_in_one_block_are_a_row_each() {
        let gutters = [
            (50.0, 62.0, 6),
            (140.0, 160.0, 6),
            (200.0, 224.0, 6),
            (400.0, 420.0, 6),
        ];
        let lines = vec![
            row(
                141.6,
                &[
                    (41.0, 46.0, "2"),
                    (62.0, 135.0, "Budget Changes"),
                    (160.0, 190.0, "CYPE"),
                    (224.0, 390.0, "Realignment of the"),
                    (420.0, 450.0, "4,000.0"),
                ],
            ),
            row(154.2, &[(224.0, 380.0, "budget for children")]),
            row(
                166.9,
                &[
                    (41.0, 46.0, "3"),
                    (62.0, 135.0, "Budget Changes"),
                    (160.0, 190.0, "CYPE"),
                    (224.0, 390.0, "Use of temporary"),
                    (420.0, 450.0, "1,000.0"),
                ],
            ),
            row(179.6, &[(224.0, 380.0, "accommodation")]),
        ];
        let parts = records(&lines, &gutters);
        assert_eq!(parts, [0..2, 2..4]);
        let cells: Vec<String> = row_of(&lines[parts[1].clone()], &gutters)
            .into_iter()
            .map(|c| c.text)
            .collect();
        assert_eq!(cells[3], "Use of temporary accommodation");
        // A header wrapped over two lines fills its columns on both, but
        // holds no value: one row.
        let header = vec![
            row(
                63.9,
                &[
                    (34.0, 46.0, "Row"),
                    (62.0, 100.0, "MTFP"),
                    (160.0, 190.0, "Cabinet"),
                    (224.0, 300.0, "Headline"),
                    (420.0, 450.0, "2025-26"),
                ],
            ),
            row(
                76.5,
                &[
                    (36.0, 46.0, "Ref"),
                    (62.0, 100.0, "Category"),
                    (160.0, 190.0, "Member"),
                    (224.0, 300.0, "description"),
                    (420.0, 450.0, "£000's"),
                ],
            ),
        ];
        assert_eq!(records(&header, &gutters).len(), 1);
    }

    /// A line of words at their x positions, a cell starting after each
    /// gap wider than a font size (as the layout finds them).
    fn row(y: f32, words: &[(f32, f32, &str)]) -> FlowLine {
        let mut cell_starts = vec![0];
        for (i, w) in words.windows(2).enumerate() {
            if w[1].0 - w[0].1 > 11.0 {
                cell_starts.push(i + 1);
            }
        }
        FlowLine {
            y,
            size: 11.0,
            words: words
                .iter()
                .map(|&(x0, x1, t)| Word {
                    x0,
                    x1,
                    text: t.to_string(),
                })
                .collect(),
            cell_starts,
            faces: Faces::default(),
        }
    }

    /// The education commissioning plan's page 1: two blocks of justified
    /// prose, each a long line over a short one, whose stretched spaces
    /// fall at the same x (480.8 to 485.0 and 485.6). No gutter: each line
    /// stays whole and in order.
    #[test]
    fn stretched_spaces_of_justified_lines_at_one_x_are_no_gutter() {
        let flow = vec![
            row(
                98.0,
                &[
                    (155.9, 380.0, "Sarah Hammond, Corporate Director of"),
                    (387.2, 439.2, "Children,"),
                    (443.5, 480.8, "Young"),
                    (485.0, 524.4, "People"),
                ],
            ),
            row(111.9, &[(155.9, 177.3, "and"), (180.6, 238.6, "Education")]),
            row(
                407.2,
                &[
                    (
                        70.9,
                        426.7,
                        "Cabinet is asked to agree the Commissioning Plan for Education",
                    ),
                    (431.5, 480.8, "Provision"),
                    (485.6, 494.9, "in"),
                    (499.7, 524.4, "Kent"),
                ],
            ),
            row(421.0, &[(70.9, 118.3, "2025-29.")]),
        ];
        let lines = rebuild(flow, 0, 842.0);
        let texts: Vec<&str> = lines.iter().map(|l| l.text.as_str()).collect();
        assert_eq!(
            texts,
            [
                "Sarah Hammond, Corporate Director of Children, Young People",
                "and Education",
                "Cabinet is asked to agree the Commissioning Plan for Education Provision in Kent",
                "2025-29.",
            ]
        );
        assert!(lines.iter().all(|l| l.table.is_none()), "{lines:?}");
    }

    /// Milburn's minutes of July 2019, page 1: a justified paragraph
    /// whose first two lines cross x 395 to 400 through stretched spaces
    /// ("re Cobble", "resolved to"), above the finance minute whose amounts
    /// column ("£ 54.00", "£ 864.00") starts past that x. The paragraph
    /// stays prose in reading order; the invoices and their amounts are
    /// still two columns.
    #[test]
    fn a_justified_paragraph_over_an_amounts_column_stays_prose() {
        let words = |s: &str, x0: f32, x1: f32| (x0, x1, s.to_string());
        let para = [
            (
                418.0,
                vec![
                    words("19.07.05", 89.2, 136.0),
                    words("Planning", 142.7, 193.4),
                    words("Application", 196.7, 260.7),
                    words("Amendments", 264.0, 337.8),
                ],
            ),
            (
                433.6,
                vec![
                    words("The", 89.2, 110.5),
                    words("Application", 117.0, 180.8),
                    words("Amendments", 187.2, 260.7),
                    words("19/0403", 267.2, 310.7),
                    words("&", 317.0, 326.8),
                    words("19/0404", 333.2, 376.6),
                    words("re", 383.0, 394.3),
                    words("Cobble", 400.7, 438.5),
                    words("Courtyard,", 444.9, 505.4),
                ],
            ),
            (
                448.5,
                vec![
                    words("Milburn,", 89.7, 138.6),
                    words("after", 147.8, 174.5),
                    words("discussion", 183.7, 240.6),
                    words("the", 249.9, 267.9),
                    words("Councillors", 277.1, 339.9),
                    words("resolved", 349.1, 395.1),
                    words("to", 404.2, 414.9),
                    words("support", 424.2, 466.7),
                    words("these", 476.0, 505.5),
                ],
            ),
            (
                463.5,
                vec![
                    words("application", 89.7, 151.5),
                    words("amendments.", 154.8, 229.9),
                ],
            ),
            (
                494.7,
                vec![
                    words("19.07.06", 89.2, 136.0),
                    words("Finance", 142.7, 187.0),
                ],
            ),
            (
                510.2,
                vec![
                    words("Invoices", 89.9, 135.3),
                    words("received", 138.6, 184.3),
                    words("from", 187.6, 213.6),
                    words(":-", 216.9, 224.4),
                ],
            ),
            (
                525.8,
                vec![
                    words("Wicksteed", 89.9, 146.9),
                    words("Leisure", 150.3, 192.2),
                    words("Ltd", 195.6, 215.2),
                    words("-", 221.9, 225.9),
                    words("Play", 232.6, 257.5),
                    words("Equipment", 260.9, 323.0),
                    words("Inspection", 326.2, 383.8),
                    words("£", 414.0, 420.7),
                    words("54.00", 427.4, 457.3),
                ],
            ),
            (
                541.4,
                vec![
                    words("G", 89.9, 99.2),
                    words("&", 102.6, 112.4),
                    words("AM", 115.8, 135.8),
                    words("Johnston", 139.1, 189.9),
                    words("-", 196.7, 200.7),
                    words("Grass", 207.3, 239.7),
                    words("Cutting", 243.0, 286.0),
                    words("£", 414.0, 420.7),
                    words("864.00", 424.0, 460.7),
                ],
            ),
            (
                557.0,
                vec![
                    words("Resolved", 89.9, 139.2),
                    words("to", 142.5, 153.2),
                    words("pay", 156.6, 176.6),
                    words("both", 179.9, 204.7),
                ],
            ),
        ];
        let flow: Vec<FlowLine> = para
            .iter()
            .map(|(y, ws)| {
                let ws: Vec<(f32, f32, &str)> =
                    ws.iter().map(|(a, b, t)| (*a, *b, t.as_str())).collect();
                let mut l = row(*y, &ws);
                l.size = 12.0;
                l
            })
            .collect();
        let lines = rebuild(flow, 0, 842.0);
        let texts: Vec<&str> = lines.iter().map(|l| l.text.as_str()).collect();
        assert_eq!(
            texts[..4],
            [
                "19.07.05 Planning Application Amendments",
                "The Application Amendments 19/0403 & 19/0404 re Cobble Courtyard,",
                "Milburn, after discussion the Councillors resolved to support these",
                "application amendments.",
            ]
        );
        assert!(lines[..4].iter().all(|l| l.table.is_none()), "{lines:?}");
        let amounts: Vec<&Line> = lines.iter().filter(|l| l.table.is_some()).collect();
        assert_eq!(amounts.len(), 1, "{lines:?}");
        assert_eq!(
            amounts[0].cells.last().map(|c| c.text.as_str()),
            Some("£ 54.00 £ 864.00")
        );
    }

    /// Ayton Community Council's minutes of March 2012, page 2: minute
    /// numbers in a left column, "9" on the line of its bold title "AOCB",
    /// the minute's text under it, then "10" on the line of "Next Meeting"
    /// a line pitch below, all one block. A row per numbered heading; the
    /// same numbers beside plain lines stay one row.
    #[test]
    fn bold_numbered_headings_stacked_in_a_column_are_a_row_each() {
        use crate::pdf::device::Glyph;
        let block = |bold: bool| {
            let mut flow = vec![
                row(696.5, &[(34.0, 40.0, "9"), (58.6, 93.2, "AOCB")]),
                row(
                    709.9,
                    &[
                        (58.6, 144.8, "Emailing Minutes"),
                        (156.9, 512.5, "PP enquired if it was possible to pass on the CC minutes by email to other"),
                    ],
                ),
                row(
                    723.7,
                    &[(58.6, 505.5, "residents. There is no problem with this. It was pointed out that the minutes are posted on the")],
                ),
                row(737.5, &[(58.6, 133.8, "village website.")]),
                row(751.7, &[(34.0, 46.0, "10"), (58.6, 127.4, "Next Meeting")]),
            ];
            for k in [0, 4] {
                flow[k].size = 12.0;
                if bold {
                    let g = Glyph {
                        x: 34.0,
                        y: flow[k].y,
                        w: 6.0,
                        size: 12.0,
                        text: "9".into(),
                        rotated: false,
                        bold: true,
                        italic: false,
                    };
                    flow[k].faces = Faces::of([&g]);
                }
            }
            rebuild(flow, 0, 842.0)
        };
        let cells = |lines: &[Line]| -> Vec<Vec<String>> {
            lines
                .iter()
                .map(|l| l.cells.iter().map(|c| c.text.clone()).collect())
                .collect()
        };
        let rows = block(true);
        assert!(rows.iter().all(|l| l.table.is_some()), "{rows:?}");
        assert_eq!(
            cells(&rows),
            [
                vec![
                    "9".to_string(),
                    "AOCB Emailing Minutes PP enquired if it was possible to pass on the CC \
                     minutes by email to other residents. There is no problem with this. It \
                     was pointed out that the minutes are posted on the village website."
                        .to_string()
                ],
                vec!["10".to_string(), "Next Meeting".to_string()],
            ]
        );
        let plain = block(false);
        assert_eq!(plain.len(), 1, "{plain:?}");
        assert_eq!(plain[0].cells[0].text, "9 10");
    }

    /// Seed 004's statistical neighbours: from Hounslow on the same five
    /// columns are set closer together, the values of one row a few points
    /// apart, inside the gaps the rows above leave free.
    #[test]
    fn rows_whose_columns_move_part_way_down_keep_one_value_per_cell() {
        let wide = [
            ("Barnet", "3,315", "3,096", "653", "3,749"),
            ("Croydon", "4,177", "3,414", "1,725", "5,139"),
            ("Ealing", "3,864", "2,672", "1,661", "4,333"),
        ];
        let narrow = [
            ("Hounslow", "2,221", "1,728", "897", "2,625"),
            ("Merton", "1,527", "1,143", "657", "1,800"),
            ("Slough", "1,871", "1,736", "822", "2,558"),
        ];
        let mut flow = vec![
            row(
                324.7,
                &[
                    (58.0, 105.0, "Statistical"),
                    (164.0, 193.0, "No. of"),
                    (238.0, 296.0, "No. of Initial"),
                    (356.0, 412.0, "No. of Core"),
                    (473.0, 497.0, "Total"),
                ],
            ),
            row(
                337.3,
                &[
                    (58.0, 114.0, "Neighbours"),
                    (164.0, 209.0, "Referrals"),
                    (238.0, 304.0, "Assessments"),
                    (356.0, 421.0, "Assessments"),
                    (473.0, 538.0, "Assessments"),
                ],
            ),
        ];
        let mut y = 366.9;
        for r in wide {
            flow.push(row(
                y,
                &[
                    (58.0, 100.0, r.0),
                    (164.0, 192.0, r.1),
                    (238.0, 266.0, r.2),
                    (356.0, 383.0, r.3),
                    (473.0, 500.0, r.4),
                ],
            ));
            y += 29.6;
        }
        // A name wrapped over three lines, its values on the middle one.
        flow.push(row(
            y,
            &[(58.0, 93.0, "Harrow"), (96.0, 143.0, "(2012- 13")],
        ));
        flow.push(row(
            y + 6.3,
            &[
                (164.0, 192.0, "1,460"),
                (238.0, 257.0, "824"),
                (356.0, 374.0, "937"),
                (473.0, 500.0, "1,761"),
            ],
        ));
        flow.push(row(y + 12.7, &[(58.0, 84.0, "Prov)")]));
        y += 42.3;
        for r in narrow {
            flow.push(row(
                y,
                &[
                    (58.0, 106.0, r.0),
                    (179.0, 206.0, r.1),
                    (211.0, 238.0, r.2),
                    (243.0, 261.0, r.3),
                    (275.0, 303.0, r.4),
                ],
            ));
            y += 29.6;
        }
        let lines = rebuild(flow, 0, 842.0);
        let texts: Vec<&str> = lines.iter().map(|l| l.text.as_str()).collect();
        assert!(
            texts.contains(&"Hounslow\t2,221\t1,728\t897\t2,625"),
            "{texts:#?}"
        );
        assert!(
            texts.contains(&"Slough\t1,871\t1,736\t822\t2,558"),
            "{texts:#?}"
        );
        assert!(lines.iter().all(|l| l.table.is_some()));
    }

    #[test]
    fn a_narrow_gap_in_one_block_of_aligned_lines_is_no_column() {
        // Both sides of the gap on every line, same pitch: plain text with a
        // wide space, not an interleaved column.
        let flow: Vec<FlowLine> = (0..4)
            .map(|i| {
                line(
                    100.0 + i as f32 * 12.5,
                    &[(79.0, "abcdefghij"), (135.0, "next")],
                )
            })
            .collect();
        let lines = rebuild(flow, 0, 0.0);
        assert!(lines.iter().all(|l| l.table.is_none()), "{lines:?}");
    }

    /// The placements appendix: eight narrow columns, each row a block of
    /// lines whose cells are vertically centred. Many words stand right of
    /// the second gutter on each line, but few in any one column.
    #[test]
    fn narrow_columns_of_a_wide_table_each_make_a_cell() {
        let mut flow = Vec::new();
        for (r, (amount, name, fees, kind)) in [
            ("£81,000.00", "Tavistock", "School", "Day"),
            ("£70,460.24", "Egerton", "School", "Day"),
            ("£68,136.00", "Mary Hare", "School", "Residential"),
        ]
        .iter()
        .enumerate()
        {
            let y = 100.0 + r as f32 * 40.0;
            flow.push(line(y, &[(168.0, name), (237.0, fees)]));
            flow.push(line(
                y + 6.3,
                &[
                    (58.0, amount),
                    (118.0, "1"),
                    (287.0, kind),
                    (357.0, "Some"),
                    (423.0, "Kent"),
                ],
            ));
            flow.push(line(
                y + 12.6,
                &[(168.0, "Ltd"), (237.0, "Fees"), (357.0, "School")],
            ));
        }
        let lines = rebuild(flow, 0, 0.0);
        assert_eq!(lines.len(), 3, "{lines:?}");
        let cells: Vec<&str> = lines[2].cells.iter().map(|c| c.text.as_str()).collect();
        assert_eq!(
            cells,
            [
                "£68,136.00",
                "1",
                "Mary Hare Ltd",
                "School Fees",
                "Residential",
                "Some School",
                "Kent"
            ]
        );
    }

    /// The performance report's monthly activity tables: single-line rows
    /// set well apart, a header whose columns stand closer than a cell gap
    /// ("Apr-12 Apr-13 % increase"), a title row between two tables.
    #[test]
    fn spaced_single_line_rows_that_line_up_are_a_table() {
        let mut header = line(
            100.0,
            &[
                (58.0, "Description"),
                (355.0, "Apr-12"),
                (394.0, "Apr-13"),
                (432.0, "%"),
                (441.0, "increase"),
            ],
        );
        header.cell_starts = vec![0, 1];
        let mut data = line(
            130.0,
            &[
                (58.0, "Number of contacts"),
                (355.0, "606"),
                (394.0, "809"),
                (432.0, "33%"),
            ],
        );
        data.cell_starts = vec![0, 1, 2, 3];
        let title = line(160.0, &[(58.0, "Referrals")]);
        let prose = line(
            190.0,
            &[(
                57.0,
                "2.16. Comparison of 'front door' activity with statistical neighbours",
            )],
        );
        let lines = rebuild(vec![header, data, title, prose], 0, 0.0);
        let cells: Vec<Vec<&str>> = lines
            .iter()
            .map(|l| l.cells.iter().map(|c| c.text.as_str()).collect())
            .collect();
        assert_eq!(
            cells[0],
            ["Description", "Apr-12", "Apr-13", "% increase"],
            "{lines:?}"
        );
        assert_eq!(cells[1], ["Number of contacts", "606", "809", "33%"]);
        assert!(lines[..2].iter().all(|l| l.table == Some(0)));
        // The heading after the table and the prose stay plain lines.
        assert_eq!(lines[2].table, None);
        assert_eq!(lines[3].table, None);
    }

    /// "Table 3" of the Early Help report: a two-line header block gives
    /// the page its wide gutters; the single-line rows below share the
    /// narrower gaps between their numbers, which make the other columns.
    #[test]
    fn single_line_rows_of_a_column_run_split_at_the_gaps_they_share() {
        let mut flow = vec![
            line(100.0, &[(300.0, "Post")]),
            line(
                106.0,
                &[
                    (150.0, "Under 5s"),
                    (200.0, "Primary"),
                    (250.0, "Secondary"),
                    (400.0, "Total"),
                ],
            ),
            line(112.0, &[(300.0, "16")]),
        ];
        for (r, (label, a, b, c, d, total)) in [
            ("Q3 (Oct-Dec)", "72", "50", "48", "10", "180"),
            ("Q4 (Jan- Mar)", "67", "42", "53", "7", "169"),
            ("TOTAL", "139", "92", "101", "17", "349"),
        ]
        .iter()
        .enumerate()
        {
            flow.push(line(
                140.0 + r as f32 * 30.0,
                &[
                    (58.0, label),
                    (150.0, a),
                    (200.0, b),
                    (250.0, c),
                    (300.0, d),
                    (400.0, total),
                ],
            ));
        }
        let lines = rebuild(flow, 0, 0.0);
        let rows: Vec<Vec<&str>> = lines
            .iter()
            .map(|l| l.cells.iter().map(|c| c.text.as_str()).collect())
            .collect();
        assert_eq!(
            rows[1],
            ["Q3 (Oct-Dec)", "72", "50", "48", "10", "180"],
            "{rows:?}"
        );
        assert_eq!(rows[3], ["TOTAL", "139", "92", "101", "17", "349"]);
    }

    /// Words of `text` from `x0`, five points a letter, three a space.
    fn spaced(x0: f32, text: &str) -> Vec<(f32, String)> {
        let mut x = x0;
        text.split(' ')
            .map(|w| {
                let at = x;
                x += w.chars().count() as f32 * 5.0 + 3.0;
                (at, w.to_string())
            })
            .collect()
    }

    fn spaced_line(y: f32, parts: &[(f32, &str)]) -> FlowLine {
        let words: Vec<(f32, String)> = parts.iter().flat_map(|&(x, t)| spaced(x, t)).collect();
        let refs: Vec<(f32, &str)> = words.iter().map(|(x, t)| (*x, t.as_str())).collect();
        line(y, &refs)
    }

    /// Seed 000 "Ground already covered": outputs and outcomes set a few
    /// points apart in one block, every line of outcomes flush at one left
    /// edge, each column named by the header above. The header's "Work"
    /// reaches into the first gutter.
    fn ground_covered(with_header: bool) -> Vec<Line> {
        let mut flow = Vec::new();
        if with_header {
            flow.push(line(
                70.0,
                &[
                    (58.0, "Phase"),
                    (92.0, "of"),
                    (108.0, "Work"),
                    (135.0, "Outputs"),
                    (390.0, "Outcomes"),
                ],
            ));
        }
        flow.extend([
            spaced_line(100.0, &[(390.0, "Centralised and co-ordinated")]),
            spaced_line(
                113.0,
                &[
                    (135.0, "Initial proposals for all services and price"),
                    (390.0, "support to all schools"),
                ],
            ),
            spaced_line(
                126.0,
                &[
                    (58.0, "Phase 2:"),
                    (135.0, "list to be presented Open Day Held"),
                ],
            ),
            spaced_line(
                139.0,
                &[
                    (
                        135.0,
                        "Appropriate systems and infrastructure in place now.",
                    ),
                    (390.0, "Schools are clear"),
                ],
            ),
            spaced_line(
                152.0,
                &[
                    (58.0, "Traded Model"),
                    (135.0, "On Track"),
                    (390.0, "Now operational"),
                ],
            ),
        ]);
        // The outputs end within a word gap of the outcomes.
        let reach = flow
            .iter()
            .flat_map(|l| &l.words)
            .filter(|w| w.x0 < 390.0)
            .map(|w| w.x1)
            .fold(0.0, f32::max);
        assert!(390.0 - reach >= MIN_GUTTER && 390.0 - reach < WIDE_GUTTER);
        rebuild(flow, 0, 0.0)
    }

    fn texts(line: &Line) -> Vec<&str> {
        line.cells.iter().map(|c| c.text.as_str()).collect()
    }

    #[test]
    fn columns_a_word_gap_apart_under_their_header_names_are_cells() {
        let lines = ground_covered(true);
        assert_eq!(lines.len(), 2, "{lines:?}");
        assert!(lines.iter().all(|l| l.table == Some(0)), "{lines:?}");
        assert_eq!(texts(&lines[0]), ["Phase of Work", "Outputs", "Outcomes"]);
        assert_eq!(
            texts(&lines[1]),
            [
                "Phase 2: Traded Model",
                "Initial proposals for all services and price list to be presented Open Day \
                 Held Appropriate systems and infrastructure in place now. On Track",
                "Centralised and co-ordinated support to all schools Schools are clear Now \
                 operational",
            ]
        );
        // Without names over the columns a narrow gap in one block is no
        // gutter: the outcomes stay with the outputs.
        let lines = ground_covered(false);
        assert_eq!(lines.len(), 1, "{lines:?}");
        assert_eq!(lines[0].cells.len(), 2, "{lines:?}");
    }

    /// The budget amendments' savings table: a description column set a
    /// few points right of the name column, long on lines beside a name,
    /// every line of it flush at one left edge. A row whose long name runs
    /// past that edge keeps the gutter from being common to the run, yet in
    /// the rows that leave it free it parts the name from the description.
    #[test]
    fn a_long_column_flush_a_word_gap_from_its_neighbour_keeps_its_gutter() {
        let desc = 286.0;
        let flow = vec![
            spaced_line(
                100.0,
                &[
                    (58.0, "2"),
                    (80.0, "Children's Social Care - Disabled Children"),
                    (desc, "Realignment of the budget to reflect"),
                ],
            ),
            spaced_line(
                113.0,
                &[
                    (80.0, "Placements & Support"),
                    (desc, "the increase in cost of support"),
                ],
            ),
            spaced_line(126.0, &[(desc, "in the year")]),
            spaced_line(
                166.0,
                &[
                    (58.0, "3"),
                    (80.0, "Waste - Realignment"),
                    (desc, "Realignment of tonnes going through"),
                ],
            ),
            spaced_line(
                179.0,
                &[(80.0, "of tonnes sent"), (desc, "the plant based on intel")],
            ),
            spaced_line(192.0, &[(desc, "in 2024")]),
            spaced_line(
                232.0,
                &[
                    (58.0, "4"),
                    (
                        80.0,
                        "Children's Social Care - Disabled Children Placements",
                    ),
                    (340.0, "Use of grant"),
                ],
            ),
        ];
        let lines = rebuild(flow, 0, 0.0);
        assert_eq!(lines.len(), 3, "{lines:?}");
        assert_eq!(
            texts(&lines[0]),
            [
                "2",
                "Children's Social Care - Disabled Children Placements & Support",
                "Realignment of the budget to reflect the increase in cost of support in the year",
            ]
        );
        assert_eq!(
            texts(&lines[1]),
            [
                "3",
                "Waste - Realignment of tonnes sent",
                "Realignment of tonnes going through the plant based on intel in 2024",
            ]
        );
    }
}

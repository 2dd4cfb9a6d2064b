//! Ruled grids: the horizontal and vertical rules a page draws -> tables of
//! rows and columns.
//!
//! Owns which rules form a table and where its rows and column boundaries
//! lie; `lines` puts each glyph inside a grid into its row and cell. It does
//! not own text, nor what a table means (the `grammars` crate).

use crate::pdf::device::Rule;

/// Tolerance in points when matching rules to each other and to glyphs.
pub(super) const TOL: f32 = 2.0;

/// A ruled table on a page: its bounding box and rows, each row with the
/// x positions of the vertical rules that cross it.
#[derive(Debug, Clone, PartialEq)]
pub struct Grid {
    pub x0: f32,
    pub x1: f32,
    pub rows: Vec<GridRow>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct GridRow {
    pub top: f32,
    pub bottom: f32,
    /// Sorted column boundaries; cells lie between neighbours.
    pub columns: Vec<f32>,
}

impl Grid {
    /// The row holding point (x, y), if any.
    pub fn row_at(&self, x: f32, y: f32) -> Option<usize> {
        if x < self.x0 || x > self.x1 {
            return None;
        }
        // Rows are sorted top to bottom and do not overlap (they are the
        // spans between consecutive horizontal rules), so the only row that
        // can hold y is the first whose bottom lies below it.
        let i = self.rows.partition_point(|r| r.bottom <= y);
        self.rows
            .get(i)
            .filter(|r| y >= r.top && y < r.bottom)
            .map(|_| i)
    }
}

impl Grid {
    /// The column edges of the row nearest row `ri` (above before below at
    /// the same distance) that has rules between its cells: where a row
    /// drawn without them (a shaded subtotal band) would set its cells.
    pub fn nearest_columns(&self, ri: usize) -> Option<&[f32]> {
        (1..self.rows.len()).find_map(|d| {
            let above = ri.checked_sub(d).and_then(|i| self.rows.get(i));
            let below = self.rows.get(ri + d);
            [above, below]
                .into_iter()
                .flatten()
                .find(|r| r.columns.len() > 2)
                .map(|r| r.columns.as_slice())
        })
    }
}

/// Find ruled grids: connected sets of horizontal and vertical rules with at
/// least two columns somewhere, or a stack of three or more framed boxes
/// ruled one under another (a one-column table: a heading box over two or
/// more entries, as inspection reports set "Areas for improvement"). A
/// lone framed box, or a heading bar over one box, is not a table: its
/// text stays ordinary lines.
pub fn find_grids(rules: &[Rule]) -> Vec<Grid> {
    let hs: Vec<Rule> = merge(
        rules.iter().copied().filter(Rule::is_horizontal).collect(),
        true,
    );
    let vs: Vec<Rule> = merge(
        rules.iter().copied().filter(Rule::is_vertical).collect(),
        false,
    );
    let all: Vec<(bool, Rule)> = hs
        .iter()
        .map(|r| (true, *r))
        .chain(vs.iter().map(|r| (false, *r)))
        .collect();
    let n = all.len();
    if n == 0 || n > 20_000 {
        return Vec::new();
    }
    let mut parent: Vec<usize> = (0..n).collect();
    fn find(p: &mut [usize], mut i: usize) -> usize {
        while p[i] != i {
            p[i] = p[p[i]];
            i = p[i];
        }
        i
    }
    for i in 0..n {
        for j in (i + 1)..n {
            if touches(&all[i], &all[j]) {
                let (a, b) = (find(&mut parent, i), find(&mut parent, j));
                if a != b {
                    parent[a] = b;
                }
            }
        }
    }
    let mut comps: std::collections::BTreeMap<usize, Vec<usize>> = Default::default();
    for i in 0..n {
        let root = find(&mut parent, i);
        comps.entry(root).or_default().push(i);
    }
    let mut grids = Vec::new();
    for members in comps.values() {
        let h: Vec<Rule> = members
            .iter()
            .filter(|&&i| all[i].0)
            .map(|&i| all[i].1)
            .collect();
        let v: Vec<Rule> = members
            .iter()
            .filter(|&&i| !all[i].0)
            .map(|&i| all[i].1)
            .collect();
        if h.len() < 2 || v.len() < 2 {
            continue;
        }
        let mut ys: Vec<f32> = h.iter().map(|r| (r.y0 + r.y1) / 2.0).collect();
        ys.sort_by(f32::total_cmp);
        ys.dedup_by(|a, b| (*a - *b).abs() <= TOL);
        let x0 = h
            .iter()
            .map(|r| r.x0)
            .chain(v.iter().map(|r| r.x0))
            .fold(f32::INFINITY, f32::min);
        let x1 = h
            .iter()
            .map(|r| r.x1)
            .chain(v.iter().map(|r| r.x1))
            .fold(f32::NEG_INFINITY, f32::max);
        let mut rows = Vec::new();
        for w in ys.windows(2) {
            let (top, bottom) = (w[0], w[1]);
            if bottom - top < 3.0 {
                continue;
            }
            let mid = (top + bottom) / 2.0;
            let mut columns: Vec<f32> = v
                .iter()
                .filter(|r| r.y0 - TOL <= mid && r.y1 + TOL >= mid)
                .map(|r| (r.x0 + r.x1) / 2.0)
                .collect();
            columns.push(x0);
            columns.push(x1);
            columns.sort_by(f32::total_cmp);
            columns.dedup_by(|a, b| (*a - *b).abs() <= TOL * 2.0);
            rows.push(GridRow {
                top,
                bottom,
                columns,
            });
        }
        let stack = rows.len() >= 3 && rows.iter().all(|r| r.columns.len() == 2);
        if stack || rows.iter().any(|r| r.columns.len() >= 3) {
            grids.push(Grid { x0, x1, rows });
        }
    }
    grids.sort_by(|a, b| {
        let ay = a.rows.first().map(|r| r.top).unwrap_or(0.0);
        let by = b.rows.first().map(|r| r.top).unwrap_or(0.0);
        ay.total_cmp(&by)
    });
    grids
}

/// Join collinear segments that touch or overlap (borders are often drawn
/// one cell edge at a time).
fn merge(mut rules: Vec<Rule>, horizontal: bool) -> Vec<Rule> {
    let key = |r: &Rule| {
        if horizontal {
            (r.y0 + r.y1) / 2.0
        } else {
            (r.x0 + r.x1) / 2.0
        }
    };
    let start = |r: &Rule| if horizontal { r.x0 } else { r.y0 };
    rules.sort_by(|a, b| {
        key(a)
            .total_cmp(&key(b))
            .then(start(a).total_cmp(&start(b)))
    });
    let mut out: Vec<Rule> = Vec::new();
    for r in rules {
        if let Some(last) = out.last_mut() {
            let same_line = (key(last) - key(&r)).abs() <= TOL / 2.0;
            let end = if horizontal { last.x1 } else { last.y1 };
            if same_line && start(&r) <= end + TOL {
                if horizontal {
                    last.x1 = last.x1.max(r.x1);
                } else {
                    last.y1 = last.y1.max(r.y1);
                }
                continue;
            }
        }
        out.push(r);
    }
    out
}

fn touches(a: &(bool, Rule), b: &(bool, Rule)) -> bool {
    match (a.0, b.0) {
        (true, false) => crosses(&a.1, &b.1),
        (false, true) => crosses(&b.1, &a.1),
        _ => false,
    }
}

fn crosses(h: &Rule, v: &Rule) -> bool {
    let y = (h.y0 + h.y1) / 2.0;
    let x = (v.x0 + v.x1) / 2.0;
    x >= h.x0 - TOL && x <= h.x1 + TOL && y >= v.y0 - TOL && y <= v.y1 + TOL
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rule(x0: f32, y0: f32, x1: f32, y1: f32) -> Rule {
        Rule { x0, y0, x1, y1 }
    }

    #[test]
    fn a_framed_box_is_not_a_grid() {
        let rules = vec![
            rule(40.0, 90.0, 400.0, 90.0),
            rule(40.0, 130.0, 400.0, 130.0),
            rule(40.0, 90.0, 40.0, 130.0),
            rule(400.0, 90.0, 400.0, 130.0),
        ];
        assert!(find_grids(&rules).is_empty());
    }

    #[test]
    fn a_stack_of_ruled_boxes_is_a_one_column_grid() {
        // Wiltshire's area SEND report, p. 5: "Areas for improvement" in a
        // heading box over two boxed entries, one column, ruled at 467,
        // 483, 559 and 640 pt.
        let mut rules = vec![
            rule(57.0, 467.0, 57.0, 640.0),
            rule(538.0, 467.0, 538.0, 640.0),
        ];
        for y in [467.0, 483.0, 559.0, 640.0] {
            rules.push(rule(57.0, y, 538.0, y));
        }
        let grids = find_grids(&rules);
        assert_eq!(grids.len(), 1, "{grids:?}");
        assert_eq!(grids[0].rows.len(), 3);
        assert!(grids[0].rows.iter().all(|r| r.columns == [57.0, 538.0]));
        // A heading bar over one box is a framed box still.
        let mut two = vec![
            rule(57.0, 467.0, 57.0, 559.0),
            rule(538.0, 467.0, 538.0, 559.0),
        ];
        for y in [467.0, 483.0, 559.0] {
            two.push(rule(57.0, y, 538.0, y));
        }
        assert!(find_grids(&two).is_empty());
    }

    #[test]
    fn borders_drawn_cell_by_cell_make_one_grid_of_rows_and_columns() {
        // Two rows and three columns, every border drawn one cell edge at
        // a time, as many council PDFs draw them.
        let mut rules = Vec::new();
        for y in [90.0, 110.0, 130.0] {
            for (x0, x1) in [(40.0, 180.0), (180.0, 241.0), (241.0, 300.0)] {
                rules.push(rule(x0, y, x1, y));
            }
        }
        for x in [40.0, 180.0, 241.0, 300.0] {
            rules.push(rule(x, 90.0, x, 110.0));
            rules.push(rule(x, 110.0, x, 130.0));
        }
        let grids = find_grids(&rules);
        assert_eq!(grids.len(), 1, "{grids:?}");
        let grid = &grids[0];
        assert_eq!((grid.x0, grid.x1), (40.0, 300.0));
        let rows: Vec<(f32, f32, &[f32])> = grid
            .rows
            .iter()
            .map(|r| (r.top, r.bottom, r.columns.as_slice()))
            .collect();
        let columns: &[f32] = &[40.0, 180.0, 241.0, 300.0];
        assert_eq!(rows, [(90.0, 110.0, columns), (110.0, 130.0, columns)]);
        assert_eq!(grid.row_at(200.0, 120.0), Some(1));
        assert_eq!(grid.row_at(200.0, 140.0), None, "below the grid");
        assert_eq!(grid.row_at(320.0, 100.0), None, "right of the grid");
    }

    #[test]
    fn a_band_without_inner_rules_takes_the_columns_of_the_nearest_ruled_row() {
        // The budget templates: ruled rows, then a "TOTAL PAY" band drawn
        // with its top and bottom rules and the frame only, then ruled rows
        // with one column fewer.
        let mut rules = vec![
            rule(17.0, 70.0, 822.0, 70.0),
            rule(17.0, 160.0, 822.0, 160.0),
            rule(17.0, 172.0, 822.0, 172.0),
            rule(17.0, 200.0, 822.0, 200.0),
            rule(17.0, 70.0, 17.0, 200.0),
            rule(822.0, 70.0, 822.0, 200.0),
        ];
        for x in [93.0, 580.0, 612.0] {
            rules.push(rule(x, 70.0, x, 160.0));
        }
        for x in [93.0, 580.0] {
            rules.push(rule(x, 172.0, x, 200.0));
        }
        let grid = &find_grids(&rules)[0];
        assert_eq!(grid.rows.len(), 3);
        assert_eq!(grid.rows[1].columns, [17.0, 822.0], "the band");
        let above: &[f32] = &[17.0, 93.0, 580.0, 612.0, 822.0];
        assert_eq!(grid.nearest_columns(1), Some(above));
        let below: &[f32] = &[17.0, 93.0, 580.0, 822.0];
        assert_eq!(grid.nearest_columns(0), Some(below));
    }
}

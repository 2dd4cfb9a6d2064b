//! Governors' attendance grids, and the "Chaired by | … | Clerked by | …"
//! row under them.
//!
//! A grid has one row a person (the name, perhaps a type and a term of
//! office) and one column a meeting of the year, the meetings' dates
//! printed above the columns (often turned on their side, so each date is a
//! line of its own) and a mark in each cell: "P" present, "S" sanctioned
//! absence, "A" absent, "L" late arrival. The meeting the minutes record is
//! the column under its own date; without dates, the last column marked. A
//! person with no mark in that column was no member at that meeting.
//! Cells the text layer merged ("P P") are split evenly across their width.

use crate::lex::{find_date, numeric_date};
use crate::minutes::attendance::Entry;
use crate::minutes::lex::FlatLine;
use crate::model::{Attendance, AttendanceStatus};

/// What the grid and the chair/clerk row give, and the lines they used
/// (indices into the region read), which the list reader skips.
#[derive(Debug, Default)]
pub struct Grid {
    pub entries: Vec<Entry>,
    pub used: Vec<usize>,
}

/// A mark's meaning, or None for a cell word that is no mark.
fn mark(token: &str) -> Option<AttendanceStatus> {
    match token {
        "P" | "L" => Some(AttendanceStatus::Present),
        "S" => Some(AttendanceStatus::Apologies),
        "A" => Some(AttendanceStatus::Absent),
        _ => None,
    }
}

/// A cell of marks only ("P", "P P"); an empty cell is none.
fn is_marks(cell: &str) -> bool {
    let mut tokens = cell.split_whitespace().peekable();
    tokens.peek().is_some() && tokens.all(|t| mark(t).is_some())
}

/// A person's name filling a cell: two to five words of letters, no digits
/// and no label colon.
fn is_name(cell: &str) -> bool {
    let words: Vec<&str> = cell.split_whitespace().collect();
    (2..=5).contains(&words.len())
        && words.iter().all(|w| {
            w.starts_with(|c: char| c.is_uppercase())
                && w.chars()
                    .all(|c| c.is_alphabetic() || matches!(c, '-' | '\'' | '’' | '.'))
        })
}

/// A grid row: its name cell, then at least one cell of marks; the other
/// cells are empty or words (type, term of office).
struct Row<'a> {
    index: usize,
    line: &'a FlatLine<'a>,
    name: String,
    role: Option<String>,
}

fn row<'a>(index: usize, l: &'a FlatLine<'a>) -> Option<Row<'a>> {
    l.line.table?;
    let cells = &l.line.cells;
    let at = cells.iter().position(|c| !c.text.trim().is_empty())?;
    let name = cells[at].text.trim();
    if !is_name(name) || !cells[at + 1..].iter().any(|c| is_marks(&c.text)) {
        return None;
    }
    // The first word cell after the name is the governor's type
    // ("Headteacher", "Co-opted", "LA").
    let role = cells[at + 1..]
        .iter()
        .map(|c| c.text.trim())
        .find(|t| !t.is_empty() && !is_marks(t))
        .filter(|t| !t.chars().any(|c| c.is_ascii_digit()))
        .map(str::to_string);
    Some(Row {
        index,
        line: l,
        name: name.to_string(),
        role,
    })
}

/// The mark printed at `x`, splitting a merged cell evenly.
fn mark_at(l: &FlatLine, x: f32) -> Option<AttendanceStatus> {
    let cell = l.line.cells.iter().find(|c| c.x0 <= x && x < c.x1)?;
    if !is_marks(&cell.text) {
        return None;
    }
    let tokens: Vec<&str> = cell.text.split_whitespace().collect();
    let width = (cell.x1 - cell.x0).max(1.0);
    let k = (((x - cell.x0) / width) * tokens.len() as f32) as usize;
    mark(tokens[k.min(tokens.len() - 1)])
}

/// The centre of every mark in a row.
fn mark_centres(l: &FlatLine) -> Vec<f32> {
    let mut out = Vec::new();
    for c in &l.line.cells {
        if !is_marks(&c.text) {
            continue;
        }
        let n = c.text.split_whitespace().count();
        let step = (c.x1 - c.x0) / n as f32;
        out.extend((0..n).map(|i| c.x0 + step * (i as f32 + 0.5)));
    }
    out
}

/// A line that is a date alone ("01/02/2021"): a column's date.
fn column_date(l: &FlatLine) -> Option<(String, f32)> {
    if l.line.cells.len() != 1 {
        return None;
    }
    let c = &l.line.cells[0];
    let (rest, _) = numeric_date(c.text.trim()).ok()?;
    if !rest.is_empty() {
        return None;
    }
    let iso = find_date(c.text.trim())?;
    Some((iso, (c.x0 + c.x1) / 2.0))
}

/// The role a "… by" label gives the person named after it, and whether
/// they are a member present (the chair) or attend for the board (the clerk).
fn by_role(label: &str) -> Option<(&'static str, AttendanceStatus)> {
    let l = label.trim().trim_end_matches(':').to_lowercase();
    match l.strip_suffix(" by")? {
        "chaired" => Some(("Chair", AttendanceStatus::Present)),
        "clerked" | "minuted" => Some(("Clerk", AttendanceStatus::InAttendance)),
        _ => None,
    }
}

/// Read the grid and the chair/clerk row in the lines before the minutes.
pub fn read(region: &[FlatLine], date: Option<&str>) -> Grid {
    let mut grid = Grid::default();
    let rows: Vec<Row> = region
        .iter()
        .enumerate()
        .filter_map(|(i, l)| row(i, l))
        .collect();
    if rows.len() >= 2 {
        let first = rows[0].index;
        let dates: Vec<(String, f32)> = region[..first].iter().filter_map(column_date).collect();
        let column = dates
            .iter()
            .find(|(d, _)| Some(d.as_str()) == date)
            .map(|(_, x)| *x)
            .or_else(|| {
                // No date over the columns: the last column marked.
                rows.iter()
                    .flat_map(|r| mark_centres(r.line))
                    .max_by(|a, b| a.total_cmp(b))
            });
        if let Some(x) = column {
            for r in &rows {
                grid.used.push(r.index);
                let Some(status) = mark_at(r.line, x) else {
                    continue;
                };
                grid.entries.push(Entry {
                    attendance: Attendance {
                        name: r.name.clone(),
                        status,
                        role: r.role.clone(),
                        meeting_date: date.map(str::to_string),
                        ..Attendance::default()
                    },
                    text: r.name.clone(),
                    page: r.line.page,
                });
            }
        }
    }
    // "Chaired by | Keith Moore | Clerked by | Pete Osborne".
    for (i, l) in region.iter().enumerate() {
        if l.line.table.is_none() {
            continue;
        }
        let cells: Vec<&str> = l.line.cells.iter().map(|c| c.text.trim()).collect();
        let pairs: Vec<(&str, &str)> = cells
            .windows(2)
            .filter(|w| by_role(w[0]).is_some() && !w[1].is_empty())
            .map(|w| (w[0], w[1]))
            .collect();
        if pairs.is_empty() {
            continue;
        }
        grid.used.push(i);
        for (label, name) in pairs {
            let Some((role, status)) = by_role(label) else {
                continue;
            };
            let known = grid
                .entries
                .iter_mut()
                .find(|e| e.attendance.name.to_lowercase() == name.to_lowercase());
            match known {
                Some(e) => e.attendance.role = Some(role.to_string()),
                None => grid.entries.push(Entry {
                    attendance: Attendance {
                        name: name.to_string(),
                        status,
                        role: Some(role.to_string()),
                        meeting_date: date.map(str::to_string),
                        ..Attendance::default()
                    },
                    text: format!("{label} {name}"),
                    page: l.page,
                }),
            }
        }
    }
    grid
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::input::{Cell, Line, Page};
    use crate::minutes::lex::flatten;

    fn cell(text: &str, x0: f32, x1: f32) -> Cell {
        Cell {
            text: text.into(),
            x0,
            x1,
        }
    }

    fn line(cells: Vec<Cell>, table: Option<u32>) -> Line {
        let mut l = Line::from_cells(cells, 0.0, 10.0, false);
        l.table = table;
        l
    }

    /// The Business Management Committee's grid (Decoy Community Primary
    /// School, 16 May 2022): dates on their side over the columns, two
    /// columns merged into one cell ("P P") by the text layer.
    #[test]
    fn the_meetings_column_under_its_date() {
        let mut lines = vec![];
        for (d, x) in [
            ("27/09/2021", 316.0),
            ("22/11/2021", 398.0),
            ("24/01/2022", 481.0),
            ("21/03/2022", 564.0),
            ("16/05/2022", 646.0),
        ] {
            lines.push(line(vec![cell(d, x, x + 12.0)], None));
        }
        let grid_row = |name: &str, marks: [&str; 4]| {
            line(
                vec![
                    cell(name, 72.0, 270.0),
                    cell(marks[0], 270.0, 353.0),
                    cell(marks[1], 353.0, 518.0),
                    cell(marks[2], 518.0, 601.0),
                    cell(marks[3], 601.0, 683.0),
                    cell("", 683.0, 766.0),
                ],
                Some(1),
            )
        };
        lines.push(grid_row("Heather Poustie", ["P", "P P", "L", "P"]));
        lines.push(grid_row("Oliver Laity", ["P", "P P", "P", "S"]));
        lines.push(grid_row("Andrew McKenzie", ["", "P", "S", "S"]));
        lines.push(line(
            vec![
                cell("Chaired by", 61.0, 151.0),
                cell("Ruth Shoare", 151.0, 435.0),
                cell("Clerked by", 435.0, 527.0),
                cell("Pete Osborne", 527.0, 768.0),
            ],
            Some(2),
        ));
        let pages = vec![Page {
            number: 1,
            lines,
            ..Page::default()
        }];
        let flat = flatten(&pages);
        let g = read(&flat, Some("2022-05-16"));
        let got: Vec<(String, AttendanceStatus, Option<String>)> = g
            .entries
            .iter()
            .map(|e| {
                (
                    e.attendance.name.clone(),
                    e.attendance.status,
                    e.attendance.role.clone(),
                )
            })
            .collect();
        assert_eq!(
            got,
            vec![
                ("Heather Poustie".into(), AttendanceStatus::Present, None),
                ("Oliver Laity".into(), AttendanceStatus::Apologies, None),
                ("Andrew McKenzie".into(), AttendanceStatus::Apologies, None),
                (
                    "Ruth Shoare".into(),
                    AttendanceStatus::Present,
                    Some("Chair".into())
                ),
                (
                    "Pete Osborne".into(),
                    AttendanceStatus::InAttendance,
                    Some("Clerk".into())
                ),
            ]
        );
        // Without the meeting's date, the last column marked.
        let g = read(&flat, None);
        assert_eq!(g.entries[1].attendance.status, AttendanceStatus::Apologies);
    }
}

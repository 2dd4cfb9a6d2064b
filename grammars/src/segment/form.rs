//! A form filled in several times in one file: a ward's notice of poll per
//! page, a budget amendment form per amendment. Each page that opens with
//! the form's heading — the same words, set in the same display type, on
//! at least two pages — starts a document of its own.
//!
//! Not a form: a caption repeated over each page of one table that runs on
//! ("APPENDIX F: … - RESERVES" over the same column header row on every
//! page). A table continued over a page break repeats its header row; a
//! form's heading is followed by the form's own lines.
//!
//! How long one filled form is, is read from the form's other copies: where
//! two copies stand with only blank pages between them, a copy fills its
//! page, and text on a later page before the next copy is another document
//! (the report a covering form introduces).

use super::Flat;
use std::collections::BTreeMap;

/// Display type: a heading set this much above the body size.
const HEADING_SIZE: f32 = 1.5;

/// Characters a form's heading holds at most.
const HEADING_CHARS: usize = 80;

/// Filled cells a column header row holds at least.
const HEADER_CELLS: usize = 3;

/// Where the copies of a form start, and where a document after a one-page
/// copy starts: indices into the file's lines, ascending.
#[derive(Debug, Default, PartialEq)]
pub struct Forms {
    pub starts: Vec<usize>,
    pub after: Vec<usize>,
}

/// How many of the line's cells hold text.
fn filled_cells(f: &Flat) -> usize {
    f.line
        .cells
        .iter()
        .filter(|c| !c.text.trim().is_empty())
        .count()
}

/// The line's words with its cells' filled count: a heading stands alone.
fn heading_key(f: &Flat) -> Option<String> {
    let text = f.text.trim();
    (f.line.rel_size >= HEADING_SIZE
        && filled_cells(f) <= 1
        && !text.is_empty()
        && text.chars().count() <= HEADING_CHARS
        && text.chars().any(char::is_alphabetic))
    .then(|| format!("{}@{}", text.to_lowercase(), f.line.size.round() as i32))
}

/// A column header row: a table row of several filled cells.
fn header_row(f: &Flat) -> Option<String> {
    (f.line.table.is_some() && filled_cells(f) >= HEADER_CELLS).then(|| f.text.to_string())
}

/// The copies of the forms filled in a file, read from its lines.
pub fn forms(flat: &[Flat]) -> Forms {
    // The highest page index, not the last line's: no line can index past
    // the table of first lines.
    let pages = flat.iter().map(|f| f.page_index + 1).max().unwrap_or(0);
    // Each page's first line with words on it.
    let mut first: Vec<Option<usize>> = vec![None; pages];
    for (i, f) in flat.iter().enumerate() {
        if !f.is_blank() && first[f.page_index].is_none() {
            first[f.page_index] = Some(i);
        }
    }
    let mut by_heading: BTreeMap<String, Vec<usize>> = BTreeMap::new();
    for (p, i) in first.iter().enumerate() {
        if let Some(key) = i.and_then(|i| heading_key(&flat[i])) {
            by_heading.entry(key).or_default().push(p);
        }
    }
    let line_after = |i: usize| {
        flat[i + 1..]
            .iter()
            .take_while(|f| f.page_index == flat[i].page_index)
            .find(|f| !f.is_blank())
    };
    let mut copies: Vec<usize> = Vec::new();
    for on in by_heading.values().filter(|on| on.len() >= 2) {
        let headers: Vec<Option<String>> = on
            .iter()
            .map(|&p| first[p].and_then(line_after).and_then(header_row))
            .collect();
        let continued = headers[0].is_some() && headers.iter().all(|h| *h == headers[0]);
        if !continued {
            copies.extend(on);
        }
    }
    copies.sort_unstable();
    let one_page = copies
        .windows(2)
        .any(|w| (w[0] + 1..w[1]).all(|p| first[p].is_none()));
    let mut out = Forms::default();
    for (k, &p) in copies.iter().enumerate() {
        out.starts.extend(first[p]);
        if !one_page {
            continue;
        }
        let next = copies.get(k + 1).copied().unwrap_or(pages);
        if let Some(i) = (p + 1..next).find_map(|q| first[q]) {
            out.after.push(i);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::input::{Cell, Line, Page};
    use crate::lex::lex_pages;

    /// A line of `cells` set at `rel` times the body size: a table row
    /// where it has more than one cell.
    fn line(rel: f32, cells: &[&str]) -> Line {
        let cells = cells
            .iter()
            .map(|c| Cell {
                text: c.to_string(),
                ..Cell::default()
            })
            .collect::<Vec<_>>();
        let table = (cells.len() > 1).then_some(0);
        Line {
            rel_size: rel,
            table,
            ..Line::from_cells(cells, 0.0, 10.0 * rel, false)
        }
    }

    fn page(number: u32, lines: Vec<Line>) -> Page {
        Page {
            number,
            label: None,
            width: 595.0,
            height: 842.0,
            lines,
        }
    }

    /// A notice of poll, as each ward's page of Halton's file opens.
    fn notice(ward: &str, number: u32) -> Page {
        page(
            number,
            vec![
                line(3.0, &["", "NOTICE OF POLL"]),
                line(1.8, &["", "Borough of Halton"]),
                line(3.0, &["", "Election of a Borough Councillor for"]),
                line(1.8, &["", ward]),
                line(
                    1.0,
                    &["Name of Candidate", "Home Address", "Description (if any)"],
                ),
            ],
        )
    }

    #[test]
    fn each_page_opening_with_a_forms_heading_starts_a_document() {
        let pages = vec![
            notice("Appleton", 1),
            notice("Beechwood", 2),
            notice("Birchfield", 3),
        ];
        let flat = lex_pages(&pages);
        let f = forms(&flat);
        assert_eq!(f.starts, vec![0, 5, 10]);
        assert!(f.after.is_empty());
    }

    #[test]
    fn a_caption_over_a_continued_tables_header_is_no_form() {
        // Kent's alternative budget: the reserves appendix runs over three
        // pages, each under its caption and the same column header row.
        let header = ["Row Ref", "MTFP Category", "Directorate", "Cabinet Member"];
        let caption = "APPENDIX F: 2025-28 LABOUR GROUP ALTERNATIVE BUDGET - RESERVES";
        let sheet = |n: u32, row: &str| {
            page(
                n,
                vec![
                    line(1.7, &["", "", caption, ""]),
                    line(1.0, &header),
                    line(
                        1.0,
                        &[row, "Contributions to reserves", "GET", "Neil Baker"],
                    ),
                ],
            )
        };
        let pages = vec![sheet(1, "1"), sheet(2, "21"), sheet(3, "40")];
        assert_eq!(forms(&lex_pages(&pages)), Forms::default());
    }

    #[test]
    fn a_one_page_form_ends_on_its_page() {
        // Kent's budget amendments pack: a covering letter, amendment form 1
        // (its back blank), the group's report it introduces, then forms 2
        // and 3 each on a sheet of their own.
        let form = |n: u32, name: &str| {
            page(
                n,
                vec![
                    line(2.1, &["Budget Amendment Form"]),
                    line(1.3, &["Amendment Name:", name, "Amendment Number: 1"]),
                ],
            )
        };
        let text = |n: u32, t: &str| page(n, vec![line(1.2, &[t])]);
        let blank = |n: u32| page(n, Vec::new());
        let pages = vec![
            text(1, "Dear Member"),
            form(2, "Labour Group’s Alternative Budget"),
            blank(3),
            text(4, "Kent County Council Labour Group – Alternative Budget"),
            text(5, "Budget Principles"),
            form(6, "LEVI capital funding"),
            blank(7),
            form(8, "Highway Asset Maintenance"),
        ];
        let flat = lex_pages(&pages);
        let f = forms(&flat);
        let pages_of = |v: &[usize]| v.iter().map(|&i| flat[i].page).collect::<Vec<_>>();
        assert_eq!(pages_of(&f.starts), vec![2, 6, 8]);
        assert_eq!(pages_of(&f.after), vec![4]);
    }

    #[test]
    fn a_heading_on_one_page_only_is_no_form() {
        let pages = vec![
            notice("Appleton", 1),
            page(2, vec![line(3.0, &["Statement of Persons Nominated"])]),
        ];
        assert_eq!(forms(&lex_pages(&pages)), Forms::default());
    }
}

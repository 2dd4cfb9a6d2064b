//! Page furniture: running headers and footers, printed page labels, and
//! "This page is intentionally left blank", found across a file's pages and
//! removed from the text the grammars see.
//!
//! A line is furniture when it sits in the top or bottom margin and the same
//! text (digits ignored, same size) stands in that margin on several pages;
//! a title on page 1 set larger than the running header on later pages is
//! therefore kept. The printed page label ("Page 9", "9", "Page 9 of 12",
//! "- 9 -") is kept per page as `Page::label`. Owns nothing else.

use grammars::Page;
use std::collections::HashMap;

/// Fraction of the page height counted as top or bottom margin.
const MARGIN: f32 = 0.10;

/// Remove furniture from `pages` in place, setting each page's label.
pub fn strip(pages: &mut [Page]) {
    let keys = repeated_margin_lines(pages);
    let labels = page_labels(pages);
    // The first page's topmost running header: the file's title where its
    // pages open straight into a table.
    let title = pages.first().and_then(|page| {
        page.lines
            .iter()
            .enumerate()
            .filter(|(_, l)| l.table.is_none() && zone(l.y, page.height) == Some(0))
            .filter(|(_, l)| {
                keys.get(&(0, key(&l.text, l.size)))
                    .is_some_and(|on| on.contains(&0))
            })
            .min_by(|a, b| a.1.y.total_cmp(&b.1.y))
            .map(|(i, _)| i)
    });
    for (index, (page, label)) in pages.iter_mut().zip(labels).enumerate() {
        let height = page.height;
        let label_text = label.as_ref().map(|(_, text)| text.clone());
        let label_index = label.map(|(i, _)| i);
        let mut kept = Vec::with_capacity(page.lines.len());
        for (i, line) in page.lines.drain(..).enumerate() {
            if Some(i) == label_index || is_blank_notice(&line.text) {
                continue;
            }
            if line.table.is_none() {
                if let Some(zone) = zone(line.y, height) {
                    let repeated = keys
                        .get(&(zone, key(&line.text, line.size)))
                        .is_some_and(|on| on.contains(&index));
                    // The file's first page keeps its topmost running
                    // header: a title repeated over every page of a table
                    // (an appendix's name over a landscape register) is
                    // the only title the file has.
                    if repeated && !(index == 0 && title == Some(i)) {
                        continue;
                    }
                }
            }
            kept.push(line);
        }
        page.lines = kept;
        page.label = label_text;
    }
}

fn is_blank_notice(text: &str) -> bool {
    let t = text.trim().trim_end_matches('.').to_ascii_lowercase();
    t == "this page is intentionally left blank" || t == "page intentionally left blank"
}

/// 0 for the top margin, 1 for the bottom margin, None for the body.
fn zone(y: f32, height: f32) -> Option<u8> {
    if height <= 0.0 {
        return None;
    }
    if y < height * MARGIN {
        Some(0)
    } else if y > height * (1.0 - MARGIN) {
        Some(1)
    } else {
        None
    }
}

/// Text with digits folded and case ignored, plus the size to the point, so
/// "Page 3 of 10" and "Page 4 of 10" are the same running footer.
fn key(text: &str, size: f32) -> String {
    let mut k: String = text
        .chars()
        .map(|c| {
            if c.is_ascii_digit() {
                '#'
            } else {
                c.to_ascii_lowercase()
            }
        })
        .collect::<String>()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    while k.contains("##") {
        k = k.replace("##", "#");
    }
    format!("{k}@{}", size.round() as i32)
}

/// Margin lines that repeat on enough pages to be running headers/footers,
/// with the pages they repeat on. A line only counts on a page where the
/// previous or next page has it too: the "Agenda Item" heading that opens
/// each report of an agenda pack repeats, but not on neighbouring pages.
fn repeated_margin_lines(pages: &[Page]) -> HashMap<(u8, String), Vec<usize>> {
    let mut seen_on: HashMap<(u8, String), Vec<usize>> = HashMap::new();
    for (i, page) in pages.iter().enumerate() {
        for line in &page.lines {
            if line.table.is_some() || line.is_blank() {
                continue;
            }
            if let Some(z) = zone(line.y, page.height) {
                let pages_with = seen_on.entry((z, key(&line.text, line.size))).or_default();
                if pages_with.last() != Some(&i) {
                    pages_with.push(i);
                }
            }
        }
    }
    let needed = if pages.len() <= 4 { 2 } else { 3 };
    let mut out = HashMap::new();
    for (k, on) in seen_on {
        let with_neighbour: Vec<usize> = on
            .iter()
            .copied()
            .filter(|&p| on.contains(&(p + 1)) || (p > 0 && on.contains(&(p - 1))))
            .collect();
        if with_neighbour.len() >= needed {
            out.insert(k, with_neighbour);
        }
    }
    out
}

/// A printed page label: "Page 9", "Page 9 of 12", "9", "- 9 -", "9 of 12".
pub fn parse_label(text: &str) -> Option<u32> {
    let t = text
        .trim()
        .trim_matches(|c: char| c == '-' || c == '–' || c.is_whitespace());
    let t = t
        .strip_prefix("Page ")
        .or_else(|| t.strip_prefix("page "))
        .or_else(|| t.strip_prefix("PAGE "))
        .unwrap_or(t)
        .trim();
    let number = match t.split_once(" of ") {
        Some((n, total)) if total.trim().chars().all(|c| c.is_ascii_digit()) => n.trim(),
        Some(_) => return None,
        None => t,
    };
    if number.is_empty() || number.len() > 5 || !number.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    number.parse().ok()
}

/// The text a margin line could be a page label by: the whole line outside
/// tables; inside a table (a footer set in line with a borderless table's
/// column, as "Page 3 of 54" under the finance monitoring report's
/// recommendations table) only a worded label standing alone in its row,
/// every other cell empty, since a bare number there is more likely a
/// figure than a page number.
fn label_text(line: &grammars::Line) -> Option<&str> {
    if line.table.is_none() {
        return Some(&line.text);
    }
    let mut filled = line.cells.iter().filter(|c| !c.text.trim().is_empty());
    let only = filled.next()?;
    if filled.next().is_some() || !only.text.to_ascii_lowercase().contains("page") {
        return None;
    }
    Some(&only.text)
}

/// For each page, the index of its label line and the label text. A bare
/// number only counts when a neighbouring page has a label at the same
/// offset from the physical page number (so a stray figure in a margin is
/// not taken for a page number).
fn page_labels(pages: &[Page]) -> Vec<Option<(usize, String)>> {
    let candidates: Vec<Option<(usize, String, u32, bool)>> = pages
        .iter()
        .map(|page| {
            let margin: Vec<(usize, &grammars::Line)> = page
                .lines
                .iter()
                .enumerate()
                .filter(|(_, l)| zone(l.y, page.height).is_some())
                .collect();
            // Footers are the commoner place: look from the bottom up.
            margin.iter().rev().find_map(|(i, l)| {
                let text = label_text(l)?;
                let n = parse_label(text)?;
                let worded = text.to_ascii_lowercase().contains("page");
                Some((*i, text.trim().to_string(), n, worded))
            })
        })
        .collect();
    let offset = |i: usize| {
        candidates[i]
            .as_ref()
            .map(|(_, _, n, _)| *n as i64 - pages[i].number as i64)
    };
    (0..pages.len())
        .map(|i| {
            let (line, text, _, worded) = candidates[i].clone()?;
            let mine = offset(i);
            let neighbour_agrees =
                (i > 0 && offset(i - 1) == mine) || (i + 1 < pages.len() && offset(i + 1) == mine);
            (worded || neighbour_agrees).then_some((line, text))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use grammars::{Cell, Line};

    fn line(text: &str, y: f32, size: f32) -> Line {
        Line::from_cells(
            vec![Cell {
                text: text.into(),
                x0: 50.0,
                x1: 300.0,
            }],
            y,
            size,
            false,
        )
    }

    fn page(n: u32, lines: Vec<Line>) -> Page {
        Page {
            number: n,
            label: None,
            width: 595.0,
            height: 842.0,
            lines,
        }
    }

    #[test]
    fn labels_in_their_printed_forms() {
        assert_eq!(parse_label("Page 9"), Some(9));
        assert_eq!(parse_label("Page 9 of 12"), Some(9));
        assert_eq!(parse_label("- 9 -"), Some(9));
        assert_eq!(parse_label("12"), Some(12));
        assert_eq!(parse_label("Page nine"), None);
        assert_eq!(parse_label("2015/16"), None);
    }

    #[test]
    fn a_page_label_alone_in_a_table_row_is_the_label() {
        // The finance monitoring report's page 3: "Page 3 of 54" right of
        // the page's foot falls in the second column of the borderless
        // recommendations table above it ("2.1 | Note the forecast ...").
        let row = |cells: [&str; 2], y: f32, size: f32| {
            let mut l = Line::from_cells(
                vec![
                    Cell {
                        text: cells[0].into(),
                        x0: 72.0,
                        x1: 95.0,
                    },
                    Cell {
                        text: cells[1].into(),
                        x0: 108.0,
                        x1: 770.0,
                    },
                ],
                y,
                size,
                false,
            );
            l.table = Some(0);
            l
        };
        let mut pages: Vec<Page> = (3..=4)
            .map(|n| {
                let mut p = page(
                    n,
                    vec![row(
                        ["2.1", "Note the forecast revenue overspend of £23.3m"],
                        510.0,
                        11.0,
                    )],
                );
                p.height = 595.3;
                p.lines
                    .push(row(["", &format!("Page {n} of 54")], 536.3, 9.0));
                p
            })
            .collect();
        strip(&mut pages);
        assert_eq!(pages[0].label.as_deref(), Some("Page 3 of 54"));
        assert_eq!(pages[1].label.as_deref(), Some("Page 4 of 54"));
        for p in &pages {
            assert_eq!(p.lines.len(), 1, "{:?}", p.lines);
            assert!(p.lines[0].text.starts_with("2.1"));
        }
        // A bare figure alone in a table row is no label, even where the
        // next page's figure runs on from it as page numbers do.
        let bare: Vec<Page> = (12..=13)
            .map(|n| page(n, vec![row(["", &n.to_string()], 800.0, 9.0)]))
            .collect();
        assert_eq!(page_labels(&bare), vec![None, None]);
    }

    #[test]
    fn running_header_goes_but_a_larger_title_stays() {
        let mut pages = vec![
            page(
                1,
                vec![
                    line("Early help: whose responsibility?", 40.0, 20.0),
                    line("Body one", 300.0, 10.0),
                ],
            ),
            page(
                2,
                vec![
                    line("Early help: whose responsibility?", 30.0, 9.0),
                    line("Body two", 300.0, 10.0),
                    line("2", 800.0, 9.0),
                ],
            ),
            page(
                3,
                vec![
                    line("Early help: whose responsibility?", 30.0, 9.0),
                    line("Body three", 300.0, 10.0),
                    line("3", 800.0, 9.0),
                ],
            ),
            page(
                4,
                vec![
                    line("Early help: whose responsibility?", 30.0, 9.0),
                    line("Body four", 300.0, 10.0),
                    line("4", 800.0, 9.0),
                ],
            ),
        ];
        strip(&mut pages);
        assert_eq!(pages[0].lines.len(), 2, "the title on page 1 is kept");
        for p in &pages[1..] {
            assert_eq!(p.lines.len(), 1, "{:?}", p.lines);
            assert!(p.lines[0].text.starts_with("Body"));
        }
        assert_eq!(pages[1].label.as_deref(), Some("2"));
        assert_eq!(pages[0].label, None);
    }

    #[test]
    fn the_first_pages_running_header_titles_the_file() {
        // Sutton Coldfield's grant schedule: the same two small lines over
        // every landscape page, and tables under them.
        let mut pages: Vec<Page> = (1..=3)
            .map(|n| {
                let mut p = page(
                    n,
                    vec![
                        line("Community Grant Applications 13th March 2018", 30.0, 9.0),
                        line(
                            "Amenities, Leisure & Community Services Committee",
                            42.0,
                            9.0,
                        ),
                        line(&format!("Organisation {n}"), 300.0, 10.0),
                        line(&n.to_string(), 570.0, 9.0),
                    ],
                );
                p.width = 842.0;
                p.height = 595.0;
                p
            })
            .collect();
        strip(&mut pages);
        assert_eq!(
            pages[0].lines[0].text,
            "Community Grant Applications 13th March 2018"
        );
        // Only the topmost: the committee's name under it goes.
        assert_eq!(pages[0].lines.len(), 2, "{:?}", pages[0].lines);
        for p in &pages[1..] {
            assert_eq!(p.lines.len(), 1, "{:?}", p.lines);
            assert!(p.lines[0].text.starts_with("Organisation"));
        }
        // The running footer goes on the first page as well.
        assert_eq!(pages[0].label.as_deref(), Some("1"));
    }
}

//! The typography of laid-out PDF lines, as a reader sees it.
//!
//! Owns two things: telling a line bold or italic from its glyphs (most of
//! its characters decide, [`Faces`]), and, once a file's pages are laid out
//! and their furniture removed, each line's place on its page and its size
//! against the file's body text ([`annotate`]): indent from the text
//! column's left edge, space above, alignment, capitals, relative size.
//! The body size is the file's, as documents are only found later (by the
//! grammars): for a pack of many documents it is the pack's body text.
//! The field names live on `grammars::Line`; what a glyph's font means
//! lives in `pdf::style`.

use crate::pdf::device::Glyph;
use grammars::input::{is_caps, Align};
use grammars::{Line, Page};
use std::collections::BTreeMap;

/// How many of a run of glyphs are bold, and italic.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Faces {
    chars: u32,
    bold: u32,
    italic: u32,
}

impl Faces {
    /// The faces of the glyphs that print something (spaces do not count).
    pub fn of<'a>(glyphs: impl IntoIterator<Item = &'a Glyph>) -> Faces {
        let mut f = Faces::default();
        for g in glyphs {
            if g.text.trim().is_empty() {
                continue;
            }
            f.chars += 1;
            f.bold += u32::from(g.bold);
            f.italic += u32::from(g.italic);
        }
        f
    }

    /// The faces of two runs together.
    pub fn and(self, other: Faces) -> Faces {
        Faces {
            chars: self.chars + other.chars,
            bold: self.bold + other.bold,
            italic: self.italic + other.italic,
        }
    }

    /// More than half the characters are bold.
    pub fn bold(&self) -> bool {
        self.bold * 2 > self.chars
    }

    pub fn italic(&self) -> bool {
        self.italic * 2 > self.chars
    }

    /// Set a line's bold and italic from these faces.
    pub fn mark(&self, line: &mut Line) {
        line.bold = self.bold();
        line.italic = self.italic();
    }
}

/// Sizes are counted in steps of this many points when finding the body size.
const SIZE_STEP: f32 = 0.5;
/// Left edges this close (points) are one edge.
const EDGE_TOL: f32 = 1.5;
/// A line with at least this much room (points) on both sides of the text
/// column may be centred.
const MIN_SLACK: f32 = 6.0;
/// A right-aligned line ends this close (points) to the column's right edge.
const RIGHT_TOL: f32 = 3.0;
/// A right-aligned line is at most this share of the column wide (a
/// paragraph's wrapped lines joined reach both edges).
const RIGHT_MAX_WIDTH: f32 = 0.6;

/// Fill in every line's indent, space above, alignment, capitals and
/// relative size. Bold and italic are set where the lines are built.
pub fn annotate(pages: &mut [Page]) {
    let body = body_size(pages);
    let file_left = shared_left(pages.iter().flat_map(|p| &p.lines));
    for page in pages {
        let column = Column::of(page, file_left);
        let mut previous_baseline: Option<f32> = None;
        for line in &mut page.lines {
            if line.is_blank() {
                continue;
            }
            line.caps = is_caps(&line.text);
            line.rel_size = if body > 0.0 {
                round(line.size / body, 100.0)
            } else {
                0.0
            };
            line.indent = round(line.x0() - column.left, 10.0);
            line.align = column.align(line);
            line.space_above = match previous_baseline {
                Some(baseline) if line.size > 0.0 => {
                    round(((line.y - baseline) / line.size).max(0.0), 100.0)
                }
                _ => 0.0,
            };
            previous_baseline = Some(line.y + line.size);
        }
    }
}

fn round(v: f32, scale: f32) -> f32 {
    (v * scale).round() / scale
}

/// The size most of a file's characters are set in (0 for none).
pub fn body_size(pages: &[Page]) -> f32 {
    let mut count: BTreeMap<i32, usize> = BTreeMap::new();
    for line in pages.iter().flat_map(|p| &p.lines) {
        if line.size > 0.0 {
            let chars = line.text.chars().filter(|c| !c.is_whitespace()).count();
            *count
                .entry((line.size / SIZE_STEP).round() as i32)
                .or_default() += chars;
        }
    }
    // The most characters; of equal counts, the smaller size.
    count
        .iter()
        .max_by(|a, b| a.1.cmp(b.1).then(b.0.cmp(a.0)))
        .map_or(0.0, |(&step, _)| step as f32 * SIZE_STEP)
}

/// The left edges (points) at which two or more lines start.
fn shared_edges<'a>(lines: impl IntoIterator<Item = &'a Line>) -> Vec<f32> {
    let mut xs: Vec<f32> = lines
        .into_iter()
        .filter(|l| !l.is_blank())
        .map(Line::x0)
        .collect();
    xs.sort_by(f32::total_cmp);
    let mut edges: Vec<f32> = Vec::new();
    for w in xs.windows(2) {
        if w[1] - w[0] <= EDGE_TOL && edges.last().is_none_or(|e| w[0] - e > EDGE_TOL) {
            edges.push(w[0]);
        }
    }
    edges
}

/// The leftmost edge two or more lines start at.
fn shared_left<'a>(lines: impl IntoIterator<Item = &'a Line>) -> Option<f32> {
    shared_edges(lines).first().copied()
}

/// The page's text column, and the left edges lines share on it.
struct Column {
    left: f32,
    right: f32,
    page_centre: f32,
    edges: Vec<f32>,
}

impl Column {
    /// The column's left edge is the leftmost edge two lines share (a lone
    /// page number in the margin is no edge); on a page where no two lines
    /// share one (a cover of centred lines), the file's. Its right edge is
    /// where the longest line ends, or the left margin's mirror image when
    /// the left edge is the file's.
    fn of(page: &Page, file_left: Option<f32>) -> Column {
        let lines = page.lines.iter().filter(|l| !l.is_blank());
        let edges = shared_edges(&page.lines);
        let min_x0 = lines.clone().map(Line::x0).fold(f32::INFINITY, f32::min);
        let max_x1 = lines
            .map(|l| l.cells.last().map_or(0.0, |c| c.x1))
            .fold(f32::NEG_INFINITY, f32::max);
        let (left, right) = match (edges.first(), file_left) {
            (Some(&left), _) => (left, max_x1),
            (None, Some(left)) if left <= min_x0 + EDGE_TOL => {
                (left, max_x1.max(page.width - left))
            }
            _ => (min_x0, max_x1),
        };
        Column {
            left,
            right,
            page_centre: page.width / 2.0,
            edges,
        }
    }

    /// Centred: room on both sides and the middle of the line on the
    /// middle of the column or of the page. Right: a short line ending at
    /// the column's right edge. A line starting at an edge other
    /// lines share is left-aligned (in its column), and so is a table row.
    fn align(&self, line: &Line) -> Align {
        let x0 = line.x0();
        let x1 = line.cells.last().map_or(x0, |c| c.x1);
        let on_edge = self.edges.iter().any(|e| (x0 - e).abs() <= EDGE_TOL);
        if line.table.is_some() || on_edge {
            return Align::Left;
        }
        let (room_left, room_right) = (x0 - self.left, self.right - x1);
        let middle = (x0 + x1) / 2.0;
        let tol = ((self.right - self.left) * 0.02).max(3.0);
        let centred_on = |c: f32| (middle - c).abs() <= tol;
        if room_left >= MIN_SLACK
            && room_right >= MIN_SLACK
            && (centred_on((self.left + self.right) / 2.0) || centred_on(self.page_centre))
        {
            Align::Centre
        } else if room_right.abs() <= RIGHT_TOL
            && room_left >= MIN_SLACK
            && x1 - x0 <= (self.right - self.left) * RIGHT_MAX_WIDTH
        {
            Align::Right
        } else {
            Align::Left
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pdf::device::GlyphText;
    use grammars::Cell;

    fn glyph(text: &str, bold: bool, italic: bool) -> Glyph {
        Glyph {
            x: 0.0,
            y: 0.0,
            w: 5.0,
            size: 10.0,
            text: GlyphText::from(text),
            rotated: false,
            bold,
            italic,
        }
    }

    #[test]
    fn most_characters_decide_bold_and_italic_and_spaces_do_not_count() {
        let mut gs: Vec<Glyph> = "Item".chars().map(|_| glyph("x", true, false)).collect();
        gs.extend((0..3).map(|_| glyph(" ", false, true)));
        gs.extend((0..3).map(|_| glyph("y", false, true)));
        let f = Faces::of(&gs);
        assert!(f.bold() && !f.italic());
        let more = f.and(Faces::of(&[
            glyph("z", false, true),
            glyph("z", false, true),
        ]));
        assert!(!more.bold() && more.italic());
        assert!(!Faces::default().bold());
    }

    fn line(text: &str, x0: f32, x1: f32, y: f32, size: f32) -> Line {
        Line::from_cells(
            vec![Cell {
                text: text.into(),
                x0,
                x1,
            }],
            y,
            size,
            false,
        )
    }

    fn page(lines: Vec<Line>) -> Page {
        Page {
            number: 1,
            label: None,
            width: 595.0,
            height: 842.0,
            lines,
        }
    }

    #[test]
    fn body_size_is_the_size_most_characters_are_set_in() {
        let p = page(vec![
            line("AGENDA", 250.0, 345.0, 50.0, 18.0),
            line(
                "The meeting will be held in the Civic Centre",
                72.0,
                500.0,
                80.0,
                11.0,
            ),
            line("on Tuesday at 7pm", 72.0, 200.0, 94.0, 11.2),
        ]);
        assert_eq!(body_size(&[p]), 11.0);
        assert_eq!(body_size(&[]), 0.0);
    }

    #[test]
    fn a_title_centred_over_the_column_a_date_set_right_and_an_indented_item() {
        let mut pages = vec![page(vec![
            line("AGENDA", 250.0, 345.0, 50.0, 18.0),
            line("12 March 2025", 420.0, 523.0, 80.0, 11.0),
            line(
                "The meeting will be held in the Civic Centre",
                72.0,
                523.0,
                100.0,
                11.0,
            ),
            line("on Tuesday at 7pm.", 72.0, 200.0, 114.0, 11.0),
            line("a) the budget", 108.0, 220.0, 150.0, 11.0),
        ])];
        annotate(&mut pages);
        let l = &pages[0].lines;
        assert_eq!(l[0].align, Align::Centre);
        assert!(l[0].caps && l[0].rel_size > 1.5);
        assert_eq!(l[1].align, Align::Right);
        assert_eq!(l[2].align, Align::Left);
        assert_eq!(l[3].align, Align::Left);
        assert_eq!((l[2].indent, l[4].indent), (0.0, 36.0));
        assert_eq!(l[4].align, Align::Left);
        // Baseline 125 to top 150: 25 points, in 11-point lines.
        assert_eq!(l[4].space_above, round(25.0 / 11.0, 100.0));
        assert_eq!(l[3].space_above, round(3.0 / 11.0, 100.0));
        assert_eq!(l[0].space_above, 0.0);
        assert_eq!(l[2].rel_size, 1.0);
    }

    #[test]
    fn a_page_of_centred_lines_is_measured_from_the_files_margin() {
        let body = page(vec![
            line("Report of the Director", 72.0, 400.0, 100.0, 11.0),
            line("of Children's Services", 72.0, 380.0, 114.0, 11.0),
        ]);
        let cover = page(vec![
            line("Schools Forum", 230.0, 365.0, 300.0, 20.0),
            line("Minutes of the meeting", 210.0, 385.0, 330.0, 14.0),
        ]);
        let mut pages = vec![cover, body];
        annotate(&mut pages);
        let l = &pages[0].lines;
        assert_eq!(l[0].align, Align::Centre);
        assert_eq!(l[1].align, Align::Centre);
        assert_eq!(l[0].indent, 158.0);
    }

    #[test]
    fn the_second_of_two_columns_is_left_aligned() {
        let mut pages = vec![page(vec![
            line("Left column text runs", 72.0, 280.0, 100.0, 11.0),
            line("Right column text runs", 310.0, 523.0, 100.0, 11.0),
            line("on and on in the left", 72.0, 280.0, 114.0, 11.0),
            line("on and on in the right", 310.0, 523.0, 114.0, 11.0),
        ])];
        annotate(&mut pages);
        assert!(pages[0].lines.iter().all(|l| l.align == Align::Left));
    }
}

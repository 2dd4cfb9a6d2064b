//! A document's outline: which of its lines are headings, and at what level,
//! told from typography and numbering the way a reader tells them.
//!
//! A heading is a short line that stands out from the body text: set larger,
//! in bold, in capitals, or marked as a heading by its markup; not a table
//! row, not a list bullet, not a sentence running on. Each heading has a
//! *style* — its markup level, relative size, weight, capitals and the style
//! of the number opening it — and a document uses each style for one level
//! consistently: the more prominent a style (markup level, then size, then
//! weight, capitals, shallower numbering), the higher its level. A style
//! most of the document is set in is the body, never a heading.
//!
//! Grammars read a heading's body as the lines up to the next heading of
//! the same or a higher level (`Outline::body`).

use crate::lex::{LexedLine, NumberStyle};
use std::collections::BTreeMap;
use std::ops::Range;

/// A heading of the document: the index of its line in the document's
/// lines, and its level (1 the highest).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Heading {
    pub line: usize,
    pub level: u8,
}

/// The headings of a document, in reading order.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Outline {
    pub headings: Vec<Heading>,
    /// How many lines the document has (the end of the last body).
    lines: usize,
}

/// What makes a heading look as it does. Ordered by prominence: a smaller
/// key is a higher level.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
struct Style {
    /// The markup's heading level (h1 = 1), 9 where there is none.
    markup: u8,
    /// Relative size in tenths, negated so that larger sorts first.
    size: i32,
    /// Not bold (false sorts first).
    light: bool,
    /// Not in capitals.
    lower: bool,
    /// Numbering depth: 0 none, 1 "7.", 2 "7.1" or "(a)", 3 deeper.
    depth: u8,
}

/// The longest line read as a heading, in characters and in words.
const MAX_CHARS: usize = 120;
const MAX_WORDS: usize = 16;
/// A style on more than this share of the document's lines is its body.
const BODY_SHARE: f32 = 0.4;
/// Levels beyond this are folded into it.
const DEEPEST: u8 = 6;

impl Outline {
    /// The outline of a document's lines.
    pub fn of(lines: &[LexedLine]) -> Outline {
        let mut styles: Vec<Option<Style>> = lines.iter().map(heading_style).collect();
        drop_paragraphs(lines, &mut styles);
        let mut count: BTreeMap<Style, usize> = BTreeMap::new();
        for s in styles.iter().flatten() {
            *count.entry(*s).or_default() += 1;
        }
        let prose = lines.iter().filter(|l| l.line.table.is_none()).count();
        let body =
            |s: &Style| s.markup == 9 && prose >= 10 && count[s] as f32 > BODY_SHARE * prose as f32;
        // Levels by prominence among the styles in use.
        let levels: BTreeMap<Style, u8> = count
            .keys()
            .filter(|s| !body(s))
            .enumerate()
            .map(|(k, s)| (*s, (k as u8 + 1).min(DEEPEST)))
            .collect();
        let headings = styles
            .iter()
            .enumerate()
            .filter_map(|(line, s)| {
                let level = *levels.get(s.as_ref()?)?;
                Some(Heading { line, level })
            })
            .collect();
        Outline {
            headings,
            lines: lines.len(),
        }
    }

    /// The heading on line `line`, if it is one.
    pub fn heading_at(&self, line: usize) -> Option<Heading> {
        self.headings
            .binary_search_by_key(&line, |h| h.line)
            .ok()
            .map(|k| self.headings[k])
    }

    /// The lines under a heading: from the line after it to the next heading
    /// of the same or a higher level.
    pub fn body(&self, heading: Heading) -> Range<usize> {
        let end = self
            .headings
            .iter()
            .find(|h| h.line > heading.line && h.level <= heading.level)
            .map_or(self.lines, |h| h.line);
        heading.line + 1..end
    }
}

/// The largest gap between the lines of one block, in font sizes from the
/// previous baseline to the line's top (a wrapped line sits ~0.2 below).
const WRAP_GAP: f32 = 0.6;

/// Relative size from which a line is set larger than the body.
const LARGER: f32 = 1.15;
/// The most words on the first line of a title that wraps onto a second.
const WRAPPED_TITLE_WORDS: usize = 8;

/// Lines that look alike and follow each other at the line spacing are one
/// block: a block of three lines or more in body size is a paragraph set in
/// bold or capitals, not headings, and so is a block of two whose first
/// line is long; otherwise the first line is the heading and the lines
/// after it its wrapped end, not headings of their own. A line opening with a
/// number or bullet starts a block of its own.
fn drop_paragraphs(lines: &[LexedLine], styles: &mut [Option<Style>]) {
    // The look alone: a numbered title's wrapped line carries no number.
    let looks: Vec<Option<Style>> = styles
        .iter()
        .map(|s| s.map(|s| Style { depth: 0, ..s }))
        .collect();
    let continues = |k: usize| {
        k > 0
            && looks[k].is_some()
            && looks[k] == looks[k - 1]
            && lines[k].number.is_none()
            && lines[k].page == lines[k - 1].page
            && lines[k].line.rel_size > 0.0
            && lines[k].line.space_above < WRAP_GAP
    };
    let mut start = 0;
    while start < lines.len() {
        let mut end = start + 1;
        while end < lines.len() && continues(end) {
            end += 1;
        }
        let large = lines[start].line.rel_size >= LARGER;
        let first = &lines[start];
        let long_first = || {
            !first.line.caps
                && first.number.is_none()
                && more_words_than(&first.text, WRAPPED_TITLE_WORDS)
        };
        if end - start >= 3 && !large || end - start == 2 && long_first() {
            styles[start..end].iter_mut().for_each(|s| *s = None);
        } else if end - start >= 2 {
            styles[start + 1..end].iter_mut().for_each(|s| *s = None);
        }
        start = end;
    }
}

/// Whether `text` (folded) has more than `n` words: counted no further
/// than the word past `n`.
fn more_words_than(text: &str, n: usize) -> bool {
    text.split(' ').nth(n).is_some()
}

/// The style of a line that looks like a heading; `None` for body text,
/// table rows, bullets and sentences.
fn heading_style(l: &LexedLine) -> Option<Style> {
    let line = l.line;
    if line.table.is_some() || l.bullet.is_some() {
        return None;
    }
    let larger = line.rel_size >= LARGER;
    let looks = line.heading.is_some() || line.bold || larger || line.caps;
    if !looks {
        return None;
    }
    let text = &*l.text;
    if text.len() > MAX_CHARS && text.chars().count() > MAX_CHARS
        || more_words_than(text, MAX_WORDS)
    {
        return None;
    }
    // A line ending a sentence mid-paragraph, or a clause, is not a title.
    let runs_on = text.ends_with(',')
        || text.ends_with(';')
        || line.heading.is_none() && text.starts_with(char::is_lowercase)
        || text.ends_with('.') && more_words_than(text, WRAPPED_TITLE_WORDS);
    if runs_on {
        return None;
    }
    let depth = match l.number.as_ref().map(|n| n.style) {
        None => 0,
        Some(NumberStyle::Arabic | NumberStyle::Worded | NumberStyle::Reference) => 1,
        Some(NumberStyle::Dotted { depth }) => depth.min(3),
        Some(NumberStyle::Letter { .. } | NumberStyle::Roman) => 2,
    };
    Some(Style {
        markup: line.heading.unwrap_or(9),
        size: if line.rel_size > 0.0 {
            -(line.rel_size * 10.0).round() as i32
        } else {
            -10
        },
        light: !line.bold,
        lower: !line.caps,
        depth,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::input::{Line, Page};
    use crate::lex::lex_pages;

    fn page(lines: Vec<Line>) -> Page {
        Page {
            number: 1,
            label: None,
            width: 595.0,
            height: 842.0,
            lines,
        }
    }

    fn line(text: &str, y: f32, rel_size: f32, bold: bool) -> Line {
        let cell = crate::input::Cell {
            text: text.to_string(),
            x0: 72.0,
            x1: 300.0,
        };
        let mut l = Line::from_cells(vec![cell], y, 10.0 * rel_size, bold);
        l.rel_size = rel_size;
        l.caps = crate::input::is_caps(text);
        l
    }

    #[test]
    fn a_minute_headings_numbered_paragraphs_stay_body() {
        // ModernGov printed minutes: bold numbered minutes, then numbered
        // paragraphs in body type under them.
        let mut lines = vec![line("CABINET", 0.0, 1.6, true)];
        let mut y = 20.0;
        for (n, title) in [(84, "Apologies (Item 1)"), (85, "Budget 2025-26 (Item 4)")] {
            lines.push(line(&format!("{n}. {title}"), y, 1.0, true));
            y += 12.0;
            for k in 1..=3 {
                lines.push(line(
                    &format!(
                        "{k}. Mr R Gough, Leader of the Council provided an update on the work"
                    ),
                    y,
                    1.0,
                    false,
                ));
                y += 12.0;
                lines.push(line(
                    "which the Cabinet had done since it last met and the plans",
                    y,
                    1.0,
                    false,
                ));
                y += 12.0;
            }
        }
        let pages = vec![page(lines)];
        let lexed: Vec<_> = lex_pages(&pages);
        let outline = Outline::of(&lexed);
        let texts: Vec<(&str, u8)> = outline
            .headings
            .iter()
            .map(|h| (&*lexed[h.line].text, h.level))
            .collect();
        assert_eq!(
            texts,
            vec![
                ("CABINET", 1),
                ("84. Apologies (Item 1)", 2),
                ("85. Budget 2025-26 (Item 4)", 2)
            ]
        );
        let first = outline.headings[1];
        assert_eq!(outline.body(first), 2..8);
        assert_eq!(outline.body(outline.headings[0]), 1..lexed.len());
    }

    #[test]
    fn markup_levels_come_first_and_a_bold_body_is_no_heading() {
        let mut h1 = line("Minutes", 0.0, 0.0, true);
        h1.heading = Some(1);
        let mut lines = vec![h1];
        for k in 0..12 {
            lines.push(line(
                &format!("Every line of this letter is set in bold {k}"),
                1.0 + k as f32,
                0.0,
                true,
            ));
        }
        let pages = vec![page(lines)];
        let lexed = lex_pages(&pages);
        let outline = Outline::of(&lexed);
        assert_eq!(outline.headings, vec![Heading { line: 0, level: 1 }]);
    }
}

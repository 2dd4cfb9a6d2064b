//! The grammars' input: pages of lines, each line made of positioned cells.
//!
//! Owns the shape every reader (PDF layout, plain text, markdown, HTML) hands
//! to the grammars and the plain-text reader itself, which is pure (`&str`
//! in, pages out). The markdown and HTML readers live in `markup`; PDF
//! reading lives in the binary's `pdf` module.

use serde::{Deserialize, Serialize};

/// One physical page after page furniture has been removed.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Page {
    /// 1-based physical page number inside the file.
    pub number: u32,
    /// The printed page label ("Page 9", "9", "Page 9 of 12"), where there is one.
    pub label: Option<String>,
    /// Page size in points (0 for text inputs).
    pub width: f32,
    pub height: f32,
    /// Lines in reading order.
    pub lines: Vec<Line>,
}

/// One line of text, or one row of a ruled table.
///
/// `text` is the cells joined by a tab, so a grammar that only wants words can
/// read `text`, and one that wants columns reads `cells`. A row of a ruled
/// table (or a tab-separated line of a text input) is one `Line` whose cells
/// are the table cells, each cell's wrapped lines joined by a space: this is
/// what makes the PDF and text forms of the same document look alike.
///
/// The typography a reader sees is on every line: `size`, `bold`,
/// `italic`, `indent`, `space_above`, `align`, `caps` and `rel_size` (the
/// one place these names live). PDF lines carry all of it; text inputs set
/// what text can say (`bold` from `**…**`, `indent` from leading spaces,
/// `space_above` from blank lines, `caps`) and leave the rest at its
/// default.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Line {
    pub text: String,
    pub cells: Vec<Cell>,
    /// Top of the line in points from the top of the page (line index for text).
    pub y: f32,
    /// Dominant font size in points (0 for text inputs).
    pub size: f32,
    /// Most of the line is set in a bold font, or drawn filled then stroked
    /// (or `**…**` in text input).
    pub bold: bool,
    /// The line is a row of a table (ruled grid in a PDF, or a tab-separated
    /// line in text); `table` numbers the grid on its page so that rows of one
    /// grid can be told from rows of the next.
    pub table: Option<u32>,
    /// The line is a heading its source marks as one, with its level (1 the
    /// highest): `#`..`######` in markdown, `h1`..`h6` in HTML. `None` where
    /// the source has no such mark (plain text, PDF).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub heading: Option<u8>,
    /// Most of the line is set in an italic font.
    #[serde(default)]
    pub italic: bool,
    /// Left edge relative to the left edge of the page's text column, in
    /// points (negative in a margin left of it); leading spaces in text.
    #[serde(default)]
    pub indent: f32,
    /// Blank space above the line: from the previous line's baseline to
    /// this line's top, in this line's font sizes (0 for a page's first
    /// line); blank lines above it in text.
    #[serde(default)]
    pub space_above: f32,
    /// How the line sits in the text column.
    #[serde(default)]
    pub align: Align,
    /// Every letter is a capital, and there are at least two.
    #[serde(default)]
    pub caps: bool,
    /// `size` over the body size of the file: the size most of its
    /// characters are set in (0 where unknown: text inputs). A file is
    /// sized as a whole, before it is split into documents.
    #[serde(default)]
    pub rel_size: f32,
}

/// How a line sits in its text column.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Align {
    #[default]
    Left,
    Centre,
    Right,
}

/// Every letter is a capital, and there are at least two ("AGENDA",
/// "ITEM 5", not "A" nor "£10m").
pub fn is_caps(text: &str) -> bool {
    let mut capitals = 0;
    for c in text.chars() {
        if c.is_lowercase() {
            return false;
        }
        if c.is_uppercase() {
            capitals += 1;
        }
    }
    capitals >= 2
}

/// A run of text at a horizontal position.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Cell {
    pub text: String,
    /// Left and right edge in points (column index for text inputs).
    pub x0: f32,
    pub x1: f32,
}

impl Line {
    /// A line from cells; `text` is their texts joined by a tab.
    pub fn from_cells(cells: Vec<Cell>, y: f32, size: f32, bold: bool) -> Line {
        let text = cells
            .iter()
            .map(|c| c.text.as_str())
            .collect::<Vec<_>>()
            .join("\t");
        Line {
            text,
            cells,
            y,
            size,
            bold,
            ..Line::default()
        }
    }

    /// The left edge of the line's first cell.
    pub fn x0(&self) -> f32 {
        self.cells.first().map(|c| c.x0).unwrap_or(0.0)
    }

    pub fn is_blank(&self) -> bool {
        // Most lines open with a visible ASCII character: they are told
        // without trimming (which decodes characters from both ends).
        match self.text.as_bytes().first() {
            Some(c) if c.is_ascii_graphic() => false,
            _ => self.text.trim().is_empty(),
        }
    }
}

/// Read a plain-text document (`.txt`, `.md`) into pages.
///
/// A form feed starts a new page. A line holding a tab is a table row whose
/// cells are its tab-separated fields. `**bold**` markers are removed and mark
/// the line bold; HTML fragments inside cells (`<p>`, `<ol>`, `<u>`) are kept
/// as they are: the grammars that read cells strip them.
pub fn from_text(text: &str) -> Vec<Page> {
    let mut pages = Vec::new();
    for (i, page_text) in text.split('\u{c}').enumerate() {
        let mut lines = Vec::new();
        let mut in_bold = false;
        for (n, raw) in page_text.lines().enumerate() {
            let raw = raw.trim_end_matches('\r');
            let starts_bold = in_bold;
            let markers = raw.matches("**").count();
            if markers % 2 == 1 {
                in_bold = !in_bold;
            }
            let bold = starts_bold || markers > 0;
            let clean = raw.replace("**", "");
            let y = n as f32;
            if clean.contains('\t') {
                let cells = clean
                    .split('\t')
                    .enumerate()
                    .map(|(k, t)| Cell {
                        text: t.trim().to_string(),
                        x0: k as f32,
                        x1: k as f32 + 1.0,
                    })
                    .collect();
                let mut line = Line::from_cells(cells, y, 0.0, bold);
                line.table = Some(0);
                lines.push(line);
            } else {
                let t = clean.trim();
                let indent = (clean.len() - clean.trim_start().len()) as f32;
                let cells = if t.is_empty() {
                    Vec::new()
                } else {
                    vec![Cell {
                        text: t.to_string(),
                        x0: indent,
                        x1: indent + t.chars().count() as f32,
                    }]
                };
                lines.push(Line::from_cells(cells, y, 0.0, bold));
            }
        }
        pages.push(Page {
            number: i as u32 + 1,
            label: None,
            width: 0.0,
            height: 0.0,
            lines,
        });
    }
    text_typography(&mut pages);
    pages
}

/// What a text input says of its lines' typography: indent (leading
/// spaces: a line's first cell starts at its indent), blank lines above,
/// capitals.
pub fn text_typography(pages: &mut [Page]) {
    for page in pages {
        let mut blank = 0;
        let mut first = true;
        for line in &mut page.lines {
            if line.is_blank() {
                blank += 1;
                continue;
            }
            line.indent = if line.table.is_some() { 0.0 } else { line.x0() };
            line.space_above = if first { 0.0 } else { blank as f32 };
            line.caps = is_caps(&line.text);
            blank = 0;
            first = false;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn form_feed_splits_pages_and_tabs_make_cells() {
        let pages = from_text("a\tb\tc\n**Bold\nstill bold**\nplain\u{c}second");
        assert_eq!(pages.len(), 2);
        assert_eq!(pages[0].lines[0].cells.len(), 3);
        assert_eq!(pages[0].lines[0].table, Some(0));
        assert!(pages[0].lines[1].bold && pages[0].lines[2].bold);
        assert_eq!(pages[0].lines[2].text, "still bold");
        assert!(!pages[0].lines[3].bold);
        assert_eq!(pages[1].number, 2);
        assert_eq!(pages[1].lines[0].text, "second");
    }

    #[test]
    fn text_lines_carry_indent_blank_lines_above_and_capitals() {
        let pages = from_text("AGENDA\n\n\n   1. Apologies\nItem 5\tA\tB");
        let lines = &pages[0].lines;
        assert!(lines[0].caps);
        assert_eq!(lines[0].space_above, 0.0);
        assert_eq!(lines[3].indent, 3.0);
        assert_eq!(lines[3].space_above, 2.0);
        assert!(!lines[3].caps);
        assert_eq!(lines[4].indent, 0.0);
        assert_eq!(lines[4].align, Align::Left);
        assert_eq!(lines[4].rel_size, 0.0);
    }

    #[test]
    fn capitals_need_two_letters_and_no_small_ones() {
        for (text, caps) in [
            ("AGENDA", true),
            ("ITEM 5: APOLOGIES", true),
            ("CYPE", true),
            ("ÉTÉ", true),
            ("A", false),
            ("A 1", false),
            ("£10m", false),
            ("Agenda", false),
            ("12.3", false),
            ("", false),
        ] {
            assert_eq!(is_caps(text), caps, "{text:?}");
        }
    }

    #[test]
    fn lines_without_typography_still_read() {
        // The fixtures of earlier layouts carry only size and bold.
        let line: Line = serde_json::from_str(
            r#"{"text":"a","cells":[],"y":1.0,"size":10.0,"bold":true,"table":null}"#,
        )
        .expect("an old line reads");
        assert!(line.bold && !line.italic && !line.caps);
        assert_eq!(line.align, Align::Left);
        let json = serde_json::to_string(&Line {
            align: Align::Centre,
            ..Line::default()
        })
        .expect("serialises");
        assert!(json.contains(r#""align":"centre""#), "{json}");
    }

    #[test]
    fn blank_as_trimmed_to_nothing() {
        for t in [
            "",
            " ",
            "\t",
            "\u{a0}",
            "\u{3000} \u{2003}",
            "x",
            " x",
            "x ",
            "\u{a0}x",
            "é",
            "!",
            "~",
            "\u{7f}",
            "\u{0}",
            "\n",
        ] {
            let line = Line {
                text: t.to_string(),
                ..Line::default()
            };
            assert_eq!(line.is_blank(), t.trim().is_empty(), "{t:?}");
        }
    }
}

//! The markup readers: markdown (`.md`) and HTML (`.html`, `.htm`) -> pages
//! of lines, as the grammars read a PDF's.
//!
//! Both are pure (`&str` in, pages out) and keep what a reader of the
//! rendered page sees: headings get their level and are bold, `**bold**` and
//! `<strong>` make a line bold where most of it is, list items keep their
//! printed number or get a "- " bullet (the mark every grammar takes for a
//! bullet, and the one attendance lists are read best with), table rows
//! become lines with one cell per column. Marks a reader never sees (`#`, `**`, tags, scripts,
//! styles, front matter other than its title) are removed, and character
//! references decoded. Owns the line builder both share; the plain-text
//! reader stays in `input`.

pub mod entities;
mod html;
mod inline;
mod markdown;

pub use html::{decode_bytes, from_html};
pub use markdown::from_markdown;

use crate::input::{Cell, Line, Page};

/// The text of one line as a reader builds it: whitespace folded to single
/// spaces (no-break spaces too), invisible characters dropped, and a count of
/// how much of it is bold.
#[derive(Debug, Default, Clone)]
pub(crate) struct Styled {
    text: String,
    /// Non-space characters, and how many of them are bold.
    visible: usize,
    bold: usize,
    /// A space is owed before the next visible character.
    space: bool,
}

impl Styled {
    pub(crate) fn push(&mut self, s: &str, bold: bool) {
        for c in s.chars() {
            self.push_char(c, bold);
        }
    }

    pub(crate) fn push_char(&mut self, c: char, bold: bool) {
        if c.is_whitespace() {
            self.space = !self.text.is_empty();
            return;
        }
        // Soft hyphens, zero-width spaces and joiners, byte-order marks.
        if matches!(
            c,
            '\u{ad}' | '\u{200b}'..='\u{200d}' | '\u{2060}' | '\u{feff}'
        ) {
            return;
        }
        if self.space {
            self.text.push(' ');
            self.space = false;
        }
        self.text.push(c);
        self.visible += 1;
        self.bold += usize::from(bold);
    }

    pub(crate) fn is_empty(&self) -> bool {
        self.text.is_empty()
    }

    /// Most of the line's characters are bold, as a PDF line's `bold` says
    /// of its glyphs.
    pub(crate) fn mostly_bold(&self) -> bool {
        2 * self.bold > self.visible
    }

    #[cfg(test)]
    pub(crate) fn text(&self) -> &str {
        &self.text
    }

    pub(crate) fn into_text(self) -> String {
        self.text
    }
}

/// A line of text with one cell starting `indent` characters in.
pub(crate) fn text_line(text: String, indent: f32, bold: bool, heading: Option<u8>) -> Line {
    let cells = if text.is_empty() {
        Vec::new()
    } else {
        vec![Cell {
            x1: indent + text.chars().count() as f32,
            text,
            x0: indent,
        }]
    };
    let mut line = Line::from_cells(cells, 0.0, 0.0, bold);
    line.heading = heading;
    line
}

/// One cell of a table row, spanning `span` columns.
#[derive(Debug, Clone)]
pub(crate) struct RowCell {
    pub text: String,
    pub span: u32,
}

/// A table row: one cell per column (a cell's x0..x1 are the columns it
/// spans), numbered `table` on its page, like a tab-separated text row.
pub(crate) fn row_line(cells: Vec<RowCell>, bold: bool, table: u32) -> Line {
    let mut column = 0u32;
    let cells = cells
        .into_iter()
        .map(|c| {
            let x0 = column as f32;
            column += c.span.max(1);
            Cell {
                text: c.text,
                x0,
                x1: column as f32,
            }
        })
        .collect();
    let mut line = Line::from_cells(cells, 0.0, 0.0, bold);
    line.table = Some(table);
    line
}

/// A page of lines: `y` numbers them from the top, blank lines included
/// (a blank line is the gap that ends a paragraph), trailing blanks dropped.
pub(crate) fn page(number: u32, mut lines: Vec<Line>) -> Page {
    while lines.last().is_some_and(Line::is_blank) {
        lines.pop();
    }
    for (i, line) in lines.iter_mut().enumerate() {
        line.y = i as f32;
    }
    Page {
        number,
        label: None,
        width: 0.0,
        height: 0.0,
        lines,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A line as the readers' tests compare it, heading level, table and bold
    /// marked: "H2 B 1. Apologies", "T0 B Payee | Net".
    pub(super) fn shown(l: &Line) -> String {
        let mut s = String::new();
        if let Some(h) = l.heading {
            s.push_str(&format!("H{h} "));
        }
        if let Some(t) = l.table {
            s.push_str(&format!("T{t} "));
        }
        if l.bold {
            s.push_str("B ");
        }
        let cells: Vec<&str> = l.cells.iter().map(|c| c.text.as_str()).collect();
        s.push_str(&cells.join(" | "));
        s.trim_end().to_string()
    }

    #[test]
    fn styled_folds_spaces_and_counts_bold() {
        let mut s = Styled::default();
        s.push("  i)\u{a0}\u{a0} ", true);
        s.push("Chairman\u{ad}’s\tReport ", true);
        s.push("by Cllr. Crisp", false);
        assert_eq!(s.text(), "i) Chairman’s Report by Cllr. Crisp");
        assert!(s.mostly_bold());
        s.push(" and the Clerk", false);
        assert!(!s.mostly_bold());
    }

    #[test]
    fn any_cut_of_awkward_markup_reads_without_panicking() {
        // Text cut anywhere (a file cut short, a tag or reference half
        // written) is read, never a panic.
        let html = "<html><head><title>a<b</title><script>x='</script>'</script></head>\
            <body><h2 class=\"x>y\">Present</h2><ol start=\"x\" type=I><li value=-3>Cllr A \
            &amp; B&#x2013;&#99999999;&eacute<table><tr><td colspan=0>a<th>b<td><table><td>c\
            </table></tr></table><pre>x\ny</pre><!-- open";
        let md = "---\ntitle: \"Minutes\"\n---\n# **Minutes** #\n+ **1. Apologies**\n\
            \t- *a* _b_ ***c*** `d` [e](f(g)) ![h](i) <j> &amp; \\\n| a | b |\n|---|---|\n\
            | 1 \\| 2 | `|` |\n<table><tr><td>x<td>y\n\n```\ncode\n~~~\nSetext\n===\n";
        for text in [html, md] {
            for (k, _) in text.char_indices() {
                let _ = from_html(&text[..k]);
                let _ = from_markdown(&text[..k]);
            }
        }
    }

    #[test]
    fn rows_number_columns_by_span_and_pages_number_lines() {
        let row = row_line(
            vec![
                RowCell {
                    text: "Payee".into(),
                    span: 2,
                },
                RowCell {
                    text: "Gross".into(),
                    span: 1,
                },
            ],
            true,
            3,
        );
        assert_eq!(row.text, "Payee\tGross");
        assert_eq!((row.cells[1].x0, row.cells[1].x1), (2.0, 3.0));
        assert_eq!(row.table, Some(3));
        let p = page(
            1,
            vec![
                text_line("a".into(), 0.0, false, Some(1)),
                text_line(String::new(), 0.0, false, None),
                row,
                text_line(String::new(), 0.0, false, None),
            ],
        );
        assert_eq!(p.lines.len(), 3);
        assert_eq!(p.lines[2].y, 2.0);
        assert_eq!(p.lines[0].heading, Some(1));
    }
}

//! One lexing pass over a file: every line once, with what each stage after
//! reads of it — its folded text, its typography (the `Line` it came from),
//! the number or bullet that opens it, whether it is page furniture.
//!
//! Segmentation reads these lines to find documents, the outline reads a
//! document's lines to find its headings, and every grammar reads the same
//! lines: nothing is folded or lexed twice.

use super::bullets::bullet;
use super::fold::{fold_html, is_furniture_plain, plain, plain_cells, plain_cow, plain_row};
use super::number::{lead_number, LeadNumber};
use crate::input::{Line, Page};
use std::borrow::Cow;

/// A line of a file, lexed.
#[derive(Debug, Clone)]
pub struct LexedLine<'a> {
    /// Index of its page in the file's pages.
    pub page_index: usize,
    /// Its page's physical number (1-based).
    pub page: u32,
    /// Index of the line on its page.
    pub index: usize,
    /// The line as laid out: cells, size, weight, indent, alignment.
    pub line: &'a Line,
    /// The words a reader reads: cells joined by a space, `**` marks and
    /// HTML fragments removed, whitespace folded; "" for a blank line.
    pub text: Cow<'a, str>,
    /// The text with a table row's cells kept apart (" | "), and "" for
    /// page furniture: what segmentation and the classifier read.
    pub plain: Cow<'a, str>,
    /// "This page is intentionally left blank" and the like.
    pub furniture: bool,
    /// The number opening the line ("7.", "(a)", "CAB/23/45"), if any.
    pub number: Option<LeadNumber>,
    /// The bullet opening the line, if any.
    pub bullet: Option<char>,
}

impl LexedLine<'_> {
    /// No words on the line (or only furniture, which a reader skips).
    pub fn is_blank(&self) -> bool {
        self.plain.is_empty()
    }

    /// The text after the opening number or bullet: "Apologies" of
    /// "7. Apologies".
    pub fn rest(&self) -> &str {
        if let Some(n) = &self.number {
            return &self.text[n.rest..];
        }
        if self.bullet.is_some() {
            if let Ok((rest, _)) = bullet(&self.text) {
                return rest;
            }
        }
        &self.text
    }

    /// `plain` of each tab-separated piece of the line's text, empty
    /// pieces dropped: a line without tabs is its lexed text, not folded
    /// again.
    pub fn plain_pieces(&self) -> Vec<Cow<'_, str>> {
        if !self.line.text.contains('\t') {
            return if self.text.is_empty() {
                Vec::new()
            } else {
                vec![Cow::Borrowed(&*self.text)]
            };
        }
        self.line
            .text
            .split('\t')
            .map(plain)
            .filter(|c| !c.is_empty())
            .map(Cow::Owned)
            .collect()
    }

    /// The same line, its texts borrowed from this one (a copy that
    /// copies no text).
    pub fn reborrow(&self) -> LexedLine<'_> {
        LexedLine {
            page_index: self.page_index,
            page: self.page,
            index: self.index,
            line: self.line,
            text: Cow::Borrowed(&self.text),
            plain: Cow::Borrowed(&self.plain),
            furniture: self.furniture,
            number: self.number.clone(),
            bullet: self.bullet,
        }
    }

    /// The clean text of each cell.
    pub fn cells(&self) -> Vec<String> {
        self.line.cells.iter().map(|c| fold_html(&c.text)).collect()
    }
}

/// Every line of a file's pages, blank lines included, in reading order.
pub fn lex_pages(pages: &[Page]) -> Vec<LexedLine<'_>> {
    let mut out = Vec::with_capacity(pages.iter().map(|p| p.lines.len()).sum());
    for (page_index, page) in pages.iter().enumerate() {
        for (index, line) in page.lines.iter().enumerate() {
            out.push(lex_line(page_index, page.number, index, line));
        }
    }
    out
}

/// One line lexed: `page_index` and `index` place it in the file, `page`
/// is its page's physical number.
pub fn lex_line(page_index: usize, page: u32, index: usize, line: &Line) -> LexedLine<'_> {
    // The line's words, folded once: the furniture test and a line with no
    // cells read the same text.
    let tabs = line.text.contains('\t');
    // A row's words and its cells apart are made together where they can be.
    let (text, row) = match tabs.then(|| plain_row(&line.text)).flatten() {
        Some((words, cells)) => (Cow::Owned(words), Some(cells)),
        None => (plain_cow(&line.text), None),
    };
    let furniture = is_furniture_plain(&text);
    let plain = if furniture {
        Cow::Borrowed("")
    } else if let Some(cells) = row {
        Cow::Owned(cells)
    } else if tabs {
        Cow::Owned(plain_cells(&line.text))
    } else {
        text.clone()
    };
    let number = lead_number(&text);
    let bullet = if number.is_none() {
        bullet(&text).ok().map(|(_, c)| c)
    } else {
        None
    };
    LexedLine {
        page_index,
        page,
        index,
        line,
        text,
        plain,
        furniture,
        number,
        bullet,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::input::from_text;

    #[test]
    fn a_line_is_lexed_once_with_its_number_bullet_and_texts() {
        let pages = from_text("7.  Apologies\n\n• <b>R and D</b>  costs\nCabinet\tyes\tno\nThis page is intentionally left blank");
        let lines = lex_pages(&pages);
        assert_eq!(lines.len(), 5);
        let seven = &lines[0];
        assert_eq!(seven.text, "7. Apologies");
        assert_eq!(seven.number.as_ref().map(|n| n.label.as_str()), Some("7"));
        assert_eq!(seven.rest(), "Apologies");
        assert!(lines[1].is_blank());
        assert_eq!(lines[2].bullet, Some('•'));
        assert_eq!(lines[2].rest(), "R and D costs");
        assert_eq!(lines[3].text, "Cabinet yes no");
        assert_eq!(lines[3].plain, "Cabinet | yes | no");
        assert!(lines[4].furniture && lines[4].is_blank());
    }

    #[test]
    fn text_plain_and_furniture_are_the_folds_of_the_line() {
        use crate::lex::{is_furniture, plain, plain_cells};
        let text = "7.  Apologies\n • **Bold**\tcell\n<b>R &amp; D</b>\n\u{a0}page intentionally left blank\nx\tThis page is intentionally left blank\n  This page is intentionally left blank\n\t\n";
        for l in lex_pages(&from_text(text)) {
            let t = &l.line.text;
            assert_eq!(l.text, plain(t), "{t:?}");
            assert_eq!(l.furniture, is_furniture(t), "{t:?}");
            let want = if l.furniture {
                String::new()
            } else {
                plain_cells(t)
            };
            assert_eq!(l.plain, want, "{t:?}");
        }
    }
}

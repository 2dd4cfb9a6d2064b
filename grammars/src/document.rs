//! One document as every grammar reads it: its pages (cut to its own
//! lines), its lines lexed once, its outline, and what segmentation said
//! of it.

use crate::input::Page;
use crate::lex::{lex_pages, LexedLine};
use crate::model::DocumentInfo;
use crate::outline::Outline;

/// A document found in a file, ready for its grammars.
pub struct Doc<'a> {
    /// The document's pages, each cut to the document's lines; physical
    /// page numbers and printed labels kept.
    pub pages: &'a [Page],
    /// Its lines with words on them, in reading order, lexed.
    pub lines: Vec<LexedLine<'a>>,
    /// Its headings and their levels.
    pub outline: Outline,
    /// Type, title, council, body, date and pages, as segmentation read them.
    pub info: &'a DocumentInfo,
    /// The document's index in `Parsed::documents`.
    pub index: usize,
}

impl<'a> Doc<'a> {
    /// A document of `pages` with lines lexed already (the file's lines in
    /// the document's range).
    pub fn new(
        pages: &'a [Page],
        lexed: impl IntoIterator<Item = LexedLine<'a>>,
        info: &'a DocumentInfo,
        index: usize,
    ) -> Doc<'a> {
        let lines: Vec<LexedLine<'a>> = lexed.into_iter().filter(|l| !l.text.is_empty()).collect();
        let outline = Outline::of(&lines);
        Doc {
            pages,
            lines,
            outline,
            info,
            index,
        }
    }

    /// A document of `pages`, lexed here: for a grammar run on its own.
    pub fn of(pages: &'a [Page], info: &'a DocumentInfo, index: usize) -> Doc<'a> {
        Doc::new(pages, lex_pages(pages), info, index)
    }
}

//! A file's pages -> documents with page ranges and a type.
//!
//! Owns where one document ends and the next begins inside an agenda pack,
//! and what type each is. It does not parse a document's content.

use crate::input::Page;
use crate::model::{DocType, DocumentInfo};

/// A document found in a file: its metadata and the pages it spans.
#[derive(Debug, Clone, PartialEq)]
pub struct Segment {
    pub info: DocumentInfo,
    /// Index range into the file's pages slice.
    pub first: usize,
    pub last: usize,
}

/// Split pages into documents. Every page belongs to exactly one document.
pub fn segment(pages: &[Page]) -> Vec<Segment> {
    if pages.is_empty() {
        return Vec::new();
    }
    vec![Segment {
        info: DocumentInfo {
            doc_type: DocType::Other,
            pages: [pages[0].number, pages[pages.len() - 1].number],
            ..DocumentInfo::default()
        },
        first: 0,
        last: pages.len() - 1,
    }]
}

//! Layout: a PDF's positioned glyphs and rules -> the pages the grammars read.
//!
//! Pure: every step is a function of what the step before gave, with no I/O,
//! no environment and no process-wide state, so each is tested alone on
//! glyphs made in the test. In the order a page goes through them:
//!
//! - `grids`: the page's rules -> ruled tables of rows and columns;
//! - `lines`: glyphs -> words -> lines in reading order, cells split at wide
//!   gaps and vertical rules, the glyphs inside a ruled grid -> table rows;
//!   a header row left at the foot of a page given the columns of the table
//!   below;
//! - `columns`: borderless column layouts -> rows, by gutters and gaps;
//! - `furniture`: running headers and footers found across a file's pages
//!   and removed, printed page labels kept;
//! - `typography`: each line's size against the file's body text, italic,
//!   indent against the text column, space above, alignment, all-caps.
//!
//! It does not read PDFs (`crate::pdf` hands it glyphs) nor know what a
//! line or a table means (the `grammars` crate).

pub mod columns;
pub mod furniture;
pub mod grids;
pub mod lines;
pub mod typography;

use crate::pdf::device::RawPage;
use grammars::Page;

/// A file's pages laid out: each page's lines, then the furniture that
/// repeats across pages removed, then header rows broken across a page
/// break joined to the table they head, and each line's typography read
/// against its page and file.
pub fn pages(raws: &[RawPage]) -> Vec<Page> {
    let mut pages: Vec<Page> = raws.iter().map(lines::page_lines).collect();
    furniture::strip(&mut pages);
    lines::split_headers(raws, &mut pages);
    typography::annotate(&mut pages);
    pages
}

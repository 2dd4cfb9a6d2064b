//! Meeting headings (agenda front sheets, minutes headings, report headers) -> `meeting` records.

use crate::input::Page;
use crate::model::{DocumentInfo, Parsed};

/// Read one document's pages and append its records to `out`.
pub fn parse(_pages: &[Page], _info: &DocumentInfo, _doc: usize, _out: &mut Parsed) {}

//! Recommendations: addressee groups ("LSCBs should:"), numbered blocks with progress updates, areas for improvement, an officer report's "Recommendations:".

use crate::input::Page;
use crate::model::{DocumentInfo, Parsed};

/// Read one document's pages and append its records to `out`.
pub fn parse(_pages: &[Page], _info: &DocumentInfo, _doc: usize, _out: &mut Parsed) {}

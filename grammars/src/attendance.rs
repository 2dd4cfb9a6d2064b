//! Attendance lists (present, apologies, in attendance, the chair) and declarations of interest.

use crate::input::Page;
use crate::model::{DocumentInfo, Parsed};

/// Read one document's pages and append its records to `out`.
pub fn parse(_pages: &[Page], _info: &DocumentInfo, _doc: usize, _out: &mut Parsed) {}

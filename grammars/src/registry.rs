//! Document type -> the grammars that read it, one line each.

use crate::input::Page;
use crate::model::{DocType, DocumentInfo, Parsed};
use crate::{agenda, meeting, minutes, recommendation, report, table};

/// A grammar reads one document's pages and appends records and diagnostics.
/// `doc` is the document's index in `Parsed::documents`.
pub type Grammar = fn(pages: &[Page], info: &DocumentInfo, doc: usize, out: &mut Parsed);

/// The grammars that run over a document of this type, in order. The
/// minutes grid is the layout of the minutes, not a data table, so minutes
/// get no table grammar.
pub fn grammars_for(doc_type: DocType) -> &'static [Grammar] {
    match doc_type {
        DocType::Agenda => &[meeting::parse, agenda::parse],
        // `attendance::parse` then `minutes::parse`, sharing their reading
        // of the document.
        DocType::Minutes => &[meeting::parse, minutes::parse_with_attendance],
        DocType::OfficerReport => &[report::parse, recommendation::parse, table::parse],
        DocType::InspectionReport => &[recommendation::parse, table::parse],
        DocType::ScrutinyReport => &[report::parse, recommendation::parse, table::parse],
        DocType::MemberReport => &[report::parse, recommendation::parse, table::parse],
        DocType::PerformanceReport => &[report::parse, recommendation::parse, table::parse],
        DocType::WorkPlan => &[table::parse],
        DocType::Presentation => &[table::parse],
        DocType::Other => &[table::parse],
    }
}

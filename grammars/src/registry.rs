//! Document type -> the grammars that read it, one line each.

use crate::input::Page;
use crate::model::{DocType, DocumentInfo, Parsed};

/// A grammar reads one document's pages and appends records and diagnostics.
/// `doc` is the document's index in `Parsed::documents`.
pub type Grammar = fn(pages: &[Page], info: &DocumentInfo, doc: usize, out: &mut Parsed);

/// The grammars that run over a document of this type, in order.
pub fn grammars_for(doc_type: DocType) -> &'static [Grammar] {
    match doc_type {
        DocType::Agenda => &[],
        DocType::Minutes => &[],
        DocType::OfficerReport => &[],
        DocType::InspectionReport => &[],
        DocType::ScrutinyReport => &[],
        DocType::MemberReport => &[],
        DocType::PerformanceReport => &[],
        DocType::WorkPlan => &[],
        DocType::Presentation => &[],
        DocType::Other => &[],
    }
}

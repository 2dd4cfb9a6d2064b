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

/// Whether `grammars_for(doc_type)` opens with `report::parse`, so that
/// the front sheet segmenting read can be handed to it
/// (`report::parse_with_sheet`) rather than read again.
pub fn opens_with_report(doc_type: DocType) -> bool {
    matches!(
        doc_type,
        DocType::OfficerReport
            | DocType::ScrutinyReport
            | DocType::MemberReport
            | DocType::PerformanceReport
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn report_grammar_opens_the_lists_said_to_open_with_it() {
        for t in DocType::ALL {
            let first = grammars_for(t).first().copied();
            let is_report =
                first.is_some_and(|g| std::ptr::fn_addr_eq(g, report::parse as Grammar));
            assert_eq!(opens_with_report(t), is_report, "{t:?}");
        }
    }
}

//! Document type -> the grammars that read it, one line each.

use crate::agenda::{self, meeting};
use crate::document::Doc;
use crate::model::{DocType, Parsed};
use crate::{decisions, judgements, minutes, recommendations, reports, tables};

/// A grammar reads one document (its pages, lexed lines and outline) and
/// appends records and diagnostics.
pub type Grammar = fn(doc: &Doc, out: &mut Parsed);

/// The grammars that run over a document of this type, in order. The
/// minutes grid is the layout of the minutes, not a data table, so minutes
/// get no table grammar.
pub fn grammars_for(doc_type: DocType) -> &'static [Grammar] {
    match doc_type {
        DocType::Agenda => &[meeting::parse, agenda::parse],
        // `attendance::parse` then `minutes::parse`, sharing their reading
        // of the document; then the agenda minutes list under their heading.
        DocType::Minutes => &[
            meeting::parse,
            minutes::parse_with_attendance,
            agenda::parse_listed,
        ],
        DocType::OfficerReport => &[reports::parse, recommendations::parse, tables::parse],
        DocType::InspectionReport => &[
            judgements::cover::parse,
            recommendations::parse,
            tables::parse,
            judgements::parse,
        ],
        DocType::ScrutinyReport => &[reports::parse, recommendations::parse, tables::parse],
        DocType::MemberReport => &[
            reports::parse,
            recommendations::parse,
            tables::parse,
            decisions::parse,
        ],
        DocType::PerformanceReport => &[reports::parse, recommendations::parse, tables::parse],
        // A work plan may come with the report covering it (its sheet and
        // recommendation): the report grammars find nothing in a bare plan.
        DocType::WorkPlan => &[reports::parse, recommendations::parse, tables::parse],
        DocType::Presentation => &[tables::parse],
        // A covering letter's title may name the meeting of its pack.
        DocType::Other => &[meeting::parse, tables::parse, decisions::parse],
    }
}

/// Whether `grammars_for(doc_type)` opens with `reports::parse`, so that
/// the front sheet segmenting read can be handed to it
/// (`reports::parse_with_sheet`) rather than read again.
pub fn opens_with_report(doc_type: DocType) -> bool {
    matches!(
        doc_type,
        DocType::OfficerReport
            | DocType::ScrutinyReport
            | DocType::MemberReport
            | DocType::PerformanceReport
            | DocType::WorkPlan
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
                first.is_some_and(|g| std::ptr::fn_addr_eq(g, reports::parse as Grammar));
            assert_eq!(opens_with_report(t), is_report, "{t:?}");
        }
    }
}

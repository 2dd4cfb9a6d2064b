//! What a public index leaves out: records a paper withholds from
//! publication. An `agenda_item` or `report` whose `exempt` is true is
//! withheld, and so is every record of a document whose report is exempt
//! (its tables, recommendations and text). Nothing else is judged here.

use crate::record::OutRecord;
use grammars::Fields;

/// The records a public index may hold, and how many were withheld.
pub fn withhold(records: &[OutRecord]) -> (Vec<OutRecord>, usize) {
    let exempt = |r: &OutRecord| match &r.fields {
        Fields::AgendaItem(a) => a.exempt == Some(true),
        Fields::Report(rep) => rep.exempt == Some(true),
        _ => false,
    };
    let withheld_docs: Vec<[u32; 2]> = records
        .iter()
        .filter(|r| matches!(r.fields, Fields::Report(_)) && exempt(r))
        .map(|r| r.document.pages)
        .collect();
    let kept: Vec<OutRecord> = records
        .iter()
        .filter(|r| !exempt(r) && !withheld_docs.contains(&r.document.pages))
        .cloned()
        .collect();
    let withheld = records.len() - kept.len();
    (kept, withheld)
}

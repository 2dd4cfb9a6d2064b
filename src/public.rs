//! What a public index leaves out: records a paper withholds from
//! publication. An `agenda_item` or `report` whose `exempt` is true is
//! withheld, and so is every record of a document whose report is exempt
//! (its tables, recommendations and text). Nothing else is judged here.
//! An index built public says so with a marker file in its folder
//! (`MARKER`), which `serve --public` checks; any build without `--public`
//! removes it, since it may add withheld records.

use crate::record::OutRecord;
use grammars::Fields;
use std::path::Path;

/// The file in an index folder that says the index was built with
/// `agendex index --public`.
pub const MARKER: &str = "PUBLIC";

/// Record in the index folder whether the build just finished was public:
/// write the marker, or remove one an earlier public build left.
pub fn mark(index: &Path, public: bool) -> std::io::Result<()> {
    let file = index.join(MARKER);
    if public {
        std::fs::write(
            file,
            "built with `agendex index --public`: exempt records withheld\n",
        )
    } else {
        match std::fs::remove_file(file) {
            Err(e) if e.kind() != std::io::ErrorKind::NotFound => Err(e),
            _ => Ok(()),
        }
    }
}

/// Whether the index in `index` was built public.
pub fn is_public(index: &Path) -> bool {
    index.join(MARKER).is_file()
}

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

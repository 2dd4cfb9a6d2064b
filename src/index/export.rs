//! Records out of the index: the stored JSON of every record, file by file
//! (paths sorted) and in document order within a file, so an export is the
//! same from run to run whatever the index's segment layout. Owns no
//! output format.

use super::schema::{self, Fields};
use super::writer::{read_markers, Marker};
use super::{tantivy_err, Result};
use std::collections::BTreeMap;
use std::path::Path;
use tantivy::collector::DocSetCollector;
use tantivy::query::{BooleanQuery, Occur, Query, TermQuery};
use tantivy::schema::{IndexRecordOption, Value};
use tantivy::{ReloadPolicy, TantivyDocument, Term};

/// Hand each record's JSON to `sink`, which returns `false` to stop (a
/// closed pipe). Returns how many records were handed over.
pub fn for_each_record(dir: &Path, sink: &mut dyn FnMut(&str) -> bool) -> Result<usize> {
    let mut n = 0usize;
    for_each_record_of(dir, &|_, _| true, &mut |_, json| {
        n += 1;
        sink(json)
    })?;
    Ok(n)
}

/// Every indexed file's marker, by path; the records of the files `pick`
/// chooses (by path and marker) handed to `sink` with their file's path,
/// as [`for_each_record`] does.
pub fn for_each_record_of(
    dir: &Path,
    pick: &dyn Fn(&str, &Marker) -> bool,
    sink: &mut dyn FnMut(&str, &str) -> bool,
) -> Result<BTreeMap<String, Marker>> {
    for_each_record_known(dir, None, pick, sink)
}

/// Every indexed file's marker, by path (read from the index). Reading
/// the markers decompresses a stored block per file, so a caller that
/// reads them and then records passes them back to
/// [`for_each_record_known`].
pub fn markers(dir: &Path) -> Result<BTreeMap<String, Marker>> {
    for_each_record_of(dir, &|_, _| false, &mut |_, _| true)
}

/// [`for_each_record_of`] where the markers were read before from the
/// same index (`known`), not read again; `None` reads them.
pub fn for_each_record_known(
    dir: &Path,
    known: Option<BTreeMap<String, Marker>>,
    pick: &dyn Fn(&str, &Marker) -> bool,
    sink: &mut dyn FnMut(&str, &str) -> bool,
) -> Result<BTreeMap<String, Marker>> {
    let err = |e: tantivy::TantivyError| tantivy_err(dir, e);
    // Opened (and retried across a generation swap) before any record is
    // handed over, so a retry never repeats output.
    let (index, searcher) = super::with_index(dir, |index| {
        let reader: tantivy::IndexReader = index
            .reader_builder()
            .reload_policy(ReloadPolicy::Manual)
            .try_into()
            .map_err(err)?;
        Ok((index.clone(), reader.searcher()))
    })?;
    let fields = Fields::of(&index.schema()).map_err(err)?;
    let markers = match known {
        Some(m) => m,
        None => read_markers(&searcher, &fields).map_err(err)?,
    };
    let term = |field, value: &str| -> Box<dyn Query> {
        Box::new(TermQuery::new(
            Term::from_field_text(field, value),
            IndexRecordOption::Basic,
        ))
    };
    for (path, marker) in &markers {
        if !pick(path, marker) {
            continue;
        }
        let query = BooleanQuery::new(vec![
            (Occur::Must, term(fields.path, path)),
            (Occur::Must, term(fields.entry, schema::ENTRY_RECORD)),
        ]);
        let mut docs: Vec<(u64, String)> = Vec::new();
        for addr in searcher.search(&query, &DocSetCollector).map_err(err)? {
            let doc: TantivyDocument = searcher.doc(addr).map_err(err)?;
            let ord = doc
                .get_first(fields.ord)
                .and_then(|v| v.as_u64())
                .unwrap_or(0);
            let json = doc
                .get_first(fields.record)
                .and_then(|v| v.as_str().map(str::to_string))
                .unwrap_or_default();
            docs.push((ord, json));
        }
        docs.sort();
        for (_, json) in &docs {
            if !sink(path, json) {
                return Ok(markers);
            }
        }
    }
    Ok(markers)
}

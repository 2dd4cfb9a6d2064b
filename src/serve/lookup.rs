//! The one look-up the server needs that the index module does not offer:
//! an indexed file by its SHA-256 (the only way a request can name a file
//! to serve), read from the file markers through the index's public schema.
//! Each call opens the current generation, so it sees the latest commit.

use crate::index::schema::{self, Fields};
use crate::index::{self, tantivy_err, Result};
use std::path::Path;
use tantivy::collector::TopDocs;
use tantivy::query::{BooleanQuery, Occur, Query, TermQuery};
use tantivy::schema::{IndexRecordOption, Value};
use tantivy::{Index, ReloadPolicy, TantivyDocument, Term};

/// An indexed file: where it was read from, as the index recorded it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IndexedFile {
    pub path: String,
    pub sha256: String,
}

/// The indexed file with this SHA-256, if the index holds one.
pub fn file(dir: &Path, sha256: &str) -> Result<Option<IndexedFile>> {
    index::with_index(dir, |idx| file_in(idx, sha256))
}

fn file_in(idx: &Index, sha256: &str) -> Result<Option<IndexedFile>> {
    let err = |e: tantivy::TantivyError| tantivy_err(Path::new(""), e);
    let fields = Fields::of(&idx.schema()).map_err(err)?;
    let term = |f, v: &str| -> Box<dyn Query> {
        Box::new(TermQuery::new(
            Term::from_field_text(f, v),
            IndexRecordOption::Basic,
        ))
    };
    // File markers, not records: a file is served only while it is indexed.
    let query = BooleanQuery::new(vec![
        (Occur::Must, term(fields.entry, schema::ENTRY_FILE)),
        (Occur::Must, term(fields.sha256, sha256)),
    ]);
    let reader = idx
        .reader_builder()
        .reload_policy(ReloadPolicy::Manual)
        .try_into()
        .map_err(err)?;
    let searcher = reader.searcher();
    let top = searcher
        .search(&query, &TopDocs::with_limit(1))
        .map_err(err)?;
    let Some((_, addr)) = top.first() else {
        return Ok(None);
    };
    let doc: TantivyDocument = searcher.doc(*addr).map_err(err)?;
    let path = doc
        .get_first(fields.path)
        .and_then(|v| v.as_str())
        .unwrap_or_default()
        .to_string();
    if path.is_empty() {
        return Ok(None);
    }
    Ok(Some(IndexedFile {
        path,
        sha256: sha256.to_string(),
    }))
}

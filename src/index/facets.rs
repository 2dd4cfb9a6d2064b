//! Exact facet counts and totals without per-hit dictionary work.
//!
//! Each segment's facet column (`/kind/…`, `/body/…`, `/council/…`,
//! `/type/…`, `/year/…`, `/decided/…`) is read once into a table holding, per document,
//! the value of each facet root as a small number ([`SegmentTable`]), and
//! the document's date (what `super::dates` filters on).
//! Segments never change once written (deletes only hide documents), so a
//! table is built when a segment is first searched and kept for as long as
//! the segment is searched; a commit only adds tables for its new segments.
//! [`Counter`] is a collector that counts the documents a query matches and
//! their facet values from these tables: one row read and a few increments
//! per hit. The counts are exactly what tantivy's `FacetCollector` gives
//! for the same roots (tests check them against it and against the stored
//! records).

use super::schema;
use std::collections::{BTreeMap, HashMap};
use std::sync::Arc;
use tantivy::collector::{Collector, SegmentCollector};
use tantivy::columnar::Cardinality;
use tantivy::fastfield::FacetReader;
use tantivy::index::SegmentId;
use tantivy::schema::Facet;
use tantivy::{DocId, Score, Searcher, SegmentOrdinal, SegmentReader};

/// The facet roots counted, in the order of a table's columns.
pub const ROOTS: [&str; 6] = [
    schema::FACET_KIND,
    schema::FACET_BODY,
    schema::FACET_COUNCIL,
    schema::FACET_TYPE,
    schema::FACET_YEAR,
    schema::FACET_DECIDED,
];
const N: usize = ROOTS.len();

/// Per document of one segment, the value of each root, and its date.
pub struct SegmentTable {
    /// The values' names, per root.
    names: [Vec<String>; N],
    /// Counts are kept in one array of slots: root `r`'s value `i` counts
    /// in slot `offsets[r] + i`; slot `slots` takes "no value".
    offsets: [usize; N],
    slots: usize,
    /// Where counting puts root `r`'s value `i`: slot `bases[r] + i`
    /// (`offsets`, but for packed rows, which give each root its own "no
    /// value" slot after its values).
    bases: [usize; N],
    rows: Rows,
    /// Per document, its date (the `date` fast field, as nanoseconds since
    /// 1970), [`NO_DATE`] when it has none; `None` when some document has
    /// two dates (not what the schema writes; then filters use the column).
    pub dates: Option<Vec<i64>>,
}

/// A document without a date.
pub const NO_DATE: i64 = i64::MIN;

enum Rows {
    /// As `Dense`, when every root's value index (or its number of values,
    /// for none) fits in 32 bits together: per document, the indexes side
    /// by side. Four bytes a document rather than ten: counting a common
    /// word's hits reads these rows for a fifth of the index, and was
    /// bound by the memory it read.
    Packed {
        rows: Vec<u32>,
        shifts: [u32; N],
        masks: [u32; N],
    },
    /// At most one value per root (what the schema writes), and fewer than
    /// 65,535 values in all: per root, the slot to count in.
    Dense(Vec<[u16; N]>),
    /// Otherwise, per document, its (root, value index) pairs.
    Sparse(Vec<Vec<(u8, u32)>>),
    /// Not read: each hit's values are looked up in the facet column, and
    /// its facet ordinals mapped to (root, value index).
    Column(FacetReader, Vec<Option<(u8, u32)>>),
}

/// A segment's facet values: per root, their names; per facet ordinal,
/// its root and value index.
type Dictionary = ([Vec<String>; N], Vec<Option<(u8, u32)>>);

impl SegmentTable {
    /// The facet values of a segment, without reading its documents: a
    /// table for one search, which looks each hit up in the column.
    pub fn unread(reader: &SegmentReader) -> tantivy::Result<SegmentTable> {
        let facets = reader.facet_reader(schema::FACETS)?;
        let (names, by_ord) = dictionary(&facets)?;
        let (offsets, slots) = slots(&names);
        Ok(SegmentTable {
            names,
            offsets,
            slots,
            bases: offsets,
            rows: Rows::Column(facets, by_ord),
            dates: None,
        })
    }

    /// Read the facet column of a segment.
    pub fn build(reader: &SegmentReader) -> tantivy::Result<SegmentTable> {
        let facets = reader.facet_reader(schema::FACETS)?;
        let (names, by_ord) = dictionary(&facets)?;
        let max_doc = reader.max_doc();
        // Each document's pairs, in ordinal order; a value counted once.
        let pairs = |doc: DocId, out: &mut Vec<(u8, u32)>| {
            out.clear();
            for ord in facets.facet_ords(doc) {
                if let Some(Some(v)) = by_ord.get(ord as usize) {
                    if !out.contains(v) {
                        out.push(*v);
                    }
                }
            }
        };
        let mut values = Vec::with_capacity(N);
        let (offsets, slots) = slots(&names);
        if let Ok(none) = u16::try_from(slots) {
            let mut dense: Vec<[u16; N]> = Vec::with_capacity(max_doc as usize);
            let mut one_each = true;
            for doc in 0..max_doc {
                pairs(doc, &mut values);
                let mut row = [none; N];
                for &(root, i) in &values {
                    let r = usize::from(root);
                    one_each &= row[r] == none;
                    // Below `none`, which fits a u16.
                    row[r] = (offsets[r] + i as usize) as u16;
                }
                if !one_each {
                    break;
                }
                dense.push(row);
            }
            if one_each {
                let (bases, rows) = match pack(&names, &offsets, none, &dense) {
                    Some((bases, packed)) => (bases, packed),
                    None => (offsets, Rows::Dense(dense)),
                };
                return Ok(SegmentTable {
                    names,
                    offsets,
                    slots,
                    bases,
                    rows,
                    dates: dates(reader)?,
                });
            }
        }
        let mut sparse = Vec::with_capacity(max_doc as usize);
        for doc in 0..max_doc {
            pairs(doc, &mut values);
            sparse.push(values.clone());
        }
        Ok(SegmentTable {
            names,
            offsets,
            slots,
            bases: offsets,
            rows: Rows::Sparse(sparse),
            dates: dates(reader)?,
        })
    }

    /// Whether every document has at most one value per root.
    #[cfg(test)]
    pub fn is_dense(&self) -> bool {
        matches!(self.rows, Rows::Dense(_) | Rows::Packed { .. })
    }

    /// Whether the rows are packed in 32 bits.
    #[cfg(test)]
    pub fn is_packed(&self) -> bool {
        matches!(self.rows, Rows::Packed { .. })
    }
}

/// Dense rows packed in 32 bits, and where each root's values count, when
/// every root's index fits: root `r` takes the bits for 0..=n (n its
/// number of values, n meaning none).
fn pack(
    names: &[Vec<String>; N],
    offsets: &[usize; N],
    none: u16,
    dense: &[[u16; N]],
) -> Option<([usize; N], Rows)> {
    let mut shifts = [0u32; N];
    let mut masks = [0u32; N];
    let mut bases = [0usize; N];
    let mut used = 0u32;
    for r in 0..N {
        let n = u32::try_from(names[r].len()).ok()?;
        let bits = u32::BITS - n.leading_zeros();
        shifts[r] = used;
        masks[r] = u32::try_from((1u64 << bits) - 1).ok()?;
        used += bits;
        // Each root's own "none" slot follows its values.
        bases[r] = offsets[r] + r;
    }
    if used > u32::BITS {
        return None;
    }
    let rows = dense
        .iter()
        .map(|row| {
            let mut packed = 0u32;
            for r in 0..N {
                let index = if row[r] == none {
                    names[r].len()
                } else {
                    usize::from(row[r]) - offsets[r]
                };
                // Fits its bits (checked above); the shift is below 32.
                packed |= (index as u32) << shifts[r];
            }
            packed
        })
        .collect();
    Some((
        bases,
        Rows::Packed {
            rows,
            shifts,
            masks,
        },
    ))
}

/// Read a segment's facet dictionary.
fn dictionary(facets: &FacetReader) -> tantivy::Result<Dictionary> {
    let mut names: [Vec<String>; N] = Default::default();
    let mut known: [HashMap<String, u32>; N] = Default::default();
    // Facet ordinal -> (root, value index); None for other facets.
    let mut by_ord: Vec<Option<(u8, u32)>> = Vec::with_capacity(facets.num_facets());
    let mut facet = Facet::root();
    for ord in 0..facets.num_facets() as u64 {
        facets.facet_from_ord(ord, &mut facet)?;
        let path = facet.to_path();
        // As `FacetCollector` counts a root's children: a deeper facet
        // counts as the child it lies under.
        let slot = match (path.first(), path.get(1)) {
            (Some(root), Some(child)) => ROOTS.iter().position(|r| r == root).map(|r| {
                let next = names[r].len() as u32;
                let i = *known[r].entry(child.to_string()).or_insert(next);
                if i == next {
                    names[r].push(child.to_string());
                }
                (r as u8, i)
            }),
            _ => None,
        };
        by_ord.push(slot);
    }
    Ok((names, by_ord))
}

/// Where each root's counts start in one array of slots, and how many
/// slots the values take.
fn slots(names: &[Vec<String>; N]) -> ([usize; N], usize) {
    let mut offsets = [0; N];
    let mut slots = 0;
    for (offset, n) in offsets.iter_mut().zip(names) {
        *offset = slots;
        slots += n.len();
    }
    (offsets, slots)
}

/// Each document's date, when no document has more than one.
fn dates(reader: &SegmentReader) -> tantivy::Result<Option<Vec<i64>>> {
    let max_doc = reader.max_doc() as usize;
    let Some(column) = reader
        .fast_fields()
        .column_opt::<tantivy::DateTime>(schema::DATE)?
    else {
        return Ok(Some(vec![NO_DATE; max_doc]));
    };
    if column.get_cardinality() == Cardinality::Multivalued {
        return Ok(None);
    }
    Ok(Some(
        (0..max_doc as DocId)
            .map(|doc| {
                column
                    .first(doc)
                    .map_or(NO_DATE, |d| d.into_timestamp_nanos())
            })
            .collect(),
    ))
}

/// The tables of a searcher's segments (cheap to clone).
#[derive(Default, Clone)]
pub struct Tables {
    by_segment: Arc<HashMap<SegmentId, Arc<SegmentTable>>>,
}

impl std::fmt::Debug for Tables {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Tables({} segments)", self.by_segment.len())
    }
}

impl Tables {
    /// Tables for every segment of `searcher`, taking those of `old` for
    /// the segments it has already read.
    pub fn for_searcher(searcher: &Searcher, old: Option<&Tables>) -> tantivy::Result<Tables> {
        let mut by_segment = HashMap::new();
        for reader in searcher.segment_readers() {
            let id = reader.segment_id();
            let table = match old.and_then(|o| o.by_segment.get(&id)) {
                Some(t) => Arc::clone(t),
                None => Arc::new(SegmentTable::build(reader)?),
            };
            by_segment.insert(id, table);
        }
        Ok(Tables {
            by_segment: Arc::new(by_segment),
        })
    }

    /// The table of a segment.
    pub fn get(&self, segment: SegmentId) -> Option<&Arc<SegmentTable>> {
        self.by_segment.get(&segment)
    }

    /// How many segment tables there are.
    #[cfg(test)]
    pub fn segments(&self) -> usize {
        self.by_segment.len()
    }
}

/// Counts of matching documents: how many, and per root, per value.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Counts {
    pub total: usize,
    /// Per root (in [`ROOTS`] order), value -> documents.
    pub values: [BTreeMap<String, u64>; N],
}

/// A collector of [`Counts`] (needs no scores). Segments without a table
/// are counted from their facet column.
pub struct Counter<'a> {
    pub tables: Option<&'a Tables>,
}

impl Collector for Counter<'_> {
    type Fruit = Counts;
    type Child = SegmentCounter;

    fn for_segment(
        &self,
        _: SegmentOrdinal,
        reader: &SegmentReader,
    ) -> tantivy::Result<Self::Child> {
        let table = match self.tables.and_then(|t| t.get(reader.segment_id())) {
            Some(t) => Arc::clone(t),
            None => Arc::new(SegmentTable::unread(reader)?),
        };
        // Room for every root's "none" slot, however the rows are kept.
        let counts = vec![0u64; table.slots + N + 1];
        Ok(SegmentCounter {
            table,
            total: 0,
            counts,
        })
    }

    fn requires_scoring(&self) -> bool {
        false
    }

    fn merge_fruits(&self, fruits: Vec<Counts>) -> tantivy::Result<Counts> {
        let mut all = Counts::default();
        for f in fruits {
            all.total += f.total;
            for (r, values) in f.values.into_iter().enumerate() {
                for (value, n) in values {
                    *all.values[r].entry(value).or_insert(0) += n;
                }
            }
        }
        Ok(all)
    }
}

pub struct SegmentCounter {
    table: Arc<SegmentTable>,
    total: usize,
    /// Per slot of the table.
    counts: Vec<u64>,
}

impl SegmentCounter {
    #[inline]
    fn count(&mut self, doc: DocId) {
        self.total += 1;
        match &self.table.rows {
            Rows::Packed {
                rows,
                shifts,
                masks,
            } => {
                if let Some(&row) = rows.get(doc as usize) {
                    for r in 0..N {
                        let slot = self.table.bases[r] + ((row >> shifts[r]) & masks[r]) as usize;
                        if let Some(c) = self.counts.get_mut(slot) {
                            *c += 1;
                        }
                    }
                }
            }
            Rows::Dense(rows) => {
                if let Some(row) = rows.get(doc as usize) {
                    for &slot in row {
                        if let Some(c) = self.counts.get_mut(usize::from(slot)) {
                            *c += 1;
                        }
                    }
                }
            }
            Rows::Sparse(rows) => {
                if let Some(pairs) = rows.get(doc as usize) {
                    for &(r, i) in pairs {
                        let slot = self.table.offsets[usize::from(r)] + i as usize;
                        if let Some(c) = self.counts.get_mut(slot) {
                            *c += 1;
                        }
                    }
                }
            }
            Rows::Column(facets, by_ord) => {
                // As `FacetCollector` does: a value once per document.
                let mut last = None;
                for ord in facets.facet_ords(doc) {
                    if let Some(Some((r, i))) = by_ord.get(ord as usize) {
                        let slot = self.table.offsets[usize::from(*r)] + *i as usize;
                        if last != Some(slot) {
                            if let Some(c) = self.counts.get_mut(slot) {
                                *c += 1;
                            }
                            last = Some(slot);
                        }
                    }
                }
            }
        }
    }
}

impl SegmentCollector for SegmentCounter {
    type Fruit = Counts;

    fn collect(&mut self, doc: DocId, _: Score) {
        self.count(doc);
    }

    fn collect_block(&mut self, docs: &[DocId]) {
        for &doc in docs {
            self.count(doc);
        }
    }

    fn harvest(self) -> Counts {
        let mut out = Counts {
            total: self.total,
            ..Counts::default()
        };
        for (r, names) in self.table.names.iter().enumerate() {
            let offset = self.table.bases[r];
            for (i, name) in names.iter().enumerate() {
                let n = self.counts.get(offset + i).copied().unwrap_or(0);
                if n > 0 {
                    out.values[r].insert(name.clone(), n);
                }
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use tantivy::collector::FacetCollector;
    use tantivy::query::AllQuery;
    use tantivy::{Index, TantivyDocument};

    /// Documents as the schema never writes them (two kinds on one, a
    /// facet outside the roots, one with none) are still counted as
    /// tantivy's `FacetCollector` counts them.
    #[test]
    fn unusual_documents_are_counted_as_the_facet_collector_counts() {
        let index = Index::create_in_ram(schema::build());
        super::super::stem::register(&index);
        let fields = schema::Fields::of(&index.schema()).expect("fields");
        let mut writer: tantivy::IndexWriter<TantivyDocument> =
            index.writer_with_num_threads(1, 15 << 20).expect("writer");
        let doc = |facets: &[&[&str]]| {
            let mut d = TantivyDocument::new();
            for path in facets {
                d.add_facet(fields.facets, Facet::from_path(path.iter().copied()));
            }
            d
        };
        let docs = [
            doc(&[&["kind", "minute"], &["year", "2015"]]),
            doc(&[
                &["kind", "minute"],
                &["kind", "resolution"],
                &["body", "Forum"],
            ]),
            doc(&[&["other", "x"], &["kind", "table"]]),
            doc(&[]),
            doc(&[&["year", "2016"], &["council", "Haringey / Enfield"]]),
        ];
        for d in docs {
            writer.add_document(d).expect("add");
        }
        writer.commit().expect("commit");
        let searcher = index.reader().expect("reader").searcher();
        let tables = Tables::for_searcher(&searcher, None).expect("tables");
        let table = tables
            .get(searcher.segment_readers()[0].segment_id())
            .expect("table");
        assert!(!table.is_dense(), "two kinds on one document");
        let counts = searcher
            .search(
                &AllQuery,
                &Counter {
                    tables: Some(&tables),
                },
            )
            .expect("count");
        // Counted from the column instead of a table: the same.
        let unread = searcher
            .search(&AllQuery, &Counter { tables: None })
            .expect("count");
        assert_eq!(unread, counts);
        assert_eq!(counts.total, 5);
        let mut collector = FacetCollector::for_field(schema::FACETS);
        for root in ROOTS {
            collector.add_facet(format!("/{root}").as_str());
        }
        let want = searcher.search(&AllQuery, &collector).expect("facets");
        for (r, root) in ROOTS.iter().enumerate() {
            let want: BTreeMap<String, u64> = want
                .get(format!("/{root}").as_str())
                .map(|(f, n)| (f.to_path().last().unwrap_or(&"").to_string(), n))
                .collect();
            assert_eq!(counts.values[r], want, "{root}");
        }
        assert_eq!(counts.values[0].get("minute"), Some(&2));
        assert_eq!(counts.values[2].get("Haringey / Enfield"), Some(&1));
    }

    /// Packed rows give back each root's value (or none), and a segment
    /// with too many values for 32 bits keeps its rows dense.
    #[test]
    fn packed_rows_hold_every_value() {
        let sizes = [12usize, 300, 7, 0, 40, 5];
        let names: [Vec<String>; N] =
            sizes.map(|n| (0..n).map(|i| format!("v{i}")).collect::<Vec<String>>());
        let (offsets, total) = slots(&names);
        let none = u16::try_from(total).expect("fits");
        // Every value of every root once, and rows without some roots.
        let mut dense = Vec::new();
        for i in 0..400usize {
            let mut row = [none; N];
            for r in 0..N {
                if sizes[r] > 0 && (i + r) % 5 != 0 {
                    row[r] = (offsets[r] + i % sizes[r]) as u16;
                }
            }
            dense.push(row);
        }
        let Some((
            bases,
            Rows::Packed {
                rows,
                shifts,
                masks,
            },
        )) = pack(&names, &offsets, none, &dense)
        else {
            panic!("fits in 32 bits");
        };
        for (row, packed) in dense.iter().zip(&rows) {
            for r in 0..N {
                let index = ((packed >> shifts[r]) & masks[r]) as usize;
                let want = if row[r] == none {
                    sizes[r]
                } else {
                    usize::from(row[r]) - offsets[r]
                };
                assert_eq!(index, want);
                assert!(bases[r] + index < total + N + 1);
            }
        }
        let many: [Vec<String>; N] = [12usize, 40_000, 20_000, 3, 3, 2]
            .map(|n| (0..n).map(|i| format!("v{i}")).collect::<Vec<String>>());
        let (offsets, total) = slots(&many);
        let none = u16::try_from(total).expect("fits");
        assert!(pack(&many, &offsets, none, &[[none; N]]).is_none());
    }
}

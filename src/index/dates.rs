//! The `--since`/`--until` filter as a query over the per-segment date
//! tables of [`super::facets`]: a match is one array read. tantivy's range
//! query over the date fast field decodes the column in blocks as the
//! other clauses seek through it, which was most of a filtered search's
//! time. The documents matched are the same ones (a test checks it), and
//! so is the score each contributes (its boost, as a range query gives).
//! A segment without a table, or whose documents hold more than one date,
//! is left to tantivy's range query.

use super::facets::{SegmentTable, Tables, NO_DATE};
use std::ops::{Bound, RangeInclusive};
use std::sync::Arc;
use tantivy::query::{EnableScoring, Explanation, Query, RangeQuery, Scorer, Weight};
use tantivy::{DocId, DocSet, Score, SegmentReader, TantivyError, TERMINATED};

/// Documents dated within a range.
#[derive(Clone, Debug)]
pub struct DateFilter {
    tables: Tables,
    /// Nanoseconds since 1970, both ends included.
    range: RangeInclusive<i64>,
    /// The same filter as tantivy's range query.
    fallback: RangeQuery,
}

impl DateFilter {
    /// `fallback`: the range query over the `date` field with these bounds.
    pub fn new(
        tables: Tables,
        since: Bound<tantivy::DateTime>,
        until: Bound<tantivy::DateTime>,
        fallback: RangeQuery,
    ) -> DateFilter {
        let low = match since {
            Bound::Included(d) => d.into_timestamp_nanos(),
            Bound::Excluded(d) => d.into_timestamp_nanos().saturating_add(1),
            // NO_DATE is below every bound: an undated document never matches.
            Bound::Unbounded => NO_DATE + 1,
        };
        let high = match until {
            Bound::Included(d) => d.into_timestamp_nanos(),
            Bound::Excluded(d) => d.into_timestamp_nanos().saturating_sub(1),
            Bound::Unbounded => i64::MAX,
        };
        DateFilter {
            tables,
            range: low.max(NO_DATE + 1)..=high,
            fallback,
        }
    }
}

impl Query for DateFilter {
    fn weight(&self, scoring: EnableScoring<'_>) -> tantivy::Result<Box<dyn Weight>> {
        Ok(Box::new(DateWeight {
            tables: self.tables.clone(),
            range: self.range.clone(),
            fallback: self.fallback.weight(scoring)?,
        }))
    }
}

struct DateWeight {
    tables: Tables,
    range: RangeInclusive<i64>,
    fallback: Box<dyn Weight>,
}

impl Weight for DateWeight {
    fn scorer(&self, reader: &SegmentReader, boost: Score) -> tantivy::Result<Box<dyn Scorer>> {
        match self.tables.get(reader.segment_id()) {
            Some(table) if table.dates.is_some() => Ok(Box::new(DateScorer::new(
                Arc::clone(table),
                self.range.clone(),
                boost,
            ))),
            _ => self.fallback.scorer(reader, boost),
        }
    }

    fn explain(&self, reader: &SegmentReader, doc: DocId) -> tantivy::Result<Explanation> {
        let mut scorer = self.scorer(reader, 1.0)?;
        if scorer.seek(doc) != doc {
            return Err(TantivyError::InvalidArgument(format!(
                "document #({doc}) does not match"
            )));
        }
        Ok(Explanation::new("date range", scorer.score()))
    }
}

/// The documents of one segment whose date lies in the range.
struct DateScorer {
    table: Arc<SegmentTable>,
    range: RangeInclusive<i64>,
    score: Score,
    doc: DocId,
}

impl DateScorer {
    fn new(table: Arc<SegmentTable>, range: RangeInclusive<i64>, score: Score) -> DateScorer {
        let mut s = DateScorer {
            table,
            range,
            score,
            doc: 0,
        };
        s.doc = s.next_from(0);
        s
    }

    fn dates(&self) -> &[i64] {
        self.table.dates.as_deref().unwrap_or(&[])
    }

    /// The first matching document at or after `from`.
    fn next_from(&self, from: DocId) -> DocId {
        let dates = self.dates();
        let start = (from as usize).min(dates.len());
        match dates[start..].iter().position(|d| self.range.contains(d)) {
            Some(i) => (start + i) as DocId,
            None => TERMINATED,
        }
    }
}

impl DocSet for DateScorer {
    fn advance(&mut self) -> DocId {
        if self.doc != TERMINATED {
            self.doc = self.next_from(self.doc + 1);
        }
        self.doc
    }

    fn seek(&mut self, target: DocId) -> DocId {
        if self.doc != TERMINATED && target > self.doc {
            self.doc = if target == TERMINATED {
                TERMINATED
            } else {
                self.next_from(target)
            };
        }
        self.doc
    }

    fn doc(&self) -> DocId {
        self.doc
    }

    fn size_hint(&self) -> u32 {
        // Unknown without a scan: at most every document, so that the
        // other clauses lead an intersection.
        self.dates().len() as u32
    }
}

impl Scorer for DateScorer {
    fn score(&mut self) -> Score {
        self.score
    }
}

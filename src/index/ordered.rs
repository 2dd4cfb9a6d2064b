//! The top records of a search by score, records that score the same by
//! their order key (see `schema::order_key`), then by where the searcher
//! holds them: the order `TopDocs` with a (score, key) tweak gives, but the
//! key is read only for a record whose score reaches the lowest score kept.
//!
//! A text query matches hundreds of thousands of records and the page
//! needs a few dozen: once that many are kept, a record scoring below the
//! last of them cannot enter, and reading its key (a fast-field lookup per
//! match) was a tenth of a two-word search's time.
//!
//! [`TopAndCounts`] keeps them and counts every match in one pass. Where
//! the query's words are read by windows (`super::window`), a match whose
//! score cannot reach the last of those kept is counted and not scored:
//! the counts need every match, the order only those that can enter.

use super::facets::{Counter, Counts, SegmentCounter};
use super::weighted::{KindWeightedScorer, Kinds};
use super::window::{Bounded, WindowScorer};
use std::cmp::Ordering;
use std::sync::Arc;
use tantivy::collector::{Collector, SegmentCollector};
use tantivy::columnar::ColumnValues;
use tantivy::query::{Scorer, Weight};
use tantivy::schema::Field;
use tantivy::{DocAddress, DocId, Score, SegmentOrdinal, SegmentReader};

/// A record kept: its score, its order key, where the searcher holds it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Kept {
    pub score: Score,
    pub key: u64,
    pub addr: DocAddress,
}

/// Best first: higher score, then lower key, then lower address (as
/// `TopDocs` breaks ties; scores compared as it compares them).
fn better(a: &Kept, b: &Kept) -> Ordering {
    b.score
        .partial_cmp(&a.score)
        .unwrap_or(Ordering::Equal)
        .then(a.key.cmp(&b.key))
        .then(a.addr.cmp(&b.addr))
}

/// The best `limit` matches, best first, ties broken by the `order` field.
pub struct TopOrdered {
    pub limit: usize,
    pub order: Field,
}

impl Collector for TopOrdered {
    type Fruit = Vec<Kept>;
    type Child = SegmentTop;

    fn for_segment(
        &self,
        segment: SegmentOrdinal,
        reader: &SegmentReader,
    ) -> tantivy::Result<SegmentTop> {
        let name = reader.schema().get_field_name(self.order).to_string();
        // Records without a key (none in an index of this schema) go last.
        let keys = reader
            .fast_fields()
            .u64(&name)
            .ok()
            .map(|c| c.first_or_default_col(u64::MAX));
        Ok(SegmentTop {
            segment,
            limit: self.limit.max(1),
            keys,
            kept: Vec::new(),
            floor: None,
        })
    }

    fn requires_scoring(&self) -> bool {
        true
    }

    fn merge_fruits(&self, fruits: Vec<Vec<Kept>>) -> tantivy::Result<Vec<Kept>> {
        let mut all: Vec<Kept> = fruits.into_iter().flatten().collect();
        all.sort_unstable_by(better);
        all.truncate(self.limit.max(1));
        Ok(all)
    }
}

pub struct SegmentTop {
    segment: SegmentOrdinal,
    limit: usize,
    keys: Option<Arc<dyn ColumnValues<u64>>>,
    /// Up to twice `limit`, cut back to the best `limit` when full.
    kept: Vec<Kept>,
    /// Once `limit` are kept: the score and key of the last of them. A
    /// record below it cannot enter.
    floor: Option<(Score, u64)>,
}

impl SegmentTop {
    /// Keep the best `limit`, and the floor they set.
    fn cut(&mut self) {
        self.kept.sort_unstable_by(better);
        self.kept.truncate(self.limit);
        if self.kept.len() == self.limit {
            self.floor = self.kept.last().map(|k| (k.score, k.key));
        }
    }
}

impl SegmentCollector for SegmentTop {
    type Fruit = Vec<Kept>;

    #[inline]
    fn collect(&mut self, doc: DocId, score: Score) {
        if let Some((floor, _)) = self.floor {
            if score < floor {
                return;
            }
        }
        let key = self.keys.as_ref().map_or(u64::MAX, |k| k.get_val(doc));
        if let Some((floor, floor_key)) = self.floor {
            // Documents come in order: a later one with the floor's score
            // and key loses to it.
            if score <= floor && key >= floor_key {
                return;
            }
        }
        self.kept.push(Kept {
            score,
            key,
            addr: DocAddress::new(self.segment, doc),
        });
        if self.kept.len() >= 2 * self.limit {
            self.cut();
        }
    }

    fn harvest(mut self) -> Vec<Kept> {
        self.cut();
        self.kept
    }
}

/// The best `top.limit` matches (as [`TopOrdered`] keeps them) and the
/// counts of every match (as [`Counter`] makes them): the pair of
/// collectors, but a match of words read by windows is scored only when
/// the most it could score reaches the last of those kept (see
/// [`WindowScorer::for_each_bounded`]). Those it skips, `TopOrdered`
/// would have refused: the same records, scores and counts.
pub struct TopAndCounts<'a> {
    pub top: TopOrdered,
    pub counter: Counter<'a>,
}

impl Collector for TopAndCounts<'_> {
    type Fruit = (Vec<Kept>, Counts);
    type Child = (SegmentTop, SegmentCounter);

    fn for_segment(
        &self,
        segment: SegmentOrdinal,
        reader: &SegmentReader,
    ) -> tantivy::Result<Self::Child> {
        Ok((
            self.top.for_segment(segment, reader)?,
            self.counter.for_segment(segment, reader)?,
        ))
    }

    fn requires_scoring(&self) -> bool {
        true
    }

    fn merge_fruits(&self, fruits: Vec<(Vec<Kept>, Counts)>) -> tantivy::Result<Self::Fruit> {
        let (top, counts): (Vec<_>, Vec<_>) = fruits.into_iter().unzip();
        Ok((
            self.top.merge_fruits(top)?,
            self.counter.merge_fruits(counts)?,
        ))
    }

    fn collect_segment(
        &self,
        weight: &dyn Weight,
        segment: SegmentOrdinal,
        reader: &SegmentReader,
    ) -> tantivy::Result<(Vec<Kept>, Counts)> {
        let (mut top, mut counts) = self.for_segment(segment, reader)?;
        let alive = reader.alive_bitset();
        let mut scorer = weight.scorer(reader, 1.0)?;
        let scorer: &mut dyn Scorer = &mut *scorer;
        let windows = match scorer.downcast_mut::<KindWeightedScorer>() {
            Some(KindWeightedScorer { inner, kinds }) => {
                let inner: &mut dyn Scorer = &mut **inner;
                inner
                    .downcast_mut::<WindowScorer>()
                    .map(|w| (w, Some(kinds)))
            }
            None => scorer.downcast_mut::<WindowScorer>().map(|w| (w, None)),
        };
        if let Some((windows, kinds)) = windows {
            let largest = kinds.as_ref().map_or(1.0, |k| k.largest());
            windows.for_each_bounded(
                alive,
                &mut Sink {
                    top: &mut top,
                    counts: &mut counts,
                    kinds,
                    largest,
                },
            );
            return Ok((top.harvest(), counts.harvest()));
        }
        // Any other query: as tantivy hands its matches to a pair.
        let mut both = |doc: DocId, score: Score| {
            top.collect(doc, score);
            counts.collect(doc, score);
        };
        match alive {
            Some(alive) => weight.for_each(reader, &mut |doc, score| {
                if alive.is_alive(doc) {
                    both(doc, score);
                }
            })?,
            None => weight.for_each(reader, &mut both)?,
        }
        Ok((top.harvest(), counts.harvest()))
    }
}

#[cfg(test)]
thread_local! {
    /// Matches a [`Sink`] of this thread has counted, and of them scored.
    pub static BOUNDED_MATCHES: std::cell::Cell<usize> = const { std::cell::Cell::new(0) };
    pub static BOUNDED_SCORED: std::cell::Cell<usize> = const { std::cell::Cell::new(0) };
}

/// A segment's matches read by windows, counted and kept.
struct Sink<'a> {
    top: &'a mut SegmentTop,
    counts: &'a mut SegmentCounter,
    /// The kind weights the window scorer's scores are multiplied by.
    kinds: Option<&'a mut Kinds>,
    /// The largest of them (or 1).
    largest: Score,
}

impl Bounded for Sink<'_> {
    #[inline]
    fn count(&mut self, doc: DocId) {
        #[cfg(test)]
        BOUNDED_MATCHES.set(BOUNDED_MATCHES.get() + 1);
        self.counts.collect(doc, 0.0);
    }

    #[inline]
    fn may_keep(&self, ceiling: Score) -> bool {
        // A match below the floor is refused by `SegmentTop::collect`;
        // its score times its kind's weight is at most this.
        self.top
            .floor
            .is_none_or(|(floor, _)| ceiling * self.largest >= floor)
    }

    #[inline]
    fn keep(&mut self, doc: DocId, score: Score) {
        #[cfg(test)]
        BOUNDED_SCORED.set(BOUNDED_SCORED.get() + 1);
        // As `KindWeightedScorer::score` weighs it.
        let score = match &mut self.kinds {
            Some(kinds) => score * kinds.factor(doc),
            None => score,
        };
        self.top.collect(doc, score);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use tantivy::collector::TopDocs;
    use tantivy::query::QueryParser;
    use tantivy::schema::{Schema, FAST, TEXT};
    use tantivy::{doc, Index, IndexWriter};

    /// Against `TopDocs` with the (score, key) tweak it replaces: the same
    /// records in the same order, over ties, unkeyed records and two
    /// segments, for every cut.
    #[test]
    fn same_as_top_docs_with_the_key() {
        let mut b = Schema::builder();
        let text = b.add_text_field("text", TEXT);
        let order = b.add_u64_field("order", FAST);
        let index = Index::create_in_ram(b.build());
        let mut w: IndexWriter = index.writer_with_num_threads(1, 15_000_000).unwrap();
        let texts = ["early help", "early help early", "help", "early help here"];
        for segment in 0..2u64 {
            for i in 0..40u64 {
                let t = texts[(i % 4) as usize];
                if i % 7 == 3 {
                    w.add_document(doc!(text => t)).unwrap();
                } else {
                    // Keys repeat across segments and fall both ways.
                    let key = (i * 37 + segment) % 23;
                    w.add_document(doc!(text => t, order => key)).unwrap();
                }
            }
            w.commit().unwrap();
        }
        let searcher = index.reader().unwrap().searcher();
        assert_eq!(searcher.segment_readers().len(), 2);
        let query = QueryParser::for_index(&index, vec![text])
            .parse_query("early help")
            .unwrap();
        for limit in [1, 2, 3, 5, 8, 13, 40, 100] {
            let tweaked = TopDocs::with_limit(limit).tweak_score(move |r: &SegmentReader| {
                let keys = r
                    .fast_fields()
                    .u64("order")
                    .ok()
                    .map(|c| c.first_or_default_col(u64::MAX));
                move |doc: DocId, score: Score| {
                    let key = keys.as_ref().map_or(u64::MAX, |k| k.get_val(doc));
                    (score, std::cmp::Reverse(key))
                }
            });
            let want: Vec<Kept> = searcher
                .search(&query, &tweaked)
                .unwrap()
                .into_iter()
                .map(|((score, std::cmp::Reverse(key)), addr)| Kept { score, key, addr })
                .collect();
            let got = searcher
                .search(&query, &TopOrdered { limit, order })
                .unwrap();
            assert_eq!(got, want, "limit {limit}");
            assert_eq!(got.len(), limit.min(80));
        }
    }
}

//! Every record, narrowed by one filter, without walking every record.
//!
//! An empty query with one filter (a kind, a type, a date range: what a
//! click on a facet asks) is tantivy's "all documents" intersected with
//! the filter. Its all-documents side moves one document at a time, so the
//! intersection stepped through every document of the index to reach each
//! match. [`PlusOne`] is the filter alone, each match scored as the
//! intersection scores it: the filter's score plus the all-documents
//! query's 1 (a sum of two, the same whichever is added first).

use tantivy::query::{EnableScoring, Explanation, Query, Scorer, Weight};
use tantivy::{DocId, DocSet, Score, SegmentReader, Term};

/// The score tantivy's all-documents query gives each document.
const ALL: Score = 1.0;

/// `filter`, each match scored one more.
#[derive(Debug)]
pub struct PlusOne(pub Box<dyn Query>);

impl Clone for PlusOne {
    fn clone(&self) -> Self {
        PlusOne(self.0.box_clone())
    }
}

impl Query for PlusOne {
    fn weight(&self, scoring: EnableScoring<'_>) -> tantivy::Result<Box<dyn Weight>> {
        Ok(Box::new(PlusOneWeight(self.0.weight(scoring)?)))
    }

    fn query_terms<'a>(&'a self, visitor: &mut dyn FnMut(&'a Term, bool)) {
        self.0.query_terms(visitor);
    }
}

struct PlusOneWeight(Box<dyn Weight>);

impl Weight for PlusOneWeight {
    fn scorer(&self, reader: &SegmentReader, boost: Score) -> tantivy::Result<Box<dyn Scorer>> {
        Ok(Box::new(PlusOneScorer(self.0.scorer(reader, boost)?)))
    }

    fn explain(&self, reader: &SegmentReader, doc: DocId) -> tantivy::Result<Explanation> {
        let inner = self.0.explain(reader, doc)?;
        let mut explanation =
            Explanation::new("filter, plus every document's 1", inner.value() + ALL);
        explanation.add_detail(inner);
        Ok(explanation)
    }
}

struct PlusOneScorer(Box<dyn Scorer>);

impl DocSet for PlusOneScorer {
    fn advance(&mut self) -> DocId {
        self.0.advance()
    }

    fn seek(&mut self, target: DocId) -> DocId {
        self.0.seek(target)
    }

    fn doc(&self) -> DocId {
        self.0.doc()
    }

    fn size_hint(&self) -> u32 {
        self.0.size_hint()
    }
}

impl Scorer for PlusOneScorer {
    fn score(&mut self) -> Score {
        self.0.score() + ALL
    }
}

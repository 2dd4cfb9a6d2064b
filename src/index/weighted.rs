//! A query's scores multiplied per record kind: what a query's intent
//! (see `super::intent`) asks for ranks above whole documents that merely
//! mention its words, over every match, not only the first ones read.
//!
//! [`KindWeighted`] wraps the query: each match is looked up in the
//! postings of the weighted kinds' terms (one kind per record, read in
//! document order, so each list is walked once) and its score multiplied
//! by its kind's weight. The matches are the same.

use tantivy::query::{EnableScoring, Explanation, Query, Scorer, TermQuery, Weight};
use tantivy::schema::{Field, IndexRecordOption};
use tantivy::{DocId, DocSet, Score, SegmentReader, Term, TERMINATED};

/// `query`, the scores of records of each kind multiplied by its weight.
#[derive(Debug)]
pub struct KindWeighted {
    query: Box<dyn Query>,
    kinds: Vec<(Term, Score)>,
}

impl Clone for KindWeighted {
    fn clone(&self) -> Self {
        KindWeighted {
            query: self.query.box_clone(),
            kinds: self.kinds.clone(),
        }
    }
}

impl KindWeighted {
    /// `query` weighted by `weights` (kind, factor) on the `kind` field;
    /// `query` itself when there are none.
    pub fn wrap(query: Box<dyn Query>, kind: Field, weights: &[(&str, f32)]) -> Box<dyn Query> {
        if weights.is_empty() {
            return query;
        }
        let kinds = weights
            .iter()
            .map(|(k, w)| (Term::from_field_text(kind, k), *w))
            .collect();
        Box::new(KindWeighted { query, kinds })
    }
}

impl Query for KindWeighted {
    fn weight(&self, scoring: EnableScoring<'_>) -> tantivy::Result<Box<dyn Weight>> {
        let kinds = self
            .kinds
            .iter()
            .map(|(term, w)| {
                let q = TermQuery::new(term.clone(), IndexRecordOption::Basic);
                Ok((
                    q.weight(EnableScoring::disabled_from_schema(scoring.schema()))?,
                    *w,
                ))
            })
            .collect::<tantivy::Result<Vec<_>>>()?;
        Ok(Box::new(KindWeightedWeight {
            inner: self.query.weight(scoring)?,
            kinds,
        }))
    }

    fn query_terms<'a>(&'a self, visitor: &mut dyn FnMut(&'a Term, bool)) {
        self.query.query_terms(visitor);
    }
}

struct KindWeightedWeight {
    inner: Box<dyn Weight>,
    kinds: Vec<(Box<dyn Weight>, Score)>,
}

impl KindWeightedWeight {
    /// The factor of `doc`'s kind (1 when not weighted), looked up alone.
    fn factor_of(&self, reader: &SegmentReader, doc: DocId) -> tantivy::Result<Score> {
        for (weight, w) in &self.kinds {
            if weight.scorer(reader, 1.0)?.seek(doc) == doc {
                return Ok(*w);
            }
        }
        Ok(1.0)
    }
}

impl Weight for KindWeightedWeight {
    fn scorer(&self, reader: &SegmentReader, boost: Score) -> tantivy::Result<Box<dyn Scorer>> {
        let kinds = self
            .kinds
            .iter()
            .map(|(weight, w)| Ok((weight.scorer(reader, 1.0)?, *w)))
            .collect::<tantivy::Result<Vec<_>>>()?;
        Ok(Box::new(KindWeightedScorer {
            inner: self.inner.scorer(reader, boost)?,
            kinds: Kinds(kinds),
        }))
    }

    fn explain(&self, reader: &SegmentReader, doc: DocId) -> tantivy::Result<Explanation> {
        let inner = self.inner.explain(reader, doc)?;
        let factor = self.factor_of(reader, doc)?;
        let mut explanation =
            Explanation::new("score times its kind's weight", inner.value() * factor);
        explanation.add_const("kind weight", factor);
        explanation.add_detail(inner);
        Ok(explanation)
    }
}

pub struct KindWeightedScorer {
    pub inner: Box<dyn Scorer>,
    pub kinds: Kinds,
}

/// Each weighted kind's records, and its weight.
pub struct Kinds(Vec<(Box<dyn Scorer>, Score)>);

impl Kinds {
    /// The weight of `doc`'s kind (1 when not weighted). Documents are
    /// asked for in increasing order (each list is walked once).
    #[inline]
    pub fn factor(&mut self, doc: DocId) -> Score {
        for (records, w) in self.0.iter_mut() {
            let at = if records.doc() < doc && records.doc() != TERMINATED {
                records.seek(doc)
            } else {
                records.doc()
            };
            if at == doc {
                return *w;
            }
        }
        1.0
    }

    /// The largest factor any document's score is multiplied by.
    pub fn largest(&self) -> Score {
        self.0.iter().map(|(_, w)| *w).fold(1.0, Score::max)
    }
}

impl DocSet for KindWeightedScorer {
    fn advance(&mut self) -> DocId {
        self.inner.advance()
    }

    fn seek(&mut self, target: DocId) -> DocId {
        self.inner.seek(target)
    }

    fn doc(&self) -> DocId {
        self.inner.doc()
    }

    fn size_hint(&self) -> u32 {
        self.inner.size_hint()
    }
}

impl Scorer for KindWeightedScorer {
    fn score(&mut self) -> Score {
        let factor = self.kinds.factor(self.inner.doc());
        self.inner.score() * factor
    }
}

//! Two-word phrases on the text as one term of the `pairs` field.
//!
//! A phrase query compares the position lists of its words in every record
//! holding both; a document record holds a whole document, so a common
//! phrase ("schools forum") read hundreds of thousands of positions. The
//! `pairs` field indexes each two adjacent words of the text as one term,
//! with how often it occurs in the record, so [`PairQuery`] reads one
//! posting list. It matches exactly the records the phrase query matches
//! and scores them exactly as it does: BM25 with the phrase's count as the
//! term frequency, the words' summed weight and the text's length. It also
//! reports the phrase query's size (the rarer word's document count), so
//! intersections around it order their clauses, and sum their scores, as
//! before. Tests check all of it against `PhraseQuery`.
//!
//! `super::query` swaps in a [`PairQuery`] for each two-word phrase on the
//! text without slop; any other phrase is left to tantivy.

use super::schema::Fields;
use tantivy::fieldnorm::FieldNormReader;
use tantivy::postings::{Postings, SegmentPostings};
use tantivy::query::{
    Bm25Weight, EmptyScorer, EnableScoring, Explanation, PhraseQuery, Query, Scorer, Weight,
};
use tantivy::schema::{Field, IndexRecordOption};
use tantivy::{DocId, DocSet, Score, SegmentReader, TantivyError, Term, TERMINATED};

/// The phrase "first second" on the text, looked up in the `pairs` field.
#[derive(Clone, Debug)]
pub struct PairQuery {
    /// The two words, as terms of the text field.
    words: [Term; 2],
    /// The pair, as a term of the `pairs` field.
    pair: Term,
}

impl PairQuery {
    /// The pair query for `phrase` when it is two adjacent words on the
    /// text field, without slop.
    pub fn of(phrase: &PhraseQuery, fields: &Fields) -> Option<PairQuery> {
        if phrase.field() != fields.text {
            return None;
        }
        let terms = phrase.phrase_terms();
        let [first, second] = <[Term; 2]>::try_from(terms).ok()?;
        // Offsets 0 and 1 and no slop: exactly what `PhraseQuery::new`
        // makes of the two terms (neither is readable otherwise).
        let plain = PhraseQuery::new(vec![first.clone(), second.clone()]);
        if format!("{plain:?}") != format!("{phrase:?}") {
            return None;
        }
        let text = |t: &Term| t.value().as_str().map(str::to_string);
        let (a, b) = (text(&first)?, text(&second)?);
        if a.contains(' ') || b.contains(' ') {
            return None;
        }
        Some(PairQuery {
            pair: Term::from_field_text(fields.pairs, &format!("{a} {b}")),
            words: [first, second],
        })
    }

    fn text_field(&self) -> Field {
        self.words[0].field()
    }
}

impl Query for PairQuery {
    fn weight(&self, scoring: EnableScoring<'_>) -> tantivy::Result<Box<dyn Weight>> {
        // As `PhraseQuery` weighs a phrase: the words' statistics.
        let bm25 = match scoring {
            EnableScoring::Enabled {
                statistics_provider,
                ..
            } => Some(Bm25Weight::for_terms(statistics_provider, &self.words)?),
            EnableScoring::Disabled { .. } => None,
        };
        Ok(Box::new(PairWeight {
            query: self.clone(),
            bm25,
        }))
    }

    fn query_terms<'a>(&'a self, visitor: &mut dyn FnMut(&'a Term, bool)) {
        // The phrase's words, as `PhraseQuery` gives them (snippets mark them).
        for term in &self.words {
            visitor(term, true);
        }
    }
}

struct PairWeight {
    query: PairQuery,
    bm25: Option<Bm25Weight>,
}

impl PairWeight {
    fn pair_scorer(
        &self,
        reader: &SegmentReader,
        boost: Score,
    ) -> tantivy::Result<Option<PairScorer>> {
        let field = self.query.text_field();
        let text = reader.inverted_index(field)?;
        // The phrase scorer's size: the rarer word's; none when a word is
        // missing from the segment.
        let mut size = u32::MAX;
        for word in &self.query.words {
            match text.get_term_info(word)? {
                Some(info) => size = size.min(info.doc_freq),
                None => return Ok(None),
            }
        }
        let postings = reader
            .inverted_index(self.query.pair.field())?
            .read_postings(&self.query.pair, IndexRecordOption::WithFreqs)?
            .unwrap_or_else(SegmentPostings::empty);
        let fieldnorms = match &self.bm25 {
            Some(_) => reader.fieldnorms_readers().get_field(field)?,
            None => None,
        }
        .unwrap_or_else(|| FieldNormReader::constant(reader.max_doc(), 1));
        Ok(Some(PairScorer {
            postings,
            size,
            bm25: self.bm25.as_ref().map(|w| w.boost_by(boost)),
            fieldnorms,
        }))
    }
}

impl Weight for PairWeight {
    fn scorer(&self, reader: &SegmentReader, boost: Score) -> tantivy::Result<Box<dyn Scorer>> {
        Ok(match self.pair_scorer(reader, boost)? {
            Some(scorer) => Box::new(scorer),
            None => Box::new(EmptyScorer),
        })
    }

    fn explain(&self, reader: &SegmentReader, doc: DocId) -> tantivy::Result<Explanation> {
        let not_found =
            || TantivyError::InvalidArgument(format!("document #({doc}) does not match"));
        let mut scorer = self.pair_scorer(reader, 1.0)?.ok_or_else(not_found)?;
        if scorer.seek(doc) != doc {
            return Err(not_found());
        }
        let mut explanation = Explanation::new("Phrase Scorer", scorer.score());
        if let Some(bm25) = &self.bm25 {
            explanation.add_detail(bm25.explain(
                scorer.fieldnorms.fieldnorm_id(doc),
                scorer.postings.term_freq(),
            ));
        }
        Ok(explanation)
    }
}

/// The records of one segment holding the pair, scored as the phrase.
struct PairScorer {
    postings: SegmentPostings,
    size: u32,
    bm25: Option<Bm25Weight>,
    /// The text's lengths.
    fieldnorms: FieldNormReader,
}

impl DocSet for PairScorer {
    fn advance(&mut self) -> DocId {
        self.postings.advance()
    }

    fn seek(&mut self, target: DocId) -> DocId {
        self.postings.seek(target)
    }

    fn doc(&self) -> DocId {
        self.postings.doc()
    }

    fn size_hint(&self) -> u32 {
        self.size
    }
}

impl Scorer for PairScorer {
    fn score(&mut self) -> Score {
        let doc = self.doc();
        match &self.bm25 {
            Some(bm25) if doc != TERMINATED => {
                bm25.score(self.fieldnorms.fieldnorm_id(doc), self.postings.term_freq())
            }
            _ => 1.0,
        }
    }
}

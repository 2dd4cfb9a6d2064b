//! Two required words on the default fields ("early help"), or a word and
//! either of two ("funding AND (schools OR academies)"), read window by
//! window with bitsets.
//!
//! The parser makes a word on the default fields "text:w OR title:w^2",
//! and "early help" the intersection of two such unions. tantivy reads a
//! union window by window (4,096 documents), scoring every posting into a
//! buffer, and the intersection then seeks one union to the other's next
//! document, again and again. [`WindowQuery`] reads each word's postings
//! of a window into a bitset (and each one's term frequency), intersects
//! the bitsets, and scores only the documents left. Exclusions ("NOT
//! nursery") stay tantivy's, around it.
//!
//! The documents are the same, and so are the scores: each field's BM25
//! term score computed as tantivy's term scorer computes it (the title's
//! weight doubled as its boost doubles it), summed as tantivy sums them.
//! Every sum here has at most two terms, so the order tantivy adds them
//! in (its unions' and intersections' orders, which follow their sizes)
//! cannot change it. For the same reason the query is only used where its
//! own reported size cannot change an order either: as the whole of the
//! user's query, beside at most one filter (see `super::query`).

use tantivy::fastfield::AliveBitSet;
use tantivy::fieldnorm::FieldNormReader;
use tantivy::postings::{Postings, SegmentPostings};
use tantivy::query::{
    Bm25Weight, BooleanQuery, BoostQuery, EmptyScorer, EnableScoring, Explanation, Occur, Query,
    Scorer, TermQuery, Weight,
};
use tantivy::schema::{Field, IndexRecordOption};
use tantivy::{DocId, DocSet, Score, SegmentReader, TantivyError, Term, TERMINATED};

/// Documents per window (at most).
const WINDOW: u32 = 4096;
/// 64-bit words per window's bitset.
const WORDS: usize = (WINDOW / 64) as usize;
/// The title's boost, as the query parser sets it.
const TITLE_BOOST: Score = 2.0;
/// The parser's term queries read frequencies.
const RECORD: IndexRecordOption = IndexRecordOption::WithFreqs;
/// Term frequencies below this have their own ceiling (see [`List::ceiling`]).
const CEILING_TFS: usize = 64;

/// One word on the text and the title.
#[derive(Clone, Debug)]
struct Word {
    text: Term,
    title: Term,
}

/// Required: one or two groups; a group is one word, or either of two.
#[derive(Clone, Debug)]
pub struct WindowQuery {
    groups: Vec<Vec<Word>>,
    /// Documents per window: [`WINDOW`]; fewer in tests, so that small
    /// indexes span many windows.
    window: u32,
}

impl Word {
    /// The word of `query` when it is exactly what the parser makes of a
    /// word on the default fields: `text:w` or `title:w` boosted by
    /// [`TITLE_BOOST`], one required.
    fn of(query: &dyn Query, text: Field, title: Field) -> Option<Word> {
        let boolean = query.downcast_ref::<BooleanQuery>()?;
        let [(Occur::Should, first), (Occur::Should, _)] = boolean.clauses() else {
            return None;
        };
        let word = first.downcast_ref::<TermQuery>()?.term();
        if word.field() != text {
            return None;
        }
        let word_text = word.value().as_str()?.to_string();
        let title_term = Term::from_field_text(title, &word_text);
        // The clauses' shapes, the boost and the minimum (term queries do
        // not show their record option: the parser's read frequencies).
        let same = BooleanQuery::new(vec![
            (
                Occur::Should,
                Box::new(TermQuery::new(word.clone(), RECORD)),
            ),
            (
                Occur::Should,
                Box::new(BoostQuery::new(
                    Box::new(TermQuery::new(title_term.clone(), RECORD)),
                    TITLE_BOOST,
                )),
            ),
        ]);
        if format!("{same:?}") != format!("{boolean:?}") {
            return None;
        }
        Some(Word {
            text: word.clone(),
            title: title_term,
        })
    }
}

/// A group of `query`: a word, or either of two words.
fn group(query: &dyn Query, text: Field, title: Field) -> Option<Vec<Word>> {
    if let Some(word) = Word::of(query, text, title) {
        return Some(vec![word]);
    }
    let boolean = query.downcast_ref::<BooleanQuery>()?;
    let [(Occur::Should, a), (Occur::Should, b)] = boolean.clauses() else {
        return None;
    };
    if boolean.get_minimum_number_should_match() > 1 {
        return None;
    }
    Some(vec![
        Word::of(&**a, text, title)?,
        Word::of(&**b, text, title)?,
    ])
}

impl WindowQuery {
    /// `query` with its intersection of two groups read by windows: when it
    /// is one (two groups required, with any exclusions), or holds one as
    /// its only clause that is not an exclusion (whose scorer tantivy then
    /// uses as it is). Exclusions stay as they are. A single group is left
    /// to tantivy, whose union is as fast alone.
    pub fn rewrite(query: &dyn Query, text: Field, title: Field) -> Option<Box<dyn Query>> {
        let boolean = query.downcast_ref::<BooleanQuery>()?;
        let clauses = boolean.clauses();
        let positive: Vec<&(Occur, Box<dyn Query>)> = clauses
            .iter()
            .filter(|(o, _)| *o != Occur::MustNot)
            .collect();
        let (occur, inner): (Occur, Box<dyn Query>) = match positive[..] {
            [(Occur::Must, a), (Occur::Must, b)] => (
                Occur::Must,
                Box::new(WindowQuery {
                    groups: vec![group(&**a, text, title)?, group(&**b, text, title)?],
                    window: WINDOW,
                }),
            ),
            [(occur, only)] if boolean.get_minimum_number_should_match() <= 1 => {
                (*occur, WindowQuery::rewrite(&**only, text, title)?)
            }
            _ => return None,
        };
        if clauses.len() == positive.len() && occur == Occur::Must {
            return Some(inner);
        }
        // The one positive clause, then the exclusions as they were.
        let mut rebuilt = vec![(occur, inner)];
        rebuilt.extend(
            clauses
                .iter()
                .filter(|(o, _)| *o == Occur::MustNot)
                .map(|(o, q)| (*o, q.box_clone())),
        );
        Some(Box::new(BooleanQuery::with_minimum_required_clauses(
            rebuilt,
            boolean.get_minimum_number_should_match(),
        )))
    }
}

impl WindowQuery {
    /// The same query with windows of `size` documents (at most [`WINDOW`]).
    #[cfg(test)]
    pub fn with_window(mut self, size: u32) -> WindowQuery {
        self.window = size.clamp(64, WINDOW) / 64 * 64;
        self
    }
}

impl Query for WindowQuery {
    fn weight(&self, scoring: EnableScoring<'_>) -> tantivy::Result<Box<dyn Weight>> {
        let mut groups = Vec::with_capacity(self.groups.len());
        for g in &self.groups {
            let mut words = Vec::with_capacity(g.len());
            for w in g {
                let mut lists = Vec::with_capacity(2);
                for (term, boost) in [(&w.text, 1.0), (&w.title, TITLE_BOOST)] {
                    let bm25 = match scoring {
                        EnableScoring::Enabled {
                            statistics_provider,
                            ..
                        } => Some(Bm25Weight::for_terms(
                            statistics_provider,
                            std::slice::from_ref(term),
                        )?),
                        EnableScoring::Disabled { .. } => None,
                    };
                    lists.push((term.clone(), boost, bm25));
                }
                words.push(lists);
            }
            groups.push(words);
        }
        Ok(Box::new(WindowWeight {
            groups,
            window: self.window,
        }))
    }

    fn query_terms<'a>(&'a self, visitor: &mut dyn FnMut(&'a Term, bool)) {
        for w in self.groups.iter().flatten() {
            visitor(&w.text, false);
            visitor(&w.title, false);
        }
    }
}

/// Per group, per word, per field: the term, its boost, its BM25 weight.
type ListWeight = (Term, Score, Option<Bm25Weight>);

struct WindowWeight {
    groups: Vec<Vec<Vec<ListWeight>>>,
    window: u32,
}

impl WindowWeight {
    fn window_scorer(&self, reader: &SegmentReader, boost: Score) -> tantivy::Result<WindowScorer> {
        let mut groups = Vec::with_capacity(self.groups.len());
        for g in &self.groups {
            let mut words = Vec::with_capacity(g.len());
            for w in g {
                let mut lists = Vec::with_capacity(2);
                for (term, field_boost, bm25) in w {
                    let option = if bm25.is_some() {
                        RECORD
                    } else {
                        IndexRecordOption::Basic
                    };
                    let Some(postings) = reader
                        .inverted_index(term.field())?
                        .read_postings(term, option)?
                    else {
                        continue;
                    };
                    if postings.doc() == TERMINATED {
                        continue;
                    }
                    let fieldnorms = match bm25 {
                        Some(_) => reader.fieldnorms_readers().get_field(term.field())?,
                        None => None,
                    }
                    .unwrap_or_else(|| FieldNormReader::constant(reader.max_doc(), 1));
                    // As a boost query passes its boost on to the term's
                    // scorer.
                    let bm25 = bm25.as_ref().map(|b| b.boost_by(boost * field_boost));
                    let (ceilings, ceiling_rest) = ceilings(bm25.as_ref());
                    lists.push(List {
                        postings,
                        bm25,
                        fieldnorms,
                        bits: [0; WORDS],
                        freqs: vec![0; WINDOW as usize].into_boxed_slice(),
                        ceilings,
                        ceiling_rest,
                    });
                }
                words.push(lists);
            }
            groups.push(words);
        }
        Ok(WindowScorer::new(groups, self.window))
    }
}

impl Weight for WindowWeight {
    fn scorer(&self, reader: &SegmentReader, boost: Score) -> tantivy::Result<Box<dyn Scorer>> {
        let scorer = self.window_scorer(reader, boost)?;
        if scorer.doc == TERMINATED {
            return Ok(Box::new(EmptyScorer));
        }
        Ok(Box::new(scorer))
    }

    fn explain(&self, reader: &SegmentReader, doc: DocId) -> tantivy::Result<Explanation> {
        let mut scorer = self.window_scorer(reader, 1.0)?;
        if scorer.seek(doc) != doc {
            return Err(TantivyError::InvalidArgument(format!(
                "document #({doc}) does not match"
            )));
        }
        Ok(Explanation::new("words by windows", scorer.score()))
    }
}

/// The most a list's term can score in a document where it appears `tf`
/// times, for each `tf` below [`CEILING_TFS`], and for any `tf`.
///
/// BM25 is `weight * tf / (tf + norm)`, `norm` growing with the field's
/// length: at the shortest length (`fieldnorm_id` 0) a frequency scores
/// the most it can, and `tf / (tf + norm)` is at most 1, so no score
/// passes `weight` (the score of a frequency so large that `norm` is
/// lost in rounding). Each is computed by `Bm25Weight::score` itself, and
/// every step of it (a sum, a quotient, a product of positive numbers)
/// rounds monotonically, so no score computed the same way exceeds them.
fn ceilings(bm25: Option<&Bm25Weight>) -> ([Score; CEILING_TFS], Score) {
    let Some(bm25) = bm25 else {
        // Without scoring every document scores 1.
        return ([1.0; CEILING_TFS], 1.0);
    };
    let mut by_tf = [0.0; CEILING_TFS];
    for (tf, c) in by_tf.iter_mut().enumerate() {
        *c = bm25.score(0, tf as u32);
    }
    (by_tf, bm25.score(0, u32::MAX))
}

/// One field's postings of one word, and what the window holds of them.
struct List {
    postings: SegmentPostings,
    bm25: Option<Bm25Weight>,
    fieldnorms: FieldNormReader,
    /// The window's documents in the list.
    bits: [u64; WORDS],
    /// Their term frequencies (valid where `bits` are set).
    freqs: Box<[u32]>,
    /// See [`ceilings`].
    ceilings: [Score; CEILING_TFS],
    ceiling_rest: Score,
}

impl List {
    /// Read the postings in `[start, start + window)`.
    fn fill(&mut self, start: DocId, window: u32) {
        self.bits = [0; WORDS];
        if self.postings.doc() < start {
            self.postings.seek(start);
        }
        let end = start.saturating_add(window);
        let mut doc = self.postings.doc();
        while doc < end {
            let at = (doc - start) as usize;
            self.bits[at / 64] |= 1 << (at % 64);
            if let Some(f) = self.freqs.get_mut(at) {
                *f = self.postings.term_freq();
            }
            doc = self.postings.advance();
        }
    }

    fn has(&self, at: usize) -> bool {
        self.bits[at / 64] & (1 << (at % 64)) != 0
    }

    /// As tantivy's term scorer scores the document.
    fn score(&self, doc: DocId, at: usize) -> Score {
        match &self.bm25 {
            Some(bm25) => bm25.score(
                self.fieldnorms.fieldnorm_id(doc),
                self.freqs.get(at).copied().unwrap_or(1),
            ),
            None => 1.0,
        }
    }

    /// At least [`List::score`], read from the term frequency alone
    /// (neither the field's length nor a division).
    fn ceiling(&self, _: DocId, at: usize) -> Score {
        let tf = self.freqs.get(at).copied().unwrap_or(1) as usize;
        self.ceilings.get(tf).copied().unwrap_or(self.ceiling_rest)
    }
}

/// What a pass over every match of a [`WindowScorer`] does with each
/// (see [`WindowScorer::for_each_bounded`]).
pub trait Bounded {
    /// A match, whatever it scores (to be counted).
    fn count(&mut self, doc: DocId);
    /// Whether a match scoring at most `ceiling` may still be kept.
    fn may_keep(&self, ceiling: Score) -> bool;
    /// A match that may be kept, and its score.
    fn keep(&mut self, doc: DocId, score: Score);
}

/// Per group, per word, per field (text, then title, when present).
type Lists = Vec<Vec<Vec<List>>>;

pub struct WindowScorer {
    groups: Lists,
    /// Documents per window.
    window: u32,
    /// The window's first document.
    start: DocId,
    /// The window's matches not yet visited.
    bits: [u64; WORDS],
    /// The word of `bits` holding the next match.
    cursor: usize,
    doc: DocId,
    size: u32,
}

impl WindowScorer {
    fn new(groups: Lists, window: u32) -> WindowScorer {
        // An estimate (the largest list of the rarest group): nothing here
        // orders clauses by it (see the module's notes).
        let size = groups
            .iter()
            .map(|g| {
                g.iter()
                    .flatten()
                    .map(|l| l.postings.size_hint())
                    .max()
                    .unwrap_or(0)
            })
            .min()
            .unwrap_or(0);
        let mut s = WindowScorer {
            groups,
            window,
            start: 0,
            bits: [0; WORDS],
            cursor: WORDS,
            doc: 0,
            size,
        };
        s.doc = s.fill_from(0);
        s
    }

    /// The first document at or after `from` that every group holds,
    /// its window read.
    fn fill_from(&mut self, mut from: DocId) -> DocId {
        loop {
            // No match before every group's next document.
            for g in &mut self.groups {
                let mut first = TERMINATED;
                for list in g.iter_mut().flatten() {
                    if list.postings.doc() < from {
                        list.postings.seek(from);
                    }
                    first = first.min(list.postings.doc());
                }
                from = from.max(first);
            }
            if from == TERMINATED {
                return TERMINATED;
            }
            self.start = from;
            let mut all = [u64::MAX; WORDS];
            for g in &mut self.groups {
                let mut any = [0u64; WORDS];
                for list in g.iter_mut().flatten() {
                    list.fill(from, self.window);
                    for (a, b) in any.iter_mut().zip(&list.bits) {
                        *a |= b;
                    }
                }
                for (a, b) in all.iter_mut().zip(&any) {
                    *a &= b;
                }
            }
            self.bits = all;
            self.cursor = 0;
            if let Some(doc) = self.next_bit() {
                return doc;
            }
            from = from.saturating_add(self.window);
        }
    }

    /// Take the window's next match.
    fn next_bit(&mut self) -> Option<DocId> {
        while self.cursor < WORDS {
            let word = &mut self.bits[self.cursor];
            if *word != 0 {
                let bit = word.trailing_zeros();
                *word &= *word - 1;
                return Some(self.start + self.cursor as u32 * 64 + bit);
            }
            self.cursor += 1;
        }
        None
    }
}

impl DocSet for WindowScorer {
    fn advance(&mut self) -> DocId {
        if self.doc == TERMINATED {
            return TERMINATED;
        }
        self.doc = match self.next_bit() {
            Some(doc) => doc,
            None => self.fill_from(self.start.saturating_add(self.window)),
        };
        self.doc
    }

    fn seek(&mut self, target: DocId) -> DocId {
        if self.doc >= target {
            return self.doc;
        }
        if target - self.start < self.window {
            // Drop the window's matches before the target.
            let at = (target - self.start) as usize;
            for word in self.bits.iter_mut().take(at / 64) {
                *word = 0;
            }
            if let Some(word) = self.bits.get_mut(at / 64) {
                *word &= u64::MAX << (at % 64);
            }
            return self.advance();
        }
        self.doc = self.fill_from(target);
        self.doc
    }

    fn doc(&self) -> DocId {
        self.doc
    }

    fn size_hint(&self) -> u32 {
        self.size
    }
}

impl WindowScorer {
    /// The current document's lists' scores (`each` of a list, the
    /// document and its place in the window), summed as tantivy's unions
    /// and intersection sum them: in sums of two.
    #[inline]
    fn sum(&self, each: impl Fn(&List, DocId, usize) -> Score) -> Score {
        let doc = self.doc;
        let at = doc.wrapping_sub(self.start) as usize;
        if at >= self.window as usize {
            return 0.0;
        }
        let mut total = 0.0;
        for (i, g) in self.groups.iter().enumerate() {
            let mut group = 0.0;
            for word in g {
                let mut w = 0.0;
                let mut found = false;
                for list in word {
                    if list.has(at) {
                        w += each(list, doc, at);
                        found = true;
                    }
                }
                if found {
                    group += w;
                }
            }
            total = if i == 0 { group } else { total + group };
        }
        total
    }

    /// Every match from the current one on, in order, handed to `sink`:
    /// each counted (but those `alive` says are deleted), and scored only
    /// when the most it could score (its lists' [`List::ceiling`]s, summed
    /// as its score is) may still be kept. The ceiling is at least the
    /// score: sums of larger terms in the same order round to no less.
    pub fn for_each_bounded(&mut self, alive: Option<&AliveBitSet>, sink: &mut impl Bounded) {
        while self.doc != TERMINATED {
            let doc = self.doc;
            if alive.is_none_or(|a| a.is_alive(doc)) {
                sink.count(doc);
                if sink.may_keep(self.sum(List::ceiling)) {
                    sink.keep(doc, self.sum(List::score));
                }
            }
            self.advance();
        }
    }
}

impl Scorer for WindowScorer {
    fn score(&mut self) -> Score {
        self.sum(List::score)
    }
}

//! A recommendation → where it is later quoted: another document's copy
//! of the same recommendation (an inspection report bound into a pack and
//! filed on its own), or a clause of a later document that repeats it in
//! short (an officer report's "improve quality and consistency of
//! assessments and plans;" for Ofsted's "improve the quality and
//! consistency of assessment and plans by: …").
//!
//! A recommendation is read by its lead: its content words up to the
//! first colon, at most [`LEAD_WORDS`] of them, at least [`MIN_WORDS`]. A
//! lead quoted in more than [`MAX_QUOTING`] later documents, or written in
//! more than [`FORMULA`] documents at all, is a formula, not a quote, and
//! links nowhere as a clause.
//! A clause is a run of a document's text between ";", ".", ":" or a
//! bullet. The measure is containment (the lead's words found in order in
//! the clause); the evidence gives it ("recommendation text 0.91 similar").

use super::words::{containment, content_words, content_words_in};
use super::{candidate, Link, LinkType, Node};
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use serde::{Deserialize, Serialize};
use std::borrow::Cow;
use std::collections::{BTreeMap, BTreeSet};

const LEAD_WORDS: usize = 24;
const MIN_WORDS: usize = 5;
/// A lead quoted in more documents than this is a formula ("Notes the
/// report"), not a quote of one recommendation.
const MAX_QUOTING: usize = 3;
/// A lead written in more documents than this, whatever their dates and
/// copies and papers quoting it counted alike, is a formula: a
/// recommendation quoted by at most [`MAX_QUOTING`] later papers, each
/// held in a few forms (filed alone and bound into a pack, as PDF and as
/// text), is found in far fewer. Being known once this many documents
/// are found, a new lead is not placed in every document's text (see
/// [`Found::Formula`]).
pub const FORMULA: usize = 4 * (MAX_QUOTING + 1);
/// Containment from which a clause quotes a recommendation.
const QUOTED: f32 = 0.8;
/// Documents cut into clauses side by side in [`match_leads`].
const CUT_TOGETHER: usize = 32;

/// A recommendation's lead.
pub fn lead(text: &str) -> Vec<String> {
    let head = text.split(':').next().unwrap_or(text);
    let mut words = content_words(head);
    words.truncate(LEAD_WORDS);
    words
}

/// A document's clauses, as content words.
pub fn clauses(text: &str) -> Clauses {
    let mut out = Clauses::default();
    let mut folded = String::new();
    for piece in text
        .split([';', '.', ':', '•', '·', '\u{2013}', '\u{2014}'])
        .flat_map(|s| s.split(" - "))
    {
        let (words, bytes) = (out.ends.len(), out.words.len());
        for w in content_words_in(piece, &mut folded) {
            out.words.push_str(w);
            out.ends.push(out.words.len());
        }
        if out.ends.len() - words >= MIN_WORDS {
            out.clause_ends.push(out.ends.len());
        } else {
            out.ends.truncate(words);
            out.words.truncate(bytes);
        }
    }
    out
}

/// A document's clauses of at least [`MIN_WORDS`] content words, held in
/// three buffers rather than a string per word.
#[derive(Debug, Default)]
pub struct Clauses {
    /// Every word of every clause, one after another.
    words: String,
    /// Where each word ends in `words`.
    ends: Vec<usize>,
    /// How many words there are up to the end of each clause.
    clause_ends: Vec<usize>,
}

impl Clauses {
    /// The clauses, each as its words.
    pub fn iter(&self) -> impl Iterator<Item = impl Iterator<Item = &str> + '_> + '_ {
        let mut first = 0;
        self.clause_ends.iter().map(move |&last| {
            let range = first..last;
            first = last;
            range.map(move |i| {
                let from = i.checked_sub(1).map_or(0, |j| self.ends[j]);
                &self.words[from..self.ends[i]]
            })
        })
    }
}

/// The recommendations whose lead is long enough to be quoted, with
/// their leads. A line introducing the recommendations ("That
/// Committee:") is not one of them.
pub fn quotable(nodes: &[Node]) -> Vec<(&Node, Cow<'_, [String]>)> {
    nodes
        .iter()
        .filter(|n| n.kind == "recommendation")
        .filter_map(|n| Some((n, quotable_lead(n)?)))
        .collect()
}

/// A recommendation's lead when it is long enough to be quoted: the one
/// its node keeps ([`Node::lead`], borrowed), or read from its text.
pub fn quotable_lead(n: &Node) -> Option<Cow<'_, [String]>> {
    match &n.lead {
        Some(kept) if kept.is_empty() => None,
        Some(kept) => Some(Cow::Borrowed(kept.as_slice())),
        None => read_lead(&n.text).map(Cow::Owned),
    }
}

/// The lead of a recommendation's text, when it is quotable: not a line
/// introducing the recommendations ("That Committee:"), and long enough.
pub fn read_lead(text: &str) -> Option<Vec<String>> {
    if text.trim_end().ends_with(':') {
        return None;
    }
    Some(lead(text)).filter(|l| l.len() >= MIN_WORDS)
}

/// Where each lead is found in documents' clauses: lead (its words joined
/// by a space) → where it is found. What a lead scores in a document
/// depends on the two alone, so the matches of an index are kept and only
/// new leads and new documents are compared (see `store`).
pub type LeadMatches = BTreeMap<String, Found>;

/// Where one lead is found.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Found {
    /// In at most [`FORMULA`] documents: document record id → the best
    /// clause's containment.
    In(BTreeMap<String, f32>),
    /// In more than [`FORMULA`] documents, so a formula linking nowhere:
    /// `FORMULA + 1` of them, the witnesses. A lead stays a formula while
    /// they stay; only when one of them goes is it placed again, as
    /// other documents may have gone too.
    Formula(BTreeSet<String>),
}

impl Default for Found {
    fn default() -> Self {
        Found::In(BTreeMap::new())
    }
}

impl Found {
    /// The documents found, with their containment (none for a formula).
    pub fn places(&self) -> Option<&BTreeMap<String, f32>> {
        match self {
            Found::In(places) => Some(places),
            Found::Formula(_) => None,
        }
    }

    /// Add the documents of `more` (a formula stays one), and make a
    /// formula of a lead found in more than [`FORMULA`] documents.
    pub fn extend(&mut self, more: BTreeMap<String, f32>) {
        if let Found::In(places) = self {
            places.extend(more);
            if places.len() > FORMULA {
                let witnesses = std::mem::take(places)
                    .into_keys()
                    .take(FORMULA + 1)
                    .collect();
                *self = Found::Formula(witnesses);
            }
        }
    }

    /// Add what `more` says (found in other documents).
    pub fn merge(&mut self, more: Found) {
        match more {
            Found::In(places) => self.extend(places),
            Found::Formula(witnesses) => {
                if !self.is_formula() {
                    *self = Found::Formula(witnesses);
                }
            }
        }
    }

    /// Drop the document `id` (gone or read again); false when the lead
    /// must be placed again (a formula lost a witness).
    pub fn forget(&mut self, id: &str) -> bool {
        match self {
            Found::In(places) => {
                places.remove(id);
                true
            }
            Found::Formula(witnesses) => !witnesses.contains(id),
        }
    }

    /// Whether the lead is a formula.
    pub fn is_formula(&self) -> bool {
        matches!(self, Found::Formula(_))
    }
}

/// A lead as the key of [`LeadMatches`].
pub fn lead_key(lead: &[String]) -> String {
    lead.join(" ")
}

/// Every lead of `leads` against every document of `documents` (record
/// id, text): the documents holding a clause that quotes it, or that it
/// is a formula. Each distinct clause is compared once, reached through
/// the rarest words a quoting clause must hold.
pub fn match_leads(leads: &[&[String]], documents: &[(&str, &str)]) -> LeadMatches {
    // Each distinct clause once, as word numbers, with the documents
    // holding it: a paper filed again many times is read as one text.
    // Cutting texts into clauses of content words is most of the work,
    // and each document's own: done on every core, a few documents at a
    // time (so that only their clauses are held at once), then numbered
    // in the documents' order as one pass would.
    let mut vocabulary = Vocabulary::default();
    let mut clause_id: HashMap<Vec<u32>, usize> = HashMap::default();
    let mut holders: Vec<Vec<usize>> = Vec::new();
    for (first, chunk) in documents
        .chunks(CUT_TOGETHER)
        .enumerate()
        .map(|(i, c)| (i * CUT_TOGETHER, c))
    {
        let cut: Vec<Clauses> = {
            use rayon::prelude::*;
            chunk.par_iter().map(|(_, text)| clauses(text)).collect()
        };
        for (d, document_clauses) in (first..).zip(cut) {
            for c in document_clauses.iter() {
                let words = vocabulary.number(c);
                let next = holders.len();
                let id = *clause_id.entry(words).or_insert(next);
                if id == next {
                    holders.push(Vec::new());
                }
                if holders[id].last() != Some(&d) {
                    holders[id].push(d);
                }
            }
        }
    }
    let mut distinct: Vec<&[u32]> = vec![&[]; holders.len()];
    for (words, &id) in &clause_id {
        distinct[id] = words;
    }
    let mut postings: HashMap<u32, Vec<usize>> = HashMap::default();
    for (id, words) in distinct.iter().enumerate() {
        for w in words.iter().collect::<BTreeSet<_>>() {
            postings.entry(*w).or_default().push(id);
        }
    }
    let mut out = LeadMatches::new();
    for lead_words in leads {
        let lead = vocabulary.number(lead_words.iter().map(String::as_str));
        // A clause holding QUOTED of the lead's words holds at least one
        // of its rarest distinct ones (distinct - needed + 1): only
        // clauses holding one of those are compared.
        let mut candidates: BTreeSet<usize> = BTreeSet::new();
        for w in rarest_needed(&lead, &postings) {
            candidates.extend(postings.get(&w).into_iter().flatten().copied());
        }
        let need = ((lead.len() as f32) * QUOTED).ceil() as usize;
        // The best clause of each document.
        let mut best: BTreeMap<String, f32> = BTreeMap::new();
        for id in candidates {
            let words = distinct[id];
            // Too long to be a quote, or holding too few of the words for
            // their order to matter.
            if words.len() > 3 * lead.len()
                || lead.iter().filter(|w| words.contains(w)).count() < need
            {
                continue;
            }
            let score = containment(&lead, words);
            if score < QUOTED {
                continue;
            }
            for &d in &holders[id] {
                let e = best.entry(documents[d].0.to_string()).or_insert(0.0);
                *e = e.max(score);
            }
        }
        out.entry(lead_key(lead_words)).or_default().extend(best);
    }
    out
}

/// Every quote among `nodes`, their documents' texts read.
pub fn find(nodes: &[Node]) -> Vec<Link> {
    let recs = quotable(nodes);
    let leads: BTreeSet<&[String]> = recs.iter().map(|(_, l)| &**l).collect();
    let leads: Vec<&[String]> = leads.into_iter().collect();
    let documents: Vec<(&str, &str)> = nodes
        .iter()
        .filter(|n| n.kind == "document")
        .map(|n| (n.id.as_str(), n.text.as_str()))
        .collect();
    find_matched(nodes, &match_leads(&leads, &documents))
}

/// Every quote among `nodes`, where the leads were found in documents as
/// `matches` says (the documents' texts are not read).
pub fn find_matched(nodes: &[Node], matches: &LeadMatches) -> Vec<Link> {
    let recs = quotable(nodes);
    let documents: Vec<&Node> = nodes.iter().filter(|n| n.kind == "document").collect();
    // Documents by where they sit (file, pages, title), numbered: a file
    // held at two paths gives two documents of one place.
    let mut place_no: HashMap<(&str, [u32; 2], Option<&str>), u32> = HashMap::default();
    for n in &documents {
        let next = place_no.len() as u32;
        place_no
            .entry((n.file.as_str(), n.doc_pages, n.doc_title.as_deref()))
            .or_insert(next);
    }
    let document_place: Vec<u32> = documents
        .iter()
        .map(|n| place_no[&(n.file.as_str(), n.doc_pages, n.doc_title.as_deref())])
        .collect();
    // Each recommendation's id (numbered: a file at two paths gives two
    // records of one id) and the place of its document, found once.
    let mut id_no: HashMap<&str, u32> = HashMap::default();
    let mut rec_keys: HashMap<*const Node, (u32, Option<u32>)> = HashMap::default();
    for (n, _) in &recs {
        let next = id_no.len() as u32;
        let id = *id_no.entry(n.id.as_str()).or_insert(next);
        let at = place_no
            .get(&(n.file.as_str(), n.doc_pages, n.doc_title.as_deref()))
            .copied();
        rec_keys.insert(*n as *const Node, (id, at));
    }
    let mut out = Vec::new();
    // Copies of one recommendation in two documents: the earlier links to
    // the later (see `next_copies`). A copy's document is not linked
    // again as quoting it: (recommendation id, place of the copy).
    let mut copied: HashSet<(u32, u32)> = HashSet::default();
    let mut evidence = Evidence::default();
    for (a, b, score) in copies(&recs) {
        let (a_id, a_at) = rec_keys[&(a as *const Node)];
        let (b_id, b_at) = rec_keys[&(b as *const Node)];
        if let Some(b_at) = b_at {
            copied.insert((a_id, b_at));
        }
        if let Some(a_at) = a_at {
            copied.insert((b_id, a_at));
        }
        out.push(candidate(
            LinkType::QuotedIn,
            a,
            b,
            evidence.of(score),
            score,
        ));
    }
    let mut report_of: HashMap<(&str, [u32; 2], Option<&str>), &Node> = HashMap::default();
    for n in nodes.iter().filter(|n| n.kind == "report") {
        report_of
            .entry((n.file.as_str(), n.doc_pages, n.doc_title.as_deref()))
            .or_insert(n);
    }
    // The documents holding a copy of each lead: a copy is linked as a
    // recommendation, not again as a clause.
    let document_at: HashMap<(&str, [u32; 2], Option<&str>), usize> = documents
        .iter()
        .enumerate()
        .map(|(d, n)| ((n.file.as_str(), n.doc_pages, n.doc_title.as_deref()), d))
        .collect();
    // A file held at two paths gives two documents of one id.
    let mut document_of: HashMap<&str, Vec<usize>> = HashMap::default();
    for (d, n) in documents.iter().enumerate() {
        document_of.entry(n.id.as_str()).or_default().push(d);
    }
    // Each distinct lead numbered once; each recommendation's lead number.
    let mut lead_no: HashMap<&[String], usize> = HashMap::default();
    let mut distinct_leads: Vec<&[String]> = Vec::new();
    let rec_lead: Vec<usize> = recs
        .iter()
        .map(|(_, lead)| {
            *lead_no.entry(&**lead).or_insert_with(|| {
                distinct_leads.push(&**lead);
                distinct_leads.len() - 1
            })
        })
        .collect();
    let mut holding: Vec<BTreeSet<usize>> = vec![BTreeSet::new(); distinct_leads.len()];
    for ((n, _), &l) in recs.iter().zip(&rec_lead) {
        if let Some(&d) = document_at.get(&(n.file.as_str(), n.doc_pages, n.doc_title.as_deref())) {
            holding[l].insert(d);
        }
    }
    // Where each lead is found, as documents, resolved once per lead.
    let found_in: Vec<Vec<(usize, f32)>> = distinct_leads
        .iter()
        .map(|lead_words| {
            matches
                .get(&lead_key(lead_words))
                .and_then(Found::places)
                .into_iter()
                .flatten()
                .flat_map(|(id, &score)| {
                    document_of
                        .get(id.as_str())
                        .into_iter()
                        .flatten()
                        .map(move |&d| (d, score))
                })
                .collect()
        })
        .collect();
    // Dates as ranks, so the inner loop compares numbers: 0 for none.
    let mut dates: Vec<&str> = documents
        .iter()
        .filter_map(|n| n.date.as_deref())
        .chain(recs.iter().filter_map(|(n, _)| n.date.as_deref()))
        .collect();
    dates.sort_unstable();
    dates.dedup();
    let rank = |date: Option<&str>| -> u32 {
        date.and_then(|d| dates.binary_search(&d).ok())
            .map_or(0, |i| i as u32 + 1)
    };
    let document_date: Vec<u32> = documents.iter().map(|n| rank(n.date.as_deref())).collect();
    for ((rec, _), &l) in recs.iter().zip(&rec_lead) {
        let copies = &holding[l];
        let (rec_id, rec_at) = rec_keys[&(*rec as *const Node)];
        let rec_date = rank(rec.date.as_deref());
        // The cheap tests first: most documents a lead is found in are
        // earlier papers or copies. A record sits in a document when the
        // document's place is the record's.
        let quoting = |d: usize, score: f32| {
            let later = rec_date == 0 || document_date[d] == 0 || document_date[d] > rec_date;
            let copy = || copies.contains(&d) || copied.contains(&(rec_id, document_place[d]));
            score >= QUOTED && later && rec_at != Some(document_place[d]) && !copy()
        };
        // The documents quoting the lead, up to one more than a quote
        // may have: past MAX_QUOTING the lead is a formula.
        let mut best: Vec<(usize, f32)> = Vec::new();
        for &(d, score) in &found_in[l] {
            if quoting(d, score) {
                best.push((d, score));
                if best.len() > MAX_QUOTING {
                    break;
                }
            }
        }
        if best.len() > MAX_QUOTING {
            continue;
        }
        best.sort_by_key(|&(d, _)| d);
        for (d, score) in best {
            let doc = documents[d];
            let target = report_of
                .get(&(doc.file.as_str(), doc.doc_pages, doc.doc_title.as_deref()))
                .copied()
                .unwrap_or(doc);
            out.push(candidate(
                LinkType::QuotedIn,
                rec,
                target,
                evidence.of(score),
                score,
            ));
        }
    }
    out
}

/// The evidence of a quote, written once for each score: a copy chain
/// gives many links of one score.
#[derive(Default)]
struct Evidence {
    written: HashMap<u32, String>,
}

impl Evidence {
    fn of(&mut self, score: f32) -> String {
        self.written
            .entry(score.to_bits())
            .or_insert_with(|| format!("recommendation text {score:.2} similar"))
            .clone()
    }
}

/// Recommendations with the same lead, and the records holding it.
struct Copies<'l, 'a> {
    lead: &'l [String],
    records: Vec<&'a Node>,
}

/// Pairs of recommendations of two documents whose leads hold each other
/// (containment [`QUOTED`] both ways), the earlier first, with the score.
/// Records with the same lead are compared once, as one group: a
/// recommendation filed again in many papers is one text, so each copy
/// links to the next copy of a later paper (a chain through the copies,
/// not every copy to every copy) and to the first later copy of each
/// similar lead. Leads are compared only when they share one of the words
/// a match must share (the rarest ones), never every pair.
fn copies<'a>(recs: &[(&'a Node, Cow<'_, [String]>)]) -> Vec<(&'a Node, &'a Node, f32)> {
    let mut by_lead: BTreeMap<&[String], Vec<&'a Node>> = BTreeMap::new();
    for (n, lead) in recs {
        by_lead.entry(&**lead).or_default().push(*n);
    }
    let groups: Vec<Copies<'_, 'a>> = by_lead
        .into_iter()
        .map(|(lead, mut records)| {
            records.sort_by(|a, b| (&a.date, &a.id).cmp(&(&b.date, &b.id)));
            Copies { lead, records }
        })
        .collect();
    let mut postings: HashMap<&str, Vec<usize>> = HashMap::default();
    for (g, group) in groups.iter().enumerate() {
        for w in group.lead.iter().collect::<BTreeSet<_>>() {
            postings.entry(w.as_str()).or_default().push(g);
        }
    }
    let mut out = Vec::new();
    for (g, group) in groups.iter().enumerate() {
        let mut others = BTreeSet::from([g]);
        let words: Vec<&str> = group.lead.iter().map(String::as_str).collect();
        for w in rarest_needed(&words, &postings) {
            others.extend(postings.get(w).into_iter().flatten().copied());
        }
        for o in others {
            let other = &groups[o];
            let score = if o == g {
                1.0
            } else {
                containment(group.lead, other.lead).min(containment(other.lead, group.lead))
            };
            if score < QUOTED {
                continue;
            }
            for a in &group.records {
                for b in next_copies(a, &other.records) {
                    out.push((*a, b, score));
                }
            }
        }
    }
    out
}

/// The copies among `records` (sorted by date, undated first, then id)
/// that `a` links to: those of other papers of its own date (a report
/// filed alone and bound into that day's pack) after it by id, and those
/// of the next later date. An undated copy cannot be placed in time: it
/// links to the next undated copy by id and to the copies of the earliest
/// date; a dated copy links to no undated one.
fn next_copies<'a>(a: &Node, records: &[&'a Node]) -> Vec<&'a Node> {
    let mut out = Vec::new();
    let mut next_undated = false;
    let mut next_date: Option<&str> = None;
    // Records up to `a`'s date and id link from it in no case: start
    // after them.
    let key = (a.date.as_deref(), a.id.as_str());
    let start = records.partition_point(|b| (b.date.as_deref(), b.id.as_str()) <= key);
    for &b in &records[start..] {
        if b.id == a.id || a.same_document(b) {
            continue;
        }
        match (a.date.as_deref(), b.date.as_deref()) {
            (None, None) => {
                if !next_undated && a.id < b.id {
                    next_undated = true;
                    out.push(b);
                }
            }
            (Some(_), None) => {}
            (Some(x), Some(y)) if x == y => {
                if a.id < b.id {
                    out.push(b);
                }
            }
            (Some(x), Some(y)) if y < x => {}
            (_, Some(y)) => match next_date {
                None => {
                    next_date = Some(y);
                    out.push(b);
                }
                Some(d) if d == y => out.push(b),
                Some(_) => break,
            },
        }
    }
    out
}

/// The rarest of `lead`'s distinct words, as many as a clause quoting it
/// must hold at least one of. A quoting clause matches [`QUOTED`] of the
/// lead's places (a word counted at each place it fills), so the words it
/// lacks fill `spare` places at most: it holds one of any words that fill
/// more. Counting distinct words instead would miss a clause quoting a
/// lead that repeats a word.
fn rarest_needed<W, T>(lead: &[W], postings: &HashMap<W, Vec<T>>) -> Vec<W>
where
    W: Copy + Ord + std::hash::Hash,
{
    let mut distinct: Vec<W> = lead.to_vec();
    distinct.sort_unstable();
    distinct.dedup();
    let need = ((lead.len() as f32) * QUOTED).ceil() as usize;
    let spare = lead.len().saturating_sub(need.max(1));
    distinct.sort_by_key(|w| (postings.get(w).map_or(0, Vec::len), *w));
    let mut filled = 0;
    let mut kept = 0;
    for w in &distinct {
        kept += 1;
        filled += lead.iter().filter(|x| *x == w).count();
        if filled > spare {
            break;
        }
    }
    distinct.truncate(kept);
    distinct
}

/// Words numbered in the order first seen, so that clauses compare as
/// numbers rather than strings.
#[derive(Default)]
struct Vocabulary {
    numbers: HashMap<String, u32>,
}

impl Vocabulary {
    fn number<'w>(&mut self, words: impl Iterator<Item = &'w str>) -> Vec<u32> {
        words
            .map(|w| {
                // Most words are known: a copy only for a new one.
                if let Some(&n) = self.numbers.get(w) {
                    return n;
                }
                let next = self.numbers.len() as u32;
                self.numbers.insert(w.to_string(), next);
                next
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_clause_lacking_only_the_rare_word_of_a_lead_that_repeats_a_word_is_a_candidate() {
        // Lead "a a a a b": the clause "a a a a" holds 4 of its 5 places
        // (0.8, a quote), though not the rare word b.
        let lead = [1u32, 1, 1, 1, 2];
        let postings: HashMap<u32, Vec<usize>> =
            [(1, vec![0, 1, 2]), (2, vec![3])].into_iter().collect();
        let rarest = rarest_needed(&lead, &postings);
        assert!(rarest.contains(&1), "{rarest:?}");
        let clause = [1u32, 1, 1, 1];
        assert!(containment(&lead, &clause) >= QUOTED);
        // Distinct words: a clause must hold one of the (5 - 4 + 1) rarest.
        let lead = [1u32, 2, 3, 4, 5];
        let postings: HashMap<u32, Vec<usize>> =
            (1..=5).map(|w| (w, vec![0; w as usize])).collect();
        assert_eq!(rarest_needed(&lead, &postings), vec![1, 2]);
    }

    #[test]
    fn a_lead_found_past_the_limit_is_a_formula_until_a_witness_goes() {
        let places = |ids: std::ops::Range<usize>| -> BTreeMap<String, f32> {
            ids.map(|i| (format!("d{i:03}"), 1.0)).collect()
        };
        let mut found = Found::default();
        found.extend(places(0..FORMULA));
        assert!(!found.is_formula());
        // One more document: a formula, with FORMULA + 1 witnesses.
        found.extend(places(FORMULA..FORMULA + 5));
        let Found::Formula(witnesses) = &found else {
            panic!("{found:?}")
        };
        assert_eq!(witnesses.len(), FORMULA + 1);
        // A document that is no witness goes: still a formula.
        assert!(found.forget(&format!("d{:03}", FORMULA + 4)));
        // A witness goes: the lead must be placed again.
        assert!(!found.forget("d000"));
        // A formula merged into a lead found in few documents wins.
        let mut few = Found::In(places(0..2));
        few.merge(found.clone());
        assert_eq!(few, found);
    }

    fn rec(id: &str, file: &str, text: &str) -> Node {
        Node {
            id: id.into(),
            kind: "recommendation".into(),
            file: file.into(),
            date: Some("2015-03".into()),
            text: text.into(),
            ..Node::default()
        }
    }

    #[test]
    fn an_officer_report_quoting_ofsted_in_short() {
        // Seed 001 (Ofsted, "Early help: whose responsibility?") and seed
        // 000's Early Help report to the Schools Forum of 21 May 2015.
        let ofsted = rec(
            "o-recommendation-3",
            "o",
            "improve the quality and consistency of assessment and plans by: promoting the use of \
             evidence- and research-informed assessment practice",
        );
        let report = Node {
            id: "p-document-5".into(),
            kind: "document".into(),
            file: "p".into(),
            doc_pages: [40, 60],
            date: Some("2015-05-21".into()),
            text: "Local authorities and partner agencies delivering early help to children and \
                   families should: - improve quality and consistency of assessments and plans; - \
                   ensure that all early help professionals have access to effective training;"
                .into(),
            ..Node::default()
        };
        let links = find(&[ofsted, report]);
        assert_eq!(links.len(), 1);
        assert_eq!(links[0].target, "p-document-5");
        assert_eq!(links[0].evidence, "recommendation text 1.00 similar");
    }

    #[test]
    fn two_copies_of_one_recommendation_link_once() {
        let a = rec(
            "a-recommendation-7",
            "a",
            "ensure that all early help professionals have access to effective training",
        );
        let b = rec(
            "b-recommendation-5",
            "b",
            "ensure that all early help professionals have access to effective training",
        );
        let links = super::super::finish(find(&[a, b]));
        assert_eq!(links.len(), 1);
        assert_eq!(links[0].source, "a-recommendation-7");
    }

    /// A document's clauses: the content words of each run between
    /// clause marks, runs of fewer than five words left out; from the
    /// recommendations of an inspection report (seed 001).
    #[test]
    fn clauses_are_the_content_words_of_each_long_enough_run() {
        let text = "Local authorities and partner agencies delivering early help to \
            children and families should:\n\n\u{b7} improve the quality and consistency of \
            assessment and plans by:\n\u{b7} promoting the use of evidence- and \
            research-informed assessment practice \n\u{b7} improving the quality of \
            analysis in assessments\n";
        let cut = clauses(text);
        let got: Vec<Vec<&str>> = cut.iter().map(Iterator::collect).collect();
        assert_eq!(got.len(), 3, "{got:?}");
        assert_eq!(got[0].len(), 10, "{got:?}");
        assert_eq!(
            got[1..],
            [
                vec!["improv", "quality", "consistency", "assessment", "plan"],
                vec![
                    "promot",
                    "use",
                    "evidenc",
                    "research",
                    "informed",
                    "assessment",
                    "practic"
                ],
            ]
        );
        // As content words read piece by piece.
        let pieces: Vec<Vec<String>> = text
            .split([';', '.', ':', '\u{2022}', '\u{b7}', '\u{2013}', '\u{2014}'])
            .flat_map(|s| s.split(" - "))
            .map(content_words)
            .filter(|w| w.len() >= MIN_WORDS)
            .collect();
        assert_eq!(got, pieces);
        assert_eq!(clauses("").iter().count(), 0);
    }
}

//! A recommendation → where it is later quoted: another document's copy
//! of the same recommendation (an inspection report bound into a pack and
//! filed on its own), or a clause of a later document that repeats it in
//! short (an officer report's "improve quality and consistency of
//! assessments and plans;" for Ofsted's "improve the quality and
//! consistency of assessment and plans by: …").
//!
//! A recommendation is read by its lead: its content words up to the
//! first colon, at most [`LEAD_WORDS`] of them, at least [`MIN_WORDS`]. A
//! lead found in more than [`MAX_QUOTING`] documents is a formula, not
//! a quote, and links nowhere.
//! A clause is a run of a document's text between ";", ".", ":" or a
//! bullet. The measure is containment (the lead's words found in order in
//! the clause); the evidence gives it ("recommendation text 0.91 similar").

use super::words::{containment, content_words};
use super::{candidate, Link, LinkType, Node};
use std::collections::{BTreeMap, BTreeSet, HashMap};

const LEAD_WORDS: usize = 24;
const MIN_WORDS: usize = 5;
/// A lead quoted in more documents than this is a formula ("Notes the
/// report"), not a quote of one recommendation.
const MAX_QUOTING: usize = 3;
/// Containment from which a clause quotes a recommendation.
const QUOTED: f32 = 0.8;

/// A recommendation's lead.
pub fn lead(text: &str) -> Vec<String> {
    let head = text.split(':').next().unwrap_or(text);
    let mut words = content_words(head);
    words.truncate(LEAD_WORDS);
    words
}

/// A document's clauses, as content words.
pub fn clauses(text: &str) -> Vec<Vec<String>> {
    text.split([';', '.', ':', '•', '·', '\u{2013}', '\u{2014}'])
        .flat_map(|s| s.split(" - "))
        .map(content_words)
        .filter(|w| w.len() >= MIN_WORDS)
        .collect()
}

pub fn find(nodes: &[Node]) -> Vec<Link> {
    let recs: Vec<(&Node, Vec<String>)> = nodes
        .iter()
        .filter(|n| n.kind == "recommendation")
        // A line introducing the recommendations ("That Committee:") is
        // not one of them.
        .filter(|n| !n.text.trim_end().ends_with(':'))
        .map(|n| (n, lead(&n.text)))
        .filter(|(_, l)| l.len() >= MIN_WORDS)
        .collect();
    let mut out = Vec::new();
    // Copies of one recommendation in two documents: the earlier links to
    // the later (see `next_copies`).
    let mut copied: BTreeSet<(&str, &str, [u32; 2], Option<&str>)> = BTreeSet::new();
    for (a, b, score) in copies(&recs) {
        copied.insert((
            a.id.as_str(),
            b.file.as_str(),
            b.doc_pages,
            b.doc_title.as_deref(),
        ));
        copied.insert((
            b.id.as_str(),
            a.file.as_str(),
            a.doc_pages,
            a.doc_title.as_deref(),
        ));
        out.push(candidate(
            LinkType::QuotedIn,
            a,
            b,
            format!("recommendation text {score:.2} similar"),
            score,
        ));
    }
    // Clauses of documents, found through their words.
    let documents: Vec<&Node> = nodes.iter().filter(|n| n.kind == "document").collect();
    let mut report_of: BTreeMap<(&str, [u32; 2], Option<&str>), &Node> = BTreeMap::new();
    for n in nodes.iter().filter(|n| n.kind == "report") {
        report_of
            .entry((n.file.as_str(), n.doc_pages, n.doc_title.as_deref()))
            .or_insert(n);
    }
    // Each distinct clause once, as word numbers, with the documents
    // holding it: a paper filed again many times is read as one text.
    let mut vocabulary = Vocabulary::default();
    let mut clause_id: HashMap<Vec<u32>, usize> = HashMap::new();
    let mut holders: Vec<Vec<usize>> = Vec::new();
    for (d, doc) in documents.iter().enumerate() {
        for c in clauses(&doc.text) {
            let words = vocabulary.number(&c);
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
    // The documents holding a copy of each lead: a copy is linked as a
    // recommendation, not again as a clause.
    let document_at: HashMap<(&str, [u32; 2], Option<&str>), usize> = documents
        .iter()
        .enumerate()
        .map(|(d, n)| ((n.file.as_str(), n.doc_pages, n.doc_title.as_deref()), d))
        .collect();
    let mut holding: HashMap<&[String], BTreeSet<usize>> = HashMap::new();
    for (n, lead) in &recs {
        if let Some(&d) = document_at.get(&(n.file.as_str(), n.doc_pages, n.doc_title.as_deref())) {
            holding.entry(lead.as_slice()).or_default().insert(d);
        }
    }
    let mut distinct: Vec<&[u32]> = vec![&[]; holders.len()];
    for (words, &id) in &clause_id {
        distinct[id] = words;
    }
    let mut postings: HashMap<u32, Vec<usize>> = HashMap::new();
    for (id, words) in distinct.iter().enumerate() {
        for w in words.iter().collect::<BTreeSet<_>>() {
            postings.entry(*w).or_default().push(id);
        }
    }
    for (rec, lead_words) in &recs {
        let lead = vocabulary.number(lead_words);
        // A clause holding QUOTED of the lead's words holds at least one
        // of its rarest distinct ones (distinct - needed + 1): only
        // clauses holding one of those are compared.
        let mut candidates: BTreeSet<usize> = BTreeSet::new();
        for w in rarest_needed(&lead, &postings) {
            candidates.extend(postings.get(&w).into_iter().flatten().copied());
        }
        let need = ((lead.len() as f32) * QUOTED).ceil() as usize;
        // The best clause of each document.
        let mut best: BTreeMap<usize, f32> = BTreeMap::new();
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
                let e = best.entry(d).or_insert(0.0);
                *e = e.max(score);
            }
        }
        let copies = holding.get(lead_words.as_slice());
        best.retain(|&d, score| {
            let doc = documents[d];
            let copy = copies.is_some_and(|c| c.contains(&d))
                || copied.contains(&(
                    rec.id.as_str(),
                    doc.file.as_str(),
                    doc.doc_pages,
                    doc.doc_title.as_deref(),
                ));
            let later = match (&rec.date, &doc.date) {
                (Some(r), Some(t)) => t.as_str() > r.as_str(),
                _ => true,
            };
            *score >= QUOTED && !doc.same_document(rec) && !copy && later
        });
        if best.len() > MAX_QUOTING {
            continue;
        }
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
                format!("recommendation text {score:.2} similar"),
                score,
            ));
        }
    }
    out
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
fn copies<'a>(recs: &[(&'a Node, Vec<String>)]) -> Vec<(&'a Node, &'a Node, f32)> {
    let mut by_lead: BTreeMap<&[String], Vec<&'a Node>> = BTreeMap::new();
    for (n, lead) in recs {
        by_lead.entry(lead.as_slice()).or_default().push(*n);
    }
    let groups: Vec<Copies<'_, 'a>> = by_lead
        .into_iter()
        .map(|(lead, mut records)| {
            records.sort_by(|a, b| (&a.date, &a.id).cmp(&(&b.date, &b.id)));
            Copies { lead, records }
        })
        .collect();
    let mut postings: HashMap<&str, Vec<usize>> = HashMap::new();
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
    for &b in records {
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

/// The rarest of `lead`'s distinct words, as many as a text holding
/// [`QUOTED`] of them must hold at least one of (distinct - needed + 1).
fn rarest_needed<W, T>(lead: &[W], postings: &HashMap<W, Vec<T>>) -> Vec<W>
where
    W: Copy + Ord + std::hash::Hash,
{
    let mut distinct: Vec<W> = lead.to_vec();
    distinct.sort_unstable();
    distinct.dedup();
    let need = ((distinct.len() as f32) * QUOTED).ceil() as usize;
    distinct.sort_by_key(|w| (postings.get(w).map_or(0, Vec::len), *w));
    distinct.truncate(distinct.len() + 1 - need.max(1));
    distinct
}

/// Words numbered in the order first seen, so that clauses compare as
/// numbers rather than strings.
#[derive(Default)]
struct Vocabulary {
    numbers: HashMap<String, u32>,
}

impl Vocabulary {
    fn number(&mut self, words: &[String]) -> Vec<u32> {
        words
            .iter()
            .map(|w| {
                let next = self.numbers.len() as u32;
                *self.numbers.entry(w.clone()).or_insert(next)
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
}

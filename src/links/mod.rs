//! Links across documents: which record introduces, minutes, records or
//! quotes which other record, computed from records alone (the index's
//! stored records or `extract`'s output), never from the files.
//!
//! Each kind of link has its own module, a function from the [`Node`]s of
//! every record to the links it finds: `introduces` (an agenda item to
//! the document it introduces), `meeting` (an agenda item to the minute of
//! the same meeting; a decision form's "(agenda item 7)" to minute 7),
//! `decision_number` (records carrying the same decision number),
//! `considered` (a minute to the report of the same title),
//! `quotes` (a recommendation to where it is later quoted), `referral` (a
//! decision referred to the whole Council to the Council minute taking it). `thread`
//! follows the links from one record to the whole chain.
//!
//! Every link states its evidence in words a reader can check and a
//! confidence; a candidate below [`MIN_CONFIDENCE`] is not a link, and a
//! record keeps at most [`MAX_PER_SOURCE`] links of a type. The output is
//! sorted and deduplicated: the same records give the same links, in the
//! same order.
//!
//! No finder compares every record with every other: each reaches its
//! candidates through an index (records of a file or a date, a decision
//! number, the rarest words of a title or a recommendation), and copies of
//! one text (a report filed again, one recommendation in many papers) are
//! compared once, so the work and the links grow with the records, not
//! with their square.

pub mod considered;
pub mod decision_number;
pub mod introduces;
pub mod meeting;
pub mod node;
pub mod quotes;
pub mod referral;
pub mod store;
pub mod thread;
pub mod words;

pub use node::Node;

use crate::record::OutRecord;
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Below this confidence a candidate is not made a link.
pub const MIN_CONFIDENCE: f32 = 0.6;

/// At most this many links of one type leave one record, the most
/// confident kept. An agenda item introduces one document, a minute
/// considers one report, a recommendation is quoted in a few places; more
/// candidates than that are copies of one paper filed again (a pack
/// reissued, a report bound into several packs), and keeping every one
/// made the links grow with the square of the copies (5.5 million links on
/// 2,000 generated files). Three keep the real target beside two copies.
pub const MAX_PER_SOURCE: usize = 3;

/// What a link says about its two records.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum LinkType {
    /// An agenda item → the document or report it introduces.
    Introduces,
    /// An agenda item → the minute of the same meeting that took it.
    MinutedAs,
    /// A minute, resolution, agenda item or report → the record of the
    /// decision (decision form, record of decision).
    RecordedAs,
    /// A minute → the report it considered.
    Considered,
    /// A decision → a later report reconsidering it (call-in, referral).
    CalledIn,
    /// A committee's or cabinet's decision referred to the whole Council →
    /// the later Council minute or agenda item taking it.
    ReferredTo,
    /// Records of one decision that carry its number and are none of the
    /// above (two reports on the same decision).
    SameDecision,
    /// A recommendation → a later document or recommendation quoting it.
    QuotedIn,
}

impl LinkType {
    pub const ALL: [LinkType; 8] = [
        LinkType::Introduces,
        LinkType::MinutedAs,
        LinkType::RecordedAs,
        LinkType::Considered,
        LinkType::CalledIn,
        LinkType::ReferredTo,
        LinkType::SameDecision,
        LinkType::QuotedIn,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            LinkType::Introduces => "introduces",
            LinkType::MinutedAs => "minuted_as",
            LinkType::RecordedAs => "recorded_as",
            LinkType::Considered => "considered",
            LinkType::CalledIn => "called_in",
            LinkType::ReferredTo => "referred_to",
            LinkType::SameDecision => "same_decision",
            LinkType::QuotedIn => "quoted_in",
        }
    }

    pub fn parse(s: &str) -> Option<LinkType> {
        LinkType::ALL.into_iter().find(|t| t.as_str() == s)
    }
}

/// One link: `source` → `target` (record ids), how it was found.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Link {
    #[serde(rename = "type")]
    pub link_type: LinkType,
    pub source: String,
    pub target: String,
    /// How the link was found, in words a reader can check.
    pub evidence: String,
    /// 0-1; never below [`MIN_CONFIDENCE`].
    pub confidence: f32,
}

/// A candidate link from one of the finders, before the threshold.
pub(crate) fn candidate(
    link_type: LinkType,
    source: &Node,
    target: &Node,
    evidence: String,
    confidence: f32,
) -> Link {
    Link {
        link_type,
        source: source.id.clone(),
        target: target.id.clone(),
        evidence,
        confidence: (confidence * 100.0).round() / 100.0,
    }
}

/// Every link among `records`.
pub fn compute(records: &[OutRecord]) -> Vec<Link> {
    let nodes: Vec<Node> = records.iter().map(Node::of).collect();
    compute_nodes(&nodes)
}

/// Every link among `nodes`: each finder's candidates at or above the
/// threshold, one per (source, target) (the most confident; evidence
/// breaks a tie), sorted.
pub fn compute_nodes(nodes: &[Node]) -> Vec<Link> {
    compute_with_quotes(nodes, || quotes::find(nodes))
}

/// [`compute_nodes`] where the documents' texts are not at hand: where
/// each recommendation's lead is quoted is read from `matches` (see
/// [`quotes::LeadMatches`]). The same links as [`compute_nodes`] when
/// `matches` holds what the documents' texts say.
pub fn compute_matched(nodes: &[Node], matches: &quotes::LeadMatches) -> Vec<Link> {
    compute_with_quotes(nodes, || quotes::find_matched(nodes, matches))
}

/// Every finder's candidates, `quotes` giving the quotes, finished. The
/// finders run side by side; their candidates are taken in one order.
fn compute_with_quotes(nodes: &[Node], quotes: impl FnOnce() -> Vec<Link> + Send) -> Vec<Link> {
    let (quoted, ((introduced, met), (numbered, (considered, referred)))) =
        rayon::join(quotes, || {
            rayon::join(
                || rayon::join(|| introduces::find(nodes), || meeting::find(nodes)),
                || {
                    rayon::join(
                        || decision_number::find(nodes),
                        || rayon::join(|| considered::find(nodes), || referral::find(nodes)),
                    )
                },
            )
        });
    let mut all = introduced;
    for found in [met, numbered, considered, quoted, referred] {
        all.extend(found);
    }
    let twins = twin_files(nodes);
    let mut paper: HashMap<&str, String> = HashMap::default();
    if !twins.is_empty() {
        let file_of: HashMap<&str, &str> = nodes
            .iter()
            .map(|n| (n.id.as_str(), n.file.as_str()))
            .collect();
        all.retain(|l| {
            let pair = (
                file_of.get(l.source.as_str()).copied(),
                file_of.get(l.target.as_str()).copied(),
            );
            match pair {
                (Some(a), Some(b)) => {
                    a == b || !twins.contains_key(a) || twins.get(a) != twins.get(b)
                }
                _ => true,
            }
        });
        // A record of a paper in two forms is one target: its id within
        // the file ("recommendation-18") under the first form's file.
        for n in nodes {
            if let (Some(first), Some((_, local))) =
                (twins.get(n.file.as_str()), n.id.split_once('-'))
            {
                paper.insert(n.id.as_str(), format!("{first}:{local}"));
            }
        }
    }
    finish_as(all, &paper)
}

/// What a document is, for telling two forms of one paper.
#[derive(Debug, PartialEq, Eq, PartialOrd, Ord)]
struct DocumentSignature<'a> {
    doc_type: &'a str,
    title: Option<&'a str>,
    date: Option<&'a str>,
}

/// Files that are one paper in two forms (a PDF and its text): the same
/// documents, by type, title and date, in the same order; each mapped to
/// the first (by file hash) of its forms. Their records are not linked to
/// each other: a copy is not a citation.
fn twin_files(nodes: &[Node]) -> HashMap<&str, &str> {
    let mut signature: BTreeMap<&str, Vec<DocumentSignature>> = BTreeMap::new();
    for n in nodes.iter().filter(|n| n.kind == "document") {
        signature
            .entry(n.file.as_str())
            .or_default()
            .push(DocumentSignature {
                doc_type: &n.doc_type,
                title: n.doc_title.as_deref(),
                date: n.date.as_deref(),
            });
    }
    let mut by_signature: BTreeMap<&Vec<_>, Vec<&str>> = BTreeMap::new();
    for (file, sig) in &signature {
        by_signature.entry(sig).or_default().push(file);
    }
    let mut twins = HashMap::default();
    for files in by_signature.values().filter(|f| f.len() > 1) {
        for file in files {
            twins.insert(*file, files[0]);
        }
    }
    twins
}

/// Threshold, one link per pair, at most [`MAX_PER_SOURCE`] of a type
/// from one record, sorted by source, target, type.
#[cfg(test)]
pub(crate) fn finish(all: Vec<Link>) -> Vec<Link> {
    finish_as(all, &HashMap::default())
}

/// [`finish`], counting targets that are one record of a paper in two
/// forms (`paper`: record id → the paper's record) once towards the cap.
/// Record ids are compared as their ranks (numbers in the ids' order), so
/// sorting the candidates compares numbers, not strings.
fn finish_as(all: Vec<Link>, paper: &HashMap<&str, String>) -> Vec<Link> {
    let (all, ends) = one_per_pair(all);
    let (source, target): (Vec<u32>, Vec<u32>) = ends.into_iter().unzip();
    // The most confident of each source's links of a type; among equals,
    // the earlier target id.
    let mut order: Vec<usize> = (0..all.len()).collect();
    order.sort_by(|&i, &j| {
        let (a, b) = (&all[i], &all[j]);
        (source[i], a.link_type)
            .cmp(&(source[j], b.link_type))
            .then(b.confidence.total_cmp(&a.confidence))
            .then(target[i].cmp(&target[j]))
    });
    let mut keep = vec![false; all.len()];
    let mut counted: Vec<&str> = Vec::new();
    for (n, &i) in order.iter().enumerate() {
        let same_run = n > 0 && {
            let p = order[n - 1];
            source[p] == source[i] && all[p].link_type == all[i].link_type
        };
        if !same_run {
            counted.clear();
        }
        let target = all[i].target.as_str();
        let key = paper.get(target).map_or(target, String::as_str);
        keep[i] = counted.contains(&key) || counted.len() < MAX_PER_SOURCE;
        if keep[i] && !counted.contains(&key) {
            counted.push(key);
        }
    }
    let mut keep = keep.into_iter();
    let mut all = all;
    all.retain(|_| keep.next().unwrap_or(false));
    all
}

/// Each record id of a set of links numbered in the ids' order.
struct IdRanks<'a> {
    rank: HashMap<&'a str, u32>,
}

impl<'a> IdRanks<'a> {
    fn new(links: &'a [Link]) -> IdRanks<'a> {
        // Each id once before sorting: a record is the end of many links.
        let mut seen: HashSet<&str> =
            HashSet::with_capacity_and_hasher(links.len(), Default::default());
        let mut ids: Vec<&str> = links
            .iter()
            .flat_map(|l| [l.source.as_str(), l.target.as_str()])
            .filter(|id| seen.insert(id))
            .collect();
        ids.sort_unstable();
        IdRanks {
            rank: ids.into_iter().zip(0u32..).collect(),
        }
    }

    fn get(&self, id: &str) -> u32 {
        self.rank[id]
    }
}

/// Threshold, one link per pair (the most confident, either way), sorted
/// by source and target; with the ranks of each link's source and target
/// (in the ids' order).
fn one_per_pair(mut all: Vec<Link>) -> (Vec<Link>, Vec<(u32, u32)>) {
    all.retain(|l| l.confidence >= MIN_CONFIDENCE && l.source != l.target);
    let rank = IdRanks::new(&all);
    let ends: Vec<(u32, u32)> = all
        .iter()
        .map(|l| (rank.get(&l.source), rank.get(&l.target)))
        .collect();
    let mut order: Vec<usize> = (0..all.len()).collect();
    order.sort_by(|&i, &j| {
        let (a, b) = (&all[i], &all[j]);
        ends[i]
            .cmp(&ends[j])
            .then_with(|| b.confidence.total_cmp(&a.confidence))
            .then_with(|| a.link_type.cmp(&b.link_type))
            .then_with(|| a.evidence.cmp(&b.evidence))
    });
    order.dedup_by(|b, a| ends[*a] == ends[*b]);
    // A pair found both ways keeps the more confident direction.
    let mut keep = vec![true; order.len()];
    let mut seen: HashMap<(u32, u32), usize> =
        HashMap::with_capacity_and_hasher(order.len(), Default::default());
    for (n, &i) in order.iter().enumerate() {
        let (s, t) = ends[i];
        if let Some(&m) = seen.get(&(t, s)) {
            let drop = if all[order[m]].confidence >= all[i].confidence {
                n
            } else {
                m
            };
            keep[drop] = false;
        }
        seen.insert((s, t), n);
    }
    let mut slots: Vec<Option<Link>> = all.into_iter().map(Some).collect();
    order
        .iter()
        .zip(keep)
        .filter(|(_, k)| *k)
        .filter_map(|(&i, _)| Some((slots[i].take()?, ends[i])))
        .unzip()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn link(s: &str, t: &str, c: f32) -> Link {
        Link {
            link_type: LinkType::QuotedIn,
            source: s.into(),
            target: t.into(),
            evidence: "e".into(),
            confidence: c,
        }
    }

    #[test]
    fn below_the_threshold_no_link_and_one_link_per_pair() {
        let out = finish(vec![
            link("a", "b", 0.9),
            link("a", "b", 0.7),
            link("b", "a", 0.8),
            link("a", "c", 0.5),
        ]);
        assert_eq!(out.len(), 1);
        assert_eq!((out[0].source.as_str(), out[0].confidence), ("a", 0.9));
    }

    #[test]
    fn a_source_keeps_its_most_confident_links_of_a_type() {
        let mut all: Vec<Link> = (0..6)
            .map(|i| link("a", &format!("copy-{i}"), 0.7))
            .collect();
        all.push(link("a", "real", 0.95));
        let mut other = link("a", "minute", 0.8);
        other.link_type = LinkType::MinutedAs;
        all.push(other);
        let out = finish(all);
        let targets: Vec<&str> = out.iter().map(|l| l.target.as_str()).collect();
        assert_eq!(targets, ["copy-0", "copy-1", "minute", "real"]);
    }
}

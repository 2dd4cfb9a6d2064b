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
//! confidence; a candidate below [`MIN_CONFIDENCE`] is not a link. The
//! output is sorted and deduplicated: the same records give the same
//! links, in the same order.

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
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, HashMap, HashSet};

/// Below this confidence a candidate is not made a link.
pub const MIN_CONFIDENCE: f32 = 0.6;

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
    let mut all = Vec::new();
    all.extend(introduces::find(nodes));
    all.extend(meeting::find(nodes));
    all.extend(decision_number::find(nodes));
    all.extend(considered::find(nodes));
    all.extend(quotes::find(nodes));
    all.extend(referral::find(nodes));
    let twins = twin_files(nodes);
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
                (Some(a), Some(b)) => a == b || !twins.contains(&(a, b)),
                _ => true,
            }
        });
    }
    finish(all)
}

/// What a document is, for telling two forms of one paper.
#[derive(Debug, PartialEq, Eq, PartialOrd, Ord)]
struct DocumentSignature<'a> {
    doc_type: &'a str,
    title: Option<&'a str>,
    date: Option<&'a str>,
}

/// Pairs of files that are one paper in two forms (a PDF and its text):
/// the same documents, by type, title and date, in the same order. Their
/// records are not linked to each other: a copy is not a citation.
fn twin_files(nodes: &[Node]) -> HashSet<(&str, &str)> {
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
    let mut twins = HashSet::new();
    for files in by_signature.values() {
        for a in files {
            for b in files {
                if a != b {
                    twins.insert((*a, *b));
                }
            }
        }
    }
    twins
}

/// Threshold, one link per pair, sorted by source, target, type.
pub(crate) fn finish(mut all: Vec<Link>) -> Vec<Link> {
    all.retain(|l| l.confidence >= MIN_CONFIDENCE && l.source != l.target);
    all.sort_by(|a, b| {
        (&a.source, &a.target)
            .cmp(&(&b.source, &b.target))
            .then(b.confidence.total_cmp(&a.confidence))
            .then(a.link_type.cmp(&b.link_type))
            .then(a.evidence.cmp(&b.evidence))
    });
    all.dedup_by(|b, a| a.source == b.source && a.target == b.target);
    // A pair found both ways keeps the more confident direction.
    let mut seen: HashMap<(String, String), usize> = Default::default();
    let mut keep = vec![true; all.len()];
    for (i, l) in all.iter().enumerate() {
        if let Some(&j) = seen.get(&(l.target.clone(), l.source.clone())) {
            let drop = if all[j].confidence >= l.confidence {
                i
            } else {
                j
            };
            keep[drop] = false;
        }
        seen.insert((l.source.clone(), l.target.clone()), i);
    }
    let mut keep = keep.into_iter();
    all.retain(|_| keep.next().unwrap_or(true));
    all
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
}

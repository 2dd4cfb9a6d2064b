//! A thread: every record reached from one record by following links
//! either way (at most [`MAX_STEPS`] links from it), in date order (an
//! undated record sits beside the record it was reached from), each step
//! with the link that reached it.

use super::{Link, Node};
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet, VecDeque};

/// How many links away from the record a thread reaches.
pub const MAX_STEPS: usize = 4;

/// One record of a thread.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Step {
    pub id: String,
    pub kind: String,
    pub title: Option<String>,
    pub date: Option<String>,
    pub file: String,
    pub page: u32,
    /// How this record was reached: the link's type, the record it came
    /// from, and its evidence (none for the record asked about).
    pub via: Option<Via>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Via {
    #[serde(rename = "type")]
    pub link_type: String,
    pub from: String,
    pub evidence: String,
    pub confidence: f32,
}

/// Where a kind sits in a decision's life, for records of one date.
fn stage(kind: &str) -> u8 {
    match kind {
        "recommendation" => 0,
        "agenda_item" => 1,
        "document" | "report" => 2,
        "minute" => 3,
        "resolution" => 4,
        "decision" => 5,
        _ => 6,
    }
}

/// The thread of `id` over `nodes` and `links`; empty when no record has
/// that id.
pub fn thread(id: &str, nodes: &[Node], links: &[Link]) -> Vec<Step> {
    let by_id: BTreeMap<&str, &Node> = nodes.iter().map(|n| (n.id.as_str(), n)).collect();
    if !by_id.contains_key(id) {
        return Vec::new();
    }
    let mut edges: BTreeMap<&str, Vec<&Link>> = BTreeMap::new();
    for l in links {
        edges.entry(l.source.as_str()).or_default().push(l);
        edges.entry(l.target.as_str()).or_default().push(l);
    }
    let mut via: BTreeMap<&str, Option<&Link>> = BTreeMap::new();
    let mut reached: BTreeSet<&str> = BTreeSet::new();
    let mut queue = VecDeque::from([(id, 0usize)]);
    reached.insert(id);
    via.insert(id, None);
    while let Some((at, depth)) = queue.pop_front() {
        if depth == MAX_STEPS {
            continue;
        }
        for l in edges.get(at).into_iter().flatten() {
            let next = if l.source == at {
                l.target.as_str()
            } else {
                l.source.as_str()
            };
            if by_id.contains_key(next) && reached.insert(next) {
                via.insert(next, Some(l));
                queue.push_back((next, depth + 1));
            }
        }
    }
    // An undated record takes the date of the record it was reached from.
    let mut date_of: BTreeMap<&str, Option<String>> = BTreeMap::new();
    let mut order: Vec<&str> = Vec::new();
    let mut queue = VecDeque::from([id]);
    while let Some(at) = queue.pop_front() {
        let own = by_id[at].date.clone();
        let from = via[at].map(|l| {
            if l.source == at {
                l.target.as_str()
            } else {
                l.source.as_str()
            }
        });
        let date = own.or_else(|| from.and_then(|f| date_of.get(f).cloned().flatten()));
        date_of.insert(at, date);
        order.push(at);
        for (&n, l) in &via {
            if let Some(l) = l {
                let from = if l.source == n {
                    l.target.as_str()
                } else {
                    l.source.as_str()
                };
                if from == at && !date_of.contains_key(n) && !queue.contains(&n) {
                    queue.push_back(n);
                }
            }
        }
    }
    let mut steps: Vec<Step> = order
        .into_iter()
        .map(|n| {
            let node = by_id[n];
            Step {
                id: node.id.clone(),
                kind: node.kind.clone(),
                title: node.title.clone().or_else(|| node.doc_title.clone()),
                date: node.date.clone(),
                file: node.path.clone(),
                page: node.page,
                via: via[n].map(|l| Via {
                    link_type: l.link_type.as_str().to_string(),
                    from: if l.source == n {
                        l.target.clone()
                    } else {
                        l.source.clone()
                    },
                    evidence: l.evidence.clone(),
                    confidence: l.confidence,
                }),
            }
        })
        .collect();
    let key = |s: &Step| {
        (
            date_of[s.id.as_str()]
                .clone()
                .unwrap_or_else(|| "9999".into()),
            stage(&s.kind),
            s.id.clone(),
        )
    };
    steps.sort_by_key(key);
    steps
}

/// The ids a thread from `id` reaches through `links` (with `id`), for
/// fetching only those records.
pub fn reach(id: &str, links: &[Link]) -> BTreeSet<String> {
    let mut reached = BTreeSet::from([id.to_string()]);
    let mut frontier = vec![id.to_string()];
    for _ in 0..MAX_STEPS {
        let mut next = Vec::new();
        for l in links {
            for (a, b) in [(&l.source, &l.target), (&l.target, &l.source)] {
                if frontier.contains(a) && reached.insert(b.clone()) {
                    next.push(b.clone());
                }
            }
        }
        frontier = next;
    }
    reached
}

/// The thread of `id` when only the records its links reach are at hand:
/// `fetch` gives a record's node by id (none when it cannot be read). A
/// record with no links has no thread (empty), rather than a thread of
/// itself alone.
pub fn thread_fetched(
    id: &str,
    links: &[Link],
    mut fetch: impl FnMut(&str) -> Option<Node>,
) -> Vec<Step> {
    let nodes: Vec<Node> = reach(id, links)
        .into_iter()
        .filter_map(|i| fetch(&i))
        .collect();
    let steps = thread(id, &nodes, links);
    if steps.len() > 1 {
        steps
    } else {
        Vec::new()
    }
}

/// A step as one line of text: date, kind, title, file and page, then
/// how it was reached.
pub fn step_line(s: &Step) -> String {
    let mut line = format!(
        "{:<10}  {:<14} {}  ({} p.{})  {}",
        s.date.as_deref().unwrap_or("undated"),
        s.kind,
        s.title.as_deref().unwrap_or("(untitled)"),
        s.file,
        s.page,
        s.id
    );
    if let Some(v) = &s.via {
        line.push_str(&format!(
            "\n            <- {} {}: {} ({:.2})",
            v.link_type, v.from, v.evidence, v.confidence
        ));
    }
    line
}

#[cfg(test)]
mod tests {
    use super::super::LinkType;
    use super::*;

    fn node(id: &str, kind: &str, date: Option<&str>) -> Node {
        Node {
            id: id.into(),
            kind: kind.into(),
            date: date.map(Into::into),
            ..Node::default()
        }
    }

    fn link(t: LinkType, s: &str, d: &str) -> Link {
        Link {
            link_type: t,
            source: s.into(),
            target: d.into(),
            evidence: "decision number 24/00093".into(),
            confidence: 0.9,
        }
    }

    #[test]
    fn thread_in_date_order_from_any_record() {
        let nodes = [
            node("call-in", "report", Some("2025-03-04")),
            node("decision", "decision", Some("2025-01-17")),
            node("report", "report", None),
            node("elsewhere", "minute", Some("2020-01-01")),
        ];
        let links = [
            link(LinkType::RecordedAs, "report", "decision"),
            link(LinkType::CalledIn, "decision", "call-in"),
        ];
        let ids: Vec<String> = thread("call-in", &nodes, &links)
            .into_iter()
            .map(|s| s.id)
            .collect();
        assert_eq!(ids, ["report", "decision", "call-in"]);
        assert!(thread("nothing", &nodes, &links).is_empty());
        assert_eq!(reach("report", &links).len(), 3);
    }

    #[test]
    fn a_fetched_thread_reads_only_the_records_reached() {
        let nodes = [
            node("agenda", "agenda_item", Some("2015-05-21")),
            node("report", "report", Some("2015-05-21")),
            node("alone", "minute", Some("2015-05-21")),
        ];
        let links = [link(LinkType::Introduces, "agenda", "report")];
        let mut asked = Vec::new();
        let steps = thread_fetched("report", &links, |id| {
            asked.push(id.to_string());
            nodes.iter().find(|n| n.id == id).cloned()
        });
        let ids: Vec<&str> = steps.iter().map(|s| s.id.as_str()).collect();
        assert_eq!(ids, ["agenda", "report"]);
        assert_eq!(asked, ["agenda", "report"]);
        assert!(thread_fetched("alone", &links, |id| nodes
            .iter()
            .find(|n| n.id == id)
            .cloned())
        .is_empty());
    }
}

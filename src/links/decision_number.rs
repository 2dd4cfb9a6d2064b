//! Records carrying one decision number ("24/00093"): the report
//! proposing it and the agenda item, minute or resolution taking it →
//! the record of the decision; the decision → a report dated after it
//! that reconsiders it (a call-in, a referral); an agenda item → the
//! report on the same number; two reports on it, where no record of the
//! decision is indexed, to each other. A decision number is unique within its
//! council, so the number alone is strong evidence; records of one
//! document are not linked to each other.

use super::{candidate, Link, LinkType, Node};
use std::collections::BTreeMap;

const CONFIDENCE: f32 = 0.9;

pub fn find(nodes: &[Node]) -> Vec<Link> {
    let mut by_number: BTreeMap<&str, Vec<&Node>> = BTreeMap::new();
    for n in nodes {
        if let ("report" | "decision" | "agenda_item" | "resolution", Some(d)) =
            (n.kind.as_str(), n.decision_number.as_deref())
        {
            by_number.entry(d).or_default().push(n);
        }
    }
    let mut out = Vec::new();
    for (number, group) in by_number {
        let evidence = || format!("decision number {number}");
        // Where the decision's record is indexed, everything links to it.
        let recorded = group.iter().any(|n| n.kind == "decision");
        for (i, a) in group.iter().enumerate() {
            for b in &group[i + 1..] {
                if a.same_document(b) {
                    continue;
                }
                if let Some((t, s, d)) = orient(a, b, recorded) {
                    out.push(candidate(t, s, d, evidence(), CONFIDENCE));
                }
            }
        }
    }
    out
}

/// Which way a pair of records of one decision links, and how.
fn orient<'a>(a: &'a Node, b: &'a Node, recorded: bool) -> Option<(LinkType, &'a Node, &'a Node)> {
    let later =
        |x: &Node, than: &Node| matches!((&x.date, &than.date), (Some(x), Some(t)) if x > t);
    match (a.kind.as_str(), b.kind.as_str()) {
        ("decision", "decision") => None,
        ("decision", _) | (_, "decision") => {
            let (decision, other) = if a.kind == "decision" { (a, b) } else { (b, a) };
            if other.kind == "report"
                && (later(other, decision) || other.doc_type == "scrutiny_report")
            {
                Some((LinkType::CalledIn, decision, other))
            } else {
                Some((LinkType::RecordedAs, other, decision))
            }
        }
        ("agenda_item", "report") => Some((LinkType::Introduces, a, b)),
        ("report", "agenda_item") => Some((LinkType::Introduces, b, a)),
        _ if recorded => None,
        _ => {
            let (first, second) = if later(a, b) { (b, a) } else { (a, b) };
            Some((LinkType::SameDecision, first, second))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn node(id: &str, kind: &str, doc_type: &str, date: Option<&str>) -> Node {
        Node {
            id: id.into(),
            kind: kind.into(),
            file: id.into(),
            doc_type: doc_type.into(),
            date: date.map(Into::into),
            decision_number: Some("24/00093".into()),
            ..Node::default()
        }
    }

    #[test]
    fn family_hubs_decision_joins_its_report_record_and_call_in() {
        // Kent 24/00093 "Commissioned Family Hub Contracts": the decision
        // report (undated), the record of decision signed 17 January 2025,
        // and the Scrutiny Committee's "Cabinet reconsideration of Decision
        // 24/00093" for Cabinet on 4 March 2025.
        let report = node("r-report-1", "report", "officer_report", None);
        let decision = node(
            "d-decision-1",
            "decision",
            "member_report",
            Some("2025-01-17"),
        );
        let call_in = node(
            "c-report-1",
            "report",
            "scrutiny_report",
            Some("2025-03-04"),
        );
        let links = super::super::finish(find(&[report, decision, call_in]));
        let got: Vec<(&str, &str, LinkType)> = links
            .iter()
            .map(|l| (l.source.as_str(), l.target.as_str(), l.link_type))
            .collect();
        assert_eq!(
            got,
            [
                ("d-decision-1", "c-report-1", LinkType::CalledIn),
                ("r-report-1", "d-decision-1", LinkType::RecordedAs),
            ]
        );
        assert!(links
            .iter()
            .all(|l| l.evidence == "decision number 24/00093"));
    }
}

//! A decision referred to the whole Council → the later Council minute or
//! agenda item that took it. The source is a record of a committee or
//! cabinet (a resolution, minute, report or decision) saying it recommends
//! or refers the matter to Council ("Cabinet is asked to recommend that
//! Council approves", "resolved to refer the matter to full Council"); the
//! target is a minute or agenda item of a meeting of the Council itself (a
//! body named as a council, no committee, cabinet, panel or board) dated
//! after the source and within [`WITHIN_DAYS`], on the same subject: the
//! same decision number, or a title of three content words or more
//! nearly the source's. The wording only finds the sources; the link
//! rests on body, date and subject.

use super::words::{content_words, similarity, word_set};
use super::{candidate, Link, LinkType, Node};
use std::collections::{BTreeMap, BTreeSet};

/// How long after the source a Council meeting can take it (days).
const WITHIN_DAYS: i64 = 183;
/// Title similarity from which the subject is the same.
const SAME_SUBJECT: f32 = 0.6;
/// Words of a body that make it a part of a council, not the Council.
const PART_OF_COUNCIL: [&str; 7] = [
    "committee",
    "cabinet",
    "panel",
    "board",
    "forum",
    "executive",
    "group",
];

/// A Council minute or agenda item, its title's and body's words read once.
struct CouncilRecord<'a> {
    node: &'a Node,
    title: BTreeSet<String>,
    body: Vec<String>,
}

pub fn find(nodes: &[Node]) -> Vec<Link> {
    // Council minutes and agenda items by date, for a range of dates.
    let mut council: BTreeMap<&str, Vec<CouncilRecord>> = BTreeMap::new();
    for n in nodes
        .iter()
        .filter(|n| matches!(n.kind.as_str(), "minute" | "agenda_item"))
        .filter(|n| is_full_council(n.body.as_deref()))
    {
        if let Some(d) = n.date.as_deref() {
            council.entry(d).or_default().push(CouncilRecord {
                node: n,
                title: word_set(n.title.as_deref().unwrap_or("")),
                body: content_words(n.body.as_deref().unwrap_or("")),
            });
        }
    }
    if council.is_empty() {
        return Vec::new();
    }
    let mut out = Vec::new();
    for source in nodes
        .iter()
        .filter(|n| {
            matches!(
                n.kind.as_str(),
                "resolution" | "minute" | "report" | "decision"
            )
        })
        .filter(|n| !is_full_council(n.body.as_deref()))
    {
        let Some(date) = source.date.as_deref() else {
            continue;
        };
        // The wording read when the node was made, or read now.
        let Some(clause) = source
            .referral
            .clone()
            .or_else(|| referral_clause(&source.text))
        else {
            continue;
        };
        let Some(last) = add_days(date, WITHIN_DAYS) else {
            continue;
        };
        let subject = word_set(
            source
                .title
                .as_deref()
                .or(source.doc_title.as_deref())
                .unwrap_or(""),
        );
        let body = content_words(source.body.as_deref().unwrap_or(""));
        let later = council
            .range::<str, _>((
                std::ops::Bound::Excluded(date),
                std::ops::Bound::Included(last.as_str()),
            ))
            .flat_map(|(_, v)| v);
        for council in later {
            let target = council.node;
            // The same body (as `same_body` reads it) is not a referral.
            if !body.is_empty() && body == council.body {
                continue;
            }
            let meeting = || format!("Council meeting of {}", target.date_words());
            let same_number = source.decision_number.is_some()
                && (source.decision_number == target.decision_number
                    || source
                        .decision_number
                        .as_deref()
                        .is_some_and(|d| target.text.contains(d)));
            if same_number {
                let number = source.decision_number.as_deref().unwrap_or("");
                out.push(candidate(
                    LinkType::ReferredTo,
                    source,
                    target,
                    format!(
                        "referred to Council (\"{clause}\"), decision number {number}, {}",
                        meeting()
                    ),
                    0.9,
                ));
                continue;
            }
            let score = similarity(&subject, &council.title);
            if score >= SAME_SUBJECT && council.title.len() >= 3 {
                out.push(candidate(
                    LinkType::ReferredTo,
                    source,
                    target,
                    format!(
                        "referred to Council (\"{clause}\"), same title, {}",
                        meeting()
                    ),
                    0.5 + 0.4 * score,
                ));
            }
        }
    }
    out
}

/// A body that is a council as a whole ("Council", "Full Council", "Kent
/// County Council", "Parish Council"): its last word is "council" and no
/// word names a part of one.
pub fn is_full_council(body: Option<&str>) -> bool {
    let Some(body) = body else {
        return false;
    };
    let words = content_words(body);
    words.last().is_some_and(|w| w == "council")
        && !words.iter().any(|w| {
            PART_OF_COUNCIL
                .iter()
                .any(|p| w.starts_with(&p[..p.len() - 1]))
        })
}

/// The words that refer a matter to Council, as printed: a form of
/// "recommend" or "refer" followed within six words by "Council" (after
/// "to", "full", "that", "the", or a council's kind), not "Council Tax".
pub fn referral_clause(text: &str) -> Option<String> {
    const BEFORE_COUNCIL: [&str; 9] = [
        "to", "full", "that", "the", "county", "city", "borough", "district", "parish",
    ];
    let words: Vec<&str> = text.split_whitespace().collect();
    let bare = |w: &str| {
        w.trim_matches(|c: char| !c.is_alphanumeric())
            .to_lowercase()
    };
    for (i, w) in words.iter().enumerate() {
        let verb = bare(w);
        if !(verb.starts_with("recommend") || verb.starts_with("refer"))
            || verb.starts_with("reference")
        {
            continue;
        }
        for j in i + 1..words.len().min(i + 8) {
            if bare(words[j]) != "council" {
                continue;
            }
            let before = bare(words[j - 1]);
            let after = words.get(j + 1).map(|w| bare(w)).unwrap_or_default();
            if BEFORE_COUNCIL.contains(&before.as_str()) && after != "tax" {
                let clause = words[i..=j].join(" ");
                return Some(
                    clause
                        .trim_end_matches(|c: char| !c.is_alphanumeric())
                        .to_string(),
                );
            }
        }
    }
    None
}

/// An ISO date `days` later ("2025-12-10" + 183), by the civil calendar.
fn add_days(iso: &str, days: i64) -> Option<String> {
    let parts: Vec<i64> = iso
        .split('-')
        .map(|p| p.parse().ok())
        .collect::<Option<_>>()?;
    let [y, m, d] = parts.as_slice() else {
        return None;
    };
    let (y, m, d) = civil_from_days(days_from_civil(*y, *m, *d) + days);
    Some(format!("{y:04}-{m:02}-{d:02}"))
}

/// Days since 1970-01-01 (H. Hinnant's algorithm).
fn days_from_civil(y: i64, m: i64, d: i64) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

fn civil_from_days(z: i64) -> (i64, i64, i64) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    (
        if m <= 2 {
            yoe + era * 400 + 1
        } else {
            yoe + era * 400
        },
        m,
        d,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn referral_wording_and_council_bodies() {
        // Gloucester's Local Council Tax Support report (Cabinet 10 December
        // 2025, Council 29 January 2026) and Kent's call-in report.
        assert_eq!(
            referral_clause("To seek approval to adopt the proposed scheme and recommend that Council approves it").as_deref(),
            Some("recommend that Council")
        );
        assert_eq!(
            referral_clause("the Committee resolved, with a unanimous vote, to refer the matter to full Council for review.").as_deref(),
            Some("refer the matter to full Council")
        );
        assert_eq!(
            referral_clause("we recommend that the council tax be raised"),
            None
        );
        assert_eq!(
            referral_clause("with reference to the County Council"),
            None
        );
        assert!(is_full_council(Some("Full Council")));
        assert!(is_full_council(Some("Kent County Council")));
        assert!(!is_full_council(Some("Cabinet")));
        assert!(!is_full_council(Some("Audit and Governance Committee")));
        assert_eq!(add_days("2025-12-10", 183).as_deref(), Some("2026-06-11"));
        assert_eq!(add_days("2024-02-28", 2).as_deref(), Some("2024-03-01"));
    }
}

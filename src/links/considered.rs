//! A minute → the report it considered: a report filed apart whose title
//! is the minute's (three content words or more, all shared), dated for
//! the same meeting or undated (many committee reports print no date). A
//! report dated for another meeting is another report. Reports are
//! grouped by title (a report filed many times is compared once) and found
//! through the rarest words of the minute's title, never by scanning all.

use super::words::{content_words, title_similarity};
use super::{candidate, Link, LinkType, Node, MAX_PER_SOURCE};
use rustc_hash::FxHashMap as HashMap;
use std::collections::{BTreeMap, BTreeSet};

/// Title similarity a minute and a report must reach.
const SAME_TITLE: f32 = 0.9;

/// The reports bearing one title (its distinct content words), dated ones
/// by date and undated ones by id.
#[derive(Default)]
struct Titled<'a> {
    title: &'a str,
    dated: BTreeMap<&'a str, Vec<&'a Node>>,
    undated: Vec<&'a Node>,
}

pub fn find(nodes: &[Node]) -> Vec<Link> {
    // Reports grouped by title: a report filed again many times is
    // compared once.
    let mut by_title: BTreeMap<BTreeSet<String>, Titled> = BTreeMap::new();
    for n in nodes.iter().filter(|n| n.kind == "report") {
        let title = n.title.as_deref().unwrap_or("");
        let words: BTreeSet<String> = content_words(title).into_iter().collect();
        let group = by_title.entry(words).or_default();
        group.title = title;
        match n.date.as_deref() {
            Some(d) => group.dated.entry(d).or_default().push(n),
            None => group.undated.push(n),
        }
    }
    for group in by_title.values_mut() {
        group.undated.sort_by(|a, b| a.id.cmp(&b.id));
    }
    let titles: Vec<(&BTreeSet<String>, &Titled)> = by_title.iter().collect();
    let mut postings: HashMap<&str, Vec<usize>> = HashMap::default();
    for (t, (words, _)) in titles.iter().enumerate() {
        for w in words.iter() {
            postings.entry(w.as_str()).or_default().push(t);
        }
    }
    let mut out = Vec::new();
    for minute in nodes.iter().filter(|n| n.kind == "minute") {
        let Some(title) = minute.title.as_deref() else {
            continue;
        };
        let words = content_words(title);
        if words.len() < 3 {
            continue;
        }
        let distinct: BTreeSet<&str> = words.iter().map(String::as_str).collect();
        // A title SAME_TITLE similar shares all but a tenth of the words:
        // at least one of the rarest (distinct - needed + 1).
        let need = ((distinct.len() as f32) * SAME_TITLE).ceil() as usize;
        let mut rarest: Vec<&str> = distinct.iter().copied().collect();
        rarest.sort_by_key(|w| (postings.get(w).map_or(0, Vec::len), *w));
        rarest.truncate(rarest.len() + 1 - need.max(1));
        let candidates: BTreeSet<usize> = rarest
            .iter()
            .flat_map(|w| postings.get(w).into_iter().flatten().copied())
            .collect();
        for t in candidates {
            let group = titles[t].1;
            if title_similarity(title, group.title) < SAME_TITLE {
                continue;
            }
            let same_day = minute
                .date
                .as_deref()
                .and_then(|d| group.dated.get(d))
                .into_iter()
                .flatten()
                .map(|r| (r, 0.9, format!("dated {}", minute.date_words())));
            // Undated copies of one report rank by id alone: no more than
            // a source keeps are made.
            let undated = group
                .undated
                .iter()
                .filter(|r| r.file != minute.file)
                .take(MAX_PER_SOURCE)
                .map(|r| (r, 0.75, "undated report".to_string()));
            for (report, confidence, when) in same_day.chain(undated) {
                if report.file == minute.file {
                    continue;
                }
                out.push(candidate(
                    LinkType::Considered,
                    minute,
                    report,
                    format!("same title, {when}"),
                    confidence,
                ));
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn minute_links_the_report_of_its_title() {
        // Bristol, 12 September 2024: minute 10 "Workplace Parking Levy"
        // and the undated committee report "Workplace Parking Levy"; the
        // report of 15 May 2025 is "Workplace Parking Levy Update".
        let minute = Node {
            id: "m-minute-10".into(),
            kind: "minute".into(),
            file: "m".into(),
            date: Some("2024-09-12".into()),
            title: Some("Workplace Parking Levy".into()),
            ..Node::default()
        };
        let report = Node {
            id: "r-report-1".into(),
            kind: "report".into(),
            file: "r".into(),
            title: Some("Workplace Parking Levy".into()),
            ..Node::default()
        };
        let update = Node {
            id: "u-report-1".into(),
            file: "u".into(),
            title: Some("Workplace Parking Levy Update".into()),
            ..report.clone()
        };
        let links = find(&[minute, report, update]);
        assert_eq!(links.len(), 1);
        assert_eq!(links[0].target, "r-report-1");
        assert_eq!(links[0].evidence, "same title, undated report");
    }
}

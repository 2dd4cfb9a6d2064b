//! A minute → the report it considered: a report filed apart whose title
//! is the minute's (three content words or more, all shared), dated for
//! the same meeting or undated (many committee reports print no date). A
//! report dated for another meeting is another report.

use super::words::{content_words, title_similarity};
use super::{candidate, Link, LinkType, Node};

/// Title similarity a minute and a report must reach.
const SAME_TITLE: f32 = 0.9;

pub fn find(nodes: &[Node]) -> Vec<Link> {
    // Reports by the number of distinct content words of their title: a
    // title 0.9 similar has nearly as many.
    let mut reports: std::collections::BTreeMap<usize, Vec<&Node>> = Default::default();
    for n in nodes.iter().filter(|n| n.kind == "report") {
        let words: std::collections::BTreeSet<String> =
            content_words(n.title.as_deref().unwrap_or(""))
                .into_iter()
                .collect();
        reports.entry(words.len()).or_default().push(n);
    }
    let mut out = Vec::new();
    for minute in nodes.iter().filter(|n| n.kind == "minute") {
        let Some(title) = minute.title.as_deref() else {
            continue;
        };
        let distinct: std::collections::BTreeSet<String> =
            content_words(title).into_iter().collect();
        if content_words(title).len() < 3 {
            continue;
        }
        let n = distinct.len() as f32;
        let sizes = (n * SAME_TITLE).ceil() as usize..=(n / SAME_TITLE).floor() as usize;
        for report in reports.range(sizes).flat_map(|(_, r)| r) {
            if report.file == minute.file {
                continue;
            }
            let similarity = title_similarity(title, report.title.as_deref().unwrap_or(""));
            if similarity < SAME_TITLE {
                continue;
            }
            let (confidence, when) = match (&report.date, &minute.date) {
                (Some(r), Some(m)) if r == m => (0.9, format!("dated {}", minute.date_words())),
                (None, _) => (0.75, "undated report".to_string()),
                _ => continue,
            };
            out.push(candidate(
                LinkType::Considered,
                minute,
                report,
                format!("same title, {when}"),
                confidence,
            ));
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

//! An agenda item → the document it introduces. Read, most telling first:
//! the item's printed page range "(Pages 9 - 20)" against the printed page
//! number where a document of the same pack starts (in a pack whose printed
//! numbers agree with its agenda's ranges for more than half the items); the "Agenda Item 6"
//! stamp a report carries (in the pack, or filed apart for the same body
//! and date); a date in the item's title naming the minutes of that date
//! ("MINUTES OF THE MEETINGS OF 25 FEBRUARY 2015"); the title. A document
//! holding a report is reached through its report record.

use super::node::{date_words, Node};
use super::words::{content_words, same_body, similarity, word_set};
use super::{candidate, Link, LinkType};
use rustc_hash::FxHashMap as HashMap;
use std::collections::{BTreeMap, BTreeSet};

/// Title similarity from which a title alone makes a link.
const TITLE_SIMILARITY: f32 = 0.75;

pub fn find(nodes: &[Node]) -> Vec<Link> {
    // Each document's report, where it holds one: the record a reader
    // wants for "the report on pages 9-20".
    let mut report_of: BTreeMap<(&str, [u32; 2], Option<&str>), &Node> = BTreeMap::new();
    for n in nodes.iter().filter(|n| n.kind == "report") {
        report_of
            .entry((n.file.as_str(), n.doc_pages, n.doc_title.as_deref()))
            .or_insert(n);
    }
    let target_of = |doc: &'_ Node| -> Option<&Node> {
        report_of
            .get(&(doc.file.as_str(), doc.doc_pages, doc.doc_title.as_deref()))
            .copied()
    };
    let documents: Vec<&Node> = nodes.iter().filter(|n| n.kind == "document").collect();
    let reports: Vec<&Node> = nodes.iter().filter(|n| n.kind == "report").collect();
    // Only records of the same pack or of one date can link: found by
    // file and by date, not by scanning every record of the index.
    let documents_near = Near::of(&documents);
    let reports_near = Near::of(&reports);
    let paged_packs = packs_numbered_as_printed(nodes, &documents);
    // Titles and bodies read into words once each, not once per pair.
    let mut titles: HashMap<&str, BTreeSet<String>> = HashMap::default();
    let mut bodies: HashMap<&str, Vec<String>> = HashMap::default();
    for n in nodes
        .iter()
        .filter(|n| matches!(n.kind.as_str(), "agenda_item" | "document" | "report"))
    {
        if let Some(t) = n.title.as_deref() {
            titles.entry(t).or_insert_with(|| word_set(t));
        }
        if let Some(b) = n.body.as_deref() {
            bodies.entry(b).or_insert_with(|| content_words(b));
        }
    }
    let no_words = BTreeSet::new();
    let title_words = |n: &Node| {
        n.title
            .as_deref()
            .and_then(|t| titles.get(t))
            .unwrap_or(&no_words)
    };
    // As `same_body` reads two bodies.
    let same_body = |a: Option<&str>, b: Option<&str>| match (a, b) {
        (Some(a), Some(b)) => match (bodies.get(a), bodies.get(b)) {
            (Some(a), Some(b)) => !a.is_empty() && a == b,
            _ => same_body(Some(a), Some(b)),
        },
        _ => false,
    };
    let mut out = Vec::new();
    for item in nodes.iter().filter(|n| n.kind == "agenda_item") {
        let number = item.number.as_deref().unwrap_or("");
        let paged = paged_packs.contains(item.file.as_str());
        let named = item.title.as_deref().and_then(grammars::lex::find_date);
        let near = documents_near.around(item, named.as_deref());
        for doc in near.iter().filter(|d| !d.same_document(item)) {
            let target = target_of(doc).unwrap_or(doc);
            let same_pack = doc.file == item.file;
            if let (true, Some([from, to]), Some(printed)) =
                (same_pack && paged, item.pages, doc.printed_page)
            {
                if printed == from {
                    out.push(candidate(
                        LinkType::Introduces,
                        item,
                        target,
                        format!("printed page range {from}-{to} in the same pack"),
                        0.95,
                    ));
                }
            }
            if let Some(named) = named.clone() {
                let meeting_of = same_pack || same_body(item.body.as_deref(), doc.body.as_deref());
                if doc.doc_type == "minutes" && doc.date.as_deref() == Some(&named) && meeting_of {
                    out.push(candidate(
                        LinkType::Introduces,
                        item,
                        target,
                        format!("item {number} names the minutes of {}", date_words(&named)),
                        0.85,
                    ));
                }
            }
            let title = similarity(title_words(item), title_words(target));
            let same_meeting = same_pack
                || (same_body(item.body.as_deref(), target.body.as_deref())
                    && item.date == target.date);
            if same_meeting && title >= TITLE_SIMILARITY && title_is_telling(item) {
                out.push(candidate(
                    LinkType::Introduces,
                    item,
                    target,
                    format!(
                        "same title, {}",
                        if same_pack {
                            "same pack"
                        } else {
                            "same meeting"
                        }
                    ),
                    0.5 + 0.4 * title,
                ));
            }
        }
        for report in reports_near.around(item, None) {
            if report.same_document(item) || report.item_stamp.as_deref() != Some(number) {
                continue;
            }
            let same_pack = report.file == item.file;
            let same_meeting =
                same_body(item.body.as_deref(), report.body.as_deref()) && item.date == report.date;
            if same_pack || same_meeting {
                out.push(candidate(
                    LinkType::Introduces,
                    item,
                    report,
                    format!("\"Agenda Item {number}\" stamp on the report"),
                    if same_pack { 0.9 } else { 0.85 },
                ));
            }
        }
    }
    out
}

/// Records found by file and by date.
struct Near<'a> {
    by_file: BTreeMap<&'a str, Vec<&'a Node>>,
    by_date: BTreeMap<&'a str, Vec<&'a Node>>,
}

impl<'a> Near<'a> {
    fn of(nodes: &[&'a Node]) -> Near<'a> {
        let mut near = Near {
            by_file: BTreeMap::new(),
            by_date: BTreeMap::new(),
        };
        for n in nodes {
            near.by_file.entry(n.file.as_str()).or_default().push(n);
            if let Some(d) = n.date.as_deref() {
                near.by_date.entry(d).or_default().push(n);
            }
        }
        near
    }

    /// The records of `item`'s file, of its date and of `other_date`, each
    /// once, in the order of the index.
    fn around(&self, item: &Node, other_date: Option<&str>) -> Vec<&'a Node> {
        let mut out: Vec<&'a Node> = Vec::new();
        let mut seen: BTreeSet<&str> = BTreeSet::new();
        let dates = [item.date.as_deref(), other_date];
        let groups = std::iter::once(self.by_file.get(item.file.as_str()))
            .chain(dates.into_iter().flatten().map(|d| self.by_date.get(d)));
        for n in groups.flatten().flatten() {
            if seen.insert(n.id.as_str()) {
                out.push(n);
            }
        }
        out
    }
}

/// The packs (files) whose printed page numbers are the ones the agenda's
/// page ranges count: more than half of the items with a range find a
/// document of the pack starting on their first printed page. A pack
/// reprinted with other numbering (its own "Page 7" where the agenda says
/// 9) is not read by page range at all.
fn packs_numbered_as_printed<'a>(nodes: &'a [Node], documents: &[&Node]) -> BTreeSet<&'a str> {
    let mut of_file: BTreeMap<&str, Vec<&Node>> = BTreeMap::new();
    for d in documents {
        of_file.entry(d.file.as_str()).or_default().push(d);
    }
    let mut counts: BTreeMap<&str, (usize, usize)> = BTreeMap::new();
    for item in nodes.iter().filter(|n| n.kind == "agenda_item") {
        let Some([from, _]) = item.pages else {
            continue;
        };
        let starts = of_file
            .get(item.file.as_str())
            .into_iter()
            .flatten()
            .any(|d| !d.same_document(item) && d.printed_page == Some(from));
        let c = counts.entry(item.file.as_str()).or_default();
        c.0 += 1;
        c.1 += usize::from(starts);
    }
    counts
        .into_iter()
        .filter(|(_, (ranged, found))| 2 * found > *ranged)
        .map(|(file, _)| file)
        .collect()
}

/// A title of three content words or more: "Minutes", "Apologies" alone
/// name nothing in particular.
fn title_is_telling(item: &Node) -> bool {
    super::words::content_words(item.title.as_deref().unwrap_or("")).len() >= 3
}

#[cfg(test)]
mod tests {
    use super::*;

    fn agenda_item(number: &str, title: &str, pages: Option<[u32; 2]>) -> Node {
        Node {
            id: format!("p-agenda_item-{number}"),
            kind: "agenda_item".into(),
            file: "pack".into(),
            doc_type: "agenda".into(),
            doc_title: Some("Agenda of the Schools Forum meeting".into()),
            doc_pages: [1, 2],
            body: Some("Schools Forum".into()),
            date: Some("2015-05-21".into()),
            number: Some(number.into()),
            title: Some(title.into()),
            pages,
            ..Node::default()
        }
    }

    fn document(n: u32, doc_type: &str, title: &str, pages: [u32; 2], printed: u32) -> Node {
        Node {
            id: format!("p-document-{n}"),
            kind: "document".into(),
            file: "pack".into(),
            doc_type: doc_type.into(),
            doc_title: Some(title.into()),
            title: Some(title.into()),
            doc_pages: pages,
            printed_page: Some(printed),
            body: Some("Schools Forum".into()),
            date: Some("2015-02-25".into()),
            ..Node::default()
        }
    }

    #[test]
    fn printed_page_range_finds_the_document_on_those_pages() {
        // Seed 000's agenda: "4. MINUTES OF THE MEETINGS OF 25 FEBRUARY
        // 2015 (PAGES 1 - 8)"; the minutes start on printed page 1.
        let item = agenda_item(
            "4",
            "MINUTES OF THE MEETINGS OF 25 FEBRUARY 2015",
            Some([1, 8]),
        );
        let minutes = document(
            2,
            "minutes",
            "Minutes of the Schools Forum meeting",
            [3, 10],
            1,
        );
        let links = super::super::finish(find(&[item, minutes]));
        assert_eq!(links.len(), 1);
        assert_eq!(links[0].target, "p-document-2");
        assert_eq!(links[0].evidence, "printed page range 1-8 in the same pack");
    }

    #[test]
    fn a_pack_numbered_otherwise_is_not_read_by_page_range() {
        // Seed 000 as reprinted: the agenda says "(PAGES 9 - 20)" for the
        // High Needs report, the reprint prints "Page 7" on it and "Page
        // 27" on an appendix that item 8 (pages 27-70) does not start with.
        let six = agenda_item("6", "HIGH NEEDS UPDATE", Some([9, 20]));
        let eight = agenda_item("8", "EARLY HELP", Some([27, 70]));
        let report = document(
            3,
            "officer_report",
            "Schools forum Update High Needs Block",
            [8, 13],
            7,
        );
        let appendix = document(
            6,
            "inspection_report",
            "Early help: whose responsibility?",
            [28, 47],
            27,
        );
        assert!(find(&[six, eight, report, appendix]).is_empty());
    }

    #[test]
    fn a_date_in_the_title_names_the_minutes_of_that_date() {
        let item = agenda_item(
            "4",
            "MINUTES OF THE MEETINGS OF 25 FEBRUARY 2015",
            Some([1, 8]),
        );
        let mut minutes = document(
            2,
            "minutes",
            "Minutes of the Schools Forum meeting",
            [3, 10],
            1,
        );
        minutes.printed_page = None;
        let links = super::super::finish(find(&[item, minutes]));
        assert_eq!(
            links[0].evidence,
            "item 4 names the minutes of 25 February 2015"
        );
    }

    #[test]
    fn agenda_item_stamp_on_a_report() {
        // "Agenda Item 6" printed at the head of the High Needs report.
        let item = agenda_item("6", "HIGH NEEDS UPDATE", Some([9, 20]));
        let report = Node {
            id: "p-report-1".into(),
            kind: "report".into(),
            file: "pack".into(),
            doc_pages: [11, 22],
            title: Some("Schools forum Update High Needs Block".into()),
            item_stamp: Some("6".into()),
            ..Node::default()
        };
        let other = Node {
            item_stamp: Some("7".into()),
            id: "p-report-2".into(),
            ..report.clone()
        };
        let links = super::super::finish(find(&[item, report, other]));
        assert_eq!(links.len(), 1);
        assert_eq!(links[0].target, "p-report-1");
    }
}

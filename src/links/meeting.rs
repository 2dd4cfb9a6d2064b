//! Records of one meeting: an agenda item → the minute that took it, and
//! a minute or agenda item → the decision form's entry for it. One meeting
//! is the same body and the same date; then the item's number ("(agenda
//! item 7)" on a decision form, the minute's printed number) and the title
//! confirm. A number alone is not enough (minutes are often numbered on
//! from the last meeting's), so it needs a title that agrees in part, or,
//! for an agenda item and a minute, minutes shown to keep the agenda's
//! numbers: three pairs agreeing in number and title, none agreeing in
//! title under different numbers.

use super::words::{content_words, same_body, title_similarity, word_set};
use super::{candidate, Link, LinkType, Node};
use std::collections::BTreeMap;

pub fn find(nodes: &[Node]) -> Vec<Link> {
    let minutes: Vec<&Node> = nodes.iter().filter(|n| n.kind == "minute").collect();
    let items: Vec<&Node> = nodes.iter().filter(|n| n.kind == "agenda_item").collect();
    let decisions: Vec<&Node> = nodes.iter().filter(|n| n.kind == "decision").collect();
    let by_date = |records: &[&'_ Node]| {
        let mut map: BTreeMap<String, Vec<usize>> = Default::default();
        for (i, n) in records.iter().enumerate() {
            if let Some(d) = &n.date {
                map.entry(d.clone()).or_default().push(i);
            }
        }
        map
    };
    let (minutes_on, items_on) = (by_date(&minutes), by_date(&items));
    let on = |map: &BTreeMap<String, Vec<usize>>, n: &Node| {
        n.date
            .as_ref()
            .and_then(|d| map.get(d))
            .cloned()
            .unwrap_or_default()
    };
    let mut out = Vec::new();
    let mut numbered: Vec<(&Node, &Node)> = Vec::new();
    let mut numbering: BTreeMap<(&str, &str), Numbering> = BTreeMap::new();
    for item in &items {
        let same_day = on(&minutes_on, item);
        for minute in same_day
            .iter()
            .map(|&i| minutes[i])
            .filter(|m| same_meeting(item, m))
        {
            let tally = numbering
                .entry((item.file.as_str(), minute.file.as_str()))
                .or_default();
            let same = same_number(item.number.as_deref(), minute.number.as_deref());
            match agree(item.number.as_deref(), item, minute) {
                Some((confidence, why)) => {
                    if same {
                        tally.confirmed += 1;
                    }
                    out.push(candidate(
                        LinkType::MinutedAs,
                        item,
                        minute,
                        format!("minute of the same meeting ({}), {why}", item.date_words()),
                        confidence,
                    ));
                }
                None if same && untitled_or_sharing(item, minute) => {
                    numbered.push((item, minute));
                }
                None => {}
            }
            if !same && contradicts(item, minute) {
                tally.contradicted = true;
            }
        }
    }
    // An item and a minute of one number whose titles do not agree: the
    // number is enough when the meeting's other items and minutes show
    // that the minutes keep the agenda's numbers.
    for (item, minute) in numbered {
        let tally = &numbering[&(item.file.as_str(), minute.file.as_str())];
        if tally.confirmed >= MIN_CONFIRMED && !tally.contradicted {
            out.push(candidate(
                LinkType::MinutedAs,
                item,
                minute,
                format!(
                    "minute of the same meeting ({}), item {}, numbered as the agenda ({} items of the same number and title)",
                    item.date_words(),
                    item.number.as_deref().unwrap_or(""),
                    tally.confirmed
                ),
                NUMBERED_AS_AGENDA,
            ));
        }
    }
    for decision in &decisions {
        let stamp = decision.item_stamp.as_deref();
        let same_day: Vec<&Node> = on(&minutes_on, decision)
            .into_iter()
            .map(|i| minutes[i])
            .chain(on(&items_on, decision).into_iter().map(|i| items[i]))
            .collect();
        for record in same_day.into_iter().filter(|m| same_meeting(decision, m)) {
            if let Some((confidence, why)) = agree(stamp, record, decision) {
                out.push(candidate(
                    LinkType::RecordedAs,
                    record,
                    decision,
                    format!(
                        "decision of the same meeting ({}), {why}",
                        decision.date_words()
                    ),
                    confidence,
                ));
            }
        }
    }
    out
}

/// How an agenda's items and one set of minutes of its meeting number
/// their business: pairs of one number whose titles agree, and whether a
/// pair of different numbers has the same title.
#[derive(Debug, Default)]
struct Numbering {
    confirmed: usize,
    contradicted: bool,
}

/// Pairs of one number and title that show minutes keep the agenda's
/// numbers.
const MIN_CONFIRMED: usize = 3;

/// The confidence of an item and a minute joined by number alone.
const NUMBERED_AS_AGENDA: f32 = 0.7;

/// Whether a minute's title is missing, or shares a content word with the
/// item's: a title about other business rules the number out.
fn untitled_or_sharing(item: &Node, minute: &Node) -> bool {
    let theirs = word_set(minute.title.as_deref().unwrap_or(""));
    theirs.is_empty() || !word_set(item.title.as_deref().unwrap_or("")).is_disjoint(&theirs)
}

/// Whether an item and a minute of different numbers are the same
/// business by title: then the minutes number their own way.
fn contradicts(item: &Node, minute: &Node) -> bool {
    match (
        item.number.as_deref(),
        minute.number.as_deref(),
        item.title.as_deref(),
        minute.title.as_deref(),
    ) {
        (Some(_), Some(_), Some(a), Some(b)) => title_similarity(a, b) >= 0.5,
        _ => false,
    }
}

/// Whether an item's number and a minute's are one: the same, or a minute
/// number of several parts ending with the item's.
fn same_number(item: Option<&str>, minute: Option<&str>) -> bool {
    match (item, minute) {
        (Some(a), Some(b)) => a == b || ends_with_item(b, a),
        _ => false,
    }
}

/// One body, one date.
fn same_meeting(a: &Node, b: &Node) -> bool {
    a.date.is_some() && a.date == b.date && same_body(a.body.as_deref(), b.body.as_deref())
}

/// How far `a` and `b` (of one meeting) are the same business: `number`
/// (the item number `a` or the form gives) against `b`'s, and the titles.
fn agree(number: Option<&str>, a: &Node, b: &Node) -> Option<(f32, String)> {
    let (ta, tb) = (a.title.as_deref()?, b.title.as_deref()?);
    let title = title_similarity(ta, tb);
    // One title all of whose words the other holds ("CRSTS" and "CRSTS
    // City centre – Redcliffe Roundabout and Redcliffe Way").
    let (wa, wb) = (content_words(ta), content_words(tb));
    let (short, long) = if wa.len() <= wb.len() {
        (&wa, &wb)
    } else {
        (&wb, &wa)
    };
    let within = !short.is_empty() && short.iter().all(|w| long.contains(w));
    let b_number = if b.kind == "decision" {
        b.item_stamp.as_deref()
    } else {
        b.number.as_deref()
    };
    let a_number = if b.kind == "decision" {
        a.number.as_deref()
    } else {
        number
    };
    let same_number = same_number(a_number, b_number);
    let n = a_number.unwrap_or("");
    match (same_number, title) {
        (true, t) if t >= 0.5 => Some((0.95, format!("item {n}, same title"))),
        (true, t) if t >= 0.2 || within => Some((0.8, format!("item {n}, title in part"))),
        (_, t) if t >= 0.75 => Some((0.5 + 0.4 * t, "same title".to_string())),
        _ => None,
    }
}

/// Whether a minute number of several parts ("19.07.03": year, month,
/// item) ends with the item's number ("3"). A number of one part is a
/// running number, not the item's.
fn ends_with_item(minute: &str, item: &str) -> bool {
    let parts: Vec<&str> = minute.split(['.', '/', '-']).collect();
    let (Some(last), Ok(item)) = (parts.last(), item.parse::<u32>()) else {
        return false;
    };
    parts.len() >= 2
        && parts
            .iter()
            .all(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()))
        && last.parse::<u32>() == Ok(item)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn node(id: &str, kind: &str, number: &str, title: &str) -> Node {
        Node {
            id: id.into(),
            kind: kind.into(),
            body: Some("Transport and Connectivity Policy Committee".into()),
            date: Some("2024-09-12".into()),
            number: Some(number.into()),
            title: Some(title.into()),
            ..Node::default()
        }
    }

    #[test]
    fn decision_form_entry_links_the_minute_of_its_item() {
        // Bristol, 12 September 2024: the decision recording form's
        // "Workplace Parking Levy (agenda item 10)", made by the "Transport
        // & Connectivity Policy Committee", and minute 10 "Workplace
        // Parking Levy" of the printed minutes.
        let minute = node("m-minute-10", "minute", "10", "Workplace Parking Levy");
        let mut decision = node("d-decision-4", "decision", "", "Workplace Parking Levy");
        decision.number = None;
        decision.item_stamp = Some("10".into());
        decision.body = Some("Transport & Connectivity Policy Committee".into());
        let other = node(
            "m-minute-9",
            "minute",
            "9",
            "Bristol Regional Cycling Hub, Lawrence Weston",
        );
        let links = super::super::finish(find(&[minute, other, decision]));
        assert_eq!(links.len(), 1);
        assert_eq!(links[0].source, "m-minute-10");
        assert_eq!(links[0].link_type, LinkType::RecordedAs);
        assert_eq!(
            links[0].evidence,
            "decision of the same meeting (12 September 2024), item 10, same title"
        );
    }

    #[test]
    fn a_shortened_title_held_by_the_other_with_the_same_number() {
        // Bristol, 15 May 2025: minute 11 read as "CRSTS", the form's
        // "CRSTS City centre – Redcliffe Roundabout and Redcliffe Way
        // (agenda item 11)".
        let minute = node("m-minute-11", "minute", "11", "CRSTS");
        let mut decision = node(
            "d-decision-5",
            "decision",
            "",
            "CRSTS City centre – Redcliffe Roundabout and Redcliffe Way",
        );
        decision.item_stamp = Some("11".into());
        let links = find(&[minute, decision]);
        assert_eq!(links.len(), 1);
        assert!(links[0].evidence.ends_with("item 11, title in part"));
    }

    #[test]
    fn agenda_item_and_minute_of_another_meeting_do_not_link() {
        let item = node(
            "a-agenda_item-4",
            "agenda_item",
            "4",
            "Minutes of the Previous Meeting",
        );
        let mut minute = node(
            "m-minute-4",
            "minute",
            "4",
            "Minutes of the Previous Meeting",
        );
        let same = super::super::finish(find(&[item.clone(), minute.clone()]));
        assert_eq!(same.len(), 1);
        assert_eq!(same[0].link_type, LinkType::MinutedAs);
        minute.date = Some("2024-07-11".into());
        assert!(find(&[item, minute]).is_empty());
    }

    #[test]
    fn a_minute_numbered_by_meeting_and_item_takes_the_item() {
        // Milburn, 2 July 2019: agenda item 4 "To discuss matters arising
        // from the minutes of the last meeting", minute 19.07.04 "Matters
        // Arising"; minute 19.07.03 "Minutes" is another item's.
        let item = node(
            "a-agenda_item-4",
            "agenda_item",
            "4",
            "To discuss matters arising from the minutes of the last meeting",
        );
        let four = node("m-minute-4", "minute", "19.07.04", "Matters Arising");
        let three = node("m-minute-3", "minute", "19.07.03", "Minutes");
        let links = super::super::finish(find(&[item, four, three]));
        assert_eq!(links.len(), 1);
        assert_eq!(links[0].target, "m-minute-4");
        assert!(links[0].evidence.ends_with("item 4, title in part"));
        assert!(ends_with_item("19.07.04", "4"));
        assert!(!ends_with_item("194", "4"));
        assert!(!ends_with_item("19.07.14", "4"));
    }

    /// Burton-cum-Walden's agenda of 4 November 2025 and its minutes:
    /// items 1, 3 and 4 and minutes 1, 3 and 4 agree by title; minute 2
    /// was read without its title.
    fn burton(minute_2: Option<&str>) -> Vec<Node> {
        let agenda = [
            ("1", "To receive apologies for absence"),
            ("2", "To receive declarations of interest"),
            (
                "3",
                "To confirm the minutes of the Parish Council Meeting held on Tuesday 7 October",
            ),
            (
                "4",
                "To receive a report from the Clerk on the following matters",
            ),
        ];
        let minutes = [
            ("1", Some("Apologies")),
            ("2", minute_2),
            ("3", Some("Minutes")),
            ("4", Some("Clerk’s Report")),
        ];
        let mut nodes = Vec::new();
        for (n, title) in agenda {
            let mut item = node(&format!("a-agenda_item-{n}"), "agenda_item", n, title);
            item.file = "agenda.pdf".into();
            nodes.push(item);
        }
        for (n, title) in minutes {
            let mut minute = node(&format!("m-minute-{n}"), "minute", n, "");
            minute.title = title.map(str::to_string);
            minute.file = "minutes.pdf".into();
            nodes.push(minute);
        }
        nodes
    }

    #[test]
    fn an_untitled_minute_takes_the_item_of_its_number_when_the_meeting_numbers_as_the_agenda() {
        let links = super::super::finish(find(&burton(None)));
        let two: Vec<&Link> = links
            .iter()
            .filter(|l| l.source == "a-agenda_item-2")
            .collect();
        assert_eq!(two.len(), 1, "{links:?}");
        assert_eq!(two[0].target, "m-minute-2");
        assert_eq!(two[0].confidence, NUMBERED_AS_AGENDA);
        assert!(two[0]
            .evidence
            .ends_with("item 2, numbered as the agenda (3 items of the same number and title)"));
        // A title about other business rules the number out.
        let other = super::super::finish(find(&burton(Some("Precept"))));
        assert!(
            other.iter().all(|l| l.source != "a-agenda_item-2"),
            "{other:?}"
        );
    }

    #[test]
    fn the_number_alone_needs_three_agreeing_pairs_and_no_renumbering() {
        // Two pairs agreeing are not enough.
        let mut fewer = burton(None);
        fewer.retain(|n| n.id != "a-agenda_item-4");
        let links = super::super::finish(find(&fewer));
        assert!(
            links.iter().all(|l| l.source != "a-agenda_item-2"),
            "{links:?}"
        );
        // Minutes that number their own way (the apologies are minute 9)
        // do not lend the agenda's numbers.
        let mut renumbered = burton(None);
        let mut apologies = node(
            "m-minute-9",
            "minute",
            "9",
            "To receive apologies for absence",
        );
        apologies.file = "minutes.pdf".into();
        renumbered.push(apologies);
        let links = super::super::finish(find(&renumbered));
        assert!(
            links.iter().all(|l| l.source != "a-agenda_item-2"),
            "{links:?}"
        );
    }
}

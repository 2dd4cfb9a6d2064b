//! Records of one meeting: an agenda item → the minute that took it, and
//! a minute or agenda item → the decision form's entry for it. One meeting
//! is the same body and the same date; then the item's number ("(agenda
//! item 7)" on a decision form, the minute's printed number) and the title
//! confirm. A number alone is not enough (minutes are often numbered on
//! from the last meeting's), so it needs a title that agrees in part.

use super::words::{content_words, same_body, title_similarity};
use super::{candidate, Link, LinkType, Node};

pub fn find(nodes: &[Node]) -> Vec<Link> {
    let minutes: Vec<&Node> = nodes.iter().filter(|n| n.kind == "minute").collect();
    let items: Vec<&Node> = nodes.iter().filter(|n| n.kind == "agenda_item").collect();
    let decisions: Vec<&Node> = nodes.iter().filter(|n| n.kind == "decision").collect();
    let by_date = |records: &[&'_ Node]| {
        let mut map: std::collections::BTreeMap<String, Vec<usize>> = Default::default();
        for (i, n) in records.iter().enumerate() {
            if let Some(d) = &n.date {
                map.entry(d.clone()).or_default().push(i);
            }
        }
        map
    };
    let (minutes_on, items_on) = (by_date(&minutes), by_date(&items));
    let on = |map: &std::collections::BTreeMap<String, Vec<usize>>, n: &Node| {
        n.date
            .as_ref()
            .and_then(|d| map.get(d))
            .cloned()
            .unwrap_or_default()
    };
    let mut out = Vec::new();
    for item in &items {
        let same_day = on(&minutes_on, item);
        for minute in same_day
            .iter()
            .map(|&i| minutes[i])
            .filter(|m| same_meeting(item, m))
        {
            if let Some((confidence, why)) = agree(item.number.as_deref(), item, minute) {
                out.push(candidate(
                    LinkType::MinutedAs,
                    item,
                    minute,
                    format!("minute of the same meeting ({}), {why}", item.date_words()),
                    confidence,
                ));
            }
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
    let same_number = match (a_number, b_number) {
        (Some(a), Some(b)) => a == b || ends_with_item(b, a),
        _ => false,
    };
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
}

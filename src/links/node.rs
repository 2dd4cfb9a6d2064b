//! The view of a record that links are computed from: who it is, where it
//! sits (file, document, pages, printed page number), which meeting it
//! belongs to (body and date), and the fields links read (number, title,
//! printed page range, "Agenda Item N" stamp, decision number).

use crate::record::OutRecord;
use grammars::Fields;
use serde::{Deserialize, Serialize};

/// One record as the link finders see it.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Node {
    pub id: String,
    pub kind: String,
    /// The file (its SHA-256): records of one file share a pack.
    pub file: String,
    pub path: String,
    pub page: u32,
    /// The printed page number on the record's first page ("Page 9" → 9).
    pub printed_page: Option<u32>,
    /// The document it sits in: type, title, first and last physical page.
    pub doc_type: String,
    pub doc_title: Option<String>,
    pub doc_pages: [u32; 2],
    /// The body and date of the meeting or decision it belongs to.
    pub body: Option<String>,
    pub date: Option<String>,
    /// An item's, minute's or decision-form entry's printed number.
    pub number: Option<String>,
    pub title: Option<String>,
    /// An agenda item's printed page range.
    pub pages: Option<[u32; 2]>,
    /// The agenda item number a report is stamped with, or a decision form
    /// names ("(agenda item 7)").
    pub item_stamp: Option<String>,
    pub decision_number: Option<String>,
    /// A recommendation's lead as quotes read it, read once from its text
    /// when the node is made (kept in the index's link nodes, so it is not
    /// read again on every run): empty when it is too short to be quoted;
    /// `None` where not read (then quotes read it from the text).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lead: Option<Vec<String>>,
    /// The words by which a committee's record refers its matter to the
    /// whole Council ("recommend to Council"), read once from its text
    /// when the node is made (see `referral`); `None` when it has none or
    /// was not read (then `referral` reads the text).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub referral: Option<String>,
    /// The record's text (for a document record, the whole document's),
    /// for the records whose text a link reads (see [`keeps_text`]); empty
    /// for the others.
    pub text: String,
}

impl Node {
    pub fn of(r: &OutRecord) -> Node {
        let mut n = Node {
            id: r.id.clone(),
            kind: r.kind.clone(),
            file: r.source.sha256.clone(),
            path: r.source.path.clone(),
            page: r.source.page,
            printed_page: r.source.page_label.as_deref().and_then(printed_number),
            doc_type: r.document.doc_type.as_str().to_string(),
            doc_title: r.document.title.clone(),
            doc_pages: r.document.pages,
            body: r.document.body.clone(),
            date: r.document.date.clone(),
            ..Node::default()
        };
        match &r.fields {
            Fields::AgendaItem(a) => {
                n.number = Some(a.number.clone());
                n.title = Some(a.title.clone());
                n.pages = a.pages;
                n.decision_number = a.decision_number.clone();
            }
            Fields::Minute(m) => {
                n.number = Some(m.number.clone());
                n.title = Some(m.title.clone());
                n.date = m.meeting_date.clone().or(n.date);
            }
            Fields::Resolution(res) => {
                n.number = res.minute.clone();
                n.date = res.meeting_date.clone().or(n.date);
                n.decision_number = grammars::lex::decision_number(&r.text);
            }
            Fields::Report(rep) => {
                n.title = rep.title.clone();
                n.item_stamp = rep.agenda_item.as_deref().and_then(stamped_item);
                n.decision_number = rep.decision_number.clone();
                n.date = rep.date.clone().or(n.date);
                n.body = rep.body.clone().or(n.body);
            }
            Fields::Decision(d) => {
                let title = d.title.clone().unwrap_or_default();
                let (title, item) = split_item_note(&title);
                n.title = Some(title);
                n.item_stamp = item;
                n.decision_number = d.decision_number.clone();
                n.date = d.date.clone().or(n.date);
                n.body = d.maker.clone().or(n.body);
            }
            Fields::Meeting(m) => {
                n.body = m.body.clone().or(n.body);
                n.date = m.date.clone().or(n.date);
            }
            Fields::Recommendation(rec) => {
                n.number = rec.number.clone();
                n.lead = Some(super::quotes::read_lead(&r.text).unwrap_or_default());
            }
            Fields::Document(_) => n.title = r.document.title.clone(),
            _ => {}
        }
        if refers_to_council(&n.kind) {
            n.referral = super::referral::referral_clause(&r.text);
        }
        if keeps_text(&n) {
            n.text = r.text.clone();
        }
        n
    }

    /// Whether some link finder reads this record: documents, agenda
    /// items, minutes, resolutions, reports, decisions, and
    /// recommendations long enough to be quoted. The others (attendance,
    /// tables, actions, meetings) are never read nor linked, so the index
    /// does not keep their nodes (two fifths of a pack's records).
    pub fn is_read_by_links(&self) -> bool {
        match self.kind.as_str() {
            "document" | "agenda_item" | "minute" | "resolution" | "report" | "decision" => true,
            "recommendation" => self.lead.as_ref().is_none_or(|l| !l.is_empty()),
            _ => false,
        }
    }

    /// Whether `other` sits in the same document of the same file.
    pub fn same_document(&self, other: &Node) -> bool {
        self.file == other.file
            && self.doc_pages == other.doc_pages
            && self.doc_title == other.doc_title
    }

    /// The date in words for evidence ("21 May 2015"), or as stored.
    pub fn date_words(&self) -> String {
        self.date.as_deref().map(date_words).unwrap_or_default()
    }
}

/// Whether records of `kind` may refer their matter to the Council (the
/// sources `referral` reads the wording of).
fn refers_to_council(kind: &str) -> bool {
    matches!(kind, "resolution" | "minute" | "report" | "decision")
}

/// Whether links read the text of `n` once its node is made: a
/// document's clauses (quotes), and a decision number named in a minute
/// or item of the whole Council (referral). A recommendation's lead and a
/// referral's wording are read when the node is made, so the texts of
/// other records are not kept (most of what the index keeps of its
/// nodes otherwise).
pub fn keeps_text(n: &Node) -> bool {
    n.kind == "document"
        || (matches!(n.kind.as_str(), "minute" | "agenda_item")
            && super::referral::is_full_council(n.body.as_deref()))
}

/// "2015-05-21" → "21 May 2015" (a partial date is left as it is).
pub fn date_words(iso: &str) -> String {
    let parts: Vec<&str> = iso.split('-').collect();
    match parts.as_slice() {
        [y, m, d] => match (m.parse::<usize>(), d.parse::<u32>()) {
            (Ok(m @ 1..=12), Ok(d)) => {
                // The grammars' one month list, in lower case.
                let month = grammars::lex::MONTHS[m - 1];
                let (first, rest) = month.split_at(1);
                format!("{d} {}{rest} {y}", first.to_ascii_uppercase())
            }
            _ => iso.to_string(),
        },
        _ => iso.to_string(),
    }
}

/// The page number a printed label states: "Page 9", "9", "Page 3 of 66".
pub fn printed_number(label: &str) -> Option<u32> {
    let words: Vec<&str> = label.split_whitespace().collect();
    let digits = match words.as_slice() {
        [n] => *n,
        [p, n] | [p, n, _, _] if p.eq_ignore_ascii_case("page") => *n,
        _ => return None,
    };
    digits.parse().ok()
}

/// The item number of an "Agenda Item 6" stamp: the last word when it is
/// a number.
pub fn stamped_item(stamp: &str) -> Option<String> {
    let last = stamp.split_whitespace().last()?;
    let last = last.trim_matches(|c: char| !c.is_alphanumeric());
    last.chars()
        .next()
        .filter(char::is_ascii_digit)
        .map(|_| last.to_string())
}

/// A decision form's title with its trailing "(agenda item 7)" note split
/// off: the title, and the item number.
pub fn split_item_note(title: &str) -> (String, Option<String>) {
    let t = title.trim_end();
    if let (Some(open), true) = (t.rfind('('), t.ends_with(')')) {
        let inner = &t[open + 1..t.len() - 1];
        let words: Vec<&str> = inner.split_whitespace().collect();
        if words.len() >= 2
            && words.len() <= 3
            && words.iter().any(|w| w.eq_ignore_ascii_case("item"))
        {
            if let Some(n) = stamped_item(inner) {
                return (t[..open].trim_end().to_string(), Some(n));
            }
        }
    }
    (t.to_string(), None)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn printed_labels_and_stamps() {
        assert_eq!(printed_number("Page 9"), Some(9));
        assert_eq!(printed_number("Page 3 of 66"), Some(3));
        assert_eq!(printed_number("24"), Some(24));
        assert_eq!(printed_number("Appendix A"), None);
        assert_eq!(stamped_item("Agenda Item 6"), Some("6".into()));
        assert_eq!(stamped_item("Agenda Item"), None);
    }

    #[test]
    fn decision_form_title_keeps_its_item_apart() {
        // Bristol's decision recording form, 12 September 2024.
        let (t, n) = split_item_note("Workplace Parking Levy (agenda item 10)");
        assert_eq!(
            (t.as_str(), n.as_deref()),
            ("Workplace Parking Levy", Some("10"))
        );
        let (t, n) = split_item_note("Bristol Regional Cycling Hub, Lawrence Weston");
        assert_eq!(
            (t.as_str(), n),
            ("Bristol Regional Cycling Hub, Lawrence Weston", None)
        );
    }

    #[test]
    fn dates_in_words() {
        assert_eq!(date_words("2015-02-25"), "25 February 2015");
        assert_eq!(date_words("2015-03"), "2015-03");
    }
}

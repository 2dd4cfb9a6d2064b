//! Results as people read them: the ranked records of a search folded into
//! cards, one per thing.
//!
//! - The same text in several files (a text and its PDF rendering, a report
//!   alone and inside its pack: records sharing a content signature band,
//!   see `super::signature`) is one card, the others "also in". The same
//!   text filed as several kinds of one family (a decision form's document,
//!   meeting and decision records) is one card too, led by the most
//!   specific record, the whole document hanging from it.
//! - A whole-document record never sits beside a more specific record of
//!   the same document with the same title: the specific record leads the
//!   card, in the better of the two places, and the document hangs from it.
//! - A record of one thing decided or found (a resolution, a
//!   recommendation) among the top results takes the place of a less
//!   specific record of its document (its minute, its report, the whole
//!   document) ranked above it, which follows it: what answers comes first
//!   and its document is reached beside it. Unless the query names the
//!   general record by its title (then it is what is wanted), or the
//!   specific one scores far below it (then it merely mentions a word).
//!   A decision recorded in the minute itself (a resolution filed under
//!   the minute's number) takes its place however it scores: it is what
//!   the minute concluded, and the minute follows it.
//! - A record whose own title names what the query asks (every word of
//!   the query is in its title, or in the council or committee it is
//!   filed under: the "Planning Applications" minute of the Ayton
//!   Community Council's minutes for "Ayton community council planning
//!   applications") takes the place of its whole document ranked above
//!   it, as a record of one thing decided or found does.
//! - A table never ranks above the record that reads it (its document or
//!   report): the reader takes the table's place and the table follows.
//!   Unless the query asks for tables or names this one by its title. A
//!   table holding its document's text or title is "also in" the
//!   document's card, never leading it.
//! - A meeting record is its document's heading: it folds into its
//!   document's card ("also in"), the document leading in the better of
//!   the two places.
//! - Past [`PER_DOCUMENT`] cards from one document, further records of it
//!   are folded into its first card ("5 more in these minutes"); not
//!   records of a kind the query names ("judgement": each judgement of an
//!   inspection is a card).
//!
//! Pure: entries in rank order in, cards in rank order out. Folding looks
//! at the top results only, so it costs nothing per matching record.

/// Cards shown from one document before its further records are folded
/// into its first card.
pub const PER_DOCUMENT: usize = 3;

/// What folding needs to know of one ranked record.
#[derive(Debug, Clone, PartialEq)]
pub struct Entry {
    pub kind: String,
    /// The source file's path.
    pub path: String,
    /// Which document of the file: its pages (`[first, last]`), empty where
    /// the file is one document.
    pub document: String,
    /// The document's title (or the record's), folded; empty when none.
    pub title: String,
    /// The record's date (its document's, else its meeting's; ISO, empty
    /// when undated).
    pub date: String,
    /// Content signature band hashes (may be empty).
    pub bands: Vec<u64>,
    /// The record's score for the query.
    pub score: f32,
    /// Its own title holds every word of the query and little more: the
    /// query names it.
    pub titled: bool,
    /// Its own title holds every word of the query that its council and
    /// committee do not: the query names it where it is filed.
    pub named_in_place: bool,
    /// The query names its kind ("tables").
    pub kind_asked: bool,
    /// The minute it is (a minute's number) or records a decision of (a
    /// resolution's minute); empty for other kinds or where none is read.
    pub minute: String,
}

/// One card: the record it shows and those folded into it, as indices
/// into the entries given.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Card {
    pub lead: usize,
    /// The rank (an index into the entries given) whose place the card
    /// stands in: its score is that rank's.
    pub place: usize,
    /// The same text in other files (or again in this one).
    pub also_in: Vec<usize>,
    /// The whole-document record of the lead's document, same title.
    pub document: Option<usize>,
    /// Further records of the lead's document.
    pub more: Vec<usize>,
}

/// Whether two entries hold the same text, whatever their kinds and days:
/// the same words twice on a page read as a repeat, at whichever meeting
/// they were said (the card's "also in" reaches the other).
fn same_text(a: &Entry, b: &Entry) -> bool {
    crate::index::signature::same_text(&a.bands, &b.bands)
}

fn same_document(a: &Entry, b: &Entry) -> bool {
    a.path == b.path && a.document == b.document
}

/// Whether a whole-document record and a specific one are the same thing:
/// the same document, the same title.
fn document_of(doc: &Entry, specific: &Entry) -> bool {
    doc.kind == "document"
        && specific.kind != "document"
        && !doc.title.is_empty()
        && doc.title == specific.title
        && same_document(doc, specific)
}

/// How closely a kind answers: a whole document least, a record of a
/// whole report or meeting (or a table, a layout of what another record
/// reads) more, a record of one thing decided or found most. Of records
/// holding the same text, the most specific leads.
fn specificity(kind: &str) -> u8 {
    match kind {
        "document" => 0,
        "report" | "meeting" | "minute" | "agenda_item" | "table" => 1,
        _ => 2,
    }
}

/// A record that lays out what another one reads: a table's cells are in
/// the text of its document or report.
fn is_layout(kind: &str) -> bool {
    kind == "table"
}

/// Whether a record lays out what another reads and the query neither asks
/// for its kind nor names it by its title: it never leads over its reader.
fn stays_behind(e: &Entry) -> bool {
    is_layout(&e.kind) && !e.kind_asked && !e.titled
}

/// Whether `reader` is a record of the same document that reads the
/// layout `table`: its whole document or a report of it.
fn reads(reader: &Entry, table: &Entry) -> bool {
    matches!(reader.kind.as_str(), "document" | "report") && same_document(reader, table)
}

/// Whether `part` is the heading of the whole-document record `doc`: a
/// meeting record (the meeting's body, date and place, as the paper's
/// opening prints them) of the same document.
fn heading_of(part: &Entry, doc: &Entry) -> bool {
    part.kind == "meeting" && doc.kind == "document" && same_document(part, doc)
}

/// Whether `decision` is a decision recorded in the minute `minute` (a
/// resolution filed under that minute's number, in the same document):
/// what the minute concluded.
fn decided_in(decision: &Entry, minute: &Entry) -> bool {
    minute.kind == "minute"
        && decision.kind == "resolution"
        && !minute.minute.is_empty()
        && minute.minute == decision.minute
        && same_document(minute, decision)
}

/// How specific a record must be to take the place of a less specific
/// record of its document: one thing decided or found (see
/// [`specificity`]).
const TAKES_PLACE: u8 = 2;

/// Of a general record's score, the least a more specific record of its
/// document must score to take its place: one that merely mentions a word
/// of the query stays where it ranked.
const CLOSE_ENOUGH: f32 = 0.4;

/// The entries' indices in the order cards are made: rank order, except
/// that the first record of one thing decided or found (a resolution, a
/// recommendation), or one whose title the query names where it is filed,
/// among the entries takes the place of a less specific record of its
/// document (its minute, its report, the whole document) that the query
/// does not name by its title, when it scores close enough to it; the
/// general record follows it. A table's reader (its document or report)
/// ranked below it takes its place the same way.
fn specific_first(entries: &[Entry]) -> Vec<usize> {
    let mut order: Vec<usize> = (0..entries.len()).collect();
    let mut at = 0;
    while at < order.len() {
        let general = &entries[order[at]];
        // Unless the query asks for tables, or names this one by its title.
        if stays_behind(general) {
            let reader =
                (at + 1..order.len()).find(|&later| reads(&entries[order[later]], general));
            if let Some(later) = reader {
                let i = order.remove(later);
                order.insert(at, i);
                // The reader, now here, may itself give way to a record
                // of one thing decided below it.
                continue;
            }
        }
        let level = specificity(&general.kind);
        let specific = (at + 1..order.len()).find(|&later| {
            let e = &entries[order[later]];
            let kind = specificity(&e.kind);
            !general.titled
                && same_document(e, general)
                && (kind >= TAKES_PLACE || (e.named_in_place && !general.named_in_place))
                && kind > level
                && (e.score >= general.score * CLOSE_ENOUGH || decided_in(e, general))
        });
        match specific {
            Some(later) => {
                let i = order.remove(later);
                order.insert(at, i);
                // The general record, now next, keeps its new place.
                at += 2;
            }
            None => at += 1,
        }
    }
    order
}

/// File entry `i`, the same text as `card` shows, into the card: a more
/// specific record takes the lead; a whole-document record of the lead's
/// document hangs from it as its document; anything else is "also in".
fn fold_same_text(card: &mut Card, entries: &[Entry], i: usize) {
    let (lead, e) = (&entries[card.lead], &entries[i]);
    let more_specific = specificity(e.kind.as_str()) > specificity(lead.kind.as_str());
    let (shown, other) = if more_specific && !(stays_behind(e) && reads(lead, e)) {
        (i, std::mem::replace(&mut card.lead, i))
    } else {
        (card.lead, i)
    };
    let is_document = entries[other].kind == "document";
    if is_document && card.document.is_none() && same_document(&entries[other], &entries[shown]) {
        card.document = Some(other);
    } else {
        card.also_in.push(other);
    }
}

/// Fold `entries` (in rank order) into cards (in rank order).
pub fn fold(entries: &[Entry]) -> Vec<Card> {
    let mut cards: Vec<Card> = Vec::new();
    'entries: for (place, i) in specific_first(entries).into_iter().enumerate() {
        let e = &entries[i];
        // The same text as a card already shows.
        if !e.bands.is_empty() {
            for card in cards.iter_mut() {
                let mut shown = std::iter::once(card.lead)
                    .chain(card.also_in.iter().copied())
                    .chain(card.document);
                let dup = shown.any(|j| same_text(&entries[j], e));
                if dup {
                    fold_same_text(card, entries, i);
                    continue 'entries;
                }
            }
        }
        // Records of a kind the query names are each a card of their own
        // ("judgements": every judgement of the inspection), never "more".
        let asked = e.kind_asked;
        // A document and a more specific record of it, the same title.
        for card in cards.iter_mut() {
            let lead = &entries[card.lead];
            // A table leads over no document of its title: the document
            // leads, the table "also in".
            if card.document.is_none() && document_of(e, lead) {
                if stays_behind(lead) {
                    card.also_in.push(card.lead);
                    card.lead = i;
                } else {
                    card.document = Some(i);
                }
                continue 'entries;
            }
            if card.document.is_none() && document_of(lead, e) {
                if stays_behind(e) {
                    card.also_in.push(i);
                } else {
                    card.document = Some(card.lead);
                    card.lead = i;
                }
                continue 'entries;
            }
        }
        // A meeting record and its document: one card, the document
        // leading.
        for card in cards.iter_mut() {
            let lead = &entries[card.lead];
            if heading_of(e, lead) {
                card.also_in.push(i);
                continue 'entries;
            }
            if heading_of(lead, e) {
                card.also_in.push(card.lead);
                card.lead = i;
                continue 'entries;
            }
        }
        // Many records of one document.
        let mut of_document = cards
            .iter_mut()
            .filter(|c| same_document(&entries[c.lead], e));
        if let Some(first) = of_document.next().filter(|_| !asked) {
            if 1 + of_document.count() >= PER_DOCUMENT {
                first.more.push(i);
                continue 'entries;
            }
        }
        cards.push(Card {
            lead: i,
            place,
            ..Card::default()
        });
    }
    cards
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(kind: &str, path: &str, title: &str, bands: &[u64]) -> Entry {
        Entry {
            kind: kind.into(),
            path: path.into(),
            document: String::new(),
            title: title.into(),
            date: String::new(),
            bands: bands.to_vec(),
            score: 1.0,
            titled: false,
            named_in_place: false,
            kind_asked: false,
            minute: String::new(),
        }
    }

    // Kent's record of decision 24/00093: its document record, its decision
    // and its report all titled "Commissioned Family Hub Contracts".
    const ROD: &str = "kent_24-00093_record-of-decision.pdf";

    #[test]
    fn the_specific_record_leads_and_the_document_hangs_from_it() {
        let entries = vec![
            entry("document", ROD, "commissioned family hub contracts", &[1]),
            entry("decision", ROD, "commissioned family hub contracts", &[2]),
            entry("minute", "other.pdf", "family hubs", &[3]),
        ];
        let cards = fold(&entries);
        assert_eq!(cards.len(), 2);
        assert_eq!(cards[0].lead, 1);
        assert_eq!(cards[0].document, Some(0));
        assert_eq!(cards[1].lead, 2);
    }

    fn scored(kind: &str, path: &str, score: f32) -> Entry {
        Entry {
            score,
            ..entry(kind, path, "", &[])
        }
    }

    #[test]
    fn a_recommendation_takes_the_place_of_its_report() {
        // Seed 002: the report on recommendations ranks first, its
        // recommendation on care leavers below another file's document.
        let entries = vec![
            scored("report", "002.txt", 33.9),
            scored("document", "stockton.pdf", 33.0),
            scored("recommendation", "002.txt", 24.7),
        ];
        let leads: Vec<usize> = fold(&entries).iter().map(|c| c.lead).collect();
        assert_eq!(leads, vec![2, 0, 1]);
        assert_eq!(fold(&entries)[0].place, 0);
    }

    #[test]
    fn a_record_far_below_or_a_general_record_the_query_names_keeps_its_place() {
        let far = vec![
            scored("minute", "minutes.pdf", 158.6),
            scored("document", "other.pdf", 28.7),
            scored("resolution", "minutes.pdf", 16.3),
        ];
        let leads: Vec<usize> = fold(&far).iter().map(|c| c.lead).collect();
        assert_eq!(leads, vec![0, 1, 2]);
        let named = vec![
            Entry {
                titled: true,
                ..scored("report", "plan.pdf", 125.0)
            },
            scored("recommendation", "plan.pdf", 120.0),
        ];
        let leads: Vec<usize> = fold(&named).iter().map(|c| c.lead).collect();
        assert_eq!(leads, vec![0, 1]);
    }

    #[test]
    fn a_table_gives_way_to_the_document_that_reads_it() {
        // Kent's budget amendments pack: an amendment form's table ranks
        // above the pack, whose text holds the form's cells.
        const PACK: &str = "budget-amendments-pack.pdf";
        let entries = vec![
            scored("table", PACK, 35.9),
            scored("minute", "other.pdf", 20.0),
            scored("document", PACK, 18.9),
        ];
        let cards = fold(&entries);
        let leads: Vec<usize> = cards.iter().map(|c| c.lead).collect();
        assert_eq!(leads, vec![2, 0, 1]);
        assert_eq!(cards[0].place, 0);
        // Asked for tables, the table keeps its place.
        let asked: Vec<Entry> = entries
            .iter()
            .map(|e| Entry {
                kind_asked: e.kind == "table",
                ..e.clone()
            })
            .collect();
        let leads: Vec<usize> = fold(&asked).iter().map(|c| c.lead).collect();
        assert_eq!(leads, vec![0, 1, 2]);
    }

    #[test]
    fn a_meeting_record_folds_into_its_document() {
        // A parish agenda: the meeting record is the paper's opening.
        let entries = vec![
            scored("meeting", "agenda.txt", 98.6),
            scored("document", "agenda.txt", 60.2),
            scored("meeting", "other.pdf", 38.1),
        ];
        let cards = fold(&entries);
        assert_eq!(cards.len(), 2);
        assert_eq!(cards[0].lead, 1);
        assert_eq!(cards[0].place, 0);
        assert_eq!(cards[0].also_in, vec![0]);
        assert_eq!(cards[1].lead, 2);
    }

    #[test]
    fn a_record_the_query_names_where_it_is_filed_takes_its_documents_place() {
        // "Ayton community council planning applications": the minutes'
        // "Planning Applications" minute, filed under the Ayton Community
        // Council, below the whole minutes.
        let entries = vec![
            scored("document", "2019.pdf", 69.0),
            scored("document", "2012.pdf", 65.0),
            scored("minute", "2019.pdf", 35.0),
            Entry {
                named_in_place: true,
                ..scored("minute", "2019.pdf", 34.0)
            },
        ];
        let leads: Vec<usize> = fold(&entries).iter().map(|c| c.lead).collect();
        assert_eq!(leads, vec![3, 0, 1, 2]);
    }

    #[test]
    fn a_decision_of_the_minute_takes_its_place_however_it_scores() {
        // Seed 000, "internal audit plan 2015/16 schools": minute 6 on the
        // audit programme ranks first, its "Resolved: That the planned
        // programme of audit work for 2015/16 … be noted" far below it; a
        // resolution of another minute stays where it ranked.
        let numbered = |kind: &str, minute: &str, score: f32| Entry {
            minute: minute.into(),
            ..scored(kind, "000.pdf", score)
        };
        let entries = vec![
            numbered("minute", "6", 105.2),
            numbered("resolution", "7", 19.9),
            numbered("resolution", "6", 18.0),
        ];
        let leads: Vec<usize> = fold(&entries).iter().map(|c| c.lead).collect();
        assert_eq!(leads, vec![2, 0, 1]);
        // Without the minute's number, the score decides: it stays.
        let unnumbered = vec![
            numbered("minute", "", 105.2),
            numbered("resolution", "", 18.0),
        ];
        let leads: Vec<usize> = fold(&unnumbered).iter().map(|c| c.lead).collect();
        assert_eq!(leads, vec![0, 1]);
    }

    #[test]
    fn records_of_a_kind_the_query_names_are_never_more() {
        // "Norfolk Ofsted judgement inadequate": five judgements of one
        // inspection, each a card.
        let judgements: Vec<Entry> = (0..5)
            .map(|i| Entry {
                kind_asked: true,
                ..entry("judgement", "norfolk.pdf", "", &[i + 1])
            })
            .collect();
        let cards = fold(&judgements);
        assert_eq!(cards.len(), 5);
        assert!(cards.iter().all(|c| c.more.is_empty()));
    }

    #[test]
    fn a_table_with_its_documents_title_folds_under_the_document() {
        // Kent's budget risk register: the appendix is one table, the
        // document titled by the table's heading row.
        const REGISTER: &str = "appendix-i_budget-risk-register.pdf";
        let entries = vec![
            entry("table", REGISTER, "directorate risk title", &[1]),
            entry("report", "other.pdf", "risk register", &[2]),
            entry("document", REGISTER, "directorate risk title", &[3]),
        ];
        let cards = fold(&entries);
        assert_eq!(cards.len(), 2);
        assert_eq!(cards[0].lead, 2);
        assert_eq!(cards[0].also_in, vec![0]);
        assert_eq!(cards[0].document, None);
        // The same text as a table and its document: the document leads.
        let same = vec![
            entry("document", REGISTER, "", &[5]),
            entry("table", REGISTER, "", &[5]),
        ];
        let cards = fold(&same);
        assert_eq!(cards.len(), 1);
        assert_eq!(cards[0].lead, 0);
        assert_eq!(cards[0].also_in, vec![1]);
    }

    #[test]
    fn a_document_with_another_title_stays_a_card() {
        let entries = vec![
            entry("decision", ROD, "commissioned family hub contracts", &[2]),
            entry("document", ROD, "", &[1]),
        ];
        assert_eq!(fold(&entries).len(), 2);
    }

    #[test]
    fn the_same_text_in_two_files_is_one_card() {
        // Seed 000 as text and as its PDF rendering.
        let entries = vec![
            entry("resolution", "seeds/000.txt", "", &[7, 8, 9, 10]),
            entry("resolution", "corpus/000.pdf", "", &[70, 8, 90, 100]),
            entry("resolution", "seeds/000.txt", "", &[11, 12, 13, 14]),
        ];
        let cards = fold(&entries);
        assert_eq!(cards.len(), 2);
        assert_eq!(cards[0].also_in, vec![1]);
        assert_eq!(cards[1].lead, 2);
    }

    #[test]
    fn the_same_text_as_several_kinds_is_one_card_led_by_the_most_specific() {
        // A one-page decision form: its document, meeting and decision
        // records hold the same text (one band in common), the document's
        // title read from the form's heading.
        let entries = vec![
            entry("document", ROD, "record of decision", &[5, 1]),
            entry("meeting", ROD, "", &[5, 2]),
            entry(
                "decision",
                ROD,
                "commissioned family hub contracts",
                &[5, 3],
            ),
            entry("minute", "other.pdf", "family hubs", &[9]),
        ];
        let cards = fold(&entries);
        assert_eq!(cards.len(), 2);
        assert_eq!(cards[0].lead, 2);
        assert_eq!(cards[0].document, Some(0));
        assert_eq!(cards[0].also_in, vec![1]);
        assert_eq!(cards[1].lead, 3);
    }

    #[test]
    fn the_same_text_on_another_day_or_of_another_kind_is_one_card() {
        // Parish minutes record "There were no declarations of interest" at
        // every meeting; the report alone is undated, inside its pack
        // dated; a declaration is the whole of its minute.
        let dated = |kind: &str, path: &str, date: &str, band: u64| Entry {
            date: date.into(),
            ..entry(kind, path, "", &[band])
        };
        let entries = vec![
            dated("minute", "2025-10-07.pdf", "2025-10-07", 4),
            dated("minute", "2025-11-04.pdf", "2025-11-04", 4),
            dated("report", "pack.pdf", "2015-03", 6),
            dated("report", "alone.pdf", "", 6),
            dated("minute", "2018-03-13.pdf", "2018-03-13", 8),
            dated("declaration", "2018-03-13.pdf", "2018-03-13", 8),
        ];
        let cards = fold(&entries);
        let leads: Vec<usize> = cards.iter().map(|c| c.lead).collect();
        assert_eq!(leads, vec![0, 2, 5]);
        assert_eq!(cards[0].also_in, vec![1]);
        assert_eq!(cards[1].also_in, vec![3]);
        // The declaration leads, its minute reached from it.
        assert_eq!(cards[2].also_in, vec![4]);
    }

    #[test]
    fn many_records_of_one_document_fold_into_its_first_card() {
        let mut entries: Vec<Entry> = (0..6)
            .map(|i| entry("resolution", "minutes.pdf", "", &[i * 10 + 1]))
            .collect();
        entries.insert(2, entry("minute", "other.pdf", "", &[999]));
        let cards = fold(&entries);
        let leads: Vec<usize> = cards.iter().map(|c| c.lead).collect();
        assert_eq!(leads, vec![0, 1, 2, 3]);
        assert_eq!(cards[0].more, vec![4, 5, 6]);
    }
}

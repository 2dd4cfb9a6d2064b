//! What a query asks for, read from its words, and how much each record
//! kind's score is multiplied by for it:
//!
//! - a decision-like query ("budget amendments not agreed", "family hubs
//!   call-in", "who voted against …") wants what was decided: resolutions
//!   and decisions score [`DECISION_WEIGHT`] times;
//! - a query naming a person ("Cllr Dent", see `super::people`) wants where
//!   that person is recorded: attendance and declarations score
//!   [`PERSON_WEIGHT`] times;
//! - a word naming a record kind ("minutes", "recommendation", "agenda",
//!   "judgement") wants records of that kind: they score [`KIND_WEIGHT`]
//!   times;
//! - an inspection grade ("inadequate", "outstanding", "requires
//!   improvement") asks for the judgements graded so, as naming the kind
//!   does: judgements score [`KIND_WEIGHT`] times;
//! - a record that lays out what another one reads (a table) scores
//!   [`LAYOUT_WEIGHT`] times unless the query names its kind: the table's
//!   cells are in the text of its document or report, which reads them.
//!
//! Where several apply to one kind, the largest counts. Pure.

use super::people::names_person;
use crate::eval::fold::fold;

pub const DECISION_WEIGHT: f32 = 1.5;
pub const PERSON_WEIGHT: f32 = 2.0;
pub const KIND_WEIGHT: f32 = 1.5;
pub const LAYOUT_WEIGHT: f32 = 0.5;

/// Words (folded) that ask what was decided: to decide, resolve, approve,
/// agree, vote, carry, reject, refuse, call in, in their usual forms.
const DECISION_WORDS: &[&str] = &[
    "decide",
    "decided",
    "decides",
    "decision",
    "decisions",
    "resolve",
    "resolved",
    "resolution",
    "resolutions",
    "approve",
    "approved",
    "approval",
    "agree",
    "agreed",
    "vote",
    "voted",
    "votes",
    "voting",
    "carried",
    "rejected",
    "refused",
];

/// Two words (folded) that ask what was decided: a call-in is the
/// challenge of a decision.
const DECISION_PAIRS: &[[&str; 2]] = &[["call", "in"], ["called", "in"]];

/// Words (folded) that grade an inspection judgement; "good" is left out,
/// as common in every other sense.
const GRADE_WORDS: &[&str] = &["inadequate", "outstanding"];
/// Two words (folded) that grade an inspection judgement.
const GRADE_PAIRS: &[[&str; 2]] = &[["requires", "improvement"]];
/// The kind an inspection grade asks for.
const GRADED_KIND: &str = "judgement";

/// Kinds whose records say what was decided.
const DECIDED_KINDS: &[&str] = &["resolution", "decision"];
/// Kinds whose records lay out what another record of the same document
/// reads (a table's cells are in its document's or report's text): unless
/// the query names the kind, they score [`LAYOUT_WEIGHT`] times, so the
/// prose around them comes first.
const LAYOUT_KINDS: &[&str] = &["table"];
/// Kinds whose records name who was there or declared an interest.
const PERSON_KINDS: &[&str] = &["attendance", "declaration"];

/// What one query asks for.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Intent {
    /// It asks what was decided.
    pub decision: bool,
    /// It names a person.
    pub person: bool,
    /// Record kinds it names.
    pub kinds: Vec<&'static str>,
    /// It has a word: a query of none (every record, or a listing by
    /// filters) scores every record the same, and no kind is weighed.
    pub words: bool,
}

/// The kind a folded word names: the kind itself or its plural
/// ("minutes", "recommendations"), the first word of a two-word kind
/// ("agenda"), "judgment" as "judgement" is also spelled.
fn kind_named(word: &str) -> Option<&'static str> {
    let singular = word.strip_suffix('s').unwrap_or(word);
    let spelled = |w: &str| w.replace("judgment", "judgement");
    grammars::KINDS.iter().copied().find(|kind| {
        let first = kind.split('_').next().unwrap_or(kind);
        [word, singular]
            .iter()
            .any(|w| spelled(w) == *kind || (first != *kind && *w == first))
    })
}

impl Intent {
    /// Read a query's words (field names and operators are read as words:
    /// they name no kind, decision or person).
    pub fn of(query: &str) -> Intent {
        let folded = fold(query);
        let words: Vec<&str> = folded.split(' ').filter(|w| !w.is_empty()).collect();
        let decision = words.iter().any(|w| DECISION_WORDS.contains(w))
            || words
                .windows(2)
                .any(|pair| DECISION_PAIRS.iter().any(|p| p[..] == *pair));
        let mut kinds: Vec<&'static str> = words.iter().filter_map(|w| kind_named(w)).collect();
        let graded = words.iter().any(|w| GRADE_WORDS.contains(w))
            || words
                .windows(2)
                .any(|pair| GRADE_PAIRS.iter().any(|p| p[..] == *pair));
        if graded {
            kinds.push(GRADED_KIND);
        }
        kinds.sort_unstable();
        kinds.dedup();
        Intent {
            decision,
            person: names_person(query),
            kinds,
            words: !words.is_empty(),
        }
    }

    /// Each kind whose score the intent multiplies, and by what, in kind
    /// order; only the layout kinds when the query asks for nothing in
    /// particular, none for a query without a word.
    pub fn weights(&self) -> Vec<(&'static str, f32)> {
        let mut out: Vec<(&'static str, f32)> = Vec::new();
        let mut add = |kind: &'static str, w: f32| match out.iter_mut().find(|(k, _)| *k == kind) {
            Some((_, old)) => *old = old.max(w),
            None => out.push((kind, w)),
        };
        if self.decision {
            DECIDED_KINDS.iter().for_each(|k| add(k, DECISION_WEIGHT));
        }
        if self.person {
            PERSON_KINDS.iter().for_each(|k| add(k, PERSON_WEIGHT));
        }
        self.kinds.iter().for_each(|k| add(k, KIND_WEIGHT));
        // A query that names no layout kind wants the prose that reads it.
        if self.words {
            LAYOUT_KINDS.iter().for_each(|k| add(k, LAYOUT_WEIGHT));
        }
        out.sort_by(|a, b| a.0.cmp(b.0));
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decision_like_queries() {
        assert!(Intent::of("family hubs call-in").decision);
        assert!(Intent::of("budget amendments not agreed 13 February 2025").decision);
        assert!(Intent::of("who voted against the Bond St full business case").decision);
        assert!(!Intent::of("workplace parking levy").decision);
        // "in" alone after another word is no call-in.
        assert!(!Intent::of("staff call centre in Bristol").decision);
    }

    #[test]
    fn kind_words() {
        assert_eq!(
            Intent::of("care leavers recommendation").kinds,
            ["recommendation"]
        );
        assert_eq!(
            Intent::of("Schools Forum 21 May 2015 agenda").kinds,
            ["agenda_item"]
        );
        assert_eq!(
            Intent::of("Norfolk Ofsted judgment inadequate").kinds,
            ["judgement"]
        );
        assert_eq!(
            Intent::of("minutes of the annual meeting").kinds,
            ["meeting", "minute"]
        );
        assert!(Intent::of("high needs block funding").kinds.is_empty());
        // A grade asks for the judgements graded so.
        assert_eq!(Intent::of("care leavers inadequate").kinds, ["judgement"]);
        assert_eq!(
            Intent::of("Surrey LSCB requires improvement").kinds,
            ["judgement"]
        );
        assert!(Intent::of("improvement plan requires sign-off")
            .kinds
            .is_empty());
    }

    #[test]
    fn weights_take_the_largest() {
        let i = Intent::of("declarations of interest Councillor Dent");
        assert!(i.person);
        assert_eq!(
            i.weights(),
            vec![
                ("attendance", PERSON_WEIGHT),
                ("declaration", PERSON_WEIGHT),
                ("table", LAYOUT_WEIGHT)
            ]
        );
        let d = Intent::of("decisions taken by the cabinet member");
        assert_eq!(
            d.weights(),
            vec![
                ("decision", DECISION_WEIGHT),
                ("resolution", DECISION_WEIGHT),
                ("table", LAYOUT_WEIGHT)
            ]
        );
        assert_eq!(
            Intent::of("village hall defibrillator pads").weights(),
            vec![("table", LAYOUT_WEIGHT)]
        );
        assert!(Intent::of("").weights().is_empty());
        // A query naming tables wants them.
        assert_eq!(
            Intent::of("risk register table").weights(),
            vec![("table", KIND_WEIGHT)]
        );
    }
}

//! What a record says was decided, as the index files it: the decision
//! number it carries (a decision, or an agenda item or report naming the
//! decision it leads to), whether that decision is key, whether a motion
//! was carried, and an inspection judgement's grade.
//!
//! Read from the record's JSON by field name rather than from its typed
//! fields, so a kind that gains one of these fields (`decision_number` on a
//! report, `carried` on a resolution) is filed by it as soon as its records
//! carry it. Owns the folding of these values: the index's terms and what a
//! query or filter names are folded here alike.

use serde::Deserialize;
use serde_json::Value;

/// The values of a record the index files it by, folded.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Decided {
    /// [`fold_decision_number`] of `decision_number`.
    pub decision_number: Option<String>,
    /// `key_decision`, where stated.
    pub key: Option<bool>,
    /// `carried`, where stated.
    pub carried: Option<bool>,
    /// [`fold_grade`] of a judgement's `grade`.
    pub grade: Option<String>,
}

/// The fields read, as written; anything else in the record is skipped.
#[derive(Deserialize)]
struct Written {
    #[serde(default)]
    decision_number: Value,
    #[serde(default)]
    key_decision: Value,
    #[serde(default)]
    carried: Value,
    #[serde(default)]
    grade: Value,
}

impl Decided {
    /// Read a record's JSON (as `agendex extract` prints it). A field of
    /// another type than expected is left out, not an error.
    pub fn of_json(kind: &str, json: &str) -> Decided {
        // A document record holds a whole document and none of these.
        if kind == "document" {
            return Decided::default();
        }
        let Ok(w) = serde_json::from_str::<Written>(json) else {
            return Decided::default();
        };
        Decided {
            decision_number: w
                .decision_number
                .as_str()
                .map(fold_decision_number)
                .filter(|n| !n.is_empty()),
            key: w.key_decision.as_bool(),
            carried: w.carried.as_bool(),
            grade: match kind {
                "judgement" => w.grade.as_str().map(fold_grade).filter(|g| !g.is_empty()),
                _ => None,
            },
        }
    }
}

/// A decision number as the index files it: lower case, without spaces
/// ("24/00093"; "CAB 24 / 5" -> "cab24/5").
pub fn fold_decision_number(s: &str) -> String {
    s.chars()
        .filter(|c| !c.is_whitespace())
        .flat_map(char::to_lowercase)
        .collect()
}

/// A grade as the index files it: lower case words, anything but letters
/// and digits a space ("Requires Improvement" -> "requires improvement").
pub fn fold_grade(s: &str) -> String {
    let spaced: String = s
        .chars()
        .map(|c| if c.is_alphanumeric() { c } else { ' ' })
        .flat_map(char::to_lowercase)
        .collect();
    grammars::lex::fold(&spaced)
}

/// The terms a folded grade is found by: its first word, its first two, …,
/// all of it. `grade:"requires improvement"` then finds "Requires
/// improvement to be good", and `grade:good` finds "Good" but not it.
pub fn grade_terms(folded: &str) -> Vec<String> {
    let words: Vec<&str> = folded.split(' ').filter(|w| !w.is_empty()).collect();
    (1..=words.len()).map(|n| words[..n].join(" ")).collect()
}

/// "yes" or "no" as a filter writes it (also true/false, y/n), any case.
pub fn yes_no(s: &str) -> Option<bool> {
    match s.trim().to_lowercase().as_str() {
        "yes" | "y" | "true" => Some(true),
        "no" | "n" | "false" => Some(false),
        _ => None,
    }
}

/// The index's term (and facet value) for a yes/no value.
pub fn yes_no_term(b: bool) -> &'static str {
    if b {
        "yes"
    } else {
        "no"
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_kent_record_of_decision_is_filed_by_number_and_key() {
        // From a Kent record of decision: "DECISION NO: 24/00093",
        // "Key decision: YES".
        let json = r#"{"kind":"decision","text":"DECISION NO: 24/00093","decision_number":"24/00093",
            "title":"Commissioned Family Hub Contracts","key_decision":true,"items":[]}"#;
        let d = Decided::of_json("decision", json);
        assert_eq!(d.decision_number.as_deref(), Some("24/00093"));
        assert_eq!(d.key, Some(true));
        assert_eq!((d.carried, d.grade), (None, None));
    }

    #[test]
    fn a_resolution_with_a_vote_is_filed_by_carried() {
        let json = r#"{"kind":"resolution","items":["That the amendment be agreed."],
            "vote":{"for":7,"against":3,"abstain":1,"for_names":[],"against_names":[],"abstain_names":[]},
            "carried":false,"moved_by":"Cllr A","seconded_by":"Cllr B"}"#;
        assert_eq!(Decided::of_json("resolution", json).carried, Some(false));
        // Not stated, or not a yes/no: not filed.
        let none = r#"{"kind":"resolution","carried":null}"#;
        assert_eq!(Decided::of_json("resolution", none), Decided::default());
        let odd = r#"{"kind":"resolution","carried":"maybe"}"#;
        assert_eq!(Decided::of_json("resolution", odd).carried, None);
    }

    #[test]
    fn grades_fold_and_are_found_by_their_first_words() {
        // Stockton-on-Tees, 2016: "Requires improvement", "requires improvement".
        let json =
            r#"{"kind":"judgement","area":"Adoption performance","grade":"Requires  Improvement"}"#;
        let g = Decided::of_json("judgement", json).grade.expect("grade");
        assert_eq!(g, "requires improvement");
        assert_eq!(
            grade_terms("requires improvement to be good"),
            [
                "requires",
                "requires improvement",
                "requires improvement to",
                "requires improvement to be",
                "requires improvement to be good"
            ]
        );
        assert_eq!(fold_grade("Inadequate."), "inadequate");
        // A grade is a judgement's: a report's "grade" is not filed.
        assert_eq!(Decided::of_json("report", json).grade, None);
    }

    #[test]
    fn decision_numbers_fold_spaces_and_case() {
        assert_eq!(fold_decision_number(" CAB 24 / 5 "), "cab24/5");
        assert_eq!(yes_no("YES"), Some(true));
        assert_eq!(yes_no("false"), Some(false));
        assert_eq!(yes_no("perhaps"), None);
    }
}

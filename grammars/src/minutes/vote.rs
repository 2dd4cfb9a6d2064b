//! Votes as minutes print them: the counts ("6 members voting in favour,
//! none against with 3 abstentions", "(5 for, 1 against, 3 abstentions)",
//! "For: 5 Against: 2 Abstain: 1", "carried by 5 votes to 3"), the outcome
//! ("CARRIED", "LOST", "FELL", "not carried", "unanimously"), and the vote
//! statements a minute sets beside its resolutions ("On being put to the
//! vote the amendment was LOST (2 members voting in favour and 7
//! against)"). Which resolution a statement decides is for `minutes` to
//! say from the order of the minute; this module reads one text.

use crate::lex::{count_value, sentence_spans};
use regex::Regex;
use std::sync::LazyLock;

/// The counts a vote states; each null where the text does not say it.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Counts {
    pub for_: Option<u32>,
    pub against: Option<u32>,
    pub abstain: Option<u32>,
}

impl Counts {
    /// No count stated.
    pub fn is_empty(&self) -> bool {
        self.for_.is_none() && self.against.is_none() && self.abstain.is_none()
    }
}

/// A count: digits, a number word or a word for nought.
const N: &str = r"(\d{1,3}|zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|none|no|nil)";

fn pattern(p: &str) -> Regex {
    Regex::new(&p.replace("{N}", N)).expect("vote count pattern")
}

/// "For: 5 Against: 2 Abstain: 1", "(For 6, Against 2)": labels before
/// counts, read only as a set so "voting for 3 options" is no count.
static LABELLED: LazyLock<Regex> = LazyLock::new(|| {
    pattern(
        r"(?i)\b(?:for|in favou?r)\s*[:\-–]?\s*{N}\b[,;.]?\s*(?:and\s+)?against\s*[:\-–]?\s*{N}\b(?:[,;.]?\s*(?:and\s+)?(?:abstentions?|abstain(?:ed|ing)?|abstained)\s*[:\-–]?\s*{N}\b)?",
    )
});

/// "carried by 5 votes to 3".
static VOTES_TO: LazyLock<Regex> = LazyLock::new(|| pattern(r"(?i)\b{N}\s+votes?\s+to\s+{N}\b"));

/// "6 members voting in favour", "2 voting FOR", "5 for".
static FOR_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    pattern(
        r"(?i)\b{N}\s+(?:(?:members?|councillors?|governors?|votes?)\s+)?(?:(?:voting|voted|were)\s+)?(?:in\s+favou?r|for)\b",
    )
});

/// "none against", "1 AGAINST", "7 votes against".
static AGAINST_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    pattern(
        r"(?i)\b{N}\s+(?:(?:members?|councillors?|governors?|votes?)\s+)?(?:(?:voting|voted|were)\s+)?against\b",
    )
});

/// "3 abstentions", "4 ABSTAINING", "no ABSTAINING".
static ABSTAIN_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    pattern(
        r"(?i)\b{N}\s+(?:(?:members?|councillors?|governors?)\s+)?(?:abstentions?|abstaining|abstained)\b",
    )
});

fn capture(re: &Regex, text: &str, group: usize) -> Option<u32> {
    re.captures(text)
        .and_then(|c| c.get(group))
        .and_then(|m| count_value(m.as_str()))
}

/// The counts `text` states. "Unanimously" and "all in favour" state
/// none: the counts stay null where the minute gives no number.
pub fn counts(text: &str) -> Counts {
    if let Some(c) = LABELLED.captures(text) {
        let at = |g: usize| c.get(g).and_then(|m| count_value(m.as_str()));
        return Counts {
            for_: at(1),
            against: at(2),
            abstain: at(3),
        };
    }
    let mut out = Counts {
        for_: capture(&FOR_AFTER, text, 1),
        against: capture(&AGAINST_AFTER, text, 1),
        abstain: capture(&ABSTAIN_AFTER, text, 1),
    };
    if let Some(c) = VOTES_TO.captures(text) {
        let at = |g: usize| c.get(g).and_then(|m| count_value(m.as_str()));
        out.for_ = out.for_.or(at(1));
        out.against = out.against.or(at(2));
    }
    out
}

static OUTCOME: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)\b(not\s+carried|carried|lost|fell|defeated|passed|unanimous(?:ly)?|nem\.?\s?con|all\s+in\s+favou?r)\b",
    )
    .expect("outcome pattern")
});

/// Words after "carried" that make it no outcome: "carried out",
/// "carried forward".
fn other_sense(after: &str) -> bool {
    let next = after
        .trim_start()
        .split(|c: char| !c.is_alphabetic())
        .next()
        .unwrap_or("")
        .to_ascii_lowercase();
    matches!(next.as_str(), "out" | "forward" | "over" | "through")
}

/// The outcome word in `text` with its byte range and whether it says
/// carried (true) or lost (false).
fn outcome_at(text: &str) -> Option<(usize, usize, bool)> {
    for m in OUTCOME.find_iter(text) {
        let w = m.as_str().to_ascii_lowercase();
        if w == "carried" && other_sense(&text[m.end()..]) {
            continue;
        }
        let lost = w.starts_with("not") || matches!(w.as_str(), "lost" | "fell" | "defeated");
        return Some((m.start(), m.end(), !lost));
    }
    None
}

/// Whether `text` says the motion was carried (true) or lost (false).
pub fn outcome(text: &str) -> Option<bool> {
    outcome_at(text).map(|o| o.2)
}

/// A vote statement found in a paragraph's text.
#[derive(Debug, Clone, PartialEq)]
pub struct Statement {
    /// Byte range in the paragraph's text.
    pub start: usize,
    pub end: usize,
    /// The statement as printed.
    pub text: String,
    /// The outcome word as printed: "CARRIED", "LOST", "FELL".
    pub word: String,
    pub carried: bool,
    pub counts: Counts,
    /// The vote was on an amendment ("the amendment was LOST").
    pub amendment: bool,
}

/// Whether a sentence holding an outcome word records a vote: the word
/// set in capitals ("CARRIED"), a count, or the vote named ("put to the
/// vote", "voting").
fn records_vote(sentence: &str, word: &str) -> bool {
    let capitals = word.len() > 2 && !word.chars().any(|c| c.is_lowercase());
    let lower = sentence.to_ascii_lowercase();
    capitals
        || lower.contains("vote")
        || lower.contains("voting")
        || lower.contains("in favour")
        || !counts(sentence).is_empty()
}

/// The vote statements in `text`, in order: each sentence that records a
/// vote and its outcome, run on to the bracket it opens ("(5 members voting
/// in favour and 1 against. There were 3 abstentions)").
pub fn statements(text: &str) -> Vec<Statement> {
    let mut out: Vec<Statement> = Vec::new();
    for (s, e) in sentence_spans(text) {
        if out.last().is_some_and(|l| s < l.end) {
            continue;
        }
        let mut e = e;
        let sentence = &text[s..e];
        let Some((ws, we, carried)) = outcome_at(sentence) else {
            continue;
        };
        let word = &sentence[ws..we];
        if !records_vote(sentence, word) {
            continue;
        }
        if sentence.matches('(').count() > sentence.matches(')').count() {
            if let Some(close) = text[e..].find(')').filter(|c| *c < 200) {
                e += close + 1;
            }
        }
        let whole = &text[s..e];
        let lead = s + (whole.len() - whole.trim_start().len());
        out.push(Statement {
            start: lead,
            end: e,
            text: whole.trim().to_string(),
            word: word.to_string(),
            carried,
            counts: counts(whole),
            amendment: sentence[..ws].to_ascii_lowercase().contains("amendment"),
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn c(f: Option<u32>, a: Option<u32>, b: Option<u32>) -> Counts {
        Counts {
            for_: f,
            against: a,
            abstain: b,
        }
    }

    #[test]
    fn counts_as_printed() {
        // Bristol, Transport and Connectivity Policy Committee, 12 Sep 2024.
        assert_eq!(
            counts("CARRIED (6 members voting in favour, none against with 3 abstentions)"),
            c(Some(6), Some(0), Some(3))
        );
        assert_eq!(
            counts("CARRIED (5 members voting in favour and 1 against. There were 3 abstentions)"),
            c(Some(5), Some(1), Some(3))
        );
        assert_eq!(
            counts("LOST (4 members voting in favour, 5 against)."),
            c(Some(4), Some(5), None)
        );
        assert_eq!(
            counts("CARRIED (8 voting FOR, 1 against)."),
            c(Some(8), Some(1), None)
        );
        // Bristol, 15 May 2025.
        assert_eq!(
            counts("the amendment FELL with 2 voting FOR and 7 AGAINST."),
            c(Some(2), Some(7), None)
        );
        assert_eq!(
            counts("CARRIED with 4 members voting FOR, 1 AGAINST and 4 ABSTAINING."),
            c(Some(4), Some(1), Some(4))
        );
        assert_eq!(
            counts("CARRIED with 7 members voting FOR, 1 AGAINST and no ABSTAINING."),
            c(Some(7), Some(1), Some(0))
        );
        assert_eq!(
            counts("five in favour, two against"),
            c(Some(5), Some(2), None)
        );
        assert_eq!(
            counts("(5 for, 1 against, 3 abstentions)"),
            c(Some(5), Some(1), Some(3))
        );
        assert_eq!(
            counts("For: 5 Against: 2 Abstain: 1"),
            c(Some(5), Some(2), Some(1))
        );
        assert_eq!(counts("(For 6, Against 2)"), c(Some(6), Some(2), None));
        assert_eq!(
            counts("carried by 5 votes to 3, with 1 abstention"),
            c(Some(5), Some(3), Some(1))
        );
        assert!(counts("carried unanimously").is_empty());
        assert!(counts("all in favour").is_empty());
        assert!(counts("voting for 3 options in the report").is_empty());
    }

    #[test]
    fn outcomes() {
        assert_eq!(
            outcome("the recommendation was CARRIED unanimously"),
            Some(true)
        );
        assert_eq!(outcome("the amendment FELL with 2 voting FOR"), Some(false));
        assert_eq!(outcome("the motion was not carried"), Some(false));
        assert_eq!(outcome("all in favour"), Some(true));
        assert_eq!(outcome("the survey was carried out in May"), None);
    }

    #[test]
    fn statements_in_a_paragraph() {
        let t = "The amendment was seconded by Councillor Alexander. On being put to the vote the amendment was CARRIED (7 members voting in favour, 0 against with 2 abstentions)";
        let s = statements(t);
        assert_eq!(s.len(), 1);
        assert!(s[0].amendment && s[0].carried);
        assert_eq!(s[0].word, "CARRIED");
        assert_eq!(s[0].counts, c(Some(7), Some(0), Some(2)));
        assert!(s[0].text.starts_with("On being put"));

        let t = "On being put to the vote the amendment was CARRIED (5 members voting in favour and 1 against. There were 3 abstentions)";
        let s = statements(t);
        assert_eq!(s.len(), 1);
        assert_eq!(s[0].counts, c(Some(5), Some(1), Some(3)));
        assert!(s[0].text.ends_with("abstentions)"));

        let t = "On being put to the vote the recommendation was LOST (4 members voting in favour, 5 against).";
        let s = statements(t);
        assert!(!s[0].carried && !s[0].amendment);

        // Outcome words outside a vote are no statement.
        assert!(statements("Three trees would be lost within the scheme.").is_empty());
        assert!(statements("Modelling carried out after publication showed a shift.").is_empty());
    }
}

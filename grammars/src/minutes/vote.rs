//! Votes as minutes print them: the counts ("6 members voting in favour,
//! none against with 3 abstentions", "(5 for, 1 against, 3 abstentions)",
//! "For: 5 Against: 2 Abstain: 1", "carried by 5 votes to 3"), the outcome
//! ("CARRIED", "LOST", "FELL", "not carried", "unanimously"), and the vote
//! statements a minute sets beside its resolutions ("On being put to the
//! vote the amendment was LOST (2 members voting in favour and 7
//! against)"), and the names a recorded vote lists under its labels
//! ("For (3): Cllrs A, B and C", "Against: Mr D, Mrs E", "Abstain: None").
//! Which resolution a statement decides is for `minutes` to say from the
//! order of the minute; this module reads one text.

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

/// The names a recorded vote lists, as printed, under each label.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Names {
    pub for_: Vec<String>,
    pub against: Vec<String>,
    pub abstain: Vec<String>,
}

impl Names {
    /// No label with a list found.
    pub fn is_empty(&self) -> bool {
        self.for_.is_empty() && self.against.is_empty() && self.abstain.is_empty()
    }
}

/// A recorded vote's label opening a list of names: the side, then a
/// count in brackets or a colon (or both, either order) — "For (57)",
/// "Against:", "Abstentions (2):". Without the bracket or colon a side word
/// is prose ("voting for the motion").
static NAME_LABEL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)(?:^|[\s,;.(])(for|in\s+favou?r|against|abstain(?:ed|ing)?|abstentions?)\s*(?:(?:\((\d{1,3})\)\s*[:\-–]?)|(?:[:\-–]\s*(?:\((\d{1,3})\))?))\s*",
    )
    .expect("vote name label pattern")
});

/// A list's own count printed after it: "Cllrs A, B, C (3)".
static TRAILING_COUNT: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\((\d{1,3})\)\s*[.;,]?\s*$").expect("trailing count pattern"));

/// A plural title set once before the names it covers: "Cllrs A, B".
static PLURAL_TITLE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?i:cllrs\.?|councillors|members)\s+").expect("plural title pattern")
});

/// Which side a label word names: 0 for, 1 against, 2 abstain.
fn side(label: &str) -> usize {
    let l = label.to_ascii_lowercase();
    if l.starts_with("against") {
        1
    } else if l.starts_with("abst") {
        2
    } else {
        0
    }
}

/// The names of one list, split at commas, semicolons and "and"; "None"
/// and "Nil" list nobody. An entry that does not open with a capital is no
/// name, and ends the list.
fn split_names(list: &str) -> Vec<String> {
    let list = PLURAL_TITLE.replace(list.trim(), "");
    let mut out = Vec::new();
    for part in list.split([',', ';']) {
        for name in part.split(" and ") {
            let name = name.trim().trim_end_matches(['.', ':']).trim();
            if name.is_empty() {
                continue;
            }
            if matches!(
                name.to_ascii_lowercase().as_str(),
                "none" | "nil" | "nobody"
            ) {
                return Vec::new();
            }
            if !name.chars().next().is_some_and(char::is_uppercase)
                || name.split_whitespace().count() > 6
            {
                return out;
            }
            out.push(name.to_string());
        }
    }
    out
}

/// The names listed under a recorded vote's labels in `text`, and the
/// counts printed with them ("For (57)", "… (3)"). A list runs from its
/// label to the next label, an outcome word or its own bracketed count.
pub fn names(text: &str) -> (Names, Counts) {
    let labels: Vec<_> = NAME_LABEL.captures_iter(text).collect();
    let mut names = Names::default();
    let mut counts = Counts::default();
    for (k, c) in labels.iter().enumerate() {
        let (Some(word), Some(whole)) = (c.get(1), c.get(0)) else {
            continue;
        };
        let stop = labels
            .get(k + 1)
            .and_then(|n| n.get(1))
            .map_or(text.len(), |n| n.start());
        let mut list = &text[whole.end()..stop.max(whole.end())];
        // The next label's opening "(" or separator belongs to it.
        list = list.trim_end_matches(['(', ' ', ',', ';']);
        if let Some(o) = OUTCOME.find(list) {
            list = &list[..o.start()];
        }
        let mut count = c
            .get(2)
            .or_else(|| c.get(3))
            .and_then(|m| count_value(m.as_str()));
        if let Some(t) = TRAILING_COUNT.captures(list) {
            count = count.or_else(|| t.get(1).and_then(|m| count_value(m.as_str())));
            list = &list[..t.get(0).map_or(list.len(), |m| m.start())];
        }
        let listed = split_names(list);
        let nobody = matches!(
            list.trim()
                .trim_end_matches('.')
                .to_ascii_lowercase()
                .as_str(),
            "none" | "nil" | "nobody"
        );
        if listed.is_empty() && count.is_none() && !nobody {
            continue;
        }
        let n = count.or_else(|| u32::try_from(listed.len()).ok());
        let (slot, num) = match side(word.as_str()) {
            1 => (&mut names.against, &mut counts.against),
            2 => (&mut names.abstain, &mut counts.abstain),
            _ => (&mut names.for_, &mut counts.for_),
        };
        if slot.is_empty() && num.is_none() {
            *slot = listed;
            *num = n;
        }
    }
    if names.is_empty() {
        return (names, Counts::default());
    }
    (names, counts)
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
    /// The names the statement lists under its labels.
    pub names: Names,
}

/// The counts and names `text` states: counts as printed, and where a
/// side states no count, the count its label or list gives.
pub fn tally(text: &str) -> (Counts, Names) {
    let mut c = counts(text);
    let (listed, n) = names(text);
    c.for_ = c.for_.or(n.for_);
    c.against = c.against.or(n.against);
    c.abstain = c.abstain.or(n.abstain);
    (c, listed)
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
    // A sentence is bounded by a stop (or the text's ends), where a word
    // boundary stands in the text as in the sentence: a text without an
    // outcome word has no sentence with one, and is not split.
    if !OUTCOME.is_match(text) {
        return out;
    }
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
        let (mut counts, mut names) = tally(whole);
        if names.is_empty() {
            // Lists set before the outcome line ("For (12) Mr A, … Against
            // (40) … Amendment lost"), since the last statement.
            let from = out.last().map_or(0, |l| l.end);
            let (before, n) = self::names(&text[from..s]);
            if !before.is_empty() {
                names = before;
                counts.for_ = counts.for_.or(n.for_);
                counts.against = counts.against.or(n.against);
                counts.abstain = counts.abstain.or(n.abstain);
            }
        }
        let lead = s + (whole.len() - whole.trim_start().len());
        out.push(Statement {
            start: lead,
            end: e,
            text: whole.trim().to_string(),
            word: word.to_string(),
            carried,
            counts,
            names,
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

    fn v(names: &[&str]) -> Vec<String> {
        names.iter().map(|n| n.to_string()).collect()
    }

    #[test]
    fn names_listed_under_labels() {
        // A recorded vote with the count after each label, names in columns
        // run into one text.
        let (n, c) = names(
            "For (3) Mr A Booth, Mrs P Brivio, Mr D Crow-Brown Against (2) Mr M Dendor, Ms S Hamilton Abstain (0)",
        );
        assert_eq!(
            n.for_,
            v(&["Mr A Booth", "Mrs P Brivio", "Mr D Crow-Brown"])
        );
        assert_eq!(n.against, v(&["Mr M Dendor", "Ms S Hamilton"]));
        assert!(n.abstain.is_empty());
        assert_eq!(
            c,
            Counts {
                for_: Some(3),
                against: Some(2),
                abstain: Some(0)
            }
        );

        // Colon labels, a plural title, "and", a count after the list, None.
        let (n, c) =
            names("For: Cllrs Ahmed, Bell and Carter (3). Against: Cllr Dunn (1). Abstain: None.");
        assert_eq!(n.for_, v(&["Ahmed", "Bell", "Carter"]));
        assert_eq!(n.against, v(&["Cllr Dunn"]));
        assert_eq!(
            c,
            Counts {
                for_: Some(3),
                against: Some(1),
                abstain: Some(0)
            }
        );

        // Without a printed count the list gives it.
        let (n, c) =
            names("In favour: Councillor Evans, Councillor Ford; Against: Councillor Grey");
        assert_eq!(n.for_.len(), 2);
        assert_eq!(c.for_, Some(2));
        assert_eq!(c.against, Some(1));

        // Counts under labels are no names; prose is no label.
        assert!(names("For: 5 Against: 2 Abstain: 1").0.is_empty());
        assert!(
            names("Members voted for the motion against the advice of officers")
                .0
                .is_empty()
        );
    }

    #[test]
    fn a_statement_takes_the_lists_before_its_outcome() {
        let t = "The amendment was put to the vote and the voting was as follows: For (2) Mr A Booth, Mrs P Brivio Against (1) Mr M Dendor Abstain (0) Amendment lost";
        let s = statements(t);
        assert_eq!(s.len(), 1);
        assert!(!s[0].carried && s[0].amendment);
        assert_eq!(s[0].names.for_, v(&["Mr A Booth", "Mrs P Brivio"]));
        assert_eq!(s[0].names.against, v(&["Mr M Dendor"]));
        assert_eq!(s[0].counts, c(Some(2), Some(1), Some(0)));

        // Lists in sentences of their own before the outcome.
        let t = "A recorded vote was taken. For: Cllr Hill, Cllr Iqbal (2). Against: Cllr Jones (1). The motion was CARRIED.";
        let s = statements(t);
        assert_eq!(s.len(), 1);
        assert!(s[0].carried);
        assert_eq!(s[0].names.for_, v(&["Cllr Hill", "Cllr Iqbal"]));
        assert_eq!(s[0].counts, c(Some(2), Some(1), None));
    }
}

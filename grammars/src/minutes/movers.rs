//! Who moved and who seconded a motion, as minutes print it: "moved by
//! Councillor Plowden and seconded by Councillor Edwards", "Proposed by RB,
//! seconded by JS", "Proposed: Cllr A  Seconded: Cllr B", "Councillor
//! Wilcox moved an amendment", "The amendment was seconded by Councillor
//! Bryher". Names are kept as printed, title included ("Councillor
//! Plowden", "Cllr. Alison Muir", "RB"), without trailing punctuation.
//! Which resolution they belong to is for `minutes` to say from the order
//! of the minute; this module reads one text.

use crate::lex::sentence_spans;
use regex::Regex;
use std::sync::LazyLock;

/// A name as printed: an optional title, then up to four capitalised
/// words or a run of initials ("RB").
const NAME: &str = r"((?:(?:Councillor|Cllr\.?|County Councillor|Mr\.?|Mrs\.?|Ms\.?|Miss|Dr\.?)\s+)?[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,3})";

fn pattern(p: &str) -> Regex {
    Regex::new(&p.replace("{NAME}", NAME)).expect("mover pattern")
}

static MOVED_BY: LazyLock<Regex> =
    LazyLock::new(|| pattern(r"(?i:\b(?:moved|proposed)\s+by)\s+{NAME}"));

static MOVED_LABEL: LazyLock<Regex> = LazyLock::new(|| {
    pattern(r"\b(?:Proposed|Proposer|PROPOSED|Moved|Mover|MOVED)\s*[:\-–]\s*{NAME}")
});

/// "Councillor Wilcox moved an amendment": a titled name before the verb.
static NAME_MOVED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\b((?:Councillor|Cllr\.?)\s+[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,2})\s+(?:moved|proposed)\s+(?:an?|the)\s+(?:amendment|motion|recommendation)")
        .expect("name moved pattern")
});

static SECONDED_BY: LazyLock<Regex> = LazyLock::new(|| pattern(r"(?i:\bseconded\s+by)\s+{NAME}"));

static SECONDED_LABEL: LazyLock<Regex> =
    LazyLock::new(|| pattern(r"\b(?:Seconded|Seconder|SECONDED)\s*[:\-–]\s*{NAME}"));

/// The mover and seconder a sentence names.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Movers {
    /// Byte range of the sentence in the text.
    pub start: usize,
    pub end: usize,
    pub moved_by: Option<String>,
    pub seconded_by: Option<String>,
    /// The sentence is about an amendment ("moved an amendment", "The
    /// amendment was seconded").
    pub amendment: bool,
}

/// Words that end a name: the next label of a form ("Seconded:") or
/// clause.
const STOPS: [&str; 6] = [
    "seconded", "seconder", "proposed", "proposer", "moved", "and",
];

fn name(re: &Regex, text: &str) -> Option<String> {
    let m = re.captures(text)?.get(1)?;
    // A gap of two spaces or more is the next cell of a form.
    let cell = m.as_str().split("  ").next().unwrap_or("");
    let mut words = Vec::new();
    for w in cell.split_whitespace() {
        let bare = w
            .trim_end_matches(['.', ',', ';', ':'])
            .to_ascii_lowercase();
        if !words.is_empty() && (STOPS.contains(&bare.as_str()) || w.ends_with(':')) {
            break;
        }
        words.push(w);
    }
    let n = words
        .join(" ")
        .trim_end_matches(['.', ',', ';', ':'])
        .to_string();
    (!n.is_empty()).then_some(n)
}

/// The mover and seconder named in `text` (one sentence or a resolution's
/// text), if any.
pub fn read(text: &str) -> Option<(Option<String>, Option<String>)> {
    let moved = name(&MOVED_LABEL, text)
        .or_else(|| name(&MOVED_BY, text))
        .or_else(|| name(&NAME_MOVED, text));
    let seconded = name(&SECONDED_LABEL, text).or_else(|| name(&SECONDED_BY, text));
    (moved.is_some() || seconded.is_some()).then_some((moved, seconded))
}

/// Each sentence of `text` that names a mover or a seconder, in order.
pub fn movers(text: &str) -> Vec<Movers> {
    let mut out = Vec::new();
    for (s, e) in sentence_spans(text) {
        let sentence = &text[s..e];
        let lower = sentence.to_ascii_lowercase();
        if !(lower.contains("moved")
            || lower.contains("propose")
            || lower.contains("second")
            || lower.contains("mover"))
        {
            continue;
        }
        if let Some((moved_by, seconded_by)) = read(sentence) {
            out.push(Movers {
                start: s,
                end: e,
                moved_by,
                seconded_by,
                amendment: lower.contains("amendment"),
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pair(text: &str) -> (Option<String>, Option<String>) {
        read(text).unwrap_or_default()
    }

    fn some(a: &str, b: &str) -> (Option<String>, Option<String>) {
        (Some(a.to_string()), Some(b.to_string()))
    }

    #[test]
    fn movers_as_printed() {
        // Bristol, Transport and Connectivity Policy Committee, 12 Sep 2024.
        assert_eq!(
            pair("The recommendation was moved by Councillor Plowden and seconded by Councillor Edwards. On being put to the vote"),
            some("Councillor Plowden", "Councillor Edwards")
        );
        assert_eq!(
            pair("Councillor Wilcox moved an amendment to the report as follows:"),
            (Some("Councillor Wilcox".into()), None)
        );
        assert_eq!(
            pair("The amendment was seconded by Councillor Bryher"),
            (None, Some("Councillor Bryher".into()))
        );
        // Ayton Community Council, 6 March 2012 and 4 June 2019.
        assert_eq!(
            pair("The minutes of the previous meeting on 7th February were approved. Proposed by RB, seconded by JS."),
            some("RB", "JS")
        );
        assert_eq!(pair("Proposed by GD and seconded by PP."), some("GD", "PP"));
        // Northwold Parish Council AGM, 6 May 2014.
        assert_eq!(
            pair("Cllr. Rosemary Crisp was proposed by Cllr. Alison Muir and seconded by Cllr. Michael Peake."),
            some("Cllr. Alison Muir", "Cllr. Michael Peake")
        );
        // Labels, as a parish form sets them; Kent's amendment form.
        assert_eq!(
            pair("Proposed: Cllr Abbott  Seconded: Cllr Brown"),
            some("Cllr Abbott", "Cllr Brown")
        );
        assert_eq!(
            pair("Proposer:    Mr Alister Brady                                Seconder:    Mrs Jackie Meade"),
            some("Mr Alister Brady", "Mrs Jackie Meade")
        );
        assert_eq!(pair("Proposed Purpose: To amend the budget"), (None, None));
        assert_eq!(pair("a second home, was not"), (None, None));
    }

    #[test]
    fn movers_by_sentence() {
        let t = "Recommendation 2C was moved by Councillor Plowden and seconded by Councillor Edwards. Councillor Wilcox moved an amendment to the report as follows: c. Approve …";
        let m = movers(t);
        assert_eq!(m.len(), 2);
        assert!(!m[0].amendment && m[1].amendment);
        assert_eq!(m[1].moved_by.as_deref(), Some("Councillor Wilcox"));
    }
}

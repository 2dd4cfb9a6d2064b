//! Who wrote a report: the person a writer's label names, without the post
//! printed after the name ("Steve Worth – Finance Manager (Schools and
//! Learning)" -> "Steve Worth"), and the "Report Author:" of the contact
//! block that closes a report's body, where the front sheet names only a
//! post ("RESPONSIBLE OFFICER: DIRECTOR OF FINANCE …").
//!
//! A memo's sender ("From:", "By:", "Report of:", "Produced by:") is kept as printed, name
//! and post together: it says who the report comes from, not who wrote it.

use crate::lex::is_name_title;

/// Words of a post, never of a person's name: a phrase holding one names a
/// post ("Corporate Director", "Head of Paid Service").
const POST_WORDS: &[&str] = &[
    "adviser",
    "advisor",
    "analyst",
    "assistant",
    "cabinet",
    "chief",
    "clerk",
    "corporate",
    "council",
    "deputy",
    "director",
    "executive",
    "head",
    "interim",
    "lead",
    "leader",
    "manager",
    "member",
    "officer",
    "portfolio",
    "secretary",
    "service",
    "services",
    "team",
    "treasurer",
];

/// Ranks of the labels that name the report's writer (see
/// `segment::front_sheet::LABELS`): "Author", "Lead Officer", "Responsible
/// Officer", "Report authorised by"; not a memo's sender (rank 3).
pub fn is_writer_rank(rank: u8) -> bool {
    rank != 3
}

/// Whether `s` is a person's name as front sheets print one: two to five
/// words, each opening with a capital (an initial counts), a title before
/// it allowed ("Councillor", "Mrs"), no small word ("of", "and") and no word
/// of a post.
pub fn is_person_name(s: &str) -> bool {
    let words: Vec<&str> = s.split_whitespace().collect();
    let skip = words
        .iter()
        .take_while(|w| {
            let w = w.trim_end_matches('.');
            is_name_title(w) || w == "Councillor"
        })
        .count();
    let name = &words[skip..];
    if !(2..=5).contains(&name.len()) {
        return false;
    }
    name.iter().all(|w| {
        let lower = w.to_lowercase();
        let opens_capital = w.chars().next().is_some_and(char::is_uppercase);
        let lettered = w
            .chars()
            .all(|c| c.is_alphabetic() || matches!(c, '-' | '\'' | '\u{2019}' | '.'));
        opens_capital && lettered && !POST_WORDS.contains(&lower.trim_end_matches('.'))
    })
}

/// The words that head a post, a holder of it and not a body ("Town
/// Council" is no post; "Town Clerk" is).
const POST_HEADS: &[&str] = &[
    "adviser",
    "advisor",
    "analyst",
    "chief",
    "clerk",
    "director",
    "executive",
    "head",
    "leader",
    "manager",
    "member",
    "officer",
    "secretary",
    "treasurer",
];

/// Whether `s` names a post: a short line holding a word that heads one
/// ("Executive Member for Education & Skills", "Acting Town Clerk").
pub fn is_post(s: &str) -> bool {
    let words: Vec<&str> = s.split_whitespace().collect();
    words.len() <= 8
        && s.starts_with(char::is_uppercase)
        && words
            .iter()
            .any(|w| POST_HEADS.contains(&w.to_lowercase().trim_end_matches([',', '.'])))
}

/// The person a writer's label names: the name before a dash or comma
/// that opens the post ("Catherine Doran, Corporate Director of Children
/// and Families" -> "Catherine Doran"). `None` where the value does not
/// open with a person's name.
pub fn person(value: &str) -> Option<&str> {
    let v = value.trim();
    let head = [" – ", " - ", " — ", ", "]
        .iter()
        .filter_map(|sep| v.find(sep))
        .min()
        .map_or(v, |k| &v[..k]);
    is_person_name(head).then(|| head.trim())
}

/// The name after a "Report Author:" label in a report's closing contact
/// block ("Report Author: | Pete Davis", "Report Author: Contact Details: |
/// James Cunnane-Neilan James.Cunnane-Neilan@…"): the words before the
/// first that is an address or a number, when they make a person's name.
pub fn closing_author(line: &str) -> Option<String> {
    let rest = strip_prefix_ci(line.trim(), "report author")?;
    let rest = rest.trim_start();
    let rest = rest.strip_prefix(':')?;
    // The value is in the label's cell, or in the next cell where the
    // label's cell holds nothing more or a second label ("Contact
    // Details:").
    let value = match rest.split_once('|') {
        Some((head, tail)) if head.trim().is_empty() || head.trim_end().ends_with(':') => tail,
        Some((head, _)) => head,
        None => rest,
    };
    let words: Vec<&str> = value
        .split_whitespace()
        .take_while(|w| !w.contains('@') && !w.chars().any(|c| c.is_ascii_digit()))
        .collect();
    let name = words.join(" ");
    is_person_name(&name).then_some(name)
}

fn strip_prefix_ci<'a>(s: &'a str, p: &str) -> Option<&'a str> {
    let head = s.get(..p.len())?;
    head.eq_ignore_ascii_case(p).then(|| &s[p.len()..])
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Haringey's front sheets (seed 000), Harrow's (seed 004).
    #[test]
    fn name_before_post() {
        assert_eq!(
            person("Steve Worth – Finance Manager (Schools and Learning)"),
            Some("Steve Worth")
        );
        assert_eq!(
            person("Catherine Doran, Corporate Director of Children and Families"),
            Some("Catherine Doran")
        );
        assert_eq!(person("Vikki Monk-Meyer"), Some("Vikki Monk-Meyer"));
        assert_eq!(person("K CARR"), Some("K CARR"));
        assert_eq!(person("Corporate Director – Finance & Governance"), None);
        assert_eq!(
            person("DIRECTOR OF FINANCE, INVESTMENTS AND COMMERCIAL (S73 OFFICER)"),
            None
        );
        assert_eq!(person("Head of Paid Service"), None);
        assert!(is_person_name("Councillor Janice Brunton Dobson"));
    }

    /// Signatures: seed 003 p4, Sutton Coldfield's item 166 report p4.
    #[test]
    fn posts_under_a_signature() {
        assert!(is_post("Executive Member for Education & Skills"));
        assert!(is_post("Acting Town Clerk"));
        assert!(!is_post("Sutton Park"));
        assert!(!is_post("Town Council"));
        assert!(is_person_name("Olive O’Sullivan"));
    }

    /// WECA's reports close with the contact block.
    #[test]
    fn closing_contact_block() {
        assert_eq!(
            closing_author("Report Author: | Pete Davis").as_deref(),
            Some("Pete Davis")
        );
        assert_eq!(
            closing_author(
                "Report Author: Contact Details: | James Cunnane-Neilan James.Cunnane-Neilan@westofengland-ca.gov.uk"
            )
            .as_deref(),
            Some("James Cunnane-Neilan")
        );
        assert_eq!(closing_author("Report Author: | Head of Finance"), None);
        assert_eq!(closing_author("Report authorised by: Jon Abbey"), None);
    }
}

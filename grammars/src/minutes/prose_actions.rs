//! Actions written into the minutes' own sentences, where the minutes have
//! no action column: a clause whose subject is a person — a role ("the
//! Clerk", "Chairman", "The Councillors"), a titled name ("Councillor
//! Dixon", "Mr Eyles") or initials ("GD", "IK/CC") — followed by what they
//! are to do ("to write to …", "will carry out …", "offered to contact …",
//! "undertook to remind …"). A clause opens a sentence or follows a comma,
//! semicolon, colon, dash or a joining word ("and", "then", "but", "so"):
//! "…costing £35, the Clerk to register."
//!
//! "will be", "to be" and "will not" are no one's action ("Potholes … will
//! be filled"); a body ("The Council will seek tenders") is no person.
//!
//! Owns no records: `minutes` decides where these are read (only where no
//! action column or action line was found) and makes the records.

use crate::lex::{is_meeting_role, sentence_spans};

/// One action found in a text: the byte range of its words (from its
/// subject to the end of its sentence, or to the next action's subject in
/// the same sentence) and its owners as written, without an article.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProseAction {
    pub start: usize,
    pub end: usize,
    pub owners: String,
}

/// A word of a sentence with its byte range in the text.
struct Word<'a> {
    text: &'a str,
    start: usize,
    end: usize,
}

fn words(text: &str, from: usize, to: usize) -> Vec<Word<'_>> {
    let mut out = Vec::new();
    let slice = &text[from..to];
    let mut at = None;
    for (i, c) in slice.char_indices() {
        match (c.is_whitespace(), at) {
            (true, Some(s)) => {
                out.push(Word {
                    text: &slice[s..i],
                    start: from + s,
                    end: from + i,
                });
                at = None;
            }
            (false, None) => at = Some(i),
            _ => {}
        }
    }
    if let Some(s) = at {
        out.push(Word {
            text: &slice[s..],
            start: from + s,
            end: to,
        });
    }
    out
}

/// Titles written before a person's name.
const TITLES: [&str; 8] = [
    "Councillor",
    "Cllr",
    "Cllr.",
    "Mr",
    "Mrs",
    "Ms",
    "Miss",
    "Dr",
];

/// Words that join one clause to the next.
const JOINERS: [&str; 7] = ["and", "then", "but", "so", "–", "-", "—"];

/// Words that may stand between "will" and its verb ("will again fill").
const ADVERBS: [&str; 5] = ["again", "also", "now", "then", "kindly"];

/// Verbs that take "to" and make their subject the doer ("offered to
/// contact", "undertook to remind").
const UNDERTAKING: [&str; 5] = ["offered", "undertook", "agreed", "volunteered", "promised"];

/// Words after "to" or "will" that are no deed of the subject's.
const NOT_DEEDS: [&str; 7] = ["be", "not", "have", "the", "a", "an", "been"];

fn is_capitalised_name(w: &str) -> bool {
    let mut cs = w.chars();
    cs.next().is_some_and(|c| c.is_uppercase())
        && w.chars()
            .all(|c| c.is_alphabetic() || c == '-' || c == '\'' || c == '’')
}

/// Initials standing for people: "GD", "IK/CC"; four capitals are an
/// organisation's ("YMCA will also support families").
fn is_initials(w: &str) -> bool {
    !w.is_empty()
        && w.split('/')
            .all(|p| (2..=3).contains(&p.len()) && p.chars().all(|c| c.is_ascii_uppercase()))
}

/// The owner opening at word `k`: (owners as written, index of the word
/// after it).
fn owner(ws: &[Word<'_>], k: usize) -> Option<(String, usize)> {
    let first = ws.get(k)?.text;
    let mut k = k;
    let determined = matches!(first, "The" | "the" | "All" | "all");
    if determined {
        k += 1;
    }
    let w = ws.get(k)?.text;
    if TITLES.contains(&w) {
        let names: Vec<&str> = ws[k + 1..]
            .iter()
            .take(2)
            .map(|w| w.text)
            .take_while(|t| is_capitalised_name(t))
            .collect();
        if !names.is_empty() && !determined {
            let end = k + 1 + names.len();
            return Some((
                ws[k..end]
                    .iter()
                    .map(|w| w.text)
                    .collect::<Vec<_>>()
                    .join(" "),
                end,
            ));
        }
    }
    if is_meeting_role(w) {
        return Some((w.to_string(), k + 1));
    }
    if !determined && is_initials(w) {
        return Some((w.to_string(), k + 1));
    }
    None
}

fn is_deed(w: Option<&Word<'_>>) -> bool {
    w.is_some_and(|w| {
        let t = w.text.trim_end_matches(|c: char| c.is_ascii_punctuation());
        !t.is_empty() && t.chars().all(|c| c.is_ascii_lowercase()) && !NOT_DEEDS.contains(&t)
    })
}

/// Whether the words from `k` say what the owner is to do.
fn deed(ws: &[Word<'_>], k: usize) -> bool {
    let Some(w) = ws.get(k) else {
        return false;
    };
    match w.text {
        "to" => is_deed(ws.get(k + 1)),
        "will" => {
            let next = ws.get(k + 1).map(|w| w.text);
            if next.is_some_and(|t| ADVERBS.contains(&t)) {
                is_deed(ws.get(k + 2))
            } else {
                is_deed(ws.get(k + 1))
            }
        }
        t if UNDERTAKING.contains(&t) => {
            ws.get(k + 1).is_some_and(|w| w.text == "to") && is_deed(ws.get(k + 2))
        }
        _ => false,
    }
}

/// Whether a clause may open at word `k`: the sentence's first word, or a
/// word after a comma, semicolon, colon, dash, "and", "then", "but" or
/// "so" ("… and then Mr Eyles will carry out repair").
fn clause_opens(ws: &[Word<'_>], k: usize) -> bool {
    k == 0
        || ws
            .get(k - 1)
            .is_some_and(|p| p.text.ends_with([',', ';', ':']) || JOINERS.contains(&p.text))
}

/// The actions written in `text`'s sentences, in order.
pub fn read(text: &str) -> Vec<ProseAction> {
    let mut out = Vec::new();
    for (s, e) in sentence_spans(text) {
        let ws = words(text, s, e);
        let mut found: Vec<ProseAction> = Vec::new();
        for k in 0..ws.len() {
            if !clause_opens(&ws, k) {
                continue;
            }
            let Some((owners, next)) = owner(&ws, k) else {
                continue;
            };
            if !deed(&ws, next) {
                continue;
            }
            // The action before ends at its last word, without the joining
            // words and stops that lead into this one.
            if let Some(last) = found.last_mut() {
                let mut j = k;
                while j > 0 && JOINERS.contains(&ws[j - 1].text) {
                    j -= 1;
                }
                if let Some(w) = j.checked_sub(1).map(|i| &ws[i]) {
                    last.end = w.start + w.text.trim_end_matches([',', ';', ':']).len();
                }
            }
            found.push(ProseAction {
                start: ws[k].start,
                end: ws.last().map(|w| w.end).unwrap_or(e),
                owners,
            });
        }
        out.extend(found);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(text: &str) -> Vec<(&str, String)> {
        read(text)
            .into_iter()
            .map(|a| (&text[a.start..a.end], a.owners))
            .collect()
    }

    #[test]
    fn roles_names_and_initials_with_their_deeds() {
        // Milburn Parish Council, 8 May 2018, minute 18.05.14.
        let text = "Potholes up the Cart Roads will be filled on Sunday but the potholes up \
the centre of the village green are a huge problem. The Clerk to write to Andy Connell. \
Chairman to contact A Armstrong, EDC and enquire if he can help or make suggestions who to contact. \
The Councillors are concerned that there is still a vehicle driving over the village green, \
the Clerk to write to householder.";
        assert_eq!(
            texts(text),
            vec![
                ("The Clerk to write to Andy Connell.", "Clerk".to_string()),
                (
                    "Chairman to contact A Armstrong, EDC and enquire if he can help or make suggestions who to contact.",
                    "Chairman".to_string()
                ),
                ("the Clerk to write to householder.", "Clerk".to_string()),
            ]
        );
        assert_eq!(
            texts("A risk assessment will be required for the Beacon Bonfire, Councillor Dixon will carry out this risk assessment."),
            vec![(
                "Councillor Dixon will carry out this risk assessment.",
                "Councillor Dixon".to_string()
            )]
        );
        assert_eq!(
            texts("Councillor Connell offered to contact Highways regarding the potholes."),
            vec![(
                "Councillor Connell offered to contact Highways regarding the potholes.",
                "Councillor Connell".to_string()
            )]
        );
        // Milburn Parish Council, 2 July 2019, minute 19.07.09.
        assert_eq!(
            texts("Councillor Richardson will take off all the old wood and then Mr Eyles will carry out repair."),
            vec![
                (
                    "Councillor Richardson will take off all the old wood",
                    "Councillor Richardson".to_string()
                ),
                ("Mr Eyles will carry out repair.", "Mr Eyles".to_string()),
            ]
        );
        assert_eq!(
            texts("Councillors will again fill these in."),
            vec![(
                "Councillors will again fill these in.",
                "Councillors".to_string()
            )]
        );
        assert_eq!(
            texts("HL undertook to remind Mr Wheelhouse of his responsibilities."),
            vec![(
                "HL undertook to remind Mr Wheelhouse of his responsibilities.",
                "HL".to_string()
            )]
        );
    }

    #[test]
    fn bodies_passives_and_reports_are_no_actions() {
        for text in [
            "The Council will seek tenders for works costing over £2,000 excluding VAT.",
            "Potholes up the Cart Roads will be filled on Sunday.",
            "A Data Protection Policy is to be written.",
            "The Clerk attended a GDPR Awareness Session in March 2018.",
            "All Councillors agreed that Councillor Richardson be elected Chair.",
            "GD, SW and IK would attend at least one of the meetings.",
            "Due to the weather the meeting closed early.",
            "The Clerk will not be available in August.",
            "YMCA will also support families by offering support and guidance.",
        ] {
            assert!(read(text).is_empty(), "{text}");
        }
    }
}

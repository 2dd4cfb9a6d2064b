//! Whether a query names a person: a title and a name ("Cllr Dent",
//! "Councillor Hodivala", "Mrs Jenkinson"), or initials and a surname as
//! printed ("J Smith", "J. R. Smith"). The titles are the grammars' own
//! (`grammars::minutes::people::is_title`). Pure.

use grammars::lex::SMALL_WORDS;
use grammars::minutes::people::is_title;

/// Whether `word` is an initial as people type one: a capital letter,
/// with or without a full stop ("J", "J.").
fn is_initial(word: &str) -> bool {
    let letters = word.strip_suffix('.').unwrap_or(word);
    let mut chars = letters.chars();
    matches!((chars.next(), chars.next()), (Some(c), None) if c.is_uppercase())
}

/// Whether `word` could be a surname: a letter first, not one of the small
/// words a title keeps in lower case ("of", "the").
fn is_name_word(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_alphabetic)
        && !SMALL_WORDS.contains(&word.to_lowercase().as_str())
}

/// Whether `query` names a person: a title followed by a name, or one or
/// more initials followed by a capitalised name.
pub fn names_person(query: &str) -> bool {
    let words: Vec<&str> = query.split_whitespace().collect();
    words.iter().enumerate().any(|(i, w)| {
        let next = words.get(i + 1).copied().unwrap_or("");
        if is_title(w) {
            return is_name_word(next) && !is_title(next);
        }
        if is_initial(w) && (i == 0 || !is_initial(words[i - 1])) {
            let surname = words[i..].iter().find(|w| !is_initial(w)).copied();
            return surname.is_some_and(|s| {
                is_name_word(s) && s.chars().next().is_some_and(char::is_uppercase)
            });
        }
        false
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn titles_and_names() {
        // As people search for members named in parish minutes.
        assert!(names_person("declarations of interest Councillor Dent"));
        assert!(names_person(
            "Cllr Hodivala interest community grant school"
        ));
        assert!(names_person("cllr dent"));
        assert!(names_person("Mrs Jenkinson"));
    }

    #[test]
    fn initials_and_a_surname() {
        assert!(names_person("apologies J Smith"));
        assert!(names_person("J. R. Smith"));
        // Lower case after an initial is a word, not a name.
        assert!(!names_person("vitamin D levels"));
    }

    #[test]
    fn topics_are_not_names() {
        assert!(!names_person("parish precept 2026/27"));
        assert!(!names_person("Decoy governors safeguarding training"));
        // A title with nothing after it names nobody.
        assert!(!names_person("election of the mayor and dr"));
        assert!(!names_person("Q3 KPIs"));
    }
}

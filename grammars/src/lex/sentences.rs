//! Sentences: the one splitter every grammar uses. A sentence ends at ".",
//! "!" or "?" followed by whitespace and a capital, a digit, a bracket or
//! a bullet of the one bullet set ("e.g. visits" does not end one), or at
//! the end of the text.

/// Byte ranges of `text`'s sentences, each with its stop, untrimmed;
/// pieces of one character or less are dropped.
pub fn sentence_spans(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = 0;
    // The stops are ASCII: found on the bytes, the two characters after
    // one decoded from there.
    for (i, &c) in text.as_bytes().iter().enumerate() {
        if !matches!(c, b'.' | b'!' | b'?') {
            continue;
        }
        let mut following = text[i + 1..].chars();
        let next = following.next();
        let after = following.next();
        let ends = match (next, after) {
            (None, _) => true,
            (Some(n), Some(a)) if n.is_whitespace() => {
                a.is_uppercase() || a.is_ascii_digit() || a == '(' || opens_list(a)
            }
            _ => false,
        };
        if ends {
            let end = i + 1;
            if text[start..end].trim().len() > 1 {
                out.push((start, end));
            }
            start = end;
        }
    }
    if text[start..].trim().len() > 1 {
        out.push((start, text.len()));
    }
    out
}

/// A list mark that opens the next sentence after a stop: any bullet of
/// the one bullet set that is not a letter or ASCII sign ("o", "-", "*"
/// also occur in prose after a stop), so Wingdings' private-use bullets
/// ("\u{f0b7}") count as "•" does.
fn opens_list(c: char) -> bool {
    !c.is_ascii() && super::bullets::is_bullet_char(c)
}

/// `text`'s sentences, trimmed.
pub fn sentences(text: &str) -> Vec<&str> {
    sentence_spans(text)
        .into_iter()
        .map(|(s, e)| text[s..e].trim())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sentences_end_at_stops_before_a_capital() {
        assert_eq!(
            sentences("Plans that work. Timely direct work, e.g. visits. Management oversight."),
            [
                "Plans that work.",
                "Timely direct work, e.g. visits.",
                "Management oversight."
            ]
        );
        assert_eq!(
            sentences("Agreed. (a) first! 2. second? done"),
            ["Agreed.", "(a) first!", "2. second? done"]
        );
        assert!(sentences(" . ").is_empty());
    }
}

//! Sentences: the one splitter every grammar uses. A sentence ends at ".",
//! "!" or "?" followed by whitespace and a capital, a digit, a bracket or
//! a bullet of the one bullet set ("e.g. visits" does not end one), or at
//! the end of the text. The stop after a title before a name ("Cllr.
//! Crisp", "Mrs. Sue Prigg") ends none.

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
            _ if c == b'.' && after_title(&text[..i]) => false,
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

/// Whether `before` ends in a title written before a name ("… by Cllr").
/// Only the last few characters are looked at: no title is longer.
fn after_title(before: &str) -> bool {
    const LONGEST: usize = 5;
    let mut start = None;
    for (seen, (k, c)) in before.char_indices().rev().enumerate() {
        if c.is_whitespace() || c == '(' {
            start = Some(k + c.len_utf8());
            break;
        }
        if seen == LONGEST {
            return false;
        }
    }
    super::words::is_name_title(&before[start.unwrap_or(0)..])
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
        // Bristol printed minutes, 15 May 2025: a Wingdings bullet opens
        // a sentence, a letter "o" or a dash does not.
        assert_eq!(
            sentences("road users. \u{f0b7} There was the view. o not. - not"),
            ["road users.", "\u{f0b7} There was the view. o not. - not"]
        );
    }

    /// Northwold Parish Council AGM minutes, 6 May 2014: names written
    /// "Cllr. Crisp", "Mrs. Sue Prigg".
    #[test]
    fn a_title_before_a_name_ends_no_sentence() {
        assert_eq!(
            sentences("Invoices were checked, payments were approved and cheques signed by Cllr. Crisp and Cllr. Collins, all Councillors agreed. It was agreed by all Councillor’s to go ahead and appoint Mrs. Sue Prigg as the internal auditor for the year 2013-2014."),
            [
                "Invoices were checked, payments were approved and cheques signed by Cllr. Crisp and Cllr. Collins, all Councillors agreed.",
                "It was agreed by all Councillor’s to go ahead and appoint Mrs. Sue Prigg as the internal auditor for the year 2013-2014."
            ]
        );
        assert_eq!(
            sentences("Cllr. Rosemary Crisp was proposed by Cllr. Alison Muir and seconded by Cllr. Michael Peake. Cllr. Crisp accepted the position of Chairman for the year 2014-2015 and was duly elected.").len(),
            2
        );
    }
}

//! Words: the small words a title keeps in lower case, and title case for
//! names printed in capitals.

/// Small words: kept lower case inside a title-cased name; a title or
/// heading line ending on one runs on to the next ("Highways &").
pub const SMALL_WORDS: [&str; 11] = [
    "and", "&", "of", "the", "for", "to", "in", "on", "at", "with", "or",
];

/// Words that join the parts of a hyphenated place name ("Burton-cum-
/// Walden", "Stratford-upon-Avon", "Newcastle-under-Lyme").
const PLACE_JOINERS: [&str; 10] = [
    "cum", "on", "upon", "under", "in", "by", "le", "the", "en", "next",
];

/// Titles written before a name, with or without a full stop ("Cllr.
/// Crisp", "Mrs. Sue Prigg"): a full stop after one ends no sentence.
pub const NAME_TITLES: [&str; 9] = [
    "Cllr", "Cllrs", "Mr", "Mrs", "Ms", "Miss", "Dr", "Prof", "Rev",
];

/// Whether `word` is a title written before a name (`NAME_TITLES`).
pub fn is_name_title(word: &str) -> bool {
    NAME_TITLES.contains(&word)
}

/// Roles a person holds at a meeting, written in place of their name
/// ("the Clerk to write", "Chairman to contact"), singular and plural.
pub const MEETING_ROLES: [&str; 20] = [
    "Clerk",
    "Chair",
    "Chairman",
    "Chairwoman",
    "Chairperson",
    "Vice-Chair",
    "Vice-Chairman",
    "Treasurer",
    "Secretary",
    "Mayor",
    "Headteacher",
    "Councillor",
    "Councillors",
    "Members",
    "Governors",
    "Officer",
    "Officers",
    "Trustees",
    "Cllrs",
    "Clerks",
];

/// Whether `word` is one of `MEETING_ROLES`.
pub fn is_meeting_role(word: &str) -> bool {
    MEETING_ROLES.contains(&word)
}

/// A letter's salutation or valediction ("Dear Member", "Dear Councillor",
/// "Yours sincerely", "Yours faithfully"): the formula of a covering letter,
/// never a heading.
pub fn is_letter_formula(line: &str) -> bool {
    let mut words = line.split_whitespace();
    let first = words.next().unwrap_or("");
    let rest = words.count();
    let salutation = first.eq_ignore_ascii_case("dear") && (1..=5).contains(&rest);
    let valediction = first.eq_ignore_ascii_case("yours") && rest == 1;
    salutation || valediction
}

/// "PERFORMANCE AND FINANCE SCRUTINY SUB-COMMITTEE" -> "Performance and
/// Finance Scrutiny Sub-Committee". Text that is not all capitals is kept as
/// printed, so "C&YP Scrutiny Panel" stays as it is.
pub fn title_case(s: &str) -> String {
    let has_lower = s.chars().any(|c| c.is_lowercase());
    if has_lower {
        return s.to_string();
    }
    let mut out = Vec::new();
    for (i, word) in s.split_whitespace().enumerate() {
        let lower = word.to_lowercase();
        if i > 0 && SMALL_WORDS.contains(&lower.as_str()) {
            out.push(lower);
            continue;
        }
        // Capitalise each hyphen-separated part: "Sub-Committee"; a
        // joining word inside a hyphenated place name stays lower case
        // ("BURTON-CUM-WALDEN" -> "Burton-cum-Walden", "Stoke-on-Trent").
        let n = lower.split('-').count();
        let parts: Vec<String> = lower
            .split('-')
            .enumerate()
            .map(|(j, p)| {
                if j > 0 && j + 1 < n && PLACE_JOINERS.contains(&p) {
                    return p.to_string();
                }
                let mut cs = p.chars();
                match cs.next() {
                    Some(f) => f.to_uppercase().collect::<String>() + cs.as_str(),
                    None => String::new(),
                }
            })
            .collect();
        out.push(parts.join("-"));
    }
    out.join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn letter_formulas() {
        // A budget amendments pack's covering letter.
        assert!(is_letter_formula("Dear Member"));
        assert!(is_letter_formula("Yours sincerely"));
        assert!(!is_letter_formula("Dear"));
        assert!(!is_letter_formula("Yours is the decision to make here"));
        assert!(!is_letter_formula(
            "COUNTY COUNCIL - THURSDAY, 13 FEBRUARY 2025"
        ));
    }

    #[test]
    fn title_case_only_for_capitals() {
        assert_eq!(
            title_case("PERFORMANCE AND FINANCE SCRUTINY SUB-COMMITTEE"),
            "Performance and Finance Scrutiny Sub-Committee"
        );
        assert_eq!(title_case("SCHOOLS FORUM"), "Schools Forum");
        assert_eq!(title_case("C&YP Scrutiny Panel"), "C&YP Scrutiny Panel");
        // Burton-cum-Walden Parish Council's minutes heading.
        assert_eq!(
            title_case("BURTON-CUM-WALDEN PARISH COUNCIL"),
            "Burton-cum-Walden Parish Council"
        );
        assert_eq!(title_case("VICE-CHAIR"), "Vice-Chair");
    }
}

/// A title naming minutes: "MINUTES" alone, or "Minutes of …" with what
/// follows "of" (the meeting, perhaps not named).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MinutesTitle<'a> {
    Bare,
    Of(&'a str),
}

/// The one reading of a minutes title: "MINUTES", "Minutes of the
/// meeting of the Cabinet", "MINUTES OF THE SCHOOLS FORUM MEETING".
pub fn minutes_title(text: &str) -> Option<MinutesTitle<'_>> {
    let text = text.trim_start();
    let head = text.get(..7)?;
    if !head.eq_ignore_ascii_case("minutes") {
        return None;
    }
    let rest = &text[7..];
    if rest.trim().is_empty() {
        return Some(MinutesTitle::Bare);
    }
    let after = rest.strip_prefix([' ', '\t'])?.trim_start();
    let of = after.get(..2)?;
    let tail = &after[2..];
    if of.eq_ignore_ascii_case("of") && (tail.is_empty() || tail.starts_with([' ', '\t'])) {
        return Some(MinutesTitle::Of(tail.trim_start()));
    }
    None
}

#[cfg(test)]
mod minutes_title_tests {
    use super::*;

    #[test]
    fn minutes_titles() {
        assert_eq!(minutes_title("MINUTES"), Some(MinutesTitle::Bare));
        assert_eq!(minutes_title("Minutes "), Some(MinutesTitle::Bare));
        assert_eq!(
            minutes_title("MINUTES OF THE SCHOOLS FORUM MEETING"),
            Some(MinutesTitle::Of("THE SCHOOLS FORUM MEETING"))
        );
        assert_eq!(
            minutes_title("Minutes of a meeting of the Cabinet"),
            Some(MinutesTitle::Of("a meeting of the Cabinet"))
        );
        for t in [
            "Minutes late",
            "Minutes often",
            "Minute 12",
            "Ministers",
            "",
        ] {
            assert_eq!(minutes_title(t), None, "{t:?}");
        }
    }
}

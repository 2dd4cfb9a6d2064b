//! The lexemes of a paper's decision status: a decision number
//! ("24/00093"), a yes/no answer ("Key decision: YES"), an exemption
//! statement ("Part exempt – paragraph 3", "Not for publication by virtue
//! of paragraph 3 of Part 1 of Schedule 12A") and a publication marking set
//! alone on a line ("PUBLIC REPORT", "Unrestricted", "For publication").
//!
//! Decision forms, report front sheets and agendas all read these; none of
//! them knows where on the page the words sit, which is the callers'.

/// "YES" / "No" / "Y" as printed after a label (the first word decides).
pub fn yes_no(value: &str) -> Option<bool> {
    let w = value.split_whitespace().next()?.to_lowercase();
    let w = w.trim_matches(|c: char| !c.is_alphanumeric());
    match w {
        "yes" | "y" | "true" => Some(true),
        "no" | "n" | "false" | "non" => Some(false),
        _ => None,
    }
}

/// The answer after a key-decision label: "Yes", "No"; "Key decision over
/// £500k spend" and "For the reason that: it affects more than 2 Electoral
/// Divisions" (a reason given is a key decision); "Non-key", "For
/// Information" -> not key.
pub fn key_decision_value(value: &str) -> Option<bool> {
    let l = value.trim().to_lowercase();
    if l.starts_with("non-key") || l.starts_with("non key") || l.starts_with("for information") {
        return Some(false);
    }
    if l.starts_with("key") || l.starts_with("for the reason") {
        return Some(true);
    }
    yes_no(value)
}

/// The paragraph of Schedule 12A cited: "paragraph 3 of Part 1 of
/// Schedule 12A" -> "3"; "Exempt Paragraph 3" -> "3".
pub fn exempt_paragraph(value: &str) -> Option<String> {
    let l = value.to_lowercase();
    let p = l.find("paragraph")?;
    let rest = l[p + "paragraph".len()..].trim_start_matches(['s', ' ', '.']);
    let n: String = rest.chars().take_while(char::is_ascii_digit).collect();
    (!n.is_empty()).then_some(n)
}

/// An exemption box's value: "Open" / "No" / "None" -> not exempt; "Part
/// exempt – paragraph 3", "Confidential" -> exempt, with the paragraph.
pub fn exempt_value(value: &str) -> Option<(bool, Option<String>)> {
    let l = value.to_lowercase();
    let para = exempt_paragraph(value);
    if let Some(e) = publication_marking(value) {
        return Some((e, para));
    }
    let negated = l.starts_with("no ") || l.starts_with("not ") || l.starts_with("non-");
    if l.contains("exempt") || l.contains("confidential") || para.is_some() {
        return Some((!negated, para.filter(|_| !negated)));
    }
    match yes_no(value) {
        Some(b) => Some((b, None)),
        None if l.starts_with("open") || l.starts_with("none") => Some((false, None)),
        None => None,
    }
}

/// A publication marking: "For publication" / "Unrestricted" / "PUBLIC
/// REPORT" / "For general release" -> not exempt (false); "Not for
/// publication" / "Exempt" / "Private" / "Confidential" -> exempt (true).
/// Read from the start of the words; the caller says where they stand.
pub fn publication_marking(line: &str) -> Option<bool> {
    let s = line
        .trim()
        .trim_start_matches(|c: char| !c.is_alphanumeric())
        .trim_end_matches(['.', ':']);
    // Phrases that say it whatever follows. They are matched at the start:
    // the lowering of the first 24 characters opens as the whole line's
    // does (a long line is not lowered whole).
    const WITHHELD: [&str; 2] = ["not for publication", "exempt"];
    const OPEN: [&str; 3] = ["for publication", "unrestricted", "for general release"];
    let head_end = s.char_indices().nth(24).map_or(s.len(), |(i, _)| i);
    let head = s[..head_end].to_lowercase();
    if WITHHELD.iter().any(|w| head.starts_with(w)) {
        return Some(true);
    }
    if OPEN.iter().any(|w| head.starts_with(w)) {
        return Some(false);
    }
    // Words that say it only standing alone: "PUBLIC", "PRIVATE REPORT"
    // ("Public Health" is not a marking). Lowering keeps the words apart
    // as they were: a line of three words or more is none.
    if s.split_whitespace().nth(2).is_some() {
        return None;
    }
    let l = s.to_lowercase();
    let mut words = l.split_whitespace();
    let first = words.next()?;
    let rest: Vec<&str> = words.collect();
    let alone =
        rest.is_empty() || (rest.len() == 1 && ["report", "item", "paper"].contains(&rest[0]));
    match first {
        "public" | "open" if alone => Some(false),
        "private" | "confidential" | "restricted" if alone => Some(true),
        _ => None,
    }
}

/// The heading of an agenda's part: "PART 2", "PART II (EXEMPT ITEMS)",
/// "EXEMPT ITEMS", "PRIVATE AGENDA", "Items likely to be considered in
/// private", "Not for publication" -> its items are exempt (true); "PART
/// 1", "UNRESTRICTED ITEMS", "PUBLIC AGENDA" -> they are not (false). Only
/// a short heading is one (up to ten words).
pub fn section_marking(heading: &str) -> Option<bool> {
    let l = heading
        .trim()
        .trim_end_matches([':', '.', '-'])
        .to_lowercase();
    let words: Vec<&str> = l
        .split(|c: char| c.is_whitespace() || matches!(c, '(' | ')' | '–' | '—' | '-' | ':'))
        .filter(|w| !w.is_empty())
        .collect();
    if words.is_empty() || words.len() > 10 {
        return None;
    }
    if words[0] == "part" {
        return match words.get(1).copied() {
            Some("2" | "ii" | "two" | "b") => Some(true),
            Some("1" | "i" | "one" | "a") => Some(false),
            _ => None,
        };
    }
    let has = |w: &str| words.contains(&w);
    let open = ["unrestricted", "public", "open"];
    let withheld = ["exempt", "private", "confidential", "restricted"];
    let items = has("items") || has("item") || has("agenda") || has("business");
    if items && words.len() <= 4 {
        if open.contains(&words[0]) {
            return Some(false);
        }
        if withheld.contains(&words[0]) {
            return Some(true);
        }
    }
    if l.starts_with("not for publication")
        || (words[0] == "items" && (has("private") || has("exempt") || has("confidential")))
    {
        return Some(true);
    }
    None
}

/// A decision number as councils print them: two digits, a slash, five
/// digits ("24/00093"). Returns the first in `text`, not inside a longer
/// run of digits or slashes (a date "12/03/2025" is not one).
pub fn decision_number(text: &str) -> Option<String> {
    let b = text.as_bytes();
    let digits = |from: usize, n: usize| {
        from + n <= b.len() && b[from..from + n].iter().all(u8::is_ascii_digit)
    };
    let joins = |c: u8| c.is_ascii_digit() || c == b'/';
    (0..b.len()).find_map(|k| {
        let shaped = digits(k, 2) && b.get(k + 2) == Some(&b'/') && digits(k + 3, 5);
        let alone_before = k == 0 || !joins(b[k - 1]);
        let alone_after = b.get(k + 8).is_none_or(|&c| !joins(c));
        (shaped && alone_before && alone_after).then(|| text[k..k + 8].to_string())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn yes_no_answers() {
        assert_eq!(yes_no("YES"), Some(true));
        assert_eq!(yes_no("No (budget framework)"), Some(false));
        assert_eq!(yes_no("N/A"), None);
    }

    /// Bristol "KEY OR NON-KEY DECISION: Key decision over £500k spend/save
    /// & impacts more than 2 wards"; "KEY DECISION OR FOR INFORMATION: For
    /// Information"; Kent "Key Decision : For the reason that:".
    #[test]
    fn key_decision_answers() {
        assert_eq!(
            key_decision_value("Key decision over £500k spend/save & impacts more than 2 wards"),
            Some(true)
        );
        assert_eq!(key_decision_value("For Information"), Some(false));
        assert_eq!(key_decision_value("For the reason that:"), Some(true));
        assert_eq!(key_decision_value("Non-key decision"), Some(false));
        assert_eq!(key_decision_value("Yes"), Some(true));
    }

    #[test]
    fn exemption_statements() {
        assert_eq!(
            exempt_value("Part exempt – paragraph 3"),
            Some((true, Some("3".into())))
        );
        assert_eq!(exempt_value("Open"), Some((false, None)));
        assert_eq!(exempt_value("No"), Some((false, None)));
        assert_eq!(
            exempt_value(
                "Not for publication by virtue of paragraph 3 of Part 1 of Schedule 12A of the Local Government Act 1972"
            ),
            Some((true, Some("3".into())))
        );
        assert_eq!(exempt_value("Unrestricted"), Some((false, None)));
        assert_eq!(exempt_paragraph("Exempt Paragraph 3"), Some("3".into()));
    }

    /// Birmingham "PUBLIC REPORT", Kent "Unrestricted", WECA "For
    /// publication.", Gloucester "FOR GENERAL RELEASE".
    #[test]
    fn publication_markings() {
        assert_eq!(publication_marking("PUBLIC REPORT"), Some(false));
        assert_eq!(publication_marking("Unrestricted"), Some(false));
        assert_eq!(publication_marking("For publication."), Some(false));
        assert_eq!(publication_marking("FOR GENERAL RELEASE"), Some(false));
        assert_eq!(publication_marking("NOT FOR PUBLICATION"), Some(true));
        assert_eq!(publication_marking("PRIVATE REPORT"), Some(true));
        assert_eq!(publication_marking("Report of the Chief Executive"), None);
        assert_eq!(publication_marking("Public Health"), None);
        assert_eq!(exempt_value("Not exempt"), Some((false, None)));
    }

    /// Birmingham "PRIVATE AGENDA"; Kent "EXEMPT ITEMS"/"UNRESTRICTED
    /// ITEMS"; "PART II"; "Items likely to be considered in private".
    #[test]
    fn section_markings() {
        assert_eq!(section_marking("PRIVATE AGENDA"), Some(true));
        assert_eq!(section_marking("EXEMPT ITEMS"), Some(true));
        assert_eq!(section_marking("UNRESTRICTED ITEMS"), Some(false));
        assert_eq!(section_marking("PART II"), Some(true));
        assert_eq!(section_marking("Part 1 - Public"), Some(false));
        assert_eq!(
            section_marking("Items likely to be considered in private"),
            Some(true)
        );
        assert_eq!(section_marking("Public Health Update"), None);
        assert_eq!(section_marking("Partnership working"), None);
        assert_eq!(section_marking("Private sector housing"), None);
    }

    #[test]
    fn decision_numbers() {
        assert_eq!(
            decision_number("24/00108 - Budget Monitoring").as_deref(),
            Some("24/00108")
        );
        assert_eq!(
            decision_number("Cabinet reconsideration of Decision 24/00093 - Future of").as_deref(),
            Some("24/00093")
        );
        assert_eq!(decision_number("on 12/03/2025"), None);
        assert_eq!(decision_number("ref 124/000930"), None);
    }
}

//! Words: the small words a title keeps in lower case, and title case for
//! names printed in capitals.

/// Small words: kept lower case inside a title-cased name; a title line
/// ending on one runs on to the next.
pub const SMALL_WORDS: [&str; 8] = ["and", "of", "the", "for", "to", "in", "on", "at"];

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
        // Capitalise each hyphen-separated part: "Sub-Committee".
        let parts: Vec<String> = lower
            .split('-')
            .map(|p| {
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
    fn title_case_only_for_capitals() {
        assert_eq!(
            title_case("PERFORMANCE AND FINANCE SCRUTINY SUB-COMMITTEE"),
            "Performance and Finance Scrutiny Sub-Committee"
        );
        assert_eq!(title_case("SCHOOLS FORUM"), "Schools Forum");
        assert_eq!(title_case("C&YP Scrutiny Panel"), "C&YP Scrutiny Panel");
    }
}

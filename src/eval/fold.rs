//! The one folding rule of gold matching: lower case, and every run of
//! characters other than letters, digits, `£` and `%` made one space.
//! (Curly quotes and dashes are punctuation, so they fold like plain ones.)

/// `s` folded: lower case, word characters kept, every other run one space,
/// no space at either end.
pub fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut gap = false;
    for c in s.chars() {
        if c.is_alphanumeric() || c == '£' || c == '%' {
            if gap && !out.is_empty() {
                out.push(' ');
            }
            gap = false;
            out.extend(c.to_lowercase());
        } else {
            gap = true;
        }
    }
    out
}

/// Whether folded `needle` occurs in folded `haystack` as whole words.
pub fn contains_words(haystack: &str, needle: &str) -> bool {
    if needle.is_empty() {
        return true;
    }
    let hay = haystack.as_bytes();
    let n = needle.len();
    let mut from = 0;
    while let Some(at) = haystack[from..].find(needle) {
        let start = from + at;
        let end = start + n;
        let before_ok = start == 0 || hay[start - 1] == b' ';
        let after_ok = end == hay.len() || hay[end] == b' ';
        if before_ok && after_ok {
            return true;
        }
        from = start + needle.chars().next().map_or(1, char::len_utf8);
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_case_spacing_and_punctuation() {
        assert_eq!(
            fold("  RESOLVED:-  That the  Forum’s"),
            "resolved that the forum s"
        );
        assert_eq!(fold("£572,898 – 12%"), "£572 898 12%");
        assert_eq!(fold("Children's  Services"), fold("children’s services"));
        assert_eq!(fold("--"), "");
    }

    #[test]
    fn contains_whole_words_only() {
        assert!(contains_words("the high needs block", "needs block"));
        assert!(contains_words("the high needs block", "the high"));
        assert!(!contains_words("joann leeds", "ann lee"));
        assert!(!contains_words("item 15", "5"));
        assert!(contains_words("items 5 and 15", "15"));
        assert!(contains_words("anything", ""));
    }
}

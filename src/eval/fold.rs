//! The one folding rule of gold matching: lower case, and every run of
//! characters other than letters, digits, `£` and `%` made one space.
//! (Curly quotes and dashes are punctuation, so they fold like plain ones.)

/// `s` folded: lower case, word characters kept, every other run one space,
/// no space at either end.
///
/// ASCII characters, most of every paper, take a byte path (the same
/// classes and lower case as the `char` path below: an ASCII character is
/// alphanumeric exactly when `is_ascii_alphanumeric`, and lower-cases to
/// one ASCII character); the others go through `char`'s Unicode tables.
/// Folding record texts is a part of `agendex index` (content signatures,
/// the links' words), so it is kept cheap.
pub fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    fold_into(s, &mut out);
    out
}

/// [`fold`] into `out`, emptied first: a caller folding many short texts
/// reuses one buffer.
pub fn fold_into(s: &str, out: &mut String) {
    out.clear();
    let mut gap = false;
    let bytes = s.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if b.is_ascii() {
            i += 1;
            if b.is_ascii_alphanumeric() || b == b'%' {
                if gap && !out.is_empty() {
                    out.push(' ');
                }
                gap = false;
                out.push(char::from(b.to_ascii_lowercase()));
            } else {
                gap = true;
            }
            continue;
        }
        // A character of two to four bytes starts here (`s` is UTF-8).
        let Some(c) = s[i..].chars().next() else {
            break;
        };
        i += c.len_utf8();
        if c.is_alphanumeric() || c == '£' {
            if gap && !out.is_empty() {
                out.push(' ');
            }
            gap = false;
            out.extend(c.to_lowercase());
        } else {
            gap = true;
        }
    }
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

    /// The byte path for ASCII and the `char` path for the rest fold as
    /// one `char` loop over the whole text does.
    #[test]
    fn the_ascii_path_folds_as_the_char_path() {
        fn by_chars(s: &str) -> String {
            let mut out = String::new();
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
        // From the seeds and the Kent pack: curly quotes, dashes, £, %,
        // accented and non-Latin letters, a capital that lower-cases to
        // two characters (İ), digits of other scripts.
        for s in [
            "RESOLVED:- That the Council’s proposal – £0.563m (12%) – be AGREED.",
            "Café Ünïon — ΣΧΟΛΕΙΟ İstanbul ٣ x\u{a0}y\ttab\r\n",
            "   ",
            "",
            "a",
            "£",
            "é!",
            "\u{10348}GOTHIC\u{1F600}emoji",
        ] {
            assert_eq!(fold(s), by_chars(s), "{s:?}");
        }
        let every: String = (0u32..0x3000).filter_map(char::from_u32).collect();
        assert_eq!(fold(&every), by_chars(&every));
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

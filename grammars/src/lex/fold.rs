//! Folding a line's text: runs of whitespace made one space, ends trimmed,
//! `**bold**` markers and HTML fragments removed (`plain`), table cells
//! kept apart (`plain_cells`). The one fold every stage uses.

use super::html::strip_html;
use std::borrow::Cow;

/// Fold runs of whitespace (as `char::is_whitespace`) into one space and
/// trim.
pub fn fold(s: &str) -> String {
    if is_folded(s) {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len());
    fold_into(s, &mut out);
    out
}

/// Append `fold(s)` to `out`, a space between it and the words before.
pub fn fold_into(s: &str, out: &mut String) {
    if is_folded(s) {
        if !s.is_empty() {
            if !out.is_empty() {
                out.push(' ');
            }
            out.push_str(s);
        }
        return;
    }
    // Split on the bytes, not by decoding every character (a document's
    // joined text, stripped of tags, is long).
    for_each_word(s, b"", |word| {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    });
}

/// Whether `s` is its own fold: words separated by single spaces, no other
/// whitespace, nothing at either end. (Most lines are.)
pub fn is_folded(s: &str) -> bool {
    let b = s.as_bytes();
    if b.first() == Some(&b' ') || b.last() == Some(&b' ') {
        return false;
    }
    // Every byte read, no early exit (a loop the compiler vectorises): an
    // ASCII control byte (tab, line break …), and a byte that can open a
    // whitespace character other than ASCII (U+0085 and U+00A0 open with
    // C2, U+1680 with E1, U+2000–U+205F with E2, U+3000 with E3).
    let (mut control, mut wide) = (false, false);
    for &c in b {
        control |= c < b' ';
        wide |= matches!(c, 0xC2 | 0xE1 | 0xE2 | 0xE3);
    }
    if control {
        return is_folded_unicode(s);
    }
    // Only spaces apart from the wide ones: folded unless two meet (each
    // pair of neighbours read, no early exit, as above).
    let two_spaces = b
        .iter()
        .zip(b.iter().skip(1))
        .fold(false, |found, (&x, &y)| found | ((x == b' ') & (y == b' ')));
    if two_spaces {
        return false;
    }
    !wide || !has_wide_space(s)
}

/// Whether `s` holds a whitespace character other than ASCII, decoding a
/// character only where one of their lead bytes stands.
fn has_wide_space(s: &str) -> bool {
    let b = s.as_bytes();
    (0..b.len()).any(|i| matches!(b[i], 0xC2 | 0xE1 | 0xE2 | 0xE3) && opens_wide_space(&b[i..]))
}

/// Whether `b` opens with the UTF-8 of a whitespace character beyond
/// ASCII (as `char::is_whitespace`): U+0085, U+00A0, U+1680,
/// U+2000–U+200A, U+2028, U+2029, U+202F, U+205F, U+3000. Told on the
/// bytes, no character decoded.
fn opens_wide_space(b: &[u8]) -> bool {
    matches!(
        b,
        [0xC2, 0x85 | 0xA0, ..]
            | [0xE1, 0x9A, 0x80, ..]
            | [0xE2, 0x80, 0x80..=0x8A | 0xA8 | 0xA9 | 0xAF, ..]
            | [0xE2, 0x81, 0x9F, ..]
            | [0xE3, 0x80, 0x80, ..]
    )
}

/// `is_folded` of any text: one pass over the bytes, a non-ASCII
/// character decoded only where one starts.
fn is_folded_unicode(s: &str) -> bool {
    // A space at the start is no fold: count it as following a space.
    let mut after_space = true;
    for (i, b) in s.bytes().enumerate() {
        if b == b' ' {
            if after_space {
                return false;
            }
            after_space = true;
            continue;
        }
        after_space = false;
        let white = if b.is_ascii() {
            (b as char).is_whitespace()
        } else {
            // Continuation bytes (10xxxxxx) are skipped; a lead byte opens
            // a character, read whole.
            b >= 0xC0 && s[i..].chars().next().is_some_and(char::is_whitespace)
        };
        if white {
            return false;
        }
    }
    !after_space || s.is_empty()
}

/// `s` split at whitespace (as `char::is_whitespace`) and at the ASCII
/// characters `also`, empty pieces dropped, into `out` (cleared first):
/// `s.split(|c| c.is_whitespace() || also.contains(&c))` without decoding
/// each character.
pub fn split_words<'a>(s: &'a str, also: &[u8], out: &mut Vec<&'a str>) {
    out.clear();
    for_each_word(s, also, |w| out.push(w));
}

/// Each piece of `split_words`, in order, handed to `word`.
fn for_each_word<'a>(s: &'a str, also: &[u8], mut word: impl FnMut(&'a str)) {
    // Each byte's class: inside a word, a separator, or the lead byte of a
    // character read whole (whitespace or not).
    const WORD: u8 = 0;
    const APART: u8 = 1;
    const LEAD: u8 = 2;
    let mut class = [WORD; 256];
    for c in [b' ', b'\t', b'\n', 0x0B, 0x0C, b'\r'].iter().chain(also) {
        if c.is_ascii() {
            class[usize::from(*c)] = APART;
        }
    }
    for slot in &mut class[0xC0..] {
        *slot = LEAD;
    }
    let b = s.as_bytes();
    let (mut start, mut i) = (0, 0);
    while i < b.len() {
        let width = match class[usize::from(b[i])] {
            WORD => {
                i += 1;
                continue;
            }
            APART => 1,
            _ => match s[i..].chars().next().filter(|c| c.is_whitespace()) {
                Some(c) => c.len_utf8(),
                None => {
                    i += 1;
                    continue;
                }
            },
        };
        if start < i {
            word(&s[start..i]);
        }
        i += width;
        start = i;
    }
    if start < b.len() {
        word(&s[start..]);
    }
}

/// Whether `s.to_lowercase()` contains `lower`, for an ASCII `lower` with
/// no 'k' and not ending in 'i': only the Kelvin sign (to "k") and 'İ' (to
/// "i" and a combining dot) lower-case from other text into ASCII, so
/// `s.to_ascii_lowercase()` (a byte map, no Unicode tables) holds `lower`
/// exactly where the full lowering does.
pub fn contains_lower(s: &str, lower: &str) -> bool {
    debug_assert!(lower.is_ascii() && !lower.contains('k') && !lower.ends_with('i'));
    s.to_ascii_lowercase().contains(lower)
}

/// Whether `s` holds one of `pairs`, two ASCII letters given in lower case,
/// in either case: a cheap test that spares a line the search for a word
/// holding such a pair. One pass over every byte with no early exit (a
/// loop the compiler vectorises); `| 0x20` lowers an ASCII letter and
/// maps no other byte onto one.
pub fn holds_letter_pair<const N: usize>(s: &str, pairs: [[u8; 2]; N]) -> bool {
    let b = s.as_bytes();
    b.iter()
        .zip(b.iter().skip(1))
        .fold(false, |found, (&x, &y)| {
            let (x, y) = (x | 0x20, y | 0x20);
            found
                | pairs
                    .iter()
                    .fold(false, |f, p| f | ((x == p[0]) & (y == p[1])))
        })
}

/// Whether `s.to_lowercase() == lower`, for an ASCII `lower` with no 'k'
/// (see `contains_lower`; a whole word ending in 'i' is fine here, as 'İ'
/// lowers to two characters).
pub fn eq_lower(s: &str, lower: &str) -> bool {
    debug_assert!(lower.is_ascii() && !lower.contains('k'));
    s.eq_ignore_ascii_case(lower)
}

/// Whether `s` holds something `plain` rewrites: a bold marker, a tag or
/// an entity.
fn has_markup(s: &str) -> bool {
    // Every byte read, no early exit: a loop the compiler vectorises (most
    // lines have none).
    s.bytes()
        .fold(false, |found, b| found | matches!(b, b'*' | b'<' | b'&'))
}

/// `fold(&strip_html(s))`.
pub fn fold_html(s: &str) -> String {
    if !s.contains('<') {
        return fold(s);
    }
    fold(&strip_html(s))
}

/// A line's words without the `**bold**` markers some renderings keep and
/// without HTML fragments, whitespace folded.
pub fn plain(text: &str) -> String {
    if !has_markup(text) {
        return fold(text);
    }
    if !text.contains("**") {
        return fold_html(text);
    }
    fold_html(&text.replace("**", ""))
}

/// `plain`, borrowing `text` where it is its own plain text.
pub fn plain_cow(text: &str) -> Cow<'_, str> {
    if !has_markup(text) && is_folded(text) {
        Cow::Borrowed(text)
    } else {
        Cow::Owned(plain(text))
    }
}

/// `plain`, keeping the cells of a table row apart with " | " (a row's
/// text joins its cells with tabs): "Date of Meeting: | 11 July 2013".
pub fn plain_cells(text: &str) -> String {
    if text.contains('\t') {
        plain(&text.replace('\t', " | "))
    } else {
        plain(text)
    }
}

/// `(plain(text), plain_cells(text))` of a row's text (its cells split by
/// tabs) in one pass, where the text has no markup to strip (else `None`):
/// the row's words, and the same words with "|" between its cells.
pub fn plain_row(text: &str) -> Option<(String, String)> {
    if has_markup(text) {
        return None;
    }
    let mut words = String::with_capacity(text.len());
    let mut cells = String::with_capacity(text.len() + 8);
    for (k, piece) in text.split('\t').enumerate() {
        if k > 0 {
            if !cells.is_empty() {
                cells.push(' ');
            }
            cells.push('|');
        }
        for w in piece.split_whitespace() {
            if !words.is_empty() {
                words.push(' ');
            }
            words.push_str(w);
            if !cells.is_empty() {
                cells.push(' ');
            }
            cells.push_str(w);
        }
    }
    Some((words, cells))
}

/// `plain_cells`, borrowing `text` where it is its own plain text.
pub fn plain_cells_cow(text: &str) -> Cow<'_, str> {
    if !text.contains('\t') && !has_markup(text) && is_folded(text) {
        Cow::Borrowed(text)
    } else {
        Cow::Owned(plain_cells(text))
    }
}

/// The furniture phrases, lower case, as `plain` gives them.
const FURNITURE: [&str; 2] = [
    "this page is intentionally left blank",
    "page intentionally left blank",
];

/// Page furniture a text rendering keeps but a reader never wants as content.
pub fn is_furniture(text: &str) -> bool {
    // `plain` never lengthens a line: a shorter one cannot be furniture.
    if text.len() < FURNITURE[1].len() {
        return false;
    }
    is_furniture_plain(&plain(text))
}

/// `is_furniture` of a line whose `plain` text is already at hand.
pub fn is_furniture_plain(plain: &str) -> bool {
    FURNITURE.iter().any(|f| plain.eq_ignore_ascii_case(f))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wide_spaces_are_told_on_their_bytes_as_by_the_characters() {
        let mut buf = [0u8; 4];
        for c in (0x80..=0x10FFFF).filter_map(char::from_u32) {
            let b = c.encode_utf8(&mut buf).as_bytes();
            assert_eq!(opens_wide_space(b), c.is_whitespace(), "{c:?}");
        }
    }

    #[test]
    fn plain_and_furniture() {
        assert_eq!(plain("**Agenda Item  6**"), "Agenda Item 6");
        assert!(is_furniture("This page is intentionally left blank "));
        assert!(!is_furniture("This page is not blank"));
    }

    #[test]
    fn plain_cells_borrowed_or_made_alike() {
        for t in [
            "Agenda Item 6",
            "Agenda  Item 6",
            " lead",
            "trail ",
            "a\tb",
            "\ta \t\t b\u{a0}c\t",
            "\t",
            " x \t  ",
            "**bold**",
            "<p>x</p>",
            "R&amp;D",
            "in\u{a0}Harrow",
            "Children’s Services – Haringey",
            "x\u{2003}y",
            "",
        ] {
            assert_eq!(plain_cow(t), plain(t), "{t:?}");
            if let Some((words, cells)) = plain_row(t) {
                assert_eq!(
                    (words.as_str(), cells.as_str()),
                    (plain(t).as_str(), plain_cells(t).as_str()),
                    "{t:?}"
                );
            }
            let cow = plain_cells_cow(t);
            assert_eq!(cow, plain_cells(t), "{t:?}");
            // Borrowed for plain lines (a line with markup is made anew
            // even where nothing in it changes).
            let borrowed = matches!(cow, std::borrow::Cow::Borrowed(_));
            let markup = t.contains(['*', '<', '&', '\t']);
            assert_eq!(borrowed, !markup && plain_cells(t) == t, "{t:?}");
        }
    }

    #[test]
    fn furniture_from_plain_text_as_from_the_line() {
        for t in [
            "This page is intentionally left blank ",
            "  **THIS PAGE IS   intentionally left blank**",
            "<p>Page intentionally left blank</p>",
            "page\u{a0}intentionally left blank",
            "This page is <b>intentionally</b> left blank",
            "Th**is page is intentionally left bl**ank",
            "&nbsp;page intentionally left blank",
            "This page is not blank",
            "This page is intentionally left blank, mostly",
            "Page intentionally left",
            "",
        ] {
            assert!(!t.contains('\t'));
            assert_eq!(
                is_furniture_plain(&plain_cells(t)),
                is_furniture(t),
                "{t:?}"
            );
        }
    }

    #[test]
    fn split_words_is_split_at_whitespace_and_the_given_bytes() {
        let apart = |c: char| c.is_whitespace() || matches!(c, ',' | '(' | ')');
        let mut words = vec!["stale"];
        for t in [
            "",
            " ",
            "London Borough of Harrow",
            "Haringey Council (the Council), and  NHS",
            "in\u{a0}Harrow’s\tschools,(x)\u{2003}",
            "Kent County Council – RECORD",
            ",,( )é",
        ] {
            split_words(t, b",()", &mut words);
            let want: Vec<&str> = t.split(apart).filter(|w| !w.is_empty()).collect();
            assert_eq!(words, want, "{t:?}");
        }
    }

    #[test]
    fn fold_is_the_same_for_ascii_and_unicode_whitespace() {
        assert_eq!(fold("  a \t b\x0B c\r\n"), "a b c");
        assert_eq!(fold("a\u{a0} b\u{2003}c "), "a b c");
        assert_eq!(fold(" \t "), "");
        for s in ["  a  b ", "x\x0By", "\u{c}p\u{c}", "one"] {
            let by_words: Vec<&str> = s.split_whitespace().collect();
            assert_eq!(fold(s), by_words.join(" "));
        }
    }

    #[test]
    fn is_folded_knows_every_whitespace_character() {
        let mut chars: Vec<char> = (0u32..0x3100).filter_map(char::from_u32).collect();
        chars.extend(['\u{feff}', '\u{1f600}', '\u{e000}']);
        for c in chars {
            for s in [format!("a{c}b"), format!("{c}"), format!("x {c}’")] {
                let by_words = s.split_whitespace().collect::<Vec<_>>().join(" ");
                assert_eq!(is_folded(&s), s == by_words, "{s:?}");
            }
        }
    }

    #[test]
    fn fold_of_every_short_mix_is_split_whitespace() {
        let pieces = [
            "a", " ", "  ", "\t", "\u{a0}", "’", "é", "\u{2003}", "\x0B", "\u{1}", "\n",
        ];
        let mut mixes = vec![String::new()];
        for _ in 0..5 {
            let longer: Vec<String> = mixes
                .iter()
                .flat_map(|m| pieces.iter().map(move |p| format!("{m}{p}")))
                .collect();
            for m in &longer {
                let by_words = m.split_whitespace().collect::<Vec<_>>().join(" ");
                assert_eq!(fold(m), by_words, "{m:?}");
                assert_eq!(is_folded(m), *m == by_words, "{m:?}");
                let mut out = String::from("x");
                fold_into(m, &mut out);
                let want = if by_words.is_empty() {
                    "x".to_string()
                } else {
                    format!("x {by_words}")
                };
                assert_eq!(out, want, "{m:?}");
            }
            mixes = longer;
        }
    }
}

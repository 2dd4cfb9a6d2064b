//! Shared lexemes: whitespace folding, dates, HTML fragments in cells.
//!
//! Small nom parsers used by several grammars. Owns no document structure.

use nom::branch::alt;
use nom::bytes::complete::{tag_no_case, take_while_m_n};
use nom::character::complete::{alpha1, char, digit1, space0, space1};
use nom::combinator::{map_res, opt, recognize};
use nom::sequence::terminated;
use nom::{IResult, Parser};

/// Fold runs of whitespace into one space and trim.
pub fn fold(s: &str) -> String {
    fold_scanned(s, scan(s))
}

/// `fold` of a text `scan` gave `flags` for: most lines are their own fold
/// and are copied whole.
fn fold_scanned(text: &str, flags: u8) -> String {
    let folded = flags & NOT_FOLDED == 0 && (flags & HIGH == 0 || !has_high_space(text.as_bytes()));
    if folded {
        text.to_string()
    } else {
        fold_words(text)
    }
}

/// Whether UTF-8 `b` holds a whitespace character outside ASCII (U+0085,
/// U+00A0, U+1680, U+2000-U+200A, U+2028, U+2029, U+202F, U+205F,
/// U+3000: the rest of `char::is_whitespace`), read from the bytes.
fn has_high_space(b: &[u8]) -> bool {
    let mut i = 0;
    while let Some(&c) = b.get(i) {
        // Eight ASCII bytes at a time: none starts such a character.
        if let Some(chunk) = b.get(i..i + 8) {
            let mut word = [0u8; 8];
            word.copy_from_slice(chunk);
            if u64::from_le_bytes(word) & HIGH_BITS == 0 {
                i += 8;
                continue;
            }
        }
        if c >= 0xC2 && space_len(b, i) > 0 {
            return true;
        }
        i += 1;
    }
    false
}

/// The byte length of the whitespace character starting at `b[i]` (as
/// `char::is_whitespace`), or 0 where none starts there.
#[inline]
pub(crate) fn space_len(b: &[u8], i: usize) -> usize {
    let Some(&c) = b.get(i) else { return 0 };
    let next = |k: usize| b.get(i + k).copied().unwrap_or(0);
    match c {
        b' ' | b'\t' | b'\n' | 0x0B | 0x0C | b'\r' => 1,
        0xC2 if matches!(next(1), 0x85 | 0xA0) => 2,
        0xE1 if next(1) == 0x9A && next(2) == 0x80 => 3,
        0xE2 if next(1) == 0x80 && matches!(next(2), 0x80..=0x8A | 0xA8 | 0xA9 | 0xAF) => 3,
        0xE2 if next(1) == 0x81 && next(2) == 0x9F => 3,
        0xE3 if next(1) == 0x80 && next(2) == 0x80 => 3,
        _ => 0,
    }
}

/// Bytes that may start a whitespace character: ASCII whitespace and the
/// lead bytes of the others. Every other byte is inside a word.
static MAY_SPACE: [bool; 256] = {
    let mut t = [false; 256];
    let bytes = [
        b' ', b'\t', b'\n', 0x0B, 0x0C, b'\r', 0xC2, 0xE1, 0xE2, 0xE3,
    ];
    let mut k = 0;
    while k < bytes.len() {
        t[bytes[k] as usize] = true;
        k += 1;
    }
    t
};

/// `fold` the long way: word by word (a word is a run of characters that
/// are not `char::is_whitespace`, as `split_whitespace`).
fn fold_words(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    fold_words_into(s, &mut out);
    out
}

/// `fold_words`, appending to `out` (a space first where `out` already
/// holds words). Words are found on the bytes: a word ends where a whole
/// whitespace character starts, so its ends are character boundaries.
fn fold_words_into(s: &str, out: &mut String) {
    let b = s.as_bytes();
    let n = b.len();
    out.reserve(n);
    let mut i = 0;
    loop {
        // Skip whitespace: `i` ends on a character boundary.
        loop {
            let gap = space_len(b, i);
            if gap == 0 {
                break;
            }
            i += gap;
        }
        if i >= n {
            break;
        }
        // The longest run of words from `i` already folded (single spaces
        // between them), copied whole: it ends where whitespace starts that
        // is not one space before a word, or at the end.
        let from = i;
        while i < n {
            // Eight bytes at a time past bytes that start no whitespace, and
            // past single spaces before such a byte in the same eight (both
            // passed one by one below). Every other byte that may start
            // whitespace (ASCII up to the space, or outside ASCII) stops it.
            while let Some(chunk) = b.get(i..i + 8) {
                let mut word = [0u8; 8];
                word.copy_from_slice(chunk);
                let x = u64::from_le_bytes(word);
                let may = (!ge_mask(x, 0x21) | x) & HIGH_BITS;
                // The next byte of the last one is not in this word.
                let single = eq_mask(x, b' ') & !(may >> 8) & 0x0080_8080_8080_8080;
                let stop = may & !single;
                if stop == 0 {
                    i += 8;
                } else {
                    i += (stop.trailing_zeros() / 8) as usize;
                    break;
                }
            }
            let Some(&c) = b.get(i) else { break };
            if !MAY_SPACE[c as usize] {
                i += 1;
            } else if c == b' ' {
                if space_len(b, i + 1) == 0 && i + 1 < n {
                    i += 1;
                } else {
                    break;
                }
            } else if space_len(b, i) == 0 {
                i += 1;
            } else {
                break;
            }
        }
        if let Some(run) = s.get(from..i) {
            if !out.is_empty() {
                out.push(' ');
            }
            out.push_str(run);
        }
    }
}

/// Append `fold(s)` to `out`, a space between it and the words before.
pub fn fold_into(s: &str, out: &mut String) {
    let flags = scan(s);
    let folded = flags & NOT_FOLDED == 0 && (flags & HIGH == 0 || !has_high_space(s.as_bytes()));
    if folded {
        if !s.is_empty() {
            if !out.is_empty() {
                out.push(' ');
            }
            out.push_str(s);
        }
    } else {
        fold_words_into(s, out);
    }
}

/// The ASCII characters `char::is_whitespace` accepts (which, unlike
/// `u8::is_ascii_whitespace`, include the vertical tab).
#[inline]
fn is_ascii_space(c: u8) -> bool {
    matches!(c, b' ' | b'\t' | b'\n' | 0x0B | 0x0C | b'\r')
}

/// `scan` flags: whitespace other than single spaces inside (so `fold`
/// changes the text).
const NOT_FOLDED: u8 = 1;
/// A byte outside ASCII (which may be Unicode whitespace).
const HIGH: u8 = 2;
/// A tab (a table row's cell separator).
const TAB: u8 = 4;
/// `*`, `<` or `&`: a bold marker, a tag or an entity `plain` rewrites.
const MARKUP: u8 = 8;

/// What a line holds, in one pass over its bytes (most lines need no
/// rewriting at all, and are then copied whole).
fn scan(s: &str) -> u8 {
    scan_bytes(s.as_bytes())
}

/// `scan` over bytes.
fn scan_bytes(b: &[u8]) -> u8 {
    // Sixteen bytes at a time where the processor has the instructions,
    // then the rest eight at a time.
    #[cfg(target_arch = "x86_64")]
    let (head, mut carry, from) = scan16(b);
    #[cfg(not(target_arch = "x86_64"))]
    let (head, mut carry, from) = (0u8, 0u64, 0usize);
    let mut chunks = b[from..].chunks_exact(8);
    let (mut high, mut tab, mut markup, mut space, mut doubled) = (0u64, 0u64, 0u64, 0u64, 0u64);
    // `carry`: 1 where the byte before the current chunk is a space.
    // Eight bytes at a time: each test gives a mask with the top bit of
    // every byte that passes it.
    for chunk in &mut chunks {
        let mut word = [0u8; 8];
        word.copy_from_slice(chunk);
        let x = u64::from_le_bytes(word);
        high |= x & HIGH_BITS;
        tab |= eq_mask(x, b'\t');
        markup |= eq_mask(x, b'*') | eq_mask(x, b'<') | eq_mask(x, b'&');
        // The whitespace `fold` rewrites besides the space: 0x09..=0x0D.
        space |= ge_mask(x, 0x09) & !ge_mask(x, 0x0E) & HIGH_BITS;
        let spaces = eq_mask(x, b' ');
        // `spaces >> 8` moves byte k+1 onto byte k: a space followed by a
        // space; the carry pairs the chunk before's last byte with this
        // chunk's first.
        doubled |= (spaces & (spaces >> 8)) | (spaces & (carry << 7));
        carry = spaces >> 63;
    }
    let mut flags = head
        | (u8::from(high != 0) * HIGH)
        | (u8::from(tab != 0) * TAB)
        | (u8::from(markup != 0) * MARKUP)
        | (u8::from(space != 0 || doubled != 0) * NOT_FOLDED);
    let mut prev_space = carry != 0;
    for &c in chunks.remainder() {
        flags |= (u8::from(c != b' ' && is_ascii_space(c)) * NOT_FOLDED)
            | (u8::from(c >= 0x80) * HIGH)
            | (u8::from(c == b'\t') * TAB)
            | (u8::from(matches!(c, b'*' | b'<' | b'&')) * MARKUP)
            | (u8::from(prev_space && c == b' ') * NOT_FOLDED);
        prev_space = c == b' ';
    }
    let ends = b.first() == Some(&b' ') || b.last() == Some(&b' ');
    flags | (u8::from(ends) * NOT_FOLDED)
}

/// `scan_bytes` over the whole sixteen-byte blocks of `b` with SSE2 (which
/// every x86_64 processor has): the flags found, 1 where the block's last
/// byte is a space, and how many bytes were read. The first and last
/// bytes of the whole text are left to the caller.
#[cfg(target_arch = "x86_64")]
fn scan16(b: &[u8]) -> (u8, u64, usize) {
    use std::arch::x86_64::{
        __m128i, _mm_and_si128, _mm_cmpeq_epi8, _mm_cmpgt_epi8, _mm_cmplt_epi8, _mm_loadu_si128,
        _mm_movemask_epi8, _mm_or_si128, _mm_set1_epi8,
    };
    let mut chunks = b.chunks_exact(16);
    let (mut high, mut tab, mut markup, mut space, mut doubled) = (0i32, 0i32, 0i32, 0i32, 0i32);
    let mut carry = 0i32;
    for chunk in &mut chunks {
        // SAFETY: SSE2 is part of the x86_64 baseline, so these intrinsics
        // are available; `chunk` holds sixteen readable bytes and
        // `_mm_loadu_si128` needs no alignment.
        unsafe {
            let v = _mm_loadu_si128(chunk.as_ptr().cast::<__m128i>());
            let eq = |c: u8| _mm_cmpeq_epi8(v, _mm_set1_epi8(c as i8));
            // The sign bit of each byte: a byte outside ASCII.
            high |= _mm_movemask_epi8(v);
            tab |= _mm_movemask_epi8(eq(b'\t'));
            markup |= _mm_movemask_epi8(_mm_or_si128(_mm_or_si128(eq(b'*'), eq(b'<')), eq(b'&')));
            // 0x09..=0x0D, compared as signed bytes (those outside ASCII
            // are negative and fail the first test).
            space |= _mm_movemask_epi8(_mm_and_si128(
                _mm_cmpgt_epi8(v, _mm_set1_epi8(0x08)),
                _mm_cmplt_epi8(v, _mm_set1_epi8(0x0E)),
            ));
            let spaces = _mm_movemask_epi8(eq(b' '));
            doubled |= (spaces & (spaces >> 1)) | (spaces & carry);
            carry = (spaces >> 15) & 1;
        }
    }
    let flags = (u8::from(high != 0) * HIGH)
        | (u8::from(tab != 0) * TAB)
        | (u8::from(markup != 0) * MARKUP)
        | (u8::from(space != 0 || doubled != 0) * NOT_FOLDED);
    (flags, carry as u64, b.len() - chunks.remainder().len())
}

/// The top bit of every byte of a word.
pub(crate) const HIGH_BITS: u64 = 0x8080_8080_8080_8080;
/// The low seven bits of every byte of a word.
const LOW_BITS: u64 = 0x7F7F_7F7F_7F7F_7F7F;

/// The top bit of every byte of `x` that is zero (exact: no byte's
/// addition carries into the next).
#[inline]
fn zero_mask(x: u64) -> u64 {
    !(((x & LOW_BITS).wrapping_add(LOW_BITS)) | x | LOW_BITS)
}

/// The top bit of every byte of `x` equal to `c`.
#[inline]
pub(crate) fn eq_mask(x: u64, c: u8) -> u64 {
    zero_mask(x ^ (u64::from(c) * 0x0101_0101_0101_0101))
}

/// The top bit of every byte of `x` at least `n` (`n` at most 0x80).
#[inline]
pub(crate) fn ge_mask(x: u64, n: u8) -> u64 {
    let bias = u64::from(0x80 - n) * 0x0101_0101_0101_0101;
    (((x & LOW_BITS).wrapping_add(bias)) | x) & HIGH_BITS
}

/// Whether `s` holds a byte that `plain` rewrites (`**`, a tag, an entity).
fn has_markup(s: &str) -> bool {
    s.bytes().any(|b| matches!(b, b'*' | b'<' | b'&'))
}

/// `fold(&strip_html(s))`, without the copy `strip_html` makes of a text
/// holding no tag.
pub fn fold_html(s: &str) -> String {
    let flags = scan(s);
    if flags & MARKUP == 0 || !s.contains('<') {
        return fold_scanned(s, flags);
    }
    fold(&strip_html(s))
}

/// Replace HTML tags (`<p>`, `<ol style=…>`, `<u>`) by spaces; list items and
/// paragraphs become separate words, everything else is kept.
pub fn strip_html(s: &str) -> String {
    if !s.contains('<') {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(start) = rest.find('<') {
        out.push_str(&rest[..start]);
        let after = &rest[start..];
        match after.find('>') {
            Some(end) if is_tag(&after[1..end]) => {
                out.push(' ');
                rest = &after[end + 1..];
            }
            _ => {
                out.push('<');
                rest = &after[1..];
            }
        }
    }
    out.push_str(rest);
    // Each `replace` copies the whole text, also when nothing matches:
    // each runs only where its entity is found.
    if !out.contains('&') {
        return out;
    }
    let out = if out.contains("&nbsp;") {
        out.replace("&nbsp;", " ")
    } else {
        out
    };
    if out.contains("&amp;") {
        out.replace("&amp;", "&")
    } else {
        out
    }
}

fn is_tag(inner: &str) -> bool {
    let name = inner.trim_start_matches('/');
    // ASCII letters and digits are one byte each: the name is a prefix.
    let len = name
        .bytes()
        .take_while(|b| b.is_ascii_alphanumeric())
        .count();
    let name = &name[..len];
    [
        "p", "ol", "ul", "li", "u", "b", "i", "em", "strong", "br", "span", "div",
    ]
    .iter()
    .any(|t| name.eq_ignore_ascii_case(t))
}

/// Month names in order, lower case.
pub const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// A month name, full or abbreviated to three letters ("Feb", "Sept").
fn month(input: &str) -> IResult<&str, u32> {
    let (rest, word) = alpha1(input)?;
    // `alpha1` takes ASCII letters only: compare ignoring ASCII case rather
    // than lower-casing a copy of every word a date search passes over.
    let w = word.as_bytes();
    for (i, m) in MONTHS.iter().enumerate() {
        let whole = w.len() == m.len();
        let fits = whole || (w.len() >= 3 && w.len() < m.len());
        if fits && m.as_bytes()[..w.len()].eq_ignore_ascii_case(w) {
            return Ok((rest, i as u32 + 1));
        }
    }
    Err(nom::Err::Error(nom::error::Error::new(
        input,
        nom::error::ErrorKind::Alpha,
    )))
}

/// Whether the whole of `w` is a month's name as `find_date` reads one
/// (full, or cut to three letters or more): "1 `w` 2000" holds a date.
pub fn is_month_name(w: &str) -> bool {
    matches!(month(w), Ok(("", _)))
}

/// A day of the month, with an optional ordinal suffix ("21ST", "3rd").
fn day(input: &str) -> IResult<&str, u32> {
    terminated(
        map_res(
            take_while_m_n(1, 2, |c: char| c.is_ascii_digit()),
            |d: &str| d.parse::<u32>(),
        ),
        opt(alt((
            tag_no_case("st"),
            tag_no_case("nd"),
            tag_no_case("rd"),
            tag_no_case("th"),
        ))),
    )
    .parse(input)
}

fn year(input: &str) -> IResult<&str, u32> {
    map_res(
        recognize(take_while_m_n(4, 4, |c: char| c.is_ascii_digit())),
        |y: &str| y.parse::<u32>(),
    )
    .parse(input)
}

/// "25 February 2015", "21ST MAY, 2015", "15 Mar 2019", "3rd of June 2016".
pub fn long_date(input: &str) -> IResult<&str, (u32, u32, u32)> {
    let (input, d) = day(input)?;
    let (input, _) = space1(input)?;
    let (input, _) = opt(terminated(tag_no_case("of"), space1)).parse(input)?;
    let (input, m) = month(input)?;
    let (input, _) = opt(char(',')).parse(input)?;
    let (input, _) = space1(input)?;
    let (input, y) = year(input)?;
    Ok((input, (d, m, y)))
}

/// "11/07/2013" or "11.07.2013" (day first, as in the UK).
pub fn numeric_date(input: &str) -> IResult<&str, (u32, u32, u32)> {
    let (input, d) = map_res(digit1, |s: &str| s.parse::<u32>()).parse(input)?;
    let (input, sep) = alt((char('/'), char('.'))).parse(input)?;
    let (input, m) = map_res(digit1, |s: &str| s.parse::<u32>()).parse(input)?;
    let (input, _) = char(sep).parse(input)?;
    let (input, y) = year(input)?;
    Ok((input, (d, m, y)))
}

/// "May 2015" is not a date; "February 25, 2015" is (US order, seen in
/// browser-printed pages).
fn us_date(input: &str) -> IResult<&str, (u32, u32, u32)> {
    let (input, m) = month(input)?;
    let (input, _) = space1(input)?;
    let (input, d) = day(input)?;
    let (input, _) = char(',').parse(input)?;
    let (input, _) = space0(input)?;
    let (input, y) = year(input)?;
    Ok((input, (d, m, y)))
}

fn iso(d: u32, m: u32, y: u32) -> Option<String> {
    if !(1..=31).contains(&d) || !(1..=12).contains(&m) || !(1900..=2100).contains(&y) {
        return None;
    }
    Some(format!("{y:04}-{m:02}-{d:02}"))
}

/// The first date in `s`, as ISO 8601.
pub fn find_date(s: &str) -> Option<String> {
    find_date_at(s).map(|(_, iso)| iso)
}

/// The first date in `s`: its byte offset and ISO 8601 form.
pub fn find_date_at(s: &str) -> Option<(usize, String)> {
    let mut prev_alnum = false;
    for (i, c) in s.char_indices() {
        if !prev_alnum && c.is_ascii_alphanumeric() {
            let rest = &s[i..];
            let parsed = alt((long_date, numeric_date, us_date)).parse(rest);
            if let Ok((after, (d, m, y))) = parsed {
                let ends_clean = after
                    .chars()
                    .next()
                    .is_none_or(|c| !c.is_ascii_alphanumeric());
                if ends_clean {
                    if let Some(iso) = iso(d, m, y) {
                        return Some((i, iso));
                    }
                }
            }
        }
        prev_alnum = c.is_alphanumeric();
    }
    None
}

/// "March 2015" (a month and a year, no day), as reduced-precision ISO
/// 8601 "2015-03": how Ofsted dates its publications.
pub fn month_year(input: &str) -> IResult<&str, String> {
    let (input, m) = month(input)?;
    let (input, _) = opt(char(',')).parse(input)?;
    let (input, _) = space1(input)?;
    let (input, y) = year(input)?;
    Ok((input, format!("{y:04}-{m:02}")))
}

/// A line's words without the `**bold**` markers some renderings keep and
/// without HTML fragments, whitespace folded.
pub fn plain(text: &str) -> String {
    let flags = scan(text);
    // Most lines hold no bold marker, tag or entity: fold them directly,
    // without the three copies the general path makes.
    if flags & MARKUP == 0 {
        return fold_scanned(text, flags);
    }
    if !text.contains("**") {
        return fold_html(text);
    }
    fold_html(&text.replace("**", ""))
}

/// `plain`, keeping the cells of a table row apart with " | " (a row's
/// text joins its cells with tabs): "Date of Meeting: | 11 July 2013".
pub fn plain_cells(text: &str) -> String {
    let flags = scan(text);
    if flags & TAB == 0 {
        if flags & MARKUP == 0 {
            return fold_scanned(text, flags);
        }
        return plain(text);
    }
    plain(&text.replace('\t', " | "))
}

/// The furniture phrases, lower case, as `plain` gives them.
const FURNITURE: [&str; 2] = [
    "this page is intentionally left blank",
    "page intentionally left blank",
];

/// `plain_cells`, borrowing `text` where it is its own plain text (most
/// lines): no copy.
pub fn plain_cells_cow(text: &str) -> std::borrow::Cow<'_, str> {
    let flags = scan(text);
    let own = flags & (TAB | MARKUP | NOT_FOLDED) == 0
        && (flags & HIGH == 0 || !has_high_space(text.as_bytes()));
    if own {
        std::borrow::Cow::Borrowed(text)
    } else {
        std::borrow::Cow::Owned(plain_cells(text))
    }
}

/// Page furniture a text rendering keeps but a reader never wants as content.
pub fn is_furniture(text: &str) -> bool {
    // `plain` never lengthens a line, so a shorter one cannot be furniture;
    // a line without markers, tags or entities is compared word by word.
    if text.len() < FURNITURE[1].len() {
        return false;
    }
    // Both phrases open with "this" or "page": a line opening with another
    // ASCII character, and not with a marker, tag or entity `plain` would
    // remove, is not furniture.
    let first = text.bytes().find(|&c| !is_ascii_space(c));
    let other =
        |c: u8| c.is_ascii() && !matches!(c, b't' | b'T' | b'p' | b'P' | b'*' | b'<' | b'&');
    if first.is_some_and(other) {
        return false;
    }
    if !has_markup(text) {
        return FURNITURE.iter().any(|f| {
            let mut words = text.split_whitespace();
            f.split(' ')
                .all(|fw| words.next().is_some_and(|w| w.eq_ignore_ascii_case(fw)))
                && words.next().is_none()
        });
    }
    let t = plain(text).to_ascii_lowercase();
    FURNITURE.contains(&t.as_str())
}

/// `is_furniture` of a line whose `plain` text is already at hand and
/// holds no tab: the phrases compared with the plain text, case-blind,
/// with no second pass over the line.
pub fn is_furniture_plain(plain: &str) -> bool {
    FURNITURE.iter().any(|f| plain.eq_ignore_ascii_case(f))
}

/// Small words kept lower case inside a title-cased name.
const SMALL_WORDS: [&str; 8] = ["and", "of", "the", "for", "to", "in", "on", "at"];

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
    fn month_year_is_reduced_precision_iso() {
        assert_eq!(month_year("March 2015").unwrap().1, "2015-03");
        assert_eq!(month_year("Sept, 2016 x").unwrap().1, "2016-09");
        assert!(month_year("Marching 2015").is_err());
    }

    #[test]
    fn month_names_as_find_date_reads_them() {
        for w in [
            "March",
            "MARCH",
            "Mar",
            "Marc",
            "Ma",
            "Marchx",
            "Sept",
            "September",
            "Septembers",
            "may",
            "Mayé",
            "May-Day",
            "Jun",
            "Juno",
            "Harrow",
            "Dec",
            "Decem",
            "Août",
            "",
            "Of",
            "Augusta",
            "Nov-",
            "Feb",
        ] {
            let dated = find_date(&format!("1 {w} 2000")).is_some();
            assert_eq!(is_month_name(w), dated, "{w:?}");
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
            "**bold**",
            "<p>x</p>",
            "R&amp;D",
            "in\u{a0}Harrow",
            "Children’s Services – Haringey",
            "x\u{2003}y",
            "",
        ] {
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
    fn title_case_only_for_capitals() {
        assert_eq!(
            title_case("PERFORMANCE AND FINANCE SCRUTINY SUB-COMMITTEE"),
            "Performance and Finance Scrutiny Sub-Committee"
        );
        assert_eq!(title_case("SCHOOLS FORUM"), "Schools Forum");
        assert_eq!(title_case("C&YP Scrutiny Panel"), "C&YP Scrutiny Panel");
    }

    #[test]
    fn dates_in_council_styles() {
        assert_eq!(
            find_date("WEDNESDAY 25 FEBRUARY 2015").as_deref(),
            Some("2015-02-25")
        );
        assert_eq!(
            find_date("THURSDAY, 21ST MAY, 2015 at 15:45 HRS").as_deref(),
            Some("2015-05-21")
        );
        assert_eq!(
            find_date("Date of Meeting: 11 July 2013").as_deref(),
            Some("2013-07-11")
        );
        assert_eq!(
            find_date("Panel – 13 December 2016").as_deref(),
            Some("2016-12-13")
        );
        assert_eq!(find_date("on 15 Mar 2019.").as_deref(), Some("2019-03-15"));
        assert_eq!(find_date("dated 11/07/2013").as_deref(), Some("2013-07-11"));
        assert_eq!(
            find_date("February 25, 2015").as_deref(),
            Some("2015-02-25")
        );
        assert_eq!(find_date("in May 2015 and 2016"), None);
        assert_eq!(find_date("32 January 2015"), None);
        assert_eq!(find_date("the 2014-15 level"), None);
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
    fn high_space_bytes_are_the_unicode_whitespace() {
        for c in (0x80..=0x10FFFFu32).filter_map(char::from_u32) {
            let mut buf = [0u8; 4];
            let bytes = c.encode_utf8(&mut buf).as_bytes();
            assert_eq!(has_high_space(bytes), c.is_whitespace(), "{c:?}");
        }
        let spaces: Vec<char> = (0..=0x10FFFFu32)
            .filter_map(char::from_u32)
            .filter(|c| c.is_whitespace())
            .collect();
        for c in spaces {
            let s = format!("{c}a{c}’b{c}{c}é\u{2019}{c}");
            let by_words: Vec<&str> = s.split_whitespace().collect();
            assert_eq!(fold(&s), by_words.join(" "), "{s:?}");
        }
        for s in [
            "a’s – b",
            "x\u{a0}y",
            "p\u{2003}",
            "\u{3000}",
            "£5  6",
            "é",
            " é",
        ] {
            let by_words: Vec<&str> = s.split_whitespace().collect();
            assert_eq!(fold(s), by_words.join(" "), "{s:?}");
            assert_eq!(plain_cells(s), by_words.join(" "), "{s:?}");
        }
    }

    /// `scan` byte by byte, as written first.
    fn scan_naive(b: &[u8]) -> u8 {
        let classes = b.iter().fold(0u8, |acc, &c| {
            acc | (u8::from(c != b' ' && is_ascii_space(c)) * NOT_FOLDED)
                | (u8::from(c >= 0x80) * HIGH)
                | (u8::from(c == b'\t') * TAB)
                | (u8::from(matches!(c, b'*' | b'<' | b'&')) * MARKUP)
        });
        let doubled = b.windows(2).any(|w| w == b"  ");
        let ends = b.first() == Some(&b' ') || b.last() == Some(&b' ');
        classes | (u8::from(doubled || ends) * NOT_FOLDED)
    }

    #[test]
    fn scan_by_words_is_scan_by_bytes() {
        // Every byte value at every offset of lines around a chunk's size,
        // and every place of a doubled space.
        let base = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTU";
        for len in 0..base.len() {
            for at in 0..len {
                for c in 0u8..=0xFF {
                    let mut b = base.as_bytes()[..len].to_vec();
                    b[at] = c;
                    assert_eq!(scan_bytes(&b), scan_naive(&b), "{b:?}");
                }
                let mut b = base.as_bytes()[..len].to_vec();
                b[at] = b' ';
                if at + 1 < len {
                    b[at + 1] = b' ';
                }
                assert_eq!(scan_bytes(&b), scan_naive(&b), "{b:?}");
            }
        }
        for s in [
            "a’s – b",
            "\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}x",
            "12345678  b",
            "1234567 \u{a0}",
            "123456789abcdef  b",
            "123456789abcdef \u{a0}",
            "123456789abcdef\u{a0}123456789abcdef \t",
        ] {
            assert_eq!(scan(s), scan_naive(s.as_bytes()), "{s:?}");
        }
    }

    #[test]
    fn fold_of_every_short_mix_is_split_whitespace() {
        let pieces = ["a", " ", "  ", "\t", "\u{a0}", "’", "é", "\u{2003}"];
        let mut mixes = vec![String::new()];
        for _ in 0..5 {
            let longer: Vec<String> = mixes
                .iter()
                .flat_map(|m| pieces.iter().map(move |p| format!("{m}{p}")))
                .collect();
            for m in &longer {
                let by_words: Vec<&str> = m.split_whitespace().collect();
                assert_eq!(fold_words(m), by_words.join(" "), "{m:?}");
                assert_eq!(fold(m), by_words.join(" "), "{m:?}");
            }
            mixes = longer;
        }
    }

    #[test]
    fn fold_of_longer_mixes_at_every_offset_is_split_whitespace() {
        // Runs past eight bytes, so the word-at-a-time skips are crossed
        // at every place: single spaces before letters, spaces ending a
        // word, doubled and non-ASCII whitespace.
        let pieces = ["ab", " ", "  ", "\t", "\u{a0}", "’", "cdefghi", " x", "y "];
        let mut mixes = vec![String::new()];
        for _ in 0..4 {
            mixes = mixes
                .iter()
                .flat_map(|m| pieces.iter().map(move |p| format!("{m}{p}")))
                .collect();
        }
        for m in &mixes {
            for pad in 0..8 {
                let s = format!("{}{m}", &"1 34 678"[..pad]);
                let by_words: Vec<&str> = s.split_whitespace().collect();
                assert_eq!(fold_words(&s), by_words.join(" "), "{s:?}");
            }
        }
    }

    #[test]
    fn html_fragments_become_spaces() {
        assert_eq!(
            fold(&strip_html("<p>Resolved:-</p> <ol style=\"x\"> 1. That")),
            "Resolved:- 1. That"
        );
        assert_eq!(strip_html("a < b and c > d"), "a < b and c > d");
        assert_eq!(fold(&strip_html("<u>Early Years</u> MM")), "Early Years MM");
        for t in [
            "<u>Early Years</u>  MM",
            " a &amp; b ",
            "a < b",
            "plain  text",
        ] {
            assert_eq!(fold_html(t), fold(&strip_html(t)), "{t:?}");
        }
    }
}

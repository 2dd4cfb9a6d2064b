//! HTML character references: `&amp;`, `&#8217;`, `&#x2013;` -> characters.
//!
//! Owns the named references council web pages use (punctuation, money,
//! the accented letters of English, Welsh and Gaelic names) and every
//! numeric one. An unknown name, or a `&` that opens no reference, is kept
//! as written: text is never dropped for a reference it cannot read.

/// Named references: the punctuation, symbols and Latin letters that occur in
/// council pages. Names are case-sensitive, as in HTML.
const NAMED: &[(&str, char)] = &[
    ("amp", '&'),
    ("lt", '<'),
    ("gt", '>'),
    ("quot", '"'),
    ("apos", '\''),
    ("nbsp", '\u{a0}'),
    ("ensp", '\u{2002}'),
    ("emsp", '\u{2003}'),
    ("thinsp", '\u{2009}'),
    ("zwnj", '\u{200c}'),
    ("zwj", '\u{200d}'),
    ("shy", '\u{ad}'),
    ("ndash", '–'),
    ("mdash", '—'),
    ("minus", '−'),
    ("lsquo", '‘'),
    ("rsquo", '’'),
    ("sbquo", '‚'),
    ("ldquo", '“'),
    ("rdquo", '”'),
    ("bdquo", '„'),
    ("laquo", '«'),
    ("raquo", '»'),
    ("lsaquo", '‹'),
    ("rsaquo", '›'),
    ("hellip", '…'),
    ("bull", '•'),
    ("middot", '·'),
    ("dagger", '†'),
    ("Dagger", '‡'),
    ("prime", '′'),
    ("Prime", '″'),
    ("permil", '‰'),
    ("sect", '§'),
    ("para", '¶'),
    ("copy", '©'),
    ("reg", '®'),
    ("trade", '™'),
    ("pound", '£'),
    ("euro", '€'),
    ("cent", '¢'),
    ("yen", '¥'),
    ("curren", '¤'),
    ("deg", '°'),
    ("plusmn", '±'),
    ("times", '×'),
    ("divide", '÷'),
    ("frac12", '½'),
    ("frac14", '¼'),
    ("frac34", '¾'),
    ("sup1", '¹'),
    ("sup2", '²'),
    ("sup3", '³'),
    ("ordf", 'ª'),
    ("ordm", 'º'),
    ("micro", 'µ'),
    ("iexcl", '¡'),
    ("iquest", '¿'),
    ("brvbar", '¦'),
    ("uml", '¨'),
    ("acute", '´'),
    ("cedil", '¸'),
    ("macr", '¯'),
    ("not", '¬'),
    ("le", '≤'),
    ("ge", '≥'),
    ("ne", '≠'),
    ("larr", '←'),
    ("rarr", '→'),
    ("uarr", '↑'),
    ("darr", '↓'),
    ("harr", '↔'),
    ("check", '✓'),
    ("cross", '✗'),
    ("starf", '★'),
    ("AElig", 'Æ'),
    ("aelig", 'æ'),
    ("OElig", 'Œ'),
    ("oelig", 'œ'),
    ("szlig", 'ß'),
    ("ETH", 'Ð'),
    ("eth", 'ð'),
    ("THORN", 'Þ'),
    ("thorn", 'þ'),
    ("Oslash", 'Ø'),
    ("oslash", 'ø'),
    ("Aring", 'Å'),
    ("aring", 'å'),
    ("Ccedil", 'Ç'),
    ("ccedil", 'ç'),
    ("Ntilde", 'Ñ'),
    ("ntilde", 'ñ'),
    ("Atilde", 'Ã'),
    ("atilde", 'ã'),
    ("Otilde", 'Õ'),
    ("otilde", 'õ'),
    ("Yacute", 'Ý'),
    ("yacute", 'ý'),
    ("yuml", 'ÿ'),
    ("Yuml", 'Ÿ'),
    ("Scaron", 'Š'),
    ("scaron", 'š'),
];

/// Vowels (and the Welsh w and y) that take the accents with regular names:
/// `&eacute;`, `&Acirc;`, `&wcirc;`.
const ACCENTED: &[(char, [char; 4])] = &[
    // grave, acute, circumflex, diaeresis (`uml`)
    ('a', ['à', 'á', 'â', 'ä']),
    ('e', ['è', 'é', 'ê', 'ë']),
    ('i', ['ì', 'í', 'î', 'ï']),
    ('o', ['ò', 'ó', 'ô', 'ö']),
    ('u', ['ù', 'ú', 'û', 'ü']),
];

/// The Welsh circumflexed w and y: `&wcirc;` "ŵ", `&Ycirc;` "Ŷ".
const WELSH: &[(&str, char)] = &[
    ("wcirc", 'ŵ'),
    ("Wcirc", 'Ŵ'),
    ("ycirc", 'ŷ'),
    ("Ycirc", 'Ŷ'),
    ("wuml", 'ẅ'),
    ("ygrave", 'ỳ'),
    ("wgrave", 'ẁ'),
    ("wacute", 'ẃ'),
];

/// Names a browser reads without their closing `;` ("&nbsp", "&amp"), the
/// legacy spellings old pages still carry.
const LEGACY_NO_SEMICOLON: &[&str] = &["amp", "lt", "gt", "quot", "nbsp", "copy", "reg", "pound"];

/// Characters 0x80..=0x9F as Windows-1252 sets them: what a numeric
/// reference in that range (`&#150;`) means on the web, and what those bytes
/// mean in a page saved in Windows-1252. `None` where the code page has no
/// character.
pub(crate) const WINDOWS_1252_HIGH: [Option<char>; 32] = [
    Some('€'),
    None,
    Some('‚'),
    Some('ƒ'),
    Some('„'),
    Some('…'),
    Some('†'),
    Some('‡'),
    Some('ˆ'),
    Some('‰'),
    Some('Š'),
    Some('‹'),
    Some('Œ'),
    None,
    Some('Ž'),
    None,
    None,
    Some('‘'),
    Some('’'),
    Some('“'),
    Some('”'),
    Some('•'),
    Some('–'),
    Some('—'),
    Some('˜'),
    Some('™'),
    Some('š'),
    Some('›'),
    Some('œ'),
    None,
    Some('ž'),
    Some('Ÿ'),
];

/// The character a reference name stands for.
fn named(name: &str) -> Option<char> {
    if let Some(&(_, c)) = NAMED.iter().find(|(n, _)| *n == name) {
        return Some(c);
    }
    if let Some(&(_, c)) = WELSH.iter().find(|(n, _)| *n == name) {
        return Some(c);
    }
    // "eacute", "Acirc", "ouml": a vowel and an accent name.
    let mut chars = name.chars();
    let letter = chars.next()?;
    let accent = chars.as_str();
    let which = ["grave", "acute", "circ", "uml"]
        .iter()
        .position(|a| *a == accent)?;
    let lower = letter.to_ascii_lowercase();
    let (_, forms) = ACCENTED.iter().find(|(l, _)| *l == lower)?;
    let c = forms[which];
    if letter.is_ascii_uppercase() {
        c.to_uppercase().next()
    } else {
        Some(c)
    }
}

/// The character a numeric reference stands for: the Windows-1252 reading
/// of 0x80..=0x9F, U+FFFD for what is no character (0, surrogates, beyond
/// U+10FFFF).
fn numeric(n: u32) -> char {
    if (0x80..=0x9f).contains(&n) {
        if let Some(c) = WINDOWS_1252_HIGH[(n - 0x80) as usize] {
            return c;
        }
    }
    if n == 0 {
        return '\u{fffd}';
    }
    char::from_u32(n).unwrap_or('\u{fffd}')
}

/// The reference at the start of `s` (which opens with `&`): its character
/// and its length in bytes.
pub(crate) fn reference(s: &str) -> Option<(char, usize)> {
    let b = s.as_bytes();
    if b.get(1) == Some(&b'#') {
        let hex = matches!(b.get(2), Some(b'x' | b'X'));
        let start = if hex { 3 } else { 2 };
        let digits = b[start..]
            .iter()
            .take_while(|c| {
                if hex {
                    c.is_ascii_hexdigit()
                } else {
                    c.is_ascii_digit()
                }
            })
            .count();
        if digits == 0 {
            return None;
        }
        let text = &s[start..start + digits];
        let n = u32::from_str_radix(text, if hex { 16 } else { 10 }).unwrap_or(u32::MAX);
        let end = start + digits;
        let end = if b.get(end) == Some(&b';') {
            end + 1
        } else {
            end
        };
        return Some((numeric(n), end));
    }
    let len = b[1..]
        .iter()
        .take_while(|c| c.is_ascii_alphanumeric())
        .count();
    if len == 0 {
        return None;
    }
    let name = &s[1..1 + len];
    if b.get(1 + len) == Some(&b';') {
        return named(name).map(|c| (c, len + 2));
    }
    LEGACY_NO_SEMICOLON
        .contains(&name)
        .then(|| named(name).map(|c| (c, len + 1)))
        .flatten()
}

/// `s` with its character references replaced by the characters they stand
/// for; anything that is no reference is kept as written.
pub fn decode(s: &str) -> String {
    if !s.contains('&') {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(k) = rest.find('&') {
        out.push_str(&rest[..k]);
        let at = &rest[k..];
        match reference(at) {
            Some((c, len)) => {
                out.push(c);
                rest = &at[len..];
            }
            None => {
                out.push('&');
                rest = &at[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn named_numeric_and_legacy_references() {
        // From a council page's payments table and minutes.
        assert_eq!(decode("K&amp;M Lighting"), "K&M Lighting");
        assert_eq!(decode("i)&nbsp;&nbsp;Accounts"), "i)\u{a0}\u{a0}Accounts");
        assert_eq!(decode("Councillor&rsquo;s report"), "Councillor’s report");
        assert_eq!(decode("2014&ndash;15 &pound;51.40"), "2014–15 £51.40");
        assert_eq!(decode("Caf&eacute; &Eacute;glise"), "Café Église");
        assert_eq!(decode("Cyngor Cymuned Llan&wcirc;"), "Cyngor Cymuned Llanŵ");
        assert_eq!(decode("&#8217;&#x2013;&#X2014;"), "’–—");
        // Windows-1252 numbers, as old pages write dashes and quotes.
        assert_eq!(decode("&#150; &#146;"), "– ’");
        assert_eq!(decode("fish &amp chips &nbsp"), "fish & chips \u{a0}");
        assert_eq!(
            decode("&#0;&#xD800;&#99999999999;"),
            "\u{fffd}\u{fffd}\u{fffd}"
        );
    }

    #[test]
    fn what_is_no_reference_stays() {
        for s in [
            "R & D",
            "a &b",
            "&unknown;",
            "&",
            "&#;",
            "&#x;",
            "AT&T",
            "&copyright",
        ] {
            assert_eq!(decode(s), s, "{s}");
        }
    }
}

//! A fast reader for the common shape of page content streams.
//!
//! lopdf's `Content::decode` is a general nom grammar that builds every
//! operand through a chain of alternatives; on text-heavy pages it is most of
//! the cost of reading a PDF. Almost every content stream written by office
//! suites and PDF libraries uses a small subset of the syntax: numbers,
//! names, literal and hex strings, arrays of those, and operators separated
//! by spaces and newlines, with comments between operations. `decode` reads
//! exactly that subset in one pass and returns `None` as soon as it meets
//! anything else (inline images, keywords such as `null`, comments inside
//! arrays, bytes lopdf would stop at), so the caller falls back to lopdf for
//! the whole stream. Where it returns `Some`, the result equals what
//! `lopdf::content::Content::decode` returns for the same bytes
//! (`matches_lopdf` is there for tests to check that), but for one thing:
//! a comment followed by a blank or indented line, where lopdf stops reading
//! and this reader reads on (see `skip_content_space`).

use lopdf::content::{Content, Operation};
use lopdf::{Dictionary, Object, StringFormat};

/// Deepest nesting of arrays or parentheses read here (lopdf allows 100;
/// deeper input is left to lopdf).
const MAX_DEPTH: usize = 16;

/// The operations of a content stream, or `None` if the stream uses syntax
/// outside the subset read here.
pub fn decode(data: &[u8]) -> Option<Content<Vec<Operation>>> {
    decode_marking_comments(data).map(|(content, _)| content)
}

/// `decode`, and where the comments it skipped lie (byte ranges).
fn decode_marking_comments(data: &[u8]) -> Option<(Content<Vec<Operation>>, Vec<std::ops::Range<usize>>)> {
    let mut r = Reader { data, pos: 0, comments: Vec::new() };
    let mut operations = Vec::with_capacity(data.len() / 16);
    let mut operands = Vec::new();
    r.skip_content_space();
    while r.pos < data.len() {
        let c = data[r.pos];
        if is_operator_byte(c) {
            let start = r.pos;
            while r.pos < data.len() && is_operator_byte(data[r.pos]) {
                r.pos += 1;
            }
            let word = &data[start..r.pos];
            // Keywords lopdf reads as operands, and inline images, are left
            // to lopdf.
            if word.starts_with(b"null")
                || word.starts_with(b"true")
                || word.starts_with(b"false")
                || word.starts_with(b"BI")
            {
                return None;
            }
            // Operator bytes are ASCII, so this cannot fail.
            let operator = std::str::from_utf8(word).ok()?.to_string();
            operations.push(Operation {
                operator,
                operands: std::mem::take(&mut operands),
            });
        } else {
            operands.push(r.operand(0)?);
        }
        r.skip_content_space();
    }
    // Operands with no operator after them: lopdf drops them; leave the
    // exact behaviour to it.
    if !operands.is_empty() {
        return None;
    }
    Some((Content { operations }, r.comments))
}

/// Whether `decode` agrees with lopdf on `data`: it may decline, never
/// differ. The comments it read are blanked out (spaces) for lopdf first,
/// as lopdf stops at a comment followed by a blank or indented line.
pub fn matches_lopdf(data: &[u8]) -> bool {
    let (ours, comments) = match decode_marking_comments(data) {
        Some(c) => c,
        None => return true,
    };
    let mut blanked = data.to_vec();
    for range in comments {
        blanked[range].fill(b' ');
    }
    let theirs = match Content::decode(&blanked) {
        Ok(c) => c,
        Err(_) => return false,
    };
    ours.operations.len() == theirs.operations.len()
        && ours
            .operations
            .iter()
            .zip(&theirs.operations)
            .all(|(a, b)| a.operator == b.operator && a.operands == b.operands)
}

/// Bytes lopdf's content grammar takes as part of an operator.
fn is_operator_byte(c: u8) -> bool {
    c.is_ascii_alphabetic() || c == b'*' || c == b'\'' || c == b'"'
}

/// PDF white-space (lopdf's `is_whitespace`).
fn is_whitespace(c: u8) -> bool {
    matches!(c, b' ' | b'\t' | b'\n' | b'\r' | 0 | 0x0c)
}

fn is_delimiter(c: u8) -> bool {
    matches!(
        c,
        b'(' | b')' | b'<' | b'>' | b'[' | b']' | b'{' | b'}' | b'/' | b'%'
    )
}

fn hex_value(c: u8) -> Option<u8> {
    match c {
        b'0'..=b'9' => Some(c - b'0'),
        b'a'..=b'f' => Some(c - b'a' + 10),
        b'A'..=b'F' => Some(c - b'A' + 10),
        _ => None,
    }
}

struct Reader<'a> {
    data: &'a [u8],
    pos: usize,
    /// The comments skipped so far.
    comments: Vec<std::ops::Range<usize>>,
}

impl Reader<'_> {
    fn peek(&self) -> Option<u8> {
        self.data.get(self.pos).copied()
    }

    /// lopdf's `content_space` (only these four, not NUL or form feed),
    /// and comments between operations: `%` to the end of its line.
    ///
    /// Here a comment is white-space, as the PDF syntax says. lopdf's
    /// grammar takes a comment only right before an operation's first
    /// byte, so a comment followed by a blank or indented line ends its
    /// reading of the stream: a scanner's `% CANON_PFINF_TYPE0_TEXTOFF`
    /// content stream before the one that draws the scan left the page
    /// empty. So on comments this reader differs from lopdf: it reads on.
    fn skip_content_space(&mut self) {
        loop {
            match self.peek() {
                Some(b' ' | b'\t' | b'\r' | b'\n') => self.pos += 1,
                Some(b'%') => {
                    let start = self.pos;
                    while !matches!(self.peek(), None | Some(b'\r' | b'\n')) {
                        self.pos += 1;
                    }
                    self.comments.push(start..self.pos);
                }
                _ => return,
            }
        }
    }

    /// White-space inside arrays (lopdf's `space`, without comments).
    fn skip_whitespace(&mut self) {
        while self.peek().is_some_and(is_whitespace) {
            self.pos += 1;
        }
    }

    fn operand(&mut self, depth: usize) -> Option<Object> {
        match self.peek()? {
            b'0'..=b'9' | b'+' | b'-' | b'.' => self.number(),
            b'/' => self.name().map(Object::Name),
            b'(' => self.literal_string(),
            b'<' if self.data.get(self.pos + 1) == Some(&b'<') => self.dictionary(depth),
            b'<' => self.hex_string(),
            b'[' => self.array(depth),
            _ => None,
        }
    }

    /// lopdf's `real` (sign, digits "." digits*, or "." digits+) tried
    /// before `integer` (sign, digits+).
    fn number(&mut self) -> Option<Object> {
        let start = self.pos;
        if let Some(b'+' | b'-') = self.peek() {
            self.pos += 1;
        }
        let int_start = self.pos;
        while self.peek().is_some_and(|c| c.is_ascii_digit()) {
            self.pos += 1;
        }
        let int_digits = self.pos - int_start;
        if self.peek() == Some(b'.') {
            let dot = self.pos;
            self.pos += 1;
            let frac_start = self.pos;
            while self.peek().is_some_and(|c| c.is_ascii_digit()) {
                self.pos += 1;
            }
            if int_digits > 0 || self.pos > frac_start {
                let text = std::str::from_utf8(&self.data[start..self.pos]).ok()?;
                return text.parse::<f32>().ok().map(Object::Real);
            }
            self.pos = dot;
        }
        if int_digits == 0 {
            return None;
        }
        // What `i64::from_str` gives for these bytes, without the string:
        // integers (TJ kerning, coordinates) are most of the operands.
        let negative = self.data[start] == b'-';
        let mut value: i64 = 0;
        for &d in &self.data[int_start..self.pos] {
            value = value.checked_mul(10)?.checked_add(i64::from(d - b'0'))?;
        }
        Some(Object::Integer(if negative { -value } else { value }))
    }

    /// lopdf's `name`: "/" then regular bytes, "#" with two hex digits.
    fn name(&mut self) -> Option<Vec<u8>> {
        self.pos += 1;
        let mut out = Vec::new();
        while let Some(c) = self.peek() {
            if c == b'#' {
                let hi = hex_value(*self.data.get(self.pos + 1)?)?;
                let lo = hex_value(*self.data.get(self.pos + 2)?)?;
                out.push(hi << 4 | lo);
                self.pos += 3;
            } else if !is_whitespace(c) && !is_delimiter(c) {
                out.push(c);
                self.pos += 1;
            } else {
                break;
            }
        }
        Some(out)
    }

    /// lopdf's `literal_string`: escapes, line continuations, balanced
    /// parentheses kept; end-of-line bytes kept as written.
    fn literal_string(&mut self) -> Option<Object> {
        self.pos += 1;
        let mut out = Vec::new();
        let mut depth = 0usize;
        loop {
            let c = self.peek()?;
            self.pos += 1;
            match c {
                b'(' => {
                    depth += 1;
                    if depth > MAX_DEPTH {
                        return None;
                    }
                    out.push(c);
                }
                b')' => {
                    if depth == 0 {
                        return Some(Object::String(out, StringFormat::Literal));
                    }
                    depth -= 1;
                    out.push(c);
                }
                b'\\' => {
                    let e = self.peek()?;
                    self.pos += 1;
                    match e {
                        b'0'..=b'7' => {
                            let mut value = u16::from(e - b'0');
                            for _ in 0..2 {
                                match self.peek() {
                                    Some(d @ b'0'..=b'7') => {
                                        value = value * 8 + u16::from(d - b'0');
                                        self.pos += 1;
                                    }
                                    _ => break,
                                }
                            }
                            out.push(value as u8);
                        }
                        b'\r' => {
                            if self.peek() == Some(b'\n') {
                                self.pos += 1;
                            }
                        }
                        b'\n' => {}
                        b'n' => out.push(b'\n'),
                        b'r' => out.push(b'\r'),
                        b't' => out.push(b'\t'),
                        b'b' => out.push(0x08),
                        b'f' => out.push(0x0c),
                        other => out.push(other),
                    }
                }
                other => out.push(other),
            }
        }
    }

    /// lopdf's `hexadecimal_string`: hex digits with white-space between,
    /// an odd last digit padded with 0.
    fn hex_string(&mut self) -> Option<Object> {
        self.pos += 1;
        let mut out = Vec::new();
        let mut high: Option<u8> = None;
        loop {
            self.skip_whitespace();
            let c = self.peek()?;
            self.pos += 1;
            if c == b'>' {
                if let Some(h) = high {
                    out.push(h << 4);
                }
                return Some(Object::String(out, StringFormat::Hexadecimal));
            }
            let v = hex_value(c)?;
            match high.take() {
                Some(h) => out.push(h << 4 | v),
                None => high = Some(v),
            }
        }
    }

    /// lopdf's `dictionary` (marked-content properties such as
    /// `<< /MCID 3 >>`), for values of the operands above. A repeated key
    /// keeps its first place and its last value, as `Dictionary::set` does.
    fn dictionary(&mut self, depth: usize) -> Option<Object> {
        if depth >= MAX_DEPTH {
            return None;
        }
        self.pos += 2;
        let mut dict = Dictionary::new();
        loop {
            self.skip_whitespace();
            match self.peek()? {
                b'>' if self.data.get(self.pos + 1) == Some(&b'>') => {
                    self.pos += 2;
                    return Some(Object::Dictionary(dict));
                }
                b'/' => {
                    let key = self.name()?;
                    self.skip_whitespace();
                    let value = self.operand(depth + 1)?;
                    dict.set(key, value);
                }
                _ => return None,
            }
        }
    }

    /// lopdf's `array`, for arrays of the operands above.
    fn array(&mut self, depth: usize) -> Option<Object> {
        if depth >= MAX_DEPTH {
            return None;
        }
        self.pos += 1;
        let mut items = Vec::new();
        loop {
            self.skip_whitespace();
            match self.peek()? {
                b']' => {
                    self.pos += 1;
                    return Some(Object::Array(items));
                }
                // lopdf reads "1 0 R" as a reference inside arrays; the "R"
                // is not an operand here, so such arrays are left to it.
                _ => items.push(self.operand(depth + 1)?),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn agrees_with_lopdf_on_text_operators() {
        let cases: &[&[u8]] = &[
            b"BT /F1 12 Tf 72 720 Td (Hello \\(world\\)) Tj ET",
            b"BT\n/F2 9.96 Tf\n1 0 0 -1 56.8 27.7 Tm[<0041>-3<0042> 5.5 <4>]TJ\nET\n",
            b"q 0.5 0 0 0.5 .5 -.25 cm 1 g 0 0 10 10 re f Q",
            b"(a\\\nb\\101\\7x\\\r\nc(nested)) Tj T* (x)' 1 2 (y)\"",
            b"/A#20B 1 Tf 5. 0 Td",
            b"[(a) 1 0 R] TJ",
            b"% comment\nq Q",
            b"<< /MCID 0 >> BDC EMC",
            b"1 2",
            b"null 1 Tf",
        ];
        for case in cases {
            assert!(matches_lopdf(case), "{}", String::from_utf8_lossy(case));
        }
        assert!(decode(b"BT /F1 12 Tf 72 720 Td (Hi) Tj ET").is_some());
        assert!(decode(b"% comment\nq Q").is_some());
    }

    /// The two content streams of a page of Canon's IJ Scan Utility
    /// (Tintern Community Council's scanned annual return), as the page
    /// joins them: a comment, a blank line, then the scan drawn across the
    /// page. lopdf stops at the blank line after the comment; read here,
    /// the image is drawn.
    #[test]
    fn a_comment_before_a_blank_line_does_not_end_the_stream() {
        let page = b"% CANON_PFINF_TYPE0_TEXTOFF\n\nq\n595.20 0 0 841.68 0.00 0.00 cm\n/Obj5 Do\nQ\n\n";
        let ops: Vec<String> = decode(page)
            .unwrap()
            .operations
            .into_iter()
            .map(|o| o.operator)
            .collect();
        assert_eq!(ops, ["q", "cm", "Do", "Q"]);
        assert!(Content::decode(page).unwrap().operations.is_empty());
        assert!(matches_lopdf(page));
        // A `%` inside a string is text, not a comment.
        let text = decode(b"BT (100%) Tj ET").unwrap();
        assert_eq!(
            text.operations[1].operands[0],
            Object::String(b"100%".to_vec(), StringFormat::Literal)
        );
        assert!(decode(b"[(a) 1 0 R] TJ").is_none());
    }
}

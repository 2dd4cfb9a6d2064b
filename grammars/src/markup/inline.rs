//! Markdown inline marks -> the text a reader sees, and which of it is bold.
//!
//! `**bold**` and `__bold__` make text bold; `*em*` and `_em_` lose their
//! marks (emphasis is not bold); the pairing follows CommonMark's delimiter
//! runs, so `snake_case`, `2 * 3` and a lone `*` stay as written. Links
//! `[text](url)` keep their text, images are dropped, `` `code` `` keeps its
//! content, `\*` escapes give the character, inline HTML tags are removed
//! (`<b>`/`<strong>` make text bold), character references are decoded.
//! A paragraph is read as a whole, since bold may run over a line break.
//! Owns no block structure: `markdown` finds the paragraphs.

use super::entities;
use super::Styled;

/// How a character of the source came out.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Kind {
    /// Text, as it is.
    Text,
    /// One character of the delimiter run with this index.
    Delim(usize),
    /// A zero-width mark: inline HTML opening (`true`) or closing bold.
    HtmlBold(bool),
}

#[derive(Debug, Clone, Copy)]
struct Atom {
    c: char,
    kind: Kind,
    line: usize,
}

/// A run of `*` or `_`, and what it may do.
#[derive(Debug, Clone)]
struct Run {
    ch: char,
    /// Index of its first atom.
    start: usize,
    len: usize,
    can_open: bool,
    can_close: bool,
    /// Characters not yet used by a match: an opener gives up its rightmost
    /// ones, a closer its leftmost ones.
    left: usize,
    right: usize,
}

impl Run {
    fn remaining(&self) -> usize {
        self.right - self.left
    }
}

/// CommonMark's punctuation: what is neither a letter or digit nor a space.
fn is_punct(c: char) -> bool {
    !c.is_alphanumeric() && !c.is_whitespace()
}

struct Scanner {
    atoms: Vec<Atom>,
    runs: Vec<Run>,
    line: usize,
}

impl Scanner {
    fn text(&mut self, c: char) {
        self.atoms.push(Atom {
            c,
            kind: Kind::Text,
            line: self.line,
        });
    }

    fn text_str(&mut self, s: &str) {
        for c in s.chars() {
            self.text(c);
        }
    }

    /// Read one line's inline source (or a link's text) into atoms.
    fn scan(&mut self, s: &str, depth: u32) {
        let mut i = 0;
        while i < s.len() {
            let rest = &s[i..];
            let Some(c) = rest.chars().next() else { break };
            match c {
                '\\' => {
                    let next = rest[1..].chars().next();
                    match next {
                        Some(n) if n.is_ascii_punctuation() => {
                            self.text(n);
                            i += 2;
                        }
                        // A hard line break.
                        None => i += 1,
                        _ => {
                            self.text('\\');
                            i += 1;
                        }
                    }
                }
                '`' => {
                    let ticks = rest.bytes().take_while(|&b| b == b'`').count();
                    let fence = &rest[..ticks];
                    let body = &rest[ticks..];
                    match find_code_end(body, ticks) {
                        Some(end) => {
                            let code = &body[..end];
                            let code = if code.len() > 1
                                && code.starts_with(' ')
                                && code.ends_with(' ')
                                && !code.trim().is_empty()
                            {
                                &code[1..code.len() - 1]
                            } else {
                                code
                            };
                            self.text_str(code);
                            i += ticks + end + ticks;
                        }
                        None => {
                            self.text_str(fence);
                            i += ticks;
                        }
                    }
                }
                '!' if rest[1..].starts_with('[') => match link(&rest[1..]) {
                    // An image: a reader sees the picture, not its alt text.
                    Some((_, len)) => i += 1 + len,
                    None => {
                        self.text('!');
                        i += 1;
                    }
                },
                '[' => match link(rest) {
                    Some((inner, len)) if depth < 4 => {
                        self.scan(inner, depth + 1);
                        i += len;
                    }
                    _ => {
                        self.text('[');
                        i += 1;
                    }
                },
                '<' => i += self.angle(rest),
                '&' => match entities::reference(rest) {
                    Some((c, len)) => {
                        self.text(c);
                        i += len;
                    }
                    None => {
                        self.text('&');
                        i += 1;
                    }
                },
                '*' | '_' => {
                    let len = rest.bytes().take_while(|&b| b == c as u8).count();
                    let prev = s[..i].chars().next_back().unwrap_or(' ');
                    let next = rest[len..].chars().next().unwrap_or(' ');
                    let left_flanking = !next.is_whitespace()
                        && (!is_punct(next) || prev.is_whitespace() || is_punct(prev));
                    let right_flanking = !prev.is_whitespace()
                        && (!is_punct(prev) || next.is_whitespace() || is_punct(next));
                    let (can_open, can_close) = if c == '*' {
                        (left_flanking, right_flanking)
                    } else {
                        (
                            left_flanking && (!right_flanking || is_punct(prev)),
                            right_flanking && (!left_flanking || is_punct(next)),
                        )
                    };
                    let run = self.runs.len();
                    self.runs.push(Run {
                        ch: c,
                        start: self.atoms.len(),
                        len,
                        can_open,
                        can_close,
                        left: 0,
                        right: len,
                    });
                    for _ in 0..len {
                        self.atoms.push(Atom {
                            c,
                            kind: Kind::Delim(run),
                            line: self.line,
                        });
                    }
                    i += len;
                }
                _ => {
                    self.text(c);
                    i += c.len_utf8();
                }
            }
        }
    }

    /// Read what opens with `<`: an autolink keeps its address, a tag goes
    /// (`<b>`, `<strong>` marking bold, `<br>` a space), a comment goes; a
    /// `<` that opens none of these is text. Returns the bytes taken.
    fn angle(&mut self, rest: &str) -> usize {
        if let Some(end) = rest.strip_prefix("<!--").and_then(|r| r.find("-->")) {
            return 4 + end + 3;
        }
        let Some(close) = rest.find('>') else {
            self.text('<');
            return 1;
        };
        let inner = &rest[1..close];
        let is_autolink = !inner.contains(char::is_whitespace)
            && (inner.contains("://") || inner.starts_with("mailto:") || inner.contains('@'))
            && !inner.is_empty();
        if is_autolink {
            self.text_str(inner.strip_prefix("mailto:").unwrap_or(inner));
            return close + 1;
        }
        let closing = inner.starts_with('/');
        let name: String = inner
            .trim_start_matches('/')
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric())
            .collect::<String>()
            .to_ascii_lowercase();
        let is_tag = inner
            .trim_start_matches('/')
            .starts_with(|c: char| c.is_ascii_alphabetic());
        if !is_tag {
            self.text('<');
            return 1;
        }
        match name.as_str() {
            "b" | "strong" => self.atoms.push(Atom {
                c: ' ',
                kind: Kind::HtmlBold(!closing),
                line: self.line,
            }),
            "br" => self.text(' '),
            _ => {}
        }
        close + 1
    }
}

/// Where a code span opened by `ticks` backticks ends in `body`: the start
/// of a run of exactly as many.
fn find_code_end(body: &str, ticks: usize) -> Option<usize> {
    let b = body.as_bytes();
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'`' {
            let n = b[i..].iter().take_while(|&&c| c == b'`').count();
            if n == ticks {
                return Some(i);
            }
            i += n;
        } else {
            i += 1;
        }
    }
    None
}

/// A link at the start of `s` (`[text](url "title")`, `[text][ref]`,
/// `[text][]`): its text and its length in bytes.
fn link(s: &str) -> Option<(&str, usize)> {
    let b = s.as_bytes();
    let mut depth = 0;
    let mut i = 0;
    let close = loop {
        match b.get(i)? {
            b'\\' => i += 1,
            b'[' => depth += 1,
            b']' => {
                depth -= 1;
                if depth == 0 {
                    break i;
                }
            }
            _ => {}
        }
        i += 1;
    };
    let text = &s[1..close];
    match b.get(close + 1) {
        Some(b'(') => {
            let mut depth = 0;
            let mut j = close + 1;
            loop {
                match b.get(j)? {
                    b'\\' => j += 1,
                    b'(' => depth += 1,
                    b')' => {
                        depth -= 1;
                        if depth == 0 {
                            return Some((text, j + 1));
                        }
                    }
                    _ => {}
                }
                j += 1;
            }
        }
        Some(b'[') => {
            let end = s[close + 1..].find(']')?;
            Some((text, close + 1 + end + 1))
        }
        _ => None,
    }
}

/// Pair the delimiter runs as CommonMark's "process emphasis" does, and mark
/// which atoms are bold (`strong`) and which delimiters are used up.
fn pair_runs(atoms: &[Atom], runs: &mut [Run]) -> (Vec<bool>, Vec<bool>) {
    let n = atoms.len();
    let mut removed = vec![false; n];
    let mut depth = vec![0i32; n + 1];
    let mut openers: Vec<usize> = Vec::new();
    for r in 0..runs.len() {
        if runs[r].can_close {
            while runs[r].remaining() > 0 {
                let found = openers.iter().rposition(|&o| {
                    let (op, cl) = (&runs[o], &runs[r]);
                    op.ch == cl.ch
                        && op.remaining() > 0
                        // The rule of three: `*foo**bar*` is not `foo` bold.
                        && !((op.can_close || cl.can_open)
                            && (op.len + cl.len) % 3 == 0
                            && !(op.len % 3 == 0 && cl.len % 3 == 0))
                });
                let Some(k) = found else { break };
                let o = openers[k];
                let used = if runs[o].remaining() >= 2 && runs[r].remaining() >= 2 {
                    2
                } else {
                    1
                };
                let open_end = runs[o].start + runs[o].right;
                let open_from = open_end - used;
                let close_from = runs[r].start + runs[r].left;
                for a in removed.iter_mut().take(open_end).skip(open_from) {
                    *a = true;
                }
                for a in removed.iter_mut().skip(close_from).take(used) {
                    *a = true;
                }
                if used == 2 {
                    depth[open_end] += 1;
                    depth[close_from] -= 1;
                }
                runs[o].right -= used;
                runs[r].left += used;
                // Openers between the pair can no longer close anything.
                openers.truncate(k + 1);
                if runs[o].remaining() == 0 {
                    openers.pop();
                }
            }
        }
        if runs[r].remaining() > 0 && runs[r].can_open {
            openers.push(r);
        }
    }
    let mut strong = Vec::with_capacity(n);
    let mut d = 0;
    for delta in depth.iter().take(n) {
        d += delta;
        strong.push(d > 0);
    }
    (strong, removed)
}

/// The text of each line of a paragraph, marks removed, with its bold.
pub(crate) fn paragraph(lines: &[&str]) -> Vec<Styled> {
    let mut sc = Scanner {
        atoms: Vec::new(),
        runs: Vec::new(),
        line: 0,
    };
    for (k, line) in lines.iter().enumerate() {
        sc.line = k;
        sc.scan(line, 0);
    }
    let (strong, removed) = pair_runs(&sc.atoms, &mut sc.runs);
    let mut out = vec![Styled::default(); lines.len()];
    let mut html_bold = 0u32;
    for (k, atom) in sc.atoms.iter().enumerate() {
        match atom.kind {
            Kind::HtmlBold(open) => {
                html_bold = if open {
                    html_bold + 1
                } else {
                    html_bold.saturating_sub(1)
                };
            }
            _ if removed[k] => {}
            _ => out[atom.line].push_char(atom.c, strong[k] || html_bold > 0),
        }
    }
    out
}

/// The text of one line read alone (a heading, a table cell).
pub(crate) fn line(s: &str) -> Styled {
    paragraph(&[s]).pop().unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn show(s: &str) -> String {
        let st = line(s);
        format!("{}{}", if st.mostly_bold() { "B " } else { "" }, st.text())
    }

    #[test]
    fn bold_and_emphasis_lose_their_marks() {
        // Real lines of parish minutes kept as markdown.
        assert_eq!(show("**1. Apologies**"), "B 1. Apologies");
        assert_eq!(
            show("**Present**: Miss Jane Ritchie, Mr Andrew Landau, Mrs Sally Sahin"),
            "Present: Miss Jane Ritchie, Mr Andrew Landau, Mrs Sally Sahin"
        );
        assert_eq!(show("Alan McFadzean—_Chair_"), "Alan McFadzean—Chair");
        assert_eq!(
            show("**_i)_**        **_Chairman’s Report:_**"),
            "B i) Chairman’s Report:"
        );
        assert_eq!(
            show(" **2.** **Chairman to sign Declaration of Office**"),
            "B 2. Chairman to sign Declaration of Office"
        );
        assert_eq!(
            show("RESOLVED: To set the Precept for 2026/27 at **£7,800.00** , and to instruct"),
            "RESOLVED: To set the Precept for 2026/27 at £7,800.00 , and to instruct"
        );
        assert_eq!(show("***both***"), "B both");
        assert_eq!(
            show("__Minutes of the meeting__"),
            "B Minutes of the meeting"
        );
        assert_eq!(show("__Minutes__ of the meeting"), "Minutes of the meeting");
    }

    #[test]
    fn what_is_no_mark_stays() {
        for s in [
            "snake_case_name and 2 * 3 * 4",
            "Cllr Smith *",
            "* not a pair",
            "a ** b",
            "file__name__here",
        ] {
            assert_eq!(show(s), s, "{s}");
        }
        assert_eq!(show("*foo**bar*"), "foo**bar");
    }

    #[test]
    fn bold_runs_over_a_line_break() {
        let p = paragraph(&["**Bold", "still bold**", "plain"]);
        assert_eq!(p[0].text(), "Bold");
        assert!(p[0].mostly_bold() && p[1].mostly_bold() && !p[2].mostly_bold());
        assert_eq!(p[1].text(), "still bold");
    }

    #[test]
    fn links_code_escapes_html_and_references() {
        assert_eq!(
            show("See [the agenda](https://example.org/a_(1).pdf \"Agenda\") and [minutes][m]"),
            "See the agenda and minutes"
        );
        assert_eq!(show("![Council crest](crest.png)Minutes"), "Minutes");
        assert_eq!(
            show("1\\. Apologies \\*not bold\\*"),
            "1. Apologies *not bold*"
        );
        assert_eq!(show("run `**not bold**` here"), "run **not bold** here");
        assert_eq!(show("<center>Minutes</center> <u>held</u>"), "Minutes held");
        assert_eq!(show("<strong>Present:</strong> All"), "B Present: All");
        assert_eq!(
            show("K&amp;M Lighting &pound;29.12 a < b"),
            "K&M Lighting £29.12 a < b"
        );
        assert_eq!(
            show("Mail <clerk@example.org> or <https://example.org>"),
            "Mail clerk@example.org or https://example.org"
        );
        assert_eq!(
            show("[not a link] and [unclosed"),
            "[not a link] and [unclosed"
        );
        assert_eq!(
            show("Project Account: £368.13\\"),
            "Project Account: £368.13"
        );
    }
}

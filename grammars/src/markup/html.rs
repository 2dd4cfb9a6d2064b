//! The HTML reader: a council's web page of minutes -> one page of lines.
//!
//! A tolerant hand-written tokenizer (tags, text, comments; the content of
//! `script`, `style` and `title` read raw) feeds a line builder that knows
//! which elements end a line: `p`, `div`, `br`, `li`, `h1`-`h6`, `tr` and the
//! other block elements. `h1`-`h6` give the line its heading level and make
//! it bold, `strong`/`b`/`th` make text bold, an `ol`'s items get their
//! number ("4. ", from `start` and `value`) and a `ul`'s a "- ". A table row
//! of two or more cells is one line with a cell per `td`/`th`; a row of one
//! cell is a layout box, and its content comes out as ordinary lines.
//! `head`, `script`, `style` and `template` are dropped. Missing end tags are
//! closed where the next element shows they must be. Owns no markdown:
//! `markdown` hands its HTML blocks here.

use super::entities::{decode, WINDOWS_1252_HIGH};
use super::{page, row_line, text_line, RowCell, Styled};
use crate::input::{Line, Page};

/// Read an HTML page into one page of lines.
pub fn from_html(html: &str) -> Vec<Page> {
    let mut tables = 0;
    let mut pages = vec![page(1, lines(html, &mut tables))];
    crate::input::text_typography(&mut pages);
    pages
}

/// The lines of an HTML document or fragment; tables are numbered from
/// `*tables` on, which is left at the next free number.
pub(crate) fn lines(html: &str, tables: &mut u32) -> Vec<Line> {
    let mut reader = Reader::new();
    for token in Tokens::new(html) {
        reader.token(token);
    }
    let mut lines = reader.finish();
    // Tables are numbered as they come on the page (one read inside a
    // cell of another leaves no row of its own).
    let mut seen: Vec<u32> = Vec::new();
    for line in &mut lines {
        if let Some(t) = line.table {
            let k = seen.iter().position(|&s| s == t).unwrap_or_else(|| {
                seen.push(t);
                seen.len() - 1
            });
            line.table = Some(*tables + k as u32);
        }
    }
    *tables += seen.len() as u32;
    lines
}

/// The text of an HTML file's bytes: UTF-8 (a byte-order mark dropped), or,
/// as a browser reads an English page that is not UTF-8, Windows-1252 (what
/// older council pages are saved in, declared or not). `None` for a page
/// that declares another character set.
pub fn decode_bytes(bytes: &[u8]) -> Option<String> {
    let bytes = bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(bytes);
    if let Ok(s) = std::str::from_utf8(bytes) {
        return Some(s.to_string());
    }
    let western = [
        "windows-1252",
        "cp1252",
        "iso-8859-1",
        "iso8859-1",
        "latin1",
        "latin-1",
        "us-ascii",
        "ascii",
    ];
    if declared_charset(bytes).is_some_and(|c| !western.contains(&c.as_str())) {
        return None;
    }
    Some(
        bytes
            .iter()
            .map(|&b| match b {
                0x80..=0x9f => WINDOWS_1252_HIGH[(b - 0x80) as usize].unwrap_or('\u{fffd}'),
                _ => b as char,
            })
            .collect(),
    )
}

/// The character set a page declares near its top (`<meta charset=…>`,
/// `content="text/html; charset=…"`), in lower case.
fn declared_charset(bytes: &[u8]) -> Option<String> {
    let head: String = bytes[..bytes.len().min(4096)]
        .iter()
        .map(|&b| (b as char).to_ascii_lowercase())
        .collect();
    let at = head.find("charset=")? + "charset=".len();
    let value: String = head[at..]
        .trim_start_matches(['"', '\'', ' '])
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | ':' | '.'))
        .collect();
    (!value.is_empty()).then_some(value)
}

/// One piece of an HTML text.
#[derive(Debug, PartialEq)]
enum Token<'a> {
    Text(&'a str),
    /// A start tag: its name in lower case and its attributes as written.
    Start {
        name: String,
        attrs: &'a str,
    },
    End {
        name: String,
    },
}

/// Elements whose content is raw text up to their end tag (a `<` inside a
/// script is no tag).
const RAW_TEXT: [&str; 4] = ["script", "style", "title", "textarea"];

/// The tokens of an HTML text, never failing: a `<` that opens no tag is text.
struct Tokens<'a> {
    s: &'a str,
    pos: usize,
    /// Inside a raw-text element: its name.
    raw: Option<String>,
}

impl<'a> Tokens<'a> {
    fn new(s: &'a str) -> Self {
        Tokens {
            s,
            pos: 0,
            raw: None,
        }
    }

    /// The end of a tag opened at `from`: the byte after its `>` (quoted
    /// attribute values may hold one), or the end of the text.
    fn tag_end(&self, from: usize) -> usize {
        let b = self.s.as_bytes();
        let mut i = from;
        let mut after_equals = false;
        while i < b.len() {
            match b[i] {
                b'>' => return i + 1,
                q @ (b'"' | b'\'') if after_equals => {
                    match b[i + 1..].iter().position(|&c| c == q) {
                        Some(k) => i += k + 2,
                        None => i += 1,
                    }
                    after_equals = false;
                    continue;
                }
                b'=' => after_equals = true,
                c if c.is_ascii_whitespace() => {}
                _ => after_equals = false,
            }
            i += 1;
        }
        b.len()
    }
}

/// The tag name at the start of `s`: ASCII letters, digits, `-`, `:`.
fn name_len(s: &[u8]) -> usize {
    s.iter()
        .take_while(|c| c.is_ascii_alphanumeric() || **c == b'-' || **c == b':')
        .count()
}

/// Where `</name` starts in `s`, in any case.
fn find_end_tag(s: &str, name: &str) -> Option<usize> {
    let b = s.as_bytes();
    let n = name.len();
    (0..b.len().saturating_sub(n + 1)).find(|&i| {
        b[i] == b'<'
            && b[i + 1] == b'/'
            && b[i + 2..i + 2 + n].eq_ignore_ascii_case(name.as_bytes())
    })
}

impl<'a> Iterator for Tokens<'a> {
    type Item = Token<'a>;

    fn next(&mut self) -> Option<Token<'a>> {
        let s = self.s;
        let b = s.as_bytes();
        loop {
            if self.pos >= b.len() {
                return None;
            }
            if let Some(name) = self.raw.take() {
                let rest = &s[self.pos..];
                let end = find_end_tag(rest, &name).unwrap_or(rest.len());
                self.pos += end;
                if end > 0 {
                    return Some(Token::Text(&rest[..end]));
                }
                continue;
            }
            let at = self.pos;
            if b[at] != b'<' {
                let end = s[at..].find('<').map_or(s.len(), |k| at + k);
                self.pos = end;
                return Some(Token::Text(&s[at..end]));
            }
            let next = b.get(at + 1).copied();
            match next {
                Some(b'!') if s[at..].starts_with("<!--") => {
                    self.pos = s[at + 4..].find("-->").map_or(s.len(), |k| at + 4 + k + 3);
                }
                Some(b'!' | b'?') => self.pos = self.tag_end(at + 2),
                Some(b'/') if b.get(at + 2).is_some_and(u8::is_ascii_alphabetic) => {
                    let len = name_len(&b[at + 2..]);
                    let name = s[at + 2..at + 2 + len].to_ascii_lowercase();
                    self.pos = self.tag_end(at + 2 + len);
                    return Some(Token::End { name });
                }
                Some(c) if c.is_ascii_alphabetic() => {
                    let len = name_len(&b[at + 1..]);
                    let name = s[at + 1..at + 1 + len].to_ascii_lowercase();
                    let end = self.tag_end(at + 1 + len);
                    let attrs = s[at + 1 + len..end].trim_end_matches('>');
                    self.pos = end;
                    if RAW_TEXT.contains(&name.as_str()) && !attrs.trim_end().ends_with('/') {
                        self.raw = Some(name.clone());
                    }
                    return Some(Token::Start { name, attrs });
                }
                _ => {
                    self.pos = at + 1;
                    return Some(Token::Text(&s[at..at + 1]));
                }
            }
        }
    }
}

/// The value of attribute `name` in a start tag's attributes, references
/// decoded.
fn attr(attrs: &str, name: &str) -> Option<String> {
    let b = attrs.as_bytes();
    let mut i = 0;
    while i < b.len() {
        while i < b.len() && (b[i].is_ascii_whitespace() || b[i] == b'/') {
            i += 1;
        }
        let start = i;
        while i < b.len() && !b[i].is_ascii_whitespace() && !matches!(b[i], b'=' | b'/' | b'>') {
            i += 1;
        }
        let key = &attrs[start..i];
        while i < b.len() && b[i].is_ascii_whitespace() {
            i += 1;
        }
        let mut value = "";
        if b.get(i) == Some(&b'=') {
            i += 1;
            while i < b.len() && b[i].is_ascii_whitespace() {
                i += 1;
            }
            match b.get(i) {
                Some(&q @ (b'"' | b'\'')) => {
                    let end = attrs[i + 1..]
                        .find(q as char)
                        .map_or(attrs.len(), |k| i + 1 + k);
                    value = &attrs[i + 1..end];
                    i = (end + 1).min(b.len());
                }
                _ => {
                    let start = i;
                    while i < b.len() && !b[i].is_ascii_whitespace() && b[i] != b'>' {
                        i += 1;
                    }
                    value = &attrs[start..i];
                }
            }
        }
        if key.eq_ignore_ascii_case(name) {
            return Some(decode(value));
        }
        if key.is_empty() {
            i += 1;
        }
    }
    None
}

/// Elements that end the line before them and after them.
const BLOCKS: &[&str] = &[
    "address",
    "article",
    "aside",
    "blockquote",
    "body",
    "br",
    "caption",
    "center",
    "dd",
    "details",
    "dialog",
    "div",
    "dl",
    "dt",
    "fieldset",
    "figcaption",
    "figure",
    "footer",
    "form",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hr",
    "html",
    "legend",
    "li",
    "main",
    "menu",
    "nav",
    "ol",
    "option",
    "p",
    "pre",
    "section",
    "summary",
    "table",
    "td",
    "th",
    "tr",
    "ul",
];

/// Elements set apart from what follows by a gap (a blank line in text).
const GAPS: &[&str] = &[
    "p",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "blockquote",
    "hr",
    "pre",
    "table",
    "dl",
    "figure",
];

/// Elements whose content a reader never sees on the page.
const DROPPED: [&str; 6] = ["head", "script", "style", "template", "title", "noframes"];

/// What may stand in a `head`: anything else means the head has ended
/// without its end tag.
const HEAD_CONTENT: [&str; 9] = [
    "title", "meta", "link", "style", "script", "base", "noscript", "template", "object",
];

fn heading_level(name: &str) -> Option<u8> {
    match name.as_bytes() {
        [b'h', d @ b'1'..=b'6'] => Some(d - b'0'),
        _ => None,
    }
}

/// Where lines go: the page, or a table cell being read.
#[derive(Debug, Default)]
struct Sink {
    lines: Vec<Line>,
    cur: Styled,
    /// The heading level the current line started under.
    cur_heading: Option<u8>,
    /// A list item's number or bullet, put before its first text.
    prefix: Option<String>,
    /// A gap is owed before the next line.
    gap: bool,
}

impl Sink {
    fn push_line(&mut self, line: Line) {
        if self.gap && self.lines.last().is_some_and(|l| !l.is_blank()) {
            self.lines.push(text_line(String::new(), 0.0, false, None));
        }
        self.gap = false;
        self.lines.push(line);
    }
}

#[derive(Debug)]
struct CellDraft {
    lines: Vec<Line>,
    header: bool,
    span: u32,
}

#[derive(Debug, Default)]
struct Table {
    /// Its number on the page, given when its first row is kept.
    index: Option<u32>,
    row: Option<Vec<CellDraft>>,
    /// A cell is open: its sink is on top of the sink stack.
    cell: Option<(bool, u32)>,
}

#[derive(Debug)]
struct List {
    ordered: bool,
    next: i64,
    style: u8,
}

/// The label of item `n` of an ordered list of type `style` ("1", "a", "A",
/// "i", "I").
fn item_label(n: i64, style: u8) -> String {
    let letters = |upper: bool| {
        let mut n = n.max(1) as u64;
        let mut s = Vec::new();
        while n > 0 {
            n -= 1;
            s.push(b'a' + (n % 26) as u8);
            n /= 26;
        }
        s.reverse();
        let s = String::from_utf8(s).unwrap_or_default();
        if upper {
            s.to_uppercase()
        } else {
            s
        }
    };
    let roman = |upper: bool| {
        let mut n = n.clamp(1, 3999);
        let mut s = String::new();
        for (v, r) in [
            (1000, "m"),
            (900, "cm"),
            (500, "d"),
            (400, "cd"),
            (100, "c"),
            (90, "xc"),
            (50, "l"),
            (40, "xl"),
            (10, "x"),
            (9, "ix"),
            (5, "v"),
            (4, "iv"),
            (1, "i"),
        ] {
            while n >= v {
                s.push_str(r);
                n -= v;
            }
        }
        if upper {
            s.to_uppercase()
        } else {
            s
        }
    };
    match style {
        b'a' => letters(false),
        b'A' => letters(true),
        b'i' => roman(false),
        b'I' => roman(true),
        _ => n.to_string(),
    }
}

struct Reader {
    page: Sink,
    /// The table cells being read, innermost last.
    cells: Vec<Sink>,
    tables: Vec<Table>,
    lists: Vec<List>,
    /// Open elements that make text bold.
    bold: u32,
    heading: Option<u8>,
    /// An element being dropped, and how deep inside nested ones of its name.
    skip: Option<(String, u32)>,
    pre: u32,
    next_table: u32,
}

impl Reader {
    fn new() -> Self {
        Reader {
            page: Sink::default(),
            cells: Vec::new(),
            tables: Vec::new(),
            lists: Vec::new(),
            bold: 0,
            heading: None,
            skip: None,
            pre: 0,
            next_table: 0,
        }
    }

    /// Where the next line goes: the open cell, else the page.
    fn sink(&mut self) -> &mut Sink {
        self.cells.last_mut().unwrap_or(&mut self.page)
    }

    fn text(&mut self, text: &str) {
        let text = decode(text);
        let bold = self.bold > 0;
        let heading = self.heading;
        if self.pre > 0 {
            for (k, piece) in text.split('\n').enumerate() {
                if k > 0 {
                    self.flush();
                }
                self.push_text(piece, bold, heading);
            }
        } else {
            self.push_text(&text, bold, heading);
        }
    }

    fn push_text(&mut self, text: &str, bold: bool, heading: Option<u8>) {
        let sink = self.sink();
        if sink.cur.is_empty() {
            if text.trim().is_empty() {
                return;
            }
            sink.cur_heading = heading;
            if let Some(p) = sink.prefix.take() {
                sink.cur.push(&p, bold);
            }
        }
        sink.cur.push(text, bold);
    }

    /// End the current line.
    fn flush(&mut self) {
        let indent = 4.0 * self.lists.len().saturating_sub(1) as f32;
        let sink = self.sink();
        if sink.cur.is_empty() {
            return;
        }
        let cur = std::mem::take(&mut sink.cur);
        let heading = sink.cur_heading.take();
        let bold = heading.is_some() || cur.mostly_bold();
        sink.push_line(text_line(cur.into_text(), indent, bold, heading));
    }

    fn gap(&mut self) {
        self.sink().gap = true;
    }

    fn token(&mut self, token: Token) {
        if let Some((skipped, depth)) = &mut self.skip {
            match &token {
                Token::Start { name, .. } if name == skipped => *depth += 1,
                Token::End { name } if name == skipped => {
                    *depth -= 1;
                    if *depth == 0 {
                        self.skip = None;
                    }
                    return;
                }
                // A head left open ends where the body begins.
                Token::Start { name, .. }
                    if skipped == "head" && !HEAD_CONTENT.contains(&name.as_str()) =>
                {
                    self.skip = None;
                }
                _ => {}
            }
            if self.skip.is_some() {
                return;
            }
        }
        match token {
            Token::Text(t) => self.text(t),
            Token::Start { name, attrs } => self.start(&name, attrs),
            Token::End { name } => self.end(&name),
        }
    }

    fn start(&mut self, name: &str, attrs: &str) {
        if DROPPED.contains(&name) {
            self.skip = Some((name.to_string(), 1));
            return;
        }
        if BLOCKS.contains(&name) {
            self.flush();
        }
        if GAPS.contains(&name) {
            self.gap();
        }
        match name {
            "b" | "strong" => self.bold += 1,
            "pre" => self.pre += 1,
            "ul" | "menu" => self.lists.push(List {
                ordered: false,
                next: 1,
                style: b'1',
            }),
            "ol" => {
                let next = attr(attrs, "start")
                    .and_then(|v| v.trim().parse().ok())
                    .unwrap_or(1);
                let style = attr(attrs, "type")
                    .and_then(|t| t.bytes().next())
                    .unwrap_or(b'1');
                self.lists.push(List {
                    ordered: true,
                    next,
                    style,
                });
            }
            "li" => {
                let value = attr(attrs, "value").and_then(|v| v.trim().parse().ok());
                let label = match self.lists.last_mut() {
                    Some(list) if list.ordered => {
                        let n = value.unwrap_or(list.next);
                        list.next = n + 1;
                        format!("{}. ", item_label(n, list.style))
                    }
                    _ => "- ".to_string(),
                };
                self.sink().prefix = Some(label);
            }
            "table" => self.tables.push(Table::default()),
            "tr" if !self.tables.is_empty() => {
                self.close_cell();
                self.finish_row();
                if let Some(t) = self.tables.last_mut() {
                    t.row = Some(Vec::new());
                }
            }
            "td" | "th" => {
                if self.tables.is_empty() {
                    return;
                }
                self.close_cell();
                let header = name == "th";
                let span = attr(attrs, "colspan")
                    .and_then(|v| v.trim().parse().ok())
                    .unwrap_or(1u32)
                    .clamp(1, 1000);
                if let Some(t) = self.tables.last_mut() {
                    t.row.get_or_insert_with(Vec::new);
                    t.cell = Some((header, span));
                }
                if header {
                    self.bold += 1;
                }
                self.cells.push(Sink::default());
            }
            _ => {}
        }
        if let Some(level) = heading_level(name) {
            self.heading = Some(level);
            self.bold += 1;
        }
    }

    fn end(&mut self, name: &str) {
        if BLOCKS.contains(&name) {
            self.flush();
        }
        match name {
            "b" | "strong" => self.bold = self.bold.saturating_sub(1),
            "pre" => self.pre = self.pre.saturating_sub(1),
            "ul" | "ol" | "menu" => {
                self.lists.pop();
                if self.lists.is_empty() {
                    self.gap();
                }
            }
            "li" => self.sink().prefix = None,
            "td" | "th" => {
                // Tables left open inside the cell end with it.
                while self.tables.last().is_some_and(|t| t.cell.is_none())
                    && self.tables.iter().any(|t| t.cell.is_some())
                {
                    self.finish_table();
                }
                self.close_cell();
            }
            "tr" => {
                self.close_cell();
                self.finish_row();
            }
            "table" if !self.tables.is_empty() => self.finish_table(),
            _ => {}
        }
        if heading_level(name).is_some() && self.heading.is_some() {
            self.heading = None;
            self.bold = self.bold.saturating_sub(1);
        }
        if GAPS.contains(&name) {
            self.gap();
        }
    }

    /// Close the innermost table's open cell, if any: its lines become a cell
    /// of the row.
    fn close_cell(&mut self) {
        let Some(table) = self.tables.last_mut() else {
            return;
        };
        let Some((header, span)) = table.cell.take() else {
            return;
        };
        self.flush();
        let sink = self.cells.pop().unwrap_or_default();
        if header {
            self.bold = self.bold.saturating_sub(1);
        }
        if let Some(t) = self.tables.last_mut() {
            t.row.get_or_insert_with(Vec::new).push(CellDraft {
                lines: sink.lines,
                header,
                span,
            });
        }
    }

    /// Finish the innermost table's open row: a line of cells, or, for a row
    /// of one cell, that cell's own lines.
    fn finish_row(&mut self) {
        let Some(table) = self.tables.last_mut() else {
            return;
        };
        let Some(cells) = table.row.take() else {
            return;
        };
        let texts: Vec<String> = cells.iter().map(|c| cell_text(&c.lines)).collect();
        if texts.iter().all(String::is_empty) {
            return;
        }
        if cells.len() == 1 {
            let lines = cells
                .into_iter()
                .next()
                .map(|c| c.lines)
                .unwrap_or_default();
            for line in lines {
                self.sink().push_line(line);
            }
            return;
        }
        let index = *table.index.get_or_insert_with(|| {
            self.next_table += 1;
            self.next_table - 1
        });
        // A header row, or one whose every filled cell is bold.
        let bold = cells.iter().zip(&texts).all(|(c, t)| {
            t.is_empty() || c.header || c.lines.iter().all(|l| l.is_blank() || l.bold)
        });
        let row = cells
            .iter()
            .zip(texts)
            .map(|(c, text)| RowCell { text, span: c.span })
            .collect();
        self.sink().push_line(row_line(row, bold, index));
    }

    fn finish_table(&mut self) {
        self.close_cell();
        self.finish_row();
        self.tables.pop();
        self.gap();
    }

    fn finish(mut self) -> Vec<Line> {
        while !self.tables.is_empty() {
            self.finish_table();
        }
        self.flush();
        self.page.lines
    }
}

/// A cell's text: its lines joined by spaces (a nested table's cells too).
fn cell_text(lines: &[Line]) -> String {
    let mut out = String::new();
    for line in lines {
        for cell in &line.cells {
            if cell.text.is_empty() {
                continue;
            }
            if !out.is_empty() {
                out.push(' ');
            }
            out.push_str(&cell.text);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The lines as `agendex pages` shows them, with the heading level and
    /// bold marked: "H2 B 1. Apologies", "T0 B Payee | Net".
    fn render(html: &str) -> Vec<String> {
        from_html(html)[0]
            .lines
            .iter()
            .map(super::super::tests::shown)
            .collect()
    }

    #[test]
    fn tokens_tolerate_broken_markup() {
        let toks: Vec<Token> =
            Tokens::new("a < b<p class=\"x>y\">c<!-- <p> -->d</P ><script>if (a<b) {}</script>e<")
                .collect();
        assert_eq!(
            toks,
            [
                Token::Text("a "),
                Token::Text("<"),
                Token::Text(" b"),
                Token::Start {
                    name: "p".into(),
                    attrs: " class=\"x>y\""
                },
                Token::Text("c"),
                Token::Text("d"),
                Token::End { name: "p".into() },
                Token::Start {
                    name: "script".into(),
                    attrs: ""
                },
                Token::Text("if (a<b) {}"),
                Token::End {
                    name: "script".into()
                },
                Token::Text("e"),
                Token::Text("<"),
            ]
        );
    }

    #[test]
    fn attributes_quoted_unquoted_and_bare() {
        let a = r#" width="604" start=4 reversed type='a' title="K&amp;M""#;
        assert_eq!(attr(a, "start").as_deref(), Some("4"));
        assert_eq!(attr(a, "TYPE").as_deref(), Some("a"));
        assert_eq!(attr(a, "title").as_deref(), Some("K&M"));
        assert_eq!(attr(a, "reversed").as_deref(), Some(""));
        assert_eq!(attr(a, "colspan"), None);
    }

    #[test]
    fn head_scripts_and_styles_are_dropped_and_entities_decoded() {
        let html = "<!DOCTYPE html><html><head><title>Minutes | Ayton</title>\
            <style>p { color: red }</style><script>var x = '<p>';</script></head>\
            <body><p>Held in Ayton Community Hall at 7:00&nbsp;pm &ndash; Caf&eacute;</p>\
            <script>document.write('<h1>no</h1>')</script></body></html>";
        assert_eq!(
            render(html),
            ["Held in Ayton Community Hall at 7:00 pm – Café"]
        );
        // A head without its end tag ends where the page's content begins.
        assert_eq!(
            render("<head><meta charset=utf-8><h1>Minutes</h1>"),
            ["H1 B Minutes"]
        );
    }

    #[test]
    fn headings_paragraphs_and_bold() {
        let html = "<h1>MINUTES OF THE PARISH COUNCIL MEETING HELD ON</h1>\n\
            <h2>TUESDAY, 4 NOVEMBER 2025</h2>\n\
            <p><strong>Present</strong>: Miss Jane Ritchie, Mr Andrew Landau, Mrs Sally Sahin</p>\n\
            <p><b>1. Apologies</b><br>There were no apologies, all the members being present.</p>";
        assert_eq!(
            render(html),
            [
                "H1 B MINUTES OF THE PARISH COUNCIL MEETING HELD ON",
                "",
                "H2 B TUESDAY, 4 NOVEMBER 2025",
                "",
                "Present: Miss Jane Ritchie, Mr Andrew Landau, Mrs Sally Sahin",
                "",
                "B 1. Apologies",
                "There were no apologies, all the members being present.",
            ]
        );
    }

    #[test]
    fn list_items_take_their_number_or_a_bullet() {
        let html = "<h2>Present</h2><ul><li>Alan McFadzean—<em>Chair</em></li>\
            <li>Trevor Smith—<em>Secretary</em></li></ul>\
            <ol start=\"4\"><li><strong>To receive and consider correspondence</strong></li><li></li></ol>\
            <ol start=\"5\"><li><p>Any Further reports</p><ol type=\"a\"><li>Play Area</li>\
            <li value=\"4\">Street Lights</li></ol></li></ol>";
        assert_eq!(
            render(html),
            [
                "H2 B Present",
                "",
                "- Alan McFadzean—Chair",
                "- Trevor Smith—Secretary",
                "",
                "B 4. To receive and consider correspondence",
                "",
                "5. Any Further reports",
                "",
                "a. Play Area",
                "d. Street Lights",
            ]
        );
        assert_eq!(item_label(28, b'a'), "ab");
        assert_eq!(item_label(14, b'I'), "XIV");
    }

    #[test]
    fn table_rows_become_cells_and_one_cell_rows_plain_lines() {
        // The payments table of a parish's minutes, and the one-cell box the
        // same page sets its planning items in.
        let html = "<table width=\"604\"><tbody>\
            <tr><td><strong><em>i)&nbsp;&nbsp; </em></strong><strong><em>Accounts for Approval May 2014</em></strong></td><td>&nbsp;</td><td>&nbsp;</td></tr>\
            <tr><td>&nbsp;</td><td>&nbsp;</td><td>&nbsp;</td></tr>\
            <tr><td><strong>Payee</strong></td><td><strong>Net</strong></td><td><strong>VAT</strong></td></tr>\
            <tr><td>K&amp;M Lighting</td><td>24.27</td><td>4.85</td></tr>\
            <tr><td colspan=2>&nbsp;<div></div>VAT Repayment&nbsp;&nbsp; £672.48<div></div>Cemetery</td><td>£80.00</td></tr>\
            </tbody></table>\
            <table><tr><td><strong><em>ii)&nbsp; </em></strong><strong><em>14/00542/f:</em></strong><div></div>\
            Cllr. Jenkinson left the room. Councillor’s agreed No Objections.<div></div>&nbsp;\
            <ol start=\"4\"><li><strong>To receive and consider correspondence</strong></li></ol></td></tr></table>";
        assert_eq!(
            render(html),
            [
                "T0 B i) Accounts for Approval May 2014 |  |",
                "T0 B Payee | Net | VAT",
                "T0 K&M Lighting | 24.27 | 4.85",
                "T0 VAT Repayment £672.48 Cemetery | £80.00",
                "",
                "B ii) 14/00542/f:",
                "Cllr. Jenkinson left the room. Councillor’s agreed No Objections.",
                "B 4. To receive and consider correspondence",
            ]
        );
        let lines = &from_html(html)[0].lines;
        assert_eq!((lines[3].cells[1].x0, lines[3].cells[1].x1), (2.0, 3.0));
        assert_eq!(lines[4].y, 4.0);
    }

    #[test]
    fn header_cells_are_bold_and_unclosed_cells_close() {
        let html = "<table><tr><th>Name<th>Status<tr><td>Alison Currie<td>Apologies\
            <table><tr><td>a<td>b</table><tr><td>Toby Foster<td>Present</table>\
            <table><tr><td>x<td>y</tr></table><p>after";
        assert_eq!(
            render(html),
            [
                "T0 B Name | Status",
                "T0 Alison Currie | Apologies a b",
                "T0 Toby Foster | Present",
                "",
                "T1 x | y",
                "",
                "after",
            ]
        );
    }

    #[test]
    fn pre_keeps_its_lines_and_nothing_is_no_lines() {
        assert_eq!(
            render("<pre>\nDate: 2 December 2025\nSigned:   Chair</pre>"),
            ["Date: 2 December 2025", "Signed: Chair"]
        );
        assert!(from_html("<html><script>x</script></html>")[0]
            .lines
            .is_empty());
        assert!(from_html("")[0].lines.is_empty());
        assert_eq!(
            render("<p>the meeting was cut <b>short"),
            ["the meeting was cut short"]
        );
    }

    #[test]
    fn bytes_in_utf8_or_a_declared_windows_1252() {
        assert_eq!(
            decode_bytes(b"\xef\xbb\xbf<p>Caf\xc3\xa9</p>").unwrap(),
            "<p>Café</p>"
        );
        let latin = b"<meta charset=\"windows-1252\"><p>Councillor\x92s report \x96 \xa3500</p>";
        assert_eq!(
            decode_bytes(latin).unwrap(),
            "<meta charset=\"windows-1252\"><p>Councillor’s report – £500</p>"
        );
        // Undeclared, as a browser reads an English page.
        assert_eq!(decode_bytes(b"<p>\x93Yes\x94</p>").unwrap(), "<p>“Yes”</p>");
        let japanese = b"<meta charset=shift_jis><p>\x82\xa0</p>";
        assert_eq!(decode_bytes(japanese), None);
    }
}

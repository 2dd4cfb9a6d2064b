//! The markdown reader: minutes kept as markdown -> pages of lines.
//!
//! One source line gives one line, as a text rendering does (a form feed
//! starts a new page), with the marks a reader of the rendered page never
//! sees taken off: `#` headings (and `===`/`---` underlined ones) give a
//! bold line with its heading level; list items keep their printed number
//! ("1. Apologies" stays so) and a `-`, `*` or `+` bullet becomes "- ",
//! unless the item carries a number of its own ("+ **1. Apologies**" reads
//! "1. Apologies"); pipe tables give a row line per row, cells apart, the
//! `|---|` row dropped; a block of HTML (a `<table>` pasted into the page)
//! is read by the HTML reader; fenced code keeps its lines as written;
//! thematic breaks and quote marks go. YAML front matter is not document
//! text, but its `title:` is what a rendered page shows at its top: it
//! becomes a level-1 heading. Inline marks are `inline`'s.

use super::{html, inline, page, row_line, text_line, RowCell};
use crate::input::{Line, Page};

/// Read a markdown document into pages.
pub fn from_markdown(text: &str) -> Vec<Page> {
    let (title, body) = front_matter(text);
    let mut pages = Vec::new();
    for (i, page_text) in body.split('\u{c}').enumerate() {
        let mut lines = Vec::new();
        if i == 0 {
            if let Some(title) = &title {
                let styled = inline::line(title);
                if !styled.is_empty() {
                    lines.push(text_line(styled.into_text(), 0.0, true, Some(1)));
                }
            }
        }
        lines.extend(read_blocks(page_text));
        pages.push(page(i as u32 + 1, lines));
    }
    crate::input::text_typography(&mut pages);
    pages
}

/// The title of YAML front matter (`---` … `---` opening the text) and the
/// text after it; the whole text where there is none.
fn front_matter(text: &str) -> (Option<String>, &str) {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut parts = text.split_inclusive('\n');
    let Some(first) = parts.next().filter(|l| l.trim_end() == "---") else {
        return (None, text);
    };
    let mut offset = first.len();
    let mut title = None;
    let mut keys = 0;
    for line in parts {
        offset += line.len();
        let l = line.trim_end();
        if l == "---" || l == "..." {
            if keys == 0 {
                return (None, text);
            }
            let rest = text.get(offset..).unwrap_or("");
            return (title, rest);
        }
        let key = l.split(':').next().unwrap_or("");
        if l.contains(':')
            && !key.is_empty()
            && key
                .chars()
                .all(|c| c.is_alphanumeric() || c == '_' || c == '-')
        {
            keys += 1;
        }
        if let Some(v) = l.strip_prefix("title:") {
            title = yaml_scalar(v);
        }
    }
    (None, text)
}

/// A one-line YAML scalar: quotes removed, `\"` and `''` undone; none for
/// an empty value or a block scalar (`>`, `|`).
fn yaml_scalar(v: &str) -> Option<String> {
    let v = v.trim();
    let out = if let Some(inner) = v.strip_prefix('"').and_then(|s| s.strip_suffix('"')) {
        inner.replace("\\\"", "\"")
    } else if let Some(inner) = v.strip_prefix('\'').and_then(|s| s.strip_suffix('\'')) {
        inner.replace("''", "'")
    } else if v.starts_with(['>', '|']) {
        return None;
    } else {
        v.to_string()
    };
    (!out.trim().is_empty()).then_some(out)
}

/// A list item's mark.
#[derive(Debug, Clone, PartialEq)]
enum Marker {
    Bullet,
    /// As printed: "1.", "2)".
    Number(String),
}

/// One source line as the block reader sees it.
#[derive(Debug)]
enum Item<'a> {
    Blank,
    Heading {
        level: u8,
        src: String,
    },
    /// A line of a paragraph or list item; `starts` a new paragraph.
    Text {
        indent: f32,
        marker: Option<Marker>,
        src: &'a str,
        starts: bool,
    },
    Literal {
        indent: f32,
        text: &'a str,
    },
    Row {
        cells: Vec<String>,
        header: bool,
        table: u32,
    },
    Html(Vec<Line>),
}

/// Columns of leading indentation (a tab to the next stop of four) and the
/// rest of the line.
fn split_indent(line: &str) -> (usize, &str) {
    let mut col = 0;
    for (i, c) in line.char_indices() {
        match c {
            ' ' => col += 1,
            '\t' => col = col / 4 * 4 + 4,
            _ => return (col, &line[i..]),
        }
    }
    (col, "")
}

/// An opening code fence: its character and length.
fn fence_open(body: &str) -> Option<(char, usize)> {
    let c = body.chars().next().filter(|c| *c == '`' || *c == '~')?;
    let n = body.chars().take_while(|&x| x == c).count();
    let info = &body[n..];
    (n >= 3 && !(c == '`' && info.contains('`'))).then_some((c, n))
}

fn is_fence_close(line: &str, c: char, n: usize) -> bool {
    let t = line.trim();
    t.chars().take_while(|&x| x == c).count() >= n && t.chars().all(|x| x == c)
}

/// An ATX heading: `## Title ##` -> (2, "Title").
fn atx_heading(body: &str) -> Option<(u8, &str)> {
    let level = body.bytes().take_while(|&b| b == b'#').count();
    if !(1..=6).contains(&level) {
        return None;
    }
    let rest = &body[level..];
    if !(rest.is_empty() || rest.starts_with([' ', '\t'])) {
        return None;
    }
    let mut text = rest.trim();
    // A closing run of `#`, set off by a space.
    let stripped = text.trim_end_matches('#');
    if stripped.is_empty() || stripped.ends_with([' ', '\t']) {
        text = stripped.trim_end();
    }
    Some((level as u8, text))
}

/// A setext underline: `===` (level 1) or `---` (level 2).
fn setext_level(body: &str) -> Option<u8> {
    let t = body.trim_end();
    if !t.is_empty() && t.chars().all(|c| c == '=') {
        Some(1)
    } else if !t.is_empty() && t.chars().all(|c| c == '-') {
        Some(2)
    } else {
        None
    }
}

/// `---`, `***`, `___`, spaced or not.
fn is_thematic_break(body: &str) -> bool {
    let mut marks = body.chars().filter(|c| !c.is_whitespace());
    let first = marks.next();
    matches!(first, Some('-' | '*' | '_')) && {
        let rest: Vec<char> = marks.collect();
        rest.len() >= 2 && rest.iter().all(|&c| Some(c) == first)
    }
}

/// A list item's mark and its text: "- Alison Currie", "1. Apologies",
/// "2) Minutes".
fn list_marker(body: &str) -> Option<(Marker, &str)> {
    let b = body.as_bytes();
    let after = |k: usize| -> Option<&str> {
        match b.get(k) {
            None => Some(""),
            Some(b' ' | b'\t') => Some(body[k..].trim_start()),
            _ => None,
        }
    };
    match b.first()? {
        b'-' | b'*' | b'+' => after(1).map(|rest| (Marker::Bullet, rest)),
        _ => {
            let digits = b.iter().take_while(|c| c.is_ascii_digit()).count();
            if !(1..=9).contains(&digits) || !matches!(b.get(digits), Some(b'.' | b')')) {
                return None;
            }
            after(digits + 1).map(|rest| (Marker::Number(body[..=digits].to_string()), rest))
        }
    }
}

/// Whether an item's own text opens with an item number ("1. Apologies",
/// "(a) Budget", "ii) Clerk's report", "7.3 Precept"): a bullet before it
/// adds nothing a reader goes by.
fn opens_with_number(text: &str) -> bool {
    let t = text.strip_prefix('(').unwrap_or(text);
    let label = t
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || *c == '.')
        .collect::<String>();
    let after = &t[label.len()..];
    let label = label.trim_end_matches('.');
    if label.is_empty() {
        return false;
    }
    let numeric = label
        .split('.')
        .all(|p| !p.is_empty() && p.bytes().all(|c| c.is_ascii_digit()));
    let letter = label.len() == 1 && label.bytes().all(|c| c.is_ascii_lowercase());
    let roman = label.len() <= 4 && label.bytes().all(|c| b"ivx".contains(&c));
    let closed = text[..text.len() - after.len()].ends_with('.') || after.starts_with(')');
    let rest = after.strip_prefix(')').unwrap_or(after);
    if !rest.starts_with(' ') {
        return false;
    }
    (numeric && (closed || label.contains('.'))) || ((letter || roman) && after.starts_with(')'))
}

/// Elements that open an HTML block (CommonMark's kind 6).
const HTML_BLOCK_TAGS: &[&str] = &[
    "address",
    "article",
    "aside",
    "blockquote",
    "body",
    "caption",
    "center",
    "col",
    "colgroup",
    "dd",
    "details",
    "dialog",
    "dir",
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
    "head",
    "header",
    "hr",
    "html",
    "iframe",
    "legend",
    "li",
    "main",
    "menu",
    "nav",
    "ol",
    "p",
    "section",
    "summary",
    "table",
    "tbody",
    "td",
    "tfoot",
    "th",
    "thead",
    "title",
    "tr",
    "ul",
];

/// Where an HTML block opening at line `i` ends (exclusive): at the line
/// closing a `script`/`pre`/`style`/comment, else at the next blank line.
fn html_block_end(src: &[&str], i: usize, body: &str) -> Option<usize> {
    let lower = body.to_ascii_lowercase();
    let rest = lower.strip_prefix('<')?;
    let until_line_with = |needle: &str| {
        (i..src.len())
            .find(|&k| src[k].to_ascii_lowercase().contains(needle))
            .map_or(src.len(), |k| k + 1)
    };
    if rest.starts_with("!--") {
        return Some(until_line_with("-->"));
    }
    let name: String = rest
        .trim_start_matches('/')
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric())
        .collect();
    let after = rest.trim_start_matches('/')[name.len()..].chars().next();
    let ends_name = after.is_none_or(|c| c.is_whitespace() || c == '>' || c == '/');
    if !ends_name {
        return None;
    }
    if ["script", "pre", "style", "textarea"].contains(&name.as_str()) && !rest.starts_with('/') {
        return Some(until_line_with(&format!("</{name}>")));
    }
    if !HTML_BLOCK_TAGS.contains(&name.as_str()) {
        return None;
    }
    Some(
        (i..src.len())
            .find(|&k| src[k].trim().is_empty())
            .unwrap_or(src.len()),
    )
}

/// The cells of a pipe-table row: outer pipes dropped, `\|` and pipes in
/// code kept in their cell.
fn split_row(line: &str) -> Vec<&str> {
    let t = line.trim();
    let t = t.strip_prefix('|').unwrap_or(t);
    let t = if t.ends_with('|') && !t.ends_with("\\|") {
        &t[..t.len() - 1]
    } else {
        t
    };
    let mut cells = Vec::new();
    let mut from = 0;
    let mut code = false;
    let b = t.as_bytes();
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            b'\\' => i += 1,
            b'`' => code = !code,
            b'|' if !code => {
                cells.push(t[from..i].trim());
                from = i + 1;
            }
            _ => {}
        }
        i += 1;
    }
    cells.push(t[from.min(t.len())..].trim());
    cells
}

/// `|---|:--:|` with as many cells as the header.
fn is_delimiter_row(line: &str, cells: usize) -> bool {
    if !line.contains('-') {
        return false;
    }
    let parts = split_row(line);
    parts.len() == cells
        && parts.iter().all(|p| {
            let p = p.strip_prefix(':').unwrap_or(p);
            let p = p.strip_suffix(':').unwrap_or(p);
            !p.is_empty() && p.bytes().all(|c| c == b'-')
        })
}

/// `[ref]: https://…`: a link's target, never shown.
fn is_link_definition(body: &str) -> bool {
    body.starts_with('[')
        && body
            .find("]:")
            .is_some_and(|k| k > 1 && !body[k + 2..].trim().is_empty())
}

/// The items of one page's source lines.
fn items<'a>(src: &[&'a str], tables: &mut u32) -> Vec<Item<'a>> {
    let mut items: Vec<Item> = Vec::new();
    let mut fence: Option<(char, usize)> = None;
    // The first item of the paragraph being read, where one is open.
    let mut para_start: Option<usize> = None;
    let mut i = 0;
    while i < src.len() {
        let raw = src[i];
        i += 1;
        if let Some((c, n)) = fence {
            if is_fence_close(raw, c, n) {
                fence = None;
            } else {
                let (indent, body) = split_indent(raw);
                items.push(Item::Literal {
                    indent: indent as f32,
                    text: body,
                });
            }
            continue;
        }
        if raw.trim().is_empty() {
            items.push(Item::Blank);
            para_start = None;
            continue;
        }
        let (indent, mut body) = split_indent(raw);
        // Quote marks: what they quote is read as it stands.
        while let Some(q) = body.strip_prefix('>') {
            body = q.strip_prefix(' ').unwrap_or(q);
        }
        let in_para = para_start.is_some();
        if let Some(f) = fence_open(body) {
            fence = Some(f);
            para_start = None;
            continue;
        }
        if let Some(end) = (indent < 4)
            .then(|| html_block_end(src, i - 1, body))
            .flatten()
        {
            let fragment = src[i - 1..end].join("\n");
            items.push(Item::Html(html::lines(&fragment, tables)));
            i = end;
            para_start = None;
            continue;
        }
        if let Some((level, text)) = atx_heading(body) {
            items.push(Item::Heading {
                level,
                src: text.to_string(),
            });
            para_start = None;
            continue;
        }
        if let (Some(level), Some(start)) = (setext_level(body), para_start) {
            let plain_paragraph = matches!(items.get(start), Some(Item::Text { marker: None, .. }));
            if plain_paragraph {
                let src: Vec<&str> = items
                    .drain(start..)
                    .filter_map(|it| match it {
                        Item::Text { src, .. } => Some(src),
                        _ => None,
                    })
                    .collect();
                items.push(Item::Heading {
                    level,
                    src: src.join(" "),
                });
                para_start = None;
                continue;
            }
        }
        if is_thematic_break(body) {
            items.push(Item::Blank);
            para_start = None;
            continue;
        }
        let header = split_row(body);
        if body.contains('|')
            && src
                .get(i)
                .is_some_and(|d| is_delimiter_row(d, header.len()))
        {
            let table = *tables;
            *tables += 1;
            items.push(Item::Row {
                cells: header.iter().map(|c| c.to_string()).collect(),
                header: true,
                table,
            });
            i += 1;
            while i < src.len() && !src[i].trim().is_empty() && src[i].contains('|') {
                items.push(Item::Row {
                    cells: split_row(src[i]).iter().map(|c| c.to_string()).collect(),
                    header: false,
                    table,
                });
                i += 1;
            }
            para_start = None;
            continue;
        }
        if is_link_definition(body) {
            continue;
        }
        // A list item may interrupt a paragraph only with text, and an
        // ordered one only from 1 (so a wrapped "2025." stays in its
        // sentence), unless the paragraph is itself a list item's.
        let in_list = para_start.is_some_and(|s| {
            matches!(
                items.get(s),
                Some(Item::Text {
                    marker: Some(_),
                    ..
                })
            )
        });
        let item = list_marker(body).filter(|(m, rest)| {
            !in_para
                || in_list
                || (!rest.is_empty()
                    && match m {
                        Marker::Bullet => true,
                        Marker::Number(n) => n.trim_end_matches(['.', ')']) == "1",
                    })
        });
        let (marker, text) = match item {
            Some((m, rest)) => (Some(m), rest),
            None => (None, body),
        };
        let starts = marker.is_some() || !in_para;
        if starts {
            para_start = Some(items.len());
        }
        items.push(Item::Text {
            indent: indent as f32,
            marker,
            src: text.trim_end(),
            starts,
        });
    }
    items
}

/// One page's source -> its lines.
fn read_blocks(text: &str) -> Vec<Line> {
    let src: Vec<&str> = text.lines().collect();
    let mut tables = 0;
    let items = items(&src, &mut tables);
    let mut lines = Vec::new();
    let mut k = 0;
    while k < items.len() {
        match &items[k] {
            Item::Blank => lines.push(text_line(String::new(), 0.0, false, None)),
            Item::Heading { level, src } => {
                let styled = inline::line(src);
                if !styled.is_empty() {
                    lines.push(text_line(styled.into_text(), 0.0, true, Some(*level)));
                }
            }
            Item::Literal { indent, text } => {
                let mut styled = super::Styled::default();
                styled.push(text, false);
                lines.push(text_line(styled.into_text(), *indent, false, None));
            }
            Item::Row {
                cells,
                header,
                table,
            } => {
                let styled: Vec<_> = cells.iter().map(|c| inline::line(c)).collect();
                let bold = *header || styled.iter().all(|s| s.is_empty() || s.mostly_bold());
                let cells = styled
                    .into_iter()
                    .map(|s| RowCell {
                        text: s.into_text(),
                        span: 1,
                    })
                    .collect();
                lines.push(row_line(cells, bold, *table));
            }
            Item::Html(html_lines) => lines.extend(html_lines.iter().cloned()),
            Item::Text { .. } => {
                // The paragraph: this line and the ones continuing it.
                let end = (k + 1..items.len())
                    .find(|&j| !matches!(items[j], Item::Text { starts: false, .. }))
                    .unwrap_or(items.len());
                let group = &items[k..end];
                let srcs: Vec<&str> = group
                    .iter()
                    .map(|it| match it {
                        Item::Text { src, .. } => *src,
                        _ => "",
                    })
                    .collect();
                for (it, styled) in group.iter().zip(inline::paragraph(&srcs)) {
                    let Item::Text { indent, marker, .. } = it else {
                        continue;
                    };
                    let bold = styled.mostly_bold();
                    let text = styled.into_text();
                    let text = match marker {
                        Some(Marker::Number(n)) if text.is_empty() => n.clone(),
                        Some(Marker::Number(n)) => format!("{n} {text}"),
                        Some(Marker::Bullet) if text.is_empty() => continue,
                        Some(Marker::Bullet) if opens_with_number(&text) => text,
                        Some(Marker::Bullet) => format!("- {text}"),
                        None if text.is_empty() => continue,
                        None => text,
                    };
                    lines.push(text_line(text, *indent, bold, None));
                }
                k = end;
                continue;
            }
        }
        k += 1;
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Lines as `agendex pages` shows them, with heading level and bold
    /// marked: "H2 B Present", "T0 B Payee | Net".
    fn render(md: &str) -> Vec<String> {
        from_markdown(md)
            .iter()
            .flat_map(|p| p.lines.iter().map(super::super::tests::shown))
            .collect()
    }

    #[test]
    fn front_matter_gives_its_title_as_a_heading() {
        // ayton-cc_2026-05-05_minutes.native-markdown.md
        let md = "---\ntitle: Minutes for meeting held Tuesday 5 May 2026\ntype: minutes\n\
                  special_meeting:\ndate: 2026-05-05\n---\n\n_Held in Ayton Community Hall at 7:00pm._\n";
        assert_eq!(
            render(md),
            [
                "H1 B Minutes for meeting held Tuesday 5 May 2026",
                "",
                "Held in Ayton Community Hall at 7:00pm."
            ]
        );
        // northwold-pc_2014-05-06_agm-minutes.md: quoted values, a list.
        let md = "---\ntitle: \"Northwold Parish Council AGM 2014\"\ndate: \"2014-09-08\"\n\
                  categories: \n  - \"northwold\"\n  - \"parish-councils\"\n---\n\n\
                  MINUTES OF NORTHWOLD PARISH COUNCIL AGM MEETING HELD AT THE VILLAGE HALL ON\n";
        assert_eq!(
            render(md),
            [
                "H1 B Northwold Parish Council AGM 2014",
                "",
                "MINUTES OF NORTHWOLD PARISH COUNCIL AGM MEETING HELD AT THE VILLAGE HALL ON"
            ]
        );
        // A rule opening a text is no front matter.
        assert_eq!(render("---\nMinutes\n---\n"), ["", "H2 B Minutes"]);
    }

    #[test]
    fn headings_lists_and_rules() {
        // ayton-cc_2026-05-05_minutes.native-markdown.md
        let md = "## Present\n\n- Alan McFadzean—_Chair_\n- Trevor Smith—_Secretary_\n\
                  - Cllr Carol Hamilton\n\n---\n\n## 1. Minutes of Previous Meeting\n\n\
                  Two change was suggested by PI stating that the figures in the previous meeting\n\
                  for accounts was inaccurate. These were actioned by TS.\n";
        assert_eq!(
            render(md),
            [
                "H2 B Present",
                "",
                "- Alan McFadzean—Chair",
                "- Trevor Smith—Secretary",
                "- Cllr Carol Hamilton",
                "",
                "",
                "",
                "H2 B 1. Minutes of Previous Meeting",
                "",
                "Two change was suggested by PI stating that the figures in the previous meeting",
                "for accounts was inaccurate. These were actioned by TS.",
            ]
        );
        let lines = &from_markdown(md)[0].lines;
        assert_eq!(lines[10].y, 10.0);
    }

    #[test]
    fn bulleted_items_with_their_own_number_and_indented_lines() {
        // burton-cum-walden-pc_2025-11-04_minutes.repo-markdown.md
        let md = "<center>\n\n# MINUTES OF THE PARISH COUNCIL MEETING HELD ON\n\
                  ## TUESDAY, 4 NOVEMBER 2025\n</center>\n\
                  A Parish Council meeting was held in the Village Hall, West Burton, on Tuesday, 4 November\n\
                  2025.\n\n\
                  **Present**: Miss Jane Ritchie, Mr Andrew Landau, Mrs Sally Sahin\n\n\
                  + **1. Apologies**\n\tThere were no apologies, all the members being present.\n\
                  + **4. Clerk’s Report**\nThe Clerk reported on the following matters:\n\
                  \t- Bonfire Night\n\t- Council Finances.\n\t\n\
                  \tRESOLVED: That, in due course, the Budget prepared for 2026/27 should include £500\n";
        assert_eq!(
            render(md),
            [
                "",
                "H1 B MINUTES OF THE PARISH COUNCIL MEETING HELD ON",
                "H2 B TUESDAY, 4 NOVEMBER 2025",
                "A Parish Council meeting was held in the Village Hall, West Burton, on Tuesday, 4 November 2025.",
                "",
                "Present: Miss Jane Ritchie, Mr Andrew Landau, Mrs Sally Sahin",
                "",
                "B 1. Apologies",
                "There were no apologies, all the members being present.",
                "B 4. Clerk’s Report",
                "The Clerk reported on the following matters:",
                "- Bonfire Night",
                "- Council Finances.",
                "",
                "RESOLVED: That, in due course, the Budget prepared for 2026/27 should include £500",
            ]
        );
        let lines = &from_markdown(md)[0].lines;
        assert_eq!(lines[8].x0(), 4.0);
    }

    #[test]
    fn numbered_items_stay_as_printed_and_wrapped_years_stay_in_their_sentence() {
        // northwold-pc_2014-05-06_agm-minutes.md
        let md = "4. **Election of Vice Chairman**\n\n\
                  Cllr. Alan Collins was proposed by Cllr. Alison Muir and seconded by Cllr. Michael Peake.\n\n \
                  5. **Declarations of Interest made**\n\n\
                  held on Tuesday, 4 November\n2025.\n";
        assert_eq!(
            render(md),
            [
                "B 4. Election of Vice Chairman",
                "",
                "Cllr. Alan Collins was proposed by Cllr. Alison Muir and seconded by Cllr. Michael Peake.",
                "",
                "B 5. Declarations of Interest made",
                "",
                "held on Tuesday, 4 November",
                "2025.",
            ]
        );
    }

    #[test]
    fn pipe_tables_give_rows_of_cells() {
        let md = "Payments for approval:\n\n\
                  | Payee | Net | VAT |\n|:---|---:|---|\n\
                  | K&amp;M Lighting | 24.27 | 4.85 |\n| **Total** | **£2555.17** | **£82.85** |\n\
                  | a \\| b | `c|d` | |\n\nNext\n\n| x | y |\n|---|---|\n| 1 | 2 |\n";
        assert_eq!(
            render(md),
            [
                "Payments for approval:",
                "",
                "T0 B Payee | Net | VAT",
                "T0 K&M Lighting | 24.27 | 4.85",
                "T0 B Total | £2555.17 | £82.85",
                "T0 a | b | c|d |",
                "",
                "Next",
                "",
                "T1 B x | y",
                "T1 1 | 2",
            ]
        );
        // Pipes without a delimiter row are text.
        assert_eq!(render("For | Against\n5 | 3"), ["For | Against", "5 | 3"]);
    }

    #[test]
    fn html_blocks_are_read_as_html() {
        // northwold-pc_2014-05-06_agm-minutes.md pastes its payments as a table.
        let md = "1. **Accounts to be presented for approval of payment May 2014**\n\
                  <table width=\"604\"><tbody><tr><td width=\"235\"><strong>Payee</strong></td>\
                  <td width=\"64\"><strong>Net</strong></td></tr><tr><td>K&amp;M Lighting</td>\
                  <td>24.27</td></tr></tbody></table>\n\u{a0}\n\
                  Invoices were checked, payments were approved.\n";
        assert_eq!(
            render(md),
            [
                "B 1. Accounts to be presented for approval of payment May 2014",
                "T0 B Payee | Net",
                "T0 K&M Lighting | 24.27",
                "",
                "Invoices were checked, payments were approved.",
            ]
        );
    }

    #[test]
    fn code_fences_links_escapes_and_pages() {
        // burton-cum-walden-pc_2025-11-04_minutes.repo-markdown.md closes so.
        let md = "### Chairman : Jane O Ritchie\n\n```\nDate: 2 December 2025\n```\n\
                  See [the agenda](https://example.org/agenda.pdf).\n\
                  [agenda]: https://example.org/agenda.pdf\n\u{c}2\\. Second page\n";
        assert_eq!(
            render(md),
            [
                "H3 B Chairman : Jane O Ritchie",
                "",
                "Date: 2 December 2025",
                "See the agenda.",
                "2. Second page",
            ]
        );
        assert_eq!(from_markdown(md).len(), 2);
    }

    #[test]
    fn item_numbers_a_bullet_gives_way_to() {
        for t in [
            "1. Apologies",
            "7.3 Precept",
            "(a) Budget",
            "ii) Clerk",
            "b) Handyman",
            "12) x",
        ] {
            assert!(opens_with_number(t), "{t}");
        }
        for t in [
            "1 January 2020",
            "2025",
            "Alison Currie",
            "a lot",
            "in) x",
            "1.5m spent",
            "I am",
        ] {
            assert!(!opens_with_number(t), "{t}");
        }
    }
}

//! Paragraphs for the recommendation grammar: a document's lines regrouped
//! into the units a recommendation is made of.
//!
//! A PDF page gives one `Line` per printed line (or per list item the layout
//! already joined); a text input gives one line per paragraph. This module
//! turns both into the same sequence of `Para`s, so that the grammar reads the
//! two forms of a document alike. It owns paragraph breaks (vertical gaps,
//! bullets, table rows, font size changes) and the cleaning of paragraph text;
//! it knows nothing about recommendations.

use crate::input::{Line, Page};
use crate::lex::{plain, LexedLine};
use crate::recommendations::lex::{
    addressed_section_heading, bullet, is_bullet_char, item_number, key_area, rec_heading,
};
use nom::Parser;
use std::borrow::Cow;

/// One paragraph, list item or table row.
#[derive(Debug, Clone, PartialEq)]
pub struct Para {
    /// Clean, whitespace-folded text without its leading bullet; a table
    /// row's non-empty cells joined by a space (bullet-only cells left out).
    pub text: String,
    /// Number of bullet marks in front of the text: 1 for a bulleted line,
    /// several when a table row's first cell holds one bullet per merged item.
    pub bullets: usize,
    /// 1-based physical page the paragraph starts on.
    pub page: u32,
    /// Left edge of the first line (points, or indent in characters for text).
    pub x0: f32,
    /// The clean cells of a table row; empty for running text.
    pub cells: Vec<String>,
    /// Dominant font size (0 for text input).
    pub size: f32,
    /// First or last paragraph on its page: a sentence broken by a page
    /// break continues in the next page's first paragraph.
    pub first_on_page: bool,
    pub last_on_page: bool,
}

impl Para {
    pub fn is_table_row(&self) -> bool {
        !self.cells.is_empty()
    }
}

/// Clean a line's or cell's text: HTML fragments and `**` bold markers
/// removed, whitespace folded, a word the layout broke at a line-end hyphen
/// joined back.
pub fn clean(s: &str) -> String {
    rejoined(Cow::Owned(plain(s))).into_owned()
}

/// Text folded already (a lexed line's `text`) with the words the layout
/// broke at a line-end hyphen joined back: `clean` of the line.
fn rejoined(folded: Cow<'_, str>) -> Cow<'_, str> {
    // A hyphen found by a byte search, then the byte after it read (no
    // substring searcher set up per line).
    let b = folded.as_bytes();
    if folded
        .match_indices('-')
        .any(|(at, _)| b.get(at + 1) == Some(&b' '))
    {
        Cow::Owned(rejoin_hyphens(&folded))
    } else {
        folded
    }
}

/// "co- chaired" -> "co-chaired", "Stockton-on- Tees" -> "Stockton-on-Tees":
/// a word the layout broke at a line-end hyphen and joined back with a space. A suspended hyphen ("evidence- and
/// research-informed") keeps its space.
fn rejoin_hyphens(s: &str) -> String {
    // Only the spaces after a hyphen can go: the text is copied between them.
    let mut out = String::with_capacity(s.len());
    let mut from = 0;
    for (at, _) in s.match_indices("- ") {
        let next = s[at + 2..].split(' ').next().unwrap_or("");
        let broken = s[..at]
            .chars()
            .next_back()
            .is_some_and(|c| c.is_alphabetic())
            && next.chars().next().is_some_and(|c| c.is_alphabetic())
            && !matches!(next, "and" | "or" | "to" | "nor" | "and/or");
        if broken {
            out.push_str(&s[from..=at]);
            from = at + 2;
        }
    }
    out.push_str(&s[from..]);
    out
}

/// Split a leading bullet off a text; returns the count (0 or 1) and the rest.
fn split_bullet(text: &str) -> (usize, &str) {
    match bullet.parse(text) {
        Ok((rest, _)) => (1, rest),
        Err(_) => (0, text),
    }
}

/// A cell made only of bullet marks ("◼ ◼ ◼", private-use Wingdings glyphs):
/// how many.
fn bullet_cell(s: &str) -> Option<usize> {
    let marks: Vec<&str> = s.split_whitespace().collect();
    if !marks.is_empty()
        && marks
            .iter()
            .all(|m| m.chars().count() == 1 && m.chars().all(is_bullet_char))
    {
        Some(marks.len())
    } else {
        None
    }
}

/// `Line::is_blank`, answered at the first byte for most lines.
fn blank(line: &Line) -> bool {
    match line.text.as_bytes().first() {
        Some(b) if b.is_ascii_graphic() => false,
        _ => line.is_blank(),
    }
}

/// The usual distance from one line to the next on a page: gaps clearly
/// larger than it are paragraph breaks.
fn line_step(page: &Page) -> f32 {
    let mut counts: Vec<(i32, usize)> = Vec::new();
    let mut prev: Option<&Line> = None;
    for line in page.lines.iter().filter(|l| !blank(l)) {
        if let Some(p) = prev {
            let gap = line.y - p.y;
            let size = line.size.max(1.0);
            if line.table.is_none()
                && p.table.is_none()
                && (line.size - p.size).abs() < 0.5
                && gap > 0.8 * size
                && gap < 1.6 * size
            {
                let key = (gap * 2.0).round() as i32;
                match counts.iter_mut().find(|(k, _)| *k == key) {
                    Some((_, n)) => *n += 1,
                    None => counts.push((key, 1)),
                }
            }
        }
        prev = Some(line);
    }
    // The most frequent step; ties go to the smaller one.
    counts.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    match counts.first() {
        Some((k, _)) => *k as f32 / 2.0,
        None => {
            let size = page
                .lines
                .iter()
                .map(|l| l.size)
                .fold(0.0f32, f32::max)
                .max(1.0);
            1.2 * size
        }
    }
}

/// A document's pages as paragraphs, in reading order. `lines` are the
/// document's lexed lines (those with words, in the order of `pages`): the
/// paragraphs read their folded text rather than folding each line again.
pub fn paragraphs(pages: &[Page], lines: &[LexedLine]) -> Vec<Para> {
    let mut out = Vec::new();
    let mut rest = lines;
    for page in pages {
        // This page's lexed lines: the run of them from its page.
        let on_page = rest
            .iter()
            .take_while(|l| l.page == page.number && l.page_index == rest[0].page_index)
            .count();
        let (page_lines, after) = rest.split_at(on_page);
        rest = after;
        let first_index = out.len();
        // Text input: one line is one paragraph (sizes are 0, y is the line index).
        let text_mode = page.lines.iter().all(|l| l.size == 0.0);
        let step = line_step(page);
        let mut current: Option<(Para, f32)> = None; // paragraph and y of its last line
                                                     // A document's lexed lines have words; other callers' may not.
        for lexed in page_lines.iter().filter(|l| !l.text.is_empty()) {
            let line = lexed.line;
            if line.table.is_some() && line.cells.len() > 1 {
                flush(&mut current, &mut out);
                out.push(table_para(line, page.number));
                continue;
            }
            // The lexed text is folded, tabs included.
            let raw = rejoined(Cow::Borrowed(&*lexed.text));
            let (bullets, body) = split_bullet(&raw);
            // A heading the grammar keys on stands alone even when the next
            // line follows at the usual line step ("Areas for improvement").
            if bullets == 0 && keyed_heading(&raw) {
                flush(&mut current, &mut out);
                out.push(Para {
                    text: raw.to_string(),
                    bullets: 0,
                    page: page.number,
                    x0: line.x0(),
                    cells: Vec::new(),
                    size: line.size,
                    first_on_page: false,
                    last_on_page: false,
                });
                continue;
            }
            let starts_new = match &current {
                None => true,
                Some((para, last_y)) => {
                    text_mode
                        || bullets > 0
                        || line.y - last_y > 1.3 * step
                        || (line.size - para.size).abs() >= 0.5
                        || numbered_at_margin(para, line.x0(), &raw)
                }
            };
            if starts_new {
                flush(&mut current, &mut out);
                current = Some((
                    Para {
                        text: body.to_string(),
                        bullets,
                        page: page.number,
                        x0: line.x0(),
                        cells: Vec::new(),
                        size: line.size,
                        first_on_page: false,
                        last_on_page: false,
                    },
                    line.y,
                ));
            } else if let Some((para, last_y)) = current.as_mut() {
                join_line(&mut para.text, &raw);
                *last_y = line.y;
            }
        }
        flush(&mut current, &mut out);
        if out.len() > first_index {
            out[first_index].first_on_page = true;
            if let Some(last) = out.last_mut() {
                last.last_on_page = true;
            }
        }
    }
    out
}

/// "2. Stage One Development …" under "… delivery of a WPL.": a line that
/// opens with an item number at the paragraph's left edge, after a
/// sentence has ended, starts the next item even at the usual line step.
fn numbered_at_margin(para: &Para, x0: f32, line: &str) -> bool {
    (x0 - para.x0).abs() < 2.0
        && para.text.trim_end().ends_with(['.', ';', ':'])
        && item_number(line).is_ok()
}

/// A line that is by itself a heading the recommendation grammar keys on.
fn keyed_heading(line: &str) -> bool {
    rec_heading(line).is_ok_and(|(rest, _)| rest.is_empty())
        || key_area(line).is_ok()
        || addressed_section_heading(line).is_some_and(|(_, h)| h.inline.is_empty())
}

/// Append a wrapped line: a word hyphenated at the line end ("co-" +
/// "ordinated") is joined without a space, everything else with one.
fn join_line(text: &mut String, line: &str) {
    let mut tail = text.chars().rev();
    let hyphenated = tail.next() == Some('-') && tail.next().is_some_and(|c| c.is_alphabetic());
    if !(hyphenated && line.chars().next().is_some_and(|c| c.is_lowercase())) {
        text.push(' ');
    }
    text.push_str(line);
}

fn flush(current: &mut Option<(Para, f32)>, out: &mut Vec<Para>) {
    if let Some((para, _)) = current.take() {
        if !para.text.is_empty() {
            out.push(para);
        }
    }
}

fn table_para(line: &Line, page: u32) -> Para {
    let cells: Vec<String> = line.cells.iter().map(|c| clean(&c.text)).collect();
    let mut bullets = 0;
    let mut parts: Vec<&str> = Vec::new();
    for (k, cell) in cells.iter().enumerate() {
        if k == 0 {
            if let Some(n) = bullet_cell(cell) {
                bullets = n;
                continue;
            }
        }
        if !cell.is_empty() {
            parts.push(cell);
        }
    }
    let joined = parts.join(" ");
    let (b, body) = split_bullet(&joined);
    Para {
        text: body.to_string(),
        bullets: bullets.max(b),
        page,
        x0: line.x0(),
        cells,
        size: line.size,
        first_on_page: false,
        last_on_page: false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::input::{from_text, Cell};
    use crate::lex::lex_pages;

    /// A4 page 3 holding `lines`.
    fn page_three(lines: Vec<Line>) -> Page {
        Page {
            number: 3,
            label: None,
            width: 595.0,
            height: 842.0,
            lines,
        }
    }

    fn pdf_line(y: f32, x0: f32, text: &str) -> Line {
        Line::from_cells(
            vec![Cell {
                text: text.to_string(),
                x0,
                x1: x0 + 300.0,
            }],
            y,
            11.0,
            false,
        )
    }

    #[test]
    fn text_lines_are_paragraphs_and_bullets_are_split_off() {
        let pages =
            from_text("LSCBs should:\n\n· monitor the quality\nensure training\n **Bold** text");
        let paras = paragraphs(&pages, &lex_pages(&pages));
        let texts: Vec<&str> = paras.iter().map(|p| p.text.as_str()).collect();
        assert_eq!(
            texts,
            [
                "LSCBs should:",
                "monitor the quality",
                "ensure training",
                "Bold text"
            ]
        );
        assert_eq!(paras[1].bullets, 1);
        assert_eq!(paras[2].bullets, 0);
        assert_eq!(paras[3].x0, 1.0);
        assert!(paras[0].first_on_page && paras[3].last_on_page);
    }

    #[test]
    fn pdf_lines_join_until_a_wide_gap_or_a_bullet() {
        let pages = [page_three(vec![
            pdf_line(100.0, 57.0, "· strengthen and specify the roles, setting"),
            pdf_line(112.5, 57.0, "out that they must secure provision"),
            pdf_line(125.0, 57.0, "and publish a plan"),
            pdf_line(151.5, 57.0, "require LSCBs to evaluate"),
            pdf_line(164.0, 57.0, "findings in the annual report."),
            pdf_line(190.5, 57.0, "• next item"),
        ])];
        let paras = paragraphs(&pages, &lex_pages(&pages));
        assert_eq!(paras.len(), 3);
        assert_eq!(
            paras[0].text,
            "strengthen and specify the roles, setting out that they must secure provision and publish a plan"
        );
        assert_eq!(
            paras[1].text,
            "require LSCBs to evaluate findings in the annual report."
        );
        assert_eq!(paras[2].bullets, 1);
        assert_eq!(paras[2].page, 3);
    }

    /// Bristol's workplace parking levy report p3: "2." at the margin of
    /// "1. Approve …", after its sentence ended, is the next item; a number
    /// that wraps mid-sentence is not.
    #[test]
    fn a_numbered_line_at_the_margin_after_a_full_stop_opens_an_item() {
        let pages = [page_three(vec![
                pdf_line(100.0, 58.0, "1. Approve testing options for a WPL and the"),
                pdf_line(112.5, 58.0, "potential subsequent delivery of a WPL."),
                pdf_line(125.0, 58.0, "2. Stage One Development and OBC costs to be funded through CAZ funding to be repaid from"),
                pdf_line(137.5, 58.0, "subsequent income generated from the scheme, as set out in paragraph"),
                pdf_line(150.0, 58.0, "8. of the report."),
        ])];
        let paras = paragraphs(&pages, &lex_pages(&pages));
        assert_eq!(paras.len(), 2);
        assert!(paras[0].text.ends_with("delivery of a WPL."));
        assert!(paras[1].text.starts_with("2. Stage One"));
        assert!(paras[1].text.ends_with("paragraph 8. of the report."));
    }

    #[test]
    fn hyphenated_line_ends_join_without_a_space() {
        let mut s = "receiving co-".to_string();
        join_line(&mut s, "ordinated support");
        assert_eq!(s, "receiving co-ordinated support");
        let mut s = "1999 -".to_string();
        join_line(&mut s, "to date");
        assert_eq!(s, "1999 - to date");
    }

    #[test]
    fn words_broken_at_a_hyphen_are_rejoined() {
        assert_eq!(clean("meetings co- chaired by"), "meetings co-chaired by");
        assert_eq!(
            clean("evidence- and research-informed"),
            "evidence- and research-informed"
        );
        assert_eq!(clean("Stockton- on-Tees"), "Stockton-on-Tees");
        assert_eq!(clean("Stockton-on- Tees"), "Stockton-on-Tees");
        assert_eq!(clean("Forum - Work Plan"), "Forum - Work Plan");
    }

    /// `rejoin_hyphens` as first written, word by word.
    fn rejoin_by_words(s: &str) -> String {
        let mut out = String::with_capacity(s.len());
        let mut words = s.split(' ').peekable();
        while let Some(w) = words.next() {
            out.push_str(w);
            let Some(next) = words.peek() else { break };
            let mut tail = w.chars().rev();
            let broken = tail.next() == Some('-')
                && tail.next().is_some_and(|c| c.is_alphabetic())
                && next.chars().next().is_some_and(|c| c.is_alphabetic())
                && !matches!(*next, "and" | "or" | "to" | "nor" | "and/or");
            if !broken {
                out.push(' ');
            }
        }
        out
    }

    #[test]
    fn hyphens_rejoined_as_word_by_word() {
        for s in [
            "",
            "-",
            "- ",
            " - ",
            "co- chaired",
            "co-  chaired",
            "a- b- c",
            "é- é",
            "x- and y",
            "x- andy",
            "1999 - to date",
            "- lead",
            "trail -",
            "--  x",
            "Stockton-on- Tees",
            "a-- b",
            "ü- ß",
            "a -b",
            "co- and/or x",
        ] {
            assert_eq!(rejoin_hyphens(s), rejoin_by_words(s), "{s:?}");
        }
    }

    /// `clean` as first written: strip, unbold, fold, rejoin.
    fn clean_reference(s: &str) -> String {
        use crate::lex::{fold, strip_html};
        let folded = fold(&strip_html(s).replace("**", ""));
        // A hyphen found by a byte search, then the byte after it read (no
        // substring searcher set up per line).
        let b = folded.as_bytes();
        if folded
            .match_indices('-')
            .any(|(at, _)| b.get(at + 1) == Some(&b' '))
        {
            rejoin_hyphens(&folded)
        } else {
            folded
        }
    }

    #[test]
    fn clean_is_strip_fold_rejoin() {
        for s in [
            "",
            " ",
            "plain words",
            "  lead and trail  ",
            "tab\there\r\nand\u{b}\u{c}more",
            "no\u{a0}break\u{2009}thin\u{3000}ideo\u{85}nel\u{1680}og\u{205f}mm\u{202f}n",
            "curly ’quotes’ – dashes — and • bullets",
            "co- chaired",
            "co-\tchaired",
            "evidence- and research-informed",
            "1999 - to date",
            "- lead dash",
            "trailing -",
            "**Bold** text",
            "<p>para</p><li>item &amp; more&nbsp;here</li>",
            "a < b and c > d",
            "star * alone",
            "ends\u{a0}",
            "\u{2028}line sep",
            "Ä ü ß\u{200a}x",
            "double  space",
            "x -y and x- 1 and 1- x and é- è",
            "pre-\u{a0}post",
            "‘quoted’\u{2003}em space",
            "tail-",
        ] {
            assert_eq!(clean(s), clean_reference(s), "{s:?}");
        }
    }

    #[test]
    fn a_bullet_cell_counts_the_items_merged_beside_it() {
        let mut line = Line::from_cells(
            vec![
                Cell {
                    text: "◼ ◼".into(),
                    x0: 57.0,
                    x1: 70.0,
                },
                Cell {
                    text: "First. Second.".into(),
                    x0: 75.0,
                    x1: 500.0,
                },
            ],
            100.0,
            12.0,
            false,
        );
        line.table = Some(0);
        let p = table_para(&line, 1);
        assert_eq!(p.bullets, 2);
        assert_eq!(p.text, "First. Second.");
        assert!(p.is_table_row());
        assert_eq!(bullet_cell("1."), None);
    }
}

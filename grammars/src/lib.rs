//! `grammars`: text in, typed records out.
//!
//! Pages of positioned lines (from the PDF layout layer or the text, markdown
//! and HTML readers)
//! are split into documents, and each document is read by the grammars its
//! type calls for. No file I/O, no threads, no search index here: a parser
//! depends only on its input.

pub mod agenda;
pub mod attendance;
pub mod common;
pub mod input;
pub mod markup;
pub mod meeting;
pub mod minutes;
pub mod minutes_lex;
pub mod minutes_people;
pub mod model;
pub mod recommendation;
mod recommendation_lex;
mod recommendation_para;
pub mod registry;
pub mod report;
pub mod resolution;
pub mod segment;
pub mod table;
pub mod table_cell;
#[cfg(test)]
mod test_seeds;

pub use input::{from_text, Cell, Line, Page};
pub use markup::{from_html, from_markdown};
pub use model::*;

/// Parse a file's pages into documents, records and diagnostics.
///
/// Every document yields a `document` record holding its whole text, so
/// full-text search finds everything, also where no grammar produced a record.
pub fn parse(pages: &[Page]) -> Parsed {
    let mut out = Parsed::default();
    let (segments, own) = segment::segment_lines(pages);
    // Where each page's lines start in `own`.
    let mut page_start = Vec::with_capacity(pages.len());
    let mut lines = 0;
    for page in pages {
        page_start.push(lines);
        lines += page.lines.len();
    }
    for seg in segments {
        // A document may begin or end inside a page: its grammars read its
        // own lines only.
        let doc_pages = &seg.pages_cow(pages)[..];
        // Line `l` of the document's page `j` is the file's line: its own
        // plain text or not, as segmenting found.
        let own_at = |j: usize, l: usize| {
            let skip = if j == 0 { seg.first_line } else { 0 };
            page_start
                .get(seg.first + j)
                .and_then(|s| own.get(s + skip + l))
                .copied()
                .unwrap_or(false)
        };
        let doc = out.documents.len();
        out.documents.push(seg.info.clone());
        out.records.push(Record {
            text: document_text_with(doc_pages, own_at),
            page: seg.info.pages[0],
            page_end: seg.info.pages[1],
            document: doc,
            fields: Fields::Document(DocumentFields {}),
        });
        if seg.info.doc_type == DocType::Other {
            out.diagnostics.push(Diagnostic {
                page: seg.info.pages[0],
                message: "document type not recognised: kept as document text (and any tables)"
                    .to_string(),
            });
        }
        let first_new = out.records.len();
        let mut grammars = registry::grammars_for(seg.info.doc_type);
        // The report grammar takes the front sheet segmenting read.
        if let Some(sheet) = seg.sheet.as_ref() {
            if registry::opens_with_report(seg.info.doc_type) {
                report::parse_with_sheet(doc_pages, &seg.info, doc, &mut out, Some(sheet));
                grammars = grammars.get(1..).unwrap_or_default();
            }
        }
        for grammar in grammars {
            grammar(doc_pages, &seg.info, doc, &mut out);
        }
        // Records come out in document order: by the page they start on,
        // keeping each grammar's own order among records of one page.
        out.records[first_new..].sort_by_key(|r| r.page);
    }
    out
}

/// The whole clean text of some pages, whitespace folded, HTML fragments removed.
pub fn document_text(pages: &[Page]) -> String {
    document_text_with(pages, |_, _| false)
}

/// `document_text`, told which lines are their own plain text (line `l`
/// of page `j`): folded already and free of tags and entities, so they are
/// copied as they are, unscanned.
fn document_text_with(pages: &[Page], own: impl Fn(usize, usize) -> bool) -> String {
    let own = &own;
    // The non-blank lines, found once for the passes below.
    let lines: Vec<(&str, bool)> = pages
        .iter()
        .enumerate()
        .flat_map(|(j, p)| {
            p.lines
                .iter()
                .enumerate()
                .filter(|(_, l)| !l.is_blank())
                .map(move |(l, line)| (line.text.as_str(), own(j, l)))
        })
        .collect();
    // A tag may open on one line and close on the next: strip tags from
    // the joined text. Without any, folding the joined text is folding
    // each line and joining the folds with a space. A '<' no tag name
    // follows ("< 5%") leaves the text as it is, but for the entities
    // `strip_html` then rewrites.
    // Both need a '<' somewhere (most documents have none): one search
    // for it first.
    // A line of its own plain text holds neither '<' nor '&'.
    let other = || lines.iter().filter(|(_, o)| !o).map(|(t, _)| *t);
    let markup = other().any(|t| t.contains('<'))
        && (other().any(may_open_tag) || other().any(|t| t.contains('&')));
    if markup {
        let mut s = String::new();
        for (line, _) in &lines {
            s.push_str(line);
            s.push(' ');
        }
        return common::fold(&common::strip_html(&s));
    }
    // Room for every line and a space after each, reserved once: the fold
    // never lengthens a line.
    let mut out = String::with_capacity(lines.iter().map(|(t, _)| t.len() + 1).sum());
    for &(line, own) in &lines {
        if own {
            // What `fold_into` does with a folded, non-empty line.
            if !out.is_empty() {
                out.push(' ');
            }
            out.push_str(line);
        } else {
            common::fold_into(line, &mut out);
        }
    }
    out
}

/// Whether `t` holds a '<' that may open a tag `common::strip_html`
/// removes: one followed (after any '/') by an ASCII letter, since every
/// tag name it knows is letters.
fn may_open_tag(t: &str) -> bool {
    let b = t.as_bytes();
    let mut from = 0;
    while let Some(k) = b
        .get(from..)
        .and_then(|r| r.iter().position(|&c| c == b'<'))
    {
        let mut j = from + k + 1;
        while b.get(j) == Some(&b'/') {
            j += 1;
        }
        if b.get(j).is_some_and(u8::is_ascii_alphabetic) {
            return true;
        }
        from = j;
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    fn page(lines: &[&str]) -> Page {
        from_text(&lines.join("\n")).remove(0)
    }

    #[test]
    fn a_lone_angle_bracket_is_no_tag() {
        assert!(!may_open_tag("fewer than < 5% of pupils"));
        assert!(!may_open_tag("a <= b, c </ 2, end <"));
        assert!(may_open_tag("x <p>y"));
        assert!(may_open_tag("</li>"));
        assert!(may_open_tag("a < b <span"));
    }

    #[test]
    fn document_text_alike_told_which_lines_are_plain() {
        let mut inputs: Vec<Vec<Page>> = vec![vec![page(&[
            "plain line",
            "  spaced  ",
            "<p>tag</p>",
            "a &amp; b",
            "x\ty",
            "é ’",
        ])]];
        for text in crate::test_seeds::seed_texts() {
            inputs.push(from_text(&text));
        }
        for pages in &inputs {
            let own = |j: usize, l: usize| {
                let t = &pages[j].lines[l].text;
                matches!(common::plain_cells_cow(t), std::borrow::Cow::Borrowed(_))
            };
            assert_eq!(document_text_with(pages, own), document_text(pages));
        }
        // And over each document, as `parse` hands them.
        for pages in &inputs {
            let parsed = parse(pages);
            for seg in segment::segment(pages) {
                let text = document_text(&seg.pages_cow(pages));
                assert!(parsed.records.iter().any(|r| r.text == text));
            }
        }
    }

    #[test]
    fn document_text_alike_with_and_without_tags() {
        // The line-by-line fold matches stripping and folding the whole.
        for lines in [
            vec!["Budget  < 5%", "", "  up\tto <  10% "],
            vec!["a < b", "R&amp;D &nbsp; costs"],
            vec!["<p>Item", "one</p>", "< 3"],
        ] {
            let pages = [page(&lines)];
            let mut joined = String::new();
            for l in pages[0].lines.iter().filter(|l| !l.is_blank()) {
                joined.push_str(&l.text);
                joined.push(' ');
            }
            let whole = common::fold(&common::strip_html(&joined));
            assert_eq!(document_text(&pages), whole, "{lines:?}");
        }
    }
}

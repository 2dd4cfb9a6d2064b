//! `grammars`: text in, typed records out.
//!
//! Pages of positioned lines (from the PDF layout layer or the text, markdown
//! and HTML readers)
//! are split into documents, and each document is read by the grammars its
//! type calls for. No file I/O, no threads, no search index here: a parser
//! depends only on its input.

// In the order data moves: the input model, the lexemes every stage
// shares, segmentation into documents, then one folder per family of
// documents and the registry that says which families read which type.
pub mod document;
pub mod input;
pub mod lex;
pub mod markup;
pub mod model;
pub mod outline;
pub mod segment;

pub mod agenda;
pub mod decisions;
pub mod judgements;
pub mod minutes;
pub mod recommendations;
pub mod reports;
pub mod tables;

pub mod registry;
#[cfg(test)]
mod test_seeds;

pub use document::Doc;
pub use input::{from_text, Cell, Line, Page};
pub use markup::{from_html, from_markdown};
pub use model::*;

/// Parse a file's pages into documents, records and diagnostics.
///
/// Every document yields a `document` record holding its whole text, so
/// full-text search finds everything, also where no grammar produced a record.
pub fn parse(pages: &[Page]) -> Parsed {
    let mut out = Parsed::default();
    // Every line is lexed once, here; segmentation and the grammars read it.
    let lexed = lex::lex_pages(pages);
    for seg in segment::segment_lexed(pages, &lexed) {
        // A document may begin or end inside a page: its grammars read its
        // own lines only.
        let doc_pages = &seg.pages_cow(pages)[..];
        let lines = segment_lines(pages, &lexed, &seg);
        let text = document_text(&lines);
        let doc = Doc::new(doc_pages, lines, &seg.info, out.documents.len());
        out.documents.push(seg.info.clone());
        out.records.push(Record {
            text,
            page: seg.info.pages[0],
            page_end: seg.info.pages[1],
            document: doc.index,
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
                reports::parse_with_sheet(doc_pages, &seg.info, doc.index, &mut out, Some(sheet));
                grammars = grammars.get(1..).unwrap_or_default();
            }
        }
        for grammar in grammars {
            grammar(&doc, &mut out);
        }
        // Records come out in document order: by the page they start on,
        // keeping each grammar's own order among records of one page.
        out.records[first_new..].sort_by_key(|r| r.page);
    }
    agenda::meeting::council_from_file(&mut out, &lexed);
    out
}

/// The file's lexed lines that fall in a segment.
fn segment_lines<'a>(
    pages: &[Page],
    lexed: &'a [lex::LexedLine<'_>],
    seg: &segment::Segment,
) -> Vec<lex::LexedLine<'a>> {
    let first_of = |page: usize| pages[..page].iter().map(|p| p.lines.len()).sum::<usize>();
    let from = first_of(seg.first) + seg.first_line;
    let to = first_of(seg.last) + seg.last_line;
    let lines = lexed.get(from..=to).unwrap_or_default();
    lines.iter().map(lex::LexedLine::reborrow).collect()
}

/// A document of a file and its headings, as `agendex pages --outline`
/// shows them.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct DocumentOutline {
    pub info: DocumentInfo,
    pub headings: Vec<OutlineHeading>,
}

/// A heading: its level (1 the highest), physical page and text.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct OutlineHeading {
    pub level: u8,
    pub page: u32,
    pub text: String,
}

/// The documents of a file with the outline each grammar reads.
pub fn outlines(pages: &[Page]) -> Vec<DocumentOutline> {
    let lexed = lex::lex_pages(pages);
    segment::segment_lexed(pages, &lexed)
        .into_iter()
        .enumerate()
        .map(|(k, seg)| {
            let doc_pages = seg.pages_cow(pages);
            let doc = Doc::new(&doc_pages, segment_lines(pages, &lexed, &seg), &seg.info, k);
            let headings = doc
                .outline
                .headings
                .iter()
                .map(|h| OutlineHeading {
                    level: h.level,
                    page: doc.lines[h.line].page,
                    text: doc.lines[h.line].text.to_string(),
                })
                .collect();
            DocumentOutline {
                info: seg.info.clone(),
                headings,
            }
        })
        .collect()
}

/// The whole clean text of some lines (a document's lexed lines),
/// whitespace folded, HTML fragments removed. A tag may open on one line
/// and close on the next: tags are stripped from the joined text.
pub fn document_text(lines: &[lex::LexedLine]) -> String {
    // Room for every line's words and a space: the text is not regrown.
    let mut out = String::with_capacity(lines.iter().map(|l| l.text.len() + 1).sum());
    for l in lines.iter().filter(|l| !l.line.is_blank()) {
        // A line that is its own plain text is its own fold; without a
        // tag or a bold marker the plain text is the fold of the line (a
        // lone '*' or '&' is kept by both): no need to fold it again.
        let text = &*l.text;
        if text == l.line.text || (!l.line.text.contains('<') && !l.line.text.contains("**")) {
            if !text.is_empty() {
                if !out.is_empty() {
                    out.push(' ');
                }
                out.push_str(text);
            }
        } else {
            lex::fold_into(&l.line.text, &mut out);
        }
    }
    if out.contains('<') {
        let stripped = lex::strip_html(&out);
        // A '<' that opens no tag ("< 5%") leaves the text as it was, and
        // that is folded already: each line's words are folded, joined by
        // one space.
        if stripped == out {
            debug_assert!(lex::is_folded(&out));
            return out;
        }
        return lex::fold(&stripped);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn page(lines: &[&str]) -> Page {
        from_text(&lines.join("\n")).remove(0)
    }

    #[test]
    fn document_text_strips_tags_across_lines() {
        for (lines, want) in [
            (
                vec!["Budget  < 5%", "", "  up\tto <  10% "],
                "Budget < 5% up to < 10%",
            ),
            (vec!["a < b", "R&amp;D &nbsp; costs"], "a < b R&D costs"),
            (vec!["<p>Item", "one</p>", "< 3"], "Item one < 3"),
            (
                vec!["plain line", "  spaced  ", "x\ty"],
                "plain line spaced x y",
            ),
        ] {
            let pages = [page(&lines)];
            assert_eq!(document_text(&lex::lex_pages(&pages)), want, "{lines:?}");
        }
    }

    #[test]
    fn every_document_gives_its_text_as_a_record() {
        for text in crate::test_seeds::seed_texts() {
            let pages = from_text(&text);
            let parsed = parse(&pages);
            for seg in segment::segment(&pages) {
                let text = document_text(&lex::lex_pages(&seg.pages_cow(&pages)));
                assert!(parsed.records.iter().any(|r| r.text == text));
            }
        }
    }
}

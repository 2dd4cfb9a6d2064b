//! A document's title when no title field or meeting heading names it: the
//! first heading among its opening lines, read by typography — never a
//! security marking, a covering letter's salutation ("Dear Member") or
//! valediction, nor a letterhead (the council's own name alone, set over a
//! heading as large or bolder than itself).

use super::Flat;
use crate::lex::{eq_lower, fold, is_letter_formula};

/// Security markings printed above a title, never a title themselves.
const MARKINGS: [&str; 6] = [
    "for general release",
    "unrestricted",
    "official",
    "official sensitive",
    "not for publication",
    "public",
];

/// Lines after a letterhead in which the heading it stands over is looked for.
const UNDER_LETTERHEAD: usize = 4;

/// A line that reads as a heading: short, not a sentence, not a table row.
/// The cheap tests come first: most lines fail on their first character.
fn heading_like(t: &str) -> bool {
    t.starts_with(char::is_uppercase)
        && !is_marking(t)
        && !t.contains(" | ")
        && t.chars().count() <= 100
        && !t.ends_with('.')
        && t.chars().any(|c| c.is_alphabetic())
        && !t.contains('\t')
        && !is_letter_formula(t)
}

/// Whether `t` is a security marking, in any case (no lowered copy made).
fn is_marking(t: &str) -> bool {
    MARKINGS.iter().any(|m| eq_lower(t, m))
}

/// The first line of `head` that reads as a heading.
pub fn first_heading(head: &[&str]) -> Option<String> {
    head.iter().find(|t| heading_like(t)).map(|t| fold(t))
}

/// An organisation's name alone ("Kent County Council", "WEST OF ENGLAND
/// COMBINED AUTHORITY"): a few capitalised words ending in "Council" or
/// "Authority", naming the file's council where one is known.
fn names_organisation(t: &str, council: Option<&str>) -> bool {
    let words: Vec<&str> = t.split_whitespace().collect();
    let last = words.last().copied().unwrap_or("");
    let org = last.eq_ignore_ascii_case("council") || last.eq_ignore_ascii_case("authority");
    let capitalised = words
        .iter()
        .all(|w| w.starts_with(|c: char| c.is_uppercase() || !c.is_alphabetic()));
    let names_council = council.is_none_or(|c| t.to_lowercase().contains(&c.to_lowercase()));
    org && capitalised && words.len() <= 6 && names_council
}

/// The title among a document's opening lines: the first heading, passing
/// over a letterhead where a heading as large (or bolder) follows it within
/// a few lines on the same page.
pub fn opening_title(lines: &[&Flat], council: Option<&str>) -> Option<String> {
    // Headings are told one by one: past a first heading that is no
    // letterhead, no other line is read.
    let mut candidates = lines.iter().copied().filter(|f| heading_like(&f.plain));
    let first = candidates.next()?;
    let under = (names_organisation(&first.plain, council))
        .then(|| {
            candidates
                .take(UNDER_LETTERHEAD)
                .filter(|f| f.page_index == first.page_index)
                .find(|f| f.line.size >= first.line.size * 0.9 || (f.line.bold && !first.line.bold))
        })
        .flatten();
    Some(fold(&under.unwrap_or(first).plain))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::input::{from_text, Page};
    use crate::lex::lex_pages;

    /// Pages of `text` with each line set at the size given.
    fn sized(text: &str, sizes: &[f32]) -> Vec<Page> {
        let mut pages = from_text(text);
        for (line, size) in pages[0].lines.iter_mut().zip(sizes) {
            line.size = *size;
        }
        pages
    }

    fn title(pages: &[Page], council: Option<&str>) -> Option<String> {
        let flat = lex_pages(pages);
        let lines: Vec<&Flat> = flat.iter().filter(|f| !f.is_blank()).collect();
        opening_title(&lines, council)
    }

    #[test]
    fn a_letterhead_over_a_heading_as_large_is_no_title() {
        // Kent's quarterly performance report cover: four lines at 2.2×.
        let cover = "Kent County Council\nQuarterly Performance Report\nQuarter 3\n2024/25\n\
                     Produced by: Kent Analytics\n";
        let pages = sized(cover, &[22.0, 22.0, 22.0, 22.0, 10.0]);
        assert_eq!(
            title(&pages, Some("Kent")).as_deref(),
            Some("Quarterly Performance Report")
        );
        // The council's name over small print only is the one heading there is.
        let pages = sized(
            "Kent County Council\nProduced by: Kent Analytics\n",
            &[22.0, 10.0],
        );
        assert_eq!(
            title(&pages, Some("Kent")).as_deref(),
            Some("Kent County Council")
        );
        // Another council's name is a title (a report about it), not a letterhead.
        let pages = sized(cover, &[22.0, 22.0, 22.0, 22.0, 10.0]);
        assert_eq!(
            title(&pages, Some("Medway")).as_deref(),
            Some("Kent County Council")
        );
    }

    #[test]
    fn a_covering_letters_salutation_is_no_title() {
        // Kent's budget amendments pack opens with a covering letter.
        let letter = "Dear Member\nCOUNTY COUNCIL - THURSDAY, 13 FEBRUARY 2025\n\
                      Enclosed are the Budget amendments that were proposed.\nYours sincerely\n";
        let pages = sized(letter, &[12.0; 4]);
        assert_eq!(
            title(&pages, Some("Kent")).as_deref(),
            Some("COUNTY COUNCIL - THURSDAY, 13 FEBRUARY 2025")
        );
    }
}

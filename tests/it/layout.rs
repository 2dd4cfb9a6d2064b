//! The layout layer on the corpus PDFs: page labels, running headers removed,
//! and the pages the grammars are tested on (`grammars/tests/pages/*.json`)
//! kept equal to what the layout layer reads today.
//!
//! After a deliberate layout change, rewrite the fixtures with
//! `AGENDEX_BLESS=1 cargo test --test it layout` and review the diff of the
//! readable form (`agendex pages corpus/<file>.pdf`).

use crate::support::{corpus_real, root, run};
use grammars::Page;

const STEMS: &[&str] = &[
    "000_ab51a36975b4b00c",
    "001_dd0b79784824a396",
    "002_73f4e48f0bf20ba3",
    "003_a0cb441c1b215d03",
    "004_790beaa8e3ba6a97",
];

fn pages_of(stem: &str) -> (String, Vec<Page>) {
    let pdf = format!("corpus/{stem}.pdf");
    let out = run(&["pages", "--json", &pdf]);
    assert!(out.status.success(), "pages {pdf}: {:?}", out);
    let json = String::from_utf8(out.stdout).expect("UTF-8 JSON");
    let pages: Vec<Page> = serde_json::from_str(json.trim()).expect("pages JSON");
    (json, pages)
}

#[test]
fn grammar_fixtures_match_the_layout_layer() {
    let bless = std::env::var_os("AGENDEX_BLESS").is_some();
    let mut stale = Vec::new();
    for stem in STEMS {
        let (json, pages) = pages_of(stem);
        let fixture = root()
            .join("grammars/tests/pages")
            .join(format!("{stem}.json"));
        if bless {
            std::fs::write(&fixture, &json).expect("write fixture");
            continue;
        }
        let kept: Vec<Page> =
            serde_json::from_str(&std::fs::read_to_string(&fixture).expect("fixture exists"))
                .expect("fixture JSON");
        if kept != pages {
            stale.push(*stem);
        }
    }
    assert!(
        stale.is_empty(),
        "grammar fixtures differ from the layout layer for {stale:?}: \
         review `agendex pages`, then AGENDEX_BLESS=1 cargo test --test it layout"
    );
}

#[test]
fn pack_pages_carry_their_printed_labels() {
    let (_, pages) = pages_of("000_ab51a36975b4b00c");
    assert_eq!(pages.len(), 51);
    // The agenda front sheet has no label; the minutes start the pack's numbering.
    assert_eq!(pages[0].label, None);
    assert_eq!(pages[1].label.as_deref(), Some("Page 1"));
    assert_eq!(pages[2].label.as_deref(), Some("Page 2"));
    // Labels are furniture: never left in the text.
    for p in &pages {
        for l in &p.lines {
            assert_ne!(
                l.text.trim(),
                p.label.as_deref().unwrap_or("\u{0}"),
                "page {}",
                p.number
            );
        }
    }
}

#[test]
fn running_headers_are_removed_and_page_numbers_kept() {
    let (_, pages) = pages_of("001_dd0b79784824a396");
    assert_eq!(pages.len(), 19);
    let header = "Early help: whose responsibility?";
    // The title page keeps its title; from page 2 on the running header goes.
    for p in &pages[1..] {
        assert!(p.label.is_some(), "page {} has a printed number", p.number);
        for l in &p.lines {
            assert_ne!(
                l.text.trim(),
                header,
                "running header left on page {}",
                p.number
            );
        }
    }
    let (_, pages) = pages_of("002_73f4e48f0bf20ba3");
    assert_eq!(pages[0].label.as_deref(), Some("Page 1 of 10"));
    assert_eq!(pages[9].label.as_deref(), Some("Page 10 of 10"));
    let (_, pages) = pages_of("004_790beaa8e3ba6a97");
    assert_eq!(pages[0].label.as_deref(), Some("1"));
}

/// Kent's finance monitoring report prints "Page N of 54" inside its page
/// frame, a little more than a line pitch under the last row of a
/// borderless table on pages 12, 13 and 40: each page carries it as its
/// label, and no cell ends with it.
#[test]
#[ignore = "needs ../shared/corpus-real (real council documents beside the project)"]
fn a_page_label_under_a_borderless_table_is_the_label_not_a_cell() {
    let pdf = corpus_real().join("kent_cabinet_2025-01-30_24-00108_finance-monitoring-Q3.pdf");
    let out = run(&["pages", "--json", pdf.to_str().expect("a UTF-8 path")]);
    assert!(out.status.success(), "pages {}: {:?}", pdf.display(), out);
    let pages: Vec<Page> = serde_json::from_slice(&out.stdout).expect("pages JSON");
    assert_eq!(pages.len(), 54);
    for p in &pages {
        let label = format!("Page {} of 54", p.number);
        assert_eq!(
            p.label.as_deref(),
            Some(label.as_str()),
            "page {}",
            p.number
        );
        for l in &p.lines {
            assert!(
                !l.text.contains(&label),
                "page {}: label left in {:?}",
                p.number,
                l.text
            );
        }
    }
    // The cells the label was glued to end with their own words.
    let last_cell = |page: usize, start: &str| {
        let row = pages[page - 1]
            .lines
            .iter()
            .find(|l| l.table.is_some() && l.text.starts_with(start))
            .unwrap_or_else(|| panic!("page {page}: no row {start:?}"));
        row.cells.last().expect("cells").text.clone()
    };
    assert!(last_cell(12, "Home to School").ends_with("contracts relating to"));
    assert!(last_cell(13, "Care Leavers").ends_with("arrangements are secured."));
    assert!(last_cell(40, "Sturry Link Road").ends_with("this in turn safeguards"));
}

/// A real PDF's pages as `agendex pages --json` reads them.
fn real_pages(name: &str) -> Vec<Page> {
    let pdf = corpus_real().join(name);
    let out = run(&["pages", "--json", pdf.to_str().expect("a UTF-8 path")]);
    assert!(out.status.success(), "pages {}: {:?}", pdf.display(), out);
    serde_json::from_slice(&out.stdout).expect("pages JSON")
}

/// Milburn Parish Council's minutes of 2 July 2019, page 1: minute
/// 19.07.05 is a justified paragraph whose stretched spaces leave x 395 to
/// 400 free on two lines, where the finance minute below opens its
/// amounts column. The paragraph reads in order as plain lines; the
/// invoices and their amounts are still a row of two cells.
#[test]
#[ignore = "needs ../shared/corpus-real (real council documents beside the project)"]
fn a_justified_paragraph_above_an_amounts_column_reads_in_order() {
    let pages = real_pages("milburn-pc_2019-07-02_minutes.pdf");
    let lines = &pages[0].lines;
    let at = |text: &str| {
        lines
            .iter()
            .position(|l| l.text == text)
            .unwrap_or_else(|| panic!("no line {text:?} in {lines:#?}"))
    };
    let first = at("The Application Amendments 19/0403 & 19/0404 re Cobble Courtyard,");
    assert_eq!(
        lines[first + 1].text,
        "Milburn, after discussion the Councillors resolved to support these"
    );
    assert_eq!(lines[first + 2].text, "application amendments.");
    assert!(lines[first..first + 3].iter().all(|l| l.table.is_none()));
    let finance = lines
        .iter()
        .find(|l| l.text.starts_with("19.07.06 Finance"))
        .expect("the finance minute");
    assert!(finance.table.is_some(), "{finance:?}");
    assert_eq!(
        finance.cells.last().map(|c| c.text.as_str()),
        Some("£ 54.00 £ 864.00")
    );
}

/// Newbiggin Parish Council's minutes of 3 September 2019, page 1: the
/// title's ordinal is set raised and smaller ("3" then "rd") over a space
/// glyph; the title reads "3rd", a line of its own above "Present".
#[test]
#[ignore = "needs ../shared/corpus-real (real council documents beside the project)"]
fn a_raised_ordinal_suffix_joins_its_number_in_a_title() {
    let pages = real_pages("newbiggin-pc_2019-09-03_minutes.pdf");
    let texts: Vec<&str> = pages[0].lines.iter().map(|l| l.text.as_str()).collect();
    assert_eq!(
        texts[..2],
        ["Newbiggin Parish Council - 3rd September 2019", "Present"]
    );
}

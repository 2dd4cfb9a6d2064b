//! Typography on every line, and text no reader sees left out, as
//! `agendex pages --json` gives them for the corpus PDFs and (where
//! `../shared/corpus-real` is there) real council papers.

use crate::support::{corpus_real, root, run, stderr};
use grammars::input::Align;
use grammars::{Line, Page};
use std::path::Path;

fn pages(pdf: &Path) -> Vec<Page> {
    let out = run(&["pages", "--json", pdf.to_str().expect("a UTF-8 path")]);
    assert!(
        out.status.success(),
        "pages {}: {}",
        pdf.display(),
        stderr(&out)
    );
    let json = String::from_utf8(out.stdout).expect("UTF-8 JSON");
    serde_json::from_str(json.trim()).expect("pages JSON")
}

fn real(name: &str) -> Vec<Page> {
    pages(&corpus_real().join(name))
}

/// The first line on a page whose text starts with `start`.
fn line<'a>(page: &'a Page, start: &str) -> &'a Line {
    page.lines
        .iter()
        .find(|l| l.text.starts_with(start))
        .unwrap_or_else(|| panic!("page {}: no line {start:?}", page.number))
}

#[test]
fn the_agenda_front_sheet_headings_are_bold_capitals_and_its_prose_is_not() {
    let pack = pages(&root().join("corpus/000_ab51a36975b4b00c.pdf"));
    let front = &pack[0];
    for heading in [
        "AGENDA",
        "1. CHAIR'S WELCOME",
        "6. HIGH NEEDS UPDATE (PAGES 9 - 20)",
    ] {
        let l = line(front, heading);
        assert!(l.bold && l.caps && !l.italic, "{heading}: {l:?}");
        assert_eq!(l.align, Align::Left, "{heading}");
    }
    let prose = line(front, "Clerk to report.");
    assert!(!prose.bold && !prose.caps, "{prose:?}");
    // Body text is the size most of the pack is set in.
    assert_eq!(prose.rel_size, 1.0);
    assert_eq!(prose.indent, 0.0);
    // A paragraph follows its heading after a gap; its wrapped line
    // follows at the line spacing.
    let wrapped = line(front, "item on the agenda.");
    let after_heading = line(front, "Declarations are only required");
    assert!(
        after_heading.space_above > wrapped.space_above,
        "{after_heading:?} {wrapped:?}"
    );
}

#[test]
#[ignore = "needs ../shared/corpus-real (real council documents beside the project)"]
fn kent_risk_register_hides_its_clipped_label_from_the_table_cells() {
    // Each page after the first repeats "Significant Risks (over £10m)"
    // inside a clip 1.5 points high that shows none of it; read without
    // the clip its letters fell into the first row's cells
    // ("ASSigCnHi /f ican CYPE").
    let pages = real("kent_cabinet_2025-01-30_appendix-I_budget-risk-register.pdf");
    assert!(
        pages[0]
            .lines
            .iter()
            .any(|l| l.text.starts_with("Significant Risks (over £10m)")),
        "page 1 prints the label"
    );
    for p in &pages[1..] {
        for l in &p.lines {
            // The directorate column held "ifican", the next ones
            // "Risks (over" and "£10m)" in pieces.
            let first = l.cells.first().map_or("", |c| c.text.as_str());
            assert!(
                !first.contains("ifican") && !l.text.contains("£10m)") && !l.text.contains("£T1"),
                "page {}: {:?}",
                p.number,
                l.text
            );
        }
    }
    // The white directorate names on their coloured cells stay.
    let row = line(&pages[1], "ASCH");
    let cells: Vec<&str> = row.cells.iter().take(3).map(|c| c.text.as_str()).collect();
    assert_eq!(cells[1], "Market Sustainability");
    assert!(
        cells[2].starts_with("The long term impact of Covid-19"),
        "{cells:?}"
    );
    assert!(cells[0].starts_with("ASCH /"), "{cells:?}");
}

#[test]
#[ignore = "needs ../shared/corpus-real (real council documents beside the project)"]
fn invisible_and_white_characters_are_left_out() {
    // Kent's budget templates draw a minus sign in render mode 3 before
    // a total the page shows as 100.0.
    {
        let pages = real("kent_county-council_2025-02-13_appendix-F_budget-templates.pdf");
        let total = line(&pages[1], "TOTAL BASE BUDGET CHANGES");
        assert!(
            total.text.ends_with(" 10,320.7 100.0 4,000.0"),
            "{:?}",
            total.text
        );
    }
    // Bristol's minutes set some punctuation in white on the white page.
    {
        let pages = real(
            "bristol-cc_2024-09-12_transport-connectivity-policy-committee_printed-minutes.pdf",
        );
        let text: String = pages
            .iter()
            .flat_map(|p| &p.lines)
            .map(|l| l.text.as_str())
            .collect();
        assert!(
            text.contains("to bid for, accept and spend CRSTS funding inclusive of"),
            "white comma and bracket"
        );
    }
}

#[test]
#[ignore = "needs ../shared/corpus-real (real council documents beside the project)"]
fn italic_lines_are_told_from_the_bold_upright_line_between_them() {
    let pages = real("kent_24-00093_decision-report.pdf");
    let approve = line(&pages[1], "APPROVE the proposal");
    assert!(approve.bold && approve.italic, "{approve:?}");
    let upright = line(&pages[1], "Director of Infrastructure, in consultation");
    assert!(upright.bold && !upright.italic, "{upright:?}");
    let plain = line(&pages[1], "The Cabinet Member for Integrated");
    assert!(!plain.bold && !plain.italic, "{plain:?}");
}

#[test]
#[ignore = "needs ../shared/corpus-real (real council documents beside the project)"]
fn a_slanted_title_is_italic_centred_and_larger_than_the_body() {
    // Milburn PC's agenda slants an upright face with its text matrix.
    let pages = real("milburn-pc_2018-05-08_agm-agenda.pdf");
    let title = line(&pages[0], "MILBURN PARISH COUNCIL");
    assert!(title.bold && title.italic && title.caps, "{title:?}");
    assert_eq!(title.align, Align::Centre);
    assert!(title.rel_size >= 1.4, "{title:?}");
}

#[test]
#[ignore = "needs ../shared/corpus-real (real council documents beside the project)"]
fn a_parish_notice_centres_its_letterhead_and_sets_its_agenda_left() {
    let pages = real("burton-cum-walden-pc_2025-10-07_agenda-public-notice.pdf");
    let p = &pages[0];
    for centred in [
        "BURTON-CUM-WALDEN PARISH COUNCIL",
        "Tel: 01969 663419",
        "PUBLIC NOTICE",
    ] {
        assert_eq!(line(p, centred).align, Align::Centre, "{centred}");
    }
    let notice = line(p, "PUBLIC NOTICE");
    assert!(notice.bold && notice.caps);
    for left in ["AGENDA", "1. To receive apologies for absence"] {
        assert_eq!(line(p, left).align, Align::Left, "{left}");
    }
}

#[test]
#[ignore = "needs ../shared/corpus-real (real council documents beside the project)"]
fn text_shown_line_by_line_and_cid_widths_land_where_printed() {
    // Ayton's 2012 minutes show lines with the `'` operator; read as if
    // it were not there, the members present landed above the page.
    {
        let pages = real("ayton-cc_2012-03-06_minutes.pdf");
        let present = line(&pages[0], "PRESENT");
        assert!(
            present.text.contains("Rob Weatherston"),
            "{:?}",
            present.text
        );
    }
    // Ayton's 2021 minutes give CID widths as `first last width` ranges;
    // read at the default width, words ran past the right edge.
    {
        let pages = real("ayton-cc_2021-07-06_minutes.pdf");
        let present = line(&pages[0], "Present:");
        assert!(
            present.text.contains("Kenny Combe Isabel Kellie"),
            "{:?}",
            present.text
        );
    }
}

#[test]
fn agendex_pages_marks_typography() {
    let out = run(&["pages", "corpus/000_ab51a36975b4b00c.pdf"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.lines().any(|l| l == "[HBA] AGENDA"), "{text}");
    assert!(text.lines().any(|l| l == "Clerk to report."));
}

#[test]
fn the_outline_of_an_agenda_pack_lists_its_items_under_the_agenda() {
    let pack = root().join("corpus/000_ab51a36975b4b00c.pdf");
    let out = run(&["pages", "--outline", "--json", pack.to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
    let docs: serde_json::Value = serde_json::from_slice(&out.stdout).expect("outline JSON");
    let agenda = &docs[0];
    assert_eq!(agenda["info"]["type"], "agenda");
    let headings = agenda["headings"].as_array().expect("headings");
    let level_of = |start: &str| {
        headings
            .iter()
            .find(|h| h["text"].as_str().unwrap_or("").starts_with(start))
            .map(|h| h["level"].as_u64().unwrap_or(0))
    };
    // The numbered items share one level, below the AGENDA heading; the
    // wrapped end of item 7 is no heading of its own.
    let agenda_level = level_of("AGENDA").expect("AGENDA heading");
    let items: Vec<&str> = headings
        .iter()
        .filter(|h| h["level"].as_u64() == Some(agenda_level + 1))
        .map(|h| h["text"].as_str().unwrap_or(""))
        .collect();
    assert_eq!(items.len(), 12, "{items:?}");
    assert!(items[0].starts_with("1. CHAIR'S WELCOME"));
    assert!(items[11].starts_with("12. DATE OF FUTURE MEETINGS"));
    assert_eq!(level_of("GRANTS PAID TO SCHOOLS"), None);
    // The minutes bound in after it are a document of their own.
    assert!(docs
        .as_array()
        .unwrap()
        .iter()
        .any(|d| d["info"]["type"] == "minutes"));
}

#[test]
#[ignore = "needs ../shared/corpus-real (real council documents beside the project)"]
fn borders_filled_even_odd_make_ruled_tables() {
    // The governors' minutes draw every border as a thin rectangle filled
    // with the even-odd rule (`re f*`): each row of the attendance grid and
    // of the minutes grid is a table row with a cell per column, not one
    // block of text run across the page.
    let pages = real("decoy-primary-governors_2021-02-01_fgb-minutes.pdf");
    let row = |page: &Page, first: &str| -> Vec<String> {
        let l = page
            .lines
            .iter()
            .find(|l| l.table.is_some() && l.cells.first().is_some_and(|c| c.text == first))
            .unwrap_or_else(|| panic!("page {}: no table row opening {first:?}", page.number));
        l.cells.iter().map(|c| c.text.clone()).collect()
    };
    let governor = row(&pages[0], "HEATHER POUSTIE");
    assert_eq!(
        governor[..4],
        ["HEATHER POUSTIE", "Headteacher", "Ex-officio", "P"]
    );
    let minute = row(&pages[3], "FGB 40/2021");
    assert_eq!(
        minute[1],
        "To agree the Minutes of the last meeting held 7 December 2020"
    );
    assert_eq!(
        minute.last().map(String::as_str),
        Some("Clerk to place on website")
    );
    // The next minute is a row of its own.
    row(&pages[3], "FGB 41/2021");
}

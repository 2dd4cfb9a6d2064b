//! Tables of the seeds, from their text and their PDF forms.

mod common;

use common::{of_kind, pdf_pages, text_pages};
use grammars::{Fields, Page, Table};

fn tables(pages: &[Page]) -> Vec<Table> {
    let parsed = grammars::parse(pages);
    of_kind(&parsed, "table")
        .into_iter()
        .filter_map(|r| match &r.fields {
            Fields::Table(t) => Some(t.clone()),
            _ => None,
        })
        .collect()
}

/// `Table[30x8](|No of Students|…)` and the first rows, cells by " | ".
fn render(t: &Table, rows: usize) -> String {
    let mut s = format!(
        "{} p{}-{}\nTable[{}x{}]({})\n",
        t.title.as_deref().unwrap_or("-"),
        t.pages[0],
        t.pages[1],
        t.rows.len(),
        t.header.len(),
        t.header.join("|")
    );
    for r in t.rows.iter().take(rows) {
        s.push_str("  ");
        s.push_str(&r.join(" | "));
        s.push('\n');
    }
    if t.rows.len() > rows {
        s.push_str("  …\n");
        if let Some(last) = t.rows.last() {
            s.push_str("  ");
            s.push_str(&last.join(" | "));
            s.push('\n');
        }
    }
    for n in &t.notes {
        s.push_str(&format!("  note: {n}\n"));
    }
    s
}

/// Compact renderings of a parse's tables: three rows and the last of each.
fn rendered(tables: &[Table]) -> String {
    tables
        .iter()
        .map(|t| render(t, 3))
        .collect::<Vec<_>>()
        .join("\n")
}

fn titled<'a>(tables: &'a [Table], prefix: &str) -> &'a Table {
    tables
        .iter()
        .find(|t| t.title.as_deref().is_some_and(|s| s.starts_with(prefix)))
        .unwrap_or_else(|| panic!("no table titled {prefix:?}"))
}

fn value(t: &Table, row: usize, col: usize) -> Option<(String, f64)> {
    t.values[row][col]
        .as_ref()
        .map(|v| (v.value_type.clone(), v.value))
}

const PLACEMENTS: &str = "Appendix to show placements for children costing over £50,000";

/// The placements appendix is one table of 30 rows and 8 columns whatever
/// the form: its four parts, each under the repeated title and header, join.
fn check_placements(t: &Table) {
    assert_eq!((t.rows.len(), t.header.len()), (30, 8));
    assert_eq!(
        t.header,
        [
            "",
            "No of Students",
            "Company Name/Service Provider",
            "Service Provided",
            "Type of School",
            "School Name",
            "Borough of School",
            "School Type"
        ]
    );
    assert!(t.rows.iter().all(|r| r.len() == 8));
    // As printed (the text layer splits the pence), typed whole.
    assert_eq!(t.rows[0][0], "£572,898.4 3");
    assert_eq!(value(t, 0, 0), Some(("money".into(), 572898.43)));
    assert_eq!(value(t, 0, 1), Some(("number".into(), 7.0)));
    assert_eq!(t.rows[8][2], "Side by Side (Children) Ltd");
    assert_eq!(t.rows[17][3], "School Fees/Additional Support");
    assert_eq!(t.rows[19][2], "London Borough of Wandsworth");
    assert_eq!(t.rows[19][6], "");
    assert_eq!(t.rows[29][0], "£50,892.24");
    assert_eq!(t.rows[29][7], "Special - Independent");
}

#[test]
fn seed_000_text_tables() {
    let tables = tables(&text_pages("000_ab51a36975b4b00c"));
    insta::assert_snapshot!(rendered(&tables));
    assert_eq!(tables.len(), 9);
    let p = titled(&tables, PLACEMENTS);
    check_placements(p);
    assert_eq!(p.pages, [1, 1]);
    let two = titled(&tables, "Table Two");
    assert_eq!(two.header.len(), 12);
    assert_eq!(two.header[6], "Children's Social Care / First Response");
    assert_eq!(
        two.header[7],
        "Children's Social Care / Safeguarding & Support"
    );
    assert_eq!(two.rows[1][6], "48%");
    assert_eq!(value(two, 1, 6), Some(("percent".into(), 48.0)));
    assert_eq!(value(two, 0, 2), Some(("number".into(), -11.0)));
    assert_eq!(two.notes.len(), 1);
    let three = titled(&tables, "Table 3");
    assert_eq!((three.rows.len(), three.header.len()), (4, 6));
    assert_eq!(three.rows[2], ["TOTAL", "139", "92", "101", "17", "349"]);
    let four = titled(&tables, "Table 4");
    assert_eq!((four.rows.len(), four.header.len()), (13, 5));
    let one = titled(&tables, "Table One");
    assert_eq!(one.header[1], "End of Q3 Oct-Dec 2014");
    // The minutes grid is the layout of the minutes, never a table.
    assert!(tables
        .iter()
        .all(|t| !t.header.iter().any(|h| h.contains("ACTION BY"))));
}

#[test]
fn seed_000_pdf_tables() {
    let tables = tables(&pdf_pages("000_ab51a36975b4b00c"));
    insta::assert_snapshot!(rendered(&tables));
    let p = titled(&tables, PLACEMENTS);
    check_placements(p);
    assert_eq!(p.pages, [11, 13]);
    // Two header rows, the upper name spanning two columns, from the PDF.
    let two = titled(&tables, "Table Two");
    assert_eq!(two.header.len(), 12);
    assert_eq!(two.header[6], "Children's Social Care / First Response");
    assert_eq!(
        two.header[7],
        "Children's Social Care / Safeguarding & Support"
    );
    assert_eq!(two.header[1], "Children's Centre");
    let three = titled(&tables, "Table 3");
    assert_eq!(three.rows[3][4], "5%");
    assert!(tables
        .iter()
        .all(|t| !t.header.iter().any(|h| h.contains("ACTION BY"))));
}

#[test]
fn seed_004_text_tables() {
    let tables = tables(&text_pages("004_790beaa8e3ba6a97"));
    insta::assert_snapshot!(rendered(&tables));
    // The front sheet and the officer clearance are forms, not tables; the
    // four labelled groups on pp. 4-5 are one table.
    assert_eq!(tables.len(), 5);
    let qa = titled(&tables, "Quality Assurance Work 2012-13");
    assert_eq!((qa.rows.len(), qa.header.len()), (14, 3));
    // A row broken by a stray empty line is one row.
    assert_eq!(qa.rows[4][1], "CiN & CP cases managed by CiN1");
    let ofsted = titled(&tables, "Inspection Results");
    assert_eq!(ofsted.rows[0][2], "56% (34 schools)");
    assert_eq!(value(ofsted, 0, 2), None);
    assert_eq!(value(ofsted, 1, 1), Some(("number".into(), 2455.0)));
    let neighbours = tables
        .iter()
        .find(|t| {
            t.header
                .first()
                .is_some_and(|h| h == "Statistical Neighbours")
        })
        .expect("statistical neighbours");
    assert_eq!((neighbours.rows.len(), neighbours.header.len()), (12, 5));
    let care = titled(&tables, "Harrow Care Proceedings");
    assert_eq!(care.header, ["", "% increase", "2012/13", "2011/12"]);
    assert_eq!(care.rows[6], ["", "43%", "217", "152"]);
    // Four short groups under their labels, the header repeated under
    // each: one table of five rows over pp. 4-5.
    let contacts = titled(&tables, "Contacts");
    assert_eq!(contacts.rows.len(), 5);
    assert_eq!(
        contacts.rows[0],
        [
            "Number of contacts started (month on month)",
            "606",
            "809",
            "33%"
        ]
    );
    assert_eq!(
        contacts.rows[4],
        [
            "Number of s47 enquires started (month on month)",
            "22",
            "82",
            "273%"
        ]
    );
}

#[test]
fn seed_004_pdf_tables() {
    let tables = tables(&pdf_pages("004_790beaa8e3ba6a97"));
    insta::assert_snapshot!(rendered(&tables));
    let qa = titled(&tables, "Quality Assurance Work 2012-13");
    assert_eq!((qa.rows.len(), qa.header.len()), (14, 3));
    assert_eq!(qa.rows[4][1], "CiN & CP cases managed by CiN1");
    assert_eq!(
        qa.rows[5][1],
        "Early stages of child protection cases (multi-agency)"
    );
}

/// The same tables from the text and the PDF form: header and rows equal,
/// cell by cell, spaces aside (the text layer spaces some glyphs apart:
/// "S </OT" for "S</OT", "EH team *" for "EH team*").
#[test]
fn text_and_pdf_forms_agree() {
    let squeeze = |rows: &[Vec<String>]| -> Vec<Vec<String>> {
        rows.iter()
            .map(|r| r.iter().map(|c| c.split_whitespace().collect()).collect())
            .collect()
    };
    for (stem, titles) in [
        (
            "000_ab51a36975b4b00c",
            &[
                PLACEMENTS,
                "What to do and who to contact",
                "Table Two",
                "Table 3",
                "An overview of Haringey's trading activities",
                "Table One",
                "Table 4",
                "Earlier Phase of Work",
                "Ground already covered",
            ][..],
        ),
        (
            "004_790beaa8e3ba6a97",
            &[
                "Quality Assurance Work 2012-13",
                "Inspection Results",
                // One table of four groups: Contacts, Referrals,
                // Assessments, Safeguarding workflow.
                "Contacts",
                "Harrow Care Proceedings",
                "Performance Challenges in Targeted Services",
            ][..],
        ),
    ] {
        let text = tables(&text_pages(stem));
        let pdf = tables(&pdf_pages(stem));
        for title in titles {
            let (a, b) = (titled(&text, title), titled(&pdf, title));
            assert_eq!(
                a.header
                    .iter()
                    .map(|h| h.replace(' ', ""))
                    .collect::<Vec<_>>(),
                b.header
                    .iter()
                    .map(|h| h.replace(' ', ""))
                    .collect::<Vec<_>>(),
                "{stem} {title}"
            );
            assert_eq!(squeeze(&a.rows), squeeze(&b.rows), "{stem} {title}");
        }
    }
}

/// A header row the PDF breaks over a page (its names at the foot of one
/// page, the rest of them or the body at the top of the next) is the
/// table's header, as in the text form.
#[test]
fn header_broken_across_a_page_heads_the_rows_below() {
    let pdf = tables(&pdf_pages("000_ab51a36975b4b00c"));
    let one = titled(&pdf, "Table One");
    assert_eq!(
        one.header,
        [
            "Overview of cases",
            "End of Q3 Oct-Dec 2014",
            "End of Q4 Jan –Mar 2015",
            "Total Referrals Oct-Mar 2014/15"
        ]
    );
    assert_eq!(one.rows.len(), 2);
    assert_eq!(one.pages, [22, 23]);
    let four = titled(&pdf, "Table 4");
    assert_eq!(
        four.header[0],
        "For families where the following was an issue..."
    );
    assert_eq!(four.header[4], "Significant Improvement % of Cases");
    assert_eq!(four.rows.len(), 13);
    let pdf = tables(&pdf_pages("004_790beaa8e3ba6a97"));
    let care = titled(&pdf, "Harrow Care Proceedings");
    // Nothing of the header is left on the page: the body starts with it.
    assert_eq!(care.header, ["", "% increase", "2012/13", "2011/12"]);
    assert_eq!(care.rows[0][0], "Legal Planning Meeting");
    assert_eq!(care.pages, [5, 6]);
}

/// Table rows never vanish from the document record: search finds a cell
/// in the document text as well as in the table.
#[test]
fn document_text_keeps_table_cells() {
    for pages in [
        text_pages("000_ab51a36975b4b00c"),
        pdf_pages("000_ab51a36975b4b00c"),
    ] {
        let parsed = grammars::parse(&pages);
        let docs = of_kind(&parsed, "document");
        for cell in [
            "Tavistock & Portman NHS FT",
            "£50,892.24",
            "Mary Hare Grammar for the Deaf",
        ] {
            assert!(docs.iter().any(|d| d.text.contains(cell)), "{cell}");
        }
        let t = of_kind(&parsed, "table");
        let placements = t
            .iter()
            .find(|r| r.text.contains("£50,892.24 | 7 | Woodcroft School"))
            .expect("table text holds its rows");
        assert_eq!(placements.text.lines().count(), 30);
    }
}

/// The statistical neighbours table moves its columns from Hounslow on:
/// those rows keep one value per cell, and the table, with no heading of
/// its own, takes the heading of the section it stands in.
#[test]
fn rows_whose_columns_move_part_way_down_keep_one_value_per_cell() {
    for pages in [
        text_pages("004_790beaa8e3ba6a97"),
        pdf_pages("004_790beaa8e3ba6a97"),
    ] {
        let tables = tables(&pages);
        let t = titled(&tables, "Performance Challenges in Targeted Services");
        assert_eq!(t.header[0], "Statistical Neighbours");
        assert_eq!((t.rows.len(), t.header.len()), (12, 5));
        assert_eq!(t.rows[7], ["Hounslow", "2,221", "1,728", "897", "2,625"]);
        assert_eq!(
            t.rows[8],
            ["Kingston Upon Thames", "1,232", "1,169", "746", "1,915"]
        );
        assert!(t.values.iter().all(|r| r[1..].iter().all(Option::is_some)));
    }
}

/// "Phase of Work" sets its first cell vertically centred beside seven
/// outputs and four outcomes, the two columns' paragraphs on baselines of
/// their own and no rules: one row, each column's paragraphs in order.
#[test]
fn paragraphs_beside_a_centred_first_cell_are_one_row() {
    let pdf = tables(&pdf_pages("000_ab51a36975b4b00c"));
    let t = titled(&pdf, "Earlier Phase of Work");
    assert_eq!(t.header, ["Phase of Work", "Outputs", "Outcomes"]);
    assert_eq!(t.rows.len(), 1);
    let row = &t.rows[0];
    assert_eq!(
        row[0],
        "Phase 1: July – Jan 2015 Putting the building blocks in place for a traded model Complete"
    );
    assert!(row[1].starts_with("Develop an updated set of offers"));
    assert!(row[1].ends_with("heads and governors to be set up Ongoing"));
    assert!(row[2].starts_with(
        "Schools understand what is the core offer and what is the traded offer Complete"
    ));
    assert!(!row[1].contains("Schools understand"));
}

/// A footnote the PDF sets as plain lines in a narrow block below the
/// table (`*These figures` / `represent` / …) belongs to the table, as the
/// text form's note row does, and the prose below it does not.
#[test]
fn footnote_set_below_a_pdf_table_is_its_note() {
    let stem = "000_ab51a36975b4b00c";
    for (title, start, end) in [
        (
            "Table Two",
            "*These figures represent",
            "to avoid duplication",
        ),
        (
            "Table 4",
            "*Specific descriptors",
            "ensure consistent application.",
        ),
    ] {
        let text = tables(&text_pages(stem));
        let pdf = tables(&pdf_pages(stem));
        let (t, p) = (titled(&text, title), titled(&pdf, title));
        assert_eq!(p.notes, t.notes, "{title}");
        assert_eq!(p.notes.len(), 1, "{title}");
        assert!(p.notes[0].starts_with(start), "{title}: {:?}", p.notes);
        assert!(p.notes[0].ends_with(end), "{title}: {:?}", p.notes);
    }
    // A source line below a table, in either form.
    let stem = "004_790beaa8e3ba6a97";
    for pages in [text_pages(stem), pdf_pages(stem)] {
        let notes: Vec<String> = tables(&pages).into_iter().flat_map(|t| t.notes).collect();
        assert_eq!(
            notes,
            ["Source: HSIP records for Harrow, Ofsted Dataview for comparators as at 31.12.12"]
        );
    }
}

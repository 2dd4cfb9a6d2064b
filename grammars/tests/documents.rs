//! Documents, agenda items, meetings and report front sheets of the five
//! seeds, in text and PDF form: golden renderings a reviewer reads at a
//! glance, targeted asserts, and the rule that both forms of a seed give the
//! same documents and records apart from page numbers.

mod common;

use common::{of_kind, pdf_pages, text_pages, SEEDS};
use grammars::{DocType, Fields, Page, Parsed};

fn opt(s: &Option<String>) -> &str {
    s.as_deref().unwrap_or("-")
}

/// `officer_report p8-13 "Early Help report" council=Haringey body=Schools Forum date=2015-05-21`
fn render_documents(p: &Parsed, with_pages: bool) -> String {
    p.documents
        .iter()
        .map(|d| {
            let pages = if with_pages {
                format!(" p{}-{}", d.pages[0], d.pages[1])
            } else {
                String::new()
            };
            format!(
                "{}{} {:?} council={} body={} date={}",
                d.doc_type.as_str(),
                pages,
                opt(&d.title),
                opt(&d.council),
                opt(&d.body),
                opt(&d.date)
            )
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// One line per meeting, agenda item and report, in document order.
fn render_records(p: &Parsed, with_pages: bool) -> String {
    let mut out = Vec::new();
    for r in &p.records {
        let at = if with_pages {
            format!(" p{}", r.page)
        } else {
            String::new()
        };
        let line = match &r.fields {
            Fields::Meeting(m) => format!(
                "meeting{at} doc{} body={} council={} date={} time={} venue={}",
                r.document,
                opt(&m.body),
                opt(&m.council),
                opt(&m.date),
                opt(&m.time),
                opt(&m.venue)
            ),
            Fields::AgendaItem(a) => format!(
                "agenda_item{at} {}. {:?}{}{}{}{}",
                a.number,
                a.title,
                a.pages
                    .map(|p| format!(" pages={}-{}", p[0], p[1]))
                    .unwrap_or_default(),
                if a.verbal { " VERBAL" } else { "" },
                a.description
                    .as_ref()
                    .map(|d| format!(" desc={d:?}"))
                    .unwrap_or_default(),
                if a.items.is_empty() {
                    String::new()
                } else {
                    format!(" items={:?}", a.items)
                }
            ),
            Fields::Report(rep) => format!(
                "report{at} doc{} {:?} item={} author={} contact={} purpose={} status={} date={} body={} recs={:?}",
                r.document,
                opt(&rep.title),
                opt(&rep.agenda_item),
                opt(&rep.author),
                opt(&rep.contact),
                opt(&rep.purpose),
                opt(&rep.status),
                opt(&rep.date),
                opt(&rep.body),
                rep.recommendations
            ),
            _ => continue,
        };
        out.push(line);
    }
    out.join("\n")
}

fn parse(pages: &[Page]) -> Parsed {
    grammars::parse(pages)
}

#[test]
fn seed_documents_and_records_pdf_form() {
    for stem in SEEDS {
        let p = parse(&pdf_pages(stem));
        insta::assert_snapshot!(
            format!("{stem}_pdf"),
            format!(
                "{}\n---\n{}",
                render_documents(&p, true),
                render_records(&p, true)
            )
        );
    }
}

#[test]
fn seed_documents_and_records_text_form() {
    for stem in SEEDS {
        let p = parse(&text_pages(stem));
        insta::assert_snapshot!(
            format!("{stem}_text"),
            format!(
                "{}\n---\n{}",
                render_documents(&p, false),
                render_records(&p, false)
            )
        );
    }
}

#[test]
fn text_and_pdf_forms_agree_apart_from_pages() {
    for stem in SEEDS {
        let t = parse(&text_pages(stem));
        let p = parse(&pdf_pages(stem));
        assert_eq!(
            render_documents(&t, false),
            render_documents(&p, false),
            "{stem}: documents differ between text and PDF form"
        );
        assert_eq!(
            render_records(&t, false),
            render_records(&p, false),
            "{stem}: agenda/meeting/report records differ between text and PDF form"
        );
    }
}

#[test]
fn pack_000_splits_into_its_documents() {
    let p = parse(&pdf_pages("000_ab51a36975b4b00c"));
    let docs: Vec<(DocType, [u32; 2])> =
        p.documents.iter().map(|d| (d.doc_type, d.pages)).collect();
    assert_eq!(
        docs,
        [
            (DocType::Agenda, [1, 1]),
            (DocType::Minutes, [2, 7]),
            (DocType::OfficerReport, [8, 14]),
            (DocType::OfficerReport, [15, 18]),
            (DocType::OfficerReport, [19, 27]),
            (DocType::InspectionReport, [28, 47]),
            (DocType::Presentation, [48, 49]),
            // The covering report and the plan on its first page: one work plan.
            (DocType::WorkPlan, [50, 51]),
        ]
    );
    let ofsted = &p.documents[5];
    assert_eq!(
        ofsted.title.as_deref(),
        Some("Early help: whose responsibility?")
    );
    assert_eq!(ofsted.date.as_deref(), Some("2015-03"));
    assert_eq!(p.documents[1].date.as_deref(), Some("2015-02-25"));
    assert_eq!(p.documents[0].date.as_deref(), Some("2015-05-21"));
}

#[test]
fn pack_000_agenda_items() {
    for pages in [
        text_pages("000_ab51a36975b4b00c"),
        pdf_pages("000_ab51a36975b4b00c"),
    ] {
        let p = parse(&pages);
        let items: Vec<&grammars::AgendaItem> = of_kind(&p, "agenda_item")
            .into_iter()
            .filter_map(|r| match &r.fields {
                Fields::AgendaItem(a) => Some(a),
                _ => None,
            })
            .collect();
        assert_eq!(items.len(), 12);
        let numbers: Vec<&str> = items.iter().map(|a| a.number.as_str()).collect();
        assert_eq!(
            numbers,
            ["1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12"]
        );
        assert_eq!(
            items[6].title,
            "ADMINISTRATIVE ARRANGEMENTS FOR THE ALLOCATION OF CENTRAL GOVERNMENT GRANTS PAID TO SCHOOLS VIA THE LOCAL AUTHORITY"
        );
        assert_eq!(items[6].pages, Some([21, 26]));
        let nine = items[8];
        assert!(nine.verbal);
        assert_eq!(nine.pages, Some([71, 76]));
        assert_eq!(
            nine.items,
            [
                "Early Years",
                "High Needs",
                "Traded services (presentation attached)"
            ]
        );
        assert_eq!(items[11].items, ["8 July 2015"]);
    }
}

#[test]
fn each_seed_has_its_type_and_meeting_date() {
    let expected: [(&str, DocType, Option<&str>); 5] = [
        ("000_ab51a36975b4b00c", DocType::Agenda, Some("2015-05-21")),
        ("001_dd0b79784824a396", DocType::InspectionReport, None),
        (
            "002_73f4e48f0bf20ba3",
            DocType::ScrutinyReport,
            Some("2016-12-13"),
        ),
        (
            "003_a0cb441c1b215d03",
            DocType::MemberReport,
            Some("2019-03-15"),
        ),
        (
            "004_790beaa8e3ba6a97",
            DocType::PerformanceReport,
            Some("2013-07-11"),
        ),
    ];
    for (stem, doc_type, date) in expected {
        for pages in [text_pages(stem), pdf_pages(stem)] {
            let p = parse(&pages);
            assert_eq!(p.documents[0].doc_type, doc_type, "{stem}");
            let meetings = of_kind(&p, "meeting");
            let first = meetings.first().and_then(|r| match &r.fields {
                Fields::Meeting(m) => m.date.as_deref(),
                _ => None,
            });
            assert_eq!(first, date, "{stem}");
        }
    }
    // The pack's minutes are of another meeting: two meetings, not one per report.
    let p = parse(&pdf_pages("000_ab51a36975b4b00c"));
    let dates: Vec<Option<String>> = of_kind(&p, "meeting")
        .iter()
        .map(|r| match &r.fields {
            Fields::Meeting(m) => m.date.clone(),
            _ => None,
        })
        .collect();
    assert_eq!(
        dates,
        [
            Some("2015-05-21".to_string()),
            Some("2015-02-25".to_string())
        ]
    );
}

/// Each document's first and last lines: where a boundary falls inside a
/// page of the text form, and that a page's furniture or a signature never
/// ends up in the next document.
fn render_edges(pages: &[Page]) -> String {
    grammars::segment::segment(pages)
        .iter()
        .map(|s| {
            let own = s.pages(pages);
            let mut lines = own
                .iter()
                .flat_map(|p| p.lines.iter())
                .filter(|l| !l.is_blank());
            let first = lines.next().map(|l| l.text.clone()).unwrap_or_default();
            let last = lines
                .next_back()
                .map(|l| l.text.clone())
                .unwrap_or_else(|| first.clone());
            let cut = |t: &str| t.chars().take(50).collect::<String>();
            format!(
                "{} p{}:{}..p{}:{} | {} ... {}",
                s.info.doc_type.as_str(),
                s.first + 1,
                s.first_line,
                s.last + 1,
                s.last_line,
                cut(&first),
                cut(&last)
            )
        })
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn odd_input_never_panics() {
    let odd = [
        "",
        "\n\n\n",
        "AGENDA",
        "Agenda Item",
        "Agenda Item\n",
        "MINUTES OF",
        "Published: March",
        "1. A (PAGES 9 -\n2. B (VERBAL",
        "İİİ Council\nKİNG'S Council\nReport to İ – 1 May 2015\nReport Title:",
        "Recommendations:\n\u{c}N/A",
        "Lead Officers: ,\n,\n",
        "Title: of\nof\nof",
        "MINUTES OF THE K\u{212a} MEETING held on 3 May 2016",
    ];
    for text in odd {
        let p = parse(&grammars::from_text(text));
        assert_eq!(
            p.records.iter().filter(|r| r.kind() == "document").count(),
            p.documents.len()
        );
    }
}

#[test]
fn pack_000_document_edges() {
    let stem = "000_ab51a36975b4b00c";
    insta::assert_snapshot!("000_edges_text", render_edges(&text_pages(stem)));
    insta::assert_snapshot!("000_edges_pdf", render_edges(&pdf_pages(stem)));
    // The minutes end with their signature, not the next report's start.
    let pages = text_pages(stem);
    let segs = grammars::segment::segment(&pages);
    let minutes = segs[1].pages(&pages);
    let last = minutes
        .iter()
        .flat_map(|p| p.lines.iter())
        .rfind(|l| !l.is_blank())
        .map(|l| l.text.as_str());
    assert_eq!(last, Some("CHAIR"));
}

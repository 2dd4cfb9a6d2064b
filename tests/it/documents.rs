//! Segmentation and document types on the first set of real council and
//! Ofsted PDFs: each gets a sensible document type. (The second set, other
//! councils' layouts, is scored by `agendex eval` against its gold: see
//! tests/it/eval.rs and ACCURACY.md.)

use crate::support::real_extract;

#[test]
#[ignore = "needs ../shared/corpus-real (real council documents beside the project)"]
fn real_council_pdfs_get_sensible_document_types() {
    let (recs, _, _) = real_extract();
    let expected: &[(&str, &str)] = &[
        (
            "gloucester_cabinet-council_local-council-tax",
            "member_report",
        ),
        ("gloucester_cabinet_resource-requirements", "officer_report"),
        ("kent_24-00093_decision-report", "officer_report"),
        // A form headed RECORD OF DECISION: a decision form, typed other
        // (its decision is the record), not the member's report.
        ("kent_24-00093_record-of-decision", "other"),
        // Sent "By … To Cabinet – 30 January 2025" with recommendations
        // 2.1-2.6 for the meeting to agree: a report for decision.
        (
            "kent_cabinet_2025-01-30_24-00108_finance-monitoring",
            "officer_report",
        ),
        (
            "kent_cabinet_2025-01-30_appendix-I_budget-risk-register",
            "other",
        ),
        ("kent_cabinet_2025-03-04_QPR", "performance_report"),
        (
            "kent_cabinet_24-00096_education-commissioning-plan",
            "officer_report",
        ),
        (
            "kent_county-council_2025-02-13_appendix-F_budget-templates",
            "other",
        ),
        (
            "kent_county-council_2025-02-13_budget-amendments-pack",
            "other",
        ),
        ("kent_scrutiny-committee_call-in", "scrutiny_report"),
        ("ofsted", "inspection_report"),
        ("sopn", "other"),
    ];
    let mut checked = 0;
    for r in recs.iter().filter(|r| r["kind"] == "document") {
        let path = r["source"]["path"].as_str().unwrap();
        let name = path.rsplit('/').next().unwrap();
        let Some(want) = expected
            .iter()
            .find(|(prefix, _)| name.starts_with(prefix))
            .map(|(_, t)| *t)
        else {
            // A file of the second set: scored by `agendex eval` instead.
            continue;
        };
        // The first document of each file is the file's own type.
        if r["document"]["pages"][0] == r["source"]["page"] && r["source"]["page"] == 1 {
            assert_eq!(r["document"]["type"], want, "{name}");
            checked += 1;
        }
    }
    assert_eq!(
        checked, 20,
        "one first document per readable PDF of the first set"
    );
}

/// A front sheet of "LABEL: value" lines, two labels on one line
/// ("Officer presenting the report: Adam Crowther Job title: Head of City
/// Transport"): the report names its presenter, committee and date.
#[test]
#[ignore = "needs ../shared/corpus-real (real council documents beside the project)"]
fn inline_label_front_sheet_names_presenter_committee_and_date() {
    let file = crate::support::corpus_real()
        .join("bristol-cc_2025-05-15_workplace-parking-levy-update_committee-report.pdf");
    let out = crate::support::run(&["extract", &file.to_string_lossy()]);
    let recs = crate::support::records(&out);
    let report = recs
        .iter()
        .find(|r| r["kind"] == "report")
        .expect("a report record");
    assert_eq!(report["title"], "Workplace Parking Levy Update");
    assert_eq!(report["author"], "Adam Crowther");
    assert_eq!(report["body"], "Transport and Connectivity Committee");
    assert_eq!(report["date"], "2025-05-15");
    assert_eq!(
        report["document"]["body"],
        "Transport and Connectivity Committee"
    );
    assert_eq!(report["document"]["date"], "2025-05-15");
}

#[test]
#[ignore = "needs ../shared/corpus-real (real council documents beside the project)"]
fn real_documents_are_titled_by_their_heading_not_a_letterhead_or_salutation() {
    let (recs, _, _) = real_extract();
    let title_of = |prefix: &str| {
        recs.iter()
            .find(|r| {
                r["kind"] == "document"
                    && r["source"]["path"]
                        .as_str()
                        .and_then(|p| p.rsplit('/').next())
                        .is_some_and(|n| n.starts_with(prefix))
            })
            .and_then(|r| r["document"]["title"].as_str())
            .map(str::to_string)
    };
    // The performance report's cover: the council's name, then the report's
    // own heading at the same size.
    assert_eq!(
        title_of("kent_cabinet_2025-03-04_QPR").as_deref(),
        Some("Quarterly Performance Report")
    );
    // The amendments pack opens with a covering letter: "Dear Member" over
    // the meeting it is about.
    assert_eq!(
        title_of("kent_county-council_2025-02-13_budget-amendments-pack").as_deref(),
        Some("COUNTY COUNCIL - THURSDAY, 13 FEBRUARY 2025")
    );
    // A council's name inside a title is kept.
    assert_eq!(
        title_of("ofsted-focused-visit_kent").as_deref(),
        Some("Focused visit to Kent County Council local authority children’s services")
    );
}

//! Report front sheets on real council papers: who wrote the report, whom it
//! goes to, whether it is exempt, and an inspection letter's own facts.

use crate::support::{of, real_extract};

/// The report records of the real file whose name holds `file`, by title.
fn reports(file: &str) -> Vec<&'static serde_json::Value> {
    let (recs, _, _) = real_extract();
    of(recs, file, "report")
}

fn report_titled(file: &str, title: &str) -> &'static serde_json::Value {
    reports(file)
        .into_iter()
        .find(|r| {
            r["title"]
                .as_str()
                .is_some_and(|t| t.to_lowercase().contains(&title.to_lowercase()))
        })
        .unwrap_or_else(|| panic!("a report titled {title:?} in {file}"))
}

/// Birmingham's group company reports: the labels "Report to:" and "Report
/// of:" stacked in one cell, their values run together in the next; the
/// letterhead "BIRMINGHAM CITY COUNCIL PUBLIC REPORT" on one line.
#[test]
#[ignore = "needs ../shared/corpus-real (real council documents beside the project)"]
fn stacked_labels_and_a_letterhead_marking() {
    let file = "birmingham-cc_2018-11-13_cabinet-committee-group-company-governance";
    for title in [
        "Group Company – Risk Register",
        "Group Company – Risk Assurance Request",
        "Acivico Limited – Pen Portrait",
    ] {
        let r = report_titled(file, title);
        assert_eq!(
            r["author"], "Corporate Director – Finance & Governance",
            "{title}"
        );
        assert_eq!(r["exempt"], false, "{title}");
    }
    let r = report_titled(file, "COUNCIL RELATED COMPANIES");
    assert_eq!(r["author"], "Corporate Director, Finance & Governance");
    assert_eq!(r["date"], "2018-11-13");
}

/// WECA's reports name a post as responsible officer and the person in the
/// contact block after the body; Bristol's tells exemption in its list of
/// appendices; Kent's performance report names the team that made it.
#[test]
#[ignore = "needs ../shared/corpus-real (real council documents beside the project)"]
fn authors_and_exemption_told_away_from_the_front_sheet() {
    let r = report_titled(
        "weca_2026-06-05_mca-committee_investment-fund-programme",
        "Investment Fund",
    );
    assert_eq!(r["author"], "Pete Davis");
    let r = report_titled("weca_2026-06-05_mca-committee_budget-outturn", "Budget");
    assert_eq!(r["author"], "James Cunnane-Neilan");
    let r = report_titled(
        "bristol-cc_2024-09-12_workplace-parking-levy_committee-report",
        "Workplace Parking Levy",
    );
    assert_eq!(r["exempt"], false);
    let r = report_titled(
        "kent_cabinet_2025-03-04_QPR",
        "Quarterly Performance Report",
    );
    assert_eq!(r["author"], "Kent Analytics");
    // A memo's sender keeps the post printed with the name.
    let r = report_titled("kent_24-00093_decision-report", "Family Hub");
    assert_eq!(
        r["author"],
        "Sarah Hammond, Corporate Director of Children, Young People and Education"
    );
    // Two senders, one to a line; the contact block after the numbered
    // sections ("Report Author: Nick Abrahams …") does not replace them.
    let r = report_titled(
        "kent_cabinet_24-00096_education-commissioning-plan",
        "Commissioning Plan",
    );
    assert_eq!(
        r["author"],
        "Rory Love, Cabinet Member for Education and Skills; Sarah Hammond, Corporate Director of Children, Young People and Education"
    );
    // A report in three sections, each closed by its own contact block;
    // the key decision stacked after the responsible officer's post.
    let r = report_titled("weca_2026-03-27_mca-committee_transport", "Transport");
    assert_eq!(r["author"], "Oliver Coltman; Louise McBride; Nuala Waters");
    assert_eq!(r["key_decision"], true);
}

/// Ofsted's focused-visit letter (Kent 2024): dates and inspectors in the
/// opening paragraph, the council in full.
#[test]
#[ignore = "needs ../shared/corpus-real (real council documents beside the project)"]
fn a_focused_visit_letter_tells_its_visit() {
    let r = report_titled("ofsted-focused-visit_kent", "Focused visit");
    assert_eq!(r["inspection_start"], "2024-01-23");
    assert_eq!(r["inspection_end"], "2024-01-24");
    assert_eq!(r["lead_inspector"], "Amanda Maxwell");
    assert_eq!(r["council"], "Kent County Council");
}

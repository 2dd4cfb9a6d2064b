//! `extract --kind table` end to end: the seed PDF's placements appendix,
//! and the real council PDFs (landscape budget templates, a risk register,
//! the quarterly KPI report) in tests ignored unless run with
//! `--include-ignored`, since they need `../shared/corpus-real`.

use crate::support::{corpus_real, records, run};
use serde_json::Value;

fn tables(path: &str) -> Vec<Value> {
    let out = run(&["extract", "--kind", "table", path]);
    assert!(out.status.success(), "extract {path}: {out:?}");
    let recs = records(&out);
    assert!(recs.iter().all(|r| r["kind"] == "table"));
    recs
}

fn header(t: &Value) -> Vec<&str> {
    t["header"]
        .as_array()
        .map(|h| h.iter().filter_map(Value::as_str).collect())
        .unwrap_or_default()
}

fn rows(t: &Value) -> &Vec<Value> {
    t["rows"].as_array().expect("rows")
}

fn cell(t: &Value, row: usize, col: usize) -> &str {
    t["rows"][row][col].as_str().unwrap_or("")
}

/// Every row as long as the header, and `text` the rows joined by " | ".
fn well_formed(t: &Value) {
    let n = header(t).len();
    assert!(rows(t)
        .iter()
        .all(|r| r.as_array().map(Vec::len) == Some(n)));
    let text = t["text"].as_str().unwrap_or("");
    assert_eq!(text.lines().count(), rows(t).len());
    assert!(text.starts_with(&format!("{} | ", cell(t, 0, 0))));
}

#[test]
fn placements_appendix_is_one_table_over_three_pages() {
    let all = tables("corpus/000_ab51a36975b4b00c.pdf");
    let t = all
        .iter()
        .find(|t| t["title"] == "Appendix to show placements for children costing over £50,000")
        .expect("placements table");
    well_formed(t);
    assert_eq!(rows(t).len(), 30);
    assert_eq!(header(t).len(), 8);
    assert_eq!(t["pages"], serde_json::json!([11, 13]));
    assert_eq!(t["source"]["page"], 11);
    assert_eq!(t["values"][0][0]["type"], "money");
    assert_eq!(t["values"][0][0]["value"], 572898.43);
    assert_eq!(cell(t, 29, 4), "Day");
}

#[test]
#[ignore = "needs ../shared/corpus-real (real council documents beside the project)"]
fn budget_templates_rows_and_repeated_headers() {
    let dir = corpus_real();
    let path = dir.join("kent_county-council_2025-02-13_appendix-F_budget-templates.pdf");
    let all = tables(&path.to_string_lossy());
    eprintln!("budget templates: {} tables", all.len());
    assert!(all.len() >= 2, "{}", all.len());
    // Pages 1-19 repeat one header grid, sections closed by total rows
    // drawn as grids of their own: one table.
    let first = &all[0];
    well_formed(first);
    assert_eq!(first["pages"][0], 1);
    assert!(first["pages"][1].as_u64() >= Some(19));
    assert!(rows(first).len() >= 300, "{}", rows(first).len());
    assert_eq!(header(first)[0], "MTFP Category");
    assert_eq!(header(first)[1], "Directorate");
    assert_eq!(cell(first, 0, 0), "Base Budget Changes");
    assert_eq!(cell(first, 0, 5), "7,800.0");
    assert_eq!(first["values"][0][5]["value"], 7800.0);
    assert_eq!(cell(first, 0, 9), "Core");
}

#[test]
#[ignore = "needs ../shared/corpus-real (real council documents beside the project)"]
fn risk_register_is_one_table_of_eight_columns() {
    let dir = corpus_real();
    let path = dir.join("kent_cabinet_2025-01-30_appendix-I_budget-risk-register.pdf");
    let all = tables(&path.to_string_lossy());
    assert_eq!(all.len(), 1);
    let t = &all[0];
    well_formed(t);
    assert_eq!(header(t).len(), 8);
    assert_eq!(header(t)[1], "Risk Title");
    assert_eq!(t["pages"][0], 1);
    assert!(rows(t).len() >= 40, "{}", rows(t).len());
    assert_eq!(cell(t, 1, 1), "High Needs Spending");
}

#[test]
#[ignore = "needs ../shared/corpus-real (real council documents beside the project)"]
fn kpi_report_tables_keep_rag_ratings() {
    let dir = corpus_real();
    let path = dir.join("kent_cabinet_2025-03-04_QPR-Q3-appendix1.pdf");
    let all = tables(&path.to_string_lossy());
    eprintln!("QPR Q3 appendix: {} tables", all.len());
    assert!(all.len() >= 40, "{}", all.len());
    all.iter().for_each(well_formed);
    let key = all
        .iter()
        .find(|t| t["title"] == "Key to KPI Ratings used")
        .expect("key table");
    assert!(rows(key).iter().any(|r| r[0] == "AMBER"));
    // Its first rating is a row like the others, not the header.
    assert_eq!(cell(key, 0, 0), "GREEN");
    assert!(header(key).iter().all(|h| h.is_empty()));
    let foi = all
        .iter()
        .flat_map(|t| rows(t).iter())
        .find(|r| {
            r[0].as_str()
                .is_some_and(|c| c.starts_with("% of Freedom of Information Act"))
        })
        .expect("FoI KPI row");
    assert_eq!(foi[1], "RED");
}

#[test]
#[ignore = "needs ../shared/corpus-real (real council documents beside the project)"]
fn budget_amendments_records_set_without_space_are_a_row_each() {
    let dir = corpus_real();
    let path = dir.join("kent_county-council_2025-02-13_budget-amendments-pack.pdf");
    let all = tables(&path.to_string_lossy());
    let spending = all
        .iter()
        .find(|t| header(t).first() == Some(&"Row Ref"))
        .expect("spending table");
    well_formed(spending);
    assert!(rows(spending).len() >= 150, "{}", rows(spending).len());
    // Page 11 of the pack: records 1-19, each its own row, in order.
    for k in 0..19 {
        assert_eq!(cell(spending, k, 0), (k + 1).to_string(), "row {k}");
    }
    assert_eq!(cell(spending, 9, 2), "GET");
    assert_eq!(cell(spending, 9, 3), "Robert Thomas");
}

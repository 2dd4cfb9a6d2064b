//! School governors' minutes (Decoy Community Primary School): a grid of
//! attendance marks by meeting with the meetings' dates over its columns,
//! a "Chaired by | … | Clerked by | …" row, and minutes set as ruled rows
//! "FGB 38/2021 | title | notes | action" with no minutes heading and no
//! header row.

use crate::support::of;

const FGB: &str = "decoy-primary-governors_2021-02-01_fgb-minutes";

#[test]
#[ignore = "needs ../shared/corpus-real (real council documents beside the project)"]
fn attendance_from_the_meetings_column_of_the_grid() {
    let (recs, _, _) = crate::support::real_extract();
    let got: Vec<(String, String, String)> = of(recs, FGB, "attendance")
        .iter()
        .map(|r| {
            (
                r["name"].as_str().unwrap_or("").to_string(),
                r["status"].as_str().unwrap_or("").to_string(),
                r["role"].as_str().unwrap_or("").to_string(),
            )
        })
        .collect();
    // The 01/02/2021 column: Ruth Dennis's absence sanctioned ("S"), the
    // chair and clerk from the row under the grid; the governors who
    // resigned in 2019 have no mark in it.
    for want in [
        ("HEATHER POUSTIE", "present", "Headteacher"),
        ("RUTH DENNIS", "apologies", "Co-opted"),
        ("CRAIG VEAL", "present", "Staff"),
        ("KEITH MOORE", "present", "Chair"),
        ("Pete Osborne", "in_attendance", "Clerk"),
    ] {
        assert!(
            got.iter()
                .any(|g| (g.0.as_str(), g.1.as_str(), g.2.as_str()) == want),
            "{want:?} not among {got:#?}"
        );
    }
    assert_eq!(got.len(), 14, "{got:#?}");
    assert!(got.iter().all(|g| g.0 != "ALEX KIRKBRIDE"));
}

#[test]
#[ignore = "needs ../shared/corpus-real (real council documents beside the project)"]
fn minutes_in_reference_numbered_rows_without_a_header() {
    let (recs, _, _) = crate::support::real_extract();
    let minutes = of(recs, FGB, "minute");
    let numbers: Vec<&str> = minutes
        .iter()
        .filter_map(|r| r["number"].as_str())
        .collect();
    let want: Vec<String> = (38..=55).map(|n| format!("FGB {n}/2021")).collect();
    assert_eq!(numbers, want);
    let finance = minutes
        .iter()
        .find(|r| r["number"] == "FGB 45/2021")
        .expect("FGB 45/2021");
    assert_eq!(finance["title"], "Finance");
    // The summary table of actions above the minutes opens no minute.
    assert!(numbers.iter().all(|n| *n != "40/2021"));
    let resolutions = of(recs, FGB, "resolution");
    assert!(resolutions
        .iter()
        .any(|r| r["minute"] == "FGB 40/2021" && r["text"] == "Agreed and signed."));
    let agenda = resolutions
        .iter()
        .find(|r| r["minute"] == "FGB 54/2021")
        .expect("FGB 54/2021's decision");
    assert_eq!(agenda["items"].as_array().map(Vec::len), Some(9));
}

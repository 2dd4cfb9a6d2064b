//! Votes read into resolution records, on the Bristol printed minutes:
//! counts, outcomes, and amendment and lost votes as records of their own.

use serde_json::Value;

/// The resolution of `file` whose text holds `key`.
fn resolution<'a>(recs: &'a [Value], file: &str, key: &str) -> &'a Value {
    recs.iter()
        .find(|r| {
            r["kind"] == "resolution"
                && r["source"]["path"]
                    .as_str()
                    .is_some_and(|p| p.contains(file))
                && r["text"].as_str().is_some_and(|t| t.contains(key))
        })
        .unwrap_or_else(|| panic!("no resolution {key:?} in {file}"))
}

fn counts(r: &Value) -> (Value, Value, Value) {
    let v = &r["vote"];
    (v["for"].clone(), v["against"].clone(), v["abstain"].clone())
}

#[test]
#[ignore = "needs ../shared/corpus-real (real council documents beside the project)"]
fn bristol_votes_attach_to_the_resolutions_they_decide() {
    let (recs, _, _) = crate::support::real_extract();
    let sept = "bristol-cc_2024-09-12_transport-connectivity-policy-committee_printed-minutes";
    let r = resolution(recs, sept, "Approve and implement increase of £56 to £124");
    assert_eq!(r["carried"], true);
    assert_eq!(counts(r), (6.into(), 0.into(), 3.into()));
    let r = resolution(
        recs,
        sept,
        "the amendment was CARRIED (5 members voting in favour",
    );
    assert_eq!(counts(r), (5.into(), 1.into(), 3.into()));
    let r = resolution(
        recs,
        sept,
        "the recommendation was LOST (4 members voting in favour, 5",
    );
    assert_eq!(r["carried"], false);
    assert_eq!(counts(r), (4.into(), 5.into(), Value::Null));
    // "CARRIED unanimously": carried, no counts.
    let r = resolution(
        recs,
        sept,
        "Approved the implementation of competitive early bird",
    );
    assert_eq!(r["carried"], true);
    assert_eq!(r["vote"], Value::Null);

    let may = "bristol-cc_2025-05-15_transport-connectivity-policy-committee_printed-minutes";
    let r = resolution(
        recs,
        may,
        "the amendment FELL with 2 voting FOR and 7 AGAINST",
    );
    assert_eq!(r["carried"], false);
    assert_eq!(counts(r), (2.into(), 7.into(), Value::Null));
    let r = resolution(
        recs,
        may,
        "Approved submission of the Bond St Full Business Case",
    );
    assert_eq!(counts(r), (4.into(), 1.into(), 4.into()));
    let r = resolution(recs, may, "Approved to submit the Broadmead/Union St Area");
    assert_eq!(counts(r), (7.into(), 1.into(), 0.into()));
}

#[test]
#[ignore = "needs ../shared/corpus-real (real council documents beside the project)"]
fn movers_and_seconders_as_printed() {
    let (recs, _, _) = crate::support::real_extract();
    let sept = "bristol-cc_2024-09-12_transport-connectivity-policy-committee_printed-minutes";
    let r = resolution(
        recs,
        sept,
        "the amendment was CARRIED (5 members voting in favour",
    );
    assert_eq!(r["moved_by"], "Councillor Wilcox");
    assert_eq!(r["seconded_by"], "Councillor Bryher");
    let r = resolution(
        recs,
        sept,
        "Approve and implement price alignment for all Easton",
    );
    assert_eq!(r["moved_by"], "Councillor Plowden");
    assert_eq!(r["seconded_by"], "Councillor Edwards");
    let r = resolution(recs, "ayton-cc_2012-03-06_minutes", "were approved");
    assert_eq!(
        (r["moved_by"].as_str(), r["seconded_by"].as_str()),
        (Some("RB"), Some("JS"))
    );
}

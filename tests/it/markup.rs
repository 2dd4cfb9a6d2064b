//! The markup inputs end to end: a council's minutes published as a web
//! page (`tests/markup/*.html`) through `agendex pages` and `agendex
//! extract`, and the real minutes kept as markdown where `../shared` is there.

use crate::support::{corpus_real, records, root, run, stderr};
use serde_json::Value;

const PAGE: &str = "tests/markup/little-hinton-pc_2026-03-03_minutes.html";

/// A line of `agendex pages` without its typography marks ("[H2B] ").
fn without_marks(line: &str) -> &str {
    match line
        .strip_prefix('[')
        .and_then(|rest| rest.split_once("] "))
    {
        Some((marks, text)) if !marks.contains(' ') || marks.contains(" x") => text,
        _ => line,
    }
}

fn of_kind<'a>(recs: &'a [Value], kind: &str) -> Vec<&'a Value> {
    recs.iter().filter(|r| r["kind"] == kind).collect()
}

#[test]
fn a_web_page_of_minutes_shows_as_lines_headings_and_table_rows() {
    let out = run(&["pages", PAGE]);
    assert!(out.status.success(), "{}", stderr(&out));
    let text = String::from_utf8_lossy(&out.stdout);
    // Each line's typography is marked before it: a level-1 heading in
    // bold capitals, then plain lines unmarked.
    assert_eq!(
        text.lines().nth(1),
        Some("[H1BA] MINUTES OF THE MEETING OF LITTLE HINTON PARISH COUNCIL HELD ON TUESDAY 3 MARCH 2026")
    );
    assert!(
        text.contains("\n[H3B] 1. Declarations of interest\n"),
        "{text}"
    );
    let lines: Vec<&str> = text.lines().map(without_marks).collect();
    for line in [
        "Held in the Village Hall, Church Lane, at 7.30 pm.",
        "- Cllr Margaret Ellis (Chair)",
        "- Cllr Tom Whitfield",
        "3. Finance",
        "T0 | Payee | Description | Net | VAT | Gross",
        "T0 | K&M Grounds Ltd | Grass cutting | £180.00 | £36.00 | £216.00",
        "T0 | Mrs H Barker | Clerk’s salary, February | £310.50 | £0.00 | £310.50",
        "RESOLVED: that the payments listed be approved.",
    ] {
        assert!(lines.contains(&line), "{line:?} not in:\n{text}");
    }
    // What a reader never sees: the head, the styles and scripts.
    for hidden in [
        "Minutes – 3 March",
        "padding",
        "dataLayer",
        "cookies",
        "site.js",
    ] {
        assert!(!text.contains(hidden), "{hidden:?} shown:\n{text}");
    }

    let out = run(&["pages", "--json", PAGE]);
    let pages: Vec<Value> = serde_json::from_slice(&out.stdout).expect("pages as JSON");
    assert_eq!(pages.len(), 1);
    let lines = pages[0]["lines"].as_array().expect("lines");
    let heading = |t: &str| {
        lines
            .iter()
            .find(|l| l["text"] == t)
            .map(|l| (l["heading"].as_u64(), l["bold"].as_bool()))
    };
    assert_eq!(heading("Present"), Some((Some(2), Some(true))));
    assert_eq!(
        heading("1. Declarations of interest"),
        Some((Some(3), Some(true)))
    );
    assert_eq!(
        heading("Apologies were received from Cllr Rachel Dunn."),
        Some((None, Some(false)))
    );
    let rows: Vec<&Value> = lines.iter().filter(|l| l["table"] == 0).collect();
    assert_eq!(rows.len(), 4);
    assert_eq!(rows[0]["bold"], true, "the header row is th cells");
    assert_eq!(rows[1]["cells"].as_array().map(Vec::len), Some(5));
}

#[test]
fn a_web_page_of_minutes_gives_its_records() {
    // The folder is walked: .html files are taken from it.
    let dir = root().join("tests").join("markup");
    let out = run(&["extract", dir.to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
    let recs = records(&out);
    let doc = &recs[0]["document"];
    assert_eq!(doc["type"], "minutes");
    assert_eq!(doc["date"], "2026-03-03");
    let meeting = of_kind(&recs, "meeting");
    assert_eq!(meeting.len(), 1);
    assert_eq!(meeting[0]["date"], "2026-03-03");

    let people: Vec<(String, String)> = of_kind(&recs, "attendance")
        .iter()
        .map(|r| {
            (
                r["name"].as_str().unwrap_or("").to_string(),
                r["status"].as_str().unwrap_or("").to_string(),
            )
        })
        .collect();
    for (name, status) in [
        ("Cllr Margaret Ellis", "present"),
        ("Cllr David Okafor", "present"),
        ("Cllr Sian Pritchard", "present"),
        ("Cllr Tom Whitfield", "present"),
        ("Mrs Helen Barker", "in_attendance"),
        ("Cllr Rachel Dunn", "apologies"),
    ] {
        assert!(
            people.contains(&(name.to_string(), status.to_string())),
            "{name} {status} not in {people:?}"
        );
    }

    let minutes: Vec<(String, String)> = of_kind(&recs, "minute")
        .iter()
        .map(|r| {
            (
                r["number"].as_str().unwrap_or("").to_string(),
                r["title"].as_str().unwrap_or("").to_string(),
            )
        })
        .collect();
    let want = [
        ("1", "Declarations of interest"),
        ("2", "Minutes of the previous meeting"),
        ("3", "Finance"),
        ("4", "Planning"),
        ("5", "Date of next meeting"),
    ];
    assert_eq!(
        minutes,
        want.map(|(n, t)| (n.to_string(), t.to_string())).to_vec()
    );

    let resolutions: Vec<(&str, &str)> = of_kind(&recs, "resolution")
        .iter()
        .map(|r| {
            (
                r["minute"].as_str().unwrap_or(""),
                r["items"][0].as_str().unwrap_or(""),
            )
        })
        .collect();
    assert_eq!(
        resolutions,
        [
            ("2", "The minutes of the meeting held on 3 February 2026 were agreed as a correct record and signed by the Chair."),
            ("3", "that the payments listed be approved."),
            ("4", "that the Council has no objection to the application."),
        ]
    );
    let declaration = of_kind(&recs, "declaration");
    assert_eq!(declaration.len(), 1);
    assert_eq!(declaration[0]["name"], "Cllr Whitfield");
    assert_eq!(declaration[0]["item"], "4");
}

#[test]
fn web_pages_empty_or_in_windows_1252() {
    let dir = tempfile::tempdir().unwrap();
    let empty = dir.path().join("empty.htm");
    std::fs::write(&empty, "").unwrap();
    let out = run(&["extract", empty.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("empty.htm: empty file (0 bytes)"),
        "{}",
        stderr(&out)
    );
    // An older page saved in Windows-1252: curly quotes and dashes as single
    // bytes, read as a browser reads them.
    let old = dir.path().join("old.html");
    std::fs::write(
        &old,
        b"<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1252\">\
          </head><body><h1>Minutes</h1><p>The Clerk\x92s report \x96 \xa3500</p></body></html>",
    )
    .unwrap();
    let out = run(&["pages", old.to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        String::from_utf8_lossy(&out.stdout).contains("The Clerk’s report – £500"),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
}

#[test]
#[ignore = "needs ../shared/corpus-real (real council documents beside the project)"]
fn real_minutes_kept_as_markdown_read_as_their_pdf_would() {
    let real = corpus_real();
    let md = real.join("burton-cum-walden-pc_2025-11-04_minutes.repo-markdown.md");
    let out = run(&["pages", "--json", md.to_str().unwrap()]);
    let pages: Vec<Value> = serde_json::from_slice(&out.stdout).expect("pages as JSON");
    let lines = pages[0]["lines"].as_array().expect("lines");
    let first = lines.iter().find(|l| l["text"] != "").expect("a line");
    assert_eq!(
        first["text"],
        "MINUTES OF THE PARISH COUNCIL MEETING HELD ON"
    );
    assert_eq!(first["heading"], 1);
    // "+ **1. Apologies**": the item's own number, bold, no marks left.
    let item = lines
        .iter()
        .find(|l| l["text"] == "1. Apologies")
        .expect("item 1");
    assert_eq!(item["bold"], true);
    assert!(lines.iter().all(|l| {
        let t = l["text"].as_str().unwrap_or("");
        !t.contains("**") && !t.contains("<center>") && !t.starts_with('#')
    }));

    let out = run(&["extract", "--kind", "minute", md.to_str().unwrap()]);
    let numbers: Vec<String> = records(&out)
        .iter()
        .map(|r| r["number"].as_str().unwrap_or("").to_string())
        .collect();
    let want: Vec<String> = (1..=13).map(|n| n.to_string()).collect();
    assert_eq!(numbers, want);
}

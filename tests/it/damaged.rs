//! Damaged PDFs, made here from the corpus PDFs: cut at 40%, 70% and 95%
//! of their length, a wrong `startxref`, a deleted cross-reference table,
//! a corrupted object stream. What can be read is, with one line saying
//! what was lost, a `recovered` note on the document records, exit status 1.

use crate::support::{corpus_real, records, root, run, stderr};
use std::path::{Path, PathBuf};

fn corpus(name: &str) -> Vec<u8> {
    std::fs::read(root().join("corpus").join(name)).unwrap()
}

fn write(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, bytes).unwrap();
    path
}

fn cut(bytes: &[u8], percent: usize) -> Vec<u8> {
    bytes[..bytes.len() * percent / 100].to_vec()
}

fn find(bytes: &[u8], needle: &str) -> Option<usize> {
    bytes
        .windows(needle.len())
        .position(|w| w == needle.as_bytes())
}

fn rfind(bytes: &[u8], needle: &str) -> Option<usize> {
    bytes
        .windows(needle.len())
        .rposition(|w| w == needle.as_bytes())
}

/// The file with its `startxref` pointing 37 bytes past the table.
fn wrong_startxref(bytes: &[u8]) -> Vec<u8> {
    let at = rfind(bytes, "startxref").unwrap();
    let tail = String::from_utf8_lossy(&bytes[at..]).into_owned();
    let re = regex::bytes::Regex::new(r"startxref\s+(\d+)").unwrap();
    let m = re.captures(tail.as_bytes()).unwrap();
    let offset: usize = std::str::from_utf8(&m[1]).unwrap().parse().unwrap();
    let mut out = bytes[..at].to_vec();
    out.extend_from_slice(format!("startxref\n{}", offset + 37).as_bytes());
    out.extend_from_slice(&bytes[at + m[0].len()..]);
    out
}

/// The file without its cross-reference table (the trailer stays).
fn without_xref(bytes: &[u8]) -> Vec<u8> {
    let xref = rfind(bytes, "\nxref").unwrap();
    let trailer = rfind(bytes, "trailer").unwrap();
    let mut out = bytes[..=xref].to_vec();
    out.extend_from_slice(&bytes[trailer..]);
    out
}

/// Kind, text and page of each record: what a damaged copy must match.
fn contents(records: &[serde_json::Value]) -> Vec<(String, String, u64)> {
    records
        .iter()
        .map(|r| {
            (
                r["kind"].as_str().unwrap().to_string(),
                r["text"].as_str().unwrap().to_string(),
                r["source"]["page"].as_u64().unwrap(),
            )
        })
        .collect()
}

fn extract(path: &Path) -> (Vec<serde_json::Value>, String, Option<i32>) {
    let out = run(&["extract", path.to_str().unwrap()]);
    (records(&out), stderr(&out), out.status.code())
}

#[test]
fn a_damaged_table_or_tail_gives_every_record_of_the_whole_file() {
    let tmp = tempfile::tempdir().unwrap();
    let cases = [
        (
            "000_ab51a36975b4b00c.pdf",
            "cut95.pdf",
            cut(&corpus("000_ab51a36975b4b00c.pdf"), 95),
            51,
        ),
        (
            "000_ab51a36975b4b00c.pdf",
            "startxref.pdf",
            wrong_startxref(&corpus("000_ab51a36975b4b00c.pdf")),
            51,
        ),
        (
            "001_dd0b79784824a396.pdf",
            "noxref.pdf",
            without_xref(&corpus("001_dd0b79784824a396.pdf")),
            19,
        ),
        (
            "003_a0cb441c1b215d03.pdf",
            "cut70.pdf",
            cut(&corpus("003_a0cb441c1b215d03.pdf"), 70),
            4,
        ),
    ];
    for (original, name, bytes, pages) in cases {
        let (whole, _, _) = extract(&root().join("corpus").join(original));
        let path = write(tmp.path(), name, &bytes);
        let (got, err, status) = extract(&path);
        assert_eq!(status, Some(1), "{name}: {err}");
        assert!(
            err.contains(&format!(
                "agendex: {}: damaged PDF, recovered {pages} of {pages} pages\n",
                path.display()
            )),
            "{name}: {err}"
        );
        assert!(err.contains(", 0 failed, 1 damaged"), "{name}: {err}");
        assert_eq!(contents(&got), contents(&whole), "{name}");
        let document = got.iter().find(|r| r["kind"] == "document").unwrap();
        assert_eq!(
            document["recovered"],
            serde_json::json!({"pages_read": pages, "pages_total": pages, "pages_unreadable": []}),
            "{name}"
        );
        assert!(got
            .iter()
            .filter(|r| r["kind"] != "document")
            .all(|r| r.get("recovered").is_none()));
    }
}

#[test]
fn a_file_cut_at_70_percent_keeps_the_pages_before_and_after_the_lost_one() {
    // 002's page 9 draws with objects that lie past the cut; page 10's do not.
    let tmp = tempfile::tempdir().unwrap();
    let whole = corpus("002_73f4e48f0bf20ba3.pdf");
    let path = write(tmp.path(), "cut70.pdf", &cut(&whole, 70));
    let (got, err, status) = extract(&path);
    assert_eq!(status, Some(1));
    assert!(
        err.contains("damaged PDF, recovered 9 of 10 pages (page 9 unreadable)"),
        "{err}"
    );
    let (full, _, _) = extract(&root().join("corpus/002_73f4e48f0bf20ba3.pdf"));
    // Every record of the whole file that does not touch page 9 comes out.
    let untouched: Vec<_> = contents(&full)
        .into_iter()
        .filter(|(kind, _, page)| kind != "document" && *page != 9)
        .collect();
    let recovered = contents(&got);
    for record in &untouched {
        let found = recovered.iter().any(|r| r.0 == record.0 && r.2 == record.2);
        assert!(found, "lost {record:?}");
    }
    let document = got.iter().find(|r| r["kind"] == "document").unwrap();
    assert_eq!(
        document["recovered"]["pages_unreadable"],
        serde_json::json!([9])
    );
}

#[test]
fn a_file_cut_before_its_fonts_says_no_page_is_whole() {
    // LibreOffice writes the fonts of 000 at 77% of the file: cut at 40%
    // and 70%, no page has the fonts its text needs.
    let tmp = tempfile::tempdir().unwrap();
    let whole = corpus("000_ab51a36975b4b00c.pdf");
    for percent in [40, 70] {
        let path = write(
            tmp.path(),
            &format!("cut{percent}.pdf"),
            &cut(&whole, percent),
        );
        let (got, err, status) = extract(&path);
        assert!(got.is_empty());
        assert_eq!(status, Some(1));
        assert!(
            err.contains(&format!(
                "{}: truncated PDF (no end-of-file marker): none of its 51 pages could be read \
                 (the first: 5 object(s) it needs (content, fonts) are missing)",
                path.display()
            )),
            "{err}"
        );
    }
}

#[test]
#[ignore = "needs ../shared/corpus-real (real council documents beside the project)"]
fn a_corrupted_object_stream_and_real_cuts_keep_what_is_whole() {
    let real = corpus_real();
    let tmp = tempfile::tempdir().unwrap();
    // Kent's decision report (Word): pages and their content first, fonts
    // at the end; cut at 40% only page 8 loses what it draws with.
    let kent = std::fs::read(real.join("kent_24-00093_decision-report.pdf")).unwrap();
    let path = write(tmp.path(), "kent40.pdf", &cut(&kent, 40));
    let (got, err, _) = extract(&path);
    assert!(
        err.contains("damaged PDF, recovered 23 of 24 pages (page 8 unreadable)"),
        "{err}"
    );
    assert!(got
        .iter()
        .any(|r| r["text"].as_str().unwrap().contains("Sarah Hammond")));
    // Burton-cum-Walden's minutes: the last of three pages needs an object
    // that lies in the last 5%.
    let burton = std::fs::read(real.join("burton-cum-walden-pc_2024-03-05_minutes.pdf")).unwrap();
    let path = write(tmp.path(), "burton95.pdf", &cut(&burton, 95));
    let (_, err, _) = extract(&path);
    assert!(
        err.contains("damaged PDF, recovered 2 of 3 pages (page 3 unreadable)"),
        "{err}"
    );
    // Sutton Coldfield's minutes: 16 bytes zeroed in the middle of its
    // first object stream, which holds page 1's graphics states and fonts
    // after that point.
    let sutton =
        std::fs::read(real.join("sutton-coldfield-tc_2018-03-13_alcs-committee-minutes.pdf"))
            .unwrap();
    let mut damaged = sutton.clone();
    let objstm = find(&sutton, "/ObjStm").unwrap();
    let start = objstm + find(&sutton[objstm..], "stream").unwrap() + 8;
    let end = start + find(&sutton[start..], "endstream").unwrap();
    let middle = (start + end) / 2;
    damaged[middle..middle + 16].fill(0);
    let path = write(tmp.path(), "sutton-objstm.pdf", &damaged);
    let (got, err, status) = extract(&path);
    assert_eq!(status, Some(1));
    assert!(got.is_empty(), "{err}");
    assert!(
        err.contains(&format!(
            "{}: damaged PDF: none of its 8 pages could be read (the first: 6 object(s) it needs \
             (content, fonts) are missing)",
            path.display()
        )),
        "{err}"
    );
}

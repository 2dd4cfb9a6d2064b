//! Broken inputs, generated here: each gets its own clear reason on stderr,
//! exit status 1, and the good files in the same run still come out.

use crate::support::{records, root, run, stderr};
use std::path::Path;

/// A PDF from object bodies (numbered from 1, object 1 the catalog), with a
/// correct cross-reference table; `trailer_extra` goes into the trailer.
pub fn pdf(objects: &[&[u8]], trailer_extra: &str) -> Vec<u8> {
    let mut out = b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n".to_vec();
    let mut offsets = Vec::new();
    for (i, body) in objects.iter().enumerate() {
        offsets.push(out.len());
        out.extend_from_slice(format!("{} 0 obj\n", i + 1).as_bytes());
        out.extend_from_slice(body);
        out.extend_from_slice(b"\nendobj\n");
    }
    let xref = out.len();
    out.extend_from_slice(
        format!("xref\n0 {}\n0000000000 65535 f \n", objects.len() + 1).as_bytes(),
    );
    for o in offsets {
        out.extend_from_slice(format!("{o:010} 00000 n \n").as_bytes());
    }
    out.extend_from_slice(
        format!(
            "trailer\n<< /Size {} /Root 1 0 R {trailer_extra} >>\nstartxref\n{xref}\n%%EOF\n",
            objects.len() + 1
        )
        .as_bytes(),
    );
    out
}

fn stream(content: &str) -> Vec<u8> {
    format!(
        "<< /Length {} >>\nstream\n{content}\nendstream",
        content.len()
    )
    .into_bytes()
}

/// One A4 page drawing `content`, with `resources` as its resource dictionary.
pub fn one_page_pdf(content: &str, resources: &str, trailer_extra: &str) -> Vec<u8> {
    pdf_with(content, resources, trailer_extra, &[])
}

/// As [`one_page_pdf`], with more objects after the five it makes (numbered from 6).
pub fn pdf_with(content: &str, resources: &str, trailer_extra: &str, more: &[&str]) -> Vec<u8> {
    let page = format!(
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources {resources} /Contents 4 0 R >>"
    );
    let objs: Vec<Vec<u8>> = vec![
        b"<< /Type /Catalog /Pages 2 0 R >>".to_vec(),
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_vec(),
        page.into_bytes(),
        stream(content),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>".to_vec(),
    ]
    .into_iter()
    .chain(more.iter().map(|m| m.as_bytes().to_vec()))
    .collect();
    let refs: Vec<&[u8]> = objs.iter().map(|o| o.as_slice()).collect();
    pdf(&refs, trailer_extra)
}

const FONT: &str = "<< /Font << /F1 5 0 R >> >>";

/// A readable one-page PDF saying `text`.
pub fn text_pdf(text: &str) -> Vec<u8> {
    one_page_pdf(&format!("BT /F1 12 Tf 72 720 Td ({text}) Tj ET"), FONT, "")
}

/// The broken files, by name, with the reason each must be given.
fn broken_set(dir: &Path) -> Vec<(String, &'static str)> {
    let good = std::fs::read(root().join("corpus/003_a0cb441c1b215d03.pdf")).expect("corpus PDF");
    let files: Vec<(&str, Vec<u8>, &'static str)> = vec![
        ("empty.pdf", Vec::new(), "empty file (0 bytes)"),
        (
            "saved-web-page.pdf",
            b"<!DOCTYPE html>\n<html><head><title>Report</title></head><body>Not found</body></html>\n"
                .to_vec(),
            "not a PDF: an HTML page",
        ),
        ("truncated.pdf", good[..good.len() * 2 / 5].to_vec(), "truncated PDF"),
        (
            // A user password is set: the empty password does not open it.
            "encrypted.pdf",
            pdf_with(
                "BT /F1 12 Tf 72 720 Td (secret) Tj ET",
                FONT,
                "/Encrypt 6 0 R \
                 /ID [<00112233445566778899aabbccddeeff> <00112233445566778899aabbccddeeff>]",
                &["<< /Filter /Standard /V 1 /R 2 /Length 40 /P -4 \
                   /O <0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef> \
                   /U <fedcba9876543210fedcba9876543210fedcba9876543210fedcba9876543210> >>"],
            ),
            "encrypted PDF: needs a password to open",
        ),
        (
            // Only a filled rectangle: what a scan without OCR looks like to a reader.
            "scan.pdf",
            one_page_pdf("0.5 g 72 72 451 698 re f", "<< >>", ""),
            "no text layer",
        ),
        (
            // Text in a font the page never defines.
            "undefined-font.pdf",
            one_page_pdf("BT /F9 12 Tf 72 720 Td (oops) Tj ET", "<< >>", ""),
            "PDF reader panicked",
        ),
        (
            // A form XObject that draws itself: unbounded recursion in the
            // reader, which only a child process survives.
            "self-drawing-form.pdf",
            pdf_with(
                "/X1 Do",
                "<< /XObject << /X1 6 0 R >> >>",
                "",
                &["<< /Type /XObject /Subtype /Form /BBox [0 0 10 10] \
                   /Resources << /XObject << /X1 6 0 R >> >> /Length 6 >>\nstream\n/X1 Do\nendstream"],
            ),
            "PDF reader crashed",
        ),
    ];
    let mut out = Vec::new();
    for (name, bytes, reason) in files {
        std::fs::write(dir.join(name), bytes).expect("write fixture");
        out.push((name.to_string(), reason));
    }
    out
}

#[test]
fn each_broken_file_gets_its_reason_and_the_batch_carries_on() {
    let dir = tempfile::tempdir().expect("tempdir");
    let broken = broken_set(dir.path());
    std::fs::write(
        dir.path().join("good.pdf"),
        text_pdf("Resolved: that the report be noted."),
    )
    .unwrap();
    std::fs::copy(
        root().join("seeds/003_a0cb441c1b215d03.txt"),
        dir.path().join("seed.txt"),
    )
    .unwrap();
    let d = dir.path().to_str().unwrap();
    let missing = format!("{d}/no-such-file.pdf");
    let out = run(&["extract", d, &missing]);
    let err = stderr(&out);
    assert_eq!(
        out.status.code(),
        Some(1),
        "exit 1 when some inputs failed; stderr:\n{err}"
    );
    for (name, reason) in &broken {
        let line = err
            .lines()
            .find(|l| l.contains(&format!("/{name}:")))
            .unwrap_or_else(|| panic!("no diagnostic for {name} in:\n{err}"));
        assert!(line.starts_with("agendex: "), "{line}");
        assert!(
            line.contains(reason),
            "{name}: expected {reason:?} in {line:?}"
        );
    }
    assert!(
        err.lines()
            .any(|l| l.contains("no-such-file.pdf: no such file or directory")),
        "missing path reported: {err}"
    );
    let recs = records(&out);
    let paths: std::collections::BTreeSet<String> = recs
        .iter()
        .map(|r| r["source"]["path"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(
        paths.len(),
        2,
        "only the two good files give records: {paths:?}"
    );
    assert!(paths.iter().any(|p| p.ends_with("good.pdf")));
    assert!(paths.iter().any(|p| p.ends_with("seed.txt")));
    assert!(recs.iter().any(|r| r["text"]
        .as_str()
        .unwrap()
        .contains("Resolved: that the report be noted.")));
    assert!(err.contains("10 files, "), "summary line: {err}");
    assert!(
        err.contains(" 8 failed"),
        "summary counts the failures: {err}"
    );
}

#[test]
fn a_file_over_the_time_limit_is_timed_out_and_the_rest_come_out() {
    // The 51-page pack takes tens of milliseconds of CPU to read; 10 ms is
    // well short of that on any machine.
    let out = run(&[
        "extract",
        "--timeout",
        "0.01",
        "corpus/000_ab51a36975b4b00c.pdf",
        "seeds/003_a0cb441c1b215d03.txt",
    ]);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(
        err.contains("corpus/000_ab51a36975b4b00c.pdf: timed out after 0.01 s"),
        "{err}"
    );
    let recs = records(&out);
    assert!(!recs.is_empty());
    assert!(recs
        .iter()
        .all(|r| r["source"]["path"] == "seeds/003_a0cb441c1b215d03.txt"));
}

#[test]
#[ignore = "needs ../shared/corpus-real (real council documents beside the project)"]
fn real_broken_files_html_and_scan_are_named_for_what_they_are() {
    let real = crate::support::corpus_real();
    let html = real.join("ofsted_birmingham_2012-10-19_HTML-saved-as-pdf.pdf");
    let scan = real.join("tintern-cc_annual-return-2018-19_SCANNED.pdf");
    let out = run(&["extract", html.to_str().unwrap(), scan.to_str().unwrap()]);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        err.contains("HTML-saved-as-pdf.pdf: not a PDF: an HTML page"),
        "{err}"
    );
    // The scan is read with Tesseract where it is installed (`--ocr auto`
    // sees the page-sized image under no text); without it, the message
    // says how to install it (tests/it/scan.rs runs that case on any
    // machine, with a PATH that has no Tesseract).
    if crate::scan::ocr_installed() {
        assert!(!err.contains("SCANNED.pdf"), "{err}");
        let recs: Vec<_> = records(&out)
            .into_iter()
            .filter(|r| {
                r["source"]["path"]
                    .as_str()
                    .unwrap()
                    .ends_with("SCANNED.pdf")
            })
            .collect();
        assert!(!recs.is_empty(), "no records from the scan");
        assert!(
            recs.iter().all(|r| r["source"]["ocr"] == true
                && r["source"]["ocr_confidence"]
                    .as_f64()
                    .is_some_and(|c| c > 0.0)),
            "{recs:?}"
        );
        let text = recs[0]["text"].as_str().unwrap_or("");
        assert!(text.contains("Accounting statements 2018-19"), "{text}");
    } else {
        assert!(
            err.contains("SCANNED.pdf: no text layer: 1 page(s) with no text (a scan? Tesseract"),
            "{err}"
        );
    }
    // `--ocr never` leaves it a page with no text layer.
    let out = run(&["extract", "--ocr", "never", scan.to_str().unwrap()]);
    assert!(stderr(&out).contains("SCANNED.pdf: no text layer"));
}

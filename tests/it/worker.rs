//! PDF workers: each thread keeps one and sends it file after file. A file
//! that kills its worker still fails alone and with its own reason, the
//! files after it come out, workers are replaced after a number of files,
//! and none outlives the run.

use crate::bad_input::{pdf_with, text_pdf};
use crate::support::{agendex, records, run, stderr};
use std::collections::BTreeSet;

fn paths(out: &std::process::Output) -> BTreeSet<String> {
    records(out)
        .iter()
        .map(|r| r["source"]["path"].as_str().unwrap().to_string())
        .collect()
}

#[test]
fn a_crash_between_good_files_fails_only_that_file() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let crash = pdf_with(
        "/X1 Do",
        "<< /XObject << /X1 6 0 R >> >>",
        "",
        &["<< /Type /XObject /Subtype /Form /BBox [0 0 10 10] \
           /Resources << /XObject << /X1 6 0 R >> >> /Length 6 >>\nstream\n/X1 Do\nendstream"],
    );
    let panic = pdf_with("BT /F9 12 Tf 72 720 Td (oops) Tj ET", "<< >>", "", &[]);
    std::fs::write(d.join("a.pdf"), text_pdf("Resolved: item one.")).unwrap();
    std::fs::write(d.join("b.pdf"), &crash).unwrap();
    std::fs::write(d.join("c.pdf"), text_pdf("Resolved: item three.")).unwrap();
    std::fs::write(d.join("d.pdf"), &panic).unwrap();
    std::fs::write(d.join("e.pdf"), text_pdf("Resolved: item five.")).unwrap();
    // One job: every file goes through the same thread, so its worker has
    // served good files before it meets the crash.
    let out = run(&["extract", "-j", "1", d.to_str().unwrap()]);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    let line = |name: &str| {
        err.lines()
            .find(|l| l.contains(&format!("/{name}:")))
            .unwrap_or_else(|| panic!("no diagnostic for {name}:\n{err}"))
            .to_string()
    };
    assert!(line("b.pdf").contains("PDF reader crashed"), "{err}");
    assert!(line("d.pdf").contains("PDF reader panicked"), "{err}");
    assert_eq!(
        err.lines().filter(|l| l.contains(".pdf:")).count(),
        2,
        "{err}"
    );
    let got = paths(&out);
    assert_eq!(got.len(), 3, "{got:?}");
    for name in ["a.pdf", "c.pdf", "e.pdf"] {
        assert!(got.iter().any(|p| p.ends_with(name)), "{name}: {got:?}");
    }
}

#[test]
fn more_files_than_one_worker_serves_all_come_out() {
    let dir = tempfile::tempdir().unwrap();
    for i in 0..70 {
        std::fs::write(
            dir.path().join(format!("{i:03}.pdf")),
            text_pdf(&format!("Resolved: item {i}.")),
        )
        .unwrap();
    }
    let out = run(&["extract", "-j", "1", dir.path().to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
    let recs = records(&out);
    for i in 0..70 {
        let want = format!("Resolved: item {i}.");
        assert!(
            recs.iter()
                .any(|r| r["text"].as_str().is_some_and(|t| t.contains(&want))),
            "{want}"
        );
    }
    assert_eq!(paths(&out).len(), 70);
}

/// Processes whose environment holds `mark`.
#[cfg(target_os = "linux")]
fn marked_processes(mark: &str) -> usize {
    let Ok(dir) = std::fs::read_dir("/proc") else {
        return 0;
    };
    dir.filter_map(|e| e.ok())
        .filter(|e| {
            e.file_name()
                .to_string_lossy()
                .bytes()
                .all(|b| b.is_ascii_digit())
        })
        .filter_map(|e| std::fs::read(e.path().join("environ")).ok())
        .filter(|env| env.split(|&b| b == 0).any(|v| v == mark.as_bytes()))
        .count()
}

#[cfg(target_os = "linux")]
#[test]
fn no_worker_outlives_the_run() {
    let mark = format!("AGENDEX_TEST_RUN={}", std::process::id());
    let (key, value) = mark.split_once('=').unwrap();
    let out = agendex()
        .env(key, value)
        .args(["extract", "-j", "2", "corpus"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    // Workers exit when their stdin closes, which the parent's exit does.
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(5);
    while marked_processes(&mark) > 0 && std::time::Instant::now() < deadline {
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    assert_eq!(marked_processes(&mark), 0, "workers left running");
}

#[test]
fn a_worker_holds_to_the_memory_cap_it_is_given() {
    // 16 MiB is too little to read the 000 pack: its worker runs out of
    // memory, that file fails with the reason, the text file comes out.
    let out = run(&[
        "extract",
        "--max-memory",
        "16",
        "corpus/000_ab51a36975b4b00c.pdf",
        "seeds/000_ab51a36975b4b00c.txt",
    ]);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(
        err.contains(
            "corpus/000_ab51a36975b4b00c.pdf: PDF reader crashed (out of memory): \
             the file is probably malformed"
        ),
        "{err}"
    );
    assert_eq!(
        paths(&out),
        BTreeSet::from(["seeds/000_ab51a36975b4b00c.txt".to_string()])
    );
    // With the default cap the same file reads.
    let out = run(&["extract", "corpus/000_ab51a36975b4b00c.pdf"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
}

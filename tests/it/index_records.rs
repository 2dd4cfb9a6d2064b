//! index_records: `agendex index --records` builds the index that indexing
//! the papers builds, from the records `extract` printed, and keeps it up
//! to date by the same rules.

use crate::index::{index, search_json, shared_index, summary};
use crate::support::{records, run, stderr};
use std::path::{Path, PathBuf};

/// What `agendex extract corpus seeds` prints, written to `dir/records.jsonl`.
fn extracted(dir: &Path) -> PathBuf {
    let out = run(&["extract", "corpus", "seeds"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let file = dir.join("records.jsonl");
    std::fs::write(&file, &out.stdout).expect("write records");
    file
}

fn export(ix: &Path) -> String {
    let out = run(&["export", "--index", &ix.to_string_lossy()]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    String::from_utf8(out.stdout).expect("UTF-8")
}

#[test]
fn records_give_the_index_that_the_papers_give() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let file = extracted(tmp.path());
    let ix = tmp.path().join("index");
    let out = index(&ix, &[&file], &["--records"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let s = summary(&out);
    assert_eq!((s.files, s.added, s.failed), (10, 10, 0));
    assert_eq!(
        s.indexed_records,
        records(&run(&["extract", "corpus", "seeds"])).len() as u64
    );

    let papers = shared_index();
    assert_eq!(
        export(&ix),
        export(papers),
        "the same records, in the same order"
    );
    // The same results: records, scores, snippets, facet counts.
    let queries: [(&str, &[&str]); 6] = [
        ("\"high needs block\"", &[]),
        ("resolved", &["--kind", "resolution", "--limit", "50"]),
        (
            "forum",
            &["--since", "2015", "--until", "2016", "--limit", "50"],
        ),
        ("", &["--doc-type", "minutes", "--limit", "500"]),
        (
            "budget OR funding",
            &["--council", "haringey", "--limit", "50"],
        ),
        ("date:2015-02 title:minutes", &[]),
    ];
    for (query, args) in queries {
        let want = search_json(papers, query, args);
        assert!(want["total"].as_u64() > Some(0), "{query}: nothing found");
        assert_eq!(search_json(&ix, query, args), want, "{query} {args:?}");
    }
}

#[test]
fn record_files_are_indexed_incrementally_by_file_and_sha256() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let all = std::fs::read_to_string(extracted(tmp.path())).expect("records");
    let lines: Vec<&str> = all.lines().collect();
    // Two parts, as a cluster job writes them, split inside one file's records.
    let parts = tmp.path().join("out");
    std::fs::create_dir_all(&parts).expect("mkdir");
    let half = lines.len() / 2;
    let write_parts = |lines: &[String]| {
        let (a, b) = lines.split_at(half.min(lines.len()));
        std::fs::write(parts.join("part-00000"), a.join("\n") + "\n").expect("write");
        std::fs::write(parts.join("part-00001"), b.join("\n") + "\n").expect("write");
        std::fs::write(parts.join("_SUCCESS"), "").expect("write");
    };
    let mut lines: Vec<String> = lines.iter().map(|l| l.to_string()).collect();
    write_parts(&lines);
    let ix = tmp.path().join("index");
    let first = index(&ix, &[&parts], &["--records"]);
    assert_eq!(first.status.code(), Some(0), "{}", stderr(&first));
    assert_eq!(summary(&first).added, 10);

    let again = index(&ix, &[&parts], &["--records"]);
    let s = summary(&again);
    assert_eq!(
        (s.added, s.updated, s.unchanged, s.removed, s.written),
        (0, 0, 10, 0, 0)
    );

    // One file's records changed (a newer extraction), another's gone.
    let changed = "seeds/004_790beaa8e3ba6a97.txt";
    let removed = "corpus/003_a0cb441c1b215d03.pdf";
    let path_of = |l: &str| -> String {
        let v: serde_json::Value = serde_json::from_str(l).expect("record");
        v["source"]["path"].as_str().expect("path").to_string()
    };
    lines.retain(|l| path_of(l) != removed);
    let i = lines
        .iter()
        .position(|l| path_of(l) == changed)
        .expect("a record of the changed file");
    let mut r: serde_json::Value = serde_json::from_str(&lines[i]).expect("record");
    r["text"] = format!("{} quokkarium", r["text"].as_str().expect("text")).into();
    lines[i] = r.to_string();
    write_parts(&lines);
    let third = index(&ix, &[&parts], &["--records"]);
    assert_eq!(third.status.code(), Some(0), "{}", stderr(&third));
    let s = summary(&third);
    assert_eq!(
        (s.files, s.added, s.updated, s.unchanged, s.removed),
        (9, 0, 1, 8, 1)
    );
    let hits = search_json(&ix, "quokkarium", &[]);
    assert_eq!(hits["total"], 1);
    assert_eq!(hits["hits"][0]["record"]["source"]["path"], changed);
    assert_eq!(
        search_json(&ix, &format!("path:\"{removed}\""), &[])["total"],
        0
    );
}

#[test]
fn broken_record_lines_are_named_and_drop_nothing() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let file = extracted(tmp.path());
    let ix = tmp.path().join("index");
    assert_eq!(index(&ix, &[&file], &["--records"]).status.code(), Some(0));
    let before = export(&ix);

    // The first file's first records, then a line that is not a record:
    // perhaps one of that file's, so the file keeps what it had.
    let first: Vec<String> = std::fs::read_to_string(&file)
        .expect("records")
        .lines()
        .take(3)
        .map(str::to_string)
        .collect();
    let broken = tmp.path().join("broken.jsonl");
    std::fs::write(
        &broken,
        format!("{}\n{{\"kind\": \"minute\"\n", first.join("\n")),
    )
    .expect("write");
    let out = index(&ix, &[&broken], &["--records"]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let err = stderr(&out);
    assert!(
        err.contains(&format!("agendex: {}:4: not a record: ", broken.display())),
        "{err}"
    );
    assert!(
        err.contains(&format!(
            "agendex: {}:1: records of corpus/000_ab51a36975b4b00c.pdf left out",
            broken.display()
        )),
        "{err}"
    );
    assert!(
        err.contains("indexed files missing from them are kept"),
        "{err}"
    );
    let s = summary(&out);
    assert_eq!(
        (s.failed, s.written, s.removed, s.indexed_files),
        (2, 0, 0, 10)
    );
    assert_eq!(export(&ix), before);

    let missing = tmp.path().join("nowhere");
    let out = index(&ix, &[&missing], &["--records"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("nowhere: no such file or directory"));
    assert_eq!(summary(&out).indexed_files, 10);
}

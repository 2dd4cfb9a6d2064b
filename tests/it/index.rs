//! index: end-to-end tests of `agendex index` (incremental runs, failures,
//! rebuilds, crashes, concurrency) and `agendex export`, on copies of the
//! seeds and corpus PDFs in a tempdir.

use crate::support::{agendex, records, root, run, stderr};
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Output, Stdio};
use std::sync::OnceLock;
use std::time::{Duration, Instant};

/// The counts `agendex index` prints in its summary line.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct Summary {
    pub files: u64,
    pub added: u64,
    pub updated: u64,
    pub unchanged: u64,
    pub removed: u64,
    pub failed: u64,
    pub parsed: u64,
    pub written: u64,
    pub indexed_files: u64,
    pub indexed_records: u64,
}

/// Read the summary line ("N files: N added, … N records; 1.2 s").
pub fn summary(out: &Output) -> Summary {
    let err = stderr(out);
    let line = err
        .lines()
        .rev()
        .find(|l| l.contains(" added, "))
        .unwrap_or_else(|| panic!("no summary line in {err:?}"));
    let num_before = |word: &str| -> u64 {
        let i = line
            .find(word)
            .unwrap_or_else(|| panic!("{word:?} not in {line:?}"));
        line[..i]
            .split(|c: char| !c.is_ascii_digit())
            .rfind(|s| !s.is_empty())
            .and_then(|n| n.parse().ok())
            .unwrap_or_else(|| panic!("no number before {word:?} in {line:?}"))
    };
    Summary {
        files: num_before(" files:"),
        added: num_before(" added"),
        updated: num_before(" updated"),
        unchanged: num_before(" unchanged"),
        removed: num_before(" removed"),
        failed: num_before(" failed"),
        parsed: num_before(" parsed"),
        written: num_before(" records written"),
        indexed_files: num_before(" files, "),
        indexed_records: num_before(" records;"),
    }
}

/// Run `agendex index PATHS --index DIR ARGS`.
pub fn index(dir: &Path, paths: &[&Path], args: &[&str]) -> Output {
    let mut c = agendex();
    c.arg("index")
        .args(paths)
        .arg("--index")
        .arg(dir)
        .args(args);
    c.output().expect("agendex index runs")
}

/// Copies of the seeds (and the corpus PDFs, with `pdfs`) in `dir/inputs`.
pub fn copy_inputs(dir: &Path, pdfs: bool) -> PathBuf {
    let inputs = dir.join("inputs");
    let subs: &[&str] = if pdfs {
        &["seeds", "corpus"]
    } else {
        &["seeds"]
    };
    for sub in subs {
        std::fs::create_dir_all(inputs.join(sub)).expect("mkdir");
        for e in std::fs::read_dir(root().join(sub))
            .expect("read dir")
            .flatten()
        {
            let p = e.path();
            if matches!(p.extension().and_then(|x| x.to_str()), Some("txt" | "pdf")) {
                std::fs::copy(&p, inputs.join(sub).join(e.file_name())).expect("copy");
            }
        }
    }
    inputs
}

/// `n` text files made from the openings of the seeds, each different.
pub fn generated_corpus(dir: &Path, n: usize) -> PathBuf {
    let out = dir.join("generated");
    std::fs::create_dir_all(&out).expect("mkdir");
    let mut seeds: Vec<PathBuf> = std::fs::read_dir(root().join("seeds"))
        .expect("seeds")
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    seeds.sort();
    // The opening of each seed: enough text for every stage, small enough
    // that a run is dominated by the per-file work the tests are about.
    let texts: Vec<String> = seeds
        .iter()
        .map(|p| {
            let text = std::fs::read_to_string(p).expect("seed text");
            text.lines().take(40).collect::<Vec<_>>().join("\n")
        })
        .collect();
    for i in 0..n {
        let text = format!(
            "{}\nCopy number {i} of this paper.\n",
            texts[i % texts.len()]
        );
        std::fs::write(out.join(format!("paper-{i:04}.txt")), text).expect("write");
    }
    out
}

/// Run a search, expecting success; returns the JSON results.
pub fn search_json(dir: &Path, query: &str, args: &[&str]) -> serde_json::Value {
    let out = run(&[
        &[
            "search",
            query,
            "--index",
            &dir.to_string_lossy(),
            "--format",
            "json",
        ],
        args,
    ]
    .concat());
    assert_eq!(
        out.status.code(),
        Some(0),
        "search failed: {}",
        stderr(&out)
    );
    serde_json::from_slice(&out.stdout).expect("search prints JSON")
}

/// One index of `corpus/` and `seeds/` (paths relative, as given), built
/// once and shared by the tests that only read it.
pub fn shared_index() -> &'static Path {
    static INDEX: OnceLock<(tempfile::TempDir, PathBuf)> = OnceLock::new();
    let (_, ix) = INDEX.get_or_init(|| {
        let tmp = tempfile::tempdir().expect("tempdir");
        let ix = tmp.path().join("index");
        let out = index(&ix, &[Path::new("corpus"), Path::new("seeds")], &[]);
        assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
        (tmp, ix)
    });
    ix
}

fn export(dir: &Path) -> Vec<serde_json::Value> {
    let out = run(&["export", "--index", &dir.to_string_lossy()]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    records(&out)
}

fn pointer(dir: &Path) -> String {
    std::fs::read_to_string(dir.join("CURRENT"))
        .expect("pointer file")
        .trim()
        .to_string()
}

/// The number of segments in the current generation (one term dictionary each).
fn segment_count(dir: &Path) -> usize {
    let generation = dir.join(pointer(dir));
    std::fs::read_dir(&generation)
        .expect("generation folder")
        .filter_map(|e| e.ok())
        .filter(|e| e.path().extension().is_some_and(|x| x == "term"))
        .count()
}

#[test]
fn merge_budget_changes_segments_not_records() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let (never, roomy) = (tmp.path().join("never"), tmp.path().join("roomy"));
    let inputs = [Path::new("corpus"), Path::new("seeds")];
    // One file per commit: ten commits, so ten segments unless merged.
    for (ix, mb) in [(&never, "0"), (&roomy, "1024")] {
        let out = index(ix, &inputs, &["--merge-mb", mb, "--commit-every", "1"]);
        assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    }
    assert_eq!(export(&never), export(&roomy));
    assert_eq!(export(&never), export(shared_index()));
    let (a, b) = (segment_count(&never), segment_count(&roomy));
    assert!(a >= 8, "no merges: {a} segments");
    assert!(b < a, "merges allowed: {b} segments against {a}");
}

#[test]
fn second_run_over_unchanged_inputs_parses_nothing() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let inputs = copy_inputs(tmp.path(), true);
    let ix = tmp.path().join("index");
    let first = index(&ix, &[&inputs], &[]);
    assert_eq!(first.status.code(), Some(0), "{}", stderr(&first));
    let s1 = summary(&first);
    assert_eq!((s1.files, s1.added, s1.parsed, s1.failed), (10, 10, 10, 0));
    assert_eq!(s1.indexed_files, 10);
    assert!(s1.indexed_records >= 10, "{s1:?}");

    let second = index(&ix, &[&inputs], &[]);
    assert_eq!(second.status.code(), Some(0), "{}", stderr(&second));
    let s2 = summary(&second);
    assert_eq!(
        (
            s2.added,
            s2.updated,
            s2.unchanged,
            s2.removed,
            s2.failed,
            s2.parsed,
            s2.written
        ),
        (0, 0, 10, 0, 0, 0, 0)
    );
    assert_eq!(s2.indexed_records, s1.indexed_records);
}

#[test]
fn export_gives_back_what_extract_prints_and_a_sqlite_database() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let ix = shared_index();
    let exported = run(&["export", "--index", &ix.to_string_lossy()]);
    let extracted = run(&["extract", "corpus", "seeds"]);
    assert_eq!(exported.status.code(), Some(0), "{}", stderr(&exported));
    assert!(!exported.stdout.is_empty());
    assert_eq!(
        String::from_utf8_lossy(&exported.stdout),
        String::from_utf8_lossy(&extracted.stdout)
    );
    let csv_out = tmp.path().join("records.csv");
    let exported = run(&[
        "export",
        "--index",
        &ix.to_string_lossy(),
        "--format",
        "csv",
        "-o",
        &csv_out.to_string_lossy(),
    ]);
    assert_eq!(exported.status.code(), Some(0), "{}", stderr(&exported));
    let extracted = run(&["extract", "corpus", "seeds", "--format", "csv"]);
    assert_eq!(
        std::fs::read_to_string(&csv_out).expect("csv written"),
        String::from_utf8_lossy(&extracted.stdout)
    );
    let db_path = tmp.path().join("records.sqlite");
    let out = run(&[
        "export",
        "--index",
        &ix.to_string_lossy(),
        "--format",
        "sqlite",
        "-o",
        &db_path.to_string_lossy(),
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let db = rusqlite::Connection::open(&db_path).expect("open export");
    let count: i64 = db
        .query_row("SELECT count(*) FROM records", [], |r| r.get(0))
        .expect("count");
    let ndjson = records(&run(&["export", "--index", &ix.to_string_lossy()]));
    assert_eq!(count as usize, ndjson.len());
    let mut found: Vec<String> = db
        .prepare(
            "SELECT records.path FROM records_fts JOIN records ON records.rowid = records_fts.rowid \
             WHERE records_fts MATCH '\"high needs block\"'",
        )
        .expect("fts query")
        .query_map([], |r| r.get(0))
        .expect("rows")
        .map(|p| p.expect("path"))
        .collect();
    found.sort();
    found.dedup();
    assert_eq!(
        found,
        [
            "corpus/000_ab51a36975b4b00c.pdf",
            "seeds/000_ab51a36975b4b00c.txt"
        ]
    );
    let (id, page): (String, i64) = db
        .query_row(
            "SELECT id, page FROM records WHERE path = 'seeds/002_73f4e48f0bf20ba3.txt' LIMIT 1",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .expect("a seed record");
    let same = ndjson
        .iter()
        .find(|r| r["id"] == id.as_str())
        .expect("same id in ndjson");
    assert_eq!(same["source"]["page"], page);
    let no_file = run(&[
        "export",
        "--index",
        &ix.to_string_lossy(),
        "--format",
        "sqlite",
    ]);
    assert_eq!(no_file.status.code(), Some(2));
    assert!(stderr(&no_file).contains("needs a file"));
}

#[test]
fn changed_file_replaces_its_records_and_removed_file_loses_them() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let inputs = copy_inputs(tmp.path(), true);
    let ix = tmp.path().join("index");
    assert_eq!(index(&ix, &[&inputs], &[]).status.code(), Some(0));
    let changed = inputs.join("seeds").join("004_790beaa8e3ba6a97.txt");
    let changed_path = changed.to_string_lossy().to_string();
    let old: Vec<serde_json::Value> = export(&ix)
        .into_iter()
        .filter(|r| r["source"]["path"] == changed_path.as_str())
        .collect();
    assert!(!old.is_empty());
    let old_sha = old[0]["source"]["sha256"]
        .as_str()
        .expect("sha")
        .to_string();

    let mut text = std::fs::read_to_string(&changed).expect("read");
    text.push_str("\nAddendum: the quokkarium budget was noted.\n");
    std::fs::write(&changed, text).expect("write");
    let removed = inputs.join("corpus").join("003_a0cb441c1b215d03.pdf");
    let removed_path = removed.to_string_lossy().to_string();
    std::fs::remove_file(&removed).expect("remove");

    let out = index(&ix, &[&inputs], &[]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let s = summary(&out);
    assert_eq!(
        (s.added, s.updated, s.unchanged, s.removed, s.parsed),
        (0, 1, 8, 1, 1)
    );
    let now = export(&ix);
    let mine: Vec<&serde_json::Value> = now
        .iter()
        .filter(|r| r["source"]["path"] == changed_path.as_str())
        .collect();
    let fresh = records(&run(&["extract", &changed_path]));
    assert_eq!(mine.len(), fresh.len());
    assert!(mine
        .iter()
        .all(|r| r["source"]["sha256"] != old_sha.as_str()));
    assert!(now
        .iter()
        .all(|r| r["source"]["path"] != removed_path.as_str()));
    assert_eq!(now.len() as u64, s.indexed_records);

    let hits = search_json(&ix, "quokkarium", &[]);
    assert_eq!(hits["total"], 1);
    assert_eq!(
        hits["hits"][0]["record"]["source"]["path"],
        changed_path.as_str()
    );
    let gone = search_json(&ix, &format!("sha256:{old_sha}"), &[]);
    assert_eq!(gone["total"], 0);
}

#[test]
fn failed_file_keeps_its_earlier_records() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let inputs = copy_inputs(tmp.path(), false);
    let ix = tmp.path().join("index");
    assert_eq!(index(&ix, &[&inputs], &[]).status.code(), Some(0));
    let before = search_json(&ix, "\"High Needs Block\"", &["--unfolded"]);
    let seed = inputs.join("seeds").join("000_ab51a36975b4b00c.txt");
    let seed_path = seed.to_string_lossy().to_string();
    let hits_in = |v: &serde_json::Value| {
        v["hits"]
            .as_array()
            .expect("hits")
            .iter()
            .filter(|h| h["record"]["source"]["path"] == seed_path.as_str())
            .count()
    };
    assert!(hits_in(&before) > 0);
    // No longer UTF-8: the file cannot be read as text.
    std::fs::write(&seed, b"Minutes \xff\xfe of the meeting").expect("write");
    let out = index(&ix, &[&inputs], &[]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(
        stderr(&out).contains(&format!("agendex: {seed_path}: not valid UTF-8 text")),
        "{}",
        stderr(&out)
    );
    let s = summary(&out);
    assert_eq!((s.failed, s.parsed, s.unchanged, s.updated), (1, 1, 4, 0));
    let after = search_json(&ix, "\"High Needs Block\"", &["--unfolded"]);
    assert_eq!(hits_in(&after), hits_in(&before));
    assert_eq!(after["total"], before["total"]);
}

#[test]
fn rebuild_swaps_in_a_new_generation() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let inputs = copy_inputs(tmp.path(), false);
    let ix = tmp.path().join("index");
    let first = index(&ix, &[&inputs], &[]);
    assert_eq!(first.status.code(), Some(0));
    let old = pointer(&ix);
    let rebuilt = index(&ix, &[&inputs], &["--rebuild"]);
    assert_eq!(rebuilt.status.code(), Some(0), "{}", stderr(&rebuilt));
    let s = summary(&rebuilt);
    assert_eq!((s.added, s.unchanged, s.parsed), (5, 0, 5));
    assert_eq!(s.indexed_records, summary(&first).indexed_records);
    let new = pointer(&ix);
    assert_ne!(old, new);
    assert!(ix.join(&new).is_dir());
    assert!(!ix.join(&old).exists(), "old generation {old} is removed");
    assert!(search_json(&ix, "\"High Needs Block\"", &[])["total"].as_u64() > Some(0));
}

/// A damaged index (a segment's store cut short, a pointer naming no
/// generation, a garbage meta.json) is named as damaged with the advice to rebuild, by search and
/// by an update; `index --rebuild` then makes a working index.
#[test]
fn a_damaged_index_says_so_and_rebuild_mends_it() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let inputs = copy_inputs(tmp.path(), false);
    let ix = tmp.path().join("index");
    assert_eq!(index(&ix, &[&inputs], &[]).status.code(), Some(0));
    let generation = ix.join(pointer(&ix));
    let store = std::fs::read_dir(&generation)
        .expect("generation")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|x| x == "store"))
        .max_by_key(|p| std::fs::metadata(p).map(|m| m.len()).unwrap_or(0))
        .expect("a segment store");
    let file = std::fs::OpenOptions::new()
        .write(true)
        .open(&store)
        .expect("open store");
    file.set_len(100).expect("truncate");
    drop(file);

    let damaged = |out: &Output| {
        assert_eq!(out.status.code(), Some(2), "{}", stderr(out));
        let err = stderr(out);
        assert!(err.contains("is damaged"), "{err}");
        assert!(err.contains("agendex index --rebuild"), "{err}");
        assert!(!err.contains("panicked"), "{err}");
    };
    let search = |ix: &Path| {
        agendex()
            .args(["search", "--index"])
            .arg(ix)
            .arg("\"High Needs Block\"")
            .output()
            .expect("agendex runs")
    };
    damaged(&search(&ix));
    let rebuilt = index(&ix, &[&inputs], &["--rebuild"]);
    assert_eq!(rebuilt.status.code(), Some(0), "{}", stderr(&rebuilt));
    assert!(search_json(&ix, "\"High Needs Block\"", &[])["total"].as_u64() > Some(0));

    std::fs::write(ix.join("CURRENT"), "garbage\n").expect("write pointer");
    damaged(&search(&ix));
    damaged(&index(&ix, &[&inputs], &[]));
    let rebuilt = index(&ix, &[&inputs], &["--rebuild"]);
    assert_eq!(rebuilt.status.code(), Some(0), "{}", stderr(&rebuilt));
    assert!(search_json(&ix, "\"High Needs Block\"", &[])["total"].as_u64() > Some(0));

    // The generation's own meta.json (tantivy's list of segments) garbage.
    std::fs::write(ix.join(pointer(&ix)).join("meta.json"), "{ not json").expect("write meta");
    damaged(&search(&ix));
    damaged(&index(&ix, &[&inputs], &[]));
    let rebuilt = index(&ix, &[&inputs], &["--rebuild"]);
    assert_eq!(rebuilt.status.code(), Some(0), "{}", stderr(&rebuilt));
    assert!(search_json(&ix, "\"High Needs Block\"", &[])["total"].as_u64() > Some(0));
}

/// Wait for `n` "committed" progress lines on the child's stderr; the rest
/// of its stderr is drained by a thread, so the child never writes into a
/// closed pipe.
fn wait_for_commits(child: &mut Child, n: usize) -> usize {
    let err = child.stderr.take().expect("piped stderr");
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        for line in BufReader::new(err).lines() {
            let Ok(line) = line else { break };
            if line.contains("committed") {
                let _ = tx.send(());
            }
        }
    });
    let mut seen = 0;
    while seen < n && rx.recv_timeout(Duration::from_secs(30)).is_ok() {
        seen += 1;
    }
    seen
}

fn spawn_index(dir: &Path, input: &Path, args: &[&str]) -> Child {
    agendex()
        .arg("index")
        .arg(input)
        .arg("--index")
        .arg(dir)
        .args(args)
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .expect("agendex index starts")
}

#[test]
fn killed_run_leaves_a_working_index_and_the_next_run_completes() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let corpus = generated_corpus(tmp.path(), 300);
    let ix = tmp.path().join("index");
    let mut child = spawn_index(&ix, &corpus, &["--commit-every", "25", "-v"]);
    assert_eq!(wait_for_commits(&mut child, 2), 2);
    // SIGKILL: nothing of the process gets to run any more.
    child.kill().expect("kill");
    let status = child.wait().expect("wait");
    assert_eq!(status.code(), None, "killed by a signal, not finished");

    let per_file = |records: &[serde_json::Value]| {
        let mut counts = std::collections::BTreeMap::<String, usize>::new();
        for r in records {
            let path = r["source"]["path"].as_str().expect("path").to_string();
            *counts.entry(path).or_default() += 1;
        }
        counts
    };
    let after_kill = per_file(&export(&ix));
    let committed = after_kill.len() as u64;
    assert!((2..300).contains(&committed), "{committed} files committed");
    assert!(search_json(&ix, "early help", &[])["total"].as_u64() > Some(0));

    let resumed = index(&ix, &[&corpus], &[]);
    assert_eq!(resumed.status.code(), Some(0), "{}", stderr(&resumed));
    let s = summary(&resumed);
    assert_eq!(s.unchanged + s.added, 300, "{s:?}");
    assert_eq!(s.unchanged, committed, "{s:?}");

    let clean_ix = tmp.path().join("clean");
    let clean = summary(&index(&clean_ix, &[&corpus], &[]));
    assert_eq!(
        (s.indexed_files, s.indexed_records),
        (clean.indexed_files, clean.indexed_records)
    );
    let clean_records = export(&clean_ix);
    assert_eq!(export(&ix), clean_records);
    // What the killed run had committed were whole files, all their records.
    let complete = per_file(&clean_records);
    for (path, n) in &after_kill {
        assert_eq!(Some(n), complete.get(path), "{path}");
    }
}

#[test]
fn searches_during_an_index_run_never_fail() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let corpus = generated_corpus(tmp.path(), 200);
    let ix = tmp.path().join("index");
    let seed = root().join("seeds").join("000_ab51a36975b4b00c.txt");
    assert_eq!(index(&ix, &[&seed], &[]).status.code(), Some(0));

    for args in [&["--commit-every", "25"][..], &["--rebuild"][..]] {
        let mut child = spawn_index(&ix, &corpus, args);
        let started = Instant::now();
        let mut searches = 0;
        loop {
            let finished = child.try_wait().expect("try_wait").is_some();
            let out = run(&[
                "search",
                "early help",
                "--index",
                &ix.to_string_lossy(),
                "--format",
                "json",
            ]);
            assert_eq!(
                out.status.code(),
                Some(0),
                "search {searches} failed during index {args:?}: {}",
                stderr(&out)
            );
            serde_json::from_slice::<serde_json::Value>(&out.stdout).expect("JSON results");
            searches += 1;
            if finished || started.elapsed() > Duration::from_secs(30) {
                break;
            }
        }
        let status = child.wait().expect("wait");
        assert_eq!(status.code(), Some(0));
        assert!(
            searches > 3,
            "only {searches} searches ran during the index run"
        );
    }
}

#[test]
fn second_index_run_at_once_is_told_the_index_is_busy() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let corpus = generated_corpus(tmp.path(), 200);
    let ix = tmp.path().join("index");
    let mut first = spawn_index(&ix, &corpus, &["--commit-every", "25", "-v"]);
    assert_eq!(wait_for_commits(&mut first, 1), 1);
    let second = index(&ix, &[&corpus], &[]);
    let first_status = first.wait().expect("wait");
    assert_eq!(first_status.code(), Some(0));
    assert_eq!(second.status.code(), Some(2), "{}", stderr(&second));
    assert_eq!(
        stderr(&second).trim(),
        "agendex: index is busy: another agendex index is running"
    );
}

/// A public index of Birmingham's Cabinet Committee pack leaves out the
/// items under its "PRIVATE AGENDA" heading, and says how many it withheld.
#[test]
#[ignore = "needs ../shared/corpus-real (real council documents beside the project)"]
fn a_public_index_leaves_out_the_private_agenda() {
    let pack = crate::support::corpus_real().join(
        "birmingham-cc_2018-11-13_cabinet-committee-group-company-governance_agenda-pack.pdf",
    );
    let tmp = tempfile::tempdir().unwrap();
    let idx = tmp.path().join("idx");
    let out = crate::support::run(&[
        "index",
        "--public",
        "--index",
        idx.to_str().unwrap(),
        pack.to_str().unwrap(),
    ]);
    let err = crate::support::stderr(&out);
    assert!(err.contains("exempt records withheld"), "{err}");
    assert!(!err.contains("public index: 0 exempt"), "{err}");
    let out = crate::support::run(&["export", "--index", idx.to_str().unwrap()]);
    let recs = crate::support::records(&out);
    assert!(!recs.is_empty());
    assert!(recs.iter().all(|r| r["exempt"].as_bool() != Some(true)));
    assert!(recs.iter().any(|r| r["kind"] == "agenda_item"));
}

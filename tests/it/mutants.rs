//! The mutation fuzzer: a fixed-seed set of damaged copies of the corpus
//! PDFs (bytes flipped, cut, duplicated, deleted, swapped, zeroed; objects
//! deleted and duplicated; stream data swapped) read in one run. Each
//! mutant lands in exactly one outcome, none hangs past `--timeout`, no
//! panic text reaches the user; and agendex gets text out of at least as
//! many of them as MuPDF does.
//!
//! `AGENDEX_KEEP_MUTANTS=DIR` keeps the mutants in DIR for a look with
//! other readers.

use crate::support::{agendex, root};
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::process::Command;

/// splitmix64: small, fixed, the same on every machine.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed)
    }

    pub fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (`n` > 0).
    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

/// Where each `N G obj … endobj` of a file lies.
fn object_spans(bytes: &[u8]) -> Vec<(usize, usize)> {
    let text = String::from_utf8_lossy(bytes);
    let re = regex::Regex::new(r"(?m)^\d+ \d+ obj").unwrap();
    let mut spans = Vec::new();
    // The lossy text has the same offsets where the bytes are ASCII, and
    // every header is; a shifted offset only makes a less tidy mutant.
    for m in re.find_iter(&text) {
        let start = m.start().min(bytes.len());
        if let Some(end) = find(&bytes[start..], b"endobj") {
            spans.push((start, start + end + 6));
        }
    }
    spans
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

/// Where each stream's data lies.
fn stream_spans(bytes: &[u8]) -> Vec<(usize, usize)> {
    let mut spans = Vec::new();
    let mut from = 0;
    while let Some(at) = find(&bytes[from..], b"stream\n") {
        let start = from + at + 7;
        if bytes[..from + at].ends_with(b"end") {
            from = start;
            continue;
        }
        match find(&bytes[start..], b"endstream") {
            Some(end) => {
                spans.push((start, start + end));
                from = start + end + 9;
            }
            None => break,
        }
    }
    spans
}

/// One damaged copy of `bytes`, and what was done to it.
pub fn mutate(bytes: &[u8], rng: &mut Rng) -> (Vec<u8>, String) {
    let mut out = bytes.to_vec();
    let n = out.len();
    let chunk = |rng: &mut Rng| 1 + rng.below(4096.min(n / 4).max(1));
    match rng.below(9) {
        0 => {
            let flips = 1 + rng.below(16);
            for _ in 0..flips {
                let at = rng.below(n);
                out[at] ^= 1 << rng.below(8);
            }
            (out, format!("{flips} bits flipped"))
        }
        1 => {
            let at = rng.below(n);
            out.truncate(at);
            (out, format!("cut at {}%", at * 100 / n))
        }
        2 => {
            let len = chunk(rng);
            let from = rng.below(n - len);
            let to = rng.below(n);
            let copy = out[from..from + len].to_vec();
            out.splice(to..to, copy);
            (out, format!("{len} bytes duplicated"))
        }
        3 => {
            let len = chunk(rng);
            let from = rng.below(n - len);
            out.drain(from..from + len);
            (out, format!("{len} bytes deleted"))
        }
        4 => {
            let len = chunk(rng).min(n / 2 - 1);
            let a = rng.below(n / 2 - len);
            let b = n / 2 + rng.below(n / 2 - len);
            for i in 0..len {
                out.swap(a + i, b + i);
            }
            (out, format!("two runs of {len} bytes swapped"))
        }
        5 => {
            let len = chunk(rng);
            let from = rng.below(n - len);
            out[from..from + len].fill(0);
            (out, format!("{len} bytes zeroed"))
        }
        6 => {
            let spans = object_spans(bytes);
            if spans.is_empty() {
                return (out, "unchanged".into());
            }
            let (a, b) = spans[rng.below(spans.len())];
            out.drain(a..b);
            (out, "an object deleted".into())
        }
        7 => {
            let spans = object_spans(bytes);
            if spans.is_empty() {
                return (out, "unchanged".into());
            }
            let (a, b) = spans[rng.below(spans.len())];
            let to = spans[rng.below(spans.len())].0;
            let copy = out[a..b].to_vec();
            out.splice(to..to, copy);
            (out, "an object duplicated".into())
        }
        _ => {
            let spans = stream_spans(bytes);
            if spans.len() < 2 {
                return (out, "unchanged".into());
            }
            let (a0, a1) = spans[rng.below(spans.len())];
            let (b0, b1) = spans[rng.below(spans.len())];
            let (first, second) = if a0 <= b0 {
                ((a0, a1), (b0, b1))
            } else {
                ((b0, b1), (a0, a1))
            };
            if first == second {
                return (out, "unchanged".into());
            }
            let mut swapped = out[..first.0].to_vec();
            swapped.extend_from_slice(&bytes[second.0..second.1]);
            swapped.extend_from_slice(&bytes[first.1..second.0]);
            swapped.extend_from_slice(&bytes[first.0..first.1]);
            swapped.extend_from_slice(&bytes[second.1..]);
            (swapped, "two streams' data swapped".into())
        }
    }
}

/// The fixed mutant set: `per_file` mutants of each PDF in `originals`,
/// written into `dir`; (mutant path, the original it came from).
pub fn write_mutants(
    originals: &[PathBuf],
    per_file: usize,
    seed: u64,
    dir: &Path,
) -> Vec<(PathBuf, PathBuf)> {
    let mut rng = Rng::new(seed);
    let mut made = Vec::new();
    for original in originals {
        let bytes = std::fs::read(original).unwrap();
        let stem = original.file_stem().unwrap().to_string_lossy().into_owned();
        for k in 0..per_file {
            let (mutant, _) = mutate(&bytes, &mut rng);
            let path = dir.join(format!("{stem}.m{k:03}.pdf"));
            std::fs::write(&path, mutant).unwrap();
            made.push((path, original.clone()));
        }
    }
    made
}

fn corpus_pdfs() -> Vec<PathBuf> {
    let mut pdfs: Vec<PathBuf> = std::fs::read_dir(root().join("corpus"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "pdf"))
        .collect();
    pdfs.sort();
    pdfs
}

/// What became of each file of one `agendex extract` run over a folder.
#[derive(Debug, Default)]
pub struct Outcomes {
    /// File -> its records' text, joined.
    pub text: BTreeMap<String, String>,
    /// File -> the reason it failed.
    pub failed: BTreeMap<String, String>,
    /// Files read in part: their `damaged PDF, recovered …` note.
    pub recovered: BTreeMap<String, String>,
    pub stderr: String,
    pub status: Option<i32>,
}

pub fn extract_folder(dir: &Path, timeout: u32) -> Outcomes {
    let out = agendex()
        .args(["extract", "--timeout", &timeout.to_string()])
        .arg(dir)
        .output()
        .unwrap();
    let mut outcomes = Outcomes {
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
        status: out.status.code(),
        ..Outcomes::default()
    };
    for line in String::from_utf8_lossy(&out.stdout).lines() {
        let record: serde_json::Value = serde_json::from_str(line).unwrap();
        let path = record["source"]["path"].as_str().unwrap().to_string();
        let text = outcomes.text.entry(path).or_default();
        text.push_str(record["text"].as_str().unwrap_or(""));
        text.push('\n');
    }
    let prefix = format!("agendex: {}/", dir.display());
    for line in outcomes.stderr.lines() {
        let Some(rest) = line.strip_prefix(&prefix) else {
            continue;
        };
        let (name, reason) = rest.split_once(": ").unwrap();
        let path = format!("{}/{name}", dir.display());
        let slot = if reason.starts_with("damaged PDF, recovered") {
            &mut outcomes.recovered
        } else {
            &mut outcomes.failed
        };
        assert!(
            slot.insert(path, reason.to_string()).is_none(),
            "two lines for one file: {line}"
        );
    }
    outcomes
}

/// Words a reader would recognise: lower-case runs of 4+ letters.
fn words(text: &str) -> BTreeSet<String> {
    text.split(|c: char| !c.is_alphabetic())
        .filter(|w| w.chars().count() >= 4)
        .map(str::to_lowercase)
        .collect()
}

/// Text got out of a damaged file counts as read when it holds at least
/// this many distinct words of the undamaged file's text: replacement
/// characters and stray letters (what a reader makes of a page whose fonts
/// are lost) do not count.
const WORDS_READ: usize = 20;

fn read(text: &str, vocabulary: &BTreeSet<String>) -> bool {
    words(text).intersection(vocabulary).count() >= WORDS_READ
}

const SEED: u64 = 18;
const PER_FILE: usize = 40;

/// The mutant set and what one `agendex extract` run made of it, shared by
/// the tests of this module (reading them takes a while in a debug build).
struct MutantRun {
    /// Keeps the folder for as long as the tests run.
    _tmp: Option<tempfile::TempDir>,
    mutants: Vec<(PathBuf, PathBuf)>,
    outcomes: Outcomes,
    elapsed: std::time::Duration,
}

fn mutant_run() -> &'static MutantRun {
    static RUN: std::sync::OnceLock<MutantRun> = std::sync::OnceLock::new();
    RUN.get_or_init(|| {
        let (tmp, dir) = match std::env::var_os("AGENDEX_KEEP_MUTANTS") {
            Some(dir) => {
                let dir = PathBuf::from(dir);
                std::fs::create_dir_all(&dir).unwrap();
                (None, dir)
            }
            None => {
                let tmp = tempfile::tempdir().unwrap();
                let dir = tmp.path().to_path_buf();
                (Some(tmp), dir)
            }
        };
        let mutants = write_mutants(&corpus_pdfs(), PER_FILE, SEED, &dir);
        let start = std::time::Instant::now();
        let outcomes = extract_folder(&dir, 20);
        MutantRun {
            _tmp: tmp,
            mutants,
            outcomes,
            elapsed: start.elapsed(),
        }
    })
}

#[test]
fn every_mutant_lands_in_exactly_one_outcome() {
    let run = mutant_run();
    let (mutants, outcomes, elapsed) = (&run.mutants, &run.outcomes, run.elapsed);
    assert!(
        !outcomes.stderr.contains("panicked at") && !outcomes.stderr.contains("RUST_BACKTRACE"),
        "panic text reached the user:\n{}",
        outcomes.stderr
    );
    assert!(
        matches!(outcomes.status, Some(0 | 1)),
        "exit status {:?}",
        outcomes.status
    );
    let mut classes: BTreeMap<&str, usize> = BTreeMap::new();
    for (mutant, _) in mutants {
        let path = mutant.display().to_string();
        let has_records = outcomes.text.contains_key(&path);
        let failed = outcomes.failed.get(&path);
        let recovered = outcomes.recovered.contains_key(&path);
        let class = match (has_records, failed, recovered) {
            (true, None, false) => "read",
            (true, None, true) => "recovered",
            (false, Some(reason), false) => class_of(reason),
            other => panic!("{path}: not exactly one outcome: {other:?}"),
        };
        *classes.entry(class).or_default() += 1;
    }
    let summary = outcomes.stderr.lines().last().unwrap_or("");
    assert!(
        summary.starts_with(&format!("{} files, ", mutants.len())),
        "{summary}"
    );
    let (read, total) = outcomes.recovered.values().fold((0, 0), |(r, t), note| {
        let numbers: Vec<u32> = note.split(' ').filter_map(|w| w.parse().ok()).collect();
        (r + numbers[0], t + numbers[1])
    });
    eprintln!(
        "{} mutants in {elapsed:.1?}: {classes:?}; damaged ones recovered: {read} of {total} pages",
        mutants.len()
    );
    // No mutant took the whole timeout: the run as a whole stays short.
    assert!(elapsed.as_secs() < 240, "{elapsed:?}");
    assert_eq!(classes.get("timed out"), None, "{classes:?}");
}

/// The outcome class of a failure reason.
fn class_of(reason: &str) -> &'static str {
    const CLASSES: [(&str, &str); 9] = [
        ("empty file", "empty"),
        ("not a PDF", "not a PDF"),
        ("truncated PDF", "truncated"),
        ("damaged PDF", "damaged"),
        ("encrypted PDF", "encrypted"),
        ("no text layer", "no text layer"),
        ("PDF reader panicked", "panicked"),
        ("PDF reader crashed", "crashed"),
        ("timed out", "timed out"),
    ];
    CLASSES
        .iter()
        .find(|(start, _)| reason.starts_with(start))
        .map(|(_, class)| *class)
        .unwrap_or_else(|| panic!("a failure of no known class: {reason}"))
}

/// Text a command-line reader gets out of a file (empty when it fails).
fn text_by(program: &str, args: &[&str], file: &Path) -> String {
    let out = Command::new("timeout")
        .arg("20")
        .arg(program)
        .args(args)
        .arg(file)
        .output()
        .unwrap_or_else(|e| panic!("cannot run {program}: {e}"));
    String::from_utf8_lossy(&out.stdout).into_owned()
}

#[test]
#[ignore = "needs mutool and pdftotext (Debian mupdf-tools, poppler-utils) to compare with"]
fn records_come_from_as_many_mutants_as_mupdf_reads() {
    let run = mutant_run();
    let (mutants, outcomes) = (&run.mutants, &run.outcomes);
    let originals = corpus_pdfs();
    let vocabulary: BTreeMap<PathBuf, BTreeSet<String>> = originals
        .iter()
        .map(|o| {
            (
                o.clone(),
                words(&text_by("mutool", &["draw", "-F", "txt"], o)),
            )
        })
        .collect();
    let (mut agendex_read, mut mupdf_read, mut poppler_read) = (0, 0, 0);
    for (mutant, original) in mutants {
        let vocabulary = &vocabulary[original];
        let ours = outcomes.text.get(&mutant.display().to_string());
        agendex_read += usize::from(ours.is_some_and(|t| read(t, vocabulary)));
        let mupdf = text_by("mutool", &["draw", "-q", "-F", "txt", "-o", "-"], mutant);
        mupdf_read += usize::from(read(&mupdf, vocabulary));
        let poppler = Command::new("timeout")
            .args(["20", "pdftotext", "-q"])
            .arg(mutant)
            .arg("-")
            .output()
            .unwrap();
        poppler_read += usize::from(read(&String::from_utf8_lossy(&poppler.stdout), vocabulary));
    }
    eprintln!(
        "{} mutants read: agendex {agendex_read}, MuPDF {mupdf_read}, poppler {poppler_read}",
        mutants.len()
    );
    assert!(
        agendex_read >= mupdf_read,
        "agendex read {agendex_read} of {} mutants, MuPDF {mupdf_read}",
        mutants.len()
    );
}

//! The search index: writing records (per 1,000, with the commit) and a mix
//! of queries over an index of many records. Records are the real ones the
//! pipeline makes of the seeds and corpus PDFs (read in this process), made
//! distinct by id and path and repeated up to the size wanted.
//!
//! `AGENDEX_BENCH_RECORDS` sets the search index's size (default 20,000);
//! the target speaks of 1,000,000, which takes a while to build.
//! The search index is built once and kept under
//! `target/bench-index/<records>-<key>/` (an index folder as `agendex index`
//! makes it: `CURRENT` and one generation), `<key>` being a hash of what
//! goes into it (the base records' JSON, the schema, the size, how copies
//! are made): runs with the same inputs reuse it, changed inputs build a
//! new one (delete `target/bench-index` to reclaim the space).
//! `AGENDEX_BENCH_CPU=1` measures the bench thread's CPU time rather than
//! wall time (see `cpu/mod.rs`).
//!
//! `AGENDEX_BENCH_LATENCY=1` replaces criterion with a latency table: each
//! query of the mix run many times (`AGENDEX_BENCH_RUNS`, default 200),
//! one at a time and interleaved, through `agendex::index::query::search`
//! (what `agendex search` and `agendex serve` call: snippets, facets, the
//! index folder's current generation), printing per query the median, 90th
//! and 99th percentile and the worst of wall time and of CPU time (the
//! process's: a search shares its segments among threads)
//! (`AGENDEX_BENCH_QUERIES=words,phrase` picks queries by name).

mod cpu;

use agendex::index::query::{search, SearchRequest};
use agendex::index::schema::{self, Fields};
use agendex::pdf::worker::Limits;
use agendex::pipeline::{self, Options, PdfMode};
use agendex::record::OutRecord;
use criterion::measurement::Measurement;
use criterion::{BenchmarkId, Criterion, Throughput};
use sha2::{Digest, Sha256};
use std::path::{Path, PathBuf};
use std::time::Instant;
use tantivy::{Index, IndexWriter, TantivyDocument};

fn base_records() -> Vec<OutRecord> {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let (sources, _) = agendex::walk::walk(&[root.join("seeds"), root.join("corpus")]);
    let opts = Options {
        limits: Limits::default(),
        pdf: PdfMode::InProcess,
        jobs: 1,
    };
    let mut out = Vec::new();
    for s in &sources {
        if let Ok(recs) = pipeline::process(s, &opts).result {
            out.extend(recs);
        }
    }
    assert!(!out.is_empty(), "the seeds and corpus give records");
    out
}

/// `n` records: the base ones again and again, each copy its own file.
fn records(base: &[OutRecord], n: usize) -> impl Iterator<Item = OutRecord> + '_ {
    (0..n).map(move |i| {
        let mut r = base[i % base.len()].clone();
        let copy = i / base.len();
        r.id = format!("{}-{copy}", r.id);
        r.source.path = format!("{}#{copy}", r.source.path);
        r
    })
}

/// Write and commit `recs`; the writer is handed back with merges running.
fn write_records(
    index: &Index,
    recs: impl Iterator<Item = OutRecord>,
) -> IndexWriter<TantivyDocument> {
    agendex::index::stem::register(index);
    let fields = Fields::of(&index.schema()).unwrap();
    let mut writer: IndexWriter<TantivyDocument> =
        index.writer_with_num_threads(1, 64 << 20).unwrap();
    for (ord, r) in recs.enumerate() {
        let json = serde_json::to_string(&r).unwrap();
        writer
            .add_document(fields.record_doc(&r, &json, ord as u64))
            .unwrap();
    }
    writer.commit().unwrap();
    writer
}

fn write<M: Measurement>(c: &mut Criterion<M>) {
    let base = base_records();
    let mut g = c.benchmark_group("index_write");
    g.throughput(Throughput::Elements(1000));
    g.bench_function("1000_records", |b| {
        b.iter_with_setup(
            || tempfile::tempdir().unwrap(),
            |dir| {
                let index = Index::create_in_dir(dir.path(), schema::build()).unwrap();
                drop(write_records(&index, records(&base, 1000)));
                dir
            },
        )
    });
    g.finish();
}

/// How many records the search index holds.
fn search_records() -> usize {
    std::env::var("AGENDEX_BENCH_RECORDS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(20_000)
}

/// Bump when the way the bench index is built changes in a way the key
/// below does not see.
const BENCH_INDEX_FORMAT: &str = "bench-index 1: copies by id and path, one writer thread, 64 MiB";
/// The generation folder inside a bench index folder.
const GENERATION: &str = "gen-000001";
/// Written once the index is complete (so a build cut short is redone).
const COMPLETE: &str = "complete";

/// The folder of an index of `n` records, built now unless a complete one
/// with the same inputs is there already.
fn bench_index(n: usize) -> PathBuf {
    let base = base_records();
    let mut key = Sha256::new();
    key.update(BENCH_INDEX_FORMAT);
    key.update(n.to_le_bytes());
    key.update(serde_json::to_string(&schema::build()).unwrap());
    for r in &base {
        key.update(serde_json::to_string(r).unwrap());
    }
    let key: String = key.finalize()[..8]
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect();
    let target = std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("target"));
    let dir = target.join("bench-index").join(format!("{n}-{key}"));
    if dir.join(COMPLETE).exists() {
        eprintln!("search index: {} (kept from an earlier run)", dir.display());
        return dir;
    }
    eprintln!("search index: building {n} records in {}", dir.display());
    let _ = std::fs::remove_dir_all(&dir);
    let generation = dir.join(GENERATION);
    std::fs::create_dir_all(&generation).unwrap();
    let index = Index::create_in_dir(&generation, schema::build()).unwrap();
    let start = Instant::now();
    write_records(&index, records(&base, n))
        .wait_merging_threads()
        .unwrap();
    drop(index);
    std::fs::write(dir.join("CURRENT"), format!("{GENERATION}\n")).unwrap();
    std::fs::write(dir.join(COMPLETE), "").unwrap();
    eprintln!("search index: built in {:.0?}", start.elapsed());
    dir
}

/// The query mix: name and request.
fn queries() -> Vec<(&'static str, SearchRequest)> {
    vec![
        ("words", req("early help")),
        ("phrase", req("\"schools forum\"")),
        (
            "boolean",
            req("funding AND (schools OR academies) NOT nursery"),
        ),
        ("stemmed", req("resolved")),
        ("field", req("kind:agenda_item")),
        ("rare", req("Tottenham")),
        (
            "filtered",
            SearchRequest {
                since: Some("2014".into()),
                doc_type: Some("minutes".into()),
                ..req("budget")
            },
        ),
        (
            "filtered_range",
            SearchRequest {
                since: Some("2014-06".into()),
                until: Some("2016".into()),
                doc_type: Some("officer_report".into()),
                ..req("school")
            },
        ),
        ("everything", req("")),
        (
            "kind_filter",
            SearchRequest {
                kind: vec!["resolution".into(), "minute".into()],
                ..req("")
            },
        ),
    ]
}

fn search_bench<M: Measurement>(c: &mut Criterion<M>) {
    let n = search_records();
    let dir = bench_index(n);
    let mut g = c.benchmark_group(format!("search_{n}_records"));
    for (name, r) in &queries() {
        // As `agendex search` and `agendex serve` search: the index
        // folder's searcher, kept open between searches.
        g.bench_with_input(BenchmarkId::from_parameter(name), r, |b, r| {
            b.iter(|| search(&dir, r).unwrap())
        });
    }
    g.finish();
}

fn req(q: &str) -> SearchRequest {
    SearchRequest {
        query: q.to_string(),
        ..SearchRequest::default()
    }
}

fn run<M: Measurement>(mut c: Criterion<M>) {
    write(&mut c);
    search_bench(&mut c);
    c.final_summary();
}

/// CPU time of this process (the search's threads), in nanoseconds.
fn process_cpu_ns() -> u64 {
    cpu::cpu_ns(libc::CLOCK_PROCESS_CPUTIME_ID)
}

/// The `p`th percentile (nearest rank) of sorted `v`.
fn percentile(v: &[u64], p: f64) -> u64 {
    let rank = ((p / 100.0) * v.len() as f64).ceil() as usize;
    v[rank.clamp(1, v.len()) - 1]
}

/// Per-query median, p90, p99 and worst of single searches, wall and CPU.
fn latency() {
    let n = search_records();
    let runs: usize = std::env::var("AGENDEX_BENCH_RUNS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(200);
    let dir = bench_index(n);
    // `AGENDEX_BENCH_QUERIES=words,phrase` runs only those (for a profile).
    let only = std::env::var("AGENDEX_BENCH_QUERIES").unwrap_or_default();
    let queries: Vec<_> = queries()
        .into_iter()
        .filter(|(name, _)| only.is_empty() || only.split(',').any(|o| o == *name))
        .collect();
    // Warm up: the first search opens the index; page cache and caches fill.
    for (_, r) in &queries {
        for _ in 0..3 {
            search(&dir, r).unwrap();
        }
    }
    let mut wall = vec![Vec::with_capacity(runs); queries.len()];
    let mut cpu = vec![Vec::with_capacity(runs); queries.len()];
    let mut totals = vec![0; queries.len()];
    for _ in 0..runs {
        for (i, (_, r)) in queries.iter().enumerate() {
            let (t0, c0) = (Instant::now(), process_cpu_ns());
            let found = search(&dir, r).unwrap();
            let c1 = process_cpu_ns();
            wall[i].push(t0.elapsed().as_nanos() as u64);
            cpu[i].push(c1 - c0);
            totals[i] = found.total;
        }
    }
    let ms = |ns: u64| format!("{:.2}", ns as f64 / 1e6);
    println!(
        "search latency, {n} records, {runs} runs per query, load average {}",
        std::fs::read_to_string("/proc/loadavg")
            .unwrap_or_default()
            .split_whitespace()
            .take(3)
            .collect::<Vec<_>>()
            .join(" ")
    );
    println!("| query | hits | wall p50 | wall p90 | wall p99 | wall max | cpu p50 | cpu p99 |");
    println!("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
    for (i, (name, _)) in queries.iter().enumerate() {
        wall[i].sort_unstable();
        cpu[i].sort_unstable();
        println!(
            "| {name} | {} | {} | {} | {} | {} | {} | {} |",
            totals[i],
            ms(percentile(&wall[i], 50.0)),
            ms(percentile(&wall[i], 90.0)),
            ms(percentile(&wall[i], 99.0)),
            ms(*wall[i].last().unwrap()),
            ms(percentile(&cpu[i], 50.0)),
            ms(percentile(&cpu[i], 99.0)),
        );
    }
    let mut all: Vec<u64> = wall.concat();
    all.sort_unstable();
    let mut all_cpu: Vec<u64> = cpu.concat();
    all_cpu.sort_unstable();
    println!(
        "all queries: wall p50 {} ms, p99 {} ms; cpu p50 {} ms, p99 {} ms",
        ms(percentile(&all, 50.0)),
        ms(percentile(&all, 99.0)),
        ms(percentile(&all_cpu, 50.0)),
        ms(percentile(&all_cpu, 99.0))
    );
}

fn main() {
    if std::env::var_os("AGENDEX_BENCH_LATENCY").is_some() {
        latency();
        return;
    }
    if std::env::var_os("AGENDEX_BENCH_CPU").is_some() {
        run(cpu::config().with_measurement(cpu::CpuTime));
    } else {
        run(cpu::config());
    }
}

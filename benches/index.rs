//! The search index: writing records (per 1,000, with the commit) and a mix
//! of queries over an index of many records. Records are the real ones the
//! pipeline makes of the seeds and corpus PDFs (read in this process), made
//! distinct by id and path and repeated up to the size wanted.
//!
//! `AGENDEX_BENCH_RECORDS` sets the search index's size (default 20,000);
//! the target speaks of 1,000,000, which takes a while to build.
//! `AGENDEX_BENCH_CPU=1` measures the bench thread's CPU time rather than
//! wall time (see `cpu/mod.rs`).

mod cpu;

use agendex::index::query::{search_index, SearchRequest};
use agendex::index::schema::{self, Fields};
use agendex::pdf::worker::Limits;
use agendex::pipeline::{self, Options, PdfMode};
use agendex::record::OutRecord;
use criterion::measurement::Measurement;
use criterion::{BenchmarkId, Criterion, Throughput};
use std::path::PathBuf;
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

fn write_records(index: &Index, recs: impl Iterator<Item = OutRecord>) {
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
                write_records(&index, records(&base, 1000));
                dir
            },
        )
    });
    g.finish();
}

fn search<M: Measurement>(c: &mut Criterion<M>) {
    let n: usize = std::env::var("AGENDEX_BENCH_RECORDS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(20_000);
    let base = base_records();
    let dir = tempfile::tempdir().unwrap();
    let index = Index::create_in_dir(dir.path(), schema::build()).unwrap();
    write_records(&index, records(&base, n));
    let queries: &[(&str, SearchRequest)] = &[
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
        ("everything", req("")),
    ];
    let mut g = c.benchmark_group(format!("search_{n}_records"));
    for (name, r) in queries {
        g.bench_with_input(BenchmarkId::from_parameter(name), r, |b, r| {
            b.iter(|| search_index(&index, r).unwrap())
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
    search(&mut c);
    c.final_summary();
}

fn main() {
    if std::env::var_os("AGENDEX_BENCH_CPU").is_some() {
        run(cpu::config().with_measurement(cpu::CpuTime));
    } else {
        run(cpu::config());
    }
}

//! Grammar throughput, in bytes of page text per second (criterion prints
//! MB/s): `grammars::parse` over each seed's text pages and each PDF page
//! fixture (`grammars/tests/pages/*.json`, what the layout layer makes of
//! `corpus/*.pdf`), each grammar alone over every document of every input
//! (and the recommendation grammar over the documents it is run on), and
//! the text reader. No PDF reading here: see `layout.rs` and
//! `scripts/bench-pipeline.sh`. `AGENDEX_BENCH_CPU=1` measures CPU time
//! of the bench thread rather than wall time (see `cpu/mod.rs`).
//! `AGENDEX_BENCH_FASTEST=1` runs only `parse` over each input, without
//! criterion, and prints MiB per CPU-second of one parse in the fastest of
//! 30 samples of at least 0.1 s CPU, and in the median sample: the
//! fastest is the figure that repeats on a shared machine.

mod cpu;

use criterion::measurement::Measurement;
use criterion::{BenchmarkId, Criterion, Throughput};
use grammars::registry::Grammar;
use grammars::{Page, Parsed};
use std::hint::black_box;
use std::path::{Path, PathBuf};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn files(dir: &Path, ext: &str) -> Vec<PathBuf> {
    let mut out: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == ext))
        .collect();
    out.sort();
    out
}

fn stem(p: &Path) -> String {
    p.file_stem().unwrap().to_string_lossy()[..3].to_string()
}

/// (label, pages, bytes of text) for every seed and every PDF fixture.
fn inputs() -> Vec<(String, Vec<Page>, u64)> {
    let mut out = Vec::new();
    for p in files(&root().join("seeds"), "txt") {
        let text = std::fs::read_to_string(&p).unwrap();
        out.push((format!("text/{}", stem(&p)), grammars::from_text(&text)));
    }
    for p in files(&root().join("grammars/tests/pages"), "json") {
        let json = std::fs::read_to_string(&p).unwrap();
        let pages: Vec<Page> = serde_json::from_str(&json).unwrap();
        out.push((format!("pdf/{}", stem(&p)), pages));
    }
    out.into_iter()
        .map(|(label, pages)| {
            let bytes = text_bytes(&pages);
            (label, pages, bytes)
        })
        .collect()
}

fn text_bytes(pages: &[Page]) -> u64 {
    pages
        .iter()
        .flat_map(|p| &p.lines)
        .map(|l| l.text.len() as u64 + 1)
        .sum()
}

fn parse<M: Measurement>(c: &mut Criterion<M>) {
    let mut g = c.benchmark_group("parse");
    for (label, pages, bytes) in inputs() {
        g.throughput(Throughput::Bytes(bytes));
        g.bench_with_input(BenchmarkId::from_parameter(&label), &pages, |b, p| {
            b.iter(|| grammars::parse(black_box(p)))
        });
    }
    g.finish();
}

/// Every grammar over every document of every input, whatever its type:
/// a per-grammar scanning speed, comparable across grammars.
fn each_grammar<M: Measurement>(c: &mut Criterion<M>) {
    use grammars::agenda::{self, meeting};
    use grammars::minutes::{self, attendance};
    use grammars::{recommendations, reports, tables};
    let list: [(&str, Grammar); 7] = [
        ("meeting", meeting::parse),
        ("agenda", agenda::parse),
        ("attendance", attendance::parse),
        ("minutes", minutes::parse),
        ("report", reports::parse),
        ("recommendation", recommendations::parse),
        ("table", tables::parse),
    ];
    let docs: Vec<(Vec<Page>, grammars::DocumentInfo)> = inputs()
        .into_iter()
        .flat_map(|(_, pages, _)| {
            grammars::segment::segment(&pages)
                .into_iter()
                .map(|s| (pages[s.first..=s.last].to_vec(), s.info))
                .collect::<Vec<_>>()
        })
        .collect();
    let bytes: u64 = docs.iter().map(|(p, _)| text_bytes(p)).sum();
    let mut g = c.benchmark_group("grammar");
    g.throughput(Throughput::Bytes(bytes));
    g.bench_function("lex", |b| {
        b.iter(|| {
            for (pages, _) in &docs {
                black_box(grammars::lex::lex_pages(pages));
            }
        })
    });
    g.bench_function("segment", |b| {
        b.iter(|| {
            for (pages, _) in &docs {
                black_box(grammars::segment::segment(pages));
            }
        })
    });
    // Each grammar reads documents lexed once (the "lex" bench above).
    let lexed: Vec<grammars::Doc> = docs
        .iter()
        .enumerate()
        .map(|(i, (pages, info))| grammars::Doc::of(pages, info, i))
        .collect();
    for (name, grammar) in list {
        g.bench_function(name, |b| {
            b.iter(|| {
                let mut out = Parsed::default();
                for doc in &lexed {
                    grammar(black_box(doc), &mut out);
                }
                out
            })
        });
    }
    g.finish();
    recommendation_own(&docs, c);
}

/// The recommendation grammar over the documents `parse` gives it (the
/// report types in `registry.rs`), in bytes of those documents.
fn recommendation_own<M: Measurement>(
    docs: &[(Vec<Page>, grammars::DocumentInfo)],
    c: &mut Criterion<M>,
) {
    use grammars::DocType::*;
    let own: Vec<_> = docs
        .iter()
        .filter(|(_, info)| {
            matches!(
                info.doc_type,
                OfficerReport
                    | InspectionReport
                    | ScrutinyReport
                    | MemberReport
                    | PerformanceReport
            )
        })
        .collect();
    let mut g = c.benchmark_group("grammar");
    g.throughput(Throughput::Bytes(
        own.iter().map(|(p, _)| text_bytes(p)).sum(),
    ));
    g.bench_function("recommendation/own-documents", |b| {
        b.iter(|| {
            let mut out = Parsed::default();
            for (i, (pages, info)) in own.iter().enumerate() {
                let doc = grammars::Doc::of(black_box(pages), info, i);
                grammars::recommendations::parse(&doc, &mut out);
            }
            out
        })
    });
    g.finish();
}

fn text_reader<M: Measurement>(c: &mut Criterion<M>) {
    let mut g = c.benchmark_group("from_text");
    for p in files(&root().join("seeds"), "txt") {
        let text = std::fs::read_to_string(&p).unwrap();
        g.throughput(Throughput::Bytes(text.len() as u64));
        g.bench_with_input(BenchmarkId::from_parameter(stem(&p)), &text, |b, t| {
            b.iter(|| grammars::from_text(black_box(t)))
        });
    }
    g.finish();
}

fn run<M: Measurement>(mut c: Criterion<M>) {
    parse(&mut c);
    each_grammar(&mut c);
    text_reader(&mut c);
    c.final_summary();
}

/// `parse` over each input: MiB per CPU-second of one parse, in the
/// fastest sample and the median one (see `cpu::fastest`).
fn parse_fastest() {
    const SAMPLES: usize = 30;
    const SAMPLE_NS: u64 = 100_000_000;
    println!("parse, MiB per CPU-second of one parse: fastest and median of {SAMPLES} samples of >= 0.1 s CPU");
    for (label, pages, bytes) in inputs() {
        let m = cpu::fastest(SAMPLES, SAMPLE_NS, || {
            black_box(grammars::parse(black_box(&pages)));
        });
        let mib = |ns: f64| bytes as f64 / 1_048_576.0 / (ns * 1e-9);
        println!(
            "parse/{label:<9} fastest {:6.2}  median {:6.2} MiB/cpu-s  ({} samples)",
            mib(m.fastest_ns),
            mib(m.median_ns),
            m.samples
        );
    }
}

fn main() {
    if std::env::var_os("AGENDEX_BENCH_FASTEST").is_some() {
        parse_fastest();
    } else if std::env::var_os("AGENDEX_BENCH_CPU").is_some() {
        run(cpu::config().with_measurement(cpu::CpuTime));
    } else {
        run(cpu::config());
    }
}

//! The layout layer per page: a corpus PDF's raw glyphs are read once in
//! this process (pdf-extract, no worker), then glyphs -> lines -> cells is
//! timed per page, furniture removal per file, and the worker's JSON answer
//! (serialise + parse back) per file, which is the cost of reading PDFs in
//! a child process. Also the in-process PDF read itself, per file.

use agendex::pdf::worker::{lay_out, PdfPages};
use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use std::hint::black_box;
use std::path::PathBuf;

fn corpus() -> Vec<(String, Vec<u8>)> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("corpus");
    let mut out: Vec<(String, Vec<u8>)> = std::fs::read_dir(&dir)
        .unwrap()
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "pdf"))
        .map(|p| {
            let stem = p.file_stem().unwrap().to_string_lossy()[..3].to_string();
            (stem, std::fs::read(&p).unwrap())
        })
        .collect();
    out.sort();
    out
}

fn layout(c: &mut Criterion) {
    let mut per_page = c.benchmark_group("layout_page");
    let raws: Vec<(String, agendex::pdf::RawDocument)> = corpus()
        .into_iter()
        .map(|(stem, bytes)| (stem, agendex::pdf::read_in_process(&bytes).unwrap()))
        .collect();
    for (stem, raw) in &raws {
        // Elements: pages, so criterion reports pages per second.
        per_page.throughput(Throughput::Elements(raw.pages.len() as u64));
        per_page.bench_with_input(BenchmarkId::from_parameter(stem), raw, |b, raw| {
            b.iter(|| {
                for page in &raw.pages {
                    black_box(agendex::layout::lines::page_lines(page));
                }
            })
        });
    }
    per_page.finish();

    let mut file = c.benchmark_group("lay_out_file");
    for (stem, raw) in &raws {
        file.throughput(Throughput::Elements(raw.pages.len() as u64));
        file.bench_with_input(BenchmarkId::from_parameter(stem), raw, |b, raw| {
            b.iter(|| lay_out(black_box(raw.clone())))
        });
    }
    file.finish();

    let mut json = c.benchmark_group("worker_json_round_trip");
    for (stem, raw) in &raws {
        let pages: PdfPages = lay_out(raw.clone()).unwrap();
        let size = serde_json::to_vec(&pages).unwrap().len();
        json.throughput(Throughput::Bytes(size as u64));
        json.bench_with_input(BenchmarkId::from_parameter(stem), &pages, |b, p| {
            b.iter(|| {
                let bytes = serde_json::to_vec(black_box(p)).unwrap();
                serde_json::from_slice::<PdfPages>(&bytes).unwrap()
            })
        });
    }
    json.finish();
}

fn pdf_read(c: &mut Criterion) {
    let mut g = c.benchmark_group("pdf_read_in_process");
    for (stem, bytes) in corpus() {
        let pages = agendex::pdf::read_in_process(&bytes).unwrap().pages.len();
        g.throughput(Throughput::Elements(pages as u64));
        g.bench_with_input(BenchmarkId::from_parameter(&stem), &bytes, |b, bytes| {
            b.iter(|| agendex::pdf::read_in_process(black_box(bytes)).unwrap())
        });
    }
    g.finish();
}

criterion_group! {
    name = benches;
    config = Criterion::default()
        .sample_size(10)
        .warm_up_time(std::time::Duration::from_millis(500))
        .measurement_time(std::time::Duration::from_secs(3));
    targets = layout, pdf_read
}
criterion_main!(benches);

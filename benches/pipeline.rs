//! One file through the whole pipeline (read, lay out, parse, envelope),
//! with the PDF read in a worker child process (what the command line does)
//! and in this process (no protection): the difference is the price of
//! crash isolation per file: spawning the worker and the JSON round trip.

use agendex::pdf::worker::Limits;
use agendex::pipeline::{process, Options, PdfMode};
use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use std::path::PathBuf;

fn bench(c: &mut Criterion) {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let (sources, _) = agendex::walk::walk(&[root.join("corpus")]);
    let modes = [
        (
            "worker",
            PdfMode::Worker(PathBuf::from(env!("CARGO_BIN_EXE_agendex"))),
        ),
        ("in_process", PdfMode::InProcess),
    ];
    let mut g = c.benchmark_group("pipeline_file");
    for s in &sources {
        let stem = s.path.file_stem().unwrap().to_string_lossy()[..3].to_string();
        for (name, pdf) in &modes {
            let opts = Options {
                limits: Limits::default(),
                pdf: pdf.clone(),
                jobs: 1,
            };
            let pages = process(s, &opts).pages;
            assert!(pages > 0, "{stem} reads in {name} mode");
            g.throughput(Throughput::Elements(u64::from(pages)));
            g.bench_with_input(BenchmarkId::new(*name, &stem), &opts, |b, o| {
                b.iter(|| process(s, o))
            });
        }
    }
    g.finish();
}

criterion_group! {
    name = benches;
    config = Criterion::default()
        .sample_size(10)
        .warm_up_time(std::time::Duration::from_millis(500))
        .measurement_time(std::time::Duration::from_secs(3));
    targets = bench
}
criterion_main!(benches);

//! `agendex generate`: write a corpus of varied files for benchmarks.

use super::EXIT_OK;
use crate::cli::{GenerateArgs, GenerateKinds};
use crate::generate::{write_corpus, Mix, Sources};
use anyhow::Result;
use std::time::Instant;

pub fn run(args: &GenerateArgs) -> Result<i32> {
    let start = Instant::now();
    let sources = Sources::load(&args.seeds, &args.corpus)?;
    let mix = match args.kinds {
        GenerateKinds::Both => Mix::Both,
        GenerateKinds::Pdf => Mix::Pdf,
        GenerateKinds::Text => Mix::Text,
    };
    let jobs = args.jobs.unwrap_or_else(|| {
        std::thread::available_parallelism()
            .map(|n| n.get())
            .unwrap_or(1)
    });
    let s = write_corpus(&sources, &args.out, args.files, args.seed, mix, jobs)?;
    eprintln!(
        "agendex: wrote {} files ({} PDF, {} text), {:.1} MB, to {} in {:.1}s",
        s.files,
        s.pdf_files,
        s.files - s.pdf_files,
        s.bytes as f64 / 1e6,
        args.out.display(),
        start.elapsed().as_secs_f64()
    );
    Ok(EXIT_OK)
}

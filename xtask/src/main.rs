//! Development tasks for agendex, kept out of the shipped binary:
//! `cargo xtask generate` writes a scaled corpus for benchmarks and memory
//! checks (`scripts/bench-pipeline.sh` runs it).

mod generate;

use clap::{Args, Parser, Subcommand};
use generate::{write_corpus, Mix, Sources};
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

/// Development tasks for agendex.
#[derive(Debug, Parser)]
#[command(name = "xtask")]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Make a corpus of varied packs and reports (PDF and text) from the
    /// seed texts and corpus PDFs, for benchmarks and scale tests.
    ///
    /// Agenda items are shuffled and renumbered, minute numbers shifted,
    /// dates, names and amounts changed, table rows dropped or repeated,
    /// PDF pages dropped or repeated. The same --seed gives the same files.
    Generate(GenerateArgs),
}

#[derive(Debug, Args)]
struct GenerateArgs {
    /// Folder to write the files into (created if missing).
    #[arg(long, value_name = "DIR")]
    out: PathBuf,
    /// How many files to make.
    #[arg(long, value_name = "N")]
    files: u64,
    /// Seed of the variations: the same seed makes the same files.
    #[arg(long, default_value_t = 1, value_name = "S")]
    seed: u64,
    /// Which kinds of file to make.
    #[arg(long, value_enum, default_value_t = Mix::Both)]
    kinds: Mix,
    /// Folder of seed texts (*.txt).
    #[arg(long, default_value = "seeds", value_name = "DIR")]
    seeds: PathBuf,
    /// Folder of PDFs to vary (*.pdf).
    #[arg(long, default_value = "corpus", value_name = "DIR")]
    corpus: PathBuf,
    /// Files made at once (default: one per CPU).
    #[arg(long, short = 'j', value_name = "N")]
    jobs: Option<usize>,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match &cli.command {
        Command::Generate(args) => generate(args),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("xtask: {e}");
            ExitCode::from(2)
        }
    }
}

fn generate(args: &GenerateArgs) -> Result<(), generate::GenerateError> {
    let start = Instant::now();
    let sources = Sources::load(&args.seeds, &args.corpus)?;
    let jobs = args.jobs.unwrap_or_else(|| {
        std::thread::available_parallelism()
            .map(|n| n.get())
            .unwrap_or(1)
    });
    let s = write_corpus(&sources, &args.out, args.files, args.seed, args.kinds, jobs)?;
    eprintln!(
        "xtask generate: wrote {} files ({} PDF, {} text), {:.1} MB, to {} in {:.1}s",
        s.files,
        s.pdf_files,
        s.files - s.pdf_files,
        s.bytes as f64 / 1e6,
        args.out.display(),
        start.elapsed().as_secs_f64()
    );
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::Cli;
    use clap::CommandFactory;

    #[test]
    fn command_tree_is_consistent() {
        Cli::command().debug_assert();
    }
}

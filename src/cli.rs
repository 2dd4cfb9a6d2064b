//! The command line, as clap derives it: doc comments are the help text.

use agendex::output::Format;
use clap::{Args, Parser, Subcommand};
use std::path::PathBuf;

/// Turn UK local-government committee papers (PDF, text) into structured,
/// searchable records: agenda items, minutes, resolutions, actions,
/// attendance, recommendations, tables, reports, meetings.
#[derive(Debug, Parser)]
#[command(name = "agendex", version, propagate_version = true)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Parse inputs and print their records (JSON Lines by default).
    ///
    /// Folders are walked recursively; .pdf, .txt and .md files are read.
    /// Records come out in input order, byte-identical from run to run.
    /// Diagnostics go to stderr; exit status 1 when some inputs failed.
    Extract(ExtractArgs),
    /// Show the pages as agendex reads them: lines in reading order, table
    /// rows with their cells, printed page labels; furniture removed.
    ///
    /// For checking what the grammars are given. One block per page:
    /// `=== FILE page N [label]`, then one line per text line, cells
    /// separated by " | ", ruled-table rows prefixed with `T<k>`.
    Pages(PagesArgs),
    /// Make a corpus of varied packs and reports (PDF and text) from the
    /// seed texts and corpus PDFs, for benchmarks and scale tests.
    ///
    /// Agenda items are shuffled and renumbered, minute numbers shifted,
    /// dates, names and amounts changed, table rows dropped or repeated,
    /// PDF pages dropped or repeated. The same --seed gives the same files.
    Generate(GenerateArgs),
}

#[derive(Debug, Args)]
pub struct GenerateArgs {
    /// Folder to write the files into (created if missing).
    #[arg(long, value_name = "DIR")]
    pub out: PathBuf,
    /// How many files to make.
    #[arg(long, value_name = "N")]
    pub files: u64,
    /// Seed of the variations: the same seed makes the same files.
    #[arg(long, default_value_t = 1, value_name = "S")]
    pub seed: u64,
    /// Which kinds of file to make.
    #[arg(long, value_enum, default_value_t = GenerateKinds::Both)]
    pub kinds: GenerateKinds,
    /// Folder of seed texts (*.txt).
    #[arg(long, default_value = "seeds", value_name = "DIR")]
    pub seeds: PathBuf,
    /// Folder of PDFs to vary (*.pdf).
    #[arg(long, default_value = "corpus", value_name = "DIR")]
    pub corpus: PathBuf,
    /// Files made at once (default: one per CPU).
    #[arg(long, short = 'j', value_name = "N")]
    pub jobs: Option<usize>,
}

/// Kinds of file `agendex generate` makes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum GenerateKinds {
    /// About three PDFs for every text file.
    Both,
    Pdf,
    Text,
}

#[derive(Debug, Args)]
pub struct PagesArgs {
    /// Files or folders to read.
    #[arg(required = true, value_name = "PATH")]
    pub paths: Vec<PathBuf>,
    /// Print the pages as JSON (the grammars' input) instead of text.
    #[arg(long)]
    pub json: bool,
    #[command(flatten)]
    pub read: ReadArgs,
}

/// Options shared by every command that reads inputs.
#[derive(Debug, Clone, Args)]
pub struct ReadArgs {
    /// Seconds one PDF may take before it is given up as timed out.
    #[arg(long, default_value_t = 60.0, value_name = "SECS")]
    pub timeout: f64,
    /// Memory cap for reading one PDF, in MiB (0: none).
    #[arg(long, default_value_t = 4096, value_name = "MIB")]
    pub max_memory: u64,
    /// Files read at once (default: one per CPU).
    #[arg(long, short = 'j', value_name = "N")]
    pub jobs: Option<usize>,
    /// Also print grammar warnings (pages no grammar claimed, unread pages).
    #[arg(long, short = 'v')]
    pub verbose: bool,
}

#[derive(Debug, Args)]
pub struct ExtractArgs {
    /// Files or folders to read.
    #[arg(required = true, value_name = "PATH")]
    pub paths: Vec<PathBuf>,
    /// Only these record kinds, comma-separated (e.g. resolution,action).
    #[arg(long, value_delimiter = ',', value_name = "K,K")]
    pub kind: Vec<String>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Jsonl)]
    pub format: Format,
    /// Write records to FILE (written whole, then renamed into place) instead of stdout.
    #[arg(short = 'o', long = "output", value_name = "FILE")]
    pub output: Option<PathBuf>,
    #[command(flatten)]
    pub read: ReadArgs,
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

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
    /// Bring the search index up to date with the inputs.
    ///
    /// New and changed files (by SHA-256) are parsed and replace their old
    /// records; files no longer among the inputs lose theirs; unchanged files
    /// are only hashed. A file that fails keeps its earlier records. Work is
    /// committed every few files, so an interrupted run keeps its progress
    /// and the next run finishes it. Searches may run meanwhile.
    Index(IndexArgs),
    /// Full-text search over the indexed records.
    ///
    /// QUERY: words (all must match), "exact phrases", AND / OR / NOT,
    /// -word, field:value (fields: text, title, kind, body or committee,
    /// council, type or doc_type, date, year, path, page, page_label, id,
    /// sha256, decision, grade, key, carried), date:2015-02,
    /// date:[2015 TO 2016-06], decision:24/00093, grade:inadequate,
    /// grade:"requires improvement", key:yes, carried:no. English stemming:
    /// "resolved" finds "resolve". An empty query ("") lists every record
    /// the filters let through.
    Search(SearchArgs),
    /// Write every indexed record out, file by file in document order.
    Export(ExportArgs),
    /// Serve a local web page for searching the index: a query box, facet
    /// filters with counts, dates, result cards with highlighted snippets,
    /// a page per record and a link to the source PDF at its page.
    ///
    /// Beside the pages, a JSON API: /api/search?q=…&kind=…&body=…&council=…
    /// &type=…&since=…&until=…&decision=…&grade=…&key=yes|no&carried=yes|no
    /// &limit=…&offset=… (the data of `agendex search
    /// --format json`) and /api/record/ID. The first line on stdout is the
    /// address served. A running `agendex index` shows up at its next commit.
    Serve(ServeArgs),
    /// Print the links among records: which agenda item introduces which
    /// report, which minute took which item, which records share a
    /// decision number, where a recommendation is quoted (JSON Lines:
    /// type, source, target, evidence, confidence).
    ///
    /// With PATHs, the papers are read and linked; without, the links the
    /// index stores (computed after every `agendex index`) are printed.
    Links(LinksArgs),
    /// Follow one record's links to the whole chain, in date order: agenda
    /// item, report, minute, decision, call-in. Each step gives its kind,
    /// title, date, file, page and the evidence of the link that reached it.
    ///
    /// From the index (--index), or from papers read now (PATHs).
    Thread(ThreadArgs),
    /// Print the JSON Schema (draft 2020-12) of the records `extract` prints.
    ///
    /// Made from the record types themselves: the envelope, then per kind
    /// that kind's fields; no other property is allowed.
    Schema,
    /// Print a shell completion script (bash, zsh, fish, elvish, powershell).
    ///
    /// bash: `agendex completions bash > ~/.local/share/bash-completion/completions/agendex`;
    /// zsh: `agendex completions zsh > "${fpath[1]}/_agendex"`;
    /// fish: `agendex completions fish > ~/.config/fish/completions/agendex.fish`.
    Completions(CompletionsArgs),
    /// Print the manual page (roff), or write one page per command into a folder.
    ///
    /// `agendex man | man -l -` reads it; `agendex man --dir DIR` writes
    /// agendex.1 and agendex-COMMAND.1 for each command.
    Man(ManArgs),
    /// Score the records of annotated inputs against hand-made gold.
    ///
    /// GOLD: a gold file (JSON Lines, eval/gold/FORMAT.md) or a folder of
    /// them; repeatable. Inputs are read as `extract` reads them; only files
    /// the gold annotates are read. Reports per kind precision, recall, F1
    /// and field accuracy (strict: exact; soft: case, spacing and punctuation
    /// folded), overall, per group of documents and per file.
    Eval(EvalArgs),
}

#[derive(Debug, Args)]
pub struct IndexArgs {
    /// Files or folders to index (the index mirrors them: indexed files
    /// that are not among them are dropped).
    #[arg(required = true, value_name = "PATH")]
    pub paths: Vec<PathBuf>,
    /// The PATHs are records as `extract` writes them (JSON Lines files, or
    /// folders of *.jsonl, *.ndjson and part-* files), not papers: the
    /// index is built from them without reading any paper. A file is
    /// recognised by its path and SHA-256 as when indexing papers; the
    /// index mirrors the files the records come from.
    #[arg(long)]
    pub records: bool,
    /// The index folder.
    #[arg(long, default_value = "index", value_name = "DIR")]
    pub index: PathBuf,
    /// Build a fresh index beside the old one and swap it in when complete.
    #[arg(long)]
    pub rebuild: bool,
    /// A public index: leave out records the papers withhold (an exempt
    /// agenda item or report, and every record of an exempt report's
    /// document), saying on stderr how many. Implies --rebuild, so no
    /// withheld record of an earlier run stays in the index.
    #[arg(long)]
    pub public: bool,
    /// Commit after this many parsed files (also every 5 seconds).
    #[arg(long, default_value_t = 100, value_name = "N", hide = true)]
    pub commit_every: usize,
    /// Most index data one merge reads, in MiB: bounds the run's memory
    /// whatever the number of files; larger values leave fewer, bigger
    /// segments (slightly faster searches on a large index), 0 never merges.
    #[arg(long, default_value_t = 48, value_name = "MIB")]
    pub merge_mb: u64,
    #[command(flatten)]
    pub read: ReadArgs,
}

/// How search results are printed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum SearchFormat {
    /// For people: results with snippets, then facet counts.
    Text,
    /// For scripts: one JSON object with hits (records, score, snippet) and facets.
    Json,
}

#[derive(Debug, Args)]
pub struct SearchArgs {
    /// What to look for (quote it in the shell).
    #[arg(value_name = "QUERY", allow_hyphen_values = true)]
    pub query: String,
    /// The index folder.
    #[arg(long, default_value = "index", value_name = "DIR")]
    pub index: PathBuf,
    /// Only these record kinds, comma-separated (e.g. resolution,minute).
    #[arg(long, value_delimiter = ',', value_name = "K,K")]
    pub kind: Vec<String>,
    /// Only records whose committee or forum contains these words ("schools forum").
    #[arg(long, value_name = "B")]
    pub body: Option<String>,
    /// Only records whose council contains these words.
    #[arg(long, value_name = "C")]
    pub council: Option<String>,
    /// Only this document type (agenda, minutes, officer_report, inspection_report, …).
    #[arg(long, value_name = "T")]
    pub doc_type: Option<String>,
    /// Only records dated on or after DATE (YYYY, YYYY-MM or YYYY-MM-DD): the
    /// document's date, else the meeting's.
    #[arg(long, value_name = "DATE")]
    pub since: Option<String>,
    /// Only records dated on or before DATE (a year or month counts whole).
    #[arg(long, value_name = "DATE")]
    pub until: Option<String>,
    /// Only records carrying this decision number (24/00093), or naming it.
    #[arg(long, value_name = "N")]
    pub decision: Option<String>,
    /// Only inspection judgements with this grade (inadequate, "requires improvement").
    #[arg(long, value_name = "G")]
    pub grade: Option<String>,
    /// Only key decisions (yes) or decisions that are not key (no).
    #[arg(long, value_name = "yes|no")]
    pub key: Option<String>,
    /// Only resolutions carried (yes) or lost (no).
    #[arg(long, value_name = "yes|no")]
    pub carried: Option<String>,
    /// How many results to show.
    #[arg(long, default_value_t = 10, value_name = "N")]
    pub limit: usize,
    /// Skip this many results first (paging).
    #[arg(long, default_value_t = 0, value_name = "N")]
    pub offset: usize,
    /// Every record matching every word its own result: nothing folded
    /// (no "also in", no "more in this document") and no query relaxed to
    /// any of its words. For scripts that list records.
    #[arg(long)]
    pub unfolded: bool,
    /// Output format.
    #[arg(long, value_enum, default_value_t = SearchFormat::Text)]
    pub format: SearchFormat,
    /// Give each hit its thread (as `agendex thread` follows it from the
    /// index's stored links): indented under the hit in text, a `thread`
    /// array of steps per hit in JSON (empty when the record has no links).
    #[arg(long)]
    pub thread: bool,
    /// Threads one search's index segments are shared among (default 1:
    /// faster on an idle machine, no gain on a busy one).
    #[arg(long, default_value_t = 1, value_name = "N")]
    pub search_threads: usize,
    /// Serve only an index built with `agendex index --public` (exempt
    /// records withheld): refuse any other, saying why.
    #[arg(long)]
    pub public: bool,
}

/// Export formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ExportFormat {
    /// One record per line as JSON, exactly as `extract` prints it.
    Ndjson,
    /// The envelope as columns, the kind's own fields as one JSON column.
    Csv,
    /// A SQLite database (needs -o): table `records` with the CSV columns,
    /// full-text table `records_fts`; ready for Datasette.
    Sqlite,
    /// For Quickwit (needs -o DIR): DIR/index-config.yaml, the index config
    /// with agendex's fields and analysis, and DIR/docs.ndjson, one document
    /// per record.
    Quickwit,
    /// For OpenSearch (needs -o DIR): DIR/index.json, the settings and
    /// mapping `PUT /NAME` takes, and DIR/bulk.ndjson, the `_bulk` body with
    /// each record's id as `_id` (loading it again replaces, never doubles).
    Opensearch,
}

#[derive(Debug, Args)]
pub struct ExportArgs {
    /// The index folder.
    #[arg(long, default_value = "index", value_name = "DIR")]
    pub index: PathBuf,
    /// Output format.
    #[arg(long, value_enum, default_value_t = ExportFormat::Ndjson)]
    pub format: ExportFormat,
    /// Write to PATH (written whole, then renamed into place) instead of
    /// stdout; a folder for quickwit and opensearch.
    #[arg(short = 'o', long = "output", value_name = "PATH")]
    pub output: Option<PathBuf>,
    /// The index name in the quickwit config and the opensearch bulk actions.
    #[arg(long, default_value = "agendex", value_name = "NAME")]
    pub name: String,
}

#[derive(Debug, Args)]
pub struct CompletionsArgs {
    /// The shell to complete for.
    #[arg(value_enum, value_name = "SHELL")]
    pub shell: clap_complete::Shell,
}

#[derive(Debug, Args)]
pub struct ManArgs {
    /// Write agendex.1 and one agendex-COMMAND.1 per command into DIR
    /// instead of printing agendex.1.
    #[arg(long, value_name = "DIR")]
    pub dir: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct LinksArgs {
    /// Papers to read and link (files or folders); none: the index's links.
    pub paths: Vec<PathBuf>,
    /// The index folder.
    #[arg(long, default_value = "index", value_name = "DIR")]
    pub index: PathBuf,
    #[command(flatten)]
    pub read: ReadArgs,
}

/// How a thread is printed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ThreadFormat {
    /// One step a line, for people.
    Text,
    /// A JSON array of steps, for scripts.
    Json,
}

#[derive(Debug, Args)]
pub struct ThreadArgs {
    /// The record's id (as `extract` and `search` print it).
    pub id: String,
    /// Papers to read and link (files or folders); none: the index.
    pub paths: Vec<PathBuf>,
    /// The index folder.
    #[arg(long, default_value = "index", value_name = "DIR")]
    pub index: PathBuf,
    #[arg(long, value_enum, default_value_t = ThreadFormat::Text)]
    pub format: ThreadFormat,
    #[command(flatten)]
    pub read: ReadArgs,
}

#[derive(Debug, Args)]
pub struct ServeArgs {
    /// The index folder.
    #[arg(long, default_value = "index", value_name = "DIR")]
    pub index: PathBuf,
    /// Address to listen on (port 0: any free port).
    #[arg(long, default_value = "127.0.0.1:7878", value_name = "HOST:PORT")]
    pub addr: String,
    /// Requests answered at once (default: two per CPU, at least 4).
    #[arg(long, value_name = "N")]
    pub threads: Option<usize>,
    /// Threads each search's index segments are shared among (default 1:
    /// faster on an idle machine, no gain on a busy one).
    #[arg(long, default_value_t = 1, value_name = "N")]
    pub search_threads: usize,
    /// Seconds a client has to send its request head; a slower one is
    /// answered 408 and closed. Also the longest a reply waits on a client
    /// that does not read it.
    #[arg(long, default_value_t = 10.0, value_name = "SECS", value_parser = positive_secs)]
    pub request_timeout: f64,
    /// Connections open at once; more are answered 503 with Retry-After.
    #[arg(long, default_value_t = 256, value_name = "N", value_parser = clap::value_parser!(u32).range(1..))]
    pub max_connections: u32,
    /// Serve only an index built with `agendex index --public` (exempt
    /// records withheld): refuse any other, saying why.
    #[arg(long)]
    pub public: bool,
}

#[derive(Debug, Args)]
pub struct PagesArgs {
    /// Files or folders to read.
    #[arg(required = true, value_name = "PATH")]
    pub paths: Vec<PathBuf>,
    /// Print the pages as JSON (the grammars' input) instead of text.
    #[arg(long)]
    pub json: bool,
    /// Print each document found and its outline (headings by level, told
    /// from typography and numbering) instead of the lines.
    #[arg(long)]
    pub outline: bool,
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
    /// Which PDF pages are read with OCR (Tesseract): `auto`, pages with
    /// no text under a page-sized image (scans); `always`, every page;
    /// `never`.
    #[arg(long, value_enum, default_value_t = agendex::pdf::ocr::OcrMode::Auto, value_name = "WHEN")]
    pub ocr: agendex::pdf::ocr::OcrMode,
    /// Also print grammar warnings (pages no grammar claimed, unread pages).
    #[arg(long, short = 'v')]
    pub verbose: bool,
}

/// How `agendex eval` prints its report.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum EvalFormat {
    /// Tables for people.
    Text,
    /// Markdown tables (the body of ACCURACY.md).
    Markdown,
    /// One JSON object for scripts.
    Json,
}

#[derive(Debug, Args)]
pub struct EvalArgs {
    /// Gold annotations: a .jsonl file or a folder of them (repeatable).
    #[arg(long, required_unless_present = "relevance", value_name = "GOLD")]
    pub gold: Vec<PathBuf>,
    /// A judged query set (a folder holding queries.tsv and qrels.jsonl,
    /// eval/relevance/FORMAT.md): index every input, run each query and
    /// report nDCG@10, MRR and recall@10.
    #[arg(long, value_name = "DIR")]
    pub relevance: Option<PathBuf>,
    /// The index the query set is run against, brought up to date with the
    /// inputs and kept (default: a temporary one, removed afterwards).
    #[arg(long, value_name = "DIR", requires = "relevance")]
    pub relevance_index: Option<PathBuf>,
    /// Files or folders to read (only annotated files are).
    #[arg(required = true, value_name = "PATH")]
    pub paths: Vec<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = EvalFormat::Text)]
    pub format: EvalFormat,
    /// Also list missed gold, records no gold matched (in completely
    /// annotated kinds) and fields that differ, with file and page.
    #[arg(long)]
    pub misses: bool,
    /// Check the figures against a floors file; exit 1 if any fell below.
    #[arg(long, value_name = "FILE")]
    pub floors: Option<PathBuf>,
    /// Write today's figures as a floors file.
    #[arg(long, value_name = "FILE")]
    pub write_floors: Option<PathBuf>,
    #[command(flatten)]
    pub read: ReadArgs,
}

/// How `agendex extract` writes records.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ExtractFormat {
    /// One JSON object per line.
    Jsonl,
    /// One JSON array of objects.
    Json,
    /// Comma-separated values: the envelope as columns, the kind's own fields as one JSON column.
    Csv,
    /// A Parquet file (needs -o FILE): the CSV columns, typed, Snappy-compressed.
    Parquet,
}

impl ExtractFormat {
    /// The text format this is, if it is one.
    pub fn text(self) -> Option<Format> {
        match self {
            ExtractFormat::Jsonl => Some(Format::Jsonl),
            ExtractFormat::Json => Some(Format::Json),
            ExtractFormat::Csv => Some(Format::Csv),
            ExtractFormat::Parquet => None,
        }
    }
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
    #[arg(long, value_enum, default_value_t = ExtractFormat::Jsonl)]
    pub format: ExtractFormat,
    /// Write records to FILE (written whole, then renamed into place) instead of stdout.
    #[arg(short = 'o', long = "output", value_name = "FILE")]
    pub output: Option<PathBuf>,
    #[command(flatten)]
    pub read: ReadArgs,
}

/// A number of seconds above zero, at most a day.
fn positive_secs(s: &str) -> Result<f64, String> {
    match s.parse::<f64>() {
        Ok(x) if x > 0.0 && x <= 86_400.0 => Ok(x),
        _ => Err(format!(
            "{s:?} is not a number of seconds above 0 (at most 86400)"
        )),
    }
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

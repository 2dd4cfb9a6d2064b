//! `agendex index`: bring the search index up to date with the inputs and
//! print what changed.
//!
//! The command drives the run: it hashes every input (taking the hash
//! remembered for a file whose size and times are unchanged, see
//! `known_hashes`), asks the index which files it already holds
//! unchanged, runs the pipeline over the others and hands each file's records to the index writer, which commits as it goes.
//! A file that fails keeps the records it had. It also owns this process's
//! allocator settings for the run (`keep_large_blocks_out_of_arenas`,
//! `release_free_memory`): those are the process's to choose, not the
//! library's.

use super::{pipeline_options, EXIT_FATAL, EXIT_OK, EXIT_SOME_FAILED};
use crate::cli::IndexArgs;
use agendex::index::known_hashes::KnownHashes;
use agendex::index::writer::{Marker, Replaced, Totals, UpdateOptions, Updater};
use agendex::index::IndexError;
use agendex::pipeline::{self, FileOutcome, Warning};
use agendex::walk::{self, io_reason};
use anyhow::Result;
use std::collections::{BTreeMap, HashSet};
use std::io::IsTerminal;
use std::time::Instant;

/// What a run did, as its summary line says it.
#[derive(Debug, Default)]
pub(super) struct Summary {
    pub added: usize,
    pub updated: usize,
    pub unchanged: usize,
    pub removed: usize,
    pub failed: usize,
    /// Damaged PDFs read in part.
    pub recovered: usize,
    /// Files read and parsed in this run (with `--records`: files whose
    /// records were read and written).
    pub parsed: usize,
    /// Records written in this run.
    pub records_written: usize,
    /// Records left out of a public index.
    pub withheld: usize,
}

impl Summary {
    /// The closing line: `10 files: 0 added, … index holds 10 files, 370
    /// records; 0.01 s`.
    pub fn print(&self, files: usize, totals: &Totals, start: Instant, note: &str) {
        eprintln!(
            "{} files: {} added, {} updated, {} unchanged, {} removed, {} failed; \
             {} parsed, {} records written; index holds {} files, {} records; {:.2} s{note}",
            files,
            self.added,
            self.updated,
            self.unchanged,
            self.removed,
            self.failed,
            self.parsed,
            self.records_written,
            totals.files,
            totals.records,
            start.elapsed().as_secs_f64(),
        );
    }
}

/// Open the index for writing with the run's options; a busy index is
/// reported here and gives the exit status to end with.
pub(super) fn open_updater(args: &IndexArgs) -> Result<Result<Updater, i32>> {
    keep_large_blocks_out_of_arenas();
    let opts = UpdateOptions {
        rebuild: args.rebuild || args.public,
        commit_every: args.commit_every.max(1),
        merge_bytes: args.merge_mb.saturating_mul(1 << 20),
        ..UpdateOptions::default()
    };
    match Updater::open(&args.index, &opts) {
        Ok(u) => Ok(Ok(u)),
        Err(e @ IndexError::Busy) => {
            eprintln!("agendex: {e}");
            Ok(Err(EXIT_FATAL))
        }
        Err(e) => Err(e.into()),
    }
}

/// Bring the links up to date with every record the index stores (a new
/// paper links back to papers indexed before it, a removed one's go; only
/// new and changed files' records are read), and say how with `-v`.
pub(super) fn refresh_links(
    index: &std::path::Path,
    held: BTreeMap<String, Marker>,
    verbose: bool,
) -> Result<()> {
    let start = Instant::now();
    let done = agendex::links::store::refresh_known(index, Some(held))?;
    if verbose {
        let how = if done.computed {
            format!(
                "computed again after {} new or changed and {} removed files",
                done.files_read, done.files_dropped
            )
        } else {
            "unchanged".to_string()
        };
        eprintln!(
            "agendex: {} links among the indexed records, {how}; {:.2} s",
            done.links,
            start.elapsed().as_secs_f64()
        );
    }
    Ok(())
}

pub fn run(args: &IndexArgs) -> Result<i32> {
    if args.records {
        return super::index_records::run(args);
    }
    let (sources, walk_errors) = walk::walk(&args.paths);
    for e in &walk_errors {
        eprintln!("agendex: {}: {}", e.path, e.reason);
    }
    if !walk_errors.is_empty() && !sources.is_empty() {
        eprintln!(
            "agendex: some paths could not be read: indexed files missing from the inputs are kept"
        );
    }
    let start = Instant::now();
    let verbose = args.read.verbose;
    let mut stages = Stages::new(verbose);
    let mut updater = match open_updater(args)? {
        Ok(u) => u,
        Err(code) => return Ok(code),
    };
    let mut progress = Progress::new(verbose);
    let mut summary = Summary::default();

    // Unchanged files are only hashed (or only stat'ed); new and changed
    // ones are parsed.
    let mut inputs: HashSet<String> = HashSet::with_capacity(sources.len());
    let mut to_parse = Vec::new();
    let mut hashes = KnownHashes::open(&args.index);
    for (source, hash) in sources.iter().zip(hashes.hash(&sources)) {
        let path = source.display();
        match hash {
            Ok(sha) if updater.is_current(&path, &sha) => summary.unchanged += 1,
            Ok(_) => to_parse.push(source.clone()),
            Err(e) => {
                progress.failed(&path, &io_reason(&e));
                summary.failed += 1;
            }
        }
        inputs.insert(path);
    }
    // An input path that could not be walked may be a typo: then no
    // indexed file is dropped for being missing from the inputs.
    if walk_errors.is_empty() {
        summary.removed = updater.remove_all_but(&inputs);
    }

    stages.done("open the index, hash the inputs");
    let total = to_parse.len();
    let mut error: Option<IndexError> = None;
    pipeline::run(&to_parse, &pipeline_options(&args.read), |outcome| {
        summary.parsed += 1;
        if let Err(e) = write_file(
            &mut updater,
            &outcome,
            &mut summary,
            &mut progress,
            args.public,
        ) {
            error = Some(e);
            return false;
        }
        progress.parsed(summary.parsed, total);
        match updater.commit_if_due() {
            Ok(false) => {}
            Ok(true) => {
                release_free_memory();
                progress.committed(summary.parsed, total);
            }
            Err(e) => {
                error = Some(e);
                return false;
            }
        }
        true
    });
    if let Some(e) = error {
        return Err(e.into());
    }
    stages.done("read, parse and write the files");
    let (totals, held) = updater.finish_held()?;
    stages.done("last commit, merges");
    // Remembered only once the index holds the files hashed.
    if let Err(e) = hashes.save() {
        eprintln!(
            "agendex: {}: {}",
            args.index.join("input-hashes.json").display(),
            io_reason(&e)
        );
    }
    agendex::public::mark(&args.index, args.public)?;
    refresh_links(&args.index, held, verbose)?;
    stages.done("links");
    progress.committed(summary.parsed, total);

    summary.failed += walk_errors.len();
    let failed = summary.failed;
    let note = if progress.warnings > 0 && !verbose {
        format!(", {} warnings (-v to show)", progress.warnings)
    } else {
        String::new()
    };
    if args.public {
        eprintln!(
            "agendex: public index: {} exempt records withheld",
            summary.withheld
        );
    }
    summary.print(sources.len() + walk_errors.len(), &totals, start, &note);
    if verbose {
        let (this, worker) = peak_memory_mb();
        eprintln!(
            "agendex: peak memory: {this} MB this process, {worker} MB the largest PDF worker"
        );
    }
    // A damaged file read in part is an input not wholly read.
    Ok(if failed > 0 || summary.recovered > 0 {
        EXIT_SOME_FAILED
    } else {
        EXIT_OK
    })
}

/// One file's outcome into the index: its records replace those it had;
/// a file that could not be read is reported and keeps its records.
fn write_file(
    updater: &mut Updater,
    outcome: &FileOutcome,
    summary: &mut Summary,
    progress: &mut Progress,
    public: bool,
) -> Result<(), IndexError> {
    let path = outcome.source.display();
    match &outcome.result {
        Ok(all) => {
            let public_records;
            let records = if public {
                let (kept, withheld) = agendex::public::withhold(all);
                summary.withheld += withheld;
                public_records = kept;
                &public_records
            } else {
                all
            };
            if let Some(note) = outcome.recovery_note() {
                progress.failed(&path, &note);
                summary.recovered += 1;
            }
            for w in &outcome.warnings {
                progress.warning(&path, w);
            }
            match updater.replace_file(&path, &outcome.sha256, records)? {
                Replaced::Added => summary.added += 1,
                Replaced::Updated => summary.updated += 1,
            }
            summary.records_written += records.len();
        }
        Err(reason) => {
            progress.failed(&path, &reason.to_string());
            summary.failed += 1;
        }
    }
    Ok(())
}

/// What a run says on stderr as it goes: a progress line only for a person
/// watching (stderr a terminal), cleared before any other line; failures
/// always; warnings and commits under `-v`.
struct Progress {
    terminal: bool,
    verbose: bool,
    /// A progress line is on screen.
    shown: bool,
    warnings: usize,
}

impl Progress {
    fn new(verbose: bool) -> Progress {
        Progress {
            terminal: std::io::stderr().is_terminal(),
            verbose,
            shown: false,
            warnings: 0,
        }
    }

    fn clear(&mut self) {
        if self.shown {
            eprint!("\r\x1b[K");
        }
    }

    fn parsed(&mut self, done: usize, total: usize) {
        if self.terminal {
            eprint!("\ragendex: parsed {done} of {total} files");
            self.shown = done < total;
            if !self.shown {
                eprint!("\r\x1b[K");
            }
        }
    }

    fn failed(&mut self, path: &str, reason: &str) {
        self.clear();
        eprintln!("agendex: {path}: {reason}");
    }

    fn warning(&mut self, path: &str, w: &Warning) {
        self.warnings += 1;
        if self.verbose {
            self.clear();
            eprintln!("agendex: {path}: page {}: {}", w.page, w.message);
        }
    }

    fn committed(&mut self, done: usize, total: usize) {
        if self.verbose {
            self.clear();
            eprintln!("agendex: committed {done} of {total} files");
        }
    }
}

/// Under `-v`, what each stage of a run took: wall seconds, CPU seconds
/// (user and system) of this process, and of the PDF workers it waited
/// for. Where an index run's time goes, without a profiler.
struct Stages {
    verbose: bool,
    wall: Instant,
    cpu: (f64, f64),
}

impl Stages {
    fn new(verbose: bool) -> Stages {
        Stages {
            verbose,
            wall: Instant::now(),
            cpu: cpu_seconds(),
        }
    }

    /// Say what the stage just ended took, and start the next.
    fn done(&mut self, stage: &str) {
        if !self.verbose {
            return;
        }
        let cpu = cpu_seconds();
        eprintln!(
            "agendex: {stage}: {:.2} s, CPU {:.2} s this process, {:.2} s PDF workers",
            self.wall.elapsed().as_secs_f64(),
            cpu.0 - self.cpu.0,
            cpu.1 - self.cpu.1
        );
        self.wall = Instant::now();
        self.cpu = cpu;
    }
}

/// CPU seconds (user and system) of this process, all its threads, and of
/// the child processes it has waited for (the PDF workers); zeros where
/// they cannot be read.
fn cpu_seconds() -> (f64, f64) {
    let of = |who| {
        let Some(usage) = rusage(who) else {
            return 0.0;
        };
        let secs = |t: libc::timeval| t.tv_sec as f64 + t.tv_usec as f64 / 1e6;
        secs(usage.ru_utime) + secs(usage.ru_stime)
    };
    (of(libc::RUSAGE_SELF), of(libc::RUSAGE_CHILDREN))
}

/// The resource usage of this process (`RUSAGE_SELF`) or of the children
/// it has waited for (`RUSAGE_CHILDREN`); none where it cannot be read.
fn rusage(who: libc::c_int) -> Option<libc::rusage> {
    // SAFETY: getrusage writes only into the struct it is given.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    (unsafe { libc::getrusage(who, &mut usage) } == 0).then_some(usage)
}

/// Peak resident memory (MB) of this process and of the largest PDF worker
/// it ended: how `scripts/bench-pipeline.sh --flat` tells the two apart,
/// which a timer around the whole command cannot.
pub(super) fn peak_memory_mb() -> (u64, u64) {
    // Linux reports kilobytes.
    let this = rusage(libc::RUSAGE_SELF).map_or(0, |usage| {
        u64::try_from(usage.ru_maxrss).unwrap_or(0) / 1024
    });
    (this, agendex::pdf::worker::largest_worker_mb())
}

// Memory of an index run. What is live stays bounded (the writer's arena,
// its document channel, the pipeline's window of a few files), but with
// glibc's malloc that was not enough to keep the process flat. tantivy
// starts a new indexing thread at every commit; each lands on whichever
// malloc arena is free (up to eight per core, shared with the PDF workers'
// short-lived I/O threads), fills it with ~17 MB of postings pages and
// tables, and leaves it behind, free but resident. glibc also raises its
// mmap threshold after the first large free, so those large blocks come
// from the arenas rather than from mmap. The longer the run, the more
// arenas had hosted an indexing thread: resident memory grew with the
// number of files while live memory did not. So a run pins the mmap
// threshold (large blocks go back to the system when freed) and hands free
// arena memory back after every commit.

/// Serve every allocation of at least glibc's default mmap threshold
/// (128 KiB) from its own mapping, returned to the system when freed.
/// Setting it also stops glibc from raising the threshold (up to 32 MiB)
/// each time such a block is freed, after which tantivy's 1 MiB arena
/// pages and multi-megabyte tables would stay in whichever malloc arena
/// the commit's indexing thread happened to use.
fn keep_large_blocks_out_of_arenas() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: mallopt only changes allocator parameters; it takes the
    // arenas' locks itself and may be called at any time.
    unsafe {
        libc::mallopt(libc::M_MMAP_THRESHOLD, 128 << 10);
    }
}

/// Hand the free memory of every malloc arena back to the system (what a
/// commit's indexing thread and its buffers left behind), so resident
/// memory stays near what is live from one commit to the next.
pub(super) fn release_free_memory() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: malloc_trim only returns free pages; it locks each arena.
    unsafe {
        libc::malloc_trim(0);
    }
}

//! One file per subcommand. Each returns the process exit status.

pub mod completions;
pub mod eval;
pub mod eval_relevance;
pub mod export;
pub mod export_engines;
pub mod extract;
pub mod index;
pub mod index_records;
pub mod links;
pub mod man;
pub mod pages;
pub mod schema;
pub mod search;
pub mod serve;
pub mod thread;

use agendex::pdf::worker::Limits;
use agendex::pipeline::{Options, PdfMode};
use std::path::{Path, PathBuf};
use std::time::Duration;

use crate::cli::ReadArgs;

/// Exit status: all inputs read.
pub const EXIT_OK: i32 = 0;
/// Exit status: finished, but some inputs failed.
pub const EXIT_SOME_FAILED: i32 = 1;
/// Exit status: usage or fatal error.
pub const EXIT_FATAL: i32 = 2;

/// Pipeline options from the shared command-line flags.
pub fn pipeline_options(read: &ReadArgs) -> Options {
    let limits = Limits {
        timeout: Duration::from_secs_f64(read.timeout.clamp(0.01, 86_400.0)),
        memory: read.max_memory.saturating_mul(1 << 20),
        ocr: read.ocr,
    };
    let jobs = read.jobs.unwrap_or_else(|| {
        std::thread::available_parallelism()
            .map(|n| n.get())
            .unwrap_or(1)
    });
    // Workers run this executable; where it cannot be found, PDFs are
    // read in this process, without the worker's protection.
    let pdf = match std::env::current_exe() {
        Ok(exe) => PdfMode::Worker(exe),
        Err(_) => PdfMode::InProcess,
    };
    Options { limits, pdf, jobs }
}

/// Where records go: stdout, or a temporary file beside `-o FILE` that is
/// renamed into place only when everything was written (a device or pipe
/// named by `-o` is written directly).
pub struct RecordSink {
    pub out: Box<dyn std::io::Write + Send>,
    tmp: Option<PathBuf>,
    dest: Option<PathBuf>,
}

impl RecordSink {
    pub fn open(dest: Option<&Path>) -> anyhow::Result<RecordSink> {
        use anyhow::Context;
        let Some(dest) = dest else {
            return Ok(RecordSink {
                out: Box::new(std::io::BufWriter::new(std::io::stdout())),
                tmp: None,
                dest: None,
            });
        };
        // A link is followed: the file it names is replaced, not the link.
        let dest = std::fs::canonicalize(dest).unwrap_or_else(|_| dest.to_path_buf());
        if std::fs::metadata(&dest).is_ok_and(|m| !m.is_file()) {
            // A device or a pipe (`-o /dev/null`, `-o /dev/stdout`, a FIFO)
            // is written to as it is: renaming a file over it would replace
            // the device itself.
            let f = std::fs::OpenOptions::new()
                .write(true)
                .open(&dest)
                .with_context(|| format!("cannot write {}", dest.display()))?;
            return Ok(RecordSink {
                out: Box::new(std::io::BufWriter::new(f)),
                tmp: None,
                dest: None,
            });
        }
        let tmp = temp_name(&dest);
        let f = std::fs::File::create(&tmp)
            .with_context(|| format!("cannot create {}", tmp.display()))?;
        Ok(RecordSink {
            out: Box::new(std::io::BufWriter::new(f)),
            tmp: Some(tmp),
            dest: Some(dest),
        })
    }

    /// Give up: the temporary file goes, nothing is renamed into place.
    pub fn discard(self) {
        drop(self.out);
        if let Some(tmp) = &self.tmp {
            let _ = std::fs::remove_file(tmp);
        }
    }

    /// Settle the output after writing ended with `written`: on success the
    /// file is renamed into place; on failure the temporary file goes, and a
    /// closed pipe is no error (`Some(EXIT_OK)`: stop quietly).
    pub fn close(self, written: std::io::Result<()>) -> anyhow::Result<Option<i32>> {
        use anyhow::Context;
        drop(self.out);
        if let Err(e) = written {
            if let Some(tmp) = &self.tmp {
                let _ = std::fs::remove_file(tmp);
            }
            if is_broken_pipe(&e) {
                return Ok(Some(EXIT_OK));
            }
            anyhow::bail!("cannot write records: {e}");
        }
        if let (Some(tmp), Some(dest)) = (&self.tmp, &self.dest) {
            std::fs::rename(tmp, dest)
                .with_context(|| format!("cannot write {}", dest.display()))?;
        }
        Ok(None)
    }
}

/// A temporary name beside `path`, unique to this process.
pub fn temp_name(path: &Path) -> PathBuf {
    let mut name = path
        .file_name()
        .map(|n| n.to_os_string())
        .unwrap_or_default();
    name.push(format!(".tmp{}", std::process::id()));
    path.with_file_name(name)
}

/// Is this error a closed pipe (`agendex extract … | head`)?
pub fn is_broken_pipe(e: &std::io::Error) -> bool {
    e.kind() == std::io::ErrorKind::BrokenPipe
}

/// Write `bytes` to stdout; a closed pipe (`agendex man | head`) is no error.
pub fn print_stdout(bytes: &[u8]) -> anyhow::Result<()> {
    use std::io::Write;
    let mut out = std::io::stdout().lock();
    match out.write_all(bytes).and_then(|()| out.flush()) {
        Err(e) if !is_broken_pipe(&e) => Err(anyhow::anyhow!("cannot write to stdout: {e}")),
        _ => Ok(()),
    }
}

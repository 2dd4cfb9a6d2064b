//! Reading a PDF in a child process with a deadline and a memory cap.
//!
//! Some PDFs make pdf-extract loop forever (a page tree with a cycle),
//! overflow the stack (a form XObject that draws itself) or allocate without
//! bound (a decompression bomb). None of these can be caught in-process, so
//! the binary re-invokes itself as a worker (`agendex __pdf-worker`): the
//! file's bytes go in on stdin, the laid-out pages come back as JSON on
//! stdout, and the parent classifies how the child ended.

use crate::error::ReadError;
use crate::pdf::RawDocument;
use grammars::Page;
use serde::{Deserialize, Serialize};
use std::io::{Read, Write};
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// The hidden subcommand the binary answers as a worker.
pub const WORKER_ARG: &str = "__pdf-worker";

/// Limits on one PDF's extraction.
#[derive(Debug, Clone)]
pub struct Limits {
    pub timeout: Duration,
    /// Address-space cap for the worker, in bytes (0: none).
    pub memory: u64,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            timeout: Duration::from_secs(60),
            memory: 4 << 30,
        }
    }
}

/// What a worker sends back: laid-out pages and per-page problems.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct PdfPages {
    pub pages: Vec<Page>,
    pub page_errors: Vec<(u32, String)>,
    /// Pages that draw no text at all (images, scans, blank pages); pages
    /// emptied by furniture removal ("intentionally left blank") are not here.
    pub textless_pages: Vec<u32>,
}

/// Lay out a raw document: lines per page, then furniture across pages.
pub fn lay_out(raw: RawDocument) -> Result<PdfPages, ReadError> {
    let textless_pages = raw
        .pages
        .iter()
        .filter(|p| p.glyphs.iter().all(|g| g.text.trim().is_empty()))
        .map(|p| p.number)
        .collect();
    let mut pages: Vec<Page> = raw.pages.iter().map(crate::layout::page_lines).collect();
    crate::furniture::strip(&mut pages);
    crate::layout::split_headers(&raw.pages, &mut pages);
    if pages.iter().all(|p| p.lines.iter().all(|l| l.is_blank())) {
        return Err(ReadError::NoTextLayer(pages.len() as u32));
    }
    Ok(PdfPages {
        pages,
        page_errors: raw.page_errors,
        textless_pages,
    })
}

/// Read and lay out a PDF in this process (panics caught, nothing else).
pub fn read_in_process(bytes: &[u8]) -> Result<PdfPages, ReadError> {
    lay_out(crate::pdf::read_in_process(bytes)?)
}

/// The worker's side: bytes on stdin, `Result<PdfPages, ReadError>` as JSON
/// on stdout. Always exits 0 when it got as far as writing an answer.
pub fn serve_stdin() -> i32 {
    // The parent passes the memory cap as an argument and the worker applies
    // it to itself: a cap set between fork and exec would force the parent
    // to fork (copying its page tables, large while an index is being
    // written) instead of spawning the worker directly.
    if let Some(bytes) = std::env::args().nth(2).and_then(|a| a.parse::<u64>().ok()) {
        cap_own_memory(bytes);
    }
    let mut bytes = Vec::new();
    if let Err(e) = std::io::stdin().read_to_end(&mut bytes) {
        eprintln!("cannot read stdin: {e}");
        return 3;
    }
    let result = std::panic::catch_unwind(|| read_in_process(&bytes))
        .unwrap_or_else(|p| Err(ReadError::Panicked(crate::pdf::panic_message(&p))));
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    if serde_json::to_writer(&mut out, &result).is_err() || out.flush().is_err() {
        return 3;
    }
    0
}

/// The parent's side: run `exe __pdf-worker` on `bytes` within `limits`.
pub fn read_in_worker(exe: &Path, bytes: &[u8], limits: &Limits) -> Result<PdfPages, ReadError> {
    let mut cmd = Command::new(exe);
    cmd.arg(WORKER_ARG)
        .arg(limits.memory.to_string())
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    let mut child = cmd
        .spawn()
        .map_err(|e| ReadError::Io(format!("cannot start the PDF worker: {e}")))?;
    let mut stdin = child.stdin.take();
    let mut stdout = child.stdout.take();
    let mut stderr = child.stderr.take();
    let input = bytes.to_vec();
    let writer = std::thread::spawn(move || {
        if let Some(mut s) = stdin.take() {
            // A worker that dies early closes the pipe: that is reported by
            // its exit status, not here.
            let _ = s.write_all(&input);
        }
    });
    // The answer arrives when the worker closes its stdout, which it does
    // by exiting: waiting on this channel wakes the parent the moment the
    // worker is done, where polling its status would sleep past it.
    let (answer_tx, answer_rx) = std::sync::mpsc::channel::<Vec<u8>>();
    let reader = std::thread::spawn(move || {
        let mut buf = Vec::new();
        if let Some(s) = stdout.as_mut() {
            let _ = s.read_to_end(&mut buf);
        }
        let _ = answer_tx.send(buf);
    });
    let err_reader = std::thread::spawn(move || {
        let mut buf = Vec::new();
        if let Some(s) = stderr.as_mut() {
            let _ = s.take(64 * 1024).read_to_end(&mut buf);
        }
        String::from_utf8_lossy(&buf).into_owned()
    });
    let start = Instant::now();
    let out = answer_rx
        .recv_timeout(limits.timeout)
        .ok()
        .unwrap_or_default();
    // stdout is closed: the worker has exited or is about to. A worker that
    // closed stdout and lives on is still held to the deadline.
    let mut nap = Duration::from_millis(1);
    let status = loop {
        match child.try_wait() {
            Ok(Some(status)) => break status,
            Ok(None) if start.elapsed() >= limits.timeout => {
                let _ = child.kill();
                let _ = child.wait();
                let _ = writer.join();
                let _ = reader.join();
                let _ = err_reader.join();
                return Err(ReadError::TimedOut(format!(
                    "{}",
                    limits.timeout.as_secs_f64()
                )));
            }
            Ok(None) => {
                std::thread::sleep(nap.min(limits.timeout.saturating_sub(start.elapsed())));
                nap = (nap * 2).min(Duration::from_millis(20));
            }
            Err(e) => return Err(ReadError::Io(format!("lost the PDF worker: {e}"))),
        }
    };
    let _ = writer.join();
    let _ = reader.join();
    let err = err_reader.join().unwrap_or_default();
    if status.success() {
        return serde_json::from_slice::<Result<PdfPages, ReadError>>(&out)
            .unwrap_or_else(|e| Err(ReadError::Aborted(format!("unreadable worker answer: {e}"))));
    }
    Err(ReadError::Aborted(describe_exit(status, &err)))
}

fn describe_exit(status: std::process::ExitStatus, stderr: &str) -> String {
    let cause = if stderr.contains("overflowed its stack") {
        "stack overflow"
    } else if stderr.contains("memory allocation") || stderr.contains("out of memory") {
        "out of memory"
    } else {
        ""
    };
    #[cfg(unix)]
    {
        use std::os::unix::process::ExitStatusExt;
        if let Some(sig) = status.signal() {
            let name = match sig {
                libc::SIGSEGV => "SIGSEGV",
                libc::SIGABRT => "SIGABRT",
                libc::SIGKILL => "SIGKILL",
                libc::SIGBUS => "SIGBUS",
                _ => "signal",
            };
            return if cause.is_empty() {
                format!("{name} ({sig})")
            } else {
                format!("{cause}, {name}")
            };
        }
    }
    if cause.is_empty() {
        format!("exit status {}", status.code().unwrap_or(-1))
    } else {
        cause.to_string()
    }
}

/// Cap this process's address space (0: no cap).
#[cfg(unix)]
fn cap_own_memory(bytes: u64) {
    if bytes == 0 {
        return;
    }
    let lim = libc::rlimit {
        rlim_cur: bytes as libc::rlim_t,
        rlim_max: bytes as libc::rlim_t,
    };
    // SAFETY: setrlimit reads the struct we pass and changes only this process.
    unsafe {
        libc::setrlimit(libc::RLIMIT_AS, &lim);
    }
}

#[cfg(not(unix))]
fn cap_own_memory(_bytes: u64) {}

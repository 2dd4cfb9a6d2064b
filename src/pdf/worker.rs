//! Reading a PDF in a child process with a deadline and a memory cap.
//!
//! Some PDFs make pdf-extract loop forever (a page tree with a cycle),
//! overflow the stack (a form XObject that draws itself) or allocate without
//! bound (a decompression bomb). None of these can be caught in-process, so
//! the binary re-invokes itself as a worker (`agendex __pdf-worker`) and the
//! parent classifies how the child ended.
//!
//! Each thread of the parent keeps one worker and sends it one file at a
//! time: a request is the file's length (8 bytes, little-endian) and bytes
//! on the worker's stdin, the answer the same framing around JSON on its
//! stdout. Starting a process per file cost about as much as reading a
//! short PDF. A file is still read alone: if the worker dies on it, only
//! that file fails, and a worker that had served other files first is
//! replaced and the file tried once more in a fresh one, so a failure is
//! never blamed on what an earlier file left behind. A worker that runs
//! past the deadline is killed. Workers are replaced after
//! `FILES_PER_WORKER` files, so memory the allocator holds on to does not
//! accumulate, and exit when the parent closes their stdin.

use crate::error::ReadError;
use crate::pdf::device::RawPage;
use crate::pdf::ocr::{self, OcrMode};
use crate::pdf::RawDocument;
use grammars::Page;
use serde::{Deserialize, Serialize};
use std::cell::RefCell;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Child, ChildStdin, Command, Stdio};
use std::sync::mpsc::{Receiver, RecvTimeoutError};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// The hidden subcommand the binary answers as a worker.
pub const WORKER_ARG: &str = "__pdf-worker";

/// Limits on one PDF's extraction.
#[derive(Debug, Clone)]
pub struct Limits {
    pub timeout: Duration,
    /// Address-space cap for the worker, in bytes (0: none).
    pub memory: u64,
    /// Which pages are read with OCR; each page OCR'd adds
    /// [`ocr::PAGE_BUDGET`] to the deadline.
    pub ocr: OcrMode,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            timeout: Duration::from_secs(60),
            memory: 4 << 30,
            ocr: OcrMode::Auto,
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
    /// Set when the file was damaged and read from a rebuilt object table.
    pub recovery: Option<crate::pdf::repair::Recovery>,
    /// Pages read with OCR, in page order.
    #[serde(default)]
    pub ocr_pages: Vec<OcrRead>,
}

/// A page read with OCR.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct OcrRead {
    pub page: u32,
    /// Mean word confidence, 0-100.
    pub confidence: f32,
}

/// A page OCR failed on, and why (Tesseract's or pdftoppm's words).
#[derive(Debug, Clone, PartialEq)]
pub struct OcrFailure {
    pub page: u32,
    pub why: String,
}

/// What [`recognise`] did: the pages it read and those it failed on.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Recognised {
    pub read: Vec<OcrRead>,
    pub failed: Vec<OcrFailure>,
}

/// OCR the pages of `raw` that `mode` wants read so, in place: their glyphs
/// become the words OCR read. `announce` is told how many pages first (the
/// worker tells its parent, which extends the deadline). A page OCR fails
/// on is noted as a page error and keeps what it had. `Err` when pages
/// needed OCR and none could be done because Tesseract is missing, and the
/// file has no text without it.
pub fn recognise(
    bytes: &[u8],
    raw: &mut RawDocument,
    mode: OcrMode,
    announce: &mut dyn FnMut(usize),
) -> Result<Recognised, ReadError> {
    let wanted: Vec<u32> = raw
        .pages
        .iter()
        .filter(|p| ocr::wants_ocr(mode, p))
        .map(|p| p.number)
        .collect();
    if wanted.is_empty() {
        return Ok(Recognised::default());
    }
    if ocr::languages().is_none() {
        let textless = |p: &RawPage| p.glyphs.iter().all(|g| g.text.trim().is_empty());
        if raw.pages.iter().all(textless) {
            return Err(ReadError::NoOcr(raw.pages.len() as u32));
        }
        return Ok(Recognised::default());
    }
    announce(wanted.len());
    let mut done = Recognised::default();
    for (n, result) in ocr::read_pages(bytes, &wanted) {
        let Some(page) = raw.pages.iter_mut().find(|p| p.number == n) else {
            continue;
        };
        match result {
            Ok(ocr) => {
                page.glyphs = ocr.glyphs;
                done.read.push(OcrRead {
                    page: n,
                    confidence: (ocr.confidence * 10.0).round() / 10.0,
                });
            }
            Err(why) => {
                raw.page_errors.push((n, format!("OCR failed: {why}")));
                done.failed.push(OcrFailure { page: n, why });
            }
        }
    }
    raw.page_errors.sort_by_key(|(n, _)| *n);
    Ok(done)
}

/// Lay out a raw document: lines per page, then furniture across pages.
pub fn lay_out(raw: RawDocument) -> Result<PdfPages, ReadError> {
    let textless_pages = raw
        .pages
        .iter()
        .filter(|p| p.glyphs.iter().all(|g| g.text.trim().is_empty()))
        .map(|p| p.number)
        .collect();
    let pages = crate::layout::pages(&raw.pages);
    if pages.iter().all(|p| p.lines.iter().all(|l| l.is_blank())) {
        return Err(ReadError::NoTextLayer(pages.len() as u32));
    }
    Ok(PdfPages {
        pages,
        page_errors: raw.page_errors,
        textless_pages,
        recovery: raw.recovery,
        ocr_pages: Vec::new(),
    })
}

/// Read and lay out a PDF in this process (panics caught, nothing else),
/// OCR'ing the pages `ocr` wants.
pub fn read_in_process(bytes: &[u8], ocr: OcrMode) -> Result<PdfPages, ReadError> {
    read_announcing(bytes, ocr, &mut |_| {})
}

fn read_announcing(
    bytes: &[u8],
    ocr: OcrMode,
    announce: &mut dyn FnMut(usize),
) -> Result<PdfPages, ReadError> {
    let mut raw = crate::pdf::read_in_process(bytes)?;
    let done = recognise(bytes, &mut raw, ocr, announce)?;
    // A file left with no text because OCR failed says why OCR failed.
    let mut pages = lay_out(raw).map_err(|e| match (e, done.failed.first()) {
        (ReadError::NoTextLayer(pages), Some(first)) => ReadError::OcrFailed {
            pages,
            page: first.page,
            why: first.why.clone(),
        },
        (e, _) => e,
    })?;
    pages.ocr_pages = done.read;
    Ok(pages)
}

/// How a worker's frame that announces OCR begins; the page count follows
/// as decimal digits. (An answer is JSON, which never begins so.)
const OCR_ANNOUNCE: u8 = b'#';

/// Files one worker reads before it is replaced.
const FILES_PER_WORKER: usize = 64;
/// How much of a worker's stderr is kept to explain how it died.
const STDERR_KEPT: usize = 64 * 1024;

/// The worker's side: requests on stdin, one `Result<PdfPages, ReadError>`
/// as JSON on stdout for each, until stdin ends. Exit status 0 after a
/// clean end of input, 3 if the pipes fail. The worker process runs it
/// after capping its own memory ([`cap_own_memory`]).
pub fn serve_stdin(ocr: OcrMode) -> i32 {
    let stdin = std::io::stdin();
    let mut input = stdin.lock();
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    loop {
        let bytes = match read_frame(&mut input) {
            Ok(Some(bytes)) => bytes,
            Ok(None) => return 0,
            Err(e) => {
                eprintln!("cannot read a request: {e}");
                return 3;
            }
        };
        let mut announce = |pages: usize| {
            let mut frame = vec![OCR_ANNOUNCE];
            frame.extend_from_slice(pages.to_string().as_bytes());
            let _ = write_frame(&mut out, &frame).and_then(|_| out.flush());
        };
        let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            read_announcing(&bytes, ocr, &mut announce)
        }))
        .unwrap_or_else(|p| Err(ReadError::Panicked(crate::pdf::panic_message(&p))));
        let answer = match serde_json::to_vec(&result) {
            Ok(answer) => answer,
            Err(_) => return 3,
        };
        if write_frame(&mut out, &answer).is_err() || out.flush().is_err() {
            return 3;
        }
    }
}

/// One length-prefixed frame; `None` at a clean end of input.
fn read_frame(input: &mut impl Read) -> std::io::Result<Option<Vec<u8>>> {
    let mut len = [0u8; 8];
    match input.read_exact(&mut len) {
        Ok(()) => {}
        Err(e) if e.kind() == std::io::ErrorKind::UnexpectedEof => return Ok(None),
        Err(e) => return Err(e),
    }
    let len = u64::from_le_bytes(len);
    let mut bytes = Vec::new();
    input.take(len).read_to_end(&mut bytes)?;
    if bytes.len() as u64 != len {
        return Err(std::io::ErrorKind::UnexpectedEof.into());
    }
    Ok(Some(bytes))
}

fn write_frame(out: &mut impl Write, bytes: &[u8]) -> std::io::Result<()> {
    out.write_all(&(bytes.len() as u64).to_le_bytes())?;
    out.write_all(bytes)
}

/// A running worker, owned by one thread of the parent.
struct Worker {
    exe: PathBuf,
    memory: u64,
    ocr: OcrMode,
    child: Child,
    stdin: Option<ChildStdin>,
    /// Answers, as the worker writes them; disconnected when it exits.
    answers: Receiver<Vec<u8>>,
    /// The tail of what the worker wrote to stderr for the current file.
    stderr: Arc<Mutex<Vec<u8>>>,
    /// Ends when the worker's stderr closes, i.e. once it has exited.
    stderr_reader: Option<std::thread::JoinHandle<()>>,
    served: usize,
}

/// How one request ended.
enum Outcome {
    Answer(Vec<u8>),
    /// Past the deadline (the file's, with any OCR budget added).
    TimedOut(Duration),
    /// The worker died; its exit, described.
    Died(String),
}

impl Worker {
    fn spawn(exe: &Path, limits: &Limits) -> Result<Worker, ReadError> {
        let mut child = Command::new(exe)
            .arg(WORKER_ARG)
            .arg(limits.memory.to_string())
            .arg(limits.ocr.as_arg())
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .map_err(|e| ReadError::Io(format!("cannot start the PDF worker: {e}")))?;
        let stdout = child.stdout.take();
        let stderr_pipe = child.stderr.take();
        let (tx, answers) = std::sync::mpsc::channel();
        // The reader ends when the worker closes stdout (it exited) or the
        // parent stops listening; either way nothing waits on it.
        std::thread::spawn(move || {
            let Some(mut stdout) = stdout else { return };
            while let Ok(Some(frame)) = read_frame(&mut stdout) {
                if tx.send(frame).is_err() {
                    return;
                }
            }
        });
        let stderr = Arc::new(Mutex::new(Vec::new()));
        let sink = Arc::clone(&stderr);
        let stderr_reader = std::thread::spawn(move || {
            let Some(mut pipe) = stderr_pipe else { return };
            let mut buf = [0u8; 4096];
            while let Ok(n) = pipe.read(&mut buf) {
                if n == 0 {
                    return;
                }
                if let Ok(mut kept) = sink.lock() {
                    kept.extend_from_slice(&buf[..n]);
                    let excess = kept.len().saturating_sub(STDERR_KEPT);
                    kept.drain(..excess);
                }
            }
        });
        Ok(Worker {
            exe: exe.to_path_buf(),
            memory: limits.memory,
            ocr: limits.ocr,
            stdin: child.stdin.take(),
            child,
            answers,
            stderr,
            stderr_reader: Some(stderr_reader),
            served: 0,
        })
    }

    fn request(&mut self, bytes: &[u8], timeout: Duration) -> Outcome {
        let start = Instant::now();
        if let Ok(mut kept) = self.stderr.lock() {
            kept.clear();
        }
        // The worker reads a whole request before it does anything else, so
        // this only waits for it to take the bytes; a dead worker fails it.
        let sent = match self.stdin.as_mut() {
            Some(stdin) => write_frame(stdin, bytes).and_then(|_| stdin.flush()),
            None => Err(std::io::ErrorKind::BrokenPipe.into()),
        };
        // A worker about to OCR pages says how many: each gets its own
        // budget on top of the file's deadline.
        let mut deadline = timeout;
        let answer = loop {
            if sent.is_err() {
                break Err(RecvTimeoutError::Disconnected);
            }
            match self
                .answers
                .recv_timeout(deadline.saturating_sub(start.elapsed()))
            {
                Ok(frame) if frame.first() == Some(&OCR_ANNOUNCE) => {
                    let pages: u32 = std::str::from_utf8(&frame[1..])
                        .ok()
                        .and_then(|n| n.parse().ok())
                        .unwrap_or(0);
                    deadline = deadline.saturating_add(ocr::PAGE_BUDGET.saturating_mul(pages));
                }
                other => break other,
            }
        };
        let timeout = deadline;
        match answer {
            Ok(answer) => Outcome::Answer(answer),
            Err(RecvTimeoutError::Timeout) => {
                self.kill();
                Outcome::TimedOut(timeout)
            }
            Err(RecvTimeoutError::Disconnected) => Outcome::Died(self.exit(start, timeout)),
        }
    }

    /// Wait (within the deadline) for a worker that closed its stdout, and
    /// describe how it ended.
    fn exit(&mut self, start: Instant, timeout: Duration) -> String {
        self.stdin = None;
        let mut nap = Duration::from_millis(1);
        let status = loop {
            match self.child.try_wait() {
                Ok(Some(status)) => break Some(status),
                Ok(None) if start.elapsed() >= timeout => {
                    self.kill();
                    break None;
                }
                Ok(None) => {
                    std::thread::sleep(nap.min(timeout.saturating_sub(start.elapsed())));
                    nap = (nap * 2).min(Duration::from_millis(20));
                }
                Err(_) => break None,
            }
        };
        // The worker is gone, so its stderr is closed: once the reader has
        // taken the last words, they are all here.
        if let Some(reader) = self.stderr_reader.take() {
            let _ = reader.join();
        }
        let err = self
            .stderr
            .lock()
            .map(|kept| String::from_utf8_lossy(&kept).into_owned())
            .unwrap_or_default();
        match status {
            Some(status) => describe_exit(status, &err),
            None => "the worker closed its output and did not exit".to_string(),
        }
    }

    fn kill(&mut self) {
        self.stdin = None;
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// The largest peak resident memory (KiB) of any worker this process has
/// ended, read from /proc before it went. (`RUSAGE_CHILDREN` cannot tell:
/// a child started by vfork-and-exec inherits the parent's peak.)
static LARGEST_WORKER_KB: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);

/// The largest peak memory of a PDF worker so far, in MiB (0 where /proc
/// cannot say).
pub fn largest_worker_mb() -> u64 {
    LARGEST_WORKER_KB.load(std::sync::atomic::Ordering::Relaxed) / 1024
}

/// A live process's peak resident memory (VmHWM), in KiB.
fn peak_kb(pid: u32) -> Option<u64> {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

impl Drop for Worker {
    fn drop(&mut self) {
        if let Some(kb) = peak_kb(self.child.id()) {
            LARGEST_WORKER_KB.fetch_max(kb, std::sync::atomic::Ordering::Relaxed);
        }
        // Closing stdin ends an idle worker's loop at once. Reaping it leaves
        // no zombie and counts its peak memory in the parent's
        // RUSAGE_CHILDREN (what `index -v` reports).
        self.stdin = None;
        let deadline = Instant::now() + Duration::from_secs(2);
        loop {
            match self.child.try_wait() {
                Ok(None) if Instant::now() < deadline => {
                    std::thread::sleep(Duration::from_millis(1))
                }
                Ok(None) => {
                    let _ = self.child.kill();
                    let _ = self.child.wait();
                    return;
                }
                _ => return,
            }
        }
    }
}

/// End this thread's worker, if it has one (when a thread's share of a run
/// is done).
pub fn release() {
    let worker = WORKER.with(|slot| slot.borrow_mut().take());
    drop(worker);
}

thread_local! {
    static WORKER: RefCell<Option<Worker>> = const { RefCell::new(None) };
}

/// The parent's side: read `bytes` in this thread's worker within `limits`.
pub fn read_in_worker(exe: &Path, bytes: &[u8], limits: &Limits) -> Result<PdfPages, ReadError> {
    WORKER.with(|slot| {
        let mut slot = slot.borrow_mut();
        for attempt in 0..2 {
            let reusable = slot.as_ref().is_some_and(|w| {
                w.exe == exe
                    && w.memory == limits.memory
                    && w.ocr == limits.ocr
                    && w.served < FILES_PER_WORKER
            });
            if !reusable {
                *slot = Some(Worker::spawn(exe, limits)?);
            }
            let Some(worker) = slot.as_mut() else {
                return Err(ReadError::Io("the PDF worker did not start".into()));
            };
            let fresh = worker.served == 0;
            match worker.request(bytes, limits.timeout) {
                Outcome::Answer(answer) => {
                    worker.served += 1;
                    return serde_json::from_slice::<Result<PdfPages, ReadError>>(&answer)
                        .unwrap_or_else(|e| {
                            *slot = None;
                            Err(ReadError::Aborted(format!("unreadable worker answer: {e}")))
                        });
                }
                Outcome::TimedOut(deadline) => {
                    *slot = None;
                    return Err(ReadError::TimedOut(format!("{}", deadline.as_secs_f64())));
                }
                Outcome::Died(how) => {
                    *slot = None;
                    // A worker that had read other files may have died of
                    // what they left (memory held by the allocator, say):
                    // the file gets one more try in a fresh worker.
                    if fresh || attempt == 1 {
                        return Err(ReadError::Aborted(how));
                    }
                }
            }
        }
        Err(ReadError::Io("the PDF worker did not answer".into()))
    })
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

/// Cap this process's address space (0: no cap): what a worker process
/// does first, with the cap its parent passed after [`WORKER_ARG`]. The
/// worker caps itself because a cap set between fork and exec would force
/// the parent to fork (copying its page tables, large while an index is
/// being written) instead of spawning the worker directly.
#[cfg(unix)]
pub fn cap_own_memory(bytes: u64) {
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
pub fn cap_own_memory(_bytes: u64) {}

//! The HTTP/1.1 front of `serve`, over `std::net`: accepting connections,
//! reading request heads under a deadline and size limits, and writing
//! replies. What a request is answered with is [`super::handle`]'s.
//!
//! Each accepted connection, up to [`Limits::max_connections`] open at
//! once, gets a small reader thread that reads the request head within
//! [`Limits::request_timeout`] (a client that sends nothing, or a header a
//! second, is answered 408 at the deadline and closed); a complete head
//! goes to the pool of workers that answer requests, so slow clients hold
//! only a connection slot, never a worker. Beyond the cap a connection is
//! answered 503 with `Retry-After` by one refusing thread (dropped when
//! even that one is behind). A request line over [`MAX_REQUEST_LINE`] bytes
//! is refused 414, a header block over [`MAX_HEADER_BYTES`] bytes or
//! [`MAX_HEADERS`] lines 431, a GET or HEAD with a body 413. One request
//! per connection: every reply says `Connection: close`.
//!
//! Every reply carries `X-Content-Type-Options: nosniff` and
//! `Referrer-Policy: no-referrer`; pages and refusals carry their
//! Content-Security-Policy.

use super::{handle, html, Body, Reply};
use std::io::{BufWriter, Read, Write};
use std::net::{Shutdown, SocketAddr, TcpListener, TcpStream};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc::{self, Receiver};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// The longest request line read (method, target, version): twice what
/// the pages accept as an address, so an over-long address still gets the
/// pages' own explanation before this refusal.
pub const MAX_REQUEST_LINE: usize = 2 * super::url::MAX_TARGET_BYTES;
/// The largest header block read, after the request line.
pub const MAX_HEADER_BYTES: usize = 16 * 1024;
/// The most header lines read.
pub const MAX_HEADERS: usize = 100;
/// How long a refused connection is given to send its head and read the
/// refusal.
const REFUSAL_WAIT: Duration = Duration::from_millis(500);
/// Connections waiting for the refusing thread; more are closed unanswered.
const REFUSAL_QUEUE: usize = 64;
/// Reader threads only read heads: a small stack is plenty.
const READER_STACK: usize = 128 * 1024;

/// How long a client may take and how many may be connected.
#[derive(Debug, Clone, Copy)]
pub struct Limits {
    /// Time to send the request head, and the most a reply's write may
    /// wait on a client that does not read.
    pub request_timeout: Duration,
    /// Connections open at once; more are answered 503.
    pub max_connections: usize,
}

impl Default for Limits {
    fn default() -> Limits {
        Limits {
            request_timeout: Duration::from_secs(10),
            max_connections: 256,
        }
    }
}

/// A request head as read: what [`super::handle`] needs.
#[derive(Debug, PartialEq, Eq)]
pub struct Head {
    pub method: String,
    pub target: String,
}

/// Where reading a head got to.
#[derive(Debug, PartialEq, Eq)]
pub enum Parsed {
    /// More bytes are needed.
    Incomplete,
    /// A whole, acceptable head.
    Complete(Head),
    /// A head refused with this status and reason.
    Refused(u16, String),
}

/// Read what `buf` holds of a request head. Lines end with CRLF (a bare
/// LF is accepted too); the head ends at the first empty line.
pub fn parse_head(buf: &[u8]) -> Parsed {
    let Some(line_end) = buf.iter().position(|&b| b == b'\n') else {
        if buf.len() > MAX_REQUEST_LINE {
            return too_long_uri();
        }
        return Parsed::Incomplete;
    };
    if line_end > MAX_REQUEST_LINE {
        return too_long_uri();
    }
    let head = match request_line(trim_cr(&buf[..line_end])) {
        Ok(h) => h,
        Err(refused) => return refused,
    };
    let mut rest = &buf[line_end + 1..];
    let mut header_bytes = 0;
    let mut headers = 0;
    let mut has_body = false;
    loop {
        let Some(end) = rest.iter().position(|&b| b == b'\n') else {
            if header_bytes + rest.len() > MAX_HEADER_BYTES {
                return too_large_headers();
            }
            return Parsed::Incomplete;
        };
        let line = trim_cr(&rest[..end]);
        header_bytes += end + 1;
        rest = &rest[end + 1..];
        if header_bytes > MAX_HEADER_BYTES {
            return too_large_headers();
        }
        if line.is_empty() {
            break;
        }
        headers += 1;
        if headers > MAX_HEADERS {
            return too_large_headers();
        }
        let Some(colon) = line.iter().position(|&b| b == b':') else {
            return bad("a header line has no colon");
        };
        let (name, value) = (&line[..colon], trim_spaces(&line[colon + 1..]));
        if name.is_empty() || !name.iter().copied().all(is_token_byte) {
            return bad("a header name is malformed (or folded over lines)");
        }
        if name.eq_ignore_ascii_case(b"transfer-encoding")
            || (name.eq_ignore_ascii_case(b"content-length") && value != b"0")
        {
            has_body = true;
        }
    }
    let answered = head.method == "GET" || head.method == "HEAD";
    if has_body && answered {
        return Parsed::Refused(413, format!("a {} request has no body here", head.method));
    }
    Parsed::Complete(head)
}

fn request_line(line: &[u8]) -> Result<Head, Parsed> {
    let mut parts = line.split(|&b| b == b' ');
    let (Some(method), Some(target), Some(version), None) =
        (parts.next(), parts.next(), parts.next(), parts.next())
    else {
        return Err(bad("the request line is not METHOD TARGET HTTP/1.1"));
    };
    if method.is_empty() || !method.iter().copied().all(is_token_byte) {
        return Err(bad("the request method is malformed"));
    }
    if !version.starts_with(b"HTTP/") {
        return Err(bad("the request line is not METHOD TARGET HTTP/1.1"));
    }
    if version != b"HTTP/1.0" && version != b"HTTP/1.1" {
        return Err(Parsed::Refused(
            505,
            "only HTTP/1.0 and HTTP/1.1 are spoken here".into(),
        ));
    }
    if !target.starts_with(b"/") || !target.iter().all(|b| b.is_ascii_graphic()) {
        return Err(bad("the address must be a path starting with /"));
    }
    // Both are ASCII, checked above.
    Ok(Head {
        method: String::from_utf8_lossy(method).into_owned(),
        target: String::from_utf8_lossy(target).into_owned(),
    })
}

fn bad(why: &str) -> Parsed {
    Parsed::Refused(400, why.to_string())
}

fn too_long_uri() -> Parsed {
    Parsed::Refused(
        414,
        format!("the request line is too long (at most {MAX_REQUEST_LINE} bytes)"),
    )
}

fn too_large_headers() -> Parsed {
    Parsed::Refused(
        431,
        format!(
            "the request headers are too large (at most {MAX_HEADERS} lines, {MAX_HEADER_BYTES} bytes)"
        ),
    )
}

/// The characters of an HTTP token (method, header name).
fn is_token_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b"!#$%&'*+-.^_`|~".contains(&b)
}

fn trim_cr(line: &[u8]) -> &[u8] {
    line.strip_suffix(b"\r").unwrap_or(line)
}

fn trim_spaces(mut s: &[u8]) -> &[u8] {
    while let [b' ' | b'\t', rest @ ..] = s {
        s = rest;
    }
    while let [rest @ .., b' ' | b'\t'] = s {
        s = rest;
    }
    s
}

/// What reading a head from a connection came to.
enum HeadRead {
    Head(Head),
    Refused(u16, String),
    /// The deadline passed first.
    TimedOut,
    /// The client closed or failed before sending a whole head.
    Gone,
}

/// Read a head from `stream` until `deadline`.
fn read_head(stream: &mut TcpStream, deadline: Instant) -> HeadRead {
    let mut buf = Vec::with_capacity(1024);
    let mut chunk = [0u8; 4096];
    loop {
        let left = deadline.saturating_duration_since(Instant::now());
        if left.is_zero() || stream.set_read_timeout(Some(left)).is_err() {
            return HeadRead::TimedOut;
        }
        match stream.read(&mut chunk) {
            Ok(0) => return HeadRead::Gone,
            Ok(n) => buf.extend_from_slice(&chunk[..n]),
            Err(e)
                if matches!(
                    e.kind(),
                    std::io::ErrorKind::WouldBlock | std::io::ErrorKind::TimedOut
                ) =>
            {
                return HeadRead::TimedOut
            }
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(_) => return HeadRead::Gone,
        }
        match parse_head(&buf) {
            Parsed::Incomplete => {}
            Parsed::Complete(head) => return HeadRead::Head(head),
            Parsed::Refused(status, why) => return HeadRead::Refused(status, why),
        }
    }
}

/// A refusal from this front: the error page, with its status.
fn refusal(status: u16, why: &str) -> Reply {
    let mut r = Reply::html(status, html::error_page(status, why, None));
    if status == 503 {
        r.headers.push(("Retry-After", "1".into()));
    }
    r
}

/// An open connection counted against the cap, uncounted when dropped.
struct Slot(Arc<AtomicUsize>);

impl Slot {
    fn take(open: &Arc<AtomicUsize>, max: usize) -> Option<Slot> {
        open.fetch_update(Ordering::AcqRel, Ordering::Acquire, |n| {
            (n < max).then_some(n + 1)
        })
        .ok()
        .map(|_| Slot(Arc::clone(open)))
    }
}

impl Drop for Slot {
    fn drop(&mut self) {
        self.0.fetch_sub(1, Ordering::AcqRel);
    }
}

/// A request ready for a worker.
struct Job {
    stream: TcpStream,
    head: Head,
    _slot: Slot,
}

/// A running server.
pub struct Server {
    listener: TcpListener,
    addr: SocketAddr,
}

impl Server {
    /// Listen on `addr` (port 0: any free port).
    pub fn bind(addr: &str) -> Result<Server, super::ServeError> {
        let bind_err = |reason: String| super::ServeError::Bind {
            addr: addr.to_string(),
            reason,
        };
        let listener =
            TcpListener::bind(addr).map_err(|e| bind_err(e.to_string().to_lowercase()))?;
        let bound = listener
            .local_addr()
            .map_err(|e| bind_err(e.to_string().to_lowercase()))?;
        Ok(Server {
            listener,
            addr: bound,
        })
    }

    /// The address actually bound.
    pub fn addr(&self) -> SocketAddr {
        self.addr
    }

    /// Answer requests with `threads` workers until the process ends.
    pub fn run(
        self,
        app: super::App,
        threads: usize,
        limits: Limits,
    ) -> Result<(), super::ServeError> {
        let app = Arc::new(app);
        let (jobs, queue) = mpsc::channel::<Job>();
        let queue = Arc::new(Mutex::new(queue));
        for n in 0..threads.max(1) {
            let app = Arc::clone(&app);
            let queue = Arc::clone(&queue);
            std::thread::Builder::new()
                .name(format!("serve-{n}"))
                .spawn(move || worker(&queue, &app, limits))
                .map_err(|e| super::ServeError::Thread(e.to_string()))?;
        }
        let (refuse, refused) = mpsc::sync_channel::<TcpStream>(REFUSAL_QUEUE);
        std::thread::Builder::new()
            .name("serve-refuse".into())
            .spawn(move || refuser(&refused))
            .map_err(|e| super::ServeError::Thread(e.to_string()))?;
        let open = Arc::new(AtomicUsize::new(0));
        for stream in self.listener.incoming() {
            // Accept errors (a client gone, out of descriptors) pass.
            let Ok(stream) = stream else {
                std::thread::sleep(Duration::from_millis(10));
                continue;
            };
            match Slot::take(&open, limits.max_connections.max(1)) {
                Some(slot) => spawn_reader(stream, slot, jobs.clone(), limits),
                // The refusing thread is behind: close unanswered.
                None => drop(refuse.try_send(stream)),
            }
        }
        Ok(())
    }
}

/// Read one head on its own thread, then hand the request to a worker or
/// answer the refusal.
fn spawn_reader(mut stream: TcpStream, slot: Slot, jobs: mpsc::Sender<Job>, limits: Limits) {
    let read = move || {
        let deadline = Instant::now() + limits.request_timeout;
        let _ = stream.set_write_timeout(Some(limits.request_timeout));
        let refused = match read_head(&mut stream, deadline) {
            HeadRead::Head(head) => {
                let _ = jobs.send(Job {
                    stream,
                    head,
                    _slot: slot,
                });
                return;
            }
            HeadRead::Gone => return,
            HeadRead::TimedOut => refusal(
                408,
                &format!(
                    "the request was not sent within {} s",
                    limits.request_timeout.as_secs_f64()
                ),
            ),
            HeadRead::Refused(status, why) => refusal(status, &why),
        };
        let _ = write_reply(&mut stream, refused, false, Duration::ZERO);
        linger(&mut stream);
    };
    // No thread to be had: the connection closes unanswered.
    let _ = std::thread::Builder::new()
        .name("serve-read".into())
        .stack_size(READER_STACK)
        .spawn(read);
}

/// Answer connections beyond the cap with 503, one at a time.
fn refuser(refused: &Receiver<TcpStream>) {
    for mut stream in refused {
        let _ = stream.set_write_timeout(Some(REFUSAL_WAIT));
        // Read what the client sends first, so that closing does not reset
        // the connection before the refusal is read.
        let _ = read_head(&mut stream, Instant::now() + REFUSAL_WAIT);
        let reply = refusal(
            503,
            "the server has as many connections as it takes: try again in a moment",
        );
        let _ = write_reply(&mut stream, reply, false, Duration::ZERO);
        linger(&mut stream);
    }
}

/// After a refusal: stop sending, then read (briefly) what the client
/// still sends, so that the close does not reset the connection and lose
/// the reply.
fn linger(stream: &mut TcpStream) {
    let _ = stream.shutdown(Shutdown::Write);
    let deadline = Instant::now() + REFUSAL_WAIT;
    let mut sink = [0u8; 4096];
    let mut drained = 0;
    while drained < 1024 * 1024 {
        let left = deadline.saturating_duration_since(Instant::now());
        if left.is_zero() || stream.set_read_timeout(Some(left)).is_err() {
            return;
        }
        match stream.read(&mut sink) {
            Ok(0) | Err(_) => return,
            Ok(n) => drained += n,
        }
    }
}

fn worker(queue: &Mutex<Receiver<Job>>, app: &super::App, limits: Limits) {
    loop {
        let job = match queue.lock() {
            Ok(q) => q.recv(),
            Err(_) => return,
        };
        let Ok(Job {
            mut stream, head, ..
        }) = job
        else {
            return;
        };
        let start = Instant::now();
        let reply = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            handle(app, &head.method, &head.target)
        }))
        .unwrap_or_else(|_| refusal(500, "the server failed on this request"));
        if reply.status >= 500 && reply.status != 503 {
            eprintln!("agendex: {} {}: {}", head.method, head.target, reply.status);
        }
        let _ = stream.set_write_timeout(Some(limits.request_timeout));
        // A client that went away is no error of ours.
        let _ = write_reply(&mut stream, reply, head.method == "HEAD", start.elapsed());
        let _ = stream.shutdown(Shutdown::Write);
    }
}

/// The reason phrase of the statuses answered.
fn reason(status: u16) -> &'static str {
    match status {
        200 => "OK",
        400 => "Bad Request",
        404 => "Not Found",
        405 => "Method Not Allowed",
        408 => "Request Timeout",
        413 => "Content Too Large",
        414 => "URI Too Long",
        431 => "Request Header Fields Too Large",
        500 => "Internal Server Error",
        503 => "Service Unavailable",
        505 => "HTTP Version Not Supported",
        _ => "",
    }
}

/// Write `reply` (its head only for HEAD), closing the connection after.
fn write_reply(
    stream: &mut TcpStream,
    reply: Reply,
    head_only: bool,
    took: Duration,
) -> std::io::Result<()> {
    let len = match &reply.body {
        Body::Bytes(b) => b.len() as u64,
        Body::File(_, len) => *len,
    };
    let mut out = BufWriter::with_capacity(16 * 1024, stream);
    write!(
        out,
        "HTTP/1.1 {} {}\r\n",
        reply.status,
        reason(reply.status)
    )?;
    let mut header = |name: &str, value: &str| -> std::io::Result<()> {
        // A value never spans lines: a stray line break is dropped.
        let value: String = value
            .chars()
            .filter(|c| !matches!(c, '\r' | '\n'))
            .collect();
        write!(out, "{name}: {value}\r\n")
    };
    header("Content-Type", reply.content_type)?;
    header("Content-Length", &len.to_string())?;
    header("X-Content-Type-Options", "nosniff")?;
    header("Referrer-Policy", "no-referrer")?;
    header(
        "Server-Timing",
        &format!("app;dur={:.2}", took.as_secs_f64() * 1000.0),
    )?;
    header("Connection", "close")?;
    for (name, value) in &reply.headers {
        header(name, value)?;
    }
    out.write_all(b"\r\n")?;
    if !head_only {
        match reply.body {
            Body::Bytes(b) => out.write_all(&b)?,
            Body::File(f, len) => {
                std::io::copy(&mut f.take(len), &mut out)?;
            }
        }
    }
    out.flush()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn status(raw: &[u8]) -> Option<u16> {
        match parse_head(raw) {
            Parsed::Refused(s, _) => Some(s),
            _ => None,
        }
    }

    #[test]
    fn whole_heads_are_read() {
        let raw = b"GET /?q=schools HTTP/1.1\r\nHost: 127.0.0.1:7878\r\nAccept: text/html\r\n\r\n";
        assert_eq!(
            parse_head(raw),
            Parsed::Complete(Head {
                method: "GET".into(),
                target: "/?q=schools".into()
            })
        );
        // Bare line feeds, as some scripts send.
        assert!(matches!(
            parse_head(b"HEAD / HTTP/1.0\nHost: x\n\n"),
            Parsed::Complete(_)
        ));
        // Every prefix of a whole head is only incomplete.
        for cut in 0..raw.len() {
            assert_eq!(parse_head(&raw[..cut]), Parsed::Incomplete, "{cut}");
        }
    }

    #[test]
    fn malformed_and_oversized_heads_are_refused() {
        assert_eq!(status(b"GET /\r\n\r\n"), Some(400));
        assert_eq!(status(b"GET index.html HTTP/1.1\r\n\r\n"), Some(400));
        assert_eq!(status(b"GET / HTTP/1.1\r\n folded\r\n\r\n"), Some(400));
        assert_eq!(status(b"PRI * HTTP/2.0\r\n\r\n"), Some(505));
        let line = format!("GET /{} HTTP/1.1", "a".repeat(MAX_REQUEST_LINE));
        assert_eq!(status(line.as_bytes()), Some(414));
        let mut many = b"GET / HTTP/1.1\r\n".to_vec();
        for n in 0..=MAX_HEADERS {
            many.extend_from_slice(format!("X-{n}: 1\r\n").as_bytes());
        }
        assert_eq!(status(&many), Some(431));
        let big = format!(
            "GET / HTTP/1.1\r\nCookie: {}\r\n",
            "c".repeat(MAX_HEADER_BYTES)
        );
        assert_eq!(status(big.as_bytes()), Some(431));
        let body = b"GET / HTTP/1.1\r\nContent-Length: 5\r\n\r\nhello";
        assert_eq!(status(body), Some(413));
        let chunked = b"GET / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n";
        assert_eq!(status(chunked), Some(413));
        // Another method is for the routes to answer (405).
        assert!(matches!(
            parse_head(b"POST / HTTP/1.1\r\nContent-Length: 3\r\n\r\nq=x"),
            Parsed::Complete(_)
        ));
        assert!(matches!(
            parse_head(b"GET / HTTP/1.1\r\nContent-Length: 0\r\n\r\n"),
            Parsed::Complete(_)
        ));
    }

    #[test]
    fn slots_count_open_connections() {
        let open = Arc::new(AtomicUsize::new(0));
        let a = Slot::take(&open, 2).expect("first");
        let _b = Slot::take(&open, 2).expect("second");
        assert!(Slot::take(&open, 2).is_none());
        drop(a);
        assert!(Slot::take(&open, 2).is_some());
    }
}

//! `agendex serve`: a small local web server over the search index.
//!
//! Routes: `/` the search page, `/record/<id>` a record, `/source/<sha256>`
//! an indexed file (PDF or text) as it was read, `/api/search` and
//! `/api/record/<id>` the same data as JSON. A pool of worker threads
//! answers the requests `http` reads; each request checks the index's
//! current generation and commit and reuses the kept searcher while they
//! are unchanged, so a running `agendex index` shows up at its next commit
//! without a restart.
//!
//! A request names a file only by the SHA-256 the index recorded for it;
//! the path served is the one in the index, and the bytes are served only
//! while they still hash to that id. No part of a request's path reaches
//! the file system.
//!
//! `http` speaks HTTP (deadlines, size limits, the connection cap), `url`
//! reads request targets, `html` renders pages, `index::query` fetches single
//! entries. Searching itself is the index module's.

pub mod html;
pub mod http;
pub mod url;

pub use http::{Limits, Server};

use crate::index::query::{self, SearchResults};
use crate::index::IndexError;
use std::collections::HashMap;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::time::{Duration, Instant, SystemTime};
use thiserror::Error;
use url::{BadRequest, SearchParams, Target};

/// How many requests are handled at once, unless told otherwise.
pub fn default_threads() -> usize {
    std::thread::available_parallelism()
        .map(|n| n.get() * 2)
        .unwrap_or(4)
        .clamp(4, 32)
}

#[derive(Debug, Error)]
pub enum ServeError {
    #[error("cannot listen on {addr}: {reason}")]
    Bind { addr: String, reason: String },
    #[error("cannot start a worker thread: {0}")]
    Thread(String),
}

/// What the server needs to answer requests.
#[derive(Debug)]
pub struct App {
    /// The index folder.
    pub index: PathBuf,
    /// Where relative source paths in the index are resolved from (the
    /// folder `agendex index` ran in; by default the server's own).
    pub root: PathBuf,
    /// SHA-256 of source files, by path, while their size and mtime hold.
    hashes: Mutex<HashMap<PathBuf, Hashed>>,
}

/// A file's size and modification time when it was hashed, and its hash.
type Hashed = (u64, Option<SystemTime>, String);

impl App {
    pub fn new(index: PathBuf, root: PathBuf) -> App {
        App {
            index,
            root,
            hashes: Mutex::new(HashMap::new()),
        }
    }
}

/// A response about to be sent.
pub struct Reply {
    pub status: u16,
    pub content_type: &'static str,
    pub body: Body,
    pub headers: Vec<(&'static str, String)>,
}

pub enum Body {
    Bytes(Vec<u8>),
    File(std::fs::File, u64),
}

const HTML: &str = "text/html; charset=utf-8";
const JSON: &str = "application/json";
/// Pages run no script and load nothing from elsewhere.
const PAGE_POLICY: &str = "default-src 'none'; style-src 'unsafe-inline'; img-src 'self'; \
                           form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

impl Reply {
    fn html(status: u16, page: String) -> Reply {
        Reply {
            status,
            content_type: HTML,
            body: Body::Bytes(page.into_bytes()),
            headers: vec![("Content-Security-Policy", PAGE_POLICY.to_string())],
        }
    }

    fn json(status: u16, value: &impl serde::Serialize) -> Reply {
        let body = serde_json::to_vec(value)
            .unwrap_or_else(|e| format!("{{\"error\":\"cannot serialise: {e}\"}}").into_bytes());
        Reply {
            status,
            content_type: JSON,
            body: Body::Bytes(body),
            headers: Vec::new(),
        }
    }

    fn json_error(status: u16, message: &str) -> Reply {
        Reply::json(
            status,
            &serde_json::json!({ "error": message, "status": status }),
        )
    }

    /// The body as bytes (files read whole): for tests and small replies.
    pub fn body_bytes(self) -> std::io::Result<Vec<u8>> {
        match self.body {
            Body::Bytes(b) => Ok(b),
            Body::File(mut f, _) => {
                let mut v = Vec::new();
                f.read_to_end(&mut v)?;
                Ok(v)
            }
        }
    }
}

/// A lowercase 64-hex-digit SHA-256.
pub fn is_sha256(s: &str) -> bool {
    s.len() == 64 && s.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f'))
}

/// Record ids are made of letters, digits, `-` and `_`.
fn is_record_id(s: &str) -> bool {
    !s.is_empty()
        && s.len() <= 200
        && s.bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}

/// Search the index; a generation swapped or segments merged away between
/// opening and reading is retried, so a concurrent `agendex index` never
/// shows as an error.
fn with_retry<T>(mut f: impl FnMut() -> crate::index::Result<T>) -> crate::index::Result<T> {
    let mut attempt = 0;
    loop {
        match f() {
            Err(
                IndexError::Tantivy { .. } | IndexError::Io { .. } | IndexError::Damaged { .. },
            ) if attempt < 3 => {
                attempt += 1;
                std::thread::sleep(Duration::from_millis(20 * attempt));
            }
            r => return r,
        }
    }
}

/// HTTP status for an index error, and whether it is the user's to fix.
fn status_of(e: &IndexError) -> u16 {
    match e {
        IndexError::Query(_) | IndexError::Request(_) => 400,
        IndexError::Missing(_)
        | IndexError::OtherSchema(_)
        | IndexError::Busy
        | IndexError::Damaged { .. } => 503,
        IndexError::Tantivy { .. } | IndexError::Io { .. } => 500,
    }
}

/// Answer one request. `target` is the request line's target as sent.
pub fn handle(app: &App, method: &str, target: &str) -> Reply {
    if method != "GET" && method != "HEAD" {
        let mut r = Reply::html(
            405,
            html::error_page(405, "only GET and HEAD are answered here", None),
        );
        r.headers.push(("Allow", "GET, HEAD".into()));
        return r;
    }
    let api = target.starts_with("/api/");
    let t = match Target::parse(target) {
        Ok(t) => t,
        Err(BadRequest(m)) if api => return Reply::json_error(400, &m),
        Err(BadRequest(m)) => return Reply::html(400, html::error_page(400, &m, None)),
    };
    match t.path.as_str() {
        "/" | "/index.html" => return search_page(app, &t),
        "/api/search" => return api_search(app, &t),
        _ => {}
    }
    if let Some(id) = t.rest_after("/record/") {
        return record_page(app, id, url::back_link(&t));
    }
    if let Some(id) = t.rest_after("/api/record/") {
        return api_record(app, id);
    }
    if let Some(id) = t.rest_after("/source/") {
        return source(app, id);
    }
    if api {
        return Reply::json_error(
            404,
            "no such API route (try /api/search?q=… or /api/record/ID)",
        );
    }
    Reply::html(
        404,
        html::error_page(404, "there is no page at this address", None),
    )
}

fn search(app: &App, p: &SearchParams) -> crate::index::Result<SearchResults> {
    let req = p.request();
    with_retry(|| query::search(&app.index, &req))
}

fn search_page(app: &App, t: &Target) -> Reply {
    let start = Instant::now();
    let p = match SearchParams::from_target(t) {
        Ok(p) => p,
        Err(BadRequest(m)) => {
            // Keep what was typed, cut to the limit, so it can be corrected.
            let mut kept = SearchParams::default();
            if let Some(q) = t.get(url::P_QUERY) {
                kept.query = q.chars().take(url::MAX_QUERY_CHARS).collect();
            }
            return Reply::html(400, html::error_page(400, &m, Some(&kept)));
        }
    };
    match search(app, &p) {
        Ok(mut r) => {
            if !p.kind.is_empty() {
                // Kinds combine with OR: their counts are those without the
                // kind filter, so that another kind can be added.
                let others = SearchParams {
                    kind: Vec::new(),
                    limit: 1,
                    offset: 0,
                    ..p.clone()
                };
                if let Ok(all) = search(app, &others) {
                    r.facets.kind = all.facets.kind;
                }
            }
            Reply::html(200, html::search_page(&p, &r, start.elapsed()))
        }
        Err(e) => {
            let status = status_of(&e);
            Reply::html(status, html::error_page(status, &e.to_string(), Some(&p)))
        }
    }
}

fn api_search(app: &App, t: &Target) -> Reply {
    let p = match SearchParams::from_target(t) {
        Ok(p) => p,
        Err(BadRequest(m)) => return Reply::json_error(400, &m),
    };
    match search(app, &p) {
        Ok(r) => Reply::json(200, &r),
        Err(e) => Reply::json_error(status_of(&e), &e.to_string()),
    }
}

fn find_record(
    app: &App,
    id: Result<String, BadRequest>,
) -> Result<serde_json::Value, (u16, String)> {
    let id = id.map_err(|BadRequest(m)| (400, m))?;
    if !is_record_id(&id) {
        return Err((404, "no record has this id".into()));
    }
    match with_retry(|| query::record(&app.index, &id)) {
        Ok(Some(r)) => Ok(r),
        Ok(None) => Err((404, format!("no record {id} in the index"))),
        Err(e) => Err((status_of(&e), e.to_string())),
    }
}

fn record_page(app: &App, id: Result<String, BadRequest>, back: Option<String>) -> Reply {
    match find_record(app, id) {
        Ok(r) => {
            let related = related(app, &r);
            Reply::html(200, html::record_page(&r, back.as_deref(), &related))
        }
        Err((status, m)) => Reply::html(status, html::error_page(status, &m, None)),
    }
}

/// What a record's page shows beside it: the judgements of a report's,
/// document's or judgement's document (an inspection's grades). A failed
/// look-up shows none.
fn related(app: &App, rec: &serde_json::Value) -> html::Related {
    let kind = rec.get("kind").and_then(|k| k.as_str()).unwrap_or("");
    let judgements = match kind {
        "report" | "document" | "judgement" => {
            with_retry(|| query::same_document(&app.index, rec, "judgement")).unwrap_or_default()
        }
        _ => Vec::new(),
    };
    let id = rec.get("id").and_then(|k| k.as_str()).unwrap_or("");
    html::Related {
        judgements,
        thread: thread_of(app, id),
    }
}

/// The thread of record `id`: the stored links, and only the records they
/// reach. A failed look-up shows none.
fn thread_of(app: &App, id: &str) -> Vec<crate::links::thread::Step> {
    use crate::links::{store, thread, Node};
    let Ok(links) = store::read(&app.index) else {
        return Vec::new();
    };
    thread::thread_fetched(id, &links, |i| {
        with_retry(|| query::record(&app.index, i))
            .ok()
            .flatten()
            .and_then(|v| serde_json::from_value::<crate::record::OutRecord>(v).ok())
            .map(|r| Node::of(&r))
    })
}

fn api_record(app: &App, id: Result<String, BadRequest>) -> Reply {
    match find_record(app, id) {
        Ok(r) => Reply::json(200, &r),
        Err((status, m)) => Reply::json_error(status, &m),
    }
}

/// The content type a source file is served with.
fn source_type(path: &str) -> &'static str {
    let ext = Path::new(path)
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase);
    match ext.as_deref() {
        Some("pdf") => "application/pdf",
        Some("txt") | Some("md") => "text/plain; charset=utf-8",
        _ => "application/octet-stream",
    }
}

/// An indexed file, looked up by its SHA-256 and served only while its
/// bytes still hash to it.
fn source(app: &App, id: Result<String, BadRequest>) -> Reply {
    let not_found = |m: &str| Reply::html(404, html::error_page(404, m, None));
    let Ok(id) = id else {
        return not_found("no indexed file has this id");
    };
    let id = id.to_ascii_lowercase();
    if !is_sha256(&id) {
        return not_found("no indexed file has this id");
    }
    let file = match with_retry(|| crate::index::query::file(&app.index, &id)) {
        Ok(Some(f)) => f,
        Ok(None) => return not_found("no indexed file has this id"),
        Err(e) => {
            let status = status_of(&e);
            return Reply::html(status, html::error_page(status, &e.to_string(), None));
        }
    };
    let stored = Path::new(&file.path);
    let mut candidates = vec![app.root.join(stored)];
    if let Some(parent) = app.index.parent() {
        let beside = parent.join(stored);
        if !candidates.contains(&beside) {
            candidates.push(beside);
        }
    }
    for path in candidates {
        let Some((f, len)) = open_if_hash(app, &path, &id) else {
            continue;
        };
        return Reply {
            status: 200,
            content_type: source_type(&file.path),
            body: Body::File(f, len),
            headers: vec![
                ("Content-Disposition", "inline".into()),
                ("Cache-Control", "private, max-age=300".into()),
            ],
        };
    }
    not_found(&format!(
        "{} is no longer where it was indexed, or has changed since: run agendex index again",
        file.path
    ))
}

/// Open `path` if it is a file whose SHA-256 is `sha` (hashes are cached
/// while size and modification time stay the same).
fn open_if_hash(app: &App, path: &Path, sha: &str) -> Option<(std::fs::File, u64)> {
    let f = std::fs::File::open(path).ok()?;
    let meta = f.metadata().ok()?;
    if !meta.is_file() {
        return None;
    }
    let (len, mtime) = (meta.len(), meta.modified().ok());
    let cached = app
        .hashes
        .lock()
        .ok()
        .and_then(|h| h.get(path).cloned())
        .filter(|(l, m, _)| *l == len && *m == mtime)
        .map(|(_, _, s)| s);
    let hash = match cached {
        Some(h) => h,
        None => {
            let h = crate::walk::hash_file(path).ok()?;
            if let Ok(mut cache) = app.hashes.lock() {
                cache.insert(path.to_path_buf(), (len, mtime, h.clone()));
            }
            h
        }
    };
    (hash == sha).then_some((f, len))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn app() -> App {
        App::new(PathBuf::from("/nonexistent/index"), PathBuf::from("/"))
    }

    fn status(target: &str) -> u16 {
        handle(&app(), "GET", target).status
    }

    #[test]
    fn source_ids_must_be_sha256_before_anything_is_looked_up() {
        // The index does not exist: a well-formed id gets as far as the
        // index (503); anything else stops at the id check (404).
        for bad in [
            "/source/../../etc/passwd",
            "/source/..%2F..%2Fetc%2Fpasswd",
            "/source/%2e%2e/%2e%2e/etc/passwd",
            "/source/%252e%252e%252fetc%252fpasswd",
            "/source/etc/passwd",
            "/source/",
            "/source/%00",
            &format!("/source/{}/x", "a".repeat(64)),
            &format!("/source/{}", "g".repeat(64)),
        ] {
            assert_eq!(status(bad), 404, "{bad}");
        }
        assert_eq!(status(&format!("/source/{}", "a".repeat(64))), 503);
        assert_eq!(status(&format!("/source/{}", "A".repeat(64))), 503);
    }

    #[test]
    fn record_ids_are_checked() {
        assert_eq!(status("/record/..%2Fx"), 404);
        assert_eq!(status("/api/record/a%20b"), 404);
        assert_eq!(status("/api/record/%zz"), 400);
        assert_eq!(status("/record/abc-resolution-1"), 503);
    }

    #[test]
    fn methods_routes_and_bad_queries() {
        assert_eq!(handle(&app(), "POST", "/").status, 405);
        assert_eq!(status("/nowhere"), 404);
        assert_eq!(status("/api/nowhere"), 404);
        assert_eq!(status("/?q=%zz"), 400);
        let long = format!("/?q={}", "x".repeat(1001));
        let r = handle(&app(), "GET", &long);
        assert_eq!(r.status, 400);
        let body = String::from_utf8(r.body_bytes().expect("bytes")).expect("utf-8");
        assert!(body.contains("the query is too long (1001 characters; at most 1000)"));
        let r = handle(&app(), "GET", "/api/search?q=x&page=0");
        assert_eq!((r.status, r.content_type), (400, JSON));
        // No index yet: the page says how to build one.
        let r = handle(&app(), "GET", "/?q=x");
        assert_eq!(r.status, 503);
        let body = String::from_utf8(r.body_bytes().expect("bytes")).expect("utf-8");
        assert!(body.contains("agendex index"), "{body}");
    }

    #[test]
    fn content_types_by_extension() {
        assert_eq!(source_type("corpus/a.PDF"), "application/pdf");
        assert_eq!(source_type("seeds/a.txt"), "text/plain; charset=utf-8");
        assert_eq!(source_type("x"), "application/octet-stream");
    }
}

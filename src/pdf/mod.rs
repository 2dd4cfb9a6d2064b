//! PDF bytes -> pages of positioned glyphs, safely.
//!
//! Owns everything that touches pdf-extract: sniffing the file, loading and
//! decrypting it, walking it page by page with [`device::GlyphDevice`], and
//! doing all of that in a child process ([`worker`]) so that a PDF that loops
//! forever, overflows the stack or eats all memory costs one file, not the
//! batch. It does not own layout (lines, cells, furniture): see `layout`.

pub mod device;
pub mod ocr;
pub mod repair;
pub mod style;
pub mod worker;

use crate::error::ReadError;
use device::{GlyphDevice, RawPage};
use repair::Recovery;
use std::collections::HashMap;
use std::panic::{catch_unwind, AssertUnwindSafe};

/// How a page error caused by a panic inside pdf-extract begins.
const PAGE_PANIC: &str = "extraction panicked: ";

/// What reading one PDF gave: its pages, and pages that could not be read.
#[derive(Debug, Clone, Default, serde::Serialize, serde::Deserialize)]
pub struct RawDocument {
    pub pages: Vec<RawPage>,
    /// Pages pdf-extract failed on, with the reason; their text is missing.
    pub page_errors: Vec<(u32, String)>,
    /// Set when the file was damaged and read from a rebuilt object table.
    pub recovery: Option<Recovery>,
}

/// Check the first bytes before handing a file to the PDF parser: council
/// archives hold HTML pages and Word files saved with a `.pdf` name.
pub fn sniff(bytes: &[u8]) -> Result<(), ReadError> {
    if bytes.is_empty() {
        return Err(ReadError::Empty);
    }
    let head = &bytes[..bytes.len().min(1024)];
    if head.windows(5).any(|w| w == b"%PDF-") {
        return Ok(());
    }
    let lower = String::from_utf8_lossy(head).to_ascii_lowercase();
    let what = if lower.contains("<html") || lower.contains("<!doctype html") {
        "an HTML page"
    } else if head.starts_with(b"PK\x03\x04") {
        "a ZIP or Office document"
    } else if head.starts_with(&[0xd0, 0xcf, 0x11, 0xe0]) {
        "an old Office document"
    } else if head.starts_with(b"\x89PNG") || head.starts_with(&[0xff, 0xd8, 0xff]) {
        "an image"
    } else {
        "no PDF header"
    };
    Err(ReadError::NotPdf(what.to_string()))
}

/// Read a PDF in this process. Panics inside pdf-extract are caught per page;
/// the worker calls this, and so do benches that want no child process. A
/// file that will not load, or loses pages, is read again from an object
/// table rebuilt from its bytes ([`repair`]), and the better reading kept.
pub fn read_in_process(bytes: &[u8]) -> Result<RawDocument, ReadError> {
    sniff(bytes)?;
    let loaded = catch_unwind(AssertUnwindSafe(|| pdf_extract::Document::load_mem(bytes)));
    let first = match loaded {
        Ok(Ok(doc)) => read_document(doc, &HashMap::new()),
        Ok(Err(e)) => Err(classify_load_error(bytes, &e.to_string())),
        Err(panic) => Err(ReadError::Panicked(panic_message(&panic))),
    };
    let damaged = match &first {
        Ok(doc) => !doc.page_errors.is_empty(),
        Err(ReadError::Truncated(_) | ReadError::Damaged(_) | ReadError::Panicked(_)) => true,
        Err(_) => false,
    };
    if !damaged {
        return first;
    }
    let recovered = catch_unwind(AssertUnwindSafe(|| read_recovered(bytes)));
    let second = match (recovered, &first) {
        (Ok(Some(Ok(second))), _) => second,
        // What the rebuilt file says is lost says more than a parse error.
        (Ok(Some(Err(ReadError::Damaged(lost)))), Err(ReadError::Truncated(_))) => {
            return Err(ReadError::Truncated(lost))
        }
        (
            Ok(Some(Err(ReadError::Damaged(lost)))),
            Err(ReadError::Damaged(_) | ReadError::Panicked(_)),
        ) => return Err(ReadError::Damaged(lost)),
        _ => return first,
    };
    let pages_read = |d: &RawDocument| d.pages.len().saturating_sub(d.page_errors.len());
    match first {
        Ok(first) if pages_read(&first) >= pages_read(&second) => Ok(first),
        _ => Ok(second),
    }
}

/// Read a damaged file from its rebuilt object table; `None` when nothing
/// of it could be rebuilt.
fn read_recovered(bytes: &[u8]) -> Option<Result<RawDocument, ReadError>> {
    let recovered = repair::recover(bytes)?;
    let placeholders = recovered.placeholders;
    let pages_total = recovered.pages_total;
    let incomplete: Vec<(u32, usize)> = recovered
        .doc
        .get_pages()
        .into_iter()
        .map(|(n, id)| (n, repair::missing_objects(&recovered.doc, id)))
        .filter(|&(_, missing)| missing > 0)
        .collect();
    let mut skip: HashMap<u32, String> = incomplete
        .into_iter()
        .map(|(n, missing)| {
            let why = format!("{missing} object(s) it needs (content, fonts) are missing");
            (n, why)
        })
        .collect();
    for &page in &placeholders {
        skip.insert(page, "the file no longer holds this page".into());
    }
    let mut raw = match read_document(recovered.doc, &skip) {
        Ok(raw) => raw,
        Err(ReadError::Damaged(why)) => {
            let why = why.strip_prefix("no page could be read: ").unwrap_or(&why);
            return Some(Err(ReadError::Damaged(format!(
                "none of its {pages_total} pages could be read (the first: {why})"
            ))));
        }
        Err(e) => return Some(Err(e)),
    };
    let read = raw.pages.len() as u32;
    let mut unreadable: Vec<u32> = raw.page_errors.iter().map(|(page, _)| *page).collect();
    unreadable.extend(read + 1..=pages_total.max(read));
    raw.recovery = Some(Recovery {
        pages_read: pages_total.max(read) - unreadable.len() as u32,
        pages_total: pages_total.max(read),
        pages_unreadable: unreadable,
    });
    if raw.page_errors.len() == raw.pages.len() {
        let (page, reason) = &raw.page_errors[0];
        return Some(Err(ReadError::Damaged(format!(
            "none of its {} pages could be read (page {page}: {reason})",
            pages_total.max(read)
        ))));
    }
    Some(Ok(raw))
}

/// Read every page of a loaded document but those in `skip`, which are
/// left empty with the reason given.
fn read_document(
    mut doc: pdf_extract::Document,
    skip: &HashMap<u32, String>,
) -> Result<RawDocument, ReadError> {
    if doc.is_encrypted() {
        // Owner-password-only files (printing or copying restricted) open with
        // the empty user password; anything else needs a password we lack.
        if doc.decrypt("").is_err() {
            return Err(ReadError::Encrypted);
        }
    }
    // One reader for the whole file: each font is built once, on the first
    // page that uses it, not again on every page (most of pdf-extract's cost
    // on packs whose pages share a few subset fonts).
    let mut reader = pdf_extract::PageReader::new(&doc);
    let page_numbers = reader.page_numbers();
    if page_numbers.is_empty() {
        return Err(ReadError::Damaged("the page tree holds no pages".into()));
    }
    let mut out = RawDocument::default();
    for n in page_numbers {
        if let Some(why) = skip.get(&n) {
            out.page_errors.push((n, why.clone()));
            out.pages.push(RawPage {
                number: n,
                ..RawPage::default()
            });
            continue;
        }
        let mut dev = GlyphDevice::default();
        // A panic leaves the reader's font table as it was before the failing
        // font was being built (entries are inserted only once complete), so
        // the pages after a failed one are read with the same fonts as before.
        let result = catch_unwind(AssertUnwindSafe(|| reader.output_page(&mut dev, n)));
        match result {
            Ok(Ok(())) => {}
            Ok(Err(e)) => out.page_errors.push((n, e.to_string())),
            Err(panic) => out
                .page_errors
                .push((n, format!("{PAGE_PANIC}{}", panic_message(&panic)))),
        }
        match dev.pages.pop() {
            Some(page) => out.pages.push(page),
            None => out.pages.push(RawPage {
                number: n,
                ..RawPage::default()
            }),
        }
    }
    if out.page_errors.len() == out.pages.len() {
        let (page, first) = &out.page_errors[0];
        return Err(match first.strip_prefix(PAGE_PANIC) {
            Some(message) => ReadError::Panicked(format!("on page {page}: {message}")),
            None => ReadError::Damaged(format!("no page could be read: {first}")),
        });
    }
    Ok(out)
}

fn classify_load_error(bytes: &[u8], message: &str) -> ReadError {
    let tail = &bytes[bytes.len().saturating_sub(2048)..];
    if !tail.windows(5).any(|w| w == b"%%EOF") {
        return ReadError::Truncated(message.to_string());
    }
    let lower = message.to_ascii_lowercase();
    if lower.contains("decrypt") || lower.contains("password") || lower.contains("encrypt") {
        return ReadError::Encrypted;
    }
    ReadError::Damaged(message.to_string())
}

pub(crate) fn panic_message(panic: &Box<dyn std::any::Any + Send>) -> String {
    if let Some(s) = panic.downcast_ref::<&str>() {
        s.to_string()
    } else if let Some(s) = panic.downcast_ref::<String>() {
        s.clone()
    } else {
        "unknown panic".to_string()
    }
}

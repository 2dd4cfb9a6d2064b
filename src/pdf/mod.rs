//! PDF bytes -> pages of positioned glyphs, safely.
//!
//! Owns everything that touches pdf-extract: sniffing the file, loading and
//! decrypting it, walking it page by page with [`device::GlyphDevice`], and
//! doing all of that in a child process ([`worker`]) so that a PDF that loops
//! forever, overflows the stack or eats all memory costs one file, not the
//! batch. It does not own layout (lines, cells, furniture): see `layout`.

pub mod device;
pub mod style;
pub mod worker;

use crate::error::ReadError;
use device::{GlyphDevice, RawPage};
use std::panic::{catch_unwind, AssertUnwindSafe};

/// How a page error caused by a panic inside pdf-extract begins.
const PAGE_PANIC: &str = "extraction panicked: ";

/// What reading one PDF gave: its pages, and pages that could not be read.
#[derive(Debug, Clone, Default, serde::Serialize, serde::Deserialize)]
pub struct RawDocument {
    pub pages: Vec<RawPage>,
    /// Pages pdf-extract failed on, with the reason; their text is missing.
    pub page_errors: Vec<(u32, String)>,
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
/// the worker calls this, and so do benches that want no child process.
pub fn read_in_process(bytes: &[u8]) -> Result<RawDocument, ReadError> {
    sniff(bytes)?;
    let loaded = catch_unwind(AssertUnwindSafe(|| pdf_extract::Document::load_mem(bytes)));
    let mut doc = match loaded {
        Ok(Ok(doc)) => doc,
        Ok(Err(e)) => return Err(classify_load_error(bytes, &e.to_string())),
        Err(panic) => return Err(ReadError::Panicked(panic_message(&panic))),
    };
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

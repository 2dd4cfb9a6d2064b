//! Typed errors of the library, each saying what went wrong with which file.
//!
//! Messages are lowercase, without a trailing period, and specific enough
//! for a council officer to know what to do with the file.

use thiserror::Error;

/// Why a file yielded no records.
#[derive(Debug, Clone, Error, PartialEq, serde::Serialize, serde::Deserialize)]
pub enum ReadError {
    #[error("empty file (0 bytes)")]
    Empty,
    #[error("not a PDF: {0}")]
    NotPdf(String),
    #[error("truncated PDF (no end-of-file marker): {0}")]
    Truncated(String),
    #[error("damaged PDF: {0}")]
    Damaged(String),
    #[error("encrypted PDF: needs a password to open")]
    Encrypted,
    #[error("no text layer: {0} page(s) with no text (a scan? run OCR first)")]
    NoTextLayer(u32),
    #[error(
        "no text layer: {0} page(s) with no text (a scan? Tesseract, which reads scans, is not installed: {hint})",
        hint = crate::pdf::ocr::INSTALL_HINT
    )]
    NoOcr(u32),
    /// Every page needing OCR failed: the first failure says why.
    #[error("no text layer: {pages} page(s) with no text; OCR failed on page {page}: {why}")]
    OcrFailed { pages: u32, page: u32, why: String },
    #[error("PDF reader panicked: {0}")]
    Panicked(String),
    #[error("PDF reader crashed ({0}): the file is probably malformed")]
    Aborted(String),
    #[error("timed out after {0} s (raise --timeout for very large files)")]
    TimedOut(String),
    #[error("not valid UTF-8 text")]
    NotText,
    #[error("cannot read file: {0}")]
    Io(String),
}

//! Any bytes as a PDF content stream: the one-pass reader either declines
//! or gives what lopdf's grammar gives, and never panics.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    assert!(pdf_extract::content::matches_lopdf(data));
});

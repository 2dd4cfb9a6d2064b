//! Any bytes, read as plain text, markdown and a web page, then parsed:
//! nothing may panic.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let _ = grammars::parse(&grammars::from_text(&text));
    let _ = grammars::parse(&grammars::from_markdown(&text));
    if let Some(page) = grammars::markup::decode_bytes(data) {
        let _ = grammars::parse(&grammars::from_html(&page));
    }
});

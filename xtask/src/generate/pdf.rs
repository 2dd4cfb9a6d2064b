//! PDF variations of a corpus PDF: the text inside its content streams is
//! edited in place (dates, amounts, names, with same-length replacements
//! whose glyphs exist in the font's subset), and pages are dropped or
//! repeated.
//!
//! A [`Template`] is parsed once (lopdf) with its text-drawing streams
//! decoded into operations and each font's code <-> character map read from
//! its ToUnicode CMap; [`Template::vary`] then makes one varied file from it.
//! It does not read the result back: `agendex pages` and the tests do.

use super::vary::Plan;
use lopdf::content::{Content, Operation};
use lopdf::{Dictionary, Document, Object, ObjectId};
use std::collections::HashMap;
use std::io::Write;
use std::sync::Arc;

/// Character codes of one font: how many bytes a code takes, and the
/// character each code draws.
#[derive(Debug, Default)]
struct FontMap {
    width: usize,
    to_char: HashMap<u32, char>,
    from_char: HashMap<char, u32>,
}

/// A stream that draws text, decoded, with the fonts its resources name.
#[derive(Debug)]
struct TextStream {
    id: ObjectId,
    ops: Vec<Operation>,
    fonts: HashMap<Vec<u8>, Arc<FontMap>>,
}

/// A corpus PDF ready to be varied many times.
#[derive(Debug)]
pub struct Template {
    doc: Document,
    streams: Vec<TextStream>,
}

impl Template {
    pub fn load(bytes: &[u8]) -> Result<Template, String> {
        let doc = Document::load_mem(bytes).map_err(|e| e.to_string())?;
        let mut font_cache: HashMap<ObjectId, Arc<FontMap>> = HashMap::new();
        let mut streams = Vec::new();
        let mut ids: Vec<ObjectId> = doc.objects.keys().copied().collect();
        ids.sort();
        // Form XObjects: where these PDFs (and stamped council packs) draw.
        for id in ids {
            let Ok(Object::Stream(s)) = doc.get_object(id) else {
                continue;
            };
            if s.dict.get(b"Subtype").and_then(Object::as_name).ok() != Some(b"Form") {
                continue;
            }
            let fonts = resource_fonts(&doc, &s.dict, &mut font_cache);
            if let Some(ops) = decode(s) {
                streams.push(TextStream { id, ops, fonts });
            }
        }
        // Page content streams, with the page's (possibly inherited) fonts.
        for page_id in doc.page_iter() {
            let mut fonts = HashMap::new();
            if let Ok(by_name) = doc.get_page_fonts(page_id) {
                for (name, dict) in by_name {
                    if let Some(map) = font_map(&doc, dict) {
                        fonts.insert(name, Arc::new(map));
                    }
                }
            }
            for id in doc.get_page_contents(page_id) {
                if let Ok(s) = doc.get_object(id).and_then(Object::as_stream) {
                    if let Some(ops) = decode(s) {
                        streams.push(TextStream {
                            id,
                            ops,
                            fonts: fonts.clone(),
                        });
                    }
                }
            }
        }
        Ok(Template { doc, streams })
    }

    /// One varied PDF, as bytes.
    pub fn vary(&self, plan: &mut Plan) -> Result<Vec<u8>, String> {
        let mut doc = self.doc.clone();
        for ts in &self.streams {
            let mut ops = ts.ops.clone();
            if !edit_text(&mut ops, &ts.fonts, plan) {
                continue;
            }
            let plain = Content { operations: ops }
                .encode()
                .map_err(|e| e.to_string())?;
            let Ok(stream) = doc.get_object_mut(ts.id).and_then(Object::as_stream_mut) else {
                continue;
            };
            let mut z = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::fast());
            z.write_all(&plain).map_err(|e| e.to_string())?;
            stream.set_plain_content(z.finish().map_err(|e| e.to_string())?);
            stream.dict.set("Filter", "FlateDecode");
        }
        vary_pages(&mut doc, plan);
        let mut out = Vec::new();
        doc.save_to(&mut out).map_err(|e| e.to_string())?;
        Ok(out)
    }
}

fn decode(s: &lopdf::Stream) -> Option<Vec<Operation>> {
    let plain = s.get_plain_content().ok()?;
    let content = Content::decode(&plain).ok()?;
    let draws_text = content
        .operations
        .iter()
        .any(|op| matches!(op.operator.as_str(), "Tj" | "TJ" | "'" | "\""));
    draws_text.then_some(content.operations)
}

fn resource_fonts(
    doc: &Document,
    dict: &Dictionary,
    cache: &mut HashMap<ObjectId, Arc<FontMap>>,
) -> HashMap<Vec<u8>, Arc<FontMap>> {
    let mut out = HashMap::new();
    let Ok((_, res)) = dict.get(b"Resources").and_then(|o| doc.dereference(o)) else {
        return out;
    };
    let Ok(res) = res.as_dict() else { return out };
    let Ok((_, fonts)) = res.get(b"Font").and_then(|o| doc.dereference(o)) else {
        return out;
    };
    let Ok(fonts) = fonts.as_dict() else {
        return out;
    };
    for (name, obj) in fonts.iter() {
        let Ok((id, font)) = doc.dereference(obj) else {
            continue;
        };
        let Ok(font) = font.as_dict() else { continue };
        if let Some(map) = id.and_then(|id| cache.get(&id)) {
            out.insert(name.clone(), map.clone());
            continue;
        }
        if let Some(map) = font_map(doc, font) {
            let map = Arc::new(map);
            if let Some(id) = id {
                cache.insert(id, map.clone());
            }
            out.insert(name.clone(), map);
        }
    }
    out
}

/// The font's codes: from its ToUnicode CMap, or, for a simple font in a
/// standard encoding, printable ASCII as itself. None: leave its text alone.
fn font_map(doc: &Document, font: &Dictionary) -> Option<FontMap> {
    if let Ok((_, obj)) = font.get(b"ToUnicode").and_then(|o| doc.dereference(o)) {
        let cmap = obj.as_stream().ok()?.get_plain_content().ok()?;
        return parse_cmap(&String::from_utf8_lossy(&cmap));
    }
    let subtype = font.get(b"Subtype").and_then(Object::as_name).ok()?;
    if subtype == b"Type0" || subtype == b"Type3" {
        return None;
    }
    let standard = match font.get(b"Encoding") {
        Err(_) => true,
        Ok(Object::Name(n)) => matches!(
            n.as_slice(),
            b"WinAnsiEncoding" | b"StandardEncoding" | b"MacRomanEncoding"
        ),
        Ok(_) => false,
    };
    if !standard {
        return None;
    }
    let mut map = FontMap {
        width: 1,
        ..FontMap::default()
    };
    for b in 0x20u8..0x7f {
        map.to_char.insert(b as u32, b as char);
        map.from_char.insert(b as char, b as u32);
    }
    Some(map)
}

/// Read `bfchar` and `bfrange` sections of a ToUnicode CMap; only codes that
/// map to one character are kept.
fn parse_cmap(text: &str) -> Option<FontMap> {
    let mut map = FontMap::default();
    let mut section = "";
    let mut pending: Vec<&str> = Vec::new();
    let hex = |t: &str| u32::from_str_radix(t.trim_matches(|c| c == '<' || c == '>'), 16).ok();
    let utf16 = |t: &str| -> Option<char> {
        let h = t.trim_matches(|c| c == '<' || c == '>');
        let units: Vec<u16> = (0..h.len() / 4)
            .filter_map(|i| h.get(i * 4..i * 4 + 4))
            .filter_map(|u| u16::from_str_radix(u, 16).ok())
            .collect();
        let mut chars = char::decode_utf16(units);
        match (chars.next(), chars.next()) {
            (Some(Ok(c)), None) => Some(c),
            _ => None,
        }
    };
    let insert = |map: &mut FontMap, code: u32, c: char, width: usize| {
        map.width = map.width.max(width);
        map.to_char.insert(code, c);
        map.from_char.entry(c).or_insert(code);
    };
    for tok in text
        .split(|c: char| c.is_whitespace() || c == '[' || c == ']')
        .flat_map(split_hex)
    {
        match tok {
            "beginbfchar" | "beginbfrange" | "begincodespacerange" => {
                section = tok;
                pending.clear();
            }
            "endbfchar" | "endbfrange" | "endcodespacerange" => section = "",
            t if t.starts_with('<') => {
                pending.push(t);
                match (section, pending.len()) {
                    ("beginbfchar", 2) => {
                        let width = pending[0].len().saturating_sub(2) / 2;
                        if let (Some(code), Some(c)) = (hex(pending[0]), utf16(pending[1])) {
                            insert(&mut map, code, c, width);
                        }
                        pending.clear();
                    }
                    ("beginbfrange", 3) => {
                        let width = pending[0].len().saturating_sub(2) / 2;
                        if let (Some(lo), Some(hi), Some(c)) =
                            (hex(pending[0]), hex(pending[1]), utf16(pending[2]))
                        {
                            for (k, code) in (lo..=hi.min(lo + 0xffff)).enumerate() {
                                if let Some(ch) = char::from_u32(c as u32 + k as u32) {
                                    insert(&mut map, code, ch, width);
                                }
                            }
                        }
                        pending.clear();
                    }
                    ("begincodespacerange", 2) => pending.clear(),
                    _ => {}
                }
            }
            _ => {}
        }
    }
    (map.width > 0 && !map.to_char.is_empty()).then_some(map)
}

/// "<01><0045>" written without a space is two tokens.
fn split_hex(tok: &str) -> impl Iterator<Item = &str> {
    tok.split_inclusive('>').filter(|t| !t.is_empty())
}

/// Vary the text shown by each text-showing operator, in place. True when
/// anything changed.
fn edit_text(
    ops: &mut [Operation],
    fonts: &HashMap<Vec<u8>, Arc<FontMap>>,
    plan: &mut Plan,
) -> bool {
    let mut font: Option<&Arc<FontMap>> = None;
    let mut changed = false;
    for op in ops.iter_mut() {
        match op.operator.as_str() {
            "Tf" => {
                font = op
                    .operands
                    .first()
                    .and_then(|o| o.as_name().ok())
                    .and_then(|n| fonts.get(n));
            }
            "Tj" | "'" | "\"" | "TJ" => {
                let Some(f) = font else { continue };
                let mut strings: Vec<&mut Vec<u8>> = Vec::new();
                for operand in op.operands.iter_mut() {
                    match operand {
                        Object::String(bytes, _) => strings.push(bytes),
                        Object::Array(items) => {
                            for item in items.iter_mut() {
                                if let Object::String(bytes, _) = item {
                                    strings.push(bytes);
                                }
                            }
                        }
                        _ => {}
                    }
                }
                changed |= edit_strings(strings, f, plan);
            }
            _ => {}
        }
    }
    changed
}

/// The strings of one operator read as one text (a TJ array splits words for
/// kerning), varied, and written back code for code.
fn edit_strings(strings: Vec<&mut Vec<u8>>, font: &FontMap, plan: &mut Plan) -> bool {
    let w = font.width.clamp(1, 4);
    let code_at = |bytes: &[u8], i: usize| {
        bytes[i..i + w]
            .iter()
            .fold(0u32, |acc, b| (acc << 8) | *b as u32)
    };
    let mut text = String::new();
    for s in &strings {
        for i in (0..s.len() / w).map(|k| k * w) {
            // An unmapped code stands as a character no pattern matches.
            text.push(*font.to_char.get(&code_at(s, i)).unwrap_or(&'\u{fffd}'));
        }
    }
    let varied = plan.vary(&text, &|c| font.from_char.contains_key(&c));
    if varied == text {
        return false;
    }
    let mut new_chars = varied.chars().zip(text.chars());
    for s in strings {
        for i in (0..s.len() / w).map(|k| k * w) {
            let Some((new, old)) = new_chars.next() else {
                return true;
            };
            if new == old {
                continue;
            }
            if let Some(&code) = font.from_char.get(&new) {
                for (k, byte) in s[i..i + w].iter_mut().enumerate() {
                    *byte = (code >> (8 * (w - 1 - k))) as u8;
                }
            }
        }
    }
    true
}

/// Drop some pages and repeat others (never the first, never all).
fn vary_pages(doc: &mut Document, plan: &mut Plan) {
    let pages: Vec<(u32, ObjectId)> = doc.get_pages().into_iter().collect();
    if pages.len() < 3 {
        return;
    }
    let mut repeat = Vec::new();
    let mut drop = Vec::new();
    for &(n, id) in &pages[1..] {
        match plan.rng.below(100) {
            0..=7 => drop.push(n),
            8..=15 => repeat.push(id),
            _ => {}
        }
    }
    for id in repeat {
        // A repeated page whose tree cannot be followed stays single.
        let _ = repeat_page(doc, id);
    }
    doc.delete_pages(&drop);
}

fn repeat_page(doc: &mut Document, page: ObjectId) -> Result<(), lopdf::Error> {
    let dict = doc.get_dictionary(page)?.clone();
    let parent = dict.get(b"Parent")?.as_reference()?;
    let copy = doc.add_object(Object::Dictionary(dict));
    let kids = doc
        .get_dictionary_mut(parent)?
        .get_mut(b"Kids")?
        .as_array_mut()?;
    let at = kids
        .iter()
        .position(|k| k.as_reference().ok() == Some(page))
        .map_or(kids.len(), |p| p + 1);
    kids.insert(at, Object::Reference(copy));
    let mut node = Some(parent);
    while let Some(id) = node {
        let d = doc.get_dictionary_mut(id)?;
        if let Ok(count) = d.get(b"Count").and_then(Object::as_i64) {
            d.set("Count", count + 1);
        }
        node = d.get(b"Parent").and_then(Object::as_reference).ok();
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cmap_bfchar_and_bfrange() {
        let cmap = "1 begincodespacerange\n<00> <FF>\nendcodespacerange\n2 beginbfchar\n<01> <0045>\n<11><0031>\nendbfchar\n1 beginbfrange\n<20> <22> <0061>\nendbfrange\n";
        let m = parse_cmap(cmap).expect("a map");
        assert_eq!(m.width, 1);
        assert_eq!(m.to_char.get(&1), Some(&'E'));
        assert_eq!(m.to_char.get(&0x11), Some(&'1'));
        assert_eq!(m.to_char.get(&0x22), Some(&'c'));
        assert_eq!(m.from_char.get(&'b'), Some(&0x21));
    }

    #[test]
    fn two_byte_codes() {
        let m = parse_cmap("1 beginbfchar\n<0003> <0032>\nendbfchar").expect("a map");
        assert_eq!(m.width, 2);
        assert_eq!(m.to_char.get(&3), Some(&'2'));
    }
}

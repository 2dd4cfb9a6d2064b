//! Recovering a damaged PDF: a file cut short, or whose cross-reference
//! table, trailer or `startxref` is missing or wrong.
//!
//! As poppler (`XRef::constructXRef`), qpdf (`reconstruct_xref`) and MuPDF
//! (`pdf_repair_xref`) do, the object table is rebuilt from a scan of the
//! bytes for `N G obj` headers; the last whole copy of an object wins, as in
//! an incrementally updated file. Each object is copied into a fresh,
//! well-formed file: a stream's length is taken from where its `endstream`
//! really is (a wrong `/Length` is common damage), and a stream with no
//! `endstream` before the next object is not whole and is left out. The
//! page tree is then rebuilt flat from the pages the old tree still reaches,
//! in its order, then pages no tree reaches, in file order, each given the
//! attributes it inherited; a page the old tree names but the file no longer
//! holds keeps its place as an empty page, so page numbers stay those of
//! the whole file. This module does not read pages: see `pdf::read_in_process`.

use pdf_extract::{Dictionary, Document, Object, ObjectId};
use std::collections::{HashMap, HashSet};

/// What recovering a damaged PDF gave, as reported to the user and on the
/// file's `document` records.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize, schemars::JsonSchema)]
pub struct Recovery {
    /// Pages read.
    pub pages_read: u32,
    /// Pages the file had, as far as what is left of it says.
    pub pages_total: u32,
    /// Physical page numbers of the pages that could not be read.
    pub pages_unreadable: Vec<u32>,
}

impl Recovery {
    /// `recovered 31 of 47 pages (pages 32-47 unreadable)`.
    pub fn describe(&self) -> String {
        let mut text = format!(
            "recovered {} of {} pages",
            self.pages_read, self.pages_total
        );
        if !self.pages_unreadable.is_empty() {
            let noun = if self.pages_unreadable.len() == 1 {
                "page"
            } else {
                "pages"
            };
            text.push_str(&format!(
                " ({noun} {} unreadable)",
                ranges(&self.pages_unreadable)
            ));
        }
        text
    }
}

/// `[1, 2, 3, 7, 9, 10]` -> `1-3, 7, 9-10`.
fn ranges(numbers: &[u32]) -> String {
    let mut parts: Vec<String> = Vec::new();
    let mut i = 0;
    while i < numbers.len() {
        let start = numbers[i];
        let mut end = start;
        while i + 1 < numbers.len() && numbers[i + 1] == end + 1 {
            i += 1;
            end = numbers[i];
        }
        parts.push(if start == end {
            start.to_string()
        } else {
            format!("{start}-{end}")
        });
        i += 1;
    }
    parts.join(", ")
}

/// A damaged file loaded from its rebuilt object table.
pub struct Recovered {
    pub doc: Document,
    /// Pages the file had, as far as what is left of it says.
    pub pages_total: u32,
    /// Pages in the rebuilt tree that stand in for pages the file lost.
    pub placeholders: Vec<u32>,
}

/// One object found by the scan, as it goes into the rebuilt file.
struct FoundObject {
    id: ObjectId,
    bytes: Vec<u8>,
}

/// Rebuild the object table of a damaged PDF and load it; `None` when no
/// page could be found in what is left.
pub fn recover(bytes: &[u8]) -> Option<Recovered> {
    let mut objects = scan_objects(bytes);
    expand_object_streams(&mut objects);
    if objects.is_empty() {
        return None;
    }
    let order: HashMap<ObjectId, usize> =
        objects.iter().enumerate().map(|(i, o)| (o.id, i)).collect();
    let rebuilt = write_file(&objects, &trailer_entries(bytes, &order));
    let mut doc = Document::load_mem(&rebuilt).ok()?;
    drop_lost_extras(&mut doc);
    let tree = rebuild_page_tree(&mut doc, &order)?;
    Some(Recovered {
        doc,
        pages_total: tree.pages_total,
        placeholders: tree.placeholders,
    })
}

fn is_space(b: u8) -> bool {
    matches!(b, b'\0' | b'\t' | b'\n' | b'\x0c' | b'\r' | b' ')
}

fn is_delimiter(b: u8) -> bool {
    matches!(
        b,
        b'(' | b')' | b'<' | b'>' | b'[' | b']' | b'{' | b'}' | b'/' | b'%'
    )
}

/// Digits at `at`, at most `max` of them: their value and where they end.
fn digits(bytes: &[u8], at: usize, max: usize) -> Option<(u64, usize)> {
    let mut end = at;
    while end < bytes.len() && end - at < max && bytes[end].is_ascii_digit() {
        end += 1;
    }
    if end == at || (end < bytes.len() && bytes[end].is_ascii_digit()) {
        return None;
    }
    let value = std::str::from_utf8(&bytes[at..end]).ok()?.parse().ok()?;
    Some((value, end))
}

fn skip_space(bytes: &[u8], mut at: usize) -> usize {
    while at < bytes.len() && is_space(bytes[at]) {
        at += 1;
    }
    at
}

/// An object header `N G obj` starting at `at`: the id and where the body
/// begins.
fn header_at(bytes: &[u8], at: usize) -> Option<(ObjectId, usize)> {
    if at > 0 && !is_space(bytes[at - 1]) && !is_delimiter(bytes[at - 1]) {
        return None;
    }
    let (number, end) = digits(bytes, at, 10)?;
    let gen_at = skip_space(bytes, end);
    if gen_at == end {
        return None;
    }
    let (generation, end) = digits(bytes, gen_at, 5)?;
    let obj_at = skip_space(bytes, end);
    if obj_at == end || !bytes[obj_at..].starts_with(b"obj") {
        return None;
    }
    let body = obj_at + 3;
    if body < bytes.len() && !is_space(bytes[body]) && !is_delimiter(bytes[body]) {
        return None;
    }
    let number = u32::try_from(number).ok()?;
    let generation = u16::try_from(generation).ok()?;
    (number > 0).then_some(((number, generation), body))
}

/// Every object header in the file, in file order: (where it starts, id,
/// where its body begins).
fn headers(bytes: &[u8]) -> Vec<(usize, ObjectId, usize)> {
    let mut found = Vec::new();
    let mut at = 0;
    while at < bytes.len() {
        if bytes[at].is_ascii_digit() {
            if let Some((id, body)) = header_at(bytes, at) {
                found.push((at, id, body));
                at = body;
                continue;
            }
            // Skip the rest of this run of digits.
            while at < bytes.len() && bytes[at].is_ascii_digit() {
                at += 1;
            }
            continue;
        }
        at += 1;
    }
    found
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

fn trim(bytes: &[u8]) -> &[u8] {
    let start = bytes
        .iter()
        .position(|&b| !is_space(b))
        .unwrap_or(bytes.len());
    let end = bytes
        .iter()
        .rposition(|&b| !is_space(b))
        .map_or(start, |e| e + 1);
    &bytes[start..end.max(start)]
}

/// The objects of a damaged file, each whole and rewritten well-formed, in
/// file order; of two copies of one object the later whole one wins.
fn scan_objects(bytes: &[u8]) -> Vec<FoundObject> {
    let heads = headers(bytes);
    let mut kept: Vec<FoundObject> = Vec::new();
    let mut index: HashMap<ObjectId, usize> = HashMap::new();
    let mut k = 0;
    while k < heads.len() {
        let (_, id, body) = heads[k];
        let next = heads.get(k + 1).map_or(bytes.len(), |h| h.0);
        k += 1;
        let segment = &bytes[body..next];
        let object = match stream_keyword(segment) {
            Some(keyword) => {
                let Some((object, end)) = stream_object(bytes, id, body, body + keyword, next)
                else {
                    continue;
                };
                // What looked like headers inside a stream's stated length
                // were its data.
                while k < heads.len() && heads[k].0 < end {
                    k += 1;
                }
                object
            }
            None => {
                let end = find(segment, b"endobj").unwrap_or(segment.len());
                let body = trim(&segment[..end]);
                if body.is_empty() {
                    continue;
                }
                let mut out = format!("{} {} obj\n", id.0, id.1).into_bytes();
                out.extend_from_slice(body);
                out.extend_from_slice(b"\nendobj\n");
                FoundObject { id, bytes: out }
            }
        };
        match index.get(&id) {
            Some(&i) => kept[i] = object,
            None => {
                index.insert(id, kept.len());
                kept.push(object);
            }
        }
    }
    kept
}

/// Add the objects of each object stream as plain objects, as far as its
/// data can be inflated: a stream damaged halfway still gives the objects
/// before the damage, where a reader that inflates it whole loses them all.
/// An object also found outside any stream keeps that copy.
fn expand_object_streams(objects: &mut Vec<FoundObject>) {
    let plain: HashSet<ObjectId> = objects.iter().map(|o| o.id).collect();
    let mut added: Vec<FoundObject> = Vec::new();
    let mut seen = HashSet::new();
    for object in objects.iter() {
        let Some(stream) = ObjectStream::of(&object.bytes) else {
            continue;
        };
        for (number, text) in stream.objects() {
            let id = (number, 0);
            if plain.contains(&id) || !seen.insert(id) {
                continue;
            }
            let mut out = format!("{number} 0 obj\n").into_bytes();
            out.extend_from_slice(text);
            out.extend_from_slice(b"\nendobj\n");
            added.push(FoundObject { id, bytes: out });
        }
    }
    objects.extend(added);
}

/// An object stream (`/Type /ObjStm`) as far as it inflates.
struct ObjectStream {
    data: Vec<u8>,
    /// Whether all of it inflated.
    whole: bool,
    count: usize,
    first: usize,
}

impl ObjectStream {
    /// `bytes` is an object as [`scan_objects`] rewrote it.
    fn of(bytes: &[u8]) -> Option<ObjectStream> {
        let keyword = find(bytes, b">>\nstream\n")?;
        let dict = &bytes[..keyword + 2];
        find(dict, b"/ObjStm")?;
        let number_after = |key: &[u8]| {
            let at = find(dict, key)? + key.len();
            digits(dict, skip_space(dict, at), 12).map(|(n, _)| n as usize)
        };
        let count = number_after(b"/N")?;
        let first = number_after(b"/First")?;
        let start = keyword + b">>\nstream\n".len();
        let end = bytes.len().checked_sub(b"\nendstream\nendobj\n".len())?;
        let raw = bytes.get(start..end)?;
        let (data, whole) = if find(dict, b"/FlateDecode").is_some() {
            inflate_prefix(raw)
        } else if find(dict, b"/Filter").is_none() {
            (raw.to_vec(), true)
        } else {
            return None;
        };
        Some(ObjectStream {
            data,
            whole,
            count,
            first,
        })
    }

    /// (object number, its text) of every object wholly inflated.
    fn objects(&self) -> Vec<(u32, &[u8])> {
        let header = &self.data[..self.first.min(self.data.len())];
        let numbers: Vec<usize> = header
            .split(|&b| is_space(b))
            .filter(|t| !t.is_empty())
            .map_while(|t| std::str::from_utf8(t).ok()?.parse().ok())
            .collect();
        let pairs: Vec<(usize, usize)> = numbers
            .chunks_exact(2)
            .take(self.count)
            .map(|p| (p[0], p[1]))
            .collect();
        let mut out = Vec::new();
        for (k, &(number, offset)) in pairs.iter().enumerate() {
            let start = self.first.saturating_add(offset);
            let end = match pairs.get(k + 1) {
                Some(&(_, next)) => self.first.saturating_add(next),
                None if self.whole => self.data.len(),
                None => continue,
            };
            let (Ok(number), Some(text)) = (u32::try_from(number), self.data.get(start..end))
            else {
                continue;
            };
            if number > 0 && !trim(text).is_empty() {
                out.push((number, trim(text)));
            }
        }
        out
    }
}

/// Inflate zlib data as far as it goes: what came out, and whether that
/// was all of it.
fn inflate_prefix(raw: &[u8]) -> (Vec<u8>, bool) {
    use std::io::Read;
    /// An object stream holds a few hundred objects; a bound against bombs.
    const MAX_INFLATED: usize = 64 << 20;
    let mut decoder = flate2::read::ZlibDecoder::new(raw);
    let mut out = Vec::new();
    let mut buf = [0u8; 16 * 1024];
    loop {
        match decoder.read(&mut buf) {
            Ok(0) => return (out, true),
            Ok(n) if out.len() + n <= MAX_INFLATED => out.extend_from_slice(&buf[..n]),
            Ok(_) | Err(_) => return (out, false),
        }
    }
}

/// Where the `stream` keyword after an object's dictionary is, if the object
/// is a stream.
fn stream_keyword(segment: &[u8]) -> Option<usize> {
    let endobj = find(segment, b"endobj").unwrap_or(segment.len());
    let at = find(&segment[..endobj], b"stream")?;
    trim(&segment[..at]).ends_with(b">>").then_some(at)
}

/// A stream object rewritten with its true length, and where it ends in the
/// file; `None` when its data has no end (cut short, or `endstream` lost).
fn stream_object(
    bytes: &[u8],
    id: ObjectId,
    body: usize,
    keyword: usize,
    next_header: usize,
) -> Option<(FoundObject, usize)> {
    let dict = trim(&bytes[body..keyword]);
    let mut data_start = keyword + b"stream".len();
    if bytes[data_start..].starts_with(b"\r\n") {
        data_start += 2;
    } else if bytes[data_start..].starts_with(b"\n") || bytes[data_start..].starts_with(b"\r") {
        data_start += 1;
    }
    let data_end = stated_end(bytes, dict, data_start).or_else(|| {
        // The next header bounds the search: past it lies another object.
        let at = find(bytes.get(data_start..next_header)?, b"endstream")?;
        let mut end = data_start + at;
        if end > data_start && bytes[end - 1] == b'\n' {
            end -= 1;
        }
        if end > data_start && bytes[end - 1] == b'\r' {
            end -= 1;
        }
        Some(end)
    })?;
    let data = &bytes[data_start..data_end];
    let mut out = format!("{} {} obj\n", id.0, id.1).into_bytes();
    // The last of two `/Length` entries is the one a parser keeps.
    out.extend_from_slice(&dict[..dict.len() - 2]);
    out.extend_from_slice(format!(" /Length {} >>\nstream\n", data.len()).as_bytes());
    out.extend_from_slice(data);
    out.extend_from_slice(b"\nendstream\nendobj\n");
    let end = data_end + find(&bytes[data_end..], b"endstream").unwrap_or(0);
    Some((FoundObject { id, bytes: out }, end))
}

/// The end of a stream's data by its direct `/Length`, if that length is
/// right (`endstream` follows it).
fn stated_end(bytes: &[u8], dict: &[u8], data_start: usize) -> Option<usize> {
    let mut from = 0;
    while let Some(at) = find(&dict[from..], b"/Length") {
        let key_end = from + at + b"/Length".len();
        from = key_end;
        if key_end < dict.len() && !is_space(dict[key_end]) && !is_delimiter(dict[key_end]) {
            continue; // /Length1, /Length2 …
        }
        let value_at = skip_space(dict, key_end);
        let (length, end) = digits(dict, value_at, 12)?;
        // `N G R` is an indirect length: not read here.
        let after = skip_space(dict, end);
        if digits(dict, after, 5).is_some() {
            return None;
        }
        let end = data_start.checked_add(usize::try_from(length).ok()?)?;
        let tail = bytes.get(end..)?;
        let tail = &tail[tail.iter().take(2).take_while(|&&b| is_space(b)).count()..];
        return tail.starts_with(b"endstream").then_some(end);
    }
    None
}

/// Trailer entries worth keeping, as PDF text: the last `/Root`, `/Info`
/// and `/Encrypt` references to objects the file still holds (from a
/// trailer or a cross-reference stream) and the last `/ID`.
fn trailer_entries(bytes: &[u8], objects: &HashMap<ObjectId, usize>) -> String {
    let mut out = String::new();
    for key in [&b"/Root"[..], b"/Info", b"/Encrypt"] {
        let mut found = None;
        let mut from = 0;
        while let Some(at) = find(&bytes[from..], key) {
            let value = from + at + key.len();
            from = value;
            if let Some(id) = reference_at(bytes, skip_space(bytes, value)) {
                if objects.contains_key(&id) {
                    found = Some(id);
                }
            }
        }
        if let Some((n, g)) = found {
            out.push_str(&format!(" {} {n} {g} R", String::from_utf8_lossy(key)));
        }
    }
    if let Some(id) = last_id_array(bytes) {
        out.push_str(" /ID ");
        out.push_str(&id);
    }
    out
}

/// `N G R` at `at`.
fn reference_at(bytes: &[u8], at: usize) -> Option<ObjectId> {
    let (n, end) = digits(bytes, at, 10)?;
    let g_at = skip_space(bytes, end);
    let (g, end) = digits(bytes, g_at, 5)?;
    let r_at = skip_space(bytes, end);
    if bytes.get(r_at) != Some(&b'R') {
        return None;
    }
    Some((u32::try_from(n).ok()?, u16::try_from(g).ok()?))
}

/// The last `/ID [<…> <…>]` in the file, as written (encrypted files need
/// it to derive their key).
fn last_id_array(bytes: &[u8]) -> Option<String> {
    let mut found = None;
    let mut from = 0;
    while let Some(at) = find(&bytes[from..], b"/ID") {
        let value = skip_space(bytes, from + at + 3);
        from = from + at + 3;
        if bytes.get(value) != Some(&b'[') {
            continue;
        }
        let close = bytes[value..].iter().take(300).position(|&b| b == b']');
        if let Some(close) = close {
            let text = &bytes[value..=value + close];
            if text
                .iter()
                .all(|&b| b.is_ascii_hexdigit() || b"[]<> \r\n".contains(&b))
            {
                found = Some(String::from_utf8_lossy(text).into_owned());
            }
        }
    }
    found
}

/// A well-formed PDF of `objects`, with a cross-reference table and a
/// trailer holding `trailer_extra`.
fn write_file(objects: &[FoundObject], trailer_extra: &str) -> Vec<u8> {
    let mut out = b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n".to_vec();
    let mut offsets: Vec<(u32, u16, usize)> = Vec::new();
    for o in objects {
        offsets.push((o.id.0, o.id.1, out.len()));
        out.extend_from_slice(&o.bytes);
    }
    offsets.sort_unstable();
    let size = offsets.last().map_or(1, |o| o.0 + 1);
    let xref = out.len();
    out.extend_from_slice(b"xref\n");
    // One subsection per object keeps gaps in the numbering free.
    out.extend_from_slice(b"0 1\n0000000000 65535 f \n");
    for (n, g, offset) in offsets {
        out.extend_from_slice(format!("{n} 1\n{offset:010} {g:05} n \n").as_bytes());
    }
    out.extend_from_slice(
        format!("trailer\n<< /Size {size}{trailer_extra} >>\nstartxref\n{xref}\n%%EOF\n")
            .as_bytes(),
    );
    out
}

/// Remove references to lost objects that a page's text can do without
/// (an embedded font program cut off with the end of the file, say), so
/// that the reader falls back as it does where they were never there; a
/// lost graphics state becomes an empty one, which changes nothing (as
/// MuPDF reads a lost object as null).
fn drop_lost_extras(doc: &mut Document) {
    let present: HashSet<ObjectId> = doc.objects.keys().copied().collect();
    let mut state_tables: HashSet<ObjectId> = HashSet::new();
    for object in doc.objects.values() {
        if let Some(dict) = dict_of(object) {
            collect_state_tables(dict, &mut state_tables);
        }
    }
    for (id, object) in doc.objects.iter_mut() {
        let Some(dict) = dict_of_mut(object) else {
            continue;
        };
        if state_tables.contains(id) {
            empty_lost_states(dict, &present);
        }
        patch(dict, &present, 0);
    }
}

fn dict_of(object: &Object) -> Option<&Dictionary> {
    match object {
        Object::Dictionary(d) => Some(d),
        Object::Stream(s) => Some(&s.dict),
        _ => None,
    }
}

fn dict_of_mut(object: &mut Object) -> Option<&mut Dictionary> {
    match object {
        Object::Dictionary(d) => Some(d),
        Object::Stream(s) => Some(&mut s.dict),
        _ => None,
    }
}

/// Objects that are an `/ExtGState` table of some resource dictionary.
fn collect_state_tables(dict: &Dictionary, out: &mut HashSet<ObjectId>) {
    for (key, value) in dict.iter() {
        match value {
            Object::Reference(id) if key.as_slice() == b"ExtGState" => {
                out.insert(*id);
            }
            Object::Dictionary(inner) => collect_state_tables(inner, out),
            _ => {}
        }
    }
}

fn empty_lost_states(table: &mut Dictionary, present: &HashSet<ObjectId>) {
    for (_, value) in table.iter_mut() {
        if value.as_reference().is_ok_and(|id| !present.contains(&id)) {
            *value = Object::Dictionary(Dictionary::new());
        }
    }
}

fn patch(dict: &mut Dictionary, present: &HashSet<ObjectId>, depth: usize) {
    if depth > MAX_TREE_DEPTH {
        return;
    }
    let lost: Vec<Vec<u8>> = dict
        .iter()
        .filter(|(key, value)| {
            NOT_NEEDED_FOR_TEXT.contains(&key.as_slice())
                && key.as_slice() != b"Parent"
                && value.as_reference().is_ok_and(|id| !present.contains(&id))
        })
        .map(|(key, _)| key.clone())
        .collect();
    for key in lost {
        dict.remove(&key);
    }
    for (key, value) in dict.iter_mut() {
        if let Object::Dictionary(inner) = value {
            if key.as_slice() == b"ExtGState" {
                empty_lost_states(inner, present);
            }
            patch(inner, present, depth + 1);
        }
    }
}

/// A place in the old page tree.
enum Slot {
    Page(ObjectId),
    /// A kid the file no longer holds.
    Missing,
}

struct PageTree {
    pages_total: u32,
    placeholders: Vec<u32>,
}

/// Deep enough for any real page tree, shallow enough to stop a cycle early.
const MAX_TREE_DEPTH: usize = 64;

fn name_is(dict: &Dictionary, key: &[u8], value: &[u8]) -> bool {
    dict.get(key)
        .and_then(Object::as_name)
        .is_ok_and(|n| n == value)
}

fn is_page(dict: &Dictionary) -> bool {
    name_is(dict, b"Type", b"Page")
}

fn integer(doc: &Document, dict: &Dictionary, key: &[u8]) -> Option<i64> {
    let value = dict.get(key).ok()?;
    let value = match value.as_reference() {
        Ok(id) => doc.get_object(id).ok()?,
        Err(_) => value,
    };
    value.as_i64().ok()
}

/// The old tree's leaves in order, from node `id`.
fn walk(
    doc: &Document,
    id: ObjectId,
    depth: usize,
    seen: &mut HashSet<ObjectId>,
    out: &mut Vec<Slot>,
) {
    if depth > MAX_TREE_DEPTH || !seen.insert(id) {
        return;
    }
    let Ok(dict) = doc.get_dictionary(id) else {
        out.push(Slot::Missing);
        return;
    };
    if is_page(dict) {
        out.push(Slot::Page(id));
        return;
    }
    let Ok(kids) = dict.get(b"Kids").and_then(Object::as_array) else {
        return;
    };
    for kid in kids {
        if let Ok(kid) = kid.as_reference() {
            walk(doc, kid, depth + 1, seen, out);
        }
    }
}

/// The attributes a page inherits from its ancestors (PDF 32000-1 §7.7.3.4).
const INHERITED: [&[u8]; 4] = [b"Resources", b"MediaBox", b"CropBox", b"Rotate"];

fn inherited(doc: &Document, page: &Dictionary) -> Vec<(Vec<u8>, Object)> {
    let mut found = Vec::new();
    for key in INHERITED {
        if page.has(key) {
            continue;
        }
        let mut node = page;
        for _ in 0..MAX_TREE_DEPTH {
            let Some(parent) = node
                .get(b"Parent")
                .and_then(Object::as_reference)
                .ok()
                .and_then(|id| doc.get_dictionary(id).ok())
            else {
                break;
            };
            if let Ok(value) = parent.get(key) {
                found.push((key.to_vec(), value.clone()));
                break;
            }
            node = parent;
        }
    }
    found
}

/// Replace the page tree by a flat one: the pages the old tree reaches, in
/// its order, an empty page for each kid it lost, then pages no tree
/// reaches, in file order.
fn rebuild_page_tree(doc: &mut Document, order: &HashMap<ObjectId, usize>) -> Option<PageTree> {
    let catalog_id = doc
        .trailer
        .get(b"Root")
        .and_then(Object::as_reference)
        .ok()
        .filter(|&id| doc.get_dictionary(id).is_ok())
        .or_else(|| {
            doc.objects
                .iter()
                .find(|(_, o)| o.as_dict().is_ok_and(|d| name_is(d, b"Type", b"Catalog")))
                .map(|(&id, _)| id)
        });
    let root = catalog_id
        .and_then(|id| doc.get_dictionary(id).ok())
        .and_then(|c| c.get(b"Pages").and_then(Object::as_reference).ok());
    let mut slots = Vec::new();
    let mut declared = 0;
    if let Some(root) = root {
        walk(doc, root, 0, &mut HashSet::new(), &mut slots);
        if let Ok(dict) = doc.get_dictionary(root) {
            declared = integer(doc, dict, b"Count").unwrap_or(0);
        }
    }
    while matches!(slots.last(), Some(Slot::Missing)) {
        slots.pop();
    }
    let reached: HashSet<ObjectId> = slots
        .iter()
        .filter_map(|s| match s {
            Slot::Page(id) => Some(*id),
            Slot::Missing => None,
        })
        .collect();
    let mut orphans: Vec<ObjectId> = doc
        .objects
        .iter()
        .filter(|(id, o)| !reached.contains(id) && o.as_dict().is_ok_and(is_page))
        .map(|(&id, _)| id)
        .collect();
    orphans.sort_by_key(|id| order.get(id).copied().unwrap_or(usize::MAX));
    // What is left may still say how many pages there were: the root's
    // count, a top-level node's count, a linearised file's page count.
    for object in doc.objects.values() {
        let Ok(dict) = object.as_dict() else { continue };
        let counts = if name_is(dict, b"Type", b"Pages") && !dict.has(b"Parent") {
            integer(doc, dict, b"Count")
        } else if dict.has(b"Linearized") {
            integer(doc, dict, b"N")
        } else {
            None
        };
        declared = declared.max(counts.unwrap_or(0));
    }
    if reached.is_empty() && orphans.is_empty() {
        return None;
    }

    let root_id = doc.new_object_id();
    let mut kids = Vec::new();
    let mut placeholders = Vec::new();
    let pages = slots.into_iter().chain(orphans.into_iter().map(Slot::Page));
    for slot in pages {
        let id = match slot {
            Slot::Page(id) => id,
            Slot::Missing => {
                placeholders.push(kids.len() as u32 + 1);
                let mut page = Dictionary::new();
                page.set("Type", Object::Name(b"Page".to_vec()));
                doc.add_object(Object::Dictionary(page))
            }
        };
        let extra = match doc.get_dictionary(id) {
            Ok(page) => inherited(doc, page),
            Err(_) => Vec::new(),
        };
        let Ok(page) = doc.get_dictionary_mut(id) else {
            continue;
        };
        for (key, value) in extra {
            page.set(key, value);
        }
        if !page.has(b"MediaBox") {
            // A4, the size of the papers this reads, where the lost
            // ancestors took the page's size with them.
            let a4 = [0, 0, 595, 842].map(Object::Integer).to_vec();
            page.set("MediaBox", Object::Array(a4));
        }
        page.set("Parent", Object::Reference(root_id));
        kids.push(Object::Reference(id));
    }
    let count = kids.len() as u32;
    let mut tree = Dictionary::new();
    tree.set("Type", Object::Name(b"Pages".to_vec()));
    tree.set("Count", Object::Integer(i64::from(count)));
    tree.set("Kids", Object::Array(kids));
    doc.objects.insert(root_id, Object::Dictionary(tree));
    let catalog_id = match catalog_id {
        Some(id) => id,
        None => {
            let mut catalog = Dictionary::new();
            catalog.set("Type", Object::Name(b"Catalog".to_vec()));
            doc.add_object(Object::Dictionary(catalog))
        }
    };
    if let Ok(catalog) = doc.get_dictionary_mut(catalog_id) {
        catalog.set("Pages", Object::Reference(root_id));
    }
    doc.trailer.set("Root", Object::Reference(catalog_id));
    let pages_total = u32::try_from(declared)
        .unwrap_or(0)
        .clamp(count, count + 100_000);
    Some(PageTree {
        pages_total,
        placeholders,
    })
}

/// Keys whose objects a page's text does not need: the tree above it,
/// font descriptors and embedded font programs (glyph shapes and metrics
/// the widths array also gives, not codes), annotations and metadata, and
/// what only changes colours or paint.
const NOT_NEEDED_FOR_TEXT: [&[u8]; 17] = [
    b"Parent",
    b"P",
    b"FontDescriptor",
    b"FontFile",
    b"FontFile2",
    b"FontFile3",
    b"Metadata",
    b"Thumb",
    b"Annots",
    b"B",
    b"PieceInfo",
    b"ColorSpace",
    b"ExtGState",
    b"Pattern",
    b"Shading",
    b"Group",
    b"SMask",
];

/// How many objects page `page` needs for its text (content streams, fonts
/// and their maps, form XObjects, recursively) that the file no longer
/// holds: a page whose objects are not whole is not read, as its text
/// would come out partly or in the wrong letters.
pub fn missing_objects(doc: &Document, page: ObjectId) -> usize {
    /// Enough for the largest real page; a bound, not a need.
    const MAX_VISITED: usize = 20_000;
    let mut seen = HashSet::new();
    let mut stack: Vec<&Object> = Vec::new();
    let mut missing = 0;
    match doc.get_object(page) {
        Ok(object) => stack.push(object),
        Err(_) => return 1,
    }
    seen.insert(page);
    while let Some(object) = stack.pop() {
        if seen.len() > MAX_VISITED {
            break;
        }
        let dict = match object {
            Object::Dictionary(d) => d,
            Object::Stream(s) => &s.dict,
            Object::Array(items) => {
                stack.extend(items.iter());
                continue;
            }
            Object::Reference(id) => {
                if seen.insert(*id) {
                    match doc.objects.get(id) {
                        Some(target) => stack.push(target),
                        None => missing += 1,
                    }
                }
                continue;
            }
            _ => continue,
        };
        for (key, value) in dict.iter() {
            if !NOT_NEEDED_FOR_TEXT.contains(&key.as_slice()) {
                stack.push(value);
            }
        }
    }
    missing
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ranges_join_runs() {
        assert_eq!(ranges(&[1, 2, 3, 7, 9, 10]), "1-3, 7, 9-10");
        assert_eq!(ranges(&[32]), "32");
    }

    #[test]
    fn describe_names_the_unreadable_pages() {
        let r = Recovery {
            pages_read: 31,
            pages_total: 47,
            pages_unreadable: (32..=47).collect(),
        };
        assert_eq!(
            r.describe(),
            "recovered 31 of 47 pages (pages 32-47 unreadable)"
        );
    }

    #[test]
    fn headers_are_found_and_references_are_not() {
        let bytes = b"1 0 obj\n<< /Kids [2 0 R] >>\nendobj\n12 3 obj<<>>endobj x1 0 obj";
        let ids: Vec<ObjectId> = headers(bytes).into_iter().map(|h| h.1).collect();
        assert_eq!(ids, vec![(1, 0), (12, 3)]);
    }

    #[test]
    fn a_wrong_length_is_replaced_by_where_endstream_is() {
        let bytes = b"%PDF-1.4\n4 0 obj\n<< /Length 999 >>\nstream\nBT ET\nendstream\nendobj\n";
        let objects = scan_objects(bytes);
        assert_eq!(objects.len(), 1);
        let text = String::from_utf8_lossy(&objects[0].bytes).into_owned();
        assert!(
            text.contains("<< /Length 999  /Length 5 >>\nstream\nBT ET\nendstream"),
            "{text}"
        );
    }

    #[test]
    fn a_stream_cut_short_is_left_out() {
        let bytes =
            b"%PDF-1.4\n1 0 obj\n<< /A 1 >>\nendobj\n4 0 obj\n<< /Length 999 >>\nstream\nBT ET";
        let ids: Vec<ObjectId> = scan_objects(bytes).into_iter().map(|o| o.id).collect();
        assert_eq!(ids, vec![(1, 0)]);
    }

    #[test]
    fn the_later_copy_of_an_object_wins() {
        let bytes = b"%PDF-1.4\n1 0 obj\n<< /A 1 >>\nendobj\n1 0 obj\n<< /A 2 >>\nendobj\n";
        let objects = scan_objects(bytes);
        assert_eq!(objects.len(), 1);
        assert!(String::from_utf8_lossy(&objects[0].bytes).contains("/A 2"));
    }
}

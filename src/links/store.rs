//! Links beside the index: `links.jsonl` in the index folder, one link a
//! line, sorted, written to a temporary name and renamed into place;
//! `link-nodes/`, the link view ([`Node`]s) of each indexed file's records
//! without its documents' texts, one file per indexed file in a compact
//! binary layout (see [`encode_file`]) with the path, SHA-256 and parser
//! version it was read at; `link-texts/`, the
//! texts of each file's documents, read only to find a lead never seen
//! before; `link-quotes.json`, where each recommendation's lead is quoted
//! in which document ([`LeadMatches`]); and `link-files.json`, the files
//! the links were computed from.
//!
//! After every `agendex index` run the links are brought up to date from
//! what the index stores, never from the files: the nodes of new and
//! changed files are read from the index's records, those of removed files
//! dropped, and every other file's taken from `link-nodes/` without
//! reading its records again. A lead scores in a document by the two
//! alone, so only the new documents' clauses are compared with the leads,
//! and only new leads with the other documents' clauses (read from
//! `link-texts/`, the one case where unchanged files' texts are read). The
//! links are then computed over all the nodes in memory, so a new minutes
//! file links back to last month's agenda without that agenda being parsed
//! or read again, a removed file takes its links with it, and the stored
//! links are always those a full computation over the records indexed
//! gives, whatever order the files came in. When no file changed, no node
//! is read and nothing is computed.

use super::quotes::{self, Found, LeadMatches};
use super::{compute_matched, Link, Node};
use crate::index::writer::Marker;
use crate::record::OutRecord;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};
use std::io::Write;
use std::path::{Path, PathBuf};

/// The links file of the index at `dir`.
pub fn path(dir: &Path) -> PathBuf {
    dir.join("links.jsonl")
}

/// The folder of each indexed file's link nodes.
fn nodes_dir(dir: &Path) -> PathBuf {
    dir.join("link-nodes")
}

/// The folder of each indexed file's documents' texts.
fn texts_dir(dir: &Path) -> PathBuf {
    dir.join("link-texts")
}

/// Where each lead is quoted.
fn quotes_path(dir: &Path) -> PathBuf {
    dir.join("link-quotes.json")
}

/// The files the stored links were computed from.
fn files_path(dir: &Path) -> PathBuf {
    dir.join("link-files.json")
}

/// The layout of what is kept: kept nodes of another layout are read
/// again from the index. 5: only the nodes links read are kept, each with
/// its text only where a link reads it then (documents apart, minutes and
/// items of the whole Council), its referral wording read once. 6: the
/// same nodes in a binary layout (`<hash>.bin`, [`encode_file`]) instead of
/// JSON (`<hash>.json`), read in a quarter of the time: reading the kept
/// nodes was a fifth of a re-index.
const FORMAT: u32 = 6;

/// What a kept nodes file starts with, before its layout number.
const MAGIC: &[u8; 4] = b"AGXN";

/// One indexed file's link nodes, as kept in `link-nodes/` (its
/// documents' texts apart, in `link-texts/`).
#[derive(Debug)]
struct FileNodes {
    format: u32,
    path: String,
    sha256: String,
    version: String,
    nodes: Vec<Node>,
}

impl FileNodes {
    /// Whether these nodes were read from the file as the index holds it.
    fn is_of(&self, path: &str, marker: &Marker) -> bool {
        self.format == FORMAT
            && self.path == path
            && self.sha256 == marker.sha256
            && self.version == marker.version
    }
}

/// One document's text, as kept in `link-texts/`.
#[derive(Debug, Serialize, Deserialize)]
struct DocumentText {
    id: String,
    text: String,
}

/// `link-quotes.json`: the documents whose clauses were compared with
/// every lead of `leads`, and where each lead was found.
#[derive(Debug, Default, Serialize, Deserialize)]
struct QuoteStore {
    documents: BTreeSet<String>,
    leads: LeadMatches,
}

/// `link-files.json`: path → SHA-256 and parser version of each file the
/// links were computed from.
type FileList = BTreeMap<String, (String, String)>;

fn file_list(markers: &BTreeMap<String, Marker>) -> FileList {
    markers
        .iter()
        .map(|(p, m)| (p.clone(), (m.sha256.clone(), m.version.clone())))
        .collect()
}

/// The name a file's texts are kept under: the SHA-256 of its path (two
/// paths may hold the same content).
fn cache_name(path: &str) -> String {
    format!("{}.json", cache_stem(path))
}

/// The SHA-256 of a file's path, naming what is kept of it.
fn cache_stem(path: &str) -> String {
    crate::walk::sha256_hex(path.as_bytes())
}

/// The name a file's nodes are kept under.
fn nodes_name(stem: &str) -> String {
    format!("{stem}.bin")
}

/// A file's kept nodes in the binary layout: [`MAGIC`], the layout
/// number, path, SHA-256, parser version and the count of nodes, then each
/// node's fields in the order [`Node`] declares them. A number is 4 bytes
/// little-endian; a text its length (a number) and its UTF-8 bytes; an
/// absent value one byte 0, a present one 1 and the value; a list its
/// length and its items.
fn encode_file(f: &FileNodes) -> Vec<u8> {
    let mut out = Vec::with_capacity(4096);
    out.extend_from_slice(MAGIC);
    put_u32(&mut out, f.format);
    for s in [&f.path, &f.sha256, &f.version] {
        put_str(&mut out, s);
    }
    put_u32(&mut out, f.nodes.len() as u32);
    for n in &f.nodes {
        for s in [&n.id, &n.kind, &n.file, &n.path] {
            put_str(&mut out, s);
        }
        put_u32(&mut out, n.page);
        put_opt(&mut out, n.printed_page.as_ref(), |o, v| put_u32(o, *v));
        put_str(&mut out, &n.doc_type);
        put_opt(&mut out, n.doc_title.as_ref(), |o, s| put_str(o, s));
        put_u32(&mut out, n.doc_pages[0]);
        put_u32(&mut out, n.doc_pages[1]);
        for s in [&n.body, &n.date, &n.number, &n.title] {
            put_opt(&mut out, s.as_ref(), |o, s| put_str(o, s));
        }
        put_opt(&mut out, n.pages.as_ref(), |o, p| {
            put_u32(o, p[0]);
            put_u32(o, p[1]);
        });
        for s in [&n.item_stamp, &n.decision_number] {
            put_opt(&mut out, s.as_ref(), |o, s| put_str(o, s));
        }
        put_opt(&mut out, n.lead.as_ref(), |o, words| {
            put_u32(o, words.len() as u32);
            for w in words {
                put_str(o, w);
            }
        });
        put_opt(&mut out, n.referral.as_ref(), |o, s| put_str(o, s));
        put_str(&mut out, &n.text);
    }
    out
}

fn put_u32(out: &mut Vec<u8>, v: u32) {
    out.extend_from_slice(&v.to_le_bytes());
}

fn put_str(out: &mut Vec<u8>, s: &str) {
    put_u32(out, s.len() as u32);
    out.extend_from_slice(s.as_bytes());
}

fn put_opt<T>(out: &mut Vec<u8>, v: Option<&T>, put: impl Fn(&mut Vec<u8>, &T)) {
    match v {
        None => out.push(0),
        Some(v) => {
            out.push(1);
            put(out, v);
        }
    }
}

/// A file's kept nodes read back from [`encode_file`]'s layout; `None`
/// for another layout (an older one, or JSON) or a damaged file.
fn decode_file(bytes: &[u8]) -> Option<FileNodes> {
    let mut r = Reader { bytes, at: 0 };
    if r.take(4)? != MAGIC || r.u32()? != FORMAT {
        return None;
    }
    let (path, sha256, version) = (r.string()?, r.string()?, r.string()?);
    let count = r.u32()? as usize;
    // Each node takes at least a byte: a damaged count reserves nothing
    // absurd.
    let mut nodes = Vec::with_capacity(count.min(bytes.len()));
    for _ in 0..count {
        let mut n = Node {
            id: r.string()?,
            kind: r.string()?,
            file: r.string()?,
            path: r.string()?,
            page: r.u32()?,
            ..Node::default()
        };
        n.printed_page = r.opt(Reader::u32)?;
        n.doc_type = r.string()?;
        n.doc_title = r.opt(Reader::string)?;
        n.doc_pages = [r.u32()?, r.u32()?];
        n.body = r.opt(Reader::string)?;
        n.date = r.opt(Reader::string)?;
        n.number = r.opt(Reader::string)?;
        n.title = r.opt(Reader::string)?;
        n.pages = r.opt(|r| Some([r.u32()?, r.u32()?]))?;
        n.item_stamp = r.opt(Reader::string)?;
        n.decision_number = r.opt(Reader::string)?;
        n.lead = r.opt(|r| {
            let len = r.u32()? as usize;
            let mut words = Vec::with_capacity(len.min(LEAD_WORDS_MAX));
            for _ in 0..len {
                words.push(r.string()?);
            }
            Some(words)
        })?;
        n.referral = r.opt(Reader::string)?;
        n.text = r.string()?;
        nodes.push(n);
    }
    (r.at == bytes.len()).then_some(FileNodes {
        format: FORMAT,
        path,
        sha256,
        version,
        nodes,
    })
}

/// Room reserved for a lead's words before reading them (a lead holds at
/// most 24).
const LEAD_WORDS_MAX: usize = 32;

/// Reads [`encode_file`]'s layout; every read is `None` past the end.
struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl Reader<'_> {
    fn take(&mut self, len: usize) -> Option<&[u8]> {
        let end = self.at.checked_add(len)?;
        let out = self.bytes.get(self.at..end)?;
        self.at = end;
        Some(out)
    }

    fn u32(&mut self) -> Option<u32> {
        Some(u32::from_le_bytes(self.take(4)?.try_into().ok()?))
    }

    fn string(&mut self) -> Option<String> {
        let len = self.u32()? as usize;
        String::from_utf8(self.take(len)?.to_vec()).ok()
    }

    /// An absent value (`Some(None)`) or a present one read by `read`;
    /// `None` when damaged.
    fn opt<T>(&mut self, read: impl FnOnce(&mut Self) -> Option<T>) -> Option<Option<T>> {
        match self.take(1)?[0] {
            0 => Some(None),
            1 => read(self).map(Some),
            _ => None,
        }
    }
}

/// Write `bytes` to `dest`, atomically.
fn write_bytes(dest: &Path, bytes: &[u8]) -> anyhow::Result<()> {
    let tmp = dest.with_extension("tmp");
    std::fs::write(&tmp, bytes)?;
    std::fs::rename(&tmp, dest)?;
    Ok(())
}

/// The nodes of every indexed file, and what it took to get them.
struct Loaded {
    /// In the index's order: by path, records in document order; the
    /// documents' texts taken out.
    files: Vec<FileNodes>,
    /// Files whose records were read from the index (new or changed),
    /// with their documents' texts.
    read: Vec<(String, Vec<DocumentText>)>,
    /// Kept nodes of files the index no longer holds (the stems of their
    /// names, see [`cache_stem`]).
    dropped: Vec<String>,
}

/// Every indexed file's nodes: from `link-nodes/` where they were read
/// from the file as the index now holds it (and its texts are kept),
/// otherwise from its records.
fn load(dir: &Path, markers: Option<BTreeMap<String, Marker>>) -> anyhow::Result<Loaded> {
    let mut kept: HashMap<String, FileNodes> = HashMap::new();
    let mut unreadable = Vec::new();
    let texts: HashSet<String> = std::fs::read_dir(texts_dir(dir))
        .map(|entries| {
            entries
                .flatten()
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .collect()
        })
        .unwrap_or_default();
    // Kept nodes by the stem of their name: those of the binary layout
    // are read, those of an older layout (JSON) are read again from the
    // index, once, and removed then.
    let mut names: Vec<(String, PathBuf)> = Vec::new();
    for (name, path) in std::fs::read_dir(nodes_dir(dir))
        .map(|entries| {
            entries
                .flatten()
                .map(|e| (e.file_name().to_string_lossy().into_owned(), e.path()))
                .collect::<Vec<_>>()
        })
        .unwrap_or_default()
    {
        if let Some(stem) = name.strip_suffix(".bin") {
            names.push((stem.to_string(), path));
        } else if let Some(stem) = name.strip_suffix(".json") {
            unreadable.push(stem.to_string());
        }
    }
    // Read on every core: the kept nodes are most of what a run reads.
    use rayon::prelude::*;
    let read_kept: Vec<(String, Option<FileNodes>)> = names
        .into_par_iter()
        .map(|(stem, path)| {
            // A damaged entry, or one whose texts are gone, is read again
            // from the index.
            let nodes = std::fs::read(path)
                .ok()
                .and_then(|b| decode_file(&b))
                .filter(|_| texts.contains(&format!("{stem}.json")));
            (stem, nodes)
        })
        .collect();
    for (stem, nodes) in read_kept {
        match nodes {
            Some(f) => {
                kept.insert(stem, f);
            }
            None => unreadable.push(stem),
        }
    }
    let current = |path: &str, marker: &Marker| {
        kept.get(&cache_stem(path))
            .is_some_and(|f| f.is_of(path, marker))
    };
    let mut fresh: BTreeMap<String, Vec<Node>> = BTreeMap::new();
    let mut bad = None;
    let markers = crate::index::export::for_each_record_known(
        dir,
        markers,
        &|path, marker| !current(path, marker),
        &mut |path, json| match serde_json::from_str::<OutRecord>(json) {
            Ok(r) => {
                let nodes = fresh.entry(path.to_string()).or_default();
                let node = Node::of(&r);
                if node.is_read_by_links() {
                    nodes.push(node);
                }
                true
            }
            Err(e) => {
                bad = Some(e);
                false
            }
        },
    )?;
    if let Some(e) = bad {
        anyhow::bail!("a stored record could not be read: {e}");
    }
    let mut files = Vec::with_capacity(markers.len());
    let mut read = Vec::new();
    for (path, marker) in &markers {
        match kept.remove(&cache_stem(path)) {
            Some(f) if f.is_of(path, marker) => files.push(f),
            _ => {
                let mut nodes = fresh.remove(path).unwrap_or_default();
                let texts = nodes
                    .iter_mut()
                    .filter(|n| n.kind == "document")
                    .map(|n| DocumentText {
                        id: n.id.clone(),
                        text: std::mem::take(&mut n.text),
                    })
                    .collect();
                read.push((path.clone(), texts));
                files.push(FileNodes {
                    format: FORMAT,
                    path: path.clone(),
                    sha256: marker.sha256.clone(),
                    version: marker.version.clone(),
                    nodes,
                });
            }
        }
    }
    // Entries of files read again are written anew, not dropped.
    let rewritten: HashSet<String> = read.iter().map(|(p, _)| cache_stem(p)).collect();
    let mut dropped: Vec<String> = kept
        .into_keys()
        .chain(unreadable)
        .filter(|n| !rewritten.contains(n))
        .collect();
    dropped.sort();
    dropped.dedup();
    Ok(Loaded {
        files,
        read,
        dropped,
    })
}

/// Every record of the index at `dir` that links read, as link nodes
/// (without the documents' texts; see [`Node::is_read_by_links`]).
pub fn nodes(dir: &Path) -> anyhow::Result<Vec<Node>> {
    Ok(load(dir, None)?
        .files
        .into_iter()
        .flat_map(|f| f.nodes)
        .collect())
}

/// What [`refresh`] did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Refreshed {
    /// Links stored.
    pub links: usize,
    /// Files whose records were read (new or changed since the last run).
    pub files_read: usize,
    /// Files gone from the index whose nodes were dropped.
    pub files_dropped: usize,
    /// Whether the links were computed (some file changed, or no links
    /// were stored yet).
    pub computed: bool,
}

/// Bring the links of the index at `dir` up to date: read the records of
/// new and changed files only, and compute the links again when any file
/// came, changed or went.
pub fn refresh(dir: &Path) -> anyhow::Result<Refreshed> {
    refresh_known(dir, None)
}

/// [`refresh`] where the markers of the files the index holds are known
/// (`held`, as the run that wrote the index left them): they are not
/// read from the index again.
pub fn refresh_known(
    dir: &Path,
    held: Option<BTreeMap<String, Marker>>,
) -> anyhow::Result<Refreshed> {
    let links_path = path(dir);
    let stored_count = || -> anyhow::Result<Refreshed> {
        let stored = std::fs::read(&links_path)?;
        Ok(Refreshed {
            links: stored.iter().filter(|&&b| b == b'\n').count(),
            files_read: 0,
            files_dropped: 0,
            computed: false,
        })
    };
    // The files the links were computed from, against the index's: when
    // they agree, no node is read.
    let mut read_before = held;
    if links_path.is_file() {
        let markers = match read_before.take() {
            Some(m) => m,
            None => crate::index::export::markers(dir)?,
        };
        let known: Option<FileList> = std::fs::read(files_path(dir))
            .ok()
            .and_then(|b| serde_json::from_slice(&b).ok());
        if known.as_ref() == Some(&file_list(&markers)) {
            return stored_count();
        }
        read_before = Some(markers);
    }
    let loaded = load(dir, read_before)?;
    let unchanged = loaded.read.is_empty() && loaded.dropped.is_empty();
    if unchanged && links_path.is_file() {
        write_json(&files_path(dir), &file_list_of(&loaded.files))?;
        return stored_count();
    }
    // Links that no longer match the kept nodes go first: a run stopped
    // between the two leaves no links, and the next computes them.
    for stale in [&links_path, &files_path(dir)] {
        if stale.is_file() {
            std::fs::remove_file(stale)?;
        }
    }
    keep_nodes(dir, &loaded)?;
    let (files_read, files_dropped) = (loaded.read.len(), loaded.dropped.len());
    let list = file_list_of(&loaded.files);
    let read = loaded.read;
    let all: Vec<Node> = loaded.files.into_iter().flat_map(|f| f.nodes).collect();
    let matches = update_quotes(dir, &all, &read)?;
    let links = compute_matched(&all, &matches);
    write(&links_path, &links)?;
    write_json(&files_path(dir), &list)?;
    Ok(Refreshed {
        links: links.len(),
        files_read,
        files_dropped,
        computed: true,
    })
}

/// The files `files` are the nodes of.
fn file_list_of(files: &[FileNodes]) -> FileList {
    files
        .iter()
        .map(|f| (f.path.clone(), (f.sha256.clone(), f.version.clone())))
        .collect()
}

/// Write `value` as JSON to `dest`, atomically.
fn write_json<T: Serialize>(dest: &Path, value: &T) -> anyhow::Result<()> {
    let tmp = dest.with_extension("json.tmp");
    std::fs::write(&tmp, serde_json::to_vec(value)?)?;
    std::fs::rename(&tmp, dest)?;
    Ok(())
}

/// Bring `link-quotes.json` up to date with the documents and leads of
/// `nodes`: documents gone (or read again) leave it, new documents' clauses
/// are compared with every lead not known to be a formula, new leads with
/// the documents (their texts read from `link-texts/`, only then) until
/// each is known to be a formula or every document is read; return the
/// matches.
fn update_quotes(
    dir: &Path,
    nodes: &[Node],
    read: &[(String, Vec<DocumentText>)],
) -> anyhow::Result<LeadMatches> {
    let mut store: QuoteStore = std::fs::read(quotes_path(dir))
        .ok()
        .and_then(|b| serde_json::from_slice(&b).ok())
        .unwrap_or_default();
    let fresh_files: HashMap<&str, &Vec<DocumentText>> =
        read.iter().map(|(p, t)| (p.as_str(), t)).collect();
    let fresh: HashMap<&str, &str> = read
        .iter()
        .flat_map(|(_, texts)| texts.iter().map(|t| (t.id.as_str(), t.text.as_str())))
        .collect();
    let documents: BTreeSet<&str> = nodes
        .iter()
        .filter(|n| n.kind == "document")
        .map(|n| n.id.as_str())
        .collect();
    // Documents gone, or read again, are compared afresh; a formula that
    // loses one of its witnesses is placed again.
    let stale: Vec<String> = store
        .documents
        .iter()
        .filter(|d| !documents.contains(d.as_str()) || fresh.contains_key(d.as_str()))
        .cloned()
        .collect();
    for d in &stale {
        store.documents.remove(d);
    }
    if !stale.is_empty() {
        store
            .leads
            .retain(|_, found| stale.iter().all(|d| found.forget(d)));
    }
    // Leads no recommendation holds any more go; new ones are placed.
    let recs = quotes::quotable(nodes);
    let leads: BTreeMap<String, &[String]> = recs
        .iter()
        .map(|(_, l)| (quotes::lead_key(l), &**l))
        .collect();
    store.leads.retain(|k, _| leads.contains_key(k));
    let new_leads: Vec<&[String]> = leads
        .iter()
        .filter(|(k, _)| !store.leads.contains_key(*k))
        .map(|(_, l)| *l)
        .collect();
    // A formula stays one whatever documents come: only the others are
    // compared with new documents.
    let old_leads: Vec<&[String]> = leads
        .iter()
        .filter(|(k, _)| store.leads.get(*k).is_some_and(|f| !f.is_formula()))
        .map(|(_, l)| *l)
        .collect();
    // The files of the documents, in the order of the documents' ids.
    let mut path_of: HashMap<&str, &str> = HashMap::new();
    for n in nodes.iter().filter(|n| n.kind == "document") {
        path_of.entry(n.id.as_str()).or_insert(n.path.as_str());
    }
    let texts_of = |paths: &[&str], wanted: &(dyn Fn(&str) -> bool + Sync)| {
        read_texts(dir, paths, &fresh_files, wanted)
    };
    // Documents not yet compared: those just read, and any a stopped run
    // left out (their texts kept).
    let uncovered: BTreeSet<&str> = documents
        .iter()
        .copied()
        .filter(|d| !store.documents.contains(*d))
        .collect();
    if !old_leads.is_empty() && !uncovered.is_empty() {
        let texts = texts_of(&files_in_order(&uncovered, &path_of), &|d| {
            uncovered.contains(d)
        })?;
        let refs: Vec<(&str, &str)> = texts
            .iter()
            .map(|(d, t)| (d.as_str(), t.as_str()))
            .collect();
        for (lead, found) in quotes::match_leads(&old_leads, &refs) {
            store.leads.entry(lead).or_default().merge(found);
        }
    }
    // New leads against the documents, a few files at a time, until each
    // is known to be a formula or every document is compared: a lead
    // written in most papers is known to be one after a few.
    let mut placing: Vec<&[String]> = new_leads;
    for l in &placing {
        store.leads.insert(quotes::lead_key(l), Found::default());
    }
    let files = files_in_order(&documents, &path_of);
    let mut compared: HashSet<String> = HashSet::new();
    for batch in files.chunks(PLACING_FILES) {
        if placing.is_empty() {
            break;
        }
        let texts = texts_of(batch, &|d| documents.contains(d))?;
        let refs: Vec<(&str, &str)> = texts
            .iter()
            .filter(|(d, _)| compared.insert(d.clone()))
            .map(|(d, t)| (d.as_str(), t.as_str()))
            .collect();
        for (lead, found) in quotes::match_leads(&placing, &refs) {
            store.leads.entry(lead).or_default().merge(found);
        }
        placing.retain(|l| {
            store
                .leads
                .get(&quotes::lead_key(l))
                .is_some_and(|f| !f.is_formula())
        });
    }
    store.documents = documents.iter().map(|d| d.to_string()).collect();
    write_json(&quotes_path(dir), &store)?;
    Ok(store.leads)
}

/// Files whose texts are read together while placing new leads: a lead
/// written in most papers is a formula after the first few.
const PLACING_FILES: usize = 48;

/// The files holding `documents`, each once, in the order of the
/// documents' ids.
fn files_in_order<'a>(
    documents: &BTreeSet<&str>,
    path_of: &HashMap<&str, &'a str>,
) -> Vec<&'a str> {
    let mut seen = HashSet::new();
    documents
        .iter()
        .filter_map(|d| path_of.get(d).copied())
        .filter(|p| seen.insert(*p))
        .collect()
}

/// The texts of the documents of `paths` that `wanted` accepts, as
/// (record id, text), in the order of `paths`: those of files just read
/// from memory, the others from `link-texts/` (on every core).
fn read_texts(
    dir: &Path,
    paths: &[&str],
    fresh: &HashMap<&str, &Vec<DocumentText>>,
    wanted: &(dyn Fn(&str) -> bool + Sync),
) -> anyhow::Result<Vec<(String, String)>> {
    use rayon::prelude::*;
    let per_file: Vec<anyhow::Result<Vec<(String, String)>>> = paths
        .par_iter()
        .map(|path| {
            let kept: Vec<DocumentText> = match fresh.get(path) {
                Some(texts) => texts
                    .iter()
                    .map(|t| DocumentText {
                        id: t.id.clone(),
                        text: t.text.clone(),
                    })
                    .collect(),
                None => {
                    let file = texts_dir(dir).join(cache_name(path));
                    let bytes = std::fs::read(&file)
                        .map_err(|e| anyhow::anyhow!("{}: {e}", file.display()))?;
                    serde_json::from_slice(&bytes)
                        .map_err(|e| anyhow::anyhow!("{}: {e}", file.display()))?
                }
            };
            Ok(kept
                .into_iter()
                .filter(|t| wanted(&t.id))
                .map(|t| (t.id, t.text))
                .collect())
        })
        .collect();
    let mut out = Vec::new();
    for texts in per_file {
        out.extend(texts?);
    }
    Ok(out)
}

/// Write the nodes and texts of the files just read into `link-nodes/`
/// and `link-texts/` and remove those of files gone, and nodes kept in an
/// older layout.
fn keep_nodes(dir: &Path, loaded: &Loaded) -> anyhow::Result<()> {
    let (folder, texts) = (nodes_dir(dir), texts_dir(dir));
    std::fs::create_dir_all(&folder)?;
    std::fs::create_dir_all(&texts)?;
    let read: HashMap<&str, &Vec<DocumentText>> =
        loaded.read.iter().map(|(p, t)| (p.as_str(), t)).collect();
    let remove = |file: PathBuf| -> anyhow::Result<()> {
        match std::fs::remove_file(file) {
            Err(e) if e.kind() != std::io::ErrorKind::NotFound => Err(e.into()),
            _ => Ok(()),
        }
    };
    for f in &loaded.files {
        let Some(doc_texts) = read.get(f.path.as_str()) else {
            continue;
        };
        // Texts first: kept nodes without their texts are read again.
        let stem = cache_stem(&f.path);
        write_json(&texts.join(format!("{stem}.json")), doc_texts)?;
        write_bytes(&folder.join(nodes_name(&stem)), &encode_file(f))?;
        remove(folder.join(format!("{stem}.json")))?;
    }
    for stem in &loaded.dropped {
        remove(folder.join(nodes_name(stem)))?;
        remove(folder.join(format!("{stem}.json")))?;
        remove(texts.join(format!("{stem}.json")))?;
    }
    Ok(())
}

/// Write `links` as JSON Lines to `dest`, atomically.
pub fn write(dest: &Path, links: &[Link]) -> anyhow::Result<()> {
    let tmp = dest.with_extension("jsonl.tmp");
    {
        let mut out = std::io::BufWriter::new(std::fs::File::create(&tmp)?);
        for l in links {
            serde_json::to_writer(&mut out, l)?;
            out.write_all(b"\n")?;
        }
        out.flush()?;
    }
    std::fs::rename(&tmp, dest)?;
    Ok(())
}

/// The stored links of the index at `dir` (none when never computed).
pub fn read(dir: &Path) -> anyhow::Result<Vec<Link>> {
    let p = path(dir);
    let text = match std::fs::read_to_string(&p) {
        Ok(t) => t,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(e) => return Err(e.into()),
    };
    text.lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| serde_json::from_str(l).map_err(Into::into))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn file_of(nodes: Vec<Node>) -> FileNodes {
        FileNodes {
            format: FORMAT,
            path: "papers/pack.pdf".into(),
            sha256: "ab51".into(),
            version: "0.1.0".into(),
            nodes,
        }
    }

    #[test]
    fn kept_nodes_read_back_as_written_in_the_binary_layout() {
        // Every field set, and every field absent or empty.
        let full = Node {
            id: "ab51-recommendation-3".into(),
            kind: "recommendation".into(),
            file: "ab51".into(),
            path: "papers/pack.pdf".into(),
            page: 41,
            printed_page: Some(39),
            doc_type: "report".into(),
            doc_title: Some("Early Help – whose responsibility?".into()),
            doc_pages: [40, 60],
            body: Some("Schools Forum".into()),
            date: Some("2015-05-21".into()),
            number: Some("3".into()),
            title: Some("Early Help".into()),
            pages: Some([9, 20]),
            item_stamp: Some("6".into()),
            decision_number: Some("24/00093".into()),
            lead: Some(vec!["improv".into(), "quality".into()]),
            referral: Some("recommend to Council".into()),
            text: "improve the quality; and consistency".into(),
        };
        let empty = Node {
            lead: Some(Vec::new()),
            ..Node::default()
        };
        let kept = file_of(vec![full.clone(), empty.clone(), Node::default()]);
        let back = decode_file(&encode_file(&kept)).expect("read back");
        assert_eq!(
            (
                back.path.as_str(),
                back.sha256.as_str(),
                back.version.as_str()
            ),
            ("papers/pack.pdf", "ab51", "0.1.0")
        );
        assert_eq!(back.nodes, vec![full, empty, Node::default()]);
    }

    #[test]
    fn kept_nodes_of_another_layout_or_damaged_are_not_read() {
        let bytes = encode_file(&file_of(vec![Node::default()]));
        // Cut short, one byte too many, another layout number, JSON.
        assert!(decode_file(&bytes[..bytes.len() - 1]).is_none());
        let mut longer = bytes.clone();
        longer.push(0);
        assert!(decode_file(&longer).is_none());
        let mut older = bytes.clone();
        older[4..8].copy_from_slice(&5u32.to_le_bytes());
        assert!(decode_file(&older).is_none());
        assert!(decode_file(br#"{"format":5,"path":"p","nodes":[]}"#).is_none());
    }
}

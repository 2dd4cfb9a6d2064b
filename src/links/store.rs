//! Links beside the index: `links.jsonl` in the index folder, one link a
//! line, sorted, written to a temporary name and renamed into place; and
//! `link-nodes/`, the link view ([`Node`]s) of each indexed file's records,
//! one JSON file per indexed file with the path, SHA-256 and parser
//! version it was read at.
//!
//! After every `agendex index` run the links are brought up to date from
//! what the index stores, never from the files: the nodes of new and
//! changed files are read from the index's records, those of removed files
//! dropped, and every other file's taken from `link-nodes/` without
//! reading its records again. The links are then computed over all the
//! nodes in memory, so a new minutes file links back to last month's
//! agenda without that agenda being parsed or read again, a removed file
//! takes its links with it, and the stored links are always those of the
//! records indexed, whatever order the files came in. When no file
//! changed, nothing is computed.

use super::{compute_nodes, Link, Node};
use crate::index::writer::Marker;
use crate::record::OutRecord;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, HashMap};
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

/// One indexed file's link nodes, as kept in `link-nodes/`.
#[derive(Debug, Serialize, Deserialize)]
struct FileNodes {
    path: String,
    sha256: String,
    version: String,
    nodes: Vec<Node>,
}

impl FileNodes {
    /// Whether these nodes were read from the file as the index holds it.
    fn is_of(&self, path: &str, marker: &Marker) -> bool {
        self.path == path && self.sha256 == marker.sha256 && self.version == marker.version
    }
}

/// The name a file's nodes are kept under: the SHA-256 of its path (two
/// paths may hold the same content).
fn cache_name(path: &str) -> String {
    format!("{}.json", crate::walk::sha256_hex(path.as_bytes()))
}

/// The nodes of every indexed file, and what it took to get them.
struct Loaded {
    /// In the index's order: by path, records in document order.
    files: Vec<FileNodes>,
    /// Files whose records were read from the index (new or changed).
    read: Vec<String>,
    /// Kept nodes of files the index no longer holds (cache names).
    dropped: Vec<String>,
}

/// Every indexed file's nodes: from `link-nodes/` where they were read
/// from the file as the index now holds it, otherwise from its records.
fn load(dir: &Path) -> anyhow::Result<Loaded> {
    let mut kept: HashMap<String, FileNodes> = HashMap::new();
    let mut unreadable = Vec::new();
    if let Ok(entries) = std::fs::read_dir(nodes_dir(dir)) {
        for entry in entries.flatten() {
            let name = entry.file_name().to_string_lossy().into_owned();
            if !name.ends_with(".json") {
                continue;
            }
            // A damaged entry is read again from the index.
            match std::fs::read(entry.path())
                .ok()
                .and_then(|b| serde_json::from_slice::<FileNodes>(&b).ok())
            {
                Some(f) => {
                    kept.insert(name, f);
                }
                None => unreadable.push(name),
            }
        }
    }
    let current = |path: &str, marker: &Marker| {
        kept.get(&cache_name(path))
            .is_some_and(|f| f.is_of(path, marker))
    };
    let mut fresh: BTreeMap<String, Vec<Node>> = BTreeMap::new();
    let mut bad = None;
    let markers = crate::index::export::for_each_record_of(
        dir,
        &|path, marker| !current(path, marker),
        &mut |path, json| match serde_json::from_str::<OutRecord>(json) {
            Ok(r) => {
                fresh
                    .entry(path.to_string())
                    .or_default()
                    .push(Node::of(&r));
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
        let name = cache_name(path);
        match kept.remove(&name) {
            Some(f) if f.is_of(path, marker) => files.push(f),
            _ => {
                read.push(path.clone());
                files.push(FileNodes {
                    path: path.clone(),
                    sha256: marker.sha256.clone(),
                    version: marker.version.clone(),
                    nodes: fresh.remove(path).unwrap_or_default(),
                });
            }
        }
    }
    let mut dropped: Vec<String> = kept.into_keys().chain(unreadable).collect();
    dropped.sort();
    Ok(Loaded {
        files,
        read,
        dropped,
    })
}

/// Every record the index at `dir` stores, as link nodes.
pub fn nodes(dir: &Path) -> anyhow::Result<Vec<Node>> {
    Ok(load(dir)?.files.into_iter().flat_map(|f| f.nodes).collect())
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
    let loaded = load(dir)?;
    let links_path = path(dir);
    let unchanged = loaded.read.is_empty() && loaded.dropped.is_empty();
    if unchanged && links_path.is_file() {
        let stored = std::fs::read(&links_path)?;
        return Ok(Refreshed {
            links: stored.iter().filter(|&&b| b == b'\n').count(),
            files_read: 0,
            files_dropped: 0,
            computed: false,
        });
    }
    // Links that no longer match the kept nodes go first: a run stopped
    // between the two leaves no links, and the next computes them.
    if links_path.is_file() {
        std::fs::remove_file(&links_path)?;
    }
    keep_nodes(dir, &loaded)?;
    let (files_read, files_dropped) = (loaded.read.len(), loaded.dropped.len());
    let all: Vec<Node> = loaded.files.into_iter().flat_map(|f| f.nodes).collect();
    let links = compute_nodes(&all);
    write(&links_path, &links)?;
    Ok(Refreshed {
        links: links.len(),
        files_read,
        files_dropped,
        computed: true,
    })
}

/// Write the nodes of the files just read into `link-nodes/` and remove
/// those of files gone.
fn keep_nodes(dir: &Path, loaded: &Loaded) -> anyhow::Result<()> {
    let folder = nodes_dir(dir);
    std::fs::create_dir_all(&folder)?;
    let read: std::collections::HashSet<&str> = loaded.read.iter().map(String::as_str).collect();
    for f in loaded
        .files
        .iter()
        .filter(|f| read.contains(f.path.as_str()))
    {
        let dest = folder.join(cache_name(&f.path));
        let tmp = dest.with_extension("json.tmp");
        std::fs::write(&tmp, serde_json::to_vec(f)?)?;
        std::fs::rename(&tmp, &dest)?;
    }
    for name in &loaded.dropped {
        match std::fs::remove_file(folder.join(name)) {
            Err(e) if e.kind() != std::io::ErrorKind::NotFound => return Err(e.into()),
            _ => {}
        }
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

//! Links beside the index: `links.jsonl` in the index folder, one link a
//! line, sorted, written to a temporary name and renamed into place.
//! After every `agendex index` run (files or `--records`) the links are
//! computed again from the records the index stores, never from the
//! files: a new minutes file links back to last month's agenda without
//! that agenda being parsed again, and a removed file's records, gone from
//! the index, take their links with them.

use super::{compute_nodes, Link, Node};
use crate::record::OutRecord;
use std::io::Write;
use std::path::{Path, PathBuf};

/// The links file of the index at `dir`.
pub fn path(dir: &Path) -> PathBuf {
    dir.join("links.jsonl")
}

/// Every record the index at `dir` stores, as link nodes.
pub fn nodes(dir: &Path) -> anyhow::Result<Vec<Node>> {
    let mut nodes = Vec::new();
    let mut bad = None;
    crate::index::export::for_each_record(
        dir,
        &mut |json| match serde_json::from_str::<OutRecord>(json) {
            Ok(r) => {
                nodes.push(Node::of(&r));
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
    Ok(nodes)
}

/// Compute the links of the index at `dir` and store them; returns how
/// many.
pub fn refresh(dir: &Path) -> anyhow::Result<usize> {
    let links = compute_nodes(&nodes(dir)?);
    write(&path(dir), &links)?;
    Ok(links.len())
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

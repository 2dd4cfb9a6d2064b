//! The SHA-256 of each input remembered beside the index
//! (`input-hashes.json`) with what the file system says of the file: its
//! size, modification time, change time and inode. An index run hashes
//! only the files whose stat differs from the one remembered (or that
//! were never hashed); the others take the hash remembered. The hash,
//! not the stat, still decides whether a file is read again: the stat
//! only says the bytes are those hashed before.
//!
//! A stat is remembered only when the file was last modified well before
//! it was hashed: a file written again within the same clock tick as its
//! hashing could keep its stat with other bytes, so it is hashed again
//! next run. A missing or damaged list is no list: every file is hashed.

use crate::walk::{hash_file, Source};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

/// A file modified less than this before it was hashed is hashed again
/// next run (its stat may not change with its bytes).
const SETTLED: Duration = Duration::from_secs(2);

/// What the file system says of a file, as compared between runs.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
struct Stat {
    len: u64,
    /// Modification and change times, nanoseconds since the epoch.
    mtime_ns: i128,
    ctime_ns: i128,
    inode: u64,
}

impl Stat {
    fn of(meta: &std::fs::Metadata) -> Stat {
        #[cfg(unix)]
        {
            use std::os::unix::fs::MetadataExt;
            let ns = |s: i64, n: i64| i128::from(s) * 1_000_000_000 + i128::from(n);
            Stat {
                len: meta.len(),
                mtime_ns: ns(meta.mtime(), meta.mtime_nsec()),
                ctime_ns: ns(meta.ctime(), meta.ctime_nsec()),
                inode: meta.ino(),
            }
        }
        #[cfg(not(unix))]
        {
            Stat {
                len: meta.len(),
                mtime_ns: nanos(meta.modified().ok()),
                ctime_ns: 0,
                inode: 0,
            }
        }
    }

    /// Whether the file was last touched at least [`SETTLED`] before `now`.
    fn settled(&self, now: SystemTime) -> bool {
        let last = self.mtime_ns.max(self.ctime_ns);
        nanos(Some(now)) - last >= SETTLED.as_nanos() as i128
    }
}

/// Nanoseconds since the epoch (0 when unknown or before it).
fn nanos(t: Option<SystemTime>) -> i128 {
    t.and_then(|t| t.duration_since(SystemTime::UNIX_EPOCH).ok())
        .map_or(0, |d| d.as_nanos() as i128)
}

/// A file's hash, with its stat when it is one to remember.
type Hashed = std::io::Result<(String, Option<Stat>)>;

/// One remembered hash.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
struct Known {
    stat: Stat,
    sha256: String,
}

/// The hashes remembered beside one index, and those of this run.
#[derive(Debug)]
pub struct KnownHashes {
    file: PathBuf,
    known: BTreeMap<String, Known>,
    /// This run's: what is written back (files gone are forgotten).
    seen: BTreeMap<String, Known>,
}

impl KnownHashes {
    /// The hashes remembered beside the index at `dir` (none when the list
    /// is missing or damaged).
    pub fn open(dir: &Path) -> KnownHashes {
        let file = dir.join("input-hashes.json");
        let known = std::fs::read(&file)
            .ok()
            .and_then(|b| serde_json::from_slice(&b).ok())
            .unwrap_or_default();
        KnownHashes {
            file,
            known,
            seen: BTreeMap::new(),
        }
    }

    /// The SHA-256 of each source, in parallel, in input order: the one
    /// remembered where the file's stat is unchanged, otherwise hashed.
    pub fn hash(&mut self, sources: &[Source]) -> Vec<std::io::Result<String>> {
        use rayon::prelude::*;
        self.seen.clear();
        let now = SystemTime::now();
        let known = &self.known;
        let found: Vec<(String, Hashed)> = sources
            .par_iter()
            .map(|s| {
                let path = s.display();
                let hashed = hash_with_stat(&s.path, known.get(&path), now);
                (path, hashed)
            })
            .collect();
        found
            .into_iter()
            .map(|(path, hashed)| {
                hashed.map(|(sha256, stat)| {
                    if let Some(stat) = stat {
                        let sha256 = sha256.clone();
                        self.seen.insert(path, Known { stat, sha256 });
                    }
                    sha256
                })
            })
            .collect()
    }

    /// Write this run's hashes beside the index, atomically.
    pub fn save(&self) -> std::io::Result<()> {
        let tmp = self.file.with_extension("json.tmp");
        std::fs::write(&tmp, serde_json::to_vec(&self.seen)?)?;
        std::fs::rename(&tmp, &self.file)
    }
}

/// A file's hash, with its stat when it is one to remember: the
/// remembered hash when the stat is unchanged, else the file hashed (its
/// stat taken before and after, kept only when the two agree and the
/// file had settled).
fn hash_with_stat(path: &Path, known: Option<&Known>, now: SystemTime) -> Hashed {
    let before = Stat::of(&std::fs::metadata(path)?);
    if let Some(k) = known.filter(|k| k.stat == before) {
        return Ok((k.sha256.clone(), Some(before)));
    }
    let sha256 = hash_file(path)?;
    let after = Stat::of(&std::fs::metadata(path)?);
    let keep = before == after && after.settled(now);
    Ok((sha256, keep.then_some(after)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_unchanged_stat_takes_the_remembered_hash_and_a_changed_one_is_hashed() {
        let dir = std::env::temp_dir().join(format!("agendex-known-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let paper = dir.join("paper.txt");
        std::fs::write(&paper, "Minutes of the meeting").unwrap();
        let sources = [Source {
            path: paper.clone(),
        }];
        let real = hash_file(&paper).unwrap();
        // A stat remembered with another hash: the stat decides.
        let stat = Stat::of(&std::fs::metadata(&paper).unwrap());
        let mut hashes = KnownHashes::open(&dir);
        hashes.known.insert(
            sources[0].display(),
            Known {
                stat: stat.clone(),
                sha256: "remembered".into(),
            },
        );
        assert_eq!(hashes.hash(&sources)[0].as_ref().unwrap(), "remembered");
        // Another size: hashed again.
        hashes.known.insert(
            sources[0].display(),
            Known {
                stat: Stat { len: 1, ..stat },
                sha256: "remembered".into(),
            },
        );
        assert_eq!(hashes.hash(&sources)[0].as_ref().unwrap(), &real);
        // Just written: not settled, so not remembered.
        hashes.save().unwrap();
        assert!(KnownHashes::open(&dir).known.is_empty());
        std::fs::remove_dir_all(&dir).unwrap();
    }
}

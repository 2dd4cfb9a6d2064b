//! The search index: tantivy lives only here.
//!
//! An index folder (default `./index`) holds generations, each a complete
//! tantivy index (`gen-000001/` …), and a small pointer file `CURRENT`
//! naming the one readers use. `agendex index` updates the current
//! generation in place (tantivy commits are atomic and survive SIGKILL);
//! `--rebuild` fills a new generation beside it and swaps the pointer
//! (written to a temporary name, then renamed) only once it is complete.
//! One writer at a time: `writer.lock` in the folder is held (flock, so the
//! kernel releases it when a process dies) for the whole run.
//!
//! `schema` names the fields, `writer` writes each file's records (it
//! takes records, not files), `query` answers searches (`searchers` keeps
//! them open between searches, `facets` counts, `dates` filters by date),
//! `export` streams the stored records out, `stem` is the stemmed fields'
//! analyzer (tantivy's `en_stem`, with a cache), `decided` reads what a
//! record says was decided (decision number, key, carried, grade).

pub mod cards;
pub mod dates;
pub mod decided;
pub mod engines;
pub mod everything;
pub mod export;
pub mod facets;
pub mod intent;
pub mod known_hashes;
pub mod ordered;
pub mod pairs;
pub mod people;
pub mod query;
pub mod schema;
pub mod searchers;
pub mod signature;
pub mod stem;
pub mod weighted;
pub mod window;
pub mod writer;

use std::path::{Path, PathBuf};
use tantivy::Index;
use thiserror::Error;

/// The pointer file naming the current generation.
pub const POINTER: &str = "CURRENT";
/// The writers' lock file.
pub const LOCK: &str = "writer.lock";
const GENERATION_PREFIX: &str = "gen-";

/// What can go wrong with an index; messages say what to do.
#[derive(Debug, Error)]
pub enum IndexError {
    #[error("index is busy: another agendex index is running")]
    Busy,
    #[error("no index at {0} (build one with `agendex index PATH... --index {0}`)")]
    Missing(String),
    #[error("the index at {0} was built by another version of agendex: rebuild it with `agendex index --rebuild PATH...`")]
    OtherSchema(String),
    #[error("bad query: {0}")]
    Query(String),
    #[error("{0}")]
    Request(String),
    #[error("index {path}: {message}")]
    Tantivy { path: String, message: String },
    #[error("the index at {path} is damaged ({message}): rebuild it with `agendex index --rebuild PATH...`")]
    Damaged { path: String, message: String },
    #[error("{path}: {reason}")]
    Io { path: String, reason: String },
}

pub type Result<T> = std::result::Result<T, IndexError>;

pub(crate) fn io_err(path: &Path, e: &std::io::Error) -> IndexError {
    IndexError::Io {
        path: path.display().to_string(),
        reason: crate::walk::io_reason(e),
    }
}

/// An index whose files cannot be opened: a truncated segment, a pointer
/// naming no generation.
pub(crate) fn damaged(path: &Path, e: impl std::fmt::Display) -> IndexError {
    IndexError::Damaged {
        path: path.display().to_string(),
        message: e.to_string(),
    }
}

pub(crate) fn tantivy_err(path: &Path, e: impl std::fmt::Display) -> IndexError {
    IndexError::Tantivy {
        path: path.display().to_string(),
        message: e.to_string(),
    }
}

/// The generation the pointer names, if there is one.
pub fn current_generation(dir: &Path) -> Result<Option<PathBuf>> {
    let pointer = dir.join(POINTER);
    match std::fs::read_to_string(&pointer) {
        Ok(name) => {
            let name = name.trim();
            if !is_generation_name(name) {
                return Err(damaged(
                    &pointer,
                    format_args!("it does not name an index generation: {name:?}"),
                ));
            }
            Ok(Some(dir.join(name)))
        }
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(e) => Err(io_err(&pointer, &e)),
    }
}

fn is_generation_name(name: &str) -> bool {
    name.strip_prefix(GENERATION_PREFIX)
        .is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
}

/// Generation folders present in `dir`, sorted.
fn generations(dir: &Path) -> Vec<PathBuf> {
    let mut gens: Vec<PathBuf> = match std::fs::read_dir(dir) {
        Ok(rd) => rd
            .flatten()
            .filter(|e| e.file_name().to_str().is_some_and(is_generation_name))
            .map(|e| e.path())
            .collect(),
        Err(_) => Vec::new(),
    };
    gens.sort();
    gens
}

/// A fresh, not yet existing generation folder.
fn next_generation(dir: &Path) -> PathBuf {
    let last = generations(dir)
        .iter()
        .filter_map(|p| {
            p.file_name()?
                .to_str()?
                .strip_prefix(GENERATION_PREFIX)?
                .parse::<u64>()
                .ok()
        })
        .max()
        .unwrap_or(0);
    dir.join(format!("{GENERATION_PREFIX}{:06}", last + 1))
}

/// Point readers at `generation`: write the pointer to a temporary name,
/// flush it, rename it over the old one, flush the folder.
fn write_pointer(dir: &Path, generation: &Path) -> Result<()> {
    use std::io::Write;
    let name = generation
        .file_name()
        .and_then(|n| n.to_str())
        .unwrap_or_default();
    let tmp = dir.join(format!("{POINTER}.tmp{}", std::process::id()));
    let pointer = dir.join(POINTER);
    let write = || -> std::io::Result<()> {
        let mut f = std::fs::File::create(&tmp)?;
        f.write_all(format!("{name}\n").as_bytes())?;
        f.sync_all()?;
        std::fs::rename(&tmp, &pointer)?;
        if let Ok(d) = std::fs::File::open(dir) {
            let _ = d.sync_all();
        }
        Ok(())
    };
    write().map_err(|e| {
        let _ = std::fs::remove_file(&tmp);
        io_err(&pointer, &e)
    })
}

/// Remove every generation but `keep` (a rebuild killed midway leaves one).
fn remove_other_generations(dir: &Path, keep: &Path) {
    for g in generations(dir) {
        if g != keep {
            let _ = std::fs::remove_dir_all(&g);
        }
    }
}

/// Open the current generation for reading. A rebuild may swap the pointer
/// and remove the old generation between reading the pointer and opening
/// it: then the pointer has moved, and opening is tried again.
pub fn open(dir: &Path) -> Result<Index> {
    let mut last_err = None;
    for attempt in 0..10 {
        let Some(generation) = current_generation(dir)? else {
            return Err(IndexError::Missing(dir.display().to_string()));
        };
        match Index::open_in_dir(&generation) {
            Ok(index) => {
                if index.schema() != schema::build() {
                    return Err(IndexError::OtherSchema(dir.display().to_string()));
                }
                stem::register(&index);
                return Ok(index);
            }
            Err(e) => {
                last_err = Some(damaged(&generation, e));
                if current_generation(dir)?.as_deref() == Some(generation.as_path()) && attempt > 2
                {
                    break;
                }
                std::thread::sleep(std::time::Duration::from_millis(20));
            }
        }
    }
    Err(last_err.unwrap_or_else(|| IndexError::Missing(dir.display().to_string())))
}

/// Run `f` on the current generation. Should a rebuild swap generations
/// while `f` opens the old one (its files may then be gone), `f` runs
/// again on the new one; once open, a generation's files stay readable.
pub fn with_index<T>(dir: &Path, f: impl Fn(&Index) -> Result<T>) -> Result<T> {
    let mut attempt = 0;
    loop {
        let before = current_generation(dir)?;
        let index = open(dir)?;
        match f(&index) {
            Err(IndexError::Tantivy { .. })
                if attempt < 5 && current_generation(dir)? != before =>
            {
                attempt += 1;
            }
            // The generation stayed and still cannot be read: its files
            // are damaged (a truncated segment, say).
            Err(IndexError::Tantivy { message, .. }) => {
                return Err(IndexError::Damaged {
                    path: dir.display().to_string(),
                    message,
                })
            }
            result => return result,
        }
    }
}

/// The writers' lock: an exclusive flock on `writer.lock`, released when
/// dropped or when the process dies (also by SIGKILL).
pub struct WriterLock {
    _file: std::fs::File,
}

impl WriterLock {
    pub fn acquire(dir: &Path) -> Result<WriterLock> {
        use std::os::unix::io::AsRawFd;
        let path = dir.join(LOCK);
        let file = std::fs::OpenOptions::new()
            .create(true)
            .truncate(false)
            .write(true)
            .open(&path)
            .map_err(|e| io_err(&path, &e))?;
        // SAFETY: flock on a file descriptor this function owns.
        let rc = unsafe { libc::flock(file.as_raw_fd(), libc::LOCK_EX | libc::LOCK_NB) };
        if rc != 0 {
            let e = std::io::Error::last_os_error();
            return Err(if e.kind() == std::io::ErrorKind::WouldBlock {
                IndexError::Busy
            } else {
                io_err(&path, &e)
            });
        }
        Ok(WriterLock { _file: file })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn generation_names() {
        assert!(is_generation_name("gen-000001"));
        assert!(!is_generation_name("gen-"));
        assert!(!is_generation_name("gen-1a"));
        assert!(!is_generation_name("../etc"));
    }

    #[test]
    fn pointer_round_trip_and_next_generation() {
        let dir = tempfile::tempdir().expect("tempdir");
        assert_eq!(current_generation(dir.path()).expect("read"), None);
        let g1 = next_generation(dir.path());
        assert!(g1.ends_with("gen-000001"));
        std::fs::create_dir(&g1).expect("mkdir");
        write_pointer(dir.path(), &g1).expect("write");
        assert_eq!(
            current_generation(dir.path()).expect("read"),
            Some(g1.clone())
        );
        let g2 = next_generation(dir.path());
        assert!(g2.ends_with("gen-000002"));
        std::fs::create_dir(&g2).expect("mkdir");
        remove_other_generations(dir.path(), &g1);
        assert!(!g2.exists() && g1.exists());
    }

    /// An index built before the decision fields were added is refused
    /// with the message that says to rebuild, by readers and the writer.
    #[test]
    fn an_index_of_an_older_schema_asks_for_a_rebuild() {
        let dir = tempfile::tempdir().expect("tempdir");
        let mut older = tantivy::schema::Schema::builder();
        let added = [
            schema::DECISION,
            schema::GRADE,
            schema::KEY,
            schema::CARRIED,
        ];
        for (_, entry) in schema::build().fields() {
            if !added.contains(&entry.name()) {
                older.add_field(entry.clone());
            }
        }
        let generation = next_generation(dir.path());
        std::fs::create_dir(&generation).expect("mkdir");
        Index::create_in_dir(&generation, older.build()).expect("create");
        write_pointer(dir.path(), &generation).expect("pointer");
        let rebuild = |e: IndexError| {
            assert!(matches!(e, IndexError::OtherSchema(_)), "{e:?}");
            assert!(e.to_string().contains("agendex index --rebuild"), "{e}");
        };
        let Err(e) = open(dir.path()) else {
            panic!("opened an index of another schema");
        };
        rebuild(e);
        let Err(e) = searchers::open(dir.path()) else {
            panic!("the kept searchers opened an index of another schema");
        };
        rebuild(e);
        let opts = writer::UpdateOptions::default();
        let Err(e) = writer::Updater::open(dir.path(), &opts) else {
            panic!("the writer opened an index of another schema");
        };
        rebuild(e);
        // A rebuild makes a new generation of the current schema.
        let opts = writer::UpdateOptions {
            rebuild: true,
            ..opts
        };
        let updater = writer::Updater::open(dir.path(), &opts).expect("rebuild");
        updater.finish().expect("finish");
        assert!(open(dir.path()).is_ok());
    }

    #[test]
    fn second_writer_lock_is_busy() {
        let dir = tempfile::tempdir().expect("tempdir");
        let first = WriterLock::acquire(dir.path()).expect("first lock");
        assert!(matches!(
            WriterLock::acquire(dir.path()),
            Err(IndexError::Busy)
        ));
        drop(first);
        assert!(WriterLock::acquire(dir.path()).is_ok());
    }
}

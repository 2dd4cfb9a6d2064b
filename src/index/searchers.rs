//! Searchers kept open between searches, one per index folder.
//!
//! Opening an index and its segments, and reading each segment's facet
//! table ([`super::facets`]), is work a search should not repeat: an
//! [`Open`] holds them for the folder's current generation and commit.
//! Each search reads the `CURRENT` pointer and the generation's
//! `meta.json` (tantivy rewrites it at every commit and merge) and uses the
//! kept searcher only while both are unchanged; otherwise the searcher is
//! reloaded (keeping the tables of segments it already read) or, for
//! another generation, opened afresh. Counts that do not depend on the
//! query (the unfiltered total and facets) are kept with the searcher, so
//! they too last exactly one commit.

use super::facets::{Counts, Tables};
use super::schema::{self, Fields};
use super::{damaged, io_err, tantivy_err, IndexError, Result};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, OnceLock};
use tantivy::collector::Collector;
use tantivy::query::{EnableScoring, Query};
use tantivy::{Executor, Index, IndexReader, ReloadPolicy, Searcher};

/// The commit record tantivy writes in an index folder.
const META: &str = "meta.json";
/// Index folders kept open at once (a server has one; tests many).
const KEPT: usize = 8;

/// A searcher over one commit of an index, and what is kept with it.
pub struct Open {
    pub index: Index,
    pub fields: Fields,
    pub searcher: Searcher,
    /// The segments' tables, once read (see [`Open::tables`]).
    tables: OnceLock<Tables>,
    /// Those of the searcher this one replaced (for the segments both have).
    old_tables: Option<Tables>,
    /// Searches made with this searcher, and with those it replaced.
    searches: AtomicUsize,
    unfiltered: OnceLock<Counts>,
    /// Where it was opened from: the generation folder and the bytes of
    /// its `meta.json` read before the searcher was loaded (so the searcher
    /// is at least as new as they are).
    generation: PathBuf,
    meta: Vec<u8>,
    reader: IndexReader,
}

impl Open {
    /// A searcher over `index` as it is now, kept by no one.
    pub fn of_index(index: &Index) -> Result<Open> {
        let here = Path::new("");
        let reader: IndexReader = index
            .reader_builder()
            .reload_policy(ReloadPolicy::Manual)
            .try_into()
            .map_err(|e| tantivy_err(here, e))?;
        Open::with_reader(index.clone(), reader, None, PathBuf::new(), Vec::new())
    }

    fn with_reader(
        index: Index,
        reader: IndexReader,
        old: Option<&Open>,
        generation: PathBuf,
        meta: Vec<u8>,
    ) -> Result<Open> {
        let fields = Fields::of(&index.schema()).map_err(|e| tantivy_err(&generation, e))?;
        let searcher = reader.searcher();
        Ok(Open {
            index,
            fields,
            searcher,
            tables: OnceLock::new(),
            old_tables: old.and_then(|o| o.tables.get().cloned()),
            searches: AtomicUsize::new(old.map_or(0, |o| o.searches.load(Ordering::Relaxed))),
            unfiltered: OnceLock::new(),
            generation,
            meta,
            reader,
        })
    }

    /// The segments' tables, read at the second search in this process
    /// (a process that searches once, as `agendex search` does, would spend
    /// more reading them than it saves), keeping those already read for
    /// the segments of an earlier commit. `None`: not (yet) read; counts
    /// and filters then read the columns for the hits alone.
    pub fn tables(&self) -> Result<Option<&Tables>> {
        if let Some(t) = self.tables.get() {
            return Ok(Some(t));
        }
        if self.searches.fetch_add(1, Ordering::Relaxed) == 0 {
            return Ok(None);
        }
        let tables = Tables::for_searcher(&self.searcher, self.old_tables.as_ref())
            .map_err(|e| tantivy_err(&self.generation, e))?;
        // Another search may have read them meanwhile: the same tables.
        let _ = self.tables.set(tables);
        Ok(self.tables.get())
    }

    /// The tables, read now whatever came before (for tests).
    #[cfg(test)]
    pub fn tables_now(&self) -> &Tables {
        self.searches.fetch_add(1, Ordering::Relaxed);
        self.tables()
            .expect("tables")
            .expect("read from the second search on")
    }

    /// The counts of the unfiltered query (every record), made by `count`
    /// the first time they are asked for.
    pub fn unfiltered(&self, count: impl FnOnce() -> Result<Counts>) -> Result<Counts> {
        if let Some(c) = self.unfiltered.get() {
            return Ok(c.clone());
        }
        let c = count()?;
        // Another search may have set them meanwhile: the same counts.
        let _ = self.unfiltered.set(c.clone());
        Ok(c)
    }

    /// Whether the tables have been read (for tests).
    #[cfg(test)]
    pub fn has_tables(&self) -> bool {
        self.tables.get().is_some()
    }

    /// Whether the unfiltered counts have been made (for tests).
    #[cfg(test)]
    pub fn has_unfiltered(&self) -> bool {
        self.unfiltered.get().is_some()
    }
}

/// Folder -> its open searcher, most recently opened last.
static OPEN: Mutex<Vec<(PathBuf, Arc<Open>)>> = Mutex::new(Vec::new());

fn kept() -> std::sync::MutexGuard<'static, Vec<(PathBuf, Arc<Open>)>> {
    // A panic elsewhere while the list was held leaves it usable.
    OPEN.lock().unwrap_or_else(|e| e.into_inner())
}

/// The searcher of the current commit of the index in `dir`.
pub fn open(dir: &Path) -> Result<Arc<Open>> {
    let Some(generation) = super::current_generation(dir)? else {
        return Err(IndexError::Missing(dir.display().to_string()));
    };
    let meta_path = generation.join(META);
    let meta = std::fs::read(&meta_path).map_err(|e| io_err(&meta_path, &e))?;
    let previous = kept()
        .iter()
        .find(|(d, _)| d == dir)
        .map(|(_, o)| Arc::clone(o));
    if let Some(p) = &previous {
        if p.generation == generation && p.meta == meta {
            return Ok(Arc::clone(p));
        }
    }
    let open = match previous.filter(|p| p.generation == generation) {
        // A new commit or merge of the same generation: reload, keeping
        // the tables of the segments still there.
        Some(p) => {
            p.reader.reload().map_err(|e| tantivy_err(&generation, e))?;
            Open::with_reader(
                p.index.clone(),
                p.reader.clone(),
                Some(&p),
                generation,
                meta,
            )?
        }
        None => {
            let index = Index::open_in_dir(&generation).map_err(|e| damaged(&generation, e))?;
            if index.schema() != schema::build() {
                return Err(IndexError::OtherSchema(dir.display().to_string()));
            }
            // Snippets then stem through the cache.
            super::stem::register(&index);
            let reader: IndexReader = index
                .reader_builder()
                .reload_policy(ReloadPolicy::Manual)
                .try_into()
                .map_err(|e| damaged(&generation, e))?;
            Open::with_reader(index, reader, None, generation, meta)?
        }
    };
    let open = Arc::new(open);
    let mut kept = kept();
    kept.retain(|(d, _)| d != dir);
    if kept.len() >= KEPT {
        kept.remove(0);
    }
    kept.push((dir.to_path_buf(), Arc::clone(&open)));
    Ok(open)
}

/// The threads each search's segments are shared among (see
/// [`set_search_threads`]); one, the calling thread alone, unless set.
static EXECUTOR: OnceLock<Executor> = OnceLock::new();

/// Share each search's segments among `threads` threads (at most 16; 0 or
/// 1: the calling thread alone, the default). With more, one search takes
/// the time of its largest segments rather than of all of them on an idle
/// machine; on a busy one (measured at load 10 on 2 cores) it gained
/// nothing and cost a little CPU per search. The process that searches sets
/// it once, before its first search; returns false (and changes nothing)
/// when searches already run with a setting.
pub fn set_search_threads(threads: usize) -> bool {
    let threads = threads.min(16);
    let executor = if threads < 2 {
        Executor::single_thread()
    } else {
        Executor::multi_thread(threads, "agendex-search-")
            .unwrap_or_else(|_| Executor::single_thread())
    };
    EXECUTOR.set(executor).is_ok()
}

fn executor() -> &'static Executor {
    EXECUTOR.get_or_init(Executor::single_thread)
}

/// Run `collector` over `query` on the segments of `searcher`, in parallel.
pub fn search<C: Collector>(
    searcher: &Searcher,
    query: &dyn Query,
    collector: &C,
) -> tantivy::Result<C::Fruit> {
    let scoring = if collector.requires_scoring() {
        EnableScoring::enabled_from_searcher(searcher)
    } else {
        EnableScoring::disabled_from_searcher(searcher)
    };
    searcher.search_with_executor(query, collector, executor(), scoring)
}

/// Drop the searcher kept for `dir` (after an error, so the next search
/// opens the index afresh).
pub fn forget(dir: &Path) {
    kept().retain(|(d, _)| d != dir);
}

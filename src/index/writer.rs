//! Bring an index up to date with a set of input files.
//!
//! Each indexed file has a marker entry holding its SHA-256. A run hashes
//! every input, skips those whose hash matches their marker without reading
//! them further, parses new and changed files through the pipeline (its
//! rayon pool and bounded window), and replaces each file's entries in one
//! step: delete by the `path` term, then add the records and a new marker.
//! Files that are no longer among the inputs lose their entries. A file
//! that fails to parse is reported and keeps its earlier entries.
//!
//! One `IndexWriter` with a bounded heap takes outcomes as they stream
//! out of the pipeline; it commits every few files and seconds, so a
//! killed run keeps its progress and the next run finishes the work.
//! Owns no command-line concerns.
//!
//! Memory: what is live stays bounded (the writer's arena, its document
//! channel, the pipeline's window of a few files), but with glibc's malloc
//! that was not enough to keep the process flat. tantivy starts a new
//! indexing thread at every commit; each lands on whichever malloc arena is
//! free (up to eight per core, shared with the PDF workers' short-lived
//! I/O threads), fills it with ~17 MB of postings pages and tables, and
//! leaves it behind, free but resident. glibc also raises its mmap
//! threshold after the first large free, so those large blocks come from
//! the arenas rather than from mmap. The longer the run, the more arenas
//! have hosted an indexing thread: resident memory grew with the number of
//! files while live memory did not. So a run pins the mmap threshold (large
//! blocks go back to the system when freed) and hands free arena memory
//! back after every commit. The other part of a run's resident memory is
//! the index files a merge reads through memory maps: merges are held to a
//! byte budget (`BoundedMerges`), one at a time, so that part is bounded
//! too, at the price of more segments in a large index.

use super::schema::{self, Fields};
use super::{
    current_generation, io_err, next_generation, remove_other_generations, tantivy_err,
    write_pointer, IndexError, Result, WriterLock,
};
use crate::pipeline::{self, FileOutcome};
use crate::walk::{hash_file, io_reason, Source};
use rayon::prelude::*;
use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};
use tantivy::collector::{Count, DocSetCollector};
use tantivy::index::{SegmentId, SegmentMeta};
use tantivy::indexer::IndexWriterOptions;
use tantivy::merge_policy::{LogMergePolicy, MergeCandidate, MergePolicy};
use tantivy::query::TermQuery;
use tantivy::schema::{IndexRecordOption, Value};
use tantivy::{Index, IndexWriter, ReloadPolicy, TantivyDocument, Term};

/// How a run goes about its work.
#[derive(Debug, Clone)]
pub struct UpdateOptions {
    /// Build a fresh generation and swap it in when complete.
    pub rebuild: bool,
    /// Keep entries of indexed files that are not among the inputs (set
    /// when some input paths could not be walked, so that a typo does not
    /// empty the index).
    pub keep_missing: bool,
    /// Commit after this many parsed files …
    pub commit_every: usize,
    /// … or once this long has passed since the last commit.
    pub commit_interval: Duration,
    /// The writer's memory budget, in bytes.
    pub heap_bytes: usize,
    /// The most bytes of segment files one merge may read; segments over
    /// half of it are no longer merged.
    pub merge_bytes: u64,
}

impl Default for UpdateOptions {
    fn default() -> Self {
        UpdateOptions {
            rebuild: false,
            keep_missing: false,
            commit_every: 100,
            commit_interval: Duration::from_secs(5),
            heap_bytes: 64 << 20,
            merge_bytes: 48 << 20,
        }
    }
}

/// What a run did.
#[derive(Debug, Clone, Default, PartialEq, serde::Serialize)]
pub struct Summary {
    pub added: usize,
    pub updated: usize,
    pub unchanged: usize,
    pub removed: usize,
    pub failed: usize,
    /// Files read and parsed in this run.
    pub parsed: usize,
    /// Records written in this run.
    pub records_written: usize,
    /// Records in the index afterwards.
    pub records: u64,
    /// Files in the index afterwards.
    pub files: u64,
    pub commits: usize,
    #[serde(skip)]
    pub elapsed: Duration,
}

/// Progress and problems, as they happen.
#[derive(Debug)]
pub enum Event<'a> {
    /// A file yielded nothing; its earlier entries (if any) stay.
    Failed { path: &'a str, reason: String },
    /// A grammar or reader note on a file that was indexed.
    Warning {
        path: &'a str,
        page: u32,
        message: &'a str,
    },
    /// One more file is parsed: `done` of `total` files to parse.
    Parsed { done: usize, total: usize },
    /// Work so far is committed: `done` of `total` files to parse.
    Committed { done: usize, total: usize },
}

/// Bring the index in `dir` up to date with `sources`.
pub fn update(
    dir: &Path,
    sources: &[Source],
    pipeline_opts: &pipeline::Options,
    opts: &UpdateOptions,
    on: &mut dyn FnMut(Event),
) -> Result<Summary> {
    let start = Instant::now();
    std::fs::create_dir_all(dir).map_err(|e| io_err(dir, &e))?;
    let _lock = WriterLock::acquire(dir)?;
    keep_large_blocks_out_of_arenas();

    let current = current_generation(dir)?.filter(|g| g.join("meta.json").is_file());
    let (generation, fresh) = match &current {
        Some(g) if !opts.rebuild => (g.clone(), false),
        _ => (next_generation(dir), true),
    };
    // A rebuild killed midway leaves a generation nobody points at.
    remove_other_generations(dir, current.as_deref().unwrap_or(&generation));
    let index = if fresh {
        std::fs::create_dir_all(&generation).map_err(|e| io_err(&generation, &e))?;
        let index = Index::create_in_dir(&generation, schema::build())
            .map_err(|e| tantivy_err(&generation, e))?;
        if current.is_none() {
            // A first build is visible (and its progress kept) from its
            // first commit; a rebuild only once complete.
            write_pointer(dir, &generation)?;
        }
        index
    } else {
        let index = Index::open_in_dir(&generation).map_err(|e| tantivy_err(&generation, e))?;
        if index.schema() != schema::build() {
            return Err(IndexError::OtherSchema(dir.display().to_string()));
        }
        index
    };
    // Same tokens as tantivy's own `en_stem`, each word stemmed once; and
    // the pairs of the `pairs` field.
    super::stem::register(&index);
    let fields = Fields::of(&index.schema()).map_err(|e| tantivy_err(&generation, e))?;
    // One indexing thread, and one merge at a time: each merge maps its
    // input segments, and every page it reads counts as resident.
    let writer_options = IndexWriterOptions::builder()
        .num_worker_threads(1)
        .num_merge_threads(1)
        .memory_budget_per_thread(opts.heap_bytes.max(15 << 20))
        .build();
    let mut writer: IndexWriter<TantivyDocument> = index
        .writer_with_options(writer_options)
        .map_err(|e| match e {
            tantivy::TantivyError::LockFailure(
                tantivy::directory::error::LockError::LockBusy,
                _,
            ) => IndexError::Busy,
            e => tantivy_err(&generation, e),
        })?;
    writer.set_merge_policy(Box::new(BoundedMerges::new(
        generation.clone(),
        opts.merge_bytes,
    )));

    let markers = if fresh {
        BTreeMap::new()
    } else {
        let reader: tantivy::IndexReader = index
            .reader_builder()
            .reload_policy(ReloadPolicy::Manual)
            .try_into()
            .map_err(|e| tantivy_err(&generation, e))?;
        read_markers(&reader.searcher(), &fields).map_err(|e| tantivy_err(&generation, e))?
    };

    let version = schema::parser_version();
    let mut summary = Summary::default();
    let hashes: Vec<(usize, std::io::Result<String>)> = sources
        .par_iter()
        .enumerate()
        .map(|(i, s)| (i, hash_file(&s.path)))
        .collect();
    let mut seen: HashSet<String> = HashSet::with_capacity(sources.len());
    let mut to_parse: Vec<Source> = Vec::new();
    for (i, hash) in hashes {
        let source = &sources[i];
        let path = source.display();
        match hash {
            Ok(sha) => {
                let current = markers
                    .get(&path)
                    .is_some_and(|m| m.sha256 == sha && m.version == version);
                if current {
                    summary.unchanged += 1;
                } else {
                    to_parse.push(source.clone());
                }
            }
            Err(e) => {
                on(Event::Failed {
                    path: &path,
                    reason: io_reason(&e),
                });
                summary.failed += 1;
            }
        }
        seen.insert(path);
    }
    if !opts.keep_missing {
        for path in markers.keys().filter(|p| !seen.contains(*p)) {
            writer.delete_term(Term::from_field_text(fields.path, path));
            summary.removed += 1;
        }
    }

    let total = to_parse.len();
    let mut pending = 0usize;
    let mut last_commit = Instant::now();
    let mut error: Option<IndexError> = None;
    pipeline::run(&to_parse, pipeline_opts, |outcome: FileOutcome| {
        summary.parsed += 1;
        let path = outcome.source.display();
        match &outcome.result {
            Ok(records) => {
                for w in &outcome.warnings {
                    on(Event::Warning {
                        path: &path,
                        page: w.page,
                        message: &w.message,
                    });
                }
                let marker = Marker {
                    sha256: outcome.sha256.clone(),
                    version: version.clone(),
                };
                let added = add_file(&writer, &fields, &path, &marker, records);
                if let Err(e) = added {
                    error = Some(tantivy_err(&generation, e));
                    return false;
                }
                summary.records_written += records.len();
                if markers.contains_key(&path) {
                    summary.updated += 1;
                } else {
                    summary.added += 1;
                }
                pending += 1;
            }
            Err(reason) => {
                on(Event::Failed {
                    path: &path,
                    reason: reason.to_string(),
                });
                summary.failed += 1;
            }
        }
        on(Event::Parsed {
            done: summary.parsed,
            total,
        });
        if pending > 0
            && (pending >= opts.commit_every || last_commit.elapsed() >= opts.commit_interval)
        {
            if let Err(e) = writer.commit() {
                error = Some(tantivy_err(&generation, e));
                return false;
            }
            summary.commits += 1;
            release_free_memory();
            pending = 0;
            last_commit = Instant::now();
            on(Event::Committed {
                done: summary.parsed,
                total,
            });
        }
        true
    });
    if let Some(e) = error {
        return Err(e);
    }
    writer.commit().map_err(|e| tantivy_err(&generation, e))?;
    summary.commits += 1;
    on(Event::Committed {
        done: summary.parsed,
        total,
    });
    writer
        .wait_merging_threads()
        .map_err(|e| tantivy_err(&generation, e))?;
    if fresh && current.is_some() {
        write_pointer(dir, &generation)?;
        remove_other_generations(dir, &generation);
    }
    let (records, files) = count(&index, &fields).map_err(|e| tantivy_err(&generation, e))?;
    summary.records = records;
    summary.files = files;
    summary.elapsed = start.elapsed();
    Ok(summary)
}

/// Serve every allocation of at least glibc's default mmap threshold
/// (128 KiB) from its own mapping, returned to the system when freed.
/// Setting it also stops glibc from raising the threshold (up to 32 MiB)
/// each time such a block is freed, after which tantivy's 1 MiB arena
/// pages and multi-megabyte tables would stay in whichever malloc arena
/// the commit's indexing thread happened to use.
fn keep_large_blocks_out_of_arenas() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: mallopt only changes allocator parameters; it takes the
    // arenas' locks itself and may be called at any time.
    unsafe {
        libc::mallopt(libc::M_MMAP_THRESHOLD, 128 << 10);
    }
}

/// Hand the free memory of every malloc arena back to the system (what a
/// commit's indexing thread and its buffers left behind), so resident
/// memory stays near what is live from one commit to the next.
fn release_free_memory() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: malloc_trim only returns free pages; it locks each arena.
    unsafe {
        libc::malloc_trim(0);
    }
}

/// tantivy's log merge policy (segments of like size merged eight at a
/// time), held to a budget: a merge reads at most `max_bytes` of segment
/// files, and a segment over half the budget is final. A merge reads its
/// inputs through memory maps, and the pages it touches count as resident
/// until the inputs are dropped; unbounded, the merges of a large corpus
/// read ever bigger segments (a 10,000-file run mapped 350 MB at once).
/// Bounded, the largest merge is the same at 2,000 files as at 10,000; the
/// price is more segments in a large index (one per `max_bytes` or so).
#[derive(Debug)]
struct BoundedMerges {
    /// The generation folder the segments' files are in.
    dir: PathBuf,
    max_bytes: u64,
    log: LogMergePolicy,
}

impl BoundedMerges {
    fn new(dir: PathBuf, max_bytes: u64) -> BoundedMerges {
        BoundedMerges {
            dir,
            max_bytes,
            log: LogMergePolicy::default(),
        }
    }

    /// The bytes of a segment's files on disk; `None` if they cannot be
    /// read (such a segment is left alone).
    fn bytes(&self, segment: &SegmentMeta) -> Option<u64> {
        let mut total = 0u64;
        let mut found = false;
        for file in segment.list_files() {
            // Components a segment does not have (a delete file before any
            // delete, the temporary store) are simply absent.
            if let Ok(m) = std::fs::metadata(self.dir.join(file)) {
                total += m.len();
                found = true;
            }
        }
        found.then_some(total)
    }
}

impl MergePolicy for BoundedMerges {
    fn compute_merge_candidates(&self, segments: &[SegmentMeta]) -> Vec<MergeCandidate> {
        let mut sizes: HashMap<SegmentId, u64> = HashMap::new();
        let mut open: Vec<SegmentMeta> = Vec::new();
        for s in segments {
            if let Some(b) = self.bytes(s).filter(|b| *b <= self.max_bytes / 2) {
                sizes.insert(s.id(), b);
                open.push(s.clone());
            }
        }
        self.log
            .compute_merge_candidates(&open)
            .into_iter()
            .flat_map(|c| split_merge(c.0, &sizes, self.max_bytes))
            .map(MergeCandidate)
            .collect()
    }
}

/// Cut one merge into merges of at least two segments whose sizes add up
/// to at most `max_bytes`, largest segments first. Segments left over wait
/// for a later merge.
fn split_merge(
    mut ids: Vec<SegmentId>,
    sizes: &HashMap<SegmentId, u64>,
    max_bytes: u64,
) -> Vec<Vec<SegmentId>> {
    let size = |id: &SegmentId| sizes.get(id).copied().unwrap_or(u64::MAX);
    ids.sort_by_key(|id| std::cmp::Reverse(size(id)));
    let mut merges = Vec::new();
    let mut group: Vec<SegmentId> = Vec::new();
    let mut bytes = 0u64;
    for id in ids {
        let b = size(&id);
        if !group.is_empty() && bytes.saturating_add(b) > max_bytes {
            if group.len() >= 2 {
                merges.push(std::mem::take(&mut group));
            }
            group.clear();
            bytes = 0;
        }
        if b <= max_bytes {
            group.push(id);
            bytes = bytes.saturating_add(b);
        }
    }
    if group.len() >= 2 {
        merges.push(group);
    }
    merges
}

/// Replace one file's entries: delete by path, add its records and marker.
/// Nothing is committed here, so the swap is never seen half done.
fn add_file(
    writer: &IndexWriter<TantivyDocument>,
    fields: &Fields,
    path: &str,
    marker: &Marker,
    records: &[crate::record::OutRecord],
) -> tantivy::Result<()> {
    writer.delete_term(Term::from_field_text(fields.path, path));
    for (ord, r) in records.iter().enumerate() {
        let json = serde_json::to_string(r)
            .map_err(|e| tantivy::TantivyError::InternalError(format!("record to JSON: {e}")))?;
        writer.add_document(fields.record_doc(r, &json, ord as u64))?;
    }
    writer.add_document(fields.file_doc(
        path,
        &marker.sha256,
        records.len() as u64,
        &marker.version,
    ))?;
    Ok(())
}

/// What the index remembers of a file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Marker {
    pub sha256: String,
    /// The [`schema::parser_version`] that parsed it.
    pub version: String,
}

/// Indexed files, by path, from their markers.
pub fn read_markers(
    searcher: &tantivy::Searcher,
    fields: &Fields,
) -> tantivy::Result<BTreeMap<String, Marker>> {
    let query = TermQuery::new(
        Term::from_field_text(fields.entry, schema::ENTRY_FILE),
        IndexRecordOption::Basic,
    );
    let mut markers = BTreeMap::new();
    for addr in searcher.search(&query, &DocSetCollector)? {
        let doc: TantivyDocument = searcher.doc(addr)?;
        let text = |f| {
            doc.get_first(f)
                .and_then(|v| v.as_str().map(str::to_string))
                .unwrap_or_default()
        };
        markers.insert(
            text(fields.path),
            Marker {
                sha256: text(fields.sha256),
                version: text(fields.version),
            },
        );
    }
    Ok(markers)
}

/// Records and files in the index, as committed.
pub fn count(index: &Index, fields: &Fields) -> tantivy::Result<(u64, u64)> {
    let reader = index
        .reader_builder()
        .reload_policy(ReloadPolicy::Manual)
        .try_into()?;
    let searcher = reader.searcher();
    let n = |entry: &str| -> tantivy::Result<u64> {
        let q = TermQuery::new(
            Term::from_field_text(fields.entry, entry),
            IndexRecordOption::Basic,
        );
        Ok(searcher.search(&q, &Count)? as u64)
    };
    Ok((n(schema::ENTRY_RECORD)?, n(schema::ENTRY_FILE)?))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pipeline::{Options, PdfMode};

    fn options() -> pipeline::Options {
        Options {
            limits: crate::pdf::worker::Limits {
                timeout: Duration::from_secs(60),
                memory: 0,
            },
            pdf: PdfMode::InProcess,
            jobs: 1,
        }
    }

    #[test]
    fn merges_are_cut_to_the_byte_budget_largest_first() {
        let ids: Vec<SegmentId> = (0..6).map(|_| SegmentId::generate_random()).collect();
        let mb = 1u64 << 20;
        let sizes: HashMap<SegmentId, u64> = ids
            .iter()
            .zip([30, 30, 30, 5, 5, 70])
            .map(|(id, m)| (*id, m * mb))
            .collect();
        let merges = split_merge(ids.clone(), &sizes, 64 * mb);
        let total = |m: &Vec<SegmentId>| m.iter().map(|id| sizes[id]).sum::<u64>();
        assert_eq!(merges.len(), 2, "{merges:?}");
        assert!(merges.iter().all(|m| m.len() >= 2 && total(m) <= 64 * mb));
        // The 70 MB segment is over the budget on its own: never merged.
        assert!(merges.iter().all(|m| !m.contains(&ids[5])));
        assert_eq!(merges[0], vec![ids[0], ids[1]]);
        assert_eq!(merges[1], vec![ids[2], ids[3], ids[4]]);
        // A lone segment left over is no merge.
        assert!(split_merge(vec![ids[0], ids[5]], &sizes, 64 * mb).is_empty());
    }

    #[test]
    fn merges_follow_the_byte_budget_on_a_real_index() {
        let tmp = tempfile::tempdir().expect("tempdir");
        let seeds = Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds");
        let mut sources: Vec<Source> = crate::walk::walk(&[seeds]).0;
        assert_eq!(sources.len(), 5);
        // The seeds again under other names: ten files, ten segments.
        for s in sources.clone() {
            let name = s.path.file_name().and_then(|n| n.to_str()).unwrap_or("x");
            let copy = tmp.path().join(format!("copy-{name}"));
            std::fs::copy(&s.path, &copy).expect("copy");
            sources.push(Source { path: copy });
        }
        let dir = tmp.path().join("index");
        // A commit per file and no budget at all: nothing is ever merged.
        let opts = UpdateOptions {
            commit_every: 1,
            merge_bytes: 0,
            ..UpdateOptions::default()
        };
        let summary = update(&dir, &sources, &options(), &opts, &mut |_| {}).expect("index");
        assert_eq!(summary.files, 10);
        let index = super::super::open(&dir).expect("open");
        let metas = index.searchable_segment_metas().expect("segments");
        assert_eq!(metas.len(), 10, "one unmerged segment per commit");

        let generation = current_generation(&dir)
            .expect("pointer")
            .expect("generation");
        let mut sizes: Vec<u64> = metas
            .iter()
            .map(|m| {
                BoundedMerges::new(generation.clone(), 0)
                    .bytes(m)
                    .expect("files")
            })
            .collect();
        sizes.sort_unstable();
        // Room for the eight smallest segments: less than all ten, which
        // is what tantivy's own policy would merge in one go.
        let budget: u64 = sizes[..8].iter().sum();
        let unbounded = LogMergePolicy::default().compute_merge_candidates(&metas);
        assert_eq!(unbounded.len(), 1);
        assert_eq!(unbounded[0].0.len(), 10);
        let policy = BoundedMerges::new(generation, budget);
        let candidates = policy.compute_merge_candidates(&metas);
        assert!(!candidates.is_empty(), "ten small segments: a merge is due");
        for c in &candidates {
            let merged: Vec<u64> = metas
                .iter()
                .filter(|m| c.0.contains(&m.id()))
                .filter_map(|m| policy.bytes(m))
                .collect();
            assert!(merged.len() >= 2, "{merged:?}");
            assert!(
                merged.iter().sum::<u64>() <= budget,
                "{merged:?} > {budget}"
            );
            assert!(merged.iter().all(|b| *b <= budget / 2), "{merged:?}");
        }
    }

    #[test]
    fn files_parsed_by_another_version_are_parsed_again() {
        let tmp = tempfile::tempdir().expect("tempdir");
        let seed = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("seeds")
            .join("002_73f4e48f0bf20ba3.txt");
        let sources = [Source { path: seed }];
        let dir = tmp.path().join("index");
        let opts = UpdateOptions::default();
        let first = update(&dir, &sources, &options(), &opts, &mut |_| {}).expect("first");
        assert_eq!(
            (first.added, first.records),
            (1, first.records_written as u64)
        );
        let again = update(&dir, &sources, &options(), &opts, &mut |_| {}).expect("again");
        assert_eq!((again.unchanged, again.parsed), (1, 0));

        // The marker as an older agendex would have left it.
        let index = super::super::open(&dir).expect("open");
        let fields = Fields::of(&index.schema()).expect("fields");
        let mut writer: IndexWriter<TantivyDocument> =
            index.writer_with_num_threads(1, 15 << 20).expect("writer");
        let path = sources[0].display();
        let reader: tantivy::IndexReader = index.reader().expect("reader");
        let marker = read_markers(&reader.searcher(), &fields).expect("markers")[&path].clone();
        writer
            .delete_query(Box::new(TermQuery::new(
                Term::from_field_text(fields.entry, schema::ENTRY_FILE),
                IndexRecordOption::Basic,
            )))
            .expect("delete marker");
        writer
            .add_document(fields.file_doc(&path, &marker.sha256, 1, "agendex 0.0.1 records 1"))
            .expect("old marker");
        writer.commit().expect("commit");
        drop(writer);

        let upgraded = update(&dir, &sources, &options(), &opts, &mut |_| {}).expect("upgraded");
        assert_eq!(
            (upgraded.updated, upgraded.parsed, upgraded.unchanged),
            (1, 1, 0)
        );
        assert_eq!(upgraded.records, first.records);
    }
}

//! Write records into an index: one file's records at a time, replacing
//! what the index held for that file.
//!
//! Each indexed file has a marker entry holding its SHA-256 and the
//! version of agendex that parsed it; [`Updater::is_current`] tells a
//! caller which inputs need parsing at all. [`Updater::replace_file`]
//! replaces a file's entries in one step (delete by the `path` term, then
//! add the records and a new marker), so a search never sees half a file.
//! Files that are no longer among the inputs lose their entries.
//!
//! One `IndexWriter` with a bounded heap takes the records; a caller asks
//! [`Updater::commit_if_due`] after each file, which commits every few
//! files and seconds, so a killed run keeps its progress and the next run
//! finishes the work. A rebuild fills a new generation and swaps it in at
//! [`Updater::finish`]. It takes records, not files: reading and parsing
//! inputs is the pipeline's, and the command's (`agendex index`) to drive.
//!
//! Memory: the other part of a run's resident memory, beside the writer's
//! arena, is the index files a merge reads through memory maps: merges are
//! held to a byte budget (`BoundedMerges`), one at a time, so that part is
//! bounded too, at the price of more segments in a large index.

use super::schema::{self, Fields};
use super::{
    current_generation, damaged, io_err, next_generation, remove_other_generations, tantivy_err,
    write_pointer, IndexError, Result, WriterLock,
};
use crate::record::OutRecord;
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
    /// Commit after this many written files …
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
            commit_every: 100,
            commit_interval: Duration::from_secs(5),
            heap_bytes: 64 << 20,
            merge_bytes: 48 << 20,
        }
    }
}

/// What [`Updater::replace_file`] did to a file's entries.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Replaced {
    /// The file was not in the index.
    Added,
    /// The file's earlier entries were replaced.
    Updated,
}

/// What the index holds once a run is finished.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Totals {
    pub records: u64,
    pub files: u64,
}

/// An index open for writing: its folder locked against other writers
/// (released when the `Updater` is dropped), the generation being written,
/// and the files it held when opened.
pub struct Updater {
    dir: PathBuf,
    generation: PathBuf,
    /// A new generation, to be pointed at once finished.
    fresh: bool,
    /// There was a generation before this one (a rebuild replaces it).
    replaces: bool,
    index: Index,
    fields: Fields,
    writer: IndexWriter<TantivyDocument>,
    markers: BTreeMap<String, Marker>,
    /// Files dropped and files written in this run: with `markers`, the
    /// files the index holds once finished.
    removed: Vec<String>,
    written: BTreeMap<String, Marker>,
    version: String,
    opts: UpdateOptions,
    /// Files written since the last commit, and when that was.
    pending: usize,
    last_commit: Instant,
    _lock: WriterLock,
}

impl Updater {
    /// Lock the index in `dir` (created if missing) and open the generation
    /// to write: the current one, or a new one for a first build or a
    /// rebuild. [`IndexError::Busy`] when another writer holds the lock.
    pub fn open(dir: &Path, opts: &UpdateOptions) -> Result<Updater> {
        std::fs::create_dir_all(dir).map_err(|e| io_err(dir, &e))?;
        let lock = WriterLock::acquire(dir)?;

        // A rebuild starts afresh even where the pointer is damaged.
        let pointed = match current_generation(dir) {
            Err(IndexError::Damaged { .. }) if opts.rebuild => None,
            other => other?,
        };
        let current = pointed.filter(|g| g.join("meta.json").is_file());
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
            let index = Index::open_in_dir(&generation).map_err(|e| damaged(&generation, e))?;
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
        let writer: IndexWriter<TantivyDocument> = index
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
                .map_err(|e| damaged(&generation, e))?;
            read_markers(&reader.searcher(), &fields).map_err(|e| tantivy_err(&generation, e))?
        };
        Ok(Updater {
            dir: dir.to_path_buf(),
            generation,
            fresh,
            replaces: current.is_some(),
            index,
            fields,
            writer,
            markers,
            removed: Vec::new(),
            written: BTreeMap::new(),
            version: schema::parser_version(),
            opts: opts.clone(),
            pending: 0,
            last_commit: Instant::now(),
            _lock: lock,
        })
    }

    /// Does the index hold `path` with this SHA-256, parsed by this version
    /// of agendex? Then the file need not be read again.
    pub fn is_current(&self, path: &str, sha256: &str) -> bool {
        self.holds(path, sha256, &self.version)
    }

    /// Does the index hold `path` with this SHA-256, its entries made by
    /// `version` (see [`schema::records_version`] for entries made from
    /// records rather than by parsing)?
    pub fn holds(&self, path: &str, sha256: &str, version: &str) -> bool {
        self.markers
            .get(path)
            .is_some_and(|m| m.sha256 == sha256 && m.version == version)
    }

    /// Drop the entries of every indexed file whose path is not in
    /// `inputs`; returns how many files that was.
    pub fn remove_all_but(&mut self, inputs: &HashSet<String>) -> usize {
        let mut removed = 0;
        for path in self.markers.keys().filter(|p| !inputs.contains(*p)) {
            self.writer
                .delete_term(Term::from_field_text(self.fields.path, path));
            self.removed.push(path.clone());
            removed += 1;
        }
        removed
    }

    /// Replace the entries of the file at `path` (content `sha256`) with
    /// `records` and a new marker. Nothing is committed here, so the swap
    /// is never seen half done.
    pub fn replace_file(
        &mut self,
        path: &str,
        sha256: &str,
        records: &[OutRecord],
    ) -> Result<Replaced> {
        let version = self.version.clone();
        self.replace_file_as(path, sha256, &version, records)
    }

    /// [`Updater::replace_file`] with entries made by `version` rather than
    /// by this agendex parsing the file.
    pub fn replace_file_as(
        &mut self,
        path: &str,
        sha256: &str,
        version: &str,
        records: &[OutRecord],
    ) -> Result<Replaced> {
        let marker = Marker {
            sha256: sha256.to_string(),
            version: version.to_string(),
        };
        add_file(&self.writer, &self.fields, path, &marker, records)
            .map_err(|e| tantivy_err(&self.generation, e))?;
        self.written.insert(path.to_string(), marker);
        self.pending += 1;
        Ok(if self.markers.contains_key(path) {
            Replaced::Updated
        } else {
            Replaced::Added
        })
    }

    /// Commit when `commit_every` files were written since the last commit
    /// or `commit_interval` has passed with at least one; says whether it
    /// committed.
    pub fn commit_if_due(&mut self) -> Result<bool> {
        let due = self.pending > 0
            && (self.pending >= self.opts.commit_every
                || self.last_commit.elapsed() >= self.opts.commit_interval);
        if !due {
            return Ok(false);
        }
        self.commit()?;
        Ok(true)
    }

    fn commit(&mut self) -> Result<()> {
        self.writer
            .commit()
            .map_err(|e| tantivy_err(&self.generation, e))?;
        self.pending = 0;
        self.last_commit = Instant::now();
        Ok(())
    }

    /// Commit what is left, let merges finish, swap a rebuilt generation
    /// in, and count what the index holds.
    pub fn finish(self) -> Result<Totals> {
        Ok(self.finish_held()?.0)
    }

    /// [`Updater::finish`], with the marker of every file the index then
    /// holds: those it held when opened, less the files dropped, with the
    /// files written. Whoever reads the markers next (the links) need not
    /// read them from the index again.
    pub fn finish_held(mut self) -> Result<(Totals, BTreeMap<String, Marker>)> {
        self.commit()?;
        let Updater {
            dir,
            generation,
            fresh,
            replaces,
            index,
            fields,
            writer,
            mut markers,
            removed,
            written,
            _lock,
            ..
        } = self;
        for path in &removed {
            markers.remove(path);
        }
        markers.extend(written);
        writer
            .wait_merging_threads()
            .map_err(|e| tantivy_err(&generation, e))?;
        if fresh && replaces {
            write_pointer(&dir, &generation)?;
            remove_other_generations(&dir, &generation);
        }
        let (records, files) = count(&index, &fields).map_err(|e| tantivy_err(&generation, e))?;
        Ok((Totals { records, files }, markers))
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
    records: &[OutRecord],
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
    use crate::pipeline::{self, FileOutcome, Options, PdfMode};
    use crate::walk::Source;

    fn options() -> pipeline::Options {
        Options {
            limits: crate::pdf::worker::Limits {
                timeout: Duration::from_secs(60),
                memory: 0,
                ocr: crate::pdf::ocr::OcrMode::Auto,
            },
            pdf: PdfMode::InProcess,
            jobs: 1,
        }
    }

    fn seed(name: &str) -> Source {
        Source {
            path: Path::new(env!("CARGO_MANIFEST_DIR"))
                .join("seeds")
                .join(name),
        }
    }

    /// A file read and parsed, as the pipeline hands it over.
    fn parsed(source: &Source) -> (String, FileOutcome) {
        let outcome = pipeline::process(source, &options());
        assert!(outcome.result.is_ok(), "{:?}", outcome.result);
        (source.display(), outcome)
    }

    fn records(outcome: &FileOutcome) -> &[OutRecord] {
        outcome.result.as_deref().expect("records")
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
        let mut updater = Updater::open(&dir, &opts).expect("open");
        for source in &sources {
            let (path, outcome) = parsed(source);
            updater
                .replace_file(&path, &outcome.sha256, records(&outcome))
                .expect("write");
            assert!(updater.commit_if_due().expect("commit"), "one file each");
        }
        assert_eq!(updater.finish().expect("finish").files, 10);
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
        let dir = tmp.path().join("index");
        let opts = UpdateOptions::default();
        let (path, outcome) = parsed(&seed("002_73f4e48f0bf20ba3.txt"));
        let sha = outcome.sha256.as_str();
        let mut updater = Updater::open(&dir, &opts).expect("open");
        assert!(!updater.is_current(&path, sha), "an empty index");
        let first = updater
            .replace_file(&path, sha, records(&outcome))
            .expect("write");
        assert_eq!(first, Replaced::Added);
        let totals = updater.finish().expect("finish");
        assert_eq!(
            (totals.files, totals.records),
            (1, records(&outcome).len() as u64)
        );

        let again = Updater::open(&dir, &opts).expect("again");
        assert!(again.is_current(&path, sha));
        assert!(!again.is_current(&path, &"0".repeat(64)), "changed content");
        drop(again);

        // The marker as an older agendex would have left it.
        let index = super::super::open(&dir).expect("open");
        let fields = Fields::of(&index.schema()).expect("fields");
        let mut writer: IndexWriter<TantivyDocument> =
            index.writer_with_num_threads(1, 15 << 20).expect("writer");
        writer
            .delete_query(Box::new(TermQuery::new(
                Term::from_field_text(fields.entry, schema::ENTRY_FILE),
                IndexRecordOption::Basic,
            )))
            .expect("delete marker");
        writer
            .add_document(fields.file_doc(&path, sha, 1, "agendex 0.0.1 records 1"))
            .expect("old marker");
        writer.commit().expect("commit");
        drop(writer);

        let mut upgraded = Updater::open(&dir, &opts).expect("upgraded");
        assert!(
            !upgraded.is_current(&path, sha),
            "parsed by another version"
        );
        let second = upgraded
            .replace_file(&path, sha, records(&outcome))
            .expect("write");
        assert_eq!(second, Replaced::Updated);
        assert_eq!(upgraded.finish().expect("finish"), totals);
    }

    #[test]
    fn commits_fall_due_every_n_files_and_removed_inputs_lose_their_records() {
        let tmp = tempfile::tempdir().expect("tempdir");
        let dir = tmp.path().join("index");
        let opts = UpdateOptions {
            commit_every: 2,
            commit_interval: Duration::from_secs(3600),
            ..UpdateOptions::default()
        };
        let files: Vec<(String, FileOutcome)> =
            ["000_ab51a36975b4b00c.txt", "003_a0cb441c1b215d03.txt"]
                .into_iter()
                .map(|name| parsed(&seed(name)))
                .collect();
        let mut updater = Updater::open(&dir, &opts).expect("open");
        assert!(!updater.commit_if_due().expect("commit"), "nothing written");
        let mut due = Vec::new();
        for (path, outcome) in &files {
            updater
                .replace_file(path, &outcome.sha256, records(outcome))
                .expect("write");
            due.push(updater.commit_if_due().expect("commit"));
        }
        assert_eq!(due, [false, true], "the second file makes two");
        assert!(!updater.commit_if_due().expect("commit"), "just committed");
        let both = updater.finish().expect("finish");
        assert_eq!(both.files, 2);

        // Only the second file is among the inputs now.
        let mut updater = Updater::open(&dir, &opts).expect("reopen");
        let inputs: HashSet<String> = [files[1].0.clone()].into_iter().collect();
        assert_eq!(updater.remove_all_but(&inputs), 1);
        let left = updater.finish().expect("finish");
        assert_eq!(
            (left.files, left.records),
            (1, records(&files[1].1).len() as u64)
        );
    }
}

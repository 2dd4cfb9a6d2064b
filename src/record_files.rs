//! Records read back from JSON Lines, as `agendex extract` (or a cluster
//! running it) writes them, handed on one input file at a time.
//!
//! Paths name record files or folders of them (`*.jsonl`, `*.ndjson`, and
//! the `part-*` files a Hadoop-style job writes; names starting with `.`
//! or `_` are a job's bookkeeping and skipped). Files are read in sorted
//! order, lines in order; consecutive records with the same `source.path`
//! make one input file's records, as `extract` prints them. Owns no index:
//! what is done with the records is the caller's.

use crate::record::OutRecord;
use crate::walk::{io_reason, WalkError};
use std::collections::HashMap;
use std::io::BufRead;
use std::path::{Path, PathBuf};

/// One input file's records, in the order they were written.
#[derive(Debug)]
pub struct FileRecords {
    /// `source.path` of the records.
    pub path: String,
    /// `source.sha256` of the records.
    pub sha256: String,
    pub records: Vec<OutRecord>,
    /// Where the first record was read, for messages.
    pub at: Place,
    /// A line among them was not a record, or named another SHA-256: the
    /// file's records may be incomplete, so they are not handed over.
    damaged: bool,
}

/// A line of a record file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Place {
    pub file: PathBuf,
    pub line: usize,
}

impl std::fmt::Display for Place {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}:{}", self.file.display(), self.line)
    }
}

/// Something in the record files that is not a well-formed run of records.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum RecordFileError {
    #[error("{0}: {1}")]
    Unreadable(PathBuf, String),
    #[error("{at}: not a record: {reason}")]
    NotARecord { at: Place, reason: String },
    #[error(
        "{at}: records of {path} again, after records of other files (first at {first}): \
         a file's records must be together, as `extract` writes them"
    )]
    Scattered {
        at: Place,
        path: String,
        first: Place,
    },
    #[error("{at}: records of {path} name two SHA-256s ({a} and {b})")]
    TwoHashes {
        at: Place,
        path: String,
        a: String,
        b: String,
    },
    #[error("{at}: records of {path} left out: some lines among them could not be read")]
    Incomplete { at: Place, path: String },
}

impl RecordFileError {
    /// The input file a problem is about, where it is known.
    pub fn input_path(&self) -> Option<&str> {
        match self {
            RecordFileError::Scattered { path, .. }
            | RecordFileError::TwoHashes { path, .. }
            | RecordFileError::Incomplete { path, .. } => Some(path),
            _ => None,
        }
    }
}

/// Is this a record file a folder walk takes?
fn is_record_file(path: &Path) -> bool {
    let Some(name) = path.file_name().and_then(|n| n.to_str()) else {
        return false;
    };
    if name.starts_with('.') || name.starts_with('_') || name.ends_with(".crc") {
        return false;
    }
    let lower = name.to_ascii_lowercase();
    lower.ends_with(".jsonl") || lower.ends_with(".ndjson") || lower.starts_with("part-")
}

/// Expand paths into sorted record files: a file named is taken whatever
/// its name, a folder's record files are found recursively.
pub fn walk(paths: &[PathBuf]) -> (Vec<PathBuf>, Vec<WalkError>) {
    let mut files = Vec::new();
    let mut errors = Vec::new();
    for root in paths {
        match std::fs::metadata(root) {
            Ok(m) if m.is_file() => files.push(root.clone()),
            Ok(_) => {
                for entry in walkdir::WalkDir::new(root).follow_links(true) {
                    match entry {
                        Ok(e) if e.file_type().is_file() && is_record_file(e.path()) => {
                            files.push(e.path().to_path_buf())
                        }
                        Ok(_) => {}
                        Err(e) => errors.push(WalkError {
                            path: e.path().unwrap_or(root).to_string_lossy().into_owned(),
                            reason: e.to_string(),
                        }),
                    }
                }
            }
            Err(e) => errors.push(WalkError {
                path: root.to_string_lossy().into_owned(),
                reason: io_reason(&e),
            }),
        }
    }
    files.sort();
    files.dedup();
    (files, errors)
}

/// Read `files` in order and hand each input file's records to `sink`;
/// problems go to `problem`, and reading carries on past them. A line that
/// is not a record may have been one of the file being read: that file's
/// records are not handed over (nor are those of a file whose records name
/// two SHA-256s). The scattered records of a file that was already handed
/// over are not handed over again. `sink` returning an error stops the
/// reading and returns it.
pub fn for_each_file<E>(
    files: &[PathBuf],
    sink: &mut dyn FnMut(FileRecords) -> Result<(), E>,
    problem: &mut dyn FnMut(RecordFileError),
) -> Result<(), E> {
    let mut current: Option<FileRecords> = None;
    // Every input file handed over (or being read), and where it began.
    let mut seen: HashMap<String, Place> = HashMap::new();
    // The records of an input file met again after others: skipped.
    let mut skipping: Option<String> = None;
    for file in files {
        let reader = match std::fs::File::open(file) {
            Ok(f) => std::io::BufReader::new(f),
            Err(e) => {
                problem(RecordFileError::Unreadable(file.clone(), io_reason(&e)));
                continue;
            }
        };
        for (i, line) in reader.lines().enumerate() {
            let at = Place {
                file: file.clone(),
                line: i + 1,
            };
            let line = match line {
                Ok(l) => l,
                Err(e) => {
                    problem(RecordFileError::Unreadable(file.clone(), io_reason(&e)));
                    break;
                }
            };
            if line.trim().is_empty() {
                continue;
            }
            let record: OutRecord = match serde_json::from_str(&line) {
                Ok(r) => r,
                Err(e) => {
                    problem(RecordFileError::NotARecord {
                        at,
                        reason: e.to_string(),
                    });
                    if let Some(c) = current.as_mut() {
                        c.damaged = true;
                    }
                    continue;
                }
            };
            let path = record.source.path.clone();
            if let Some(c) = current.as_mut().filter(|c| c.path == path) {
                if c.sha256 != record.source.sha256 {
                    problem(RecordFileError::TwoHashes {
                        at,
                        path,
                        a: c.sha256.clone(),
                        b: record.source.sha256.clone(),
                    });
                    c.damaged = true;
                    continue;
                }
                c.records.push(record);
                continue;
            }
            if skipping.as_deref() == Some(path.as_str()) {
                continue;
            }
            if let Some(first) = seen.get(&path) {
                problem(RecordFileError::Scattered {
                    at,
                    path: path.clone(),
                    first: first.clone(),
                });
                skipping = Some(path);
                continue;
            }
            skipping = None;
            if let Some(done) = current.take() {
                hand_over(done, sink, problem)?;
            }
            seen.insert(path.clone(), at.clone());
            current = Some(FileRecords {
                path,
                sha256: record.source.sha256.clone(),
                records: vec![record],
                at,
                damaged: false,
            });
        }
    }
    if let Some(done) = current.take() {
        hand_over(done, sink, problem)?;
    }
    Ok(())
}

/// A file's records to the sink, unless damaged.
fn hand_over<E>(
    file: FileRecords,
    sink: &mut dyn FnMut(FileRecords) -> Result<(), E>,
    problem: &mut dyn FnMut(RecordFileError),
) -> Result<(), E> {
    if file.damaged {
        problem(RecordFileError::Incomplete {
            at: file.at,
            path: file.path,
        });
        return Ok(());
    }
    sink(file)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn record_line(path: &str, sha: &str, n: usize) -> String {
        format!(
            r#"{{"schema_version":1,"id":"{sha}-document-{n}","kind":"document","text":"t","source":{{"path":"{path}","sha256":"{sha}","page":1,"page_end":1,"page_label":null}},"document":{{"type":"other","title":null,"council":null,"body":null,"date":null,"pages":[1,1]}}}}"#
        )
    }

    fn read(files: &[PathBuf]) -> (Vec<(String, usize)>, Vec<String>) {
        let mut got = Vec::new();
        let mut problems = Vec::new();
        for_each_file::<()>(
            files,
            &mut |f| {
                got.push((f.path, f.records.len()));
                Ok(())
            },
            &mut |p| problems.push(p.to_string()),
        )
        .expect("no sink error");
        (got, problems)
    }

    #[test]
    fn records_are_grouped_by_file_across_record_files() {
        let tmp = tempfile::tempdir().expect("tempdir");
        let a = tmp.path().join("part-00000");
        let b = tmp.path().join("part-00001");
        std::fs::write(
            &a,
            [record_line("x.pdf", "aa", 1), record_line("y.pdf", "bb", 1)].join("\n"),
        )
        .expect("write");
        // y.pdf goes on in the next part; a blank line is nothing.
        std::fs::write(
            &b,
            [
                record_line("y.pdf", "bb", 2),
                String::new(),
                record_line("z.pdf", "cc", 1),
            ]
            .join("\n"),
        )
        .expect("write");
        std::fs::write(tmp.path().join("_SUCCESS"), "").expect("write");
        std::fs::write(tmp.path().join(".part-00000.crc"), "x").expect("write");
        let (files, errors) = walk(&[tmp.path().to_path_buf()]);
        assert!(errors.is_empty());
        assert_eq!(files, [a, b]);
        let (got, problems) = read(&files);
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!(
            got,
            [
                ("x.pdf".into(), 1),
                ("y.pdf".into(), 2),
                ("z.pdf".into(), 1)
            ]
        );
    }

    #[test]
    fn bad_lines_scattered_files_and_two_hashes_are_named_with_their_line() {
        let tmp = tempfile::tempdir().expect("tempdir");
        let f = tmp.path().join("r.jsonl");
        let lines = [
            record_line("x.pdf", "aa", 1),
            "{\"kind\":\"document\"}".to_string(),
            record_line("x.pdf", "ab", 2),
            record_line("y.pdf", "bb", 1),
            record_line("x.pdf", "aa", 3),
            record_line("x.pdf", "aa", 4),
            record_line("z.pdf", "cc", 1),
        ];
        std::fs::write(&f, lines.join("\n")).expect("write");
        let (got, problems) = read(std::slice::from_ref(&f));
        // x.pdf had a bad line among its records: left out.
        assert_eq!(got, [("y.pdf".into(), 1), ("z.pdf".into(), 1)]);
        let name = f.display();
        assert_eq!(problems.len(), 4, "{problems:?}");
        assert!(
            problems[0].starts_with(&format!("{name}:2: not a record: missing field")),
            "{problems:?}"
        );
        assert_eq!(
            problems[1],
            format!("{name}:3: records of x.pdf name two SHA-256s (aa and ab)")
        );
        assert_eq!(
            problems[2],
            format!("{name}:1: records of x.pdf left out: some lines among them could not be read")
        );
        assert!(
            problems[3].starts_with(&format!(
                "{name}:5: records of x.pdf again, after records of other files (first at {name}:1)"
            )),
            "{problems:?}"
        );
    }
}

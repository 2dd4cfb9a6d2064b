//! Command-line paths -> a sorted, de-duplicated list of input files.
//!
//! Folders are walked recursively with walkdir; `.pdf`, `.txt`, `.md`,
//! `.html` and `.htm` files are taken (a folder's README excepted),
//! everything else skipped. A path that does not exist is reported, not
//! fatal. Owns nothing about reading the files.

use sha2::{Digest, Sha256};
use std::path::{Path, PathBuf};

/// The kinds of input agendex reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum InputKind {
    Pdf,
    /// Plain text (`.txt`).
    Text,
    Markdown,
    Html,
}

/// One input file, with its path as given (relative stays relative).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Source {
    pub path: PathBuf,
}

impl Source {
    pub fn kind(&self) -> InputKind {
        input_kind(&self.path).unwrap_or(InputKind::Pdf)
    }
    /// The path as it goes into records: forward slashes, as given.
    pub fn display(&self) -> String {
        self.path.to_string_lossy().replace('\\', "/")
    }
}

fn input_kind(path: &Path) -> Option<InputKind> {
    let ext = path.extension()?.to_str()?.to_ascii_lowercase();
    match ext.as_str() {
        "pdf" => Some(InputKind::Pdf),
        "txt" => Some(InputKind::Text),
        "md" => Some(InputKind::Markdown),
        "html" | "htm" => Some(InputKind::Html),
        _ => None,
    }
}

/// A folder's own README (`README.md`, `readme.txt`) describes the folder,
/// it is not a committee paper: skipped inside folders, read when named.
fn is_folder_readme(path: &Path) -> bool {
    path.file_stem()
        .and_then(|s| s.to_str())
        .is_some_and(|s| s.eq_ignore_ascii_case("readme"))
}

/// A path that could not be walked.
#[derive(Debug, Clone, PartialEq)]
pub struct WalkError {
    pub path: String,
    pub reason: String,
}

/// Expand paths into sorted input files. A file named explicitly is taken
/// whatever its extension is; inside folders only known extensions are.
pub fn walk(paths: &[PathBuf]) -> (Vec<Source>, Vec<WalkError>) {
    let mut sources = Vec::new();
    let mut errors = Vec::new();
    for root in paths {
        let meta = match std::fs::metadata(root) {
            Ok(m) => m,
            Err(e) => {
                errors.push(WalkError {
                    path: root.to_string_lossy().into_owned(),
                    reason: io_reason(&e),
                });
                continue;
            }
        };
        if meta.is_file() {
            sources.push(Source { path: root.clone() });
            continue;
        }
        for entry in walkdir::WalkDir::new(root).follow_links(true) {
            match entry {
                Ok(e)
                    if e.file_type().is_file()
                        && input_kind(e.path()).is_some()
                        && !is_folder_readme(e.path()) =>
                {
                    sources.push(Source {
                        path: e.path().to_path_buf(),
                    })
                }
                Ok(_) => {}
                Err(e) => errors.push(WalkError {
                    path: e
                        .path()
                        .map(|p| p.to_string_lossy().into_owned())
                        .unwrap_or_else(|| root.to_string_lossy().into_owned()),
                    reason: e.to_string(),
                }),
            }
        }
    }
    sources.sort();
    sources.dedup();
    (sources, errors)
}

/// A lowercase reason for an I/O error, without the OS error number.
pub fn io_reason(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => "no such file or directory".into(),
        std::io::ErrorKind::PermissionDenied => "permission denied".into(),
        _ => e.to_string().to_lowercase(),
    }
}

/// Lowercase hex SHA-256 of some bytes.
pub fn sha256_hex(bytes: &[u8]) -> String {
    let digest = Sha256::digest(bytes);
    let mut s = String::with_capacity(64);
    for b in digest {
        s.push_str(&format!("{b:02x}"));
    }
    s
}

/// SHA-256 of a file, streamed.
pub fn hash_file(path: &Path) -> std::io::Result<String> {
    use std::io::Read;
    let mut f = std::fs::File::open(path)?;
    let mut h = Sha256::new();
    let mut buf = vec![0u8; 1 << 16];
    loop {
        let n = f.read(&mut buf)?;
        if n == 0 {
            break;
        }
        h.update(&buf[..n]);
    }
    Ok(h.finalize().iter().map(|b| format!("{b:02x}")).collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folders_give_sorted_known_inputs_without_their_readme() {
        let dir = tempfile::tempdir().unwrap();
        for name in [
            "b.pdf",
            "a.txt",
            "notes.md",
            "README.md",
            "data.csv",
            "minutes.html",
            "old.HTM",
            "style.css",
        ] {
            std::fs::write(dir.path().join(name), "x").unwrap();
        }
        let (sources, errors) = walk(&[dir.path().to_path_buf()]);
        assert!(errors.is_empty());
        let names: Vec<_> = sources
            .iter()
            .map(|s| s.path.file_name().unwrap().to_str().unwrap().to_string())
            .collect();
        assert_eq!(
            names,
            ["a.txt", "b.pdf", "minutes.html", "notes.md", "old.HTM"]
        );
        let kinds: Vec<_> = sources.iter().map(Source::kind).collect();
        assert_eq!(
            kinds,
            [
                InputKind::Text,
                InputKind::Pdf,
                InputKind::Html,
                InputKind::Markdown,
                InputKind::Html
            ]
        );
        // Named explicitly, a README is read like any other file.
        let (sources, _) = walk(&[dir.path().join("README.md")]);
        assert_eq!(sources.len(), 1);
    }
}

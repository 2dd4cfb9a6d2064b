//! The seed texts, for unit tests that compare a fast path with the plain
//! code it stands for over every real line (tests only: the crate itself
//! reads no files).

use std::path::Path;

/// The text of every seed in `../seeds`, in file-name order.
pub fn seed_texts() -> Vec<String> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../seeds");
    let mut paths: Vec<_> = std::fs::read_dir(root)
        .expect("seeds")
        .map(|e| e.expect("seed").path())
        .collect();
    paths.sort();
    paths
        .iter()
        .map(|p| std::fs::read_to_string(p).expect("seed text"))
        .collect()
}

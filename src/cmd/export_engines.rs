//! `agendex export --format quickwit|opensearch -o DIR`: the index's
//! records for another search engine, as its config (Quickwit's index
//! config, OpenSearch's settings and mapping) and its documents (Quickwit's
//! NDJSON, OpenSearch's `_bulk` body), from the records the index stores.
//! Each file is written whole under a temporary name, then renamed.

use super::{temp_name, EXIT_FATAL, EXIT_OK};
use crate::cli::{ExportArgs, ExportFormat};
use agendex::index::engines::{self, Documents};
use agendex::index::{export, IndexError};
use agendex::record::OutRecord;
use anyhow::{Context, Result};
use std::io::Write;
use std::path::Path;

/// The files an engine export writes into its folder.
struct Files {
    engine: &'static str,
    config: &'static str,
    documents: &'static str,
}

fn files(format: ExportFormat) -> Files {
    match format {
        ExportFormat::Quickwit => Files {
            engine: "quickwit",
            config: "index-config.yaml",
            documents: "docs.ndjson",
        },
        _ => Files {
            engine: "opensearch",
            config: "index.json",
            documents: "bulk.ndjson",
        },
    }
}

pub fn run(args: &ExportArgs) -> Result<i32> {
    let files = files(args.format);
    let Some(dir) = &args.output else {
        eprintln!(
            "agendex: the {} export needs a folder: add -o DIR",
            files.engine
        );
        return Ok(EXIT_FATAL);
    };
    if let Err(reason) = check_name(&args.name) {
        eprintln!("agendex: --name {:?}: {reason}", args.name);
        return Ok(EXIT_FATAL);
    }
    std::fs::create_dir_all(dir).with_context(|| format!("cannot create {}", dir.display()))?;
    let opensearch = args.format == ExportFormat::Opensearch;

    let docs_path = dir.join(files.documents);
    let n = match write_documents(&args.index, &docs_path, &args.name, opensearch) {
        Ok(n) => n,
        Err(e) => match e.downcast_ref::<IndexError>() {
            Some(e @ IndexError::Missing(_)) => {
                eprintln!("agendex: {e}");
                return Ok(EXIT_FATAL);
            }
            _ => return Err(e),
        },
    };
    let config = if opensearch {
        let mut text = serde_json::to_string_pretty(&engines::opensearch_mapping())?;
        text.push('\n');
        text
    } else {
        engines::quickwit_config_yaml(&args.name)
    };
    write_whole(&dir.join(files.config), config.as_bytes())?;
    eprintln!(
        "{n} records: {} and {} in {}",
        files.config,
        files.documents,
        dir.display()
    );
    Ok(EXIT_OK)
}

/// An index name both engines take: Quickwit's index ids and OpenSearch's
/// index names (lower case only) share this form.
fn check_name(name: &str) -> Result<(), &'static str> {
    let mut chars = name.chars();
    let first_ok = chars.next().is_some_and(|c| c.is_ascii_lowercase());
    let rest_ok = chars.all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || "._-".contains(c));
    if first_ok && rest_ok && (3..=255).contains(&name.len()) {
        Ok(())
    } else {
        Err("an index name is 3 to 255 lower-case letters, digits, '.', '_' or '-', starting with a letter")
    }
}

/// Every record's document, one per line (for OpenSearch each after its
/// `index` action, the record id as `_id`); returns how many.
fn write_documents(index: &Path, path: &Path, name: &str, opensearch: bool) -> Result<usize> {
    let tmp = temp_name(path);
    let result = fill(index, &tmp, name, opensearch).and_then(|n| {
        std::fs::rename(&tmp, path).with_context(|| format!("cannot write {}", path.display()))?;
        Ok(n)
    });
    if result.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    result
}

fn fill(index: &Path, tmp: &Path, name: &str, opensearch: bool) -> Result<usize> {
    let file =
        std::fs::File::create(tmp).with_context(|| format!("cannot create {}", tmp.display()))?;
    let mut out = std::io::BufWriter::new(file);
    let documents = Documents::new()?;
    let mut failure: Option<anyhow::Error> = None;
    // The position of each record among its file's records (export hands
    // them over file by file, in document order).
    let mut current_path = String::new();
    let mut ord = 0u64;
    let n = export::for_each_record(index, &mut |json| {
        let record: OutRecord = match serde_json::from_str(json) {
            Ok(r) => r,
            Err(e) => {
                failure = Some(anyhow::anyhow!("a stored record does not read back: {e}"));
                return false;
            }
        };
        if record.source.path != current_path {
            current_path.clone_from(&record.source.path);
            ord = 0;
        }
        let doc = documents.document(&record, json, ord);
        ord += 1;
        let mut line = String::new();
        if opensearch {
            let action = serde_json::json!({"index": {"_index": name, "_id": record.id}});
            line.push_str(&action.to_string());
            line.push('\n');
        }
        line.push_str(&serde_json::Value::Object(doc).to_string());
        line.push('\n');
        if let Err(e) = out.write_all(line.as_bytes()) {
            failure = Some(anyhow::anyhow!("cannot write {}: {e}", tmp.display()));
            return false;
        }
        true
    })?;
    if let Some(e) = failure {
        return Err(e);
    }
    out.flush()
        .with_context(|| format!("cannot write {}", tmp.display()))?;
    Ok(n)
}

fn write_whole(path: &Path, bytes: &[u8]) -> Result<()> {
    let tmp = temp_name(path);
    std::fs::write(&tmp, bytes).with_context(|| format!("cannot write {}", tmp.display()))?;
    std::fs::rename(&tmp, path).with_context(|| format!("cannot write {}", path.display()))
}

#[cfg(test)]
mod tests {
    use super::check_name;

    #[test]
    fn index_names_both_engines_take() {
        assert!(check_name("agendex").is_ok());
        assert!(check_name("council-papers_2024.v1").is_ok());
        for bad in ["ab", "Agendex", "1papers", "-x-y", "a b c", "a/b/c", "über"] {
            assert!(check_name(bad).is_err(), "{bad}");
        }
    }
}

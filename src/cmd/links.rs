//! `agendex links`: the links among records, from papers read now or from
//! the index's stored links.

use super::{pipeline_options, EXIT_OK, EXIT_SOME_FAILED};
use crate::cli::LinksArgs;
use agendex::links::{self, Node};
use agendex::{pipeline, walk};
use anyhow::Result;
use std::io::Write;
use std::path::PathBuf;

pub fn run(args: &LinksArgs) -> Result<i32> {
    let (found, failed) = if args.paths.is_empty() {
        (links::store::read(&args.index)?, 0)
    } else {
        let (nodes, failed) = read_nodes(&args.paths, &args.read)?;
        (links::compute_nodes(&nodes), failed)
    };
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    for l in &found {
        serde_json::to_writer(&mut out, l)?;
        out.write_all(b"\n")?;
    }
    out.flush()?;
    Ok(if failed > 0 {
        EXIT_SOME_FAILED
    } else {
        EXIT_OK
    })
}

/// The link nodes of every record of the papers at `paths`, and how many
/// inputs failed (said on stderr).
pub fn read_nodes(paths: &[PathBuf], read: &crate::cli::ReadArgs) -> Result<(Vec<Node>, usize)> {
    let (sources, walk_errors) = walk::walk(paths);
    let mut failed = walk_errors.len();
    for e in &walk_errors {
        eprintln!("agendex: {}: {}", e.path, e.reason);
    }
    let mut nodes = Vec::new();
    pipeline::run(&sources, &pipeline_options(read), |outcome| {
        match &outcome.result {
            Ok(recs) => nodes.extend(recs.iter().map(Node::of)),
            Err(reason) => {
                eprintln!("agendex: {}: {reason}", outcome.source.display());
                failed += 1;
            }
        }
        true
    });
    Ok((nodes, failed))
}

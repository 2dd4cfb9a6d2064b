//! `agendex thread ID`: one record's chain of linked records, in date
//! order, as text or JSON.

use super::{EXIT_FATAL, EXIT_OK};
use crate::cli::{ThreadArgs, ThreadFormat};
use agendex::links::{self, thread};
use anyhow::Result;
use std::io::Write;

pub fn run(args: &ThreadArgs) -> Result<i32> {
    let (nodes, links) = if args.paths.is_empty() {
        let mut nodes = links::store::nodes(&args.index)?;
        // A record links never read (attendance, a table) is not kept
        // among the nodes: its thread is itself, read from the index.
        if !nodes.iter().any(|n| n.id == args.id) {
            let record = agendex::index::query::record(&args.index, &args.id)?
                .and_then(|v| serde_json::from_value::<agendex::record::OutRecord>(v).ok());
            nodes.extend(record.map(|r| links::Node::of(&r)));
        }
        (nodes, links::store::read(&args.index)?)
    } else {
        let (nodes, _) = super::links::read_nodes(&args.paths, &args.read)?;
        let found = links::compute_nodes(&nodes);
        (nodes, found)
    };
    let steps = thread::thread(&args.id, &nodes, &links);
    if steps.is_empty() {
        eprintln!("agendex: no record {}", args.id);
        return Ok(EXIT_FATAL);
    }
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    match args.format {
        ThreadFormat::Json => {
            serde_json::to_writer_pretty(&mut out, &steps)?;
            out.write_all(b"\n")?;
        }
        ThreadFormat::Text => {
            for s in &steps {
                writeln!(out, "{}", thread::step_line(s))?;
            }
        }
    }
    out.flush()?;
    Ok(EXIT_OK)
}

//! `agendex pages`: show the pages as the grammars receive them.

use super::{is_broken_pipe, pipeline_options, EXIT_OK, EXIT_SOME_FAILED};
use crate::cli::PagesArgs;
use agendex::pipeline;
use agendex::walk;
use anyhow::Result;
use std::io::Write;

pub fn run(args: &PagesArgs) -> Result<i32> {
    let (sources, walk_errors) = walk::walk(&args.paths);
    let mut failed = walk_errors.len();
    for e in &walk_errors {
        eprintln!("agendex: {}: {}", e.path, e.reason);
    }
    let opts = pipeline_options(&args.read);
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    for source in &sources {
        let path = source.display();
        let pages = match pipeline::read_pages(source, &opts) {
            Ok((_, pages)) => pages,
            Err(e) => {
                eprintln!("agendex: {path}: {e}");
                failed += 1;
                continue;
            }
        };
        let written = if args.json {
            serde_json::to_writer(&mut out, &pages)
                .map_err(std::io::Error::from)
                .and_then(|_| out.write_all(b"\n"))
        } else {
            write_text(&mut out, &path, &pages)
        };
        if let Err(e) = written {
            if is_broken_pipe(&e) {
                return Ok(EXIT_OK);
            }
            return Err(e.into());
        }
    }
    if let Err(e) = out.flush() {
        if !is_broken_pipe(&e) {
            return Err(e.into());
        }
    }
    Ok(if failed > 0 {
        EXIT_SOME_FAILED
    } else {
        EXIT_OK
    })
}

fn write_text(out: &mut impl Write, path: &str, pages: &[grammars::Page]) -> std::io::Result<()> {
    for page in pages {
        match &page.label {
            Some(label) => writeln!(out, "=== {path} page {} [{label}]", page.number)?,
            None => writeln!(out, "=== {path} page {}", page.number)?,
        }
        for line in &page.lines {
            let cells: Vec<&str> = line.cells.iter().map(|c| c.text.as_str()).collect();
            match line.table {
                Some(k) => writeln!(out, "T{k} | {}", cells.join(" | "))?,
                None => writeln!(out, "{}", cells.join(" | "))?,
            }
        }
    }
    Ok(())
}

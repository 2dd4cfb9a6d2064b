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
        let written = if args.outline {
            write_outline(&mut out, &path, &pages, args.json)
        } else if args.json {
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

/// Each document of a file, then its headings indented by level with
/// their pages; or the same as one JSON line per file.
fn write_outline(
    out: &mut impl Write,
    path: &str,
    pages: &[grammars::Page],
    json: bool,
) -> std::io::Result<()> {
    let docs = grammars::outlines(pages);
    if json {
        serde_json::to_writer(&mut *out, &docs).map_err(std::io::Error::from)?;
        return out.write_all(b"\n");
    }
    for doc in &docs {
        let info = &doc.info;
        writeln!(
            out,
            "=== {path} pages {}-{} {}: {}",
            info.pages[0],
            info.pages[1],
            info.doc_type.as_str(),
            info.title.as_deref().unwrap_or("(untitled)")
        )?;
        for h in &doc.headings {
            let indent = "  ".repeat(usize::from(h.level.saturating_sub(1)));
            writeln!(out, "p{:<4} {indent}H{} {}", h.page, h.level, h.text)?;
        }
    }
    Ok(())
}

fn write_text(out: &mut impl Write, path: &str, pages: &[grammars::Page]) -> std::io::Result<()> {
    for page in pages {
        match &page.label {
            Some(label) => writeln!(out, "=== {path} page {} [{label}]", page.number)?,
            None => writeln!(out, "=== {path} page {}", page.number)?,
        }
        for line in &page.lines {
            let cells: Vec<&str> = line.cells.iter().map(|c| c.text.as_str()).collect();
            let marks = marks(line);
            match line.table {
                Some(k) => writeln!(out, "{marks}T{k} | {}", cells.join(" | "))?,
                None => writeln!(out, "{marks}{}", cells.join(" | "))?,
            }
        }
    }
    Ok(())
}

/// Relative sizes from which a line is marked larger or smaller than body text.
const LARGER: f32 = 1.15;
const SMALLER: f32 = 0.85;

/// A line's typography as a prefix ("[HBC x1.6] "), empty for plain body
/// text: `H` bold or larger than body text (a heading's look; not on table
/// rows), `H1`..`H6` a heading its markup marks with its level, `B` bold, `I` italic, `C` centred, `R` set right, `A` all
/// capitals, `xN` size relative to the body text where it differs.
fn marks(line: &grammars::Line) -> String {
    use grammars::input::Align;
    if line.is_blank() {
        return String::new();
    }
    let larger = line.rel_size >= LARGER;
    let mut m = String::new();
    if let Some(level) = line.heading {
        m.push_str(&format!("H{level}"));
    } else if line.table.is_none() && (line.bold || larger) {
        m.push('H');
    }
    if line.bold {
        m.push('B');
    }
    if line.italic {
        m.push('I');
    }
    match line.align {
        Align::Centre => m.push('C'),
        Align::Right => m.push('R'),
        Align::Left => {}
    }
    if line.caps {
        m.push('A');
    }
    if larger || (line.rel_size > 0.0 && line.rel_size <= SMALLER) {
        if !m.is_empty() {
            m.push(' ');
        }
        m.push_str(&format!("x{:.1}", line.rel_size));
    }
    if m.is_empty() {
        m
    } else {
        format!("[{m}] ")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use grammars::input::Align;
    use grammars::Line;

    fn line(text: &str) -> Line {
        Line {
            text: text.into(),
            rel_size: 1.0,
            ..Line::default()
        }
    }

    #[test]
    fn body_text_has_no_marks_and_a_centred_title_has_them_all() {
        assert_eq!(marks(&line("The meeting was held")), "");
        let title = Line {
            bold: true,
            align: Align::Centre,
            caps: true,
            rel_size: 1.64,
            ..line("AGENDA")
        };
        assert_eq!(marks(&title), "[HBCA x1.6] ");
        let note = Line {
            italic: true,
            align: Align::Right,
            rel_size: 0.8,
            ..line("Draft")
        };
        assert_eq!(marks(&note), "[IR x0.8] ");
        let header = Line {
            bold: true,
            table: Some(0),
            ..line("Name\tRole")
        };
        assert_eq!(marks(&header), "[B] ");
        assert_eq!(marks(&line("   ")), "");
    }
}

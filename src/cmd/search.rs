//! `agendex search`: run a query against the index and print the results,
//! for people (text, with facet counts) or scripts (JSON).

use super::{is_broken_pipe, EXIT_FATAL, EXIT_OK};
use crate::cli::{SearchArgs, SearchFormat};
use agendex::index::query::{self, FacetCount, SearchRequest, SearchResults, Snippet};
use agendex::index::searchers;
use agendex::index::IndexError;
use agendex::links::thread::{self, Step};
use agendex::links::{store, Node};
use agendex::record::OutRecord;
use anyhow::Result;
use std::collections::BTreeMap;
use std::io::{IsTerminal, Write};
use std::path::Path;

pub fn run(args: &SearchArgs) -> Result<i32> {
    let req = SearchRequest {
        query: args.query.clone(),
        kind: args.kind.clone(),
        body: args.body.clone(),
        council: args.council.clone(),
        doc_type: args.doc_type.clone(),
        since: args.since.clone(),
        until: args.until.clone(),
        decision: args.decision.clone(),
        grade: args.grade.clone(),
        key: args.key.clone(),
        carried: args.carried.clone(),
        limit: args.limit.max(1),
        offset: args.offset,
        unfolded: args.unfolded,
    };
    searchers::set_search_threads(args.search_threads);
    let mut results = match query::search(&args.index, &req) {
        Ok(r) => r,
        Err(e @ (IndexError::Query(_) | IndexError::Request(_) | IndexError::Missing(_))) => {
            eprintln!("agendex: {e}");
            return Ok(EXIT_FATAL);
        }
        Err(e) => return Err(e.into()),
    };
    if args.thread {
        add_threads(&args.index, &mut results)?;
    }
    let stdout = std::io::stdout();
    let bold = stdout.is_terminal();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let written = match args.format {
        SearchFormat::Json => serde_json::to_writer(&mut out, &results)
            .map_err(std::io::Error::from)
            .and_then(|_| out.write_all(b"\n")),
        SearchFormat::Text => write_text(&mut out, &results, bold),
    }
    .and_then(|_| out.flush());
    match written {
        Ok(()) => Ok(EXIT_OK),
        Err(e) if is_broken_pipe(&e) => Ok(EXIT_OK),
        Err(e) => Err(anyhow::anyhow!("cannot write results: {e}")),
    }
}

/// Give each hit its thread from the index's stored links, reading only
/// the records those links reach, each once however many hits share it.
fn add_threads(index: &Path, results: &mut SearchResults) -> Result<()> {
    let links = store::read(index)?;
    let mut nodes: BTreeMap<String, Option<Node>> = BTreeMap::new();
    let mut failed = None;
    for hit in &mut results.hits {
        let id = hit.record.get("id").and_then(|v| v.as_str()).unwrap_or("");
        let steps = thread::thread_fetched(id, &links, |i| {
            if let Some(n) = nodes.get(i) {
                return n.clone();
            }
            let node = match query::record(index, i) {
                Ok(v) => v
                    .and_then(|v| serde_json::from_value::<OutRecord>(v).ok())
                    .map(|r| Node::of(&r)),
                Err(e) => {
                    failed.get_or_insert(e);
                    None
                }
            };
            nodes.insert(i.to_string(), node.clone());
            node
        });
        hit.thread = Some(steps);
    }
    match failed {
        Some(e) => Err(e.into()),
        None => Ok(()),
    }
}

fn write_text(out: &mut dyn Write, r: &SearchResults, bold: bool) -> std::io::Result<()> {
    let shown = r.hits.len();
    let noun = if r.total == 1 { "record" } else { "records" };
    if shown == 0 {
        writeln!(out, "{} {noun} match {:?}", r.total, r.query)?;
    } else {
        writeln!(
            out,
            "{} {noun} match {:?} ({}-{} shown)",
            r.total,
            r.query,
            r.offset + 1,
            r.offset + shown
        )?;
    }
    for (i, hit) in r.hits.iter().enumerate() {
        let rec = &hit.record;
        let s = |p: &str| rec.pointer(p).and_then(|v| v.as_str()).unwrap_or("");
        let mut head = vec![s("/kind").to_string()];
        head.push(match s("/document/date") {
            "" => "undated".to_string(),
            d => d.to_string(),
        });
        for p in ["/document/body", "/document/council"] {
            if !s(p).is_empty() {
                head.push(s(p).to_string());
            }
        }
        writeln!(out)?;
        writeln!(out, "{}. {}", r.offset + i + 1, head.join(" · "))?;
        if !s("/document/title").is_empty() {
            writeln!(out, "   {}", s("/document/title"))?;
        }
        writeln!(out, "   {}", highlighted(&hit.snippet, bold))?;
        let label = match s("/source/page_label") {
            "" => String::new(),
            l => format!(" ({l})"),
        };
        writeln!(out, "   {}{label}", hit.link)?;
        if let Some(d) = &hit.document {
            writeln!(out, "   in the document: {} ({})", d.title, d.link)?;
        }
        let also_in = hit.also_in_places();
        if !also_in.is_empty() {
            let links: Vec<&str> = also_in.iter().map(|f| f.link.as_str()).collect();
            writeln!(out, "   also in: {}", links.join(", "))?;
        }
        if !hit.more.is_empty() {
            let n = hit.more.len();
            let kinds: Vec<String> = hit
                .more
                .iter()
                .map(|f| format!("{} {}", f.kind, f.link))
                .collect();
            writeln!(out, "   {n} more in this document: {}", kinds.join(", "))?;
        }
        write_thread(out, hit.thread.as_deref().unwrap_or_default(), s("/id"))?;
    }
    if r.total > 0 {
        writeln!(out)?;
        facet_line(out, "kind", &r.facets.kind)?;
        facet_line(out, "body", &r.facets.body)?;
        facet_line(out, "year", &r.facets.year)?;
        facet_line(out, "decision", &r.facets.decision)?;
        facet_line(out, "key decision", &r.facets.key)?;
        facet_line(out, "carried", &r.facets.carried)?;
        facet_line(out, "grade", &r.facets.grade)?;
    }
    Ok(())
}

/// A hit's thread under it, one step a line, the hit's own step marked `>`.
fn write_thread(out: &mut dyn Write, steps: &[Step], id: &str) -> std::io::Result<()> {
    if steps.is_empty() {
        return Ok(());
    }
    writeln!(out, "   thread:")?;
    for step in steps {
        let mark = if step.id == id { ">" } else { " " };
        for (n, line) in thread::step_line(step).lines().enumerate() {
            let lead = if n == 0 { mark } else { " " };
            writeln!(out, "   {lead} {line}")?;
        }
    }
    Ok(())
}

fn facet_line(out: &mut dyn Write, name: &str, counts: &[FacetCount]) -> std::io::Result<()> {
    if counts.is_empty() {
        return Ok(());
    }
    let parts: Vec<String> = counts
        .iter()
        .take(10)
        .map(|c| format!("{} {}", c.value, c.count))
        .collect();
    let more = if counts.len() > 10 { " · …" } else { "" };
    writeln!(out, "{name}: {}{more}", parts.join(" · "))
}

/// The snippet with matched words marked: bold on a terminal, `**…**`
/// otherwise; words matched side by side are marked as one.
fn highlighted(s: &Snippet, bold: bool) -> String {
    let (open, close) = if bold {
        ("\x1b[1m", "\x1b[0m")
    } else {
        ("**", "**")
    };
    let mut spans: Vec<[usize; 2]> = Vec::new();
    for &[a, b] in &s.highlights {
        if let Some(last) = spans.last_mut() {
            if a >= last[1] && s.text.get(last[1]..a).is_some_and(|g| g.trim().is_empty()) {
                last[1] = b;
                continue;
            }
        }
        spans.push([a, b]);
    }
    let mut out = String::with_capacity(s.text.len() + spans.len() * 4);
    let mut at = 0;
    for [a, b] in spans {
        let (Some(before), Some(word)) = (s.text.get(at..a), s.text.get(a..b)) else {
            continue;
        };
        out.push_str(before);
        out.push_str(open);
        out.push_str(word);
        out.push_str(close);
        at = b;
    }
    out.push_str(s.text.get(at..).unwrap_or(""));
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn adjacent_matches_are_marked_as_one() {
        let s = Snippet {
            text: "from the High Needs Block be agreed".into(),
            highlights: vec![[9, 13], [14, 19], [20, 25]],
            html: String::new(),
        };
        assert_eq!(
            highlighted(&s, false),
            "from the **High Needs Block** be agreed"
        );
    }
}

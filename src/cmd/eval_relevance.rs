//! `agendex eval --relevance DIR`: index the inputs, run each query of a
//! judged set against the index and score the first results
//! (`agendex::eval::relevance` does the scoring).

use super::EXIT_OK;
use crate::cli::{EvalArgs, EvalFormat, IndexArgs};
use agendex::eval::relevance::{self, Place, QuerySet, Relevance, Shown, CUTOFF};
use agendex::index::query::{self, SearchRequest};
use anyhow::{Context, Result};
use std::path::{Path, PathBuf};

/// Read the query set in `dir` (`queries.tsv`, `qrels.jsonl`).
pub fn read_set(dir: &Path) -> Result<QuerySet> {
    let read = |name: &str| {
        let p = dir.join(name);
        std::fs::read_to_string(&p).with_context(|| format!("cannot read {}", p.display()))
    };
    QuerySet::parse(&read("queries.tsv")?, &read("qrels.jsonl")?)
        .map_err(|e| anyhow::anyhow!("{}: {e}", dir.display()))
}

/// Run every query of `set` against the index in `index` and score it.
pub fn score_set(index: &Path, set: &QuerySet) -> Result<Relevance> {
    let mut scores = Vec::with_capacity(set.queries.len());
    for q in &set.queries {
        let req = SearchRequest {
            query: q.text.clone(),
            limit: CUTOFF,
            ..SearchRequest::default()
        };
        let hits: Vec<query::Hit> = match query::search(index, &req) {
            Ok(r) => r.hits,
            // A query the parser refuses finds nothing.
            Err(e) => {
                eprintln!("agendex: query {} {:?}: {e}", q.id, q.text);
                Vec::new()
            }
        };
        let judged = set.of(&q.id);
        let shown: Vec<Shown> = hits
            .iter()
            .map(|h| Shown {
                record: &h.record,
                snippet: &h.snippet.text,
                also_in: h
                    .also_in
                    .iter()
                    .map(|f| Place {
                        kind: &f.kind,
                        path: f.link.split('#').next().unwrap_or(""),
                    })
                    .collect(),
            })
            .collect();
        let gains = relevance::gains(&judged, &shown);
        let repeated_at = relevance::repeated_at(&shown);
        let mut score = relevance::score(&q.id, &judged, &gains, repeated_at.is_some());
        score.repeated_at = repeated_at;
        scores.push(score);
    }
    Ok(Relevance::of(scores))
}

/// Index the inputs (into `--relevance-index`, else a temporary folder),
/// score the set and print the figures.
pub fn run(args: &EvalArgs, dir: &Path) -> Result<i32> {
    let set = read_set(dir)?;
    let (index, temporary): (PathBuf, bool) = match &args.relevance_index {
        Some(p) => (p.clone(), false),
        None => (
            std::env::temp_dir().join(format!("agendex-relevance-{}", std::process::id())),
            true,
        ),
    };
    let index_args = IndexArgs {
        paths: args.paths.clone(),
        records: false,
        index: index.clone(),
        rebuild: false,
        public: false,
        commit_every: 100,
        merge_mb: 48,
        read: args.read.clone(),
    };
    let built = super::index::run(&index_args);
    let scored = built.and_then(|_| score_set(&index, &set));
    if temporary {
        let _ = std::fs::remove_dir_all(&index);
    }
    let rel = scored?;
    let text = match args.format {
        EvalFormat::Json => {
            let mut s = serde_json::to_string_pretty(&rel)?;
            s.push('\n');
            s
        }
        EvalFormat::Markdown => format!(
            "\n| queries | nDCG@{CUTOFF} | MRR | recall@{CUTOFF} | first page repeats a text |\n|---|---|---|---|---|\n| {} | {:.3} | {:.3} | {:.3} | {} |\n",
            rel.queries.len(),
            rel.ndcg,
            rel.mrr,
            rel.recall,
            rel.repeated
        ),
        EvalFormat::Text => rel.text(&set, args.misses),
    };
    print!("{text}");
    Ok(EXIT_OK)
}

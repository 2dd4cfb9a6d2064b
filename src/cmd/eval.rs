//! `agendex eval`: read the inputs as `extract` does and score their
//! records against hand-made gold (`src/eval` does the scoring).

use super::{pipeline_options, EXIT_FATAL, EXIT_OK, EXIT_SOME_FAILED};
use crate::cli::{EvalArgs, EvalFormat};
use agendex::eval::floors;
use agendex::eval::gold::{group_of_gold_file, Gold};
use agendex::eval::report;
use agendex::eval::score::{score_file, Evaluation};
use agendex::pipeline;
use agendex::walk::{self, Source};
use anyhow::{Context, Result};
use std::collections::BTreeMap;
use std::io::Write;
use std::path::{Path, PathBuf};

pub fn run(args: &EvalArgs) -> Result<i32> {
    let mut code = EXIT_OK;
    if !args.gold.is_empty() {
        code = run_gold(args)?;
    }
    if let Some(dir) = &args.relevance {
        match super::eval_relevance::run(args, dir) {
            Ok(c) => code = code.max(c),
            Err(e) => {
                eprintln!("agendex: {e:#}");
                return Ok(EXIT_FATAL);
            }
        }
    }
    Ok(code)
}

/// Score the records against the gold and print the report.
fn run_gold(args: &EvalArgs) -> Result<i32> {
    let gold = match read_gold(&args.gold) {
        Ok(g) => g,
        Err(e) => {
            eprintln!("agendex: {e:#}");
            return Ok(EXIT_FATAL);
        }
    };
    if gold.files.is_empty() {
        eprintln!("agendex: no gold lines in {}", show(&args.gold));
        return Ok(EXIT_FATAL);
    }

    // Only annotated inputs are read.
    let (sources, walk_errors) = walk::walk(&args.paths);
    for e in &walk_errors {
        eprintln!("agendex: {}: {}", e.path, e.reason);
    }
    // Files named by link lines are read too (for their links only).
    let link_files: std::collections::BTreeSet<&str> = gold
        .links
        .iter()
        .flat_map(|l| [l.file.as_str(), l.target_file.as_str()])
        .collect();
    let mut chosen: BTreeMap<String, Source> = BTreeMap::new();
    for s in sources {
        let Some(name) = s.path.file_name().map(|n| n.to_string_lossy().into_owned()) else {
            continue;
        };
        if !gold.files.contains_key(&name) && !link_files.contains(name.as_str()) {
            continue;
        }
        if let Some(first) = chosen.get(&name) {
            eprintln!(
                "agendex: {}: the same file name as {}; scoring the first only",
                s.display(),
                first.display()
            );
            continue;
        }
        chosen.insert(name, s);
    }
    let absent: Vec<&String> = gold
        .files
        .keys()
        .filter(|f| !chosen.contains_key(*f))
        .collect();
    if !absent.is_empty() {
        eprintln!(
            "agendex: {} annotated file(s) not among the inputs, not scored{}",
            absent.len(),
            if args.read.verbose {
                ":"
            } else {
                " (-v lists them)"
            }
        );
        if args.read.verbose {
            for f in &absent {
                eprintln!("  {f}");
            }
        }
    }

    let inputs: Vec<Source> = {
        let mut v: Vec<Source> = chosen.values().cloned().collect();
        v.sort();
        v
    };
    let opts = pipeline_options(&args.read);
    let mut records: BTreeMap<String, Vec<serde_json::Value>> = BTreeMap::new();
    let mut all_records: Vec<agendex::record::OutRecord> = Vec::new();
    let mut failed = 0usize;
    pipeline::run(&inputs, &opts, |outcome| {
        let name = outcome
            .source
            .path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        if let Some(note) = outcome.recovery_note() {
            eprintln!("agendex: {}: {note}", outcome.source.display());
        }
        match &outcome.result {
            Ok(recs) => {
                let values = recs
                    .iter()
                    .filter_map(|r| serde_json::to_value(r).ok())
                    .collect();
                records.insert(name, values);
                if !gold.links.is_empty() {
                    all_records.extend(recs.iter().cloned());
                }
            }
            Err(reason) => {
                eprintln!("agendex: {}: {reason}", outcome.source.display());
                failed += 1;
            }
        }
        true
    });

    let mut eval = Evaluation::default();
    for file in gold.files.keys() {
        if !chosen.contains_key(file) {
            continue;
        }
        score_file(&gold, file, records.get(file).map(Vec::as_slice), &mut eval);
    }

    let link_scores = if gold.links.is_empty() {
        Vec::new()
    } else {
        let found = agendex::links::compute(&all_records);
        agendex::eval::links::score(&gold, &records, &found)
    };
    let text = match args.format {
        EvalFormat::Text => {
            report::text(&eval, args.misses)
                + &agendex::eval::links::text(&link_scores, args.misses)
        }
        EvalFormat::Markdown => {
            report::markdown(&eval) + &agendex::eval::links::markdown(&link_scores)
        }
        EvalFormat::Json => {
            // The lists of link misses only with --misses, as for records.
            let mut link_scores = link_scores;
            if !args.misses {
                for l in &mut link_scores {
                    l.missed.clear();
                    l.extra.clear();
                }
            }
            let mut json = report::json(&eval, args.misses);
            if let (serde_json::Value::Object(o), false) = (&mut json, link_scores.is_empty()) {
                o.insert("links".into(), serde_json::to_value(&link_scores)?);
            }
            let mut s = serde_json::to_string_pretty(&json)?;
            s.push('\n');
            s
        }
    };
    let mut out = std::io::stdout().lock();
    if let Err(e) = out.write_all(text.as_bytes()).and_then(|_| out.flush()) {
        if e.kind() != std::io::ErrorKind::BrokenPipe {
            return Err(e.into());
        }
    }

    if let Some(path) = &args.write_floors {
        std::fs::write(path, floors::write(&eval))
            .with_context(|| format!("cannot write {}", path.display()))?;
        eprintln!("agendex: floors written to {}", path.display());
    }
    // An input that cannot be read is scored (nothing found) and named on
    // stderr; eval itself fails only where a figure falls below its floor.
    let mut code = EXIT_OK;
    if failed > 0 {
        eprintln!("agendex: {failed} input(s) could not be read: scored as nothing found");
    }
    if let Some(path) = &args.floors {
        let text = std::fs::read_to_string(path)
            .with_context(|| format!("cannot read {}", path.display()))?;
        let list = match floors::parse(&text) {
            Ok(l) => l,
            Err(e) => {
                eprintln!("agendex: {}: {e}", path.display());
                return Ok(EXIT_FATAL);
            }
        };
        let checked = floors::check(&eval, &list);
        for g in &checked.unchecked_groups {
            eprintln!("agendex: floors of group {g} not checked: no annotated file of it among the inputs");
        }
        for f in &checked.falls {
            eprintln!("agendex: below floor: {f}");
        }
        eprintln!(
            "floors: {} checked, {} below",
            checked.checked,
            checked.falls.len()
        );
        if !checked.falls.is_empty() {
            code = EXIT_SOME_FAILED;
        }
    }
    Ok(code)
}

fn show(paths: &[PathBuf]) -> String {
    paths
        .iter()
        .map(|p| p.display().to_string())
        .collect::<Vec<_>>()
        .join(", ")
}

/// Gold from files and folders (a folder's `*.jsonl`, in name order).
fn read_gold(paths: &[PathBuf]) -> Result<Gold> {
    let mut gold = Gold::default();
    for p in paths {
        let files: Vec<PathBuf> = if p.is_dir() {
            let mut v: Vec<PathBuf> = std::fs::read_dir(p)
                .with_context(|| format!("cannot read {}", p.display()))?
                .filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|f| f.extension().is_some_and(|x| x == "jsonl"))
                .collect();
            v.sort();
            v
        } else {
            vec![p.clone()]
        };
        for f in files {
            add_file(&mut gold, &f)?;
        }
    }
    Ok(gold)
}

fn add_file(gold: &mut Gold, path: &Path) -> Result<()> {
    let text = std::fs::read_to_string(path)
        .with_context(|| format!("cannot read gold {}", path.display()))?;
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    gold.add(
        &text,
        &path.display().to_string(),
        &group_of_gold_file(&name),
    )?;
    Ok(())
}

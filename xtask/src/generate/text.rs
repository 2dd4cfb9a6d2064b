//! Text variations of a seed document: agenda items shuffled and renumbered,
//! item and minute numbers shifted, table rows dropped or repeated, then the
//! length-preserving edits of `vary` (dates, amounts, names) on every line.
//!
//! Works on the seeds' plain-text form (tables as tab-separated lines); it
//! does not read or write files.

use super::vary::Plan;
use regex::Regex;
use std::sync::OnceLock;

/// An agenda item or minute heading: "7. TITLE", "84. Minutes".
fn item_start(line: &str) -> Option<u32> {
    static RE: OnceLock<Regex> = OnceLock::new();
    let re = RE.get_or_init(|| Regex::new(r"^(\d{1,2})\.\s+\S").expect("valid pattern"));
    re.captures(line)?.get(1)?.as_str().parse().ok()
}

/// A line opening with a number or paragraph number: "7. ", "7.3 ", "12 ".
fn leading_number(line: &str) -> Option<(u32, usize)> {
    static RE: OnceLock<Regex> = OnceLock::new();
    let re =
        RE.get_or_init(|| Regex::new(r"^(\d{1,3})(?:\.\d{1,2})*\.?\s").expect("valid pattern"));
    let m = re.captures(line)?.get(1)?;
    let n: u32 = m.as_str().parse().ok()?;
    Some((n, m.end()))
}

/// Vary one seed's text; `plan` carries the file's random choices.
pub fn vary(src: &str, plan: &mut Plan) -> String {
    let mut lines: Vec<String> = src.lines().map(str::to_string).collect();
    shuffle_items(&mut lines, plan);
    let offset = if plan.rng.chance(30) {
        0
    } else {
        plan.rng.range(1, 40) as u32
    };
    renumber(&mut lines, offset);
    let lines = resample_tables(lines, plan);
    let all = |_: char| true;
    let mut out = String::with_capacity(src.len() + src.len() / 4);
    for line in &lines {
        out.push_str(&plan.vary(line, &all));
        out.push('\n');
    }
    out
}

/// Shuffle runs of consecutively numbered items (an agenda: "1. …", "2. …")
/// as blocks, then number them again in their new order. The last item of a
/// run stays last: where its block ends is not known.
fn shuffle_items(lines: &mut [String], plan: &mut Plan) {
    let starts: Vec<(usize, u32)> = lines
        .iter()
        .enumerate()
        .filter_map(|(i, l)| item_start(l).map(|n| (i, n)))
        .collect();
    let mut runs: Vec<Vec<(usize, u32)>> = Vec::new();
    for (i, n) in starts {
        match runs.last_mut() {
            Some(run)
                if run
                    .last()
                    .is_some_and(|&(at, m)| n == m + 1 && i - at <= 12) =>
            {
                run.push((i, n))
            }
            _ => runs.push(vec![(i, n)]),
        }
    }
    for run in runs.into_iter().filter(|r| r.len() >= 4) {
        let (from, to) = (run[0].0, run[run.len() - 1].0);
        let mut blocks: Vec<Vec<String>> = run
            .windows(2)
            .map(|w| lines[w[0].0..w[1].0].to_vec())
            .collect();
        plan.rng.shuffle(&mut blocks);
        let first = run[0].1;
        let mut new: Vec<String> = Vec::with_capacity(to - from);
        for (k, block) in blocks.into_iter().enumerate() {
            for (j, line) in block.into_iter().enumerate() {
                new.push(if j == 0 {
                    with_number(&line, first + k as u32)
                } else {
                    line
                });
            }
        }
        for (slot, line) in lines[from..to].iter_mut().zip(new) {
            *slot = line;
        }
    }
}

/// `line` with its leading number replaced by `n`.
fn with_number(line: &str, n: u32) -> String {
    match leading_number(line) {
        Some((_, end)) => format!("{n}{}", &line[end..]),
        None => line.to_string(),
    }
}

/// Shift every leading item, minute or paragraph number by `offset`
/// ("7.3" -> "12.3"), as a later meeting of the same body would number them.
fn renumber(lines: &mut [String], offset: u32) {
    if offset == 0 {
        return;
    }
    for line in lines.iter_mut() {
        if let Some((n, _)) = leading_number(line) {
            if n < 200 {
                *line = with_number(line, n + offset);
            }
        }
    }
}

/// Tables (runs of tab-separated lines): keep the header row, drop or
/// repeat body rows, so tables come in many lengths.
fn resample_tables(lines: Vec<String>, plan: &mut Plan) -> Vec<String> {
    let mut out = Vec::with_capacity(lines.len());
    let mut in_table = false;
    for line in lines {
        let is_row = line.contains('\t');
        if !is_row {
            in_table = false;
            out.push(line);
            continue;
        }
        if !in_table {
            in_table = true;
            out.push(line);
            continue;
        }
        match plan.rng.below(10) {
            0 | 1 => {}
            2 | 3 => {
                out.push(line.clone());
                out.push(line);
            }
            _ => out.push(line),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::super::vary::Rng;
    use super::*;

    fn plan(seed: u64) -> Plan {
        Plan::new(Rng::for_file(seed, 7))
    }

    #[test]
    fn item_and_leading_numbers() {
        assert_eq!(item_start("7. ADMINISTRATIVE"), Some(7));
        assert_eq!(item_start("2015 was"), None);
        assert_eq!(leading_number("7.3 The Forum"), Some((7, 1)));
        assert_eq!(leading_number("84. Minutes"), Some((84, 2)));
        assert_eq!(leading_number("Item 4"), None);
    }

    #[test]
    fn agenda_items_are_shuffled_and_numbered_in_order() {
        let src = "AGENDA\n\n1. WELCOME\n\n2. APOLOGIES\nClerk.\n\n3. DECLARATIONS\n\n4. MINUTES\n\n5. MATTERS ARISING\n\n6. AOB\n\nEnd\n";
        let mut lines: Vec<String> = src.lines().map(str::to_string).collect();
        let mut moved = false;
        for seed in 0..8 {
            let mut l = lines.clone();
            shuffle_items(&mut l, &mut plan(seed));
            let numbers: Vec<u32> = l.iter().filter_map(|x| item_start(x)).collect();
            assert_eq!(numbers, vec![1, 2, 3, 4, 5, 6]);
            assert_eq!(l.len(), lines.len());
            assert!(l.iter().any(|x| x.ends_with(" AOB")) && l.last().is_some_and(|x| x == "End"));
            moved |= l != lines;
        }
        assert!(moved);
        renumber(&mut lines, 10);
        assert_eq!(lines[2], "11. WELCOME");
    }

    #[test]
    fn tables_keep_their_header() {
        let lines: Vec<String> = ["Title", "A\tB", "1\t2", "3\t4", "5\t6", "after"]
            .iter()
            .map(|s| s.to_string())
            .collect();
        for seed in 0..8 {
            let out = resample_tables(lines.clone(), &mut plan(seed));
            assert_eq!(out[1], "A\tB");
            assert_eq!(out.last().map(String::as_str), Some("after"));
        }
    }
}

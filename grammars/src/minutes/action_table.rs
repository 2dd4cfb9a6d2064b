//! The summary table of actions some minutes open or close with: one
//! table row whose cells each start with a capitalised header
//! ("ACTIONS TO BE TAKEN ITEM" | "BY WHOM" | "BY WHEN"), the item cell
//! holding every action after its minute reference ("72/2122 Signed
//! minutes to …  75b/2122 Take action …") and the owner cell the owners
//! in the same order. Owns splitting such a row into one action per
//! reference; `mod.rs` turns them into `action` records.

use regex::Regex;
use std::sync::LazyLock;

/// One action read from the summary table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TableAction {
    /// The minute reference as written ("75b/2122").
    pub reference: String,
    pub text: String,
    /// The owners as written ("Heather Poustie/Clerk").
    pub owners: String,
}

static ITEM_REF: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:^|\s)(\d{1,3}[a-z]?/\d{2,4})\s+").expect("item reference pattern")
});

/// The capitalised header opening a cell ("BY WHOM") and the rest.
fn header(cell: &str) -> (String, &str) {
    let mut rest = cell.trim_start();
    let mut words = Vec::new();
    while let Some(w) = rest.split_whitespace().next() {
        let upper = w.chars().any(|c| c.is_alphabetic()) && !w.chars().any(|c| c.is_lowercase());
        if !upper || w.contains('/') {
            break;
        }
        words.push(w);
        rest = rest[w.len()..].trim_start();
    }
    (words.join(" "), rest)
}

/// The owners of `n` actions written one after another in a cell: each
/// owner is a name of two words where that pair is also written elsewhere
/// in the document (`whole`) outside this cell, else one word ("Clerk", "All"); owners
/// joined by "/" stay one. None unless exactly `n` owners are found.
fn split_owners(cell: &str, n: usize, whole: &str) -> Option<Vec<String>> {
    let spaced = cell.replace('/', " / ");
    let words: Vec<&str> = spaced.split_whitespace().collect();
    let mut units: Vec<String> = Vec::new();
    let mut joined = false;
    let mut i = 0;
    while i < words.len() {
        if words[i] == "/" {
            joined = true;
            i += 1;
            continue;
        }
        let pair = words.get(i + 1).filter(|w| {
            *w != &"/" && w.starts_with(|c: char| c.is_uppercase()) && {
                let p = format!("{} {}", words[i], w);
                whole.matches(&p).count() > spaced.matches(&p).count()
            }
        });
        let unit = match pair {
            Some(w) => {
                i += 2;
                format!("{} {}", words[i - 2], w)
            }
            None => {
                i += 1;
                words[i - 1].to_string()
            }
        };
        match units.last_mut() {
            Some(last) if joined => {
                last.push('/');
                last.push_str(&unit);
            }
            _ => units.push(unit),
        }
        joined = false;
    }
    (units.len() == n).then_some(units)
}

/// The actions of a summary table row given as its cells; `whole` is the
/// document's text, where owners' names are written in full elsewhere too.
pub fn read_row(cells: &[String], whole: &str) -> Vec<TableAction> {
    let headed: Vec<(String, &str)> = cells.iter().map(|c| header(c)).collect();
    let Some((_, items)) = headed
        .iter()
        .find(|(h, rest)| h.contains("ACTION") && ITEM_REF.is_match(rest))
    else {
        return Vec::new();
    };
    let Some((_, owner_cell)) = headed.iter().find(|(h, _)| h.contains("WHO")) else {
        return Vec::new();
    };
    let refs: Vec<(usize, usize, String)> = ITEM_REF
        .captures_iter(items)
        .filter_map(|c| {
            let all = c.get(0)?;
            Some((all.start(), all.end(), c.get(1)?.as_str().to_string()))
        })
        .collect();
    let Some(owners) = split_owners(owner_cell, refs.len(), whole) else {
        return Vec::new();
    };
    refs.iter()
        .enumerate()
        .zip(owners)
        .map(|((k, (_, end, reference)), owners)| {
            let stop = refs.get(k + 1).map(|r| r.0).unwrap_or(items.len());
            TableAction {
                reference: reference.clone(),
                text: items[*end..stop].trim().to_string(),
                owners,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn summary_row_split_by_reference() {
        // A governors' business committee, its "ACTIONS TO BE TAKEN" table.
        let cells = vec![
            "ACTIONS TO BE TAKEN ITEM 72/2122 Signed minutes to Headteacher for file and to website 75b/2122 Take action to increase the pay of relevant teachers by £1 a head 78d/2122 Follow up potential Parent Governors".to_string(),
            "BY WHOM Clerk Kay Dicken Clerk".to_string(),
            "BY WHEN asap asap ASAP".to_string(),
        ];
        let got = read_row(
            &cells,
            "BY WHOM Clerk Kay Dicken Clerk. Kay Dicken explained the reasons",
        );
        assert_eq!(got.len(), 3);
        assert_eq!(got[0].reference, "72/2122");
        assert_eq!(
            got[0].text,
            "Signed minutes to Headteacher for file and to website"
        );
        assert_eq!(got[0].owners, "Clerk");
        assert_eq!(got[1].owners, "Kay Dicken");
        assert_eq!(got[2].text, "Follow up potential Parent Governors");
        assert_eq!(got[2].owners, "Clerk");
    }

    #[test]
    fn owners_joined_by_slash_and_counts_checked() {
        let cells = vec![
            "ACTIONS TO BE TAKEN ITEM 51/2122 Minutes to website 56/2122 Governors to arrange visit dates".to_string(),
            "when".to_string(),
            "BY WHOM Heather Poustie/Clerk All".to_string(),
        ];
        let got = read_row(&cells, "Heather Poustie/Clerk All Heather Poustie provided");
        assert_eq!(got.len(), 2);
        assert_eq!(got[0].owners, "Heather Poustie/Clerk");
        assert_eq!(got[1].owners, "All");
        // Owners that do not fall into as many groups as items: nothing.
        let got = read_row(&cells, "");
        assert!(got.is_empty());
    }
}

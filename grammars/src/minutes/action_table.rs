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

/// The owner column of a ruled summary table, counted from the row's end
/// ("BY WHOM" second from the right of "ITEM | | BY WHOM | BY WHEN").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RuledColumns {
    owners_from_end: usize,
}

/// The header row of a ruled summary table, where the header stands in a
/// row of its own and each action has a row below it: a first filled cell
/// naming the item ("ITEM", "ACTIONS TO BE TAKEN ITEM") and a cell naming
/// who acts ("BY WHOM"), no reference in any cell.
pub fn ruled_header(cells: &[String]) -> Option<RuledColumns> {
    let headed: Vec<(String, &str)> = cells.iter().map(|c| header(c)).collect();
    let (first, _) = headed
        .iter()
        .find(|(h, rest)| !h.is_empty() || !rest.is_empty())?;
    if !(first.contains("ITEM") || first.contains("ACTION"))
        || headed
            .iter()
            .any(|(_, rest)| ITEM_REF.is_match(&format!(" {rest}")))
    {
        return None;
    }
    let who = headed.iter().position(|(h, _)| h.contains("WHO"))?;
    Some(RuledColumns {
        owners_from_end: cells.len() - who,
    })
}

/// One row of a ruled summary table: the minute reference alone in the
/// first cell, the action's text, then its owners in the column the header
/// names ("75b/2122 | Take action to … | Kay Dicken | asap").
pub fn read_ruled_row(columns: RuledColumns, cells: &[String]) -> Option<TableAction> {
    let reference = cells.first()?.trim();
    let spaced = format!("{reference} ");
    let whole = ITEM_REF.captures(&spaced)?;
    if whole.get(1)?.as_str() != reference {
        return None;
    }
    let owner_at = cells.len().checked_sub(columns.owners_from_end)?;
    if owner_at < 2 {
        return None;
    }
    let text = cells[1..owner_at]
        .iter()
        .map(|c| c.trim())
        .filter(|c| !c.is_empty())
        .collect::<Vec<_>>()
        .join(" ");
    let owners = cells[owner_at].trim();
    (!text.is_empty() && !owners.is_empty()).then(|| TableAction {
        reference: reference.to_string(),
        text,
        owners: owners.to_string(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cells(row: &[&str]) -> Vec<String> {
        row.iter().map(|c| c.to_string()).collect()
    }

    #[test]
    fn ruled_summary_rows_one_action_each() {
        // The same governors' table where its borders are drawn: the header
        // in a row of its own (the item column's header spanning two
        // cells), one row per action.
        let columns = ruled_header(&cells(&["ACTIONS TO BE TAKEN ITEM", "BY WHOM", "BY WHEN"]))
            .expect("header");
        let row = cells(&[
            "75b/2122",
            "Take action to increase the pay of relevant teachers by £1 a head",
            "Kay Dicken",
            "asap",
        ]);
        let got = read_ruled_row(columns, &row).expect("action");
        assert_eq!(got.reference, "75b/2122");
        assert_eq!(
            got.text,
            "Take action to increase the pay of relevant teachers by £1 a head"
        );
        assert_eq!(got.owners, "Kay Dicken");
        let columns = ruled_header(&cells(&["ITEM", "", "BY WHOM", "BY WHEN"])).expect("header");
        let row = cells(&["40/2021", "Minutes to website", "Clerk", "asap"]);
        assert_eq!(
            read_ruled_row(columns, &row).expect("action").owners,
            "Clerk"
        );
        // The minutes grid below it is no action row.
        let minute = cells(&[
            "BM 69/2122",
            "To record those who are present",
            "The meeting commenced at 1838",
            "",
        ]);
        assert_eq!(read_ruled_row(columns, &minute), None);
        // A header holding its actions is the unruled form, read by `read_row`.
        assert_eq!(
            ruled_header(&cells(&[
                "ACTIONS TO BE TAKEN ITEM 72/2122 Signed minutes",
                "BY WHOM Clerk",
                "BY WHEN asap"
            ])),
            None
        );
    }

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

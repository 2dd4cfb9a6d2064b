//! The line that opens an agenda item, read by its layout: a number then
//! a title in one run of text ("7. Finance", "FGB 38/2021 Finance", "4.1
//! Confirmation of …"), or in the cells of a borderless grid ("| 3 - 6 | 3 |
//! NOTES OF THE LAST MEETING …", the page range in the left margin), and
//! the labels that head an item list ("AGENDA", "A.G.M. Agenda",
//! "P R I V A T E A G E N D A", "Agenda:").
//!
//! Owns what a single line says; the sequence of items is `agenda::parse`'s.

use crate::lex::{lead_number, plain, plain_cow, LexedLine, NumberStyle};
use crate::minutes::lex::split_title;
use nom::character::complete::{char, digit1, space0};
use nom::combinator::{all_consuming, map_res};
use nom::{IResult, Parser};
use std::borrow::Cow;

/// What opens an item: its number as printed ("7", "4.1", "FGB 38/2021"),
/// its place in the sequence (`seq`, and `sub` for "4.1"), its title and
/// the page range printed beside it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ItemHead {
    pub number: String,
    pub seq: u32,
    pub sub: Option<u32>,
    pub title: String,
    /// Text after the title in the same grid row (its description).
    pub after: String,
    pub pages: Option<[u32; 2]>,
}

/// "3 - 6", "55 - 60", "7-24": a page range set alone in a margin cell or
/// on a line of its own.
pub fn margin_range(input: &str) -> Option<[u32; 2]> {
    let num = |i| map_res(digit1, |d: &str| d.parse::<u32>()).parse(i);
    let r: IResult<&str, (u32, _, _, _, u32)> = all_consuming((
        num,
        space0,
        nom::branch::alt((char('-'), char('–'))),
        space0,
        num,
    ))
    .parse(input.trim());
    let (_, (from, _, _, _, to)) = r.ok()?;
    (from <= to).then_some([from, to])
}

/// A title opens with a letter or a quote; after a closed number ("7.",
/// "7)") also with a figure ("7. 2018 Model Standing Orders"), unless the
/// figure is the next number of a list run together ("1. 2. 3. 4.").
fn title_ok(title: &str, closed: bool) -> bool {
    let Some(c) = title.chars().next() else {
        return false;
    };
    if c.is_alphabetic() || matches!(c, '\'' | '"' | '‘' | '“') {
        return true;
    }
    closed
        && c.is_ascii_digit()
        && lead_number(title).is_none_or(|n| {
            let mark = title[..n.rest].trim_end();
            !mark.ends_with(['.', ')'])
        })
}

/// The first run of digits in a reference ("FGB 38/2021" -> 38), where it
/// is led by letters: a bare "24/00108" is a decision number in a title.
fn reference_seq(label: &str) -> Option<u32> {
    if !label.starts_with(|c: char| c.is_ascii_alphabetic()) {
        return None;
    }
    let digits: String = label
        .chars()
        .skip_while(|c| !c.is_ascii_digit())
        .take_while(char::is_ascii_digit)
        .collect();
    digits.parse().ok()
}

/// The item a run of text opens: "7. Finance", "4.1 Confirmation of the
/// Minutes", "FGB 38/2021 Attendance and associated matters".
pub fn text_head(text: &str) -> Option<ItemHead> {
    let n = lead_number(text)?;
    let title = text[n.rest..].trim();
    let closed = text[..n.rest].trim_end().ends_with(['.', ')']);
    let (seq, sub) = match n.style {
        NumberStyle::Arabic => (n.label.parse().ok()?, None),
        NumberStyle::Dotted { depth: 2 } => {
            let (a, b) = n.label.split_once('.')?;
            (a.parse().ok()?, Some(b.parse().ok()?))
        }
        NumberStyle::Reference => (reference_seq(&n.label)?, None),
        _ => return None,
    };
    if !title_ok(
        title,
        closed || sub.is_some() || n.style == NumberStyle::Reference,
    ) {
        return None;
    }
    Some(ItemHead {
        number: n.label,
        seq,
        sub,
        title: title.to_string(),
        after: String::new(),
        pages: None,
    })
}

/// The item a grid row opens: a cell holding a number alone ("3", "4."),
/// the title in the next filled cell, a page range in a cell before it.
/// A title cell that runs on into its description ("NOTES OF THE LAST
/// MEETING Notes of the last meeting to be confirmed.") keeps the title
/// in capitals.
pub fn cells_head<S: AsRef<str>>(cells: &[S]) -> Option<ItemHead> {
    let filled: Vec<&str> = cells
        .iter()
        .map(|c| c.as_ref().trim())
        .filter(|c| !c.is_empty())
        .collect();
    let k = filled.iter().take(3).position(|c| {
        lead_number(c).is_some_and(|n| {
            n.rest == c.len()
                && matches!(
                    n.style,
                    NumberStyle::Arabic | NumberStyle::Dotted { depth: 2 }
                )
        })
    })?;
    let pages = filled[..k].iter().find_map(|c| margin_range(c));
    if filled[..k].len() > usize::from(pages.is_some()) {
        return None;
    }
    let cell = filled.get(k + 1)?;
    let mut head = text_head(&format!(
        "{}. {}",
        filled[k].trim_end_matches(['.', ')']),
        cell
    ))?;
    let (title, rest) = if cell.chars().take(12).all(|c| !c.is_lowercase()) {
        capitals_title(cell)
    } else {
        (cell.to_string(), String::new())
    };
    let mut after: Vec<String> = Vec::new();
    if !rest.is_empty() {
        after.push(rest);
    }
    after.extend(filled[k + 2..].iter().map(|c| c.to_string()));
    head.title = title;
    head.after = after.join(" ");
    head.pages = pages;
    Some(head)
}

/// The title in capitals at the start of a cell, and the text after it.
/// A dash between runs of capitals joins them ("GROUP COMPANY - RISK
/// REGISTER Report of the Corporate Director" -> "GROUP COMPANY - RISK
/// REGISTER"): the title goes on past the dash while capitals follow it.
fn capitals_title(cell: &str) -> (String, String) {
    let (mut title, mut rest) = split_title(cell);
    while !title.is_empty() {
        let r = rest.trim_start();
        let Some(dash) = r.chars().next().filter(|c| matches!(c, '-' | '–' | '—')) else {
            break;
        };
        let after = &r[dash.len_utf8()..];
        if !after.starts_with(' ') {
            break;
        }
        let (more, tail) = split_title(after.trim_start());
        let capitals =
            more.chars().any(char::is_alphabetic) && !more.chars().any(char::is_lowercase);
        if !capitals {
            break;
        }
        title = format!("{title} {dash} {more}");
        rest = tail;
    }
    (title, rest)
}

/// The item a line opens, read from its cells where it has two or more
/// (a grid row, or columns set apart), else from its text. A grid row
/// whose cells open no item opens none: "1. 2. 3. 4. | To approve …" runs
/// a list's numbers together.
pub fn item_head(l: &LexedLine) -> Option<ItemHead> {
    if l.line.cells.len() >= 2 {
        // Borrowed where a cell is its own plain text (most are).
        let cells: Vec<Cow<str>> = l.line.cells.iter().map(|c| plain_cow(&c.text)).collect();
        if let Some(h) = cells_head(&cells) {
            return Some(h);
        }
        if l.line.table.is_some() {
            return None;
        }
    }
    text_head(&l.text)
}

/// A grid row that runs a short list together, its numbers in one cell and
/// its titles in the next ("| 1. 2. 3. 4. | To approve minutes … To discuss
/// matters … To receive … To hear …"): split where the first title's
/// opening word comes back, when it comes back once for every number.
pub fn run_together(l: &LexedLine) -> Option<Vec<ItemHead>> {
    l.line.table?;
    let cells: Vec<String> = l
        .line
        .cells
        .iter()
        .map(|c| plain(&c.text))
        .filter(|c| !c.is_empty())
        .collect();
    let [numbers, titles] = cells.as_slice() else {
        return None;
    };
    let seqs: Vec<u32> = numbers
        .split(' ')
        .map(|n| n.trim_end_matches(['.', ')']).parse().ok())
        .collect::<Option<_>>()?;
    if seqs.len() < 2 || seqs.windows(2).any(|w| w[1] != w[0] + 1) {
        return None;
    }
    let first = titles.split(' ').next()?;
    if !first.starts_with(|c: char| c.is_uppercase()) {
        return None;
    }
    let mut parts: Vec<Vec<&str>> = Vec::new();
    for w in titles.split(' ') {
        if w == first || parts.is_empty() {
            parts.push(Vec::new());
        }
        if let Some(p) = parts.last_mut() {
            p.push(w);
        }
    }
    if parts.len() != seqs.len() {
        return None;
    }
    Some(
        seqs.iter()
            .zip(parts)
            .map(|(n, p)| ItemHead {
                number: n.to_string(),
                seq: *n,
                sub: None,
                title: p.join(" "),
                after: String::new(),
                pages: None,
            })
            .collect(),
    )
}

/// A label heading an item list: "AGENDA", "Agenda:", "A G E N D A",
/// "PRIVATE AGENDA", "A.G.M. Agenda", "Annual Parish Meeting Agenda":
/// short, ending in the word, every word before it capitalised. Returns
/// the words before "Agenda" (the part of a notice holding two agendas),
/// "" where there are none.
pub fn agenda_label(text: &str) -> Option<String> {
    let t = text.trim().trim_end_matches([':', '-']).trim_end();
    // Either way below the label ends in "a" or "A" (no other character
    // lower-cases to "a"): any other line is passed over on its last byte.
    if !t.ends_with(['a', 'A']) {
        return None;
    }
    let parts: Vec<&str> = t.split(' ').collect();
    let joined;
    let t = if parts.len() >= 4 && parts.iter().all(|p| p.chars().count() == 1) {
        joined = parts.concat();
        // "PRIVATEAGENDA": the letters of the label run together.
        let lower = joined.to_lowercase();
        let before = lower.strip_suffix("agenda")?;
        return Some(joined[..before.len()].to_string());
    } else {
        t
    };
    let words: Vec<&str> = t.split(' ').collect();
    let (last, before) = words.split_last()?;
    if !last.eq_ignore_ascii_case("agenda") || before.len() > 5 {
        return None;
    }
    before
        .iter()
        .all(|w| w.starts_with(|c: char| c.is_uppercase()))
        .then(|| before.join(" "))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cells(row: &[&str]) -> Vec<String> {
        row.iter().map(|c| c.to_string()).collect()
    }

    #[test]
    fn heads_in_text() {
        // Milburn AGM agenda.
        let h = text_head("7. 2018 Model Standing Orders").unwrap();
        assert_eq!((h.seq, h.title.as_str()), (7, "2018 Model Standing Orders"));
        assert!(text_head("1. 2. 3. 4. To approve minutes").is_none());
        // A date reads as item 8: the sequence, not the line, rejects it.
        assert_eq!(text_head("8 July 2015").map(|h| h.seq), Some(8));
        assert!(text_head("2015/16 budget").is_none());
        // Stithians: sub-items numbered under their item.
        let h = text_head("4.1 Confirmation of the Minutes").unwrap();
        assert_eq!((h.number.as_str(), h.seq, h.sub), ("4.1", 4, Some(1)));
        // Decoy governors: a reference led by the committee's letters.
        let h = text_head("FGB 38/2021 Attendance and associated matters").unwrap();
        assert_eq!((h.number.as_str(), h.seq), ("FGB 38/2021", 38));
        assert!(text_head("24/00108 Budget").is_none());
    }

    #[test]
    fn heads_in_grid_cells() {
        // Birmingham's front sheet: the page range in the left margin.
        let h = cells_head(&cells(&[
            "3 - 6",
            "3",
            "NOTES OF THE LAST MEETING Notes of the last meeting to be confirmed.",
        ]))
        .unwrap();
        assert_eq!(h.seq, 3);
        assert_eq!(h.title, "NOTES OF THE LAST MEETING");
        assert_eq!(h.after, "Notes of the last meeting to be confirmed.");
        assert_eq!(h.pages, Some([3, 6]));
        // A dash inside the title in capitals (Birmingham, p1 and p2).
        let h = cells_head(&cells(&[
            "25 - 46",
            "6",
            "GROUP COMPANY - RISK REGISTER Report of the Corporate Director, Finance & Governance",
        ]))
        .unwrap();
        assert_eq!(h.title, "GROUP COMPANY - RISK REGISTER");
        assert_eq!(
            h.after,
            "Report of the Corporate Director, Finance & Governance"
        );
        let h = cells_head(&cells(&[
            "8",
            "GROUP COMPANY GOVERANCE - SECTION 24 RECOMMENDATIONS",
        ]))
        .unwrap();
        assert_eq!(
            h.title,
            "GROUP COMPANY GOVERANCE - SECTION 24 RECOMMENDATIONS"
        );
        // A dash before a description in ordinary case ends the title.
        let h = cells_head(&cells(&["5", "APOLOGIES - to receive any apologies"])).unwrap();
        assert_eq!(h.title, "APOLOGIES");
        let h = cells_head(&cells(&["", "", "1", "APOLOGIES"])).unwrap();
        assert_eq!((h.seq, h.title.as_str(), h.pages), (1, "APOLOGIES", None));
        // Milburn's Zoom agenda.
        let h = cells_head(&cells(&["4.", "To discuss matters arising"])).unwrap();
        assert_eq!(h.title, "To discuss matters arising");
        assert!(cells_head(&cells(&["1. 2. 3. 4.", "To approve minutes"])).is_none());
        assert_eq!(margin_range("55 - 60"), Some([55, 60]));
        assert_eq!(margin_range("2015 - 16 budget"), None);
    }

    #[test]
    fn a_short_list_run_together_in_two_cells() {
        // Milburn 2018: the Annual Parish Meeting's four items in one row.
        let pages = crate::input::from_text(
            "1. 2. 3. 4.\tTo approve minutes of the last Annual Parish Meeting (3.5.16) \
             To discuss matters arising from the above minutes To receive the Annual \
             Report of the Council To hear any matters of concerns from electors\n",
        );
        let lines = crate::lex::lex_pages(&pages);
        let heads = run_together(&lines[0]).unwrap();
        let titles: Vec<&str> = heads.iter().map(|h| h.title.as_str()).collect();
        assert_eq!(
            titles,
            [
                "To approve minutes of the last Annual Parish Meeting (3.5.16)",
                "To discuss matters arising from the above minutes",
                "To receive the Annual Report of the Council",
                "To hear any matters of concerns from electors"
            ]
        );
    }

    #[test]
    fn labels() {
        assert_eq!(agenda_label("AGENDA").as_deref(), Some(""));
        assert_eq!(agenda_label("Agenda:").as_deref(), Some(""));
        assert_eq!(agenda_label("A G E N D A").as_deref(), Some(""));
        assert_eq!(
            agenda_label("P R I V A T E A G E N D A").as_deref(),
            Some("PRIVATE")
        );
        assert_eq!(agenda_label("A.G.M. Agenda").as_deref(), Some("A.G.M."));
        assert_eq!(
            agenda_label("Annual Parish Meeting Agenda").as_deref(),
            Some("Annual Parish Meeting")
        );
        assert_eq!(agenda_label("Matters for the next agenda"), None);
    }
}

//! Owners' initials set in the action column of "Items | Action" minutes,
//! level with the words they own. The column holds initials only ("GD",
//! "IK/CC"), one owner to a printed line, each at the end of the point or
//! line it stands against:
//!
//! ```text
//! • Resilient Communities – HL would ask about progress with the new forms.   HL
//! • 50 Houses Development – …
//! ```
//!
//! Where the column has no rule of its own, the initials reach the text as
//! words: after the point's last stop and before the next point's mark or
//! the end of the line ("… the new forms. HL • 50 Houses …"). Where it is
//! a ruled cell, the cell holds one owner per line ("GD GD") beside a row
//! of as many points. Owns finding those owners and the words each owns;
//! `mod.rs` decides where the layout is an action column and makes the
//! records.

use crate::lex::is_bullet_char;

/// Owners placed at the end of a piece of a text: the piece runs from
/// `start` (or, where `None`, from the end of the owners before it or the
/// start of the text) to `end`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Placed {
    pub owners: String,
    pub start: Option<usize>,
    pub end: usize,
}

/// The header of an action column: "Action", "Actions", "Action by".
pub fn is_action_header(cell: &str) -> bool {
    let t = cell.trim().trim_end_matches(':').to_lowercase();
    matches!(
        t.as_str(),
        "action" | "actions" | "action by" | "action by:"
    )
}

/// Initials standing for people: "GD", "IK/CC"; four capitals or more are
/// an organisation's.
pub fn is_initials(w: &str) -> bool {
    !w.is_empty()
        && w.split('/')
            .all(|p| (2..=3).contains(&p.len()) && p.chars().all(|c| c.is_ascii_uppercase()))
}

/// A cell that is a column of initials, one owner to a line ("GD GD",
/// "JS GD RB"): its owners, where there are two or more.
pub fn initials_column(cell: &str) -> Option<Vec<&str>> {
    let units: Vec<&str> = cell.split_whitespace().collect();
    (units.len() >= 2 && units.iter().all(|u| is_initials(u))).then_some(units)
}

/// A mark opening a point inside running text: a bullet glyph standing
/// as a word of its own. Dashes, "o" and "*" are not, set between words
/// as they are ("Ayton - alterations").
fn is_point_mark(w: &str) -> bool {
    let mut cs = w.chars();
    matches!((cs.next(), cs.next()), (Some(c), None)
        if is_bullet_char(c) && !matches!(c, '-' | '–' | '*' | 'o' | '§' | '·'))
}

/// Words of `text` with their byte ranges.
fn words(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut at = None;
    for (i, c) in text.char_indices() {
        match (c.is_whitespace(), at) {
            (true, Some(s)) => {
                out.push((s, i));
                at = None;
            }
            (false, None) => at = Some(i),
            _ => {}
        }
    }
    if let Some(s) = at {
        out.push((s, text.len()));
    }
    out
}

/// Owners' initials that reached `text` as words: after a stop and
/// before a point's mark or the end of the text ("… the new forms. HL •
/// 50 Houses …", "… elected members. GD"). Returns the text without them
/// and the owners placed in it, each piece opening at the point's mark
/// before it where there is one.
pub fn split(text: &str) -> (String, Vec<Placed>) {
    let ws = words(text);
    let mut clean = String::with_capacity(text.len());
    let mut placed = Vec::new();
    let mut point_start: Option<usize> = None;
    for (k, &(s, e)) in ws.iter().enumerate() {
        let w = &text[s..e];
        let after_stop = k
            .checked_sub(1)
            .map(|j| &text[ws[j].0..ws[j].1])
            .is_some_and(|p| p.ends_with(['.', '!', '?']) && !is_point_mark(p));
        let before_point = ws
            .get(k + 1)
            .is_none_or(|&(ns, ne)| is_point_mark(&text[ns..ne]));
        if after_stop && before_point && is_initials(w) {
            placed.push(Placed {
                owners: w.to_string(),
                start: point_start.take(),
                end: clean.len(),
            });
            continue;
        }
        if !clean.is_empty() {
            clean.push(' ');
        }
        if is_point_mark(w) {
            point_start = Some(clean.len() + w.len() + 1);
        }
        clean.push_str(w);
    }
    for p in &mut placed {
        p.start = p.start.filter(|s| *s <= p.end);
    }
    (clean, placed)
}

/// The owners of a column of initials beside a row's `text`: one to each
/// point where the row holds as many points as owners, else each owning
/// the whole row.
pub fn by_points(text: &str, units: &[&str]) -> Vec<Placed> {
    let ws = words(text);
    let marks: Vec<usize> = ws
        .iter()
        .filter(|&&(s, e)| is_point_mark(&text[s..e]))
        .map(|&(_, e)| e)
        .collect();
    if marks.len() == units.len() {
        return units
            .iter()
            .enumerate()
            .map(|(k, u)| {
                let end = marks
                    .get(k + 1)
                    .map(|&m| {
                        text[..m]
                            .trim_end_matches(|c: char| !c.is_whitespace())
                            .len()
                    })
                    .unwrap_or(text.len());
                Placed {
                    owners: u.to_string(),
                    start: Some(marks[k]),
                    end,
                }
            })
            .collect();
    }
    units
        .iter()
        .map(|u| Placed {
            owners: u.to_string(),
            start: Some(0),
            end: text.len(),
        })
        .collect()
}

/// The words each placed owner owns in `text`, trimmed, in order, with
/// the owners: (start, end, words, owners).
pub fn pieces<'t, 'p>(
    text: &'t str,
    placed: &'p [Placed],
) -> Vec<(usize, usize, &'t str, &'p str)> {
    let mut prev = 0;
    let mut out = Vec::new();
    for p in placed {
        let end = p.end.min(text.len());
        let start = p.start.unwrap_or(prev).min(end);
        let (Some(piece), true) = (text.get(start..end), text.is_char_boundary(start)) else {
            continue;
        };
        let trimmed = piece.trim();
        if !trimmed.is_empty() {
            out.push((start, end, trimmed, p.owners.as_str()));
        }
        prev = end;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn owned(text: &str) -> (String, Vec<(String, String)>) {
        let (clean, placed) = split(text);
        let got = pieces(&clean, &placed)
            .into_iter()
            .map(|(_, _, t, o)| (o.to_string(), t.to_string()))
            .collect();
        (clean, got)
    }

    #[test]
    fn initials_after_a_point_stand_in_the_action_column() {
        // Ayton Community Council, 4 June 2019, minute 5: the action
        // column has no rule of its own, so its initials join the row.
        let (clean, got) = owned(
            "• Resilient Communities – HL would ask about progress with the new forms. HL \
             • Housing Development off B6355 – nothing to report. \
             • Castle View Houses – Darren Silcock would be asked to chase up these outstanding matters. GD/IK",
        );
        assert_eq!(
            got,
            [
                (
                    "HL".to_string(),
                    "Resilient Communities – HL would ask about progress with the new forms."
                        .to_string()
                ),
                (
                    "GD/IK".to_string(),
                    "Castle View Houses – Darren Silcock would be asked to chase up these outstanding matters."
                        .to_string()
                ),
            ]
        );
        assert!(!clean.contains("forms. HL"), "{clean}");
        assert!(clean.ends_with("matters."), "{clean}");
    }

    #[test]
    fn initials_one_space_after_a_justified_line_are_its_owners() {
        // Ayton, 4 June 2019, minute 1: "IK/CC" sits one word space after
        // the line's last word.
        let (clean, got) = owned(
            "SBC guidelines received regarding the organisation of a petition would be forwarded to CC. IK/CC",
        );
        assert_eq!(clean, "SBC guidelines received regarding the organisation of a petition would be forwarded to CC.");
        assert_eq!(got.len(), 1);
        assert_eq!(got[0].0, "IK/CC");
        assert_eq!(got[0].1, clean);
    }

    #[test]
    fn initials_inside_a_sentence_own_nothing() {
        // "GD presented the report." and "proposed by GD and seconded"
        // are people in the prose, not the action column.
        for t in [
            "GD presented the report. The Treasurer's Account stood at £147.21.",
            "The Minutes were approved. Proposed by GD and seconded by PP.",
            "the new forms. HL would ask again.",
        ] {
            let (clean, placed) = split(t);
            assert!(placed.is_empty(), "{t}: {placed:?}");
            assert_eq!(clean, t);
        }
    }

    #[test]
    fn a_column_of_initials_pairs_with_as_many_points() {
        // Ayton, 4 June 2019, minute 6: "GD GD" beside two applications.
        let text = "Planning Applications • Erection of Dwelling House and Integral Garage – land south west of Lynnfield House. Supported. • Erection of Greenhouse – The Old Glebe, Ayton. Supported.";
        let units = initials_column("GD GD").expect("a column of initials");
        let placed = by_points(text, &units);
        let got: Vec<&str> = pieces(text, &placed).into_iter().map(|p| p.2).collect();
        assert_eq!(
            got,
            [
                "Erection of Dwelling House and Integral Garage – land south west of Lynnfield House. Supported.",
                "Erection of Greenhouse – The Old Glebe, Ayton. Supported.",
            ]
        );
        // Three owners beside six points: each owns the row.
        let units = initials_column("JS GD RB").expect("a column of initials");
        let placed = by_points("• a. • b. • c. • d. • e. • f.", &units);
        assert_eq!(placed.len(), 3);
        assert!(placed.iter().all(|p| p.start == Some(0)));
        assert_eq!(initials_column("Clerk"), None);
        assert_eq!(initials_column("GD"), None, "one owner is the cell itself");
        assert_eq!(initials_column("Cllr Waters JA"), None);
    }

    #[test]
    fn action_headers() {
        assert!(is_action_header("Action"));
        assert!(is_action_header("ACTION BY"));
        assert!(!is_action_header("Actions to be taken by the Clerk"));
    }
}

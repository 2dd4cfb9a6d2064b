//! A decision box's lines -> its decision points: numbered points
//! ("1. Noted …", also run together on one line), or paragraphs opening
//! with a verb in capitals ("APPROVE …", "DELEGATE …"), without the lead
//! that introduces them ("I agree to:", "That the Committee:").

use crate::lex::{fold, lead_number, NumberStyle};

/// One line of a decision box.
#[derive(Debug, Clone, Default)]
pub struct PointLine {
    pub text: String,
    /// Opens with a word in capitals.
    pub caps_lead: bool,
    /// Set apart from the line above by a paragraph gap.
    pub gap: bool,
}

/// Whether a line opens with a word of at least four capitals
/// ("APPROVE", "DELEGATE", "AGREE").
pub fn caps_lead(text: &str) -> bool {
    let w = text.split_whitespace().next().unwrap_or("");
    w.chars().filter(|c| c.is_alphabetic()).count() >= 4
        && w.chars().all(|c| !c.is_alphabetic() || c.is_uppercase())
}

/// The decision points of a box.
pub fn split(lines: &[PointLine]) -> Vec<String> {
    let joined = fold(
        &lines
            .iter()
            .map(|l| l.text.as_str())
            .collect::<Vec<_>>()
            .join(" "),
    );
    if let Some(points) = inline_numbered(&joined) {
        return points;
    }
    let mut out: Vec<String> = Vec::new();
    let mut cur = String::new();
    let any_caps = lines.iter().filter(|l| l.caps_lead).count() >= 2;
    for l in lines {
        let opens = if any_caps { l.caps_lead } else { l.gap };
        if opens && !cur.is_empty() {
            out.push(std::mem::take(&mut cur));
        }
        if !cur.is_empty() {
            cur.push(' ');
        }
        cur.push_str(&l.text);
    }
    if !cur.is_empty() {
        out.push(cur);
    }
    // The lead that introduces the points is not one of them.
    let is_lead = |p: &str| p.trim_end().ends_with(':') || (any_caps && !caps_lead(p));
    if out.len() > 1 && is_lead(&out[0]) {
        out.remove(0);
    }
    out.into_iter()
        .map(|p| fold(&p))
        .filter(|p| !p.is_empty())
        .collect()
}

/// "That the Committee: 1. Noted … 2. Noted …" -> the numbered points, in
/// sequence from 1 (a number may be skipped: "4. … 6. …"). None where the
/// text holds no such sequence of at least two.
fn inline_numbered(text: &str) -> Option<Vec<String>> {
    let mut starts: Vec<usize> = Vec::new();
    let mut want = 1u32;
    let mut from = 0;
    while from < text.len() {
        let mut found = None;
        for n in [want, want + 1] {
            if starts.is_empty() && n != 1 {
                continue;
            }
            let pat = format!("{n}. ");
            let mut search = from;
            while let Some(p) = text[search..].find(&pat) {
                let at = search + p;
                let before_ok = at == 0 || text[..at].ends_with(' ');
                let is_top = lead_number(&text[at..])
                    .is_some_and(|l| l.style == NumberStyle::Arabic && !l.paren);
                if before_ok && is_top {
                    found = Some((at, n));
                    break;
                }
                search = at + pat.len();
            }
            if found.is_some() {
                break;
            }
        }
        match found {
            Some((at, n)) => {
                starts.push(at);
                want = n + 1;
                from = at + 2;
            }
            None => break,
        }
    }
    if starts.len() < 2 {
        return None;
    }
    let mut out = Vec::new();
    for (i, s) in starts.iter().enumerate() {
        let end = starts.get(i + 1).copied().unwrap_or(text.len());
        let body = &text[*s..end];
        let rest = lead_number(body).map_or(body, |l| &body[l.rest..]);
        out.push(rest.trim().to_string());
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pl(t: &str) -> PointLine {
        PointLine {
            text: t.into(),
            caps_lead: caps_lead(t),
            gap: false,
        }
    }

    #[test]
    fn numbered_points_run_together_are_split() {
        // Bristol decision recording form, 12 September 2024, item 7.
        let p = split(&[pl("The Policy Committee: 1. Initiated a Task and Finish Group. 2. Residents Parking a. Approve and implement increase. 4. RPS Pay and Display changes 6. Approved the implementation of early bird charging.")]);
        assert_eq!(p.len(), 4, "{p:?}");
        assert!(p[0].starts_with("Initiated"));
        assert!(p[2].starts_with("RPS Pay"));
        assert!(p[3].starts_with("Approved the implementation"));
    }

    #[test]
    fn capital_verbs_open_points_after_a_lead() {
        // Kent record of decision 24/00093.
        let p = split(&[
            pl("As Cabinet Member for Integrated Children’s Services I agree to:"),
            pl("APPROVE the proposal to not re-commission the Family Hub services"),
            pl("provided at Seashells and Millmead Family Hubs."),
            pl("DELEGATE any activity requiring capital spend"),
        ]);
        assert_eq!(p.len(), 2, "{p:?}");
        assert!(p[1].starts_with("DELEGATE"));
    }

    #[test]
    fn prose_is_one_point() {
        let p = split(&[pl(
            "The Committee debated the petition and referred it to the Chair.",
        )]);
        assert_eq!(p.len(), 1);
    }
}

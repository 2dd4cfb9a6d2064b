//! The labels of a decision form's boxes and the field each opens.

/// The field a box of the form fills.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Field {
    Title,
    Items,
    Reasons,
    Alternatives,
    CallIn,
    Exempt,
    Maker,
    Number,
    Date,
    Key,
    /// A box the record does not keep ("Ward", "Declarations of interest"):
    /// it ends the box before it.
    Other,
}

/// A label found at the start of a line, and what follows it there.
#[derive(Debug, Clone, PartialEq)]
pub struct Label {
    pub field: Field,
    pub value: String,
}

/// Labels, longest first where one opens another ("Decision made in
/// exempt session?" before "Decision"). Matched on the lower-cased line;
/// a label is the whole line or is followed by ":", "?" or a space.
const LABELS: &[(&str, Field)] = &[
    ("subject matter / title of decision", Field::Title),
    ("title of decision", Field::Title),
    ("decision title", Field::Title),
    ("subject", Field::Title),
    ("decision to be taken by", Field::Maker),
    ("decision taken by", Field::Maker),
    ("decision maker", Field::Maker),
    ("decision-maker", Field::Maker),
    ("decision number", Field::Number),
    ("decision no", Field::Number),
    ("decision reference", Field::Number),
    ("decision made in exempt session", Field::Other),
    ("decision date", Field::Date),
    ("date of decision", Field::Date),
    ("decision taken", Field::Items),
    ("decision made", Field::Items),
    ("decision(s)", Field::Items),
    ("decisions", Field::Items),
    ("decision", Field::Items),
    ("reason(s) for decision", Field::Reasons),
    ("reasons for decision", Field::Reasons),
    ("reason for decision", Field::Reasons),
    ("reason(s) for the decision", Field::Reasons),
    ("reasons for the decision", Field::Reasons),
    (
        "any alternatives considered and rejected",
        Field::Alternatives,
    ),
    ("alternatives considered and rejected", Field::Alternatives),
    ("alternative options considered", Field::Alternatives),
    ("alternatives considered", Field::Alternatives),
    ("call-in", Field::CallIn),
    ("call in", Field::CallIn),
    ("urgency", Field::CallIn),
    ("exempt information", Field::Exempt),
    ("key decision", Field::Key),
    ("ward", Field::Other),
    ("declarations of interest", Field::Other),
    ("any interest declared", Field::Other),
    ("additional information", Field::Other),
    ("background", Field::Other),
    ("financial implications", Field::Other),
    ("legal implications", Field::Other),
    ("equalities implications", Field::Other),
    ("equality implications", Field::Other),
];

/// The label a line opens with, if any. A bare "Decision" needs a colon or
/// nothing after it, so "Decision determined at …" is not the decision box.
pub fn label_of(line: &str) -> Option<Label> {
    let t = line.trim();
    // A label is matched at the start: the lowering of the line's first
    // characters (more than the longest label has) opens as the lowering
    // of the whole line does.
    let l = lowered_head(t);
    for (label, field) in LABELS {
        if !l.starts_with(label) {
            continue;
        }
        let rest = &t[label.len()..];
        let punct = rest.starts_with([':', '?']);
        let bare_word = matches!(
            *label,
            "decision" | "decisions" | "subject" | "ward" | "background"
        );
        let ok = rest.is_empty()
            || punct
            || (!bare_word && rest.starts_with(' ') && !continues_word(rest));
        if !ok {
            continue;
        }
        let value = rest
            .trim_start_matches([':', '?', '-', ' '])
            .trim()
            .to_string();
        return Some(Label {
            field: *field,
            value,
        });
    }
    None
}

/// The lower case of `t`'s first `HEAD_CHARS` characters: for a test of
/// how the lowered line opens, up to `HEAD_CHARS` bytes.
fn lowered_head(t: &str) -> String {
    let end = t.char_indices().nth(HEAD_CHARS).map_or(t.len(), |(i, _)| i);
    t[..end].to_lowercase()
}

/// More characters than the longest label has.
const HEAD_CHARS: usize = 48;

/// "Decision taken by officers" is a label; "Decision taken at the meeting"
/// reads on as a sentence only where a small joining word follows.
fn continues_word(rest: &str) -> bool {
    let w = rest.split_whitespace().next().unwrap_or("").to_lowercase();
    matches!(
        w.as_str(),
        "at" | "on" | "in" | "of" | "to" | "is" | "was" | "will" | "by" | "for"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_lowered_head_holds_every_label() {
        assert!(LABELS.iter().all(|(l, _)| l.len() < HEAD_CHARS));
    }

    #[test]
    fn labels_open_their_fields() {
        let l = label_of("Decision taken That the Committee: 1. Noted").unwrap();
        assert_eq!(l.field, Field::Items);
        assert_eq!(l.value, "That the Committee: 1. Noted");
        assert_eq!(label_of("Decision:").unwrap().field, Field::Items);
        assert_eq!(
            label_of("Decision made in exempt session? No")
                .unwrap()
                .field,
            Field::Other
        );
        assert_eq!(
            label_of("Reason(s) for decision:").unwrap().field,
            Field::Reasons
        );
        assert_eq!(label_of("Exempt Information? Open").unwrap().value, "Open");
        assert_eq!(label_of("Key decision: YES").unwrap().value, "YES");
        assert!(label_of("Decision determined at Transport & Connectivity Policy").is_none());
        assert!(label_of("Subjects of the report").is_none());
    }
}

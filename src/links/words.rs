//! Comparing titles, bodies and quoted text: the folded content words of
//! each (the eval fold: lower case, every run of other characters one
//! space; "&" read as "and"; small words dropped; a plural's "s" dropped),
//! and the two measures links use: title similarity (shared content words
//! over the larger set) and containment (how much of a short text's words
//! a longer clause holds).

use std::collections::BTreeSet;

/// Whether `w` is a small word, one that says nothing about what a title
/// or clause is about: a match (by length, then bytes) rather than a walk
/// through a list for every word of a text.
fn is_small(w: &str) -> bool {
    matches!(
        w,
        "a" | "an"
            | "and"
            | "the"
            | "of"
            | "to"
            | "for"
            | "in"
            | "on"
            | "at"
            | "by"
            | "with"
            | "from"
            | "or"
            | "be"
            | "is"
            | "are"
            | "that"
            | "this"
            | "their"
            | "its"
            | "as"
            | "into"
    )
}

/// The content words of `s`, folded and in order.
pub fn content_words(s: &str) -> Vec<String> {
    let mut folded = String::new();
    content_words_in(s, &mut folded)
        .map(str::to_string)
        .collect()
}

/// [`content_words`] as slices of `folded`, a buffer `s` is folded into
/// (so that a caller reading many texts allocates neither a folded copy
/// nor a string per word).
pub fn content_words_in<'a>(s: &str, folded: &'a mut String) -> impl Iterator<Item = &'a str> {
    // Most texts hold no "&": then no copy is made to replace it.
    if s.contains('&') {
        crate::eval::fold::fold_into(&s.replace('&', " and "), folded);
    } else {
        crate::eval::fold::fold_into(s, folded);
    }
    folded
        .split(' ')
        .filter(|w| !w.is_empty() && !is_small(w))
        .map(stem)
}

/// A word's ending dropped so that forms of one word compare equal: a
/// plural's "s" ("assessments" → "assessment", not "ss"/"us"), then "ing"
/// and a final "e" ("requiring" and "require" → "requir").
fn stem(w: &str) -> &str {
    let mut w = w;
    if w.len() > 3 && w.ends_with('s') && !w.ends_with("ss") && !w.ends_with("us") {
        w = &w[..w.len() - 1];
    }
    if w.len() > 5 && w.ends_with("ing") {
        w = &w[..w.len() - 3];
    } else if w.len() > 4 && w.ends_with('e') {
        w = &w[..w.len() - 1];
    }
    w
}

/// Shared content words over the larger set: 1.0 for the same title in
/// other case or punctuation.
pub fn title_similarity(a: &str, b: &str) -> f32 {
    similarity(&word_set(a), &word_set(b))
}

/// The distinct content words of `s`.
pub fn word_set(s: &str) -> BTreeSet<String> {
    content_words(s).into_iter().collect()
}

/// [`title_similarity`] of two titles' [`word_set`]s.
pub fn similarity(a: &BTreeSet<String>, b: &BTreeSet<String>) -> f32 {
    let larger = a.len().max(b.len());
    if larger == 0 {
        return 0.0;
    }
    a.intersection(b).count() as f32 / larger as f32
}

/// Whether two bodies name the same committee ("Transport & Connectivity
/// Policy Committee" and "Transport and Connectivity Policy Committee").
pub fn same_body(a: Option<&str>, b: Option<&str>) -> bool {
    match (a, b) {
        (Some(a), Some(b)) => {
            let (a, b) = (content_words(a), content_words(b));
            !a.is_empty() && a == b
        }
        _ => false,
    }
}

/// The share of `short`'s content words found, in order, within
/// `clause`'s (a longest common subsequence): how much of a recommendation
/// a quoting clause holds, allowing words dropped or added between.
pub fn containment<W: PartialEq>(short: &[W], clause: &[W]) -> f32 {
    if short.is_empty() {
        return 0.0;
    }
    let mut row = vec![0usize; clause.len() + 1];
    for s in short {
        let mut diag = 0;
        for (j, c) in clause.iter().enumerate() {
            let up = row[j + 1];
            row[j + 1] = if s == c { diag + 1 } else { up.max(row[j]) };
            diag = up;
        }
    }
    row[clause.len()] as f32 / short.len() as f32
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn titles_compare_by_content_words() {
        assert_eq!(
            title_similarity("WORK PLAN 2014/15", "Work plan 2014-15"),
            1.0
        );
        assert!(
            title_similarity("HIGH NEEDS UPDATE", "Schools forum Update High Needs Block") < 0.7
        );
    }

    #[test]
    fn small_words_are_the_listed_ones() {
        const SMALL: &[&str] = &[
            "a", "an", "and", "the", "of", "to", "for", "in", "on", "at", "by", "with", "from",
            "or", "be", "is", "are", "that", "this", "their", "its", "as", "into",
        ];
        for w in SMALL {
            assert!(is_small(w), "{w}");
        }
        for w in ["", "thee", "form", "i", "at ", "ands", "intoo", "council"] {
            assert!(!is_small(w), "{w}");
        }
        assert_eq!(
            content_words("That the report of the Director be noted"),
            ["report", "director", "noted"]
        );
    }

    #[test]
    fn bodies_fold_ampersands() {
        assert!(same_body(
            Some("Transport & Connectivity Policy Committee"),
            Some("Transport and Connectivity Policy Committee")
        ));
        assert!(!same_body(Some("Cabinet"), None));
    }

    #[test]
    fn a_shortened_quote_is_contained() {
        // Seed 000's Early Help report quotes Ofsted's recommendation in
        // short: "improve quality and consistency of assessments and plans".
        let rec = content_words("improve the quality and consistency of assessment and plans by:");
        let quote = content_words("improve quality and consistency of assessments and plans;");
        assert_eq!(containment(&rec, &quote), 1.0);
        // "The key recommendations include requiring LSCBs to monitor and
        // evaluate ..." for "require LSCBs to evaluate ...".
        let rec = content_words("require LSCBs to evaluate the quality and effectiveness");
        let quote =
            content_words("requiring LSCBs to monitor and evaluate the quality and effectiveness");
        assert_eq!(containment(&rec, &quote), 1.0);
    }
}

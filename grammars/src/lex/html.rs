//! HTML fragments inside text: tags some renderings keep in table cells
//! (`<p>`, `<ol>`, `<u>`) made spaces, and the two entities they carry.

/// Replace HTML tags (`<p>`, `<ol style=…>`, `<u>`) by spaces; list items and
/// paragraphs become separate words, everything else is kept.
pub fn strip_html(s: &str) -> String {
    if !s.contains('<') {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(start) = rest.find('<') {
        out.push_str(&rest[..start]);
        let after = &rest[start..];
        match after.find('>') {
            Some(end) if is_tag(&after[1..end]) => {
                out.push(' ');
                rest = &after[end + 1..];
            }
            _ => {
                out.push('<');
                rest = &after[1..];
            }
        }
    }
    out.push_str(rest);
    // Each `replace` copies the whole text, also when nothing matches:
    // each runs only where its entity is found.
    if !out.contains('&') {
        return out;
    }
    let out = if out.contains("&nbsp;") {
        out.replace("&nbsp;", " ")
    } else {
        out
    };
    if out.contains("&amp;") {
        out.replace("&amp;", "&")
    } else {
        out
    }
}

fn is_tag(inner: &str) -> bool {
    let name = inner.trim_start_matches('/');
    // ASCII letters and digits are one byte each: the name is a prefix.
    let len = name
        .bytes()
        .take_while(|b| b.is_ascii_alphanumeric())
        .count();
    let name = &name[..len];
    [
        "p", "ol", "ul", "li", "u", "b", "i", "em", "strong", "br", "span", "div",
    ]
    .iter()
    .any(|t| name.eq_ignore_ascii_case(t))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lex::{fold, fold_html};

    #[test]
    fn html_fragments_become_spaces() {
        assert_eq!(
            fold(&strip_html("<p>Resolved:-</p> <ol style=\"x\"> 1. That")),
            "Resolved:- 1. That"
        );
        assert_eq!(strip_html("a < b and c > d"), "a < b and c > d");
        assert_eq!(fold(&strip_html("<u>Early Years</u> MM")), "Early Years MM");
        for t in [
            "<u>Early Years</u>  MM",
            " a &amp; b ",
            "a < b",
            "plain  text",
        ] {
            assert_eq!(fold_html(t), fold(&strip_html(t)), "{t:?}");
        }
    }
}

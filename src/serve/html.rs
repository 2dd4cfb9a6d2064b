//! The pages, rendered on the server as plain HTML with one inline style
//! sheet: the search page (query box, filters, facets with counts, result
//! cards, paging), the record page (fields laid out per kind, provenance,
//! a link to the source at its page) and the error page.
//!
//! Everything that comes from the index or the request is HTML-escaped
//! here, through [`esc`], and nowhere else is markup built. Owns no I/O.

use super::url::{self, SearchParams};
use crate::index::query::{FacetCount, Folded, Hit, SearchResults, Snippet};
use serde_json::Value;
use std::fmt::Write;
use std::time::Duration;

/// The style sheet, inline in every page: no build step, no second request.
pub const CSS: &str = include_str!("style.css");

/// Escape text for HTML content and quoted attribute values.
pub use crate::index::query::html_escape as esc;

/// A whole page around `main`.
fn page(title: &str, params: Option<&SearchParams>, main: &str) -> String {
    let mut h = String::with_capacity(main.len() + CSS.len() + 2048);
    h.push_str("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
    h.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    let _ = writeln!(h, "<title>{}</title>", esc(title));
    let _ = writeln!(h, "<style>\n{CSS}</style>\n</head>\n<body>");
    h.push_str("<header class=\"top\"><div class=\"bar\">");
    h.push_str("<a class=\"brand\" href=\"/\">agendex</a>");
    h.push_str(&search_form(params));
    h.push_str("</div></header>\n");
    h.push_str(main);
    h.push_str("\n<footer class=\"foot\">agendex · committee papers as records · ");
    h.push_str("<a href=\"/api/search\">JSON API</a></footer>\n</body>\n</html>\n");
    h
}

/// The query box, the date range, and the other active filters carried as
/// hidden fields so that a new query keeps them.
fn search_form(params: Option<&SearchParams>) -> String {
    let empty = SearchParams::default();
    let p = params.unwrap_or(&empty);
    let mut f = String::new();
    f.push_str("<form class=\"search\" action=\"/\" method=\"get\" role=\"search\">");
    let _ = write!(
        f,
        "<input class=\"q\" type=\"search\" name=\"{}\" value=\"{}\" maxlength=\"{}\" \
         placeholder=\"Search resolutions, minutes, tables, reports…\" aria-label=\"Search\">",
        url::P_QUERY,
        esc(&p.query),
        url::MAX_QUERY_CHARS
    );
    f.push_str("<button type=\"submit\">Search</button>");
    f.push_str("<div class=\"dates\">");
    for (name, label, value) in [
        (url::P_SINCE, "From", &p.since),
        (url::P_UNTIL, "to", &p.until),
    ] {
        let _ = write!(
            f,
            "<label>{label} <input type=\"text\" name=\"{name}\" value=\"{}\" \
             placeholder=\"YYYY-MM-DD\" title=\"YYYY, YYYY-MM or YYYY-MM-DD\" size=\"10\" maxlength=\"10\"></label>",
            esc(value.as_deref().unwrap_or(""))
        );
    }
    f.push_str("<a class=\"help\" href=\"/#syntax\">syntax</a></div>");
    for k in &p.kind {
        let _ = write!(
            f,
            "<input type=\"hidden\" name=\"{}\" value=\"{}\">",
            url::P_KIND,
            esc(k)
        );
    }
    for (name, value) in [
        (url::P_BODY, &p.body),
        (url::P_COUNCIL, &p.council),
        (url::P_TYPE, &p.doc_type),
        (url::P_DECISION, &p.decision),
        (url::P_GRADE, &p.grade),
        (url::P_KEY, &p.key),
        (url::P_CARRIED, &p.carried),
    ] {
        if let Some(v) = value {
            let _ = write!(
                f,
                "<input type=\"hidden\" name=\"{name}\" value=\"{}\">",
                esc(v)
            );
        }
    }
    f.push_str("</form>");
    f
}

/// A string field of a JSON value, by pointer; empty when absent or not text.
fn s<'a>(v: &'a Value, pointer: &str) -> &'a str {
    v.pointer(pointer).and_then(Value::as_str).unwrap_or("")
}

/// A record's heading: what the record is, in a few words.
pub fn record_title(rec: &Value) -> String {
    let kind = s(rec, "/kind");
    let numbered = |n: &str, t: &str| match (n.is_empty(), t.is_empty()) {
        (false, false) => format!("{n}. {t}"),
        (false, true) => n.to_string(),
        (true, _) => t.to_string(),
    };
    let t = match kind {
        "agenda_item" | "minute" => numbered(s(rec, "/number"), s(rec, "/title")),
        "table" | "report" => s(rec, "/title").to_string(),
        "resolution" => match s(rec, "/minute") {
            "" => "Resolution".to_string(),
            m => format!("Resolution under minute {m}"),
        },
        "recommendation" => match s(rec, "/number") {
            "" => "Recommendation".to_string(),
            n => format!("Recommendation {n}"),
        },
        "attendance" | "declaration" => s(rec, "/name").to_string(),
        "decision" => match (s(rec, "/decision_number"), s(rec, "/title")) {
            ("", t) => t.to_string(),
            (n, "") => format!("Decision {n}"),
            (n, t) => format!("Decision {n}: {t}"),
        },
        "judgement" => match (s(rec, "/area"), s(rec, "/grade")) {
            ("", _) => String::new(),
            (a, "") => a.to_string(),
            (a, g) => format!("{a}: {g}"),
        },
        "action" => match s(rec, "/owners") {
            "" => "Action".to_string(),
            o => format!("Action for {o}"),
        },
        "meeting" => {
            let b = s(rec, "/body");
            if b.is_empty() {
                "Meeting".to_string()
            } else {
                format!("Meeting of {b}")
            }
        }
        _ => String::new(),
    };
    if !t.trim().is_empty() {
        return t;
    }
    match (s(rec, "/document/title"), file_name(s(rec, "/source/path"))) {
        ("", "") => kind.replace('_', " "),
        ("", f) => f.to_string(),
        (d, _) => d.to_string(),
    }
}

/// The last part of a stored path.
fn file_name(path: &str) -> &str {
    path.rsplit(['/', '\\']).next().unwrap_or(path)
}

/// kind, date, body, council: the line above a card's or record's title.
fn meta_line(rec: &Value) -> String {
    let kind = s(rec, "/kind");
    let mut h = format!(
        "<span class=\"kind k-{}\">{}</span>",
        esc(&css_class(kind)),
        esc(&kind.replace('_', " "))
    );
    match s(rec, "/document/date") {
        "" => h.push_str("<span class=\"date undated\">undated</span>"),
        d => {
            let _ = write!(h, "<time datetime=\"{0}\">{0}</time>", esc(d));
        }
    }
    for p in ["/document/body", "/document/council"] {
        let v = s(rec, p);
        if !v.is_empty() {
            let _ = write!(h, "<span class=\"sep\">·</span><span>{}</span>", esc(v));
        }
    }
    h
}

/// Letters, digits and dashes only: safe as a class name.
fn css_class(s: &str) -> String {
    s.chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '-' })
        .collect()
}

/// The address of the source file at a record's page.
pub fn source_href(rec: &Value) -> Option<String> {
    let sha = s(rec, "/source/sha256");
    if !super::is_sha256(sha) {
        return None;
    }
    let page = rec
        .pointer("/source/page")
        .and_then(Value::as_u64)
        .unwrap_or(1);
    Some(format!("/source/{sha}#page={page}"))
}

/// "corpus/x.pdf · page 5 (Page 4)"
fn source_label(rec: &Value) -> String {
    let mut l = s(rec, "/source/path").to_string();
    if let Some(p) = rec.pointer("/source/page").and_then(Value::as_u64) {
        let _ = write!(l, " · page {p}");
    }
    let page = rec
        .pointer("/source/page")
        .and_then(Value::as_u64)
        .map(|p| p.to_string());
    match s(rec, "/source/page_label") {
        "" => {}
        label if Some(label) == page.as_deref() => {}
        label => {
            let _ = write!(l, " ({label})");
        }
    }
    l
}

/// A snippet with matched words in `<mark>`; words matched side by side
/// are marked as one.
pub fn snippet_html(sn: &Snippet) -> String {
    let mut spans: Vec<[usize; 2]> = Vec::new();
    for &[a, b] in &sn.highlights {
        if let Some(last) = spans.last_mut() {
            if a >= last[1] && sn.text.get(last[1]..a).is_some_and(|g| g.trim().is_empty()) {
                last[1] = b;
                continue;
            }
        }
        spans.push([a, b]);
    }
    let mut out = String::with_capacity(sn.text.len() + spans.len() * 16);
    let mut at = 0;
    for [a, b] in spans {
        let (Some(before), Some(word)) = (sn.text.get(at..a), sn.text.get(a..b)) else {
            continue;
        };
        out.push_str(&esc(before));
        out.push_str("<mark>");
        out.push_str(&esc(word));
        out.push_str("</mark>");
        at = b;
    }
    out.push_str(&esc(sn.text.get(at..).unwrap_or("")));
    out
}

/// The search page: results, facets and paging, or the opening page when
/// nothing has been asked yet.
pub fn search_page(p: &SearchParams, r: &SearchResults, took: Duration) -> String {
    let mut m = String::with_capacity(16 * 1024);
    m.push_str("<main class=\"layout\">\n<aside class=\"facets\">");
    m.push_str(&active_filters(p));
    facet_group(&mut m, "Kind", &r.facets.kind, p, Facet::Kind);
    facet_group(&mut m, "Document type", &r.facets.doc_type, p, Facet::Type);
    facet_group(&mut m, "Year", &r.facets.year, p, Facet::Year);
    facet_group(&mut m, "Body", &r.facets.body, p, Facet::Body);
    facet_group(&mut m, "Council", &r.facets.council, p, Facet::Council);
    facet_group(&mut m, "Decision", &r.facets.decision, p, Facet::Decision);
    facet_group(&mut m, "Key decision", &r.facets.key, p, Facet::Key);
    facet_group(&mut m, "Carried", &r.facets.carried, p, Facet::Carried);
    facet_group(&mut m, "Grade", &r.facets.grade, p, Facet::Grade);
    m.push_str("</aside>\n<section class=\"results\">");
    let noun = if r.total == 1 { "record" } else { "records" };
    let shown = r.hits.len();
    let _ = write!(
        m,
        "<p class=\"summary\"><strong>{}</strong> {noun}",
        r.total
    );
    if !p.query.is_empty() {
        let _ = write!(m, " match <q>{}</q>", esc(&p.query));
    }
    if shown > 0 {
        let _ = write!(m, " · {}–{}", r.offset + 1, r.offset + shown);
    }
    let _ = write!(
        m,
        "<span class=\"took\" title=\"time to search and render\">{:.1} ms</span></p>",
        took.as_secs_f64() * 1000.0
    );
    if r.total == 0 {
        m.push_str("<div class=\"empty\"><p>Nothing matches. Try fewer words, ");
        m.push_str("remove a filter, or widen the dates.</p></div>");
    }
    // Record pages link back to this page of results.
    let back = p.href(p.page());
    for hit in &r.hits {
        card(&mut m, &hit.record, &hit.snippet, &back);
        folded(&mut m, hit, &back);
    }
    pager(&mut m, p, r.total);
    if p.query.is_empty() && p.pairs().is_empty() {
        m.push_str(SYNTAX_HELP);
    }
    m.push_str("</section>\n</main>");
    let title = if p.query.is_empty() {
        "agendex".to_string()
    } else {
        format!("{} · agendex", p.query)
    };
    page(&title, Some(p), &m)
}

const SYNTAX_HELP: &str = "<section id=\"syntax\" class=\"syntax\"><h2>Searching</h2><ul>\
<li><code>high needs</code>: records with both words (English stemming: <code>resolve</code> finds <em>resolved</em>)</li>\
<li><code>\"high needs block\"</code>: the exact phrase</li>\
<li><code>budget OR funding</code>, <code>budget NOT draft</code>, <code>-draft</code></li>\
<li><code>kind:resolution</code>, <code>committee:\"schools forum\"</code>, <code>type:minutes</code>, \
<code>date:2015-02</code>, <code>date:[2015 TO 2016]</code>, <code>page:5</code></li>\
<li><code>decision:24/00093</code> (a decision, and records naming it), <code>key:yes</code>, \
<code>carried:no</code>, <code>grade:inadequate</code>, <code>grade:\"requires improvement\"</code></li>\
<li>An empty search lists every record; the filters on the left narrow it.</li></ul></section>";

fn card(m: &mut String, rec: &Value, snippet: &Snippet, back: &str) {
    let id = s(rec, "/id");
    m.push_str("<article class=\"card\">");
    let _ = write!(m, "<div class=\"meta\">{}</div>", meta_line(rec));
    let _ = write!(
        m,
        "<h2><a class=\"record-link\" href=\"{}\">{}</a></h2>",
        esc(&url::href(
            &format!("/record/{}", url::encode(id)),
            &[(url::P_FROM, back.to_string())]
        )),
        esc(&record_title(rec))
    );
    let doc_title = s(rec, "/document/title");
    if !doc_title.is_empty() && doc_title != record_title(rec) {
        let _ = write!(m, "<p class=\"doc\">{}</p>", esc(doc_title));
    }
    let _ = write!(m, "<p class=\"snippet\">{}</p>", snippet_html(snippet));
    if let Some(href) = source_href(rec) {
        let _ = write!(
            m,
            "<p class=\"src\"><a class=\"source-link\" href=\"{}\">{}</a></p>",
            esc(&href),
            esc(&source_label(rec))
        );
    }
    m.push_str("</article>\n");
}

/// The records folded into a card (see `agendex::index::cards`): its whole
/// document, the same text in other files, further records of its
/// document; each links to its record page.
fn folded(m: &mut String, hit: &Hit, back: &str) {
    let also_in = hit.also_in_places();
    if hit.document.is_none() && also_in.is_empty() && hit.more.is_empty() {
        return;
    }
    let link = |r: &Folded, label: &str| {
        format!(
            "<a href=\"{}\">{}</a>",
            esc(&url::href(
                &format!("/record/{}", url::encode(&r.id)),
                &[(url::P_FROM, back.to_string())]
            )),
            esc(label)
        )
    };
    // Inside the card just closed.
    if m.ends_with("</article>\n") {
        m.truncate(m.len() - "</article>\n".len());
    }
    m.push_str("<div class=\"folded\">");
    if let Some(d) = &hit.document {
        let _ = write!(
            m,
            "<p class=\"whole\">In the document {}</p>",
            link(d, &d.title)
        );
    }
    if !also_in.is_empty() {
        let files: Vec<String> = also_in
            .iter()
            .map(|&r| link(r, file_name(r.link.split('#').next().unwrap_or(""))))
            .collect();
        let _ = write!(m, "<p class=\"also\">Also in {}</p>", files.join(", "));
    }
    if !hit.more.is_empty() {
        let n = hit.more.len();
        let _ = write!(
            m,
            "<details class=\"more\"><summary>{n} more in this document</summary><ul>"
        );
        for r in &hit.more {
            let _ = write!(m, "<li>{} · {}</li>", esc(&r.kind), link(r, &r.title));
        }
        m.push_str("</ul></details>");
    }
    m.push_str("</div></article>\n");
}

#[derive(Clone, Copy, PartialEq)]
enum Facet {
    Kind,
    Type,
    Year,
    Body,
    Council,
    Decision,
    Key,
    Carried,
    Grade,
}

/// Is `value` the active filter of this facet?
fn facet_active(p: &SearchParams, f: Facet, value: &str) -> bool {
    match f {
        Facet::Kind => p.kind.iter().any(|k| k == value),
        Facet::Type => p.doc_type.as_deref() == Some(value),
        Facet::Body => p.body.as_deref() == Some(value),
        Facet::Council => p.council.as_deref() == Some(value),
        Facet::Year => p.since.as_deref() == Some(value) && p.until.as_deref() == Some(value),
        Facet::Decision => p.decision.as_deref() == Some(value),
        Facet::Key => p.key.as_deref() == Some(value),
        Facet::Carried => p.carried.as_deref() == Some(value),
        Facet::Grade => p.grade.as_deref() == Some(value),
    }
}

/// The parameters with this facet value toggled on or off (first page).
fn facet_toggled(p: &SearchParams, f: Facet, value: &str) -> SearchParams {
    let mut q = p.clone();
    q.offset = 0;
    let on = !facet_active(p, f, value);
    let set = |slot: &mut Option<String>| *slot = on.then(|| value.to_string());
    match f {
        Facet::Kind => {
            if on {
                q.kind.push(value.to_string());
            } else {
                q.kind.retain(|k| k != value);
            }
        }
        Facet::Type => set(&mut q.doc_type),
        Facet::Body => set(&mut q.body),
        Facet::Council => set(&mut q.council),
        Facet::Year => {
            set(&mut q.since);
            set(&mut q.until);
        }
        Facet::Decision => set(&mut q.decision),
        Facet::Key => set(&mut q.key),
        Facet::Carried => set(&mut q.carried),
        Facet::Grade => set(&mut q.grade),
    }
    q
}

fn facet_group(m: &mut String, name: &str, counts: &[FacetCount], p: &SearchParams, f: Facet) {
    if counts.is_empty() {
        return;
    }
    let _ = write!(m, "<section class=\"facet\"><h3>{}</h3><ul>", esc(name));
    for c in counts {
        let active = facet_active(p, f, &c.value);
        let href = facet_toggled(p, f, &c.value).href(1);
        let label = if f == Facet::Kind || f == Facet::Type {
            c.value.replace('_', " ")
        } else {
            c.value.clone()
        };
        let _ = write!(
            m,
            "<li><a class=\"facet-link{}\" data-facet=\"{}\" data-value=\"{}\" href=\"{}\">\
             <span class=\"v\" title=\"{}\">{}</span><span class=\"n\">{}</span></a></li>",
            if active { " on" } else { "" },
            esc(&name.to_lowercase()),
            esc(&c.value),
            esc(&href),
            esc(&label),
            esc(&label),
            c.count
        );
    }
    m.push_str("</ul></section>");
}

/// The filters in force, each with a link that removes it.
fn active_filters(p: &SearchParams) -> String {
    let mut chips = Vec::new();
    let without = |f: &dyn Fn(&mut SearchParams)| {
        let mut q = p.clone();
        q.offset = 0;
        f(&mut q);
        q.href(1)
    };
    for k in &p.kind {
        let href = without(&|q: &mut SearchParams| q.kind.retain(|x| x != k));
        chips.push((format!("kind: {}", k.replace('_', " ")), href));
    }
    for (label, value, clear) in [
        (
            "type",
            &p.doc_type,
            &(|q: &mut SearchParams| q.doc_type = None) as &dyn Fn(&mut SearchParams),
        ),
        ("body", &p.body, &|q: &mut SearchParams| q.body = None),
        ("council", &p.council, &|q: &mut SearchParams| {
            q.council = None
        }),
        ("from", &p.since, &|q: &mut SearchParams| q.since = None),
        ("to", &p.until, &|q: &mut SearchParams| q.until = None),
        ("decision", &p.decision, &|q: &mut SearchParams| {
            q.decision = None
        }),
        ("key decision", &p.key, &|q: &mut SearchParams| q.key = None),
        ("carried", &p.carried, &|q: &mut SearchParams| {
            q.carried = None
        }),
        ("grade", &p.grade, &|q: &mut SearchParams| q.grade = None),
    ] {
        if let Some(v) = value {
            chips.push((format!("{label}: {v}"), without(clear)));
        }
    }
    if chips.is_empty() {
        return String::new();
    }
    let mut h = String::from("<section class=\"facet active\"><h3>Filters</h3><ul>");
    for (label, href) in chips {
        let _ = write!(
            h,
            "<li><a class=\"chip\" href=\"{}\" title=\"remove this filter\">{} <span aria-hidden=\"true\">×</span></a></li>",
            esc(&href),
            esc(&label)
        );
    }
    let cleared = SearchParams {
        query: p.query.clone(),
        limit: p.limit,
        ..SearchParams::default()
    };
    let _ = write!(
        h,
        "<li><a class=\"clear\" href=\"{}\">clear all</a></li></ul></section>",
        esc(&cleared.href(1))
    );
    h
}

fn pager(m: &mut String, p: &SearchParams, total: usize) {
    let per = p.limit.max(1);
    let pages = total.div_ceil(per).min(url::MAX_OFFSET / per + 1);
    if pages <= 1 {
        return;
    }
    let cur = p.page();
    m.push_str("<nav class=\"pager\" aria-label=\"pages\">");
    if cur > 1 {
        let _ = write!(
            m,
            "<a rel=\"prev\" href=\"{}\">← Previous</a>",
            esc(&p.href(cur - 1))
        );
    }
    let first = cur.saturating_sub(3).max(1);
    let last = (first + 6).min(pages);
    for n in first..=last {
        if n == cur {
            let _ = write!(m, "<span class=\"cur\" aria-current=\"page\">{n}</span>");
        } else {
            let _ = write!(m, "<a href=\"{}\">{n}</a>", esc(&p.href(n)));
        }
    }
    if cur < pages {
        let _ = write!(
            m,
            "<a rel=\"next\" href=\"{}\">Next →</a>",
            esc(&p.href(cur + 1))
        );
    }
    m.push_str("</nav>");
}

/// An error page: what went wrong, with the search form kept so it can be fixed.
pub fn error_page(status: u16, message: &str, params: Option<&SearchParams>) -> String {
    let heading = match status {
        400 => "That search cannot be run",
        404 => "Not found",
        405 => "That method is not answered here",
        408 => "The request took too long",
        413 | 414 | 431 => "The request is too large",
        503 => "Not available just now",
        _ => "Something went wrong",
    };
    let main = format!(
        "<main class=\"narrow\"><div class=\"error\" role=\"alert\"><h1>{}</h1><p class=\"why\">{}</p>\
         <p><a href=\"/\">Start a new search</a> · <a href=\"/#syntax\">query syntax</a></p></div></main>",
        esc(heading),
        esc(message)
    );
    page(&format!("{heading} · agendex"), params, &main)
}

/// The record page: heading, fields per kind, provenance, the full text.
/// `back`: the search page the record was opened from, if known.
/// Records shown on another record's page, looked up in the index.
#[derive(Debug, Clone, Default)]
pub struct Related {
    /// The judgements of the record's document, in document order.
    pub judgements: Vec<Value>,
    /// The record's thread (`agendex thread`), in date order; empty when
    /// nothing links to it.
    pub thread: Vec<crate::links::thread::Step>,
}

pub fn record_page(rec: &Value, back: Option<&str>, related: &Related) -> String {
    let mut m = String::with_capacity(8 * 1024);
    // Tables get the page's full width; prose reads best narrow.
    let wide = if s(rec, "/kind") == "table" {
        " wide"
    } else {
        ""
    };
    let _ = write!(m, "<main class=\"narrow record{wide}\">");
    if let Some(back) = back {
        let _ = write!(
            m,
            "<p class=\"back\"><a href=\"{}\">← Back to results</a></p>",
            esc(back)
        );
    }
    let _ = write!(m, "<div class=\"meta\">{}</div>", meta_line(rec));
    let title = record_title(rec);
    let _ = write!(m, "<h1>{}</h1>", esc(&title));
    let doc_title = s(rec, "/document/title");
    if !doc_title.is_empty() && doc_title != title {
        let _ = write!(m, "<p class=\"doc\">in <em>{}</em></p>", esc(doc_title));
    }
    provenance(&mut m, rec);
    m.push_str("<section class=\"fields\">");
    generic_fields(&mut m, rec);
    let text = s(rec, "/text");
    // A short record reads best as its own text; a long one (a whole
    // document) is folded away below its fields.
    let lead =
        !text.is_empty() && text.len() <= LEAD_BYTES && text != title && !lists_its_text(rec);
    if lead {
        let _ = write!(m, "<blockquote class=\"lead\">{}</blockquote>", esc(text));
    }
    match s(rec, "/kind") {
        "resolution" => resolution(&mut m, rec),
        "table" => table(&mut m, rec),
        "recommendation" => recommendation(&mut m, rec),
        "minute" => minute(&mut m, rec),
        "decision" => decision(&mut m, rec),
        _ => {}
    }
    judgements(&mut m, &related.judgements, s(rec, "/id"));
    timeline(&mut m, &related.thread, s(rec, "/id"));
    m.push_str("</section>");
    if !text.is_empty() && !lead {
        let _ = write!(
            m,
            "<details class=\"fulltext\"{}><summary>Full text ({} characters)</summary><p>{}</p></details>",
            if s(rec, "/kind") == "document" { "" } else { " open" },
            text.chars().count(),
            esc(text)
        );
    }
    let _ = write!(
        m,
        "<p class=\"raw\"><a href=\"/api/record/{}\">this record as JSON</a></p>",
        esc(&url::encode(s(rec, "/id")))
    );
    m.push_str("</main>");
    page(&format!("{title} · agendex"), None, &m)
}

/// Records this short are shown as a quotation at the top of their fields.
const LEAD_BYTES: usize = 1500;

/// Does the kind's own layout already show the text (items, rows, paragraphs)?
fn lists_its_text(rec: &Value) -> bool {
    let has = |k: &str| {
        rec.get(k)
            .and_then(Value::as_array)
            .is_some_and(|a| !a.is_empty())
    };
    match s(rec, "/kind") {
        "resolution" | "recommendation" | "agenda_item" | "decision" => has("items"),
        "table" => has("rows"),
        "minute" => has("paragraphs"),
        _ => false,
    }
}

fn provenance(m: &mut String, rec: &Value) {
    m.push_str("<section class=\"provenance\"><dl>");
    let mut row = |k: &str, v: String| {
        if !v.is_empty() {
            let _ = write!(m, "<dt>{}</dt><dd>{v}</dd>", esc(k));
        }
    };
    row("File", esc(s(rec, "/source/path")));
    let page = rec.pointer("/source/page").and_then(Value::as_u64);
    let page_end = rec.pointer("/source/page_end").and_then(Value::as_u64);
    row(
        "Page",
        match (page, page_end) {
            (Some(a), Some(b)) if b > a => format!("{a}–{b}"),
            (Some(a), _) => a.to_string(),
            _ => String::new(),
        },
    );
    row("Printed label", esc(s(rec, "/source/page_label")));
    let doc_type = s(rec, "/document/type").replace('_', " ");
    let doc_pages = match rec.pointer("/document/pages").and_then(Value::as_array) {
        Some(a) if a.len() == 2 => format!(
            " (pages {}–{})",
            a[0].as_u64().unwrap_or(0),
            a[1].as_u64().unwrap_or(0)
        ),
        _ => String::new(),
    };
    if !doc_type.is_empty() {
        row("Document", esc(&format!("{doc_type}{doc_pages}")));
    }
    row("Record id", format!("<code>{}</code>", esc(s(rec, "/id"))));
    m.push_str("</dl>");
    if let Some(href) = source_href(rec) {
        let page = page.unwrap_or(1);
        let _ = write!(
            m,
            "<p><a class=\"button source-link\" href=\"{}\">Open the source at page {page}</a></p>",
            esc(&href)
        );
    }
    m.push_str("</section>");
}

/// The envelope and the fields a kind's own layout already showed.
fn shown_elsewhere(kind: &str, key: &str) -> bool {
    const ENVELOPE: &[&str] = &["schema_version", "id", "kind", "text", "source", "document"];
    if ENVELOPE.contains(&key) {
        return true;
    }
    // The kind's own layout, or the heading (see `record_title`).
    let own: &[&str] = match kind {
        "resolution" => &["items", "votes", "vote", "carried"],
        "decision" => &[
            "items",
            "reasons",
            "alternatives",
            "call_in",
            "title",
            "decision_number",
        ],
        "table" => &["title", "header", "rows", "values", "pages"],
        "recommendation" => &["items", "progress", "number"],
        "minute" => &["paragraphs", "number", "title"],
        "agenda_item" => &["number", "title"],
        "report" => &["title"],
        "attendance" | "declaration" => &["name"],
        _ => &[],
    };
    own.contains(&key)
}

/// Every other field as label and value.
fn generic_fields(m: &mut String, rec: &Value) {
    let Some(obj) = rec.as_object() else {
        return;
    };
    let kind = s(rec, "/kind");
    let mut rows = String::new();
    for (k, v) in obj {
        if shown_elsewhere(kind, k) || is_blank(v) {
            continue;
        }
        let _ = write!(
            rows,
            "<dt>{}</dt><dd>{}</dd>",
            esc(&k.replace('_', " ")),
            value_html(v)
        );
    }
    if !rows.is_empty() {
        let _ = write!(m, "<dl class=\"kv\">{rows}</dl>");
    }
}

fn is_blank(v: &Value) -> bool {
    match v {
        Value::Null => true,
        Value::String(s) => s.trim().is_empty(),
        Value::Array(a) => a.is_empty(),
        Value::Object(o) => o.is_empty(),
        _ => false,
    }
}

/// Any JSON value, readably: lists as lists, lists of lists as a table,
/// objects as nested label/value pairs.
fn value_html(v: &Value) -> String {
    match v {
        Value::Null => "—".to_string(),
        Value::Bool(b) => if *b { "yes" } else { "no" }.to_string(),
        Value::Number(n) => esc(&n.to_string()),
        Value::String(s) => esc(s),
        Value::Array(a) if a.iter().all(Value::is_array) => {
            let mut h = String::from("<div class=\"table-wrap\"><table><tbody>");
            for row in a {
                h.push_str("<tr>");
                for c in row.as_array().map(Vec::as_slice).unwrap_or(&[]) {
                    let _ = write!(h, "<td>{}</td>", value_html(c));
                }
                h.push_str("</tr>");
            }
            h.push_str("</tbody></table></div>");
            h
        }
        Value::Array(a) if a.len() == 2 && a.iter().all(Value::is_u64) => {
            format!("{}–{}", a[0], a[1])
        }
        Value::Array(a) => {
            let mut h = String::from("<ul>");
            for x in a {
                let _ = write!(h, "<li>{}</li>", value_html(x));
            }
            h.push_str("</ul>");
            h
        }
        Value::Object(o) => {
            let mut h = String::from("<dl class=\"kv inner\">");
            for (k, x) in o {
                let _ = write!(
                    h,
                    "<dt>{}</dt><dd>{}</dd>",
                    esc(&k.replace('_', " ")),
                    value_html(x)
                );
            }
            h.push_str("</dl>");
            h
        }
    }
}

fn strings(rec: &Value, key: &str) -> Vec<String> {
    rec.get(key)
        .and_then(Value::as_array)
        .map(|a| {
            a.iter()
                .map(|x| match x {
                    Value::String(s) => s.clone(),
                    other => other.to_string(),
                })
                .collect()
        })
        .unwrap_or_default()
}

fn ordered_items(m: &mut String, items: &[String]) {
    if items.is_empty() {
        return;
    }
    m.push_str("<ol class=\"items\">");
    for i in items {
        let _ = write!(m, "<li>{}</li>", esc(i));
    }
    m.push_str("</ol>");
}

fn resolution(m: &mut String, rec: &Value) {
    m.push_str("<h2>Resolved</h2>");
    ordered_items(m, &strings(rec, "items"));
    let votes = strings(rec, "votes");
    if !votes.is_empty() {
        let _ = write!(
            m,
            "<p class=\"votes\"><span class=\"label\">Votes</span> {}</p>",
            esc(&votes.join("; "))
        );
    }
    vote(m, rec);
}

/// "carried", "lost" or nothing, from a resolution's `carried`.
fn outcome(rec: &Value) -> Option<&'static str> {
    rec.get("carried")
        .and_then(Value::as_bool)
        .map(|c| if c { "Carried" } else { "Lost" })
}

/// A recorded vote: for, against and abstaining, each with its count and
/// the names recorded.
fn vote(m: &mut String, rec: &Value) {
    let vote = rec.get("vote").filter(|v| v.is_object());
    let outcome = outcome(rec);
    if vote.is_none() && outcome.is_none() {
        return;
    }
    m.push_str("<div class=\"vote\"><h2>Vote</h2>");
    if let Some(o) = outcome {
        let _ = write!(m, "<p class=\"outcome {}\">{o}</p>", o.to_lowercase());
    }
    if let Some(v) = vote {
        let mut rows = String::new();
        for (label, key) in [
            ("For", "for"),
            ("Against", "against"),
            ("Abstained", "abstain"),
        ] {
            let count = v.get(key).and_then(Value::as_u64);
            let names = strings(v, &format!("{key}_names"));
            if count.is_none() && names.is_empty() {
                continue;
            }
            let _ = write!(
                rows,
                "<tr><th scope=\"row\">{label}</th><td class=\"num\">{}</td><td>{}</td></tr>",
                count.map(|n| n.to_string()).unwrap_or_else(|| "—".into()),
                esc(&names.join(", "))
            );
        }
        if !rows.is_empty() {
            let _ = write!(
                m,
                "<div class=\"table-wrap\"><table class=\"data vote-counts\"><thead><tr>\
                 <th scope=\"col\"></th><th scope=\"col\">Votes</th><th scope=\"col\">Names</th>\
                 </tr></thead><tbody>{rows}</tbody></table></div>"
            );
        }
    }
    m.push_str("</div>");
}

/// A decision: its points as a list, then why, what else was considered,
/// and what it says of call-in.
fn decision(m: &mut String, rec: &Value) {
    let points = strings(rec, "items");
    if !points.is_empty() {
        m.push_str("<h2>Decision</h2>");
        ordered_items(m, &points);
    }
    for (heading, key) in [
        ("Reasons", "/reasons"),
        ("Alternatives considered", "/alternatives"),
        ("Call-in", "/call_in"),
    ] {
        let text = s(rec, key);
        if !text.trim().is_empty() {
            let _ = write!(m, "<h2>{heading}</h2><p>{}</p>", esc(text));
        }
    }
}

/// An inspection's judgements as a table: area | grade, each area a link
/// to its record; the row of the record shown (`current`) marked. A
/// judgement alone in its document needs no table.
fn judgements(m: &mut String, judgements: &[Value], current: &str) {
    if judgements.is_empty() || judgements.len() == 1 && s(&judgements[0], "/id") == current {
        return;
    }
    m.push_str("<div class=\"judgements\"><h2>Judgements</h2><div class=\"table-wrap\">");
    m.push_str("<table class=\"data\"><thead><tr><th scope=\"col\">Area</th>");
    m.push_str("<th scope=\"col\">Grade</th></tr></thead><tbody>");
    for j in judgements {
        let here = s(j, "/id") == current;
        let _ = write!(
            m,
            "<tr{}><td><a href=\"{}\">{}</a></td><td>{}</td></tr>",
            if here {
                " class=\"this\" aria-current=\"true\""
            } else {
                ""
            },
            esc(&format!("/record/{}", url::encode(s(j, "/id")))),
            esc(s(j, "/area")),
            esc(s(j, "/grade"))
        );
    }
    m.push_str("</tbody></table></div></div>");
}

/// The record's thread as a timeline: each step's date, kind and title,
/// linking to its record, and the evidence of the link that reached it.
fn timeline(m: &mut String, steps: &[crate::links::thread::Step], current: &str) {
    if steps.is_empty() {
        return;
    }
    m.push_str("<div class=\"thread\"><h2>Thread</h2><ol class=\"timeline\">");
    for st in steps {
        let here = st.id == current;
        let _ = write!(
            m,
            "<li{}><span class=\"date\">{}</span> <span class=\"kind\">{}</span> <a href=\"{}\">{}</a> <span class=\"where\">{} p.{}</span>",
            if here { " class=\"this\" aria-current=\"true\"" } else { "" },
            esc(st.date.as_deref().unwrap_or("undated")),
            esc(&st.kind.replace('_', " ")),
            esc(&format!("/record/{}", url::encode(&st.id))),
            esc(st.title.as_deref().unwrap_or("(untitled)")),
            esc(&st.file),
            st.page
        );
        if let Some(v) = &st.via {
            let _ = write!(
                m,
                "<br><small>{}: {}</small>",
                esc(&v.link_type.replace('_', " ")),
                esc(&v.evidence)
            );
        }
        m.push_str("</li>");
    }
    m.push_str("</ol></div>");
}

fn recommendation(m: &mut String, rec: &Value) {
    ordered_items(m, &strings(rec, "items"));
    match s(rec, "/progress") {
        "" => {}
        p => {
            let _ = write!(
                m,
                "<div class=\"progress\"><h2>Progress update</h2><p>{}</p></div>",
                esc(p)
            );
        }
    }
}

fn minute(m: &mut String, rec: &Value) {
    let Some(paras) = rec.get("paragraphs").and_then(Value::as_array) else {
        return;
    };
    if paras.is_empty() {
        return;
    }
    m.push_str("<div class=\"paragraphs\">");
    for p in paras {
        let _ = write!(
            m,
            "<p><span class=\"num\">{}</span> {}</p>",
            esc(s(p, "/number")),
            esc(s(p, "/text"))
        );
    }
    m.push_str("</div>");
}

fn table(m: &mut String, rec: &Value) {
    let header = strings(rec, "header");
    let rows: Vec<Vec<String>> = rec
        .get("rows")
        .and_then(Value::as_array)
        .map(|rows| {
            rows.iter()
                .map(|r| {
                    r.as_array()
                        .map(|cells| {
                            cells
                                .iter()
                                .map(|c| c.as_str().map(str::to_string).unwrap_or_default())
                                .collect()
                        })
                        .unwrap_or_default()
                })
                .collect()
        })
        .unwrap_or_default();
    let _ = write!(
        m,
        "<p class=\"dims\">{} rows × {} columns</p>",
        rows.len(),
        header.len()
    );
    m.push_str("<div class=\"table-wrap\"><table class=\"data\">");
    if !header.is_empty() {
        m.push_str("<thead><tr>");
        for h in &header {
            let _ = write!(m, "<th scope=\"col\">{}</th>", esc(h));
        }
        m.push_str("</tr></thead>");
    }
    m.push_str("<tbody>");
    for r in &rows {
        m.push_str("<tr>");
        for c in r {
            let numeric = looks_numeric(c);
            let _ = write!(
                m,
                "<td{}>{}</td>",
                if numeric { " class=\"num\"" } else { "" },
                esc(c)
            );
        }
        m.push_str("</tr>");
    }
    m.push_str("</tbody></table></div>");
}

/// Cells such as "£1,234", "12.5%", "(300)": aligned right.
fn looks_numeric(c: &str) -> bool {
    let t = c.trim();
    !t.is_empty()
        && t.chars().any(|ch| ch.is_ascii_digit())
        && t.chars()
            .all(|ch| ch.is_ascii_digit() || "£$€%.,()-+ k".contains(ch))
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn resolution_record() -> Value {
        json!({"schema_version":1,"id":"9f2c000000000000-resolution-3","kind":"resolution",
            "text":"Resolved: 1. That <b>£395,000</b> be agreed.",
            "source":{"path":"corpus/000_ab51a36975b4b00c.pdf","sha256":"9f2c".repeat(16),"page":5,"page_end":5,"page_label":"Page 4"},
            "document":{"type":"minutes","title":"Minutes of the Schools Forum meeting","council":"Haringey","body":"Schools Forum","date":"2015-02-25","pages":[2,9]},
            "minute":"8","paragraph":null,"meeting_date":"2015-02-25",
            "items":["That <script>alert(1)</script> be noted.","That £395,000 be agreed. (One abstention)."],
            "votes":["One abstention"]})
    }

    #[test]
    fn escapes_markup_and_quotes() {
        assert_eq!(
            esc("<a href=\"x\">'&'</a>"),
            "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;"
        );
    }

    #[test]
    fn resolution_page_lists_items_votes_and_source_link() {
        let h = record_page(&resolution_record(), Some("/?q=a&b"), &Related::default());
        assert!(h.contains("<h1>Resolution under minute 8</h1>"), "{h}");
        assert!(h.contains("<a href=\"/?q=a&amp;b\">← Back to results</a>"));
        assert!(h.contains(
            "<ol class=\"items\"><li>That &lt;script&gt;alert(1)&lt;/script&gt; be noted.</li>"
        ));
        assert!(h.contains("<span class=\"label\">Votes</span> One abstention"));
        let sha = "9f2c".repeat(16);
        assert!(h.contains(&format!("href=\"/source/{sha}#page=5\"")), "{h}");
        assert!(h.contains("<dt>Printed label</dt><dd>Page 4</dd>"));
        assert!(h.contains("<dt>meeting date</dt><dd>2015-02-25</dd>"));
        assert!(!h.contains("<script>"));
        assert!(!h.contains("<b>£395"));
    }

    #[test]
    fn table_page_is_an_html_table() {
        let rec = json!({"id":"t-table-1","kind":"table","text":"","title":"Funding <2015>",
            "header":["Provider","Amount"],"rows":[["A & B","£1,200"],["C","(300)"]],"values":[],"pages":[3,4],
            "source":{"path":"x.pdf","sha256":"zz","page":3},"document":{"type":"officer_report"}});
        let h = record_page(&rec, None, &Related::default());
        assert!(h.contains("<h1>Funding &lt;2015&gt;</h1>"));
        assert!(h.contains(
            "<thead><tr><th scope=\"col\">Provider</th><th scope=\"col\">Amount</th></tr></thead>"
        ));
        assert!(h.contains("<td>A &amp; B</td><td class=\"num\">£1,200</td>"));
        assert!(h.contains("<p class=\"dims\">2 rows × 2 columns</p>"));
        assert!(h.contains("<main class=\"narrow record wide\">"));
        assert!(!h.contains("<dt>pages</dt>"), "pages are in the provenance");
        // A sha256 that is not one is never made into a link.
        assert!(!h.contains("/source/"));
    }

    #[test]
    fn recommendation_shows_its_progress() {
        let rec = json!({"id":"r-recommendation-2","kind":"recommendation","text":"x",
            "number":"5","addressee":"LSCBs","area":"Early help","items":["Review thresholds"],
            "progress":"Completed in March.","source":{},"document":{}});
        let h = record_page(&rec, None, &Related::default());
        assert!(h.contains("<h1>Recommendation 5</h1>"));
        assert!(h.contains("<h2>Progress update</h2><p>Completed in March.</p>"));
        assert!(h.contains("<dt>addressee</dt><dd>LSCBs</dd>"));
        assert!(
            !h.contains("<dt>number</dt>"),
            "the number is in the heading"
        );
        assert!(h.contains("<li>Review thresholds</li>"));
    }

    #[test]
    fn a_recorded_vote_shows_its_counts_and_names() {
        let mut rec = resolution_record();
        rec["carried"] = json!(false);
        rec["vote"] = json!({"for": 3, "against": 7, "abstain": null,
            "for_names": ["Cllr A <Smith>", "Cllr B"], "against_names": [], "abstain_names": ["Cllr C"]});
        rec["moved_by"] = json!("Cllr A <Smith>");
        let h = record_page(&rec, None, &Related::default());
        assert!(h.contains("<p class=\"outcome lost\">Lost</p>"), "{h}");
        assert!(h.contains(
            "<tr><th scope=\"row\">For</th><td class=\"num\">3</td><td>Cllr A &lt;Smith&gt;, Cllr B</td></tr>"
        ));
        assert!(
            h.contains("<tr><th scope=\"row\">Against</th><td class=\"num\">7</td><td></td></tr>")
        );
        assert!(h.contains(
            "<tr><th scope=\"row\">Abstained</th><td class=\"num\">—</td><td>Cllr C</td></tr>"
        ));
        assert!(h.contains("<dt>moved by</dt><dd>Cllr A &lt;Smith&gt;</dd>"));
        assert!(!h.contains("<dt>vote</dt>"), "the vote has its own table");
        assert!(!h.contains("<Smith>"));
        // No vote recorded: no vote section.
        let plain = record_page(&resolution_record(), None, &Related::default());
        assert!(!plain.contains("<h2>Vote</h2>"));
    }

    #[test]
    fn a_decision_lists_its_points_reasons_and_call_in() {
        // Kent, record of decision 24/00093.
        let rec = json!({"id":"k-decision-1","kind":"decision","text":"DECISION NO: 24/00093",
            "decision_number":"24/00093","title":"Commissioned Family Hub Contracts",
            "maker":"Mrs Sue Chandler, Cabinet Member for Integrated Children's Services",
            "date":"2025-01-17","key_decision":true,
            "items":["APPROVE the proposal to not re-commission the Family Hub services","DELEGATE any actions"],
            "reasons":"The contracts end on 31 March 2025 & <funding> ends.","alternatives":"Re-procure the services.",
            "call_in":"Not subject to call-in.","exempt":false,"exempt_paragraph":null,
            "source":{},"document":{}});
        let h = record_page(&rec, None, &Related::default());
        assert!(
            h.contains("<h1>Decision 24/00093: Commissioned Family Hub Contracts</h1>"),
            "{h}"
        );
        assert!(h.contains("<h2>Decision</h2><ol class=\"items\"><li>APPROVE the proposal"));
        assert!(h.contains(
            "<h2>Reasons</h2><p>The contracts end on 31 March 2025 &amp; &lt;funding&gt; ends.</p>"
        ));
        assert!(h.contains("<h2>Alternatives considered</h2><p>Re-procure the services.</p>"));
        assert!(h.contains("<h2>Call-in</h2><p>Not subject to call-in.</p>"));
        assert!(h.contains("<dt>key decision</dt><dd>yes</dd>"));
        assert!(!h.contains("<dt>items</dt>") && !h.contains("<dt>reasons</dt>"));
    }

    #[test]
    fn an_inspection_report_shows_its_judgements_as_a_table() {
        let rec = json!({"id":"s-report-1","kind":"report","text":"Inspection of services",
            "title":"Inspection of services for children","framework":"single inspection framework",
            "source":{},"document":{"type":"inspection_report"}});
        let related = Related {
            judgements: vec![
                json!({"id":"s-judgement-2","kind":"judgement","area":"Children who need help & protection","grade":"Good"}),
                json!({"id":"s-judgement-3","kind":"judgement","area":"Adoption performance","grade":"Requires improvement"}),
            ],
            thread: Vec::new(),
        };
        let h = record_page(&rec, None, &related);
        assert!(h.contains("<h2>Judgements</h2>"), "{h}");
        assert!(h.contains(
            "<tr><td><a href=\"/record/s-judgement-2\">Children who need help &amp; protection</a></td><td>Good</td></tr>"
        ));
        assert!(h.contains("<td>Requires improvement</td>"));
        // A judgement's own page shows the table with its row marked.
        let own = related.judgements[1].clone();
        let h = record_page(&own, None, &related);
        assert!(
            h.contains("<h1>Adoption performance: Requires improvement</h1>"),
            "{h}"
        );
        assert!(h.contains(
            "<tr class=\"this\" aria-current=\"true\"><td><a href=\"/record/s-judgement-3\">"
        ));
        let alone = Related {
            judgements: vec![own.clone()],
            thread: Vec::new(),
        };
        assert!(!record_page(&own, None, &alone).contains("<h2>Judgements</h2>"));
    }

    #[test]
    fn thread_is_a_timeline_of_links_to_each_record() {
        use crate::links::thread::{Step, Via};
        let rec = json!({"id":"d-decision-1","kind":"decision","text":"Commissioned Family Hub Contracts",
            "title":"Commissioned Family Hub Contracts","source":{},"document":{"type":"member_report"}});
        let step = |id: &str, kind: &str, date: Option<&str>, via: Option<Via>| Step {
            id: id.into(),
            kind: kind.into(),
            title: Some("Commissioned Family Hub Contracts".into()),
            date: date.map(Into::into),
            file: "kent.pdf".into(),
            page: 1,
            via,
        };
        let related = Related {
            judgements: Vec::new(),
            thread: vec![
                step("d-decision-1", "decision", Some("2025-01-17"), None),
                step(
                    "c-report-1",
                    "report",
                    Some("2025-03-04"),
                    Some(Via {
                        link_type: "called_in".into(),
                        from: "d-decision-1".into(),
                        evidence: "decision number 24/00093".into(),
                        confidence: 0.9,
                    }),
                ),
            ],
        };
        let h = record_page(&rec, None, &related);
        assert!(h.contains("<h2>Thread</h2>"), "{h}");
        assert!(h.contains("<a href=\"/record/c-report-1\">"), "{h}");
        assert!(h.contains("called in: decision number 24/00093"), "{h}");
        assert!(
            h.contains("<li class=\"this\" aria-current=\"true\">"),
            "{h}"
        );
    }

    #[test]
    fn snippet_marks_matches_and_escapes_the_rest() {
        let sn = Snippet {
            text: "the <High> Needs Block & more".into(),
            highlights: vec![[4, 10], [11, 16], [17, 22], [100, 120]],
            html: String::new(),
        };
        assert_eq!(
            snippet_html(&sn),
            "the <mark>&lt;High&gt; Needs Block</mark> &amp; more"
        );
        // Ranges that split a character are skipped, not a panic.
        let sn = Snippet {
            text: "£5".into(),
            highlights: vec![[1, 2]],
            html: String::new(),
        };
        assert_eq!(snippet_html(&sn), "£5");
    }

    #[test]
    fn facet_links_toggle_and_keep_the_query() {
        let p = SearchParams {
            query: "budget".into(),
            kind: vec!["minute".into()],
            limit: 10,
            offset: 20,
            ..Default::default()
        };
        assert_eq!(
            facet_toggled(&p, Facet::Kind, "table").href(1),
            "/?q=budget&kind=minute&kind=table"
        );
        assert_eq!(
            facet_toggled(&p, Facet::Kind, "minute").href(1),
            "/?q=budget"
        );
        assert_eq!(
            facet_toggled(&p, Facet::Year, "2015").href(1),
            "/?q=budget&kind=minute&since=2015&until=2015"
        );
    }

    #[test]
    fn error_page_keeps_the_query_escaped() {
        let p = SearchParams {
            query: "\"unclosed <x>".into(),
            ..Default::default()
        };
        let h = error_page(400, "bad query: expected '\"'", Some(&p));
        assert!(h.contains("value=\"&quot;unclosed &lt;x&gt;\""));
        assert!(h.contains("<p class=\"why\">bad query: expected &#39;&quot;&#39;</p>"));
    }
}

//! Recommendation records on the seeds (text and PDF form) and on the real
//! Ofsted and council PDFs' page dumps, pinned as compact renderings.

mod common;

use common::{pdf_pages, text_pages};
use grammars::{DocType, DocumentInfo, Fields, Page, Parsed, Record};

const S000: &str = "000_ab51a36975b4b00c";
const S001: &str = "001_dd0b79784824a396";
const S002: &str = "002_73f4e48f0bf20ba3";
const S003: &str = "003_a0cb441c1b215d03";
const S004: &str = "004_790beaa8e3ba6a97";

/// Run the recommendation grammar over one document's pages.
fn run(pages: &[Page], doc_type: DocType) -> Parsed {
    let info = DocumentInfo {
        doc_type,
        pages: [
            pages.first().map(|p| p.number).unwrap_or(0),
            pages.last().map(|p| p.number).unwrap_or(0),
        ],
        ..DocumentInfo::default()
    };
    let mut out = Parsed::default();
    grammars::recommendation::parse(pages, &info, 0, &mut out);
    out
}

fn fields(r: &Record) -> &grammars::Recommendation {
    match &r.fields {
        Fields::Recommendation(f) => f,
        other => panic!("not a recommendation: {other:?}"),
    }
}

fn cut(s: &str, n: usize) -> String {
    if s.chars().count() <= n {
        s.to_string()
    } else {
        format!("{}…", s.chars().take(n).collect::<String>())
    }
}

/// `R5 [area] @addressee items=2 progress=212ch | text…` and the items below.
fn render(parsed: &Parsed) -> String {
    let mut s = String::new();
    for r in &parsed.records {
        let f = fields(r);
        s.push_str(&format!(
            "{} [{}] @{} items={} progress={} | {}\n",
            f.number.as_deref().unwrap_or("-"),
            f.area.as_deref().unwrap_or(""),
            f.addressee.as_deref().unwrap_or("-"),
            f.items.len(),
            f.progress
                .as_ref()
                .map(|p| format!("{}ch", p.chars().count()))
                .unwrap_or_else(|| "null".into()),
            cut(&r.text, 110),
        ));
        for item in &f.items {
            s.push_str(&format!("    · {}\n", cut(item, 100)));
        }
    }
    for d in &parsed.diagnostics {
        s.push_str(&format!("! p{} {}\n", d.page, d.message));
    }
    s
}

/// The same records with pages left out and quotes folded, to compare the
/// text form of a document with its PDF form.
fn comparable(parsed: &Parsed) -> Vec<String> {
    parsed
        .records
        .iter()
        .map(|r| {
            let f = fields(r);
            let norm = |s: &str| s.replace(['’', '‘'], "'").replace(['“', '”'], "\"");
            norm(&format!(
                "{:?} {:?} {:?} {} {:?} {:?}",
                f.number, f.addressee, f.area, r.text, f.items, f.progress
            ))
        })
        .collect()
}

/// The lines of `pages` from the first line starting with `start` up to
/// (not including) the first later line starting with `end`: one document
/// of a pack, as segmentation hands it over.
fn slice(pages: &[Page], start: &str, end: Option<&str>) -> Vec<Page> {
    let mut out = Vec::new();
    let mut on = false;
    for page in pages {
        let mut kept = page.clone();
        kept.lines.clear();
        for line in &page.lines {
            let t = line.text.trim().trim_start_matches("**");
            if !on && t.starts_with(start) {
                on = true;
            } else if on && end.is_some_and(|e| t.starts_with(e)) {
                if !kept.lines.is_empty() {
                    out.push(kept);
                }
                return out;
            }
            if on {
                kept.lines.push(line.clone());
            }
        }
        if on && !kept.lines.is_empty() {
            out.push(kept);
        }
    }
    out
}

fn seed_forms(stem: &str) -> [(&'static str, Vec<Page>); 2] {
    [("text", text_pages(stem)), ("pdf", pdf_pages(stem))]
}

#[test]
fn dump() {
    for (form, pages) in seed_forms(S001) {
        eprintln!(
            "== 001 {form}\n{}",
            render(&run(&pages, DocType::InspectionReport))
        );
    }
    for (form, pages) in seed_forms(S002) {
        eprintln!(
            "== 002 {form}\n{}",
            render(&run(&pages, DocType::ScrutinyReport))
        );
    }
    for (form, pages) in seed_forms(S003) {
        eprintln!(
            "== 003 {form}\n{}",
            render(&run(&pages, DocType::MemberReport))
        );
    }
    for (form, pages) in seed_forms(S004) {
        eprintln!(
            "== 004 {form}\n{}",
            render(&run(&pages, DocType::ScrutinyReport))
        );
    }
    let _ = (S000, comparable, slice);
}

#[test]
fn dump_diff() {
    for (stem, t) in [
        (S001, DocType::InspectionReport),
        (S002, DocType::ScrutinyReport),
    ] {
        let a = comparable(&run(&text_pages(stem), t));
        let b = comparable(&run(&pdf_pages(stem), t));
        for (x, y) in a.iter().zip(b.iter()) {
            if x != y {
                let k = x.chars().zip(y.chars()).take_while(|(p, q)| p == q).count();
                let ctx = |s: &str| {
                    s.chars()
                        .skip(k.saturating_sub(60))
                        .take(140)
                        .collect::<String>()
                };
                eprintln!("TEXT {}\nPDF  {}\n", ctx(x), ctx(y));
            }
        }
    }
}

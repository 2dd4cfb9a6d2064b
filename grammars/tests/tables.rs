//! Tables of the seeds, from their text and their PDF forms.

mod common;

use common::{of_kind, pdf_pages, text_pages};
use grammars::{Fields, Page, Table};

fn tables(pages: &[Page]) -> Vec<Table> {
    let parsed = grammars::parse(pages);
    of_kind(&parsed, "table")
        .into_iter()
        .filter_map(|r| match &r.fields {
            Fields::Table(t) => Some(t.clone()),
            _ => None,
        })
        .collect()
}

/// `Table[30x8](|No of Students|…)` and the first rows, cells by " | ".
fn render(t: &Table, rows: usize) -> String {
    let mut s = format!(
        "{} p{}-{}\nTable[{}x{}]({})\n",
        t.title.as_deref().unwrap_or("-"),
        t.pages[0],
        t.pages[1],
        t.rows.len(),
        t.header.len(),
        t.header.join("|")
    );
    for r in t.rows.iter().take(rows) {
        s.push_str("  ");
        s.push_str(&r.join(" | "));
        s.push('\n');
    }
    if t.rows.len() > rows {
        s.push_str("  …\n");
        if let Some(last) = t.rows.last() {
            s.push_str("  ");
            s.push_str(&last.join(" | "));
            s.push('\n');
        }
    }
    for n in &t.notes {
        s.push_str(&format!("  note: {n}\n"));
    }
    s
}

#[test]
#[ignore]
fn show() {
    for stem in ["000_ab51a36975b4b00c", "004_790beaa8e3ba6a97"] {
        for (form, pages) in [("text", text_pages(stem)), ("pdf", pdf_pages(stem))] {
            println!("##### {stem} {form}");
            for t in tables(&pages) {
                println!("{}", render(&t, 100));
            }
        }
    }
}

#[test]
#[ignore]
fn diff_forms() {
    for stem in ["000_ab51a36975b4b00c", "004_790beaa8e3ba6a97"] {
        let text = tables(&text_pages(stem));
        let pdf = tables(&pdf_pages(stem));
        for t in &text {
            let Some(p) = pdf.iter().find(|p| p.title == t.title) else {
                println!("{stem}: no PDF table titled {:?}", t.title);
                continue;
            };
            if p.header != t.header {
                println!(
                    "{stem} {:?} header\n  {:?}\n  {:?}",
                    t.title, t.header, p.header
                );
            }
            for (a, b) in t.rows.iter().zip(&p.rows) {
                if a != b {
                    println!("{stem} {:?}\n  {:?}\n  {:?}", t.title, a, b);
                }
            }
            if t.rows.len() != p.rows.len() {
                println!(
                    "{stem} {:?} rows {} vs {}",
                    t.title,
                    t.rows.len(),
                    p.rows.len()
                );
            }
        }
    }
}

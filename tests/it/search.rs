//! search: end-to-end tests of `agendex search` on an index of the seeds
//! and corpus PDFs, built once for the module.

use crate::index::{search_json, shared_index};
use crate::support::{root, run, stderr};

fn search(args: &[&str]) -> std::process::Output {
    let ix = shared_index().to_string_lossy().to_string();
    run(&[&["search"], args, &["--index", ix.as_str()]].concat())
}

fn paths(v: &serde_json::Value) -> Vec<String> {
    v["hits"]
        .as_array()
        .expect("hits")
        .iter()
        .map(|h| {
            h["record"]["source"]["path"]
                .as_str()
                .unwrap_or("")
                .to_string()
        })
        .collect()
}

#[test]
fn finds_high_needs_block_in_the_000_pack() {
    let v = search_json(shared_index(), "\"High Needs Block\"", &[]);
    let found = paths(&v);
    assert!(
        found.contains(&"corpus/000_ab51a36975b4b00c.pdf".to_string()),
        "{found:?}"
    );
    assert!(
        found.contains(&"seeds/000_ab51a36975b4b00c.txt".to_string()),
        "{found:?}"
    );
    assert!(
        found.iter().all(|p| p.contains("000_ab51a36975b4b00c")),
        "{found:?}"
    );
    for hit in v["hits"].as_array().expect("hits") {
        let text = hit["snippet"]["text"].as_str().expect("snippet");
        let marks = hit["snippet"]["highlights"].as_array().expect("highlights");
        assert!(!marks.is_empty());
        let [a, b] = [marks[0][0].as_u64(), marks[0][1].as_u64()].map(|n| n.expect("n") as usize);
        assert!(
            ["High", "Needs", "Block"].contains(&&text[a..b]),
            "{}",
            &text[a..b]
        );
        assert!(hit["snippet"]["html"]
            .as_str()
            .expect("html")
            .contains("<b>High</b>"));
        let link = hit["link"].as_str().expect("link");
        let page = hit["record"]["source"]["page"].as_u64().expect("page");
        assert!(link.ends_with(&format!("#page={page}")), "{link}");
        assert!(hit["score"].as_f64().expect("score") > 0.0);
    }
    let kinds = &v["facets"]["kind"];
    assert!(kinds.as_array().is_some_and(|k| !k.is_empty()), "{kinds}");
}

#[test]
fn text_output_marks_matches_and_counts_facets() {
    let out = search(&["High Needs Block", "--limit", "3"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("**High Needs Block**"), "{text}");
    assert!(
        text.contains("corpus/000_ab51a36975b4b00c.pdf#page="),
        "{text}"
    );
    assert!(
        text.lines().any(|l| l.starts_with("kind: document ")),
        "{text}"
    );
    assert!(
        text.lines().next().is_some_and(|l| l.contains("match")),
        "{text}"
    );
}

#[test]
fn words_are_stemmed_and_phrases_are_exact() {
    // "needed" and "need" share the stem of "Needs".
    let stemmed = search_json(shared_index(), "high needed block", &[]);
    let exact = search_json(shared_index(), "\"High Needs Block\"", &[]);
    assert_eq!(stemmed["total"], exact["total"]);
    let reordered = search_json(shared_index(), "\"Block Needs High\"", &[]);
    assert_eq!(reordered["total"], 0);
    let without = search_json(shared_index(), "early help NOT \"High Needs Block\"", &[]);
    assert!(
        paths(&without).iter().all(|p| !p.contains("000_")),
        "{without}"
    );
    assert!(without["total"].as_u64() > Some(0));
}

#[test]
fn since_narrows_by_document_date() {
    let all = search_json(shared_index(), "", &["--limit", "1000"]);
    let since = search_json(
        shared_index(),
        "",
        &["--since", "2016-01-01", "--limit", "1000"],
    );
    let dated_from_2016: Vec<&str> = all["hits"]
        .as_array()
        .expect("hits")
        .iter()
        .filter(|h| {
            h["record"]["document"]["date"]
                .as_str()
                .is_some_and(|d| d >= "2016-01-01")
        })
        .map(|h| h["record"]["id"].as_str().expect("id"))
        .collect();
    let got: Vec<&str> = since["hits"]
        .as_array()
        .expect("hits")
        .iter()
        .map(|h| h["record"]["id"].as_str().expect("id"))
        .collect();
    let mut want = dated_from_2016.clone();
    want.sort();
    let mut got_sorted = got.clone();
    got_sorted.sort();
    assert_eq!(got_sorted, want);
    assert!(since["total"].as_u64() < all["total"].as_u64());
    // Where the grammars date the 2016 scrutiny panel paper, that is what
    // --since 2016-01-01 finds among the five.
    for h in since["hits"].as_array().expect("hits") {
        let path = h["record"]["source"]["path"].as_str().expect("path");
        assert!(
            path.contains("002_73f4e48f0bf20ba3") || path.contains("003_a0cb441c1b215d03"),
            "{path} is not from 2016 or later"
        );
    }
}

#[test]
fn bad_query_syntax_is_one_clear_line_and_exit_2() {
    for q in [
        "\"High Needs",
        "budget AND",
        "(early help",
        "colour:red",
        "date:last-week",
    ] {
        let out = search(&[q]);
        assert_eq!(out.status.code(), Some(2), "{q}: {}", stderr(&out));
        let err = stderr(&out);
        assert_eq!(err.lines().count(), 1, "{q}: {err}");
        assert!(err.starts_with("agendex: bad query: "), "{q}: {err}");
        assert!(!err.contains("panicked"), "{q}: {err}");
        assert!(out.stdout.is_empty());
    }
    let out = search(&["budget", "--kind", "nonsense"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("unknown record kind 'nonsense'"));
    let out = search(&["budget", "--since", "last year"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("YYYY-MM-DD"), "{}", stderr(&out));
}

#[test]
fn filters_and_fields_narrow_results() {
    let all = search_json(shared_index(), "early help", &["--limit", "100"]);
    let docs = search_json(
        shared_index(),
        "early help",
        &["--kind", "document", "--limit", "100"],
    );
    assert_eq!(docs["total"], all["total"]);
    let none = search_json(shared_index(), "early help", &["--kind", "resolution"]);
    let resolutions = all["facets"]["kind"]
        .as_array()
        .expect("kinds")
        .iter()
        .find(|f| f["value"] == "resolution")
        .map(|f| f["count"].clone())
        .unwrap_or(serde_json::json!(0));
    assert_eq!(none["total"], resolutions);
    let by_path = search_json(
        shared_index(),
        "early help path:\"seeds/001_dd0b79784824a396.txt\"",
        &[],
    );
    assert!(by_path["total"].as_u64() > Some(0), "{by_path}");
    assert!(paths(&by_path)
        .iter()
        .all(|p| p == "seeds/001_dd0b79784824a396.txt"));
}

#[test]
fn missing_index_says_how_to_build_one() {
    let dir = root().join("target").join("no-such-index-here");
    let out = run(&["search", "budget", "--index", &dir.to_string_lossy()]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("agendex index"), "{}", stderr(&out));
}

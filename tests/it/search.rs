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
    // The records, and the same text in the other rendering folded in.
    let mut found = paths(&v);
    for hit in v["hits"].as_array().expect("hits") {
        for also in hit["also_in"].as_array().into_iter().flatten() {
            let link = also["link"].as_str().unwrap_or("");
            found.push(link.split('#').next().unwrap_or("").to_string());
        }
    }
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
        let word = text[a..b].to_lowercase();
        assert!(
            ["high", "needs", "block"].contains(&word.as_str()),
            "{word}"
        );
        assert!(hit["snippet"]["html"]
            .as_str()
            .expect("html")
            .to_lowercase()
            .contains("<b>high</b>"));
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
    let out = search(&["High Needs Block", "--limit", "20"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.to_lowercase().contains("**high needs block**"),
        "{text}"
    );
    assert!(text.contains("000_ab51a36975b4b00c.pdf#page="), "{text}");
    assert!(
        text.lines()
            .any(|l| l.starts_with("kind: ") && l.contains("document ")),
        "{text}"
    );
    assert!(
        text.lines().next().is_some_and(|l| l.contains("match")),
        "{text}"
    );
}

#[test]
fn words_are_stemmed_and_phrases_are_exact() {
    let ids = |v: &serde_json::Value| -> Vec<String> {
        let mut ids: Vec<String> = v["hits"]
            .as_array()
            .expect("hits")
            .iter()
            .map(|h| h["record"]["id"].as_str().unwrap_or("").to_string())
            .collect();
        ids.sort();
        ids
    };
    // "needed" and "need" share the stem of "Needs"; words need not be adjacent.
    let stemmed = search_json(
        shared_index(),
        "high needed block",
        &["--limit", "1000", "--unfolded"],
    );
    let exact = search_json(
        shared_index(),
        "\"High Needs Block\"",
        &["--limit", "1000", "--unfolded"],
    );
    assert!(exact["total"].as_u64() > Some(0));
    let stemmed_ids = ids(&stemmed);
    for id in ids(&exact) {
        assert!(stemmed_ids.contains(&id), "{id} found by the phrase only");
    }
    let reordered = search_json(shared_index(), "\"Block Needs High\"", &[]);
    assert_eq!(reordered["total"], 0);
    let without = search_json(
        shared_index(),
        "early help NOT \"High Needs Block\"",
        &["--limit", "1000", "--unfolded"],
    );
    assert!(without["total"].as_u64() > Some(0));
    for hit in without["hits"].as_array().expect("hits") {
        let text = hit["record"]["text"].as_str().expect("text").to_lowercase();
        assert!(
            !text.contains("high needs block"),
            "{}",
            hit["record"]["id"]
        );
        // A match is in the record's text or in its own title.
        let title = hit["record"]["title"]
            .as_str()
            .or(hit["record"]["document"]["title"]
                .as_str()
                .filter(|_| hit["record"]["kind"] == "document"))
            .unwrap_or("")
            .to_lowercase();
        let both = format!("{text} {title}");
        assert!(
            both.contains("early") && both.contains("help"),
            "{}",
            hit["record"]["id"]
        );
    }
}

/// The date a record is filed under, as the index reads it: the document's,
/// else the meeting's or its own; a year or month stands for its first day.
fn filed_date(record: &serde_json::Value) -> Option<String> {
    let d = [
        &record["document"]["date"],
        &record["meeting_date"],
        &record["date"],
    ]
    .iter()
    .find_map(|v| v.as_str())?;
    Some(match d.len() {
        4 => format!("{d}-01-01"),
        7 => format!("{d}-01"),
        _ => d.get(..10).unwrap_or(d).to_string(),
    })
}

#[test]
fn since_narrows_by_document_date() {
    let all = search_json(shared_index(), "", &["--limit", "1000", "--unfolded"]);
    let since = search_json(
        shared_index(),
        "",
        &["--since", "2016-01-01", "--limit", "1000", "--unfolded"],
    );
    let dated_from_2016: Vec<&str> = all["hits"]
        .as_array()
        .expect("hits")
        .iter()
        .filter(|h| filed_date(&h["record"]).is_some_and(|d| d.as_str() >= "2016-01-01"))
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
    let deep = format!("{}budget{}", "(".repeat(1000), ")".repeat(1000));
    for q in [
        "\"High Needs",
        "budget AND",
        "(early help",
        "colour:red",
        "date:last-week",
        deep.as_str(),
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
    let all = search_json(
        shared_index(),
        "early help",
        &["--limit", "100", "--unfolded"],
    );
    let docs = search_json(
        shared_index(),
        "early help",
        &["--kind", "document", "--limit", "100", "--unfolded"],
    );
    let count_of = |kind: &str| {
        all["facets"]["kind"]
            .as_array()
            .expect("kinds")
            .iter()
            .find(|f| f["value"] == kind)
            .map(|f| f["count"].clone())
            .unwrap_or(serde_json::json!(0))
    };
    assert_eq!(docs["total"], count_of("document"));
    assert!(docs["total"].as_u64() > Some(0));
    assert!(docs["hits"]
        .as_array()
        .expect("hits")
        .iter()
        .all(|h| h["record"]["kind"] == "document"));
    let none = search_json(
        shared_index(),
        "early help",
        &["--kind", "resolution", "--unfolded"],
    );
    assert_eq!(none["total"], count_of("resolution"));
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

/// Per facet root, value -> count, as the JSON gives them.
fn facet_counts(v: &serde_json::Value) -> Vec<std::collections::BTreeMap<String, u64>> {
    ["kind", "body", "council", "type", "year"]
        .iter()
        .map(|root| {
            let values = v["facets"][root].as_array().expect("facet");
            assert!(values.len() < 50, "{root}: all values shown");
            values
                .iter()
                .map(|f| {
                    let value = f["value"].as_str().expect("value").to_string();
                    (value, f["count"].as_u64().expect("count"))
                })
                .collect()
        })
        .collect()
}

/// The same counts made from the matching records themselves.
fn counted(hits: &[serde_json::Value]) -> Vec<std::collections::BTreeMap<String, u64>> {
    let mut out = vec![std::collections::BTreeMap::new(); 5];
    for h in hits {
        let r = &h["record"];
        let text = |v: &serde_json::Value| {
            v.as_str()
                .map(str::trim)
                .filter(|s| !s.is_empty())
                .map(str::to_string)
        };
        let year = filed_date(r).and_then(|d| d.get(..4).map(str::to_string));
        let values = [
            text(&r["kind"]),
            text(&r["document"]["body"]),
            text(&r["document"]["council"]),
            text(&r["document"]["type"]),
            year,
        ];
        for (root, value) in values.into_iter().enumerate() {
            if let Some(v) = value {
                *out[root].entry(v).or_insert(0) += 1;
            }
        }
    }
    out
}

#[test]
fn totals_and_facets_equal_a_count_of_the_matching_records() {
    let cases: [(&str, &[&str]); 7] = [
        ("", &[]),
        ("school", &[]),
        ("\"schools forum\"", &[]),
        (
            "funding OR budget",
            &["--kind", "resolution,minute,agenda_item"],
        ),
        ("", &["--doc-type", "minutes", "--since", "2015"]),
        ("", &["--since", "2015-05-21", "--until", "2016-12"]),
        ("NOT school", &["--body", "schools forum"]),
    ];
    for (query, args) in cases {
        let all = search_json(
            shared_index(),
            query,
            &[args, &["--limit", "1000", "--unfolded"]].concat(),
        );
        let hits = all["hits"].as_array().expect("hits");
        let total = all["total"].as_u64().expect("total");
        assert!(total > 0, "{query:?} {args:?} finds records");
        assert_eq!(total, hits.len() as u64, "{query:?} {args:?}: all fetched");
        assert_eq!(
            facet_counts(&all),
            counted(hits),
            "{query:?} {args:?}: facets"
        );
        // A page of results reports the same total and counts.
        let page = search_json(
            shared_index(),
            query,
            &[args, &["--limit", "3", "--unfolded"]].concat(),
        );
        assert_eq!(page["total"], all["total"], "{query:?} {args:?}");
        assert_eq!(page["facets"], all["facets"], "{query:?} {args:?}");
        assert_eq!(
            page["hits"].as_array().map(Vec::len),
            Some(3.min(hits.len()))
        );
    }
}

#[test]
fn a_search_shared_among_threads_finds_what_one_thread_finds() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let ix = tmp.path().join("index");
    // One file per commit and no merges: ten segments to share out.
    let out = crate::index::index(
        &ix,
        &[
            std::path::Path::new("corpus"),
            std::path::Path::new("seeds"),
        ],
        &["--merge-mb", "0", "--commit-every", "1"],
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    for query in ["\"High Needs Block\"", "forum", "resolved NOT budget", ""] {
        let one = search_json(&ix, query, &["--search-threads", "1", "--limit", "50"]);
        let four = search_json(&ix, query, &["--search-threads", "4", "--limit", "50"]);
        assert!(one["total"].as_u64().expect("total") > 0, "{query}: {one}");
        assert_eq!(one, four, "{query}");
    }
}

#[test]
fn thread_shows_each_hit_with_the_agenda_item_that_introduces_it() {
    // Seed 000's report on the High Needs Block is stamped "Agenda Item 6":
    // its thread runs from that agenda item to the report.
    let query = "\"High Needs Block\" path:\"seeds/000_ab51a36975b4b00c.txt\"";
    let v = search_json(shared_index(), query, &["--kind", "report", "--thread"]);
    let hit = &v["hits"][0];
    assert_eq!(hit["record"]["id"], "7cd46e7c6e100703-report-1", "{v:#}");
    let steps = hit["thread"].as_array().expect("a thread per hit");
    let ids: Vec<&str> = steps.iter().map(|s| s["id"].as_str().unwrap()).collect();
    assert_eq!(
        ids,
        [
            "7cd46e7c6e100703-agenda_item-6",
            "7cd46e7c6e100703-report-1"
        ]
    );
    assert_eq!(steps[0]["kind"], "agenda_item");
    assert_eq!(steps[0]["title"], "HIGH NEEDS UPDATE");
    assert_eq!(steps[0]["via"]["type"], "introduces");
    assert_eq!(steps[1]["via"], serde_json::Value::Null);
    // The steps are those `agendex thread` prints for the record.
    let ix = shared_index().to_string_lossy().to_string();
    let out = run(&[
        "thread",
        "7cd46e7c6e100703-report-1",
        "--index",
        &ix,
        "--format",
        "json",
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let alone: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(&alone, &hit["thread"]);

    // Without the flag, hits carry no thread.
    let plain = search_json(shared_index(), query, &["--kind", "report"]);
    assert!(plain["hits"][0].get("thread").is_none());

    // Text: the thread indented under the hit, the hit's own step marked.
    let out = search(&[query, "--kind", "report", "--thread", "--limit", "1"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.contains("\n   thread:\n     2015-05-21  agenda_item"),
        "{text}"
    );
    assert!(
        text.contains("   > 2015-05-21  report         Schools forum Update High Needs Block"),
        "{text}"
    );
}

//! Tests of the search: results, counts and faster query forms against
//! tantivy's own queries and collectors.

use super::*;
use std::sync::Arc;
use tantivy::query::ConstScoreQuery;

/// More records than any test index holds: the reference searches read them all.
const EVERY: usize = 1_000_000;

/// The id of the record at `a`.
fn id_of(open: &searchers::Open, a: DocAddress) -> String {
    let doc: TantivyDocument = open.searcher.doc(a).expect("doc");
    doc.get_first(open.fields.id)
        .and_then(|v| v.as_str())
        .unwrap_or("")
        .to_string()
}

/// Ranked records as (score, id), highest score first and records that
/// score the same in the order search promises (by [`schema::order_key`]
/// of their stored path and place).
fn in_tie_order(open: &searchers::Open, top: &[(f32, DocAddress)]) -> Vec<(f32, String)> {
    let mut ranked: Vec<(f32, u64, String)> = top
        .iter()
        .map(|(score, a)| {
            let doc: TantivyDocument = open.searcher.doc(*a).expect("doc");
            let path = doc
                .get_first(open.fields.path)
                .and_then(|v| v.as_str())
                .unwrap_or("");
            let ord = doc
                .get_first(open.fields.ord)
                .and_then(|v| v.as_u64())
                .unwrap_or(0);
            (*score, schema::order_key(path, ord), id_of(open, *a))
        })
        .collect();
    ranked.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
    ranked
        .into_iter()
        .map(|(score, _, id)| (score, id))
        .collect()
}

fn d(year: i32, month: u32, day: u32) -> Date {
    Date { year, month, day }
}

#[test]
fn periods() {
    assert_eq!(period("2016"), Ok((d(2016, 1, 1), d(2017, 1, 1))));
    assert_eq!(period("2016-12"), Ok((d(2016, 12, 1), d(2017, 1, 1))));
    assert_eq!(period("2016-02-29"), Ok((d(2016, 2, 29), d(2016, 3, 1))));
    assert_eq!(period("2016-12-31"), Ok((d(2016, 12, 31), d(2017, 1, 1))));
    assert!(period("16").is_err());
    assert!(period("2016-13").is_err());
    assert!(period("2015-02-29").is_err());
    assert!(period("yesterday").is_err());
}

#[test]
fn aliases_and_dates_are_rewritten() {
    let ast =
        query_grammar::parse_query("committee:forum doc_type:Minutes date:2015").expect("parses");
    let out = format!("{:?}", rewrite(ast).expect("rewrites"));
    assert!(out.contains("\"body\":forum"), "{out}");
    assert!(out.contains("\"type\":minutes"), "{out}");
    assert!(
        out.contains("\"date\":[\"2015-01-01T00:00:00Z\" TO \"2016-01-01T00:00:00Z\"}"),
        "{out}"
    );
}

#[test]
fn unknown_field_is_named() {
    let ast = query_grammar::parse_query("colour:red").expect("parses");
    let err = rewrite(ast).expect_err("unknown field");
    assert!(err.starts_with("unknown field 'colour'"), "{err}");
}

/// An index of real seed records, their documents dated as given (the
/// dates the grammars read from the papers).
fn dated_index(dir: &Path, seeds: &[(&str, &str)]) {
    let generation = super::super::next_generation(dir);
    std::fs::create_dir_all(&generation).expect("mkdir");
    let index = Index::create_in_dir(&generation, schema::build()).expect("create");
    add_seeds(&index, seeds);
    super::super::write_pointer(dir, &generation).expect("pointer");
}

/// An index of the seeds in two commits (the first `first` seeds, then
/// the rest), so that it has more than one segment; opened.
fn two_commits(dir: &Path, first: usize) -> Arc<Open> {
    dated_index(dir, &SEEDS[..first]);
    let generation = super::super::current_generation(dir)
        .expect("pointer")
        .expect("generation");
    let index = Index::open_in_dir(&generation).expect("open");
    add_seeds(&index, &SEEDS[first..]);
    searchers::open(dir).expect("open")
}

/// Add the records of these seeds, dated as given, in one commit.
fn add_seeds(index: &Index, seeds: &[(&str, &str)]) {
    use crate::pipeline::{self, Options, PdfMode};
    super::super::stem::register(index);
    let fields = Fields::of(&index.schema()).expect("fields");
    let mut writer: tantivy::IndexWriter<TantivyDocument> =
        index.writer_with_num_threads(1, 15 << 20).expect("writer");
    let opts = Options {
        limits: crate::pdf::worker::Limits {
            timeout: std::time::Duration::from_secs(60),
            memory: 0,
            ocr: crate::pdf::ocr::OcrMode::Auto,
        },
        pdf: PdfMode::InProcess,
        jobs: 1,
    };
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds");
    for (seed, date) in seeds {
        let source = crate::walk::Source {
            path: root.join(seed),
        };
        let records = pipeline::process(&source, &opts)
            .result
            .expect("seed parses");
        for (ord, mut r) in records.into_iter().enumerate() {
            r.document.date = Some(date.to_string());
            let json = serde_json::to_string(&r).expect("json");
            writer
                .add_document(fields.record_doc(&r, &json, ord as u64))
                .expect("add");
        }
        // A file marker, as `agendex index` writes one per file.
        writer
            .add_document(fields.file_doc(&source.path.to_string_lossy(), "0", 1, "test"))
            .expect("add marker");
    }
    writer.commit().expect("commit");
}

fn found(dir: &Path, req: SearchRequest) -> Vec<String> {
    let mut stems: Vec<String> = search(dir, &req)
        .expect("search")
        .hits
        .iter()
        .map(|h| {
            let p = h.record["source"]["path"].as_str().unwrap_or("");
            p.rsplit('/')
                .next()
                .unwrap_or("")
                .get(..3)
                .unwrap_or("")
                .to_string()
        })
        .collect();
    stems.sort();
    stems.dedup();
    stems
}

#[test]
fn snippets_of_long_texts_come_from_a_window_with_true_highlights() {
    let index = Index::create_in_ram(schema::build());
    super::super::stem::register(&index);
    let fields = Fields::of(&index.schema()).expect("fields");
    let mut writer: tantivy::IndexWriter<TantivyDocument> =
        index.writer_with_num_threads(1, 15 << 20).expect("writer");
    let filler = "The panel noted the report on budgets and places. ".repeat(400);
    let long = format!("{filler}Early help in Tottenham was reviewed by the Forum. {filler}");
    let mut doc = TantivyDocument::default();
    doc.add_text(fields.text, &long);
    writer.add_document(doc).expect("add");
    writer.commit().expect("commit");
    let searcher = index.reader().expect("reader").searcher();
    let query = parse_query(&index, &fields, "early help")
        .expect("query")
        .query;
    let snippets = Snippets::create(&searcher, &*query, fields.text).expect("snippets");
    let s = make_snippet(&snippets, &long);
    let marked: Vec<&str> = s
        .highlights
        .iter()
        .map(|[a, b]| s.text.get(*a..*b).expect("range inside the snippet"))
        .collect();
    assert_eq!(marked, ["Early", "help"]);
    assert!(s.html.contains("<b>Early</b> <b>help</b> in Tottenham"));
    // Fragments are cut from the window's start, so the window and the
    // whole text may frame the match differently, marking the same words.
    let whole = snippets.generator.snippet(&long);
    assert_eq!(whole.highlighted().len(), s.highlights.len());
    // A word only in the whole text's far end is still found.
    let late = format!("{filler}{filler}Tottenham.");
    let query = parse_query(&index, &fields, "tottenham")
        .expect("query")
        .query;
    let snippets = Snippets::create(&searcher, &*query, fields.text).expect("snippets");
    let s = make_snippet(&snippets, &late);
    assert!(s.text.ends_with("places. Tottenham"), "{}", s.text);
    assert_eq!(s.highlights.len(), 1);
    // Queries without a term in the index: tantivy's snippet would be
    // empty, so the text's opening, as before.
    for q in ["", "zzqxw", "kind:minute", "date:2015"] {
        let query = parse_query(&index, &fields, q).expect("query").query;
        let snippets = Snippets::create(&searcher, &*query, fields.text).expect("snippets");
        assert!(snippets.generator.snippet(&long).fragment().is_empty());
        let s = make_snippet(&snippets, &long);
        assert_eq!(s.text, long[..SNIPPET_CHARS], "{q}");
        assert!(s.highlights.is_empty());
    }
}

#[test]
fn dates_filter_and_facet_by_year() {
    let dir = tempfile::tempdir().expect("tempdir");
    dated_index(
        dir.path(),
        &[
            ("000_ab51a36975b4b00c.txt", "2015-05-21"),
            ("002_73f4e48f0bf20ba3.txt", "2016-12-13"),
            ("003_a0cb441c1b215d03.txt", "2019-03-15"),
        ],
    );
    let req = |query: &str, since: Option<&str>, until: Option<&str>| SearchRequest {
        query: query.into(),
        since: since.map(str::to_string),
        until: until.map(str::to_string),
        limit: 100,
        ..SearchRequest::default()
    };
    assert_eq!(
        found(dir.path(), req("", Some("2016-01-01"), Some("2016"))),
        ["002"]
    );
    assert_eq!(
        found(dir.path(), req("", None, Some("2016-12-12"))),
        ["000"]
    );
    assert_eq!(
        found(dir.path(), req("", Some("2016-12-13"), None)),
        ["002", "003"]
    );
    assert_eq!(found(dir.path(), req("date:2016-12", None, None)), ["002"]);
    assert_eq!(found(dir.path(), req("year:2015", None, None)), ["000"]);
    assert_eq!(
        found(dir.path(), req("date:[2015-06 TO 2016]", None, None)),
        ["002"]
    );
    assert_eq!(
        found(dir.path(), req("date:{2015 TO *]", None, None)),
        ["002", "003"]
    );
    let all = search(dir.path(), &req("", None, None)).expect("search");
    let years: Vec<&str> = all.facets.year.iter().map(|f| f.value.as_str()).collect();
    assert_eq!(years, ["2019", "2016", "2015"]);
    let id = all.hits[0].record["id"].as_str().expect("id").to_string();
    let one = record(dir.path(), &id).expect("lookup").expect("found");
    assert_eq!(one, all.hits[0].record);
    assert_eq!(record(dir.path(), "no-such-id").expect("lookup"), None);
}

#[test]
fn markers_are_excluded_only_where_they_could_match() {
    let could = |q: &str| {
        let ast = rewrite(query_grammar::parse_query(q).expect("parses")).expect("rewrites");
        may_match_markers(&ast)
    };
    for q in [
        "sha256:abc",
        "path:x",
        "budget OR path:x",
        "file:x",
        "-budget",
        "(kind:minute OR sha:0) OR budget",
        "path:x^2",
        "path:[a TO b]",
    ] {
        assert!(could(q), "{q}");
    }
    for q in [
        "budget",
        "early help",
        "\"schools forum\"",
        "budget AND (path:x OR school)",
        "kind:minute OR title:budget",
        "budget -path:x",
        "date:2015 OR page:3",
        "+budget path:x",
    ] {
        assert!(!could(q), "{q}");
    }
}

#[test]
fn deep_nesting_is_refused_before_parsing() {
    let deep = format!("{}budget{}", "(".repeat(40), ")".repeat(40));
    let err = check_shape(&deep).expect_err("too deep");
    assert!(err.contains("40 deep"), "{err}");
    assert!(check_shape("((a OR b) AND (c OR d))").is_ok());
    assert!(check_shape("\"((((((((((((\" budget").is_ok());
    assert!(check_shape(&"a ".repeat(6000)).is_err());
}

#[test]
fn syntax_errors_say_where() {
    assert!(query_grammar::parse_query("\"high needs").is_err());
    let m = syntax_message("\"high needs");
    assert!(!m.is_empty());
}

const SEEDS: [(&str, &str); 5] = [
    ("000_ab51a36975b4b00c.txt", "2015-05-21"),
    ("001_dd0b79784824a396.txt", "2014-03"),
    ("002_73f4e48f0bf20ba3.txt", "2016-12-13"),
    ("003_a0cb441c1b215d03.txt", "2019-03-15"),
    ("004_790beaa8e3ba6a97.txt", "2016"),
];

/// Requests that exercise each filter and the unfiltered path.
fn requests() -> Vec<SearchRequest> {
    let r = |query: &str| SearchRequest {
        query: query.into(),
        limit: 20,
        ..SearchRequest::default()
    };
    vec![
        r(""),
        r("school"),
        r("\"schools forum\""),
        r("funding AND (schools OR academies) NOT nursery"),
        r("kind:agenda_item"),
        // File markers hold SHA-256 "0" here: they are not records.
        r("budget OR sha256:0"),
        r("(kind:minute OR sha256:0) OR (council AND path:x)"),
        r("-budget"),
        r("early help"),
        // Matches a file marker too, which is not a record.
        r(&format!(
            "path:\"{}\"",
            Path::new(env!("CARGO_MANIFEST_DIR"))
                .join("seeds/000_ab51a36975b4b00c.txt")
                .display()
        )),
        SearchRequest {
            kind: vec!["resolution".into(), "minute".into()],
            ..r("")
        },
        SearchRequest {
            doc_type: Some("minutes".into()),
            since: Some("2015".into()),
            ..r("")
        },
        SearchRequest {
            since: Some("2015-05-21".into()),
            until: Some("2016-12".into()),
            ..r("budget")
        },
        SearchRequest {
            until: Some("2015-05-20".into()),
            ..r("")
        },
        SearchRequest {
            body: Some("schools forum".into()),
            ..r("")
        },
    ]
}

/// The query as it was built before exact counts were made cheap:
/// records required by their entry term, dates by tantivy's range query.
fn reference_query(index: &Index, fields: &Fields, req: &SearchRequest) -> Box<dyn Query> {
    let term = |field, value: &str| -> Box<dyn Query> {
        Box::new(TermQuery::new(
            Term::from_field_text(field, value),
            IndexRecordOption::Basic,
        ))
    };
    let mut clauses: Vec<(Occur, Box<dyn Query>)> = vec![
        (
            Occur::Must,
            parse_query_as_written(index, fields, &req.query).expect("query"),
        ),
        // Records only, adding nothing to a score, as search counts them.
        (
            Occur::Must,
            Box::new(ConstScoreQuery::new(
                term(fields.entry, schema::ENTRY_RECORD),
                0.0,
            )),
        ),
    ];
    if !req.kind.is_empty() {
        let any = req
            .kind
            .iter()
            .map(|k| (Occur::Should, term(fields.kind, k)))
            .collect();
        clauses.push((Occur::Must, Box::new(BooleanQuery::new(any))));
    }
    if let Some(t) = &req.doc_type {
        clauses.push((Occur::Must, term(fields.doc_type, t)));
    }
    if let Some(b) = &req.body {
        clauses.push((
            Occur::Must,
            words_query(index, fields.body, b, "--body").expect("body"),
        ));
    }
    let date = |d: Date| Term::from_field_date_for_search(fields.date, d.to_datetime());
    let since = req.since.as_deref().map(|s| period(s).expect("since").0);
    let until = req.until.as_deref().map(|s| period(s).expect("until").1);
    if since.is_some() || until.is_some() {
        clauses.push((
            Occur::Must,
            Box::new(RangeQuery::new(
                since.map_or(Bound::Unbounded, |d| Bound::Included(date(d))),
                until.map_or(Bound::Unbounded, |d| Bound::Excluded(date(d))),
            )),
        ));
    }
    // Kinds weighed as the query asks, as search does (see `Intent`).
    KindWeighted::wrap(
        Box::new(BooleanQuery::new(clauses)),
        fields.kind,
        &Intent::of(&req.query).weights(),
    )
}

/// Total and facets as tantivy's `Count` and `FacetCollector` give them.
fn reference_counts(
    searcher: &tantivy::Searcher,
    query: &dyn Query,
) -> (usize, Vec<Vec<FacetCount>>) {
    let mut facets = tantivy::collector::FacetCollector::for_field(schema::FACETS);
    for root in super::super::facets::ROOTS {
        facets.add_facet(format!("/{root}").as_str());
    }
    let (total, counts) = searcher
        .search(query, &(tantivy::collector::Count, facets))
        .expect("search");
    let per_root = super::super::facets::ROOTS
        .iter()
        .map(|root| {
            let mut v: Vec<FacetCount> = counts
                .get(format!("/{root}").as_str())
                .map(|(f, count)| FacetCount {
                    value: f
                        .to_path()
                        .last()
                        .map(|s| s.to_string())
                        .unwrap_or_default(),
                    count,
                })
                .collect();
            v.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.value.cmp(&b.value)));
            v.truncate(FACET_VALUES);
            if *root == schema::FACET_YEAR {
                v.sort_by(|a, b| b.value.cmp(&a.value));
            }
            v
        })
        .collect();
    (total, per_root)
}

fn ids(results: &SearchResults) -> Vec<String> {
    results
        .hits
        .iter()
        .map(|h| h.record["id"].as_str().unwrap_or("").to_string())
        .collect()
}

#[test]
fn counts_and_hits_equal_those_of_tantivy_collectors() {
    let dir = tempfile::tempdir().expect("tempdir");
    let open = two_commits(dir.path(), 3);
    assert!(open.searcher.segment_readers().len() > 1);
    assert_eq!(
        open.tables_now().segments(),
        open.searcher.segment_readers().len()
    );
    for reader in open.searcher.segment_readers() {
        let table = open.tables_now().get(reader.segment_id()).expect("table");
        assert!(table.is_packed(), "the seeds' facets fit 32 bits");
    }
    for req in requests() {
        // Every record its own result, as tantivy ranks them.
        let req = SearchRequest {
            unfolded: true,
            ..req
        };
        let got = search(dir.path(), &req).expect("search");
        let query = reference_query(&open.index, &open.fields, &req);
        let (total, facets) = reference_counts(&open.searcher, &*query);
        assert!(total > 0, "{req:?} finds records");
        assert_eq!(got.total, total, "{req:?}");
        let f = &got.facets;
        let got_facets = [&f.kind, &f.body, &f.council, &f.doc_type, &f.year];
        for (g, want) in got_facets.iter().zip(&facets) {
            assert_eq!(*g, want, "{req:?}");
        }
        // The same records in the same order. Search does not require the
        // record term, so the reference scores it 0: its BM25 share is not
        // the same for every record (it moved seed 000's "Table Two" above
        // another file's document on "school").
        // Every record unfiltered comes in index order; otherwise ties in
        // the order search promises.
        let top = open
            .searcher
            .search(&*query, &TopDocs::with_limit(EVERY))
            .expect("top");
        let ranked = if is_unfiltered(&req) {
            top.iter().map(|(s, a)| (*s, id_of(&open, *a))).collect()
        } else {
            in_tie_order(&open, &top)
        };
        let want: Vec<String> = ranked
            .into_iter()
            .take(req.limit)
            .map(|(_, id)| id)
            .collect();
        assert_eq!(ids(&got), want, "{req:?}");
        // Uncached, the same answer.
        let fresh = search_index(&open.index, &req).expect("search");
        assert_eq!(
            serde_json::to_value(&fresh).expect("json"),
            serde_json::to_value(&got).expect("json")
        );
    }
}

#[test]
fn first_docs_are_the_top_docs_of_the_unfiltered_query() {
    let dir = tempfile::tempdir().expect("tempdir");
    let open = two_commits(dir.path(), 2);
    let req = SearchRequest::default();
    let query = with_filters(
        &open.index,
        &open.fields,
        Some(open.tables_now()),
        Box::new(AllQuery),
        true,
        &req,
    )
    .expect("query");
    let total = open
        .searcher
        .search(&*query, &tantivy::collector::Count)
        .expect("count");
    for (limit, offset) in [(10, 0), (1, 0), (25, 7), (50, total - 3), (10, total + 5)] {
        let want = open
            .searcher
            .search(&*query, &TopDocs::with_limit(limit).and_offset(offset))
            .expect("top");
        let got = first_docs(&open.searcher, &*query, limit, offset).expect("first");
        assert_eq!(got, want, "limit {limit} offset {offset}");
    }
}

#[test]
fn date_filter_matches_the_range_query() {
    let dir = tempfile::tempdir().expect("tempdir");
    dated_index(dir.path(), &SEEDS);
    let open = searchers::open(dir.path()).expect("open");
    let d = |s: &str| period(s).expect("date");
    let bounds = [
        (Bound::Included(d("2015-05-21").0), Bound::Unbounded),
        (Bound::Unbounded, Bound::Excluded(d("2016").1)),
        (
            Bound::Included(d("2014").0),
            Bound::Excluded(d("2016-12-13").1),
        ),
        (
            Bound::Included(d("2016-12-14").0),
            Bound::Excluded(d("2019-03").0),
        ),
        (Bound::Included(d("2030").0), Bound::Unbounded),
    ];
    for (since, until) in bounds {
        let term = |d: Date| Term::from_field_date_for_search(open.fields.date, d.to_datetime());
        let range = RangeQuery::new(since.map(term), until.map(term));
        let filter = DateFilter::new(
            open.tables_now().clone(),
            since.map(Date::to_datetime),
            until.map(Date::to_datetime),
            range.clone(),
        );
        let docs = |q: &dyn Query| {
            open.searcher
                .search(q, &tantivy::collector::DocSetCollector)
                .expect("docs")
        };
        let want = docs(&range);
        assert_eq!(docs(&filter), want, "{since:?} {until:?}");
        // And inside an intersection, where it is sought rather than walked.
        let both = |q: Box<dyn Query>| -> Box<dyn Query> {
            Box::new(BooleanQuery::new(vec![
                (
                    Occur::Must,
                    parse_query(&open.index, &open.fields, "school")
                        .expect("q")
                        .query,
                ),
                (Occur::Must, q),
            ]))
        };
        assert_eq!(
            docs(&*both(Box::new(filter))),
            docs(&*both(Box::new(range))),
            "{since:?} {until:?}"
        );
    }
}

#[test]
fn kept_searcher_follows_commits_and_generations() {
    let dir = tempfile::tempdir().expect("tempdir");
    dated_index(dir.path(), &SEEDS[..1]);
    let all = SearchRequest {
        limit: 5,
        ..SearchRequest::default()
    };
    let years = |r: &SearchResults| -> Vec<String> {
        r.facets.year.iter().map(|f| f.value.clone()).collect()
    };
    let first = search(dir.path(), &all).expect("search");
    assert_eq!(years(&first), ["2015"]);
    let kept = searchers::open(dir.path()).expect("open");
    assert!(kept.has_unfiltered());
    // One search does not read the tables; the next one does.
    assert!(!kept.has_tables());
    let again = search(dir.path(), &all).expect("search");
    assert!(kept.has_tables());
    assert_eq!(
        serde_json::to_value(&again).expect("json"),
        serde_json::to_value(&first).expect("json")
    );
    assert!(Arc::ptr_eq(
        &kept,
        &searchers::open(dir.path()).expect("open")
    ));

    // A commit to the same generation, as `agendex index` makes.
    let generation = super::super::current_generation(dir.path())
        .expect("pointer")
        .expect("generation");
    let index = Index::open_in_dir(&generation).expect("open");
    add_seeds(&index, &SEEDS[2..3]);
    let second = search(dir.path(), &all).expect("search");
    assert!(second.total > first.total);
    assert_eq!(years(&second), ["2016", "2015"]);
    let fresh = search_index(&index, &all).expect("search");
    assert_eq!(
        serde_json::to_value(&second).expect("json"),
        serde_json::to_value(&fresh).expect("json")
    );
    let reloaded = searchers::open(dir.path()).expect("open");
    assert!(!Arc::ptr_eq(&kept, &reloaded));
    // The segment already read keeps its table.
    let old = kept.searcher.segment_readers()[0].segment_id();
    assert!(
        reloaded.has_tables(),
        "read at once in a process that searches again"
    );
    let (a, b) = (kept.tables_now().get(old), reloaded.tables_now().get(old));
    assert!(a.zip(b).is_some_and(|(a, b)| Arc::ptr_eq(a, b)));

    // A new generation, as `--rebuild` swaps in.
    dated_index(dir.path(), &SEEDS[3..4]);
    let third = search(dir.path(), &all).expect("search");
    assert_eq!(years(&third), ["2019"]);
    assert_ne!(third.total, second.total);
}

/// Every match of `query` with its score, best first (ties by address).
fn scored(searcher: &tantivy::Searcher, query: &dyn Query) -> Vec<(f32, DocAddress)> {
    let all = (searcher.num_docs() as usize).max(1);
    searcher
        .search(query, &TopDocs::with_limit(all))
        .expect("search")
}

/// The words of the seeds, in order: the runs of characters for which
/// `is_word_char` holds.
fn seed_words(is_word_char: fn(char) -> bool) -> Vec<String> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds");
    let mut words = Vec::new();
    for (seed, _) in SEEDS {
        let text = std::fs::read_to_string(root.join(seed)).expect("seed");
        words.extend(
            text.split(|c: char| !is_word_char(c))
                .filter(|w| !w.is_empty())
                .map(str::to_string),
        );
    }
    words
}

/// One step of a fixed pseudo-random walk (the same every run): the new
/// state.
fn step(state: &mut u64) -> u64 {
    *state = state
        .wrapping_mul(6_364_136_223_846_793_005)
        .wrapping_add(1_442_695_040_888_963_407);
    *state
}

/// Phrases of the seeds' own words: adjacent ones (in several cases),
/// words that never meet, a repeated word, one next to a word too long
/// to index.
fn phrases() -> Vec<String> {
    let words = seed_words(char::is_alphanumeric);
    assert!(words.len() > 5000);
    let mut out = vec![
        "schools forum".to_string(),
        "Schools Forum".to_string(),
        "high needs".to_string(),
        "early help".to_string(),
        "the the".to_string(),
        "of the".to_string(),
        "forum schools".to_string(),
        format!("schools {} forum", "x".repeat(50)),
    ];
    // A fixed pseudo-random walk over the words (the same every run).
    let mut state: u64 = 0x9E37_79B9_7F4A_7C15;
    for i in 0..150 {
        step(&mut state);
        let at = (state >> 33) as usize % (words.len() - 1);
        let other = (state >> 13) as usize % words.len();
        out.push(match i % 3 {
            0 | 1 => format!("{} {}", words[at], words[at + 1]),
            _ => format!("{} {}", words[at], words[other]),
        });
    }
    out
}

/// A two-word phrase answered from the `pairs` field matches the same
/// records with the same scores as tantivy's phrase query on the text,
/// alone, through the query parser (text and title), and among other
/// clauses whose scores it is summed with.
#[test]
fn pairs_answer_phrases_as_the_phrase_query_does() {
    let dir = tempfile::tempdir().expect("tempdir");
    let open = two_commits(dir.path(), 3);
    let (searcher, fields) = (&open.searcher, &open.fields);
    assert!(searcher.segment_readers().len() > 1);
    let mut analyzer = open
        .index
        .tokenizer_for_field(fields.text)
        .expect("tokenizer");
    let (mut rewritten, mut matched) = (0, 0);
    for phrase in phrases() {
        let mut terms = Vec::new();
        let mut stream = analyzer.token_stream(&phrase);
        while let Some(t) = stream.next() {
            terms.push((t.position, Term::from_field_text(fields.text, &t.text)));
        }
        if terms.len() == 2 {
            let plain = PhraseQuery::new_with_offset(terms);
            if let Some(pair) = super::super::pairs::PairQuery::of(&plain, fields) {
                let want = scored(searcher, &plain);
                assert_eq!(scored(searcher, &pair), want, "{phrase}");
                rewritten += 1;
                matched += usize::from(!want.is_empty());
                let count = |q: &dyn Query| {
                    searcher
                        .search(q, &tantivy::collector::Count)
                        .expect("count")
                };
                assert_eq!(count(&pair), want.len(), "{phrase}");
            } else {
                assert!(phrase.contains("xxxxx"), "{phrase} is two adjacent words");
            }
        }
        // Through the parser, on both default fields, and beside
        // other clauses (a word, a kind, a date range).
        for query in [
            format!("\"{phrase}\""),
            format!("\"{phrase}\" AND (council OR school)"),
            format!("\"{phrase}\" OR kind:minute OR date:[2015 TO 2016]"),
            format!("text:\"{phrase}\" AND kind:table AND date:[2015 TO 2017]"),
        ] {
            let Ok(want) = parse_query_as_written(&open.index, fields, &query) else {
                continue;
            };
            let got = parse_query(&open.index, fields, &query)
                .expect("parses")
                .query;
            assert_eq!(scored(searcher, &*got), scored(searcher, &*want), "{query}");
        }
    }
    assert!(rewritten > 100, "{rewritten} phrases answered from pairs");
    assert!(matched > 90, "{matched} phrases found");
}

/// Searches give what they gave with tantivy's phrase query and with
/// file markers always excluded: records, order, scores, totals and
/// facets.
#[test]
fn searches_are_unchanged() {
    let dir = tempfile::tempdir().expect("tempdir");
    dated_index(dir.path(), &SEEDS);
    let open = searchers::open(dir.path()).expect("open");
    let phrases = phrases().into_iter().take(60).map(|p| format!("\"{p}\""));
    let mut requests = Vec::new();
    for query in phrases.chain(word_queries()) {
        requests.push(SearchRequest {
            query: query.clone(),
            limit: 30,
            ..SearchRequest::default()
        });
        requests.push(SearchRequest {
            query: format!("{query} OR budget"),
            since: Some("2015".into()),
            kind: vec!["minute".into(), "document".into(), "table".into()],
            limit: 30,
            ..SearchRequest::default()
        });
        requests.push(SearchRequest {
            query,
            kind: vec!["minute".into(), "table".into()],
            limit: 30,
            ..SearchRequest::default()
        });
    }
    // Every record, through one filter (or two).
    let all = SearchRequest {
        limit: 40,
        ..SearchRequest::default()
    };
    requests.extend([
        SearchRequest {
            kind: vec!["resolution".into(), "minute".into()],
            ..all.clone()
        },
        SearchRequest {
            kind: vec!["table".into()],
            offset: 25,
            ..all.clone()
        },
        SearchRequest {
            doc_type: Some("minutes".into()),
            ..all.clone()
        },
        SearchRequest {
            since: Some("2016".into()),
            ..all.clone()
        },
        SearchRequest {
            until: Some("2015-06".into()),
            ..all.clone()
        },
        SearchRequest {
            body: Some("schools forum".into()),
            ..all.clone()
        },
        SearchRequest {
            council: Some("haringey".into()),
            since: Some("2015".into()),
            ..all.clone()
        },
    ]);
    for req in requests {
        // Every record its own result, as tantivy ranks them.
        let req = SearchRequest {
            unfolded: true,
            ..req
        };
        let got = search_open(&open, &req).expect("search");
        // The same search, phrases left to tantivy (the kinds and council
        // names weighted as a search weighs them).
        let tables = open.tables().expect("tables");
        let is_name = |w: &str| council_word(&open.searcher, &open.fields, w);
        let user = parse_user_query(&open.index, &open.fields, &req.query, &is_name)
            .expect("query")
            .query;
        let weights = Intent::of(&req.query).weights();
        let filtered = KindWeighted::wrap(
            with_filters(&open.index, &open.fields, tables, user, true, &req).expect("filters"),
            open.fields.kind,
            &weights,
        );
        let top = TopDocs::with_limit(EVERY);
        let (want, counts) =
            searchers::search(&open.searcher, &*filtered, &(top, Counter { tables }))
                .expect("search");
        assert_eq!(got.total, counts.total, "{req:?}");
        let got_hits: Vec<(f32, String)> = got
            .hits
            .iter()
            .map(|h| (h.score, h.record["id"].as_str().unwrap_or("").to_string()))
            .collect();
        let want_hits: Vec<(f32, String)> = in_tie_order(&open, &want)
            .into_iter()
            .skip(req.offset)
            .take(req.limit)
            .collect();
        assert_eq!(got_hits, want_hits, "{req:?}");
        assert_eq!(
            serde_json::to_value(&got.facets).expect("json"),
            serde_json::to_value(facets_of(counts)).expect("json"),
            "{req:?}"
        );
    }
}

/// Queries of the seeds' words, as people write them: words, unions,
/// exclusions, fields, boosts, phrases, nested brackets.
fn word_queries() -> Vec<String> {
    let words: Vec<String> = seed_words(char::is_alphabetic)
        .into_iter()
        .filter(|w| w.len() > 2 && !["AND", "OR", "NOT"].contains(&w.as_str()))
        .collect();
    let mut out: Vec<String> = [
        "early help",
        "funding AND (schools OR academies) NOT nursery",
        "resolved",
        "Tottenham",
        "budget",
        "school OR council",
        "title:budget OR text:school",
        "(school OR council OR forum) budget",
        "school^3 OR budget",
        "\"schools forum\" OR \"high needs\"",
        "kind:minute OR kind:resolution",
        "-nursery school",
    ]
    .map(str::to_string)
    .to_vec();
    let mut state: u64 = 0x2545_F491_4F6C_DD1D;
    let mut pick = || words[(step(&mut state) >> 33) as usize % words.len()].clone();
    for i in 0..60 {
        let (a, b, c) = (pick(), pick(), pick());
        out.push(match i % 6 {
            0 => a,
            1 => format!("{a} {b}"),
            2 => format!("{a} OR {b}"),
            3 => format!("{a} AND ({b} OR {c})"),
            4 => format!("({a} OR {b}) NOT {c}"),
            _ => format!("{a} {b} {c}"),
        });
    }
    out
}

/// The faster query matches the same records with the same scores as
/// the query as tantivy's parser builds it, alone and among filters.
#[test]
fn faster_queries_match_and_score_as_written() {
    let dir = tempfile::tempdir().expect("tempdir");
    let open = two_commits(dir.path(), 2);
    let (searcher, fields) = (&open.searcher, &open.fields);
    let tables = Some(open.tables_now());
    let (mut pairs, mut nonempty, mut windows) = (0, 0, 0);
    for query in word_queries() {
        let want = parse_query_as_written(&open.index, fields, &query).expect("parses");
        let got = parse_query(&open.index, fields, &query)
            .expect("parses")
            .query;
        pairs += usize::from(format!("{got:?}").contains("PairQuery"));
        let all = scored(searcher, &*want);
        nonempty += usize::from(!all.is_empty());
        assert_eq!(scored(searcher, &*got), all, "{query}");
        for req in [
            SearchRequest::default(),
            SearchRequest {
                kind: vec!["minute".into(), "table".into()],
                ..SearchRequest::default()
            },
            SearchRequest {
                since: Some("2015".into()),
                doc_type: Some("minutes".into()),
                ..SearchRequest::default()
            },
        ] {
            let filtered = |q: Box<dyn Query>| {
                with_filters(&open.index, fields, tables, q, true, &req).expect("filters")
            };
            let fast = windowed(filtered(got.box_clone()), fields);
            windows += usize::from(format!("{fast:?}").contains("WindowQuery"));
            assert_eq!(
                scored(searcher, &*fast),
                scored(searcher, &*filtered(want.box_clone())),
                "{query} {req:?}"
            );
        }
    }
    assert!(pairs > 0, "{pairs} queries hold two-word phrases");
    assert!(windows > 30, "{windows} queries read by windows");
    assert!(nonempty > 40, "{nonempty} queries match");
}

/// An index of `n` copies of the seeds' records (whole documents left
/// out), in two segments: every copy up to `n / 4`, then a scattered tenth
/// of them, so lists hold runs, then irregular gaps. Each copy's id ends
/// in `-{its number}`.
fn seed_copies(n: usize) -> (Index, Fields) {
    use crate::pipeline::{self, Options, PdfMode};
    let opts = Options {
        limits: crate::pdf::worker::Limits {
            timeout: std::time::Duration::from_secs(60),
            memory: 0,
            ocr: crate::pdf::ocr::OcrMode::Auto,
        },
        pdf: PdfMode::InProcess,
        jobs: 1,
    };
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds");
    let mut base = Vec::new();
    for (seed, date) in SEEDS {
        let source = crate::walk::Source {
            path: root.join(seed),
        };
        for mut r in pipeline::process(&source, &opts).result.expect("parses") {
            // Whole documents are large and few: leave them out.
            if r.kind != "document" {
                r.document.date = Some(date.to_string());
                base.push(r);
            }
        }
    }
    let index = Index::create_in_ram(schema::build());
    super::super::stem::register(&index);
    let fields = Fields::of(&index.schema()).expect("fields");
    let mut writer: tantivy::IndexWriter<TantivyDocument> =
        index.writer_with_num_threads(1, 50 << 20).expect("writer");
    for i in 0..n {
        if i > n / 4 && (i as u64).wrapping_mul(2_654_435_761) % 1000 >= 100 {
            continue;
        }
        let mut r = base[i % base.len()].clone();
        r.id = format!("{}-{i}", r.id);
        let json = serde_json::to_string(&r).expect("json");
        writer
            .add_document(fields.record_doc(&r, &json, i as u64))
            .expect("add");
        if i == n / 8 {
            writer.commit().expect("commit");
        }
    }
    writer.commit().expect("commit");
    (index, fields)
}

/// Words read by windows give tantivy's records and scores on an index
/// whose segments span many windows (so windows are skipped, sought
/// into and left), alone and beside a filter that seeks them.
#[test]
fn windows_match_on_a_large_index() {
    let (index, fields) = seed_copies(60_000);
    let searcher = index.reader().expect("reader").searcher();
    assert!(searcher.segment_readers().len() > 1);
    let largest = searcher.segment_readers().iter().map(|r| r.max_doc()).max();
    assert!(largest > Some(2 * 4096), "{largest:?}");
    let tables = Tables::for_searcher(&searcher, None).expect("tables");
    let mut windows = 0;
    // Words found side by side somewhere: rare together, often apart.
    let pairs = phrases().into_iter().skip(8).take(80);
    for query in word_queries().into_iter().chain(pairs) {
        let want = parse_query_as_written(&index, &fields, &query).expect("parses");
        let got = parse_query(&index, &fields, &query).expect("parses").query;
        for req in [
            SearchRequest::default(),
            SearchRequest {
                kind: vec!["minute".into(), "table".into()],
                ..SearchRequest::default()
            },
            SearchRequest {
                since: Some("2016".into()),
                ..SearchRequest::default()
            },
        ] {
            let filtered = |q: Box<dyn Query>| {
                with_filters(&index, &fields, Some(&tables), q, true, &req).expect("filters")
            };
            let fast = windowed(filtered(got.box_clone()), &fields);
            windows += usize::from(format!("{fast:?}").contains("WindowQuery"));
            let expected = scored(&searcher, &*filtered(want.box_clone()));
            assert_eq!(scored(&searcher, &*fast), expected, "{query} {req:?}");
            let count = searcher
                .search(&*fast, &tantivy::collector::Count)
                .expect("count");
            assert_eq!(count, expected.len(), "{query} {req:?}");
            // Small windows: many more of them, often empty.
            if let Some(w) = WindowQuery::rewrite(&*got, fields.text, fields.title) {
                if let Some(w) = w.downcast_ref::<WindowQuery>() {
                    let small = filtered(Box::new(w.clone().with_window(128)));
                    assert_eq!(scored(&searcher, &*small), expected, "{query} {req:?}");
                }
            }
        }
    }
    assert!(windows > 100, "{windows} searches read by windows");
}

/// Words read by windows, counted with the top records in one pass and
/// scored only where they can enter the top: the same records, scores,
/// totals and facet counts as the pair of collectors that scores every
/// match, on an index of copies spanning many windows with records
/// deleted, for short and long pages, with kinds weighted up and down,
/// facets from tables and from the column; and many matches of the
/// queries are counted without being scored.
#[test]
fn top_and_counts_score_only_what_can_enter() {
    use super::super::ordered::{TopAndCounts, BOUNDED_MATCHES, BOUNDED_SCORED};
    let (index, fields) = seed_copies(40_000);
    // Every 7th copy deleted: segments with deletes.
    let mut writer: tantivy::IndexWriter<TantivyDocument> =
        index.writer_with_num_threads(1, 15 << 20).expect("writer");
    let searcher = index.reader().expect("reader").searcher();
    for reader in searcher.segment_readers() {
        let store = reader.get_store_reader(0).expect("store");
        for doc in (0..reader.max_doc()).step_by(7) {
            let d: TantivyDocument = store.get(doc).expect("doc");
            let id = d.get_first(fields.id).and_then(|v| v.as_str()).expect("id");
            writer.delete_term(Term::from_field_text(fields.id, id));
        }
    }
    writer.commit().expect("commit");
    let searcher = index.reader().expect("reader").searcher();
    assert!(searcher.segment_readers().len() > 1);
    assert!(searcher
        .segment_readers()
        .iter()
        .all(|r| r.alive_bitset().is_some()));
    let tables = Tables::for_searcher(&searcher, None).expect("tables");
    let queries = [
        "early help",
        "council resolved",
        "agreed budget",
        "school minutes",
        "funding AND (schools OR academies)",
        "funding AND (schools OR academies) NOT nursery",
        "budget table",
        "high needs",
    ];
    let (mut bounded, mut matches, mut scored) = (0, 0, 0);
    for text in queries {
        let user = parse_query(&index, &fields, text).expect("parses").query;
        let plain =
            with_filters(&index, &fields, Some(&tables), user, false, &q(text)).expect("filters");
        let weights = Intent::of(text).weights();
        let mut forms = vec![KindWeighted::wrap(
            windowed(plain.box_clone(), &fields),
            fields.kind,
            &weights,
        )];
        // Windows of 128 records: many more of them, often empty.
        if let Some(w) = WindowQuery::rewrite(&*plain, fields.text, fields.title) {
            if let Some(w) = w.downcast_ref::<WindowQuery>() {
                forms.push(KindWeighted::wrap(
                    Box::new(w.clone().with_window(128)),
                    fields.kind,
                    &weights,
                ));
                bounded += 1;
            }
        }
        for query in &forms {
            for limit in [1, 5, 20, 50, 400] {
                for tables in [Some(&tables), None] {
                    let top = || TopOrdered {
                        limit,
                        order: fields.order,
                    };
                    let want = searchers::search(&searcher, &**query, &(top(), Counter { tables }))
                        .expect("search");
                    let (m0, s0) = (BOUNDED_MATCHES.get(), BOUNDED_SCORED.get());
                    let got = searchers::search(
                        &searcher,
                        &**query,
                        &TopAndCounts {
                            top: top(),
                            counter: Counter { tables },
                        },
                    )
                    .expect("search");
                    assert_eq!(got, want, "{text} limit {limit}");
                    assert!(got.1.total > 0, "{text} matches");
                    if limit == 5 {
                        matches += BOUNDED_MATCHES.get() - m0;
                        scored += BOUNDED_SCORED.get() - s0;
                    }
                }
            }
        }
    }
    assert!(bounded >= 6, "{bounded} queries read by windows");
    assert!(matches > 10_000, "{matches} matches read by windows");
    // 8,476 of 17,072 when written: the ceiling at the shortest length
    // lets about half through on these short records.
    assert!(
        scored * 10 < matches * 6,
        "{scored} of {matches} matches scored"
    );
}

/// A record as the pipeline wraps it, with `extra` fields written beside
/// its own in its JSON (fields other kinds' records carry: a vote).
fn decided_record(
    n: usize,
    kind: &str,
    text: &str,
    fields: grammars::Fields,
    extra: serde_json::Value,
) -> (crate::record::OutRecord, String) {
    let r = crate::record::OutRecord {
        schema_version: 1,
        id: format!("00000000000000{n:02}-{kind}-1"),
        kind: kind.into(),
        text: text.into(),
        source: crate::record::Source {
            path: format!("decided-{n}.pdf"),
            sha256: format!("{n:064}"),
            page: 1,
            page_end: 1,
            page_label: None,
            ocr: false,
            ocr_confidence: None,
        },
        document: grammars::DocumentInfo::default(),
        fields,
        recovered: None,
    };
    let mut json = serde_json::to_value(&r).expect("json");
    if let (Some(obj), Some(more)) = (json.as_object_mut(), extra.as_object()) {
        for (k, v) in more {
            obj.insert(k.clone(), v.clone());
        }
    }
    (r, json.to_string())
}

/// An index of decisions, votes and judgements as real papers print them
/// (Kent's record of decision 24/00093, an Ofsted grade table, a recorded
/// vote), fed through the schema's record documents.
fn decided_index() -> Index {
    use grammars::Fields as F;
    let decision = grammars::Decision {
        decision_number: Some("24/00093".into()),
        title: Some("Commissioned Family Hub Contracts".into()),
        key_decision: Some(true),
        items: vec!["APPROVE the proposal to not re-commission the Family Hub services".into()],
        ..Default::default()
    };
    let judgement = |area: &str, grade: &str| {
        F::Judgement(grammars::Judgement {
            area: area.into(),
            grade: grade.into(),
        })
    };
    let resolution = F::Resolution(grammars::Resolution {
        items: vec!["That the amendment be agreed.".into()],
        ..Default::default()
    });
    let none = serde_json::json!({});
    let records = [
        decided_record(
            1,
            "decision",
            "DECISION NO: 24/00093 Commissioned Family Hub Contracts",
            F::Decision(decision),
            none.clone(),
        ),
        decided_record(
            2,
            "agenda_item",
            "7. Commissioned Family Hub Contracts (Decision 24/00093)",
            F::AgendaItem(grammars::AgendaItem {
                number: "7".into(),
                title: "Commissioned Family Hub Contracts".into(),
                ..Default::default()
            }),
            none.clone(),
        ),
        decided_record(
            3,
            "resolution",
            "The amendment was put to the vote and LOST (7 for, 3 against).",
            resolution.clone(),
            serde_json::json!({"carried": false, "vote": {"for": 3, "against": 7, "abstain": 1,
                "for_names": [], "against_names": [], "abstain_names": []}}),
        ),
        decided_record(
            4,
            "resolution",
            "The motion was CARRIED.",
            resolution,
            serde_json::json!({"carried": true, "vote": null}),
        ),
        decided_record(
            5,
            "judgement",
            "Overall effectiveness Inadequate",
            judgement("Overall effectiveness", "Inadequate"),
            none.clone(),
        ),
        decided_record(
            6,
            "judgement",
            "Adoption performance Requires improvement to be good",
            judgement("Adoption performance", "Requires improvement to be good"),
            none.clone(),
        ),
        decided_record(
            7,
            "judgement",
            "Leadership, management and governance Good",
            judgement("Leadership, management and governance", "Good"),
            none,
        ),
    ];
    let index = Index::create_in_ram(schema::build());
    super::super::stem::register(&index);
    let fields = Fields::of(&index.schema()).expect("fields");
    let mut writer: tantivy::IndexWriter<TantivyDocument> =
        index.writer_with_num_threads(1, 15 << 20).expect("writer");
    for (ord, (r, json)) in records.iter().enumerate() {
        writer
            .add_document(fields.record_doc(r, json, ord as u64))
            .expect("add");
    }
    writer.commit().expect("commit");
    index
}

fn ids_of(index: &Index, req: SearchRequest) -> Vec<String> {
    search_index(index, &req)
        .expect("search")
        .hits
        .iter()
        .map(|h| h.record["id"].as_str().unwrap_or("").to_string())
        .collect()
}

fn q(query: &str) -> SearchRequest {
    SearchRequest {
        query: query.into(),
        limit: 100,
        ..Default::default()
    }
}

#[test]
fn decision_numbers_find_the_decision_first_then_what_names_it() {
    let index = decided_index();
    let ids = ids_of(&index, q("decision:24/00093"));
    assert_eq!(
        ids,
        [
            "0000000000000001-decision-1",
            "0000000000000002-agenda_item-1"
        ]
    );
    assert_eq!(ids_of(&index, q("decision_number:\"24 / 00093\"")).len(), 2);
    assert!(ids_of(&index, q("decision:24/00094")).is_empty());
    let filtered = SearchRequest {
        decision: Some("24/00093".into()),
        kind: vec!["decision".into()],
        ..q("")
    };
    assert_eq!(ids_of(&index, filtered), ["0000000000000001-decision-1"]);
    assert_eq!(
        ids_of(&index, q("key:YES")),
        ["0000000000000001-decision-1"]
    );
    assert!(ids_of(&index, q("key_decision:no")).is_empty());
}

#[test]
fn a_decision_number_typed_alone_finds_the_decision_filed_under_it_first() {
    let index = decided_index();
    let ids = ids_of(&index, q("24/00093"));
    assert_eq!(
        ids.first().map(String::as_str),
        Some("0000000000000001-decision-1")
    );
    assert_eq!(ids.len(), 2);
    // A number no record is filed under is a word of the text.
    assert!(ids_of(&index, q("24/00094")).is_empty());
}

#[test]
fn grades_match_by_their_first_words_folded() {
    let index = decided_index();
    assert_eq!(
        ids_of(&index, q("grade:inadequate")),
        ["0000000000000005-judgement-1"]
    );
    assert_eq!(
        ids_of(&index, q("grade:\"Requires Improvement\"")),
        ["0000000000000006-judgement-1"]
    );
    // "Good" is its own grade, not the end of "requires improvement to be good".
    assert_eq!(
        ids_of(&index, q("grade:good")),
        ["0000000000000007-judgement-1"]
    );
    let req = SearchRequest {
        grade: Some("INADEQUATE".into()),
        ..q("")
    };
    assert_eq!(ids_of(&index, req), ["0000000000000005-judgement-1"]);
}

#[test]
fn carried_filters_resolutions_and_facets_count_each_part() {
    let index = decided_index();
    assert_eq!(
        ids_of(&index, q("carried:no")),
        ["0000000000000003-resolution-1"]
    );
    let req = SearchRequest {
        carried: Some("yes".into()),
        ..q("")
    };
    assert_eq!(ids_of(&index, req), ["0000000000000004-resolution-1"]);
    let err = search_index(&index, &q("carried:maybe")).expect_err("not yes/no");
    assert!(err.to_string().contains("yes or no"), "{err}");
    let bad = SearchRequest {
        key: Some("perhaps".into()),
        ..q("")
    };
    assert!(search_index(&index, &bad).is_err());

    let all = search_index(&index, &q("")).expect("search");
    let counts = |v: &[FacetCount]| -> Vec<(String, u64)> {
        v.iter().map(|c| (c.value.clone(), c.count)).collect()
    };
    assert_eq!(counts(&all.facets.key), [("yes".to_string(), 1)]);
    assert_eq!(counts(&all.facets.decision), [("24/00093".to_string(), 1)]);
    assert_eq!(
        counts(&all.facets.carried),
        [("no".to_string(), 1), ("yes".to_string(), 1)]
    );
    assert_eq!(
        counts(&all.facets.grade),
        [
            ("good".to_string(), 1),
            ("inadequate".to_string(), 1),
            ("requires improvement to be good".to_string(), 1)
        ]
    );
}

/// A report's judgements are those of its own document: the same file and
/// pages, in document order, not another document's in the same file.
#[test]
fn same_document_finds_a_reports_judgements_in_order() {
    let index = Index::create_in_ram(schema::build());
    super::super::stem::register(&index);
    let fields = Fields::of(&index.schema()).expect("fields");
    let mut writer: tantivy::IndexWriter<TantivyDocument> =
        index.writer_with_num_threads(1, 15 << 20).expect("writer");
    // Two inspection letters bound in one file: pages 1-5 and 6-9.
    let rows: [(&str, [u32; 2], grammars::Fields); 5] = [
        (
            "report",
            [1, 5],
            grammars::Fields::Report(grammars::Report::default()),
        ),
        (
            "judgement",
            [6, 9],
            grammars::Fields::Judgement(grammars::Judgement {
                area: "Overall effectiveness".into(),
                grade: "Good".into(),
            }),
        ),
        (
            "judgement",
            [1, 5],
            grammars::Fields::Judgement(grammars::Judgement {
                area: "Overall effectiveness".into(),
                grade: "Inadequate".into(),
            }),
        ),
        (
            "judgement",
            [1, 5],
            grammars::Fields::Judgement(grammars::Judgement {
                area: "Leadership and management".into(),
                grade: "Inadequate".into(),
            }),
        ),
        (
            "minute",
            [1, 5],
            grammars::Fields::Minute(grammars::Minute::default()),
        ),
    ];
    let mut report = serde_json::Value::Null;
    for (ord, (kind, pages, f)) in rows.into_iter().enumerate() {
        let (mut r, _) = decided_record(ord, kind, "x", f, serde_json::json!({}));
        r.source.path = "bound.pdf".into();
        r.document.pages = pages;
        let json = serde_json::to_string(&r).expect("json");
        if ord == 0 {
            report = serde_json::from_str(&json).expect("value");
        }
        // Written out of order: found in document order all the same.
        writer
            .add_document(fields.record_doc(&r, &json, 10 - ord as u64))
            .expect("add");
    }
    writer.commit().expect("commit");
    let found = same_document_in(&index, &report, "judgement").expect("found");
    let areas: Vec<&str> = found
        .iter()
        .map(|j| j["area"].as_str().unwrap_or(""))
        .collect();
    assert_eq!(
        areas,
        ["Leadership and management", "Overall effectiveness"]
    );
    assert!(found.iter().all(|j| j["grade"] == "Inadequate"));
}

#[test]
fn an_apostrophe_inside_a_word_is_no_quote() {
    // As typed from the Ayton minutes: "Scotland’s Floral Gateway".
    assert_eq!(
        apostrophes_split("Scotland's Floral Gateway"),
        "Scotland s Floral Gateway"
    );
    assert_eq!(apostrophes_split("council’s budget"), "council s budget");
    assert_eq!(apostrophes_split("'quoted' x"), "'quoted' x");
}

#[test]
fn also_in_names_each_page_once_and_not_the_cards_own() {
    let folded = |id: &str, kind: &str, link: &str| Folded {
        id: id.to_string(),
        kind: kind.to_string(),
        link: link.to_string(),
        title: String::new(),
    };
    let hit = Hit {
        score: 1.0,
        link: "a.pdf#page=3".to_string(),
        snippet: Snippet::default(),
        record: serde_json::Value::Null,
        also_in: vec![
            folded("a-decl", "declaration", "a.pdf#page=3"),
            folded("b-min", "minute", "b.txt#page=1"),
            folded("b-decl", "declaration", "b.txt#page=1"),
            folded("c-min", "minute", "c.pdf#page=9"),
        ],
        document: None,
        more: Vec::new(),
        thread: None,
    };
    let ids: Vec<&str> = hit.also_in_places().iter().map(|f| f.id.as_str()).collect();
    assert_eq!(ids, ["b-min", "c-min"]);
    // Scripts still get every folded record.
    assert_eq!(hit.also_in.len(), 4);
}

//! Searching the index: a [`SearchRequest`] in, ranked, serialisable
//! [`SearchResults`] out (records with score, highlighted snippet, link to
//! the page; facet counts). The command line and the web page both use it.
//!
//! Query syntax is tantivy's (words, "phrases", AND/OR/NOT, `-word`,
//! `field:value`, `field:[a TO b]`), with words joined by AND by default.
//! Field names are checked and friendly aliases mapped before tantivy sees
//! the query (`committee:` is `body:`, `doc_type:` is `type:`), and dates
//! are written as people write them (`date:2015`, `date:[2015-01 TO 2016]`).
//! Owns no output formatting.

use super::cards;
use super::dates::DateFilter;
use super::decided::{fold_decision_number, fold_grade, yes_no, yes_no_term};
use super::everything::PlusOne;
use super::facets::{Counter, Counts, Tables};
use super::intent::Intent;
use super::ordered::{Kept, TopAndCounts, TopOrdered};
use super::pairs::PairQuery;
use super::schema::{self, Date, Fields};
use super::searchers::{self, Open};
use super::weighted::KindWeighted;
use super::window::WindowQuery;
use super::{tantivy_err, IndexError, Result};
use grammars::DocType;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::ops::Bound;
use std::path::Path;
use tantivy::collector::TopDocs;
use tantivy::query::{
    AllQuery, BooleanQuery, ConstScoreQuery, EnableScoring, Occur, PhraseQuery, Query, QueryParser,
    QueryParserError, RangeQuery, TermQuery,
};
use tantivy::query_grammar::{self, UserInputAst, UserInputBound, UserInputLeaf};
use tantivy::schema::{IndexRecordOption, Value};
use tantivy::snippet::SnippetGenerator;
use tantivy::{DocAddress, DocSet, Index, ReloadPolicy, TantivyDocument, Term, TERMINATED};

/// Default number of results.
pub const DEFAULT_LIMIT: usize = 10;
/// Most results one request returns.
pub const MAX_LIMIT: usize = 1000;
/// Characters of a snippet.
const SNIPPET_CHARS: usize = 240;
/// Facet values returned per facet.
const FACET_VALUES: usize = 50;

/// The field names a query may use, and what they stand for.
pub const QUERY_FIELDS: &[(&str, &str)] = &[
    ("text", "the record's full text (the default, with title)"),
    ("title", "the document's title"),
    ("kind", "record kind: document, resolution, minute, table …"),
    ("body", "committee or forum (alias: committee)"),
    ("council", "council"),
    (
        "type",
        "document type: agenda, minutes, officer_report … (alias: doc_type)",
    ),
    (
        "date",
        "record date (its document's, else its meeting's): 2015, 2015-02, [2015 TO 2016-06]",
    ),
    ("year", "record year: year:2016"),
    ("path", "source file path as indexed"),
    ("page", "physical page where the record starts"),
    ("page_label", "printed page label (alias: label)"),
    ("id", "record id"),
    ("sha256", "source file SHA-256"),
    (
        "decision",
        "decision number: decision:24/00093 (decisions, and records naming it; alias: decision_number)",
    ),
    (
        "grade",
        "inspection judgement grade, by its first words: grade:inadequate, grade:\"requires improvement\"",
    ),
    ("key", "key decision: key:yes, key:no (alias: key_decision)"),
    ("carried", "resolution carried or lost: carried:yes, carried:no"),
];

/// What to look for.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct SearchRequest {
    /// The query; empty matches every record (then filters do the work).
    pub query: String,
    /// Only these record kinds (any of them).
    pub kind: Vec<String>,
    /// Only records whose committee or forum contains these words, in order.
    pub body: Option<String>,
    /// Only records whose council contains these words, in order.
    pub council: Option<String>,
    /// Only this document type.
    pub doc_type: Option<String>,
    /// Only records dated on or after this (YYYY, YYYY-MM or YYYY-MM-DD);
    /// a record's date is its document's, else its meeting's.
    pub since: Option<String>,
    /// Only records dated on or before this (the whole year or month when
    /// only those are given).
    pub until: Option<String>,
    /// Only records carrying this decision number ("24/00093").
    pub decision: Option<String>,
    /// Only judgements with this grade (its first words will do).
    pub grade: Option<String>,
    /// Only key decisions ("yes") or decisions that are not ("no").
    pub key: Option<String>,
    /// Only resolutions carried ("yes") or lost ("no").
    pub carried: Option<String>,
    /// How many results (0: the default, 10); at most 1000.
    pub limit: usize,
    /// Skip this many results (paging).
    pub offset: usize,
    /// Every matching record its own result, nothing folded (see
    /// [`super::cards`]): for scripts that list records.
    pub unfolded: bool,
}

/// What was found.
#[derive(Debug, Clone, Serialize)]
pub struct SearchResults {
    pub query: String,
    /// Records matching the query and filters.
    pub total: usize,
    pub offset: usize,
    pub hits: Vec<Hit>,
    pub facets: Facets,
}

/// One result: a card showing one record, with the records folded into it
/// (see [`super::cards`]).
#[derive(Debug, Clone, Serialize)]
pub struct Hit {
    pub score: f32,
    /// `path#page=N`: the source file at the record's page.
    pub link: String,
    pub snippet: Snippet,
    /// The record, as `agendex extract` prints it.
    pub record: serde_json::Value,
    /// The same text found in other files (or again in this one).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub also_in: Vec<Folded>,
    /// The whole-document record of the same document and title.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub document: Option<Folded>,
    /// Further matching records of the same document.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub more: Vec<Folded>,
    /// The record's thread (`agendex thread`'s steps), when asked for
    /// (`search --thread`): empty when the record has no links.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub thread: Option<Vec<crate::links::thread::Step>>,
}

impl Hit {
    /// The places "also in" names, as a reader wants them: each page once,
    /// and not the card's own page (copies of one text in several records
    /// of a page — a minute and its declaration — are one place to go).
    /// `also_in` itself keeps every record, for scripts.
    pub fn also_in_places(&self) -> Vec<&Folded> {
        let mut seen: Vec<&str> = vec![self.link.as_str()];
        let mut places = Vec::new();
        for folded in &self.also_in {
            if !seen.contains(&folded.link.as_str()) {
                seen.push(&folded.link);
                places.push(folded);
            }
        }
        places
    }
}

/// A record folded into a result: enough to name it and link to it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Folded {
    pub id: String,
    pub kind: String,
    /// `path#page=N`.
    pub link: String,
    /// The record's title, else the opening of its text.
    pub title: String,
}

/// A fragment of the record's text with the matched words marked.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Snippet {
    pub text: String,
    /// Byte ranges `[start, end)` of matched words in `text`.
    pub highlights: Vec<[usize; 2]>,
    /// `text` HTML-escaped, matched words in `<b>`.
    pub html: String,
}

/// Counts of matching records per value, most frequent first.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Facets {
    pub kind: Vec<FacetCount>,
    pub body: Vec<FacetCount>,
    pub council: Vec<FacetCount>,
    #[serde(rename = "type")]
    pub doc_type: Vec<FacetCount>,
    pub year: Vec<FacetCount>,
    /// Key decisions: `yes`, `no` (records that say).
    pub key: Vec<FacetCount>,
    /// Resolutions carried: `yes`, `no` (records that say).
    pub carried: Vec<FacetCount>,
    /// Judgements per grade (folded).
    pub grade: Vec<FacetCount>,
    /// Records per decision number they are filed under (folded).
    pub decision: Vec<FacetCount>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FacetCount {
    pub value: String,
    pub count: u64,
}

/// Search the index in `dir`: its current commit, through the searcher
/// kept open for it (see [`super::searchers`]).
pub fn search(dir: &Path, req: &SearchRequest) -> Result<SearchResults> {
    match searchers::open(dir).and_then(|open| search_open(&open, req)) {
        // The index changed under the kept searcher (a rebuild swapped
        // generations, say): open it afresh, as readers always did.
        Err(IndexError::Tantivy { .. } | IndexError::Io { .. } | IndexError::Damaged { .. }) => {
            searchers::forget(dir);
            super::with_index(dir, |index| search_index(index, req))
        }
        result => result,
    }
}

/// One record by its id, as `agendex extract` printed it (for a record view).
pub fn record(dir: &Path, id: &str) -> Result<Option<serde_json::Value>> {
    super::with_index(dir, |index| record_in(index, id))
}

fn record_in(index: &Index, id: &str) -> Result<Option<serde_json::Value>> {
    let err = |e: tantivy::TantivyError| tantivy_err(Path::new(""), e);
    let fields = Fields::of(&index.schema()).map_err(err)?;
    let query = TermQuery::new(
        Term::from_field_text(fields.id, id),
        IndexRecordOption::Basic,
    );
    let Some(doc) = first_doc(index, &query)? else {
        return Ok(None);
    };
    let json = doc
        .get_first(fields.record)
        .and_then(|v| v.as_str().map(str::to_string))
        .unwrap_or_default();
    serde_json::from_str(&json)
        .map(Some)
        .map_err(|e| tantivy_err(Path::new(""), format!("stored record is not JSON: {e}")))
}

/// The records of `kind` in the same document as `rec` (the same file and,
/// where the file holds several documents, the same pages), in document
/// order: an inspection report's judgements, say.
pub fn same_document(
    dir: &Path,
    rec: &serde_json::Value,
    kind: &str,
) -> Result<Vec<serde_json::Value>> {
    super::with_index(dir, |index| same_document_in(index, rec, kind))
}

/// Most records [`same_document`] returns.
const SAME_DOCUMENT_MAX: usize = 200;

pub fn same_document_in(
    index: &Index,
    rec: &serde_json::Value,
    kind: &str,
) -> Result<Vec<serde_json::Value>> {
    let here = Path::new("");
    let err = |e: tantivy::TantivyError| tantivy_err(here, e);
    let Some(path) = rec.pointer("/source/path").and_then(|p| p.as_str()) else {
        return Ok(Vec::new());
    };
    let fields = Fields::of(&index.schema()).map_err(err)?;
    let term = |f, v: &str| -> Box<dyn Query> {
        Box::new(TermQuery::new(
            Term::from_field_text(f, v),
            IndexRecordOption::Basic,
        ))
    };
    let query = BooleanQuery::new(vec![
        (Occur::Must, term(fields.path, path)),
        (Occur::Must, term(fields.kind, kind)),
    ]);
    let reader = index
        .reader_builder()
        .reload_policy(ReloadPolicy::Manual)
        .try_into()
        .map_err(err)?;
    let searcher = reader.searcher();
    let top = searcher
        .search(&query, &TopDocs::with_limit(SAME_DOCUMENT_MAX))
        .map_err(err)?;
    let pages = rec.pointer("/document/pages");
    let mut found = Vec::with_capacity(top.len());
    for (_, addr) in top {
        let doc: TantivyDocument = searcher.doc(addr).map_err(err)?;
        let ord = doc
            .get_first(fields.ord)
            .and_then(|v| v.as_u64())
            .unwrap_or(u64::MAX);
        let json = doc
            .get_first(fields.record)
            .and_then(|v| v.as_str())
            .unwrap_or_default();
        let Ok(other) = serde_json::from_str::<serde_json::Value>(json) else {
            continue;
        };
        if other.pointer("/document/pages") == pages {
            found.push((ord, other));
        }
    }
    found.sort_by_key(|(ord, _)| *ord);
    Ok(found.into_iter().map(|(_, r)| r).collect())
}

/// An indexed file: where it was read from, as the index recorded it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IndexedFile {
    pub path: String,
    pub sha256: String,
}

/// The indexed file with this SHA-256, if the index holds one: the only way
/// a web request can name a file to serve. Read from the file markers, so a
/// file is found only while it is indexed.
pub fn file(dir: &Path, sha256: &str) -> Result<Option<IndexedFile>> {
    super::with_index(dir, |index| file_in(index, sha256))
}

fn file_in(index: &Index, sha256: &str) -> Result<Option<IndexedFile>> {
    let err = |e: tantivy::TantivyError| tantivy_err(Path::new(""), e);
    let fields = Fields::of(&index.schema()).map_err(err)?;
    let term = |f, v: &str| -> Box<dyn Query> {
        Box::new(TermQuery::new(
            Term::from_field_text(f, v),
            IndexRecordOption::Basic,
        ))
    };
    let query = BooleanQuery::new(vec![
        (Occur::Must, term(fields.entry, schema::ENTRY_FILE)),
        (Occur::Must, term(fields.sha256, sha256)),
    ]);
    let Some(doc) = first_doc(index, &query)? else {
        return Ok(None);
    };
    let path = doc
        .get_first(fields.path)
        .and_then(|v| v.as_str())
        .unwrap_or_default()
        .to_string();
    if path.is_empty() {
        return Ok(None);
    }
    Ok(Some(IndexedFile {
        path,
        sha256: sha256.to_string(),
    }))
}

/// The first stored document matching `query` in the index's current commit.
fn first_doc(index: &Index, query: &dyn Query) -> Result<Option<TantivyDocument>> {
    let err = |e: tantivy::TantivyError| tantivy_err(Path::new(""), e);
    let reader = index
        .reader_builder()
        .reload_policy(ReloadPolicy::Manual)
        .try_into()
        .map_err(err)?;
    let searcher = reader.searcher();
    let top = searcher
        .search(query, &TopDocs::with_limit(1))
        .map_err(err)?;
    let Some((_, addr)) = top.first() else {
        return Ok(None);
    };
    searcher.doc(*addr).map(Some).map_err(err)
}

/// Search an open index (opening a searcher for this search alone; use
/// [`search`] to keep it between searches).
pub fn search_index(index: &Index, req: &SearchRequest) -> Result<SearchResults> {
    search_open(&Open::of_index(index)?, req)
}

/// Whether a request asks for every record: an empty query, no filters.
fn is_unfiltered(req: &SearchRequest) -> bool {
    req.query.trim().is_empty()
        && req.kind.is_empty()
        && req.body.is_none()
        && req.council.is_none()
        && req.doc_type.is_none()
        && req.since.is_none()
        && req.until.is_none()
        && req.decision.is_none()
        && req.grade.is_none()
        && req.key.is_none()
        && req.carried.is_none()
}

/// Search one commit of an index.
fn search_open(open: &Open, req: &SearchRequest) -> Result<SearchResults> {
    let here = Path::new("");
    let err = |e: tantivy::TantivyError| tantivy_err(here, e);
    let (index, fields, searcher) = (&open.index, &open.fields, &open.searcher);
    let UserQuery {
        query: mut user_query,
        markers,
        relaxed,
    } = parse_query_naming(index, fields, &req.query, &|w| {
        council_word(searcher, fields, w)
    })?;
    let tables = open.tables()?;
    // What the query asks for weighs each kind's records: a decision
    // number records are filed under asks what was decided.
    let mut intent = Intent::of(&req.query);
    intent.decision |= req
        .query
        .split_whitespace()
        .any(|w| council_word(searcher, fields, w) == NameWord::Decision);
    let weights = intent.weights();
    let weighted =
        |q: Box<dyn Query>| KindWeighted::wrap(windowed(q, fields), fields.kind, &weights);
    let filtered = weighted(with_filters(
        index,
        fields,
        tables,
        user_query.box_clone(),
        markers,
        req,
    )?);
    let limit = match req.limit {
        0 => DEFAULT_LIMIT,
        n => n.min(MAX_LIMIT),
    };
    let counter = Counter { tables };
    // Folding needs more ranked records than the page shows: the top
    // `candidates` are folded into cards, and the page cut from those.
    let wanted = req.offset.saturating_add(limit);
    let candidates = if req.unfolded {
        wanted
    } else {
        wanted.saturating_mul(2).saturating_add(10)
    };
    let unfiltered = is_unfiltered(req);
    let (mut top, mut counts) = if unfiltered {
        // Every record: the counts are the commit's, kept with it, and
        // every record scores the same, so the first ones are the top ones
        // (in index order: ordering them all would read them all).
        let counts =
            open.unfiltered(|| searchers::search(searcher, &*filtered, &counter).map_err(err))?;
        let first = first_docs(searcher, &*filtered, candidates, 0).map_err(err)?;
        let first = first
            .into_iter()
            .map(|(score, addr)| Ranked {
                score,
                order: 0,
                addr,
            })
            .collect();
        (first, counts)
    } else {
        top_in_order(searcher, &*filtered, fields, tables, candidates).map_err(err)?
    };
    if let Some(relaxed) = relaxed.filter(|_| !req.unfolded && counts.total < candidates) {
        // Fewer records than are folded hold every word: any of the words
        // will do, those with all of them first.
        let filtered = weighted(with_filters(
            index,
            fields,
            tables,
            relaxed.box_clone(),
            markers,
            req,
        )?);
        (top, counts) =
            top_in_order(searcher, &*filtered, fields, tables, candidates).map_err(err)?;
        user_query = relaxed;
    }

    // Records that score the same come in the order of their files and
    // places in them (see `schema::order_key`), as the collector cut them.
    let mut ranked = Vec::with_capacity(top.len());
    for Ranked { score, addr, .. } in top {
        let doc: TantivyDocument = searcher.doc(addr).map_err(err)?;
        let json = doc
            .get_first(fields.record)
            .and_then(|v| v.as_str())
            .unwrap_or_default();
        let record: serde_json::Value = serde_json::from_str(json)
            .map_err(|e| tantivy_err(here, format!("stored record is not JSON: {e}")))?;
        let bands: Vec<u64> = match fields.signature {
            Some(f) => doc.get_all(f).filter_map(|v| v.as_u64()).collect(),
            None => Vec::new(),
        };
        ranked.push((score, record, bands));
    }
    let query_stems = super::stem::stems(&req.query);
    let entries: Vec<cards::Entry> = ranked
        .iter()
        .map(|(score, record, bands)| {
            card_entry(*score, record, bands, &query_stems, &intent.kinds)
        })
        .collect();
    let card_list = if req.unfolded {
        (0..entries.len())
            .map(|lead| cards::Card {
                lead,
                place: lead,
                ..cards::Card::default()
            })
            .collect()
    } else {
        cards::fold(&entries)
    };

    let snippets = Snippets::create(searcher, &*user_query, fields.text).map_err(err)?;
    let mut hits = Vec::with_capacity(limit);
    for card in card_list.iter().skip(req.offset).take(limit) {
        let (_, record, _) = &ranked[card.lead];
        let text = record.get("text").and_then(|t| t.as_str()).unwrap_or("");
        let snippet = unlike_those_shown(&snippets, record, text, &hits);
        let fold_in = |i: usize| folded(&ranked[i].1);
        hits.push(Hit {
            // The card stands where it is placed: its score is that rank's.
            score: ranked[card.place].0,
            link: link_of(record),
            snippet,
            record: record.clone(),
            also_in: card.also_in.iter().map(|&i| fold_in(i)).collect(),
            document: card.document.map(fold_in),
            more: card.more.iter().map(|&i| fold_in(i)).collect(),
            thread: None,
        });
    }
    Ok(SearchResults {
        query: req.query.clone(),
        total: counts.total,
        offset: req.offset,
        hits,
        facets: facets_of(counts),
    })
}

/// The snippet of a card's `text`; where a card already shown has the
/// same title over the same snippet (two meetings' agendas opening with
/// one letterhead), the next matching fragment of the text instead, where
/// the two differ: one title over one snippet twice reads as one thing
/// shown twice.
fn unlike_those_shown(
    snippets: &Snippets,
    record: &serde_json::Value,
    text: &str,
    shown: &[Hit],
) -> Snippet {
    let snippet = make_snippet(snippets, text);
    let title = own_title(record);
    let repeats = shown
        .iter()
        .any(|h| h.snippet.text == snippet.text && own_title(&h.record) == title);
    if !repeats || snippet.text.is_empty() {
        return snippet;
    }
    let Some(at) = text.find(snippet.text.as_str()) else {
        return snippet;
    };
    let next = make_snippet(snippets, &text[at + snippet.text.len()..]);
    if next.text.trim().is_empty() {
        snippet
    } else {
        next
    }
}

/// `path#page=N` of a record.
fn link_of(record: &serde_json::Value) -> String {
    let path = record
        .pointer("/source/path")
        .and_then(|p| p.as_str())
        .unwrap_or("");
    let page = record
        .pointer("/source/page")
        .and_then(|p| p.as_u64())
        .unwrap_or(1);
    format!("{path}#page={page}")
}

/// A record's own title: a document's title for a document record, else
/// the record's `title` (or a judgement's area).
pub fn own_title(record: &serde_json::Value) -> &str {
    let s = |p: &str| record.pointer(p).and_then(|v| v.as_str()).unwrap_or("");
    match s("/kind") {
        "document" => s("/document/title"),
        "judgement" => s("/area"),
        _ => s("/title"),
    }
}

/// A record's date as the index files it: its document's, else its
/// meeting's, else its own (empty when undated).
fn record_date(record: &serde_json::Value) -> &str {
    ["/document/date", "/meeting_date", "/date"]
        .iter()
        .find_map(|p| {
            record
                .pointer(p)
                .and_then(|v| v.as_str())
                .filter(|d| !d.is_empty())
        })
        .unwrap_or("")
}

/// A title naming a query holds its words in at most this many times as
/// many: a long title holding them here and there names something else.
const TITLE_BEYOND_QUERY: usize = 3;

/// What [`cards::fold`] needs of a ranked record.
fn card_entry(
    score: f32,
    record: &serde_json::Value,
    bands: &[u64],
    query_stems: &[String],
    kinds_asked: &[&str],
) -> cards::Entry {
    let s = |p: &str| record.pointer(p).and_then(|v| v.as_str()).unwrap_or("");
    let title = super::stem::stems(own_title(record));
    let short_title = title.len() <= TITLE_BEYOND_QUERY * query_stems.len();
    let named_in_place = !query_stems.is_empty() && short_title && {
        let place = ["/document/council", "/document/body", "/council", "/body"]
            .iter()
            .flat_map(|p| super::stem::stems(s(p)))
            .collect::<Vec<String>>();
        query_stems.iter().any(|q| title.contains(q))
            && query_stems
                .iter()
                .all(|q| title.contains(q) || place.contains(q))
    };
    cards::Entry {
        kind: s("/kind").to_string(),
        path: s("/source/path").to_string(),
        document: record
            .pointer("/document/pages")
            .map(|p| p.to_string())
            .unwrap_or_default(),
        title: crate::eval::fold::fold(own_title(record)),
        date: record_date(record).to_string(),
        bands: bands.to_vec(),
        score,
        titled: !query_stems.is_empty()
            && short_title
            && query_stems.iter().all(|q| title.contains(q)),
        named_in_place,
        kind_asked: kinds_asked.contains(&s("/kind")),
        minute: match s("/kind") {
            "minute" => s("/number"),
            "resolution" => s("/minute"),
            _ => "",
        }
        .to_string(),
    }
}

/// Characters of a folded record's label when it has no title.
const RELATED_CHARS: usize = 80;

/// A record folded into a card, named and linked.
fn folded(record: &serde_json::Value) -> Folded {
    let s = |p: &str| record.pointer(p).and_then(|v| v.as_str()).unwrap_or("");
    let title = match own_title(record).trim() {
        "" => {
            let text = s("/text").split_whitespace().collect::<Vec<_>>().join(" ");
            match text.char_indices().nth(RELATED_CHARS) {
                Some((at, _)) => format!("{}…", &text[..at]),
                None => text,
            }
        }
        t => t.to_string(),
    };
    Folded {
        id: s("/id").to_string(),
        kind: s("/kind").to_string(),
        link: link_of(record),
        title,
    }
}

/// The facets shown: per root, the most frequent values (most first, then
/// by name); years newest first.
fn facets_of(counts: Counts) -> Facets {
    let [kind, body, council, doc_type, year, decided] = counts.values;
    // One `decided` value names each part a record states: counted per part.
    let mut parts: [BTreeMap<String, u64>; 4] = Default::default();
    for (value, n) in &decided {
        for (part, v) in schema::decided_parts(value) {
            let slot = match part {
                schema::DECIDED_KEY => 0,
                schema::DECIDED_CARRIED => 1,
                schema::DECIDED_GRADE => 2,
                schema::DECIDED_DECISION => 3,
                _ => continue,
            };
            *parts[slot].entry(v.to_string()).or_insert(0) += n;
        }
    }
    let [key, carried, grade, decision] = parts.map(ranked);
    let mut year = ranked(year);
    year.sort_by(|a, b| b.value.cmp(&a.value));
    Facets {
        kind: ranked(kind),
        body: ranked(body),
        council: ranked(council),
        doc_type: ranked(doc_type),
        year,
        key,
        carried,
        grade,
        decision,
    }
}

/// A root's values, most frequent first (then by name), the first
/// [`FACET_VALUES`].
fn ranked(values: BTreeMap<String, u64>) -> Vec<FacetCount> {
    let mut v: Vec<FacetCount> = values
        .into_iter()
        .map(|(value, count)| FacetCount { value, count })
        .collect();
    v.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.value.cmp(&b.value)));
    v.truncate(FACET_VALUES);
    v
}

/// A ranked record: its score, its [`schema::order_key`] (which breaks ties)
/// and where the searcher holds it.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Ranked {
    score: f32,
    order: u64,
    addr: DocAddress,
}

/// The top `wanted` records, best score first and records that score the
/// same by their order key, and the counts: one pass of the collector,
/// which breaks ties itself from the `order` fast field, so which records
/// make the cut never depends on where the index put them and no record is
/// read to decide it.
fn top_in_order(
    searcher: &tantivy::Searcher,
    query: &dyn Query,
    fields: &Fields,
    tables: Option<&Tables>,
    wanted: usize,
) -> tantivy::Result<(Vec<Ranked>, Counts)> {
    let top = TopOrdered {
        limit: wanted.max(1),
        order: fields.order,
    };
    let counter = Counter { tables };
    let (top, counts) = searchers::search(searcher, query, &TopAndCounts { top, counter })?;
    let mut ranked: Vec<Ranked> = top
        .into_iter()
        .take(wanted)
        .map(|Kept { score, key, addr }| Ranked {
            score,
            order: key,
            addr,
        })
        .collect();
    ranked.sort_by(|a, b| b.score.total_cmp(&a.score).then(a.order.cmp(&b.order)));
    Ok((ranked, counts))
}

/// The first `offset + limit` matching documents in index order, with
/// their scores, less the first `offset`: what `TopDocs` returns when every
/// match scores the same (ties go to the lower address), without visiting
/// every match.
fn first_docs(
    searcher: &tantivy::Searcher,
    query: &dyn Query,
    limit: usize,
    offset: usize,
) -> tantivy::Result<Vec<(f32, DocAddress)>> {
    let weight = query.weight(EnableScoring::enabled_from_searcher(searcher))?;
    let wanted = offset.saturating_add(limit);
    let mut out = Vec::with_capacity(wanted.min(MAX_LIMIT));
    for (ord, reader) in searcher.segment_readers().iter().enumerate() {
        if out.len() >= wanted {
            break;
        }
        let mut scorer = weight.scorer(reader, 1.0)?;
        let alive = reader.alive_bitset();
        let mut doc = scorer.doc();
        while doc != TERMINATED && out.len() < wanted {
            if alive.is_none_or(|a| a.is_alive(doc)) {
                out.push((scorer.score(), DocAddress::new(ord as u32, doc)));
            }
            doc = scorer.advance();
        }
    }
    Ok(out.into_iter().skip(offset).collect())
}

/// Bytes of a record's text handed to the snippet generator, around the
/// first place a query term appears. A document record holds a whole
/// document (hundreds of KB): tokenising and stemming all of it for each
/// hit was most of a text query's time.
const SNIPPET_WINDOW: usize = 4096;
/// Of the window, the bytes before the first place a term appears.
const SNIPPET_LEAD: usize = 1024;

/// A snippet generator that looks at a bounded window of each text.
struct Snippets {
    generator: SnippetGenerator,
    /// What to look for in the raw text to place the window: each query
    /// term, lower case, less its last character when that leaves three or
    /// more (a stem's last letter may differ from the word's: "earli" for
    /// "early", "hope" for "hoping"); the rarest term's first.
    probes: Vec<String>,
}

impl Snippets {
    /// As `SnippetGenerator::create`, keeping the terms to place windows.
    fn create(
        searcher: &tantivy::Searcher,
        query: &dyn Query,
        field: tantivy::schema::Field,
    ) -> tantivy::Result<Snippets> {
        let mut terms: Vec<Term> = Vec::new();
        query.query_terms(&mut |term, _| {
            if term.field() == field {
                terms.push(term.clone());
            }
        });
        terms.sort();
        terms.dedup();
        let mut scored = std::collections::BTreeMap::new();
        let mut probes: Vec<(u64, String)> = Vec::new();
        for term in &terms {
            let value = term.value();
            let Some(word) = value.as_str() else {
                continue;
            };
            let doc_freq = searcher.doc_freq(term)?;
            if doc_freq > 0 {
                scored.insert(word.to_string(), 1.0 / (1.0 + doc_freq as f32));
                let mut probe = word.to_string();
                if probe.chars().count() > 3 {
                    probe.pop();
                }
                probes.push((doc_freq, probe));
            }
        }
        // The rarest term places the window: in a long document the
        // common words of a query ("capital", "council") are all over its
        // opening, the word that sets it apart ("fly-tipping") far in.
        probes.sort();
        let probes = probes.into_iter().map(|(_, p)| p).collect();
        let tokenizer = searcher.index().tokenizer_for_field(field)?;
        Ok(Snippets {
            generator: SnippetGenerator::new(scored, tokenizer, field, SNIPPET_CHARS),
            probes,
        })
    }

    /// The best fragment of a window of `text` around the first place a
    /// term appears; of the whole text when the window holds no match (or
    /// no term is seen in the raw text), so no highlight is lost.
    fn snippet(&self, text: &str) -> tantivy::snippet::Snippet {
        if text.len() > SNIPPET_WINDOW && !self.probes.is_empty() {
            if let Some(window) = self.window(text) {
                let s = self.generator.snippet(window);
                if !s.fragment().is_empty() {
                    return s;
                }
            }
        }
        self.generator.snippet(text)
    }

    /// `SNIPPET_WINDOW` bytes of `text` around the first place the
    /// rarest probe found in it appears (ignoring ASCII case), cut at
    /// whitespace so no word is split.
    fn window<'a>(&self, text: &'a str) -> Option<&'a str> {
        let lower = text.to_ascii_lowercase();
        let first = self.probes.iter().find_map(|p| lower.find(p.as_str()))?;
        let mut start = first.saturating_sub(SNIPPET_LEAD);
        let mut end = (start + SNIPPET_WINDOW).min(text.len());
        while !text.is_char_boundary(start) {
            start -= 1;
        }
        while !text.is_char_boundary(end) {
            end -= 1;
        }
        let mut window = text.get(start..end)?;
        if start > 0 {
            // Drop the partial word at the front (before the first hit,
            // which starts a word or lies inside one beyond this cut).
            let cut = window.find(char::is_whitespace).unwrap_or(0);
            if start + cut <= first {
                window = &window[cut..];
            }
        }
        if end < text.len() {
            if let Some(cut) = window.rfind(char::is_whitespace) {
                window = &window[..cut];
            }
        }
        Some(window)
    }
}

/// The snippet of `text` around the matched words; the opening of the
/// text when no word of the query is in it (a match on the title alone).
fn make_snippet(generator: &Snippets, text: &str) -> Snippet {
    // No term of the query is in the index (or the query has none, as an
    // empty one): no fragment can score, so tantivy's would be empty;
    // spare tokenizing the text (a whole document, for some records).
    let s = if generator.probes.is_empty() {
        tantivy::snippet::Snippet::empty()
    } else {
        generator.snippet(text)
    };
    if !s.fragment().is_empty() {
        return Snippet {
            text: s.fragment().to_string(),
            highlights: s.highlighted().iter().map(|r| [r.start, r.end]).collect(),
            html: s.to_html(),
        };
    }
    let mut end = text.len().min(SNIPPET_CHARS);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let fragment = &text[..end];
    Snippet {
        text: fragment.to_string(),
        highlights: Vec::new(),
        html: html_escape(fragment),
    }
}

/// Escape text for HTML content and quoted attribute values (snippets here,
/// every page of the web server).
pub fn html_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// A user's query, parsed.
struct UserQuery {
    query: Box<dyn Query>,
    /// Whether a file marker could match it (see [`may_match_markers`]).
    markers: bool,
    /// For a query of plain words: any of the words, those with all of
    /// them first (see [`relaxed`]).
    relaxed: Option<Box<dyn Query>>,
}

/// Parse the user's query into a tantivy query over the records, two-word
/// phrases on the text answered from the `pairs` field (the same records
/// and scores, see [`super::pairs`]).
#[cfg(test)]
fn parse_query(index: &Index, fields: &Fields, query: &str) -> Result<UserQuery> {
    parse_query_naming(index, fields, query, &|_| NameWord::No)
}

/// As [`parse_query`], each plain word for which `is_name` holds (a word
/// of a council's name) weighted [`NAME_WEIGHT`].
fn parse_query_naming(
    index: &Index,
    fields: &Fields,
    query: &str,
    is_name: &dyn Fn(&str) -> NameWord,
) -> Result<UserQuery> {
    let parsed = parse_user_query(index, fields, query, is_name)?;
    Ok(UserQuery {
        query: faster(stated_scores(parsed.query, fields), fields),
        markers: parsed.markers,
        relaxed: parsed
            .relaxed
            .map(|q| faster(stated_scores(q, fields), fields)),
    })
}

/// The same query, each term on a field of what a record states (decision
/// number, grade, key, carried) scoring a constant 1. Few records hold
/// these fields, so their average length is a fraction of a word and BM25
/// would score a match by them next to nothing (less than a mention in a
/// short text), and less the rarer they are.
fn stated_scores(query: Box<dyn Query>, fields: &Fields) -> Box<dyn Query> {
    map_leaves(query, &|leaf| {
        if let Some(term) = leaf.downcast_ref::<TermQuery>() {
            let field = term.term().field();
            if [fields.decision, fields.grade, fields.key, fields.carried].contains(&field) {
                return Box::new(ConstScoreQuery::new(leaf, 1.0));
            }
        }
        leaf
    })
}

/// The same boolean tree with each leaf query replaced by `f(leaf)`.
fn map_leaves(
    query: Box<dyn Query>,
    f: &dyn Fn(Box<dyn Query>) -> Box<dyn Query>,
) -> Box<dyn Query> {
    if let Some(boolean) = query.downcast_ref::<BooleanQuery>() {
        let clauses = boolean
            .clauses()
            .iter()
            .map(|(occur, q)| (*occur, map_leaves(q.box_clone(), f)))
            .collect();
        return Box::new(BooleanQuery::with_minimum_required_clauses(
            clauses,
            boolean.get_minimum_number_should_match(),
        ));
    }
    f(query)
}

/// The same query, matching the same records with the same scores, each
/// two-word phrase on the text (without slop) read from the `pairs` field
/// ([`PairQuery`]).
fn faster(query: Box<dyn Query>, fields: &Fields) -> Box<dyn Query> {
    map_leaves(query, &|leaf| {
        if let Some(phrase) = leaf.downcast_ref::<PhraseQuery>() {
            if let Some(pair) = PairQuery::of(phrase, fields) {
                return Box::new(pair);
            }
        }
        leaf
    })
}

/// The user's query as tantivy's query parser builds it.
#[cfg(test)]
fn parse_query_as_written(index: &Index, fields: &Fields, query: &str) -> Result<Box<dyn Query>> {
    parse_user_query(index, fields, query, &|_| NameWord::No).map(|q| q.query)
}

/// The user's query as tantivy's query parser builds it, and whether a
/// file marker could match it.
fn parse_user_query(
    index: &Index,
    fields: &Fields,
    query: &str,
    is_name: &dyn Fn(&str) -> NameWord,
) -> Result<UserQuery> {
    if query.trim().is_empty() {
        return Ok(UserQuery {
            query: Box::new(AllQuery),
            markers: true,
            relaxed: None,
        });
    }
    check_shape(query).map_err(IndexError::Query)?;
    let query = &apostrophes_split(query);
    let ast = match query_grammar::parse_query(query) {
        Ok(ast) => ast,
        Err(_) => return Err(IndexError::Query(syntax_message(query))),
    };
    let mut ast = rewrite(ast).map_err(IndexError::Query)?;
    // Only exclusions ("NOT draft"): exclude from everything.
    if let UserInputAst::Clause(clauses) = &mut ast {
        if !clauses.is_empty()
            && clauses
                .iter()
                .all(|(occur, _)| *occur == Some(query_grammar::Occur::MustNot))
        {
            clauses.push((
                Some(query_grammar::Occur::Must),
                UserInputAst::Leaf(Box::new(UserInputLeaf::All)),
            ));
        }
    }
    let markers = may_match_markers(&ast);
    let plain = plain_words(&ast);
    let ast = names_weighted(ast, is_name);
    let mut parser = QueryParser::for_index(index, vec![fields.text, fields.title]);
    parser.set_conjunction_by_default();
    parser.set_field_boost(fields.title, 2.0);
    let query = parser
        .build_query_from_user_input_ast(ast.clone())
        .map_err(|e| IndexError::Query(parser_message(&e)))?;
    let relaxed = if plain {
        let mut any = QueryParser::for_index(index, vec![fields.text, fields.title]);
        any.set_field_boost(fields.title, 2.0);
        let any = any
            .build_query_from_user_input_ast(ast)
            .map_err(|e| IndexError::Query(parser_message(&e)))?;
        Some(relaxed(query.box_clone(), any))
    } else {
        None
    };
    Ok(UserQuery {
        query,
        markers,
        relaxed,
    })
}

/// A word of a council's name counts for this much of a topic word: the
/// place narrows a search ("Harrow children and families performance
/// scorecard"), the topic says what is wanted, and a rare place name would
/// otherwise outweigh every topic word.
const NAME_WEIGHT: f64 = 0.5;

/// The fields a word of a council's or a body's name is also looked for
/// in, beside the text and the title: a minute of the Ayton Community
/// Council's "Planning Applications" answers "Ayton community council
/// planning applications" though its own text names neither.
const PLACE_FIELDS: [&str; 2] = [schema::COUNCIL, schema::BODY];

/// What a word of a query names, beside what it says.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NameWord {
    /// Nothing: a topic word.
    No,
    /// A word of a council's name ("Ayton", "Kent").
    Council,
    /// A word of a committee's or forum's name ("Community Council",
    /// "Schools Forum"), not of a council's.
    Body,
    /// A decision number records are filed under ("24/00093"): also
    /// looked for in the decision field, so the decision itself is found
    /// though its text prints the number apart ("DECISION NUMBER: …").
    Decision,
}

/// `ast` with each plain word that is a name ([`NameWord`]) also looked
/// for in the council and body fields ([`PLACE_FIELDS`]), a word of a
/// council's name weighted [`NAME_WEIGHT`] (a body's words are what a
/// minute's heading says, "District Council Plan", and keep their weight),
/// when some other plain word is not a name (a query of names alone is
/// left as it is: its words are in the text of the records it wants, and
/// weighting all its words the same would change no order).
fn names_weighted(ast: UserInputAst, is_name: &dyn Fn(&str) -> NameWord) -> UserInputAst {
    let ast = decisions_filed(ast, is_name);
    let plain_word = |sub: &UserInputAst| match sub {
        UserInputAst::Leaf(leaf) => match &**leaf {
            UserInputLeaf::Literal(lit)
                if lit.field_name.is_none() && lit.delimiter == query_grammar::Delimiter::None =>
            {
                Some(lit.phrase.clone())
            }
            _ => None,
        },
        _ => None,
    };
    let UserInputAst::Clause(clauses) = ast else {
        return ast;
    };
    let names: Vec<NameWord> = clauses
        .iter()
        .map(|(_, sub)| plain_word(sub).map_or(NameWord::No, |w| is_name(&w)))
        .collect();
    let topic = clauses
        .iter()
        .zip(&names)
        .any(|((_, sub), name)| *name == NameWord::No && plain_word(sub).is_some());
    if !topic || names.iter().all(|n| *n == NameWord::No) {
        return UserInputAst::Clause(clauses);
    }
    UserInputAst::Clause(
        clauses
            .into_iter()
            .zip(names)
            .map(|((occur, sub), name)| match name {
                NameWord::Council => (
                    occur,
                    UserInputAst::Boost(Box::new(in_place_fields(sub)), NAME_WEIGHT),
                ),
                NameWord::Body => (occur, in_place_fields(sub)),
                NameWord::No | NameWord::Decision => (occur, sub),
            })
            .collect(),
    )
}

/// `ast` with each plain word that is a decision number records are filed
/// under ([`NameWord::Decision`]) read as `decision:` that number: the
/// records filed under it, and below them those whose text names it.
fn decisions_filed(ast: UserInputAst, is_name: &dyn Fn(&str) -> NameWord) -> UserInputAst {
    let filed_too = |word: UserInputAst| -> UserInputAst {
        let UserInputAst::Leaf(leaf) = &word else {
            return word;
        };
        let UserInputLeaf::Literal(lit) = &**leaf else {
            return word;
        };
        if lit.field_name.is_some()
            || lit.delimiter != query_grammar::Delimiter::None
            || is_name(&lit.phrase) != NameWord::Decision
        {
            return word;
        }
        decision_ast(lit.clone())
    };
    match ast {
        UserInputAst::Clause(clauses) => UserInputAst::Clause(
            clauses
                .into_iter()
                .map(|(occur, sub)| (occur, filed_too(sub)))
                .collect(),
        ),
        leaf => filed_too(leaf),
    }
}

/// A plain word leaf, also looked for in [`PLACE_FIELDS`]: any of them.
fn in_place_fields(word: UserInputAst) -> UserInputAst {
    let UserInputAst::Leaf(leaf) = &word else {
        return word;
    };
    let UserInputLeaf::Literal(lit) = &**leaf else {
        return word;
    };
    let mut any = vec![(Some(query_grammar::Occur::Should), word.clone())];
    for field in PLACE_FIELDS {
        let mut fielded = lit.clone();
        fielded.field_name = Some(field.to_string());
        any.push((
            Some(query_grammar::Occur::Should),
            UserInputAst::Leaf(Box::new(UserInputLeaf::Literal(fielded))),
        ));
    }
    UserInputAst::Clause(any)
}

/// What `word` (as typed) names in the index: a decision number when it
/// holds a digit and is a term of the decision field, else a council when
/// each of its parts is a term of the council field, else a body when
/// each is a term of the body field.
fn council_word(searcher: &tantivy::Searcher, fields: &Fields, word: &str) -> NameWord {
    let filed = Term::from_field_text(fields.decision, &fold_decision_number(word));
    if word.chars().any(|c| c.is_ascii_digit()) && searcher.doc_freq(&filed).is_ok_and(|n| n > 0) {
        return NameWord::Decision;
    }
    let lower = word.to_lowercase();
    let parts: Vec<&str> = lower
        .split(|c: char| !c.is_alphanumeric())
        .filter(|p| !p.is_empty())
        .collect();
    let in_field = |field| {
        !parts.is_empty()
            && parts.iter().all(|p| {
                let term = Term::from_field_text(field, p);
                searcher.doc_freq(&term).is_ok_and(|n| n > 0)
            })
    };
    if in_field(fields.council) {
        NameWord::Council
    } else if in_field(fields.body) {
        NameWord::Body
    } else {
        NameWord::No
    }
}

/// Whether a query is two or more plain words (no field, no operator, no
/// quotes): what people type, and what may be relaxed when no record
/// holds every word.
fn plain_words(ast: &UserInputAst) -> bool {
    let UserInputAst::Clause(clauses) = ast else {
        return false;
    };
    clauses.len() >= 2
        && clauses.iter().all(|(occur, sub)| {
            occur.is_none()
                && matches!(sub, UserInputAst::Leaf(leaf) if matches!(&**leaf,
                    UserInputLeaf::Literal(lit) if lit.field_name.is_none()
                        && lit.delimiter == query_grammar::Delimiter::None))
        })
}

/// Any of the words (`any`), records with all of them (`all`) scoring
/// twice: asked for when fewer records than are folded hold every word of a
/// plain query ("who voted against the budget amendment": no record says
/// "who").
fn relaxed(all: Box<dyn Query>, any: Box<dyn Query>) -> Box<dyn Query> {
    Box::new(BooleanQuery::new(vec![
        (Occur::Should, all),
        (Occur::Should, any),
    ]))
}

/// Whether a query (its fields named as the schema names them) could match
/// a file marker, which holds only a path, a SHA-256 and what the user
/// cannot name. A query that needs any other field cannot: not a word on
/// the default fields (text, title), a kind, a date. When unsure, it could.
fn may_match_markers(ast: &UserInputAst) -> bool {
    let marker_field = |f: &str| f == schema::PATH || f == schema::SHA256;
    match ast {
        UserInputAst::Leaf(leaf) => match &**leaf {
            UserInputLeaf::Literal(lit) => lit.field_name.as_deref().is_some_and(marker_field),
            UserInputLeaf::Range { field, .. } | UserInputLeaf::Set { field, .. } => {
                field.as_deref().is_some_and(marker_field)
            }
            UserInputLeaf::Exists { field } => marker_field(field),
            UserInputLeaf::All => true,
        },
        UserInputAst::Boost(sub, _) => may_match_markers(sub),
        UserInputAst::Clause(clauses) => {
            use query_grammar::Occur as O;
            // A required clause no marker matches excludes markers; so do
            // optional ones none of which a marker matches, when nothing is
            // required. An unmarked clause counts as optional, the weaker
            // reading (it is required by default here).
            if clauses
                .iter()
                .any(|(o, c)| *o == Some(O::Must) && !may_match_markers(c))
            {
                return false;
            }
            let required = clauses.iter().any(|(o, _)| *o == Some(O::Must));
            let optional: Vec<&UserInputAst> = clauses
                .iter()
                .filter(|(o, _)| matches!(o, None | Some(O::Should)))
                .map(|(_, c)| c)
                .collect();
            required || optional.is_empty() || optional.iter().any(|c| may_match_markers(c))
        }
    }
}

/// Brackets nested deeper than this are refused: the query grammar's time
/// grows exponentially with nesting (20 levels take seconds, 30 hours).
const MAX_NESTING: usize = 10;
/// Longer queries are refused (a pasted document is not a query).
const MAX_QUERY_CHARS: usize = 10_000;

/// Refuse queries whose size or bracket nesting would take the parser
/// unreasonably long, before it sees them.
/// The query with each apostrophe inside a word ("Scotland's",
/// "council’s") made a space: the query grammar reads `'` as a quote, and
/// the index splits words there anyway ("scotland", "s").
fn apostrophes_split(query: &str) -> String {
    let chars: Vec<char> = query.chars().collect();
    chars
        .iter()
        .enumerate()
        .map(|(i, &c)| {
            let inside = i > 0
                && chars[i - 1].is_alphanumeric()
                && chars.get(i + 1).is_some_and(|n| n.is_alphanumeric());
            if (c == '\'' || c == '\u{2019}') && inside {
                ' '
            } else {
                c
            }
        })
        .collect()
}

fn check_shape(query: &str) -> std::result::Result<(), String> {
    if query.chars().count() > MAX_QUERY_CHARS {
        return Err(format!(
            "the query is longer than {MAX_QUERY_CHARS} characters"
        ));
    }
    let (mut depth, mut deepest, mut quoted) = (0usize, 0usize, false);
    for c in query.chars() {
        match c {
            '"' => quoted = !quoted,
            '(' if !quoted => {
                depth += 1;
                deepest = deepest.max(depth);
            }
            ')' if !quoted => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    if deepest > MAX_NESTING {
        return Err(format!(
            "brackets nest {deepest} deep; at most {MAX_NESTING} levels are read"
        ));
    }
    Ok(())
}

/// Where and why a query is not in the syntax, in one line.
fn syntax_message(query: &str) -> String {
    let (_, errors) = query_grammar::parse_query_lenient(query);
    match errors.first() {
        Some(e) => {
            let at: String = query.chars().skip(e.pos).take(20).collect();
            if at.is_empty() {
                format!("{} at the end of {query:?}", e.message)
            } else {
                format!("{} at {at:?} in {query:?}", e.message)
            }
        }
        None => format!("cannot read {query:?} (check quotes, brackets and AND/OR/NOT)"),
    }
}

fn parser_message(e: &QueryParserError) -> String {
    match e {
        QueryParserError::FieldDoesNotHavePositionsIndexed(f) => {
            format!("field '{f}' takes single values, not \"phrases\"")
        }
        QueryParserError::ExpectedInt(_) => "page: takes a number, e.g. page:5".into(),
        QueryParserError::DateFormatError(_) => {
            "dates are written YYYY, YYYY-MM or YYYY-MM-DD".into()
        }
        QueryParserError::AllButQueryForbidden => {
            "the query only excludes: add something to look for, e.g. budget NOT draft".into()
        }
        e => e.to_string().to_lowercase(),
    }
}

/// The friendly field name -> the schema's field name.
fn canonical_field(name: &str) -> std::result::Result<&'static str, String> {
    Ok(match name.to_ascii_lowercase().as_str() {
        "text" => schema::TEXT,
        "title" => schema::TITLE,
        "kind" => schema::KIND,
        "body" | "committee" | "forum" => schema::BODY,
        "council" => schema::COUNCIL,
        "type" | "doc_type" | "doctype" | "document_type" => schema::DOC_TYPE,
        "date" | "year" => schema::DATE,
        "path" | "file" => schema::PATH,
        "page" => schema::PAGE,
        "page_label" | "label" => schema::PAGE_LABEL,
        "id" => schema::ID,
        "sha256" | "sha" => schema::SHA256,
        "decision" | "decision_number" | "decision_no" => schema::DECISION,
        "grade" => schema::GRADE,
        "key" | "key_decision" => schema::KEY,
        "carried" => schema::CARRIED,
        _ => {
            let names: Vec<&str> = QUERY_FIELDS.iter().map(|(n, _)| *n).collect();
            return Err(format!(
                "unknown field '{name}' (fields: {})",
                names.join(", ")
            ));
        }
    })
}

/// Map field aliases, lowercase exact-valued fields, and turn dates into ranges.
fn rewrite(ast: UserInputAst) -> std::result::Result<UserInputAst, String> {
    Ok(match ast {
        UserInputAst::Clause(clauses) => {
            let mut out = Vec::with_capacity(clauses.len());
            for (occur, sub) in clauses {
                out.push((occur, rewrite(sub)?));
            }
            UserInputAst::Clause(out)
        }
        UserInputAst::Boost(sub, boost) => UserInputAst::Boost(Box::new(rewrite(*sub)?), boost),
        UserInputAst::Leaf(leaf) => match *leaf {
            UserInputLeaf::Literal(lit)
                if lit
                    .field_name
                    .as_deref()
                    .is_some_and(|f| canonical_field(f) == Ok(schema::DECISION)) =>
            {
                decision_ast(lit)
            }
            leaf => UserInputAst::Leaf(Box::new(rewrite_leaf(leaf)?)),
        },
    })
}

fn rewrite_leaf(leaf: UserInputLeaf) -> std::result::Result<UserInputLeaf, String> {
    Ok(match leaf {
        UserInputLeaf::Literal(mut lit) => {
            let Some(name) = lit.field_name.take() else {
                return Ok(UserInputLeaf::Literal(lit));
            };
            let field = canonical_field(&name)?;
            if field == schema::DATE {
                let (start, end) = period(&lit.phrase)?;
                return Ok(UserInputLeaf::Range {
                    field: Some(field.to_string()),
                    lower: UserInputBound::Inclusive(rfc3339(start)),
                    upper: UserInputBound::Exclusive(rfc3339(end)),
                });
            }
            lit.phrase = fold_value(field, &lit.phrase)?;
            lit.field_name = Some(field.to_string());
            UserInputLeaf::Literal(lit)
        }
        UserInputLeaf::Range { field: None, .. } => {
            return Err("a range needs a field, e.g. date:[2015 TO 2016]".into())
        }
        UserInputLeaf::Range {
            field: Some(name),
            lower,
            upper,
        } => {
            let field = canonical_field(&name)?;
            if field != schema::DATE {
                return Ok(UserInputLeaf::Range {
                    field: Some(field.to_string()),
                    lower,
                    upper,
                });
            }
            let lower = match lower {
                UserInputBound::Inclusive(s) => UserInputBound::Inclusive(rfc3339(period(&s)?.0)),
                UserInputBound::Exclusive(s) => UserInputBound::Inclusive(rfc3339(period(&s)?.1)),
                UserInputBound::Unbounded => UserInputBound::Unbounded,
            };
            let upper = match upper {
                UserInputBound::Inclusive(s) => UserInputBound::Exclusive(rfc3339(period(&s)?.1)),
                UserInputBound::Exclusive(s) => UserInputBound::Exclusive(rfc3339(period(&s)?.0)),
                UserInputBound::Unbounded => UserInputBound::Unbounded,
            };
            UserInputLeaf::Range {
                field: Some(field.to_string()),
                lower,
                upper,
            }
        }
        UserInputLeaf::Set { field, elements } => {
            let field = match field {
                Some(name) => Some(canonical_field(&name)?),
                None => None,
            };
            if field == Some(schema::DATE) {
                return Err("dates take a range, e.g. date:[2015 TO 2016], not IN [...]".into());
            }
            let elements = match field {
                Some(f) => elements
                    .into_iter()
                    .map(|e| fold_value(f, &e))
                    .collect::<std::result::Result<Vec<String>, String>>()?,
                None => elements,
            };
            UserInputLeaf::Set {
                field: field.map(str::to_string),
                elements,
            }
        }
        UserInputLeaf::Exists { field } => UserInputLeaf::Exists {
            field: canonical_field(&field)?.to_string(),
        },
        UserInputLeaf::All => UserInputLeaf::All,
    })
}

/// A value typed for an exact-valued field, as the index files it: kinds
/// and types in lower case, decision numbers and grades folded (see
/// `super::decided`), yes/no for key and carried.
fn fold_value(field: &str, value: &str) -> std::result::Result<String, String> {
    Ok(match field {
        schema::KIND | schema::DOC_TYPE => value.to_lowercase(),
        schema::DECISION => fold_decision_number(value),
        schema::GRADE => fold_grade(value),
        schema::KEY | schema::CARRIED => match yes_no(value) {
            Some(b) => yes_no_term(b).to_string(),
            None => return Err(format!("{field}: takes yes or no, not {value:?}")),
        },
        _ => value.to_string(),
    })
}

/// How much a decision number's mention in a record's text weighs against
/// the record being filed under it.
const MENTION_WEIGHT: f64 = 0.05;

/// `decision:N`: the records filed under decision number N, and, ranked
/// below them, those whose text names it (an agenda item or minute that
/// mentions the decision without the field).
fn decision_ast(lit: query_grammar::UserInputLiteral) -> UserInputAst {
    let filed = UserInputAst::Leaf(Box::new(UserInputLeaf::Literal(
        query_grammar::UserInputLiteral {
            field_name: Some(schema::DECISION.to_string()),
            phrase: fold_decision_number(&lit.phrase),
            delimiter: query_grammar::Delimiter::None,
            slop: 0,
            prefix: false,
        },
    )));
    let named = UserInputAst::Leaf(Box::new(UserInputLeaf::Literal(
        query_grammar::UserInputLiteral {
            field_name: Some(schema::TEXT.to_string()),
            phrase: lit.phrase,
            delimiter: query_grammar::Delimiter::DoubleQuotes,
            slop: 0,
            prefix: false,
        },
    )));
    // A mention counts for a twentieth of what it would: a short table row
    // naming the number would otherwise outrank the decision itself.
    let should = Some(query_grammar::Occur::Should);
    UserInputAst::Clause(vec![
        (should, filed),
        (should, UserInputAst::Boost(Box::new(named), MENTION_WEIGHT)),
    ])
}

/// A period written YYYY, YYYY-MM or YYYY-MM-DD: its first day and the day after its last.
pub fn period(s: &str) -> std::result::Result<(Date, Date), String> {
    let bad = || format!("dates are written YYYY, YYYY-MM or YYYY-MM-DD, not {s:?}");
    let s = s.trim();
    let parts: Vec<&str> = s.split('-').collect();
    let num = |p: &str, len: usize| -> Option<u32> {
        if p.len() == len && p.bytes().all(|b| b.is_ascii_digit()) {
            p.parse().ok()
        } else {
            None
        }
    };
    let year = parts.first().and_then(|p| num(p, 4)).ok_or_else(bad)? as i32;
    let next_year = Date {
        year: year + 1,
        month: 1,
        day: 1,
    };
    match parts.len() {
        1 => Ok((
            Date {
                year,
                month: 1,
                day: 1,
            },
            next_year,
        )),
        2 => {
            let month = num(parts[1], 2)
                .filter(|m| (1..=12).contains(m))
                .ok_or_else(bad)?;
            let end = if month == 12 {
                next_year
            } else {
                Date {
                    year,
                    month: month + 1,
                    day: 1,
                }
            };
            Ok((
                Date {
                    year,
                    month,
                    day: 1,
                },
                end,
            ))
        }
        3 => {
            let d = schema::parse_date(s).ok_or_else(bad)?;
            let end = if d.day < schema::days_in_month(d.year, d.month) {
                Date {
                    day: d.day + 1,
                    ..d
                }
            } else if d.month < 12 {
                Date {
                    year: d.year,
                    month: d.month + 1,
                    day: 1,
                }
            } else {
                next_year
            };
            Ok((d, end))
        }
        _ => Err(bad()),
    }
}

fn rfc3339(d: Date) -> String {
    format!("{:04}-{:02}-{:02}T00:00:00Z", d.year, d.month, d.day)
}

/// The user's query, restricted to records and to the request's filters;
/// `markers`: whether a file marker could match the query.
fn with_filters(
    index: &Index,
    fields: &Fields,
    tables: Option<&Tables>,
    query: Box<dyn Query>,
    markers: bool,
    req: &SearchRequest,
) -> Result<Box<dyn Query>> {
    let term = |field, value: &str| -> Box<dyn Query> {
        Box::new(TermQuery::new(
            Term::from_field_text(field, value),
            IndexRecordOption::Basic,
        ))
    };
    // Records are the entries that are not file markers. Excluding the
    // few markers costs a look at a short list per match; requiring the
    // record term, held by nearly every entry, cost a seek in a long one
    // per match (half a common word's search) and added the same tiny
    // score to every match.
    let mut clauses: Vec<(Occur, Box<dyn Query>)> = vec![(Occur::Must, query)];
    if !req.kind.is_empty() {
        let mut any = Vec::new();
        for k in &req.kind {
            let k = k.trim().to_lowercase();
            if !grammars::KINDS.contains(&k.as_str()) {
                return Err(IndexError::Request(format!(
                    "unknown record kind '{k}' (kinds: {})",
                    grammars::KINDS.join(", ")
                )));
            }
            any.push((Occur::Should, term(fields.kind, &k)));
        }
        clauses.push((Occur::Must, Box::new(BooleanQuery::new(any))));
    }
    if let Some(t) = &req.doc_type {
        let t = t.trim().to_lowercase().replace([' ', '-'], "_");
        if !DocType::ALL.iter().any(|d| d.as_str() == t) {
            return Err(IndexError::Request(format!(
                "unknown document type '{t}' (types: {})",
                DocType::ALL.map(DocType::as_str).join(", ")
            )));
        }
        clauses.push((Occur::Must, term(fields.doc_type, &t)));
    }
    for (field, words, flag) in [
        (fields.body, &req.body, "--body"),
        (fields.council, &req.council, "--council"),
    ] {
        if let Some(words) = words {
            clauses.push((Occur::Must, words_query(index, field, words, flag)?));
        }
    }
    if let Some(n) = &req.decision {
        let folded = fold_decision_number(n);
        if folded.is_empty() {
            return Err(IndexError::Request("--decision needs a number".into()));
        }
        let named = words_query(index, fields.text, n, "--decision")?;
        clauses.push((
            Occur::Must,
            Box::new(BooleanQuery::new(vec![
                (Occur::Should, term(fields.decision, &folded)),
                (Occur::Should, named),
            ])),
        ));
    }
    if let Some(g) = &req.grade {
        let folded = fold_grade(g);
        if folded.is_empty() {
            return Err(IndexError::Request("--grade needs a word to match".into()));
        }
        clauses.push((Occur::Must, term(fields.grade, &folded)));
    }
    for (field, value, flag) in [
        (fields.key, &req.key, "--key"),
        (fields.carried, &req.carried, "--carried"),
    ] {
        if let Some(v) = value {
            let Some(b) = yes_no(v) else {
                return Err(IndexError::Request(format!(
                    "{flag} takes yes or no, not {v:?}"
                )));
            };
            clauses.push((Occur::Must, term(field, yes_no_term(b))));
        }
    }
    let since = match &req.since {
        Some(s) => Bound::Included(period(s).map_err(IndexError::Request)?.0),
        None => Bound::Unbounded,
    };
    let until = match &req.until {
        Some(s) => Bound::Excluded(period(s).map_err(IndexError::Request)?.1),
        None => Bound::Unbounded,
    };
    if !matches!((&since, &until), (Bound::Unbounded, Bound::Unbounded)) {
        let date_term = |d: Date| Term::from_field_date_for_search(fields.date, d.to_datetime());
        let range = RangeQuery::new(since.map(date_term), until.map(date_term));
        let at_precision = |d: Date| {
            d.to_datetime()
                .truncate(tantivy::schema::DateTimePrecision::Seconds)
        };
        let filter: Box<dyn Query> = match tables {
            Some(tables) => Box::new(DateFilter::new(
                tables.clone(),
                since.map(at_precision),
                until.map(at_precision),
                range,
            )),
            None => Box::new(range),
        };
        clauses.push((Occur::Must, filter));
    }
    // Every filter needs a field markers lack; so may the query. Else
    // exclude them (a look at a short list per match: a tenth of a common
    // word's search, spared when they cannot match). The scores are the
    // same either way.
    if markers && clauses.len() == 1 {
        clauses.push((Occur::MustNot, term(fields.entry, schema::ENTRY_FILE)));
    }
    Ok(Box::new(BooleanQuery::new(clauses)))
}

/// The query from [`with_filters`], its user's query read by windows when
/// it is made of words ([`WindowQuery`]) and stands beside at most one
/// filter (so the size it reports cannot change the order tantivy sums
/// the clauses' scores in); every record beside one filter, the filter
/// alone ([`PlusOne`]).
fn windowed(query: Box<dyn Query>, fields: &Fields) -> Box<dyn Query> {
    let Some(boolean) = query.downcast_ref::<BooleanQuery>() else {
        return query;
    };
    let clauses = boolean.clauses();
    let positive = clauses.iter().filter(|(o, _)| *o != Occur::MustNot).count();
    let Some((Occur::Must, user)) = clauses.first() else {
        return query;
    };
    if positive > 2 {
        return query;
    }
    // Every record and one filter: the filter, scored one more.
    if let [_, (Occur::Must, filter)] = clauses {
        if user.downcast_ref::<AllQuery>().is_some() {
            return Box::new(PlusOne(filter.box_clone()));
        }
    }
    let Some(window) = WindowQuery::rewrite(&**user, fields.text, fields.title) else {
        return query;
    };
    let mut rebuilt = vec![(Occur::Must, window)];
    rebuilt.extend(clauses.iter().skip(1).map(|(o, q)| (*o, q.box_clone())));
    Box::new(BooleanQuery::with_minimum_required_clauses(
        rebuilt,
        boolean.get_minimum_number_should_match(),
    ))
}

/// Records whose `field` holds these words in this order (case-insensitive).
fn words_query(
    index: &Index,
    field: tantivy::schema::Field,
    words: &str,
    flag: &str,
) -> Result<Box<dyn Query>> {
    let mut analyzer = index
        .tokenizer_for_field(field)
        .map_err(|e| tantivy_err(Path::new(""), e))?;
    let mut stream = analyzer.token_stream(words);
    let mut terms = Vec::new();
    while let Some(token) = stream.next() {
        terms.push(Term::from_field_text(field, &token.text));
    }
    match terms.len() {
        0 => Err(IndexError::Request(format!("{flag} needs a word to match"))),
        1 => Ok(Box::new(TermQuery::new(
            terms.remove(0),
            IndexRecordOption::Basic,
        ))),
        _ => Ok(Box::new(PhraseQuery::new(terms))),
    }
}

#[cfg(test)]
mod tests;

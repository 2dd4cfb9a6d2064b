//! The index schema: the one place index field names live, and the mapping
//! from a record (its JSON, as `extract` prints it) to a tantivy document.
//!
//! Two sorts of entries share the index: one per record, and one marker per
//! indexed file holding its SHA-256 (what makes `agendex index` incremental).
//! Both carry the file's `path`, so deleting that one term drops a file's
//! records and its marker together. Owns no I/O and no query logic.

use super::decided::{grade_terms, yes_no_term, Decided};
use crate::record::OutRecord;
use tantivy::schema::{
    DateOptions, DateTimePrecision, Facet, FacetOptions, Field, IndexRecordOption, NumericOptions,
    Schema, TextFieldIndexing, TextOptions, FAST, INDEXED, STORED, STRING,
};
use tantivy::{DateTime, TantivyDocument};

/// What an entry is: a record, or the marker of an indexed file.
pub const ENTRY: &str = "entry";
pub const ENTRY_RECORD: &str = "record";
pub const ENTRY_FILE: &str = "file";

pub const ID: &str = "id";
pub const KIND: &str = "kind";
/// The record's full text: English stemming, positions for phrases.
pub const TEXT: &str = "text";
pub const TITLE: &str = "title";
/// Each two adjacent words of the text, stemmed, as one term ("school
/// forum"), with its count per record: a two-word phrase on the text is
/// one term here (see `super::pairs`). Not searchable by name.
pub const PAIRS: &str = "pairs";
/// The committee or forum.
pub const BODY: &str = "body";
pub const COUNCIL: &str = "council";
/// The document type (agenda, minutes, officer_report …).
pub const DOC_TYPE: &str = "type";
pub const DATE: &str = "date";
pub const PATH: &str = "path";
pub const PAGE: &str = "page";
pub const PAGE_LABEL: &str = "page_label";
pub const SHA256: &str = "sha256";
/// The record's position among its file's records, so exports keep document order.
pub const ORD: &str = "ord";
/// The whole record as JSON, stored for display and export.
pub const RECORD: &str = "record";
/// The decision number a record carries, folded (see `super::decided`).
pub const DECISION: &str = "decision";
/// A judgement's grade, folded: each of its first words, first two …, all.
pub const GRADE: &str = "grade";
/// Whether a decision is a key decision: `yes` or `no`, where stated.
pub const KEY: &str = "key";
/// Whether a motion was carried: `yes` or `no`, where stated.
pub const CARRIED: &str = "carried";
/// Facets: `/kind/<k>`, `/body/<b>`, `/council/<c>`, `/type/<t>`,
/// `/year/<yyyy>`, and `/decided/<parts>` where a record states whether it
/// is a key decision, was carried or what grade it is (see
/// [`decided_facet`]).
pub const FACETS: &str = "facets";
/// On file markers: how many records the file gave.
pub const RECORDS: &str = "records";
/// On file markers: the agendex that parsed the file (see [`parser_version`]).
pub const VERSION: &str = "version";
/// The record's content signature, stored: band hashes of a MinHash of
/// its text (see `super::signature`), to fold the same text found in
/// several files into one result.
pub const SIGNATURE: &str = "signature";
/// Where a record stands among records that score the same, a fast field:
/// see [`order_key`]. The search collector breaks ties by it, so a search
/// runs once and reads only the records it shows.
pub const ORDER: &str = "order";

/// What parsed a file: the program's version, the record schema's and the
/// content signatures'. A file parsed by another version is parsed again,
/// even when unchanged.
pub fn parser_version() -> String {
    format!(
        "agendex {} records {} signature {}",
        env!("CARGO_PKG_VERSION"),
        crate::record::SCHEMA_VERSION,
        super::signature::VERSION
    )
}

/// What made a file's entries when they came from records (`agendex index
/// --records`) rather than from parsing the file: the records themselves,
/// by the SHA-256 of their JSON. The same records again are unchanged;
/// records made by another extraction are written again; and `agendex
/// index` over the papers parses such a file again, not knowing what
/// parsed it.
pub fn records_version(records_sha256: &str) -> String {
    format!("records sha256:{records_sha256}")
}

/// Facet roots, in the order they are shown.
pub const FACET_KIND: &str = "kind";
pub const FACET_BODY: &str = "body";
pub const FACET_COUNCIL: &str = "council";
pub const FACET_TYPE: &str = "type";
pub const FACET_YEAR: &str = "year";
/// Decision number, key decision, carried and grade share one facet root, so the per
/// segment facet tables keep one more column, not three: a record's value
/// names each it states (`key=yes`, `carried=no;key=yes`, `grade=good`),
/// and the counts are split per part when shown.
pub const FACET_DECIDED: &str = "decided";
/// The parts of a `decided` facet value, and what separates them.
pub const DECIDED_DECISION: &str = "decision";
pub const DECIDED_KEY: &str = "key";
pub const DECIDED_CARRIED: &str = "carried";
pub const DECIDED_GRADE: &str = "grade";
pub const DECIDED_SEPARATOR: char = ';';

/// Tokenizer of the stemmed fields (registered by tantivy by default;
/// agendex registers its own, see `super::stem`).
pub(crate) const STEMMED: &str = "en_stem";
/// Tokenizer of names (bodies, councils): lowercased words, no stemming.
const WORDS: &str = "default";

/// Field handles of the schema.
#[derive(Debug, Clone)]
pub struct Fields {
    pub entry: Field,
    pub id: Field,
    pub kind: Field,
    pub text: Field,
    pub title: Field,
    pub pairs: Field,
    pub body: Field,
    pub council: Field,
    pub doc_type: Field,
    pub date: Field,
    pub path: Field,
    pub page: Field,
    pub page_label: Field,
    pub sha256: Field,
    pub ord: Field,
    pub record: Field,
    pub facets: Field,
    pub records: Field,
    pub version: Field,
    pub decision: Field,
    pub grade: Field,
    pub key: Field,
    pub carried: Field,
    /// Absent in an index built before signatures: nothing is folded by
    /// content there.
    pub signature: Option<Field>,
    pub order: Field,
}

fn words(tokenizer: &str) -> TextOptions {
    TextOptions::default().set_indexing_options(
        TextFieldIndexing::default()
            .set_tokenizer(tokenizer)
            .set_index_option(IndexRecordOption::WithFreqsAndPositions),
    )
}

/// Bits of an [`order_key`] that hold the record's place in its file.
const ORDER_PLACE_BITS: u32 = 20;

/// Where a record stands among records that score the same: its file (a
/// fixed hash of the file's path, so the order does not depend on how or
/// in what order the index was built), then its place in the file (`ord`;
/// places past 2^20 share the last). Lower comes first.
pub fn order_key(path: &str, ord: u64) -> u64 {
    const PLACE_MAX: u64 = (1 << ORDER_PLACE_BITS) - 1;
    let file = super::signature::fnv_hash(path.as_bytes());
    (file >> ORDER_PLACE_BITS << ORDER_PLACE_BITS) | ord.min(PLACE_MAX)
}

/// The schema every agendex index is built with.
pub fn build() -> Schema {
    let mut b = Schema::builder();
    b.add_text_field(ENTRY, STRING);
    b.add_text_field(ID, STRING | STORED);
    b.add_text_field(KIND, STRING);
    b.add_text_field(TEXT, words(STEMMED));
    b.add_text_field(TITLE, words(STEMMED));
    // Counts without positions or lengths: a pair's score takes the
    // text's length, as a phrase on the text does.
    b.add_text_field(
        PAIRS,
        TextOptions::default().set_indexing_options(
            TextFieldIndexing::default()
                .set_tokenizer(super::stem::PAIRS)
                .set_index_option(IndexRecordOption::WithFreqs)
                .set_fieldnorms(false),
        ),
    );
    b.add_text_field(BODY, words(WORDS));
    b.add_text_field(COUNCIL, words(WORDS));
    b.add_text_field(DOC_TYPE, STRING);
    b.add_date_field(
        DATE,
        DateOptions::default()
            .set_indexed()
            .set_fast()
            .set_precision(DateTimePrecision::Seconds),
    );
    b.add_text_field(PATH, STRING | STORED);
    b.add_u64_field(PAGE, NumericOptions::default().set_indexed().set_stored());
    b.add_text_field(PAGE_LABEL, STRING);
    b.add_text_field(SHA256, STRING | STORED);
    b.add_u64_field(ORD, STORED | FAST);
    b.add_text_field(RECORD, STORED);
    b.add_facet_field(FACETS, FacetOptions::default());
    b.add_u64_field(RECORDS, STORED | INDEXED);
    b.add_text_field(VERSION, STRING | STORED);
    b.add_text_field(DECISION, STRING);
    b.add_text_field(GRADE, STRING);
    b.add_text_field(KEY, STRING);
    b.add_text_field(CARRIED, STRING);
    b.add_u64_field(SIGNATURE, STORED);
    b.add_u64_field(ORDER, FAST);
    b.build()
}

impl Fields {
    /// Resolve the handles; fails when the index was built with another schema.
    pub fn of(schema: &Schema) -> tantivy::Result<Fields> {
        let f = |name: &str| schema.get_field(name);
        Ok(Fields {
            entry: f(ENTRY)?,
            id: f(ID)?,
            kind: f(KIND)?,
            text: f(TEXT)?,
            title: f(TITLE)?,
            pairs: f(PAIRS)?,
            body: f(BODY)?,
            council: f(COUNCIL)?,
            doc_type: f(DOC_TYPE)?,
            date: f(DATE)?,
            path: f(PATH)?,
            page: f(PAGE)?,
            page_label: f(PAGE_LABEL)?,
            sha256: f(SHA256)?,
            ord: f(ORD)?,
            record: f(RECORD)?,
            facets: f(FACETS)?,
            records: f(RECORDS)?,
            version: f(VERSION)?,
            decision: f(DECISION)?,
            grade: f(GRADE)?,
            key: f(KEY)?,
            carried: f(CARRIED)?,
            signature: schema.get_field(SIGNATURE).ok(),
            order: f(ORDER)?,
        })
    }

    /// The document for one record; `ord` is its position in its file.
    pub fn record_doc(&self, r: &OutRecord, json: &str, ord: u64) -> TantivyDocument {
        let mut d = TantivyDocument::new();
        d.add_text(self.entry, ENTRY_RECORD);
        d.add_text(self.id, &r.id);
        d.add_text(self.kind, &r.kind);
        d.add_text(self.text, &r.text);
        d.add_text(self.pairs, &r.text);
        let doc = &r.document;
        let doc_type = doc.doc_type.as_str();
        d.add_text(self.doc_type, doc_type);
        d.add_facet(self.facets, Facet::from_path([FACET_KIND, r.kind.as_str()]));
        d.add_facet(self.facets, Facet::from_path([FACET_TYPE, doc_type]));
        if let Some(t) = record_title(r) {
            d.add_text(self.title, t);
        }
        if let Some(who) = record_maker(r) {
            d.add_text(self.title, who);
        }
        if let Some(b) = non_empty(&doc.body) {
            d.add_text(self.body, b);
            d.add_facet(self.facets, Facet::from_path([FACET_BODY, b]));
        }
        if let Some(c) = non_empty(&doc.council) {
            d.add_text(self.council, c);
            d.add_facet(self.facets, Facet::from_path([FACET_COUNCIL, c]));
        }
        if let Some(date) = record_date(r) {
            d.add_date(self.date, date.to_datetime());
            let year = format!("{:04}", date.year);
            d.add_facet(self.facets, Facet::from_path([FACET_YEAR, year.as_str()]));
        }
        d.add_text(self.path, &r.source.path);
        d.add_u64(self.page, u64::from(r.source.page));
        if let Some(l) = non_empty(&r.source.page_label) {
            d.add_text(self.page_label, l);
        }
        d.add_text(self.sha256, &r.source.sha256);
        d.add_u64(self.ord, ord);
        d.add_u64(self.order, order_key(&r.source.path, ord));
        d.add_text(self.record, json);
        self.add_decided(&mut d, &Decided::of_json(&r.kind, json));
        if let Some(field) = self.signature {
            for band in super::signature::bands(&r.text) {
                d.add_u64(field, band);
            }
        }
        d
    }

    /// File a record by what it says was decided.
    fn add_decided(&self, d: &mut TantivyDocument, decided: &Decided) {
        if let Some(n) = &decided.decision_number {
            d.add_text(self.decision, n);
        }
        for (field, value) in [(self.key, decided.key), (self.carried, decided.carried)] {
            if let Some(b) = value {
                d.add_text(field, yes_no_term(b));
            }
        }
        if let Some(g) = &decided.grade {
            for term in grade_terms(g) {
                d.add_text(self.grade, &term);
            }
        }
        if let Some(value) = decided_facet(decided) {
            d.add_facet(
                self.facets,
                Facet::from_path([FACET_DECIDED, value.as_str()]),
            );
        }
    }

    /// The marker of an indexed file, parsed by `version`.
    pub fn file_doc(
        &self,
        path: &str,
        sha256: &str,
        records: u64,
        version: &str,
    ) -> TantivyDocument {
        let mut d = TantivyDocument::new();
        d.add_text(self.entry, ENTRY_FILE);
        d.add_text(self.path, path);
        d.add_text(self.sha256, sha256);
        d.add_u64(self.records, records);
        d.add_text(self.version, version);
        d
    }
}

/// The `decided` facet value of a record: the parts it states, in a fixed
/// order (`carried`, `decision`, `grade`, `key`), or none.
pub fn decided_facet(decided: &Decided) -> Option<String> {
    let mut parts = Vec::new();
    if let Some(b) = decided.carried {
        parts.push(format!("{DECIDED_CARRIED}={}", yes_no_term(b)));
    }
    if let Some(n) = &decided.decision_number {
        // The separators cannot be in a part's value.
        let n: String = n
            .chars()
            .filter(|c| *c != DECIDED_SEPARATOR && *c != '=')
            .collect();
        parts.push(format!("{DECIDED_DECISION}={n}"));
    }
    if let Some(g) = &decided.grade {
        parts.push(format!("{DECIDED_GRADE}={g}"));
    }
    if let Some(b) = decided.key {
        parts.push(format!("{DECIDED_KEY}={}", yes_no_term(b)));
    }
    (!parts.is_empty()).then(|| parts.join(&DECIDED_SEPARATOR.to_string()))
}

/// The (part, value) pairs of a `decided` facet value.
pub fn decided_parts(value: &str) -> impl Iterator<Item = (&str, &str)> {
    value
        .split(DECIDED_SEPARATOR)
        .filter_map(|part| part.split_once('='))
}

/// The date a record is filed under: its document's, else the meeting's
/// or its own (`meeting_date`, `date` among its fields).
pub fn record_date(r: &OutRecord) -> Option<Date> {
    if let Some(d) = r.document.date.as_deref().and_then(parse_iso_date) {
        return Some(d);
    }
    let fields = serde_json::to_value(&r.fields).ok()?;
    ["meeting_date", "date"]
        .iter()
        .find_map(|k| fields.get(k)?.as_str().and_then(parse_iso_date))
}

/// An ISO 8601 date, also with only a year and month (`2015-03`) or a year
/// (`2015`): then its first day.
pub fn parse_iso_date(s: &str) -> Option<Date> {
    if let Some(d) = parse_date(s) {
        return Some(d);
    }
    let s = s.trim();
    let year = s
        .get(0..4)
        .filter(|y| y.bytes().all(|b| b.is_ascii_digit()))?
        .parse::<i32>()
        .ok()?;
    match s.len() {
        4 => Some(Date {
            year,
            month: 1,
            day: 1,
        }),
        7 if s.get(4..5) == Some("-") => {
            let month = s
                .get(5..7)
                .filter(|m| m.bytes().all(|b| b.is_ascii_digit()))?
                .parse::<u32>()
                .ok()
                .filter(|m| (1..=12).contains(m))?;
            Some(Date {
                year,
                month,
                day: 1,
            })
        }
        _ => None,
    }
}

fn non_empty(s: &Option<String>) -> Option<&str> {
    s.as_deref().map(str::trim).filter(|s| !s.is_empty())
}

/// A calendar date, as records carry it (ISO 8601) and filters take it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Date {
    pub year: i32,
    pub month: u32,
    pub day: u32,
}

impl Date {
    /// Midnight UTC of this day.
    pub fn to_datetime(self) -> DateTime {
        DateTime::from_timestamp_secs(days_from_civil(self.year, self.month, self.day) * 86_400)
    }
}

/// `YYYY-MM-DD` (anything after the day, such as a time, is ignored).
pub fn parse_date(s: &str) -> Option<Date> {
    let s = s.trim();
    let year = s.get(0..4)?.parse::<i32>().ok()?;
    if s.get(4..5)? != "-" || s.get(7..8)? != "-" {
        return None;
    }
    let month = s.get(5..7)?.parse::<u32>().ok()?;
    let day = s.get(8..10)?.parse::<u32>().ok()?;
    if !(1..=12).contains(&month) || day < 1 || day > days_in_month(year, month) {
        return None;
    }
    Some(Date { year, month, day })
}

pub fn days_in_month(year: i32, month: u32) -> u32 {
    match month {
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's algorithm).
fn days_from_civil(year: i32, month: u32, day: u32) -> i64 {
    let y = i64::from(year) - i64::from(month <= 2);
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let m = i64::from(month);
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(day) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The title a record is found by: its own (an agenda item's, a minute's, a
/// table's caption, a report's), or its document's for a `document` record.
/// A document's title is not given to every record inside it: a search for
/// "high needs" would otherwise rank every table row of the High Needs report
/// above the resolutions that mention high needs.
fn record_title(r: &OutRecord) -> Option<&String> {
    let own = match &r.fields {
        grammars::Fields::AgendaItem(a) => Some(&a.title),
        grammars::Fields::Minute(m) => Some(&m.title),
        grammars::Fields::Table(t) => t.title.as_ref(),
        grammars::Fields::Report(rep) => rep.title.as_ref(),
        grammars::Fields::Decision(d) => d.title.as_ref(),
        grammars::Fields::Judgement(j) => Some(&j.area),
        grammars::Fields::Document(_) => r.document.title.as_ref(),
        _ => None,
    };
    own.filter(|t| !t.trim().is_empty())
}

/// Who takes a decision, filed with the record's title: a decision form
/// heads the decision with its maker ("decision to be taken by"), which
/// the record's text (what was decided) leaves out, so a search by the
/// maker's name finds the decision.
fn record_maker(r: &OutRecord) -> Option<&String> {
    match &r.fields {
        grammars::Fields::Decision(d) => d.maker.as_ref(),
        _ => None,
    }
    .filter(|m| !m.trim().is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn order_keys_follow_places_in_a_file_and_keep_files_apart() {
        let a = "seeds/000_ab51a36975b4b00c.txt";
        let b = "seeds/000_ab51a36975b4b00c.pdf";
        assert!(order_key(a, 0) < order_key(a, 1));
        assert!(order_key(a, 1) < order_key(a, 2));
        // Places past the key's room share the last.
        assert_eq!(order_key(a, 1 << 40), order_key(a, (1 << 20) - 1));
        // Another file's records all sit on one side of this file's.
        let before = order_key(b, 0) < order_key(a, 0);
        assert!((0..100).all(|n| (order_key(b, n) < order_key(a, 0)) == before));
    }

    #[test]
    fn dates_parse_and_count_days() {
        assert_eq!(
            parse_date("2015-02-25"),
            Some(Date {
                year: 2015,
                month: 2,
                day: 25
            })
        );
        assert_eq!(parse_date("2015-02-30"), None);
        assert_eq!(parse_date("2015-2-5"), None);
        assert_eq!(parse_date("25 February 2015"), None);
        assert_eq!(days_from_civil(1970, 1, 1), 0);
        assert_eq!(days_from_civil(2000, 3, 1), 11_017);
        assert_eq!(days_from_civil(1969, 12, 31), -1);
    }

    #[test]
    fn partial_dates_count_from_their_first_day() {
        let d = |year, month, day| Some(Date { year, month, day });
        assert_eq!(parse_iso_date("2015-03"), d(2015, 3, 1));
        assert_eq!(parse_iso_date("2015"), d(2015, 1, 1));
        assert_eq!(parse_iso_date("2015-02-25T10:00:00"), d(2015, 2, 25));
        assert_eq!(parse_iso_date("2015-13"), None);
        assert_eq!(parse_iso_date("March 2015"), None);
        assert_eq!(parse_iso_date("20£5"), None);
    }

    #[test]
    fn records_without_a_document_date_take_their_meeting_date() {
        let minute = grammars::Minute {
            meeting_date: Some("2015-02-25".into()),
            ..Default::default()
        };
        let mut r = OutRecord {
            schema_version: 1,
            id: "x-minute-1".into(),
            kind: "minute".into(),
            text: "7. Minutes".into(),
            source: crate::record::Source {
                path: "p.txt".into(),
                sha256: "x".into(),
                page: 1,
                page_end: 1,
                page_label: None,
                ocr: false,
                ocr_confidence: None,
            },
            document: grammars::DocumentInfo::default(),
            fields: grammars::Fields::Minute(minute),
            recovered: None,
        };
        let feb = Date {
            year: 2015,
            month: 2,
            day: 25,
        };
        assert_eq!(record_date(&r), Some(feb));
        r.document.date = Some("2015-05-21".into());
        assert_eq!(record_date(&r).map(|d| d.month), Some(5));
        r.document.date = None;
        r.fields = grammars::Fields::Document(Default::default());
        assert_eq!(record_date(&r), None);
    }

    #[test]
    fn schema_resolves_every_field() {
        assert!(Fields::of(&build()).is_ok());
    }
}

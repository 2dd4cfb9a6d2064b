//! The record types of the record contract (`shared spec/records.md`).
//!
//! This is the one place record field names live: the binary serialises
//! these structs as they are, and the search index reads the same JSON. It
//! owns no parsing. Fields are only ever added, never renamed.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// What a grammar run over one file produces.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Parsed {
    pub documents: Vec<DocumentInfo>,
    pub records: Vec<Record>,
    pub diagnostics: Vec<Diagnostic>,
}

/// Something a grammar noticed but could not turn into a record.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Diagnostic {
    pub page: u32,
    pub message: String,
}

/// The type of a document inside a file (an agenda pack holds many).
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    PartialOrd,
    Ord,
    Serialize,
    Deserialize,
    JsonSchema,
    Default,
)]
#[serde(rename_all = "snake_case")]
pub enum DocType {
    Agenda,
    Minutes,
    OfficerReport,
    InspectionReport,
    ScrutinyReport,
    MemberReport,
    PerformanceReport,
    WorkPlan,
    Presentation,
    #[default]
    Other,
}

impl DocType {
    /// Every document type, in the order of the enum.
    pub const ALL: [DocType; 10] = [
        DocType::Agenda,
        DocType::Minutes,
        DocType::OfficerReport,
        DocType::InspectionReport,
        DocType::ScrutinyReport,
        DocType::MemberReport,
        DocType::PerformanceReport,
        DocType::WorkPlan,
        DocType::Presentation,
        DocType::Other,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            DocType::Agenda => "agenda",
            DocType::Minutes => "minutes",
            DocType::OfficerReport => "officer_report",
            DocType::InspectionReport => "inspection_report",
            DocType::ScrutinyReport => "scrutiny_report",
            DocType::MemberReport => "member_report",
            DocType::PerformanceReport => "performance_report",
            DocType::WorkPlan => "work_plan",
            DocType::Presentation => "presentation",
            DocType::Other => "other",
        }
    }
}

/// The `document` object of every record.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct DocumentInfo {
    #[serde(rename = "type")]
    pub doc_type: DocType,
    pub title: Option<String>,
    pub council: Option<String>,
    pub body: Option<String>,
    /// ISO 8601 date.
    pub date: Option<String>,
    /// [first, last] physical pages of this document inside its file.
    pub pages: [u32; 2],
}

/// One record, before the binary adds the envelope (id, source).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Record {
    /// Whitespace-folded full text of the record.
    pub text: String,
    /// 1-based physical page where the record starts, and where it ends.
    pub page: u32,
    pub page_end: u32,
    /// Index into `Parsed::documents`.
    pub document: usize,
    pub fields: Fields,
}

impl Record {
    pub fn kind(&self) -> &'static str {
        self.fields.kind()
    }
}

/// The kind-specific fields of a record; serialised flat beside the envelope.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum Fields {
    Meeting(Meeting),
    AgendaItem(AgendaItem),
    Minute(Minute),
    Resolution(Resolution),
    Action(Action),
    Attendance(Attendance),
    Declaration(Declaration),
    Recommendation(Recommendation),
    Table(Table),
    Report(Report),
    Decision(Decision),
    Judgement(Judgement),
    /// A `document` record has no fields besides the envelope.
    Document(DocumentFields),
}

/// The kinds, in the order of the contract.
pub const KINDS: &[&str] = &[
    "document",
    "meeting",
    "agenda_item",
    "minute",
    "resolution",
    "action",
    "attendance",
    "declaration",
    "recommendation",
    "table",
    "report",
    "decision",
    "judgement",
];

impl Fields {
    pub fn kind(&self) -> &'static str {
        match self {
            Fields::Document(_) => "document",
            Fields::Meeting(_) => "meeting",
            Fields::AgendaItem(_) => "agenda_item",
            Fields::Minute(_) => "minute",
            Fields::Resolution(_) => "resolution",
            Fields::Action(_) => "action",
            Fields::Attendance(_) => "attendance",
            Fields::Declaration(_) => "declaration",
            Fields::Recommendation(_) => "recommendation",
            Fields::Table(_) => "table",
            Fields::Report(_) => "report",
            Fields::Decision(_) => "decision",
            Fields::Judgement(_) => "judgement",
        }
    }
}

/// Each kind with its fields' type, in the order of [`KINDS`]: the one list
/// that reading records back ([`Fields::from_json`]) and describing them
/// ([`Fields::json_schemas`]) are made from.
macro_rules! kinds {
    ($($kind:literal => $variant:ident($ty:ty)),* $(,)?) => {
        impl Fields {
            /// The fields of a record of `kind`, from a JSON object holding
            /// them (other keys are ignored): how a record written as JSON
            /// is read back. Serialised flat and untagged, the fields alone
            /// do not say which kind they are.
            pub fn from_json(kind: &str, value: serde_json::Value) -> Result<Fields, String> {
                match kind {
                    $($kind => serde_json::from_value::<$ty>(value)
                        .map(Fields::$variant)
                        .map_err(|e| e.to_string()),)*
                    other => Err(format!(
                        "unknown record kind '{other}' (kinds: {})",
                        KINDS.join(", ")
                    )),
                }
            }

            /// Each kind with the JSON Schema of its fields.
            pub fn json_schemas(
                generator: &mut schemars::SchemaGenerator,
            ) -> Vec<(&'static str, schemars::Schema)> {
                vec![$(($kind, generator.subschema_for::<$ty>())),*]
            }
        }
    };
}

kinds! {
    "document" => Document(DocumentFields),
    "meeting" => Meeting(Meeting),
    "agenda_item" => AgendaItem(AgendaItem),
    "minute" => Minute(Minute),
    "resolution" => Resolution(Resolution),
    "action" => Action(Action),
    "attendance" => Attendance(Attendance),
    "declaration" => Declaration(Declaration),
    "recommendation" => Recommendation(Recommendation),
    "table" => Table(Table),
    "report" => Report(Report),
    "decision" => Decision(Decision),
    "judgement" => Judgement(Judgement),
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct DocumentFields {}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Meeting {
    pub body: Option<String>,
    pub council: Option<String>,
    /// ISO 8601 date.
    pub date: Option<String>,
    /// As printed ("15:45", "2.00 pm").
    pub time: Option<String>,
    pub venue: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct AgendaItem {
    pub number: String,
    pub title: String,
    /// [from, to] as printed in the agenda ("(PAGES 9 - 20)"), or null.
    pub pages: Option<[u32; 2]>,
    pub description: Option<String>,
    pub verbal: bool,
    pub items: Vec<String>,
    /// The agenda the item is listed under where a notice holds two ("A.G.M."
    /// of "A.G.M. Agenda" after the "Annual Parish Meeting Agenda").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub part: Option<String>,
    /// The decision number printed for it ("24/00108"), where one is.
    #[serde(default)]
    pub decision_number: Option<String>,
    /// "Key decision: Yes" -> true; null where not stated.
    #[serde(default)]
    pub key_decision: Option<bool>,
    /// Exempt from publication (a Part 2 / "not for publication" item or
    /// paper) -> true; stated open -> false; null where not stated.
    #[serde(default)]
    pub exempt: Option<bool>,
    /// The paragraph of Schedule 12A to the Local Government Act 1972
    /// cited ("3"), where one is.
    #[serde(default)]
    pub exempt_paragraph: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Paragraph {
    pub number: Option<String>,
    pub text: String,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Minute {
    pub number: String,
    pub title: String,
    pub meeting_date: Option<String>,
    pub paragraphs: Vec<Paragraph>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Resolution {
    /// Number of the minute it sits under.
    pub minute: Option<String>,
    /// "6.4", or null.
    pub paragraph: Option<String>,
    pub meeting_date: Option<String>,
    /// Each numbered or lettered sub-resolution; one item where there is no list.
    pub items: Vec<String>,
    /// What the minute records: "One abstention", "carried unanimously", counts.
    pub votes: Vec<String>,
    /// The words that mark it as printed: "Resolved:-", "RESOLVED that",
    /// "AGREED:", "It was resolved that" for formal resolutions; the verb
    /// ("agreed", "approved", "confirmed") where the minute records an
    /// agreement without a formal resolution.
    pub marker: String,
    /// The recorded vote: counts (null where not stated) and names where a
    /// recorded vote lists them; null where no vote is recorded.
    #[serde(default)]
    pub vote: Option<Vote>,
    /// True where the minute says carried (or unanimous), false where it
    /// says lost or fell; null otherwise.
    #[serde(default)]
    pub carried: Option<bool>,
    /// The mover's name as printed, null where not stated.
    #[serde(default)]
    pub moved_by: Option<String>,
    /// The seconder's name as printed, null where not stated.
    #[serde(default)]
    pub seconded_by: Option<String>,
}

/// A recorded vote on a resolution.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Vote {
    #[serde(rename = "for")]
    pub for_: Option<u32>,
    pub against: Option<u32>,
    pub abstain: Option<u32>,
    #[serde(default)]
    pub for_names: Vec<String>,
    #[serde(default)]
    pub against_names: Vec<String>,
    #[serde(default)]
    pub abstain_names: Vec<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Action {
    pub minute: Option<String>,
    /// As written: "JA/NA".
    pub owners: String,
    /// Owners resolved to names from the attendance list, where possible.
    pub people: Vec<String>,
    /// Owners (initials or names as written) that match no one, or more
    /// than one person, in the attendance list and the minutes.
    pub unresolved: Vec<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema, Default)]
#[serde(rename_all = "snake_case")]
pub enum AttendanceStatus {
    #[default]
    Present,
    Apologies,
    Absent,
    InAttendance,
    Substitute,
    Chair,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Attendance {
    pub name: String,
    pub status: AttendanceStatus,
    pub role: Option<String>,
    pub organisation: Option<String>,
    pub meeting_date: Option<String>,
    /// The printed group the entry sits under: "Special (1)", "Primary (7)",
    /// "Non School Members", "Observers", "Also attending".
    pub category: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Declaration {
    pub name: Option<String>,
    pub item: Option<String>,
    pub interest: String,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Recommendation {
    /// "5", "R3", or null.
    pub number: Option<String>,
    /// Who is to act: "The government", "LSCBs", the committee.
    pub addressee: Option<String>,
    /// The heading it sits under.
    pub area: Option<String>,
    pub items: Vec<String>,
    /// The update that follows it in a progress-tracking report, or null.
    pub progress: Option<String>,
}

/// A typed reading of a cell that is clearly a number, money or a percentage.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct TypedValue {
    /// "number", "money" or "percent" (a percentage's value is the number
    /// printed: "48%" is 48).
    #[serde(rename = "type")]
    pub value_type: String,
    pub value: f64,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Table {
    pub title: Option<String>,
    /// Column names; multi-row headers joined with " / ".
    pub header: Vec<String>,
    /// Cell strings as printed, each row as long as `header`.
    pub rows: Vec<Vec<String>>,
    /// Typed values beside `rows`: null where a cell is not clearly a number.
    pub values: Vec<Vec<Option<TypedValue>>>,
    /// [first, last] physical pages.
    pub pages: [u32; 2],
    /// Footnotes printed under the table ("*These figures represent …"),
    /// kept apart from its rows.
    #[serde(default)]
    pub notes: Vec<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Report {
    pub title: Option<String>,
    pub author: Option<String>,
    pub contact: Option<String>,
    /// The "Agenda Item N" it is filed under.
    pub agenda_item: Option<String>,
    pub purpose: Option<String>,
    pub status: Option<String>,
    pub recommendations: Vec<String>,
    pub date: Option<String>,
    pub body: Option<String>,
    /// For an inspection report: the framework it was made under ("single
    /// inspection framework", "focused visit", "area SEND", "LSCB review").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub framework: Option<String>,
    /// ISO 8601 first and last day of the inspection.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub inspection_start: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub inspection_end: Option<String>,
    /// ISO 8601 publication date as printed (a letter's date for a letter).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub published: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lead_inspector: Option<String>,
    /// The local authority inspected.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub council: Option<String>,
    /// The decision number printed for it ("24/00108"), where one is.
    #[serde(default)]
    pub decision_number: Option<String>,
    /// "Key decision: Yes" -> true; null where not stated.
    #[serde(default)]
    pub key_decision: Option<bool>,
    /// Exempt from publication (a Part 2 / "not for publication" item or
    /// paper) -> true; stated open -> false; null where not stated.
    #[serde(default)]
    pub exempt: Option<bool>,
    /// The paragraph of Schedule 12A to the Local Government Act 1972
    /// cited ("3"), where one is.
    #[serde(default)]
    pub exempt_paragraph: Option<String>,
}

/// A record of decision, decision notice or decision recording form: one
/// record per decision the form records.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Decision {
    /// As printed: "24/00093".
    pub decision_number: Option<String>,
    /// The subject or title of the decision.
    pub title: Option<String>,
    /// Who decided: a Cabinet Member, committee or officer, as printed.
    pub maker: Option<String>,
    /// ISO 8601 date the decision was taken (or signed).
    pub date: Option<String>,
    /// "Key decision: YES" -> true; null where not stated.
    pub key_decision: Option<bool>,
    /// Each decision point ("APPROVE …", "DELEGATE authority to …").
    pub items: Vec<String>,
    pub reasons: Option<String>,
    pub alternatives: Option<String>,
    /// What the notice says about call-in or urgency.
    pub call_in: Option<String>,
    /// Whether the decision is exempt from publication; null where not stated.
    pub exempt: Option<bool>,
    /// The paragraph of Schedule 12A cited ("3"), where one is.
    pub exempt_paragraph: Option<String>,
}

/// An inspection judgement: one per judgement area graded.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Judgement {
    /// The judgement area as printed ("Overall effectiveness").
    pub area: String,
    /// The grade as printed ("Requires improvement to be good").
    pub grade: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_kind_reads_back_what_it_wrote_and_has_a_schema() {
        let samples = [
            Fields::Document(DocumentFields {}),
            Fields::Meeting(Meeting {
                venue: Some("Civic Centre".into()),
                ..Default::default()
            }),
            Fields::AgendaItem(AgendaItem {
                number: "7".into(),
                pages: Some([9, 20]),
                ..Default::default()
            }),
            Fields::Minute(Minute::default()),
            Fields::Resolution(Resolution {
                items: vec!["That the report be noted.".into()],
                ..Default::default()
            }),
            Fields::Action(Action::default()),
            Fields::Attendance(Attendance {
                status: AttendanceStatus::Apologies,
                ..Default::default()
            }),
            Fields::Declaration(Declaration::default()),
            Fields::Recommendation(Recommendation::default()),
            Fields::Table(Table {
                values: vec![vec![
                    Some(TypedValue {
                        value_type: "money".into(),
                        value: 572_898.43,
                    }),
                    None,
                ]],
                ..Default::default()
            }),
            Fields::Report(Report::default()),
            Fields::Decision(Decision {
                decision_number: Some("24/00093".into()),
                key_decision: Some(true),
                ..Default::default()
            }),
            Fields::Judgement(Judgement {
                area: "Overall effectiveness".into(),
                grade: "Inadequate".into(),
            }),
        ];
        let kinds: Vec<&str> = samples.iter().map(Fields::kind).collect();
        assert_eq!(kinds, KINDS);
        for fields in &samples {
            let json = serde_json::to_value(fields).expect("to JSON");
            assert_eq!(
                Fields::from_json(fields.kind(), json).as_ref(),
                Ok(fields),
                "{}",
                fields.kind()
            );
        }
        let mut generator = schemars::SchemaGenerator::default();
        let described: Vec<&str> = Fields::json_schemas(&mut generator)
            .into_iter()
            .map(|(kind, _)| kind)
            .collect();
        assert_eq!(described, KINDS);
    }

    #[test]
    fn fields_of_another_kind_or_an_unknown_kind_are_refused() {
        let minute = serde_json::json!({"number": "7", "title": "Minutes", "paragraphs": []});
        assert!(Fields::from_json("minute", minute.clone()).is_ok());
        let err = Fields::from_json("agenda_item", minute.clone()).expect_err("no verbal");
        assert!(err.contains("missing field `verbal`"), "{err}");
        let err = Fields::from_json("memo", minute).expect_err("no such kind");
        assert!(
            err.starts_with("unknown record kind 'memo' (kinds: document,"),
            "{err}"
        );
    }
}

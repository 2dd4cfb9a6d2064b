//! The layouts the project must read that no real document beside it
//! has (`grammars/specs/README.md`, "form alone"): each read end to end,
//! `grammars::parse` on a few lines set out as such papers print them,
//! not the lexeme alone.

use grammars::{AttendanceStatus, DocType, Fields, Parsed};

mod common;

use common::parse_text as parse;

fn minutes(p: &Parsed) -> Vec<(&str, &str)> {
    common::picked(p, |r| match &r.fields {
        Fields::Minute(m) => Some((m.number.as_str(), m.title.as_str())),
        _ => None,
    })
}

/// Each resolution's minute number.
fn resolved_under(p: &Parsed) -> Vec<&str> {
    common::picked(p, |r| match &r.fields {
        Fields::Resolution(x) => Some(x.minute.as_deref().unwrap_or("")),
        _ => None,
    })
}

fn attendance(p: &Parsed) -> Vec<(&str, AttendanceStatus)> {
    common::picked(p, |r| match &r.fields {
        Fields::Attendance(a) => Some((a.name.as_str(), a.status)),
        _ => None,
    })
}

fn meetings(p: &Parsed) -> Vec<(Option<&str>, Option<&str>)> {
    common::picked(p, |r| match &r.fields {
        Fields::Meeting(m) => Some((m.body.as_deref(), m.date.as_deref())),
        _ => None,
    })
}

/// ModernGov printed minutes: minute numbers running on through the year,
/// the agenda's item number after the title "(Item 1)", "IN ATTENDANCE
/// VIRTUALLY", an "UNRESTRICTED ITEMS" heading over the minutes.
#[test]
fn moderngov_printed_minutes_with_item_numbers_and_virtual_attendance() {
    let p = parse(
        "CABINET\n\
         MINUTES of a meeting of the Cabinet held in the Council Chamber, Sessions House, \
         County Hall, Maidstone on Thursday, 30 January 2025.\n\
         PRESENT: Mr R W Gough (Chairman), Mr D Jeffrey, Mr R J Thomas\n\
         IN ATTENDANCE VIRTUALLY: Mrs S Hamilton\n\
         UNRESTRICTED ITEMS\n\
         84. Apologies (Item 1)\n\
         Apologies were received from Mrs C Bell.\n\
         85. Declarations of Interest (Item 2)\n\
         There were no declarations of interest.\n\
         86. Minutes of the Meeting held on 5 December 2024 (Item 3)\n\
         RESOLVED that the minutes of the meeting held on 5 December 2024 are correctly \
         recorded and that they be signed by the Chairman.\n\
         87. Budget Monitoring Report 2024-25 Quarter 3 (Item 4)\n\
         RESOLVED that the report be noted.\n",
    );
    assert_eq!(p.documents[0].doc_type, DocType::Minutes);
    assert_eq!(meetings(&p), [(Some("Cabinet"), Some("2025-01-30"))]);
    let numbers: Vec<&str> = minutes(&p).iter().map(|(n, _)| *n).collect();
    assert_eq!(numbers, ["84", "85", "86", "87"]);
    assert!(
        minutes(&p)[0].1.starts_with("Apologies"),
        "{:?}",
        minutes(&p)
    );
    assert_eq!(resolved_under(&p), ["86", "87"]);
    let people = attendance(&p);
    // "UNRESTRICTED ITEMS" ends the list: five people, no heading among them.
    assert_eq!(people.len(), 5, "{people:?}");
    assert!(
        people.contains(&("Mrs S Hamilton", AttendanceStatus::InAttendance)),
        "{people:?}"
    );
    assert!(
        people.contains(&("Mrs C Bell", AttendanceStatus::Apologies)),
        "{people:?}"
    );
    assert_eq!(
        people
            .iter()
            .filter(|(_, s)| *s == AttendanceStatus::Present || *s == AttendanceStatus::Chair)
            .count(),
        3,
        "{people:?}"
    );
}

/// A parish numbering its minutes on from meeting to meeting ("2643").
#[test]
fn minutes_numbered_on_from_meeting_to_meeting() {
    let p = parse(
        "MINUTES OF THE MEETING OF THE PARISH COUNCIL HELD ON TUESDAY 5 MARCH 2024\n\
         Present: Cllr A Smith (Chairman), Cllr B Jones, Cllr D Green\n\
         2643 Apologies for absence\n\
         Apologies were received from Cllr C Brown.\n\
         2644 Declarations of interest\n\
         None.\n\
         2645 Minutes of the last meeting\n\
         RESOLVED that the minutes of the meeting held on 6 February 2024 be approved.\n\
         2646 Planning\n\
         It was AGREED to raise no objection to application 24/0012.\n",
    );
    assert_eq!(p.documents[0].doc_type, DocType::Minutes);
    let numbers: Vec<&str> = minutes(&p).iter().map(|(n, _)| *n).collect();
    assert_eq!(numbers, ["2643", "2644", "2645", "2646"]);
    assert_eq!(resolved_under(&p), ["2645", "2646"]);
}

/// Minutes numbered by a reference: body, year, number ("CAB/23/45").
#[test]
fn minutes_numbered_by_reference() {
    let p = parse(
        "MINUTES OF THE CABINET MEETING HELD ON 12 OCTOBER 2023\n\
         Present: Councillor A Patel (Chair), Councillor J Evans\n\
         CAB/23/45 Apologies\n\
         There were none.\n\
         CAB/23/46 Revenue Budget Monitoring\n\
         RESOLVED: That the report be noted.\n\
         CAB/23/47 Housing Strategy\n\
         RESOLVED: That the strategy be approved.\n",
    );
    let numbers: Vec<&str> = minutes(&p).iter().map(|(n, _)| *n).collect();
    assert_eq!(numbers, ["CAB/23/45", "CAB/23/46", "CAB/23/47"]);
    assert_eq!(resolved_under(&p), ["CAB/23/46", "CAB/23/47"]);
}

/// Minutes led by the word: "Minute 12:".
#[test]
fn minutes_led_by_the_word_minute() {
    let p = parse(
        "MINUTES OF THE MEETING OF THE TOWN COUNCIL HELD ON 4 JUNE 2024\n\
         Present: Cllr M Hughes (Mayor), Cllr P Lee\n\
         Minute 12: Apologies\n\
         Apologies were received from Cllr R Shaw.\n\
         Minute 13: Allotments\n\
         RESOLVED that the allotment rents be held for 2025.\n",
    );
    let numbers: Vec<&str> = minutes(&p).iter().map(|(n, _)| *n).collect();
    assert_eq!(numbers, ["12", "13"]);
    assert_eq!(resolved_under(&p), ["13"]);
}

/// A parish summons: "You are hereby summoned to attend …", the clerk's
/// signature, then the agenda.
#[test]
fn a_summons_names_its_meeting_and_its_items_follow() {
    let p = parse(
        "HIGHFIELD PARISH COUNCIL\n\
         To: All Members of the Council\n\
         You are hereby summoned to attend a meeting of the Parish Council to be held in the \
         Village Hall on Monday 3 March 2025 at 7.30 pm for the purpose of transacting the \
         following business.\n\
         J Smith, Clerk to the Council\n\
         AGENDA\n\
         1. To receive apologies for absence\n\
         2. To receive declarations of interest\n\
         3. To approve the minutes of the meeting held on 3 February 2025\n\
         4. Planning applications\n",
    );
    assert_eq!(p.documents.len(), 1);
    assert_eq!(p.documents[0].doc_type, DocType::Agenda);
    let m = meetings(&p);
    assert_eq!(m.len(), 1, "{m:?}");
    assert_eq!(m[0], (Some("Parish Council"), Some("2025-03-03")));
    let items: Vec<&str> = p
        .records
        .iter()
        .filter_map(|r| match &r.fields {
            Fields::AgendaItem(a) => Some(a.number.as_str()),
            _ => None,
        })
        .collect();
    assert_eq!(items, ["1", "2", "3", "4"]);
}

/// An agenda item's number, page range, exemption and decision number.
type ItemFields<'a> = (&'a str, Option<[u32; 2]>, Option<bool>, Option<&'a str>);

/// A ModernGov front sheet: the body and date over "AGENDA", the items in a
/// borderless two-column table (number | title), "(Pages 1 - 10)", the
/// "UNRESTRICTED ITEMS" / "EXEMPT ITEMS" headings.
#[test]
fn a_moderngov_front_sheet_in_two_columns() {
    let p = parse(
        "CABINET\n\
         Thursday, 30th January, 2025 at 10.00 am\tAsk for:\tDemocratic Services\n\
         Council Chamber, Sessions House, County Hall, Maidstone\tTelephone:\t03000 416000\n\
         AGENDA\n\
         UNRESTRICTED ITEMS\n\
         1.\tIntroduction/Webcasting Announcement\n\
         2.\tApologies and Substitutes\n\
         3.\tMinutes of the Meeting held on 5 December 2024 (Pages 1 - 10)\n\
         4.\t24/00108 - Budget Monitoring Report 2024-25 Quarter 3 (Pages 11 - 84)\n\
         EXEMPT ITEMS\n\
         5.\tProperty Disposal (Pages 85 - 90)\n",
    );
    assert_eq!(p.documents[0].doc_type, DocType::Agenda);
    assert_eq!(meetings(&p), [(Some("Cabinet"), Some("2025-01-30"))]);
    let items: Vec<ItemFields> = p
        .records
        .iter()
        .filter_map(|r| match &r.fields {
            Fields::AgendaItem(a) => Some((
                a.number.as_str(),
                a.pages,
                a.exempt,
                a.decision_number.as_deref(),
            )),
            _ => None,
        })
        .collect();
    assert_eq!(
        items,
        [
            ("1", None, Some(false), None),
            ("2", None, Some(false), None),
            ("3", Some([1, 10]), Some(false), None),
            ("4", Some([11, 84]), Some(false), Some("24/00108")),
            ("5", Some([85, 90]), Some(true), None),
        ]
    );
}

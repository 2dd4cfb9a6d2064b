//! Minutes of seed 000 (Haringey Schools Forum, 25 February 2015), read from
//! its text form and from its PDF form: minutes, resolutions, actions,
//! attendance and declarations, pinned as compact renderings checked by eye
//! against the source, plus targeted asserts.

mod common;

use common::{pdf_pages, text_pages};
use grammars::Doc;
use grammars::{
    minutes, minutes::attendance, AttendanceStatus, DocType, DocumentInfo, Fields, Page, Parsed,
    Record,
};

const SEED: &str = "000_ab51a36975b4b00c";

fn info(pages: [u32; 2]) -> DocumentInfo {
    DocumentInfo {
        doc_type: DocType::Minutes,
        title: Some("Minutes of the Schools Forum meeting".into()),
        council: Some("Haringey".into()),
        body: Some("Schools Forum".into()),
        date: None,
        pages,
    }
}

/// Run the minutes grammars as the registry does (attendance, then minutes).
fn run(pages: &[Page]) -> Parsed {
    let first = pages.first().map(|p| p.number).unwrap_or(1);
    let last = pages.last().map(|p| p.number).unwrap_or(1);
    let info = info([first, last]);
    let mut out = Parsed::default();
    attendance::parse(&Doc::of(pages, &info, 0), &mut out);
    minutes::parse(&Doc::of(pages, &info, 0), &mut out);
    out
}

/// The text form: one page holding agenda, minutes and reports.
fn text_form() -> Parsed {
    run(&text_pages(SEED))
}

/// The PDF form: the minutes are physical pages 2-7.
fn pdf_form() -> Parsed {
    let pages = pdf_pages(SEED);
    run(&pages[1..7])
}

fn cut(s: &str, n: usize) -> String {
    let mut out: String = s.chars().take(n).collect();
    if out.chars().count() < s.chars().count() {
        out.push('…');
    }
    out
}

fn render_minutes(p: &Parsed) -> String {
    let mut s = String::new();
    for r in &p.records {
        if let Fields::Minute(m) = &r.fields {
            s.push_str(&format!(
                "{} | {} | {} | paras={}\n",
                m.number,
                m.title,
                m.meeting_date.as_deref().unwrap_or("-"),
                m.paragraphs.len()
            ));
            for para in &m.paragraphs {
                s.push_str(&format!(
                    "    {} | {}\n",
                    para.number.as_deref().unwrap_or("-"),
                    cut(&para.text, 90)
                ));
            }
        }
    }
    s
}

fn render_resolutions(p: &Parsed) -> String {
    let mut s = String::new();
    for r in &p.records {
        if let Fields::Resolution(x) = &r.fields {
            s.push_str(&format!(
                "{} | para={} | {} | items={} | votes={:?}\n",
                x.minute.as_deref().unwrap_or("-"),
                x.paragraph.as_deref().unwrap_or("-"),
                x.marker,
                x.items.len(),
                x.votes
            ));
            for (k, item) in x.items.iter().enumerate() {
                s.push_str(&format!("    {}. {}\n", k + 1, cut(item, 600)));
            }
        }
    }
    s
}

fn render_actions(p: &Parsed) -> String {
    let mut s = String::new();
    for r in &p.records {
        if let Fields::Action(a) = &r.fields {
            s.push_str(&format!(
                "{} | {} | people={:?} | unresolved={:?} | {}\n",
                a.minute.as_deref().unwrap_or("-"),
                a.owners,
                a.people,
                a.unresolved,
                cut(&r.text, 70)
            ));
        }
    }
    s
}

fn render_attendance(p: &Parsed) -> String {
    let mut s = String::new();
    for r in &p.records {
        if let Fields::Attendance(a) = &r.fields {
            s.push_str(&format!(
                "{:?} | {} | role={} | org={} | cat={} | {} | {}\n",
                a.status,
                a.name,
                a.role.as_deref().unwrap_or("-"),
                a.organisation.as_deref().unwrap_or("-"),
                a.category.as_deref().unwrap_or("-"),
                a.meeting_date.as_deref().unwrap_or("-"),
                r.text,
            ));
        }
    }
    s
}

fn of<'a>(p: &'a Parsed, kind: &str) -> Vec<&'a Record> {
    common::of_kind(p, kind)
}

/// Minutes whose PDF form still differs from the text form, left out of the
/// comparisons until the layout layer reads them right. None now: the last
/// one, minute 10, had its ACTION BY cell "SW" read into the decision text of
/// paragraph 10.3 ("… advised that it SW had previously been agreed …").
const AWAITING_COLUMN_FIX: &[&str] = &[];

fn minute_of(r: &Record) -> Option<&str> {
    match &r.fields {
        Fields::Minute(m) => Some(m.number.as_str()),
        Fields::Resolution(x) => x.minute.as_deref(),
        Fields::Action(a) => a.minute.as_deref(),
        _ => None,
    }
}

/// Everything but page numbers, for records of the given kind, leaving out
/// the minutes listed.
fn pageless(p: &Parsed, kind: &str, skip: &[&str]) -> Vec<String> {
    of(p, kind)
        .into_iter()
        .filter(|r| minute_of(r).is_none_or(|m| !skip.contains(&m)))
        .map(|r| format!("{} || {:?}", r.text, r.fields))
        .collect()
}

fn resolutions(p: &Parsed) -> Vec<&grammars::Resolution> {
    p.records
        .iter()
        .filter_map(|r| match &r.fields {
            Fields::Resolution(x) => Some(x),
            _ => None,
        })
        .collect()
}

fn formal(p: &Parsed) -> Vec<&grammars::Resolution> {
    resolutions(p)
        .into_iter()
        .filter(|r| r.marker.starts_with("Resolved"))
        .collect()
}

#[test]
fn text_form_minutes() {
    insta::assert_snapshot!("minutes_000_text", render_minutes(&text_form()));
}

#[test]
fn text_form_resolutions() {
    insta::assert_snapshot!("resolutions_000_text", render_resolutions(&text_form()));
}

#[test]
fn text_form_actions() {
    insta::assert_snapshot!("actions_000_text", render_actions(&text_form()));
}

#[test]
fn text_form_attendance() {
    insta::assert_snapshot!("attendance_000_text", render_attendance(&text_form()));
}

#[test]
fn pdf_form_minutes_and_resolutions() {
    // Leave out the minutes awaiting the column fix, so that the snapshot
    // holds what is right both before and after it.
    let mut p = pdf_form();
    p.records
        .retain(|r| minute_of(r).is_none_or(|m| !AWAITING_COLUMN_FIX.contains(&m)));
    insta::assert_snapshot!(
        "minutes_000_pdf",
        format!("{}\n{}", render_minutes(&p), render_resolutions(&p))
    );
}

#[test]
fn fourteen_minutes_with_their_paragraphs() {
    let p = text_form();
    let mins: Vec<&grammars::Minute> = p
        .records
        .iter()
        .filter_map(|r| match &r.fields {
            Fields::Minute(m) => Some(m),
            _ => None,
        })
        .collect();
    let numbers: Vec<&str> = mins.iter().map(|m| m.number.as_str()).collect();
    assert_eq!(
        numbers,
        ["1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12", "13", "14"]
    );
    assert!(mins
        .iter()
        .all(|m| m.meeting_date.as_deref() == Some("2015-02-25")));
    let m7 = mins[6];
    assert_eq!(m7.title, "HIGH NEEDS BLOCK");
    let numbered: Vec<&str> = m7
        .paragraphs
        .iter()
        .filter_map(|p| p.number.as_deref())
        .collect();
    assert_eq!(numbered, ["7.1", "7.2", "7.3", "7.4", "7.5", "7.6", "7.7"]);
    // 7.6 goes on in the next row, which has an empty number cell.
    assert!(m7.paragraphs[5]
        .text
        .contains("would be transparent and would clearly show models of help"));
    assert_eq!(mins[3].title, "MINUTES OF MEETINGS HELD ON 15 JANUARY 2015");
    assert_eq!(
        mins[8].title,
        "THE FINAL IMPLEMENTATION OF CHANGES TO FULL TIME NURSERY CLASS PLACE PROVISION IN HARINGEY'S SCHOOLS FOR SEPTEMBER 2015"
    );
    assert_eq!(
        mins[10].title,
        "MEMBERSHIP AND FEEDBACK FROM WORKING PARTIES"
    );
}

#[test]
fn five_formal_resolutions_in_seed_000() {
    for (form, p) in [("text", text_form()), ("pdf", pdf_form())] {
        let f = formal(&p);
        let got: Vec<(String, Option<String>, usize)> = f
            .iter()
            .map(|r| {
                (
                    r.minute.clone().unwrap_or_default(),
                    r.paragraph.clone(),
                    r.items.len(),
                )
            })
            .collect();
        assert_eq!(
            got,
            vec![
                ("6".to_string(), Some("6.4".to_string()), 1),
                ("7".to_string(), None, 3),
                ("8".to_string(), None, 4),
                ("9".to_string(), None, 4),
                ("13".to_string(), None, 1),
            ],
            "{form} form"
        );
        // Minute 7: the first item carries the abstention as printed.
        assert!(f[1].items[0].ends_with("(One abstention)"), "{form}");
        assert_eq!(f[1].votes, ["One abstention"], "{form}");
        // Minute 8 has a resolution with 4 items, the second with one abstention.
        assert!(f[2].items[1].contains("(One abstention)"), "{form}");
        assert!(!f[2].items[0].contains("abstention"), "{form}");
        assert_eq!(f[2].votes, ["One abstention"], "{form}");
        assert!(f[3].votes.is_empty(), "{form}");
        assert!(
            f[4].items[0].starts_with("That funding be provided"),
            "{form}"
        );
        assert_eq!(f[0].marker, "Resolved:");
        assert_eq!(f[1].marker, "Resolved:-");
    }
    // The items in full, as the record contract's example gives them, in
    // both forms.
    for p in [text_form(), pdf_form()] {
        let f = formal(&p);
        assert_eq!(
        f[2].items,
        [
            "That Haringey's early support approach and the intention for a robust pathway to be in place from April 2015 be noted and an update be presented to the next meeting.",
            "That £395,000 from the High Needs Block from April 2015 to fund the support requirements of children with complex SEND accessing funded early learning places be agreed. (One abstention).",
            "That the sum allocated on an annual basis to determine future levels of funding required be reviewed.",
            "That Schools Forum reviews the funding, and impact of the funding, in light of the wider changes to early years proposed by the Council over the coming year.",
        ]
    );
    }
}

#[test]
fn minuted_agreements_are_resolutions_marked_agreed() {
    let p = text_form();
    let all = resolutions(&p);
    assert_eq!(all.len(), 13);
    let agreed: Vec<(String, Option<String>, String)> = all
        .iter()
        .filter(|r| !r.marker.starts_with("Resolved"))
        .map(|r| {
            (
                r.minute.clone().unwrap_or_default(),
                r.paragraph.clone(),
                r.marker.clone(),
            )
        })
        .collect();
    let want = [
        ("2", Some("2.2"), "confirmed"),
        ("4", Some("4.1"), "agreed"),
        // 7.4's "which it was agreed would be used" and 8.2's "was agreed
        // from the DSG" mid-paragraph tell the discussion.
        ("10", Some("10.1"), "agreed"),
        ("10", Some("10.2"), "agreed"),
        // Two agreed sentences in 10.3, a resolution each.
        ("10", Some("10.3"), "agreed"),
        ("10", Some("10.3"), "agreed"),
        // The workplan noted, opening minute 12, then "It was also agreed".
        ("12", None, "noted"),
        ("12", None, "agreed"),
    ];
    let want: Vec<(String, Option<String>, String)> = want
        .iter()
        .map(|(m, p, k)| (m.to_string(), p.map(String::from), k.to_string()))
        .collect();
    assert_eq!(agreed, want);
    let minutes_record = all
        .iter()
        .find(|r| r.paragraph.as_deref() == Some("4.1"))
        .map(|r| r.items.clone());
    assert_eq!(
        minutes_record,
        Some(vec![
            "The minutes of the meetings held on 15 January 2015 were agreed as a correct record."
                .to_string()
        ])
    );
    // "JA/NA had agreed to provide …" reports an earlier promise: not a resolution.
    assert!(all.iter().all(|r| r.minute.as_deref() != Some("5")));
}

#[test]
fn actions_resolve_initials_from_the_attendance_list() {
    let p = text_form();
    let actions: Vec<(&grammars::Action, &str)> = p
        .records
        .iter()
        .filter_map(|r| match &r.fields {
            Fields::Action(a) => Some((a, r.text.as_str())),
            _ => None,
        })
        .collect();
    let cp_vmm = actions
        .iter()
        .find(|(a, _)| a.owners == "CP/VMM")
        .expect("minute 8 action");
    assert_eq!(cp_vmm.0.minute.as_deref(), Some("8"));
    assert_eq!(cp_vmm.0.people, ["Charlotte Pomery", "Vikki Monk-Meyer"]);
    assert!(cp_vmm
        .1
        .starts_with("Resolved: 1. That Haringey's early support"));
    let ja = actions
        .iter()
        .find(|(a, _)| a.owners == "JA/NA")
        .expect("JA/NA");
    assert_eq!(ja.0.people, ["Jon Abbey"]);
    assert_eq!(ja.0.unresolved, ["NA"]);
    let waters = actions
        .iter()
        .find(|(a, _)| a.owners == "LF/Cllr Waters")
        .expect("LF/Cllr Waters");
    assert!(waters.0.people.contains(&"Cllr Ann Waters".to_string()));
    let owners: Vec<&str> = actions.iter().map(|(a, _)| a.owners.as_str()).collect();
    assert_eq!(owners, ["JA/NA", "LF/Cllr Waters", "CP", "CP/VMM", "SW"]);
    assert_eq!(actions[4].0.people, ["Steve Worth"]);
}

#[test]
fn attendance_of_seed_000() {
    let p = text_form();
    let att: Vec<&grammars::Attendance> = p
        .records
        .iter()
        .filter_map(|r| match &r.fields {
            Fields::Attendance(a) => Some(a),
            _ => None,
        })
        .collect();
    let count = |s: AttendanceStatus| att.iter().filter(|a| a.status == s).count();
    assert_eq!(att.len(), 43);
    assert_eq!(count(AttendanceStatus::Present), 19);
    assert_eq!(count(AttendanceStatus::Apologies), 9);
    assert_eq!(count(AttendanceStatus::Absent), 7);
    assert_eq!(count(AttendanceStatus::InAttendance), 8);
    // "Observers:- Cabinet Member for CYPS (*Cllr Ann Waters)": the star
    // says she came; an observer is no member, so in attendance.
    let waters = att
        .iter()
        .find(|a| a.name == "Cllr Ann Waters")
        .expect("Cllr Ann Waters");
    assert_eq!(waters.status, AttendanceStatus::InAttendance);
    // The chair ("TONY HARTNEY IN THE CHAIR") is the member present, with
    // "Chair" as the role at this meeting: one entry.
    let chair: Vec<&str> = att
        .iter()
        .filter(|a| a.role.as_deref() == Some("Chair"))
        .map(|a| a.name.as_str())
        .collect();
    assert_eq!(chair, ["Tony Hartney"]);
    assert!(att
        .iter()
        .any(|a| a.name == "Tony Hartney" && a.status == AttendanceStatus::Present));
    let worth = att
        .iter()
        .find(|a| a.name == "Steve Worth")
        .expect("Steve Worth");
    assert_eq!(worth.status, AttendanceStatus::InAttendance);
    assert_eq!(
        worth.role.as_deref(),
        Some("Finance Manager (Schools and Learning)")
    );
    let doyle = att
        .iter()
        .find(|a| a.name == "Martin Doyle")
        .expect("Martin Doyle");
    assert_eq!(doyle.role.as_deref(), Some("Headteacher"));
    assert_eq!(doyle.category.as_deref(), Some("Special (1)"));
    assert_eq!(doyle.organisation.as_deref(), Some("Riverside"));
    // Both marks: kept present, and said so.
    assert!(p
        .diagnostics
        .iter()
        .any(|d| d.message.contains("Sharon Easton")));
    // "There were no declarations made".
    assert!(of(&p, "declaration").is_empty());
}

#[test]
fn pdf_form_gives_what_the_text_form_gives() {
    let (t, p) = (text_form(), pdf_form());
    for kind in [
        "minute",
        "resolution",
        "action",
        "attendance",
        "declaration",
    ] {
        assert_eq!(
            pageless(&t, kind, AWAITING_COLUMN_FIX),
            pageless(&p, kind, AWAITING_COLUMN_FIX),
            "{kind}"
        );
    }
    // Minute 8's ACTION BY cell, once interleaved into the decision text,
    // is its own cell again: the action resolves as in the text form.
    let cp_vmm: Vec<&grammars::Action> = p
        .records
        .iter()
        .filter_map(|r| match &r.fields {
            Fields::Action(a) if a.owners == "CP/VMM" => Some(a),
            _ => None,
        })
        .collect();
    assert_eq!(cp_vmm.len(), 1);
    assert_eq!(cp_vmm[0].minute.as_deref(), Some("8"));
    assert_eq!(cp_vmm[0].people, ["Charlotte Pomery", "Vikki Monk-Meyer"]);
    // Paragraph 10.3's owner "SW", on the same baseline as the paragraph's
    // first line, is its own cell: the paragraph reads as printed and the
    // fifth action resolves.
    let actions = of(&p, "action");
    assert_eq!(actions.len(), 5);
    let sw = actions
        .iter()
        .find(|r| minute_of(r) == Some("10"))
        .expect("minute 10's action");
    assert!(sw
        .text
        .contains("SW advised that it had previously been agreed"));
    match &sw.fields {
        Fields::Action(a) => {
            assert_eq!(a.owners, "SW");
            assert_eq!(a.people, ["Steve Worth"]);
        }
        other => panic!("not an action: {other:?}"),
    }
}

#[test]
fn pdf_form_pages() {
    let p = pdf_form();
    let page_of = |kind: &str, minute: &str| -> Vec<(u32, u32)> {
        of(&p, kind)
            .into_iter()
            .filter(|r| minute_of(r) == Some(minute))
            .map(|r| (r.page, r.page_end))
            .collect()
    };
    // Minute 6 runs from page 3 to page 4; its resolution is on page 4.
    assert_eq!(page_of("minute", "6"), [(3, 4)]);
    assert_eq!(page_of("resolution", "6"), [(4, 4)]);
    // Minute 7's resolution rows are on page 5, after 7.7 (7.4's "which
    // it was agreed would be used" on page 4 is discussion).
    assert_eq!(page_of("resolution", "7"), [(5, 5)]);
    // Minute 9's title goes on at the top of page 6.
    assert_eq!(page_of("minute", "9"), [(5, 6)]);
    let att = of(&p, "attendance");
    assert_eq!(att.first().map(|r| r.page), Some(2));
    assert_eq!(att.last().map(|r| r.page), Some(3));
}

#[test]
fn any_seed_read_as_minutes_gives_records_inside_its_pages() {
    // Agendas, reports and inspection reports read as minutes must not
    // panic, and whatever they give lies on their pages.
    for stem in common::SEEDS {
        for pages in [text_pages(stem), pdf_pages(stem)] {
            let p = run(&pages);
            let (first, last) = (
                pages.first().map(|p| p.number).unwrap_or(1),
                pages.last().map(|p| p.number).unwrap_or(1),
            );
            for r in &p.records {
                assert!(
                    r.page >= first && r.page_end <= last && r.page <= r.page_end,
                    "{stem}: {r:?}"
                );
                assert!(!r.text.is_empty(), "{stem}: {r:?}");
            }
        }
    }
}

#[test]
fn reports_read_as_minutes_give_no_minutes() {
    // Numbered report sections and "Key:" labels are not minutes or
    // attendance lists: only seed 000 holds minutes.
    for stem in &common::SEEDS[1..] {
        for pages in [text_pages(stem), pdf_pages(stem)] {
            let p = run(&pages);
            assert!(p.records.is_empty(), "{stem}: {:?}", p.records.first());
        }
    }
}

/// Pieces of minutes, shuffled into nonsense: the grammars must not panic
/// (no slicing inside a character, no unwrap on input) on any of it.
#[test]
fn shuffled_pieces_never_panic() {
    const PIECES: &[&str] = &[
        "MINUTES OF THE FORUM\n",
        "MINUTE NO.\tSUBJECT/DECISION\tACTION BY\n",
        "7.3\t",
        "\t",
        "7.\t",
        "Resolved:-",
        " 1. That ",
        "(a) ",
        "(ii) ",
        "£395,000 ",
        "– ",
        "é",
        "•",
        "*",
        "(A)",
        "(",
        ")",
        ", ",
        " and ",
        "Cllr Waters ",
        "CP/VM M",
        "\n",
        "\n\n",
        "IN THE CHAIR\n",
        "Apologies for absence received from ",
        "Present: ",
        "Also attending: ",
        "Primary (7) ",
        " - ",
        "declared a personal interest in item 7 ",
        "It was agreed that ",
        "RESOLVED that ",
        "84. Budget\n",
        "CAB/23/45 Title\n",
        "Action: JA\n",
        "substituted for Mr X ",
        "AGREED:",
        "The meeting closed at 6 pm\n",
        "(One abstention)",
        "\u{c}",
        "ÉCOLE ",
        "naïve ",
    ];
    let mut seed: u64 = 0x9e37_79b9_7f4a_7c15;
    for _ in 0..400 {
        let mut s = String::new();
        for _ in 0..60 {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            s.push_str(PIECES[(seed % PIECES.len() as u64) as usize]);
        }
        let pages = grammars::from_text(&s);
        let p = run(&pages);
        for r in &p.records {
            assert!(r.page >= 1 && r.page_end >= r.page, "{s:?}");
        }
    }
}

#[test]
fn the_pipeline_reads_the_minutes_document_of_the_pack() {
    // Through segmentation and the registry: the pack's second document is
    // the minutes, and it gives what the grammars give on their own.
    for (form, pages, alone) in [
        ("text", text_pages(SEED), text_form()),
        ("pdf", pdf_pages(SEED), pdf_form()),
    ] {
        let p = grammars::parse(&pages);
        let doc = p
            .documents
            .iter()
            .position(|d| d.doc_type == DocType::Minutes)
            .expect("a minutes document");
        for kind in [
            "minute",
            "resolution",
            "action",
            "attendance",
            "declaration",
        ] {
            let in_pack: Vec<String> = of(&p, kind)
                .into_iter()
                .map(|r| format!("{} {} {:?}", r.page, r.text, r.fields))
                .collect();
            let on_own: Vec<String> = of(&alone, kind)
                .into_iter()
                .map(|r| format!("{} {} {:?}", r.page, r.text, r.fields))
                .collect();
            assert_eq!(in_pack, on_own, "{form} {kind}");
            assert!(
                of(&p, kind).iter().all(|r| r.document == doc),
                "{form} {kind}"
            );
        }
        assert_eq!(of(&p, "minute").len(), 14, "{form}");
        assert_eq!(of(&p, "resolution").len(), 13, "{form}");
        assert_eq!(of(&p, "attendance").len(), 43, "{form}");
    }
}

/// The registry runs attendance and minutes as one grammar that reads the
/// document once: it gives what the two give one after the other, on every
/// document of every seed (minutes or not, so also where no layout is
/// found), in both forms.
#[test]
fn attendance_with_minutes_as_the_two_in_turn() {
    let mut minutes_docs = 0;
    for stem in common::SEEDS {
        for pages in [text_pages(stem), pdf_pages(stem)] {
            for seg in grammars::segment::segment(&pages) {
                let doc_pages = seg.pages(&pages);
                minutes_docs += usize::from(seg.info.doc_type == DocType::Minutes);
                let mut apart = Parsed::default();
                attendance::parse(&Doc::of(&doc_pages, &seg.info, 3), &mut apart);
                minutes::parse(&Doc::of(&doc_pages, &seg.info, 3), &mut apart);
                let mut together = Parsed::default();
                minutes::parse_with_attendance(&Doc::of(&doc_pages, &seg.info, 3), &mut together);
                assert_eq!(together, apart, "{stem} {:?}", seg.info.pages);
            }
        }
    }
    assert!(minutes_docs >= 2, "{minutes_docs}");
}

//! The cover facts of an inspection report -> its `report` record:
//! `framework`, `inspection_start`, `inspection_end`, `published`,
//! `lead_inspector` and the local authority as `council`.
//!
//! `date` follows one rule for every framework: the publication date
//! ("Report published: 5 August 2016", a letter's date), else the last day
//! of the inspection.

use crate::document::Doc;
use crate::lex::{find_date, fold, month_year};
use crate::model::{Fields, Parsed, Record, Report};

/// The frameworks, by the words of the report's title: (cue, name).
const FRAMEWORKS: [(&str, &str); 7] = [
    ("focused visit", "focused visit"),
    ("area send", "area SEND"),
    ("thematic", "thematic inspection"),
    (
        "review of the effectiveness of the local safeguarding",
        "LSCB review",
    ),
    (
        "inspection of looked after children services",
        "inspection of looked after children services",
    ),
    (
        "children in need of help and protection",
        "single inspection framework",
    ),
    ("inspection of local authority children", "ILACS"),
];

/// The inspection's own facts, read from the report's lines.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct Cover {
    pub published: Option<String>,
    pub inspection_start: Option<String>,
    pub inspection_end: Option<String>,
    pub lead_inspector: Option<String>,
}

/// Read one inspection report and append its `report` record.
pub fn parse(d: &Doc, out: &mut Parsed) {
    let Some(title) = d.info.title.clone() else {
        return;
    };
    let lines: Vec<&str> = d
        .lines
        .iter()
        .filter(|l| !l.furniture && !l.is_blank())
        // The lexed text: the line's words, folded once (tabs too).
        .map(|l| &*l.text)
        .collect();
    let cover = cover(&lines);
    // The title names the framework, else the cover's opening lines do
    // ("An Ofsted thematic inspection").
    let head = lines.iter().take(40).cloned().collect::<Vec<_>>().join(" ");
    let framework = [title.to_lowercase(), head.to_lowercase()]
        .iter()
        .find_map(|t| FRAMEWORKS.iter().find(|(cue, _)| t.contains(cue)))
        .map(|(_, name)| name.to_string());
    let date = cover.published.clone().or(cover.inspection_end.clone());
    let page = d.info.pages[0];
    out.records.push(Record {
        text: fold(&title),
        page,
        page_end: page,
        document: d.index,
        fields: Fields::Report(Report {
            title: Some(title),
            date,
            framework,
            inspection_start: cover.inspection_start,
            inspection_end: cover.inspection_end,
            published: cover.published,
            lead_inspector: cover.lead_inspector,
            council: match d.info.council.as_deref() {
                Some(c) => Some(full_council(&lines, c).unwrap_or_else(|| c.to_string())),
                None => board_council(&lines),
            },
            ..Default::default()
        }),
    });
}

/// The cover facts among a report's lines.
pub fn cover<S: AsRef<str>>(lines: &[S]) -> Cover {
    let mut c = Cover::default();
    for (k, t) in lines.iter().enumerate() {
        let t = t.as_ref();
        // The dates stand in the opening lines: only those are lower-cased.
        let l = if k < 40 && (c.published.is_none() || c.inspection_end.is_none()) {
            t.to_lowercase()
        } else {
            String::new()
        };
        if k < 40 && c.published.is_none() {
            if let Some(p) = l.find("published:") {
                let rest = &t[p + "published:".len()..];
                c.published =
                    find_date(rest).or_else(|| month_year(rest.trim()).ok().map(|(_, d)| d));
            } else if k < 10 && t.split_whitespace().count() <= 4 {
                c.published = find_date(t).filter(|_| !l.contains("inspection"));
            }
        }
        if k < 40 && c.inspection_end.is_none() && l.starts_with("inspection date") {
            let rest = t.split_once(':').map_or(t, |(_, r)| r);
            let (start, end) = date_range(rest);
            c.inspection_start = start;
            c.inspection_end = end;
        }
        if c.lead_inspector.is_none() {
            c.lead_inspector = lead_inspector(t);
        }
    }
    if c.inspection_end.is_none() || c.lead_inspector.is_none() {
        let head: Vec<&str> = lines
            .iter()
            .take(LETTER_LINES)
            .map(|t| t.as_ref())
            .collect();
        let letter = letter_visit(&head.join(" "));
        if c.inspection_end.is_none() {
            c.inspection_start = letter.start;
            c.inspection_end = letter.end;
        }
        c.lead_inspector = c.lead_inspector.take().or(letter.inspector);
    }
    c
}

/// Lines of a letter's opening read for its visit's dates and inspectors.
const LETTER_LINES: usize = 30;

/// What a focused visit's letter tells in its opening paragraph.
#[derive(Debug, Default, PartialEq)]
struct LetterVisit {
    start: Option<String>,
    end: Option<String>,
    inspector: Option<String>,
}

/// A visit told as a letter (a focused visit): "This letter summarises the
/// findings of the focused visit to … on 23 and 24 January 2024. His
/// Majesty's Inspectors for this visit were Amanda Maxwell, …" -> the
/// visit's first and last day, and the first inspector named.
fn letter_visit(head: &str) -> LetterVisit {
    let mut v = LetterVisit::default();
    let l = head.to_lowercase();
    if let Some(p) = l.find("summarises the findings") {
        let rest = &head[p..];
        let sentence = rest.split(". ").next().unwrap_or(rest);
        if let Some(q) = sentence.rfind(" on ") {
            let dates = sentence[q + 4..].replace(" and ", " to ");
            let (start, end) = date_range(&dates);
            v.start = start;
            v.end = end;
        }
    }
    if let Some(p) = l.find("inspectors") {
        let after = &l[p..];
        if let Some(w) = after.find(" were ").filter(|&w| w < 40) {
            let at = p + w + " were ".len();
            let name = head[at..]
                .split([',', '.'])
                .next()
                .unwrap_or("")
                .split(" and ")
                .next()
                .unwrap_or("")
                .trim();
            let words: Vec<&str> = name.split_whitespace().collect();
            let capitalised = words.iter().all(|w| w.starts_with(char::is_uppercase));
            if (2..=4).contains(&words.len()) && capitalised {
                v.inspector = Some(name.to_string());
            }
        }
    }
    v
}

/// The council as the report prints it in full, from its short name: the
/// first "Kent County Council", "Wiltshire Council", "Stockton-on-Tees
/// Borough Council" among the opening lines.
fn full_council(lines: &[&str], short: &str) -> Option<String> {
    for t in lines.iter().take(LETTER_LINES) {
        let mut from = 0;
        while let Some(k) = t[from..].find(short).map(|k| k + from) {
            let after = &t[k + short.len()..];
            let words: Vec<&str> = after.split_whitespace().take(3).collect();
            let opens_word = k == 0 || t[..k].ends_with(' ');
            if opens_word && after.starts_with(' ') {
                if let Some(n) = words.iter().position(|w| *w == "Council") {
                    let between = &words[..n];
                    if between.iter().all(|w| w.starts_with(char::is_uppercase)) {
                        let mut name = short.to_string();
                        for w in &words[..=n] {
                            name.push(' ');
                            name.push_str(w);
                        }
                        return Some(name);
                    }
                }
            }
            from = k + short.len();
        }
    }
    None
}

/// A board's review names the council of the board's area in full further
/// on: the cover opens with the board's name ("Surrey Safeguarding
/// Children Board"), whose first word is the place; the first "Surrey
/// County Council" anywhere in the report is its council.
fn board_council(lines: &[&str]) -> Option<String> {
    let first = lines.first()?;
    let words: Vec<&str> = first.split_whitespace().collect();
    let board = words.last().is_some_and(|w| *w == "Board") && words.len() >= 3;
    let place = words
        .first()
        .filter(|w| w.starts_with(char::is_uppercase))?;
    if !board {
        return None;
    }
    lines
        .chunks(LETTER_LINES)
        .find_map(|chunk| full_council(chunk, place))
}

/// "23 May to 16 June 2016", "8 – 12 July 2013", "15 June 2015 – 17 June
/// 2015": the first and last day. The first day takes its month and year
/// from the last where it does not print them.
fn date_range(s: &str) -> (Option<String>, Option<String>) {
    let norm = s
        .replace(['\u{2013}', '\u{2014}'], " to ")
        .replace(" - ", " to ");
    let Some((left, right)) = norm.split_once(" to ") else {
        let d = find_date(s);
        return (d.clone(), d);
    };
    let end = find_date(right);
    let start = find_date(left).or_else(|| {
        let end = end.as_deref()?;
        let (y, rest) = end.split_once('-')?;
        let (m, _) = rest.split_once('-')?;
        let words: Vec<&str> = left.split_whitespace().collect();
        let day: u32 = words.first()?.parse().ok()?;
        match words.get(1) {
            Some(month) => find_date(&format!("{day} {month} {y}")),
            None => Some(format!("{y}-{m}-{day:02}")),
        }
    });
    (start, end)
}

/// "Reporting inspector Gary Lamb HMI", "Lead inspector: Jo Smith",
/// "Matthew Barnes, Ofsted HMI, Lead inspector": the name.
fn lead_inspector(t: &str) -> Option<String> {
    // Both labels end in "inspector", which no non-ASCII character
    // lower-cases into: a line without it is passed over unlowered.
    let b = t.as_bytes();
    // "inspector" holds "sp": a line without the pair is passed over.
    if !crate::lex::holds_letter_pair(t, [*b"sp"]) {
        return None;
    }
    let named = (0..b.len().saturating_sub(8)).any(|i| {
        b[i] | 0x20 == b'i' && b[i..i + "inspector".len()].eq_ignore_ascii_case(b"inspector")
    });
    if !named {
        return None;
    }
    let l = t.to_lowercase();
    for label in ["lead inspector", "reporting inspector"] {
        let Some(p) = l.find(label) else { continue };
        let after = t[p + label.len()..].trim_start_matches([':', ' ']);
        let name: String = if p == 0 {
            after.split(',').next().unwrap_or("").to_string()
        } else {
            // The name before the label: the first part of its entry.
            let before = &t[..p];
            before
                .trim_end_matches([',', ' '])
                .split(',')
                .next()
                .unwrap_or("")
                .trim()
                .to_string()
        };
        let name = name
            .trim()
            .trim_end_matches(" HMI")
            .trim_start_matches("Ofsted ")
            .trim()
            .to_string();
        let words = name.split_whitespace().count();
        if (2..=4).contains(&words) && name.starts_with(char::is_uppercase) {
            return Some(name);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn date_ranges_give_first_and_last_day() {
        // Stockton-on-Tees 2016, Norfolk 2013, Surrey 2015 covers.
        let r = |s: &str| date_range(s);
        assert_eq!(
            r("23 May to 16 June 2016"),
            (Some("2016-05-23".into()), Some("2016-06-16".into()))
        );
        assert_eq!(
            r("8 \u{2013} 12 July 2013"),
            (Some("2013-07-08".into()), Some("2013-07-12".into()))
        );
        assert_eq!(
            r("15 June 2015 \u{2013} 17 June 2015"),
            (Some("2015-06-15".into()), Some("2015-06-17".into()))
        );
    }

    #[test]
    fn the_lead_inspector_is_read_before_or_after_the_label() {
        assert_eq!(
            lead_inspector("Reporting inspector Gary Lamb HMI").as_deref(),
            Some("Gary Lamb")
        );
        assert_eq!(
            lead_inspector("Matthew Barnes, Ofsted HMI, Lead inspector Sarah Canto, Ofsted HMI")
                .as_deref(),
            Some("Matthew Barnes")
        );
        assert_eq!(
            lead_inspector("Ofsted Sue Eastwood, Ofsted Lead inspector Julie Knight").as_deref(),
            Some("Sue Eastwood")
        );
    }

    /// Ofsted's focused-visit letters (Kent 2024, Lancashire 2019).
    #[test]
    fn a_letter_tells_the_visit() {
        let kent = "Dear Ms Hammond Focused visit to Kent County Council local authority children’s services \
            This letter summarises the findings of the focused visit to Kent County Council local \
            authority children’s services on 23 and 24 January 2024. His Majesty’s Inspectors for \
            this visit were Amanda Maxwell, Russel Breyer and Rebecca Dubbins.";
        let v = letter_visit(kent);
        assert_eq!(v.start.as_deref(), Some("2024-01-23"));
        assert_eq!(v.end.as_deref(), Some("2024-01-24"));
        assert_eq!(v.inspector.as_deref(), Some("Amanda Maxwell"));
        let lancs =
            "This letter summarises the findings of a focused visit to Lancashire children’s \
            services on 4 November 2019. The inspectors were Lorna Schlechte, Her Majesty’s \
            Inspector, and Shabana Abasi, Her Majesty’s Inspector.";
        let v = letter_visit(lancs);
        assert_eq!(v.start.as_deref(), Some("2019-11-04"));
        assert_eq!(v.end.as_deref(), Some("2019-11-04"));
        assert_eq!(v.inspector.as_deref(), Some("Lorna Schlechte"));
    }

    #[test]
    fn the_council_as_printed_in_full() {
        let lines = [
            "Inspection of looked after children",
            "Norfolk County Council",
            "Wiltshire Council and NHS Bath and North East Somerset",
        ];
        assert_eq!(
            full_council(&lines, "Norfolk").as_deref(),
            Some("Norfolk County Council")
        );
        assert_eq!(
            full_council(&lines, "Wiltshire").as_deref(),
            Some("Wiltshire Council")
        );
        assert_eq!(
            full_council(&["Surrey Safeguarding Children Board"], "Surrey"),
            None
        );
        // Surrey's LSCB review (2015): the board on the cover, the council
        // in full on p6.
        let review = [
            "Surrey Safeguarding Children Board",
            "Review of the effectiveness of the Local Safeguarding Children",
            "Strengthen the governance arrangements between the chief executive of Surrey County Council and the independent chair of the LSCB",
        ];
        assert_eq!(
            board_council(&review).as_deref(),
            Some("Surrey County Council")
        );
        assert_eq!(board_council(&review[1..]), None);
    }

    #[test]
    fn the_cover_gives_publication_and_inspection_dates() {
        let lines: Vec<String> = [
            "Inspection of looked after children services",
            "Norfolk County Council",
            "Inspection dates: 8 \u{2013} 12 July 2013",
            "Reporting inspector Gary Lamb HMI",
            "Published: 16 August 2013",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect();
        let c = cover(&lines);
        assert_eq!(c.published.as_deref(), Some("2013-08-16"));
        assert_eq!(c.inspection_start.as_deref(), Some("2013-07-08"));
        assert_eq!(c.lead_inspector.as_deref(), Some("Gary Lamb"));
    }
}

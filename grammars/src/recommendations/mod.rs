//! Recommendations: addressee groups ("LSCBs should:"), numbered blocks with
//! progress updates, areas for improvement, an officer report's "Recommendations:".
//!
//! A document is read as paragraphs (`recommendation_para`) and the lexemes
//! of `recommendation_lex` are assembled here into three shapes:
//!
//! - numbered blocks: "Recommendation 5", its text, then the progress
//!   narrative up to the next block or heading, under the "Key Judgement
//!   Area:" heading it sits in;
//! - lists under a section heading ("Recommendations", "Areas for
//!   improvement", "What needs to improve …?", "Recommendation(s):"): items
//!   grouped by addressee leads ("The government should:", "Cabinet is asked
//!   to:"), sub-headings as `area`, nested sub-points as `items`;
//! - in a progress-tracking report, the prose after a list item is its
//!   progress;
//! - progress trackers as tables ("No | Recommendation | Progress update"):
//!   one record per row.
//!
//! It owns the `recommendation` records only; a report's front sheet
//! (`report`) and tables are read elsewhere.

mod lex;
mod para;

use crate::document::Doc;
use crate::model::{Diagnostic, DocType, Fields, Parsed, Recommendation, Record};
use crate::recommendations::lex::{
    addressed_section_heading, addressee_lead, asked_to, bare_subject_lead, completes_bare_subject,
    completes_subject, for_consideration, imperative, item_number, key_area, none_marker,
    rec_heading, sentences, should_subject, subject_lead, that_addressee, timescale_heading,
    SectionKind,
};
use crate::recommendations::para::{paragraphs, Para};
use std::borrow::Cow;
use std::collections::HashSet;

/// A recommendation being assembled.
#[derive(Debug, Clone, Default)]
struct Rec {
    number: Option<String>,
    addressee: Option<String>,
    area: Option<String>,
    text: String,
    items: Vec<String>,
    progress: Vec<String>,
    page: u32,
    page_end: u32,
    /// Left edge of the paragraph, for telling sub-points by their indent.
    x0: f32,
    /// Read from a "Recommendation 5" block rather than a list or table.
    block: bool,
}

/// How a section's paragraphs are read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Style {
    /// A report's own "Recommendations:": every paragraph is a recommendation.
    Report,
    /// An inspection's list: only list-like paragraphs are recommendations;
    /// other prose ends the list, or is progress in a progress report.
    List,
}

struct Ctx {
    /// Prose after a recommendation is its progress update.
    progress_mode: bool,
    doc_type: DocType,
    /// Indent difference that makes a sub-point (points, or characters in text).
    indent: f32,
}

/// Read one document's pages and append its records to `out`.
pub fn parse(d: &Doc, out: &mut Parsed) {
    let (pages, info, doc) = (d.pages, d.info, d.index);
    let paras = paragraphs(pages, &d.lines);
    let text_input = pages.iter().all(|p| p.lines.iter().all(|l| l.size == 0.0));
    let ctx = Ctx {
        progress_mode: info.doc_type != DocType::InspectionReport
            && paras.iter().any(|p| rec_heading(&p.text).is_ok()),
        doc_type: info.doc_type,
        indent: if text_input { 0.5 } else { 4.0 },
    };
    let mut recs: Vec<Rec> = Vec::new();
    let mut area: Option<String> = None;
    let mut seen_section = false;
    let first_page = paras.first().map_or(0, |p| p.page);
    // The body a moved amendment asks ("County Council is asked to agree
    // the following:"), for the recommendations it changes.
    let mut asked: Option<String> = None;
    let mut i = 0;
    while i < paras.len() {
        let p = &paras[i];
        if ctx.doc_type == DocType::MemberReport && p.text.ends_with(':') {
            if let Ok((_, who)) = asked_to(&p.text) {
                asked = Some(who.to_string());
            }
        }
        if let Some(number) = changed_recommendation(p, ctx.doc_type) {
            i = changed(&paras, i, number, &asked, &mut recs);
        } else if let Ok((inline, number)) = rec_heading(&p.text) {
            i = numbered_block(&paras, i, number, inline, &area, &ctx, &mut recs);
        } else if let Ok((_, a)) = key_area(&p.text) {
            area = Some(a.to_string());
            i += 1;
        } else if let Some(cols) = tracker_header(p) {
            i = tracker_table(&paras, i + 1, &cols, &mut recs);
        } else if let Some((who, h)) = addressed_section_heading(&p.text) {
            seen_section = true;
            let start = i;
            let style = if h.kind == SectionKind::Recommendations
                && ctx.doc_type != DocType::InspectionReport
            {
                Style::Report
            } else {
                Style::List
            };
            // An inspection's "Recommendations" section is an area of its
            // own; a council report's names none.
            let base_area = match h.kind {
                SectionKind::Recommendations if style == Style::Report => None,
                _ => Some(h.title.to_string()),
            };
            let first = recs.len();
            // "Recommendations: To note the report": the text after the
            // colon is the first paragraph of the section.
            let inline = (!h.inline.is_empty()).then(|| Para {
                text: h.inline.to_string(),
                cells: Vec::new(),
                ..p.clone()
            });
            i = section(
                &paras,
                i + 1,
                inline,
                Section {
                    style,
                    addressee: who.map(str::to_string),
                    area: base_area,
                    area_is_title: h.kind == SectionKind::Recommendations,
                },
                &ctx,
                &mut recs,
                out,
            );
            // A heading repeated at once ("Areas for improvement" as section
            // title and as box title) leaves an empty first section: no news.
            let consumed = i > start + 1;
            if recs.len() == first && consumed && !section_says_none(&paras, i) {
                out.diagnostics.push(Diagnostic {
                    page: p.page,
                    message: format!("\"{}\" heading with no recommendation under it", p.text),
                });
            }
        } else {
            if !seen_section && p.page == first_page {
                if let Some(who) = summary_recommendation(p, ctx.doc_type) {
                    recs.extend(split_item(p, &p.text, None, &Some(who), None, out));
                }
            }
            i += 1;
        }
    }
    check_numbering(&recs, out);
    push_records(recs, doc, out);
}

/// Words a change's lead holds at most where its new text follows it
/// ("To replace Recommendation (h) with").
const CHANGE_LEAD_WORDS: usize = 8;

/// "To replace Recommendation (d) by …", "To add a new recommendation (p)
/// with": in a moved amendment, a paragraph changing the recommendation
/// numbered so. Returns the number.
fn changed_recommendation(p: &Para, doc_type: DocType) -> Option<String> {
    if doc_type != DocType::MemberReport
        || p.bullets > 0
        || !crate::segment::changes_recommendation(&p.text)
    {
        return None;
    }
    let lower = p.text.to_lowercase();
    let at = lower.find("recommendation")? + "recommendation".len();
    let rest = p.text[at..].trim_start();
    let rest = rest.strip_prefix('s').unwrap_or(rest).trim_start();
    let number: String = match rest.strip_prefix('(') {
        Some(r) => r
            .split(')')
            .next()
            .filter(|n| r.contains(')') && !n.is_empty())?
            .to_string(),
        None => rest
            .split(|c: char| c.is_whitespace() || c == ',' || c == ':')
            .next()
            .filter(|n| !n.is_empty() && n.chars().all(|c| c.is_ascii_alphanumeric() || c == '.'))
            .filter(|n| n.chars().any(|c| c.is_ascii_digit()) || n.chars().count() == 1)?
            .to_string(),
    };
    (number.chars().count() <= 6).then_some(number)
}

/// A changed recommendation from paragraph `i`: the paragraph itself where
/// it states the change ("… by making changes to …"), or the paragraph
/// after a short lead ("To replace Recommendation (h) with") with the
/// bulleted paragraphs under it. Returns the next paragraph to read.
fn changed(
    paras: &[Para],
    i: usize,
    number: String,
    addressee: &Option<String>,
    recs: &mut Vec<Rec>,
) -> usize {
    let p = &paras[i];
    let lead =
        words_upto(&p.text, CHANGE_LEAD_WORDS + 1) <= CHANGE_LEAD_WORDS && !ends_terminal(&p.text);
    let mut rec = Rec {
        number: Some(number),
        addressee: addressee.clone(),
        text: p.text.clone(),
        page: p.page,
        page_end: p.page,
        x0: p.x0,
        ..Rec::default()
    };
    let mut next = i + 1;
    if lead {
        let Some(body) = paras
            .get(next)
            .filter(|q| changed_recommendation(q, DocType::MemberReport).is_none() && !is_stop(q))
        else {
            return next;
        };
        rec.text = body.text.clone();
        rec.page_end = body.page;
        next += 1;
        while let Some(q) = paras.get(next).filter(|q| q.bullets > 0) {
            rec.items.push(q.text.clone());
            rec.page_end = q.page;
            next += 1;
        }
    }
    recs.push(rec);
    next
}

/// "Council is recommended to approve events to be delivered …": a
/// report's summary, a sentence of its own on the first page above the
/// report's sections, saying what a body is asked to decide. Returns the
/// body. A lead ("… is asked to:") or a row of the front sheet is none.
fn summary_recommendation(p: &Para, doc_type: DocType) -> Option<String> {
    if !matches!(doc_type, DocType::OfficerReport | DocType::MemberReport)
        || p.is_table_row()
        || p.bullets > 0
        || !ends_terminal(&p.text)
        || item_number(&p.text).is_ok()
    {
        return None;
    }
    let (rest, who) = asked_to(&p.text).ok()?;
    // "is recommended to": the sentence is the recommendation itself; a
    // summary's "Members are asked to consider …" describes what the
    // report goes on to ask.
    let recommended = p.text[who.len()..].trim_start().split(' ').nth(1) == Some("recommended");
    let named = recommended
        && who.split_whitespace().count() <= 4
        && starts_upper_or_digit(who)
        && !who.contains([':', ',']);
    (named && words_upto(rest, 6) >= 5).then(|| who.to_string())
}

/// Whether the section that just ended said "N/A" or "None" (so no record is right).
fn section_says_none(paras: &[Para], end: usize) -> bool {
    paras[..end.min(paras.len())]
        .iter()
        .rev()
        .take(3)
        .any(|p| none_marker(&p.text).is_ok())
}

/// Ends a numbered block's progress and a list: the next block, a key area,
/// a section heading, or a numbered report heading ("7. Contribution to …").
fn is_stop(p: &Para) -> bool {
    rec_heading(&p.text).is_ok()
        || key_area(&p.text).is_ok()
        || addressed_section_heading(&p.text).is_some()
        || numbered_heading(p)
}

/// The number of words of `s`, counted no further than `cap`: enough to
/// compare with any limit below `cap` without walking a long paragraph.
fn words_upto(s: &str, cap: usize) -> usize {
    s.split_whitespace().take(cap).count()
}

fn words(s: &str) -> usize {
    s.split_whitespace().count()
}

fn ends_terminal(s: &str) -> bool {
    s.trim_end().ends_with(['.', ';', '!', '?', ','])
}

fn starts_lower(s: &str) -> bool {
    s.chars().next().is_some_and(|c| c.is_lowercase())
}

fn starts_upper_or_digit(s: &str) -> bool {
    s.chars()
        .next()
        .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit() || c == '‘' || c == '\'')
}

/// A short title line: no sentence punctuation at its end, capitalised.
fn heading_like(p: &Para) -> bool {
    let t = p.text.as_str();
    if p.bullets > 0 || !starts_upper_or_digit(t) {
        return false;
    }
    let n = words_upto(t, 13);
    if t.ends_with(':') {
        return n <= 6;
    }
    n <= 12 && !t.ends_with(['.', ';', ','])
}

/// "7. Contribution to strategic outcomes", "1. Introduction.", "Section 2 –
/// Report", "3.0 Background and Key Issues": a numbered report heading.
fn numbered_heading(p: &Para) -> bool {
    if p.bullets > 0 {
        return false;
    }
    let t = p.text.as_str();
    let body = match item_number(t) {
        Ok((rest, _)) => rest,
        Err(_) => match t.strip_prefix("Section ") {
            Some(rest) => rest.trim_start_matches(|c: char| {
                c.is_ascii_digit() || c == ' ' || c == '–' || c == '-' || c == ':'
            }),
            None => return false,
        },
    };
    let n = words_upto(body, 11);
    // "1. What is Early Help?": a question is a title whatever its verbs.
    if body.ends_with('?') && n <= 10 && starts_upper_or_digit(body) {
        return true;
    }
    let short_enough = n <= 8 && !(body.ends_with('.') && n > 2);
    if !(short_enough && starts_upper_or_digit(body)) {
        return false;
    }
    let lower = format!(" {} ", body.to_lowercase());
    !lower.contains(" is ")
        && !lower.contains(" are ")
        && !lower.contains(" should ")
        && !body.starts_with("That ")
        && imperative(body).is_err()
}

/// An item of an inspection's list: bulleted, imperative, or saying who should act.
fn list_item_like(p: &Para) -> bool {
    if p.bullets > 0 {
        return true;
    }
    let body = match item_number(&p.text) {
        Ok((rest, _)) => rest,
        Err(_) => p.text.as_str(),
    };
    imperative(body).is_ok() || should_subject(body).is_some() || responsible_body_row(p).is_some()
}

/// A paragraph that says what to do, not just one that is bulleted: what a
/// sub-heading must be followed by ("Schools" then "Ensure that schools …";
/// not "Findings" then "◼ Children come into care …").
fn action_like(p: &Para) -> bool {
    let body = match item_number(&p.text) {
        Ok((rest, _)) => rest,
        Err(_) => p.text.as_str(),
    };
    imperative(body).is_ok()
        || should_subject(body).is_some()
        || responsible_body_row(p).is_some()
        || addressee_lead(body).is_ok()
}

/// "In order to improve …, the local authority should take the following
/// action." -> "the local authority".
fn intro_lead(text: &str) -> Option<&str> {
    let lower = text.to_lowercase();
    let intro = lower.ends_with("following action.")
        || lower.ends_with("following actions.")
        || lower.ends_with("following:")
        || lower.ends_with("following action:")
        || lower.ends_with("following actions:");
    if !intro {
        return None;
    }
    let body = item_number(text).map(|(r, _)| r).unwrap_or(text);
    // The subject follows the last comma before "should".
    let at = body.find(" should ")?;
    let head = &body[..at];
    let start = head.rfind(", ").map(|k| k + 2).unwrap_or(0);
    let who = head[start..].trim();
    (words(who) <= 10 && !who.is_empty()).then_some(who)
}

/// "Recommendation 5" and what follows it: the recommendation, its
/// sub-points, and (in a progress report) the progress narrative up to the
/// next stop.
fn numbered_block(
    paras: &[Para],
    start: usize,
    number: String,
    inline: &str,
    area: &Option<String>,
    ctx: &Ctx,
    recs: &mut Vec<Rec>,
) -> usize {
    let head = &paras[start];
    let mut j = start + 1;
    let mut text = inline.trim().to_string();
    let mut page_end = head.page;
    if text.is_empty() && j < paras.len() && !is_stop(&paras[j]) {
        text = paras[j].text.clone();
        page_end = paras[j].page;
        j += 1;
    }
    // A sentence broken by a page break or a stray blank line goes on.
    while j < paras.len() && starts_lower(&paras[j].text) && !ends_terminal(&text) {
        text.push(' ');
        text.push_str(&paras[j].text);
        page_end = paras[j].page;
        j += 1;
    }
    let mut items = Vec::new();
    if text.ends_with(':') {
        while j < paras.len() && paras[j].bullets > 0 {
            items.push(paras[j].text.clone());
            page_end = paras[j].page;
            j += 1;
        }
    }
    // Only a progress report follows a recommendation with its update; in
    // an inspection report the prose after it is the report going on.
    let mut progress = Vec::new();
    while ctx.progress_mode && j < paras.len() && !is_stop(&paras[j]) && !heading_like(&paras[j]) {
        progress.push(paras[j].text.clone());
        page_end = paras[j].page;
        j += 1;
    }
    recs.push(Rec {
        number: Some(number),
        addressee: None,
        area: area.clone(),
        text,
        items,
        progress,
        page: head.page,
        page_end,
        x0: head.x0,
        block: true,
    });
    j
}

/// What a section heading sets for the list under it.
struct Section {
    style: Style,
    addressee: Option<String>,
    area: Option<String>,
    /// The area is the plain "Recommendations" title: lists grouped under
    /// addressees ("The government should:") are known by those instead.
    area_is_title: bool,
}

/// Where the sub-points of the current top-level item stand.
#[derive(Default)]
struct Nesting {
    /// Index in `recs` of the item sub-points attach to.
    top: Option<usize>,
    sub_x0: Option<f32>,
    /// Whether the sub-points open with an -ing form ("promoting …").
    sub_gerund: Option<bool>,
}

/// The next paragraph that is not page furniture.
fn next_content(paras: &[Para], from: usize) -> Option<&Para> {
    paras[from.min(paras.len())..]
        .iter()
        .find(|p| !is_furniture(p))
}

/// A footer the layout kept as a table row: "9 to 13 December 2024 | 7".
fn is_furniture(p: &Para) -> bool {
    p.last_on_page
        && p.is_table_row()
        && words_upto(&p.text, 9) <= 8
        && p.cells
            .last()
            .is_some_and(|c| !c.is_empty() && c.chars().all(|ch| ch.is_ascii_digit()))
}

/// A list under a section heading, from `start`; returns where it ends.
fn section(
    paras: &[Para],
    start: usize,
    inline: Option<Para>,
    head: Section,
    ctx: &Ctx,
    recs: &mut Vec<Rec>,
    out: &mut Parsed,
) -> usize {
    let mut addressee = head.addressee.clone();
    let mut sub_area: Option<String> = None;
    let first = recs.len();
    let mut group_start = recs.len();
    let mut in_progress = false;
    let mut nesting = Nesting::default();
    let mut intro_prose = 0;
    let mut last_number: Option<u32> = None;

    let mut queue: Vec<Para> = inline.into_iter().collect();
    let mut j = start;
    loop {
        // The section's paragraphs are read in place, not copied.
        let queued;
        let (p, from_queue) = match queue.pop() {
            Some(q) => {
                queued = q;
                (&queued, true)
            }
            None => match paras.get(j) {
                Some(p) => (p, false),
                None => break,
            },
        };
        let advance = |j: &mut usize| {
            if !from_queue {
                *j += 1;
            }
        };
        if is_furniture(p) {
            advance(&mut j);
            continue;
        }
        if !from_queue && is_stop(p) {
            break;
        }
        if none_marker(&p.text).is_ok() {
            advance(&mut j);
            continue;
        }
        let (number, body) = match item_number(&p.text) {
            Ok((rest, n)) => (Some(n), rest.to_string()),
            Err(_) => (None, p.text.clone()),
        };
        // Addressee leads: "LSCBs should:", "Cabinet is asked to RECOMMEND that:".
        if let Ok((_, who)) = addressee_lead(&body) {
            addressee = Some(who.to_string());
            nesting = Nesting::default();
            group_start = recs.len();
            in_progress = false;
            advance(&mut j);
            continue;
        }
        // "Council is recommended to approve: -": a dash after the colon
        // points down to the list.
        let lead_body = body.trim_end_matches(['-', '–', ' ']);
        if lead_body.ends_with(':') {
            if let Ok((_, who)) = asked_to(lead_body) {
                addressee = Some(who.to_string());
                nesting = Nesting::default();
                advance(&mut j);
                continue;
            }
        }
        if let Some(who) = intro_lead(&p.text) {
            addressee = Some(who.to_string());
            advance(&mut j);
            continue;
        }
        // "That Committee:" over "1) Notes the …": the items finish the
        // sentence the lead opens, so the lead names who acts.
        // "That the Committee for Transport and Connectivity" over "1.
        // Approve …": without the colon, the item below must be numbered.
        let bare = number.is_none().then(|| bare_subject_lead(&body)).flatten();
        if let Some(who) = subject_lead(&body).or(bare) {
            let next = next_content(paras, if from_queue { j } else { j + 1 });
            let completes = next.is_some_and(|n| match item_number(&n.text) {
                Ok((item, _)) if bare.is_some() => completes_bare_subject(item),
                Ok((item, _)) => completes_subject(item),
                Err(_) => bare.is_none() && completes_subject(&n.text),
            });
            if completes {
                addressee = Some(who.to_string());
                nesting = Nesting::default();
                advance(&mut j);
                continue;
            }
        }
        // Sub-headings ("Schools", "Within three months:") name the area of
        // the items below them; any other title ends the list.
        if heading_like(p) && !item_start(p, head.style) {
            let next = next_content(paras, if from_queue { j } else { j + 1 });
            let opens_items = head.style == Style::List
                && next.is_some_and(|n| !heading_like(n) && action_like(n));
            // "Contractual:" between "2. Stage One …" and "3. 4. Authorises
            // …": a label inside a report's numbered list, which goes on.
            let goes_on = head.style == Style::Report
                && p.text.ends_with(':')
                && last_number.is_some()
                && next.is_some_and(|n| {
                    item_number(&n.text)
                        .ok()
                        .and_then(|(_, k)| k.parse::<u32>().ok())
                        == last_number.map(|k| k + 1)
                });
            if goes_on {
                advance(&mut j);
                continue;
            }
            if opens_items {
                // A ruled table's header row ("Responsible body | Areas for
                // priority action") names its columns, not an area.
                // A timescale ("Within three months:") says when, and leaves
                // the section's area in place.
                if p.cells.iter().filter(|c| !c.is_empty()).count() < 2
                    && !timescale_heading(&p.text)
                {
                    sub_area = Some(p.text.trim_end_matches(':').trim().to_string());
                }
                nesting = Nesting::default();
                group_start = recs.len();
                in_progress = false;
                advance(&mut j);
                continue;
            }
            break;
        }
        if in_progress {
            push_progress(recs, group_start, p);
            advance(&mut j);
            continue;
        }
        // A paragraph broken by a page break (or a wrapped table row) goes on.
        if recs.len() > first
            && p.bullets == 0
            && number.is_none()
            && starts_lower(&p.text)
            && imperative(&p.text).is_err()
        {
            if let Some(last) = recs.last_mut() {
                if !ends_terminal(last_text(last)) {
                    append_to_last(last, p);
                    advance(&mut j);
                    continue;
                }
            }
        }
        // A numbered list of noun phrases ("1. The quality of management
        // oversight.") is a list when its numbers count on from the last item.
        let counts_on = match (number.as_deref(), last_number) {
            (Some(n), prev) => n
                .parse::<u32>()
                .is_ok_and(|n| n == prev.map_or(1, |p| p + 1)),
            _ => false,
        };
        let is_item = match head.style {
            Style::Report => true,
            Style::List => {
                list_item_like(p)
                    || counts_on
                    || (number.is_some() && is_sub(p, &nesting, recs, ctx))
            }
        };
        if is_item {
            if let Some(t) = nesting.top.filter(|_| is_sub(p, &nesting, recs, ctx)) {
                let parent = &mut recs[t];
                if nesting.sub_x0.is_none() {
                    nesting.sub_x0 = Some(p.x0);
                    nesting.sub_gerund = imperative(&body).ok().map(|(_, g)| g);
                }
                parent.items.push(body.clone());
                parent.page_end = p.page;
            } else {
                let area = sub_area.clone().or_else(|| {
                    head.area
                        .clone()
                        .filter(|_| !(head.area_is_title && addressee.is_some()))
                });
                let new = split_item(p, &body, number, &addressee, area, out);
                last_number = new
                    .last()
                    .and_then(|r| r.number.as_deref())
                    .and_then(|n| n.parse().ok());
                let single = new.len() == 1;
                recs.extend(new);
                nesting = Nesting {
                    top: single.then(|| recs.len() - 1),
                    ..Nesting::default()
                };
            }
            advance(&mut j);
            continue;
        }
        // Prose: progress in a progress report, an introduction before the
        // first item, or the end of the list.
        if ctx.progress_mode && recs.len() > group_start {
            in_progress = true;
            push_progress(recs, group_start, p);
            advance(&mut j);
            continue;
        }
        if recs.len() == first && intro_prose < 2 {
            intro_prose += 1;
            advance(&mut j);
            continue;
        }
        break;
    }
    j
}

fn last_text(r: &Rec) -> &str {
    r.items.last().unwrap_or(&r.text)
}

fn append_to_last(r: &mut Rec, p: &Para) {
    let target = match r.items.last_mut() {
        Some(item) => item,
        None => &mut r.text,
    };
    target.push(' ');
    target.push_str(&p.text);
    r.page_end = p.page;
}

/// Progress text goes to every recommendation of the group it follows:
/// one update may answer several areas for improvement at once.
fn push_progress(recs: &mut [Rec], group_start: usize, p: &Para) {
    for r in recs[group_start..].iter_mut() {
        r.progress.push(p.text.clone());
        r.page_end = p.page;
    }
}

/// A paragraph that is an item even though it looks like a title
/// ("Set performance indicators on spend").
fn item_start(p: &Para, style: Style) -> bool {
    let body = item_number(&p.text).map(|(r, _)| r).unwrap_or(&p.text);
    let lower = format!(" {} ", body.to_lowercase());
    let sentence = [" is ", " are ", " be ", " will ", " should "]
        .iter()
        .any(|v| lower.contains(v));
    imperative(body).is_ok()
        || (style == Style::Report
            && (sentence
                || asked_to(body).is_ok()
                || body.starts_with("That ")
                || completes_subject(body)))
}

/// Whether `p` is a sub-point of the current top-level item: indented
/// deeper, or following an item that ends in ":" and opening with the same
/// kind of word as the sub-points before it.
fn is_sub(p: &Para, nesting: &Nesting, recs: &[Rec], ctx: &Ctx) -> bool {
    let Some(top) = nesting.top else {
        return false;
    };
    let parent = &recs[top];
    // A row of a borderless table (the layout's columns) is its own item,
    // unless it is an unnumbered paragraph indented under a numbered one
    // ("e) That the Town Council engages …" over "This would include …").
    let explains = parent.number.is_some()
        && item_number(&p.text).is_err()
        && p.bullets == 0
        && p.x0 > parent.x0 + ctx.indent;
    if p.is_table_row() && !explains {
        return false;
    }
    // "(a)" under "3. Ensure that:" is a sub-point; "4." after "3." is not.
    if let Ok((_, n)) = item_number(&p.text) {
        let digit = |s: &str| s.chars().next().is_some_and(|c| c.is_ascii_digit());
        let under_number = parent.number.as_deref().is_some_and(digit) && !digit(&n);
        if !(under_number && parent.text.ends_with(':')) {
            return false;
        }
        return true;
    }
    if let Some(sx) = nesting.sub_x0 {
        if p.x0 < sx - ctx.indent {
            return false;
        }
    }
    if p.x0 > parent.x0 + ctx.indent {
        return true;
    }
    if !parent.text.ends_with(':') {
        return false;
    }
    match (nesting.sub_gerund, imperative(&p.text)) {
        (None, _) => true,
        (Some(g), Ok((_, h))) => g == h,
        (Some(_), Err(_)) => false,
    }
}

/// One paragraph -> one or more recommendations. A table row whose bullet
/// cell holds several marks holds as many items merged into one cell; a
/// "Responsible body | action" row names its addressee in the first cell.
fn split_item(
    p: &Para,
    body: &str,
    number: Option<String>,
    addressee: &Option<String>,
    area: Option<String>,
    out: &mut Parsed,
) -> Vec<Rec> {
    // An item numbered under a numbered lead ("2.1 Cabinet is asked to
    // RESOLVE that:" over "(1) …") keeps its own number as printed: "1".
    let mut texts: Vec<String> = vec![body.to_string()];
    let mut bodies: Vec<Option<String>> = vec![None];
    let mut numbers: Vec<Option<String>> = vec![number];
    if let Some((ns, parts)) = stacked_items(p) {
        numbers = ns.into_iter().map(Some).collect();
        texts = parts;
    } else if p.bullets > 1 {
        let parts = sentences(body);
        if parts.len() == p.bullets {
            texts = parts.iter().map(|s| s.to_string()).collect();
        } else {
            out.diagnostics.push(Diagnostic {
                page: p.page,
                message: format!(
                    "{} list marks beside one cell of {} sentences: kept as one recommendation",
                    p.bullets,
                    parts.len()
                ),
            });
        }
    } else if let Some((body_cell, action)) = responsible_body_row(p) {
        let parts = should_sentences(&action);
        bodies = split_bodies(&body_cell, parts.len())
            .into_iter()
            .map(Some)
            .collect();
        if bodies.len() != parts.len() {
            bodies = vec![Some(body_cell); parts.len()];
        }
        texts = parts;
    }
    let mut recs = Vec::new();
    for (k, text) in texts.into_iter().enumerate() {
        let text_who = should_subject(&text)
            .map(str::to_string)
            .or_else(|| asked_to(&text).ok().map(|(_, w)| w.to_string()))
            .or_else(|| that_addressee(&text).ok().map(|(_, w)| w.to_string()))
            .or_else(|| for_consideration(&text).map(str::to_string));
        let this_who = bodies
            .get(k)
            .cloned()
            .flatten()
            .or_else(|| addressee.clone())
            .or(text_who);
        recs.push(Rec {
            number: numbers.get(k).cloned().flatten(),
            addressee: this_who,
            area: area.clone(),
            text,
            items: Vec::new(),
            progress: Vec::new(),
            page: p.page,
            page_end: p.page,
            x0: p.x0,
            block: false,
        });
    }
    recs
}

/// "2.2 2.3 2.4 | Note the forecast … Note the forecast … Consider and note
/// …": a table row whose first cell stacks one number per item and whose
/// next cell runs the items together. The items are split into sentences
/// where there are as many; otherwise before each word that opens an item
/// as the first does (an imperative, or a body's verb "Authorises"), where
/// that gives exactly one item per number. Otherwise none.
fn stacked_items(p: &Para) -> Option<(Vec<String>, Vec<String>)> {
    let mut filled = p.cells.iter().filter(|c| !c.trim().is_empty());
    let numbers_cell = filled.next()?;
    let items_cell = filled.next()?;
    let numbers: Vec<String> = numbers_cell
        .split_whitespace()
        .map(|tok| match item_number(&format!("{tok} ")) {
            Ok(("", n)) => Some(n),
            _ => None,
        })
        .collect::<Option<_>>()?;
    if numbers.len() < 2 {
        return None;
    }
    let parts = sentences(items_cell);
    if parts.len() == numbers.len() {
        return Some((numbers, parts.iter().map(|s| s.to_string()).collect()));
    }
    // The kind of word the first item opens with, asked of every word
    // with a capital after it.
    let opens: fn(&str) -> bool = if imperative(items_cell).is_ok_and(|(_, g)| !g) {
        |s| imperative(s).is_ok_and(|(_, g)| !g)
    } else if completes_subject(items_cell) {
        completes_subject
    } else {
        return None;
    };
    let mut starts = vec![0];
    let mut at = 0;
    for w in items_cell.split(' ') {
        if at > 0 && w.starts_with(|c: char| c.is_uppercase()) && opens(&items_cell[at..]) {
            starts.push(at);
        }
        at += w.len() + 1;
    }
    if starts.len() != numbers.len() {
        return None;
    }
    starts.push(items_cell.len());
    let texts = starts
        .windows(2)
        .map(|w| items_cell[w[0]..w[1]].trim().to_string())
        .collect();
    Some((numbers, texts))
}

/// "Responsible body X | Areas for priority action X should …": a two-cell
/// row whose second cell says who should act and whose first does not.
fn responsible_body_row(p: &Para) -> Option<(String, String)> {
    let cells: Vec<&String> = p.cells.iter().filter(|c| !c.is_empty()).collect();
    if cells.len() != 2 || !cells[1].contains(" should ") || cells[0].contains(" should ") {
        return None;
    }
    if item_number(&format!("{} ", cells[0])).is_ok() {
        return None;
    }
    let strip = |s: &str, heads: &[&str]| -> String {
        let mut s = s.trim();
        for h in heads {
            if let (Some(head), Some(tail)) = (s.get(..h.len()), s.get(h.len()..)) {
                if head.eq_ignore_ascii_case(h) {
                    s = tail.trim();
                }
            }
        }
        s.to_string()
    };
    let body = strip(cells[0], &["Responsible bodies", "Responsible body"]);
    let action = strip(
        cells[1],
        &["Areas for priority action", "Area for priority action"],
    );
    Some((body, action))
}

/// Sentences grouped so that each group opens with a named subject that
/// should act ("Leaders from the ICB should …"); "They should …" and other
/// sentences stay with the group before.
fn should_sentences(text: &str) -> Vec<String> {
    let mut groups: Vec<String> = Vec::new();
    for s in sentences(text) {
        let opens = should_subject(s).is_some_and(|who| s.starts_with(who));
        match groups.last_mut() {
            Some(g) if !opens => {
                g.push(' ');
                g.push_str(s);
            }
            _ => groups.push(s.to_string()),
        }
    }
    groups
}

/// A first cell holding `n` responsible bodies run together ("A and B B and
/// A"): split where each part names the same set of words; otherwise none.
fn split_bodies(cell: &str, n: usize) -> Vec<String> {
    if n <= 1 {
        return vec![cell.to_string()];
    }
    let ws: Vec<&str> = cell.split_whitespace().collect();
    if !ws.len().is_multiple_of(n) {
        return Vec::new();
    }
    let len = ws.len() / n;
    let mut key: Vec<&str> = ws[..len].to_vec();
    key.sort_unstable();
    let mut parts = Vec::new();
    for chunk in ws.chunks(len) {
        let mut k = chunk.to_vec();
        k.sort_unstable();
        if k != key {
            return Vec::new();
        }
        parts.push(chunk.join(" "));
    }
    parts
}

/// Which columns of a progress tracker hold what.
#[derive(Debug, Clone, PartialEq)]
struct TrackerColumns {
    recommendation: usize,
    progress: Vec<usize>,
    number: Option<usize>,
    area: Option<usize>,
}

/// The header row of a progress tracker: a table with a "Recommendation"
/// column and a "Progress" / "Update" / "Response" column ("No | Theme |
/// Recommendation | Progress update | RAG").
fn tracker_header(p: &Para) -> Option<TrackerColumns> {
    if p.cells.len() < 2 {
        return None;
    }
    // No lower-cased copies of a row that has no such column: a cell
    // lower-cases to "recommendation…" or "area(s) for improvement…" only
    // if its first letters are these in ASCII (the one non-ASCII char that
    // lower-cases to ASCII letters, 'İ', gives a dotted "i̇" that fails the test).
    let candidate = |c: &String| {
        let b = c.as_bytes();
        let opens = |w: &str| {
            b.get(..w.len())
                .is_some_and(|h| h.eq_ignore_ascii_case(w.as_bytes()))
        };
        opens("recommendation") || opens("area")
    };
    if !p.cells.iter().any(candidate) {
        return None;
    }
    let lower: Vec<String> = p.cells.iter().map(|c| c.to_lowercase()).collect();
    let recommendation = lower.iter().position(|c| {
        words(c) <= 4
            && (c.starts_with("recommendation")
                || c.starts_with("area for improvement")
                || c.starts_with("areas for improvement"))
    })?;
    let progress: Vec<usize> = lower
        .iter()
        .enumerate()
        .filter(|(k, c)| {
            *k != recommendation
                && words(c) <= 5
                && ["progress", "update", "response", "action taken", "comment"]
                    .iter()
                    .any(|w| c.contains(w))
        })
        .map(|(k, _)| k)
        .collect();
    if progress.is_empty() {
        return None;
    }
    let number = lower.iter().position(|c| {
        matches!(
            c.trim_end_matches('.'),
            "no" | "ref" | "#" | "number" | "rec no" | "rec" | "item"
        )
    });
    let area = lower.iter().position(|c| {
        matches!(
            c.as_str(),
            "theme" | "area" | "judgement area" | "key judgement area" | "priority"
        )
    });
    Some(TrackerColumns {
        recommendation,
        progress,
        number,
        area,
    })
}

/// The rows of a progress tracker under its header, from `start`: one
/// recommendation per row, its progress from the progress columns. A row
/// with no number whose text starts in lower case continues the row above
/// (a row broken by a page end).
fn tracker_table(
    paras: &[Para],
    start: usize,
    cols: &TrackerColumns,
    recs: &mut Vec<Rec>,
) -> usize {
    let cell = |p: &Para, k: usize| {
        p.cells
            .get(k)
            .map(|c| c.trim().to_string())
            .unwrap_or_default()
    };
    let first = recs.len();
    let mut area: Option<String> = None;
    let mut j = start;
    while let Some(p) = paras.get(j) {
        if is_furniture(p) {
            j += 1;
            continue;
        }
        if !p.is_table_row() {
            break;
        }
        if tracker_header(p).is_some() {
            // The header repeated on a new page.
            j += 1;
            continue;
        }
        let text = cell(p, cols.recommendation);
        let number = cols
            .number
            .map(|k| cell(p, k).trim_end_matches('.').to_string())
            .filter(|n| !n.is_empty());
        let progress: Vec<String> = cols
            .progress
            .iter()
            .map(|k| cell(p, *k))
            .filter(|c| !c.is_empty())
            .collect();
        if let Some(a) = cols.area.map(|k| cell(p, k)).filter(|a| !a.is_empty()) {
            area = Some(a);
        }
        // "Sec 24 Recommendations" alone in its row: a heading over the
        // rows below, not a recommendation.
        let filled = p.cells.iter().filter(|c| !c.trim().is_empty()).count();
        if number.is_none() && filled == 1 && progress.is_empty() && heading_like(p) {
            area = Some(p.text.clone());
            j += 1;
            continue;
        }
        let continues = number.is_none() && (text.is_empty() || starts_lower(&text));
        let joins = continues && recs.len() > first;
        match recs.last_mut().filter(|_| joins) {
            Some(last) => {
                if !text.is_empty() {
                    last.text.push(' ');
                    last.text.push_str(&text);
                }
                last.progress.extend(progress);
                last.page_end = p.page;
            }
            None if !text.is_empty() => recs.push(Rec {
                number,
                addressee: None,
                area: area.clone(),
                text,
                items: Vec::new(),
                progress,
                page: p.page,
                page_end: p.page,
                x0: p.x0,
                block: false,
            }),
            None => {}
        }
        j += 1;
    }
    j
}

/// Numbered blocks should count up one by one: a gap means a block was missed.
fn check_numbering(recs: &[Rec], out: &mut Parsed) {
    let mut prev: Option<(u32, u32)> = None; // number, page
    for r in recs {
        let Some(n) = r.number.as_deref().and_then(|n| n.parse::<u32>().ok()) else {
            continue;
        };
        if let Some((p, _)) = prev {
            if n > p + 1 && n < p + 5 {
                out.diagnostics.push(Diagnostic {
                    page: r.page,
                    message: format!(
                        "recommendation {n} follows {p}: numbers in between not found"
                    ),
                });
            }
        }
        prev = Some((n, r.page));
    }
}

fn push_records(recs: Vec<Rec>, doc: usize, out: &mut Parsed) {
    let mut seen: HashSet<(String, Option<String>)> = HashSet::new();
    let mut bags: HashSet<String> = HashSet::new();
    // Numbers the report's own list gave: "Recommendation 4: Delegates …"
    // in the body after "4) Delegates …" under "Recommendation" restates
    // it (a word may differ, or read "None required" where the list item
    // is for noting), so it is no second record.
    let mut listed: HashSet<String> = HashSet::new();
    for r in recs {
        if !r.block {
            if let Some(n) = &r.number {
                listed.insert(n.clone());
            }
        } else if r.progress.is_empty()
            && r.items.is_empty()
            && r.number.as_ref().is_some_and(|n| listed.contains(n))
        {
            continue;
        }
        let mut text = r.text.clone();
        for item in &r.items {
            text.push(' ');
            text.push_str(item);
        }
        // A report that repeats its recommendations (summary and end) gives
        // them once, also where the layout put a word elsewhere the second time.
        // The restatement in the body ("Recommendation 1: Delegates …")
        // names no body where the summary's list did: still a repeat.
        let bag = word_bag(&text);
        if (r.addressee.is_none() && bags.contains(&bag))
            || !seen.insert((bag.clone(), r.addressee.clone()))
        {
            continue;
        }
        bags.insert(bag);
        let progress = (!r.progress.is_empty()).then(|| r.progress.join(" "));
        out.records.push(Record {
            text,
            page: r.page,
            page_end: r.page_end.max(r.page),
            document: doc,
            fields: Fields::Recommendation(Recommendation {
                number: r.number,
                addressee: r.addressee,
                area: r.area,
                items: r.items,
                progress,
            }),
        });
    }
}

/// The words of `text`, stripped of punctuation at their ends, lower-cased
/// and sorted, each followed by a space (no word holds one, so two texts
/// give the same bag exactly when their sorted word lists are equal). ASCII
/// words already in lower case are not copied.
fn word_bag(text: &str) -> String {
    let mut words: Vec<Cow<str>> = text
        .split_whitespace()
        .map(|w| {
            let w = w.trim_matches(|c: char| !c.is_alphanumeric());
            if !w.is_ascii() {
                Cow::Owned(w.to_lowercase())
            } else if w.bytes().any(|b| b.is_ascii_uppercase()) {
                Cow::Owned(w.to_ascii_lowercase())
            } else {
                Cow::Borrowed(w)
            }
        })
        .collect();
    words.sort_unstable();
    let mut bag = String::with_capacity(text.len() + 1);
    for w in &words {
        bag.push_str(w);
        bag.push(' ');
    }
    bag
}

#[cfg(test)]
mod tests {
    use super::*;

    fn line(text: &str) -> Para {
        Para {
            text: text.to_string(),
            bullets: 0,
            page: 5,
            x0: 0.0,
            cells: Vec::new(),
            size: 11.0,
            first_on_page: false,
            last_on_page: false,
        }
    }

    #[test]
    fn a_moved_amendment_changes_numbered_recommendations() {
        // Kent budget amendments pack p5.
        let paras = [
            line("To replace Recommendation (h) with"),
            line("Agree provision for Kent Scheme pay sufficient to fund the transition."),
            Para {
                bullets: 1,
                ..line("Increase all points within grades KSB to KSF by 5%.")
            },
            line("To replace Recommendation (o) with"),
        ];
        let n = changed_recommendation(&paras[0], DocType::MemberReport);
        assert_eq!(n.as_deref(), Some("h"));
        assert_eq!(
            changed_recommendation(&paras[0], DocType::OfficerReport),
            None
        );
        let mut recs = Vec::new();
        let who = Some("County Council".to_string());
        assert_eq!(changed(&paras, 0, "h".into(), &who, &mut recs), 3);
        assert!(recs[0].text.starts_with("Agree provision"));
        assert_eq!(recs[0].items.len(), 1);
        assert_eq!(recs[0].addressee, who);
    }
    use crate::input::from_text;
    use crate::model::DocumentInfo;

    #[test]
    fn word_bags_are_equal_when_the_sorted_word_lists_are() {
        let list = |t: &str| {
            let mut v: Vec<String> = t
                .split_whitespace()
                .map(|w| {
                    w.trim_matches(|c: char| !c.is_alphanumeric())
                        .to_lowercase()
                })
                .collect();
            v.sort_unstable();
            v
        };
        let texts = [
            "",
            "–",
            "– –",
            "Ensure plans, are reviewed.",
            "are reviewed. Ensure plans",
            "ENSURE Plans are Reviewed",
            "Ärzte should ÜBEN",
            "ärzte ÜBEN should",
            "a b",
            "ab",
            "a  b –",
        ];
        for a in texts {
            for b in texts {
                assert_eq!(
                    word_bag(a) == word_bag(b),
                    list(a) == list(b),
                    "{a:?} {b:?}"
                );
            }
        }
    }

    fn recs(text: &str, doc_type: DocType) -> Vec<(Option<String>, Option<String>, String)> {
        let info = DocumentInfo {
            doc_type,
            ..DocumentInfo::default()
        };
        let mut out = Parsed::default();
        parse(&Doc::of(&from_text(text), &info, 0), &mut out);
        out.records
            .iter()
            .map(|r| match &r.fields {
                Fields::Recommendation(f) => {
                    (f.number.clone(), f.addressee.clone(), r.text.clone())
                }
                _ => (None, None, String::new()),
            })
            .collect()
    }

    #[test]
    fn items_under_a_numbered_lead_keep_their_own_numbers() {
        let got = recs(
            "2.0 Recommendations\n2.1 Cabinet is asked to RESOLVE that:\n(1) the findings be noted;\n(2) the structure be noted.\n3.0 Background and Key Issues\n3.1 In September the Cabinet asked.",
            DocType::OfficerReport,
        );
        assert_eq!(
            got,
            [
                (
                    Some("1".into()),
                    Some("Cabinet".into()),
                    "the findings be noted;".into()
                ),
                (
                    Some("2".into()),
                    Some("Cabinet".into()),
                    "the structure be noted.".into()
                ),
            ]
        );
    }

    #[test]
    fn numbered_noun_phrases_form_a_list_when_they_count_on() {
        let got = recs(
            "What needs to improve?\n1. The quality of management oversight.\n2. The timeliness of assessments.\nMain findings\n4. Children are seen.",
            DocType::InspectionReport,
        );
        let numbers: Vec<Option<String>> = got.into_iter().map(|r| r.0).collect();
        assert_eq!(numbers, [Some("1".into()), Some("2".into())]);
    }

    #[test]
    fn lettered_points_under_a_numbered_recommendation_are_its_items() {
        let info = DocumentInfo {
            doc_type: DocType::InspectionReport,
            ..DocumentInfo::default()
        };
        let mut out = Parsed::default();
        parse(
            &Doc::of(&from_text("Recommendations\n1. Ensure that:\n(a) plans are reviewed\n(b) staff are trained\n2. Improve supervision.\nSummary"), &info, 0),
            &mut out,
        );
        assert_eq!(out.records.len(), 2);
        match &out.records[0].fields {
            Fields::Recommendation(f) => {
                assert_eq!(f.items, ["plans are reviewed", "staff are trained"])
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn a_progress_tracker_gives_one_recommendation_per_row() {
        let info = DocumentInfo {
            doc_type: DocType::ScrutinyReport,
            ..DocumentInfo::default()
        };
        let mut out = Parsed::default();
        parse(&Doc::of(&from_text(
                "Progress on the action plan\nNo\tTheme\tRecommendation\tProgress update\tRAG\n1\tHealth\tImprove health checks for all\tChecks now at 94%.\tGreen\n\t\tchildren looked after\tA new nurse started.\t\n2\t\tReview the LADO role\tDone.\tGreen\nNext steps",
            ), &info, 0), &mut out);
        type Row = (Option<String>, Option<String>, String, Option<String>);
        let got: Vec<Row> = out
            .records
            .iter()
            .map(|r| match &r.fields {
                Fields::Recommendation(f) => (
                    f.number.clone(),
                    f.area.clone(),
                    r.text.clone(),
                    f.progress.clone(),
                ),
                _ => (None, None, String::new(), None),
            })
            .collect();
        assert_eq!(
            got,
            [
                (
                    Some("1".into()),
                    Some("Health".into()),
                    "Improve health checks for all children looked after".into(),
                    Some("Checks now at 94%. A new nurse started.".into())
                ),
                (
                    Some("2".into()),
                    Some("Health".into()),
                    "Review the LADO role".into(),
                    Some("Done.".into())
                ),
            ]
        );
    }

    #[test]
    fn a_contents_table_is_no_tracker() {
        let p = Para {
            text: "Recommendations 7".into(),
            bullets: 0,
            page: 1,
            x0: 0.0,
            cells: vec!["Recommendations".into(), "7".into()],
            size: 0.0,
            first_on_page: false,
            last_on_page: false,
        };
        assert_eq!(tracker_header(&p), None);
    }

    #[test]
    fn a_report_recommendation_names_the_body_it_asks() {
        let got = recs(
            "Recommendations:\nSchools Forum is asked to note the report.\nThat the Panel notes the progress made.\n1. Background",
            DocType::OfficerReport,
        );
        assert_eq!(
            got,
            [
                (
                    None,
                    Some("Schools Forum".into()),
                    "Schools Forum is asked to note the report.".into()
                ),
                (
                    None,
                    Some("Panel".into()),
                    "That the Panel notes the progress made.".into()
                ),
            ]
        );
        assert!(recs(
            "Recommendations: None\n1. Background",
            DocType::OfficerReport
        )
        .is_empty());
    }

    /// Kent finance monitoring report p3-4: "2 | Recommendations", then a
    /// numbered table whose second row stacks five numbers in one cell and
    /// runs their five items together in the next.
    #[test]
    fn stacked_numbers_split_the_items_beside_them() {
        let got = recs(
            "2 | Recommendations\n\
             2.1\tNote the forecast revenue overspend of £23.3m (excluding Schools)\tPlease refer to Section 3\n\
             2.2 2.3 2.4 2.5 2.6\tNote the forecast overspend on Schools’ Delegated Budgets of £30.4m Note the forecast capital underspend of £111.6m Consider and note the progress on the delivery of savings Note and agree the Capital budget changes Note the Reserves Monitoring, Treasury Management and Prudential Indicators Monitoring\tPlease refer to Section 3g Please refer to Section 6\n\
             3 | Revenue Budget Forecast\n\
             The forecast revenue outturn position is an overspend.",
            DocType::OfficerReport,
        );
        let numbers: Vec<_> = got
            .iter()
            .map(|r| r.0.clone().unwrap_or_default())
            .collect();
        assert_eq!(numbers, ["2.1", "2.2", "2.3", "2.4", "2.5", "2.6"]);
        assert!(got[0].2.starts_with("Note the forecast revenue overspend"));
        assert_eq!(
            got[1].2,
            "Note the forecast overspend on Schools’ Delegated Budgets of £30.4m"
        );
        assert_eq!(
            got[3].2,
            "Consider and note the progress on the delivery of savings"
        );
        assert_eq!(
            got[5].2,
            "Note the Reserves Monitoring, Treasury Management and Prudential Indicators Monitoring"
        );
        // Five numbers beside items that do not split five ways: one record.
        let got = recs(
            "2 | Recommendations\n2.2 2.3\tNote the forecast overspend and the underspend of the budget as reported this year.\n3 | Background",
            DocType::OfficerReport,
        );
        assert_eq!(got.len(), 1);
    }

    /// Bristol's workplace parking levy report p3-4: the list goes on past
    /// a label ("Contractual:") when the next number counts on, and "3. 4."
    /// stacked beside two sentences are two items.
    #[test]
    fn a_label_inside_a_numbered_list_does_not_end_it() {
        let got = recs(
            "Officer Recommendations:\n\
             That the Committee for Transport and Connectivity\n\
             1. Approve the progression to Stage One Development and Outline Business Case (OBC) at a cost of up to £1m.\n\
             2. Stage One Development and OBC costs to be funded through CAZ funding to be repaid from subsequent income generated from the scheme.\n\
             Contractual:\n\
             3. 4.\tAuthorises the Executive Director Growth and Regeneration to procure/extend/vary and award the contract(s) necessary for the implementation of Stage 1 of the WPL. Authorises the Exec Director for Growth and Regeneration to invoke any subsequent extensions/variations specifically defined in the contract(s) being awarded.\n\
             Corporate Strategy alignment:\n\
             1. 2.\tPutting a WPL in place in Bristol allows us to invest. It will enable us to provide a system.",
            DocType::OfficerReport,
        );
        let numbers: Vec<_> = got
            .iter()
            .map(|r| r.0.clone().unwrap_or_default())
            .collect();
        assert_eq!(numbers, ["1", "2", "3", "4"]);
        assert!(got
            .iter()
            .all(|r| r.1.as_deref() == Some("Committee for Transport and Connectivity")));
        assert!(got[3].2.starts_with("Authorises the Exec Director"));
    }

    /// Sutton Coldfield's item 166 report p1: the summary above the report's
    /// sections says what Council is recommended to do; a summary that says
    /// what members are asked to weigh (Kent's decision report p1) does not.
    #[test]
    fn a_summary_sentence_saying_what_is_recommended_is_one() {
        let got = recs(
            "Summer in Sutton Coldfield\n\
             Council is recommended to approve events to be delivered by the Town Council under the six-pillar plan Summer in Sutton Coldfield.\n\
             1. Purpose of Report\n\
             To advise Council of the proposed arrangements.\n\
             2. Recommendations\n\
             Council is recommended to approve: -\n\
             a) That the City of Birmingham Symphony Orchestra (CBSO) be commissioned to perform an open-air concert.\n\
             3. Background\n\
             Council is recommended to approve the recommendations set out in section 2 of this report.",
            DocType::OfficerReport,
        );
        assert_eq!(got.len(), 2);
        assert_eq!(got[0].1.as_deref(), Some("Council"));
        assert!(got[0]
            .2
            .starts_with("Council is recommended to approve events"));
        assert_eq!(got[1].0.as_deref(), Some("a"));
        let got = recs(
            "Summary: officers have explored a proposal.\n\
             Members are asked to consider the balance of the assessed impact of this proposal.\n\
             Recommendation(s):\n\
             The Cabinet Member is asked to APPROVE the proposal.",
            DocType::OfficerReport,
        );
        assert_eq!(got.len(), 1);
    }

    /// WECA budget outturn report p1: "Recommendation 1: None required …"
    /// under "Voting arrangements" restates item 1) of the list above it.
    /// Birmingham's report p7: "That the Committee:-" over third-person items.
    #[test]
    fn a_restated_number_is_no_second_record_and_leads_keep_their_body() {
        let got = recs(
            "Recommendation\n\
             That Committee:\n\
             1) Notes the Outturn position for the Revenue Budget as set out in Figure 1.\n\
             Reasons for recommendation\n\
             Statutory Requirements and Recommended Best Practice.\n\
             Voting arrangements\n\
             Recommendation 1: None required – Recommendations are for noting with any comments.",
            DocType::OfficerReport,
        );
        assert_eq!(got.len(), 1);
        assert_eq!(got[0].1.as_deref(), Some("Committee"));
        let got = recs(
            "2. Decision(s) recommended:\n\
             That the Committee:-\n\
             2.1 Notes the detail of companies.\n\
             2.2 Considers the impact on the forward plan of the Committee\n\
             Lead Contact Officer(s): Martin Stevens",
            DocType::OfficerReport,
        );
        let got: Vec<_> = got
            .iter()
            .map(|r| (r.0.as_deref(), r.1.as_deref()))
            .collect();
        assert_eq!(
            got,
            [
                (Some("2.1"), Some("the Committee")),
                (Some("2.2"), Some("the Committee"))
            ]
        );
    }

    /// Birmingham's audit action plan p59: a row holding only a heading
    /// ("Sec 24 Recommendations") heads the rows below it.
    #[test]
    fn a_tracker_row_holding_a_heading_is_no_recommendation() {
        let got = recs(
            "Rec No\tRecommendation\tProposed Actions\tDue Date\tResponsible Officer\tProgress in implementation\n\
             \tSec 24 Recommendations\t\t\t\t\n\
             6\tThe Council needs to ensure that appropriate arrangements are implemented.\tA review\tMarch 2019\tDirector\tUnder way",
            DocType::OfficerReport,
        );
        assert!(got.iter().all(|r| r.2 != "Sec 24 Recommendations"));
        assert_eq!(got.len(), 1);
    }

    #[test]
    fn none_means_no_recommendation_and_no_warning() {
        let info = DocumentInfo::default();
        let mut out = Parsed::default();
        parse(
            &Doc::of(
                &from_text("3. Recommendations\n\nN/A\n\n4. Reasons for decision\n\nN/A"),
                &info,
                0,
            ),
            &mut out,
        );
        assert!(out.records.is_empty() && out.diagnostics.is_empty());
    }

    #[test]
    fn inspection_blocks_take_no_progress() {
        let got = recs(
            "Recommendation 1\nEnsure that plans are reviewed.\nThe council has a plan.",
            DocType::InspectionReport,
        );
        assert_eq!(
            got,
            [(
                Some("1".into()),
                None,
                "Ensure that plans are reviewed.".into()
            )]
        );
    }

    #[test]
    fn odd_inputs_do_not_panic() {
        for text in [
            "",
            "Recommendations",
            "Recommendation 1",
            "Recommendations:\n· \n-",
            "Areas for improvement\nResponsible body Ä | Ä should ü. ß should ö.",
            "LSCBs should:\n· improve by:\n· ßßing things\nRecommendation R9:",
            "Key Judgement Area: x\nRecommendation 3\n\u{f06e}\n",
        ] {
            for t in [DocType::InspectionReport, DocType::ScrutinyReport] {
                let _ = recs(text, t);
            }
        }
    }

    #[test]
    fn gaps_in_numbering_are_reported() {
        let info = DocumentInfo {
            doc_type: DocType::ScrutinyReport,
            ..DocumentInfo::default()
        };
        let mut out = Parsed::default();
        parse(
            &Doc::of(
                &from_text(
                    "Recommendation 1\nEnsure a.\nDone.\nRecommendation 3\nEnsure b.\nDone.",
                ),
                &info,
                0,
            ),
            &mut out,
        );
        assert_eq!(out.records.len(), 2);
        assert_eq!(
            out.diagnostics[0].message,
            "recommendation 3 follows 1: numbers in between not found"
        );
    }
}

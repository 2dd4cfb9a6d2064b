//! Attendance lists (present, apologies, in attendance, observers,
//! substitutes, the chair) and declarations of interest, in minutes.
//!
//! The list sits between the minutes' heading and the first minute. It is
//! read as sections ("Schools Members:", "Governors:", "Also attending:"),
//! categories ("Primary (7)") and role labels ("Trade Union Representative
//! -"), then entries: a name with its marks ("*" present, "(A)" apologies)
//! and its organisation in brackets, wherever the text layer put the
//! asterisks, commas and line breaks. Apologies minuted in the body
//! ("Apologies for absence received from …") and the "… IN THE CHAIR" line
//! complete it. Owns no minute structure: `minutes` reads the names back
//! through `entries` to resolve action owners.

use crate::document::Doc;
use crate::input::Page;
use crate::lex::fold;
use crate::minutes::lex::{self, FlatLine, Layout};
use crate::minutes::people::is_title;
use crate::model::{
    Attendance, AttendanceStatus, Declaration, Diagnostic, DocumentInfo, Fields, Parsed, Record,
};
use nom::bytes::complete::{tag, take_while1};
use nom::character::complete::{char, digit1, space0};
use nom::combinator::{opt, recognize};
use nom::sequence::delimited;
use nom::{IResult, Parser};
use regex::Regex;
use std::sync::LazyLock;

/// An attendance entry with where it was printed.
#[derive(Debug, Clone, PartialEq)]
pub struct Entry {
    pub attendance: Attendance,
    /// The entry as printed.
    pub text: String,
    pub page: u32,
}

/// Read one document's pages and append its attendance and declaration records.
pub fn parse(d: &Doc, out: &mut Parsed) {
    let (_pages, info, doc) = (d.pages, d.info, d.index);
    let lines = &d.lines;
    let layout = lex::layout(lines);
    parse_in(lines, layout.as_ref(), info, doc, out);
}

/// `parse` over lines already flattened and laid out; returns the
/// attendance entries, which the minutes grammar resolves initials with
/// (`entries_in` gives the same).
pub(crate) fn parse_in(
    lines: &[FlatLine],
    layout: Option<&Layout>,
    info: &DocumentInfo,
    doc: usize,
    out: &mut Parsed,
) -> Vec<Entry> {
    let (entries, diagnostics) = read(lines, layout, info);
    for e in &entries {
        out.records.push(Record {
            text: e.text.clone(),
            page: e.page,
            page_end: e.page,
            document: doc,
            fields: Fields::Attendance(e.attendance.clone()),
        });
    }
    out.diagnostics.extend(diagnostics);
    // Declarations are minuted in the body, not in reports filed after it.
    let body = match layout {
        Some(l) => {
            let end = l.body_end.min(lines.len());
            &lines[l.body_start.min(end)..end]
        }
        None => &lines[..0],
    };
    for (d, text, page) in declarations(body) {
        out.records.push(Record {
            text,
            page,
            page_end: page,
            document: doc,
            fields: Fields::Declaration(d),
        });
    }
    entries
}

/// The attendance entries of a document (also used to resolve initials).
pub fn entries(pages: &[Page], info: &DocumentInfo) -> Vec<Entry> {
    let lines = lex::flatten(pages);
    let layout = lex::layout(&lines);
    read(&lines, layout.as_ref(), info).0
}

/// The attendance entries from lines already flattened and laid out.
pub fn entries_in(lines: &[FlatLine], layout: &Layout, info: &DocumentInfo) -> Vec<Entry> {
    read(lines, Some(layout), info).0
}

/// What a section label says about the people under it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    /// Members: the marks decide.
    Members,
    Present,
    Apologies,
    Absent,
    Attending,
    Observers,
    Substitutes,
}

/// The kind of a section label, or None for a label that does not head
/// people (which ends the list until the next one that does).
fn kind_of(label: &str) -> Option<Kind> {
    let l = label.to_lowercase();
    let has = |w: &str| l.contains(w);
    // "Attendance:" alone heads the members who attended (Birmingham's
    // notes: "Attendance:" over "Councillor Brigid Jones in the Chair;"),
    // "Also in Attendance:" the others.
    let bare_attendance = l.trim_end_matches([':', '-', ' ']) == "attendance";
    Some(if has("apolog") {
        Kind::Apologies
    } else if bare_attendance {
        Kind::Present
    } else if has("absent") {
        Kind::Absent
    } else if has("substitut") {
        Kind::Substitutes
    } else if has("observer") {
        Kind::Observers
    } else if has("attend") || has("officer") || has("also") {
        Kind::Attending
    } else if has("present") {
        Kind::Present
    } else if [
        "member",
        "councillor",
        "headteacher",
        "governor",
        "representative",
        "trustee",
        "chair",
        "voting",
        "co-opted",
    ]
    .iter()
    .any(|w| has(w))
    {
        Kind::Members
    } else {
        return None;
    })
}

/// A section label at the start of a line: up to five words and ":" or
/// ":-" ("Schools Members:", "Also attending:", "Observers:-"), perhaps
/// with a count in brackets before the colon ("PRESENT (six Councillors):
/// -").
pub fn section_label(input: &str) -> IResult<&str, &str> {
    let (rest, label) = take_while1(|c: char| c != ':' && c != '(' && c != '*').parse(input)?;
    let count = nom::combinator::verify(
        delimited(
            char('('),
            take_while1(|c: char| c != ')' && c != '('),
            char(')'),
        ),
        |inner: &str| {
            inner
                .split_whitespace()
                .next()
                .and_then(crate::lex::count_value)
                .is_some()
        },
    );
    let (rest, _) = (opt(count), space0, char(':'), space0, opt(alt_dash), space0).parse(rest)?;
    let words = label.split_whitespace().count();
    if words == 0
        || words > 5
        || !label
            .trim()
            .chars()
            .next()
            .is_some_and(|c| c.is_uppercase())
    {
        return Err(nom::Err::Error(nom::error::Error::new(
            input,
            nom::error::ErrorKind::Verify,
        )));
    }
    Ok((rest, label.trim()))
}

fn alt_dash(input: &str) -> IResult<&str, &str> {
    nom::branch::alt((tag("-"), tag("–"))).parse(input)
}

/// The count and role in the brackets of a section label: "PRESENT (six
/// Councillors): -" -> (6, "Councillor"). The label says how many members
/// its list names and what they are.
fn label_count(text: &str) -> Option<(u32, String)> {
    let (_, label) = section_label(text).ok()?;
    let after = text.trim_start().strip_prefix(label)?.trim_start();
    let inner = after.strip_prefix('(')?.split(')').next()?;
    let mut words = inner.split_whitespace();
    let n = crate::lex::count_value(&words.next()?.to_lowercase())?;
    let noun = words.next()?;
    if words.next().is_some() {
        return None;
    }
    let (role, plural) = list_role_label(noun)?;
    plural.then_some((n, role))
}

/// A label standing alone on its line, without a colon: "PRESENT",
/// "Apologies for absence", "In attendance", "Also present".
pub fn bare_label(text: &str) -> Option<&str> {
    let t = text.trim();
    let l = t.to_lowercase();
    let known = [
        "present",
        "members present",
        "apologies",
        "apologies for absence",
        "in attendance",
        "also present",
        "also in attendance",
        "also attending",
        "officers",
        "officers present",
        "officers in attendance",
        "absent",
        "substitutes",
        "substitute members",
    ];
    known.contains(&l.as_str()).then_some(t)
}

/// A category with its seat count at the start of a line: "Special (1)",
/// "Children's Centres (1) -", "Secondary Academies (2)".
pub fn category_label(input: &str) -> IResult<&str, &str> {
    let word = |i| -> IResult<&str, &str> {
        recognize((
            take_while1(|c: char| c.is_uppercase()),
            opt(take_while1(|c: char| {
                c.is_alphanumeric() || "'’-".contains(c)
            })),
        ))
        .parse(i)
    };
    let (rest, label) = recognize((
        word,
        nom::multi::many0((char(' '), word)),
        space0,
        delimited(char('('), digit1, char(')')),
    ))
    .parse(input)?;
    let (rest, _) = (space0, opt(alt_dash), space0).parse(rest)?;
    Ok((rest, label.trim()))
}

/// One bulleted person with the role after an unspaced em dash:
/// "Alan McFadzean—Chair" -> ("Alan McFadzean", "Chair").
fn name_em_role(item: &str) -> Option<(String, String)> {
    let (name, role) = item.split_once('—')?;
    let (name, role) = (name.trim(), role.trim());
    let words = role.split_whitespace().count();
    let capital = |s: &str| s.starts_with(|c: char| c.is_uppercase());
    (capital(name) && capital(role) && (1..=4).contains(&words))
        .then(|| (name.to_string(), role.to_string()))
}

/// The title a name is printed with as its role where no other is given:
/// "Cllr Carol Hamilton" -> "Cllr".
fn title_role(name: &str) -> Option<String> {
    let first = name.split_whitespace().next()?;
    matches!(first.trim_end_matches('.'), "Cllr" | "Councillor").then(|| first.to_string())
}

/// A role label before a dash: "Trade Union Representative -Pat Forward"
/// -> ("Trade Union Representative", "Pat Forward"). The last dash with a
/// space beside it is the separator, so "Non – Executive Councillor - *
/// Cllr Wright" and "Early Years Providers - *Susan Tudor-Hart" split right.
pub fn role_dash(text: &str) -> Option<(String, String)> {
    let mut best = None;
    for (i, c) in text.char_indices() {
        if c == '-' || c == '–' {
            let before = text[..i].ends_with(' ');
            let after = text[i + c.len_utf8()..].starts_with([' ', '*']);
            if before || after {
                best = Some((i, c.len_utf8()));
            }
        }
    }
    let (i, n) = best?;
    let role = text[..i].trim();
    let rest = text[i + n..].trim();
    // A role word after the dash makes it "Name – Role" ("Vicky Bright –
    // Clerk and 3 members of the public").
    let after = rest.split_whitespace().next().unwrap_or("");
    if crate::lex::is_meeting_role(after.trim_end_matches([',', '.', ';']))
        && !role.split_whitespace().any(crate::lex::is_meeting_role)
    {
        return None;
    }
    // A role heads no commas or brackets: "Pam Bullas (PB), Claire Cann
    // (CC) – Chair" is names, the last with its role after the dash.
    if role.is_empty()
        || rest.is_empty()
        || role.split_whitespace().count() > 6
        || role.contains([',', '('])
    {
        return None;
    }
    // The part after the dash must start with a name.
    let first = rest.trim_start_matches(['*', ' ']);
    if !first.chars().next().is_some_and(|c| c.is_uppercase()) {
        return None;
    }
    Some((role.to_string(), rest.to_string()))
}

/// Words that close a name in a list.
#[derive(Debug, Clone, PartialEq)]
enum Tok {
    Star,
    Comma,
    And,
    Paren(String),
    Word(String),
}

/// Tokens of a list with the byte range of each.
fn tokens(s: &str) -> Vec<(Tok, usize, usize)> {
    let mut out = Vec::new();
    let mut it = s.char_indices().peekable();
    while let Some((i, c)) = it.next() {
        match c {
            '*' => out.push((Tok::Star, i, i + 1)),
            ',' | ';' => out.push((Tok::Comma, i, i + 1)),
            '(' => {
                let mut depth = 1;
                let mut end = s.len();
                for (j, d) in it.by_ref() {
                    if d == '(' {
                        depth += 1;
                    } else if d == ')' {
                        depth -= 1;
                        if depth == 0 {
                            end = j + 1;
                            break;
                        }
                    }
                }
                let inner = s[i + 1..end].trim_end_matches(')').trim().to_string();
                out.push((Tok::Paren(inner), i, end));
            }
            c if c.is_whitespace() => {}
            _ => {
                let mut end = i + c.len_utf8();
                while let Some(&(j, d)) = it.peek() {
                    if d.is_whitespace() || "*,;(".contains(d) {
                        break;
                    }
                    end = j + d.len_utf8();
                    it.next();
                }
                let w = &s[i..end];
                if w.eq_ignore_ascii_case("and") || w == "&" {
                    out.push((Tok::And, i, end));
                } else {
                    out.push((Tok::Word(w.to_string()), i, end));
                }
            }
        }
    }
    out
}

/// One entry as read from a list, before its status is decided.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Raw {
    pub name: String,
    pub star: bool,
    pub apologies: bool,
    pub chair: bool,
    pub role: Option<String>,
    pub organisation: Option<String>,
    /// The role came from a role word set in the list ("… P Moran Clerk J
    /// Connelly", "…, Councillors, and Mrs Susan Ryding, Clerk"), which
    /// ends a plural title's run.
    pub labelled: bool,
    pub start: usize,
    pub end: usize,
}

/// A role word set in a list in place of a label: its role, and whether it
/// names several people ("Councillors"). Titles ("Councillor Smith") and
/// words that name a group ("Members") are not labels.
fn list_role_label(w: &str) -> Option<(String, bool)> {
    let w = w.trim_end_matches([',', '.', ';', ':']);
    if !crate::lex::is_meeting_role(w) || is_title(w) {
        return None;
    }
    match w {
        "Councillors" => Some(("Councillor".to_string(), true)),
        "Members" | "Governors" | "Officers" | "Trustees" | "Cllrs" | "Clerks" => None,
        _ => Some((w.to_string(), false)),
    }
}

/// Whether `w` is initials set alone after a name, the person's
/// designation ("A Armstrong, EDC").
fn designation(w: &str) -> bool {
    (2..=4).contains(&w.len()) && w.chars().all(|c| c.is_ascii_uppercase())
}

fn is_chair_note(p: &str) -> Option<&'static str> {
    match p.to_lowercase().trim() {
        "chair" | "chairman" | "chairwoman" | "chairperson" | "in the chair" => Some("Chair"),
        "vice-chair" | "vice chair" | "vice-chairman" | "vice chairman" => Some("Vice-Chair"),
        _ => None,
    }
}

/// The chair's role as the bracket prints it: "(Chairman)" -> "Chairman",
/// "(Vice-Chair)" -> "Vice-Chair"; a note in lower case or a phrase ("in
/// the chair") gives the plain `role`.
fn printed_chair(p: &str, role: &str) -> String {
    let p = p.trim();
    if p.starts_with(|c: char| c.is_uppercase()) && !p.contains(' ') {
        p.to_string()
    } else {
        role.to_string()
    }
}

/// Whether a listed "name" says that no one is listed: "Apologies for
/// absence: None", "Nil", "N/A".
fn is_no_one(name: &str) -> bool {
    let n = name.trim().trim_end_matches(['.', ',', ';']).to_lowercase();
    matches!(
        n.as_str(),
        "none" | "nil" | "n/a" | "none received" | "none noted" | "no apologies"
    )
}

/// An all-capitals post of two to five letters set before a person's
/// first name and surname: "PCSO Sharon Diamond" -> "PCSO" (a police or
/// community officer's post, printed like a title). Initials before a
/// surname alone ("RW Smith") are no post.
fn acronym_role(name: &str) -> Option<String> {
    let words: Vec<&str> = name.split_whitespace().collect();
    let (first, rest) = words.split_first()?;
    let post = (2..=5).contains(&first.len()) && first.chars().all(|c| c.is_ascii_uppercase());
    let named = rest.len() >= 2
        && rest.iter().all(|w| {
            w.starts_with(|c: char| c.is_uppercase()) && w.chars().any(|c| c.is_lowercase())
        });
    (post && named).then(|| first.to_string())
}

/// A plural of such a post opening a list of people: "CPOs Suzanne Jacobs
/// and Drew Young" -> ("CPO", the names after it, where they start).
fn plural_acronym(text: &str) -> Option<(String, usize)> {
    let t = text.trim_start();
    let lead = text.len() - t.len();
    let first = t.split_whitespace().next()?;
    let base = first.strip_suffix('s')?;
    let post = (2..=5).contains(&base.len()) && base.chars().all(|c| c.is_ascii_uppercase());
    let after = t[first.len()..].trim_start();
    (post && after.starts_with(|c: char| c.is_uppercase()))
        .then(|| (base.to_string(), text.len() - after.len()))
        .filter(|(_, at)| *at > lead)
}

/// A substitute set in brackets in the members' list, with the member
/// replaced: "(Mike Ward – replaced Jon Hunt)" -> ("Mike Ward", "replaced
/// Jon Hunt", "Jon Hunt").
fn bracket_substitute(p: &str) -> Option<(String, String, String)> {
    let c = BRACKET_SUBSTITUTE.captures(p.trim())?;
    Some((
        c.name("sub")?.as_str().trim().to_string(),
        c.name("note")?.as_str().trim().to_string(),
        c.name("for")?.as_str().trim().to_string(),
    ))
}

static BRACKET_SUBSTITUTE: LazyLock<Regex> = LazyLock::new(|| {
    let name = r"(?:(?:Cllr|Councillor|Mr|Mrs|Ms|Dr)\.?\s+)?[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){0,3}";
    Regex::new(&format!(
        r"^(?P<sub>{name})\s*[–—-]\s*(?P<note>(?:replaced|replacing|substituting\s+for|substitute\s+for|in\s+place\s+of|for)\s+(?P<for>{name}))$"
    ))
    .expect("bracket substitute pattern")
});

/// Read the entries of a list: "*Dawn Ferdinand, (The Willow), Fran
/// Hargrove (St Mary's CE), *Will Wawn (Bounds Green) Cal Shaw (Chestnuts),
/// Julie D'Abreu (A)(Devonshire Hill)". An asterisk marks the name after it
/// (or the one before it when no name follows); "(A)" marks apologies; a
/// bracket holding a titled or starred name makes the words before it the
/// role ("Cabinet Member for CYPS (*Cllr Ann Waters)").
/// A minute heading "Apologies" or "Apologies for Absence", numbered.
fn is_apologies_heading(text: &str) -> bool {
    let Ok((rest, _)) = lex::heading_number(text) else {
        return false;
    };
    let title = rest
        .trim()
        .trim_end_matches([':', '.', '-'])
        .trim()
        .to_lowercase();
    title == "apologies" || title == "apologies for absence"
}

/// A line of names and nothing else: no sentence, every word capitalised
/// but the joining "and" ("A Armstrong, EDC and M Armstrong (Councillors)").
fn is_bare_name_list(text: &str) -> bool {
    let t = text.trim();
    !t.is_empty()
        && !t.ends_with('.')
        && t.split_whitespace().all(|w| {
            w == "and"
                || w == "&"
                || w.trim_start_matches('(')
                    .starts_with(|c: char| c.is_uppercase())
        })
}

pub fn list_entries(s: &str) -> Vec<Raw> {
    let toks = tokens(s);
    let mut out: Vec<Raw> = Vec::new();
    let mut cur: Option<Raw> = None;
    let mut closed = false;
    let mut pending_star = false;
    let mut star_at = 0;
    let mut pending_role: Option<String> = None;
    let mut skip_to = 0;
    for (k, (tok, a, b)) in toks.iter().enumerate() {
        if k < skip_to {
            continue;
        }
        match tok {
            Tok::Star => {
                let next_is_word = matches!(toks.get(k + 1), Some((Tok::Word(_), _, _)));
                if next_is_word && (cur.is_none() || closed) {
                    pending_star = true;
                    star_at = *a;
                } else if let Some(c) = cur.as_mut() {
                    c.star = true;
                    c.end = *b;
                } else {
                    pending_star = true;
                    star_at = *a;
                }
            }
            Tok::Word(w) => {
                // A dash after a name, then up to three capitalised words
                // ending on a role word, is that person's role ("Claire Cann
                // (CC) – Chair,", "Cllr. A. Collins - Vice Chair,").
                if matches!(w.as_str(), "-" | "–" | "—") {
                    let role_words: Vec<&str> = toks[k + 1..]
                        .iter()
                        .map_while(|(t, _, _)| match t {
                            Tok::Word(x) => Some(x.as_str()),
                            _ => None,
                        })
                        .collect();
                    let is_role = (1..=3).contains(&role_words.len())
                        && role_words
                            .iter()
                            .all(|x| x.starts_with(|c: char| c.is_uppercase()))
                        && role_words.last().is_some_and(|x| {
                            crate::lex::is_meeting_role(x.trim_end_matches(['.', ',', ';']))
                        });
                    let named = cur
                        .as_ref()
                        .or(out.last())
                        .is_some_and(|r| r.role.is_none());
                    if is_role && named {
                        if let Some(c) = cur.take() {
                            out.push(c);
                        }
                        if let Some(r) = out.last_mut() {
                            r.role = Some(role_words.join(" "));
                            if role_words.len() == 1
                                && r.role
                                    .as_deref()
                                    .is_some_and(|x| is_chair_note(x) == Some("Chair"))
                            {
                                r.chair = true;
                            }
                        }
                        skip_to = k + 1 + role_words.len();
                        closed = true;
                        continue;
                    }
                }
                let alone = !matches!(toks.get(k + 1), Some((Tok::Word(_), _, _)));
                let opens = closed || cur.is_none();
                // A role word between commas names the people before it
                // ("…and Mrs Victoria Whitehead, Councillors, and Mrs Susan
                // Ryding, Clerk"): every one since the last such word where
                // it is plural, the one before where singular.
                if let Some((role, plural)) = list_role_label(w).filter(|_| opens && alone) {
                    if let Some(c) = cur.take() {
                        out.push(c);
                    }
                    let from = out.iter().rposition(|r| r.labelled).map_or(0, |i| i + 1);
                    let take = if plural { out.len() - from } else { 1 };
                    for r in out[from..].iter_mut().rev().take(take) {
                        if r.role.is_none() {
                            r.role = Some(role.clone());
                        }
                        r.labelled = true;
                    }
                    closed = true;
                    continue;
                }
                // Initials alone after a name are that person's designation.
                if opens && alone && designation(w) {
                    let named = cur.as_ref().or(out.last());
                    if named
                        .is_some_and(|r| r.name.split_whitespace().count() >= 2 && r.role.is_none())
                    {
                        if let Some(c) = cur.take() {
                            out.push(c);
                        }
                        if let Some(r) = out.last_mut() {
                            r.role = Some(w.clone());
                        }
                        closed = true;
                        continue;
                    }
                }
                // A role word before a name gives that person the role, and
                // ends the name before it ("P Moran Clerk J Connelly"); before
                // a word in lower case it is prose ("the Town Clerk advised").
                let named_next = matches!(
                    toks.get(k + 1),
                    Some((Tok::Word(n), _, _)) if n.starts_with(|c: char| c.is_uppercase())
                );
                if let Some((role, false)) = list_role_label(w).filter(|_| named_next) {
                    if let Some(c) = cur.take() {
                        out.push(c);
                    }
                    pending_role = Some(role);
                    closed = true;
                    continue;
                }
                // A title after a name starts the next person, for lists
                // set one name a line ("Councillor A Smith Councillor B Jones").
                let titled_next = is_title(w)
                    && cur.as_ref().is_some_and(|c| {
                        c.name
                            .split_whitespace()
                            .last()
                            .is_some_and(|l| !is_title(l))
                    });
                if closed || cur.is_none() || titled_next {
                    if let Some(c) = cur.take() {
                        out.push(c);
                    }
                    let role = pending_role.take();
                    cur = Some(Raw {
                        name: w.clone(),
                        star: pending_star,
                        start: if pending_star { star_at } else { *a },
                        end: *b,
                        labelled: role.is_some(),
                        role,
                        ..Raw::default()
                    });
                    pending_star = false;
                    closed = false;
                } else if let Some(c) = cur.as_mut() {
                    c.name.push(' ');
                    c.name.push_str(w);
                    c.end = *b;
                }
            }
            Tok::Paren(p) => {
                // "… and (Mike Ward – replaced Jon Hunt)": the substitute is
                // present, the member replaced sent apologies.
                if cur.is_none() || closed {
                    if let Some((sub, note, absent)) = bracket_substitute(p) {
                        if let Some(c) = cur.take() {
                            out.push(c);
                        }
                        let at = |who: &str| s[*a..*b].find(who).map_or(*a, |i| a + i);
                        let (sa, fa) = (at(&sub), at(&absent));
                        out.push(Raw {
                            name: sub.clone(),
                            role: Some(format!("substitute ({note})")),
                            start: sa,
                            end: sa + sub.len(),
                            ..Raw::default()
                        });
                        out.push(Raw {
                            name: absent.clone(),
                            apologies: true,
                            start: fa,
                            end: fa + absent.len(),
                            ..Raw::default()
                        });
                        closed = true;
                        continue;
                    }
                }
                let Some(c) = cur.as_mut() else { continue };
                c.end = *b;
                let bare = p.trim_start_matches('*').trim();
                if p.trim() == "A" || p.trim().eq_ignore_ascii_case("apologies") {
                    c.apologies = true;
                } else if let Some(role) = is_chair_note(p) {
                    c.chair = role == "Chair";
                    c.role = Some(printed_chair(p, role));
                } else if p.starts_with('*') || bare.split_whitespace().next().is_some_and(is_title)
                {
                    c.role = Some(std::mem::take(&mut c.name));
                    c.name = bare.to_string();
                    c.star |= p.starts_with('*');
                } else {
                    c.organisation = Some(fold(p));
                }
                closed = true;
            }
            Tok::Comma | Tok::And => closed = cur.is_some(),
        }
    }
    if let Some(c) = cur.take() {
        if pending_star {
            // A trailing asterisk belongs to the last name.
            let mut c = c;
            c.star = true;
            out.push(c);
        } else {
            out.push(c);
        }
    }
    out.retain(|r| r.name.chars().any(|c| c.is_uppercase()));
    for r in &mut out {
        r.name = clean_name(&r.name);
    }
    post_after_comma(s, &mut out);
    distribute_titles(&mut out);
    out
}

/// A post set after a person's name and a comma, its words joined by "of"
/// ("Councillor Emma Edwards, Leader of the Green Group"): the person's
/// role, not another person.
fn post_after_comma(s: &str, out: &mut Vec<Raw>) {
    let mut k = 1;
    while k < out.len() {
        let words: Vec<&str> = out[k].name.split_whitespace().collect();
        let post = words.len() >= 3
            && words
                .first()
                .is_some_and(|w| w.starts_with(|c: char| c.is_uppercase()) && !is_title(w))
            && words.iter().skip(1).any(|w| *w == "of")
            && !out[k].star
            && out[k].organisation.is_none();
        let between = s.get(out[k - 1].end..out[k].start).unwrap_or("");
        let prev_plain = out[k - 1].role.is_none() && !out[k - 1].labelled;
        if post && prev_plain && between.trim() == "," {
            let r = out.remove(k);
            out[k - 1].role = Some(r.name);
            out[k - 1].end = r.end;
            out[k - 1].labelled = true;
        } else {
            k += 1;
        }
    }
}

/// "Vikki Monk- Meyer" -> "Vikki Monk-Meyer" (the text layer breaks a
/// hyphenated name at the hyphen); trailing punctuation dropped.
pub fn clean_name(s: &str) -> String {
    let folded = fold(s);
    let joined = folded.replace("- ", "-").replace(" -", "-");
    joined
        .trim_matches(|c: char| c == ',' || c == '.' || c == '-' || c == '–' || c.is_whitespace())
        .to_string()
}

/// "Councillors Jones, Brown and White": the plural title applies to each.
fn distribute_titles(entries: &mut [Raw]) {
    let mut title: Option<&str> = None;
    for r in entries.iter_mut() {
        if r.labelled {
            title = None;
            continue;
        }
        let first = r
            .name
            .split_whitespace()
            .next()
            .unwrap_or("")
            .to_lowercase();
        match first.as_str() {
            "councillors" => {
                title = Some("Councillor");
                r.name = r.name.replacen("Councillors", "Councillor", 1);
                r.role.get_or_insert_with(|| "Councillor".to_string());
            }
            "cllrs" => {
                title = Some("Cllr");
                r.name = r.name.replacen("Cllrs", "Cllr", 1);
            }
            _ => {
                if let Some(t) = title {
                    if !is_title(&first) {
                        r.name = format!("{t} {}", r.name);
                        if t == "Councillor" {
                            r.role.get_or_insert_with(|| t.to_string());
                        }
                    }
                }
            }
        }
    }
}

/// A logical line of the list: physical lines joined where an entry wraps.
struct Logical {
    kind: Kind,
    /// The section label it sits under.
    label: String,
    /// The role label before a dash, if any.
    role: Option<String>,
    /// The category with its seat count, if any.
    category: Option<String>,
    text: String,
    page: u32,
    /// A bracket after a name is the person's designation, not an
    /// organisation (an initialled grid row: "Michael Cook (SBC)").
    bracket_is_role: bool,
    /// The count and role a label gives its people ("PRESENT (six
    /// Councillors):" -> 6, "Councillor").
    counted: Option<(u32, String)>,
}

static LEGEND: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^[•\-–·]?\s*(?:\*|A)\s+(?:members?\s+present|apologies(?:\s+given)?)\b")
        .expect("legend pattern")
});

static APOLOGIES_FROM: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)\bapologies\s+(?:for\s+absence\s+)?(?:were\s+|had\s+been\s+)?(?:received|given|submitted|noted|reported)?\s*from\s+([^.]+)",
    )
    .expect("apologies pattern")
});

/// Read the attendance list and the apologies minuted in the body.
fn read(
    lines: &[FlatLine],
    layout: Option<&Layout>,
    info: &DocumentInfo,
) -> (Vec<Entry>, Vec<Diagnostic>) {
    let mut diags = Vec::new();
    let Some(layout) = layout else {
        return (Vec::new(), diags);
    };
    let date = lex::meeting_date(lines, layout, info);
    let region_end = layout.body_start.min(lines.len());
    let region = &lines[(layout.start + 1).min(region_end)..region_end];
    let marks_used = region.iter().any(|l| l.text.contains('*'));
    // A governors' grid of marks by meeting, and its chair/clerk row.
    let grid = super::attendance_grid::read(region, date.as_deref());
    // Where the list starts: the first label that heads people.
    let first = region
        .iter()
        .position(|l| {
            section_label(&l.text).is_ok_and(|(_, label)| kind_of(label).is_some())
                || bare_label(&l.text).is_some()
                || (l.line.table.is_some() && initialled_row(&l.cells()).is_some())
        })
        .unwrap_or(region.len());
    let mut active = true;
    let mut chair: Option<(String, u32)> = None;
    let mut entries: Vec<Entry> = grid.entries;
    let mut section = (Kind::Members, String::new());
    let mut logical: Vec<Logical> = Vec::new();
    for (i, l) in region.iter().enumerate().skip(first) {
        if grid.used.contains(&i) {
            continue;
        }
        let text = &*l.text;
        // A bold line of its own after the list has begun, over a line in
        // body type, is the first minute's heading when it is not numbered
        // ("**OPEN FORUM**" over its text): the list ends there.
        if !logical.is_empty()
            && is_unnumbered_heading(
                l,
                region[i + 1..].iter().find(|n| !n.text.trim().is_empty()),
            )
        {
            break;
        }
        // A heading in capitals naming a part of the business
        // ("UNRESTRICTED ITEMS", "PART 2") opens the minutes: the list
        // ends there.
        if !logical.is_empty()
            && !text.chars().any(char::is_lowercase)
            && crate::lex::section_marking(text).is_some()
        {
            break;
        }
        if LEGEND.is_match(text) {
            continue;
        }
        // A sentence under the list naming a visitor or the chair is read
        // after the list, never as more of it.
        if ATTENDED.is_match(text.trim()) || CHAIRED_INITIALS.is_match(text.trim()) {
            continue;
        }
        if let Some((label, names)) = l.line.table.and_then(|_| initialled_row(&l.cells())) {
            if let Some(kind) = kind_of(&label) {
                // The row holds the whole list: lines after it are not
                // more of it until another label starts one.
                section = (kind, label.clone());
                active = false;
                logical.push(Logical {
                    kind,
                    label,
                    role: None,
                    category: None,
                    text: names,
                    page: l.page,
                    bracket_is_role: true,
                    counted: None,
                });
                continue;
            }
        }
        if let Some(name) = lex::in_the_chair(text) {
            chair = Some((name, l.page));
            continue;
        }
        let mut rest = text;
        let mut starts_new = false;
        let counted = label_count(text);
        let labelled = section_label(rest)
            .ok()
            .or_else(|| bare_label(rest).map(|l| ("", l)));
        if let Some((r, label)) = labelled {
            match kind_of(label) {
                Some(kind) => {
                    section = (kind, label.to_string());
                    active = true;
                }
                None => {
                    active = false;
                    diags.push(Diagnostic {
                        page: l.page,
                        message: format!(
                            "attendance: '{label}' heads no attendance list; its lines kept only as document text"
                        ),
                    });
                }
            }
            rest = r;
            starts_new = true;
        }
        if !active {
            continue;
        }
        // A bulleted list gives one person a bullet ("- Alan
        // McFadzean—Chair"): each bullet starts an entry, a role after an
        // unspaced dash is the person's.
        if l.bullet.is_some() && !starts_new {
            let item = l.rest().trim();
            let (name, role) = match name_em_role(item) {
                Some((n, r)) => (n, Some(r)),
                None => (item.to_string(), None),
            };
            logical.push(Logical {
                kind: section.0,
                label: section.1.clone(),
                role,
                category: None,
                text: name,
                page: l.page,
                bracket_is_role: false,
                counted: None,
            });
            continue;
        }
        let mut category: Option<String> = None;
        if let Ok((r, cat)) = category_label(rest) {
            category = Some(cat.to_string());
            rest = r;
            starts_new = true;
        } else if section.0 != Kind::Attending {
            if let Some((role, names)) = role_dash(rest) {
                logical.push(Logical {
                    kind: section.0,
                    label: section.1.clone(),
                    role: Some(role),
                    category: None,
                    text: names,
                    page: l.page,
                    bracket_is_role: false,
                    counted: None,
                });
                continue;
            }
        }
        // Officers set in a grid, name and post in cells of their own
        // ("Kate Charlton- | City Solicitor"): one person a row.
        let joined;
        if section.0 == Kind::Attending && !starts_new {
            if let Some(j) = name_post_cells(l) {
                joined = j;
                rest = &joined;
                starts_new = true;
            }
        }
        let wraps = !starts_new
            && match section.0 {
                Kind::Attending => rest.starts_with(|c: char| c.is_lowercase() || c == '('),
                _ => true,
            };
        // A list closed by a full stop, then a sentence in body type: the
        // sentence is the minutes' prose, and the list has ended ("…,
        // Passey and Wood." over "Under item 4(v) of the Town Council
        // Standing Orders, the Town Clerk advised …").
        // The sentence follows the list's last line straight on: a blank
        // line between starts a paragraph of its own, read as before.
        let closed = i > first
            && region[i - 1].text.trim_end().ends_with('.')
            && logical
                .last()
                .is_some_and(|last| last.text.trim_end().ends_with('.'));
        if wraps && closed && is_prose(rest) {
            active = false;
            continue;
        }
        match logical.last_mut() {
            Some(last) if wraps => {
                last.text.push(' ');
                last.text.push_str(rest);
            }
            _ => {
                let cat = category.or_else(|| {
                    // A line without its own category keeps the section's.
                    if starts_new {
                        None
                    } else {
                        logical.last().and_then(|x| x.category.clone())
                    }
                });
                logical.push(Logical {
                    kind: section.0,
                    label: section.1.clone(),
                    role: None,
                    category: cat,
                    text: rest.to_string(),
                    page: l.page,
                    bracket_is_role: false,
                    counted: counted.clone(),
                });
            }
        }
    }
    for line in &logical {
        let (label, role, category) = (&line.label, &line.role, &line.category);
        let singular = singular_role(label);
        let mut raws: Vec<(Raw, Part)> = Vec::new();
        for part in list_parts(&line.text, line.kind) {
            let piece = &line.text[part.at..part.end];
            let found = if part.kind == Kind::Attending {
                attending_entries(piece)
            } else {
                list_entries(piece)
            };
            for mut raw in found {
                // A count of people is no person ("Members of the Public -
                // Two Members", "3 members of the public were present").
                let counted = raw
                    .name
                    .split_whitespace()
                    .next()
                    .and_then(crate::lex::count_value)
                    .is_some();
                if counted || is_no_one(&raw.name) {
                    continue;
                }
                // A name runs to the first word in lower case: what follows
                // is prose ("Councillor A Connell plus ten guests", "PCSO
                // Sharon Diamond who reported …"), or the chair's note
                // ("Councillor Brigid Jones in the Chair;").
                let Some((name, chair)) = name_before_prose(&raw.name) else {
                    continue;
                };
                if chair {
                    raw.chair = true;
                    raw.role = Some("Chair".to_string());
                }
                // A sentence opening on a person named in the list already
                // ("Cllr. Crisp welcomed all to the meeting.") lists no one.
                if name != raw.name
                    && (raws.iter().any(|(r, _)| same_person(&r.name, &name))
                        || entries
                            .iter()
                            .any(|e| same_person(&e.attendance.name, &name)))
                {
                    continue;
                }
                raw.name = name;
                raw.start += part.at;
                raw.end += part.at;
                if part.role.is_some() {
                    raw.role.clone_from(&part.role);
                }
                raws.push((raw, part.clone()));
            }
        }
        // "PRESENT (six Councillors):": the members the list names take the
        // label's role, when the list names as many as the label counts.
        if let Some((n, counted_role)) = &line.counted {
            let members: Vec<usize> = (0..raws.len()).filter(|i| raws[*i].1.index == 0).collect();
            if members.len() == *n as usize {
                for i in members {
                    raws[i].0.role.get_or_insert_with(|| counted_role.clone());
                }
            } else {
                diags.push(Diagnostic {
                    page: line.page,
                    message: format!(
                        "attendance: the label counts {n} but the list names {}; no role given from the label",
                        members.len()
                    ),
                });
            }
        }
        for (raw, part) in raws {
            let kind = &part.kind;
            let status = match kind {
                Kind::Apologies => AttendanceStatus::Apologies,
                Kind::Absent => AttendanceStatus::Absent,
                // A substitute is a member present in another's place:
                // present, "substitute" the role, as when a sentence tells
                // it ("Councillor Jos Clark attended as substitute.").
                Kind::Substitutes => AttendanceStatus::Present,
                Kind::Attending => AttendanceStatus::InAttendance,
                // A member replaced by a substitute ("(Mike Ward – replaced
                // Jon Hunt)") or marked "(A)" in a list of those present.
                Kind::Present if raw.apologies => AttendanceStatus::Apologies,
                Kind::Present => AttendanceStatus::Present,
                Kind::Observers | Kind::Members => {
                    if raw.star && raw.apologies {
                        diags.push(Diagnostic {
                            page: line.page,
                            message: format!(
                                "attendance: {} is marked both present (*) and apologies (A); kept as present",
                                raw.name
                            ),
                        });
                        AttendanceStatus::Present
                    } else if raw.apologies {
                        AttendanceStatus::Apologies
                    } else if *kind == Kind::Observers {
                        // An observer is no member: marked present or not,
                        // they attend.
                        AttendanceStatus::InAttendance
                    } else if raw.star || !marks_used {
                        AttendanceStatus::Present
                    } else {
                        AttendanceStatus::Absent
                    }
                }
            };
            // Named after the members' list has closed with a full stop
            // ("… and Claire Williams (CW). Parish Clerk: Peter King"): not
            // one of the members, in attendance.
            let status = if part.after_close && status == AttendanceStatus::Present {
                AttendanceStatus::InAttendance
            } else {
                status
            };
            let bracket_role = raw.organisation.clone().filter(|_| line.bracket_is_role);
            let organisation = raw.organisation.clone().filter(|_| !line.bracket_is_role);
            let substitute = (*kind == Kind::Substitutes).then(|| "substitute".to_string());
            let role = raw
                .role
                .clone()
                .or(substitute)
                .or(bracket_role)
                .or_else(|| role.clone())
                .or_else(|| singular.clone())
                .or_else(|| title_role(&raw.name))
                .or_else(|| acronym_role(&raw.name));
            let category = category
                .clone()
                .or_else(|| (!label.is_empty() && singular.is_none()).then(|| label.clone()));
            let text = line
                .text
                .get(raw.start..raw.end)
                .map(fold)
                .unwrap_or_else(|| raw.name.clone());
            let a = Attendance {
                name: raw.name.clone(),
                status,
                role,
                organisation,
                meeting_date: date.clone(),
                category,
            };
            // The chair is one of those present: one entry, "Chair" its
            // role at this meeting.
            let mut a = a;
            if raw.chair && a.role.is_none() {
                a.role = Some("Chair".to_string());
            }
            entries.push(Entry {
                attendance: a,
                text,
                page: line.page,
            });
        }
    }
    // The chair ("TONY HARTNEY IN THE CHAIR", "The Meeting was Chaired by
    // Kenny Combe."): the list's entry for the same person takes "Chair"
    // as its role at this meeting; a chair the list does not name is
    // present, as printed.
    if let Some((name, page)) = chair {
        let already = entries.iter().any(|e| {
            e.attendance
                .role
                .as_deref()
                .is_some_and(|r| is_chair_note(r) == Some("Chair"))
        });
        match entries
            .iter_mut()
            .find(|e| same_person(&e.attendance.name, &name))
        {
            // A chair's word the list printed ("Chairman") is kept.
            Some(e)
                if e.attendance
                    .role
                    .as_deref()
                    .is_none_or(|r| is_chair_note(r) != Some("Chair")) =>
            {
                e.attendance.role = Some("Chair".to_string());
            }
            Some(_) => {}
            None if !already => entries.push(Entry {
                attendance: Attendance {
                    name: title_case(&name),
                    role: Some("Chair".to_string()),
                    meeting_date: date.clone(),
                    ..Attendance::default()
                },
                text: format!("{name} IN THE CHAIR"),
                page,
            }),
            None => {}
        }
    }
    // Sentences under the list: a visitor who "attended the meeting",
    // and the chair named by initials ("RW chaired the meeting.").
    for l in region {
        if let Some(c) = ATTENDED.captures(l.text.trim()) {
            let (Some(role), Some(name)) = (c.name("role"), c.name("name")) else {
                continue;
            };
            let (role, name) = (role.as_str().trim(), clean_name(name.as_str()));
            let last = role.split_whitespace().last().unwrap_or("");
            if !crate::lex::is_meeting_role(last)
                || entries
                    .iter()
                    .any(|e| same_person(&e.attendance.name, &name))
            {
                continue;
            }
            entries.push(Entry {
                attendance: Attendance {
                    name,
                    status: AttendanceStatus::InAttendance,
                    role: Some(role.to_string()),
                    meeting_date: date.clone(),
                    ..Attendance::default()
                },
                text: fold(l.text.trim()),
                page: l.page,
            });
        }
        if let Some(c) = CHAIRED_INITIALS.captures(l.text.trim()) {
            let who = c.name("who").map_or("", |m| m.as_str());
            let names: Vec<String> = entries.iter().map(|e| e.attendance.name.clone()).collect();
            let chaired = super::people::resolve(who, &names).filter(|_| {
                !entries.iter().any(|e| {
                    e.attendance
                        .role
                        .as_deref()
                        .is_some_and(|r| is_chair_note(r) == Some("Chair"))
                })
            });
            if let Some(name) = chaired {
                if let Some(e) = entries.iter_mut().find(|e| e.attendance.name == name) {
                    if e.attendance.role.is_none() {
                        e.attendance.role = Some("Chair".to_string());
                    }
                }
            }
        }
    }
    // Apologies minuted in the body.
    let body_end = layout.body_end.min(lines.len());
    let body = &lines[layout.body_start.min(body_end)..body_end];
    for (k, l) in body.iter().enumerate() {
        // A minute headed "Apologies" whose text is the names alone
        // ("18.05.2 Apologies" over "A Armstrong, EDC and M Armstrong
        // (Councillors)").
        let listed = body
            .get(k + 1)
            .filter(|_| is_apologies_heading(&l.text))
            .map(|n| &*n.text)
            .filter(|t| is_bare_name_list(t) && !APOLOGIES_FROM.is_match(t));
        let inline = apologies_inline(&l.text);
        let from = APOLOGIES_FROM
            .captures_iter(&l.text)
            .filter_map(|c| c.get(1).map(|m| m.as_str()));
        for list in listed.into_iter().chain(inline).chain(from) {
            for raw in list_entries(list) {
                if is_no_one(&raw.name) {
                    continue;
                }
                let found = entries
                    .iter_mut()
                    .find(|e| same_person(&e.attendance.name, &raw.name));
                match found {
                    Some(e) if e.attendance.status == AttendanceStatus::Absent => {
                        e.attendance.status = AttendanceStatus::Apologies;
                    }
                    Some(_) => {}
                    None => entries.push(Entry {
                        attendance: Attendance {
                            name: raw.name.clone(),
                            status: AttendanceStatus::Apologies,
                            // "M Armstrong (Councillors)": a role word in
                            // the bracket is the role.
                            role: raw.role.clone().or_else(|| {
                                raw.organisation
                                    .as_deref()
                                    .and_then(list_role_label)
                                    .map(|(r, _)| r)
                            }),
                            meeting_date: date.clone(),
                            ..Attendance::default()
                        },
                        text: format!("Apologies for absence: {}", raw.name),
                        page: l.page,
                    }),
                }
            }
        }
    }
    // Substitutes told in a sentence, under the list or in the body: the
    // substitute is one of the members present, "substitute" the role.
    for l in region.iter().chain(body) {
        for c in SUBSTITUTE.captures_iter(&l.text) {
            let Some(sub) = c.name("sub") else {
                continue;
            };
            let name = clean_name(sub.as_str());
            let role = Some("substitute".to_string());
            match entries
                .iter_mut()
                .find(|e| same_person(&e.attendance.name, &name))
            {
                Some(e) => {
                    e.attendance.status = AttendanceStatus::Present;
                    e.attendance.role = role;
                }
                None => entries.push(Entry {
                    attendance: Attendance {
                        name,
                        status: AttendanceStatus::Present,
                        role,
                        meeting_date: date.clone(),
                        ..Attendance::default()
                    },
                    text: c.get(0).map(|m| m.as_str().to_string()).unwrap_or_default(),
                    page: l.page,
                }),
            }
        }
    }
    (entries, diags)
}

static SUBSTITUTE: LazyLock<Regex> = LazyLock::new(|| {
    let name = r"(?:(?:Cllr|Councillor|Mr|Mrs|Ms|Dr)\.?\s+)?[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){0,2}";
    Regex::new(&format!(
        r"(?P<sub>{name})\s+(?:(?:attended\s+as\s+(?:a\s+)?substitute\s+for|substituted\s+for|was\s+(?:present\s+as\s+)?(?:a\s+)?substitut(?:e|ing)\s+for|(?:would\s+be\s+|was\s+)?substituting(?:,\s*[^,.]{{1,40}},)?\s+for)\s+(?P<for>{name})|attended\s+as\s+(?:a\s+)?substitute\b)"
    ))
    .expect("substitute pattern")
});

/// "Prospective SBC Councillor, Ken Webb, attended the meeting.": a post,
/// then the person's name, between commas.
static ATTENDED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^(?P<role>[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,4}),\s+(?P<name>[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){1,3}),\s+(?:also\s+)?attended(?:\s+the\s+meeting)?\.?$",
    )
    .expect("attended pattern")
});

/// "RW chaired the meeting.": the chair by initials.
static CHAIRED_INITIALS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?P<who>[A-Z]{2,4})\s+chaired\s+the\s+meeting\.?$").expect("chaired pattern")
});

/// The names run into a numbered "Apologies" heading on its own line or
/// grid row, up to the full stop that closes them: "52 Apologies for
/// Absence Cllrs Ives, Ward and Ellis. Committee resolved to note the
/// apologies." -> "Cllrs Ives, Ward and Ellis".
fn apologies_inline(text: &str) -> Option<&str> {
    let (rest, _) = lex::heading_number(text).ok()?;
    let rest = rest.trim_start();
    let lower = rest.to_lowercase();
    let head = ["apologies for absence", "apologies"]
        .iter()
        .find(|h| lower.starts_with(*h))?;
    let names = rest
        .get(head.len()..)?
        .trim_start_matches([':', '.', '-', '–', ' ']);
    let end = closing_stops(names).first().copied().unwrap_or(names.len());
    let names = names[..end].trim().trim_end_matches('.');
    // The heading's own words go on after a joining word ("APOLOGIES AND
    // SUBSTITUTE MEMBERS"): no names.
    let first = names.split_whitespace().next().unwrap_or("").to_lowercase();
    let joined = matches!(first.as_str(), "and" | "&" | "for" | "of" | "to" | "from");
    (!joined
        && names.starts_with(|c: char| c.is_uppercase())
        && is_bare_name_list(names)
        && !APOLOGIES_FROM.is_match(names))
    .then_some(names)
}

/// A piece of a logical list line read on its own.
#[derive(Debug, Clone, PartialEq)]
struct Part {
    kind: Kind,
    /// Byte range in the line.
    at: usize,
    end: usize,
    /// After the full stop that closes the members' list.
    after_close: bool,
    /// The role of a "Parish Clerk:" label opening the piece.
    role: Option<String>,
    /// 0 for the list itself, then 1, 2 … for the pieces after it.
    index: usize,
}

static INLINE_LABEL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)\s(in\s+attendance|also\s+present|also\s+in\s+attendance|apologies(?:\s+for\s+absence)?|absent)\s*:\s*",
    )
    .expect("inline label pattern")
});

static ROLE_LABEL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\s*([A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,3})\s*:\s*").expect("role label pattern")
});

/// A list line cut where a label is run into it ("… Peter King In
/// attendance: four members of the public.") and, in a list of members,
/// at each full stop that closes a sentence of names: the pieces after
/// the first such stop name people outside the list ("(CW). Parish Clerk:
/// Peter King", "Cllr. M. Peake. Vicky Bright – Clerk and 3 members of
/// the public."), a "Role:" label opening one giving its role.
fn list_parts(text: &str, kind: Kind) -> Vec<Part> {
    let mut cuts: Vec<(usize, usize, Kind)> = vec![(0, 0, kind)];
    for m in INLINE_LABEL.captures_iter(text) {
        let (Some(whole), Some(label)) = (m.get(0), m.get(1)) else {
            continue;
        };
        if let Some(k) = kind_of(label.as_str()) {
            cuts.push((whole.start(), whole.end(), k));
        }
    }
    let mut out = Vec::new();
    for (ci, &(_, from, k)) in cuts.iter().enumerate() {
        let to = cuts.get(ci + 1).map_or(text.len(), |c| c.0);
        let stops = if matches!(k, Kind::Present | Kind::Members) {
            closing_stops(&text[from..to])
        } else {
            Vec::new()
        };
        let mut at = from;
        for (index, end) in stops.iter().map(|s| s + from).chain([to]).enumerate() {
            let mut part = Part {
                kind: k,
                at,
                end,
                after_close: index > 0,
                role: None,
                index,
            };
            if index > 0 {
                if let Some(c) = ROLE_LABEL.captures(&text[at..end]) {
                    let label = c.get(1).map_or("", |m| m.as_str());
                    let last = label.split_whitespace().last().unwrap_or("");
                    if crate::lex::is_meeting_role(last) {
                        part.role = Some(label.to_string());
                        part.at = at + c.get(0).map_or(0, |m| m.end());
                    }
                }
            }
            if part.at < part.end {
                out.push(part);
            }
            at = end;
        }
    }
    out
}

/// The byte offsets just after each full stop that ends a sentence of
/// names: after a closing bracket or a word of three letters or more
/// ("(CW).", "Peake."), never a title or an initial ("Cllr.", "R."), and
/// followed by a capital.
fn closing_stops(t: &str) -> Vec<usize> {
    let mut out = Vec::new();
    for (i, _) in t.match_indices('.') {
        let next = t[i + 1..].strip_prefix(' ');
        if !next.is_some_and(|n| n.starts_with(|c: char| c.is_uppercase())) {
            continue;
        }
        let word = t[..i].split_whitespace().last().unwrap_or("");
        let ends_name = word.ends_with(')')
            || (word.chars().count() >= 3
                && word.chars().all(|c| c.is_alphabetic() || "'’-".contains(c))
                && word.chars().any(|c| c.is_lowercase())
                && !crate::lex::is_name_title(word)
                && !is_title(word));
        if ends_name {
            out.push(i + 1);
        }
    }
    out
}

/// A name's words up to the first word in lower case (the particles of
/// names aside), and whether the words after say the person was in the
/// chair: "Councillor A Connell plus ten guests" -> "Councillor A
/// Connell"; "Councillor Brigid Jones in the Chair" -> ("Councillor Brigid
/// Jones", true). None where no name is left before it, or only a title.
fn name_before_prose(name: &str) -> Option<(String, bool)> {
    let words: Vec<&str> = name.split_whitespace().collect();
    let particle = |w: &str| matches!(w, "de" | "van" | "von" | "der" | "le" | "la" | "du" | "da");
    let k = words
        .iter()
        .position(|w| w.starts_with(|c: char| c.is_lowercase()) && !particle(w))
        .unwrap_or(words.len());
    let kept = &words[..k];
    if !kept.iter().any(|w| !is_title(w.trim_end_matches('.'))) {
        return None;
    }
    let kept = kept.join(" ");
    let chair = k < words.len() && lex::in_the_chair(name).is_some_and(|n| n == kept);
    Some((kept, chair))
}

/// Where the first unnumbered minute begins in the lines between the
/// minutes' heading and their first numbered minute (`region`): the first
/// heading of `is_unnumbered_heading` after a label that heads people
/// (Northwold PC's AGM: "**OPEN FORUM**" after "**Present:** Cllr. R.
/// Crisp - Chair, …", before "**2.** **Chairman to sign …**"). None where
/// the list has no label or no such heading follows it.
pub fn unnumbered_start(region: &[FlatLine]) -> Option<usize> {
    let first = region.iter().position(|l| {
        section_label(&l.text).is_ok_and(|(_, label)| kind_of(label).is_some())
            || bare_label(&l.text).is_some()
    })?;
    (first + 1..region.len()).find(|&i| {
        is_unnumbered_heading(
            &region[i],
            region[i + 1..].iter().find(|n| !n.text.trim().is_empty()),
        )
    })
}

/// A heading set in bold, not numbered and not a label ("OPEN FORUM",
/// "Election of Chairman"), over a line in body type.
pub fn is_unnumbered_heading(l: &FlatLine, next: Option<&FlatLine>) -> bool {
    let text = l.text.trim();
    l.line.bold
        && l.line.table.is_none()
        && l.number.is_none()
        && !text.is_empty()
        && text.split_whitespace().count() <= 8
        && !text.contains([':', ','])
        && section_label(text).is_err()
        && bare_label(text).is_none()
        && next.is_some_and(|n| !n.line.bold)
}

/// "Headteachers" -> "Headteacher", "Governors" -> "Governor": the role of
/// the people under a label that names what they are; None for a label that
/// names a group ("Schools Members", "Observers", "Also attending").
fn singular_role(label: &str) -> Option<String> {
    let l = label.trim();
    if l.is_empty() || l.split_whitespace().count() > 2 {
        return None;
    }
    let lower = l.to_lowercase();
    if [
        "members",
        "observers",
        "attending",
        "present",
        "apologies",
        "substitutes",
        "attendance",
        "officers",
        "absent",
    ]
    .iter()
    .any(|w| lower.ends_with(w))
    {
        return None;
    }
    l.strip_suffix('s').map(|s| s.to_string())
}

/// A line of running prose, not names: five words or more in lower case
/// besides "and" and "of" (a list of names holds few or none), not opening
/// with a person's title ("Cllr. Crisp welcomed all …" names a person).
fn is_prose(text: &str) -> bool {
    let titled = text
        .split_whitespace()
        .next()
        .is_some_and(|w| crate::lex::is_name_title(w.trim_end_matches('.')));
    !titled
        && text
            .split_whitespace()
            .filter(|w| w.starts_with(|c: char| c.is_lowercase()))
            .filter(|w| !matches!(*w, "and" | "of"))
            .count()
            >= 5
}

/// People in attendance on one line: "Steve Worth, Finance Manager
/// (Schools and Learning)" (name, role), or a list whose brackets give the
/// roles: "Mr A Taylor (Scrutiny Research Officer), Ms B Smith (Clerk)".
fn attending_entries(text: &str) -> Vec<Raw> {
    // "CPOs Suzanne Jacobs and Drew Young": each one a CPO.
    if let Some((role, at)) = plural_acronym(text) {
        return list_entries(&text[at..])
            .into_iter()
            .map(|mut r| {
                r.role.get_or_insert_with(|| role.clone());
                r.start += at;
                r.end += at;
                r
            })
            .collect();
    }
    if let Some(each) = dashed_pairs(text) {
        return each;
    }
    let comma = text.find(',');
    let paren = text.find('(');
    match (comma, paren) {
        (Some(c), Some(p)) if p < c => attending_entries_parens(text),
        (None, Some(_)) => attending_entries_parens(text),
        _ => line_name_role(text).into_iter().collect(),
    }
}

/// Officers listed as "Name – Post" pairs between commas: "Olive
/// O’Sullivan – Town Clerk, Becki Leonard - Assistant Town Clerk." -> two
/// people, each with the post after their dash. Every piece must be such a
/// pair (a name of two to four capitalised words before a spaced dash).
fn dashed_pairs(text: &str) -> Option<Vec<Raw>> {
    let mut out = Vec::new();
    let mut start = 0;
    let pieces: Vec<&str> = text.split(',').collect();
    if pieces.len() < 2 {
        return None;
    }
    for piece in pieces {
        let end = start + piece.len();
        let lead = piece.len() - piece.trim_start().len();
        let p = piece.trim().trim_end_matches('.');
        let (name, post) = p
            .split_once(" – ")
            .or_else(|| p.split_once(" — "))
            .or_else(|| p.split_once(" - "))?;
        let words: Vec<&str> = name.split_whitespace().collect();
        let named = (2..=4).contains(&words.len())
            && words
                .iter()
                .all(|w| w.starts_with(|c: char| c.is_uppercase()));
        let post = post.trim();
        if !named || post.is_empty() {
            return None;
        }
        out.push(Raw {
            name: clean_name(name),
            role: Some(post.to_string()),
            start: start + lead,
            end,
            ..Raw::default()
        });
        start = end + 1;
    }
    Some(out)
}

fn attending_entries_parens(text: &str) -> Vec<Raw> {
    list_entries(text)
        .into_iter()
        .map(|mut r| {
            if r.role.is_none() {
                r.role = r.organisation.take();
            }
            r
        })
        .collect()
}

/// A grid row of two filled cells, a name (up to four capitalised words,
/// a dash left after it) and a post: "Name, Post" as a line writes it.
fn name_post_cells(l: &FlatLine) -> Option<String> {
    l.line.table?;
    let cells: Vec<String> = l
        .cells()
        .into_iter()
        .map(|c| c.trim().to_string())
        .filter(|c| !c.is_empty())
        .collect();
    let [name, post] = cells.as_slice() else {
        return None;
    };
    let name = name.trim_end_matches(['-', '–', ' ']);
    let words: Vec<&str> = name.split_whitespace().collect();
    let is_name = (2..=4).contains(&words.len())
        && words
            .iter()
            .all(|w| w.starts_with(|c: char| c.is_uppercase()))
        && !name.contains(',');
    (is_name && post.starts_with(|c: char| c.is_uppercase())).then(|| format!("{name}, {post}"))
}

/// A grid row under a label cell ("PRESENT") whose people are run together
/// in one cell and told apart by the next cell, their initials one a
/// person ("Rob Weatherston Dick Noble Michael Cook (SBC) | RW DN MC"):
/// the label and the names as a list ("Rob Weatherston, Dick Noble,
/// Michael Cook (SBC)"). Several name/initials pairs may follow the label.
fn initialled_row(cells: &[String]) -> Option<(String, String)> {
    let filled: Vec<&str> = cells
        .iter()
        .map(|c| c.trim())
        .filter(|c| !c.is_empty())
        .collect();
    let (label, rest) = filled.split_first()?;
    let label = bare_label(label.trim_end_matches(':'))?;
    kind_of(label)?;
    if rest.is_empty() || rest.len() % 2 != 0 {
        return None;
    }
    let mut names = Vec::new();
    for pair in rest.chunks(2) {
        names.extend(split_by_initials(pair[0], pair[1])?);
    }
    Some((label.to_string(), names.join(", ")))
}

/// Split names run together by the initials printed beside them, one
/// initials token a person: each token takes as many words as it has
/// letters, each word starting with its letter; a bracketed word stays
/// with the name before it. None unless every word is accounted for.
fn split_by_initials(names: &str, initials: &str) -> Option<Vec<String>> {
    let tokens: Vec<&str> = initials.split_whitespace().collect();
    let is_initials =
        |t: &&str| (2..=4).contains(&t.len()) && t.chars().all(|c| c.is_ascii_uppercase());
    if tokens.len() < 2 || !tokens.iter().all(is_initials) {
        return None;
    }
    let words: Vec<&str> = names.split_whitespace().collect();
    let mut out: Vec<String> = Vec::new();
    let mut i = 0;
    for t in &tokens {
        let mut name = Vec::new();
        for letter in t.chars() {
            while words.get(i).is_some_and(|w| w.starts_with('(')) {
                let last: &mut String = out.last_mut()?;
                last.push(' ');
                last.push_str(words[i]);
                i += 1;
            }
            let w = words.get(i)?;
            if !w.to_uppercase().starts_with(letter) {
                return None;
            }
            name.push(*w);
            i += 1;
        }
        out.push(name.join(" "));
    }
    while words.get(i).is_some_and(|w| w.starts_with('(')) {
        let last: &mut String = out.last_mut()?;
        last.push(' ');
        last.push_str(words[i]);
        i += 1;
    }
    (i == words.len()).then_some(out)
}

/// "Steve Worth, Finance Manager (Schools and Learning)" -> name and role.
fn line_name_role(text: &str) -> Option<Raw> {
    let t = text.trim().trim_end_matches([',', ';']);
    if t.is_empty() {
        return None;
    }
    let (name, role) = match t.split_once(',') {
        Some((n, r)) => (n, Some(fold(r))),
        None => (t, None),
    };
    let name = clean_name(name.trim_start_matches('*'));
    if !name.chars().any(|c| c.is_uppercase()) {
        return None;
    }
    Some(Raw {
        name,
        star: t.starts_with('*'),
        role: role.filter(|r| !r.is_empty()),
        start: 0,
        end: text.len(),
        ..Raw::default()
    })
}

/// The words of a name, lower case, titles left out.
fn name_words(s: &str) -> Vec<String> {
    s.split_whitespace()
        .filter(|w| !is_title(w))
        .map(|w| w.to_lowercase())
        .collect()
}

/// Whether two written names are one person: the same words, or one a
/// titled surname of the other ("Cllr Wright", "Cllr Charles Wright").
fn same_person(a: &str, b: &str) -> bool {
    let (wa, wb) = (name_words(a), name_words(b));
    if wa.is_empty() || wb.is_empty() {
        return false;
    }
    if wa == wb {
        return true;
    }
    let (short, long) = if wa.len() < wb.len() {
        (&wa, &wb)
    } else {
        (&wb, &wa)
    };
    short.len() == 1 && long.last() == short.last() && {
        let ta = a.split_whitespace().next().is_some_and(is_title);
        let tb = b.split_whitespace().next().is_some_and(is_title);
        ta && tb
    }
}

fn title_case(s: &str) -> String {
    if s.chars().any(|c| c.is_lowercase()) {
        return s.to_string();
    }
    s.split_whitespace()
        .map(|w| {
            let mut cs = w.chars();
            match cs.next() {
                Some(f) => f.to_uppercase().collect::<String>() + &cs.as_str().to_lowercase(),
                None => String::new(),
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

static DECLARED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?P<name>(?:(?:Cllr|Councillor|Mr|Mrs|Ms|Miss|Dr)\.?\s+)?[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){0,3}),?\s+(?:declared|(?:stated|said|advised|confirmed|indicated|reported)\s+that\s+(?:she|he|they)\s+(?:had|has|have|held))\s+(?P<interest>(?:an?\s+|their\s+|his\s+|her\s+)?(?:[\w-]+\s+){0,3}?interests?\b[^.;]*)",
    )
    .expect("declaration pattern")
});

static ITEM: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:agenda\s+)?(?:item|minute)\s+(?:no\.?\s*)?([A-Z]?\d+(?:\.\d+)?[a-z]?)")
        .expect("item pattern")
});

/// Declarations of interest: "Cllr X declared a personal interest in item 7
/// as a governor of Y", "Cllr. X, declared an interest in Item 14",
/// "Councillor X stated that she had a non-pecuniary interest in …" ->
/// name, item and the interest as printed. "There were no declarations"
/// gives none. A heading run into the line ("Declarations of Interest
/// Councillor X …") is no part of the name: a name starts at its title.
pub fn declarations(lines: &[FlatLine]) -> Vec<(Declaration, String, u32)> {
    let mut out = Vec::new();
    for (k, l) in lines.iter().enumerate() {
        // The pattern needs "declared" or "interest": most lines lack both.
        if !l.text.contains("declared") && !l.text.contains("interest") {
            continue;
        }
        for c in DECLARED.captures_iter(&l.text) {
            let (Some(all), Some(name), Some(interest)) =
                (c.get(0), c.name("name"), c.name("interest"))
            else {
                continue;
            };
            let name = from_title(name.as_str().trim());
            let printed = interest.as_str().trim();
            let found = ITEM.captures(printed);
            let item = found
                .as_ref()
                .and_then(|m| m.get(1))
                .map(|m| m.as_str().to_string())
                .or_else(|| item_named_by(printed, &lines[k + 1..]));
            let interest = found
                .as_ref()
                .and_then(|m| m.get(0))
                .and_then(|at| interest_after_item(&printed[at.end()..]))
                .unwrap_or(printed)
                .to_string();
            out.push((
                Declaration {
                    name: Some(name.to_string()),
                    item,
                    interest,
                },
                // The declaration as printed, from the name on (a heading
                // run into the line is no part of it).
                all.as_str()
                    .find(name)
                    .map_or(all.as_str(), |at| &all.as_str()[at..])
                    .trim()
                    .to_string(),
                l.page,
            ));
        }
    }
    out
}

/// The number of the later minute a declaration names by its subject
/// rather than its number ("a non-pecuniary interest in a school
/// application for the community grant funding" under "6 Community Grant
/// Applications"): the first numbered heading after it whose title words,
/// two or more, all appear in the interest (a plural as its singular).
fn item_named_by(interest: &str, after: &[FlatLine]) -> Option<String> {
    let stem = |w: &str| {
        let w = w.to_lowercase();
        w.strip_suffix('s').map_or(w.clone(), str::to_string)
    };
    let said: Vec<String> = fold(interest)
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(stem)
        .collect();
    after.iter().find_map(|l| {
        l.number.as_ref()?;
        let (rest, number) = lex::heading_number(&l.text).ok()?;
        let title: Vec<&str> = rest.split_whitespace().collect();
        if title.is_empty() || title.len() > 8 || !title[0].starts_with(|c: char| c.is_uppercase())
        {
            return None;
        }
        let words: Vec<String> = title
            .iter()
            .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
            .filter(|w| w.chars().count() >= 4)
            .map(stem)
            .collect();
        (words.len() >= 2 && words.iter().all(|w| said.contains(w))).then_some(number)
    })
}

/// The interest itself where the declaration names the item first and sets
/// the interest off after it in brackets or after a comma ("an interest in
/// Item 8 below (land belonging to family members)" -> "land belonging to
/// family members"; "… in Item 14 on the agenda, Planning Application
/// 14/00542/F" -> "Planning Application 14/00542/F"). An interest run on
/// without such a mark ("in item 7 as a governor of …") is kept whole.
fn interest_after_item(rest: &str) -> Option<&str> {
    // Up to four words may place the item ("below", "on the agenda").
    let mark = rest.find(['(', ','])?;
    if rest[..mark].split_whitespace().count() > 4 {
        return None;
    }
    let set_off = rest[mark + 1..].trim();
    let set_off = if rest[mark..].starts_with('(') {
        set_off.strip_suffix(')')?.trim()
    } else {
        set_off
    };
    (set_off.split_whitespace().count() >= 2).then_some(set_off)
}

/// A declarer's name from its title on, where capitalised words of a
/// heading run before it ("Interest Councillor Hodivala" -> "Councillor
/// Hodivala"); a name with no title, or with its title first, as it is.
fn from_title(name: &str) -> &str {
    name.split_whitespace()
        .skip(1)
        .find(|w| is_title(w.trim_end_matches('.')))
        .and_then(|w| name.find(w).map(|at| &name[at..]))
        .unwrap_or(name)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Lines of plain text, as a text input gives them, on page 1.
    fn text_lines(texts: &[&str]) -> Vec<crate::input::Line> {
        texts
            .iter()
            .map(|t| crate::input::Line {
                text: t.to_string(),
                ..Default::default()
            })
            .collect()
    }

    fn lexed(lines: &[crate::input::Line]) -> Vec<FlatLine<'_>> {
        lines
            .iter()
            .map(|l| crate::lex::lex_line(0, 1, 0, l))
            .collect()
    }

    #[test]
    fn one_name_a_line_under_a_bare_label() {
        let lines_text = [
            "MINUTES OF THE PANEL",
            "PRESENT",
            "Councillor A Smith (Chair)",
            "Councillor B Jones",
            "Councillor C Brown",
            "Apologies for absence",
            "Councillor D White",
        ];
        let got: Vec<String> = read_paragraphs(&lines_text)
            .iter()
            .map(|e| format!("{:?} {}", e.attendance.status, e.attendance.name))
            .collect();
        assert_eq!(
            got,
            vec![
                "Present Councillor A Smith",
                "Present Councillor B Jones",
                "Present Councillor C Brown",
                "Apologies Councillor D White",
            ]
        );
    }

    #[test]
    fn a_closed_list_then_prose_and_officers_in_dashed_pairs() {
        // Sutton Coldfield Town Council, Amenities, Leisure and Community
        // Services, 13 March 2018.
        let lines_text = [
            "Amenities, Leisure and Community Services",
            "Present:",
            "Cllrs Hodivala (Chairman), Hewett, Mosson, Passey and Wood.",
            "Under item 4(v) of the Town Council Standing Orders, the Town Clerk advised Committee that for this",
            "meeting Cllr Wood would be substituting, with voting rights, for Cllr Ellis.",
            "In Attendance:",
            "Olive O’Sullivan – Town Clerk, Becki Leonard - Assistant Town Clerk.",
        ];
        let got = read_list(&lines_text);
        assert_eq!(got.len(), 7, "{got:?}");
        assert!(!got.iter().any(|g| g.contains("advised")), "{got:?}");
        // The bracket's word is kept as printed; the sentence under the
        // list makes Wood the substitute.
        assert_eq!(got[0], "Present Cllr Hodivala Chairman");
        assert_eq!(got[4], "Present Cllr Wood substitute");
        assert_eq!(got[5], "InAttendance Olive O’Sullivan Town Clerk");
        assert_eq!(got[6], "InAttendance Becki Leonard Assistant Town Clerk");
        // A list of names is no prose.
        assert!(!is_prose(
            "Cllrs Hodivala (Chairman), Hewett, Mosson, Passey and Wood."
        ));
        // Northwold Parish Council, 6 May 2014: a line opening with a
        // person's title is left to the list reading.
        assert!(!is_prose("Cllr. Crisp welcomed all to the meeting."));
    }

    /// The attendance read from lines of text set as paragraphs, the body
    /// empty.
    fn read_paragraphs(lines_text: &[&str]) -> Vec<Entry> {
        let lines = text_lines(lines_text);
        let flat = lexed(&lines);
        let layout = Layout {
            start: 0,
            body_start: flat.len(),
            body_end: flat.len(),
            form: lex::Form::Paragraphs,
        };
        read(&flat, Some(&layout), &DocumentInfo::default()).0
    }

    /// An entry as "status name role" ("-" for no role).
    fn described(e: &Entry) -> String {
        format!(
            "{:?} {} {}",
            e.attendance.status,
            e.attendance.name,
            e.attendance.role.as_deref().unwrap_or("-")
        )
    }

    /// As `read_paragraphs`, each entry as "status name role".
    fn read_list(lines_text: &[&str]) -> Vec<String> {
        read_paragraphs(lines_text).iter().map(described).collect()
    }

    #[test]
    fn a_counted_label_and_people_after_the_list_closes() {
        // West Dereham Parish Council, 1 June 2017: the label counts the
        // councillors and names what they are; the clerk and the public
        // follow the list's full stop.
        let got = read_list(&[
            "DRAFT MINUTES OF THE WEST DEREHAM PARISH COUNCIL MEETING",
            "PRESENT (six Councillors): - Pam Bullas (PB), Claire Cann (CC) – Chair, Paula Kellingray (PK), Lorraine Hunt (LH) Pam Walker (PW), and Claire Williams (CW). Parish Clerk: Peter King In attendance: four members of the public.",
        ]);
        assert_eq!(
            got,
            vec![
                "Present Pam Bullas Councillor",
                "Present Claire Cann Chair",
                "Present Paula Kellingray Councillor",
                "Present Lorraine Hunt Councillor",
                "Present Pam Walker Councillor",
                "Present Claire Williams Councillor",
                "InAttendance Peter King Parish Clerk",
            ]
        );
        assert_eq!(
            label_count("PRESENT (six Councillors): - Pam Bullas (PB)"),
            Some((6, "Councillor".to_string()))
        );
        // A count of something else gives no role.
        assert_eq!(label_count("PRESENT (6): Pam Bullas"), None);
        // Northwold Parish Council, 6 May 2014: the clerk on a line of her
        // own after the councillors' list, then the minutes' first sentence.
        let got = read_list(&[
            "MINUTES OF NORTHWOLD PARISH COUNCIL AGM MEETING HELD AT THE VILLAGE HALL ON",
            "Present: Cllr. R. Crisp - Chair, Cllr. A. Collins - Vice Chair, Cllr. F. Eglington & Cllr. M. Peake.",
            "Vicky Bright – Clerk and 3 members of the public.",
            "Cllr. Crisp welcomed all to the meeting.",
        ]);
        assert_eq!(
            got,
            vec![
                "Present Cllr. R. Crisp Chair",
                "Present Cllr. A. Collins Vice Chair",
                "Present Cllr. F. Eglington Cllr.",
                "Present Cllr. M. Peake Cllr.",
                "InAttendance Vicky Bright Clerk",
            ]
        );
        // Names run on into prose (Milburn, 26 January 2021; Burton-cum-
        // Walden, 5 March 2024; Birmingham, 13 November 2018).
        assert_eq!(
            name_before_prose("Councillor A Connell plus ten guests"),
            Some(("Councillor A Connell".to_string(), false))
        );
        assert_eq!(
            name_before_prose("PCSO Sharon Diamond who reported that she was meeting"),
            Some(("PCSO Sharon Diamond".to_string(), false))
        );
        assert_eq!(
            name_before_prose("Councillor Brigid Jones in the Chair;"),
            Some(("Councillor Brigid Jones".to_string(), true))
        );
        assert_eq!(name_before_prose("Cllr. welcomed all"), None);
        // A name before the dash, a role after it: no role label.
        assert_eq!(
            role_dash("Vicky Bright – Clerk and 3 members of the public."),
            None
        );
    }

    #[test]
    fn names_run_together_split_by_initials() {
        // Ayton Community Council, 6 March 2012: a PRESENT row, names in
        // one cell and their initials in the next, twice across the page.
        let cells: Vec<String> = [
            "PRESENT",
            "Rob Weatherston Dick Noble Graham Dolan John Slater Michael Cook (SBC)",
            "RW DN GD JS MC",
            "Norman Robertson Rob Boyd Ian Logan Paul Priestman",
            "NR RB IL PP",
        ]
        .iter()
        .map(|c| c.to_string())
        .collect();
        let (label, names) = initialled_row(&cells).unwrap();
        assert_eq!(label, "PRESENT");
        assert_eq!(
            names,
            "Rob Weatherston, Dick Noble, Graham Dolan, John Slater, Michael Cook (SBC), \
             Norman Robertson, Rob Boyd, Ian Logan, Paul Priestman"
        );
        // Initials that do not fit the words read nothing.
        assert_eq!(
            split_by_initials("Rob Weatherston Dick Noble", "RW GD"),
            None
        );
        assert_eq!(split_by_initials("Rob Weatherston Dick Noble", "RW"), None);
        // A row without a people label is not a list.
        let other: Vec<String> = ["ITEMS", "Rob Weatherston Dick Noble", "RW DN"]
            .iter()
            .map(|c| c.to_string())
            .collect();
        assert_eq!(initialled_row(&other), None);
    }

    #[test]
    fn officers_in_grid_cells() {
        // Birmingham's notes: "Also in Attendance:" over a grid of officers.
        let pages = crate::input::from_text(
            "Also in Attendance:\nKate Charlton-\tCity Solicitor\nMartin Stevens\tHead of City Finance Accounts\n",
        );
        let lines = lex::flatten(&pages);
        assert_eq!(
            name_post_cells(&lines[1]).as_deref(),
            Some("Kate Charlton, City Solicitor")
        );
        assert_eq!(
            name_post_cells(&lines[2]).as_deref(),
            Some("Martin Stevens, Head of City Finance Accounts")
        );
        assert_eq!(name_post_cells(&lines[0]), None);
    }

    #[test]
    fn label_kinds() {
        assert_eq!(kind_of("Also present"), Some(Kind::Attending));
        assert_eq!(kind_of("Officers present"), Some(Kind::Attending));
        assert_eq!(kind_of("Members present"), Some(Kind::Present));
        assert_eq!(kind_of("Apologies for absence"), Some(Kind::Apologies));
        assert_eq!(kind_of("Governors"), Some(Kind::Members));
        assert_eq!(kind_of("Attendance"), Some(Kind::Present));
        assert_eq!(kind_of("Also in Attendance"), Some(Kind::Attending));
        // A remote meeting's label, in no real document here.
        assert_eq!(kind_of("IN ATTENDANCE VIRTUALLY"), Some(Kind::Attending));
        assert_eq!(kind_of("Key"), None);
    }

    #[test]
    fn labels() {
        assert_eq!(
            section_label("Schools Members:").unwrap().1,
            "Schools Members"
        );
        assert_eq!(
            section_label("Observers:- Cabinet Member").unwrap(),
            ("Cabinet Member", "Observers")
        );
        assert!(section_label("The Forum noted: x").is_ok());
        // West Dereham Parish Council, 1 June 2017: a count before the colon.
        assert_eq!(
            section_label("PRESENT (six Councillors): - Pam Bullas (PB)").unwrap(),
            ("Pam Bullas (PB)", "PRESENT")
        );
        assert!(section_label("Councillor Smith (Chair): welcomed").is_err());
        assert!(section_label("Matters Arising in this long heading with many words: x").is_err());
        assert_eq!(
            category_label("Special (1) - Martin Doyle").unwrap(),
            ("Martin Doyle", "Special (1)")
        );
        assert_eq!(
            category_label("Children's Centres (1) - *Julie").unwrap(),
            ("*Julie", "Children's Centres (1)")
        );
        assert!(category_label("Martin Doyle (Riverside)").is_err());
        assert_eq!(
            role_dash("Non – Executive Councillor - * Cllr Wright"),
            Some(("Non – Executive Councillor".into(), "* Cllr Wright".into()))
        );
        assert_eq!(
            role_dash("Early Years Providers - *Susan Tudor-Hart"),
            Some(("Early Years Providers".into(), "*Susan Tudor-Hart".into()))
        );
        assert_eq!(
            role_dash("Trade Union Representative -Pat Forward (A)"),
            Some((
                "Trade Union Representative".into(),
                "Pat Forward (A)".into()
            ))
        );
        assert_eq!(role_dash("Susan Tudor-Hart"), None);
    }

    fn short(r: &Raw) -> String {
        format!(
            "{}{}{}{}",
            if r.star { "*" } else { "" },
            r.name,
            if r.apologies { " (A)" } else { "" },
            r.organisation
                .as_deref()
                .map(|o| format!(" [{o}]"))
                .unwrap_or_default()
        )
    }

    /// Northwold Parish Council AGM, 6 May 2014 (markdown): the first
    /// minutes are bold headings without numbers; the list ends at the
    /// first of them, not at the first numbered minute.
    #[test]
    fn the_list_ends_at_an_unnumbered_bold_heading() {
        let pages = crate::from_markdown(
            "MINUTES OF NORTHWOLD PARISH COUNCIL AGM MEETING

**Present:** Cllr. R. Crisp - Chair, Cllr. A. Collins.

**OPEN FORUM**

3 members of the public were present and presented a presentation on parking, approaching the school Head teacher for assistance, contacting the local PCSO.

**Election of Chairman**

Cllr. Rosemary Crisp was proposed by Cllr. Alison Muir.

**2.** **Chairman to sign Declaration of Office**

It was agreed.

**3.** **Apologies**

None.

**4.** **Planning**

It was resolved.
",
        );
        let info = DocumentInfo::default();
        let got: Vec<String> = entries(&pages, &info)
            .into_iter()
            .map(|e| e.attendance.name)
            .collect();
        assert!(got.iter().any(|n| n == "Cllr. A. Collins"), "{got:?}");
        assert!(
            got.iter()
                .all(|n| !n.contains("PCSO") && !n.contains("Alison Muir")),
            "{got:?}"
        );
    }

    /// Milburn Parish Council, 2 July 2019: "Councillors" before the list
    /// says what each of them is.
    #[test]
    fn the_list_ends_at_a_heading_naming_a_part_of_the_business() {
        // ModernGov printed minutes: "UNRESTRICTED ITEMS" between the
        // attendance and the first minute is no one attending.
        let entries = read_paragraphs(&[
            "MINUTES of a meeting of the Cabinet held on Thursday, 30 January 2025.",
            "PRESENT: Mr R W Gough (Chairman), Mr D Jeffrey",
            "IN ATTENDANCE VIRTUALLY: Mrs S Hamilton",
            "UNRESTRICTED ITEMS",
        ]);
        let names: Vec<&str> = entries.iter().map(|e| e.attendance.name.as_str()).collect();
        assert_eq!(names, ["Mr R W Gough", "Mr D Jeffrey", "Mrs S Hamilton"]);
    }

    #[test]
    fn bulleted_people_with_roles() {
        // Ayton Community Council minutes (markdown), 2026.
        let pages = crate::from_markdown(
            "# Minutes for meeting held Tuesday 5 May 2026\n\n## Present\n\n- Alan McFadzean—_Chair_\n- Amanda Wright\n- Cllr Carol Hamilton\n\n## Apologies for Absence\n\n- Alison Currie\n\n## 1. Minutes of Previous Meeting\n\nText.\n\n## 2. Ayton Castle\n\nText.\n\n## 3. Planning\n\nText.\n",
        );
        let info = DocumentInfo::default();
        let got: Vec<(String, Option<String>, AttendanceStatus)> = entries(&pages, &info)
            .into_iter()
            .map(|e| (e.attendance.name, e.attendance.role, e.attendance.status))
            .collect();
        assert_eq!(
            got,
            vec![
                (
                    "Alan McFadzean".into(),
                    Some("Chair".into()),
                    AttendanceStatus::Present
                ),
                ("Amanda Wright".into(), None, AttendanceStatus::Present),
                (
                    "Cllr Carol Hamilton".into(),
                    Some("Cllr".into()),
                    AttendanceStatus::Present
                ),
                ("Alison Currie".into(), None, AttendanceStatus::Apologies),
            ]
        );
    }

    #[test]
    fn role_words_set_in_the_list() {
        let names_roles = |e: Vec<Raw>| -> Vec<(String, Option<String>)> {
            e.into_iter().map(|r| (r.name, r.role)).collect()
        };
        // Burton-cum-Walden Parish Council, 5 March 2024: the role after
        // the names it covers.
        let e = list_entries("Miss Jane Ritchie, Mr Andrew Landau, Mrs Sally Sahin, Mr David Dent and Mrs Victoria Whitehead, Councillors, and Mrs Susan Ryding, Clerk");
        let got = names_roles(e);
        assert_eq!(got.len(), 6, "{got:?}");
        assert!(
            got[..5]
                .iter()
                .all(|(_, r)| r.as_deref() == Some("Councillor")),
            "{got:?}"
        );
        assert_eq!(
            got[5],
            ("Mrs Susan Ryding".to_string(), Some("Clerk".to_string()))
        );
        // Milburn Parish Council, 8 May 2018: the role before the name.
        let got = names_roles(list_entries(
            "Councillors D Richardson (Chair) R Healey, M Dixon and P Moran Clerk J Connelly",
        ));
        assert_eq!(got.len(), 5, "{got:?}");
        assert_eq!(got[3].0, "Councillor P Moran");
        assert_eq!(
            got[4],
            ("J Connelly".to_string(), Some("Clerk".to_string()))
        );
        // Newbiggin Parish Council, 3 September 2019: initials after a name
        // are that person's designation.
        let got = names_roles(list_entries("P Clarke, A Armstrong, EDC, Clerk J Brampton"));
        assert_eq!(
            got,
            vec![
                ("P Clarke".to_string(), None),
                ("A Armstrong".to_string(), Some("EDC".to_string())),
                ("J Brampton".to_string(), Some("Clerk".to_string())),
            ]
        );
        // West Dereham Parish Council, 1 June 2017: a role after a dash.
        let got = names_roles(list_entries(
            "Pam Bullas (PB), Claire Cann (CC) – Chair, Paula Kellingray (PK)",
        ));
        assert_eq!(got.len(), 3, "{got:?}");
        assert_eq!(
            got[1],
            ("Claire Cann".to_string(), Some("Chair".to_string()))
        );
        assert_eq!(got[2].1, None);
        let got = names_roles(list_entries(
            "Cllr. A. Collins - Vice Chair, Cllr. F. Eglington",
        ));
        assert_eq!(got[0].1.as_deref(), Some("Vice Chair"), "{got:?}");
        assert_eq!(got.len(), 2, "{got:?}");
        // A role word before a word in lower case is prose.
        let got = names_roles(list_entries("the Town Clerk advised Committee"));
        assert_eq!(got.len(), 1, "{got:?}");
    }

    #[test]
    fn councillors_label_gives_each_the_role() {
        let e = list_entries("Councillors D Richardson (Chair) N Cresswell, M Armstrong, R Healey");
        let roles: Vec<Option<&str>> = e.iter().map(|r| r.role.as_deref()).collect();
        assert_eq!(e.len(), 4, "{e:?}");
        assert_eq!(roles[1..], [Some("Councillor"); 3]);
    }

    #[test]
    fn messy_lists() {
        let e = list_entries("*Dawn Ferdinand, (The Willow), Fran Hargrove (St Mary's CE), *Will Wawn (Bounds Green) Cal Shaw (Chestnuts), Julie D'Abreu (A)(Devonshire Hill), Nic Hunt (A)(Weston Park) James Lane (A)(St Francis de Sales)");
        let s: Vec<String> = e.iter().map(short).collect();
        assert_eq!(
            s,
            vec![
                "*Dawn Ferdinand [The Willow]",
                "Fran Hargrove [St Mary's CE]",
                "*Will Wawn [Bounds Green]",
                "Cal Shaw [Chestnuts]",
                "Julie D'Abreu (A) [Devonshire Hill]",
                "Nic Hunt (A) [Weston Park]",
                "James Lane (A) [St Francis de Sales]",
            ]
        );
        let e = list_entries("*Laura Butterfield (Coldfall),* Andreas Adamides,(Stamford Hill), *Zena Brabazon (Seven Sisters) and *Lorna Walker (Rokesly Infants)");
        let s: Vec<String> = e.iter().map(short).collect();
        assert_eq!(
            s,
            vec![
                "*Laura Butterfield [Coldfall]",
                "*Andreas Adamides [Stamford Hill]",
                "*Zena Brabazon [Seven Sisters]",
                "*Lorna Walker [Rokesly Infants]",
            ]
        );
        let e = list_entries("Marianne McCarthy(A) (Heartlands),");
        assert_eq!(short(&e[0]), "Marianne McCarthy (A) [Heartlands]");
        let e = list_entries("Cabinet Member for CYPS (*Cllr Ann Waters)");
        assert_eq!(e[0].name, "Cllr Ann Waters");
        assert!(e[0].star);
        assert_eq!(e[0].role.as_deref(), Some("Cabinet Member for CYPS"));
        let e = list_entries("Councillor Smith (Chair), Councillors Jones, Brown and White");
        let names: Vec<&str> = e.iter().map(|r| r.name.as_str()).collect();
        assert_eq!(
            names,
            vec![
                "Councillor Smith",
                "Councillor Jones",
                "Councillor Brown",
                "Councillor White"
            ]
        );
        assert!(e[0].chair);
    }

    #[test]
    fn substitutes_in_the_body() {
        let line = crate::input::Line {
            text: "Councillor Brown attended as substitute for Councillor White.".into(),
            ..Default::default()
        };
        let lines = vec![crate::lex::lex_line(0, 2, 0, &line)];
        let layout = Layout {
            start: 0,
            body_start: 0,
            body_end: 1,
            form: lex::Form::Paragraphs,
        };
        let (e, _) = read(&lines, Some(&layout), &DocumentInfo::default());
        assert_eq!(e.len(), 1);
        assert_eq!(e[0].attendance.name, "Councillor Brown");
        assert_eq!(e[0].attendance.status, AttendanceStatus::Present);
        assert_eq!(e[0].attendance.role.as_deref(), Some("substitute"));
    }

    /// The attendance read from a list region then a body, as text lines.
    fn read_with_body(region: &[&str], body: &[&str]) -> Vec<String> {
        let all: Vec<&str> = region.iter().chain(body).copied().collect();
        let lines = text_lines(&all);
        let flat = lexed(&lines);
        let layout = Layout {
            start: 0,
            body_start: region.len(),
            body_end: flat.len(),
            form: lex::Form::Paragraphs,
        };
        read(&flat, Some(&layout), &DocumentInfo::default())
            .0
            .iter()
            .map(described)
            .collect()
    }

    #[test]
    fn apologies_run_into_their_numbered_heading() {
        // Sutton Coldfield Town Council, 13 March 2018, minute 52; Ayton
        // Community Council, 6 March 2012, item 3 (a grid row).
        let got = read_with_body(
            &["Amenities, Leisure and Community Services", "Present:", "Cllrs Hodivala (Chairman), Hewett and Wood."],
            &[
                "52 Apologies for Absence Cllrs Ives, Ward and Ellis. Committee resolved to note the apologies.",
                "3 Apologies for Absence Raymond Allan (RA), Kenny Combe (KC)",
                "4 Approval of Previous Minutes",
            ],
        );
        assert_eq!(
            got[3..].to_vec(),
            vec![
                "Apologies Cllr Ives -",
                "Apologies Cllr Ward -",
                "Apologies Cllr Ellis -",
                "Apologies Raymond Allan -",
                "Apologies Kenny Combe -",
            ]
        );
        // A heading joined to its own words is no list of names.
        assert_eq!(
            apologies_inline("2 Apologies for Absence and Substitutions"),
            None
        );
        assert_eq!(
            apologies_inline("2. APOLOGIES AND SUBSTITUTE MEMBERS"),
            None
        );
        assert_eq!(
            apologies_inline("3. Apologies for Absence Apologies were received from Cllr Coombes."),
            None
        );
    }

    #[test]
    fn none_under_apologies_is_no_one() {
        // Newbiggin Parish Council, 3 September 2019.
        let got = read_with_body(
            &[
                "Newbiggin Parish Council - 3 rd September 2019",
                "Present",
                "Councillors D Thompson (Chair) , N Armstrong, M Atkinson, R Robson and",
            ],
            &[
                "19.09.01 Apologies",
                "None",
                "19.09.02 Register of Interests",
                "None",
            ],
        );
        assert_eq!(got.len(), 4, "{got:?}");
        assert!(!got.iter().any(|g| g.contains("None")), "{got:?}");
    }

    #[test]
    fn posts_printed_before_and_after_names() {
        // Ayton Community Council, 4 June 2019: a plural post before two
        // names; Burton-cum-Walden, 5 March 2024: a post before a name.
        let got = read_list(&[
            "Ayton Community Council",
            "In Attendance:",
            "CPOs Suzanne Jacobs and Drew Young",
        ]);
        assert_eq!(
            got,
            vec![
                "InAttendance Suzanne Jacobs CPO",
                "InAttendance Drew Young CPO"
            ]
        );
        let got = read_list(&[
            "MINUTES OF THE PARISH COUNCIL MEETING",
            "Also present: PCSO Sharon Diamond who reported that she was meeting with Councils across the",
        ]);
        assert_eq!(got, vec!["InAttendance PCSO Sharon Diamond PCSO"]);
        assert_eq!(acronym_role("RW Smith"), None);
        // Bristol City Council decision recording form, 12 September 2024:
        // a post after the name and a comma is the person's role.
        let got = read_list(&[
            "Decision Recording Form",
            "Committee Members present:",
            "Councillor Tim Rippington",
            "Councillor Emma Edwards, Leader of the Green Group",
            "Councillor Kaz Self",
        ]);
        assert_eq!(
            got,
            vec![
                "Present Councillor Tim Rippington Councillor",
                "Present Councillor Emma Edwards Leader of the Green Group",
                "Present Councillor Kaz Self Councillor",
            ]
        );
    }

    /// The two ways minutes tell a substitute agree: under a
    /// "Substitutes:" label as in a sentence (Bristol's Transport and
    /// Connectivity Committee, 12 September 2024, prints the sentence), the
    /// substitute is present with the role "substitute".
    #[test]
    fn substitutes_under_a_label_as_in_a_sentence() {
        let got = read_list(&[
            "Members Present:-",
            "Councillors: Ed Plowden (Chair), Graham Morris (Vice-Chair), Donald Alexander, Rob Bryher,",
            "Substitutes:",
            "Councillor Jos Clark",
        ]);
        assert!(
            got.contains(&"Present Councillor Jos Clark substitute".to_string()),
            "{got:?}"
        );
        let got = read_list(&[
            "Members Present:-",
            "Councillors: Ed Plowden (Chair), Graham Morris (Vice-Chair), Donald Alexander, Rob Bryher,",
            "Apologies were received from Councillor Coombes. Councillor Jos Clark attended as substitute.",
        ]);
        assert!(
            got.contains(&"Present Councillor Jos Clark substitute".to_string()),
            "{got:?}"
        );
    }

    #[test]
    fn a_substitute_in_brackets_and_sentences_under_the_list() {
        // Birmingham City Council, Cabinet Committee - Group Company
        // Governance, 18 September 2018.
        let got = read_list(&[
            "CABINET COMMITTEE – GROUP COMPANY GOVERNANCE",
            "Attendance:",
            "Councillor Brigid Jones in the Chair;",
            "Councillors Brett O’Reilly, Debbie Clancy and (Mike Ward – replaced Jon Hunt)",
        ]);
        assert!(
            got.contains(
                &"Present Councillor Mike Ward substitute (replaced Jon Hunt)".to_string()
            ),
            "{got:?}"
        );
        assert!(
            got.iter()
                .any(|g| g.starts_with("Apologies Councillor Jon Hunt")),
            "{got:?}"
        );
        // Ayton Community Council, 6 March 2012: a visitor with a post, and
        // the chair by initials, in sentences under the initialled grid.
        let got = read_list(&[
            "Minutes of Meeting held on Tuesday 6th March 2012",
            "PRESENT:",
            "Rob Weatherston, Dick Noble",
            "Prospective SBC Councillor, Ken Webb, attended the meeting.",
            "RW chaired the meeting.",
        ]);
        assert!(
            got.contains(&"Present Rob Weatherston Chair".to_string()),
            "{got:?}"
        );
        assert!(
            got.contains(&"InAttendance Ken Webb Prospective SBC Councillor".to_string()),
            "{got:?}"
        );
        // Bristol printed minutes, 12 September 2024: "attended as
        // substitute" names no one replaced.
        let got = read_with_body(
            &["Members Present:-", "Councillors: Kaz Self, David Wilcox and Jos Clark"],
            &["Apologies were received from Councillor Coombes. Councillor Jos Clark attended as substitute."],
        );
        assert!(
            got.iter().any(|g| g.ends_with("Jos Clark substitute")),
            "{got:?}"
        );
    }

    #[test]
    fn names_and_people() {
        assert_eq!(clean_name("Vikki Monk- Meyer"), "Vikki Monk-Meyer");
        assert!(same_person("Cllr Wright", "Cllr Charles Wright"));
        assert!(same_person("TONY HARTNEY", "Tony Hartney"));
        assert!(!same_person("Tony Hartney", "Cllr Hartney"));
        assert_eq!(title_case("TONY HARTNEY"), "Tony Hartney");
        let r = line_name_role("Steve Worth, Finance Manager (Schools and Learning)").unwrap();
        assert_eq!(r.name, "Steve Worth");
        assert_eq!(
            r.role.as_deref(),
            Some("Finance Manager (Schools and Learning)")
        );
        assert_eq!(
            singular_role("Headteachers").as_deref(),
            Some("Headteacher")
        );
        assert_eq!(singular_role("Schools Members"), None);
    }

    #[test]
    fn declarations_found() {
        let line = crate::input::Line {
            text: "Cllr Jones declared a personal interest in item 7 as a governor of Park School. There were no other declarations.".into(),
            ..Default::default()
        };
        let flat = vec![crate::lex::lex_line(0, 3, 0, &line)];
        let d = declarations(&flat);
        assert_eq!(d.len(), 1);
        assert_eq!(d[0].0.name.as_deref(), Some("Cllr Jones"));
        assert_eq!(d[0].0.item.as_deref(), Some("7"));
        assert_eq!(
            d[0].0.interest,
            "a personal interest in item 7 as a governor of Park School"
        );
        let none = crate::input::Line {
            text: "DECLARATION OF INTEREST (Agenda Item 3) There were no declarations made".into(),
            ..Default::default()
        };
        let flat = vec![crate::lex::lex_line(0, 3, 0, &none)];
        assert!(declarations(&flat).is_empty());
    }

    #[test]
    fn declarations_in_other_phrasings() {
        // Northwold Parish Council, 6 May 2014; Sutton Coldfield Town
        // Council, 13 March 2018 (the minute's heading run into the line).
        let lines = [
            "Cllr. Jenkinson, declared an interest in Item 14 on the agenda, Planning Application 14/00542/F.",
            "Declarations of Interest Councillor Hodivala stated that she had a non-pecuniary interest in a school application for the community grant funding, in so far as her children attend the school.",
            "The Clerk stated that the council had no interest in the land.",
            "The Parish Clerk reported that he had attended the conference and heard speakers of interest.",
        ];
        let lines = text_lines(&lines);
        let flat = lexed(&lines);
        let found = declarations(&flat);
        let got: Vec<(Option<String>, Option<String>)> = found
            .iter()
            .map(|(d, _, _)| (d.name.clone(), d.item.clone()))
            .collect();
        assert_eq!(
            got,
            vec![
                (Some("Cllr. Jenkinson".into()), Some("14".into())),
                (Some("Councillor Hodivala".into()), None),
            ]
        );
        assert!(found[1]
            .1
            .starts_with("Councillor Hodivala stated that she had"));
        // The interest set off after the item it concerns.
        assert_eq!(found[0].0.interest, "Planning Application 14/00542/F");
        // Burton-cum-Walden Parish Council, 4 November 2025.
        let lines = text_lines(&[
            "Councillor Dent declared an interest in Item 8 below (land belonging to family members). He took no part in the discussion or determination of Item 8.",
        ]);
        let found = declarations(&lexed(&lines));
        assert_eq!(found[0].0.item.as_deref(), Some("8"));
        assert_eq!(found[0].0.interest, "land belonging to family members");
    }

    #[test]
    fn a_declaration_names_its_item_by_subject() {
        // Sutton Coldfield Town Council, 13 March 2018: the interest names
        // the grant applications that minute 6 takes.
        let lines = text_lines(&[
            "53 Declarations of Interest",
            "Councillor Hodivala stated that she had a non-pecuniary interest in a school application for the community grant funding, in so far as her children attend the school.",
            "54 Minutes of the Previous Meeting",
            "55 Matters Arising",
            "Sea Cadets Grant Application",
            "6 Community Grant Applications",
            "57 Defibrillators",
        ]);
        let found = declarations(&lexed(&lines));
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].0.item.as_deref(), Some("6"));
        // No heading after it whose words the interest holds: no item.
        let lines = text_lines(&[
            "Councillor Hodivala stated that she had a non-pecuniary interest in a school application.",
            "6 Community Grant Applications",
        ]);
        assert_eq!(declarations(&lexed(&lines))[0].0.item, None);
    }
}

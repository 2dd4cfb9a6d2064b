//! The ACTION BY column: owners as written ("JA/NA", "CP/VM M", "LF/ Cllr
//! Waters"), their normal form, their groups, and their resolution to
//! people's names from initials or titled surnames.
//!
//! Owns no records and no layout: `minutes` hands it the cell's text and the
//! names it knows (the attendance list, titled names in the minutes).

use nom::bytes::complete::take_while_m_n;
use nom::character::complete::space1;
use nom::combinator::{all_consuming, recognize};
use nom::{IResult, Parser};

/// Titles that are not part of anyone's initials.
const TITLES: &[&str] = &[
    "cllr",
    "cllr.",
    "councillor",
    "mr",
    "mrs",
    "ms",
    "miss",
    "dr",
    "prof",
    "sir",
    "dame",
    "lord",
    "lady",
    "rev",
];

pub fn is_title(w: &str) -> bool {
    TITLES.iter().any(|t| crate::lex::eq_lower(w, t))
}

/// Initials as written in an ACTION BY column: two to five capitals ("JA",
/// "VMM").
pub fn initials(input: &str) -> IResult<&str, &str> {
    all_consuming(take_while_m_n(2, 5, |c: char| c.is_ascii_uppercase())).parse(input)
}

/// A single capital left alone by the text layer ("VM M").
fn lone_capital(input: &str) -> IResult<&str, &str> {
    all_consuming(recognize(take_while_m_n(1, 1, |c: char| {
        c.is_ascii_uppercase()
    })))
    .parse(input)
}

/// A space between a separator and the next owner ("LF/ Cllr").
fn slash_space(input: &str) -> IResult<&str, &str> {
    recognize((nom::character::complete::char('/'), space1)).parse(input)
}

/// The normal form of an ACTION BY cell: no space around "/", a lone
/// capital joined to the initials before it ("CP/VM M" -> "CP/VMM", the text
/// layer having split the initials), whitespace folded.
pub fn normalise_owners(s: &str) -> String {
    let mut t = String::with_capacity(s.len());
    let mut rest = s.trim();
    while !rest.is_empty() {
        if let Ok((r, _)) = slash_space(rest) {
            t.push('/');
            rest = r;
            continue;
        }
        let Some(c) = rest.chars().next() else { break };
        if c.is_whitespace() && rest.trim_start().starts_with('/') {
            rest = rest.trim_start();
            continue;
        }
        t.push(c);
        rest = &rest[c.len_utf8()..];
    }
    let words: Vec<&str> = t.split_whitespace().collect();
    let mut out: Vec<String> = Vec::new();
    for w in words {
        let joins = lone_capital(w).is_ok()
            && out.last().is_some_and(|prev| {
                let last = prev.rsplit('/').next().unwrap_or("");
                initials(last).is_ok()
            });
        match out.last_mut() {
            Some(prev) if joins => prev.push_str(w),
            _ => out.push(w.to_string()),
        }
    }
    out.join(" ")
}

/// A word of a written name: a capital then small letters ("Waters").
fn is_name_word(w: &str) -> bool {
    w.chars().next().is_some_and(|c| c.is_uppercase())
        && w.chars().any(|c| c.is_lowercase())
        && !is_title(w)
}

/// Owner groups in a normalised cell: "JA/NA LF/Cllr Waters" ->
/// [["JA", "NA"], ["LF", "Cllr Waters"]]. "/", "," and "&" join owners of
/// one group; a space starts a new group, except inside a written name
/// ("Cllr Waters", "Steve Worth").
pub fn owner_groups(normal: &str) -> Vec<Vec<String>> {
    // Units with the separator before them (' ' for a space).
    let mut units: Vec<(char, String)> = Vec::new();
    let mut sep = ' ';
    for word in normal.split_whitespace() {
        let mut cur = String::new();
        for c in word.chars() {
            if matches!(c, '/' | ',' | '&') {
                if !cur.is_empty() {
                    units.push((sep, std::mem::take(&mut cur)));
                }
                sep = c;
            } else {
                cur.push(c);
            }
        }
        if !cur.is_empty() {
            units.push((sep, cur));
            sep = ' ';
        }
    }
    let mut merged: Vec<(char, String)> = Vec::new();
    for (sep, unit) in units {
        let joins = sep == ' '
            && is_name_word(&unit)
            && merged.last().is_some_and(|(_, prev)| {
                let last = prev.rsplit(' ').next().unwrap_or("");
                is_title(last) || is_name_word(last)
            });
        match merged.last_mut() {
            Some((_, prev)) if joins => {
                prev.push(' ');
                prev.push_str(&unit);
            }
            _ => merged.push((sep, unit)),
        }
    }
    let mut groups: Vec<Vec<String>> = Vec::new();
    for (sep, unit) in merged {
        match groups.last_mut() {
            Some(g) if sep != ' ' => g.push(unit),
            _ => groups.push(vec![unit]),
        }
    }
    groups
}

/// The initials a name may be written as: every part ("Vikki Monk-Meyer" ->
/// "VMM"), and first name with the surname ("VM"). Titles are left out.
pub fn name_initials(name: &str) -> Vec<String> {
    let words: Vec<&str> = name.split_whitespace().filter(|w| !is_title(w)).collect();
    let first_letter = |w: &str| {
        w.chars()
            .find(|c| c.is_alphabetic())
            .map(|c| c.to_ascii_uppercase())
    };
    let mut all = String::new();
    for w in &words {
        for part in w.split('-').filter(|p| !p.is_empty()) {
            if let Some(c) = first_letter(part) {
                all.push(c);
            }
        }
    }
    let mut out = vec![all];
    if words.len() > 2 {
        if let (Some(f), Some(l)) = (words.first().and_then(|w| first_letter(w)), words.last()) {
            let mut s = String::from(f);
            for part in l.split('-').filter(|p| !p.is_empty()) {
                if let Some(c) = first_letter(part) {
                    s.push(c);
                }
            }
            out.push(s);
        }
    }
    out.dedup();
    out.retain(|s| s.len() >= 2);
    out
}

/// The name words without titles, lower case.
fn plain_words(name: &str) -> Vec<String> {
    name.split_whitespace()
        .filter(|w| !is_title(w))
        .map(|w| w.to_lowercase())
        .collect()
}

/// Names that are one person written twice ("Cllr Wright", "Cllr Charles
/// Wright") collapse to the fuller one; otherwise the candidates are distinct.
fn one_person(cands: &[&String]) -> Option<String> {
    let longest = cands.iter().max_by_key(|c| plain_words(c).len())?;
    let long_words = plain_words(longest);
    let all_fit = cands
        .iter()
        .all(|c| plain_words(c).iter().all(|w| long_words.contains(w)));
    all_fit.then(|| longest.to_string())
}

/// Resolve one owner against the known names: initials match a name's
/// initials, a titled surname or a full name matches the name's words. An
/// owner that matches no one, or two different people, stays unresolved.
pub fn resolve(owner: &str, names: &[String]) -> Option<String> {
    let owner = owner.trim();
    let cands: Vec<&String> = if initials(owner).is_ok() {
        names
            .iter()
            .filter(|n| name_initials(n).iter().any(|i| i == owner))
            .collect()
    } else {
        let words = plain_words(owner);
        if words.is_empty() {
            return None;
        }
        names
            .iter()
            .filter(|n| {
                let nw = plain_words(n);
                words.iter().all(|w| nw.contains(w)) && nw.last() == words.last()
            })
            .collect()
    };
    one_person(&cands)
}

/// The people an owner may stand for: names, and the roles they hold
/// ("Clerk to Forum", "Chair").
#[derive(Debug, Clone, Default)]
pub struct People {
    pub names: Vec<String>,
    /// (role, name).
    pub roles: Vec<(String, String)>,
}

impl People {
    /// Resolve an owner by name or initials, else by a role only one person
    /// holds ("Clerk" -> the Clerk to Forum).
    pub fn resolve(&self, owner: &str) -> Option<String> {
        resolve(owner, &self.names).or_else(|| self.by_role(owner))
    }

    fn by_role(&self, owner: &str) -> Option<String> {
        let words: Vec<String> = owner.split_whitespace().map(|w| w.to_lowercase()).collect();
        if words.is_empty() || initials(owner.trim()).is_ok() {
            return None;
        }
        let mut found: Vec<&String> = self
            .roles
            .iter()
            .filter(|(role, _)| {
                let rw: Vec<String> = role
                    .split(|c: char| !c.is_alphanumeric() && c != '-')
                    .map(|w| w.to_lowercase())
                    .collect();
                words.iter().all(|w| rw.contains(w))
            })
            .map(|(_, name)| name)
            .collect();
        found.sort();
        found.dedup();
        match found.as_slice() {
            [one] => Some(one.to_string()),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names() -> Vec<String> {
        [
            "Jon Abbey",
            "Charlotte Pomery",
            "Vikki Monk-Meyer",
            "Cllr Ann Waters",
            "Anne Woods",
            "Steve Worth",
            "Cllr Wright",
            "Cllr Charles Wright",
            "Louis Fisher",
            "Melian Mansfield",
            "Michael McKenzie",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect()
    }

    #[test]
    fn owners_normalised() {
        assert_eq!(normalise_owners("CP/VM M"), "CP/VMM");
        assert_eq!(normalise_owners("CP/ VM M"), "CP/VMM");
        assert_eq!(
            normalise_owners("JA/NA LF/ Cllr Waters"),
            "JA/NA LF/Cllr Waters"
        );
        assert_eq!(normalise_owners(" SW "), "SW");
        assert_eq!(normalise_owners("Steve Worth"), "Steve Worth");
    }

    #[test]
    fn groups_of_owners() {
        assert_eq!(
            owner_groups("JA/NA LF/Cllr Waters"),
            vec![vec!["JA", "NA"], vec!["LF", "Cllr Waters"]]
        );
        assert_eq!(owner_groups("CP/VMM"), vec![vec!["CP", "VMM"]]);
        assert_eq!(owner_groups("Steve Worth"), vec![vec!["Steve Worth"]]);
        assert_eq!(owner_groups("JA, CP"), vec![vec!["JA", "CP"]]);
    }

    #[test]
    fn initials_of_names() {
        assert_eq!(name_initials("Vikki Monk-Meyer"), vec!["VMM"]);
        assert_eq!(name_initials("Liza Sheikh Wali"), vec!["LSW", "LW"]);
        assert_eq!(name_initials("Cllr Ann Waters"), vec!["AW"]);
        assert_eq!(name_initials("Julie D'Abreu"), vec!["JD"]);
    }

    #[test]
    fn owners_resolved_by_a_role_one_person_holds() {
        let p = People {
            names: names(),
            roles: vec![
                ("Clerk to Forum".into(), "Carolyn Banks".into()),
                (
                    "Head of Finance (CCAPS)".into(),
                    "Katherine Heffernan".into(),
                ),
                (
                    "Finance Manager (Schools and Learning)".into(),
                    "Steve Worth".into(),
                ),
                ("Chair".into(), "Tony Hartney".into()),
            ],
        };
        assert_eq!(p.resolve("Clerk").as_deref(), Some("Carolyn Banks"));
        assert_eq!(p.resolve("Chair").as_deref(), Some("Tony Hartney"));
        assert_eq!(p.resolve("JA").as_deref(), Some("Jon Abbey"));
        // Two people work in finance: neither is guessed.
        assert_eq!(p.resolve("Finance"), None);
        assert_eq!(p.resolve("Director"), None);
    }

    #[test]
    fn owners_resolved_or_left() {
        let n = names();
        assert_eq!(resolve("JA", &n).as_deref(), Some("Jon Abbey"));
        assert_eq!(resolve("VMM", &n).as_deref(), Some("Vikki Monk-Meyer"));
        assert_eq!(
            resolve("Cllr Waters", &n).as_deref(),
            Some("Cllr Ann Waters")
        );
        assert_eq!(
            resolve("Cllr Wright", &n).as_deref(),
            Some("Cllr Charles Wright")
        );
        // Two people answer to AW and to MM: neither is guessed.
        assert_eq!(resolve("AW", &n), None);
        assert_eq!(resolve("MM", &n), None);
        assert_eq!(resolve("NA", &n), None);
        assert_eq!(resolve("Steve Worth", &n).as_deref(), Some("Steve Worth"));
    }
}

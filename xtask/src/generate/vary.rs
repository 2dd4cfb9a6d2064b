//! Variations that keep a string's length in characters: dates, amounts and
//! personal names, plus the small deterministic random generator behind them.
//!
//! Length-preserving edits are what a PDF content stream can take without
//! re-laying out a line: each changed character must also exist in the
//! font's subset, which the caller answers through `has`. Structural edits
//! (renumbering, shuffling, table rows) live in `text` and `pdf`.

use regex::{Captures, Regex};
use std::collections::HashMap;
use std::sync::OnceLock;

/// SplitMix64: small, fast, and the same sequence on every platform, which
/// is all a reproducible corpus needs (no cryptographic claim).
#[derive(Debug, Clone)]
pub struct Rng(u64);

impl Rng {
    /// The generator for file `i` of a run seeded with `seed`: each file's
    /// content depends only on (seed, i), so files can be made in any order
    /// or in parallel and still come out the same.
    pub fn for_file(seed: u64, i: u64) -> Rng {
        let mut r = Rng(seed ^ 0x9e37_79b9_7f4a_7c15u64.wrapping_mul(i.wrapping_add(1)));
        r.next_u64();
        r
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// Uniform in `0..n` (0 when `n` is 0).
    pub fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            0
        } else {
            (self.next_u64() % n as u64) as usize
        }
    }

    /// Uniform in `lo..=hi`.
    pub fn range(&mut self, lo: i64, hi: i64) -> i64 {
        lo + self.below((hi - lo + 1).max(1) as usize) as i64
    }

    /// True with probability `percent` / 100.
    pub fn chance(&mut self, percent: usize) -> bool {
        self.below(100) < percent
    }

    pub fn shuffle<T>(&mut self, xs: &mut [T]) {
        for i in (1..xs.len()).rev() {
            let j = self.below(i + 1);
            xs.swap(i, j);
        }
    }
}

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// First names: detected before a capitalised word as a person's name, and
/// drawn from as replacements. Common UK names, of many lengths, so that a
/// same-length replacement usually exists.
const FIRST_NAMES: &[&str] = &[
    "Al",
    "Ed",
    "Jo",
    "Liz",
    "Ann",
    "Cal",
    "Nic",
    "Tom",
    "Sam",
    "Ben",
    "Amy",
    "Zoe",
    "Kim",
    "Ian",
    "Dawn",
    "Fran",
    "Will",
    "Mark",
    "Paul",
    "Jane",
    "Ruth",
    "Anna",
    "Sara",
    "Alan",
    "John",
    "Lucy",
    "Zena",
    "Tony",
    "Nina",
    "Adam",
    "Kate",
    "Rosa",
    "Omar",
    "Emma",
    "Julie",
    "Helen",
    "James",
    "Laura",
    "Lorna",
    "Louis",
    "Asher",
    "Peter",
    "Susan",
    "David",
    "Sarah",
    "Karen",
    "Simon",
    "Brian",
    "Fiona",
    "Grace",
    "Priya",
    "Chris",
    "Janet",
    "Martin",
    "Sharon",
    "Miriam",
    "Melian",
    "Robert",
    "Andrew",
    "Rachel",
    "Hannah",
    "Joanne",
    "Ahmed",
    "Stephen",
    "Michael",
    "Charles",
    "Richard",
    "Deborah",
    "Natalie",
    "Hussein",
    "Janice",
    "Victoria",
    "Caroline",
    "Jennifer",
    "Nicholas",
    "Jonathan",
    "Margaret",
    "Patricia",
    "Catherine",
    "Christine",
    "Elizabeth",
    "Katherine",
    "Alexander",
];

/// Surnames drawn from as replacements.
const SURNAMES: &[&str] = &[
    "Lee",
    "Fox",
    "Day",
    "Ali",
    "Kay",
    "Rao",
    "Hunt",
    "Lane",
    "Shaw",
    "Wawn",
    "Moss",
    "Reid",
    "Hall",
    "Ford",
    "Khan",
    "Webb",
    "Cole",
    "Ward",
    "Doyle",
    "Ridge",
    "Smith",
    "Jones",
    "Evans",
    "Brown",
    "Green",
    "Baker",
    "Silva",
    "Patel",
    "Walsh",
    "Owens",
    "Fisher",
    "Walker",
    "Easton",
    "Connah",
    "Waters",
    "Wright",
    "Carter",
    "Taylor",
    "Turner",
    "Morgan",
    "Hughes",
    "Barnes",
    "Anthony",
    "Hartney",
    "Vaggers",
    "Carroll",
    "Bednell",
    "Brunton",
    "Collins",
    "Edwards",
    "Jenkins",
    "Roberts",
    "Hargrove",
    "Brabazon",
    "Mansfield",
    "Ferdinand",
    "Singleton",
    "Butterfield",
    "Richardson",
    "Harrington",
    "Okonkwo",
    "Campbell",
    "Robinson",
    "Thompson",
    "Williamson",
    "Jacobsberg",
];

fn dates_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        let months = MONTHS
            .iter()
            .flat_map(|m| [m.to_string(), m.to_uppercase()])
            .collect::<Vec<_>>()
            .join("|");
        let firsts = FIRST_NAMES.join("|");
        Regex::new(&format!(
            r"(?x)
            (?P<amount>£\d[\d,]*(?:\.\d+)?)
            | \b(?P<day>\d{{1,2}})(?P<ord>st|nd|rd|th|ST|ND|RD|TH)?\ (?P<month>{months})\b
            | \b(?P<lmonth>{months}),?\ (?P<lyear>(?:19|20)\d\d)\b
            | \b(?P<year>(?:19|20)\d\d)\b
            | \b(?P<title>Cllr|Councillor|Mr|Mrs|Ms|Dr)\.?\ (?P<tlast>[A-Z][a-z][A-Za-z'-]*)
            | \b(?P<first>{firsts})\ (?P<last>[A-Z][a-z][A-Za-z'-]*)
            "
        ))
        .expect("the variation pattern is valid")
    })
}

/// What stays the same across one generated file: the shift of years, which
/// month becomes which, and who each person becomes.
#[derive(Debug)]
pub struct Plan {
    pub rng: Rng,
    year_offset: i64,
    /// Month index -> month index of the same length.
    months: [usize; 12],
    names: HashMap<String, String>,
}

impl Plan {
    pub fn new(mut rng: Rng) -> Plan {
        let year_offset = rng.range(-6, 6);
        let mut months = [0usize; 12];
        let mut by_len: HashMap<usize, Vec<usize>> = HashMap::new();
        for (i, m) in MONTHS.iter().enumerate() {
            by_len.entry(m.len()).or_default().push(i);
        }
        let mut lens: Vec<_> = by_len.into_iter().collect();
        lens.sort();
        for (_, group) in lens {
            let mut shuffled = group.clone();
            rng.shuffle(&mut shuffled);
            for (from, to) in group.into_iter().zip(shuffled) {
                months[from] = to;
            }
        }
        Plan {
            rng,
            year_offset,
            months,
            names: HashMap::new(),
        }
    }

    /// `s` with dates, amounts and names changed, the same length in chars.
    /// A replacement whose characters are not all `has` is not made.
    pub fn vary(&mut self, s: &str, has: &dyn Fn(char) -> bool) -> String {
        let re = dates_re();
        re.replace_all(s, |c: &Captures| {
            let whole = c.get(0).map_or("", |m| m.as_str());
            let new = self.replacement(c);
            if new.chars().count() == whole.chars().count()
                && new
                    .chars()
                    .zip(whole.chars())
                    .all(|(n, o)| n == o || has(n))
            {
                new
            } else {
                whole.to_string()
            }
        })
        .into_owned()
    }

    fn replacement(&mut self, c: &Captures) -> String {
        let get = |name: &str| c.name(name).map(|m| m.as_str());
        if let Some(amount) = get("amount") {
            let mut first = true;
            return amount
                .chars()
                .map(|ch| match ch.to_digit(10) {
                    Some(_) => {
                        let lo = if first { 1 } else { 0 };
                        first = false;
                        char::from(b'0' + self.rng.range(lo, 9) as u8)
                    }
                    None => ch,
                })
                .collect();
        }
        if let (Some(day), Some(month)) = (get("day"), get("month")) {
            let new_day = if day.len() == 1 {
                self.rng.range(1, 9)
            } else {
                self.rng.range(10, 28)
            };
            return format!(
                "{new_day}{} {}",
                get("ord").map(|o| ordinal(new_day, o)).unwrap_or_default(),
                self.month(month)
            );
        }
        if let (Some(month), Some(year)) = (get("lmonth"), get("lyear")) {
            let sep = &c[0][month.len()..c[0].len() - year.len()];
            return format!("{}{sep}{}", self.month(month), self.year(year));
        }
        if let Some(year) = get("year") {
            return self.year(year);
        }
        if let (Some(title), Some(last)) = (get("title"), get("tlast")) {
            let sep = &c[0][title.len()..c[0].len() - last.len()];
            return format!("{title}{sep}{}", self.name(last, SURNAMES));
        }
        if let (Some(first), Some(last)) = (get("first"), get("last")) {
            return format!(
                "{} {}",
                self.name(first, FIRST_NAMES),
                self.name(last, SURNAMES)
            );
        }
        c[0].to_string()
    }

    fn year(&self, year: &str) -> String {
        match year.parse::<i64>() {
            Ok(y) => (y + self.year_offset).to_string(),
            Err(_) => year.to_string(),
        }
    }

    fn month(&self, month: &str) -> String {
        let Some(i) = MONTHS.iter().position(|m| m.eq_ignore_ascii_case(month)) else {
            return month.to_string();
        };
        let new = MONTHS[self.months[i]];
        if month.chars().all(|c| c.is_ascii_uppercase()) {
            new.to_uppercase()
        } else {
            new.to_string()
        }
    }

    /// The same person gets the same new name throughout a file.
    fn name(&mut self, old: &str, pool: &[&str]) -> String {
        if let Some(new) = self.names.get(old) {
            return new.clone();
        }
        let same_len: Vec<&str> = pool
            .iter()
            .copied()
            .filter(|n| n.len() == old.len())
            .collect();
        let new = if same_len.is_empty() {
            old.to_string()
        } else {
            same_len[self.rng.below(same_len.len())].to_string()
        };
        self.names.insert(old.to_string(), new.clone());
        new
    }
}

/// The ordinal suffix for `day`, in the case of the one it replaces.
fn ordinal(day: i64, like: &str) -> String {
    let suffix = match (day % 10, day % 100) {
        (_, 11..=13) => "th",
        (1, _) => "st",
        (2, _) => "nd",
        (3, _) => "rd",
        _ => "th",
    };
    if like.chars().all(|c| c.is_ascii_uppercase()) {
        suffix.to_uppercase()
    } else {
        suffix.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn plan(seed: u64) -> Plan {
        Plan::new(Rng::for_file(seed, 0))
    }

    #[test]
    fn rng_is_reproducible_and_seed_dependent() {
        let a: Vec<u64> = (0..4).map(|_| Rng::for_file(1, 2).next_u64()).collect();
        assert!(a.windows(2).all(|w| w[0] == w[1]));
        assert_ne!(
            Rng::for_file(1, 2).next_u64(),
            Rng::for_file(2, 2).next_u64()
        );
        assert_ne!(
            Rng::for_file(1, 2).next_u64(),
            Rng::for_file(1, 3).next_u64()
        );
    }

    #[test]
    fn variation_keeps_length_and_changes_dates_amounts_names() {
        let s = "THURSDAY, 21ST MAY, 2015 at 15:45; on 25 February 2015 Cllr Waters and Martin Doyle agreed £395,000 (March 2015).";
        let all = |_: char| true;
        let mut changed = false;
        for seed in 0..8 {
            let out = plan(seed).vary(s, &all);
            assert_eq!(out.chars().count(), s.chars().count(), "{out}");
            assert!(out.contains(" at 15:45; on "), "{out}");
            changed |= out != s;
            let p = plan(seed);
            assert_eq!(p.year("2015"), (2015 + p.year_offset).to_string());
        }
        assert!(changed);
        // Names: the same person becomes the same new person within a file.
        let mut p = plan(3);
        let once = p.vary("Martin Doyle said; Martin Doyle said", &all);
        let halves: Vec<&str> = once.split("; ").collect();
        assert_eq!(halves[0], halves[1]);
    }

    #[test]
    fn no_replacement_with_characters_the_font_lacks() {
        let only_original = |c: char| "25 February 2015".contains(c);
        let s = "25 February 2015";
        for seed in 0..16 {
            let out = plan(seed).vary(s, &only_original);
            assert!(out.chars().all(only_original), "{out}");
        }
    }

    #[test]
    fn ordinals_follow_the_new_day() {
        assert_eq!(ordinal(1, "st"), "st");
        assert_eq!(ordinal(12, "TH"), "TH");
        assert_eq!(ordinal(22, "ND"), "ND");
        assert_eq!(ordinal(23, "th"), "rd");
    }
}

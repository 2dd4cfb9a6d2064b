//! Content signatures: what lets search fold the same text found in several
//! files (a text and its PDF rendering; a report published alone and inside
//! its agenda pack) into one result, by content, never by file name.
//!
//! A record's signature is a MinHash of its word shingles (runs of
//! [`SHINGLE`] folded words), cut into [`BANDS`] bands of [`ROWS`] values;
//! each band is hashed into one `u64`. Two records sharing any band hash
//! are near-duplicates: texts whose shingle sets overlap by about 70% or
//! more (a band matches with probability J^ROWS), whatever their kinds (a
//! declaration that is all of its minute, an agenda item printed again as
//! its minute, a decision form filed as document, meeting and decision)
//! and dates (the same words at another meeting read the same on a page).
//! Computed at index time and stored with the record; search compares the
//! bands of its top results only. Pure and deterministic (fixed hash
//! functions and seeds).

use crate::eval::fold::fold;

/// Words per shingle.
pub const SHINGLE: usize = 4;
/// Bands of the signature, and MinHash values per band.
pub const BANDS: usize = 4;
pub const ROWS: usize = 4;
/// Changes whenever what a signature is computed from changes, so that an
/// index holding older signatures parses its files again (it is part of
/// `super::schema::parser_version`).
pub const VERSION: u32 = 3;

/// FNV-1a over bytes: fixed, so signatures are the same in every build.
fn fnv(bytes: &[u8], mut h: u64) -> u64 {
    for b in bytes {
        h ^= u64::from(*b);
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    h
}

const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;

/// FNV-1a of `bytes` from the standard offset, mixed (fixed in every build).
pub fn fnv_hash(bytes: &[u8]) -> u64 {
    mix(fnv(bytes, FNV_OFFSET))
}

/// splitmix64: the i-th hash function of the MinHash is `mix(x ^ seed_i)`.
const fn mix(mut z: u64) -> u64 {
    z = z.wrapping_add(0x9e37_79b9_7f4a_7c15);
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

/// The seeds of the MinHash's hash functions, `mix(i + 1)` for the i-th,
/// worked out once at compile time rather than for every shingle.
const SEEDS: [u64; BANDS * ROWS] = {
    let mut seeds = [0u64; BANDS * ROWS];
    let mut i = 0;
    while i < seeds.len() {
        seeds[i] = mix(i as u64 + 1);
        i += 1;
    }
    seeds
};

/// The band hashes of a record's text; none for a text without a word.
/// Neither kind nor date is hashed: the same text is the same on a page
/// whatever it is filed as.
pub fn bands(text: &str) -> Vec<u64> {
    let folded = fold(text);
    let mut words = folded.split(' ').filter(|w| !w.is_empty());
    // Every run of SHINGLE words (all of them when fewer), the last
    // SHINGLE words held in a ring rather than every word in a list.
    let mut ring = [""; SHINGLE];
    let mut held = 0;
    for w in words.by_ref().take(SHINGLE) {
        ring[held] = w;
        held += 1;
    }
    if held == 0 {
        return Vec::new();
    }
    let mut mins = [u64::MAX; BANDS * ROWS];
    // The oldest word's place in the ring.
    let mut first = 0;
    loop {
        let mut h = FNV_OFFSET;
        for i in 0..held {
            h = fnv(ring[(first + i) % SHINGLE].as_bytes(), h);
            h = fnv(b" ", h);
        }
        for (m, seed) in mins.iter_mut().zip(SEEDS) {
            let v = mix(h ^ seed);
            if v < *m {
                *m = v;
            }
        }
        let Some(w) = words.next() else {
            break;
        };
        ring[first] = w;
        first = (first + 1) % SHINGLE;
    }
    let context = FNV_OFFSET;
    mins.chunks(ROWS)
        .enumerate()
        .map(|(band, rows)| {
            let mut h = fnv(&(band as u64).to_le_bytes(), context);
            for r in rows {
                h = fnv(&r.to_le_bytes(), h);
            }
            h
        })
        .collect()
}

/// Whether two records' bands say they hold the same text.
pub fn same_text(a: &[u64], b: &[u64]) -> bool {
    a.iter().zip(b).any(|(x, y)| x == y)
}

#[cfg(test)]
mod tests {
    use super::*;

    // From the Haringey Schools Forum minutes (seed 000): the text file and
    // its PDF rendering wrap and punctuate the same resolution differently.
    const AS_TEXT: &str = "Resolved:- 1. That the High Needs Block remains at the 2014-15 level, \
        amended as summarised in Table 3. (One abstention) 2. That the Schools Forum endorse \
        the Council's proposal that the balance of £0.563m i.e. used to create a 'bringing in' fund";
    const AS_PDF: &str = "Resolved:-\n1. That the High Needs Block remains at the 2014-15 level,\n\
        amended as summarised in Table 3. (One abstention)\n2. That the Schools Forum endorse\n\
        the Council’s proposal that the balance of £0.563m i.e. used to create a ‘bringing in’ fund\nPage 5";

    #[test]
    fn the_same_text_in_two_renderings_shares_a_band() {
        let a = bands(AS_TEXT);
        let b = bands(AS_PDF);
        assert_eq!(a.len(), BANDS);
        assert!(same_text(&a, &b));
    }

    #[test]
    fn another_text_does_not() {
        let a = bands(AS_TEXT);
        let other = "RESOLVED: To set the Precept for 2026/27 at £7,800.00, and to instruct \
            the Clerk to submit the precept request to the District Council.";
        assert!(!same_text(&a, &bands(other)));
    }

    // Kent's record of decision 24/00093 is one page: its document record,
    // its meeting record and its decision record hold the same text.
    const ROD: &str = "RECORD OF DECISION DECISION TAKEN BY: Sue Chandler, Cabinet Member for \
        Integrated Children's Services DECISION NO: 24/00093 Subject Matter / Title of Decision: \
        Commissioned Family Hub Contracts Decision: As Cabinet Member for Integrated Children's \
        Services, I agree to extend the Seashells and Millmead family hub contracts";

    #[test]
    fn one_text_filed_as_several_kinds_shares_a_band() {
        // The form read as a document and as a decision; a declaration
        // that is all of its minute, the minute's heading aside (Sutton
        // Coldfield Town Council, 13 March 2018).
        assert!(same_text(&bands(ROD), &bands(&ROD.to_lowercase())));
        let declaration = "Councillor Hodivala stated that she had a non-pecuniary interest in \
            a school application for the community grant funding, in so far as her children \
            attend the school.";
        let minute = format!("53 Declarations of Interest {declaration}");
        assert!(same_text(&bands(declaration), &bands(&minute)));
        assert!(!same_text(&bands(ROD), &bands(declaration)));
    }

    #[test]
    fn the_seeds_are_the_mixed_ordinals() {
        for (i, seed) in SEEDS.iter().enumerate() {
            assert_eq!(*seed, mix(i as u64 + 1));
        }
        // Fixed values (worked out apart from this code): signatures
        // stored in an index stay comparable with new ones.
        assert_eq!(
            bands("RESOLVED that the report be noted"),
            [
                0xa9c0_652d_b53a_d111,
                0x6c87_5261_9070_987a,
                0x95e2_74b2_71d6_41a3,
                0x2fa9_ffa0_fec4_d9ae
            ]
        );
    }

    #[test]
    fn short_and_empty_texts() {
        let a = bands("Cllr Dent");
        assert_eq!(a, bands("CLLR  DENT"));
        assert!(bands(" — ").is_empty());
        assert!(!same_text(&[], &a));
    }

    #[test]
    fn deterministic() {
        assert_eq!(bands(AS_TEXT), bands(AS_TEXT));
    }

    /// The bands as the shingles of the folded words' windows give them
    /// (the list of every word, as they were first worked out), on seed
    /// texts cut at every length from none to a few shingles.
    #[test]
    fn bands_are_those_of_the_word_windows() {
        fn windows_bands(text: &str) -> Vec<u64> {
            let folded = fold(text);
            let words: Vec<&str> = folded.split(' ').filter(|w| !w.is_empty()).collect();
            if words.is_empty() {
                return Vec::new();
            }
            let mut mins = [u64::MAX; BANDS * ROWS];
            for shingle in words.windows(SHINGLE.min(words.len())) {
                let mut h = FNV_OFFSET;
                for w in shingle {
                    h = fnv(w.as_bytes(), h);
                    h = fnv(b" ", h);
                }
                for (m, seed) in mins.iter_mut().zip(SEEDS) {
                    *m = (*m).min(mix(h ^ seed));
                }
            }
            mins.chunks(ROWS)
                .enumerate()
                .map(|(band, rows)| {
                    let mut h = fnv(&(band as u64).to_le_bytes(), FNV_OFFSET);
                    for r in rows {
                        h = fnv(&r.to_le_bytes(), h);
                    }
                    h
                })
                .collect()
        }
        let words: Vec<&str> = AS_PDF.split_whitespace().collect();
        for n in 0..=words.len() {
            let text = words[..n].join(" ");
            assert_eq!(bands(&text), windows_bands(&text), "{n} words");
        }
        assert_eq!(bands(ROD), windows_bands(ROD));
    }
}

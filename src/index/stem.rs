//! The stemmed fields' analyzers, with a cache of stems.
//!
//! [`analyzer`] equals tantivy's built-in `en_stem` (simple tokenizer,
//! tokens over 40 bytes dropped, lower-cased, English Snowball stemmer),
//! token for token, but each distinct word is stemmed once per thread:
//! council papers repeat a small vocabulary, and stemming every occurrence
//! was about a tenth of `agendex index`'s CPU (and, for a search, most of
//! the time its snippets took). Registered under the same name, so indexes
//! and queries are unchanged; where it is not registered, tantivy's own
//! `en_stem` gives the same tokens.
//!
//! [`pairs_analyzer`] gives, from the same tokens, each two adjacent ones
//! as one ("school forum"): what the `pairs` field indexes, so that a
//! two-word phrase is one term to look up rather than two position lists
//! to compare (see `super::pairs`). It must be registered on every index
//! that is written to ([`register`]).

use rustc_hash::FxHashMap;
use std::cell::RefCell;
use tantivy::tokenizer::{
    LowerCaser, RemoveLongFilter, SimpleTokenizer, TextAnalyzer, Token, TokenFilter, TokenStream,
    Tokenizer,
};
use tantivy::Index;

/// Distinct words kept per thread before the cache starts again, so a
/// corpus with an unbounded vocabulary cannot grow it without bound.
const MAX_CACHED: usize = 200_000;

/// The tokenizer name of the `pairs` field.
pub(crate) const PAIRS: &str = "en_stem_pairs";

/// The stems of `text`'s words, as the stemmed fields index them.
pub fn stems(text: &str) -> Vec<String> {
    let mut analyzer = analyzer();
    let mut stream = analyzer.token_stream(text);
    let mut out = Vec::new();
    while stream.advance() {
        out.push(stream.token().text.clone());
    }
    out
}

/// Build the analyzer; register it as `en_stem` on an index.
pub fn analyzer() -> TextAnalyzer {
    TextAnalyzer::builder(SimpleTokenizer::default())
        .filter(RemoveLongFilter::limit(40))
        .filter(LowerCaser)
        .filter(CachedStemmer)
        .build()
}

/// The analyzer of the `pairs` field: [`analyzer`]'s tokens, two adjacent
/// ones joined by a space.
pub fn pairs_analyzer() -> TextAnalyzer {
    TextAnalyzer::builder(SimpleTokenizer::default())
        .filter(RemoveLongFilter::limit(40))
        .filter(LowerCaser)
        .filter(CachedStemmer)
        .filter(Pairs)
        .build()
}

/// Register the analyzers the schema names on `index`: needed to write to
/// it (the `pairs` tokenizer is not tantivy's), and for searches, so
/// snippets stem through the cache.
pub fn register(index: &Index) {
    index
        .tokenizers()
        .register(super::schema::STEMMED, analyzer());
    index.tokenizers().register(PAIRS, pairs_analyzer());
}

thread_local! {
    /// Word -> stem, shared by every analyzer on this thread (indexing
    /// threads and searching threads each have their own). FxHash: a
    /// lookup per token of every indexed text, where SipHash was a
    /// twentieth of the indexing thread; no order of the map is ever read.
    static STEMS: RefCell<FxHashMap<String, String>> = RefCell::new(FxHashMap::default());
}

/// English stemming with a per-thread cache of word -> stem.
#[derive(Clone, Copy)]
pub struct CachedStemmer;

impl TokenFilter for CachedStemmer {
    type Tokenizer<T: Tokenizer> = CachedStemmerFilter<T>;

    fn transform<T: Tokenizer>(self, tokenizer: T) -> CachedStemmerFilter<T> {
        CachedStemmerFilter { inner: tokenizer }
    }
}

#[derive(Clone)]
pub struct CachedStemmerFilter<T> {
    inner: T,
}

impl<T: Tokenizer> Tokenizer for CachedStemmerFilter<T> {
    type TokenStream<'a> = CachedStemmerStream<T::TokenStream<'a>>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> Self::TokenStream<'a> {
        STEMS.with(|stems| {
            if let Ok(mut stems) = stems.try_borrow_mut() {
                if stems.len() > MAX_CACHED {
                    stems.clear();
                }
            }
        });
        CachedStemmerStream {
            tail: self.inner.token_stream(text),
            stemmer: rust_stemmers::Stemmer::create(rust_stemmers::Algorithm::English),
        }
    }
}

pub struct CachedStemmerStream<T> {
    tail: T,
    stemmer: rust_stemmers::Stemmer,
}

impl<T: TokenStream> TokenStream for CachedStemmerStream<T> {
    fn advance(&mut self) -> bool {
        if !self.tail.advance() {
            return false;
        }
        let token = self.tail.token_mut();
        let stemmer = &self.stemmer;
        STEMS.with(|stems| {
            // Not borrowed elsewhere: no stream holds it between calls.
            let Ok(mut stems) = stems.try_borrow_mut() else {
                token.text = stemmer.stem(&token.text).into_owned();
                return;
            };
            match stems.get(token.text.as_str()) {
                Some(stem) => {
                    token.text.clear();
                    token.text.push_str(stem);
                }
                None => {
                    let stem = stemmer.stem(&token.text).into_owned();
                    stems.insert(std::mem::take(&mut token.text), stem.clone());
                    token.text = stem;
                }
            }
        });
        true
    }

    fn token(&self) -> &Token {
        self.tail.token()
    }

    fn token_mut(&mut self) -> &mut Token {
        self.tail.token_mut()
    }
}

/// Joins each two adjacent tokens (positions one apart: a token dropped
/// for its length leaves a gap, which a phrase does not cross) into one,
/// `"first second"`, at the first's position and spanning both. Tokens
/// never hold a space (the simple tokenizer splits at every character
/// that is not alphanumeric), so a pair reads back unambiguously.
#[derive(Clone, Copy)]
pub struct Pairs;

impl TokenFilter for Pairs {
    type Tokenizer<T: Tokenizer> = PairsFilter<T>;

    fn transform<T: Tokenizer>(self, tokenizer: T) -> PairsFilter<T> {
        PairsFilter { inner: tokenizer }
    }
}

#[derive(Clone)]
pub struct PairsFilter<T> {
    inner: T,
}

impl<T: Tokenizer> Tokenizer for PairsFilter<T> {
    type TokenStream<'a> = PairsStream<T::TokenStream<'a>>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> Self::TokenStream<'a> {
        PairsStream {
            tail: self.inner.token_stream(text),
            previous: None,
            token: Token::default(),
        }
    }
}

pub struct PairsStream<T> {
    tail: T,
    /// The last token read: its text, position and start.
    previous: Option<(String, usize, usize)>,
    token: Token,
}

impl<T: TokenStream> TokenStream for PairsStream<T> {
    fn advance(&mut self) -> bool {
        loop {
            if !self.tail.advance() {
                return false;
            }
            let next = self.tail.token();
            let mut paired = false;
            if let Some((text, position, from)) = &mut self.previous {
                if next.position == *position + 1 {
                    self.token.text.clear();
                    self.token.text.push_str(text);
                    self.token.text.push(' ');
                    self.token.text.push_str(&next.text);
                    self.token.position = *position;
                    self.token.offset_from = *from;
                    self.token.offset_to = next.offset_to;
                    self.token.position_length = 2;
                    paired = true;
                }
                text.clear();
                text.push_str(&next.text);
                *position = next.position;
                *from = next.offset_from;
            } else {
                self.previous = Some((next.text.clone(), next.position, next.offset_from));
            }
            if paired {
                return true;
            }
        }
    }

    fn token(&self) -> &Token {
        &self.token
    }

    fn token_mut(&mut self) -> &mut Token {
        &mut self.token
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use tantivy::tokenizer::{Language, Stemmer};

    fn tokens(mut analyzer: TextAnalyzer, text: &str) -> Vec<(String, usize, usize, usize)> {
        let mut stream = analyzer.token_stream(text);
        let mut out = Vec::new();
        while stream.advance() {
            let t = stream.token();
            out.push((t.text.clone(), t.offset_from, t.offset_to, t.position));
        }
        out
    }

    /// The cached analyzer gives tantivy's `en_stem` tokens, offsets and
    /// positions, on the seeds' own words, read twice (so the second pass
    /// comes from the cache).
    #[test]
    fn same_tokens_as_tantivys_en_stem() {
        let reference = TextAnalyzer::builder(SimpleTokenizer::default())
            .filter(RemoveLongFilter::limit(40))
            .filter(LowerCaser)
            .filter(Stemmer::new(Language::English))
            .build();
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds");
        let mut files: Vec<_> = std::fs::read_dir(root)
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.extension().is_some_and(|e| e == "txt"))
            .collect();
        files.sort();
        assert!(!files.is_empty());
        let mut cached = analyzer();
        for file in files {
            let text = std::fs::read_to_string(&file).unwrap();
            let want = tokens(reference.clone(), &text);
            assert!(want.len() > 500, "{}", file.display());
            for _ in 0..2 {
                let mut stream = cached.token_stream(&text);
                let mut got = Vec::new();
                while stream.advance() {
                    let t = stream.token();
                    got.push((t.text.clone(), t.offset_from, t.offset_to, t.position));
                }
                assert_eq!(got, want, "{}", file.display());
            }
        }
        let odd = "Resolved RESOLVED resolving Ofsted's 2,261 café naïve \
                   antidisestablishmentarianismantidisestablishmentarianism";
        assert_eq!(tokens(analyzer(), odd), tokens(reference, odd));
    }

    /// Pairs are the analyzer's adjacent tokens joined, on the seeds' text
    /// and where a dropped long word or a repeated word sits.
    #[test]
    fn pairs_join_adjacent_tokens() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds");
        let mut text = std::fs::read_to_string(root.join("000_ab51a36975b4b00c.txt")).unwrap();
        text.push_str(" Schools FORUM forum forum; early ");
        text.push_str(&"x".repeat(41));
        text.push_str(" help");
        let single = tokens(analyzer(), &text);
        let want: Vec<(String, usize, usize, usize)> = single
            .windows(2)
            .filter(|w| w[1].3 == w[0].3 + 1)
            .map(|w| (format!("{} {}", w[0].0, w[1].0), w[0].1, w[1].2, w[0].3))
            .collect();
        let got = tokens(pairs_analyzer(), &text);
        assert!(got.len() > 1000);
        assert_eq!(got, want);
        // Last, "forum earli": none across the dropped word to "help".
        let tail: Vec<&str> = got.iter().rev().take(4).map(|t| t.0.as_str()).collect();
        assert_eq!(
            tail,
            ["forum earli", "forum forum", "forum forum", "school forum"]
        );
    }
}

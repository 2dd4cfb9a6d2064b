//! The stemmed fields' analyzer, with a cache of stems.
//!
//! Equal to tantivy's built-in `en_stem` (simple tokenizer, tokens over 40
//! bytes dropped, lower-cased, English Snowball stemmer), token for token,
//! but each distinct word is stemmed once per indexing thread: council
//! papers repeat a small vocabulary, and stemming every occurrence was
//! about a tenth of `agendex index`'s CPU. Registered under the same name,
//! so indexes and queries are unchanged; where it is not registered,
//! tantivy's own `en_stem` gives the same tokens.

use std::collections::HashMap;
use tantivy::tokenizer::{
    LowerCaser, RemoveLongFilter, SimpleTokenizer, TextAnalyzer, Token, TokenFilter, TokenStream,
    Tokenizer,
};

/// Distinct words kept per analyzer before the cache starts again, so a
/// corpus with an unbounded vocabulary cannot grow it without bound.
const MAX_CACHED: usize = 200_000;

/// Build the analyzer; register it as `en_stem` on an index.
pub fn analyzer() -> TextAnalyzer {
    TextAnalyzer::builder(SimpleTokenizer::default())
        .filter(RemoveLongFilter::limit(40))
        .filter(LowerCaser)
        .filter(CachedStemmer)
        .build()
}

/// English stemming with a per-analyzer cache of word -> stem.
#[derive(Clone, Copy)]
pub struct CachedStemmer;

impl TokenFilter for CachedStemmer {
    type Tokenizer<T: Tokenizer> = CachedStemmerFilter<T>;

    fn transform<T: Tokenizer>(self, tokenizer: T) -> CachedStemmerFilter<T> {
        CachedStemmerFilter {
            inner: tokenizer,
            stems: HashMap::new(),
        }
    }
}

pub struct CachedStemmerFilter<T> {
    inner: T,
    stems: HashMap<String, String>,
}

// Each indexing thread clones the analyzer: the clone starts with an empty
// cache rather than copying another thread's.
impl<T: Clone> Clone for CachedStemmerFilter<T> {
    fn clone(&self) -> Self {
        CachedStemmerFilter {
            inner: self.inner.clone(),
            stems: HashMap::new(),
        }
    }
}

impl<T: Tokenizer> Tokenizer for CachedStemmerFilter<T> {
    type TokenStream<'a> = CachedStemmerStream<'a, T::TokenStream<'a>>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> Self::TokenStream<'a> {
        if self.stems.len() > MAX_CACHED {
            self.stems.clear();
        }
        CachedStemmerStream {
            tail: self.inner.token_stream(text),
            stemmer: rust_stemmers::Stemmer::create(rust_stemmers::Algorithm::English),
            stems: &mut self.stems,
        }
    }
}

pub struct CachedStemmerStream<'a, T> {
    tail: T,
    stemmer: rust_stemmers::Stemmer,
    stems: &'a mut HashMap<String, String>,
}

impl<T: TokenStream> TokenStream for CachedStemmerStream<'_, T> {
    fn advance(&mut self) -> bool {
        if !self.tail.advance() {
            return false;
        }
        let token = self.tail.token_mut();
        match self.stems.get(token.text.as_str()) {
            Some(stem) => {
                token.text.clear();
                token.text.push_str(stem);
            }
            None => {
                let stem = self.stemmer.stem(&token.text).into_owned();
                self.stems
                    .insert(std::mem::take(&mut token.text), stem.clone());
                token.text = stem;
            }
        }
        true
    }

    fn token(&self) -> &Token {
        self.tail.token()
    }

    fn token_mut(&mut self) -> &mut Token {
        self.tail.token_mut()
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
}

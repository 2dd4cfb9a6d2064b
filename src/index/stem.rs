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
//!
//! A record's text is indexed twice, on `text` and on `pairs`, one right
//! after the other (tantivy indexes a document's fields in field order,
//! with at most its titles between): the stemmed analyzer keeps the
//! tokens of the last few texts it read to the end on its thread
//! ([`RECENT`]), and the pairs analyzer reads a text found there from
//! them rather than splitting, lower-casing and stemming it again.

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

/// Texts whose tokens are kept per thread for the pairs analyzer: the
/// record's text and its (at most two) titles, read between it and its
/// pairs.
const RECENT_SLOTS: usize = 4;

/// Texts longer than this are not kept: their pairs are read from the
/// text again, so a huge text does not stay in memory.
const MAX_RECENT_BYTES: usize = 4 << 20;

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
    TextAnalyzer::builder(RecentOrRead::default())
        .filter(Pairs)
        .build()
}

/// The analyzer's tokens from scratch, for the pairs of a text not kept.
fn read_tokens() -> TextAnalyzer {
    analyzer()
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

    /// The tokens of the last texts the stemmed analyzer read to the end
    /// on this thread, for the pairs analyzer (see the module's doc).
    static RECENT: RefCell<Recent> = RefCell::new(Recent::default());
}

/// One token as kept: where it is, and where its text ends in
/// [`Kept::stems`] (it starts where the one before ends).
#[derive(Clone, Copy)]
struct KeptToken {
    offset_from: usize,
    offset_to: usize,
    position: usize,
    position_length: usize,
    end: usize,
}

/// A text and its tokens, kept.
#[derive(Default)]
pub struct Kept {
    /// Which stream wrote it (0: none); a stream writes only while its
    /// slot is still its own.
    owner: u64,
    /// Whether the stream read the text to the end.
    complete: bool,
    text: String,
    stems: String,
    tokens: Vec<KeptToken>,
}

#[derive(Default)]
struct Recent {
    slots: Vec<Kept>,
    /// The slot the next text takes.
    next: usize,
    /// The last owner given out.
    last_owner: u64,
}

impl Recent {
    /// Take a slot for a new text: its owner number.
    fn start(&mut self, text: &str) -> u64 {
        if self.slots.len() < RECENT_SLOTS {
            self.slots.resize_with(RECENT_SLOTS, Kept::default);
        }
        self.last_owner += 1;
        let slot = &mut self.slots[self.next];
        self.next = (self.next + 1) % RECENT_SLOTS;
        slot.owner = self.last_owner;
        slot.complete = false;
        slot.text.clear();
        slot.text.push_str(text);
        slot.stems.clear();
        slot.tokens.clear();
        self.last_owner
    }

    fn slot_of(&mut self, owner: u64) -> Option<&mut Kept> {
        self.slots.iter_mut().find(|k| k.owner == owner)
    }

    /// The kept tokens of `text`, read to the end, taken out of their slot.
    fn take(&mut self, text: &str) -> Option<Kept> {
        let slot = self
            .slots
            .iter_mut()
            .find(|k| k.complete && k.owner != 0 && k.text == text)?;
        Some(std::mem::take(slot))
    }
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
        let owner = if text.len() <= MAX_RECENT_BYTES {
            RECENT.with(|r| r.try_borrow_mut().map_or(0, |mut r| r.start(text)))
        } else {
            0
        };
        CachedStemmerStream {
            tail: self.inner.token_stream(text),
            stemmer: rust_stemmers::Stemmer::create(rust_stemmers::Algorithm::English),
            owner,
        }
    }
}

pub struct CachedStemmerStream<T> {
    tail: T,
    stemmer: rust_stemmers::Stemmer,
    /// The slot of [`RECENT`] this stream writes its tokens to (0: none).
    owner: u64,
}

impl<T> CachedStemmerStream<T> {
    /// Keep `token` (or, at the end, mark the text read through) in this
    /// stream's slot, while it is still this stream's.
    fn keep(&mut self, token: Option<&Token>) {
        if self.owner == 0 {
            return;
        }
        let owner = self.owner;
        let kept = RECENT.with(|r| {
            let Ok(mut r) = r.try_borrow_mut() else {
                return false;
            };
            let Some(slot) = r.slot_of(owner) else {
                return false;
            };
            match token {
                Some(t) => {
                    slot.stems.push_str(&t.text);
                    let end = slot.stems.len();
                    slot.tokens.push(KeptToken {
                        offset_from: t.offset_from,
                        offset_to: t.offset_to,
                        position: t.position,
                        position_length: t.position_length,
                        end,
                    });
                }
                None => slot.complete = true,
            }
            true
        });
        if !kept || token.is_none() {
            self.owner = 0;
        }
    }
}

impl<T: TokenStream> TokenStream for CachedStemmerStream<T> {
    fn advance(&mut self) -> bool {
        if !self.advance_stem() {
            self.keep(None);
            return false;
        }
        if self.owner != 0 {
            let token = std::mem::take(self.tail.token_mut());
            self.keep(Some(&token));
            *self.tail.token_mut() = token;
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

impl<T: TokenStream> CachedStemmerStream<T> {
    /// The next token, stemmed through the cache.
    fn advance_stem(&mut self) -> bool {
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
}

/// The pairs analyzer's source of tokens: a text's kept tokens when the
/// stemmed analyzer just read it on this thread (see [`RECENT`]), else
/// the stemmed analyzer's tokens read again. The same tokens either way.
#[derive(Clone)]
pub struct RecentOrRead {
    read: TextAnalyzer,
}

impl Default for RecentOrRead {
    fn default() -> Self {
        RecentOrRead {
            read: read_tokens(),
        }
    }
}

impl Tokenizer for RecentOrRead {
    type TokenStream<'a> = RecentOrReadStream<'a>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> RecentOrReadStream<'a> {
        let kept = RECENT.with(|r| r.try_borrow_mut().ok()?.take(text));
        match kept {
            Some(kept) => RecentOrReadStream::Kept {
                kept,
                next: 0,
                token: Token::default(),
            },
            None => RecentOrReadStream::Read(self.read.token_stream(text)),
        }
    }
}

pub enum RecentOrReadStream<'a> {
    /// Kept tokens, the next to give, and the one given.
    Kept {
        kept: Kept,
        next: usize,
        token: Token,
    },
    Read(tantivy::tokenizer::BoxTokenStream<'a>),
}

impl TokenStream for RecentOrReadStream<'_> {
    fn advance(&mut self) -> bool {
        match self {
            RecentOrReadStream::Kept { kept, next, token } => {
                let Some(t) = kept.tokens.get(*next) else {
                    return false;
                };
                let from = match next.checked_sub(1) {
                    Some(before) => kept.tokens[before].end,
                    None => 0,
                };
                token.text.clear();
                token.text.push_str(&kept.stems[from..t.end]);
                token.offset_from = t.offset_from;
                token.offset_to = t.offset_to;
                token.position = t.position;
                token.position_length = t.position_length;
                *next += 1;
                true
            }
            RecentOrReadStream::Read(stream) => stream.advance(),
        }
    }

    fn token(&self) -> &Token {
        match self {
            RecentOrReadStream::Kept { token, .. } => token,
            RecentOrReadStream::Read(stream) => stream.token(),
        }
    }

    fn token_mut(&mut self) -> &mut Token {
        match self {
            RecentOrReadStream::Kept { token, .. } => token,
            RecentOrReadStream::Read(stream) => stream.token_mut(),
        }
    }
}

impl Drop for RecentOrReadStream<'_> {
    /// Give the kept text's buffers back to a free slot, so the next text
    /// kept reuses them rather than allocating.
    fn drop(&mut self) {
        if let RecentOrReadStream::Kept { kept, .. } = self {
            let kept = std::mem::take(kept);
            RECENT.with(|r| {
                if let Ok(mut r) = r.try_borrow_mut() {
                    if let Some(free) = r.slots.iter_mut().find(|k| k.owner == 0) {
                        let Kept {
                            text,
                            stems,
                            tokens,
                            ..
                        } = kept;
                        if text.capacity() <= MAX_RECENT_BYTES {
                            *free = Kept {
                                owner: 0,
                                complete: false,
                                text,
                                stems,
                                tokens,
                            };
                        }
                    }
                }
            });
        }
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
    /// and where a dropped long word or a repeated word sits. Here the
    /// pairs analyzer reads the text itself (nothing read before it).
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

    /// As tantivy indexes a record: its text on `text`, its titles, then
    /// the same text on `pairs`, which reads the kept tokens; the pairs
    /// are those read from scratch, with the same offsets and positions.
    /// A text read only in part is not kept, nor one read before four
    /// others; another text is read afresh.
    #[test]
    fn pairs_from_kept_tokens_are_the_pairs_read_afresh() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds");
        let mut text = std::fs::read_to_string(root.join("001_dd0b79784824a396.txt")).unwrap();
        text.push_str(" Schools FORUM forum; early ");
        text.push_str(&"x".repeat(41));
        text.push_str(" help");
        // Read afresh, on a thread where no text was read before.
        let want = std::thread::spawn({
            let text = text.clone();
            move || tokens(pairs_analyzer(), &text)
        })
        .join()
        .unwrap();
        assert!(want.len() > 1000);
        let kept_count = |text: &str| {
            RECENT.with(|r| {
                r.borrow()
                    .slots
                    .iter()
                    .filter(|k| k.complete && k.text == text)
                    .map(|k| k.tokens.len())
                    .next()
            })
        };
        let mut stemmed = analyzer();
        let mut pairs = pairs_analyzer();
        let title = "Schools Forum Minutes";
        let indexed = tokens(stemmed.clone(), &text);
        assert_eq!(kept_count(&text), Some(indexed.len()));
        tokens(stemmed.clone(), title);
        tokens(stemmed.clone(), "Councillor Ali");
        assert_eq!(tokens(pairs.clone(), &text), want);
        // Taken when read: the next read of the same text reads it afresh
        // (and keeps it again).
        assert_eq!(kept_count(&text), None);
        assert_eq!(tokens(pairs.clone(), &text), want);
        assert_eq!(kept_count(&text), Some(indexed.len()));

        // Read in part: not kept.
        let part = format!("{text} Item 7");
        {
            let mut stream = stemmed.token_stream(&part);
            for _ in 0..10 {
                assert!(stream.advance());
            }
        }
        assert_eq!(kept_count(&part), None);

        // Four other texts read since: no longer kept.
        tokens(stemmed.clone(), &text);
        for other in ["a b", "c d", "e f", "g h"] {
            tokens(stemmed.clone(), other);
        }
        assert_eq!(kept_count(&text), None);
        assert_eq!(tokens(pairs.clone(), &text), want);

        // Another text kept, this one not: read afresh.
        tokens(stemmed.clone(), "Early help");
        let mut stream = pairs.token_stream("Schools forum");
        assert!(stream.advance());
        assert_eq!(stream.token().text, "school forum");
        assert!(!stream.advance());
    }
}

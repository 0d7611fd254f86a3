//! Term ids by token text: a word form seen before skips normalization, stop words and
//! stemming (the term of a token depends on its text and kind only,
//! [`Analyzer::token_term`]).
//!
//! This lookup runs once per token of the corpus, so it is laid out for the cache: a
//! token of at most [`INLINE`] bytes (about 96% of the tokens of Russian news) is kept,
//! with its term id, inside its hash-table slot, so a hit reads the table's control bytes
//! and one 32-byte slot — not a slot, then the token's bytes elsewhere, then its value.
//! Longer tokens go through an [`Interner`].
//!
//! Each thread keeps its memo between fits ([`with_thread_memo`]), for one analyzer
//! configuration at a time, as it keeps its stemmer's cache: refitting (cross-validation,
//! a parameter search, the next batch of similar text) then finds most word forms
//! analyzed already. Term ids are the memo's own; a fit numbers its terms itself.

use std::cell::RefCell;
use std::hash::BuildHasher;

use hashbrown::hash_table::{Entry, HashTable};
use rustc_hash::FxBuildHasher;

use super::interner::Interner;
use crate::segment::token::{Token, TokenKind};
use crate::terms::analyze::{Analyzer, AnalyzerConfig};

/// Longest token (in bytes) kept inside a table slot.
const INLINE: usize = 24;

/// A token's term id, or this when the analyzer drops the token (or `keep` rejects it).
const NO_TERM: u32 = u32::MAX;

/// A short token as a key: its bytes zero-padded to [`INLINE`], its length (so a token
/// ending in NUL bytes stays distinct from a shorter one) and its kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
struct ShortKey {
    bytes: [u8; INLINE],
    len: u8,
    kind: TokenKind,
}

impl ShortKey {
    fn new(text: &str, kind: TokenKind) -> Option<Self> {
        let len = u8::try_from(text.len())
            .ok()
            .filter(|&n| n as usize <= INLINE)?;
        let mut bytes = [0; INLINE];
        bytes[..text.len()].copy_from_slice(text.as_bytes());
        Some(ShortKey { bytes, len, kind })
    }
}

/// A short token and its term id (`NO_TERM` when it gives none), aligned so that a slot
/// never straddles two cache lines.
#[derive(Clone, Copy)]
#[repr(align(32))]
struct ShortSlot {
    key: ShortKey,
    id: u32,
}

/// Tokens kept in a thread's memo after a fit: a memo that grew past this is dropped
/// rather than kept. 114,688 = 7/8 × 2^17, what a table of 2^17 slots holds before it
/// doubles: at most 4.3 MB of table (32-byte slots and their control bytes), about 6 MB
/// with the terms for Russian news (101 K forms, 42 K terms).
const MAX_KEPT_TOKENS: usize = 114_688;

/// Bytes of long tokens and terms kept in a thread's memo after a fit: a token can be any
/// length, so the count of tokens alone does not bound the memory.
const MAX_KEPT_BYTES: usize = 4 << 20;

thread_local! {
    /// The memo of the last configuration this thread fitted with; `None` while in use.
    static MEMO: RefCell<Option<Box<TokenMemo>>> = const { RefCell::new(None) };
}

/// Runs `f` with this thread's memo for `analyzer`'s configuration: the one kept from an
/// earlier call if it was made for an equal configuration, else a new one. Afterwards the
/// memo is kept for the next call unless it holds more than [`MAX_KEPT_TOKENS`] tokens or
/// [`MAX_KEPT_BYTES`] bytes of long tokens and terms.
///
/// A re-entrant call, or one while the thread shuts down, works with a new memo.
pub(crate) fn with_thread_memo<R>(analyzer: &Analyzer, f: impl FnOnce(&mut TokenMemo) -> R) -> R {
    let config = analyzer.config();
    let mut memo = MEMO
        .try_with(RefCell::take)
        .ok()
        .flatten()
        .filter(|memo| memo.config == *config)
        .unwrap_or_else(|| Box::new(TokenMemo::new(config.clone())));
    let result = f(&mut memo);
    if memo.len() <= MAX_KEPT_TOKENS && memo.bytes() <= MAX_KEPT_BYTES {
        let _ = MEMO.try_with(|cell| cell.replace(Some(memo)));
    }
    result
}

/// Memoized term ids of tokens, for one analyzer configuration; see the module docs.
pub(crate) struct TokenMemo {
    /// The configuration whose terms these are.
    config: AnalyzerConfig,
    short: HashTable<ShortSlot>,
    long: Interner,
    /// Per token in `long`: the kind it was analyzed as and its term id.
    long_values: Vec<(TokenKind, u32)>,
    /// The terms, numbered by the ids in the slots.
    terms: Interner,
}

impl TokenMemo {
    fn new(config: AnalyzerConfig) -> Self {
        TokenMemo {
            config,
            short: HashTable::new(),
            long: Interner::default(),
            long_values: Vec::new(),
            terms: Interner::default(),
        }
    }

    /// Number of tokens memoized.
    fn len(&self) -> usize {
        self.short.len() + self.long.len()
    }

    /// Bytes of text held outside the slots: long tokens and terms.
    fn bytes(&self) -> usize {
        self.long.bytes() + self.terms.bytes()
    }

    /// Number of distinct terms: term ids are below this.
    pub(crate) fn n_terms(&self) -> usize {
        self.terms.len()
    }

    /// The term with id `id`.
    pub(crate) fn term(&self, id: u32) -> &str {
        self.terms.term(id)
    }

    /// The memo's term id of `token`, or `None` when the analyzer drops it.
    ///
    /// `analyzer` must have the configuration the memo was made for (as
    /// [`with_thread_memo`] ensures).
    pub(crate) fn term_id(&mut self, analyzer: &Analyzer, token: Token<'_>) -> Option<u32> {
        debug_assert!(*analyzer.config() == self.config);
        let TokenMemo { short, terms, .. } = self;
        let id = match ShortKey::new(token.text, token.kind) {
            Some(key) => {
                let hash = FxBuildHasher.hash_one(key);
                match short.entry(
                    hash,
                    |slot| slot.key == key,
                    |slot| FxBuildHasher.hash_one(slot.key),
                ) {
                    Entry::Occupied(slot) => slot.get().id,
                    Entry::Vacant(slot) => {
                        let id = analyze(analyzer, token, terms);
                        slot.insert(ShortSlot { key, id });
                        id
                    }
                }
            }
            None => self.long_term_id(analyzer, token),
        };
        (id != NO_TERM).then_some(id)
    }

    /// [`term_id`](Self::term_id) of a token too long to be kept in a slot. Such a token
    /// is memoized with the kind it was first seen with; seen with another kind, it is
    /// analyzed again.
    fn long_term_id(&mut self, analyzer: &Analyzer, token: Token<'_>) -> u32 {
        let kind = token.kind;
        let (slot, added) = self.long.get_or_insert(token.text);
        if !added {
            if let Some(&(k, id)) = self.long_values.get(slot as usize) {
                if k == kind {
                    return id;
                }
            }
        }
        let id = analyze(analyzer, token, &mut self.terms);
        if added {
            self.long_values.push((kind, id));
        }
        id
    }
}

/// Runs `token` through `analyzer` and interns its term, if any.
fn analyze(analyzer: &Analyzer, token: Token<'_>, terms: &mut Interner) -> u32 {
    analyzer
        .with_token_term(token, |term| terms.get_or_insert(term).0)
        .unwrap_or(NO_TERM)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The memo gives the analyzer's terms, for short and long tokens, first and
    /// repeated sightings, and tokens whose text repeats with another kind.
    #[test]
    fn memoized_ids_are_the_analyzer_terms() {
        let analyzer = Analyzer::builder()
            .kinds([TokenKind::Word, TokenKind::Number, TokenKind::Punct])
            .min_chars(1)
            .build();
        let long = "Превысокомногорассмотрительствующий";
        assert!(long.len() > INLINE);
        let text = format!("{long} Кот, кот 1.5 и {long}, кот. Кот\0 Кот");
        let mut memo = TokenMemo::new(analyzer.config().clone());
        for _ in 0..2 {
            for token in analyzer.tokens(&text) {
                let got = memo
                    .term_id(&analyzer, token.clone())
                    .map(|id| memo.term(id).to_owned());
                assert_eq!(got, analyzer.token_term(token));
            }
        }
        assert!(memo.n_terms() < memo.len(), "кот and Кот share a term");
    }

    fn memo_len(analyzer: &Analyzer) -> usize {
        with_thread_memo(analyzer, |memo| memo.len())
    }

    /// A thread keeps the memo of the configuration it last used: an equal configuration
    /// (another `Analyzer` value) finds it, another configuration starts a new one.
    #[test]
    fn a_thread_keeps_its_memo_for_one_configuration() {
        let analyzer = Analyzer::default();
        let text = "Коты и кошки";
        with_thread_memo(&analyzer, |memo| {
            for token in analyzer.tokens(text) {
                memo.term_id(&analyzer, token);
            }
        });
        assert_eq!(memo_len(&Analyzer::default()), 3);
        let other = Analyzer::builder()
            .form(crate::terms::analyze::TermForm::Normalized)
            .build();
        assert_eq!(memo_len(&other), 0);
        // `other`'s memo is the one kept now.
        assert_eq!(memo_len(&analyzer), 0);
        // A re-entrant call gets a memo of its own.
        with_thread_memo(&analyzer, |outer| {
            let token = analyzer.tokens(text).next().expect("a token");
            outer.term_id(&analyzer, token);
            assert_eq!(memo_len(&analyzer), 0);
        });
        assert_eq!(memo_len(&analyzer), 1);
    }

    /// A memo of a few very long tokens is not kept either.
    #[test]
    fn a_memo_of_long_tokens_is_not_kept() {
        let analyzer = Analyzer::default();
        let words: String = (0..5)
            .map(|i| format!("{} ", "ы".repeat(MAX_KEPT_BYTES / 8 + i)))
            .collect();
        with_thread_memo(&analyzer, |memo| {
            for token in analyzer.tokens(&words) {
                memo.term_id(&analyzer, token);
            }
            assert_eq!(memo.len(), 5);
            assert!(memo.bytes() > MAX_KEPT_BYTES);
        });
        assert_eq!(memo_len(&analyzer), 0);
    }

    /// A memo that grew past the limit is not kept.
    #[test]
    fn a_large_memo_is_not_kept() {
        let analyzer = Analyzer::builder().min_chars(1).build();
        let words: String = (0..=MAX_KEPT_TOKENS).map(|i| format!("w{i} ")).collect();
        with_thread_memo(&analyzer, |memo| {
            for token in analyzer.tokens(&words) {
                memo.term_id(&analyzer, token);
            }
            assert!(memo.len() > MAX_KEPT_TOKENS);
        });
        assert_eq!(memo_len(&analyzer), 0);
    }

    #[test]
    fn short_keys_are_distinct_by_length_and_kind() {
        let a = ShortKey::new("a", TokenKind::Word);
        assert_ne!(a, ShortKey::new("a\0", TokenKind::Word));
        assert_ne!(a, ShortKey::new("a", TokenKind::Number));
        assert!(ShortKey::new(&"я".repeat(12), TokenKind::Word).is_some());
        assert!(ShortKey::new(&"я".repeat(13), TokenKind::Word).is_none());
    }
}

//! Term ids by token text: a word form seen before skips normalization, stop words and
//! stemming (the term of a token depends on its text and kind only,
//! [`Analyzer::token_term`]).
//!
//! This lookup runs once per token of the corpus, so it is laid out for the cache: a
//! token of at most [`INLINE`] bytes (about 96% of the tokens of Russian news) is kept,
//! with its term id, inside its hash-table slot, so a hit reads the table's control bytes
//! and one 32-byte slot — not a slot, then the token's bytes elsewhere, then its value.
//! Longer tokens go through an [`Interner`].

use std::hash::BuildHasher;

use hashbrown::hash_table::{Entry, HashTable};
use rustc_hash::FxBuildHasher;

use super::interner::Interner;
use crate::analyze::Analyzer;
use crate::token::{Token, TokenKind};

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

/// Memoized term ids of the tokens of one corpus; see the module docs.
#[derive(Default)]
pub(crate) struct TokenMemo {
    short: HashTable<ShortSlot>,
    long: Interner,
    /// Per token in `long`: the kind it was analyzed as and its term id.
    long_values: Vec<(TokenKind, u32)>,
}

impl TokenMemo {
    /// The corpus term id of `token` (interned in `terms`), or `None` when the analyzer
    /// drops it or `keep` rejects its term.
    pub(crate) fn term_id(
        &mut self,
        analyzer: &Analyzer,
        token: Token<'_>,
        terms: &mut Interner,
        keep: impl Fn(&str) -> bool,
    ) -> Option<u32> {
        let id = match ShortKey::new(token.text, token.kind) {
            Some(key) => {
                let hash = FxBuildHasher.hash_one(key);
                match self.short.entry(
                    hash,
                    |slot| slot.key == key,
                    |slot| FxBuildHasher.hash_one(slot.key),
                ) {
                    Entry::Occupied(slot) => slot.get().id,
                    Entry::Vacant(slot) => {
                        let id = analyze(analyzer, token, terms, keep);
                        slot.insert(ShortSlot { key, id });
                        id
                    }
                }
            }
            None => self.long_term_id(analyzer, token, terms, keep),
        };
        (id != NO_TERM).then_some(id)
    }

    /// [`term_id`](Self::term_id) of a token too long to be kept in a slot. Such a token
    /// is memoized with the kind it was first seen with; seen with another kind, it is
    /// analyzed again.
    fn long_term_id(
        &mut self,
        analyzer: &Analyzer,
        token: Token<'_>,
        terms: &mut Interner,
        keep: impl Fn(&str) -> bool,
    ) -> u32 {
        let kind = token.kind;
        let (slot, added) = self.long.get_or_insert(token.text);
        if !added {
            if let Some(&(k, id)) = self.long_values.get(slot as usize) {
                if k == kind {
                    return id;
                }
            }
        }
        let id = analyze(analyzer, token, terms, keep);
        if added {
            self.long_values.push((kind, id));
        }
        id
    }
}

/// Runs `token` through `analyzer` and interns its term, if any and kept.
fn analyze(
    analyzer: &Analyzer,
    token: Token<'_>,
    terms: &mut Interner,
    keep: impl Fn(&str) -> bool,
) -> u32 {
    analyzer
        .with_token_term(token, |term| {
            keep(term).then(|| terms.get_or_insert(term).0)
        })
        .flatten()
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
        let keep = |term: &str| term != "и";
        let mut memo = TokenMemo::default();
        let mut terms = Interner::default();
        for _ in 0..2 {
            for token in analyzer.tokens(&text) {
                let got = memo
                    .term_id(&analyzer, token.clone(), &mut terms, keep)
                    .map(|id| terms.term(id).to_owned());
                let want = analyzer.token_term(token).filter(|t| keep(t));
                assert_eq!(got, want);
            }
        }
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

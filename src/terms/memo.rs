//! The analyzer's memo of word forms: the term of a token depends only on its text, its
//! kind and the analyzer's configuration, so a form seen before skips normalization, the
//! stop-word set and the stemmer — one table look-up per token instead of three stages.
//!
//! Each thread keeps one memo, for the configuration it analyzed with last (as it keeps
//! one stemmer cache); [`Analyzer::for_each_term`](crate::Analyzer::for_each_term) and
//! everything built on it use it. A token of at most [`INLINE`] bytes (nearly every word)
//! is kept inside its table slot, so a hit reads the table's control bytes, one 32-byte
//! slot and the term; longer tokens are analyzed every time.
//!
//! Memory is bounded as the stemmer's cache is: at most [`CAPACITY`] forms and
//! [`MAX_TERM_BYTES`] bytes of terms; a miss when either is reached clears the memo, which
//! refills with the forms the text uses now.

use std::cell::RefCell;
use std::hash::BuildHasher;
use std::sync::Arc;

use hashbrown::hash_table::{Entry, HashTable};

use crate::segment::token::TokenKind;
use crate::terms::analyze::AnalyzerConfig;

/// Longest token (in bytes) kept inside a table slot.
pub(crate) const INLINE: usize = 24;

/// Forms memoized at most: 7/8 × 2^17, what a table of 2^17 slots holds before it would
/// double (4 MB of 32-byte slots), as the stemmer's cache. It holds every word form of War
/// and Peace (49 K) and of the OpenCorpora news (92 K).
const CAPACITY: usize = 114_688;

/// Bytes of terms memoized at most.
const MAX_TERM_BYTES: usize = 2 << 20;

/// `term_len` of a token the analyzer drops.
const DROPPED: u16 = u16::MAX;

type Hasher = foldhash::fast::RandomState;

/// A short token as a key: its bytes, zero-padded to [`INLINE`], as three words, and its
/// length and kind (so that a token ending in NUL bytes stays apart from a shorter one).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Key {
    words: [u64; 3],
    len_kind: u16,
}

impl std::hash::Hash for Key {
    #[inline]
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        let [a, b, c] = self.words;
        state.write_u64(a);
        state.write_u64(b);
        state.write_u64(c);
        state.write_u16(self.len_kind);
    }
}

/// For each token length up to [`INLINE`], the bits of the three key words that hold
/// the token's bytes.
static KEPT_BYTES: [[u64; 3]; INLINE + 1] = {
    let mut table = [[0u64; 3]; INLINE + 1];
    let mut len = 0;
    while len <= INLINE {
        let mut i = 0;
        while i < 3 {
            let bytes = len.saturating_sub(i * 8);
            table[len][i] = if bytes >= 8 {
                !0
            } else {
                (1u64 << (bytes * 8)) - 1
            };
            i += 1;
        }
        len += 1;
    }
    table
};

impl Key {
    /// The key of the token `text[start..start + len]` of kind `kind`, if it is short
    /// enough to be memoized.
    #[inline]
    pub(crate) fn at(text: &[u8], start: usize, len: usize, kind: TokenKind) -> Option<Key> {
        if len > INLINE {
            return None;
        }
        let len_kind = len as u16 | (kind as u16) << 8;
        // Read 24 bytes from the token's start and clear those past its end: three loads,
        // no copy. Near the end of the text, copy the token into a padded buffer instead.
        let mut padded = [0u8; INLINE];
        let bytes: &[u8] = match text.get(start..start + INLINE) {
            Some(bytes) => bytes,
            None => {
                let token = text.get(start..start + len).unwrap_or_default();
                padded[..token.len()].copy_from_slice(token);
                &padded
            }
        };
        let masks = &KEPT_BYTES[len];
        let word = |i: usize| {
            let mut w = [0u8; 8];
            w.copy_from_slice(&bytes[i * 8..i * 8 + 8]);
            u64::from_le_bytes(w) & masks[i]
        };
        Some(Key {
            words: [word(0), word(1), word(2)],
            len_kind,
        })
    }

    /// The key of `token` (of kind `kind`), if it is short enough to be memoized.
    #[cfg(test)]
    fn new(token: &str, kind: TokenKind) -> Option<Key> {
        Key::at(token.as_bytes(), 0, token.len(), kind)
    }
}

/// A memoized token and where its term is, aligned so that a slot never straddles two
/// cache lines.
#[derive(Clone, Copy)]
#[repr(align(32))]
struct Slot {
    key: Key,
    /// Length of the term in bytes, or [`DROPPED`].
    term_len: u16,
    /// Offset of the term in [`TermMemo::terms`].
    term_start: u32,
}

/// The memo of one configuration; see the module docs.
pub(crate) struct TermMemo {
    /// The configuration whose terms these are.
    config: Arc<AnalyzerConfig>,
    table: HashTable<Slot>,
    /// The terms, side by side.
    terms: String,
    hasher: Hasher,
}

/// What the memo knows of a token.
pub(crate) enum Lookup<'m> {
    /// The token's term (`None`: the analyzer drops it).
    Known(Option<&'m str>),
    /// Not memoized yet: analyze it and [`TermMemo::insert`] the result with this key and
    /// hash.
    Unknown(Key, u64),
}

impl TermMemo {
    fn new(config: Arc<AnalyzerConfig>) -> Self {
        TermMemo {
            config,
            table: HashTable::new(),
            terms: String::new(),
            hasher: Hasher::default(),
        }
    }

    /// The memoized term of the token with key `key`.
    #[inline(always)]
    pub(crate) fn get(&self, key: Key) -> Lookup<'_> {
        let hash = self.hasher.hash_one(key);
        match self.table.find(hash, |slot| slot.key == key) {
            Some(slot) if slot.term_len == DROPPED => Lookup::Known(None),
            Some(slot) => {
                let start = slot.term_start as usize;
                let term = self.terms.get(start..start + slot.term_len as usize);
                Lookup::Known(Some(term.unwrap_or_default()))
            }
            None => Lookup::Unknown(key, hash),
        }
    }

    /// Memoizes `term` (`None`: dropped) for the token `get` did not know.
    pub(crate) fn insert(&mut self, key: Key, hash: u64, term: Option<&str>) {
        let term_len = match term {
            Some(term) => u16::try_from(term.len()).ok().filter(|&n| n != DROPPED),
            None => Some(DROPPED),
        };
        let Some(term_len) = term_len else {
            return; // a term this long is not memoized (cannot come from a short token)
        };
        let extra = term.map_or(0, str::len);
        if self.table.len() >= CAPACITY || self.terms.len() + extra > MAX_TERM_BYTES {
            self.table.clear();
            self.terms.clear();
        }
        let Ok(term_start) = u32::try_from(self.terms.len()) else {
            return;
        };
        if let Some(term) = term {
            self.terms.push_str(term);
        }
        let slot = Slot {
            key,
            term_len,
            term_start,
        };
        let hasher = &self.hasher;
        if let Entry::Vacant(entry) =
            self.table
                .entry(hash, |s| s.key == key, |s| hasher.hash_one(s.key))
        {
            entry.insert(slot);
        }
    }

    /// Number of memoized forms.
    #[cfg(test)]
    fn len(&self) -> usize {
        self.table.len()
    }
}

thread_local! {
    /// The memo of the configuration this thread analyzed with last; `None` while in use.
    static MEMO: RefCell<Option<Box<TermMemo>>> = const { RefCell::new(None) };
}

/// Runs `f` with this thread's memo for `config`: the one kept from an earlier call if it
/// was made for the same configuration (the same `Arc`, or an equal value), else a new one,
/// which is kept afterwards.
///
/// A re-entrant call (from inside `f`), or one while the thread shuts down, works with a
/// new memo: slower, same terms.
pub(crate) fn with_thread_memo<R>(
    config: &Arc<AnalyzerConfig>,
    f: impl FnOnce(&mut TermMemo) -> R,
) -> R {
    let kept = MEMO.try_with(RefCell::take).ok().flatten();
    let mut memo = match kept {
        Some(memo) if Arc::ptr_eq(&memo.config, config) => memo,
        Some(mut memo) if *memo.config == **config => {
            memo.config = Arc::clone(config);
            memo
        }
        _ => Box::new(TermMemo::new(Arc::clone(config))),
    };
    let result = f(&mut memo);
    let _ = MEMO.try_with(|cell| cell.replace(Some(memo)));
    result
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;
    use crate::normalize::{NormalizeOptions, UnicodeForm};
    use crate::terms::analyze::Analyzer;
    use crate::terms::stopwords::StopWords;

    /// Analyzers whose memos hold different terms for the same tokens.
    fn analyzers() -> Vec<Analyzer> {
        vec![
            Analyzer::default(),
            Analyzer::builder()
                .kinds([TokenKind::Word, TokenKind::Number, TokenKind::Punct])
                .form(crate::terms::analyze::TermForm::Normalized)
                .min_chars(1)
                .build(),
            Analyzer::builder()
                .normalize(
                    NormalizeOptions::default()
                        .form(UnicodeForm::Nfkc)
                        .lowercase(true),
                )
                .stop_words(StopWords::empty())
                .build(),
        ]
    }

    /// What `for_each_term` gives, through the memo.
    fn memoized(analyzer: &Analyzer, text: &str) -> Vec<(String, std::ops::Range<usize>)> {
        let mut out = Vec::new();
        analyzer.for_each_term(text, |term, token| out.push((term.to_owned(), token.span)));
        out
    }

    /// The pipeline token by token, without the memo.
    fn direct(analyzer: &Analyzer, text: &str) -> Vec<(String, std::ops::Range<usize>)> {
        analyzer
            .tokens(text)
            .filter_map(|token| Some((analyzer.token_term(token.clone())?, token.span)))
            .collect()
    }

    /// Twice the sample (the second time every form is memoized), through each analyzer in
    /// turn on one thread, so that each call finds the memo of another configuration.
    #[test]
    fn memoized_terms_are_the_pipelines() {
        let text = crate::test_text::PUSHKIN.repeat(2);
        for _ in 0..2 {
            for analyzer in analyzers() {
                let expected = direct(&analyzer, &text);
                assert!(expected.len() > 300);
                assert_eq!(memoized(&analyzer, &text), expected);
            }
        }
    }

    /// Forms in several cases, with `ё`, stress marks, soft hyphens and numbers, repeated:
    /// a form seen first as one kind and then as another, or first in one analyzer and
    /// then in another, keeps the right term.
    fn repeated_forms() -> impl Strategy<Value = String> {
        let pieces = [
            "Ёлка",
            "ёлка",
            "елка",
            "ЁЛКА",
            "е\u{301}лка",
            "ёл\u{AD}ка",
            "и",
            "И",
            "2024",
            "2-й",
            "COVID-19",
            "т.е.",
            "г.",
            "Москва",
            "москвы",
            ",",
            "—",
            " ",
            " ",
            "\n",
            "ſ",
            "ﬁ",
            "Ｐｒｅｓｓ",
            "очень-очень",
            "абвгдежзийклмнопрстуфхцч",
        ];
        prop::collection::vec(prop::sample::select(pieces.to_vec()), 0..80)
            .prop_map(|v| v.join(" "))
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(200))]

        #[test]
        fn memoized_terms_are_the_pipelines_on_repeated_forms(text in repeated_forms()) {
            for analyzer in analyzers() {
                prop_assert_eq!(memoized(&analyzer, &text), direct(&analyzer, &text));
            }
        }
    }

    #[test]
    fn keys_are_the_padded_bytes() {
        for n in 0..=INLINE {
            let token: String = "abcdefghijklmnopqrstuvwxyz"[..n].to_owned();
            let mut padded = [0u8; INLINE];
            padded[..n].copy_from_slice(token.as_bytes());
            let expected: Vec<u64> = padded
                .chunks(8)
                .map(|c| u64::from_le_bytes(c.try_into().unwrap()))
                .collect();
            let key = Key::new(&token, TokenKind::Word).unwrap();
            assert_eq!(key.words.to_vec(), expected, "{n}");
            assert_eq!(key.len_kind & 0xFF, n as u16);
            // Read from inside a longer text, and at its very end.
            let text = format!("xx{token}yyyyyyyyyyyyyyyyyyyyyyyyyy");
            assert_eq!(Key::at(text.as_bytes(), 2, n, TokenKind::Word), Some(key));
            let text = format!("xx{token}");
            assert_eq!(Key::at(text.as_bytes(), 2, n, TokenKind::Word), Some(key));
        }
    }

    #[test]
    fn keys_tell_length_kind_and_bytes_apart() {
        let a = Key::new("ab", TokenKind::Word);
        assert_eq!(a, Key::new("ab", TokenKind::Word));
        assert_ne!(a, Key::new("ab\0", TokenKind::Word));
        assert_ne!(a, Key::new("ab", TokenKind::Number));
        assert_ne!(a, Key::new("ba", TokenKind::Word));
        assert!(Key::new(&"я".repeat(12), TokenKind::Word).is_some());
        assert!(Key::new(&"я".repeat(13), TokenKind::Word).is_none());
    }

    #[test]
    fn a_full_memo_starts_again() {
        let mut memo = TermMemo::new(Arc::new(AnalyzerConfig::default()));
        for i in 0..CAPACITY + 10 {
            let token = format!("w{i}");
            let key = Key::new(&token, TokenKind::Word).unwrap();
            let Lookup::Unknown(key, hash) = memo.get(key) else {
                panic!("{token} known");
            };
            memo.insert(key, hash, Some(&token));
            assert!(matches!(memo.get(key), Lookup::Known(Some(t)) if t == token));
        }
        assert!(memo.len() <= CAPACITY);
        assert!(memo.len() < 100, "cleared when full");
    }
}

//! The per-thread lemma cache: word form as written → lemma and part of speech.
//!
//! Built like the stemmer's cache (`terms/stem.rs`): a hashbrown `HashTable` of 8-byte slots
//! pointing into one string arena, foldhash seeded per process, at most 114,688 words (a table
//! of 2^17 buckets), words over 64 bytes never cached, and a full cache cleared at once and
//! refilled with what the text uses now. One cache per thread serves one dictionary at a
//! time: a [`Morph`](super::Morph) with another dictionary clears it (the options that do not
//! change a word's lemma, such as `context`, share it).

use std::cell::RefCell;
use std::hash::BuildHasher;

use hashbrown::HashTable;

use super::{Dictionary, Morph, Pos};
use crate::normalize::fold;

/// Words longer than this many bytes are analysed but never cached (as in the stemmer).
const MAX_CACHED_WORD_BYTES: usize = 64;

/// Words kept before the cache is cleared: 7/8 × 2^17, what a table of 2^17 buckets holds
/// before it would grow (as in the stemmer). About 6 MB when full.
const CAPACITY: usize = 114_688;

/// The lemma is the word itself (so it is not stored again).
const LEMMA_IS_WORD: u8 = 0x20;
/// The folded lemma is the lemma itself.
const FOLDED_IS_LEMMA: u8 = 0x40;
/// The part of speech takes the low five bits.
const POS_BITS: u8 = 0x1F;

type Hasher = foldhash::fast::RandomState;

/// Where one cached word sits in the arena: the word, then its lemma (unless it is the word),
/// then the folded lemma (unless it is the lemma).
#[derive(Clone, Copy)]
struct Slot {
    start: u32,
    word_len: u8,
    lemma_len: u8,
    folded_len: u8,
    /// Part of speech and the two flags.
    bits: u8,
}

impl Slot {
    #[inline]
    fn holds(self, arena: &str, word: &str) -> bool {
        let start = self.start as usize;
        arena.as_bytes().get(start..start + self.word_len as usize) == Some(word.as_bytes())
    }

    #[inline]
    fn word(self, arena: &str) -> &str {
        let start = self.start as usize;
        arena
            .get(start..start + self.word_len as usize)
            .unwrap_or_default()
    }

    #[inline]
    fn lemma(self, arena: &str) -> &str {
        let mut start = self.start as usize;
        if self.bits & LEMMA_IS_WORD == 0 {
            start += self.word_len as usize;
        }
        arena
            .get(start..start + self.lemma_len as usize)
            .unwrap_or_default()
    }

    #[inline]
    fn folded(self, arena: &str) -> &str {
        if self.bits & FOLDED_IS_LEMMA != 0 {
            return self.lemma(arena);
        }
        let mut start = self.start as usize + self.word_len as usize;
        if self.bits & LEMMA_IS_WORD == 0 {
            start += self.lemma_len as usize;
        }
        arena
            .get(start..start + self.folded_len as usize)
            .unwrap_or_default()
    }

    #[inline]
    fn pos(self) -> Pos {
        Pos::from_index(self.bits & POS_BITS)
    }
}

struct LemmaCache {
    /// The dictionary whose lemmas the cache holds (0: none yet).
    dictionary: u64,
    table: HashTable<Slot>,
    arena: String,
    hasher: Hasher,
}

impl LemmaCache {
    fn new() -> Self {
        LemmaCache {
            dictionary: 0,
            table: HashTable::new(),
            arena: String::new(),
            hasher: Hasher::default(),
        }
    }

    fn clear(&mut self) {
        self.table.clear();
        self.arena.clear();
    }

    /// The cached slot of `word`, analysing and caching it on a miss; `None` when it cannot
    /// be cached (lengths that do not fit a slot).
    #[inline]
    fn slot(&mut self, dictionary: &Dictionary, word: &str) -> Option<Slot> {
        let hash = self.hasher.hash_one(word);
        let arena = &self.arena;
        if let Some(&slot) = self.table.find(hash, |slot| slot.holds(arena, word)) {
            return Some(slot);
        }
        self.insert(dictionary, hash, word)
    }

    /// Analyses `word` (not cached yet) and caches it.
    #[inline(never)]
    fn insert(&mut self, dictionary: &Dictionary, hash: u64, word: &str) -> Option<Slot> {
        let (lemma, pos) = Morph::lemma_uncached(dictionary, word);
        let folded = fold(&lemma);
        if self.table.len() >= CAPACITY {
            self.clear();
        }
        let lemma_is_word = lemma == word;
        let folded_is_lemma = *folded == *lemma;
        let start = u32::try_from(self.arena.len()).ok()?;
        let slot = Slot {
            start,
            word_len: u8::try_from(word.len()).ok()?,
            lemma_len: u8::try_from(lemma.len()).ok()?,
            folded_len: u8::try_from(folded.len()).ok()?,
            bits: pos.index()
                | if lemma_is_word { LEMMA_IS_WORD } else { 0 }
                | if folded_is_lemma { FOLDED_IS_LEMMA } else { 0 },
        };
        self.arena.push_str(word);
        if !lemma_is_word {
            self.arena.push_str(&lemma);
        }
        if !folded_is_lemma {
            self.arena.push_str(&folded);
        }
        let (arena, hasher) = (&self.arena, &self.hasher);
        self.table
            .insert_unique(hash, slot, |slot| hasher.hash_one(slot.word(arena)));
        Some(slot)
    }
}

thread_local! {
    /// Boxed, so taking it out and putting it back moves a pointer; `None` only while a call
    /// has it.
    static CACHE: RefCell<Option<Box<LemmaCache>>> = const { RefCell::new(None) };
}

/// This thread's cache, lent to a caller for many lookups (one thread-local access for all).
pub(crate) struct Lemmatizer<'a> {
    dictionary: &'a Dictionary,
    cache: &'a mut LemmaCache,
}

impl Lemmatizer<'_> {
    /// Calls `f` with the (folded, if `fold_lemma`) lemma and part of speech of `word`'s best
    /// analysis.
    #[inline]
    pub(crate) fn lemma<R>(
        &mut self,
        word: &str,
        fold_lemma: bool,
        f: impl FnOnce(&str, Pos) -> R,
    ) -> R {
        if word.len() > MAX_CACHED_WORD_BYTES {
            return uncached(self.dictionary, word, fold_lemma, f);
        }
        match self.cache.slot(self.dictionary, word) {
            Some(slot) => {
                let arena = &self.cache.arena;
                let lemma = if fold_lemma {
                    slot.folded(arena)
                } else {
                    slot.lemma(arena)
                };
                f(lemma, slot.pos())
            }
            None => uncached(self.dictionary, word, fold_lemma, f),
        }
    }
}

/// Runs `f` with this thread's cache for `dictionary`.
///
/// The cache is taken out of its thread-local slot for the call and put back after, so a
/// re-entrant call (from inside `f`) or a call while the thread shuts down works with a
/// fresh cache: slower, same result.
pub(super) fn with_lemmatizer<R>(
    dictionary: &Dictionary,
    f: impl FnOnce(&mut Lemmatizer<'_>) -> R,
) -> R {
    let taken = CACHE.try_with(RefCell::take).ok().flatten();
    let mut cache = match taken {
        Some(cache) => cache,
        // First use on this thread, or a re-entrant call: a fresh cache is as good.
        None => Box::new(LemmaCache::new()),
    };
    if cache.dictionary != dictionary.id {
        cache.clear();
        cache.dictionary = dictionary.id;
    }
    let result = f(&mut Lemmatizer {
        dictionary,
        cache: &mut cache,
    });
    let _ = CACHE.try_with(|cell| cell.replace(Some(cache)));
    result
}

fn uncached<R>(
    dictionary: &Dictionary,
    word: &str,
    fold_lemma: bool,
    f: impl FnOnce(&str, Pos) -> R,
) -> R {
    let (lemma, pos) = Morph::lemma_uncached(dictionary, word);
    if fold_lemma {
        f(&fold(&lemma), pos)
    } else {
        f(&lemma, pos)
    }
}

/// Drops this thread's cache (the next call starts a new one).
pub(super) fn clear_thread_cache() {
    let _ = CACHE.try_with(|cell| cell.replace(None));
}

/// How many words this thread's cache holds (tests).
#[cfg(test)]
pub(super) fn thread_cache_len() -> usize {
    CACHE
        .try_with(|cell| cell.borrow().as_ref().map_or(0, |c| c.table.len()))
        .unwrap_or(0)
}

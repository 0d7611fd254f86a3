//! Snowball Russian stemming with a memo cache.
//!
//! [`Stemmer`] wraps the Snowball Russian algorithm from `rust-stemmers` and adds what
//! real text needs: case and `ё` folding (so it matches current Snowball, which maps
//! `ё`→`е` since 2018), a bounded memo cache (running text is Zipfian, so most calls are a
//! single hash lookup), and a zero-allocation `&str` result.

use std::borrow::Cow;
use std::fmt;
use std::hash::BuildHasher;

use hashbrown::HashTable;

use crate::normalize::fold;

/// Words longer than this many bytes are stemmed but never cached.
///
/// 64 bytes is 32 Cyrillic letters; longer "words" are almost always junk (glued text,
/// base64, long identifiers) that would only crowd the cache.
const MAX_CACHED_WORD_BYTES: usize = 64;

/// Cache capacity used by [`Stemmer::new`] and [`Stemmer::default`].
///
/// 114,688 = 7/8 × 2^17: exactly what a hashbrown table of 2^17 buckets holds before it
/// would double (2^17 × 9 bytes ≈ 1.2 MB of table). It holds all 49k distinct word forms of
/// War and Peace and all 92k of 613k news words (OpenCorpora).
const DEFAULT_CACHE_CAPACITY: usize = 114_688;

/// Larger capacities are lowered to this, so arena offsets fit in a `u32`: an entry takes at
/// most 64 bytes of word and 255 of stem.
const MAX_CACHE_CAPACITY: usize = 1 << 23;

type Hasher = foldhash::fast::RandomState;

/// Where one cached word and its stem sit in the arena: the word at
/// `start..start + word_len`; the stem either a prefix of it (the common case, since
/// Snowball Russian only removes endings) or, when folding changed the word (capitals, `ё`),
/// stored right after it.
#[derive(Clone, Copy)]
struct Slot {
    start: u32,
    word_len: u8,
    stem_len: u8,
    stem_after_word: bool,
}

impl Slot {
    /// Whether this slot holds `word` (a byte comparison: no char-boundary checks).
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
    fn stem(self, arena: &str) -> &str {
        let mut start = self.start as usize;
        if self.stem_after_word {
            start += self.word_len as usize;
        }
        arena
            .get(start..start + self.stem_len as usize)
            .unwrap_or_default()
    }
}

/// A Snowball Russian stemmer with a bounded memo cache.
///
/// [`stem`](Stemmer::stem) folds the word with [`fold`](crate::fold) (lowercase, `ё` → `е`, no stress
/// marks, soft hyphens or zero-width characters) and applies Snowball
/// Russian. The result matches the current Snowball reference on all 49,785 words of its
/// Russian test vocabulary (`rust-stemmers` alone differs on the 112 words with `ё`, because
/// it predates Snowball's 2018 `ё` change).
///
/// # Words that are not Russian
///
/// A word with no Cyrillic letter (`Brussels`, `COVID-19`, `42`) comes back lowercased and
/// otherwise unchanged — exactly what Snowball Russian itself returns for such words, without
/// running it. Words mixing scripts are stemmed as Snowball would stem them.
///
/// # The cache
///
/// Results are remembered per word as given (so `Москва` and `москва` are two entries). The
/// table is hashbrown's `HashTable` of 8-byte slots pointing into one string arena that holds
/// the words side by side: a hit costs memory latency rather than computation, so a small
/// working set is what makes it fast. The hasher is
/// [`foldhash`](https://crates.io/crates/foldhash) (hashbrown's own default): among the
/// fastest for short keys, and seeded per process, so text crafted to collide in the table
/// cannot be prepared in advance, as it can against FxHash's fixed seed.
///
/// Memory is bounded by a simple policy:
/// - at most `capacity` words are cached (114,688 by default: about 1.2 MB of table plus the
///   words, some 4 MB in all when full). When a word is not cached and the cache is full, the
///   whole cache is cleared first and refills with what the text uses now: Zipfian text
///   refills its frequent words within a few hundred tokens, and the policy needs no
///   bookkeeping on the hot path;
/// - words longer than 64 bytes are stemmed but not cached;
/// - [`Stemmer::with_cache_capacity(0)`](Stemmer::with_cache_capacity) disables caching.
///
/// # Threads
///
/// `Stemmer` is `Send + Sync`, and [`Clone`] copies the warm cache, but
/// [`stem`](Stemmer::stem) takes `&mut self`: give each thread its own stemmer (clone one per
/// worker, or keep one in a `thread_local!`). That is faster than one cache shared by all
/// threads: on War and Peace with 2 threads (warm caches, same table layout), per-thread
/// stemmers did 16.6–24.1 M words/s and a 64-shard `RwLock` cache 8.7–13.6 M words/s over
/// three runs (`cargo bench --bench stem -- threads`). Shared reads still write the lock's
/// counter, so the cores fight over those cache lines, and a hit must copy the stem out
/// before the lock is released; every private cache soon holds the same frequent words
/// anyway.
///
/// # Example
///
/// ```
/// let mut stemmer = slovo::Stemmer::new();
/// assert_eq!(stemmer.stem("Европейского"), "европейск");
/// assert_eq!(stemmer.stem("ёлками"), "елк");
/// assert_eq!(stemmer.stem("Brussels"), "brussels");
/// ```
pub struct Stemmer {
    snowball: rust_stemmers::Stemmer,
    /// The cache: slots indexing `arena`, hashed by word. Compact on purpose (8-byte slots,
    /// the words side by side in insertion order, frequent words first): a hit costs memory
    /// latency, not computation, so a small working set is what makes it fast.
    table: HashTable<Slot>,
    arena: String,
    hasher: Hasher,
    capacity: usize,
    /// Holds the result for words that are not cached.
    scratch: String,
}

impl Stemmer {
    /// A stemmer with the default cache capacity (114,688 words, about 4 MB when full).
    ///
    /// ```
    /// let mut stemmer = slovo::Stemmer::new();
    /// assert_eq!(stemmer.stem("книгами"), "книг");
    /// ```
    #[must_use]
    pub fn new() -> Self {
        Self::with_cache_capacity(DEFAULT_CACHE_CAPACITY)
    }

    /// A stemmer that caches at most `capacity` words; `0` disables the cache.
    ///
    /// The cache allocates as it fills, not up front.
    ///
    /// ```
    /// let mut stemmer = slovo::Stemmer::with_cache_capacity(2);
    /// stemmer.stem("дома");
    /// stemmer.stem("домами");
    /// assert_eq!(stemmer.cache_len(), 2);
    /// stemmer.stem("домов"); // the cache was full: it is cleared, then "домов" is cached
    /// assert_eq!(stemmer.cache_len(), 1);
    /// ```
    #[must_use]
    pub fn with_cache_capacity(capacity: usize) -> Self {
        Self {
            snowball: rust_stemmers::Stemmer::create(rust_stemmers::Algorithm::Russian),
            table: HashTable::new(),
            arena: String::new(),
            hasher: Hasher::default(),
            capacity: capacity.min(MAX_CACHE_CAPACITY),
            scratch: String::new(),
        }
    }

    /// The stem of `word`: lowercased, `ё` folded to `е`, Snowball Russian applied.
    ///
    /// `word` should be a single word (a token); the function never fails and never
    /// panics, whatever it is given. The result borrows from the stemmer and is valid until
    /// the next call.
    ///
    /// ```
    /// let mut stemmer = slovo::Stemmer::new();
    /// let words = ["Бегущий", "бежал", "ПОЛЁТЫ", "полетов", "2024"];
    /// let stems: Vec<String> = words.iter().map(|w| stemmer.stem(w).to_owned()).collect();
    /// assert_eq!(stems, ["бегущ", "бежа", "полет", "полет", "2024"]);
    /// ```
    #[inline]
    pub fn stem(&mut self, word: &str) -> &str {
        if word.len() > MAX_CACHED_WORD_BYTES || self.capacity == 0 {
            return self.stem_uncached(word);
        }
        let hash = self.hasher.hash_one(word);
        let arena = &self.arena;
        let found = self.table.find(hash, |slot| slot.holds(arena, word));
        if let Some(&slot) = found {
            return slot.stem(&self.arena);
        }
        self.insert(hash, word)
    }

    /// Stems a word that is not cached, caches it and returns its stem.
    fn insert(&mut self, hash: u64, word: &str) -> &str {
        if self.table.len() >= self.capacity {
            self.table.clear();
            self.arena.clear();
        }
        let stem = stem_folded(&self.snowball, word);
        let stem_after_word = !word.starts_with(&*stem);
        let (Ok(start), Ok(word_len), Ok(stem_len)) = (
            u32::try_from(self.arena.len()),
            u8::try_from(word.len()),
            u8::try_from(stem.len()),
        ) else {
            // Unreachable with the limits above; stay total regardless.
            self.scratch.clear();
            self.scratch.push_str(&stem);
            return &self.scratch;
        };
        self.arena.push_str(word);
        if stem_after_word {
            self.arena.push_str(&stem);
        }
        let slot = Slot {
            start,
            word_len,
            stem_len,
            stem_after_word,
        };
        let (arena, hasher) = (&self.arena, &self.hasher);
        self.table
            .insert_unique(hash, slot, |slot| hasher.hash_one(slot.word(arena)));
        slot.stem(&self.arena)
    }

    fn stem_uncached(&mut self, word: &str) -> &str {
        let stem = stem_folded(&self.snowball, word);
        self.scratch.clear();
        self.scratch.push_str(&stem);
        &self.scratch
    }

    /// The cached stem of `word`, if the cache holds it; never stems.
    ///
    /// Takes `&self`, so a cache shared behind a `RwLock` can be read under a read lock.
    ///
    /// ```
    /// let mut stemmer = slovo::Stemmer::new();
    /// assert_eq!(stemmer.cached("книгами"), None);
    /// stemmer.stem("книгами");
    /// assert_eq!(stemmer.cached("книгами"), Some("книг"));
    /// ```
    #[inline]
    #[must_use]
    pub fn cached(&self, word: &str) -> Option<&str> {
        let hash = self.hasher.hash_one(word);
        let slot = *self
            .table
            .find(hash, |slot| slot.word(&self.arena) == word)?;
        Some(slot.stem(&self.arena))
    }

    /// How many words the cache holds now.
    ///
    /// ```
    /// let mut stemmer = slovo::Stemmer::new();
    /// stemmer.stem("слово");
    /// stemmer.stem("слово");
    /// assert_eq!(stemmer.cache_len(), 1);
    /// ```
    #[must_use]
    pub fn cache_len(&self) -> usize {
        self.table.len()
    }

    /// The most words the cache will hold before it is cleared.
    ///
    /// ```
    /// assert_eq!(slovo::Stemmer::with_cache_capacity(1000).cache_capacity(), 1000);
    /// ```
    #[must_use]
    pub fn cache_capacity(&self) -> usize {
        self.capacity
    }

    /// Forget every cached stem and release the cache's memory.
    ///
    /// ```
    /// let mut stemmer = slovo::Stemmer::new();
    /// stemmer.stem("слово");
    /// stemmer.clear_cache();
    /// assert_eq!(stemmer.cache_len(), 0);
    /// ```
    pub fn clear_cache(&mut self) {
        self.table = HashTable::new();
        self.arena = String::new();
        self.scratch = String::new();
    }
}

impl Default for Stemmer {
    /// Same as [`Stemmer::new`].
    ///
    /// ```
    /// let mut stemmer = slovo::Stemmer::default();
    /// assert_eq!(stemmer.stem("словами"), "слов");
    /// ```
    fn default() -> Self {
        Self::new()
    }
}

impl Clone for Stemmer {
    /// A stemmer with a copy of this one's cache (so a clone per thread starts warm).
    ///
    /// ```
    /// let mut stemmer = slovo::Stemmer::new();
    /// stemmer.stem("слово");
    /// let copy = stemmer.clone();
    /// assert_eq!(copy.cache_len(), 1);
    /// ```
    fn clone(&self) -> Self {
        Self {
            snowball: rust_stemmers::Stemmer::create(rust_stemmers::Algorithm::Russian),
            table: self.table.clone(),
            arena: self.arena.clone(),
            hasher: self.hasher,
            capacity: self.capacity,
            scratch: String::new(),
        }
    }
}

impl fmt::Debug for Stemmer {
    /// Shows the cache's size and capacity, not its contents.
    ///
    /// ```
    /// let s = format!("{:?}", slovo::Stemmer::with_cache_capacity(10));
    /// assert_eq!(s, "Stemmer { algorithm: \"russian\", cache_len: 0, cache_capacity: 10 }");
    /// ```
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Stemmer")
            .field("algorithm", &"russian")
            .field("cache_len", &self.table.len())
            .field("cache_capacity", &self.capacity)
            .finish()
    }
}

/// Fold case and `ё`, then run Snowball Russian if the word has any Cyrillic letter.
fn stem_folded<'w>(snowball: &rust_stemmers::Stemmer, word: &'w str) -> Cow<'w, str> {
    let folded = fold(word);
    // Snowball Russian only changes text after the first Russian vowel, so a word with no
    // Cyrillic letter comes back as it went in; skip the call. U+0400..=U+047F all start
    // with byte D0 or D1 in UTF-8.
    if !folded.bytes().any(|b| b == 0xD0 || b == 0xD1) {
        return folded;
    }
    match folded {
        Cow::Borrowed(w) => snowball.stem(w),
        Cow::Owned(w) => Cow::Owned(snowball.stem(&w).into_owned()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fold_borrows_when_nothing_changes() {
        assert!(matches!(fold("москва"), Cow::Borrowed("москва")));
        assert!(matches!(fold("covid-19"), Cow::Borrowed(_)));
        assert_eq!(fold("ЁЛКА"), "елка");
        assert_eq!(fold("Ёж"), "еж");
        assert_eq!(fold("mixedCASE"), "mixedcase");
        assert_eq!(fold("İ"), "i\u{307}");
    }

    proptest::proptest! {
        /// The byte-level fast path agrees with folding char by char.
        #[test]
        fn fold_matches_the_char_by_char_definition(word in "\\PC{0,16}|[а-яёА-ЯЁa-zA-Z-]{0,16}") {
            let expected: String = word
                .chars()
                .flat_map(char::to_lowercase)
                .map(|c| if c == 'ё' { 'е' } else { c })
                .collect();
            let folded = fold(&word);
            proptest::prop_assert_eq!(&*folded, expected.as_str());
            proptest::prop_assert_eq!(matches!(folded, Cow::Borrowed(_)), expected == word);
        }
    }

    #[test]
    fn long_words_are_not_cached() {
        let mut s = Stemmer::new();
        let long = "превосходительствами".repeat(2);
        assert!(long.len() > MAX_CACHED_WORD_BYTES);
        assert_eq!(s.stem(&long), &long[..long.len() - "ами".len()]);
        assert_eq!(s.cache_len(), 0);
    }

    #[test]
    fn zero_capacity_never_caches() {
        let mut s = Stemmer::with_cache_capacity(0);
        assert_eq!(s.stem("книгами"), "книг");
        assert_eq!(s.cache_len(), 0);
    }

    #[test]
    fn owned_and_prefix_entries_agree() {
        let mut s = Stemmer::new();
        for w in ["Полёты", "полеты", "ПОЛЕТЫ"] {
            assert_eq!(s.stem(w), "полет");
            assert_eq!(s.stem(w), "полет", "second call (cached) for {w}");
        }
    }
}

//! Snowball Russian stemming with a memo cache.
//!
//! [`Stemmer`] wraps the Snowball Russian algorithm from `rust-stemmers` and adds what
//! real text needs: case and `ё` folding (so it matches current Snowball, which maps
//! `ё`→`е` since 2018), a bounded memo cache (running text is Zipfian, so most calls are a
//! single hash lookup), and a zero-allocation `&str` result.

use std::borrow::Cow;
use std::fmt;

use hashbrown::hash_map::RawEntryMut;
use hashbrown::HashMap;

/// Words longer than this many bytes are stemmed but never cached.
///
/// 64 bytes is 32 Cyrillic letters; longer "words" are almost always junk (glued text,
/// base64, long identifiers) that would only crowd the cache.
const MAX_CACHED_WORD_BYTES: usize = 64;

/// Cache capacity used by [`Stemmer::new`] and [`Stemmer::default`].
const DEFAULT_CACHE_CAPACITY: usize = 65_536;

/// A cached stem: either a prefix of the cached word itself (the common case, since
/// Snowball Russian only removes endings) or its own string when folding changed the word.
#[derive(Clone)]
enum CachedStem {
    /// The stem is `word[..len]`.
    Prefix(u32),
    /// The stem is not a prefix of the word as given (it had capitals or `ё`).
    Owned(Box<str>),
}

/// A Snowball Russian stemmer with a bounded memo cache.
///
/// [`stem`](Stemmer::stem) lowercases the word, folds `ё` to `е` and applies Snowball
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
/// Results are remembered per word as given (so `Москва` and `москва` are two entries), with
/// the [`foldhash`](https://crates.io/crates/foldhash) hasher: among the fastest hashers for
/// short keys, and randomly seeded per process, so text crafted to collide in the table
/// cannot be prepared in advance (unlike FxHash, whose seed is fixed).
///
/// Memory is bounded by a simple policy:
/// - at most `capacity` words are cached (65,536 by default, roughly 5 MB); when a new word
///   arrives at a full cache, the whole cache is cleared and refills with what the text
///   uses now. Zipfian text refills its frequent words within a few hundred tokens, and
///   clearing needs no bookkeeping on the hot path;
/// - words longer than 64 bytes are stemmed but not cached;
/// - [`Stemmer::with_cache_capacity(0)`](Stemmer::with_cache_capacity) disables caching.
///
/// # Threads
///
/// `Stemmer` is `Send + Sync` and cheap to [`Clone`] (a clone copies the warm cache), but
/// [`stem`](Stemmer::stem) takes `&mut self`: give each thread its own stemmer (clone one per
/// worker, or keep one in a `thread_local!`). That was measured to be faster than one cache
/// shared between threads behind sharded `RwLock`s (see `BENCHMARKS.md`, section
/// "Stemming"): a private cache needs no locking or reference counting, and each
/// thread's cache holds the same frequent words anyway.
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
    cache: HashMap<Box<str>, CachedStem, foldhash::fast::RandomState>,
    capacity: usize,
    /// Holds the result for words that are not cached.
    scratch: String,
}

impl Stemmer {
    /// A stemmer with the default cache capacity (65,536 words).
    ///
    /// ```
    /// let mut stemmer = slovo::Stemmer::new();
    /// assert_eq!(stemmer.stem("книгами"), "книг");
    /// ```
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
    pub fn with_cache_capacity(capacity: usize) -> Self {
        Self {
            snowball: rust_stemmers::Stemmer::create(rust_stemmers::Algorithm::Russian),
            cache: HashMap::with_hasher(foldhash::fast::RandomState::default()),
            capacity,
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
        if self.cache.len() >= self.capacity {
            self.cache.clear();
        }
        let (key, cached) = match self.cache.raw_entry_mut().from_key(word) {
            RawEntryMut::Occupied(entry) => entry.into_key_value(),
            RawEntryMut::Vacant(entry) => {
                let stem = stem_folded(&self.snowball, word);
                let cached = match u32::try_from(stem.len()) {
                    Ok(len) if word.starts_with(&*stem) => CachedStem::Prefix(len),
                    _ => CachedStem::Owned(stem.into_owned().into_boxed_str()),
                };
                entry.insert(Box::from(word), cached)
            }
        };
        match cached {
            // Prefix lengths are stem lengths checked with `starts_with`, so they fall on
            // a char boundary; `get` keeps this total regardless.
            CachedStem::Prefix(len) => key.get(..*len as usize).unwrap_or(key),
            CachedStem::Owned(stem) => stem,
        }
    }

    fn stem_uncached(&mut self, word: &str) -> &str {
        let stem = stem_folded(&self.snowball, word);
        self.scratch.clear();
        self.scratch.push_str(&stem);
        &self.scratch
    }

    /// How many words the cache holds now.
    ///
    /// ```
    /// let mut stemmer = slovo::Stemmer::new();
    /// stemmer.stem("слово");
    /// stemmer.stem("слово");
    /// assert_eq!(stemmer.cache_len(), 1);
    /// ```
    pub fn cache_len(&self) -> usize {
        self.cache.len()
    }

    /// The most words the cache will hold before it is cleared.
    ///
    /// ```
    /// assert_eq!(slovo::Stemmer::with_cache_capacity(1000).cache_capacity(), 1000);
    /// ```
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
        self.cache = HashMap::with_hasher(*self.cache.hasher());
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
            cache: self.cache.clone(),
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
            .field("cache_len", &self.cache.len())
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

/// Lowercase `word` and map `ё` to `е`; borrows when nothing changes.
///
/// Lowercasing is per character (`char::to_lowercase`); this matches `str::to_lowercase`
/// except for the context-dependent Greek final sigma, which plays no part here.
pub(crate) fn fold(word: &str) -> Cow<'_, str> {
    let Some(first) = word
        .char_indices()
        .find(|&(_, c)| needs_fold(c))
        .map(|(i, _)| i)
    else {
        return Cow::Borrowed(word);
    };
    let (kept, rest) = word.split_at(first);
    let mut out = String::with_capacity(word.len());
    out.push_str(kept);
    for c in rest.chars() {
        for lower in c.to_lowercase() {
            out.push(if lower == 'ё' { 'е' } else { lower });
        }
    }
    Cow::Owned(out)
}

/// Whether `c` changes under lowercasing or `ё`→`е`.
#[inline]
fn needs_fold(c: char) -> bool {
    match c {
        'а'..='я' | 'a'..='z' | '0'..='9' | '-' => false,
        'ё' => true,
        c if c.is_ascii() => c.is_ascii_uppercase(),
        c => {
            let mut lower = c.to_lowercase();
            lower.next() != Some(c) || lower.next().is_some()
        }
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

//! Stop words: an embedded Russian list that users can extend or replace.
//!
//! The Russian list is spaCy's (MIT), corrected and folded by [`scripts/gen_stopwords.py`](https://github.com/slovo-nlp/slovo/blob/main/scripts/gen_stopwords.py)
//! into `src/terms/data/stopwords_ru.txt`; that file's header names the source, its checksum,
//! every change and the licence.

use std::fmt;
use std::path::Path;
use std::sync::{Arc, OnceLock};

use hashbrown::HashSet;
use serde::de::{Deserialize, Deserializer};
use serde::ser::{Serialize, SerializeSeq, Serializer};

use crate::error::Result;
use crate::normalize::fold;

/// The generated Russian list (see [`scripts/gen_stopwords.py`](https://github.com/slovo-nlp/slovo/blob/main/scripts/gen_stopwords.py)).
const RUSSIAN: &str = include_str!("data/stopwords_ru.txt");

type WordSet = HashSet<Box<str>, foldhash::fast::RandomState>;

/// A set of stop words, matched with case and `ё`/`е` folded.
///
/// Words are stored lowercased with `ё` written `е`, and every query is folded the same way,
/// so `Её`, `её` and `ее` all match the entry `ее`.
///
/// A `StopWords` is cheap to clone (the set sits behind an [`Arc`]; changing a clone copies
/// the set first), `Send + Sync`, and serializes with serde as its sorted word list.
///
/// # Example
///
/// ```
/// use slovo::StopWords;
///
/// let mut stop = StopWords::russian();
/// assert!(stop.contains("Её"));
/// assert!(stop.contains("ни"));
/// assert!(!stop.contains("данные")); // a content word, removed from spaCy's list
///
/// stop.extend(["два", "три"]);
/// assert!(stop.contains("Два"));
///
/// let own: StopWords = ["foo", "Bar"].into_iter().collect();
/// assert!(own.contains("BAR") && !own.contains("и"));
/// ```
#[derive(Clone)]
pub struct StopWords {
    words: Arc<WordSet>,
}

impl StopWords {
    /// The embedded Russian list (734 words; spaCy's list, corrected, see the module source).
    ///
    /// The list is parsed once per process; later calls share it.
    ///
    /// ```
    /// let stop = slovo::StopWords::russian();
    /// assert!(stop.contains("и") && stop.contains("которые") && stop.contains("всё"));
    /// assert!(!stop.contains("год"));
    /// ```
    pub fn russian() -> Self {
        static RUSSIAN_SET: OnceLock<StopWords> = OnceLock::new();
        RUSSIAN_SET.get_or_init(|| Self::parse(RUSSIAN)).clone()
    }

    /// A set with no words: nothing is a stop word.
    ///
    /// ```
    /// let stop = slovo::StopWords::empty();
    /// assert!(stop.is_empty() && !stop.contains("и"));
    /// ```
    #[must_use]
    pub fn empty() -> Self {
        Self {
            words: Arc::new(WordSet::default()),
        }
    }

    /// A set of the given words (folded). Empty strings are skipped.
    ///
    /// ```
    /// let stop = slovo::StopWords::from_words(["Ещё", "ну"]);
    /// assert!(stop.contains("еще"));
    /// assert_eq!(stop.len(), 2);
    /// ```
    pub fn from_words<I>(words: I) -> Self
    where
        I: IntoIterator,
        I::Item: AsRef<str>,
    {
        let mut set = Self::empty();
        set.extend(words);
        set
    }

    /// A set read from a word list: words separated by whitespace (one a line is usual);
    /// a line whose first non-blank character is `#` is a comment.
    ///
    /// ```
    /// let stop = slovo::StopWords::parse("# my list\nи да\nнет\n");
    /// assert_eq!(stop.len(), 3);
    /// assert!(stop.contains("нет"));
    /// ```
    pub fn parse(list: &str) -> Self {
        let list = list.strip_prefix('\u{feff}').unwrap_or(list);
        Self::from_words(
            list.lines()
                .filter(|line| !line.trim_start().starts_with('#'))
                .flat_map(str::split_whitespace),
        )
    }

    /// A set read from a UTF-8 file in the format of [`StopWords::parse`].
    ///
    /// # Errors
    ///
    /// [`Error::Io`](crate::Error::Io) if the file cannot be read,
    /// [`Error::InvalidUtf8`](crate::Error::InvalidUtf8) if it is not UTF-8.
    ///
    /// ```
    /// let path = std::env::temp_dir().join("slovo-doctest-stopwords.txt");
    /// std::fs::write(&path, "вообще\nтипа\n").unwrap();
    /// let stop = slovo::StopWords::from_file(&path).unwrap();
    /// assert!(stop.contains("Типа"));
    ///
    /// assert!(slovo::StopWords::from_file("no/such/list.txt").is_err());
    /// ```
    pub fn from_file(path: impl AsRef<Path>) -> Result<Self> {
        crate::input::read::read_text(path).map(|text| Self::parse(&text))
    }

    /// Whether `word` is in the set, with case and `ё`/`е` folded.
    ///
    /// ```
    /// let stop = slovo::StopWords::russian();
    /// assert!(stop.contains("ЕЩЁ") && stop.contains("еще"));
    /// assert!(!stop.contains(""));
    /// ```
    #[inline]
    #[must_use]
    pub fn contains(&self, word: &str) -> bool {
        self.words.contains(&*fold(word))
    }

    /// [`contains`](Self::contains) for a word that is already [folded](fold).
    #[inline]
    pub(crate) fn contains_folded(&self, folded: &str) -> bool {
        self.words.contains(folded)
    }

    /// Add `word` (folded); returns whether it was new. An empty word is not added.
    ///
    /// ```
    /// let mut stop = slovo::StopWords::empty();
    /// assert!(stop.insert("Ёмкость"));
    /// assert!(!stop.insert("емкость"));
    /// assert!(stop.contains("ёмкость"));
    /// ```
    pub fn insert(&mut self, word: &str) -> bool {
        let folded = fold(word);
        if folded.is_empty() || self.words.contains(&*folded) {
            return false;
        }
        Arc::make_mut(&mut self.words).insert(folded.into_owned().into_boxed_str())
    }

    /// Remove `word` (folded); returns whether it was there.
    ///
    /// ```
    /// let mut stop = slovo::StopWords::russian();
    /// assert!(stop.remove("Всё"));
    /// assert!(!stop.contains("все"));
    /// assert!(slovo::StopWords::russian().contains("все")); // the shared list is unchanged
    /// ```
    pub fn remove(&mut self, word: &str) -> bool {
        let folded = fold(word);
        if !self.words.contains(&*folded) {
            return false;
        }
        Arc::make_mut(&mut self.words).remove(&*folded)
    }

    /// How many words the set holds.
    ///
    /// ```
    /// assert_eq!(slovo::StopWords::from_words(["и", "И", "да"]).len(), 2);
    /// ```
    #[must_use]
    pub fn len(&self) -> usize {
        self.words.len()
    }

    /// Whether the set holds no words.
    ///
    /// ```
    /// assert!(slovo::StopWords::empty().is_empty());
    /// assert!(!slovo::StopWords::russian().is_empty());
    /// ```
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.words.is_empty()
    }

    /// The words (folded), in no particular order.
    ///
    /// ```
    /// let stop = slovo::StopWords::from_words(["Её"]);
    /// assert_eq!(stop.iter().collect::<Vec<_>>(), ["ее"]);
    /// ```
    pub fn iter(&self) -> impl Iterator<Item = &str> + '_ {
        self.words.iter().map(|w| &**w)
    }

    /// The words (folded), sorted by code point.
    ///
    /// ```
    /// let stop = slovo::StopWords::from_words(["да", "ах", "Ёж"]);
    /// assert_eq!(stop.to_sorted_vec(), ["ах", "да", "еж"]);
    /// ```
    #[must_use]
    pub fn to_sorted_vec(&self) -> Vec<&str> {
        let mut words: Vec<&str> = self.iter().collect();
        words.sort_unstable();
        words
    }
}

impl Default for StopWords {
    /// The embedded Russian list, as [`StopWords::russian`].
    ///
    /// ```
    /// assert_eq!(slovo::StopWords::default(), slovo::StopWords::russian());
    /// ```
    fn default() -> Self {
        Self::russian()
    }
}

impl PartialEq for StopWords {
    /// Two sets are equal when they hold the same words.
    ///
    /// ```
    /// use slovo::StopWords;
    /// assert_eq!(StopWords::from_words(["Ещё"]), StopWords::from_words(["еще"]));
    /// ```
    fn eq(&self, other: &Self) -> bool {
        Arc::ptr_eq(&self.words, &other.words) || self.words == other.words
    }
}

impl Eq for StopWords {}

impl fmt::Debug for StopWords {
    /// Shows the size only; use [`StopWords::to_sorted_vec`] for the words.
    ///
    /// ```
    /// let s = format!("{:?}", slovo::StopWords::from_words(["да"]));
    /// assert_eq!(s, "StopWords { len: 1 }");
    /// ```
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("StopWords")
            .field("len", &self.len())
            .finish()
    }
}

/// Adds words (folded), skipping empty ones.
///
/// ```
/// let mut stop = slovo::StopWords::empty();
/// stop.extend(["раз", "Два"]);
/// stop.extend(vec![String::from("три")]);
/// assert_eq!(stop.len(), 3);
/// ```
impl<S: AsRef<str>> Extend<S> for StopWords {
    fn extend<I: IntoIterator<Item = S>>(&mut self, words: I) {
        for word in words {
            self.insert(word.as_ref());
        }
    }
}

/// Collects words (folded) into a set.
///
/// ```
/// let stop: slovo::StopWords = "и да нет".split(' ').collect();
/// assert!(stop.contains("Да"));
/// ```
impl<S: AsRef<str>> FromIterator<S> for StopWords {
    fn from_iter<I: IntoIterator<Item = S>>(words: I) -> Self {
        Self::from_words(words)
    }
}

/// Serializes as the sorted list of words.
///
/// ```
/// let stop = slovo::StopWords::from_words(["да", "Ах"]);
/// let json = serde_json::to_string(&stop).unwrap();
/// assert_eq!(json, r#"["ах","да"]"#);
/// ```
impl Serialize for StopWords {
    fn serialize<S: Serializer>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error> {
        let words = self.to_sorted_vec();
        let mut seq = serializer.serialize_seq(Some(words.len()))?;
        for word in words {
            seq.serialize_element(word)?;
        }
        seq.end()
    }
}

/// Deserializes from a list of words (folded on the way in).
///
/// ```
/// let stop: slovo::StopWords = serde_json::from_str(r#"["Ещё", "да"]"#).unwrap();
/// assert!(stop.contains("еще") && stop.len() == 2);
/// ```
impl<'de> Deserialize<'de> for StopWords {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> std::result::Result<Self, D::Error> {
        let words = Vec::<String>::deserialize(deserializer)?;
        Ok(Self::from_words(words))
    }
}

//! The term ↔ column mapping of a fitted vectorizer.

use rustc_hash::FxHashMap;

use crate::error::{Error, Result};

/// Terms in column order, with a fast term → column lookup.
///
/// A fitted [`TfidfVectorizer`](super::TfidfVectorizer) sorts its vocabulary by code point,
/// as scikit-learn does (Rust's `str` order on UTF-8 is code-point order). A vocabulary
/// built with [`Vocabulary::new`] keeps the order it is given, so a scikit-learn
/// `vocabulary_` can be imported column for column.
///
/// Serde writes it as the list of terms in column order.
///
/// # Example
///
/// ```
/// use slovo::tfidf::Vocabulary;
///
/// let vocabulary = Vocabulary::new(["мир", "дом", "кот"])?;
/// assert_eq!(vocabulary.len(), 3);
/// assert_eq!(vocabulary.get("дом"), Some(1));
/// assert_eq!(vocabulary.term(2), Some("кот"));
/// assert_eq!(vocabulary.get("лес"), None);
/// # Ok::<(), slovo::Error>(())
/// ```
#[derive(Debug, Clone, Default)]
pub struct Vocabulary {
    terms: Vec<Box<str>>,
    index: FxHashMap<Box<str>, u32>,
}

impl Vocabulary {
    /// Builds a vocabulary whose column `i` is the `i`-th term given.
    ///
    /// # Errors
    ///
    /// [`Error::InvalidOption`] if a term repeats or there are more than `u32::MAX` terms.
    ///
    /// # Example
    ///
    /// ```
    /// use slovo::tfidf::Vocabulary;
    ///
    /// assert!(Vocabulary::new(["а", "б"]).is_ok());
    /// assert!(Vocabulary::new(["а", "а"]).is_err());
    /// ```
    pub fn new<I, S>(terms: I) -> Result<Self>
    where
        I: IntoIterator<Item = S>,
        S: AsRef<str>,
    {
        let terms: Vec<Box<str>> = terms.into_iter().map(|t| t.as_ref().into()).collect();
        let too_many = || {
            Error::invalid_option(
                "vocabulary",
                format!("{} terms", terms.len()),
                "at most 4294967295 terms",
            )
        };
        let mut index = FxHashMap::default();
        index.reserve(terms.len());
        for (col, term) in terms.iter().enumerate() {
            let col = u32::try_from(col).map_err(|_| too_many())?;
            if index.insert(term.clone(), col).is_some() {
                return Err(Error::invalid_option(
                    "vocabulary",
                    format!("{term:?} (twice)"),
                    "unique terms",
                ));
            }
        }
        Ok(Vocabulary { terms, index })
    }

    /// Builds a vocabulary from terms the caller guarantees to be unique and fewer than 2³².
    pub(crate) fn from_unique(terms: Vec<Box<str>>) -> Self {
        debug_assert!(u32::try_from(terms.len()).is_ok());
        let index = terms
            .iter()
            .enumerate()
            .map(|(col, term)| (term.clone(), col as u32))
            .collect::<FxHashMap<_, _>>();
        debug_assert_eq!(index.len(), terms.len());
        Vocabulary { terms, index }
    }

    /// Number of terms (columns).
    ///
    /// ```
    /// assert_eq!(slovo::tfidf::Vocabulary::new(["а", "б"])?.len(), 2);
    /// # Ok::<(), slovo::Error>(())
    /// ```
    pub fn len(&self) -> usize {
        self.terms.len()
    }

    /// `true` when there are no terms.
    ///
    /// ```
    /// assert!(slovo::tfidf::Vocabulary::default().is_empty());
    /// ```
    pub fn is_empty(&self) -> bool {
        self.terms.is_empty()
    }

    /// The column of `term`, if it is in the vocabulary.
    ///
    /// ```
    /// let vocabulary = slovo::tfidf::Vocabulary::new(["а", "б"])?;
    /// assert_eq!(vocabulary.get("б"), Some(1));
    /// # Ok::<(), slovo::Error>(())
    /// ```
    pub fn get(&self, term: &str) -> Option<usize> {
        self.index.get(term).map(|&c| c as usize)
    }

    /// The column of `term` as stored in [`CsrMatrix::indices`](super::CsrMatrix::indices).
    pub(crate) fn column(&self, term: &str) -> Option<u32> {
        self.index.get(term).copied()
    }

    /// `true` when `term` is in the vocabulary.
    ///
    /// ```
    /// let vocabulary = slovo::tfidf::Vocabulary::new(["а"])?;
    /// assert!(vocabulary.contains("а") && !vocabulary.contains("я"));
    /// # Ok::<(), slovo::Error>(())
    /// ```
    pub fn contains(&self, term: &str) -> bool {
        self.index.contains_key(term)
    }

    /// The term of column `col`, or `None` past the last column.
    ///
    /// ```
    /// let vocabulary = slovo::tfidf::Vocabulary::new(["а", "б"])?;
    /// assert_eq!(vocabulary.term(0), Some("а"));
    /// assert_eq!(vocabulary.term(5), None);
    /// # Ok::<(), slovo::Error>(())
    /// ```
    pub fn term(&self, col: usize) -> Option<&str> {
        self.terms.get(col).map(|t| &**t)
    }

    /// The terms in column order.
    ///
    /// ```
    /// let vocabulary = slovo::tfidf::Vocabulary::new(["б", "а"])?;
    /// assert_eq!(vocabulary.iter().collect::<Vec<_>>(), ["б", "а"]);
    /// # Ok::<(), slovo::Error>(())
    /// ```
    pub fn iter(&self) -> impl ExactSizeIterator<Item = &str> + '_ {
        self.terms.iter().map(|t| &**t)
    }
}

impl PartialEq for Vocabulary {
    fn eq(&self, other: &Self) -> bool {
        self.terms == other.terms
    }
}

impl Eq for Vocabulary {}

impl serde::Serialize for Vocabulary {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(self.iter())
    }
}

impl<'de> serde::Deserialize<'de> for Vocabulary {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let terms = Vec::<String>::deserialize(deserializer)?;
        Vocabulary::new(terms).map_err(serde::de::Error::custom)
    }
}

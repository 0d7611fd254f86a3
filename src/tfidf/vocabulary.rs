//! The term ↔ column mapping of a fitted vectorizer.

use std::fmt;

use super::interner::Interner;
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
#[derive(Clone, Default)]
pub struct Vocabulary {
    /// Term ids are column numbers.
    terms: Interner,
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
        let mut vocabulary = Vocabulary::default();
        for term in terms {
            let term = term.as_ref();
            if vocabulary.len() > u32::MAX as usize {
                return Err(Error::invalid_option(
                    "vocabulary",
                    "more than 4294967296 terms",
                    "at most 4294967296 terms",
                ));
            }
            if !vocabulary.terms.get_or_insert(term).1 {
                return Err(Error::invalid_option(
                    "vocabulary",
                    format!("{term:?} (twice)"),
                    "unique terms",
                ));
            }
        }
        Ok(vocabulary)
    }

    /// Builds a vocabulary from terms the caller guarantees to be unique and fewer than 2³².
    pub(crate) fn from_unique<'a>(
        terms: impl ExactSizeIterator<Item = &'a str>,
        bytes: usize,
    ) -> Self {
        let mut interner = Interner::with_capacity(terms.len(), bytes);
        for term in terms {
            let (_, added) = interner.get_or_insert(term);
            debug_assert!(added, "{term:?} repeated");
        }
        Vocabulary { terms: interner }
    }

    /// Number of terms (columns).
    ///
    /// ```
    /// assert_eq!(slovo::tfidf::Vocabulary::new(["а", "б"])?.len(), 2);
    /// # Ok::<(), slovo::Error>(())
    /// ```
    #[must_use]
    pub fn len(&self) -> usize {
        self.terms.len()
    }

    /// `true` when there are no terms.
    ///
    /// ```
    /// assert!(slovo::tfidf::Vocabulary::default().is_empty());
    /// ```
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.terms.len() == 0
    }

    /// The column of `term`, if it is in the vocabulary.
    ///
    /// ```
    /// let vocabulary = slovo::tfidf::Vocabulary::new(["а", "б"])?;
    /// assert_eq!(vocabulary.get("б"), Some(1));
    /// # Ok::<(), slovo::Error>(())
    /// ```
    #[must_use]
    pub fn get(&self, term: &str) -> Option<usize> {
        self.terms.get(term).map(|c| c as usize)
    }

    /// The column of `term` as stored in [`CsrMatrix::indices`](super::CsrMatrix::indices).
    pub(crate) fn column(&self, term: &str) -> Option<u32> {
        self.terms.get(term)
    }

    /// `true` when `term` is in the vocabulary.
    ///
    /// ```
    /// let vocabulary = slovo::tfidf::Vocabulary::new(["а"])?;
    /// assert!(vocabulary.contains("а") && !vocabulary.contains("я"));
    /// # Ok::<(), slovo::Error>(())
    /// ```
    #[must_use]
    pub fn contains(&self, term: &str) -> bool {
        self.terms.get(term).is_some()
    }

    /// The term of column `col`, or `None` past the last column.
    ///
    /// ```
    /// let vocabulary = slovo::tfidf::Vocabulary::new(["а", "б"])?;
    /// assert_eq!(vocabulary.term(0), Some("а"));
    /// assert_eq!(vocabulary.term(5), None);
    /// # Ok::<(), slovo::Error>(())
    /// ```
    #[must_use]
    pub fn term(&self, col: usize) -> Option<&str> {
        u32::try_from(col)
            .ok()
            .filter(|&c| (c as usize) < self.len())
            .map(|c| self.terms.term(c))
    }

    /// The terms in column order.
    ///
    /// ```
    /// let vocabulary = slovo::tfidf::Vocabulary::new(["б", "а"])?;
    /// assert_eq!(vocabulary.iter().collect::<Vec<_>>(), ["б", "а"]);
    /// # Ok::<(), slovo::Error>(())
    /// ```
    #[must_use]
    pub fn iter(&self) -> impl ExactSizeIterator<Item = &str> + '_ {
        self.terms.iter().map(|(_, term)| term)
    }
}

impl PartialEq for Vocabulary {
    fn eq(&self, other: &Self) -> bool {
        self.len() == other.len() && self.iter().eq(other.iter())
    }
}

impl fmt::Debug for Vocabulary {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_list().entries(self.iter()).finish()
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

//! Options of [`TfidfVectorizer`](super::TfidfVectorizer), named and defaulted like
//! scikit-learn's `TfidfVectorizer`.

use std::fmt;
use std::str::FromStr;

use crate::error::{Error, Result};

/// A document-frequency bound for `min_df` / `max_df`: an absolute number of documents or
/// a proportion of the corpus (scikit-learn's `int` vs `float`).
///
/// Parsed from strings the scikit-learn way: digits only → [`Count`](DfBound::Count),
/// anything with a `.` or exponent → [`Proportion`](DfBound::Proportion).
///
/// # Example
///
/// ```
/// use slovo::tfidf::DfBound;
///
/// assert_eq!("2".parse::<DfBound>()?, DfBound::Count(2));
/// assert_eq!("0.5".parse::<DfBound>()?, DfBound::Proportion(0.5));
/// assert_eq!("1.0".parse::<DfBound>()?, DfBound::Proportion(1.0));
/// assert!("1.5".parse::<DfBound>().is_err());
/// # Ok::<(), slovo::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
#[non_exhaustive]
pub enum DfBound {
    /// At least / at most this many documents.
    Count(u64),
    /// At least / at most this share of the documents, in `[0, 1]`.
    Proportion(f64),
}

impl DfBound {
    /// The bound as a document count for a corpus of `n_docs` documents (a proportion is
    /// multiplied out, unrounded, as scikit-learn does).
    ///
    /// ```
    /// use slovo::tfidf::DfBound;
    ///
    /// assert_eq!(DfBound::Proportion(0.5).resolve(5), 2.5);
    /// assert_eq!(DfBound::Count(3).resolve(5), 3.0);
    /// ```
    #[must_use]
    pub fn resolve(self, n_docs: u64) -> f64 {
        match self {
            DfBound::Count(c) => c as f64,
            DfBound::Proportion(p) => p * n_docs as f64,
        }
    }

    fn check(self, name: &str) -> Result<()> {
        match self {
            DfBound::Proportion(p) if !(0.0..=1.0).contains(&p) => Err(Error::invalid_option(
                name,
                p.to_string(),
                "a document count or a proportion in [0, 1]",
            )),
            _ => Ok(()),
        }
    }
}

impl fmt::Display for DfBound {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DfBound::Count(c) => write!(f, "{c}"),
            DfBound::Proportion(p) => write!(f, "{p:?}"),
        }
    }
}

impl FromStr for DfBound {
    type Err = Error;

    fn from_str(s: &str) -> Result<Self> {
        let s = s.trim();
        let bad = || {
            Error::invalid_option(
                "df bound",
                s,
                "a document count (2) or a proportion in [0, 1] (0.5)",
            )
        };
        let bound = if s.bytes().all(|b| b.is_ascii_digit()) {
            DfBound::Count(s.parse().map_err(|_| bad())?)
        } else {
            DfBound::Proportion(s.parse().map_err(|_| bad())?)
        };
        bound.check("df bound").map_err(|_| bad())?;
        Ok(bound)
    }
}

/// Row normalization of the output (scikit-learn's `norm`). All-zero rows stay zero.
///
/// # Example
///
/// ```
/// use slovo::tfidf::Norm;
///
/// assert_eq!(Norm::default(), Norm::L2);
/// assert_eq!("l1".parse::<Norm>()?, Norm::L1);
/// assert_eq!("none".parse::<Norm>()?, Norm::None);
/// assert_eq!(Norm::L2.to_string(), "l2");
/// # Ok::<(), slovo::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
#[non_exhaustive]
pub enum Norm {
    /// Euclidean: the squares of each row sum to 1.
    #[default]
    L2,
    /// Manhattan: the absolute values of each row sum to 1.
    L1,
    /// No normalization.
    None,
}

impl Norm {
    /// The option's spelling: `"l2"`, `"l1"` or `"none"`.
    ///
    /// ```
    /// assert_eq!(slovo::tfidf::Norm::None.as_str(), "none");
    /// ```
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Norm::L2 => "l2",
            Norm::L1 => "l1",
            Norm::None => "none",
        }
    }
}

impl fmt::Display for Norm {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Norm {
    type Err = Error;

    fn from_str(s: &str) -> Result<Self> {
        match s.trim().to_ascii_lowercase().as_str() {
            "l2" => Ok(Norm::L2),
            "l1" => Ok(Norm::L1),
            "none" => Ok(Norm::None),
            _ => Err(Error::invalid_option("norm", s, "l2, l1 or none")),
        }
    }
}

/// Options of a [`TfidfVectorizer`](super::TfidfVectorizer), as saved with a model
/// ([`TfidfVectorizer::config`](super::TfidfVectorizer::config)). The defaults are
/// scikit-learn's. Plain data: `{}` loads as the defaults (`#[serde(default)]`), and
/// [`TfidfVectorizerBuilder::from`](super::TfidfVectorizerBuilder) turns a config back
/// into a builder, whose `build` validates it.
///
/// # Example
///
/// ```
/// use slovo::tfidf::{DfBound, Norm, TfidfConfig, TfidfVectorizerBuilder};
///
/// let default: TfidfConfig = serde_json::from_str("{}").unwrap();
/// assert_eq!(default, TfidfConfig::default());
///
/// let mut config = TfidfConfig::default();
/// config.ngram_range = (1, 2);
/// config.min_df = DfBound::Count(2);
/// config.max_df = DfBound::Proportion(0.9);
/// config.sublinear_tf = true;
/// config.norm = Norm::L1;
/// config.stop_words = vec!["и".into(), "в".into()];
/// assert!(config.validate().is_ok());
///
/// let vectorizer = TfidfVectorizerBuilder::from(config.clone()).build()?;
/// assert_eq!(vectorizer.config(), &config);
///
/// config.ngram_range = (2, 1);
/// assert!(config.validate().is_err());
/// # Ok::<(), slovo::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
#[serde(default)]
#[non_exhaustive]
pub struct TfidfConfig {
    /// `(min_n, max_n)`: features are all n-grams of terms with `min_n <= n <= max_n`,
    /// their terms joined by one space (`"красный кот"`). Default `(1, 1)`.
    pub ngram_range: (usize, usize),
    /// Drop features found in fewer documents than this. Default `Count(1)`.
    pub min_df: DfBound,
    /// Drop features found in more documents than this. Default `Proportion(1.0)`.
    pub max_df: DfBound,
    /// Keep only this many features, the most frequent by total count over the corpus
    /// (after `min_df`/`max_df`). Ties at the cut go to the term that sorts first
    /// (scikit-learn's choice there depends on an unstable sort). Default `None`.
    pub max_features: Option<usize>,
    /// Use `1 + ln(tf)` instead of the raw count `tf`. Default `false`.
    pub sublinear_tf: bool,
    /// Add one to document counts, as if one extra document held every term:
    /// `idf = ln((n + 1) / (df + 1)) + 1` instead of `ln(n / df) + 1`. Default `true`.
    pub smooth_idf: bool,
    /// Multiply by idf; without it the output is (normalized) term frequency. Default `true`.
    pub use_idf: bool,
    /// Row normalization. Default [`Norm::L2`].
    pub norm: Norm,
    /// Terms removed before n-grams are formed (as scikit-learn does for word analyzers),
    /// compared exactly with the analyzer's output. Default empty.
    pub stop_words: Vec<String>,
    /// Count each feature at most once per document (scikit-learn's `binary`): the tf is
    /// 1 wherever it is not 0, before `sublinear_tf`, idf and normalization. Default
    /// `false`. (Saved models carry it outside the config: it is not serialized here, so
    /// configs and models of earlier versions keep their format.)
    #[serde(skip)]
    pub binary: bool,
}

impl Default for TfidfConfig {
    fn default() -> Self {
        TfidfConfig {
            ngram_range: (1, 1),
            min_df: DfBound::Count(1),
            max_df: DfBound::Proportion(1.0),
            max_features: None,
            sublinear_tf: false,
            smooth_idf: true,
            use_idf: true,
            norm: Norm::L2,
            stop_words: Vec::new(),
            binary: false,
        }
    }
}

impl TfidfConfig {
    /// Checks the options on their own (bounds that depend on the corpus size, a count
    /// against a proportion, are checked when fitting).
    ///
    /// # Errors
    ///
    /// [`Error::InvalidOption`] for `ngram_range` without `1 <= min_n <= max_n`, a
    /// proportion outside `[0, 1]`, `min_df` above `max_df` (same kind), `max_features = 0`.
    ///
    /// ```
    /// use slovo::tfidf::{DfBound, TfidfConfig};
    ///
    /// let mut config = TfidfConfig::default();
    /// config.min_df = DfBound::Count(5);
    /// config.max_df = DfBound::Count(2);
    /// let err = config.validate().unwrap_err();
    /// assert!(err.to_string().contains("min_df"));
    /// ```
    pub fn validate(&self) -> Result<()> {
        let (min_n, max_n) = self.ngram_range;
        if min_n == 0 || min_n > max_n {
            return Err(Error::invalid_option(
                "ngram_range",
                format!("({min_n}, {max_n})"),
                "(min_n, max_n) with 1 <= min_n <= max_n",
            ));
        }
        self.min_df.check("min_df")?;
        self.max_df.check("max_df")?;
        let inverted = match (self.min_df, self.max_df) {
            (DfBound::Count(lo), DfBound::Count(hi)) => lo > hi,
            (DfBound::Proportion(lo), DfBound::Proportion(hi)) => lo > hi,
            _ => false,
        };
        if inverted {
            return Err(Error::invalid_option(
                "min_df",
                self.min_df.to_string(),
                format!("at most max_df ({})", self.max_df),
            ));
        }
        if self.max_features == Some(0) {
            return Err(Error::invalid_option(
                "max_features",
                "0",
                "at least 1, or none for no limit",
            ));
        }
        Ok(())
    }
}

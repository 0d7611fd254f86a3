//! The hashing trick, as scikit-learn's `HashingVectorizer`: no vocabulary, each feature's
//! column is its MurmurHash3.

use std::fmt;
use std::sync::Arc;

use rustc_hash::FxHashSet;

use super::analyzer::TermAnalyzer;
use super::csr::CsrMatrix;
use super::options::Norm;
use crate::error::{Error, Result};
use crate::terms::analyze::Analyzer;

/// MurmurHash3 (x86, 32-bit) of `key`, as a signed integer: scikit-learn's
/// `murmurhash3_32(key, seed, positive=False)` (a `str` key is hashed as its UTF-8 bytes).
///
/// ```
/// use slovo::tfidf::murmurhash3_32;
///
/// // Values from scikit-learn's tests.
/// assert_eq!(murmurhash3_32(b"foo", 0), -156908512);
/// assert_eq!(murmurhash3_32(b"foo", 42), -1322301282);
/// ```
#[must_use]
pub fn murmurhash3_32(key: &[u8], seed: u32) -> i32 {
    const C1: u32 = 0xcc9e_2d51;
    const C2: u32 = 0x1b87_3593;
    let mut h = seed;
    let mut blocks = key.chunks_exact(4);
    for block in &mut blocks {
        let mut k = u32::from_le_bytes([block[0], block[1], block[2], block[3]]);
        k = k.wrapping_mul(C1).rotate_left(15).wrapping_mul(C2);
        h ^= k;
        h = h.rotate_left(13).wrapping_mul(5).wrapping_add(0xe654_6b64);
    }
    let tail = blocks.remainder();
    let mut k: u32 = 0;
    for (i, &b) in tail.iter().enumerate() {
        k ^= u32::from(b) << (8 * i);
    }
    if !tail.is_empty() {
        k = k.wrapping_mul(C1).rotate_left(15).wrapping_mul(C2);
        h ^= k;
    }
    h ^= key.len() as u32;
    h ^= h >> 16;
    h = h.wrapping_mul(0x85eb_ca6b);
    h ^= h >> 13;
    h = h.wrapping_mul(0xc2b2_ae35);
    h ^= h >> 16;
    h as i32
}

/// The longest n-gram a [`HashingVectorizer`] forms, in terms.
pub(crate) const MAX_NGRAM: usize = 64;

/// The column and sign scikit-learn's `FeatureHasher` gives a feature with hash `h`.
fn column_and_sign(h: i32, n_features: u32, alternate_sign: bool) -> (u32, f64) {
    let n = i64::from(n_features);
    let column = if h == i32::MIN {
        (i64::from(i32::MAX) - (n - 1)).rem_euclid(n)
    } else {
        i64::from(h).abs() % n
    };
    let sign = if alternate_sign && h < 0 { -1.0 } else { 1.0 };
    (column as u32, sign)
}

/// Options of a [`HashingVectorizer`], named and defaulted as scikit-learn's.
///
/// ```
/// let config = slovo::tfidf::HashingConfig::default();
/// assert_eq!(config.n_features, 1 << 20);
/// assert!(config.alternate_sign);
/// ```
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
#[serde(default)]
#[non_exhaustive]
pub struct HashingConfig {
    /// Columns of the output. Default 2²⁰.
    pub n_features: u32,
    /// Give features whose hash is negative the value −1 instead of 1, so that collisions
    /// tend to cancel out. Default `true`.
    pub alternate_sign: bool,
    /// Every stored value becomes 1 before normalization. Default `false`.
    pub binary: bool,
    /// Row normalization. Default [`Norm::L2`].
    pub norm: Norm,
    /// Word n-grams of the analyzer's terms (joined by one space). Default `(1, 1)`.
    pub ngram_range: (usize, usize),
    /// Terms removed before n-grams are formed, compared exactly. Default empty.
    pub stop_words: Vec<String>,
}

impl Default for HashingConfig {
    fn default() -> Self {
        HashingConfig {
            n_features: 1 << 20,
            alternate_sign: true,
            binary: false,
            norm: Norm::L2,
            ngram_range: (1, 1),
            stop_words: Vec::new(),
        }
    }
}

/// scikit-learn's `HashingVectorizer`: each feature (term or n-gram of terms) goes to
/// column `|murmurhash3_32(feature, 0)| % n_features`, counted with the hash's sign when
/// `alternate_sign`; stateless, so there is nothing to fit. With the same features it
/// gives scikit-learn's matrix: the same columns, values and explicit zeros (where
/// opposite signs cancel).
///
/// # Example
///
/// ```
/// use slovo::tfidf::{FeatureAnalyzer, HashingVectorizer, Norm};
///
/// let vectorizer = HashingVectorizer::builder()
///     .n_features(16)
///     .alternate_sign(false)
///     .norm(Norm::None)
///     .analyzer(FeatureAnalyzer::new())
///     .build()?;
/// let matrix = vectorizer.transform(&["кот кот пёс"]);
/// assert_eq!(matrix.data().iter().sum::<f64>(), 3.0);
/// # Ok::<(), slovo::Error>(())
/// ```
#[derive(Clone)]
pub struct HashingVectorizer {
    config: HashingConfig,
    analyzer: Arc<dyn TermAnalyzer>,
    stop_words: FxHashSet<Box<str>>,
}

impl fmt::Debug for HashingVectorizer {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("HashingVectorizer")
            .field("config", &self.config)
            .finish_non_exhaustive()
    }
}

/// Builds a [`HashingVectorizer`]; see [`HashingVectorizer::builder`]. Starts from
/// scikit-learn's defaults and slovo's [`Analyzer`]; `From<HashingConfig>` starts from a
/// saved configuration.
///
/// ```
/// use slovo::tfidf::{FeatureAnalyzer, HashingVectorizer, Norm};
///
/// let vectorizer = HashingVectorizer::builder()
///     .n_features(16)
///     .alternate_sign(false)
///     .norm(Norm::None)
///     .analyzer(FeatureAnalyzer::new())
///     .build()?;
/// assert_eq!(vectorizer.transform(&["кот кот пёс"]).data().iter().sum::<f64>(), 3.0);
/// assert!(HashingVectorizer::builder().n_features(0).build().is_err());
/// # Ok::<(), slovo::Error>(())
/// ```
#[derive(Clone, Default)]
#[must_use]
pub struct HashingVectorizerBuilder {
    config: HashingConfig,
    /// `None`: slovo's default [`Analyzer`].
    analyzer: Option<Arc<dyn TermAnalyzer>>,
}

impl fmt::Debug for HashingVectorizerBuilder {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("HashingVectorizerBuilder")
            .field("config", &self.config)
            .field("custom_analyzer", &self.analyzer.is_some())
            .finish()
    }
}

impl From<HashingConfig> for HashingVectorizerBuilder {
    fn from(config: HashingConfig) -> Self {
        HashingVectorizerBuilder {
            config,
            analyzer: None,
        }
    }
}

impl HashingVectorizerBuilder {
    /// Columns of the output, `1 ..= 2³¹ − 1` (default 2²⁰).
    ///
    /// ```
    /// let v = slovo::tfidf::HashingVectorizer::builder().n_features(8).build()?;
    /// assert_eq!(v.transform(&["кот"]).shape(), (1, 8));
    /// # Ok::<(), slovo::Error>(())
    /// ```
    pub fn n_features(mut self, n: u32) -> Self {
        self.config.n_features = n;
        self
    }

    /// Sign features by their hash so that collisions tend to cancel (default `true`).
    ///
    /// ```
    /// let v = slovo::tfidf::HashingVectorizer::builder().alternate_sign(false).build()?;
    /// assert!(!v.config().alternate_sign);
    /// # Ok::<(), slovo::Error>(())
    /// ```
    pub fn alternate_sign(mut self, on: bool) -> Self {
        self.config.alternate_sign = on;
        self
    }

    /// Every stored value becomes 1 before normalization (default `false`).
    ///
    /// ```
    /// let v = slovo::tfidf::HashingVectorizer::builder().binary(true).build()?;
    /// assert!(v.config().binary);
    /// # Ok::<(), slovo::Error>(())
    /// ```
    pub fn binary(mut self, on: bool) -> Self {
        self.config.binary = on;
        self
    }

    /// Row normalization (default [`Norm::L2`]).
    ///
    /// ```
    /// use slovo::tfidf::{HashingVectorizer, Norm};
    /// let v = HashingVectorizer::builder().norm(Norm::L1).build()?;
    /// assert_eq!(v.config().norm, Norm::L1);
    /// # Ok::<(), slovo::Error>(())
    /// ```
    pub fn norm(mut self, norm: Norm) -> Self {
        self.config.norm = norm;
        self
    }

    /// Word n-grams of the analyzer's terms, `1 <= min_n <= max_n` (default `(1, 1)`).
    ///
    /// ```
    /// let v = slovo::tfidf::HashingVectorizer::builder().ngram_range(1, 2).build()?;
    /// assert_eq!(v.transform(&["Кошки спят"]).nnz(), 3);
    /// # Ok::<(), slovo::Error>(())
    /// ```
    pub fn ngram_range(mut self, min_n: usize, max_n: usize) -> Self {
        self.config.ngram_range = (min_n, max_n);
        self
    }

    /// Terms removed before n-grams are formed, compared exactly (default none).
    ///
    /// ```
    /// let v = slovo::tfidf::HashingVectorizer::builder().stop_words(["кошк"]).build()?;
    /// assert_eq!(v.transform(&["Кошки спят"]).nnz(), 1);
    /// # Ok::<(), slovo::Error>(())
    /// ```
    pub fn stop_words(mut self, words: impl IntoIterator<Item = impl Into<String>>) -> Self {
        self.config.stop_words = words.into_iter().map(Into::into).collect();
        self
    }

    /// What turns text into terms (default slovo's [`Analyzer::default`]).
    ///
    /// ```
    /// let chars = |t: &str| t.chars().map(String::from).collect::<Vec<_>>();
    /// let v = slovo::tfidf::HashingVectorizer::builder().analyzer(chars).build()?;
    /// assert_eq!(v.transform(&["аба"]).nnz(), 2);
    /// # Ok::<(), slovo::Error>(())
    /// ```
    pub fn analyzer(mut self, analyzer: impl TermAnalyzer + 'static) -> Self {
        self.analyzer = Some(Arc::new(analyzer));
        self
    }

    /// The vectorizer.
    ///
    /// # Errors
    ///
    /// [`Error::InvalidOption`] for `n_features` 0 or above `i32::MAX`, or `ngram_range`
    /// without `1 <= min_n <= max_n <= 64`. Without a vocabulary to bound them, n-grams of
    /// up to `max_n` terms are formed at every position, so `max_n` bounds the work per
    /// term; a configuration (or a pickle) with `(1, 10⁹)` would otherwise make the work
    /// grow with the cube of the document.
    ///
    /// ```
    /// assert!(slovo::tfidf::HashingVectorizer::builder().ngram_range(2, 1).build().is_err());
    /// ```
    pub fn build(self) -> Result<HashingVectorizer> {
        let config = self.config;
        let analyzer = self
            .analyzer
            .unwrap_or_else(|| Arc::new(Analyzer::default()));
        if config.n_features == 0 || config.n_features > i32::MAX as u32 {
            return Err(Error::invalid_option(
                "n_features",
                config.n_features.to_string(),
                "1 ..= 2147483647",
            ));
        }
        let (min_n, max_n) = config.ngram_range;
        if min_n == 0 || min_n > max_n || max_n > MAX_NGRAM {
            return Err(Error::invalid_option(
                "ngram_range",
                format!("({min_n}, {max_n})"),
                format!("(min_n, max_n) with 1 <= min_n <= max_n <= {MAX_NGRAM}"),
            ));
        }
        let stop_words = config
            .stop_words
            .iter()
            .map(|w| w.as_str().into())
            .collect();
        Ok(HashingVectorizer {
            config,
            analyzer,
            stop_words,
        })
    }
}

impl Default for HashingVectorizer {
    fn default() -> Self {
        HashingVectorizer::new()
    }
}

impl HashingVectorizer {
    /// scikit-learn's defaults with slovo's default [`Analyzer`].
    ///
    /// ```
    /// let vectorizer = slovo::tfidf::HashingVectorizer::new();
    /// assert_eq!(vectorizer.transform(&["Кошки спят"]).nnz(), 2);
    /// ```
    #[must_use]
    pub fn new() -> Self {
        HashingVectorizer {
            config: HashingConfig::default(),
            analyzer: Arc::new(Analyzer::default()),
            stop_words: FxHashSet::default(),
        }
    }

    /// Starts from the defaults and changes what you name; see [`HashingVectorizerBuilder`].
    ///
    /// ```
    /// let v = slovo::tfidf::HashingVectorizer::builder().n_features(1024).build()?;
    /// assert_eq!(v.config().n_features, 1024);
    /// # Ok::<(), slovo::Error>(())
    /// ```
    pub fn builder() -> HashingVectorizerBuilder {
        HashingVectorizerBuilder::default()
    }

    /// A builder preset to this vectorizer's options and analyzer.
    ///
    /// ```
    /// let a = slovo::tfidf::HashingVectorizer::builder().n_features(64).build()?;
    /// let b = a.to_builder().binary(true).build()?;
    /// assert_eq!((b.config().n_features, b.config().binary), (64, true));
    /// # Ok::<(), slovo::Error>(())
    /// ```
    pub fn to_builder(&self) -> HashingVectorizerBuilder {
        HashingVectorizerBuilder {
            config: self.config.clone(),
            analyzer: Some(Arc::clone(&self.analyzer)),
        }
    }

    /// The options.
    ///
    /// ```
    /// let vectorizer = slovo::tfidf::HashingVectorizer::new();
    /// assert_eq!(vectorizer.config().n_features, 1 << 20);
    /// # Ok::<(), slovo::Error>(())
    /// ```
    #[must_use]
    pub fn config(&self) -> &HashingConfig {
        &self.config
    }

    /// The hashed rows of `docs` (text).
    ///
    /// ```
    /// let vectorizer = slovo::tfidf::HashingVectorizer::new();
    /// let matrix = vectorizer.transform(&["кот", "пёс и кот"]);
    /// assert_eq!(matrix.shape(), (2, 1 << 20));
    /// # Ok::<(), slovo::Error>(())
    /// ```
    #[must_use]
    pub fn transform<S: AsRef<str> + Sync>(&self, docs: &[S]) -> CsrMatrix {
        self.build(docs.len(), |i, gram, f| {
            let mut arena = String::new();
            let mut ends = Vec::new();
            let analyzer = &self.analyzer;
            let mut keep = |t: &str| {
                if !self.is_stop_word(t) {
                    arena.push_str(t);
                    ends.push(arena.len());
                }
            };
            match analyzer.as_analyzer() {
                Some(a) => a.for_each_term(docs[i].as_ref(), |t, _| keep(t)),
                None => analyzer.analyze(docs[i].as_ref(), &mut keep),
            }
            let mut start = 0;
            let split: Vec<&str> = ends
                .iter()
                .map(|&end| {
                    let t = &arena[start..end];
                    start = end;
                    t
                })
                .collect();
            self.for_each_ngram(&split, gram, f);
        })
    }

    /// The hashed rows of documents already turned into terms (stop words are still
    /// removed and n-grams formed).
    ///
    /// ```
    /// let vectorizer = slovo::tfidf::HashingVectorizer::new();
    /// let matrix = vectorizer.transform_terms(&[["кот", "кот"]]);
    /// assert_eq!(matrix.nnz(), 1);
    /// # Ok::<(), slovo::Error>(())
    /// ```
    #[must_use]
    pub fn transform_terms<D, T>(&self, docs: &[D]) -> CsrMatrix
    where
        D: AsRef<[T]>,
        T: AsRef<str>,
    {
        self.build(docs.len(), |i, gram, f| {
            let terms: Vec<&str> = (docs[i].as_ref().iter())
                .map(AsRef::as_ref)
                .filter(|t| !self.is_stop_word(t))
                .collect();
            self.for_each_ngram(&terms, gram, f);
        })
    }

    /// Calls `f` with each feature of `text` in order (terms without stop words, combined
    /// into n-grams): what [`transform`](Self::transform) hashes.
    ///
    /// ```
    /// let vectorizer = slovo::tfidf::HashingVectorizer::new();
    /// let mut features = Vec::new();
    /// vectorizer.for_each_feature("Кошки спят", |f| features.push(f.to_owned()));
    /// assert_eq!(features, ["кошк", "спят"]);
    /// # Ok::<(), slovo::Error>(())
    /// ```
    pub fn for_each_feature<F: FnMut(&str)>(&self, text: &str, mut f: F) {
        let mut terms = Vec::new();
        let mut keep = |t: &str| {
            if !self.is_stop_word(t) {
                terms.push(t.to_owned());
            }
        };
        match self.analyzer.as_analyzer() {
            Some(a) => a.for_each_term(text, |t, _| keep(t)),
            None => self.analyzer.analyze(text, &mut keep),
        }
        let terms: Vec<&str> = terms.iter().map(String::as_str).collect();
        self.for_each_ngram(&terms, &mut String::new(), &mut f);
    }

    fn is_stop_word(&self, term: &str) -> bool {
        !self.stop_words.is_empty() && self.stop_words.contains(term)
    }

    fn for_each_ngram(&self, terms: &[&str], gram: &mut String, f: &mut dyn FnMut(&str)) {
        let (min_n, max_n) = self.config.ngram_range;
        if min_n <= 1 {
            terms.iter().for_each(|t| f(t));
        }
        for n in min_n.max(2)..=max_n.min(terms.len()) {
            for window in terms.windows(n) {
                gram.clear();
                gram.push_str(window[0]);
                for term in &window[1..] {
                    gram.push(' ');
                    gram.push_str(term);
                }
                f(gram);
            }
        }
    }

    /// Rows from `features(i, scratch, sink)`, which passes document `i`'s features.
    fn build<F>(&self, n_docs: usize, mut features: F) -> CsrMatrix
    where
        F: FnMut(usize, &mut String, &mut dyn FnMut(&str)),
    {
        let HashingConfig {
            n_features,
            alternate_sign,
            binary,
            norm,
            ..
        } = self.config;
        let mut indptr = Vec::with_capacity(n_docs + 1);
        let mut indices: Vec<u32> = Vec::new();
        let mut data: Vec<f64> = Vec::new();
        let mut row: Vec<(u32, f64)> = Vec::new();
        let mut gram = String::new();
        indptr.push(0);
        for i in 0..n_docs {
            row.clear();
            features(i, &mut gram, &mut |feature| {
                let h = murmurhash3_32(feature.as_bytes(), 0);
                row.push(column_and_sign(h, n_features, alternate_sign));
            });
            // Stable: equal columns keep their order, so sums add in scikit-learn's order.
            row.sort_by_key(|&(col, _)| col);
            let start = data.len();
            for run in row.chunk_by(|a, b| a.0 == b.0) {
                indices.push(run[0].0);
                data.push(run.iter().map(|&(_, v)| v).sum());
            }
            let values = &mut data[start..];
            if binary {
                values.iter_mut().for_each(|v| *v = 1.0);
            }
            normalize(values, norm);
            indptr.push(data.len());
        }
        CsrMatrix::from_parts_unchecked(n_features as usize, indptr, indices, data)
    }
}

/// Divides `values` by their norm (nothing for a zero norm), as scikit-learn's `normalize`.
pub(crate) fn normalize(values: &mut [f64], norm: Norm) {
    let total = match norm {
        Norm::None => return,
        Norm::L2 => values.iter().map(|v| v * v).sum::<f64>().sqrt(),
        Norm::L1 => values.iter().map(|v| v.abs()).sum::<f64>(),
    };
    if total != 0.0 {
        values.iter_mut().for_each(|v| *v /= total);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Reference values from scikit-learn's `murmurhash3_32` (positive=False).
    #[test]
    fn murmurhash_matches_scikit_learn() {
        assert_eq!(murmurhash3_32(b"", 0), 0);
        assert_eq!(murmurhash3_32(b"foo", 0), -156908512);
        assert_eq!(murmurhash3_32(b"foo", 42), -1322301282);
        assert_eq!(murmurhash3_32("кот".as_bytes(), 0), 788290550);
        assert_eq!(murmurhash3_32(b"a", 0), 1009084850);
        assert_eq!(murmurhash3_32(b"abcde", 0), -392455434);
    }

    #[test]
    fn the_minimum_hash_has_scikit_learns_column() {
        assert_eq!(
            column_and_sign(i32::MIN, 10, true),
            ((2147483647 - 9) % 10, -1.0)
        );
        assert_eq!(column_and_sign(-7, 5, false), (2, 1.0));
    }

    /// A huge `ngram_range` is refused (it made the work cubic in the document); the
    /// longest allowed forms every n-gram up to 64 terms.
    #[test]
    fn the_longest_ngram_is_bounded() {
        let with_range = |range| {
            let config = HashingConfig {
                ngram_range: range,
                ..HashingConfig::default()
            };
            HashingVectorizerBuilder::from(config)
                .analyzer(crate::tfidf::FeatureAnalyzer::new())
                .build()
        };
        for range in [(1, 1_000_000_000), (1, MAX_NGRAM + 1), (65, 65)] {
            let err = with_range(range).unwrap_err();
            assert!(err.to_string().contains("<= 64"), "{err}");
        }
        let vectorizer = with_range((1, MAX_NGRAM)).expect("valid");
        let doc = vec!["кот"; 100].join(" ");
        let mut n = 0usize;
        vectorizer.for_each_feature(&doc, |_| n += 1);
        // n-grams of 1 ..= 64 terms over 100 terms: sum of (100 - k + 1).
        assert_eq!(n, (1..=MAX_NGRAM).map(|k| 100 - k + 1).sum::<usize>());
    }
}

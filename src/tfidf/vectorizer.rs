//! `TfidfVectorizer`: fit a vocabulary and idf on a corpus, turn documents into TF-IDF rows.
//!
//! The parts live beside this file: [`docs`](super::docs) (the two input forms),
//! [`pipeline`](super::pipeline) (text → features, corpus analysis and counting),
//! [`counts`](super::counts), [`model`](super::model) (pruning, vocabulary, idf),
//! [`rows`](super::rows) (weighting, normalization, the matrix) and [`wire`](super::wire)
//! (saving and loading).

use std::fmt;
use std::sync::Arc;

use super::analyzer::TermAnalyzer;
use super::counts::Counts;
use super::csr::CsrMatrix;
use super::docs::{CorpusDocs, Docs, Scratch, TermDocs, TextDocs};
use super::frequencies::DocumentFrequencies;
use super::grams::{GramCounts, Runs, MAX_N};
use super::model::{check_idf, Fitted};
use super::options::{DfBound, Norm, TfidfConfig};
use super::pipeline::Pipeline;
use super::vocabulary::Vocabulary;
use crate::error::{Error, Result};
use crate::terms::analyze::Analyzer;

/// TF-IDF with scikit-learn's options and results (`TfidfVectorizer` with
/// `analyzer="word"`): the same vocabulary (sorted by code point), the same idf, the same
/// matrix to within floating-point rounding, given the same terms.
///
/// Documents come in two forms: text, turned into terms by the vectorizer's
/// [`TermAnalyzer`], or term lists that were analyzed elsewhere (the `*_terms` methods).
/// Either way stop words are removed, then n-grams formed ([`TfidfConfig::ngram_range`]).
///
/// * fitting: [`fit`](Self::fit) / [`fit_terms`](Self::fit_terms) start over;
///   [`partial_fit`](Self::partial_fit) adds documents and [`finalize`](Self::finalize)
///   builds the vocabulary from everything added; [`count_terms`](Self::count_terms) +
///   [`DocumentFrequencies::merge`] + [`fit_frequencies`](Self::fit_frequencies) is the
///   map-reduce form. All give exactly the same model for the same documents.
/// * weighting: `tf` = count in the document (`1 + ln(tf)` with `sublinear_tf`); times
///   `idf = ln((n + s) / (df + s)) + 1` (`s = 1` with `smooth_idf`) when `use_idf`;
///   then each row is normalized ([`Norm`](super::Norm)).
/// * `max_features` keeps the most frequent features by total count over the corpus; ties
///   at the cut are broken by term order (scikit-learn's unstable sort may pick
///   differently there — only then can the two vocabularies differ).
///
/// Differences from scikit-learn: an empty corpus, or one whose features are all pruned,
/// gives an empty vocabulary (and zero-column output) instead of an error; `transform` before fitting
/// is an [`Error::NotFitted`].
///
/// Text methods analyze with slovo's [`Analyzer`] (Russian defaults: words, normalized,
/// stop words dropped, stemmed), whose configuration is saved with the model; plug in
/// another with [`TfidfVectorizerBuilder::analyzer`]. Each document is analyzed once,
/// also by [`fit_transform`](Self::fit_transform). Fitting counts n-grams by term ids, not
/// strings, whenever that gives the same features (no term contains a character at or
/// below U+0020 and `ngram_range.1 <= 4`); otherwise by strings. Same results either way.
///
/// Fitting with slovo's analyzer looks each token up in a per-thread memo of analyzed
/// word forms, kept between fits for the last analyzer configuration used on the thread
/// (like the stemmer's cache, [`Analyzer`]): a refit — cross-validation, a parameter
/// search, the next batch of similar text — finds most forms analyzed already. A memo
/// that grew past 114,688 forms or 4 MB of long forms and terms is dropped after its fit
/// instead of kept (a kept memo of Russian news is about 6 MB). With rayon, each worker
/// thread keeps its own.
///
/// # Example
///
/// ```
/// use slovo::tfidf::TfidfVectorizer;
///
/// let docs = [
///     vec!["кот", "сидеть", "на", "окно"],
///     vec!["кот", "и", "пёс"],
///     vec!["пёс", "лаять"],
/// ];
/// let mut vectorizer = TfidfVectorizer::builder().stop_words(["на", "и"]).build()?;
/// let matrix = vectorizer.fit_transform_terms(&docs)?;
///
/// let vocabulary = vectorizer.vocabulary().unwrap();
/// assert_eq!(vocabulary.iter().collect::<Vec<_>>(), ["кот", "лаять", "окно", "пёс", "сидеть"]);
/// assert_eq!(matrix.shape(), (3, 5));
/// // "кот" is in 2 of 3 documents: idf = ln(4 / 3) + 1
/// let idf = vectorizer.idf().unwrap();
/// assert!((idf[0] - ((4.0f64 / 3.0).ln() + 1.0)).abs() < 1e-15);
/// // rows are L2-normalized
/// let row = matrix.row(1).unwrap();
/// assert!((row.values.iter().map(|v| v * v).sum::<f64>() - 1.0).abs() < 1e-12);
/// # Ok::<(), slovo::Error>(())
/// ```
#[derive(Clone)]
pub struct TfidfVectorizer {
    pub(super) config: TfidfConfig,
    pub(super) pipeline: Pipeline,
    pub(super) counts: Counts,
    pub(super) fitted: Option<Fitted>,
    /// `partial_fit` was called after the last `finalize`.
    pub(super) pending: bool,
    pub(super) parallel: bool,
    /// Loaded from bytes of a model fitted with a custom analyzer, which the bytes cannot
    /// hold: text cannot be transformed until [`set_analyzer`](Self::set_analyzer).
    pub(super) missing_analyzer: bool,
}

/// Builds a [`TfidfVectorizer`]; see [`TfidfVectorizer::builder`].
///
/// Starts from scikit-learn's defaults ([`TfidfConfig::default`]) and slovo's
/// [`Analyzer`]; [`From<TfidfConfig>`](#impl-From%3CTfidfConfig%3E-for-TfidfVectorizerBuilder)
/// starts from a saved configuration.
///
/// ```
/// use slovo::tfidf::{DfBound, Norm, TfidfVectorizer};
///
/// let vectorizer = TfidfVectorizer::builder()
///     .ngram_range(1, 2)
///     .min_df(DfBound::Count(2))
///     .max_df(DfBound::Proportion(0.9))
///     .sublinear_tf(true)
///     .norm(Norm::L1)
///     .stop_words(["и", "в"])
///     .build()?;
/// assert_eq!(vectorizer.config().ngram_range, (1, 2));
///
/// let err = TfidfVectorizer::builder().ngram_range(2, 1).build().unwrap_err();
/// assert!(err.to_string().contains("ngram_range"));
/// # Ok::<(), slovo::Error>(())
/// ```
#[derive(Clone)]
#[must_use]
pub struct TfidfVectorizerBuilder {
    config: TfidfConfig,
    /// `None`: slovo's default [`Analyzer`].
    analyzer: Option<Arc<dyn TermAnalyzer>>,
    parallel: bool,
}

impl Default for TfidfVectorizerBuilder {
    fn default() -> Self {
        TfidfVectorizerBuilder::from(TfidfConfig::default())
    }
}

impl From<TfidfConfig> for TfidfVectorizerBuilder {
    /// A builder with these options, slovo's default analyzer and the default parallelism.
    ///
    /// ```
    /// use slovo::tfidf::{TfidfConfig, TfidfVectorizer, TfidfVectorizerBuilder};
    ///
    /// let config: TfidfConfig = serde_json::from_str(r#"{"sublinear_tf": true}"#).unwrap();
    /// let vectorizer = TfidfVectorizerBuilder::from(config).build()?;
    /// assert!(vectorizer.config().sublinear_tf);
    /// # Ok::<(), slovo::Error>(())
    /// ```
    fn from(config: TfidfConfig) -> Self {
        TfidfVectorizerBuilder {
            config,
            analyzer: None,
            parallel: cfg!(feature = "parallel"),
        }
    }
}

impl fmt::Debug for TfidfVectorizerBuilder {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("TfidfVectorizerBuilder")
            .field("config", &self.config)
            .field("custom_analyzer", &self.analyzer.is_some())
            .field("parallel", &self.parallel)
            .finish()
    }
}

impl TfidfVectorizerBuilder {
    /// `(min_n, max_n)`: features are all n-grams of terms with `min_n <= n <= max_n`,
    /// their terms joined by one space (`"красный кот"`). Default `(1, 1)`.
    ///
    /// ```
    /// let mut v = slovo::tfidf::TfidfVectorizer::builder().ngram_range(1, 2).build()?;
    /// v.fit(["красный кот"])?;
    /// assert_eq!(v.vocabulary().unwrap().len(), 3);
    /// # Ok::<(), slovo::Error>(())
    /// ```
    pub fn ngram_range(mut self, min_n: usize, max_n: usize) -> Self {
        self.config.ngram_range = (min_n, max_n);
        self
    }

    /// Drop features found in fewer documents than this. Default `Count(1)`.
    ///
    /// ```
    /// use slovo::tfidf::{DfBound, TfidfVectorizer};
    /// let mut v = TfidfVectorizer::builder().min_df(DfBound::Count(2)).build()?;
    /// v.fit(["кот пёс", "кот"])?;
    /// assert_eq!(v.vocabulary().unwrap().iter().collect::<Vec<_>>(), ["кот"]);
    /// # Ok::<(), slovo::Error>(())
    /// ```
    pub fn min_df(mut self, bound: DfBound) -> Self {
        self.config.min_df = bound;
        self
    }

    /// Drop features found in more documents than this. Default `Proportion(1.0)`.
    ///
    /// ```
    /// use slovo::tfidf::{DfBound, TfidfVectorizer};
    /// let mut v = TfidfVectorizer::builder().max_df(DfBound::Count(1)).build()?;
    /// v.fit(["кот пёс", "кот"])?;
    /// assert_eq!(v.vocabulary().unwrap().iter().collect::<Vec<_>>(), ["пес"]);
    /// # Ok::<(), slovo::Error>(())
    /// ```
    pub fn max_df(mut self, bound: DfBound) -> Self {
        self.config.max_df = bound;
        self
    }

    /// Keep only this many features, the most frequent over the corpus ([`TfidfConfig::max_features`]).
    /// Default `None` (no limit).
    ///
    /// ```
    /// let mut v = slovo::tfidf::TfidfVectorizer::builder().max_features(Some(1)).build()?;
    /// v.fit(["кот пёс", "кот"])?;
    /// assert_eq!(v.vocabulary().unwrap().iter().collect::<Vec<_>>(), ["кот"]);
    /// # Ok::<(), slovo::Error>(())
    /// ```
    pub fn max_features(mut self, max_features: Option<usize>) -> Self {
        self.config.max_features = max_features;
        self
    }

    /// Use `1 + ln(tf)` instead of the raw count `tf`. Default `false`.
    ///
    /// ```
    /// let v = slovo::tfidf::TfidfVectorizer::builder().sublinear_tf(true).build()?;
    /// assert!(v.config().sublinear_tf);
    /// # Ok::<(), slovo::Error>(())
    /// ```
    pub fn sublinear_tf(mut self, on: bool) -> Self {
        self.config.sublinear_tf = on;
        self
    }

    /// Smooth idf ([`TfidfConfig::smooth_idf`]). Default `true`.
    ///
    /// ```
    /// let v = slovo::tfidf::TfidfVectorizer::builder().smooth_idf(false).build()?;
    /// assert!(!v.config().smooth_idf);
    /// # Ok::<(), slovo::Error>(())
    /// ```
    pub fn smooth_idf(mut self, on: bool) -> Self {
        self.config.smooth_idf = on;
        self
    }

    /// Multiply by idf; without it the output is (normalized) term frequency. Default `true`.
    ///
    /// ```
    /// let v = slovo::tfidf::TfidfVectorizer::builder().use_idf(false).build()?;
    /// assert!(!v.config().use_idf);
    /// # Ok::<(), slovo::Error>(())
    /// ```
    pub fn use_idf(mut self, on: bool) -> Self {
        self.config.use_idf = on;
        self
    }

    /// Row normalization. Default [`Norm::L2`].
    ///
    /// ```
    /// use slovo::tfidf::{Norm, TfidfVectorizer};
    /// let v = TfidfVectorizer::builder().norm(Norm::None).build()?;
    /// assert_eq!(v.config().norm, Norm::None);
    /// # Ok::<(), slovo::Error>(())
    /// ```
    pub fn norm(mut self, norm: Norm) -> Self {
        self.config.norm = norm;
        self
    }

    /// Terms removed before n-grams are formed, compared exactly with the analyzer's
    /// output ([`TfidfConfig::stop_words`]). Default none.
    ///
    /// ```
    /// let mut v = slovo::tfidf::TfidfVectorizer::builder().stop_words(["кот"]).build()?;
    /// v.fit(["кот пёс"])?;
    /// assert_eq!(v.vocabulary().unwrap().iter().collect::<Vec<_>>(), ["пес"]); // ё folded
    /// # Ok::<(), slovo::Error>(())
    /// ```
    pub fn stop_words(mut self, words: impl IntoIterator<Item = impl Into<String>>) -> Self {
        self.config.stop_words = words.into_iter().map(Into::into).collect();
        self
    }

    /// Count each feature at most once per document ([`TfidfConfig::binary`]). Default
    /// `false`.
    ///
    /// ```
    /// let v = slovo::tfidf::TfidfVectorizer::builder().binary(true).build()?;
    /// assert!(v.config().binary);
    /// # Ok::<(), slovo::Error>(())
    /// ```
    pub fn binary(mut self, on: bool) -> Self {
        self.config.binary = on;
        self
    }

    /// What turns text into terms (default: slovo's [`Analyzer::default`]). A slovo
    /// [`Analyzer`] is saved with the model; another [`TermAnalyzer`] (a closure, for
    /// example) cannot be, and a loaded model needs it again
    /// ([`TfidfVectorizer::set_analyzer`]).
    ///
    /// ```
    /// let chars = |text: &str| text.chars().map(String::from).collect::<Vec<_>>();
    /// let mut vectorizer = slovo::tfidf::TfidfVectorizer::builder().analyzer(chars).build()?;
    /// vectorizer.fit(["аб", "ба", "в"])?;
    /// assert_eq!(vectorizer.vocabulary().unwrap().len(), 3);
    /// # Ok::<(), slovo::Error>(())
    /// ```
    pub fn analyzer(mut self, analyzer: impl TermAnalyzer + 'static) -> Self {
        self.analyzer = Some(Arc::new(analyzer));
        self
    }

    /// Whether documents are spread over rayon's thread pool (default: on with the
    /// `parallel` feature, which is on by default; without the feature this does nothing):
    /// fitting analyzes pieces of the corpus in parallel (the counting that follows is
    /// sequential), `transform` builds rows in parallel. The result is the same either way.
    ///
    /// ```
    /// let vectorizer = slovo::tfidf::TfidfVectorizer::builder().parallel(false).build()?;
    /// assert!(!vectorizer.is_parallel());
    /// # Ok::<(), slovo::Error>(())
    /// ```
    pub fn parallel(mut self, parallel: bool) -> Self {
        self.parallel = parallel && cfg!(feature = "parallel");
        self
    }

    /// The vectorizer, not fitted yet.
    ///
    /// # Errors
    ///
    /// [`Error::InvalidOption`] from [`TfidfConfig::validate`]: `ngram_range` without
    /// `1 <= min_n <= max_n`, a proportion outside `[0, 1]`, `min_df` above `max_df` (same
    /// kind), `max_features = Some(0)`.
    ///
    /// ```
    /// use slovo::tfidf::{DfBound, TfidfVectorizer};
    ///
    /// assert!(!TfidfVectorizer::builder().build()?.is_fitted());
    /// let err = TfidfVectorizer::builder()
    ///     .min_df(DfBound::Count(5))
    ///     .max_df(DfBound::Count(2))
    ///     .build()
    ///     .unwrap_err();
    /// assert!(err.to_string().contains("min_df"));
    /// # Ok::<(), slovo::Error>(())
    /// ```
    pub fn build(self) -> Result<TfidfVectorizer> {
        let config = self.config;
        config.validate()?;
        let analyzer = self
            .analyzer
            .unwrap_or_else(|| Arc::new(Analyzer::default()));
        let pipeline = Pipeline {
            analyzer,
            stop_words: config
                .stop_words
                .iter()
                .map(|w| w.as_str().into())
                .collect(),
            ngram_range: config.ngram_range,
        };
        Ok(TfidfVectorizer {
            config,
            pipeline,
            counts: Counts::default(),
            fitted: None,
            pending: false,
            parallel: self.parallel,
            missing_analyzer: false,
        })
    }
}

impl Default for TfidfVectorizer {
    fn default() -> Self {
        TfidfVectorizer::new()
    }
}

impl TfidfVectorizer {
    /// A vectorizer with scikit-learn's default options and slovo's default analyzer.
    ///
    /// ```
    /// let mut vectorizer = slovo::tfidf::TfidfVectorizer::new();
    /// assert!(!vectorizer.is_fitted());
    /// vectorizer.fit(["Кот спит", "кот ест"])?;
    /// assert_eq!(vectorizer.vocabulary().unwrap().len(), 3);
    /// # Ok::<(), slovo::Error>(())
    /// ```
    #[must_use]
    pub fn new() -> Self {
        let builder = TfidfVectorizerBuilder::default();
        let config = TfidfConfig::default();
        TfidfVectorizer {
            pipeline: Pipeline {
                analyzer: Arc::new(Analyzer::default()),
                stop_words: Default::default(),
                ngram_range: config.ngram_range,
            },
            config,
            counts: Counts::default(),
            fitted: None,
            pending: false,
            parallel: builder.parallel,
            missing_analyzer: false,
        }
    }

    /// Starts from the defaults and changes what you name; see [`TfidfVectorizerBuilder`].
    ///
    /// ```
    /// let vectorizer = slovo::tfidf::TfidfVectorizer::builder().ngram_range(1, 2).build()?;
    /// assert_eq!(vectorizer.config().ngram_range, (1, 2));
    /// # Ok::<(), slovo::Error>(())
    /// ```
    pub fn builder() -> TfidfVectorizerBuilder {
        TfidfVectorizerBuilder::default()
    }

    /// A builder preset to this vectorizer's options and analyzer (not its fitted model):
    /// build it and fit again to change an option.
    ///
    /// ```
    /// let mut a = slovo::tfidf::TfidfVectorizer::builder().sublinear_tf(true).build()?;
    /// a.fit(["кот"])?;
    /// let b = a.to_builder().ngram_range(1, 2).build()?;
    /// assert!(b.config().sublinear_tf && !b.is_fitted());
    /// # Ok::<(), slovo::Error>(())
    /// ```
    pub fn to_builder(&self) -> TfidfVectorizerBuilder {
        TfidfVectorizerBuilder {
            config: self.config.clone(),
            analyzer: Some(Arc::clone(&self.pipeline.analyzer)),
            parallel: self.parallel,
        }
    }

    /// Whether documents are spread over rayon's thread pool
    /// ([`TfidfVectorizerBuilder::parallel`]).
    ///
    /// ```
    /// let vectorizer = slovo::tfidf::TfidfVectorizer::new();
    /// assert_eq!(vectorizer.is_parallel(), cfg!(feature = "parallel"));
    /// ```
    #[must_use]
    pub fn is_parallel(&self) -> bool {
        self.parallel
    }

    /// Replaces the analyzer (for example after [`from_bytes`](Self::from_bytes), which
    /// cannot restore one). The fitted model is kept: use an analyzer that gives the same
    /// terms as the one it was fitted with.
    ///
    /// ```
    /// use slovo::tfidf::TfidfVectorizer;
    ///
    /// let mut vectorizer = TfidfVectorizer::new();
    /// vectorizer.set_analyzer(|text: &str| vec![text.to_uppercase()]);
    /// vectorizer.fit(&["а б"])?;
    /// assert_eq!(vectorizer.vocabulary().unwrap().term(0), Some("А Б"));
    /// # Ok::<(), slovo::Error>(())
    /// ```
    pub fn set_analyzer(&mut self, analyzer: impl TermAnalyzer + 'static) {
        self.pipeline.analyzer = Arc::new(analyzer);
        self.missing_analyzer = false;
    }

    /// The options.
    ///
    /// ```
    /// let vectorizer = slovo::tfidf::TfidfVectorizer::new();
    /// assert_eq!(vectorizer.config().ngram_range, (1, 1));
    /// # Ok::<(), slovo::Error>(())
    /// ```
    pub fn config(&self) -> &TfidfConfig {
        &self.config
    }

    /// Learns vocabulary and idf from `docs` (text), forgetting earlier fits.
    ///
    /// `docs` is anything that iterates over text: a slice or `Vec` of `&str` or `String`,
    /// `text.lines()`, an iterator adapter. (The documents are gathered once, so that they
    /// can be spread over threads; for a corpus larger than memory, use
    /// [`partial_fit`](Self::partial_fit) batch by batch.)
    ///
    /// # Errors
    ///
    /// [`Error::InvalidOption`] when `max_df` resolves to fewer documents than `min_df` on
    /// this corpus (possible when one is a count and the other a proportion).
    ///
    /// ```
    /// let mut vectorizer = slovo::tfidf::TfidfVectorizer::new();
    /// vectorizer.fit(&["Кот спит", "кот ест"])?;
    /// assert_eq!(vectorizer.vocabulary().unwrap().iter().collect::<Vec<_>>(), ["ест", "кот", "спит"]);
    ///
    /// // Any iterator of text: one document per line here.
    /// vectorizer.fit("Кот спит\nПёс лает".lines())?;
    /// assert_eq!(vectorizer.vocabulary().unwrap().len(), 4);
    /// # Ok::<(), slovo::Error>(())
    /// ```
    pub fn fit<I>(&mut self, docs: I) -> Result<()>
    where
        I: IntoIterator,
        I::Item: AsRef<str> + Sync,
    {
        let docs: Vec<I::Item> = docs.into_iter().collect();
        self.fit_docs(&TextDocs(&docs))
    }

    /// Like [`fit`](Self::fit), for documents already turned into terms.
    ///
    /// # Errors
    ///
    /// As [`fit`](Self::fit).
    ///
    /// ```
    /// let mut vectorizer = slovo::tfidf::TfidfVectorizer::new();
    /// vectorizer.fit_terms(&[vec!["кот", "спать"], vec!["кот"]])?;
    /// assert_eq!(vectorizer.vocabulary().unwrap().len(), 2);
    /// # Ok::<(), slovo::Error>(())
    /// ```
    pub fn fit_terms<D, T>(&mut self, docs: &[D]) -> Result<()>
    where
        D: AsRef<[T]> + Sync,
        T: AsRef<str>,
    {
        self.fit_docs(&TermDocs(docs, std::marker::PhantomData))
    }

    /// [`fit`](Self::fit), then [`transform`](Self::transform) of the same documents —
    /// without analyzing them twice.
    ///
    /// # Errors
    ///
    /// As [`fit`](Self::fit).
    ///
    /// ```
    /// let mut vectorizer = slovo::tfidf::TfidfVectorizer::new();
    /// let matrix = vectorizer.fit_transform(&["кот спит", "кот ест"])?;
    /// assert_eq!(matrix.shape(), (2, 3));
    /// # Ok::<(), slovo::Error>(())
    /// ```
    pub fn fit_transform<I>(&mut self, docs: I) -> Result<CsrMatrix>
    where
        I: IntoIterator,
        I::Item: AsRef<str> + Sync,
    {
        let docs: Vec<I::Item> = docs.into_iter().collect();
        self.fit_transform_docs(&TextDocs(&docs))
    }

    /// Like [`fit_transform`](Self::fit_transform), for documents already turned into terms.
    ///
    /// # Errors
    ///
    /// As [`fit`](Self::fit).
    ///
    /// ```
    /// let mut vectorizer = slovo::tfidf::TfidfVectorizer::new();
    /// let matrix = vectorizer.fit_transform_terms(&[["кот", "спать"], ["кот", "есть"]])?;
    /// assert_eq!(matrix.shape(), (2, 3));
    /// # Ok::<(), slovo::Error>(())
    /// ```
    pub fn fit_transform_terms<D, T>(&mut self, docs: &[D]) -> Result<CsrMatrix>
    where
        D: AsRef<[T]> + Sync,
        T: AsRef<str>,
    {
        self.fit_transform_docs(&TermDocs(docs, std::marker::PhantomData))
    }

    /// Adds `docs` (text) to the counts without rebuilding the vocabulary; call
    /// [`finalize`](Self::finalize) before the next `transform`. Any number of batches
    /// followed by `finalize` gives exactly what one `fit` on all of them gives.
    ///
    /// ```
    /// let mut vectorizer = slovo::tfidf::TfidfVectorizer::new();
    /// vectorizer.partial_fit(&["кот спит"]);
    /// vectorizer.partial_fit(&["кот ест"]);
    /// assert!(vectorizer.transform(&["кот"]).is_err()); // not finalized yet
    /// vectorizer.finalize()?;
    /// assert_eq!(vectorizer.vocabulary().unwrap().len(), 3);
    /// # Ok::<(), slovo::Error>(())
    /// ```
    pub fn partial_fit<I>(&mut self, docs: I)
    where
        I: IntoIterator,
        I::Item: AsRef<str> + Sync,
    {
        let docs: Vec<I::Item> = docs.into_iter().collect();
        let mut table = self.counts.take_table();
        self.pipeline.count(&TextDocs(&docs), &mut table, None);
        self.counts = Counts::from_table(table);
        self.pending = true;
    }

    /// Like [`partial_fit`](Self::partial_fit), for documents already turned into terms.
    ///
    /// ```
    /// let mut vectorizer = slovo::tfidf::TfidfVectorizer::new();
    /// vectorizer.partial_fit_terms(&[["кот"]]);
    /// vectorizer.finalize()?;
    /// assert_eq!(vectorizer.frequencies().n_docs(), 1);
    /// # Ok::<(), slovo::Error>(())
    /// ```
    pub fn partial_fit_terms<D, T>(&mut self, docs: &[D])
    where
        D: AsRef<[T]> + Sync,
        T: AsRef<str>,
    {
        let docs = TermDocs(docs, std::marker::PhantomData);
        let mut table = self.counts.take_table();
        self.pipeline.count(&docs, &mut table, None);
        self.counts = Counts::from_table(table);
        self.pending = true;
    }

    /// Builds vocabulary and idf from the counts gathered so far (by `fit`, `partial_fit`
    /// or `fit_frequencies`): prune by `min_df`/`max_df`, keep the `max_features` most
    /// frequent, sort by code point.
    ///
    /// # Errors
    ///
    /// As [`fit`](Self::fit).
    ///
    /// ```
    /// let mut vectorizer = slovo::tfidf::TfidfVectorizer::new();
    /// vectorizer.partial_fit_terms(&[["б", "а"]]);
    /// vectorizer.finalize()?;
    /// assert_eq!(vectorizer.vocabulary().unwrap().iter().collect::<Vec<_>>(), ["а", "б"]);
    /// # Ok::<(), slovo::Error>(())
    /// ```
    pub fn finalize(&mut self) -> Result<()> {
        let (fitted, _) = self.build_model()?;
        self.fitted = Some(fitted);
        self.pending = false;
        Ok(())
    }

    /// Counts `docs` (text) into a fresh [`DocumentFrequencies`] without touching this
    /// vectorizer: the map step of a map-reduce fit (it takes `&self`, so threads can share
    /// one vectorizer).
    ///
    /// ```
    /// let vectorizer = slovo::tfidf::TfidfVectorizer::new();
    /// let table = vectorizer.count(&["кот спит", "кот"]);
    /// assert_eq!(table.df("кот"), 2);
    /// # Ok::<(), slovo::Error>(())
    /// ```
    pub fn count<I>(&self, docs: I) -> DocumentFrequencies
    where
        I: IntoIterator,
        I::Item: AsRef<str> + Sync,
    {
        let docs: Vec<I::Item> = docs.into_iter().collect();
        let mut table = DocumentFrequencies::new();
        self.pipeline.count(&TextDocs(&docs), &mut table, None);
        table
    }

    /// Like [`count`](Self::count), for documents already turned into terms.
    ///
    /// ```
    /// use slovo::tfidf::TfidfVectorizer;
    ///
    /// let mut vectorizer = TfidfVectorizer::new();
    /// let docs = [vec!["а", "б"], vec!["а"], vec!["в"]];
    /// let mut table = vectorizer.count_terms(&docs[..2]);
    /// table.merge(&vectorizer.count_terms(&docs[2..]))?;
    /// vectorizer.fit_frequencies(table)?;
    ///
    /// let mut whole = TfidfVectorizer::new();
    /// whole.fit_terms(&docs)?;
    /// assert_eq!(vectorizer.idf(), whole.idf());
    /// # Ok::<(), slovo::Error>(())
    /// ```
    pub fn count_terms<D, T>(&self, docs: &[D]) -> DocumentFrequencies
    where
        D: AsRef<[T]> + Sync,
        T: AsRef<str>,
    {
        let mut table = DocumentFrequencies::new();
        self.pipeline
            .count(&TermDocs(docs, std::marker::PhantomData), &mut table, None);
        table
    }

    /// Replaces the counts with `frequencies` (typically merged from pieces) and
    /// [`finalize`](Self::finalize)s.
    ///
    /// # Errors
    ///
    /// As [`fit`](Self::fit).
    ///
    /// ```
    /// use slovo::tfidf::{DocumentFrequencies, TfidfVectorizer};
    ///
    /// let mut table = DocumentFrequencies::new();
    /// table.add_document(["кот"]);
    /// let mut vectorizer = TfidfVectorizer::new();
    /// vectorizer.fit_frequencies(table)?;
    /// assert_eq!(vectorizer.idf(), Some(&[1.0][..]));
    /// # Ok::<(), slovo::Error>(())
    /// ```
    pub fn fit_frequencies(&mut self, frequencies: DocumentFrequencies) -> Result<()> {
        self.counts = Counts::from_table(frequencies);
        self.finalize()
    }

    /// The counts gathered by fitting (before pruning), for saving or merging.
    ///
    /// ```
    /// let mut vectorizer = slovo::tfidf::TfidfVectorizer::new();
    /// vectorizer.fit_terms(&[["а", "а"]])?;
    /// assert_eq!(vectorizer.frequencies().total_count("а"), 2);
    /// # Ok::<(), slovo::Error>(())
    /// ```
    pub fn frequencies(&self) -> &DocumentFrequencies {
        self.counts.table()
    }

    /// TF-IDF rows of `docs` (text) over the fitted vocabulary; unknown features are
    /// ignored. Runs in parallel unless built with [`parallel(false)`](TfidfVectorizerBuilder::parallel).
    ///
    /// # Errors
    ///
    /// [`Error::NotFitted`] before the first fit, after `partial_fit` without `finalize`,
    /// or for a model loaded from bytes that was fitted with a custom analyzer (until
    /// [`set_analyzer`](Self::set_analyzer)).
    ///
    /// ```
    /// let mut vectorizer = slovo::tfidf::TfidfVectorizer::new();
    /// vectorizer.fit(&["кот спит", "пёс ест"])?;
    /// let matrix = vectorizer.transform(&["кот кот слон"])?;
    /// let kot = vectorizer.vocabulary().unwrap().get("кот").unwrap();
    /// assert_eq!(matrix.get(0, kot), 1.0); // the only known term, L2-normalized
    /// # Ok::<(), slovo::Error>(())
    /// ```
    pub fn transform<I>(&self, docs: I) -> Result<CsrMatrix>
    where
        I: IntoIterator,
        I::Item: AsRef<str> + Sync,
    {
        if self.missing_analyzer {
            return Err(Error::NotFitted {
                reason: "the model was fitted with a custom analyzer, which a saved model \
                         cannot hold; call set_analyzer with it before transforming text"
                    .into(),
            });
        }
        let docs: Vec<I::Item> = docs.into_iter().collect();
        self.transform_docs(&TextDocs(&docs))
    }

    /// The TF-IDF row of one document: [`transform`](Self::transform) of `[text]`, a
    /// matrix of one row. [`SparseRow::top_k`](super::SparseRow::top_k) picks its
    /// heaviest features.
    ///
    /// # Errors
    ///
    /// As [`transform`](Self::transform).
    ///
    /// ```
    /// let mut vectorizer = slovo::tfidf::TfidfVectorizer::new();
    /// vectorizer.fit(["Кот спит", "Кот ест", "Пёс спит"])?;
    /// let row = vectorizer.transform_one("Кот ест и ест")?;
    /// assert_eq!(row.shape(), (1, 4));
    /// let (column, _weight) = row.row(0).unwrap().top_k(1)[0];
    /// assert_eq!(vectorizer.vocabulary().unwrap().term(column), Some("ест"));
    /// # Ok::<(), slovo::Error>(())
    /// ```
    pub fn transform_one(&self, text: &str) -> Result<CsrMatrix> {
        self.transform([text])
    }

    /// Like [`transform`](Self::transform), for documents already turned into terms.
    ///
    /// # Errors
    ///
    /// As [`transform`](Self::transform).
    ///
    /// ```
    /// let mut vectorizer = slovo::tfidf::TfidfVectorizer::new();
    /// vectorizer.fit_terms(&[["кот"], ["пёс"]])?;
    /// let matrix = vectorizer.transform_terms(&[["пёс", "кот"]])?;
    /// assert_eq!(matrix.row(0).unwrap().indices, &[0, 1]);
    /// # Ok::<(), slovo::Error>(())
    /// ```
    pub fn transform_terms<D, T>(&self, docs: &[D]) -> Result<CsrMatrix>
    where
        D: AsRef<[T]> + Sync,
        T: AsRef<str>,
    {
        self.transform_docs(&TermDocs(docs, std::marker::PhantomData))
    }

    /// Calls `f` with each feature of `text` in order: the analyzer's terms without stop
    /// words, combined into n-grams — what `fit` counts and `transform` looks up
    /// (scikit-learn's `build_analyzer()`).
    ///
    /// ```
    /// let vectorizer = slovo::tfidf::TfidfVectorizer::builder().ngram_range(1, 2).build()?;
    /// let mut features = Vec::new();
    /// vectorizer.for_each_feature("Кошки спят", |f| features.push(f.to_owned()));
    /// assert_eq!(features, ["кошк", "спят", "кошк спят"]);
    /// # Ok::<(), slovo::Error>(())
    /// ```
    pub fn for_each_feature<F: FnMut(&str)>(&self, text: &str, f: F) {
        let mut scratch = Scratch::default();
        TextDocs(&[text]).features(&self.pipeline, 0, &mut scratch, f);
    }

    /// `true` once a vocabulary is available to `transform`.
    ///
    /// ```
    /// let mut vectorizer = slovo::tfidf::TfidfVectorizer::new();
    /// assert!(!vectorizer.is_fitted());
    /// vectorizer.fit(&["кот"])?;
    /// assert!(vectorizer.is_fitted());
    /// # Ok::<(), slovo::Error>(())
    /// ```
    pub fn is_fitted(&self) -> bool {
        self.fitted.is_some() && !self.pending
    }

    /// The fitted vocabulary (the last one built, even if `partial_fit` has been called
    /// since), or `None` before fitting.
    ///
    /// ```
    /// let mut vectorizer = slovo::tfidf::TfidfVectorizer::new();
    /// vectorizer.fit(&["кот"])?;
    /// assert_eq!(vectorizer.vocabulary().unwrap().get("кот"), Some(0));
    /// # Ok::<(), slovo::Error>(())
    /// ```
    pub fn vocabulary(&self) -> Option<&Vocabulary> {
        self.fitted.as_ref().map(|f| &f.vocabulary)
    }

    /// The idf of each vocabulary column, or `None` before fitting or without `use_idf`.
    ///
    /// ```
    /// let mut vectorizer = slovo::tfidf::TfidfVectorizer::new();
    /// vectorizer.fit(&["кот", "пёс"])?;
    /// let expected = (3.0f64 / 2.0).ln() + 1.0;
    /// assert_eq!(vectorizer.idf(), Some(&[expected, expected][..]));
    /// # Ok::<(), slovo::Error>(())
    /// ```
    pub fn idf(&self) -> Option<&[f64]> {
        self.fitted.as_ref().and_then(|f| f.idf.as_deref())
    }

    /// A fitted vectorizer from a vocabulary and idf made elsewhere (scikit-learn's
    /// `vocabulary_` in column order and `idf_`, or another slovo vectorizer's). Its counts
    /// are empty: a later `partial_fit` + `finalize` builds a new vocabulary from scratch.
    ///
    /// # Errors
    ///
    /// [`Error::InvalidOption`] for an invalid config, an `idf` missing with `use_idf` (or
    /// given without it), of the wrong length, or with a non-finite value.
    ///
    /// ```
    /// use slovo::tfidf::{TfidfConfig, TfidfVectorizer, Vocabulary};
    ///
    /// let vocabulary = Vocabulary::new(["кот", "пёс"])?;
    /// let vectorizer =
    ///     TfidfVectorizer::from_vocabulary(TfidfConfig::default(), vocabulary, Some(vec![1.0, 2.0]))?;
    /// let matrix = vectorizer.transform_terms(&[["пёс"]])?;
    /// assert_eq!(matrix.get(0, 1), 1.0);
    /// # Ok::<(), slovo::Error>(())
    /// ```
    pub fn from_vocabulary(
        config: TfidfConfig,
        vocabulary: Vocabulary,
        idf: Option<Vec<f64>>,
    ) -> Result<Self> {
        check_idf(&config, &vocabulary, idf.as_deref())?;
        let mut vectorizer = TfidfVectorizerBuilder::from(config).build()?;
        vectorizer.fitted = Some(Fitted::new(vocabulary, idf));
        Ok(vectorizer)
    }

    /// The most terms an n-gram formed by [`transform`](Self::transform) joins: the
    /// configured `ngram_range.1`, capped by the longest vocabulary entry (0 before a
    /// fit). `transform`'s work per term is bounded by this, whatever the model says.
    /// For the fuzz targets' cost check; not a stable API.
    ///
    /// ```
    /// use slovo::tfidf::TfidfVectorizer;
    ///
    /// let mut vectorizer = TfidfVectorizer::builder().ngram_range(1, 1_000_000).build()?;
    /// vectorizer.fit(&["кот"])?;
    /// assert_eq!(vectorizer.transform_ngram_limit(), 1);
    /// # Ok::<(), slovo::Error>(())
    /// ```
    #[doc(hidden)]
    #[must_use]
    pub fn transform_ngram_limit(&self) -> usize {
        (self.fitted.as_ref()).map_or(0, |f| f.longest.min(self.config.ngram_range.1))
    }

    fn fit_docs<D: Docs>(&mut self, docs: &D) -> Result<()> {
        self.count_once(docs, None);
        self.finalize()
    }

    /// Analyzes each document once and counts its features into fresh counts: by ids when
    /// that is exact, else by strings. With `runs`, records each document's
    /// `(slot, count)` pairs.
    fn count_once<D: Docs>(&mut self, docs: &D, runs: Option<&mut Runs>) {
        let corpus = self.pipeline.analyze(docs, self.parallel);
        let range = self.config.ngram_range;
        self.counts = if range.1 <= MAX_N && corpus.ids_are_exact() {
            Counts::from_grams(GramCounts::count(corpus, range, runs))
        } else {
            let mut table = DocumentFrequencies::new();
            self.pipeline.count(&CorpusDocs(&corpus), &mut table, runs);
            Counts::from_table(table)
        };
    }

    fn fit_transform_docs<D: Docs>(&mut self, docs: &D) -> Result<CsrMatrix> {
        let mut runs = Runs::default();
        self.count_once(docs, Some(&mut runs));
        let (fitted, slot_column) = self.build_model()?;
        let matrix = self.collect_rows(
            docs.len(),
            fitted.vocabulary.len(),
            |i, scratch, row| {
                let packed = &mut scratch.packed;
                packed.clear();
                for &(slot, count) in runs.doc(i) {
                    let col = slot_column[slot as usize];
                    if col != u32::MAX {
                        packed.push((u64::from(col) << 32) | u64::from(count));
                    }
                }
                packed.sort_unstable();
                row.extend((packed.iter()).map(|&p| ((p >> 32) as u32, f64::from(p as u32))));
            },
            &fitted,
        );
        self.fitted = Some(fitted);
        self.pending = false;
        Ok(matrix)
    }

    fn transform_docs<D: Docs>(&self, docs: &D) -> Result<CsrMatrix> {
        let fitted = match &self.fitted {
            Some(fitted) if !self.pending => fitted,
            Some(_) => {
                return Err(Error::NotFitted {
                    reason: "partial_fit was called after the vocabulary was built; \
                             call finalize() before transform"
                        .into(),
                })
            }
            None => {
                return Err(Error::NotFitted {
                    reason: "call fit (or partial_fit and finalize) before transform".into(),
                })
            }
        };
        let vocabulary = &fitted.vocabulary;
        Ok(self.collect_rows(
            docs.len(),
            vocabulary.len(),
            |i, scratch, row| {
                let mut ids = std::mem::take(&mut scratch.ids);
                ids.clear();
                scratch.max_n = fitted.longest;
                docs.features(&self.pipeline, i, scratch, |feature| {
                    if let Some(col) = vocabulary.column(feature) {
                        ids.push(col);
                    }
                });
                ids.sort_unstable();
                for run in ids.chunk_by(|a, b| a == b) {
                    row.push((run[0], run.len() as f64));
                }
                scratch.ids = ids;
            },
            fitted,
        ))
    }
}

impl fmt::Debug for TfidfVectorizer {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("TfidfVectorizer")
            .field("config", &self.config)
            .field("n_docs", &self.counts.n_docs())
            .field(
                "vocabulary_len",
                &self.fitted.as_ref().map(|f| f.vocabulary.len()),
            )
            .field("pending", &self.pending)
            .field("parallel", &self.parallel)
            .finish_non_exhaustive()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A model whose `ngram_range` is `(1, 10⁹)` but whose vocabulary holds one word:
    /// transforming 3,000 words forms 3,000 n-grams, not the 4.5 million a literal reading
    /// of the range asks for (cubic time in the document), also after a save and load.
    #[test]
    fn a_loaded_model_of_a_custom_analyzer_needs_it_again() {
        let mut vectorizer = TfidfVectorizer::new();
        let split = |text: &str| -> Vec<String> { text.split('|').map(str::to_owned).collect() };
        vectorizer.set_analyzer(split);
        vectorizer.fit(&["кот|пёс", "дом"]).unwrap();
        let mut loaded = TfidfVectorizer::from_bytes(&vectorizer.to_bytes()).unwrap();
        let err = loaded.transform(&["кот|дом"]).unwrap_err();
        assert!(matches!(err, Error::NotFitted { .. }), "{err}");
        // Terms need no analyzer; with the analyzer back, text gives the original rows.
        assert_eq!(loaded.transform_terms(&[["кот"]]).unwrap().nnz(), 1);
        loaded.set_analyzer(split);
        assert_eq!(
            loaded.transform(&["кот|дом"]).unwrap(),
            vectorizer.transform(&["кот|дом"]).unwrap()
        );
    }

    #[test]
    fn transform_work_is_bounded_by_the_vocabulary_not_the_ngram_range() {
        use super::super::pipeline::GRAMS_FORMED;
        let config = TfidfConfig {
            ngram_range: (1, 1_000_000_000),
            ..TfidfConfig::default()
        };
        let mut fitted = TfidfVectorizerBuilder::from(config).build().unwrap();
        fitted.fit(&["кот"]).unwrap();
        let loaded = TfidfVectorizer::from_bytes(&fitted.to_bytes()).unwrap();
        let words = ["кот", "пёс", "дом"];
        let doc: String = (0..3000)
            .map(|i| words[i % 3])
            .collect::<Vec<_>>()
            .join(" ");
        for vectorizer in [fitted, loaded] {
            GRAMS_FORMED.with(|c| c.set(0));
            let row = vectorizer.transform(&[doc.as_str()]).unwrap();
            assert_eq!(row.nnz(), 1);
            assert_eq!(GRAMS_FORMED.with(std::cell::Cell::get), 3000);
        }
    }
    use crate::test_text::PUSHKIN;

    /// Analyzing pieces of the corpus in parallel gives exactly the sequential model and
    /// matrix, for unigrams and n-grams.
    #[cfg(feature = "parallel")]
    #[test]
    fn a_parallel_fit_equals_the_sequential_one() {
        let words: Vec<&str> = PUSHKIN.split_whitespace().collect();
        let docs: Vec<String> = (0..300)
            .map(|i| {
                let start = (i * 7) % words.len();
                let len = 5 + i % 40;
                (words.iter().cycle().skip(start).take(len))
                    .copied()
                    .collect::<Vec<_>>()
                    .join(" ")
            })
            .collect();
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(3)
            .build()
            .expect("a pool");
        for ngram_range in [(1, 1), (1, 3)] {
            let config = TfidfConfig {
                ngram_range,
                ..TfidfConfig::default()
            };
            let fit = |parallel: bool| {
                let mut vectorizer = TfidfVectorizerBuilder::from(config.clone())
                    .parallel(parallel)
                    .build()
                    .expect("valid");
                let matrix = pool
                    .install(|| vectorizer.fit_transform(&docs))
                    .expect("fits");
                (matrix, vectorizer.to_bytes())
            };
            assert_eq!(fit(true), fit(false), "{ngram_range:?}");
        }
        let pieces = TextDocs(&docs).pieces(6);
        assert!(pieces.len() >= 5, "{pieces:?}");
        assert_eq!(pieces.first().map(|p| p.start), Some(0));
        assert_eq!(pieces.last().map(|p| p.end), Some(docs.len()));
        assert!(pieces.windows(2).all(|w| w[0].end == w[1].start));
    }

    /// Fits on a thread whose memo is warm from other corpora and other options give
    /// exactly what fits on a fresh thread give.
    #[test]
    fn a_warm_thread_memo_changes_no_result() {
        let lines: Vec<&str> = PUSHKIN.lines().filter(|l| !l.trim().is_empty()).collect();
        let (first, second) = lines.split_at(lines.len() / 2);
        let with_stop_words = TfidfConfig {
            stop_words: vec!["германн".into(), "карт".into()],
            ngram_range: (1, 2),
            ..TfidfConfig::default()
        };
        let unstemmed = Analyzer::builder()
            .form(crate::terms::analyze::TermForm::Normalized)
            .build();
        let configs = [
            (TfidfConfig::default(), Analyzer::default()),
            (with_stop_words, Analyzer::default()),
            (TfidfConfig::default(), unstemmed),
        ];
        let fit = |(config, analyzer): &(TfidfConfig, Analyzer), docs: &[&str]| {
            let mut vectorizer = TfidfVectorizerBuilder::from(config.clone())
                .analyzer(analyzer.clone())
                .build()
                .expect("valid options");
            let matrix = vectorizer.fit_transform(docs).expect("fits");
            (matrix, vectorizer.to_bytes())
        };
        let fresh: Vec<_> = configs
            .iter()
            .map(|config| {
                std::thread::scope(|s| s.spawn(|| fit(config, second)).join().expect("no panic"))
            })
            .collect();
        for config in &configs {
            fit(config, first);
        }
        for (config, fresh) in configs.iter().zip(&fresh) {
            assert_eq!(fit(config, second), *fresh);
            assert_eq!(fit(config, second), *fresh, "second warm fit");
        }
    }
}

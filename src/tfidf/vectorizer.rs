//! `TfidfVectorizer`: fit a vocabulary and idf on a corpus, turn documents into TF-IDF rows.

use std::fmt;
use std::ops::Range;
use std::sync::{Arc, OnceLock};

use rustc_hash::FxHashSet;

use super::analyzer::TermAnalyzer;
use super::bytes;
use super::csr::CsrMatrix;
use super::frequencies::DocumentFrequencies;
use super::grams::{Corpus, GramCounts, Runs, MAX_N};
use super::memo::{with_thread_memo, TokenMemo};
use super::options::{Norm, TfidfConfig};
use super::vocabulary::Vocabulary;
use crate::error::{Error, Result};
use crate::terms::analyze::{Analyzer, AnalyzerConfig};

const MAGIC: &[u8; 8] = b"slovo-tv";
/// 2: the analyzer's configuration is saved with the model. 3: `binary`.
const FORMAT_VERSION: u32 = 3;

/// Fewest documents per piece when fitting analyzes the corpus in parallel.
#[cfg(feature = "parallel")]
const MIN_PIECE_DOCS: usize = 64;

/// Documents per parallel work unit in `transform`.
#[cfg(feature = "parallel")]
const CHUNK: usize = 64;

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
///   then each row is normalized ([`Norm`]).
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
/// another with [`with_analyzer`](Self::with_analyzer). Each document is analyzed once,
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
/// use slovo::tfidf::{TfidfConfig, TfidfVectorizer};
///
/// let docs = [
///     vec!["кот", "сидеть", "на", "окно"],
///     vec!["кот", "и", "пёс"],
///     vec!["пёс", "лаять"],
/// ];
/// let mut config = TfidfConfig::default();
/// config.stop_words = vec!["на".into(), "и".into()];
/// let mut vectorizer = TfidfVectorizer::new(config)?;
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
    config: TfidfConfig,
    pipeline: Pipeline,
    counts: Counts,
    fitted: Option<Fitted>,
    /// `partial_fit` was called after the last `finalize`.
    pending: bool,
    parallel: bool,
}

/// Text → features: analyzer, stop words, n-grams.
#[derive(Clone)]
struct Pipeline {
    analyzer: Arc<dyn TermAnalyzer>,
    stop_words: FxHashSet<Box<str>>,
    ngram_range: (usize, usize),
}

/// What `transform` needs from fitting.
#[derive(Debug, Clone, PartialEq)]
struct Fitted {
    vocabulary: Vocabulary,
    idf: Option<Vec<f64>>,
}

/// Reusable per-thread buffers.
#[derive(Default)]
struct Scratch {
    /// Terms of the current document, concatenated (text input).
    arena: String,
    /// End offset of each term in `arena`.
    ends: Vec<usize>,
    /// The n-gram being built.
    gram: String,
    /// Feature slots or columns of the current document.
    ids: Vec<u32>,
    /// `(column << 32) | count` of the current document: sorting these plain integers
    /// orders a row by column faster than sorting `(column, tf)` pairs.
    packed: Vec<u64>,
}

/// The counts gathered by fitting: id-keyed (from `fit`, turned into a string-keyed
/// table only when asked for) or a string-keyed table.
#[derive(Clone, Default)]
struct Counts {
    grams: Option<Arc<GramCounts>>,
    table: OnceLock<DocumentFrequencies>,
}

impl Counts {
    fn from_table(table: DocumentFrequencies) -> Self {
        Counts {
            grams: None,
            table: OnceLock::from(table),
        }
    }

    fn from_grams(grams: GramCounts) -> Self {
        Counts {
            grams: Some(Arc::new(grams)),
            table: OnceLock::new(),
        }
    }

    fn n_docs(&self) -> u64 {
        match &self.grams {
            Some(grams) => grams.n_docs,
            None => self.table().n_docs(),
        }
    }

    fn table(&self) -> &DocumentFrequencies {
        self.table.get_or_init(|| {
            self.grams
                .as_ref()
                .map_or_else(DocumentFrequencies::new, |g| g.to_table())
        })
    }

    /// The string-keyed table, to add to.
    fn take_table(&mut self) -> DocumentFrequencies {
        let grams = self.grams.take();
        self.table
            .take()
            .unwrap_or_else(|| grams.map_or_else(DocumentFrequencies::new, |g| g.to_table()))
    }
}

/// A batch of documents in either input form.
trait Docs: Sync {
    fn len(&self) -> usize;
    /// Calls `f` with each feature (n-gram) of document `i`.
    fn features<F: FnMut(&str)>(&self, pipeline: &Pipeline, i: usize, scratch: &mut Scratch, f: F);
    /// Calls `f` with each term of document `i` that is not a stop word.
    fn terms<F: FnMut(&str)>(&self, pipeline: &Pipeline, i: usize, f: F);
    /// Document `i`'s text, for text input.
    fn text(&self, _i: usize) -> Option<&str> {
        None
    }

    /// About `n` contiguous ranges of documents covering them all, of similar text size
    /// (document count when there is no text).
    #[cfg(feature = "parallel")]
    fn pieces(&self, n: usize) -> Vec<Range<usize>> {
        let size = |i| self.text(i).map_or(1, str::len).max(1);
        let total: usize = (0..self.len()).map(size).sum();
        let target = total.div_ceil(n.max(1)).max(1);
        let mut pieces = Vec::with_capacity(n);
        let (mut start, mut filled) = (0, 0);
        for i in 0..self.len() {
            filled += size(i);
            if filled >= target {
                pieces.push(start..i + 1);
                (start, filled) = (i + 1, 0);
            }
        }
        if start < self.len() {
            pieces.push(start..self.len());
        }
        pieces
    }
}

struct TextDocs<'a, S>(&'a [S]);

struct TermDocs<'a, D, T>(&'a [D], std::marker::PhantomData<fn() -> T>);

impl<S: AsRef<str> + Sync> Docs for TextDocs<'_, S> {
    fn len(&self) -> usize {
        self.0.len()
    }

    fn features<F: FnMut(&str)>(&self, pipeline: &Pipeline, i: usize, scratch: &mut Scratch, f: F) {
        let Scratch {
            arena, ends, gram, ..
        } = scratch;
        arena.clear();
        ends.clear();
        pipeline.for_each_term(self.0[i].as_ref(), |term| {
            arena.push_str(term);
            ends.push(arena.len());
        });
        let mut start = 0;
        let terms: Vec<&str> = ends
            .iter()
            .map(|&end| {
                let term = &arena[start..end];
                start = end;
                term
            })
            .collect();
        pipeline.for_each_ngram(&terms, gram, f);
    }

    fn terms<F: FnMut(&str)>(&self, pipeline: &Pipeline, i: usize, f: F) {
        pipeline.for_each_term(self.0[i].as_ref(), f);
    }

    fn text(&self, i: usize) -> Option<&str> {
        Some(self.0[i].as_ref())
    }
}

/// Documents already analyzed into term ids (stop words removed).
struct CorpusDocs<'a>(&'a Corpus);

impl Docs for CorpusDocs<'_> {
    fn len(&self) -> usize {
        self.0.len()
    }

    fn features<F: FnMut(&str)>(&self, pipeline: &Pipeline, i: usize, scratch: &mut Scratch, f: F) {
        let terms: Vec<&str> = self
            .0
            .doc(i)
            .iter()
            .map(|&t| self.0.terms.term(t))
            .collect();
        pipeline.for_each_ngram(&terms, &mut scratch.gram, f);
    }

    fn terms<F: FnMut(&str)>(&self, _: &Pipeline, i: usize, f: F) {
        self.0
            .doc(i)
            .iter()
            .map(|&t| self.0.terms.term(t))
            .for_each(f);
    }
}

impl<D, T> Docs for TermDocs<'_, D, T>
where
    D: AsRef<[T]> + Sync,
    T: AsRef<str>,
{
    fn len(&self) -> usize {
        self.0.len()
    }

    fn features<F: FnMut(&str)>(&self, pipeline: &Pipeline, i: usize, scratch: &mut Scratch, f: F) {
        let terms: Vec<&str> = self.0[i]
            .as_ref()
            .iter()
            .map(AsRef::as_ref)
            .filter(|t| !pipeline.is_stop_word(t))
            .collect();
        pipeline.for_each_ngram(&terms, &mut scratch.gram, f);
    }

    fn terms<F: FnMut(&str)>(&self, pipeline: &Pipeline, i: usize, mut f: F) {
        for term in self.0[i].as_ref() {
            let term = term.as_ref();
            if !pipeline.is_stop_word(term) {
                f(term);
            }
        }
    }
}

impl Pipeline {
    /// Calls `f` with each term of `text` that is not a stop word; a slovo [`Analyzer`] is
    /// called directly, without a dynamic call per term.
    fn for_each_term<F: FnMut(&str)>(&self, text: &str, mut f: F) {
        let mut keep = |term: &str| {
            if !self.is_stop_word(term) {
                f(term);
            }
        };
        match self.analyzer.as_analyzer() {
            Some(analyzer) => analyzer.for_each_term(text, |term, _| keep(term)),
            None => self.analyzer.analyze(text, &mut keep),
        }
    }

    /// Every document's term ids, each document analyzed once. With `parallel` (and more
    /// than one rayon thread) contiguous pieces of the corpus, of at least
    /// [`MIN_PIECE_DOCS`] documents, are analyzed on rayon's pool, each with its worker's
    /// memo, and joined in order: the same corpus, terms numbered as a sequential pass
    /// numbers them.
    fn analyze<D: Docs>(&self, docs: &D, parallel: bool) -> Corpus {
        #[cfg(feature = "parallel")]
        if parallel && rayon::current_num_threads() > 1 && docs.len() >= 2 * MIN_PIECE_DOCS {
            use rayon::prelude::*;
            let n = (2 * rayon::current_num_threads()).min(docs.len() / MIN_PIECE_DOCS);
            let pieces = docs.pieces(n);
            let corpora: Vec<Corpus> = pieces
                .into_par_iter()
                .map(|piece| self.analyze_piece(docs, piece))
                .collect();
            return Corpus::concat(corpora);
        }
        let _ = parallel;
        self.analyze_piece(docs, 0..docs.len())
    }

    /// The corpus of documents `range` of `docs`.
    fn analyze_piece<D: Docs>(&self, docs: &D, range: Range<usize>) -> Corpus {
        // Documents given as terms use no memo: leave the thread's kept one alone.
        let text = range.clone().next().and_then(|i| docs.text(i)).is_some();
        match self.analyzer.as_analyzer().filter(|_| text) {
            Some(analyzer) => with_thread_memo(analyzer, |memo| {
                self.analyze_docs(docs, range, Some((analyzer, memo)))
            }),
            None => self.analyze_docs(docs, range, None),
        }
    }

    /// [`analyze_piece`](Self::analyze_piece); a slovo analyzer's tokens are looked up in
    /// `memo`.
    fn analyze_docs<D: Docs>(
        &self,
        docs: &D,
        range: Range<usize>,
        mut memo: Option<(&Analyzer, &mut TokenMemo)>,
    ) -> Corpus {
        /// A memo term not met yet in this corpus.
        const UNSEEN: u32 = u32::MAX;
        /// A memo term left out (a stop word of the vectorizer).
        const LEFT_OUT: u32 = u32::MAX - 1;
        let mut corpus = Corpus::default();
        corpus.ends.reserve(range.len());
        // The corpus id of each memo term id.
        let mut local: Vec<u32> = Vec::new();
        for i in range {
            let Corpus { terms, ids, ends } = &mut corpus;
            match (&mut memo, docs.text(i)) {
                (Some((analyzer, memo)), Some(text)) => {
                    let kinds = &analyzer.config().kinds;
                    // Tokens of other kinds give no term: skip them before the lookup.
                    for token in analyzer.tokens(text).filter(|t| kinds.contains(&t.kind)) {
                        let Some(term) = memo.term_id(analyzer, token) else {
                            continue;
                        };
                        let t = term as usize;
                        if t >= local.len() {
                            local.resize(memo.n_terms().max(t + 1), UNSEEN);
                        }
                        let Some(id) = local.get_mut(t) else { continue };
                        if *id == UNSEEN {
                            let text = memo.term(term);
                            *id = if self.is_stop_word(text) {
                                LEFT_OUT
                            } else {
                                terms.get_or_insert(text).0
                            };
                        }
                        if *id != LEFT_OUT {
                            ids.push(*id);
                        }
                    }
                }
                _ => docs.terms(self, i, |term| ids.push(terms.get_or_insert(term).0)),
            }
            ends.push(ids.len());
        }
        corpus
    }

    fn is_stop_word(&self, term: &str) -> bool {
        !self.stop_words.is_empty() && self.stop_words.contains(term)
    }

    /// All n-grams of `terms` with `min_n <= n <= max_n`, terms joined by one space.
    fn for_each_ngram<F: FnMut(&str)>(&self, terms: &[&str], gram: &mut String, mut f: F) {
        let (min_n, max_n) = self.ngram_range;
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

    /// Counts `docs` into `table`; with `runs`, records each document's `(slot, count)`
    /// pairs (flat) and where each document's pairs end.
    fn count<D: Docs>(
        &self,
        docs: &D,
        table: &mut DocumentFrequencies,
        mut runs: Option<&mut Runs>,
    ) {
        let mut scratch = Scratch::default();
        let mut ids = Vec::new();
        for i in 0..docs.len() {
            ids.clear();
            docs.features(self, i, &mut scratch, |feature| {
                ids.push(table.slot_or_insert(feature));
            });
            match runs.as_deref_mut() {
                Some(runs) => {
                    table.add_slots(&mut ids, Some(&mut runs.pairs));
                    runs.ends.push(runs.pairs.len());
                }
                None => table.add_slots(&mut ids, None),
            }
        }
    }
}

impl TfidfVectorizer {
    /// A vectorizer with these options and the default analyzer.
    ///
    /// # Errors
    ///
    /// [`Error::InvalidOption`] from [`TfidfConfig::validate`].
    ///
    /// ```
    /// use slovo::tfidf::{TfidfConfig, TfidfVectorizer};
    ///
    /// let vectorizer = TfidfVectorizer::new(TfidfConfig::default())?;
    /// assert!(!vectorizer.is_fitted());
    ///
    /// let mut bad = TfidfConfig::default();
    /// bad.ngram_range = (0, 1);
    /// assert!(TfidfVectorizer::new(bad).is_err());
    /// # Ok::<(), slovo::Error>(())
    /// ```
    pub fn new(config: TfidfConfig) -> Result<Self> {
        Self::with_analyzer(config, Analyzer::default())
    }

    /// A vectorizer with these options that turns text into terms with `analyzer`.
    ///
    /// # Errors
    ///
    /// [`Error::InvalidOption`] from [`TfidfConfig::validate`].
    ///
    /// ```
    /// use slovo::tfidf::{TfidfConfig, TfidfVectorizer};
    ///
    /// let chars = |text: &str| text.chars().map(String::from).collect::<Vec<_>>();
    /// let mut vectorizer = TfidfVectorizer::with_analyzer(TfidfConfig::default(), chars)?;
    /// vectorizer.fit(&["аб", "ба", "в"])?;
    /// assert_eq!(vectorizer.vocabulary().unwrap().len(), 3);
    /// # Ok::<(), slovo::Error>(())
    /// ```
    pub fn with_analyzer(
        config: TfidfConfig,
        analyzer: impl TermAnalyzer + 'static,
    ) -> Result<Self> {
        config.validate()?;
        let pipeline = Pipeline {
            analyzer: Arc::new(analyzer),
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
            parallel: cfg!(feature = "parallel"),
        })
    }

    /// Replaces the analyzer (for example after [`from_bytes`](Self::from_bytes), which
    /// cannot restore one). The fitted model is kept: use an analyzer that gives the same
    /// terms as the one it was fitted with.
    ///
    /// ```
    /// use slovo::tfidf::{TfidfConfig, TfidfVectorizer};
    ///
    /// let mut vectorizer = TfidfVectorizer::new(TfidfConfig::default())?;
    /// vectorizer.set_analyzer(|text: &str| vec![text.to_uppercase()]);
    /// vectorizer.fit(&["а б"])?;
    /// assert_eq!(vectorizer.vocabulary().unwrap().term(0), Some("А Б"));
    /// # Ok::<(), slovo::Error>(())
    /// ```
    pub fn set_analyzer(&mut self, analyzer: impl TermAnalyzer + 'static) {
        self.pipeline.analyzer = Arc::new(analyzer);
    }

    /// Chooses whether documents are spread over rayon's thread pool (default: on with the
    /// `parallel` feature, which is on by default): fitting analyzes pieces of the corpus
    /// in parallel (the counting that follows is sequential), `transform` builds rows in
    /// parallel. The result is the same either way.
    ///
    /// ```
    /// let mut vectorizer = slovo::tfidf::TfidfVectorizer::new(Default::default())?;
    /// vectorizer.set_parallel(false);
    /// # Ok::<(), slovo::Error>(())
    /// ```
    pub fn set_parallel(&mut self, parallel: bool) {
        self.parallel = parallel && cfg!(feature = "parallel");
    }

    /// The options.
    ///
    /// ```
    /// let vectorizer = slovo::tfidf::TfidfVectorizer::new(Default::default())?;
    /// assert_eq!(vectorizer.config().ngram_range, (1, 1));
    /// # Ok::<(), slovo::Error>(())
    /// ```
    pub fn config(&self) -> &TfidfConfig {
        &self.config
    }

    /// Learns vocabulary and idf from `docs` (text), forgetting earlier fits.
    ///
    /// # Errors
    ///
    /// [`Error::InvalidOption`] when `max_df` resolves to fewer documents than `min_df` on
    /// this corpus (possible when one is a count and the other a proportion).
    ///
    /// ```
    /// let mut vectorizer = slovo::tfidf::TfidfVectorizer::new(Default::default())?;
    /// vectorizer.fit(&["Кот спит", "кот ест"])?;
    /// assert_eq!(vectorizer.vocabulary().unwrap().iter().collect::<Vec<_>>(), ["ест", "кот", "спит"]);
    /// # Ok::<(), slovo::Error>(())
    /// ```
    pub fn fit<S: AsRef<str> + Sync>(&mut self, docs: &[S]) -> Result<()> {
        self.fit_docs(&TextDocs(docs))
    }

    /// Like [`fit`](Self::fit), for documents already turned into terms.
    ///
    /// # Errors
    ///
    /// As [`fit`](Self::fit).
    ///
    /// ```
    /// let mut vectorizer = slovo::tfidf::TfidfVectorizer::new(Default::default())?;
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
    /// let mut vectorizer = slovo::tfidf::TfidfVectorizer::new(Default::default())?;
    /// let matrix = vectorizer.fit_transform(&["кот спит", "кот ест"])?;
    /// assert_eq!(matrix.shape(), (2, 3));
    /// # Ok::<(), slovo::Error>(())
    /// ```
    pub fn fit_transform<S: AsRef<str> + Sync>(&mut self, docs: &[S]) -> Result<CsrMatrix> {
        self.fit_transform_docs(&TextDocs(docs))
    }

    /// Like [`fit_transform`](Self::fit_transform), for documents already turned into terms.
    ///
    /// # Errors
    ///
    /// As [`fit`](Self::fit).
    ///
    /// ```
    /// let mut vectorizer = slovo::tfidf::TfidfVectorizer::new(Default::default())?;
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
    /// let mut vectorizer = slovo::tfidf::TfidfVectorizer::new(Default::default())?;
    /// vectorizer.partial_fit(&["кот спит"]);
    /// vectorizer.partial_fit(&["кот ест"]);
    /// assert!(vectorizer.transform(&["кот"]).is_err()); // not finalized yet
    /// vectorizer.finalize()?;
    /// assert_eq!(vectorizer.vocabulary().unwrap().len(), 3);
    /// # Ok::<(), slovo::Error>(())
    /// ```
    pub fn partial_fit<S: AsRef<str> + Sync>(&mut self, docs: &[S]) {
        let mut table = self.counts.take_table();
        self.pipeline.count(&TextDocs(docs), &mut table, None);
        self.counts = Counts::from_table(table);
        self.pending = true;
    }

    /// Like [`partial_fit`](Self::partial_fit), for documents already turned into terms.
    ///
    /// ```
    /// let mut vectorizer = slovo::tfidf::TfidfVectorizer::new(Default::default())?;
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
    /// let mut vectorizer = slovo::tfidf::TfidfVectorizer::new(Default::default())?;
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
    /// let vectorizer = slovo::tfidf::TfidfVectorizer::new(Default::default())?;
    /// let table = vectorizer.count(&["кот спит", "кот"]);
    /// assert_eq!(table.df("кот"), 2);
    /// # Ok::<(), slovo::Error>(())
    /// ```
    pub fn count<S: AsRef<str> + Sync>(&self, docs: &[S]) -> DocumentFrequencies {
        let mut table = DocumentFrequencies::new();
        self.pipeline.count(&TextDocs(docs), &mut table, None);
        table
    }

    /// Like [`count`](Self::count), for documents already turned into terms.
    ///
    /// ```
    /// use slovo::tfidf::TfidfVectorizer;
    ///
    /// let mut vectorizer = TfidfVectorizer::new(Default::default())?;
    /// let docs = [vec!["а", "б"], vec!["а"], vec!["в"]];
    /// let mut table = vectorizer.count_terms(&docs[..2]);
    /// table.merge(&vectorizer.count_terms(&docs[2..]));
    /// vectorizer.fit_frequencies(table)?;
    ///
    /// let mut whole = TfidfVectorizer::new(Default::default())?;
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
    /// let mut vectorizer = TfidfVectorizer::new(Default::default())?;
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
    /// let mut vectorizer = slovo::tfidf::TfidfVectorizer::new(Default::default())?;
    /// vectorizer.fit_terms(&[["а", "а"]])?;
    /// assert_eq!(vectorizer.frequencies().total_count("а"), 2);
    /// # Ok::<(), slovo::Error>(())
    /// ```
    pub fn frequencies(&self) -> &DocumentFrequencies {
        self.counts.table()
    }

    /// TF-IDF rows of `docs` (text) over the fitted vocabulary; unknown features are
    /// ignored. Runs in parallel unless [`set_parallel(false)`](Self::set_parallel).
    ///
    /// # Errors
    ///
    /// [`Error::NotFitted`] before the first fit, or after `partial_fit` without `finalize`.
    ///
    /// ```
    /// let mut vectorizer = slovo::tfidf::TfidfVectorizer::new(Default::default())?;
    /// vectorizer.fit(&["кот спит", "пёс ест"])?;
    /// let matrix = vectorizer.transform(&["кот кот слон"])?;
    /// let kot = vectorizer.vocabulary().unwrap().get("кот").unwrap();
    /// assert_eq!(matrix.get(0, kot), 1.0); // the only known term, L2-normalized
    /// # Ok::<(), slovo::Error>(())
    /// ```
    pub fn transform<S: AsRef<str> + Sync>(&self, docs: &[S]) -> Result<CsrMatrix> {
        self.transform_docs(&TextDocs(docs))
    }

    /// Like [`transform`](Self::transform), for documents already turned into terms.
    ///
    /// # Errors
    ///
    /// As [`transform`](Self::transform).
    ///
    /// ```
    /// let mut vectorizer = slovo::tfidf::TfidfVectorizer::new(Default::default())?;
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
    /// use slovo::tfidf::{TfidfConfig, TfidfVectorizer};
    ///
    /// let mut config = TfidfConfig::default();
    /// config.ngram_range = (1, 2);
    /// let vectorizer = TfidfVectorizer::new(config)?;
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
    /// let mut vectorizer = slovo::tfidf::TfidfVectorizer::new(Default::default())?;
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
    /// let mut vectorizer = slovo::tfidf::TfidfVectorizer::new(Default::default())?;
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
    /// let mut vectorizer = slovo::tfidf::TfidfVectorizer::new(Default::default())?;
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
        let mut vectorizer = Self::new(config)?;
        vectorizer.fitted = Some(Fitted { vocabulary, idf });
        Ok(vectorizer)
    }

    /// The options, the analyzer's configuration (when it is a slovo [`Analyzer`]) and
    /// the fitted model (vocabulary, idf) as compact versioned bytes. The counts are not
    /// included (save [`frequencies`](Self::frequencies) separately if you need them), nor
    /// is a custom analyzer (set it again after loading).
    ///
    /// ```
    /// use slovo::tfidf::TfidfVectorizer;
    ///
    /// let mut vectorizer = TfidfVectorizer::new(Default::default())?;
    /// vectorizer.fit(&["кот спит", "пёс"])?;
    /// let restored = TfidfVectorizer::from_bytes(&vectorizer.to_bytes())?;
    /// assert_eq!(restored.vocabulary(), vectorizer.vocabulary());
    /// assert_eq!(restored.idf(), vectorizer.idf());
    /// # Ok::<(), slovo::Error>(())
    /// ```
    pub fn to_bytes(&self) -> Vec<u8> {
        let wire = WireRef {
            config: &self.config,
            analyzer: self.pipeline.analyzer.as_analyzer().map(Analyzer::config),
            vocabulary: self.fitted.as_ref().map(|f| &f.vocabulary),
            idf: self.fitted.as_ref().and_then(|f| f.idf.as_deref()),
        };
        bytes::encode(MAGIC, FORMAT_VERSION, &wire)
    }

    /// Reads bytes written by [`to_bytes`](Self::to_bytes). The analyzer is the saved slovo
    /// [`Analyzer`] configuration, so text is analyzed as when the model was fitted; a model
    /// fitted with a custom analyzer comes back with the default one (see
    /// [`set_analyzer`](Self::set_analyzer)).
    ///
    /// # Errors
    ///
    /// [`Error::IncompatibleModel`] for another format version, [`Error::CorruptModel`]
    /// for damaged or inconsistent bytes.
    ///
    /// ```
    /// use slovo::{tfidf::TfidfVectorizer, Error};
    ///
    /// let mut bytes = TfidfVectorizer::new(Default::default())?.to_bytes();
    /// bytes[8] = 99; // the format version
    /// assert!(matches!(TfidfVectorizer::from_bytes(&bytes), Err(Error::IncompatibleModel { .. })));
    /// # Ok::<(), slovo::Error>(())
    /// ```
    pub fn from_bytes(bytes: &[u8]) -> Result<Self> {
        let wire: Wire = bytes::decode(bytes, MAGIC, FORMAT_VERSION, "a TF-IDF model")?;
        let corrupt = |err: Error| Error::corrupt_model(format!("TF-IDF model: {err}"));
        let mut vectorizer = match wire.vocabulary {
            Some(vocabulary) => {
                Self::from_vocabulary(wire.config, vocabulary, wire.idf).map_err(corrupt)?
            }
            None => Self::new(wire.config).map_err(corrupt)?,
        };
        if let Some(config) = wire.analyzer {
            vectorizer.set_analyzer(Analyzer::from_config(config));
        }
        Ok(vectorizer)
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

    /// Vocabulary and idf from the counts, plus the column of each count slot
    /// (`u32::MAX` for pruned features).
    fn build_model(&self) -> Result<(Fitted, Vec<u32>)> {
        if let Some(grams) = &self.counts.grams {
            // Sort keys order grams as their strings would be ordered (see `grams`).
            let (keys, by_rank) = grams.sort_keys();
            let mut entries: Vec<_> = (grams.grams.iter().enumerate())
                .filter(|(_, gram)| gram.df > 0)
                .map(|(g, gram)| (keys[g], g as u32, gram.df, gram.count))
                .collect();
            sort_by_lanes(
                &mut entries,
                |e| e.0,
                self.config.ngram_range.1.min(MAX_N),
                grams.terms.len() + 1,
            );
            let kept = self.select(grams.n_docs, entries.into_iter(), true)?;
            let mut text = String::new();
            let mut ends = Vec::with_capacity(kept.len());
            for &(key, ..) in &kept {
                grams.write_key(key, &by_rank, &mut text);
                ends.push(text.len());
            }
            let mut start = 0;
            let terms = ends.iter().map(|&end| {
                let term = &text[start..end];
                start = end;
                term
            });
            return Ok(self.model(&kept, grams.len(), grams.n_docs, terms, text.len()));
        }
        let table = self.counts.table();
        let kept = self.select(
            table.n_docs(),
            table.entries().map(|(s, t, df, c)| (t, s, df, c)),
            false,
        )?;
        let bytes = kept.iter().map(|&(t, ..)| t.len()).sum();
        let terms = kept.iter().map(|&(t, ..)| t);
        Ok(self.model(&kept, table.len(), table.n_docs(), terms, bytes))
    }

    /// The `(key, slot, df, total count)` entries that survive `min_df`, `max_df` and
    /// `max_features`, sorted by key (the feature's string or a key in the same order).
    /// Entries with df 0 (n-gram prefixes that were never counted) are left out.
    fn select<K: Ord + Copy>(
        &self,
        n_docs: u64,
        entries: impl Iterator<Item = (K, u32, u64, u64)>,
        mut sorted: bool,
    ) -> Result<Vec<(K, u32, u64, u64)>> {
        let config = &self.config;
        let high = config.max_df.resolve(n_docs);
        let low = config.min_df.resolve(n_docs);
        // scikit-learn's check; an empty corpus simply gives an empty vocabulary.
        if high < low && n_docs > 0 {
            return Err(Error::invalid_option(
                "max_df",
                format!("{} (= {high} of {n_docs} documents)", config.max_df),
                format!("at least min_df {} (= {low} documents)", config.min_df),
            ));
        }
        let mut kept: Vec<(K, u32, u64, u64)> = entries
            .filter(|&(_, _, df, _)| {
                let dff = df as f64;
                df > 0 && dff <= high && dff >= low
            })
            .collect();
        if let Some(limit) = config.max_features {
            if kept.len() > limit {
                sorted = false;
                // Most frequent first; ties by term so the cut is deterministic.
                kept.select_nth_unstable_by(limit - 1, |a, b| b.3.cmp(&a.3).then(a.0.cmp(&b.0)));
                kept.truncate(limit);
            }
        }
        if !sorted {
            kept.sort_unstable_by_key(|e| e.0);
        }
        Ok(kept)
    }

    /// The fitted model from the selected entries and their strings (in the same order).
    fn model<'a, K>(
        &self,
        kept: &[(K, u32, u64, u64)],
        n_slots: usize,
        n_docs: u64,
        terms: impl ExactSizeIterator<Item = &'a str>,
        bytes: usize,
    ) -> (Fitted, Vec<u32>) {
        let config = &self.config;
        let mut slot_column = vec![u32::MAX; n_slots];
        for (col, &(_, slot, _, _)) in kept.iter().enumerate() {
            slot_column[slot as usize] = col as u32;
        }
        let idf = config.use_idf.then(|| {
            let s = u64::from(config.smooth_idf);
            let n = (n_docs + s) as f64;
            kept.iter()
                .map(|&(_, _, df, _)| (n / (df + s) as f64).ln() + 1.0)
                .collect()
        });
        let vocabulary = Vocabulary::from_unique(terms, bytes);
        (Fitted { vocabulary, idf }, slot_column)
    }

    /// Builds the output matrix: `fill(i, scratch, row)` pushes document `i`'s
    /// `(column, tf)` pairs in column order; weighting and normalization are applied here.
    fn collect_rows<F>(&self, n_docs: usize, n_cols: usize, fill: F, fitted: &Fitted) -> CsrMatrix
    where
        F: Fn(usize, &mut Scratch, &mut Vec<(u32, f64)>) + Sync,
    {
        let build = |range: std::ops::Range<usize>| -> (Vec<usize>, Vec<u32>, Vec<f64>) {
            let mut scratch = Scratch::default();
            let mut row = Vec::new();
            let mut lengths = Vec::with_capacity(range.len());
            let mut indices = Vec::new();
            let mut data = Vec::new();
            for i in range {
                row.clear();
                fill(i, &mut scratch, &mut row);
                let start = data.len();
                indices.extend(row.iter().map(|&(col, _)| col));
                data.extend(row.iter().map(|&(_, tf)| tf));
                self.weigh(fitted, &indices[start..], &mut data[start..]);
                lengths.push(indices.len() - start);
            }
            (lengths, indices, data)
        };

        // One rayon thread (`RAYON_NUM_THREADS=1`) builds the rows in one piece: chunks
        // would only add their concatenation.
        #[cfg(feature = "parallel")]
        if self.parallel && n_docs > CHUNK && rayon::current_num_threads() > 1 {
            use rayon::prelude::*;
            let chunks: Vec<_> = (0..n_docs.div_ceil(CHUNK))
                .into_par_iter()
                .map(|c| build(c * CHUNK..((c + 1) * CHUNK).min(n_docs)))
                .collect();
            let nnz = chunks.iter().map(|c| c.1.len()).sum();
            let mut indptr = Vec::with_capacity(n_docs + 1);
            let mut indices = Vec::with_capacity(nnz);
            let mut data = Vec::with_capacity(nnz);
            indptr.push(0);
            for (lengths, chunk_indices, chunk_data) in chunks {
                for len in lengths {
                    indptr.push(indptr[indptr.len() - 1] + len);
                }
                indices.extend_from_slice(&chunk_indices);
                data.extend_from_slice(&chunk_data);
            }
            return CsrMatrix::from_parts_unchecked(n_cols, indptr, indices, data);
        }

        let (lengths, indices, data) = build(0..n_docs);
        let mut indptr = Vec::with_capacity(n_docs + 1);
        indptr.push(0);
        for len in lengths {
            indptr.push(indptr[indptr.len() - 1] + len);
        }
        CsrMatrix::from_parts_unchecked(n_cols, indptr, indices, data)
    }

    /// Turns one row's raw counts into weights, in scikit-learn's order of operations.
    fn weigh(&self, fitted: &Fitted, indices: &[u32], values: &mut [f64]) {
        if self.config.binary {
            values.iter_mut().for_each(|v| *v = 1.0);
        }
        if self.config.sublinear_tf {
            values.iter_mut().for_each(|v| *v = v.ln() + 1.0);
        }
        if let Some(idf) = &fitted.idf {
            for (v, &col) in values.iter_mut().zip(indices) {
                *v *= idf[col as usize];
            }
        }
        let norm = match self.config.norm {
            Norm::None => return,
            Norm::L2 => values.iter().map(|v| v * v).sum::<f64>().sqrt(),
            Norm::L1 => values.iter().map(|v| v.abs()).sum::<f64>(),
        };
        if norm != 0.0 {
            values.iter_mut().for_each(|v| *v /= norm);
        }
    }
}

/// Sorts `items` by `key`, a gram sort key ([`GramCounts::sort_keys`]: term ranks + 1 in
/// 32-bit lanes, first term highest), with one stable counting sort per lane, last used
/// lane first (LSD radix). `lanes` is the longest gram, `buckets` one more than the number
/// of terms (a lane holds 0 or a rank + 1). Linear in the items, where comparing
/// 128-bit keys was the costliest step of fitting n-grams.
fn sort_by_lanes<T: Copy>(
    items: &mut Vec<T>,
    key: impl Fn(&T) -> u128,
    lanes: usize,
    buckets: usize,
) {
    let Some(&first) = items.first() else {
        return;
    };
    let mut sorted = vec![first; items.len()];
    let mut starts = vec![0usize; buckets];
    for lane in (0..lanes).rev() {
        let shift = 32 * (MAX_N - 1 - lane);
        // Lane values come from `sort_keys`, so they are below `buckets`.
        let digit = |item: &T| (key(item) >> shift) as u32 as usize;
        starts.iter_mut().for_each(|s| *s = 0);
        for item in items.iter() {
            starts[digit(item)] += 1;
        }
        let mut total = 0;
        for start in starts.iter_mut() {
            let n = *start;
            *start = total;
            total += n;
        }
        for item in items.iter() {
            let d = digit(item);
            sorted[starts[d]] = *item;
            starts[d] += 1;
        }
        std::mem::swap(items, &mut sorted);
    }
}

fn check_idf(config: &TfidfConfig, vocabulary: &Vocabulary, idf: Option<&[f64]>) -> Result<()> {
    match (config.use_idf, idf) {
        (true, None) => Err(Error::invalid_option(
            "idf",
            "none",
            format!("{} values (use_idf is on)", vocabulary.len()),
        )),
        (false, Some(_)) => Err(Error::invalid_option(
            "idf",
            "values",
            "none (use_idf is off)",
        )),
        (true, Some(idf)) if idf.len() != vocabulary.len() => Err(Error::invalid_option(
            "idf",
            format!("{} values", idf.len()),
            format!("one per vocabulary term ({})", vocabulary.len()),
        )),
        (true, Some(idf)) => match idf.iter().position(|v| !v.is_finite()) {
            Some(i) => Err(Error::invalid_option(
                "idf",
                format!("{} at column {i}", idf[i]),
                "finite numbers",
            )),
            None => Ok(()),
        },
        (false, None) => Ok(()),
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

/// Serialized form (borrowing, for writing).
#[derive(serde::Serialize)]
struct WireRef<'a> {
    config: &'a TfidfConfig,
    analyzer: Option<&'a AnalyzerConfig>,
    vocabulary: Option<&'a Vocabulary>,
    idf: Option<&'a [f64]>,
}

/// Serialized form (owned, for reading).
#[derive(serde::Deserialize)]
struct Wire {
    config: TfidfConfig,
    analyzer: Option<AnalyzerConfig>,
    vocabulary: Option<Vocabulary>,
    idf: Option<Vec<f64>>,
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Analyzing pieces of the corpus in parallel gives exactly the sequential model and
    /// matrix, for unigrams and n-grams.
    #[cfg(feature = "parallel")]
    #[test]
    fn a_parallel_fit_equals_the_sequential_one() {
        let text = include_str!("../../examples/data/kazinform_eu_ru.txt");
        let words: Vec<&str> = text.split_whitespace().collect();
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
                let mut vectorizer = TfidfVectorizer::new(config.clone()).expect("valid");
                vectorizer.set_parallel(parallel);
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
        let text = include_str!("../../examples/data/kazinform_eu_ru.txt");
        let lines: Vec<&str> = text.lines().filter(|l| !l.trim().is_empty()).collect();
        let (first, second) = lines.split_at(lines.len() / 2);
        let with_stop_words = TfidfConfig {
            stop_words: vec!["казахста".into(), "евросоюз".into()],
            ngram_range: (1, 2),
            ..TfidfConfig::default()
        };
        let unstemmed = Analyzer::builder().stem(false).build();
        let configs = [
            (TfidfConfig::default(), Analyzer::default()),
            (with_stop_words, Analyzer::default()),
            (TfidfConfig::default(), unstemmed),
        ];
        let fit = |(config, analyzer): &(TfidfConfig, Analyzer), docs: &[&str]| {
            let mut vectorizer = TfidfVectorizer::with_analyzer(config.clone(), analyzer.clone())
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

    /// The lane-by-lane radix sort orders gram keys exactly as comparing the keys does.
    #[test]
    fn sort_by_lanes_matches_a_comparison_sort() {
        let lane = |d: usize, v: u32| u128::from(v) << (32 * (MAX_N - 1 - d));
        let mut keys = Vec::new();
        let mut seed = 7u64;
        for _ in 0..500 {
            seed = seed
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            let depth = (seed >> 60) as usize % MAX_N + 1;
            let key = (0..depth).fold(0, |k, d| k | lane(d, ((seed >> (8 * d)) % 9 + 1) as u32));
            keys.push((key, keys.len()));
        }
        keys.sort_unstable();
        keys.dedup_by_key(|k| k.0);
        let mut radix = keys.clone();
        radix.reverse();
        sort_by_lanes(&mut radix, |k| k.0, MAX_N, 10);
        assert_eq!(radix, keys);
    }
}

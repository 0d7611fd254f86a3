//! The seam between text and terms: what a vectorizer calls to turn a document into terms.

use crate::terms::analyze::Analyzer;

/// Turns a document's text into terms (tokens after normalization, stemming, …), which the
/// vectorizer then filters by stop words and combines into n-grams. It plays the part of
/// scikit-learn's `preprocessor` + `tokenizer` for `analyzer="word"`.
///
/// slovo's [`Analyzer`] is one (and the default of
/// [`TfidfVectorizer::new`](super::TfidfVectorizer::new); others go to
/// [`TfidfVectorizerBuilder::analyzer`](super::TfidfVectorizerBuilder::analyzer)); any
/// `Fn(&str) -> Vec<String> + Send + Sync` closure is one too.
///
/// Terms are handed to `sink` one at a time as `&str`, so an analyzer can reuse one buffer
/// for all of them; the vectorizer copies what it keeps.
///
/// # Example
///
/// ```
/// use slovo::tfidf::{TermAnalyzer, TfidfVectorizer};
///
/// /// Splits on commas.
/// struct Commas;
///
/// impl TermAnalyzer for Commas {
///     fn analyze(&self, text: &str, sink: &mut dyn FnMut(&str)) {
///         text.split(',').map(str::trim).filter(|t| !t.is_empty()).for_each(sink);
///     }
/// }
///
/// let mut vectorizer = TfidfVectorizer::builder().analyzer(Commas).build()?;
/// vectorizer.fit(&["красный, синий", "синий"])?;
/// assert_eq!(vectorizer.vocabulary().unwrap().iter().collect::<Vec<_>>(), ["красный", "синий"]);
///
/// // A closure works too.
/// let by_space = |text: &str| text.split(' ').map(str::to_owned).collect::<Vec<_>>();
/// let vectorizer = TfidfVectorizer::builder().analyzer(by_space).build()?;
/// # Ok::<(), slovo::Error>(())
/// ```
pub trait TermAnalyzer: Send + Sync {
    /// Calls `sink` with each term of `text`, in text order.
    fn analyze(&self, text: &str, sink: &mut dyn FnMut(&str));

    /// The slovo [`Analyzer`] behind this analyzer, if it is one: the vectorizer then
    /// calls it directly (no dynamic call per term) and saves its configuration with the
    /// model. Other analyzers keep the default, `None`.
    ///
    /// ```
    /// use slovo::tfidf::TermAnalyzer;
    ///
    /// assert!(slovo::Analyzer::default().as_analyzer().is_some());
    /// let split = |text: &str| text.split(' ').map(str::to_owned).collect::<Vec<_>>();
    /// assert!(split.as_analyzer().is_none());
    /// ```
    fn as_analyzer(&self) -> Option<&Analyzer> {
        None
    }
}

impl<F> TermAnalyzer for F
where
    F: Fn(&str) -> Vec<String> + Send + Sync,
{
    fn analyze(&self, text: &str, sink: &mut dyn FnMut(&str)) {
        for term in self(text) {
            sink(&term);
        }
    }
}

/// The stems of [`Analyzer::for_each_term`], without a `String` per term.
///
/// ```
/// use slovo::tfidf::TermAnalyzer;
///
/// let mut stems = Vec::new();
/// slovo::Analyzer::default().analyze("Стороны обсудили", &mut |s| stems.push(s.to_owned()));
/// assert_eq!(stems, ["сторон", "обсуд"]);
/// ```
impl TermAnalyzer for Analyzer {
    fn analyze(&self, text: &str, sink: &mut dyn FnMut(&str)) {
        self.for_each_term(text, |stem, _| sink(stem));
    }

    fn as_analyzer(&self) -> Option<&Analyzer> {
        Some(self)
    }
}

//! The seam between text and terms: what a vectorizer calls to turn a document into terms.

/// Turns a document's text into terms (tokens after normalization, stemming, …), which the
/// vectorizer then filters by stop words and combines into n-grams. It plays the part of
/// scikit-learn's `preprocessor` + `tokenizer` for `analyzer="word"`.
///
/// Terms are handed to `sink` one at a time as `&str`, so an analyzer can reuse one buffer
/// for all of them; the vectorizer copies what it keeps. Any
/// `Fn(&str) -> Vec<String> + Send + Sync` closure is an analyzer.
///
/// # Example
///
/// ```
/// use slovo::tfidf::{TermAnalyzer, TfidfConfig, TfidfVectorizer};
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
/// let mut vectorizer = TfidfVectorizer::with_analyzer(TfidfConfig::default(), Commas)?;
/// vectorizer.fit(&["красный, синий", "синий"])?;
/// assert_eq!(vectorizer.vocabulary().unwrap().iter().collect::<Vec<_>>(), ["красный", "синий"]);
///
/// // A closure works too.
/// let by_space = |text: &str| text.split(' ').map(str::to_owned).collect::<Vec<_>>();
/// let vectorizer = TfidfVectorizer::with_analyzer(TfidfConfig::default(), by_space)?;
/// # Ok::<(), slovo::Error>(())
/// ```
pub trait TermAnalyzer: Send + Sync {
    /// Calls `sink` with each term of `text`, in text order.
    fn analyze(&self, text: &str, sink: &mut dyn FnMut(&str));
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

/// The analyzer used until slovo's `Analyzer` (normalization, stop words, stemming) is
/// plugged in: the crate tokenizer's words and numbers, lowercased.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct InterimAnalyzer;

impl TermAnalyzer for InterimAnalyzer {
    fn analyze(&self, text: &str, sink: &mut dyn FnMut(&str)) {
        use crate::token::TokenKind;

        let mut lower = String::new();
        for token in crate::tokenize::tokenize(text) {
            if !matches!(token.kind, TokenKind::Word | TokenKind::Number) {
                continue;
            }
            if token.text.chars().any(char::is_uppercase) {
                lower.clear();
                lower.extend(token.text.chars().flat_map(char::to_lowercase));
                sink(&lower);
            } else {
                sink(token.text);
            }
        }
    }
}

//! The analysis pipeline: text → terms.
//!
//! An [`Analyzer`] runs the stages every statistic stands on, in one pass over the tokens:
//!
//! 1. [`tokenize`](crate::segment::tokenize) the original text (so spans always point into it);
//! 2. keep the chosen [`TokenKind`]s (words by default);
//! 3. [`normalize`](crate::normalize) each kept token (without the period of an
//!    abbreviation or initial such as `млн.` or `Е.`): NFC, lowercase, `ё` → `е`, no stress
//!    marks, soft hyphens or zero-width characters (all configurable);
//! 4. drop stop words and tokens shorter than `min_chars`;
//! 5. stem with Snowball Russian ([`Stemmer`]).
//!
//! Each [`Term`] keeps its stem, the surface text it came from and that text's byte span.

use std::borrow::Cow;
use std::cell::RefCell;
use std::ops::Range;
use std::sync::Arc;

use serde::{Deserialize, Serialize};

use crate::normalize::{normalize, NormalizeOptions};
use crate::segment::token::{Token, TokenKind};
use crate::segment::tokenize::{tokenize, Tokens};
use crate::terms::memo::{with_thread_memo, Key, Lookup};
use crate::terms::stem::Stemmer;
use crate::terms::stopwords::StopWords;

/// One term of a text: what statistics count, and where it came from.
///
/// ```
/// let analyzer = slovo::Analyzer::default();
/// let text = "Европейские партнёры";
/// let terms = analyzer.terms(text);
/// assert_eq!(terms[1].stem, "партнер");
/// assert_eq!(terms[1].surface, "партнёры");
/// assert_eq!(&text[terms[1].span.clone()], "партнёры");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Term<'a> {
    /// The term as counted: the normalized, stemmed form (or just normalized when stemming
    /// is off).
    pub stem: String,
    /// The token's text as it stands in the input.
    pub surface: &'a str,
    /// Byte offsets of `surface` in the input.
    pub span: Range<usize>,
}

/// What an [`Analyzer`] does; serializable, so a fitted model can record how its terms
/// were made.
///
/// Missing fields take their defaults when deserializing.
///
/// ```
/// let config = slovo::AnalyzerConfig::default();
/// assert_eq!(config.kinds, [slovo::TokenKind::Word]);
/// assert_eq!(config.min_chars, 2);
/// assert!(config.stem && config.normalize.lowercase && config.normalize.yo_to_ye);
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
#[non_exhaustive]
pub struct AnalyzerConfig {
    /// Token kinds that become terms (default: words only).
    pub kinds: Vec<TokenKind>,
    /// Normalization of each token (default: NFC, lowercase, `ё` → `е`, no stress marks,
    /// soft hyphens or zero-width characters).
    pub normalize: NormalizeOptions,
    /// Tokens dropped after normalization (default: [`StopWords::russian`]); matched with
    /// case and `ё` folded.
    pub stop_words: StopWords,
    /// Tokens with fewer characters than this are dropped (default 2).
    pub min_chars: usize,
    /// Whether to stem (default `true`).
    pub stem: bool,
}

impl Default for AnalyzerConfig {
    fn default() -> Self {
        Self {
            kinds: vec![TokenKind::Word],
            normalize: NormalizeOptions::default().lowercase(true).yo_to_ye(true),
            stop_words: StopWords::russian(),
            min_chars: 2,
            stem: true,
        }
    }
}

/// A configurable pipeline from text to [`Term`]s, with Russian defaults.
///
/// An `Analyzer` is cheap to clone (its configuration sits behind an [`Arc`]) and is
/// `Send + Sync`: share one between threads. Stemming uses a per-thread cached [`Stemmer`],
/// so frequent words are stemmed by lookup.
///
/// # Example
///
/// ```
/// use slovo::{Analyzer, TokenKind};
///
/// let text = "Стороны обсудили вопросы партнерства в рамках визита.";
/// let stems: Vec<String> = Analyzer::default().terms(text).into_iter().map(|t| t.stem).collect();
/// assert_eq!(stems, ["сторон", "обсуд", "вопрос", "партнерств", "рамк", "визит"]);
///
/// // Keep numbers, keep stop words, no stemming:
/// let analyzer = Analyzer::builder()
///     .kinds([TokenKind::Word, TokenKind::Number])
///     .stop_words(slovo::StopWords::empty())
///     .min_chars(1)
///     .stem(false)
///     .build();
/// let words: Vec<String> = analyzer.terms("В 2021 году").into_iter().map(|t| t.stem).collect();
/// assert_eq!(words, ["в", "2021", "году"]);
/// ```
#[derive(Debug, Clone, Default)]
pub struct Analyzer {
    config: Arc<AnalyzerConfig>,
}

impl Analyzer {
    /// The Russian defaults (same as [`Analyzer::default`]).
    ///
    /// ```
    /// let terms = slovo::Analyzer::new().terms("и Казахстан");
    /// assert_eq!(terms.len(), 1); // "и" is a stop word
    /// ```
    #[must_use]
    pub fn new() -> Self {
        Self::default()
    }

    /// An analyzer with the given configuration.
    ///
    /// ```
    /// let mut config = slovo::AnalyzerConfig::default();
    /// config.stem = false;
    /// let analyzer = slovo::Analyzer::from_config(config);
    /// assert_eq!(analyzer.terms("Ёлки")[0].stem, "елки");
    /// ```
    #[must_use]
    pub fn from_config(config: AnalyzerConfig) -> Self {
        Self {
            config: Arc::new(config),
        }
    }

    /// Starts from the defaults and changes what you name.
    ///
    /// ```
    /// let analyzer = slovo::Analyzer::builder().min_chars(4).build();
    /// assert!(analyzer.terms("ЕС и Брюссель").iter().all(|t| t.surface != "ЕС"));
    /// ```
    #[must_use]
    pub fn builder() -> AnalyzerBuilder {
        AnalyzerBuilder::default()
    }

    /// The configuration this analyzer runs.
    ///
    /// ```
    /// assert_eq!(slovo::Analyzer::default().config().min_chars, 2);
    /// ```
    #[must_use]
    pub fn config(&self) -> &AnalyzerConfig {
        &self.config
    }

    /// The terms of `text`, in order.
    ///
    /// ```
    /// let text = "Е. Казыхан посетил Брюссель";
    /// let terms = slovo::Analyzer::default().terms(text);
    /// let surfaces: Vec<&str> = terms.iter().map(|t| t.surface).collect();
    /// assert_eq!(surfaces, ["Казыхан", "посетил", "Брюссель"]);
    /// ```
    #[must_use]
    pub fn terms<'a>(&self, text: &'a str) -> Vec<Term<'a>> {
        let mut terms = Vec::new();
        self.for_each_term(text, |stem, token| {
            terms.push(Term {
                stem: stem.to_owned(),
                surface: token.text,
                span: token.span.range(),
            })
        });
        terms
    }

    /// Calls `f` with each term's stem and the token it came from, without allocating per
    /// term: the fast path for counting (TF-IDF, keywords).
    ///
    /// Each thread memoizes the terms of the word forms it analyzed (for the configuration
    /// it used last; at most 114,688 forms of up to 24 bytes), so a form seen before costs
    /// one table look-up instead of normalization, the stop-word set and the stemmer.
    ///
    /// The `&str` passed to `f` lives only for that call; copy it if you keep it.
    ///
    /// ```
    /// let mut n = 0;
    /// slovo::Analyzer::default().for_each_term("Стороны обсудили вопросы", |stem, token| {
    ///     assert!(token.text.to_lowercase().starts_with(stem));
    ///     n += 1;
    /// });
    /// assert_eq!(n, 3);
    /// ```
    pub fn for_each_term<'a, F>(&self, text: &'a str, mut f: F)
    where
        F: FnMut(&str, Token<'a>),
    {
        let config = &*self.config;
        with_thread_stemmer(|stemmer| {
            with_thread_memo(&self.config, |memo| {
                for token in self.tokens(text) {
                    if !config.kinds.contains(&token.kind) {
                        continue;
                    }
                    // A form seen before: one look-up in the thread's memo.
                    let span = token.span;
                    let Some(key) = Key::at(text.as_bytes(), span.start, span.len(), token.kind)
                    else {
                        analyze_token(config, token, stemmer, &mut f);
                        continue;
                    };
                    match memo.get(key) {
                        Lookup::Known(Some(term)) => f(term, token),
                        Lookup::Known(None) => {}
                        Lookup::Unknown(key, hash) => {
                            let kept = analyze_token(config, token, stemmer, |term, token| {
                                memo.insert(key, hash, Some(term));
                                f(term, token);
                            });
                            if kept.is_none() {
                                memo.insert(key, hash, None);
                            }
                        }
                    }
                }
            })
        });
    }

    /// The tokens of `text` that [`for_each_term`](Self::for_each_term) turns into terms
    /// (all kinds; those of other kinds give no term).
    ///
    /// With [`token_term`](Self::token_term), this lets a caller memoize terms by token
    /// text (the term of a token depends on its text and kind only): TF-IDF counting does.
    ///
    /// ```
    /// let analyzer = slovo::Analyzer::default();
    /// let text = "Стороны, обсудили";
    /// let terms: Vec<String> = analyzer.tokens(text).filter_map(|t| analyzer.token_term(t)).collect();
    /// assert_eq!(terms, ["сторон", "обсуд"]);
    /// ```
    #[must_use]
    pub fn tokens<'a>(&self, text: &'a str) -> Tokens<'a> {
        tokenize(text)
    }

    /// The term of one token as [`for_each_term`](Self::for_each_term) gives it, or `None`
    /// when the token is dropped (a kind not kept, a stop word, too short).
    ///
    /// ```
    /// let analyzer = slovo::Analyzer::default();
    /// let mut tokens = analyzer.tokens("Партнёры и ,");
    /// assert_eq!(analyzer.token_term(tokens.next().unwrap()).as_deref(), Some("партнер"));
    /// assert_eq!(analyzer.token_term(tokens.next().unwrap()), None); // a stop word
    /// assert_eq!(analyzer.token_term(tokens.next().unwrap()), None); // punctuation
    /// ```
    pub fn token_term(&self, token: Token<'_>) -> Option<String> {
        self.with_token_term(token, str::to_owned)
    }

    /// [`token_term`](Self::token_term) handing the term to `f` as a borrowed `&str`
    /// (no `String` per term); `None` when the token is dropped.
    pub(crate) fn with_token_term<R>(
        &self,
        token: Token<'_>,
        f: impl FnOnce(&str) -> R,
    ) -> Option<R> {
        let config = &*self.config;
        with_thread_stemmer(|stemmer| analyze_token(config, token, stemmer, |stem, _| f(stem)))
    }
}

/// Runs one token through the pipeline and calls `f` with its term, unless it is dropped.
fn analyze_token<'a, R>(
    config: &AnalyzerConfig,
    token: Token<'a>,
    stemmer: &mut Stemmer,
    f: impl FnOnce(&str, Token<'a>) -> R,
) -> Option<R> {
    if !config.kinds.contains(&token.kind) {
        return None;
    }
    // An abbreviation or initial keeps its period in the token (`млн.`, `Е.`); the term is
    // the word itself.
    let text = token.text;
    let word = match token.kind {
        TokenKind::Word => text.strip_suffix('.').unwrap_or(text),
        _ => text,
    };
    let normal: Cow<'_, str> = normalize(word, &config.normalize);
    if !has_at_least_chars(&normal, config.min_chars) {
        return None;
    }
    // Options that fold (as the default's do) leave nothing for the stop-word set to fold.
    let stop = if config.normalize.folds() {
        config.stop_words.contains_folded(&normal)
    } else {
        config.stop_words.contains(&normal)
    };
    if stop {
        return None;
    }
    Some(if config.stem && token.kind == TokenKind::Word {
        f(stemmer.stem(&normal), token)
    } else {
        f(&normal, token)
    })
}

/// Builds an [`Analyzer`]; see [`Analyzer::builder`].
///
/// ```
/// use slovo::{Analyzer, NormalizeOptions, UnicodeForm};
///
/// let analyzer = Analyzer::builder()
///     .normalize(NormalizeOptions::default().form(UnicodeForm::Nfkc).lowercase(true))
///     .build();
/// assert_eq!(analyzer.terms("Ｐｒｅｓｓ")[0].stem, "press");
/// ```
#[derive(Debug, Clone, Default)]
pub struct AnalyzerBuilder {
    config: AnalyzerConfig,
}

impl AnalyzerBuilder {
    /// Token kinds that become terms.
    ///
    /// ```
    /// use slovo::{Analyzer, TokenKind};
    /// let a = Analyzer::builder().kinds([TokenKind::Hashtag]).build();
    /// assert_eq!(a.terms("слово #тег")[0].surface, "#тег");
    /// ```
    #[must_use]
    pub fn kinds(mut self, kinds: impl IntoIterator<Item = TokenKind>) -> Self {
        self.config.kinds = kinds.into_iter().collect();
        self
    }

    /// Normalization of each token.
    ///
    /// ```
    /// let a = slovo::Analyzer::builder().normalize(slovo::NormalizeOptions::none()).stem(false).build();
    /// assert_eq!(a.terms("Ёлка")[0].stem, "Ёлка");
    /// ```
    #[must_use]
    pub fn normalize(mut self, options: NormalizeOptions) -> Self {
        self.config.normalize = options;
        self
    }

    /// The stop-word set ([`StopWords::empty`] keeps every word).
    ///
    /// ```
    /// let stop: slovo::StopWords = ["казахстан"].into_iter().collect();
    /// let a = slovo::Analyzer::builder().stop_words(stop).build();
    /// let surfaces: Vec<&str> = a.terms("Казахстан, Брюссель и ЕС").iter().map(|t| t.surface).collect();
    /// assert_eq!(surfaces, ["Брюссель", "ЕС"]); // "и" is no stop word here, but too short
    /// ```
    #[must_use]
    pub fn stop_words(mut self, stop_words: StopWords) -> Self {
        self.config.stop_words = stop_words;
        self
    }

    /// Minimum length of a term in characters (after normalization).
    ///
    /// ```
    /// let a = slovo::Analyzer::builder().min_chars(1).stop_words(slovo::StopWords::empty()).build();
    /// assert_eq!(a.terms("я")[0].stem, "я");
    /// ```
    #[must_use]
    pub fn min_chars(mut self, min_chars: usize) -> Self {
        self.config.min_chars = min_chars;
        self
    }

    /// Whether to stem words.
    ///
    /// ```
    /// let a = slovo::Analyzer::builder().stem(false).build();
    /// assert_eq!(a.terms("встречи")[0].stem, "встречи");
    /// ```
    #[must_use]
    pub fn stem(mut self, stem: bool) -> Self {
        self.config.stem = stem;
        self
    }

    /// The analyzer.
    ///
    /// ```
    /// let a = slovo::Analyzer::builder().build();
    /// assert_eq!(a.config(), slovo::Analyzer::default().config());
    /// ```
    #[must_use]
    pub fn build(self) -> Analyzer {
        Analyzer::from_config(self.config)
    }
}

impl Serialize for Analyzer {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.config.serialize(serializer)
    }
}

impl<'de> Deserialize<'de> for Analyzer {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        AnalyzerConfig::deserialize(deserializer).map(Analyzer::from_config)
    }
}

/// Whether `s` has at least `n` characters, without counting past `n`.
fn has_at_least_chars(s: &str, n: usize) -> bool {
    // Every char takes at least one byte and at most four.
    s.len() >= n.saturating_mul(4) || (s.len() >= n && s.chars().nth(n.saturating_sub(1)).is_some())
}

thread_local! {
    /// Boxed, so taking it out and putting it back moves a pointer; `None` only while a
    /// call has it.
    static STEMMER: RefCell<Option<Box<Stemmer>>> = RefCell::new(Some(Box::default()));
}

/// Runs `f` with this thread's cached stemmer.
///
/// The stemmer is taken out of the thread-local slot for the call and put back after, so a
/// re-entrant call (from inside `f`) or a call while the thread shuts down simply gets a
/// fresh stemmer: slower, same result.
fn with_thread_stemmer<R>(f: impl FnOnce(&mut Stemmer) -> R) -> R {
    let mut stemmer = STEMMER
        .try_with(RefCell::take)
        .ok()
        .flatten()
        .unwrap_or_default();
    let result = f(&mut stemmer);
    let _ = STEMMER.try_with(|cell| cell.replace(Some(stemmer)));
    result
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn min_chars_counts_characters_not_bytes() {
        assert!(has_at_least_chars("да", 2));
        assert!(!has_at_least_chars("д", 2));
        assert!(has_at_least_chars("", 0));
        assert!(!has_at_least_chars("ab", 3));
        assert!(has_at_least_chars("абвгдежзий", 3));
    }

    #[test]
    fn token_term_gives_the_terms_of_for_each_term() {
        let text = crate::test_text::PUSHKIN;
        for analyzer in [
            Analyzer::default(),
            Analyzer::builder()
                .kinds([TokenKind::Word, TokenKind::Number])
                .stem(false)
                .build(),
        ] {
            let mut expected = Vec::new();
            analyzer.for_each_term(text, |stem, token| expected.push((stem.to_owned(), token)));
            let by_token: Vec<(String, Token<'_>)> = analyzer
                .tokens(text)
                .filter_map(|token| analyzer.token_term(token).map(|t| (t, token)))
                .collect();
            assert!(expected.len() > 200);
            assert_eq!(by_token, expected);
        }
    }

    #[test]
    fn reentrant_use_gets_the_same_terms() {
        let analyzer = Analyzer::default();
        let mut inner = Vec::new();
        analyzer.for_each_term("встречи сторон", |_, token| {
            inner.push(analyzer.terms(token.text)[0].stem.clone());
        });
        assert_eq!(inner, ["встреч", "сторон"]);
    }
}

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
//! 5. give the form counted, as [`TermForm`] says: the normalized word, its Snowball Russian
//!    stem ([`Stemmer`], the default) or, with feature `morph`, its lemma (the word as written
//!    is analysed, then its lemma normalized like the word); with feature `morph`, terms whose
//!    part of speech is not among those `AnalyzerBuilder::pos` names are dropped.
//!
//! Each [`Term`] keeps its form, the surface text it came from and that text's byte span.

use std::borrow::Cow;
use std::cell::RefCell;
use std::fmt;
use std::str::FromStr;
use std::sync::Arc;

use serde::{Deserialize, Serialize};

use crate::error::Error;
#[cfg(feature = "morph")]
use crate::morph::{cache::Lemmatizer, Morph, Pos};
use crate::normalize::{normalize, NormalizeOptions};
use crate::segment::token::{Token, TokenKind};
use crate::segment::tokenize::{tokenize, Tokens};
use crate::span::Span;
use crate::terms::memo::{with_thread_memo, Key, Lookup, TermMemo};
use crate::terms::stem::Stemmer;
use crate::terms::stopwords::StopWords;

/// One term of a text: what statistics count, and where it came from.
///
/// `form` is the counted form ([`TermForm`]: the stem by default); it borrows from the text
/// when it is a slice of it (`Стороны` → `сторон` does not, `стороны` → `сторон` does).
///
/// ```
/// let analyzer = slovo::Analyzer::default();
/// let text = "Европейские партнёры";
/// let terms: Vec<slovo::Term> = analyzer.terms(text).collect();
/// assert_eq!(terms[1].form, "партнер");
/// assert_eq!(terms[1].surface, "партнёры");
/// assert_eq!(&text[terms[1].span], "партнёры");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub struct Term<'a> {
    /// The term as counted: the normalized word, its stem or its lemma, as the analyzer's
    /// [`TermForm`] says.
    pub form: Cow<'a, str>,
    /// The token's text as it stands in the input.
    pub surface: &'a str,
    /// Byte offsets of `surface` in the input.
    pub span: Span,
}

impl<'a> Term<'a> {
    /// The term of `token` with form `form`, borrowing the form from the token's text when
    /// the text starts with it.
    fn new(form: &str, token: Token<'a>) -> Self {
        let form = match token.text.get(..form.len()) {
            Some(prefix) if prefix == form => Cow::Borrowed(prefix),
            _ => Cow::Owned(form.to_owned()),
        };
        Term {
            form,
            surface: token.text,
            span: token.span,
        }
    }
}

/// The form an [`Analyzer`] counts for each word.
///
/// Numbers and other non-word tokens are counted in their normalized form whatever this
/// says.
///
/// ```
/// use slovo::{Analyzer, TermForm};
///
/// let text = "Стороны обсудили вопросы";
/// let forms = |form| -> Vec<String> {
///     Analyzer::builder().form(form).build().terms(text).map(|t| t.form.into_owned()).collect()
/// };
/// assert_eq!(forms(TermForm::Normalized), ["стороны", "обсудили", "вопросы"]);
/// assert_eq!(forms(TermForm::Stem), ["сторон", "обсуд", "вопрос"]);
/// # #[cfg(feature = "morph")]
/// assert_eq!(forms(TermForm::Lemma), ["сторона", "обсудить", "вопрос"]);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
#[non_exhaustive]
pub enum TermForm {
    /// The normalized word (`стороны`).
    Normalized,
    /// The Snowball Russian stem of the normalized word (`сторон`); the default.
    #[default]
    Stem,
    /// The lemma, the dictionary form (`сторона`), of the word as written, normalized as the
    /// word would be (lowercase, `ё` → `е` by default). Only with feature `morph`.
    #[cfg(feature = "morph")]
    Lemma,
}

impl TermForm {
    /// The form's name: `normalized`, `stem` or `lemma` (as in saved configurations).
    ///
    /// ```
    /// assert_eq!(slovo::TermForm::Stem.as_str(), "stem");
    /// ```
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            TermForm::Normalized => "normalized",
            TermForm::Stem => "stem",
            #[cfg(feature = "morph")]
            TermForm::Lemma => "lemma",
        }
    }

    /// The form's code in binary configurations: 0 and 1 are what `stem: false` and
    /// `stem: true` were before forms existed, so older saved models load unchanged.
    const fn code(self) -> u8 {
        match self {
            TermForm::Normalized => 0,
            TermForm::Stem => 1,
            #[cfg(feature = "morph")]
            TermForm::Lemma => 2,
        }
    }
}

impl fmt::Display for TermForm {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for TermForm {
    type Err = Error;

    /// Reads a form's name (`normalized`, `stem`, `lemma`; case does not matter).
    ///
    /// # Errors
    ///
    /// [`Error::InvalidOption`] for another name, and for `lemma` in a build without the
    /// `morph` feature.
    ///
    /// ```
    /// assert_eq!("Stem".parse::<slovo::TermForm>()?, slovo::TermForm::Stem);
    /// assert!("root".parse::<slovo::TermForm>().is_err());
    /// # Ok::<(), slovo::Error>(())
    /// ```
    fn from_str(s: &str) -> Result<Self, Error> {
        match s.to_ascii_lowercase().as_str() {
            "normalized" => Ok(TermForm::Normalized),
            "stem" => Ok(TermForm::Stem),
            #[cfg(feature = "morph")]
            "lemma" => Ok(TermForm::Lemma),
            #[cfg(not(feature = "morph"))]
            "lemma" => Err(Error::invalid_option(
                "form",
                s,
                "normalized or stem (lemmas need slovo's `morph` feature)",
            )),
            _ => Err(Error::invalid_option(
                "form",
                s,
                "normalized, stem or lemma",
            )),
        }
    }
}

/// What an [`Analyzer`] does; serializable, so a fitted model can record how its terms
/// were made.
///
/// Missing fields take their defaults when deserializing. Configurations saved before
/// [`form`](Self::form) existed, with `"stem": true` or `"stem": false`, load as
/// [`TermForm::Stem`] and [`TermForm::Normalized`].
///
/// ```
/// let config = slovo::AnalyzerConfig::default();
/// assert_eq!(config.kinds, [slovo::TokenKind::Word]);
/// assert_eq!(config.min_chars, 2);
/// assert_eq!(config.form, slovo::TermForm::Stem);
/// assert!(config.normalize.lowercase && config.normalize.yo_to_ye);
/// ```
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct AnalyzerConfig {
    /// Token kinds that become terms (default: words only).
    pub kinds: Vec<TokenKind>,
    /// Normalization of each token (default: NFC, lowercase, `ё` → `е`, no stress marks,
    /// soft hyphens or zero-width characters).
    pub normalize: NormalizeOptions,
    /// Tokens dropped after normalization (default: [`StopWords::russian`]); matched with
    /// case and `ё` folded. With `TermForm::Lemma`, a word whose lemma is a stop word is
    /// dropped too.
    pub stop_words: StopWords,
    /// Tokens with fewer characters than this are dropped (default 2).
    pub min_chars: usize,
    /// The form counted (default [`TermForm::Stem`]).
    pub form: TermForm,
    /// Parts of speech kept (feature `morph`; default empty: all). A token is kept when the
    /// most probable analysis of the word as written has one of these tags.
    #[cfg(feature = "morph")]
    pub pos: Vec<Pos>,
    /// Set when a saved configuration asks for what this build lacks (lemmas or a
    /// part-of-speech filter without feature `morph`).
    #[cfg(not(feature = "morph"))]
    needs_morph: bool,
}

impl Default for AnalyzerConfig {
    fn default() -> Self {
        Self {
            kinds: vec![TokenKind::Word],
            normalize: NormalizeOptions::default().lowercase(true).yo_to_ye(true),
            stop_words: StopWords::russian(),
            min_chars: 2,
            form: TermForm::Stem,
            #[cfg(feature = "morph")]
            pos: Vec::new(),
            #[cfg(not(feature = "morph"))]
            needs_morph: false,
        }
    }
}

impl AnalyzerConfig {
    /// Whether words go through the morphological dictionary (lemmas or a POS filter).
    #[cfg(feature = "morph")]
    fn uses_morph(&self) -> bool {
        self.form == TermForm::Lemma || !self.pos.is_empty()
    }

    /// `Err` when this configuration was loaded from data that needs the `morph` feature and
    /// this build lacks it.
    pub(crate) fn check_supported(&self) -> crate::error::Result<()> {
        #[cfg(not(feature = "morph"))]
        if self.needs_morph {
            return Err(Error::invalid_option(
                "analyzer",
                "a saved analyzer with lemmas or a part-of-speech filter",
                "an analyzer this build can run: rebuild with slovo's `morph` feature",
            ));
        }
        Ok(())
    }

    /// The part-of-speech names, for saving.
    fn pos_names(&self) -> Vec<&'static str> {
        #[cfg(feature = "morph")]
        return self.pos.iter().map(|p| p.as_str()).collect();
        #[cfg(not(feature = "morph"))]
        Vec::new()
    }

    /// Sets the form and the part-of-speech filter read from saved data.
    fn set_saved(&mut self, form: Option<TermForm>, pos: Vec<String>) -> Result<(), String> {
        #[cfg(feature = "morph")]
        {
            self.form = form.unwrap_or(self.form);
            self.pos = pos
                .iter()
                .map(|p| p.parse::<Pos>().map_err(|e| e.to_string()))
                .collect::<Result<_, _>>()?;
        }
        #[cfg(not(feature = "morph"))]
        match form {
            Some(form) => self.form = form,
            None => self.needs_morph = true,
        }
        #[cfg(not(feature = "morph"))]
        if !pos.is_empty() {
            self.needs_morph = true;
        }
        Ok(())
    }
}

/// The human-readable shape of a saved configuration (JSON and the like).
#[derive(Serialize)]
struct ConfigOut<'a> {
    kinds: &'a [TokenKind],
    normalize: &'a NormalizeOptions,
    stop_words: &'a StopWords,
    min_chars: usize,
    form: TermForm,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pos: Vec<&'static str>,
}

/// What a human-readable saved configuration may hold, including `stem` from before
/// [`TermForm`].
#[derive(Deserialize)]
#[serde(default)]
struct ConfigIn {
    kinds: Vec<TokenKind>,
    normalize: NormalizeOptions,
    stop_words: StopWords,
    min_chars: usize,
    form: Option<String>,
    stem: Option<bool>,
    pos: Vec<String>,
}

impl Default for ConfigIn {
    fn default() -> Self {
        let d = AnalyzerConfig::default();
        ConfigIn {
            kinds: d.kinds,
            normalize: d.normalize,
            stop_words: d.stop_words,
            min_chars: d.min_chars,
            form: None,
            stem: None,
            pos: Vec::new(),
        }
    }
}

/// Bit of the binary form code: a part-of-speech list follows.
const POS_FOLLOWS: u8 = 0x10;

impl Serialize for AnalyzerConfig {
    /// Human-readable formats get a map with `form` (and `pos` when set). Binary formats
    /// (postcard, in saved models) get the fields in order, with the form as one byte where
    /// `stem: bool` was (0 normalized, 1 stem, 2 lemma, bit 0x10: a list of part-of-speech
    /// names follows), so a model without lemmas or POS filter is byte-for-byte what older
    /// versions wrote and read.
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let pos = self.pos_names();
        if serializer.is_human_readable() {
            return ConfigOut {
                kinds: &self.kinds,
                normalize: &self.normalize,
                stop_words: &self.stop_words,
                min_chars: self.min_chars,
                form: self.form,
                pos,
            }
            .serialize(serializer);
        }
        use serde::ser::SerializeTuple;
        let code = self.form.code() | if pos.is_empty() { 0 } else { POS_FOLLOWS };
        let mut t = serializer.serialize_tuple(5 + usize::from(!pos.is_empty()))?;
        t.serialize_element(&self.kinds)?;
        t.serialize_element(&self.normalize)?;
        t.serialize_element(&self.stop_words)?;
        t.serialize_element(&self.min_chars)?;
        t.serialize_element(&code)?;
        if !pos.is_empty() {
            t.serialize_element(&pos)?;
        }
        t.end()
    }
}

impl<'de> Deserialize<'de> for AnalyzerConfig {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        use serde::de::Error as _;
        if deserializer.is_human_readable() {
            let c = ConfigIn::deserialize(deserializer)?;
            let form = match (&c.form, c.stem) {
                (Some(name), _) => match name.parse() {
                    Ok(form) => Some(form),
                    // Without `morph`: the config is marked and refused where it is used.
                    Err(_) if name.eq_ignore_ascii_case("lemma") => None,
                    Err(err) => return Err(D::Error::custom(err)),
                },
                (None, Some(false)) => Some(TermForm::Normalized),
                (None, _) => Some(TermForm::Stem),
            };
            let mut config = AnalyzerConfig {
                kinds: c.kinds,
                normalize: c.normalize,
                stop_words: c.stop_words,
                min_chars: c.min_chars,
                ..AnalyzerConfig::default()
            };
            config.set_saved(form, c.pos).map_err(D::Error::custom)?;
            return Ok(config);
        }
        deserializer.deserialize_tuple(6, BinaryConfig)
    }
}

/// Reads the binary layout written by [`AnalyzerConfig`]'s `Serialize`.
struct BinaryConfig;

impl<'de> serde::de::Visitor<'de> for BinaryConfig {
    type Value = AnalyzerConfig;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an analyzer configuration")
    }

    fn visit_seq<A: serde::de::SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
        use serde::de::Error as _;
        let missing = || A::Error::custom("truncated analyzer configuration");
        let kinds = seq.next_element()?.ok_or_else(missing)?;
        let normalize = seq.next_element()?.ok_or_else(missing)?;
        let stop_words = seq.next_element()?.ok_or_else(missing)?;
        let min_chars = seq.next_element()?.ok_or_else(missing)?;
        let code: u8 = seq.next_element()?.ok_or_else(missing)?;
        let pos: Vec<String> = if code & POS_FOLLOWS != 0 {
            seq.next_element()?.ok_or_else(missing)?
        } else {
            Vec::new()
        };
        let form = match code & !POS_FOLLOWS {
            0 => Some(TermForm::Normalized),
            1 => Some(TermForm::Stem),
            #[cfg(feature = "morph")]
            2 => Some(TermForm::Lemma),
            #[cfg(not(feature = "morph"))]
            2 => None,
            other => {
                return Err(A::Error::custom(format!("unknown term form code {other}")));
            }
        };
        let mut config = AnalyzerConfig {
            kinds,
            normalize,
            stop_words,
            min_chars,
            ..AnalyzerConfig::default()
        };
        config.set_saved(form, pos).map_err(A::Error::custom)?;
        Ok(config)
    }
}

/// A configurable pipeline from text to [`Term`]s, with Russian defaults.
///
/// An `Analyzer` is cheap to clone (its configuration sits behind an [`Arc`]) and is
/// `Send + Sync`: share one between threads. Stemming and lemmas use per-thread caches, and
/// each thread memoizes the terms of the word forms it has seen, so frequent words cost one
/// lookup.
///
/// # Example
///
/// ```
/// use slovo::{Analyzer, TermForm, TokenKind};
///
/// let text = "Стороны обсудили вопросы партнерства в рамках визита.";
/// let stems: Vec<_> = Analyzer::default().terms(text).map(|t| t.form).collect();
/// assert_eq!(stems, ["сторон", "обсуд", "вопрос", "партнерств", "рамк", "визит"]);
///
/// // Keep numbers, keep stop words, no stemming:
/// let analyzer = Analyzer::builder()
///     .kinds([TokenKind::Word, TokenKind::Number])
///     .stop_words(slovo::StopWords::empty())
///     .min_chars(1)
///     .form(TermForm::Normalized)
///     .build();
/// let words: Vec<_> = analyzer.terms("В 2021 году").map(|t| t.form).collect();
/// assert_eq!(words, ["в", "2021", "году"]);
/// ```
///
/// With feature `morph`, lemmas (dictionary forms) and a part-of-speech filter:
///
/// ```
/// # #[cfg(feature = "morph")] {
/// use slovo::{Analyzer, Pos, TermForm};
///
/// let analyzer = Analyzer::builder().form(TermForm::Lemma).build();
/// let lemmas: Vec<_> = analyzer.terms("Европейского союза").map(|t| t.form).collect();
/// assert_eq!(lemmas, ["европейский", "союз"]);
///
/// let nouns = Analyzer::builder().form(TermForm::Lemma).pos([Pos::Noun]).build();
/// let lemmas: Vec<_> = nouns.terms("Стороны обсудили вопросы").map(|t| t.form).collect();
/// assert_eq!(lemmas, ["сторона", "вопрос"]);
/// # }
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
    /// assert_eq!(terms.count(), 1); // "и" is a stop word
    /// ```
    #[must_use]
    pub fn new() -> Self {
        Self::default()
    }

    /// An analyzer with the given configuration.
    ///
    /// ```
    /// let mut config = slovo::AnalyzerConfig::default();
    /// config.form = slovo::TermForm::Normalized;
    /// let analyzer = slovo::Analyzer::from_config(config);
    /// assert_eq!(analyzer.terms("Ёлки").next().unwrap().form, "елки");
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
    /// assert!(analyzer.terms("ЕС и Брюссель").all(|t| t.surface != "ЕС"));
    /// ```
    pub fn builder() -> AnalyzerBuilder {
        AnalyzerBuilder::default()
    }

    /// A builder preset to this analyzer's options.
    ///
    /// ```
    /// let a = slovo::Analyzer::builder().min_chars(4).build();
    /// let b = a.to_builder().form(slovo::TermForm::Normalized).build();
    /// assert_eq!(b.config().min_chars, 4);
    /// ```
    pub fn to_builder(&self) -> AnalyzerBuilder {
        AnalyzerBuilder::from((*self.config).clone())
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
    /// Each term's form borrows from `text` when it is a slice of it; otherwise it is a
    /// `String` of its own. [`for_each_term`](Self::for_each_term) never allocates.
    ///
    /// ```
    /// let text = "Е. Казыхан посетил Брюссель";
    /// let surfaces: Vec<&str> = slovo::Analyzer::default().terms(text).map(|t| t.surface).collect();
    /// assert_eq!(surfaces, ["Казыхан", "посетил", "Брюссель"]);
    /// ```
    pub fn terms<'a>(&self, text: &'a str) -> Terms<'a> {
        Terms {
            config: Arc::clone(&self.config),
            text,
            tokens: self.tokens(text),
        }
    }

    /// Calls `f` with each term's form and the token it came from, without allocating per
    /// term: the fast path for counting (TF-IDF, keywords).
    ///
    /// Each thread memoizes the terms of the word forms it analyzed (for the configuration
    /// it used last; at most 114,688 forms of up to 24 bytes), so a form seen before costs
    /// one table look-up instead of normalization, the stop-word set and the stemmer (or the
    /// dictionary).
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
        with_stages(config, |stages| {
            with_thread_memo(&self.config, |memo| {
                for token in self.tokens(text) {
                    if !config.kinds.contains(&token.kind) {
                        continue;
                    }
                    memo_term(config, text, token, memo, stages, &mut f);
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
    /// when the token is dropped (a kind not kept, a stop word, too short, a part of speech
    /// not kept).
    ///
    /// ```
    /// let analyzer = slovo::Analyzer::default();
    /// let mut tokens = analyzer.tokens("Партнёры и ,");
    /// assert_eq!(analyzer.token_term(tokens.next().unwrap()).as_deref(), Some("партнер"));
    /// assert_eq!(analyzer.token_term(tokens.next().unwrap()), None); // a stop word
    /// assert_eq!(analyzer.token_term(tokens.next().unwrap()), None); // punctuation
    /// ```
    #[must_use]
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
        with_stages(config, |stages| {
            analyze_token(config, token, stages, |term, _| f(term))
        })
    }
}

/// The terms of a text, in order: see [`Analyzer::terms`].
///
/// ```
/// let mut terms = slovo::Analyzer::default().terms("Стороны обсудили");
/// assert_eq!(terms.next().map(|t| t.surface), Some("Стороны"));
/// ```
#[derive(Debug, Clone)]
#[must_use = "an iterator does nothing unless consumed"]
pub struct Terms<'a> {
    config: Arc<AnalyzerConfig>,
    text: &'a str,
    tokens: Tokens<'a>,
}

impl<'a> Iterator for Terms<'a> {
    type Item = Term<'a>;

    fn next(&mut self) -> Option<Term<'a>> {
        let config = &*self.config;
        loop {
            let token = self.tokens.next()?;
            if !config.kinds.contains(&token.kind) {
                continue;
            }
            let mut term = None;
            with_stages(config, |stages| {
                with_thread_memo(&self.config, |memo| {
                    memo_term(
                        config,
                        self.text,
                        token,
                        memo,
                        stages,
                        &mut |form, token| {
                            term = Some(Term::new(form, token));
                        },
                    );
                })
            });
            if term.is_some() {
                return term;
            }
        }
    }
}

impl std::iter::FusedIterator for Terms<'_> {}

/// The term of `token` (of a kept kind) through the thread's memo: `f` is called with it
/// unless the token is dropped.
#[inline]
fn memo_term<'a, F>(
    config: &AnalyzerConfig,
    text: &'a str,
    token: Token<'a>,
    memo: &mut TermMemo,
    stages: &mut Stages<'_, '_>,
    f: &mut F,
) where
    F: FnMut(&str, Token<'a>),
{
    // A form seen before: one look-up in the thread's memo.
    let span = token.span;
    let Some(key) = Key::at(text.as_bytes(), span.start, span.len(), token.kind) else {
        analyze_token(config, token, stages, f);
        return;
    };
    match memo.get(key) {
        Lookup::Known(Some(term)) => f(term, token),
        Lookup::Known(None) => {}
        Lookup::Unknown(key, hash) => {
            let kept = analyze_token(config, token, stages, |term, token| {
                memo.insert(key, hash, Some(term));
                f(term, token);
            });
            if kept.is_none() {
                memo.insert(key, hash, None);
            }
        }
    }
}

/// The per-thread helpers one analysis uses: the stemmer, and the dictionary's lemma cache
/// when the configuration needs it.
struct Stages<'s, 'l> {
    stemmer: &'s mut Stemmer,
    #[cfg(feature = "morph")]
    lemmatizer: Option<&'s mut Lemmatizer<'l>>,
    #[cfg(not(feature = "morph"))]
    lemmatizer: std::marker::PhantomData<&'l ()>,
}

/// Runs `f` with this thread's stemmer and, if `config` needs it, lemma cache.
fn with_stages<R>(config: &AnalyzerConfig, f: impl FnOnce(&mut Stages<'_, '_>) -> R) -> R {
    with_thread_stemmer(|stemmer| {
        #[cfg(feature = "morph")]
        if config.uses_morph() {
            return Morph::new().with_lemmatizer(|lemmatizer| {
                f(&mut Stages {
                    stemmer,
                    lemmatizer: Some(lemmatizer),
                })
            });
        }
        #[cfg(not(feature = "morph"))]
        let _ = config;
        f(&mut Stages {
            stemmer,
            #[cfg(feature = "morph")]
            lemmatizer: None,
            #[cfg(not(feature = "morph"))]
            lemmatizer: std::marker::PhantomData,
        })
    })
}

/// Whether `word` (normalized with `config`'s options) is one of its stop words.
fn is_stop(config: &AnalyzerConfig, word: &str) -> bool {
    // Options that fold (as the default's do) leave nothing for the stop-word set to fold.
    if config.normalize.folds() {
        config.stop_words.contains_folded(word)
    } else {
        config.stop_words.contains(word)
    }
}

/// Runs one token through the pipeline and calls `f` with its term, unless it is dropped.
fn analyze_token<'a, R>(
    config: &AnalyzerConfig,
    token: Token<'a>,
    stages: &mut Stages<'_, '_>,
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
    if !has_at_least_chars(&normal, config.min_chars) || is_stop(config, &normal) {
        return None;
    }
    let Stages {
        stemmer,
        lemmatizer,
    } = stages;
    #[cfg(feature = "morph")]
    if let Some(lemmatizer) = lemmatizer.as_deref_mut() {
        // The word as written: case and `ё` help the analysis (`Вера` / `вера`).
        let fold = config.normalize.folds();
        return lemmatizer.lemma(word, fold, |lemma, pos| {
            if !config.pos.is_empty() && !config.pos.contains(&pos) {
                return None;
            }
            if config.form == TermForm::Lemma && token.kind == TokenKind::Word {
                let lemma = if fold {
                    Cow::Borrowed(lemma)
                } else {
                    normalize(lemma, &config.normalize)
                };
                if !lemma.is_empty() {
                    if lemma != normal && is_stop(config, &lemma) {
                        return None;
                    }
                    return Some(f(&lemma, token));
                }
            }
            Some(plain_form(config, &normal, token, stemmer, f))
        });
    }
    let _ = lemmatizer;
    Some(plain_form(config, &normal, token, stemmer, f))
}

/// The normalized word or its stem, as `config` says (lemmas are handled by the caller).
fn plain_form<'a, R>(
    config: &AnalyzerConfig,
    normal: &str,
    token: Token<'a>,
    stemmer: &mut Stemmer,
    f: impl FnOnce(&str, Token<'a>) -> R,
) -> R {
    if config.form == TermForm::Stem && token.kind == TokenKind::Word {
        f(stemmer.stem(normal), token)
    } else {
        f(normal, token)
    }
}

/// Builds an [`Analyzer`]; see [`Analyzer::builder`].
///
/// ```
/// use slovo::{Analyzer, NormalizeOptions, UnicodeForm};
///
/// let analyzer = Analyzer::builder()
///     .normalize(NormalizeOptions::default().form(UnicodeForm::Nfkc).lowercase(true))
///     .build();
/// assert_eq!(analyzer.terms("Ｐｒｅｓｓ").next().unwrap().form, "press");
/// ```
#[derive(Debug, Clone, Default)]
#[must_use]
pub struct AnalyzerBuilder {
    config: AnalyzerConfig,
}

impl From<AnalyzerConfig> for AnalyzerBuilder {
    fn from(config: AnalyzerConfig) -> Self {
        AnalyzerBuilder { config }
    }
}

impl AnalyzerBuilder {
    /// Token kinds that become terms.
    ///
    /// ```
    /// use slovo::{Analyzer, TokenKind};
    /// let a = Analyzer::builder().kinds([TokenKind::Hashtag]).build();
    /// assert_eq!(a.terms("слово #тег").next().unwrap().surface, "#тег");
    /// ```
    pub fn kinds(mut self, kinds: impl IntoIterator<Item = TokenKind>) -> Self {
        self.config.kinds = kinds.into_iter().collect();
        self
    }

    /// Normalization of each token.
    ///
    /// ```
    /// use slovo::{Analyzer, NormalizeOptions, TermForm};
    /// let a = Analyzer::builder().normalize(NormalizeOptions::none()).form(TermForm::Normalized).build();
    /// assert_eq!(a.terms("Ёлка").next().unwrap().form, "Ёлка");
    /// ```
    pub fn normalize(mut self, options: NormalizeOptions) -> Self {
        self.config.normalize = options;
        self
    }

    /// The stop-word set ([`StopWords::empty`] keeps every word).
    ///
    /// ```
    /// let stop: slovo::StopWords = ["казахстан"].into_iter().collect();
    /// let a = slovo::Analyzer::builder().stop_words(stop).build();
    /// let surfaces: Vec<&str> = a.terms("Казахстан, Брюссель и ЕС").map(|t| t.surface).collect();
    /// assert_eq!(surfaces, ["Брюссель", "ЕС"]); // "и" is no stop word here, but too short
    /// ```
    pub fn stop_words(mut self, stop_words: StopWords) -> Self {
        self.config.stop_words = stop_words;
        self
    }

    /// Minimum length of a term in characters (after normalization).
    ///
    /// ```
    /// let a = slovo::Analyzer::builder().min_chars(1).stop_words(slovo::StopWords::empty()).build();
    /// assert_eq!(a.terms("я").next().unwrap().form, "я");
    /// ```
    pub fn min_chars(mut self, min_chars: usize) -> Self {
        self.config.min_chars = min_chars;
        self
    }

    /// The form counted for each word: normalized, stem (the default) or lemma (feature
    /// `morph`).
    ///
    /// ```
    /// let a = slovo::Analyzer::builder().form(slovo::TermForm::Normalized).build();
    /// assert_eq!(a.terms("встречи").next().unwrap().form, "встречи");
    /// ```
    pub fn form(mut self, form: TermForm) -> Self {
        self.config.form = form;
        self
    }

    /// Parts of speech kept (feature `morph`): a token is kept when the most probable
    /// analysis of the word as written (without context) has one of these UD tags. Empty
    /// (the default) keeps every part of speech. Works with every [`TermForm`].
    ///
    /// ```
    /// use slovo::{Analyzer, Pos, TermForm};
    /// let a = Analyzer::builder().form(TermForm::Lemma).pos([Pos::Noun, Pos::Adj]).build();
    /// let lemmas: Vec<_> = a.terms("Стороны быстро обсудили новые вопросы").map(|t| t.form).collect();
    /// assert_eq!(lemmas, ["сторона", "новый", "вопрос"]);
    /// ```
    #[cfg(feature = "morph")]
    pub fn pos(mut self, pos: impl IntoIterator<Item = Pos>) -> Self {
        self.config.pos = pos.into_iter().collect();
        self.config.pos.sort_unstable();
        self.config.pos.dedup();
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
    /// Fails for a configuration this build cannot run (lemmas or a part-of-speech filter
    /// without feature `morph`), rather than analyzing differently.
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let config = AnalyzerConfig::deserialize(deserializer)?;
        config
            .check_supported()
            .map_err(<D::Error as serde::de::Error>::custom)?;
        Ok(Analyzer::from_config(config))
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
                .form(TermForm::Normalized)
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
            inner.push(analyzer.terms(token.text).next().unwrap().form.into_owned());
        });
        assert_eq!(inner, ["встреч", "сторон"]);
    }
}

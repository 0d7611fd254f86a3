//! scikit-learn's text analyzers (`analyzer="word"`, `"char"`, `"char_wb"`), in Rust.
//!
//! [`FeatureAnalyzer`] reproduces what scikit-learn's `CountVectorizer.build_analyzer()`
//! does before stop words and word n-grams: `str.lower()`, `strip_accents`, the token
//! pattern (`re.findall`), or the character n-grams of `"char"` / `"char_wb"`. It is a
//! [`TermAnalyzer`], so a [`TfidfVectorizer`](super::TfidfVectorizer) or
//! [`HashingVectorizer`](super::HashingVectorizer) built with it gives scikit-learn's
//! features (word n-grams and stop words are the vectorizer's options, as for any analyzer).
//!
//! The default token pattern `(?u)\b\w\w+\b` (and `(?u)\b\w+\b`) is matched by a scanner
//! that uses Python's own definition of `\w` for `str` patterns (`str.isalnum()` or `_`,
//! from a table generated from CPython's Unicode data), so tokens are exactly
//! scikit-learn's. Other patterns need the `regex` feature and run on the `regex` crate,
//! whose `\w`, `\d`, `\s` and `\b` follow Unicode's definitions: they differ from
//! Python's on combining marks, joining controls and a few number signs. Patterns the
//! `regex` crate cannot compile (look-around, back-references) are an
//! [`Error::InvalidOption`]; the Python package tokenizes those with Python's `re` instead.

use std::borrow::Cow;
use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};
use unicode_normalization::char::canonical_combining_class;
use unicode_normalization::UnicodeNormalization;

use super::analyzer::TermAnalyzer;
use crate::error::{Error, Result};

#[path = "data/py_word.rs"]
mod py_word;

/// scikit-learn's default `token_pattern`: runs of two or more word characters.
pub const DEFAULT_TOKEN_PATTERN: &str = r"(?u)\b\w\w+\b";

/// What a [`FeatureAnalyzer`] makes of a text (scikit-learn's `analyzer` strings).
///
/// ```
/// use slovo::tfidf::FeatureKind;
///
/// assert_eq!("char_wb".parse::<FeatureKind>()?, FeatureKind::CharWb);
/// assert_eq!(FeatureKind::Word.to_string(), "word");
/// # Ok::<(), slovo::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum FeatureKind {
    /// Tokens matched by the token pattern (`"word"`).
    #[default]
    Word,
    /// Character n-grams of the whole text, runs of white space shortened to one space
    /// (`"char"`).
    Char,
    /// Character n-grams inside each white-space separated word, padded with one space
    /// on each side (`"char_wb"`).
    CharWb,
}

impl FeatureKind {
    /// scikit-learn's spelling: `"word"`, `"char"` or `"char_wb"`.
    ///
    /// ```
    /// assert_eq!(slovo::tfidf::FeatureKind::CharWb.as_str(), "char_wb");
    /// ```
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            FeatureKind::Word => "word",
            FeatureKind::Char => "char",
            FeatureKind::CharWb => "char_wb",
        }
    }
}

impl fmt::Display for FeatureKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for FeatureKind {
    type Err = Error;

    fn from_str(s: &str) -> Result<Self> {
        match s {
            "word" => Ok(FeatureKind::Word),
            "char" => Ok(FeatureKind::Char),
            "char_wb" => Ok(FeatureKind::CharWb),
            _ => Err(Error::invalid_option(
                "analyzer",
                s,
                "word, char or char_wb",
            )),
        }
    }
}

/// scikit-learn's `strip_accents`: both decompose with NFKD first.
///
/// ```
/// use slovo::tfidf::StripAccents;
///
/// assert_eq!(StripAccents::Unicode.apply("café"), "cafe");
/// assert_eq!(StripAccents::Ascii.apply("Ёлка №1"), " No1");
/// assert_eq!(StripAccents::Unicode.apply("Ёлка"), "Елка");
/// assert_eq!("ascii".parse::<StripAccents>()?, StripAccents::Ascii);
/// # Ok::<(), slovo::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
#[non_exhaustive]
pub enum StripAccents {
    /// Leave the text as it is.
    #[default]
    None,
    /// NFKD, then drop every character that is not ASCII (`strip_accents_ascii`).
    Ascii,
    /// NFKD, then drop combining characters (`strip_accents_unicode`).
    Unicode,
}

impl StripAccents {
    /// The option's spelling: `"none"`, `"ascii"` or `"unicode"`.
    ///
    /// ```
    /// assert_eq!(slovo::tfidf::StripAccents::Unicode.as_str(), "unicode");
    /// ```
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            StripAccents::None => "none",
            StripAccents::Ascii => "ascii",
            StripAccents::Unicode => "unicode",
        }
    }

    /// `text` with accents stripped as scikit-learn's function of the same name does
    /// (borrowed when nothing changes).
    ///
    /// ```
    /// use slovo::tfidf::StripAccents;
    ///
    /// assert_eq!(StripAccents::Unicode.apply("o\u{308}\u{304}"), "o");
    /// assert_eq!(StripAccents::Ascii.apply("\u{625}"), "");
    /// ```
    #[must_use]
    pub fn apply(self, text: &str) -> Cow<'_, str> {
        match self {
            StripAccents::None => Cow::Borrowed(text),
            _ if text.is_ascii() => Cow::Borrowed(text),
            StripAccents::Ascii => Cow::Owned(text.nfkd().filter(char::is_ascii).collect()),
            StripAccents::Unicode => Cow::Owned(
                text.nfkd()
                    .filter(|&c| canonical_combining_class(c) == 0)
                    .collect(),
            ),
        }
    }
}

impl fmt::Display for StripAccents {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for StripAccents {
    type Err = Error;

    fn from_str(s: &str) -> Result<Self> {
        match s {
            "none" => Ok(StripAccents::None),
            "ascii" => Ok(StripAccents::Ascii),
            "unicode" => Ok(StripAccents::Unicode),
            _ => Err(Error::invalid_option(
                "strip_accents",
                s,
                "ascii, unicode or none",
            )),
        }
    }
}

/// Options of a [`FeatureAnalyzer`]: plain data, saved with models. The defaults are
/// scikit-learn's.
///
/// ```
/// let config = slovo::tfidf::FeatureAnalyzerConfig::default();
/// assert!(config.lowercase);
/// assert_eq!(config.token_pattern, r"(?u)\b\w\w+\b");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
#[non_exhaustive]
pub struct FeatureAnalyzerConfig {
    /// Words or character n-grams. Default [`FeatureKind::Word`].
    pub kind: FeatureKind,
    /// `str.lower()` first. Default `true`.
    pub lowercase: bool,
    /// Accent stripping after lowercasing. Default [`StripAccents::None`].
    pub strip_accents: StripAccents,
    /// The token pattern of [`FeatureKind::Word`], a regular expression; with one capturing
    /// group the group is the token. Default [`DEFAULT_TOKEN_PATTERN`].
    pub token_pattern: String,
    /// `(min_n, max_n)` of the character n-grams of [`FeatureKind::Char`] and
    /// [`FeatureKind::CharWb`] (word n-grams are the vectorizer's option). Default `(1, 1)`.
    pub ngram_range: (usize, usize),
}

impl Default for FeatureAnalyzerConfig {
    fn default() -> Self {
        FeatureAnalyzerConfig {
            kind: FeatureKind::Word,
            lowercase: true,
            strip_accents: StripAccents::None,
            token_pattern: DEFAULT_TOKEN_PATTERN.to_owned(),
            ngram_range: (1, 1),
        }
    }
}

/// How tokens are found.
#[derive(Clone)]
enum Pattern {
    /// Runs of Python word characters at least this many characters long (the default
    /// pattern and `\b\w+\b`).
    Words { min_chars: usize },
    /// Any other pattern; `group` is the capturing group whose text is the token.
    #[cfg(feature = "regex")]
    Regex {
        regex: regex::Regex,
        group: Option<usize>,
    },
}

/// scikit-learn's analyzers without stop words and word n-grams: text → tokens (or
/// character n-grams). Build with [`FeatureAnalyzer::builder`]; the defaults are
/// scikit-learn's (`analyzer="word"`, `lowercase=True`, default `token_pattern`).
///
/// # Example
///
/// ```
/// use slovo::tfidf::{FeatureAnalyzer, FeatureKind, StripAccents};
///
/// let words = FeatureAnalyzer::new();
/// assert_eq!(words.features("Ростов-на-Дону, 2024 г."), ["ростов", "на", "дону", "2024"]);
///
/// let chars = FeatureAnalyzer::builder()
///     .kind(FeatureKind::CharWb)
///     .ngram_range((3, 3))
///     .strip_accents(StripAccents::Unicode)
///     .build()?;
/// assert_eq!(chars.features("Éte"), [" et", "ete", "te "]);
/// # Ok::<(), slovo::Error>(())
/// ```
#[derive(Clone)]
pub struct FeatureAnalyzer {
    config: FeatureAnalyzerConfig,
    pattern: Pattern,
}

impl Default for FeatureAnalyzer {
    fn default() -> Self {
        FeatureAnalyzer::new()
    }
}

impl fmt::Debug for FeatureAnalyzer {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("FeatureAnalyzer")
            .field("config", &self.config)
            .finish()
    }
}

impl PartialEq for FeatureAnalyzer {
    fn eq(&self, other: &Self) -> bool {
        self.config == other.config
    }
}

impl FeatureAnalyzer {
    /// scikit-learn's default word analyzer.
    ///
    /// ```
    /// let analyzer = slovo::tfidf::FeatureAnalyzer::new();
    /// assert_eq!(analyzer.features("Кот и пёс"), ["кот", "пёс"]);
    /// ```
    #[must_use]
    pub fn new() -> Self {
        FeatureAnalyzer {
            config: FeatureAnalyzerConfig::default(),
            pattern: Pattern::Words { min_chars: 2 },
        }
    }

    /// A builder starting from the defaults.
    ///
    /// ```
    /// let analyzer = slovo::tfidf::FeatureAnalyzer::builder().lowercase(false).build()?;
    /// assert_eq!(analyzer.features("Кот"), ["Кот"]);
    /// # Ok::<(), slovo::Error>(())
    /// ```
    pub fn builder() -> FeatureAnalyzerBuilder {
        FeatureAnalyzerBuilder::default()
    }

    /// A builder preset to this analyzer's options.
    ///
    /// ```
    /// let analyzer = slovo::tfidf::FeatureAnalyzer::new();
    /// let upper = analyzer.to_builder().lowercase(false).build()?;
    /// assert!(!upper.config().lowercase);
    /// # Ok::<(), slovo::Error>(())
    /// ```
    pub fn to_builder(&self) -> FeatureAnalyzerBuilder {
        FeatureAnalyzerBuilder::from(self.config.clone())
    }

    /// The options.
    ///
    /// ```
    /// assert!(slovo::tfidf::FeatureAnalyzer::new().config().lowercase);
    /// ```
    #[must_use]
    pub fn config(&self) -> &FeatureAnalyzerConfig {
        &self.config
    }

    /// scikit-learn's preprocessor: `str.lower()` (when `lowercase`), then `strip_accents`.
    ///
    /// ```
    /// use slovo::tfidf::{FeatureAnalyzer, StripAccents};
    ///
    /// let analyzer = FeatureAnalyzer::builder().strip_accents(StripAccents::Ascii).build()?;
    /// assert_eq!(analyzer.preprocess("J'ai mangé"), "j'ai mange");
    /// # Ok::<(), slovo::Error>(())
    /// ```
    #[must_use]
    pub fn preprocess<'a>(&self, text: &'a str) -> Cow<'a, str> {
        let lowered = if self.config.lowercase && needs_lowercase(text) {
            Cow::Owned(text.to_lowercase())
        } else {
            Cow::Borrowed(text)
        };
        match self.config.strip_accents.apply(&lowered) {
            Cow::Borrowed(_) => lowered,
            Cow::Owned(stripped) => Cow::Owned(stripped),
        }
    }

    /// Calls `f` with each token of `text` as the token pattern finds them
    /// (`re.findall`), without preprocessing: scikit-learn's tokenizer.
    ///
    /// ```
    /// let mut tokens = Vec::new();
    /// slovo::tfidf::FeatureAnalyzer::new().for_each_token("Don't STOP", |t| tokens.push(t.to_owned()));
    /// assert_eq!(tokens, ["Don", "STOP"]);
    /// ```
    // `f` is called through `&mut` only by the regex patterns (feature `regex`).
    #[cfg_attr(not(feature = "regex"), allow(unused_mut))]
    pub fn for_each_token<F: FnMut(&str)>(&self, text: &str, mut f: F) {
        match &self.pattern {
            Pattern::Words { min_chars } => for_each_word(text, *min_chars, &mut f),
            #[cfg(feature = "regex")]
            Pattern::Regex { regex, group } => match group {
                None => regex.find_iter(text).for_each(|m| f(m.as_str())),
                Some(g) => {
                    for caps in regex.captures_iter(text) {
                        // A group that took no part in the match is "" in `re.findall`.
                        f(caps.get(*g).map_or("", |m| m.as_str()));
                    }
                }
            },
        }
    }

    /// Calls `f` with each feature of `text`: for [`FeatureKind::Word`] the tokens of the
    /// preprocessed text, for the character kinds its character n-grams.
    ///
    /// ```
    /// use slovo::tfidf::{FeatureAnalyzer, FeatureKind};
    ///
    /// let chars = FeatureAnalyzer::builder().kind(FeatureKind::Char).ngram_range((2, 2)).build()?;
    /// let mut grams = Vec::new();
    /// chars.for_each_feature("Да  да", |g| grams.push(g.to_owned()));
    /// assert_eq!(grams, ["да", "а ", " д", "да"]);
    /// # Ok::<(), slovo::Error>(())
    /// ```
    pub fn for_each_feature<F: FnMut(&str)>(&self, text: &str, mut f: F) {
        if let (FeatureKind::Word, true, StripAccents::None, Pattern::Words { min_chars }) = (
            self.config.kind,
            self.config.lowercase,
            self.config.strip_accents,
            &self.pattern,
        ) {
            // Lowercase token by token instead of copying the whole text lowercased first
            // (same tokens whenever no character needs context or changes word-ness).
            let mut lowered = String::with_capacity(text.len());
            let mut ends = Vec::new();
            if lower_words(text, *min_chars, &mut lowered, &mut ends) {
                let mut start = 0;
                for end in ends {
                    f(&lowered[start..end]);
                    start = end;
                }
                return;
            }
        }
        let text = self.preprocess(text);
        match self.config.kind {
            FeatureKind::Word => self.for_each_token(&text, f),
            FeatureKind::Char => char_ngrams(&squeeze_spaces(&text), self.config.ngram_range, f),
            FeatureKind::CharWb => char_wb_ngrams(&text, self.config.ngram_range, f),
        }
    }

    /// The features of `text` as owned strings (see
    /// [`for_each_feature`](Self::for_each_feature)).
    ///
    /// ```
    /// assert_eq!(slovo::tfidf::FeatureAnalyzer::new().features("A bc"), ["bc"]);
    /// ```
    #[must_use]
    pub fn features(&self, text: &str) -> Vec<String> {
        let mut features = Vec::new();
        self.for_each_feature(text, |f| features.push(f.to_owned()));
        features
    }
}

impl TermAnalyzer for FeatureAnalyzer {
    fn analyze(&self, text: &str, sink: &mut dyn FnMut(&str)) {
        self.for_each_feature(text, sink);
    }
}

/// Builds a [`FeatureAnalyzer`]; [`build`](Self::build) checks the options.
#[derive(Debug, Clone, Default)]
#[must_use]
pub struct FeatureAnalyzerBuilder {
    config: FeatureAnalyzerConfig,
}

impl From<FeatureAnalyzerConfig> for FeatureAnalyzerBuilder {
    fn from(config: FeatureAnalyzerConfig) -> Self {
        FeatureAnalyzerBuilder { config }
    }
}

impl FeatureAnalyzerBuilder {
    /// Words or character n-grams.
    ///
    /// ```
    /// use slovo::tfidf::{FeatureAnalyzer, FeatureKind};
    /// let chars = FeatureAnalyzer::builder().kind(FeatureKind::Char).build()?;
    /// assert_eq!(chars.features("Да"), ["д", "а"]);
    /// # Ok::<(), slovo::Error>(())
    /// ```
    pub fn kind(mut self, kind: FeatureKind) -> Self {
        self.config.kind = kind;
        self
    }

    /// Lowercase with `str.lower()` first.
    ///
    /// ```
    /// let keep_case = slovo::tfidf::FeatureAnalyzer::builder().lowercase(false).build()?;
    /// assert_eq!(keep_case.features("ЕС и Казахстан"), ["ЕС", "Казахстан"]);
    /// # Ok::<(), slovo::Error>(())
    /// ```
    pub fn lowercase(mut self, lowercase: bool) -> Self {
        self.config.lowercase = lowercase;
        self
    }

    /// Strip accents after lowercasing.
    ///
    /// ```
    /// use slovo::tfidf::{FeatureAnalyzer, StripAccents};
    /// let plain = FeatureAnalyzer::builder().strip_accents(StripAccents::Unicode).build()?;
    /// assert_eq!(plain.features("Café йогурт"), ["cafe", "иогурт"]);
    /// # Ok::<(), slovo::Error>(())
    /// ```
    pub fn strip_accents(mut self, strip_accents: StripAccents) -> Self {
        self.config.strip_accents = strip_accents;
        self
    }

    /// The token pattern of [`FeatureKind::Word`].
    ///
    /// ```
    /// let all = slovo::tfidf::FeatureAnalyzer::builder().token_pattern(r"(?u)\b\w+\b").build()?;
    /// assert_eq!(all.features("я и ты"), ["я", "и", "ты"]);
    /// # Ok::<(), slovo::Error>(())
    /// ```
    pub fn token_pattern(mut self, pattern: impl Into<String>) -> Self {
        self.config.token_pattern = pattern.into();
        self
    }

    /// `(min_n, max_n)` of character n-grams.
    ///
    /// ```
    /// use slovo::tfidf::{FeatureAnalyzer, FeatureKind};
    /// let bigrams = FeatureAnalyzer::builder().kind(FeatureKind::CharWb).ngram_range((2, 2)).build()?;
    /// assert_eq!(bigrams.features("да"), [" д", "да", "а "]);
    /// # Ok::<(), slovo::Error>(())
    /// ```
    pub fn ngram_range(mut self, range: (usize, usize)) -> Self {
        self.config.ngram_range = range;
        self
    }

    /// The analyzer.
    ///
    /// # Errors
    ///
    /// [`Error::InvalidOption`] for `ngram_range` without `1 <= min_n <= max_n`, a token
    /// pattern with more than one capturing group or that the `regex` crate cannot compile
    /// (or any pattern but the default ones without the `regex` feature).
    ///
    /// ```
    /// use slovo::tfidf::FeatureAnalyzer;
    ///
    /// assert!(FeatureAnalyzer::builder().ngram_range((2, 1)).build().is_err());
    /// assert!(FeatureAnalyzer::builder().token_pattern(r"(a)(b)").build().is_err());
    /// ```
    pub fn build(self) -> Result<FeatureAnalyzer> {
        let config = self.config;
        let (min_n, max_n) = config.ngram_range;
        if min_n == 0 || min_n > max_n {
            return Err(Error::invalid_option(
                "ngram_range",
                format!("({min_n}, {max_n})"),
                "(min_n, max_n) with 1 <= min_n <= max_n",
            ));
        }
        let pattern = compile(&config.token_pattern)?;
        Ok(FeatureAnalyzer { config, pattern })
    }
}

fn compile(pattern: &str) -> Result<Pattern> {
    let plain = pattern.strip_prefix("(?u)").unwrap_or(pattern);
    match plain {
        r"\b\w\w+\b" => return Ok(Pattern::Words { min_chars: 2 }),
        r"\b\w+\b" => return Ok(Pattern::Words { min_chars: 1 }),
        _ => {}
    }
    #[cfg(feature = "regex")]
    {
        let regex = regex::Regex::new(pattern).map_err(|err| {
            Error::invalid_option(
                "token_pattern",
                pattern,
                format!("a regular expression the regex crate accepts ({err})"),
            )
        })?;
        let groups = regex.captures_len() - 1;
        if groups > 1 {
            return Err(Error::invalid_option(
                "token_pattern",
                pattern,
                "at most one capturing group",
            ));
        }
        Ok(Pattern::Regex {
            regex,
            group: (groups == 1).then_some(1),
        })
    }
    #[cfg(not(feature = "regex"))]
    Err(Error::invalid_option(
        "token_pattern",
        pattern,
        r"(?u)\b\w\w+\b or (?u)\b\w+\b (other patterns need the `regex` feature)",
    ))
}

/// Whether `text` may change under lowercasing (ASCII text without capitals does not).
fn needs_lowercase(text: &str) -> bool {
    !text
        .bytes()
        .all(|b| b.is_ascii() && !b.is_ascii_uppercase())
}

/// Python's `\w` for `str` patterns: `str.isalnum()` or `_`.
///
/// ```ignore
/// assert!(is_py_word('ё') && is_py_word('²') && !is_py_word('\u{301}'));
/// ```
pub(crate) fn is_py_word(c: char) -> bool {
    let c = c as u32;
    if c < 0x80 {
        let b = c as u8;
        return b.is_ascii_alphanumeric() || b == b'_';
    }
    // Cyrillic letters, the bulk of the text this crate reads (U+0482..U+0489 are a sign
    // and combining marks).
    if (0x400..=0x52F).contains(&c) {
        return !(0x482..=0x489).contains(&c);
    }
    let ranges = py_word::RANGES;
    ranges
        .binary_search_by(|&(lo, hi)| {
            if hi < c {
                std::cmp::Ordering::Less
            } else if lo > c {
                std::cmp::Ordering::Greater
            } else {
                std::cmp::Ordering::Equal
            }
        })
        .is_ok()
}

/// Python's `str.isspace()` (Unicode White_Space plus the four ASCII separators
/// U+001C..U+001F).
fn is_py_space(c: char) -> bool {
    c.is_whitespace() || ('\u{1c}'..='\u{1f}').contains(&c)
}

/// Maximal runs of Python word characters of at least `min_chars` characters.
fn for_each_word<F: FnMut(&str)>(text: &str, min_chars: usize, mut f: F) {
    let mut start = None;
    let mut chars = 0;
    for (i, c) in text.char_indices() {
        if is_py_word(c) {
            if start.is_none() {
                start = Some(i);
                chars = 0;
            }
            chars += 1;
        } else if let Some(s) = start.take() {
            if chars >= min_chars {
                f(&text[s..i]);
            }
        }
    }
    if let Some(s) = start {
        if chars >= min_chars {
            f(&text[s..]);
        }
    }
}

/// The lowercase of `c` (`str.lower()`) when it is one character that depends on no
/// context; `None` otherwise (final sigma, `İ` → `i̇`).
#[inline]
fn simple_lower(c: char) -> Option<char> {
    let u = c as u32;
    if u < 0x80 {
        return Some(c.to_ascii_lowercase());
    }
    match u {
        0x430..=0x45F => return Some(c),
        0x410..=0x42F => return char::from_u32(u + 0x20),
        0x400..=0x40F => return char::from_u32(u + 0x50),
        0x3A3 => return None, // Σ: σ or final ς, by context
        // Latin-1 signs and general punctuation («», —, …, №): no case.
        0x80..=0xBF | 0x2000..=0x206F | 0x2116 => return Some(c),
        _ => {}
    }
    let mut lower = c.to_lowercase();
    match (lower.next(), lower.next()) {
        (Some(l), None) => Some(l),
        _ => None,
    }
}

/// The lowercased words of `text` (runs of at least `min_chars` Python word characters)
/// written one after another into `out`, with the end of each in `ends`: the same tokens as
/// tokenizing `text.to_lowercase()`, or `false` (and nothing usable) when a character's
/// lowercase is not [`simple_lower`] or changes whether it is a word character.
fn lower_words(text: &str, min_chars: usize, out: &mut String, ends: &mut Vec<usize>) -> bool {
    out.clear();
    ends.clear();
    let mut chars = 0;
    let mut start = 0;
    for c in text.chars() {
        let Some(l) = simple_lower(c) else {
            return false;
        };
        let word = is_py_word(c);
        if l != c && is_py_word(l) != word {
            return false;
        }
        if word {
            if chars == 0 {
                start = out.len();
            }
            out.push(l);
            chars += 1;
        } else if chars > 0 {
            if chars >= min_chars {
                ends.push(out.len());
            } else {
                out.truncate(start);
            }
            chars = 0;
        }
    }
    if chars > 0 {
        if chars >= min_chars {
            ends.push(out.len());
        } else {
            out.truncate(start);
        }
    }
    true
}

/// `re.sub(r"\s\s+", " ", text)`.
fn squeeze_spaces(text: &str) -> Cow<'_, str> {
    let mut out: Option<String> = None;
    let mut run_start = None;
    let mut run_len = 0;
    let mut copied = 0;
    let bytes_end = text.len();
    let mut flush = |out: &mut Option<String>, run: Option<usize>, end: usize, len: usize| {
        if let (Some(s), true) = (run, len >= 2) {
            let o = out.get_or_insert_with(|| String::with_capacity(text.len()));
            o.push_str(&text[copied..s]);
            o.push(' ');
            copied = end;
        }
    };
    for (i, c) in text.char_indices() {
        if is_py_space(c) {
            if run_start.is_none() {
                run_start = Some(i);
                run_len = 0;
            }
            run_len += 1;
        } else if run_start.is_some() {
            flush(&mut out, run_start.take(), i, run_len);
        }
    }
    flush(&mut out, run_start, bytes_end, run_len);
    match out {
        None => Cow::Borrowed(text),
        Some(mut o) => {
            o.push_str(&text[copied..]);
            Cow::Owned(o)
        }
    }
}

/// Byte offsets of each character of `text`, and its length at the end.
fn boundaries(text: &str) -> Vec<usize> {
    let mut b: Vec<usize> = text.char_indices().map(|(i, _)| i).collect();
    b.push(text.len());
    b
}

/// scikit-learn's `_char_ngrams` (on text whose white space runs are already squeezed).
fn char_ngrams<F: FnMut(&str)>(text: &str, (min_n, max_n): (usize, usize), mut f: F) {
    let b = boundaries(text);
    let len = b.len() - 1;
    for n in min_n..=max_n.min(len) {
        for i in 0..=len - n {
            f(&text[b[i]..b[i + n]]);
        }
    }
}

/// scikit-learn's `_char_wb_ngrams`: each word padded with a space on both sides; a word
/// shorter than `n` (with its padding) gives itself once, and no longer n-grams.
fn char_wb_ngrams<F: FnMut(&str)>(text: &str, (min_n, max_n): (usize, usize), mut f: F) {
    let mut padded = String::new();
    for word in text.split(is_py_space).filter(|w| !w.is_empty()) {
        padded.clear();
        padded.push(' ');
        padded.push_str(word);
        padded.push(' ');
        let b = boundaries(&padded);
        let len = b.len() - 1;
        for n in min_n..=max_n {
            let end = |o: usize| b[(o + n).min(len)];
            let mut offset = 0;
            f(&padded[b[0]..end(0)]);
            while offset + n < len {
                offset += 1;
                f(&padded[b[offset]..end(offset)]);
            }
            if offset == 0 {
                break;
            }
        }
    }
}

/// The Unicode version of the table behind Python's `\w` (the CPython it was made from).
///
/// ```
/// assert!(!slovo::tfidf::python_unicode_version().is_empty());
/// ```
#[must_use]
pub fn python_unicode_version() -> &'static str {
    py_word::UNICODE_VERSION
}

#[cfg(test)]
mod tests {
    use super::*;

    fn grams(kind: FeatureKind, range: (usize, usize), text: &str) -> Vec<String> {
        let analyzer = FeatureAnalyzer::builder()
            .kind(kind)
            .ngram_range(range)
            .strip_accents(StripAccents::Unicode)
            .build()
            .expect("valid");
        analyzer.features(text)
    }

    /// scikit-learn's own expectations (test_text.py).
    #[test]
    fn char_ngrams_as_scikit_learn() {
        let text = "J'ai mangé du kangourou  ce midi, c'était pas très bon";
        let g = grams(FeatureKind::Char, (3, 6), text);
        assert_eq!(g[..5], ["j'a", "'ai", "ai ", "i m", " ma"]);
        assert_eq!(
            g[g.len() - 5..],
            ["s tres", " tres ", "tres b", "res bo", "es bon"]
        );
        let text = "This \n\tis a test, really.\n\n I met Harry yesterday";
        let g = grams(FeatureKind::Char, (3, 6), text);
        assert_eq!(g[..5], ["thi", "his", "is ", "s i", " is"]);
        let g = grams(FeatureKind::CharWb, (3, 6), text);
        assert_eq!(g[..5], [" th", "thi", "his", "is ", " thi"]);
        assert_eq!(
            g[g.len() - 5..],
            ["yester", "esterd", "sterda", "terday", "erday "]
        );
        let g = grams(
            FeatureKind::CharWb,
            (3, 6),
            "A test with a file-like object!",
        );
        assert_eq!(g[..6], [" a ", " te", "tes", "est", "st ", " tes"]);
    }

    #[test]
    fn words_as_python_re() {
        let a = FeatureAnalyzer::new();
        assert_eq!(
            a.features("J'ai mangé du kangourou  ce midi, c'était pas très bon."),
            [
                "ai",
                "mangé",
                "du",
                "kangourou",
                "ce",
                "midi",
                "était",
                "pas",
                "très",
                "bon"
            ]
        );
        // A stress mark is not a word character for Python: it splits the word.
        assert_eq!(a.features("молоко\u{301}м x²y"), ["молоко", "x²y"]);
        // Lowercased token by token, or the whole text when a character needs context.
        assert_eq!(a.features("ЁЛКА Ѐx ΣΑΣ İz"), ["ёлка", "ѐx", "σας"]);
        for text in [
            "Кот ИДЁТ",
            "ÉTÉ Straße",
            "ΟΔΟΣ ΣΑΣ",
            "İstanbul Ǆx",
            "Ⅻ Ⓐbc ＡＢ",
            "a\u{301}b",
        ] {
            let mut slow = Vec::new();
            for_each_word(&text.to_lowercase(), 2, |w| slow.push(w.to_owned()));
            assert_eq!(a.features(text), slow, "{text}");
        }
        assert_eq!(squeeze_spaces("a \n b\nc"), "a b\nc");
    }

    use proptest::prelude::*;

    /// The words of `text.to_lowercase()`: what the token-by-token path must give.
    fn lowercased_then_tokenized(text: &str, min_chars: usize) -> Vec<String> {
        let mut words = Vec::new();
        for_each_word(&text.to_lowercase(), min_chars, |w| {
            words.push(w.to_owned())
        });
        words
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(3000))]

        /// Lowercasing token by token gives the tokens of the lowercased text, on text
        /// mixing Cyrillic, Latin, Greek (final sigma), İ, combining marks and punctuation.
        #[test]
        fn token_by_token_lowercase_is_exact(
            text in "[a-zA-Z0-9_ .,«»—ÀÉßİıΣσςΑΩ\u{301}\u{307}\u{400}-\u{4FF}\u{1C4}-\u{1CC}²½Ⅻⓐ]{0,30}",
            min_chars in 1usize..3,
        ) {
            let analyzer = FeatureAnalyzer::builder()
                .token_pattern(if min_chars == 1 { r"(?u)\b\w+\b" } else { DEFAULT_TOKEN_PATTERN })
                .build()
                .expect("valid");
            prop_assert_eq!(analyzer.features(&text), lowercased_then_tokenized(&text, min_chars));
        }

        /// Any `&str` gives features without panicking, for every kind.
        #[test]
        fn any_text_is_analyzed(text in any::<String>(), kind in 0usize..3, n in 1usize..4) {
            let kind = [FeatureKind::Word, FeatureKind::Char, FeatureKind::CharWb][kind];
            let analyzer = FeatureAnalyzer::builder()
                .kind(kind)
                .ngram_range((1, n))
                .strip_accents(StripAccents::Unicode)
                .build()
                .expect("valid");
            let _ = analyzer.features(&text);
        }
    }

    #[cfg(feature = "regex")]
    #[test]
    fn a_capturing_group_is_the_token() {
        let a = FeatureAnalyzer::builder()
            .token_pattern(r"[0-9]{1,3}(?:st|nd|rd|th)\s\b(\w{2,})\b")
            .build()
            .expect("valid");
        assert_eq!(a.features("This is the 1st document"), ["document"]);
    }
}

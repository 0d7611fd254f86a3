//! A [tantivy](https://docs.rs/tantivy) tokenizer for Russian, built on
//! [slovo](https://docs.rs/slovo).
//!
//! tantivy's own pipeline for Russian (`SimpleTokenizer`, `LowerCaser`, Snowball `Stemmer`)
//! cuts text at every character that is not a letter or digit, so `Ростов-на-Дону`,
//! `кто-то`, `COVID-19`, e-mail addresses and URLs become loose pieces, and it keeps `ё` and
//! `е` apart. [`SlovoTokenizer`] indexes what slovo's tokenizer and
//! [`Analyzer`] make of the text instead:
//!
//! - words, numbers, URLs, e-mail addresses, hashtags and mentions as slovo tokenizes them
//!   (`Ростов-на-Дону`, `т.е.`, `1,5`, `ivan@mail.ru` are one token each);
//! - NFC, lowercase, `ё` → `е`, no stress marks, soft hyphens or zero-width characters;
//! - Russian stop words dropped, with a gap left in the positions so phrase queries stay
//!   exact;
//! - Snowball stems, or with the `morph` feature lemmas ([`SlovoTokenizer::lemmas`]), so
//!   `отца` finds `отец` and `людей` finds `человек`, which no stemmer does;
//! - a hyphenated word is indexed whole *and* by its parts at their own positions, so
//!   `Ростов` finds `Ростов-на-Дону` and `COVID` finds `COVID-19`, while a query for the
//!   whole word still asks for the whole word.
//!
//! Offsets are byte offsets of each token's text in the original document (highlighting
//! works), and positions count the words, numbers and other non-punctuation tokens of the
//! text (phrase queries work).
//!
//! # Example
//!
//! Register the tokenizer under a name once, then name it in the schema (lemmas need the
//! `morph` feature, on by default):
//!
//! ```
//! # #[cfg(feature = "morph")] {
//! use slovo_tantivy::SlovoTokenizer;
//! use tantivy::schema::{IndexRecordOption, Schema, TextFieldIndexing, TextOptions, STORED};
//! use tantivy::{doc, Index};
//!
//! let indexing = TextFieldIndexing::default()
//!     .set_tokenizer(slovo_tantivy::NAME)
//!     .set_index_option(IndexRecordOption::WithFreqsAndPositions);
//! let mut schema = Schema::builder();
//! let body = schema.add_text_field("body", TextOptions::default().set_indexing_options(indexing) | STORED);
//! let index = Index::create_in_ram(schema.build());
//! index.tokenizers().register(slovo_tantivy::NAME, SlovoTokenizer::lemmas());
//!
//! let mut writer = index.writer_with_num_threads(1, 15_000_000)?;
//! writer.add_document(doc!(body => "Выставка пройдёт в Ростове-на-Дону."))?;
//! writer.commit()?;
//!
//! let searcher = index.reader()?.searcher();
//! let parser = tantivy::query::QueryParser::for_index(&index, vec![body]);
//! for query in ["Ростов-на-Дону", "Ростов", "пройти"] {
//!     let query = parser.parse_query(query)?;
//!     assert_eq!(searcher.search(&query, &tantivy::collector::Count)?, 1);
//! }
//! # }
//! # Ok::<(), tantivy::TantivyError>(())
//! ```
#![forbid(unsafe_code)]
#![warn(missing_docs)]

use slovo::{normalize, Analyzer, Stemmer, StopWords, TermForm, TokenKind};
use tantivy_tokenizer_api::{Token, TokenStream, Tokenizer};

/// The name the examples register [`SlovoTokenizer`] under (`"slovo_ru"`); any name works.
///
/// ```
/// assert_eq!(slovo_tantivy::NAME, "slovo_ru");
/// ```
pub const NAME: &str = "slovo_ru";

/// Token kinds that take a position (and become terms unless the analyzer drops them).
const INDEXED_KINDS: [TokenKind; 6] = [
    TokenKind::Word,
    TokenKind::Number,
    TokenKind::Url,
    TokenKind::Email,
    TokenKind::Hashtag,
    TokenKind::Mention,
];

/// A tantivy [`Tokenizer`] that indexes slovo's terms of a Russian text.
///
/// Cheap to clone (the analyzer's configuration is shared); tantivy clones one per
/// indexing thread. Each clone reuses its token buffer from document to document.
///
/// ```
/// use slovo_tantivy::SlovoTokenizer;
/// use tantivy_tokenizer_api::{TokenStream, Tokenizer};
///
/// let mut tokenizer = SlovoTokenizer::new();
/// let mut stream = tokenizer.token_stream("Встреча в Ростове-на-Дону, COVID-19.");
/// let mut seen = Vec::new();
/// while let Some(token) = stream.next() {
///     seen.push((token.text.clone(), token.position));
/// }
/// // "в" is a stop word: it is not indexed, but it keeps its position.
/// assert_eq!(seen, [
///     ("встреч".to_string(), 0),
///     ("ростов-на-дон".to_string(), 2), // the whole word ...
///     ("ростов".to_string(), 2),        // ... and its parts ("на" is a stop word)
///     ("дон".to_string(), 4),
///     ("covid-19".to_string(), 5),
///     ("covid".to_string(), 5),
///     ("19".to_string(), 6),
/// ]);
/// ```
#[derive(Debug, Clone)]
pub struct SlovoTokenizer {
    analyzer: Analyzer,
    compound_parts: bool,
    stemmer: Stemmer,
    tokens: Vec<Token>,
}

impl Default for SlovoTokenizer {
    fn default() -> Self {
        Self::new()
    }
}

impl SlovoTokenizer {
    /// Stems (Snowball Russian) of words, numbers, URLs, e-mails, hashtags and mentions,
    /// Russian stop words dropped, hyphenated words indexed whole and by parts.
    ///
    /// ```
    /// let tokenizer = slovo_tantivy::SlovoTokenizer::new();
    /// assert_eq!(tokenizer.analyzer().config().form, slovo::TermForm::Stem);
    /// ```
    #[must_use]
    pub fn new() -> Self {
        Self::with_analyzer(default_analyzer().build())
    }

    /// Lemmas (dictionary forms) instead of stems: `отца` and `отец` are both `отец`,
    /// `людей` is `человек`. Needs the `morph` feature.
    ///
    /// ```
    /// # #[cfg(feature = "morph")] {
    /// use tantivy_tokenizer_api::{TokenStream, Tokenizer};
    /// let mut tokenizer = slovo_tantivy::SlovoTokenizer::lemmas();
    /// let mut stream = tokenizer.token_stream("отца");
    /// assert_eq!(stream.next().map(|t| t.text.as_str()), Some("отец"));
    /// # }
    /// ```
    #[cfg(feature = "morph")]
    #[must_use]
    pub fn lemmas() -> Self {
        Self::with_analyzer(default_analyzer().form(slovo::TermForm::Lemma).build())
    }

    /// A tokenizer that indexes the terms of `analyzer` (its kinds, normalization, stop
    /// words, length limit and term form). Tokens of kinds the analyzer does not keep still
    /// take a position, except punctuation, symbols and emoji.
    ///
    /// ```
    /// use slovo::{Analyzer, StopWords};
    /// use tantivy_tokenizer_api::{TokenStream, Tokenizer};
    ///
    /// let analyzer = Analyzer::builder().stop_words(StopWords::empty()).min_chars(1).build();
    /// let mut tokenizer = slovo_tantivy::SlovoTokenizer::with_analyzer(analyzer);
    /// let mut stream = tokenizer.token_stream("и я");
    /// assert_eq!(stream.next().map(|t| t.text.as_str()), Some("и"));
    /// ```
    #[must_use]
    pub fn with_analyzer(analyzer: Analyzer) -> Self {
        Self {
            analyzer,
            compound_parts: true,
            stemmer: Stemmer::new(),
            tokens: Vec::new(),
        }
    }

    /// Whether a hyphenated word is also indexed by its parts (default `true`). Without
    /// them, `Ростов` does not find `Ростов-на-Дону`.
    ///
    /// ```
    /// use tantivy_tokenizer_api::{TokenStream, Tokenizer};
    /// let mut tokenizer = slovo_tantivy::SlovoTokenizer::new().compound_parts(false);
    /// let mut stream = tokenizer.token_stream("кое-где");
    /// assert_eq!(stream.next().map(|t| t.text.as_str()), Some("кое-гд"));
    /// assert!(stream.next().is_none());
    /// ```
    #[must_use]
    pub fn compound_parts(mut self, on: bool) -> Self {
        self.compound_parts = on;
        self
    }

    /// The analyzer whose terms are indexed.
    ///
    /// ```
    /// let tokenizer = slovo_tantivy::SlovoTokenizer::new();
    /// assert_eq!(tokenizer.analyzer().config().min_chars, 1);
    /// ```
    #[must_use]
    pub fn analyzer(&self) -> &Analyzer {
        &self.analyzer
    }

    /// Fills `self.tokens` with the tokens of `text`.
    fn fill(&mut self, text: &str) {
        self.tokens.clear();
        let mut position = 0;
        for token in self.analyzer.tokens(text) {
            if !INDEXED_KINDS.contains(&token.kind) {
                continue;
            }
            let start = token.start();
            let is_compound = self.compound_parts
                && token.kind == TokenKind::Word
                && token.text.split('-').filter(|p| !p.is_empty()).count() > 1;
            if !is_compound {
                if let Some(term) = self.analyzer.token_term(token) {
                    push(&mut self.tokens, term, start, token.end(), position);
                }
                position += 1;
                continue;
            }
            // The whole word first, then each part at its own position.
            let end = token.end();
            let word = token.text.strip_suffix('.').unwrap_or(token.text);
            if let Some(whole) = self.compound_term(&token, word) {
                push(&mut self.tokens, whole, start, end, position);
            }
            let mut offset = start;
            for part in word.split('-') {
                if !part.is_empty() {
                    if let Some(term) = self.analyzer.terms(part).next() {
                        let from = offset + term.span.start;
                        let to = offset + term.span.end;
                        push(&mut self.tokens, term.form.into_owned(), from, to, position);
                    }
                    position += 1;
                }
                offset += part.len() + 1;
            }
        }
    }

    /// The term of a whole hyphenated word. Stemming the word as one string stems only its
    /// last part (`ростове-на-дон` beside `ростов-на-дон`), so with stemming on each part is
    /// stemmed and the stems joined; a word the analyzer drops (a stop word, a kind it does
    /// not keep) gives `None`.
    fn compound_term(&mut self, token: &slovo::Token<'_>, word: &str) -> Option<String> {
        let term = self.analyzer.token_term(*token)?;
        let config = self.analyzer.config();
        if config.form != TermForm::Stem {
            return Some(term);
        }
        let normal = normalize(word, &config.normalize);
        let mut joined = String::with_capacity(normal.len());
        for (i, part) in normal.split('-').enumerate() {
            if i > 0 {
                joined.push('-');
            }
            joined.push_str(self.stemmer.stem(part));
        }
        Some(joined)
    }
}

/// The analyzer `new()` and `lemmas()` start from: every indexed kind, single characters
/// kept (numbers such as `5`), Russian stop words.
fn default_analyzer() -> slovo::AnalyzerBuilder {
    Analyzer::builder()
        .kinds(INDEXED_KINDS)
        .stop_words(StopWords::russian())
        .min_chars(1)
}

fn push(tokens: &mut Vec<Token>, text: String, from: usize, to: usize, position: usize) {
    tokens.push(Token {
        offset_from: from,
        offset_to: to,
        position,
        text,
        position_length: 1,
    });
}

impl Tokenizer for SlovoTokenizer {
    type TokenStream<'a> = SlovoTokenStream<'a>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> SlovoTokenStream<'a> {
        self.fill(text);
        SlovoTokenStream {
            tokens: &mut self.tokens,
            index: None,
            outside: Token::default(),
        }
    }
}

/// The tokens of one text, as tantivy reads them (see [`SlovoTokenizer`]).
#[derive(Debug)]
pub struct SlovoTokenStream<'a> {
    tokens: &'a mut [Token],
    /// The current token; `None` before the first `advance`.
    index: Option<usize>,
    /// What `token()` shows before the first token and after the last (tantivy does not
    /// read it there; an empty token answers instead of a panic).
    outside: Token,
}

impl TokenStream for SlovoTokenStream<'_> {
    fn advance(&mut self) -> bool {
        let next = self
            .index
            .map_or(0, |i| i.saturating_add(1))
            .min(self.tokens.len());
        self.index = Some(next);
        next < self.tokens.len()
    }

    fn token(&self) -> &Token {
        match self.index.and_then(|i| self.tokens.get(i)) {
            Some(token) => token,
            None => &self.outside,
        }
    }

    fn token_mut(&mut self) -> &mut Token {
        match self.index.and_then(|i| self.tokens.get_mut(i)) {
            Some(token) => token,
            None => &mut self.outside,
        }
    }
}

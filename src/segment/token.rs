//! Tokens: a slice of the caller's text, its byte span and its kind.

use std::fmt;
use std::ops::Range;
use std::str::FromStr;

use crate::error::{Error, Result};
use crate::span::Span;

/// One token: a slice of the input text, where it is, and what it is.
///
/// `span` is a byte range into the text that was tokenized, so
/// `&text[token.span] == token.text` always holds.
///
/// # Example
///
/// ```
/// use slovo::{tokenize, TokenKind};
///
/// let text = "Привет, мир!";
/// let first = tokenize(text).next().unwrap();
/// assert_eq!(first.text, "Привет");
/// assert_eq!(first.kind, TokenKind::Word);
/// assert_eq!(&text[first.span], first.text);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub struct Token<'a> {
    /// The token's text, borrowed from the input.
    pub text: &'a str,
    /// Byte offsets of the token in the input.
    pub span: Span,
    /// What kind of token this is.
    pub kind: TokenKind,
}

impl<'a> Token<'a> {
    /// Byte offset where the token starts.
    ///
    /// ```
    /// let t = slovo::tokenize("  да").next().unwrap();
    /// assert_eq!(t.start(), 2);
    /// ```
    #[inline]
    #[must_use]
    pub fn start(&self) -> usize {
        self.span.start
    }

    /// Byte offset just past the token's end.
    ///
    /// ```
    /// let t = slovo::tokenize("да").next().unwrap();
    /// assert_eq!(t.end(), 4); // two Cyrillic letters, two bytes each
    /// ```
    #[inline]
    #[must_use]
    pub fn end(&self) -> usize {
        self.span.end
    }
}

/// What a [`Token`] is.
///
/// The string forms (`"word"`, `"number"`, …) are what the CLI and the Python binding
/// print; [`FromStr`] parses them back.
///
/// ```
/// use slovo::TokenKind;
///
/// assert_eq!(TokenKind::Email.as_str(), "email");
/// assert_eq!("hashtag".parse::<TokenKind>().unwrap(), TokenKind::Hashtag);
/// assert!("sentence".parse::<TokenKind>().is_err());
/// ```
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize,
)]
#[serde(rename_all = "lowercase")]
#[non_exhaustive]
pub enum TokenKind {
    /// Letters, possibly joined by hyphens or apostrophes and mixed with digits:
    /// `кто-то`, `Ростов-на-Дону`, `COVID-19`, `2-й`, `Д'Артаньян`, and abbreviations
    /// or initials with their period (`т.е.`, `г.`, `Е.`).
    Word,
    /// Digits, decimals (`1,5`, `3.5`), dates (`26.11.2026`), times (`19:30`).
    Number,
    /// Punctuation: a run of the same kind of marks is one token (`?!`, `...`, `«`).
    Punct,
    /// Symbols that are not punctuation: `%`, `$`, `+`, `№`, `©` …
    Symbol,
    /// A URL with a scheme (`https://…`) or starting with `www.`.
    Url,
    /// An e-mail address.
    Email,
    /// `#hashtag`.
    Hashtag,
    /// `@mention`.
    Mention,
    /// One emoji, including ZWJ sequences, flags, keycaps and skin tones.
    Emoji,
}

impl TokenKind {
    /// Every kind, in declaration order.
    pub const ALL: [TokenKind; 9] = [
        TokenKind::Word,
        TokenKind::Number,
        TokenKind::Punct,
        TokenKind::Symbol,
        TokenKind::Url,
        TokenKind::Email,
        TokenKind::Hashtag,
        TokenKind::Mention,
        TokenKind::Emoji,
    ];

    /// The lowercase name of the kind (`"word"`, `"url"`, …).
    ///
    /// ```
    /// assert_eq!(slovo::TokenKind::Punct.as_str(), "punct");
    /// ```
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            TokenKind::Word => "word",
            TokenKind::Number => "number",
            TokenKind::Punct => "punct",
            TokenKind::Symbol => "symbol",
            TokenKind::Url => "url",
            TokenKind::Email => "email",
            TokenKind::Hashtag => "hashtag",
            TokenKind::Mention => "mention",
            TokenKind::Emoji => "emoji",
        }
    }
}

impl fmt::Display for TokenKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for TokenKind {
    type Err = Error;

    fn from_str(s: &str) -> Result<Self> {
        TokenKind::ALL
            .into_iter()
            .find(|k| k.as_str() == s)
            .ok_or_else(|| {
                Error::invalid_option(
                    "token kind",
                    s,
                    "one of word, number, punct, symbol, url, email, hashtag, mention, emoji",
                )
            })
    }
}

/// Converts byte offsets into a text to code-point offsets, the unit Python and
/// JavaScript index strings by.
///
/// Spans in `slovo` are byte ranges of the UTF-8 text. Offsets asked for in increasing
/// order cost time proportional to the distance moved since the previous one, so
/// converting every span of a document, in text order, is linear in its length; going
/// backwards costs the distance moved back. Offsets past the end are clamped to the
/// text's length, and an offset inside a character counts the characters that start
/// before it.
///
/// ```
/// let text = "Ёж, 🦔 и ёлка";
/// let mut offsets = slovo::CharOffsets::new(text);
/// let spans: Vec<(usize, usize)> = slovo::tokenize(text)
///     .map(|t| (offsets.at(t.span.start), offsets.at(t.span.end)))
///     .collect();
/// assert_eq!(spans, [(0, 2), (2, 3), (4, 5), (6, 7), (8, 12)]);
/// // Code-point offsets slice the text as a `Vec<char>` (or a Python `str`) would.
/// let chars: Vec<char> = text.chars().collect();
/// assert_eq!(chars[8..12].iter().collect::<String>(), "ёлка");
/// ```
#[derive(Debug, Clone)]
pub struct CharOffsets<'a> {
    bytes: &'a [u8],
    byte: usize,
    chars: usize,
}

impl<'a> CharOffsets<'a> {
    /// Starts at the beginning of `text`.
    ///
    /// ```
    /// assert_eq!(slovo::CharOffsets::new("привет").at(4), 2);
    /// ```
    #[must_use]
    pub fn new(text: &'a str) -> Self {
        CharOffsets {
            bytes: text.as_bytes(),
            byte: 0,
            chars: 0,
        }
    }

    /// The code-point offset of byte offset `byte` (clamped to the text's length).
    ///
    /// ```
    /// let mut offsets = slovo::CharOffsets::new("aпр😀b");
    /// assert_eq!(offsets.at(5), 3);
    /// assert_eq!(offsets.at(100), 5);
    /// assert_eq!(offsets.at(1), 1);
    /// ```
    pub fn at(&mut self, byte: usize) -> usize {
        let byte = byte.min(self.bytes.len());
        // A code point starts at every byte that is not a UTF-8 continuation byte.
        let starts = |range: &[u8]| range.iter().filter(|&&b| b & 0xC0 != 0x80).count();
        if byte >= self.byte {
            self.chars += starts(&self.bytes[self.byte..byte]);
        } else {
            self.chars -= starts(&self.bytes[byte..self.byte]);
        }
        self.byte = byte;
        self.chars
    }

    /// The code-point offsets `(start, end)` of a byte span: [`at`](Self::at) of both
    /// ends. The one converter the CLI and the Python binding use for every span they
    /// print.
    ///
    /// ```
    /// let text = "Ёж и ёлка";
    /// let mut offsets = slovo::CharOffsets::new(text);
    /// let spans: Vec<(usize, usize)> =
    ///     slovo::tokenize(text).map(|t| offsets.span(t.span)).collect();
    /// assert_eq!(spans, [(0, 2), (3, 4), (5, 9)]);
    /// ```
    pub fn span(&mut self, span: impl Into<Range<usize>>) -> (usize, usize) {
        let span = span.into();
        (self.at(span.start), self.at(span.end))
    }
}

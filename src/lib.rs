//! # slovo — Russian text analysis
//!
//! (Crate tour grows as the stages land.)
//!
//! ```
//! let text = "Е. Казыхан посетил Брюссель.";
//! for token in slovo::tokenize(text) {
//!     assert_eq!(&text[token.span.clone()], token.text);
//! }
//! ```
//!
//! ## Normalization
//!
//! [`normalize`] brings a text to one spelling before it is analysed: a Unicode form
//! (NFC by default, or NFKC, which also folds fullwidth and other compatibility letters),
//! optionally lowercase and `ё` → `е`, and without stress marks, soft hyphens and
//! zero-width characters. [`NormalizeOptions`] says which steps run. The result is a
//! [`Cow`](std::borrow::Cow): text that is already normal is returned borrowed, without
//! allocating. [`fold`] is the cheap preset for comparing words (lowercase, `ё` → `е`, no
//! stress marks).
//!
//! ```
//! use slovo::{fold, normalize, NormalizeOptions, UnicodeForm};
//!
//! let options = NormalizeOptions::default().form(UnicodeForm::Nfkc);
//! assert_eq!(normalize("Ｐｒｅｓｓ-рели\u{301}з", &options), "Press-релиз");
//! assert_eq!(fold("Ёлка"), fold("ЕЛКА"));
//! ```
#![deny(missing_docs)]
#![forbid(unsafe_code)]

mod analyze;
mod error;
mod input;
mod normalize;
mod stem;
mod stopwords;
mod token;
mod tokenize;

pub use analyze::{Analyzer, AnalyzerBuilder, AnalyzerConfig, Term};
pub use error::{Error, Result};
pub use input::{decode_utf8, read_lines, read_text, Lines};
pub use normalize::{fold, normalize, NormalizeOptions, UnicodeForm};
pub use stem::Stemmer;
pub use stopwords::StopWords;
pub use token::{Token, TokenKind};
pub use tokenize::tokenize;

/// The README's Rust examples, compiled and run as doc tests so they stay true.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
struct ReadmeDoctests;

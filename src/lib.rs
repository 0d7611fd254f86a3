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
#![deny(missing_docs)]
#![forbid(unsafe_code)]

mod abbrev;
mod error;
mod input;
pub mod keywords;
mod stem;
mod stopwords;
mod token;
mod tokenize;
mod wordlist;

pub use error::{Error, Result};
pub use input::{decode_utf8, read_text};
pub use keywords::{keywords, Keyword, KeywordExtractor};
pub use stem::Stemmer;
pub use stopwords::StopWords;
pub use token::{Token, TokenKind};
pub use tokenize::{tokenize, Tokenizer, Tokens};

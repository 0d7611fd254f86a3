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

mod error;
mod input;
mod sentence;
mod token;
mod tokenize;

pub use error::{Error, Result};
pub use input::{decode_utf8, read_text};
pub use sentence::{sentences, Sentence, Sentences};
pub use token::{Token, TokenKind};
pub use tokenize::tokenize;

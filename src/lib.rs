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
//! ## Sentences
//!
//! [`sentences`] splits a text into [`Sentence`]s, each a slice of the text with its byte
//! span. It runs on the tokens, so abbreviations (`г.`, `т. е.`, `им.`), initials
//! (`А. С. Пушкин`), closing quotes after the period (`«…».`), dialogue (`— Привет! —
//! сказал он.`), list bullets (`1.`, `IV.`) and paragraph breaks are handled in one pass.
//!
//! ```
//! let text = "В 1999 г. проф. А. С. Иванов переехал в Москву. «Здесь и останусь!» — сказал он.";
//! let sentences: Vec<&str> = slovo::sentences(text).map(|s| s.text).collect();
//! assert_eq!(
//!     sentences,
//!     [
//!         "В 1999 г. проф. А. С. Иванов переехал в Москву.",
//!         "«Здесь и останусь!» — сказал он.",
//!     ]
//! );
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

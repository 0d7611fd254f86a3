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
//! ## Stemming
//!
//! [`Stemmer`] is Snowball Russian (through `rust-stemmers`) with case and `ё` folding, so
//! it reproduces the current Snowball reference exactly, and a bounded memo cache, so running
//! text stems mostly by lookup. Give each thread its own `Stemmer`.
//!
//! ```
//! let mut stemmer = slovo::Stemmer::new();
//! let stems: Vec<String> = ["Европейского", "союза", "ещё"]
//!     .iter()
//!     .map(|w| stemmer.stem(w).to_owned())
//!     .collect();
//! assert_eq!(stems, ["европейск", "союз", "ещ"]); // `ё` is folded first
//! ```
//!
//! ## Stop words
//!
//! [`StopWords`] embeds a corrected Russian list (spaCy's, MIT) and matches with case and
//! `ё`/`е` folded; extend it, shrink it or load your own.
//!
//! ```
//! let mut stop = slovo::StopWords::russian();
//! assert!(stop.contains("Её") && !stop.contains("союз"));
//! stop.extend(["также"]);
//! let own = slovo::StopWords::parse("# one word a line\nтипа\n");
//! assert!(own.contains("Типа"));
//! ```
#![deny(missing_docs)]
#![forbid(unsafe_code)]

mod error;
mod input;
mod stem;
mod stopwords;
mod token;
mod tokenize;

pub use error::{Error, Result};
pub use input::{decode_utf8, read_text};
pub use stem::Stemmer;
pub use stopwords::StopWords;
pub use token::{Token, TokenKind};
pub use tokenize::tokenize;

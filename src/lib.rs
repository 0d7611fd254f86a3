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
//! ## TF-IDF
//!
//! [`tfidf::TfidfVectorizer`] gives scikit-learn's TF-IDF (same options, same vocabulary
//! order, weights equal within 1e-12) as a sparse [`tfidf::CsrMatrix`]. Corpus counts
//! ([`tfidf::DocumentFrequencies`]) merge exactly, so a corpus can be counted in pieces and
//! fitted once.
//!
//! ```
//! use slovo::tfidf::{TfidfConfig, TfidfVectorizer};
//!
//! let mut config = TfidfConfig::default();
//! config.sublinear_tf = true;
//! let mut vectorizer = TfidfVectorizer::new(config)?;
//! let matrix = vectorizer.fit_transform_terms(&[["кот", "кот", "спать"], ["пёс", "спать", "и"]])?;
//! assert_eq!(matrix.shape(), (2, 4));
//! let dense = matrix.to_dense(); // ndarray::Array2<f64>, for small inputs
//! let column = |term| vectorizer.vocabulary().unwrap().get(term).unwrap();
//! // "кот" (twice, in one document) outweighs "спать" (once, in both)
//! assert!(dense[(0, column("кот"))] > dense[(0, column("спать"))]);
//! # Ok::<(), slovo::Error>(())
//! ```
//!
//! ## Keywords
//!
//! [`keywords()`](fn@keywords) picks the words and short phrases that say what one document is
//! about, with no corpus at hand (a small background table of word frequencies ships with
//! the crate); [`KeywordExtractor`] configures it, for instance with your own corpus's
//! [`tfidf::DocumentFrequencies`] as background. Phrases are ranked on stems and shown
//! as written in the text.
//!
//! ```
//! let text = "Казахстан и ЕС обсудили торговлю. Казахстан ценит партнёрство с ЕС. \
//!             Делегация Казахстана посетила Брюссель.";
//! let top = slovo::keywords(text, 3);
//! assert!(top.iter().any(|k| k.phrase == "ЕС"));
//! for kw in &top {
//!     // every occurrence, as a byte range into `text`: "Казахстан", "Казахстана", …
//!     let written: Vec<&str> = kw.spans.iter().map(|s| &text[s.clone()]).collect();
//!     assert!(written.contains(&kw.phrase.as_str()));
//! }
//! ```
//!
//! ## Crate features
//!
//! * `parallel` (default): `TfidfVectorizer::transform` spreads documents over rayon's
//!   thread pool; results are identical to the sequential path.
//! * `keyword-tuning` (off): unstable hooks to refit the keyword ranking model.
#![deny(missing_docs)]
#![forbid(unsafe_code)]

mod abbrev;
mod error;
mod input;
pub mod keywords;
mod stem;
mod stopwords;
pub mod tfidf;
mod token;
mod tokenize;
mod wordlist;

pub use error::{Error, Result};
pub use input::{decode_utf8, read_text};
pub use keywords::{keywords, Keyword, KeywordExtractor};
pub use stem::Stemmer;
pub use stopwords::StopWords;
pub use tfidf::{CsrMatrix, DocumentFrequencies, TfidfConfig, TfidfVectorizer, Vocabulary};
pub use token::{Token, TokenKind};
pub use tokenize::{tokenize, Tokenizer, Tokens};

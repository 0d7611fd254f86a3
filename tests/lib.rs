//! Integration tests: one binary, a module per suite.

mod analyze;
mod encoding;
mod fuzz_seeds;
mod hostile;
mod input;
mod keywords;
mod lang;
mod mojibake;
#[cfg(feature = "morph")]
mod morph;
mod sentences;
mod stem;
mod stopwords;
mod support;
mod tfidf;
mod tokens;

//! Integration tests: one binary, a module per suite.

mod encoding;
mod input;
mod keywords;
mod mojibake;
mod stem;
mod stopwords;
mod tfidf;
mod tokens;

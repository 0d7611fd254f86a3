//! Integration tests: one binary, a module per suite.

mod keywords;
mod stem;
mod stopwords;
mod tfidf;
mod tokens;

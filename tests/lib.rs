//! Integration tests: one binary, a module per suite.

mod tfidf;
mod tokens;

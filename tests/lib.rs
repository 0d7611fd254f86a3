//! Integration tests: one binary, a module per suite.

mod stem;
mod stopwords;
mod tokens;

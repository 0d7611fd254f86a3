//! Integration tests: one binary, a module per suite.

mod input;
mod stem;
mod stopwords;
mod tokens;

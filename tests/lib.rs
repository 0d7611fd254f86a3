//! Integration tests: one binary, a module per suite.

mod encoding;
mod tokens;

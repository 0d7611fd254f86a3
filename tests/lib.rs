//! Integration tests: one binary, a module per suite.

mod encoding;
mod mojibake;
mod tokens;

//! Integration tests: one binary, a module per suite.

mod sentences;
mod support;
mod tokens;

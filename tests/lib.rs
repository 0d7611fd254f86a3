//! Integration tests: one binary, a module per suite.

mod support;
mod tokens;

//! Integration tests: one binary, a module per suite.

mod lang;
mod tokens;

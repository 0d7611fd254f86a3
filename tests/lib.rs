//! Integration tests: one binary, a module per suite.

mod analyze;
// Legacy encodings need the `encodings` feature (on in `cargo test --workspace`, which
// the CLI and the Python package unify in); without it, `encoding_off` checks the error.
#[cfg(feature = "encodings")]
mod encoding;
#[cfg(not(feature = "encodings"))]
mod encoding_off;
mod fuzz_seeds;
mod hostile;
mod input;
mod keywords;
mod lang;
mod mojibake;
#[cfg(feature = "morph")]
mod morph;
mod sentences;
mod stem;
mod stopwords;
mod support;
mod tfidf;
mod tokens;

//! TF-IDF equal to scikit-learn's, over slovo's terms.
//!
//! * [`TfidfVectorizer`] — fit a vocabulary and idf on a corpus, transform documents into
//!   a sparse [`CsrMatrix`]; options through [`TfidfVectorizerBuilder`], saved as a [`TfidfConfig`] ([`DfBound`], [`Norm`]).
//! * [`DocumentFrequencies`] — the corpus counts a model is built from; mergeable, so a
//!   corpus can be counted in pieces (threads, processes, machines) and fitted once.
//! * [`Vocabulary`] — term ↔ column.
//! * [`TermAnalyzer`] — the hook that turns text into terms; or skip it and pass term
//!   lists to the `*_terms` methods. [`FeatureAnalyzer`] is scikit-learn's `"word"`,
//!   `"char"` and `"char_wb"` analyzers (lowercase, `strip_accents`, token pattern).
//! * [`HashingVectorizer`] — scikit-learn's hashing trick ([`murmurhash3_32`]), no
//!   vocabulary; [`TfidfTransformer`] — idf weighting of a count matrix made elsewhere.
//!
//! # Example
//!
//! ```
//! use slovo::tfidf::TfidfVectorizer;
//!
//! let mut vectorizer = TfidfVectorizer::builder().ngram_range(1, 2).build()?;
//! let matrix = vectorizer.fit_transform_terms(&[
//!     vec!["европейский", "союз", "расширяться"],
//!     vec!["союз", "писатель"],
//! ])?;
//! let vocabulary = vectorizer.vocabulary().unwrap();
//! assert!(vocabulary.contains("европейский союз"));
//! assert_eq!(matrix.n_cols(), vocabulary.len());
//!
//! // Transform new documents with the fitted model; unknown terms are ignored.
//! let rows = vectorizer.transform_terms(&[["союз", "писатель", "россия"]])?;
//! assert_eq!(rows.row(0).unwrap().len(), 3); // "писатель", "союз", "союз писатель"
//! # Ok::<(), slovo::Error>(())
//! ```

mod analyzer;
mod bytes;
mod counts;
mod csr;
mod docs;
mod features;
mod frequencies;
mod grams;
mod hashing;
mod interner;
mod memo;
mod model;
mod options;
mod pipeline;
mod rows;
mod transformer;
mod vectorizer;
mod vocabulary;
mod wire;

pub use analyzer::TermAnalyzer;
pub use csr::{CsrMatrix, SparseRow};
pub use features::{
    python_unicode_version, FeatureAnalyzer, FeatureAnalyzerBuilder, FeatureAnalyzerConfig,
    FeatureKind, StripAccents, DEFAULT_TOKEN_PATTERN,
};
pub use frequencies::DocumentFrequencies;
pub use hashing::{murmurhash3_32, HashingConfig, HashingVectorizer, HashingVectorizerBuilder};
pub use options::{DfBound, Norm, TfidfConfig};
pub use transformer::{TfidfTransformer, TfidfTransformerBuilder};
pub use vectorizer::{TfidfVectorizer, TfidfVectorizerBuilder};
pub use vocabulary::Vocabulary;

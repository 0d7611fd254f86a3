//! TF-IDF equal to scikit-learn's, over slovo's terms.
//!
//! * [`TfidfVectorizer`] — fit a vocabulary and idf on a corpus, transform documents into
//!   a sparse [`CsrMatrix`]; options in [`TfidfConfig`] ([`DfBound`], [`Norm`]).
//! * [`DocumentFrequencies`] — the corpus counts a model is built from; mergeable, so a
//!   corpus can be counted in pieces (threads, processes, machines) and fitted once.
//! * [`Vocabulary`] — term ↔ column.
//! * [`TermAnalyzer`] — the hook that turns text into terms; or skip it and pass term
//!   lists to the `*_terms` methods.
//!
//! # Example
//!
//! ```
//! use slovo::tfidf::{TfidfConfig, TfidfVectorizer};
//!
//! let mut config = TfidfConfig::default();
//! config.ngram_range = (1, 2);
//! let mut vectorizer = TfidfVectorizer::new(config)?;
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
mod frequencies;
mod grams;
mod interner;
mod memo;
mod model;
mod options;
mod pipeline;
mod rows;
mod vectorizer;
mod vocabulary;
mod wire;

pub use analyzer::TermAnalyzer;
pub use csr::{CsrMatrix, SparseRow};
pub use frequencies::DocumentFrequencies;
pub use options::{DfBound, Norm, TfidfConfig};
pub use vectorizer::TfidfVectorizer;
pub use vocabulary::Vocabulary;

//! Terms: tokens to the forms that statistics count. Stop words, stemming and the
//! [`Analyzer`] pipeline that runs normalize → stop words → stem over the tokens.

pub(crate) mod analyze;
pub(crate) mod memo;
pub(crate) mod stem;
pub(crate) mod stopwords;

pub use analyze::{Analyzer, AnalyzerBuilder, AnalyzerConfig, Term, TermForm, Terms};
pub use stem::Stemmer;
pub use stopwords::StopWords;

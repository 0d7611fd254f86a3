//! Saving and loading a vectorizer: options, the analyzer's configuration and the fitted
//! model as versioned bytes (see [`bytes`](super::bytes) for the envelope).

use super::bytes;
use super::options::TfidfConfig;
use super::vectorizer::TfidfVectorizer;
use super::vocabulary::Vocabulary;
use crate::error::{Error, Result};
use crate::terms::analyze::{Analyzer, AnalyzerConfig};

const MAGIC: &[u8; 8] = b"slovo-tv";
/// 2: the analyzer's configuration is saved with the model.
const FORMAT_VERSION: u32 = 2;

/// Serialized form (borrowing, for writing).
#[derive(serde::Serialize)]
struct WireRef<'a> {
    config: &'a TfidfConfig,
    analyzer: Option<&'a AnalyzerConfig>,
    vocabulary: Option<&'a Vocabulary>,
    idf: Option<&'a [f64]>,
}

/// Serialized form (owned, for reading).
#[derive(serde::Deserialize)]
struct Wire {
    config: TfidfConfig,
    analyzer: Option<AnalyzerConfig>,
    vocabulary: Option<Vocabulary>,
    idf: Option<Vec<f64>>,
}

impl TfidfVectorizer {
    /// The options, the analyzer's configuration (when it is a slovo [`Analyzer`]) and
    /// the fitted model (vocabulary, idf) as compact versioned bytes. The counts are not
    /// included (save [`frequencies`](Self::frequencies) separately if you need them), nor
    /// is a custom analyzer (set it again after loading).
    ///
    /// ```
    /// use slovo::tfidf::TfidfVectorizer;
    ///
    /// let mut vectorizer = TfidfVectorizer::new(Default::default())?;
    /// vectorizer.fit(&["кот спит", "пёс"])?;
    /// let restored = TfidfVectorizer::from_bytes(&vectorizer.to_bytes())?;
    /// assert_eq!(restored.vocabulary(), vectorizer.vocabulary());
    /// assert_eq!(restored.idf(), vectorizer.idf());
    /// # Ok::<(), slovo::Error>(())
    /// ```
    pub fn to_bytes(&self) -> Vec<u8> {
        let wire = WireRef {
            config: &self.config,
            analyzer: self.pipeline.analyzer.as_analyzer().map(Analyzer::config),
            vocabulary: self.fitted.as_ref().map(|f| &f.vocabulary),
            idf: self.fitted.as_ref().and_then(|f| f.idf.as_deref()),
        };
        bytes::encode(MAGIC, FORMAT_VERSION, &wire)
    }

    /// Reads bytes written by [`to_bytes`](Self::to_bytes). The analyzer is the saved slovo
    /// [`Analyzer`] configuration, so text is analyzed as when the model was fitted; a model
    /// fitted with a custom analyzer comes back with the default one (see
    /// [`set_analyzer`](Self::set_analyzer)).
    ///
    /// # Errors
    ///
    /// [`Error::IncompatibleModel`] for another format version, [`Error::CorruptModel`]
    /// for damaged or inconsistent bytes.
    ///
    /// ```
    /// use slovo::{tfidf::TfidfVectorizer, Error};
    ///
    /// let mut bytes = TfidfVectorizer::new(Default::default())?.to_bytes();
    /// bytes[8] = 99; // the format version
    /// assert!(matches!(TfidfVectorizer::from_bytes(&bytes), Err(Error::IncompatibleModel { .. })));
    /// # Ok::<(), slovo::Error>(())
    /// ```
    pub fn from_bytes(bytes: &[u8]) -> Result<Self> {
        let wire: Wire = bytes::decode(bytes, MAGIC, FORMAT_VERSION, "a TF-IDF model")?;
        let corrupt = |err: Error| Error::corrupt_model(format!("TF-IDF model: {err}"));
        let mut vectorizer = match wire.vocabulary {
            Some(vocabulary) => {
                Self::from_vocabulary(wire.config, vocabulary, wire.idf).map_err(corrupt)?
            }
            None => Self::new(wire.config).map_err(corrupt)?,
        };
        if let Some(config) = wire.analyzer {
            vectorizer.set_analyzer(Analyzer::from_config(config));
        }
        Ok(vectorizer)
    }
}

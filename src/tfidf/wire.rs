//! Saving and loading a vectorizer: options, the analyzer's configuration and the fitted
//! model as versioned bytes (see [`bytes`](super::bytes) for the envelope).

use super::bytes;
use super::options::TfidfConfig;
use super::vectorizer::{TfidfVectorizer, TfidfVectorizerBuilder};
use super::vocabulary::Vocabulary;
use crate::error::{Error, Result};
use crate::terms::analyze::{Analyzer, AnalyzerConfig};

const MAGIC: &[u8; 8] = b"slovo-tv";
/// 2: the analyzer's configuration is saved with the model. Models without
/// [`TfidfConfig::binary`] are still written in this format, which older versions read.
const FORMAT_VERSION: u32 = 2;
/// 3: version 2 plus `binary` (written only for models with `binary` on).
const BINARY_VERSION: u32 = 3;

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

/// Version 3: version 2 and `binary` (borrowing, for writing).
#[derive(serde::Serialize)]
struct BinaryWireRef<'a> {
    model: WireRef<'a>,
    binary: bool,
}

/// Version 3, for reading.
#[derive(serde::Deserialize)]
struct BinaryWire {
    model: Wire,
    binary: bool,
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
    /// let mut vectorizer = TfidfVectorizer::new();
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
        if self.config.binary {
            let wire = BinaryWireRef {
                model: wire,
                binary: true,
            };
            return bytes::encode(MAGIC, BINARY_VERSION, &wire);
        }
        bytes::encode(MAGIC, FORMAT_VERSION, &wire)
    }

    /// Reads bytes written by [`to_bytes`](Self::to_bytes). The analyzer is the saved slovo
    /// [`Analyzer`] configuration, so text is analyzed as when the model was fitted; a model
    /// fitted with a custom analyzer comes back without one: [`transform`](Self::transform)
    /// of text is an [`Error::NotFitted`] until [`set_analyzer`](Self::set_analyzer) gives
    /// it back (terms still transform).
    ///
    /// # Errors
    ///
    /// [`Error::IncompatibleModel`] for another format version, [`Error::CorruptModel`]
    /// for damaged or inconsistent bytes.
    ///
    /// ```
    /// use slovo::{tfidf::TfidfVectorizer, Error};
    ///
    /// let mut bytes = TfidfVectorizer::new().to_bytes();
    /// bytes[8] = 99; // the format version
    /// assert!(matches!(TfidfVectorizer::from_bytes(&bytes), Err(Error::IncompatibleModel { .. })));
    /// # Ok::<(), slovo::Error>(())
    /// ```
    pub fn from_bytes(bytes: &[u8]) -> Result<Self> {
        let what = "a TF-IDF model";
        let wire = if bytes.get(8..12) == Some(&BINARY_VERSION.to_le_bytes()[..]) {
            let wire: BinaryWire = bytes::decode(bytes, MAGIC, BINARY_VERSION, what)?;
            let mut model = wire.model;
            model.config.binary = wire.binary;
            model
        } else {
            bytes::decode::<Wire>(bytes, MAGIC, FORMAT_VERSION, what)?
        };
        let corrupt = |err: Error| Error::corrupt_model(format!("TF-IDF model: {err}"));
        let mut vectorizer = match wire.vocabulary {
            Some(vocabulary) => {
                Self::from_vocabulary(wire.config, vocabulary, wire.idf).map_err(corrupt)?
            }
            None => TfidfVectorizerBuilder::from(wire.config)
                .build()
                .map_err(corrupt)?,
        };
        match wire.analyzer {
            Some(config) => {
                // A model of lemmas read by a build without `morph` must not count stems.
                config.check_supported()?;
                vectorizer.set_analyzer(Analyzer::from_config(config));
            }
            // A custom analyzer was not saved: better an error than rows of zeros.
            None => vectorizer.missing_analyzer = vectorizer.fitted.is_some(),
        }
        Ok(vectorizer)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A model with `binary` is saved as version 3 and loads with it; one without stays in
    /// version 2, which older versions of slovo read.
    #[test]
    fn binary_travels_with_the_model() {
        let docs = [vec!["кот", "кот", "пёс"], vec!["пёс"]];
        for binary in [false, true] {
            let config = TfidfConfig {
                binary,
                ..TfidfConfig::default()
            };
            let mut vectorizer = TfidfVectorizerBuilder::from(config).build().expect("valid");
            let matrix = vectorizer.fit_transform_terms(&docs).expect("fits");
            let bytes = vectorizer.to_bytes();
            let version = if binary {
                BINARY_VERSION
            } else {
                FORMAT_VERSION
            };
            assert_eq!(bytes[8..12], version.to_le_bytes());
            let loaded = TfidfVectorizer::from_bytes(&bytes).expect("loads");
            assert_eq!(loaded.config().binary, binary);
            assert_eq!(loaded.transform_terms(&docs).expect("transforms"), matrix);
        }
    }
}

//! The crate's error type.
//!
//! Functions that take `&str` never fail. Everything that touches the outside world —
//! files, options parsed from strings, saved models — returns [`Result`] with one of
//! the [`Error`] variants below. Each message names the thing that went wrong (a path,
//! a byte offset, an option and its value) so a user can fix it without reading code.

use std::path::PathBuf;

/// A `Result` whose error is [`Error`].
pub type Result<T, E = Error> = std::result::Result<T, E>;

/// Everything that can go wrong in `slovo`.
///
/// # Example
///
/// ```
/// use slovo::Error;
///
/// let err = slovo::read_text("no/such/file.txt").unwrap_err();
/// assert!(matches!(err, Error::Io { .. }));
/// assert!(err.to_string().starts_with("cannot read no/such/file.txt"));
/// ```
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// A file could not be opened or read (missing, a directory, no permission …).
    ///
    /// Check the path and its permissions.
    // The OS message is the source (`Error::source`): reporters print it after this one.
    #[error("cannot read {}", path.display())]
    Io {
        /// The file that was being read.
        path: PathBuf,
        /// What the operating system said.
        #[source]
        source: std::io::Error,
    },

    /// A file that should be UTF-8 is not.
    ///
    /// Convert the file to UTF-8 (for example with `iconv -f cp1251 -t utf-8`).
    #[error("{}: invalid UTF-8 at byte {offset}", path.display())]
    InvalidUtf8 {
        /// The file (or `-` for standard input).
        path: PathBuf,
        /// Byte offset of the first invalid sequence.
        offset: usize,
    },

    /// A file that should be UTF-16 is not: an odd trailing byte or an unpaired surrogate.
    ///
    /// Check the encoding (`Encoding::Auto` guesses it), or decode lossily.
    #[error("{}: invalid UTF-16 at byte {offset}", path.display())]
    InvalidUtf16 {
        /// The file (or `-` for standard input).
        path: PathBuf,
        /// Byte offset of the first invalid code unit.
        offset: usize,
    },

    /// An encoding name that `slovo` does not know.
    ///
    /// Use one of the names listed in the message (case does not matter).
    #[error("unknown encoding {name:?}: expected one of {expected}")]
    UnknownEncoding {
        /// The name as the user wrote it.
        name: String,
        /// The accepted names.
        expected: String,
    },

    /// An option was given a value it cannot take.
    #[error("invalid value {value:?} for {name}: expected {expected}")]
    InvalidOption {
        /// The option's name, as the user wrote it.
        name: String,
        /// The value that was rejected.
        value: String,
        /// What would have been accepted.
        expected: String,
    },

    /// Something this build of `slovo` was compiled without: reading UTF-16 or a
    /// single-byte code page (windows-1251, KOI8-R, IBM866) needs the `encodings` feature.
    ///
    /// Enable the feature named in the message, e.g. `slovo = { version = "0.2", features =
    /// ["encodings"] }` in `Cargo.toml`.
    #[error("{what} needs slovo's `{feature}` feature (features = [\"{feature}\"] in Cargo.toml)")]
    MissingFeature {
        /// The cargo feature to enable.
        feature: &'static str,
        /// What needed it (names the file and the encoding).
        what: String,
    },

    /// Saved model bytes are damaged: truncated, not a model at all, or inconsistent.
    #[error("corrupt model data: {reason}")]
    CorruptModel {
        /// What was wrong with the bytes.
        reason: String,
    },

    /// A saved model was written by an incompatible version of `slovo`.
    ///
    /// Re-fit the model with this version.
    #[error("incompatible model format version {found} (this build reads version {expected})")]
    IncompatibleModel {
        /// The version stored in the data.
        found: u32,
        /// The version this build reads and writes.
        expected: u32,
    },

    /// A model was used before it was fitted, or after `partial_fit` without `finalize`.
    ///
    /// Call `fit` (or `finalize` after `partial_fit`) before `transform`.
    #[error("not fitted: {reason}")]
    NotFitted {
        /// What is missing and which call provides it.
        reason: String,
    },

    /// Counts would pass 2⁵³ (documents, or a term's document frequency or total count),
    /// the most a [`DocumentFrequencies`](crate::tfidf::DocumentFrequencies) holds: idf is
    /// computed in `f64`, which counts exactly only that far.
    ///
    /// No real corpus comes near; such counts come from crafted tables or from merging a
    /// table into itself over and over. Merge each piece of a corpus once.
    #[error("count overflow: {reason}")]
    CountOverflow {
        /// Which count, and the values that would have been added.
        reason: String,
    },
}

impl Error {
    /// Shorthand for [`Error::CorruptModel`].
    pub(crate) fn corrupt_model(reason: impl Into<String>) -> Self {
        Error::CorruptModel {
            reason: reason.into(),
        }
    }

    /// Shorthand for [`Error::InvalidOption`].
    pub(crate) fn invalid_option(
        name: impl Into<String>,
        value: impl Into<String>,
        expected: impl Into<String>,
    ) -> Self {
        Error::InvalidOption {
            name: name.into(),
            value: value.into(),
            expected: expected.into(),
        }
    }
}

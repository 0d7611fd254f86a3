//! The CLI's error: everything that ends a run with exit code 2.

use std::fmt;
use std::io;

/// Why a run failed. Displayed as one line after `slovo: error: `.
#[derive(Debug)]
pub enum CliError {
    /// Reading a file or decoding its text failed (the library's error names the path and
    /// byte).
    Library(slovo::Error),
    /// A line of `--jsonl` input is not a usable document.
    Line {
        /// The input's name (a path or `<stdin>`).
        source: String,
        /// 1-based line number.
        line: u64,
        /// What is wrong with it.
        message: String,
    },
    /// Writing the output failed.
    Output(io::Error),
    /// A saved model could not be read (damaged, or from another format version).
    Model {
        /// The model file.
        path: std::path::PathBuf,
        /// What is wrong with it.
        error: slovo::Error,
    },
    /// Writing a file (such as a model) failed.
    Write {
        /// The file.
        path: std::path::PathBuf,
        /// Why.
        source: io::Error,
    },
}

impl CliError {
    /// Output went to a closed pipe (`slovo tokenize big.txt | head`): not worth a message.
    pub fn is_broken_pipe(&self) -> bool {
        matches!(self, CliError::Output(e) if e.kind() == io::ErrorKind::BrokenPipe)
    }
}

impl fmt::Display for CliError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CliError::Library(
                e @ (slovo::Error::InvalidUtf8 { .. } | slovo::Error::InvalidUtf16 { .. }),
            ) => write!(
                f,
                "{e} (use --encoding to name the input's encoding, or --lossy to replace bad bytes)"
            ),
            // The library's message leaves the OS's to `source()`: one line here says both.
            CliError::Library(e @ slovo::Error::Io { source, .. }) => write!(f, "{e}: {source}"),
            CliError::Library(e) => write!(f, "{e}"),
            CliError::Line {
                source,
                line,
                message,
            } => write!(f, "{source}: line {line}: {message}"),
            CliError::Output(e) => write!(f, "cannot write output: {e}"),
            CliError::Model {
                path,
                error: error @ slovo::Error::IncompatibleModel { .. },
            } => write!(
                f,
                "{}: {error}; fit it again with `slovo tfidf fit`",
                path.display()
            ),
            CliError::Model { path, error } => write!(f, "{}: {error}", path.display()),
            CliError::Write { path, source } => {
                write!(f, "cannot write {}: {source}", path.display())
            }
        }
    }
}

impl From<slovo::Error> for CliError {
    fn from(e: slovo::Error) -> Self {
        CliError::Library(e)
    }
}

impl From<io::Error> for CliError {
    fn from(e: io::Error) -> Self {
        CliError::Output(e)
    }
}

impl From<serde_json::Error> for CliError {
    fn from(e: serde_json::Error) -> Self {
        // Serializing our own values only fails when the writer does.
        CliError::Output(e.into())
    }
}

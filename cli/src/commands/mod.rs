//! One module per subcommand. A new subcommand is a module here, a variant of
//! [`Command`] and an arm in [`Command::run`].

use clap::Subcommand;

use crate::error::CliError;
use crate::output::Output;

pub mod analyze;
pub mod tfidf;
pub mod stem;
pub mod terms;
pub mod tokenize;

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Split text into tokens (words, numbers, punctuation, URLs, e-mails, emoji …);
    /// prints one JSON object per document.
    Tokenize(tokenize::Args),
    /// Analyse documents and print a report (the bundled sample when no FILE is given).
    Analyze(analyze::Args),
    /// TF-IDF: fit a model on a corpus, or transform documents with a saved model.
    #[command(subcommand)]
    Tfidf(tfidf::Args),
    /// Print the terms of each document (stem, surface form, offsets) as JSON Lines.
    Terms(terms::Args),
    /// Stem the words of each input line (Snowball Russian); one output line per line.
    Stem(stem::Args),
}

impl Command {
    /// Runs the subcommand, writing to `out`.
    pub fn run(self, out: &mut Output) -> Result<(), CliError> {
        match self {
            Command::Tokenize(args) => tokenize::run(args, out),
            Command::Analyze(args) => analyze::run(args, out),
            Command::Tfidf(args) => tfidf::run(args, out),
            Command::Terms(args) => terms::run(args, out),
            Command::Stem(args) => stem::run(args, out),
        }
    }
}

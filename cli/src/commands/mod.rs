//! One module per subcommand. A new subcommand is a module here, a variant of
//! [`Command`] and an arm in [`Command::run`].

use clap::Subcommand;

use crate::error::CliError;
use crate::output::Output;

pub mod analyze;
pub mod detect;
pub mod keywords;
pub mod lemmatize;
pub mod morph;
pub mod sentences;
mod spans;
pub mod stem;
pub mod terms;
pub mod tfidf;
pub mod tokenize;

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Split text into tokens (words, numbers, punctuation, URLs, e-mails, emoji …);
    /// prints one JSON object per document.
    Tokenize(tokenize::Args),
    /// Split text into sentences; prints one JSON object per document.
    Sentences(sentences::Args),
    /// Analyse documents and print a report (standard input when text is piped in, the
    /// bundled sample when there is no FILE and nothing is piped).
    Analyze(analyze::Args),
    /// Print the terms of each document (stem, surface form, offsets) as JSON Lines.
    Terms(terms::Args),
    /// The lemma (dictionary form) and part of speech of every word, with offsets; prints
    /// one JSON object per document.
    Lemmatize(lemmatize::Args),
    /// Fill the LEMMA and UPOS columns of CoNLL-U input (FORM column as tokens, analysed in
    /// context); comments, multiword tokens and empty nodes pass through.
    Morph(morph::Args),
    /// Stem the words of each input line (Snowball Russian); one output line per line.
    Stem(stem::Args),
    /// Detect the language of each document and its other-language spans.
    Detect(detect::Args),
    /// Print the top keywords of each document, in dictionary form (`--jsonl`: a `title`
    /// field is used as the title).
    Keywords(keywords::Args),
    /// TF-IDF: fit a model on a corpus, or transform documents with a saved model.
    #[command(subcommand)]
    Tfidf(tfidf::Args),
}

impl Command {
    /// Runs the subcommand, writing to `out`.
    pub fn run(self, out: &mut Output) -> Result<(), CliError> {
        match self {
            Command::Tokenize(args) => tokenize::run(args, out),
            Command::Sentences(args) => sentences::run(args, out),
            Command::Analyze(args) => analyze::run(args, out),
            Command::Terms(args) => terms::run(args, out),
            Command::Lemmatize(args) => lemmatize::run(args, out),
            Command::Morph(args) => morph::run(args, out),
            Command::Stem(args) => stem::run(args, out),
            Command::Detect(args) => detect::run(args, out),
            Command::Keywords(args) => keywords::run(args, out),
            Command::Tfidf(args) => tfidf::run(args, out),
        }
    }
}

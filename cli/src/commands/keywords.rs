//! `slovo keywords`: the top keywords of each document, as JSON Lines.

use std::path::PathBuf;

use serde::Serialize;
use slovo::KeywordExtractor;

use crate::error::CliError;
use crate::input::{for_each_document, ModeArgs, Source};
use crate::output::Output;

/// Options of `slovo keywords`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Files to read; `-` or nothing reads standard input.
    #[arg(value_name = "FILE")]
    files: Vec<PathBuf>,
    #[command(flatten)]
    mode: ModeArgs,
    /// How many keywords to print per document.
    #[arg(long, value_name = "K", default_value_t = 10, value_parser = crate::input::parse_count, allow_hyphen_values = true)]
    top: usize,
    /// Leave out keywords scoring below P (the ranking model's probability, 0–1); `0`
    /// prints K keywords whenever the document has that many candidates.
    #[arg(long, value_name = "P", default_value_t = slovo::keywords::DEFAULT_MIN_SCORE, allow_hyphen_values = true)]
    min_score: f64,
}

/// Prints `{"keywords":[{"phrase","surface","score"}…]}` per document. With `--jsonl`, a string
/// `title` field of the line is read as the document's title.
pub fn run(args: Args, out: &mut Output) -> Result<(), CliError> {
    let extractor = KeywordExtractor::builder()
        .top_k(args.top)
        .min_score(args.min_score)
        .build()?;
    let sources = Source::from_args(&args.files, Source::Stdin);
    for_each_document(&sources, args.mode, |mut document| {
        document.fields.shift_remove("keywords");
        let title = document.fields.value("title");
        let title = title.as_ref().and_then(|v| v.as_str()).unwrap_or("");
        let keywords = titled_phrases(&extractor, title, &document.text);
        out.json_line(&WithFields {
            fields: &document.fields,
            keywords,
        })
    })
}

#[derive(Serialize)]
struct WithFields<'a> {
    #[serde(flatten)]
    fields: &'a crate::fields::Fields,
    keywords: Vec<PhraseJson>,
}

/// One keyword as the CLI prints it.
#[derive(Debug, Serialize)]
pub struct PhraseJson {
    /// The phrase in its dictionary form (`Европейский союз`).
    pub phrase: String,
    /// The phrase as written in the text, its most frequent form (`Европейского союза`).
    pub surface: String,
    /// Its score in `(0, 1)`.
    pub score: f64,
}

/// The keywords of `text`, best first.
pub fn phrases(extractor: &KeywordExtractor, text: &str) -> Vec<PhraseJson> {
    titled_phrases(extractor, "", text)
}

/// The keywords of a document with a title (possibly empty), best first.
pub fn titled_phrases(extractor: &KeywordExtractor, title: &str, text: &str) -> Vec<PhraseJson> {
    extractor
        .extract_with_title(title, text)
        .into_iter()
        .map(|k| PhraseJson {
            phrase: k.phrase,
            surface: k.surface,
            score: k.score,
        })
        .collect()
}

//! `slovo sentences`: sentences with their offsets, as JSON Lines.

use std::path::PathBuf;

use serde::ser::{Serialize, Serializer};
use serde_json::{Map, Value};

use crate::error::CliError;
use crate::input::{for_each_document, ModeArgs, Source};
use crate::offsets::CharOffsets;
use crate::output::Output;

/// Options of `slovo sentences`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Files to read; `-` or nothing reads standard input.
    #[arg(value_name = "FILE")]
    files: Vec<PathBuf>,
    #[command(flatten)]
    mode: ModeArgs,
    /// Give start/end as UTF-8 byte offsets instead of Unicode code-point offsets.
    #[arg(long)]
    byte_offsets: bool,
}

/// Prints `{"sentences":[{"text","start","end"}…]}` per document.
pub fn run(args: Args, out: &mut Output) -> Result<(), CliError> {
    let sources = Source::from_args(&args.files, Source::Stdin);
    for_each_document(&sources, args.mode, |mut document| {
        document.fields.shift_remove("sentences");
        out.json_line(&Split {
            fields: &document.fields,
            sentences: Sentences {
                text: &document.text,
                byte_offsets: args.byte_offsets,
            },
        })
    })
}

#[derive(serde::Serialize)]
struct Split<'a> {
    #[serde(flatten)]
    fields: &'a Map<String, Value>,
    sentences: Sentences<'a>,
}

/// A document's sentences, serialized straight from the splitter.
struct Sentences<'a> {
    text: &'a str,
    byte_offsets: bool,
}

#[derive(serde::Serialize)]
struct SentenceJson<'a> {
    text: &'a str,
    start: usize,
    end: usize,
}

impl Serialize for Sentences<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut offsets = CharOffsets::new(self.text);
        let byte_offsets = self.byte_offsets;
        serializer.collect_seq(slovo::sentences(self.text).map(|sentence| {
            let (start, end) = if byte_offsets {
                (sentence.span.start, sentence.span.end)
            } else {
                (
                    offsets.at(sentence.span.start),
                    offsets.at(sentence.span.end),
                )
            };
            SentenceJson {
                text: sentence.text,
                start,
                end,
            }
        }))
    }
}

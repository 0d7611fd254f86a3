//! `slovo tokenize`: tokens with their offsets, as JSON Lines.

use std::path::PathBuf;

use serde::ser::{Serialize, Serializer};
use serde_json::{Map, Value};

use crate::error::CliError;
use crate::input::{for_each_document, ModeArgs, Source};
use crate::offsets::CharOffsets;
use crate::output::Output;

/// Options of `slovo tokenize`.
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

/// Prints `{"tokens":[{"text","start","end","kind"}…]}` per document.
pub fn run(args: Args, out: &mut Output) -> Result<(), CliError> {
    let sources = Source::from_args(&args.files, Source::Stdin);
    for_each_document(&sources, args.mode, |mut document| {
        document.fields.shift_remove("tokens");
        out.json_line(&Tokenized {
            fields: &document.fields,
            tokens: Tokens {
                text: &document.text,
                byte_offsets: args.byte_offsets,
            },
        })
    })
}

#[derive(serde::Serialize)]
struct Tokenized<'a> {
    #[serde(flatten)]
    fields: &'a Map<String, Value>,
    tokens: Tokens<'a>,
}

/// A document's tokens, serialized straight from the tokenizer without collecting them.
struct Tokens<'a> {
    text: &'a str,
    byte_offsets: bool,
}

#[derive(serde::Serialize)]
struct TokenJson<'a> {
    text: &'a str,
    start: usize,
    end: usize,
    kind: slovo::TokenKind,
}

impl Serialize for Tokens<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut offsets = CharOffsets::new(self.text);
        let byte_offsets = self.byte_offsets;
        serializer.collect_seq(slovo::tokenize(self.text).map(|token| {
            let (start, end) = if byte_offsets {
                (token.span.start, token.span.end)
            } else {
                (offsets.at(token.span.start), offsets.at(token.span.end))
            };
            TokenJson {
                text: token.text,
                start,
                end,
                kind: token.kind,
            }
        }))
    }
}

//! `slovo tokenize`: tokens with their offsets, as JSON Lines.

use serde::ser::{Serialize, Serializer};
use serde_json::{Map, Value};

use crate::error::CliError;
use crate::input::{for_each_document, Source, SpanArgs};
use crate::offsets::SpanOffsets;
use crate::output::Output;

/// Options of `slovo tokenize`: files, document mode, `--byte-offsets`.
pub type Args = SpanArgs;

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
        let mut offsets = SpanOffsets::new(self.text, self.byte_offsets);
        serializer.collect_seq(slovo::tokenize(self.text).map(|token| {
            let (start, end) = offsets.of(&token.span);
            TokenJson {
                text: token.text,
                start,
                end,
                kind: token.kind,
            }
        }))
    }
}

//! `slovo tokenize`: tokens with their offsets, as JSON Lines.

use serde::ser::Serializer;

use super::spans::{self, SpanList};
use crate::error::CliError;
use crate::input::SpanArgs;
use crate::offsets::SpanOffsets;
use crate::output::Output;

/// Options of `slovo tokenize`: files, document mode, `--byte-offsets`.
pub type Args = SpanArgs;

/// Prints `{"tokens":[{"text","start","end","kind"}…]}` per document.
pub fn run(args: Args, out: &mut Output) -> Result<(), CliError> {
    spans::print::<Tokens>(args, out)
}

/// A document's tokens, serialized straight from the tokenizer without collecting them.
struct Tokens;

#[derive(serde::Serialize)]
struct TokenJson<'a> {
    text: &'a str,
    start: usize,
    end: usize,
    kind: slovo::TokenKind,
}

impl SpanList for Tokens {
    const KEY: &'static str = "tokens";

    fn serialize_items<S: Serializer>(
        text: &str,
        mut offsets: SpanOffsets<'_>,
        serializer: S,
    ) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(slovo::tokenize(text).map(|token| {
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

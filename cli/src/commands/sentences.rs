//! `slovo sentences`: sentences with their offsets, as JSON Lines.

use serde::ser::Serializer;

use super::spans::{self, SpanList};
use crate::error::CliError;
use crate::input::SpanArgs;
use crate::offsets::SpanOffsets;
use crate::output::Output;

/// Options of `slovo sentences`: files, document mode, `--byte-offsets`.
pub type Args = SpanArgs;

/// Prints `{"sentences":[{"text","start","end"}…]}` per document.
pub fn run(args: Args, out: &mut Output) -> Result<(), CliError> {
    spans::print::<Sentences>(args, out)
}

/// A document's sentences, serialized straight from the splitter.
struct Sentences;

#[derive(serde::Serialize)]
struct SentenceJson<'a> {
    text: &'a str,
    start: usize,
    end: usize,
}

impl SpanList for Sentences {
    const KEY: &'static str = "sentences";

    fn serialize_items<S: Serializer>(
        text: &str,
        mut offsets: SpanOffsets<'_>,
        serializer: S,
    ) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(slovo::sentences(text).map(|sentence| {
            let (start, end) = offsets.of(&sentence.span);
            SentenceJson {
                text: sentence.text,
                start,
                end,
            }
        }))
    }
}

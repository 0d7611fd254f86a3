//! `slovo sentences`: sentences with their offsets, as JSON Lines.

use serde::ser::{Serialize, Serializer};
use serde_json::{Map, Value};

use crate::error::CliError;
use crate::input::{for_each_document, Source, SpanArgs};
use crate::offsets::SpanOffsets;
use crate::output::Output;

/// Options of `slovo sentences`: files, document mode, `--byte-offsets`.
pub type Args = SpanArgs;

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
        let mut offsets = SpanOffsets::new(self.text, self.byte_offsets);
        serializer.collect_seq(slovo::sentences(self.text).map(|sentence| {
            let (start, end) = offsets.of(&sentence.span);
            SentenceJson {
                text: sentence.text,
                start,
                end,
            }
        }))
    }
}

//! `slovo terms`: the analyzer's terms (stem, surface, offsets), as JSON Lines.

use serde::ser::{Serialize, Serializer};
use serde_json::{Map, Value};
use slovo::Analyzer;

use crate::error::CliError;
use crate::input::{for_each_document, Source, SpanArgs};
use crate::offsets::SpanOffsets;
use crate::output::Output;

/// Options of `slovo terms`: files, document mode, `--byte-offsets`.
pub type Args = SpanArgs;

/// Prints `{"terms":[{"stem","surface","start","end"}…]}` per document.
pub fn run(args: Args, out: &mut Output) -> Result<(), CliError> {
    let analyzer = Analyzer::default();
    let sources = Source::from_args(&args.files, Source::Stdin);
    for_each_document(&sources, args.mode, |mut document| {
        document.fields.shift_remove("terms");
        out.json_line(&Analyzed {
            fields: &document.fields,
            terms: Terms {
                analyzer: &analyzer,
                text: &document.text,
                byte_offsets: args.byte_offsets,
            },
        })
    })
}

#[derive(serde::Serialize)]
struct Analyzed<'a> {
    #[serde(flatten)]
    fields: &'a Map<String, Value>,
    terms: Terms<'a>,
}

struct Terms<'a> {
    analyzer: &'a Analyzer,
    text: &'a str,
    byte_offsets: bool,
}

#[derive(serde::Serialize)]
struct TermJson<'a> {
    stem: std::borrow::Cow<'a, str>,
    surface: &'a str,
    start: usize,
    end: usize,
}

impl Serialize for Terms<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut offsets = SpanOffsets::new(self.text, self.byte_offsets);
        serializer.collect_seq(self.analyzer.terms(self.text).map(|term| {
            let (start, end) = offsets.of(&term.span);
            TermJson {
                stem: term.form,
                surface: term.surface,
                start,
                end,
            }
        }))
    }
}

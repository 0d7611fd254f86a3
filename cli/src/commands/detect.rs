//! `slovo detect`: the language of each document and its other-language spans.

use serde::Serialize;

use crate::error::CliError;
use crate::input::{for_each_document, Source, SpanArgs};
use crate::offsets::SpanOffsets;
use crate::output::Output;

/// Options of `slovo detect`: files, document mode, `--byte-offsets`.
pub type Args = SpanArgs;

/// Prints `{"lang","confidence","reliable","spans":[{"lang","start","end"}…]}` per
/// document; `lang` is the ISO 639-1 code, or `"und"` when undetermined.
pub fn run(args: Args, out: &mut Output) -> Result<(), CliError> {
    let sources = Source::from_args(&args.files, Source::Stdin);
    for_each_document(&sources, args.mode, |mut document| {
        for key in ["lang", "confidence", "reliable", "spans"] {
            document.fields.shift_remove(key);
        }
        let detected = Detected::new(&document.text, args.byte_offsets);
        out.json_line(&WithFields {
            fields: &document.fields,
            detected,
        })
    })
}

#[derive(Serialize)]
struct WithFields<'a> {
    #[serde(flatten)]
    fields: &'a crate::fields::Fields,
    #[serde(flatten)]
    detected: Detected,
}

/// A document's language, as `slovo detect` and `slovo analyze --json` print it.
#[derive(Debug, Serialize)]
pub struct Detected {
    /// ISO 639-1 code, or `"und"`.
    pub lang: &'static str,
    /// In `[0, 1]`.
    pub confidence: f64,
    /// Whether the answer is reliable.
    pub reliable: bool,
    /// Runs of the text and their languages, in order.
    pub spans: Vec<SpanJson>,
}

/// One language span.
#[derive(Debug, Serialize)]
pub struct SpanJson {
    /// ISO 639-1 code, or `"und"`.
    pub lang: &'static str,
    /// Start offset (code points, or bytes with `--byte-offsets`).
    pub start: usize,
    /// End offset.
    pub end: usize,
}

impl Detected {
    /// Detects the language of `text` and its spans.
    pub fn new(text: &str, byte_offsets: bool) -> Self {
        let detection = slovo::detect(text);
        let mut offsets = SpanOffsets::new(text, byte_offsets);
        let spans = slovo::detect_spans(text)
            .into_iter()
            .map(|span| {
                let (start, end) = offsets.of(&span.span);
                SpanJson {
                    lang: span.lang.code(),
                    start,
                    end,
                }
            })
            .collect();
        Detected {
            lang: detection.lang.code(),
            confidence: detection.confidence,
            reliable: detection.is_reliable(),
            spans,
        }
    }
}

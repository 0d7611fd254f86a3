//! `slovo lemmatize`: the lemma (dictionary form) and part of speech of every word, with its
//! offsets, as JSON Lines.

use serde::ser::Serializer;
use slovo::{Morph, TokenKind};

use super::spans::{self, SpanList};
use crate::error::CliError;
use crate::input::SpanArgs;
use crate::offsets::SpanOffsets;
use crate::output::Output;

/// Options of `slovo lemmatize`: files, document mode, `--byte-offsets`.
pub type Args = SpanArgs;

/// Prints `{"lemmas":[{"text","lemma","pos","start","end"}…]}` per document.
pub fn run(args: Args, out: &mut Output) -> Result<(), CliError> {
    spans::print::<Lemmas>(args, out)
}

/// A document's words and their lemmas, serialized as they are analysed.
struct Lemmas;

#[derive(serde::Serialize)]
struct LemmaJson<'a> {
    text: &'a str,
    lemma: String,
    pos: &'static str,
    start: usize,
    end: usize,
}

impl SpanList for Lemmas {
    const KEY: &'static str = "lemmas";

    fn serialize_items<S: Serializer>(
        text: &str,
        mut offsets: SpanOffsets<'_>,
        serializer: S,
    ) -> Result<S::Ok, S::Error> {
        let morph = Morph::new();
        let words = slovo::tokenize(text).filter(|t| t.kind == TokenKind::Word);
        serializer.collect_seq(words.map(|token| {
            let (start, end) = offsets.of(&token.span);
            // An abbreviation keeps its period in the token (`г.`); the word is analysed
            // without it, as written (case and `ё` help the analysis).
            let word = token.text.strip_suffix('.').unwrap_or(token.text);
            let (lemma, pos) = morph.with_lemma(word, |lemma, pos| (lemma.to_owned(), pos));
            LemmaJson {
                text: token.text,
                lemma,
                pos: pos.as_str(),
                start,
                end,
            }
        }))
    }
}

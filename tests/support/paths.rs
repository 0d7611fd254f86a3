//! Differential checks of the tokenizer's implementations: every path this CPU runs
//! (`slovo::TokenizerPath::available()`: the scalar specification, the portable block
//! path, SSE2, AVX2, AVX-512) must give exactly the scalar path's tokens — text, span and
//! kind — with both period styles.
#![allow(dead_code)]

use slovo::{Token, Tokenizer, TokenizerPath};

/// The tokens of `text` through `path`, or `None` if this CPU cannot run it.
pub fn tokens_with(
    tokenizer: Tokenizer,
    text: &str,
    path: TokenizerPath,
) -> Option<Vec<Token<'_>>> {
    Some(tokenizer.tokenize_with(text, path)?.collect())
}

/// The index of the first item where `got` and `expected` differ, and the byte offset it
/// starts at (`end` when both have run out).
fn first_difference<T: PartialEq>(
    got: &[T],
    expected: &[T],
    end: usize,
    start: impl Fn(&T) -> usize,
) -> (usize, usize) {
    let i = got
        .iter()
        .zip(expected)
        .position(|(a, b)| a != b)
        .unwrap_or(got.len().min(expected.len()));
    let at = expected.get(i).or(got.get(i)).map_or(end, start);
    (i, at)
}

/// Where the tokens of every path differ from the scalar ones, described for a panic
/// message; `None` if they all agree.
pub fn disagreement(text: &str) -> Option<String> {
    for tokenizer in [
        Tokenizer::new(),
        Tokenizer::builder()
            .abbreviation_periods(true)
            .build()
            .unwrap(),
    ] {
        let expected = tokens_with(tokenizer, text, TokenizerPath::Scalar)?;
        for path in TokenizerPath::available() {
            let Some(got) = tokens_with(tokenizer, text, path) else {
                continue;
            };
            if got == expected {
                continue;
            }
            let (i, at) = first_difference(&got, &expected, text.len(), |t| t.span.start);
            let mut from = at.saturating_sub(60);
            while !text.is_char_boundary(from) {
                from -= 1;
            }
            let mut to = (at + 60).min(text.len());
            while !text.is_char_boundary(to) {
                to += 1;
            }
            return Some(format!(
                "{path:?} ({tokenizer:?}) differs from the scalar path at token {i} of {}: got \
                 {:?}, expected {:?}; text around it: {:?}",
                expected.len(),
                got.get(i),
                expected.get(i),
                &text[from..to]
            ));
        }
    }
    None
}

/// Panics (naming `name`) unless every path gives the scalar path's tokens.
pub fn assert_paths_agree(name: &str, text: &str) {
    if let Some(message) = disagreement(text) {
        panic!("{name}: {message}");
    }
}

/// Where the sentences of the skipping splitter (`slovo::sentences`) differ from those of
/// the full one (`SentencePath::Full`, the specification), described for a panic message;
/// `None` if they agree (text and span of every sentence).
pub fn sentence_disagreement(text: &str) -> Option<String> {
    use slovo::SentencePath;
    let expected: Vec<_> = slovo::sentences_with(text, SentencePath::Full).collect();
    let got: Vec<_> = slovo::sentences_with(text, SentencePath::Skipping).collect();
    if got == expected {
        return None;
    }
    let (i, at) = first_difference(&got, &expected, text.len(), |s| s.span.start);
    let mut to = (at + 300).min(text.len());
    while !text.is_char_boundary(to) {
        to += 1;
    }
    Some(format!(
        "the skipping splitter differs from the full one at sentence {i} of {}: got {:?}, \
         expected {:?}; text from there: {:?}",
        expected.len(),
        got.get(i),
        expected.get(i),
        &text[at..to]
    ))
}

/// Panics with [`sentence_disagreement`]'s message if the two splitters differ on `text`.
pub fn assert_sentence_paths_agree(name: &str, text: &str) {
    if let Some(message) = sentence_disagreement(text) {
        panic!("{name}: {message}");
    }
}

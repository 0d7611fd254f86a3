//! The tokenizer. (Bootstrap version: splits on whitespace; replaced by the real one.)

use crate::token::{Token, TokenKind};

/// Splits `text` into tokens.
///
/// ```
/// let words: Vec<_> = slovo::tokenize("кто-то пришёл").map(|t| t.text).collect();
/// assert_eq!(words, ["кто-то", "пришёл"]);
/// ```
pub fn tokenize(text: &str) -> impl Iterator<Item = Token<'_>> {
    text.split_whitespace().map(move |w| {
        let start = w.as_ptr() as usize - text.as_ptr() as usize;
        Token {
            text: w,
            span: start..start + w.len(),
            kind: TokenKind::Word,
        }
    })
}

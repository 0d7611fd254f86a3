//! TEMPORARY stand-in for the crate's tokenizer, used only until the `tok` branch lands.
//! Not part of the public API.

use crate::token::{Token, TokenKind};

/// Words = maximal runs of alphanumerics, joined by single inner hyphens; every other
/// non-space character is a one-character punctuation token.
pub(crate) fn tokens(text: &str) -> impl Iterator<Item = Token<'_>> {
    let mut iter = text.char_indices().peekable();
    std::iter::from_fn(move || loop {
        let (start, c) = iter.next()?;
        if c.is_whitespace() {
            continue;
        }
        if !c.is_alphanumeric() {
            let end = start + c.len_utf8();
            return Some(Token {
                text: &text[start..end],
                span: start..end,
                kind: TokenKind::Punct,
            });
        }
        let mut end = start + c.len_utf8();
        loop {
            match iter.peek() {
                Some(&(i, ch)) if ch.is_alphanumeric() => {
                    end = i + ch.len_utf8();
                    iter.next();
                }
                Some(&(i, '-')) => {
                    let after = text[i + 1..].chars().next();
                    if after.is_some_and(char::is_alphanumeric) {
                        end = i + 1;
                        iter.next();
                    } else {
                        break;
                    }
                }
                _ => break,
            }
        }
        let word = &text[start..end];
        let kind = if word.chars().all(|c| c.is_numeric()) {
            TokenKind::Number
        } else {
            TokenKind::Word
        };
        return Some(Token {
            text: word,
            span: start..end,
            kind,
        });
    })
}

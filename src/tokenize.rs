//! The tokenizer. (INTERIM on branch `sent`: a rough stand-in so the sentence splitter can
//! be measured before the real tokenizer from branch `tok` lands; reverted then.)

use crate::token::{Token, TokenKind};

/// Splits `text` into tokens.
///
/// ```
/// let words: Vec<_> = slovo::tokenize("кто-то пришёл").map(|t| t.text).collect();
/// assert_eq!(words, ["кто-то", "пришёл"]);
/// ```
pub fn tokenize(text: &str) -> impl Iterator<Item = Token<'_>> {
    let mut pos = 0;
    std::iter::from_fn(move || {
        let rest = &text[pos..];
        let skip = rest.len() - rest.trim_start().len();
        pos += skip;
        let rest = &text[pos..];
        let mut chars = rest.char_indices().peekable();
        let (_, c) = chars.next()?;
        let start = pos;
        let (len, kind) = if c.is_alphanumeric() {
            let mut end = c.len_utf8();
            let mut all_digits = c.is_ascii_digit();
            let b = rest.as_bytes();
            loop {
                let tail = &rest[end..];
                let mut it = tail.chars();
                match it.next() {
                    Some(d) if d.is_alphanumeric() => {
                        all_digits &= d.is_ascii_digit();
                        end += d.len_utf8();
                    }
                    Some(p @ ('-' | '\'' | '.' | ',' | ':')) => {
                        let after = it.next();
                        let ok = match p {
                            '-' | '\'' => after.is_some_and(char::is_alphanumeric),
                            '.' if !all_digits => after.is_some_and(char::is_alphabetic) && end < 3,
                            _ => all_digits && after.is_some_and(|d| d.is_ascii_digit()),
                        };
                        if ok {
                            all_digits &= p != '-';
                            end += 1;
                        } else {
                            break;
                        }
                    }
                    _ => break,
                }
            }
            let _ = b;
            let word = &rest[..end];
            if !all_digits && rest[end..].starts_with('.') && is_abbrev(word) {
                end += 1;
            }
            (
                end,
                if all_digits {
                    TokenKind::Number
                } else {
                    TokenKind::Word
                },
            )
        } else {
            let mut end = c.len_utf8();
            let term = |x: char| matches!(x, '.' | '!' | '?' | '…');
            for (i, d) in chars {
                if (term(c) && term(d)) || d == c {
                    end = i + d.len_utf8();
                } else {
                    break;
                }
            }
            let kind =
                if c.is_alphanumeric() || c.is_ascii_punctuation() || "«»—–„“”…’‘".contains(c)
                {
                    TokenKind::Punct
                } else {
                    TokenKind::Symbol
                };
            (end, kind)
        };
        pos = start + len;
        Some(Token {
            text: &text[start..pos],
            span: start..pos,
            kind,
        })
    })
}

fn is_abbrev(word: &str) -> bool {
    let lower = word.to_lowercase();
    word.chars().count() == 1
        || word.contains('.')
        || include_str!("data/sentence_abbrev.txt")
            .lines()
            .any(|l| l.split_whitespace().next() == Some(lower.as_str()))
}

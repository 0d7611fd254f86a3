//! # slovo — Russian text analysis
//!
//! (Crate tour grows as the stages land.)
//!
//! ```
//! let text = "Е. Казыхан посетил Брюссель.";
//! for token in slovo::tokenize(text) {
//!     assert_eq!(&text[token.span.clone()], token.text);
//! }
//! ```
//!
//! ## Reading text in legacy encodings
//!
//! Files are UTF-8 by default ([`read_text`]). [`read_text_with`], [`decode`] and
//! [`decode_reader`] take [`DecodeOptions`]: an [`Encoding`] (`utf-8`, `utf-16`,
//! `windows-1251`, `koi8-r`, `ibm866`, or `auto` to detect it) and whether invalid
//! bytes are an error naming the byte offset (the default) or replaced with U+FFFD and
//! counted (`lossy`). The result says which [`Charset`] was used and whether it was
//! detected. Detection looks at byte-order marks, the UTF-16 byte pattern and UTF-8
//! validity, then scores the single-byte Cyrillic code pages with a Russian
//! letter-bigram table.
//!
//! ```
//! use slovo::{decode, Charset, DecodeOptions, Encoding};
//!
//! let koi8 = b"\xf0\xd2\xc9\xd7\xc5\xd4, \xcd\xc9\xd2!"; // "Привет, мир!" in KOI8-R
//! let decoded = decode(koi8, &DecodeOptions::new(Encoding::Auto), "letter.txt")?;
//! assert_eq!(decoded.text, "Привет, мир!");
//! assert_eq!(decoded.encoding, Charset::Koi8R);
//! assert!(decoded.detected);
//! # Ok::<(), slovo::Error>(())
//! ```
#![deny(missing_docs)]
#![forbid(unsafe_code)]

mod encoding;
mod error;
mod input;
mod ru_stats;
mod token;
mod tokenize;

pub use encoding::{
    decode, decode_reader, detect_encoding, read_text_with, Charset, DecodeOptions, Decoded,
    Encoding,
};
pub use error::{Error, Result};
pub use input::{decode_utf8, read_text};
pub use token::{Token, TokenKind};
pub use tokenize::tokenize;

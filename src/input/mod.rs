//! Text input: bytes to text. Reading files and streams as UTF-8 or a legacy Cyrillic
//! encoding (with detection), line by line or whole, and repairing mojibake.

pub(crate) mod encoding;
pub(crate) mod mojibake;
pub(crate) mod read;
mod ru_bigrams;
mod ru_stats;
mod tables;

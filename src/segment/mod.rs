//! Segmentation: text to tokens and sentences. Both are slices of the caller's text with
//! byte spans; the abbreviation and word lists they share live here as data (`data/`).

pub(crate) mod abbrev;
pub(crate) mod blocks;
pub(crate) mod sentence;
pub(crate) mod simd;
pub(crate) mod token;
pub(crate) mod tokenize;
pub(crate) mod wordlist;

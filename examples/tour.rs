//! A tour of the slovo API on the bundled sample document.
//!
//! Run it with `cargo run --example tour`. Each stage of the pipeline is one function
//! below; a new stage adds a function and a line in `main`.

use std::collections::BTreeMap;

use slovo::{NormalizeOptions, TokenKind, UnicodeForm};

/// A news article in Russian (see `examples/data/`).
const SAMPLE: &str = include_str!("data/kazinform_eu_ru.txt");

fn main() {
    println!(
        "Sample: {} characters, {} bytes\n",
        SAMPLE.chars().count(),
        SAMPLE.len()
    );
    normalization();
    tokens(SAMPLE);
}

/// Normalization: one spelling for text that was typed, copied or encoded differently.
fn normalization() {
    println!("== Normalization ==");
    let options = NormalizeOptions::default()
        .form(UnicodeForm::Nfkc)
        .lowercase(true)
        .yo_to_ye(true);
    for raw in [
        "Ёлка",               // ё → е
        "мо\u{301}локо",      // stress mark
        "Казах\u{AD}стан",    // soft hyphen
        "Ｐｒｅｓｓ-релиз",   // fullwidth letters (NFKC)
        "Брюс\u{200B}сель",   // zero-width space
        "европейского союза", // already normal: borrowed, no allocation
    ] {
        let normal = slovo::normalize(raw, &options);
        let how = match normal {
            std::borrow::Cow::Borrowed(_) => "unchanged",
            std::borrow::Cow::Owned(_) => "changed",
        };
        println!("  {raw:?} → {normal:?} ({how})");
    }
    // `fold` is the cheap preset for comparing words.
    println!(
        "  fold(\"ЕВРОПЕЙСКИЙ\") = {:?}\n",
        slovo::fold("ЕВРОПЕЙСКИЙ")
    );
}

/// Tokenization: zero-copy tokens with byte spans into the text.
fn tokens(text: &str) {
    println!("== Tokens ==");
    let first_line = text.lines().next().unwrap_or_default();
    for token in slovo::tokenize(first_line).take(8) {
        println!(
            "  {:>3}..{:<3} {:<7} {}",
            token.span.start,
            token.span.end,
            token.kind.as_str(),
            token.text
        );
    }
    let mut by_kind: BTreeMap<TokenKind, usize> = BTreeMap::new();
    for token in slovo::tokenize(text) {
        *by_kind.entry(token.kind).or_default() += 1;
    }
    let counts: Vec<String> = by_kind
        .iter()
        .map(|(kind, n)| format!("{n} {kind}"))
        .collect();
    println!("  whole sample: {}\n", counts.join(", "));
}

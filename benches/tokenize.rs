//! Tokenizer throughput on War and Peace: slovo (the path this CPU takes, and every other
//! path it can run), its peers, and two rule-free ceilings, all in one criterion group.
//!
//! - `slovo::tokenize`: what users get (the block path with the best SIMD this CPU has);
//! - `slovo path/<p>`: each implementation forced (`scalar` is the byte-at-a-time
//!   specification; `portable`, `sse2`, `avx2`, `avx512` the block path's classifiers);
//! - peers: `unicode_words` (the in-run baseline), `split_word_bounds`, std's
//!   `split_whitespace`;
//! - ceilings (`benches/common/ceiling.rs`): `ceiling/table_scan` reads every byte once
//!   through a 256-entry table and counts letter runs; `ceiling/avx2_block_sketch` is a
//!   64-byte-block AVX2 tokenizer with no rules (words and one token per other
//!   character, emitted in batches as `&str`).
//!
//! Text: [`common::war_and_peace`] (the four volumes, 5.07 MB; `SLOVO_BENCH_TEXT` overrides
//! the location; without the data the bundled sample repeated to ~5 MB is used, and the
//! bench says so on stderr).
//!
//! ```text
//! cargo bench --bench tokenize
//! cargo bench --bench tokenize -- --warm-up-time 1 --measurement-time 3   # quicker
//! ```
use std::hint::black_box;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use slovo::{Tokenizer, TokenizerPath};
use unicode_segmentation::UnicodeSegmentation;

mod common;

use common::ceiling::{table_scan_words, BlockSketch};

fn bench(c: &mut Criterion) {
    let text = common::war_and_peace();
    let text = text.as_str();
    eprintln!(
        "tokenizer path on this CPU: {:?}; {} tokens",
        TokenizerPath::best(),
        slovo::tokenize(text).count()
    );

    let mut group = c.benchmark_group("tokenize");
    group.throughput(Throughput::Bytes(text.len() as u64));
    group.sample_size(20);
    group.bench_function("slovo::tokenize", |b| {
        b.iter(|| slovo::tokenize(black_box(text)).count())
    });
    for path in TokenizerPath::available() {
        let name = format!("slovo path/{}", format!("{path:?}").to_lowercase());
        group.bench_function(name, |b| {
            b.iter(|| {
                Tokenizer::new()
                    .tokenize_with(black_box(text), path)
                    .map_or(0, Iterator::count)
            })
        });
    }
    group.bench_function("unicode_words", |b| {
        b.iter(|| black_box(text).unicode_words().count())
    });
    group.bench_function("split_word_bounds", |b| {
        b.iter(|| black_box(text).split_word_bounds().count())
    });
    group.bench_function("split_whitespace", |b| {
        b.iter(|| black_box(text).split_whitespace().count())
    });
    group.bench_function("ceiling/table_scan", |b| {
        b.iter(|| table_scan_words(black_box(text)))
    });
    if BlockSketch::new(text).is_some() {
        group.bench_function("ceiling/avx2_block_sketch", |b| {
            b.iter(|| BlockSketch::new(black_box(text)).map_or(0, Iterator::count))
        });
    }
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);

//! Tokenizer throughput on War and Peace, with unicode-segmentation as the in-run baseline.
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
use unicode_segmentation::UnicodeSegmentation;

mod common;

fn bench(c: &mut Criterion) {
    let text = common::war_and_peace();
    let text = text.as_str();

    let mut group = c.benchmark_group("tokenize");
    group.throughput(Throughput::Bytes(text.len() as u64));
    group.sample_size(20);
    group.bench_function("slovo::tokenize", |b| {
        b.iter(|| slovo::tokenize(black_box(text)).count())
    });
    group.bench_function("unicode_words", |b| {
        b.iter(|| black_box(text).unicode_words().count())
    });
    group.bench_function("split_word_bounds", |b| {
        b.iter(|| black_box(text).split_word_bounds().count())
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);

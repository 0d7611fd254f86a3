//! Sentence-splitting throughput on War and Peace, with `unicode-segmentation`'s
//! `unicode_sentences` (UAX #29) as the in-run baseline and the tokenizer alone (which the
//! splitter runs on) for reference.
//!
//! Text: [`common::war_and_peace`] (the four volumes, 5.07 MB; `SLOVO_BENCH_TEXT` overrides
//! the location; without the data the bundled sample repeated to ~5 MB is used, and the
//! bench says so on stderr).
//!
//! ```text
//! cargo bench --bench sentences
//! cargo bench --bench sentences -- --warm-up-time 1 --measurement-time 3   # quicker
//! ```
use std::hint::black_box;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use unicode_segmentation::UnicodeSegmentation;

mod common;

fn bench(c: &mut Criterion) {
    let text = common::war_and_peace();
    let text = text.as_str();
    eprintln!(
        "{} bytes: {} sentences (unicode_sentences: {})",
        text.len(),
        slovo::sentences(text).count(),
        text.unicode_sentences().count()
    );

    let mut group = c.benchmark_group("sentences");
    group.throughput(Throughput::Bytes(text.len() as u64));
    group.sample_size(20);
    group.bench_function("slovo::sentences", |b| {
        b.iter(|| slovo::sentences(black_box(text)).count())
    });
    group.bench_function("unicode_sentences", |b| {
        b.iter(|| black_box(text).unicode_sentences().count())
    });
    group.bench_function("slovo::tokenize", |b| {
        b.iter(|| slovo::tokenize(black_box(text)).count())
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);

//! Normalization throughput on the bundled sample (ASCII, Cyrillic and common punctuation
//! only): the borrowed path (text already normal: one scan), the fast path (lowercasing),
//! the general decompose/compose path (a stress mark in the text), and `fold` word by word,
//! against `str::to_lowercase` as a baseline.
use std::hint::black_box;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use slovo::{NormalizeOptions, UnicodeForm};

fn bench(c: &mut Criterion) {
    let text = include_str!("../examples/data/kazinform_eu_ru.txt").repeat(25);
    let mut group = c.benchmark_group("normalize");
    group.throughput(Throughput::Bytes(text.len() as u64));
    let cases = [
        ("unchanged (default options)", NormalizeOptions::default()),
        (
            "lowercase (fast path)",
            NormalizeOptions::default().lowercase(true),
        ),
        (
            "nfkc + lowercase (fast path)",
            NormalizeOptions::default()
                .form(UnicodeForm::Nfkc)
                .lowercase(true),
        ),
    ];
    for (name, options) in cases {
        group.bench_function(name, |b| {
            b.iter(|| slovo::normalize(black_box(&text), &options).len())
        });
    }
    // The general path on a text that really needs it: a stress mark in every line.
    let stressed = text.replace("Казыхан", "Казыха\u{301}н");
    group.bench_function("nfc, stress marks (general path)", |b| {
        b.iter(|| slovo::normalize(black_box(&stressed), &NormalizeOptions::default()).len())
    });
    group.bench_function("fold every word", |b| {
        b.iter(|| {
            text.split_whitespace()
                .map(|w| slovo::fold(black_box(w)).len())
                .sum::<usize>()
        })
    });
    group.bench_function("baseline: str::to_lowercase", |b| {
        b.iter(|| black_box(&text).to_lowercase().len())
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);

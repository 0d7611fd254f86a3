//! Tokenizer throughput on War and Peace, with unicode-segmentation as the in-run baseline.
//!
//! Text: the four volumes `Tolstoi_VoynaIMir1..4.txt` concatenated, from the directory in
//! `SLOVO_BENCH_TEXT` (or a single file there), else from `shared/data/corpus/classics/`
//! next to the crate root or one of its ancestors. Without either, the bundled sample
//! document repeated to about 5 MB is used, and the benchmark says so.
//!
//! ```text
//! cargo bench --bench tokenize
//! cargo bench --bench tokenize -- --warm-up-time 1 --measurement-time 3   # quicker
//! ```
use std::hint::black_box;
use std::path::{Path, PathBuf};

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use unicode_segmentation::UnicodeSegmentation;

const VOLUMES: [&str; 4] = [
    "Tolstoi_VoynaIMir1.txt",
    "Tolstoi_VoynaIMir2.txt",
    "Tolstoi_VoynaIMir3.txt",
    "Tolstoi_VoynaIMir4.txt",
];

fn read_war_and_peace(location: &Path) -> Option<String> {
    if location.is_file() {
        return std::fs::read_to_string(location).ok();
    }
    let mut text = String::new();
    for volume in VOLUMES {
        text.push_str(&std::fs::read_to_string(location.join(volume)).ok()?);
        text.push('\n');
    }
    Some(text)
}

fn bench_text() -> (String, String) {
    let location = std::env::var_os("SLOVO_BENCH_TEXT")
        .map(PathBuf::from)
        .or_else(|| {
            Path::new(env!("CARGO_MANIFEST_DIR"))
                .ancestors()
                .skip(1)
                .map(|dir| dir.join("shared/data/corpus/classics"))
                .find(|dir| dir.is_dir())
        });
    if let Some(location) = location {
        if let Some(text) = read_war_and_peace(&location) {
            return (text, format!("War and Peace from {}", location.display()));
        }
        eprintln!("cannot read War and Peace from {}", location.display());
    }
    let sample = include_str!("../examples/data/kazinform_eu_ru.txt");
    let text = sample.repeat((5_000_000 / sample.len()).max(1));
    (
        text,
        "the bundled sample repeated to ~5 MB (War and Peace not found: set SLOVO_BENCH_TEXT)"
            .to_string(),
    )
}

fn bench(c: &mut Criterion) {
    let (text, source) = bench_text();
    eprintln!("tokenize benchmark text: {source}, {} bytes", text.len());
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

//! Sentence-splitting throughput on War and Peace, next to `unicode-segmentation`'s
//! `unicode_sentences` (UAX #29) in the same group.
//!
//! Text: `$SLOVO_BENCH_TEXT` if set (a file), else the four volumes of War and Peace from
//! `../shared/data/corpus/classics/` (next to the checkout, or one level further up for a
//! worktree), else the bundled sample repeated (printed, so the numbers are not mistaken
//! for War and Peace).
//!
//! ```text
//! cargo bench --bench sentences -- --warm-up-time 1 --measurement-time 3
//! ```
use std::hint::black_box;
use std::path::{Path, PathBuf};

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use unicode_segmentation::UnicodeSegmentation;

fn war_and_peace(root: &Path) -> Option<String> {
    let mut text = String::new();
    for volume in 1..=4 {
        let path = root.join(format!(
            "shared/data/corpus/classics/Tolstoi_VoynaIMir{volume}.txt"
        ));
        text.push_str(&std::fs::read_to_string(path).ok()?);
        text.push('\n');
    }
    Some(text)
}

fn bench_text() -> (String, String) {
    if let Some(path) = std::env::var_os("SLOVO_BENCH_TEXT") {
        let path = PathBuf::from(path);
        match std::fs::read_to_string(&path) {
            Ok(text) => return (path.display().to_string(), text),
            Err(e) => eprintln!("SLOVO_BENCH_TEXT={}: {e}", path.display()),
        }
    }
    let manifest = Path::new(env!("CARGO_MANIFEST_DIR"));
    for root in [manifest.join(".."), manifest.join("../..")] {
        if let Some(text) = war_and_peace(&root) {
            return ("War and Peace".to_owned(), text);
        }
    }
    let sample = include_str!("../examples/data/kazinform_eu_ru.txt");
    eprintln!("War and Peace not found: benchmarking the bundled sample repeated 200 times");
    ("sample x200".to_owned(), sample.repeat(200))
}

fn bench(c: &mut Criterion) {
    let (name, text) = bench_text();
    let sentences = slovo::sentences(&text).count();
    eprintln!(
        "{name}: {} bytes, {sentences} sentences (unicode_sentences: {})",
        text.len(),
        text.unicode_sentences().count()
    );
    let mut group = c.benchmark_group("sentences");
    group.throughput(Throughput::Bytes(text.len() as u64));
    group.sample_size(10);
    group.bench_function("slovo", |b| {
        b.iter(|| slovo::sentences(black_box(&text)).count())
    });
    group.bench_function("unicode_sentences", |b| {
        b.iter(|| black_box(&text).unicode_sentences().count())
    });
    // For reference: the tokenizer alone, which the splitter runs on.
    group.bench_function("slovo_tokenize_only", |b| {
        b.iter(|| slovo::tokenize(black_box(&text)).count())
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);

//! Language detection throughput: slovo vs raw `whatlang::detect` in the same group.
//!
//! Input: the Cyrillic sentences (8 languages × 40) of `tests/data/langid/sample.jsonl`,
//! plus its Latin-script sentences (5 × 40), where slovo hands over to whatlang.
//! Quick run: `cargo bench --bench lang -- --warm-up-time 1 --measurement-time 3`.

use std::hint::black_box;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};

const CYRILLIC: [&str; 8] = ["ru", "uk", "be", "bg", "mk", "sr", "kk", "mn"];

fn sentences(cyrillic: bool) -> Vec<String> {
    include_str!("../tests/data/langid/sample.jsonl")
        .split('\n')
        .filter_map(|line| serde_json::from_str::<serde_json::Value>(line).ok())
        .filter(|v| v["kind"] == "sentences")
        .filter(|v| CYRILLIC.contains(&v["lang"].as_str().unwrap_or_default()) == cyrillic)
        .filter_map(|v| v["text"].as_str().map(str::to_owned))
        .collect()
}

fn bench_group(c: &mut Criterion, name: &str, texts: &[String]) {
    let mut group = c.benchmark_group(name);
    group.throughput(Throughput::Elements(texts.len() as u64));
    group.bench_function("whatlang::detect", |b| {
        b.iter(|| {
            for t in texts {
                black_box(whatlang::detect(black_box(t)));
            }
        })
    });
    group.bench_function("slovo::detect", |b| {
        b.iter(|| {
            for t in texts {
                black_box(slovo::detect(black_box(t)));
            }
        })
    });
    group.bench_function("slovo::detect_spans", |b| {
        b.iter(|| {
            for t in texts {
                black_box(slovo::detect_spans(black_box(t)));
            }
        })
    });
    group.finish();
}

fn bench(c: &mut Criterion) {
    // Parse the model outside the timed loops.
    let _ = slovo::detect("прогрев");
    bench_group(c, "lang/cyrillic-sentences", &sentences(true));
    bench_group(c, "lang/latin-sentences", &sentences(false));
}

criterion_group!(benches, bench);
criterion_main!(benches);

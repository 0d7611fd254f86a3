//! Single-document keyword extraction: slovo against yake-rust (YAKE on single words, the
//! baseline it beats on quality) in the same run, on documents of realistic size.
//!
//! - `keywords/sample×3`: the bundled sample three times (12 KB), always available;
//! - `keywords/news13KB`: OpenCorpora news documents joined in order into 10 documents of
//!   about 13 KB (the mean size of the keyword gold set); time is for all 10.
//!
//! `cargo bench --bench keywords -- --warm-up-time 1 --measurement-time 3`
use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};

mod common;

/// Joins news documents in order into `n` documents of at least `size` bytes.
fn news_documents(n: usize, size: usize) -> Vec<String> {
    let mut out = Vec::with_capacity(n);
    let mut current = String::new();
    for doc in common::news_docs() {
        if !current.is_empty() {
            current.push('\n');
        }
        current.push_str(&doc);
        if current.len() >= size {
            out.push(std::mem::take(&mut current));
            if out.len() == n {
                break;
            }
        }
    }
    out
}

fn bench(c: &mut Criterion) {
    let sample = include_str!("../examples/data/kazinform_eu_ru.txt");
    let inputs = [
        ("sample×3", vec![[sample, sample, sample].join("\n")]),
        ("news13KB", news_documents(10, 13_000)),
    ];
    let extractor = slovo::KeywordExtractor::new();
    let stop = yake_rust::StopWords::predefined("ru").unwrap_or_default();
    let config = yake_rust::Config {
        ngrams: 1,
        ..yake_rust::Config::default()
    };
    let mut group = c.benchmark_group("keywords");
    for (name, docs) in &inputs {
        let bytes: usize = docs.iter().map(String::len).sum();
        group.throughput(Throughput::Bytes(bytes as u64));
        group.bench_with_input(BenchmarkId::new("slovo", name), docs, |b, docs| {
            b.iter(|| {
                docs.iter()
                    .map(|d| extractor.extract(d).len())
                    .sum::<usize>()
            })
        });
        group.bench_with_input(BenchmarkId::new("yake-rust n=1", name), docs, |b, docs| {
            b.iter(|| {
                docs.iter()
                    .map(|d| yake_rust::get_n_best(10, d, &stop, &config).len())
                    .sum::<usize>()
            })
        });
    }
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);

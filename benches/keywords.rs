//! Single-document keyword extraction: slovo against yake-rust (YAKE, single words) on the
//! same ~12 KB document (the bundled sample three times).
use criterion::{criterion_group, criterion_main, Criterion, Throughput};

fn bench(c: &mut Criterion) {
    let sample = include_str!("../examples/data/kazinform_eu_ru.txt");
    let text = [sample, sample, sample].join("\n");
    let mut group = c.benchmark_group("keywords/12KB");
    group.throughput(Throughput::Bytes(text.len() as u64));
    let extractor = slovo::KeywordExtractor::new();
    group.bench_function("slovo", |b| b.iter(|| extractor.extract(&text)));
    let stop = yake_rust::StopWords::predefined("ru").unwrap_or_default();
    let config = yake_rust::Config {
        ngrams: 1,
        ..yake_rust::Config::default()
    };
    group.bench_function("yake-rust n=1", |b| {
        b.iter(|| yake_rust::get_n_best(10, &text, &stop, &config))
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);

//! Tokenizer throughput (bootstrap; the real benchmark lands with the tokenizer).
use criterion::{criterion_group, criterion_main, Criterion};
fn bench(c: &mut Criterion) {
    let text = include_str!("../examples/data/kazinform_eu_ru.txt");
    c.bench_function("tokenize/sample", |b| {
        b.iter(|| slovo::tokenize(text).count())
    });
}
criterion_group!(benches, bench);
criterion_main!(benches);

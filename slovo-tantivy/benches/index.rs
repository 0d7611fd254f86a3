//! Indexing throughput: tantivy's default Russian pipeline (the baseline, same group) against
//! slovo's tokenizer with stems and with lemmas, on news documents.
//!
//! `cargo bench -p slovo-tantivy --bench index`. Documents: the OpenCorpora news file
//! (`SLOVO_BENCH_NEWS`, else `shared/data/corpus/opencorpora_docs.jsonl` beside the
//! checkout), else the packaged Pushkin chapter split into paragraphs.

use std::path::PathBuf;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use slovo_tantivy::SlovoTokenizer;
use tantivy::tokenizer::TextAnalyzer;

#[path = "../tests/common/index.rs"]
mod index;
use index::{ram_index, tantivy_russian};

const FALLBACK: &str = include_str!("../../src/test_text/pushkin_pikovaya_ch1.txt");

fn documents() -> Vec<String> {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..");
    let candidates = [
        std::env::var_os("SLOVO_BENCH_NEWS").map(PathBuf::from),
        Some(root.join("../shared/data/corpus/opencorpora_docs.jsonl")),
        Some(root.join("../../shared/data/corpus/opencorpora_docs.jsonl")),
    ];
    for path in candidates.into_iter().flatten() {
        if let Ok(text) = std::fs::read_to_string(&path) {
            let docs: Vec<String> = text
                .lines()
                .filter_map(|line| serde_json::from_str::<serde_json::Value>(line).ok())
                .filter_map(|doc| doc.get("text")?.as_str().map(str::to_owned))
                .take(1000)
                .collect();
            if !docs.is_empty() {
                return docs;
            }
        }
    }
    FALLBACK.split("\n\n").map(str::to_owned).collect()
}

fn index_all(analyzer: TextAnalyzer, docs: &[String]) -> usize {
    ram_index(analyzer, docs.iter().map(String::as_str), 50_000_000);
    docs.len()
}

fn bench(c: &mut Criterion) {
    let docs = documents();
    let bytes: usize = docs.iter().map(String::len).sum();
    eprintln!("{} documents, {bytes} bytes", docs.len());
    let mut group = c.benchmark_group("index");
    group.throughput(Throughput::Bytes(bytes as u64));
    group.sample_size(10);
    group.bench_function("tantivy default ru (baseline)", |b| {
        b.iter(|| index_all(tantivy_russian(), &docs));
    });
    group.bench_function("slovo stems", |b| {
        b.iter(|| index_all(SlovoTokenizer::new().into(), &docs));
    });
    #[cfg(feature = "morph")]
    group.bench_function("slovo lemmas", |b| {
        b.iter(|| index_all(SlovoTokenizer::lemmas().into(), &docs));
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);

//! TF-IDF vectorizer cost on pre-split terms (the Analyzer's cost comes on top, later).
//!
//! Corpus: `$SLOVO_TFIDF_CORPUS`, else `../shared/data/corpus/opencorpora_docs.jsonl`
//! (JSON lines with a `text` field), else the bundled sample document split into
//! paragraphs. Terms: lowercase, split on non-letters (as `scripts/make_tfidf_fixture.py`).
//! Throughput is reported in bytes of the original text, so MB/s compares with whole-pipeline
//! targets. The `baseline` counts the same terms in one hash map: a floor for any vectorizer.
//!
//! `cargo bench --bench tfidf -- --warm-up-time 1 --measurement-time 3`

use std::path::PathBuf;

use criterion::{criterion_group, criterion_main, BatchSize, Criterion, Throughput};
use rustc_hash::FxHashMap;
use slovo::tfidf::{TfidfConfig, TfidfVectorizer};

fn load_texts() -> Vec<String> {
    let path = std::env::var_os("SLOVO_TFIDF_CORPUS")
        .map(PathBuf::from)
        .unwrap_or_else(|| {
            PathBuf::from(env!("CARGO_MANIFEST_DIR"))
                .join("../shared/data/corpus/opencorpora_docs.jsonl")
        });
    match std::fs::read_to_string(&path) {
        Ok(jsonl) => {
            let texts: Vec<String> = jsonl
                .lines()
                .filter_map(|line| serde_json::from_str::<serde_json::Value>(line).ok())
                .filter_map(|doc| doc["text"].as_str().map(str::to_owned))
                .collect();
            eprintln!(
                "tfidf bench: {} documents from {}",
                texts.len(),
                path.display()
            );
            texts
        }
        Err(err) => {
            eprintln!(
                "tfidf bench: cannot read {} ({err}); using the bundled sample \
                 (set SLOVO_TFIDF_CORPUS to opencorpora_docs.jsonl for real numbers)",
                path.display()
            );
            include_str!("../examples/data/kazinform_eu_ru.txt")
                .split("\n\n")
                .map(str::to_owned)
                .collect()
        }
    }
}

fn bench(c: &mut Criterion) {
    let texts = load_texts();
    let text_bytes: usize = texts.iter().map(String::len).sum();
    let lowered: Vec<String> = texts.iter().map(|t| t.to_lowercase()).collect();
    let docs: Vec<Vec<&str>> = lowered
        .iter()
        .map(|t| {
            t.split(|c: char| !c.is_alphabetic())
                .filter(|w| !w.is_empty())
                .collect()
        })
        .collect();
    let n_terms: usize = docs.iter().map(Vec::len).sum();
    eprintln!("tfidf bench: {text_bytes} text bytes, {n_terms} terms");

    let mut group = c.benchmark_group("tfidf");
    group.throughput(Throughput::Bytes(text_bytes as u64));
    group.sample_size(10);

    group.bench_function("baseline/count_terms_in_one_map", |b| {
        b.iter(|| {
            let mut counts: FxHashMap<&str, u32> = FxHashMap::default();
            for doc in &docs {
                for term in doc {
                    *counts.entry(term).or_default() += 1;
                }
            }
            counts.len()
        })
    });

    for (name, ngram_range) in [("1gram", (1, 1)), ("1-2gram", (1, 2))] {
        let mut config = TfidfConfig::default();
        config.ngram_range = ngram_range;
        let mut vectorizer = TfidfVectorizer::new(config).expect("valid options");
        vectorizer.set_parallel(false);
        group.bench_function(format!("fit_transform_terms/{name}/1thread"), |b| {
            b.iter_batched_ref(
                || vectorizer.clone(),
                |v| v.fit_transform_terms(&docs).expect("fit").nnz(),
                BatchSize::LargeInput,
            )
        });
        vectorizer.fit_terms(&docs).expect("fit");
        group.bench_function(format!("transform_terms/{name}/1thread"), |b| {
            b.iter(|| vectorizer.transform_terms(&docs).expect("fitted").nnz())
        });
        vectorizer.set_parallel(true);
        group.bench_function(format!("transform_terms/{name}/parallel"), |b| {
            b.iter(|| vectorizer.transform_terms(&docs).expect("fitted").nnz())
        });
    }
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);

//! TF-IDF on the news corpus (`benches/common`: `SLOVO_BENCH_NEWS`, else
//! `shared/data/corpus/opencorpora_docs.jsonl`, else the bundled sample repeated):
//!
//! - `fit_transform/…`: from TEXT with the default Russian `Analyzer` — the whole pipeline;
//! - `*_terms/…`: on pre-split terms (lowercase, split on non-letters, as
//!   `scripts/make_tfidf_fixture.py`), the vectorizer alone.
//!
//! `1thread` rows build with `parallel(false)`: nothing runs on rayon's pool. `parallel`
//! rows analyze pieces of the corpus in parallel when fitting (the counting after it is
//! sequential) and build rows in parallel.
//!
//! Text rows repeat fits on one thread, so they measure warm refits: the thread's stemmer
//! cache and word-form memo already hold the corpus's forms. `fit_transform/1gram/cold`
//! runs each fit on a new thread instead, with both empty: the first fit of a program.
//! Throughput is reported in bytes of the original text, so MB/s compares with whole-pipeline
//! targets. The `baseline` counts the same terms in one hash map: a floor for any vectorizer.
//!
//! `fit_transform/1gram/lemma/1thread` (feature `morph`) counts lemmas instead of stems.
//!
//! `cargo bench --bench tfidf --features morph -- --warm-up-time 1 --measurement-time 3`
//! (`-- fit_transform/` for the text rows only)

use criterion::{criterion_group, criterion_main, BatchSize, Criterion, Throughput};
use rustc_hash::FxHashMap;
use slovo::tfidf::{TfidfConfig, TfidfVectorizer};

mod common;

fn bench(c: &mut Criterion) {
    let texts = common::news_docs();
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
        for parallel in [false, true] {
            let vectorizer = slovo::tfidf::TfidfVectorizerBuilder::from(config.clone())
                .parallel(parallel)
                .build()
                .expect("valid options");
            let threads = if parallel { "parallel" } else { "1thread" };
            group.bench_function(format!("fit_transform/{name}/{threads}"), |b| {
                b.iter_batched_ref(
                    || vectorizer.clone(),
                    |v| v.fit_transform(&texts).expect("fit").nnz(),
                    BatchSize::LargeInput,
                )
            });
        }
    }

    // Lemmas instead of stems (feature `morph`): the row to read next to
    // `fit_transform/1gram/1thread`.
    #[cfg(feature = "morph")]
    {
        let lemmas = TfidfVectorizer::builder()
            .analyzer(
                slovo::Analyzer::builder()
                    .form(slovo::TermForm::Lemma)
                    .build(),
            )
            .parallel(false)
            .build()
            .expect("valid options");
        group.bench_function("fit_transform/1gram/lemma/1thread", |b| {
            b.iter_batched_ref(
                || lemmas.clone(),
                |v| v.fit_transform(&texts).expect("fit").nnz(),
                BatchSize::LargeInput,
            )
        });
    }

    let cold = TfidfVectorizer::builder()
        .parallel(false)
        .build()
        .expect("valid options");
    group.bench_function("fit_transform/1gram/cold", |b| {
        b.iter_batched_ref(
            || cold.clone(),
            |v| {
                // A new thread has its own, empty, stemmer cache and word-form memo.
                std::thread::scope(|s| {
                    s.spawn(|| v.fit_transform(&texts).expect("fit").nnz())
                        .join()
                        .expect("no panic")
                })
            },
            BatchSize::LargeInput,
        )
    });

    for (name, ngram_range) in [("1gram", (1, 1)), ("1-2gram", (1, 2))] {
        let mut config = TfidfConfig::default();
        config.ngram_range = ngram_range;
        let mut vectorizer = slovo::tfidf::TfidfVectorizerBuilder::from(config)
            .parallel(false)
            .build()
            .expect("valid options");
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
        let mut vectorizer = vectorizer
            .to_builder()
            .parallel(true)
            .build()
            .expect("valid");
        vectorizer.fit_terms(&docs).expect("fit");
        group.bench_function(format!("transform_terms/{name}/parallel"), |b| {
            b.iter(|| vectorizer.transform_terms(&docs).expect("fitted").nnz())
        });
    }
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);

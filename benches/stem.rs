//! Stemming throughput: `slovo::Stemmer` (cached) against raw `rust_stemmers` in the same
//! group, on the words of War and Peace and of news text; and per-thread stemmers against
//! one shared, sharded cache.
//!
//! Texts (read from the shared data folder beside the checkout, or the worktree folder):
//! - War and Peace: `data/corpus/classics/Tolstoi_VoynaIMir1..4.txt`, or the file named by
//!   `SLOVO_BENCH_TEXT`; if neither is there, the bundled sample repeated.
//! - News: the `text` fields of `data/corpus/opencorpora_docs.jsonl`, or the JSON-lines
//!   file named by `SLOVO_BENCH_NEWS`; if neither is there, the bundled sample repeated.
//!
//! Words are the runs of alphabetic characters, lowercased (for both sides alike), so the
//! benchmark does not depend on the tokenizer.
//!
//! Run: `cargo bench --bench stem -- --warm-up-time 1 --measurement-time 4`
//!
//! - `rust_stemmers_raw`: `rust_stemmers::Stemmer::stem` on every word (the baseline);
//! - `slovo_cached_cold`: a new `Stemmer` per pass, so every distinct word misses once;
//! - `slovo_cached_warm`: one `Stemmer` across passes (a long-running process);
//! - `slovo_uncached`: `Stemmer::with_cache_capacity(0)` (folding + Snowball every time).
//!
//! Recorded 2026-05 on a shared 2-core AMD EPYC VM (load 3–6 from other jobs, so absolute
//! numbers drift by ±40 % between runs; ratios within a group are what to compare), median
//! words/s:
//!
//! | text (words) | raw | cached cold | cached warm | uncached | warm ÷ raw | cold ÷ raw |
//! |---|---:|---:|---:|---:|---:|---:|
//! | War and Peace (422,717) | 6.91 M | 20.7 M | 63.4 M | 4.96 M | 9.2× | 3.0× |
//! | news, OpenCorpora (613,073) | 4.58 M | 8.62 M | 17.4 M | 3.36 M | 3.8× | 1.9× |
//! | news, second run | 3.41 M | 8.48 M | 15.1 M | 2.88 M | 4.4× | 2.5× |
//!
//! Cold passes are bounded by their misses (11.7 % of War and Peace's words and 15 % of the
//! news words are a form's first occurrence, each costing a full Snowball call).
//!
//! Threads (War and Peace, 2 threads, warm): a `Stemmer` per thread 16.6 M words/s, one
//! 64-shard `RwLock` cache 8.7 M (other runs: 24.1 M vs 9.0 M, 19.6 M vs 13.6 M).
use std::hash::BuildHasher;
use std::hint::black_box;
use std::sync::RwLock;

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use slovo::Stemmer;

mod common;

fn words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphabetic())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

fn bench_corpus(c: &mut Criterion, name: &str, text: &str) {
    let words = words(text);
    eprintln!("stem bench: {name}: {} words", words.len());
    let mut group = c.benchmark_group(format!("stem/{name}"));
    group.throughput(Throughput::Elements(words.len() as u64));
    group.sample_size(10);

    let raw = rust_stemmers::Stemmer::create(rust_stemmers::Algorithm::Russian);
    group.bench_function("rust_stemmers_raw", |b| {
        b.iter(|| {
            for w in &words {
                black_box(raw.stem(w));
            }
        })
    });
    // A fresh stemmer per pass: one cold pass over the whole text, misses included.
    group.bench_function("slovo_cached_cold", |b| {
        b.iter(|| {
            let mut stemmer = Stemmer::new();
            for w in &words {
                black_box(stemmer.stem(w));
            }
        })
    });
    // One stemmer kept across passes: the steady state of a long-running process.
    let mut stemmer = Stemmer::new();
    group.bench_function("slovo_cached_warm", |b| {
        b.iter(|| {
            for w in &words {
                black_box(stemmer.stem(w));
            }
        })
    });
    let mut uncached = Stemmer::with_cache_capacity(0);
    group.bench_function("slovo_uncached", |b| {
        b.iter(|| {
            for w in &words {
                black_box(uncached.stem(w));
            }
        })
    });
    group.finish();
}

/// The alternative to a stemmer per thread: one cache shared by all threads, split into
/// shards (each a `Stemmer`, so both sides use the same table layout) behind `RwLock`s. A hit
/// reads under the read lock and copies the stem into the caller's buffer (a `&str` cannot
/// outlive the guard); a miss stems under the write lock.
struct SharedStemmer {
    shards: Vec<RwLock<Stemmer>>,
    hasher: foldhash::fast::RandomState,
}

impl SharedStemmer {
    fn new(shards: usize) -> Self {
        Self {
            shards: (0..shards).map(|_| RwLock::default()).collect(),
            hasher: foldhash::fast::RandomState::default(),
        }
    }

    fn stem_into(&self, word: &str, out: &mut String) {
        let shard = &self.shards[self.hasher.hash_one(word) as usize % self.shards.len()];
        out.clear();
        if let Some(stem) = shard.read().unwrap().cached(word) {
            out.push_str(stem);
            return;
        }
        out.push_str(shard.write().unwrap().stem(word));
    }
}

fn bench_threads(c: &mut Criterion, text: &str) {
    const THREADS: usize = 2;
    let words = words(text);
    let chunks: Vec<&[String]> = words.chunks(words.len().div_ceil(THREADS)).collect();
    let mut group = c.benchmark_group("stem/threads");
    group.throughput(Throughput::Elements(words.len() as u64));
    group.sample_size(10);

    // Warm both kinds first so the comparison is between lookups, not first misses.
    let mut warm = Stemmer::new();
    words.iter().for_each(|w| {
        warm.stem(w);
    });
    let mut per_thread: Vec<Stemmer> = (0..THREADS).map(|_| warm.clone()).collect();
    group.bench_function(BenchmarkId::new("per_thread_stemmer", THREADS), |b| {
        b.iter(|| {
            std::thread::scope(|s| {
                for (stemmer, chunk) in per_thread.iter_mut().zip(&chunks) {
                    s.spawn(move || {
                        for w in chunk.iter() {
                            black_box(stemmer.stem(w));
                        }
                    });
                }
            })
        })
    });

    let shared = SharedStemmer::new(64);
    let mut buffers: Vec<String> = vec![String::new(); THREADS];
    for w in &words {
        shared.stem_into(w, &mut buffers[0]);
    }
    group.bench_function(BenchmarkId::new("shared_sharded_rwlock", THREADS), |b| {
        b.iter(|| {
            std::thread::scope(|s| {
                for (buffer, chunk) in buffers.iter_mut().zip(&chunks) {
                    let shared = &shared;
                    s.spawn(move || {
                        for w in chunk.iter() {
                            shared.stem_into(w, buffer);
                            black_box(&buffer);
                        }
                    });
                }
            })
        })
    });
    group.finish();
}

fn bench(c: &mut Criterion) {
    let war_and_peace = common::war_and_peace();
    bench_corpus(c, "war_and_peace", &war_and_peace);
    bench_corpus(c, "news", &common::news_docs().join("\n"));
    bench_threads(c, &war_and_peace);
}

criterion_group!(benches, bench);
criterion_main!(benches);

//! Morphology throughput (feature `morph`): cold analysis and warm (cached) lemma lookups on
//! 100,000 news word tokens, with baselines in the same groups; dictionary load time; RSS.
//!
//! Tokens: the `Word` tokens of `slovo::tokenize` over the news documents
//! (`data/corpus/opencorpora_docs.jsonl`, or `SLOVO_BENCH_NEWS`; without them the bundled
//! sample repeated — see `benches/common`), as written (case and `ё` kept; a final period of an
//! abbreviation dropped), the first 100,000.
//!
//! Run: `cargo bench --features morph --bench morph -- --warm-up-time 1 --measurement-time 5`
//!
//! - `morph/cold`: every token analysed, nothing remembered.
//!   - `rumorph_analyze` (baseline): `rumorph::Dictionary::analyze`, all analyses;
//!   - `slovo_parse`: `Morph::parse`, all analyses with typed features;
//!   - `slovo_lemma_first_pass`: `Morph::with_lemma` on an empty thread cache: each distinct
//!     form is analysed once, repeats are hits (what a first pass over new text costs);
//!   - `snowball_uncached` (baseline): `Stemmer::with_cache_capacity(0)`.
//! - `morph/warm_news`, `morph/warm_war_and_peace`: the same tokens again and again (the news
//!   tokens; all 422k word tokens of War and Peace), lookups in a warm cache.
//!   - `slovo_for_each_lemma`: `Morph::for_each_lemma` over the list (the thread's cache
//!     borrowed once, as the analyzer will);
//!   - `slovo_with_lemma`: `Morph::with_lemma` per word (no allocation);
//!   - `slovo_lemma`: `Morph::lemma` (a `Cow`, owned when the lemma differs from the word);
//!   - `snowball_cached` (baseline): `Stemmer::stem` with its warm cache.
//! - `morph/load`: `rumorph::Dictionary::bundled()` (the check `Morph::new` does once per
//!   process), and the same plus the first sentence in context (loads the context model).
//!
//! RSS (from `/proc/self/status`, Linux) is printed to stderr before the timings: before
//! loading, after `Morph::new`, after lemmatizing the tokens once, after the context model.
//!
//! Results: `benches/results/morph.md`.
use std::hint::black_box;
use std::time::Duration;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use slovo::{Morph, Stemmer, TokenKind};

mod common;

const TOKENS: usize = 100_000;

/// The first 100,000 word tokens of the news documents, as written.
fn news_tokens() -> Vec<String> {
    let mut tokens = Vec::with_capacity(TOKENS);
    for doc in common::news_docs() {
        tokens.extend(words_of(&doc, TOKENS - tokens.len()));
        if tokens.len() == TOKENS {
            break;
        }
    }
    tokens
}

/// At most `limit` word tokens of `text`, as written (without the period of an abbreviation).
fn words_of(text: &str, limit: usize) -> Vec<String> {
    slovo::tokenize(text)
        .filter(|token| token.kind == TokenKind::Word)
        .take(limit)
        .map(|token| {
            token
                .text
                .strip_suffix('.')
                .unwrap_or(token.text)
                .to_owned()
        })
        .collect()
}

/// Resident set size in KiB, where the system tells it.
fn rss_kib() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmRSS:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

fn report_rss(step: &str) {
    match rss_kib() {
        Some(kib) => eprintln!("morph bench: RSS {step}: {:.1} MiB", kib as f64 / 1024.0),
        None => eprintln!("morph bench: RSS {step}: not available here"),
    }
}

fn bench_morph(c: &mut Criterion) {
    let tokens = news_tokens();
    let distinct: std::collections::HashSet<&str> = tokens.iter().map(String::as_str).collect();
    eprintln!(
        "morph bench: {} tokens, {} distinct forms",
        tokens.len(),
        distinct.len()
    );
    report_rss("before loading (the news documents and tokens in memory)");
    let morph = Morph::new();
    report_rss("after Morph::new");
    morph.for_each_lemma(&tokens, |lemma, pos| {
        black_box((lemma.len(), pos));
    });
    report_rss("after lemmatizing the tokens (the thread cache holds every form)");
    black_box(morph.parse_sentence(&["Я", "читаю", "книги"]));
    report_rss("after the first sentence in context (the context model is loaded)");
    let rumorph = rumorph::Dictionary::bundled().expect("the bundled dictionary loads");

    let mut group = c.benchmark_group("morph/cold");
    group.throughput(Throughput::Elements(tokens.len() as u64));
    group.sample_size(10);
    group.measurement_time(Duration::from_secs(5));
    group.bench_function("rumorph_analyze", |b| {
        b.iter(|| {
            for w in &tokens {
                black_box(rumorph.analyze(w));
            }
        })
    });
    group.bench_function("slovo_parse", |b| {
        b.iter(|| {
            for w in &tokens {
                black_box(morph.parse(w));
            }
        })
    });
    group.bench_function("slovo_lemma_first_pass", |b| {
        b.iter(|| {
            Morph::clear_thread_cache();
            for w in &tokens {
                morph.with_lemma(w, |lemma, pos| black_box((lemma.len(), pos)));
            }
        })
    });
    let mut uncached = Stemmer::with_cache_capacity(0);
    group.bench_function("snowball_uncached", |b| {
        b.iter(|| {
            for w in &tokens {
                black_box(uncached.stem(w));
            }
        })
    });
    group.finish();

    bench_warm(c, &morph, "morph/warm_news", &tokens);
    let war_and_peace = words_of(&common::war_and_peace(), usize::MAX);
    bench_warm(c, &morph, "morph/warm_war_and_peace", &war_and_peace);

    let mut group = c.benchmark_group("morph/load");
    group.sample_size(10);
    group.bench_function("bundled_dictionary", |b| {
        b.iter(|| black_box(rumorph::Dictionary::bundled().expect("loads")))
    });
    group.bench_function("bundled_dictionary_and_context_model", |b| {
        b.iter(|| {
            let dictionary = rumorph::Dictionary::bundled().expect("loads");
            black_box(
                dictionary
                    .analyze_sentence(&["Я", "читаю"])
                    .expect("has a model"),
            )
        })
    });
    group.finish();
}

/// Lookups in a warm cache: every form of `tokens` is cached before timing starts.
fn bench_warm(c: &mut Criterion, morph: &Morph, name: &str, tokens: &[String]) {
    eprintln!("morph bench: {name}: {} tokens", tokens.len());
    let mut group = c.benchmark_group(name);
    group.throughput(Throughput::Elements(tokens.len() as u64));
    group.sample_size(20);
    Morph::clear_thread_cache();
    morph.for_each_lemma(tokens, |lemma, pos| {
        black_box((lemma.len(), pos));
    });
    group.bench_function("slovo_for_each_lemma", |b| {
        b.iter(|| {
            morph.for_each_lemma(tokens, |lemma, pos| {
                black_box((lemma.len(), pos));
            })
        })
    });
    group.bench_function("slovo_with_lemma", |b| {
        b.iter(|| {
            for w in tokens {
                morph.with_lemma(w, |lemma, pos| black_box((lemma.len(), pos)));
            }
        })
    });
    group.bench_function("slovo_lemma", |b| {
        b.iter(|| {
            for w in tokens {
                black_box(morph.lemma(w));
            }
        })
    });
    let mut stemmer = Stemmer::new();
    for w in tokens {
        black_box(stemmer.stem(w));
    }
    group.bench_function("snowball_cached", |b| {
        b.iter(|| {
            for w in tokens {
                black_box(stemmer.stem(w));
            }
        })
    });
    group.finish();
}

criterion_group!(benches, bench_morph);
criterion_main!(benches);

//! The whole text → terms pipeline on War and Peace, single thread, next to the tokenizer
//! alone in the same group (what the rest of the pipeline costs on top of tokenizing).
//!
//! - `tokenize`: `slovo::tokenize(text).count()`;
//! - `analyze/for_each_term`: `Analyzer::default()` (tokenize, NFC + lowercase + `ё` → `е`,
//!   stop words, min length 2, cached Snowball stemming), counting terms without allocating;
//!   the thread's memo of analyzed word forms and its stemmer cache are warm after the
//!   first iteration;
//! - `analyze/for_each_term/new_thread`: the same on a new thread each time, so with an
//!   empty memo and stemmer cache (a program's first pass over new text);
//! - `analyze/terms`: the same through the `Terms` iterator (a `Term` per term, its form
//!   borrowed from the text when it is a slice of it);
//! - `analyze/for_each_term/lemma` (feature `morph`): `TermForm::Lemma` instead of stems
//!   (each word as written looked up in the thread's lemma cache, the lemma folded), warm.
//!
//! Text: see `benches/common/mod.rs` (`SLOVO_BENCH_TEXT` overrides it).
//!
//! ```text
//! cargo bench --bench analyze --features morph -- --warm-up-time 1 --measurement-time 5
//! ```
use std::hint::black_box;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use slovo::Analyzer;

mod common;

fn bench(c: &mut Criterion) {
    let text = common::war_and_peace();
    let text = text.as_str();
    let analyzer = Analyzer::default();

    let mut group = c.benchmark_group("analyze");
    group.throughput(Throughput::Bytes(text.len() as u64));
    group.sample_size(10);
    group.bench_function("tokenize", |b| {
        b.iter(|| slovo::tokenize(black_box(text)).count())
    });
    group.bench_function("analyze/for_each_term", |b| {
        b.iter(|| {
            let mut n = 0usize;
            analyzer.for_each_term(black_box(text), |stem, _| n += stem.len());
            n
        })
    });
    group.bench_function("analyze/for_each_term/new_thread", |b| {
        b.iter(|| {
            std::thread::scope(|scope| {
                scope
                    .spawn(|| {
                        let mut n = 0usize;
                        analyzer.for_each_term(black_box(text), |stem, _| n += stem.len());
                        n
                    })
                    .join()
                    .unwrap_or(0)
            })
        })
    });
    group.bench_function("analyze/terms", |b| {
        b.iter(|| analyzer.terms(black_box(text)).count())
    });
    #[cfg(feature = "morph")]
    {
        let lemmas = Analyzer::builder().form(slovo::TermForm::Lemma).build();
        group.bench_function("analyze/for_each_term/lemma", |b| {
            b.iter(|| {
                let mut n = 0usize;
                lemmas.for_each_term(black_box(text), |lemma, _| n += lemma.len());
                n
            })
        });
    }
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);

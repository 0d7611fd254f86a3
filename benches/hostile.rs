//! Linearity on hostile input: every entry point that takes untrusted text, on each
//! hostile input of `tests/support/hostile.rs`, at 1, 10 and 100 MB. Time per MB must not
//! grow with the size (issue 7: the largest over the smallest at most 1.5).
//!
//! ```text
//! cargo bench --bench hostile                        # 1, 10 and 100 MB (long)
//! SLOVO_HOSTILE_MAX_MB=10 cargo bench --bench hostile # 1 and 10 MB only
//! cargo bench --bench hostile -- 'hostile/letter_dots' # one input
//! ```
//!
//! Groups are `hostile/<input>`, benchmarks `<function>/<MB>`, throughput in bytes. Each
//! input is generated once per size and shared by the functions. Results:
//! `benches/results/hostile.md`.

use std::hint::black_box;
use std::time::Duration;

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};

#[path = "../tests/support/hostile.rs"]
mod hostile;

const MB: usize = 1 << 20;

/// The sizes to run, in MB: 1, 10, 100, capped by `SLOVO_HOSTILE_MAX_MB`.
fn sizes() -> Vec<usize> {
    let max = std::env::var("SLOVO_HOSTILE_MAX_MB")
        .ok()
        .and_then(|v| v.parse::<usize>().ok())
        .unwrap_or(100);
    [1, 10, 100].into_iter().filter(|&mb| mb <= max).collect()
}

fn bench_hostile(c: &mut Criterion) {
    let functions = hostile::functions();
    let sizes = sizes();
    for input in hostile::ALL {
        let mut group = c.benchmark_group(format!("hostile/{}", input.name));
        group
            .sample_size(10)
            .warm_up_time(Duration::from_millis(100))
            .measurement_time(Duration::from_secs(1));
        for &mb in &sizes {
            let text = input.build(mb * MB);
            group.throughput(Throughput::Bytes(text.len() as u64));
            for (name, function) in &functions {
                group.bench_with_input(BenchmarkId::new(*name, mb), text.as_str(), |b, t| {
                    b.iter(|| function(black_box(t)))
                });
            }
        }
        group.finish();
    }
}

criterion_group!(benches, bench_hostile);
criterion_main!(benches);

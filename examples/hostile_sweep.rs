//! One timing of every entry point on every hostile input at each size: the quick
//! linearity sweep over the whole grid, where the criterion group (`benches/hostile.rs`,
//! ten samples per point) would take hours at 100 MB.
//!
//! ```text
//! cargo run --release --example hostile_sweep              # 1, 10 and 100 MB
//! cargo run --release --example hostile_sweep -- 1 10      # other sizes, in MB
//! ```
//!
//! Prints a Markdown table of milliseconds per MB at each size (best of three runs below
//! 10 MB, one run from 10 MB up) and the largest over the smallest; issue 7 asks for at
//! most 1.5. Inputs and functions are those of `tests/support/hostile.rs`.

use std::hint::black_box;
use std::time::Instant;

#[path = "../tests/support/hostile.rs"]
mod hostile;

const MB: usize = 1 << 20;

fn main() {
    let mut sizes: Vec<usize> = Vec::new();
    for arg in std::env::args().skip(1) {
        match arg.parse::<usize>() {
            Ok(mb) if mb > 0 => sizes.push(mb),
            _ => {
                eprintln!("hostile_sweep: sizes are whole numbers of MB, got {arg:?}");
                std::process::exit(2);
            }
        }
    }
    if sizes.is_empty() {
        sizes = vec![1, 10, 100];
    }
    let functions = hostile::functions();
    let header: Vec<String> = sizes.iter().map(|mb| format!("{mb} MB")).collect();
    println!("| input | function | {} | max/min |", header.join(" | "));
    println!("|---|---|{}---:|", "---:|".repeat(sizes.len()));
    for input in hostile::ALL {
        let texts: Vec<String> = sizes.iter().map(|&mb| input.build(mb * MB)).collect();
        for (name, function) in &functions {
            let per_mb: Vec<f64> = texts
                .iter()
                .map(|text| {
                    let runs = if text.len() < 10 * MB { 3 } else { 1 };
                    let best = (0..runs)
                        .map(|_| {
                            let start = Instant::now();
                            black_box(function(black_box(text)));
                            start.elapsed().as_secs_f64()
                        })
                        .fold(f64::INFINITY, f64::min);
                    best * 1000.0 * MB as f64 / text.len().max(1) as f64
                })
                .collect();
            let max = per_mb.iter().copied().fold(0.0, f64::max);
            let min = per_mb.iter().copied().fold(f64::INFINITY, f64::min);
            let cells: Vec<String> = per_mb.iter().map(|v| format!("{v:.2}")).collect();
            println!(
                "| {} | {name} | {} | {:.2} |",
                input.name,
                cells.join(" | "),
                max / min
            );
        }
    }
}

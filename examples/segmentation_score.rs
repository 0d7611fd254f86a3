//! Scores slovo's segmentation against razdel-format gold files (naeval metric: extra +
//! missing split points per 1000 gold segments).
//!
//! ```text
//! cargo run --release --example segmentation_score -- sentences [--show N] [--points] FILE...
//! ```
//!
//! Without FILE arguments it scores the dev files in `$SLOVO_RAZDEL_DIR` (default
//! `../shared/data/razdel` next to the checkout, or one level further up for a worktree). `--show N` prints the first N wrongly split examples.

#[path = "../tests/support/segmentation.rs"]
mod segmentation;

use std::path::PathBuf;

use segmentation::{parse_file, Score};

fn main() {
    let mut args = std::env::args().skip(1);
    let mode = args.next().unwrap_or_default();
    if mode != "sentences" {
        eprintln!("usage: segmentation_score sentences [--show N] [--points] FILE...");
        std::process::exit(2);
    }
    let mut show = 0usize;
    let mut points = false;
    let mut files = Vec::new();
    while let Some(arg) = args.next() {
        if arg == "--points" {
            points = true;
        } else if arg == "--show" {
            show = args.next().and_then(|n| n.parse().ok()).unwrap_or(10);
        } else {
            files.push(PathBuf::from(arg));
        }
    }
    if files.is_empty() {
        let dir = data_dir();
        for name in [
            "unit_sents_dev.txt",
            "syntag_sents_dev.txt",
            "corpora_sents_dev.txt",
        ] {
            files.push(dir.join(name));
        }
    }
    for path in files {
        let content = match std::fs::read_to_string(&path) {
            Ok(c) => c,
            Err(e) => {
                eprintln!("skipping {}: {e}", path.display());
                continue;
            }
        };
        let mut score = Score::default();
        let mut shown = 0;
        for example in parse_file(&content) {
            let guess: Vec<_> = slovo::sentences(&example.text).map(|s| s.span).collect();
            let exact = score.add(&example.segments, &guess);
            if !exact && points {
                print_points(&example.text, &example.segments, &guess);
            }
            if !exact && shown < show {
                shown += 1;
                println!("--- gold:");
                for s in example.segment_texts() {
                    println!("  | {s}");
                }
                println!("    slovo:");
                for r in &guess {
                    println!("  | {}", &example.text[r.clone()]);
                }
            }
        }
        println!(
            "{}: {} examples, {} gold sentences, {} extra + {} missing = {:.2} errors per 1000",
            path.display(),
            score.examples,
            score.gold,
            score.extra,
            score.missing,
            score.per_1000()
        );
    }
}

fn data_dir() -> PathBuf {
    if let Some(dir) = std::env::var_os("SLOVO_RAZDEL_DIR") {
        return PathBuf::from(dir);
    }
    let manifest = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    ["../shared/data/razdel", "../../shared/data/razdel"]
        .iter()
        .map(|rel| manifest.join(rel))
        .find(|dir| dir.is_dir())
        .unwrap_or_else(|| manifest.join("../shared/data/razdel"))
}

fn print_points(text: &str, gold: &[std::ops::Range<usize>], guess: &[std::ops::Range<usize>]) {
    let g = segmentation::split_points(gold);
    let s = segmentation::split_points(guess);
    let context = |at: usize| {
        let before: String = text[..at]
            .chars()
            .rev()
            .take(50)
            .collect::<Vec<_>>()
            .into_iter()
            .rev()
            .collect();
        let after: String = text[at..].chars().take(30).collect();
        format!("{before}‖{after}")
    };
    for &(end, _) in s.difference(&g) {
        println!("+ {}", context(end));
    }
    for &(end, _) in g.difference(&s) {
        println!("- {}", context(end));
    }
}

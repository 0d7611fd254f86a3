//! Scores slovo's segmentation against razdel-format gold files (the naeval metric: errors =
//! missing + extra split points, per 1000 gold segments).
//!
//! ```text
//! cargo run --release --example segmentation_score -- tokens [--show N] [FILE...]
//! cargo run --release --example segmentation_score -- unicode-words [FILE...]   # baseline
//! cargo run --release --example segmentation_score -- sentences [--show N] [--points] [--half even|odd] [FILE...]
//! cargo run --release --example segmentation_score -- unicode-sentences [FILE...]   # baseline
//! ```
//!
//! Without FILE arguments it scores the mode's files (tokens or sentences) in `../shared/data/razdel/` (looked up
//! next to the crate root, then next to its ancestors; override the directory with `SLOVO_RAZDEL_DIR`). `--show N` prints the
//! first N examples whose prediction differs from the gold (gold line, then prediction);
//! `--points` prints every wrong split point with 50 characters of context (`+` extra, `-`
//! missing, `‖` marks the point). `--half even` (or `odd`) scores only the examples with an even
//! (odd) 0-based line number: tune a rule on one half, check it on the other.
use std::ops::Range;
use std::path::PathBuf;
use std::process::ExitCode;

use unicode_segmentation::UnicodeSegmentation;

#[path = "../tests/support/partition.rs"]
mod partition;

use partition::{format_segments, parse_file, score};

/// A segmenter: text → predicted segments as byte ranges.
type Segmenter = fn(&str) -> Vec<Range<usize>>;

fn slovo_tokens(text: &str) -> Vec<Range<usize>> {
    slovo::tokenize(text).map(|t| t.span.range()).collect()
}

fn unicode_words(text: &str) -> Vec<Range<usize>> {
    text.split_word_bound_indices()
        .filter(|(_, s)| !s.trim().is_empty())
        .map(|(i, s)| i..i + s.len())
        .collect()
}

/// Modes: name, segmenter, default gold files (in the razdel data directory).
fn slovo_sentences(text: &str) -> Vec<Range<usize>> {
    slovo::sentences(text).map(|s| s.span.range()).collect()
}

fn unicode_sentences(text: &str) -> Vec<Range<usize>> {
    text.split_sentence_bound_indices()
        .filter_map(|(i, s)| {
            let trimmed = s.trim();
            (!trimmed.is_empty()).then(|| {
                let start = i + (s.len() - s.trim_start().len());
                start..start + trimmed.len()
            })
        })
        .collect()
}

const MODES: &[(&str, Segmenter, &[&str])] = &[
    ("tokens", slovo_tokens, TOKEN_FILES),
    ("unicode-words", unicode_words, TOKEN_FILES),
    ("sentences", slovo_sentences, SENTENCE_FILES),
    ("unicode-sentences", unicode_sentences, SENTENCE_FILES),
];

const SENTENCE_FILES: &[&str] = &[
    "syntag_sents_dev.txt",
    "corpora_sents_dev.txt",
    "unit_sents_dev.txt",
];

const TOKEN_FILES: &[&str] = &[
    "syntag_tokens_dev.txt",
    "corpora_tokens_dev.txt",
    "tokens_dev.txt",
    "unit_tokens_dev.txt",
];

/// `shared/data/razdel` next to the crate root or next to one of its ancestors (so it is
/// found from the main checkout and from a worktree below it alike).
fn default_data_dir() -> PathBuf {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    root.ancestors()
        .skip(1)
        .map(|dir| dir.join("shared/data/razdel"))
        .find(|dir| dir.is_dir())
        .unwrap_or_else(|| root.join("../shared/data/razdel"))
}

fn usage() -> String {
    let names: Vec<&str> = MODES.iter().map(|m| m.0).collect();
    format!(
        "usage: segmentation_score MODE [--show N] [--points] [--half even|odd] [FILE...]\n  MODE: {}",
        names.join(" | ")
    )
}

fn main() -> ExitCode {
    let mut args = std::env::args().skip(1);
    let Some(mode_name) = args.next() else {
        eprintln!("{}", usage());
        return ExitCode::from(2);
    };
    let Some(&(_, segment, default_files)) = MODES.iter().find(|m| m.0 == mode_name) else {
        eprintln!("unknown mode {mode_name:?}\n{}", usage());
        return ExitCode::from(2);
    };
    let mut show = 0usize;
    let mut points = false;
    // `Some(0)`: even lines only, `Some(1)`: odd lines only.
    let mut half: Option<usize> = None;
    let mut files: Vec<PathBuf> = Vec::new();
    while let Some(arg) = args.next() {
        if arg == "--points" {
            points = true;
        } else if arg == "--half" {
            match args.next().as_deref() {
                Some("even") => half = Some(0),
                Some("odd") => half = Some(1),
                _ => {
                    eprintln!("--half needs `even` or `odd`\n{}", usage());
                    return ExitCode::from(2);
                }
            }
        } else if arg == "--show" {
            match args.next().and_then(|n| n.parse().ok()) {
                Some(n) => show = n,
                None => {
                    eprintln!("--show needs a number\n{}", usage());
                    return ExitCode::from(2);
                }
            }
        } else {
            files.push(arg.into());
        }
    }
    if files.is_empty() {
        let dir = std::env::var_os("SLOVO_RAZDEL_DIR")
            .map(PathBuf::from)
            .unwrap_or_else(default_data_dir);
        if !dir.is_dir() {
            eprintln!(
                "gold data directory {} not found: pass FILE arguments or set SLOVO_RAZDEL_DIR \
                 (the bundled slices are in tests/data/razdel/)",
                dir.display()
            );
            return ExitCode::from(2);
        }
        files = default_files.iter().map(|f| dir.join(f)).collect();
    }

    println!(
        "{:<28} {:>8} {:>9} {:>8} {:>8} {:>9}",
        "file", "examples", "segments", "missing", "extra", "err/1000"
    );
    for path in &files {
        let contents = match std::fs::read_to_string(path) {
            Ok(c) => c,
            Err(e) => {
                eprintln!("cannot read {}: {e}", path.display());
                return ExitCode::from(2);
            }
        };
        let gold = parse_file(&contents);
        let mut total = partition::Score::default();
        let mut shown = 0;
        let in_half = |i: &usize| half.is_none_or(|h| i % 2 == h);
        for (_, example) in gold.iter().enumerate().filter(|(i, _)| in_half(i)) {
            let predicted = segment(&example.text);
            let s = score(example, &predicted);
            if points && s.errors() > 0 {
                print_points(&example.text, &example.segments, &predicted);
            }
            if s.errors() > 0 && shown < show {
                shown += 1;
                println!("- {}", format_segments(&example.text, &example.segments));
                println!("+ {}", format_segments(&example.text, &predicted));
            }
            total += s;
        }
        let name = path.file_name().map_or_else(
            || path.display().to_string(),
            |n| n.to_string_lossy().into_owned(),
        );
        println!(
            "{:<28} {:>8} {:>9} {:>8} {:>8} {:>9.2}",
            name,
            total.examples,
            total.gold_segments,
            total.missing,
            total.extra,
            total.per_1000()
        );
    }
    ExitCode::SUCCESS
}

/// Prints every wrong split point with some context: `+` extra, `-` missing.
fn print_points(text: &str, gold: &[Range<usize>], predicted: &[Range<usize>]) {
    let gold_points = partition::split_points(gold);
    let predicted_points = partition::split_points(predicted);
    let context = |at: usize| {
        let before: Vec<char> = text[..at].chars().rev().take(50).collect();
        let before: String = before.into_iter().rev().collect();
        let after: String = text[at..].chars().take(30).collect();
        format!("{before}‖{after}")
    };
    for p in predicted_points.iter().filter(|p| !gold_points.contains(p)) {
        println!("+ {}", context(p.0));
    }
    for p in gold_points.iter().filter(|p| !predicted_points.contains(p)) {
        println!("- {}", context(p.0));
    }
}

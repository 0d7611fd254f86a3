//! Gold segmentation data in razdel's partition format, and the naeval error metric.
//!
//! Shared by the integration tests (`tests/lib.rs`) and the scoring program
//! (`examples/segmentation_score.rs`, which includes this file with `#[path]`).
//!
//! Format: one example per line; chunks joined with `|`; the text is the concatenation of
//! all chunks; an empty or whitespace-only chunk is a fill (gap), every other chunk is one
//! expected segment, in order.
//!
//! Metric (razdel / naeval): errors = extra split points + missing split points, reported
//! per 1000 gold segments. A split point is the boundary between two consecutive segments,
//! written as (end of the first, start of the second).
#![allow(dead_code)] // each includer uses a different part

use std::collections::HashSet;
use std::ops::Range;

/// One gold example: its text and the byte spans of its segments.
#[derive(Debug, Clone)]
pub struct Example {
    pub text: String,
    pub segments: Vec<Range<usize>>,
}

impl Example {
    /// Parses one line of a partition file.
    pub fn parse(line: &str) -> Example {
        let mut text = String::with_capacity(line.len());
        let mut segments = Vec::new();
        for chunk in line.split('|') {
            let start = text.len();
            text.push_str(chunk);
            if !chunk.trim().is_empty() {
                segments.push(start..text.len());
            }
        }
        Example { text, segments }
    }

    /// The gold segments' texts.
    pub fn segment_texts(&self) -> Vec<&str> {
        self.segments
            .iter()
            .map(|r| &self.text[r.clone()])
            .collect()
    }
}

/// Parses a whole partition file (skips a trailing empty line, keeps the others).
pub fn parse_file(content: &str) -> Vec<Example> {
    content.lines().map(Example::parse).collect()
}

/// Split points of a segmentation: (end of a segment, start of the next).
pub fn split_points(segments: &[Range<usize>]) -> HashSet<(usize, usize)> {
    segments
        .windows(2)
        .map(|w| (w[0].end, w[1].start))
        .collect()
}

/// Error counts accumulated over many examples.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Score {
    /// Gold segments seen.
    pub gold: usize,
    /// Split points the guess has and the gold does not.
    pub extra: usize,
    /// Split points the gold has and the guess does not.
    pub missing: usize,
    /// Examples with at least one error.
    pub wrong_examples: usize,
    /// Examples seen.
    pub examples: usize,
}

impl Score {
    /// Adds one example's comparison; returns whether it was segmented exactly.
    pub fn add(&mut self, gold: &[Range<usize>], guess: &[Range<usize>]) -> bool {
        let g = split_points(gold);
        let s = split_points(guess);
        let extra = s.difference(&g).count();
        let missing = g.difference(&s).count();
        self.gold += gold.len();
        self.extra += extra;
        self.missing += missing;
        self.examples += 1;
        let exact = extra == 0 && missing == 0;
        if !exact {
            self.wrong_examples += 1;
        }
        exact
    }

    /// Errors (extra + missing).
    pub fn errors(&self) -> usize {
        self.extra + self.missing
    }

    /// Errors per 1000 gold segments.
    pub fn per_1000(&self) -> f64 {
        if self.gold == 0 {
            0.0
        } else {
            self.errors() as f64 * 1000.0 / self.gold as f64
        }
    }
}

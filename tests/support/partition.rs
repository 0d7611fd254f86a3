//! Gold segmentations in razdel's partition format, and the naeval error metric.
//!
//! Shared by the integration tests (`tests/support/mod.rs`) and the scoring tool
//! (`examples/segmentation_score.rs`, which includes this file with `#[path]`), so the numbers
//! a test asserts and the numbers the tool prints come from the same code.
//!
//! Format (see `tests/data/razdel/README.md`): one example per line; the line is a list of
//! chunks joined by `|`; the example's text is the concatenation of the chunks; a chunk that
//! is empty or whitespace-only is fill, every other chunk is one gold segment (a token or a
//! sentence).
//!
//! Metric (razdel / naeval): a *split point* is the pair `(end of segment i, start of segment
//! i + 1)`. Errors are the split points found in only one of gold and prediction (missing +
//! extra), reported per 1000 gold segments.
#![allow(dead_code)]

use std::ops::Range;

/// One gold example: its text and its segments as byte ranges into that text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Partition {
    /// The text of the example (all chunks concatenated).
    pub text: String,
    /// The gold segments, in order, as byte ranges into `text`.
    pub segments: Vec<Range<usize>>,
}

impl Partition {
    /// The gold segments' texts.
    pub fn segment_texts(&self) -> Vec<&str> {
        self.segments
            .iter()
            .map(|s| &self.text[s.clone()])
            .collect()
    }
}

/// Parses one line of the partition format (without its line end).
pub fn parse_line(line: &str) -> Partition {
    let mut text = String::with_capacity(line.len());
    let mut segments = Vec::new();
    for chunk in line.split('|') {
        let start = text.len();
        text.push_str(chunk);
        if !chunk.trim().is_empty() {
            segments.push(start..text.len());
        }
    }
    Partition { text, segments }
}

/// Parses a whole file: one example per `\n`-terminated line. An empty line is an example
/// with empty text (razdel's unit cases have one); the empty piece after the final `\n` is
/// not an example.
pub fn parse_file(contents: &str) -> Vec<Partition> {
    let body = contents.strip_suffix('\n').unwrap_or(contents);
    if body.is_empty() && contents.is_empty() {
        return Vec::new();
    }
    body.split('\n').map(parse_line).collect()
}

/// Error counts of predicted segmentations against gold ones; add scores with `+=`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Score {
    /// Examples scored.
    pub examples: usize,
    /// Gold segments in those examples (the per-1000 denominator).
    pub gold_segments: usize,
    /// Gold split points the prediction does not have.
    pub missing: usize,
    /// Predicted split points the gold does not have.
    pub extra: usize,
}

impl Score {
    /// Missing plus extra split points.
    pub fn errors(&self) -> usize {
        self.missing + self.extra
    }

    /// Errors per 1000 gold segments (0 when there are no gold segments).
    pub fn per_1000(&self) -> f64 {
        if self.gold_segments == 0 {
            0.0
        } else {
            self.errors() as f64 * 1000.0 / self.gold_segments as f64
        }
    }
}

impl std::ops::AddAssign for Score {
    fn add_assign(&mut self, other: Score) {
        self.examples += other.examples;
        self.gold_segments += other.gold_segments;
        self.missing += other.missing;
        self.extra += other.extra;
    }
}

/// The split points of a segmentation: `(end_i, start_{i+1})` for consecutive segments.
pub fn split_points(segments: &[Range<usize>]) -> Vec<(usize, usize)> {
    segments
        .windows(2)
        .map(|w| (w[0].end, w[1].start))
        .collect()
}

/// Scores predicted segments (byte ranges into `gold.text`, in order) against one gold
/// example.
pub fn score(gold: &Partition, predicted: &[Range<usize>]) -> Score {
    let mut gold_points = split_points(&gold.segments);
    let mut predicted_points = split_points(predicted);
    gold_points.sort_unstable();
    predicted_points.sort_unstable();
    let (mut g, mut p) = (0, 0);
    let (mut missing, mut extra) = (0, 0);
    while g < gold_points.len() && p < predicted_points.len() {
        match gold_points[g].cmp(&predicted_points[p]) {
            std::cmp::Ordering::Equal => {
                g += 1;
                p += 1;
            }
            std::cmp::Ordering::Less => {
                missing += 1;
                g += 1;
            }
            std::cmp::Ordering::Greater => {
                extra += 1;
                p += 1;
            }
        }
    }
    missing += gold_points.len() - g;
    extra += predicted_points.len() - p;
    Score {
        examples: 1,
        gold_segments: gold.segments.len(),
        missing,
        extra,
    }
}

/// Scores a segmenter (text → predicted byte ranges) on every example.
pub fn score_all<F>(gold: &[Partition], mut segment: F) -> Score
where
    F: FnMut(&str) -> Vec<Range<usize>>,
{
    let mut total = Score::default();
    for example in gold {
        total += score(example, &segment(&example.text));
    }
    total
}

/// Writes the example in partition format with predicted segments (fill between them kept),
/// for showing a prediction next to its gold line.
pub fn format_segments(text: &str, segments: &[Range<usize>]) -> String {
    let mut out = String::with_capacity(text.len() + 2 * segments.len());
    let mut pos = 0;
    for (i, s) in segments.iter().enumerate() {
        let fill = &text[pos..s.start];
        if i > 0 {
            out.push('|');
            out.push_str(fill);
            out.push('|');
        } else if !fill.is_empty() {
            out.push_str(fill);
            out.push('|');
        }
        out.push_str(&text[s.clone()]);
        pos = s.end;
    }
    if pos < text.len() {
        if !segments.is_empty() {
            out.push('|');
        }
        out.push_str(&text[pos..]);
    }
    out
}

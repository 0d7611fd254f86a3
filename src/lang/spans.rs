//! Per-span detection for mixed-language text.
//!
//! Words are scored one by one with the Cyrillic model (n-grams never cross a word, so
//! word scores add up to sentence and document scores exactly). The document's
//! language is the prior: a sentence takes another language only when that language
//! beats the document's by [`SENTENCE_MARGIN`], and inside a sentence a run of
//! consecutive words takes another language only when each word leans that way and
//! the run beats the sentence's language by [`RUN_MARGIN`]. Runs in another script
//! go to `whatlang` and keep its answer when it is reliable; otherwise they join
//! their neighbours.

use std::ops::Range;

use super::model::{cyrillic_letter_byte, Model, Scores, MODEL_LANGS, N};
use super::{Detection, Detector, Lang, LangSpan, Script};
use crate::span::Span;

/// Log-likelihood lead (nats) another language needs over the document's language to
/// claim a whole sentence.
const SENTENCE_MARGIN: f32 = 12.0;
/// Lead a word needs over the sentence's language to start or extend a run.
const WORD_MARGIN: f32 = 4.0;
/// Lead a run of such words needs, summed, to become a span of its own …
const RUN_MARGIN: f32 = 12.0;
/// … and per letter (a long Russian-spelled name leans Kazakh a little on every letter;
/// a Kazakh phrase leans hard on its own letters).
const RUN_MARGIN_PER_LETTER: f32 = 2.0;

#[derive(Debug, Clone)]
struct Word {
    range: Range<usize>,
    cyrillic: bool,
    /// Letters outside the Cyrillic block.
    other_letters: u32,
    /// Starts a new sentence.
    sentence_start: bool,
    scores: Scores,
    /// Weight in a span's confidence: the scored letters, at least 1, of each word
    /// merged into this one.
    weight: u32,
}

/// What a word was assigned: a language with script and confidence, or nothing yet
/// (it will join a neighbour).
type Label = Option<(Lang, Script, f64)>;

pub(super) fn detect_spans(detector: &Detector, text: &str) -> Vec<LangSpan> {
    if text.is_empty() {
        return Vec::new();
    }
    let words = split_words(text);
    // The document's language: the same decision as `Detector::detect`, from the word
    // scores already at hand when the text is mostly Cyrillic.
    let mut document = Scores::default();
    let mut other_letters = 0;
    for w in &words {
        document.add(&w.scores);
        other_letters += w.other_letters;
    }
    let doc = if document.letters == 0 && other_letters == 0 {
        Detection::unknown(Script::Unknown)
    } else if document.letters >= other_letters {
        detector.decide_cyrillic(&document)
    } else {
        detector.detect_other_script(text)
    };
    // For spans, the document's Cyrillic language is the most likely one, unless the
    // words leaning towards it hold less than half of the letters: then it is the one
    // most letters vote for (each word votes for its own best language), so that a
    // short text with a strongly marked foreign name keeps its main language.
    let doc_index = if doc.script == Script::Cyrillic {
        let likely = MODEL_LANGS.iter().position(|&l| l == doc.lang);
        let voted = letter_vote(detector, words.iter().filter(|w| w.cyrillic));
        match (likely, voted) {
            (Some(m), Some(v)) if m != v => {
                let leaning: u32 = words
                    .iter()
                    .filter(|w| {
                        let logp = w.scores.logp();
                        w.cyrillic && logp[m] > logp[v]
                    })
                    .map(|w| w.scores.letters)
                    .sum();
                Some(if 2 * leaning < document.letters { v } else { m })
            }
            _ => likely.or(voted),
        }
    } else {
        MODEL_LANGS.iter().position(|&l| l == doc.lang)
    };

    let mut labels: Vec<Label> = vec![None; words.len()];
    let mut start = 0;
    while start < words.len() {
        // One sentence, then runs of one script class inside it.
        let mut end = start + 1;
        while end < words.len() && !words[end].sentence_start {
            end += 1;
        }
        let mut run = start;
        while run < end {
            let mut run_end = run + 1;
            while run_end < end && words[run_end].cyrillic == words[run].cyrillic {
                run_end += 1;
            }
            if words[run].cyrillic {
                label_cyrillic_run(
                    detector,
                    &words[run..run_end],
                    doc_index,
                    &document,
                    &mut labels[run..run_end],
                );
            } else {
                let d = if run == 0 && run_end == words.len() {
                    doc
                } else {
                    detector.detect(&text[words[run].range.start..words[run_end - 1].range.end])
                };
                if d.is_reliable() && d.lang != Lang::Unknown {
                    labels[run..run_end].fill(Some((d.lang, d.script, d.confidence)));
                }
            }
            run = run_end;
        }
        start = end;
    }

    build_spans(detector, text, &words, &labels, doc)
}

/// Labels the words of one Cyrillic run of one sentence.
fn label_cyrillic_run(
    detector: &Detector,
    words: &[Word],
    doc_index: Option<usize>,
    document: &Scores,
    labels: &mut [Label],
) {
    let mut total = Scores::default();
    for w in words {
        total.add(&w.scores);
    }
    let Some((mut lang, _)) = detector.posterior(&total) else {
        return;
    };
    if total.letters < super::MIN_LETTERS {
        return;
    }
    let total_logp = total.logp();
    if let Some(doc) = doc_index.filter(|&d| detector.model_allowed[d]) {
        // The sentence keeps the document's language unless another one leads by a
        // margin *and* the words leaning that way hold at least half of its letters
        // (otherwise the lead comes from a foreign name, which becomes a run below).
        let leaning: u32 = words
            .iter()
            .filter(|w| {
                let logp = w.scores.logp();
                logp[lang] > logp[doc]
            })
            .map(|w| w.scores.letters)
            .sum();
        if lang != doc
            && (total_logp[lang] - total_logp[doc] < SENTENCE_MARGIN
                || 2 * leaning < total.letters
                || detector.posterior_of(&total, lang) < super::RELIABLE_CONFIDENCE)
        {
            lang = doc;
        }
    }
    let confidence = detector.posterior_of(&total, lang);
    labels.fill(Some((MODEL_LANGS[lang], Script::Cyrillic, confidence)));

    // Runs of words that lean clearly towards another language.
    let leans = |w: &Word| -> bool {
        let logp = w.scores.logp();
        (0..N)
            .any(|l| l != lang && detector.model_allowed[l] && logp[l] - logp[lang] >= WORD_MARGIN)
    };
    let mut i = 0;
    while i < words.len() {
        if !leans(&words[i]) {
            i += 1;
            continue;
        }
        let mut j = i + 1;
        while j < words.len() && leans(&words[j]) {
            j += 1;
        }
        let mut group = Scores::default();
        for w in &words[i..j] {
            group.add(&w.scores);
        }
        if let Some((other, _)) = detector.posterior(&group) {
            let group_logp = group.logp();
            let lead = group_logp[other] - group_logp[lang];
            // The rest of the document must clearly not be in the run's language.
            let rest = document.without(&group);
            let rest_logp = rest.logp();
            let rest_lead = (0..N)
                .filter(|&l| l != other)
                .map(|l| rest_logp[l] - rest_logp[other])
                .fold(f32::NEG_INFINITY, f32::max);
            if other != lang
                && lead >= RUN_MARGIN
                && lead >= RUN_MARGIN_PER_LETTER * group.letters as f32
                && detector.posterior_of(&group, other) >= super::RELIABLE_CONFIDENCE
                && rest.letters > 0
                && rest_lead >= RUN_MARGIN
            {
                let confidence = detector.posterior_of(&group, other);
                labels[i..j].fill(Some((MODEL_LANGS[other], Script::Cyrillic, confidence)));
            }
        }
        i = j;
    }
}

/// The allowed model language that the most letters vote for.
fn letter_vote<'a>(detector: &Detector, words: impl Iterator<Item = &'a Word>) -> Option<usize> {
    let mut votes = [0u32; N];
    for w in words {
        if let Some((best, _)) = detector.posterior(&w.scores) {
            votes[best] += w.scores.letters;
        }
    }
    (0..N)
        .filter(|&l| detector.model_allowed[l] && votes[l] > 0)
        .max_by_key(|&l| votes[l])
}

/// Turns word labels into spans that partition the text.
fn build_spans(
    detector: &Detector,
    text: &str,
    words: &[Word],
    labels: &[Label],
    doc: Detection,
) -> Vec<LangSpan> {
    // Unlabelled words join the previous labelled word, or the next one at the start.
    let mut resolved: Vec<Label> = labels.to_vec();
    let mut last: Label = None;
    for label in resolved.iter_mut() {
        match label {
            Some(_) => last = *label,
            None => *label = last,
        }
    }
    let mut next: Label = None;
    for label in resolved.iter_mut().rev() {
        match label {
            Some(_) => next = *label,
            None => *label = next,
        }
    }

    let mut spans: Vec<LangSpan> = Vec::new();
    // Per span: summed word scores (for model languages) and the letter-weighted sum
    // of label confidences with its weight (for the others).
    let mut sums: Vec<(Scores, f64, f64)> = Vec::new();
    for (word, label) in words.iter().zip(&resolved) {
        let (lang, script, confidence) = label.unwrap_or((doc.lang, doc.script, doc.confidence));
        let weight = f64::from(word.weight);
        match spans.last_mut() {
            Some(span) if span.lang == lang => {
                if let Some(sum) = sums.last_mut() {
                    sum.0.add(&word.scores);
                    sum.1 += confidence * weight;
                    sum.2 += weight;
                }
            }
            _ => {
                if let Some(prev) = spans.last_mut() {
                    prev.span.end = word.range.start;
                }
                let begin = if spans.is_empty() {
                    0
                } else {
                    word.range.start
                };
                spans.push(LangSpan {
                    lang,
                    script,
                    confidence: 0.0,
                    span: Span::new(begin, text.len()),
                });
                sums.push((word.scores, confidence * weight, weight));
            }
        }
    }
    for (span, (scores, weighted, weight)) in spans.iter_mut().zip(&sums) {
        let model_index = MODEL_LANGS.iter().position(|&l| l == span.lang);
        span.confidence = match model_index {
            Some(index) if scores.letters > 0 => detector.posterior_of(scores, index),
            _ => (weighted / weight).clamp(0.0, 1.0),
        };
    }
    if spans.is_empty() {
        spans.push(LangSpan {
            lang: doc.lang,
            script: doc.script,
            confidence: doc.confidence,
            span: Span::new(0, text.len()),
        });
    }
    spans
}

fn is_word_char(c: char) -> bool {
    c.is_alphabetic() || matches!(c, '\u{300}'..='\u{36F}')
}

fn is_joiner(c: char) -> bool {
    matches!(c, '\'' | '’' | 'ʼ' | '-' | '‐')
}

/// Words (letter runs, with internal apostrophes and hyphens) and their scores.
fn split_words(text: &str) -> Vec<Word> {
    let model = Model::bundled();
    let mut words = Vec::new();
    let mut chars = text.char_indices().peekable();
    let mut gap_start = 0;
    while let Some((i, c)) = chars.next() {
        if !is_word_char(c) {
            continue;
        }
        let mut end = i + c.len_utf8();
        let mut cyrillic = 0u32;
        let mut other = 0u32;
        let mut count = |c: char| {
            if cyrillic_letter_byte(c).is_some() {
                cyrillic += 1;
            } else if c.is_alphabetic() {
                other += 1;
            }
        };
        count(c);
        while let Some(&(j, d)) = chars.peek() {
            if is_word_char(d) {
                count(d);
                end = j + d.len_utf8();
                chars.next();
            } else if is_joiner(d)
                && text[j + d.len_utf8()..]
                    .chars()
                    .next()
                    .is_some_and(is_word_char)
            {
                end = j + d.len_utf8();
                chars.next();
            } else {
                break;
            }
        }
        let gap = &text[gap_start..i];
        let sentence_start = words.is_empty() || ends_sentence(gap);
        let mut scores = Scores::default();
        let _ = model.score_text(&text[i..end], &mut scores);
        let word = Word {
            range: i..end,
            cyrillic: cyrillic >= other,
            other_letters: other,
            sentence_start,
            weight: scores.letters.max(1),
            scores,
        };
        gap_start = end;
        // Consecutive non-Cyrillic words of one sentence are always labelled together
        // (as one run, from the run's text), so they are kept as one entry: a long line
        // of Latin words costs one entry, not one per word.
        if let Some(last) = words
            .last_mut()
            .filter(|last: &&mut Word| !last.cyrillic && !word.cyrillic && !word.sentence_start)
        {
            last.range.end = word.range.end;
            last.other_letters = last.other_letters.saturating_add(word.other_letters);
            last.scores.add(&word.scores);
            last.weight = last.weight.saturating_add(word.weight);
            continue;
        }
        words.push(word);
    }
    words
}

/// Whether the text between two words ends a sentence: a line break, or a sentence
/// mark followed by whitespace.
fn ends_sentence(gap: &str) -> bool {
    let mut seen_mark = false;
    for c in gap.chars() {
        if c == '\n' {
            return true;
        }
        if matches!(c, '.' | '!' | '?' | '…') {
            seen_mark = true;
        } else if seen_mark && c.is_whitespace() {
            return true;
        }
    }
    false
}

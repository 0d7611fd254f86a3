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

/// Log-likelihood lead (nats) another language needs over the document's language to
/// claim a whole sentence.
const SENTENCE_MARGIN: f32 = 12.0;
/// Lead a word needs over the sentence's language to start or extend a run.
const WORD_MARGIN: f32 = 4.0;
/// Lead a run of such words needs, summed, to become a span of its own.
const RUN_MARGIN: f32 = 12.0;

#[derive(Debug, Clone)]
struct Word {
    range: Range<usize>,
    cyrillic: bool,
    /// Starts a new sentence.
    sentence_start: bool,
    scores: Scores,
}

/// What a word was assigned: a language with script and confidence, or nothing yet
/// (it will join a neighbour).
type Label = Option<(Lang, Script, f64)>;

pub(super) fn detect_spans(detector: &Detector, text: &str) -> Vec<LangSpan> {
    if text.is_empty() {
        return Vec::new();
    }
    let words = split_words(text);
    let mut document = Scores::default();
    for w in words.iter().filter(|w| w.cyrillic) {
        document.add(&w.scores);
    }
    let doc = detector.detect(text);
    let doc_index = MODEL_LANGS.iter().position(|&l| l == doc.lang);

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
                    &mut labels[run..run_end],
                );
            } else {
                let slice = &text[words[run].range.start..words[run_end - 1].range.end];
                let d = detector.detect(slice);
                if d.is_reliable() && d.lang != Lang::Unknown {
                    labels[run..run_end].fill(Some((d.lang, d.script, d.confidence)));
                }
            }
            run = run_end;
        }
        start = end;
    }

    build_spans(text, &words, &labels, doc)
}

/// Labels the words of one Cyrillic run of one sentence.
fn label_cyrillic_run(
    detector: &Detector,
    words: &[Word],
    doc_index: Option<usize>,
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
    if let Some(doc) = doc_index {
        if lang != doc && total.logp[lang] - total.logp[doc] < SENTENCE_MARGIN {
            lang = doc;
        }
    }
    let confidence = detector.posterior_of(&total, lang);
    labels.fill(Some((MODEL_LANGS[lang], Script::Cyrillic, confidence)));

    // Runs of words that lean clearly towards another language.
    let leans = |w: &Word| -> bool {
        (0..N).any(|l| {
            l != lang
                && detector.model_allowed[l]
                && w.scores.logp[l] - w.scores.logp[lang] >= WORD_MARGIN
        })
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
            if other != lang && group.logp[other] - group.logp[lang] >= RUN_MARGIN {
                let confidence = detector.posterior_of(&group, other);
                labels[i..j].fill(Some((MODEL_LANGS[other], Script::Cyrillic, confidence)));
            }
        }
        i = j;
    }
}

/// Turns word labels into spans that partition the text.
fn build_spans(text: &str, words: &[Word], labels: &[Label], doc: Detection) -> Vec<LangSpan> {
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
    let mut weights: Vec<f64> = Vec::new();
    for (word, label) in words.iter().zip(&resolved) {
        let (lang, script, confidence) = label.unwrap_or((doc.lang, doc.script, doc.confidence));
        let weight = f64::from(word.scores.letters.max(1));
        match spans.last_mut() {
            Some(span) if span.lang == lang => {
                if let Some(w) = weights.last_mut() {
                    span.confidence += confidence * weight;
                    *w += weight;
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
                    confidence: confidence * weight,
                    span: begin..text.len(),
                });
                weights.push(weight);
            }
        }
    }
    for (span, weight) in spans.iter_mut().zip(&weights) {
        span.confidence = (span.confidence / weight).clamp(0.0, 1.0);
    }
    if spans.is_empty() {
        spans.push(LangSpan {
            lang: doc.lang,
            script: doc.script,
            confidence: doc.confidence,
            span: 0..text.len(),
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
        model.score_text(&text[i..end], &mut scores);
        words.push(Word {
            range: i..end,
            cyrillic: cyrillic >= other,
            sentence_start,
            scores,
        });
        gap_start = end;
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

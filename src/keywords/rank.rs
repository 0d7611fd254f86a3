//! Scoring of words and phrases, and the choice of the final list.

use foldhash::HashMap;

use super::background::Background;
use super::scan::{Case, Scan, TermStats, LEAD_SENTENCES, NO_TERM};
use super::Keyword;
use crate::span::Span;

/// Number of ranking features.
pub(crate) const NF: usize = 25;

/// Weights of the features, a logistic regression fitted on the even-numbered documents of
/// the keyword dev set (see [`examples/keywords_eval.rs`](https://github.com/slovo-nlp/slovo/blob/main/examples/keywords_eval.rs)).
const WEIGHTS: [f64; NF] = [
    -6.04613, 0.60295, 0.40147, 0.38572, -0.11040, -0.23245, 1.05142, 0.19383, 0.48504, -1.79390,
    -1.64799, -1.91313, 3.85830, -0.12808, -2.12614, -0.47515, 0.43248, 0.35591, 0.14805, 0.92734,
    0.15556, -0.07634, -0.17775, 0.06281, -0.61286,
];

/// The weights of the ranking signals.
#[derive(Debug, Clone)]
pub(crate) struct Params {
    w: [f64; NF],
    tf_p: f64,
    idf_p: f64,
    ng_min: f64,
    margin: f64,
    absorb: f64,
}

impl Default for Params {
    fn default() -> Self {
        Params {
            w: WEIGHTS,
            tf_p: 0.7,
            idf_p: 0.5,
            ng_min: 2.0,
            margin: 0.0,
            absorb: 0.75,
        }
    }
}

impl Params {
    #[cfg(feature = "keyword-tuning")]
    pub(crate) fn set(&mut self, name: &str, value: f64) {
        if let Some(i) = name.strip_prefix('w').and_then(|i| i.parse::<usize>().ok()) {
            if i < NF {
                self.w[i] = value;
            }
            return;
        }
        match name {
            "tf_p" => self.tf_p = value,
            "idf_p" => self.idf_p = value,
            "ng_min" => self.ng_min = value,
            "margin" => self.margin = value,
            "absorb" => self.absorb = value,
            _ => {}
        }
    }
}

pub(crate) struct Candidate {
    /// Term ids of the words, in order.
    pub terms: Vec<u32>,
    pub features: [f64; NF],
    pub score: f64,
    pub count: u32,
}

#[derive(Default)]
struct NgramStats {
    count: u32,
    first_sentence: u32,
    first_word: u32,
    last_sentence: u32,
    sentences: u32,
    capital: u32,
    upper: u32,
    lead: u32,
}

fn ratio(a: u32, b: u32) -> f64 {
    if b == 0 {
        0.0
    } else {
        f64::from(a) / f64::from(b)
    }
}

fn heuristic(p: &Params, tf: f64, idf: f64, first_sentence: u32, capital: f64, class: f64) -> f64 {
    tf.powf(p.tf_p)
        * idf.powf(p.idf_p)
        * (1.0 + 1.0 / (1.0 + f64::from(first_sentence)))
        * (1.0 + 0.5 * capital)
        * class
}

fn unigram_features(p: &Params, scan: &Scan, t: &TermStats, bg: &Background) -> [f64; NF] {
    let mut x = [0.0; NF];
    let idf = bg.idf(&t.stem);
    let n = t.count.max(1);
    let capital = ratio(t.inner_capital, t.inner);
    let verb = ratio(t.verb, n);
    let adj = ratio(t.adjective, n);
    let adv = ratio(t.adverb, n);
    x[0] = 1.0;
    x[1] = f64::from(t.count).ln();
    x[2] = idf.ln();
    x[3] = 1.0 / (1.0 + f64::from(t.first_sentence));
    x[4] = (1.0 + f64::from(t.first_sentence)).ln();
    x[5] = f64::from(u8::from(t.first_sentence == 0));
    x[6] = capital;
    x[7] = f64::from(u8::from(t.inner == 0));
    x[8] = ratio(t.upper, n);
    x[9] = verb;
    x[10] = adj;
    x[11] = adv;
    x[12] = ratio(t.sentences, scan.sentences);
    x[13] = (t.stem.chars().count() as f64).ln();
    x[14] = f64::from(u8::from(!t.stem.chars().any(is_cyrillic)));
    let class = (1.0 - 0.8 * verb - 0.6 * adj - 0.8 * adv).max(0.05);
    x[19] = heuristic(p, f64::from(t.count), idf, t.first_sentence, capital, class).ln();
    x[20] = ratio(t.first_word, scan.words.len() as u32);
    x[21] = x[1] * x[2];
    x[22] = x[6] * x[1];
    x[23] = f64::from(t.lead).ln_1p();
    x
}

fn is_cyrillic(c: char) -> bool {
    ('\u{400}'..='\u{4ff}').contains(&c)
}

/// All candidates with their features and scores, unsorted.
pub(crate) fn candidates(
    scan: &Scan,
    bg: &Background,
    p: &Params,
    max_len: usize,
) -> Vec<Candidate> {
    let score = |x: &[f64; NF]| x.iter().zip(&p.w).map(|(a, b)| a * b).sum::<f64>();
    let mut out: Vec<Candidate> = scan
        .terms
        .iter()
        .enumerate()
        .map(|(i, t)| {
            let features = unigram_features(p, scan, t, bg);
            Candidate {
                terms: vec![i as u32],
                score: score(&features),
                features,
                count: t.count,
            }
        })
        .collect();
    if max_len < 2 {
        return out;
    }
    let mut ngrams: HashMap<Vec<u32>, NgramStats> = HashMap::default();
    let words = &scan.words;
    let mut key: Vec<u32> = Vec::with_capacity(max_len);
    for start in 0..words.len() {
        if words[start].term == NO_TERM {
            continue;
        }
        key.clear();
        key.push(words[start].term);
        let mut capital = words[start].case != Case::Lower;
        let mut upper = words[start].case == Case::Upper;
        for w in words.iter().skip(start + 1).take(max_len - 1) {
            if w.break_before || w.term == NO_TERM {
                break;
            }
            key.push(w.term);
            capital &= w.case != Case::Lower;
            upper &= w.case == Case::Upper;
            let sentence = words[start].sentence;
            // Look up before inserting: most occurrences repeat a known n-gram, and the
            // key is only copied for a new one.
            if !ngrams.contains_key(&key) {
                ngrams.insert(
                    key.clone(),
                    NgramStats {
                        first_sentence: sentence,
                        first_word: start as u32,
                        last_sentence: sentence,
                        sentences: 1,
                        ..NgramStats::default()
                    },
                );
            }
            let Some(s) = ngrams.get_mut(&key) else {
                continue;
            };
            s.count += 1;
            s.capital += u32::from(capital);
            s.upper += u32::from(upper);
            s.lead += u32::from(sentence < LEAD_SENTENCES);
            if s.last_sentence != sentence {
                s.sentences += 1;
                s.last_sentence = sentence;
            }
        }
    }
    let mut share = vec![0.0f64; scan.terms.len()];
    for (key, s) in &ngrams {
        for &t in key {
            let own = scan.terms[t as usize].count.max(1);
            let v = &mut share[t as usize];
            *v = v.max(ratio(s.count, own));
        }
    }
    for (c, v) in out.iter_mut().zip(&share) {
        c.features[24] = *v;
        c.score = score(&c.features);
    }
    for (key, s) in ngrams {
        if f64::from(s.count) < p.ng_min {
            continue;
        }
        let parts: Vec<&TermStats> = key.iter().map(|&t| &scan.terms[t as usize]).collect();
        let (Some(first), Some(last)) = (parts.first(), parts.last()) else {
            continue;
        };
        let n = key.len() as f64;
        let idf = parts.iter().map(|t| bg.idf(&t.stem)).sum::<f64>() / n;
        let min_part = parts.iter().map(|t| t.count).min().unwrap_or(1).max(1);
        let max_part = parts.iter().map(|t| t.count).max().unwrap_or(1).max(1);
        let capital = ratio(s.capital, s.count);
        let lc = last.count.max(1);
        let mut x = [0.0; NF];
        x[0] = 1.0;
        x[1] = f64::from(s.count).ln();
        x[2] = idf.ln();
        x[3] = 1.0 / (1.0 + f64::from(s.first_sentence));
        x[4] = (1.0 + f64::from(s.first_sentence)).ln();
        x[5] = f64::from(u8::from(s.first_sentence == 0));
        x[6] = capital;
        x[8] = ratio(s.upper, s.count);
        x[9] = ratio(last.verb, lc);
        x[10] = ratio(last.adjective, lc);
        x[11] = ratio(last.adverb, lc);
        x[12] = ratio(s.sentences, scan.sentences);
        x[13] = (parts.iter().map(|t| t.stem.chars().count()).sum::<usize>() as f64).ln();
        x[14] = f64::from(u8::from(
            !parts.iter().any(|t| t.stem.chars().any(is_cyrillic)),
        ));
        x[15] = 1.0;
        x[16] = (f64::from(s.count) / f64::from(min_part)).ln();
        x[17] = ratio(first.adjective, first.count.max(1));
        x[18] = f64::from(max_part).ln();
        let class = (1.0 - 0.8 * x[9] - 0.6 * x[10] - 0.8 * x[11]).max(0.05);
        x[19] =
            (heuristic(p, f64::from(s.count), idf, s.first_sentence, capital, class) * 1.25).ln();
        x[20] = ratio(s.first_word, words.len() as u32);
        x[21] = x[1] * x[2];
        x[22] = x[6] * x[1];
        x[23] = f64::from(s.lead).ln_1p();
        let sc = score(&x);
        out.push(Candidate {
            terms: key,
            features: x,
            score: sc,
            count: s.count,
        });
    }
    out
}

pub(crate) fn rank(
    text: &str,
    scan: &Scan,
    bg: &Background,
    p: &Params,
    k: usize,
    max_len: usize,
    min_score: f64,
) -> Vec<Keyword> {
    let mut all = candidates(scan, bg, p, max_len);
    let n_terms = scan.terms.len();
    // Phrases come out of a hash map: put them in a fixed order (best first), so that
    // ties below are settled the same way on every run.
    if let Some(phrases) = all.get_mut(n_terms..) {
        phrases.sort_by(|a, b| {
            b.score
                .total_cmp(&a.score)
                .then_with(|| a.terms.cmp(&b.terms))
        });
    }
    let mut unigram: Vec<f64> = all.iter().take(n_terms).map(|c| c.score).collect();
    // A word that nearly always stands inside one phrase ("Дональд" in "Дональд Трамп",
    // "US" in "US Open") is shown as that phrase, at the better of the two scores.
    let mut absorbed_by: Vec<Option<(f64, usize)>> = vec![None; n_terms];
    for (i, c) in all.iter().enumerate().skip(n_terms) {
        for &t in &c.terms {
            let own = all[t as usize].count.max(1);
            let share = f64::from(c.count) / f64::from(own);
            let slot = &mut absorbed_by[t as usize];
            if share >= p.absorb && slot.is_none_or(|(best, _)| share > best) {
                *slot = Some((share, i));
            }
        }
    }
    let mut forced = vec![false; all.len()];
    for (t, slot) in absorbed_by.iter().enumerate() {
        if let Some((_, i)) = *slot {
            forced[i] = true;
            all[i].score = all[i].score.max(unigram[t]);
            unigram[t] = f64::NEG_INFINITY;
        }
    }
    for (t, u) in unigram.iter().enumerate() {
        all[t].score = *u;
    }
    // Otherwise a phrase is kept only where it outranks every word it is made of.
    let mut keep = forced.into_iter();
    all.retain(|c| {
        let forced = keep.next().unwrap_or(false);
        (c.terms.len() == 1 && c.score > f64::NEG_INFINITY)
            || forced
            || c.terms
                .iter()
                .all(|&t| c.score > unigram.get(t as usize).copied().unwrap_or(0.0) + p.margin)
    });
    all.sort_by(|a, b| {
        b.score
            .total_cmp(&a.score)
            .then_with(|| a.terms.cmp(&b.terms))
    });
    all.truncate(k);
    all.into_iter()
        .map(|c| (probability(c.score), c))
        .filter(|(probability, _)| *probability >= min_score)
        .map(|(probability, c)| materialize(text, scan, &c.terms, probability))
        .collect()
}

/// Finds the occurrences of a candidate and its most frequent written form.
pub(crate) fn materialize(text: &str, scan: &Scan, terms: &[u32], score: f64) -> Keyword {
    let words = &scan.words;
    let n = terms.len();
    let mut spans: Vec<Span> = Vec::new();
    let mut i = 0;
    while i + n <= words.len() {
        let matches =
            (0..n).all(|j| words[i + j].term == terms[j] && (j == 0 || !words[i + j].break_before));
        if matches {
            spans.push(Span::new(words[i].span.start, words[i + n - 1].span.end));
            i += n;
        } else {
            i += 1;
        }
    }
    let mut forms: HashMap<&str, (u32, usize)> = HashMap::default();
    for (order, span) in spans.iter().enumerate() {
        let form = text.get(span.range()).unwrap_or("");
        forms.entry(form).or_insert((0, order)).0 += 1;
    }
    let phrase = forms
        .into_iter()
        .max_by(|a, b| a.1 .0.cmp(&b.1 .0).then(b.1 .1.cmp(&a.1 .1)))
        .map(|(form, _)| form.split_whitespace().collect::<Vec<_>>().join(" "))
        .unwrap_or_default();
    let stem_key = terms
        .iter()
        .map(|&t| scan.terms[t as usize].stem.as_str())
        .collect::<Vec<_>>()
        .join(" ");
    Keyword {
        phrase,
        stem_key,
        score,
        spans,
    }
}

/// The model's log-odds as a probability in `(0, 1)`.
fn probability(log_odds: f64) -> f64 {
    1.0 / (1.0 + (-log_odds).exp())
}

//! Scoring of words and phrases, and the choice of the final list.

use std::collections::HashMap;
use std::ops::Range;

use super::background::Background;
use super::scan::{Case, Scan, NO_TERM};
use super::Keyword;

/// The weights of the ranking signals.
#[derive(Debug, Clone)]
pub(crate) struct Params {
    tf_p: f64,
    idf_p: f64,
    pos_a: f64,
    pos_p: f64,
    case_a: f64,
    upper_a: f64,
    spread_p: f64,
    ng_bonus: f64,
    ng_min: f64,
    verb_pen: f64,
    adj_pen: f64,
    adv_pen: f64,
    drop_parts: f64,
}

impl Default for Params {
    fn default() -> Self {
        Params {
            tf_p: 0.5,
            idf_p: 1.0,
            pos_a: 1.0,
            pos_p: 1.0,
            case_a: 0.5,
            upper_a: 0.5,
            spread_p: 0.0,
            ng_bonus: 1.5,
            ng_min: 2.0,
            verb_pen: 0.8,
            adj_pen: 0.6,
            adv_pen: 0.8,
            drop_parts: 0.0,
        }
    }
}

impl Params {
    pub(crate) fn set(&mut self, name: &str, value: f64) {
        match name {
            "tf_p" => self.tf_p = value,
            "idf_p" => self.idf_p = value,
            "pos_a" => self.pos_a = value,
            "pos_p" => self.pos_p = value,
            "case_a" => self.case_a = value,
            "upper_a" => self.upper_a = value,
            "spread_p" => self.spread_p = value,
            "ng_bonus" => self.ng_bonus = value,
            "ng_min" => self.ng_min = value,
            "verb_pen" => self.verb_pen = value,
            "adj_pen" => self.adj_pen = value,
            "adv_pen" => self.adv_pen = value,
            "drop_parts" => self.drop_parts = value,
            _ => {}
        }
    }
}

struct Candidate {
    /// Term ids of the words, in order.
    terms: Vec<u32>,
    score: f64,
}

#[derive(Default)]
struct NgramStats {
    count: u32,
    first_sentence: u32,
    capital: u32,
}

pub(crate) fn rank(
    text: &str,
    scan: &Scan,
    bg: &Background,
    p: &Params,
    k: usize,
    max_len: usize,
) -> Vec<Keyword> {
    let unigram: Vec<f64> = scan
        .terms
        .iter()
        .map(|t| {
            let tf = f64::from(t.count).powf(p.tf_p);
            let idf = bg.idf(&t.stem).powf(p.idf_p);
            let pos = 1.0 + p.pos_a / (1.0 + f64::from(t.first_sentence)).powf(p.pos_p);
            let capital = if t.inner > 0 {
                f64::from(t.inner_capital) / f64::from(t.inner)
            } else {
                0.0
            };
            let upper = f64::from(t.upper) / f64::from(t.count.max(1));
            let case = (1.0 + p.case_a * capital) * (1.0 + p.upper_a * upper);
            let spread = (f64::from(t.sentences) / f64::from(t.count.max(1))).powf(p.spread_p);
            let n = f64::from(t.count.max(1));
            let class = (1.0
                - p.verb_pen * f64::from(t.verb) / n
                - p.adj_pen * f64::from(t.adjective) / n
                - p.adv_pen * f64::from(t.adverb) / n)
                .max(0.05);
            tf * idf * pos * case * spread * class
        })
        .collect();

    let mut candidates: Vec<Candidate> = unigram
        .iter()
        .enumerate()
        .map(|(i, &score)| Candidate {
            terms: vec![i as u32],
            score,
        })
        .collect();

    if max_len >= 2 {
        let mut ngrams: HashMap<Vec<u32>, NgramStats> = HashMap::new();
        let words = &scan.words;
        for start in 0..words.len() {
            if words[start].term == NO_TERM {
                continue;
            }
            let mut key = vec![words[start].term];
            let mut capital = words[start].initial || words[start].case != Case::Lower;
            for w in words.iter().skip(start + 1).take(max_len - 1) {
                if w.break_before || w.term == NO_TERM {
                    break;
                }
                key.push(w.term);
                capital &= w.case != Case::Lower;
                let s = ngrams.entry(key.clone()).or_insert_with(|| NgramStats {
                    first_sentence: words[start].sentence,
                    ..NgramStats::default()
                });
                s.count += 1;
                s.capital += u32::from(capital);
            }
        }
        for (key, s) in ngrams {
            if f64::from(s.count) < p.ng_min {
                continue;
            }
            let n = key.len() as f64;
            let idf = key
                .iter()
                .map(|&t| bg.idf(&scan.terms[t as usize].stem))
                .sum::<f64>()
                / n;
            let tf = f64::from(s.count).powf(p.tf_p);
            let pos = 1.0 + p.pos_a / (1.0 + f64::from(s.first_sentence)).powf(p.pos_p);
            let capital = f64::from(s.capital) / f64::from(s.count);
            let case = 1.0 + p.case_a * capital;
            let score = tf * idf.powf(p.idf_p) * pos * case * p.ng_bonus;
            let best_part = key
                .iter()
                .map(|&t| unigram[t as usize])
                .fold(0.0f64, f64::max);
            if score > best_part {
                candidates.push(Candidate { terms: key, score });
            }
        }
    }

    candidates.sort_by(|a, b| {
        b.score
            .total_cmp(&a.score)
            .then_with(|| a.terms.cmp(&b.terms))
    });
    if p.drop_parts > 0.0 {
        // A chosen phrase stands for its words: drop single words it contains.
        let mut chosen: Vec<Candidate> = Vec::with_capacity(k);
        for c in candidates {
            if chosen.len() == k {
                break;
            }
            let covered = c.terms.len() == 1
                && chosen
                    .iter()
                    .any(|o| o.terms.len() > 1 && o.terms.contains(&c.terms[0]));
            if !covered {
                chosen.push(c);
            }
        }
        candidates = chosen;
    }
    candidates.truncate(k);
    candidates
        .into_iter()
        .map(|c| materialize(text, scan, c))
        .collect()
}

/// Finds the occurrences of a candidate and its most frequent written form.
fn materialize(text: &str, scan: &Scan, c: Candidate) -> Keyword {
    let words = &scan.words;
    let n = c.terms.len();
    let mut spans: Vec<Range<usize>> = Vec::new();
    let mut i = 0;
    while i + n <= words.len() {
        let matches = (0..n)
            .all(|j| words[i + j].term == c.terms[j] && (j == 0 || !words[i + j].break_before));
        if matches {
            spans.push(words[i].span.start..words[i + n - 1].span.end);
            i += n;
        } else {
            i += 1;
        }
    }
    let mut forms: HashMap<&str, (u32, usize)> = HashMap::new();
    for (order, span) in spans.iter().enumerate() {
        let form = text.get(span.clone()).unwrap_or("");
        forms.entry(form).or_insert((0, order)).0 += 1;
    }
    let phrase = forms
        .into_iter()
        .max_by(|a, b| a.1 .0.cmp(&b.1 .0).then(b.1 .1.cmp(&a.1 .1)))
        .map(|(form, _)| form.split_whitespace().collect::<Vec<_>>().join(" "))
        .unwrap_or_default();
    let stem_key = c
        .terms
        .iter()
        .map(|&t| scan.terms[t as usize].stem.as_str())
        .collect::<Vec<_>>()
        .join(" ");
    Keyword {
        phrase,
        stem_key,
        score: c.score,
        spans,
    }
}

//! Scoring of words and phrases, and the choice of the final list.

use foldhash::HashMap;

use super::background::Background;
use super::scan::{Case, Lexicon, Scan, TermStats, WordClass, LEAD_SENTENCES, NO_TERM};
use super::Keyword;
use crate::span::Span;

/// Number of ranking features.
pub(crate) const NF: usize = 45;

/// Weights of the features, a logistic regression fitted on the even-numbered documents of
/// the keyword dev set (see `examples/keywords_eval.rs`), for terms made of stems (the
/// features from 25 on need the morphology and are 0 here).
const WEIGHTS: [f64; NF] = [
    -6.04613, 0.60295, 0.40147, 0.38572, -0.11040, -0.23245, 1.05142, 0.19383, 0.48504, -1.79390,
    -1.64799, -1.91313, 3.85830, -0.12808, -2.12614, -0.47515, 0.43248, 0.35591, 0.14805, 0.92734,
    0.15556, -0.07634, -0.17775, 0.06281, -0.61286, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0,
    0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0,
];

/// The same, fitted for terms made of lemmas with parts of speech (feature `morph`) on the
/// even half, then three weights set by hand on that half (first name alone −3, sentence-start
/// share −1, spread over sentences 4). With morphology this is the *evidence* score of each
/// word and phrase: the features from 33 on are built from it (a phrase is judged by its
/// words' evidence too), and [`MORPH_RANK_WEIGHTS`] ranks.
const MORPH_WEIGHTS: [f64; NF] = [
    -6.46015, 0.26226, 0.26234, 0.69582, -0.12749, -0.39589, 0.90176, 0.07483, 0.41216, -0.99053,
    -1.30505, -0.96722, 4.00000, -0.02765, -0.82781, -0.05039, 0.41194, 0.14059, -0.04343, 0.61862,
    -0.09550, 0.10814, -0.22160, 0.07870, -0.81663, 1.13013, 1.66017, -3.00000, -1.00000, -1.58171,
    0.14059, 0.23660, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0,
];

/// The ranking model with morphology, over all 45 features: 0.35 × a logistic regression for
/// "equals a gold keyword" + 0.65 × one for "overlaps a gold keyword" (a phrase that contains a
/// tagged word, or a word of a tagged phrase), both fitted on the nominal candidates of the
/// even half of the dev set (`scripts/fit_keyword_ranking.py`).
const MORPH_RANK_WEIGHTS: [f64; NF] = [
    -4.49482, 0.48314, 0.28808, 0.40192, -0.15155, -0.04238, 0.29061, -0.18557, -0.08003, 0.0,
    -7.23089, -10.54859, 2.62719, -0.05584, -1.15720, -0.74455, -0.41374, -0.03775, 0.17374,
    0.35694, -0.00329, 0.12566, -0.10512, 0.13077, -0.07887, 0.16250, 1.13253, -0.81054, 0.06788,
    -0.33774, -0.03775, 0.02951, 0.38142, -1.03977, 0.64310, 0.40475, -0.17673, -0.04884, 0.57111,
    0.16399, 0.05863, -0.65997, -0.77851, 0.51171, 0.48240,
];

/// The weights of the ranking signals.
#[derive(Debug, Clone)]
pub(crate) struct Params {
    w: [f64; NF],
    w_morph: [f64; NF],
    /// With morphology: the final ranking weights (`w_morph` gives the evidence features).
    w_rank: [f64; NF],
    /// With morphology, a candidate that shares a lemma with a keyword already chosen is
    /// still taken when its log-odds exceed this (`Трамп` beside `Дональд Трамп`). Off by
    /// default (no two keywords share a lemma); `-3` raises partial F1 on the dev set by about
    /// 1.2 and costs 0.3 exact, but lists `представитель` beside `Специальный представитель`.
    overlap: f64,
    tf_p: f64,
    idf_p: f64,
    ng_min: f64,
    margin: f64,
    absorb: f64,
    /// Full names (`Дональд Трамп`) take the place of the surname alone (morphology only).
    name_swap: f64,
}

impl Default for Params {
    fn default() -> Self {
        Params {
            w: WEIGHTS,
            w_morph: MORPH_WEIGHTS,
            w_rank: MORPH_RANK_WEIGHTS,
            overlap: f64::INFINITY,
            tf_p: 0.7,
            idf_p: 0.5,
            ng_min: 2.0,
            margin: 0.0,
            absorb: 0.75,
            name_swap: 1.0,
        }
    }
}

impl Params {
    /// The weights fitted for terms made of lemmas (`morph`) or of stems.
    fn weights(&self, morph: bool) -> &[f64; NF] {
        if morph {
            &self.w_morph
        } else {
            &self.w
        }
    }
}

impl Params {
    #[cfg(feature = "keyword-tuning")]
    pub(crate) fn set(&mut self, name: &str, value: f64) {
        if let Some(i) = name.strip_prefix('w').and_then(|i| i.parse::<usize>().ok()) {
            // Tuning runs one kind of term at a time: both ranking sets take the value.
            if i < NF {
                self.w[i] = value;
                self.w_rank[i] = value;
            }
            return;
        }
        if let Some(i) = name.strip_prefix('e').and_then(|i| i.parse::<usize>().ok()) {
            if i < NF {
                self.w_morph[i] = value;
            }
            return;
        }
        match name {
            "tf_p" => self.tf_p = value,
            "idf_p" => self.idf_p = value,
            "ng_min" => self.ng_min = value,
            "margin" => self.margin = value,
            "absorb" => self.absorb = value,
            "name_swap" => self.name_swap = value,
            "overlap" => self.overlap = value,
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
    x[25] = ratio(t.noun, n);
    x[26] = ratio(t.propn, n);
    x[27] = f64::from(u8::from(t.is_first_name()));
    x[28] = 1.0 - ratio(t.inner, n);
    x[29] = boilerplate(bg, &t.stem);
    x
}

/// How close to "in every document of the background" a stem is: 0 up to half of them,
/// rising to 1 at all (a source's own name, page furniture).
fn boilerplate(bg: &Background, stem: &str) -> f64 {
    (2.0 * bg.share(stem) - 1.0).clamp(0.0, 1.0)
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
    morph: bool,
) -> Vec<Candidate> {
    let w = p.weights(morph);
    let score = |x: &[f64; NF]| x.iter().zip(w).map(|(a, b)| a * b).sum::<f64>();
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
        // With morphology a phrase is a noun phrase: modifiers or nouns, then a noun.
        if morph
            && !matches!(words[start].class, WordClass::Adjective)
            && !words[start].class.is_nominal()
        {
            continue;
        }
        for w in words.iter().skip(start + 1).take(max_len - 1) {
            if w.break_before || w.term == NO_TERM {
                break;
            }
            if morph
                && !(w.class.is_nominal()
                    || (w.class == WordClass::Adjective && key.len() + 2 <= max_len))
            {
                break;
            }
            key.push(w.term);
            capital &= w.case != Case::Lower;
            upper &= w.case == Case::Upper;
            if morph && !w.class.is_nominal() {
                // an adjective in the middle: the phrase needs a noun after it
                continue;
            }
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
        let parts: Vec<&TermStats> = key.iter().map(|&t| &scan.terms[t as usize]).collect();
        let (Some(first), Some(last)) = (parts.first(), parts.last()) else {
            continue;
        };
        // A full name (`Дональд Трамп`: a given name, then a surname) is a candidate from
        // its first occurrence.
        let full_name = morph
            && key.len() == 2
            && s.capital == s.count
            && first.given_name
            && (last.surname || last.given_name)
            && !last.is_first_name()
            && last.propn * 2 > last.count;
        if f64::from(s.count) < p.ng_min && !full_name {
            continue;
        }
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
        x[25] = ratio(last.noun, lc);
        x[26] = ratio(last.propn, lc);
        x[32] = f64::from(u8::from(full_name));
        x[29] = parts
            .iter()
            .map(|t| boilerplate(bg, &t.stem))
            .fold(0.0, f64::max);
        x[30] = ratio(first.adjective, first.count.max(1));
        x[31] = ratio(first.noun + first.propn, first.count.max(1));
        let sc = score(&x);
        out.push(Candidate {
            terms: key,
            features: x,
            score: sc,
            count: s.count,
        });
    }
    if morph {
        rerank(scan, p, &mut out);
    }
    out
}

/// With morphology: features 33–44, built on each candidate's evidence score (its words'
/// scores for a phrase, the gap to the document's best word), then the final score.
fn rerank(scan: &Scan, p: &Params, out: &mut [Candidate]) {
    let n_terms = scan.terms.len();
    let base: Vec<f64> = out.iter().map(|c| c.score).collect();
    let top = base
        .iter()
        .take(n_terms)
        .copied()
        .fold(f64::NEG_INFINITY, f64::max);
    let top = if top.is_finite() { top } else { 0.0 };
    for (c, &own) in out.iter_mut().zip(&base) {
        let (Some(&first), Some(&last)) = (c.terms.first(), c.terms.last()) else {
            continue;
        };
        let (first, last) = (&scan.terms[first as usize], &scan.terms[last as usize]);
        let x = &mut c.features;
        let lower = ratio(last.lower, last.count);
        // the head written in lowercase: a common noun in the text's own words
        x[33] = lower;
        x[34] = lower * x[25];
        if c.terms.len() > 1 {
            let parts = c
                .terms
                .iter()
                .map(|&t| base.get(t as usize).copied().unwrap_or(0.0));
            let (mut max, mut min, mut sum) = (f64::NEG_INFINITY, f64::INFINITY, 0.0);
            for v in parts {
                max = max.max(v);
                min = min.min(v);
                sum += v;
            }
            x[35] = max;
            x[36] = min;
            x[37] = sum / c.terms.len() as f64;
            x[38] = (1.0 - ratio(first.lower, first.count)) * (1.0 - lower);
            x[39] = f64::from(u8::from(c.count < 2));
            x[41] = f64::from(u8::from(first.given_name));
            x[43] = lower;
            x[44] = x[25] * (1.0 - x[26]);
        } else {
            x[42] = f64::from(u8::from(first.surname)) * x[26];
        }
        x[40] = own - top;
        c.score = x.iter().zip(&p.w_rank).map(|(a, b)| a * b).sum();
    }
}

#[allow(clippy::too_many_arguments)]
pub(crate) fn rank(
    text: &str,
    scan: &Scan,
    bg: &Background,
    p: &Params,
    k: usize,
    max_len: usize,
    min_score: f64,
    lexicon: Lexicon<'_>,
) -> Vec<Keyword> {
    let morph = lexicon.is_morph();
    let mut all = candidates(scan, bg, p, max_len, morph);
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
    // A full name takes the place of its words alone: `Дональд Трамп`, never `Дональд`, and
    // not `Трамп` beside it (the best-scoring full name claims each word).
    if morph && p.name_swap > 0.0 {
        for i in n_terms..all.len() {
            if all[i].features[32] <= 0.0 {
                continue;
            }
            forced[i] = true;
            for j in 0..all[i].terms.len() {
                let t = all[i].terms[j] as usize;
                all[i].score = all[i].score.max(unigram[t]);
                unigram[t] = f64::NEG_INFINITY;
            }
        }
    }
    for (t, u) in unigram.iter().enumerate() {
        all[t].score = *u;
        // With morphology a verb, adverb or adjective is never a keyword alone.
        if morph && scan.terms[t].nominal_share() < 0.5 {
            all[t].score = f64::NEG_INFINITY;
        }
    }
    // Otherwise a phrase is kept only where it outranks every word it is made of (a full
    // name is kept for the choice below, which may put it in place of the surname).
    let mut keep = forced.into_iter();
    all.retain(|c| {
        let forced = keep.next().unwrap_or(false);
        (c.terms.len() == 1 && c.score > f64::NEG_INFINITY)
            || forced
            || (morph && c.features[32] > 0.0)
            || c.terms
                .iter()
                .all(|&t| c.score > unigram.get(t as usize).copied().unwrap_or(0.0) + p.margin)
    });
    all.sort_by(|a, b| {
        b.score
            .total_cmp(&a.score)
            .then_with(|| a.terms.cmp(&b.terms))
    });
    let chosen = if morph {
        choose_by_lemma(text, scan, all, k, p.overlap, lexicon)
    } else {
        all.truncate(k);
        all
    };
    chosen
        .into_iter()
        .map(|c| (probability(c.score), c))
        .filter(|(probability, _)| *probability >= min_score)
        .map(|(probability, c)| materialize(text, scan, &c.terms, probability, lexicon))
        .collect()
}

/// The best `k` candidates (sorted best first) such that no two share a lemma, unless the
/// later one scores above `overlap` on its own.
fn choose_by_lemma(
    text: &str,
    scan: &Scan,
    all: Vec<Candidate>,
    k: usize,
    overlap: f64,
    lexicon: Lexicon<'_>,
) -> Vec<Candidate> {
    let mut chosen: Vec<Candidate> = Vec::with_capacity(k);
    // the terms (lemmas) the chosen keywords hold
    let mut used: foldhash::HashSet<u32> = foldhash::HashSet::default();
    for c in all {
        if chosen.len() == k {
            break;
        }
        if c.score <= overlap && c.terms.iter().any(|t| used.contains(t)) {
            continue;
        }
        if c.terms.len() > 1 && !is_noun_phrase(text, scan, &c.terms, lexicon) {
            continue;
        }
        used.extend(c.terms.iter().copied());
        chosen.push(c);
    }
    chosen
}

/// Whether the phrase's most frequent form reads as a noun phrase: a noun followed by a noun
/// must be its genitive dependent (`система связи`), not the next clause's subject
/// (`в Москве Путин`). Names in a row (`Дональд Трамп`) pass.
#[cfg(feature = "morph")]
fn is_noun_phrase(text: &str, scan: &Scan, terms: &[u32], lexicon: Lexicon<'_>) -> bool {
    use crate::morph::{Case as MorphCase, Pos};
    let Lexicon::Morph(morph) = lexicon else {
        return true;
    };
    let Some(span) = most_frequent_form(text, scan, terms) else {
        return false;
    };
    let form = text.get(span.range()).unwrap_or("");
    let words: Vec<&str> = form.split_whitespace().collect();
    if words.len() != terms.len() {
        return true;
    }
    for (i, pair) in terms.windows(2).enumerate() {
        let (a, b) = (&scan.terms[pair[0] as usize], &scan.terms[pair[1] as usize]);
        let a_nominal = a.noun + a.propn > a.adjective;
        if !a_nominal {
            continue;
        }
        let both_names = a.propn * 2 > a.count && b.propn * 2 > b.count;
        if both_names {
            continue;
        }
        let Some(next) = words.get(i + 1) else {
            continue;
        };
        // the word after a noun: a genitive (of a noun or an adjective leading to one)
        let genitive = morph.parse(next).iter().take(4).any(|parse| {
            matches!(parse.pos(), Pos::Noun | Pos::Propn | Pos::Adj)
                && parse.features().case == Some(MorphCase::Gen)
        });
        if !genitive {
            return false;
        }
    }
    true
}

#[cfg(not(feature = "morph"))]
fn is_noun_phrase(_: &str, _: &Scan, _: &[u32], _: Lexicon<'_>) -> bool {
    true
}

/// The spans of every occurrence of the term sequence `terms`.
fn occurrences(scan: &Scan, terms: &[u32]) -> Vec<Span> {
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
    spans
}

/// The span of the most frequent written form (the first one on a tie).
#[cfg(feature = "morph")]
fn most_frequent_form(text: &str, scan: &Scan, terms: &[u32]) -> Option<Span> {
    pick_form(text, &occurrences(scan, terms))
}

fn pick_form(text: &str, spans: &[Span]) -> Option<Span> {
    let mut forms: HashMap<&str, (u32, usize)> = HashMap::default();
    for (order, span) in spans.iter().enumerate() {
        let form = text.get(span.range()).unwrap_or("");
        forms.entry(form).or_insert((0, order)).0 += 1;
    }
    forms
        .into_values()
        .max_by(|a, b| a.0.cmp(&b.0).then(b.1.cmp(&a.1)))
        .and_then(|(_, order)| spans.get(order).cloned())
}

/// Finds the occurrences of a candidate and its most frequent written form; with morphology
/// the phrase is that form in its dictionary form.
pub(crate) fn materialize(
    text: &str,
    scan: &Scan,
    terms: &[u32],
    score: f64,
    lexicon: Lexicon<'_>,
) -> Keyword {
    let spans = occurrences(scan, terms);
    let surface = pick_form(text, &spans)
        .and_then(|span| text.get(span.range()))
        .map(|form| form.split_whitespace().collect::<Vec<_>>().join(" "))
        .unwrap_or_default();
    let stem_key = terms
        .iter()
        .map(|&t| scan.terms[t as usize].stem.as_str())
        .collect::<Vec<_>>()
        .join(" ");
    let phrase = dictionary_form(scan, terms, &surface, lexicon);
    Keyword {
        phrase,
        surface,
        stem_key,
        score,
        spans,
    }
}

/// The phrase in its dictionary form with agreement (`Европейского союза` → `Европейский
/// союз`), each word lowercase unless the document mostly capitalises it; the written form
/// itself without morphology.
fn dictionary_form(scan: &Scan, terms: &[u32], surface: &str, lexicon: Lexicon<'_>) -> String {
    match lexicon {
        #[cfg(feature = "morph")]
        Lexicon::Morph(morph) => {
            let words: Vec<&str> = surface.split(' ').collect();
            let mut normal = morph.normal_phrase_words(&words);
            let names = terms.len() > 1
                && terms.iter().all(|&t| {
                    scan.terms
                        .get(t as usize)
                        .is_some_and(|t| t.propn * 2 > t.count)
                });
            if names && normal.iter().zip(&words).all(|(a, b)| a == b) {
                // Names the phrase grammar did not read (`Мартена Фуркада`): each word's
                // lemma, capitalised as written.
                normal = words
                    .iter()
                    .map(|w| capitalised_like(&morph.lemma(w), w))
                    .collect();
            }
            normal
                .into_iter()
                .enumerate()
                .map(|(i, word)| {
                    let mostly_lower = terms
                        .get(i)
                        .and_then(|&t| scan.terms.get(t as usize))
                        .is_some_and(|t| t.lower * 2 >= t.count);
                    if mostly_lower {
                        word.to_lowercase()
                    } else {
                        word
                    }
                })
                .collect::<Vec<_>>()
                .join(" ")
        }
        _ => {
            let _ = (scan, terms);
            surface.to_string()
        }
    }
}

/// `lemma` with the capitals of `written`: all caps, a capital first letter, or none.
#[cfg(feature = "morph")]
fn capitalised_like(lemma: &str, written: &str) -> String {
    let letters = || written.chars().filter(|c| c.is_alphabetic());
    if letters().count() > 1 && letters().all(char::is_uppercase) {
        return lemma.to_uppercase();
    }
    let mut chars = lemma.chars();
    match (written.chars().next(), chars.next()) {
        (Some(w), Some(first)) if w.is_uppercase() => first.to_uppercase().chain(chars).collect(),
        _ => lemma.to_string(),
    }
}

/// What the final choice needs to know about a candidate besides its features, appended to
/// them by [`KeywordExtractor::tuning_candidates`](super::KeywordExtractor::tuning_candidates):
/// its number of words, the term id of each, its count, whether a lone word may stand as a
/// keyword (nominal) and whether a phrase reads as a noun phrase.
#[cfg(feature = "keyword-tuning")]
pub(crate) fn tuning_extras(
    text: &str,
    scan: &Scan,
    c: &Candidate,
    lexicon: Lexicon<'_>,
) -> Vec<f64> {
    let mut x = vec![c.terms.len() as f64];
    x.extend(c.terms.iter().map(|&t| f64::from(t)));
    x.push(f64::from(c.count));
    let nominal = c.terms.len() > 1
        || !lexicon.is_morph()
        || c.terms
            .first()
            .is_some_and(|&t| scan.terms[t as usize].nominal_share() >= 0.5);
    x.push(f64::from(u8::from(nominal)));
    let np = c.terms.len() < 2 || is_noun_phrase(text, scan, &c.terms, lexicon);
    x.push(f64::from(u8::from(np)));
    for &t in &c.terms {
        let t = &scan.terms[t as usize];
        x.push(ratio(t.lower, t.count));
        x.push(f64::from(t.count));
        x.push(f64::from(u8::from(t.given_name)));
        x.push(f64::from(u8::from(t.surname)));
    }
    x
}

/// The model's log-odds as a probability in `(0, 1)`.
fn probability(log_odds: f64) -> f64 {
    1.0 / (1.0 + (-log_odds).exp())
}

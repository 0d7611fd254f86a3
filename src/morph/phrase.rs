//! Noun phrases in their dictionary form: `Европейского союза` → `Европейский союз`.
//!
//! The grammar is the plain one of Russian noun phrases: adjectives, participles and
//! pronominal adjectives stand before their noun and agree with it in case, number and (in
//! the singular) gender; what follows the noun is a dependent with its own case (`системы
//! научных коммуникаций`), except a name that continues a name (`Дональда Трампа`).
//!
//! The head is the last word of the leading run that can be read as "modifiers agreeing with
//! a noun": for each position, the best reading (the product of the analyses' probabilities)
//! with every earlier word an agreeing modifier. The head goes to the nominative with its
//! number, the modifiers agree with it, and each word keeps its capitalisation.

use std::ops::Range;

use rumorph::Analysis;

use super::tags::{Case, Feature, Features, Gender, NameType, Number, Pos, Variant, VerbForm};
use super::{is_capitals, Dictionary};

/// The head is looked for among the first this many words: noun phrases with more modifiers
/// are rare, and it bounds the work on long input.
const MAX_HEAD_POSITION: usize = 8;

/// At most this many names after a head name take its case (`Владимира Владимировича Путина`).
const MAX_NAMES_AFTER_HEAD: usize = 4;

/// Whitespace-separated words of `phrase`, normalized, with the text between them kept.
pub(super) fn normal_phrase(dictionary: &Dictionary, phrase: &str) -> String {
    let mut words = Vec::new();
    let mut start = None;
    for (at, c) in phrase.char_indices() {
        match (c.is_whitespace(), start) {
            (true, Some(s)) => {
                words.push(s..at);
                start = None;
            }
            (false, None) => start = Some(at),
            _ => {}
        }
    }
    if let Some(s) = start {
        words.push(s..phrase.len());
    }
    let texts: Vec<&str> = words.iter().filter_map(|r| phrase.get(r.clone())).collect();
    let normal = normal_phrase_words(dictionary, &texts);
    let mut out = String::with_capacity(phrase.len() + 8);
    let mut last = 0;
    for (range, word) in words.iter().zip(&normal) {
        out.push_str(phrase.get(last..range.start).unwrap_or_default());
        out.push_str(word);
        last = range.end;
    }
    out.push_str(phrase.get(last..).unwrap_or_default());
    out
}

/// One word's reading chosen for the phrase.
struct Reading<'a> {
    analysis: &'a Analysis,
    features: Features,
}

pub(super) fn normal_phrase_words<S: AsRef<str>>(
    dictionary: &Dictionary,
    words: &[S],
) -> Vec<String> {
    let words: Vec<&str> = words.iter().map(AsRef::as_ref).collect();
    // Only the words that can matter are analysed: the leading run up to the head, and the
    // names after it.
    let analyses: Vec<Vec<Analysis>> = words
        .iter()
        .take(MAX_HEAD_POSITION + MAX_NAMES_AFTER_HEAD)
        .map(|w| dictionary.analyze(w))
        .collect();
    normal_phrase_analysed(dictionary, &words, &analyses)
}

/// The phrase `words[phrase]` of a sentence, with its words' analyses ranked in the context of
/// the whole sentence.
pub(super) fn normal_phrase_in_sentence<S: AsRef<str>>(
    dictionary: &Dictionary,
    sentence: &[S],
    ranked: Vec<Vec<Analysis>>,
    phrase: Range<usize>,
) -> Vec<String> {
    let end = phrase.end.min(sentence.len());
    let start = phrase.start.min(end);
    let words: Vec<&str> = sentence[start..end].iter().map(AsRef::as_ref).collect();
    let analyses: Vec<Vec<Analysis>> = ranked.into_iter().skip(start).take(end - start).collect();
    normal_phrase_analysed(dictionary, &words, &analyses)
}

/// The dictionary form of `words`, given the ranked analyses of a prefix of them (at least
/// the first `MAX_HEAD_POSITION + MAX_NAMES_AFTER_HEAD`, or all).
fn normal_phrase_analysed(
    dictionary: &Dictionary,
    words: &[&str],
    analyses: &[Vec<Analysis>],
) -> Vec<String> {
    let mut out: Vec<String> = words.iter().map(|w| (*w).to_owned()).collect();
    let Some(rumorph) = &dictionary.rumorph else {
        return out;
    };
    let inflect = |analysis: &Analysis, target: &[Feature]| -> Option<String> {
        let pairs: Vec<(&str, &str)> = target.iter().map(|f| (f.name(), f.value())).collect();
        rumorph.inflect(analysis, &pairs).map(|form| form.word)
    };
    let head_candidates = &analyses[..analyses.len().min(MAX_HEAD_POSITION)];
    let Some((head, readings)) = best_reading(dictionary, head_candidates) else {
        // Not a noun phrase. A single word still takes its dictionary form: an adjective or
        // participle the nominative (masculine singular, or plural if it is plural: a noun
        // left out, `заключённые`), any other word its lemma.
        if let ([word], Some(best)) = (words, analyses.first().and_then(|a| a.first())) {
            let single = reading(dictionary, best);
            let form = if is_modifier(dictionary, &single) {
                let target = match single.features.number {
                    Some(Number::Plur) => {
                        vec![Feature::Case(Case::Nom), Feature::Number(Number::Plur)]
                    }
                    _ => vec![
                        Feature::Case(Case::Nom),
                        Feature::Number(Number::Sing),
                        Feature::Gender(Gender::Masc),
                    ],
                };
                inflect(best, &target)
            } else {
                None
            };
            out[0] = like_written(word, best, form.as_deref().unwrap_or(&best.lemma));
        }
        return out;
    };
    let head_reading = &readings[head];
    let number = head_reading.features.number;
    let nominative = |reading: &Reading<'_>, gender: bool| -> Option<String> {
        let mut target = vec![Feature::Case(Case::Nom)];
        if let Some(number) = number {
            target.push(Feature::Number(number));
            if gender && number == Number::Sing {
                if let Some(g) = head_reading.features.gender {
                    target.push(Feature::Gender(g));
                }
            }
        }
        inflect(reading.analysis, &target)
    };
    for (at, reading) in readings.iter().enumerate() {
        // A head without case (an abbreviation) stays as written.
        if reading.features.case.is_none() {
            continue;
        }
        if let Some(form) = nominative(reading, at != head) {
            out[at] = like_written(words[at], reading.analysis, &form);
        }
    }
    // A name that continues a name, in the head's case: `Касым-Жомарта Токаева`.
    if is_person_name(head_reading) {
        let after = analyses.iter().enumerate().skip(head + 1);
        for (at, word_analyses) in after.take(MAX_NAMES_AFTER_HEAD) {
            let next = word_analyses
                .iter()
                .map(|a| reading(dictionary, a))
                .filter(|r| is_person_name(r) && agrees(&r.features, &head_reading.features))
                .max_by(|a, b| a.analysis.prob.total_cmp(&b.analysis.prob));
            let Some(next) = next else {
                break;
            };
            if let Some(form) = nominative(&next, false) {
                out[at] = like_written(words[at], next.analysis, &form);
            }
        }
    }
    out
}

fn reading<'a>(dictionary: &Dictionary, analysis: &'a Analysis) -> Reading<'a> {
    let features = dictionary.tag(analysis.ud).features;
    Reading { analysis, features }
}

/// The head position and the readings of the words up to it, or `None` when the words do
/// not start with a noun phrase.
fn best_reading<'a>(
    dictionary: &Dictionary,
    analyses: &'a [Vec<Analysis>],
) -> Option<(usize, Vec<Reading<'a>>)> {
    let mut best: Option<(usize, Vec<Reading<'a>>)> = None;
    for (head, head_analyses) in analyses.iter().enumerate() {
        let mut best_here: Option<(f64, Vec<Reading<'a>>)> = None;
        for analysis in head_analyses {
            let candidate = reading(dictionary, analysis);
            let pos = dictionary.tag(analysis.ud).pos;
            if !matches!(pos, Pos::Noun | Pos::Propn)
                || (candidate.features.case.is_none() && head > 0)
            {
                continue;
            }
            let mut score = analysis.prob;
            let mut readings = Vec::with_capacity(head + 1);
            for earlier in &analyses[..head] {
                let modifier = earlier
                    .iter()
                    .map(|a| reading(dictionary, a))
                    .filter(|r| {
                        is_modifier(dictionary, r) && agrees(&r.features, &candidate.features)
                    })
                    .max_by(|a, b| a.analysis.prob.total_cmp(&b.analysis.prob));
                let Some(modifier) = modifier else {
                    score = -1.0;
                    break;
                };
                score *= modifier.analysis.prob;
                readings.push(modifier);
            }
            if score < 0.0 {
                continue;
            }
            readings.push(candidate);
            if best_here.as_ref().is_none_or(|(s, _)| score > *s) {
                best_here = Some((score, readings));
            }
        }
        if let Some((_, readings)) = best_here {
            best = Some((head, readings));
        }
        // A later head needs this word as a modifier.
        let can_modify = head_analyses
            .iter()
            .any(|a| is_modifier(dictionary, &reading(dictionary, a)));
        if !can_modify {
            break;
        }
    }
    best
}

/// An adjective, pronominal adjective or full participle: a word that agrees with a noun.
fn is_modifier(dictionary: &Dictionary, reading: &Reading<'_>) -> bool {
    let f = &reading.features;
    let adjectival = match dictionary.tag(reading.analysis.ud).pos {
        Pos::Adj | Pos::Det => true,
        Pos::Verb => f.verb_form == Some(VerbForm::Part),
        _ => false,
    };
    adjectival && f.case.is_some() && f.variant != Some(Variant::Short)
}

/// Whether a modifier (or a name) with features `m` agrees with a noun with features `n`:
/// the same case, the same number, and in the singular the same gender where both have one.
fn agrees(m: &Features, n: &Features) -> bool {
    fn same<T: PartialEq>(a: Option<T>, b: Option<T>) -> bool {
        a.is_none() || b.is_none() || a == b
    }
    m.case.is_some()
        && m.case == n.case
        && same(m.number, n.number)
        && (n.number == Some(Number::Plur) || same(m.gender, n.gender))
}

/// A proper name of a person: given name, patronymic or surname.
fn is_person_name(reading: &Reading<'_>) -> bool {
    matches!(
        reading.features.name_type,
        Some(NameType::Giv | NameType::Pat | NameType::Sur)
    )
}

/// `form` written as `original` is: in capitals, capitalised (each part of a hyphenated word
/// on its own), or with `ё` spelled `е` when the writer does so.
pub(super) fn like_written(original: &str, analysis: &Analysis, form: &str) -> String {
    // The writer spells `ё` as `е` if the dictionary has `ё` where the text has `е`.
    let form = if !original.contains(['ё', 'Ё']) && analysis.word.contains('ё') {
        form.replace('ё', "е")
    } else {
        form.to_owned()
    };
    let original_parts = original.split('-');
    if original_parts.clone().count() == form.split('-').count() {
        let parts: Vec<String> = original_parts
            .zip(form.split('-'))
            .map(|(o, f)| part_like(o, f))
            .collect();
        parts.join("-")
    } else {
        part_like(original, &form)
    }
}

/// One part: capitals stay capitals; otherwise the letters the two share at the start keep
/// the original's case (`МакКейна` → `МакКейн`), the rest is lowercase, and a capitalised word
/// whose form shares nothing with it (`Людей` → `Люди`) is capitalised.
fn part_like(original: &str, form: &str) -> String {
    if is_capitals(original) {
        return form.to_uppercase();
    }
    let mut out = String::with_capacity(form.len());
    let mut source = original.chars();
    let mut same = true;
    let mut shared = 0;
    for c in form.chars() {
        match source.next() {
            Some(o) if same && fold_char(o) == fold_char(c) => {
                out.push(o);
                shared += 1;
            }
            _ => {
                same = false;
                out.extend(c.to_lowercase());
            }
        }
    }
    if shared == 0 && original.chars().next().is_some_and(char::is_uppercase) {
        let mut chars = out.chars();
        if let Some(first) = chars.next() {
            return first.to_uppercase().chain(chars).collect();
        }
    }
    out
}

/// A letter lowercased with `ё` as `е`, for comparing spellings.
fn fold_char(c: char) -> char {
    let lower = c.to_lowercase().next().unwrap_or(c);
    if lower == 'ё' {
        'е'
    } else {
        lower
    }
}

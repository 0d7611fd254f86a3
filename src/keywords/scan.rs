//! One pass over a document: words, their stems, sentences, casing and phrase breaks.

use foldhash::HashMap;
use std::ops::Range;
use std::sync::OnceLock;

#[cfg(feature = "morph")]
use crate::morph::{Morph, NameType, Pos};
use crate::normalize::fold;
use crate::terms::{Analyzer, StopWords};

/// Sentences counted as the lead of a document (the title line is one of them).
pub(crate) const LEAD_SENTENCES: u32 = 4;

/// Marks a word that can never be part of a keyword (stop word, number, one letter).
pub(crate) const NO_TERM: u32 = u32::MAX;

/// How a word was written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Case {
    /// all lowercase (or no cased letters)
    Lower,
    /// first letter uppercase, some lowercase after it
    Title,
    /// two or more letters, all uppercase (an acronym such as `ЕС`, `НАТО`)
    Upper,
}

/// One word of the document, in text order.
#[derive(Debug, Clone)]
pub(crate) struct Word {
    pub span: Range<usize>,
    /// Index into [`Scan::terms`], or [`NO_TERM`].
    pub term: u32,
    pub sentence: u32,
    pub case: Case,
    /// Something other than plain spaces stands between this word and the previous one
    /// (punctuation, a line break, a stop word, a number): no phrase spans the gap.
    pub break_before: bool,
    /// What this occurrence is (part of speech with morphology, ending class without).
    pub class: WordClass,
}

/// What the document says about one term: a lemma with morphology, a stem without (the
/// scan maps each to its id).
#[derive(Debug, Clone)]
pub(crate) struct TermStats {
    /// The Snowball stem of its first occurrence (background look-ups, `Keyword::stem_key`).
    pub stem: String,
    pub count: u32,
    pub first_word: u32,
    pub first_sentence: u32,
    pub last_sentence: u32,
    pub sentences: u32,
    /// Occurrences that are not sentence-initial.
    pub inner: u32,
    /// … of which written with a capital (Title or Upper).
    pub inner_capital: u32,
    pub upper: u32,
    /// Occurrences whose ending marks a verb / an adjective or participle / an adverb.
    pub verb: u32,
    pub adjective: u32,
    pub adverb: u32,
    /// Occurrences in the first sentences (title and lead).
    pub lead: u32,
    /// Occurrences read as a common noun / a proper noun (morphology only).
    pub noun: u32,
    pub propn: u32,
    /// Occurrences written in lowercase.
    pub lower: u32,
    /// The morphology reads it as a given name (`Дональд`), which alone is a poor keyword.
    pub given_name: bool,
    /// … or as a surname, or a proper noun of no known kind (`Трамп`, `Фуркада`).
    pub surname: bool,
    /// Occurrences right after a given name or an initial: where a surname stands.
    pub after_name: u32,
}

/// The scanned document.
#[derive(Debug, Default)]
pub(crate) struct Scan {
    pub words: Vec<Word>,
    pub terms: Vec<TermStats>,
    pub sentences: u32,
}

fn case_of(word: &str) -> Case {
    let mut chars = word.chars().filter(|c| c.is_alphabetic());
    let Some(first) = chars.next() else {
        return Case::Lower;
    };
    if !first.is_uppercase() {
        return Case::Lower;
    }
    let mut rest_upper = 0usize;
    let mut rest_lower = 0usize;
    for c in chars {
        if c.is_uppercase() {
            rest_upper += 1;
        } else if c.is_lowercase() {
            rest_lower += 1;
        }
    }
    if rest_lower == 0 && rest_upper > 0 {
        Case::Upper
    } else {
        Case::Title
    }
}

impl TermStats {
    fn new(stem: String, first_word: u32, sentence: u32) -> Self {
        TermStats {
            stem,
            count: 0,
            first_word,
            first_sentence: sentence,
            last_sentence: sentence,
            sentences: 1,
            inner: 0,
            inner_capital: 0,
            upper: 0,
            verb: 0,
            adjective: 0,
            adverb: 0,
            lead: 0,
            noun: 0,
            propn: 0,
            lower: 0,
            given_name: false,
            surname: false,
            after_name: 0,
        }
    }

    /// A given name that mostly stands alone or first, not in a surname's place
    /// (`Казыхан` after `Ержан` is read as a surname).
    pub(crate) fn is_first_name(&self) -> bool {
        self.given_name && self.after_name * 2 < self.count
    }

    /// Share of the occurrences that can head a keyword on their own (nouns, names,
    /// acronyms and foreign words; every occurrence without morphology).
    pub(crate) fn nominal_share(&self) -> f64 {
        let n = self.count.max(1);
        let not = self.verb + self.adjective + self.adverb;
        f64::from(n.saturating_sub(not)) / f64::from(n)
    }
}

/// How words become terms: by their stems (and endings), or by the morphology's lemmas and
/// parts of speech.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Lexicon<'m> {
    Stems,
    #[cfg(feature = "morph")]
    Morph(&'m Morph),
    #[cfg(not(feature = "morph"))]
    #[allow(dead_code)]
    Never(std::marker::PhantomData<&'m ()>),
}

/// What the lexicon says about one written form.
struct FormInfo {
    key: String,
    class: WordClass,
    given_name: bool,
    surname: bool,
}

impl Lexicon<'_> {
    #[cfg_attr(not(feature = "morph"), allow(unused_variables))]
    fn describe(self, surface: &str, stem: &str, lower: &str) -> FormInfo {
        match self {
            #[cfg(feature = "morph")]
            Lexicon::Morph(morph) => {
                let (key, pos) =
                    morph.with_lemma_folded(surface, true, |lemma, pos| (lemma.to_string(), pos));
                let mut class = WordClass::of_pos(pos, surface);
                // Lowercase Latin words in Russian text are code, markup or quotes
                // (`height`, `fixed`), not keywords; acronyms and brands have capitals.
                if lower.chars().all(|c| c.is_ascii_lowercase() || c == '-') && lower == surface {
                    class = WordClass::Function;
                }
                // Only proper nouns are asked for their kind of name.
                let name_type = if class == WordClass::Propn {
                    morph.parse(surface).first().map(|p| p.features().name_type)
                } else {
                    None
                };
                let given_name = name_type == Some(Some(NameType::Giv));
                let surname = matches!(name_type, Some(Some(NameType::Sur) | None));
                // An empty lemma (never expected) falls back to the stem.
                let key = if key.is_empty() {
                    stem.to_string()
                } else {
                    key
                };
                FormInfo {
                    key,
                    class,
                    given_name,
                    surname,
                }
            }
            _ => FormInfo {
                key: stem.to_string(),
                class: WordClass::of(lower),
                given_name: false,
                surname: false,
            },
        }
    }

    pub(crate) fn is_morph(self) -> bool {
        !matches!(self, Lexicon::Stems)
    }
}

impl Scan {
    /// Scans `text` with `analyzer`'s terms (its stop words and short words are left out,
    /// and break phrases like punctuation does).
    pub(crate) fn new(text: &str, analyzer: &Analyzer, lexicon: Lexicon<'_>) -> Scan {
        let mut scan = Scan::default();
        // surface form -> (term id or NO_TERM, word class): each form is judged once
        let mut forms: HashMap<&str, (u32, WordClass)> = HashMap::default();
        let mut key_ids: HashMap<String, u32> = HashMap::default();
        let mut prev_end = 0usize;
        let mut sentence = 0u32;
        let mut at_sentence_start = true;
        analyzer.for_each_term(text, |stem, token| {
            let gap = text.get(prev_end..token.span.start).unwrap_or("");
            prev_end = token.span.end;
            // Punctuation, numbers, dropped words: anything but spaces breaks a phrase.
            let break_before = scan.words.is_empty() || !gap.chars().all(is_space);
            if let Some(end) = gap.rfind(['.', '!', '?', '…', '\n']) {
                if !scan.words.is_empty() {
                    sentence += 1;
                }
                at_sentence_start = true;
                // A stop word between the period and this word took the sentence start.
                if gap[end..].chars().any(char::is_alphabetic) {
                    at_sentence_start = false;
                }
            } else if gap.chars().any(char::is_alphabetic) {
                at_sentence_start = false;
            }
            let word_index = scan.words.len() as u32;
            let (term, class) = *forms.entry(token.text).or_insert_with(|| {
                let lower = fold(token.text);
                if !is_candidate(token.text, &lower) || is_non_keyword_stem(stem) {
                    return (NO_TERM, WordClass::Other);
                }
                let info = lexicon.describe(token.text, stem, &lower);
                if info.class == WordClass::Function {
                    return (NO_TERM, info.class);
                }
                let id = if let Some(&id) = key_ids.get(&info.key) {
                    id
                } else {
                    let id = scan.terms.len() as u32;
                    key_ids.insert(info.key.clone(), id);
                    let mut stats = TermStats::new(stem.to_string(), word_index, sentence);
                    stats.given_name = info.given_name;
                    stats.surname = info.surname;
                    scan.terms.push(stats);
                    id
                };
                (id, info.class)
            });
            let case = case_of(token.text);
            let initial = at_sentence_start;
            at_sentence_start = false;
            // After a given name (`Ержан Казыхан`) or an initial (`Е. Казыхана`) a word
            // stands where surnames do.
            let after_name = (!break_before
                && scan
                    .words
                    .last()
                    .and_then(|w| scan.terms.get(w.term as usize))
                    .is_some_and(|t| t.given_name))
                || is_initial(gap.trim());
            if term != NO_TERM {
                let t = &mut scan.terms[term as usize];
                t.count += 1;
                t.after_name += u32::from(after_name);
                if sentence < LEAD_SENTENCES {
                    t.lead += 1;
                }
                if t.last_sentence != sentence {
                    t.sentences += 1;
                    t.last_sentence = sentence;
                }
                if !initial {
                    t.inner += 1;
                    if case != Case::Lower {
                        t.inner_capital += 1;
                    }
                }
                if case == Case::Upper {
                    t.upper += 1;
                }
                if case == Case::Lower {
                    t.lower += 1;
                }
                match class {
                    WordClass::Verb => t.verb += 1,
                    WordClass::Adjective => t.adjective += 1,
                    WordClass::Adverb => t.adverb += 1,
                    WordClass::Noun => t.noun += 1,
                    WordClass::Propn => t.propn += 1,
                    WordClass::Other | WordClass::Function => {}
                }
            }
            let prev_no_term = scan.words.last().is_some_and(|w| w.term == NO_TERM);
            scan.words.push(Word {
                span: token.span.range(),
                term,
                sentence,
                case,
                break_before: break_before || prev_no_term || term == NO_TERM,
                class,
            });
        });
        scan.sentences = sentence + 1;
        scan
    }
}

/// `Е.`: one capital letter and a period.
fn is_initial(s: &str) -> bool {
    let mut chars = s.chars();
    matches!(
        (chars.next(), chars.next(), chars.next()),
        (Some(c), Some('.'), None) if c.is_uppercase()
    )
}

fn is_space(c: char) -> bool {
    c == ' ' || c == '\u{a0}'
}

/// Can this word be (part of) a keyword?
fn is_candidate(surface: &str, lower: &str) -> bool {
    let letters = lower.chars().filter(|c| c.is_alphabetic()).count();
    // Abbreviations and initials keep their periods (`т.е.`, `Е.`): never keywords.
    if letters == 0 || lower.contains('.') || is_function_compound(lower) {
        return false;
    }
    let chars = lower.chars().count();
    chars >= 3 || (chars == 2 && case_of(surface) == Case::Upper)
}

/// A word's part of speech as the keyword rules need it: from the morphology when it is on,
/// from the word's ending otherwise (see `data/endings.txt`; then `Noun`, `Propn` and
/// `Function` never occur).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(not(feature = "morph"), allow(dead_code))]
pub(crate) enum WordClass {
    /// Anything else: a noun by default without morphology; foreign words, acronyms and
    /// unknown tokens with it.
    Other,
    Verb,
    /// Adjectives, participles and ordinal numbers.
    Adjective,
    Adverb,
    Noun,
    Propn,
    /// Pronouns, determiners, numerals, prepositions, conjunctions, particles: never part of
    /// a keyword.
    Function,
}

impl WordClass {
    /// Whether a phrase can end in this word (its head noun, or a name).
    pub(crate) fn is_nominal(self) -> bool {
        matches!(self, WordClass::Noun | WordClass::Propn | WordClass::Other)
    }

    #[cfg(feature = "morph")]
    fn of_pos(pos: Pos, surface: &str) -> WordClass {
        match pos {
            Pos::Noun => WordClass::Noun,
            Pos::Propn => WordClass::Propn,
            Pos::Adj => WordClass::Adjective,
            Pos::Verb | Pos::Aux => WordClass::Verb,
            Pos::Adv => WordClass::Adverb,
            Pos::Det | Pos::Pron | Pos::Adp | Pos::Cconj | Pos::Sconj | Pos::Part | Pos::Intj => {
                WordClass::Function
            }
            // Numerals in letters are no keywords; Roman numerals and the like (`IV`) neither.
            Pos::Num if surface.chars().any(|c| c.is_lowercase()) => WordClass::Function,
            _ => WordClass::Other,
        }
    }

    fn of(lower: &str) -> WordClass {
        static ENDINGS: OnceLock<Vec<(&'static str, WordClass)>> = OnceLock::new();
        let endings = ENDINGS.get_or_init(|| {
            let mut list = Vec::new();
            for line in include_str!("data/endings.txt").lines() {
                if line.starts_with('#') {
                    continue;
                }
                let mut fields = line.split_whitespace();
                let class = match fields.next() {
                    Some("verb") => WordClass::Verb,
                    Some("adjective") => WordClass::Adjective,
                    Some("adverb") => WordClass::Adverb,
                    _ => continue,
                };
                list.extend(fields.map(|e| (e, class)));
            }
            // Longest ending first, so that the most specific one decides.
            list.sort_by_key(|(e, _)| std::cmp::Reverse(e.len()));
            list
        });
        // A stem must remain: "есть" is not "-ть" after "ес".
        endings
            .iter()
            .find(|(e, _)| lower.len() > e.len() + 2 && lower.ends_with(e))
            .map_or(WordClass::Other, |&(_, class)| class)
    }
}

/// `что-то`, `кто-нибудь`, `по-прежнему`: a stop word joined by a hyphen to a particle,
/// or `по-` before an adverb, is a function word too.
fn is_function_compound(lower: &str) -> bool {
    let Some((head, tail)) = lower.split_once('-') else {
        return false;
    };
    head == "по" || (StopWords::russian().contains(head) && PARTICLES.contains(&tail))
}

/// Particles attached with a hyphen to pronouns and adverbs.
const PARTICLES: [&str; 6] = ["то", "либо", "нибудь", "ка", "таки", "де"];

/// Stems that are never keywords (see `data/non_keyword_stems.txt`).
fn is_non_keyword_stem(stem: &str) -> bool {
    static STEMS: OnceLock<Vec<&'static str>> = OnceLock::new();
    STEMS
        .get_or_init(|| {
            include_str!("data/non_keyword_stems.txt")
                .lines()
                .map(str::trim)
                .filter(|l| !l.is_empty() && !l.starts_with('#'))
                .collect()
        })
        .contains(&stem)
}

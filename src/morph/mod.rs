//! Morphology: word forms → lemmas, parts of speech, grammemes; inflection; phrases in their
//! dictionary form (feature `morph`).
//!
//! [`Morph`] analyses Russian word forms with [`rumorph`](https://crates.io/crates/rumorph)
//! and its dictionary (OpenCorpora and Wiktionary lexemes with frequencies from OpenCorpora and
//! the UD GSD and Taiga treebanks, crate `rumorph-dict-ru`, CC BY-SA 4.0): every analysis of a
//! form, ranked by probability, each with its lemma, part of speech ([`Pos`], the Universal
//! Dependencies UPOS) and grammemes ([`Features`]). Unknown words (new words, names) get
//! analyses guessed from their ending; `ё` may be written as `е`; hyphenated words and
//! capitalised names work.
//!
//! ```
//! use slovo::morph::{Case, Feature, Number};
//! use slovo::{Morph, Pos};
//!
//! let morph = Morph::new();
//! assert_eq!(morph.lemma("коммуникаций"), "коммуникация");
//! assert_eq!(morph.lemma("Токаева"), "токаев"); // not in the dictionary: guessed from -ева
//!
//! let best = &morph.parse("стали")[0];
//! assert_eq!((best.lemma(), best.pos()), ("стать", Pos::Verb));
//!
//! let cat = &morph.parse("кошка")[0];
//! let cats = morph.inflect(cat, [Feature::from(Case::Gen), Number::Plur.into()]).unwrap();
//! assert_eq!(cats.word(), "кошек");
//!
//! // Phrases in their dictionary form: the head noun in the nominative, adjectives agreeing.
//! assert_eq!(morph.normal_phrase("Европейского союза"), "Европейский союз");
//! assert_eq!(morph.normal_phrase("системы научных коммуникаций"), "система научных коммуникаций");
//! ```
//!
//! # Case and `ё` matter
//!
//! A word is analysed as written: `Вера` is first a name and `вера` a noun, `всё` is a pronoun
//! while `все` is ambiguous. Lowercasing the input first costs a point of lemma accuracy and
//! four of part-of-speech accuracy on UD GSD, so pass tokens as they stand in the text (stress
//! marks and soft hyphens are ignored). Lemmas come back lowercase (`Москвы` → `москва`) in the
//! dictionary's spelling, with `ё` (`елки` → `ёлка`).
//!
//! # Context
//!
//! [`Morph::parse`] and [`Morph::lemma`] look at one word. [`Morph::parse_sentence`] ranks the
//! analyses of each word of a sentence with rumorph's context model (a small BiLSTM): `книги`
//! in `Я читаю книги` is accusative, alone it is genitive. On the UD dev sets the context
//! raises lemma accuracy by about one point and part-of-speech accuracy by one to two
//! ([`examples/morph_score.rs`](https://github.com/slovo-nlp/slovo/blob/main/examples/morph_score.rs)).
//!
//! # Speed and memory
//!
//! The dictionary is an `fst` automaton compiled into the binary (about 20 MB, paged in by the
//! operating system as it is used): loading checks it once per process (`Morph::new` shares
//! one copy). [`Morph::lemma`] is memoized per thread, as the stemmer is, so running text is
//! lemmatized mostly by lookup. [`benches/results/morph.md`](https://github.com/slovo-nlp/slovo/blob/main/benches/results/morph.md) has the figures.

pub(crate) mod cache;
mod phrase;
mod tags;

use std::borrow::Cow;
use std::fmt;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, OnceLock};

use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};

pub use tags::{
    Animacy, Aspect, Case, Degree, Feature, Features, Gender, Mood, NameType, Number, Person, Pos,
    Tense, Variant, VerbForm, Voice,
};

/// Gives each loaded dictionary a number of its own, so per-thread caches never mix two.
static NEXT_DICTIONARY_ID: AtomicU64 = AtomicU64::new(1);

/// A loaded dictionary and what is derived from it once.
struct Dictionary {
    /// Never reused within a process: keys the per-thread lemma cache.
    id: u64,
    /// `None` only when the bundled dictionary could not be loaded by [`Morph::new`] (a build
    /// of `rumorph-dict-ru` without its data); every word then gets the fallback analysis.
    rumorph: Option<rumorph::Dictionary>,
    /// Part of speech, typed features and FEATS string of each UD tag, filled as tags are met.
    tags: Box<[OnceLock<TagInfo>]>,
}

/// What a [`Parse`] shows of its UD tag, computed once per tag.
#[derive(Clone)]
struct TagInfo {
    pos: Pos,
    features: Features,
    feats: Arc<str>,
}

impl Dictionary {
    fn new(rumorph: Option<rumorph::Dictionary>) -> Self {
        let count = rumorph.as_ref().map_or(0, |d| d.ud_tags().len());
        Dictionary {
            id: NEXT_DICTIONARY_ID.fetch_add(1, Ordering::Relaxed),
            rumorph,
            tags: (0..count).map(|_| OnceLock::new()).collect(),
        }
    }

    /// The part of speech, features and FEATS string of UD tag `ud`.
    fn tag(&self, ud: u16) -> TagInfo {
        let compute = || {
            let Some(tag) = self.rumorph.as_ref().and_then(|d| d.ud_tag(ud)) else {
                return TagInfo {
                    pos: Pos::X,
                    features: Features::default(),
                    feats: Arc::from(""),
                };
            };
            TagInfo {
                pos: Pos::from_upos(tag.pos()).unwrap_or(Pos::X),
                features: Features::from_feats(tag.feats()),
                feats: Arc::from(tag.feats_string()),
            }
        };
        match self.tags.get(usize::from(ud)) {
            Some(cell) => cell.get_or_init(compute).clone(),
            None => compute(),
        }
    }

    /// The part of speech of UD tag `ud` (the lemma cache's miss path).
    fn pos(&self, ud: u16) -> Pos {
        match self.tags.get(usize::from(ud)).and_then(OnceLock::get) {
            Some(info) => info.pos,
            None => self
                .rumorph
                .as_ref()
                .and_then(|d| d.ud_tag(ud))
                .and_then(|tag| Pos::from_upos(tag.pos()))
                .unwrap_or(Pos::X),
        }
    }

    /// The analyses of `word`, most probable first, context-free.
    ///
    /// rumorph's ranking with one general correction: a word in capitals that the dictionary
    /// does not know (`ТЮРКСОЙ`) is first an abbreviation, kept as written, rather than a
    /// form guessed from its ending (`тюркса`, instrumental).
    fn analyze(&self, word: &str) -> Vec<rumorph::Analysis> {
        let Some(dictionary) = &self.rumorph else {
            return Vec::new();
        };
        let mut analyses = dictionary.analyze(word);
        prefer_abbreviation(word, &mut analyses);
        analyses
    }

    fn parse(&self, analysis: rumorph::Analysis) -> Parse {
        let TagInfo {
            pos,
            features,
            feats,
        } = self.tag(analysis.ud);
        Parse {
            analysis,
            pos,
            features,
            feats,
            dictionary: self.id,
        }
    }

    /// The analysis a word with no analyses gets: itself, lowercased, part of speech X.
    fn fallback(&self, word: &str) -> Parse {
        Parse {
            analysis: rumorph::Analysis::new(
                word.to_owned(),
                word.to_lowercase(),
                u16::MAX,
                1.0,
                rumorph::Source::Rule,
            ),
            pos: Pos::X,
            features: Features::default(),
            feats: Arc::from(""),
            dictionary: self.id,
        }
    }
}

/// Moves the abbreviation reading of an unknown word in capitals to the front.
fn prefer_abbreviation(word: &str, analyses: &mut [rumorph::Analysis]) {
    let Some(first) = analyses.first() else {
        return;
    };
    if first.source != rumorph::Source::Guess || !is_capitals(word) {
        return;
    }
    let Some(at) = analyses
        .iter()
        .position(|a| a.source == rumorph::Source::Rule)
    else {
        return;
    };
    // The abbreviation takes the best probability and the guess its own, so the list stays
    // ranked and still sums to one.
    let (top, own) = (analyses[0].prob, analyses[at].prob);
    analyses[0].prob = own;
    analyses[at].prob = top;
    analyses[..=at].rotate_right(1);
    analyses[1..].sort_by(|a, b| b.prob.total_cmp(&a.prob));
}

/// At least two letters, all of them capitals (`ТЮРКСОЙ`, `ИТАР-ТАСС`).
fn is_capitals(word: &str) -> bool {
    let mut letters = 0;
    for c in word.chars().filter(|c| c.is_alphabetic()) {
        if !c.is_uppercase() {
            return false;
        }
        letters += 1;
    }
    letters >= 2
}

/// The bundled dictionary, loaded (and checked) once per process.
fn bundled() -> Result<Arc<Dictionary>> {
    static BUNDLED: OnceLock<std::result::Result<Arc<Dictionary>, String>> = OnceLock::new();
    BUNDLED
        .get_or_init(|| {
            rumorph::Dictionary::bundled()
                .map(|d| Arc::new(Dictionary::new(Some(d))))
                .map_err(|err| err.to_string())
        })
        .clone()
        .map_err(|reason| {
            Error::corrupt_model(format!("the bundled morphology dictionary: {reason}"))
        })
}

/// Where an analysis comes from.
///
/// ```
/// use slovo::morph::Origin;
/// let morph = slovo::Morph::new();
/// assert_eq!(morph.parse("союза")[0].origin(), Origin::Dictionary);
/// assert_eq!(morph.parse("Клинсмана")[0].origin(), Origin::Guess);
/// assert_eq!(morph.parse("2024")[0].origin(), Origin::Rule);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Origin {
    /// The form is in the dictionary.
    Dictionary,
    /// A token the dictionary does not hold, analysed by a rule: a number, a sign, a Latin
    /// word, a Roman numeral, an initial, an abbreviation.
    Rule,
    /// A Cyrillic word the dictionary does not hold, analysed by analogy: through the last
    /// part of a hyphenated word, the word without a known prefix, or its ending.
    Guess,
}

/// One analysis of a word form: lemma, part of speech, grammemes and probability.
///
/// Made by [`Morph::parse`], [`Morph::parse_sentence`] and [`Morph::inflect`].
///
/// ```
/// use slovo::morph::{Case, Number};
/// use slovo::Pos;
///
/// let morph = slovo::Morph::new();
/// let parse = &morph.parse("коммуникаций")[0];
/// assert_eq!(parse.lemma(), "коммуникация");
/// assert_eq!(parse.pos(), Pos::Noun);
/// assert_eq!(parse.features().case, Some(Case::Gen));
/// assert_eq!(parse.features().number, Some(Number::Plur));
/// assert_eq!(parse.feats(), "Animacy=Inan|Case=Gen|Gender=Fem|Number=Plur");
/// assert!(parse.score() > 0.9);
/// ```
#[derive(Clone, PartialEq)]
pub struct Parse {
    analysis: rumorph::Analysis,
    pos: Pos,
    features: Features,
    feats: Arc<str>,
    /// The dictionary this analysis belongs to: another dictionary may number tags differently.
    dictionary: u64,
}

impl Parse {
    /// The word form as the dictionary spells it: lowercase, with `ё` where the dictionary has
    /// it (`елки` → `ёлки`). Guessed words keep their letters as given.
    ///
    /// ```
    /// let morph = slovo::Morph::new();
    /// assert_eq!(morph.parse("Елки")[0].word(), "ёлки");
    /// ```
    #[must_use]
    pub fn word(&self) -> &str {
        &self.analysis.word
    }

    /// The lemma (dictionary form), lowercase, following the UD conventions of SynTagRus
    /// (`стали` → `стать`, `лучше` → `хороший`, participles have their own lemma).
    ///
    /// ```
    /// let morph = slovo::Morph::new();
    /// assert_eq!(morph.parse("Москвы")[0].lemma(), "москва");
    /// ```
    #[must_use]
    pub fn lemma(&self) -> &str {
        &self.analysis.lemma
    }

    /// The part of speech (UPOS).
    ///
    /// ```
    /// let morph = slovo::Morph::new();
    /// assert_eq!(morph.parse("Москвы")[0].pos(), slovo::Pos::Propn);
    /// ```
    #[must_use]
    pub fn pos(&self) -> Pos {
        self.pos
    }

    /// The typed grammemes (case, number, gender, tense …).
    ///
    /// ```
    /// let morph = slovo::Morph::new();
    /// let f = morph.parse("обсудили")[0].features();
    /// assert_eq!(f.tense, Some(slovo::morph::Tense::Past));
    /// ```
    #[must_use]
    pub fn features(&self) -> Features {
        self.features
    }

    /// Every UD feature as CoNLL-U writes it (`Case=Gen|Number=Sing`), including those
    /// [`Features`] has no field for (`PronType`, `Abbr` …); empty when there are none.
    ///
    /// ```
    /// let morph = slovo::Morph::new();
    /// assert_eq!(morph.parse("союза")[0].feats(), "Animacy=Inan|Case=Gen|Gender=Masc|Number=Sing");
    /// assert!(morph.parse("этого")[0].feats().ends_with("PronType=Dem"));
    /// assert_eq!(morph.parse("и")[0].feats(), "");
    /// ```
    #[must_use]
    pub fn feats(&self) -> &str {
        &self.feats
    }

    /// The value of one UD feature by name, from [`feats`](Self::feats).
    ///
    /// ```
    /// let morph = slovo::Morph::new();
    /// let parse = &morph.parse("этого")[0];
    /// assert_eq!(parse.feat("PronType"), Some("Dem"));
    /// assert_eq!(parse.feat("Tense"), None);
    /// ```
    #[must_use]
    pub fn feat(&self, name: &str) -> Option<&str> {
        self.feats.split('|').find_map(|pair| {
            let (key, value) = pair.split_once('=')?;
            (key == name).then_some(value)
        })
    }

    /// The probability of this analysis among the word's analyses (they sum to 1); with
    /// context, the context model's estimate.
    ///
    /// ```
    /// let morph = slovo::Morph::new();
    /// let total: f64 = morph.parse("стали").iter().map(|p| p.score()).sum();
    /// assert!((total - 1.0).abs() < 1e-6);
    /// ```
    #[must_use]
    pub fn score(&self) -> f64 {
        self.analysis.prob
    }

    /// Where the analysis comes from: the dictionary, a rule, or a guess.
    ///
    /// ```
    /// let morph = slovo::Morph::new();
    /// assert_eq!(morph.parse("Токаевым")[0].origin(), slovo::morph::Origin::Dictionary);
    /// ```
    #[must_use]
    pub fn origin(&self) -> Origin {
        match self.analysis.source {
            rumorph::Source::Dictionary => Origin::Dictionary,
            rumorph::Source::Guess => Origin::Guess,
            _ => Origin::Rule,
        }
    }
}

impl fmt::Debug for Parse {
    /// The form, lemma, part of speech, features and score.
    ///
    /// ```
    /// let morph = slovo::Morph::new();
    /// let shown = format!("{:?}", morph.parse("союза")[0]);
    /// assert!(shown.starts_with("Parse { word: \"союза\", lemma: \"союз\", pos: Noun"));
    /// ```
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Parse")
            .field("word", &self.word())
            .field("lemma", &self.lemma())
            .field("pos", &self.pos)
            .field("feats", &self.feats())
            .field("score", &self.score())
            .field("origin", &self.origin())
            .finish()
    }
}

/// What a [`Morph`] does; serializable, so a model that uses one can record it.
///
/// Missing fields take their defaults when deserializing.
///
/// ```
/// let config = slovo::MorphConfig::default();
/// assert!(config.context);
/// assert_eq!(config.dictionary, None);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
#[non_exhaustive]
pub struct MorphConfig {
    /// Whether [`Morph::parse_sentence`] ranks analyses with the context model (default
    /// `true`); without it, each word is ranked alone, as by [`Morph::parse`].
    pub context: bool,
    /// A dictionary file in rumorph's format to use instead of the bundled one (default
    /// `None`: the bundled dictionary).
    pub dictionary: Option<PathBuf>,
}

impl Default for MorphConfig {
    fn default() -> Self {
        MorphConfig {
            context: true,
            dictionary: None,
        }
    }
}

/// Builds a [`Morph`]; see [`Morph::builder`].
///
/// ```
/// let morph = slovo::Morph::builder().context(false).build()?;
/// assert!(!morph.config().context);
/// # Ok::<(), slovo::Error>(())
/// ```
#[derive(Debug, Clone, Default)]
#[must_use]
pub struct MorphBuilder {
    config: MorphConfig,
}

impl MorphBuilder {
    /// Whether [`Morph::parse_sentence`] uses the context model (default `true`).
    ///
    /// ```
    /// let morph = slovo::Morph::builder().context(false).build()?;
    /// let words = morph.parse_sentence(&["Я", "читаю", "книги"]);
    /// assert_eq!(words[2].features().case, Some(slovo::morph::Case::Gen)); // alone: genitive
    /// # Ok::<(), slovo::Error>(())
    /// ```
    pub fn context(mut self, context: bool) -> Self {
        self.config.context = context;
        self
    }

    /// Reads the dictionary from a file in rumorph's format (built with rumorph's `build`
    /// feature) instead of using the bundled one. The file is memory-mapped: do not overwrite
    /// it while it is in use.
    ///
    /// ```
    /// let err = slovo::Morph::builder().dictionary("no/such/ru.dict").build().unwrap_err();
    /// assert!(matches!(err, slovo::Error::Io { .. }));
    /// ```
    pub fn dictionary(mut self, path: impl Into<PathBuf>) -> Self {
        self.config.dictionary = Some(path.into());
        self
    }

    /// The analyzer.
    ///
    /// # Errors
    ///
    /// [`Error::Io`] when the dictionary file cannot be read; [`Error::CorruptModel`] when it
    /// is not a rumorph dictionary (or the bundled one is missing: a build of
    /// `rumorph-dict-ru` without its data).
    ///
    /// ```
    /// let morph = slovo::Morph::builder().build()?;
    /// assert_eq!(morph.lemma("книгами"), "книга");
    /// # Ok::<(), slovo::Error>(())
    /// ```
    pub fn build(self) -> Result<Morph> {
        let dictionary = match &self.config.dictionary {
            None => bundled()?,
            Some(path) => Arc::new(Dictionary::new(Some(open(path)?))),
        };
        Ok(Morph {
            inner: Arc::new(Inner {
                dictionary,
                config: self.config,
            }),
        })
    }
}

impl From<MorphConfig> for MorphBuilder {
    /// A builder preset to `config` (validated by [`build`](MorphBuilder::build)).
    ///
    /// ```
    /// let mut config = slovo::MorphConfig::default();
    /// config.context = false;
    /// let morph = slovo::MorphBuilder::from(config.clone()).build()?;
    /// assert_eq!(morph.config(), &config);
    /// # Ok::<(), slovo::Error>(())
    /// ```
    fn from(config: MorphConfig) -> Self {
        MorphBuilder { config }
    }
}

/// Opens a dictionary file, with errors that name it.
fn open(path: &Path) -> Result<rumorph::Dictionary> {
    rumorph::Dictionary::open(path).map_err(|err| match err {
        rumorph::Error::Io(source) => Error::Io {
            path: path.to_owned(),
            source,
        },
        other => Error::corrupt_model(format!(
            "{} is not a rumorph dictionary: {other}",
            path.display()
        )),
    })
}

struct Inner {
    dictionary: Arc<Dictionary>,
    config: MorphConfig,
}

/// The morphological analyzer: word forms → analyses, lemmas, inflected forms.
///
/// `Morph` is `Send + Sync` and cheap to clone (one `Arc`). [`Morph::new`] shares the bundled
/// dictionary, loaded once per process; [`Morph::builder`] sets options. Every method on
/// `&str` is total: any string gives a result and nothing panics.
///
/// ```
/// use slovo::Morph;
///
/// let morph = Morph::new();
/// let lemmas: Vec<String> = "Стороны обсудили вопросы партнёрства"
///     .split(' ')
///     .map(|w| morph.lemma(w).into_owned())
///     .collect();
/// assert_eq!(lemmas, ["сторона", "обсудить", "вопрос", "партнёрство"]);
/// ```
#[derive(Clone)]
pub struct Morph {
    inner: Arc<Inner>,
}

impl Morph {
    /// The defaults with the bundled dictionary, shared by every `Morph::new()` of the process
    /// (the first call loads it, in a few milliseconds).
    ///
    /// Never fails: if the bundled dictionary cannot be loaded (a build of `rumorph-dict-ru`
    /// without its data), every word gets one analysis, itself lowercased with part of speech
    /// X; [`Morph::builder`]`().build()` reports that as an error instead.
    ///
    /// ```
    /// let morph = slovo::Morph::new();
    /// assert_eq!(morph.lemma("стали"), "стать");
    /// ```
    #[must_use]
    pub fn new() -> Self {
        static DEFAULT: OnceLock<Morph> = OnceLock::new();
        DEFAULT
            .get_or_init(|| {
                Morph::builder().build().unwrap_or_else(|_| Morph {
                    inner: Arc::new(Inner {
                        dictionary: Arc::new(Dictionary::new(None)),
                        config: MorphConfig::default(),
                    }),
                })
            })
            .clone()
    }

    /// A builder starting from the defaults.
    ///
    /// ```
    /// let morph = slovo::Morph::builder().context(false).build()?;
    /// assert!(!morph.config().context);
    /// # Ok::<(), slovo::Error>(())
    /// ```
    pub fn builder() -> MorphBuilder {
        MorphBuilder::default()
    }

    /// A builder preset to this analyzer's options.
    ///
    /// ```
    /// let morph = slovo::Morph::new();
    /// let other = morph.to_builder().context(false).build()?;
    /// assert!(morph.config().context && !other.config().context);
    /// # Ok::<(), slovo::Error>(())
    /// ```
    pub fn to_builder(&self) -> MorphBuilder {
        MorphBuilder::from(self.inner.config.clone())
    }

    /// The options this analyzer was built with.
    ///
    /// ```
    /// assert_eq!(slovo::Morph::new().config(), &slovo::MorphConfig::default());
    /// ```
    #[must_use]
    pub fn config(&self) -> &MorphConfig {
        &self.inner.config
    }

    /// What the dictionary says about itself: a JSON object naming its sources, their
    /// revisions and licences.
    ///
    /// ```
    /// let meta = slovo::Morph::new().dictionary_meta().to_owned();
    /// assert!(meta.contains("opencorpora") && meta.contains("CC BY-SA 4.0"));
    /// ```
    #[must_use]
    pub fn dictionary_meta(&self) -> &str {
        self.dictionary().rumorph.as_ref().map_or("", |d| d.meta())
    }

    fn dictionary(&self) -> &Dictionary {
        &self.inner.dictionary
    }

    /// Every analysis of one word form, most probable first.
    ///
    /// The word is analysed as written: capitals raise the chance of a proper name, `ё` narrows
    /// the choice (`все`/`всё`), stress marks and soft hyphens are ignored. A word the
    /// dictionary does not know gets analyses guessed from its ending (or read by a rule:
    /// numbers, Latin words, abbreviations in capitals). An empty string and a string with
    /// spaces or control characters have no analyses.
    ///
    /// ```
    /// use slovo::Pos;
    /// let morph = slovo::Morph::new();
    ///
    /// let parses = morph.parse("стали");
    /// assert_eq!((parses[0].lemma(), parses[0].pos()), ("стать", Pos::Verb));
    /// assert!(parses.iter().any(|p| p.lemma() == "сталь" && p.pos() == Pos::Noun));
    ///
    /// assert_eq!(morph.parse("Ростов-на-Дону")[0].lemma(), "ростов-на-дону");
    /// assert_eq!(morph.parse("ТЮРКСОЙ")[0].lemma(), "тюрксой"); // an abbreviation
    /// assert!(morph.parse("").is_empty() && morph.parse("два слова").is_empty());
    /// ```
    #[must_use]
    pub fn parse(&self, word: &str) -> Vec<Parse> {
        let dictionary = self.dictionary();
        dictionary
            .analyze(word)
            .into_iter()
            .map(|a| dictionary.parse(a))
            .collect()
    }

    /// The lemma of the most probable analysis of `word`, without context.
    ///
    /// Borrowed from `word` when the word is its own lemma, owned otherwise. Results are
    /// remembered per thread (up to 114,688 word forms), so lemmatizing running text is
    /// mostly a hash lookup. A string with no analysis (empty, with spaces or control
    /// characters) comes back lowercased.
    ///
    /// ```
    /// use std::borrow::Cow;
    /// let morph = slovo::Morph::new();
    /// assert_eq!(morph.lemma("Европейского"), "европейский");
    /// assert_eq!(morph.lemma("Клинсмана"), "клинсман"); // guessed
    /// assert_eq!(morph.lemma("кто-то"), "кто-то");
    /// assert!(matches!(morph.lemma("союз"), Cow::Borrowed("союз")));
    /// ```
    #[must_use]
    pub fn lemma<'w>(&self, word: &'w str) -> Cow<'w, str> {
        self.with_lemma(word, |lemma, _| {
            if lemma == word {
                Cow::Borrowed(word)
            } else {
                Cow::Owned(lemma.to_owned())
            }
        })
    }

    /// Calls `f` with the lemma and part of speech of the most probable analysis of `word`
    /// (context-free, as [`lemma`](Self::lemma)), without allocating: the hot path for
    /// lemmatizing running text. The `&str` lives only for the call; copy it to keep it.
    ///
    /// ```
    /// use slovo::Pos;
    /// let morph = slovo::Morph::new();
    /// let mut counts = std::collections::HashMap::new();
    /// for word in "Европейского союза и Европейский союз".split(' ') {
    ///     morph.with_lemma(word, |lemma, pos| {
    ///         if pos != Pos::Cconj {
    ///             *counts.entry(lemma.to_owned()).or_insert(0) += 1;
    ///         }
    ///     });
    /// }
    /// assert_eq!(counts["европейский"], 2);
    /// assert_eq!(counts["союз"], 2);
    /// ```
    pub fn with_lemma<R>(&self, word: &str, f: impl FnOnce(&str, Pos) -> R) -> R {
        cache::with_lemmatizer(self.dictionary(), |l| l.lemma(word, false, f))
    }

    /// Calls `f` with the lemma and part of speech of each word in turn (as
    /// [`with_lemma`](Self::with_lemma) does for one), borrowing this thread's cache once for
    /// all of them: the fastest way to lemmatize a list of tokens.
    ///
    /// ```
    /// let morph = slovo::Morph::new();
    /// let mut lemmas = Vec::new();
    /// morph.for_each_lemma(["Стороны", "обсудили", "вопросы"], |lemma, _| lemmas.push(lemma.to_owned()));
    /// assert_eq!(lemmas, ["сторона", "обсудить", "вопрос"]);
    /// ```
    pub fn for_each_lemma<I>(&self, words: I, mut f: impl FnMut(&str, Pos))
    where
        I: IntoIterator,
        I::Item: AsRef<str>,
    {
        cache::with_lemmatizer(self.dictionary(), |l| {
            for word in words {
                l.lemma(word.as_ref(), false, &mut f);
            }
        });
    }

    /// [`with_lemma`](Self::with_lemma) with the lemma [folded](crate::fold) (lowercase,
    /// `ё` → `е`, as the analyzer's normalized terms are) when `fold` is set; both forms are
    /// cached, so folding costs nothing on a hit. For the analyzer: pass the token as written
    /// (case and `ё` help the analysis; see the module docs), not its normalized form.
    #[allow(dead_code)] // the analyzer's entry point, wired up with `TermForm::Lemma`
    pub(crate) fn with_lemma_folded<R>(
        &self,
        word: &str,
        fold: bool,
        f: impl FnOnce(&str, Pos) -> R,
    ) -> R {
        cache::with_lemmatizer(self.dictionary(), |l| l.lemma(word, fold, f))
    }

    /// Runs `f` with this thread's lemma cache, for many lookups with one thread-local access
    /// (`Lemmatizer::lemma(word, fold, f)`): what the analyzer holds for a whole text, as it
    /// holds the thread's stemmer.
    pub(crate) fn with_lemmatizer<R>(&self, f: impl FnOnce(&mut cache::Lemmatizer<'_>) -> R) -> R {
        cache::with_lemmatizer(self.dictionary(), f)
    }

    /// Forgets the lemmas cached on this thread and releases the cache's memory (about 6 MB
    /// when full). Other threads' caches are not touched.
    ///
    /// ```
    /// let morph = slovo::Morph::new();
    /// assert_eq!(morph.lemma("союза"), "союз");
    /// slovo::Morph::clear_thread_cache();
    /// assert_eq!(morph.lemma("союза"), "союз"); // analysed again
    /// ```
    pub fn clear_thread_cache() {
        cache::clear_thread_cache();
    }

    /// The lemma and part of speech of `word` computed without the cache (its miss path).
    fn lemma_uncached(dictionary: &Dictionary, word: &str) -> (String, Pos) {
        match dictionary.analyze(word).into_iter().next() {
            Some(best) => {
                let pos = dictionary.pos(best.ud);
                (best.lemma, pos)
            }
            None => (word.to_lowercase(), Pos::X),
        }
    }

    /// Whether the dictionary holds this word form (case does not matter, `е` may stand for
    /// `ё`).
    ///
    /// ```
    /// let morph = slovo::Morph::new();
    /// assert!(morph.is_known("Москвы") && morph.is_known("елки"));
    /// assert!(!morph.is_known("Клинсмана"));
    /// ```
    #[must_use]
    pub fn is_known(&self, word: &str) -> bool {
        self.dictionary()
            .rumorph
            .as_ref()
            .is_some_and(|d| d.is_known(word))
    }

    /// The best analysis of each word of a sentence, chosen with the context model (unless the
    /// analyzer was built with `context(false)`). `words` are the sentence's tokens in order,
    /// punctuation included; the result has one [`Parse`] per word (a string with no analysis
    /// gets itself, lowercased, as lemma and part of speech X).
    ///
    /// ```
    /// use slovo::morph::Case;
    /// let morph = slovo::Morph::new();
    /// let words = morph.parse_sentence(&["Я", "читаю", "книги", "."]);
    /// assert_eq!(words.len(), 4);
    /// assert_eq!(words[2].features().case, Some(Case::Acc)); // alone it would be genitive
    /// assert_eq!(words[3].pos(), slovo::Pos::Punct);
    /// ```
    #[must_use]
    pub fn parse_sentence<S: AsRef<str>>(&self, words: &[S]) -> Vec<Parse> {
        let dictionary = self.dictionary();
        self.ranked_sentence(words)
            .into_iter()
            .zip(words)
            .map(|(analyses, word)| match analyses.into_iter().next() {
                Some(best) => dictionary.parse(best),
                None => dictionary.fallback(word.as_ref()),
            })
            .collect()
    }

    /// Every analysis of each word of a sentence, ranked in context as in
    /// [`parse_sentence`](Self::parse_sentence) (empty for a string with no analysis).
    ///
    /// ```
    /// let morph = slovo::Morph::new();
    /// let words = morph.parse_sentence_all(&["Мы", "стали", "друзьями"]);
    /// assert_eq!(words[1][0].lemma(), "стать");
    /// assert!(words[1].len() > 1);
    /// ```
    #[must_use]
    pub fn parse_sentence_all<S: AsRef<str>>(&self, words: &[S]) -> Vec<Vec<Parse>> {
        let dictionary = self.dictionary();
        self.ranked_sentence(words)
            .into_iter()
            .map(|analyses| analyses.into_iter().map(|a| dictionary.parse(a)).collect())
            .collect()
    }

    fn ranked_sentence<S: AsRef<str>>(&self, words: &[S]) -> Vec<Vec<rumorph::Analysis>> {
        let dictionary = self.dictionary();
        let context_free = || {
            words
                .iter()
                .map(|w| dictionary.analyze(w.as_ref()))
                .collect()
        };
        match &dictionary.rumorph {
            // A dictionary without a context model (one built without it) ranks word by word.
            Some(rumorph) if self.inner.config.context => rumorph
                .analyze_sentence(words)
                .ok()
                .filter(|ranked| ranked.len() == words.len())
                .unwrap_or_else(context_free),
            _ => context_free(),
        }
    }

    /// The form of the same lexeme with the given features; the other features stay as
    /// close to `parse` as the paradigm allows. `None` when the lexeme has no such form, or
    /// `parse` came from another dictionary.
    ///
    /// ```
    /// use slovo::morph::{Case, Feature, Number, Tense};
    /// let morph = slovo::Morph::new();
    ///
    /// let cat = &morph.parse("кошка")[0];
    /// assert_eq!(morph.inflect(cat, [Case::Ins]).unwrap().word(), "кошкой");
    /// let many = [Feature::from(Case::Gen), Number::Plur.into()];
    /// assert_eq!(morph.inflect(cat, many).unwrap().word(), "кошек");
    ///
    /// let verb = &morph.parse("читать")[0];
    /// assert_eq!(morph.inflect(verb, [Case::Gen]).unwrap().word(), "читающего"); // a participle
    /// assert!(morph.inflect(cat, [Tense::Past]).is_none()); // nouns have no tense
    /// ```
    #[must_use]
    pub fn inflect<F: Into<Feature>>(
        &self,
        parse: &Parse,
        features: impl IntoIterator<Item = F>,
    ) -> Option<Parse> {
        let dictionary = self.own(parse)?;
        let features: Vec<Feature> = features.into_iter().map(Into::into).collect();
        let pairs: Vec<(&str, &str)> = features.iter().map(|f| (f.name(), f.value())).collect();
        let form = dictionary
            .rumorph
            .as_ref()?
            .inflect(&parse.analysis, &pairs)?;
        Some(dictionary.parse(form))
    }

    /// Every form of the lexeme of `parse`, in the order of its paradigm (each with score 1).
    ///
    /// ```
    /// let morph = slovo::Morph::new();
    /// let forms = morph.forms(&morph.parse("союз")[0]);
    /// let words: Vec<&str> = forms.iter().map(|p| p.word()).collect();
    /// assert!(words.contains(&"союзами") && words.contains(&"союзе"));
    /// ```
    #[must_use]
    pub fn forms(&self, parse: &Parse) -> Vec<Parse> {
        let Some(dictionary) = self.own(parse) else {
            return Vec::new();
        };
        let Some(rumorph) = &dictionary.rumorph else {
            return Vec::new();
        };
        rumorph
            .forms(&parse.analysis)
            .into_iter()
            .map(|a| dictionary.parse(a))
            .collect()
    }

    /// The form that agrees with a count: `1 рубль`, `2 рубля`, `5 рублей`, in the case of
    /// `parse` (`о 5 рублях`). Nouns, adjectives and participles agree; `None` for other
    /// words.
    ///
    /// ```
    /// let morph = slovo::Morph::new();
    /// let ruble = &morph.parse("рубль")[0];
    /// let forms: Vec<String> = [1, 2, 5, 21]
    ///     .iter()
    ///     .map(|&n| morph.agree(ruble, n).unwrap().word().to_owned())
    ///     .collect();
    /// assert_eq!(forms, ["рубль", "рубля", "рублей", "рубль"]);
    /// ```
    #[must_use]
    pub fn agree(&self, parse: &Parse, count: u64) -> Option<Parse> {
        let dictionary = self.own(parse)?;
        let form = dictionary.rumorph.as_ref()?.agree(&parse.analysis, count)?;
        Some(dictionary.parse(form))
    }

    /// This analyzer's dictionary, if `parse` came from it.
    fn own(&self, parse: &Parse) -> Option<&Dictionary> {
        let dictionary = self.dictionary();
        (parse.dictionary == dictionary.id).then_some(dictionary)
    }

    /// A noun phrase in its dictionary form: the head noun in the nominative (keeping its
    /// number), the adjectives and participles before it agreeing with it, a name that follows
    /// a name (`Дональда Трампа`) in the nominative too, and everything after the head
    /// (genitive dependents: `системы научных коммуникаций`) unchanged. Each word keeps its
    /// capitalisation (`ЕВРОПЕЙСКОГО` → `ЕВРОПЕЙСКИЙ`) and the text between words is kept.
    ///
    /// A single word becomes its lemma, capitalised as written. A phrase that is not a noun
    /// phrase (no noun, or words before the noun that are not adjectives) comes back as given.
    ///
    /// ```
    /// let morph = slovo::Morph::new();
    /// assert_eq!(morph.normal_phrase("Европейского союза"), "Европейский союз");
    /// assert_eq!(morph.normal_phrase("научных коммуникаций"), "научные коммуникации");
    /// assert_eq!(morph.normal_phrase("системы научных коммуникаций"), "система научных коммуникаций");
    /// assert_eq!(morph.normal_phrase("Касым-Жомарта Токаева"), "Касым-Жомарт Токаев");
    /// assert_eq!(morph.normal_phrase("Японию"), "Япония");
    /// assert_eq!(morph.normal_phrase("в Москве"), "в Москве"); // not a noun phrase
    /// ```
    #[must_use]
    pub fn normal_phrase(&self, phrase: &str) -> String {
        phrase::normal_phrase(self.dictionary(), phrase)
    }

    /// [`normal_phrase`](Self::normal_phrase) on a phrase given as its words (tokens).
    ///
    /// ```
    /// let morph = slovo::Morph::new();
    /// assert_eq!(morph.normal_phrase_words(&["Дональда", "Трампа"]), ["Дональд", "Трамп"]);
    /// ```
    #[must_use]
    pub fn normal_phrase_words<S: AsRef<str>>(&self, words: &[S]) -> Vec<String> {
        phrase::normal_phrase_words(self.dictionary(), words)
    }

    /// [`normal_phrase_words`](Self::normal_phrase_words) for the phrase `sentence[phrase]`
    /// (a range of word positions), with each word's analyses ranked in the context of the
    /// whole sentence, as [`parse_sentence`](Self::parse_sentence) ranks them. A word form
    /// that is ambiguous alone is read as the sentence uses it: `системы` is genitive singular
    /// in `развитие системы связи` and nominative plural in `системы связи развиваются`.
    /// A range outside the sentence is clipped to it.
    ///
    /// ```
    /// let morph = slovo::Morph::new();
    /// let sentence = ["Системы", "связи", "быстро", "развиваются", "."];
    /// assert_eq!(morph.normal_phrase_in_sentence(&sentence, 0..2), ["Системы", "связи"]);
    /// let sentence = ["Мы", "обсудили", "развитие", "системы", "связи", "."];
    /// assert_eq!(morph.normal_phrase_in_sentence(&sentence, 3..5), ["система", "связи"]);
    /// ```
    #[must_use]
    pub fn normal_phrase_in_sentence<S: AsRef<str>>(
        &self,
        sentence: &[S],
        phrase: std::ops::Range<usize>,
    ) -> Vec<String> {
        let ranked = self.ranked_sentence(sentence);
        phrase::normal_phrase_in_sentence(self.dictionary(), sentence, ranked, phrase)
    }

    /// `word` put into the form that has `features`, written as `word` is (in capitals,
    /// capitalised, `е` for `ё`), or `None` when none of its analyses has such a form.
    ///
    /// The analyses are tried most probable first: `быстро` is first an adverb, which has no
    /// case, so its genitive is that of its second reading, the adjective `быстрый`. To
    /// inflect one chosen analysis, use [`inflect`](Self::inflect).
    ///
    /// ```
    /// use slovo::morph::{Case, Feature, Number};
    ///
    /// let morph = slovo::Morph::new();
    /// assert_eq!(morph.inflect_word("Москва", [Case::Gen]).as_deref(), Some("Москвы"));
    /// let plural_genitive = [Feature::from(Case::Gen), Number::Plur.into()];
    /// assert_eq!(morph.inflect_word("кошка", plural_genitive).as_deref(), Some("кошек"));
    /// assert_eq!(morph.inflect_word("быстро", [Case::Gen]).as_deref(), Some("быстрого"));
    /// assert_eq!(morph.inflect_word("и", [Case::Gen]), None);
    /// ```
    #[must_use]
    pub fn inflect_word<F: Into<Feature>>(
        &self,
        word: &str,
        features: impl IntoIterator<Item = F>,
    ) -> Option<String> {
        let features: Vec<Feature> = features.into_iter().map(Into::into).collect();
        self.parse(word).iter().find_map(|parse| {
            let form = self.inflect(parse, features.iter().copied())?;
            Some(phrase::like_written(word, &parse.analysis, form.word()))
        })
    }
}

impl Default for Morph {
    /// Same as [`Morph::new`].
    ///
    /// ```
    /// assert_eq!(slovo::Morph::default().lemma("союза"), "союз");
    /// ```
    fn default() -> Self {
        Morph::new()
    }
}

impl fmt::Debug for Morph {
    /// The options, not the dictionary.
    ///
    /// ```
    /// let shown = format!("{:?}", slovo::Morph::new());
    /// assert!(shown.starts_with("Morph { config: MorphConfig { context: true"));
    /// ```
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Morph")
            .field("config", &self.inner.config)
            .finish_non_exhaustive()
    }
}

#[cfg(test)]
mod tests;

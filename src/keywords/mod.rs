//! Keyword extraction from a single document.
//!
//! # How it works
//!
//! 1. **Scan.** The text goes through an [`Analyzer`] (tokenize,
//!    normalize, drop stop words and one-letter words, stem); numbers, abbreviations and
//!    anything dropped are left out and break phrases, as do punctuation and line
//!    breaks. Words are grouped into terms: by **lemma** with the `morph` feature (the
//!    `Morph` analysis of each written form, which also gives its part of
//!    speech), by **stem** without it. For each term the scan records its frequency, the
//!    first sentence it appears in (the title line is sentence 0), how many sentences it
//!    spreads over, how often it is capitalised *inside* a sentence (names; a capital at
//!    a sentence start says nothing), how often it is all caps (`ЕС`, `НАТО`), and how
//!    often it is a noun, a proper noun, a verb, an adjective or an adverb (from the
//!    morphology, or from its ending in `data/endings.txt` without it).
//! 2. **Candidates.** Every term, and every run of up to `max_phrase_len` words seen at
//!    least twice without a break. With morphology a keyword is a noun phrase: a lone
//!    verb, adverb or adjective is never one, and phrases follow the patterns *adjectives +
//!    noun* (`Европейский союз`), *noun + genitive* (`система связи`) and *name + name*
//!    (`Дональд Трамп`, a candidate from its first occurrence).
//! 3. **Score.** A logistic regression over 33 features of those signals plus rarity
//!    against a [`Background`] (document frequencies from public-domain prose, shipped in
//!    `data/background.txt`, or from your own corpus, where a word in nearly every
//!    document, such as a source's own name, is ranked down), fitted on a gold set of
//!    Russian news and papers (`scripts/fit_keyword_weights.py`). First names alone, words
//!    capitalised only at sentence starts and verbs weigh against a candidate; nouns and
//!    names in the body of the text for it. With morphology that score is the *evidence*
//!    of each word, and a second model ranks (`scripts/fit_keyword_ranking.py`): it adds a
//!    phrase's words' evidence (`Дональд Трамп` is as good as `Трамп` is), common nouns
//!    the text writes in lowercase (thematic words such as `выборы`), capitalised phrases
//!    and the gap to the document's best word, and is fitted to pick keywords that equal
//!    or overlap what people tag. [`Keyword::score`] is its probability.
//! 4. **Choose.** A phrase enters only if it outscores each of its words — or if one of its
//!    words almost never occurs without it (`Дональд` → `Дональд Трамп`,
//!    `US` → `US Open`), in which case the phrase takes that word's place; with morphology
//!    a full name always takes the place of its words. With morphology no two keywords
//!    share a lemma (`Обама` and `Барак Обама` are kept once). The best `k` are returned,
//!    each shown in its dictionary form with agreement (`Европейского союза` →
//!    `Европейский союз`; without morphology, its most frequent written form), with that
//!    written form and all its spans.
//!
//! # Quality and speed
//!
//! On the dev split of a Russian keyword gold set (1,575 news articles and papers, the
//! title given with [`KeywordExtractor::extract_with_title`], first 10 keywords), the
//! default extractor with the `morph` feature scores exact F1 27.8 and partial F1 36.0
//! (stem-sequence matching), and 26.6 on the phrases as written (lowercase, no stemming: the
//! form a person would print); without `morph`, 25.0 / 34.2 / 11.8. YAKE on single words
//! (`yake-rust`) scores 18.6 / 28.8. With `morph` the extractor is 11–17 times faster than
//! `yake-rust` on 12–13 KB documents (`benches/keywords.rs`, recorded in
//! `benches/results/keywords.md`). `examples/keywords_eval.rs` reproduces the F1 figures.

mod background;
mod rank;
mod scan;

use crate::span::Span;

#[cfg(feature = "morph")]
use crate::morph::Morph;
use crate::terms::{Analyzer, StopWords};

pub use background::Background;

/// One keyword of a document.
///
/// ```
/// let text = "Казахстан и ЕС обсудили сотрудничество. Казахстан ценит ЕС.";
/// let kw = &slovo::keywords(text, 3)[0];
/// for span in &kw.spans {
///     assert!(!text[*span].is_empty());
/// }
/// assert!(kw.score > 0.0);
///
/// // Serializes with serde (for the CLI's JSON output, for example).
/// let json = serde_json::to_string(kw).unwrap();
/// assert!(json.starts_with(r#"{"phrase":"#));
/// ```
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
#[non_exhaustive]
pub struct Keyword {
    /// The phrase to show. With the `morph` feature, in its dictionary form with agreement
    /// (`Европейский союз` for `Европейского союза`; words the text writes in lowercase
    /// are lowercase: `вакцина`, not a sentence-initial `Вакцину`); without it, as
    /// [`surface`](Keyword::surface).
    pub phrase: String,
    /// The phrase as it is written in the text, in its most frequent form
    /// (`Европейского союза`, not the stems `европейск союз`).
    #[serde(default)]
    pub surface: String,
    /// The phrase's stems, lowercase, `ё` folded, joined by single spaces (`европейск
    /// союз`): without `morph`, the identity used to merge inflected forms (`союз`, `союза`,
    /// `союзом` → `союз`); with it, forms are merged by lemma, and this is the stems of the
    /// phrase's first occurrence.
    pub stem_key: String,
    /// How likely the phrase is a keyword of the document, in `(0, 1)`: the output of
    /// the ranking model (a logistic regression over the signals described at
    /// [`KeywordExtractor`]). Higher is better.
    pub score: f64,
    /// Byte ranges of every occurrence of the phrase in the text, in text order.
    pub spans: Vec<Span>,
}

/// The default [`KeywordExtractorBuilder::min_score`]: keywords whose score (the ranking
/// model's probability that a phrase is a keyword) is below it are left out, so a short or
/// unfocused text gets fewer than `k` rather than filler.
///
/// Chosen on the even half of the keyword dev set (news and abstracts with the keywords
/// people tagged), K = 10, with `morph`: F1@10 exact 26.6 → 28.2 and partial 34.1 → 36.1
/// against `0.0`; on the odd half, not used for the choice, 26.0 → 27.5 and 34.1 → 35.9.
/// Without `morph` (stems) it is neutral (exact 24.8 → 25.4, partial 34.6 → 34.2). Set
/// `min_score(0.0)` to always get `k` keywords when the text has that many candidates.
///
/// ```
/// use slovo::keywords::{KeywordExtractor, DEFAULT_MIN_SCORE};
///
/// assert_eq!(KeywordExtractor::new().min_score(), DEFAULT_MIN_SCORE);
/// let every = KeywordExtractor::builder().min_score(0.0).build()?;
/// assert_eq!(every.min_score(), 0.0);
/// # Ok::<(), slovo::Error>(())
/// ```
pub const DEFAULT_MIN_SCORE: f64 = 0.15;

/// Extracts the `k` best keywords of `text` with the default [`KeywordExtractor`].
///
/// Needs no corpus: a small table of background word frequencies ships with the crate.
///
/// ```
/// let text = "Вакцина QazVac прошла испытания. Казахстанская вакцина QazVac \
///             может стать основой сотрудничества. Испытания вакцины продолжатся.";
/// let top = slovo::keywords(text, 3);
/// assert!(top.len() <= 3);
/// assert!(top.iter().any(|k| k.stem_key == "вакцин"));
/// ```
#[must_use]
pub fn keywords(text: &str, k: usize) -> Vec<Keyword> {
    KeywordExtractor {
        k,
        ..KeywordExtractor::new()
    }
    .extract(text)
}

/// Builds a [`KeywordExtractor`]; see [`KeywordExtractor::builder`].
///
/// ```
/// use slovo::keywords::KeywordExtractor;
///
/// let extractor = KeywordExtractor::builder().top_k(3).max_phrase_len(1).build()?;
/// assert!(extractor.extract("Кот. Кот ловит мышь. Мышь убежала.").len() <= 3);
/// # Ok::<(), slovo::Error>(())
/// ```
#[derive(Debug, Clone, Default)]
#[must_use]
pub struct KeywordExtractorBuilder {
    inner: KeywordExtractor,
}

impl KeywordExtractorBuilder {
    /// The morphology that merges word forms by lemma, picks noun phrases and puts keywords
    /// in their dictionary form (default: [`Morph::new`]); `None` ranks stems instead, as
    /// builds without the `morph` feature do. Only with the `morph` feature.
    ///
    /// ```
    /// use slovo::keywords::KeywordExtractor;
    ///
    /// let text = "Граждане Японии. Японию посетили. В Японии тепло.";
    /// let top = KeywordExtractor::new().extract(text);
    /// assert_eq!(top[0].phrase, "Япония");
    /// let stems = KeywordExtractor::builder().morph(None).build()?.extract(text);
    /// assert_eq!(stems[0].phrase, "Японии");
    /// # Ok::<(), slovo::Error>(())
    /// ```
    #[cfg(feature = "morph")]
    pub fn morph(mut self, morph: Option<Morph>) -> Self {
        self.inner.morph = morph;
        self
    }

    /// How many keywords to return at most (default 10).
    ///
    /// ```
    /// let ex = slovo::keywords::KeywordExtractor::builder().top_k(1).build()?;
    /// assert!(ex.extract("кот кот пёс").len() <= 1);
    /// # Ok::<(), slovo::Error>(())
    /// ```
    pub fn top_k(mut self, k: usize) -> Self {
        self.inner.k = k;
        self
    }

    /// Longest phrase, in words (default 2; `1` gives single words only; `0` is an
    /// [`Error::InvalidOption`](crate::Error::InvalidOption) from `build`).
    ///
    /// ```
    /// use slovo::keywords::KeywordExtractor;
    ///
    /// let ex = KeywordExtractor::builder().max_phrase_len(1).build()?;
    /// for kw in ex.extract("Европейский союз. Европейский союз. Европейский союз.") {
    ///     assert!(!kw.stem_key.contains(' '));
    /// }
    /// assert!(KeywordExtractor::builder().max_phrase_len(0).build().is_err());
    /// # Ok::<(), slovo::Error>(())
    /// ```
    pub fn max_phrase_len(mut self, n: usize) -> Self {
        self.inner.max_len = n;
        self
    }

    /// The reference statistics that say which words are common everywhere (default:
    /// [`Background::builtin`]).
    ///
    /// ```
    /// use slovo::keywords::{Background, KeywordExtractor};
    ///
    /// let ex = KeywordExtractor::builder().background(Background::empty()).build()?;
    /// assert!(!ex.extract("Кот ловит мышей. Кот спит.").is_empty());
    /// # Ok::<(), slovo::Error>(())
    /// ```
    pub fn background(mut self, background: Background) -> Self {
        self.inner.background = background;
        self
    }

    /// Words that never start, end or stand as a keyword, and that break phrases
    /// (default: [`StopWords::russian`]).
    ///
    /// ```
    /// use slovo::keywords::KeywordExtractor;
    /// use slovo::StopWords;
    ///
    /// let mut stop = StopWords::russian();
    /// stop.insert("кот");
    /// let ex = KeywordExtractor::builder().stop_words(stop).build()?;
    /// assert!(ex.extract("Кот. Кот. Кот ловит мышь.").iter().all(|k| k.stem_key != "кот"));
    /// # Ok::<(), slovo::Error>(())
    /// ```
    pub fn stop_words(mut self, stop_words: StopWords) -> Self {
        self.inner.analyzer = Analyzer::builder().stop_words(stop_words).build();
        self
    }

    /// Leaves out keywords whose [`score`](Keyword::score) (the model's probability that
    /// the phrase is a keyword) is below `min_score`, so that a short or unfocused text
    /// gets fewer than `k` (default [`DEFAULT_MIN_SCORE`]; `0.0` always gives up to `k`). A
    /// value outside `[0, 1]` (or NaN) is an [`Error::InvalidOption`](crate::Error::InvalidOption)
    /// from `build`.
    ///
    /// ```
    /// use slovo::keywords::KeywordExtractor;
    ///
    /// let text = "Вакцина прошла испытания. Вакцина готова. Погода хорошая.";
    /// let all = KeywordExtractor::new().extract(text);
    /// let sure = KeywordExtractor::builder().min_score(0.5).build()?.extract(text);
    /// assert!(sure.len() <= all.len());
    /// assert!(sure.iter().all(|k| k.score >= 0.5));
    /// assert!(KeywordExtractor::builder().min_score(1.5).build().is_err());
    /// # Ok::<(), slovo::Error>(())
    /// ```
    pub fn min_score(mut self, min_score: f64) -> Self {
        self.inner.min_score = min_score;
        self
    }

    /// Sets one ranking parameter by name: `w0` … `w44` (ranking weights), `e0` … `e44`
    /// (the evidence weights of the morphology model), `absorb`, `ng_min`, `margin`,
    /// `overlap`. Unknown names are ignored. Only with the
    /// `keyword-tuning` feature, which exists to refit the ranking model
    /// ([`scripts/fit_keyword_weights.py`](https://github.com/slovo-nlp/slovo/blob/main/scripts/fit_keyword_weights.py)); not a stable API.
    ///
    /// ```
    /// let ex = slovo::keywords::KeywordExtractor::builder().tuning_set("absorb", 0.9).build()?;
    /// assert!(ex.extract("").is_empty());
    /// # Ok::<(), slovo::Error>(())
    /// ```
    #[cfg(feature = "keyword-tuning")]
    pub fn tuning_set(mut self, name: &str, value: f64) -> Self {
        self.inner.params.set(name, value);
        self
    }

    /// The extractor.
    ///
    /// # Errors
    ///
    /// [`Error::InvalidOption`](crate::Error::InvalidOption) for `max_phrase_len` 0 or a
    /// `min_score` outside `[0, 1]`.
    ///
    /// ```
    /// let ex = slovo::keywords::KeywordExtractor::builder().build()?;
    /// assert_eq!(ex.top_k(), 10);
    /// # Ok::<(), slovo::Error>(())
    /// ```
    pub fn build(self) -> crate::Result<KeywordExtractor> {
        let inner = self.inner;
        if inner.max_len == 0 {
            return Err(crate::Error::invalid_option(
                "max_phrase_len",
                "0",
                "at least 1 (words per phrase)",
            ));
        }
        if !(0.0..=1.0).contains(&inner.min_score) {
            return Err(crate::Error::invalid_option(
                "min_score",
                inner.min_score.to_string(),
                "a probability in [0, 1]",
            ));
        }
        Ok(inner)
    }
}

/// A configured keyword extractor.
///
/// Words are ranked on their stems by frequency, position of the first occurrence,
/// spread across sentences, capitalisation inside sentences (proper names), and rarity
/// against a [`Background`] table; phrases of up to [`max_phrase_len`] words are kept
/// only where they outrank the single words they are made of.
///
/// [`max_phrase_len`]: KeywordExtractor::max_phrase_len
///
/// ```
/// use slovo::keywords::{Background, KeywordExtractor};
///
/// let extractor = KeywordExtractor::builder()
///     .top_k(5)
///     .max_phrase_len(2)
///     .background(Background::builtin())
///     .build()?;
/// let text = "Европейский союз и Казахстан. Европейский союз ценит партнёрство.";
/// let top = extractor.extract(text);
/// assert!(top.len() <= 5);
/// # Ok::<(), slovo::Error>(())
/// ```
#[derive(Debug, Clone)]
pub struct KeywordExtractor {
    k: usize,
    max_len: usize,
    background: Background,
    analyzer: Analyzer,
    min_score: f64,
    params: rank::Params,
    #[cfg(feature = "morph")]
    morph: Option<Morph>,
}

impl Default for KeywordExtractor {
    fn default() -> Self {
        KeywordExtractor::new()
    }
}

impl KeywordExtractor {
    /// The default extractor: 10 keywords, phrases of up to 2 words, built-in background.
    ///
    /// ```
    /// let top = slovo::keywords::KeywordExtractor::new().extract("");
    /// assert!(top.is_empty());
    /// ```
    #[must_use]
    pub fn new() -> Self {
        KeywordExtractor {
            k: 10,
            max_len: 2,
            background: Background::builtin(),
            analyzer: Analyzer::default(),
            min_score: DEFAULT_MIN_SCORE,
            params: rank::Params::default(),
            #[cfg(feature = "morph")]
            morph: Some(Morph::new()),
        }
    }

    /// Starts from the defaults and changes what you name.
    ///
    /// ```
    /// let ex = slovo::keywords::KeywordExtractor::builder().top_k(3).build()?;
    /// assert!(ex.extract("кот кот пёс пёс мышь мышь сыр").len() <= 3);
    /// # Ok::<(), slovo::Error>(())
    /// ```
    pub fn builder() -> KeywordExtractorBuilder {
        KeywordExtractorBuilder::default()
    }

    /// A builder preset to this extractor's options.
    ///
    /// ```
    /// let ex = slovo::keywords::KeywordExtractor::builder().top_k(3).build()?;
    /// let more = ex.to_builder().max_phrase_len(3).build()?;
    /// assert_eq!((more.top_k(), more.max_phrase_len()), (3, 3));
    /// # Ok::<(), slovo::Error>(())
    /// ```
    pub fn to_builder(&self) -> KeywordExtractorBuilder {
        KeywordExtractorBuilder {
            inner: self.clone(),
        }
    }

    /// How many keywords it returns at most.
    ///
    /// ```
    /// assert_eq!(slovo::keywords::KeywordExtractor::new().top_k(), 10);
    /// ```
    #[must_use]
    pub fn top_k(&self) -> usize {
        self.k
    }

    /// The longest phrase, in words.
    ///
    /// ```
    /// assert_eq!(slovo::keywords::KeywordExtractor::new().max_phrase_len(), 2);
    /// ```
    #[must_use]
    pub fn max_phrase_len(&self) -> usize {
        self.max_len
    }

    /// The lowest score a keyword may have.
    ///
    /// ```
    /// assert_eq!(slovo::keywords::KeywordExtractor::new().min_score(), 0.15);
    /// ```
    #[must_use]
    pub fn min_score(&self) -> f64 {
        self.min_score
    }

    fn lexicon(&self) -> scan::Lexicon<'_> {
        #[cfg(feature = "morph")]
        if let Some(morph) = &self.morph {
            return scan::Lexicon::Morph(morph);
        }
        scan::Lexicon::Stems
    }

    /// Every candidate phrase of `text` (before the final choice) with its feature vector
    /// and raw model score (log-odds). Only with the `keyword-tuning` feature; not a
    /// stable API.
    ///
    /// ```
    /// let ex = slovo::keywords::KeywordExtractor::new();
    /// let all = ex.tuning_candidates("Кот спит. Кот ест.");
    /// assert!(all.iter().any(|(k, features)| k.stem_key == "кот" && !features.is_empty()));
    /// ```
    #[cfg(feature = "keyword-tuning")]
    pub fn tuning_candidates(&self, text: &str) -> Vec<(Keyword, Vec<f64>)> {
        let lexicon = self.lexicon();
        let scan = scan::Scan::new(text, &self.analyzer, lexicon);
        rank::candidates(
            &scan,
            &self.background,
            &self.params,
            self.max_len,
            lexicon.is_morph(),
        )
        .into_iter()
        .map(|c| {
            let mut features = c.features.to_vec();
            features.extend(rank::tuning_extras(text, &scan, &c, lexicon));
            (
                rank::materialize(text, &scan, &c.terms, c.score, lexicon),
                features,
            )
        })
        .collect()
    }

    /// Extracts up to `k` keywords, best first.
    ///
    /// Total: any `&str` gives a (possibly empty) list, never a panic.
    ///
    /// ```
    /// let text = "Казахстан и ЕС. Казахстан и ЕС обсудили торговлю.";
    /// let top = slovo::keywords::KeywordExtractor::new().extract(text);
    /// assert!(top.windows(2).all(|w| w[0].score >= w[1].score));
    /// ```
    #[must_use]
    pub fn extract(&self, text: &str) -> Vec<Keyword> {
        if self.k == 0 {
            return Vec::new();
        }
        let lexicon = self.lexicon();
        let scan = scan::Scan::new(text, &self.analyzer, lexicon);
        rank::rank(
            text,
            &scan,
            &self.background,
            &self.params,
            self.k,
            self.max_len,
            self.min_score,
            lexicon,
        )
    }

    /// Extracts up to `k` keywords of a document that has a title, best first.
    ///
    /// The title is read as the document's first sentence (a word of the title counts as
    /// an early, prominent one). [`Keyword::spans`] point into `text`; occurrences inside
    /// the title are not listed, so a keyword found only in the title has no span. An empty
    /// title is the same as [`extract`](Self::extract)`(text)`.
    ///
    /// ```
    /// use slovo::keywords::KeywordExtractor;
    ///
    /// let title = "Вакцина QazVac";
    /// let text = "Казахстан начал испытания вакцины QazVac. Испытания продлятся месяц.";
    /// let top = KeywordExtractor::new().extract_with_title(title, text);
    /// assert!(!top.is_empty());
    /// for kw in &top {
    ///     assert!(kw.spans.iter().all(|s| text.get(s.range()).is_some()));
    /// }
    /// ```
    #[must_use]
    pub fn extract_with_title(&self, title: &str, text: &str) -> Vec<Keyword> {
        if title.trim().is_empty() {
            return self.extract(text);
        }
        let offset = title.len() + 1;
        let mut input = String::with_capacity(offset + text.len());
        input.push_str(title);
        input.push('\n');
        input.push_str(text);
        let mut list = self.extract(&input);
        for kw in &mut list {
            kw.spans.retain(|s| s.start >= offset);
            for s in &mut kw.spans {
                *s = Span::new(s.start - offset, s.end - offset);
            }
        }
        list
    }
}

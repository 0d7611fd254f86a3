//! Language detection: which language a text is in, with a confidence that means
//! something, and which parts of a mixed text are in which language.
//!
//! Cyrillic text is scored by slovo's own character n-gram model for Russian,
//! Ukrainian, Belarusian, Bulgarian, Macedonian, Serbian, Kazakh and Mongolian (built
//! from lingua's Apache-2.0 models by [`scripts/lang-model`](https://github.com/slovo-nlp/slovo/tree/main/scripts/lang-model); see [`src/lang/NOTICE.md`](https://github.com/slovo-nlp/slovo/blob/main/src/lang/NOTICE.md), next to the
//! model). Text in any other script goes to [`whatlang`], whose verdict is passed
//! through. Letters that only some languages use (`і ї є ґ ў ә ғ қ ң ө ұ ү һ ђ ћ ѓ ќ ѕ
//! ј љ њ џ` …) weigh heavily because a language whose alphabet lacks them gives them a
//! very low probability. Each word also brings lexical evidence: whether it is in the word
//! lists of the eight languages (a hashed membership table built by
//! `scripts/lang-lexicon` from Tesseract OCR's Apache-2.0 word lists; see `NOTICE.md`),
//! which is what tells `работа` from `работата` and `денес` from `днес` when a text is a
//! word or two long.
//!
//! ```
//! use slovo::{detect, Lang};
//!
//! let d = detect("Специальный представитель посетил Брюссель с рабочей поездкой.");
//! assert_eq!(d.lang, Lang::Russian);
//! assert!(d.is_reliable());
//!
//! let d = detect("Елбасы Қазақстан халқына жолдау жариялады.");
//! assert_eq!(d.lang, Lang::Kazakh);
//! ```

mod codes;
mod lexicon;
mod model;
mod spans;

use std::sync::OnceLock;

use crate::span::Span;

pub use codes::{Lang, Script};
use model::{Model, Scores, MODEL_LANGS, N};

/// Fewer Cyrillic letters than this give [`Lang::Unknown`].
const MIN_LETTERS: u32 = 3;
/// Scores are divided by this before the softmax that gives the confidence: the n-gram
/// model treats overlapping n-grams as independent, so raw posteriors are overconfident.
const TEMPERATURE: f32 = 4.0;
/// A Cyrillic detection is reliable from this confidence on …
const RELIABLE_CONFIDENCE: f64 = 0.75;
/// … and this many letters.
const RELIABLE_LETTERS: u32 = 6;

/// The result of [`detect`]: a language, the script, and how sure the detector is.
///
/// ```
/// use slovo::{detect, Lang, Script};
///
/// let d = detect("Мова — це найважливіший засіб спілкування між людьми.");
/// assert_eq!(d.lang, Lang::Ukrainian);
/// assert_eq!(d.script, Script::Cyrillic);
/// assert!(d.confidence > 0.9 && d.is_reliable());
///
/// let empty = detect("  123 ");
/// assert_eq!(empty.lang, Lang::Unknown);
/// assert_eq!(empty.confidence, 0.0);
/// assert!(!empty.is_reliable());
/// ```
#[derive(Debug, Clone, Copy, PartialEq, serde::Serialize)]
#[non_exhaustive]
pub struct Detection {
    /// The detected language, or [`Lang::Unknown`] when the text is too short, has no
    /// letters, or no allowed language fits.
    pub lang: Lang,
    /// The text's main script.
    pub script: Script,
    /// How sure the detector is that `lang` is right, in `[0, 1]`; `0` for
    /// [`Lang::Unknown`].
    pub confidence: f64,
    reliable: bool,
}

impl Detection {
    fn unknown(script: Script) -> Detection {
        Detection {
            lang: Lang::Unknown,
            script,
            confidence: 0.0,
            reliable: false,
        }
    }

    /// Whether the answer can be trusted: enough text and a confidence above the
    /// detector's threshold (for Cyrillic text ≥ 0.75 and at least six letters; for
    /// other scripts, `whatlang`'s own reliability flag).
    ///
    /// ```
    /// assert!(slovo::detect("Это предложение, несомненно, написано по-русски.").is_reliable());
    /// assert!(!slovo::detect("да").is_reliable());
    /// ```
    #[must_use]
    pub fn is_reliable(&self) -> bool {
        self.reliable
    }
}

/// A stretch of a text in one language: see [`detect_spans`].
///
/// ```
/// let text = "Сообщает «Ұлт ақпарат».";
/// let spans = slovo::detect_spans(text);
/// assert_eq!(spans.first().map(|s| s.span.start), Some(0));
/// assert_eq!(spans.last().map(|s| s.span.end), Some(text.len()));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, serde::Serialize)]
#[non_exhaustive]
pub struct LangSpan {
    /// The language of this part of the text ([`Lang::Unknown`] if undetermined).
    pub lang: Lang,
    /// The main script of this part.
    pub script: Script,
    /// Confidence in `lang`, in `[0, 1]`.
    pub confidence: f64,
    /// Byte range into the text given to [`detect_spans`].
    pub span: Span,
}

/// A language detector, optionally restricted to an allow-list of languages.
///
/// [`Detector::new`] (and the free functions [`detect`] / [`detect_spans`]) consider
/// every supported language. A restricted detector only ever answers one of its
/// languages or [`Lang::Unknown`]; restricting helps when you know the candidates.
///
/// ```
/// use slovo::{Detector, Lang};
///
/// let detector = Detector::builder().languages([Lang::Russian, Lang::Kazakh]).build()?;
/// assert_eq!(detector.detect("Сәлеметсіз бе, қалыңыз қалай?").lang, Lang::Kazakh);
/// // Ukrainian is not allowed, so this Ukrainian text gets the closest allowed answer.
/// let d = detector.detect("Доброго ранку, як справи?");
/// assert!(matches!(d.lang, Lang::Russian | Lang::Kazakh | Lang::Unknown));
/// # Ok::<(), slovo::Error>(())
/// ```
#[derive(Debug, Clone)]
pub struct Detector {
    /// Which model languages are allowed (index as in `MODEL_LANGS`).
    model_allowed: [bool; N],
    /// `None`: every language allowed.
    allowed: Option<Vec<Lang>>,
    whatlang: whatlang::Detector,
}

impl Default for Detector {
    fn default() -> Self {
        Detector::new()
    }
}

/// Builds a [`Detector`]; see [`Detector::builder`].
///
/// ```
/// use slovo::{Detector, Lang};
///
/// let detector = Detector::builder().languages([Lang::Russian, Lang::Kazakh]).build()?;
/// assert_eq!(detector.detect("Сәлеметсіз бе, қалыңыз қалай?").lang, Lang::Kazakh);
/// # Ok::<(), slovo::Error>(())
/// ```
#[derive(Debug, Clone, Default)]
#[must_use]
pub struct DetectorBuilder {
    /// `None`: every language.
    languages: Option<Vec<Lang>>,
}

impl DetectorBuilder {
    /// Only answer one of `languages` (or [`Lang::Unknown`]; listing `Unknown` changes
    /// nothing). An empty list allows nothing, so every answer is [`Lang::Unknown`].
    /// Default: every supported language.
    ///
    /// ```
    /// use slovo::{Detector, Lang};
    ///
    /// let none = Detector::builder().languages([]).build()?;
    /// assert_eq!(none.detect("Это русский текст.").lang, Lang::Unknown);
    /// # Ok::<(), slovo::Error>(())
    /// ```
    pub fn languages(mut self, languages: impl IntoIterator<Item = Lang>) -> Self {
        self.languages = Some(languages.into_iter().collect());
        self
    }

    /// Every supported language again (the default).
    ///
    /// ```
    /// use slovo::{Detector, Lang};
    ///
    /// let d = Detector::builder().languages([Lang::Russian]).all_languages().build()?;
    /// assert!(d.allows(Lang::Mongolian));
    /// # Ok::<(), slovo::Error>(())
    /// ```
    pub fn all_languages(mut self) -> Self {
        self.languages = None;
        self
    }

    /// The detector.
    ///
    /// # Errors
    ///
    /// None today (every list of languages is valid); the `Result` is the builders' common
    /// shape, so a future option can be checked.
    ///
    /// ```
    /// let d = slovo::Detector::builder().build()?;
    /// assert_eq!(d.languages(), None);
    /// # Ok::<(), slovo::Error>(())
    /// ```
    pub fn build(self) -> crate::Result<Detector> {
        Ok(match self.languages {
            None => Detector::new(),
            Some(languages) => Detector::restricted(languages),
        })
    }
}

impl Detector {
    /// A detector for every supported language.
    ///
    /// ```
    /// let d = slovo::Detector::new().detect("Ово је реченица на српском језику.");
    /// assert_eq!(d.lang, slovo::Lang::Serbian);
    /// ```
    #[must_use]
    pub fn new() -> Detector {
        Detector {
            model_allowed: [true; N],
            allowed: None,
            whatlang: whatlang::Detector::new(),
        }
    }

    /// Starts from the defaults (every supported language) and changes what you name.
    ///
    /// ```
    /// use slovo::{Detector, Lang};
    ///
    /// let d = Detector::builder().languages([Lang::English, Lang::German]).build()?;
    /// assert_eq!(d.detect("Das ist ein deutscher Satz.").lang, Lang::German);
    /// assert_eq!(d.detect("Это русский текст.").lang, Lang::Unknown);
    /// # Ok::<(), slovo::Error>(())
    /// ```
    pub fn builder() -> DetectorBuilder {
        DetectorBuilder::default()
    }

    /// A builder preset to this detector's options.
    ///
    /// ```
    /// use slovo::{Detector, Lang};
    ///
    /// let d = Detector::builder().languages([Lang::Russian]).build()?;
    /// assert!(!d.to_builder().build()?.allows(Lang::Kazakh));
    /// # Ok::<(), slovo::Error>(())
    /// ```
    pub fn to_builder(&self) -> DetectorBuilder {
        DetectorBuilder {
            languages: self.allowed.clone(),
        }
    }

    /// The languages this detector may answer, `None` for every supported language.
    ///
    /// ```
    /// use slovo::{Detector, Lang};
    ///
    /// assert_eq!(Detector::new().languages(), None);
    /// let d = Detector::builder().languages([Lang::Russian, Lang::English]).build()?;
    /// assert_eq!(d.languages(), Some(&[Lang::English, Lang::Russian][..]));
    /// # Ok::<(), slovo::Error>(())
    /// ```
    #[must_use]
    pub fn languages(&self) -> Option<&[Lang]> {
        self.allowed.as_deref()
    }

    fn restricted(languages: Vec<Lang>) -> Detector {
        let mut allowed: Vec<Lang> = languages
            .into_iter()
            .filter(|&l| l != Lang::Unknown)
            .collect();
        allowed.sort_unstable();
        allowed.dedup();
        let mut model_allowed = [false; N];
        for (flag, lang) in model_allowed.iter_mut().zip(MODEL_LANGS) {
            *flag = allowed.contains(&lang);
        }
        let whatlang_list = allowed.iter().filter_map(|l| l.to_whatlang()).collect();
        Detector {
            model_allowed,
            allowed: Some(allowed),
            whatlang: whatlang::Detector::with_allowlist(whatlang_list),
        }
    }

    /// Whether `lang` may be answered by this detector.
    ///
    /// ```
    /// use slovo::{Detector, Lang};
    /// assert!(Detector::new().allows(Lang::Mongolian));
    /// assert!(!Detector::builder().languages([Lang::Russian]).build()?.allows(Lang::Mongolian));
    /// # Ok::<(), slovo::Error>(())
    /// ```
    #[must_use]
    pub fn allows(&self, lang: Lang) -> bool {
        match &self.allowed {
            None => lang != Lang::Unknown,
            Some(list) => list.contains(&lang),
        }
    }

    /// Detects the language of `text` as a whole.
    ///
    /// ```
    /// let d = slovo::Detector::new().detect("Монгол улсын нийслэл Улаанбаатар хот юм.");
    /// assert_eq!(d.lang, slovo::Lang::Mongolian);
    /// ```
    #[must_use]
    pub fn detect(&self, text: &str) -> Detection {
        let scan = scan(text);
        if scan.scores.letters == 0 && scan.other_letters == 0 {
            return Detection::unknown(Script::Unknown);
        }
        if scan.scores.letters >= scan.other_letters {
            self.decide_cyrillic(&scan.scores)
        } else {
            self.detect_other_script(text)
        }
    }

    /// Splits `text` into stretches of one language each: see [`detect_spans`].
    ///
    /// ```
    /// use slovo::{Detector, Lang};
    /// let text = "Он сказал: «Қазақстан — менің Отаным». И ушёл домой.";
    /// let spans = Detector::new().detect_spans(text);
    /// assert!(spans.iter().any(|s| s.lang == Lang::Kazakh));
    /// ```
    #[must_use]
    pub fn detect_spans(&self, text: &str) -> Vec<LangSpan> {
        spans::detect_spans(self, text)
    }

    /// The language of Cyrillic scores: the allowed model language with the highest
    /// likelihood, its softmax confidence and reliability.
    fn decide_cyrillic(&self, scores: &Scores) -> Detection {
        if scores.letters < MIN_LETTERS {
            return Detection::unknown(Script::Cyrillic);
        }
        match self.posterior(scores) {
            None => Detection::unknown(Script::Cyrillic),
            Some((index, confidence)) => Detection {
                lang: MODEL_LANGS[index],
                script: Script::Cyrillic,
                confidence,
                reliable: confidence >= RELIABLE_CONFIDENCE && scores.letters >= RELIABLE_LETTERS,
            },
        }
    }

    /// Index of the best allowed model language and its softmax probability.
    fn posterior(&self, scores: &Scores) -> Option<(usize, f64)> {
        let logp = scores.logp();
        let best = (0..N)
            .filter(|&l| self.model_allowed[l])
            .max_by(|&a, &b| logp[a].total_cmp(&logp[b]))?;
        let top = logp[best];
        let total: f64 = (0..N)
            .filter(|&l| self.model_allowed[l])
            .map(|l| f64::from((logp[l] - top) / TEMPERATURE).exp())
            .sum();
        Some((best, (1.0 / total).clamp(0.0, 1.0)))
    }

    /// The softmax probability of model language `index` given `scores`.
    fn posterior_of(&self, scores: &Scores, index: usize) -> f64 {
        let logp = scores.logp();
        let top = logp[index];
        let total: f64 = (0..N)
            .filter(|&l| self.model_allowed[l] || l == index)
            .map(|l| f64::from((logp[l] - top) / TEMPERATURE).exp())
            .sum();
        (1.0 / total).clamp(0.0, 1.0)
    }

    /// Text mostly in a non-Cyrillic script: `whatlang` decides.
    fn detect_other_script(&self, text: &str) -> Detection {
        match self.whatlang.detect(text) {
            Some(info) => {
                let script = Script::from_whatlang(info.script());
                let lang = Lang::from_whatlang(info.lang());
                // Cyrillic languages only come from slovo's model: if whatlang saw
                // Cyrillic where we counted mostly other letters, we do not guess.
                if script == Script::Cyrillic || !self.allows(lang) {
                    return Detection::unknown(script);
                }
                Detection {
                    lang,
                    script,
                    confidence: info.confidence().clamp(0.0, 1.0),
                    reliable: info.is_reliable(),
                }
            }
            None => Detection::unknown(
                whatlang::detect_script(text).map_or(Script::Unknown, Script::from_whatlang),
            ),
        }
    }
}

/// What one pass over a text finds: Cyrillic scores and the count of other letters.
struct Scan {
    scores: Scores,
    other_letters: u32,
}

fn scan(text: &str) -> Scan {
    let mut scores = Scores::default();
    let other_letters = Model::bundled().score_text(text, &mut scores);
    Scan {
        scores,
        other_letters,
    }
}

fn default_detector() -> &'static Detector {
    static DETECTOR: OnceLock<Detector> = OnceLock::new();
    DETECTOR.get_or_init(Detector::new)
}

/// Detects the language of `text` with every supported language allowed.
///
/// Never fails: empty input, input without letters, or fewer than three Cyrillic
/// letters give [`Lang::Unknown`] with confidence `0`.
///
/// ```
/// use slovo::{detect, Lang};
///
/// assert_eq!(detect("Беларуская мова — адна з усходнеславянскіх моў.").lang, Lang::Belarusian);
/// assert_eq!(detect("Това е изречение на български език.").lang, Lang::Bulgarian);
/// assert_eq!(detect("The quick brown fox jumps over the lazy dog.").lang, Lang::English);
/// assert_eq!(detect("").lang, Lang::Unknown);
/// ```
#[must_use]
pub fn detect(text: &str) -> Detection {
    default_detector().detect(text)
}

/// Splits `text` into stretches of one language each, for mixed-language text.
///
/// The spans are in order, do not overlap, and together cover the whole text (the
/// first starts at 0, each starts where the previous one ends, the last ends at
/// `text.len()`); every boundary is at the start of a word. Sentences are judged
/// against the document's language, and within a sentence a run of words that is
/// clearly in another language (Kazakh names in Russian news, an English phrase)
/// becomes a span of its own. Words too short to judge join their neighbours.
/// Empty text gives no spans.
///
/// ```
/// use slovo::{detect_spans, Lang};
///
/// let text = "Об этом сообщает «Ұлт ақпарат». Встреча прошла в Брюсселе.";
/// let spans = detect_spans(text);
/// let kazakh = spans.iter().find(|s| s.lang == Lang::Kazakh).unwrap();
/// assert!(text[kazakh.span].starts_with("Ұлт ақпарат"));
/// assert_eq!(spans[0].lang, Lang::Russian);
/// ```
#[must_use]
pub fn detect_spans(text: &str) -> Vec<LangSpan> {
    default_detector().detect_spans(text)
}

//! Keyword extraction and language detection bindings.

use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::types::PyBytes;
use rayon::prelude::*;
use slovo::keywords::KeywordExtractor;
use slovo::{Detector, Lang};

use crate::convert::{decode_state, encode_state};
use slovo::CharOffsets;

/// One keyword of a text.
///
/// Attributes
/// ----------
/// phrase : str
///     The phrase to show: in its dictionary form when the package is built with the
///     morphology (``Европейский союз``), as written (its most frequent form) otherwise.
/// stem_key : str
///     Its stems joined by spaces (what occurrences are matched by).
/// score : float
///     In (0, 1); higher is more important.
/// spans : list of (int, int)
///     Code-point ``(start, end)`` of every occurrence.
#[pyclass(module = "slovo._slovo", name = "Keyword", get_all, eq)]
#[derive(Clone, PartialEq)]
pub struct PyKeyword {
    /// The phrase to show: in its dictionary form when the package is built with the
    /// morphology (``Европейский союз``), as written (its most frequent form) otherwise.
    phrase: String,
    /// Its stems joined by spaces.
    stem_key: String,
    /// Score in (0, 1); higher is more important.
    score: f64,
    /// Code-point `(start, end)` of every occurrence.
    spans: Vec<(usize, usize)>,
}

#[pymethods]
impl PyKeyword {
    #[new]
    #[pyo3(signature = (phrase = String::new(), stem_key = String::new(), score = 0.0, spans = Vec::new()),
        text_signature = "(phrase='', stem_key='', score=0.0, spans=[])")]
    fn new(phrase: String, stem_key: String, score: f64, spans: Vec<(usize, usize)>) -> Self {
        PyKeyword {
            phrase,
            stem_key,
            score,
            spans,
        }
    }

    fn __repr__(&self) -> String {
        format!(
            "Keyword(phrase={}, stem_key={}, score={:.4}, spans={:?})",
            crate::convert::py_str_repr(&self.phrase),
            crate::convert::py_str_repr(&self.stem_key),
            self.score,
            self.spans
        )
    }

    fn __getstate__<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyBytes>> {
        encode_state(
            py,
            "Keyword",
            &(&self.phrase, &self.stem_key, self.score, &self.spans),
        )
    }

    fn __setstate__(&mut self, state: &Bound<'_, PyAny>) -> PyResult<()> {
        let (phrase, stem_key, score, spans) = decode_state("Keyword", state)?;
        *self = PyKeyword {
            phrase,
            stem_key,
            score,
            spans,
        };
        Ok(())
    }
}

/// The extractor for Python's arguments, which take `max_phrase_len=0` as 1 and clamp
/// `min_score` into `[0, 1]` (NaN is 0), as in 0.1.
fn extractor(top: usize, max_phrase_len: usize, min_score: f64) -> PyResult<KeywordExtractor> {
    let min_score = if min_score.is_nan() {
        0.0
    } else {
        min_score.clamp(0.0, 1.0)
    };
    KeywordExtractor::builder()
        .top_k(top)
        .max_phrase_len(max_phrase_len.max(1))
        .min_score(min_score)
        .build()
        .map_err(crate::convert::to_py_err)
}

fn keywords_of(extractor: &KeywordExtractor, title: &str, text: &str) -> Vec<PyKeyword> {
    extractor
        .extract_with_title(title, text)
        .into_iter()
        .map(|k| {
            let mut cursor = CharOffsets::new(text);
            let spans = k.spans.iter().map(|s| cursor.span(*s)).collect();
            PyKeyword {
                phrase: k.phrase,
                stem_key: k.stem_key,
                score: k.score,
                spans,
            }
        })
        .collect()
}

/// The keywords of one text, best first (needs no corpus).
///
/// Parameters
/// ----------
/// text : str
///     The text.
/// top : int, default=10
///     How many keywords at most.
/// max_phrase_len : int, default=2
///     Longest phrase, in words.
/// min_score : float, default=0.15
///     Leave out keywords scoring lower (a probability; 0.0 always gives `top` when
///     the text has that many candidates).
/// title : str or None, default=None
///     The document's title, if it has one: read as its first sentence, which makes its
///     words more likely keywords. Spans still point into ``text`` (occurrences inside the
///     title are not listed).
///
/// Returns
/// -------
/// list of Keyword
///     Best first.
#[pyfunction]
#[pyo3(signature = (text, top = 10, *, max_phrase_len = 2, min_score = 0.15, title = None))]
pub fn keywords(
    py: Python<'_>,
    text: &str,
    top: usize,
    max_phrase_len: usize,
    min_score: f64,
    title: Option<&str>,
) -> PyResult<Vec<PyKeyword>> {
    let extractor = extractor(top, max_phrase_len, min_score)?;
    let title = title.unwrap_or("");
    Ok(py.detach(|| keywords_of(&extractor, title, text)))
}

/// `keywords` of each text of a list, in parallel without the GIL.
///
/// Parameters
/// ----------
/// texts : iterable of str
///     The texts.
/// top, max_phrase_len, min_score
///     As in :func:`keywords`.
/// titles : list of str or None, default=None
///     The title of each text (``""`` for none), as many as there are texts.
///
/// Returns
/// -------
/// list of list of Keyword
///     The keywords of each text.
///
/// Raises
/// ------
/// ValueError
///     If ``titles`` does not have one entry per text.
#[pyfunction]
#[pyo3(signature = (texts, top = 10, *, max_phrase_len = 2, min_score = 0.15, titles = None))]
pub fn keywords_many(
    py: Python<'_>,
    texts: crate::convert::Texts<'_>,
    top: usize,
    max_phrase_len: usize,
    min_score: f64,
    titles: Option<Vec<String>>,
) -> PyResult<Vec<Vec<PyKeyword>>> {
    let texts = texts.to_strings()?;
    let titles = titles.unwrap_or_else(|| vec![String::new(); texts.len()]);
    if titles.len() != texts.len() {
        return Err(PyValueError::new_err(format!(
            "titles has {} entries for {} texts; give one title (or \"\") per text",
            titles.len(),
            texts.len()
        )));
    }
    let extractor = extractor(top, max_phrase_len, min_score)?;
    Ok(crate::pool::detach_par(py, || {
        texts
            .par_iter()
            .zip(titles.par_iter())
            .map(|(t, title)| keywords_of(&extractor, title, t))
            .collect()
    }))
}

/// A language decision.
///
/// Attributes
/// ----------
/// lang : str
///     ISO 639-1 code (``'und'`` if unknown).
/// script : str
///     The writing system (``'Cyrillic'``, ``'Latin'``, …).
/// confidence : float
///     In [0, 1].
/// reliable : bool
///     Whether the decision is reliable (always False for :func:`detect_spans`).
/// start, end : int
///     Code-point offsets of the text decided on.
#[pyclass(module = "slovo._slovo", name = "Detection", get_all, eq)]
#[derive(Clone, PartialEq)]
pub struct PyDetection {
    /// ISO 639-1 code (`"und"` if unknown).
    lang: String,
    /// The writing system (`"Cyrillic"`, `"Latin"`, …).
    script: String,
    /// Confidence in [0, 1].
    confidence: f64,
    /// Whether the decision is reliable (always False for `detect_spans`).
    reliable: bool,
    /// Code-point offset of the start of the text decided on.
    start: usize,
    /// Code-point offset of its end.
    end: usize,
}

#[pymethods]
impl PyDetection {
    #[new]
    #[pyo3(signature = (lang = "und".to_owned(), script = String::new(), confidence = 0.0,
        reliable = false, start = 0, end = 0),
        text_signature = "(lang='und', script='', confidence=0.0, reliable=False, start=0, end=0)")]
    fn new(
        lang: String,
        script: String,
        confidence: f64,
        reliable: bool,
        start: usize,
        end: usize,
    ) -> Self {
        PyDetection {
            lang,
            script,
            confidence,
            reliable,
            start,
            end,
        }
    }

    fn __repr__(&self) -> String {
        format!(
            "Detection(lang={}, script={}, confidence={:.3}, reliable={}, start={}, end={})",
            crate::convert::py_str_repr(&self.lang),
            crate::convert::py_str_repr(&self.script),
            self.confidence,
            if self.reliable { "True" } else { "False" },
            self.start,
            self.end
        )
    }

    fn __getstate__<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyBytes>> {
        encode_state(
            py,
            "Detection",
            &(
                &self.lang,
                &self.script,
                self.confidence,
                self.reliable,
                self.start,
                self.end,
            ),
        )
    }

    fn __setstate__(&mut self, state: &Bound<'_, PyAny>) -> PyResult<()> {
        let (lang, script, confidence, reliable, start, end) = decode_state("Detection", state)?;
        *self = PyDetection {
            lang,
            script,
            confidence,
            reliable,
            start,
            end,
        };
        Ok(())
    }
}

/// A language named by its ISO 639-1 or 639-3 code or English name (any case).
fn parse_lang(name: &str) -> PyResult<Lang> {
    Lang::ALL
        .iter()
        .copied()
        .find(|l| {
            l.code().eq_ignore_ascii_case(name)
                || l.iso639_3().eq_ignore_ascii_case(name)
                || l.name().eq_ignore_ascii_case(name)
        })
        .ok_or_else(|| {
            PyValueError::new_err(format!(
                "unknown language {name:?}: expected an ISO 639-1 or 639-3 code (\"ru\", \
                 \"rus\") or an English name"
            ))
        })
}

fn detector(languages: Option<crate::convert::Texts<'_>>) -> PyResult<Detector> {
    let languages = languages.map(|l| l.to_strings()).transpose()?;
    let builder = match languages {
        None => Detector::builder(),
        Some(names) => Detector::builder().languages(
            names
                .iter()
                .map(|n| parse_lang(n))
                .collect::<PyResult<Vec<_>>>()?,
        ),
    };
    builder.build().map_err(crate::convert::to_py_err)
}

fn detection_of(detector: &Detector, text: &str) -> PyDetection {
    let d = detector.detect(text);
    PyDetection {
        lang: d.lang.code().to_owned(),
        script: d.script.name().to_owned(),
        confidence: d.confidence,
        reliable: d.is_reliable(),
        start: 0,
        end: text.chars().count(),
    }
}

/// The language of a text.
///
/// Parameters
/// ----------
/// text : str
///     The text.
/// languages : list of str, optional
///     Only these languages (ISO 639-1 codes or English names).
///
/// Returns
/// -------
/// Detection
///     The decision.
///
/// Examples
/// --------
/// >>> slovo.detect("Добрый день, как дела?").lang
/// 'ru'
#[pyfunction]
#[pyo3(signature = (text, languages = None))]
pub fn detect(
    py: Python<'_>,
    text: &str,
    languages: Option<crate::convert::Texts<'_>>,
) -> PyResult<PyDetection> {
    let detector = detector(languages)?;
    Ok(py.detach(|| detection_of(&detector, text)))
}

/// `detect` of each text of a list, in parallel without the GIL.
///
/// Parameters
/// ----------
/// texts : iterable of str
///     The texts.
/// languages : list of str, optional
///     Only these languages.
///
/// Returns
/// -------
/// list of Detection
///     One decision per text.
#[pyfunction]
#[pyo3(signature = (texts, languages = None))]
pub fn detect_many(
    py: Python<'_>,
    texts: crate::convert::Texts<'_>,
    languages: Option<crate::convert::Texts<'_>>,
) -> PyResult<Vec<PyDetection>> {
    let texts = texts.to_strings()?;
    let detector = detector(languages)?;
    Ok(crate::pool::detach_par(py, || {
        texts
            .par_iter()
            .map(|t| detection_of(&detector, t))
            .collect()
    }))
}

/// The stretches of a text in one language, covering it in order.
///
/// Parameters
/// ----------
/// text : str
///     The text.
/// languages : list of str, optional
///     Only these languages.
///
/// Returns
/// -------
/// list of Detection
///     One per stretch, with code-point ``start``/``end``.
#[pyfunction]
#[pyo3(signature = (text, languages = None))]
pub fn detect_spans(
    py: Python<'_>,
    text: &str,
    languages: Option<crate::convert::Texts<'_>>,
) -> PyResult<Vec<PyDetection>> {
    let detector = detector(languages)?;
    Ok(py.detach(|| {
        let mut cursor = CharOffsets::new(text);
        detector
            .detect_spans(text)
            .into_iter()
            .map(|s| {
                let (start, end) = cursor.span(s.span);
                PyDetection {
                    lang: s.lang.code().to_owned(),
                    script: s.script.name().to_owned(),
                    confidence: s.confidence,
                    reliable: false,
                    start,
                    end,
                }
            })
            .collect()
    }))
}

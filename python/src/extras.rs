//! Keyword extraction and language detection bindings.

use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::types::PyBytes;
use rayon::prelude::*;
use slovo::keywords::KeywordExtractor;
use slovo::{Detector, Lang};

use crate::convert::{decode_state, encode_state};
use slovo::CharOffsets;

/// One keyword: the `phrase` as written, its `stem_key`, a `score` in (0, 1) and the
/// code-point `spans` `(start, end)` of every occurrence.
#[pyclass(module = "slovo._slovo", name = "Keyword", get_all, eq)]
#[derive(Clone, PartialEq)]
pub struct PyKeyword {
    phrase: String,
    stem_key: String,
    score: f64,
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
            "Keyword(phrase={:?}, stem_key={:?}, score={:.4}, spans={:?})",
            self.phrase, self.stem_key, self.score, self.spans
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

fn extractor(top: usize, max_phrase_len: usize, min_score: f64) -> KeywordExtractor {
    KeywordExtractor::new()
        .top_k(top)
        .max_phrase_len(max_phrase_len)
        .min_score(min_score)
}

fn keywords_of(extractor: &KeywordExtractor, text: &str) -> Vec<PyKeyword> {
    extractor
        .extract(text)
        .into_iter()
        .map(|k| {
            let mut cursor = CharOffsets::new(text);
            let spans = k.spans.iter().map(|s| cursor.span(s.clone())).collect();
            PyKeyword {
                phrase: k.phrase,
                stem_key: k.stem_key,
                score: k.score,
                spans,
            }
        })
        .collect()
}

/// The `top` keywords of `text` (phrases of up to `max_phrase_len` words, score at least
/// `min_score`), best first. Needs no corpus.
#[pyfunction]
#[pyo3(signature = (text, top = 10, *, max_phrase_len = 2, min_score = 0.0))]
pub fn keywords(
    py: Python<'_>,
    text: &str,
    top: usize,
    max_phrase_len: usize,
    min_score: f64,
) -> Vec<PyKeyword> {
    let extractor = extractor(top, max_phrase_len, min_score);
    py.detach(|| keywords_of(&extractor, text))
}

/// `keywords` of each text, in parallel without the GIL.
#[pyfunction]
#[pyo3(signature = (texts, top = 10, *, max_phrase_len = 2, min_score = 0.0))]
pub fn keywords_many(
    py: Python<'_>,
    texts: Vec<String>,
    top: usize,
    max_phrase_len: usize,
    min_score: f64,
) -> Vec<Vec<PyKeyword>> {
    let extractor = extractor(top, max_phrase_len, min_score);
    py.detach(|| {
        texts
            .par_iter()
            .map(|t| keywords_of(&extractor, t))
            .collect()
    })
}

/// The language of a text: `lang` (ISO 639-1 code, `"und"` if unknown), `script`,
/// `confidence` in [0, 1], `reliable`; for spans also code-point `start`/`end`.
#[pyclass(module = "slovo._slovo", name = "Detection", get_all, eq)]
#[derive(Clone, PartialEq)]
pub struct PyDetection {
    lang: String,
    script: String,
    confidence: f64,
    reliable: bool,
    start: usize,
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
            "Detection(lang={:?}, script={:?}, confidence={:.3}, reliable={}, start={}, end={})",
            self.lang,
            self.script,
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

fn detector(languages: Option<Vec<String>>) -> PyResult<Detector> {
    Ok(match languages {
        None => Detector::new(),
        Some(names) => Detector::with_languages(
            names
                .iter()
                .map(|n| parse_lang(n))
                .collect::<PyResult<Vec<_>>>()?,
        ),
    })
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

/// The language of `text`, optionally restricted to `languages` (codes or names).
#[pyfunction]
#[pyo3(signature = (text, languages = None))]
pub fn detect(py: Python<'_>, text: &str, languages: Option<Vec<String>>) -> PyResult<PyDetection> {
    let detector = detector(languages)?;
    Ok(py.detach(|| detection_of(&detector, text)))
}

/// `detect` for each text, in parallel without the GIL.
#[pyfunction]
#[pyo3(signature = (texts, languages = None))]
pub fn detect_many(
    py: Python<'_>,
    texts: Vec<String>,
    languages: Option<Vec<String>>,
) -> PyResult<Vec<PyDetection>> {
    let detector = detector(languages)?;
    Ok(py.detach(|| {
        texts
            .par_iter()
            .map(|t| detection_of(&detector, t))
            .collect()
    }))
}

/// The stretches of `text` in one language, covering it in order (code-point offsets).
#[pyfunction]
#[pyo3(signature = (text, languages = None))]
pub fn detect_spans(
    py: Python<'_>,
    text: &str,
    languages: Option<Vec<String>>,
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

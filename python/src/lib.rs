//! Python bindings for `slovo`: conversions and errors only, no logic of their own.
//!
//! Offsets given to Python are code points (what `str` slicing uses). Batch functions
//! release the GIL and spread documents over rayon's thread pool.

/// The extension's allocator. mimalloc keeps memory it has freed for the next request;
/// glibc's malloc, in a Python process, hands large blocks back to the OS, so every
/// `fit_transform` page-faulted its tables in afresh (3,378 minor faults per fit of the
/// news corpus, about 13 MB; 0 with mimalloc). Only the Rust side of the extension uses
/// it: Python objects keep CPython's allocator.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

mod convert;
mod extras;
mod morph;
mod pool;
mod text;
mod tfidf;
mod tokens;

use std::cell::RefCell;
use std::str::FromStr;

use pyo3::exceptions::{PyKeyError, PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyDict, PyIterator, PyList, PyString};
use rayon::prelude::*;
use slovo::{AnalyzerConfig, NormalizeOptions, Pos, TermForm, TokenKind, UnicodeForm};

use convert::{decode_state, encode_state, py_result, Texts};
use slovo::CharOffsets;

pub(crate) fn parse_kind(kind: &str) -> PyResult<TokenKind> {
    TokenKind::from_str(kind).map_err(|_| {
        let all: Vec<&str> = TokenKind::ALL.iter().map(|k| k.as_str()).collect();
        PyValueError::new_err(format!(
            "invalid token kind {kind:?}: expected one of {}",
            all.join(", ")
        ))
    })
}

/// One sentence of a text.
///
/// Attributes
/// ----------
/// text : str
///     The sentence as written.
/// start, end : int
///     Its code-point offsets in the input: ``source[start:end] == text``.
#[pyclass(module = "slovo._slovo", name = "Sentence", get_all, eq)]
#[derive(Clone, PartialEq)]
struct PySentence {
    /// The sentence as written.
    text: String,
    /// Code-point offset of its first character in the input.
    start: usize,
    /// Code-point offset just past its last character.
    end: usize,
}

#[pymethods]
impl PySentence {
    #[new]
    #[pyo3(signature = (text = String::new(), start = 0, end = 0),
        text_signature = "(text='', start=0, end=0)")]
    fn new(text: String, start: usize, end: usize) -> Self {
        PySentence { text, start, end }
    }

    fn __repr__(&self) -> String {
        format!(
            "Sentence(text={}, start={}, end={})",
            convert::py_str_repr(&self.text),
            self.start,
            self.end
        )
    }

    fn __getstate__<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyBytes>> {
        encode_state(py, "Sentence", &(&self.text, self.start, self.end))
    }

    fn __setstate__(&mut self, state: &Bound<'_, PyAny>) -> PyResult<()> {
        let (text, start, end) = decode_state("Sentence", state)?;
        *self = PySentence { text, start, end };
        Ok(())
    }
}

fn sentences_of(text: &str) -> Vec<PySentence> {
    let mut cursor = CharOffsets::new(text);
    slovo::sentences(text)
        .map(|s| {
            let (start, end) = cursor.span(s.span);
            PySentence {
                text: s.text.to_owned(),
                start,
                end,
            }
        })
        .collect()
}

/// Split a text into sentences.
///
/// Abbreviations (``г.``, ``т. е.``, ``млн.``), initials and numbers do not end a sentence.
///
/// Parameters
/// ----------
/// text : str
///     The text.
///
/// Returns
/// -------
/// list of Sentence
///     The sentences in order, with code-point offsets.
///
/// Examples
/// --------
/// >>> [s.text for s in slovo.sentences("Встреча в г. Москве. Всё решено!")]
/// ['Встреча в г. Москве.', 'Всё решено!']
#[pyfunction]
fn sentences(py: Python<'_>, text: &str) -> Vec<PySentence> {
    py.detach(|| sentences_of(text))
}

/// `sentences` of each text of a list, in parallel without the GIL.
///
/// Parameters
/// ----------
/// texts : iterable of str
///     The texts.
///
/// Returns
/// -------
/// list of list of Sentence
///     The sentences of each text.
#[pyfunction]
fn sentences_many(py: Python<'_>, texts: Texts<'_>) -> PyResult<Vec<Vec<PySentence>>> {
    let texts = texts.to_strings()?;
    Ok(crate::pool::detach_par(py, || {
        texts.par_iter().map(|t| sentences_of(t)).collect()
    }))
}

fn unicode_form(form: Option<&str>) -> PyResult<UnicodeForm> {
    match form {
        None => Ok(UnicodeForm::None),
        Some(form) => py_result(UnicodeForm::from_str(form)),
    }
}

/// Bring a text to one spelling.
///
/// Parameters
/// ----------
/// text : str
///     The text.
/// form : {'NFC', 'NFKC'} or None, default='NFC'
///     Unicode normalization form.
/// lowercase : bool, default=False
///     Lowercase.
/// yo_to_ye : bool, default=False
///     Write ``ё`` as ``е``.
/// strip_stress, strip_soft_hyphens, strip_zero_width : bool, default=True
///     Remove stress marks (U+0301, U+0300), soft hyphens, zero-width characters.
///
/// Returns
/// -------
/// str
///     The normalized text.
///
/// Examples
/// --------
/// >>> slovo.normalize("Приве\u0301т, Ёлка", lowercase=True, yo_to_ye=True)
/// 'привет, елка'
#[pyfunction]
#[pyo3(signature = (text, form = Some("NFC"), lowercase = false, yo_to_ye = false,
    strip_stress = true, strip_soft_hyphens = true, strip_zero_width = true),
    text_signature = "(text, form='NFC', lowercase=False, yo_to_ye=False, strip_stress=True, \
        strip_soft_hyphens=True, strip_zero_width=True)")]
#[allow(clippy::too_many_arguments)]
fn normalize(
    py: Python<'_>,
    text: &str,
    form: Option<&str>,
    lowercase: bool,
    yo_to_ye: bool,
    strip_stress: bool,
    strip_soft_hyphens: bool,
    strip_zero_width: bool,
) -> PyResult<String> {
    let options = NormalizeOptions::new()
        .form(unicode_form(form)?)
        .lowercase(lowercase)
        .yo_to_ye(yo_to_ye)
        .strip_stress(strip_stress)
        .strip_soft_hyphens(strip_soft_hyphens)
        .strip_zero_width(strip_zero_width);
    Ok(py.detach(|| slovo::normalize(text, &options).into_owned()))
}

/// Fold a word for comparison: lowercase, ``ё`` → ``е``, no stress marks, soft hyphens or
/// zero-width characters.
///
/// Parameters
/// ----------
/// text : str
///     The word (or text).
///
/// Returns
/// -------
/// str
///     The folded form.
///
/// Examples
/// --------
/// >>> slovo.fold("Ёлка")
/// 'елка'
#[pyfunction]
fn fold(text: &str) -> String {
    slovo::fold(text).into_owned()
}

thread_local! {
    static STEMMER: RefCell<slovo::Stemmer> = RefCell::new(slovo::Stemmer::new());
}

/// Runs `f` with this thread's cached stemmer (a fresh one if it is busy).
fn with_stemmer<R>(f: impl FnOnce(&mut slovo::Stemmer) -> R) -> R {
    STEMMER.with(|cell| match cell.try_borrow_mut() {
        Ok(mut stemmer) => f(&mut stemmer),
        Err(_) => f(&mut slovo::Stemmer::new()),
    })
}

/// Words per parallel unit of `stem_many`; shorter lists are stemmed on one thread.
const STEM_CHUNK: usize = 16_384;

/// The Snowball Russian stem of a word (case and ``ё`` folded first).
///
/// Parameters
/// ----------
/// word : str
///     The word.
///
/// Returns
/// -------
/// str
///     Its stem.
///
/// Examples
/// --------
/// >>> slovo.stem("партнёрства")
/// 'партнерств'
#[pyfunction]
fn stem(word: &str) -> String {
    with_stemmer(|s| s.stem(word).to_owned())
}

/// `stem` of each word of a list.
///
/// Each distinct word is stemmed once (without the GIL, in parallel for long lists) and
/// each distinct stem becomes one Python ``str``.
///
/// Parameters
/// ----------
/// words : iterable of str
///     The words.
///
/// Returns
/// -------
/// list of str
///     The stems, in order.
#[pyfunction]
fn stem_many<'py>(py: Python<'py>, words: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyList>> {
    if words.is_instance_of::<PyString>() {
        return Err(PyTypeError::new_err(
            "words must be an iterable of str, not a single str",
        ));
    }
    let iter = words.try_iter().map_err(|_| {
        PyTypeError::new_err(format!(
            "words must be an iterable of str, not {}",
            type_name(words)
        ))
    })?;
    // word → index into `unique`
    let seen = PyDict::new(py);
    let mut unique: Vec<String> = Vec::new();
    let mut order: Vec<usize> = Vec::with_capacity(words.len().unwrap_or(0));
    for item in iter {
        let item = item?;
        let word = item.cast::<PyString>().map_err(|_| {
            PyTypeError::new_err(format!("words must contain str, not {}", type_name(&item)))
        })?;
        let index = match seen.get_item(word)? {
            Some(index) => index.extract::<usize>()?,
            None => {
                let index = unique.len();
                unique.push(word.to_cow()?.into_owned());
                seen.set_item(word, index)?;
                index
            }
        };
        order.push(index);
    }
    let stem_chunk = |chunk: &[String]| -> Vec<String> {
        with_stemmer(|s| chunk.iter().map(|w| s.stem(w).to_owned()).collect())
    };
    let stems = crate::pool::detach_par(py, || {
        if unique.len() <= STEM_CHUNK {
            stem_chunk(&unique)
        } else {
            let parts: Vec<Vec<String>> = unique.par_chunks(STEM_CHUNK).map(stem_chunk).collect();
            parts.into_iter().flatten().collect()
        }
    });
    let stems: Vec<Bound<'py, PyString>> = stems.iter().map(|s| PyString::new(py, s)).collect();
    PyList::new(py, order.iter().map(|&i| &stems[i]))
}

/// A set of stop words, matched with case and ``ё``/``е`` folded.
///
/// Parameters
/// ----------
/// words : iterable of str, optional
///     The words (an empty set without).
///
/// Examples
/// --------
/// >>> stop = slovo.StopWords(["Ещё", "и"])
/// >>> "еще" in stop, len(slovo.StopWords.russian()) > 100
/// (True, True)
#[pyclass(module = "slovo._slovo", name = "StopWords", eq)]
#[derive(Clone, PartialEq)]
struct PyStopWords {
    inner: slovo::StopWords,
}

/// The words of a Python iterable of `str`.
fn strings_of(obj: &Bound<'_, PyAny>, what: &str) -> PyResult<Vec<String>> {
    if obj.is_instance_of::<pyo3::types::PyString>() {
        return Err(PyTypeError::new_err(format!(
            "{what} must be an iterable of str, not a single str"
        )));
    }
    let iter: Bound<'_, PyIterator> = obj.try_iter().map_err(|_| {
        PyTypeError::new_err(format!(
            "{what} must be an iterable of str, not {}",
            type_name(obj)
        ))
    })?;
    iter.map(|item| {
        let item = item?;
        let word = item.cast::<PyString>().map_err(|_| {
            PyTypeError::new_err(format!("{what} must contain str, not {}", type_name(&item)))
        })?;
        // A str that is not valid Unicode (lone surrogates) keeps its UnicodeEncodeError.
        Ok(word.to_cow()?.into_owned())
    })
    .collect()
}

pub(crate) fn type_name(obj: &Bound<'_, PyAny>) -> String {
    obj.get_type()
        .name()
        .map_or_else(|_| "?".to_owned(), |n| n.to_string())
}

#[pymethods]
impl PyStopWords {
    /// A set of the given words (empty without).
    #[new]
    #[pyo3(signature = (words = None))]
    fn new(words: Option<&Bound<'_, PyAny>>) -> PyResult<Self> {
        let inner = match words {
            None => slovo::StopWords::empty(),
            Some(words) => slovo::StopWords::from_words(strings_of(words, "words")?),
        };
        Ok(PyStopWords { inner })
    }

    /// The embedded Russian list.
    #[staticmethod]
    fn russian() -> Self {
        PyStopWords {
            inner: slovo::StopWords::russian(),
        }
    }

    /// One word a line; `#` starts a comment.
    #[staticmethod]
    fn parse(text: &str) -> Self {
        PyStopWords {
            inner: slovo::StopWords::parse(text),
        }
    }

    /// Reads a list in the `parse` format from a UTF-8 file.
    #[staticmethod]
    fn from_file(path: std::path::PathBuf) -> PyResult<Self> {
        Ok(PyStopWords {
            inner: py_result(slovo::StopWords::from_file(path))?,
        })
    }

    fn __contains__(&self, word: &str) -> bool {
        self.inner.contains(word)
    }

    fn __len__(&self) -> usize {
        self.inner.len()
    }

    fn __iter__<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyIterator>> {
        self.to_list().into_pyobject(py)?.try_iter()
    }

    /// The words, sorted.
    fn to_list(&self) -> Vec<String> {
        self.inner
            .to_sorted_vec()
            .into_iter()
            .map(str::to_owned)
            .collect()
    }

    /// Adds a word.
    fn add(&mut self, word: &str) {
        self.inner.insert(word);
    }

    /// Adds every word of an iterable.
    fn update(&mut self, words: &Bound<'_, PyAny>) -> PyResult<()> {
        self.inner.extend(strings_of(words, "words")?);
        Ok(())
    }

    /// Removes a word if present.
    fn discard(&mut self, word: &str) {
        self.inner.remove(word);
    }

    /// Removes a word; `KeyError` if absent.
    fn remove(&mut self, word: &str) -> PyResult<()> {
        if self.inner.remove(word) {
            Ok(())
        } else {
            Err(PyKeyError::new_err(word.to_owned()))
        }
    }

    fn __repr__(&self) -> String {
        format!("<StopWords of {} words>", self.inner.len())
    }

    fn __getstate__<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyBytes>> {
        encode_state(py, "StopWords", &self.inner)
    }

    fn __setstate__(&mut self, state: &Bound<'_, PyAny>) -> PyResult<()> {
        self.inner = decode_state("StopWords", state)?;
        Ok(())
    }
}

/// One term of a text: what is counted, and where it came from.
///
/// Attributes
/// ----------
/// stem : str
///     The counted form: the stem, the lemma or the normalized word, as the analyzer's
///     ``form`` says (the attribute keeps its name from when stems were the only form).
/// surface : str
///     The token as written.
/// start, end : int
///     Code-point offsets of ``surface`` in the text.
#[pyclass(module = "slovo._slovo", name = "Term", get_all, eq)]
#[derive(Clone, PartialEq)]
struct PyTerm {
    /// The counted form: the stem, or the normalized word without stemming.
    stem: String,
    /// The token as written in the text.
    surface: String,
    /// Code-point offset of `surface` in the text.
    start: usize,
    /// Code-point offset just past `surface`.
    end: usize,
}

#[pymethods]
impl PyTerm {
    #[new]
    #[pyo3(signature = (stem = String::new(), surface = String::new(), start = 0, end = 0),
        text_signature = "(stem='', surface='', start=0, end=0)")]
    fn new(stem: String, surface: String, start: usize, end: usize) -> Self {
        PyTerm {
            stem,
            surface,
            start,
            end,
        }
    }

    fn __repr__(&self) -> String {
        format!(
            "Term(stem={}, surface={}, start={}, end={})",
            convert::py_str_repr(&self.stem),
            convert::py_str_repr(&self.surface),
            self.start,
            self.end
        )
    }

    fn __getstate__<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyBytes>> {
        encode_state(
            py,
            "Term",
            &(&self.stem, &self.surface, self.start, self.end),
        )
    }

    fn __setstate__(&mut self, state: &Bound<'_, PyAny>) -> PyResult<()> {
        let (stem, surface, start, end) = decode_state("Term", state)?;
        *self = PyTerm {
            stem,
            surface,
            start,
            end,
        };
        Ok(())
    }
}

/// Text → terms: tokenize, keep ``kinds``, normalize, drop stop words and short tokens,
/// then stem or lemmatize.
///
/// Parameters
/// ----------
/// kinds : list of str, optional
///     Token kinds that become terms (default ``['word']``).
/// stop_words : 'russian', StopWords, iterable of str or None, default='russian'
///     Words dropped, matched against the normalized form (case and ``ё`` folded; with
///     ``form='lemma'`` against the lemma too).
/// min_chars : int, default=2
///     Shorter tokens are dropped.
/// form : {'stem', 'lemma', 'normalized'}, default='stem'
///     The term counted: the Snowball stem, the lemma (dictionary form, lowercase, ``ё``
///     as ``е``: readable feature names), or the normalized word.
/// pos : list of str, optional
///     Keep only words whose most probable part of speech (UD UPOS: ``'NOUN'``,
///     ``'PROPN'``, ``'ADJ'``, ``'VERB'`` …) is one of these (default: all).
/// stem : bool, optional
///     Older spelling of ``form``: ``stem=False`` is ``form='normalized'``.
/// unicode_form, lowercase, yo_to_ye, strip_stress, strip_soft_hyphens, strip_zero_width
///     Normalization, as ``form``, ``lowercase`` … of :func:`normalize` (``lowercase`` and
///     ``yo_to_ye`` default to True here). ``form='NFC'`` or ``'NFKC'`` still sets
///     ``unicode_form``, with a DeprecationWarning.
///
/// Examples
/// --------
/// >>> analyzer = slovo.Analyzer()
/// >>> analyzer.stems("Стороны обсудили вопросы партнёрства.")
/// ['сторон', 'обсуд', 'вопрос', 'партнерств']
/// >>> slovo.Analyzer(form="lemma").stems("Стороны обсудили вопросы партнёрства.")
/// ['сторона', 'обсудить', 'вопрос', 'партнерство']
/// >>> slovo.Analyzer(form="lemma", pos=["NOUN"]).stems("Стороны обсудили вопросы.")
/// ['сторона', 'вопрос']
#[pyclass(module = "slovo._slovo", name = "Analyzer", eq)]
#[derive(Clone)]
struct PyAnalyzer {
    inner: slovo::Analyzer,
}

impl PartialEq for PyAnalyzer {
    fn eq(&self, other: &Self) -> bool {
        self.inner.config() == other.inner.config()
    }
}

impl PyAnalyzer {
    fn terms_of(&self, text: &str) -> Vec<PyTerm> {
        let mut cursor = CharOffsets::new(text);
        let mut terms = Vec::new();
        self.inner.for_each_term(text, |stem, token| {
            let (start, end) = cursor.span(token.span);
            terms.push(PyTerm {
                stem: stem.to_owned(),
                surface: token.text.to_owned(),
                start,
                end,
            })
        });
        terms
    }

    fn stems_of(&self, text: &str) -> Vec<String> {
        let mut stems = Vec::new();
        self.inner
            .for_each_term(text, |stem, _| stems.push(stem.to_owned()));
        stems
    }
}

/// The `stop_words` argument of `Analyzer`: `"russian"`, a `StopWords`, an iterable of
/// words, or `None` for none.
fn stop_words_arg(arg: Option<&Bound<'_, PyAny>>) -> PyResult<slovo::StopWords> {
    let Some(arg) = arg else {
        return Ok(slovo::StopWords::empty());
    };
    if let Ok(set) = arg.cast::<PyStopWords>() {
        return Ok(set.borrow().inner.clone());
    }
    if let Ok(name) = arg.cast::<pyo3::types::PyString>() {
        return match &*name.to_cow()? {
            "russian" => Ok(slovo::StopWords::russian()),
            _ => Err(PyValueError::new_err(format!(
                "unknown stop-word list {name:?}: expected \"russian\", a StopWords, an \
                 iterable of str or None"
            ))),
        };
    }
    strings_of(arg, "stop_words").map(slovo::StopWords::from_words)
}

#[pymethods]
impl PyAnalyzer {
    #[new]
    #[pyo3(signature = (*, kinds = None, stop_words = Some(StopArg::Russian), min_chars = 2,
        form = "stem", pos = None, stem = None, unicode_form = Some("NFC"), lowercase = true,
        yo_to_ye = true, strip_stress = true, strip_soft_hyphens = true,
        strip_zero_width = true),
        text_signature = "(*, kinds=None, stop_words='russian', min_chars=2, form='stem', \
            pos=None, stem=None, unicode_form='NFC', lowercase=True, yo_to_ye=True, \
            strip_stress=True, strip_soft_hyphens=True, strip_zero_width=True)")]
    #[allow(clippy::too_many_arguments)]
    fn new(
        py: Python<'_>,
        kinds: Option<Texts<'_>>,
        stop_words: Option<StopArg>,
        min_chars: usize,
        form: &str,
        pos: Option<Texts<'_>>,
        stem: Option<bool>,
        unicode_form: Option<&str>,
        lowercase: bool,
        yo_to_ye: bool,
        strip_stress: bool,
        strip_soft_hyphens: bool,
        strip_zero_width: bool,
    ) -> PyResult<Self> {
        let mut config = AnalyzerConfig::default();
        if let Some(kinds) = kinds {
            config.kinds = kinds
                .to_strings()?
                .iter()
                .map(|k| parse_kind(k))
                .collect::<PyResult<_>>()?;
        }
        config.stop_words = match stop_words {
            None => slovo::StopWords::empty(),
            Some(StopArg::Russian) => slovo::StopWords::russian(),
            Some(StopArg::Set(set)) => set,
        };
        config.min_chars = min_chars;
        let (term_form, unicode) =
            if form.eq_ignore_ascii_case("nfc") || form.eq_ignore_ascii_case("nfkc") {
                // `form` was the Unicode form before terms had forms.
                PyErr::warn(
                    py,
                    &py.get_type::<pyo3::exceptions::PyDeprecationWarning>(),
                    c"Analyzer(form='NFC'/'NFKC') sets the Unicode form: write unicode_form= \
                      (form= is the term form: 'stem', 'lemma' or 'normalized')",
                    1,
                )?;
                (TermForm::Stem, Some(form))
            } else {
                (py_result(TermForm::from_str(form))?, unicode_form)
            };
        config.form = match (stem, term_form) {
            (None, form) | (Some(true), form @ TermForm::Stem) => form,
            (Some(false), TermForm::Stem) => TermForm::Normalized,
            (Some(stem), form) => {
                return Err(PyValueError::new_err(format!(
                    "stem={} contradicts form={}: give form= only",
                    convert::py_bool(stem),
                    convert::py_str_repr(form.as_str())
                )))
            }
        };
        if let Some(pos) = pos {
            config.pos = pos
                .to_strings()?
                .iter()
                .map(|p| py_result(Pos::from_str(p)))
                .collect::<PyResult<_>>()?;
        }
        config.normalize = NormalizeOptions::new()
            .form(self::unicode_form(unicode)?)
            .lowercase(lowercase)
            .yo_to_ye(yo_to_ye)
            .strip_stress(strip_stress)
            .strip_soft_hyphens(strip_soft_hyphens)
            .strip_zero_width(strip_zero_width);
        Ok(PyAnalyzer {
            inner: slovo::Analyzer::from_config(config),
        })
    }

    /// A copy of this analyzer with other stop words: `"russian"`, a `StopWords`, an
    /// iterable of words, or `None` for none.
    #[pyo3(signature = (stop_words))]
    fn with_stop_words(&self, stop_words: Option<&Bound<'_, PyAny>>) -> PyResult<Self> {
        let mut config = self.inner.config().clone();
        config.stop_words = stop_words_arg(stop_words)?;
        Ok(PyAnalyzer {
            inner: slovo::Analyzer::from_config(config),
        })
    }

    /// The terms of `text`, in order.
    fn terms(&self, py: Python<'_>, text: &str) -> Vec<PyTerm> {
        py.detach(|| self.terms_of(text))
    }

    /// The counted forms of `text`'s terms (stems, lemmas …), in order.
    fn stems(&self, py: Python<'_>, text: &str) -> Vec<String> {
        py.detach(|| self.stems_of(text))
    }

    /// Same as `stems`: an `Analyzer` is a callable analyzer for scikit-learn.
    fn __call__(&self, py: Python<'_>, text: &str) -> Vec<String> {
        self.stems(py, text)
    }

    /// `terms` of each text, in parallel without the GIL.
    fn terms_many(&self, py: Python<'_>, texts: Texts<'_>) -> PyResult<Vec<Vec<PyTerm>>> {
        let texts = texts.to_strings()?;
        Ok(crate::pool::detach_par(py, || {
            texts.par_iter().map(|t| self.terms_of(t)).collect()
        }))
    }

    /// `stems` of each text, in parallel without the GIL.
    fn stems_many(&self, py: Python<'_>, texts: Texts<'_>) -> PyResult<Vec<Vec<String>>> {
        let texts = texts.to_strings()?;
        Ok(crate::pool::detach_par(py, || {
            texts.par_iter().map(|t| self.stems_of(t)).collect()
        }))
    }

    /// Token kinds that become terms.
    #[getter]
    fn kinds(&self) -> Vec<&'static str> {
        self.inner
            .config()
            .kinds
            .iter()
            .map(|k| k.as_str())
            .collect()
    }

    /// The stop words (a copy).
    #[getter]
    fn stop_words(&self) -> PyStopWords {
        PyStopWords {
            inner: self.inner.config().stop_words.clone(),
        }
    }

    /// Tokens with fewer characters are dropped.
    #[getter]
    fn min_chars(&self) -> usize {
        self.inner.config().min_chars
    }

    /// Whether terms are stems (``form == 'stem'``).
    #[getter]
    fn stem(&self) -> bool {
        self.inner.config().form == TermForm::Stem
    }

    /// The term counted: 'stem', 'lemma' or 'normalized'.
    #[getter]
    fn form(&self) -> &'static str {
        self.inner.config().form.as_str()
    }

    /// Parts of speech kept (UD UPOS), or None for all.
    #[getter]
    fn pos(&self) -> Option<Vec<&'static str>> {
        let pos = &self.inner.config().pos;
        (!pos.is_empty()).then(|| pos.iter().map(|p| p.as_str()).collect())
    }

    /// Unicode normalization form ('NFC', 'NFKC' or None).
    #[getter]
    fn unicode_form(&self) -> Option<&'static str> {
        match self.inner.config().normalize.form {
            UnicodeForm::None => None,
            UnicodeForm::Nfc => Some("NFC"),
            UnicodeForm::Nfkc => Some("NFKC"),
        }
    }

    /// Whether text is lowercased.
    #[getter]
    fn lowercase(&self) -> bool {
        self.inner.config().normalize.lowercase
    }

    /// Whether ё is written as е.
    #[getter]
    fn yo_to_ye(&self) -> bool {
        self.inner.config().normalize.yo_to_ye
    }

    /// Whether stress marks are removed.
    #[getter]
    fn strip_stress(&self) -> bool {
        self.inner.config().normalize.strip_stress
    }

    /// Whether soft hyphens are removed.
    #[getter]
    fn strip_soft_hyphens(&self) -> bool {
        self.inner.config().normalize.strip_soft_hyphens
    }

    /// Whether zero-width characters are removed.
    #[getter]
    fn strip_zero_width(&self) -> bool {
        self.inner.config().normalize.strip_zero_width
    }

    fn __repr__(&self) -> String {
        use convert::{py_bool, py_str_repr};
        let c = self.inner.config();
        let kinds: Vec<String> = self.kinds().iter().map(|k| py_str_repr(k)).collect();
        let stop_words = if c.stop_words.is_empty() {
            "None".to_owned()
        } else if c.stop_words == slovo::StopWords::russian() {
            "'russian'".to_owned()
        } else {
            format!("<StopWords of {} words>", c.stop_words.len())
        };
        let n = &c.normalize;
        let pos = match self.pos() {
            None => "None".to_owned(),
            Some(pos) => {
                let pos: Vec<String> = pos.iter().map(|p| py_str_repr(p)).collect();
                format!("[{}]", pos.join(", "))
            }
        };
        format!(
            "Analyzer(kinds=[{}], stop_words={stop_words}, min_chars={}, form={}, pos={pos}, \
             unicode_form={}, lowercase={}, yo_to_ye={}, strip_stress={}, \
             strip_soft_hyphens={}, strip_zero_width={})",
            kinds.join(", "),
            c.min_chars,
            py_str_repr(c.form.as_str()),
            self.unicode_form()
                .map_or_else(|| "None".to_owned(), py_str_repr),
            py_bool(n.lowercase),
            py_bool(n.yo_to_ye),
            py_bool(n.strip_stress),
            py_bool(n.strip_soft_hyphens),
            py_bool(n.strip_zero_width),
        )
    }

    fn __getstate__<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyBytes>> {
        encode_state(py, "Analyzer", &self.inner)
    }

    fn __setstate__(&mut self, state: &Bound<'_, PyAny>) -> PyResult<()> {
        self.inner = decode_state("Analyzer", state)?;
        Ok(())
    }
}

/// `stop_words` as passed to `Analyzer`: the default, `"russian"`, is [`StopArg::Russian`].
enum StopArg {
    Russian,
    Set(slovo::StopWords),
}

impl<'a, 'py> FromPyObject<'a, 'py> for StopArg {
    type Error = PyErr;

    fn extract(obj: pyo3::Borrowed<'a, 'py, PyAny>) -> PyResult<Self> {
        stop_words_arg(Some(&obj.to_owned())).map(StopArg::Set)
    }
}

#[pymodule]
mod _slovo {
    #[pymodule_export]
    use super::{
        fold, normalize, sentences, sentences_many, stem, stem_many, PyAnalyzer, PySentence,
        PyStopWords, PyTerm,
    };

    #[pymodule_export]
    use super::tokens::{tokenize, tokenize_many, PyToken, PyTokens, TokensIter};

    #[pymodule_export]
    use super::tfidf::{PyDocumentFrequencies, PyTfidfModel};

    #[pymodule_export]
    use super::text::{
        _feature_analyzer_from_state, _hashing_model_from_state, tfidf_idf, tfidf_weigh,
        PyFeatureAnalyzer, PyHashingModel,
    };

    #[pymodule_export]
    use super::extras::{
        detect, detect_many, detect_spans, keywords, keywords_many, PyDetection, PyKeyword,
    };

    #[pymodule_export]
    use super::morph::{
        inflect, lemma, lemma_many, lemmatize, lemmatize_many, normal_phrase, normal_phrase_many,
        parse, parse_sentence, parse_sentence_many, PyParse,
    };

    #[pymodule_init]
    fn init(m: &pyo3::Bound<'_, pyo3::types::PyModule>) -> pyo3::PyResult<()> {
        use pyo3::types::PyModuleMethods;
        m.add("__version__", env!("CARGO_PKG_VERSION"))
    }
}

//! Tokens for Python: `Token` objects and the lazy `Tokens` sequence `tokenize` returns.
//!
//! `Tokens` keeps the source `str` and three compact arrays (code-point start, end, kind);
//! a `Token` (and its `text`, a slice of the source `str`) is only made when it is asked for.

use std::sync::Arc;

use numpy::{IntoPyArray, PyArray1};
use pyo3::exceptions::{PyIndexError, PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyInt, PyList, PySlice, PyString};
use rayon::prelude::*;
use slovo::{CharOffsets, TokenKind};

use crate::convert::{decode_state, encode_state};
use crate::{parse_kind, type_name};

/// `source[start:end]` of a Python `str` (code points), made by CPython without decoding.
fn substring<'py>(
    source: &Bound<'py, PyString>,
    start: usize,
    end: usize,
) -> PyResult<Bound<'py, PyString>> {
    let len = source.len()?;
    if start > end || end > len {
        return Err(PyIndexError::new_err(format!(
            "span {start}..{end} outside a text of {len} characters"
        )));
    }
    // SAFETY: `source` is a valid `str` and 0 <= start <= end <= len(source) (checked
    // above; both fit `isize` since they are at most the length of a Python object);
    // `PyUnicode_Substring` returns a new reference or null with an exception set.
    unsafe {
        let ptr = pyo3::ffi::PyUnicode_Substring(source.as_ptr(), start as isize, end as isize);
        Ok(Bound::from_owned_ptr_or_err(source.py(), ptr)?.cast_into_unchecked())
    }
}

/// Python's `a == b` for two `str`.
fn str_eq(a: &Bound<'_, PyString>, b: &Bound<'_, PyString>) -> PyResult<bool> {
    PyAnyMethods::eq(a.as_any(), b)
}

/// The empty `str`, the default `text` of `Token()`.
fn empty_str() -> Py<PyString> {
    Python::attach(|py| PyString::new(py, "").unbind())
}

/// One token of a text.
///
/// Attributes
/// ----------
/// text : str
///     The token as written.
/// start, end : int
///     Code-point offsets: ``source[start:end] == text``.
/// kind : str
///     ``'word'``, ``'number'``, ``'punct'``, ``'email'``, ``'url'``, ``'hashtag'``,
///     ``'mention'``, ``'emoji'``, ``'symbol'``, …
#[pyclass(module = "slovo._slovo", name = "Token", get_all)]
pub struct PyToken {
    /// The token as written.
    text: Py<PyString>,
    /// Code-point offset of the token in the text.
    start: usize,
    /// Code-point offset just past the token.
    end: usize,
    /// The token's kind: "word", "number", "punct", "email", "url", …
    kind: &'static str,
}

impl PyToken {
    fn same(&self, py: Python<'_>, other: &PyToken) -> PyResult<bool> {
        Ok(self.start == other.start
            && self.end == other.end
            && self.kind == other.kind
            && str_eq(self.text.bind(py), other.text.bind(py))?)
    }
}

#[pymethods]
impl PyToken {
    #[new]
    #[pyo3(signature = (text = empty_str(), start = 0, end = 0, kind = "word"),
        text_signature = "(text='', start=0, end=0, kind='word')")]
    fn new(text: Py<PyString>, start: usize, end: usize, kind: &str) -> PyResult<Self> {
        Ok(PyToken {
            text,
            start,
            end,
            kind: parse_kind(kind)?.as_str(),
        })
    }

    fn __eq__(&self, py: Python<'_>, other: &Bound<'_, PyAny>) -> PyResult<Py<PyAny>> {
        match other.cast::<PyToken>() {
            Ok(other) => Ok(self
                .same(py, &other.borrow())?
                .into_pyobject(py)?
                .to_owned()
                .into_any()
                .unbind()),
            Err(_) => Ok(py.NotImplemented()),
        }
    }

    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        Ok(format!(
            "Token(text={}, start={}, end={}, kind={})",
            crate::convert::py_str_repr(&self.text.bind(py).to_cow()?),
            self.start,
            self.end,
            crate::convert::py_str_repr(self.kind)
        ))
    }

    fn __getstate__<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyBytes>> {
        let text = self.text.bind(py).to_cow()?;
        encode_state(py, "Token", &(&*text, self.start, self.end, self.kind))
    }

    fn __setstate__(&mut self, state: &Bound<'_, PyAny>) -> PyResult<()> {
        let (text, start, end, kind): (String, usize, usize, String) =
            decode_state("Token", state)?;
        let kind = parse_kind(&kind)
            .map_err(|e| PyValueError::new_err(format!("corrupt pickled slovo.Token: {e}")))?;
        *self = PyToken {
            text: PyString::new(state.py(), &text).unbind(),
            start,
            end,
            kind: kind.as_str(),
        };
        Ok(())
    }
}

impl PyToken {
    /// `self` as a Python object that the cycle collector does not track. A `Token` holds
    /// only a `str` and numbers, so it can never be part of a reference cycle; left
    /// tracked, the half million of them that `list(tokens)` keeps alive make every
    /// collection scan them all (it triples the time to build the list).
    fn into_untracked(self, py: Python<'_>) -> PyResult<Bound<'_, PyToken>> {
        let token = Bound::new(py, self)?;
        // SAFETY: `token` is a live object of a GC type (every pyclass is); untracking an
        // object that owns no references able to form a cycle is what CPython itself does
        // for tuples of atomic values; deallocation untracks again, which is a no-op.
        unsafe { pyo3::ffi::PyObject_GC_UnTrack(token.as_ptr().cast()) };
        Ok(token)
    }
}

/// Offsets and kinds of a run of tokens, one entry per token.
#[derive(Default, PartialEq)]
struct Spans {
    starts: Vec<usize>,
    ends: Vec<usize>,
    /// Index into `TokenKind::ALL`.
    kinds: Vec<u8>,
}

impl Spans {
    /// The tokens of `text`; out of memory (a huge text under a memory limit) is an error,
    /// raised as `MemoryError`, not an abort of the interpreter.
    fn of(text: &str) -> Result<Spans, std::collections::TryReserveError> {
        let mut cursor = CharOffsets::new(text);
        let mut spans = Spans::default();
        for t in slovo::tokenize(text) {
            let (start, end) = cursor.span(t.span);
            if spans.starts.len() == spans.starts.capacity() {
                let more = spans.starts.len().max(64);
                spans.starts.try_reserve(more)?;
                spans.ends.try_reserve(more)?;
                spans.kinds.try_reserve(more)?;
            }
            spans.starts.push(start);
            spans.ends.push(end);
            let kind = TokenKind::ALL.iter().position(|&k| k == t.kind);
            spans.kinds.push(kind.unwrap_or(0) as u8);
        }
        Ok(spans)
    }

    fn len(&self) -> usize {
        self.starts.len()
    }

    fn kind(&self, i: usize) -> &'static str {
        TokenKind::ALL
            .get(usize::from(self.kinds[i]))
            .map_or("word", |k| k.as_str())
    }

    /// The entries at `indices`, in that order.
    fn pick(&self, indices: impl Iterator<Item = usize>) -> Spans {
        let mut spans = Spans::default();
        for i in indices {
            spans.starts.push(self.starts[i]);
            spans.ends.push(self.ends[i]);
            spans.kinds.push(self.kinds[i]);
        }
        spans
    }
}

/// The tokens of one text, as :func:`tokenize` returns them.
///
/// An immutable ``collections.abc.Sequence`` of :class:`Token` that stores only the text
/// and the offsets and kinds of its tokens; each ``Token`` is made when it is read. It
/// compares equal to a ``list`` of the same tokens; slices are ``Tokens``.
///
/// Attributes
/// ----------
/// source : str
///     The text the tokens come from.
/// starts, ends : numpy.ndarray of int64
///     Code-point offsets of every token (new arrays each time).
///
/// Examples
/// --------
/// >>> tokens = slovo.tokenize("Кот спит.")
/// >>> tokens.texts(), tokens.starts.tolist()
/// (['Кот', 'спит', '.'], [0, 4, 8])
#[pyclass(module = "slovo._slovo", name = "Tokens", sequence)]
pub struct PyTokens {
    source: Py<PyString>,
    spans: Arc<Spans>,
}

impl PyTokens {
    fn token(&self, py: Python<'_>, i: usize) -> PyResult<PyToken> {
        let (start, end) = (self.spans.starts[i], self.spans.ends[i]);
        Ok(PyToken {
            text: substring(self.source.bind(py), start, end)?.unbind(),
            start,
            end,
            kind: self.spans.kind(i),
        })
    }

    /// Whether token `i` equals `token` (offsets, kind and text).
    fn matches(&self, py: Python<'_>, i: usize, token: &PyToken) -> PyResult<bool> {
        let (start, end) = (self.spans.starts[i], self.spans.ends[i]);
        if start != token.start || end != token.end || self.spans.kind(i) != token.kind {
            return Ok(false);
        }
        str_eq(
            &substring(self.source.bind(py), start, end)?,
            token.text.bind(py),
        )
    }

    /// The indices of the tokens equal to `value` (none if it is not a `Token`).
    fn positions(&self, value: &Bound<'_, PyAny>) -> PyResult<Vec<usize>> {
        let Ok(token) = value.cast::<PyToken>() else {
            return Ok(Vec::new());
        };
        let token = token.borrow();
        let mut found = Vec::new();
        for i in 0..self.spans.len() {
            if self.spans.starts[i] == token.start && self.matches(value.py(), i, &token)? {
                found.push(i);
            }
        }
        Ok(found)
    }

    fn equals(&self, py: Python<'_>, other: &Bound<'_, PyAny>) -> PyResult<Option<bool>> {
        if let Ok(other) = other.cast::<PyTokens>() {
            let other = other.borrow();
            if self.spans != other.spans {
                return Ok(Some(false));
            }
            let (a, b) = (self.source.bind(py), other.source.bind(py));
            if a.is(b) || str_eq(a, b)? {
                return Ok(Some(true));
            }
            for i in 0..self.spans.len() {
                let (start, end) = (self.spans.starts[i], self.spans.ends[i]);
                if !str_eq(&substring(a, start, end)?, &substring(b, start, end)?)? {
                    return Ok(Some(false));
                }
            }
            return Ok(Some(true));
        }
        if let Ok(list) = other.cast::<PyList>() {
            if list.len() != self.spans.len() {
                return Ok(Some(false));
            }
            for (i, item) in list.iter().enumerate() {
                let Ok(token) = item.cast::<PyToken>() else {
                    return Ok(Some(false));
                };
                if !self.matches(py, i, &token.borrow())? {
                    return Ok(Some(false));
                }
            }
            return Ok(Some(true));
        }
        Ok(None)
    }

    fn new_from(source: Py<PyString>, spans: Spans) -> PyTokens {
        PyTokens {
            source,
            spans: Arc::new(spans),
        }
    }
}

#[pymethods]
impl PyTokens {
    /// An empty sequence (use `slovo.tokenize` to get the tokens of a text).
    #[new]
    fn new(py: Python<'_>) -> Self {
        PyTokens::new_from(PyString::new(py, "").unbind(), Spans::default())
    }

    fn __len__(&self) -> usize {
        self.spans.len()
    }

    fn __getitem__(&self, py: Python<'_>, index: &Bound<'_, PyAny>) -> PyResult<Py<PyAny>> {
        if let Ok(slice) = index.cast::<PySlice>() {
            let len = isize::try_from(self.spans.len()).unwrap_or(isize::MAX);
            let s = slice.indices(len)?;
            let picked = (0..s.slicelength).map(|k| (s.start + k as isize * s.step) as usize);
            let view = PyTokens::new_from(self.source.clone_ref(py), self.spans.pick(picked));
            return Ok(Py::new(py, view)?.into_any());
        }
        let i: isize = index.extract().map_err(|_| {
            if index.is_instance_of::<PyInt>() {
                // Too big for an index, as `list` says.
                PyIndexError::new_err("Tokens index out of range")
            } else {
                PyTypeError::new_err(format!(
                    "Tokens indices must be integers or slices, not {}",
                    type_name(index)
                ))
            }
        })?;
        let len = self.spans.len();
        let i = if i < 0 {
            i.checked_add_unsigned(len)
        } else {
            Some(i)
        };
        match i.and_then(|i| usize::try_from(i).ok()).filter(|&i| i < len) {
            Some(i) => Ok(self.token(py, i)?.into_untracked(py)?.into_any().unbind()),
            None => Err(PyIndexError::new_err("Tokens index out of range")),
        }
    }

    fn __iter__(&self, py: Python<'_>) -> TokensIter {
        TokensIter {
            source: self.source.clone_ref(py),
            spans: Arc::clone(&self.spans),
            next: 0,
        }
    }

    fn __contains__(&self, value: &Bound<'_, PyAny>) -> PyResult<bool> {
        Ok(!self.positions(value)?.is_empty())
    }

    /// The index of the first token equal to `value`; `ValueError` if there is none.
    fn index(&self, value: &Bound<'_, PyAny>) -> PyResult<usize> {
        self.positions(value)?
            .first()
            .copied()
            .ok_or_else(|| PyValueError::new_err("token is not in Tokens"))
    }

    /// The number of tokens equal to `value`.
    fn count(&self, value: &Bound<'_, PyAny>) -> PyResult<usize> {
        Ok(self.positions(value)?.len())
    }

    fn __eq__(&self, py: Python<'_>, other: &Bound<'_, PyAny>) -> PyResult<Py<PyAny>> {
        match self.equals(py, other)? {
            Some(eq) => Ok(eq.into_pyobject(py)?.to_owned().into_any().unbind()),
            None => Ok(py.NotImplemented()),
        }
    }

    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        const SHOWN: usize = 5;
        let n = self.spans.len();
        let shown = n.min(SHOWN);
        let mut items = Vec::with_capacity(shown + 1);
        for i in 0..shown {
            items.push(self.token(py, i)?.__repr__(py)?);
        }
        if n > SHOWN {
            items.push(format!("... ({n} tokens)"));
        }
        Ok(format!("Tokens([{}])", items.join(", ")))
    }

    /// The text these tokens come from (offsets index into it).
    #[getter]
    fn source(&self, py: Python<'_>) -> Py<PyString> {
        self.source.clone_ref(py)
    }

    /// Code-point start of each token, as a new int64 NumPy array.
    #[getter]
    fn starts<'py>(&self, py: Python<'py>) -> Bound<'py, PyArray1<i64>> {
        let v: Vec<i64> = self.spans.starts.iter().map(|&s| s as i64).collect();
        v.into_pyarray(py)
    }

    /// Code-point end of each token, as a new int64 NumPy array.
    #[getter]
    fn ends<'py>(&self, py: Python<'py>) -> Bound<'py, PyArray1<i64>> {
        let v: Vec<i64> = self.spans.ends.iter().map(|&e| e as i64).collect();
        v.into_pyarray(py)
    }

    /// The text of each token, as a list of `str`.
    fn texts<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
        let source = self.source.bind(py);
        let texts = (0..self.spans.len())
            .map(|i| substring(source, self.spans.starts[i], self.spans.ends[i]))
            .collect::<PyResult<Vec<_>>>()?;
        PyList::new(py, texts)
    }

    /// The tokens as a `pandas.DataFrame`: one row per token, columns `text`, `start`,
    /// `end` (code points) and `kind`. Needs pandas.
    fn to_pandas<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        let pandas = py.import("pandas")?;
        let columns = pyo3::types::PyDict::new(py);
        columns.set_item("text", self.texts(py)?)?;
        columns.set_item("start", self.starts(py))?;
        columns.set_item("end", self.ends(py))?;
        columns.set_item("kind", self.kinds(py)?)?;
        pandas.getattr("DataFrame")?.call1((columns,))
    }

    /// The kind of each token, as a list of `str`.
    fn kinds<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
        let names: Vec<Bound<'py, PyString>> = TokenKind::ALL
            .iter()
            .map(|k| PyString::intern(py, k.as_str()))
            .collect();
        PyList::new(
            py,
            self.spans
                .kinds
                .iter()
                .map(|&k| &names[usize::from(k).min(names.len() - 1)]),
        )
    }

    fn __getstate__<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyBytes>> {
        let source = self.source.bind(py).to_cow()?;
        let s = &*self.spans;
        encode_state(py, "Tokens", &(&*source, &s.starts, &s.ends, &s.kinds))
    }

    fn __setstate__(&mut self, state: &Bound<'_, PyAny>) -> PyResult<()> {
        let (source, starts, ends, kinds): (String, Vec<usize>, Vec<usize>, Vec<u8>) =
            decode_state("Tokens", state)?;
        let chars = source.chars().count();
        let bad = |why: &str| PyValueError::new_err(format!("corrupt pickled slovo.Tokens: {why}"));
        if starts.len() != ends.len() || starts.len() != kinds.len() {
            return Err(bad("columns of different lengths"));
        }
        if starts.iter().zip(&ends).any(|(&s, &e)| s > e || e > chars) {
            return Err(bad("a span outside the text"));
        }
        if kinds
            .iter()
            .any(|&k| usize::from(k) >= TokenKind::ALL.len())
        {
            return Err(bad("an unknown token kind"));
        }
        let source = PyString::new(state.py(), &source).unbind();
        *self = PyTokens::new_from(
            source,
            Spans {
                starts,
                ends,
                kinds,
            },
        );
        Ok(())
    }
}

/// Iterator over a `Tokens`, making each `Token` as it goes.
#[pyclass(module = "slovo._slovo", name = "TokensIterator")]
pub struct TokensIter {
    source: Py<PyString>,
    spans: Arc<Spans>,
    next: usize,
}

#[pymethods]
impl TokensIter {
    fn __iter__(slf: PyRef<'_, Self>) -> PyRef<'_, Self> {
        slf
    }

    fn __next__<'py>(&mut self, py: Python<'py>) -> PyResult<Option<Bound<'py, PyToken>>> {
        let i = self.next;
        if i >= self.spans.len() {
            return Ok(None);
        }
        self.next += 1;
        let (start, end) = (self.spans.starts[i], self.spans.ends[i]);
        let token = PyToken {
            text: substring(self.source.bind(py), start, end)?.unbind(),
            start,
            end,
            kind: self.spans.kind(i),
        };
        token.into_untracked(py).map(Some)
    }

    fn __length_hint__(&self) -> usize {
        self.spans.len().saturating_sub(self.next)
    }
}

/// Split a text into tokens.
///
/// Hyphenated words (``Ростов-на-Дону``), initials, numbers with separators, e-mails and
/// URLs stay whole.
///
/// Parameters
/// ----------
/// text : str
///     The text.
///
/// Returns
/// -------
/// Tokens
///     A lazy, immutable sequence of :class:`Token` with code-point offsets.
///
/// Examples
/// --------
/// >>> slovo.tokenize("Е. Казыхан посетил Брюссель.")[1]
/// Token(text='Казыхан', start=3, end=10, kind='word')
#[pyfunction]
pub fn tokenize(py: Python<'_>, text: Bound<'_, PyString>) -> PyResult<PyTokens> {
    let utf8 = text.to_cow()?;
    let spans = py.detach(|| Spans::of(&utf8)).map_err(out_of_memory)?;
    Ok(PyTokens::new_from(text.unbind(), spans))
}

/// `tokenize` of each text of a list, in parallel without the GIL.
///
/// Parameters
/// ----------
/// texts : iterable of str
///     The texts.
///
/// Returns
/// -------
/// list of Tokens
///     The tokens of each text.
#[pyfunction]
pub fn tokenize_many(py: Python<'_>, texts: crate::convert::Texts<'_>) -> PyResult<Vec<PyTokens>> {
    let utf8 = texts.to_strings()?;
    let texts = texts.0;
    let spans: Vec<Spans> = crate::pool::detach_par(py, || {
        utf8.par_iter()
            .map(|t| Spans::of(t))
            .collect::<Result<_, _>>()
    })
    .map_err(out_of_memory)?;
    Ok(texts
        .into_iter()
        .zip(spans)
        .map(|(text, spans)| PyTokens::new_from(text.unbind(), spans))
        .collect())
}

/// `MemoryError` for an allocation that failed.
fn out_of_memory(e: std::collections::TryReserveError) -> PyErr {
    pyo3::exceptions::PyMemoryError::new_err(format!("slovo: {e}"))
}

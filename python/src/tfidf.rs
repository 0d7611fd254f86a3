//! TF-IDF bindings: `DocumentFrequencies` and `TfidfModel`, the Rust half of
//! `slovo.TfidfVectorizer` (whose scikit-learn face is `slovo/_tfidf.py`).

use std::sync::{PoisonError, RwLock, RwLockReadGuard, RwLockWriteGuard};

use numpy::IntoPyArray;
use pyo3::exceptions::{PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::pybacked::PyBackedStr;
use pyo3::types::{PyBytes, PyFloat, PyTuple};
use slovo::tfidf::{DfBound, Norm, TfidfConfig, TfidfVectorizer};
use slovo::DocumentFrequencies;

use crate::convert::{csr_parts, decode_state, encode_state, py_result, state_bytes};
use crate::text::{AnalyzerSpec, PyFeatureAnalyzer};
use crate::{strings_of, PyAnalyzer};

/// Document counts of a corpus: number of documents and, per feature, its document
/// frequency and total count. Tables of corpus pieces merge exactly.
#[pyclass(module = "slovo._slovo", name = "DocumentFrequencies", eq)]
#[derive(Clone, PartialEq)]
pub struct PyDocumentFrequencies {
    pub(crate) inner: DocumentFrequencies,
}

#[pymethods]
impl PyDocumentFrequencies {
    /// An empty table.
    #[new]
    fn new() -> Self {
        PyDocumentFrequencies {
            inner: DocumentFrequencies::new(),
        }
    }

    /// Number of documents counted.
    #[getter]
    fn n_docs(&self) -> u64 {
        self.inner.n_docs()
    }

    fn __len__(&self) -> usize {
        self.inner.len()
    }

    fn __contains__(&self, term: &str) -> bool {
        self.inner.df(term) > 0
    }

    /// Number of documents that contain `term`.
    fn df(&self, term: &str) -> u64 {
        self.inner.df(term)
    }

    /// Occurrences of `term` in the whole corpus.
    fn total_count(&self, term: &str) -> u64 {
        self.inner.total_count(term)
    }

    /// `(term, df, total_count)` for every term.
    fn items(&self) -> Vec<(String, u64, u64)> {
        self.inner
            .iter()
            .map(|(t, df, n)| (t.to_owned(), df, n))
            .collect()
    }

    /// Counts one document given as its features (with repeats).
    fn add_document(&mut self, features: &Bound<'_, PyAny>) -> PyResult<()> {
        self.inner
            .add_document(strings_of(features, "features")?.iter().map(String::as_str));
        Ok(())
    }

    /// Adds the counts of `other` to this table (in place); `OverflowError`, and the table
    /// unchanged, if a count would pass 2**53.
    fn merge(&mut self, other: &Bound<'_, PyAny>) -> PyResult<()> {
        let other = frequencies_arg(other)?;
        py_result(self.inner.merge(&other.borrow().inner))
    }

    /// A new table with the counts of both.
    fn __add__(&self, other: &Bound<'_, PyAny>) -> PyResult<Self> {
        let mut sum = self.clone();
        sum.merge(other)?;
        Ok(sum)
    }

    fn __iadd__(&mut self, other: &Bound<'_, PyAny>) -> PyResult<()> {
        self.merge(other)
    }

    /// Compact versioned bytes.
    fn to_bytes<'py>(&self, py: Python<'py>) -> Bound<'py, PyBytes> {
        PyBytes::new(py, &self.inner.to_bytes())
    }

    /// Reads bytes written by `to_bytes`; `ValueError` if they are not such a table.
    #[staticmethod]
    fn from_bytes(data: &[u8]) -> PyResult<Self> {
        Ok(PyDocumentFrequencies {
            inner: py_result(DocumentFrequencies::from_bytes(data))?,
        })
    }

    fn __repr__(&self) -> String {
        format!(
            "DocumentFrequencies(n_docs={}, terms={})",
            self.inner.n_docs(),
            self.inner.len()
        )
    }

    fn __getstate__<'py>(&self, py: Python<'py>) -> Bound<'py, PyBytes> {
        self.to_bytes(py)
    }

    fn __setstate__(&mut self, state: &Bound<'_, PyAny>) -> PyResult<()> {
        let bytes = state_bytes("DocumentFrequencies", state)?;
        self.inner = py_result(DocumentFrequencies::from_bytes(bytes))?;
        Ok(())
    }
}

fn frequencies_arg<'py>(obj: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyDocumentFrequencies>> {
    obj.cast::<PyDocumentFrequencies>()
        .cloned()
        .map_err(|_| PyTypeError::new_err("expected a slovo.DocumentFrequencies"))
}

/// scikit-learn's `min_df`/`max_df`: an `int` is a document count, a `float` a proportion.
fn df_bound(name: &str, value: &Bound<'_, PyAny>) -> PyResult<DfBound> {
    let bad = || {
        PyValueError::new_err(format!(
            "{name} must be an int >= 0 (documents) or a float in [0.0, 1.0] (proportion), \
             got {value}"
        ))
    };
    if value.is_instance_of::<PyFloat>() {
        let p: f64 = value.extract()?;
        return if (0.0..=1.0).contains(&p) {
            Ok(DfBound::Proportion(p))
        } else {
            Err(bad())
        };
    }
    if let Ok(n) = value.extract::<i64>() {
        return u64::try_from(n).map(DfBound::Count).map_err(|_| bad());
    }
    if let Ok(p) = value.extract::<f64>() {
        return if (0.0..=1.0).contains(&p) {
            Ok(DfBound::Proportion(p))
        } else {
            Err(bad())
        };
    }
    Err(PyTypeError::new_err(format!(
        "{name} must be an int or a float, not {}",
        crate::type_name(value)
    )))
}

/// The Rust half of `slovo.TfidfVectorizer`: options, analyzer, counts and fitted model.
///
/// Safe to share between threads: the model sits behind a read-write lock, taken after
/// the GIL is released (so a thread waiting for the lock never blocks one holding it),
/// readers (`transform`, `count`, getters) together, writers (`fit`, `partial_fit`, …)
/// one at a time.
#[pyclass(module = "slovo._slovo", name = "TfidfModel", frozen)]
pub struct PyTfidfModel {
    state: RwLock<ModelState>,
}

struct ModelState {
    inner: TfidfVectorizer,
    spec: AnalyzerSpec,
}

impl PyTfidfModel {
    fn with_spec(config: TfidfConfig, spec: AnalyzerSpec) -> PyResult<Self> {
        let mut inner = py_result(slovo::tfidf::TfidfVectorizerBuilder::from(config).build())?;
        Self::attach(&mut inner, &spec)?;
        Ok(PyTfidfModel {
            state: RwLock::new(ModelState { inner, spec }),
        })
    }

    fn read(&self) -> RwLockReadGuard<'_, ModelState> {
        self.state.read().unwrap_or_else(PoisonError::into_inner)
    }

    fn write(&self) -> RwLockWriteGuard<'_, ModelState> {
        self.state.write().unwrap_or_else(PoisonError::into_inner)
    }

    /// Gives `inner` the analyzer `spec` describes.
    fn attach(inner: &mut TfidfVectorizer, spec: &AnalyzerSpec) -> PyResult<()> {
        match (spec, spec.features()?) {
            (_, Some(features)) => inner.set_analyzer(features),
            (AnalyzerSpec::Slovo(analyzer), None) => inner.set_analyzer(analyzer.clone()),
            (AnalyzerSpec::Features(_), None) => {}
        }
        Ok(())
    }
}

#[pymethods]
impl PyTfidfModel {
    #[new]
    #[pyo3(signature = (*, ngram_range = (1, 1), min_df = None, max_df = None,
        max_features = None, sublinear_tf = false, smooth_idf = true, use_idf = true,
        norm = Some("l2"), stop_words = None, analyzer = None, binary = false, features = None),
        text_signature = "(*, ngram_range=(1, 1), min_df=None, max_df=None, max_features=None, \
            sublinear_tf=False, smooth_idf=True, use_idf=True, norm='l2', stop_words=None, \
            analyzer=None, binary=False, features=None)")]
    #[allow(clippy::too_many_arguments)]
    fn new(
        ngram_range: (i64, i64),
        min_df: Option<&Bound<'_, PyAny>>,
        max_df: Option<&Bound<'_, PyAny>>,
        max_features: Option<i64>,
        sublinear_tf: bool,
        smooth_idf: bool,
        use_idf: bool,
        norm: Option<&str>,
        stop_words: Option<&Bound<'_, PyAny>>,
        analyzer: Option<PyRef<'_, PyAnalyzer>>,
        binary: bool,
        features: Option<PyRef<'_, PyFeatureAnalyzer>>,
    ) -> PyResult<Self> {
        let mut config = TfidfConfig::default();
        config.binary = binary;
        let (lo, hi) = ngram_range;
        let (Ok(lo), Ok(hi)) = (usize::try_from(lo), usize::try_from(hi)) else {
            return Err(PyValueError::new_err(format!(
                "ngram_range must be (min_n, max_n) with 1 <= min_n <= max_n, got ({lo}, {hi})"
            )));
        };
        config.ngram_range = (lo, hi);
        if let Some(min_df) = min_df {
            config.min_df = df_bound("min_df", min_df)?;
        }
        if let Some(max_df) = max_df {
            config.max_df = df_bound("max_df", max_df)?;
        }
        config.max_features = match max_features {
            None => None,
            Some(n) => Some(usize::try_from(n).map_err(|_| {
                PyValueError::new_err(format!("max_features must be a positive int, got {n}"))
            })?),
        };
        config.sublinear_tf = sublinear_tf;
        config.smooth_idf = smooth_idf;
        config.use_idf = use_idf;
        config.norm = match norm {
            None => Norm::None,
            Some(norm) => py_result(norm.parse())?,
        };
        if let Some(stop_words) = stop_words {
            config.stop_words = strings_of(stop_words, "stop_words")?;
        }
        Self::with_spec(config, AnalyzerSpec::from_args(analyzer, features))
    }

    /// `fit` for documents given as lists of terms (stop words and n-grams still apply).
    fn fit_terms(&self, py: Python<'_>, docs: Vec<Vec<PyBackedStr>>) -> PyResult<()> {
        py_result(crate::pool::detach_par(py, || {
            self.write().inner.fit_terms(&docs)
        }))
    }

    /// `fit_transform` for documents given as lists of terms.
    fn fit_transform_terms<'py>(
        &self,
        py: Python<'py>,
        docs: Vec<Vec<PyBackedStr>>,
    ) -> PyResult<Bound<'py, PyTuple>> {
        let matrix = py_result(crate::pool::detach_par(py, || {
            self.write().inner.fit_transform_terms(&docs)
        }))?;
        csr_parts(py, matrix)
    }

    /// `transform` for documents given as lists of terms.
    fn transform_terms<'py>(
        &self,
        py: Python<'py>,
        docs: Vec<Vec<PyBackedStr>>,
    ) -> PyResult<Bound<'py, PyTuple>> {
        let matrix = py_result(crate::pool::detach_par(py, || {
            self.read().inner.transform_terms(&docs)
        }))?;
        csr_parts(py, matrix)
    }

    /// The features of one text, in order (what fitting counts).
    fn analyze(&self, text: &str) -> Vec<String> {
        let mut features = Vec::new();
        (self.read().inner).for_each_feature(text, |f| features.push(f.to_owned()));
        features
    }

    /// Replaces the fitted model with `terms` (in column order) and `idf` (one per term,
    /// required exactly when `use_idf`); the counts are emptied.
    #[pyo3(signature = (terms, idf = None))]
    fn set_vocabulary(&self, terms: Vec<PyBackedStr>, idf: Option<Vec<f64>>) -> PyResult<()> {
        let vocabulary = py_result(slovo::Vocabulary::new(terms.iter().map(|t| &**t)))?;
        let mut state = self.write();
        let mut inner = py_result(TfidfVectorizer::from_vocabulary(
            state.inner.config().clone(),
            vocabulary,
            idf,
        ))?;
        Self::attach(&mut inner, &state.spec)?;
        state.inner = inner;
        Ok(())
    }

    /// Learns vocabulary and idf from `docs`.
    fn fit(&self, py: Python<'_>, docs: Vec<PyBackedStr>) -> PyResult<()> {
        py_result(crate::pool::detach_par(py, || {
            self.write().inner.fit(&docs)
        }))
    }

    /// `fit`, then the CSR parts `(data, indices, indptr, shape)` of `transform(docs)`.
    fn fit_transform<'py>(
        &self,
        py: Python<'py>,
        docs: Vec<PyBackedStr>,
    ) -> PyResult<Bound<'py, PyTuple>> {
        let matrix = py_result(crate::pool::detach_par(py, || {
            self.write().inner.fit_transform(&docs)
        }))?;
        csr_parts(py, matrix)
    }

    /// The CSR parts `(data, indices, indptr, shape)` of the TF-IDF rows of `docs`.
    fn transform<'py>(
        &self,
        py: Python<'py>,
        docs: Vec<PyBackedStr>,
    ) -> PyResult<Bound<'py, PyTuple>> {
        let matrix = py_result(crate::pool::detach_par(py, || {
            self.read().inner.transform(&docs)
        }))?;
        csr_parts(py, matrix)
    }

    /// Adds `docs` to the counts; `finalize` builds the model.
    fn partial_fit(&self, py: Python<'_>, docs: Vec<PyBackedStr>) {
        crate::pool::detach_par(py, || self.write().inner.partial_fit(&docs));
    }

    /// Builds vocabulary and idf from the counts gathered so far.
    fn finalize(&self, py: Python<'_>) -> PyResult<()> {
        py_result(crate::pool::detach_par(py, || {
            self.write().inner.finalize()
        }))
    }

    /// The counts of `docs` as a new table (this model is not changed).
    fn count(&self, py: Python<'_>, docs: Vec<PyBackedStr>) -> PyDocumentFrequencies {
        PyDocumentFrequencies {
            inner: crate::pool::detach_par(py, || self.read().inner.count(&docs)),
        }
    }

    /// Replaces the counts with `frequencies` and builds the model.
    fn fit_frequencies(&self, py: Python<'_>, frequencies: &Bound<'_, PyAny>) -> PyResult<()> {
        let table = frequencies_arg(frequencies)?.borrow().inner.clone();
        py_result(crate::pool::detach_par(py, || {
            self.write().inner.fit_frequencies(table)
        }))
    }

    /// A copy of the counts gathered by fitting.
    #[getter]
    fn frequencies(&self) -> PyDocumentFrequencies {
        PyDocumentFrequencies {
            inner: self.read().inner.frequencies().clone(),
        }
    }

    /// `True` once `transform` can run.
    #[getter]
    fn is_fitted(&self) -> bool {
        self.read().inner.is_fitted()
    }

    /// Number of features (columns) of the fitted model; 0 before fitting.
    #[getter]
    fn n_features(&self) -> usize {
        self.read().inner.vocabulary().map_or(0, |v| v.len())
    }

    /// The features in column order, or `None` before fitting.
    #[getter]
    fn vocabulary(&self) -> Option<Vec<String>> {
        (self.read().inner.vocabulary()).map(|v| v.iter().map(str::to_owned).collect())
    }

    /// The idf of each column (a new NumPy array), or `None` before fitting or without
    /// `use_idf`.
    #[getter]
    fn idf<'py>(&self, py: Python<'py>) -> Option<Bound<'py, numpy::PyArray1<f64>>> {
        let idf = self.read().inner.idf().map(<[f64]>::to_vec);
        idf.map(|idf| idf.into_pyarray(py))
    }

    /// The slovo analyzer that turns text into terms (`None` with scikit-learn's).
    #[getter]
    fn analyzer(&self) -> Option<PyAnalyzer> {
        match &self.read().spec {
            AnalyzerSpec::Slovo(analyzer) => Some(PyAnalyzer {
                inner: analyzer.clone(),
            }),
            AnalyzerSpec::Features(_) => None,
        }
    }

    fn __repr__(&self) -> String {
        let vocabulary = self.read().inner.vocabulary().map(|v| v.len());
        match vocabulary {
            Some(n) => format!("<TfidfModel, fitted, {n} features>"),
            None => "<TfidfModel, not fitted>".to_owned(),
        }
    }

    /// Options, analyzer and fitted model (not the counts: pickle `frequencies` for those).
    fn __getstate__<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyBytes>> {
        let state = self.read();
        encode_state(py, "TfidfModel", &(state.inner.to_bytes(), &state.spec))
    }

    fn __setstate__(&self, state: &Bound<'_, PyAny>) -> PyResult<()> {
        let (model, spec): (Vec<u8>, AnalyzerSpec) = decode_state("TfidfModel", state)?;
        let mut inner = py_result(TfidfVectorizer::from_bytes(&model))?;
        Self::attach(&mut inner, &spec)?;
        *self.write() = ModelState { inner, spec };
        Ok(())
    }
}

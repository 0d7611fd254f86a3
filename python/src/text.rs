//! Bindings of scikit-learn's analyzers, the hashing vectorizer and the TF-IDF weighting
//! of count matrices: the Rust halves of `slovo.CountVectorizer`, `HashingVectorizer` and
//! `TfidfTransformer` (whose scikit-learn faces are in `slovo/_text.py`).

use numpy::{IntoPyArray, PyArray1, PyReadonlyArray1, PyReadwriteArray1};
use pyo3::prelude::*;
use pyo3::pybacked::PyBackedStr;
use pyo3::types::{PyBytes, PyTuple};
use slovo::tfidf::{
    FeatureAnalyzer, FeatureAnalyzerConfig, HashingConfig, HashingVectorizer,
    HashingVectorizerBuilder, Norm, StripAccents, TfidfTransformer,
};

use crate::convert::{csr_parts, decode_state, encode_state, py_result, py_str_repr};
use crate::{strings_of, PyAnalyzer};

/// `"l1"`, `"l2"` or `None`.
pub(crate) fn norm_arg(norm: Option<&str>) -> PyResult<Norm> {
    match norm {
        None => Ok(Norm::None),
        Some(norm) => py_result(norm.parse()),
    }
}

/// `(min_n, max_n)` as Python gives it.
pub(crate) fn range_arg(name: &str, (lo, hi): (i64, i64)) -> PyResult<(usize, usize)> {
    match (usize::try_from(lo), usize::try_from(hi)) {
        (Ok(lo), Ok(hi)) => Ok((lo, hi)),
        _ => Err(pyo3::exceptions::PyValueError::new_err(format!(
            "{name} must be (min_n, max_n) with 1 <= min_n <= max_n, got ({lo}, {hi})"
        ))),
    }
}

/// scikit-learn's `"word"`, `"char"` and `"char_wb"` analyzers without stop words and
/// word n-grams: lowercase, strip accents, token pattern or character n-grams.
#[pyclass(module = "slovo._slovo", name = "FeatureAnalyzer", eq, frozen)]
#[derive(Clone, PartialEq)]
pub struct PyFeatureAnalyzer {
    pub(crate) inner: FeatureAnalyzer,
}

impl PyFeatureAnalyzer {
    fn from_config(config: FeatureAnalyzerConfig) -> PyResult<Self> {
        Ok(PyFeatureAnalyzer {
            inner: py_result(slovo::tfidf::FeatureAnalyzerBuilder::from(config).build())?,
        })
    }
}

#[pymethods]
impl PyFeatureAnalyzer {
    #[new]
    #[pyo3(signature = (kind = "word", lowercase = true, strip_accents = None,
        token_pattern = slovo::tfidf::DEFAULT_TOKEN_PATTERN, ngram_range = (1, 1)),
        text_signature = "(kind='word', lowercase=True, strip_accents=None, \
            token_pattern='(?u)\\\\b\\\\w\\\\w+\\\\b', ngram_range=(1, 1))")]
    fn new(
        kind: &str,
        lowercase: bool,
        strip_accents: Option<&str>,
        token_pattern: &str,
        ngram_range: (i64, i64),
    ) -> PyResult<Self> {
        let strip = match strip_accents {
            None => StripAccents::None,
            Some(s) => py_result(s.parse())?,
        };
        let inner = FeatureAnalyzer::builder()
            .kind(py_result(kind.parse())?)
            .lowercase(lowercase)
            .strip_accents(strip)
            .token_pattern(token_pattern)
            .ngram_range(range_arg("ngram_range", ngram_range)?)
            .build();
        Ok(PyFeatureAnalyzer {
            inner: py_result(inner)?,
        })
    }

    /// `str.lower()` (with `lowercase`), then `strip_accents`.
    fn preprocess(&self, text: &str) -> String {
        self.inner.preprocess(text).into_owned()
    }

    /// The token pattern's matches in `text` (`re.findall`), without preprocessing.
    fn tokenize(&self, text: &str) -> Vec<String> {
        let mut tokens = Vec::new();
        self.inner
            .for_each_token(text, |t| tokens.push(t.to_owned()));
        tokens
    }

    /// The features of `text`: tokens of the preprocessed text, or its character n-grams.
    fn features(&self, text: &str) -> Vec<String> {
        self.inner.features(text)
    }

    fn __repr__(&self) -> String {
        let c = self.inner.config();
        let strip = match c.strip_accents {
            StripAccents::None => "None".to_owned(),
            other => format!("'{other}'"),
        };
        format!(
            "FeatureAnalyzer(kind='{}', lowercase={}, strip_accents={strip}, token_pattern={}, \
             ngram_range=({}, {}))",
            c.kind,
            if c.lowercase { "True" } else { "False" },
            py_str_repr(&c.token_pattern),
            c.ngram_range.0,
            c.ngram_range.1
        )
    }

    fn __reduce__<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyTuple>> {
        let py = slf.py();
        let state = encode_state(py, "FeatureAnalyzer", slf.get().inner.config())?;
        let restore = py
            .import("slovo._slovo")?
            .getattr("_feature_analyzer_from_state")?;
        (restore, (state,)).into_pyobject(py)
    }
}

/// Rebuilds a pickled `FeatureAnalyzer`.
#[pyfunction]
pub fn _feature_analyzer_from_state(state: &Bound<'_, PyAny>) -> PyResult<PyFeatureAnalyzer> {
    PyFeatureAnalyzer::from_config(decode_state("FeatureAnalyzer", state)?)
}

/// What turns text into terms for a model: slovo's analyzer or scikit-learn's.
#[derive(Clone, serde::Serialize, serde::Deserialize)]
pub(crate) enum AnalyzerSpec {
    Slovo(slovo::Analyzer),
    Features(FeatureAnalyzerConfig),
}

impl AnalyzerSpec {
    pub(crate) fn from_args(
        analyzer: Option<PyRef<'_, PyAnalyzer>>,
        features: Option<PyRef<'_, PyFeatureAnalyzer>>,
    ) -> Self {
        match (features, analyzer) {
            (Some(f), _) => AnalyzerSpec::Features(f.inner.config().clone()),
            (None, Some(a)) => AnalyzerSpec::Slovo(a.inner.clone()),
            (None, None) => AnalyzerSpec::Slovo(slovo::Analyzer::default()),
        }
    }

    pub(crate) fn features(&self) -> PyResult<Option<FeatureAnalyzer>> {
        match self {
            AnalyzerSpec::Slovo(_) => Ok(None),
            AnalyzerSpec::Features(config) => {
                Ok(Some(PyFeatureAnalyzer::from_config(config.clone())?.inner))
            }
        }
    }
}

/// The Rust half of `slovo.HashingVectorizer`.
#[pyclass(module = "slovo._slovo", name = "HashingModel", frozen)]
pub struct PyHashingModel {
    inner: HashingVectorizer,
    spec: AnalyzerSpec,
}

impl PyHashingModel {
    fn build(config: HashingConfig, spec: AnalyzerSpec) -> PyResult<Self> {
        let inner = match (&spec, spec.features()?) {
            (_, Some(features)) => HashingVectorizerBuilder::from(config)
                .analyzer(features)
                .build(),
            (AnalyzerSpec::Slovo(a), None) => HashingVectorizerBuilder::from(config)
                .analyzer(a.clone())
                .build(),
            (AnalyzerSpec::Features(_), None) => unreachable!("features() is Some"),
        };
        Ok(PyHashingModel {
            inner: py_result(inner)?,
            spec,
        })
    }
}

#[pymethods]
impl PyHashingModel {
    #[new]
    #[pyo3(signature = (*, n_features = 1 << 20, alternate_sign = true, binary = false,
        norm = Some("l2"), ngram_range = (1, 1), stop_words = None, analyzer = None,
        features = None),
        text_signature = "(*, n_features=1048576, alternate_sign=True, binary=False, norm='l2', \
            ngram_range=(1, 1), stop_words=None, analyzer=None, features=None)")]
    #[allow(clippy::too_many_arguments)]
    fn new(
        n_features: i64,
        alternate_sign: bool,
        binary: bool,
        norm: Option<&str>,
        ngram_range: (i64, i64),
        stop_words: Option<&Bound<'_, PyAny>>,
        analyzer: Option<PyRef<'_, PyAnalyzer>>,
        features: Option<PyRef<'_, PyFeatureAnalyzer>>,
    ) -> PyResult<Self> {
        let mut config = HashingConfig::default();
        config.n_features = u32::try_from(n_features).map_err(|_| {
            pyo3::exceptions::PyValueError::new_err(format!(
                "n_features must be an int in [1, 2147483647], got {n_features}"
            ))
        })?;
        config.alternate_sign = alternate_sign;
        config.binary = binary;
        config.norm = norm_arg(norm)?;
        config.ngram_range = range_arg("ngram_range", ngram_range)?;
        if let Some(stop_words) = stop_words {
            config.stop_words = strings_of(stop_words, "stop_words")?;
        }
        Self::build(config, AnalyzerSpec::from_args(analyzer, features))
    }

    /// The CSR parts `(data, indices, indptr, shape)` of the hashed rows of `docs`.
    fn transform<'py>(
        &self,
        py: Python<'py>,
        docs: Vec<PyBackedStr>,
    ) -> PyResult<Bound<'py, PyTuple>> {
        let inner = &self.inner;
        let matrix = crate::pool::detach_par(py, || inner.transform(&docs));
        csr_parts(py, matrix)
    }

    /// Like `transform`, for documents given as lists of terms.
    fn transform_terms<'py>(
        &self,
        py: Python<'py>,
        docs: Vec<Vec<PyBackedStr>>,
    ) -> PyResult<Bound<'py, PyTuple>> {
        let inner = &self.inner;
        let matrix = crate::pool::detach_par(py, || inner.transform_terms(&docs));
        csr_parts(py, matrix)
    }

    /// The features of one text, in order.
    fn analyze(&self, text: &str) -> Vec<String> {
        let mut features = Vec::new();
        self.inner
            .for_each_feature(text, |f| features.push(f.to_owned()));
        features
    }

    fn __getstate__<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyBytes>> {
        encode_state(py, "HashingModel", &(self.inner.config(), &self.spec))
    }

    fn __reduce__<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyTuple>> {
        let state = self.__getstate__(py)?;
        let restore = py
            .import("slovo._slovo")?
            .getattr("_hashing_model_from_state")?;
        (restore, (state,)).into_pyobject(py)
    }
}

/// Rebuilds a pickled `HashingModel`.
#[pyfunction]
pub fn _hashing_model_from_state(state: &Bound<'_, PyAny>) -> PyResult<PyHashingModel> {
    let (config, spec): (HashingConfig, AnalyzerSpec) = decode_state("HashingModel", state)?;
    PyHashingModel::build(config, spec)
}

/// idf of the columns of a CSR count matrix of `n_rows` rows and `n_cols` columns, from its
/// column indices (scikit-learn's `TfidfTransformer.fit`).
#[pyfunction]
#[pyo3(signature = (n_rows, n_cols, indices, smooth_idf = true))]
pub fn tfidf_idf<'py>(
    py: Python<'py>,
    n_rows: usize,
    n_cols: usize,
    indices: PyReadonlyArray1<'py, i64>,
    smooth_idf: bool,
) -> PyResult<Bound<'py, PyArray1<f64>>> {
    let indices = to_usize(indices.as_slice()?)?;
    let mut transformer = py_result(TfidfTransformer::builder().smooth_idf(smooth_idf).build())?;
    crate::pool::detach_par(py, || transformer.fit(n_rows, n_cols, &indices))
        .map_err(crate::convert::to_py_err)?;
    Ok(transformer.idf().unwrap_or(&[]).to_vec().into_pyarray(py))
}

/// Weights a CSR count matrix's `data` in place: `sublinear_tf`, times `idf` (when given),
/// then `norm` (scikit-learn's `TfidfTransformer.transform`).
#[pyfunction]
#[pyo3(signature = (indptr, indices, data, idf = None, sublinear_tf = false, norm = Some("l2")),
    text_signature = "(indptr, indices, data, idf=None, sublinear_tf=False, norm='l2')")]
pub fn tfidf_weigh<'py>(
    py: Python<'py>,
    indptr: PyReadonlyArray1<'py, i64>,
    indices: PyReadonlyArray1<'py, i64>,
    mut data: PyReadwriteArray1<'py, f64>,
    idf: Option<PyReadonlyArray1<'py, f64>>,
    sublinear_tf: bool,
    norm: Option<&str>,
) -> PyResult<()> {
    let indptr = to_usize(indptr.as_slice()?)?;
    let indices = to_usize(indices.as_slice()?)?;
    let mut transformer = py_result(
        TfidfTransformer::builder()
            .use_idf(idf.is_some())
            .sublinear_tf(sublinear_tf)
            .norm(norm_arg(norm)?)
            .build(),
    )?;
    if let Some(idf) = idf {
        py_result(transformer.set_idf(idf.as_slice()?.to_vec()))?;
    }
    let data = data.as_slice_mut()?;
    crate::pool::detach_par(py, || {
        transformer.transform_in_place(&indptr, &indices, data)
    })
    .map_err(crate::convert::to_py_err)
}

fn to_usize(values: &[i64]) -> PyResult<Vec<usize>> {
    values
        .iter()
        .map(|&v| {
            usize::try_from(v).map_err(|_| {
                pyo3::exceptions::PyValueError::new_err(format!(
                    "sparse matrix indices must not be negative, got {v}"
                ))
            })
        })
        .collect()
}

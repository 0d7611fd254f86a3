//! TF-IDF weighting of a count matrix made elsewhere: scikit-learn's `TfidfTransformer`.

use super::hashing::normalize;
use super::options::Norm;
use crate::error::{Error, Result};

/// scikit-learn's `TfidfTransformer`: learns idf from a matrix of counts (CSR parts) and
/// weights rows in place — `tf` (`1 + ln(tf)` with `sublinear_tf`), times idf when
/// `use_idf`, then normalized — in scikit-learn's order of operations.
///
/// # Example
///
/// ```
/// use slovo::tfidf::{Norm, TfidfTransformer};
///
/// // [[1, 1], [1, 0]] as CSR parts
/// let (indptr, indices) = ([0, 2, 3], [0, 1, 0]);
/// let mut data = [1.0, 1.0, 1.0];
/// let mut transformer = TfidfTransformer::builder().norm(Norm::None).build()?;
/// transformer.fit(2, 2, &indices)?;
/// transformer.transform_in_place(&indptr, &indices, &mut data)?;
/// let idf_b = (3.0f64 / 2.0).ln() + 1.0;
/// assert_eq!(data, [1.0, idf_b, 1.0]);
/// # Ok::<(), slovo::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct TfidfTransformer {
    norm: Norm,
    use_idf: bool,
    smooth_idf: bool,
    sublinear_tf: bool,
    idf: Option<Vec<f64>>,
}

impl Default for TfidfTransformer {
    fn default() -> Self {
        TfidfTransformer::new()
    }
}

impl TfidfTransformer {
    /// scikit-learn's defaults: L2 norm, smoothed idf, raw tf.
    ///
    /// ```
    /// assert!(slovo::tfidf::TfidfTransformer::new().idf().is_none());
    /// ```
    #[must_use]
    pub fn new() -> Self {
        TfidfTransformer {
            norm: Norm::L2,
            use_idf: true,
            smooth_idf: true,
            sublinear_tf: false,
            idf: None,
        }
    }

    /// A builder starting from the defaults.
    ///
    /// ```
    /// let t = slovo::tfidf::TfidfTransformer::builder().sublinear_tf(true).build()?;
    /// # Ok::<(), slovo::Error>(())
    /// ```
    pub fn builder() -> TfidfTransformerBuilder {
        TfidfTransformerBuilder {
            inner: TfidfTransformer::new(),
        }
    }

    /// Learns idf from a count matrix of `n_rows` documents and `n_cols` features given by
    /// its CSR column indices: a feature's document frequency is the number of entries
    /// stored in its column (scikit-learn's `_document_frequency`). Without `use_idf`
    /// there is nothing to learn.
    ///
    /// # Errors
    ///
    /// [`Error::InvalidOption`] for a column index at or above `n_cols`.
    ///
    /// ```
    /// let mut t = slovo::tfidf::TfidfTransformer::new();
    /// t.fit(2, 3, &[0, 1, 0])?;
    /// assert_eq!(t.idf().unwrap()[2], 3f64.ln() + 1.0);
    /// # Ok::<(), slovo::Error>(())
    /// ```
    pub fn fit(&mut self, n_rows: usize, n_cols: usize, indices: &[usize]) -> Result<()> {
        if !self.use_idf {
            self.idf = None;
            return Ok(());
        }
        let mut df = vec![0u64; n_cols];
        for &col in indices {
            match df.get_mut(col) {
                Some(d) => *d += 1,
                None => {
                    return Err(Error::invalid_option(
                        "indices",
                        col.to_string(),
                        format!("column indices below {n_cols}"),
                    ))
                }
            }
        }
        self.idf = Some(self.idf_of(&df, n_rows as u64));
        Ok(())
    }

    /// idf from document frequencies `df` of `n_docs` documents:
    /// `ln((n + s) / (df + s)) + 1`, `s = 1` with `smooth_idf`. A df of 0 without
    /// smoothing gives infinity, as in scikit-learn.
    ///
    /// ```
    /// let t = slovo::tfidf::TfidfTransformer::new();
    /// assert_eq!(t.idf_of(&[1], 1), [1.0]);
    /// ```
    #[must_use]
    pub fn idf_of(&self, df: &[u64], n_docs: u64) -> Vec<f64> {
        let s = f64::from(u8::from(self.smooth_idf));
        let n = n_docs as f64 + s;
        df.iter()
            .map(|&d| (n / (d as f64 + s)).ln() + 1.0)
            .collect()
    }

    /// The learned (or set) idf, one per column.
    ///
    /// ```
    /// assert_eq!(slovo::tfidf::TfidfTransformer::new().idf(), None);
    /// ```
    #[must_use]
    pub fn idf(&self) -> Option<&[f64]> {
        self.idf.as_deref()
    }

    /// Sets the idf (scikit-learn's settable `idf_`).
    ///
    /// # Errors
    ///
    /// [`Error::InvalidOption`] when `use_idf` is off, or for a NaN. Infinite values are
    /// allowed, as in scikit-learn: without smoothing, a term no document has gets an
    /// infinite idf. (Models loaded from bytes are checked strictly: finite, within ±1e100.)
    ///
    /// ```
    /// let mut t = slovo::tfidf::TfidfTransformer::new();
    /// assert!(t.set_idf(vec![1.0, f64::NAN]).is_err());
    /// t.set_idf(vec![1.0, 2.0])?;
    /// assert_eq!(t.idf(), Some(&[1.0, 2.0][..]));
    /// # Ok::<(), slovo::Error>(())
    /// ```
    pub fn set_idf(&mut self, idf: Vec<f64>) -> Result<()> {
        if !self.use_idf {
            return Err(Error::invalid_option(
                "idf",
                "values",
                "none (use_idf is off)",
            ));
        }
        if let Some(i) = idf.iter().position(|v| v.is_nan()) {
            return Err(Error::invalid_option(
                "idf",
                format!("NaN at column {i}"),
                "numbers (not NaN)",
            ));
        }
        self.idf = Some(idf);
        Ok(())
    }

    /// Weights the rows of a CSR matrix of counts in place.
    ///
    /// # Errors
    ///
    /// [`Error::NotFitted`] with `use_idf` before [`fit`](Self::fit) or
    /// [`set_idf`](Self::set_idf); [`Error::InvalidOption`] for CSR parts that do not fit
    /// together or a column without an idf.
    ///
    /// ```
    /// use slovo::tfidf::{Norm, TfidfTransformer};
    ///
    /// let t = TfidfTransformer::builder().use_idf(false).norm(Norm::L1).build()?;
    /// let mut data = [1.0, 3.0];
    /// t.transform_in_place(&[0, 2], &[0, 1], &mut data)?;
    /// assert_eq!(data, [0.25, 0.75]);
    /// # Ok::<(), slovo::Error>(())
    /// ```
    pub fn transform_in_place(
        &self,
        indptr: &[usize],
        indices: &[usize],
        data: &mut [f64],
    ) -> Result<()> {
        let idf = match (&self.idf, self.use_idf) {
            (None, true) => {
                return Err(Error::NotFitted {
                    reason: "call fit (or set the idf) before transform".into(),
                })
            }
            (idf, _) => idf.as_deref(),
        };
        let bad = |what: &str| Error::invalid_option("matrix", what, "consistent CSR parts");
        if indices.len() != data.len() || indptr.last().copied().unwrap_or(0) != data.len() {
            return Err(bad("indices, data and indptr of different lengths"));
        }
        if let Some(idf) = idf {
            if let Some(&col) = indices.iter().find(|&&c| c >= idf.len()) {
                return Err(Error::invalid_option(
                    "matrix",
                    format!("column {col}"),
                    format!("columns below {} (the idf's length)", idf.len()),
                ));
            }
        }
        for w in indptr.windows(2) {
            let (start, end) = (w[0], w[1]);
            if start > end || end > data.len() {
                return Err(bad("indptr not increasing"));
            }
            let values = &mut data[start..end];
            if self.sublinear_tf {
                values.iter_mut().for_each(|v| *v = v.ln() + 1.0);
            }
            if let Some(idf) = idf {
                for (v, &col) in values.iter_mut().zip(&indices[start..end]) {
                    *v *= idf[col];
                }
            }
            normalize(values, self.norm);
        }
        Ok(())
    }
}

/// Builds a [`TfidfTransformer`].
#[derive(Debug, Clone, Default)]
#[must_use]
pub struct TfidfTransformerBuilder {
    inner: TfidfTransformer,
}

impl TfidfTransformerBuilder {
    /// Row normalization (default [`Norm::L2`]).
    ///
    /// ```
    /// use slovo::tfidf::{Norm, TfidfTransformer};
    /// let t = TfidfTransformer::builder().use_idf(false).norm(Norm::L1).build()?;
    /// let mut data = [1.0, 1.0];
    /// t.transform_in_place(&[0, 2], &[0, 1], &mut data)?;
    /// assert_eq!(data, [0.5, 0.5]);
    /// # Ok::<(), slovo::Error>(())
    /// ```
    pub fn norm(mut self, norm: Norm) -> Self {
        self.inner.norm = norm;
        self
    }

    /// Multiply by idf (default `true`).
    ///
    /// ```
    /// let mut t = slovo::tfidf::TfidfTransformer::builder().use_idf(false).build()?;
    /// t.fit(1, 1, &[0])?;
    /// assert_eq!(t.idf(), None);
    /// # Ok::<(), slovo::Error>(())
    /// ```
    pub fn use_idf(mut self, use_idf: bool) -> Self {
        self.inner.use_idf = use_idf;
        self
    }

    /// Smooth idf as if one more document held every feature (default `true`).
    ///
    /// ```
    /// let t = slovo::tfidf::TfidfTransformer::builder().smooth_idf(false).build()?;
    /// assert_eq!(t.idf_of(&[1], 2), [2f64.ln() + 1.0]);
    /// # Ok::<(), slovo::Error>(())
    /// ```
    pub fn smooth_idf(mut self, smooth_idf: bool) -> Self {
        self.inner.smooth_idf = smooth_idf;
        self
    }

    /// `1 + ln(tf)` instead of `tf` (default `false`).
    ///
    /// ```
    /// use slovo::tfidf::{Norm, TfidfTransformer};
    /// let t = TfidfTransformer::builder().sublinear_tf(true).use_idf(false).norm(Norm::None).build()?;
    /// let mut data = [1.0, std::f64::consts::E];
    /// t.transform_in_place(&[0, 2], &[0, 1], &mut data)?;
    /// assert_eq!(data, [1.0, 2.0]);
    /// # Ok::<(), slovo::Error>(())
    /// ```
    pub fn sublinear_tf(mut self, sublinear_tf: bool) -> Self {
        self.inner.sublinear_tf = sublinear_tf;
        self
    }

    /// The transformer (unfitted).
    ///
    /// # Errors
    ///
    /// None yet: every combination of options is valid.
    ///
    /// ```
    /// let t = slovo::tfidf::TfidfTransformer::builder().smooth_idf(false).build()?;
    /// # Ok::<(), slovo::Error>(())
    /// ```
    pub fn build(self) -> Result<TfidfTransformer> {
        Ok(self.inner)
    }
}

//! A small compressed-sparse-row matrix: the output of [`TfidfVectorizer`](super::TfidfVectorizer).

use crate::error::{Error, Result};

/// A sparse `f64` matrix in compressed sparse row (CSR) form, laid out like SciPy's
/// `csr_matrix`: row `r` holds the entries `indptr[r]..indptr[r + 1]` of `indices`
/// (column numbers, strictly increasing within a row) and `data` (their values).
///
/// # Example
///
/// ```
/// use slovo::tfidf::CsrMatrix;
///
/// // [[0, 2], [0, 0], [1, 3]]
/// let m = CsrMatrix::new(3, 2, vec![0, 1, 1, 3], vec![1, 0, 1], vec![2.0, 1.0, 3.0])?;
/// assert_eq!(m.shape(), (3, 2));
/// assert_eq!(m.nnz(), 3);
/// assert_eq!(m.get(2, 1), 3.0);
/// assert_eq!(m.row(2).map(|r| r.indices), Some(&[0, 1][..]));
/// # Ok::<(), slovo::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Default)]
pub struct CsrMatrix {
    n_rows: usize,
    n_cols: usize,
    indptr: Vec<usize>,
    indices: Vec<u32>,
    data: Vec<f64>,
}

impl CsrMatrix {
    /// Builds a matrix from its parts, checking that they fit together: `indptr` has
    /// `n_rows + 1` non-decreasing entries from 0 to `indices.len()`, `indices` and `data`
    /// have the same length, and each row's column numbers are strictly increasing and
    /// below `n_cols`.
    ///
    /// # Errors
    ///
    /// [`Error::InvalidOption`] naming the part that does not fit.
    ///
    /// # Example
    ///
    /// ```
    /// use slovo::tfidf::CsrMatrix;
    ///
    /// assert!(CsrMatrix::new(1, 2, vec![0, 1], vec![0], vec![1.0]).is_ok());
    /// // column 5 is outside a 2-column matrix
    /// assert!(CsrMatrix::new(1, 2, vec![0, 1], vec![5], vec![1.0]).is_err());
    /// ```
    pub fn new(
        n_rows: usize,
        n_cols: usize,
        indptr: Vec<usize>,
        indices: Vec<u32>,
        data: Vec<f64>,
    ) -> Result<Self> {
        if indptr.len() != n_rows + 1 {
            return Err(Error::invalid_option(
                "indptr",
                format!("{} entries", indptr.len()),
                format!("n_rows + 1 = {} entries", n_rows + 1),
            ));
        }
        if indices.len() != data.len() {
            return Err(Error::invalid_option(
                "data",
                format!("{} values", data.len()),
                format!("as many values as indices ({})", indices.len()),
            ));
        }
        if indptr.first() != Some(&0) || indptr.last() != Some(&indices.len()) {
            return Err(Error::invalid_option(
                "indptr",
                format!("{:?}..{:?}", indptr.first(), indptr.last()),
                format!("to run from 0 to the number of entries ({})", indices.len()),
            ));
        }
        for (row, bounds) in indptr.windows(2).enumerate() {
            let (start, end) = (bounds[0], bounds[1]);
            if start > end {
                return Err(Error::invalid_option(
                    "indptr",
                    format!("{start} > {end} at row {row}"),
                    "non-decreasing offsets",
                ));
            }
            let cols = &indices[start..end];
            if cols.windows(2).any(|w| w[0] >= w[1]) {
                return Err(Error::invalid_option(
                    "indices",
                    format!("row {row}: {cols:?}"),
                    "strictly increasing column numbers within a row",
                ));
            }
            if let Some(&last) = cols.last() {
                if last as usize >= n_cols {
                    return Err(Error::invalid_option(
                        "indices",
                        format!("column {last} in row {row}"),
                        format!("columns below n_cols = {n_cols}"),
                    ));
                }
            }
        }
        Ok(CsrMatrix {
            n_rows,
            n_cols,
            indptr,
            indices,
            data,
        })
    }

    /// Builds a matrix from parts the caller guarantees to be consistent.
    pub(crate) fn from_parts_unchecked(
        n_cols: usize,
        indptr: Vec<usize>,
        indices: Vec<u32>,
        data: Vec<f64>,
    ) -> Self {
        debug_assert!(!indptr.is_empty());
        debug_assert_eq!(indptr.last(), Some(&indices.len()));
        debug_assert_eq!(indices.len(), data.len());
        CsrMatrix {
            n_rows: indptr.len().saturating_sub(1),
            n_cols,
            indptr,
            indices,
            data,
        }
    }

    /// Number of rows (documents).
    ///
    /// ```
    /// let m = slovo::tfidf::CsrMatrix::new(2, 3, vec![0, 0, 0], vec![], vec![])?;
    /// assert_eq!(m.n_rows(), 2);
    /// # Ok::<(), slovo::Error>(())
    /// ```
    #[must_use]
    pub fn n_rows(&self) -> usize {
        self.n_rows
    }

    /// Number of columns (vocabulary terms).
    ///
    /// ```
    /// let m = slovo::tfidf::CsrMatrix::new(2, 3, vec![0, 0, 0], vec![], vec![])?;
    /// assert_eq!(m.n_cols(), 3);
    /// # Ok::<(), slovo::Error>(())
    /// ```
    #[must_use]
    pub fn n_cols(&self) -> usize {
        self.n_cols
    }

    /// `(n_rows, n_cols)`.
    ///
    /// ```
    /// let m = slovo::tfidf::CsrMatrix::new(2, 3, vec![0, 0, 0], vec![], vec![])?;
    /// assert_eq!(m.shape(), (2, 3));
    /// # Ok::<(), slovo::Error>(())
    /// ```
    #[must_use]
    pub fn shape(&self) -> (usize, usize) {
        (self.n_rows, self.n_cols)
    }

    /// Number of stored (non-zero) entries.
    ///
    /// ```
    /// let m = slovo::tfidf::CsrMatrix::new(1, 3, vec![0, 2], vec![0, 2], vec![1.0, 2.0])?;
    /// assert_eq!(m.nnz(), 2);
    /// # Ok::<(), slovo::Error>(())
    /// ```
    #[must_use]
    pub fn nnz(&self) -> usize {
        self.data.len()
    }

    /// Row offsets: `n_rows + 1` entries, row `r` is `indptr[r]..indptr[r + 1]`.
    ///
    /// ```
    /// let m = slovo::tfidf::CsrMatrix::new(2, 3, vec![0, 2, 3], vec![0, 2, 1], vec![1.0, 2.0, 3.0])?;
    /// assert_eq!(m.indptr(), &[0, 2, 3]);
    /// # Ok::<(), slovo::Error>(())
    /// ```
    #[must_use]
    pub fn indptr(&self) -> &[usize] {
        &self.indptr
    }

    /// Column numbers of the stored entries, sorted within each row.
    ///
    /// ```
    /// let m = slovo::tfidf::CsrMatrix::new(2, 3, vec![0, 2, 3], vec![0, 2, 1], vec![1.0, 2.0, 3.0])?;
    /// assert_eq!(m.indices(), &[0, 2, 1]);
    /// # Ok::<(), slovo::Error>(())
    /// ```
    #[must_use]
    pub fn indices(&self) -> &[u32] {
        &self.indices
    }

    /// Values of the stored entries, parallel to [`indices`](Self::indices).
    ///
    /// ```
    /// let m = slovo::tfidf::CsrMatrix::new(2, 3, vec![0, 2, 3], vec![0, 2, 1], vec![1.0, 2.0, 3.0])?;
    /// assert_eq!(m.data(), &[1.0, 2.0, 3.0]);
    /// # Ok::<(), slovo::Error>(())
    /// ```
    #[must_use]
    pub fn data(&self) -> &[f64] {
        &self.data
    }

    /// Row `r`, or `None` past the last row.
    ///
    /// ```
    /// let m = slovo::tfidf::CsrMatrix::new(2, 3, vec![0, 2, 3], vec![0, 2, 1], vec![1.0, 2.0, 3.0])?;
    /// let row = m.row(0).unwrap();
    /// assert_eq!(row.indices, &[0, 2]);
    /// assert_eq!(row.values, &[1.0, 2.0]);
    /// assert!(m.row(2).is_none());
    /// # Ok::<(), slovo::Error>(())
    /// ```
    #[must_use]
    pub fn row(&self, r: usize) -> Option<SparseRow<'_>> {
        let start = *self.indptr.get(r)?;
        let end = *self.indptr.get(r + 1)?;
        Some(SparseRow {
            indices: &self.indices[start..end],
            values: &self.data[start..end],
        })
    }

    /// All rows in order.
    ///
    /// ```
    /// let m = slovo::tfidf::CsrMatrix::new(2, 3, vec![0, 2, 3], vec![0, 2, 1], vec![1.0, 2.0, 3.0])?;
    /// let lengths: Vec<usize> = m.rows().map(|row| row.len()).collect();
    /// assert_eq!(lengths, [2, 1]);
    /// # Ok::<(), slovo::Error>(())
    /// ```
    #[must_use]
    pub fn rows(&self) -> impl ExactSizeIterator<Item = SparseRow<'_>> + '_ {
        self.indptr.windows(2).map(move |w| SparseRow {
            indices: &self.indices[w[0]..w[1]],
            values: &self.data[w[0]..w[1]],
        })
    }

    /// The value at `(row, col)`: 0.0 where nothing is stored or outside the matrix.
    ///
    /// ```
    /// let m = slovo::tfidf::CsrMatrix::new(1, 3, vec![0, 1], vec![2], vec![0.5])?;
    /// assert_eq!(m.get(0, 2), 0.5);
    /// assert_eq!(m.get(0, 1), 0.0);
    /// assert_eq!(m.get(9, 9), 0.0);
    /// # Ok::<(), slovo::Error>(())
    /// ```
    #[must_use]
    pub fn get(&self, row: usize, col: usize) -> f64 {
        let Some(r) = self.row(row) else { return 0.0 };
        match u32::try_from(col) {
            Ok(col) => r.indices.binary_search(&col).map_or(0.0, |i| r.values[i]),
            Err(_) => 0.0,
        }
    }

    /// The matrix as a dense `n_rows × n_cols` array. Meant for small inputs: it allocates
    /// every cell. Needs the `ndarray` feature.
    ///
    /// ```
    /// let m = slovo::tfidf::CsrMatrix::new(1, 3, vec![0, 1], vec![2], vec![0.5])?;
    /// assert_eq!(m.to_dense(), ndarray::array![[0.0, 0.0, 0.5]]);
    /// # Ok::<(), slovo::Error>(())
    /// ```
    #[cfg(feature = "ndarray")]
    #[must_use]
    pub fn to_dense(&self) -> ndarray::Array2<f64> {
        let mut dense = ndarray::Array2::zeros((self.n_rows, self.n_cols));
        for (r, row) in self.rows().enumerate() {
            for (c, v) in row.iter() {
                dense[(r, c)] = v;
            }
        }
        dense
    }

    /// Takes the matrix apart: `(n_rows, n_cols, indptr, indices, data)`.
    ///
    /// ```
    /// let m = slovo::tfidf::CsrMatrix::new(1, 3, vec![0, 1], vec![2], vec![0.5])?;
    /// let (rows, cols, indptr, indices, data) = m.into_parts();
    /// assert_eq!((rows, cols, indptr, indices, data), (1, 3, vec![0, 1], vec![2], vec![0.5]));
    /// # Ok::<(), slovo::Error>(())
    /// ```
    #[must_use]
    pub fn into_parts(self) -> (usize, usize, Vec<usize>, Vec<u32>, Vec<f64>) {
        (
            self.n_rows,
            self.n_cols,
            self.indptr,
            self.indices,
            self.data,
        )
    }
}

/// One row of a [`CsrMatrix`]: its stored column numbers (increasing) and values.
///
/// # Example
///
/// ```
/// let m = slovo::tfidf::CsrMatrix::new(1, 4, vec![0, 2], vec![1, 3], vec![0.6, 0.8])?;
/// let row = m.row(0).unwrap();
/// assert_eq!(row.iter().collect::<Vec<_>>(), [(1, 0.6), (3, 0.8)]);
/// # Ok::<(), slovo::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct SparseRow<'a> {
    /// Column numbers, strictly increasing.
    pub indices: &'a [u32],
    /// Values, parallel to `indices`.
    pub values: &'a [f64],
}

impl<'a> SparseRow<'a> {
    /// Number of stored entries in the row.
    ///
    /// ```
    /// let m = slovo::tfidf::CsrMatrix::new(1, 4, vec![0, 2], vec![1, 3], vec![0.6, 0.8])?;
    /// assert_eq!(m.row(0).unwrap().len(), 2);
    /// # Ok::<(), slovo::Error>(())
    /// ```
    #[must_use]
    pub fn len(&self) -> usize {
        self.indices.len()
    }

    /// `true` when the row stores nothing (an all-zero row).
    ///
    /// ```
    /// let m = slovo::tfidf::CsrMatrix::new(1, 4, vec![0, 0], vec![], vec![])?;
    /// assert!(m.row(0).unwrap().is_empty());
    /// # Ok::<(), slovo::Error>(())
    /// ```
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.indices.is_empty()
    }

    /// The `k` entries with the largest values, largest first, as `(column, value)`;
    /// ties go to the lower column. Fewer when the row stores fewer (NaN sorts last).
    ///
    /// ```
    /// let m = slovo::tfidf::CsrMatrix::new(1, 5, vec![0, 4], vec![0, 1, 3, 4], vec![0.2, 0.7, 0.2, 0.5])?;
    /// let row = m.row(0).unwrap();
    /// assert_eq!(row.top_k(3), [(1, 0.7), (4, 0.5), (0, 0.2)]);
    /// assert_eq!(row.top_k(10).len(), 4);
    /// # Ok::<(), slovo::Error>(())
    /// ```
    #[must_use]
    pub fn top_k(&self, k: usize) -> Vec<(usize, f64)> {
        let mut entries: Vec<(usize, f64)> = self.iter().collect();
        let order = |a: &(usize, f64), b: &(usize, f64)| {
            let by_value = match (a.1.is_nan(), b.1.is_nan()) {
                (false, false) => b.1.total_cmp(&a.1),
                (a_nan, b_nan) => a_nan.cmp(&b_nan),
            };
            by_value.then(a.0.cmp(&b.0))
        };
        if k < entries.len() {
            entries.select_nth_unstable_by(k, order);
            entries.truncate(k);
        }
        entries.sort_unstable_by(order);
        entries
    }

    /// `(column, value)` pairs in column order.
    ///
    /// ```
    /// let m = slovo::tfidf::CsrMatrix::new(1, 4, vec![0, 1], vec![3], vec![1.0])?;
    /// assert_eq!(m.row(0).unwrap().iter().next(), Some((3, 1.0)));
    /// # Ok::<(), slovo::Error>(())
    /// ```
    #[must_use]
    pub fn iter(&self) -> impl ExactSizeIterator<Item = (usize, f64)> + 'a {
        let values = self.values;
        self.indices
            .iter()
            .zip(values)
            .map(|(&c, &v)| (c as usize, v))
    }
}

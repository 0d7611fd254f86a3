//! Output rows: raw counts weighted (sublinear tf, idf) and normalized as scikit-learn
//! does, gathered into a [`CsrMatrix`] (in parallel chunks with the `parallel` feature).

use super::csr::CsrMatrix;
use super::docs::Scratch;
use super::model::Fitted;
use super::options::Norm;
use super::vectorizer::TfidfVectorizer;

/// Documents per parallel work unit in `transform`.
#[cfg(feature = "parallel")]
const CHUNK: usize = 64;

impl TfidfVectorizer {
    /// Builds the output matrix: `fill(i, scratch, row)` pushes document `i`'s
    /// `(column, tf)` pairs in column order; weighting and normalization are applied here.
    pub(super) fn collect_rows<F>(
        &self,
        n_docs: usize,
        n_cols: usize,
        fill: F,
        fitted: &Fitted,
    ) -> CsrMatrix
    where
        F: Fn(usize, &mut Scratch, &mut Vec<(u32, f64)>) + Sync,
    {
        let build = |range: std::ops::Range<usize>| -> (Vec<usize>, Vec<u32>, Vec<f64>) {
            let mut scratch = Scratch::default();
            let mut row = Vec::new();
            let mut lengths = Vec::with_capacity(range.len());
            let mut indices = Vec::new();
            let mut data = Vec::new();
            for i in range {
                row.clear();
                fill(i, &mut scratch, &mut row);
                let start = data.len();
                indices.extend(row.iter().map(|&(col, _)| col));
                data.extend(row.iter().map(|&(_, tf)| tf));
                self.weigh(fitted, &indices[start..], &mut data[start..]);
                lengths.push(indices.len() - start);
            }
            (lengths, indices, data)
        };

        // One rayon thread (`RAYON_NUM_THREADS=1`) builds the rows in one piece: chunks
        // would only add their concatenation.
        #[cfg(feature = "parallel")]
        if self.parallel && n_docs > CHUNK && rayon::current_num_threads() > 1 {
            use rayon::prelude::*;
            let chunks: Vec<_> = (0..n_docs.div_ceil(CHUNK))
                .into_par_iter()
                .map(|c| build(c * CHUNK..((c + 1) * CHUNK).min(n_docs)))
                .collect();
            let nnz = chunks.iter().map(|c| c.1.len()).sum();
            let mut indptr = Vec::with_capacity(n_docs + 1);
            let mut indices = Vec::with_capacity(nnz);
            let mut data = Vec::with_capacity(nnz);
            indptr.push(0);
            for (lengths, chunk_indices, chunk_data) in chunks {
                for len in lengths {
                    indptr.push(indptr[indptr.len() - 1] + len);
                }
                indices.extend_from_slice(&chunk_indices);
                data.extend_from_slice(&chunk_data);
            }
            return CsrMatrix::from_parts_unchecked(n_cols, indptr, indices, data);
        }

        let (lengths, indices, data) = build(0..n_docs);
        let mut indptr = Vec::with_capacity(n_docs + 1);
        indptr.push(0);
        for len in lengths {
            indptr.push(indptr[indptr.len() - 1] + len);
        }
        CsrMatrix::from_parts_unchecked(n_cols, indptr, indices, data)
    }

    /// Turns one row's raw counts into weights, in scikit-learn's order of operations.
    fn weigh(&self, fitted: &Fitted, indices: &[u32], values: &mut [f64]) {
        if self.config.sublinear_tf {
            values.iter_mut().for_each(|v| *v = v.ln() + 1.0);
        }
        if let Some(idf) = &fitted.idf {
            for (v, &col) in values.iter_mut().zip(indices) {
                *v *= idf[col as usize];
            }
        }
        let norm = match self.config.norm {
            Norm::None => return,
            Norm::L2 => values.iter().map(|v| v * v).sum::<f64>().sqrt(),
            Norm::L1 => values.iter().map(|v| v.abs()).sum::<f64>(),
        };
        if norm != 0.0 {
            values.iter_mut().for_each(|v| *v /= norm);
        }
    }
}

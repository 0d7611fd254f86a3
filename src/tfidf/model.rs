//! From counts to a fitted model: pruning by `min_df`/`max_df`/`max_features`, the
//! vocabulary in scikit-learn's order, and idf.

use super::grams::MAX_N;
use super::options::TfidfConfig;
use super::vectorizer::TfidfVectorizer;
use super::vocabulary::Vocabulary;
use crate::error::{Error, Result};

/// What `transform` needs from fitting.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Fitted {
    pub(super) vocabulary: Vocabulary,
    pub(super) idf: Option<Vec<f64>>,
    /// Most terms any vocabulary entry can join: an n-gram of `n` terms holds at least
    /// `n - 1` spaces, so no longer n-gram can be a column. `transform` forms no longer
    /// n-grams, which bounds its work by the document and the vocabulary whatever the
    /// configured `ngram_range` (a model file may say `(1, 10⁹)`).
    pub(super) longest: usize,
}

impl Fitted {
    pub(super) fn new(vocabulary: Vocabulary, idf: Option<Vec<f64>>) -> Self {
        let longest = (vocabulary.iter())
            .map(|term| term.bytes().filter(|&b| b == b' ').count() + 1)
            .max()
            .unwrap_or(1);
        Fitted {
            vocabulary,
            idf,
            longest,
        }
    }
}

impl TfidfVectorizer {
    /// Vocabulary and idf from the counts, plus the column of each count slot
    /// (`u32::MAX` for pruned features).
    pub(super) fn build_model(&self) -> Result<(Fitted, Vec<u32>)> {
        if let Some(grams) = &self.counts.grams {
            // Sort keys order grams as their strings would be ordered (see `grams`).
            let (keys, by_rank) = grams.sort_keys();
            let mut entries: Vec<_> = (grams.grams.iter().enumerate())
                .filter(|(_, gram)| gram.df > 0)
                .map(|(g, gram)| (keys[g], g as u32, gram.df, gram.count))
                .collect();
            sort_by_lanes(
                &mut entries,
                |e| e.0,
                self.config.ngram_range.1.min(MAX_N),
                grams.terms.len() + 1,
            );
            let kept = self.select(grams.n_docs, entries.into_iter(), true)?;
            let mut text = String::new();
            let mut ends = Vec::with_capacity(kept.len());
            for &(key, ..) in &kept {
                grams.write_key(key, &by_rank, &mut text);
                ends.push(text.len());
            }
            let mut start = 0;
            let terms = ends.iter().map(|&end| {
                let term = &text[start..end];
                start = end;
                term
            });
            return Ok(self.model(&kept, grams.len(), grams.n_docs, terms, text.len()));
        }
        let table = self.counts.table();
        let kept = self.select(
            table.n_docs(),
            table.entries().map(|(s, t, df, c)| (t, s, df, c)),
            false,
        )?;
        let bytes = kept.iter().map(|&(t, ..)| t.len()).sum();
        let terms = kept.iter().map(|&(t, ..)| t);
        Ok(self.model(&kept, table.len(), table.n_docs(), terms, bytes))
    }

    /// The `(key, slot, df, total count)` entries that survive `min_df`, `max_df` and
    /// `max_features`, sorted by key (the feature's string or a key in the same order).
    /// Entries with df 0 (n-gram prefixes that were never counted) are left out.
    fn select<K: Ord + Copy>(
        &self,
        n_docs: u64,
        entries: impl Iterator<Item = (K, u32, u64, u64)>,
        mut sorted: bool,
    ) -> Result<Vec<(K, u32, u64, u64)>> {
        let config = &self.config;
        let high = config.max_df.resolve(n_docs);
        let low = config.min_df.resolve(n_docs);
        // scikit-learn's check; an empty corpus simply gives an empty vocabulary.
        if high < low && n_docs > 0 {
            return Err(Error::invalid_option(
                "max_df",
                format!("{} (= {high} of {n_docs} documents)", config.max_df),
                format!("at least min_df {} (= {low} documents)", config.min_df),
            ));
        }
        let mut kept: Vec<(K, u32, u64, u64)> = entries
            .filter(|&(_, _, df, _)| {
                let dff = df as f64;
                df > 0 && dff <= high && dff >= low
            })
            .collect();
        if let Some(limit) = config.max_features {
            if kept.len() > limit {
                sorted = false;
                // Most frequent first; ties by term so the cut is deterministic.
                kept.select_nth_unstable_by(limit - 1, |a, b| b.3.cmp(&a.3).then(a.0.cmp(&b.0)));
                kept.truncate(limit);
            }
        }
        if !sorted {
            kept.sort_unstable_by_key(|e| e.0);
        }
        Ok(kept)
    }

    /// The fitted model from the selected entries and their strings (in the same order).
    fn model<'a, K>(
        &self,
        kept: &[(K, u32, u64, u64)],
        n_slots: usize,
        n_docs: u64,
        terms: impl ExactSizeIterator<Item = &'a str>,
        bytes: usize,
    ) -> (Fitted, Vec<u32>) {
        let config = &self.config;
        let mut slot_column = vec![u32::MAX; n_slots];
        for (col, &(_, slot, _, _)) in kept.iter().enumerate() {
            slot_column[slot as usize] = col as u32;
        }
        let idf = config.use_idf.then(|| {
            let s = u64::from(config.smooth_idf);
            let n = (n_docs + s) as f64;
            kept.iter()
                .map(|&(_, _, df, _)| (n / (df + s) as f64).ln() + 1.0)
                .collect()
        });
        let vocabulary = Vocabulary::from_unique(terms, bytes);
        (Fitted::new(vocabulary, idf), slot_column)
    }
}

/// Sorts `items` by `key`, a gram sort key ([`GramCounts::sort_keys`]: term ranks + 1 in
/// 32-bit lanes, first term highest), with one stable counting sort per lane, last used
/// lane first (LSD radix). `lanes` is the longest gram, `buckets` one more than the number
/// of terms (a lane holds 0 or a rank + 1). Linear in the items, where comparing
/// 128-bit keys was the costliest step of fitting n-grams.
fn sort_by_lanes<T: Copy>(
    items: &mut Vec<T>,
    key: impl Fn(&T) -> u128,
    lanes: usize,
    buckets: usize,
) {
    let Some(&first) = items.first() else {
        return;
    };
    let mut sorted = vec![first; items.len()];
    let mut starts = vec![0usize; buckets];
    for lane in (0..lanes).rev() {
        let shift = 32 * (MAX_N - 1 - lane);
        // Lane values come from `sort_keys`, so they are below `buckets`.
        let digit = |item: &T| (key(item) >> shift) as u32 as usize;
        starts.iter_mut().for_each(|s| *s = 0);
        for item in items.iter() {
            starts[digit(item)] += 1;
        }
        let mut total = 0;
        for start in starts.iter_mut() {
            let n = *start;
            *start = total;
            total += n;
        }
        for item in items.iter() {
            let d = digit(item);
            sorted[starts[d]] = *item;
            starts[d] += 1;
        }
        std::mem::swap(items, &mut sorted);
    }
}

/// The largest idf magnitude a model may hold: far above any computed idf (at most
/// ln(2⁵³ + 1) + 1 ≈ 37.7), and low enough that tf × idf and a row's sum of squares stay
/// finite for any document (1e100 × 2³² counts, squared, summed over 2³² columns < 1e240).
pub(super) const MAX_IDF: f64 = 1e100;

/// Every idf value finite and within ±[`MAX_IDF`].
pub(super) fn check_idf_values(idf: &[f64]) -> Result<()> {
    match idf.iter().position(|v| !v.is_finite() || v.abs() > MAX_IDF) {
        Some(i) => Err(Error::invalid_option(
            "idf",
            format!("{} at column {i}", idf[i]),
            "finite numbers within ±1e100",
        )),
        None => Ok(()),
    }
}

pub(super) fn check_idf(
    config: &TfidfConfig,
    vocabulary: &Vocabulary,
    idf: Option<&[f64]>,
) -> Result<()> {
    match (config.use_idf, idf) {
        (true, None) => Err(Error::invalid_option(
            "idf",
            "none",
            format!("{} values (use_idf is on)", vocabulary.len()),
        )),
        (false, Some(_)) => Err(Error::invalid_option(
            "idf",
            "values",
            "none (use_idf is off)",
        )),
        (true, Some(idf)) if idf.len() != vocabulary.len() => Err(Error::invalid_option(
            "idf",
            format!("{} values", idf.len()),
            format!("one per vocabulary term ({})", vocabulary.len()),
        )),
        (true, Some(idf)) => check_idf_values(idf),
        (false, None) => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The lane-by-lane radix sort orders gram keys exactly as comparing the keys does.
    #[test]
    fn sort_by_lanes_matches_a_comparison_sort() {
        let lane = |d: usize, v: u32| u128::from(v) << (32 * (MAX_N - 1 - d));
        let mut keys = Vec::new();
        let mut seed = 7u64;
        for _ in 0..500 {
            seed = seed
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            let depth = (seed >> 60) as usize % MAX_N + 1;
            let key = (0..depth).fold(0, |k, d| k | lane(d, ((seed >> (8 * d)) % 9 + 1) as u32));
            keys.push((key, keys.len()));
        }
        keys.sort_unstable();
        keys.dedup_by_key(|k| k.0);
        let mut radix = keys.clone();
        radix.reverse();
        sort_by_lanes(&mut radix, |k| k.0, MAX_N, 10);
        assert_eq!(radix, keys);
    }

    /// idf values that would overflow a weight or a norm (1e308 printed `null` weights) are
    /// refused; the extremes a fit can produce are kept.
    #[test]
    fn idf_values_are_finite_and_bounded() {
        for bad in [f64::NAN, f64::INFINITY, -f64::INFINITY, 1e308, -1e101] {
            assert!(check_idf_values(&[1.0, bad]).is_err(), "{bad}");
        }
        for good in [0.0, 1.0, 37.7, -5.0, 1e100, f64::MIN_POSITIVE] {
            assert!(check_idf_values(&[good]).is_ok(), "{good}");
        }
    }
}

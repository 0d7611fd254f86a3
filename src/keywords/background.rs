//! Background document frequencies: how common a stem is across many documents.

use std::collections::HashMap;
use std::sync::{Arc, OnceLock};

/// Document frequencies of stems in a reference corpus, the "background" against which a
/// document's own words are weighed (a word frequent everywhere is a poor keyword).
///
/// [`Background::builtin`] is a small table shipped with the crate (see
/// `src/keywords/data/NOTICE.md` for its sources); [`Background::from_counts`] builds one
/// from any corpus statistics, for instance a fitted TF-IDF model.
///
/// ```
/// use slovo::keywords::Background;
///
/// let bg = Background::builtin();
/// // A word used everywhere weighs less than a rare one.
/// assert!(bg.idf("год") < bg.idf("вакцин"));
///
/// let own = Background::from_counts(10, [("кот", 9), ("пес", 1)]);
/// assert!(own.idf("кот") < own.idf("пес"));
/// assert_eq!(own.n_docs(), 10);
/// ```
#[derive(Debug, Clone)]
pub struct Background {
    inner: Arc<Table>,
}

#[derive(Debug, Default)]
struct Table {
    n_docs: u64,
    df: HashMap<String, f64>,
}

const BUILTIN: &str = include_str!("data/background.txt");

impl Background {
    /// The background table shipped with the crate.
    ///
    /// Parsed once, on first use; later calls share it.
    ///
    /// ```
    /// let bg = slovo::keywords::Background::builtin();
    /// assert!(bg.n_docs() > 1000);
    /// ```
    pub fn builtin() -> Background {
        static CELL: OnceLock<Background> = OnceLock::new();
        CELL.get_or_init(|| Background {
            inner: Arc::new(parse_builtin(BUILTIN)),
        })
        .clone()
    }

    /// A background with no statistics: every stem counts as equally rare.
    ///
    /// ```
    /// let bg = slovo::keywords::Background::empty();
    /// assert_eq!(bg.idf("год"), bg.idf("вакцин"));
    /// ```
    pub fn empty() -> Background {
        Background {
            inner: Arc::new(Table::default()),
        }
    }

    /// Builds a background from a corpus of `n_docs` documents and `(stem, df)` pairs,
    /// where `df` is the number of documents containing the stem.
    ///
    /// Stems must be produced the way the extractor makes them: lowercase, `ё` folded to
    /// `е`, Snowball-stemmed. Pairs with `df = 0` are ignored; `df` above `n_docs` is
    /// clamped.
    ///
    /// ```
    /// use slovo::keywords::Background;
    ///
    /// let bg = Background::from_counts(100, vec![("европейск".to_string(), 20)]);
    /// assert!(bg.idf("европейск") < bg.idf("казахста"));
    /// ```
    pub fn from_counts<S, I>(n_docs: u64, counts: I) -> Background
    where
        S: Into<String>,
        I: IntoIterator<Item = (S, u64)>,
    {
        let df = counts
            .into_iter()
            .filter(|(_, df)| *df > 0)
            .map(|(stem, df)| (stem.into(), df.min(n_docs) as f64))
            .collect();
        Background {
            inner: Arc::new(Table { n_docs, df }),
        }
    }

    /// Number of documents the statistics were taken from.
    ///
    /// ```
    /// assert_eq!(slovo::keywords::Background::empty().n_docs(), 0);
    /// ```
    pub fn n_docs(&self) -> u64 {
        self.inner.n_docs
    }

    /// Smoothed inverse document frequency of a stem, `ln((n + 1) / (df + 1)) + 1`
    /// (scikit-learn's smooth idf); an unseen stem gets the largest value.
    ///
    /// ```
    /// let bg = slovo::keywords::Background::from_counts(3, [("a", 3)]);
    /// assert!((bg.idf("a") - 1.0).abs() < 1e-12);
    /// assert!((bg.idf("b") - (4.0f64.ln() + 1.0)).abs() < 1e-12);
    /// ```
    pub fn idf(&self, stem: &str) -> f64 {
        let n = self.inner.n_docs as f64;
        let df = self.inner.df.get(stem).copied().unwrap_or(0.0);
        ((n + 1.0) / (df + 1.0)).ln() + 1.0
    }

    /// Share of documents containing the stem, in `[0, 1]`.
    pub(crate) fn df_ratio(&self, stem: &str) -> f64 {
        let n = self.inner.n_docs as f64;
        if n == 0.0 {
            return 0.0;
        }
        self.inner.df.get(stem).copied().unwrap_or(0.0) / n
    }
}

impl Default for Background {
    /// The built-in table ([`Background::builtin`]).
    fn default() -> Self {
        Background::builtin()
    }
}

/// The shipped format (written by `examples/build_keyword_background.rs`):
/// `#` comment lines; a line `n_docs N`; then lines `Q stem stem …` where every stem on
/// the line has `df ≈ exp(Q / 8)`.
fn parse_builtin(data: &str) -> Table {
    let mut table = Table::default();
    for line in data.lines() {
        if line.starts_with('#') || line.is_empty() {
            continue;
        }
        let mut fields = line.split(' ');
        let head = fields.next().unwrap_or("");
        if head == "n_docs" {
            table.n_docs = fields.next().and_then(|v| v.parse().ok()).unwrap_or(0);
            continue;
        }
        let Ok(q) = head.parse::<u32>() else { continue };
        let df = (f64::from(q) / QUANT).exp();
        for stem in fields.filter(|s| !s.is_empty()) {
            table.df.insert(stem.to_string(), df);
        }
    }
    table
}

/// Steps per unit of `ln(df)` in the shipped table.
pub(crate) const QUANT: f64 = 8.0;

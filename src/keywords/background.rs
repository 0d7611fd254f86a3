//! Background document frequencies: how common a stem is across many documents.

use foldhash::HashMap;
use std::sync::{Arc, OnceLock};

use super::scan::{Lexicon, Scan};
use crate::terms::Analyzer;
use crate::tfidf::DocumentFrequencies;

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
/// assert!(bg.idf("человек") < bg.idf("вакцин"));
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
            // The shipped table is checked by a test; should it ever fail to parse,
            // keywords still work, only without background weights.
            inner: Arc::new(parse_table(BUILTIN).unwrap_or_default()),
        })
        .clone()
    }

    /// A background with no statistics: every stem counts as equally rare.
    ///
    /// ```
    /// let bg = slovo::keywords::Background::empty();
    /// assert_eq!(bg.idf("год"), bg.idf("вакцин"));
    /// ```
    #[must_use]
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

    /// Counts, for every stem the extractor would consider (with the default Russian stop
    /// words left out), how many of `documents` contain it.
    ///
    /// This is how the built-in table is made ([`examples/build_keyword_background.rs`](https://github.com/slovo-nlp/slovo/blob/main/examples/build_keyword_background.rs));
    /// use it to weigh keywords against your own collection.
    ///
    /// ```
    /// use slovo::keywords::Background;
    ///
    /// let docs = ["Кошка спит.", "Кошка ест.", "Собака лает."];
    /// let bg = Background::from_documents(docs);
    /// assert_eq!(bg.n_docs(), 3);
    /// assert!(bg.idf("кошк") < bg.idf("собак"));
    /// ```
    pub fn from_documents<'a, I>(documents: I) -> Background
    where
        I: IntoIterator<Item = &'a str>,
    {
        let analyzer = Analyzer::default();
        let mut table = Table::default();
        for doc in documents {
            table.n_docs += 1;
            for term in Scan::new(doc, &analyzer, Lexicon::Stems).terms {
                *table.df.entry(term.stem).or_insert(0.0) += 1.0;
            }
        }
        Background {
            inner: Arc::new(table),
        }
    }

    /// Uses the counts of a TF-IDF corpus ([`TfidfVectorizer::frequencies`], or a
    /// [`DocumentFrequencies`] merged from pieces) as the background.
    ///
    /// Single terms are taken, n-gram features (terms with a space) are skipped. The terms
    /// must be stems made like the extractor's — lowercase, `ё` as `е`, Snowball Russian
    /// ([`Stemmer`](crate::Stemmer)) — or they will simply not be found. Also available
    /// as `Background::from(&frequencies)`.
    ///
    /// [`TfidfVectorizer::frequencies`]: crate::tfidf::TfidfVectorizer::frequencies
    ///
    /// ```
    /// use slovo::keywords::{Background, KeywordExtractor};
    /// use slovo::tfidf::{TfidfConfig, TfidfVectorizer};
    ///
    /// // A stemming analyzer, so that corpus terms match the extractor's stems.
    /// let stems = |text: &str| {
    ///     let mut stemmer = slovo::Stemmer::new();
    ///     slovo::tokenize(text)
    ///         .filter(|t| t.kind == slovo::TokenKind::Word)
    ///         .map(|t| stemmer.stem(t.text).to_string())
    ///         .collect::<Vec<_>>()
    /// };
    /// let mut vectorizer = TfidfVectorizer::builder().analyzer(stems).build()?;
    /// vectorizer.fit(&["Вакцина прошла испытания.", "Вакцину закупят.", "Погода хорошая."])?;
    ///
    /// let background = Background::from_document_frequencies(vectorizer.frequencies());
    /// assert_eq!(background.n_docs(), 3);
    /// assert!(background.idf("вакцин") < background.idf("погод"));
    /// let extractor = KeywordExtractor::builder().background(background).build()?;
    /// assert!(!extractor.extract("Новая вакцина. Вакцина готова.").is_empty());
    /// # Ok::<(), slovo::Error>(())
    /// ```
    #[must_use]
    pub fn from_document_frequencies(frequencies: &DocumentFrequencies) -> Background {
        Background::from_counts(
            frequencies.n_docs(),
            frequencies
                .iter()
                .filter(|(term, _, _)| !term.contains(' '))
                .map(|(term, df, _)| (term, df)),
        )
    }

    /// Writes the table in the compact text form that [`Background::from_text`] reads
    /// (and the built-in table uses), keeping the `max_stems` most common stems of those
    /// seen in at least two documents.
    ///
    /// Frequencies are rounded to steps of 1/8 in `ln(df)`, about ±6 %.
    ///
    /// ```
    /// use slovo::keywords::Background;
    ///
    /// let bg = Background::from_counts(1000, [("год", 400), ("вакцин", 3), ("ед", 1)]);
    /// let text = bg.to_text(10);
    /// let back = Background::from_text(&text).unwrap();
    /// assert_eq!(back.n_docs(), 1000);
    /// assert!((back.idf("год") - bg.idf("год")).abs() < 0.07);
    /// assert_eq!(back.idf("ед"), back.idf("никогда-не-виденное"));
    /// ```
    #[must_use]
    pub fn to_text(&self, max_stems: usize) -> String {
        let mut stems: Vec<(&str, f64)> = self
            .inner
            .df
            .iter()
            .filter(|(_, &df)| df >= 2.0)
            .map(|(s, &df)| (s.as_str(), df))
            .collect();
        stems.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(b.0)));
        stems.truncate(max_stems);
        let mut by_level: std::collections::BTreeMap<u32, Vec<&str>> = Default::default();
        for (stem, df) in stems {
            let q = (df.ln() * QUANT).round() as u32;
            by_level.entry(q).or_default().push(stem);
        }
        let mut out = format!("n_docs {}\n", self.inner.n_docs);
        for (q, mut stems) in by_level.into_iter().rev() {
            stems.sort_unstable();
            out.push_str(&q.to_string());
            for s in stems {
                out.push(' ');
                out.push_str(s);
            }
            out.push('\n');
        }
        out
    }

    /// Reads a table written by [`Background::to_text`].
    ///
    /// Lines starting with `#` are comments. A malformed line gives
    /// [`Error::CorruptModel`](crate::Error::CorruptModel) naming the line.
    ///
    /// ```
    /// use slovo::keywords::Background;
    ///
    /// let bg = Background::from_text("# mine\nn_docs 50\n16 год\n").unwrap();
    /// assert_eq!(bg.n_docs(), 50);
    /// assert!(Background::from_text("n_docs fifty").is_err());
    /// ```
    pub fn from_text(text: &str) -> crate::Result<Background> {
        parse_table(text).map(|t| Background { inner: Arc::new(t) })
    }

    /// Number of documents the statistics were taken from.
    ///
    /// ```
    /// assert_eq!(slovo::keywords::Background::empty().n_docs(), 0);
    /// ```
    #[must_use]
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
    #[must_use]
    pub fn idf(&self, stem: &str) -> f64 {
        let n = self.inner.n_docs as f64;
        let df = self.inner.df.get(stem).copied().unwrap_or(0.0);
        ((n + 1.0) / (df + 1.0)).ln() + 1.0
    }
}

impl Background {
    /// The share of the background's documents that contain `stem`, in `[0, 1]` (0 for an
    /// empty background).
    pub(crate) fn share(&self, stem: &str) -> f64 {
        let n = self.inner.n_docs as f64;
        if n <= 0.0 {
            return 0.0;
        }
        (self.inner.df.get(stem).copied().unwrap_or(0.0) / n).clamp(0.0, 1.0)
    }
}

impl From<&DocumentFrequencies> for Background {
    /// See [`Background::from_document_frequencies`].
    ///
    /// ```
    /// let mut df = slovo::tfidf::DocumentFrequencies::new();
    /// df.add_document(["кот"]);
    /// df.add_document(["пес"]);
    /// let bg = slovo::keywords::Background::from(&df);
    /// assert_eq!(bg.n_docs(), 2);
    /// ```
    fn from(frequencies: &DocumentFrequencies) -> Self {
        Background::from_document_frequencies(frequencies)
    }
}

impl Default for Background {
    /// The built-in table ([`Background::builtin`]).
    fn default() -> Self {
        Background::builtin()
    }
}

/// The text format: `#` comment lines; a line `n_docs N`; then lines `Q stem stem …`
/// where every stem on the line has `df ≈ exp(Q / QUANT)`.
fn parse_table(data: &str) -> crate::Result<Table> {
    let mut table = Table::default();
    let corrupt = |line_no: usize, what: &str| crate::Error::CorruptModel {
        reason: format!("background table line {}: {what}", line_no + 1),
    };
    for (line_no, line) in data.lines().enumerate() {
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        let mut fields = line.split(' ');
        let head = fields.next().unwrap_or("");
        if head == "n_docs" {
            table.n_docs = fields
                .next()
                .and_then(|v| v.parse().ok())
                .ok_or_else(|| corrupt(line_no, "n_docs needs a whole number"))?;
            continue;
        }
        let q: u32 = head
            .parse()
            .map_err(|_| corrupt(line_no, "expected `n_docs N` or `LEVEL stem …`"))?;
        let df = (f64::from(q) / QUANT).exp().min(table.n_docs as f64);
        for stem in fields.filter(|s| !s.is_empty()) {
            table.df.insert(stem.to_string(), df);
        }
    }
    Ok(table)
}

/// Steps per unit of `ln(df)` in the text format.
const QUANT: f64 = 8.0;

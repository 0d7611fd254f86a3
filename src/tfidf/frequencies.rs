//! Corpus statistics that a vocabulary and idf are computed from; mergeable.

use std::fmt;

use super::bytes;
use super::interner::Interner;
use crate::error::{Error, Result};

const MAGIC: &[u8; 8] = b"slovo-df";
const FORMAT_VERSION: u32 = 1;

/// The largest count (documents, df, total count) a table holds: 2⁵³, up to which `f64`
/// (idf's type) represents every integer, and far from `u64::MAX`, so that adding one
/// document at a time can never wrap.
pub(crate) const MAX_COUNT: u64 = 1 << 53;

/// Document counts of a corpus: the number of documents and, for every term (n-gram
/// feature) seen, its document frequency (how many documents contain it) and its total
/// count (how often it occurs in the whole corpus; `max_features` ranks by it).
///
/// Tables counted on separate pieces of a corpus [`merge`](Self::merge) into exactly the
/// table of the whole corpus — counts are integers, so the order of merging does not
/// matter. That is the map-reduce path: count pieces in threads, processes or machines
/// with [`TfidfVectorizer::count_terms`](super::TfidfVectorizer::count_terms), merge, and
/// [`fit_frequencies`](super::TfidfVectorizer::fit_frequencies). Pieces must be counted
/// with the same analyzer, stop words and `ngram_range`.
///
/// Saved with [`to_bytes`](Self::to_bytes) (compact, versioned) or through serde (a
/// `format_version`, `n_docs` and the `[term, df, count]` entries sorted by term).
///
/// # Example
///
/// ```
/// use slovo::tfidf::DocumentFrequencies;
///
/// let mut left = DocumentFrequencies::new();
/// left.add_document(["кот", "кот", "дом"]);
/// let mut right = DocumentFrequencies::new();
/// right.add_document(["кот"]);
///
/// left.merge(&right)?;
/// assert_eq!(left.n_docs(), 2);
/// assert_eq!(left.df("кот"), 2);
/// assert_eq!(left.total_count("кот"), 3);
/// assert_eq!(left.df("лес"), 0);
/// # Ok::<(), slovo::Error>(())
/// ```
#[derive(Clone, Default)]
pub struct DocumentFrequencies {
    n_docs: u64,
    /// Term ids are slots in `df` / `count`.
    terms: Interner,
    df: Vec<u64>,
    count: Vec<u64>,
}

impl DocumentFrequencies {
    /// An empty table: no documents, no terms.
    ///
    /// ```
    /// let table = slovo::tfidf::DocumentFrequencies::new();
    /// assert_eq!((table.n_docs(), table.len()), (0, 0));
    /// ```
    #[must_use]
    pub fn new() -> Self {
        Self::default()
    }

    /// Number of documents counted.
    ///
    /// ```
    /// let mut table = slovo::tfidf::DocumentFrequencies::new();
    /// table.add_document(Vec::<&str>::new());
    /// assert_eq!(table.n_docs(), 1);
    /// ```
    #[must_use]
    pub fn n_docs(&self) -> u64 {
        self.n_docs
    }

    /// Number of distinct terms.
    ///
    /// ```
    /// let mut table = slovo::tfidf::DocumentFrequencies::new();
    /// table.add_document(["а", "б", "а"]);
    /// assert_eq!(table.len(), 2);
    /// ```
    #[must_use]
    pub fn len(&self) -> usize {
        self.df.len()
    }

    /// `true` when no term has been seen.
    ///
    /// ```
    /// assert!(slovo::tfidf::DocumentFrequencies::new().is_empty());
    /// ```
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.df.is_empty()
    }

    /// Number of documents containing `term` (0 if never seen).
    ///
    /// ```
    /// let mut table = slovo::tfidf::DocumentFrequencies::new();
    /// table.add_document(["а", "а"]);
    /// assert_eq!(table.df("а"), 1);
    /// ```
    #[must_use]
    pub fn df(&self, term: &str) -> u64 {
        self.terms.get(term).map_or(0, |s| self.df[s as usize])
    }

    /// Occurrences of `term` in all documents together (0 if never seen).
    ///
    /// ```
    /// let mut table = slovo::tfidf::DocumentFrequencies::new();
    /// table.add_document(["а", "а"]);
    /// assert_eq!(table.total_count("а"), 2);
    /// ```
    #[must_use]
    pub fn total_count(&self, term: &str) -> u64 {
        self.terms.get(term).map_or(0, |s| self.count[s as usize])
    }

    /// `(term, df, total count)` for every term, in the order terms were first seen.
    ///
    /// ```
    /// let mut table = slovo::tfidf::DocumentFrequencies::new();
    /// table.add_document(["а", "а"]);
    /// assert_eq!(table.iter().collect::<Vec<_>>(), [("а", 1, 2)]);
    /// ```
    #[must_use]
    pub fn iter(&self) -> impl ExactSizeIterator<Item = (&str, u64, u64)> + '_ {
        self.terms
            .iter()
            .map(|(s, term)| (term, self.df[s as usize], self.count[s as usize]))
    }

    /// Counts one document given as its features (terms or n-grams, exactly as they should
    /// appear in the vocabulary): the document count goes up by one, each distinct feature's
    /// df by one, and its total count by the number of times it is listed.
    ///
    /// ```
    /// let mut table = slovo::tfidf::DocumentFrequencies::new();
    /// table.add_document(["красный кот", "кот", "кот"]);
    /// assert_eq!((table.df("кот"), table.total_count("кот")), (1, 2));
    /// ```
    pub fn add_document<I, S>(&mut self, features: I)
    where
        I: IntoIterator<Item = S>,
        S: AsRef<str>,
    {
        let mut slots: Vec<u32> = features
            .into_iter()
            .map(|f| self.slot_or_insert(f.as_ref()))
            .collect();
        self.add_slots(&mut slots, None);
    }

    /// Adds `other`'s counts to this table, as if its documents had been counted here.
    ///
    /// # Errors
    ///
    /// [`Error::CountOverflow`] if a sum would pass 2⁵³; the table is then unchanged.
    ///
    /// ```
    /// use slovo::tfidf::DocumentFrequencies;
    ///
    /// let mut a = DocumentFrequencies::new();
    /// a.add_document(["x"]);
    /// let mut b = DocumentFrequencies::new();
    /// b.add_document(["x", "y"]);
    /// a.merge(&b)?;
    /// assert_eq!((a.n_docs(), a.df("x"), a.df("y")), (2, 2, 1));
    /// # Ok::<(), slovo::Error>(())
    /// ```
    pub fn merge(&mut self, other: &DocumentFrequencies) -> Result<()> {
        let sum = |what: &str, a: u64, b: u64| {
            a.checked_add(b)
                .filter(|&s| s <= MAX_COUNT)
                .ok_or_else(|| Error::CountOverflow {
                    reason: format!("{what}: {a} + {b} is above 2^53"),
                })
        };
        // Every sum is checked before anything changes: an error leaves the table as it was.
        let n_docs = sum("documents", self.n_docs, other.n_docs)?;
        for (term, df, count) in other.iter() {
            if let Some(s) = self.terms.get(term) {
                let s = s as usize;
                sum(&format!("document frequency of {term:?}"), self.df[s], df)?;
                sum(&format!("total count of {term:?}"), self.count[s], count)?;
            }
        }
        self.n_docs = n_docs;
        for (term, df, count) in other.iter() {
            let s = self.slot_or_insert(term) as usize;
            self.df[s] += df;
            self.count[s] += count;
        }
        Ok(())
    }

    /// The table as compact bytes: an 8-byte magic, the format version, then postcard data
    /// with the entries sorted by term (so equal tables give equal bytes).
    ///
    /// ```
    /// use slovo::tfidf::DocumentFrequencies;
    ///
    /// let mut table = DocumentFrequencies::new();
    /// table.add_document(["кот", "дом"]);
    /// let bytes = table.to_bytes();
    /// assert_eq!(DocumentFrequencies::from_bytes(&bytes)?, table);
    /// # Ok::<(), slovo::Error>(())
    /// ```
    #[must_use]
    pub fn to_bytes(&self) -> Vec<u8> {
        bytes::encode(MAGIC, FORMAT_VERSION, &self.to_wire())
    }

    /// Reads bytes written by [`to_bytes`](Self::to_bytes).
    ///
    /// # Errors
    ///
    /// [`Error::IncompatibleModel`] for another format version; [`Error::CorruptModel`] for
    /// anything else that is not a well-formed table (truncated, trailing bytes, repeated
    /// terms, a df above the document count or above the term's total count, a count above
    /// 2⁵³).
    ///
    /// ```
    /// use slovo::{tfidf::DocumentFrequencies, Error};
    ///
    /// let err = DocumentFrequencies::from_bytes(b"not a table").unwrap_err();
    /// assert!(matches!(err, Error::CorruptModel { .. }));
    /// ```
    pub fn from_bytes(bytes: &[u8]) -> Result<Self> {
        let wire: Wire = bytes::decode(bytes, MAGIC, FORMAT_VERSION, "a document-frequency table")?;
        Self::from_wire(wire)
    }

    /// The slot of `term`, inserting it with zero counts if new.
    pub(crate) fn slot_or_insert(&mut self, term: &str) -> u32 {
        let (s, added) = self.terms.get_or_insert(term);
        if added {
            self.df.push(0);
            self.count.push(0);
        }
        s
    }

    /// Sets the counts of `term` (building a table from id-keyed counts).
    pub(crate) fn set_counts(&mut self, term: &str, df: u64, count: u64) {
        let s = self.slot_or_insert(term) as usize;
        self.df[s] = df;
        self.count[s] = count;
    }

    pub(crate) fn set_n_docs(&mut self, n_docs: u64) {
        self.n_docs = n_docs;
    }

    /// Counts one document given as the slots of its features (any order, with repeats).
    /// Sorts `slots`; if `runs` is given, appends the document's `(slot, count)` pairs.
    pub(crate) fn add_slots(&mut self, slots: &mut [u32], mut runs: Option<&mut Vec<(u32, u32)>>) {
        self.n_docs += 1;
        slots.sort_unstable();
        let mut i = 0;
        while i < slots.len() {
            let slot = slots[i];
            let mut j = i + 1;
            while j < slots.len() && slots[j] == slot {
                j += 1;
            }
            let run = j - i;
            self.df[slot as usize] += 1;
            self.count[slot as usize] += run as u64;
            if let Some(runs) = runs.as_deref_mut() {
                runs.push((slot, u32::try_from(run).unwrap_or(u32::MAX)));
            }
            i = j;
        }
    }

    /// `(slot, term, df, total count)` in slot order.
    pub(crate) fn entries(&self) -> impl Iterator<Item = (u32, &str, u64, u64)> + '_ {
        self.terms
            .iter()
            .map(|(s, term)| (s, term, self.df[s as usize], self.count[s as usize]))
    }

    fn to_wire(&self) -> Wire {
        let mut terms: Vec<(String, u64, u64)> = self
            .iter()
            .map(|(t, df, count)| (t.to_owned(), df, count))
            .collect();
        terms.sort_unstable_by(|a, b| a.0.cmp(&b.0));
        Wire {
            format_version: FORMAT_VERSION,
            n_docs: self.n_docs,
            terms,
        }
    }

    fn from_wire(wire: Wire) -> Result<Self> {
        if wire.format_version != FORMAT_VERSION {
            return Err(Error::IncompatibleModel {
                found: wire.format_version,
                expected: FORMAT_VERSION,
            });
        }
        if wire.n_docs > MAX_COUNT {
            return Err(Error::corrupt_model(format!(
                "{} documents (at most 2^53)",
                wire.n_docs
            )));
        }
        let mut table = DocumentFrequencies {
            n_docs: wire.n_docs,
            ..Self::default()
        };
        for (term, df, count) in wire.terms {
            if count > MAX_COUNT {
                return Err(Error::corrupt_model(format!(
                    "term {term:?}: total count {count} (at most 2^53)"
                )));
            }
            if df == 0 || df > wire.n_docs || count < df {
                return Err(Error::corrupt_model(format!(
                    "term {term:?}: df {df}, total count {count} with {} documents \
                     (need 1 <= df <= documents and df <= count)",
                    wire.n_docs
                )));
            }
            let s = table.slot_or_insert(&term) as usize;
            if table.df[s] != 0 {
                return Err(Error::corrupt_model(format!("term {term:?} listed twice")));
            }
            table.df[s] = df;
            table.count[s] = count;
        }
        Ok(table)
    }
}

impl PartialEq for DocumentFrequencies {
    /// Equal counts for equal terms, whatever the order terms were first seen in.
    fn eq(&self, other: &Self) -> bool {
        self.n_docs == other.n_docs
            && self.len() == other.len()
            && self.iter().all(|(term, df, count)| {
                other
                    .terms
                    .get(term)
                    .is_some_and(|s| other.df[s as usize] == df && other.count[s as usize] == count)
            })
    }
}

impl Eq for DocumentFrequencies {}

impl fmt::Debug for DocumentFrequencies {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("DocumentFrequencies")
            .field("n_docs", &self.n_docs)
            .field("terms", &self.len())
            .finish_non_exhaustive()
    }
}

/// The serialized form: sorted, versioned.
#[derive(serde::Serialize, serde::Deserialize)]
struct Wire {
    format_version: u32,
    n_docs: u64,
    terms: Vec<(String, u64, u64)>,
}

impl serde::Serialize for DocumentFrequencies {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.to_wire().serialize(serializer)
    }
}

impl<'de> serde::Deserialize<'de> for DocumentFrequencies {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let wire = Wire::deserialize(deserializer)?;
        Self::from_wire(wire).map_err(serde::de::Error::custom)
    }
}

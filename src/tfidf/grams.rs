//! Id-keyed n-gram counting: the fast path of `fit` / `fit_transform`.
//!
//! A corpus is first analyzed into term ids (one string lookup per term occurrence); an
//! n-gram is then an id too, found by hashing the packed pair (id of its first n − 1 terms,
//! id of its last term) — a `u64`, never a string. Strings are built once per distinct
//! feature, for the vocabulary (and, on request, the [`DocumentFrequencies`]).
//!
//! Exactness: a feature is identified by its string in scikit-learn. Ids give the same
//! features and the same order (so the same vocabulary, idf and `max_features` cut) as long
//! as joining terms with a space is unambiguous and order-preserving, which holds when no
//! term contains a character at or below U+0020 (see [`Corpus::ids_are_exact`]); otherwise
//! the vectorizer counts strings instead.

use rustc_hash::FxHashMap;

use super::frequencies::DocumentFrequencies;
use super::interner::Interner;

/// No gram (the prefix of a unigram).
const NONE: u32 = u32::MAX;

/// Longest n-gram the id path handles (terms per `u128` sort key).
pub(crate) const MAX_N: usize = 4;

/// Documents analyzed into term ids: a corpus-local term table and each document's term ids
/// (stop words already removed), one document after another.
#[derive(Default)]
pub(crate) struct Corpus {
    pub(crate) terms: Interner,
    pub(crate) ids: Vec<u32>,
    /// End of each document's ids in `ids`.
    pub(crate) ends: Vec<usize>,
}

impl Corpus {
    pub(crate) fn len(&self) -> usize {
        self.ends.len()
    }

    /// Document `i`'s term ids.
    pub(crate) fn doc(&self, i: usize) -> &[u32] {
        let start = if i == 0 { 0 } else { self.ends[i - 1] };
        &self.ids[start..self.ends[i]]
    }

    /// The corpora one after another, as one corpus: documents in order, terms numbered
    /// anew (by first appearance over the pieces).
    #[cfg(feature = "parallel")]
    pub(crate) fn concat(pieces: Vec<Corpus>) -> Corpus {
        let mut pieces = pieces.into_iter();
        let Some(mut all) = pieces.next() else {
            return Corpus::default();
        };
        for piece in pieces {
            let ids: Vec<u32> = (piece.terms.iter())
                .map(|(_, term)| all.terms.get_or_insert(term).0)
                .collect();
            let offset = all.ids.len();
            // A piece's ids are its own terms' ids, so each has an entry.
            all.ids.extend(piece.ids.iter().map(|&id| ids[id as usize]));
            all.ends.extend(piece.ends.iter().map(|&end| end + offset));
        }
        all
    }

    /// Whether id-keyed n-grams give exactly the string-keyed features: no term holds a
    /// character at or below the space (so "a b" cannot also be a term, and comparing
    /// joined strings compares term sequences).
    pub(crate) fn ids_are_exact(&self) -> bool {
        self.terms
            .iter()
            .all(|(_, term)| term.bytes().all(|b| b > b' '))
    }
}

/// Feature counts keyed by gram id, with each gram's structure for rebuilding its string.
#[derive(Clone, Default)]
pub(crate) struct GramCounts {
    pub(crate) n_docs: u64,
    pub(crate) terms: Interner,
    /// Indexed by gram id.
    pub(crate) grams: Vec<Gram>,
}

/// One gram's structure and counts. Everything counting touches for an occurrence sits in
/// this one 32-byte record (one cache line), not in parallel arrays.
#[derive(Clone, Copy)]
#[repr(align(32))]
pub(crate) struct Gram {
    /// Id of the gram without its last term, or `NONE` for a unigram.
    pub(crate) prefix: u32,
    /// Id of the last term.
    pub(crate) term: u32,
    /// Documents counting this gram (0 for a gram only used as a prefix).
    pub(crate) df: u64,
    /// Occurrences in all documents.
    pub(crate) count: u64,
    /// While counting: the stamp of the last document that counted the gram (0: none)
    /// and the index of that document's `(gram, count)` pair.
    last_doc: u32,
    pair: u32,
}

/// Each counted document's `(slot, count)` pairs, recorded by `fit_transform` so that
/// documents are analyzed once.
#[derive(Default)]
pub(crate) struct Runs {
    /// All documents' pairs, one after another.
    pub(crate) pairs: Vec<(u32, u32)>,
    /// End of each document's pairs in `pairs`.
    pub(crate) ends: Vec<usize>,
}

impl Runs {
    pub(crate) fn doc(&self, i: usize) -> &[(u32, u32)] {
        let start = if i == 0 { 0 } else { self.ends[i - 1] };
        &self.pairs[start..self.ends[i]]
    }
}

impl GramCounts {
    /// Counts the n-grams (`min_n..=max_n`, `max_n <= MAX_N`) of every document of
    /// `corpus`; with `runs`, records each document's `(gram, count)` pairs (in order of
    /// first occurrence in the document).
    ///
    /// No per-document sort: each gram remembers the last document that counted it and
    /// where that document's pair for it is, so an occurrence is counted in O(1).
    pub(crate) fn count(
        corpus: Corpus,
        (min_n, max_n): (usize, usize),
        mut runs: Option<&mut Runs>,
    ) -> Self {
        let Corpus { terms, ids, ends } = corpus;
        let mut unigram = vec![NONE; terms.len()];
        let mut longer: FxHashMap<u64, u32> = FxHashMap::default();
        let mut counts = GramCounts {
            terms,
            ..Self::default()
        };
        let mut stamp = 0u32;
        let mut pairs: Vec<(u32, u32)> = Vec::new();
        let mut start = 0;
        for &end in &ends {
            let doc = &ids[start..end];
            start = end;
            pairs.clear();
            if stamp == u32::MAX {
                // 2³² − 1 documents: start the stamps over rather than mistake a document
                // for one counted long ago.
                counts.grams.iter_mut().for_each(|g| g.last_doc = 0);
                stamp = 0;
            }
            stamp += 1;
            for p in 0..doc.len() {
                let mut prefix = NONE;
                for (k, &term) in doc[p..doc.len().min(p + max_n)].iter().enumerate() {
                    let id = if k == 0 {
                        let slot = &mut unigram[term as usize];
                        if *slot == NONE {
                            *slot = counts.push(NONE, term);
                        }
                        *slot
                    } else {
                        let key = (u64::from(prefix) << 32) | u64::from(term);
                        *longer
                            .entry(key)
                            .or_insert_with(|| counts.push(prefix, term))
                    };
                    if k + 1 >= min_n {
                        let gram = &mut counts.grams[id as usize];
                        gram.count += 1;
                        if gram.last_doc == stamp {
                            pairs[gram.pair as usize].1 += 1;
                        } else {
                            gram.last_doc = stamp;
                            // A document has fewer distinct grams than bytes; `u32` holds
                            // the index unless one document exceeds 4 GB.
                            gram.pair = u32::try_from(pairs.len()).unwrap_or(u32::MAX);
                            gram.df += 1;
                            pairs.push((id, 1));
                        }
                    }
                    prefix = id;
                }
            }
            counts.n_docs += 1;
            if let Some(runs) = runs.as_deref_mut() {
                runs.pairs.extend_from_slice(&pairs);
                runs.ends.push(runs.pairs.len());
            }
        }
        counts
    }

    fn push(&mut self, prefix: u32, term: u32) -> u32 {
        let id = u32::try_from(self.grams.len()).unwrap_or(NONE);
        self.grams.push(Gram {
            prefix,
            term,
            df: 0,
            count: 0,
            last_doc: 0,
            pair: 0,
        });
        id
    }

    /// Number of grams (counted or only used as a prefix).
    pub(crate) fn len(&self) -> usize {
        self.grams.len()
    }

    /// A sort key per gram whose order is the code-point order of the gram strings, and
    /// the terms in that rank order (to turn keys back into strings).
    ///
    /// Each term gets its rank among the sorted terms; a gram's key holds `rank + 1` of its
    /// terms in 32-bit lanes, first term highest, unused lanes 0 (so a gram sorts right
    /// after its prefix, as a string sorts after its own prefix).
    pub(crate) fn sort_keys(&self) -> (Vec<u128>, Vec<u32>) {
        let by_rank = self.terms_in_order();
        let mut rank = vec![0u32; by_rank.len()];
        for (r, &t) in by_rank.iter().enumerate() {
            rank[t as usize] = r as u32;
        }
        let mut keys = Vec::with_capacity(self.len());
        let mut depth = Vec::with_capacity(self.len());
        for &Gram { prefix, term, .. } in &self.grams {
            // A prefix always has a smaller id than its extensions.
            let (base, d) = if prefix == NONE {
                (0u128, 0u32)
            } else {
                (keys[prefix as usize], depth[prefix as usize])
            };
            let lane = u128::from(rank[term as usize] + 1) << (32 * (MAX_N as u32 - 1 - d));
            keys.push(base | lane);
            depth.push(d + 1);
        }
        (keys, by_rank)
    }

    /// Term ids in the code-point order of their terms.
    ///
    /// Sorting `(16-byte prefix, id)` pairs keeps almost every comparison to one integer
    /// compare that does not touch the term bytes; only runs of terms sharing their first
    /// 16 bytes are then ordered by their full strings. (The prefix is zero-padded, so a
    /// term sorts before its extensions; a term with NUL bytes ties and is resolved by the
    /// full comparison.)
    fn terms_in_order(&self) -> Vec<u32> {
        let mut keyed: Vec<(u128, u32)> = self
            .terms
            .iter()
            .map(|(id, term)| {
                let mut prefix = [0u8; 16];
                let n = term.len().min(16);
                prefix[..n].copy_from_slice(&term.as_bytes()[..n]);
                (u128::from_be_bytes(prefix), id)
            })
            .collect();
        keyed.sort_unstable();
        for run in keyed.chunk_by_mut(|a, b| a.0 == b.0) {
            if run.len() > 1 {
                run.sort_unstable_by(|a, b| self.terms.term(a.1).cmp(self.terms.term(b.1)));
            }
        }
        keyed.into_iter().map(|(_, id)| id).collect()
    }

    /// Appends the string of the gram with sort key `key` to `out`.
    pub(crate) fn write_key(&self, key: u128, by_rank: &[u32], out: &mut String) {
        for lane in (0..MAX_N).rev() {
            let r = (key >> (32 * lane)) as u32;
            if r == 0 {
                break;
            }
            if lane + 1 != MAX_N {
                out.push(' ');
            }
            out.push_str(self.terms.term(by_rank[r as usize - 1]));
        }
    }

    /// The same counts keyed by strings.
    pub(crate) fn to_table(&self) -> DocumentFrequencies {
        let (keys, by_rank) = self.sort_keys();
        let mut table = DocumentFrequencies::new();
        let mut text = String::new();
        for (gram, &key) in keys.iter().enumerate() {
            let Gram { df, count, .. } = self.grams[gram];
            if df > 0 {
                text.clear();
                self.write_key(key, &by_rank, &mut text);
                table.set_counts(&text, df, count);
            }
        }
        table.set_n_docs(self.n_docs);
        table
    }
}

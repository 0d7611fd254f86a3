//! Text to features: the analyzer, the vectorizer's stop words and n-grams; analyzing a
//! corpus into term ids (in parallel pieces with the `parallel` feature) and counting
//! features into a [`DocumentFrequencies`] table.

use std::ops::Range;
use std::sync::Arc;

use rustc_hash::FxHashSet;

use super::analyzer::TermAnalyzer;
use super::docs::{Docs, Scratch};
use super::frequencies::DocumentFrequencies;
use super::grams::{Corpus, Runs};
use super::memo::{with_thread_memo, TokenMemo};
use crate::terms::analyze::Analyzer;

/// Fewest documents per piece when fitting analyzes the corpus in parallel.
#[cfg(feature = "parallel")]
const MIN_PIECE_DOCS: usize = 64;

/// Text → features: analyzer, stop words, n-grams.
#[derive(Clone)]
pub(super) struct Pipeline {
    pub(super) analyzer: Arc<dyn TermAnalyzer>,
    pub(super) stop_words: FxHashSet<Box<str>>,
    pub(super) ngram_range: (usize, usize),
}

impl Pipeline {
    /// Calls `f` with each term of `text` that is not a stop word; a slovo [`Analyzer`] is
    /// called directly, without a dynamic call per term.
    pub(super) fn for_each_term<F: FnMut(&str)>(&self, text: &str, mut f: F) {
        let mut keep = |term: &str| {
            if !self.is_stop_word(term) {
                f(term);
            }
        };
        match self.analyzer.as_analyzer() {
            Some(analyzer) => analyzer.for_each_term(text, |term, _| keep(term)),
            None => self.analyzer.analyze(text, &mut keep),
        }
    }

    /// Every document's term ids, each document analyzed once. With `parallel` (and more
    /// than one rayon thread) contiguous pieces of the corpus, of at least
    /// [`MIN_PIECE_DOCS`] documents, are analyzed on rayon's pool, each with its worker's
    /// memo, and joined in order: the same corpus, terms numbered as a sequential pass
    /// numbers them.
    pub(super) fn analyze<D: Docs>(&self, docs: &D, parallel: bool) -> Corpus {
        #[cfg(feature = "parallel")]
        if parallel && rayon::current_num_threads() > 1 && docs.len() >= 2 * MIN_PIECE_DOCS {
            use rayon::prelude::*;
            let n = (2 * rayon::current_num_threads()).min(docs.len() / MIN_PIECE_DOCS);
            let pieces = docs.pieces(n);
            let corpora: Vec<Corpus> = pieces
                .into_par_iter()
                .map(|piece| self.analyze_piece(docs, piece))
                .collect();
            return Corpus::concat(corpora);
        }
        let _ = parallel;
        self.analyze_piece(docs, 0..docs.len())
    }

    /// The corpus of documents `range` of `docs`.
    pub(super) fn analyze_piece<D: Docs>(&self, docs: &D, range: Range<usize>) -> Corpus {
        // Documents given as terms use no memo: leave the thread's kept one alone.
        let text = range.clone().next().and_then(|i| docs.text(i)).is_some();
        match self.analyzer.as_analyzer().filter(|_| text) {
            Some(analyzer) => with_thread_memo(analyzer, |memo| {
                self.analyze_docs(docs, range, Some((analyzer, memo)))
            }),
            None => self.analyze_docs(docs, range, None),
        }
    }

    /// [`analyze_piece`](Self::analyze_piece); a slovo analyzer's tokens are looked up in
    /// `memo`.
    pub(super) fn analyze_docs<D: Docs>(
        &self,
        docs: &D,
        range: Range<usize>,
        mut memo: Option<(&Analyzer, &mut TokenMemo)>,
    ) -> Corpus {
        /// A memo term not met yet in this corpus.
        const UNSEEN: u32 = u32::MAX;
        /// A memo term left out (a stop word of the vectorizer).
        const LEFT_OUT: u32 = u32::MAX - 1;
        let mut corpus = Corpus::default();
        corpus.ends.reserve(range.len());
        // The corpus id of each memo term id.
        let mut local: Vec<u32> = Vec::new();
        for i in range {
            let Corpus { terms, ids, ends } = &mut corpus;
            match (&mut memo, docs.text(i)) {
                (Some((analyzer, memo)), Some(text)) => {
                    let kinds = &analyzer.config().kinds;
                    // Tokens of other kinds give no term: skip them before the lookup.
                    for token in analyzer.tokens(text).filter(|t| kinds.contains(&t.kind)) {
                        let Some(term) = memo.term_id(analyzer, token) else {
                            continue;
                        };
                        let t = term as usize;
                        if t >= local.len() {
                            local.resize(memo.n_terms().max(t + 1), UNSEEN);
                        }
                        let Some(id) = local.get_mut(t) else { continue };
                        if *id == UNSEEN {
                            let text = memo.term(term);
                            *id = if self.is_stop_word(text) {
                                LEFT_OUT
                            } else {
                                terms.get_or_insert(text).0
                            };
                        }
                        if *id != LEFT_OUT {
                            ids.push(*id);
                        }
                    }
                }
                _ => docs.terms(self, i, |term| ids.push(terms.get_or_insert(term).0)),
            }
            ends.push(ids.len());
        }
        corpus
    }

    pub(super) fn is_stop_word(&self, term: &str) -> bool {
        !self.stop_words.is_empty() && self.stop_words.contains(term)
    }

    /// All n-grams of `terms` with `min_n <= n <= max_n`, terms joined by one space; with
    /// `limit` above 0, none longer than `limit` terms.
    pub(super) fn for_each_ngram<F: FnMut(&str)>(
        &self,
        terms: &[&str],
        limit: usize,
        gram: &mut String,
        mut f: F,
    ) {
        let (min_n, mut max_n) = self.ngram_range;
        if limit > 0 {
            max_n = max_n.min(limit);
        }
        if min_n <= 1 && max_n >= 1 {
            terms.iter().for_each(|t| f(t));
            count_grams(terms.len());
        }
        for n in min_n.max(2)..=max_n.min(terms.len()) {
            count_grams(terms.len() + 1 - n);
            for window in terms.windows(n) {
                gram.clear();
                gram.push_str(window[0]);
                for term in &window[1..] {
                    gram.push(' ');
                    gram.push_str(term);
                }
                f(gram);
            }
        }
    }

    /// Counts `docs` into `table`; with `runs`, records each document's `(slot, count)`
    /// pairs (flat) and where each document's pairs end.
    pub(super) fn count<D: Docs>(
        &self,
        docs: &D,
        table: &mut DocumentFrequencies,
        mut runs: Option<&mut Runs>,
    ) {
        let mut scratch = Scratch::default();
        let mut ids = Vec::new();
        for i in 0..docs.len() {
            ids.clear();
            docs.features(self, i, &mut scratch, |feature| {
                ids.push(table.slot_or_insert(feature));
            });
            match runs.as_deref_mut() {
                Some(runs) => {
                    table.add_slots(&mut ids, Some(&mut runs.pairs));
                    runs.ends.push(runs.pairs.len());
                }
                None => table.add_slots(&mut ids, None),
            }
        }
    }
}

#[cfg(test)]
thread_local! {
    /// N-grams formed on this thread (tests: work, not time, is what they check).
    pub(super) static GRAMS_FORMED: std::cell::Cell<usize> = const { std::cell::Cell::new(0) };
}

#[inline]
fn count_grams(_n: usize) {
    #[cfg(test)]
    GRAMS_FORMED.with(|c| c.set(c.get() + _n));
}

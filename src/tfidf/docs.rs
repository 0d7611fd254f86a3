//! The documents a fit or a transform reads, in either input form (text or term lists),
//! behind one trait, and the per-thread buffers that turn one into features.

#[cfg(feature = "parallel")]
use std::ops::Range;

use super::grams::Corpus;
use super::pipeline::Pipeline;

/// Reusable per-thread buffers.
#[derive(Default)]
pub(super) struct Scratch {
    /// Terms of the current document, concatenated (text input).
    pub(super) arena: String,
    /// End offset of each term in `arena`.
    pub(super) ends: Vec<usize>,
    /// The n-gram being built.
    pub(super) gram: String,
    /// Feature slots or columns of the current document.
    pub(super) ids: Vec<u32>,
    /// `(column << 32) | count` of the current document: sorting these plain integers
    /// orders a row by column faster than sorting `(column, tf)` pairs.
    pub(super) packed: Vec<u64>,
    /// Longest n-gram worth forming (0: no limit beyond `ngram_range`): `transform` sets
    /// the vocabulary's longest entry.
    pub(super) max_n: usize,
}

/// A batch of documents in either input form.
pub(super) trait Docs: Sync {
    fn len(&self) -> usize;
    /// Calls `f` with each feature (n-gram) of document `i`.
    fn features<F: FnMut(&str)>(&self, pipeline: &Pipeline, i: usize, scratch: &mut Scratch, f: F);
    /// Calls `f` with each term of document `i` that is not a stop word.
    fn terms<F: FnMut(&str)>(&self, pipeline: &Pipeline, i: usize, f: F);
    /// Document `i`'s text, for text input.
    fn text(&self, _i: usize) -> Option<&str> {
        None
    }

    /// About `n` contiguous ranges of documents covering them all, of similar text size
    /// (document count when there is no text).
    #[cfg(feature = "parallel")]
    fn pieces(&self, n: usize) -> Vec<Range<usize>> {
        let size = |i| self.text(i).map_or(1, str::len).max(1);
        let total: usize = (0..self.len()).map(size).sum();
        let target = total.div_ceil(n.max(1)).max(1);
        let mut pieces = Vec::with_capacity(n);
        let (mut start, mut filled) = (0, 0);
        for i in 0..self.len() {
            filled += size(i);
            if filled >= target {
                pieces.push(start..i + 1);
                (start, filled) = (i + 1, 0);
            }
        }
        if start < self.len() {
            pieces.push(start..self.len());
        }
        pieces
    }
}

pub(super) struct TextDocs<'a, S>(pub(super) &'a [S]);

pub(super) struct TermDocs<'a, D, T>(
    pub(super) &'a [D],
    pub(super) std::marker::PhantomData<fn() -> T>,
);

impl<S: AsRef<str> + Sync> Docs for TextDocs<'_, S> {
    fn len(&self) -> usize {
        self.0.len()
    }

    fn features<F: FnMut(&str)>(&self, pipeline: &Pipeline, i: usize, scratch: &mut Scratch, f: F) {
        let Scratch {
            arena,
            ends,
            gram,
            max_n,
            ..
        } = scratch;
        arena.clear();
        ends.clear();
        pipeline.for_each_term(self.0[i].as_ref(), |term| {
            arena.push_str(term);
            ends.push(arena.len());
        });
        let mut start = 0;
        let terms: Vec<&str> = ends
            .iter()
            .map(|&end| {
                let term = &arena[start..end];
                start = end;
                term
            })
            .collect();
        pipeline.for_each_ngram(&terms, *max_n, gram, f);
    }

    fn terms<F: FnMut(&str)>(&self, pipeline: &Pipeline, i: usize, f: F) {
        pipeline.for_each_term(self.0[i].as_ref(), f);
    }

    fn text(&self, i: usize) -> Option<&str> {
        Some(self.0[i].as_ref())
    }
}

/// Documents already analyzed into term ids (stop words removed).
pub(super) struct CorpusDocs<'a>(pub(super) &'a Corpus);

impl Docs for CorpusDocs<'_> {
    fn len(&self) -> usize {
        self.0.len()
    }

    fn features<F: FnMut(&str)>(&self, pipeline: &Pipeline, i: usize, scratch: &mut Scratch, f: F) {
        let terms: Vec<&str> = self
            .0
            .doc(i)
            .iter()
            .map(|&t| self.0.terms.term(t))
            .collect();
        pipeline.for_each_ngram(&terms, scratch.max_n, &mut scratch.gram, f);
    }

    fn terms<F: FnMut(&str)>(&self, _: &Pipeline, i: usize, f: F) {
        self.0
            .doc(i)
            .iter()
            .map(|&t| self.0.terms.term(t))
            .for_each(f);
    }
}

impl<D, T> Docs for TermDocs<'_, D, T>
where
    D: AsRef<[T]> + Sync,
    T: AsRef<str>,
{
    fn len(&self) -> usize {
        self.0.len()
    }

    fn features<F: FnMut(&str)>(&self, pipeline: &Pipeline, i: usize, scratch: &mut Scratch, f: F) {
        let terms: Vec<&str> = self.0[i]
            .as_ref()
            .iter()
            .map(AsRef::as_ref)
            .filter(|t| !pipeline.is_stop_word(t))
            .collect();
        pipeline.for_each_ngram(&terms, scratch.max_n, &mut scratch.gram, f);
    }

    fn terms<F: FnMut(&str)>(&self, pipeline: &Pipeline, i: usize, mut f: F) {
        for term in self.0[i].as_ref() {
            let term = term.as_ref();
            if !pipeline.is_stop_word(term) {
                f(term);
            }
        }
    }
}

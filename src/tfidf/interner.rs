//! String interning for vocabularies and count tables: all terms in one buffer, a hash
//! table of ids. No allocation per term; lookups by `&str`.

use std::hash::BuildHasher;

use hashbrown::hash_table::{Entry, HashTable};
use rustc_hash::FxBuildHasher;

/// Terms numbered 0, 1, 2, … in insertion order.
#[derive(Clone, Default)]
pub(crate) struct Interner {
    /// All terms, concatenated.
    text: String,
    /// End of term `i` in `text` (it starts where term `i - 1` ends).
    ends: Vec<usize>,
    /// Ids, found by the hash of their term.
    table: HashTable<Slot>,
}

/// A table entry: the term's place in `text` is stored inline, so a probe touches the table
/// and the term's bytes only (not `ends` too); the length check skips most byte compares.
#[derive(Clone, Copy)]
struct Slot {
    start: usize,
    len: u32,
    id: u32,
}

impl Slot {
    fn term<'a>(&self, text: &'a str) -> &'a str {
        // `get`, not indexing: a (theoretical) term over 4 GB has a saturated `len`.
        text.get(self.start..self.start + self.len as usize)
            .unwrap_or_default()
    }

    /// Compared as bytes: a string slice would first check that both ends fall on
    /// character boundaries, one more memory access per probe for nothing.
    fn is(&self, text: &str, term: &str) -> bool {
        self.len as usize == term.len()
            && text.as_bytes().get(self.start..self.start + term.len()) == Some(term.as_bytes())
    }
}

fn hash(term: &str) -> u64 {
    FxBuildHasher.hash_one(term)
}

/// The term of `id` in `text`/`ends` (a free function so closures can borrow the fields).
fn term_of<'a>(text: &'a str, ends: &[usize], id: u32) -> &'a str {
    let i = id as usize;
    let start = if i == 0 { 0 } else { ends[i - 1] };
    &text[start..ends[i]]
}

impl Interner {
    pub(crate) fn with_capacity(terms: usize, bytes: usize) -> Self {
        Interner {
            text: String::with_capacity(bytes),
            ends: Vec::with_capacity(terms),
            table: HashTable::with_capacity(terms),
        }
    }

    pub(crate) fn len(&self) -> usize {
        self.ends.len()
    }

    /// Bytes of all terms together.
    pub(crate) fn bytes(&self) -> usize {
        self.text.len()
    }

    pub(crate) fn term(&self, id: u32) -> &str {
        term_of(&self.text, &self.ends, id)
    }

    pub(crate) fn get(&self, term: &str) -> Option<u32> {
        let text = &self.text;
        self.table
            .find(hash(term), |slot| slot.is(text, term))
            .map(|slot| slot.id)
    }

    /// The id of `term` and whether it was just added.
    pub(crate) fn get_or_insert(&mut self, term: &str) -> (u32, bool) {
        let Interner { text, ends, table } = self;
        let entry = table.entry(
            hash(term),
            |slot| slot.is(text, term),
            |slot| hash(slot.term(text)),
        );
        match entry {
            Entry::Occupied(found) => (found.get().id, false),
            Entry::Vacant(slot) => {
                // Ids are u32 like matrix columns; 2³² distinct terms do not fit in memory
                // on the machines this targets, so saturating here is a formality.
                let id = u32::try_from(ends.len()).unwrap_or(u32::MAX);
                let start = text.len();
                text.push_str(term);
                ends.push(text.len());
                // Terms are n-grams of words; one longer than 4 GB cannot be held twice in
                // memory anyway.
                let len = u32::try_from(term.len()).unwrap_or(u32::MAX);
                slot.insert(Slot { start, len, id });
                (id, true)
            }
        }
    }

    /// `(id, term)` in id order.
    pub(crate) fn iter(&self) -> impl ExactSizeIterator<Item = (u32, &str)> + '_ {
        (0..self.ends.len() as u32).map(move |id| (id, self.term(id)))
    }
}

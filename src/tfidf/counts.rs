//! The counts a fit gathers, kept by id when they came from `fit` and turned into a
//! string-keyed [`DocumentFrequencies`] table only when asked for.

use std::sync::{Arc, OnceLock};

use super::frequencies::DocumentFrequencies;
use super::grams::GramCounts;

/// The counts gathered by fitting: id-keyed (from `fit`, turned into a string-keyed
/// table only when asked for) or a string-keyed table.
#[derive(Clone, Default)]
pub(super) struct Counts {
    pub(super) grams: Option<Arc<GramCounts>>,
    table: OnceLock<DocumentFrequencies>,
}

impl Counts {
    pub(super) fn from_table(table: DocumentFrequencies) -> Self {
        Counts {
            grams: None,
            table: OnceLock::from(table),
        }
    }

    pub(super) fn from_grams(grams: GramCounts) -> Self {
        Counts {
            grams: Some(Arc::new(grams)),
            table: OnceLock::new(),
        }
    }

    pub(super) fn n_docs(&self) -> u64 {
        match &self.grams {
            Some(grams) => grams.n_docs,
            None => self.table().n_docs(),
        }
    }

    pub(super) fn table(&self) -> &DocumentFrequencies {
        self.table.get_or_init(|| {
            self.grams
                .as_ref()
                .map_or_else(DocumentFrequencies::new, |g| g.to_table())
        })
    }

    /// The string-keyed table, to add to.
    pub(super) fn take_table(&mut self) -> DocumentFrequencies {
        let grams = self.grams.take();
        self.table
            .take()
            .unwrap_or_else(|| grams.map_or_else(DocumentFrequencies::new, |g| g.to_table()))
    }
}

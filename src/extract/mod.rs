//! The extractor: prices, market shares, chips and export-control events out
//! of a normalized document.

use crate::catalog::Catalog;
use crate::load::Document;
use crate::model::Record;

/// What extraction found in one document.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Extraction {
    /// Sorted by line, then kind.
    pub records: Vec<Record>,
    /// Document warnings (unknown chip-like tokens, ...).
    pub warnings: Vec<String>,
}

/// Built once per run from the catalog; shared across threads.
pub struct Extractor {
    pub catalog: Catalog,
}

impl Extractor {
    pub fn new(catalog: Catalog) -> Extractor {
        Extractor { catalog }
    }

    pub fn extract(&self, _doc: &Document) -> Extraction {
        Extraction::default()
    }
}

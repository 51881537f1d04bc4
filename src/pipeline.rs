//! Runs loading and extraction over many inputs: documents are processed in
//! parallel and handed to the caller in input order.

use std::path::PathBuf;

use crate::catalog::Catalog;
use crate::extract::Extractor;
use crate::load::{Input, LoadError, LoadOptions, Loader};
use crate::model::{DocSummary, Record};

/// One processed document: its summary (with `records` and extraction
/// warnings filled in) and its records, sorted by line then kind.
#[derive(Clone, Debug, PartialEq)]
pub struct DocResult {
    pub summary: DocSummary,
    pub records: Vec<Record>,
}

/// Loader and extractor, built once per run.
pub struct Pipeline {
    pub loader: Loader,
    pub extractor: Extractor,
}

impl Pipeline {
    pub fn new(opts: LoadOptions, catalog: Catalog) -> Pipeline {
        let loader = Loader::new(opts, &catalog);
        let extractor = Extractor::new(catalog);
        Pipeline { loader, extractor }
    }

    /// Loads and extracts one input.
    pub fn process(&self, input: &Input) -> Result<DocResult, LoadError> {
        let doc = self.loader.load(input)?;
        let ex = self.extractor.extract(&doc);
        let mut summary = doc.summary;
        summary.warnings.extend(ex.warnings);
        summary.records = ex.records.len();
        Ok(DocResult { summary, records: ex.records })
    }

    /// Processes every input named by `args`, calling `sink` once per input in
    /// input order. Returns whether any input failed.
    pub fn run(&self, args: &[PathBuf], mut sink: impl FnMut(Result<DocResult, LoadError>)) -> bool {
        let mut failed = false;
        for item in self.loader.discover(args) {
            let result = item.and_then(|input| self.process(&input));
            failed |= result.is_err();
            sink(result);
        }
        failed
    }
}

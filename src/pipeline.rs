//! Runs loading and extraction over many inputs: documents are processed in
//! parallel and handed to the caller in input order.
//!
//! Memory stays bounded by the largest document, not by the corpus: at most
//! `2 × jobs + 12` documents are in flight (being loaded, extracted, or
//! finished and waiting for their turn) at any time, and each is handed to the sink and
//! dropped as soon as every document before it has been. The sink sees the
//! same results in the same order for any number of jobs, so output built
//! from it is byte-identical whatever `--jobs` is.

use std::collections::BTreeMap;
use std::convert::Infallible;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::PathBuf;
use std::sync::mpsc;

use crate::catalog::Catalog;
use crate::extract::Extractor;
use crate::load::{Input, Inputs, LoadError, LoadOptions, Loader};
use crate::model::{DocSummary, Record};

/// Stack size of the worker threads: the same as the main thread's, so that
/// a document that can be processed with `--jobs 1` can be with any N.
const WORKER_STACK: usize = 8 << 20;

/// One processed document: its summary (with `records` and extraction
/// warnings filled in) and its records, sorted by line then kind.
#[derive(Clone, Debug, PartialEq)]
pub struct DocResult {
    pub summary: DocSummary,
    pub records: Vec<Record>,
    /// Warnings for stderr (`FILE:LINE: warning: ...`, a duplicate JSON
    /// Lines id): [`Pipeline::run_inputs`] prints them as it hands the
    /// document over, so they come in input order with the errors.
    pub notices: Vec<String>,
}

/// Loader and extractor, built once per run.
pub struct Pipeline {
    pub loader: Loader,
    pub extractor: Extractor,
    jobs: usize,
}

/// The number of cores this process may use (1 if unknown).
pub fn default_jobs() -> usize {
    std::thread::available_parallelism().map_or(1, |n| n.get())
}

impl Pipeline {
    /// A pipeline that uses every core (see [`Pipeline::with_jobs`]).
    pub fn new(opts: LoadOptions, catalog: Catalog) -> Pipeline {
        let loader = Loader::new(opts, &catalog);
        let extractor = Extractor::new(catalog);
        Pipeline {
            loader,
            extractor,
            jobs: default_jobs(),
        }
    }

    /// Process `jobs` documents at once (at least 1).
    pub fn with_jobs(mut self, jobs: usize) -> Pipeline {
        self.jobs = jobs.max(1);
        self
    }

    pub fn jobs(&self) -> usize {
        self.jobs
    }

    /// Expands command-line arguments into inputs, in order (see
    /// [`Loader::discover`]).
    pub fn discover(&self, args: &[PathBuf]) -> Vec<Result<Input, LoadError>> {
        self.loader.discover(args)
    }

    /// The inputs `args` name, as `--input-format` reads them (see
    /// [`Loader::inputs`]).
    pub fn inputs(&self, args: &[PathBuf]) -> Inputs {
        self.loader.inputs(args)
    }

    /// Loads and extracts one input.
    ///
    /// A panic while loading or extracting is caught and returned as an error
    /// naming the input, so one bad article cannot end the run (the panic
    /// message itself still goes to stderr).
    pub fn process(&self, input: &Input) -> Result<DocResult, LoadError> {
        guarded(input.shown(), || self.process_unguarded(input))
    }

    fn process_unguarded(&self, input: &Input) -> Result<DocResult, LoadError> {
        let doc = self.loader.load(input)?;
        let ex = self.extractor.extract(&doc);
        let mut summary = doc.summary;
        summary.warnings.extend(ex.warnings);
        summary.records = ex.records.len();
        let notices = match input {
            Input::Text(t) => t.notices.clone(),
            _ => Vec::new(),
        };
        Ok(DocResult {
            summary,
            records: ex.records,
            notices,
        })
    }

    /// Processes every input named by `args`, calling `sink` once per input in
    /// input order. Returns whether any input failed.
    pub fn run(
        &self,
        args: &[PathBuf],
        mut sink: impl FnMut(Result<DocResult, LoadError>),
    ) -> bool {
        let inputs = self.inputs(args);
        let done = self.run_inputs(inputs, |r| {
            sink(r);
            Ok::<(), Infallible>(())
        });
        match done {
            Ok(failed) => failed,
            Err(never) => match never {},
        }
    }

    /// Processes `inputs` (as [`Pipeline::discover`] gives them), calling
    /// `sink` once per input in input order; discovery errors are handed to
    /// the sink at their place, and a document's notices are printed on
    /// stderr just before it. Returns whether any input failed.
    ///
    /// When `sink` returns an error (stdout closed, disk full), no further
    /// document is started, the ones in flight are finished and dropped, and
    /// the error is returned.
    pub fn run_inputs<E>(
        &self,
        inputs: impl IntoIterator<Item = Result<Input, LoadError>>,
        mut sink: impl FnMut(Result<DocResult, LoadError>) -> Result<(), E>,
    ) -> Result<bool, E> {
        let mut sink = |r: Result<DocResult, LoadError>| {
            if let Ok(d) = &r {
                for n in &d.notices {
                    crate::cli::report_error(n);
                }
            }
            sink(r)
        };
        let mut inputs = inputs.into_iter().peekable();
        // One input, or one job: no threads to start.
        let single = {
            let first = inputs.next();
            let more = inputs.peek().is_some();
            let it = first.into_iter().chain(inputs);
            if self.jobs == 1 || !more {
                return self.run_sequential(it, &mut sink);
            }
            it
        };
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(self.jobs)
            .stack_size(WORKER_STACK)
            .thread_name(|i| format!("chipscan-{i}"))
            .build();
        match pool {
            Ok(pool) => pool.in_place_scope(|scope| self.run_window(scope, single, &mut sink)),
            // No threads to be had: do the work on this one.
            Err(_) => self.run_sequential(single, &mut sink),
        }
    }

    fn run_sequential<E>(
        &self,
        inputs: impl Iterator<Item = Result<Input, LoadError>>,
        sink: &mut impl FnMut(Result<DocResult, LoadError>) -> Result<(), E>,
    ) -> Result<bool, E> {
        let mut failed = false;
        for item in inputs {
            let result = item.and_then(|input| self.process(&input));
            failed |= result.is_err();
            sink(result)?;
        }
        Ok(failed)
    }

    /// The parallel loop: keeps at most `2 × jobs + 12` inputs issued but not yet
    /// handed to the sink, and hands results over strictly in input order
    /// through a reorder buffer.
    fn run_window<'s, E>(
        &'s self,
        scope: &rayon::Scope<'s>,
        mut inputs: impl Iterator<Item = Result<Input, LoadError>>,
        sink: &mut impl FnMut(Result<DocResult, LoadError>) -> Result<(), E>,
    ) -> Result<bool, E> {
        // The slack past 2 × jobs keeps the workers busy behind a long
        // document that holds up the output (the cores were idle 5% of the
        // time at 2 × jobs on 2 cores, 2.5% at 2 × jobs + 12).
        let window = self.jobs.saturating_mul(2).saturating_add(12);
        let (tx, rx) = mpsc::channel::<(usize, Result<DocResult, LoadError>)>();
        let mut ready: BTreeMap<usize, Result<DocResult, LoadError>> = BTreeMap::new();
        let (mut issued, mut next) = (0usize, 0usize);
        let mut exhausted = false;
        let mut failed = false;
        loop {
            while !exhausted && issued - next < window {
                match inputs.next() {
                    None => exhausted = true,
                    Some(Err(e)) => {
                        ready.insert(issued, Err(e));
                        issued += 1;
                    }
                    Some(Ok(input)) => {
                        let tx = tx.clone();
                        let i = issued;
                        scope.spawn(move |_| {
                            // `process` catches panics, so every task sends.
                            let _ = tx.send((i, self.process(&input)));
                        });
                        issued += 1;
                    }
                }
            }
            while let Some(result) = ready.remove(&next) {
                next += 1;
                failed |= result.is_err();
                sink(result)?;
            }
            if next == issued {
                if exhausted {
                    return Ok(failed);
                }
                continue;
            }
            // `tx` is still held here, so `recv` cannot fail.
            if let Ok((i, result)) = rx.recv() {
                ready.insert(i, result);
            }
        }
    }
}

/// Runs `f`, turning a panic into an error naming the input.
fn guarded<T>(shown: &str, f: impl FnOnce() -> Result<T, LoadError>) -> Result<T, LoadError> {
    catch_unwind(AssertUnwindSafe(f)).unwrap_or_else(|payload| {
        let what = payload
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| payload.downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "unknown panic".to_string());
        Err(LoadError::Other {
            path: shown.to_string(),
            reason: format!("internal error, please report it with this file: {what}"),
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn corpus_file(dir: &std::path::Path, name: &str, text: &str) -> PathBuf {
        let p = dir.join(name);
        std::fs::write(&p, text).unwrap();
        p
    }

    fn shown_order(pipeline: &Pipeline, args: &[PathBuf]) -> (Vec<String>, bool) {
        let mut seen = Vec::new();
        let failed = pipeline.run(args, |r| match r {
            Ok(d) => seen.push(d.summary.doc),
            Err(e) => seen.push(format!("ERR {}", e.path())),
        });
        (seen, failed)
    }

    #[test]
    fn results_come_in_input_order_for_any_number_of_jobs() {
        let dir = tempfile::tempdir().unwrap();
        let mut args = Vec::new();
        for i in 0..40 {
            // Uneven sizes so that workers finish out of order.
            let body = "英伟达H20芯片在中国市场的售价约为1.2万美元。\n".repeat((40 - i) * 30);
            args.push(corpus_file(dir.path(), &format!("{i:03}.txt"), &body));
        }
        args.insert(7, dir.path().join("没有这个文件.txt"));
        let expected: Vec<String> = args
            .iter()
            .map(|p| {
                let s = p.display().to_string();
                if p.exists() { s } else { format!("ERR {s}") }
            })
            .collect();
        for jobs in [1, 2, 3, 8] {
            let pipeline =
                Pipeline::new(LoadOptions::default(), Catalog::embedded()).with_jobs(jobs);
            let (seen, failed) = shown_order(&pipeline, &args);
            assert_eq!(seen, expected, "jobs={jobs}");
            assert!(failed, "the missing file counts as a failure");
        }
    }

    #[test]
    fn a_panic_while_processing_is_an_error_naming_the_file() {
        let r: Result<(), LoadError> =
            guarded("corpus/坏文章.txt", || panic!("索引越界: {}", 7));
        let e = r.unwrap_err();
        assert_eq!(e.path(), "corpus/坏文章.txt");
        assert!(e.to_string().contains("索引越界: 7"), "{e}");
        let r: Result<(), LoadError> = guarded("a.txt", || panic!("固定消息"));
        assert!(r.unwrap_err().to_string().contains("固定消息"));
        assert_eq!(guarded("a.txt", || Ok(3)).unwrap(), 3);
    }

    #[test]
    fn a_sink_error_stops_the_run_early() {
        let dir = tempfile::tempdir().unwrap();
        let args: Vec<PathBuf> = (0..50)
            .map(|i| {
                corpus_file(
                    dir.path(),
                    &format!("{i:02}.txt"),
                    "华为昇腾910B的市场份额为20%。\n",
                )
            })
            .collect();
        let pipeline = Pipeline::new(LoadOptions::default(), Catalog::embedded()).with_jobs(2);
        let mut calls = 0;
        let out = pipeline.run_inputs(pipeline.discover(&args), |_| {
            calls += 1;
            if calls == 3 {
                Err("stdout closed")
            } else {
                Ok(())
            }
        });
        assert_eq!(out, Err("stdout closed"));
        assert_eq!(calls, 3, "no document is handed over after the sink failed");
    }

    #[test]
    fn every_readable_file_is_handed_over_even_without_records() {
        let dir = tempfile::tempdir().unwrap();
        let a = corpus_file(dir.path(), "a.txt", "今天天气很好。\n");
        let b = corpus_file(dir.path(), "b.txt", "");
        let pipeline = Pipeline::new(LoadOptions::default(), Catalog::embedded()).with_jobs(2);
        let mut docs = Vec::new();
        pipeline.run(&[a.clone(), b.clone()], |r| {
            if let Ok(d) = r {
                docs.push(d.summary.doc);
            }
        });
        assert!(docs.contains(&a.display().to_string()), "{docs:?}");
    }
}

//! `chipscan normalize`: the text the extractor reads.

use std::io::{self, BufWriter, Write};

use rayon::prelude::*;
use serde::Serialize;

use crate::cli::args::InputArgs;
use crate::cli::{EXIT_ERROR, EXIT_OK, report_error};
use crate::load::{Document, Loader};
use crate::model::{PartialDate, PublishedFrom, Script};

/// Print an article as the extractor reads it: decoded, cleaned and converted
/// to Simplified Chinese, line N being line N of the original file (for HTML,
/// one line per block of text).
///
/// Unreadable inputs are reported on stderr and the others still printed;
/// the exit code is then 2. Documents are loaded in parallel (`--jobs`) and
/// printed in input order.
#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(flatten)]
    pub input: InputArgs,

    /// Print the document metadata instead of the text, one JSON object a
    /// line: path, title, encoding, script, bytes, lines, published,
    /// published_from, warnings, and `set_aside`: the lines the extractor
    /// reads as outside the article body (menus, captions, notices, link
    /// lists, the page's tail), each with its line and why.
    #[arg(long)]
    pub json: bool,
}

/// `--json` output for one document.
#[derive(Debug, Serialize)]
pub struct Meta<'a> {
    pub path: &'a str,
    pub title: Option<&'a str>,
    pub encoding: &'a str,
    pub script: Script,
    pub bytes: u64,
    /// Lines of normalized text.
    pub lines: usize,
    pub published: Option<PartialDate>,
    pub published_from: Option<PublishedFrom>,
    pub warnings: &'a [crate::model::Warning],
    pub set_aside: Vec<SetAside>,
}

/// A line outside the article body: it gives no records.
#[derive(Debug, Serialize)]
pub struct SetAside {
    /// Line of the original file.
    pub line: u32,
    pub why: crate::extract::boiler::Reason,
}

impl<'a> Meta<'a> {
    pub fn of(doc: &'a Document) -> Meta<'a> {
        let s = &doc.summary;
        Meta {
            path: &s.doc,
            title: s.title.as_deref(),
            encoding: &s.encoding,
            script: s.script,
            bytes: s.bytes,
            lines: doc.text.lines().count(),
            published: s.published,
            published_from: s.published_from,
            warnings: &s.warnings,
            set_aside: crate::extract::boiler::boilerplate_reasons(&doc.text)
                .into_iter()
                .enumerate()
                .filter_map(|(k, why)| Some(SetAside { line: doc.original_line(k as u32 + 1), why: why? }))
                .collect(),
        }
    }
}

pub fn run(args: Args) -> anyhow::Result<u8> {
    let loader = Loader::new(args.input.load_options(), &args.input.catalog()?);
    let jobs = args
        .input
        .jobs
        .map_or_else(crate::pipeline::default_jobs, usize::from)
        .max(1);
    let pool = rayon::ThreadPoolBuilder::new().num_threads(jobs).build()?;
    let mut out = BufWriter::new(io::stdout().lock());
    let mut failed = false;
    // Documents are loaded `4 × jobs` at a time in parallel and printed in
    // input order, so the output is the same for any --jobs.
    let mut items = loader.inputs(&args.input.paths);
    loop {
        let batch: Vec<_> = items.by_ref().take(jobs * 4).collect();
        if batch.is_empty() {
            break;
        }
        let loaded: Vec<Result<Document, _>> = if jobs == 1 || batch.len() == 1 {
            batch
                .into_iter()
                .map(|item| item.and_then(|input| loader.load(&input)))
                .collect()
        } else {
            pool.install(|| {
                batch
                    .into_par_iter()
                    .map(|item| item.and_then(|input| loader.load(&input)))
                    .collect()
            })
        };
        for result in loaded {
            match result {
                Ok(doc) => {
                    if args.json {
                        serde_json::to_writer(&mut out, &Meta::of(&doc))?;
                        out.write_all(b"\n")?;
                    } else {
                        out.write_all(doc.text.as_bytes())?;
                        if !doc.text.is_empty() && !doc.text.ends_with('\n') {
                            out.write_all(b"\n")?;
                        }
                    }
                }
                Err(e) => {
                    // Keep stdout and stderr in order for a reader of both.
                    out.flush()?;
                    failed = true;
                    report_error(&e);
                }
            }
        }
    }
    out.flush()?;
    Ok(if failed { EXIT_ERROR } else { EXIT_OK })
}

//! `chipscan normalize`: the text the extractor reads.

use std::io::{self, Write};
use std::path::PathBuf;

use crate::cli::args::InputArgs;
use crate::cli::{report_error, EXIT_ERROR, EXIT_OK};
use crate::load::Loader;

/// Print an article as the extractor reads it: decoded, cleaned and converted
/// to Simplified Chinese, line N being line N of the original file.
#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(flatten)]
    pub input: InputArgs,

    /// Print the document metadata (path, encoding, script, published,
    /// published_from, warnings) as JSON instead of the text.
    #[arg(long)]
    pub json: bool,
}

pub fn run(args: Args) -> anyhow::Result<u8> {
    let loader = Loader::new(args.input.load_options(), &args.input.catalog()?);
    let mut out = io::stdout().lock();
    let mut failed = false;
    let paths: Vec<PathBuf> = args.input.paths.clone();
    for item in loader.discover(&paths) {
        match item.and_then(|input| loader.load(&input)) {
            Ok(doc) => {
                if args.json {
                    serde_json::to_writer(&mut out, &doc.summary)?;
                    out.write_all(b"\n")?;
                } else {
                    out.write_all(doc.text.as_bytes())?;
                }
            }
            Err(e) => {
                failed = true;
                report_error(&e);
            }
        }
    }
    out.flush()?;
    Ok(if failed { EXIT_ERROR } else { EXIT_OK })
}

//! `chipscan extract`: records as JSON, JSON Lines or CSV.

use std::io::{self, BufWriter, Write};

use crate::cli::args::InputArgs;
use crate::cli::{report_error, EXIT_ERROR, EXIT_OK};
use crate::model::{Extract, Kind, Record, SCHEMA_VERSION};
use crate::pipeline::Pipeline;

/// Extract prices, market shares, chips and export-control events.
///
/// Records are ordered by document, line and kind, so the output is the same
/// byte for byte on every run. Unreadable inputs are reported on stderr and
/// the others still processed; the exit code is then 2.
#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(flatten)]
    pub input: InputArgs,

    /// Output format: json (envelope with documents and records), jsonl (one
    /// record a line) or csv (one kind, chosen with --kind).
    #[arg(long, value_enum, default_value = "json")]
    pub format: Format,

    /// Only these kinds (comma-separated).
    #[arg(long, value_enum, value_delimiter = ',')]
    pub kind: Vec<Kind>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    Json,
    Jsonl,
    Csv,
}

pub fn run(args: Args) -> anyhow::Result<u8> {
    let pipeline = Pipeline::new(args.input.load_options(), args.input.catalog()?);
    let keep = |r: &Record| args.kind.is_empty() || args.kind.contains(&r.kind());
    let stdout = io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    let mut documents = Vec::new();
    let mut records = Vec::new();
    let mut io_err = None;
    let failed = pipeline.run(&args.input.paths, |res| match res {
        Ok(d) => {
            let recs = d.records.into_iter().filter(|r| keep(r));
            match args.format {
                Format::Jsonl if io_err.is_none() => {
                    for r in recs {
                        if let Err(e) = serde_json::to_writer(&mut out, &r)
                            .map_err(io::Error::from)
                            .and_then(|_| out.write_all(b"\n"))
                        {
                            io_err = Some(e);
                            break;
                        }
                    }
                }
                Format::Jsonl => {}
                _ => records.extend(recs),
            }
            documents.push(d.summary);
        }
        Err(e) => report_error(&e),
    });
    if let Some(e) = io_err {
        return Err(e.into());
    }
    match args.format {
        Format::Json => {
            let all = Extract { schema_version: SCHEMA_VERSION, documents, records };
            serde_json::to_writer_pretty(&mut out, &all)?;
            out.write_all(b"\n")?;
        }
        Format::Jsonl => {}
        Format::Csv => anyhow::bail!("--format csv is not implemented yet"),
    }
    out.flush()?;
    Ok(if failed { EXIT_ERROR } else { EXIT_OK })
}

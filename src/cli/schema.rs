//! `chipscan schema`: the JSON Schema of the extract output.

use std::io::{self, Write};

use crate::cli::EXIT_OK;
use crate::model::Extract;

/// Print the JSON Schema (draft 2020-12) of `chipscan extract --format
/// json` output, derived from the same types that write it.
#[derive(Debug, clap::Args)]
pub struct Args {}

/// The schema as JSON.
pub fn schema() -> serde_json::Value {
    serde_json::to_value(schemars::schema_for!(Extract)).expect("a schema serializes")
}

pub fn run(_args: Args) -> anyhow::Result<u8> {
    let mut out = io::stdout().lock();
    serde_json::to_writer_pretty(&mut out, &schema()).map_err(io::Error::from)?;
    out.write_all(b"\n")?;
    out.flush()?;
    Ok(EXIT_OK)
}

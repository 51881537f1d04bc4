//! `chipscan chips`: the chip catalog.

use std::io::{self, BufWriter, Write};
use std::path::PathBuf;

use anyhow::Context;

use crate::catalog::Catalog;
use crate::cli::EXIT_OK;
use crate::report::TermStyle;
use crate::report::render::write_simple_table;

/// List the chip catalog: canonical id, vendor and aliases of every chip,
/// with the entries of --catalog merged in.
///
/// `--format toml` prints the catalog in the format --catalog reads: save
/// it, edit it, and pass it back with --catalog to add chips or aliases
/// without rebuilding. Catalog entries are `[[vendor]]` (id, aliases, name),
/// `[[chip]]` (id, vendor, aliases, bare, family) and `[[protect]]` (keep,
/// from); an entry whose id is already known extends that entry.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Extra catalog entries (TOML) merged into the built-in catalog.
    #[arg(long, value_name = "FILE")]
    pub catalog: Option<PathBuf>,

    /// Output format: table, json, or toml (the format --catalog reads).
    #[arg(long, value_enum, default_value = "table")]
    pub format: Format,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    Table,
    Json,
    Toml,
}

pub fn run(args: Args) -> anyhow::Result<u8> {
    let cat = Catalog::load(args.catalog.as_deref()).context("--catalog")?;
    let mut out = BufWriter::new(io::stdout().lock());
    match args.format {
        Format::Toml => out.write_all(cat.to_toml().as_bytes())?,
        Format::Json => {
            let chips: Vec<serde_json::Value> = cat
                .chips
                .iter()
                .map(|c| {
                    serde_json::json!({
                        "id": c.id, "vendor": c.vendor, "aliases": c.aliases, "bare": c.bare, "family": c.family,
                    })
                })
                .collect();
            let vendors: Vec<serde_json::Value> = cat
                .vendors
                .iter()
                .map(|v| serde_json::json!({ "id": v.id, "aliases": v.aliases }))
                .collect();
            serde_json::to_writer_pretty(
                &mut out,
                &serde_json::json!({ "chips": chips, "vendors": vendors }),
            )
            .map_err(io::Error::from)?;
            out.write_all(b"\n")?;
        }
        Format::Table => {
            let rows: Vec<Vec<String>> = cat
                .chips
                .iter()
                .map(|c| {
                    let id = if c.family {
                        format!("{} (family)", c.id)
                    } else {
                        c.id.clone()
                    };
                    let mut names: Vec<String> =
                        c.aliases.iter().filter(|a| **a != c.id).cloned().collect();
                    names.extend(c.bare.iter().map(|b| format!("{b}*")));
                    vec![id, c.vendor.clone(), names.join(", ")]
                })
                .collect();
            write_simple_table(
                &["id", "vendor", "aliases"],
                &rows,
                TermStyle::for_stdout(),
                &mut out,
            )?;
            writeln!(
                out,
                "{} chips, {} vendors; * = a chip only in chip context (显卡4090)",
                cat.chips.len(),
                cat.vendors.len()
            )?;
        }
    }
    out.flush()?;
    Ok(EXIT_OK)
}

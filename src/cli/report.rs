//! `chipscan report`: comparison tables for analysts.

use std::io::{self, BufWriter, Write};
use std::path::PathBuf;

use anyhow::Context;

use crate::catalog::same_id;
use crate::cli::args::InputArgs;
use crate::cli::{EXIT_ERROR, EXIT_OK, report_error};
use crate::model::{Kind, Record};
use crate::report::{Format, Report, ReportOptions, TermStyle, render, resolve_chip};

/// Comparison tables: prices by chip, market shares, the export-control
/// timeline and chips by document.
///
/// Prices: a move (从12万涨到25万) is one row, before → after with the change
/// in percent. Shares: claims about the same subject, market and year that
/// disagree across documents are marked (≠) and sorted together.
/// Timeline: the same event told by several articles is one row listing
/// every source, with every date they give. Chips: mention counts per
/// document. In tables and Markdown, documents are named D1, D2, ... and
/// listed at the end.
///
/// Tables wrap to the terminal width (80 columns when not a terminal) and
/// use colour only on a terminal, never when NO_COLOR is set.
///
/// `--format html` writes one self-contained page (inline CSS and SVG, no
/// script, nothing loaded from the network) with a chart above each table:
/// price history in USD, market shares by market and year, the
/// export-control timeline and a heatmap of chips by document.
#[derive(Debug, clap::Args)]
#[command(
    after_help = "Examples:\n  chipscan report corpus/\n  chipscan report corpus/ --chip 昇腾910B\n  chipscan report corpus/ --kind price --usd-cny 7.2 --format csv > prices.csv\n  chipscan report corpus/ --format html -o report.html"
)]
pub struct Args {
    #[command(flatten)]
    pub input: InputArgs,

    /// Output format: table (terminal), markdown, csv (one table: choose it
    /// with --kind), json, or html (one self-contained page with a chart
    /// above each table).
    #[arg(long, value_enum, default_value = "table")]
    pub format: Format,

    /// Write the report to FILE instead of standard output.
    #[arg(short = 'o', long, value_name = "FILE")]
    pub output: Option<PathBuf>,

    /// Only these tables, by the kind of record they show (comma-separated).
    #[arg(long, value_enum, value_delimiter = ',')]
    pub kind: Vec<Kind>,

    /// Focus every table on one chip; any name the catalog knows works
    /// (A800, 昇腾910B, rtx4090).
    #[arg(long, value_name = "CHIP")]
    pub chip: Option<String>,

    /// CNY per USD: adds a column of prices converted to CNY; in --format
    /// html also the rate the price chart converts CNY to USD at (default
    /// there: 7.2, as `chipscan check`).
    #[arg(long, value_name = "RATE", value_parser = parse_rate)]
    pub usd_cny: Option<f64>,
}

/// A positive, finite exchange rate.
pub fn parse_rate(s: &str) -> Result<f64, String> {
    match s.trim().parse::<f64>() {
        Ok(r) if r.is_finite() && r > 0.0 => Ok(r),
        _ => Err(format!(
            "'{s}' is not a positive number (CNY per USD, e.g. 7.2)"
        )),
    }
}

pub fn run(args: Args) -> anyhow::Result<u8> {
    let mut kinds = args.kind.clone();
    kinds.sort();
    kinds.dedup();
    if args.format == Format::Csv && kinds.len() != 1 {
        report_error(
            &"--format csv prints one table: choose it with --kind price, share, chip or export_control",
        );
        return Ok(EXIT_ERROR);
    }
    let catalog = args.input.catalog()?;
    let pipeline = args.input.pipeline_with(catalog.clone());
    let mut docs = Vec::new();
    let failed = pipeline.run(&args.input.paths, |res| match res {
        Ok(d) => docs.push(d),
        Err(e) => report_error(&e),
    });
    let chip = match &args.chip {
        None => None,
        Some(name) => match resolve_chip(&catalog, name) {
            Some(id) => Some(id.to_string()),
            // A token the catalog lacks but the documents name (H00).
            None => match docs.iter().flat_map(|d| &d.records).find_map(|r| match r {
                Record::Chip(c) if same_id(&c.chip, name) => Some(c.chip.clone()),
                _ => None,
            }) {
                Some(id) => Some(id),
                None => {
                    report_error(&format!(
                        "--chip {name}: no chip of that name in the catalog or the documents (see `chipscan chips`)"
                    ));
                    return Ok(EXIT_ERROR);
                }
            },
        },
    };
    let opts = ReportOptions {
        kinds,
        chip,
        usd_cny: args.usd_cny,
    };
    let report = Report::build(&docs, &catalog, &opts);
    match &args.output {
        None => {
            let mut out = BufWriter::new(io::stdout().lock());
            render(&report, args.format, TermStyle::for_stdout(), &mut out)?;
            out.flush()?;
        }
        Some(path) => {
            // A file is not a terminal: 80 columns, no colour.
            let mut buf = Vec::new();
            render(&report, args.format, TermStyle::default(), &mut buf)?;
            std::fs::write(path, &buf)
                .with_context(|| format!("cannot write the report to {}", path.display()))?;
        }
    }
    Ok(if failed { EXIT_ERROR } else { EXIT_OK })
}

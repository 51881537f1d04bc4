//! `chipscan check`: a linter for new articles, for CI.

use std::collections::HashSet;
use std::io::{self, BufWriter, Write};
use std::path::PathBuf;

use crate::check::{self, CheckOptions, Finding, Format, Level, Summary};
use crate::cli::args::InputArgs;
use crate::cli::{EXIT_ERROR, EXIT_FINDINGS, EXIT_OK, report_error};
use crate::model::Extract;

/// Check articles and their records: findings per file and line, each with
/// a level (error, warning) and a stable code.
///
/// Every input is read even when one fails. `--baseline` compares with an
/// earlier `chipscan extract --format json` and reports only findings about
/// what is new or changed: records compare by kind, document and values,
/// not by line, so moved text is not new.
#[derive(Debug, clap::Args)]
#[command(after_long_help = check::CODES_HELP)]
pub struct Args {
    #[command(flatten)]
    pub input: InputArgs,

    /// Output format: human, json, or github (workflow commands that GitHub
    /// Actions shows on the diff).
    #[arg(long, value_enum, default_value = "human")]
    pub format: Format,

    /// Fail (exit 1) on warnings too, not only on errors.
    #[arg(long)]
    pub strict: bool,

    /// Accept documents with no records (no CS004).
    #[arg(long)]
    pub allow_empty: bool,

    /// An earlier `chipscan extract --format json` output: report only
    /// findings that it does not have.
    #[arg(long, value_name = "FILE")]
    pub baseline: Option<PathBuf>,

    /// CNY per USD for the price range check (CS009).
    #[arg(long, value_name = "RATE", default_value_t = check::DEFAULT_USD_CNY, value_parser = crate::cli::report::parse_rate)]
    pub usd_cny: f64,
}

fn load_baseline(path: &PathBuf) -> Result<Extract, String> {
    let shown = path.display();
    let text =
        std::fs::read_to_string(path).map_err(|e| format!("{shown}: cannot read baseline: {e}"))?;
    serde_json::from_str(&text).map_err(|e| {
        let full = e.to_string();
        let msg = full.rsplit_once(" at line ").map_or(full.as_str(), |(m, _)| m);
        format!(
            "{shown}:{}:{}: invalid baseline (expected `chipscan extract --format json` output): {msg}",
            e.line(),
            e.column()
        )
    })
}

pub fn run(args: Args) -> anyhow::Result<u8> {
    let opts = CheckOptions {
        allow_empty: args.allow_empty,
        usd_cny: args.usd_cny,
    };
    let baseline: Option<HashSet<String>> = match &args.baseline {
        None => None,
        Some(path) => match load_baseline(path) {
            Ok(b) => Some(check::baseline_keys(&b, &opts)),
            Err(msg) => {
                report_error(&msg);
                return Ok(EXIT_ERROR);
            }
        },
    };
    let pipeline = args.input.pipeline()?;
    let mut findings: Vec<Finding> = Vec::new();
    let mut documents = 0;
    let failed = pipeline.run(&args.input.paths, |res| {
        documents += 1;
        match res {
            Ok(d) => findings.extend(
                check::check_document(&d.summary, &d.records, &opts)
                    .into_iter()
                    .filter(|f| baseline.as_ref().is_none_or(|keys| !keys.contains(&f.key))),
            ),
            Err(e) => findings.push(check::load_error(&e)),
        }
    });
    let mut out = BufWriter::new(io::stdout().lock());
    check::write(
        &findings,
        Summary::of(&findings, documents),
        args.format,
        &mut out,
    )?;
    out.flush()?;
    let failing = if args.strict {
        Level::Warning
    } else {
        Level::Error
    };
    Ok(if failed {
        EXIT_ERROR
    } else if findings.iter().any(|f| f.level >= failing) {
        EXIT_FINDINGS
    } else {
        EXIT_OK
    })
}

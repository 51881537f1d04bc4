//! `chipscan eval`: precision, recall and F1 against a gold file.

use std::io::{self, BufWriter, Write};
use std::path::PathBuf;

use crate::cli::args::InputArgs;
use crate::cli::{EXIT_ERROR, EXIT_FINDINGS, EXIT_OK, report_error};
use crate::eval::{self, Gold};
use crate::model::Extract;
use crate::pipeline::DocResult;

/// Score extraction against a gold file: precision, recall and F1 per kind
/// (price, share, chip, export_control), date accuracy and field accuracy.
///
/// Documents are matched to the gold by file name; the matching rules are
/// those of RECORDS.md ("Gold files and chipscan eval"). A prediction that
/// repeats a gold fact already matched in the document (its date agreeing or
/// missing) is counted apart (`rep`), neither right nor wrong. Field
/// accuracy is over matched required records, for each field the gold
/// states: price qualifier, basis, role; share qualifier, region, year,
/// metric, market; export_control authority, effective. The articles are
/// extracted afresh, or an earlier `chipscan extract --format json` output
/// is scored with --predictions.
#[derive(Debug, clap::Args)]
#[command(
    mut_arg("paths", |a| a.required(false).required_unless_present("predictions")),
    after_help = "Examples:\n  chipscan eval --gold tests/data/seeds.gold.json corpus/\n  chipscan eval --gold tests/data/seeds.gold.json corpus/ --verbose\n  chipscan extract corpus/ > out.json && chipscan eval --gold seeds.gold.json --predictions out.json --min-f1 0.8\n  chipscan eval --gold tests/data/seeds.gold.json corpus/ --min-field-accuracy 0.9"
)]
pub struct Args {
    #[command(flatten)]
    pub input: InputArgs,

    /// The gold file (JSON, see tests/data/seeds.gold.json).
    #[arg(long, value_name = "FILE")]
    pub gold: PathBuf,

    /// Score this `chipscan extract --format json` output instead of
    /// extracting the articles.
    #[arg(long, value_name = "FILE", conflicts_with = "paths")]
    pub predictions: Option<PathBuf>,

    /// Output format: table or json.
    #[arg(long, value_enum, default_value = "table")]
    pub format: Format,

    /// Exit 1 when the F1 of any kind is below this (0 to 1).
    #[arg(long, value_name = "X", value_parser = parse_unit)]
    pub min_f1: Option<f64>,

    /// Exit 1 when the field accuracy over all scored fields is below this
    /// (0 to 1).
    #[arg(long, value_name = "X", value_parser = parse_unit)]
    pub min_field_accuracy: Option<f64>,

    /// Only these kinds (comma-separated): their scores, the `all` row over
    /// them, field accuracy, --min-f1, --min-field-accuracy and the
    /// --verbose lists.
    #[arg(long, value_enum, value_delimiter = ',')]
    pub kind: Vec<crate::model::Kind>,

    /// Also list, per document: missed gold records, unmatched predictions
    /// (with their evidence), repeats, matched records whose date is wrong
    /// or whose fields differ from the gold (each with both values), and a
    /// wrong publish date.
    #[arg(short, long)]
    pub verbose: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    Table,
    Json,
}

fn parse_unit(s: &str) -> Result<f64, String> {
    match s.trim().parse::<f64>() {
        Ok(x) if (0.0..=1.0).contains(&x) => Ok(x),
        _ => Err(format!("'{s}' is not a number from 0 to 1")),
    }
}

/// An earlier extract output as documents with their records.
fn load_predictions(path: &PathBuf) -> Result<Vec<DocResult>, String> {
    let shown = path.display();
    let text = std::fs::read_to_string(path)
        .map_err(|e| format!("{shown}: cannot read predictions: {e}"))?;
    let ex: Extract = serde_json::from_str(&text).map_err(|e| {
        let full = e.to_string();
        let msg = full.rsplit_once(" at line ").map_or(full.as_str(), |(m, _)| m);
        format!(
            "{shown}:{}:{}: invalid predictions (expected `chipscan extract --format json` output): {msg}",
            e.line(),
            e.column()
        )
    })?;
    let mut by_doc: std::collections::HashMap<String, Vec<crate::model::Record>> =
        std::collections::HashMap::new();
    for r in ex.records {
        by_doc.entry(r.doc().to_string()).or_default().push(r);
    }
    Ok(ex
        .documents
        .into_iter()
        .map(|summary| {
            let records = by_doc.remove(&summary.doc).unwrap_or_default();
            DocResult {
                summary,
                records,
                notices: Vec::new(),
            }
        })
        .collect())
}

pub fn run(args: Args) -> anyhow::Result<u8> {
    let gold = match Gold::load(&args.gold) {
        Ok(g) => g,
        Err(e) => {
            report_error(&e);
            return Ok(EXIT_ERROR);
        }
    };
    let catalog = args.input.catalog()?;
    let mut failed = false;
    let docs = match &args.predictions {
        Some(path) => match load_predictions(path) {
            Ok(d) => d,
            Err(msg) => {
                report_error(&msg);
                return Ok(EXIT_ERROR);
            }
        },
        None => {
            let pipeline = args.input.pipeline_with(catalog.clone());
            let mut docs = Vec::new();
            failed = pipeline.run(&args.input.paths, |res| match res {
                Ok(d) => docs.push(d),
                Err(e) => report_error(&e),
            });
            docs
        }
    };
    let scores = eval::score(&gold, &docs, &catalog).only(&args.kind);
    let mut out = BufWriter::new(io::stdout().lock());
    match args.format {
        Format::Table => eval::write_text(&scores, args.verbose, &mut out)?,
        Format::Json => {
            serde_json::to_writer_pretty(&mut out, &scores).map_err(io::Error::from)?;
            out.write_all(b"\n")?;
        }
    }
    out.flush()?;
    let below = args.min_f1.map(|m| scores.below(m)).unwrap_or_default();
    if !below.is_empty() {
        let list: Vec<String> = below
            .iter()
            .map(|k| format!("{k} {:.3}", scores.kind(*k).f1.unwrap_or(0.0)))
            .collect();
        report_error(&format!(
            "F1 below {}: {}",
            args.min_f1.unwrap_or(0.0),
            list.join(", ")
        ));
    }
    let fields_below = args
        .min_field_accuracy
        .is_some_and(|m| scores.fields_below(m));
    if fields_below {
        report_error(&format!(
            "field accuracy below {}: {:.3} ({}/{})",
            args.min_field_accuracy.unwrap_or(0.0),
            scores.fields.accuracy.unwrap_or(0.0),
            scores.fields.correct,
            scores.fields.scored
        ));
    }
    Ok(if failed {
        EXIT_ERROR
    } else if !below.is_empty() || fields_below {
        EXIT_FINDINGS
    } else {
        EXIT_OK
    })
}

//! The command line: one module per subcommand, each with its arguments and
//! one `run`. Exit codes: 0 success, 1 findings or a failed threshold
//! (`check`, `eval --min-f1`, `eval --min-field-accuracy`), 2 an input could
//! not be read or usage was wrong.

use std::io::Write;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

pub mod args;
pub mod check;
pub mod chips;
pub mod eval;
pub mod extract;
pub mod lexicon;
pub mod normalize;
pub mod report;
pub mod schema;

/// Turns Chinese-language news about AI chips into market data: chip prices,
/// market shares, chip mentions and export-control events as typed, dated,
/// source-linked records.
#[derive(Debug, Parser)]
#[command(name = "chipscan", version, about, max_term_width = 100)]
pub struct Cli {
    /// Extra lexicon words (TOML, the format `chipscan lexicon --format toml`
    /// prints): currency words, qualifiers, words of the readers' lists. A
    /// bad file is an error naming its line (exit 2).
    #[arg(long, global = true, value_name = "FILE")]
    pub lexicon: Option<std::path::PathBuf>,

    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    Extract(extract::Args),
    Normalize(normalize::Args),
    Report(report::Args),
    Check(check::Args),
    Eval(eval::Args),
    Schema(schema::Args),
    Chips(chips::Args),
    Lexicon(lexicon::Args),
}

/// Exit code: everything went well.
pub const EXIT_OK: u8 = 0;
/// Exit code: findings (`check`) or a failed threshold (`eval --min-f1`,
/// `eval --min-field-accuracy`).
pub const EXIT_FINDINGS: u8 = 1;
/// Exit code: an input could not be read, or the usage was wrong.
pub const EXIT_ERROR: u8 = 2;

pub fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            let code = if e.use_stderr() { EXIT_ERROR } else { EXIT_OK };
            let _ = e.print();
            return ExitCode::from(code);
        }
    };
    // The lexicon is set before any document is read: the readers build
    // their word lists from it on first use.
    match crate::lexicon::Lexicon::load(cli.lexicon.as_deref()) {
        Ok(lex) => {
            let _ = crate::lexicon::install(lex);
        }
        Err(e) => {
            report_error(&format_args!("--lexicon: {e}"));
            return ExitCode::from(EXIT_ERROR);
        }
    }
    let result = match cli.command {
        Command::Extract(a) => extract::run(a),
        Command::Normalize(a) => normalize::run(a),
        Command::Report(a) => report::run(a),
        Command::Check(a) => check::run(a),
        Command::Eval(a) => eval::run(a),
        Command::Schema(a) => schema::run(a),
        Command::Chips(a) => chips::run(a),
        Command::Lexicon(a) => lexicon::run(a),
    };
    match result {
        Ok(code) => ExitCode::from(code),
        Err(e) if is_broken_pipe(&e) => ExitCode::from(EXIT_OK),
        Err(e) => {
            let _ = writeln!(std::io::stderr(), "chipscan: {e:#}");
            ExitCode::from(EXIT_ERROR)
        }
    }
}

/// A closed stdout (`chipscan extract … | head -1`) ends the run quietly.
pub fn is_broken_pipe(e: &anyhow::Error) -> bool {
    e.chain().any(|c| {
        c.downcast_ref::<std::io::Error>()
            .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
            // serde_json wraps the io error of the writer it writes to.
            || c.downcast_ref::<serde_json::Error>()
                .is_some_and(|j| j.io_error_kind() == Some(std::io::ErrorKind::BrokenPipe))
    })
}

/// Prints a load error as one line on stderr.
pub fn report_error(e: &dyn std::fmt::Display) {
    let _ = writeln!(std::io::stderr(), "chipscan: {e}");
}

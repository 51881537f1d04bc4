//! `chipscan lexicon`: the extractor's words.

use std::io::{self, BufWriter, Write};

use crate::cli::EXIT_OK;
use crate::report::TermStyle;
use crate::report::render::write_simple_table;

/// List the lexicon: the words the extractor reads with (currency words,
/// qualifiers, export-control authorities and the word lists of the price,
/// share, export-control, date, number, chip and page readers), each with its
/// meaning, with the words of --lexicon merged in. Words are found
/// leftmost-longest: the order of a list has no meaning.
///
/// `--format toml` prints the lexicon in the format --lexicon reads:
/// `[[currency]]` (code, after, before, spoken), `[[qualifier]]` (value =
/// about, over, under or up_to; before, after), `[[authority]]` (id,
/// country, words) and `[[list]]` (name, words). A file passed with
/// --lexicon adds its words to the built-in lexicon; a word listed twice, an
/// unknown currency code, qualifier value or list name, or a word given to
/// another authority is an error naming the file and line (exit 2).
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Output format: table, json, or toml (the format --lexicon reads).
    #[arg(long, value_enum, default_value = "table")]
    pub format: Format,
}

/// The same three formats as `chipscan chips`.
pub use super::chips::Format;

pub fn run(args: Args) -> anyhow::Result<u8> {
    let lex = crate::lexicon::get();
    let mut out = BufWriter::new(io::stdout().lock());
    match args.format {
        Format::Toml => out.write_all(lex.to_toml().as_bytes())?,
        Format::Json => {
            serde_json::to_writer_pretty(&mut out, lex).map_err(io::Error::from)?;
            out.write_all(b"\n")?;
        }
        Format::Table => {
            let rows: Vec<Vec<String>> = lex.rows().into_iter().map(|(set, word, meaning)| vec![set, word, meaning]).collect();
            write_simple_table(&["set", "word", "meaning"], &rows, TermStyle::for_stdout(), &mut out)?;
            writeln!(out, "{} words", rows.len())?;
        }
    }
    out.flush()?;
    Ok(EXIT_OK)
}

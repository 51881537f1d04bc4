//! Arguments shared by the subcommands that read articles.

use std::path::PathBuf;

use anyhow::Context;

use crate::catalog::Catalog;
use crate::load::{InputFormat, LoadOptions};
use crate::model::PartialDate;
use crate::pipeline::Pipeline;

/// Which articles to read and how.
#[derive(Debug, Clone, clap::Args)]
pub struct InputArgs {
    /// Files or folders to read (folders recursively; `-` reads stdin).
    /// Inputs that start with the gzip magic bytes are decompressed.
    #[arg(value_name = "PATH", required = true)]
    pub paths: Vec<PathBuf>,

    /// What the inputs hold: files (one article per file; folders give their
    /// .txt, .md, .html, .htm files, and the same with .gz) or jsonl (JSON
    /// Lines, one article per line: {"doc": ID, "text": ARTICLE, "published":
    /// DATE, "title": TITLE}, published and title optional, `id` accepted for
    /// `doc`; folders give their .jsonl and .ndjson files, and .gz). A bad
    /// line is reported as FILE:LINE and the others are still read (exit 2).
    #[arg(long, value_enum, value_name = "FORMAT", default_value = "files")]
    pub input_format: InputFormat,

    /// Decode every input with this encoding (utf-8, gbk, gb18030, big5,
    /// utf-16le, utf-16be) instead of detecting it; a byte-order mark still
    /// wins.
    #[arg(long, value_name = "LABEL", value_parser = parse_encoding)]
    pub encoding: Option<&'static encoding_rs::Encoding>,

    /// Publish date (YYYY, YYYY-MM or YYYY-MM-DD) for inputs that no
    /// manifest.json dates; anchors relative dates (今年4月份, 去年年底).
    #[arg(long, value_name = "DATE")]
    pub published: Option<PartialDate>,

    /// Extra catalog entries (TOML, the format `chipscan chips --format toml` prints).
    #[arg(long, value_name = "FILE")]
    pub catalog: Option<PathBuf>,

    /// Number of documents to process at once (default: all cores). The
    /// output is the same for any number.
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u16).range(1..))]
    pub jobs: Option<u16>,

    /// Do not show a progress bar (it is shown on stderr only when stderr is
    /// a terminal and there are more than 50 files).
    #[arg(long)]
    pub quiet: bool,
}

impl InputArgs {
    pub fn load_options(&self) -> LoadOptions {
        LoadOptions {
            encoding: self.encoding,
            published: self.published,
            input_format: self.input_format,
        }
    }

    pub fn catalog(&self) -> anyhow::Result<Catalog> {
        Catalog::load(self.catalog.as_deref()).context("--catalog")
    }

    /// The loader and extractor these arguments ask for, with `--jobs` set.
    pub fn pipeline(&self) -> anyhow::Result<Pipeline> {
        Ok(self.pipeline_with(self.catalog()?))
    }

    /// The same, with a catalog the caller has already loaded.
    pub fn pipeline_with(&self, catalog: Catalog) -> Pipeline {
        let pipeline = Pipeline::new(self.load_options(), catalog);
        match self.jobs {
            Some(n) => pipeline.with_jobs(n.into()),
            None => pipeline,
        }
    }
}

fn parse_encoding(label: &str) -> Result<&'static encoding_rs::Encoding, String> {
    encoding_rs::Encoding::for_label(label.trim().as_bytes())
        .ok_or_else(|| format!("unknown encoding '{label}' (try utf-8, gbk, gb18030, big5, utf-16le, utf-16be)"))
}

//! Arguments shared by the subcommands that read articles.

use std::path::PathBuf;

use anyhow::Context;

use crate::catalog::Catalog;
use crate::load::LoadOptions;
use crate::model::PartialDate;

/// Which articles to read and how.
#[derive(Debug, Clone, clap::Args)]
pub struct InputArgs {
    /// Files or folders to read (folders recursively; `-` reads stdin).
    #[arg(value_name = "PATH", required = true)]
    pub paths: Vec<PathBuf>,

    /// Decode every input with this encoding (utf-8, gbk, gb18030, big5,
    /// utf-16le, utf-16be) instead of detecting it.
    #[arg(long, value_name = "LABEL", value_parser = parse_encoding)]
    pub encoding: Option<&'static encoding_rs::Encoding>,

    /// Publish date (YYYY, YYYY-MM or YYYY-MM-DD) for inputs that no
    /// manifest.json dates; anchors relative dates (今年4月份, 去年年底).
    #[arg(long, value_name = "DATE")]
    pub published: Option<PartialDate>,

    /// Extra catalog entries (TOML, the format of `chipscan chips --toml`).
    #[arg(long, value_name = "FILE")]
    pub catalog: Option<PathBuf>,
}

impl InputArgs {
    pub fn load_options(&self) -> LoadOptions {
        LoadOptions { encoding: self.encoding, published: self.published }
    }

    pub fn catalog(&self) -> anyhow::Result<Catalog> {
        Catalog::load(self.catalog.as_deref()).context("--catalog")
    }
}

fn parse_encoding(label: &str) -> Result<&'static encoding_rs::Encoding, String> {
    encoding_rs::Encoding::for_label(label.trim().as_bytes())
        .ok_or_else(|| format!("unknown encoding '{label}' (try utf-8, gbk, gb18030, big5, utf-16le, utf-16be)"))
}

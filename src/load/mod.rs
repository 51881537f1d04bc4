//! The loader: finds inputs, decodes them, normalizes the text and settles
//! each document's publish date.
//!
//! Contract with the rest of the crate:
//! - [`Loader::discover`] expands the command-line arguments into [`Input`]s
//!   (files, folders walked recursively in path order, `-` for stdin);
//! - [`Loader::load`] turns one input into a [`Document`]: Simplified text
//!   with `\n` line breaks whose line N is line N of the original file (see
//!   [`Document::original_line`] for HTML, where it is mapped), plus its
//!   [`DocSummary`] metadata;
//! - a [`LoadError`] names the path and the reason; callers report it and go
//!   on with the other inputs.

use std::path::{Path, PathBuf};

use crate::catalog::Catalog;
use crate::model::{DocSummary, PartialDate, Script};

/// Options from the command line that shape loading.
#[derive(Clone, Debug, Default)]
pub struct LoadOptions {
    /// `--encoding LABEL`: decode every input with this encoding.
    pub encoding: Option<&'static encoding_rs::Encoding>,
    /// `--published DATE`: publish date for inputs without a manifest entry.
    pub published: Option<PartialDate>,
}

/// One input to read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Input {
    /// A file; `shown` is its path as reached from the argument.
    File { path: PathBuf, shown: String },
    /// Standard input (`-`).
    Stdin,
}

impl Input {
    /// The path as shown in output and messages (`-` for stdin).
    pub fn shown(&self) -> &str {
        match self {
            Input::File { shown, .. } => shown,
            Input::Stdin => "-",
        }
    }
}

/// A normalized article.
#[derive(Clone, Debug, PartialEq)]
pub struct Document {
    /// Metadata; `records` stays 0 until extraction fills it.
    pub summary: DocSummary,
    /// Simplified text, `\n` line breaks.
    pub text: String,
    /// Original line of each normalized line (index 0 = line 1); empty when
    /// lines map one to one.
    pub line_map: Vec<u32>,
}

impl Document {
    /// A document from text that is already normalized (tests, benchmarks).
    pub fn from_text(doc: &str, text: &str, published: Option<PartialDate>) -> Document {
        Document {
            summary: DocSummary {
                doc: doc.to_string(),
                title: text.lines().map(str::trim).find(|l| !l.is_empty()).map(str::to_string),
                published,
                published_from: published.map(|_| crate::model::PublishedFrom::Flag),
                encoding: "UTF-8".to_string(),
                script: Script::Simplified,
                bytes: text.len() as u64,
                records: 0,
                warnings: Vec::new(),
            },
            text: text.to_string(),
            line_map: Vec::new(),
        }
    }

    /// The line of the original file that normalized line `line` (1-based)
    /// came from.
    pub fn original_line(&self, line: u32) -> u32 {
        if self.line_map.is_empty() {
            line
        } else {
            self.line_map
                .get(line.saturating_sub(1) as usize)
                .copied()
                .unwrap_or(line)
        }
    }

    pub fn published(&self) -> Option<PartialDate> {
        self.summary.published
    }
}

/// Why an input could not be read.
#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    #[error("{path}: no such file or directory")]
    NotFound { path: String },
    #[error("{path}: {source}")]
    Io {
        path: String,
        #[source]
        source: std::io::Error,
    },
    #[error("{path}: binary file (NUL bytes), skipped")]
    Binary { path: String },
    #[error("{path}: {reason}")]
    Other { path: String, reason: String },
}

impl LoadError {
    pub fn path(&self) -> &str {
        match self {
            LoadError::NotFound { path }
            | LoadError::Io { path, .. }
            | LoadError::Binary { path }
            | LoadError::Other { path, .. } => path,
        }
    }
}

/// Reads and normalizes inputs. Shared across threads.
pub struct Loader {
    opts: LoadOptions,
    t2s: ferrous_opencc::OpenCC,
}

impl Loader {
    pub fn new(opts: LoadOptions, _catalog: &Catalog) -> Loader {
        let t2s = ferrous_opencc::OpenCC::from_config(ferrous_opencc::config::BuiltinConfig::T2s)
            .expect("built-in t2s config");
        Loader { opts, t2s }
    }

    /// Expands arguments into inputs, in order.
    pub fn discover(&self, args: &[PathBuf]) -> Vec<Result<Input, LoadError>> {
        let mut out = Vec::new();
        for arg in args {
            if arg.as_os_str() == "-" {
                out.push(Ok(Input::Stdin));
            } else if arg.is_dir() {
                let mut files: Vec<PathBuf> = std::fs::read_dir(arg)
                    .map(|rd| rd.filter_map(|e| e.ok().map(|e| e.path())).collect())
                    .unwrap_or_default();
                files.sort();
                for f in files {
                    if f.extension().is_some_and(|e| e == "txt") {
                        out.push(Ok(Input::File { shown: f.display().to_string(), path: f }));
                    }
                }
            } else if arg.exists() {
                out.push(Ok(Input::File { path: arg.clone(), shown: arg.display().to_string() }));
            } else {
                out.push(Err(LoadError::NotFound { path: arg.display().to_string() }));
            }
        }
        out
    }

    pub fn load(&self, input: &Input) -> Result<Document, LoadError> {
        let bytes = match input {
            Input::File { path, shown } => std::fs::read(path)
                .map_err(|source| LoadError::Io { path: shown.clone(), source })?,
            Input::Stdin => {
                let mut v = Vec::new();
                std::io::Read::read_to_end(&mut std::io::stdin(), &mut v)
                    .map_err(|source| LoadError::Io { path: "-".into(), source })?;
                v
            }
        };
        let dir = match input {
            Input::File { path, .. } => path.parent().map(Path::to_path_buf),
            Input::Stdin => None,
        };
        let text = String::from_utf8_lossy(&bytes);
        let text = self.t2s.convert(&text);
        let mut doc = Document::from_text(input.shown(), &text, self.opts.published);
        doc.summary.bytes = bytes.len() as u64;
        if let Some(dir) = dir {
            if let Ok(m) = std::fs::read_to_string(dir.join("manifest.json")) {
                if let Ok(v) = serde_json::from_str::<serde_json::Value>(&m) {
                    let name = Path::new(input.shown()).file_name().unwrap().to_string_lossy();
                    if let Some(p) = v["articles"][name.as_ref()]["published"].as_str() {
                        doc.summary.published = p.parse().ok();
                        doc.summary.published_from = Some(crate::model::PublishedFrom::Manifest);
                    }
                }
            }
        }
        Ok(doc)
    }
}

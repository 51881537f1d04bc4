//! The loader: finds inputs, decodes them, normalizes the text and settles
//! each document's publish date.
//!
//! Contract with the rest of the crate:
//! - [`Loader::inputs`] expands the command-line arguments into [`Input`]s
//!   (files, folders walked recursively in path order, `-` for stdin; with
//!   `--input-format jsonl`, the documents of JSON Lines files, read lazily);
//! - [`Loader::load`] turns one input into a [`Document`]: Simplified text
//!   with `\n` line breaks whose line N is line N of the original file (see
//!   [`Document::original_line`] for HTML, where it is mapped), plus its
//!   [`DocSummary`] metadata;
//! - a [`LoadError`] names the path and the reason; callers report it and go
//!   on with the other inputs.
//!
//! The steps live in their own modules: [`discover`] (arguments to inputs),
//! [`jsonl`] (JSON Lines documents), [`gz`] (gzip by its magic bytes),
//! [`decode`] (bytes to text), [`html`] (pages to lines), [`clean`] (widths,
//! spaces, line endings, pinyin), [`script`] (Traditional → Simplified and
//! script detection), [`manifest`] and [`published`] (publish dates).

use std::borrow::Cow;

use crate::model::Warning;
use std::io::Read;
use std::path::PathBuf;

use crate::catalog::Catalog;
use crate::model::{DocSummary, PartialDate, PublishedFrom, Script};

pub mod clean;
pub mod decode;
pub mod discover;
pub mod gz;
pub mod html;
pub mod jsonl;
pub mod manifest;
pub mod published;
pub mod script;

/// Options from the command line that shape loading.
#[derive(Clone, Debug, Default)]
pub struct LoadOptions {
    /// `--encoding LABEL`: decode every input with this encoding.
    pub encoding: Option<&'static encoding_rs::Encoding>,
    /// `--published DATE`: publish date for inputs without a manifest entry.
    pub published: Option<PartialDate>,
    /// `--input-format`: what the inputs hold.
    pub input_format: InputFormat,
}

/// What each input holds (`--input-format`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, clap::ValueEnum)]
pub enum InputFormat {
    /// One article per file.
    #[default]
    Files,
    /// JSON Lines: one article per line, `{"doc": ..., "text": ...}`.
    Jsonl,
}

/// One input to read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Input {
    /// A file; `shown` is its path as reached from the argument.
    File { path: PathBuf, shown: String },
    /// Standard input (`-`).
    Stdin,
    /// A document read from a JSON Lines line; shown as its id.
    Text(Box<jsonl::TextInput>),
}

impl Input {
    /// The path as shown in output and messages (`-` for stdin).
    pub fn shown(&self) -> &str {
        match self {
            Input::File { shown, .. } => shown,
            Input::Stdin => "-",
            Input::Text(t) => &t.id,
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
                title: text
                    .lines()
                    .map(str::trim)
                    .find(|l| !l.is_empty())
                    .map(str::to_string),
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
    #[error("{path}: cannot read: {source}")]
    Io {
        path: String,
        #[source]
        source: std::io::Error,
    },
    #[error("{path}: cannot list folder: {source}")]
    Dir {
        path: String,
        #[source]
        source: std::io::Error,
    },
    #[error("{path}: binary file (NUL bytes), skipped")]
    Binary { path: String },
    #[error("{path}: undecodable: {reason}, skipped")]
    Undecodable { path: String, reason: String },
    #[error("{path}: symbolic link loop (back to {target}), not followed")]
    Loop { path: String, target: String },
    #[error("{path}: {reason}")]
    Other { path: String, reason: String },
    /// A bad line of a JSON Lines input.
    #[error("{path}:{line}: {reason}")]
    Line {
        path: String,
        line: u64,
        reason: String,
    },
}

impl LoadError {
    pub fn path(&self) -> &str {
        match self {
            LoadError::NotFound { path }
            | LoadError::Io { path, .. }
            | LoadError::Dir { path, .. }
            | LoadError::Binary { path }
            | LoadError::Undecodable { path, .. }
            | LoadError::Loop { path, .. }
            | LoadError::Other { path, .. }
            | LoadError::Line { path, .. } => path,
        }
    }
}

/// Longest title kept, in characters.
const TITLE_MAX: usize = 100;

/// Reads and normalizes inputs. Shared across threads.
pub struct Loader {
    opts: LoadOptions,
    converter: script::Converter,
    manifests: manifest::Cache,
}

impl Loader {
    /// Builds the converter (once: it is costly) with the catalog's
    /// protected phrases.
    pub fn new(opts: LoadOptions, catalog: &Catalog) -> Loader {
        let pairs = catalog.protect_pairs();
        let converter =
            match script::Backend::default_t2s().and_then(|b| script::Converter::new(b, &pairs)) {
                Ok(c) => c,
                Err(e) => {
                    // Only the system library (feature `opencc`) can fail: fall
                    // back to the built-in converter rather than give up.
                    crate::cli::report_error(&format!("{e}; using the built-in converter"));
                    let b = script::Backend::ferrous(ferrous_opencc::config::BuiltinConfig::T2s)
                        .expect("built-in t2s configuration");
                    script::Converter::new(b, &pairs).expect("built-in converters")
                }
            };
        Loader {
            opts,
            converter,
            manifests: manifest::Cache::default(),
        }
    }

    /// A loader with an explicit converter backend (tests comparing backends).
    pub fn with_backend(
        opts: LoadOptions,
        catalog: &Catalog,
        backend: script::Backend,
    ) -> Result<Loader, String> {
        let converter = script::Converter::new(backend, &catalog.protect_pairs())?;
        Ok(Loader {
            opts,
            converter,
            manifests: manifest::Cache::default(),
        })
    }

    /// Expands arguments into article files, in order (whatever
    /// `--input-format` is; see [`Loader::inputs`]).
    pub fn discover(&self, args: &[PathBuf]) -> Vec<Result<Input, LoadError>> {
        discover::discover(args)
    }

    /// The inputs that arguments name, as `--input-format` reads them: the
    /// article files of [`Loader::discover`], or the documents of JSON Lines
    /// files, read as they are asked for.
    pub fn inputs(&self, args: &[PathBuf]) -> Inputs {
        match self.opts.input_format {
            InputFormat::Files => Inputs::Files(self.discover(args).into_iter()),
            InputFormat::Jsonl => Inputs::Jsonl(Box::new(jsonl::JsonlInputs::new(args))),
        }
    }

    /// Reads, decodes and normalizes one input and settles its publish date.
    /// Files and stdin that start with the gzip magic are decompressed first.
    pub fn load(&self, input: &Input) -> Result<Document, LoadError> {
        let shown = input.shown();
        let (bytes, html_ext) = match input {
            Input::File { path, shown } => {
                let bytes = std::fs::read(path).map_err(|source| match source.kind() {
                    std::io::ErrorKind::NotFound => LoadError::NotFound {
                        path: shown.clone(),
                    },
                    _ => LoadError::Io {
                        path: shown.clone(),
                        source,
                    },
                })?;
                let html = discover::kind_extension(path).is_some_and(|e| {
                    e.eq_ignore_ascii_case("html") || e.eq_ignore_ascii_case("htm")
                });
                (bytes, html)
            }
            Input::Stdin => {
                let mut v = Vec::new();
                std::io::stdin()
                    .lock()
                    .read_to_end(&mut v)
                    .map_err(|source| LoadError::Io {
                        path: "-".into(),
                        source,
                    })?;
                (v, false)
            }
            Input::Text(t) => return Ok(self.load_text(t)),
        };
        let bytes = if gz::is_gzip(&bytes) {
            gz::gunzip(&bytes).map_err(|e| LoadError::Other {
                path: shown.to_string(),
                reason: e.to_string(),
            })?
        } else {
            bytes
        };
        let (from_manifest, manifest_warning) = match input {
            Input::File { path, shown } => match self.manifests.lookup(path, shown) {
                manifest::Lookup::Date(d) => (Some(d), None),
                manifest::Lookup::None => (None, None),
                manifest::Lookup::Warning(w) => (None, Some(w)),
            },
            Input::Stdin | Input::Text(_) => (None, None),
        };
        let mut doc = self.build(shown, bytes, html_ext, from_manifest)?;
        doc.summary.warnings.extend(manifest_warning.map(Warning::Note));
        Ok(doc)
    }

    /// Normalizes bytes that did not come from a file (benchmarks, library
    /// users): HTML is recognised by its content, no manifest is consulted.
    pub fn load_bytes(&self, shown: &str, bytes: Vec<u8>) -> Result<Document, LoadError> {
        self.build(shown, bytes, false, None)
    }

    /// A JSON Lines document: its text is already text, so it is not
    /// decoded (nor does `--encoding` apply); its `published` plays the role
    /// a manifest entry plays for a file, and its `title`, when given,
    /// replaces the detected one.
    fn load_text(&self, t: &jsonl::TextInput) -> Document {
        let mut warnings = Vec::new();
        if t.text.is_empty() {
            warnings.push(Warning::from("empty text: no text"));
        }
        let decoded = decode::Decoded {
            text: t.text.clone(),
            encoding: encoding_rs::UTF_8.name(),
            replaced: 0,
        };
        let mut doc = self.normalize(&t.id, decoded, t.text.len() as u64, false, t.published, warnings);
        if let Some(title) = &t.title {
            let title = self.normalize_text(&clean::line_endings(title.clone()));
            let first = title.lines().map(str::trim).find(|l| !l.is_empty());
            if let Some(first) = first {
                doc.summary.title = Some(truncate_title(first));
            }
        }
        doc.summary.warnings.extend(t.warnings.iter().cloned().map(Warning::Note));
        doc
    }

    fn build(
        &self,
        shown: &str,
        bytes: Vec<u8>,
        html_ext: bool,
        from_manifest: Option<PartialDate>,
    ) -> Result<Document, LoadError> {
        let n_bytes = bytes.len() as u64;
        let mut warnings = Vec::new();
        if bytes.is_empty() {
            let what = if shown == "-" {
                "empty input"
            } else {
                "empty file"
            };
            warnings.push(Warning::Note(format!("{what}: no text")));
        }
        let decoded = decode::decode(bytes, self.opts.encoding).map_err(|e| match e {
            decode::DecodeError::Binary => LoadError::Binary { path: shown.to_string() },
            decode::DecodeError::Undecodable { replaced, chars } => LoadError::Undecodable {
                path: shown.to_string(),
                reason: format!(
                    "{replaced} of {chars} characters are not valid UTF-8, UTF-16, GBK, GB18030 or Big5 (try --encoding)"
                ),
            },
        })?;
        if decoded.replaced > 0 {
            warnings.push(Warning::ReplacedBytes { count: decoded.replaced, encoding: decoded.encoding.to_string() });
        }
        Ok(self.normalize(shown, decoded, n_bytes, html_ext, from_manifest, warnings))
    }

    /// Decoded text to a document: line endings, HTML, cleanup and
    /// Traditional → Simplified, title and publish date.
    fn normalize(
        &self,
        shown: &str,
        decoded: decode::Decoded,
        n_bytes: u64,
        html_ext: bool,
        from_manifest: Option<PartialDate>,
        warnings: Vec<Warning>,
    ) -> Document {
        let mut text = clean::line_endings(decoded.text);
        let mut line_map = Vec::new();
        if html_ext || html::looks_like_html(&text) {
            let h = html::to_text(&text);
            text = h.text;
            line_map = h.line_map;
        }
        let text = normalize_text(&self.converter, &text);
        let (text, counts) = text;

        // The first line that reads like a headline, not a menu or a button.
        let title = crate::text::page::title(&text).map(truncate_title);
        let (published, published_from) = if let Some(d) = from_manifest {
            (Some(d), Some(PublishedFrom::Manifest))
        } else if let Some(d) = self.opts.published {
            (Some(d), Some(PublishedFrom::Flag))
        } else if let Some(d) = published::header_date(&text) {
            (Some(d), Some(PublishedFrom::Header))
        } else if let Some(d) = published::inferred_date(&text) {
            (Some(d), Some(PublishedFrom::Inferred))
        } else {
            (None, None)
        };
        Document {
            summary: DocSummary {
                doc: shown.to_string(),
                title,
                published,
                published_from,
                encoding: decoded.encoding.to_string(),
                script: counts.script(),
                bytes: n_bytes,
                records: 0,
                warnings,
            },
            text,
            line_map,
        }
    }

    /// The cleanup and conversion steps on text that is already decoded
    /// (with `\n` line breaks): widths and spaces, pinyin, Traditional →
    /// Simplified. Keeps the number of lines.
    pub fn normalize_text(&self, text: &str) -> String {
        normalize_text(&self.converter, text).0
    }
}

/// At most [`TITLE_MAX`] characters of a title.
fn truncate_title(l: &str) -> String {
    l.chars()
        .take(TITLE_MAX)
        .collect::<String>()
        .trim_end()
        .to_string()
}

/// The inputs of a run (see [`Loader::inputs`]).
pub enum Inputs {
    Files(std::vec::IntoIter<Result<Input, LoadError>>),
    Jsonl(Box<jsonl::JsonlInputs>),
}

impl Inputs {
    /// How many inputs there are, when that is known before reading them
    /// (files: yes; JSON Lines: no).
    pub fn known_len(&self) -> Option<usize> {
        match self {
            Inputs::Files(v) => Some(v.len()),
            Inputs::Jsonl(_) => None,
        }
    }
}

impl Iterator for Inputs {
    type Item = Result<Input, LoadError>;

    fn next(&mut self) -> Option<Self::Item> {
        match self {
            Inputs::Files(v) => v.next(),
            Inputs::Jsonl(j) => j.next(),
        }
    }
}

fn normalize_text(conv: &script::Converter, text: &str) -> (String, script::Counts) {
    let text = clean::widths_and_spaces(text);
    let text = match clean::close_pangu_spaces(&text) {
        Cow::Borrowed(_) => text,
        Cow::Owned(s) => Cow::Owned(s),
    };
    let text = if memchr::memchr(b'(', text.as_bytes()).is_some() {
        match clean::strip_pinyin(&text) {
            Cow::Borrowed(_) => text,
            Cow::Owned(s) => Cow::Owned(s),
        }
    } else {
        text
    };
    let mut out = String::with_capacity(text.len());
    let counts = conv.to_simplified(&text, &mut out);
    (out, counts)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn loader() -> Loader {
        Loader::new(LoadOptions::default(), &Catalog::embedded())
    }

    #[test]
    fn loader_is_send_and_sync() {
        fn check<T: Send + Sync>() {}
        check::<Loader>();
    }

    #[test]
    fn traditional_page_with_pinyin_comes_out_clean_and_simplified() {
        let l = loader();
        let src = "囤上千英偉達(dá)芯片浮盈即過億,國(guó)產(chǎn)大模型的路更難走了\r\n華為昇騰(téng)910B單價１２萬元（約）\r\n美國商務部工業與安全局(BIS)";
        let doc = l.load_bytes("x.txt", src.as_bytes().to_vec()).unwrap();
        assert_eq!(
            doc.text,
            "囤上千英伟达芯片浮盈即过亿,国产大模型的路更难走了\n华为昇腾910B单价12万元(约)\n美国商务部工业与安全局(BIS)"
        );
        assert_eq!(doc.summary.script, Script::Traditional);
        assert_eq!(
            doc.summary.title.as_deref(),
            Some("囤上千英伟达芯片浮盈即过亿,国产大模型的路更难走了")
        );
    }

    #[test]
    fn empty_input_is_a_document_with_a_warning() {
        let doc = loader().load_bytes("empty.txt", Vec::new()).unwrap();
        assert_eq!(doc.text, "");
        assert_eq!(doc.summary.title, None);
        assert_eq!(
            doc.summary.warnings,
            vec![Warning::Note("empty file: no text".to_string())]
        );
    }

    #[test]
    fn published_prefers_flag_over_header_over_inference() {
        let text = "标题\n    中经网  2023-04-23 22:52\n2022年9月,英伟达发布H100。2023年3月";
        let doc = loader()
            .load_bytes("a.txt", text.as_bytes().to_vec())
            .unwrap();
        assert_eq!(
            (doc.summary.published, doc.summary.published_from),
            ("2023-04-23".parse().ok(), Some(PublishedFrom::Header))
        );
        let opts = LoadOptions {
            published: "2023-10".parse().ok(),
            ..Default::default()
        };
        let doc = Loader::new(opts, &Catalog::embedded())
            .load_bytes("a.txt", text.as_bytes().to_vec())
            .unwrap();
        assert_eq!(doc.summary.published_from, Some(PublishedFrom::Flag));
        let doc = loader()
            .load_bytes(
                "a.txt",
                "2022年9月,英伟达发布H100。2023年3月".as_bytes().to_vec(),
            )
            .unwrap();
        assert_eq!(
            (doc.summary.published, doc.summary.published_from),
            ("2023-03".parse().ok(), Some(PublishedFrom::Inferred))
        );
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(200))]

        /// Any bytes: no panic; text has `\n` breaks only; plain text keeps
        /// its line count (HTML aside).
        #[test]
        fn any_bytes_load_without_panic(bytes in proptest::collection::vec(proptest::prelude::any::<u8>(), 0..600)) {
            let l = shared_loader();
            if let Ok(doc) = l.load_bytes("x.txt", bytes.clone()) {
                proptest::prop_assert!(!doc.text.contains('\r'));
                if doc.line_map.is_empty() && doc.summary.encoding == "UTF-8" && !html::looks_like_html(&doc.text) {
                    let src = String::from_utf8_lossy(&bytes).replace("\r\n", "\n").replace('\r', "\n");
                    let src = src.strip_prefix('\u{FEFF}').unwrap_or(&src);
                    proptest::prop_assert_eq!(doc.text.split('\n').count(), src.split('\n').count());
                }
            }
        }

        /// Chinese text mixing scripts, widths, pinyin and line endings keeps
        /// its lines.
        #[test]
        fn chinese_text_keeps_its_lines(parts in proptest::collection::vec(proptest::sample::select(vec![
            "英偉達(dá)", "國(guó)產(chǎn)", "价格", "１２万", "（BIS）", "\r\n", "\n", "\r", "\u{3000}", "華為昇騰", "反覆", "A800", "(", ")", "發(fā)",
        ]), 0..40)) {
            let text: String = parts.concat();
            let doc = shared_loader().load_bytes("x.txt", text.clone().into_bytes()).unwrap();
            let want = text.replace("\r\n", "\n").replace('\r', "\n").split('\n').count();
            proptest::prop_assert_eq!(doc.text.split('\n').count(), want);
            proptest::prop_assert!(!doc.text.contains("(dá)") && !doc.text.contains("升腾"));
        }
    }

    fn shared_loader() -> &'static Loader {
        static L: std::sync::OnceLock<Loader> = std::sync::OnceLock::new();
        L.get_or_init(loader)
    }
}

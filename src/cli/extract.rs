//! `chipscan extract`: records as JSON, JSON Lines or CSV.
//!
//! Output is streamed: `--format jsonl` and `--format csv` write each
//! document's records as soon as every document before it is done, and
//! `--format json` keeps its `documents` and `records` arrays in memory only
//! up to [`SPOOL_LIMIT`] bytes each, then spools them to a temporary file, so
//! a corpus of any size runs in memory bounded by its largest document.

use std::fs::File;
use std::io::{self, BufWriter, Seek, SeekFrom, Write};
use std::path::PathBuf;
use std::sync::atomic::{AtomicU64, Ordering};

use anyhow::Context;
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use serde::Serialize;

use crate::cli::args::InputArgs;
use crate::cli::{EXIT_ERROR, EXIT_OK, report_error};
use crate::model::{DocSummary, Kind, Record, SCHEMA_VERSION};

/// Extract prices, market shares, chips and export-control events.
///
/// Records are ordered by document, line and kind, so the output is the same
/// byte for byte on every run and for any --jobs. Unreadable inputs are
/// reported on stderr and the others still processed; the exit code is then 2.
#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(flatten)]
    pub input: InputArgs,

    /// Output format: json (envelope with documents and records), jsonl (one
    /// record a line, streamed) or csv (one kind, chosen with --kind, with a
    /// header row; list fields are joined with ';').
    #[arg(long, value_enum, default_value = "json")]
    pub format: Format,

    /// Only these kinds (comma-separated). Each document's `records` count
    /// then counts only these.
    #[arg(long, value_enum, value_delimiter = ',')]
    pub kind: Vec<Kind>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    Json,
    Jsonl,
    Csv,
}

/// Files at or below this count never get a progress bar.
const PROGRESS_MIN_FILES: usize = 50;

pub fn run(args: Args) -> anyhow::Result<u8> {
    let mut kinds = args.kind.clone();
    kinds.sort();
    kinds.dedup();
    if args.format == Format::Csv && kinds.len() != 1 {
        report_error(&format_args!(
            "--format csv writes one kind at a time: add --kind with exactly one of \
             price, share, chip, export_control"
        ));
        return Ok(EXIT_ERROR);
    }
    let pipeline = args.input.pipeline()?;
    let inputs = pipeline.inputs(&args.input.paths);
    let progress = Progress::new(inputs.known_len(), args.input.quiet);

    let stdout = io::stdout();
    let mut writer = ExtractWriter::new(
        BufWriter::with_capacity(1 << 16, stdout.lock()),
        args.format,
        kinds,
    )
    .context("writing the output")?;
    let failed = pipeline.run_inputs(inputs, |res| {
        progress.inc();
        match res {
            Ok(d) => writer.document(d.summary, d.records),
            Err(e) => {
                progress.suspend(|| report_error(&e));
                Ok(())
            }
        }
    });
    progress.finish();
    let failed = failed.context("writing the output")?;
    writer
        .finish()
        .and_then(|mut out| out.flush())
        .context("writing the output")?;
    Ok(if failed { EXIT_ERROR } else { EXIT_OK })
}

/// A progress bar on stderr, shown only when stderr is a terminal, the run
/// has more than [`PROGRESS_MIN_FILES`] files and `--quiet` is not given.
/// JSON Lines documents are not counted ahead: they get a running count.
struct Progress(Option<ProgressBar>);

impl Progress {
    fn new(files: Option<usize>, quiet: bool) -> Progress {
        use std::io::IsTerminal;
        if quiet || !io::stderr().is_terminal() {
            return Progress(None);
        }
        let Some(files) = files else {
            let bar = ProgressBar::with_draw_target(None, ProgressDrawTarget::stderr());
            let style = ProgressStyle::with_template(
                "{elapsed_precise} {human_pos} documents, {per_sec}",
            )
            .unwrap_or_else(|_| ProgressStyle::default_spinner());
            bar.set_style(style);
            return Progress(Some(bar));
        };
        if files <= PROGRESS_MIN_FILES {
            return Progress(None);
        }
        let bar = ProgressBar::with_draw_target(Some(files as u64), ProgressDrawTarget::stderr());
        let style = ProgressStyle::with_template(
            "{elapsed_precise} [{wide_bar}] {human_pos}/{human_len} files, {rate}, ETA {eta}",
        )
        .unwrap_or_else(|_| ProgressStyle::default_bar())
        .with_key(
            "rate",
            |state: &indicatif::ProgressState, w: &mut dyn std::fmt::Write| {
                let _ = write!(w, "{:.0} files/s", state.per_sec());
            },
        )
        .progress_chars("=> ");
        bar.set_style(style);
        Progress(Some(bar))
    }

    fn inc(&self) {
        if let Some(bar) = &self.0 {
            bar.inc(1);
        }
    }

    /// Runs `f` (which prints to stderr) with the bar out of the way.
    fn suspend(&self, f: impl FnOnce()) {
        match &self.0 {
            Some(bar) => bar.suspend(f),
            None => f(),
        }
    }

    fn finish(&self) {
        if let Some(bar) = &self.0 {
            bar.finish_and_clear();
        }
    }
}

/// Writes `extract` output in one [`Format`] to any `io::Write`, one document
/// at a time. Every write error (a closed pipe, a full disk) is returned, never
/// a panic.
pub struct ExtractWriter<W: Write> {
    out: W,
    format: Format,
    /// Kinds to keep; empty keeps all.
    kinds: Vec<Kind>,
    /// `--format json`: the `documents` and `records` array items so far.
    documents: Spool,
    records: Spool,
}

impl<W: Write> ExtractWriter<W> {
    /// For `Format::Csv`, `kinds` must hold exactly one kind; its header row
    /// is written at once.
    pub fn new(mut out: W, format: Format, kinds: Vec<Kind>) -> io::Result<ExtractWriter<W>> {
        if format == Format::Csv {
            let [kind] = kinds[..] else {
                return Err(io::Error::new(
                    io::ErrorKind::InvalidInput,
                    "--format csv needs exactly one --kind",
                ));
            };
            write_csv_row(&mut out, csv_columns(kind).iter().copied())?;
        }
        Ok(ExtractWriter {
            out,
            format,
            kinds,
            documents: Spool::default(),
            records: Spool::default(),
        })
    }

    /// Adds one document (kept in `documents` even without records) and its
    /// records, in order.
    pub fn document(
        &mut self,
        mut summary: DocSummary,
        mut records: Vec<Record>,
    ) -> io::Result<()> {
        if !self.kinds.is_empty() {
            records.retain(|r| self.kinds.contains(&r.kind()));
            summary.records = records.len();
        }
        match self.format {
            Format::Json => {
                write_pretty_item(&mut self.documents, &summary)?;
                for r in &records {
                    write_pretty_item(&mut self.records, r)?;
                }
            }
            Format::Jsonl => {
                for r in &records {
                    serde_json::to_writer(&mut self.out, r)?;
                    self.out.write_all(b"\n")?;
                }
                if !records.is_empty() {
                    // Stream: a reader sees each document's records as it is done.
                    self.out.flush()?;
                }
            }
            Format::Csv => {
                for r in &records {
                    write_csv_record(&mut self.out, r)?;
                }
            }
        }
        Ok(())
    }

    /// Writes what is left (the JSON envelope) and gives the writer back,
    /// not yet flushed.
    pub fn finish(mut self) -> io::Result<W> {
        if self.format == Format::Json {
            // The same bytes as `serde_json::to_writer_pretty(&model::Extract)`.
            write!(
                self.out,
                "{{\n  \"schema_version\": {SCHEMA_VERSION},\n  \"documents\": ["
            )?;
            close_array(&mut self.out, &mut self.documents)?;
            self.out.write_all(b",\n  \"records\": [")?;
            close_array(&mut self.out, &mut self.records)?;
            self.out.write_all(b"\n}\n")?;
        }
        Ok(self.out)
    }
}

fn close_array(out: &mut impl Write, items: &mut Spool) -> io::Result<()> {
    if items.items > 0 {
        items.copy_to(out)?;
        out.write_all(b"\n  ")?;
    }
    out.write_all(b"]")
}

/// Appends `item` as one element of a pretty-printed array nested at depth 2
/// (four spaces), with serde_json's separators.
fn write_pretty_item(spool: &mut Spool, item: &impl Serialize) -> io::Result<()> {
    let json = serde_json::to_vec_pretty(item)?;
    let mut buf = Vec::with_capacity(json.len() + json.len() / 8 + 8);
    buf.extend_from_slice(if spool.items == 0 {
        b"\n    "
    } else {
        b",\n    "
    });
    // JSON strings never hold a raw newline, so every '\n' is a line break.
    for line in json.split_inclusive(|&b| b == b'\n') {
        buf.extend_from_slice(line);
        if line.ends_with(b"\n") {
            buf.extend_from_slice(b"    ");
        }
    }
    spool.items += 1;
    spool.write(&buf)
}

/// Bytes a [`Spool`] keeps in memory before it moves to a temporary file.
pub const SPOOL_LIMIT: usize = 8 << 20;

/// An append-only byte store: in memory up to [`SPOOL_LIMIT`], then in a
/// temporary file that is removed when the spool is dropped (on Unix it is
/// unlinked as soon as it is opened, so even a killed run leaves nothing).
#[derive(Default)]
struct Spool {
    mem: Vec<u8>,
    file: Option<(BufWriter<File>, PathBuf)>,
    items: usize,
}

static SPOOL_SEQ: AtomicU64 = AtomicU64::new(0);

impl Spool {
    fn write(&mut self, bytes: &[u8]) -> io::Result<()> {
        if self.file.is_none() && self.mem.len() + bytes.len() > SPOOL_LIMIT {
            let (file, path) = temp_file()?;
            let mut file = BufWriter::with_capacity(1 << 16, file);
            file.write_all(&self.mem)?;
            self.mem = Vec::new();
            self.file = Some((file, path));
        }
        match &mut self.file {
            Some((file, _)) => file.write_all(bytes),
            None => {
                self.mem.extend_from_slice(bytes);
                Ok(())
            }
        }
    }

    fn copy_to(&mut self, out: &mut impl Write) -> io::Result<()> {
        match &mut self.file {
            Some((file, _)) => {
                file.flush()?;
                let f = file.get_mut();
                f.seek(SeekFrom::Start(0))?;
                io::copy(f, out)?;
                Ok(())
            }
            None => out.write_all(&self.mem),
        }
    }
}

impl Drop for Spool {
    fn drop(&mut self) {
        if let Some((_, path)) = &self.file {
            let _ = std::fs::remove_file(path);
        }
    }
}

fn temp_file() -> io::Result<(File, PathBuf)> {
    let dir = std::env::temp_dir();
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.subsec_nanos());
    let seq = SPOOL_SEQ.fetch_add(1, Ordering::Relaxed);
    let path = dir.join(format!(
        "chipscan-{}-{nanos}-{seq}.spool",
        std::process::id()
    ));
    let file = File::options()
        .read(true)
        .write(true)
        .create_new(true)
        .open(&path)
        .map_err(|e| {
            io::Error::new(
                e.kind(),
                format!("cannot create a temporary file in {}: {e}", dir.display()),
            )
        })?;
    #[cfg(unix)]
    let _ = std::fs::remove_file(&path);
    Ok((file, path))
}

/// The CSV columns of one kind: the kind's fields in RECORDS.md order.
pub fn csv_columns(kind: Kind) -> &'static [&'static str] {
    match kind {
        Kind::Price => &[
            "doc",
            "line",
            "evidence",
            "chip",
            "low",
            "high",
            "currency",
            "qualifier",
            "basis",
            "date",
            "role",
        ],
        Kind::Share => &[
            "doc",
            "line",
            "evidence",
            "subject",
            "percent",
            "qualifier",
            "market",
            "region",
            "year",
            "metric",
        ],
        Kind::Chip => &[
            "doc", "line", "evidence", "chip", "vendor", "mentions", "lines", "known",
        ],
        Kind::ExportControl => &[
            "doc",
            "line",
            "evidence",
            "action",
            "chips",
            "entities",
            "authority",
            "date",
            "effective",
        ],
    }
}

fn write_csv_record(out: &mut impl Write, record: &Record) -> io::Result<()> {
    let value = serde_json::to_value(record)?;
    let cells: Vec<String> = csv_columns(record.kind())
        .iter()
        .map(|col| csv_cell(value.get(*col).unwrap_or(&serde_json::Value::Null)))
        .collect();
    write_csv_row(out, cells.iter().map(String::as_str))
}

/// One JSON value as CSV cell text: null is empty, strings are bare, lists
/// are joined with ';'.
fn csv_cell(v: &serde_json::Value) -> String {
    use serde_json::Value;
    match v {
        Value::Null => String::new(),
        Value::String(s) => s.clone(),
        Value::Array(items) => items.iter().map(csv_cell).collect::<Vec<_>>().join(";"),
        other => other.to_string(),
    }
}

/// Writes one CSV row (RFC 4180 quoting, `\n` line end).
fn write_csv_row<'a>(out: &mut impl Write, cells: impl Iterator<Item = &'a str>) -> io::Result<()> {
    for (i, cell) in cells.enumerate() {
        if i > 0 {
            out.write_all(b",")?;
        }
        write_csv_field(out, cell)?;
    }
    out.write_all(b"\n")
}

/// A field is quoted when it holds a comma, a quote, a line break, or starts
/// or ends with a space; quotes inside are doubled.
fn write_csv_field(out: &mut impl Write, field: &str) -> io::Result<()> {
    let needs_quotes = field
        .bytes()
        .any(|b| matches!(b, b',' | b'"' | b'\n' | b'\r'))
        || field.starts_with(' ')
        || field.ends_with(' ');
    if !needs_quotes {
        return out.write_all(field.as_bytes());
    }
    out.write_all(b"\"")?;
    for (i, part) in field.split('"').enumerate() {
        if i > 0 {
            out.write_all(b"\"\"")?;
        }
        out.write_all(part.as_bytes())?;
    }
    out.write_all(b"\"")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{
        Action, Basis, ChipMention, ExportControl, Extract, PartialDate, Price, Qualifier, Script,
        Share,
    };

    fn summary(doc: &str, title: &str) -> DocSummary {
        DocSummary {
            doc: doc.into(),
            title: Some(title.into()),
            published: Some(PartialDate::month(2023, 10)),
            published_from: Some(crate::model::PublishedFrom::Manifest),
            encoding: "GBK".into(),
            script: Script::Traditional,
            bytes: 14949,
            records: 0,
            warnings: vec!["未知芯片型号 H00".into()],
        }
    }

    fn samples(doc: &str) -> Vec<Record> {
        vec![
            Record::Price(Price {
                doc: doc.into(),
                line: 5,
                evidence: "A800和H800这类芯片，价格从原来的12万左右，涨到了\"25万甚至30万\"".into(),
                chip: "A800".into(),
                low: 250000.0,
                high: 300000.0,
                currency: "CNY".into(),
                qualifier: Some(Qualifier::About),
                basis: Basis::Unit,
                date: Some(PartialDate::month(2023, 10)),
                role: None,
            }),
            Record::Share(Share {
                doc: doc.into(),
                line: 9,
                evidence: "英伟达在中国AI芯片市场的份额高达90%".into(),
                subject: "NVIDIA".into(),
                percent: 90.0,
                qualifier: Some(Qualifier::UpTo),
                market: Some("AI芯片".into()),
                region: Some(crate::model::Region::China),
                year: Some(2023),
                metric: None,
            }),
            Record::Chip(ChipMention {
                doc: doc.into(),
                line: 5,
                evidence: "A800和H800这类芯片".into(),
                chip: "H800".into(),
                vendor: "NVIDIA".into(),
                mentions: 3,
                lines: vec![5, 12, 30],
                known: true,
            }),
            Record::ExportControl(ExportControl {
                doc: doc.into(),
                line: 2,
                evidence: "美国商务部工业与安全局（BIS）发布出口管制新规，A800、H800被禁".into(),
                action: Action::Ban,
                chips: vec!["A800".into(), "H800".into()],
                entities: vec![],
                authority: Some("BIS".into()),
                date: PartialDate::day(2023, 10, 17),
                effective: PartialDate::day(2023, 11, 16),
            }),
        ]
    }

    fn write_all(format: Format, kinds: Vec<Kind>, docs: &[(DocSummary, Vec<Record>)]) -> Vec<u8> {
        let mut w = ExtractWriter::new(Vec::new(), format, kinds).unwrap();
        for (s, r) in docs {
            w.document(s.clone(), r.clone()).unwrap();
        }
        w.finish().unwrap()
    }

    #[test]
    fn json_bytes_match_serde_pretty_exactly() {
        let mut a = summary("corpus/004.txt", "美国升级芯片禁令");
        a.records = 4;
        let docs = vec![
            (a, samples("corpus/004.txt")),
            (summary("corpus/005.txt", "无关文章"), vec![]),
        ];
        let got = write_all(Format::Json, vec![], &docs);
        let want = Extract {
            schema_version: SCHEMA_VERSION,
            documents: docs.iter().map(|(s, _)| s.clone()).collect(),
            records: docs.iter().flat_map(|(_, r)| r.clone()).collect(),
        };
        let mut want = serde_json::to_string_pretty(&want).unwrap();
        want.push('\n');
        assert_eq!(String::from_utf8(got).unwrap(), want);
        let empty = write_all(Format::Json, vec![], &[]);
        let mut want = serde_json::to_string_pretty(&Extract {
            schema_version: SCHEMA_VERSION,
            documents: vec![],
            records: vec![],
        })
        .unwrap();
        want.push('\n');
        assert_eq!(String::from_utf8(empty).unwrap(), want);
    }

    #[test]
    fn kind_filter_keeps_documents_and_counts_only_kept_records() {
        let docs = vec![(summary("a.txt", "标题"), samples("a.txt"))];
        let out = write_all(Format::Json, vec![Kind::Share], &docs);
        let got: Extract = serde_json::from_slice(&out).unwrap();
        assert_eq!(got.documents.len(), 1);
        assert_eq!(got.documents[0].records, 1);
        assert_eq!(got.records.len(), 1);
        assert_eq!(got.records[0].kind(), Kind::Share);
    }

    #[test]
    fn jsonl_lines_are_the_json_records() {
        let docs = vec![
            (summary("a.txt", "标题"), samples("a.txt")),
            (summary("b.txt", "标题"), samples("b.txt")),
        ];
        let json: Extract =
            serde_json::from_slice(&write_all(Format::Json, vec![], &docs)).unwrap();
        let jsonl = String::from_utf8(write_all(Format::Jsonl, vec![], &docs)).unwrap();
        let lines: Vec<Record> = jsonl
            .lines()
            .map(|l| serde_json::from_str(l).unwrap())
            .collect();
        assert_eq!(lines, json.records);
        assert_eq!(lines.len(), 8);
    }

    #[test]
    fn csv_columns_are_each_kinds_fields() {
        for r in samples("a.txt") {
            let v = serde_json::to_value(&r).unwrap();
            let mut keys: Vec<&str> = v
                .as_object()
                .unwrap()
                .keys()
                .map(String::as_str)
                .filter(|k| *k != "kind")
                .collect();
            keys.sort();
            let mut cols = csv_columns(r.kind()).to_vec();
            cols.sort();
            assert_eq!(keys, cols, "{}", r.kind());
        }
    }

    #[test]
    fn csv_quotes_and_joins() {
        let docs = vec![(summary("a,b.txt", "标题"), samples("a,b.txt"))];
        let price = String::from_utf8(write_all(Format::Csv, vec![Kind::Price], &docs)).unwrap();
        assert_eq!(
            price,
            "doc,line,evidence,chip,low,high,currency,qualifier,basis,date,role\n\
             \"a,b.txt\",5,\"A800和H800这类芯片，价格从原来的12万左右，涨到了\"\"25万甚至30万\"\"\",A800,250000.0,300000.0,CNY,about,unit,2023-10,\n"
        );
        let ec =
            String::from_utf8(write_all(Format::Csv, vec![Kind::ExportControl], &docs)).unwrap();
        assert_eq!(
            ec.lines().nth(1).unwrap(),
            "\"a,b.txt\",2,美国商务部工业与安全局（BIS）发布出口管制新规，A800、H800被禁,ban,A800;H800,,BIS,2023-10-17,2023-11-16"
        );
        let chip = String::from_utf8(write_all(Format::Csv, vec![Kind::Chip], &docs)).unwrap();
        assert!(chip.ends_with(",H800,NVIDIA,3,5;12;30,true\n"), "{chip}");
    }

    #[test]
    fn csv_field_quoting() {
        let cell = |s: &str| {
            let mut v = Vec::new();
            write_csv_field(&mut v, s).unwrap();
            String::from_utf8(v).unwrap()
        };
        assert_eq!(cell("英伟达"), "英伟达");
        assert_eq!(cell(""), "");
        assert_eq!(cell("他说\"涨价\""), "\"他说\"\"涨价\"\"\"");
        assert_eq!(cell("第一行\n第二行"), "\"第一行\n第二行\"");
        assert_eq!(cell("a\r"), "\"a\r\"");
        assert_eq!(cell(" 前导空格"), "\" 前导空格\"");
    }

    #[test]
    fn csv_needs_exactly_one_kind() {
        assert!(ExtractWriter::new(Vec::new(), Format::Csv, vec![]).is_err());
        assert!(
            ExtractWriter::new(Vec::new(), Format::Csv, vec![Kind::Price, Kind::Chip]).is_err()
        );
    }

    /// A writer that fails like a closed pipe after `room` bytes.
    struct ClosedPipe {
        room: usize,
    }

    impl Write for ClosedPipe {
        fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
            if self.room == 0 {
                return Err(io::Error::from(io::ErrorKind::BrokenPipe));
            }
            let n = buf.len().min(self.room);
            self.room -= n;
            Ok(n)
        }
        fn flush(&mut self) -> io::Result<()> {
            Ok(())
        }
    }

    #[test]
    fn a_closed_pipe_is_an_error_not_a_panic() {
        for format in [Format::Json, Format::Jsonl, Format::Csv] {
            let kinds = if format == Format::Csv {
                vec![Kind::Price]
            } else {
                vec![]
            };
            let result = (|| {
                let mut w = ExtractWriter::new(ClosedPipe { room: 100 }, format, kinds)?;
                for i in 0..20 {
                    let doc = format!("{i}.txt");
                    w.document(summary(&doc, "标题"), samples(&doc))?;
                }
                w.finish()?.flush()
            })();
            let e = result.expect_err("the pipe is closed");
            assert_eq!(e.kind(), io::ErrorKind::BrokenPipe, "{format:?}");
        }
    }

    #[test]
    fn a_large_json_output_spills_to_a_temp_file_and_comes_back_whole() {
        let mut w = ExtractWriter::new(Vec::new(), Format::Json, vec![]).unwrap();
        let evidence = "英伟达H100在国内的售价一度超过25万元人民币。".repeat(100);
        let mut n = 0;
        while w.records.file.is_none() {
            let doc = format!("corpus/{n:06}.txt");
            let mut recs = samples(&doc);
            for r in &mut recs {
                if let Record::Price(p) = r {
                    p.evidence = evidence.clone();
                }
            }
            w.document(summary(&doc, "标题"), recs).unwrap();
            n += 1;
        }
        let spooled = w.records.file.as_ref().unwrap().1.clone();
        let out = w.finish().unwrap();
        let got: Extract = serde_json::from_slice(&out).unwrap();
        assert_eq!(got.documents.len(), n);
        assert_eq!(got.records.len(), 4 * n);
        assert_eq!(got.documents[n - 1].doc, format!("corpus/{:06}.txt", n - 1));
        assert!(!spooled.exists(), "the spool file is removed");
    }
}

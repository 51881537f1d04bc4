//! A linter for new articles (`chipscan check`): findings per file and
//! line, each with a level and a stable code, printed for people, as JSON, or
//! as GitHub Actions annotations.
//!
//! The codes are part of the interface: CI configurations name them, so a
//! code keeps its meaning forever and a retired code is never reused. They
//! are listed in [`CODES`] (and in `chipscan check --help`).
//!
//! Most checks read the records and the document summary; two read the
//! document warnings that the loader and the extractor write, by their
//! type ([`crate::model::Warning`]), never by their text.

use std::collections::HashSet;
use std::io::{self, Write};

use serde::Serialize;

use crate::load::LoadError;
use crate::model::{Basis, DocSummary, Extract, Record, Warning};

/// How bad a finding is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Level {
    Warning,
    Error,
}

impl Level {
    pub fn as_str(self) -> &'static str {
        match self {
            Level::Warning => "warning",
            Level::Error => "error",
        }
    }
}

/// A finding code: `CS004`, its name `no-records`, its level.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Code {
    pub id: &'static str,
    pub name: &'static str,
    pub level: Level,
    pub what: &'static str,
}

pub const UNDECODABLE: Code = Code {
    id: "CS001",
    name: "undecodable",
    level: Level::Error,
    what: "bytes could not be decoded and were replaced with U+FFFD, or the input is not text in any supported encoding",
};
pub const UNREADABLE: Code = Code {
    id: "CS002",
    name: "unreadable",
    level: Level::Error,
    what: "the input could not be read (exit code 2)",
};
pub const NO_DATE: Code = Code {
    id: "CS003",
    name: "no-date",
    level: Level::Warning,
    what: "no publish date (manifest, --published, header or inference): relative dates stay unresolved",
};
pub const NO_RECORDS: Code = Code {
    id: "CS004",
    name: "no-records",
    level: Level::Error,
    what: "no records at all (off with --allow-empty)",
};
pub const UNKNOWN_CHIP: Code = Code {
    id: "CS005",
    name: "unknown-chip",
    level: Level::Warning,
    what: "a chip-like token the catalog does not know",
};
pub const UNLINKED_PRICE: Code = Code {
    id: "CS006",
    name: "unlinked-price",
    level: Level::Warning,
    what: "a money amount in a price sentence that links to no chip",
};
pub const UNRESOLVED_DATE: Code = Code {
    id: "CS007",
    name: "unresolved-date",
    level: Level::Warning,
    what: "a price or export-control record without a date whose evidence has a relative date (今年, 去年, 现在, ...)",
};
pub const SHARE_RANGE: Code = Code {
    id: "CS008",
    name: "share-out-of-range",
    level: Level::Error,
    what: "a market share below 0% or above 100%",
};
pub const PRICE_RANGE: Code = Code {
    id: "CS009",
    name: "price-out-of-range",
    level: Level::Warning,
    what: "a unit price of a chip below 100 USD or above 10 million USD",
};

/// Every code, in order.
pub const CODES: [Code; 9] = [
    UNDECODABLE,
    UNREADABLE,
    NO_DATE,
    NO_RECORDS,
    UNKNOWN_CHIP,
    UNLINKED_PRICE,
    UNRESOLVED_DATE,
    SHARE_RANGE,
    PRICE_RANGE,
];

/// The codes as `chipscan check --help` shows them (a test keeps this in
/// step with [`CODES`]).
pub const CODES_HELP: &str = "\
Finding codes (stable; a CI configuration may rely on them):
  CS001 undecodable         error    bytes replaced with U+FFFD while decoding, or not text
  CS002 unreadable          error    the input could not be read (exit code 2)
  CS003 no-date             warning  no publish date: relative dates stay unresolved
  CS004 no-records          error    no records at all (off with --allow-empty)
  CS005 unknown-chip        warning  a chip-like token the catalog does not know
  CS006 unlinked-price      warning  a money amount in a price sentence links to no chip
  CS007 unresolved-date     warning  a price or export-control record has no date but
                                     its evidence has a relative date (今年, 去年, 现在...)
  CS008 share-out-of-range  error    a market share below 0% or above 100%
  CS009 price-out-of-range  warning  a unit price below 100 USD or above 10 million USD
                                     (CNY at --usd-cny, default 7.2; HKD 0.128, TWD 0.031,
                                     JPY 0.0067, EUR 1.08, MOP 0.124, MYR 0.22, SGD 0.74,
                                     AUD 0.65, KRW 0.00072, GBP 1.27, CAD 0.72,
                                     THB 0.028, IDR 0.000062, PHP 0.0175, MXN 0.055,
                                     VND 0.00004 USD)

Exit codes: 0 no finding at the failing level (error; warning with --strict),
1 findings at that level, 2 an input could not be read or the usage was wrong.";


/// Relative date words that a resolved record's date would come from.
pub const RELATIVE_DATE_WORDS: [&str; 10] = [
    "今年",
    "去年",
    "前年",
    "明年",
    "本月",
    "上月",
    "上个月",
    "下个月",
    "现在",
    "目前",
];

/// Options of a check run.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct CheckOptions {
    /// Accept documents without records (no CS004).
    pub allow_empty: bool,
    /// CNY per USD for the price range check.
    pub usd_cny: f64,
}

impl Default for CheckOptions {
    fn default() -> Self {
        CheckOptions {
            allow_empty: false,
            usd_cny: DEFAULT_USD_CNY,
        }
    }
}

/// The CNY per USD rate the price range check uses unless told otherwise.
pub const DEFAULT_USD_CNY: f64 = crate::money::DEFAULT_USD_CNY;

/// One finding.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Finding {
    pub doc: String,
    /// 1-based line, when the finding is about a line.
    pub line: Option<u32>,
    pub level: Level,
    /// `CS004`.
    pub code: &'static str,
    /// `no-records`.
    pub name: &'static str,
    pub message: String,
    /// What the finding is about, independent of line numbers (used to
    /// compare with a baseline).
    #[serde(skip)]
    pub key: String,
}

impl Finding {
    fn new(code: Code, doc: &str, line: Option<u32>, message: String, about: &str) -> Finding {
        Finding {
            doc: doc.to_string(),
            line,
            level: code.level,
            code: code.id,
            name: code.name,
            message,
            key: format!("{}\u{1f}{doc}\u{1f}{about}", code.id),
        }
    }
}

/// The finding for an input that could not be read.
pub fn load_error(e: &LoadError) -> Finding {
    let code = if matches!(e, LoadError::Undecodable { .. } | LoadError::Binary { .. }) {
        UNDECODABLE
    } else {
        UNREADABLE
    };
    if let LoadError::Line { path, line, reason } = e {
        let line = u32::try_from(*line).ok();
        return Finding::new(code, path, line, reason.clone(), &format!("{line:?}"));
    }
    let msg = e.to_string();
    let path = e.path();
    let message = msg
        .strip_prefix(&format!("{path}: "))
        .unwrap_or(&msg)
        .to_string();
    Finding::new(code, path, None, message, "")
}

/// A record's identity for the baseline: its kind, document and value
/// fields, without line, evidence or mention counts.
pub fn record_key(r: &Record) -> String {
    let mut v = serde_json::to_value(r).unwrap_or_default();
    if let Some(m) = v.as_object_mut() {
        for k in ["line", "lines", "evidence", "mentions"] {
            m.remove(k);
        }
    }
    v.to_string()
}

/// `amount` of `currency` in USD: CNY at `usd_cny` CNY per USD, the others
/// at fixed approximate rates; `None` for a currency the table lacks.
/// (The rates are the money table's, [`crate::money`].)
pub fn to_usd(amount: f64, currency: &str, usd_cny: f64) -> Option<f64> {
    crate::money::to_usd(amount, currency, usd_cny)
}

/// Findings for one document, in line order (document-level first).
pub fn check_document(
    summary: &DocSummary,
    records: &[Record],
    opts: &CheckOptions,
) -> Vec<Finding> {
    let doc = summary.doc.as_str();
    let mut out = Vec::new();
    // The document warnings, by their type (src/model.rs, Warning).
    for w in &summary.warnings {
        match w {
            Warning::ReplacedBytes { .. } => {
                out.push(Finding::new(UNDECODABLE, doc, w.line(), w.to_string(), &w.key()))
            }
            Warning::UnlinkedPrice { amount, line } => out.push(Finding::new(
                UNLINKED_PRICE,
                doc,
                Some(*line),
                format!("money amount {amount} in a price sentence links to no chip"),
                &w.key(),
            )),
            // CS005 comes from the chip records with `known: false`, which
            // carry the same token as Warning::UnknownChip.
            _ => {}
        }
    }
    if summary.published.is_none() {
        let count = summary.warnings.iter().find_map(|w| match w {
            Warning::UnresolvedDates { count } => Some(*count),
            _ => None,
        });
        let mut message =
            "no publish date: relative dates (今年, 去年年底) cannot be resolved".to_string();
        if let Some(n) = count {
            message.push_str(&format!(" ({n} in the text)"));
        }
        message.push_str("; add it to manifest.json or pass --published");
        out.push(Finding::new(NO_DATE, doc, None, message, ""));
    }
    if records.is_empty() && !opts.allow_empty {
        out.push(Finding::new(
            NO_RECORDS,
            doc,
            None,
            "no records extracted".into(),
            "",
        ));
    }
    for r in records {
        let key = record_key(r);
        match r {
            Record::Chip(c) if !c.known => out.push(Finding::new(
                UNKNOWN_CHIP,
                doc,
                Some(c.line),
                format!(
                    "chip-like token {} is not in the catalog (add it with --catalog FILE)",
                    c.chip
                ),
                &key,
            )),
            Record::Share(s) if !(0.0..=100.0).contains(&s.percent) => out.push(Finding::new(
                SHARE_RANGE,
                doc,
                Some(s.line),
                format!(
                    "market share of {} is {}%, outside 0-100",
                    s.subject, s.percent
                ),
                &key,
            )),
            Record::Price(p) => {
                if p.basis == Basis::Unit {
                    let low = to_usd(p.low, &p.currency, opts.usd_cny);
                    let high = to_usd(p.high, &p.currency, opts.usd_cny);
                    if let (Some(low), Some(high)) = (low, high) {
                        if low < 100.0 || high > 10_000_000.0 {
                            out.push(Finding::new(
                                PRICE_RANGE,
                                doc,
                                Some(p.line),
                                format!(
                                    "unit price of {} is {}-{} {} (about {:.0}-{:.0} USD), outside 100 USD-10 million USD",
                                    p.chip, p.low, p.high, p.currency, low, high
                                ),
                                &key,
                            ));
                        }
                    }
                }
                // The before side of a move (从12万涨到25万) is older than the
                // relative date word, which dates the after side.
                if p.date.is_none() && p.role != Some(crate::model::Role::Before) {
                    unresolved(&mut out, doc, r, &format!("price of {}", p.chip), &key);
                }
            }
            Record::ExportControl(e) if e.date.is_none() => unresolved(
                &mut out,
                doc,
                r,
                &format!("export-control event ({})", e.action.as_str()),
                &key,
            ),
            _ => {}
        }
    }
    out.sort_by_key(|f| f.line);
    out
}

fn unresolved(out: &mut Vec<Finding>, doc: &str, r: &Record, what: &str, key: &str) {
    if let Some(word) = RELATIVE_DATE_WORDS
        .iter()
        .find(|w| r.evidence().contains(*w))
    {
        out.push(Finding::new(
            UNRESOLVED_DATE,
            doc,
            Some(r.line()),
            format!("{what} has no date although the text says {word}"),
            key,
        ));
    }
}

/// The finding keys of an earlier `extract --format json` output: findings
/// with these keys are not new.
pub fn baseline_keys(baseline: &Extract, opts: &CheckOptions) -> HashSet<String> {
    let mut by_doc: std::collections::HashMap<&str, Vec<Record>> = std::collections::HashMap::new();
    for r in &baseline.records {
        by_doc.entry(r.doc()).or_default().push(r.clone());
    }
    let mut keys = HashSet::new();
    for summary in &baseline.documents {
        let records = by_doc
            .get(summary.doc.as_str())
            .map_or(&[][..], Vec::as_slice);
        keys.extend(
            check_document(summary, records, opts)
                .into_iter()
                .map(|f| f.key),
        );
    }
    keys
}

/// Output format of `chipscan check`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// `path:line: error[CS004 no-records]: message`, then a summary line.
    Human,
    /// One JSON object: `findings`, and counts.
    Json,
    /// GitHub Actions workflow commands (`::error file=…,line=…::message`).
    Github,
}

/// Counts for the summary.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Summary {
    pub documents: usize,
    pub errors: usize,
    pub warnings: usize,
}

impl Summary {
    pub fn of(findings: &[Finding], documents: usize) -> Summary {
        Summary {
            documents,
            errors: findings.iter().filter(|f| f.level == Level::Error).count(),
            warnings: findings
                .iter()
                .filter(|f| f.level == Level::Warning)
                .count(),
        }
    }
}

/// Prints findings in `format`.
pub fn write(
    findings: &[Finding],
    summary: Summary,
    format: Format,
    out: &mut dyn Write,
) -> io::Result<()> {
    match format {
        Format::Human => {
            for f in findings {
                match f.line {
                    Some(l) => write!(out, "{}:{l}: ", f.doc)?,
                    None => write!(out, "{}: ", f.doc)?,
                }
                writeln!(
                    out,
                    "{}[{} {}]: {}",
                    f.level.as_str(),
                    f.code,
                    f.name,
                    f.message
                )?;
            }
            let plural = |n: usize, w: &str| format!("{n} {w}{}", if n == 1 { "" } else { "s" });
            writeln!(
                out,
                "{}, {} in {}",
                plural(summary.errors, "error"),
                plural(summary.warnings, "warning"),
                plural(summary.documents, "document")
            )
        }
        Format::Json => {
            #[derive(Serialize)]
            struct Out<'a> {
                findings: &'a [Finding],
                #[serde(flatten)]
                summary: Summary,
            }
            serde_json::to_writer_pretty(&mut *out, &Out { findings, summary })?;
            writeln!(out)
        }
        Format::Github => {
            for f in findings {
                write!(out, "::{} file={}", f.level.as_str(), gh_property(&f.doc))?;
                if let Some(l) = f.line {
                    write!(out, ",line={l}")?;
                }
                writeln!(
                    out,
                    ",title={}::{}",
                    gh_property(&format!("{} {}", f.code, f.name)),
                    gh_data(&f.message)
                )?;
            }
            Ok(())
        }
    }
}

/// Escapes the message of a workflow command.
fn gh_data(s: &str) -> String {
    s.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// Escapes a property value of a workflow command.
fn gh_property(s: &str) -> String {
    gh_data(s).replace(':', "%3A").replace(',', "%2C")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Action, PartialDate};
    use crate::report::tests::{chip, doc, event, price, share};

    fn codes(f: &[Finding]) -> Vec<&str> {
        f.iter().map(|f| f.code).collect()
    }

    #[test]
    fn every_code_is_in_the_help_and_codes_are_unique() {
        let mut ids: Vec<&str> = CODES.iter().map(|c| c.id).collect();
        ids.dedup();
        assert_eq!(ids.len(), CODES.len());
        for c in CODES {
            let line = format!("{} {}", c.id, c.name);
            assert!(CODES_HELP.contains(&line), "{line}");
            assert!(
                CODES_HELP.contains(&format!("{:<26}{}", line, c.level.as_str())),
                "{line} level"
            );
        }
    }

    #[test]
    fn a_clean_document_has_no_findings() {
        let d = doc(
            "a.txt",
            vec![price("a.txt", 13, "A800", 120000.0, 120000.0, "CNY", None)],
        );
        assert!(check_document(&d.summary, &d.records, &CheckOptions::default()).is_empty());
    }

    #[test]
    fn empty_undated_documents_are_reported() {
        let mut d = doc("a.txt", vec![]);
        d.summary.published = None;
        d.summary
            .warnings
            .push(Warning::ReplacedBytes { count: 3, encoding: "GBK".into() });
        let f = check_document(&d.summary, &d.records, &CheckOptions::default());
        assert_eq!(codes(&f), ["CS001", "CS003", "CS004"]);
        let f = check_document(
            &d.summary,
            &d.records,
            &CheckOptions {
                allow_empty: true,
                ..Default::default()
            },
        );
        assert_eq!(codes(&f), ["CS001", "CS003"]);
    }

    #[test]
    fn records_are_checked() {
        let mut undated = price("a.txt", 5, "A800", 120000.0, 120000.0, "CNY", None);
        if let Record::Price(p) = &mut undated {
            p.date = None;
            p.evidence = "今年A800的价格约12万元".into();
        }
        // The before side of a move has no date of its own: not flagged.
        let mut before = price(
            "a.txt",
            5,
            "A800",
            80000.0,
            80000.0,
            "CNY",
            Some(crate::model::Role::Before),
        );
        if let Record::Price(p) = &mut before {
            p.date = None;
            p.evidence = "现在A800的价格从8万元涨到了12万元".into();
        }
        let mut event_undated = event("a.txt", 9, Action::Ban, &["A100"], None);
        if let Record::ExportControl(e) = &mut event_undated {
            e.evidence = "目前A100已被禁售".into();
        }
        let mut d = doc(
            "a.txt",
            vec![
                undated,
                before,
                price("a.txt", 6, "H100", 65.0, 65.0, "USD", None),
                price("a.txt", 7, "H100", 80_000_000.0, 80_000_000.0, "CNY", None),
                share("a.txt", 8, "NVIDIA", 120.0, Some(2023)),
                event_undated,
                event("a.txt", 10, Action::Ban, &["A100"], None),
                chip("a.txt", "H00", "", 1, false),
            ],
        );
        d.summary
            .warnings
            .push(Warning::UnlinkedPrice { amount: "3万元".into(), line: 12 });
        let f = check_document(&d.summary, &d.records, &CheckOptions::default());
        assert_eq!(
            codes(&f),
            [
                "CS005", "CS007", "CS009", "CS009", "CS008", "CS007", "CS006"
            ],
            "{f:#?}"
        );
        assert_eq!(f.last().unwrap().line, Some(12));
        assert!(f.last().unwrap().message.contains("3万元"), "{f:#?}");
        // 80 million CNY at 7.2 is 11.1 million USD; at 10 it is 8 million.
        let f = check_document(
            &d.summary,
            &d.records,
            &CheckOptions {
                usd_cny: 10.0,
                ..Default::default()
            },
        );
        assert_eq!(f.iter().filter(|f| f.code == "CS009").count(), 1);
    }

    #[test]
    fn the_baseline_hides_unchanged_findings_even_when_lines_move() {
        let mut old = doc("a.txt", vec![chip("a.txt", "H00", "", 1, false)]);
        old.summary.published = None;
        let base = Extract {
            schema_version: 1,
            documents: vec![old.summary.clone()],
            records: old.records.clone(),
        };
        let keys = baseline_keys(&base, &CheckOptions::default());
        let mut moved = chip("a.txt", "H00", "", 2, false);
        if let Record::Chip(c) = &mut moved {
            c.line = 40;
        }
        let mut new = doc("a.txt", vec![moved, chip("a.txt", "X9", "", 1, false)]);
        new.summary.published = None;
        let f: Vec<Finding> = check_document(&new.summary, &new.records, &CheckOptions::default())
            .into_iter()
            .filter(|f| !keys.contains(&f.key))
            .collect();
        assert_eq!(f.len(), 1, "{f:#?}");
        assert!(f[0].message.contains("X9"));
    }

    #[test]
    fn github_annotations_escape_their_fields() {
        let f = vec![Finding::new(
            NO_RECORDS,
            "dir,x/a:b.txt",
            Some(3),
            "50% of\nit".into(),
            "",
        )];
        let mut out = Vec::new();
        write(&f, Summary::of(&f, 1), Format::Github, &mut out).unwrap();
        assert_eq!(
            String::from_utf8(out).unwrap(),
            "::error file=dir%2Cx/a%3Ab.txt,line=3,title=CS004 no-records::50%25 of%0Ait\n"
        );
    }

    #[test]
    fn human_output_names_file_line_level_and_code() {
        let mut d = doc("a.txt", vec![]);
        d.summary.published = Some(PartialDate::year(2023));
        let f = check_document(&d.summary, &d.records, &CheckOptions::default());
        let mut out = Vec::new();
        write(&f, Summary::of(&f, 1), Format::Human, &mut out).unwrap();
        assert_eq!(
            String::from_utf8(out).unwrap(),
            "a.txt: error[CS004 no-records]: no records extracted\n1 error, 0 warnings in 1 document\n"
        );
    }
}

//! Printing a [`Report`]: terminal tables (comfy-table, widths measured in
//! terminal columns so Chinese text lines up), Markdown, CSV and JSON.
//!
//! Every printer writes to any [`io::Write`].
//!
//! - `table`: one titled table per section, wrapped to [`TermStyle::width`],
//!   ASCII borders (box-drawing characters are double width in many CJK
//!   terminals), colour only when [`TermStyle::color`] is set;
//! - `markdown`: a `##` heading and a pipe table per section;
//! - `csv`: per section, a header row then one row per record with numbers
//!   unformatted (low and high apart, percents without `%`); sections are
//!   separated by one blank line;
//! - `json`: the [`Report`] serialized, one object whose keys are the
//!   sections asked for (`prices`, `shares`, `export_controls`, `chips`).

use std::cell::RefCell;
use std::collections::{BTreeSet, HashMap};
use std::io::{self, Write};

use comfy_table::{Attribute, Cell, Color, ColumnConstraint, ContentArrangement, Table, Width};

use super::{Amount, ChipMatrix, EventRow, PriceRow, Report, ShareRow};
use crate::model::{Basis, Qualifier, Region, Role};

/// Output format of `chipscan report`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    Table,
    Markdown,
    Csv,
    Json,
    // One self-contained page: charts and tables (see `super::html`).
    Html,
}

/// How terminal tables look.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TermStyle {
    /// Columns to wrap tables to.
    pub width: u16,
    /// ANSI colours (a TTY without `NO_COLOR`).
    pub color: bool,
}

impl Default for TermStyle {
    fn default() -> Self {
        TermStyle {
            width: 80,
            color: false,
        }
    }
}

impl TermStyle {
    /// The style for stdout: on a terminal its width (or `COLUMNS`) and
    /// colour unless `NO_COLOR` is set; otherwise 80 columns, no colour.
    pub fn for_stdout() -> TermStyle {
        use std::io::IsTerminal;
        let tty = io::stdout().is_terminal();
        let columns = std::env::var("COLUMNS")
            .ok()
            .and_then(|c| c.trim().parse::<u16>().ok());
        let width = match (tty, columns) {
            (true, Some(c)) if c >= 20 => c,
            // comfy-table asks the terminal for its size.
            (true, _) => Table::new().width().unwrap_or(80),
            (false, _) => 80,
        };
        let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
        TermStyle {
            width,
            color: tty && !no_color,
        }
    }
}

/// How a cell is highlighted in colour.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Mark {
    Plain,
    /// A disagreement or an unknown chip.
    Alert,
}

/// A section laid out as text cells.
pub(super) struct Grid {
    pub title: String,
    pub headers: Vec<String>,
    pub rows: Vec<Vec<(String, Mark)>>,
    /// Lines printed under the table (legend).
    pub notes: Vec<String>,
}

/// Prints `report` in `format`. Sections come in the order prices, shares,
/// export controls, chips; a section left out of the report is not printed.
pub fn render(
    report: &Report,
    format: Format,
    style: TermStyle,
    out: &mut dyn Write,
) -> io::Result<()> {
    if format == Format::Json {
        serde_json::to_writer_pretty(&mut *out, report)?;
        return out.write_all(b"\n");
    }
    if format == Format::Html {
        return super::html::write_html(report, out);
    }
    let human = format != Format::Csv;
    let docs = Docs::new(human, &report.documents);
    let mut grids = Vec::new();
    if let Some(rows) = &report.prices {
        grids.push(price_grid(rows, report.with_cny, &docs));
    }
    if let Some(rows) = &report.shares {
        grids.push(share_grid(rows, &docs));
    }
    if let Some(rows) = &report.export_controls {
        grids.push(event_grid(rows, &docs));
    }
    if let Some(m) = &report.chips {
        grids.push(chip_grid(m, &docs));
    }
    for (i, g) in grids.iter().enumerate() {
        if i > 0 {
            out.write_all(b"\n")?;
        }
        match format {
            Format::Table => write_table(g, style, out)?,
            Format::Markdown => write_markdown(g, out)?,
            Format::Csv => write_csv(g, out)?,
            Format::Json | Format::Html => unreachable!("handled above"),
        }
    }
    // The legend of the document labels, once for all tables.
    if human && !docs.used.borrow().is_empty() {
        let md = format == Format::Markdown;
        writeln!(out, "\n{}", if md { "Documents:  " } else { "Documents:" })?;
        for &j in docs.used.borrow().iter() {
            let path = docs.paths[j].as_str();
            let path = if path == "-" {
                "- (standard input)"
            } else {
                path
            };
            let line = format!("  D{} = {path}", j + 1);
            writeln!(
                out,
                "{}",
                if md {
                    format!("{}  ", md_escape(line.trim()))
                } else {
                    line
                }
            )?;
        }
    }
    Ok(())
}

/// How documents are named: `D1`, `D2`, ... in tables and Markdown (the
/// labels used are listed under the tables), their paths in CSV.
pub(super) struct Docs<'a> {
    human: bool,
    pub paths: &'a [String],
    index: HashMap<&'a str, usize>,
    pub used: RefCell<BTreeSet<usize>>,
}

impl<'a> Docs<'a> {
    pub fn new(human: bool, paths: &'a [String]) -> Docs<'a> {
        let mut index = HashMap::new();
        for (j, p) in paths.iter().enumerate() {
            index.entry(p.as_str()).or_insert(j);
        }
        Docs {
            human,
            paths,
            index,
            used: RefCell::new(BTreeSet::new()),
        }
    }

    pub fn label(&self, doc: &str) -> String {
        match self.index.get(doc) {
            Some(&j) if self.human => {
                self.used.borrow_mut().insert(j);
                format!("D{}", j + 1)
            }
            _ => doc.to_string(),
        }
    }

    /// `D1:13`, or `path:13` in CSV.
    pub fn source(&self, doc: &str, line: u32) -> String {
        format!("{}:{line}", self.label(doc))
    }
}

/// `~` about, `>` over, `<` under, `≤` up to: a prefix to an amount.
fn qualifier_sign(q: Option<Qualifier>) -> &'static str {
    match q {
        None => "",
        Some(Qualifier::About) => "~",
        Some(Qualifier::Over) => ">",
        Some(Qualifier::Under) => "<",
        Some(Qualifier::UpTo) => "≤",
    }
}

const QUALIFIER_LEGEND: &str = "~ about, > over, < under, ≤ up to (the text's qualifier).";

/// `1 chip`, `2 chips`.
fn plural(n: usize, word: &str) -> String {
    format!("{n} {word}{}", if n == 1 { "" } else { "s" })
}

/// `120,000`, `1,234.5`.
pub fn fmt_number(x: f64) -> String {
    let neg = x < 0.0;
    let x = x.abs();
    let rounded = (x * 100.0).round() / 100.0;
    let int = rounded.trunc() as u64;
    let frac = rounded - int as f64;
    let digits = int.to_string();
    let mut s = String::new();
    for (i, ch) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            s.push(',');
        }
        s.push(ch);
    }
    if frac > 0.0 {
        let f = format!("{frac:.2}");
        s.push_str(f.trim_start_matches('0').trim_end_matches('0'));
    }
    if neg { format!("-{s}") } else { s }
}

/// Plain number for CSV: `120000`, `47.2`.
fn raw_number(x: f64) -> String {
    let r = (x * 1e6).round() / 1e6;
    if r.fract() == 0.0 && r.abs() < 1e15 {
        format!("{}", r as i64)
    } else {
        format!("{r}")
    }
}

fn fmt_range(low: f64, high: f64) -> String {
    if low == high {
        fmt_number(low)
    } else {
        format!("{}-{}", fmt_number(low), fmt_number(high))
    }
}

fn fmt_pct(p: f64) -> String {
    let r = p.round();
    let sign = if r > 0.0 { "+" } else { "" };
    format!("{sign}{r}%")
}

fn qualifier(q: Option<Qualifier>) -> &'static str {
    match q {
        None => "",
        Some(Qualifier::About) => "about",
        Some(Qualifier::Over) => "over",
        Some(Qualifier::Under) => "under",
        Some(Qualifier::UpTo) => "up_to",
    }
}

fn basis(b: Basis) -> &'static str {
    match b {
        Basis::Unit => "unit",
        Basis::System => "system",
        Basis::RentMonth => "rent_month",
        Basis::RentHour => "rent_hour",
    }
}

fn region(r: Option<Region>) -> &'static str {
    match r {
        None => "",
        Some(Region::Global) => "global",
        Some(Region::China) => "china",
    }
}

fn opt<T: ToString>(x: &Option<T>) -> String {
    x.as_ref().map(T::to_string).unwrap_or_default()
}

/// `a → b`, or `a` when both sides read the same.
fn arrow(before: &str, after: &str) -> String {
    if before == after {
        after.to_string()
    } else {
        format!("{before} → {after}")
    }
}

fn plain(cells: Vec<String>) -> Vec<(String, Mark)> {
    cells.into_iter().map(|c| (c, Mark::Plain)).collect()
}

pub(super) fn price_grid(rows: &[PriceRow], with_cny: bool, docs: &Docs) -> Grid {
    let human = docs.human;
    let mut headers: Vec<&str> = if human {
        vec!["chip", "vendor", "date", "price", "cur", "basis", "change"]
    } else {
        vec![
            "chip",
            "vendor",
            "date",
            "before_date",
            "before_low",
            "before_high",
            "before_qualifier",
            "low",
            "high",
            "currency",
            "qualifier",
            "basis",
            "role",
            "change_low_pct",
            "change_high_pct",
        ]
    };
    if with_cny {
        headers.extend(if human {
            &["CNY"][..]
        } else {
            &["cny_low", "cny_high", "before_cny_low", "before_cny_high"][..]
        });
    }
    headers.extend(if human {
        &["source"][..]
    } else {
        &["doc", "line"][..]
    });
    let body = rows
        .iter()
        .map(|r| {
            let mut c = vec![r.chip.clone(), opt(&r.vendor)];
            if human {
                let b: Option<&Amount> = r.before.as_ref();
                c.push(opt(&r.date));
                let shown = |a: &Amount| {
                    format!(
                        "{}{}",
                        qualifier_sign(a.qualifier),
                        fmt_range(a.low, a.high)
                    )
                };
                let price = match (b, r.role) {
                    (Some(b), _) => format!("{} → {}", shown(b), shown(&r.price)),
                    (None, Some(Role::Before)) => format!("{} → ?", shown(&r.price)),
                    (None, Some(Role::After)) => format!("? → {}", shown(&r.price)),
                    (None, None) => shown(&r.price),
                };
                c.push(price);
                c.push(match b {
                    Some(b) => arrow(&b.currency, &r.price.currency),
                    None => r.price.currency.clone(),
                });
                c.push(basis(r.basis).to_string());
                c.push(match r.change_pct {
                    Some((lo, hi)) if fmt_pct(lo) == fmt_pct(hi) => fmt_pct(lo),
                    Some((lo, hi)) => {
                        format!("{} to {}", fmt_pct(lo), fmt_pct(hi))
                    }
                    None => String::new(),
                });
                if with_cny {
                    c.push(
                        r.cny
                            .map(|a| fmt_range(a.0.round(), a.1.round()))
                            .unwrap_or_default(),
                    );
                }
                c.push(docs.source(&r.source.doc, r.source.line));
            } else {
                let b = r.before.as_ref();
                c.push(opt(&r.date));
                c.push(opt(&r.before_date));
                c.push(b.map(|b| raw_number(b.low)).unwrap_or_default());
                c.push(b.map(|b| raw_number(b.high)).unwrap_or_default());
                c.push(
                    b.map(|b| qualifier(b.qualifier).to_string())
                        .unwrap_or_default(),
                );
                c.push(raw_number(r.price.low));
                c.push(raw_number(r.price.high));
                c.push(r.price.currency.clone());
                c.push(qualifier(r.price.qualifier).to_string());
                c.push(basis(r.basis).to_string());
                c.push(match (r.role, b) {
                    (Some(Role::Before), _) => "before".into(),
                    (Some(Role::After), _) | (None, Some(_)) => "after".into(),
                    (None, None) => String::new(),
                });
                c.push(
                    r.change_pct
                        .map(|p| raw_number((p.0 * 10.0).round() / 10.0))
                        .unwrap_or_default(),
                );
                c.push(
                    r.change_pct
                        .map(|p| raw_number((p.1 * 10.0).round() / 10.0))
                        .unwrap_or_default(),
                );
                if with_cny {
                    for v in [
                        r.cny.map(|x| x.0),
                        r.cny.map(|x| x.1),
                        r.before_cny.map(|x| x.0),
                        r.before_cny.map(|x| x.1),
                    ] {
                        c.push(v.map(|v| raw_number(v.round())).unwrap_or_default());
                    }
                }
                c.push(r.source.doc.clone());
                c.push(r.source.line.to_string());
            }
            plain(c)
        })
        .collect();
    let mut notes = Vec::new();
    if human {
        if rows.iter().any(|r| r.before.is_some() || r.role.is_some()) {
            notes.push(
                "A move (从X涨到Y) shows before → after; change: low to low, high to high.".into(),
            );
        }
        if rows.iter().any(|r| {
            r.price.qualifier.is_some() || r.before.as_ref().is_some_and(|b| b.qualifier.is_some())
        }) {
            notes.push(QUALIFIER_LEGEND.into());
        }
        if with_cny {
            notes.push(
                "CNY: the price (after a move) at the --usd-cny rate; blank for other currencies."
                    .into(),
            );
        }
    }
    Grid {
        title: format!("Prices by chip ({})", rows.len()),
        headers: headers.iter().map(|s| s.to_string()).collect(),
        rows: body,
        notes,
    }
}

fn fmt_share(p: f64) -> String {
    format!("{}%", fmt_number(p))
}

pub(super) fn share_grid(rows: &[ShareRow], docs: &Docs) -> Grid {
    let human = docs.human;
    let headers: Vec<&str> = if human {
        vec![
            "subject",
            "market",
            "region",
            "year",
            "share",
            "source",
            "disagrees",
        ]
    } else {
        vec![
            "subject",
            "market",
            "region",
            "year",
            "percent",
            "qualifier",
            "doc",
            "line",
            "disagrees_with",
        ]
    };
    let body = rows
        .iter()
        .map(|r| {
            let mut c = vec![
                (r.subject.clone(), Mark::Plain),
                (opt(&r.market), Mark::Plain),
                (region(r.region).to_string(), Mark::Plain),
                (opt(&r.year), Mark::Plain),
            ];
            let alert = if r.disagrees_with.is_empty() {
                Mark::Plain
            } else {
                Mark::Alert
            };
            if human {
                c.push((
                    format!("{}{}", qualifier_sign(r.qualifier), fmt_share(r.percent)),
                    alert,
                ));
                c.push((docs.source(&r.source.doc, r.source.line), Mark::Plain));
                let others: Vec<String> = r
                    .disagrees_with
                    .iter()
                    .map(|o| {
                        format!(
                            "≠ {} {}",
                            fmt_share(o.percent),
                            docs.source(&o.source.doc, o.source.line)
                        )
                    })
                    .collect();
                c.push((others.join("\n"), alert));
            } else {
                c.push((raw_number(r.percent), Mark::Plain));
                c.push((qualifier(r.qualifier).to_string(), Mark::Plain));
                c.push((r.source.doc.clone(), Mark::Plain));
                c.push((r.source.line.to_string(), Mark::Plain));
                let others: Vec<String> = r
                    .disagrees_with
                    .iter()
                    .map(|o| format!("{} ({})", raw_number(o.percent), o.source))
                    .collect();
                c.push((others.join("; "), Mark::Plain));
            }
            c
        })
        .collect();
    let mut notes = Vec::new();
    if human {
        let n = rows.iter().filter(|r| !r.disagrees_with.is_empty()).count();
        if n > 0 {
            notes.push(format!(
                "≠: {n} claim(s) disagree with another document (same subject, market, year)."
            ));
        }
        if rows.iter().any(|r| r.qualifier.is_some()) {
            notes.push(QUALIFIER_LEGEND.into());
        }
    }
    Grid {
        title: format!("Market shares ({})", rows.len()),
        headers: headers.iter().map(|s| s.to_string()).collect(),
        rows: body,
        notes,
    }
}

pub(super) fn event_grid(rows: &[EventRow], docs: &Docs) -> Grid {
    let human = docs.human;
    let headers: Vec<&str> = if human {
        vec!["date", "action", "chips", "authority", "sources"]
    } else {
        vec![
            "date",
            "action",
            "chips",
            "entities",
            "authority",
            "effective",
            "sources",
        ]
    };
    let join_dates =
        |ds: &[crate::model::PartialDate]| ds.iter().map(|d| d.to_string()).collect::<Vec<_>>();
    let body = rows
        .iter()
        .map(|r| {
            let dates = join_dates(&r.dates);
            let several = r.dates.len() > 1;
            if human {
                let mut date = dates.join(" / ");
                if !r.effective.is_empty() {
                    date.push_str(&format!(
                        "\neffective {}",
                        join_dates(&r.effective).join(" / ")
                    ));
                }
                let mut chips = r.chips.join(", ");
                if !r.entities.is_empty() {
                    if !chips.is_empty() {
                        chips.push('\n');
                    }
                    chips.push_str(&format!("entities: {}", r.entities.join(", ")));
                }
                let sources: Vec<String> = r
                    .sources
                    .iter()
                    .map(|s| {
                        let src = docs.source(&s.doc, s.line);
                        match (several, s.date) {
                            (true, Some(d)) => format!("{src} ({d})"),
                            (true, None) => format!("{src} (undated)"),
                            (false, _) => src,
                        }
                    })
                    .collect();
                vec![
                    (date, if several { Mark::Alert } else { Mark::Plain }),
                    (r.action.as_str().to_string(), Mark::Plain),
                    (chips, Mark::Plain),
                    (r.authorities.join(", "), Mark::Plain),
                    (sources.join("\n"), Mark::Plain),
                ]
            } else {
                let sources: Vec<String> = r
                    .sources
                    .iter()
                    .map(|s| match s.date {
                        Some(d) => format!("{}:{}@{d}", s.doc, s.line),
                        None => format!("{}:{}", s.doc, s.line),
                    })
                    .collect();
                plain(vec![
                    dates.join(" / "),
                    r.action.as_str().to_string(),
                    r.chips.join("; "),
                    r.entities.join("; "),
                    r.authorities.join("; "),
                    join_dates(&r.effective).join(" / "),
                    sources.join("; "),
                ])
            }
        })
        .collect();
    let mut notes = Vec::new();
    if human && rows.iter().any(|r| r.dates.len() > 1) {
        notes.push(
            "a / b: the sources date the event differently; each source shows its date.".into(),
        );
    }
    Grid {
        title: format!("Export-control timeline ({})", plural(rows.len(), "event")),
        headers: headers.iter().map(|s| s.to_string()).collect(),
        rows: body,
        notes,
    }
}

/// Above this many documents, tables and Markdown show per chip the
/// documents that mention it most instead of a column per document.
pub const MATRIX_MAX_DOCS: usize = 10;

pub(super) fn chip_grid(m: &ChipMatrix, docs: &Docs) -> Grid {
    let human = docs.human;
    if human && m.documents.len() > MATRIX_MAX_DOCS {
        return chip_summary_grid(m, docs);
    }
    let mut headers = vec!["chip".to_string(), "vendor".to_string()];
    if !human {
        headers.push("known".into());
    }
    for d in &m.documents {
        headers.push(docs.label(d));
    }
    headers.push("total".into());
    let body = m
        .rows
        .iter()
        .map(|r| {
            let mut c = Vec::new();
            if human {
                let mark = if r.known { Mark::Plain } else { Mark::Alert };
                c.push((
                    if r.known {
                        r.chip.clone()
                    } else {
                        format!("{} ?", r.chip)
                    },
                    mark,
                ));
            } else {
                c.push((r.chip.clone(), Mark::Plain));
            }
            c.push((r.vendor.clone(), Mark::Plain));
            if !human {
                c.push((r.known.to_string(), Mark::Plain));
            }
            for n in &r.counts {
                c.push((
                    if human && *n == 0 {
                        ".".to_string()
                    } else {
                        n.to_string()
                    },
                    Mark::Plain,
                ));
            }
            c.push((r.total.to_string(), Mark::Plain));
            c
        })
        .collect();
    let mut notes = Vec::new();
    if human && m.rows.iter().any(|r| !r.known) {
        notes.push("? = a chip-like token the catalog does not know".into());
    }
    Grid {
        title: format!(
            "Chips by document ({}, {})",
            plural(m.rows.len(), "chip"),
            plural(m.documents.len(), "document")
        ),
        headers,
        rows: body,
        notes,
    }
}

/// Chips by document for many documents: per chip, how many documents name
/// it, the total, and the documents that name it most.
fn chip_summary_grid(m: &ChipMatrix, docs: &Docs) -> Grid {
    let headers = ["chip", "vendor", "docs", "total", "most in"]
        .map(String::from)
        .to_vec();
    let body = m
        .rows
        .iter()
        .map(|r| {
            let mut top: Vec<(usize, u32)> = r
                .counts
                .iter()
                .copied()
                .enumerate()
                .filter(|(_, n)| *n > 0)
                .collect();
            top.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
            let most: Vec<String> = top
                .iter()
                .take(3)
                .map(|&(j, n)| format!("{} ({n})", docs.label(&m.documents[j])))
                .collect();
            let chip = if r.known {
                r.chip.clone()
            } else {
                format!("{} ?", r.chip)
            };
            vec![
                (chip, if r.known { Mark::Plain } else { Mark::Alert }),
                (r.vendor.clone(), Mark::Plain),
                (top.len().to_string(), Mark::Plain),
                (r.total.to_string(), Mark::Plain),
                (most.join(", "), Mark::Plain),
            ]
        })
        .collect();
    let mut notes =
        vec!["Mentions per document for every document: --format csv or json.".to_string()];
    if m.rows.iter().any(|r| !r.known) {
        notes.push("? = a chip-like token the catalog does not know".into());
    }
    Grid {
        title: format!(
            "Chips by document ({}, {})",
            plural(m.rows.len(), "chip"),
            plural(m.documents.len(), "document")
        ),
        headers,
        rows: body,
        notes,
    }
}

/// Prints a plain table (no title) the way report tables look.
pub fn write_simple_table(
    headers: &[&str],
    rows: &[Vec<String>],
    style: TermStyle,
    out: &mut dyn Write,
) -> io::Result<()> {
    let g = Grid {
        title: String::new(),
        headers: headers.iter().map(|h| h.to_string()).collect(),
        rows: rows.iter().map(|r| plain(r.clone())).collect(),
        notes: Vec::new(),
    };
    write_table_body(&g, style, out)
}

fn write_table(g: &Grid, style: TermStyle, out: &mut dyn Write) -> io::Result<()> {
    writeln!(out, "{}", g.title)?;
    write_table_body(g, style, out)?;
    for n in &g.notes {
        writeln!(out, "{n}")?;
    }
    Ok(())
}

fn write_table_body(g: &Grid, style: TermStyle, out: &mut dyn Write) -> io::Result<()> {
    if g.rows.is_empty() {
        writeln!(out, "(none)")?;
    } else {
        let mut t = Table::new();
        t.load_style(comfy_table::presets::ASCII_FULL_CONDENSED)
            .set_content_arrangement(ContentArrangement::Dynamic)
            .force_no_tty()
            .set_width(style.width);
        if style.color {
            t.enforce_styling();
            t.set_header(
                g.headers
                    .iter()
                    .map(|h| Cell::new(h).add_attribute(Attribute::Bold)),
            );
        } else {
            t.set_header(g.headers.iter().map(Cell::new));
        }
        for row in &g.rows {
            t.add_row(row.iter().map(|(text, mark)| {
                let cell = Cell::new(text);
                if style.color && *mark == Mark::Alert {
                    cell.fg(Color::Red)
                } else {
                    cell
                }
            }));
        }
        // No column narrower than its header or its longest word (up to 16
        // columns), so that short values never break mid-word, as long as
        // the table still fits: the widest bounds are dropped first.
        let mut mins: Vec<usize> = (0..g.headers.len())
            .map(|i| {
                let longest_word = g
                    .rows
                    .iter()
                    .filter_map(|r| r.get(i))
                    .flat_map(|(text, _)| text.split_whitespace())
                    .map(display_width)
                    .max()
                    .unwrap_or(0)
                    .min(16);
                display_width(&g.headers[i]).max(longest_word)
            })
            .collect();
        // Each column takes its content, two spaces of padding and a border.
        let fits =
            |mins: &[usize]| mins.iter().map(|m| m + 3).sum::<usize>() < style.width as usize;
        while !fits(&mins) {
            // Narrow the widest bound that is still wider than its header.
            let Some(widest) = (0..mins.len())
                .filter(|&i| mins[i] > display_width(&g.headers[i]))
                .max_by_key(|&i| mins[i])
            else {
                mins.iter_mut().for_each(|m| *m = 0);
                break;
            };
            mins[widest] -= 1;
        }
        for (col, min) in t.column_iter_mut().zip(&mins) {
            if *min > 0 {
                // The width counts the padding of one space each side.
                col.set_constraint(ColumnConstraint::LowerBoundary(Width::Fixed(
                    *min as u16 + 2,
                )));
            }
        }
        for line in t.lines() {
            writeln!(out, "{}", line.trim_end())?;
        }
    }
    Ok(())
}

/// Terminal columns of `s`: CJK ideographs and fullwidth forms take two.
pub fn display_width(s: &str) -> usize {
    s.chars()
        .map(|c| match c {
            '\u{1100}'..='\u{115F}'
            | '\u{2E80}'..='\u{303E}'
            | '\u{3041}'..='\u{33FF}'
            | '\u{3400}'..='\u{4DBF}'
            | '\u{4E00}'..='\u{9FFF}'
            | '\u{A000}'..='\u{A4CF}'
            | '\u{AC00}'..='\u{D7A3}'
            | '\u{F900}'..='\u{FAFF}'
            | '\u{FE30}'..='\u{FE4F}'
            | '\u{FF00}'..='\u{FF60}'
            | '\u{FFE0}'..='\u{FFE6}'
            | '\u{20000}'..='\u{3FFFD}' => 2,
            _ => 1,
        })
        .sum()
}

fn md_escape(s: &str) -> String {
    s.replace('\\', "\\\\")
        .replace('|', "\\|")
        .replace('\n', "<br>")
}

fn write_markdown(g: &Grid, out: &mut dyn Write) -> io::Result<()> {
    writeln!(out, "## {}\n", g.title)?;
    if g.rows.is_empty() {
        writeln!(out, "(none)")?;
    } else {
        let line = |cells: Vec<String>| format!("| {} |", cells.join(" | "));
        writeln!(
            out,
            "{}",
            line(g.headers.iter().map(|h| md_escape(h)).collect())
        )?;
        writeln!(
            out,
            "{}",
            line(g.headers.iter().map(|_| "---".to_string()).collect())
        )?;
        for row in &g.rows {
            writeln!(
                out,
                "{}",
                line(row.iter().map(|(t, _)| md_escape(t)).collect())
            )?;
        }
    }
    if !g.notes.is_empty() {
        writeln!(out)?;
        for n in &g.notes {
            writeln!(out, "{}  ", md_escape(n))?;
        }
    }
    Ok(())
}

/// Quotes a CSV field when it holds a comma, quote or line break (RFC 4180).
pub fn csv_field(s: &str) -> String {
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

fn write_csv(g: &Grid, out: &mut dyn Write) -> io::Result<()> {
    let line = |cells: Vec<&str>| {
        cells
            .into_iter()
            .map(csv_field)
            .collect::<Vec<_>>()
            .join(",")
    };
    writeln!(
        out,
        "{}",
        line(g.headers.iter().map(String::as_str).collect())
    )?;
    for row in &g.rows {
        writeln!(
            out,
            "{}",
            line(row.iter().map(|(t, _)| t.as_str()).collect())
        )?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::Catalog;
    use crate::model::{Action, Kind};
    use crate::report::ReportOptions;
    use crate::report::tests::{chip, doc, event, price, share};

    fn sample() -> Report {
        let a = doc(
            "a.txt",
            vec![
                price(
                    "a.txt",
                    13,
                    "A800",
                    120000.0,
                    120000.0,
                    "CNY",
                    Some(Role::Before),
                ),
                price(
                    "a.txt",
                    13,
                    "A800",
                    250000.0,
                    300000.0,
                    "CNY",
                    Some(Role::After),
                ),
                share("a.txt", 109, "NVIDIA", 88.0, Some(2022)),
                event(
                    "a.txt",
                    197,
                    Action::Ban,
                    &["A100", "H100"],
                    Some("2022-09"),
                ),
                chip("a.txt", "A800", "NVIDIA", 3, true),
                chip("a.txt", "昇腾910B", "Huawei", 2, true),
            ],
        );
        let b = doc(
            "b.txt",
            vec![
                share("b.txt", 5, "NVIDIA", 80.0, Some(2022)),
                event("b.txt", 6, Action::Ban, &["A100"], Some("2022-10")),
            ],
        );
        let opts = ReportOptions {
            usd_cny: Some(7.2),
            ..Default::default()
        };
        Report::build(&[a, b], &Catalog::embedded(), &opts)
    }

    fn text(format: Format, style: TermStyle) -> String {
        let mut out = Vec::new();
        render(&sample(), format, style, &mut out).unwrap();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn numbers_get_thousands_separators() {
        assert_eq!(fmt_number(120000.0), "120,000");
        assert_eq!(fmt_number(1234.5), "1,234.5");
        assert_eq!(fmt_number(999.0), "999");
        assert_eq!(fmt_number(33.333333), "33.33");
        assert_eq!(raw_number(47.2), "47.2");
        assert_eq!(raw_number(120000.0), "120000");
    }

    #[test]
    fn tables_fit_80_columns_with_chinese_text() {
        let t = text(Format::Table, TermStyle::default());
        println!("{t}");
        for line in t.lines() {
            let w = display_width(line);
            assert!(w <= 80, "{w} columns: {line}");
        }
        assert!(t.contains("D2:6 (2022-10)"), "{t}");
        let t = text(
            Format::Table,
            TermStyle {
                width: 120,
                color: false,
            },
        );
        assert!(t.contains("120,000 → 250,000-300,000"), "{t}");
        assert!(t.contains("+108% to +150%"), "{t}");
        assert!(t.contains("≠ 80%"), "{t}");
        assert!(t.contains("2022-09 / 2022-10"), "{t}");
        assert!(t.contains("  D1 = a.txt"), "{t}");
        assert!(!t.contains('\x1b'), "no colour unless asked");
    }

    #[test]
    fn many_documents_get_a_summary_instead_of_a_column_each() {
        let docs: Vec<crate::pipeline::DocResult> = (1..=12)
            .map(|i| {
                let name = format!("d{i}.txt");
                let n = if i == 7 { 9 } else { 1 };
                doc(&name, vec![chip(&name, "A800", "NVIDIA", n, true)])
            })
            .collect();
        let r = Report::build(
            &docs,
            &Catalog::embedded(),
            &ReportOptions {
                kinds: vec![Kind::Chip],
                ..Default::default()
            },
        );
        let mut out = Vec::new();
        render(&r, Format::Table, TermStyle::default(), &mut out).unwrap();
        let t = String::from_utf8(out).unwrap();
        assert!(
            t.contains("| A800 | NVIDIA | 12   | 20    | D7 (9), D1 (1), D2 (1) |"),
            "{t}"
        );
        // Only the documents the table names are listed.
        assert!(t.contains("  D7 = d7.txt\n") && !t.contains("D12 ="), "{t}");
        let mut out = Vec::new();
        render(&r, Format::Csv, TermStyle::default(), &mut out).unwrap();
        assert!(String::from_utf8(out).unwrap().contains(",d12.txt,total\n"));
    }

    #[test]
    fn colour_only_when_asked() {
        let t = text(
            Format::Table,
            TermStyle {
                width: 120,
                color: true,
            },
        );
        assert!(t.contains('\x1b'));
    }

    #[test]
    fn markdown_has_a_heading_and_pipe_rows() {
        let t = text(Format::Markdown, TermStyle::default());
        assert!(t.contains("## Prices by chip (1)"), "{t}");
        assert!(t.contains("| chip | vendor | date | price |"), "{t}");
        assert!(t.contains("D1:197 (2022-09)<br>D2:6 (2022-10)"), "{t}");
        assert!(t.contains("D2 = b.txt  "), "{t}");
    }

    #[test]
    fn csv_keeps_numbers_raw_and_quotes_fields() {
        let t = text(Format::Csv, TermStyle::default());
        assert!(t.contains("A800,NVIDIA,2023,2023,120000,120000,,250000,300000,CNY,,unit,after,108.3,150,250000,300000,120000,120000,a.txt,13"), "{t}");
        assert_eq!(csv_field("a,b"), "\"a,b\"");
        assert_eq!(csv_field("说\"好\""), "\"说\"\"好\"\"\"");
    }

    #[test]
    fn json_round_trips_to_the_sections_asked_for() {
        let mut out = Vec::new();
        let opts = ReportOptions {
            kinds: vec![Kind::Share],
            ..Default::default()
        };
        let r = Report::build(
            &[doc("a.txt", vec![share("a.txt", 1, "AMD", 10.0, None)])],
            &Catalog::embedded(),
            &opts,
        );
        render(&r, Format::Json, TermStyle::default(), &mut out).unwrap();
        let v: serde_json::Value = serde_json::from_slice(&out).unwrap();
        assert_eq!(
            v.as_object().unwrap().keys().collect::<Vec<_>>(),
            ["documents", "shares"]
        );
        assert_eq!(v["shares"][0]["percent"], 10.0);
    }
}

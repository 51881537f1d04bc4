//! Comparison tables over extracted records, for analysts.
//!
//! [`Report::build`] turns the records of many documents into four tables:
//!
//! 1. **prices by chip** ([`PriceRow`]): one row per quote; a move (从12万涨到
//!    25万) is one row showing `before → after` and the change in percent;
//! 2. **market shares** ([`ShareRow`]): claims about the same subject, market
//!    and year that disagree across documents are marked and sorted together;
//! 3. **export-control timeline** ([`EventRow`]): the same event told by
//!    several articles is one row listing every source, with every date the
//!    sources give;
//! 4. **chips by document** ([`ChipMatrix`]): mention counts per chip and
//!    document.
//!
//! [`render()`] prints a report as a terminal table, Markdown, CSV or JSON to
//! any [`std::io::Write`].

use std::collections::{BTreeMap, BTreeSet, HashMap};

use serde::Serialize;

use crate::catalog::{Catalog, id_key, same_id};
use crate::model::{Action, Basis, Kind, PartialDate, Qualifier, Record, Region, Role};
use crate::pipeline::DocResult;

mod charts;
pub mod html;
pub mod render;

pub use render::{Format, TermStyle, render};

/// Which tables to build and what to put in them.
#[derive(Clone, Debug, Default)]
pub struct ReportOptions {
    /// Tables to build, by the kind they show; empty means all four.
    pub kinds: Vec<Kind>,
    /// Focus on one chip (a canonical id, see [`resolve_chip`]).
    pub chip: Option<String>,
    /// CNY per USD: adds a column of prices converted to CNY.
    pub usd_cny: Option<f64>,
}

impl ReportOptions {
    fn wants(&self, kind: Kind) -> bool {
        self.kinds.is_empty() || self.kinds.contains(&kind)
    }
}

/// Resolves a chip name the user typed (`A800`, `昇腾910B`, `rtx4090`,
/// `显卡4090`) to its canonical id through the catalog's ids, aliases and
/// bare names; `None` when the catalog does not know it.
pub fn resolve_chip<'c>(catalog: &'c Catalog, name: &str) -> Option<&'c str> {
    let find = |key: &str| {
        catalog
            .chips
            .iter()
            .find(|c| {
                Catalog::names_of(c)
                    .chain(c.bare.iter().map(String::as_str))
                    .any(|n| id_key(n) == key)
            })
            .map(|c| c.id.as_str())
    };
    let key = id_key(name.trim());
    if key.is_empty() {
        return None;
    }
    find(&key).or_else(|| {
        // A bare model number with the words that make it a chip in text
        // (显卡4090, 4090芯片).
        let bare = CHIP_WORDS.iter().fold(key.clone(), |k, w| {
            let k = k.strip_prefix(w).unwrap_or(&k).to_string();
            k.strip_suffix(w).unwrap_or(&k).to_string()
        });
        (bare != key && !bare.is_empty())
            .then(|| find(&bare))
            .flatten()
    })
}

/// Words around a bare model number that make it a chip (`显卡4090`).
const CHIP_WORDS: [&str; 6] = ["显卡", "芯片", "加速卡", "gpu", "卡", "顯卡"];

/// An amount of money: `low`–`high` in `currency`.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Amount {
    pub low: f64,
    pub high: f64,
    pub currency: String,
    pub qualifier: Option<Qualifier>,
}

/// Where a record was read: document path and line.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct Source {
    pub doc: String,
    pub line: u32,
}

impl std::fmt::Display for Source {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}:{}", self.doc, self.line)
    }
}

/// One row of the prices table: a quote, or a move from `before` to `price`.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct PriceRow {
    pub chip: String,
    pub vendor: Option<String>,
    /// When the price (the `after` side of a move) held.
    pub date: Option<PartialDate>,
    /// The `before` side of a move, with its date.
    pub before: Option<Amount>,
    pub before_date: Option<PartialDate>,
    pub price: Amount,
    pub basis: Basis,
    /// `before` or `after` for a side of a move whose other side is missing.
    pub role: Option<Role>,
    /// Change of a move in percent, low to low and high to high.
    pub change_pct: Option<(f64, f64)>,
    /// `price` in CNY, when a USD/CNY rate was given and the currency is CNY
    /// or USD.
    pub cny: Option<(f64, f64)>,
    /// `before` in CNY, likewise.
    pub before_cny: Option<(f64, f64)>,
    pub source: Source,
    /// The sentence the price was read from (shown on hover in the HTML
    /// page; not part of the JSON output).
    #[serde(skip)]
    pub evidence: String,
}

/// One row of the market-shares table.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ShareRow {
    pub subject: String,
    pub market: Option<String>,
    pub region: Option<Region>,
    pub year: Option<i32>,
    pub percent: f64,
    pub qualifier: Option<Qualifier>,
    pub source: Source,
    /// Other documents' claims about the same subject, market and year whose
    /// percent differs by more than 0.5; empty when they agree.
    pub disagrees_with: Vec<Claim>,
    /// The sentence the share was read from (not part of the JSON output).
    #[serde(skip)]
    pub evidence: String,
}

/// A share claim another document makes.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Claim {
    pub percent: f64,
    pub source: Source,
}

/// One event of the export-control timeline, as told by one or more sources.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct EventRow {
    /// Every distinct date the sources give, a coarse date dropped when a
    /// finer one agrees with it (`2022` beside `2022-09`); sorted.
    pub dates: Vec<PartialDate>,
    pub action: Action,
    pub chips: Vec<String>,
    pub entities: Vec<String>,
    pub authorities: Vec<String>,
    pub effective: Vec<PartialDate>,
    pub sources: Vec<EventSource>,
}

/// One article's telling of an event.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct EventSource {
    pub doc: String,
    pub line: u32,
    pub date: Option<PartialDate>,
    /// The sentence this source tells the event in (not part of the JSON
    /// output).
    #[serde(skip)]
    pub evidence: String,
}

/// Mention counts per chip (rows) and document (columns).
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct ChipMatrix {
    /// Document paths, in input order.
    pub documents: Vec<String>,
    /// Sorted by total mentions, most first, then chip id.
    pub rows: Vec<ChipRow>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ChipRow {
    pub chip: String,
    pub vendor: String,
    /// False for a chip-like token the catalog lacks.
    pub known: bool,
    /// Mentions in each document of [`ChipMatrix::documents`].
    pub counts: Vec<u32>,
    pub total: u32,
    /// Per document of [`ChipMatrix::documents`], the first line naming the
    /// chip and its sentence (not part of the JSON output).
    #[serde(skip)]
    pub first_mentions: Vec<Option<(u32, String)>>,
}

/// The tables of a report; a table left out by [`ReportOptions::kinds`] is
/// `None`.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Report {
    /// Every input document, in input order; tables and Markdown name them
    /// `D1`, `D2`, ... in this order.
    pub documents: Vec<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub prices: Option<Vec<PriceRow>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub shares: Option<Vec<ShareRow>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub export_controls: Option<Vec<EventRow>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub chips: Option<ChipMatrix>,
    /// Whether the USD/CNY column was asked for (the tables show it even when
    /// empty).
    #[serde(skip)]
    pub with_cny: bool,
    /// CNY per USD for charting prices in USD: `--usd-cny`, else the rate
    /// `check` uses.
    #[serde(skip)]
    pub usd_cny: f64,
    /// The chip every table is focused on (`--chip`).
    #[serde(skip)]
    pub focus: Option<String>,
}

impl Report {
    /// Builds the tables `opts` asks for from the documents' records.
    pub fn build(docs: &[DocResult], catalog: &Catalog, opts: &ReportOptions) -> Report {
        let focus = opts.chip.as_deref();
        let records = || docs.iter().flat_map(|d| d.records.iter());
        Report {
            documents: docs.iter().map(|d| d.summary.doc.clone()).collect(),
            prices: opts.wants(Kind::Price).then(|| {
                let prices: Vec<&crate::model::Price> = records()
                    .filter_map(|r| match r {
                        Record::Price(p) if focus.is_none_or(|c| same_id(&p.chip, c)) => Some(p),
                        _ => None,
                    })
                    .collect();
                price_rows(&prices, catalog, opts.usd_cny)
            }),
            shares: opts.wants(Kind::Share).then(|| {
                let names = focus.map(|c| chip_names(catalog, c)).unwrap_or_default();
                let shares: Vec<&crate::model::Share> = records()
                    .filter_map(|r| match r {
                        Record::Share(s) if focus.is_none() || share_names_chip(s, &names) => {
                            Some(s)
                        }
                        _ => None,
                    })
                    .collect();
                share_rows(&shares)
            }),
            export_controls: opts.wants(Kind::ExportControl).then(|| {
                let events: Vec<&crate::model::ExportControl> = records()
                    .filter_map(|r| match r {
                        Record::ExportControl(e)
                            if focus.is_none_or(|c| e.chips.iter().any(|x| same_id(x, c))) =>
                        {
                            Some(e)
                        }
                        _ => None,
                    })
                    .collect();
                event_rows(&events)
            }),
            chips: opts.wants(Kind::Chip).then(|| chip_matrix(docs, focus)),
            with_cny: opts.usd_cny.is_some(),
            usd_cny: opts.usd_cny.unwrap_or(crate::check::DEFAULT_USD_CNY),
            focus: opts.chip.clone(),
        }
    }
}

/// Every name of a chip, for finding it in share evidence: the id, aliases
/// and bare names, lowercased.
fn chip_names(catalog: &Catalog, id: &str) -> Vec<String> {
    let mut names = vec![id.to_lowercase()];
    if let Some(c) = catalog.chip(id) {
        names.extend(
            Catalog::names_of(c)
                .chain(c.bare.iter().map(String::as_str))
                .map(str::to_lowercase),
        );
    }
    names.sort();
    names.dedup();
    names
}

fn share_names_chip(s: &crate::model::Share, names: &[String]) -> bool {
    let squash = |t: &str| t.to_lowercase().replace([' ', '-'], "");
    let hay = [
        s.subject.as_str(),
        s.market.as_deref().unwrap_or(""),
        s.evidence.as_str(),
    ]
    .map(squash)
    .join("\n");
    names
        .iter()
        .any(|n| !n.is_empty() && hay.contains(&squash(n)))
}

/// Both ends in yuan at `usd_cny` CNY per USD (any currency of the money
/// table, through USD at its rates).
fn to_cny(low: f64, high: f64, currency: &str, usd_cny: Option<f64>) -> Option<(f64, f64)> {
    let rate = usd_cny?;
    Some((crate::money::to_cny(low, currency, rate)?, crate::money::to_cny(high, currency, rate)?))
}

fn amount(p: &crate::model::Price) -> Amount {
    Amount {
        low: p.low,
        high: p.high,
        currency: p.currency.clone(),
        qualifier: p.qualifier,
    }
}

fn pct_change(before: f64, after: f64) -> f64 {
    (after / before - 1.0) * 100.0
}

fn price_rows(
    prices: &[&crate::model::Price],
    catalog: &Catalog,
    usd_cny: Option<f64>,
) -> Vec<PriceRow> {
    // Group the sides of moves by chip, document and line: (befores, afters).
    type Sides = (Vec<usize>, Vec<usize>);
    let mut groups: BTreeMap<(String, String, u32), Sides> = BTreeMap::new();
    for (i, p) in prices.iter().enumerate() {
        if let Some(role) = p.role {
            let g = groups
                .entry((id_key(&p.chip), p.doc.clone(), p.line))
                .or_default();
            match role {
                Role::Before => g.0.push(i),
                Role::After => g.1.push(i),
            }
        }
    }
    // before_of[after index] = before index.
    let mut before_of: BTreeMap<usize, usize> = BTreeMap::new();
    let mut paired_befores: BTreeSet<usize> = BTreeSet::new();
    for (befores, afters) in groups.values() {
        if befores.is_empty() {
            continue;
        }
        for (k, &a) in afters.iter().enumerate() {
            // Equal counts pair side by side; otherwise every after pairs
            // with the first before.
            let b = if befores.len() == afters.len() {
                befores[k]
            } else {
                befores[0]
            };
            before_of.insert(a, b);
            paired_befores.insert(b);
        }
    }
    let mut rows = Vec::new();
    for (i, p) in prices.iter().enumerate() {
        if paired_befores.contains(&i) {
            continue;
        }
        let before = before_of.get(&i).map(|&b| prices[b]);
        let change_pct = before
            .filter(|b| b.currency.eq_ignore_ascii_case(&p.currency) && b.low > 0.0 && b.high > 0.0)
            .map(|b| (pct_change(b.low, p.low), pct_change(b.high, p.high)));
        rows.push(PriceRow {
            chip: p.chip.clone(),
            vendor: catalog.vendor_of(&p.chip).map(str::to_string),
            date: p.date,
            before: before.map(amount),
            before_date: before.and_then(|b| b.date),
            price: amount(p),
            basis: p.basis,
            role: if before.is_some() { None } else { p.role },
            change_pct,
            cny: to_cny(p.low, p.high, &p.currency, usd_cny),
            before_cny: before.and_then(|b| to_cny(b.low, b.high, &b.currency, usd_cny)),
            source: Source {
                doc: p.doc.clone(),
                line: p.line,
            },
            evidence: p.evidence.clone(),
        });
    }
    rows.sort_by(|a, b| {
        let date_key = |d: &Option<PartialDate>| (d.is_none(), d.map(|d| d.sort_key()));
        (id_key(&a.chip), date_key(&a.date), &a.source).cmp(&(
            id_key(&b.chip),
            date_key(&b.date),
            &b.source,
        ))
    });
    rows
}

fn share_rows(shares: &[&crate::model::Share]) -> Vec<ShareRow> {
    let group_key = |s: &crate::model::Share| {
        (
            id_key(&s.subject),
            s.market.clone().unwrap_or_default(),
            s.year,
        )
    };
    // Claims grouped by subject, market and year, so that comparing them
    // stays linear in the number of groups.
    let mut groups: BTreeMap<(String, String, Option<i32>), Vec<&crate::model::Share>> =
        BTreeMap::new();
    for s in shares {
        groups.entry(group_key(s)).or_default().push(s);
    }
    let mut rows: Vec<ShareRow> = shares
        .iter()
        .map(|s| {
            let disagrees_with = groups[&group_key(s)]
                .iter()
                .filter(|o| {
                    o.doc != s.doc
                        && group_key(o) == group_key(s)
                        && (o.percent - s.percent).abs() > 0.5
                })
                .map(|o| Claim {
                    percent: o.percent,
                    source: Source {
                        doc: o.doc.clone(),
                        line: o.line,
                    },
                })
                .collect();
            ShareRow {
                subject: s.subject.clone(),
                market: s.market.clone(),
                region: s.region,
                year: s.year,
                percent: s.percent,
                qualifier: s.qualifier,
                source: Source {
                    doc: s.doc.clone(),
                    line: s.line,
                },
                disagrees_with,
                evidence: s.evidence.clone(),
            }
        })
        .collect();
    rows.sort_by(|a, b| {
        let key = |r: &ShareRow| {
            (
                id_key(&r.subject),
                r.market.clone().unwrap_or_default(),
                r.year.is_none(),
                r.year,
            )
        };
        key(a)
            .cmp(&key(b))
            .then(a.percent.total_cmp(&b.percent))
            .then_with(|| a.source.cmp(&b.source))
    });
    rows
}

struct Cluster<'a> {
    action: Action,
    subjects: BTreeSet<String>,
    /// Years of the dated events.
    years: BTreeSet<i32>,
    events: Vec<&'a crate::model::ExportControl>,
}

fn subjects(e: &crate::model::ExportControl) -> BTreeSet<String> {
    e.chips
        .iter()
        .chain(&e.entities)
        .map(|s| id_key(s))
        .collect()
}

/// Whether `e` is the event of row `c`: the same-event rule
/// ([`crate::model::same_event`]) across documents, subjects (chips and
/// companies, by id key) in common and the same year.
fn fits(c: &Cluster, e: &crate::model::ExportControl, mine: &BTreeSet<String>) -> bool {
    if c.action != e.action {
        return false;
    }
    if let Some(d) = e.date {
        if c.years.iter().any(|y| *y != d.year) {
            return false;
        }
    }
    match (c.subjects.is_empty(), mine.is_empty()) {
        (false, false) => !c.subjects.is_disjoint(mine),
        // Events naming no chip or company are the same only when every
        // date is known and agrees to the coarser precision.
        (true, true) => c.events.iter().all(|o| match (o.date, e.date) {
            (Some(a), Some(b)) => crate::model::same_event::dates_agree(a, b),
            _ => false,
        }),
        _ => false,
    }
}

fn event_rows(events: &[&crate::model::ExportControl]) -> Vec<EventRow> {
    let mut order: Vec<&crate::model::ExportControl> = events.to_vec();
    // Dated events first, so that an undated telling joins the event of its
    // chips rather than bridging two years.
    order.sort_by(|a, b| {
        (
            a.date.is_none(),
            a.date.map(|d| d.sort_key()),
            &a.doc,
            a.line,
        )
            .cmp(&(
                b.date.is_none(),
                b.date.map(|d| d.sort_key()),
                &b.doc,
                b.line,
            ))
    });
    let mut clusters: Vec<Cluster> = Vec::new();
    // Candidate clusters: by action and chip (or company), and by action for
    // events naming neither; each list in creation order.
    let mut by_subject: HashMap<(Action, String), Vec<usize>> = HashMap::new();
    let mut without_subject: HashMap<Action, Vec<usize>> = HashMap::new();
    for e in order {
        let mine = subjects(e);
        let candidates: Vec<usize> = if mine.is_empty() {
            without_subject.get(&e.action).cloned().unwrap_or_default()
        } else {
            let mut c: Vec<usize> = mine
                .iter()
                .filter_map(|k| by_subject.get(&(e.action, k.clone())))
                .flatten()
                .copied()
                .collect();
            c.sort_unstable();
            c.dedup();
            c
        };
        let i = match candidates
            .into_iter()
            .find(|&i| fits(&clusters[i], e, &mine))
        {
            Some(i) => i,
            None => {
                clusters.push(Cluster {
                    action: e.action,
                    subjects: BTreeSet::new(),
                    years: BTreeSet::new(),
                    events: Vec::new(),
                });
                if mine.is_empty() {
                    without_subject
                        .entry(e.action)
                        .or_default()
                        .push(clusters.len() - 1);
                }
                clusters.len() - 1
            }
        };
        let c = &mut clusters[i];
        for k in &mine {
            if c.subjects.insert(k.clone()) {
                by_subject.entry((e.action, k.clone())).or_default().push(i);
            }
        }
        c.years.extend(e.date.map(|d| d.year));
        c.events.push(e);
    }
    let mut rows: Vec<EventRow> = clusters
        .into_iter()
        .map(|c| {
            let mut sources: Vec<EventSource> = c
                .events
                .iter()
                .map(|e| EventSource {
                    doc: e.doc.clone(),
                    line: e.line,
                    date: e.date,
                    evidence: e.evidence.clone(),
                })
                .collect();
            sources.sort_by(|a, b| (&a.doc, a.line).cmp(&(&b.doc, b.line)));
            EventRow {
                dates: finest_dates(c.events.iter().filter_map(|e| e.date)),
                action: c.action,
                chips: union_ids(c.events.iter().flat_map(|e| &e.chips)),
                entities: union_ids(c.events.iter().flat_map(|e| &e.entities)),
                authorities: union_ids(c.events.iter().filter_map(|e| e.authority.as_ref())),
                effective: finest_dates(c.events.iter().filter_map(|e| e.effective)),
                sources,
            }
        })
        .collect();
    rows.sort_by(|a, b| {
        let key = |r: &EventRow| {
            (
                r.dates.is_empty(),
                r.dates.first().map(|d| d.sort_key()),
                r.action,
            )
        };
        key(a).cmp(&key(b))
    });
    rows
}

/// Distinct dates, dropping one that a finer date agrees with, sorted.
fn finest_dates(dates: impl Iterator<Item = PartialDate>) -> Vec<PartialDate> {
    let all: BTreeSet<PartialDate> = dates.collect();
    all.iter()
        .filter(|d| !all.iter().any(|e| e != *d && e.agrees_with(d)))
        .copied()
        .collect()
}

/// Distinct ids (one per id key), sorted.
fn union_ids<'a>(ids: impl Iterator<Item = &'a String>) -> Vec<String> {
    let mut seen = BTreeSet::new();
    let mut out: Vec<String> = ids.filter(|id| seen.insert(id_key(id))).cloned().collect();
    out.sort_by_key(|id| id_key(id));
    out
}

fn chip_matrix(docs: &[DocResult], focus: Option<&str>) -> ChipMatrix {
    let documents: Vec<String> = docs.iter().map(|d| d.summary.doc.clone()).collect();
    let mut rows: Vec<ChipRow> = Vec::new();
    for (j, d) in docs.iter().enumerate() {
        for r in &d.records {
            let Record::Chip(c) = r else { continue };
            if focus.is_some_and(|f| !same_id(&c.chip, f)) {
                continue;
            }
            let row = match rows.iter_mut().position(|x| same_id(&x.chip, &c.chip)) {
                Some(i) => &mut rows[i],
                None => {
                    rows.push(ChipRow {
                        chip: c.chip.clone(),
                        vendor: c.vendor.clone(),
                        known: c.known,
                        counts: vec![0; docs.len()],
                        total: 0,
                        first_mentions: vec![None; docs.len()],
                    });
                    rows.last_mut().expect("just pushed")
                }
            };
            row.counts[j] += c.mentions;
            if row.first_mentions[j].as_ref().is_none_or(|(l, _)| c.line < *l) {
                row.first_mentions[j] = Some((c.line, c.evidence.clone()));
            }
            row.total += c.mentions;
            row.known &= c.known;
        }
    }
    rows.sort_by(|a, b| {
        b.total
            .cmp(&a.total)
            .then_with(|| id_key(&a.chip).cmp(&id_key(&b.chip)))
    });
    ChipMatrix { documents, rows }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::model::{ChipMention, DocSummary, ExportControl, Price, Script, Share};

    pub fn doc(name: &str, records: Vec<Record>) -> DocResult {
        DocResult {
            notices: Vec::new(),
            summary: DocSummary {
                doc: name.to_string(),
                title: None,
                published: Some(PartialDate::month(2023, 10)),
                published_from: None,
                encoding: "UTF-8".into(),
                script: Script::Simplified,
                bytes: 100,
                records: records.len(),
                warnings: vec![],
            },
            records,
        }
    }

    pub fn price(
        doc: &str,
        line: u32,
        chip: &str,
        low: f64,
        high: f64,
        cur: &str,
        role: Option<Role>,
    ) -> Record {
        Record::Price(Price {
            doc: doc.into(),
            line,
            evidence: "A800的价格从12万元左右涨到了25万元甚至30万元".into(),
            chip: chip.into(),
            low,
            high,
            currency: cur.into(),
            qualifier: None,
            basis: Basis::Unit,
            date: Some(PartialDate::year(2023)),
            role,
        })
    }

    pub fn share(doc: &str, line: u32, subject: &str, percent: f64, year: Option<i32>) -> Record {
        Record::Share(Share {
            doc: doc.into(),
            line,
            evidence: "英伟达在数据中心GPU市场的份额高达88%".into(),
            subject: subject.into(),
            percent,
            qualifier: None,
            market: Some("数据中心GPU".into()),
            region: None,
            year,
            metric: None,
        })
    }

    pub fn event(
        doc: &str,
        line: u32,
        action: Action,
        chips: &[&str],
        date: Option<&str>,
    ) -> Record {
        Record::ExportControl(ExportControl {
            doc: doc.into(),
            line,
            evidence: "美国禁止英伟达向中国出口A100和H100芯片".into(),
            action,
            chips: chips.iter().map(|c| c.to_string()).collect(),
            entities: vec![],
            authority: Some("US".into()),
            date: date.map(|d| d.parse().unwrap()),
            effective: None,
        })
    }

    pub fn chip(doc: &str, id: &str, vendor: &str, mentions: u32, known: bool) -> Record {
        Record::Chip(ChipMention {
            doc: doc.into(),
            line: 1,
            evidence: format!("{id}芯片"),
            chip: id.into(),
            vendor: vendor.into(),
            mentions,
            lines: vec![1],
            known,
        })
    }

    #[test]
    fn aliases_resolve_in_both_scripts_and_without_spaces() {
        let cat = Catalog::embedded();
        assert_eq!(resolve_chip(&cat, "昇腾910B"), Some("Ascend 910B"));
        assert_eq!(resolve_chip(&cat, "rtx4090"), Some("RTX 4090"));
        assert_eq!(resolve_chip(&cat, "a800"), Some("A800"));
        assert_eq!(resolve_chip(&cat, "显卡4090"), Some("RTX 4090"));
        assert_eq!(resolve_chip(&cat, "4090"), Some("RTX 4090"));
        assert_eq!(resolve_chip(&cat, "显卡"), None);
        assert_eq!(resolve_chip(&cat, "不存在的芯片"), None);
        assert_eq!(resolve_chip(&cat, "  "), None);
    }

    #[test]
    fn a_move_is_one_row_with_the_change_in_percent() {
        let d = doc(
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
                price(
                    "a.txt",
                    13,
                    "A800",
                    500000.0,
                    500000.0,
                    "CNY",
                    Some(Role::After),
                ),
                price("a.txt", 39, "H100", 40000.0, 40000.0, "USD", None),
            ],
        );
        let opts = ReportOptions {
            kinds: vec![Kind::Price],
            chip: None,
            usd_cny: Some(7.2),
        };
        let r = Report::build(&[d], &Catalog::embedded(), &opts);
        let rows = r.prices.unwrap();
        assert_eq!(rows.len(), 3, "the before side is folded into both afters");
        assert_eq!(rows[0].before.as_ref().unwrap().low, 120000.0);
        let (lo, hi) = rows[0].change_pct.unwrap();
        assert!(
            (lo - 108.333).abs() < 0.01 && (hi - 150.0).abs() < 0.01,
            "{lo} {hi}"
        );
        assert_eq!(rows[2].chip, "H100");
        assert_eq!(rows[2].vendor.as_deref(), Some("NVIDIA"));
        assert_eq!(rows[2].cny, Some((288000.0, 288000.0)));
        assert!(r.shares.is_none() && r.chips.is_none());
    }

    #[test]
    fn disagreeing_shares_across_documents_are_marked() {
        let a = doc(
            "a.txt",
            vec![share("a.txt", 109, "NVIDIA", 88.0, Some(2022))],
        );
        let b = doc(
            "b.txt",
            vec![
                share("b.txt", 5, "NVIDIA", 80.0, Some(2022)),
                share("b.txt", 6, "NVIDIA", 88.2, Some(2022)),
                share("b.txt", 7, "NVIDIA", 50.0, Some(2021)),
            ],
        );
        let r = Report::build(&[a, b], &Catalog::embedded(), &ReportOptions::default());
        let rows = r.shares.unwrap();
        let of = |line: u32| rows.iter().find(|r| r.source.line == line).unwrap();
        assert_eq!(
            of(109).disagrees_with.len(),
            1,
            "88 vs 80 disagree; 88 vs 88.2 agree"
        );
        assert_eq!(of(5).disagrees_with.len(), 1);
        assert!(
            of(7).disagrees_with.is_empty(),
            "another year is another claim"
        );
        // The disagreeing claims of 2022 sit side by side.
        let years: Vec<_> = rows.iter().map(|r| r.year).collect();
        assert_eq!(years, vec![Some(2021), Some(2022), Some(2022), Some(2022)]);
    }

    #[test]
    fn one_event_told_by_several_articles_is_one_row_with_both_dates() {
        let a = doc(
            "a.txt",
            vec![event(
                "a.txt",
                197,
                Action::Ban,
                &["A100", "H100"],
                Some("2022"),
            )],
        );
        let b = doc(
            "b.txt",
            vec![
                event("b.txt", 14, Action::Ban, &["A100"], None),
                event("b.txt", 42, Action::Ban, &["H100"], Some("2022-09")),
            ],
        );
        let c = doc(
            "c.txt",
            vec![
                event("c.txt", 39, Action::Ban, &["h100"], Some("2022-10")),
                event("c.txt", 40, Action::Ban, &["A800", "H800"], Some("2023-10")),
                event("c.txt", 41, Action::Variant, &["A800"], Some("2022")),
            ],
        );
        let r = Report::build(&[a, b, c], &Catalog::embedded(), &ReportOptions::default());
        let rows = r.export_controls.unwrap();
        assert_eq!(rows.len(), 3, "{rows:#?}");
        // Sorted by first date: the variant of 2022, then the ban of 2022-09.
        assert_eq!(rows[0].action, Action::Variant);
        let first = &rows[1];
        assert_eq!(first.action, Action::Ban);
        assert_eq!(first.sources.len(), 4);
        let dates: Vec<String> = first.dates.iter().map(|d| d.to_string()).collect();
        assert_eq!(
            dates,
            ["2022-09", "2022-10"],
            "2022 is implied by the finer dates"
        );
        assert_eq!(first.chips, ["A100", "H100"]);
        assert_eq!(rows[2].chips, ["A800", "H800"]);
    }

    #[test]
    fn undated_events_without_chips_stay_apart() {
        let a = doc(
            "a.txt",
            vec![
                event("a.txt", 6, Action::Restriction, &[], Some("2023-10-17")),
                event("a.txt", 6, Action::Restriction, &[], Some("2022-10")),
                event("a.txt", 44, Action::Restriction, &[], None),
            ],
        );
        let r = Report::build(&[a], &Catalog::embedded(), &ReportOptions::default());
        assert_eq!(r.export_controls.unwrap().len(), 3);
    }

    #[test]
    fn chip_focus_reaches_every_table() {
        let a = doc(
            "a.txt",
            vec![
                price("a.txt", 13, "A800", 120000.0, 120000.0, "CNY", None),
                price("a.txt", 39, "H100", 40000.0, 40000.0, "USD", None),
                share("a.txt", 40, "NVIDIA", 88.0, Some(2022)),
                event("a.txt", 50, Action::Variant, &["A800", "H800"], None),
                event("a.txt", 51, Action::Ban, &["A100"], None),
                chip("a.txt", "A800", "NVIDIA", 3, true),
                chip("a.txt", "H100", "NVIDIA", 5, true),
            ],
        );
        let opts = ReportOptions {
            chip: Some("A800".into()),
            ..Default::default()
        };
        let r = Report::build(&[a], &Catalog::embedded(), &opts);
        assert_eq!(r.prices.unwrap().len(), 1);
        assert!(
            r.shares.unwrap().is_empty(),
            "the share's evidence names no A800"
        );
        assert_eq!(r.export_controls.unwrap().len(), 1);
        let m = r.chips.unwrap();
        assert_eq!(m.rows.len(), 1);
        assert_eq!(m.rows[0].counts, vec![3]);
    }

    #[test]
    fn the_chip_matrix_counts_mentions_per_document() {
        let a = doc(
            "a.txt",
            vec![
                chip("a.txt", "A800", "NVIDIA", 3, true),
                chip("a.txt", "H00", "", 1, false),
            ],
        );
        let b = doc("b.txt", vec![]);
        let c = doc(
            "c.txt",
            vec![
                chip("c.txt", "A800", "NVIDIA", 4, true),
                chip("c.txt", "昇腾910B", "Huawei", 4, true),
            ],
        );
        let m = Report::build(&[a, b, c], &Catalog::embedded(), &ReportOptions::default())
            .chips
            .unwrap();
        assert_eq!(m.documents, ["a.txt", "b.txt", "c.txt"]);
        assert_eq!(m.rows[0].chip, "A800");
        assert_eq!(m.rows[0].counts, vec![3, 0, 4]);
        assert_eq!(m.rows[0].total, 7);
        assert!(!m.rows[2].known);
    }
}

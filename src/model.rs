//! The output contract (schema_version 1, see `RECORDS.md`): dates, records and
//! document summaries. These types serialize `extract` output, and
//! `chipscan schema` derives its JSON Schema from them.

use std::cmp::Ordering;
use std::fmt;
use std::str::FromStr;

use schemars::JsonSchema;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// Version of the output contract; bump on any change of shape.
pub const SCHEMA_VERSION: u32 = 1;

/// A calendar date known to year, month or day precision
/// (`2023`, `2023-10`, `2023-10-17`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct PartialDate {
    pub year: i32,
    pub month: Option<u8>,
    pub day: Option<u8>,
}

impl PartialDate {
    pub fn year(year: i32) -> Self {
        PartialDate { year, month: None, day: None }
    }

    pub fn month(year: i32, month: u8) -> Self {
        PartialDate { year, month: Some(month), day: None }
    }

    /// A full date; `None` when the day does not exist in that month.
    pub fn day(year: i32, month: u8, day: u8) -> Option<Self> {
        (day >= 1 && month >= 1 && month <= 12 && day <= days_in_month(year, month))
            .then_some(PartialDate { year, month: Some(month), day: Some(day) })
    }

    /// The date `days` days after this one (needs day precision).
    pub fn add_days(self, days: i64) -> Option<Self> {
        let (m, d) = (self.month?, self.day?);
        let date = jiff::civil::Date::new(self.year.try_into().ok()?, m as i8, d as i8).ok()?;
        let later = date.checked_add(jiff::Span::new().try_days(days).ok()?).ok()?;
        PartialDate::day(later.year() as i32, later.month() as u8, later.day() as u8)
    }

    /// Whether `self` agrees with `gold` to the gold's precision.
    pub fn agrees_with(&self, gold: &PartialDate) -> bool {
        self.year == gold.year
            && (gold.month.is_none() || self.month == gold.month)
            && (gold.day.is_none() || self.day == gold.day)
    }

    /// Orders by year, month, day, an unknown month or day sorting first.
    pub fn sort_key(&self) -> (i32, u8, u8) {
        (self.year, self.month.unwrap_or(0), self.day.unwrap_or(0))
    }
}

impl PartialOrd for PartialDate {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for PartialDate {
    fn cmp(&self, other: &Self) -> Ordering {
        self.sort_key().cmp(&other.sort_key())
    }
}

pub fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        _ => 0,
    }
}

impl fmt::Display for PartialDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}", self.year)?;
        if let Some(m) = self.month {
            write!(f, "-{m:02}")?;
            if let Some(d) = self.day {
                write!(f, "-{d:02}")?;
            }
        }
        Ok(())
    }
}

/// Error for a date string that is not `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("'{0}' is not a date of the form YYYY, YYYY-MM or YYYY-MM-DD")]
pub struct BadDate(pub String);

impl FromStr for PartialDate {
    type Err = BadDate;

    fn from_str(s: &str) -> Result<Self, BadDate> {
        let bad = || BadDate(s.to_string());
        let parts: Vec<&str> = s.trim().split('-').collect();
        let num = |p: &str, len: usize| -> Result<u32, BadDate> {
            if p.len() == len && p.bytes().all(|b| b.is_ascii_digit()) {
                p.parse().map_err(|_| bad())
            } else {
                Err(bad())
            }
        };
        let year = num(parts[0], 4)? as i32;
        match parts.len() {
            1 => Ok(PartialDate::year(year)),
            2 | 3 => {
                let month = num(parts[1], 2)? as u8;
                if !(1..=12).contains(&month) {
                    return Err(bad());
                }
                if parts.len() == 2 {
                    return Ok(PartialDate::month(year, month));
                }
                let day = num(parts[2], 2)? as u8;
                PartialDate::day(year, month, day).ok_or_else(bad)
            }
            _ => Err(bad()),
        }
    }
}

impl Serialize for PartialDate {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for PartialDate {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        s.parse().map_err(serde::de::Error::custom)
    }
}

impl JsonSchema for PartialDate {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "PartialDate".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "type": "string",
            "pattern": "^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$",
            "description": "YYYY, YYYY-MM or YYYY-MM-DD"
        })
    }
}

/// The script a document was written in, before normalization.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum Script {
    Simplified,
    Traditional,
    Mixed,
}

/// Where a document's publish date came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum PublishedFrom {
    /// The folder's `manifest.json`.
    Manifest,
    /// `--published` on the command line.
    Flag,
    /// A dated header line in the text.
    Header,
    /// Inferred from the dates the text names.
    Inferred,
}

/// One entry of `documents` in the extract output.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct DocSummary {
    /// The document path as reached from the argument (`-` for stdin).
    pub doc: String,
    pub title: Option<String>,
    pub published: Option<PartialDate>,
    pub published_from: Option<PublishedFrom>,
    /// Encoding the bytes were decoded from (`UTF-8`, `GBK`, `Big5`, ...).
    pub encoding: String,
    pub script: Script,
    pub bytes: u64,
    /// Number of records extracted from the document.
    pub records: usize,
    #[schemars(with = "Vec<String>")]
    pub warnings: Vec<Warning>,
}

/// A document warning: what the loader or the extractor noticed about a
/// document. It prints (and serializes, as a JSON string) as the text the
/// output has always shown; `check` reads its fields, never its text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Warning {
    /// A chip-like token the catalog lacks: `unknown chip-like token H00 (line 7)`.
    UnknownChip { token: String, line: u32 },
    /// A money amount in a price sentence that links to no chip:
    /// `price without a chip: 3万元 (line 12)`.
    UnlinkedPrice { amount: String, line: u32 },
    /// Unlinked prices past the listed ones:
    /// `4 more prices without a chip not listed`.
    MoreUnlinkedPrices { count: usize },
    /// Relative dates met without a publish date:
    /// `relative date unresolved: 3 relative dates and no publish date`.
    UnresolvedDates { count: usize },
    /// Bytes the decoder replaced:
    /// `3 byte sequences not valid GBK replaced with U+FFFD`.
    ReplacedBytes { count: usize, encoding: String },
    /// Any other warning, as text (an empty file, a manifest or JSON Lines
    /// problem).
    Note(String),
}

impl Warning {
    /// The line the warning is about, if it names one.
    pub fn line(&self) -> Option<u32> {
        match self {
            Warning::UnknownChip { line, .. } | Warning::UnlinkedPrice { line, .. } => Some(*line),
            _ => None,
        }
    }

    /// The warning without its line, so that moving text does not make it new.
    pub fn key(&self) -> String {
        match self {
            Warning::UnknownChip { token, .. } => format!("unknown chip-like token {token}"),
            Warning::UnlinkedPrice { amount, .. } => format!("price without a chip: {amount}"),
            w => w.to_string(),
        }
    }

    /// Reads a warning back from its text (an earlier `extract --format
    /// json` output): the variant whose text it is, else a note.
    fn parse(s: &str) -> Warning {
        fn num<T: std::str::FromStr>(s: &str) -> Option<T> {
            if s.is_empty() || !s.bytes().all(|b| b.is_ascii_digit()) {
                return None;
            }
            s.parse().ok()
        }
        let with_line = |rest: &str| -> Option<(String, u32)> {
            let (what, line) = rest.strip_suffix(')')?.rsplit_once(" (line ")?;
            Some((what.to_string(), num(line)?))
        };
        let typed = if let Some(rest) = s.strip_prefix("unknown chip-like token ") {
            with_line(rest).map(|(token, line)| Warning::UnknownChip { token, line })
        } else if let Some(rest) = s.strip_prefix("price without a chip: ") {
            with_line(rest).map(|(amount, line)| Warning::UnlinkedPrice { amount, line })
        } else if let Some(rest) = s.strip_prefix("relative date unresolved: ") {
            rest.strip_suffix(" relative dates and no publish date").and_then(num).map(|count| Warning::UnresolvedDates { count })
        } else if let Some(n) = s.strip_suffix(" more prices without a chip not listed") {
            num(n).map(|count| Warning::MoreUnlinkedPrices { count })
        } else if let Some(rest) = s.strip_suffix(" replaced with U+FFFD") {
            rest.split_once(" byte sequence").and_then(|(n, tail)| {
                let encoding = tail.strip_prefix("s not valid ").or_else(|| tail.strip_prefix(" not valid "))?;
                Some(Warning::ReplacedBytes { count: num(n)?, encoding: encoding.to_string() })
            })
        } else {
            None
        };
        // Only a reading that prints back the same text.
        typed.filter(|w| w.to_string() == s).unwrap_or_else(|| Warning::Note(s.to_string()))
    }
}

impl std::fmt::Display for Warning {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Warning::UnknownChip { token, line } => write!(f, "unknown chip-like token {token} (line {line})"),
            Warning::UnlinkedPrice { amount, line } => write!(f, "price without a chip: {amount} (line {line})"),
            Warning::MoreUnlinkedPrices { count } => write!(f, "{count} more prices without a chip not listed"),
            Warning::UnresolvedDates { count } => {
                write!(f, "relative date unresolved: {count} relative dates and no publish date")
            }
            Warning::ReplacedBytes { count, encoding } => {
                write!(f, "{count} byte sequence{} not valid {encoding} replaced with U+FFFD", if *count == 1 { "" } else { "s" })
            }
            Warning::Note(text) => f.write_str(text),
        }
    }
}

impl From<String> for Warning {
    fn from(text: String) -> Warning {
        Warning::Note(text)
    }
}

impl From<&str> for Warning {
    fn from(text: &str) -> Warning {
        Warning::Note(text.to_string())
    }
}

impl Serialize for Warning {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Warning {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        Ok(Warning::parse(&s))
    }
}


/// `about`, `over`, `under`, `up_to`; absent (null) when the text is exact.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Qualifier {
    /// 约, 左右, 近, 大概, 上下
    About,
    /// 超, 超过, 逾, 以上, 至少, 不低于, 不少于
    Over,
    /// 不到, 以下, 低于, 不足
    Under,
    /// 高达, 最高, 最多, 不超过, 至多
    UpTo,
}

/// What a price is the price of.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Basis {
    /// One chip or card.
    Unit,
    /// A server, machine, module or rack of several chips (整机, 每台, 8卡服务器, 运算模组).
    System,
    /// Rent per card per month.
    RentMonth,
    /// Rent per card per hour (每小时2美元).
    RentHour,
}

/// The two sides of a price move (从X涨到Y).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    Before,
    After,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Region {
    Global,
    China,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Metric {
    Revenue,
    Shipments,
    Usage,
}

/// The six export-control actions of RECORDS.md.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Action {
    /// 禁止出口, 禁售, 被禁, 列入禁售名单
    Ban,
    /// A rule or control issued or tightened: 出口管制新规, 限制, 许可要求
    Restriction,
    /// A cut-down China version: 特供版, 阉割版, 减配版, 定制版, 替代版
    Variant,
    /// 列入实体清单
    EntityList,
    /// 获准, 解禁, 放行, 逐案审查, 恢复供应
    Relaxation,
    /// Considered or reported, not in force: 考虑, 拟, 传出将
    Proposal,
}

impl Action {
    pub fn as_str(self) -> &'static str {
        match self {
            Action::Ban => "ban",
            Action::Restriction => "restriction",
            Action::Variant => "variant",
            Action::EntityList => "entity_list",
            Action::Relaxation => "relaxation",
            Action::Proposal => "proposal",
        }
    }
}

/// What a chip, card or system cost.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Price {
    pub doc: String,
    pub line: u32,
    pub evidence: String,
    /// Canonical chip id.
    pub chip: String,
    pub low: f64,
    pub high: f64,
    /// ISO 4217 code.
    pub currency: String,
    pub qualifier: Option<Qualifier>,
    pub basis: Basis,
    pub date: Option<PartialDate>,
    pub role: Option<Role>,
}

/// A share of a market.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Share {
    pub doc: String,
    pub line: u32,
    pub evidence: String,
    /// Canonical vendor id, or a noun phrase in Simplified Chinese.
    pub subject: String,
    pub percent: f64,
    pub qualifier: Option<Qualifier>,
    pub market: Option<String>,
    pub region: Option<Region>,
    pub year: Option<i32>,
    pub metric: Option<Metric>,
}

/// One distinct chip named in a document.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ChipMention {
    pub doc: String,
    /// First line where the chip is named.
    pub line: u32,
    pub evidence: String,
    pub chip: String,
    pub vendor: String,
    pub mentions: u32,
    pub lines: Vec<u32>,
    /// False for a chip-like model token the catalog lacks.
    pub known: bool,
}

/// A dated export-control event.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ExportControl {
    pub doc: String,
    pub line: u32,
    pub evidence: String,
    pub action: Action,
    pub chips: Vec<String>,
    pub entities: Vec<String>,
    pub authority: Option<String>,
    pub date: Option<PartialDate>,
    pub effective: Option<PartialDate>,
}

/// When two export-control tellings are the same event: the one rule.
///
/// Two tellings are one event when they have **the same action**, **a chip
/// in common** (ids compared by [`crate::catalog::id_key`]: case, spaces and
/// hyphens aside) and **dates that agree as far as both go** ([`dates_agree`]:
/// `2023-10` and `2023-10-17` agree, `2022` and `2023` do not).
///
/// It is asked in three places, which apply it at their own scale; where
/// they depart from it, they say so here, not in a copy:
///
/// - **one document** (`extract::export::merge`, and the events of one
///   sentence): a telling that names no chip fits any (a rule referred to
///   again, 新规出台之前); a telling without a date of its own (none, or only
///   the dateline's or publication's) joins the dated event it otherwise
///   matches, except a variant or proposal; an entity listing also needs the
///   same entities in any order ([`same_event::same_ids`]), or none. In one sentence, the authority must agree too
///   and chips are not asked (the sentence's events share its chips).
/// - **the report timeline, across documents** (`report::event_rows`):
///   chips and companies ([`ExportControl::entities`]) are the subjects; a
///   telling naming none joins only others naming none, and then only when
///   every date is known and agrees (nothing else ties them); for tellings
///   with subjects, dates need only share the year, since articles date one
///   event differently (the month of a rumour, the day of the rule).
/// - **eval, gold against predictions** (`eval::is_match`): the action is one
///   of the gold's accepted actions, a gold chip may list accepted ids, and a
///   gold record naming no chips accepts any; dates are not part of the match
///   (they are scored apart, as date accuracy), except that a leftover
///   prediction repeats a matched gold event only when [`dates_agree`] or a
///   date is missing.
pub mod same_event {
    use super::PartialDate;

    /// Dates that agree as far as both go: the coarser one holds the finer.
    pub fn dates_agree(a: PartialDate, b: PartialDate) -> bool {
        a.agrees_with(&b) || b.agrees_with(&a)
    }

    /// Whether two lists name the same ids, in any order, compared by
    /// [`crate::catalog::id_key`] (the companies of an entity listing).
    pub fn same_ids(a: &[String], b: &[String]) -> bool {
        let has = |list: &[String], x: &String| list.iter().any(|y| x == y || crate::catalog::same_id(x, y));
        a.iter().all(|x| has(b, x)) && b.iter().all(|y| has(a, y))
    }

    /// Whether two chip lists have a chip in common, ids compared by
    /// [`crate::catalog::id_key`]. Lists naming no chip meet none.
    pub fn chips_meet(a: &[String], b: &[String]) -> bool {
        a.iter().any(|x| b.iter().any(|y| x == y || crate::catalog::same_id(x, y)))
    }
}

/// One extracted record; `kind` tells which.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Record {
    Price(Price),
    Share(Share),
    Chip(ChipMention),
    ExportControl(ExportControl),
}

/// The record kinds, in output order within a line.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema, clap::ValueEnum)]
#[serde(rename_all = "snake_case")]
#[value(rename_all = "snake_case")]
pub enum Kind {
    Price,
    Share,
    Chip,
    ExportControl,
}

impl Kind {
    pub const ALL: [Kind; 4] = [Kind::Price, Kind::Share, Kind::Chip, Kind::ExportControl];

    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Price => "price",
            Kind::Share => "share",
            Kind::Chip => "chip",
            Kind::ExportControl => "export_control",
        }
    }
}

impl fmt::Display for Kind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl Record {
    pub fn kind(&self) -> Kind {
        match self {
            Record::Price(_) => Kind::Price,
            Record::Share(_) => Kind::Share,
            Record::Chip(_) => Kind::Chip,
            Record::ExportControl(_) => Kind::ExportControl,
        }
    }

    pub fn doc(&self) -> &str {
        match self {
            Record::Price(r) => &r.doc,
            Record::Share(r) => &r.doc,
            Record::Chip(r) => &r.doc,
            Record::ExportControl(r) => &r.doc,
        }
    }

    pub fn line(&self) -> u32 {
        match self {
            Record::Price(r) => r.line,
            Record::Share(r) => r.line,
            Record::Chip(r) => r.line,
            Record::ExportControl(r) => r.line,
        }
    }

    pub fn evidence(&self) -> &str {
        match self {
            Record::Price(r) => &r.evidence,
            Record::Share(r) => &r.evidence,
            Record::Chip(r) => &r.evidence,
            Record::ExportControl(r) => &r.evidence,
        }
    }
}

/// The whole `extract --format json` output.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Extract {
    pub schema_version: u32,
    pub documents: Vec<DocSummary>,
    pub records: Vec<Record>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_parse_and_print_at_their_precision() {
        for s in ["2023", "2023-10", "2023-10-17", "2024-02-29"] {
            assert_eq!(s.parse::<PartialDate>().unwrap().to_string(), s);
        }
        for s in ["23", "2023-13", "2023-02-30", "2023-1", "2023-10-17-1", "", "２０２３"] {
            assert!(s.parse::<PartialDate>().is_err(), "{s}");
        }
    }

    #[test]
    fn grace_period_of_thirty_days_after_the_october_rule() {
        let d = PartialDate::day(2023, 10, 17).unwrap();
        assert_eq!(d.add_days(30).unwrap().to_string(), "2023-11-16");
        // A run of digits read as a grace period (A100409030天缓冲期, found by
        // proptest) is no date, and no panic.
        assert_eq!(d.add_days(100_409_030), None);
        assert_eq!(d.add_days(-100_409_030), None);
    }

    #[test]
    fn warnings_print_their_text_and_read_back() {
        let all = [
            (Warning::UnknownChip { token: "H00".into(), line: 7 }, "unknown chip-like token H00 (line 7)"),
            (Warning::UnlinkedPrice { amount: "3万元".into(), line: 12 }, "price without a chip: 3万元 (line 12)"),
            (Warning::MoreUnlinkedPrices { count: 4 }, "4 more prices without a chip not listed"),
            (Warning::UnresolvedDates { count: 3 }, "relative date unresolved: 3 relative dates and no publish date"),
            (Warning::ReplacedBytes { count: 1, encoding: "GBK".into() }, "1 byte sequence not valid GBK replaced with U+FFFD"),
            (Warning::ReplacedBytes { count: 3, encoding: "Big5".into() }, "3 byte sequences not valid Big5 replaced with U+FFFD"),
            (Warning::Note("empty file: no text".into()), "empty file: no text"),
        ];
        for (w, text) in all {
            assert_eq!(w.to_string(), text);
            let json = serde_json::to_string(&w).unwrap();
            assert_eq!(json, serde_json::to_string(text).unwrap());
            assert_eq!(serde_json::from_str::<Warning>(&json).unwrap(), w, "{text}");
        }
        // A text that only looks like one is a note.
        let odd = "1 byte sequences not valid GBK replaced with U+FFFD";
        assert_eq!(serde_json::from_str::<Warning>(&serde_json::to_string(odd).unwrap()).unwrap(), Warning::Note(odd.into()));
        assert_eq!(Warning::UnlinkedPrice { amount: "3万元".into(), line: 12 }.key(), "price without a chip: 3万元");
    }

    #[test]
    fn the_same_event_rule_compares_dates_as_far_as_both_go_and_chips_by_id() {
        let d = |s: &str| s.parse::<PartialDate>().unwrap();
        assert!(same_event::dates_agree(d("2023-10"), d("2023-10-17")));
        assert!(same_event::dates_agree(d("2023-10-17"), d("2023")));
        assert!(!same_event::dates_agree(d("2022"), d("2023")));
        assert!(!same_event::dates_agree(d("2023-10-17"), d("2023-10-18")));
        let ids = |v: &[&str]| v.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        assert!(same_event::chips_meet(&ids(&["A100", "H100"]), &ids(&["h100"])));
        assert!(same_event::chips_meet(&ids(&["RTX 4090"]), &ids(&["RTX4090"])));
        assert!(!same_event::chips_meet(&ids(&["A100"]), &ids(&["A800"])));
        assert!(!same_event::chips_meet(&ids(&[]), &ids(&["A800"])));
    }

    #[test]
    fn date_agreement_is_to_the_gold_precision() {
        let p: PartialDate = "2023-10-17".parse().unwrap();
        assert!(p.agrees_with(&"2023-10".parse().unwrap()));
        assert!(!PartialDate::month(2023, 10).agrees_with(&p));
    }

    #[test]
    fn records_carry_their_kind_tag() {
        let r = Record::Share(Share {
            doc: "a.txt".into(),
            line: 3,
            evidence: "英伟达市占率88%".into(),
            subject: "NVIDIA".into(),
            percent: 88.0,
            qualifier: Some(Qualifier::UpTo),
            market: None,
            region: None,
            year: Some(2022),
            metric: None,
        });
        let v = serde_json::to_value(&r).unwrap();
        assert_eq!(v["kind"], "share");
        assert_eq!(v["qualifier"], "up_to");
        let back: Record = serde_json::from_value(v).unwrap();
        assert_eq!(back, r);
    }
}

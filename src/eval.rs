//! Scoring extracted records against a gold file (`chipscan eval`).
//!
//! ```no_run
//! use chipscan::{catalog::Catalog, eval, model::Kind, pipeline::DocResult};
//! # fn predicted() -> Vec<DocResult> { Vec::new() }
//! let gold = eval::Gold::load("tests/data/seeds.gold.json".as_ref()).unwrap();
//! let scores = eval::score(&gold, &predicted(), &Catalog::embedded());
//! println!("price F1 {:?}", scores.kind(Kind::Price).f1);
//! println!("date accuracy {:?}", scores.dates.accuracy);
//! println!("field accuracy {:?}", scores.fields.accuracy);
//! println!("share.metric {:?}", scores.fields.field("share.metric").and_then(|a| a.accuracy));
//! ```
//!
//! The rules are those of RECORDS.md ("Gold files and chipscan eval"):
//!
//! - a predicted document is scored against the gold document with the same
//!   file name; predicted documents without gold, and gold documents not in
//!   the input, are listed in [`Scores::unscored`] and [`Scores::missing`]
//!   and not scored;
//! - per document and kind, gold and predicted records are matched one to
//!   one ([`is_match`]; a gold `action` may list several accepted actions, a
//!   gold chip several accepted ids): required gold records first, by a
//!   maximum matching that prefers a prediction whose date (for a share, its
//!   year) agrees with the gold, then the closest line; then optional gold
//!   records take what is left;
//! - a gold record with `optional: true` is not counted missed when nothing
//!   matches it, and a prediction matching it is not counted wrong;
//! - a prediction left over that matches a gold record already matched in
//!   the document, with a date (for a share, a year) missing on either side
//!   or agreeing as far as both go, is a repeat ([`Repeat`]): neither true
//!   nor false positive; with a conflicting date it is a false positive;
//! - chips are scored as sets of ids (`chips` required, `chips_optional`
//!   neither; an entry that is an array lists ids accepted for one chip);
//!   chip records with `known: false` are not scored;
//! - date accuracy is over matched required price and export_control records
//!   whose gold date is set: the predicted date must agree with the gold date
//!   to the gold's precision ([`PartialDate::agrees_with`]);
//! - field accuracy ([`FieldScores`]) is over matched required records, for
//!   each field of [`SCORED_FIELDS`] the gold record states (a stated `null`
//!   must be predicted null); markets compare by [`markets_agree`], an
//!   event's `effective` to the gold's precision, `authority` ignoring ASCII
//!   case.

use std::collections::{BTreeMap, BTreeSet};
use std::io::{self, Write};
use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::catalog::{Catalog, id_key, same_id};
use crate::model::{Action, Basis, Kind, PartialDate, Qualifier, Record, Region, Role};
use crate::pipeline::DocResult;

/// A gold file: per document, the chips and records a careful reader takes
/// from it. Fields the contract does not define are ignored.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Gold {
    pub schema_version: u32,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    pub documents: Vec<GoldDoc>,
}

/// The gold of one document, matched to predictions by file name.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct GoldDoc {
    pub doc: String,
    #[serde(default)]
    pub published: Option<PartialDate>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// Chips that must be reported.
    #[serde(default)]
    pub chips: Vec<GoldChip>,
    /// Chips that may or may not be reported.
    #[serde(default)]
    pub chips_optional: Vec<GoldChip>,
    #[serde(default)]
    pub records: Vec<GoldRecord>,
}

/// A chip id, or several ids all accepted for one chip (`["MI308",
/// "MI308X"]`).
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(untagged)]
pub enum GoldChip {
    One(String),
    AnyOf(Vec<String>),
}

impl GoldChip {
    pub fn ids(&self) -> &[String] {
        match self {
            GoldChip::One(id) => std::slice::from_ref(id),
            GoldChip::AnyOf(ids) => ids,
        }
    }

    /// Whether `id` is one of the accepted ids (compared as RECORDS.md says:
    /// case, spaces and hyphens aside).
    pub fn accepts(&self, id: &str) -> bool {
        self.ids().iter().any(|g| same_id(g, id))
    }

    /// The accepted ids as they print: `MI308|MI308X`.
    pub fn shown(&self) -> String {
        self.ids().join("|")
    }
}

impl From<&str> for GoldChip {
    fn from(id: &str) -> GoldChip {
        GoldChip::One(id.to_string())
    }
}

impl<'de> Deserialize<'de> for GoldChip {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<GoldChip, D::Error> {
        let (one, all) = one_or_many::<D, String>(d, "a chip id")?;
        Ok(if one {
            GoldChip::One(all.into_iter().next().unwrap_or_default())
        } else {
            GoldChip::AnyOf(all)
        })
    }
}

/// An export-control action, or several actions all accepted where careful
/// readers could differ (`["ban", "restriction"]`).
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(untagged)]
pub enum GoldAction {
    One(Action),
    AnyOf(Vec<Action>),
}

impl GoldAction {
    pub fn actions(&self) -> &[Action] {
        match self {
            GoldAction::One(a) => std::slice::from_ref(a),
            GoldAction::AnyOf(all) => all,
        }
    }

    pub fn accepts(&self, action: Action) -> bool {
        self.actions().contains(&action)
    }

    /// The accepted actions as they print: `ban|restriction`.
    pub fn shown(&self) -> String {
        let names: Vec<&str> = self.actions().iter().map(|a| a.as_str()).collect();
        names.join("|")
    }
}

impl From<Action> for GoldAction {
    fn from(a: Action) -> GoldAction {
        GoldAction::One(a)
    }
}

impl<'de> Deserialize<'de> for GoldAction {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<GoldAction, D::Error> {
        let (one, all) = one_or_many::<D, Action>(d, "an action")?;
        Ok(if one {
            GoldAction::One(all[0])
        } else {
            GoldAction::AnyOf(all)
        })
    }
}

/// A string value or a non-empty array of them, each read as a `T`; true
/// when it was a single value. The errors say what was expected (`unknown
/// variant `bann`, expected one of ...`), which an untagged enum would not.
fn one_or_many<'de, D, T>(d: D, what: &'static str) -> Result<(bool, Vec<T>), D::Error>
where
    D: serde::Deserializer<'de>,
    T: Deserialize<'de>,
{
    use serde::de::{self, IntoDeserializer, value::SeqAccessDeserializer};
    struct V<T>(&'static str, std::marker::PhantomData<T>);
    impl<'de, T: Deserialize<'de>> de::Visitor<'de> for V<T> {
        type Value = (bool, Vec<T>);
        fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
            write!(f, "{} or a non-empty array of them", self.0)
        }
        fn visit_str<E: de::Error>(self, s: &str) -> Result<Self::Value, E> {
            let d: de::value::StrDeserializer<'_, E> = s.into_deserializer();
            T::deserialize(d).map(|t| (true, vec![t]))
        }
        fn visit_seq<A: de::SeqAccess<'de>>(self, seq: A) -> Result<Self::Value, A::Error> {
            let all = Vec::<T>::deserialize(SeqAccessDeserializer::new(seq))?;
            if all.is_empty() {
                return Err(de::Error::invalid_length(0, &self));
            }
            Ok((false, all))
        }
    }
    d.deserialize_any(V::<T>(what, std::marker::PhantomData))
}

/// Reads a field that may be stated as `null`: absent is `None` (not
/// stated, not scored), `null` is `Some(None)` (the prediction must be
/// null), a value is `Some(Some(v))`.
fn stated<'de, D, T>(d: D) -> Result<Option<Option<T>>, D::Error>
where
    D: serde::Deserializer<'de>,
    T: Deserialize<'de>,
{
    Option::<T>::deserialize(d).map(Some)
}

/// A gold record. Fields the contract does not define (and `note`) are not
/// scored; a field of type `Option<Option<_>>` is `None` when the gold does
/// not state it and `Some(None)` when it states `null`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum GoldRecord {
    Price(GoldPrice),
    Share(GoldShare),
    ExportControl(GoldExportControl),
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct GoldPrice {
    pub chip: GoldChip,
    pub low: f64,
    pub high: f64,
    pub currency: String,
    #[serde(default)]
    pub date: Option<PartialDate>,
    #[serde(default)]
    pub line: Option<u32>,
    #[serde(
        default,
        deserialize_with = "stated",
        skip_serializing_if = "Option::is_none"
    )]
    pub qualifier: Option<Option<Qualifier>>,
    #[serde(
        default,
        deserialize_with = "stated",
        skip_serializing_if = "Option::is_none"
    )]
    pub role: Option<Option<Role>>,
    #[serde(
        default,
        deserialize_with = "stated",
        skip_serializing_if = "Option::is_none"
    )]
    pub basis: Option<Option<Basis>>,
    #[serde(default)]
    pub optional: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct GoldShare {
    pub subject: String,
    pub percent: f64,
    #[serde(
        default,
        deserialize_with = "stated",
        skip_serializing_if = "Option::is_none"
    )]
    pub year: Option<Option<i32>>,
    #[serde(default)]
    pub line: Option<u32>,
    #[serde(
        default,
        deserialize_with = "stated",
        skip_serializing_if = "Option::is_none"
    )]
    pub qualifier: Option<Option<Qualifier>>,
    #[serde(
        default,
        deserialize_with = "stated",
        skip_serializing_if = "Option::is_none"
    )]
    pub market: Option<Option<String>>,
    #[serde(
        default,
        deserialize_with = "stated",
        skip_serializing_if = "Option::is_none"
    )]
    pub region: Option<Option<Region>>,
    #[serde(
        default,
        deserialize_with = "stated",
        skip_serializing_if = "Option::is_none"
    )]
    pub metric: Option<Option<crate::model::Metric>>,
    #[serde(default)]
    pub optional: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct GoldExportControl {
    pub action: GoldAction,
    #[serde(default)]
    pub chips: Vec<GoldChip>,
    #[serde(default)]
    pub entities: Vec<String>,
    #[serde(
        default,
        deserialize_with = "stated",
        skip_serializing_if = "Option::is_none"
    )]
    pub authority: Option<Option<String>>,
    #[serde(default)]
    pub date: Option<PartialDate>,
    #[serde(
        default,
        deserialize_with = "stated",
        skip_serializing_if = "Option::is_none"
    )]
    pub effective: Option<Option<PartialDate>>,
    #[serde(default)]
    pub line: Option<u32>,
    #[serde(default)]
    pub optional: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

impl GoldRecord {
    pub fn kind(&self) -> Kind {
        match self {
            GoldRecord::Price(_) => Kind::Price,
            GoldRecord::Share(_) => Kind::Share,
            GoldRecord::ExportControl(_) => Kind::ExportControl,
        }
    }

    pub fn optional(&self) -> bool {
        match self {
            GoldRecord::Price(g) => g.optional,
            GoldRecord::Share(g) => g.optional,
            GoldRecord::ExportControl(g) => g.optional,
        }
    }

    pub fn line(&self) -> Option<u32> {
        match self {
            GoldRecord::Price(g) => g.line,
            GoldRecord::Share(g) => g.line,
            GoldRecord::ExportControl(g) => g.line,
        }
    }

    /// The gold date scored by date accuracy (price and export_control).
    pub fn date(&self) -> Option<PartialDate> {
        match self {
            GoldRecord::Price(g) => g.date,
            GoldRecord::Share(_) => None,
            GoldRecord::ExportControl(g) => g.date,
        }
    }

    /// The key fields in one line: `A800 250,000-300,000 CNY after 2023`.
    pub fn describe(&self) -> String {
        match self {
            GoldRecord::Price(g) => describe_price(
                &g.chip.shown(),
                g.low,
                g.high,
                &g.currency,
                g.qualifier.flatten(),
                g.basis.flatten(),
                g.role.flatten(),
                g.date,
            ),
            GoldRecord::Share(g) => describe_share(
                &g.subject,
                g.percent,
                g.market.as_ref().and_then(|m| m.as_deref()),
                g.year.flatten(),
            ),
            GoldRecord::ExportControl(g) => {
                let chips: Vec<String> = g.chips.iter().map(GoldChip::shown).collect();
                describe_event(&g.action.shown(), &chips, &g.entities, g.date)
            }
        }
    }
}

/// A gold file that could not be read or parsed.
#[derive(Debug, thiserror::Error)]
pub enum GoldError {
    #[error("{path}: cannot read gold file: {source}")]
    Io {
        path: String,
        #[source]
        source: io::Error,
    },
    #[error("{path}:{line}:{column}: invalid gold file: {message}")]
    Parse {
        path: String,
        line: usize,
        column: usize,
        message: String,
    },
}

impl Gold {
    /// Reads and parses a gold file.
    pub fn load(path: &Path) -> Result<Gold, GoldError> {
        let shown = path.display().to_string();
        let text = std::fs::read_to_string(path).map_err(|source| GoldError::Io {
            path: shown.clone(),
            source,
        })?;
        Gold::parse(&text, &shown)
    }

    /// Parses a gold file; `origin` names it in errors, which carry the line
    /// and column.
    pub fn parse(text: &str, origin: &str) -> Result<Gold, GoldError> {
        serde_json::from_str(text).map_err(|e| {
            let full = e.to_string();
            let message = match full.rsplit_once(" at line ") {
                Some((m, _)) => m.to_string(),
                None => full,
            };
            GoldError::Parse {
                path: origin.to_string(),
                line: e.line(),
                column: e.column(),
                message,
            }
        })
    }
}

/// True, false positives and false negatives of one kind, and the measures
/// (`None` where the denominator is 0).
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct KindScore {
    /// `price`, `share`, `chip`, `export_control`, or `all`.
    pub kind: String,
    /// Required gold records.
    pub gold: usize,
    /// Scored predictions (those matching optional gold are not scored).
    pub predicted: usize,
    pub true_positives: usize,
    pub false_positives: usize,
    pub false_negatives: usize,
    /// Predictions that repeat a matched gold fact (neither right nor
    /// wrong, not in `predicted`).
    pub repeats: usize,
    pub precision: Option<f64>,
    pub recall: Option<f64>,
    pub f1: Option<f64>,
}

impl KindScore {
    fn new(kind: &str, tp: usize, fp: usize, fn_: usize, repeats: usize) -> KindScore {
        let ratio = |a: usize, b: usize| (b > 0).then(|| a as f64 / b as f64);
        KindScore {
            kind: kind.to_string(),
            gold: tp + fn_,
            predicted: tp + fp,
            true_positives: tp,
            false_positives: fp,
            false_negatives: fn_,
            repeats,
            precision: ratio(tp, tp + fp),
            recall: ratio(tp, tp + fn_),
            f1: ratio(2 * tp, 2 * tp + fp + fn_),
        }
    }
}

/// An accuracy: how many values were scored, how many were right, and
/// their ratio (`None` when nothing was scored).
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Accuracy {
    pub scored: usize,
    pub correct: usize,
    pub accuracy: Option<f64>,
}

impl Accuracy {
    fn add(&mut self, ok: bool) {
        self.scored += 1;
        if ok {
            self.correct += 1;
        }
        self.finish();
    }

    fn finish(&mut self) {
        self.accuracy = (self.scored > 0).then(|| self.correct as f64 / self.scored as f64);
    }
}

/// Date accuracy over matched required price and export_control records
/// whose gold date is set (`correct`: the predicted date agrees to the
/// gold's precision); also the publish-date accuracy of documents.
pub type DateScore = Accuracy;

/// Field accuracy over matched required records, for each field of
/// [`SCORED_FIELDS`] the gold record states.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct FieldScores {
    /// All fields together.
    pub scored: usize,
    pub correct: usize,
    pub accuracy: Option<f64>,
    /// Per field (`share.metric`); every field of [`SCORED_FIELDS`] (of the
    /// kinds kept by [`Scores::only`]) is present, with `accuracy` `None`
    /// when nothing was scored.
    pub by_field: BTreeMap<String, Accuracy>,
}

impl Default for FieldScores {
    fn default() -> FieldScores {
        FieldScores::from_fields(
            SCORED_FIELDS
                .iter()
                .map(|f| (f.to_string(), Accuracy::default()))
                .collect(),
        )
    }
}

impl FieldScores {
    fn from_fields(by_field: BTreeMap<String, Accuracy>) -> FieldScores {
        let mut all = Accuracy {
            scored: by_field.values().map(|a| a.scored).sum(),
            correct: by_field.values().map(|a| a.correct).sum(),
            accuracy: None,
        };
        all.finish();
        FieldScores {
            scored: all.scored,
            correct: all.correct,
            accuracy: all.accuracy,
            by_field,
        }
    }

    /// The accuracy of one field (`share.metric`), if it is scored.
    pub fn field(&self, name: &str) -> Option<&Accuracy> {
        self.by_field.get(name)
    }
}

/// Running counts while scoring.
#[derive(Default)]
struct Tally {
    dates: Accuracy,
    fields: BTreeMap<String, Accuracy>,
}

impl Tally {
    fn field(&mut self, name: &str, ok: bool) {
        self.fields.entry(name.to_string()).or_default().add(ok);
    }
}

/// A gold record nothing matched.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Missed {
    pub kind: Kind,
    pub line: Option<u32>,
    pub what: String,
}

/// A scored prediction no gold record matched.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Unmatched {
    pub kind: Kind,
    pub line: u32,
    pub what: String,
    pub evidence: String,
}

/// A matched record whose date does not agree with the gold's.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct WrongDate {
    pub kind: Kind,
    pub line: u32,
    pub gold_line: Option<u32>,
    pub what: String,
    pub gold: PartialDate,
    pub predicted: Option<PartialDate>,
}

/// A prediction left over that restates a gold fact already matched in the
/// document, with a date (for a share, a year) that agrees or is missing on
/// either side: counted neither right nor wrong.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Repeat {
    pub kind: Kind,
    pub line: u32,
    /// The line of the gold record it repeats.
    pub gold_line: Option<u32>,
    pub what: String,
    pub evidence: String,
}

/// What went wrong in one document.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct DocScore {
    /// The predicted document's path.
    pub doc: String,
    pub missed: Vec<Missed>,
    pub unmatched: Vec<Unmatched>,
    /// Predictions that repeat a matched gold fact (not scored).
    pub repeats: Vec<Repeat>,
    pub wrong_dates: Vec<WrongDate>,
    /// The gold's publish date when the document's does not agree with it.
    pub wrong_published: Option<WrongPublished>,
    /// Matched required records with a field that differs from the gold's.
    pub differences: Vec<Difference>,
}

/// A matched required record with fields the gold states that the
/// prediction gets wrong: the scored fields of field accuracy, and, listed
/// but not scored, the line, a share's subject, an event's chips and
/// entities.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Difference {
    pub kind: Kind,
    /// The predicted record's line.
    pub line: u32,
    pub gold_line: Option<u32>,
    pub what: String,
    pub fields: Vec<FieldDiff>,
}

/// One field of a [`Difference`], each side as it prints (`-` for null).
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct FieldDiff {
    /// The field's name in the record (`metric`).
    pub field: &'static str,
    pub gold: String,
    pub predicted: String,
    /// Whether field accuracy counts it.
    pub scored: bool,
}

/// A document whose publish date does not agree with the gold's.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct WrongPublished {
    pub gold: PartialDate,
    pub predicted: Option<PartialDate>,
}

/// The result of [`score`].
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Scores {
    /// One entry per kind in [`Kind::ALL`] order.
    pub kinds: Vec<KindScore>,
    /// All kinds together (micro-averaged).
    pub all: KindScore,
    pub dates: DateScore,
    /// Field accuracy over matched required records.
    pub fields: FieldScores,
    /// Publish dates of scored documents whose gold `published` is set.
    pub published: DateScore,
    /// Per scored document, in input order.
    pub documents: Vec<DocScore>,
    /// Predicted documents with no gold document of the same file name.
    pub unscored: Vec<String>,
    /// Gold documents with no predicted document of the same file name.
    pub missing: Vec<String>,
}

/// The scores of [`score`] before they are narrowed.
impl Default for Scores {
    fn default() -> Scores {
        Scores {
            kinds: Vec::new(),
            all: KindScore::default(),
            dates: DateScore::default(),
            fields: FieldScores::default(),
            published: DateScore::default(),
            documents: Vec::new(),
            unscored: Vec::new(),
            missing: Vec::new(),
        }
    }
}

impl Scores {
    /// The score of one kind.
    pub fn kind(&self, kind: Kind) -> &KindScore {
        self.kinds
            .iter()
            .find(|k| k.kind == kind.as_str())
            .expect("every kind is scored")
    }

    /// The scores of some kinds only: their rows, `all` over them, and the
    /// per-document lists of those kinds. Date accuracy stays as it is.
    pub fn only(&self, kinds: &[Kind]) -> Scores {
        let keep = |k: Kind| kinds.is_empty() || kinds.contains(&k);
        let kept: Vec<KindScore> = Kind::ALL
            .into_iter()
            .filter(|&k| keep(k))
            .map(|k| self.kind(k).clone())
            .collect();
        let sum = |f: fn(&KindScore) -> usize| kept.iter().map(f).sum::<usize>();
        let all = KindScore::new(
            "all",
            sum(|k| k.true_positives),
            sum(|k| k.false_positives),
            sum(|k| k.false_negatives),
            sum(|k| k.repeats),
        );
        let fields = FieldScores::from_fields(
            self.fields
                .by_field
                .iter()
                .filter(|(name, _)| {
                    Kind::ALL
                        .into_iter()
                        .any(|k| keep(k) && name.split('.').next() == Some(k.as_str()))
                })
                .map(|(name, a)| (name.clone(), a.clone()))
                .collect(),
        );
        let documents = self
            .documents
            .iter()
            .map(|d| DocScore {
                doc: d.doc.clone(),
                missed: d.missed.iter().filter(|m| keep(m.kind)).cloned().collect(),
                unmatched: d
                    .unmatched
                    .iter()
                    .filter(|u| keep(u.kind))
                    .cloned()
                    .collect(),
                repeats: d.repeats.iter().filter(|r| keep(r.kind)).cloned().collect(),
                wrong_dates: d
                    .wrong_dates
                    .iter()
                    .filter(|w| keep(w.kind))
                    .cloned()
                    .collect(),
                wrong_published: d.wrong_published.clone(),
                differences: d
                    .differences
                    .iter()
                    .filter(|x| keep(x.kind))
                    .cloned()
                    .collect(),
            })
            .collect();
        Scores {
            kinds: kept,
            all,
            fields,
            documents,
            ..self.clone()
        }
    }

    /// Kinds whose F1 is below `min` (a kind with nothing to score, neither
    /// gold nor predictions, has no F1 and is not below).
    pub fn below(&self, min: f64) -> Vec<Kind> {
        Kind::ALL
            .into_iter()
            .filter(|&k| self.kinds.iter().any(|s| s.kind == k.as_str()))
            .filter(|&k| self.kind(k).f1.is_some_and(|f| f < min))
            .collect()
    }

    /// Whether the overall field accuracy is below `min` (with nothing
    /// scored it is not).
    pub fn fields_below(&self, min: f64) -> bool {
        self.fields.accuracy.is_some_and(|a| a < min)
    }
}

/// Whether a predicted record matches a gold record of a document: same
/// kind and the RECORDS.md rule for that kind. The catalog's vendor ids
/// decide whether a gold share subject is a vendor id (then the subjects
/// must be the same).
pub fn is_match(gold: &GoldRecord, pred: &Record, catalog: &Catalog) -> bool {
    match (gold, pred) {
        (GoldRecord::Price(g), Record::Price(p)) => {
            let close = |a: f64, b: f64| (a - b).abs() <= 0.01 * b.abs();
            g.chip.accepts(&p.chip)
                && g.currency.eq_ignore_ascii_case(&p.currency)
                && close(p.low, g.low)
                && close(p.high, g.high)
        }
        (GoldRecord::Share(g), Record::Share(p)) => {
            let vendor = catalog.vendors.iter().any(|v| same_id(&v.id, &g.subject));
            (p.percent - g.percent).abs() <= 0.5 + 1e-9
                && (!vendor || same_id(&g.subject, &p.subject))
        }
        // The same-event rule as eval applies it (crate::model::same_event):
        // an accepted action and a gold chip in common; dates scored apart.
        (GoldRecord::ExportControl(g), Record::ExportControl(p)) => {
            g.action.accepts(p.action)
                && (g.chips.is_empty()
                    || g.chips
                        .iter()
                        .any(|gc| p.chips.iter().any(|pc| gc.accepts(pc))))
        }
        _ => false,
    }
}

/// Scores predicted documents against the gold; see the module docs for the
/// rules.
pub fn score(gold: &Gold, predicted: &[DocResult], catalog: &Catalog) -> Scores {
    let file_name = |p: &str| {
        Path::new(p)
            .file_name()
            .map(|f| f.to_string_lossy().into_owned())
            .unwrap_or_default()
    };
    // [tp, fp, fn, repeats] per kind in Kind::ALL order.
    let mut counts = [[0usize; 4]; 4];
    let mut tally = Tally::default();
    let mut scores = Scores::default();
    for d in predicted {
        let name = file_name(&d.summary.doc);
        let Some(g) = gold.documents.iter().find(|g| file_name(&g.doc) == name) else {
            scores.unscored.push(d.summary.doc.clone());
            continue;
        };
        let mut doc = DocScore {
            doc: d.summary.doc.clone(),
            ..Default::default()
        };
        for (k, kind) in Kind::ALL.into_iter().enumerate() {
            let c = if kind == Kind::Chip {
                let [tp, fp, fn_] = score_chips(g, d, &mut doc);
                [tp, fp, fn_, 0]
            } else {
                score_kind(kind, g, d, catalog, &mut doc, &mut tally)
            };
            for i in 0..4 {
                counts[k][i] += c[i];
            }
        }
        if let Some(gp) = g.published {
            scores.published.scored += 1;
            let pp = d.summary.published;
            if pp.is_some_and(|pp| pp.agrees_with(&gp)) {
                scores.published.correct += 1;
            } else {
                doc.wrong_published = Some(WrongPublished {
                    gold: gp,
                    predicted: pp,
                });
            }
        }
        scores.documents.push(doc);
    }
    for g in &gold.documents {
        if !predicted
            .iter()
            .any(|d| file_name(&d.summary.doc) == file_name(&g.doc))
        {
            scores.missing.push(g.doc.clone());
        }
    }
    scores.kinds = Kind::ALL
        .into_iter()
        .zip(counts)
        .map(|(k, [tp, fp, fn_, rep])| KindScore::new(k.as_str(), tp, fp, fn_, rep))
        .collect();
    let sum = |i: usize| counts.iter().map(|c| c[i]).sum::<usize>();
    scores.all = KindScore::new("all", sum(0), sum(1), sum(2), sum(3));
    scores.dates = tally.dates;
    let mut by_field = FieldScores::default().by_field;
    by_field.extend(tally.fields);
    scores.fields = FieldScores::from_fields(by_field);
    let p = &mut scores.published;
    p.accuracy = (p.scored > 0).then(|| p.correct as f64 / p.scored as f64);
    scores
}

/// A value as it prints in a [`FieldDiff`]: its JSON form without quotes,
/// `-` for null.
fn shown<T: Serialize>(v: &T) -> String {
    match serde_json::to_value(v).unwrap_or_default() {
        serde_json::Value::Null => "-".to_string(),
        serde_json::Value::String(s) => s,
        serde_json::Value::Array(a) => a
            .iter()
            .map(|x| x.as_str().map_or_else(|| x.to_string(), str::to_string))
            .collect::<Vec<_>>()
            .join(", "),
        other => other.to_string(),
    }
}

fn record_date(r: &Record) -> Option<PartialDate> {
    match r {
        Record::Price(p) => p.date,
        Record::ExportControl(e) => e.date,
        _ => None,
    }
}

/// The fields field accuracy scores, as `kind.field`, in the order they
/// print.
pub const SCORED_FIELDS: [&str; 10] = [
    "price.qualifier",
    "price.basis",
    "price.role",
    "share.qualifier",
    "share.region",
    "share.year",
    "share.metric",
    "share.market",
    "export_control.authority",
    "export_control.effective",
];

/// A market as RECORDS.md compares it: 中国大陆, 中国, 全球, 国内, 大陆, 在华,
/// 市场, 总, 整体 and 的 removed, 销售收入, 营业收入, 销售额 and 收入 read as
/// 营收. An empty result is no market.
pub fn normalize_market(market: &str) -> String {
    let mut s = market.to_string();
    for w in [
        "中国大陆",
        "中国",
        "全球",
        "国内",
        "大陆",
        "在华",
        "市场",
        "总",
        "整体",
        "的",
    ] {
        s = s.replace(w, "");
    }
    for w in ["销售收入", "营业收入", "销售额", "收入"] {
        s = s.replace(w, "营收");
    }
    s
}

/// Whether a predicted market agrees with the gold's: after
/// [`normalize_market`], both are no market, or one contains the other.
pub fn markets_agree(gold: Option<&str>, predicted: Option<&str>) -> bool {
    let norm = |m: Option<&str>| m.map(normalize_market).filter(|m| !m.is_empty());
    match (norm(gold), norm(predicted)) {
        (None, None) => true,
        (Some(g), Some(p)) => g.contains(&p) || p.contains(&g),
        _ => false,
    }
}

/// One field of a matched pair that the gold states.
struct FieldCheck {
    /// `kind.field` for scored fields, the bare field name for the others.
    name: &'static str,
    scored: bool,
    ok: bool,
    gold: String,
    predicted: String,
}

/// The fields of a matched pair that the gold states: the scored ones of
/// [`SCORED_FIELDS`] (a stated null must be predicted null), and, listed
/// but not scored, the line and the fields the matching rules looked at
/// loosely (a share's noun-phrase subject, an event's chips and entities).
fn field_checks(gold: &GoldRecord, pred: &Record) -> Vec<FieldCheck> {
    fn eq<T: PartialEq + Serialize>(
        out: &mut Vec<FieldCheck>,
        name: &'static str,
        gold: &Option<Option<T>>,
        pred: Option<&T>,
    ) {
        if let Some(g) = gold {
            out.push(FieldCheck {
                name,
                scored: true,
                ok: g.as_ref() == pred,
                gold: shown(g),
                predicted: shown(&pred),
            });
        }
    }
    let mut out = Vec::new();
    if let Some(gl) = gold.line() {
        out.push(FieldCheck {
            name: "line",
            scored: false,
            ok: gl == pred.line(),
            gold: gl.to_string(),
            predicted: pred.line().to_string(),
        });
    }
    match (gold, pred) {
        (GoldRecord::Price(g), Record::Price(p)) => {
            eq(
                &mut out,
                "price.qualifier",
                &g.qualifier,
                p.qualifier.as_ref(),
            );
            eq(&mut out, "price.basis", &g.basis, Some(&p.basis));
            eq(&mut out, "price.role", &g.role, p.role.as_ref());
        }
        (GoldRecord::Share(g), Record::Share(p)) => {
            out.push(FieldCheck {
                name: "subject",
                scored: false,
                ok: g.subject == p.subject,
                gold: g.subject.clone(),
                predicted: p.subject.clone(),
            });
            eq(
                &mut out,
                "share.qualifier",
                &g.qualifier,
                p.qualifier.as_ref(),
            );
            eq(&mut out, "share.region", &g.region, p.region.as_ref());
            eq(&mut out, "share.year", &g.year, p.year.as_ref());
            eq(&mut out, "share.metric", &g.metric, p.metric.as_ref());
            if let Some(gm) = &g.market {
                out.push(FieldCheck {
                    name: "share.market",
                    scored: true,
                    ok: markets_agree(gm.as_deref(), p.market.as_deref()),
                    gold: shown(gm),
                    predicted: shown(&p.market),
                });
            }
        }
        (GoldRecord::ExportControl(g), Record::ExportControl(p)) => {
            let same_chips = g
                .chips
                .iter()
                .all(|gc| p.chips.iter().any(|pc| gc.accepts(pc)))
                && p.chips
                    .iter()
                    .all(|pc| g.chips.iter().any(|gc| gc.accepts(pc)));
            let gold_chips: Vec<String> = g.chips.iter().map(GoldChip::shown).collect();
            out.push(FieldCheck {
                name: "chips",
                scored: false,
                ok: same_chips,
                gold: shown(&gold_chips),
                predicted: shown(&p.chips),
            });
            if !g.entities.is_empty() {
                let set = |ids: &[String]| {
                    let mut k: Vec<String> = ids.iter().map(|i| id_key(i)).collect();
                    k.sort();
                    k
                };
                out.push(FieldCheck {
                    name: "entities",
                    scored: false,
                    ok: set(&g.entities) == set(&p.entities),
                    gold: shown(&g.entities),
                    predicted: shown(&p.entities),
                });
            }
            if let Some(ga) = &g.authority {
                let ok = match (ga, &p.authority) {
                    (Some(a), Some(b)) => a.trim().eq_ignore_ascii_case(b.trim()),
                    (None, None) => true,
                    _ => false,
                };
                out.push(FieldCheck {
                    name: "export_control.authority",
                    scored: true,
                    ok,
                    gold: shown(ga),
                    predicted: shown(&p.authority),
                });
            }
            if let Some(ge) = &g.effective {
                let ok = match (ge, &p.effective) {
                    (Some(g), Some(p)) => p.agrees_with(g),
                    (None, None) => true,
                    _ => false,
                };
                out.push(FieldCheck {
                    name: "export_control.effective",
                    scored: true,
                    ok,
                    gold: shown(ge),
                    predicted: shown(&p.effective),
                });
            }
        }
        _ => {}
    }
    out
}

/// The dates a pair is compared on: the date of a price or export_control
/// record, the year of a share.
fn dates_of(gold: &GoldRecord, pred: &Record) -> (Option<PartialDate>, Option<PartialDate>) {
    match (gold, pred) {
        (GoldRecord::Price(g), Record::Price(p)) => (g.date, p.date),
        (GoldRecord::ExportControl(g), Record::ExportControl(p)) => (g.date, p.date),
        (GoldRecord::Share(g), Record::Share(p)) => (
            g.year.flatten().map(PartialDate::year),
            p.year.map(PartialDate::year),
        ),
        _ => (None, None),
    }
}

/// Whether the matching prefers this pair: the gold gives no date, or the
/// predicted date agrees with it to the gold's precision.
fn date_preferred(gold: &GoldRecord, pred: &Record) -> bool {
    match dates_of(gold, pred) {
        (None, _) => true,
        (Some(g), Some(p)) => p.agrees_with(&g),
        (Some(_), None) => false,
    }
}

/// Whether a leftover prediction can repeat a matched gold fact: a date
/// missing on either side, or the two dates agreeing as far as both go
/// (`2023-10` and `2023-10-17` agree; `2022` and `2023` conflict).
fn date_compatible(gold: &GoldRecord, pred: &Record) -> bool {
    match dates_of(gold, pred) {
        (Some(g), Some(p)) => crate::model::same_event::dates_agree(g, p),
        _ => true,
    }
}

/// Returns [tp, fp, fn, repeats].
fn score_kind(
    kind: Kind,
    g: &crate::eval::GoldDoc,
    d: &DocResult,
    catalog: &Catalog,
    doc: &mut DocScore,
    tally: &mut Tally,
) -> [usize; 4] {
    let golds: Vec<&GoldRecord> = g.records.iter().filter(|r| r.kind() == kind).collect();
    let preds: Vec<&Record> = d.records.iter().filter(|r| r.kind() == kind).collect();
    let key = |gi: usize, pi: usize| {
        let (gr, pr) = (golds[gi], preds[pi]);
        is_match(gr, pr, catalog).then(|| {
            let distance = gr.line().map_or(u32::MAX, |l| l.abs_diff(pr.line()));
            (!date_preferred(gr, pr), distance)
        })
    };
    // Required gold first, then optional gold absorbs what is left.
    let required: Vec<usize> = (0..golds.len()).filter(|&i| !golds[i].optional()).collect();
    let optional: Vec<usize> = (0..golds.len()).filter(|&i| golds[i].optional()).collect();
    let mut pairs: Vec<(usize, usize)> =
        matching(required.len(), preds.len(), |a, pi| key(required[a], pi))
            .into_iter()
            .map(|(a, pi)| (required[a], pi))
            .collect();
    let left: Vec<usize> = (0..preds.len())
        .filter(|pi| !pairs.iter().any(|&(_, p)| p == *pi))
        .collect();
    pairs.extend(
        matching(optional.len(), left.len(), |a, b| key(optional[a], left[b]))
            .into_iter()
            .map(|(a, b)| (optional[a], left[b])),
    );
    let mut gold_used = vec![false; golds.len()];
    let mut pred_used = vec![false; preds.len()];
    let mut tp = 0;
    for &(gi, pi) in &pairs {
        gold_used[gi] = true;
        pred_used[pi] = true;
        let (gr, pr) = (golds[gi], preds[pi]);
        if gr.optional() {
            continue;
        }
        tp += 1;
        let mut fields = Vec::new();
        for c in field_checks(gr, pr) {
            if c.scored {
                tally.field(c.name, c.ok);
            }
            if !c.ok {
                fields.push(FieldDiff {
                    field: c.name.rsplit('.').next().unwrap_or(c.name),
                    gold: c.gold,
                    predicted: c.predicted,
                    scored: c.scored,
                });
            }
        }
        if !fields.is_empty() {
            doc.differences.push(Difference {
                kind,
                line: pr.line(),
                gold_line: gr.line(),
                what: describe_record(pr),
                fields,
            });
        }
        if let Some(gd) = gr.date() {
            let pd = record_date(pr);
            let ok = pd.is_some_and(|pd| pd.agrees_with(&gd));
            tally.dates.add(ok);
            if !ok {
                doc.wrong_dates.push(WrongDate {
                    kind,
                    line: pr.line(),
                    gold_line: gr.line(),
                    what: describe_record(pr),
                    gold: gd,
                    predicted: pd,
                });
            }
        }
    }
    let mut fn_ = 0;
    for (gi, gr) in golds.iter().enumerate() {
        if !gold_used[gi] && !gr.optional() {
            fn_ += 1;
            doc.missed.push(Missed {
                kind,
                line: gr.line(),
                what: gr.describe(),
            });
        }
    }
    let (mut fp, mut repeats) = (0, 0);
    for (pi, pr) in preds.iter().enumerate() {
        if pred_used[pi] {
            continue;
        }
        // The closest matched gold record this prediction restates.
        let repeated = pairs
            .iter()
            .map(|&(gi, _)| golds[gi])
            .filter(|gr| is_match(gr, pr, catalog) && date_compatible(gr, pr))
            .min_by_key(|gr| gr.line().map_or(u32::MAX, |l| l.abs_diff(pr.line())));
        if let Some(gr) = repeated {
            repeats += 1;
            doc.repeats.push(Repeat {
                kind,
                line: pr.line(),
                gold_line: gr.line(),
                what: describe_record(pr),
                evidence: pr.evidence().to_string(),
            });
        } else {
            fp += 1;
            doc.unmatched.push(Unmatched {
                kind,
                line: pr.line(),
                what: describe_record(pr),
                evidence: pr.evidence().to_string(),
            });
        }
    }
    [tp, fp, fn_, repeats]
}

fn score_chips(g: &GoldDoc, d: &DocResult, doc: &mut DocScore) -> [usize; 3] {
    // Distinct known chips, first line each.
    let mut seen = BTreeSet::new();
    let preds: Vec<&crate::model::ChipMention> = d
        .records
        .iter()
        .filter_map(|r| match r {
            Record::Chip(c) if c.known && seen.insert(id_key(&c.chip)) => Some(c),
            _ => None,
        })
        .collect();
    let entries: Vec<(&GoldChip, bool)> = g
        .chips
        .iter()
        .map(|c| (c, false))
        .chain(g.chips_optional.iter().map(|c| (c, true)))
        .collect();
    let pairs = matching(entries.len(), preds.len(), |gi, pi| {
        entries[gi]
            .0
            .accepts(&preds[pi].chip)
            .then_some((entries[gi].1, false, 0))
    });
    let mut gold_used = vec![false; entries.len()];
    let mut pred_used = vec![false; preds.len()];
    let mut tp = 0;
    for &(gi, pi) in &pairs {
        gold_used[gi] = true;
        pred_used[pi] = true;
        if !entries[gi].1 {
            tp += 1;
        }
    }
    let mut fn_ = 0;
    for (gi, (entry, optional)) in entries.iter().enumerate() {
        if !gold_used[gi] && !optional {
            fn_ += 1;
            doc.missed.push(Missed {
                kind: Kind::Chip,
                line: None,
                what: entry.ids().join(" | "),
            });
        }
    }
    let mut fp = 0;
    for (pi, p) in preds.iter().enumerate() {
        // A second id for a chip the gold lists (深算一号 beside Z100) is not
        // wrong; only a chip the gold does not name at all is.
        if !pred_used[pi] && !entries.iter().any(|(e, _)| e.accepts(&p.chip)) {
            fp += 1;
            doc.unmatched.push(Unmatched {
                kind: Kind::Chip,
                line: p.line,
                what: format!("{} ({}, {} mentions)", p.chip, p.vendor, p.mentions),
                evidence: p.evidence.clone(),
            });
        }
    }
    [tp, fp, fn_]
}

/// A one-to-one matching between `n_gold` gold and `n_pred` predicted items
/// where `pref(g, p)` is `Some(key)` for compatible pairs, lower keys
/// preferred. Greedy by key, then augmented to maximum cardinality (an
/// augmenting path never unmatches a matched gold item).
fn matching<K: Ord + Copy>(
    n_gold: usize,
    n_pred: usize,
    pref: impl Fn(usize, usize) -> Option<K>,
) -> Vec<(usize, usize)> {
    let mut edges: Vec<(K, usize, usize)> = Vec::new();
    for gi in 0..n_gold {
        for pi in 0..n_pred {
            if let Some(k) = pref(gi, pi) {
                edges.push((k, gi, pi));
            }
        }
    }
    edges.sort_by(|a, b| a.0.cmp(&b.0).then(a.1.cmp(&b.1)).then(a.2.cmp(&b.2)));
    let mut gold_of: Vec<Option<usize>> = vec![None; n_pred];
    let mut pred_of: Vec<Option<usize>> = vec![None; n_gold];
    for &(_, gi, pi) in &edges {
        if pred_of[gi].is_none() && gold_of[pi].is_none() {
            pred_of[gi] = Some(pi);
            gold_of[pi] = Some(gi);
        }
    }
    // Adjacency of each predicted item, preferred gold first.
    let mut adj: Vec<Vec<usize>> = vec![Vec::new(); n_pred];
    for &(_, gi, pi) in &edges {
        adj[pi].push(gi);
    }
    fn augment(
        pi: usize,
        adj: &[Vec<usize>],
        seen: &mut [bool],
        gold_of: &mut [Option<usize>],
        pred_of: &mut [Option<usize>],
    ) -> bool {
        for &gi in &adj[pi] {
            if seen[gi] {
                continue;
            }
            seen[gi] = true;
            if pred_of[gi].is_none_or(|other| augment(other, adj, seen, gold_of, pred_of)) {
                pred_of[gi] = Some(pi);
                gold_of[pi] = Some(gi);
                return true;
            }
        }
        false
    }
    for pi in 0..n_pred {
        if gold_of[pi].is_none() && !adj[pi].is_empty() {
            let mut seen = vec![false; n_gold];
            augment(pi, &adj, &mut seen, &mut gold_of, &mut pred_of);
        }
    }
    let mut pairs: Vec<(usize, usize)> = pred_of
        .iter()
        .enumerate()
        .filter_map(|(gi, p)| p.map(|pi| (gi, pi)))
        .collect();
    pairs.sort();
    pairs
}

fn num(x: f64) -> String {
    crate::report::render::fmt_number(x)
}

fn opt_date(d: Option<PartialDate>) -> String {
    d.map_or("date -".to_string(), |d| d.to_string())
}

#[allow(clippy::too_many_arguments)]
fn describe_price(
    chip: &str,
    low: f64,
    high: f64,
    currency: &str,
    q: Option<Qualifier>,
    basis: Option<Basis>,
    role: Option<Role>,
    date: Option<PartialDate>,
) -> String {
    let range = if low == high {
        num(low)
    } else {
        format!("{}-{}", num(low), num(high))
    };
    let mut s = format!("{chip} {range} {currency}");
    if let Some(q) = q {
        s.push(' ');
        s.push_str(
            &serde_json::to_value(q)
                .ok()
                .and_then(|v| v.as_str().map(str::to_string))
                .unwrap_or_default(),
        );
    }
    if let Some(b) = basis.filter(|b| *b != Basis::Unit) {
        s.push(' ');
        s.push_str(
            &serde_json::to_value(b)
                .ok()
                .and_then(|v| v.as_str().map(str::to_string))
                .unwrap_or_default(),
        );
    }
    match role {
        Some(Role::Before) => s.push_str(" before"),
        Some(Role::After) => s.push_str(" after"),
        None => {}
    }
    format!("{s} {}", opt_date(date))
}

fn describe_share(subject: &str, percent: f64, market: Option<&str>, year: Option<i32>) -> String {
    let mut s = format!("{subject} {}%", num(percent));
    if let Some(m) = market {
        s.push_str(&format!(" of {m}"));
    }
    if let Some(y) = year {
        s.push_str(&format!(" in {y}"));
    }
    s
}

fn describe_event(
    action: &str,
    chips: &[String],
    entities: &[String],
    date: Option<PartialDate>,
) -> String {
    let mut s = action.to_string();
    if !chips.is_empty() {
        s.push_str(&format!(" [{}]", chips.join(", ")));
    }
    if !entities.is_empty() {
        s.push_str(&format!(" entities [{}]", entities.join(", ")));
    }
    format!("{s} {}", opt_date(date))
}

/// The key fields of a predicted record in one line.
pub fn describe_record(r: &Record) -> String {
    match r {
        Record::Price(p) => describe_price(
            &p.chip,
            p.low,
            p.high,
            &p.currency,
            p.qualifier,
            Some(p.basis),
            p.role,
            p.date,
        ),
        Record::Share(s) => describe_share(&s.subject, s.percent, s.market.as_deref(), s.year),
        Record::Chip(c) => format!("{} ({})", c.chip, c.vendor),
        Record::ExportControl(e) => {
            describe_event(e.action.as_str(), &e.chips, &e.entities, e.date)
        }
    }
}

fn fmt_ratio(x: Option<f64>) -> String {
    x.map_or("-".to_string(), |x| format!("{x:.3}"))
}

/// Prints the scores as a plain-text table; with `verbose`, then per
/// document the missed gold records, unmatched predictions and wrong dates.
pub fn write_text(scores: &Scores, verbose: bool, out: &mut dyn Write) -> io::Result<()> {
    writeln!(
        out,
        "{:<15} {:>5} {:>5} {:>5} {:>5} {:>5} {:>5} {:>9} {:>7} {:>7}",
        "kind", "gold", "pred", "tp", "fp", "fn", "rep", "precision", "recall", "F1"
    )?;
    for k in scores.kinds.iter().chain(std::iter::once(&scores.all)) {
        writeln!(
            out,
            "{:<15} {:>5} {:>5} {:>5} {:>5} {:>5} {:>5} {:>9} {:>7} {:>7}",
            k.kind,
            k.gold,
            k.predicted,
            k.true_positives,
            k.false_positives,
            k.false_negatives,
            k.repeats,
            fmt_ratio(k.precision),
            fmt_ratio(k.recall),
            fmt_ratio(k.f1)
        )?;
    }
    let d = &scores.dates;
    writeln!(
        out,
        "date accuracy   {}/{} = {} (matched price and export_control records with a gold date)",
        d.correct,
        d.scored,
        fmt_ratio(d.accuracy)
    )?;
    let f = &scores.fields;
    writeln!(
        out,
        "field accuracy  {}/{} = {} (fields the gold states, over matched required records)",
        f.correct,
        f.scored,
        fmt_ratio(f.accuracy)
    )?;
    for name in SCORED_FIELDS {
        if let Some(a) = f.field(name).filter(|a| a.scored > 0) {
            writeln!(
                out,
                "  {name:<24} {} ({}/{})",
                fmt_ratio(a.accuracy),
                a.correct,
                a.scored
            )?;
        }
    }
    let p = &scores.published;
    writeln!(
        out,
        "published       {}/{} = {} (documents whose gold publish date is set)",
        p.correct,
        p.scored,
        fmt_ratio(p.accuracy)
    )?;
    writeln!(out, "documents       {} scored", scores.documents.len())?;
    if !scores.missing.is_empty() {
        writeln!(
            out,
            "not in the input (not scored): {}",
            scores.missing.join(", ")
        )?;
    }
    if !scores.unscored.is_empty() {
        writeln!(out, "no gold (not scored): {}", scores.unscored.join(", "))?;
    }
    if verbose {
        for doc in &scores.documents {
            if doc.missed.is_empty()
                && doc.unmatched.is_empty()
                && doc.repeats.is_empty()
                && doc.wrong_dates.is_empty()
                && doc.wrong_published.is_none()
                && doc.differences.is_empty()
            {
                continue;
            }
            writeln!(out, "\n{}", doc.doc)?;
            if let Some(w) = &doc.wrong_published {
                writeln!(
                    out,
                    "  published        gold {}, got {}",
                    w.gold,
                    w.predicted.map_or("none".to_string(), |d| d.to_string())
                )?;
            }
            for m in &doc.missed {
                let line = m.line.map_or("-".to_string(), |l| l.to_string());
                writeln!(
                    out,
                    "  missed     {:>4}  {:<14} {}",
                    line,
                    m.kind.as_str(),
                    m.what
                )?;
            }
            for u in &doc.unmatched {
                writeln!(
                    out,
                    "  unmatched  {:>4}  {:<14} {}",
                    u.line,
                    u.kind.as_str(),
                    u.what
                )?;
                writeln!(
                    out,
                    "                   {:<14} «{}»",
                    "",
                    shorten(&u.evidence, 60)
                )?;
            }
            for r in &doc.repeats {
                let of = r
                    .gold_line
                    .map_or(String::new(), |l| format!(" (repeats line {l})"));
                writeln!(
                    out,
                    "  repeat     {:>4}  {:<14} {}{of}",
                    r.line,
                    r.kind.as_str(),
                    r.what
                )?;
            }
            for d in &doc.differences {
                let fields: Vec<String> = d
                    .fields
                    .iter()
                    .map(|f| format!("{} gold {}, got {}", f.field, f.gold, f.predicted))
                    .collect();
                writeln!(
                    out,
                    "  differs    {:>4}  {:<14} {}: {}",
                    d.line,
                    d.kind.as_str(),
                    d.what,
                    fields.join("; ")
                )?;
            }
            for w in &doc.wrong_dates {
                writeln!(
                    out,
                    "  wrong date {:>4}  {:<14} {}: gold {}, got {}",
                    w.line,
                    w.kind.as_str(),
                    w.what,
                    w.gold,
                    w.predicted.map_or("none".to_string(), |d| d.to_string())
                )?;
            }
        }
    }
    Ok(())
}

fn shorten(s: &str, max: usize) -> String {
    let s = s.trim();
    if s.chars().count() <= max {
        s.to_string()
    } else {
        format!("{}…", s.chars().take(max).collect::<String>())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::tests::{chip, doc, event, price, share};

    const GOLD: &str = r#"{
      "schema_version": 1,
      "documents": [{
        "doc": "000.txt", "published": "2023-07",
        "chips": ["A800", "H800", ["深算一号", "Z100"]],
        "chips_optional": ["Ascend"],
        "records": [
          {"kind": "price", "chip": "A800", "low": 120000, "high": 120000, "currency": "CNY", "date": null, "line": 13, "qualifier": "about", "role": "before", "basis": "unit"},
          {"kind": "price", "chip": "A800", "low": 250000, "high": 300000, "currency": "CNY", "date": "2023", "line": 13, "role": "after"},
          {"kind": "price", "chip": "A100", "low": 37000, "high": 37000, "currency": "USD", "date": "2023-03", "line": 86, "basis": "rent_month", "optional": true},
          {"kind": "share", "subject": "NVIDIA", "percent": 88, "year": 2022, "line": 109, "market": "数据中心GPU"},
          {"kind": "share", "subject": "AI训练芯片", "percent": 47.2, "year": 2022, "line": 73, "region": "china"},
          {"kind": "export_control", "action": "ban", "chips": ["A100", "H100"], "date": "2022-09", "line": 197, "authority": "US"},
          {"kind": "export_control", "action": "restriction", "chips": [], "date": "2023-10-17", "line": 6}
        ]
      }]
    }"#;

    fn gold() -> Gold {
        Gold::parse(GOLD, "g.json").unwrap()
    }

    #[test]
    fn perfect_predictions_score_one() {
        let d = doc(
            "corpus/000.txt",
            vec![
                price(
                    "corpus/000.txt",
                    13,
                    "A800",
                    120000.0,
                    120000.0,
                    "CNY",
                    Some(Role::Before),
                ),
                price(
                    "corpus/000.txt",
                    13,
                    "a800",
                    251000.0,
                    299000.0,
                    "cny",
                    Some(Role::After),
                ),
                share("corpus/000.txt", 109, "NVIDIA", 88.0, Some(2022)),
                share("corpus/000.txt", 73, "AI训练芯片", 47.0, Some(2022)),
                event(
                    "corpus/000.txt",
                    197,
                    Action::Ban,
                    &["H100"],
                    Some("2022-09-01"),
                ),
                event(
                    "corpus/000.txt",
                    6,
                    Action::Restriction,
                    &["A100"],
                    Some("2023-10-17"),
                ),
                chip("corpus/000.txt", "A800", "NVIDIA", 3, true),
                chip("corpus/000.txt", "H800", "NVIDIA", 3, true),
                chip("corpus/000.txt", "Z100", "Hygon", 1, true),
                chip("corpus/000.txt", "深算一号", "Hygon", 1, true),
                chip("corpus/000.txt", "Ascend", "Huawei", 1, true),
                chip("corpus/000.txt", "H00", "", 1, false),
            ],
        );
        let s = score(&gold(), &[d], &Catalog::embedded());
        for k in Kind::ALL {
            assert_eq!(s.kind(k).f1, Some(1.0), "{k}: {s:#?}");
        }
        // The before side has no gold date; the after side (2023) does, and
        // the date of the price() helper is 2023; the two events agree.
        assert_eq!((s.dates.correct, s.dates.scored), (3, 3), "{:#?}", s.dates);
        assert!(s.below(1.0).is_empty());
        assert!(s.missing.is_empty() && s.unscored.is_empty());
    }

    #[test]
    fn misses_and_wrong_predictions_are_listed() {
        let d = doc(
            "000.txt",
            vec![
                // 2% off: no match.
                price(
                    "000.txt",
                    13,
                    "A800",
                    122500.0,
                    122500.0,
                    "CNY",
                    Some(Role::Before),
                ),
                // Wrong subject for a vendor-id gold subject.
                share("000.txt", 109, "AMD", 88.0, Some(2022)),
                // A noun-phrase subject needs only the percent.
                share("000.txt", 73, "国内AI训练芯片", 47.5, Some(2022)),
                event("000.txt", 197, Action::Ban, &["A100"], Some("2023")),
                chip("000.txt", "A800", "NVIDIA", 3, true),
                chip("000.txt", "MI300X", "AMD", 1, true),
            ],
        );
        let s = score(&gold(), &[d], &Catalog::embedded());
        let p = s.kind(Kind::Price);
        assert_eq!(
            (p.true_positives, p.false_positives, p.false_negatives),
            (0, 1, 2)
        );
        let sh = s.kind(Kind::Share);
        assert_eq!(
            (sh.true_positives, sh.false_positives, sh.false_negatives),
            (1, 1, 1)
        );
        let c = s.kind(Kind::Chip);
        assert_eq!(
            (c.true_positives, c.false_positives, c.false_negatives),
            (1, 1, 2)
        );
        assert_eq!(s.dates.scored, 1);
        assert_eq!(s.dates.correct, 0);
        let doc = &s.documents[0];
        assert_eq!(doc.wrong_dates[0].gold.to_string(), "2022-09");
        // Matched, but subject and region differ from the gold.
        let diff = doc
            .differences
            .iter()
            .find(|d| d.kind == Kind::Share)
            .unwrap();
        let fields: Vec<&str> = diff.fields.iter().map(|f| f.field).collect();
        assert_eq!(fields, ["subject", "region"], "{diff:#?}");
        assert_eq!(diff.fields[1].gold, "china");
        assert_eq!(diff.fields[1].predicted, "-");
        // The helper's documents are published 2023-10; the gold says 2023-07.
        assert_eq!(
            doc.wrong_published.as_ref().unwrap().gold.to_string(),
            "2023-07"
        );
        assert_eq!((s.published.correct, s.published.scored), (0, 1));
        assert!(
            doc.missed.iter().any(|m| m.what == "深算一号 | Z100"),
            "{doc:#?}"
        );
        assert!(
            doc.unmatched
                .iter()
                .any(|u| u.what.starts_with("A800 122,500 CNY")),
            "{doc:#?}"
        );
        assert_eq!(s.below(0.5), vec![Kind::Price, Kind::Chip]);
        let mut out = Vec::new();
        write_text(&s, true, &mut out).unwrap();
        let text = String::from_utf8(out).unwrap();
        assert!(
            text.contains("  missed       13  price          A800 120,000 CNY about before date -"),
            "{text}"
        );
        assert!(
            text.contains("  published        gold 2023-07, got 2023-10\n"),
            "{text}"
        );
        assert!(
            text.contains("  differs      73  share          国内AI训练芯片 47.5% of 数据中心GPU in 2022: subject gold AI训练芯片, got 国内AI训练芯片; region gold china, got -\n"),
            "{text}"
        );
        assert!(
            text.contains(
                "wrong date  197  export_control ban [A100] 2023: gold 2022-09, got 2023"
            ),
            "{text}"
        );
    }

    proptest::proptest! {
        /// Any set of gold prices and events, predicted exactly (in any
        /// order, with duplicates), scores 1: the matching is one to one
        /// and finds every pair.
        #[test]
        fn the_gold_predicted_exactly_scores_one(
            items in proptest::collection::vec((0usize..3, 0usize..3, 0usize..2, 1u32..50), 1..12),
            rotate in 0usize..12,
        ) {
            let chips = ["A800", "H800", "RTX 4090"];
            let values = [120000.0, 250000.0, 121000.0];
            let mut records = Vec::new();
            let mut preds = Vec::new();
            for &(c, v, k, line) in &items {
                if k == 0 {
                    records.push(GoldRecord::Price(GoldPrice {
                        chip: chips[c].into(), low: values[v], high: values[v], currency: "CNY".into(),
                        date: Some(PartialDate::year(2023)), line: Some(line), qualifier: None, role: None,
                        basis: None, optional: false, note: None,
                    }));
                    preds.push(price("a.txt", line, chips[c], values[v], values[v], "CNY", None));
                } else {
                    records.push(GoldRecord::ExportControl(GoldExportControl {
                        action: Action::Ban.into(), chips: vec![chips[c].into()], entities: vec![], authority: None,
                        date: None, effective: None, line: Some(line), optional: false, note: None,
                    }));
                    preds.push(event("a.txt", line, Action::Ban, &[chips[c]], Some("2023")));
                }
            }
            let n = preds.len();
            preds.rotate_left(rotate % n);
            let gold = Gold {
                schema_version: 1,
                note: None,
                documents: vec![GoldDoc {
                    doc: "a.txt".into(), published: None, note: None, chips: vec![], chips_optional: vec![], records,
                }],
            };
            let s = score(&gold, &[doc("a.txt", preds)], &Catalog::embedded());
            proptest::prop_assert_eq!(s.all.f1, Some(1.0));
            proptest::prop_assert_eq!(s.all.true_positives, n);
        }
    }

    #[test]
    fn scores_narrow_to_some_kinds() {
        let d = doc(
            "000.txt",
            vec![
                price(
                    "000.txt",
                    13,
                    "A800",
                    120000.0,
                    120000.0,
                    "CNY",
                    Some(Role::Before),
                ),
                chip("000.txt", "MI300X", "AMD", 1, true),
            ],
        );
        let s = score(&gold(), &[d], &Catalog::embedded()).only(&[Kind::Price]);
        assert_eq!(s.kinds.len(), 1);
        assert_eq!(
            (
                s.all.true_positives,
                s.all.false_positives,
                s.all.false_negatives
            ),
            (1, 0, 1)
        );
        assert!(s.documents[0].missed.iter().all(|m| m.kind == Kind::Price));
        assert!(
            s.documents[0].unmatched.is_empty(),
            "the chip is not a price"
        );
        assert_eq!(s.below(0.9), vec![Kind::Price]);
    }

    #[test]
    fn optional_gold_is_neither_required_nor_wrong() {
        let d = doc(
            "000.txt",
            vec![price("000.txt", 86, "A100", 37000.0, 37000.0, "USD", None)],
        );
        let s = score(&gold(), &[d], &Catalog::embedded());
        let p = s.kind(Kind::Price);
        assert_eq!(
            (p.true_positives, p.false_positives, p.false_negatives),
            (0, 0, 2)
        );
    }

    #[test]
    fn matching_is_one_to_one_and_maximal() {
        // Gold 0 accepts preds 0 and 1, gold 1 only pred 0: greedy by key
        // would pair (0, 0) and leave gold 1 alone.
        let pairs = matching(2, 2, |g, p| match (g, p) {
            (0, 0) => Some(0),
            (0, 1) => Some(1),
            (1, 0) => Some(2),
            _ => None,
        });
        assert_eq!(pairs, vec![(0, 1), (1, 0)]);
    }

    #[test]
    fn documents_are_matched_by_file_name() {
        let s = score(
            &gold(),
            &[doc("other/dir/000.txt", vec![]), doc("x.txt", vec![])],
            &Catalog::embedded(),
        );
        assert_eq!(s.documents.len(), 1);
        assert_eq!(s.unscored, ["x.txt"]);
        assert_eq!(s.kind(Kind::Price).recall, Some(0.0));
    }

    #[test]
    fn a_bad_gold_file_names_line_and_column() {
        let err = Gold::parse(
            "{\n  \"schema_version\": 1,\n  \"documents\": [}\n",
            "bad.json",
        )
        .unwrap_err();
        let msg = err.to_string();
        assert!(msg.starts_with("bad.json:3:"), "{msg}");
        let err = Gold::parse(r#"{"schema_version":1,"documents":[{"doc":"a","records":[{"kind":"price","chip":"A800","lo":1}]}]}"#, "typo.json")
            .unwrap_err();
        // Unknown fields are ignored: the misspelt field leaves `low` missing.
        assert!(err.to_string().contains("missing field `low`"), "{err}");
    }

    #[test]
    fn the_seed_gold_file_parses() {
        let g = Gold::load(Path::new(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/data/seeds.gold.json"
        )))
        .unwrap();
        assert_eq!(g.documents.len(), 5);
    }

    /// A gold file of one document `a.txt` with these records (JSON).
    fn gold_of(records: &str) -> Gold {
        Gold::parse(
            &format!(r#"{{"schema_version": 1, "documents": [{{"doc": "a.txt", "records": [{records}]}}]}}"#),
            "g.json",
        )
        .unwrap()
    }

    fn counts(s: &Scores, kind: Kind) -> (usize, usize, usize, usize) {
        let k = s.kind(kind);
        (
            k.true_positives,
            k.false_positives,
            k.false_negatives,
            k.repeats,
        )
    }

    fn dated(mut r: Record, date: Option<&str>) -> Record {
        let d = date.map(|d| d.parse().unwrap());
        match &mut r {
            Record::Price(p) => p.date = d,
            Record::ExportControl(e) => e.date = d,
            _ => unreachable!("a dated record"),
        }
        r
    }

    #[test]
    fn an_action_list_accepts_any_of_its_actions() {
        let g = gold_of(
            r#"{"kind": "export_control", "action": ["ban", "restriction"], "chips": ["A100"], "date": "2022-09", "line": 3}"#,
        );
        let one = |action| {
            let d = doc(
                "a.txt",
                vec![event("a.txt", 3, action, &["A100"], Some("2022-09"))],
            );
            counts(&score(&g, &[d], &Catalog::embedded()), Kind::ExportControl)
        };
        assert_eq!(one(Action::Ban), (1, 0, 0, 0));
        assert_eq!(one(Action::Restriction), (1, 0, 0, 0));
        assert_eq!(one(Action::Variant), (0, 1, 1, 0));
        // A single action still works, and prints as given.
        let g = gold_of(r#"{"kind": "export_control", "action": "variant"}"#);
        let GoldRecord::ExportControl(e) = &g.documents[0].records[0] else {
            panic!()
        };
        assert_eq!(e.action, GoldAction::One(Action::Variant));
        let g = gold_of(r#"{"kind": "export_control", "action": ["variant", "proposal"]}"#);
        assert_eq!(
            g.documents[0].records[0].describe(),
            "variant|proposal date -"
        );
    }

    #[test]
    fn chip_alternatives_inside_a_record_accept_each_id() {
        let g = gold_of(
            r#"{"kind": "price", "chip": ["MI308", "MI308X"], "low": 10000, "high": 10000, "currency": "USD", "line": 2},
               {"kind": "export_control", "action": "ban", "chips": ["H20", ["MI308", "MI308X"]], "line": 4}"#,
        );
        let d = doc(
            "a.txt",
            vec![
                price("a.txt", 2, "MI308X", 10000.0, 10000.0, "USD", None),
                event("a.txt", 4, Action::Ban, &["MI308"], None),
            ],
        );
        let s = score(&g, &[d], &Catalog::embedded());
        assert_eq!(counts(&s, Kind::Price), (1, 0, 0, 0));
        assert_eq!(counts(&s, Kind::ExportControl), (1, 0, 0, 0));
        // Another chip is not accepted.
        let d = doc(
            "a.txt",
            vec![price("a.txt", 2, "MI300X", 10000.0, 10000.0, "USD", None)],
        );
        let s = score(&g, &[d], &Catalog::embedded());
        assert_eq!(counts(&s, Kind::Price), (0, 1, 1, 0));
        assert_eq!(
            s.documents[0].missed[0].what,
            "MI308|MI308X 10,000 USD date -"
        );
        // The event's chips print with their alternatives; the matched
        // event's chips differ from the gold's (H20 not reported).
        assert_eq!(
            g.documents[0].records[1].describe(),
            "ban [H20, MI308|MI308X] date -"
        );
    }

    #[test]
    fn notes_and_unknown_fields_are_ignored_but_bad_gold_still_fails() {
        let g = Gold::parse(
            r#"{"schema_version": 1, "source": "x", "documents": [{"doc": "a.txt", "url": "u", "note": "n", "records": [
                {"kind": "share", "subject": "NVIDIA", "percent": 88, "note": "why", "reviewer": "me"}]}]}"#,
            "g.json",
        )
        .unwrap();
        assert_eq!(g.documents[0].records.len(), 1);
        // A record without kind: file, line and column.
        let e = Gold::parse(
            "{\"schema_version\": 1, \"documents\": [{\"doc\": \"a.txt\", \"records\": [\n  {\"subject\": \"NVIDIA\", \"percent\": 88}\n]}]}",
            "nokind.json",
        )
        .unwrap_err()
        .to_string();
        assert!(e.starts_with("nokind.json:2:"), "{e}");
        assert!(e.contains("missing field `kind`"), "{e}");
        // An unknown action, alone or in a list, and an empty list.
        for action in [r#""bann""#, r#"["ban", "bann"]"#] {
            let e = Gold::parse(
                &format!(r#"{{"schema_version": 1, "documents": [{{"doc": "a", "records": [{{"kind": "export_control", "action": {action}}}]}}]}}"#),
                "g.json",
            )
            .unwrap_err()
            .to_string();
            assert!(e.starts_with("g.json:1:") && e.contains("bann"), "{e}");
        }
        let e = Gold::parse(
            r#"{"schema_version": 1, "documents": [{"doc": "a", "records": [{"kind": "price", "chip": [], "low": 1, "high": 1, "currency": "CNY"}]}]}"#,
            "g.json",
        )
        .unwrap_err()
        .to_string();
        assert!(e.contains("non-empty array"), "{e}");
    }

    #[test]
    fn required_gold_is_matched_before_optional_gold() {
        // Gold 0 (required) accepts both predictions, gold 1 (required)
        // only the first, gold 2 (optional) only the second: both required
        // records must be found.
        let g = gold_of(
            r#"{"kind": "price", "chip": "A800", "low": 100000, "high": 100000, "currency": "CNY", "line": 1},
               {"kind": "price", "chip": "A800", "low": 100500, "high": 100500, "currency": "CNY", "line": 9},
               {"kind": "price", "chip": "A800", "low": 99500, "high": 99500, "currency": "CNY", "line": 2, "optional": true}"#,
        );
        let d = doc(
            "a.txt",
            vec![
                price("a.txt", 1, "A800", 101000.0, 101000.0, "CNY", None),
                price("a.txt", 2, "A800", 99200.0, 99200.0, "CNY", None),
            ],
        );
        let s = score(&g, &[d], &Catalog::embedded());
        assert_eq!(counts(&s, Kind::Price), (2, 0, 0, 0), "{:#?}", s.documents);
    }

    #[test]
    fn a_prediction_whose_date_agrees_is_preferred() {
        // The same price said twice with two dates; the predictions on the
        // other's line must still pair by date.
        let g = gold_of(
            r#"{"kind": "price", "chip": "A800", "low": 100000, "high": 100000, "currency": "CNY", "date": "2023-04", "line": 5},
               {"kind": "price", "chip": "A800", "low": 100000, "high": 100000, "currency": "CNY", "date": "2023-10", "line": 6}"#,
        );
        let p = |line, date| {
            dated(
                price("a.txt", line, "A800", 100000.0, 100000.0, "CNY", None),
                Some(date),
            )
        };
        let d = doc("a.txt", vec![p(5, "2023-10"), p(6, "2023-04")]);
        let s = score(&g, &[d], &Catalog::embedded());
        assert_eq!(counts(&s, Kind::Price), (2, 0, 0, 0));
        assert_eq!((s.dates.correct, s.dates.scored), (2, 2));
    }

    #[test]
    fn a_repeated_fact_is_neither_right_nor_wrong() {
        let g = gold_of(
            r#"{"kind": "export_control", "action": "ban", "chips": ["A100"], "date": "2022-09", "line": 10},
               {"kind": "share", "subject": "NVIDIA", "percent": 88, "year": 2022, "line": 20}"#,
        );
        let ev = |line, date| event("a.txt", line, Action::Ban, &["A100"], date);
        let d = doc(
            "a.txt",
            vec![
                ev(10, Some("2022-09-01")),
                // The lead says it again: same month, no date, the year only.
                ev(2, Some("2022-09")),
                ev(3, None),
                ev(4, Some("2022")),
                share("a.txt", 20, "NVIDIA", 88.0, Some(2022)),
                share("a.txt", 1, "NVIDIA", 88.0, None),
            ],
        );
        let s = score(&g, &[d], &Catalog::embedded());
        assert_eq!(counts(&s, Kind::ExportControl), (1, 0, 0, 3));
        assert_eq!(counts(&s, Kind::Share), (1, 0, 0, 1));
        assert_eq!(s.all.repeats, 4);
        assert_eq!(s.kind(Kind::ExportControl).precision, Some(1.0));
        let r = &s.documents[0].repeats;
        let lines: Vec<(Kind, u32, Option<u32>)> =
            r.iter().map(|r| (r.kind, r.line, r.gold_line)).collect();
        assert_eq!(
            lines,
            [
                (Kind::Share, 1, Some(20)),
                (Kind::ExportControl, 2, Some(10)),
                (Kind::ExportControl, 3, Some(10)),
                (Kind::ExportControl, 4, Some(10)),
            ]
        );
        let mut out = Vec::new();
        write_text(&s, true, &mut out).unwrap();
        let text = String::from_utf8(out).unwrap();
        assert!(
            text.contains(
                "  repeat        2  export_control ban [A100] 2022-09 (repeats line 10)\n"
            ),
            "{text}"
        );
    }

    #[test]
    fn a_repeat_with_a_conflicting_date_is_a_false_positive() {
        let g = gold_of(
            r#"{"kind": "export_control", "action": "ban", "chips": ["A100"], "date": "2022-09", "line": 10},
               {"kind": "price", "chip": "H100", "low": 250000, "high": 250000, "currency": "CNY", "date": "2023", "line": 5},
               {"kind": "share", "subject": "NVIDIA", "percent": 88, "year": 2022, "line": 20}"#,
        );
        let d = doc(
            "a.txt",
            vec![
                event("a.txt", 10, Action::Ban, &["A100"], Some("2022-09")),
                event("a.txt", 30, Action::Ban, &["A100"], Some("2023-10")),
                event("a.txt", 31, Action::Ban, &["A100"], Some("2022-10")),
                price("a.txt", 5, "H100", 250000.0, 250000.0, "CNY", None),
                dated(
                    price("a.txt", 7, "H100", 250000.0, 250000.0, "CNY", None),
                    Some("2024-01"),
                ),
                share("a.txt", 20, "NVIDIA", 88.0, Some(2022)),
                share("a.txt", 21, "NVIDIA", 88.0, Some(2023)),
            ],
        );
        let s = score(&g, &[d], &Catalog::embedded());
        assert_eq!(counts(&s, Kind::ExportControl), (1, 2, 0, 0));
        assert_eq!(counts(&s, Kind::Price), (1, 1, 0, 0));
        assert_eq!(counts(&s, Kind::Share), (1, 1, 0, 0));
        assert!(s.documents[0].repeats.is_empty());
        let lines: Vec<u32> = s.documents[0].unmatched.iter().map(|u| u.line).collect();
        assert_eq!(lines, [7, 21, 30, 31]);
    }

    #[test]
    fn optional_gold_is_repeated_too() {
        let g = gold_of(
            r#"{"kind": "price", "chip": "A100", "low": 37000, "high": 37000, "currency": "USD", "optional": true, "line": 8}"#,
        );
        let p = |line| price("a.txt", line, "A100", 37000.0, 37000.0, "USD", None);
        let s = score(&g, &[doc("a.txt", vec![p(8), p(9)])], &Catalog::embedded());
        assert_eq!(counts(&s, Kind::Price), (0, 0, 0, 1));
    }

    #[test]
    fn markets_are_compared_after_normalization() {
        assert_eq!(normalize_market("中国大陆AI芯片市场"), "AI芯片");
        assert_eq!(normalize_market("全球数据中心GPU的整体市场"), "数据中心GPU");
        assert_eq!(normalize_market("英伟达总营业收入"), "英伟达营收");
        assert_eq!(normalize_market("国内在华销售额"), "营收");
        assert_eq!(normalize_market("中国市场"), "");
        assert!(markets_agree(
            Some("全球数据中心GPU市场"),
            Some("数据中心GPU")
        ));
        assert!(markets_agree(Some("英伟达销售收入"), Some("英伟达的收入")));
        assert!(!markets_agree(Some("AI芯片"), Some("中国AI训练芯片")));
        assert!(markets_agree(Some("GPU"), Some("数据中心GPU")));
        assert!(markets_agree(Some("数据中心GPU"), Some("GPU")));
        // What is left empty is no market.
        assert!(markets_agree(Some("中国市场"), None));
        assert!(markets_agree(None, Some("全球市场")));
        assert!(!markets_agree(Some("数据中心GPU"), None));
        assert!(!markets_agree(None, Some("数据中心GPU")));
        assert!(!markets_agree(Some("服务器"), Some("数据中心GPU")));
    }

    /// A gold share and the predicted one with a market, region and metric.
    fn share_with(
        market: Option<&str>,
        region: Option<Region>,
        metric: Option<crate::model::Metric>,
    ) -> Record {
        let mut r = share("a.txt", 3, "NVIDIA", 90.0, Some(2023));
        if let Record::Share(s) = &mut r {
            s.market = market.map(str::to_string);
            s.region = region;
            s.metric = metric;
        }
        r
    }

    #[test]
    fn field_accuracy_scores_the_fields_the_gold_states() {
        use crate::model::Metric;
        let g = gold_of(
            r#"{"kind": "price", "chip": "A800", "low": 120000, "high": 120000, "currency": "CNY", "line": 1, "qualifier": null, "basis": "unit", "role": "after"},
               {"kind": "price", "chip": "H800", "low": 200000, "high": 200000, "currency": "CNY", "line": 2, "qualifier": "about"},
               {"kind": "share", "subject": "NVIDIA", "percent": 90, "line": 3, "market": "中国AI芯片市场", "region": "china", "metric": null, "year": 2023},
               {"kind": "export_control", "action": "restriction", "line": 4, "authority": "bis", "effective": "2023-11"},
               {"kind": "export_control", "action": "ban", "line": 5, "authority": null, "effective": null},
               {"kind": "price", "chip": "A100", "low": 1, "high": 1, "currency": "CNY", "line": 6, "qualifier": "over", "optional": true}"#,
        );
        let mut about = price(
            "a.txt",
            1,
            "A800",
            120000.0,
            120000.0,
            "CNY",
            Some(Role::After),
        );
        if let Record::Price(p) = &mut about {
            // Gold states null: about is wrong.
            p.qualifier = Some(Qualifier::About);
        }
        let mut restriction = event("a.txt", 4, Action::Restriction, &[], None);
        if let Record::ExportControl(e) = &mut restriction {
            e.authority = Some("BIS".into());
            e.effective = Some("2023-11-16".parse().unwrap());
        }
        let d = doc(
            "a.txt",
            vec![
                about,
                // Gold states qualifier about only; basis and role unstated.
                price(
                    "a.txt",
                    2,
                    "H800",
                    200000.0,
                    200000.0,
                    "CNY",
                    Some(Role::Before),
                ),
                share_with(Some("AI芯片"), None, Some(Metric::Revenue)),
                restriction,
                // Authority US where the gold states null.
                event("a.txt", 5, Action::Ban, &[], None),
                // Optional gold: its fields are not scored.
                price("a.txt", 6, "A100", 1.0, 1.0, "CNY", None),
            ],
        );
        let s = score(&g, &[d], &Catalog::embedded());
        let f = &s.fields;
        let acc = |name: &str| {
            let a = f.field(name).unwrap();
            (a.correct, a.scored)
        };
        assert_eq!(acc("price.qualifier"), (0, 2));
        assert_eq!(acc("price.basis"), (1, 1));
        assert_eq!(acc("price.role"), (1, 1));
        assert_eq!(acc("share.market"), (1, 1));
        assert_eq!(acc("share.region"), (0, 1));
        assert_eq!(acc("share.metric"), (0, 1));
        assert_eq!(acc("share.year"), (1, 1));
        assert_eq!(acc("share.qualifier"), (0, 0));
        assert_eq!(acc("export_control.authority"), (1, 2));
        assert_eq!(acc("export_control.effective"), (2, 2));
        assert_eq!((f.correct, f.scored), (7, 12));
        assert_eq!(f.by_field.len(), SCORED_FIELDS.len());
        assert_eq!(f.field("share.qualifier").unwrap().accuracy, None);
        assert!(s.fields_below(0.6) && !s.fields_below(0.5));
        // The differences name both values; unscored ones (line, subject)
        // only when they differ.
        let diffs: Vec<String> = s.documents[0]
            .differences
            .iter()
            .flat_map(|d| {
                d.fields.iter().map(move |f| {
                    format!(
                        "{}:{} {}/{} {}",
                        d.line, f.field, f.gold, f.predicted, f.scored
                    )
                })
            })
            .collect();
        assert_eq!(
            diffs,
            [
                "1:qualifier -/about true",
                "2:qualifier about/- true",
                "3:region china/- true",
                "3:metric -/revenue true",
                "5:authority -/US true",
            ]
        );
        // The table prints the overall line and one line per scored field.
        let mut out = Vec::new();
        write_text(&s, true, &mut out).unwrap();
        let text = String::from_utf8(out).unwrap();
        assert!(
            text.contains("\nfield accuracy  7/12 = 0.583 (fields the gold states, over matched required records)\n"),
            "{text}"
        );
        assert!(
            text.contains("\n  share.metric             0.000 (0/1)\n"),
            "{text}"
        );
        assert!(
            text.contains("\n  export_control.effective 1.000 (2/2)\n"),
            "{text}"
        );
        assert!(!text.contains("share.qualifier"), "{text}");
        assert!(
            text.contains("  differs       3  share          NVIDIA 90% of AI芯片 in 2023: region gold china, got -; metric gold -, got revenue\n"),
            "{text}"
        );
        // Narrowed to shares, field accuracy is over share fields only.
        let only = s.only(&[Kind::Share]);
        assert_eq!((only.fields.correct, only.fields.scored), (2, 4));
        assert!(only.fields.by_field.keys().all(|k| k.starts_with("share.")));
    }

    #[test]
    fn an_effective_date_agrees_to_the_gold_precision() {
        let g = gold_of(
            r#"{"kind": "export_control", "action": "ban", "line": 1, "effective": "2023-11-16"}"#,
        );
        let with = |eff: Option<&str>| {
            let mut r = event("a.txt", 1, Action::Ban, &[], None);
            if let Record::ExportControl(e) = &mut r {
                e.effective = eff.map(|d| d.parse().unwrap());
            }
            let s = score(&g, &[doc("a.txt", vec![r])], &Catalog::embedded());
            s.fields.correct
        };
        assert_eq!(with(Some("2023-11-16")), 1);
        assert_eq!(with(Some("2023-11")), 0);
        assert_eq!(with(None), 0);
    }

    #[test]
    fn a_share_year_prefers_and_repeats_like_a_date() {
        let g = gold_of(
            r#"{"kind": "share", "subject": "NVIDIA", "percent": 90, "year": 2022, "line": 1, "market": "GPU"},
               {"kind": "share", "subject": "NVIDIA", "percent": 90, "year": 2023, "line": 1, "market": "GPU"}"#,
        );
        let d = doc(
            "a.txt",
            vec![
                share("a.txt", 1, "NVIDIA", 90.0, Some(2023)),
                share("a.txt", 1, "NVIDIA", 90.0, Some(2022)),
            ],
        );
        let s = score(&g, &[d], &Catalog::embedded());
        assert_eq!(counts(&s, Kind::Share), (2, 0, 0, 0));
        assert_eq!(s.fields.field("share.year").unwrap().correct, 2);
    }
}

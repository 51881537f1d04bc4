//! The extractor's words as data: currency words, qualifiers and the word
//! lists of the readers, in `src/lexicon/*.toml` (embedded at build time).
//! Users add words at run time with `--lexicon FILE`, in the same format, so
//! a new word needs no rebuild; `chipscan lexicon` prints the merged lexicon.
//!
//! Every entry has a meaning: a currency word its currency code and where it
//! stands (before or after an amount), a qualifier word its value, an
//! authority word the export-control authority it names (and that
//! authority's country), a word of a list the list it is in. Readers find words leftmost-longest, so the
//! order of a file has no meaning. The pre-filters that tell which sentences
//! may hold a word (the currency sign and the export-control trigger pairs
//! of [`crate::extract::signs`], the share reader's hold-word starts and
//! frame anchors) are derived from the lexicon, never listed by hand.
//!
//! The lexicon is set once per run ([`install`], by the command line, before
//! any document is read); without it, the readers use the embedded one.
//! `src/lexicon/market.toml` (the share reader's market terms) is read by
//! src/extract/share.rs itself for now.

use std::collections::BTreeMap;
use std::path::Path;
use std::sync::OnceLock;

use serde::{Deserialize, Serialize};
use toml::Spanned;

use crate::model::Qualifier;

/// The embedded lexicon files, by name.
pub const EMBEDDED: &[(&str, &str)] = &[
    ("money.toml", include_str!("lexicon/money.toml")),
    ("qualifier.toml", include_str!("lexicon/qualifier.toml")),
    ("price.toml", include_str!("lexicon/price.toml")),
    ("page.toml", include_str!("lexicon/page.toml")),
    ("chips.toml", include_str!("lexicon/chips.toml")),
    ("share.toml", include_str!("lexicon/share.toml")),
    ("export.toml", include_str!("lexicon/export.toml")),
    ("date.toml", include_str!("lexicon/date.toml")),
    ("number.toml", include_str!("lexicon/number.toml")),
];

/// The words that name one currency.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct CurrencyWords {
    /// ISO 4217 code, one of the money table's ([`crate::money::CURRENCIES`]).
    pub code: String,
    /// Words right after an amount (12万美元).
    pub after: Vec<String>,
    /// Words and signs right before an amount (US$1,999).
    pub before: Vec<String>,
    /// Words after an amount only at the end of a clause or before 钱 (卖4万块).
    pub spoken: Vec<String>,
}

/// The words of one qualifier value.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct QualifierWords {
    pub value: Qualifier,
    /// Words just before an amount (约, 不超过).
    pub before: Vec<String>,
    /// Words just after it (左右, 以上).
    pub after: Vec<String>,
}

/// The words that name one export-control authority.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct AuthorityWords {
    /// The authority as a record names it (`BIS`, `US`, `China`).
    pub id: String,
    /// The country it belongs to (BIS is the United States').
    pub country: String,
    pub words: Vec<String>,
}

/// A named word list of a reader.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct WordList {
    pub name: String,
    pub about: String,
    pub words: Vec<String>,
}

/// The merged lexicon.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Lexicon {
    pub currency: Vec<CurrencyWords>,
    pub qualifier: Vec<QualifierWords>,
    pub authority: Vec<AuthorityWords>,
    pub list: Vec<WordList>,
}

// The file format. Every word keeps its span, so an error names its line.

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    #[serde(default)]
    currency: Vec<CurrencyFile>,
    #[serde(default)]
    qualifier: Vec<QualifierFile>,
    #[serde(default)]
    authority: Vec<AuthorityFile>,
    #[serde(default)]
    list: Vec<ListFile>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct AuthorityFile {
    id: Spanned<String>,
    #[serde(default)]
    country: Option<Spanned<String>>,
    #[serde(default)]
    words: Vec<Spanned<String>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct CurrencyFile {
    code: Spanned<String>,
    #[serde(default)]
    after: Vec<Spanned<String>>,
    #[serde(default)]
    before: Vec<Spanned<String>>,
    #[serde(default)]
    spoken: Vec<Spanned<String>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct QualifierFile {
    value: Spanned<String>,
    #[serde(default)]
    before: Vec<Spanned<String>>,
    #[serde(default)]
    after: Vec<Spanned<String>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ListFile {
    name: Spanned<String>,
    #[serde(default)]
    about: Option<String>,
    #[serde(default)]
    words: Vec<Spanned<String>>,
}

/// A lexicon file that could not be read, parsed or merged.
#[derive(Debug, thiserror::Error)]
pub enum LexiconError {
    #[error("{path}: cannot read lexicon: {source}")]
    Io {
        path: String,
        #[source]
        source: std::io::Error,
    },
    #[error("{path}:{line}:{column}: invalid lexicon TOML: {message}")]
    Parse { path: String, line: usize, column: usize, message: String },
    #[error("{path}:{line}: {message}")]
    Invalid { path: String, line: usize, message: String },
}

/// Qualifier values as the files write them.
const QUALIFIERS: &[(&str, Qualifier)] =
    &[("about", Qualifier::About), ("over", Qualifier::Over), ("under", Qualifier::Under), ("up_to", Qualifier::UpTo)];

fn qualifier_name(q: Qualifier) -> &'static str {
    QUALIFIERS.iter().find(|(_, v)| *v == q).map_or("?", |(n, _)| n)
}

/// Where a word stands, to tell duplicates: the same word twice in one place
/// is an error, whatever its meaning.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Place {
    CurrencyAfter,
    CurrencyBefore,
    CurrencySpoken,
    QualifierBefore,
    QualifierAfter,
    Authority,
}

impl Place {
    fn what(self) -> &'static str {
        match self {
            Place::CurrencyAfter => "currency word after an amount",
            Place::CurrencyBefore => "currency word before an amount",
            Place::CurrencySpoken => "spoken currency word",
            Place::QualifierBefore => "qualifier before an amount",
            Place::QualifierAfter => "qualifier after an amount",
            Place::Authority => "word of an export-control authority",
        }
    }
}

impl Lexicon {
    /// The lexicon shipped with chipscan. Read without the TOML parser, which
    /// would cost more than the rest of a short run's start: the embedded
    /// files keep to a plain subset of TOML ([`read_plain`]), and a test
    /// checks that the full, checking reader ([`Lexicon::embedded_checked`])
    /// gives the same lexicon.
    pub fn embedded() -> Lexicon {
        let mut lex = Lexicon::default();
        for (_, text) in EMBEDDED {
            read_plain(text, &mut lex);
        }
        lex
    }

    /// The embedded lexicon through the full reader, with every check.
    pub fn embedded_checked() -> Result<Lexicon, LexiconError> {
        let mut lex = Lexicon::default();
        for (name, text) in EMBEDDED {
            lex.add(text, &format!("<embedded lexicon {name}>"), true)?;
        }
        Ok(lex)
    }

    /// The embedded lexicon, extended with the file `extra` when given.
    pub fn load(extra: Option<&Path>) -> Result<Lexicon, LexiconError> {
        let mut lex = Lexicon::embedded();
        if let Some(path) = extra {
            let shown = path.display().to_string();
            let text = std::fs::read_to_string(path).map_err(|source| LexiconError::Io { path: shown.clone(), source })?;
            lex.add(&text, &shown, false)?;
        }
        Ok(lex)
    }

    /// Adds the entries of the lexicon file `text` (`origin` names it in
    /// errors). A file may add words to any currency of the money table, any
    /// qualifier value and any list the embedded lexicon defines (`defining`:
    /// the embedded files, which also define lists). A word a file lists
    /// twice in one place, or that already has another meaning there, is an
    /// error; one the lexicon already has with the same meaning is skipped.
    pub fn add(&mut self, text: &str, origin: &str, defining: bool) -> Result<(), LexiconError> {
        let file: File = toml::from_str(text).map_err(|e| {
            let (line, column) = e.span().map(|s| line_col(text, s.start)).unwrap_or((1, 1));
            LexiconError::Parse { path: origin.to_string(), line, column, message: e.message().to_string() }
        })?;
        let invalid = |at: usize, message: String| LexiconError::Invalid {
            path: origin.to_string(),
            line: line_col(text, at).0,
            message,
        };
        // Words of this file, by place: to tell a word listed twice.
        let mut seen: BTreeMap<(Place, String), ()> = BTreeMap::new();
        let mut check = |lex: &Lexicon, place: Place, w: &Spanned<String>, meaning: &str| -> Result<bool, LexiconError> {
            let word = w.get_ref();
            if word.trim().is_empty() || word.contains('\n') {
                return Err(invalid(w.span().start, format!("empty {} (a word needs a letter)", place.what())));
            }
            if seen.insert((place, word.clone()), ()).is_some() {
                return Err(invalid(w.span().start, format!("{word:?} is listed twice as a {}", place.what())));
            }
            match lex.meaning_of(place, word) {
                None => Ok(true),
                Some(m) if m == meaning => Ok(false),
                Some(m) => Err(invalid(
                    w.span().start,
                    format!("{word:?} is already a {} meaning {m}, not {meaning}", place.what()),
                )),
            }
        };
        for c in file.currency {
            let code = c.code.get_ref().to_ascii_uppercase();
            if !crate::money::CURRENCIES.iter().any(|m| m.code == code) {
                let known: Vec<&str> = crate::money::CURRENCIES.iter().map(|m| m.code).collect();
                return Err(invalid(
                    c.code.span().start,
                    format!("unknown currency code {:?} (the money table has {}; a rate is needed)", c.code.get_ref(), known.join(", ")),
                ));
            }
            let mut add = CurrencyWords { code: code.clone(), ..Default::default() };
            for (place, words, to) in [
                (Place::CurrencyAfter, &c.after, &mut add.after),
                (Place::CurrencyBefore, &c.before, &mut add.before),
                (Place::CurrencySpoken, &c.spoken, &mut add.spoken),
            ] {
                for w in words {
                    if check(self, place, w, &code)? {
                        to.push(w.get_ref().clone());
                    }
                }
            }
            let at = match self.currency.iter().position(|k| k.code == code) {
                Some(i) => i,
                None => {
                    self.currency.push(CurrencyWords { code, ..Default::default() });
                    self.currency.len() - 1
                }
            };
            let known = &mut self.currency[at];
            known.after.extend(add.after);
            known.before.extend(add.before);
            known.spoken.extend(add.spoken);
        }
        for q in file.qualifier {
            let Some(&(name, value)) = QUALIFIERS.iter().find(|(n, _)| n == q.value.get_ref()) else {
                let known: Vec<&str> = QUALIFIERS.iter().map(|(n, _)| *n).collect();
                return Err(invalid(
                    q.value.span().start,
                    format!("unknown qualifier value {:?} (one of {})", q.value.get_ref(), known.join(", ")),
                ));
            };
            let mut before = Vec::new();
            let mut after = Vec::new();
            for (place, words, to) in
                [(Place::QualifierBefore, &q.before, &mut before), (Place::QualifierAfter, &q.after, &mut after)]
            {
                for w in words {
                    if check(self, place, w, name)? {
                        to.push(w.get_ref().clone());
                    }
                }
            }
            match self.qualifier.iter_mut().find(|k| k.value == value) {
                Some(known) => {
                    known.before.extend(before);
                    known.after.extend(after);
                }
                None => self.qualifier.push(QualifierWords { value, before, after }),
            }
        }
        for a in file.authority {
            let id = a.id.get_ref().trim().to_string();
            if id.is_empty() {
                return Err(invalid(a.id.span().start, "empty authority id".to_string()));
            }
            let country = a.country.as_ref().map(|c| c.get_ref().trim().to_string());
            let at = match self.authority.iter().position(|k| k.id == id) {
                Some(i) => {
                    if let Some(c) = country.as_ref().filter(|c| **c != self.authority[i].country) {
                        return Err(invalid(
                            a.country.as_ref().map_or(a.id.span().start, |c| c.span().start),
                            format!("authority {id:?} belongs to {:?}, not {c:?}", self.authority[i].country),
                        ));
                    }
                    i
                }
                None => {
                    let Some(country) = country.filter(|c| !c.is_empty()) else {
                        return Err(invalid(a.id.span().start, format!("new authority {id:?} needs a country")));
                    };
                    self.authority.push(AuthorityWords { id: id.clone(), country, words: Vec::new() });
                    self.authority.len() - 1
                }
            };
            for w in &a.words {
                if check(self, Place::Authority, w, &id)? {
                    self.authority[at].words.push(w.get_ref().clone());
                }
            }
        }
        for l in file.list {
            let name = l.name.get_ref();
            let at = match self.list.iter().position(|k| &k.name == name) {
                Some(i) => i,
                None if defining => {
                    self.list.push(WordList { name: name.clone(), about: l.about.clone().unwrap_or_default(), words: Vec::new() });
                    self.list.len() - 1
                }
                None => {
                    let known: Vec<&str> = self.list.iter().map(|k| k.name.as_str()).collect();
                    return Err(invalid(
                        l.name.span().start,
                        format!("unknown word list {name:?} (one of {})", known.join(", ")),
                    ));
                }
            };
            let mut in_file = std::collections::BTreeSet::new();
            for w in &l.words {
                let word = w.get_ref();
                if word.is_empty() || word.contains('\n') {
                    return Err(invalid(w.span().start, format!("empty word in list {name}")));
                }
                if !in_file.insert(word.clone()) {
                    return Err(invalid(w.span().start, format!("{word:?} is listed twice in list {name}")));
                }
                if !self.list[at].words.contains(word) {
                    self.list[at].words.push(word.clone());
                }
            }
        }
        Ok(())
    }

    /// The meaning a word already has in `place`, if any.
    fn meaning_of(&self, place: Place, word: &str) -> Option<String> {
        match place {
            Place::CurrencyAfter | Place::CurrencyBefore | Place::CurrencySpoken => self
                .currency
                .iter()
                .find(|c| {
                    let words = match place {
                        Place::CurrencyAfter => &c.after,
                        Place::CurrencyBefore => &c.before,
                        _ => &c.spoken,
                    };
                    words.iter().any(|w| w == word)
                })
                .map(|c| c.code.clone()),
            Place::QualifierBefore | Place::QualifierAfter => self
                .qualifier
                .iter()
                .find(|q| {
                    let words = if place == Place::QualifierBefore { &q.before } else { &q.after };
                    words.iter().any(|w| w == word)
                })
                .map(|q| qualifier_name(q.value).to_string()),
            Place::Authority => self.authority.iter().find(|a| a.words.iter().any(|w| w == word)).map(|a| a.id.clone()),
        }
    }

    /// (word, authority, country) of every authority word, in file order.
    pub fn authority_words(&self) -> Vec<(&str, &str, &str)> {
        self.authority
            .iter()
            .flat_map(|a| a.words.iter().map(move |w| (w.as_str(), a.id.as_str(), a.country.as_str())))
            .collect()
    }

    /// The words of list `name`; a list the lexicon lacks is a bug.
    pub fn words(&self, name: &str) -> Vec<&str> {
        let list = self.list.iter().find(|l| l.name == name).unwrap_or_else(|| panic!("no word list {name} in the lexicon"));
        list.words.iter().map(String::as_str).collect()
    }

    /// (code, word) of every currency word of a place: after, before, spoken.
    pub fn currency_words(&self, place: &str) -> Vec<(&str, &str)> {
        let mut out = Vec::new();
        for c in &self.currency {
            let words = match place {
                "after" => &c.after,
                "before" => &c.before,
                _ => &c.spoken,
            };
            out.extend(words.iter().map(|w| (c.code.as_str(), w.as_str())));
        }
        out
    }

    /// (word, value) of every qualifier before (`before`) or after an amount.
    pub fn qualifier_words(&self, before: bool) -> Vec<(&str, Qualifier)> {
        let mut out = Vec::new();
        for q in &self.qualifier {
            let words = if before { &q.before } else { &q.after };
            out.extend(words.iter().map(|w| (w.as_str(), q.value)));
        }
        out
    }

    /// Rows of the lexicon: (section, word, meaning), sorted.
    pub fn rows(&self) -> Vec<(String, String, String)> {
        let mut rows = Vec::new();
        for c in &self.currency {
            for (place, words) in [("after", &c.after), ("before", &c.before), ("spoken", &c.spoken)] {
                rows.extend(words.iter().map(|w| (format!("currency.{place}"), w.clone(), c.code.clone())));
            }
        }
        for q in &self.qualifier {
            for (place, words) in [("before", &q.before), ("after", &q.after)] {
                rows.extend(words.iter().map(|w| (format!("qualifier.{place}"), w.clone(), qualifier_name(q.value).to_string())));
            }
        }
        for a in &self.authority {
            rows.extend(a.words.iter().map(|w| ("authority".to_string(), w.clone(), format!("{} ({})", a.id, a.country))));
        }
        for l in &self.list {
            rows.extend(l.words.iter().map(|w| (format!("list {}", l.name), w.clone(), String::new())));
        }
        rows.sort();
        rows
    }

    /// The lexicon in the TOML format it is read from (one file).
    pub fn to_toml(&self) -> String {
        #[derive(Serialize)]
        struct Out<'a> {
            currency: Vec<CurrencyOut<'a>>,
            qualifier: Vec<QualifierOut<'a>>,
            authority: &'a [AuthorityWords],
            list: &'a [WordList],
        }
        #[derive(Serialize)]
        struct CurrencyOut<'a> {
            code: &'a str,
            #[serde(skip_serializing_if = "<[String]>::is_empty")]
            after: &'a [String],
            #[serde(skip_serializing_if = "<[String]>::is_empty")]
            before: &'a [String],
            #[serde(skip_serializing_if = "<[String]>::is_empty")]
            spoken: &'a [String],
        }
        #[derive(Serialize)]
        struct QualifierOut<'a> {
            value: &'a str,
            #[serde(skip_serializing_if = "<[String]>::is_empty")]
            before: &'a [String],
            #[serde(skip_serializing_if = "<[String]>::is_empty")]
            after: &'a [String],
        }
        let out = Out {
            currency: self
                .currency
                .iter()
                .map(|c| CurrencyOut { code: &c.code, after: &c.after, before: &c.before, spoken: &c.spoken })
                .collect(),
            qualifier: self
                .qualifier
                .iter()
                .map(|q| QualifierOut { value: qualifier_name(q.value), before: &q.before, after: &q.after })
                .collect(),
            authority: &self.authority,
            list: &self.list,
        };
        toml::to_string(&out).expect("a lexicon serializes")
    }
}

/// Reads an embedded lexicon file: `[[section]]` headers, `key = "string"`
/// and `key = ["word", ...]` (the array may run over several lines), `#`
/// comments; strings hold no escapes but \" and \\. Entries are taken as
/// they are: the checks are the test's (see [`Lexicon::embedded`]).
fn read_plain(text: &str, lex: &mut Lexicon) {
    fn strings(s: &str, out: &mut Vec<String>) {
        let mut rest = s;
        while let Some(open) = rest.find('"') {
            let body = &rest[open + 1..];
            let mut word = String::new();
            let mut chars = body.char_indices();
            let mut end = body.len();
            while let Some((i, c)) = chars.next() {
                match c {
                    '\\' => word.extend(chars.next().map(|(_, e)| e)),
                    '"' => {
                        end = i + 1;
                        break;
                    }
                    _ => word.push(c),
                }
            }
            out.push(word);
            rest = &body[end..];
        }
    }
    let mut section = "";
    let mut lines = text.lines();
    while let Some(line) = lines.next() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        if let Some(name) = line.strip_prefix("[[").and_then(|l| l.strip_suffix("]]")) {
            section = match name {
                "currency" => {
                    lex.currency.push(CurrencyWords::default());
                    "currency"
                }
                "qualifier" => {
                    lex.qualifier.push(QualifierWords { value: Qualifier::About, before: Vec::new(), after: Vec::new() });
                    "qualifier"
                }
                "authority" => {
                    lex.authority.push(AuthorityWords::default());
                    "authority"
                }
                _ => {
                    lex.list.push(WordList { name: String::new(), about: String::new(), words: Vec::new() });
                    "list"
                }
            };
            continue;
        }
        let Some((key, value)) = line.split_once('=') else { continue };
        let (key, value) = (key.trim(), value.trim());
        let mut values = Vec::new();
        if value.starts_with('[') {
            let mut all = value.to_string();
            while !all.trim_end().ends_with(']') {
                let Some(more) = lines.next() else { break };
                all.push_str(more);
            }
            strings(&all, &mut values);
        } else {
            strings(value, &mut values);
        }
        let one = || values.first().cloned().unwrap_or_default();
        match (section, key) {
            ("currency", "code") => lex.currency.last_mut().unwrap().code = one(),
            ("currency", "after") => lex.currency.last_mut().unwrap().after = values,
            ("currency", "before") => lex.currency.last_mut().unwrap().before = values,
            ("currency", "spoken") => lex.currency.last_mut().unwrap().spoken = values,
            ("qualifier", "value") => {
                let v = one();
                lex.qualifier.last_mut().unwrap().value = QUALIFIERS.iter().find(|(n, _)| *n == v).map_or(Qualifier::About, |q| q.1);
            }
            ("qualifier", "before") => lex.qualifier.last_mut().unwrap().before = values,
            ("qualifier", "after") => lex.qualifier.last_mut().unwrap().after = values,
            ("authority", "id") => lex.authority.last_mut().unwrap().id = one(),
            ("authority", "country") => lex.authority.last_mut().unwrap().country = one(),
            ("authority", "words") => lex.authority.last_mut().unwrap().words = values,
            ("list", "name") => lex.list.last_mut().unwrap().name = one(),
            ("list", "about") => lex.list.last_mut().unwrap().about = one(),
            ("list", "words") => lex.list.last_mut().unwrap().words = values,
            _ => {}
        }
    }
}

fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let before = &text[..offset.min(text.len())];
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, column)
}

static INSTALLED: OnceLock<Lexicon> = OnceLock::new();

/// Sets the lexicon of this run. Call it before any document is read: the
/// readers build their word automata and pre-filters from the lexicon on
/// first use. Fails (giving the lexicon back) when one is set already.
pub fn install(lex: Lexicon) -> Result<(), Lexicon> {
    INSTALLED.set(lex)
}

/// The lexicon of this run: the installed one, else the embedded one.
pub fn get() -> &'static Lexicon {
    INSTALLED.get_or_init(Lexicon::embedded)
}

/// The words of the list `name` of this run's lexicon (`export.ban_cues`),
/// for the readers' word statics.
pub fn words(name: &str) -> Vec<&'static str> {
    get().words(name)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_embedded_lexicon_loads_and_has_every_list() {
        // The plain reader of the embedded files gives what the checking
        // reader gives: the files are valid and keep to its subset of TOML.
        let lex = Lexicon::embedded();
        assert_eq!(lex, Lexicon::embedded_checked().unwrap());
        assert!(lex.currency_words("after").contains(&("USD", "美元")));
        assert!(lex.qualifier_words(true).contains(&("不超过", Qualifier::UpTo)));
        for name in ["price.cue", "price.not_price", "page.legal", "qualifier.between"] {
            assert!(!lex.words(name).is_empty(), "{name}");
        }
    }

    #[test]
    fn a_file_adds_words() {
        let mut lex = Lexicon::embedded();
        let file = "[[currency]]\ncode = \"EUR\"\nafter = [\"欧币\"]\n\n[[qualifier]]\nvalue = \"about\"\nbefore = [\"约莫\"]\n\n[[list]]\nname = \"price.cue\"\nwords = [\"要价\", \"售\"]\n";
        lex.add(file, "extra.toml", false).unwrap();
        assert!(lex.currency_words("after").contains(&("EUR", "欧币")));
        assert!(lex.qualifier_words(true).contains(&("约莫", Qualifier::About)));
        let cues = lex.words("price.cue");
        assert!(cues.contains(&"要价"));
        assert_eq!(cues.iter().filter(|w| **w == "售").count(), 1);
        // A word the lexicon has with the same meaning is no error.
        lex.add("[[currency]]\ncode = \"USD\"\nafter = [\"美元\"]\n", "again.toml", false).unwrap();
    }

    fn error(file: &str) -> String {
        Lexicon::embedded().add(file, "extra.toml", false).unwrap_err().to_string()
    }

    #[test]
    fn duplicate_entries_are_rejected_with_their_line() {
        assert_eq!(
            error("[[qualifier]]\nvalue = \"about\"\nbefore = [\"约莫\",\n  \"约莫\"]\n"),
            "extra.toml:4: \"约莫\" is listed twice as a qualifier before an amount"
        );
        assert_eq!(
            error("[[list]]\nname = \"price.cue\"\nwords = [\"要价\", \"要价\"]\n"),
            "extra.toml:3: \"要价\" is listed twice in list price.cue"
        );
        // The same word with another meaning.
        assert_eq!(
            error("[[currency]]\ncode = \"CNY\"\n\nafter = [\"美元\"]\n"),
            "extra.toml:4: \"美元\" is already a currency word after an amount meaning USD, not CNY"
        );
        assert_eq!(
            error("[[qualifier]]\nvalue = \"over\"\nbefore = [\"不超过\"]\n"),
            "extra.toml:3: \"不超过\" is already a qualifier before an amount meaning up_to, not over"
        );
    }

    #[test]
    fn unknown_meanings_are_rejected_with_their_line() {
        assert_eq!(
            error("\n[[qualifier]]\nvalue = \"roughly\"\nbefore = [\"约莫\"]\n"),
            "extra.toml:3: unknown qualifier value \"roughly\" (one of about, over, under, up_to)"
        );
        assert_eq!(
            error("[[currency]]\ncode = \"CHF\"\nafter = [\"瑞士法郎\"]\n"),
            "extra.toml:2: unknown currency code \"CHF\" (the money table has USD, CNY, HKD, TWD, JPY, EUR, MOP, MYR, SGD, AUD, KRW, GBP, CAD, THB, IDR, PHP, MXN, VND; a rate is needed)"
        );
        assert!(error("[[list]]\nname = \"price.cues\"\nwords = [\"要价\"]\n").starts_with("extra.toml:2: unknown word list \"price.cues\""));
        let e = error("[[currency]]\ncode = \"USD\"\nwords = [\"刀\"]\n");
        assert!(e.starts_with("extra.toml:3:1: invalid lexicon TOML: unknown field `words`"), "{e}");
        assert!(error("[[qualifier]]\nvalue = \"about\"\nbefore = [\"\"]\n").starts_with("extra.toml:3: empty qualifier"));
    }

    #[test]
    fn a_file_adds_authority_words_with_the_same_rules() {
        let mut lex = Lexicon::embedded();
        assert!(lex.authority_words().contains(&("工业与安全局", "BIS", "US")));
        lex.add("[[authority]]\nid = \"BIS\"\nwords = [\"美国工业安全局\"]\n\n[[authority]]\nid = \"India\"\ncountry = \"India\"\nwords = [\"印度\"]\n", "extra.toml", false)
            .unwrap();
        assert!(lex.authority_words().contains(&("美国工业安全局", "BIS", "US")));
        assert!(lex.authority_words().contains(&("印度", "India", "India")));
        assert_eq!(
            error("[[authority]]\nid = \"China\"\nwords = [\"白宫\"]\n"),
            "extra.toml:3: \"白宫\" is already a word of an export-control authority meaning US, not China"
        );
        assert_eq!(error("[[authority]]\nid = \"India\"\nwords = [\"印度\"]\n"), "extra.toml:2: new authority \"India\" needs a country");
        assert_eq!(
            error("[[authority]]\nid = \"BIS\"\ncountry = \"China\"\n"),
            "extra.toml:3: authority \"BIS\" belongs to \"US\", not \"China\""
        );
    }

    #[test]
    fn the_printed_lexicon_reads_back_the_same() {
        let lex = Lexicon::embedded();
        let mut again = Lexicon::default();
        again.add(&lex.to_toml(), "printed", true).unwrap();
        assert_eq!(again, lex);
        let mut plain = Lexicon::default();
        read_plain(&lex.to_toml(), &mut plain);
        assert_eq!(plain, lex);
    }
}

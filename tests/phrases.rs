//! The phrase corpus: every file in `tests/phrases/*.toml` holds `[[case]]`
//! tables, each a short real-style text and the records it must give.
//!
//! ```toml
//! [[case]]
//! text = "英伟达A800售价约12万元。"
//! published = "2023-10"          # optional: anchors relative dates
//! expect = [ { kind = "price", chip = "A800", low = 120000, currency = "CNY", qualifier = "about" } ]
//! ```
//!
//! A case is read through the real loader (so Traditional text is converted
//! as a file would be) and the embedded catalog. Its records of the kinds it
//! checks (`kinds`, default price, share and export_control) must be exactly
//! the expected ones (chip records are checked by `chips` instead; `kinds =
//! ["chip"]` checks only them): every expectation matches a distinct record (each key
//! it gives equals the record's field; `"null"` stands for JSON null, a list
//! of strings compares as a set), and no record is left over. `expect = []`
//! is a phrase that must give nothing. `chips = [...]`, when given, is the
//! set of chip ids the text must name (records of kind chip). Every failing
//! case is named with its file, its index and what differed.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use chipscan::catalog::Catalog;
use chipscan::extract::Extractor;
use chipscan::load::{LoadOptions, Loader};
use chipscan::model::PartialDate;
use serde::Deserialize;
use serde_json::Value;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    case: Vec<Case>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Case {
    text: String,
    published: Option<String>,
    expect: Vec<toml::Table>,
    kinds: Option<Vec<String>>,
    chips: Option<Vec<String>>,
    /// Why the case is there (free text, not checked).
    #[allow(dead_code)]
    note: Option<String>,
}

const DEFAULT_KINDS: &[&str] = &["price", "share", "export_control"];

fn to_json(v: &toml::Value) -> Value {
    match v {
        toml::Value::String(s) if s == "null" => Value::Null,
        toml::Value::String(s) => Value::String(s.clone()),
        toml::Value::Integer(i) => Value::from(*i as f64),
        toml::Value::Float(f) => Value::from(*f),
        toml::Value::Boolean(b) => Value::Bool(*b),
        toml::Value::Array(a) => Value::Array(a.iter().map(to_json).collect()),
        other => Value::String(other.to_string()),
    }
}

fn same(want: &Value, got: &Value) -> bool {
    match (want, got) {
        (Value::Number(a), Value::Number(b)) => (a.as_f64().unwrap() - b.as_f64().unwrap()).abs() < 1e-6,
        (Value::Array(a), Value::Array(b)) => {
            let set = |v: &Vec<Value>| v.iter().map(|x| x.to_string()).collect::<BTreeSet<_>>();
            set(a) == set(b)
        }
        _ => want == got,
    }
}

fn matches(want: &toml::Table, got: &Value) -> bool {
    want.iter().all(|(k, v)| same(&to_json(v), got.get(k).unwrap_or(&Value::Null)))
}

/// Expectations paired with distinct records (small: try every record for
/// each expectation in turn, backtracking).
fn assign(want: &[&toml::Table], got: &[Value], used: &mut Vec<bool>) -> bool {
    let Some((first, rest)) = want.split_first() else { return true };
    for i in 0..got.len() {
        if !used[i] && matches(first, &got[i]) {
            used[i] = true;
            if assign(rest, got, used) {
                return true;
            }
            used[i] = false;
        }
    }
    false
}

fn brief(r: &Value) -> String {
    let mut m = r.as_object().cloned().unwrap_or_default();
    for k in ["doc", "evidence", "line"] {
        m.remove(k);
    }
    Value::Object(m).to_string()
}

#[test]
fn phrase_corpus() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/phrases");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .expect("tests/phrases")
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "toml"))
        .collect();
    files.sort();
    assert!(!files.is_empty(), "no phrase files in {}", dir.display());

    let catalog = Catalog::embedded();
    let mut loaders: BTreeMap<Option<String>, Loader> = BTreeMap::new();
    let extractor = Extractor::new(catalog.clone());
    let (mut total, mut negatives) = (0usize, 0usize);
    let mut failures = Vec::new();
    for path in &files {
        let name = path.file_name().unwrap().to_string_lossy().to_string();
        let src = std::fs::read_to_string(path).unwrap();
        let file: File = toml::from_str(&src).unwrap_or_else(|e| panic!("{name}: {e}"));
        for (i, case) in file.case.iter().enumerate() {
            total += 1;
            if case.expect.is_empty() {
                negatives += 1;
            }
            let loader = loaders.entry(case.published.clone()).or_insert_with(|| {
                let published = case.published.as_deref().map(|p| {
                    p.parse::<PartialDate>().unwrap_or_else(|e| panic!("{name} case {}: published: {e:?}", i + 1))
                });
                Loader::new(LoadOptions { published, ..LoadOptions::default() }, &catalog)
            });
            let doc = loader.load_bytes("case.txt", case.text.clone().into_bytes()).expect("text loads");
            let records: Vec<Value> = extractor
                .extract(&doc)
                .records
                .iter()
                .map(|r| serde_json::to_value(r).unwrap())
                .collect();
            let kinds: Vec<&str> = match &case.kinds {
                Some(k) => k.iter().map(String::as_str).collect(),
                None => DEFAULT_KINDS.to_vec(),
            };
            let got: Vec<Value> = records
                .iter()
                .filter(|r| r["kind"] != "chip" && kinds.contains(&r["kind"].as_str().unwrap_or("")))
                .cloned()
                .collect();
            let want: Vec<&toml::Table> = case.expect.iter().collect();
            let mut used = vec![false; got.len()];
            let ok_records = want.len() == got.len() && assign(&want, &got, &mut used);
            let chips_ok = case.chips.as_ref().is_none_or(|expected| {
                let named: BTreeSet<&str> = records
                    .iter()
                    .filter(|r| r["kind"] == "chip")
                    .filter_map(|r| r["chip"].as_str())
                    .collect();
                named == expected.iter().map(String::as_str).collect()
            });
            if !(ok_records && chips_ok) {
                let mut msg = format!("{name} case {} «{}»", i + 1, case.text);
                for w in &want {
                    msg += &format!("\n    want {}", Value::Object(w.iter().map(|(k, v)| (k.clone(), to_json(v))).collect()));
                }
                for g in &got {
                    msg += &format!("\n    got  {}", brief(g));
                }
                if !chips_ok {
                    let named: Vec<&str> =
                        records.iter().filter(|r| r["kind"] == "chip").filter_map(|r| r["chip"].as_str()).collect();
                    msg += &format!("\n    chips want {:?} got {:?}", case.chips.as_ref().unwrap(), named);
                }
                failures.push(msg);
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {total} phrase cases failed:\n{}",
        failures.len(),
        failures.join("\n")
    );
    eprintln!("{total} phrase cases passed ({negatives} negatives)");
}

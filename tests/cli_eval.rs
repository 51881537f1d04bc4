//! `chipscan eval` through the real binary: the gold scored against itself
//! gives F1 = 1 and field accuracy 1, the corpus is scored, `--min-f1`,
//! `--min-field-accuracy`, `--verbose`, `--format json`, `--predictions`,
//! action lists, chip alternatives, repeats, and errors in the gold file.

use std::path::Path;

use assert_cmd::Command;
use chipscan::catalog::Catalog;
use serde_json::{Value, json};

const ROOT: &str = env!("CARGO_MANIFEST_DIR");
const GOLD: &str = "tests/data/seeds.gold.json";

fn chipscan() -> Command {
    let mut c = Command::cargo_bin("chipscan").unwrap();
    c.current_dir(ROOT);
    c
}

struct Run {
    code: i32,
    stdout: String,
    stderr: String,
}

fn eval(args: &[&str]) -> Run {
    let out = chipscan().arg("eval").args(args).output().unwrap();
    Run {
        code: out.status.code().unwrap(),
        stdout: String::from_utf8(out.stdout).unwrap(),
        stderr: String::from_utf8(out.stderr).unwrap(),
    }
}

/// The first id of a gold chip entry (a string or an array of alternatives).
fn first(v: &Value) -> Value {
    if v.is_array() {
        v[0].clone()
    } else {
        v.clone()
    }
}

/// The gold file turned into `extract --format json` output: every record,
/// optional ones too, and one chip record per chip entry (its first id, its
/// first action).
fn gold_as_predictions(gold: &Value) -> Value {
    let cat = Catalog::embedded();
    let mut documents = Vec::new();
    let mut records = Vec::new();
    for d in gold["documents"].as_array().unwrap() {
        let doc = format!("corpus/{}", d["doc"].as_str().unwrap());
        let mut n = 0;
        for r in d["records"].as_array().unwrap() {
            let line = r["line"].as_u64().unwrap_or(1);
            let get = |k: &str| r.get(k).cloned().unwrap_or(Value::Null);
            let list = |k: &str| r.get(k).cloned().unwrap_or(json!([]));
            let rec = match r["kind"].as_str().unwrap() {
                "price" => json!({"kind": "price", "doc": doc, "line": line, "evidence": "",
                    "chip": first(&r["chip"]), "low": r["low"], "high": r["high"], "currency": r["currency"],
                    "qualifier": get("qualifier"), "basis": r.get("basis").cloned().unwrap_or(json!("unit")),
                    "date": get("date"), "role": get("role")}),
                "share" => json!({"kind": "share", "doc": doc, "line": line, "evidence": "",
                    "subject": r["subject"], "percent": r["percent"], "qualifier": get("qualifier"),
                    "market": get("market"), "region": get("region"), "year": get("year"), "metric": get("metric")}),
                "export_control" => {
                    json!({"kind": "export_control", "doc": doc, "line": line, "evidence": "",
                    "action": first(&r["action"]),
                    "chips": list("chips").as_array().unwrap().iter().map(first).collect::<Vec<_>>(), "entities": list("entities"),
                    "authority": get("authority"), "date": get("date"), "effective": get("effective")})
                }
                k => panic!("gold kind {k}"),
            };
            records.push(rec);
            n += 1;
        }
        for c in d["chips"]
            .as_array()
            .unwrap()
            .iter()
            .chain(d["chips_optional"].as_array().unwrap())
        {
            let id = c.as_str().or_else(|| c[0].as_str()).unwrap();
            records.push(json!({"kind": "chip", "doc": doc, "line": 1, "evidence": "", "chip": id,
                "vendor": cat.vendor_of(id).unwrap_or("?"), "mentions": 1, "lines": [1], "known": true}));
            n += 1;
        }
        documents.push(json!({"doc": doc, "title": null, "published": d["published"], "published_from": "manifest",
            "encoding": "UTF-8", "script": "simplified", "bytes": 0, "records": n, "warnings": []}));
    }
    json!({"schema_version": 1, "documents": documents, "records": records})
}

#[test]
fn the_gold_scored_against_itself_gives_f1_one() {
    let gold: Value =
        serde_json::from_str(&std::fs::read_to_string(Path::new(ROOT).join(GOLD)).unwrap())
            .unwrap();
    let dir = tempfile::tempdir().unwrap();
    let pred = dir.path().join("self.json");
    std::fs::write(
        &pred,
        serde_json::to_string(&gold_as_predictions(&gold)).unwrap(),
    )
    .unwrap();
    let r = eval(&[
        "--gold",
        GOLD,
        "--predictions",
        pred.to_str().unwrap(),
        "--min-f1",
        "1",
        "--format",
        "json",
    ]);
    assert_eq!(r.code, 0, "{}{}", r.stdout, r.stderr);
    let v: Value = serde_json::from_str(&r.stdout).unwrap();
    for k in v["kinds"].as_array().unwrap() {
        assert_eq!(k["f1"], 1.0, "{k}");
        assert_eq!(k["false_positives"], 0, "{k}");
        assert!(k["gold"].as_u64().unwrap() > 0, "{k}");
    }
    assert_eq!(v["dates"]["accuracy"], 1.0);
    assert_eq!(v["published"]["accuracy"], 1.0);
    assert_eq!(v["fields"]["accuracy"], 1.0, "{}", v["fields"]);
    assert!(v["fields"]["scored"].as_u64().unwrap() > 0);
    assert_eq!(v["documents"].as_array().unwrap().len(), 5);
    // The table says the same.
    let r = eval(&["--gold", GOLD, "--predictions", pred.to_str().unwrap()]);
    assert_eq!(r.code, 0);
    assert!(
        r.stdout.lines().nth(5).unwrap().starts_with("all "),
        "{}",
        r.stdout
    );
    assert!(
        r.stdout
            .lines()
            .nth(5)
            .unwrap()
            .ends_with("1.000   1.000   1.000"),
        "{}",
        r.stdout
    );
}

#[test]
fn the_corpus_is_scored_and_min_f1_sets_the_exit_code() {
    let r = eval(&["--gold", GOLD, "corpus", "--format", "json"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let v: Value = serde_json::from_str(&r.stdout).unwrap();
    let kinds: Vec<&str> = v["kinds"]
        .as_array()
        .unwrap()
        .iter()
        .map(|k| k["kind"].as_str().unwrap())
        .collect();
    assert_eq!(kinds, ["price", "share", "chip", "export_control"]);
    assert!(
        v["missing"].as_array().unwrap().is_empty() && v["unscored"].as_array().unwrap().is_empty()
    );
    let f1s: Vec<f64> = v["kinds"]
        .as_array()
        .unwrap()
        .iter()
        .map(|k| k["f1"].as_f64().unwrap_or(1.0))
        .collect();
    for f in &f1s {
        assert!((0.0..=1.0).contains(f));
    }
    let below_one = f1s.iter().any(|f| *f < 1.0);
    let r = eval(&["--gold", GOLD, "corpus", "--min-f1", "1.0"]);
    assert_eq!(r.code, if below_one { 1 } else { 0 }, "{}", r.stderr);
    if below_one {
        assert!(r.stderr.contains("F1 below 1"), "{}", r.stderr);
    }
    // --kind narrows the table, --min-f1 and the lists.
    let r = eval(&[
        "--gold",
        GOLD,
        "corpus",
        "--kind",
        "price,share",
        "--format",
        "json",
        "--verbose",
    ]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let v: Value = serde_json::from_str(&r.stdout).unwrap();
    let kinds: Vec<&str> = v["kinds"]
        .as_array()
        .unwrap()
        .iter()
        .map(|k| k["kind"].as_str().unwrap())
        .collect();
    assert_eq!(kinds, ["price", "share"]);
    for d in v["documents"].as_array().unwrap() {
        for m in d["missed"]
            .as_array()
            .unwrap()
            .iter()
            .chain(d["unmatched"].as_array().unwrap())
        {
            assert!(m["kind"] == "price" || m["kind"] == "share", "{m}");
        }
    }
    let r = eval(&["--gold", GOLD, "corpus", "--min-f1", "0"]);
    assert_eq!(r.code, 0);
    let r = eval(&["--gold", GOLD, "corpus", "--min-f1", "1.5"]);
    assert_eq!(r.code, 2);
}

#[test]
fn verbose_lists_missed_gold_and_unmatched_predictions_per_document() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("a.txt"), "天气很好，我们在公园散步。\n").unwrap();
    let gold = dir.path().join("a.gold.json");
    std::fs::write(
        &gold,
        r#"{"schema_version": 1, "documents": [{"doc": "a.txt", "chips": ["MI300X"], "records": [
            {"kind": "price", "chip": "H100", "low": 40000, "high": 40000, "currency": "USD", "date": "2023-04", "line": 39}]}]}"#,
    )
    .unwrap();
    let pred = dir.path().join("pred.json");
    std::fs::write(
        &pred,
        serde_json::to_string(&json!({"schema_version": 1,
            "documents": [{"doc": "x/a.txt", "title": null, "published": null, "published_from": null, "encoding": "UTF-8",
                "script": "simplified", "bytes": 10, "records": 1, "warnings": []}],
            "records": [{"kind": "share", "doc": "x/a.txt", "line": 7, "evidence": "英伟达市占率高达88%", "subject": "NVIDIA",
                "percent": 88.0, "qualifier": "up_to", "market": null, "region": null, "year": 2022, "metric": null}]}))
        .unwrap(),
    )
    .unwrap();
    let r = eval(&[
        "--gold",
        gold.to_str().unwrap(),
        "--predictions",
        pred.to_str().unwrap(),
        "--verbose",
    ]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(r.stdout.contains("\nx/a.txt\n"), "{}", r.stdout);
    assert!(
        r.stdout
            .contains("  missed       39  price          H100 40,000 USD 2023-04\n"),
        "{}",
        r.stdout
    );
    assert!(
        r.stdout
            .contains("  missed        -  chip           MI300X\n"),
        "{}",
        r.stdout
    );
    assert!(
        r.stdout
            .contains("  unmatched     7  share          NVIDIA 88% in 2022\n"),
        "{}",
        r.stdout
    );
    assert!(r.stdout.contains("«英伟达市占率高达88%»"), "{}", r.stdout);
    // Without --verbose, only the scores.
    let r = eval(&[
        "--gold",
        gold.to_str().unwrap(),
        "--predictions",
        pred.to_str().unwrap(),
    ]);
    assert!(!r.stdout.contains("missed"), "{}", r.stdout);
    // The real article, extracted: whatever the extractor finds, MI300X is
    // not in it and is missed.
    let r = eval(&[
        "--gold",
        gold.to_str().unwrap(),
        dir.path().join("a.txt").to_str().unwrap(),
        "-v",
    ]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(r.stdout.contains("MI300X"), "{}", r.stdout);
}

#[test]
fn a_bad_gold_file_names_file_line_and_column() {
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("bad.gold.json");
    std::fs::write(
        &bad,
        "{\n  \"schema_version\": 1,\n  \"documents\": [ {\"doc\": \"a.txt\",, } ]\n}\n",
    )
    .unwrap();
    let r = eval(&["--gold", bad.to_str().unwrap(), "corpus"]);
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("bad.gold.json:3:"), "{}", r.stderr);
    assert!(r.stdout.is_empty());
    // Valid JSON, wrong shape: a misspelt field is named.
    std::fs::write(&bad, r#"{"schema_version": 1, "documents": [{"doc": "a.txt", "records": [{"kind": "price", "chip": "A800", "lo": 1}]}]}"#).unwrap();
    let r = eval(&["--gold", bad.to_str().unwrap(), "corpus"]);
    assert_eq!(r.code, 2);
    assert!(
        r.stderr.contains("bad.gold.json:1:") && r.stderr.contains("lo"),
        "{}",
        r.stderr
    );
    let r = eval(&["--gold", "/no/such/gold.json", "corpus"]);
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("/no/such/gold.json"), "{}", r.stderr);
}

#[test]
fn usage_errors_exit_2() {
    // No articles and no --predictions.
    assert_eq!(eval(&["--gold", GOLD]).code, 2);
    // Both.
    assert_eq!(
        eval(&["--gold", GOLD, "--predictions", "x.json", "corpus"]).code,
        2
    );
    // No gold.
    assert_eq!(eval(&["corpus"]).code, 2);
    // A missing article is reported, the rest scored, exit 2.
    let r = eval(&["--gold", GOLD, "corpus", "corpus/nope.txt"]);
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("nope.txt"), "{}", r.stderr);
    assert!(
        r.stdout.contains("documents       5 scored"),
        "{}",
        r.stdout
    );
}

/// A gold file and a predictions file in a temporary folder.
fn fixture(gold: &str, records: Value) -> (tempfile::TempDir, String, String) {
    let dir = tempfile::tempdir().unwrap();
    let g = dir.path().join("g.json");
    std::fs::write(&g, gold).unwrap();
    let p = dir.path().join("p.json");
    let n = records.as_array().unwrap().len();
    std::fs::write(
        &p,
        serde_json::to_string(&json!({"schema_version": 1,
            "documents": [{"doc": "x/a.txt", "title": null, "published": "2024-01", "published_from": "manifest",
                "encoding": "UTF-8", "script": "simplified", "bytes": 10, "records": n, "warnings": []}],
            "records": records}))
        .unwrap(),
    )
    .unwrap();
    let (g, p) = (
        g.to_str().unwrap().to_string(),
        p.to_str().unwrap().to_string(),
    );
    (dir, g, p)
}

fn ev(
    line: u32,
    action: &str,
    chips: &[&str],
    date: Option<&str>,
    authority: Option<&str>,
) -> Value {
    json!({"kind": "export_control", "doc": "x/a.txt", "line": line, "evidence": "美国禁售", "action": action,
        "chips": chips, "entities": [], "authority": authority, "date": date, "effective": null})
}

const FULL_GOLD: &str = r#"{"schema_version": 1, "documents": [{"doc": "a.txt", "note": "fixture", "records": [
    {"kind": "export_control", "action": ["ban", "restriction"], "chips": [["MI308", "MI308X"]], "date": "2024-01",
     "line": 3, "authority": "US", "note": "禁售 or a rule: both accepted", "reviewer": "unknown fields are ignored"},
    {"kind": "price", "chip": ["MI308", "MI308X"], "low": 10000, "high": 10000, "currency": "USD", "line": 5,
     "qualifier": null, "basis": "unit"},
    {"kind": "share", "subject": "NVIDIA", "percent": 90, "year": 2023, "line": 7, "market": "中国AI芯片市场",
     "metric": "revenue", "region": "china"}
]}]}"#;

fn full_predictions() -> Value {
    json!([
        ev(1, "restriction", &["MI308"], Some("2024-01"), Some("US")),
        ev(3, "restriction", &["MI308X"], Some("2024-01-05"), Some("BIS")),
        ev(9, "ban", &["MI308"], Some("2023-10"), Some("US")),
        {"kind": "price", "doc": "x/a.txt", "line": 5, "evidence": "MI308X约1万美元", "chip": "MI308X", "low": 10000.0,
         "high": 10000.0, "currency": "USD", "qualifier": "about", "basis": "unit", "date": null, "role": null},
        {"kind": "share", "doc": "x/a.txt", "line": 7, "evidence": "英伟达在中国AI芯片的营收占比90%", "subject": "NVIDIA",
         "percent": 90.0, "qualifier": null, "market": "AI芯片", "region": "china", "year": 2023, "metric": null}
    ])
}

#[test]
fn action_lists_chip_alternatives_repeats_and_field_accuracy_through_the_binary() {
    let (_dir, gold, pred) = fixture(FULL_GOLD, full_predictions());
    let r = eval(&["--gold", &gold, "--predictions", &pred, "--format", "json"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let v: Value = serde_json::from_str(&r.stdout).unwrap();
    let kind = |k: &str| {
        v["kinds"]
            .as_array()
            .unwrap()
            .iter()
            .find(|x| x["kind"] == k)
            .unwrap()
            .clone()
    };
    // The event on line 3 matches (restriction is in the list, MI308X an
    // accepted id); line 1 repeats it (date agrees); line 9's 2023-10
    // conflicts with 2024-01: a false positive.
    let e = kind("export_control");
    assert_eq!(
        (
            e["true_positives"].as_u64(),
            e["false_positives"].as_u64(),
            e["repeats"].as_u64()
        ),
        (Some(1), Some(1), Some(1)),
        "{e}"
    );
    let p = kind("price");
    assert_eq!(p["true_positives"], 1, "{p}");
    let doc = &v["documents"][0];
    assert_eq!(doc["repeats"].as_array().unwrap().len(), 1, "{doc}");
    assert_eq!(doc["repeats"][0]["line"], 1);
    assert_eq!(doc["repeats"][0]["gold_line"], 3);
    assert_eq!(doc["unmatched"][0]["line"], 9);
    // Fields: authority US/BIS wrong; price qualifier null/about wrong,
    // basis right; share market right after normalization, metric wrong,
    // region and year right.
    let f = &v["fields"];
    assert_eq!(
        (f["scored"].as_u64(), f["correct"].as_u64()),
        (Some(7), Some(4)),
        "{f}"
    );
    let by = &f["by_field"];
    assert_eq!(
        by["share.market"],
        json!({"scored": 1, "correct": 1, "accuracy": 1.0})
    );
    assert_eq!(
        by["share.metric"],
        json!({"scored": 1, "correct": 0, "accuracy": 0.0})
    );
    assert_eq!(by["export_control.authority"]["correct"], 0);
    assert_eq!(
        by["price.role"],
        json!({"scored": 0, "correct": 0, "accuracy": null})
    );
    assert_eq!(by.as_object().unwrap().len(), 10);

    // The table and --verbose.
    let r = eval(&["--gold", &gold, "--predictions", &pred, "--verbose"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let out = &r.stdout;
    assert!(
        out.contains("\nfield accuracy  4/7 = 0.571 (fields the gold states, over matched required records)\n"),
        "{out}"
    );
    assert!(
        out.contains("\n  share.metric             0.000 (0/1)\n"),
        "{out}"
    );
    assert!(
        out.contains("\n  share.market             1.000 (1/1)\n"),
        "{out}"
    );
    assert!(!out.contains("price.role"), "{out}");
    assert!(
        out.contains(
            "  repeat        1  export_control restriction [MI308] 2024-01 (repeats line 3)\n"
        ),
        "{out}"
    );
    assert!(
        out.contains("  unmatched     9  export_control ban [MI308] 2023-10\n"),
        "{out}"
    );
    assert!(
        out.contains("  differs       3  export_control restriction [MI308X] 2024-01-05: authority gold US, got BIS\n"),
        "{out}"
    );
    assert!(
        out.contains("  differs       5  price          MI308X 10,000 USD about date -: qualifier gold -, got about\n"),
        "{out}"
    );
    assert!(
        out.contains("  differs       7  share          NVIDIA 90% of AI芯片 in 2023: metric gold revenue, got -\n"),
        "{out}"
    );
    let header = out.lines().next().unwrap();
    assert!(header.contains(" rep "), "{header}");

    // --min-field-accuracy: 4/7 passes 0.5, fails 0.6 with exit 1.
    let r = eval(&[
        "--gold",
        &gold,
        "--predictions",
        &pred,
        "--min-field-accuracy",
        "0.5",
    ]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let r = eval(&[
        "--gold",
        &gold,
        "--predictions",
        &pred,
        "--min-field-accuracy",
        "0.6",
    ]);
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert!(
        r.stderr.contains("field accuracy below 0.6: 0.571 (4/7)"),
        "{}",
        r.stderr
    );
    let r = eval(&[
        "--gold",
        &gold,
        "--predictions",
        &pred,
        "--min-field-accuracy",
        "2",
    ]);
    assert_eq!(r.code, 2);
    // --kind narrows field accuracy: the share alone has 3 of 4 right.
    let r = eval(&[
        "--gold",
        &gold,
        "--predictions",
        &pred,
        "--kind",
        "share",
        "--format",
        "json",
        "--min-field-accuracy",
        "0.6",
    ]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let v: Value = serde_json::from_str(&r.stdout).unwrap();
    assert_eq!(
        (
            v["fields"]["scored"].as_u64(),
            v["fields"]["correct"].as_u64()
        ),
        (Some(4), Some(3))
    );
}

#[test]
fn a_gold_record_without_kind_or_with_a_bad_action_fails_with_line_and_column() {
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("bad.gold.json");
    std::fs::write(
        &bad,
        "{\"schema_version\": 1, \"documents\": [{\"doc\": \"a.txt\", \"records\": [\n  {\"subject\": \"NVIDIA\", \"percent\": 88, \"note\": \"x\"}\n]}]}\n",
    )
    .unwrap();
    let r = eval(&["--gold", bad.to_str().unwrap(), "corpus"]);
    assert_eq!(r.code, 2);
    assert!(
        r.stderr.contains("bad.gold.json:2:") && r.stderr.contains("missing field `kind`"),
        "{}",
        r.stderr
    );
    assert!(r.stdout.is_empty());
    std::fs::write(
        &bad,
        r#"{"schema_version": 1, "documents": [{"doc": "a.txt", "records": [{"kind": "export_control", "action": ["ban", "forbid"]}]}]}"#,
    )
    .unwrap();
    let r = eval(&["--gold", bad.to_str().unwrap(), "corpus"]);
    assert_eq!(r.code, 2);
    assert!(
        r.stderr.contains("bad.gold.json:1:") && r.stderr.contains("unknown variant `forbid`"),
        "{}",
        r.stderr
    );
}

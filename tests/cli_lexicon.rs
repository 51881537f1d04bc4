//! `chipscan lexicon` and `--lexicon FILE` through the real binary: a word
//! added with --lexicon changes what is extracted, a bad file is an error
//! naming its line (exit 2), and the printed lexicon reads back.

use std::io::Write;

use assert_cmd::Command;
use chipscan::lexicon::Lexicon;

fn chipscan() -> Command {
    Command::cargo_bin("chipscan").unwrap()
}

fn file(text: &str, suffix: &str) -> tempfile::NamedTempFile {
    let mut f = tempfile::Builder::new().suffix(suffix).tempfile().unwrap();
    f.write_all(text.as_bytes()).unwrap();
    f
}

/// The price records of `article`, as JSON values, with `--lexicon` when given.
fn prices(article: &str, lexicon: Option<&std::path::Path>) -> Vec<serde_json::Value> {
    records("price", article, lexicon)
}

#[test]
fn a_currency_word_added_with_lexicon_gives_a_price() {
    let article = "据悉,H100售价约2.5万欧币,供不应求。\n";
    assert!(prices(article, None).is_empty());
    let extra = file("[[currency]]\ncode = \"EUR\"\nafter = [\"欧币\"]\n", ".toml");
    let p = prices(article, Some(extra.path()));
    assert_eq!(p.len(), 1, "{p:?}");
    assert_eq!(p[0]["chip"], "H100");
    assert_eq!(p[0]["low"], 25000.0);
    assert_eq!(p[0]["currency"], "EUR");
}

#[test]
fn a_qualifier_word_added_with_lexicon_qualifies_the_price() {
    let article = "据悉,H100售价估摸2.5万美元。\n";
    let p = prices(article, None);
    assert_eq!(p.len(), 1, "{p:?}");
    assert_eq!(p[0]["qualifier"], serde_json::Value::Null);
    let extra = file("[[qualifier]]\nvalue = \"about\"\nbefore = [\"估摸\"]\n", ".toml");
    let p = prices(article, Some(extra.path()));
    assert_eq!(p[0]["qualifier"], "about", "{p:?}");
}

/// The records of `kind` of `article`, with `--lexicon` when given.
fn records(kind: &str, article: &str, lexicon: Option<&std::path::Path>) -> Vec<serde_json::Value> {
    let doc = file(article, ".txt");
    let mut cmd = chipscan();
    if let Some(l) = lexicon {
        cmd.arg("--lexicon").arg(l);
    }
    let out = cmd.arg("extract").arg(doc.path()).args(["--format", "jsonl"]).output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap())
        .filter(|r| r["kind"] == kind)
        .collect()
}

#[test]
fn a_hold_word_added_with_lexicon_gives_a_share() {
    // 包揽了 starts with a character no embedded hold word starts with: the
    // reader's pre-filter (where a hold word may start) comes from the list.
    let article = "据悉,英伟达包揽了中国AI芯片市场80%。\n";
    assert!(records("share", article, None).is_empty());
    let extra = file("[[list]]\nname = \"share.hold_words\"\nwords = [\"包揽了\"]\n", ".toml");
    let s = records("share", article, Some(extra.path()));
    assert_eq!(s.len(), 1, "{s:?}");
    assert_eq!(s[0]["subject"], "NVIDIA");
    assert_eq!(s[0]["percent"], 80.0);
    assert_eq!(s[0]["market"], "AI芯片");
}

#[test]
fn a_ban_cue_added_with_lexicon_gives_an_export_control() {
    // 断货令 holds character pairs (断货, 货令) of no embedded trigger word:
    // the sentence signs that let a sentence reach the export reader are
    // derived from the lexicon lists.
    let article = "2023年10月,美国对英伟达H20实施断货令。\n";
    assert!(records("export_control", article, None).is_empty());
    let extra = file("[[list]]\nname = \"export.ban_cues\"\nwords = [\"断货令\"]\n", ".toml");
    let e = records("export_control", article, Some(extra.path()));
    assert_eq!(e.len(), 1, "{e:?}");
    assert_eq!(e[0]["action"], "ban");
    assert_eq!(e[0]["chips"], serde_json::json!(["H20"]));
    assert_eq!(e[0]["date"], "2023-10");
}

#[test]
fn the_share_export_and_date_lists_are_listed() {
    let out = chipscan().args(["lexicon", "--format", "toml"]).output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    let toml = String::from_utf8(out.stdout).unwrap();
    for name in ["share.hold_words", "share.frame_anchors", "export.ban_cues", "export.trigger_words", "date.future_before"] {
        assert!(toml.contains(&format!("name = \"{name}\"")), "{name}");
    }
}

#[test]
fn a_bad_lexicon_file_is_an_error_naming_its_line() {
    let bad = file("# extra words\n[[qualifier]]\nvalue = \"roughly\"\nbefore = [\"估摸\"]\n", ".toml");
    let doc = file("H100售价约2.5万美元。\n", ".txt");
    let out = chipscan().arg("--lexicon").arg(bad.path()).arg("extract").arg(doc.path()).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty());
    let err = String::from_utf8(out.stderr).unwrap();
    assert_eq!(
        err,
        format!(
            "chipscan: --lexicon: {}:3: unknown qualifier value \"roughly\" (one of about, over, under, up_to)\n",
            bad.path().display()
        )
    );
    // A word listed twice, and TOML that does not parse.
    let twice = file("[[list]]\nname = \"price.cue\"\nwords = [\"要价\",\n    \"要价\"]\n", ".toml");
    let out = chipscan().arg("--lexicon").arg(twice.path()).arg("lexicon").output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains(&format!("{}:4: \"要价\" is listed twice in list price.cue", twice.path().display())), "{err}");
    let broken = file("[[currency]\ncode = \"USD\"\n", ".toml");
    let out = chipscan().arg("--lexicon").arg(broken.path()).arg("lexicon").output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains(&format!("{}:1:", broken.path().display())) && err.contains("invalid lexicon TOML"), "{err}");
}

#[test]
fn the_lexicon_prints_as_a_table_json_and_toml_that_reads_back() {
    let out = chipscan().arg("lexicon").output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    let table = String::from_utf8(out.stdout).unwrap();
    assert!(table.lines().nth(1).unwrap().contains("| set"), "{table}");
    assert!(table.contains("不超过") && table.contains("up_to"), "{table}");
    let rows = Lexicon::embedded().rows().len();
    assert!(table.ends_with(&format!("{rows} words\n")), "{table}");

    let extra = file("[[list]]\nname = \"price.cue\"\nwords = [\"要价\"]\n", ".toml");
    let out = chipscan().arg("--lexicon").arg(extra.path()).args(["lexicon", "--format", "toml"]).output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    let toml = String::from_utf8(out.stdout).unwrap();
    let mut back = Lexicon::default();
    back.add(&toml, "printed", true).unwrap();
    assert!(back.words("price.cue").contains(&"要价"));
    let mut expected = Lexicon::embedded();
    expected.add("[[list]]\nname = \"price.cue\"\nwords = [\"要价\"]\n", "extra", false).unwrap();
    assert_eq!(back, expected);

    let out = chipscan().args(["lexicon", "--format", "json"]).output().unwrap();
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["currency"][0]["code"], "USD");
    assert!(json["list"].as_array().unwrap().iter().any(|l| l["name"] == "page.legal"));
}

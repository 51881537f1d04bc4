//! `chipscan check` through the real binary: findings, levels and exit
//! codes, the three formats, `--strict`, `--allow-empty`, `--baseline`.

use std::path::Path;

use assert_cmd::Command;
use serde_json::Value;

const ROOT: &str = env!("CARGO_MANIFEST_DIR");

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

fn check(args: &[&str], paths: &[&Path]) -> Run {
    let out = chipscan()
        .arg("check")
        .args(args)
        .args(paths)
        .output()
        .unwrap();
    Run {
        code: out.status.code().unwrap(),
        stdout: String::from_utf8(out.stdout).unwrap(),
        stderr: String::from_utf8(out.stderr).unwrap(),
    }
}

fn codes(json: &Value) -> Vec<String> {
    json["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["code"].as_str().unwrap().to_string())
        .collect()
}

/// A temp dir with one article that has no chip, no price and no date.
fn empty_article() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("weather.txt"),
        "天气很好，我们在公园散步。\n",
    )
    .unwrap();
    dir
}

#[test]
fn the_corpus_exit_code_follows_the_findings() {
    let corpus = Path::new("corpus");
    for strict in [false, true] {
        let mut args = vec!["--format", "json"];
        if strict {
            args.push("--strict");
        }
        let r = check(&args, &[corpus]);
        let v: Value = serde_json::from_str(&r.stdout).unwrap();
        let (errors, warnings) = (
            v["errors"].as_u64().unwrap(),
            v["warnings"].as_u64().unwrap(),
        );
        assert_eq!(v["documents"], 5);
        assert_eq!(
            errors + warnings,
            v["findings"].as_array().unwrap().len() as u64
        );
        let failing = errors > 0 || (strict && warnings > 0);
        assert_eq!(r.code, if failing { 1 } else { 0 }, "strict={strict} {v}");
        for f in v["findings"].as_array().unwrap() {
            assert!(f["doc"].as_str().unwrap().starts_with("corpus/"), "{f}");
            let code = f["code"].as_str().unwrap();
            assert!(code.len() == 5 && code.starts_with("CS"), "{f}");
            assert!(
                ["error", "warning"].contains(&f["level"].as_str().unwrap()),
                "{f}"
            );
        }
    }
}

#[test]
fn an_empty_undated_article_fails_unless_allowed() {
    let dir = empty_article();
    let r = check(&[], &[dir.path()]);
    assert_eq!(r.code, 1, "{}", r.stdout);
    assert!(
        r.stdout.contains("weather.txt: warning[CS003 no-date]"),
        "{}",
        r.stdout
    );
    assert!(
        r.stdout
            .contains("weather.txt: error[CS004 no-records]: no records extracted"),
        "{}",
        r.stdout
    );
    assert!(
        r.stdout.ends_with("1 error, 1 warning in 1 document\n"),
        "{}",
        r.stdout
    );
    // --allow-empty leaves the warning, which fails only with --strict.
    let r = check(&["--allow-empty"], &[dir.path()]);
    assert_eq!(r.code, 0, "{}", r.stdout);
    assert!(r.stdout.contains("CS003") && !r.stdout.contains("CS004"));
    let r = check(&["--allow-empty", "--strict"], &[dir.path()]);
    assert_eq!(r.code, 1);
    // A publish date clears CS003.
    let r = check(
        &["--allow-empty", "--strict", "--published", "2024-05"],
        &[dir.path()],
    );
    assert_eq!(r.code, 0, "{}", r.stdout);
    assert_eq!(r.stdout, "0 errors, 0 warnings in 1 document\n");
}

#[test]
fn an_unreadable_input_exits_2_and_is_a_finding() {
    let dir = empty_article();
    let missing = dir.path().join("missing.txt");
    let r = check(
        &["--format", "json", "--allow-empty"],
        &[dir.path(), &missing],
    );
    assert_eq!(r.code, 2);
    let v: Value = serde_json::from_str(&r.stdout).unwrap();
    assert!(codes(&v).contains(&"CS002".to_string()), "{v}");
    assert!(
        r.stderr.is_empty() || r.stderr.contains("missing.txt"),
        "{}",
        r.stderr
    );
}

#[test]
fn undecodable_bytes_are_an_error() {
    let dir = tempfile::tempdir().unwrap();
    // GBK text with a few bytes that are not GBK.
    let (gbk, _, _) =
        encoding_rs::GBK.encode("英伟达A800的价格约为12万元。\n华为昇腾910B芯片的出货量大增。\n");
    let mut bytes = gbk.into_owned();
    bytes.extend_from_slice(&[0x81, 0x20, 0xFF, b'\n']);
    std::fs::write(dir.path().join("gbk.txt"), bytes).unwrap();
    let r = check(
        &["--format", "json", "--published", "2023-10"],
        &[dir.path()],
    );
    let v: Value = serde_json::from_str(&r.stdout).unwrap();
    assert!(codes(&v).contains(&"CS001".to_string()), "{v}");
    // An error: a warning-level exit 0 would let it through CI.
    assert!(r.code == 1 || r.code == 2, "{}", r.code);
}

#[test]
fn github_format_annotates_file_and_line() {
    let dir = empty_article();
    let r = check(&["--format", "github"], &[dir.path()]);
    assert_eq!(r.code, 1);
    let file = dir
        .path()
        .join("weather.txt")
        .display()
        .to_string()
        .replace(':', "%3A")
        .replace(',', "%2C");
    assert_eq!(
        r.stdout,
        format!(
            "::warning file={file},title=CS003 no-date::no publish date: relative dates (今年, 去年年底) cannot be resolved; add it to manifest.json or pass --published\n::error file={file},title=CS004 no-records::no records extracted\n"
        )
    );
    let r = check(&["--format", "github"], &[Path::new("corpus")]);
    for line in r.stdout.lines() {
        assert!(
            line.starts_with("::warning file=corpus/") || line.starts_with("::error file=corpus/"),
            "{line}"
        );
        assert!(line.contains(",title=CS"), "{line}");
    }
}

#[test]
fn the_baseline_reports_only_what_is_new() {
    let dir = tempfile::tempdir().unwrap();
    for name in [
        "000_067796ef0e3e320e.txt",
        "003_a20c748997669b80.txt",
        "manifest.json",
    ] {
        std::fs::copy(
            Path::new(ROOT).join("corpus").join(name),
            dir.path().join(name),
        )
        .unwrap();
    }
    let out = chipscan().arg("extract").arg(dir.path()).output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    let baseline = dir.path().join("baseline.json");
    std::fs::write(&baseline, &out.stdout).unwrap();
    let base = baseline.to_str().unwrap();
    // Nothing changed: nothing to report, even with --strict.
    let r = check(&["--strict", "--baseline", base], &[dir.path()]);
    assert_eq!(r.code, 0, "{}", r.stdout);
    assert!(
        r.stdout.starts_with("0 errors, 0 warnings in 2 documents"),
        "{}",
        r.stdout
    );
    // A new article: only its findings.
    std::fs::write(
        dir.path().join("weather.txt"),
        "天气很好，我们在公园散步。\n",
    )
    .unwrap();
    let r = check(&["--format", "json", "--baseline", base], &[dir.path()]);
    assert_eq!(r.code, 1, "{}", r.stdout);
    let v: Value = serde_json::from_str(&r.stdout).unwrap();
    for f in v["findings"].as_array().unwrap() {
        assert!(f["doc"].as_str().unwrap().ends_with("weather.txt"), "{f}");
    }
    assert_eq!(codes(&v), ["CS003", "CS004"]);
    // Text moved down two lines: the records are the same, so nothing is new.
    let path = dir.path().join("000_067796ef0e3e320e.txt");
    let text = std::fs::read_to_string(&path).unwrap();
    std::fs::write(&path, format!("\n\n{text}")).unwrap();
    std::fs::remove_file(dir.path().join("weather.txt")).unwrap();
    let r = check(&["--strict", "--baseline", base], &[dir.path()]);
    assert_eq!(r.code, 0, "{}", r.stdout);
}

#[test]
fn a_bad_baseline_is_a_usage_error_naming_line_and_column() {
    let dir = empty_article();
    let bad = dir.path().join("bad.json");
    std::fs::write(&bad, "{\n  \"schema_version\": 1,\n  \"documents\": [\n}\n").unwrap();
    let r = check(&["--baseline", bad.to_str().unwrap()], &[dir.path()]);
    assert_eq!(r.code, 2);
    assert!(
        r.stderr.contains("bad.json:4:1: invalid baseline"),
        "{}",
        r.stderr
    );
    assert!(r.stdout.is_empty());
    let r = check(&["--baseline", "/no/such/baseline.json"], &[dir.path()]);
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("/no/such/baseline.json"), "{}", r.stderr);
}

#[test]
fn help_documents_every_code_and_bad_usage_exits_2() {
    let out = chipscan().args(["check", "--help"]).output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    let help = String::from_utf8(out.stdout).unwrap();
    for code in chipscan::check::CODES {
        assert!(
            help.contains(&format!("{} {}", code.id, code.name)),
            "{}",
            code.id
        );
    }
    let out = chipscan()
        .args(["check", "corpus", "--format", "xml"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let out = chipscan().args(["check"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
}

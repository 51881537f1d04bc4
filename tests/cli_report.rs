//! `chipscan report` through the real binary on the seed corpus: snapshots
//! of each table (refresh with `UPDATE_EXPECT=1 cargo test --test
//! cli_report` when the extractor changes), formats, `--kind`, `--chip`
//! aliases, `--usd-cny`, widths and exit codes.

use assert_cmd::Command;
use expect_test::expect_file;
use serde_json::Value;

const ROOT: &str = env!("CARGO_MANIFEST_DIR");

/// The binary, run from the crate root so documents show as `corpus/...`.
fn chipscan() -> Command {
    let mut c = Command::cargo_bin("chipscan").unwrap();
    c.current_dir(ROOT)
        .env_remove("COLUMNS")
        .env_remove("NO_COLOR");
    c
}

fn report(args: &[&str]) -> String {
    let out = chipscan().arg("report").args(args).output().unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

fn report_json(args: &[&str]) -> Value {
    let mut all = args.to_vec();
    all.extend(["--format", "json"]);
    serde_json::from_str(&report(&all)).unwrap()
}

/// Terminal columns: CJK ideographs and fullwidth forms take two.
fn width(line: &str) -> usize {
    line.chars()
        .map(|c| {
            if ('\u{2E80}'..='\u{9FFF}').contains(&c) || ('\u{FF00}'..='\u{FF60}').contains(&c) {
                2
            } else {
                1
            }
        })
        .sum()
}

#[test]
fn snapshot_prices() {
    expect_file!["snapshots/report_prices.txt"].assert_eq(&report(&["corpus", "--kind", "price"]));
}

#[test]
fn snapshot_shares() {
    expect_file!["snapshots/report_shares.txt"].assert_eq(&report(&["corpus", "--kind", "share"]));
}

#[test]
fn snapshot_export_controls() {
    expect_file!["snapshots/report_export_controls.txt"].assert_eq(&report(&[
        "corpus",
        "--kind",
        "export_control",
    ]));
}

#[test]
fn snapshot_chips() {
    expect_file!["snapshots/report_chips.txt"].assert_eq(&report(&["corpus", "--kind", "chip"]));
}

#[test]
fn snapshot_prices_markdown_with_cny() {
    expect_file!["snapshots/report_prices.md"].assert_eq(&report(&[
        "corpus",
        "--kind",
        "price",
        "--format",
        "markdown",
        "--usd-cny",
        "7.2",
    ]));
}

#[test]
fn all_four_tables_fit_80_columns_without_colour_when_piped() {
    let t = report(&["corpus"]);
    for title in [
        "Prices by chip (",
        "Market shares (",
        "Export-control timeline (",
        "Chips by document (",
    ] {
        assert_eq!(t.matches(title).count(), 1, "{title}\n{t}");
    }
    for line in t.lines() {
        assert!(width(line) <= 80, "{} columns: {line}", width(line));
    }
    assert!(!t.contains('\x1b'));
    for d in [
        "D1 = corpus/000_067796ef0e3e320e.txt",
        "D5 = corpus/004_25fcee98536c66f0.txt",
    ] {
        assert!(t.contains(d), "{d}");
    }
}

#[test]
fn json_has_the_documents_and_the_tables_asked_for() {
    let v = report_json(&["corpus"]);
    let keys: Vec<&String> = v.as_object().unwrap().keys().collect();
    assert_eq!(
        keys,
        ["chips", "documents", "export_controls", "prices", "shares"]
    );
    assert_eq!(v["documents"].as_array().unwrap().len(), 5);
    assert_eq!(v["chips"]["documents"], v["documents"]);
    let v = report_json(&["corpus", "--kind", "price,share"]);
    let keys: Vec<&String> = v.as_object().unwrap().keys().collect();
    assert_eq!(keys, ["documents", "prices", "shares"]);
    // Every price row's source is a real line of a corpus document.
    for row in v["prices"].as_array().unwrap() {
        let doc = row["source"]["doc"].as_str().unwrap();
        let line = row["source"]["line"].as_u64().unwrap() as usize;
        let text = std::fs::read_to_string(format!("{ROOT}/{doc}")).unwrap();
        assert!(line >= 1 && line <= text.lines().count(), "{doc}:{line}");
    }
}

#[test]
fn csv_prints_one_table_with_raw_numbers() {
    let t = report(&["corpus", "--kind", "price", "--format", "csv"]);
    let mut lines = t.lines();
    assert_eq!(
        lines.next().unwrap(),
        "chip,vendor,date,before_date,before_low,before_high,before_qualifier,low,high,currency,qualifier,basis,role,change_low_pct,change_high_pct,doc,line"
    );
    for l in lines {
        assert!(!l.contains("→"), "{l}");
    }
    let t = report(&["corpus", "--kind", "chip", "--format", "csv"]);
    assert!(
        t.starts_with("chip,vendor,known,corpus/000_067796ef0e3e320e.txt,"),
        "{t}"
    );
    // Several tables do not make one CSV.
    let out = chipscan()
        .args(["report", "corpus", "--format", "csv"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("--kind"));
    assert!(out.stdout.is_empty());
}

#[test]
fn chip_aliases_focus_every_table_on_one_chip() {
    let by_id = report_json(&["corpus", "--chip", "RTX 4090"]);
    assert_eq!(report_json(&["corpus", "--chip", "rtx4090"]), by_id);
    assert_eq!(report_json(&["corpus", "--chip", "显卡4090"]), by_id);
    for row in by_id["prices"].as_array().unwrap() {
        assert_eq!(row["chip"], "RTX 4090");
    }
    for row in by_id["export_controls"].as_array().unwrap() {
        assert!(
            row["chips"]
                .as_array()
                .unwrap()
                .iter()
                .any(|c| c == "RTX 4090"),
            "{row}"
        );
    }
    let rows = by_id["chips"]["rows"].as_array().unwrap();
    assert!(rows.iter().all(|r| r["chip"] == "RTX 4090"), "{rows:?}");
    let ascend = report_json(&["corpus", "--chip", "昇腾910B", "--kind", "chip"]);
    assert!(
        ascend["chips"]["rows"]
            .as_array()
            .unwrap()
            .iter()
            .all(|r| r["chip"] == "Ascend 910B")
    );
}

#[test]
fn an_unknown_chip_is_a_usage_error() {
    let out = chipscan()
        .args(["report", "corpus", "--chip", "不存在的芯片"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("不存在的芯片"));
    assert!(out.stdout.is_empty());
}

#[test]
fn usd_cny_adds_a_cny_column() {
    let t = report(&["corpus", "--kind", "price", "--usd-cny", "7.2"]);
    assert!(t.lines().nth(2).unwrap().contains("| CNY"), "{t}");
    let v = report_json(&["corpus", "--kind", "price", "--usd-cny", "7"]);
    for row in v["prices"].as_array().unwrap() {
        let (low, cur) = (
            row["price"]["low"].as_f64().unwrap(),
            row["price"]["currency"].as_str().unwrap(),
        );
        let expected = match cur {
            "CNY" => Some(low),
            "USD" => Some(low * 7.0),
            _ => None,
        };
        assert_eq!(row["cny"][0].as_f64(), expected, "{row}");
    }
    for bad in ["0", "-1", "abc", "inf"] {
        let out = chipscan()
            .args(["report", "corpus", "--usd-cny", bad])
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2), "{bad}");
    }
}

#[test]
fn an_article_in_a_temp_dir_and_a_missing_file() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("a.txt"),
        "2023-10-20 10:00\n据报道，RTX 4090显卡的价格从1.5万元涨到了3万元，A800的价格约为30万元。\n",
    )
    .unwrap();
    let out = chipscan()
        .arg("report")
        .arg(dir.path())
        .arg(dir.path().join("missing.txt"))
        .output()
        .unwrap();
    // The missing input is reported and the exit code says so; the rest is
    // still printed.
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("missing.txt"), "{err}");
    let t = String::from_utf8(out.stdout).unwrap();
    assert!(t.contains("Prices by chip ("), "{t}");
    assert!(t.contains("a.txt"), "{t}");
}

#[test]
fn markdown_tables_have_headings_and_pipe_rows() {
    let t = report(&["corpus", "--format", "markdown"]);
    for h in [
        "## Prices by chip",
        "## Market shares",
        "## Export-control timeline",
        "## Chips by document",
    ] {
        assert!(t.contains(h), "{h}");
    }
    assert!(
        t.contains("| chip | vendor | D1 | D2 | D3 | D4 | D5 | total |"),
        "{t}"
    );
    assert!(t.contains("| --- |"));
}

/// Drops `ESC [ ... m` colour sequences.
fn strip_ansi(s: &str) -> String {
    let mut out = String::new();
    let mut chars = s.chars();
    while let Some(c) = chars.next() {
        if c == '\x1b' {
            for d in chars.by_ref() {
                if d == 'm' {
                    break;
                }
            }
        } else {
            out.push(c);
        }
    }
    out
}

/// Runs the binary on a pseudo-terminal (`script`, from util-linux) of the
/// given width.
fn on_a_terminal(args: &str, no_color: bool) -> String {
    let bin = assert_cmd::cargo::cargo_bin("chipscan");
    let cmd = format!("stty cols 100; {} {args}", bin.display());
    let mut c = std::process::Command::new("script");
    c.args(["-qec", &cmd, "/dev/null"])
        .current_dir(ROOT)
        .env_remove("COLUMNS");
    if no_color {
        c.env("NO_COLOR", "1");
    } else {
        c.env_remove("NO_COLOR");
    }
    let out = c.output().expect("script (util-linux) runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn colour_and_width_follow_the_terminal_and_no_color() {
    let t = on_a_terminal("report corpus --kind price,chip", false);
    assert!(t.contains("\x1b["), "colour on a terminal: {t}");
    // The price table wraps at 80 columns when piped; the terminal has 100.
    let widest = t
        .lines()
        .map(|l| width(&strip_ansi(l.trim_end_matches('\r'))))
        .max()
        .unwrap();
    assert!(widest > 80 && widest <= 100, "{widest}");
    let t = on_a_terminal("report corpus --kind chip", true);
    assert!(!t.contains('\x1b'), "NO_COLOR: {t}");
    // Piped: no colour and 80 columns (checked above), and stdin is named.
    let out = chipscan()
        .args(["report", "-", "--kind", "chip"])
        .write_stdin("英伟达A800芯片\n")
        .output()
        .unwrap();
    let t = String::from_utf8(out.stdout).unwrap();
    assert!(t.contains("D1 = - (standard input)"), "{t}");
}

//! `chipscan extract` through the real binary: output shapes (json, jsonl,
//! csv) and their round trips, `--kind`, usage errors and bad catalogs.

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use chipscan::model::{Extract, Kind, Record};

const SEEDS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/corpus");

fn chipscan() -> Command {
    Command::cargo_bin("chipscan").unwrap()
}

/// A temp dir holding the seed corpus (articles and manifest) plus `extra`
/// files written as bytes.
fn corpus_with(extra: &[(&str, &[u8])]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for e in std::fs::read_dir(SEEDS).unwrap() {
        let p = e.unwrap().path();
        std::fs::copy(&p, dir.path().join(p.file_name().unwrap())).unwrap();
    }
    for (name, bytes) in extra {
        std::fs::write(dir.path().join(name), bytes).unwrap();
    }
    dir
}

fn run_ok(args: &[&str], dir: &Path) -> Vec<u8> {
    let out = chipscan().args(args).arg(dir).output().unwrap();
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    out.stdout
}

fn extract_json(dir: &Path, extra: &[&str]) -> Extract {
    let mut args = vec!["extract", "--format", "json"];
    args.extend(extra);
    serde_json::from_slice(&run_ok(&args, dir))
        .expect("json output deserializes into model::Extract")
}

fn file_names(ex: &Extract) -> Vec<String> {
    ex.documents
        .iter()
        .map(|d| {
            Path::new(&d.doc)
                .file_name()
                .unwrap()
                .to_string_lossy()
                .into_owned()
        })
        .collect()
}

/// A small RFC 4180 reader, enough to read our own CSV back.
fn parse_csv(text: &str) -> Vec<Vec<String>> {
    let mut rows = Vec::new();
    let (mut row, mut field) = (Vec::new(), String::new());
    let mut chars = text.chars().peekable();
    let mut quoted = false;
    while let Some(c) = chars.next() {
        match (quoted, c) {
            (true, '"') if chars.peek() == Some(&'"') => {
                chars.next();
                field.push('"');
            }
            (true, '"') => quoted = false,
            (true, c) => field.push(c),
            (false, '"') if field.is_empty() => quoted = true,
            (false, ',') => row.push(std::mem::take(&mut field)),
            (false, '\n') => {
                row.push(std::mem::take(&mut field));
                rows.push(std::mem::take(&mut row));
            }
            (false, c) => field.push(c),
        }
    }
    assert!(
        !quoted && field.is_empty() && row.is_empty(),
        "CSV ends with a full row"
    );
    rows
}

#[test]
fn json_output_has_the_model_shape_and_one_document_per_seed() {
    let dir = corpus_with(&[]);
    let ex = extract_json(dir.path(), &[]);
    assert_eq!(ex.schema_version, chipscan::model::SCHEMA_VERSION);
    assert_eq!(
        file_names(&ex),
        [
            "000_067796ef0e3e320e.txt",
            "001_d6cb4ee8ebcfbd99.txt",
            "002_2c55807857df2cb4.txt",
            "003_a20c748997669b80.txt",
            "004_25fcee98536c66f0.txt"
        ]
    );
    // The manifest dates every seed.
    for d in &ex.documents {
        assert!(d.published.is_some(), "{}", d.doc);
        let n = ex.records.iter().filter(|r| r.doc() == d.doc).count();
        assert_eq!(d.records, n, "records count of {}", d.doc);
    }
    // Records come grouped by document, in document order.
    let order: Vec<usize> = ex
        .records
        .iter()
        .map(|r| {
            ex.documents
                .iter()
                .position(|d| d.doc == r.doc())
                .expect("record of a listed document")
        })
        .collect();
    assert!(
        order.windows(2).all(|w| w[0] <= w[1]),
        "records grouped by document in order"
    );
}

#[test]
fn jsonl_lines_are_exactly_the_json_records() {
    let dir = corpus_with(&[]);
    let ex = extract_json(dir.path(), &[]);
    let jsonl = String::from_utf8(run_ok(&["extract", "--format", "jsonl"], dir.path())).unwrap();
    let lines: Vec<Record> = jsonl
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("{e}: {l}")))
        .collect();
    assert_eq!(lines, ex.records);
    assert!(jsonl.is_empty() || jsonl.ends_with('\n'));
}

#[test]
fn csv_has_a_header_of_the_kinds_fields_and_one_row_per_record() {
    let dir = corpus_with(&[]);
    let ex = extract_json(dir.path(), &[]);
    let headers = [
        (
            Kind::Price,
            "doc,line,evidence,chip,low,high,currency,qualifier,basis,date,role",
        ),
        (
            Kind::Share,
            "doc,line,evidence,subject,percent,qualifier,market,region,year,metric",
        ),
        (
            Kind::Chip,
            "doc,line,evidence,chip,vendor,mentions,lines,known",
        ),
        (
            Kind::ExportControl,
            "doc,line,evidence,action,chips,entities,authority,date,effective",
        ),
    ];
    for (kind, header) in headers {
        let out = run_ok(
            &["extract", "--format", "csv", "--kind", kind.as_str()],
            dir.path(),
        );
        let text = String::from_utf8(out).unwrap();
        assert_eq!(text.lines().next(), Some(header), "{kind}");
        let rows = parse_csv(&text);
        let want: Vec<&Record> = ex.records.iter().filter(|r| r.kind() == kind).collect();
        assert_eq!(
            rows.len(),
            want.len() + 1,
            "{kind}: header plus one row per record"
        );
        for (row, rec) in rows[1..].iter().zip(want) {
            assert_eq!(row.len(), header.split(',').count());
            assert_eq!(row[0], rec.doc());
            assert_eq!(row[1], rec.line().to_string());
            assert_eq!(row[2], rec.evidence());
        }
    }
}

#[test]
fn kind_filter_keeps_every_document_and_only_those_kinds() {
    let dir = corpus_with(&[]);
    let all = extract_json(dir.path(), &[]);
    let some = extract_json(dir.path(), &["--kind", "price,export_control"]);
    assert_eq!(file_names(&some), file_names(&all));
    let want: Vec<Record> = all
        .records
        .into_iter()
        .filter(|r| matches!(r.kind(), Kind::Price | Kind::ExportControl))
        .collect();
    assert_eq!(some.records, want);
}

#[test]
fn csv_without_exactly_one_kind_is_a_usage_error() {
    let dir = corpus_with(&[]);
    for extra in [&[][..], &["--kind", "price,share"][..]] {
        let out = chipscan()
            .args(["extract", "--format", "csv"])
            .args(extra)
            .arg(dir.path())
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2), "{extra:?}");
        assert!(out.stdout.is_empty());
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains("--kind"), "{err}");
    }
}

#[test]
fn every_readable_file_is_listed_even_without_records() {
    let dir = corpus_with(&[
        (
            "100_weather.txt",
            "今天北京天气晴朗，最高气温十五度。\n".as_bytes(),
        ),
        (
            "101_recipe.txt",
            "把鸡蛋打散，加少许盐，小火慢炒。\n".as_bytes(),
        ),
    ]);
    let missing = dir.path().join("没有这篇.txt");
    let out = chipscan()
        .arg("extract")
        .arg(dir.path())
        .arg(&missing)
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(2),
        "a missing input makes the exit code 2"
    );
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("没有这篇.txt"),
        "the error names the file: {err}"
    );
    let ex: Extract = serde_json::from_slice(&out.stdout).unwrap();
    let names = file_names(&ex);
    assert_eq!(names.len(), 7, "{names:?}");
    for name in ["100_weather.txt", "101_recipe.txt"] {
        let d = ex
            .documents
            .iter()
            .find(|d| d.doc.ends_with(name))
            .expect(name);
        assert_eq!(d.records, 0);
        assert!(ex.records.iter().all(|r| r.doc() != d.doc));
    }
}

#[test]
fn a_catalog_that_is_not_toml_is_an_error_with_line_and_column() {
    let dir = corpus_with(&[]);
    let bad: PathBuf = dir.path().join("extra.toml");
    std::fs::write(&bad, "[[chips]]\nid = \"H20\"\nvendor = NVIDIA\n").unwrap();
    let out = chipscan()
        .args(["extract", "--catalog"])
        .arg(&bad)
        .arg(dir.path().join("000_067796ef0e3e320e.txt"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(
        out.stdout.is_empty(),
        "nothing is printed before the catalog is read"
    );
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("extra.toml:3:10"), "line 3, column 10: {err}");
    assert!(!err.contains("panicked"), "{err}");
}

#[test]
fn a_missing_catalog_file_is_an_error_naming_it() {
    let dir = corpus_with(&[]);
    let out = chipscan()
        .args(["extract", "--catalog"])
        .arg(dir.path().join("nope.toml"))
        .arg(dir.path())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("nope.toml"), "{err}");
}

#[test]
fn jobs_must_be_at_least_one() {
    let dir = corpus_with(&[]);
    let out = chipscan()
        .args(["extract", "--jobs", "0"])
        .arg(dir.path())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("--jobs"));
}

#[cfg(target_os = "linux")]
#[test]
fn a_full_disk_is_an_error_not_a_panic() {
    let dir = corpus_with(&[]);
    for format in ["json", "jsonl"] {
        let full = std::fs::OpenOptions::new()
            .write(true)
            .open("/dev/full")
            .unwrap();
        let out = std::process::Command::new(assert_cmd::cargo::cargo_bin("chipscan"))
            .args(["extract", "--format", format])
            .arg(dir.path())
            .stdout(full)
            .output()
            .unwrap();
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{format}: {err}");
        assert!(err.contains("writing the output"), "{format}: {err}");
        assert!(!err.contains("panicked"), "{format}: {err}");
    }
}

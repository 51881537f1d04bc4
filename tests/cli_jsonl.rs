//! `--input-format jsonl` and gzip through the real binary (issue 13): JSON
//! Lines documents from files and stdin give the records the same articles
//! give as files, byte for byte and for any --jobs; bad lines are reported
//! as FILE:LINE with exit 2 while the other lines are still processed;
//! gzip is told by its magic bytes, and a truncated gzip fails only its input.

use std::io::Write;
use std::path::Path;

use assert_cmd::Command;
use chipscan::model::{Extract, Record};
use serde_json::json;

const SEEDS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/corpus");

fn chipscan() -> Command {
    Command::cargo_bin("chipscan").unwrap()
}

/// The seed articles (sorted by name) with their manifest dates.
fn seeds() -> Vec<(String, String, Option<String>)> {
    let manifest: serde_json::Value =
        serde_json::from_slice(&std::fs::read(Path::new(SEEDS).join("manifest.json")).unwrap())
            .unwrap();
    let mut names: Vec<String> = std::fs::read_dir(SEEDS)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".txt"))
        .collect();
    names.sort();
    names
        .into_iter()
        .map(|n| {
            let text = std::fs::read_to_string(Path::new(SEEDS).join(&n)).unwrap();
            let published = manifest["articles"][&n]["published"]
                .as_str()
                .map(str::to_string);
            (n, text, published)
        })
        .collect()
}

/// A temp dir with the seed corpus copied to `corpus/` (articles and
/// manifest), so that files-mode paths read `corpus/NAME`.
fn seed_dir() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let c = dir.path().join("corpus");
    std::fs::create_dir(&c).unwrap();
    for e in std::fs::read_dir(SEEDS).unwrap() {
        let p = e.unwrap().path();
        std::fs::copy(&p, c.join(p.file_name().unwrap())).unwrap();
    }
    dir
}

/// One JSON Lines line per seed article, id `corpus/NAME`, `published` from
/// the manifest: the same articles the files of [`seed_dir`] hold.
fn seed_jsonl() -> String {
    seeds()
        .into_iter()
        .map(|(name, text, published)| {
            let mut o =
                json!({"doc": format!("corpus/{name}"), "text": text, "source": "种子语料"});
            if let Some(p) = published {
                o["published"] = json!(p);
            }
            format!("{o}\n")
        })
        .collect()
}

fn gz(data: &[u8]) -> Vec<u8> {
    let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    e.write_all(data).unwrap();
    e.finish().unwrap()
}

struct Run {
    code: i32,
    stdout: Vec<u8>,
    stderr: String,
}

fn run(dir: &Path, args: &[&str], stdin: Option<Vec<u8>>) -> Run {
    let mut cmd = chipscan();
    cmd.current_dir(dir).args(args);
    if let Some(input) = stdin {
        cmd.write_stdin(input);
    }
    let out = cmd.output().unwrap();
    Run {
        code: out.status.code().unwrap_or(-1),
        stdout: out.stdout,
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

fn run_ok(dir: &Path, args: &[&str], stdin: Option<Vec<u8>>) -> Vec<u8> {
    let r = run(dir, args, stdin);
    assert_eq!(r.code, 0, "{args:?}: {}", r.stderr);
    r.stdout
}

#[test]
fn issue_13_jsonl_file_and_stdin_give_the_records_of_the_files_byte_for_byte() {
    let dir = seed_dir();
    std::fs::write(dir.path().join("seeds.jsonl"), seed_jsonl()).unwrap();
    for format in ["jsonl", "json"] {
        let files = run_ok(dir.path(), &["extract", "corpus", "--format", format], None);
        let from_file = run_ok(
            dir.path(),
            &[
                "extract",
                "--input-format",
                "jsonl",
                "seeds.jsonl",
                "--format",
                format,
            ],
            None,
        );
        let from_stdin = run_ok(
            dir.path(),
            &[
                "extract",
                "--input-format",
                "jsonl",
                "-",
                "--format",
                format,
            ],
            Some(seed_jsonl().into_bytes()),
        );
        assert!(files.len() > 1000, "the seeds give records");
        assert_eq!(
            String::from_utf8_lossy(&from_file),
            String::from_utf8_lossy(&files),
            "{format}"
        );
        assert_eq!(from_stdin, files, "{format}");
    }
    // CSV too, one kind.
    let files = run_ok(
        dir.path(),
        &["extract", "corpus", "--format", "csv", "--kind", "price"],
        None,
    );
    let jsonl = run_ok(
        dir.path(),
        &[
            "extract",
            "--input-format",
            "jsonl",
            "seeds.jsonl",
            "--format",
            "csv",
            "--kind",
            "price",
        ],
        None,
    );
    assert_eq!(jsonl, files);
}

#[test]
fn issue_13_report_check_and_eval_read_jsonl_like_files() {
    let dir = seed_dir();
    std::fs::write(dir.path().join("seeds.jsonl"), seed_jsonl()).unwrap();
    let gold = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/seeds.gold.json");
    for (files_args, jsonl_args) in [
        (
            vec!["report", "corpus", "--format", "json"],
            vec!["report", "--format", "json"],
        ),
        (
            vec!["check", "corpus", "--format", "json"],
            vec!["check", "--format", "json"],
        ),
        (
            vec!["eval", "--gold", gold, "corpus"],
            vec!["eval", "--gold", gold],
        ),
    ] {
        let a = run(dir.path(), &files_args, None);
        let mut args = jsonl_args.clone();
        args.extend(["--input-format", "jsonl", "seeds.jsonl"]);
        let b = run(dir.path(), &args, None);
        assert_eq!(a.code, b.code, "{args:?}: {}", b.stderr);
        assert!(a.code == 0 || a.code == 1, "{files_args:?}: {}", a.stderr);
        assert!(!a.stdout.is_empty());
        assert_eq!(
            String::from_utf8_lossy(&b.stdout),
            String::from_utf8_lossy(&a.stdout),
            "{args:?}"
        );
    }
}

/// Documents of uneven sizes, so that workers finish out of order.
fn uneven_jsonl(n: usize) -> String {
    let seeds = seeds();
    let mut out = String::new();
    for i in 0..n {
        let (name, text, published) = &seeds[i % seeds.len()];
        let cut: String = text
            .lines()
            .take(5 + (i * 37) % 120)
            .collect::<Vec<_>>()
            .join("\n");
        let mut o = json!({"id": format!("{i:03}/{name}"), "text": cut});
        if i % 3 != 0 {
            o["published"] = json!(published);
        }
        out.push_str(&format!("{o}\n"));
    }
    out
}

#[test]
fn issue_13_output_is_the_same_for_any_jobs() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("many.jsonl"), uneven_jsonl(60)).unwrap();
    for format in ["jsonl", "json"] {
        let one = run_ok(
            dir.path(),
            &[
                "extract",
                "--input-format",
                "jsonl",
                "many.jsonl",
                "--format",
                format,
                "--jobs",
                "1",
            ],
            None,
        );
        let ex_lines = String::from_utf8_lossy(&one).lines().count();
        assert!(ex_lines > 100, "{format}: {ex_lines} lines");
        for jobs in ["2", "3"] {
            let other = run_ok(
                dir.path(),
                &[
                    "extract",
                    "--input-format",
                    "jsonl",
                    "many.jsonl",
                    "--format",
                    format,
                    "--jobs",
                    jobs,
                ],
                None,
            );
            assert_eq!(other, one, "{format} --jobs {jobs}");
        }
    }
    // Records come in input order: by the line of their document.
    let out = run_ok(
        dir.path(),
        &[
            "extract",
            "--input-format",
            "jsonl",
            "many.jsonl",
            "--format",
            "json",
        ],
        None,
    );
    let ex: Extract = serde_json::from_slice(&out).unwrap();
    let ids: Vec<&str> = ex.documents.iter().map(|d| d.doc.as_str()).collect();
    let mut sorted = ids.clone();
    sorted.sort();
    assert_eq!(ids.len(), 60);
    assert_eq!(ids, sorted, "ids were written in line order, zero-padded");
}

#[test]
fn issue_13_bad_lines_are_reported_with_file_and_line_and_the_rest_is_processed() {
    let dir = tempfile::tempdir().unwrap();
    let good = seed_jsonl();
    let good_lines: Vec<&str> = good.lines().collect();
    let mixed = [
        good_lines[0],
        "这一行不是JSON",
        good_lines[1],
        r#"{"doc": "无正文"}"#,
        r#"{"doc": "数字正文", "text": 12}"#,
        "",
        r#"{"text": "英伟达A800售价12万元"}"#,
        r#"["一个", "数组"]"#,
        good_lines[2],
        good_lines[3],
        good_lines[4],
    ]
    .join("\n");
    std::fs::write(dir.path().join("mixed.jsonl"), &mixed).unwrap();
    std::fs::write(dir.path().join("good.jsonl"), &good).unwrap();
    let want = run_ok(
        dir.path(),
        &[
            "extract",
            "--input-format",
            "jsonl",
            "good.jsonl",
            "--format",
            "jsonl",
        ],
        None,
    );
    for jobs in ["1", "2"] {
        let r = run(
            dir.path(),
            &[
                "extract",
                "--input-format",
                "jsonl",
                "mixed.jsonl",
                "--format",
                "jsonl",
                "--jobs",
                jobs,
            ],
            None,
        );
        assert_eq!(r.code, 2, "{}", r.stderr);
        assert_eq!(r.stdout, want, "the good lines give all their records");
        let errors: Vec<&str> = r.stderr.lines().collect();
        assert_eq!(
            errors,
            [
                "chipscan: mixed.jsonl:2: not JSON: expected value (column 1)",
                "chipscan: mixed.jsonl:4: document \"无正文\": no `text` field",
                "chipscan: mixed.jsonl:5: document \"数字正文\": `text` is a number, expected a string",
                "chipscan: mixed.jsonl:7: no `doc` (or `id`) field",
                "chipscan: mixed.jsonl:8: not a JSON object (expected {\"doc\": ..., \"text\": ...})",
            ],
            "--jobs {jobs}"
        );
    }
    // `check` makes them CS002 findings at their line.
    let r = run(
        dir.path(),
        &[
            "check",
            "--input-format",
            "jsonl",
            "mixed.jsonl",
            "--format",
            "json",
        ],
        None,
    );
    assert_eq!(r.code, 2, "{}", r.stderr);
    let out: serde_json::Value = serde_json::from_slice(&r.stdout).unwrap();
    let unreadable: Vec<(String, u64)> = out["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["code"] == "CS002")
        .map(|f| {
            (
                f["doc"].as_str().unwrap().to_string(),
                f["line"].as_u64().unwrap(),
            )
        })
        .collect();
    let at = |l| ("mixed.jsonl".to_string(), l);
    assert_eq!(unreadable, [at(2), at(4), at(5), at(7), at(8)]);
}

#[test]
fn issue_13_duplicate_ids_are_a_warning_and_empty_text_a_document_without_records() {
    let dir = tempfile::tempdir().unwrap();
    let data = [
        json!({"doc": "a", "text": "华为昇腾910B的价格约为12万元。", "published": "2024-03"}),
        json!({"doc": "空", "text": ""}),
        json!({"doc": "a", "text": "英伟达H20的价格约为1.2万美元。", "published": "2024-03"}),
    ]
    .map(|v| v.to_string())
    .join("\n");
    std::fs::write(dir.path().join("d.jsonl"), data).unwrap();
    let r = run(
        dir.path(),
        &["extract", "--input-format", "jsonl", "d.jsonl"],
        None,
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(
        r.stderr.trim(),
        "chipscan: d.jsonl:3: warning: duplicate document id \"a\" (first at d.jsonl:1)"
    );
    let ex: Extract = serde_json::from_slice(&r.stdout).unwrap();
    let docs: Vec<(&str, usize)> = ex
        .documents
        .iter()
        .map(|d| (d.doc.as_str(), d.records))
        .collect();
    assert_eq!(docs[1], ("空", 0));
    assert_eq!(docs.len(), 3);
    assert!(
        ex.documents[2]
            .warnings
            .iter()
            .any(|w| w.to_string().contains("duplicate document id"))
    );
    let chips: Vec<&str> = ex
        .records
        .iter()
        .filter_map(|r| match r {
            Record::Price(p) => Some(p.chip.as_str()),
            _ => None,
        })
        .collect();
    assert_eq!(chips, ["Ascend 910B", "H20"]);
}

#[test]
fn issue_13_relative_dates_anchor_on_published_then_the_flag() {
    let dir = tempfile::tempdir().unwrap();
    let text = "今年4月份,李鹏以单个近8万元的价格,下单了上千英伟达A800芯片。";
    let data = [
        json!({"doc": "有日期", "text": text, "published": "2023-10-20T08:00:00+08:00", "title": "囤芯片"}),
        json!({"doc": "无日期", "text": text}),
    ]
    .map(|v| v.to_string())
    .join("\n");
    std::fs::write(dir.path().join("d.jsonl"), data).unwrap();
    let out = run_ok(
        dir.path(),
        &[
            "extract",
            "--input-format",
            "jsonl",
            "d.jsonl",
            "--published",
            "2021-06",
        ],
        None,
    );
    let ex: Extract = serde_json::from_slice(&out).unwrap();
    let dates: Vec<(String, String)> = ex
        .records
        .iter()
        .filter_map(|r| match r {
            Record::Price(p) => Some((
                p.doc.clone(),
                p.date.map(|d| d.to_string()).unwrap_or_default(),
            )),
            _ => None,
        })
        .collect();
    assert_eq!(
        dates,
        [
            ("有日期".into(), "2023-04".into()),
            ("无日期".into(), "2021-04".into())
        ]
    );
    let meta: Vec<(Option<&str>, String)> = ex
        .documents
        .iter()
        .map(|d| {
            (
                d.title.as_deref(),
                serde_json::to_value(d.published_from)
                    .unwrap()
                    .as_str()
                    .unwrap_or("")
                    .to_string(),
            )
        })
        .collect();
    assert_eq!(meta[0], (Some("囤芯片"), "manifest".to_string()));
    assert_eq!(meta[1].1, "flag");
}

#[test]
fn issue_13_gzip_is_read_by_its_magic_in_every_mode() {
    let dir = seed_dir();
    let want = run_ok(
        dir.path(),
        &["extract", "corpus", "--format", "jsonl"],
        None,
    );
    // JSON Lines, gzipped, named or found in a folder (.jsonl.gz), or on stdin.
    std::fs::create_dir(dir.path().join("lines")).unwrap();
    std::fs::write(
        dir.path().join("lines/seeds.jsonl.gz"),
        gz(seed_jsonl().as_bytes()),
    )
    .unwrap();
    std::fs::write(dir.path().join("lines/ignored.txt"), "不是JSON Lines").unwrap();
    std::fs::write(dir.path().join("seeds.data"), gz(seed_jsonl().as_bytes())).unwrap();
    for arg in ["lines", "lines/seeds.jsonl.gz", "seeds.data"] {
        let got = run_ok(
            dir.path(),
            &[
                "extract",
                "--input-format",
                "jsonl",
                arg,
                "--format",
                "jsonl",
            ],
            None,
        );
        assert_eq!(got, want, "{arg}");
    }
    let got = run_ok(
        dir.path(),
        &[
            "extract",
            "--input-format",
            "jsonl",
            "-",
            "--format",
            "jsonl",
        ],
        Some(gz(seed_jsonl().as_bytes())),
    );
    assert_eq!(got, want, "stdin");

    // Articles, gzipped (.txt.gz in a folder, still dated by the manifest).
    let gzdir = dir.path().join("gzcorpus");
    std::fs::create_dir(&gzdir).unwrap();
    for (name, text, _) in seeds() {
        std::fs::write(gzdir.join(format!("{name}.gz")), gz(text.as_bytes())).unwrap();
    }
    std::fs::copy(
        dir.path().join("corpus/manifest.json"),
        gzdir.join("manifest.json"),
    )
    .unwrap();
    let got = run_ok(
        dir.path(),
        &["extract", "gzcorpus", "--format", "jsonl"],
        None,
    );
    let got = String::from_utf8(got)
        .unwrap()
        .replace("gzcorpus/", "corpus/")
        .replace(".txt.gz", ".txt");
    assert_eq!(got, String::from_utf8(want).unwrap());
    let (name, text, _) = &seeds()[4];
    let one = run_ok(
        dir.path(),
        &["extract", &format!("corpus/{name}"), "--format", "jsonl"],
        None,
    );
    let got = run_ok(
        dir.path(),
        &[
            "extract",
            "-",
            "--format",
            "jsonl",
            "--published",
            "2023-10",
        ],
        Some(gz(text.as_bytes())),
    );
    assert_eq!(
        String::from_utf8(got)
            .unwrap()
            .replace("\"doc\":\"-\"", &format!("\"doc\":\"corpus/{name}\"")),
        String::from_utf8(one).unwrap(),
        "an article on stdin, gzipped"
    );
}

#[test]
fn issue_13_a_truncated_gzip_fails_its_input_and_the_others_are_processed() {
    let dir = seed_dir();
    let big: String = (0..200)
        .map(|i| {
            format!(
                "{}\n",
                json!({"doc": format!("t{i}"), "text": "华为昇腾910B的价格约为12万元。"})
            )
        })
        .collect();
    let z = gz(big.as_bytes());
    std::fs::write(dir.path().join("cut.jsonl.gz"), &z[..z.len() - 10]).unwrap();
    std::fs::write(dir.path().join("seeds.jsonl"), seed_jsonl()).unwrap();
    let want = run_ok(
        dir.path(),
        &["extract", "corpus", "--format", "jsonl"],
        None,
    );

    let r = run(
        dir.path(),
        &[
            "extract",
            "--input-format",
            "jsonl",
            "cut.jsonl.gz",
            "seeds.jsonl",
            "--format",
            "jsonl",
        ],
        None,
    );
    assert_eq!(r.code, 2, "{}", r.stderr);
    assert!(
        r.stderr.contains("cut.jsonl.gz:") && r.stderr.contains("truncated gzip"),
        "{}",
        r.stderr
    );
    let out = String::from_utf8(r.stdout).unwrap();
    assert!(
        out.ends_with(&String::from_utf8(want.clone()).unwrap()),
        "seeds.jsonl is processed in full"
    );

    // The same for a gzipped article among files.
    let cut = gz(seeds()[0].1.as_bytes());
    std::fs::write(
        dir.path().join("corpus/999_cut.txt.gz"),
        &cut[..cut.len() / 2],
    )
    .unwrap();
    let r = run(
        dir.path(),
        &["extract", "corpus", "--format", "jsonl"],
        None,
    );
    assert_eq!(r.code, 2);
    assert_eq!(
        r.stderr.trim(),
        "chipscan: corpus/999_cut.txt.gz: truncated gzip data (unexpected end of the compressed stream)"
    );
    assert_eq!(r.stdout, want);
}

#[test]
fn issue_13_unreadable_jsonl_inputs_are_errors_and_others_go_on() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("ok.jsonl"), seed_jsonl()).unwrap();
    let r = run(
        dir.path(),
        &[
            "extract",
            "--input-format",
            "jsonl",
            "缺失.jsonl",
            "ok.jsonl",
            "--format",
            "jsonl",
        ],
        None,
    );
    assert_eq!(r.code, 2);
    assert_eq!(
        r.stderr.trim(),
        "chipscan: 缺失.jsonl: no such file or directory"
    );
    assert!(String::from_utf8_lossy(&r.stdout).lines().count() > 50);
}

#[test]
fn issue_13_normalize_reads_jsonl_too() {
    let dir = seed_dir();
    std::fs::write(dir.path().join("seeds.jsonl"), seed_jsonl()).unwrap();
    let files = run_ok(dir.path(), &["normalize", "--json", "corpus"], None);
    let jsonl = run_ok(
        dir.path(),
        &[
            "normalize",
            "--json",
            "--input-format",
            "jsonl",
            "seeds.jsonl",
        ],
        None,
    );
    assert_eq!(
        String::from_utf8(jsonl).unwrap(),
        String::from_utf8(files).unwrap()
    );
    let r = run(
        dir.path(),
        &["normalize", "--input-format", "jsonl", "-"],
        Some(
            b"{\"doc\": \"x\", \"text\": \"\xe8\x8b\xb1\xe5\x81\x89\xe9\x81\x94\"}\n{}\n".to_vec(),
        ),
    );
    assert_eq!(r.code, 2);
    assert_eq!(String::from_utf8_lossy(&r.stdout), "英伟达\n");
    assert_eq!(r.stderr.trim(), "chipscan: -:2: no `doc` (or `id`) field");
}

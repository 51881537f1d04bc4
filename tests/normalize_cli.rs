//! `chipscan normalize` on the seed corpus: the text the extractor reads and
//! the `--json` metadata.

use std::fs;
use std::path::Path;

use assert_cmd::Command;

const ROOT: &str = env!("CARGO_MANIFEST_DIR");

mod common;
use common::Meta;

fn run(dir: &Path, args: &[&str]) -> (i32, String, String) {
    let out = Command::cargo_bin("chipscan")
        .unwrap()
        .current_dir(dir)
        .arg("normalize")
        .args(args)
        .output()
        .unwrap();
    (
        out.status.code().unwrap(),
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

fn metas(stdout: &str) -> Vec<Meta> {
    stdout
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

#[test]
fn traditional_article_with_pinyin_comes_out_clean_simplified() {
    let (code, text, err) = run(Path::new(ROOT), &["corpus/004_25fcee98536c66f0.txt"]);
    assert_eq!(code, 0, "{err}");
    let source =
        fs::read_to_string(Path::new(ROOT).join("corpus/004_25fcee98536c66f0.txt")).unwrap();
    // Line N is line N of the file.
    assert_eq!(text.lines().count(), source.lines().count());
    assert!(
        text.starts_with("囤上千英伟达芯片浮盈即过亿,国产大模型的路更难走了\n(图片来源:摄图网)\n")
    );
    assert!(text.contains("华为昇腾910B"), "昇腾 must survive t2s");
    assert!(!text.contains("升腾"));
    for kept in [
        "(BIS)",
        "(ID:wujicaijing)",
        "(small yard, high fence)",
        "(约合人民币5600亿元)",
    ] {
        assert!(text.contains(kept), "{kept}");
    }
    // No pinyin annotation left after a Han character.
    let pinyin = regex::Regex::new(r"\p{Han}\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]+\)").unwrap();
    assert_eq!(
        pinyin
            .find_iter(&text)
            .map(|m| m.as_str())
            .collect::<Vec<_>>(),
        Vec::<&str>::new()
    );
    for trad in ["國", "偉", "達", "價", "騰", "產"] {
        assert!(!text.contains(trad), "{trad} left in the text");
    }
    assert!(!text.chars().any(|c| ('\u{FF01}'..='\u{FF5E}').contains(&c)));
}

#[test]
fn corpus_metadata_uses_the_manifest() {
    let (code, out, err) = run(Path::new(ROOT), &["--json", "corpus/"]);
    assert_eq!(code, 0, "{err}");
    let m = metas(&out);
    let got: Vec<(&str, &str, Option<&str>, Option<&str>)> = m
        .iter()
        .map(|m| {
            (
                m.path.as_str(),
                m.script.as_str(),
                m.published.as_deref(),
                m.published_from.as_deref(),
            )
        })
        .collect();
    assert_eq!(
        got,
        [
            (
                "corpus/000_067796ef0e3e320e.txt",
                "traditional",
                Some("2023-07"),
                Some("manifest")
            ),
            (
                "corpus/001_d6cb4ee8ebcfbd99.txt",
                "simplified",
                Some("2024-07"),
                Some("manifest")
            ),
            (
                "corpus/002_2c55807857df2cb4.txt",
                "simplified",
                Some("2023-04-23"),
                Some("manifest")
            ),
            (
                "corpus/003_a20c748997669b80.txt",
                "simplified",
                Some("2024-08"),
                Some("manifest")
            ),
            (
                "corpus/004_25fcee98536c66f0.txt",
                "traditional",
                Some("2023-10"),
                Some("manifest")
            ),
        ]
    );
    assert!(
        m.iter()
            .all(|m| m.encoding == "UTF-8" && m.warnings.is_empty())
    );
    assert_eq!(
        m[4].title.as_deref(),
        Some("囤上千英伟达芯片浮盈即过亿,国产大模型的路更难走了")
    );
}

#[test]
fn publish_date_without_a_manifest_comes_from_flag_then_header_then_inference() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    fs::copy(
        Path::new(ROOT).join("corpus/002_2c55807857df2cb4.txt"),
        d.join("header.txt"),
    )
    .unwrap();
    fs::write(
        d.join("inferred.txt"),
        "英伟达\n2022年9月,英伟达发布H100。2023年3月21日,英伟达推出H800。\n",
    )
    .unwrap();
    fs::write(
        d.join("undated.txt"),
        "英伟达\n今年4月份,李鹏下单了上千英伟达A800芯片。\n",
    )
    .unwrap();
    fs::write(
        d.join("byline.txt"),
        "标题\n发布时间:2023年4月23日 10:00\n正文\n",
    )
    .unwrap();
    let (code, out, err) = run(d, &["--json", "."]);
    assert_eq!(code, 0, "{err}");
    let got: Vec<(String, Option<String>, Option<String>)> = metas(&out)
        .into_iter()
        .map(|m| (m.path, m.published, m.published_from))
        .collect();
    let s = |a: &str| Some(a.to_string());
    assert_eq!(
        got,
        [
            ("./byline.txt".to_string(), s("2023-04-23"), s("header")),
            ("./header.txt".to_string(), s("2023-04-23"), s("header")),
            ("./inferred.txt".to_string(), s("2023-03-21"), s("inferred")),
            ("./undated.txt".to_string(), None, None),
        ]
    );
    let (_, out, _) = run(
        d,
        &[
            "--json",
            "--published",
            "2023-10",
            "undated.txt",
            "header.txt",
        ],
    );
    for m in metas(&out) {
        assert_eq!(
            (m.published.as_deref(), m.published_from.as_deref()),
            (Some("2023-10"), Some("flag"))
        );
    }
}

#[test]
fn html_text_lines_map_to_their_source_lines() {
    let page = "<html><body>\n<h1>国产大模型的路更难走了</h1>\n<p>英伟达A800芯片\n价格上涨。</p>\n\n<div>華為昇騰910B</div>\n</body></html>\n";
    let loader =
        chipscan::load::Loader::new(Default::default(), &chipscan::catalog::Catalog::embedded());
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("page.htm"), page).unwrap();
    let input = chipscan::load::Input::File {
        path: dir.path().join("page.htm"),
        shown: "page.htm".into(),
    };
    let doc = loader.load(&input).unwrap();
    assert_eq!(
        doc.text,
        "国产大模型的路更难走了\n英伟达A800芯片 价格上涨。\n华为昇腾910B\n"
    );
    assert_eq!(
        (1..=3).map(|l| doc.original_line(l)).collect::<Vec<_>>(),
        [2, 3, 6]
    );
    let (code, out, _) = run(dir.path(), &["page.htm"]);
    assert_eq!((code, out.as_str()), (0, doc.text.as_str()));
}

#[test]
fn output_is_the_same_for_any_number_of_jobs() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    for (i, e) in fs::read_dir(Path::new(ROOT).join("corpus"))
        .unwrap()
        .enumerate()
    {
        let p = e.unwrap().path();
        if p.extension().is_some_and(|x| x == "txt") {
            for copy in 0..4 {
                fs::copy(&p, d.join(format!("{copy}_{i}.txt"))).unwrap();
            }
        }
    }
    fs::write(d.join("2_bin.txt"), [0u8; 64]).unwrap();
    let one = run(d, &["--jobs", "1", "."]);
    let three = run(d, &["--jobs", "3", "."]);
    assert_eq!(one.0, 2);
    assert_eq!(one, three);
    assert_eq!(
        run(d, &["--json", "--jobs", "1", "."]),
        run(d, &["--json", "--jobs", "4", "."])
    );
}

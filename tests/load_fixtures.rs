//! Encoding and shape fixtures made from the seed corpus, written as bytes
//! into a temp dir: each must normalize (through the real binary) to the same
//! text as its UTF-8 original.

use std::fs;
use std::path::Path;

use assert_cmd::Command;
use encoding_rs::{BIG5, Encoding, GB18030, GBK};

fn corpus_files() -> Vec<(String, String)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus");
    let mut v: Vec<(String, String)> = fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .map(|p| {
            (
                p.file_name().unwrap().to_string_lossy().into_owned(),
                fs::read_to_string(&p).unwrap(),
            )
        })
        .collect();
    v.sort();
    assert_eq!(v.len(), 5, "the five seed articles");
    v
}

/// Runs `chipscan normalize ARGS` in `dir`, expecting success.
fn normalize(dir: &Path, args: &[&str]) -> String {
    let out = Command::cargo_bin("chipscan")
        .unwrap()
        .current_dir(dir)
        .arg("normalize")
        .args(args)
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

fn json(dir: &Path, file: &str) -> serde_json::Value {
    serde_json::from_str(&normalize(dir, &["--json", file])).unwrap()
}

fn encode(enc: &'static Encoding, text: &str) -> Vec<u8> {
    let (bytes, _, unmappable) = enc.encode(text);
    assert!(!unmappable, "{} cannot encode the text", enc.name());
    bytes.into_owned()
}

fn utf16(text: &str, big_endian: bool, bom: bool) -> Vec<u8> {
    let mut out = Vec::new();
    if bom {
        out.extend_from_slice(if big_endian {
            &[0xFE, 0xFF]
        } else {
            &[0xFF, 0xFE]
        });
    }
    for u in text.encode_utf16() {
        out.extend_from_slice(&if big_endian {
            u.to_be_bytes()
        } else {
            u.to_le_bytes()
        });
    }
    out
}

#[test]
fn every_encoding_of_every_article_normalizes_to_the_same_text() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    for (name, text) in corpus_files() {
        let stem = name.trim_end_matches(".txt");
        fs::write(d.join(&name), &text).unwrap();
        let expected = normalize(d, &[&name]);
        assert!(!expected.is_empty());
        let mut bom8 = b"\xEF\xBB\xBF".to_vec();
        bom8.extend_from_slice(text.as_bytes());
        let fullwidth: String = text
            .chars()
            .map(|c| match c {
                '!'..='~' => char::from_u32(c as u32 - 0x21 + 0xFF01).unwrap(),
                ' ' => '\u{3000}',
                _ => c,
            })
            .collect();
        let fixtures: Vec<(&str, Vec<u8>, &str)> = vec![
            ("gb18030", encode(GB18030, &text), "GBK|gb18030"),
            ("utf16le-bom", utf16(&text, false, true), "UTF-16LE"),
            ("utf16be-bom", utf16(&text, true, true), "UTF-16BE"),
            ("utf16le", utf16(&text, false, false), "UTF-16LE"),
            ("utf16be", utf16(&text, true, false), "UTF-16BE"),
            ("utf8-bom", bom8, "UTF-8"),
            ("crlf", text.replace('\n', "\r\n").into_bytes(), "UTF-8"),
            ("fullwidth", fullwidth.into_bytes(), "UTF-8"),
        ];
        for (kind, bytes, encodings) in fixtures {
            let file = format!("{stem}.{kind}.txt");
            fs::write(d.join(&file), bytes).unwrap();
            assert_eq!(normalize(d, &[&file]), expected, "{file}");
            let meta = json(d, &file);
            let enc = meta["encoding"].as_str().unwrap();
            assert!(encodings.split('|').any(|e| e == enc), "{file}: {enc}");
            assert_eq!(meta["warnings"], serde_json::json!([]), "{file}");
        }
    }
}

#[test]
fn gbk_lines_and_big5_lines_normalize_like_utf8() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let files = corpus_files();
    // Lines each encoding can carry: GBK from a Simplified article, Big5 from
    // the Traditional one (004).
    // Big5 has no tone-marked Latin letters: drop the pinyin annotations of
    // 004 first (both files get the same lines).
    let pinyin = regex::Regex::new(r"\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]+\)").unwrap();
    let keep = |enc: &'static Encoding, text: &str| -> String {
        let text = pinyin.replace_all(text, "");
        let lines: Vec<&str> = text.lines().filter(|l| !enc.encode(l).2).collect();
        assert!(
            lines.len() > 10,
            "{} keeps {} lines",
            enc.name(),
            lines.len()
        );
        lines.join("\n") + "\n"
    };
    for (enc, source, name) in [(GBK, &files[2].1, "gbk"), (BIG5, &files[4].1, "big5")] {
        let text = keep(enc, source);
        fs::write(d.join(format!("{name}.utf8.txt")), &text).unwrap();
        fs::write(d.join(format!("{name}.txt")), encode(enc, &text)).unwrap();
        let expected = normalize(d, &[&format!("{name}.utf8.txt")]);
        assert_eq!(normalize(d, &[&format!("{name}.txt")]), expected, "{name}");
        assert_eq!(
            json(d, &format!("{name}.txt"))["encoding"],
            enc.name(),
            "{name}"
        );
    }
    let big5 = json(d, "big5.txt");
    assert_eq!(big5["script"], "traditional");
    assert!(!normalize(d, &["big5.txt"]).contains("國"));
}

fn escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// Lines with text, whitespace runs collapsed (as HTML renders them).
fn text_lines(s: &str) -> Vec<String> {
    s.lines()
        .map(|l| l.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|l| !l.is_empty())
        .collect()
}

#[test]
fn html_page_wrapping_an_article_gives_the_same_lines() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    for (name, text) in corpus_files() {
        let stem = name.trim_end_matches(".txt");
        fs::write(d.join(&name), &text).unwrap();
        let mut page = String::from(
            "<!DOCTYPE html>\n<html lang=\"zh\">\n<head>\n<meta charset=\"utf-8\">\n<title>页面标题 - 网站</title>\n\
             <style>\nbody { font: 16px/1.5 sans-serif; }\np > a { color: #333; }\n</style>\n\
             <script>\nvar a = \"<p>不是正文</p>\"; if (a < 3 && a > 1) {}\n</script>\n</head>\n<body>\n\
             <nav><!-- 导航 --></nav>\n<article class=\"content\">\n",
        );
        for (i, line) in text.lines().enumerate() {
            if line.trim().is_empty() {
                page.push_str("<br>\n");
            } else if i == 0 {
                page.push_str(&format!("<h1>{}</h1>\n", escape(line)));
            } else {
                page.push_str(&format!(
                    "<p data-x='a>b'>{}</p>\n",
                    escape(line).replace('"', "&quot;")
                ));
            }
        }
        page.push_str("</article>\n<script src=\"x.js\"></script>\n</body>\n</html>\n");
        let file = format!("{stem}.html");
        fs::write(d.join(&file), &page).unwrap();
        let expected = text_lines(&normalize(d, &[&name]));
        let got = text_lines(&normalize(d, &[&file]));
        assert_eq!(got, expected, "{file}");
    }
}

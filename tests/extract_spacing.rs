//! Pangu spacing (a space set between Han characters and Latin letters or
//! digits: `英伟达 H20 的售价约 1.2 万美元`, `8 月 15 日`), which many sites and
//! blogs print, changes no record: every seed and fresh-corpus article,
//! respaced that way, extracts as the original does (the evidence aside).

use chipscan::catalog::Catalog;
use chipscan::extract::Extractor;
use chipscan::load::{LoadOptions, Loader};
use chipscan::model::Record;

/// `text` with a space between each Han character and a Latin letter or
/// digit next to it, both ways, as pangu-style typesetting prints it; a
/// token the writer already set off from a Han character by a space is left
/// as written (in a headline that space parts two clauses, `出口管制 140家中国
/// 实体被列入实体清单`, which a second space would hide from any reader).
fn pangu(text: &str) -> String {
    let han = |c: char| ('\u{4e00}'..='\u{9fff}').contains(&c);
    let token = |c: char| c.is_ascii_alphanumeric() || c == '.' || c == '%';
    let chars: Vec<char> = text.chars().collect();
    // For each char, whether it is in a token with a space beside it.
    let mut spaced = vec![false; chars.len()];
    let mut i = 0;
    while i < chars.len() {
        if !token(chars[i]) {
            i += 1;
            continue;
        }
        let start = i;
        while i < chars.len() && token(chars[i]) {
            i += 1;
        }
        let beside = start > 1 && chars[start - 1] == ' ' && han(chars[start - 2])
            || i + 1 < chars.len() && chars[i] == ' ' && han(chars[i + 1]);
        spaced[start..i].fill(beside);
    }
    let mut out = String::with_capacity(text.len() * 2);
    for (k, &c) in chars.iter().enumerate() {
        if k > 0 {
            let p = chars[k - 1];
            let latin = |i: usize| chars[i].is_ascii_alphanumeric() && !spaced[i];
            if han(p) && latin(k) || (latin(k - 1) || p == '%' && !spaced[k - 1]) && han(c) {
                out.push(' ');
            }
        }
        out.push(c);
    }
    out
}

/// The records of `bytes` loaded with publish date `published`, without
/// their evidence (which quotes the text as printed).
/// Also the text as it was written (decoded, in its own script: a Taiwan
/// post stays in traditional characters, whose money the extractor reads
/// from its places).
fn records(loader: &Loader, ex: &Extractor, bytes: Vec<u8>) -> (String, Vec<Record>) {
    let doc = loader.load_bytes("a.txt", bytes.clone()).expect("loads");
    let encoding = encoding_rs::Encoding::for_label(doc.summary.encoding.as_bytes()).unwrap_or(encoding_rs::UTF_8);
    let written = encoding.decode(&bytes).0.into_owned();
    let records = ex
        .extract(&doc)
        .records
        .into_iter()
        .map(|mut r| {
            match &mut r {
                Record::Price(x) => x.evidence.clear(),
                Record::Share(x) => x.evidence.clear(),
                Record::Chip(x) => x.evidence.clear(),
                Record::ExportControl(x) => x.evidence.clear(),
            }
            r
        })
        .collect();
    (written, records)
}

#[test]
fn pangu_spaced_articles_extract_like_the_originals() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    assert_eq!(pangu("英伟达H20的售价约1.2万美元,RTX 4090显卡"), "英伟达 H20 的售价约 1.2 万美元,RTX 4090 显卡");
    assert_eq!(pangu("出口管制 140家实体"), "出口管制 140家实体");
    let ex = Extractor::new(Catalog::embedded());
    let mut differ = Vec::new();
    let mut checked = 0;
    for dir in ["corpus", "tests/data/fresh"] {
        let manifest: serde_json::Value = serde_json::from_slice(&std::fs::read(root.join(dir).join("manifest.json")).unwrap()).unwrap();
        for (name, entry) in manifest["articles"].as_object().unwrap() {
            let published = entry["published"].as_str().and_then(|p| p.parse().ok());
            let loader = Loader::new(LoadOptions { published, ..LoadOptions::default() }, &Catalog::embedded());
            let (text, original) = records(&loader, &ex, std::fs::read(root.join(dir).join(name)).unwrap());
            let (_, spaced) = records(&loader, &ex, pangu(&text).into_bytes());
            checked += 1;
            if original != spaced {
                differ.push(format!("{dir}/{name}"));
            }
        }
    }
    assert!(checked > 140, "{checked}");
    assert!(differ.is_empty(), "records differ once respaced: {differ:?}");
}

//! Pangu spacing (a space set between Han characters and Latin letters or
//! digits: `英伟达 H20 的售价约 1.2 万美元`, `8 月 15 日`), which many sites and
//! blogs print, changes no record: every seed and fresh-corpus article,
//! respaced that way, extracts as the original does (the evidence aside).

use chipscan::catalog::Catalog;
use chipscan::extract::Extractor;
use chipscan::load::{LoadOptions, Loader};
use chipscan::model::Record;

/// `text` with a space between each Han character and a Latin letter or
/// digit next to it, both ways, as pangu-style typesetting prints it.
fn pangu(text: &str) -> String {
    let han = |c: char| ('\u{4e00}'..='\u{9fff}').contains(&c);
    let mut out = String::with_capacity(text.len() * 2);
    let mut prev: Option<char> = None;
    for c in text.chars() {
        if let Some(p) = prev {
            if han(p) && c.is_ascii_alphanumeric() || (p.is_ascii_alphanumeric() || p == '%') && han(c) {
                out.push(' ');
            }
        }
        out.push(c);
        prev = Some(c);
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

//! The loader on arbitrary bytes: encoding detection (or a forced
//! `--encoding`, chosen by the first byte), HTML cleanup, width and space
//! cleanup, pinyin stripping and Traditional → Simplified conversion.
//!
//! Must never panic; a document's text has `\n` line breaks only.

#![no_main]

use std::sync::LazyLock;

use chipscan::catalog::Catalog;
use chipscan::load::{LoadOptions, Loader};
use libfuzzer_sys::fuzz_target;

static LOADERS: LazyLock<Vec<Loader>> = LazyLock::new(|| {
    let catalog = Catalog::embedded();
    [
        None,
        Some("gbk"),
        Some("big5"),
        Some("utf-16le"),
        Some("utf-8"),
    ]
    .into_iter()
    .map(|label| {
        let encoding =
            label.map(|l| encoding_rs::Encoding::for_label(l.as_bytes()).expect("known label"));
        Loader::new(
            LoadOptions {
                encoding,
                ..LoadOptions::default()
            },
            &catalog,
        )
    })
    .collect()
});

fuzz_target!(|data: &[u8]| {
    let Some((&pick, bytes)) = data.split_first() else {
        return;
    };
    // Mostly detection, which is what users get without --encoding.
    let loader = if pick < 0xC0 {
        &LOADERS[0]
    } else {
        &LOADERS[1 + (pick as usize % 4)]
    };
    if let Ok(doc) = loader.load_bytes("fuzz.txt", bytes.to_vec()) {
        assert!(
            !doc.text.contains('\r'),
            "normalized text has only \\n line breaks"
        );
        assert_eq!(doc.summary.bytes, bytes.len() as u64);
        let lines = doc.text.lines().count() as u32;
        let _ = doc.original_line(lines.max(1));
        serde_json::to_string(&doc.summary).expect("summary serializes");
    }
});

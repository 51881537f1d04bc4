//! The same article gives the same records whatever its encoding: a GB18030
//! copy and a UTF-16LE copy of a seed article extract exactly as the UTF-8
//! original does (only the path differs).

use std::process::Command;

use chipscan::model::{Extract, Record};

fn records(dir: &std::path::Path, file: &str) -> Vec<Record> {
    let out = Command::new(env!("CARGO_BIN_EXE_chipscan"))
        .args(["extract", "--published", "2023-10", file])
        .current_dir(dir)
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let e: Extract = serde_json::from_slice(&out.stdout).unwrap();
    e.records
        .into_iter()
        .map(|mut r| {
            match &mut r {
                Record::Price(x) => x.doc.clear(),
                Record::Share(x) => x.doc.clear(),
                Record::Chip(x) => x.doc.clear(),
                Record::ExportControl(x) => x.doc.clear(),
            }
            r
        })
        .collect()
}

#[test]
fn gb18030_and_utf16_copies_extract_like_the_original() {
    let text = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/corpus/002_2c55807857df2cb4.txt")).unwrap();
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("utf8.txt"), &text).unwrap();
    let (gb, _, unmappable) = encoding_rs::GB18030.encode(&text);
    assert!(!unmappable);
    std::fs::write(dir.path().join("gb.txt"), &gb).unwrap();
    let mut utf16 = vec![0xFF, 0xFE];
    utf16.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
    std::fs::write(dir.path().join("utf16.txt"), &utf16).unwrap();

    let original = records(dir.path(), "utf8.txt");
    assert!(original.iter().any(|r| matches!(r, Record::Price(_))));
    assert_eq!(records(dir.path(), "gb.txt"), original);
    assert_eq!(records(dir.path(), "utf16.txt"), original);
}

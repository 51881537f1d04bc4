//! With `--features opencc`: the system OpenCC library and ferrous-opencc
//! give identical text on the whole seed corpus, both bare and through the
//! loader (protected phrases, skipped Simplified lines).
//!
//! `cargo test --features opencc --test load_opencc` (needs libopencc-dev 1.1.x).
#![cfg(feature = "opencc")]

use std::fs;
use std::path::Path;

use chipscan::catalog::Catalog;
use chipscan::load::script::Backend;
use chipscan::load::{LoadOptions, Loader};

fn corpus() -> Vec<(String, Vec<u8>)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus");
    let mut v: Vec<(String, Vec<u8>)> = fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .map(|p| (p.display().to_string(), fs::read(&p).unwrap()))
        .collect();
    v.sort();
    assert_eq!(v.len(), 5);
    v
}

#[test]
fn system_opencc_and_ferrous_opencc_agree_on_the_corpus() {
    let ferrous =
        ferrous_opencc::OpenCC::from_config(ferrous_opencc::config::BuiltinConfig::T2s).unwrap();
    let system = opencc_rust::OpenCC::new(opencc_rust::DefaultConfig::T2S).unwrap();
    for (name, bytes) in corpus() {
        let text = String::from_utf8(bytes).unwrap();
        assert_eq!(
            system.convert(&text),
            ferrous.convert(&text),
            "bare t2s differs on {name}"
        );
    }
}

#[test]
fn loader_gives_the_same_documents_with_either_backend() {
    let catalog = Catalog::embedded();
    let with = |backend| Loader::with_backend(LoadOptions::default(), &catalog, backend).unwrap();
    let f = with(Backend::ferrous(ferrous_opencc::config::BuiltinConfig::T2s).unwrap());
    let s = with(Backend::system("t2s.json").unwrap());
    for (name, bytes) in corpus() {
        let a = f.load_bytes(&name, bytes.clone()).unwrap();
        let b = s.load_bytes(&name, bytes).unwrap();
        assert_eq!(a.text, b.text, "{name}");
        assert_eq!(a.summary, b.summary, "{name}");
    }
    // The default backend of this build is the system library, and 昇腾 survives it.
    let d = Loader::new(LoadOptions::default(), &catalog);
    let doc = d
        .load_bytes("x", "華為昇騰910B\n".as_bytes().to_vec())
        .unwrap();
    assert_eq!(doc.text, "华为昇腾910B\n");
}

//! The extractor on arbitrary text (the bytes read as UTF-8, invalid
//! sequences replaced), with and without a publish date.
//!
//! Must never panic, and every record must keep the output contract
//! (RECORDS.md): 1-based lines inside the document, low ≤ high, finite
//! amounts, percent within 0-100, records sorted by line then kind, and a
//! JSON round trip that gives the same record back.

#![no_main]

use std::sync::LazyLock;

use chipscan::catalog::Catalog;
use chipscan::extract::Extractor;
use chipscan::load::Document;
use chipscan::model::{PartialDate, Record};
use libfuzzer_sys::fuzz_target;

static EXTRACTOR: LazyLock<Extractor> = LazyLock::new(|| Extractor::new(Catalog::embedded()));

fuzz_target!(|data: &[u8]| {
    let Some((&pick, bytes)) = data.split_first() else {
        return;
    };
    let text = String::from_utf8_lossy(bytes);
    let published = (pick & 1 == 1).then(|| PartialDate::month(2023, 10));
    let doc = Document::from_text("fuzz.txt", &text, published);
    let ex = EXTRACTOR.extract(&doc);
    let lines = text.split('\n').count() as u32;
    for r in &ex.records {
        assert!(
            r.line() >= 1 && r.line() <= lines,
            "line {} of {lines}: {r:?}",
            r.line()
        );
        assert_eq!(r.doc(), "fuzz.txt");
        match r {
            Record::Price(p) => {
                assert!(p.low.is_finite() && p.high.is_finite(), "{p:?}");
                assert!(p.low <= p.high, "low > high: {p:?}");
            }
            Record::Share(s) => assert!((0.0..=100.0).contains(&s.percent), "{s:?}"),
            _ => {}
        }
        let json = serde_json::to_string(r).expect("record serializes");
        let back: Record = serde_json::from_str(&json).expect("record deserializes");
        assert_eq!(&back, r, "JSON round trip");
    }
    assert!(
        ex.records
            .windows(2)
            .all(|w| (w[0].line(), w[0].kind()) <= (w[1].line(), w[1].kind())),
        "records sorted by line then kind"
    );
});

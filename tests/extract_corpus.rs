//! The real extractor on the seed corpus, scored against the seed gold by the
//! matching rules of RECORDS.md (the same scoring `chipscan eval` uses).

use std::path::PathBuf;

use chipscan::catalog::Catalog;
use chipscan::eval::{Gold, score};
use chipscan::load::LoadOptions;
use chipscan::model::Kind;
use chipscan::pipeline::{DocResult, Pipeline};

fn corpus_results() -> Vec<DocResult> {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let pipeline = Pipeline::new(LoadOptions::default(), Catalog::embedded());
    let mut out = Vec::new();
    let failed = pipeline.run(&[root.join("corpus")], |r| out.push(r.expect("every seed article loads")));
    assert!(!failed);
    out
}

#[test]
fn every_kind_scores_at_least_0_9_f1_on_the_seed_gold() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let gold = Gold::load(&root.join("tests/data/seeds.gold.json")).expect("gold parses");
    let results = corpus_results();
    assert_eq!(results.len(), 5);
    let scores = score(&gold, &results, &Catalog::embedded());
    for kind in Kind::ALL {
        let k = scores.kind(kind);
        let f1 = k.f1.unwrap_or(0.0);
        assert!(f1 >= 0.9, "{kind}: F1 {f1:.3} (precision {:?}, recall {:?})", k.precision, k.recall);
    }
    assert!(scores.below(0.9).is_empty());
    // Dates and the fields the gold states (qualifier, basis, role, market,
    // region, year, metric, authority, effective) of matched records.
    assert!(scores.dates.accuracy.unwrap_or(0.0) >= 0.9, "{:?}", scores.dates);
    let fields = &scores.fields;
    assert!(fields.scored >= 80, "{fields:?}");
    assert!(fields.accuracy.unwrap_or(0.0) >= 0.9, "{fields:?}");
    for name in chipscan::eval::SCORED_FIELDS {
        let f = fields.field(name).expect("every field is listed");
        assert!(f.accuracy.is_none_or(|a| a >= 0.8), "{name}: {f:?}");
    }
}

#[test]
fn seed_prices_are_linked_dated_and_qualified() {
    let results = corpus_results();
    let doc = results.iter().find(|d| d.summary.doc.ends_with("004_25fcee98536c66f0.txt")).unwrap();
    let prices: Vec<String> = doc
        .records
        .iter()
        .filter_map(|r| match r {
            chipscan::model::Record::Price(p) => Some(format!(
                "{}:{} {}-{} {} {}",
                p.line,
                p.chip,
                p.low,
                p.high,
                p.currency,
                p.date.map(|d| d.to_string()).unwrap_or_default()
            )),
            _ => None,
        })
        .collect();
    assert_eq!(
        prices,
        vec![
            "5:A800 80000-80000 CNY 2023-04",
            "5:A800 300000-300000 CNY 2023-10-20",
            "11:RTX 4090 15000-15000 CNY ",
            "11:RTX 4090 30000-50000 CNY 2023-10-18",
            "14:RTX 4090 20000-30000 CNY 2023-10-20",
        ]
    );
}

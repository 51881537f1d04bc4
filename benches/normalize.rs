//! Normalization throughput over the seed corpus: decoding, cleanup (widths,
//! spaces, pinyin), Traditional → Simplified with protected phrases, script
//! detection, title and publish date, from the bytes of each article
//! (`Loader::load_bytes`, no file I/O). `Throughput::Bytes` counts the
//! articles' bytes.
//!
//! `cargo bench --bench normalize`. Groups: `normalize` (the whole corpus,
//! the figure to quote), `simplified articles` and `traditional articles`
//! (the same work split by the script detected: Simplified lines skip t2s),
//! and `t2s only`, bare ferrous-opencc on the same text for comparison (on a
//! busy machine, compare the two rather than absolute figures; see also
//! `tests/load_speed.rs`, which measures CPU time).

use std::hint::black_box;
use std::path::PathBuf;

use chipscan::catalog::Catalog;
use chipscan::load::{LoadOptions, Loader};
use chipscan::model::Script;
use criterion::{Criterion, Throughput, criterion_group, criterion_main};

fn corpus() -> Vec<(String, Vec<u8>)> {
    let dir = PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/corpus"));
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("corpus folder")
        .map(|e| e.expect("corpus entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    files.sort();
    assert!(!files.is_empty(), "no corpus articles");
    files
        .into_iter()
        .map(|p| {
            (
                p.display().to_string(),
                std::fs::read(&p).expect("corpus article"),
            )
        })
        .collect()
}

fn bench(c: &mut Criterion) {
    let loader = Loader::new(LoadOptions::default(), &Catalog::embedded());
    let files = corpus();
    let bytes: u64 = files.iter().map(|(_, b)| b.len() as u64).sum();

    let mut g = c.benchmark_group("normalize");
    g.throughput(Throughput::Bytes(bytes));
    g.bench_function("seed corpus", |b| {
        b.iter(|| {
            for (name, data) in &files {
                let doc = loader
                    .load_bytes(name, data.clone())
                    .expect("corpus article loads");
                black_box(doc);
            }
        })
    });
    g.finish();
    // The same work split by script: Simplified articles skip t2s entirely.
    for (label, script) in [
        ("simplified articles", Script::Simplified),
        ("traditional articles", Script::Traditional),
    ] {
        let sub: Vec<&(String, Vec<u8>)> = files
            .iter()
            .filter(|(n, d)| {
                loader
                    .load_bytes(n, d.clone())
                    .expect("corpus article loads")
                    .summary
                    .script
                    == script
            })
            .collect();
        if sub.is_empty() {
            continue;
        }
        let mut g = c.benchmark_group(label);
        g.throughput(Throughput::Bytes(
            sub.iter().map(|(_, b)| b.len() as u64).sum(),
        ));
        g.bench_function("seed corpus", |b| {
            b.iter(|| {
                for (name, data) in &sub {
                    black_box(
                        loader
                            .load_bytes(name, data.clone())
                            .expect("corpus article loads"),
                    );
                }
            })
        });
        g.finish();
    }

    let t2s =
        ferrous_opencc::OpenCC::from_config(ferrous_opencc::config::BuiltinConfig::T2s).unwrap();
    let texts: Vec<String> = files
        .iter()
        .map(|(_, b)| String::from_utf8_lossy(b).into_owned())
        .collect();
    let mut g = c.benchmark_group("t2s only");
    g.throughput(Throughput::Bytes(bytes));
    g.bench_function("ferrous-opencc", |b| {
        b.iter(|| {
            for t in &texts {
                black_box(t2s.convert(t));
            }
        })
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);

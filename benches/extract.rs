//! Extraction throughput over the seed corpus: the articles are loaded once,
//! then `Extractor::extract` runs on the loaded documents (Throughput::Bytes
//! counts the articles' file bytes). A second group times loading (decode,
//! clean, Traditional to Simplified) of the same files.
//!
//! `cargo bench --bench extract`; end-to-end figures on a 200 MB corpus come
//! from `scripts/bench-corpus`.

use std::hint::black_box;
use std::path::PathBuf;

use chipscan::catalog::Catalog;
use chipscan::extract::Extractor;
use chipscan::load::{Document, Input, LoadOptions, Loader};
use criterion::{Criterion, Throughput, criterion_group, criterion_main};

fn seed_inputs(loader: &Loader) -> Vec<Input> {
    let dir = PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/corpus"));
    loader
        .discover(&[dir])
        .into_iter()
        .map(|r| r.expect("seed corpus is readable"))
        .collect()
}

fn bench(c: &mut Criterion) {
    let catalog = Catalog::embedded();
    let loader = Loader::new(LoadOptions::default(), &catalog);
    let inputs = seed_inputs(&loader);
    let docs: Vec<Document> = inputs
        .iter()
        .map(|i| loader.load(i).expect("seed article loads"))
        .collect();
    assert!(!docs.is_empty(), "no seed articles found");
    let bytes: u64 = docs.iter().map(|d| d.summary.bytes).sum();
    let extractor = Extractor::new(catalog);

    let mut g = c.benchmark_group("extract");
    g.throughput(Throughput::Bytes(bytes));
    g.bench_function("seed corpus", |b| {
        b.iter(|| {
            for d in &docs {
                black_box(extractor.extract(black_box(d)));
            }
        })
    });
    g.finish();

    let mut g = c.benchmark_group("load");
    g.throughput(Throughput::Bytes(bytes));
    g.bench_function("seed corpus", |b| {
        b.iter(|| {
            for i in &inputs {
                black_box(loader.load(black_box(i)).ok());
            }
        })
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);

//! The development corpus (`tests/data/dev/`: 40 excerpts of real articles
//! from other outlets and years than the seeds, both scripts, some in GB18030
//! and Big5, with their gold), scored by the library `chipscan eval` uses.
//! The floors are what the extractor reached when they were set (all 40:
//! price 0.960, share 0.977, chip 0.995, export_control 0.870, dates 0.962,
//! fields 0.971), a little below: a change that reads these articles worse
//! fails here. The target is 0.90 for every kind. (Share was 0.941
//! before Broadcom and other vendors joined the catalog: a gold subject that
//! is a vendor id must then be matched by that id, and two shares whose
//! subject was wrong no longer count as found.)
//!
//! `tests/data/fresh/` is a second corpus (684 articles the team wrote after
//! real reporting in twenty batches, f01-f30, f31-f60, f61-f90, f91-f110,
//! f111-f124, f125-f144, f145-f164, f165-f204, f245-f284, f285-f324,
//! f325-f364, f365-f404, f405-f444, f445-f484, f485-f524, f525-f564,
//! f565-f604, f605-f644, f645-f684 and f685-f724, both scripts,
//! GB18030 and Big5, each annotated by a reader who never ran chipscan; the
//! fourth and fifth written to copy real articles' long sentences and noise
//! more closely, the sixth centred on export control, the eighth to eleventh
//! from outlets no batch before used): held at its own floors, a little below
//! what it reached when they were set (price 0.979, share 0.976, chip 0.979,
//! export_control 0.915, dates 0.882, fields 0.914; with the eighth batch,
//! price 0.975, share 0.979, chip 0.980, export_control 0.918, dates 0.888,
//! fields 0.914; with the ninth, price 0.961, share 0.972, chip 0.978,
//! export_control 0.913, dates 0.916, fields 0.922; with the tenth, price
//! 0.960, share 0.975, chip 0.984, export_control 0.909, dates 0.938, fields
//! 0.935; with the eleventh, price 0.957, share 0.975, chip 0.983,
//! export_control 0.904, dates 0.938, fields 0.937; with the twelfth, read in
//! round 14, price 0.938, share 0.973, chip 0.985, export_control 0.905,
//! dates 0.929, fields 0.937; with the thirteenth, read in round 15, price
//! 0.935, share 0.967, chip 0.985, export_control 0.908, dates 0.928, fields
//! 0.938, the price floor 0.93 for the round, back at 0.94 at its end, where
//! price reached 0.954; with the fourteenth, read in round 16, price 0.951,
//! share 0.968, chip 0.988, export_control 0.903, dates 0.925, fields 0.937;
//! with the fifteenth, read in round 17, price 0.953, share 0.966, chip
//! 0.987, export_control 0.905, dates 0.922, fields 0.938; with the
//! sixteenth, read in round 18, price 0.956, share 0.965, chip 0.986,
//! export_control 0.906, dates 0.926, fields 0.943; with the seventeenth,
//! read in round 19, price 0.952, share 0.965, chip 0.986, export_control
//! 0.905, dates 0.928, fields 0.945; with the eighteenth, read in round 20,
//! price 0.956, share 0.968, chip 0.986, export_control 0.907, dates 0.929,
//! fields 0.945; with the nineteenth, read in round 21, price 0.955, share
//! 0.967, chip 0.986, export_control 0.906, dates 0.932, fields 0.947; with the
//! twentieth, read in round 22, price 0.958, share 0.967, chip 0.985,
//! export_control 0.908, dates 0.931, fields 0.949).

use std::path::{Path, PathBuf};

use chipscan::catalog::Catalog;
use chipscan::eval::{Gold, score};
use chipscan::load::LoadOptions;
use chipscan::model::Kind;
use chipscan::pipeline::{DocResult, Pipeline};

/// The dev corpus's floors: F1 per kind, then date and field accuracy.
const PRICE_F1: f64 = 0.93;
const SHARE_F1: f64 = 0.95;
const CHIP_F1: f64 = 0.97;
const EXPORT_F1: f64 = 0.84;
const DATE_ACCURACY: f64 = 0.93;
const FIELD_ACCURACY: f64 = 0.94;

/// The fresh corpus's floors: F1 for price, share, chip, export_control, then
/// date and field accuracy.
const FRESH_FLOORS: [f64; 6] = [0.94, 0.95, 0.96, 0.89, 0.89, 0.90];

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn results(dir: &Path) -> Vec<DocResult> {
    let pipeline = Pipeline::new(LoadOptions::default(), Catalog::embedded());
    let mut out = Vec::new();
    let failed = pipeline.run(&[dir.to_path_buf()], |r| out.push(r.expect("every dev article loads")));
    assert!(!failed);
    out
}

/// Scores the corpus in `dir` (`count` documents) and fails naming every
/// figure below its floor: F1 for price, share, chip, export_control, then
/// date and field accuracy.
fn holds_at_floors(dir: &str, count: usize, floors: [f64; 6]) {
    let dir = root().join(dir);
    let gold = Gold::load(&dir.join("gold.json")).expect("gold parses");
    let results = results(&dir);
    assert_eq!(results.len(), count);
    let s = score(&gold, &results, &Catalog::embedded());
    let kinds = [Kind::Price, Kind::Share, Kind::Chip, Kind::ExportControl];
    let mut low = Vec::new();
    for (kind, floor) in kinds.into_iter().zip(floors) {
        let f1 = s.kind(kind).f1.unwrap_or(0.0);
        if f1 < floor {
            low.push(format!("{kind} F1 {f1:.3} < {floor}"));
        }
    }
    let dates = s.dates.accuracy.unwrap_or(0.0);
    if dates < floors[4] {
        low.push(format!("date accuracy {dates:.3} < {}", floors[4]));
    }
    let fields = s.fields.accuracy.unwrap_or(0.0);
    if fields < floors[5] {
        low.push(format!("field accuracy {fields:.3} < {}", floors[5]));
    }
    assert!(low.is_empty(), "below the floors: {}", low.join("; "));
}

#[test]
fn the_dev_corpus_stays_at_its_floors() {
    holds_at_floors("tests/data/dev", 40, [PRICE_F1, SHARE_F1, CHIP_F1, EXPORT_F1, DATE_ACCURACY, FIELD_ACCURACY]);
}

#[test]
fn the_fresh_corpus_stays_at_its_floors() {
    holds_at_floors("tests/data/fresh", 684, FRESH_FLOORS);
}

/// `tests/data/dev` is a copy of the shared development corpus; where the
/// shared one is beside the project, the two must be equal.
#[test]
fn the_copy_equals_the_shared_corpus() {
    let shared = root().join("../shared/dev/articles");
    if !shared.is_dir() {
        eprintln!("{} not found: nothing to compare", shared.display());
        return;
    }
    let names = |d: &Path| {
        let mut v: Vec<String> =
            std::fs::read_dir(d).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().into_owned()).collect();
        v.sort();
        v
    };
    let copy = root().join("tests/data/dev");
    assert_eq!(names(&copy), names(&shared));
    for n in names(&shared) {
        assert!(std::fs::read(copy.join(&n)).unwrap() == std::fs::read(shared.join(&n)).unwrap(), "{n} differs");
    }
}

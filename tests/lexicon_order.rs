//! The order of the lexicon has no meaning (issue 11): with every list,
//! currency, qualifier and authority of the embedded lexicon reversed, the
//! records of the seeds, the dev corpus and the fresh corpus are those of the
//! binary with the lexicon as shipped. A reader that let the first listed
//! word win where a longer one also fits would differ here.

use std::path::{Path, PathBuf};
use std::process::Command;

use chipscan::catalog::Catalog;
use chipscan::lexicon::{self, Lexicon};
use chipscan::load::LoadOptions;
use chipscan::pipeline::Pipeline;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The records of `dir` as JSON values, one per record, in output order.
fn library_records(dir: &Path) -> Vec<serde_json::Value> {
    let pipeline = Pipeline::new(LoadOptions::default(), Catalog::embedded());
    let mut docs = Vec::new();
    let failed = pipeline.run(&[dir.to_path_buf()], |r| docs.push(r.expect("every article loads")));
    assert!(!failed);
    let mut records: Vec<serde_json::Value> =
        docs.iter().flat_map(|d| d.records.iter().map(|r| serde_json::to_value(r).expect("a record serializes"))).collect();
    // Documents in name order, each one's records in their own order.
    records.sort_by(|a, b| a["doc"].as_str().cmp(&b["doc"].as_str()));
    records
}

fn binary_records(dir: &Path) -> Vec<serde_json::Value> {
    let out = Command::new(env!("CARGO_BIN_EXE_chipscan"))
        .args(["extract", "--format", "jsonl", "--quiet"])
        .arg(dir)
        .output()
        .expect("chipscan runs");
    let mut records: Vec<serde_json::Value> =
        String::from_utf8(out.stdout).expect("UTF-8").lines().map(|l| serde_json::from_str(l).expect("a JSON line")).collect();
    records.sort_by(|a, b| a["doc"].as_str().cmp(&b["doc"].as_str()));
    records
}

#[test]
fn reversing_every_list_of_the_lexicon_changes_no_record() {
    let mut lex = Lexicon::embedded();
    lex.list.reverse();
    for l in &mut lex.list {
        l.words.reverse();
    }
    lex.authority.reverse();
    for a in &mut lex.authority {
        a.words.reverse();
    }
    lex.currency.reverse();
    for c in &mut lex.currency {
        c.after.reverse();
        c.before.reverse();
        c.spoken.reverse();
    }
    lex.qualifier.reverse();
    for q in &mut lex.qualifier {
        q.before.reverse();
        q.after.reverse();
    }
    assert_ne!(lex, Lexicon::embedded());
    lexicon::install(lex).expect("the first lexicon this test process installs");
    for dir in ["corpus", "tests/data/dev", "tests/data/fresh"] {
        let dir = root().join(dir);
        let reversed = library_records(&dir);
        let shipped = binary_records(&dir);
        assert!(!shipped.is_empty());
        assert_eq!(reversed.len(), shipped.len(), "{}", dir.display());
        for (a, b) in reversed.iter().zip(&shipped) {
            assert_eq!(a, b, "{}", dir.display());
        }
    }
}

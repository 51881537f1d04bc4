//! Normalization throughput measured in CPU time, so that a busy machine does
//! not distort the figure the way wall-clock timing does. Criterion
//! (`cargo bench --bench normalize`) gives the wall-clock figure.
//!
//! `cargo bench --bench normalize_cpu` (add `--features opencc` for the
//! system OpenCC backend).

use std::fs;
use std::path::Path;

use chipscan::catalog::Catalog;
use chipscan::load::{LoadOptions, Loader};

/// CPU seconds used by this process so far (utime + stime from /proc).
fn cpu_seconds() -> Option<f64> {
    let stat = fs::read_to_string("/proc/self/stat").ok()?;
    // Fields after the command name (which is in parentheses).
    let rest = &stat[stat.rfind(')')? + 2..];
    let f: Vec<&str> = rest.split(' ').collect();
    let utime: f64 = f.get(11)?.parse().ok()?;
    let stime: f64 = f.get(12)?.parse().ok()?;
    Some((utime + stime) / 100.0) // USER_HZ is 100 on Linux
}

fn main() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus");
    let mut files: Vec<(String, Vec<u8>)> = fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .map(|p| (p.display().to_string(), fs::read(&p).unwrap()))
        .collect();
    files.sort();
    let bytes: usize = files.iter().map(|(_, b)| b.len()).sum();
    let loader = Loader::new(LoadOptions::default(), &Catalog::embedded());
    let Some(start) = cpu_seconds() else {
        eprintln!("no /proc/self/stat: skipped");
        return;
    };
    let mut rounds = 0usize;
    let mut used = 0.0;
    while used < 5.0 {
        for (name, data) in &files {
            std::hint::black_box(loader.load_bytes(name, data.clone()).unwrap());
        }
        rounds += 1;
        if rounds.is_multiple_of(50) {
            used = cpu_seconds().unwrap() - start;
        }
    }
    report("normalize (chipscan loader)", bytes, rounds, used);

    // The bare converter on the same text, for comparison.
    let t2s =
        ferrous_opencc::OpenCC::from_config(ferrous_opencc::config::BuiltinConfig::T2s).unwrap();
    let texts: Vec<String> = files
        .iter()
        .map(|(_, b)| String::from_utf8_lossy(b).into_owned())
        .collect();
    let start = cpu_seconds().unwrap();
    let (mut rounds, mut used) = (0usize, 0.0);
    while used < 3.0 {
        for t in &texts {
            std::hint::black_box(t2s.convert(t));
        }
        rounds += 1;
        if rounds.is_multiple_of(20) {
            used = cpu_seconds().unwrap() - start;
        }
    }
    report("ferrous-opencc t2s alone", bytes, rounds, used);

    #[cfg(feature = "opencc")]
    {
        let t2s = opencc_rust::OpenCC::new(opencc_rust::DefaultConfig::T2S).unwrap();
        let start = cpu_seconds().unwrap();
        let (mut rounds, mut used) = (0usize, 0.0);
        while used < 3.0 {
            for t in &texts {
                std::hint::black_box(t2s.convert(t));
            }
            rounds += 1;
            if rounds.is_multiple_of(20) {
                used = cpu_seconds().unwrap() - start;
            }
        }
        report("system OpenCC t2s alone", bytes, rounds, used);
    }
}

fn report(what: &str, bytes: usize, rounds: usize, cpu: f64) {
    let mb = (bytes * rounds) as f64 / 1e6;
    println!(
        "{what}: {rounds} rounds of {bytes} corpus bytes in {cpu:.2} CPU s = {:.1} MB/s ({:.1} MiB/s) per core",
        mb / cpu,
        mb * 1e6 / 1048576.0 / cpu
    );
}

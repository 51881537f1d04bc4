//! Holding up at scale, through the real binary: a stdout closed early,
//! thousands of files in one folder, and output that is the same for any
//! `--jobs`. (Speed is measured by `scripts/bench-corpus` and
//! `cargo bench`, not here.)

use std::io::{BufRead, BufReader, Read};
use std::path::Path;
use std::process::{Command, Output, Stdio};

use chipscan::model::Extract;

const SEEDS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/corpus");

fn bin() -> std::path::PathBuf {
    assert_cmd::cargo::cargo_bin("chipscan")
}

/// A folder of `copies` copies of each seed article under new names, with a
/// manifest dating them.
fn replicated_corpus(copies: usize) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let manifest: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(Path::new(SEEDS).join("manifest.json")).unwrap(),
    )
    .unwrap();
    let mut articles = serde_json::Map::new();
    let mut seeds: Vec<_> = std::fs::read_dir(SEEDS)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    seeds.sort();
    for i in 0..copies {
        for seed in &seeds {
            let name = seed.file_name().unwrap().to_str().unwrap();
            let new = format!("{i:04}_{name}");
            std::fs::copy(seed, dir.path().join(&new)).unwrap();
            articles.insert(new, manifest["articles"][name].clone());
        }
    }
    let m = serde_json::json!({ "articles": articles });
    std::fs::write(
        dir.path().join("manifest.json"),
        serde_json::to_vec_pretty(&m).unwrap(),
    )
    .unwrap();
    dir
}

/// Runs `chipscan extract --format FORMAT DIR`, reads one line of its stdout,
/// closes the pipe and returns how the process ended and its stderr.
fn close_stdout_after_one_line(format: &str, dir: &Path) -> (std::process::ExitStatus, String) {
    close_after_one_line(&["extract", "--format", format, "--jobs", "2"], dir)
}

fn close_after_one_line(args: &[&str], dir: &Path) -> (std::process::ExitStatus, String) {
    let mut child = Command::new(bin())
        .args(args)
        .arg(dir)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdout = BufReader::new(child.stdout.take().unwrap());
    let mut line = String::new();
    stdout.read_line(&mut line).unwrap();
    drop(stdout);
    let mut err = String::new();
    child
        .stderr
        .take()
        .unwrap()
        .read_to_string(&mut err)
        .unwrap();
    (child.wait().unwrap(), err)
}

#[test]
fn normalize_json_with_stdout_closed_early_exits_quietly() {
    let dir = replicated_corpus(60);
    let (status, err) = close_after_one_line(&["normalize", "--json"], dir.path());
    assert!(err.is_empty() && status.success(), "{status:?}: {err}");
}

#[test]
fn stdout_closed_early_exits_quietly() {
    // Far more output than a pipe buffer holds, in either format.
    let dir = replicated_corpus(60);
    for format in ["jsonl", "json"] {
        let (status, err) = close_stdout_after_one_line(format, dir.path());
        assert!(!err.contains("panicked"), "{format}: {err}");
        assert!(err.is_empty(), "{format}: nothing on stderr, got {err}");
        assert!(
            status.success(),
            "{format}: a closed stdout ends the run with 0, got {status:?}"
        );
    }
}

#[test]
fn ten_thousand_tiny_files_in_one_folder_all_appear_in_path_order() {
    let dir = tempfile::tempdir().unwrap();
    let mut names: Vec<String> = (0..10_000)
        .map(|i| format!("{:05}.txt", (i * 7919) % 10_000))
        .collect();
    for (i, name) in names.iter().enumerate() {
        let text = format!("第{i}条快讯：英伟达H20在国内售价约为{}万元。\n", 10 + i % 7);
        std::fs::write(dir.path().join(name), text).unwrap();
    }
    names.sort();
    let out = Command::new(bin())
        .args(["extract", "--quiet"])
        .arg(dir.path())
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let ex: Extract = serde_json::from_slice(&out.stdout).unwrap();
    let got: Vec<String> = ex
        .documents
        .iter()
        .map(|d| {
            Path::new(&d.doc)
                .file_name()
                .unwrap()
                .to_string_lossy()
                .into_owned()
        })
        .collect();
    assert_eq!(got.len(), 10_000);
    assert!(got == names, "every file, in path order");
}

fn run(args: &[&str], dir: &Path, extra: &[&Path]) -> Output {
    Command::new(bin())
        .args(args)
        .arg(dir)
        .args(extra)
        .output()
        .unwrap()
}

#[test]
fn output_is_byte_identical_for_any_number_of_jobs() {
    let dir = replicated_corpus(4);
    // Uneven sizes, a document without records, and a missing input.
    std::fs::write(
        dir.path().join("0000_short.txt"),
        "英伟达A800的价格涨到了25万元。\n",
    )
    .unwrap();
    std::fs::write(dir.path().join("9999_none.txt"), "今天天气很好。\n").unwrap();
    let missing = dir.path().join("missing.txt");
    let formats: [&[&str]; 4] = [
        &["extract", "--format", "json"],
        &["extract", "--format", "jsonl"],
        &["extract", "--format", "csv", "--kind", "price"],
        &["extract", "--format", "csv", "--kind", "chip"],
    ];
    for args in formats {
        let base = run(&[args, &["--jobs", "1"]].concat(), dir.path(), &[&missing]);
        assert_eq!(
            base.status.code(),
            Some(2),
            "{args:?}: the missing input gives exit 2"
        );
        assert!(!base.stdout.is_empty() || args.contains(&"jsonl"));
        for jobs in ["2", "4", "7"] {
            let other = run(&[args, &["--jobs", jobs]].concat(), dir.path(), &[&missing]);
            assert_eq!(
                other.status.code(),
                base.status.code(),
                "{args:?} --jobs {jobs}"
            );
            assert!(
                other.stdout == base.stdout,
                "{args:?}: --jobs {jobs} stdout differs from --jobs 1"
            );
            assert_eq!(other.stderr, base.stderr, "{args:?} --jobs {jobs}");
        }
    }
}

#[test]
fn documents_and_records_stay_in_input_order_with_many_jobs() {
    let dir = replicated_corpus(3);
    let out = run(&["extract", "--jobs", "8"], dir.path(), &[]);
    assert!(out.status.success());
    let ex: Extract = serde_json::from_slice(&out.stdout).unwrap();
    let docs: Vec<&str> = ex.documents.iter().map(|d| d.doc.as_str()).collect();
    let mut sorted = docs.clone();
    sorted.sort();
    assert_eq!(docs, sorted);
    assert_eq!(docs.len(), 15);
    let pos = |doc: &str| docs.iter().position(|d| *d == doc).unwrap();
    assert!(
        ex.records
            .windows(2)
            .all(|w| pos(w[0].doc()) <= pos(w[1].doc()))
    );
}

/// A small deterministic generator (xorshift64*), so failures reproduce.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

/// Bytes that look a little like what users scrape: pieces of the seed
/// articles (UTF-8, GBK, Big5, UTF-16) cut at random places, spliced with
/// random bytes, NULs, stray HTML and long lines.
fn mangled(rng: &mut Rng, seeds: &[String]) -> Vec<u8> {
    let mut out = Vec::new();
    for _ in 0..1 + rng.below(6) {
        let seed = &seeds[rng.below(seeds.len())];
        let chars: Vec<char> = seed.chars().collect();
        let start = rng.below(chars.len());
        let piece: String = chars[start..(start + rng.below(400)).min(chars.len())]
            .iter()
            .collect();
        match rng.below(8) {
            0 => out.extend(encoding_rs::GBK.encode(&piece).0.iter()),
            1 => out.extend(encoding_rs::BIG5.encode(&piece).0.iter()),
            2 => out.extend(piece.encode_utf16().flat_map(u16::to_le_bytes)),
            3 => out.extend((0..rng.below(300)).map(|_| rng.next() as u8)),
            4 => out.extend(format!("<p>{piece}</p><br>&nbsp;&#x4e07;<script>x</script>").bytes()),
            5 => out.extend(piece.replace('\n', "").repeat(1 + rng.below(20)).bytes()),
            6 => out.extend(std::iter::repeat_n(0u8, rng.below(3))),
            _ => out.extend(piece.bytes()),
        }
        // Cut anywhere, even inside a multi-byte character.
        out.truncate(out.len() - rng.below(3).min(out.len()));
    }
    out
}

#[test]
fn mangled_files_never_crash_and_every_file_is_accounted_for() {
    let seeds: Vec<String> = std::fs::read_dir(SEEDS)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .map(|p| std::fs::read_to_string(p).unwrap())
        .collect();
    let dir = tempfile::tempdir().unwrap();
    let mut rng = Rng(0x5EED_C41B_0000_0005);
    let mut names = Vec::new();
    for i in 0..400 {
        let name = format!("{i:03}.txt");
        std::fs::write(dir.path().join(&name), mangled(&mut rng, &seeds)).unwrap();
        names.push(name);
    }
    let out = run(&["extract", "--jobs", "2"], dir.path(), &[]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(!err.contains("panicked"), "{err}");
    assert!(
        matches!(out.status.code(), Some(0 | 2)),
        "{:?}: {err}",
        out.status
    );
    let ex: Extract = serde_json::from_slice(&out.stdout).unwrap();
    for name in &names {
        let listed = ex
            .documents
            .iter()
            .any(|d| d.doc.ends_with(&format!("/{name}")));
        let reported = err.lines().any(|l| l.contains(&format!("/{name}")));
        assert!(
            listed ^ reported,
            "{name} is listed ({listed}) or reported ({reported}), not both or neither"
        );
    }
    for r in &ex.records {
        assert!(
            ex.documents.iter().any(|d| d.doc == r.doc()),
            "record of an unlisted document"
        );
    }
    eprintln!(
        "{} of {} mangled files listed, {} records, stderr:\n{err}",
        ex.documents.len(),
        names.len(),
        ex.records.len()
    );
    assert!(
        ex.documents.len() > names.len() / 3,
        "many mangled files are still read"
    );
}

/// Runs `chipscan ARGS` with stdout to /dev/null and stderr on a pseudo
/// terminal (util-linux `script`), returning what the terminal showed, or
/// None where `script` is missing.
fn on_a_terminal(args: &str) -> Option<String> {
    let cmd = format!("'{}' {args} > /dev/null", bin().display());
    let out = Command::new("script")
        .args(["-qec", &cmd, "/dev/null"])
        .output()
        .ok()?;
    assert!(
        out.status.success(),
        "{cmd}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    Some(String::from_utf8_lossy(&out.stdout).into_owned())
}

#[test]
fn progress_bar_on_a_terminal_for_many_files_unless_quiet() {
    let many = tempfile::tempdir().unwrap();
    for i in 0..60 {
        std::fs::write(
            many.path().join(format!("{i:02}.txt")),
            format!("第{i}条：英伟达H20售价约1.2万美元。\n"),
        )
        .unwrap();
    }
    let few = tempfile::tempdir().unwrap();
    for i in 0..50 {
        std::fs::write(few.path().join(format!("{i:02}.txt")), "华为昇腾910B。\n").unwrap();
    }
    let dir = |d: &tempfile::TempDir| format!("'{}'", d.path().display());
    let Some(shown) = on_a_terminal(&format!("extract --format jsonl --jobs 1 {}", dir(&many)))
    else {
        eprintln!("skipped: no `script` to make a pseudo terminal");
        return;
    };
    assert!(
        shown.contains("/60 files"),
        "a bar on the terminal: {shown:?}"
    );
    let quiet = on_a_terminal(&format!("extract --format jsonl --quiet {}", dir(&many))).unwrap();
    assert_eq!(quiet, "", "--quiet hides the bar");
    let small = on_a_terminal(&format!("extract --format jsonl {}", dir(&few))).unwrap();
    assert_eq!(small, "", "50 files get no bar");
}

//! `chipscan chips` through the real binary: table, json and toml, merged
//! with `--catalog`, and the toml round trip.

use assert_cmd::Command;
use chipscan::catalog::Catalog;

fn chipscan() -> Command {
    Command::cargo_bin("chipscan").unwrap()
}

fn stdout_of(args: &[&str]) -> String {
    let out = chipscan().args(args).output().unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn the_table_lists_ids_vendors_and_aliases_in_80_columns() {
    let t = stdout_of(&["chips"]);
    let header = t.lines().nth(1).unwrap();
    assert!(
        header.contains("| id") && header.contains("| vendor") && header.contains("| aliases"),
        "{header}"
    );
    assert!(t.contains("Ascend 910B"), "{t}");
    assert!(t.contains("昇腾910B"), "{t}");
    assert!(t.contains("Cambricon"), "{t}");
    let cat = Catalog::embedded();
    assert!(t.ends_with(&format!(
        "{} chips, {} vendors; * = a chip only in chip context (显卡4090)\n",
        cat.chips.len(),
        cat.vendors.len()
    )));
    for line in t.lines() {
        let width: usize = line
            .chars()
            .map(|c| {
                if ('\u{2E80}'..='\u{9FFF}').contains(&c) || ('\u{FF00}'..='\u{FF60}').contains(&c)
                {
                    2
                } else {
                    1
                }
            })
            .sum();
        assert!(width <= 80, "{width}: {line}");
    }
    assert!(
        !t.contains('\x1b'),
        "no colour when stdout is not a terminal"
    );
}

#[test]
fn json_lists_every_chip_and_vendor() {
    let v: serde_json::Value =
        serde_json::from_str(&stdout_of(&["chips", "--format", "json"])).unwrap();
    let cat = Catalog::embedded();
    assert_eq!(v["chips"].as_array().unwrap().len(), cat.chips.len());
    assert_eq!(v["vendors"].as_array().unwrap().len(), cat.vendors.len());
    let a800 = v["chips"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["id"] == "A800")
        .unwrap();
    assert_eq!(a800["vendor"], "NVIDIA");
}

#[test]
fn toml_round_trips_to_the_same_catalog() {
    let t = stdout_of(&["chips", "--format", "toml"]);
    assert_eq!(
        Catalog::parse(&t, "chips.toml").unwrap(),
        Catalog::embedded()
    );
}

#[test]
fn extra_catalog_entries_are_merged() {
    let dir = tempfile::tempdir().unwrap();
    let extra = dir.path().join("extra.toml");
    std::fs::write(
        &extra,
        "[[vendor]]\nid = \"Acme\"\naliases = [\"极客芯\"]\n\n[[chip]]\nid = \"X9\"\nvendor = \"Acme\"\naliases = [\"极客九号\"]\n\n[[chip]]\nid = \"H20\"\nvendor = \"NVIDIA\"\naliases = [\"H20特供版\"]\n",
    )
    .unwrap();
    let path = extra.to_str().unwrap();
    let t = stdout_of(&["chips", "--catalog", path]);
    assert!(
        t.contains("| X9 ") && t.contains("极客九号") && t.contains("H20特供版"),
        "{t}"
    );
    // The merged catalog saved as toml reads back with the new entries, and
    // feeds --catalog again.
    let toml = stdout_of(&["chips", "--catalog", path, "--format", "toml"]);
    let merged = Catalog::parse(&toml, "merged.toml").unwrap();
    assert_eq!(merged.chip("X9").unwrap().vendor, "Acme");
    let saved = dir.path().join("merged.toml");
    std::fs::write(&saved, &toml).unwrap();
    let again = stdout_of(&[
        "chips",
        "--catalog",
        saved.to_str().unwrap(),
        "--format",
        "toml",
    ]);
    assert_eq!(Catalog::parse(&again, "again.toml").unwrap(), merged);
}

#[test]
fn a_bad_catalog_names_the_file_and_line() {
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("bad.toml");
    std::fs::write(&bad, "[[chip]]\nid = \"X9\"\nvendor = \n").unwrap();
    let out = chipscan()
        .args(["chips", "--catalog"])
        .arg(&bad)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("bad.toml:3:"), "{err}");
    let out = chipscan()
        .args(["chips", "--catalog", "/no/such/catalog.toml"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("/no/such/catalog.toml"));
}

//! The chip catalog: chips with their canonical ids, vendors and aliases in
//! both scripts, vendors with theirs, and the brand phrases that must survive
//! Traditional→Simplified conversion unchanged.
//!
//! The catalog is data (`src/catalog.toml`, embedded at build time); users add
//! to it at run time with `--catalog FILE` in the same format, so a new chip
//! needs no rebuild.

use std::path::Path;

use serde::{Deserialize, Serialize};

/// The catalog shipped with chipscan.
pub const EMBEDDED: &str = include_str!("catalog.toml");

/// A chip the catalog knows.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ChipEntry {
    /// Canonical id (`A100`, `Ascend 910B`, `深算一号`).
    pub id: String,
    /// Canonical vendor id (`NVIDIA`, `Huawei`).
    pub vendor: String,
    /// Other names, in either script; the id itself is always an alias.
    /// Latin aliases match case-insensitively and with or without the
    /// spaces and hyphens between their parts.
    #[serde(default)]
    pub aliases: Vec<String>,
    /// Names that are a chip only in chip context (显卡4090, 4090显卡).
    #[serde(default)]
    pub bare: Vec<String>,
    /// A family named without a model (`Ascend`, `TPU`, `MI300`).
    #[serde(default)]
    pub family: bool,
}

/// A company the catalog knows.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct VendorEntry {
    pub id: String,
    #[serde(default)]
    pub aliases: Vec<String>,
    /// The name Chinese text gives the company where it names a market of
    /// its own (AMD营收, not 超威营收); unset: its first alias in Han
    /// characters.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
}

/// A brand phrase kept as written through Traditional→Simplified conversion:
/// OpenCC's t2s turns 昇腾 into 升腾, which breaks Huawei's brand.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Protect {
    /// The Simplified form that must come out.
    pub keep: String,
    /// Other forms (Traditional) that must come out as `keep`.
    #[serde(default)]
    pub from: Vec<String>,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct CatalogFile {
    #[serde(default)]
    vendor: Vec<VendorEntry>,
    #[serde(default)]
    chip: Vec<ChipEntry>,
    #[serde(default)]
    protect: Vec<Protect>,
}

/// A catalog file that could not be read or parsed.
#[derive(Debug, thiserror::Error)]
pub enum CatalogError {
    #[error("{path}: cannot read catalog: {source}")]
    Io {
        path: String,
        #[source]
        source: std::io::Error,
    },
    #[error("{path}:{line}:{column}: invalid catalog TOML: {message}")]
    Parse { path: String, line: usize, column: usize, message: String },
    #[error("{path}: {message}")]
    Invalid { path: String, message: String },
}

/// Chips, vendors and protected phrases.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Catalog {
    pub chips: Vec<ChipEntry>,
    pub vendors: Vec<VendorEntry>,
    pub protect: Vec<Protect>,
}

impl Catalog {
    /// The catalog shipped with chipscan.
    pub fn embedded() -> Catalog {
        Catalog::parse(EMBEDDED, "<embedded catalog>").expect("the embedded catalog is valid")
    }

    /// The embedded catalog, extended with `extra` when given.
    pub fn load(extra: Option<&Path>) -> Result<Catalog, CatalogError> {
        let mut cat = Catalog::embedded();
        if let Some(path) = extra {
            let shown = path.display().to_string();
            let text = std::fs::read_to_string(path)
                .map_err(|source| CatalogError::Io { path: shown.clone(), source })?;
            cat.merge(Catalog::parse(&text, &shown)?);
        }
        Ok(cat)
    }

    /// Parses a catalog in TOML; `origin` names it in errors.
    pub fn parse(text: &str, origin: &str) -> Result<Catalog, CatalogError> {
        let file: CatalogFile = toml::from_str(text).map_err(|e| {
            let (line, column) = e
                .span()
                .map(|span| line_col(text, span.start))
                .unwrap_or((1, 1));
            CatalogError::Parse {
                path: origin.to_string(),
                line,
                column,
                message: e.message().to_string(),
            }
        })?;
        let invalid = |message: String| CatalogError::Invalid { path: origin.to_string(), message };
        for chip in &file.chip {
            if chip.id.trim().is_empty() || chip.vendor.trim().is_empty() {
                return Err(invalid(format!("a chip needs an id and a vendor (chip {:?})", chip.id)));
            }
        }
        for vendor in &file.vendor {
            if vendor.id.trim().is_empty() {
                return Err(invalid("a vendor needs an id".to_string()));
            }
        }
        Ok(Catalog { chips: file.chip, vendors: file.vendor, protect: file.protect })
    }

    /// Adds `other`'s entries; an entry with a known id extends that entry's
    /// aliases (and its vendor or family flag, when given).
    pub fn merge(&mut self, other: Catalog) {
        for chip in other.chips {
            match self.chips.iter_mut().find(|c| same_id(&c.id, &chip.id)) {
                Some(known) => {
                    known.vendor = chip.vendor;
                    known.family |= chip.family;
                    extend_unique(&mut known.aliases, chip.aliases);
                    extend_unique(&mut known.bare, chip.bare);
                }
                None => self.chips.push(chip),
            }
        }
        for vendor in other.vendors {
            match self.vendors.iter_mut().find(|v| same_id(&v.id, &vendor.id)) {
                Some(known) => {
                    extend_unique(&mut known.aliases, vendor.aliases);
                    if vendor.name.is_some() {
                        known.name = vendor.name;
                    }
                }
                None => self.vendors.push(vendor),
            }
        }
        for p in other.protect {
            match self.protect.iter_mut().find(|q| q.keep == p.keep) {
                Some(known) => extend_unique(&mut known.from, p.from),
                None => self.protect.push(p),
            }
        }
    }

    /// (form, output) pairs for the converter: each protected phrase maps to
    /// itself, and each of its other forms to it.
    pub fn protect_pairs(&self) -> Vec<(String, String)> {
        let mut pairs = Vec::new();
        for p in &self.protect {
            pairs.push((p.keep.clone(), p.keep.clone()));
            for f in &p.from {
                pairs.push((f.clone(), p.keep.clone()));
            }
        }
        pairs
    }

    pub fn chip(&self, id: &str) -> Option<&ChipEntry> {
        self.chips.iter().find(|c| same_id(&c.id, id))
    }

    pub fn vendor_of(&self, chip_id: &str) -> Option<&str> {
        self.chip(chip_id).map(|c| c.vendor.as_str())
    }

    /// Every name a chip is known by: its id, then its aliases.
    pub fn names_of(chip: &ChipEntry) -> impl Iterator<Item = &str> {
        std::iter::once(chip.id.as_str()).chain(chip.aliases.iter().map(String::as_str))
    }

    /// Serializes the catalog back to the TOML format it is read from.
    pub fn to_toml(&self) -> String {
        let file = CatalogFile {
            vendor: self.vendors.clone(),
            chip: self.chips.clone(),
            protect: self.protect.clone(),
        };
        toml::to_string(&file).expect("a catalog serializes")
    }
}

/// Chip ids compare case-insensitively with spaces and hyphens removed
/// (the matching rule of RECORDS.md).
pub fn id_key(id: &str) -> String {
    id.chars()
        .filter(|c| !matches!(c, ' ' | '-' | '_'))
        .flat_map(char::to_lowercase)
        .collect()
}

pub fn same_id(a: &str, b: &str) -> bool {
    id_key(a) == id_key(b)
}

fn extend_unique(into: &mut Vec<String>, from: Vec<String>) {
    for x in from {
        if !into.contains(&x) {
            into.push(x);
        }
    }
}

/// 1-based line and column (in characters) of a byte offset.
pub fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let offset = offset.min(text.len());
    let before = &text[..text.floor_char_boundary(offset)];
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, column)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embedded_catalog_parses_and_ids_are_unique() {
        let cat = Catalog::embedded();
        let mut keys: Vec<String> = cat.chips.iter().map(|c| id_key(&c.id)).collect();
        let n = keys.len();
        keys.sort();
        keys.dedup();
        assert_eq!(keys.len(), n, "duplicate chip ids");
        for chip in &cat.chips {
            assert!(
                cat.vendors.iter().any(|v| v.id == chip.vendor),
                "chip {} has unknown vendor {}",
                chip.id,
                chip.vendor
            );
        }
    }

    #[test]
    fn bad_toml_reports_line_and_column() {
        let err = Catalog::parse("[[chip]]\nid = \"X1\"\nvendor = \n", "my.toml").unwrap_err();
        let msg = err.to_string();
        assert!(msg.starts_with("my.toml:3:"), "{msg}");
    }

    #[test]
    fn user_entries_extend_known_chips() {
        let mut cat = Catalog::embedded();
        let extra = Catalog::parse(
            "[[chip]]\nid = \"h20\"\nvendor = \"NVIDIA\"\naliases = [\"H20特供版\"]\n\n[[chip]]\nid = \"X9\"\nvendor = \"Acme\"\n",
            "extra.toml",
        )
        .unwrap();
        let before = cat.chips.len();
        cat.merge(extra);
        assert_eq!(cat.chips.len(), before + 1);
        assert!(cat.chip("H20").unwrap().aliases.iter().any(|a| a == "H20特供版"));
    }

    #[test]
    fn ascend_is_protected_in_both_scripts() {
        let pairs = Catalog::embedded().protect_pairs();
        assert!(pairs.contains(&("昇騰".to_string(), "昇腾".to_string())));
        assert!(pairs.contains(&("昇腾".to_string(), "昇腾".to_string())));
    }
}

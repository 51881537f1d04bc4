//! A folder's `manifest.json` (see RECORDS.md): publish dates keyed by file
//! name. Each manifest is read once per folder and cached; an invalid one is
//! reported once (path, line, column) and ignored.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use serde::Deserialize;

use crate::model::PartialDate;

#[derive(Debug, Deserialize)]
struct ManifestFile {
    articles: HashMap<String, Entry>,
}

#[derive(Debug, Deserialize)]
struct Entry {
    #[serde(default)]
    published: Option<String>,
}

/// What a folder's manifest says, once read.
#[derive(Debug)]
pub enum Manifest {
    /// No manifest.json in the folder.
    Absent,
    /// Published dates (raw strings) by file name.
    Valid(HashMap<String, Option<String>>),
    /// The manifest could not be read or parsed: the message for stderr.
    Invalid(String),
}

/// What the manifest says about one file.
#[derive(Debug, PartialEq, Eq)]
pub enum Lookup {
    /// A valid publish date.
    Date(PartialDate),
    /// Nothing to say (no manifest, no entry, no `published`).
    None,
    /// A warning for the document (bad date, ignored manifest).
    Warning(String),
}

/// Manifests by folder.
#[derive(Debug, Default)]
pub struct Cache {
    folders: Mutex<HashMap<PathBuf, Arc<Manifest>>>,
}

impl Cache {
    /// The manifest entry for `path` (a file), `shown` being how the user
    /// sees that path. An invalid manifest is printed on stderr the first
    /// time it is read.
    pub fn lookup(&self, path: &Path, shown: &str) -> Lookup {
        let Some(name) = path.file_name().and_then(|n| n.to_str()) else {
            return Lookup::None;
        };
        let dir = path.parent().unwrap_or(Path::new(""));
        let shown_manifest = shown_manifest_path(shown);
        let manifest = {
            let mut folders = self.folders.lock().unwrap_or_else(|e| e.into_inner());
            if let Some(m) = folders.get(dir) {
                Arc::clone(m)
            } else {
                // Read under the lock: concurrent loads of one folder then
                // wait for the first instead of reading (and reporting) twice.
                let m = Arc::new(read(&dir.join("manifest.json"), &shown_manifest));
                if let Manifest::Invalid(msg) = &*m {
                    crate::cli::report_error(msg);
                }
                folders.insert(dir.to_path_buf(), Arc::clone(&m));
                m
            }
        };
        match &*manifest {
            Manifest::Absent => Lookup::None,
            Manifest::Invalid(_) => {
                Lookup::Warning(format!("{shown_manifest} is invalid and was ignored"))
            }
            // A gzipped article keeps the entry of the file it was
            // (`a.txt.gz` is dated by `a.txt` when it has no entry itself).
            Manifest::Valid(entries) => match entries.get(name).or_else(|| {
                let plain = name.strip_suffix(".gz").or_else(|| name.strip_suffix(".GZ"))?;
                entries.get(plain)
            }) {
                Some(Some(p)) => match p.parse() {
                    Ok(d) => Lookup::Date(d),
                    Err(e) => {
                        Lookup::Warning(format!("{shown_manifest}: published for {name}: {e}"))
                    }
                },
                _ => Lookup::None,
            },
        }
    }
}

fn shown_manifest_path(shown: &str) -> String {
    match shown.rfind('/') {
        Some(i) => format!("{}/manifest.json", &shown[..i]),
        None => "manifest.json".to_string(),
    }
}

/// Reads and parses one manifest.
pub fn read(path: &Path, shown: &str) -> Manifest {
    let text = match std::fs::read(path) {
        Ok(b) => b,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Manifest::Absent,
        Err(e) if path.is_dir() => {
            return Manifest::Invalid(format!("{shown}: is a folder, not a manifest: {e}"));
        }
        Err(e) => return Manifest::Invalid(format!("{shown}: cannot read manifest: {e}")),
    };
    parse(&text, shown)
}

/// Parses manifest bytes; `shown` names the file in messages.
pub fn parse(bytes: &[u8], shown: &str) -> Manifest {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    match serde_json::from_slice::<ManifestFile>(bytes) {
        Ok(m) => Manifest::Valid(
            m.articles
                .into_iter()
                .map(|(k, v)| (k, v.published))
                .collect(),
        ),
        Err(e) => Manifest::Invalid(format!(
            "{shown}:{}:{}: invalid manifest, ignored: {}",
            e.line(),
            e.column(),
            strip_position(&e.to_string())
        )),
    }
}

/// serde_json ends its messages with " at line L column C"; we lead with it.
fn strip_position(msg: &str) -> &str {
    msg.rfind(" at line ").map_or(msg, |i| &msg[..i])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn valid_manifest_gives_dates_by_name() {
        let m = parse(
            r#"{"articles": {"004_25fcee98536c66f0.txt": {"published": "2023-10", "source": "字母榜", "url": null, "title": null}}}"#
                .as_bytes(),
            "corpus/manifest.json",
        );
        let Manifest::Valid(e) = m else {
            panic!("{m:?}")
        };
        assert_eq!(e["004_25fcee98536c66f0.txt"].as_deref(), Some("2023-10"));
    }

    #[test]
    fn invalid_manifest_names_file_line_and_column() {
        let m = parse(
            b"{\"articles\": {\n  \"a.txt\": {\"published\": 2023}\n}}",
            "corpus/manifest.json",
        );
        let Manifest::Invalid(msg) = m else {
            panic!("{m:?}")
        };
        assert!(msg.starts_with("corpus/manifest.json:2:"), "{msg}");
        let m = parse(b"{\"articles\": {,}}", "m/manifest.json");
        assert!(
            matches!(m, Manifest::Invalid(ref s) if s.starts_with("m/manifest.json:1:15:")),
            "{m:?}"
        );
    }

    #[test]
    fn manifest_path_follows_the_shown_path() {
        assert_eq!(
            shown_manifest_path("corpus/004.txt"),
            "corpus/manifest.json"
        );
        assert_eq!(shown_manifest_path("004.txt"), "manifest.json");
    }
}

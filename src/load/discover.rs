//! Command-line arguments to inputs: files as named, folders walked
//! recursively in path order (hidden entries skipped, symlinked folders
//! followed unless they point back to an ancestor), `-` for stdin.
//!
//! Inside folders, articles (or, with `--input-format jsonl`, JSON Lines
//! files) are told by their extension, optionally followed by `.gz`.

use std::ffi::OsStr;
use std::fs;
use std::path::{Path, PathBuf};

use super::{Input, LoadError};

/// Extensions of articles inside folders (a file named on the command line
/// is read whatever its extension).
pub const ARTICLE_EXTENSIONS: &[&str] = &["txt", "md", "html", "htm"];

/// Which files a folder is walked for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Wanted {
    /// Articles: [`ARTICLE_EXTENSIONS`].
    Articles,
    /// JSON Lines files: [`super::jsonl::JSONL_EXTENSIONS`].
    Jsonl,
}

impl Wanted {
    fn extensions(self) -> &'static [&'static str] {
        match self {
            Wanted::Articles => ARTICLE_EXTENSIONS,
            Wanted::Jsonl => super::jsonl::JSONL_EXTENSIONS,
        }
    }
}

/// Expands arguments into article inputs, in argument order.
pub fn discover(args: &[PathBuf]) -> Vec<Result<Input, LoadError>> {
    discover_with(args, Wanted::Articles)
}

/// Expands arguments into inputs, in argument order, walking folders for
/// the `wanted` files.
pub fn discover_with(args: &[PathBuf], wanted: Wanted) -> Vec<Result<Input, LoadError>> {
    let mut out = Vec::new();
    for arg in args {
        if arg.as_os_str() == "-" {
            out.push(Ok(Input::Stdin));
            continue;
        }
        let shown = arg.to_string_lossy().into_owned();
        match fs::metadata(arg) {
            Ok(m) if m.is_dir() => {
                let base = shown_base(&shown);
                let mut ancestors = Vec::new();
                walk(arg, &base, wanted, &mut ancestors, &mut out);
            }
            Ok(_) => out.push(Ok(Input::File {
                path: arg.clone(),
                shown,
            })),
            Err(e) => out.push(Err(missing(arg, shown, e))),
        }
    }
    out
}

/// The argument as a prefix for the paths below it: `corpus/` and `corpus`
/// both give `corpus/000_x.txt`.
fn shown_base(shown: &str) -> String {
    let trimmed = shown.trim_end_matches('/');
    if trimmed.is_empty() {
        "/".to_string()
    } else {
        format!("{trimmed}/")
    }
}

fn missing(path: &Path, shown: String, e: std::io::Error) -> LoadError {
    if e.kind() == std::io::ErrorKind::NotFound {
        if fs::symlink_metadata(path).is_ok() {
            LoadError::Other {
                path: shown,
                reason: "broken symbolic link".into(),
            }
        } else {
            LoadError::NotFound { path: shown }
        }
    } else {
        LoadError::Io {
            path: shown,
            source: e,
        }
    }
}

fn is_hidden(name: &OsStr) -> bool {
    name.as_encoded_bytes().first() == Some(&b'.')
}

/// The extension that tells what a file is, past a `.gz` (`a.txt.gz` → `txt`).
pub fn kind_extension(path: &Path) -> Option<&str> {
    let ext = path.extension().and_then(OsStr::to_str)?;
    if ext.eq_ignore_ascii_case("gz") {
        Path::new(path.file_stem()?).extension().and_then(OsStr::to_str)
    } else {
        Some(ext)
    }
}

fn is_wanted(path: &Path, wanted: Wanted) -> bool {
    kind_extension(path).is_some_and(|e| {
        wanted
            .extensions()
            .iter()
            .any(|a| a.eq_ignore_ascii_case(e))
    })
}

/// Walks `dir` (shown as `shown`, ending in '/'); `ancestors` holds the
/// canonical paths of the folders being walked, to detect loops.
fn walk(
    dir: &Path,
    shown: &str,
    wanted: Wanted,
    ancestors: &mut Vec<PathBuf>,
    out: &mut Vec<Result<Input, LoadError>>,
) {
    let shown_dir = shown.trim_end_matches('/');
    let shown_dir = if shown_dir.is_empty() { "/" } else { shown_dir };
    let canonical = match fs::canonicalize(dir) {
        Ok(c) => c,
        Err(e) => {
            out.push(Err(LoadError::Io {
                path: shown_dir.to_string(),
                source: e,
            }));
            return;
        }
    };
    if let Some(a) = ancestors.iter().find(|a| **a == canonical) {
        out.push(Err(LoadError::Loop {
            path: shown_dir.to_string(),
            target: a.display().to_string(),
        }));
        return;
    }
    let entries = match fs::read_dir(dir) {
        Ok(rd) => rd,
        Err(e) => {
            out.push(Err(LoadError::Dir {
                path: shown_dir.to_string(),
                source: e,
            }));
            return;
        }
    };
    let mut names = Vec::new();
    for entry in entries {
        match entry {
            Ok(e) => names.push(e.file_name()),
            Err(e) => out.push(Err(LoadError::Dir {
                path: shown_dir.to_string(),
                source: e,
            })),
        }
    }
    names.sort();
    ancestors.push(canonical);
    for name in names {
        if is_hidden(&name) {
            continue;
        }
        let path = dir.join(&name);
        let shown_path = format!("{shown}{}", name.to_string_lossy());
        match fs::metadata(&path) {
            Ok(m) if m.is_dir() => walk(&path, &format!("{shown_path}/"), wanted, ancestors, out),
            Ok(m) if m.is_file() => {
                if is_wanted(&path, wanted) {
                    out.push(Ok(Input::File {
                        path,
                        shown: shown_path,
                    }));
                }
            }
            // Sockets, fifos, devices inside a folder are not articles.
            Ok(_) => {}
            Err(e) => {
                if is_wanted(&path, wanted) {
                    out.push(Err(missing(&path, shown_path, e)));
                }
            }
        }
    }
    ancestors.pop();
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shown_paths_have_single_slashes() {
        assert_eq!(shown_base("corpus/"), "corpus/");
        assert_eq!(shown_base("corpus"), "corpus/");
        assert_eq!(shown_base("/"), "/");
    }

    #[test]
    fn folders_are_walked_in_path_order_skipping_hidden_and_other_files() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path();
        fs::create_dir_all(p.join("a/b")).unwrap();
        fs::create_dir_all(p.join(".git")).unwrap();
        for f in [
            "a.txt",
            "a/b/c.md",
            "a/z.HTML",
            "a/x.png",
            ".hidden.txt",
            ".git/x.txt",
            "b.htm",
            "c.txt.gz",
            "d.gz",
            "e.jsonl",
            "f.ndjson.GZ",
        ] {
            fs::write(p.join(f), "英伟达").unwrap();
        }
        let arg = p.to_path_buf();
        let shown: Vec<String> = discover(&[arg])
            .into_iter()
            .map(|r| r.unwrap().shown().to_string())
            .collect();
        let base = p.to_string_lossy();
        let want: Vec<String> = ["a/b/c.md", "a/z.HTML", "a.txt", "b.htm", "c.txt.gz"]
            .iter()
            .map(|f| format!("{base}/{f}"))
            .collect();
        assert_eq!(shown, want);
        let shown: Vec<String> = discover_with(&[p.to_path_buf()], Wanted::Jsonl)
            .into_iter()
            .map(|r| r.unwrap().shown().to_string())
            .collect();
        assert_eq!(shown, [format!("{base}/e.jsonl"), format!("{base}/f.ndjson.GZ")]);
    }
}

//! Command-line arguments to inputs: files as named, folders walked
//! recursively in path order (hidden entries skipped, symlinked folders
//! followed unless they point back to an ancestor), `-` for stdin.

use std::ffi::OsStr;
use std::fs;
use std::path::{Path, PathBuf};

use super::{Input, LoadError};

/// Extensions of articles inside folders (a file named on the command line
/// is read whatever its extension).
pub const ARTICLE_EXTENSIONS: &[&str] = &["txt", "md", "html", "htm"];

/// Expands arguments into inputs, in argument order.
pub fn discover(args: &[PathBuf]) -> Vec<Result<Input, LoadError>> {
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
                walk(arg, &base, &mut ancestors, &mut out);
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

fn is_article(path: &Path) -> bool {
    path.extension()
        .and_then(OsStr::to_str)
        .is_some_and(|e| ARTICLE_EXTENSIONS.iter().any(|a| a.eq_ignore_ascii_case(e)))
}

/// Walks `dir` (shown as `shown`, ending in '/'); `ancestors` holds the
/// canonical paths of the folders being walked, to detect loops.
fn walk(
    dir: &Path,
    shown: &str,
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
            Ok(m) if m.is_dir() => walk(&path, &format!("{shown_path}/"), ancestors, out),
            Ok(m) if m.is_file() => {
                if is_article(&path) {
                    out.push(Ok(Input::File {
                        path,
                        shown: shown_path,
                    }));
                }
            }
            // Sockets, fifos, devices inside a folder are not articles.
            Ok(_) => {}
            Err(e) => {
                if is_article(&path) {
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
        ] {
            fs::write(p.join(f), "英伟达").unwrap();
        }
        let arg = p.to_path_buf();
        let shown: Vec<String> = discover(&[arg])
            .into_iter()
            .map(|r| r.unwrap().shown().to_string())
            .collect();
        let base = p.to_string_lossy();
        let want: Vec<String> = ["a/b/c.md", "a/z.HTML", "a.txt", "b.htm"]
            .iter()
            .map(|f| format!("{base}/{f}"))
            .collect();
        assert_eq!(shown, want);
    }
}

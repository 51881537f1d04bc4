//! JSON Lines documents (`--input-format jsonl`): one article per line,
//! `{"doc": "<id>", "text": "<article>", "published": "2023-10", "title": "..."}`.
//!
//! The files are read a line at a time as the pipeline asks for documents,
//! so a file of any size runs in memory bounded by its longest line (times
//! the documents in flight), never by the file. gzip is recognised by its
//! magic bytes and decompressed on the fly.
//!
//! A line that is not a JSON object, lacks `doc` (or `id`) or `text`, or
//! whose `text` is not a string, is an error naming `FILE:LINE`; the lines
//! after it are still read. Blank lines are skipped. An id seen before is a
//! warning (in the document's warnings, and a notice the pipeline prints on
//! stderr when it hands the document over), not an error.

use std::collections::HashMap;
use std::io::{self, BufRead};
use std::path::Path;

use serde::Deserialize;
use serde_json::Value;

use super::discover::{self, Wanted};
use super::{Input, LoadError, gz};
use crate::model::PartialDate;

/// Extensions of JSON Lines files inside folders (plain or `.gz`).
pub const JSONL_EXTENSIONS: &[&str] = &["jsonl", "ndjson"];

/// One document read from a JSON Lines line, ready to be loaded.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TextInput {
    /// `doc` (or `id`): the document id records cite.
    pub id: String,
    /// The article, already text (JSON is UTF-8): it is not decoded again.
    pub text: String,
    /// `published`, when the line gives it.
    pub published: Option<PartialDate>,
    /// `title`, when the line gives it as a string.
    pub title: Option<String>,
    /// Warnings found while reading the line (a duplicate id), for the
    /// document's warnings.
    pub warnings: Vec<String>,
    /// The same as `FILE:LINE: warning: ...` lines for stderr.
    pub notices: Vec<String>,
}

/// The fields chipscan reads from a line; every other field is skipped
/// without being kept.
#[derive(Deserialize)]
struct Line {
    #[serde(default)]
    doc: Option<Value>,
    #[serde(default)]
    id: Option<Value>,
    #[serde(default)]
    text: Option<Value>,
    #[serde(default)]
    published: Option<Value>,
    #[serde(default)]
    title: Option<Value>,
}

/// What a JSON value is, for messages.
fn kind_of(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

/// Parses one line (without its line break) into a document, or says what
/// is wrong with it.
pub fn parse_line(line: &[u8]) -> Result<TextInput, String> {
    let first = line.iter().find(|b| !b.is_ascii_whitespace());
    if first.is_some_and(|&b| b != b'{') {
        // Valid JSON that is not an object, or not JSON at all.
        return Err(
            match serde_json::from_slice::<serde::de::IgnoredAny>(line) {
                Ok(_) => "not a JSON object (expected {\"doc\": ..., \"text\": ...})".to_string(),
                Err(e) => format!("not JSON: {}", json_message(&e)),
            },
        );
    }
    let parsed: Line = serde_json::from_slice(line).map_err(|e| {
        if e.is_data() {
            format!("invalid document: {}", json_message(&e))
        } else {
            format!("not JSON: {}", json_message(&e))
        }
    })?;
    let id = match parsed.doc.or(parsed.id) {
        None | Some(Value::Null) => return Err("no `doc` (or `id`) field".to_string()),
        Some(Value::String(s)) if s.is_empty() => return Err("`doc` is empty".to_string()),
        Some(Value::String(s)) => s,
        // Numeric ids are common in crawls: their JSON text is the id.
        Some(Value::Number(n)) => n.to_string(),
        Some(other) => {
            return Err(format!("`doc` is {}, expected a string", kind_of(&other)));
        }
    };
    let text = match parsed.text {
        None | Some(Value::Null) => return Err(format!("document {id:?}: no `text` field")),
        Some(Value::String(s)) => s,
        Some(other) => {
            return Err(format!(
                "document {id:?}: `text` is {}, expected a string",
                kind_of(&other)
            ));
        }
    };
    let published = match parsed.published {
        None | Some(Value::Null) => None,
        Some(Value::String(s)) => {
            Some(parse_published(&s).map_err(|e| format!("document {id:?}: `published`: {e}"))?)
        }
        Some(other) => {
            return Err(format!(
                "document {id:?}: `published` is {}, expected a date string",
                kind_of(&other)
            ));
        }
    };
    let title = match parsed.title {
        Some(Value::String(s)) if !s.trim().is_empty() => Some(s),
        _ => None,
    };
    Ok(TextInput {
        id,
        text,
        published,
        title,
        warnings: Vec::new(),
        notices: Vec::new(),
    })
}

/// `YYYY`, `YYYY-MM`, `YYYY-MM-DD`, or a timestamp that starts with a date
/// (`2023-10-05T08:00:00Z`, `2023-10-05 08:00`), whose time is dropped.
fn parse_published(s: &str) -> Result<PartialDate, crate::model::BadDate> {
    let s = s.trim();
    let date = match s.find(['T', ' ']) {
        Some(i) if i == 10 => &s[..i],
        _ => s,
    };
    date.parse::<PartialDate>()
        .map_err(|_| crate::model::BadDate(s.to_string()))
}

/// serde_json's message without its "at line 1 column N" (the line is the
/// file's, given separately), with the column kept when it helps.
fn json_message(e: &serde_json::Error) -> String {
    let full = e.to_string();
    let msg = full
        .rsplit_once(" at line ")
        .map_or(full.as_str(), |(m, _)| m);
    if e.column() > 0 {
        format!("{msg} (column {})", e.column())
    } else {
        msg.to_string()
    }
}

/// An open JSON Lines source.
struct Source {
    shown: String,
    reader: Box<dyn BufRead>,
    line: u64,
}

/// The documents of JSON Lines inputs, in input order, read lazily.
///
/// Items are `Ok(Input::Text(..))` for each good line and `Err` for a bad
/// line (`LoadError::Line`), an input that cannot be opened or read, or
/// gzip data that ends early; reading goes on with the next line or input.
pub struct JsonlInputs {
    /// Inputs not yet opened, in reverse order (popped from the end).
    pending: Vec<Result<Input, LoadError>>,
    current: Option<Source>,
    buf: Vec<u8>,
    /// Every id so far, with where it was first seen.
    seen: HashMap<String, (String, u64)>,
}

impl JsonlInputs {
    /// Inputs from command-line arguments: files, `-` for stdin, folders
    /// walked for `.jsonl` and `.ndjson` files (plain or gzipped).
    pub fn new(args: &[std::path::PathBuf]) -> JsonlInputs {
        let mut pending = discover::discover_with(args, Wanted::Jsonl);
        pending.reverse();
        JsonlInputs {
            pending,
            current: None,
            buf: Vec::new(),
            seen: HashMap::new(),
        }
    }

    fn open(input: &Input) -> Result<Source, LoadError> {
        let shown = input.shown().to_string();
        let io_err = |source: io::Error| match source.kind() {
            io::ErrorKind::NotFound => LoadError::NotFound {
                path: shown.clone(),
            },
            _ => LoadError::Io {
                path: shown.clone(),
                source,
            },
        };
        let reader = match input {
            Input::File { path, .. } => {
                let f = std::fs::File::open(Path::new(path)).map_err(io_err)?;
                gz::maybe_gunzip(f).map_err(io_err)?
            }
            Input::Stdin => gz::maybe_gunzip(io::stdin()).map_err(io_err)?,
            Input::Text(_) => unreachable!("discovery gives files and stdin only"),
        };
        Ok(Source {
            shown,
            reader,
            line: 0,
        })
    }

    /// Reads the next non-blank line of the current source: `Ok(true)` with
    /// the line in `buf`, `Ok(false)` at its end.
    fn next_line(&mut self) -> Result<bool, LoadError> {
        let Some(src) = self.current.as_mut() else {
            return Ok(false);
        };
        loop {
            self.buf.clear();
            match src.reader.read_until(b'\n', &mut self.buf) {
                Ok(0) => return Ok(false),
                Ok(_) => {
                    src.line += 1;
                    while matches!(self.buf.last(), Some(b'\n' | b'\r')) {
                        self.buf.pop();
                    }
                    if src.line == 1 && self.buf.starts_with("\u{feff}".as_bytes()) {
                        self.buf.drain(..3);
                    }
                    if self.buf.iter().all(u8::is_ascii_whitespace) {
                        continue;
                    }
                    return Ok(true);
                }
                Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                Err(source) => {
                    let line = src.line + 1;
                    return Err(LoadError::Io {
                        path: format!("{}:{line}", src.shown),
                        source,
                    });
                }
            }
        }
    }
}

impl Iterator for JsonlInputs {
    type Item = Result<Input, LoadError>;

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            if self.current.is_none() {
                match self.pending.pop()? {
                    Err(e) => return Some(Err(e)),
                    Ok(input) => match Self::open(&input) {
                        Ok(src) => self.current = Some(src),
                        Err(e) => return Some(Err(e)),
                    },
                }
            }
            match self.next_line() {
                Ok(false) => {
                    self.current = None;
                    continue;
                }
                Err(e) => {
                    // A read error (truncated gzip) ends this input.
                    self.current = None;
                    return Some(Err(e));
                }
                Ok(true) => {}
            }
            let Some(src) = self.current.as_ref() else {
                continue;
            };
            let (shown, line) = (src.shown.clone(), src.line);
            return Some(match parse_line(&self.buf) {
                Err(reason) => Err(LoadError::Line {
                    path: shown,
                    line,
                    reason,
                }),
                Ok(mut doc) => {
                    if let Some((first, first_line)) = self.seen.get(&doc.id) {
                        let msg = format!(
                            "duplicate document id {:?} (first at {first}:{first_line})",
                            doc.id
                        );
                        doc.notices.push(format!("{shown}:{line}: warning: {msg}"));
                        doc.warnings.push(msg);
                    } else {
                        self.seen.insert(doc.id.clone(), (shown, line));
                    }
                    // Do not keep the capacity of one huge line for the rest.
                    if self.buf.capacity() > 1 << 24 {
                        self.buf = Vec::new();
                    }
                    Ok(Input::Text(Box::new(doc)))
                }
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn err(line: &str) -> String {
        parse_line(line.as_bytes()).unwrap_err()
    }

    #[test]
    fn a_good_line_gives_id_text_date_and_title() {
        let d = parse_line(
            r#"{"doc":"cn/001","text":"华为昇腾910B售价12万元。\n第二行","published":"2023-10","title":"昇腾","url":"http://x","tags":[1,2]}"#
                .as_bytes(),
        )
        .unwrap();
        assert_eq!(d.id, "cn/001");
        assert_eq!(d.text, "华为昇腾910B售价12万元。\n第二行");
        assert_eq!(d.published, Some(PartialDate::month(2023, 10)));
        assert_eq!(d.title.as_deref(), Some("昇腾"));
        let d =
            parse_line(br#"{"id": 42, "text": "", "published": "2023-10-05T08:00:00Z"}"#).unwrap();
        assert_eq!((d.id.as_str(), d.text.as_str()), ("42", ""));
        assert_eq!(d.published, PartialDate::day(2023, 10, 5));
        let d = parse_line(br#"{"doc":"a","id":"b","text":"x","published":null}"#).unwrap();
        assert_eq!(d.id, "a", "doc wins over id");
        assert_eq!(d.published, None);
    }

    #[test]
    fn bad_lines_say_what_is_wrong() {
        assert!(
            err("这不是JSON").starts_with("not JSON"),
            "{}",
            err("这不是JSON")
        );
        assert!(err(r#"{"doc":"a","text":"x""#).starts_with("not JSON"));
        assert!(err("[1,2]").starts_with("not a JSON object"));
        assert!(err("\"text\"").starts_with("not a JSON object"));
        assert_eq!(err(r#"{"text":"x"}"#), "no `doc` (or `id`) field");
        assert_eq!(err(r#"{"doc":"","text":"x"}"#), "`doc` is empty");
        assert_eq!(
            err(r#"{"doc":["a"],"text":"x"}"#),
            "`doc` is an array, expected a string"
        );
        assert_eq!(err(r#"{"doc":"a"}"#), "document \"a\": no `text` field");
        assert_eq!(
            err(r#"{"doc":"a","text":["英伟达"]}"#),
            "document \"a\": `text` is an array, expected a string"
        );
        assert_eq!(
            err(r#"{"doc":"a","text":12}"#),
            "document \"a\": `text` is a number, expected a string"
        );
        assert!(err(r#"{"doc":"a","text":"x","published":"2023-13"}"#).contains("`published`"));
        assert!(err(r#"{"doc":"a","text":"x","published":2023}"#).contains("expected a date"));
    }

    /// Each item as `ID|WARNINGS` or `ERR MESSAGE`, and the notices, with
    /// the temporary folder shown as `D`.
    fn read_all(data: &[u8]) -> (Vec<String>, Vec<String>) {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("in.jsonl");
        std::fs::write(&p, data).unwrap();
        let base = dir.path().display().to_string();
        let mut notices = Vec::new();
        let got = JsonlInputs::new(&[p])
            .map(|r| match r {
                Ok(Input::Text(t)) => {
                    notices.extend(t.notices.iter().map(|n| n.replace(&base, "D")));
                    format!("{}|{}", t.id, t.warnings.join(";").replace(&base, "D"))
                }
                Ok(other) => format!("?{other:?}"),
                Err(e) => format!("ERR {}", e.to_string().replace(&base, "D")),
            })
            .collect();
        (got, notices)
    }

    #[test]
    fn bad_lines_are_errors_at_their_place_and_the_rest_is_read() {
        let data = "\u{feff}{\"doc\":\"a\",\"text\":\"一\"}\r\n\n  \n坏行\n{\"doc\":\"b\",\"text\":1}\n{\"doc\":\"a\",\"text\":\"二\"}\n{\"doc\":\"c\",\"text\":\"三\"}";
        let (got, warnings) = read_all(data.as_bytes());
        assert_eq!(
            got,
            vec![
                "a|".to_string(),
                "ERR D/in.jsonl:4: not JSON: expected value (column 1)".to_string(),
                "ERR D/in.jsonl:5: document \"b\": `text` is a number, expected a string"
                    .to_string(),
                "a|duplicate document id \"a\" (first at D/in.jsonl:1)".to_string(),
                "c|".to_string(),
            ]
        );
        assert_eq!(
            warnings,
            vec!["D/in.jsonl:6: warning: duplicate document id \"a\" (first at D/in.jsonl:1)"]
        );
    }

    #[test]
    fn a_long_line_is_read_whole() {
        let text = "英伟达H100的价格超过4万美元。".repeat(200_000);
        let line = serde_json::json!({"doc": "big", "text": text}).to_string();
        let (got, _) = read_all(format!("{line}\n{{\"doc\":\"s\",\"text\":\"x\"}}\n").as_bytes());
        assert_eq!(got, vec!["big|", "s|"]);
    }

    #[test]
    fn truncated_gzip_ends_the_input_with_an_error() {
        use std::io::Write;
        let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
        for i in 0..2000 {
            writeln!(e, "{}", serde_json::json!({"doc": format!("d{i}"), "text": "华为昇腾910B的价格约为12万元。"})).unwrap();
        }
        let z = e.finish().unwrap();
        let (got, _) = read_all(&z);
        assert_eq!(got.len(), 2000);
        let (got, _) = read_all(&z[..z.len() / 2]);
        let last = got.last().unwrap();
        assert!(
            last.starts_with("ERR D/in.jsonl:") && last.contains("truncated gzip"),
            "{last}"
        );
        assert!(
            got[..got.len() - 1].iter().all(|g| g.starts_with('d')),
            "{got:?}"
        );
    }
}

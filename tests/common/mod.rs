//! What the integration tests share.

use serde::Deserialize;

/// `chipscan normalize --json` output for one document, shape pinned: a
/// changed shape fails the tests that read it.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
#[allow(dead_code)]
pub struct Meta {
    pub path: String,
    pub title: Option<String>,
    pub encoding: String,
    pub script: String,
    pub bytes: u64,
    pub lines: usize,
    pub published: Option<String>,
    pub published_from: Option<String>,
    pub warnings: Vec<String>,
    pub set_aside: Vec<serde_json::Value>,
}

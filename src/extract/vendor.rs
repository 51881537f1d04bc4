//! Finding companies (vendor ids) in text: 英伟达 → NVIDIA, 壁仞 → Biren.

use std::ops::Range;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, AhoCorasickKind, MatchKind};

use crate::catalog::Catalog;

/// A company named in text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct VendorMention {
    pub range: Range<usize>,
    /// Index into `Catalog::vendors`.
    pub vendor: usize,
}

pub struct VendorMatcher {
    ac: AhoCorasick,
    target: Vec<usize>,
}

impl VendorMatcher {
    pub fn new(catalog: &Catalog) -> VendorMatcher {
        let mut patterns = Vec::new();
        let mut target = Vec::new();
        for (i, v) in catalog.vendors.iter().enumerate() {
            for name in std::iter::once(&v.id).chain(&v.aliases) {
                patterns.push(name.clone());
                target.push(i);
            }
        }
        let ac = AhoCorasickBuilder::new()
            .kind(Some(AhoCorasickKind::DFA))
            .prefilter(false)
            .match_kind(MatchKind::LeftmostLongest)
            .ascii_case_insensitive(true)
            .build(&patterns)
            .expect("vendor names build an automaton");
        VendorMatcher { ac, target }
    }

    /// Every company named in `text`, in order. Latin names must stand alone
    /// (AMD, not AMDX).
    pub fn find(&self, text: &str) -> Vec<VendorMention> {
        let alnum = |c: Option<char>| c.is_some_and(|c| c.is_ascii_alphanumeric());
        self.ac
            .find_iter(text)
            .filter(|m| {
                let r = m.range();
                let first = text[r.clone()].chars().next();
                let last = text[r.clone()].chars().last();
                !(alnum(first) && alnum(text[..r.start].chars().last()))
                    && !(alnum(last) && alnum(text[r.end..].chars().next()))
            })
            .map(|m| VendorMention { range: m.range(), vendor: self.target[m.pattern().as_usize()] })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn companies_in_both_scripts_and_latin() {
        let cat = Catalog::embedded();
        let m = VendorMatcher::new(&cat);
        let ids = |t: &str| -> Vec<String> { m.find(t).into_iter().map(|v| cat.vendors[v.vendor].id.clone()).collect() };
        assert_eq!(ids("BIS已经将壁仞、摩尔线程等国产GPU公司列入实体清单"), ["Biren", "Moore Threads"]);
        assert_eq!(ids("英伟达数据中心GPU 2022年市占率高达88%,AMD和英特尔瓜分剩下的部分"), ["NVIDIA", "AMD", "Intel"]);
        assert_eq!(ids("AMDX不是AMD"), ["AMD"]);
        // Taiwan's name for AMD, not the server maker 美超微.
        assert_eq!(ids("超微(AMD)市占率约8%,美超微的服务器"), ["AMD", "AMD", "Supermicro"]);
    }
}

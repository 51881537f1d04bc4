//! Finding chips in text: catalog names in both scripts, with or without the
//! spaces and hyphens between their parts; bare model numbers in chip context
//! (显卡4090); lists that share a prefix (思元590和690, 昇腾910B和910C); and
//! chip-like model tokens the catalog lacks when they stand in a list with
//! known chips (A100/H00).

// Keys are short model names looked up for every Latin word of the text: a
// fast hash (FxHash) rather than the DoS-resistant default.
use rustc_hash::FxHashMap as HashMap;
use std::ops::Range;
use std::sync::LazyLock;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, AhoCorasickKind, MatchKind};

use super::text::{CharSet, chars_after, chars_before, is_han, utf8_at};
use crate::catalog::{Catalog, id_key};

/// A chip named in text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Mention {
    pub range: Range<usize>,
    pub chip: ChipRef,
}

/// A catalog chip (index into `Catalog::chips`) or a token it lacks.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum ChipRef {
    Known(usize),
    Unknown(String),
}

// The words around chips are in the lexicon (src/lexicon/chips.toml).
use crate::lexicon::words as list;

/// Words that make a bare model number a chip (显卡4090, 4090显卡).
static CHIP_CONTEXT: LazyLock<Vec<&'static str>> = LazyLock::new(|| list("chips.context"));

/// Words of graphics cards as a kind (显卡, N卡, 独显): a document with one
/// is about cards, and its long bare model numbers are cards.
static CARD_WORDS: LazyLock<Vec<&'static str>> = LazyLock::new(|| list("chips.card_words"));

/// Words after a family's name that make it an architecture, not a chip
/// (基于Rubin架构的).
static ARCHITECTURE_WORDS: LazyLock<Vec<&'static str>> = LazyLock::new(|| list("chips.architecture"));

/// Words that join the items of a list of chips.
static LIST_JOINERS: LazyLock<Vec<&'static str>> = LazyLock::new(|| list("chips.joiner"));

/// Generic nouns that may follow each item of a list (H100芯片和A100芯片).
static ITEM_NOUNS: LazyLock<Vec<&'static str>> = LazyLock::new(|| list("chips.item_noun"));

/// Words after a Han name that make it a company's (昆仑芯科技, 昆仑芯公司).
static COMPANY_SUFFIXES: LazyLock<Vec<&'static str>> = LazyLock::new(|| list("chips.company_suffixes"));

/// Chip words near a context-only Han name.
static HAN_CONTEXT: LazyLock<Vec<&'static str>> = LazyLock::new(|| list("chips.han_context"));

/// `s` without the longest word of `words` it starts with, if any.
fn strip_longest<'a>(s: &'a str, words: &[&str]) -> Option<&'a str> {
    words.iter().filter(|w| s.starts_with(**w)).max_by_key(|w| w.len()).map(|w| &s[w.len()..])
}

/// Finds chips in text. Built once from the catalog.
pub struct ChipMatcher {
    /// Names containing Han characters, matched exactly (ASCII case-insensitive).
    han: AhoCorasick,
    /// The characters a Han name starts with (a letter in both cases; a
    /// character past the BMP as 0, which [`utf8_at`] gives for all of
    /// them), derived from the names: the names are looked for, anchored,
    /// only where one of them stands, which costs less than running the
    /// automaton over every byte of the text.
    han_first: Box<CharSet>,
    /// The characters a Han name has second, the same way; `None` when a
    /// name has only one character.
    han_second: Option<Box<CharSet>>,
    han_chip: Vec<usize>,
    /// Per Han pattern: a context-only name (华山 is Moore Threads' chip only
    /// next to 芯片, GPU, ...).
    han_bare: Vec<bool>,
    /// Latin names by compact key (lowercase, no spaces or hyphens).
    latin: HashMap<String, usize>,
    /// Context-only names by compact key.
    bare: HashMap<String, usize>,
    /// Whether every Latin context-only name holds a digit (4090, L2, T4):
    /// then a word without one need not be looked up among them.
    bare_need_digit: bool,
    /// Longest Latin name in words.
    max_words: usize,
    /// The vendor of each chip of the catalog, by index.
    chip_vendor: Vec<String>,
    /// Whether each chip is a family named without a model (Rubin, Ascend).
    chip_family: Vec<bool>,
    /// The series of each chip named by a number (RTX for RTX 4090, whose
    /// context-only name is 4090): the Latin word its id opens with.
    chip_series: Vec<Option<String>>,
    /// The names of each vendor of the catalog (its id and aliases), by
    /// vendor id: 沐曦C600 names the chip by its maker right before it.
    vendor_names: HashMap<String, Vec<String>>,
}

/// Lowercase, without spaces, hyphens and underscores.
fn compact(s: &str) -> String {
    id_key(s)
}

fn has_han(s: &str) -> bool {
    s.chars().any(is_han)
}

fn is_alnum(c: char) -> bool {
    c.is_ascii_alphanumeric()
}

impl ChipMatcher {
    pub fn new(catalog: &Catalog) -> ChipMatcher {
        let mut han_patterns = Vec::new();
        let mut han_chip = Vec::new();
        let mut han_bare = Vec::new();
        let mut latin = HashMap::default();
        let mut bare = HashMap::default();
        let mut max_words = 1;
        for (idx, chip) in catalog.chips.iter().enumerate() {
            let bare_keys: Vec<String> = chip.bare.iter().map(|b| compact(b)).collect();
            for name in Catalog::names_of(chip) {
                if has_han(name) {
                    for variant in han_variants(name) {
                        han_patterns.push(variant);
                        han_chip.push(idx);
                        han_bare.push(false);
                    }
                } else if !bare_keys.contains(&compact(name)) {
                    max_words = max_words.max(name.split([' ', '-']).filter(|w| !w.is_empty()).count());
                    latin.entry(compact(name)).or_insert(idx);
                }
            }
            for b in &chip.bare {
                if has_han(b) {
                    for variant in han_variants(b) {
                        han_patterns.push(variant);
                        han_chip.push(idx);
                        han_bare.push(true);
                    }
                } else {
                    bare.entry(compact(b)).or_insert(idx);
                }
            }
        }
        let han = AhoCorasickBuilder::new()
            .kind(Some(AhoCorasickKind::DFA))
            .match_kind(MatchKind::LeftmostLongest)
            .ascii_case_insensitive(true)
            .start_kind(aho_corasick::StartKind::Both)
            .build(&han_patterns)
            .expect("chip names build an automaton");
        let mut han_first = Box::new(CharSet::of(""));
        let mut han_second = Some(Box::new(CharSet::of("")));
        for p in &han_patterns {
            let mut chars = p.chars();
            let Some(c) = chars.next() else { continue };
            for c in [c, c.to_ascii_lowercase(), c.to_ascii_uppercase()] {
                han_first.insert(if (c as u32) < 0x10000 { c as u32 } else { 0 });
            }
            match (chars.next(), han_second.as_mut()) {
                (Some(c), Some(set)) => {
                    for c in [c, c.to_ascii_lowercase(), c.to_ascii_uppercase()] {
                        set.insert(if (c as u32) < 0x10000 { c as u32 } else { 0 });
                    }
                }
                _ => han_second = None,
            }
        }
        let bare_need_digit = bare.keys().all(|k| k.bytes().any(|b| b.is_ascii_digit()));
        let chip_vendor = catalog.chips.iter().map(|c| c.vendor.clone()).collect();
        let chip_series = catalog
            .chips
            .iter()
            .map(|c| {
                let numbered = c.bare.iter().any(|b| b.starts_with(|ch: char| ch.is_ascii_digit()));
                let (first, rest) = c.id.split_once(' ')?;
                (numbered && !rest.is_empty() && first.chars().all(|ch| ch.is_ascii_alphabetic())).then(|| first.to_string())
            })
            .collect();
        let chip_family = catalog.chips.iter().map(|c| c.family).collect();
        let vendor_names = catalog
            .vendors
            .iter()
            .map(|v| (v.id.clone(), std::iter::once(v.id.clone()).chain(v.aliases.iter().cloned()).filter(|n| !n.is_empty()).collect()))
            .collect();
        ChipMatcher {
            han,
            han_first,
            han_second,
            han_chip,
            han_bare,
            latin,
            bare,
            bare_need_digit,
            max_words,
            chip_vendor,
            chip_family,
            chip_series,
            vendor_names,
        }
    }

    /// The chip a name denotes, if the catalog knows it (any alias, either script).
    pub fn resolve(&self, catalog: &Catalog, name: &str) -> Option<usize> {
        let key = compact(name.trim());
        if let Some(&i) = self.latin.get(&key).or_else(|| self.bare.get(&key)) {
            return Some(i);
        }
        catalog
            .chips
            .iter()
            .position(|c| Catalog::names_of(c).any(|n| compact(n) == key))
    }

    /// Every chip named in `text`, in order.
    pub fn find(&self, text: &str) -> Vec<Mention> {
        let mut out: Vec<Mention> = Vec::new();
        // Names with Han characters first; they claim their span.
        for m in self.han_matches(text) {
            let mut r = m.range();
            // A name ending in a model number must not run on into more of
            // one, but a stepping digit after its letter is the same chip
            // (昇腾910B3 is an Ascend 910B).
            let next = text[r.end..].chars().next();
            if next.is_some_and(is_alnum) && text[..r.end].chars().last().is_some_and(is_alnum) {
                let letter_then_digit = text[..r.end].ends_with(|c: char| c.is_ascii_alphabetic())
                    && next.is_some_and(|c| c.is_ascii_digit())
                    && !text[r.end + 1..].starts_with(|c: char| c.is_ascii_alphanumeric());
                if !letter_then_digit {
                    continue;
                }
                r.end += 1;
            }
            if text[..r.start].chars().last().is_some_and(is_alnum)
                && text[r.start..].chars().next().is_some_and(is_alnum)
            {
                continue;
            }
            // 昆仑芯科技, 昆仑芯公司: the company, not its chip.
            let rest = &text[r.end..];
            if COMPANY_SUFFIXES.iter().any(|w| rest.starts_with(w)) {
                continue;
            }
            if self.han_bare[m.pattern().as_usize()] && !in_han_chip_context(text, &r) {
                continue;
            }
            out.push(Mention { range: r, chip: ChipRef::Known(self.han_chip[m.pattern().as_usize()]) });
        }
        // In text order and without overlaps (leftmost-longest).
        let claimed: Vec<Range<usize>> = out.iter().map(|m| m.range.clone()).collect();
        // The words of every run in one vector, each run a slice of it.
        let mut all_words: Vec<Range<usize>> = Vec::new();
        let spans: Vec<Range<usize>> = latin_runs(text)
            .into_iter()
            .map(|r| {
                let from = all_words.len();
                words_into(text, r, &mut all_words);
                from..all_words.len()
            })
            .collect();
        let runs: Vec<&[Range<usize>]> = spans.into_iter().map(|w| &all_words[w]).collect();
        let mut key = String::new();
        let mut pending = Vec::new();
        for words in &runs {
            let (Some(first), Some(last)) = (words.first(), words.last()) else { continue };
            let next = claimed.partition_point(|c| c.end <= first.start);
            if claimed.get(next).is_some_and(|c| c.start < last.end) {
                continue;
            }
            self.match_run(text, words, &mut key, &mut out, &mut pending);
        }
        // 4090不能再往大陆卖了……上周收了张二手4090: a long bare model number is
        // the chip wherever the text has named that chip (RTX 4090, 显卡4090).
        // (Or a chip of its series: 5080 and 4090 in a post that names the RTX
        // 5090, 4090 beside RTX 4090 D.)
        let series = |c: &ChipRef| match c {
            ChipRef::Known(i) => self.chip_series[*i].as_deref().map(|x| (x, self.chip_vendor[*i].as_str())),
            ChipRef::Unknown(_) => None,
        };
        // (Or any chip of its vendor: 4090更便宜 in a thread about renting
        // H100 and H200.)
        let vendor = |c: &ChipRef| match c {
            ChipRef::Known(i) => Some(self.chip_vendor[*i].as_str()),
            ChipRef::Unknown(_) => None,
        };
        // (Or any, in a document about graphics cards as such: 5090：去年双十一
        // 前后1.9w能拿下 in a thread on N卡 and A卡 prices.)
        let about_cards = !pending.is_empty() && CARD_WORDS.iter().any(|w| text.contains(w));
        pending.retain(|p: &Mention| {
            about_cards
                || out.iter().any(|m| m.chip == p.chip || series(&p.chip).is_some_and(|x| series(&m.chip) == Some(x)) || vendor(&p.chip).is_some() && vendor(&m.chip) == vendor(&p.chip))
        });
        // 4090 D where the text names both RTX 4090 D and RTX 4090: the
        // longest name read there, not also the number inside it.
        pending.sort_by_key(|p| (p.range.start, std::cmp::Reverse(p.range.end)));
        let mut kept: Vec<Mention> = Vec::with_capacity(pending.len());
        for p in pending {
            let overlaps = |m: &Mention| m.range.start < p.range.end && p.range.start < m.range.end;
            if !kept.iter().any(overlaps) && !out.iter().any(overlaps) {
                kept.push(p);
            }
        }
        out.extend(kept);
        out.sort_by_key(|m| m.range.start);
        self.drop_named_families(text, &mut out);
        self.expand_lists(text, &mut out);
        self.find_unknown(text, &runs, &mut out);
        out.sort_by_key(|m| m.range.start);
        out
    }

    /// The Han names in `text`, leftmost-longest and without overlaps, as
    /// `self.han.find_iter(text)` gives them: at each character that may
    /// start a name (and is followed by one that may come second), in
    /// order, the longest name starting there.
    fn han_matches(&self, text: &str) -> Vec<aho_corasick::Match> {
        let b = text.as_bytes();
        let mut out = Vec::new();
        let mut i = 0;
        while i < b.len() {
            if self.han_first.misses_block_at(b, i) {
                i += 3;
                continue;
            }
            let (u, len) = utf8_at(b, i);
            if self.han_first.has(u)
                && self.han_second.as_ref().is_none_or(|set| i + len < b.len() && set.has(utf8_at(b, i + len).0))
            {
                let input = aho_corasick::Input::new(text).range(i..).anchored(aho_corasick::Anchored::Yes);
                if let Some(m) = self.han.find(input) {
                    out.push(m);
                    i = m.end();
                    continue;
                }
            }
            i += len;
        }
        out
    }

    /// `words`: the words of one Latin run; `key` a buffer for the keys.
    /// `pending`: long bare names out of chip context, chips only if the
    /// text names the chip elsewhere.
    fn match_run(
        &self,
        text: &str,
        words: &[Range<usize>],
        key: &mut String,
        out: &mut Vec<Mention>,
        pending: &mut Vec<Mention>,
    ) {
        let mut i = 0;
        while i < words.len() {
            let mut matched = false;
            for len in (1..=self.max_words.min(words.len() - i)).rev() {
                let span = words[i].start..words[i + len - 1].end;
                // The compact key (RTX 4090 → rtx4090), built without allocating.
                key.clear();
                key.extend(text[span.clone()].bytes().filter(u8::is_ascii_alphanumeric).map(|b| b.to_ascii_lowercase() as char));
                if let Some(&chip) = self.latin.get(key.as_str()) {
                    // 基于Rubin架构的: a family named as the architecture
                    // of a chip is no chip.
                    if self.chip_family[chip] && ARCHITECTURE_WORDS.iter().any(|w| text[span.end..].trim_start().starts_with(w)) {
                        i += len;
                        matched = true;
                        break;
                    }
                    out.push(Mention { range: span, chip: ChipRef::Known(chip) });
                    i += len;
                    matched = true;
                    break;
                }
                if let Some(&chip) = self.bare.get(key.as_str()) {
                    if in_chip_context(text, &span) || self.maker_before(text, &span, chip) || self.sibling_of_last(text, &span, chip, out) {
                        out.push(Mention { range: span, chip: ChipRef::Known(chip) });
                        i += len;
                        matched = true;
                        break;
                    }
                    if key.len() >= LONG_BARE && !after_is_quantity(text, span.end) {
                        pending.push(Mention { range: span, chip: ChipRef::Known(chip) });
                    }
                }
            }
            if !matched {
                i += 1;
            }
        }
    }

    /// 华为昇腾芯片910B: a family right before a model of its vendor, with
    /// only a chip noun between, names that model, not a chip of its own.
    fn drop_named_families(&self, text: &str, out: &mut Vec<Mention>) {
        let mut k = 0;
        while k + 1 < out.len() {
            let (a, b) = (&out[k], &out[k + 1]);
            let named = match (&a.chip, &b.chip) {
                (ChipRef::Known(f), ChipRef::Known(m)) => {
                    self.chip_family[*f] && !self.chip_family[*m] && self.chip_vendor[*f] == self.chip_vendor[*m] && a.range.end <= b.range.start && {
                        let gap = text[a.range.end..b.range.start].trim();
                        gap.is_empty() || ITEM_NOUNS.contains(&gap)
                    }
                }
                _ => false,
            };
            if named {
                out.remove(k);
            } else {
                k += 1;
            }
        }
    }

    /// 思元590和690 names MLU690; RTX 4090和4090D names RTX 4090D.
    fn expand_lists(&self, text: &str, out: &mut Vec<Mention>) {
        let mut added = Vec::new();
        for m in out.iter() {
            let name = &text[m.range.clone()];
            let Some(prefix) = model_prefix(name) else { continue };
            let mut at = m.range.end;
            loop {
                let Some(after_joiner) = skip_joiner(text, at) else { break };
                let token_end = text[after_joiner..]
                    .char_indices()
                    .find(|&(_, c)| !is_alnum(c))
                    .map_or(text.len(), |(i, _)| after_joiner + i);
                let token = &text[after_joiner..token_end];
                if token.is_empty() || !token.starts_with(|c: char| c.is_ascii_digit()) {
                    break;
                }
                let key = compact(&format!("{prefix}{token}"));
                let chip = self.latin.get(&key).copied().or_else(|| {
                    // A Han prefix: look the full name up among the Han names.
                    self.han
                        .find(format!("{prefix}{token}").as_str())
                        .filter(|f| f.start() == 0 && f.end() == prefix.len() + token.len())
                        .map(|f| self.han_chip[f.pattern().as_usize()])
                });
                let Some(chip) = chip else { break };
                if out.iter().any(|o| o.range.start == after_joiner) {
                    break;
                }
                added.push(Mention { range: after_joiner..token_end, chip: ChipRef::Known(chip) });
                at = token_end;
            }
        }
        out.extend(added);
    }

    /// A model-like token the catalog lacks, in a list with known chips.
    /// `runs`: the words of each Latin run.
    fn find_unknown(&self, text: &str, runs: &[&[Range<usize>]], out: &mut Vec<Mention>) {
        let mut known: Vec<Range<usize>> = out.iter().map(|m| m.range.clone()).collect();
        known.sort_by_key(|k| k.start);
        let mut found = Vec::new();
        let mut key = String::new();
        for run in runs {
            for w in run.iter().cloned() {
                let token = &text[w.clone()];
                // The known mentions just before and just after the word.
                let next = known.partition_point(|k| k.start < w.start);
                let (prev, after) = (next.checked_sub(1).map(|i| &known[i]), known.get(next));
                if prev.is_some_and(|k| k.end > w.start) || after.is_some_and(|k| k.start < w.end) {
                    continue;
                }
                let next_to_known = || {
                    prev.is_some_and(|k| joined(text, past_form_factor(text, k.end), w.start))
                        || after.is_some_and(|k| joined(text, past_form_factor(text, w.end), k.start))
                };
                let model = model_like(token);
                // A context-only name in a list with known chips is a chip
                // (分别为H20、L20和L2). Bare names are short.
                if !model
                    && (token.len() > 8 || (self.bare_need_digit && !token.bytes().any(|b| b.is_ascii_digit())))
                {
                    continue;
                }
                key.clear();
                key.extend(token.bytes().filter(u8::is_ascii_alphanumeric).map(|b| b.to_ascii_lowercase() as char));
                if let Some(&chip) = self.bare.get(&key) {
                    if next_to_known() && !after_is_quantity(text, w.end) {
                        found.push(Mention { range: w, chip: ChipRef::Known(chip) });
                    }
                    continue;
                }
                if !model || self.latin.contains_key(&key) {
                    continue;
                }
                if next_to_known() || called_a_chip(text, &w) {
                    found.push(Mention { range: w, chip: ChipRef::Unknown(token.to_string()) });
                }
            }
        }
        out.extend(found);
    }
}

/// Every way a Han name may be written: as is, and with a space between its
/// Han and Latin parts (昇腾 910B).
fn han_variants(name: &str) -> Vec<String> {
    let mut v = vec![name.to_string()];
    let mut spaced = String::new();
    let mut prev: Option<char> = None;
    for c in name.chars() {
        if let Some(p) = prev {
            if (is_han(p) && is_alnum(c)) || (is_alnum(p) && is_han(c)) {
                spaced.push(' ');
            }
        }
        spaced.push(c);
        prev = Some(c);
    }
    if spaced != name {
        v.push(spaced);
    }
    v
}

/// The part of a chip name before its model number: 思元 of 思元590, MLU of
/// MLU370, RTX of RTX 4090. Latin prefixes need two letters (MI, not A).
fn model_prefix(name: &str) -> Option<String> {
    let digit = name.find(|c: char| c.is_ascii_digit())?;
    let prefix = name[..digit].trim_end_matches([' ', '-']);
    if prefix.is_empty() {
        return None;
    }
    let latin_letters = prefix.chars().filter(|c| c.is_ascii_alphabetic()).count();
    (has_han(prefix) || latin_letters >= 2).then(|| prefix.to_string())
}

/// Skips a list joiner (和, 、, /, ...) and spaces after `at`; the offset
/// after them, if there was a joiner.
fn skip_joiner(text: &str, at: usize) -> Option<usize> {
    let rest = &text[at..];
    let trimmed = rest.trim_start_matches(' ');
    let after_noun = strip_longest(trimmed, &ITEM_NOUNS).unwrap_or(trimmed);
    let after_noun = after_noun.trim_start_matches(' ');
    let j = strip_longest(after_noun, &LIST_JOINERS)?;
    let j = j.trim_start_matches(' ');
    Some(text.len() - j.len())
}

/// Whether only a list joiner (and spaces, generic nouns, a short phrase
/// ending in 的 after it) stands between byte `a` and byte `b`.
pub fn joined(text: &str, a: usize, b: usize) -> bool {
    if a > b || b > text.len() || !text.is_char_boundary(a) || !text.is_char_boundary(b) {
        return false;
    }
    // (A100及即将推出的H100: a short phrase ending in 的 may qualify the
    // item after the joiner.)
    skip_joiner(text, a).is_some_and(|j| j == b || j < b && qualifies_item(&text[j..b]))
}

/// Whether the gap between two items of a list holds the joiner that
/// closes a list (和, 与, 及, 以及, 跟, 同, 或: before its last item).
pub fn closes_list(gap: &str) -> bool {
    gap.contains(super::grammar::BETWEEN_JOINERS) || gap.contains('或')
}

/// Whether `gap` is a short phrase of Han characters ending in 的, a few of
/// them (即将推出的, 新一代的, 更强的).
fn qualifies_item(gap: &str) -> bool {
    let Some(head) = gap.trim_end_matches(' ').strip_suffix('的') else { return false };
    let n = head.chars().count();
    (1..=5).contains(&n) && head.chars().all(is_han)
}

/// Form factors written after a model (L20 PCIe, H100 SXM5): a list goes on
/// after them (L20 PCIe 与 L2 PCIe). Longest first.
static FORM_FACTORS: LazyLock<Vec<&'static str>> = LazyLock::new(|| {
    let mut words = list("chips.form_factor");
    words.sort_by_key(|w| std::cmp::Reverse(w.len()));
    words
});

/// The byte after a form factor or memory size at `at` (spaces before it
/// skipped), else `at`.
fn past_form_factor(text: &str, at: usize) -> usize {
    let rest = &text[at..];
    let trimmed = rest.trim_start_matches(' ');
    let skipped = at + rest.len() - trimmed.len();
    if let Some(f) = FORM_FACTORS.iter().find(|f| trimmed.starts_with(*f)) {
        let end = skipped + f.len();
        if !text[end..].starts_with(|c: char| c.is_ascii_alphanumeric()) {
            return end;
        }
    }
    // 80GB, 96 GB
    let digits = trimmed.bytes().take_while(u8::is_ascii_digit).count();
    if digits > 0 {
        let t = trimmed[digits..].trim_start_matches(' ');
        if t.starts_with("GB") && !t[2..].starts_with(|c: char| c.is_ascii_alphanumeric()) {
            return at + rest.len() - t.len() + 2;
        }
    }
    at
}

/// H00, B30A, X100: one to three capitals, two to four digits, up to two capitals.
fn model_like(token: &str) -> bool {
    let b = token.as_bytes();
    let letters = b.iter().take_while(|c| c.is_ascii_uppercase()).count();
    let digits = b[letters..].iter().take_while(|c| c.is_ascii_digit()).count();
    let tail = b[letters + digits..].iter().take_while(|c| c.is_ascii_uppercase()).count();
    (1..=3).contains(&letters) && (2..=4).contains(&digits) && tail <= 2 && letters + digits + tail == b.len()
}

/// A model token the text calls a chip: a chip noun right after it (XG900芯片,
/// XG900 加速卡) or right before it (新款AI芯片XG900), `chips.chip_nouns`.
fn called_a_chip(text: &str, span: &Range<usize>) -> bool {
    let after = text[span.end..].trim_start_matches(' ');
    let before = text[..span.start].trim_end_matches(' ');
    !after_is_quantity(text, span.end)
        && (CHIP_NOUNS.iter().any(|w| after.starts_with(w)) || CHIP_NOUNS.iter().any(|w| before.ends_with(w)))
}

static CHIP_NOUNS: LazyLock<Vec<&'static str>> = LazyLock::new(|| list("chips.chip_nouns"));

fn in_chip_context(text: &str, span: &Range<usize>) -> bool {
    let before = chars_before(text, span.start, 6);
    let after = chars_after(text, span.end, 5);
    // A number with a unit after it is a quantity, not a chip (4090元, 4090个).
    if after_is_quantity(text, span.end) {
        return false;
    }
    CHIP_CONTEXT.iter().any(|w| before.contains(w) || after.contains(w))
}

impl ChipMatcher {
    /// 沐曦C600, 摩尔线程S4000: a bare model right after its own maker's
    /// name (spaces between) is that maker's chip.
    fn maker_before(&self, text: &str, span: &Range<usize>, chip: usize) -> bool {
        let before = text[..span.start].trim_end_matches(' ');
        self.vendor_names.get(&self.chip_vendor[chip]).is_some_and(|names| names.iter().any(|n| before.ends_with(n.as_str())))
            && !after_is_quantity(text, span.end)
    }

    /// V100售价在7万元左右,T4则在1.5万元至2万元之间: a bare model of the same
    /// vendor as the chip named just before in the sentence is a chip too.
    fn sibling_of_last(&self, text: &str, span: &Range<usize>, chip: usize, out: &[Mention]) -> bool {
        let Some(ChipRef::Known(last)) = out.last().map(|m| (&m.chip, m.range.end)).filter(|(_, end)| *end <= span.start).map(|(c, _)| c) else {
            return false;
        };
        let end = out.last().map_or(0, |m| m.range.end);
        let between = &text[end..span.start];
        // It stands where a list or a parallel clause goes on (, 、 和), not
        // inside a phrase (H100的L2缓存).
        let opens = between.trim_end_matches(' ').ends_with([',', '，', '、', ';', '；', '和', '与', '或', '及']);
        opens
            && between.chars().count() <= 30
            && !between.contains(['。', '！', '？', '\n'])
            && !after_is_quantity(text, span.end)
            && self.chip_vendor.get(*last) == self.chip_vendor.get(chip)
    }
}

/// A bare name this long (4090, 4090D; not T4, A10, B30) is the chip
/// wherever the text also names it in a chip's way: a short one may be
/// anything else (A10 a car, L2 a cache, B30 a bus).
const LONG_BARE: usize = 4;

/// Whether a unit follows byte `end`: the number before it counts or prices.
/// (美 only of money, 美元, 美金: 5090美国建议售价 names the chip.)
fn after_is_quantity(text: &str, end: usize) -> bool {
    let rest = text[end..].trim_start();
    rest.starts_with(['元', '个', '万', '亿', '年', '月', '日', '%', '块', '张', '片', '台', '镁'])
        || ["美元", "美金", "美刀"].iter().any(|w| rest.starts_with(w))
}

/// A context-only Han name (「华山」) is a chip when a chip word stands within
/// a dozen characters of it (「华山」与「庐山」这两款晶片, 华山芯片).
fn in_han_chip_context(text: &str, span: &Range<usize>) -> bool {
    let before = chars_before(text, span.start, 12);
    let after = chars_after(text, span.end, 12);
    HAN_CONTEXT.iter().any(|w| before.contains(w) || after.contains(w))
}

/// Maximal runs of ASCII letters and digits, joined by single spaces or
/// hyphens between alphanumerics (`RTX 4090`, `Instinct MI300X`).
fn latin_runs(text: &str) -> Vec<Range<usize>> {
    let b = text.as_bytes();
    let mut runs = Vec::new();
    let mut i = 0;
    loop {
        // Step over eight bytes at a time to the next ASCII letter or digit
        // (Han text is mostly bytes ≥ 0x80, with punctuation between).
        while let Some(chunk) = b.get(i..i + 8) {
            let alnum = ascii_alnum_bytes(u64::from_le_bytes(chunk.try_into().expect("eight bytes")));
            if alnum != 0 {
                i += alnum.trailing_zeros() as usize / 8;
                break;
            }
            i += 8;
        }
        match b.get(i) {
            None => break,
            Some(x) if !x.is_ascii_alphanumeric() => {
                i += 1;
                continue;
            }
            Some(_) => {}
        }
        let start = i;
        let mut end = i;
        while end < b.len() {
            if b[end].is_ascii_alphanumeric() {
                end += 1;
            } else if (b[end] == b' ' || b[end] == b'-')
                && end + 1 < b.len()
                && b[end + 1].is_ascii_alphanumeric()
            {
                end += 1;
            } else {
                break;
            }
        }
        runs.push(start..end);
        i = end;
    }
    runs
}

/// The high bit of each byte of `word` that is an ASCII letter or digit, the
/// others zero (eight bytes at once; no byte carries into the next, as only
/// seven-bit values are added to seven-bit constants).
const fn ascii_alnum_bytes(word: u64) -> u64 {
    const HIGH: u64 = 0x8080_8080_8080_8080;
    const fn each(b: u8) -> u64 {
        b as u64 * 0x0101_0101_0101_0101
    }
    let x = word & !HIGH;
    // Bit 7 of x + (0x80 - lo) is set where x >= lo; of x + (0x7F - hi), where x > hi.
    let digit = (x + each(0x80 - b'0')) & !(x + each(0x7F - b'9'));
    let lower = x | each(0x20);
    let letter = (lower + each(0x80 - b'a')) & !(lower + each(0x7F - b'z'));
    (digit | letter) & !word & HIGH
}

/// The words of a Latin run. Names run together without a space, as in a
/// table flattened from a web page (RTX 5090RTX 4090, 5070 TiRTX), are split
/// where two capitals or more follow a digit or a small letter.
fn words_into(text: &str, run: Range<usize>, words: &mut Vec<Range<usize>>) {
    let mut start = None;
    let b = text.as_bytes();
    for (i, c) in text[run.clone()].char_indices() {
        let at = run.start + i;
        if is_alnum(c) {
            if let Some(s) = start {
                let prev = b[at - 1];
                if (prev.is_ascii_digit() || prev.is_ascii_lowercase())
                    && c.is_ascii_uppercase()
                    && b.get(at + 1).is_some_and(|x| x.is_ascii_uppercase())
                    && at + 1 < run.end
                {
                    words.push(s..at);
                    start = Some(at);
                }
            }
            start.get_or_insert(at);
        } else if let Some(s) = start.take() {
            words.push(s..at);
        }
    }
    if let Some(s) = start {
        words.push(s..run.end);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn han_names_found_where_they_may_start_as_by_a_scan_of_every_byte() {
        let cat = Catalog::embedded();
        let m = ChipMatcher::new(&cat);
        let mut text = String::from("据悉,华为昇腾910B和昇腾 910C、寒武纪思元590,还有海光DCU深算一号;第三代昆仑芯,𠀀壁仞BR100。");
        // Every catalog name in a row, each after a Han character and a letter.
        for chip in &cat.chips {
            for name in Catalog::names_of(chip) {
                text.push_str("的a");
                text.push_str(name);
            }
        }
        let scanned: Vec<_> = m.han.find_iter(text.as_str()).collect();
        assert!(scanned.len() > 10);
        assert_eq!(m.han_matches(&text), scanned);
    }

    fn ids(text: &str) -> Vec<String> {
        let cat = Catalog::embedded();
        let m = ChipMatcher::new(&cat);
        m.find(text)
            .into_iter()
            .map(|m| match m.chip {
                ChipRef::Known(i) => cat.chips[i].id.clone(),
                ChipRef::Unknown(t) => format!("?{t}"),
            })
            .collect()
    }

    #[test]
    fn latin_names_with_or_without_spaces() {
        assert_eq!(ids("A800/H800/L40/L40S/RTX4090被禁止向中国出口"), ["A800", "H800", "L40", "L40S", "RTX 4090"]);
        assert_eq!(ids("英伟达针对游戏市场发行的RTX 4090显卡"), ["RTX 4090"]);
        assert_eq!(ids("AMD推出最新加速卡Instinct MI300X的发布会现场"), ["MI300X"]);
        assert_eq!(ids("英特尔的产品(2024年4月发布的Gaudi 3)在能效和推理性能上也远超H100"), ["Gaudi 3", "H100"]);
    }

    #[test]
    fn longer_models_are_not_shorter_ones() {
        assert_eq!(ids("H200和H20不是一回事,H1000也不是H100"), ["H200", "H20", "H100"]);
    }

    #[test]
    fn a_system_names_its_chip() {
        assert_eq!(ids("与用于GPT-3 处理的HGX A100 相比"), ["A100"]);
        assert_eq!(ids("英伟达还构建了最新的DGX超级计算机"), Vec::<String>::new());
    }

    #[test]
    fn han_names_in_both_scripts_after_normalization() {
        assert_eq!(ids("其采用的华为昇腾910B能力已经基本做到可对标英伟达A100"), ["Ascend 910B", "A100"]);
        assert_eq!(ids("搭载了「昇腾 910C」"), ["Ascend 910C"]);
        assert_eq!(ids("昇腾910B3和昇腾910B4"), ["Ascend 910B", "Ascend 910B"]);
        assert_eq!(ids("华为910B芯片的产能"), ["Ascend 910B"]);
        assert_eq!(ids("营收910B元"), Vec::<String>::new());
        assert_eq!(ids("如百度昆仑芯片、阿里含光800"), ["Kunlun", "Hanguang 800"]);
        assert_eq!(ids("海光信息的DCU芯片“深算一号”软硬件生态相对完整"), ["深算一号"]);
        assert_eq!(ids("智谱AI的集群储备了近半的昇腾芯片"), ["Ascend"]);
    }

    #[test]
    fn a_company_is_not_its_chip() {
        assert_eq!(ids("商汤科技、昆仑万维、毫末智行也官宣了自己的大模型"), Vec::<String>::new());
        assert_eq!(ids("昆仑芯科技宣布完成融资,其昆仑芯P800已量产"), ["Kunlun P800"]);
    }

    #[test]
    fn bare_numbers_only_in_chip_context() {
        assert_eq!(ids("多采用英伟达消费级游戏显卡4090来跑推理"), ["RTX 4090"]);
        assert_eq!(ids("天数智芯、燧原今年都在猛推对标4090的推理卡"), ["RTX 4090"]);
        assert_eq!(ids("该公司去年营收4090万元"), Vec::<String>::new());
        // A number before money is no chip; before 美国 (a place) it may be.
        assert_eq!(ids("RTX 5090首卖。另一款售价5090美元"), ["RTX 5090"]);
        assert_eq!(ids("RTX 5090首卖。5090美国建议售价1999镁"), ["RTX 5090", "RTX 5090"]);
        assert_eq!(ids("显卡也贵了,挂5090镁"), Vec::<String>::new());
        assert_eq!(ids("特斯拉的L4自动驾驶"), Vec::<String>::new());
        assert_eq!(ids("英伟达L4 GPU适合推理"), ["L4"]);
    }

    #[test]
    fn lists_share_a_prefix() {
        assert_eq!(ids("寒武纪的思元590和690"), ["MLU590", "MLU690"]);
        assert_eq!(ids("华为昇腾910B和910C"), ["Ascend 910B", "Ascend 910C"]);
        assert_eq!(ids("AMD MI300X、MI325X"), ["MI300X", "MI325X"]);
    }

    #[test]
    fn unknown_model_tokens_next_to_known_chips() {
        assert_eq!(ids("2022年9月,A100/H00禁止向中国出口"), ["A100", "?H00"]);
        // Not in a list with chips: not reported.
        assert_eq!(ids("华为在Mate 60 Pro上回归的5G芯片"), Vec::<String>::new());
        assert_eq!(ids("AMD 有可能刚宣布支持了CUDA11, 但是英伟达已经推出CUDA12了"), Vec::<String>::new());
    }

    #[test]
    fn latin_runs_between_han_text() {
        let t = "英伟达推出的H100 和 A100芯片,以及游戏显卡RTX 4090、GeForce-RTX,售价约1.5万元";
        let runs: Vec<&str> = latin_runs(t).into_iter().map(|r| &t[r]).collect();
        assert_eq!(runs, vec!["H100", "A100", "RTX 4090", "GeForce-RTX", "1", "5"]);
        assert!(latin_runs("").is_empty() && latin_runs("英伟达芯片价格上涨").is_empty());
    }

    #[test]
    fn alnum_bytes_found_eight_at_a_time() {
        for fill in [0x00u8, b',', b' ', 0xE4, 0x80, 0xBF, b'A', b'9'] {
            for at in 0..8 {
                for x in 0..=255u8 {
                    let mut bytes = [fill; 8];
                    bytes[at] = x;
                    let want = bytes.iter().enumerate().fold(0u64, |m, (k, b)| m | ((b.is_ascii_alphanumeric() as u64) << (8 * k + 7)));
                    assert_eq!(ascii_alnum_bytes(u64::from_le_bytes(bytes)), want, "{bytes:?}");
                }
            }
        }
    }

    #[test]
    fn names_run_together_are_split() {
        assert_eq!(ids("項目 / 型號RTX 5090RTX 4090RTX 5080"), vec!["RTX 5090", "RTX 4090", "RTX 5080"]);
        assert_eq!(ids("型号RTX 5070 TiRTX 4070 Ti"), vec!["RTX 5070 Ti", "RTX 4070 Ti"]);
        // A one-letter suffix stays with its model.
        assert_eq!(ids("RTX 4090D和MI300X"), vec!["RTX 4090D", "MI300X"]);
        assert_eq!(ids("H100NVL"), vec!["H100"]);
    }

    #[test]
    fn a_list_goes_on_after_a_form_factor() {
        assert_eq!(ids("分别为 HGX H20、L20 PCIe 与 L2 PCIe"), vec!["H20", "L20", "L2"]);
        assert_eq!(ids("H20 SXM、L2和L20"), vec!["H20", "L2", "L20"]);
        assert_eq!(ids("包括H20 96GB与L2"), vec!["H20", "L2"]);
        // A form factor does not make a cache level a chip.
        assert_eq!(ids("H100 SXM的L2缓存为50MB"), vec!["H100"]);
    }

    #[test]
    fn context_only_names_in_a_list_with_known_chips() {
        assert_eq!(ids("英伟达已推出特供版AI芯片共三款,分别为H20、L20和L2"), vec!["H20", "L20", "L2"]);
        assert_eq!(ids("L4和T4都是推理卡"), vec!["L4", "T4"]);
        // Not a cache level or a count.
        assert_eq!(ids("H100的L2缓存为50MB"), vec!["H100"]);
    }

    #[test]
    fn context_only_han_names() {
        assert_eq!(ids("摩尔线程推出「华山」与「庐山」这两款晶片"), vec!["Huashan", "Lushan"]);
        assert_eq!(ids("华山芯片定位AI训推一体"), vec!["Huashan"]);
        assert!(ids("他周末去爬了华山,风景很好").is_empty());
        assert!(ids("复旦大学附属华山医院引入了AI辅助诊断").is_empty());
    }

    #[test]
    fn model_tokens() {
        assert!(model_like("H00"));
        assert!(model_like("B30A"));
        assert!(!model_like("GPT4"));
        assert!(!model_like("CUDA11"));
        assert!(!model_like("2023"));
    }
}

//! Traditional → Simplified, and which script a document was written in.
//!
//! The converter is `ferrous-opencc` (default) or, with the cargo feature
//! `opencc`, the system OpenCC library. It is built once per [`Loader`],
//! together with what is learnt from it by converting every CJK character of
//! the BMP alone: the characters t2s changes (Traditional-only, with their
//! output) and those s2t changes and t2s does not (Simplified-only).
//!
//! The output is the converter's, for less work:
//! - a line with no Traditional-only character (and none of the few
//!   `CONTEXT_CHARS`) is copied as it is;
//! - in other lines only runs of Han characters are converted (dictionary
//!   keys hold nothing else), character by character from the learnt table,
//!   and by the converter itself only when the run holds a key of the phrase
//!   dictionary (`TS_PHRASES`, looked up by first character).
//!
//! `table_path_agrees_with_the_converter` checks this against the converter
//! on the corpus, for either backend.
//!
//! Brand phrases from the catalog (`[[protect]]`, e.g. 昇腾/昇騰) are found
//! with Aho-Corasick (leftmost-longest) and emitted as the catalog says; only
//! the text between them is converted.
//!
//! [`Loader`]: super::Loader

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};

use crate::text::utf8_at;

use crate::model::Script;

/// A Traditional → Simplified converter.
pub enum Backend {
    Ferrous(Box<ferrous_opencc::OpenCC>),
    #[cfg(feature = "opencc")]
    System(opencc_rust::OpenCC),
}

impl Backend {
    /// The default backend of this build (system OpenCC with feature `opencc`).
    pub fn default_t2s() -> Result<Backend, String> {
        #[cfg(feature = "opencc")]
        {
            Backend::system("t2s.json")
        }
        #[cfg(not(feature = "opencc"))]
        {
            Backend::ferrous(ferrous_opencc::config::BuiltinConfig::T2s)
        }
    }

    pub fn ferrous(config: ferrous_opencc::config::BuiltinConfig) -> Result<Backend, String> {
        ferrous_opencc::OpenCC::from_config(config)
            .map(|c| Backend::Ferrous(Box::new(c)))
            .map_err(|e| format!("ferrous-opencc: {e}"))
    }

    #[cfg(feature = "opencc")]
    pub fn system(config: &str) -> Result<Backend, String> {
        opencc_rust::OpenCC::new(config)
            .map(Backend::System)
            .map_err(|e| format!("OpenCC {config}: {e}"))
    }

    /// The inverse direction (s2t) of the same implementation, used only to
    /// build the Simplified-only set.
    fn inverse(&self) -> Result<Backend, String> {
        match self {
            Backend::Ferrous(_) => Backend::ferrous(ferrous_opencc::config::BuiltinConfig::S2t),
            #[cfg(feature = "opencc")]
            Backend::System(_) => Backend::system("s2t.json"),
        }
    }

    pub fn convert_into(&self, text: &str, out: &mut String) {
        match self {
            Backend::Ferrous(c) => out.push_str(&c.convert(text)),
            #[cfg(feature = "opencc")]
            Backend::System(c) => {
                // The C API takes NUL-terminated strings.
                let mut first = true;
                for part in text.split('\0') {
                    if !first {
                        out.push('\0');
                    }
                    first = false;
                    if !part.is_empty() {
                        out.push_str(&c.convert(part));
                    }
                }
            }
        }
    }

    fn convert(&self, text: &str) -> String {
        let mut s = String::new();
        self.convert_into(text, &mut s);
        s
    }
}

/// One bit per BMP code point.
struct BitSet(Box<[u64; 1024]>);

impl BitSet {
    fn new() -> BitSet {
        BitSet(Box::new([0; 1024]))
    }
    fn set(&mut self, c: char) {
        let u = c as usize;
        if u < 0x10000 {
            self.0[u >> 6] |= 1 << (u & 63);
        }
    }
    #[inline]
    fn has(&self, u: u32) -> bool {
        u < 0x10000 && self.0[(u >> 6) as usize] & (1 << (u & 63)) != 0
    }
}

/// Traditional and Simplified character counts of a text.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Counts {
    pub traditional: usize,
    pub simplified: usize,
}

impl Counts {
    /// Mixed when both scripts are substantial; otherwise the dominant one.
    /// A Traditional article with a Simplified footer stays Traditional.
    pub fn script(&self) -> Script {
        let (t, s) = (self.traditional, self.simplified);
        let (minor, major) = (t.min(s), t.max(s));
        if minor >= 20 && minor * 4 >= major {
            Script::Mixed
        } else if t > s {
            Script::Traditional
        } else {
            Script::Simplified
        }
    }
}

/// Keys of OpenCC's t2s phrase dictionary (`TSPhrases`, 278 of them): the
/// one ferrous-opencc 0.4.0 ships and OpenCC 1.1.6's (which has 射覆 for
/// 尼乾子). A run of Han characters holding none of them is converted by the
/// converter character by character, so its answer for each character alone
/// (learnt once, see [`char_table`]) is its answer on the run; a run holding
/// one goes to the converter whole. A missing key would change the output
/// (`table_path_agrees_with_the_converter`); an extra one only costs speed.
const TS_PHRASES: &str = include_str!("ts_phrases.txt");

fn ts_phrase_keys() -> impl Iterator<Item = &'static str> {
    TS_PHRASES
        .lines()
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
}

/// Characters t2s leaves alone on their own but changes inside a phrase with
/// no Traditional-only character (反覆 → 反复, 瞭解 → 了解, 藉口 → 借口, 沈默 →
/// 沉默, 牴牾 → 抵牾, 衹得 → 只得), from the same dictionaries: a line holding
/// one goes through conversion even without a Traditional-only character, so
/// that skipping lines never changes the output.
const CONTEXT_CHARS: &str = "沈牴瞭藉衹覆";

/// The bits of [`Converter::class`]: a Traditional-only character (one t2s
/// changes), a Simplified-only one, one of [`CONTEXT_CHARS`], a Han
/// character, one a phrase key starts with (a small set to look in first:
/// `phrase_start` misses the cache).
const TRADITIONAL: u8 = 1;
const SIMPLIFIED: u8 = 2;
const CONTEXT: u8 = 4;
const HAN: u8 = 8;
const PHRASE_FIRST: u8 = 16;

/// Code points covered by the character table.
const TABLE_START: u32 = 0x3400;
const TABLE_END: u32 = 0xFAFF;
/// The code point at byte `i` of `text` (a char boundary) and its length.
#[inline(always)]
fn decode(text: &str, i: usize) -> (u32, usize) {
    match utf8_at(text.as_bytes(), i) {
        (_, 4) => decode_wide(text, i),
        step => step,
    }
}

/// [`decode`] of a character past the BMP (rare: kept out of the loops).
#[cold]
#[inline(never)]
fn decode_wide(text: &str, i: usize) -> (u32, usize) {
    text[i..].chars().next().map_or((0, 1), |c| (c as u32, c.len_utf8()))
}

/// Whether code point `u` is a Han character ([`crate::text::is_han`]).
fn is_han(u: u32) -> bool {
    char::from_u32(u).is_some_and(crate::text::is_han)
}

/// Table entry: the character converts to more than one character.
const MULTI: u32 = u32::MAX;

/// Windows for the converter, collected over a whole text and converted in
/// one call (the system library costs microseconds a call): their text, one
/// a line, and where each output goes in the output string.
#[derive(Default)]
struct Batch {
    text: String,
    slots: Vec<usize>,
}

impl Batch {
    /// `window` holds Han characters only (never a line break).
    fn add(&mut self, window: &str, at: usize) {
        if !self.slots.is_empty() {
            self.text.push('\n');
        }
        self.text.push_str(window);
        self.slots.push(at);
    }
}

/// The converter with its character sets and protected phrases.
pub struct Converter {
    backend: Backend,
    traditional: BitSet,
    /// t2s of each character alone, `TABLE_START`-based; 0 = unchanged.
    table: Vec<u32>,
    /// Outputs of the `MULTI` entries.
    multi: std::collections::HashMap<char, String>,
    /// For each table character, 1 + the index in `phrase_groups` of the
    /// [`TS_PHRASES`] keys that start with it; 0 = none does.
    phrase_start: Vec<u16>,
    phrase_groups: Vec<Vec<&'static str>>,
    /// What [`Converter::count`] and [`Converter::convert_han_runs`] ask of
    /// a character, in one byte per BMP code point from U+3400 on (no Han
    /// character is below it): one lookup instead of one per set.
    class: Box<[u8; 0x10000]>,
    protect: Option<(AhoCorasick, Vec<String>)>,
}

/// The character tables ferrous-opencc's t2s and s2t give, learnt once and
/// kept in the source so a run does not convert every CJK character twice at
/// start-up (most of the time of a one-article run). Regenerate with
/// `cargo run --example t2s_tables > src/load/t2s_tables.txt`; the test
/// `embedded_tables_are_ferrous_opencc_s` fails when they go stale.
const FERROUS_TABLES: &str = include_str!("t2s_tables.txt");

/// Name of ferrous-opencc's built-in t2s configuration.
const FERROUS_T2S_NAME: &str = "Traditional Chinese to Simplified Chinese";

type Table = Vec<(char, String)>;

/// ferrous-opencc's t2s and s2t tables in the format of `t2s_tables.txt`.
pub fn ferrous_tables_text() -> Result<String, String> {
    let t2s = char_table(&Backend::ferrous(ferrous_opencc::config::BuiltinConfig::T2s)?)?;
    let s2t = char_table(&Backend::ferrous(ferrous_opencc::config::BuiltinConfig::S2t)?)?;
    let mut out = String::from(
        "# Every CJK character of the BMP that ferrous-opencc changes when converting it alone:\n\
         # t = t2s, s = s2t; character, tab, output. Generated by `cargo run --example t2s_tables`.\n",
    );
    for (dir, table) in [("t", &t2s), ("s", &s2t)] {
        for (c, o) in table {
            out.push_str(&format!("{dir}\t{c}\t{o}\n"));
        }
    }
    Ok(out)
}

fn parse_tables(text: &str) -> (Table, Table) {
    let (mut t2s, mut s2t) = (Vec::new(), Vec::new());
    for line in text.lines().filter(|l| !l.starts_with('#')) {
        let mut parts = line.splitn(3, '\t');
        let (Some(dir), Some(c), Some(o)) = (parts.next(), parts.next(), parts.next()) else { continue };
        let Some(c) = c.chars().next() else { continue };
        match dir {
            "t" => t2s.push((c, o.to_string())),
            "s" => s2t.push((c, o.to_string())),
            _ => {}
        }
    }
    (t2s, s2t)
}

/// The t2s and s2t tables of a backend: ferrous-opencc's built-in t2s from
/// the source, any other learnt from the converter now.
fn tables(backend: &Backend) -> Result<(Table, Table), String> {
    match backend {
        Backend::Ferrous(c) if c.name() == FERROUS_T2S_NAME => Ok(parse_tables(FERROUS_TABLES)),
        _ => Ok((char_table(backend)?, char_table(&backend.inverse()?)?)),
    }
}

impl Converter {
    /// `pairs` are the catalog's (form, output) protected phrases.
    pub fn new(backend: Backend, pairs: &[(String, String)]) -> Result<Converter, String> {
        let (t2s, s2t) = tables(&backend)?;
        let (mut traditional, mut simplified) = (BitSet::new(), BitSet::new());
        let mut table = vec![0u32; (TABLE_END - TABLE_START + 1) as usize];
        let mut multi = std::collections::HashMap::new();
        for (c, out) in &t2s {
            traditional.set(*c);
            let mut chars = out.chars();
            table[(*c as u32 - TABLE_START) as usize] = match (chars.next(), chars.next()) {
                (Some(one), None) => one as u32,
                _ => {
                    multi.insert(*c, out.clone());
                    MULTI
                }
            };
        }
        for (c, _) in &s2t {
            if !traditional.has(*c as u32) {
                simplified.set(*c);
            }
        }
        let mut context = BitSet::new();
        CONTEXT_CHARS.chars().for_each(|c| context.set(c));
        let mut class = Box::new([0u8; 0x10000]);
        for u in 0x3400..0x10000u32 {
            class[u as usize] = traditional.has(u) as u8 * TRADITIONAL
                | simplified.has(u) as u8 * SIMPLIFIED
                | context.has(u) as u8 * CONTEXT
                | is_han(u) as u8 * HAN;
        }
        let mut phrase_start = vec![0u16; table.len()];
        let mut phrase_groups: Vec<Vec<&'static str>> = Vec::new();
        let mut phrase_first = BitSet::new();
        for key in ts_phrase_keys() {
            key.chars().next().inspect(|&c| phrase_first.set(c));
            let first = key.chars().next().map_or(0, |c| c as u32);
            if !(TABLE_START..=TABLE_END).contains(&first) {
                return Err(format!("t2s phrase {key} starts outside the character table"));
            }
            let slot = &mut phrase_start[(first - TABLE_START) as usize];
            if *slot == 0 {
                phrase_groups.push(Vec::new());
                *slot = phrase_groups.len() as u16;
            }
            phrase_groups[*slot as usize - 1].push(key);
        }
        let pairs: Vec<&(String, String)> = pairs.iter().filter(|(f, _)| !f.is_empty()).collect();
        let protect = if pairs.is_empty() {
            None
        } else {
            let ac = AhoCorasickBuilder::new()
                .match_kind(MatchKind::LeftmostLongest)
                .build(pairs.iter().map(|(f, _)| f))
                .map_err(|e| format!("protected phrases: {e}"))?;
            Some((ac, pairs.iter().map(|(_, o)| o.clone()).collect()))
        };
        for u in 0x3400..0x10000u32 {
            class[u as usize] |= phrase_first.has(u) as u8 * PHRASE_FIRST;
        }
        Ok(Converter {
            backend,
            traditional,
            table,
            multi,
            phrase_start,
            phrase_groups,
            class,
            protect,
        })
    }

    /// Whether `c` is a character t2s changes.
    pub fn is_traditional(&self, c: char) -> bool {
        self.traditional.has(c as u32)
    }

    /// Converts `text` to Simplified line by line, converting only lines with
    /// a Traditional-only character; returns the script counts of the input.
    pub fn to_simplified(&self, text: &str, out: &mut String) -> Counts {
        let mut counts = Counts::default();
        out.reserve(text.len());
        let mut batch = Batch::default();
        // Lines with their line breaks (memchr's search is faster than
        // `split_inclusive`'s on long texts).
        let mut from = 0;
        let ends = memchr::memchr_iter(b'\n', text.as_bytes()).map(|i| i + 1).chain((!text.is_empty() && !text.ends_with('\n')).then_some(text.len()));
        for end in ends {
            let line = &text[from..end];
            from = end;
            let (t, s, context) = self.count(line);
            counts.traditional += t;
            counts.simplified += s;
            if t == 0 && !context {
                out.push_str(line);
            } else {
                self.convert_protected(line, out, &mut batch);
            }
        }
        self.finish(batch, out);
        counts
    }

    /// Converts the batched windows in one call and puts each output at its
    /// place in `out`.
    fn finish(&self, batch: Batch, out: &mut String) {
        if batch.slots.is_empty() {
            return;
        }
        let converted = self.backend.convert(&batch.text);
        let pieces: Vec<&str> = converted.split('\n').collect();
        let fallback: Vec<String>;
        let pieces: Vec<&str> = if pieces.len() == batch.slots.len() {
            pieces
        } else {
            // The converter changed the line count: convert window by window.
            fallback = batch
                .text
                .split('\n')
                .map(|w| self.backend.convert(w))
                .collect();
            fallback.iter().map(String::as_str).collect()
        };
        let mut result = String::with_capacity(out.len() + converted.len());
        let mut last = 0;
        for (&slot, piece) in batch.slots.iter().zip(pieces) {
            result.push_str(&out[last..slot]);
            result.push_str(piece);
            last = slot;
        }
        result.push_str(&out[last..]);
        *out = result;
    }

    /// Traditional-only and Simplified-only characters of `line`, and whether
    /// it holds a [`CONTEXT_CHARS`] character.
    fn count(&self, line: &str) -> (usize, usize, bool) {
        let (mut t, mut s, mut seen) = (0, 0, 0u8);
        // Only three-byte UTF-8 sequences can be CJK in the BMP; skip the rest
        // without decoding.
        let b = line.as_bytes();
        let mut i = 0;
        while i < b.len() {
            let x = b[i];
            if x < 0xE0 {
                i += 1;
                continue;
            }
            if x < 0xF0 && i + 2 < b.len() {
                let u = ((x as u32 & 0x0F) << 12)
                    | ((b[i + 1] as u32 & 0x3F) << 6)
                    | (b[i + 2] as u32 & 0x3F);
                // Zero below U+3400.
                let k = self.class[u as usize];
                t += (k & TRADITIONAL) as usize;
                s += ((k & SIMPLIFIED) >> 1) as usize;
                seen |= k;
                i += 3;
            } else {
                i += 4;
            }
        }
        (t, s, seen & CONTEXT != 0)
    }

    fn convert_protected(&self, text: &str, out: &mut String, batch: &mut Batch) {
        let Some((ac, outputs)) = &self.protect else {
            self.convert_han_runs(text, out, batch);
            return;
        };
        let mut last = 0;
        for m in ac.find_iter(text) {
            if m.start() > last {
                self.convert_han_runs(&text[last..m.start()], out, batch);
            }
            out.push_str(&outputs[m.pattern().as_usize()]);
            last = m.end();
        }
        if last < text.len() {
            self.convert_han_runs(&text[last..], out, batch);
        }
    }

    /// Converts the runs of Han characters and copies the rest (ASCII,
    /// digits, punctuation): no dictionary entry holds anything but Han
    /// characters, so the converter's matches never cross a run's ends and
    /// the result is the converter's on the whole text, for less work.
    ///
    /// A run is converted character by character from the table, unless it
    /// holds a phrase key or a character outside the table, when the
    /// converter takes the whole run (batched, see [`Batch`]). Unchanged
    /// characters are copied a stretch at a time.
    fn convert_han_runs(&self, text: &str, out: &mut String, batch: &mut Batch) {
        let b = text.as_bytes();
        // text[..copied] is in `out`.
        let mut copied = 0;
        // Where the current run of Han characters starts, and `out`'s length there.
        let mut run: Option<(usize, usize)> = None;
        let mut i = 0;
        while i < b.len() {
            if b[i] < 0x80 {
                run = None;
                i += 1;
                continue;
            }
            let (u, len) = decode(text, i);
            // The bits of a BMP character; none of the sets holds one past it.
            let k = if u < 0x10000 { self.class[u as usize] } else { 0 };
            if k & HAN == 0 && (u < 0x10000 || !is_han(u)) {
                run = None;
                i += len;
                continue;
            }
            let (start, mark) = *run.get_or_insert_with(|| {
                out.push_str(&text[copied..i]);
                copied = i;
                (i, out.len())
            });
            let whole = u > TABLE_END || k & PHRASE_FIRST != 0 && {
                let group = self.phrase_start[(u - TABLE_START) as usize];
                group != 0 && self.phrase_groups[group as usize - 1].iter().any(|k| text[i..].starts_with(k))
            };
            if whole {
                out.truncate(mark);
                let mut end = i + len;
                while end < b.len() {
                    let (v, l) = decode(text, end);
                    if !is_han(v) {
                        break;
                    }
                    end += l;
                }
                batch.add(&text[start..end], out.len());
                copied = end;
                run = None;
                i = end;
                continue;
            }
            // `traditional` holds the characters with a `table` entry.
            if k & TRADITIONAL != 0 {
                let to = self.table[(u - TABLE_START) as usize];
                out.push_str(&text[copied..i]);
                let c = char::from_u32(u).unwrap_or(char::REPLACEMENT_CHARACTER);
                match to {
                    0 => out.push(c),
                    MULTI => out.push_str(&self.multi[&c]),
                    v => out.push(char::from_u32(v).unwrap_or(c)),
                }
                copied = i + len;
            }
            i += len;
        }
        out.push_str(&text[copied..]);
    }

    /// The converter alone on `text` (tests: the table path must agree).
    pub fn backend_convert(&self, text: &str) -> String {
        self.backend.convert(text)
    }

    /// Converts a whole text with protection and no line skipping (tests).
    pub fn convert_all(&self, text: &str) -> String {
        let mut out = String::new();
        let mut batch = Batch::default();
        self.convert_protected(text, &mut out, &mut batch);
        self.finish(batch, &mut out);
        out
    }
}

/// Every CJK code point of the BMP converted alone (one a line, in one call):
/// the characters the converter changes, with their output.
fn char_table(conv: &Backend) -> Result<Vec<(char, String)>, String> {
    let chars: Vec<char> = (0x3400u32..=0x4DBF)
        .chain(0x4E00..=0x9FFF)
        .chain(0xF900..=TABLE_END)
        .filter_map(char::from_u32)
        .collect();
    let mut input = String::with_capacity(chars.len() * 4);
    for c in &chars {
        input.push(*c);
        input.push('\n');
    }
    let output = conv.convert(&input);
    let lines: Vec<&str> = output.split('\n').collect();
    if lines.len() != chars.len() + 1 {
        return Err(format!(
            "converter changed the line count of its character table ({} lines)",
            lines.len()
        ));
    }
    Ok(chars
        .iter()
        .zip(&lines)
        .filter(|(c, l)| l.chars().ne(std::iter::once(**c)))
        .map(|(c, l)| (*c, l.to_string()))
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::Catalog;

    #[test]
    fn embedded_tables_are_ferrous_opencc_s() {
        let live = ferrous_tables_text().unwrap();
        assert!(
            live == FERROUS_TABLES,
            "src/load/t2s_tables.txt is stale: run `cargo run --example t2s_tables > src/load/t2s_tables.txt`"
        );
        let (t, s) = parse_tables(FERROUS_TABLES);
        assert!(t.len() > 2000 && s.len() > 2000, "{} {}", t.len(), s.len());
    }

    fn conv() -> Converter {
        Converter::new(
            Backend::default_t2s().unwrap(),
            &Catalog::embedded().protect_pairs(),
        )
        .unwrap()
    }

    #[test]
    fn traditional_becomes_simplified_and_ascend_survives() {
        let c = conv();
        let mut out = String::new();
        let n = c.to_simplified("華為昇騰910B與英偉達A800\n华为昇腾910B的价格\n", &mut out);
        assert_eq!(out, "华为昇腾910B与英伟达A800\n华为昇腾910B的价格\n");
        assert!(n.traditional >= 3, "{n:?}");
    }

    /// The table path gives what the converter gives, on every corpus line
    /// and on phrases (反覆, 瞭解, 乾燥) that only convert in context.
    #[test]
    fn table_path_agrees_with_the_converter() {
        let c = Converter::new(Backend::default_t2s().unwrap(), &[]).unwrap();
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus");
        let mut lines: Vec<String> = Vec::new();
        for e in std::fs::read_dir(dir).unwrap() {
            let p = e.unwrap().path();
            if p.extension().is_some_and(|x| x == "txt") {
                lines.extend(
                    std::fs::read_to_string(p)
                        .unwrap()
                        .lines()
                        .map(str::to_string),
                );
            }
        }
        assert!(lines.len() > 500);
        lines.push("他反覆強調,我們瞭解到乾燥的天氣,一目瞭然,沈默是金,答覆了記者".to_string());
        lines.push("乾隆年間,著名的藉口;發展了電腦與計算機,萬一,出發".to_string());
        // The long keys, and keys that overlap or hold one another.
        lines.push("書中自有千鍾粟,酒逢知己千鍾少話不投機半句多,大目乾連冥間救母變文".to_string());
        lines.push("宫商角徵羽;衹見樹木不見森林,旋轉乾坤之力,藉寇兵齎盜糧,乾坤大挪移".to_string());
        lines.push("大大大有有有一一一反覆覆覆蓋酒酒酒書書衹衹得藉藉無名乾乾淨淨".to_string());
        // Han characters beyond the BMP (outside the table) inside runs.
        lines.push("𠮷野家與臺灣的發展;一𠀀乾坤,發𠀀展,𠮷,說明𠮷".to_string());
        // Every key in plain context, its halves, all in a row, reversed and
        // among context characters.
        let keys: Vec<&str> = ts_phrase_keys().collect();
        // Runs end at anything else: a key must be Han characters only.
        assert!(keys.iter().all(|k| k.chars().all(crate::text::is_han)));
        for k in &keys {
            let mid = k.char_indices().nth(k.chars().count() / 2).map_or(0, |(i, _)| i);
            lines.push(format!("是{k}的,是{}的,是{}的", &k[..mid], &k[mid..]));
        }
        lines.push(keys.concat());
        lines.push(keys.concat().chars().rev().collect());
        lines.push(keys.iter().flat_map(|k| [*k, "覆瞭藉"]).collect());
        for line in &lines {
            assert_eq!(c.convert_all(line), c.backend_convert(line), "{line}");
        }
        // Line skipping included: whole texts, Simplified lines with context
        // phrases among them.
        let mut text = lines.join("\n");
        text.push_str("\n我们反覆强调\n一目瞭然\n沈默是金\n覆盖全国\n");
        let mut out = String::new();
        c.to_simplified(&text, &mut out);
        assert_eq!(out, c.backend_convert(&text));
    }

    /// Skipping a line without Traditional-only characters is safe only if
    /// every phrase key made of other characters that the converter changes
    /// (彷徨 stays 彷徨) holds a `CONTEXT_CHARS` one.
    #[test]
    fn every_all_simplified_phrase_key_holds_a_context_char() {
        let c = Converter::new(Backend::default_t2s().unwrap(), &[]).unwrap();
        for key in ts_phrase_keys() {
            if !key.chars().any(|ch| c.is_traditional(ch)) && c.backend_convert(key) != key {
                assert!(
                    key.chars().any(|ch| CONTEXT_CHARS.contains(ch)),
                    "phrase key {key} has no Traditional-only or context character"
                );
            }
        }
    }

    #[test]
    fn simplified_lines_are_copied() {
        let c = conv();
        let line = "英伟达芯片价格暴涨的背后,离不开美国商务部工业与安全局出台的新规定。";
        let mut out = String::new();
        let n = c.to_simplified(line, &mut out);
        assert_eq!(out, line);
        assert_eq!(n.traditional, 0);
        assert!(n.simplified >= 5);
        assert_eq!(n.script(), Script::Simplified);
    }

    #[test]
    fn script_is_decided_by_the_dominant_characters() {
        let c = conv();
        let trad = "從事大模型開發的國內創業者李鵬,最近切身感受了一把AI芯片行業的瘋狂。".repeat(20);
        let simp = "从事大模型开发的国内创业者李鹏,最近切身感受了一把AI芯片行业的疯狂。".repeat(20);
        let script = |s: &str| c.to_simplified(s, &mut String::new()).script();
        assert_eq!(script(&trad), Script::Traditional);
        assert_eq!(
            script(&format!("{trad}\n版权所有,转载请注明来源")),
            Script::Traditional
        );
        assert_eq!(script(&format!("{trad}\n{simp}")), Script::Mixed);
        assert!(c.is_traditional('騰') && !c.is_traditional('腾'));
    }
}

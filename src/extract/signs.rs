//! Signs: which of a few telling characters a sentence holds, found in one
//! pass with a table over the BMP. A reader whose words all hold one of them
//! skips a sentence without it before scanning for the words themselves (a
//! money amount needs a currency, a percentage needs %, 成, 半, / or 分之).
//!
//! One sign is told by pairs of characters: [`EXPORT_CUE`], every pair of
//! neighbouring characters of some export-control trigger word (禁止, 出口,
//! 中国特供: 中国, 国特 and 特供) somewhere in the sentence.
//!
//! A sign only ever says "maybe": every reader still checks its own words on
//! the sentences that pass, so the signs change what is scanned, never what
//! is found.

use std::sync::LazyLock;

use super::text::{bmp_code, utf8_at, utf8_at as decode};

/// %, /, 成, 半: percentages (with 分之, see [`FEN`] and [`ZHI`]).
pub const PERCENT: u8 = 1;
/// 分 of 分之.
pub const FEN: u8 = 1 << 1;
/// 之 of 分之.
pub const ZHI: u8 = 1 << 2;
/// A character of every currency word of the lexicon, derived from it
/// ([`CURRENCY_COVER`]): 元 币 块 圆 $ ¥ ￥ €, and 金 of 美金 (美 alone is
/// mostly 美国).
pub const CURRENCY: u8 = 1 << 3;
/// A letter that starts a Latin currency code of the lexicon (USD, RMB, CNY).
pub const CURRENCY_LETTER: u8 = 1 << 4;
/// Every character pair of a word of [`super::export::TRIGGER_LISTS`].
pub const EXPORT_CUE: u8 = 1 << 5;
/// In the table only: a character that starts a pair of a trigger word.
const TRIGGER_PAIR_START: u8 = 1 << 6;
/// In the table only: a character that ends a pair of a trigger word.
const TRIGGER_PAIR_END: u8 = 1 << 7;

// The percent signs are the number grammar's (src/extract/number.rs), not
// words of a list; the currency signs and the trigger pairs are derived from
// the lexicon.
const SIGNS: &[(&str, u8)] = &[("%/成半", PERCENT), ("分", FEN), ("之", ZHI)];

/// What tells the currency words of the lexicon: characters such that every
/// word that is not a Latin code holds one of them ([`CURRENCY`]), and the
/// Latin codes, each told by its first letter ([`CURRENCY_LETTER`]) before
/// it is looked for.
pub struct CurrencyCover {
    pub chars: Vec<char>,
    pub codes: Vec<&'static str>,
    /// For each character of `chars`, the words that hold it, with its
    /// byte offset in each: a sign is only a "maybe" (金 of 现金, 币 of
    /// 比特币, 圆 of 晶圆), these tell whether a word is there.
    words: Vec<(char, Vec<(&'static str, usize)>)>,
}

impl CurrencyCover {
    /// Whether `text` holds a currency word that is no Latin code: one of
    /// the words around a character of the cover (美金, not the 金 of
    /// 现金 or 黄金; 人民币, not the 币 of 比特币).
    pub fn names_word(&self, text: &str) -> bool {
        let table = &**TABLE;
        text.char_indices().any(|(i, c)| {
            // (Most characters carry no sign: the table tells at once.)
            ((c as u32) >= 0x10000 || table[c as usize] & CURRENCY != 0)
                && self.words.iter().find(|(k, _)| *k == c).is_some_and(|(_, ws)| {
                    ws.iter().any(|&(w, at)| i >= at && text.get(i - at..).is_some_and(|t| t.starts_with(w)))
                })
        })
    }
}

/// Derived from the lexicon's currency words, before, after and spoken.
pub static CURRENCY_COVER: LazyLock<CurrencyCover> = LazyLock::new(|| {
    let lex = crate::lexicon::get();
    currency_cover(["after", "before", "spoken"].iter().flat_map(|p| lex.currency_words(p)).map(|(_, w)| w))
});

/// Shortest words first: a word that holds a character already chosen needs
/// none of its own; else its last character that is no ASCII letter or digit
/// is chosen (美金 → 金, 日圆 → 圆), so a few characters tell them all.
fn currency_cover(words: impl Iterator<Item = &'static str>) -> CurrencyCover {
    let mut words: Vec<&str> = words.collect();
    words.sort_by_key(|w| (w.chars().count(), *w));
    words.dedup();
    let mut chars: Vec<char> = Vec::new();
    let mut codes = Vec::new();
    for &w in &words {
        if w.chars().all(|c| c.is_ascii_alphabetic()) {
            codes.push(w);
        } else if !w.chars().any(|c| chars.contains(&c)) {
            let c = w.chars().rev().find(|c| !c.is_ascii_alphanumeric() && (*c as u32) < 0x10000);
            chars.push(c.unwrap_or_else(|| w.chars().next_back().expect("no empty words")));
        }
    }
    let words = chars
        .iter()
        .map(|&c| (c, words.iter().filter_map(|&w| w.find(c).map(|at| (w, at))).collect()))
        .collect();
    CurrencyCover { chars, codes, words }
}

/// The sign bits of every BMP character: the listed signs ([`BASE`]), the
/// currency signs of the lexicon and the characters of the trigger pairs.
static TABLE: LazyLock<Box<[u8; 0x10000]>> = LazyLock::new(|| {
    let mut t = Box::new(BASE);
    for w in super::export::TRIGGER_LISTS.iter().flat_map(|l| l.iter()) {
        let mut chars = w.chars().map(bmp_code);
        let Some(mut prev) = chars.next() else { continue };
        for u in chars {
            t[prev as usize] |= TRIGGER_PAIR_START;
            t[u as usize] |= TRIGGER_PAIR_END;
            prev = u;
        }
    }
    for &c in &CURRENCY_COVER.chars {
        // A character outside the BMP decodes as 0, which then stands for
        // every such character: a sign only says "maybe".
        t[if (c as u32) < 0x10000 { c as usize } else { 0 }] |= CURRENCY;
    }
    for w in &CURRENCY_COVER.codes {
        t[w.as_bytes()[0] as usize] |= CURRENCY_LETTER;
    }
    t
});

/// For each block of 64 BMP code points (a three-byte character's first two
/// bytes), whether any character in it has a sign bit in [`TABLE`]: most
/// Han characters are told to have none without their third byte.
static BLOCKS: LazyLock<Box<[bool; 1024]>> = LazyLock::new(|| {
    let mut b = Box::new([false; 1024]);
    for (k, block) in TABLE.chunks(64).enumerate() {
        b[k] = block.iter().any(|&t| t != 0);
    }
    b
});

/// The sign bits of the listed signs.
static BASE: [u8; 0x10000] = {
    let mut t = [0u8; 0x10000];
    let mut k = 0;
    while k < SIGNS.len() {
        let (chars, sign) = SIGNS[k];
        let b = chars.as_bytes();
        let mut i = 0;
        while i < b.len() {
            let (u, len) = decode(b, i);
            t[u as usize] |= sign;
            i += len;
        }
        k += 1;
    }
    t
};

/// Room for this many distinct character pairs of trigger words.
const MAX_PAIRS: usize = 448;
type PairSet = [u64; MAX_PAIRS / 64];

/// The character pairs of the trigger words (`first << 16 | second`,
/// sorted), and for each word the set of its pairs.
struct TriggerPairs {
    pairs: Vec<u32>,
    words: Vec<PairSet>,
    /// For each pair, the words whose first pair it is (indices in
    /// `words`): a word all of whose pairs a sentence holds is among those
    /// of a pair it holds.
    by_first: Vec<Vec<u16>>,
    /// A bit for the hash ([`pair_bit`]) of every pair in `pairs`: most
    /// neighbouring characters that could each belong to a pair are no pair,
    /// and a clear bit says so without the binary search.
    maybe: [u64; PAIR_BITS / 64],
    /// A trigger word of one character, or more pairs than there is room
    /// for (words added with --lexicon): the pairs cannot tell, and every
    /// sentence may hold a trigger.
    always: bool,
}

const PAIR_BITS: usize = 4096;

/// The bit of a pair in [`TriggerPairs::maybe`].
fn pair_bit(pair: u32) -> usize {
    (pair.wrapping_mul(0x9E37_79B1) >> 20) as usize % PAIR_BITS
}

fn pairs_of(word: &str) -> impl Iterator<Item = u32> + '_ {
    word.chars().zip(word.chars().skip(1)).map(|(a, b)| ((a as u32) << 16) | b as u32)
}

static TRIGGER_PAIRS: LazyLock<TriggerPairs> = LazyLock::new(|| {
    let all = || super::export::TRIGGER_LISTS.iter().flat_map(|l| l.iter());
    let mut pairs: Vec<u32> = all().flat_map(|w| pairs_of(w)).collect();
    pairs.sort_unstable();
    pairs.dedup();
    let always = pairs.len() > MAX_PAIRS || all().any(|w| w.chars().nth(1).is_none());
    pairs.truncate(MAX_PAIRS);
    let words = all()
        .map(|w| {
            let mut set = [0u64; MAX_PAIRS / 64];
            for p in pairs_of(w) {
                if let Ok(k) = pairs.binary_search(&p) {
                    set[k / 64] |= 1 << (k % 64);
                }
            }
            set
        })
        .collect();
    let mut maybe = [0u64; PAIR_BITS / 64];
    for &p in &pairs {
        maybe[pair_bit(p) / 64] |= 1 << (pair_bit(p) % 64);
    }
    let mut by_first = vec![Vec::new(); pairs.len()];
    for (k, w) in all().enumerate() {
        // A word whose first pair has no room is told by `always`.
        if let Some(Ok(p)) = pairs_of(w).next().map(|p| pairs.binary_search(&p)) {
            by_first[p].push(k as u16);
        }
    }
    TriggerPairs { pairs, words, by_first, maybe, always }
});

/// The signs of `text`.
pub fn of(text: &str) -> u8 {
    let mut signs = 0;
    let mut seen: PairSet = [0; MAX_PAIRS / 64];
    // The last character when it starts a trigger pair, else 0 (which
    // starts none: it is no character of a word).
    let mut pair_start = 0;
    let pairs = &*TRIGGER_PAIRS;
    let table = &**TABLE;
    let blocks = &**BLOCKS;
    let b = text.as_bytes();
    let mut i = 0;
    while i < b.len() {
        let x = b[i];
        // The BMP code point ([`bmp_code`]); a character outside the BMP has
        // the bits of 0 ([`TABLE`]).
        let u = if x < 0x80 {
            i += 1;
            x as u32
        } else if (0xE0..0xF0).contains(&x) && i + 2 < b.len() {
            let block = ((x as u32 & 0x0F) << 6) | (b[i + 1] as u32 & 0x3F);
            i += 3;
            if !blocks[block as usize] {
                pair_start = 0;
                continue;
            }
            (block << 6) | (b[i - 1] as u32 & 0x3F)
        } else {
            let (u, len) = utf8_at(b, i);
            i += len;
            u
        };
        let t = table[u as usize];
        // Most characters have no sign and are in no pair.
        if t == 0 {
            pair_start = 0;
            continue;
        }
        signs |= t;
        let pair = (pair_start << 16) | u;
        if pair_start != 0
            && t & TRIGGER_PAIR_END != 0
            && pairs.maybe[pair_bit(pair) / 64] & (1 << (pair_bit(pair) % 64)) != 0
            && let Ok(k) = pairs.pairs.binary_search(&pair)
        {
            seen[k / 64] |= 1 << (k % 64);
        }
        pair_start = if t & TRIGGER_PAIR_START != 0 { u } else { 0 };
    }
    // The words of each pair seen first: a word all of whose pairs are seen
    // has its first pair seen.
    let all_seen = |w: &PairSet| w.iter().zip(&seen).all(|(w, s)| w & s == *w);
    let any_word = || {
        seen.iter().enumerate().any(|(chunk, &bits)| {
            let mut bits = bits;
            while bits != 0 {
                let k = chunk * 64 + bits.trailing_zeros() as usize;
                bits &= bits - 1;
                if pairs.by_first[k].iter().any(|&w| all_seen(&pairs.words[w as usize])) {
                    return true;
                }
            }
            false
        })
    };
    if pairs.always || any_word() {
        signs |= EXPORT_CUE;
    }
    signs & !(TRIGGER_PAIR_START | TRIGGER_PAIR_END)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn signs_of_real_sentences() {
        let price = of("A100的售价一度炒到了15万元一张");
        assert!(price & CURRENCY != 0 && price & PERCENT == 0);
        assert!(of("H20单卡售价约1.2万美金") & CURRENCY != 0);
        assert!(of("售价为20000 USD") & CURRENCY_LETTER != 0);
        assert!(of("英伟达占据了中国AI芯片市场90%以上的份额") & PERCENT != 0);
        assert!(of("华为昇腾拿下近两成市场") & PERCENT != 0);
        let third = of("国产芯片占到了三分之一");
        assert!(third & FEN != 0 && third & ZHI != 0 && third & PERCENT == 0);
        assert_eq!(of("英伟达发布了新一代Blackwell架构芯片"), 0);
        assert_eq!(of("新一代GPU") & CURRENCY_LETTER, CURRENCY_LETTER);
        assert_eq!(of(""), 0);
        // Two-byte ¥ and four-byte characters.
        assert!(of("¥9999") & CURRENCY != 0);
        assert_eq!(of("𠀀𠀁"), 0);
    }

    #[test]
    fn export_cues_are_told_by_their_first_two_characters() {
        assert!(TRIGGER_PAIRS.pairs.len() < MAX_PAIRS, "raise MAX_PAIRS");
        for w in super::super::export::TRIGGER_LISTS.iter().flat_map(|l| l.iter()) {
            assert!(w.chars().count() >= 2 && w.chars().all(|c| (c as u32) < 0x10000), "{w}");
            assert_ne!(of(w) & EXPORT_CUE, 0, "{w}");
            assert_ne!(of(&format!("据悉,{w}")) & EXPORT_CUE, 0, "{w}");
        }
        assert_ne!(of("美国商务部宣布禁止向中国出口A100芯片") & EXPORT_CUE, 0);
        assert_ne!(of("英伟达H20被纳入管制") & EXPORT_CUE, 0);
        assert_eq!(of("英伟达发布了新一代Blackwell架构芯片") & EXPORT_CUE, 0);
        // 出 and 口 apart are no cue; nor is every pair of a word, scattered.
        assert_eq!(of("出货量大增,口碑不错") & EXPORT_CUE, 0);
        assert_eq!(of("中国的特色,国特别供给,特供") & EXPORT_CUE, EXPORT_CUE);
        assert_eq!(of("中国市场的需求") & EXPORT_CUE, 0);
    }

    #[test]
    fn the_currency_signs_derived_from_the_lexicon() {
        let mut chars = CURRENCY_COVER.chars.clone();
        chars.sort();
        assert_eq!(chars.into_iter().collect::<String>(), "$£¥€₱元刀吉圆块币盾索纸蚊金铢镁镑￥");
        assert_eq!(CURRENCY_COVER.codes, vec!["RM", "CNY", "HKD", "MOP", "RMB", "SGD", "USD"]);
        let cover = currency_cover(["英镑", "镑", "GBP", "£"].into_iter());
        assert_eq!(cover.chars, vec!['£', '镑']);
        assert_eq!(cover.codes, vec!["GBP"]);
    }

    #[test]
    fn every_listed_character_has_its_sign() {
        for (chars, sign) in SIGNS {
            for c in chars.chars() {
                assert_eq!(of(&c.to_string()), *sign, "{c}");
            }
        }
    }
}

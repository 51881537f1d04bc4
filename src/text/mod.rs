//! Text primitives shared by the loader ([`crate::load`]) and the extractor
//! ([`crate::extract`]): stepping through UTF-8, character sets, which
//! characters are Han, the lines of a text with their byte offsets, word
//! lists searched in one pass ([`words`]) and the shape of page lines
//! (captions, menus, notices, the title: [`page`]).
//!
//! Nothing here knows about chips or prices; the words it looks for come
//! from the lexicon ([`crate::lexicon`]).

pub mod page;
pub mod words;

/// The lines of `text` (split at `\n`) and the byte offset each starts at.
/// (As `text.split('\n')`, from one search of the whole text for the
/// breaks: a search per line costs more to start than the line.)
pub fn lines_with_starts(text: &str) -> (Vec<&str>, Vec<usize>) {
    let mut lines = Vec::new();
    let mut starts = Vec::new();
    let mut from = 0;
    for end in memchr::memchr_iter(b'\n', text.as_bytes()) {
        lines.push(&text[from..end]);
        starts.push(from);
        from = end + 1;
    }
    lines.push(&text[from..]);
    starts.push(from);
    (lines, starts)
}

/// The `n` characters of `s` before byte `at`.
pub fn chars_before(s: &str, at: usize, n: usize) -> &str {
    let at = s.floor_char_boundary(at.min(s.len()));
    let start = s[..at].char_indices().rev().nth(n.saturating_sub(1)).map_or(0, |(i, _)| i);
    &s[start..at]
}

/// The `n` characters of `s` from byte `at`.
pub fn chars_after(s: &str, at: usize, n: usize) -> &str {
    let at = s.ceil_char_boundary(at.min(s.len()));
    let end = s[at..].char_indices().nth(n).map_or(s.len(), |(i, _)| at + i);
    &s[at..end]
}

/// The char at byte `p`, with the byte offset after it.
pub fn char_at(text: &str, p: usize) -> Option<(char, usize)> {
    let c = text.get(p..)?.chars().next()?;
    Some((c, p + c.len_utf8()))
}

/// The BMP code point of the one-, two- or three-byte UTF-8 character at
/// `b[i]`, and its length; a four-byte character gives 0 (outside the BMP).
/// `b[i]` must begin a character of valid UTF-8.
#[inline(always)]
pub const fn utf8_at(b: &[u8], i: usize) -> (u32, usize) {
    let x = b[i];
    if x < 0x80 {
        (x as u32, 1)
    } else if x < 0xE0 {
        (((x as u32 & 0x1F) << 6) | (b[i + 1] as u32 & 0x3F), 2)
    } else if x < 0xF0 {
        (((x as u32 & 0x0F) << 12) | ((b[i + 1] as u32 & 0x3F) << 6) | (b[i + 2] as u32 & 0x3F), 3)
    } else {
        (0, 4)
    }
}

/// The code point of a BMP character, and 0 for one past the BMP: the code
/// [`utf8_at`] gives, for loops that walk a text with `str::chars` (which
/// needs no bounds checks).
#[inline(always)]
pub const fn bmp_code(c: char) -> u32 {
    if (c as u32) < 0x10000 { c as u32 } else { 0 }
}

/// A set of BMP characters, as bits.
pub struct CharSet([u64; 1024]);

impl CharSet {
    /// `chars` must hold BMP characters only.
    pub const fn of(chars: &str) -> CharSet {
        let b = chars.as_bytes();
        let mut bits = [0u64; 1024];
        let mut i = 0;
        while i < b.len() {
            let (u, len) = utf8_at(b, i);
            bits[(u / 64) as usize] |= 1 << (u % 64);
            i += len;
        }
        CharSet(bits)
    }

    /// Adds a BMP character (`u` below 0x10000).
    pub fn insert(&mut self, u: u32) {
        self.0[(u / 64) as usize] |= 1 << (u % 64);
    }

    /// Whether the set holds no character of the three-byte UTF-8 sequence
    /// starting at `b[i]`'s block of 64 code points, told from its first two
    /// bytes without the third (false when `b[i]` starts no three-byte
    /// character): a loop over a text steps over such a character whole.
    #[inline(always)]
    pub fn misses_block_at(&self, b: &[u8], i: usize) -> bool {
        let x = b[i];
        (0xE0..0xF0).contains(&x) && i + 2 < b.len() && self.0[(((x as usize) & 0x0F) << 6) | (b[i + 1] as usize & 0x3F)] == 0
    }

    #[inline]
    pub fn has(&self, u: u32) -> bool {
        u < 0x10000 && self.0[(u / 64) as usize] & (1 << (u % 64)) != 0
    }
}

/// The char ending at byte `p`.
pub fn char_before(text: &str, p: usize) -> Option<char> {
    text.get(..p)?.chars().next_back()
}

/// A space inside a line: ASCII, ideographic, no-break or tab.
pub fn is_space(c: char) -> bool {
    c == ' ' || c == '\u{3000}' || c == '\u{a0}' || c == '\t'
}

/// The offset after the spaces at byte `p`.
pub fn skip_spaces(text: &str, mut p: usize) -> usize {
    while let Some((c, n)) = char_at(text, p) {
        if !is_space(c) {
            break;
        }
        p = n;
    }
    p
}

/// Value of a plain Chinese digit: 零 and 〇 are 0, 一 to 九 are 1 to 9.
/// The one digit reader of the dates (二〇二三年, 十月二十日) and, through
/// [`cn_numeral_digit`], of the amounts.
#[inline(always)]
pub fn cn_digit(c: char) -> Option<u8> {
    Some(match c {
        '零' | '〇' => 0,
        '一' => 1,
        '二' => 2,
        '三' => 3,
        '四' => 4,
        '五' => 5,
        '六' => 6,
        '七' => 7,
        '八' => 8,
        '九' => 9,
        _ => return None,
    })
}

/// Value of a digit of an amount: a plain digit ([`cn_digit`]), 两 (and 兩)
/// for 2, or a financial form (壹, 贰, 貳, 叁, 參, 肆, 伍, 陆, 陸, 柒, 捌, 玖).
/// Dates take plain digits only.
#[inline(always)]
pub fn cn_numeral_digit(c: char) -> Option<u8> {
    cn_digit(c).or(match c {
        '壹' => Some(1),
        '贰' | '两' | '兩' | '貳' => Some(2),
        '叁' | '參' => Some(3),
        '肆' => Some(4),
        '伍' => Some(5),
        '陆' | '陸' => Some(6),
        '柒' => Some(7),
        '捌' => Some(8),
        '玖' => Some(9),
        _ => None,
    })
}

/// A vowel with a pinyin tone mark.
pub fn is_toned_vowel(c: char) -> bool {
    "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ".contains(c)
}

/// A Han character: every CJK Unified Ideographs block (the main block and
/// extensions A to I) and the compatibility ideographs (with their
/// supplement). The one definition the loader and the extractor share.
pub fn is_han(c: char) -> bool {
    matches!(
        c,
        '\u{3400}'..='\u{4DBF}'       // extension A
            | '\u{4E00}'..='\u{9FFF}' // unified ideographs
            | '\u{F900}'..='\u{FAFF}' // compatibility ideographs
            | '\u{20000}'..='\u{2A6DF}' // extension B
            | '\u{2A700}'..='\u{2EE5F}' // extensions C, D, E, F, I
            | '\u{2F800}'..='\u{2FA1F}' // compatibility ideographs supplement
            | '\u{30000}'..='\u{323AF}' // extensions G, H
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn char_windows_respect_boundaries() {
        let s = "消费级游戏显卡4090来跑推理";
        let at = s.find("4090").unwrap();
        assert_eq!(chars_before(s, at, 2), "显卡");
        assert_eq!(chars_after(s, at + 4, 3), "来跑推");
        assert_eq!(chars_before(s, 0, 3), "");
        assert_eq!(chars_after(s, s.len(), 3), "");
    }

    #[test]
    fn han_covers_every_ideograph_block() {
        for c in ['中', '㐀', '鿿', '\u{F900}', '𠀀', '𪜀', '𫝀', '𫠠', '𬺰', '𮯰', '\u{2F800}', '𰀀', '𱍐'] {
            assert!(is_han(c), "{c} U+{:X}", c as u32);
        }
        for c in ['a', '1', '。', '，', 'ア', '가', '\u{2FA20}', '\u{323B0}'] {
            assert!(!is_han(c), "{c}");
        }
    }

    #[test]
    fn lines_and_their_offsets() {
        let (lines, starts) = lines_with_starts("一\n\n二三\n");
        assert_eq!(lines, vec!["一", "", "二三", ""]);
        assert_eq!(starts, vec![0, 4, 5, 12]);
    }
}

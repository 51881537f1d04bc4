//! Cleanup the real pages need, never changing the number of lines:
//! - CRLF and CR become LF;
//! - full-width ASCII (U+FF01..U+FF5E) becomes half-width (`１２万` → `12万`);
//! - non-breaking (U+00A0) and ideographic (U+3000) spaces become spaces;
//! - pinyin annotations after Han characters are removed
//!   (`英偉達(dá)` → `英偉達`), ordinary parentheses stay (`(BIS)`).
//!
//! Each pass runs only when the text holds something it would change.

use std::borrow::Cow;

use crate::text::is_han;

/// CRLF and lone CR become LF.
pub fn line_endings(text: String) -> String {
    if memchr::memchr(b'\r', text.as_bytes()).is_none() {
        return text;
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text.as_str();
    while let Some(i) = memchr::memchr(b'\r', rest.as_bytes()) {
        out.push_str(&rest[..i]);
        out.push('\n');
        rest = &rest[i + 1..];
        if rest.starts_with('\n') {
            rest = &rest[1..];
        }
    }
    out.push_str(rest);
    out
}

/// Full-width ASCII to half-width, NBSP and ideographic space to space.
pub fn widths_and_spaces(text: &str) -> Cow<'_, str> {
    let bytes = text.as_bytes();
    // U+00A0 is C2 A0; U+3000 is E3 80 80; U+FF01..U+FF5E is EF BC 81..EF BD 9E.
    let first =
        memchr::memchr3_iter(0xC2, 0xE3, 0xEF, bytes).find(|&i| needs_width_fix(&bytes[i..]));
    let Some(first) = first else {
        return Cow::Borrowed(text);
    };
    let mut out = String::with_capacity(text.len());
    // Copy the stretches between the characters that change.
    let mut copied = 0;
    for i in memchr::memchr3_iter(0xC2, 0xE3, 0xEF, &bytes[first..]).map(|i| first + i) {
        if needs_width_fix(&bytes[i..]) {
            let c = text[i..].chars().next().unwrap_or_default();
            out.push_str(&text[copied..i]);
            out.push(half_width(c));
            copied = i + c.len_utf8();
        }
    }
    out.push_str(&text[copied..]);
    Cow::Owned(out)
}

/// Spaces set between a Han character and a Latin letter or digit (pangu
/// spacing: `英伟达 H20 的售价约 1.2 万美元`, `8 月 15 日`), closed:
/// `英伟达H20的售价约1.2万美元`. In a line without a comma or full stop (a
/// headline, where a space may part two clauses: `H800在列 13家中国实体`),
/// only around a token spaced on both sides (`2024 年 Q4 独显`). Spaces
/// between Latin words (`RTX 4090`) and between Han characters stay.
pub fn close_pangu_spaces(text: &str) -> Cow<'_, str> {
    let bytes = text.as_bytes();
    // A letter, digit or % (or, after the space, a letter or digit) beside a
    // Han character on the other side.
    let latin = |c: char| c.is_ascii_alphanumeric();
    let token = |c: char| c.is_ascii_alphanumeric() || c == '.' || c == '%';
    let mut out = String::new();
    let mut copied = 0;
    let mut i = 0;
    // The line of the last space looked at: its start and whether it is
    // running text (holds a comma or a full stop).
    let mut line: Option<(usize, usize, bool)> = None;
    while let Some(j) = memchr::memchr(b' ', &bytes[i..]).map(|j| i + j) {
        // One run of spaces at a time, skipped whole.
        let end = j + bytes[j..].iter().take_while(|&&b| b == b' ').count();
        i = end;
        let (Some(b), Some(a)) = (text[..j].chars().next_back(), text[end..].chars().next()) else { continue };
        if !(is_han(b) && latin(a) || (latin(b) || b == '%') && is_han(a)) {
            continue;
        }
        let (start, stop, running) = match line {
            Some(l) if l.0 <= j && j < l.1 => l,
            _ => {
                let start = memchr::memrchr(b'\n', &bytes[..j]).map_or(0, |k| k + 1);
                let stop = memchr::memchr(b'\n', &bytes[end..]).map_or(bytes.len(), |k| end + k);
                let l = (start, stop, text[start..stop].contains([',', '。']));
                line = Some(l);
                l
            }
        };
        // In a headline: the token the space stands beside ends, on its other
        // side, at no Han character.
        let spaced_both = || {
            if token(a) {
                !text[end..stop].trim_start_matches(token).chars().next().is_some_and(is_han)
            } else {
                !text[start..j].trim_end_matches(token).chars().next_back().is_some_and(is_han)
            }
        };
        if running || spaced_both() {
            if out.is_empty() {
                out.reserve(text.len());
            }
            out.push_str(&text[copied..j]);
            copied = end;
        }
    }
    if copied == 0 {
        return Cow::Borrowed(text);
    }
    out.push_str(&text[copied..]);
    Cow::Owned(out)
}

fn needs_width_fix(b: &[u8]) -> bool {
    match b {
        [0xC2, 0xA0, ..] | [0xE3, 0x80, 0x80, ..] => true,
        [0xEF, 0xBC, x, ..] => *x >= 0x81,
        [0xEF, 0xBD, x, ..] => *x <= 0x9E,
        _ => false,
    }
}

/// The half-width form of a full-width ASCII character or special space.
pub fn half_width(c: char) -> char {
    match c {
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFF01 + 0x21).unwrap_or(c),
        '\u{00A0}' | '\u{3000}' => ' ',
        _ => c,
    }
}

/// Removes pinyin annotations: one lowercase syllable with a tone mark in
/// brackets (`(guó)`, `(chǎng)`) after any character (a Han one, or the
/// mojibake or Latin letter a bad copy left in its place: `τミ_(dá)`), and a
/// toneless particle after its particle character (`們(men)`, `的(de)`).
pub fn strip_pinyin(text: &str) -> Cow<'_, str> {
    let bytes = text.as_bytes();
    let mut out: Option<String> = None;
    let mut copied = 0; // bytes of `text` already handled
    for open in memchr::memchr_iter(b'(', bytes) {
        if open < copied {
            continue;
        }
        let Some(prev) = text[..open].chars().next_back() else {
            continue;
        };
        let Some(len) = memchr::memchr(b')', &bytes[open + 1..bytes.len().min(open + 1 + 24)])
        else {
            continue;
        };
        let inner = &text[open + 1..open + 1 + len];
        if !is_pinyin_annotation(prev, inner) {
            continue;
        }
        let o = out.get_or_insert_with(|| String::with_capacity(text.len()));
        o.push_str(&text[copied..open]);
        copied = open + len + 2;
    }
    match out {
        None => Cow::Borrowed(text),
        Some(mut o) => {
            o.push_str(&text[copied..]);
            Cow::Owned(o)
        }
    }
}


fn is_pinyin_annotation(prev: char, inner: &str) -> bool {
    if !is_han(prev) {
        // Only the toned form: (men), (de) after a Latin letter may be text.
        return inner.chars().any(|c| !c.is_ascii()) && is_pinyin_annotation('\u{4E00}', inner);
    }
    let mut plain = String::with_capacity(inner.len());
    let mut tones = 0;
    for c in inner.chars() {
        let (base, tone) = match c {
            'a'..='z' => (c, false),
            'ü' => ('v', false),
            'ā' | 'á' | 'ǎ' | 'à' => ('a', true),
            'ē' | 'é' | 'ě' | 'è' => ('e', true),
            'ī' | 'í' | 'ǐ' | 'ì' => ('i', true),
            'ō' | 'ó' | 'ǒ' | 'ò' => ('o', true),
            'ū' | 'ú' | 'ǔ' | 'ù' => ('u', true),
            'ǖ' | 'ǘ' | 'ǚ' | 'ǜ' => ('v', true),
            'ń' | 'ň' | 'ǹ' => ('n', true),
            _ => return false,
        };
        tones += tone as usize;
        plain.push(base);
    }
    match tones {
        1 => is_syllable(&plain),
        0 => matches!(
            (prev, plain.as_str()),
            ('的' | '地' | '得', "de")
                | ('了', "le")
                | ('們' | '们', "men")
                | ('麼' | '么', "me")
                | ('嗎' | '吗', "ma")
                | ('呢', "ne")
        ),
        _ => false,
    }
}

/// A pinyin syllable (tone marks removed, ü as v): optional initial, vowels,
/// optional n/ng/r coda.
fn is_syllable(s: &str) -> bool {
    if s == "n" || s == "ng" || s == "m" {
        return true; // 嗯 (ń), 呣
    }
    let rest = ["zh", "ch", "sh"]
        .iter()
        .find_map(|i| s.strip_prefix(i))
        .or_else(|| s.strip_prefix(|c: char| "bpmfdtnlgkhjqxrzcsyw".contains(c)))
        .unwrap_or(s);
    let vowel_end = rest
        .find(|c: char| !"aeiouv".contains(c))
        .unwrap_or(rest.len());
    let (head, coda) = rest.split_at(vowel_end);
    !head.is_empty() && head.len() <= 4 && matches!(coda, "" | "n" | "ng" | "r")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pinyin_after_han_is_removed() {
        assert_eq!(
            strip_pinyin("囤上千英偉達(dá)芯片浮盈即過億,國(guó)產(chǎn)大模型"),
            "囤上千英偉達芯片浮盈即過億,國產大模型"
        );
        assert_eq!(
            strip_pinyin("以單個(gè)近8萬元的價(jià)格"),
            "以單個近8萬元的價格"
        );
        assert_eq!(strip_pinyin("國內(nèi)創(chuàng)業(yè)者"), "國內創業者");
        assert_eq!(strip_pinyin("他們(men)說"), "他們說");
    }

    #[test]
    fn toned_pinyin_after_mojibake_or_latin_is_removed() {
        assert_eq!(strip_pinyin("英伟τミ_(dá)产品"), "英伟τミ_产品");
        assert_eq!(strip_pinyin("申請?(xǔ)可"), "申請?可");
        assert_eq!(strip_pinyin("NVIDIA(yīng)的GPU"), "NVIDIA的GPU");
        // Toneless words after Latin text are not annotations.
        assert_eq!(strip_pinyin("Intel(de)"), "Intel(de)");
        assert_eq!(strip_pinyin("A100(PCIe)"), "A100(PCIe)");
    }

    #[test]
    fn ordinary_parentheses_stay() {
        for s in [
            "美國商務部工業與安全局(BIS)出臺",
            "來源|字母榜(ID:wujicaijing)",
            "實時通信(RTC)",
            "台北電腦展(Computex 2024)",
            "小院高牆(small yard, high fence)",
            "AI芯片(chip)的價格",
            "規模定律(scaling law)",
            "約(約合人民幣5600億元)",
            "雅虎(Yahoo)",
            "演員(Anne)",
        ] {
            assert_eq!(strip_pinyin(s), s, "{s}");
        }
    }

    #[test]
    fn widths_and_spaces_are_folded() {
        assert_eq!(
            widths_and_spaces("单价１２万元，涨幅３０％（约）"),
            "单价12万元,涨幅30%(约)"
        );
        assert_eq!(
            widths_and_spaces("英伟达\u{00A0}H100\u{3000}芯片"),
            "英伟达 H100 芯片"
        );
        // CJK punctuation that shares the lead bytes stays.
        assert_eq!(widths_and_spaces("“国产”、。「」"), "“国产”、。「」");
        assert!(matches!(widths_and_spaces("英伟达H100"), Cow::Borrowed(_)));
        // Every character, after a full-width one: the same as folding one
        // character at a time.
        let all: String = std::iter::once('，').chain((0..0x11000u32).filter_map(char::from_u32)).collect();
        assert_eq!(widths_and_spaces(&all), all.chars().map(half_width).collect::<String>());
    }

    #[test]
    fn pangu_spaces_are_closed_in_running_text() {
        assert_eq!(close_pangu_spaces("英伟达 H20 的售价约 1.2 万美元,同比上涨 20% 左右。"), "英伟达H20的售价约1.2万美元,同比上涨20%左右。");
        assert_eq!(close_pangu_spaces("美国商务部于 2023 年 10 月 17 日公布新规。"), "美国商务部于2023年10月17日公布新规。");
        // Latin words keep their spaces; so do Han characters.
        assert_eq!(close_pangu_spaces("据 TrendForce 统计,RTX 4090 D 与 Pro 6000D 均在列。"), "据TrendForce统计,RTX 4090 D与Pro 6000D均在列。");
        assert_eq!(close_pangu_spaces("英伟达 市占率,约八成。"), "英伟达 市占率,约八成。");
        // A headline's spaces beside a count with no space after it stay;
        // text with nothing to close comes back borrowed.
        let headline = "美对华AI芯片出口管制再升级 英伟达A800、H800在列 13家中国实体被列入实体清单";
        assert_eq!(close_pangu_spaces(headline), headline);
        let text = "英伟达 H20 恢复供货\n英伟达 H20的价格为 10 万元。\n";
        assert_eq!(close_pangu_spaces(text), "英伟达H20恢复供货\n英伟达H20的价格为10万元。\n");
        // A headline's token spaced on one side only parts two clauses.
        assert_eq!(close_pangu_spaces("2024 年 Q4 独显份额出炉:NVIDIA 占比 82% AMD 仅剩 17%"), "2024年Q4独显份额出炉:NVIDIA占比82% AMD仅剩17%");
        assert_eq!(close_pangu_spaces("英伟达发布H20 售价1.2万美元"), "英伟达发布H20 售价1.2万美元");
        assert!(matches!(close_pangu_spaces("H20的价格为10万元。RTX 4090 D"), Cow::Borrowed(_)));
        // Line count and every other byte are kept.
        let t = "a 中,\n\n 文 b。 \n";
        assert_eq!(close_pangu_spaces(t), "a中,\n\n 文b。 \n");
    }

    #[test]
    fn line_endings_keep_line_count() {
        assert_eq!(
            line_endings("一\r\n二\r三\n\r\n四".into()),
            "一\n二\n三\n\n四"
        );
    }
}

//! Layout of a normalized document: lines, sentences and clauses, all as byte
//! ranges into the document text.
//!
//! A line is a paragraph (web pages put one paragraph on a line). Sentences
//! end at 。！？；and their ASCII forms, and never cross a line. Clauses are
//! the parts of a sentence between commas and colons.

use std::ops::Range;

// The text primitives live in crate::text (shared with the loader); the
// readers keep reaching them here.
pub use crate::text::{
    CharSet, bmp_code, char_at, cn_digit, cn_numeral_digit, char_before, chars_after, chars_before, is_han, is_space, is_toned_vowel,
    lines_with_starts, skip_spaces, utf8_at,
};

/// Characters that end a sentence.
pub fn is_sentence_end(c: char) -> bool {
    matches!(c, '。' | '！' | '？' | '；' | '!' | '?' | ';')
}

/// Whether `text` holds any of `words`.
pub fn contains_any(text: &str, words: &[&str]) -> bool {
    words.iter().any(|w| text.contains(w))
}

/// Characters that end a clause inside a sentence.
pub fn is_clause_end(c: char) -> bool {
    matches!(c, ',' | '，' | ':' | '：')
}

/// Closing quotes and brackets that stay with the sentence they close.
fn is_closer(c: char) -> bool {
    matches!(c, '”' | '’' | '」' | '』' | ')' | '）' | '》' | '"' | '\'' | '】')
}

/// One sentence: its byte range (trimmed) and the line it is on (1-based).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Sentence {
    pub range: Range<usize>,
    pub line: u32,
}

/// Lines and sentences of a document.
#[derive(Clone, Debug, Default)]
pub struct Layout {
    /// Byte offset where each line starts.
    pub line_starts: Vec<usize>,
    pub sentences: Vec<Sentence>,
}

impl Layout {
    pub fn new(text: &str) -> Layout {
        let mut line_starts = vec![0];
        line_starts.extend(memchr::memchr_iter(b'\n', text.as_bytes()).map(|i| i + 1));
        let mut sentences = Vec::new();
        for (i, &start) in line_starts.iter().enumerate() {
            let end = line_starts.get(i + 1).map_or(text.len(), |&n| n - 1);
            if start >= end {
                continue;
            }
            split_sentences(text, start..end, (i + 1) as u32, &mut sentences);
        }
        Layout { line_starts, sentences }
    }

    /// 1-based line of a byte offset.
    pub fn line_of(&self, offset: usize) -> u32 {
        self.line_starts.partition_point(|&s| s <= offset) as u32
    }

    /// Byte range of 1-based line `line`, without its line break.
    pub fn line_range(&self, text: &str, line: u32) -> Range<usize> {
        let i = (line as usize).saturating_sub(1);
        let start = self.line_starts.get(i).copied().unwrap_or(text.len());
        let end = self.line_starts.get(i + 1).map_or(text.len(), |&n| n - 1);
        start..end.max(start)
    }
}

/// Bytes that can begin a character the layout looks at: the ASCII stops,
/// clause marks and closers, and the lead bytes of the Chinese ones (”’ E2,
/// 。」』》】 E3, full-width forms EF), as 0; any other byte that begins a
/// character, as that character's length in bytes. UTF-8 continuation bytes
/// are never marked, so skipping a whole unmarked character at a time stays
/// on char boundaries, a step per Han character instead of three.
static SKIP: [u8; 256] = {
    let mut t = [1u8; 256];
    let mut b = 0xC0;
    while b < 0x100 {
        t[b] = if b < 0xE0 { 2 } else if b < 0xF0 { 3 } else { 4 };
        b += 1;
    }
    let ascii = b"!?;,:)\"'";
    let mut i = 0;
    while i < ascii.len() {
        t[ascii[i] as usize] = 0;
        i += 1;
    }
    t[0xE2] = 0;
    t[0xE3] = 0;
    t[0xEF] = 0;
    t
};

/// The characters of `s` that begin at a marked byte ([`SKIP`]), from byte
/// `from`, with their offsets before and after: every stop, clause mark and
/// closer (and a few other characters), without decoding the rest.
fn marked(s: &str, from: usize) -> impl Iterator<Item = (usize, char, usize)> + '_ {
    let b = s.as_bytes();
    let mut i = from;
    std::iter::from_fn(move || {
        while i < b.len() {
            let skip = SKIP[b[i] as usize];
            if skip == 0 {
                let (c, next) = char_at(s, i)?;
                let at = i;
                i = next;
                return Some((at, c, next));
            }
            i += skip as usize;
        }
        None
    })
}

fn split_sentences(text: &str, line: Range<usize>, line_no: u32, out: &mut Vec<Sentence>) {
    let s = &text[line.clone()];
    let mut start = 0;
    let mut from = 0;
    'scan: loop {
        for (_, c, next) in marked(s, from) {
            // A ? standing for a character lost to a bad decode, with its
            // pinyin after it (因?yàn)槌瑯), ends nothing.
            if matches!(c, '?' | '!')
                && char_at(s, next).is_some_and(|(d, _)| d.is_ascii_lowercase() || is_toned_vowel(d))
            {
                continue;
            }
            if is_sentence_end(c) {
                let mut end = next;
                while let Some((d, n)) = char_at(s, end) {
                    if !(is_closer(d) || is_sentence_end(d)) {
                        break;
                    }
                    end = n;
                }
                push_trimmed(line.start + start..line.start + end, text, line_no, out);
                start = end;
                from = end;
                continue 'scan;
            }
        }
        break;
    }
    push_trimmed(line.start + start..line.end, text, line_no, out);
}

/// Longest sentence read as one, in bytes. Real sentences are far shorter; a
/// run of text without stops (a table, a dump) is cut at commas, or anywhere,
/// so no reader ever works on more than this at once.
pub const MAX_SENTENCE: usize = 3000;

fn push_trimmed(r: Range<usize>, text: &str, line: u32, out: &mut Vec<Sentence>) {
    if r.len() > MAX_SENTENCE {
        let window = &text[r.start..text.floor_char_boundary(r.start + MAX_SENTENCE)];
        let cut = window
            .char_indices()
            .rev()
            .find(|&(_, c)| is_clause_end(c))
            .map(|(i, c)| i + c.len_utf8())
            .filter(|&i| i > MAX_SENTENCE / 2)
            .unwrap_or(window.len());
        push_trimmed(r.start..r.start + cut, text, line, out);
        push_trimmed(r.start + cut..r.end, text, line, out);
        return;
    }
    let s = &text[r.clone()];
    let lead = s.len() - s.trim_start().len();
    let trail = s.len() - s.trim_end().len();
    if lead + trail < s.len() {
        out.push(Sentence { range: r.start + lead..r.end - trail, line });
    }
}

/// Byte ranges of the clauses of `sentence` (relative to the sentence).
pub fn clauses(sentence: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    let b = sentence.as_bytes();
    for (i, c, _) in marked(sentence, 0) {
        // 2,050亿美元: a comma between digits groups thousands, or lists
        // small numbers (1,2月); four digits after it are a new clause's
        // (HK$11,500至12,500,3090就全部过万五).
        if c == ',' && i > 0 && b[i - 1].is_ascii_digit() && short_digits(&b[i + 1..]) {
            continue;
        }
        // NXT:2050i: a colon inside a Latin model name.
        if c == ':' && i > 0 && b[i - 1].is_ascii_alphanumeric() && b.get(i + 1).is_some_and(u8::is_ascii_alphanumeric) {
            continue;
        }
        // 英伟达占了81%、AMD占19%: after a percentage, a 、 before another
        // holder and its verb parts the holdings.
        let holder_after = c == '、' && sentence[..i].ends_with(['%', '％']) && next_holding(&sentence[i + c.len_utf8()..]);
        if is_clause_end(c) || is_sentence_end(c) || holder_after {
            if i > start {
                out.push(start..i);
            }
            start = i + c.len_utf8();
        }
    }
    if start < sentence.len() {
        out.push(start..sentence.len());
    }
    if out.is_empty() {
        out.push(0..sentence.len());
    }
    // 美国撤销AI扩散规则 警告全球使用华为昇腾芯片恐违反出口管制: in a headline a
    // space between Han characters parts two clauses.
    // 英伟达A800、H800在列 13家中国实体被列入实体清单: in a line with no
    // clause mark at all, a space between a Han character and a count
    // (digits then a Han character) parts them too. (Not in running text,
    // where 在 2024 年 spaces a number on both sides.)
    if memchr::memchr(b' ', b).is_some() || sentence.contains('\u{3000}') {
        let counts = out.len() == 1;
        out = out.into_iter().flat_map(|r| split_at_han_spaces(sentence, r, counts)).collect();
    }
    out
}

/// Whether `rest` (what follows a 、 after a percentage) names a holder and
/// then its verb of holding before its own figure (AMD占19%, 超微为一成), not
/// the next figure of a list (15%, 约15%).
fn next_holding(rest: &str) -> bool {
    let head: String = rest.chars().take(12).take_while(|c| !matches!(c, '%' | '％' | '、' | ',' | '，')).collect();
    let name_first = head.chars().next().is_some_and(|c| !c.is_ascii_digit() && !"约近超逾不大将占为".contains(c));
    name_first
        && head.char_indices().any(|(i, c)| {
            let after = head[i + c.len_utf8()..].trim_start_matches(['了', '约', '近', '超', '逾', '达', '则']);
            i > 0 && matches!(c, '占' | '为') && after.starts_with(|d: char| d.is_ascii_digit() || "一二两三四五六七八九十半".contains(d))
        })
}

/// Whether `rest` (what follows a comma) opens with one to three digits
/// and no more.
fn short_digits(rest: &[u8]) -> bool {
    let n = rest.iter().take_while(|x| x.is_ascii_digit()).count();
    (1..=3).contains(&n)
}

/// Whether `rest` opens with ASCII letters and then a Han character (AMD跌至).
fn opens_with_latin_name(rest: &str) -> bool {
    let letters = rest.bytes().take_while(u8::is_ascii_alphabetic).count();
    letters > 0 && rest[letters..].chars().next().is_some_and(crate::text::is_han)
}

/// Whether `rest` opens with ASCII digits and then a Han character (13家).
fn opens_with_count(rest: &str) -> bool {
    let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
    digits > 0 && rest[digits..].chars().next().is_some_and(crate::text::is_han)
}

/// `r` parted at each run of spaces with a Han character on both sides (or,
/// with `counts`, a Han character before and a count after).
fn split_at_han_spaces(sentence: &str, r: Range<usize>, counts: bool) -> Vec<Range<usize>> {
    let mut parts = Vec::new();
    let mut start = r.start;
    let text = &sentence[r.clone()];
    let mut iter = text.char_indices().peekable();
    let mut prev: Option<char> = None;
    while let Some((i, c)) = iter.next() {
        if c == ' ' || c == '\u{3000}' {
            let at = r.start + i;
            let mut end = at + c.len_utf8();
            while let Some(&(j, d)) = iter.peek() {
                if d == ' ' || d == '\u{3000}' {
                    end = r.start + j + d.len_utf8();
                    iter.next();
                } else {
                    break;
                }
            }
            let next = sentence[end..r.end].chars().next();
            let next_ok = next.is_some_and(crate::text::is_han) || counts && opens_with_count(&sentence[end..r.end]);
            // 英伟达独立显卡市占升至94% AMD跌至6%: a percentage ends a part of
            // a headline, before a Han character or a Latin name and then one.
            // (Only in a line with no clause mark, and never before the
            // second end of a range: 30% 到 40%.)
            let after_percent = counts
                && matches!(prev, Some('%' | '％'))
                && !next.is_some_and(|c| matches!(c, '到' | '至' | '~' | '～' | '-' | '–' | '—'))
                && (next_ok || opens_with_latin_name(&sentence[end..r.end]));
            if (prev.is_some_and(crate::text::is_han) && next_ok || after_percent) && at > start {
                parts.push(start..at);
                start = end;
            }
            prev = Some(c);
            continue;
        }
        prev = Some(c);
    }
    if start < r.end {
        parts.push(start..r.end);
    }
    parts
}

/// Index of the clause holding byte `offset`.
pub fn clause_of(clauses: &[Range<usize>], offset: usize) -> usize {
    clauses
        .iter()
        .position(|c| offset < c.end)
        .unwrap_or(clauses.len().saturating_sub(1))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_headline_space_before_a_count_parts_clauses() {
        let s = "美对华AI芯片出口管制再升级 英伟达A800、H800在列 13家中国实体被列入实体清单";
        let c: Vec<&str> = clauses(s).into_iter().map(|r| &s[r]).collect();
        assert_eq!(c, vec!["美对华AI芯片出口管制再升级", "英伟达A800、H800在列", "13家中国实体被列入实体清单"]);
        // Running text spaces a number on both sides, and has clause marks.
        let s = "英伟达在 2024 年的份额降至 50%";
        assert_eq!(clauses(s).len(), 1);
        let s = "据统计,英伟达在 2024年的份额为80%";
        assert_eq!(clauses(s).len(), 2);
    }

    #[test]
    fn a_comma_between_digits_ends_no_clause() {
        assert_eq!(clauses("产值约2,050亿美元,年增69%"), vec![0..23, 24..33]);
        assert_eq!(clauses("1,2和3,4"), vec![0..9]);
        assert_eq!(clauses("共3,又4"), vec![0..4, 5..9]);
    }

    #[test]
    fn sentences_end_at_chinese_stops_and_keep_their_closing_quote() {
        let text = "“A800 和H800 这类芯片,从原来的12万人民币左右。”这是发生在国内芯片分销圈的真实一幕;除了价格\n\n2022年9月,A100禁止向中国出口";
        let l = Layout::new(text);
        let s: Vec<&str> = l.sentences.iter().map(|s| &text[s.range.clone()]).collect();
        assert_eq!(
            s,
            vec![
                "“A800 和H800 这类芯片,从原来的12万人民币左右。”",
                "这是发生在国内芯片分销圈的真实一幕;",
                "除了价格",
                "2022年9月,A100禁止向中国出口"
            ]
        );
        assert_eq!(l.sentences.iter().map(|s| s.line).collect::<Vec<_>>(), vec![1, 1, 1, 3]);
        assert_eq!(l.line_of(0), 1);
        assert_eq!(l.line_of(text.find("2022").unwrap()), 3);
    }

    #[test]
    fn a_question_mark_left_by_a_bad_decode_ends_no_sentence() {
        let text = "定制版芯片A800/H800,因?yàn)槌瑯?biāo)也将被全面禁售。为什么?因为贵。";
        let l = Layout::new(text);
        let s: Vec<&str> = l.sentences.iter().map(|s| &text[s.range.clone()]).collect();
        assert_eq!(s, vec!["定制版芯片A800/H800,因?yàn)槌瑯?biāo)也将被全面禁售。", "为什么?", "因为贵。"]);
    }

    #[test]
    fn a_run_without_stops_is_cut_into_bounded_sentences() {
        let text = "12万元,".repeat(2000) + &"芯".repeat(5000);
        let l = Layout::new(&text);
        assert!(l.sentences.len() > 2);
        assert!(l.sentences.iter().all(|s| s.range.len() <= MAX_SENTENCE));
        let joined: String = l.sentences.iter().map(|s| &text[s.range.clone()]).collect();
        assert_eq!(joined, text);
    }

    #[test]
    fn a_list_of_holdings_parts_at_the_mark_after_a_percentage() {
        let parts = |s: &str| -> Vec<String> { clauses(s).into_iter().map(|r| s[r].to_string()).collect() };
        assert_eq!(parts("出货量里英伟达占了81%、AMD占19%"), vec!["出货量里英伟达占了81%", "AMD占19%"]);
        assert_eq!(parts("台积电占比为62%、三星为一成左右"), vec!["台积电占比为62%", "三星为一成左右"]);
        // A list of figures, or a list of holders after them, stays whole.
        assert_eq!(parts("份额分别为80%、15%和5%"), vec!["份额分别为80%、15%和5%"]);
        assert_eq!(parts("份额分别为80%、约15%"), vec!["份额分别为80%、约15%"]);
        assert_eq!(parts("占比达到80%、创历史新高"), vec!["占比达到80%、创历史新高"]);
    }

    #[test]
    fn clauses_split_at_commas_and_colons() {
        let s = "美东时间10月17日,BIS在去年10月对AI芯片带宽速度做出限制的基础上,正式公布了相关要求";
        let c: Vec<&str> = clauses(s).into_iter().map(|r| &s[r]).collect();
        assert_eq!(c, vec!["美东时间10月17日", "BIS在去年10月对AI芯片带宽速度做出限制的基础上", "正式公布了相关要求"]);
    }

    #[test]
    fn a_comma_groups_thousands_only_before_three_digits() {
        let c = |s: &'static str| -> Vec<&'static str> { clauses(s).into_iter().map(|r| &s[r]).collect() };
        assert_eq!(c("升到HK$11,500至12,500,3090就全部过万五"), vec!["升到HK$11,500至12,500", "3090就全部过万五"]);
        assert_eq!(c("市值2,050亿美元,增长"), vec!["市值2,050亿美元", "增长"]);
        assert_eq!(c("售价1,299,000元"), vec!["售价1,299,000元"]);
        assert_eq!(c("分别为2019,2020年"), vec!["分别为2019", "2020年"]);
    }

    #[test]
    fn a_space_between_han_characters_parts_clauses_but_not_a_colon_in_a_name() {
        let c = |s: &'static str| -> Vec<&'static str> { clauses(s).into_iter().map(|r| &s[r]).collect() };
        assert_eq!(c("美国撤销AI扩散规则 警告全球使用华为昇腾芯片恐违反出口管制"), vec!["美国撤销AI扩散规则", "警告全球使用华为昇腾芯片恐违反出口管制"]);
        assert_eq!(c("英伟达推出A800\u{3000}\u{3000}绕过美国出口限制"), vec!["英伟达推出A800\u{3000}\u{3000}绕过美国出口限制"]);
        assert_eq!(c("輝達推A800晶片　繞過美國出口限制"), vec!["輝達推A800晶片", "繞過美國出口限制"]);
        // Spaces beside Latin words and digits stay inside the clause.
        assert_eq!(c("英伟达 H20 售价约 1.2万美元"), vec!["英伟达 H20 售价约 1.2万美元"]);
        // A headline's percentage and a space end a part; never the first end
        // of a range, nor in a line with clause marks.
        assert_eq!(c("英伟达独立显卡市占升至94% AMD跌至6%"), vec!["英伟达独立显卡市占升至94%", "AMD跌至6%"]);
        assert_eq!(c("性能价格比优于其他硬件 30% 到 40%"), vec!["性能价格比优于其他硬件 30% 到 40%"]);
        assert_eq!(c("亚马逊称其芯片优于其他硬件 30% 以上,博通"), vec!["亚马逊称其芯片优于其他硬件 30% 以上", "博通"]);
        assert_eq!(c("荷兰撤销了NXT:2050i的许可证,ASML回应"), vec!["荷兰撤销了NXT:2050i的许可证", "ASML回应"]);
    }

    #[test]
    fn every_stop_and_clause_mark_begins_at_a_marked_byte() {
        for c in (0..=0x10FFFFu32).filter_map(char::from_u32) {
            let skip = SKIP[c.encode_utf8(&mut [0u8; 4]).as_bytes()[0] as usize];
            if is_sentence_end(c) || is_clause_end(c) {
                assert_eq!(skip, 0, "{c}");
            }
            // An unmarked character is skipped whole.
            assert!(skip == 0 || skip as usize == c.len_utf8(), "{c}");
        }
        let s = "据悉,这款芯片售价约为1.5万美元。”对此，英伟达回应：“无可奉告！”";
        let got: Vec<char> = marked(s, 0).map(|(_, c, _)| c).collect();
        assert_eq!(got, vec![',', '。', '”', '，', '：', '“', '！', '”']);
    }
}

//! Date expressions in normalized Chinese text, resolved against the
//! document's publish date.
//!
//! - Absolute: 2023年10月17日, 2023-10-17, 2024/4/15, 2023.10.17, 2023年10月,
//!   2023年, 2024 年 3 月 (stray spaces), 二〇二三年, 3月2023年 (→ 2023-03).
//!   2023年底/年末 → 2023-12; 年初, 上半年, 下半年, 第三季度, Q3 → the year.
//! - Relative (need `published`): 今年/去年/前年/明年/后年 (+ month, day,
//!   年底 ...), 本月/上月/上个月/下月/下个月/这个月 (+ day), a month or
//!   month-day without a year (the latest such not after publication),
//!   一季度/第三季度/Q3/上半年 without a year (the publication year),
//!   周四(4日) (that day of the published month, or of the month before when
//!   the day is later than the publication day).
//! - Days: 今天/今日, 昨天/昨日, 前天, 明天 → the publication day moved by
//!   0, -1, -2, +1 when it has a day; the publication month when it has
//!   only a month (今日头条 is a name, not a date).
//! - Now: 现在, 目前, 当前, 如今, 眼下, 当下, 截至发稿/截止发稿 → `published`.
//!
//! Not dates: durations (37年, 14年之后, 三四年, 30天, 6个月, 十几年, 两周),
//! 1990年代 (a decade), 13月 (the year alone is kept: 2023年13月 → 2023).
//! A year range 2019-2025 gives two Absolute years. 美东时间/北京时间 are
//! left outside the span: the calendar date is kept as written.
//! Month suffixes 上旬/中旬/下旬/初/底/末/份 are inside the span and keep
//! month precision.

use super::text::{CharSet, char_at, char_before, skip_spaces, utf8_at};
use crate::lexicon::words;
use crate::model::PartialDate;
use std::sync::LazyLock;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DateKind {
    Absolute,
    Relative,
    Now,
}

#[derive(Clone, Copy, Debug, PartialEq)]
pub struct DateMention {
    pub start: usize,
    pub end: usize,
    pub date: Option<PartialDate>,
    pub kind: DateKind,
}

fn starts(text: &str, p: usize, s: &str) -> bool {
    text.get(p..).is_some_and(|t| t.starts_with(s))
}

/// `s` at `p`: the end after it.
fn eat(text: &str, p: usize, s: &str) -> Option<usize> {
    starts(text, p, s).then(|| p + s.len())
}

/// The end of the longest word of `words` at `p`.
fn eat_word(text: &str, p: usize, words: &[&str]) -> Option<usize> {
    crate::text::words::longest_prefix(text.get(p..)?, words).map(|w| p + w.len())
}

/// A plain Chinese digit (零〇一……九), by the one digit reader of crate::text.
fn cn_digit(c: char) -> Option<u32> {
    super::text::cn_digit(c).map(u32::from)
}

/// ASCII digit run at `p`: (value, digit count, end); at most 9 digits are
/// valued (longer runs give a value that matches no date).
fn digits(text: &str, p: usize) -> Option<(u32, usize, usize)> {
    let b = text.as_bytes();
    let mut q = p;
    let mut v: u32 = 0;
    while q < b.len() && b[q].is_ascii_digit() {
        if q - p < 9 {
            v = v * 10 + (b[q] - b'0') as u32;
        } else {
            v = u32::MAX;
        }
        q += 1;
    }
    (q > p).then_some((v, q - p, q))
}

/// A small number 1..=99 at `p`: 1-2 ASCII digits, or 一..九, 十, 十一,
/// 二十, 二十一 ... Returns (value, end).
fn small_num(text: &str, p: usize) -> Option<(u32, usize)> {
    if let Some((v, n, end)) = digits(text, p) {
        return (n <= 2).then_some((v, end));
    }
    let (c, q) = char_at(text, p)?;
    if c == '十' {
        if let Some((c2, q2)) = char_at(text, q)
            && let Some(d) = cn_digit(c2).filter(|d| *d > 0)
        {
            return Some((10 + d, q2));
        }
        return Some((10, q));
    }
    let d = cn_digit(c).filter(|d| *d > 0)?;
    if let Some((c2, q2)) = char_at(text, q) {
        if c2 == '十' {
            if let Some((c3, q3)) = char_at(text, q2)
                && let Some(d3) = cn_digit(c3).filter(|d| *d > 0)
            {
                return Some((d * 10 + d3, q3));
            }
            return Some((d * 10, q2));
        }
        if cn_digit(c2).is_some() {
            // 二〇, 三四: not a small number
            return None;
        }
    }
    Some((d, q))
}

/// A month `M月` at `p` (spaces allowed before 月); (month, end after 月).
fn month_at(text: &str, p: usize) -> Option<(u8, usize)> {
    let (m, q) = small_num(text, p)?;
    let q = skip_spaces(text, q);
    let end = eat(text, q, "月")?;
    (1..=12).contains(&m).then_some((m as u8, end))
}

/// A day `D日`/`D号` at `p`; (day, end).
fn day_at(text: &str, p: usize) -> Option<(u8, usize)> {
    let (d, q) = small_num(text, p)?;
    let q = skip_spaces(text, q);
    let end = eat(text, q, "日").or_else(|| eat(text, q, "号"))?;
    (1..=31).contains(&d).then_some((d as u8, end))
}

/// After `M月`: optional 份, then a day or a part of the month.
/// Returns (day, end).
fn month_tail(text: &str, p: usize) -> (Option<u8>, usize) {
    let p = eat(text, p, "份").unwrap_or(p);
    let q = skip_spaces(text, p);
    if let Some((d, end)) = day_at(text, q) {
        return (Some(d), end);
    }
    if let Some(end) = eat_word(text, p, &MONTH_PARTS) {
        return (None, end);
    }
    if let Some(end) = eat(text, p, "初")
        && !starts(text, end, "步")
    {
        return (None, end);
    }
    (None, p)
}

/// What follows a year: the parts of a date below the year.
enum YearPart {
    Year,
    Dec,
    Month(u8),
    Day(u8, u8),
}

/// After `YYYY年` (or 今年/去年...): month/day, 年底/年末, 上半年, quarters.
/// `after_year` is the offset right after 年. Returns the part and the end.
fn year_tail(text: &str, after_year: usize, year: i32) -> (YearPart, usize) {
    let p = skip_spaces(text, after_year);
    if let Some((m, q)) = month_at(text, p) {
        let (d, end) = month_tail(text, q);
        return match d {
            Some(d) if PartialDate::day(year, m, d).is_some() => (YearPart::Day(m, d), end),
            Some(_) => (YearPart::Month(m), q),
            None => (YearPart::Month(m), end),
        };
    }
    let p = after_year;
    if let Some(end) = eat_word(text, p, &YEAR_END) {
        return (YearPart::Dec, end);
    }
    if let Some(end) = eat_word(text, p, &YEAR_PARTS) {
        return (YearPart::Year, end);
    }
    // 去年双十一, 今年国庆: a shopping or public holiday of that year.
    if let Some((m, end)) = festival_at(text, p) {
        return (YearPart::Month(m), end);
    }
    if let Some(end) = quarter_at(text, p) {
        return (YearPart::Year, end);
    }
    (YearPart::Year, after_year)
}

/// 第三季度, 三季度, 3季度, Q3 at `p`: the end.
fn quarter_at(text: &str, p: usize) -> Option<usize> {
    // 首季, 首季度: the first quarter (Taiwan and Hong Kong).
    if let Some(n) = eat(text, p, "首季") {
        return Some(eat(text, n, "度").unwrap_or(n));
    }
    let di = eat(text, p, "第");
    let q = di.unwrap_or(p);
    if let Some((c, n)) = char_at(text, q) {
        let ok = matches!(c, '一' | '二' | '三' | '四' | '1' | '2' | '3' | '4');
        if ok && let Some(end) = eat(text, n, "季度") {
            return Some(end);
        }
        // 第三季, 第4季: Taiwan and Hong Kong write the quarter without 度
        // (only after 第: 三季 alone may be three seasons).
        if ok && di.is_some() && let Some(end) = eat(text, n, "季") {
            return Some(end);
        }
    }
    let q = eat(text, p, "Q").or_else(|| eat(text, p, "q"))?;
    let (c, n) = char_at(text, q)?;
    let after = char_at(text, n).map(|x| x.0);
    (matches!(c, '1'..='4') && !after.is_some_and(|a| a.is_ascii_alphanumeric())).then_some(n)
}

fn make(year: i32, part: &YearPart) -> Option<PartialDate> {
    if !(1..=9999).contains(&year) {
        return None;
    }
    match *part {
        YearPart::Year => Some(PartialDate::year(year)),
        YearPart::Dec => Some(PartialDate::month(year, 12)),
        YearPart::Month(m) => Some(PartialDate::month(year, m)),
        YearPart::Day(m, d) => PartialDate::day(year, m, d),
    }
}

/// Words before a month or day that put it ahead of the text (将于11月16日).
static FUTURE_BEFORE: LazyLock<Vec<&'static str>> = LazyLock::new(|| words("date.future_before"));
/// `date.month_parts`: a part of a month after it (上旬, 底).
static MONTH_PARTS: LazyLock<Vec<&'static str>> = LazyLock::new(|| words("date.month_parts"));
/// `date.year_end`: the end of a year after it (年底, 末): December.
static YEAR_END: LazyLock<Vec<&'static str>> = LazyLock::new(|| words("date.year_end"));
/// `date.festivals`: holidays of a fixed month (双十一=11, 国庆=10), as
/// `word=month`.
static FESTIVALS: LazyLock<Vec<(&'static str, u8)>> = LazyLock::new(|| {
    words("date.festivals")
        .into_iter()
        .map(|w| {
            let (word, month) = w.split_once('=').expect("date.festivals: word=month");
            (word, month.parse().expect("date.festivals: a month number"))
        })
        .collect()
});

/// A holiday of a fixed month at `p` (双十一, 双11, 国庆): its month and end.
fn festival_at(text: &str, p: usize) -> Option<(u8, usize)> {
    let rest = text.get(p..)?;
    FESTIVALS.iter().filter(|(w, _)| rest.starts_with(w)).max_by_key(|(w, _)| w.len()).map(|&(w, m)| (m, p + w.len()))
}

/// 双十一, 双11 alone (我双十一入的): that holiday's month, the latest not
/// after the publish date (told in January, last November).
fn standalone_festival(text: &str, i: usize, published: Option<PartialDate>) -> Option<DateMention> {
    let (m, end) = festival_at(text, i)?;
    // (等双十一, 到双11: one still to come, of no known year.)
    if char_before(text, i).is_some_and(|c| matches!(c, '等' | '到' | '迎' | '待')) {
        return None;
    }
    // (Not a digit or a letter right after: 双11号, 双11.11 are no holiday.)
    if text[end..].starts_with(|c: char| c.is_ascii_alphanumeric() || c == '.' || c == '号' || c == '日') {
        return None;
    }
    let date = published.map(|p| PartialDate::month(latest_year(m, None, p), m));
    Some(DateMention { start: i, end, date, kind: DateKind::Relative })
}

/// `date.year_parts`: a part of a year after it (上半年, 年初): the year.
static YEAR_PARTS: LazyLock<Vec<&'static str>> = LazyLock::new(|| words("date.year_parts"));
/// `date.not_a_day_after`: words after N日 that make it no day (5日元, 3日内).
static NOT_A_DAY_AFTER: LazyLock<Vec<&'static str>> = LazyLock::new(|| words("date.not_a_day_after"));
/// `date.fiscal_year`: a word after a year that makes it a fiscal year (2024财年).
static FISCAL_YEAR: LazyLock<Vec<&'static str>> = LazyLock::new(|| words("date.fiscal_year"));

/// Whether a date mention names a fiscal year (2025财年第一季).
pub fn is_fiscal(text: &str, d: &DateMention) -> bool {
    FISCAL_YEAR.iter().any(|w| text[d.start..d.end].contains(w))
}

/// The year of a month/day without a year: the latest not after `p`.
fn latest_year(m: u8, d: Option<u8>, p: PartialDate) -> i32 {
    match p.month {
        None => p.year,
        Some(pm) if m < pm => p.year,
        Some(pm) if m > pm => p.year - 1,
        Some(_) => match (d, p.day) {
            (Some(d), Some(pd)) if d > pd => p.year - 1,
            _ => p.year,
        },
    }
}

/// `published` shifted by `k` months (month precision).
fn month_shift(p: PartialDate, k: i32) -> Option<(i32, u8)> {
    let m = p.month? as i32 - 1 + k;
    Some((p.year + m.div_euclid(12), (m.rem_euclid(12) + 1) as u8))
}

/// Verbs ending in 现 before 在: 出现在, 实现在, 体现在 are not "now".
fn xian_verb(c: Option<char>) -> bool {
    c.is_some_and(|c| {
        matches!(
            c,
            '出' | '实'
                | '体'
                | '表'
                | '发'
                | '展'
                | '呈'
                | '显'
                | '再'
                | '兑'
                | '涌'
                | '浮'
                | '重'
        )
    })
}

/// What starts at byte `i` (character `c`, ending at `next`).
enum Start {
    Found(DateMention),
    /// No date; go on scanning at this byte.
    SkipTo(usize),
    Nothing,
}

fn start_at(
    text: &str,
    i: usize,
    c: char,
    next: usize,
    published: Option<PartialDate>,
    out: &mut Vec<DateMention>,
    told_year: Option<i32>,
) -> Start {
    let found = match c {
        '0'..='9' => {
            let prev = char_before(text, i);
            let glued = prev.is_some_and(|p| p.is_ascii_alphanumeric() || p == '.' || p == '_');
            let (_, _, run_end) = digits(text, i).unwrap_or((0, 1, next));
            if glued {
                return Start::SkipTo(run_end);
            }
            match ascii_date(text, i, published, out).or_else(|| counted_back(text, i, run_end, published)) {
                Some(m) => Some(m),
                None => return Start::SkipTo(run_end),
            }
        }
        '今' | '去' | '前' | '明' | '后' | '昨' | '旧' => {
            relative_year(text, i, published).or_else(|| relative_day(text, i, published))
        }
        '同' => same_year(text, i, out, told_year),
        '上' if text[next..].starts_with('年') => relative_year(text, i, published),
        '本' | '上' | '下' | '这' => relative_month(text, i, published)
            .or_else(|| relative_week(text, i, published))
            .or_else(|| bare_weekday(text, i, published))
            .or_else(|| standalone_half(text, i, published)),
        '现' | '目' | '当' | '如' | '眼' | '截' | '而' | '依' => now_word(text, i, published),
        '周' | '星' | '礼' => weekday_day(text, i, published).or_else(|| bare_weekday(text, i, published)),
        '年' => standalone_year_end(text, i, published).or_else(|| lunar_new_year(text, i, published)),
        '春' => lunar_new_year(text, i, published),
        '双' => standalone_festival(text, i, published),
        '第' | 'Q' | '一' | '二' | '三' | '四' | '五' | '六' | '七' | '八' | '九' | '十'
        | '〇' | '零' | '首' => chinese_start(text, i, published).or_else(|| counted_back(text, i, next, published)),
        '两' => counted_back(text, i, next, published),
        '半' => half_a_year_ago(text, i, published),
        _ => None,
    };
    found.map_or(Start::Nothing, Start::Found)
}

/// The characters other than ASCII digits and Q that a date expression can
/// start with: those [`start_at`] dispatches on.
const DATE_STARTS: &str = "今去前明后昨旧本上下这现目当如眼截而依周星礼年第一二三四五六七八九十〇零同首两春双半";

static DATE_START_SET: CharSet = CharSet::of(DATE_STARTS);

/// Every date expression in `text`, in order and non-overlapping, resolved
/// against `published` (relative ones get `date: None` when it is unknown).
pub fn find_dates(text: &str, published: Option<PartialDate>) -> Vec<DateMention> {
    find_dates_after(text, published, None)
}

/// [`find_dates`] for a sentence after others: `told_year` is the year of the
/// last date told before it in the text, which 同年 refers to when the
/// sentence itself has told none (……出口A100和H100;同年11月,……).
pub fn find_dates_after(text: &str, published: Option<PartialDate>, told_year: Option<i32>) -> Vec<DateMention> {
    let mut out = Vec::new();
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        // Most characters start no date: step over them without decoding
        // (ASCII other than digits and Q; three-byte characters outside
        // DATE_STARTS).
        let x = bytes[i];
        if x < 0x80 && !(x.is_ascii_digit() || x == b'Q') {
            i += 1;
            continue;
        }
        if DATE_START_SET.misses_block_at(bytes, i) {
            i += 3;
            continue;
        }
        if (0xE0..0xF0).contains(&x) {
            let (u, len) = utf8_at(bytes, i);
            if !DATE_START_SET.has(u) {
                i += len;
                continue;
            }
        }
        let Some((c, next)) = char_at(text, i) else { break };
        let found = match start_at(text, i, c, next, published, &mut out, told_year) {
            Start::Found(m) => Some(m),
            Start::SkipTo(j) => {
                i = j;
                continue;
            }
            Start::Nothing => None,
        };
        match found {
            Some(m) if m.end > i => {
                let m = inherit_year(text, m, out.last());
                let m = near_anchor(text, m, &out);
                i = m.end;
                out.push(m);
            }
            _ => i = next,
        }
    }
    out
}

/// 年底/年末 (December) and 年初 (the year) standing alone, of the publish
/// year: 从年初的3.5万美元, 预计年底前; and the spoken 年尾 and 年头 (由年头嘅
/// HK$9,000几), not the 年头 of 这年头 (these days) nor of 几个年头 (years).
fn standalone_year_end(text: &str, i: usize, published: Option<PartialDate>) -> Option<DateMention> {
    let rest = &text[i..];
    let (len, month) = if rest.starts_with("年底") || rest.starts_with("年末") || rest.starts_with("年尾") {
        ("年底".len(), Some(12))
    } else if rest.starts_with("年初") {
        ("年初".len(), None)
    } else if rest.starts_with("年头") && !char_before(text, i).is_some_and(|p| matches!(p, '这' | '那' | '个' | '几' | '好' | '些')) {
        ("年头".len(), None)
    } else {
        return None;
    };
    // 新年初, 多年底蕴: part of another word.
    if char_before(text, i).is_some_and(|p| matches!(p, '新' | '多' | '往' | '每' | '近' | '历' | '千' | '百' | '万' | '周')) {
        return None;
    }
    let date = published.map(|p| match month {
        Some(m) => PartialDate::month(p.year, m),
        None => PartialDate::year(p.year),
    });
    Some(DateMention { start: i, end: i + len, date, kind: DateKind::Relative })
}

/// The day of a wire dateline near the top of an article ((中央社记者……华盛顿
/// 17日专电), 台北18日电), when it falls one or two days before the publish
/// day: the day the article's 今天 is, where the news happened.
pub fn dateline_day(text: &str, published: Option<PartialDate>) -> Option<PartialDate> {
    let p = published?;
    p.day?;
    // The first six lines: a place (Chinese characters), one or two digits,
    // 日, then 电, 专电 or 综合电.
    let head_end = text.match_indices('\n').nth(5).map_or(text.len(), |(i, _)| i);
    let head = &text[..head_end];
    let d = ["日专电", "日综合电", "日綜合電", "日电"].iter().find_map(|w| {
        head.match_indices(w).find_map(|(i, _)| {
            let digits = head[..i].bytes().rev().take_while(u8::is_ascii_digit).count();
            let place = head[..i - digits].chars().next_back().is_some_and(crate::text::is_han);
            ((1..=2).contains(&digits) && place).then(|| head[i - digits..i].parse::<u8>().ok()).flatten()
        })
    })?;
    (1..=2).filter_map(|back| p.add_days(-back)).find(|x| x.day == Some(d))
}

/// The day of the Spring Festival (the lunar new year), by year.
const SPRING_FESTIVALS: [(i32, u8, u8); 16] = [
    (2015, 2, 19), (2016, 2, 8), (2017, 1, 28), (2018, 2, 16), (2019, 2, 5), (2020, 1, 25), (2021, 2, 12), (2022, 2, 1),
    (2023, 1, 22), (2024, 2, 10), (2025, 1, 29), (2026, 2, 17), (2027, 2, 6), (2028, 1, 26), (2029, 2, 13), (2030, 2, 3),
];

/// 春节前, 春节后, 春节期间, and the spoken 年前/年后 (我年前问的时候): the
/// month around the Spring Festival nearest the publish date (春节前 told
/// in February 2025 is January 2025; the festival fell on 29 January).
fn lunar_new_year(text: &str, i: usize, published: Option<PartialDate>) -> Option<DateMention> {
    let rest = &text[i..];
    let (word, tail) = if let Some(r) = rest.strip_prefix("春节") {
        ("春节".len(), r)
    } else {
        // 年前 alone: not 一年前, 今年前三季度, 2024年前, 多年前, 新年前夕.
        let r = rest.strip_prefix('年')?;
        // (过年前: before the festival one celebrates.)
        let alone = char_before(text, i).is_none_or(|p| !p.is_alphanumeric() || "我你他她在就还也是那过".contains(p));
        let celebrated = char_before(text, i) == Some('过');
        if !alone || !(r.starts_with('前') || r.starts_with('后')) || !celebrated && r[3..].starts_with(|c: char| c.is_ascii_digit() || "三两一二四".contains(c)) {
            return None;
        }
        ("年".len(), r)
    };
    // (年前后 is no time of the festival; 春节前后, around it, is the
    // festival's own month.)
    if word == "年".len() && tail.starts_with("前后") {
        return None;
    }
    let (side, len): (i64, usize) = [("前后", 0), ("之前", -10), ("前夕", -3), ("前", -10), ("过后", 10), ("之后", 10), ("后", 10), ("期间", 0)]
        .iter()
        .find(|(w, _)| tail.starts_with(w))
        .map_or((0, 0), |(w, d)| (*d, w.len()));
    if word == "年".len() && len == 0 {
        return None;
    }
    let date = published.and_then(|p| {
        let serial = |d: PartialDate| d.year * 372 + d.month.map_or(6, |m| m as i32 - 1) * 31 + d.day.map_or(15, |x| x as i32);
        // The last festival before publication, or one a month ahead at most
        // (春节前的每卡8000元, told in August: the one that has passed).
        let (y, m, d) = SPRING_FESTIVALS
            .iter()
            .filter(|(y, m, d)| serial(PartialDate::day(*y, *m, *d).unwrap()) <= serial(p) + 31)
            .max_by_key(|(y, m, d)| serial(PartialDate::day(*y, *m, *d).unwrap()))?;
        let day = PartialDate::day(*y, *m, *d)?.add_days(side)?;
        Some(PartialDate::month(day.year, day.month?))
    });
    // (过年前: the mention holds the verb.)
    let start = if word == "年".len() && char_before(text, i) == Some('过') { i - '过'.len_utf8() } else { i };
    Some(DateMention { start, end: i + word + len, date, kind: DateKind::Relative })
}

/// Range connectors and list separators between two dates.
fn joins(gap: &str) -> bool {
    let g = gap.trim_matches(|c: char| c == ' ' || c == '\u{3000}');
    matches!(
        g,
        "至" | "到"
            | "-"
            | "–"
            | "—"
            | "~"
            | "～"
            | "甚至"
            | "、"
            | "和"
            | "与"
            | "或"
            | "及"
            | "直到"
            | "一直到"
    )
}

/// A month or quarter without a year right after a dated mention and a
/// connector takes that mention's year: 2023年4月至6月, 2024年一季度甚至二季度,
/// 2023年10月17日至11月16日.
fn inherit_year(text: &str, m: DateMention, prev: Option<&DateMention>) -> DateMention {
    let Some(prev) = prev else { return m };
    let Some(prev_date) = prev.date else { return m };
    if m.kind != DateKind::Relative || prev.kind == DateKind::Now || prev.end > m.start {
        return m;
    }
    let yearless = text[m.start..].chars().next().is_some_and(|c| {
        c.is_ascii_digit() || cn_digit(c).is_some() || matches!(c, '十' | '第' | 'Q')
    });
    if !yearless || !joins(&text[prev.end..m.start]) {
        return m;
    }
    // Resolving against the last day of that year gives that year.
    let anchor = PartialDate::day(prev_date.year, 12, 31);
    let again = if text[m.start..].starts_with(|c: char| c.is_ascii_digit()) {
        month_day(text, m.start, anchor)
    } else {
        chinese_start(text, m.start, anchor)
    };
    match again {
        Some(a) if a.end == m.end => DateMention {
            kind: prev.kind,
            ..a
        },
        _ => m,
    }
}

/// Whether the month or day at `start..end` is planned ahead: a word of
/// [`FUTURE_BEFORE`] just before it (将于, 最快), or a day a measure starts
/// from (自8月1日起, 从9月15日起).
fn planned_ahead(text: &str, start: usize, end: usize) -> bool {
    let head = text[..start].trim_end_matches(' ');
    let starts_from = (head.ends_with('自') || head.ends_with('从')) && text[end..].trim_start().starts_with('起');
    FUTURE_BEFORE.iter().any(|w| head.ends_with(w)) || starts_from
}

/// 2023年10月17日,美国商务部发布新规,新规定于11月17日起生效: a month (or
/// month and day) without a year, after a dated mention of the same sentence,
/// is in the year that puts it nearest that date (on or after it when it is
/// planned ahead: 将于, 自……起), not in the publication's.
fn near_anchor(text: &str, m: DateMention, before: &[DateMention]) -> DateMention {
    if m.kind != DateKind::Relative {
        return m;
    }
    let t = &text[m.start..m.end];
    if t.contains('年') || !t.contains('月') || !t.starts_with(|c: char| c.is_ascii_digit() || cn_digit(c).is_some() || c == '十') {
        return m;
    }
    // Within the sentence: not across its end.
    let Some(a) = before
        .iter()
        .rev()
        .find(|x| x.kind == DateKind::Absolute && x.end <= m.start)
        .filter(|x| !text[x.end..m.start].contains(['。', '！', '？', '!', '?', '\n']))
        .and_then(|x| x.date)
    else {
        return m;
    };
    // Month and day as written (resolved against the end of the anchor's year).
    let end_of_year = PartialDate::day(a.year, 12, 31);
    let again = if t.starts_with(|c: char| c.is_ascii_digit()) { month_day(text, m.start, end_of_year) } else { chinese_start(text, m.start, end_of_year) };
    let Some(written) = again.filter(|x| x.end == m.end).and_then(|x| x.date) else { return m };
    let Some(month) = written.month else { return m };
    let year = match a.month {
        // A year alone: the month is in it.
        None => a.year,
        Some(am) => {
            let at = |y: i32, mo: u8, d: Option<u8>| i64::from(y) * 372 + i64::from(mo) * 31 + i64::from(d.unwrap_or(1));
            let anchor = at(a.year, am, a.day);
            let ahead = planned_ahead(text, m.start, m.end);
            let years = [a.year - 1, a.year, a.year + 1];
            let found = if ahead {
                years.into_iter().find(|&y| at(y, month, written.day) >= anchor)
            } else {
                years.into_iter().min_by_key(|&y| (at(y, month, written.day) - anchor).abs())
            };
            found.unwrap_or(a.year)
        }
    };
    let date = match written.day {
        Some(d) => PartialDate::day(year, month, d),
        None => Some(PartialDate::month(year, month)),
    };
    DateMention { date, ..m }
}

/// A date starting with ASCII digits at `i`. A year range pushes its first
/// year into `out` and returns the second.
fn ascii_date(
    text: &str,
    i: usize,
    published: Option<PartialDate>,
    out: &mut Vec<DateMention>,
) -> Option<DateMention> {
    let (v, n, end) = digits(text, i)?;
    if n == 4 && (1990..=2100).contains(&v) {
        let year = v as i32;
        let q = skip_spaces(text, end);
        if let Some(after) = eat(text, q, "年") {
            if starts(text, after, "代") {
                return None;
            }
            let (part, e) = year_tail(text, after, year);
            return Some(DateMention {
                start: i,
                end: e,
                date: make(year, &part),
                kind: DateKind::Absolute,
            });
        }
        // 2024财年: a company's fiscal year, named by its year.
        if let Some(after) = eat_word(text, q, &FISCAL_YEAR) {
            // 2025财年第二季度, 2026财年第一财季: a fiscal quarter is no
            // calendar one; the mention is the fiscal year's.
            let mut e = after;
            if let Some(after) = eat(text, e, "第") {
                if let Some((c, n)) = char_at(text, after) {
                    if "一二三四1234".contains(c) {
                        if let Some(x) = ["季度", "财季", "季"].iter().find_map(|t| eat(text, n, t)) {
                            e = x;
                        }
                    }
                }
            }
            return Some(DateMention {
                start: i,
                end: e,
                date: Some(PartialDate::year(year)),
                kind: DateKind::Absolute,
            });
        }
        // 2023-10-17, 2024/4/15, 2023.10.17, 2023-10, 2019-2025
        let (sep, p) = char_at(text, end)?;
        if !matches!(sep, '-' | '/' | '.') {
            return None;
        }
        let (m, mn, me) = digits(text, p)?;
        if mn == 4 && sep == '-' && (1990..=2100).contains(&m) && m > v {
            if text.as_bytes().get(me).is_some_and(|b| b.is_ascii_digit()) {
                return None;
            }
            out.push(DateMention {
                start: i,
                end,
                date: Some(PartialDate::year(year)),
                kind: DateKind::Absolute,
            });
            let q = skip_spaces(text, me);
            let e = eat(text, q, "年").unwrap_or(me);
            return Some(DateMention {
                start: p,
                end: e,
                date: Some(PartialDate::year(m as i32)),
                kind: DateKind::Absolute,
            });
        }
        if mn > 2 || !(1..=12).contains(&m) {
            return None;
        }
        if let Some((sep2, p2)) = char_at(text, me)
            && sep2 == sep
        {
            if let Some((d, dn, de)) = digits(text, p2) {
                let tail_ok = !text
                    .as_bytes()
                    .get(de)
                    .is_some_and(|b| b.is_ascii_digit() || *b == b'.');
                if dn <= 2 && tail_ok {
                    let date = PartialDate::day(year, m as u8, d as u8)?;
                    let e = eat(text, de, "日").unwrap_or(de);
                    return Some(DateMention {
                        start: i,
                        end: e,
                        date: Some(date),
                        kind: DateKind::Absolute,
                    });
                }
            }
            return None;
        }
        if sep == '.' || text.as_bytes().get(me).is_some_and(|b| b.is_ascii_digit()) {
            return None;
        }
        return Some(DateMention {
            start: i,
            end: me,
            date: Some(PartialDate::month(year, m as u8)),
            kind: DateKind::Absolute,
        });
    }
    if n <= 2 {
        return month_day(text, i, published).or_else(|| bare_day(text, i, published));
    }
    None
}

/// `D日` with no month (美国商务部17日宣布, 川普8日在社群平台宣布): a day of the
/// publication's month, or of the month before when it is later than the
/// publication day (unless planned ahead). Not a count of days (3日内, 为期5日),
/// nor yen (5日元).
fn bare_day(text: &str, i: usize, published: Option<PartialDate>) -> Option<DateMention> {
    let (v, _, end) = digits(text, i)?;
    if !(1..=31).contains(&v) {
        return None;
    }
    let e = eat(text, end, "日")?;
    let rest = &text[e..];
    if NOT_A_DAY_AFTER.iter().any(|w| rest.starts_with(w)) {
        return None;
    }
    if char_before(text, i).is_some_and(|c| c.is_ascii_digit() || "月第每近数几个期续隔至到和、或".contains(c)) {
        return None;
    }
    let p = published?;
    let pm = p.month?;
    let head = text[..i].trim_end_matches(' ');
    let ahead = FUTURE_BEFORE.iter().any(|w| head.ends_with(w));
    let (year, month) = match p.day {
        Some(pd) if v as u8 > pd && !ahead => month_shift(p, -1)?,
        _ => (p.year, pm),
    };
    Some(DateMention { start: i, end: e, date: PartialDate::day(year, month, v as u8), kind: DateKind::Relative })
}

/// `M月[D日]` without a year at `i` (ASCII or Chinese numerals). With a
/// following `YYYY年` (3月2023年) it is absolute.
fn month_day(text: &str, i: usize, published: Option<PartialDate>) -> Option<DateMention> {
    let (m, q) = month_at(text, i)?;
    // 3月2023年
    let y = skip_spaces(text, q);
    if let Some((v, 4, ye)) = digits(text, y)
        && (1990..=2100).contains(&v)
        && let Some(e) = eat(text, skip_spaces(text, ye), "年")
    {
        return Some(DateMention {
            start: i,
            end: e,
            date: Some(PartialDate::month(v as i32, m)),
            kind: DateKind::Absolute,
        });
    }
    let (d, end) = month_tail(text, q);
    // 将于11月16日公布, 最快11月16日: a day planned ahead is the next such
    // day, not the last one before publication.
    let ahead = planned_ahead(text, i, end);
    let date = published.and_then(|p| {
        let latest = latest_year(m, d, p);
        let year = if ahead && latest < p.year { p.year } else { latest };
        match d {
            Some(d) => PartialDate::day(year, m, d),
            None => Some(PartialDate::month(year, m)),
        }
    });
    Some(DateMention {
        start: i,
        end,
        date,
        kind: DateKind::Relative,
    })
}

/// 今年, 去年, 前年, 明年, 后年 and what follows them.
fn relative_year(text: &str, i: usize, published: Option<PartialDate>) -> Option<DateMention> {
    let (c, n) = char_at(text, i)?;
    let after = eat(text, n, "年")?;
    let prev = char_before(text, i);
    let offset = match c {
        '今' => 0,
        '去' => {
            // 过去年均, 失去年轻: 去 belongs to the word before.
            if prev
                .is_some_and(|p| matches!(p, '过' | '失' | '除' | '离' | '回' | '上' | '进' | '出'))
            {
                return None;
            }
            -1
        }
        // 旧年 (Cantonese, and old Wu and Min speech): last year; not 辞旧年,
        // 依旧年年, 怀旧年代.
        '旧' => {
            let blocked = prev.is_some_and(|p| matches!(p, '辞' | '送' | '依' | '仍' | '照' | '新' | '陈' | '破' | '怀' | '守' | '念' | '复'))
                || text[after..].starts_with(['代', '年', '货', '画', '份']);
            if blocked {
                return None;
            }
            -1
        }
        // 上年 (上年同期, 比上年增长, 上年底): last year; not 上年纪,
        // 以上年份, nor 上 of the word before (马上年底, 加上年初的, 赶上年末).
        '上' => {
            let blocked = prev.is_some_and(|p| {
                matches!(p, '马' | '加' | '赶' | '遇' | '碰' | '算' | '跟' | '搭' | '配' | '以' | '之' | '向' | '往' | '早' | '晚' | '网' | '线' | '路' | '身' | '手' | '桌' | '台' | '市' | '上' | '再' | '补' | '合' | '关' | '锁' | '穿' | '戴' | '登' | '爬' | '踏' | '走' | '迎' | '看' | '爱' | '考' | '当' | '挂' | '靠' | '沾')
            }) || text[after..].starts_with(['纪', '级', '代', '头', '份', '轻']);
            if blocked {
                return None;
            }
            -1
        }
        '明' => {
            let blocked = prev.is_some_and(|p| {
                matches!(
                    p,
                    '说' | '证'
                        | '表'
                        | '声'
                        | '透'
                        | '阐'
                        | '标'
                        | '注'
                        | '鲜'
                        | '光'
                        | '文'
                        | '聪'
                        | '英'
                        | '查'
                        | '指'
                        | '简'
                        | '申'
                        | '分'
                        | '发'
                )
            });
            if blocked {
                return None;
            }
            1
        }
        '前' => {
            let blocked = prev.is_some_and(|p| {
                p.is_ascii_digit()
                    || cn_digit(p).is_some()
                    || matches!(
                        p,
                        '十' | '两'
                            | '几'
                            | '年'
                            | '之'
                            | '此'
                            | '其'
                            | '以'
                            | '提'
                            | '目'
                            | '日'
                            | '月'
                            | '天'
                            | '从'
                            | '事'
                            | '史'
                            | '空'
                            | '超'
                            | '当'
                    )
            });
            if blocked {
                return None;
            }
            -2
        }
        '后' => {
            let blocked = prev.is_some_and(|p| {
                p.is_ascii_digit()
                    || cn_digit(p).is_some()
                    || matches!(
                        p,
                        '十' | '两'
                            | '几'
                            | '年'
                            | '之'
                            | '此'
                            | '其'
                            | '以'
                            | '然'
                            | '最'
                            | '随'
                            | '今'
                            | '前'
                            | '落'
                            | '日'
                            | '月'
                            | '天'
                            | '背'
                            | '先'
                    )
            });
            if blocked {
                return None;
            }
            2
        }
        _ => return None,
    };
    // 年均, 年化, 年龄 ... : 至今年均 is not 今年.
    if char_at(text, after).is_some_and(|(c, _)| {
        matches!(
            c,
            '均' | '化' | '龄' | '纪' | '轻' | '限' | '代' | '薪' | '级'
        )
    }) {
        return None;
    }
    let year = published.map(|p| p.year + offset);
    let (part, end) = year_tail(text, after, year.unwrap_or(2000));
    // 去年同期, 去年此时: the month of publication, that year.
    if matches!(part, YearPart::Year)
        && end == after
        && offset != 0
        && text[after..].starts_with(['同', '此', '这', '的'])
        && let Some(same) = eat_word(text, after, &SAME_TIME)
    {
        return Some(DateMention {
            start: i,
            end: same,
            date: year.and_then(|y| published.and_then(|p| p.month).map_or(Some(PartialDate::year(y)), |m| Some(PartialDate::month(y, m)))),
            kind: DateKind::Relative,
        });
    }
    Some(DateMention {
        start: i,
        end,
        date: year.and_then(|y| make(y, &part)),
        kind: DateKind::Relative,
    })
}

/// `date.same_time`: the same time of a year after 去年 or 明年 (去年同期,
/// 去年此时): the month of publication in that year.
static SAME_TIME: LazyLock<Vec<&'static str>> = LazyLock::new(|| words("date.same_time"));

/// 同年10月, 同年底: the year of the date told just before in the text (in
/// the sentence, else `told_year`, that of the sentences before).
fn same_year(text: &str, i: usize, out: &[DateMention], told_year: Option<i32>) -> Option<DateMention> {
    let after = eat(text, i, "同年")?;
    // 同年龄, 同年级: not a year.
    if char_at(text, after).is_some_and(|(c, _)| matches!(c, '龄' | '级' | '代' | '纪')) {
        return None;
    }
    let year = out.iter().rev().find_map(|m| m.date).map(|d| d.year).or(told_year)?;
    let (part, end) = year_tail(text, after, year);
    Some(DateMention {
        start: i,
        end,
        date: make(year, &part),
        kind: DateKind::Relative,
    })
}

/// 今天, 今日, 昨天, 昨日, 前天, 明天.
fn relative_day(text: &str, i: usize, published: Option<PartialDate>) -> Option<DateMention> {
    let (shift, end) = [
        ("今天", 0),
        ("今日", 0),
        ("昨天", -1),
        ("昨日", -1),
        ("前天", -2),
        ("明天", 1),
    ]
    .iter()
    .find_map(|(w, k)| eat(text, i, w).map(|e| (*k, e)))?;
    if starts(text, i, "今日头条") {
        return None;
    }
    // 提前天数, 之前天: 前 belongs to the word before.
    if starts(text, i, "前天")
        && char_before(text, i)
            .is_some_and(|p| matches!(p, '提' | '之' | '此' | '以' | '日' | '目' | '年' | '空'))
    {
        return None;
    }
    let date = published.and_then(|p| match p.day {
        Some(_) => p.add_days(shift),
        None => p.month.map(|m| PartialDate::month(p.year, m)),
    });
    Some(DateMention {
        start: i,
        end,
        date,
        kind: DateKind::Relative,
    })
}

/// 本月, 这个月, 上月, 上个月, 下月, 下个月 (+ day or part of month).
fn relative_month(text: &str, i: usize, published: Option<PartialDate>) -> Option<DateMention> {
    let (shift, q) = [
        ("本月", 0),
        ("这个月", 0),
        ("上个月", -1),
        ("上月", -1),
        ("下个月", 1),
        ("下月", 1),
    ]
    .iter()
    .find_map(|(w, k)| eat(text, i, w).map(|e| (*k, e)))?;
    let (d, end) = month_tail(text, q);
    let date = published
        .and_then(|p| month_shift(p, shift))
        .and_then(|(y, m)| match d {
            Some(d) => PartialDate::day(y, m, d),
            None => Some(PartialDate::month(y, m)),
        });
    Some(DateMention {
        start: i,
        end,
        date,
        kind: DateKind::Relative,
    })
}

/// 本周, 这周, 上周, 上个星期, 下周: the month the week falls in (a week
/// is no day; with a day of publication, the week is counted from it).
fn relative_week(text: &str, i: usize, published: Option<PartialDate>) -> Option<DateMention> {
    let (shift, end) = [
        ("本周", 0),
        ("这周", 0),
        ("本星期", 0),
        ("这个星期", 0),
        ("上周", -7),
        ("上星期", -7),
        ("上个星期", -7),
        ("下周", 7),
        ("下星期", 7),
        ("下个星期", 7),
    ]
    .iter()
    .find_map(|(w, k)| eat(text, i, w).map(|e| (*k, e)))?;
    // 上周一, 本周三: a weekday, left to the weekday reader.
    if char_at(text, end).is_some_and(|(c, _)| "一二三四五六日天末".contains(c)) {
        return None;
    }
    // 下周24日, 本周15号: the day of that week written right after it (the
    // day alone would be read as one already past).
    let digits = text[end..].bytes().take_while(u8::is_ascii_digit).count();
    if (1..=2).contains(&digits)
        && let Some(after) = eat(text, end + digits, "日").or_else(|| eat(text, end + digits, "号"))
        && let Some(base) = published.filter(|p| p.day.is_some()).and_then(|p| p.add_days(shift))
    {
        let n: u8 = text[end..end + digits].parse().ok()?;
        if let Some(date) = (-6..=6).filter_map(|k| base.add_days(k)).find(|d| d.day == Some(n)) {
            return Some(DateMention { start: i, end: after, date: Some(date), kind: DateKind::Relative });
        }
    }
    let date = published.and_then(|p| {
        let day = if p.day.is_some() { p.add_days(shift)? } else { p };
        day.month.map(|m| PartialDate::month(day.year, m))
    });
    Some(DateMention { start: i, end, date, kind: DateKind::Relative })
}

/// 上半年 / 下半年 with no year before: the publication year.
fn standalone_half(text: &str, i: usize, published: Option<PartialDate>) -> Option<DateMention> {
    let end = eat(text, i, "上半年").or_else(|| eat(text, i, "下半年"))?;
    Some(DateMention {
        start: i,
        end,
        date: published.map(|p| PartialDate::year(p.year)),
        kind: DateKind::Relative,
    })
}

/// 现在, 目前, 当前, 如今, 眼下, 当下, 截至发稿, 截止发稿, and the Cantonese
/// 而家 and 依家.
fn now_word(text: &str, i: usize, published: Option<PartialDate>) -> Option<DateMention> {
    let end = [
        "现在",
        "目前",
        "当前",
        "如今",
        "眼下",
        "当下",
        "截至发稿",
        "截止发稿",
        "而家",
        "依家",
    ]
    .iter()
    .find_map(|w| eat(text, i, w))?;
    let prev = char_before(text, i);
    // 然而家用市场, 因而家家: 而 ends a word before; 依家人意愿: 家 starts one after.
    if (text[i..].starts_with('而') && prev.is_some_and(|p| "然因反从进继故且".contains(p)))
        || (text[i..].starts_with("而家") || text[i..].starts_with("依家"))
            && text[end..].chars().next().is_some_and(|n| "庭用电具居族属人长乡家里".contains(n))
    {
        return None;
    }
    if starts(text, i, "现在") && xian_verb(prev) {
        return None;
    }
    // 相当前沿, 适当下调, 充当前锋: 当 belongs to the word before.
    if text[i..].starts_with('当')
        && prev.is_some_and(|p| matches!(p, '相' | '适' | '应' | '充' | '担' | '妥' | '正' | '恰'))
    {
        return None;
    }
    // 着眼下一代, 放眼下一个: 眼 belongs to 着眼/放眼.
    if text[i..].starts_with('眼')
        && prev.is_some_and(|p| matches!(p, '着' | '放' | '满' | '亲' | '字'))
    {
        return None;
    }
    Some(DateMention {
        start: i,
        end,
        date: published,
        kind: DateKind::Now,
    })
}

/// 周二, 上周五, 本周三, 下周一 with no day written: counted from a
/// publication day, in weeks that start on Monday; a bare weekday in news is
/// the last such day up to publication (美国商务部周二宣布).
fn bare_weekday(text: &str, i: usize, published: Option<PartialDate>) -> Option<DateMention> {
    let (week, q) = [("上个星期", -1), ("上星期", -1), ("上周", -1), ("本周", 0), ("这周", 0), ("本星期", 0), ("下周", 1), ("下星期", 1)]
        .iter()
        .find_map(|(w, k)| eat(text, i, w).map(|e| (Some(*k), e)))
        .or_else(|| eat(text, i, "周").or_else(|| eat(text, i, "星期")).or_else(|| eat(text, i, "礼拜")).map(|e| (None, e)))?;
    let (w, end) = char_at(text, q)?;
    let target: i64 = match w {
        '日' | '天' => 7,
        _ => crate::text::cn_digit(w).filter(|d| (1..=6).contains(d))? as i64,
    };
    // 周一至周五, 周末: a span of days, not one; 周年, 周期: no weekday.
    if char_at(text, end).is_some_and(|(c, _)| matches!(c, '至' | '到' | '、' | '和' | '年' | '期' | '刊')) {
        return None;
    }
    let p = published.filter(|p| p.day.is_some())?;
    let day = jiff::civil::Date::new(p.year.try_into().ok()?, p.month? as i8, p.day? as i8).ok()?;
    let today = day.weekday().to_monday_one_offset() as i64;
    let shift = match week {
        Some(k) => 7 * k + target - today,
        None => -((today - target).rem_euclid(7)),
    };
    Some(DateMention { start: i, end, date: p.add_days(shift), kind: DateKind::Relative })
}

/// 周四(4日), 星期四（4日）, 周四4日, 周五 (21 日): that day of the published
/// month; 周二(1/13): that month and day, in the year up to the published date.
fn weekday_day(text: &str, i: usize, published: Option<PartialDate>) -> Option<DateMention> {
    let q = eat(text, i, "周")
        .or_else(|| eat(text, i, "星期"))
        .or_else(|| eat(text, i, "礼拜"))?;
    let (w, q) = char_at(text, q)?;
    if !matches!(w, '一' | '二' | '三' | '四' | '五' | '六' | '日' | '天') {
        return None;
    }
    let open = eat(text, skip_spaces(text, q), "(").or_else(|| eat(text, skip_spaces(text, q), "（")).map(|o| skip_spaces(text, o));
    if let Some(o) = open
        && let Some((m, _, slash)) = digits(text, o)
        && let Some(d_at) = eat(text, slash, "/")
        && let Some((d, _, d_end)) = digits(text, d_at)
        && (1..=12).contains(&m)
        && (1..=31).contains(&d)
    {
        let close = skip_spaces(text, d_end);
        let end = eat(text, close, ")").or_else(|| eat(text, close, "）"))?;
        let date = published.and_then(|p| PartialDate::day(latest_year(m as u8, Some(d as u8), p), m as u8, d as u8));
        return Some(DateMention { start: i, end, date, kind: DateKind::Relative });
    }
    let (d, mut end) = day_at(text, open.unwrap_or(q))?;
    if open.is_some() {
        end = eat(text, end, ")")
            .or_else(|| eat(text, end, "）"))
            .unwrap_or(end);
    }
    let date = published.and_then(|p| {
        let shift = match p.day {
            Some(pd) if d > pd => -1,
            _ => 0,
        };
        let (y, m) = month_shift(p, shift)?;
        PartialDate::day(y, m, d)
    });
    Some(DateMention {
        start: i,
        end,
        date,
        kind: DateKind::Relative,
    })
}

/// Dates that start with a Chinese numeral, 第 or Q: 二〇二三年, 十月二十日,
/// 一季度, 第三季度, Q3.
fn chinese_start(text: &str, i: usize, published: Option<PartialDate>) -> Option<DateMention> {
    let prev = char_before(text, i);
    let numeral_before = prev.is_some_and(|p| {
        cn_digit(p).is_some()
            || matches!(
                p,
                '十' | '两' | '几' | '个' | '第' | '每' | '数' | '周' | '期'
            )
    });
    // Chinese numeral year: four digits then 年.
    let mut q = i;
    let mut v = 0i32;
    let mut n = 0;
    while let Some((c, next)) = char_at(text, q) {
        let Some(d) = cn_digit(c) else { break };
        v = v.saturating_mul(10).saturating_add(d as i32);
        n += 1;
        q = next;
        if n > 4 {
            break;
        }
    }
    if n == 4
        && !numeral_before
        && (1990..=2100).contains(&v)
        && let Some(after) = eat(text, q, "年")
    {
        let (part, end) = year_tail(text, after, v);
        return Some(DateMention {
            start: i,
            end,
            date: make(v, &part),
            kind: DateKind::Absolute,
        });
    }
    let year_of_pub = || published.map(|p| PartialDate::year(p.year));
    if let Some(end) = quarter_at(text, i) {
        if starts(text, i, "Q") && prev.is_some_and(|p| p.is_ascii_alphanumeric()) {
            return None;
        }
        if !starts(text, i, "第") && !starts(text, i, "Q") && numeral_before {
            return None;
        }
        return Some(DateMention {
            start: i,
            end,
            date: year_of_pub(),
            kind: DateKind::Relative,
        });
    }
    if numeral_before || starts(text, i, "两") {
        return None;
    }
    month_day(text, i, published)
}

/// [`ago`] at `i`, asked only where 年 or 个 stands at `after` (the end of
/// the number's first character or digits): most numbers have neither.
fn counted_back(text: &str, i: usize, after: usize, published: Option<PartialDate>) -> Option<DateMention> {
    (starts(text, after, "年") || starts(text, after, "个")).then(|| ago(text, i, published)).flatten()
}

/// 一年前, 两年多前, 3个月前, 两个多月前: a time counted back from the publish date, the
/// year (one to five years back) or the month (one to eleven months back).
/// (20年前 is history, not a date the text prices or dates an event by.)
fn ago(text: &str, i: usize, published: Option<PartialDate>) -> Option<DateMention> {
    let prev = char_before(text, i);
    if prev.is_some_and(|p| p.is_ascii_digit() || cn_digit(p).is_some() || matches!(p, '十' | '两' | '几' | '第' | '每' | '数' | '.')) {
        return None;
    }
    let (n, q) = if starts(text, i, "两") { (2, i + '两'.len_utf8()) } else { small_num(text, i)? };
    // (N年多前, N个多月前: a little over.)
    let over = |p: usize| eat(text, p, "多").unwrap_or(p);
    if let Some(end) = eat(text, q, "年").and_then(|p| eat(text, over(p), "前")) {
        return (1..=5).contains(&n).then(|| DateMention {
            start: i,
            end,
            date: published.map(|p| PartialDate::year(p.year - n as i32)),
            kind: DateKind::Relative,
        });
    }
    let end = eat(text, q, "个").and_then(|p| eat(text, over(p), "月前"))?;
    (1..=11).contains(&n).then(|| DateMention {
        start: i,
        end,
        date: published.and_then(|p| month_shift(p, -(n as i32))).map(|(y, m)| PartialDate::month(y, m)),
        kind: DateKind::Relative,
    })
}

/// 半年前, 半年多前: half a year back from the publish date, a vague time
/// told to its year (the year six months before).
fn half_a_year_ago(text: &str, i: usize, published: Option<PartialDate>) -> Option<DateMention> {
    let p = eat(text, i, "半年")?;
    let end = eat(text, eat(text, p, "多").unwrap_or(p), "前")?;
    // (Not 一年半前, 两年半前: counted with a number before.)
    if char_before(text, i).is_some_and(|c| c == '年' || c == '个') {
        return None;
    }
    Some(DateMention {
        start: i,
        end,
        date: published.and_then(|p| month_shift(p, -6)).map(|(y, _)| PartialDate::year(y)),
        kind: DateKind::Relative,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The fast path of `find_dates` skips a character only when the
    /// dispatch would find nothing at it, whatever follows.
    #[test]
    fn only_date_starts_can_start_a_date() {
        let published = Some(PartialDate::month(2024, 7));
        let tails = ["", "年", "月", "天", "日", "季度", "年底", "年初", "个月", "月份", "半年", "2024年", "二〇二四年", "周三"];
        for c in (0x80..0x10000u32).filter_map(char::from_u32) {
            if DATE_START_SET.has(c as u32) {
                continue;
            }
            for tail in tails {
                let text = format!("{c}{tail}");
                let mut out = Vec::new();
                assert!(
                    matches!(start_at(&text, 0, c, c.len_utf8(), published, &mut out, None), Start::Nothing),
                    "{text}"
                );
            }
        }
        for c in DATE_STARTS.chars() {
            assert!(DATE_START_SET.has(c as u32), "{c}");
        }
    }

    fn pd(s: &str) -> PartialDate {
        s.parse().unwrap()
    }

    /// (span text, date as string or "-", kind initial)
    fn f(text: &str, published: Option<&str>) -> Vec<(String, String, char)> {
        find_dates(text, published.map(pd))
            .into_iter()
            .map(|m| {
                let k = match m.kind {
                    DateKind::Absolute => 'A',
                    DateKind::Relative => 'R',
                    DateKind::Now => 'N',
                };
                (
                    text[m.start..m.end].to_string(),
                    m.date.map_or("-".to_string(), |d| d.to_string()),
                    k,
                )
            })
            .collect()
    }

    fn e(span: &str, date: &str, k: char) -> (String, String, char) {
        (span.to_string(), date.to_string(), k)
    }

    #[test]
    fn absolute_full_dates() {
        assert_eq!(
            f("2023年10月17日,美国商务部", None),
            vec![e("2023年10月17日", "2023-10-17", 'A')]
        );
        assert_eq!(
            f("于2023-10-17发布", None),
            vec![e("2023-10-17", "2023-10-17", 'A')]
        );
        assert_eq!(
            f("2024-4-15和2024/4/15", None),
            vec![
                e("2024-4-15", "2024-04-15", 'A'),
                e("2024/4/15", "2024-04-15", 'A')
            ]
        );
    }

    #[test]
    fn a_fiscal_year_and_its_quarter_are_the_fiscal_year() {
        let published = Some("2024-08");
        assert_eq!(f("英伟达2024财年财报显示", published), vec![e("2024财年", "2024", 'A')]);
        assert_eq!(f("在2025财年第二季度,数据中心", published), vec![e("2025财年第二季度", "2025", 'A')]);
        assert_eq!(f("2026财年第一财季业绩", published), vec![e("2026财年第一财季", "2026", 'A')]);
        assert_eq!(f("2022会计年度营收", published), vec![e("2022会计年度", "2022", 'A')]);
        // A year with 年 and its quarter are a calendar year, as before.
        assert_eq!(f("2024年第二季度", published), vec![e("2024年第二季度", "2024", 'A')]);
    }

    #[test]
    fn absolute_month_and_year() {
        assert_eq!(
            f("2022年9月,A100/H00禁止向中国出口", None),
            vec![e("2022年9月", "2022-09", 'A')]
        );
        assert_eq!(
            f("截至 2024 年 3 月,国内共有", None),
            vec![e("2024 年 3 月", "2024-03", 'A')]
        );
        assert_eq!(f("2023年,英伟达", None), vec![e("2023年", "2023", 'A')]);
        assert_eq!(
            f("二〇二三年十月", None),
            vec![e("二〇二三年十月", "2023-10", 'A')]
        );
        assert_eq!(f("3月2023年", None), vec![e("3月2023年", "2023-03", 'A')]);
    }

    #[test]
    fn parts_of_a_year() {
        assert_eq!(
            f("2022年底,ChatGPT问世", None),
            vec![e("2022年底", "2022-12", 'A')]
        );
        assert_eq!(f("2023年末", None), vec![e("2023年末", "2023-12", 'A')]);
        for t in [
            "2023年初",
            "2023年上半年",
            "2023年下半年",
            "2023年第三季度",
            "2023年Q3",
            "2023年三季度",
        ] {
            assert_eq!(f(t, None), vec![e(t, "2023", 'A')], "{t}");
        }
    }

    #[test]
    fn a_day_without_a_month_is_in_the_publication_month() {
        assert_eq!(f("美国商务部17日宣布", Some("2023-10-18")), vec![e("17日", "2023-10-17", 'R')]);
        assert_eq!(f("川普8日在社群平台宣布", Some("2025-12-09")), vec![e("8日", "2025-12-08", 'R')]);
        // Later than the publication day: the month before.
        assert_eq!(f("英伟达28日表示", Some("2025-12-03")), vec![e("28日", "2025-11-28", 'R')]);
        // Counts of days, yen, and days of a month told before are not read here.
        assert!(f("须在3日内完成", Some("2025-12-09")).is_empty());
        assert!(f("售价5日元", Some("2025-12-09")).is_empty());
        assert!(f("为期5日的会议", Some("2025-12-09")).is_empty());
        assert_eq!(f("12月2日至3日", Some("2024-12-09")).len(), 1);
    }

    #[test]
    fn weeks_give_their_month() {
        assert_eq!(f("网信办本周已通知字节跳动", Some("2025-09-17")), vec![e("本周", "2025-09", 'R')]);
        assert_eq!(f("上周宣布", Some("2025-10-03")), vec![e("上周", "2025-09", 'R')]);
        // A weekday without a day: counted from the publication day.
        assert_eq!(f("已于上周五开始核发", Some("2025-08-12")), vec![e("上周五", "2025-08-08", 'R')]);
        assert_eq!(f("美国商务部周二宣布", Some("2025-06-12")), vec![e("周二", "2025-06-10", 'R')]);
        assert_eq!(f("星期四宣布", Some("2025-06-12")), vec![e("星期四", "2025-06-12", 'R')]);
        assert_eq!(f("本周三起实施", Some("2025-06-12")), vec![e("本周三", "2025-06-11", 'R')]);
        assert_eq!(f("下周一生效", Some("2025-06-12")), vec![e("下周一", "2025-06-16", 'R')]);
        // A day written after the week is the day of that week.
        assert_eq!(f("下周24日登场的RTX 3090", Some("2020-09-18")), vec![e("下周24日", "2020-09-24", 'R')]);
        assert_eq!(f("将于下周2号公布", Some("2025-06-27")), vec![e("下周2号", "2025-07-02", 'R')]);
        assert_eq!(f("上周15日宣布", Some("2025-06-20")), vec![e("上周15日", "2025-06-15", 'R')]);
        assert!(f("周年庆", Some("2025-06-12")).is_empty());
        assert_eq!(f("这周", Some("2025-10")), vec![e("这周", "2025-10", 'R')]);
    }

    #[test]
    fn a_day_planned_ahead_is_after_publication() {
        assert_eq!(f("最快将于 11 月 16 日对外公布", Some("2023-11-10")), vec![e("11 月 16 日", "2023-11-16", 'R')]);
        assert_eq!(f("新规定于12月1日起实施", Some("2023-11-10")), vec![e("12月1日", "2023-12-01", 'R')]);
        // Without a word of the future, the last such day before publication.
        assert_eq!(f("英伟达11月16日公布", Some("2023-11-10")), vec![e("11月16日", "2022-11-16", 'R')]);
    }

    #[test]
    fn quarters_take_the_publication_year() {
        assert_eq!(
            f("一季度营收", Some("2024-05")),
            vec![e("一季度", "2024", 'R')]
        );
        assert_eq!(
            f("第三季度", Some("2024-05")),
            vec![e("第三季度", "2024", 'R')]
        );
        assert_eq!(
            f("辉达第三季营收", Some("2024-05")),
            vec![e("第三季", "2024", 'R')]
        );
        assert_eq!(
            f("2023年第4季出货", None),
            vec![e("2023年第4季", "2023", 'A')]
        );
        assert_eq!(f("一季度", None), vec![e("一季度", "-", 'R')]);
    }

    #[test]
    fn same_year_takes_the_year_told_before() {
        assert_eq!(
            f("H800是英伟达2023年推出的特供版芯片,同年10月被禁止对华出口", Some("2025-02-05")),
            vec![e("2023年", "2023", 'A'), e("同年10月", "2023-10", 'R')]
        );
        assert_eq!(
            f("2019年5月美国将华为列入实体清单,同年8月又追加46家", Some("2021-01")),
            vec![e("2019年5月", "2019-05", 'A'), e("同年8月", "2019-08", 'R')]
        );
        // With no year told before, the month is read as it stands; 同年龄
        // is no year.
        assert_eq!(f("同年10月", Some("2025-02")), vec![e("10月", "2024-10", 'R')]);
        assert_eq!(f("2023年,同年龄段的用户", Some("2025-02")), vec![e("2023年", "2023", 'A')]);
        // A sentence after others: the year told before it in the text; one
        // of its own comes first.
        let after = |t: &str, told: i32| find_dates_after(t, Some(pd("2025-09")), Some(told)).into_iter().map(|m| m.date.map(|d| d.to_string())).collect::<Vec<_>>();
        assert_eq!(after("同年11月,英伟达推出特供版A800", 2022), vec![Some("2022-11".to_string())]);
        assert_eq!(after("同年底,美国再度收紧管制", 2023), vec![Some("2023-12".to_string())]);
        assert_eq!(after("2024年3月发布,同年5月量产", 2022), vec![Some("2024-03".to_string()), Some("2024-05".to_string())]);
    }

    #[test]
    fn last_year_in_other_words() {
        // 旧年 (Cantonese) and 上年 (official and Hong Kong writing): last year.
        assert_eq!(f("我旧年1万3入嘅", Some("2023-12-29")), vec![e("旧年", "2022", 'R')]);
        assert_eq!(f("佢话旧年第三季出货量", Some("2025-02-08")), vec![e("旧年第三季", "2024", 'R')]);
        assert_eq!(f("旧年十月", Some("2024-03")), vec![e("旧年十月", "2023-10", 'R')]);
        assert_eq!(f("比上年增长三成", Some("2024-03")), vec![e("上年", "2023", 'R')]);
        assert_eq!(f("而上年同期这一比例为13%", Some("2024-08-28")), vec![e("上年同期", "2023-08", 'R')]);
        // The 旧 of 辞旧, 怀旧 and the 上 of 马上, 加上, 以上 are of other words.
        for t in ["辞旧年迎新春", "怀旧年代的显卡", "马上年底了", "加上年初的涨幅", "以上年份", "上年纪的人"] {
            assert!(f(t, Some("2024-03")).iter().all(|m| !m.1.starts_with("2023")), "{t}");
        }
    }

    #[test]
    fn holidays_of_a_fixed_month() {
        assert_eq!(f("去年双十一活动价不到6000元", Some("2026-02-06")), vec![e("去年双十一", "2025-11", 'R')]);
        assert_eq!(f("去年国庆前后同一款卡", Some("2026-02-06")), vec![e("去年国庆", "2025-10", 'R')]);
        assert_eq!(f("今年双11的时候", Some("2024-12-01")), vec![e("今年双11", "2024-11", 'R')]);
        // Alone: the latest such month not after the publish date.
        assert_eq!(f("我双十一入的", Some("2024-01-20")), vec![e("双十一", "2023-11", 'R')]);
        assert_eq!(f("双11当天下单", Some("2024-11-20")), vec![e("双11", "2024-11", 'R')]);
        // Not a day of a month: 双11号 (a room, a lot) is no holiday.
        assert!(f("双11号楼", Some("2024-11-20")).is_empty());
        // One still to come: no date.
        assert!(f("本来想等双十一的", Some("2023-10-19")).is_empty());
    }

    #[test]
    fn relative_years() {
        assert_eq!(
            f("今年4月份,李鹏以单个近8万元的价格", Some("2023-10")),
            vec![e("今年4月份", "2023-04", 'R')]
        );
        assert_eq!(
            f("从去年年底到现在", Some("2023-04-23")),
            vec![e("去年年底", "2022-12", 'R'), e("现在", "2023-04-23", 'N')]
        );
        assert_eq!(
            f("去年10月", Some("2024-03")),
            vec![e("去年10月", "2023-10", 'R')]
        );
        assert_eq!(
            f("租金已从去年同期每小时约4美元降至2.5美元", Some("2025-07-15")),
            vec![e("去年同期", "2024-07", 'R')]
        );
        assert_eq!(
            f("去年此时,想租到一张H100可说一卡难求", Some("2024-10-15")),
            vec![e("去年此时", "2023-10", 'R')]
        );
        assert_eq!(
            f("明年这个时候", Some("2024-10-15")),
            vec![e("明年这个时候", "2025-10", 'R')]
        );
        assert_eq!(f("前年", Some("2024-03")), vec![e("前年", "2022", 'R')]);
        assert_eq!(
            f("明年3月1日", Some("2024-03")),
            vec![e("明年3月1日", "2025-03-01", 'R')]
        );
        assert_eq!(f("今年", None), vec![e("今年", "-", 'R')]);
        assert_eq!(
            f("去年底", Some("2024-03")),
            vec![e("去年底", "2023-12", 'R')]
        );
        assert_eq!(f("价格从年初的3.5万美元下滑", Some("2024-08")), vec![e("年初", "2024", 'R')]);
        // The spoken 年头 and 年尾; not 这年头 (these days).
        assert_eq!(f("叫价由年头嘅HK$9,000几", Some("2021-06")), vec![e("年头", "2021", 'R')]);
        assert_eq!(f("年尾先至有货", Some("2021-06")), vec![e("年尾", "2021-12", 'R')]);
        assert_eq!(f("这年头显卡真贵", Some("2021-06")), vec![]);
        // The Spring Festival nearest the publish date, and the month on its side.
        assert_eq!(f("服务器价格在春节前约100万元", Some("2025-02-20")), vec![e("春节前", "2025-01", 'R')]);
        assert_eq!(f("春节后直接断货", Some("2025-02-20")), vec![e("春节后", "2025-02", 'R')]);
        assert_eq!(f("春节期间订单大增", Some("2024-03-01")), vec![e("春节期间", "2024-02", 'R')]);
        // Told half a year after the festival: the one that has passed, not the next.
        assert_eq!(f("月租从春节前的8000元涨到了1.3万元", Some("2023-08-16")), vec![e("春节前", "2023-01", 'R')]);
        assert_eq!(f("春节后价格回落", Some("2024-10-20")), vec![e("春节后", "2024-02", 'R')]);
        // A month ahead at most: the coming one.
        assert_eq!(f("春节前备货", Some("2024-01-20")), vec![e("春节前", "2024-01", 'R')]);
        assert_eq!(f("我年前问的时候报价2.2万", Some("2025-02-20")), vec![e("年前", "2025-01", 'R')]);
        assert_eq!(f("八卡整机过年前110万左右", Some("2025-02-18")), vec![e("过年前", "2025-01", 'R')]);
        // Not the spoken 年前: 一年前 is counted back, 今年前三季度 a part of a year.
        assert!(f("多年前的老卡", Some("2025-02-20")).is_empty());
        // 春节前后, around the festival: its own month.
        assert_eq!(f("春节前后询单增加", Some("2025-02-20")), vec![e("春节前后", "2025-01", 'R')]);
        assert_eq!(f("从春节前后到5月中旬", Some("2021-06-10")), vec![e("春节前后", "2021-02", 'R'), e("5月中旬", "2021-05", 'R')]);
        // A wire dateline a day before publication is the day of 今天.
        let p = |s: &str| s.parse::<PartialDate>().ok();
        assert_eq!(dateline_day("(中央社记者张欣瑜华盛顿17日专电)2023/10/18 07:25\n美国商务部今天公布", p("2023-10-18")), p("2023-10-17"));
        assert_eq!(dateline_day("(中央社台北1日电)", p("2024-03-02")), p("2024-03-01"));
        assert_eq!(dateline_day("《经济通通讯社18日专讯》", p("2023-10-18")), None);
        assert_eq!(dateline_day("新华社北京18日电", p("2023-10-18")), None);
        assert_eq!(f("预计年底前交付", Some("2024-08")), vec![e("年底", "2024-12", 'R')]);
        assert_eq!(
            f("每年底结算", Some("2024-08")).len(),
            0
        );
    }

    #[test]
    fn relative_months() {
        assert_eq!(
            f("本月7日", Some("2023-10-20")),
            vec![e("本月7日", "2023-10-07", 'R')]
        );
        assert_eq!(
            f("上月", Some("2024-01-05")),
            vec![e("上月", "2023-12", 'R')]
        );
        assert_eq!(
            f("上个月", Some("2024-03")),
            vec![e("上个月", "2024-02", 'R')]
        );
        assert_eq!(f("下月", Some("2023-12")), vec![e("下月", "2024-01", 'R')]);
    }

    #[test]
    fn years_and_months_counted_back_from_publication() {
        assert_eq!(f("一年前,一张H100的租金还能卖到每小时8美元", Some("2024-09-12")), vec![e("一年前", "2023", 'R')]);
        assert_eq!(f("两年多前推出时", Some("2025-03")), vec![e("两年多前", "2023", 'R')]);
        assert_eq!(f("3个月前的报价", Some("2024-02-10")), vec![e("3个月前", "2023-11", 'R')]);
        assert_eq!(f("两个多月前", Some("2024-02-10")), vec![e("两个多月前", "2023-12", 'R')]);
        // Half a year back, a vague time: its year.
        assert_eq!(f("半年前还要140万元上下", Some("2024-05-28")), vec![e("半年前", "2023", 'R')]);
        assert_eq!(f("半年多前", Some("2024-10-10")), vec![e("半年多前", "2024", 'R')]);
        assert!(f("一年半前", Some("2024-10-10")).iter().all(|(span, _, _)| !span.starts_with('半')));
        // History and counts are no dates of the text.
        for t in ["20年前", "十几年前", "每两年前后", "第一年前三季度"] {
            assert!(f(t, Some("2024-02")).iter().all(|(span, _, _)| !span.contains("年前")), "{t}");
        }
    }

    #[test]
    fn months_without_a_year_are_the_latest_not_after_publication() {
        assert_eq!(
            f("至10月20日,其单个价格已经涨至约30万元", Some("2023-10")),
            vec![e("10月20日", "2023-10-20", 'R')]
        );
        assert_eq!(
            f("10月20日", Some("2023-04-23")),
            vec![e("10月20日", "2022-10-20", 'R')]
        );
        assert_eq!(f("4月", Some("2023-04-23")), vec![e("4月", "2023-04", 'R')]);
        assert_eq!(f("5月", Some("2023-04-23")), vec![e("5月", "2022-05", 'R')]);
        assert_eq!(
            f("4月中旬", Some("2023-10")),
            vec![e("4月中旬", "2023-04", 'R')]
        );
        assert_eq!(
            f("4月底", Some("2023-10")),
            vec![e("4月底", "2023-04", 'R')]
        );
        assert_eq!(f("10月20日", None), vec![e("10月20日", "-", 'R')]);
    }

    #[test]
    fn relative_days() {
        assert_eq!(
            f("美国商务部昨日宣布", Some("2023-10-18")),
            vec![e("昨日", "2023-10-17", 'R')]
        );
        assert_eq!(
            f("今天", Some("2024-03-01")),
            vec![e("今天", "2024-03-01", 'R')]
        );
        assert_eq!(
            f("前天", Some("2024-03-01")),
            vec![e("前天", "2024-02-28", 'R')]
        );
        assert_eq!(f("昨天", Some("2024-03")), vec![e("昨天", "2024-03", 'R')]);
        assert_eq!(f("昨天", None), vec![e("昨天", "-", 'R')]);
        assert_eq!(f("据今日头条报道", Some("2024-03")), vec![]);
    }

    #[test]
    fn weekday_with_day() {
        assert_eq!(
            f("周四(4日)", Some("2024-04-10")),
            vec![e("周四(4日)", "2024-04-04", 'R')]
        );
        assert_eq!(
            f("周四4日", Some("2024-04")),
            vec![e("周四4日", "2024-04-04", 'R')]
        );
        assert_eq!(f("两周一次", Some("2024-04")), vec![]);
        assert_eq!(f("周五 (21 日)", Some("2019-06")), vec![e("周五 (21 日)", "2019-06-21", 'R')]);
        assert_eq!(f("周二(1/13)", Some("2026-01-13")), vec![e("周二(1/13)", "2026-01-13", 'R')]);
        assert_eq!(f("周三（12/31）", Some("2026-01-01")), vec![e("周三（12/31）", "2025-12-31", 'R')]);
    }

    #[test]
    fn time_zone_prefix_keeps_the_calendar_date() {
        assert_eq!(
            f("美东时间10月17日", Some("2023-10-18")),
            vec![e("10月17日", "2023-10-17", 'R')]
        );
        assert_eq!(
            f("北京时间2023年10月18日", None),
            vec![e("2023年10月18日", "2023-10-18", 'A')]
        );
    }

    #[test]
    fn now_words() {
        for w in ["现在", "目前", "当前", "如今", "眼下", "截至发稿", "而家", "依家"] {
            assert_eq!(f(w, Some("2023-10")), vec![e(w, "2023-10", 'N')], "{w}");
        }
        for t in [
            "问题出现在芯片",
            "技术相当前沿",
            "适当下调价格",
            "着眼下一代产品",
            "然而家用显卡也涨了",
            "因而家家户户",
            "而家用市场",
        ] {
            assert_eq!(f(t, Some("2023-10")), vec![], "{t}");
        }
    }

    #[test]
    fn durations_are_not_dates() {
        for t in [
            "苹果用了37年",
            "在上市14年之后",
            "30天缓冲期",
            "三四年",
            "6个月",
            "5年来",
            "十几年",
            "20年前",
            "每年",
            "每六个月",
            "两周",
            "1990年代",
            "至今年均增长",
        ] {
            assert_eq!(f(t, Some("2023-10")), vec![], "{t}");
        }
    }

    #[test]
    fn a_yearless_month_after_a_dated_mention_is_near_that_date() {
        // Planned ahead: on or after the dated mention.
        assert_eq!(
            f("2023年10月17日,美国商务部发布新规,新规定于11月17日起生效", Some("2024-08")),
            vec![e("2023年10月17日", "2023-10-17", 'A'), e("11月17日", "2023-11-17", 'R')]
        );
        assert_eq!(
            f("2023年12月20日宣布,自1月15日起实施", Some("2025-03")),
            vec![e("2023年12月20日", "2023-12-20", 'A'), e("1月15日", "2024-01-15", 'R')]
        );
        // Told back: the nearest such month.
        assert_eq!(
            f("2022年10月7日美国发布禁令,而在8月31日,英伟达已收到通知", Some("2024-05")),
            vec![e("2022年10月7日", "2022-10-07", 'A'), e("8月31日", "2022-08-31", 'R')]
        );
        // A year alone: the month is in it.
        assert_eq!(f("2022年,美国于十月发布新规", Some("2024-05")), vec![e("2022年", "2022", 'A'), e("十月", "2022-10", 'R')]);
        // Without a dated mention before: the publication's year, as before.
        assert_eq!(f("新规定于11月17日起生效", Some("2024-08")), vec![e("11月17日", "2024-11-17", 'R')]);
    }

    #[test]
    fn yearless_end_of_a_range_takes_the_year_before_it() {
        assert_eq!(
            f("已经需要排到2024年一季度甚至二季度", Some("2023-10")),
            vec![e("2024年一季度", "2024", 'A'), e("二季度", "2024", 'A')]
        );
        assert_eq!(
            f("2023年10月17日至11月16日", Some("2024-05")),
            vec![
                e("2023年10月17日", "2023-10-17", 'A'),
                e("11月16日", "2023-11-16", 'A')
            ]
        );
        // Not joined by a connector: resolved against publication.
        assert_eq!(
            f("2022年,中国。10月20日", Some("2023-10")),
            vec![e("2022年", "2022", 'A'), e("10月20日", "2023-10-20", 'R')]
        );
    }

    #[test]
    fn year_ranges_give_both_years() {
        assert_eq!(
            f("2019-2025年", None),
            vec![e("2019", "2019", 'A'), e("2025年", "2025", 'A')]
        );
    }

    #[test]
    fn nonsense_gives_year_or_nothing() {
        assert_eq!(f("2023年13月", None), vec![e("2023年", "2023", 'A')]);
        assert_eq!(
            f("2023年2月30日", None),
            vec![e("2023年2月", "2023-02", 'A')]
        );
        assert_eq!(f("2023-13-45", None), vec![]);
        assert_eq!(f("0月", Some("2023-10")), vec![]);
    }
}

#[cfg(test)]
mod prop {
    use super::*;
    use proptest::prelude::*;

    fn soup() -> impl Strategy<Value = String> {
        proptest::collection::vec(
            prop_oneof![
                Just("2023"),
                Just("年"),
                Just("月"),
                Just("日"),
                Just("号"),
                Just("12"),
                Just("31"),
                Just("0"),
                Just("-"),
                Just("/"),
                Just("."),
                Just(" "),
                Just("今"),
                Just("去"),
                Just("前"),
                Just("周"),
                Just("四"),
                Just("("),
                Just(")"),
                Just("十"),
                Just("〇"),
                Just("二"),
                Just("第"),
                Just("季度"),
                Just("Q"),
                Just("底"),
                Just("上"),
                Just("个"),
                Just("现在"),
                Just("9999999999"),
            ],
            0..20,
        )
        .prop_map(|v| v.concat())
    }

    fn published() -> impl Strategy<Value = Option<PartialDate>> {
        prop_oneof![
            Just(None),
            (1990i32..2100).prop_map(|y| Some(PartialDate::year(y))),
            (1990i32..2100, 1u8..=12).prop_map(|(y, m)| Some(PartialDate::month(y, m))),
            (1990i32..2100, 1u8..=12, 1u8..=28).prop_map(|(y, m, d)| PartialDate::day(y, m, d)),
        ]
    }

    fn check(text: &str, ms: &[DateMention]) {
        let mut last = 0;
        for m in ms {
            assert!(
                m.start >= last && m.start < m.end && m.end <= text.len(),
                "{m:?} in {text:?}"
            );
            assert!(text.is_char_boundary(m.start) && text.is_char_boundary(m.end));
            if let Some(d) = m.date {
                assert!(d.to_string().parse::<PartialDate>().is_ok(), "{d:?}");
            }
            last = m.end;
        }
    }

    proptest! {
        #[test]
        fn no_panic_any_unicode(s in "\\PC*", p in published()) {
            check(&s, &find_dates(&s, p));
        }

        #[test]
        fn no_panic_date_soup(s in soup(), p in published()) {
            check(&s, &find_dates(&s, p));
        }

        #[test]
        fn full_dates_round_trip(y in 1990i32..=2100, m in 1u8..=12, d in 1u8..=28) {
            let t = format!("于{y}年{m}月{d}日发布");
            let ms = find_dates(&t, None);
            prop_assert_eq!(ms.len(), 1);
            prop_assert_eq!(ms[0].date, PartialDate::day(y, m, d));
            let t = format!("{y}-{m:02}-{d:02}");
            prop_assert_eq!(find_dates(&t, None)[0].date, PartialDate::day(y, m, d));
        }
    }
}

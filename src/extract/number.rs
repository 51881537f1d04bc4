//! Numbers, ranges and percentages in normalized Chinese text.
//!
//! Everything here is a pure function over already-normalized text
//! (Simplified Chinese, half-width digits and punctuation). Offsets are byte
//! offsets on char boundaries. The scanners walk the text once, left to
//! right, and allocate only for the results.
//!
//! Arithmetic is done in exact decimal (`mantissa × 10^exp`), so
//! `33998.0044 万` is exactly 339980044, not 339980043.99999994.
//!
//! Rules for Chinese numerals (rules, not word lists):
//! - A numeral must start with a digit, or with 十; a bare 百/千 starts one
//!   only as 百万/千万/百亿/千亿 followed by a unit or measure word
//!   (千万美元 yes, 千万不要 and 百度 no). 万 and 亿 never start one (万卡, 万一).
//! - A lone Chinese digit (or 十, or an approximate pair like 三四) with no
//!   scale after it is a quantity only when a measure word follows
//!   (一家, 一台, 三四年); so 一些, 一直, 一定, 一致, 统一, 唯一, 之一, 十分,
//!   三星 give nothing.
//! - 第X is an ordinal and 周X / 星期X a weekday: nothing.
//! - Vague numbers give nothing: 十几, 几十万, 数百万 (a 几 or 数 touching the numeral).
//! - 300多万 / 20余万 give the stated lower bound (3e6, 2e5) with 多/余 and the
//!   scale inside the span; the caller may read 多/余 as "over".

use super::text::{CharSet, char_at, char_before, is_space, skip_spaces, utf8_at};

/// A number or range found in text. `low == high` for a single value.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Quantity {
    pub start: usize,
    pub end: usize,
    pub low: f64,
    pub high: f64,
}

// ---------------------------------------------------------------------------
// Exact decimals

/// `m × 10^e`, exact. Operations return `None` on overflow.
#[derive(Clone, Copy, Debug, PartialEq)]
struct Dec {
    m: u128,
    e: i32,
}

impl Dec {
    const ZERO: Dec = Dec { m: 0, e: 0 };

    fn int(n: u64) -> Dec {
        Dec { m: n as u128, e: 0 }
    }

    fn is_zero(self) -> bool {
        self.m == 0
    }

    fn shift(self, k: i32) -> Option<Dec> {
        if self.m == 0 {
            return Some(Dec::ZERO);
        }
        Some(Dec {
            m: self.m,
            e: self.e.checked_add(k)?,
        })
    }

    fn mul(self, o: Dec) -> Option<Dec> {
        Some(Dec {
            m: self.m.checked_mul(o.m)?,
            e: self.e.checked_add(o.e)?,
        })
    }

    fn add(self, o: Dec) -> Option<Dec> {
        if o.m == 0 {
            return Some(self);
        }
        if self.m == 0 {
            return Some(o);
        }
        let (hi, lo) = if self.e >= o.e { (self, o) } else { (o, self) };
        let diff = u32::try_from(hi.e - lo.e).ok()?;
        let scaled = hi.m.checked_mul(10u128.checked_pow(diff)?)?;
        Some(Dec {
            m: scaled.checked_add(lo.m)?,
            e: lo.e,
        })
    }

    fn cmp_le(self, o: Dec) -> bool {
        match (self.to_f64(), o.to_f64()) {
            (Some(a), Some(b)) => a <= b,
            _ => false,
        }
    }

    /// The value as a finite f64, or `None` when it is out of range.
    fn to_f64(self) -> Option<f64> {
        let (mut m, mut e) = (self.m, self.e);
        if m == 0 {
            return Some(0.0);
        }
        while e < 0 && m % 10 == 0 {
            m /= 10;
            e += 1;
        }
        let v = if e >= 0 {
            if e > 330 {
                return None;
            }
            m as f64 * 10f64.powi(e)
        } else {
            if e < -330 {
                return None;
            }
            m as f64 / 10f64.powi(-e)
        };
        v.is_finite().then_some(v)
    }
}

// ---------------------------------------------------------------------------
// Character classes

// The digit reader is crate::text's, shared with the dates.
use super::text::cn_numeral_digit as cn_digit;

/// Power of ten of a scale character.
fn cn_scale(c: char) -> Option<i32> {
    Some(match c {
        '十' | '拾' => 1,
        '百' | '佰' => 2,
        '千' | '仟' => 3,
        '万' | '萬' => 4,
        '亿' | '億' => 8,
        _ => return None,
    })
}

/// Measure words (classifiers), units and currencies that may follow a bare
/// Chinese numeral and make it a quantity: 一家, 两台, 三四年, 一美元.
fn is_measure(c: char) -> bool {
    matches!(
        c,
        '个' | '家'
            | '款'
            | '台'
            | '片'
            | '块'
            | '张'
            | '颗'
            | '位'
            | '名'
            | '种'
            | '次'
            | '倍'
            | '年'
            | '月'
            | '日'
            | '天'
            | '周'
            | '季'
            | '代'
            | '项'
            | '批'
            | '套'
            | '条'
            | '件'
            | '笔'
            | '份'
            | '座'
            | '层'
            | '辆'
            | '枚'
            | '轮'
            | '期'
            | '届'
            | '场'
            | '双'
            | '元'
            | '美'
            | '人'
            | '欧'
            | '港'
            | '秒'
            | '节'
            | '栋'
            | '所'
            | '间'
            | '卡'
            | '股'
            | '根'
            | '吨'
            | '米'
            | '$'
    )
}


// ---------------------------------------------------------------------------
// Numeral scanning

/// An ASCII number at `p`: digits with `,ddd` groups and a decimal part.
/// Returns (value, is a single digit, end). `None` when it overflows.
fn ascii_number(text: &str, p: usize) -> Option<(Option<Dec>, bool, usize)> {
    let b = text.as_bytes();
    if p >= b.len() || !b[p].is_ascii_digit() {
        return None;
    }
    let mut m: Option<u128> = Some(0);
    let mut digits = 0usize;
    let mut q = p;
    let push =
        |m: Option<u128>, d: u8| m.and_then(|m| m.checked_mul(10)?.checked_add((d - b'0') as u128));
    while q < b.len() && b[q].is_ascii_digit() {
        m = push(m, b[q]);
        q += 1;
        digits += 1;
    }
    let first_group = digits;
    // Thousands separators: only after a first group of 1-3 digits, with
    // groups of exactly three digits ("12,000", not "2,3" nor "2019,2020").
    if first_group <= 3 {
        while q < b.len() && b[q] == b',' {
            let g = &b[q + 1..(q + 4).min(b.len())];
            let exact = g.len() == 3
                && g.iter().all(|x| x.is_ascii_digit())
                && !b.get(q + 4).is_some_and(|x| x.is_ascii_digit());
            if !exact {
                break;
            }
            for &d in g {
                m = push(m, d);
            }
            digits += 3;
            q += 4;
        }
    }
    let mut e = 0i32;
    if q + 1 < b.len() && b[q] == b'.' && b[q + 1].is_ascii_digit() {
        q += 1;
        while q < b.len() && b[q].is_ascii_digit() {
            m = push(m, b[q]);
            e -= 1;
            q += 1;
        }
    }
    let single = digits == 1 && e == 0;
    Some((m.map(|m| Dec { m, e }), single, q))
}

/// The accumulator of a Chinese/Arabic mixed numeral: 1亿2000万, 一万二, 9万3.
#[derive(Clone, Copy, Debug)]
struct Acc {
    high: Dec,
    wan: Dec,
    section: Dec,
    /// A number waiting for its scale, and whether it is one digit.
    cur: Option<(Dec, bool)>,
    last_scale: Option<i32>,
    last_small: Option<i32>,
    zero: bool,
    tokens: u32,
    scales: u32,
    k_done: bool,
    /// The one digit after k or w has been read (1w8, 2k5).
    k_tail: bool,
    allow_bare: bool,
    /// Sum of the exponents of the scales since the last number (2千亿: 11).
    chain: i32,
}

enum Tok {
    Num(Dec, bool, bool),
    Zero,
    Small(i32),
    Big(i32),
    K,
    /// `w` after an ASCII number: 万 in web slang (1.8w, 2.3w-2.5w).
    W,
}

impl Acc {
    fn new(allow_bare: bool) -> Acc {
        Acc {
            high: Dec::ZERO,
            wan: Dec::ZERO,
            section: Dec::ZERO,
            cur: None,
            last_scale: None,
            last_small: None,
            zero: false,
            tokens: 0,
            scales: 0,
            k_done: false,
            k_tail: false,
            allow_bare,
            chain: 0,
        }
    }

    /// Feeds one token; `None` when the token cannot continue this numeral
    /// (the accumulator is then unchanged).
    fn feed(&mut self, t: Tok) -> Option<()> {
        if self.k_done {
            // 1w8, 2k5: one ASCII digit after the letter, its next place.
            return match t {
                Tok::Num(d, true, true) if !self.k_tail && self.cur.is_none() => {
                    self.cur = Some((d, true));
                    self.k_tail = true;
                    self.tokens += 1;
                    Some(())
                }
                _ => None,
            };
        }
        let mut next = *self;
        match t {
            Tok::Num(d, single, ascii) => {
                if next.cur.is_some() {
                    return None;
                }
                if let Some(s) = next.last_scale {
                    // 3万5000 is fine, 3万50000 is not one number.
                    if ascii && !single && !d.cmp_le(Dec::int(1).shift(s)?) {
                        return None;
                    }
                }
                next.cur = Some((d, single));
            }
            Tok::Zero => {
                if next.tokens == 0 {
                    next.cur = Some((Dec::ZERO, true));
                    next.zero = true;
                } else {
                    if next.cur.is_some() || next.last_scale.is_none() {
                        return None;
                    }
                    next.zero = true;
                }
            }
            Tok::Small(s) => {
                let n = match next.cur.take() {
                    Some((d, _)) => d,
                    None if s == 1 && (next.tokens == 0 || next.zero) => Dec::int(1),
                    None if next.tokens == 0 && next.allow_bare => Dec::int(1),
                    None => return None,
                };
                if next.last_small.is_some_and(|ls| s >= ls) {
                    return None;
                }
                next.section = next.section.add(n.shift(s)?)?;
                next.last_small = Some(s);
                next.last_scale = Some(s);
                next.zero = false;
                next.scales += 1;
            }
            Tok::Big(b) => {
                let cur = next.cur.take().map(|(d, _)| d);
                // Nothing to scale (万 alone), except 万亿 where 亿 scales the 万 part.
                let wan_yi = b == 8 && !next.wan.is_zero();
                if cur.is_none() && next.section.is_zero() && !wan_yi {
                    return None;
                }
                let v = next.section.add(cur.unwrap_or(Dec::ZERO))?;
                if b == 4 {
                    if !next.wan.is_zero() {
                        return None;
                    }
                    next.wan = v.shift(4)?;
                } else {
                    next.high = next.high.add(next.wan)?.add(v)?.shift(8)?;
                    next.wan = Dec::ZERO;
                }
                next.section = Dec::ZERO;
                next.last_small = None;
                next.last_scale = Some(b);
                next.zero = false;
                next.scales += 1;
            }
            Tok::K => {
                let (d, _) = next.cur.take()?;
                if next.tokens != 1 {
                    return None;
                }
                next.section = d.shift(3)?;
                next.last_scale = Some(3);
                next.scales += 1;
                next.k_done = true;
            }
            Tok::W => {
                // 1.8w, 12w; not 700w (watts).
                let (d, _) = next.cur.take()?;
                if next.tokens != 1 || !d.cmp_le(Dec::int(99)) {
                    return None;
                }
                next.wan = d.shift(4)?;
                next.last_scale = Some(4);
                next.scales += 1;
                next.k_done = true;
            }
        }
        next.chain = match t {
            Tok::Num(..) | Tok::Zero => 0,
            Tok::Small(s) | Tok::Big(s) => next.chain + s,
            Tok::K => next.chain + 3,
            Tok::W => next.chain + 4,
        };
        next.tokens += 1;
        *self = next;
        Some(())
    }

    /// The value so far, `None` when nothing was read or it overflows.
    fn value(&self) -> Option<Dec> {
        if self.tokens == 0 {
            return None;
        }
        let tail = match self.cur {
            None => Dec::ZERO,
            Some((d, single)) => match self.last_scale {
                // Colloquial: 一万二 = 12000, 三千五 = 3500, 9万3 = 93000.
                Some(s) if single && !self.zero => d.shift(s - 1)?,
                _ => d,
            },
        };
        self.high.add(self.wan)?.add(self.section)?.add(tail)
    }
}

/// One numeral (or approximate pair) as scanned.
#[derive(Clone, Copy, Debug)]
struct Num {
    start: usize,
    end: usize,
    low: Dec,
    high: Dec,
    /// Starts with an ASCII digit.
    ascii: bool,
    /// Has any scale character (十百千万亿k).
    scaled: bool,
    /// Multiplier carried by the trailing big scales (3-20万 gives 万 to 3).
    tail_mult: Option<Dec>,
    /// A Chinese digit or pair without scale: needs a measure word.
    lone: bool,
    /// Starts with a bare 百/千.
    bare: bool,
    /// Holds a big scale (万/亿).
    big: bool,
}

/// Reads the next numeral token at `p`; spaces are skipped only between an
/// ASCII number and a following scale character ("4 万").
fn next_token(text: &str, p: usize, prev_ascii: bool) -> Option<(Tok, usize)> {
    let b = text.as_bytes();
    if p < b.len() && b[p].is_ascii_digit() {
        let (d, single, end) = ascii_number(text, p)?;
        return Some((Tok::Num(d?, single, true), end));
    }
    let q = if prev_ascii { skip_spaces(text, p) } else { p };
    let (c, n) = char_at(text, q)?;
    if let Some(s) = cn_scale(c) {
        return Some((if s >= 4 { Tok::Big(s) } else { Tok::Small(s) }, n));
    }
    if q != p {
        return None;
    }
    // (1w8 and 2k5, forums' 一万八 and 两千五: one digit after the letter,
    // then no more letters or digits.)
    let runs_on = |at: usize| {
        char_at(text, at).is_some_and(|(c2, m)| {
            c2.is_ascii_alphabetic() || c2.is_ascii_digit() && char_at(text, m).is_some_and(|(c3, _)| c3.is_ascii_alphanumeric() || c3 == '.')
        })
    };
    if prev_ascii && (c == 'k' || c == 'K') {
        // 3.5k, but not 3kW or 2K屏幕's letters run on.
        if runs_on(n) {
            return None;
        }
        return Some((Tok::K, n));
    }
    if prev_ascii && c == 'w' {
        if runs_on(n) {
            return None;
        }
        return Some((Tok::W, n));
    }
    match cn_digit(c)? {
        0 => Some((Tok::Zero, n)),
        d => Some((Tok::Num(Dec::int(d as u64), true, false), n)),
    }
}

/// Scans a numeral starting at `p`. `allow_bare` lets a bare 百/千 start it.
fn scan_num(text: &str, p: usize, allow_bare: bool) -> Option<Num> {
    let (c0, n0) = char_at(text, p)?;
    let ascii = c0.is_ascii_digit();
    // 十五六万: tens and a pair of units.
    if !ascii && let Some(n) = scan_tens_pair(text, p) {
        return Some(n);
    }
    // Runs of Chinese digits: pairs (三四) and digit strings (二〇二三).
    if let Some(d0) = cn_digit(c0)
        && let Some((c1, _)) = char_at(text, n0)
        && cn_digit(c1).is_some()
    {
        return scan_digit_run(text, p, d0);
    }
    let mut acc = Acc::new(allow_bare);
    let mut q = p;
    let mut prev_ascii = false;
    let mut best: Option<(usize, Dec, Acc)> = None;
    let mut prev_best: Option<(usize, Dec, Acc)> = None;
    while let Some((tok, end)) = next_token(text, q, prev_ascii) {
        let is_ascii_num = matches!(tok, Tok::Num(_, _, true));
        if acc.feed(tok).is_none() {
            break;
        }
        prev_ascii = is_ascii_num;
        q = end;
        if let Some(v) = acc.value()
            && v.to_f64().is_some()
        {
            prev_best = best;
            best = Some((q, v, acc));
        }
    }
    let (mut end, mut v, mut acc) = best?;
    // 50万一片, 一万二一张: a trailing lone digit before a measure word is
    // the count of the measure word, not the colloquial digit of the number.
    // (Not after 十: 一小时十二块, 三十二台 are twelve and thirty-two.)
    if let (Some((_, true)), Some(scale), Some((pe, pv, pacc))) = (acc.cur, acc.last_scale, prev_best)
        && scale >= 2
    {
        let digit_is_cn = char_before(text, end).is_some_and(|c| cn_digit(c).is_some());
        if digit_is_cn && measure_after(text, end) && !money_after(text, end) {
            (end, v, acc) = (pe, pv, pacc);
        }
    }
    // 一万六七, 三千五六: the colloquial digit and the next one after it are
    // the two ends of a range (16000 to 17000), when no scale follows.
    // (一千六七百, 一万六七千: the pair told with the scale just below,
    // which it then takes in.)
    let mut high = v;
    let mut grown = false;
    if let (Some((d, true)), Some(sc)) = (acc.cur, acc.last_scale)
        && !acc.zero
        && let Some((c, next)) = char_at(text, end)
        && cn_digit(c).is_some_and(|e| d.to_f64() == Some(f64::from(e) - 1.0))
        && let below = char_at(text, next).filter(|&(c, _)| sc >= 2 && cn_scale(c) == Some(sc - 1))
        && (below.is_some() || !char_at(text, next).is_some_and(|(c, _)| matches!(c, '十' | '百' | '千' | '万' | '亿' | '萬' | '億' | '块' | '成')))
        && let Some(h) = Dec::int(1).shift(sc - 1).and_then(|step| v.add(step))
    {
        high = h;
        end = below.map_or(next, |(_, after)| after);
        // 一百七八十万, 两千五六百万: a big scale after the pair's own
        // multiplies both ends.
        if below.is_some() {
            while let Some((c, after)) = char_at(text, end)
                && let Some(big_scale) = cn_scale(c).filter(|&s| s >= 4)
                && let Some(m) = Dec::int(1).shift(big_scale)
                && let (Some(l), Some(h)) = (v.mul(m), high.mul(m))
                && l.to_f64().is_some()
                && h.to_f64().is_some()
            {
                (v, high, end) = (l, h, after);
                grown = true;
            }
        }
    }
    let scaled = acc.scales > 0;
    // The multiplier a scale-less first number of a range borrows: the
    // trailing chain when the numeral is "N + scales" (20万, 2千亿), else the
    // trailing big scales only.
    let tail_mult = if scaled && acc.cur.is_none() {
        let simple = acc.tokens == acc.scales + 1;
        if simple {
            Dec::int(1).shift(acc.chain)
        } else {
            // e.g. 二十万: 万 only.

            match acc.last_scale {
                Some(s) if s >= 3 => Dec::int(1).shift(s),
                _ => None,
            }
        }
    } else {
        None
    };
    // A lone Chinese digit or a bare 十 (十分, 十足) needs a measure word.
    let lone = !ascii && (!scaled || acc.tokens == 1);
    let bare = !ascii && cn_digit(c0).is_none() && c0 != '十' && c0 != '拾';
    let big = grown || acc.last_scale.is_some_and(|s| s >= 4) || !acc.high.is_zero() || !acc.wan.is_zero();
    Some(Num {
        start: p,
        end,
        low: v,
        high,
        ascii,
        scaled,
        tail_mult,
        lone,
        bare,
        big,
    })
}

/// A run of two or more Chinese digits at `p`: an approximate pair (三四,
/// 七八, 一两) with optional trailing scales (三四万, 七八十), or a digit string
/// containing 〇/零 (二〇二三). Anything else is not a numeral.
fn scan_digit_run(text: &str, p: usize, d0: u8) -> Option<Num> {
    let mut q = p;
    let mut digits = [0u8; 20];
    let mut n = 0usize;
    let mut has_zero = false;
    let mut overflow = false;
    while let Some((c, next)) = char_at(text, q) {
        let Some(d) = cn_digit(c) else { break };
        if c == '零' || c == '〇' {
            has_zero = true;
        }
        if n < digits.len() {
            digits[n] = d;
        } else {
            overflow = true;
        }
        n += 1;
        q = next;
    }
    if overflow {
        return None;
    }
    if n == 2 && d0 != 0 && digits[1] == d0 + 1 {
        return approximate_pair(text, p, q, d0 as u64, digits[1] as u64);
    }
    if has_zero && d0 != 0 {
        let mut m: u128 = 0;
        for &d in &digits[..n] {
            m = m.checked_mul(10)?.checked_add(d as u128)?;
        }
        let v = Dec { m, e: 0 };
        return Some(Num {
            start: p,
            end: q,
            low: v,
            high: v,
            ascii: false,
            scaled: false,
            tail_mult: None,
            lone: false,
            bare: false,
            big: false,
        });
    }
    None
}

/// An approximate pair from `p` (三四, 十五六), its digits ending at `q`,
/// as `low`..`high`, with the trailing scales that multiply both: 三四万,
/// 七八十万, 十五六万 (150000 to 160000).
fn approximate_pair(text: &str, p: usize, q: usize, low: u64, high: u64) -> Option<Num> {
    let mut acc = Acc::new(false);
    let mut end = q;
    let mut mult = Dec::int(1);
    let mut r = q;
    while let Some((c, next)) = char_at(text, r) {
        let Some(s) = cn_scale(c) else { break };
        let tok = if s >= 4 { Tok::Big(s) } else { Tok::Small(s) };
        if acc.tokens == 0 && s != 1 {
            // 三四万, 三四百: scale applies to 1.
            acc.cur = Some((Dec::int(1), false));
        }
        if acc.feed(tok).is_none() {
            break;
        }
        r = next;
        if let Some(v) = acc.value() {
            mult = v;
            end = r;
        }
    }
    let scaled = end > q;
    let low = Dec::int(low).mul(mult)?;
    let high = Dec::int(high).mul(mult)?;
    low.to_f64()?;
    high.to_f64()?;
    let big = scaled && mult.to_f64().is_some_and(|m| m >= 1e4);
    Some(Num { start: p, end, low, high, ascii: false, scaled, tail_mult: None, lone: !scaled, bare: false, big })
}

/// Tens and then a pair of units one apart (十五六万, 二十五六岁): the pair
/// of numbers 15 and 16, 25 and 26, with the scales after them.
fn scan_tens_pair(text: &str, p: usize) -> Option<Num> {
    let (c0, mut q) = char_at(text, p)?;
    let tens = if c0 == '十' {
        1
    } else {
        let d = cn_digit(c0).filter(|&d| (1..=9).contains(&d))?;
        let (c1, n1) = char_at(text, q)?;
        if c1 != '十' {
            return None;
        }
        q = n1;
        d as u64
    };
    let (a, na) = char_at(text, q).and_then(|(c, n)| Some((cn_digit(c)?, n)))?;
    let (b, nb) = char_at(text, na).and_then(|(c, n)| Some((cn_digit(c)?, n)))?;
    // (十五六七 is no pair.)
    if a == 0 || b != a + 1 || char_at(text, nb).is_some_and(|(c, _)| cn_digit(c).is_some()) {
        return None;
    }
    approximate_pair(text, p, nb, tens * 10 + a as u64, tens * 10 + b as u64)
}

/// Digits at `p` that belong to a model name: A100, MI300X, GPT-4, A100-80G.
/// (Not a money's letters: RM3,499, USD2000.)
fn glued_to_letters(text: &str, p: usize) -> bool {
    match char_before(text, p) {
        Some(c) if c.is_ascii_alphabetic() => {
            let b = text.as_bytes();
            let mut q = p;
            while q > 0 && b[q - 1].is_ascii_alphabetic() {
                q -= 1;
            }
            !crate::money::word_before(&text[q..p]).is_some_and(|(_, len)| len == p - q)
        }
        Some('-') => {
            let b = text.as_bytes();
            let mut q = p - 1;
            while q > 0 && b[q - 1].is_ascii_alphanumeric() {
                q -= 1;
            }
            q < p - 1 && b[q..p - 1].iter().any(|x| x.is_ascii_alphabetic())
        }
        _ => false,
    }
}

/// Whether a numeral could start at `p` (ASCII digit, Chinese digit, scale).
fn numeral_start(c: char) -> bool {
    c.is_ascii_digit() || cn_digit(c).is_some() || cn_scale(c).is_some()
}

/// Every character but ASCII digits that [`numeral_start`] accepts.
const NUMERAL_STARTS: &str = "零〇一壹二贰两兩貳三叁參四肆五伍六陆陸七柒八捌九玖十拾百佰千仟万萬亿億";
static NUMERAL_START_SET: CharSet = CharSet::of(NUMERAL_STARTS);

/// Every character but ASCII digits that [`may_start_percent`] accepts.
const PERCENT_STARTS: &str = "百一近过超逾半十千零〇壹二贰两兩貳三叁參四肆五伍六陆陸七柒八捌九玖";
static PERCENT_START_SET: CharSet = CharSet::of(PERCENT_STARTS);

/// Whether a percentage may start at `c` (the characters [`find_percents`] reads on from).
fn may_start_percent(c: char) -> bool {
    matches!(c, '百' | '一' | '近' | '过' | '超' | '逾' | '半' | '十' | '千') || c.is_ascii_digit() || cn_digit(c).is_some()
}

/// The offset after the character at `i` when it is one no numeral (with
/// `set` the characters but ASCII digits that may start one) starts with,
/// found without decoding it: most characters of a text are such.
#[inline(always)]
fn skip_non_start(bytes: &[u8], i: usize, set: &CharSet) -> Option<usize> {
    let x = bytes[i];
    if x < 0x80 {
        return (!x.is_ascii_digit()).then_some(i + 1);
    }
    if set.misses_block_at(bytes, i) {
        return Some(i + 3);
    }
    if (0xE0..0xF0).contains(&x) {
        let (u, len) = utf8_at(bytes, i);
        return (!set.has(u)).then_some(i + len);
    }
    None
}

/// `number.range_connectors` of the lexicon: -, –, —, ——, ~, ～, 到, 至, 甚至.
static RANGE_CONNECTORS: std::sync::LazyLock<Vec<&'static str>> =
    std::sync::LazyLock::new(|| crate::lexicon::words("number.range_connectors"));

/// A range connector at `p` (the longest), spaces around it skipped. Returns the end.
fn connector(text: &str, p: usize) -> Option<usize> {
    let q = skip_spaces(text, p);
    let rest = text.get(q..)?;
    // Asked after every number: most are followed by no connector, told
    // by their first character (derived from the list).
    static FIRSTS: std::sync::LazyLock<Vec<char>> =
        std::sync::LazyLock::new(|| RANGE_CONNECTORS.iter().filter_map(|w| w.chars().next()).collect());
    if !FIRSTS.contains(&rest.chars().next()?) {
        return None;
    }
    let len = crate::text::words::longest_prefix(rest, &RANGE_CONNECTORS)?.len();
    Some(skip_spaces(text, q + len))
}

/// Whether the text just before `p` ends with `s`.
fn ends_with_at(text: &str, p: usize, s: &str) -> bool {
    text.get(..p).is_some_and(|t| t.ends_with(s))
}

fn starts_with_at(text: &str, p: usize, s: &str) -> bool {
    text.get(p..).is_some_and(|t| t.starts_with(s))
}

/// Context that makes a numeral at `start` not a quantity, judged on the
/// text before it: ordinals (第三), weekdays (周四), letters (A100),
/// vague numbers (几十万), fraction parts (百分之八十).
fn bad_before(text: &str, n: &Num) -> bool {
    let Some(prev) = char_before(text, n.start) else {
        return false;
    };
    if n.ascii {
        if prev.is_ascii_digit() || prev == '_' || prev.is_ascii_alphabetic() && glued_to_letters(text, n.start) {
            return true;
        }
        if prev == '.' {
            let before = char_before(text, n.start - 1);
            if before.is_some_and(|c| c.is_ascii_digit()) {
                return true;
            }
        }
    } else if matches!(prev, '几' | '数' | '周' | '期' | '拜') {
        return true;
    } else if n.lone && n.low == Dec::int(1) && n.end - n.start == '一'.len_utf8() && yi_word(prev)
    {
        // 一 as the second character of a word: 统一, 唯一, 之一, 进一步.
        return true;
    }
    prev == '第' || ends_with_at(text, n.start, "分之")
}

/// Characters that make a word with a following 一 (统一, 唯一, 之一, 万一,
/// 进一步, 同一, 单一, 逐一, 不一, 合一, 整一, 归一): that 一 is not a number.
fn yi_word(prev: char) -> bool {
    matches!(
        prev,
        '统' | '唯'
            | '之'
            | '万'
            | '进'
            | '同'
            | '单'
            | '逐'
            | '划'
            | '专'
            | '均'
            | '不'
            | '合'
            | '整'
            | '归'
            | '纯'
            | '如'
            | '初'
            | '择'
    )
}

/// Context after the numeral that voids it: 十几, 三分之一, and one Latin
/// letter closing a model name (910C, 4090D, 300X; not a scale or a unit:
/// 5k, 1.8w, 2M, 80GB, 1999USD).
fn bad_after(text: &str, end: usize) -> bool {
    starts_with_at(text, end, "几") && !some_more(text, end) || starts_with_at(text, end, "分之") || model_letter_after(text, end) || masked_after(text, end)
}

/// Digits masked after the numeral ($6,xxx, 1xxx元, 5XX): a figure left
/// vague, no amount.
fn masked_after(text: &str, end: usize) -> bool {
    let rest = text.get(end..).unwrap_or("");
    let rest = rest.strip_prefix(',').unwrap_or(rest);
    rest.starts_with("xx") || rest.starts_with("XX")
}

/// 几 after a round number in 千 or 万 with no scale after it (九千几蚊,
/// 一万四千几元: some hundreds more, the number still holds), or in digits
/// ending in hundreds (HK$9,000几); 十几 and 二十几万 tell no number.
fn some_more(text: &str, end: usize) -> bool {
    (text[..end].ends_with(['千', '万']) || text[..end].ends_with("00")) && !text[end + "几".len()..].starts_with(['十', '百', '千', '万', '亿'])
}

fn model_letter_after(text: &str, end: usize) -> bool {
    let b = text.as_bytes();
    let digit_before = end > 0 && b[end - 1].is_ascii_digit();
    let letter = b.get(end).copied().filter(|x| x.is_ascii_alphabetic());
    let alone = !b.get(end + 1).is_some_and(|x| x.is_ascii_alphanumeric());
    digit_before && alone && letter.is_some_and(|x| !b"kKwWmMbBgGtT".contains(&x))
}

/// Whether a numeral ending at `end` is followed by what makes a bare
/// Chinese numeral a quantity.
/// A currency word at `end` (元, 美元, 人民币, 港纸, $; the lexicon's words
/// after an amount): after 一万三千五 it is what the whole number counts,
/// not a measure of its last digit.
fn money_after(text: &str, end: usize) -> bool {
    let rest = &text[end..];
    rest.starts_with('$') || crate::money::word_after(rest).is_some()
}

fn measure_after(text: &str, end: usize) -> bool {
    char_at(text, end).is_some_and(|(c, _)| is_measure(c))
}

/// Extends `300多万` / `20余万` / `100来万`: returns the new end and multiplier.
fn approx_scale(text: &str, n: &Num) -> Option<(usize, i32)> {
    if n.big {
        return None;
    }
    let (c, q) = char_at(text, n.end)?;
    if c != '多' && c != '余' && c != '来' {
        return None;
    }
    let (c2, q2) = char_at(text, q)?;
    match cn_scale(c2)? {
        s @ (4 | 8) => Some((q2, s)),
        _ => None,
    }
}

/// Every quantity in `text`, in order, non-overlapping. See the module docs
/// for what counts; spans cover digits and scale characters, not units.
pub fn find_quantities(text: &str) -> Vec<Quantity> {
    let mut out = Vec::new();
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        if let Some(next) = skip_non_start(bytes, i, &NUMERAL_START_SET) {
            i = next;
            continue;
        }
        let b = bytes[i];
        let (c, next) = if b < 0x80 {
            (b as char, i + 1)
        } else {
            match char_at(text, i) {
                Some(x) => x,
                None => break,
            }
        };
        if !numeral_start(c) {
            i = next;
            continue;
        }
        // Skip whole alphanumeric runs such as A100, MI300X, H20, GPT-4.
        if c.is_ascii_digit() && glued_to_letters(text, i) {
            let mut q = i;
            while q < bytes.len() && (bytes[q].is_ascii_alphanumeric() || bytes[q] == b'.') {
                q += 1;
            }
            i = q;
            continue;
        }
        // 万五, 萬3到萬4: a leading 万 with one digit after it.
        if matches!(c, '万' | '萬')
            && let Some(q) = wan_and_digit(text, i)
        {
            i = q.end;
            out.push(q);
            continue;
        }
        let Some(n1) = scan_num(text, i, true) else {
            // A run of Chinese digits that is no numeral (三一重工, 一一): skip it whole.
            i = next;
            while let Some((c, n)) = char_at(text, i) {
                if cn_digit(c).is_none()
                    || cn_digit(text[..i].chars().next_back().unwrap_or(' ')).is_none()
                {
                    break;
                }
                i = n;
            }
            continue;
        };
        match quantity_at(text, &n1) {
            Some(q) => {
                i = q.end.max(next);
                out.push(q);
            }
            None => i = n1.end.max(next),
        }
    }
    out
}

/// 万五 (15000), 萬3到萬4 (13000 to 14000): Cantonese and forum speech leave
/// out the 一 of 一万二; a 万 that follows no numeral and one digit that no
/// other digit or scale follows. With a range connector and another such
/// number after it, a range.
fn wan_and_digit(text: &str, i: usize) -> Option<Quantity> {
    let one = |at: usize| -> Option<(f64, f64, usize)> {
        let (w, after_w) = char_at(text, at)?;
        if !matches!(w, '万' | '萬') {
            return None;
        }
        let (d, next) = char_at(text, after_w)?;
        // (万一 is "in case", no number.)
        let digit = d.to_digit(10).or_else(|| cn_digit(d).map(u32::from)).filter(|&k| k >= 1 && !(k == 1 && !d.is_ascii_digit()))?;
        let more = |at: usize| char_at(text, at).is_some_and(|(c, _)| c.is_ascii_digit() || cn_digit(c).is_some() || cn_scale(c).is_some() || c == '.' || c == '%');
        let low = 10000.0 + f64::from(digit) * 1000.0;
        // (万四五: the digit and the next one after it, Chinese digits both.)
        if !d.is_ascii_digit()
            && let Some((e, after_e)) = char_at(text, next)
            && cn_digit(e).is_some_and(|e| u32::from(e) == digit + 1)
            && !more(after_e)
        {
            return Some((low, low + 1000.0, after_e));
        }
        if more(next) {
            return None;
        }
        Some((low, low, next))
    };
    if char_before(text, i).is_some_and(|c| c.is_ascii_digit() || cn_digit(c).is_some() || cn_scale(c).is_some() || c == '.' || c.is_ascii_alphabetic()) {
        return None;
    }
    // 涨至万元以上, 突破万元: 万 alone before its money is ten thousand (not
    // 数万元, 几万元, some tens of thousands).
    let after_w = i + '万'.len_utf8();
    if money_after(text, after_w) && !char_before(text, i).is_some_and(|c| matches!(c, '数' | '几' | '幾' | '好' | '上' | '多')) {
        return Some(Quantity { start: i, end: after_w, low: 10000.0, high: 10000.0 });
    }
    let (low, high, end) = one(i)?;
    if let Some(q) = connector(text, end)
        && let Some((_, high2, end2)) = one(q)
        && high2 >= low
    {
        return Some(Quantity { start: i, end: end2, low, high: high2 });
    }
    Some(Quantity { start: i, end, low, high })
}

/// The quantity that the numeral `n1` begins, single or range, if any.
fn quantity_at(text: &str, n1: &Num) -> Option<Quantity> {
    if bad_before(text, n1) {
        return None;
    }
    // A range: n1 connector n2.
    if !bad_after(text, n1.end)
        && let Some(r) = range_after(text, n1).or_else(|| listed_pair(text, n1))
    {
        return Some(r);
    }
    single(text, n1)
}

/// 降到了4、5元, 喊到13万、14万, 只剩1万2、1万3: two sums one step apart (the
/// step of the first's last digit), joined by 、 and told in money or in
/// 万 and 千, are the two ends of one rough figure, as 四五元 and 十三四万
/// are. (Not three or more: 3、4、5元 is a list.)
fn listed_pair(text: &str, n1: &Num) -> Option<Quantity> {
    let (c, q) = char_at(text, n1.end)?;
    if c != '、' || n1.low != n1.high || char_before(text, n1.start).is_some_and(|c| c == '、') {
        return None;
    }
    let n2 = scan_num(text, q, false)?;
    if n2.low != n2.high || n2.bare || bad_after(text, n2.end) || char_at(text, n2.end).is_some_and(|(c, _)| c == '、') {
        return None;
    }
    let money = money_after(text, n2.end) || ["块", "蚊", "塊"].iter().any(|w| text[n2.end..].starts_with(w));
    if !(n2.scaled && n1.scaled || money) {
        return None;
    }
    let (lo, hi) = (n1.low.to_f64()?, n2.low.to_f64()?);
    if lo < 1.0 || lo.fract() != 0.0 || hi.fract() != 0.0 {
        return None;
    }
    // The step of the first's last digit: 130000 → 10000, 12000 → 1000.
    let mut step = 1.0;
    while (lo / (step * 10.0)).fract() == 0.0 {
        step *= 10.0;
    }
    (hi - lo == step).then_some(Quantity { start: n1.start, end: n2.end, low: lo, high: hi })
}

fn single(text: &str, n: &Num) -> Option<Quantity> {
    if bad_after(text, n.end) {
        return None;
    }
    let (mut end, mut low, mut high) = (n.end, n.low, n.high);
    if let Some((e, s)) = approx_scale(text, n) {
        end = e;
        low = low.shift(s)?;
        high = high.shift(s)?;
    } else {
        if n.lone && !measure_after(text, n.end) {
            return None;
        }
        if n.bare && !(n.big && measure_after(text, n.end)) {
            return None;
        }
    }
    Some(Quantity {
        start: n.start,
        end,
        low: low.to_f64()?,
        high: high.to_f64()?,
    })
}

/// 和, 与, 與, 及 after a number (介于1.2万与1.5万美元之间): a connector of
/// a range when 之间 follows the second number. Returns the end.
fn between_joiner(text: &str, p: usize) -> Option<usize> {
    let q = skip_spaces(text, p);
    let (c, next) = char_at(text, q)?;
    super::grammar::BETWEEN_JOINERS.contains(&c).then(|| skip_spaces(text, next))
}

/// Whether 之间 (之間) follows within a few characters of `end` (a unit or
/// a currency between).
pub(super) fn between_follows(text: &str, end: usize) -> bool {
    let rest = text.get(end..).unwrap_or("");
    let rest = &rest[..rest.char_indices().nth(6).map_or(rest.len(), |(i, _)| i)];
    rest.contains("之间") || rest.contains("之間")
}

fn range_after(text: &str, n1: &Num) -> Option<Quantity> {
    let (q, between) = match connector(text, n1.end) {
        Some(q) => (q, false),
        None => (between_joiner(text, n1.end)?, true),
    };
    let (c, _) = char_at(text, q)?;
    if !(c.is_ascii_digit() || cn_digit(c).is_some() || c == '十') {
        return None;
    }
    let n2 = scan_num(text, q, false)?;
    if bad_after(text, n2.end) || n2.bare || (n1.bare && !n1.big) {
        return None;
    }
    let mut low = n1.low;
    if !n1.scaled
        && n1.low == n1.high
        && let Some(m) = n2.tail_mult
    {
        low = low.mul(m)?;
    }
    let (mut end, mut high) = (n2.end, n2.high);
    if let Some((e, s)) = approx_scale(text, &n2) {
        end = e;
        high = high.shift(s)?;
        if !n1.scaled {
            low = low.shift(s)?;
        }
    } else if n2.lone && !measure_after(text, n2.end) {
        return None;
    }
    let (mut lo, hi) = (low.to_f64()?, high.to_f64()?);
    // 8000到1万美元: a plain first number already in units when the scale
    // of the second would carry it past the second.
    if lo > hi && !n1.scaled && n1.low == n1.high {
        lo = n1.low.to_f64()?;
    }
    if lo > hi || between && !between_follows(text, end) {
        return None;
    }
    Some(Quantity {
        start: n1.start,
        end,
        low: lo,
        high: hi,
    })
}

/// Parses one whole numeral token: "12", "12,000", "4 万", "33998.0044 万",
/// "1.5亿", "十二万", "两千", "一万二" (12000), "9万3" (93000), "3.5k",
/// "七十", "百万"; `None` if it is not exactly one number (pairs like 三四
/// are not one number).
pub fn parse_number(s: &str) -> Option<f64> {
    let s = s.trim_matches(is_space);
    if s.is_empty() {
        return None;
    }
    let n = scan_num(s, 0, true)?;
    if n.end != s.len() || n.low != n.high {
        return None;
    }
    n.low.to_f64()
}

// ---------------------------------------------------------------------------
// Percentages

fn round2(v: f64) -> f64 {
    (v * 100.0).round() / 100.0
}

/// Chars after 半 that make it not "half of": 半导体, 近半年, 一半价.
fn half_blocked(c: Option<char>) -> bool {
    c.is_some_and(|c| {
        matches!(
            c,
            '导' | '年'
                | '月'
                | '天'
                | '日'
                | '个'
                | '小'
                | '岛'
                | '径'
                | '成'
                | '价'
                | '场'
                | '夜'
                | '周'
                | '时'
        )
    })
}

/// Chars after 成 that make a word, not "tenths": 成为, 成本, 成功, 一成不变.
fn cheng_blocked(c: Option<char>) -> bool {
    c.is_some_and(|c| {
        matches!(
            c,
            '为' | '本'
                | '功'
                | '长'
                | '立'
                | '员'
                | '熟'
                | '交'
                | '品'
                | '果'
                | '绩'
                | '就'
                | '效'
                | '型'
                | '分'
                | '色'
                | '都'
                | '人'
                | '千'
                | '百'
                | '万'
                | '片'
                | '套'
                | '批'
                | '群'
                | '倍'
                | '不'
                | '了'
                | '像'
                | '年'
        )
    })
}

/// A percent numeral at `p` (digits, Chinese numeral), value unscaled.
fn pct_num(text: &str, p: usize) -> Option<Num> {
    let (c, _) = char_at(text, p)?;
    if !(c.is_ascii_digit() || cn_digit(c).is_some() || c == '十') {
        return None;
    }
    let n = scan_num(text, p, false)?;
    if n.ascii && char_before(text, p).is_some_and(|c| c.is_ascii_alphabetic()) {
        return None;
    }
    Some(n)
}

/// `%` right after `p` (spaces allowed); returns the end.
fn percent_sign(text: &str, p: usize) -> Option<usize> {
    let q = skip_spaces(text, p);
    let (c, n) = char_at(text, q)?;
    (c == '%' || c == '％').then_some(n)
}

/// Every percentage in `text`, in percent units: "88%", "47.2%", "30%—40%",
/// "30-40%", "百分之八十八", "四成", "七八成", "九成半", "三分之一" (33.33),
/// "五分之二", "1/4", "一半", "近半", "过半", "半数". Spans cover the whole
/// expression including `%`, 成, 百分之, 分之; for 近半/过半/超半/逾半 only
/// 半 (the caller reads the qualifier before the span). "三成多" gives 30
/// with 多 left after the span.
pub fn find_percents(text: &str) -> Vec<Quantity> {
    let mut out = Vec::new();
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        if let Some(next) = skip_non_start(bytes, i, &PERCENT_START_SET) {
            i = next;
            continue;
        }
        let Some((c, next)) = char_at(text, i) else { break };
        if !may_start_percent(c) {
            i = next;
            continue;
        }
        let found = match c {
            '百' if starts_with_at(text, i, "百分之") => baifenzhi(text, i),
            '一' if starts_with_at(text, next, "半") => half(text, i, next + '半'.len_utf8()),
            '近' | '过' | '超' | '逾' if starts_with_at(text, next, "半") => {
                half(text, next, next + '半'.len_utf8())
            }
            '半' if starts_with_at(text, next, "数") => Some(Quantity {
                start: i,
                end: next + '数'.len_utf8(),
                low: 50.0,
                high: 50.0,
            }),
            _ if c.is_ascii_digit()
                && char_before(text, i).is_some_and(|p| p.is_ascii_alphanumeric()) =>
            {
                // inside A100 or a longer number
                let mut q = i;
                while q < bytes.len() && bytes[q].is_ascii_alphanumeric() {
                    q += 1;
                }
                i = q;
                continue;
            }
            _ if c.is_ascii_digit() || cn_digit(c).is_some() || c == '十' || c == '千' => {
                numeric_percent(text, i)
            }
            _ => None,
        };
        match found {
            Some(q) if q.end > i => {
                i = q.end;
                out.push(q);
            }
            _ => {
                // Do not rescan inside a numeral.
                let skip = if c.is_ascii_digit() {
                    let mut q = i;
                    while q < bytes.len()
                        && (bytes[q].is_ascii_digit() || bytes[q] == b'.' || bytes[q] == b',')
                    {
                        q += 1;
                    }
                    q
                } else {
                    next
                };
                i = skip.max(next);
            }
        }
    }
    out
}

fn half(text: &str, start: usize, end: usize) -> Option<Quantity> {
    let end = if starts_with_at(text, end, "数") {
        end + '数'.len_utf8()
    } else {
        end
    };
    if half_blocked(char_at(text, end).map(|x| x.0)) {
        return None;
    }
    Some(Quantity {
        start,
        end,
        low: 50.0,
        high: 50.0,
    })
}

/// 百分之X, 百分之X到Y, 百分之X到百分之Y.
fn baifenzhi(text: &str, i: usize) -> Option<Quantity> {
    let p = i + "百分之".len();
    let n1 = pct_num(text, p)?;
    if n1.low != n1.high {
        return None;
    }
    let lo = n1.low.to_f64()?;
    if let Some(q) = connector(text, n1.end) {
        let q = if starts_with_at(text, q, "百分之") {
            q + "百分之".len()
        } else {
            q
        };
        if let Some(n2) = pct_num(text, q) {
            let hi = n2.high.to_f64()?;
            if n2.low == n2.high && lo <= hi {
                return Some(Quantity {
                    start: i,
                    end: n2.end,
                    low: lo,
                    high: hi,
                });
            }
        }
    }
    Some(Quantity {
        start: i,
        end: n1.end,
        low: lo,
        high: lo,
    })
}

/// Percent forms that start with a numeral: N%, N-M%, N%-M%, N成, X分之Y, a/b.
fn numeric_percent(text: &str, i: usize) -> Option<Quantity> {
    let prev = char_before(text, i);
    if prev == Some('第') {
        return None;
    }
    // X分之Y (X may be a bare 十/百/千: 十分之一, 千分之五).
    let n1 = scan_num(text, i, true)?;
    if starts_with_at(text, n1.end, "分之") && n1.low == n1.high {
        let p = n1.end + "分之".len();
        let n2 = pct_num(text, p)?;
        let (den, num) = (n1.low.to_f64()?, n2.low.to_f64()?);
        if den <= 0.0 || num > den || n2.low != n2.high {
            return None;
        }
        return Some(Quantity {
            start: i,
            end: n2.end,
            low: round2(num / den * 100.0),
            high: round2(num / den * 100.0),
        });
    }
    if n1.bare {
        return None;
    }
    // 统一成本, 之一成: 一 inside a word.
    if n1.lone && n1.low == Dec::int(1) && prev.is_some_and(yi_word) {
        return None;
    }
    // N% and N%-M%.
    if let Some(e1) = percent_sign(text, n1.end) {
        let lo = n1.low.to_f64()?;
        let hi1 = n1.high.to_f64()?;
        if let Some(q) = connector(text, e1)
            && let Some(n2) = pct_num(text, q)
            && let Some(e2) = percent_sign(text, n2.end)
        {
            let hi = n2.high.to_f64()?;
            if lo <= hi {
                return Some(Quantity {
                    start: i,
                    end: e2,
                    low: lo,
                    high: hi,
                });
            }
        }
        return Some(Quantity {
            start: i,
            end: e1,
            low: lo,
            high: hi1,
        });
    }
    // N-M%.
    if let Some(q) = connector(text, n1.end)
        && let Some(n2) = pct_num(text, q)
        && let Some(e2) = percent_sign(text, n2.end)
    {
        let (lo, hi) = (n1.low.to_f64()?, n2.high.to_f64()?);
        if lo <= hi {
            return Some(Quantity {
                start: i,
                end: e2,
                low: lo,
                high: hi,
            });
        }
    }
    // N至M成, N到M成 (六至七成: 60-70); 成 only after the second number,
    // so 从三成至五成, a move, is not read as a range.
    if let Some(q) = connector(text, n1.end)
        && let Some(n2) = pct_num(text, q)
        && starts_with_at(text, n2.end, "成")
        && !cheng_blocked(char_at(text, n2.end + '成'.len_utf8()).map(|x| x.0))
    {
        let (lo, hi) = (n1.low.to_f64()?, n2.high.to_f64()?);
        if (1.0..=10.0).contains(&lo) && (1.0..=10.0).contains(&hi) && lo < hi && !n1.scaled && !n2.scaled {
            return Some(Quantity {
                start: i,
                end: n2.end + '成'.len_utf8(),
                low: lo * 10.0,
                high: hi * 10.0,
            });
        }
    }
    // N成, N成半, 七八成.
    if starts_with_at(text, n1.end, "成") {
        let after = n1.end + '成'.len_utf8();
        let (lo, hi) = (n1.low.to_f64()?, n1.high.to_f64()?);
        let small = (!n1.scaled || n1.low == Dec::int(10)) && hi <= 10.0 && lo >= 1.0;
        if small && !cheng_blocked(char_at(text, after).map(|x| x.0)) {
            if let Some((c, e)) = char_at(text, after)
                && c == '半'
                && !half_blocked(char_at(text, e).map(|x| x.0))
                && lo == hi
            {
                return Some(Quantity {
                    start: i,
                    end: e,
                    low: lo * 10.0 + 5.0,
                    high: hi * 10.0 + 5.0,
                });
            }
            // 一成五 (15%), 七成四 (74%): a tenth of a 成 after it, the last
            // figure of the number.
            if let Some((c, e)) = char_at(text, after)
                && let Some(d) = cn_digit(c).or_else(|| c.to_digit(10).map(|d| d as u8))
                && d >= 1
                && lo == hi
                && !char_at(text, e).is_some_and(|(n, _)| {
                    n.is_ascii_digit() || cn_digit(n).is_some() || cn_scale(n).is_some() || "成倍%％年月日个家款台颗片张名位点星".contains(n)
                })
            {
                return Some(Quantity {
                    start: i,
                    end: e,
                    low: lo * 10.0 + d as f64,
                    high: hi * 10.0 + d as f64,
                });
            }
            return Some(Quantity {
                start: i,
                end: after,
                low: lo * 10.0,
                high: hi * 10.0,
            });
        }
        return None;
    }
    // a/b: small proper fractions only, never dates (2024/4/15, 4/15).
    if n1.ascii && text.as_bytes().get(n1.end) == Some(&b'/') {
        if prev.is_some_and(|c| c == '/' || c.is_ascii_alphanumeric()) {
            return None;
        }
        let (a, e1) = small_int(text, i)?;
        if e1 != n1.end {
            return None;
        }
        let (b, e2) = small_int(text, e1 + 1)?;
        let b_after = text.as_bytes().get(e2).copied();
        if b_after.is_some_and(|x| x == b'/' || x.is_ascii_alphanumeric() || x == b'.') {
            return None;
        }
        if a >= 1 && a < b && b <= 10 {
            let v = round2(a as f64 / b as f64 * 100.0);
            return Some(Quantity {
                start: i,
                end: e2,
                low: v,
                high: v,
            });
        }
    }
    None
}

/// 1-2 ASCII digits at `p` (not followed by another digit).
fn small_int(text: &str, p: usize) -> Option<(u32, usize)> {
    let b = text.as_bytes();
    let mut q = p;
    let mut v = 0u32;
    while q < b.len() && b[q].is_ascii_digit() && q - p < 3 {
        v = v * 10 + (b[q] - b'0') as u32;
        q += 1;
    }
    if q == p || q - p > 2 {
        return None;
    }
    Some((v, q))
}

// ---------------------------------------------------------------------------
// Formatting

const CN_DIGITS: [char; 10] = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/// Formats a number the way Chinese text writes it: 120000 → "十二万",
/// 93000 → "九万三千", 10003 → "一万零三", 0 → "零".
pub fn to_chinese(n: u64) -> String {
    let mut out = String::new();
    if n == 0 {
        out.push('零');
        return out;
    }
    write_chinese(n, true, &mut out);
    out
}

fn write_chinese(n: u64, leading: bool, out: &mut String) {
    const YI: u64 = 100_000_000;
    if n >= YI {
        write_chinese(n / YI, leading, out);
        out.push('亿');
        let rest = n % YI;
        if rest > 0 {
            if rest < YI / 10 {
                out.push('零');
            }
            write_chinese(rest, false, out);
        }
    } else if n >= 10_000 {
        write_section((n / 10_000) as u32, leading, out);
        out.push('万');
        let rest = n % 10_000;
        if rest > 0 {
            if rest < 1000 {
                out.push('零');
            }
            write_section(rest as u32, false, out);
        }
    } else {
        write_section(n as u32, leading, out);
    }
}

/// 1..=9999; `leading` drops the 一 of 一十 (十二 rather than 一十二).
fn write_section(n: u32, leading: bool, out: &mut String) {
    let digits = [n / 1000, n / 100 % 10, n / 10 % 10, n % 10];
    let scales = ['千', '百', '十', ' '];
    let mut started = false;
    let mut pending_zero = false;
    for (k, &d) in digits.iter().enumerate() {
        if d == 0 {
            if started {
                pending_zero = true;
            }
            continue;
        }
        if pending_zero {
            out.push('零');
            pending_zero = false;
        }
        let first = !started;
        started = true;
        if k == 2 && d == 1 && first && leading {
            out.push('十');
            continue;
        }
        out.push(CN_DIGITS[d as usize]);
        if k < 3 {
            out.push(scales[k]);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The sets the readers skip by hold every character their dispatch
    /// reads on from, over the whole BMP.
    #[test]
    fn start_sets_hold_every_start_character() {
        for c in (0x80..0x10000u32).filter_map(char::from_u32) {
            if numeral_start(c) {
                assert!(NUMERAL_START_SET.has(c as u32), "{c}");
            }
            if may_start_percent(c) {
                assert!(PERCENT_START_SET.has(c as u32), "{c}");
            }
        }
        let mut buf = [0u8; 4];
        for c in ('\0'..='\u{7f}').chain(NUMERAL_STARTS.chars()).chain(PERCENT_STARTS.chars()) {
            let b = c.encode_utf8(&mut buf).as_bytes();
            let starts = |set| skip_non_start(b, 0, set).is_none();
            assert_eq!(starts(&NUMERAL_START_SET), numeral_start(c), "{c}");
            assert_eq!(starts(&PERCENT_START_SET), may_start_percent(c), "{c}");
        }
        assert_eq!(find_percents("市占率一半以上,近半数").len(), 2);
    }

    fn q(text: &str) -> Vec<(String, f64, f64)> {
        find_quantities(text)
            .into_iter()
            .map(|q| (text[q.start..q.end].to_string(), q.low, q.high))
            .collect()
    }

    #[test]
    fn cheng_with_a_tenth_after_it() {
        assert_eq!(p("市占约一成五"), vec![("一成五".to_string(), 15.0, 15.0)]);
        assert_eq!(p("占比約七成四。"), vec![("七成四".to_string(), 74.0, 74.0)]);
        assert_eq!(p("八成5的份额"), vec![("八成5".to_string(), 85.0, 85.0)]);
        // Not a tenth: a count, a year, a company.
        assert_eq!(p("七成三星手机"), vec![("七成".to_string(), 70.0, 70.0)]);
        assert_eq!(p("三成五年内"), vec![("三成".to_string(), 30.0, 30.0)]);
        assert_eq!(p("六成二十家"), vec![("六成".to_string(), 60.0, 60.0)]);
    }

    #[test]
    fn a_letter_closing_a_model_name_is_no_amount() {
        assert_eq!(q("报价在12万元左右,910C正陆续出货"), vec![s("12万", 120000.0, 120000.0)]);
        assert_eq!(q("4090D售价12999元"), vec![s("12999", 12999.0, 12999.0)]);
        // Scales and units after digits are no model letters; w is 万 in web
        // slang, but not after a number of a hundred or more (700w: watts).
        assert_eq!(q("二手1.8w左右"), vec![s("1.8w", 18000.0, 18000.0)]);
        assert_eq!(q("要2.3w-2.5w"), vec![s("2.3w-2.5w", 23000.0, 25000.0)]);
        assert_eq!(q("功耗700w"), vec![s("700", 700.0, 700.0)]);
        assert_eq!(q("报价5k").len(), 1);
        assert_eq!(q("售价1999USD"), vec![s("1999", 1999.0, 1999.0)]);
    }

    #[test]
    fn two_sums_one_step_apart_joined_by_a_list_mark_are_a_range() {
        assert_eq!(q("降到了4、5元"), vec![s("4、5", 4.0, 5.0)]);
        assert_eq!(q("最近喊到13万、14万"), vec![s("13万、14万", 130000.0, 140000.0)]);
        assert_eq!(q("跌到只剩1万2、1万3"), vec![s("1万2、1万3", 12000.0, 13000.0)]);
        assert_eq!(q("只要八、九块"), vec![s("八、九", 8.0, 9.0)]);
        // Not further apart, not three or more, not without money or 万.
        assert_eq!(q("售价6299元、4599元"), vec![s("6299", 6299.0, 6299.0), s("4599", 4599.0, 4599.0)]);
        assert_eq!(q("售价3、4、5万元").len(), 3);
        assert!(q("第3、4名").iter().all(|x| x.1 == x.2));
    }

    #[test]
    fn digits_after_a_money_s_letters_are_an_amount() {
        assert_eq!(q("公价是RM3,499起"), vec![s("3,499", 3499.0, 3499.0)]);
        assert_eq!(q("售价USD2000"), vec![s("2000", 2000.0, 2000.0)]);
        // A model's letters: no amount.
        assert!(q("搭载MI300X芯片,H20-96G").is_empty());
    }

    #[test]
    fn slang_w_and_k_with_a_digit_after() {
        assert_eq!(q("上个月1w8收的"), vec![("1w8".to_string(), 18000.0, 18000.0)]);
        assert_eq!(q("二手2k5出了,"), vec![("2k5".to_string(), 2500.0, 2500.0)]);
        assert_eq!(q("1.8w收的"), vec![("1.8w".to_string(), 18000.0, 18000.0)]);
        // Letters or more digits run on: no slang.
        assert!(q("3k60Hz").iter().all(|x| x.2 < 100.0));
        assert!(q("2w35").iter().all(|x| x.2 < 100.0));
    }

    #[test]
    fn a_leading_wan_and_one_digit() {
        assert_eq!(q("而家放二手都仲有万五,"), vec![("万五".to_string(), 15000.0, 15000.0)]);
        assert_eq!(q("由禁令前大约万3到万4蚊一张")[0], ("万3到万4".to_string(), 13000.0, 14000.0));
        assert_eq!(q("万一出现问题"), vec![]);
        // 万四五: the digit and the next are a range.
        assert_eq!(q("旧年中先万四五蚊入货"), vec![("万四五".to_string(), 14000.0, 15000.0)]);
        assert_eq!(q("而家萬七八就有交易"), vec![("萬七八".to_string(), 17000.0, 18000.0)]);
        assert_eq!(q("万四五六"), vec![]);
        // Not after a numeral, not before more digits or a scale.
        assert_eq!(q("一万五"), vec![("一万五".to_string(), 15000.0, 15000.0)]);
        assert_eq!(q("千万三思"), vec![]);
        assert_eq!(q("万5000"), vec![("5000".to_string(), 5000.0, 5000.0)]);
    }

    #[test]
    fn masked_digits_leave_no_amount() {
        assert_eq!(q("香港应该 $6,xxx 有交易"), vec![]);
        assert_eq!(q("二手大概1xxx元"), vec![]);
        assert_eq!(q("售价6,999元"), vec![("6,999".to_string(), 6999.0, 6999.0)]);
    }

    #[test]
    fn a_colloquial_digit_and_the_next_are_a_range() {
        assert_eq!(q("报价是一万六七,"), vec![("一万六七".to_string(), 16000.0, 17000.0)]);
        assert_eq!(q("二手价一千六七百,"), vec![("一千六七百".to_string(), 1600.0, 1700.0)]);
        // A big scale after the pair's multiplies both ends.
        assert_eq!(q("整机报价在一百七八十万元"), vec![("一百七八十万".to_string(), 1.7e6, 1.8e6)]);
        assert_eq!(q("整机要两百五六十万,"), vec![("两百五六十万".to_string(), 2.5e6, 2.6e6)]);
        assert_eq!(q("年营收三千七八百亿"), vec![("三千七八百亿".to_string(), 3.7e11, 3.8e11)]);
        assert_eq!(q("整机100来万,"), vec![("100来万".to_string(), 1000000.0, 1000000.0)]);
        assert_eq!(q("报价十来万"), vec![("十来万".to_string(), 100000.0, 100000.0)]);
        assert_eq!(q("现在要一万六七千块"), vec![("一万六七千".to_string(), 16000.0, 17000.0)]);
        assert_eq!(q("卖三千五六。"), vec![("三千五六".to_string(), 3500.0, 3600.0)]);
        assert_eq!(q("两万三四的样子"), vec![("两万三四".to_string(), 23000.0, 24000.0)]);
        // Not two digits in a row, or a scale after the second.
        assert_eq!(q("一万六,"), vec![("一万六".to_string(), 16000.0, 16000.0)]);
        assert_eq!(q("一万六八"), vec![("一万六".to_string(), 16000.0, 16000.0)]);
    }

    #[test]
    fn ends_of_a_range_joined_by_and_before_between() {
        assert_eq!(q("介乎1.2万与1.5万美元之间"), vec![("1.2万与1.5万".to_string(), 12000.0, 15000.0)]);
        assert_eq!(q("在3万和4万元之间"), vec![("3万和4万".to_string(), 30000.0, 40000.0)]);
        assert_eq!(q("介于1000及1500美元之間"), vec![("1000及1500".to_string(), 1000.0, 1500.0)]);
        // Without 之间 they are two amounts.
        assert_eq!(q("分别为1万和2万美元"), vec![("1万".to_string(), 10000.0, 10000.0), ("2万".to_string(), 20000.0, 20000.0)]);
    }

    #[test]
    fn ranges_of_cheng() {
        assert_eq!(p("市占率约六至七成"), vec![s("六至七成", 60.0, 70.0)]);
        assert_eq!(p("市占率約八到九成,"), vec![s("八到九成", 80.0, 90.0)]);
        assert_eq!(p("占比3至4成"), vec![s("3至4成", 30.0, 40.0)]);
        // A move (成 after both ends) and a count are no range.
        assert_eq!(p("从三成至五成"), vec![s("三成", 30.0, 30.0), s("五成", 50.0, 50.0)]);
        assert_eq!(p("两至三成本"), vec![]);
    }

    fn p(text: &str) -> Vec<(String, f64, f64)> {
        find_percents(text)
            .into_iter()
            .map(|q| (text[q.start..q.end].to_string(), q.low, q.high))
            .collect()
    }

    fn s(x: &str, lo: f64, hi: f64) -> (String, f64, f64) {
        (x.to_string(), lo, hi)
    }

    #[test]
    fn parse_number_forms() {
        let cases: &[(&str, f64)] = &[
            ("12", 12.0),
            ("12,000", 12000.0),
            ("12,000,000", 12e6),
            ("4 万", 40000.0),
            ("33998.0044 万", 339980044.0),
            ("1.5亿", 1.5e8),
            ("十二万", 120000.0),
            ("两千", 2000.0),
            ("一万二", 12000.0),
            ("9万3", 93000.0),
            ("1万2", 12000.0),
            ("三千五", 3500.0),
            ("3.5k", 3500.0),
            ("七十", 70.0),
            ("十", 10.0),
            ("一百零五", 105.0),
            ("一亿二", 1.2e8),
            ("1亿2000万", 1.2e8),
            ("3万5000", 35000.0),
            ("一万亿", 1e12),
            ("百万", 1e6),
            ("二〇二三", 2023.0),
            ("零", 0.0),
            ("10 亿", 1e9),
            ("5百万", 5e6),
        ];
        for (s, v) in cases {
            assert_eq!(parse_number(s), Some(*v), "{s}");
        }
        for s in [
            "",
            "万",
            "亿",
            "三四",
            "12元",
            "一些",
            "abc",
            "12,00",
            "万一",
            "3万-5万",
        ] {
            assert_eq!(parse_number(s), None, "{s}");
        }
    }

    #[test]
    fn prices_with_ranges_and_scales() {
        assert_eq!(
            q("从原来的12万人民币左右,变成了现在25万甚至30万,甚至有高达50万一片"),
            vec![
                s("12万", 120000.0, 120000.0),
                s("25万甚至30万", 250000.0, 300000.0),
                s("50万", 500000.0, 500000.0)
            ]
        );
    }

    #[test]
    fn stray_spaces_before_scale() {
        assert_eq!(
            q("炒到超4 万美元,甚至有卖家标价6.5 万美元"),
            vec![s("4 万", 40000.0, 40000.0), s("6.5 万", 65000.0, 65000.0)]
        );
    }

    #[test]
    fn exact_decimals() {
        assert_eq!(
            q("中标价为33998.0044 万元"),
            vec![s("33998.0044 万", 339980044.0, 339980044.0)]
        );
    }

    #[test]
    fn scale_on_second_number_only() {
        assert_eq!(q("年资本开支在8-20亿美元之间"), vec![s("8-20亿", 8e8, 2e9)]);
        assert_eq!(q("价格在3-20 万元"), vec![s("3-20 万", 3e4, 2e5)]);
        assert_eq!(q("约3~5万元"), vec![s("3~5万", 3e4, 5e4)]);
        assert_eq!(q("在三到五万元之间"), vec![s("三到五万", 3e4, 5e4)]);
        // A plain first number in units, the second with its scale.
        assert_eq!(q("售价大约在8000到1万美元之间"), vec![s("8000到1万", 8000.0, 1e4)]);
        assert_eq!(q("报价介于9500至1.2万元"), vec![s("9500至1.2万", 9500.0, 1.2e4)]);
        assert_eq!(q("约七千到一万元"), vec![s("七千到一万", 7000.0, 1e4)]);
    }

    #[test]
    fn both_numbers_scaled() {
        assert_eq!(q("快速飆升至3万-5万元"), vec![s("3万-5万", 3e4, 5e4)]);
        assert_eq!(q("报价2万至3万元"), vec![s("2万至3万", 2e4, 3e4)]);
        assert_eq!(q("每台3—5万"), vec![s("3—5万", 3e4, 5e4)]);
    }

    #[test]
    fn plain_ranges() {
        assert_eq!(
            q("售价30000到40000美元"),
            vec![s("30000到40000", 30000.0, 40000.0)]
        );
        assert_eq!(
            q("每3到4个月就要翻一倍"),
            vec![s("3到4", 3.0, 4.0), s("一", 1.0, 1.0)]
        );
    }

    #[test]
    fn years_are_returned_for_the_caller() {
        assert_eq!(q("元,2019-2025"), vec![s("2019-2025", 2019.0, 2025.0)]);
        // A date: 2023 > 10 so no range; the caller filters dates.
        assert_eq!(
            q("2023-10-17"),
            vec![s("2023", 2023.0, 2023.0), s("10-17", 10.0, 17.0)]
        );
    }

    #[test]
    fn chinese_numerals_and_colloquial() {
        assert_eq!(q("售价十二万元"), vec![s("十二万", 12e4, 12e4)]);
        assert_eq!(q("只要两千块"), vec![s("两千", 2000.0, 2000.0)]);
        assert_eq!(
            q("一万二一张"),
            vec![s("一万二", 12000.0, 12000.0), s("一", 1.0, 1.0)]
        );
        assert_eq!(q("报价9万3"), vec![s("9万3", 93000.0, 93000.0)]);
        // Tens and a digit before a measure word are one number.
        assert_eq!(q("一小时十二块"), vec![s("十二", 12.0, 12.0)]);
        assert_eq!(q("三十二台"), vec![s("三十二", 32.0, 32.0)]);
        assert_eq!(q("一百二一张"), vec![s("一百二", 120.0, 120.0), s("一", 1.0, 1.0)]);
        // Before a currency the last digit is the number's own: 13500 yuan.
        assert_eq!(q("大约一万三千五人民币"), vec![s("一万三千五", 13500.0, 13500.0)]);
        assert_eq!(q("炒到一万二美元"), vec![s("一万二", 12000.0, 12000.0)]);
        assert_eq!(q("两千五港币"), vec![s("两千五", 2500.0, 2500.0)]);
        assert_eq!(q("九千五港纸"), vec![s("九千五", 9500.0, 9500.0)]);
        // 万 alone before its money: ten thousand; not 数万元, 几万元.
        assert_eq!(q("已从首发价5499元涨至万元以上"), vec![s("5499", 5499.0, 5499.0), s("万", 10000.0, 10000.0)]);
        assert_eq!(q("售价突破万元大关"), vec![s("万", 10000.0, 10000.0)]);
        assert_eq!(q("要价数万元"), vec![]);
        assert_eq!(q("几万块钱"), vec![]);
        assert_eq!(q("三千五新元"), vec![s("三千五", 3500.0, 3500.0)]);
        assert_eq!(q("七十个"), vec![s("七十", 70.0, 70.0)]);
        assert_eq!(q("要价3.5k美元"), vec![s("3.5k", 3500.0, 3500.0)]);
    }

    #[test]
    fn approximate_pairs() {
        assert_eq!(q("三四年"), vec![s("三四", 3.0, 4.0)]);
        assert_eq!(q("大约三四万元"), vec![s("三四万", 3e4, 4e4)]);
        assert_eq!(q("单卡折下来十五六万"), vec![s("十五六万", 15e4, 16e4)]);
        assert_eq!(q("报价二十五六万元"), vec![s("二十五六万", 25e4, 26e4)]);
        assert!(!q("十五六七万").iter().any(|x| x.1 == 15e4 && x.2 == 16e4));
        assert_eq!(q("十五六个"), vec![s("十五六", 15.0, 16.0)]);
        assert_eq!(q("七八十万"), vec![s("七八十万", 7e5, 8e5)]);
        // 七八成 is a percentage, not a quantity.
        assert_eq!(q("价格大概是英伟达对标产品的七八成"), vec![]);
    }

    #[test]
    fn words_with_numeral_characters_are_not_numbers() {
        for t in [
            "一些大厂也开始用自研AI芯片",
            "结果基本一致",
            "统一部署",
            "万一出现问题",
            "一直押注AI未来",
            "十分重要",
            "一定会",
            "千万不要囤货",
            "一旦断供",
            "一方面",
            "唯一的",
            "第一梯队",
            "第3季度",
            "万卡集群",
            "百度昆仑芯片",
            "千芯科技",
            "三星电子",
            "十几年",
            "几十万",
            "数百万",
            "周四",
            "成为之一,",
            "百模大战",
            "万亿市值",
            "三一重工",
            "GPU龙头企业一一英伟达",
        ] {
            assert_eq!(q(t), vec![], "{t}");
        }
    }

    #[test]
    fn lone_numeral_with_measure_word_is_a_quantity() {
        assert_eq!(q("任何一家公司"), vec![s("一", 1.0, 1.0)]);
        assert_eq!(
            q("一款芯片和一台服务器"),
            vec![s("一", 1.0, 1.0), s("一", 1.0, 1.0)]
        );
        assert_eq!(q("两个月"), vec![s("两", 2.0, 2.0)]);
        assert_eq!(q("订购了百万美元"), vec![s("百万", 1e6, 1e6)]);
    }

    #[test]
    fn chip_names_are_not_quantities() {
        assert_eq!(q("A800和H800,MI300X"), vec![]);
        assert_eq!(q("RTX 4090显卡"), vec![s("4090", 4090.0, 4090.0)]);
        assert_eq!(q("与用于GPT-3 处理的HGX A100-80G相比"), vec![]);
    }

    #[test]
    fn lower_bounds_with_duo() {
        assert_eq!(q("1000多万元"), vec![s("1000多万", 1e7, 1e7)]);
        assert_eq!(q("二十余万"), vec![s("二十余万", 2e5, 2e5)]);
        // 几 after a round number in 千 or 万: the number holds.
        assert_eq!(q("大约一万四千几元"), vec![s("一万四千", 14000.0, 14000.0)]);
        assert_eq!(q("九千几蚊,"), vec![s("九千", 9000.0, 9000.0)]);
        assert_eq!(q("HK$9,000几,"), vec![s("9,000", 9000.0, 9000.0)]);
        assert_eq!(q("叫价9000几蚊"), vec![s("9000", 9000.0, 9000.0)]);
        assert_eq!(q("10几万"), vec![]);
        assert_eq!(q("十几万元"), vec![]);
        assert_eq!(q("三千几百万"), vec![]);
    }

    #[test]
    fn thousands_separators_vs_lists() {
        assert_eq!(q("12,000台"), vec![s("12,000", 12000.0, 12000.0)]);
        assert_eq!(q("2,3"), vec![s("2", 2.0, 2.0), s("3", 3.0, 3.0)]);
        assert_eq!(
            q("2019,2020"),
            vec![s("2019", 2019.0, 2019.0), s("2020", 2020.0, 2020.0)]
        );
    }

    #[test]
    fn percents_plain_and_ranges() {
        assert_eq!(
            p("分别为47.2%和52.8%"),
            vec![s("47.2%", 47.2, 47.2), s("52.8%", 52.8, 52.8)]
        );
        assert_eq!(p("市占率达88%"), vec![s("88%", 88.0, 88.0)]);
        assert_eq!(p("约30%—40%"), vec![s("30%—40%", 30.0, 40.0)]);
        assert_eq!(p("约30-40%"), vec![s("30-40%", 30.0, 40.0)]);
    }

    #[test]
    fn percents_in_words() {
        assert_eq!(p("占比百分之八十八"), vec![s("百分之八十八", 88.0, 88.0)]);
        assert_eq!(p("百分之12"), vec![s("百分之12", 12.0, 12.0)]);
        assert_eq!(p("占到英伟达的约四成"), vec![s("四成", 40.0, 40.0)]);
        assert_eq!(
            p("AMD的GPU价格大概是英伟达对标产品的七八成"),
            vec![s("七八成", 70.0, 80.0)]
        );
        assert_eq!(p("九成半"), vec![s("九成半", 95.0, 95.0)]);
        assert_eq!(p("三成多"), vec![s("三成", 30.0, 30.0)]);
    }

    #[test]
    fn percents_fractions() {
        assert_eq!(
            p("占全球半导体采购总额5559亿美元的三分之一以上"),
            vec![s("三分之一", 33.33, 33.33)]
        );
        assert_eq!(p("五分之二"), vec![s("五分之二", 40.0, 40.0)]);
        assert_eq!(p("约1/4的份额"), vec![s("1/4", 25.0, 25.0)]);
        assert_eq!(p("2024/4/15和4/15"), vec![]);
    }

    #[test]
    fn percents_halves() {
        assert_eq!(p("占据一半"), vec![s("一半", 50.0, 50.0)]);
        assert_eq!(p("近半数"), vec![s("半数", 50.0, 50.0)]);
        assert_eq!(p("市场份额过半"), vec![s("半", 50.0, 50.0)]);
        assert_eq!(p("接近半导体行业"), vec![]);
        assert_eq!(p("九成半导体企业"), vec![s("九成", 90.0, 90.0)]);
    }

    #[test]
    fn percent_words_that_are_not_percents() {
        for t in [
            "成为全球第一",
            "降低成本",
            "一成不变",
            "半导体",
            "近半年",
            "三大厂商之一成立于",
        ] {
            assert_eq!(p(t), vec![], "{t}");
        }
    }

    #[test]
    fn to_chinese_forms() {
        assert_eq!(to_chinese(120000), "十二万");
        assert_eq!(to_chinese(93000), "九万三千");
        assert_eq!(to_chinese(10003), "一万零三");
        assert_eq!(to_chinese(0), "零");
        assert_eq!(to_chinese(1_0000_0000), "一亿");
        assert_eq!(to_chinese(1_0010_0000), "一亿零一十万");
        assert_eq!(to_chinese(15), "十五");
    }
}

#[cfg(test)]
mod prop {
    use super::*;
    use proptest::prelude::*;

    fn check_spans(text: &str, qs: &[Quantity]) {
        let mut last = 0;
        for q in qs {
            assert!(q.start >= last && q.start < q.end && q.end <= text.len());
            assert!(text.is_char_boundary(q.start) && text.is_char_boundary(q.end));
            assert!(
                q.low <= q.high && q.low.is_finite() && q.high.is_finite(),
                "{q:?} in {text:?}"
            );
            last = q.end;
        }
    }

    fn numeralish() -> impl Strategy<Value = String> {
        proptest::collection::vec(
            prop_oneof![
                Just("一"),
                Just("二"),
                Just("两"),
                Just("十"),
                Just("百"),
                Just("千"),
                Just("万"),
                Just("亿"),
                Just("零"),
                Just("〇"),
                Just("3"),
                Just("0"),
                Just("."),
                Just(","),
                Just(" "),
                Just("-"),
                Just("到"),
                Just("甚至"),
                Just("%"),
                Just("成"),
                Just("半"),
                Just("分之"),
                Just("k"),
                Just("元"),
                Just("个"),
                Just("A"),
                Just("/"),
                Just("多"),
                Just("第"),
                Just("百分之"),
            ],
            0..24,
        )
        .prop_map(|v| v.concat())
    }

    proptest! {
        #[test]
        fn no_panic_any_unicode(s in "\\PC*") {
            check_spans(&s, &find_quantities(&s));
            check_spans(&s, &find_percents(&s));
            let _ = parse_number(&s);
        }

        #[test]
        fn no_panic_numeral_soup(s in numeralish()) {
            check_spans(&s, &find_quantities(&s));
            check_spans(&s, &find_percents(&s));
            let _ = parse_number(&s);
        }

        #[test]
        fn wan_and_yi_scale(n in 1u32..100000, frac in 0u32..100) {
            let t = format!("价格{n}万元");
            let qs = find_quantities(&t);
            prop_assert_eq!(qs.len(), 1);
            prop_assert_eq!(qs[0].low, n as f64 * 1e4);
            let t = format!("{n}.{frac:02}亿美元");
            let qs = find_quantities(&t);
            let want = (n as f64 * 100.0 + frac as f64) * 1e6;
            prop_assert!((qs[0].low - want).abs() <= want * 1e-12);
        }

        #[test]
        fn to_chinese_round_trip(n in 0u64..1_000_000_000_000) {
            let s = to_chinese(n);
            prop_assert_eq!(parse_number(&s), Some(n as f64), "{}", s);
        }

        #[test]
        fn to_chinese_round_trip_small(n in 0u64..100_000) {
            let s = to_chinese(n);
            prop_assert_eq!(parse_number(&s), Some(n as f64), "{}", s);
        }
    }
}

//! Prices: what a chip, card or system cost.
//!
//! A money amount (a number with a currency, or a number after one in the
//! same sentence) is a price when its sentence talks about prices (价格, 售价,
//! 涨, 一片 ...) and its clause is not about something else that costs money
//! (市值, 股价, 订单, 融资, 成本 ...). It belongs to the chip its clause
//! names; else to the chips the sentence names nearest before it, else after
//! it; else, when the sentence refers back (这类芯片, 该芯片, 其), to the chips
//! of the sentence before. 从X涨到Y gives X the role `before` and Y `after`.

use std::ops::Range;
use std::sync::LazyLock;

use super::words::{Hits, range_of};
use super::date::DateMention;
use super::number::{Quantity, find_quantities};
use super::text::{chars_before, contains_any};
use super::{DocState, Extractor, Sentence, grammar, signs};
use crate::model::{Basis, PartialDate, Price, Qualifier, Role};

// The word lists are in the lexicon (src/lexicon/price.toml), by name.
fn words(name: &str) -> Vec<&'static str> {
    crate::lexicon::get().words(name)
}

/// Above this many US dollars an amount is a total (an order, a fund), not the
/// price of a chip, card or system.
const MAX_USD: f64 = 1.0e7;


/// The lists the reader asks about a sentence, by their place in
/// [`lists`].
mod list {
    /// Where the reader's lists start among the sentence's lists
    /// ([`super::super::SENTENCE_LISTS`]).
    const AT: usize = super::super::PRICE_LISTS_AT;
    /// The Latin currency codes of the lexicon (USD, RMB, CNY): a sentence
    /// that has no [`signs::CURRENCY`](super::signs::CURRENCY) character
    /// names a currency only with one of them.
    pub const CURRENCY_CODES: usize = AT;
    /// `price.noun`: nouns of the price of a thing (not 股价).
    pub const PRICE_NOUNS: usize = AT + 1;
    /// `price.cue`: words that make a sentence talk about prices.
    pub const PRICE_CUES: usize = AT + 2;
    /// `price.rent`: words of rent.
    pub const RENT: usize = AT + 3;
    /// `price.not_price`: words that make an amount something other than
    /// the price of a chip.
    pub const NOT_PRICE: usize = AT + 4;
    /// `price.unit`: words of one chip or card (每片, 单卡).
    pub const UNIT: usize = AT + 5;
    /// `price.system`: words of a whole machine, module or rack.
    pub const SYSTEM: usize = AT + 6;
    /// `price.comparison`: words that set what follows them against
    /// something else (比H20贵).
    pub const COMPARISON: usize = AT + 7;
    /// `price.move_without_from`: move verbs without a 从 before the old price.
    pub const MOVE_WITHOUT_FROM: usize = AT + 8;
    /// `price.back_reference`: words that send the reader back to chips
    /// named earlier.
    pub const BACK_REFERENCES: usize = AT + 9;
    /// `price.move`: words that say an earlier amount was the price before
    /// a move.
    pub const MOVE_VERBS: usize = AT + 10;
    /// `price.chip_noun`: nouns of a chip after a back-reference word (这类芯片).
    pub const CHIP_NOUNS: usize = AT + 11;
    /// `price.converted`: the same price in another currency (约合).
    pub const CONVERTED: usize = AT + 12;
    /// `price.priced_verbs`: selling words that make an amount a price (炒, 卖).
    pub const PRICED_VERBS: usize = AT + 13;
    /// `price.past`: words of an earlier time (此前, 原本).
    pub const PAST: usize = AT + 14;
    /// `price.multiple`: a multiple or a part (两倍, 一半).
    pub const MULTIPLE: usize = AT + 15;
    /// `price.trade_after`: the trade after a machine word (服务器代理商).
    pub const TRADE_AFTER: usize = AT + 16;
    /// `price.per_hour`: rent by the hour (每小时, 时租).
    pub const PER_HOUR: usize = AT + 17;
    /// `price.degree_adverbs`: adverbs that hold a comparison word (比较).
    pub const DEGREE_ADVERBS: usize = AT + 18;
    /// `price.report_verbs`: words that report a quote (透露, 表示).
    pub const REPORT_VERBS: usize = AT + 19;
    /// `price.difference_words`: an amount right after one is a difference
    /// (便宜三四千块), not a price.
    pub const DIFFERENCE: usize = AT + 20;
    /// `price.market_places`: where a card is sold (闲鱼, 二手市场, 京东): an
    /// amount told there is a price.
    pub const MARKET_PLACES: usize = AT + 21;
    /// `price.other_products`: products that are not chips (手机, 内存条).
    pub const OTHER_PRODUCTS: usize = AT + 22;
    /// `price.mainland_words`: words of the mainland's market (内地, 对岸, 淘宝).
    pub const MAINLAND: usize = AT + 23;
    /// `price.bought_after`: buying or selling after an amount (入的, 买的).
    pub const BOUGHT: usize = AT + 24;
    /// `price.similar`: a price like another's (和A100差不多, 与H100持平).
    pub const SIMILAR: usize = AT + 25;
}

/// Every list the reader asks about a sentence, in the order of [`list`]:
/// found in the one scan of the sentence for all readers
/// ([`Sentence::hits`]; it was scanned once per list, and parts of it once
/// more each). A part of the sentence (a clause, the words before an amount)
/// is asked from the sentence's hits inside it.
pub(super) fn lists() -> Vec<Vec<&'static str>> {
    vec![
        signs::CURRENCY_COVER.codes.to_vec(),
        words("price.noun"),
        words("price.cue"),
        words("price.rent"),
        words("price.not_price"),
        words("price.unit"),
        words("price.system"),
        words("price.comparison"),
        words("price.move_without_from"),
        words("price.back_reference"),
        words("price.move"),
        words("price.chip_noun"),
        words("price.converted"),
        words("price.priced_verbs"),
        words("price.past"),
        words("price.multiple"),
        words("price.trade_after"),
        words("price.per_hour"),
        words("price.degree_adverbs"),
        words("price.report_verbs"),
        words("price.difference_words"),
        words("price.market_places"),
        words("price.other_products"),
        words("price.mainland_words"),
        words("price.bought_after"),
        words("price.similar"),
    ]
}

/// How many lists [`lists`] gives.
pub(super) const LISTS: usize = 26;

/// `price.converted_gaps`: the whole of the words between a price and an
/// amount that is the same price converted, in brackets (9999元(约1430.7美元)).
static CONVERTED_GAPS: LazyLock<Vec<&'static str>> = LazyLock::new(|| words("price.converted_gaps"));
/// `price.range_joiners`: the whole of the words between two amounts of one
/// range (1.2万美元至1.5万美元).
static RANGE_JOINERS: LazyLock<Vec<&'static str>> = LazyLock::new(|| words("price.range_joiners"));
/// The currencies of `price.local_yuan`, moneys also called 元 (新台币 and
/// 港币: TWD, HKD), by the money table's reading of its words.
static LOCAL_YUAN: LazyLock<Vec<&'static str>> = LazyLock::new(|| {
    let mut codes: Vec<&'static str> = words("price.local_yuan")
        .into_iter()
        .filter_map(|w| crate::money::word_after(w).or_else(|| crate::money::word_before(w)).map(|(code, _)| code))
        .collect();
    codes.sort_unstable();
    codes.dedup();
    codes
});
/// `price.mainland_people`: people from the mainland (内地买家, 大陆客).
static MAINLAND_PEOPLE: LazyLock<Vec<&'static str>> = LazyLock::new(|| words("price.mainland_people"));

/// Whether a sentence is about the mainland's market (`price.mainland_words`:
/// 内地, 对岸, 淘宝), not only about people from there (内地买家来港扫货).
fn about_mainland(s: &Sentence) -> bool {
    names_mainland_market(s, 0..s.text.len())
}

/// Whether the part `r` of a sentence names the mainland's market, not only
/// people from there.
fn names_mainland_market(s: &Sentence, r: Range<usize>) -> bool {
    s.hits().find_iter_in(list::MAINLAND, r).any(|r| !MAINLAND_PEOPLE.iter().any(|w| s.text[r.end..].starts_with(w)))
}

/// Whether the clause of an amount at `at`, before it, names the mainland's
/// market (大陆5090D二手都要万六), not only people from there.
fn mainland_clause(s: &Sentence, at: usize) -> bool {
    names_mainland_market(s, s.clauses()[s.clause_of(at)].start..at)
}

/// `price.domestic`: words of a mainland report's own market (国内, 国产).
static DOMESTIC: LazyLock<Vec<&'static str>> = LazyLock::new(|| words("price.domestic"));

/// `price.rate_periods`: a period right after an amount (元/小时, 元/卡/月).
static RATE_PERIODS: LazyLock<Vec<&'static str>> = LazyLock::new(|| words("price.rate_periods"));

/// The period written right after an amount that ends at `end` (6.8元/小时,
/// 7000元/卡/月, spaces between), if any: whether it is by the hour (else by
/// the month), and where it ends.
fn rate_period(text: &str, end: usize) -> Option<(bool, usize)> {
    let rest = text[end..].trim_start_matches(' ');
    if !rest.starts_with(['/', '每', '一']) {
        return None;
    }
    let w = RATE_PERIODS.iter().filter(|w| rest.starts_with(*w)).max_by_key(|w| w.len())?;
    Some((w.contains('时'), text.len() - rest.len() + w.len()))
}

/// `price.bought_after`: buying or selling right after an amount (入的, 买的).
static BOUGHT_AFTER: LazyLock<Vec<&'static str>> = LazyLock::new(|| words("price.bought_after"));

/// Whether a word of buying or selling follows an amount that ends at `end`
/// (1.35w入的, 9k出头入手, 5k出头就能拿下): qualifiers after the amount and
/// 就, 能, 可以 may stand between.
fn bought_after(text: &str, end: usize) -> bool {
    let mut rest = text[end..].trim_start_matches(' ');
    for w in ["出头", "左右", "上下", "多一点", "多", "就可以", "就能", "可以", "就", "能"] {
        rest = rest.strip_prefix(w).unwrap_or(rest);
    }
    BOUGHT_AFTER.iter().any(|w| rest.starts_with(w))
}

/// `price.one_piece`: one piece after an amount (一片, 一张): still money.
static ONE_PIECE: LazyLock<Vec<&'static str>> = LazyLock::new(|| words("price.one_piece"));
/// `price.piece_counters`: measure words of pieces (颗, 片, 张).
static PIECE_COUNTERS: LazyLock<Vec<&'static str>> = LazyLock::new(|| words("price.piece_counters"));

/// The spoken currency words (块), with their currency.
static SPOKEN: LazyLock<Vec<(&'static str, &'static str)>> = LazyLock::new(|| crate::lexicon::get().currency_words("spoken"));

/// 多 or 余 after an amount (2万多元, 3000余美元), 几 after a round one
/// (一万四千几元, 九千几蚊: some hundreds more), or 来 (两千来块, 十来块: about
/// that): `rest` after it.
fn after_more(rest: &str) -> &str {
    rest.strip_prefix('多').or_else(|| rest.strip_prefix('余')).or_else(|| rest.strip_prefix('几')).or_else(|| rest.strip_prefix('来')).unwrap_or(rest)
}

fn currency_after(rest: &str) -> Option<(&'static str, usize)> {
    let t = rest.trim_start_matches(' ');
    // 2万多元, 3000余美元: the currency after 多 or 余.
    let t = after_more(t);
    let skipped = rest.len() - t.len();
    crate::money::word_after(t).map(|(c, len)| (c, skipped + len)).or_else(|| currency_aside(rest))
}

/// A currency word told after a comma as an aside of its own (报价大概在二十
/// 二三万,人民币啊; 两百万上下,美元): the money of the amount before it. The
/// word, two characters at least, ends its clause, a particle after it
/// allowed (人民币计价 is no aside).
fn currency_aside(rest: &str) -> Option<(&'static str, usize)> {
    let t = rest.trim_start_matches(' ');
    // (二十万出头,人民币: a qualifier after the amount first.)
    let t = FIGURE_TAILS.iter().find_map(|w| t.strip_prefix(w)).unwrap_or(t);
    let t = t.strip_prefix([',', '，'])?.trim_start_matches(' ');
    let (code, len) = crate::money::word_after(t).or_else(|| crate::money::word_at_start(t))?;
    if t[..len].chars().count() < 2 {
        return None;
    }
    let after = t[len..].trim_start_matches(['啊', '呀', '哦', '哈', '喔', '嘛', '呢', '的', ' ']);
    let ends = after.chars().next().is_none_or(|c| super::text::is_clause_end(c) || super::text::is_sentence_end(c));
    ends.then_some((code, rest.len() - t.len() + len))
}

fn currency_before(before: &str) -> Option<&'static str> {
    let t = before.trim_end_matches(' ');
    crate::money::word_before(t).map(|(c, _)| c)
}

/// Whether `before` ends with a bare dollar sign ($24,800; not US$, HK$).
fn bare_dollar_before(before: &str) -> bool {
    crate::money::word_before(before.trim_end_matches(' ')).is_some_and(|(_, len)| len == 1) && before.trim_end_matches(' ').ends_with('$')
}

/// Moneys called dollars: a bare $ in a report whose own money is one of
/// them is that money (香港腦場 $24,800, 台灣網拍 $68,000), not the US dollar.
const DOLLARS: [&str; 5] = ["HKD", "TWD", "SGD", "AUD", "MOP"];

/// A spoken currency word at the start of `rest` (块, from the lexicon), with
/// its currency and the offset after it. 块 is money only as 块钱 (a currency
/// word of its own), or at the end of a clause in a price sentence (卖4万块);
/// before a noun it counts cards (3万块GPU).
fn spoken_currency(rest: &str, amount: f64) -> Option<(&'static str, usize)> {
    let t = rest.trim_start_matches(' ');
    // 700多块: the spoken word after 多 or 余, as for a currency word.
    let t = after_more(t);
    let (code, w) = SPOKEN.iter().filter(|(_, w)| t.starts_with(*w)).max_by_key(|(_, w)| w.len())?;
    let r = &t[w.len()..];
    // (What may follow it as money is `price.after_spoken`: 13块多一点,
    // 5块到8块之间, 从七八万块被炒到, 七万块涨到; a currency word, 16,499蚊人民币;
    // a word of buying, 十万块就能拿到.)
    // (An adverb or a move after it counts only after a sum: 一块还在6万元上下
    // is one card.)
    (r.is_empty()
        || AFTER_SPOKEN.iter().any(|w| r.starts_with(w))
        || amount >= 100.0 && AFTER_SPOKEN_SUM.iter().any(|w| r.starts_with(w))
        || crate::money::word_after(r).is_some()
        || bought_after(r, 0))
        .then(|| (*code, rest.len() - t.len() + w.len()))
}

/// `price.after_spoken`: what may follow a spoken money word (块, 蚊) that
/// is money, not a count of things (3万块GPU).
static AFTER_SPOKEN: LazyLock<Vec<&'static str>> = LazyLock::new(|| words("price.after_spoken"));
/// `price.after_spoken_sum`: what may follow a spoken money word after a
/// sum of 100 or more (七八万块被炒到, 十万块都有人抢), not after one or
/// two pieces (一块还在6万元上下).
static AFTER_SPOKEN_SUM: LazyLock<Vec<&'static str>> = LazyLock::new(|| words("price.after_spoken_sum"));

/// An amount in US dollars, at the money table's rates.
fn usd(amount: f64, currency: &str) -> f64 {
    crate::money::to_usd(amount, currency, crate::money::DEFAULT_USD_CNY).unwrap_or(amount)
}

/// A money amount of a sentence, before linking.
#[derive(Clone, Debug)]
struct Amount {
    q: Quantity,
    currency: &'static str,
    /// End of the amount with its currency word.
    end: usize,
}

/// The money amounts of a sentence. `implied`: the currency of amounts in
/// 万 or 亿 that name none, in a sentence about prices that names no
/// currency at all (价格能从230万涨到330万).
/// `quantities` are those of the sentence ([`find_quantities`]). `yuan_money`:
/// the money a bare 元 is in where not the renminbi ([`yuan_money`]), unless
/// the sentence is about the mainland's market or named another money first.
fn amounts(s: &Sentence, hits: &Hits, implied: Option<&'static str>, state: &DocState, quantities: Vec<Quantity>) -> Vec<Amount> {
    let yuan_money = state.yuan_money;
    // The report's own money where a bare 元 or 块 is not the renminbi: the
    // money it names most, or its own market's in a sentence about that market.
    let own_yuan = || yuan_money.or_else(|| state.home_yuan.filter(|_| names_home_market(s)));
    let mut out: Vec<Amount> = Vec::new();
    let mut carried: Option<&'static str> = None;
    // The currency of the sentence that is also called 元 (新台币, 港币).
    let mut local: Option<&'static str> = None;
    // Amounts without a currency right after 从 or 由: the old side of a move
    // whose new side may name it.
    let mut opened: Vec<Quantity> = Vec::new();
    for q in quantities {
        // A chip name or a date is never money (思元370, 元,2019-2025).
        if s.chips.iter().any(|m| m.range.start < q.end && q.start < m.range.end)
            || s.dates.iter().any(|d| d.start < q.end && q.start < d.end)
        {
            continue;
        }
        // 约合人民币8.6万元: the same price in another currency, not another
        // price. (With no amount before it, the sum it converts is no money:
        // 定价可能是H20的两倍,约合2.5万美元 is the price.) Checked once the
        // currency is known: in the currency of the amount before, it is
        // that price broken down (折合每卡每月不到9000元), not converted.
        let before = chars_before(s.text, q.start, 8);
        // (折合每颗芯片约13700美元, after a server's price: one piece's share
        // of it, a price of its own, whatever its currency.)
        let converted = !out.is_empty()
            && hits.last_end_in(list::CONVERTED, range_of(s.text, before)).is_some_and(|end| !hits.any_in(list::UNIT, end..q.start));
        // 售价人民币9999元(约1430.7美元): the same price, converted, in brackets.
        if let Some(prev) = out.last() {
            let gap = s.text[prev.end..q.start].trim_matches(' ');
            let gap = crate::money::strip_word_before(gap);
            if CONVERTED_GAPS.contains(&gap) {
                continue;
            }
        }
        let rest = &s.text[q.end..];
        let after = currency_after(rest).map(|(c, len)| (c, q.end + len));
        // 3.5万美元一颗: the currency word ends the amount before; 一颗 counts.
        let adjacent = out.last().is_some_and(|p| p.end == q.start);
        if adjacent && counts_pieces(rest) {
            continue;
        }
        // 新台币约6万元, 台币超过120万元: a qualifier may stand between the
        // currency word and its amount.
        // (Asked only where the currency after is none or a bare 元, which
        // a word before may overrule.)
        let prefix = if adjacent {
            None
        } else if DOLLARS.contains(&state.home_currency) && bare_dollar_before(chars_before(s.text, q.start, 4)) {
            Some(state.home_currency)
        } else {
            currency_before(chars_before(s.text, q.start, 4)).or_else(|| {
                let head = chars_before(s.text, q.start, 7);
                (after.is_none_or(|_| plain_yuan(rest)) && crate::money::names_before(head))
                    .then(|| currency_before(super::qualify::strip_qualifier(head)))
                    .flatten()
            })
        };
        // 售价约新台币6万元……已从5万多元涨到7万元: after an amount in a currency
        // that is also called 元 (新台币, 港币), a bare 元 in the sentence is
        // that currency, not the renminbi.
        // In a Taiwan or Hong Kong report, a bare 元 is the money it names
        // most (深水埗……售价由上月约1.45万元急升至1.9万元), unless the
        // sentence is about the mainland's market (对岸卖到2万元).
        let after = match (after, local) {
            (Some(("CNY", end)), Some(code)) if prefix.is_none() && plain_yuan(rest) => Some((code, end)),
            // (After a money never called 元, a bare 元 is not it: 美国建议
            // 售价为1,999美元,……台湾官网公布的公版建议售价为66,900元.)
            (Some(("CNY", end)), None)
                if prefix.is_none()
                    && carried.is_none_or(|c| Some(c) == yuan_money || !called_yuan_anywhere(c))
                    && plain_yuan(rest)
                    && !about_mainland(s) =>
            {
                // (Else the report's own money in a sentence about its own
                // market: 台湾目前……公版建议售价为56,900元.)
                own_yuan().map(|code| (code, end)).or(after)
            }
            (a, _) => a,
        };
        // 新台币100万元: a currency named before the amount wins over a bare 元 after it.
        let stated = match (prefix, after) {
            (Some(p), Some((_, end))) => Some((p, end)),
            (Some(p), None) => Some((p, q.end)),
            (None, Some(a)) => Some(a),
            // (蚊 is the dollar of the place: the yuan in a mainland report.)
            // (16,499蚊人民币, 3000块港币: a currency named after the spoken
            // word is the amount's.)
            // (块 is the dollar of the place too: 一张价格从6万左右涨到7万多块
            // in a Taiwan report about Taiwan's shops is in New Taiwan dollars.)
            (None, None) => spoken_currency(rest, q.high).map(|(code, len)| match currency_after(&rest[len..]) {
                Some((named, more)) => (named, q.end + len + more),
                None if code == "CNY" && !about_mainland(s) => {
                    (own_yuan().unwrap_or(code), q.end + len)
                }
                // (香港呢边H20要十万蚊: a mainland report's 蚊 told of a place
                // of Hong Kong is Hong Kong's dollar.)
                None => (if code == "HKD" && state.cantonese_dollar == "CNY" && !names_hong_kong(s.text) { "CNY" } else { code }, q.end + len),
            }),
        };
        // (2.5万欧币, 0.3万比特币: money of a kind the lexicon does not know
        // is neither the money before it nor the report's own.)
        if stated.is_none() && unknown_money_after(rest) {
            continue;
        }
        let (currency, end) = match stated {
            Some(found) => {
                carried = Some(found.0);
                if LOCAL_YUAN.contains(&found.0) {
                    local = Some(found.0);
                }
                found
            }
            None => match carried {
                // (建议价749美元,台湾约2万7: an amount right after a place of
                // the report's own market is in its money, not the one before.)
                Some(c) if carries_to(s.text, &q) => match state.home_yuan {
                    Some(home) if home != c && home_place_before(s.text, q.start) => (home, q.end),
                    // (香港5090水货两万八蚊左右,大陆5090D二手都要万六: a
                    // Hong Kong or Taiwan dollar does not carry into a clause
                    // about the mainland's market, which is in yuan, nor
                    // into the clauses that go on from it (4090D二手万2).)
                    _ if LOCAL_YUAN.contains(&c) && mainland_clause(s, q.start) => {
                        carried = Some("CNY");
                        ("CNY", q.end)
                    }
                    _ => (c, q.end),
                },
                None if implied.is_some()
                    && carries_to(s.text, &q)
                    && (in_wan(s.text, &q)
                        && (state.list_money.in_it || state.list_price.in_it || priced_here(s, hits, &q) || goes_on_pricing(s, hits, &out, &q))
                        || rent_per_period(s, hits, &q)
                        || bare_figure(s, hits, &q)
                        || state.list_price.in_it && list_figure(s, &q)) =>
                {
                    (implied.unwrap(), q.end)
                }
                _ => {
                    // (被炒到两万出头,现在回落了一点,要一万七蚊左右: a
                    // price in 万 before the currency is named takes it from
                    // the move's other side.)
                    let priced = || in_wan(s.text, &q) && priced_here(s, hits, &q);
                    if carries_to(s.text, &q) && (opens_a_move(s, &q) || pair_joiner(&s.text[q.end..]).is_some() || priced()) {
                        opened.push(q);
                    }
                    continue;
                }
            },
        };
        if converted && (stated.is_none() || out.last().is_some_and(|p| p.currency != currency)) {
            continue;
        }
        out.push(Amount { q, currency, end });
    }
    // 月租大概从2.5万以上一路掉到了9000块上下, 从去年底的7万出头直接涨到9万5: the
    // old side of a move takes the currency of the new one, told right after
    // a move verb (nothing else counted between), when of a like size.
    for q in opened {
        let Some(k) = out.iter().position(|a| a.q.start >= q.end) else { continue };
        let a = &out[k];
        let gap = &s.text[q.end..a.q.start];
        // (分别为1万和2万美元, 1.2万、1.5万美元: the first of two amounts
        // joined by 和 or 、 takes the currency of the second.)
        let paired = pair_joiner(gap).is_some_and(|len| len == gap.len());
        // (……两万出头,现在回落了一点,要一万七蚊: a word of change without
        // a 到 tells the move too.)
        let moved = gap.chars().count() <= 14 && (hits.any_in(list::MOVE_VERBS, q.end..a.q.start) || contains_any(gap, &CHANGED_AFTER));
        if (moved || paired) && q.high <= a.q.low * 10.0 && a.q.high <= q.low * 10.0 {
            let currency = a.currency;
            out.insert(k, Amount { q, currency, end: q.end });
        }
    }
    out
}

/// The length of a word that joins two amounts of a pair or a list at the
/// start of `rest` (和, 与, 及, 、, 或), spaces around it counted.
fn pair_joiner(rest: &str) -> Option<usize> {
    let t = rest.trim_start_matches(' ');
    let c = t.chars().next().filter(|c| matches!(c, '和' | '与' | '及' | '、' | '或'))?;
    let after = &t[c.len_utf8()..];
    Some(rest.len() - after.trim_start_matches(' ').len())
}

/// Whether an amount opens a move: 从 or 由 before it, with no other figure
/// between but a date's (从去年底的7万出头, 从2024年的约5万).
fn opens_a_move(s: &Sentence, q: &Quantity) -> bool {
    move_start(&s.text[..q.start]).is_some_and(|from| {
        s.text[from..q.start]
            .char_indices()
            .all(|(i, c)| !c.is_ascii_digit() || s.dates.iter().any(|d| d.start <= from + i && from + i < d.end))
    })
}

/// Whether the currency word at the start of `rest` is a bare 元 (not
/// 元人民币): the word a local currency's amounts are written with.
fn plain_yuan(rest: &str) -> bool {
    let t = rest.trim_start_matches(['多', '余', ' ']);
    t.starts_with('元') && crate::money::word_after(t).is_some_and(|(_, len)| len == '元'.len_utf8())
}

/// A measure word of pieces after a number: 一颗, 一片, 每张.
fn counts_pieces(rest: &str) -> bool {
    let t = rest.trim_start_matches(' ');
    PIECE_COUNTERS.iter().any(|w| t.starts_with(w))
}

/// 1.2万美元至1.5万美元(不等, 之间): two amounts in one currency joined by 至,
/// 到, -, ~ are one range.
fn join_ranges(s: &Sentence, amounts: Vec<Amount>) -> Vec<Amount> {
    let mut out: Vec<Amount> = Vec::with_capacity(amounts.len());
    for a in amounts {
        if let Some(prev) = out.last_mut() {
            let gap = s.text[prev.end..a.q.start].trim_matches(' ');
            let gap = crate::money::strip_word_before(gap).trim_matches(' ');
            // (介于6万元和8万元之间: 和 joins the ends of a range told with
            // 之间.)
            let between = || {
                let mut c = gap.chars();
                c.next().is_some_and(|j| super::grammar::BETWEEN_JOINERS.contains(&j)) && c.next().is_none() && super::number::between_follows(s.text, a.end)
            };
            // (每个钟2蚊到3蚊人民币: the spoken word of both ends, the
            // currency named after the second only.)
            let spoken = s.text[prev.q.end..prev.end].trim_matches(' ');
            let named_after = !spoken.is_empty()
                && SPOKEN.iter().any(|(_, w)| *w == spoken)
                && s.text[a.q.end..a.end].trim_start_matches(' ').strip_prefix(spoken).is_some_and(|r| !r.is_empty());
            if (prev.currency == a.currency || named_after)
                && (RANGE_JOINERS.contains(&gap) || between())
                && prev.q.low <= a.q.low
                && !s.text[..prev.q.start].ends_with('从')
                && !after_difference_word(s.text, prev.q.start)
            {
                prev.q.high = a.q.high;
                prev.q.end = a.q.end;
                prev.end = a.end;
                prev.currency = a.currency;
                continue;
            }
        }
        out.push(a);
    }
    out
}

/// The words of a difference between two prices (`price.difference_words`).
static DIFFERENCE_WORDS: LazyLock<Vec<&'static str>> = LazyLock::new(|| words("price.difference_words"));

/// Whether a word of difference stands right before `at` (only adverbs, 了
/// and qualifiers between, not after 最): 涨200元至5999元, 降价1000元至12999元
/// tell a difference and then the new price, not a range from one to the
/// other.
fn after_difference_word(text: &str, at: usize) -> bool {
    let head = text[..at].trim_end_matches(|c: char| DIFFERENCE_GAP.contains(c));
    // (上涨至11万元到12万元: the new price is a range.)
    if text[head.len()..at].contains(['至', '到']) {
        return false;
    }
    DIFFERENCE_WORDS.iter().any(|w| head.strip_suffix(w).is_some_and(|h| !h.ends_with('最')))
}

/// Whether an amount is written in 万 or 亿 (230万, 35-40万, 1.2万), or in
/// 千 (三千出头, 五千五到六千): round sums that stand for money in a price
/// sentence even without a currency.
fn in_wan(text: &str, q: &Quantity) -> bool {
    let t = &text[q.start..q.end];
    (t.contains('万') || t.contains('千') || t.contains('亿') || t.contains('w') || in_slang_thousands(text, q)) && q.low >= 1000.0
}

/// An amount in the forums' thousands (9k, 1.5k, 3k出头): money like one in
/// 万, but for a lone digit before K with nothing of money after it (4K分辨率,
/// 8K屏幕 are sizes of a picture).
fn in_slang_thousands(text: &str, q: &Quantity) -> bool {
    let t = &text[q.start..q.end];
    // (2k5: a digit after the k, two places told.)
    let Some(k) = t.find(['k', 'K']) else { return false };
    let lone_digit = k == 1 && k + 1 == t.len();
    !lone_digit || ["出头", "左右", "上下", "多", "+", "一张", "一块", "块"].iter().any(|w| text[q.end..].starts_with(w)) || bought_after(text, q.end)
}

/// Whether an amount is a plain figure of four to six digits, written with
/// digits and commas only, or a range of two such (价格在15999到17999之间,
/// 8299-8999): the size of a card's or chip's price.
fn plain_figure(text: &str, q: &Quantity) -> bool {
    let t = &text[q.start..q.end];
    let plain = |x: &str| !x.is_empty() && x.bytes().all(|b| b.is_ascii_digit() || b == b',');
    let plain_range = || ["到", "至", "-", "~", "～", "—"].iter().any(|j| t.split_once(j).is_some_and(|(a, b)| plain(a.trim()) && plain(b.trim())));
    (1000.0..1_000_000.0).contains(&q.low) && q.high < 1_000_000.0 && (plain(t) || plain_range())
}

/// 首发价16499, 从年初的12999涨到了18000, 上个月花了15800: a plain figure of
/// four to six digits right after a word of price, of selling or of a move
/// (a qualifier or a copula between), standing alone (a mark, a qualifier
/// after it or the end): money, though no currency is named.
fn bare_figure(s: &Sentence, hits: &Hits, q: &Quantity) -> bool {
    if !plain_figure(s.text, q) {
        return false;
    }
    let rest = s.text[q.end..].trim_start_matches(' ');
    let alone = stands_alone(rest, false);
    let head = chars_before(s.text, q.start, 8);
    let bare = super::qualify::strip_qualifier(head);
    let bare = bare.trim_end_matches(['为', '是', '在', ' ']);
    // (After a move verb, only in a clause of price: 跑分涨到了18000 is none.)
    let clause = s.clauses()[s.clause_of(q.start)].clone();
    let of_price = hits.any_in(list::PRICE_NOUNS, clause.start..q.start);
    let ends_word = |h: &str| {
        let r = range_of(s.text, h);
        let ends = |l: usize| hits.last_end_in(l, r.clone()) == Some(r.end);
        ends(list::PRICE_NOUNS) || ends(list::PRICED_VERBS) || ends(list::MARKET_PLACES) || of_price && ends(list::MOVE_WITHOUT_FROM)
    };
    if alone && (ends_word(bare) || ends_word(bare.trim_end_matches('了'))) {
        return true;
    }
    // 价格从年初的12999涨到了18000: the old price of a move (a date of it
    // between) in a clause of price.
    let mut h = range_of(s.text, bare.trim_end_matches('的'));
    if let Some(d) = s.dates.iter().find(|d| d.end == h.end) {
        h.end = d.start;
    }
    let rest_at = s.text.len() - rest.len();
    let moves_on = [list::MOVE_VERBS, list::MOVE_WITHOUT_FROM].iter().any(|&l| hits.prefix_at(l, rest_at, clause.end).is_some());
    s.text[..h.end].ends_with(['从', '由']) && moves_on && of_price
}

/// What a sentence holds where a plain figure may be money ([`bare_figure`]):
/// the 价 of the price nouns and of 开价, 要价, and the other selling verbs,
/// 首发 among them (5080首发8299: what it first sold for; not 还要, 也要, 得要:
/// a figure after them needs 万 or a currency), and the editions and shops
/// a card is sold in (国行4599, 京东12999).
const PLAIN_FIGURE_CUES: [&str; 11] = ["价", "卖", "炒", "花了", "挂到", "喊到", "开到", "首发", "国行", "港行", "京东"];

/// First characters of the move verbs that may follow the old price of a
/// move (`price.move`, `price.move_without_from`: 涨到, 降至, 飙升至; not a
/// bare 到 or 至, which between two figures make a range).
static MOVE_STARTS: LazyLock<Vec<char>> = LazyLock::new(|| {
    super::words::char_set(
        words("price.move").into_iter().chain(words("price.move_without_from")).filter(|w| w.chars().count() >= 2).filter_map(|w| w.chars().next()),
    )
});

/// What may stand between two amounts of one list (749美元、549美元).
const LIST_GAPS: [&str; 9] = ["、", "和", "与", "及", "以及", ",", "/", "同", "同埋"];

/// What may follow a plain figure that stands for money (16499左右).
const FIGURE_TAILS: [&str; 6] = ["左右", "上下", "多", "出头", "以上", "之间"];

/// Whether what follows a plain figure (`rest`, spaces trimmed) lets it
/// stand alone: the end, a mark or a qualifier after it; with `or_move`, a
/// move verb too (12999涨到).
fn stands_alone(rest: &str, or_move: bool) -> bool {
    rest.chars().next().is_none_or(|c| {
        c.is_ascii_punctuation() || super::text::is_clause_end(c) || super::text::is_sentence_end(c) || or_move && MOVE_STARTS.contains(&c)
    }) || FIGURE_TAILS.iter().any(|w| rest.starts_with(w))
}

/// Whether the clause of an amount says, before it, that it is a price
/// (价格能从230万, 报价一度被炒到了8万, 单卡9万多, 回落到1.6万): what an amount
/// without a currency needs.
fn priced_here(s: &Sentence, hits: &Hits, q: &Quantity) -> bool {
    let clause = s.clauses()[s.clause_of(q.start)].clone();
    let head = clause.start..q.start;
    // 单卡从春节前的9万多涨到了11万左右, 二手4090已经回落到1.6万左右: one
    // piece, or a move of its price, tells it as well.
    // 8卡整机现在报100万上下: a whole machine too; 2.3w-2.5w一张: one piece
    // right after the amount.
    // 二手市场1.8w左右, 闲鱼上1.3w: where it is sold tells it too.
    // 一台8卡H800服务器,新规出来之前大概240万: one piece named as the topic
    // in the clause before, with no figure of its own, tells it too.
    // (每张A800,禁令公布以前差不多9万出头,如今已经要12万左右: or in an
    // earlier clause of the sentence.)
    // (二手RTX 4090也涨回来了,成色好的1.6w: a chip where it is sold, named
    // as the topic in a clause before with no figure, tells it too.)
    let topic = || {
        let k = s.clause_of(q.start);
        s.clauses()[..k].iter().any(|c| one_piece_topic(s, hits, c.clone()) || sold_topic(s, hits, c.clone()))
    };
    [list::PRICE_NOUNS, list::PRICED_VERBS, list::UNIT, list::SYSTEM, list::MOVE_WITHOUT_FROM, list::MARKET_PLACES]
        .iter()
        .any(|&l| hits.any_in(l, head.clone()))
        // (八万多一张, 9万出头一片: a qualifier between.)
        || ONE_PIECE.iter().any(|w| s.text[q.end..].trim_start_matches([' ', '左', '右', '上', '下', '多', '余', '来', '出', '头']).starts_with(w))
        // 1.35w入的, 9k出头入手: what it was bought or sold for.
        || bought_after(s.text, q.end)
        || topic()
        || asked_quoted(s, q)
        || chip_then_sum(s, q, false)
        || item_sum(s, q)
}

/// H200有人报十八九万, H20整机现在要一百二十万, 4090而家都要两万: a round sum
/// right after 要 (what is asked) or 报 (what is quoted), qualifiers and 都,
/// 就, 也 between, a chip named before it in its clause: the chip's price.
/// (Not the 要 of 需要, 主要, 只要, nor the 报 of 财报, 汇报, 预报.)
fn asked_quoted(s: &Sentence, q: &Quantity) -> bool {
    let clause = s.clauses()[s.clause_of(q.start)].start;
    let head = super::qualify::strip_qualifier(s.text[clause..q.start].trim_end_matches(' ')).trim_end_matches(' ');
    let head = head.trim_end_matches(['都', '就', '也', '还']);
    let asked = head.ends_with('要') && !NOT_ASKED.iter().any(|w| head.ends_with(w));
    let quoted = head.ends_with('报') && !NOT_QUOTED.iter().any(|w| head.ends_with(w));
    (asked || quoted) && s.chips.iter().any(|m| m.range.start >= clause && m.range.end <= q.start)
}

/// `price.not_asked` and `price.not_quoted`: words that end in 要 or 报 and
/// ask or quote nothing (需要, 主要; 财报, 预报).
static NOT_ASKED: LazyLock<Vec<&'static str>> = LazyLock::new(|| words("price.not_asked"));
static NOT_QUOTED: LazyLock<Vec<&'static str>> = LazyLock::new(|| words("price.not_quoted"));

/// The start of the clause of an amount and the words of that clause before
/// it, without the qualifiers and spaces right before it (……每小时大约 → ……每小时).
fn head_of<'t>(s: &Sentence<'t>, a: &Amount) -> (usize, &'t str) {
    let clause = s.clauses()[s.clause_of(a.q.start)].start;
    (clause, super::qualify::strip_qualifier(s.text[clause..a.q.start].trim_end_matches(' ')).trim_end_matches(' '))
}

/// 香港呢边H20要十万蚊, 现在一张A100都要15万元: an amount with its money
/// named right after 要 (qualifiers and 都, 就, 也 between), a chip named
/// before it in its clause: what the chip asks, a price.
fn asked_for(s: &Sentence, a: &Amount) -> bool {
    let clause = s.clauses()[s.clause_of(a.q.start)].start;
    let head = &s.text[clause..a.q.start];
    let named_before = crate::money::word_before(head).is_some();
    if a.end == a.q.end && !named_before {
        return false;
    }
    let head = super::qualify::strip_qualifier(crate::money::strip_word_before(head).trim_end_matches(' ')).trim_end_matches(' ');
    let head = head.trim_end_matches(['都', '就', '也']);
    head.strip_suffix('要').is_some_and(|h| !h.ends_with(['需', '想', '只', '主', '重']))
        && s.chips.iter().any(|m| m.range.start >= clause && m.range.end <= a.q.start)
}

/// RTX 4090大概14000元, 4090D非公卡大概一万三到一万四五, 1080Ti二手现在3500块:
/// a chip and right after it, with only words of the piece (非公卡, 二手),
/// of now (现在) and qualifiers between (`price.chip_sum_gap`), a sum with
/// its money named or in 万: what the chip sells for, though no word of price
/// is said.
fn chip_then_sum(s: &Sentence, q: &Quantity, money_named: bool) -> bool {
    if !money_named && !in_wan(s.text, q) {
        return false;
    }
    let k = s.clause_of(q.start);
    let (clause, clause_end) = (s.clauses()[k].start, s.clauses()[k].end);
    // (H200 20万?, 5090D现在2万8能收到吗: a sum asked about is no price.)
    let rest = s.text[q.end..clause_end.min(s.text.len())].trim_end_matches([' ', '，', ',', '。', '；', ';']);
    if rest.contains(['?', '？']) || rest.ends_with(['吗', '嗎']) || s.text[clause_end.min(s.text.len())..].starts_with(['?', '？']) {
        return false;
    }
    let mut head = s.text[clause..q.start].trim_end_matches(' ');
    loop {
        let next = super::qualify::strip_qualifier(crate::money::strip_word_before(head).trim_end_matches(' ')).trim_end_matches(' ');
        let next = CHIP_SUM_GAP.iter().filter(|w| next.ends_with(*w)).max_by_key(|w| w.len()).map_or(next, |w| &next[..next.len() - w.len()]).trim_end_matches(' ');
        // (Titan RTX 24G一万八: the card's memory between.)
        let next = strip_memory_size(next);
        if next == head {
            break;
        }
        head = next;
    }
    let end = clause + head.len();
    s.chips.iter().any(|m| m.range.start >= clause && m.range.end == end)
}

/// Whether a word of a machine (整机, 8卡服务器) is told in the clause of a
/// chip the sentence names or the one after it (H20八卡整机, 8卡的整机(HGX
/// A100 80G), H20其实已经涨过一轮了,年前一台整机还不到100万).
fn machine_of_chip(s: &Sentence) -> bool {
    s.hits().find_iter_in(list::SYSTEM, 0..s.text.len()).any(|r| {
        let k = s.clause_of(r.start);
        let c = s.clauses()[k.saturating_sub(1)].start..s.clauses()[k].end;
        s.groups.iter().any(|g| g.range.start >= c.start && g.range.end <= c.end)
    })
}

/// `t` without the memory size it ends with (24G, 16GB, 80 GB), if any.
fn strip_memory_size(t: &str) -> &str {
    let unit = ["GB", "G", "gb", "g"].iter().find(|u| t.ends_with(*u));
    let Some(u) = unit else { return t };
    let num = t[..t.len() - u.len()].trim_end_matches(' ');
    let digits = num.bytes().rev().take_while(u8::is_ascii_digit).count();
    // (Digits only, not glued to a model's letters: RTX 4090 24G, not L40G.)
    if digits == 0 || num[..num.len() - digits].ends_with(|c: char| c.is_ascii_alphabetic()) {
        return t;
    }
    num[..num.len() - digits].trim_end_matches(' ')
}

/// `price.chip_sum_gap`: what may stand between a chip and its sum when no
/// word of price is said (二手, 非公卡, 现在).
static CHIP_SUM_GAP: LazyLock<Vec<&'static str>> = LazyLock::new(|| words("price.chip_sum_gap"));

/// RTX 4090在Vast.ai上每小时大约0.35美元: an amount with its money named
/// right after a word of rent by the hour (qualifiers between) is a rate.
fn per_hour_before(s: &Sentence, hits: &Hits, a: &Amount) -> bool {
    if a.end == a.q.end {
        return false;
    }
    let (clause, head) = head_of(s, a);
    hits.find_iter_in(list::PER_HOUR, clause..a.q.start).any(|r| r.end == clause + head.len())
}

/// 此前H20的八卡伺服器約為110萬元人民幣: an amount with its money named, a
/// machine of a chip the sentence names before it in its clause, linked by
/// 为, 约为, 要: what the machine costs.
/// (H20八卡整机过年前110万左右, - H20：……八卡整机现在120万起: a sum in 万
/// with no money named, a time between, the chip named before in its clause
/// or heading the list's item, tells it too.)
fn machine_costs(s: &Sentence, hits: &Hits, a: &Amount) -> bool {
    let named = a.end != a.q.end;
    if s.groups.is_empty() || !named && !in_wan(s.text, &a.q) {
        return false;
    }
    let (clause, mut head) = head_of(s, a);
    // (约为: a link and a qualifier, in either order; 过年前, 现在: a time.)
    loop {
        let h = ["为", "要", "达"].iter().find_map(|w| head.strip_suffix(w)).unwrap_or(head).trim_end_matches(' ');
        let h = super::qualify::strip_qualifier(h).trim_end_matches(' ');
        let h = if named { h } else { strip_time(s, clause, h) };
        // (8卡的整机(HGX A100 80G)原来……: the machine's chip in brackets.)
        let h = match h.strip_suffix([')', '）']).and_then(|b| b.rfind(['(', '（'])) {
            Some(open) if s.chips.iter().any(|m| m.range.start >= clause + open && m.range.end <= clause + h.len()) => h[..open].trim_end_matches(' '),
            _ => h,
        };
        if h.len() == head.len() {
            break;
        }
        head = h;
    }
    let before = head.len();
    hits.find_iter_in(list::SYSTEM, clause..clause + before).any(|r| r.end == clause + before && hits.prefix_at(list::TRADE_AFTER, r.end, a.q.start).is_none())
        && (s.chips.iter().any(|m| m.range.start >= clause && m.range.end <= a.q.start) || !named && chip_item(s))
}

/// `head` (the text of a clause from `clause`) without the time it ends
/// with: a date the sentence holds (去年底), a word of an earlier time
/// (`price.past`: 过年前, 之前) or a word of now (`price.chip_sum_gap`: 现在,
/// 目前), 都 or 也 after it.
fn strip_time<'t>(s: &Sentence, clause: usize, head: &'t str) -> &'t str {
    let h = head.trim_end_matches(['都', '也', '就', ' ']);
    let end = clause + h.len();
    if let Some(d) = s.dates.iter().find(|d| d.end == end && d.start >= clause) {
        return head[..d.start - clause].trim_end_matches(' ');
    }
    // (过年前, 之前: a word of an earlier time, `price.past`.)
    if let Some(r) = s.hits().find_iter_in(list::PAST, clause..end).find(|r| r.end == end) {
        return head[..r.start - clause].trim_end_matches(' ');
    }
    match CHIP_SUM_GAP.iter().filter(|w| h.ends_with(*w)).max_by_key(|w| w.len()) {
        Some(w) => h[..h.len() - w.len()].trim_end_matches(' '),
        None => head,
    }
}

/// Whether the word right after an amount (its first four Han characters)
/// holds a sign of money that no currency word of the lexicon begins there
/// (2.5万欧币, 3万比特币): money of some other kind, never the report's own.
fn unknown_money_after(rest: &str) -> bool {
    rest.chars().take_while(|c| !c.is_ascii() && !super::text::is_clause_end(*c) && !super::text::is_sentence_end(*c)).take(4).any(|c| signs::CURRENCY_COVER.chars.contains(&c))
}

/// 公版4090报价万九到两万一,ROG嗰啲就两万五以上: an amount in 万 that a
/// clause of its own tells after a price of the sentence in 万 with no
/// currency named, of a like size, a short subject (a make, a version)
/// before it and no figure of anything else, no quantity (销量, 出货量) and
/// no word of other money: the next item of the list, a price too.
fn goes_on_pricing(s: &Sentence, hits: &Hits, out: &[Amount], q: &Quantity) -> bool {
    let Some(prev) = out.last() else { return false };
    let k = s.clause_of(q.start);
    let head = &s.text[s.clauses()[k].start..q.start];
    k > s.clause_of(prev.q.start)
        && in_wan(s.text, &prev.q)
        && prev.end == prev.q.end
        && q.low <= prev.q.high * 3.0
        && prev.q.low <= q.high * 3.0
        && head.chars().count() <= 10
        && !head.contains(|c: char| c.is_ascii_digit() || c == '量')
        && !hits.any_in(list::NOT_PRICE, s.clauses()[k].start..q.start)
}

/// Whether the clause `c` names one piece (一台8卡H800服务器, 每张A800) as
/// its topic: a unit or system word marked as one piece, and no amount.
fn one_piece_topic(s: &Sentence, hits: &Hits, c: Range<usize>) -> bool {
    names_one_piece(s, hits, c.clone()) && !find_quantities(&s.text[c]).iter().any(|q| q.high >= 100.0)
}

/// Whether the clause `c` names a chip and where it is sold (二手RTX 4090,
/// 闲鱼上的H20) as its topic, and no amount.
fn sold_topic(s: &Sentence, hits: &Hits, c: Range<usize>) -> bool {
    hits.any_in(list::MARKET_PLACES, c.clone())
        && s.groups.iter().any(|g| g.range.start >= c.start && g.range.end <= c.end)
        // (The digits of a chip's name are no amount.)
        && !find_quantities(&s.text[c.clone()])
            .iter()
            .any(|q| q.high >= 100.0 && !s.chips.iter().any(|m| m.range.start < c.start + q.end && c.start + q.start < m.range.end))
}

/// Whether the part `r` of the sentence names one piece: a unit or system
/// word marked as one (一台, 每片, 单卡, 整机).
fn names_one_piece(s: &Sentence, hits: &Hits, r: Range<usize>) -> bool {
    [list::UNIT, list::SYSTEM].iter().any(|&l| hits.find_iter_in(l, r.clone()).any(|u| PER_PIECE.iter().any(|p| s.text[u.clone()].starts_with(p))))
}

/// 算力租赁这块,A800现在每卡每月大概7000到8000: in a sentence of rent, an
/// amount right after the period it is paid for (每月, 每小时; qualifiers
/// between) is rent, money though no currency is named.
fn rent_per_period(s: &Sentence, hits: &Hits, q: &Quantity) -> bool {
    if !hits.any(list::RENT) {
        return false;
    }
    let head = chars_before(s.text, q.start, 6);
    // (包月也就一千五: an adverb of only between the period and the amount.)
    let head = super::qualify::strip_qualifier(head).trim_end_matches(['在', '为', '是', '要', '就', '才', '也', '只']);
    RENT_PERIODS.iter().any(|p| head.ends_with(p))
}

/// `price.changed_after`: a change told after the level a price is compared
/// with (较今年稍早的140万元明显下滑).
static CHANGED_AFTER: LazyLock<Vec<&'static str>> = LazyLock::new(|| words("price.changed_after"));

/// `price.other_market`: a turn to another market between two amounts (但在).
static OTHER_MARKET: LazyLock<Vec<&'static str>> = LazyLock::new(|| words("price.other_market"));

/// `price.now_words` and `price.earlier_words`: a price told now, and one
/// told of an earlier time (目前, 现在; 一度, 上个月, 年初).
static NOW_WORDS: LazyLock<Vec<&'static str>> = LazyLock::new(|| words("price.now_words"));
static EARLIER_WORDS: LazyLock<Vec<&'static str>> = LazyLock::new(|| words("price.earlier_words"));

/// The month of the measure the document told last, when `head` (the
/// clause of a price before it) says the price held until that measure
/// (禁令前, 新规出来之前).
fn before_measure_date(head: &str, state: &DocState) -> Option<PartialDate> {
    let before = MEASURE_NAMES.iter().any(|m| {
        head.match_indices(m).any(|(i, _)| {
            let rest = super::export::after_rule_comes(&head[i + m.len()..]);
            ["前", "之前", "以前"].iter().any(|t| rest.starts_with(t))
        })
    });
    before.then(|| state.last_rule_date.or(state.last_event_date)).flatten().map(|d| PartialDate { day: None, ..d })
}

/// `price.measure_names`: names of a measure a price may be told as held
/// until (禁令前, 新规生效前, 新规出来之前).
static MEASURE_NAMES: LazyLock<Vec<&'static str>> = LazyLock::new(|| words("price.measure_names"));

/// `price.rent_month_words`: words of a rent by the month (月租, 包月, 每月).
static MONTH_WORDS: LazyLock<Vec<&'static str>> = LazyLock::new(|| words("price.rent_month_words"));

/// What every word of rent holds: 租, or the word itself where it has no
/// 租 (包月, 卡时): a sentence without any holds none.
static RENT_NEEDLES: LazyLock<Vec<&'static str>> = LazyLock::new(|| {
    let mut needles = vec!["租"];
    needles.extend(words("price.rent").into_iter().filter(|w| !w.contains('租')));
    needles
});

/// `price.rent_periods`: the period a rent is paid for, right before its
/// amount (每卡每月, 每小时).
static RENT_PERIODS: LazyLock<Vec<&'static str>> = LazyLock::new(|| words("price.rent_periods"));

/// A currency stated once carries to later amounts of the sentence that look
/// like money: no unit after them, and large enough not to be a count.
fn carries_to(text: &str, q: &Quantity) -> bool {
    // CloudMatrix 384, NVL72: a number after a Latin word is part of a name
    // (not one in Chinese numerals: RTX 4090D一万三).
    if text[q.start..].starts_with(|c: char| c.is_ascii_digit()) && text[..q.start].trim_end_matches(' ').ends_with(|c: char| c.is_ascii_alphabetic()) {
        return false;
    }
    let after = text[q.end..].trim_start_matches(' ');
    let unit = after.chars().next().is_some_and(|c| {
        matches!(c, '%' | '个' | '枚' | '片' | '张' | '块' | '台' | '柜' | '颗' | '家' | '人' | '次' | '年' | '月' | '日' | '天' | '倍' | '度' | '亿' | '元' | '号' | '代' | '名' | '款' | '卡' | '小' | '分' | '秒' | 'P' | 'W' | 'G' | 'T' | 'n')
    });
    let one_piece = ONE_PIECE.iter().any(|w| after.starts_with(w));
    (!unit || one_piece) && q.high >= 100.0
}

fn qualifier(s: &Sentence, a: &Amount) -> Option<Qualifier> {
    // (Room for a rent's period between: 跌破每卡每小时2美元.)
    let before = chars_before(s.text, a.q.start, 9).trim_end_matches(' ');
    let before = crate::money::strip_word_before(before);
    let more = s.text[a.q.end..].trim_start_matches(' ');
    // 2万多元 (多 before the currency word), 100多万元 (inside the amount),
    // 13块多一点 (after the word).
    let has_word = a.end > a.q.end;
    if has_word && (more.starts_with('多') || more.starts_with('余') || s.text[a.end..].starts_with('多')) || s.text[a.q.start..a.q.end].contains(['多', '余']) {
        return Some(Qualifier::Over);
    }
    // (6.8元/小时左右, 2美元/小时出头: after a rate's period.)
    let after = &s.text[rate_period(s.text, a.end).map_or(a.end, |(_, end)| end)..];
    // (二十万出头,人民币: a qualifier before a currency told as an aside.)
    let told = super::qualify::qualifier(before, after).or_else(|| (has_word && FIGURE_TAILS.iter().any(|w| more.starts_with(w))).then(|| super::qualify::qualifier(before, more)).flatten());
    // (100来万, 十来万: about.)
    if s.text[a.q.start..a.q.end].contains('来') || s.text[a.q.end..].starts_with('来') {
        return Some(Qualifier::About);
    }
    // 大约一万四千几元 is about; 九千几蚊 alone is some hundreds over, and so
    // is 3万几 with no currency word.
    if (has_word || s.text[..a.q.end].ends_with(['万', '千', '百', '萬'])) && more.starts_with('几') && told.is_none() {
        return Some(Qualifier::Over);
    }
    told
}

/// Whether the amount is about something other than a unit or system price.
fn not_a_price(s: &Sentence, hits: &Hits, a: &Amount) -> bool {
    let clause = s.clause_of(a.q.start);
    // 大客户采购MI300X的单价约为1万至1.5万美元: a price noun between the
    // word and the amount takes over from it.
    // (采购的一台8卡A100服务器花了约120万元: a verb of paying for one piece
    // named between them does too.)
    let unit_after = |r: &Range<usize>| {
        r.end <= a.q.start
            && (hits.any_in(list::PRICE_NOUNS, r.end..a.q.start) || hits.any_in(list::PRICED_VERBS, r.end..a.q.start) && names_one_piece(s, hits, r.end..a.q.start))
    };
    // 在新加坡租用一张H100,每小时费用约在2到3美元之间: the cost of a rent by
    // its period is the rent.
    let rent_cost = |r: &Range<usize>| {
        // (Of one card: a rent has no basis for a machine's, 租用8卡H100服务器每月费用.)
        RENT_COSTS.contains(&&s.text[r.clone()])
            && hits.any(list::RENT)
            && (hits.any(list::PER_HOUR) || contains_any(s.text, &MONTH_WORDS))
            && !names_system(hits, 0..s.text.len())
    };
    // 一台8卡H100伺服器的采购成本约25万美元, 每片成本约3000美元: what one piece
    // costs to buy is its price (not 采购了1万片, a purchase total).
    let one_piece = |r: &Range<usize>| {
        r.end <= a.q.start
            && ONE_PIECE_COSTS.iter().any(|w| {
                let c = s.clauses()[clause].clone();
                s.text[c.clone()].match_indices(w).any(|(i, _)| c.start + i <= r.start && r.end <= c.start + i + w.len())
            })
            && [list::UNIT, list::SYSTEM].iter().any(|&l| hits.find_in(l, s.clauses()[clause].start..r.start).is_some_and(|u| PER_PIECE.iter().any(|p| s.text[u.clone()].starts_with(p))))
    };
    // (采购价, 收购价: a price noun that holds the word is the price noun.)
    let in_noun = |r: &Range<usize>| hits.inside_longer(list::PRICE_NOUNS, r);
    // ($24,800（要畀 $1,000 订金排单）: a word in brackets the amount is not
    // in is of the aside.)
    let aside = |r: &Range<usize>| bracket_around(s.text, r.clone()).is_some_and(|b| !b.contains(&a.q.start));
    if hits
        .find_iter_in(list::NOT_PRICE, s.clauses()[clause].clone())
        .any(|r| !in_noun(&r) && !aside(&r) && !unit_after(&r) && !one_piece(&r) && !rent_cost(&r))
    {
        return true;
    }
    // 同期华为还推出了新款手机Pura 70系列,起售价5499元: a product that is no
    // chip named before the amount in its clause, and no chip there, owns it.
    // (Or in the clause before, when the amount's own names none: ……新款手机
    // Pura 70系列,起售价5499元.)
    let chip_in = |from: usize| s.chips.iter().any(|m| m.range.start >= from && m.range.end <= a.q.start);
    let product_in = |r: Range<usize>| hits.any_in(list::OTHER_PRODUCTS, r);
    let own = s.clauses()[clause].start;
    let before = s.clauses()[clause.saturating_sub(1)].start;
    if product_in(own..a.q.start) && !chip_in(own) || clause > 0 && product_in(before..own) && !chip_in(before) {
        return true;
    }
    // 比iPhone 12的5499元贵了快三倍: an amount owned (的) by what a
    // comparison sets the chip against, a product by its brand or kind and no
    // chip, time or shop between, is that product's price.
    if let Some(r) = hits.find_iter_in(list::COMPARISON, own..a.q.start).last() {
        let between = &s.text[r.end..a.q.start];
        let named = between.trim_end_matches(' ').strip_suffix('的').unwrap_or("");
        let product = named.contains(|c: char| c.is_ascii_alphabetic()) || product_in(r.end..a.q.start);
        let dated = s.dates.iter().any(|d| d.start >= r.end && d.end <= a.q.start);
        if product && !chip_in(r.end) && !dated && ![list::MARKET_PLACES, list::PAST].iter().any(|&l| hits.any_in(l, r.end..a.q.start)) {
            return true;
        }
    }
    // 比4090便宜三四千块, 贵了近1万元: a difference between two prices,
    // told right after its word (adverbs and 了 between), is no price.
    let head = &s.text[s.clauses()[clause].start..a.q.start];
    let head = head.trim_end_matches(|c: char| DIFFERENCE_GAP.contains(c));
    // (最贵约3万美元, 最便宜的: the dearest or cheapest price itself.)
    let at = s.clauses()[clause].start + head.len();
    if hits
        .find_iter_in(list::DIFFERENCE, s.clauses()[clause].start..a.q.start)
        .any(|r| r.end >= at && !s.text[..r.start].ends_with('最') && !s.text[r.end..a.q.start].contains(['至', '到']))
    {
        return true;
    }
    // A topic set earlier in the sentence (英伟达股价……下跌至414美元) holds
    // until a price noun takes over (……,其单价为).
    // (公司采购那边说,八卡整机……: a word of the speaker, a word of saying
    // right after it (four characters or fewer between), sets no topic.)
    // (公司从8月份起就开始加紧采购,“A100我们年初拿货是6万多一张: nor past
    // the opening of a quote, a new speaker's words.)
    let last_not = hits.find_iter_in(list::NOT_PRICE, 0..s.clauses()[clause].start).filter(|r| !in_noun(r)).last().map(|r| r.end);
    match last_not {
        Some(at) if s.text[at..a.q.start].contains(['“', '「', '『']) => false,
        Some(at) => !hits.any_in(list::PRICE_NOUNS, at..a.q.start) && !hits.find_iter_in(list::REPORT_VERBS, at..own).any(|r| s.text[at..r.start].chars().count() <= 4),
        None => false,
    }
}

/// The span of the brackets that hold `r` in `text` (from the opening
/// bracket to the closing one), if any.
fn bracket_around(text: &str, r: Range<usize>) -> Option<Range<usize>> {
    let open = text[..r.start].rfind(['(', '（'])?;
    if text[open..r.start].contains([')', '）']) {
        return None;
    }
    let close = text[r.end..].find([')', '）'])? + r.end;
    Some(open..close)
}

/// Words of a cost that, in a sentence of rent told by its period (每小时费用),
/// are the rent.
const RENT_COSTS: [&str; 3] = ["费用", "花费", "成本"];

/// Words of the cost of buying that, told of one piece (一台, 每片, 单卡),
/// name its price: `price.one_piece_costs`.
static ONE_PIECE_COSTS: LazyLock<Vec<&'static str>> = LazyLock::new(|| words("price.one_piece_costs"));
/// The marks of one piece at the start of a unit or system word (一台, 每片, 单卡).
const PER_PIECE: [&str; 4] = ["一", "每", "单", "整"];

/// Characters that may stand between a word of difference and its amount
/// (便宜了近, 至少能便宜, 贵出约): adverbs, 了 (and the Cantonese 咗) and
/// qualifiers, and 成 of a whole amount (贵咗成八千蚊).
const DIFFERENCE_GAP: &str = "了咗出约近快足整将大概至少能达足有成";

/// Byte ranges of the sentence that compare with something (from 比, 较,
/// 相比... to the end of their clause).
fn comparisons(s: &Sentence, hits: &Hits) -> Vec<Range<usize>> {
    // 比较熟的RTX 4090: an adverb of degree compares with nothing.
    let adverbs: Vec<Range<usize>> = hits.find_iter_in(list::DEGREE_ADVERBS, 0..s.text.len()).collect();
    let mut out: Vec<Range<usize>> = hits
        .find_iter_in(list::COMPARISON, 0..s.text.len())
        .filter(|r| !adverbs.iter().any(|a| a.start <= r.start && r.end <= a.end))
        // 较平价的RTX 5080, 較新嘅H20: a degree of what the chip itself is,
        // compared with nothing named.
        .filter(|r| !describes_the_chip(s, r.end))
        .map(|r| r.start..s.clauses()[s.clause_of(r.start)].end)
        .collect();
    // A800的预售价和A100差不多, 价格会与A100相差不大: after a price word, the
    // stretch from 和, 与, 跟 or 同 to a word of likeness in the same clause.
    for r in hits.find_iter_in(list::SIMILAR, 0..s.text.len()) {
        let clause = s.clauses()[s.clause_of(r.start)].clone();
        let Some(priced) = hits.first_end_in(list::PRICE_NOUNS, clause.start..r.start) else { continue };
        let joiner = s.text[priced..r.start].rfind(super::grammar::BETWEEN_JOINERS).map(|j| priced + j);
        if let Some(j) = joiner {
            out.push(j..r.end);
        }
    }
    // 单卡价格在12万元左右,性能接近A100: a chip that what the priced chip can
    // do is likened to (性能接近, 算力对标; adverbs between) is only compared with.
    for w in LIKENESS.iter() {
        for (i, _) in s.text.match_indices(w) {
            let head = s.text[..i].trim_end_matches(|c: char| "已经也都则更还可基本上".contains(c));
            if MEASURES.iter().any(|m| head.ends_with(m)) {
                out.push(i..s.clauses()[s.clause_of(i)].end);
            }
        }
    }
    // 售价预计为H20的两倍, 价格只有A100的一半: a chip named as the measure of a
    // multiple or a part.
    for g in &s.groups {
        let Some(rest) = s.text[g.range.end..].strip_prefix('的') else { continue };
        let window = super::text::chars_after(rest, 0, 5);
        if let Some(end) = hits.first_end_in(list::MULTIPLE, range_of(s.text, window)) {
            out.push(g.range.start..end);
        }
    }
    out
}

/// `price.likeness`, `price.measures`: see [`comparisons`].
static LIKENESS: LazyLock<Vec<&'static str>> = LazyLock::new(|| words("price.likeness"));
static MEASURES: LazyLock<Vec<&'static str>> = LazyLock::new(|| words("price.measures"));

/// Whether the words after a comparison word that ends at `at` are a short
/// adjective and 的 (or 嘅) right before a chip's name (较平价的RTX 5080):
/// the chip described, not a thing it is set against.
fn describes_the_chip(s: &Sentence, at: usize) -> bool {
    let rest = &s.text[at..];
    let Some(i) = rest.find(['的', '嘅']) else { return false };
    let adjective = &rest[..i];
    let after = at + i + '的'.len_utf8();
    (1..=3).contains(&adjective.chars().count())
        && !adjective.contains(|c: char| c.is_ascii_alphanumeric() || super::text::is_clause_end(c))
        && s.groups.iter().any(|g| g.range.start >= after && s.text[after..g.range.start].trim_start_matches(' ').is_empty())
}

/// The unknown chip (a model token the text calls a chip, reported with
/// `known: false`) named last before byte `at` in its clause.
fn unknown_before(s: &Sentence, at: usize) -> Option<String> {
    let clause = s.clauses()[s.clause_of(at)].clone();
    s.chips.iter().rev().find_map(|m| match &m.chip {
        super::chips::ChipRef::Unknown(token) if m.range.start >= clause.start && m.range.end <= at => Some(token.clone()),
        _ => None,
    })
}

/// Chips a price at byte `at` belongs to: never one named only in a
/// comparison the price is not inside (售价约3万美元,较A800更贵).
fn link(s: &Sentence, hits: &Hits, state: &DocState, at: usize) -> Vec<usize> {
    let clause = s.clauses()[s.clause_of(at)].clone();
    // ……定价或与V100相若,后者在内地的零售价约6万元: the latter (or the
    // former) of the two chips named last before it, compared or not.
    if let Some(w) = super::share::FORMER_LATTER.iter().find_map(|w| s.text[clause.start..at].find(w).map(|i| (*w, clause.start + i))) {
        let named: Vec<usize> = s.groups.iter().filter(|g| g.range.end <= w.1).flat_map(|g| g.chips.iter().copied()).collect();
        let pick = if w.0 == "后者" { named.last() } else { named.len().checked_sub(2).and_then(|i| named.get(i)) };
        if let Some(&c) = pick {
            return vec![c];
        }
    }
    let mut compared = comparisons(s, hits);
    // 随着H200和B200陆续到货, 在H20一度被美国禁售后: a chip in a clause of
    // time or circumstance is the background of the price, not what it prices.
    compared.extend(backgrounds(s));
    let usable = |g: &&super::Group| {
        !compared.iter().any(|c| c.start <= g.range.start && g.range.end <= c.end && !(c.start <= at && at < c.end))
    };
    let groups: Vec<&super::Group> = s.groups.iter().filter(usable).collect();
    let in_clause: Vec<_> = groups.iter().copied().filter(|g| g.range.start >= clause.start && g.range.end <= clause.end).collect();
    let before = |gs: &[&super::Group]| gs.iter().rev().find(|g| g.range.end <= at).map(|g| g.chips.clone());
    let after = |gs: &[&super::Group]| gs.iter().find(|g| g.range.start >= at).map(|g| g.chips.clone());
    if let Some(c) = before(&in_clause).or_else(|| after(&in_clause)) {
        return c;
    }
    // After it, only as far as the next clause (以单个近8万元的价格,下单了上千
    // A800芯片); a chip clauses later is what the sentence goes on to.
    let k = s.clause_of(at);
    let reach = s.clauses().get(k + 1).map_or(clause.end, |c| c.end);
    let near: Vec<_> = groups.iter().copied().filter(|g| g.range.end <= reach).collect();
    if let Some(c) = before(&groups).or_else(|| after(&near)) {
        return c;
    }
    // 这类芯片, 其: the chips of a sentence before. A sentence that names no
    // chip it may price goes on about the chips of the sentence just before
    // it in the same paragraph (……的H200变体,定价约2.7万美元。8晶片模组的售价约150万).
    if refers_back(s.text, hits, at) || goes_on_about_chips(s, state) {
        return state.previous_about.clone();
    }
    // An item of a list under a heading that names chips, or a line of a
    // section under one.
    if state.list_head.in_it {
        return state.list_head.what.clone();
    }
    if state.in_section {
        return state.section.as_ref().map(|(chips, _, _)| chips.clone()).unwrap_or_default();
    }
    // The chip of the headline, before the body names any, for amounts told
    // the way a forum tells the price of the thread's card (挂1.6w-1.8w):
    // a sentence that names a currency may be about anything.
    if !state.topic.is_empty() && !names_currency(s) {
        return state.topic.clone();
    }
    Vec::new()
}

/// The parts of a sentence that tell the time or the circumstance of what
/// it says: from 随着 (`price.background_openers`) to the end of its clause;
/// from 在 to a word that closes a clause of time (`price.time_closers`: 后,
/// 之后, 时) in the same clause, with a chip between (在H20一度被美国禁售后).
pub(super) fn backgrounds(s: &Sentence) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    if s.groups.len() < 2 {
        return out;
    }
    for c in s.clauses() {
        let t = &s.text[c.clone()];
        for w in BACKGROUND_OPENERS.iter() {
            if let Some(i) = t.find(w) {
                out.push(c.start + i..c.end);
            }
        }
        let Some(i) = t.find('在') else { continue };
        let from = c.start + i;
        let Some(g) = s.groups.iter().find(|g| g.range.start > from && g.range.end <= c.end) else { continue };
        let rest = &s.text[g.range.end..c.end];
        let close = TIME_CLOSERS.iter().filter_map(|w| rest.find(w).map(|j| j + w.len())).min();
        if let Some(j) = close
            && s.text[from..g.range.start].chars().count() <= 6
            && rest[..j].chars().count() <= 16
        {
            out.push(from..g.range.end + j);
        }
    }
    out
}

/// `price.background_openers`, `price.time_closers`: see [`backgrounds`].
static BACKGROUND_OPENERS: LazyLock<Vec<&'static str>> = LazyLock::new(|| words("price.background_openers"));
static TIME_CLOSERS: LazyLock<Vec<&'static str>> = LazyLock::new(|| words("price.time_closers"));

/// Whether a sentence that names no chip goes on about the chips of the
/// sentence just before it in its paragraph (4090现在什么价?差不多1.6万一张).
fn goes_on_about_chips(s: &Sentence, state: &DocState) -> bool {
    state.previous_chips_at + 1 == state.sentence && (state.previous_chips_para == s.para || state.previous_asks) && !state.previous_about.is_empty()
}

/// Whether `head` refers back to chips named before: 这类芯片, 该GPU, 上述产品
/// (a back-reference word with a chip noun after it), or 其 before a price
/// noun (其单价, 其售价). 其32GB记忆体 refers to something else. `at`: the
/// end of the head, in `text`.
pub(super) fn refers_back(text: &str, hits: &Hits, at: usize) -> bool {
    let head = &text[..at];
    hits.find_iter_in(list::BACK_REFERENCES, 0..at).any(|r| {
        let rest = &head[r.end..];
        if &head[r.clone()] == "其" {
            let rest = rest.trim_start_matches(grammar::AFTER_AMOUNT);
            hits.prefix_at(list::PRICE_NOUNS, at - rest.len(), at).is_some() || rest.starts_with('售') || rest.starts_with('单')
        } else {
            // (这款英伟达旗舰游戏显卡: the maker and kind between, within the
            // clause.)
            let near = super::text::chars_after(rest, 0, 10);
            let near = near.find([',', '，', '。', ';', '；', '、']).map_or(near, |i| &near[..i]);
            hits.any_in(list::CHIP_NOUNS, range_of(text, near))
        }
    })
}

/// Where the last 从 (or 由, not 由于) of `head` stands: the start of a move.
fn move_start(head: &str) -> Option<usize> {
    head.char_indices()
        .rev()
        .find(|&(i, c)| c == '从' || (c == '由' && !head[i..].starts_with("由于")))
        .map(|(i, _)| i)
}

/// The move an amount is the start of: 从X涨到Y. Returns the index of Y.
fn move_target(s: &Sentence, hits: &Hits, amounts: &[Amount], i: usize) -> Option<usize> {
    let a = &amounts[i];
    let Some(from) = move_start(&s.text[..a.q.start]) else {
        return move_without_from(s, hits, amounts, i);
    };
    // Nothing else counted between 从 and the amount.
    if i > 0 && amounts[i - 1].q.start > from {
        return None;
    }
    let next = amounts.get(i + 1)?;
    hits.any_in(list::MOVE_VERBS, a.end..next.q.start).then_some(i + 1)
}

/// A move told without 从: a price, then a move verb and the new price,
/// nothing else counted between them (价格在230万元左右,如今已飙至超过270万元).
fn move_without_from(s: &Sentence, hits: &Hits, amounts: &[Amount], i: usize) -> Option<usize> {
    let (a, next) = (&amounts[i], amounts.get(i + 1)?);
    // The old price is the subject's own (价格在……, 报价为……), not the
    // end of another move.
    if !hits.any_in(list::MOVE_WITHOUT_FROM, a.end..next.q.start)
        || hits.any_in(list::MOVE_WITHOUT_FROM, 0..a.q.start)
        || a.currency != next.currency
        // (……售价约3万美元,但在灰色市场被炒高到4万美元: two markets told side
        // by side, not a move.)
        || contains_any(&s.text[a.end..next.q.start], &OTHER_MARKET)
    {
        return None;
    }
    // Both amounts price the same thing: no other chip named between them.
    (!s.groups.iter().any(|g| g.range.start >= a.end && g.range.end <= next.q.start)).then_some(i + 1)
}

/// When a plain price held: the date of its clause, else the nearest date
/// before it in the sentence, else the date its paragraph set, else the
/// publish date.
fn date_for(s: &Sentence, hits: &Hits, state: &DocState, at: usize) -> Option<PartialDate> {
    let clause = s.clauses()[s.clause_of(at)].clone();
    // (一张两年前的RTX 2080 Ti二手卡挂价在七千五左右: a time that describes
    // the chip dates no price of it.)
    let own = s.dates.iter().filter(|d| !describes_chip(s, d)).find(|d| d.start >= clause.start && d.end <= clause.end);
    // A quote with no date of its own holds when the article was written,
    // unless the text puts it in the past (此前, 原本).
    let past = hits.any_in(list::PAST, clause.clone());
    // RTX Pro 6000D是英伟达今年7月推出的……芯片,市场人士透露,其单卡售价约5万元:
    // a quote reported after the date of something else is told now. (A
    // date that only frames the report, 2023年8月,一位渠道商透露, or one in
    // the report's own clause, 黄仁勋19日表示, dates it.)
    let reported_since = |from: usize| hits.any_in(list::REPORT_VERBS, from..at);
    let earlier = s.dates.iter().rev().filter(|d| !describes_chip(s, d)).find(|d| d.end <= at).filter(|d| {
        let c = s.clauses()[s.clause_of(d.start)].clone();
        let frame_only = s.text[c.clone()].trim_matches([' ', ',', '，']).len() <= (d.end - d.start) + 3;
        // 黄仁勋19日接受专访时表示: the date of the report itself.
        frame_only || !reported_since(c.end.min(at))
    });
    // H20……去年初推出,单价约1.2万至1.5万美元: the day a chip came out dates
    // no quote told after it, unless the quote is its list or launch price
    // (2022年10月上市,首发价12999元).
    let launch_priced = || contains_any(&s.text[clause.clone()], &LAUNCH_PRICES);
    let earlier = earlier.filter(|d| !launched(s.text, d) || launch_priced());
    let para = || state.para_date(s).filter(|_| !reported_since(0));
    own.or(earlier)
        .and_then(|d| d.date)
        .or_else(para)
        .or(if past { None } else { state.published })
}

/// Whether a date describes the chip named right after it and 的 (两年前的RTX
/// 2080 Ti, 去年的旗舰卡RTX 4090): the chip's age, not a time a price holds at.
pub(super) fn describes_chip(s: &Sentence, d: &crate::extract::date::DateMention) -> bool {
    let Some(rest) = s.text[d.end..].strip_prefix('的') else { return false };
    let from = d.end + '的'.len_utf8();
    // (A few characters of a noun may stand before the name: 旗舰卡, 老卡.)
    let near = from + rest.char_indices().nth(4).map_or(rest.len(), |(i, _)| i);
    s.chips.iter().any(|m| m.range.start >= from && m.range.start <= near)
}

/// Whether a date is the day something came out (2023年推出的, 去年初推出):
/// a word of launching right after it (`price.launched`).
pub(super) fn launched(text: &str, d: &crate::extract::date::DateMention) -> bool {
    let rest = text[d.end..].trim_start_matches(' ');
    // (Asked of every date: only where the next character may start a word.)
    rest.chars().next().is_some_and(|c| LAUNCHED_STARTS.binary_search(&c).is_ok()) && LAUNCHED.iter().any(|w| rest.starts_with(w))
}

/// Whether a date is the day someone said something (黄仁勋10月曾坦言, 3日
///表示): a word of `price.report_verbs` right after it (曾, 也, 又 between).
pub(super) fn said_on(text: &str, d: &crate::extract::date::DateMention) -> bool {
    let rest = text[d.end..].trim_start_matches(' ').trim_start_matches(['曾', '也', '又', '再', '还', '则', '时']);
    REPORT_VERBS_AFTER_DATE.iter().any(|w| rest.starts_with(w))
}

/// `price.report_verbs`, for [`said_on`].
static REPORT_VERBS_AFTER_DATE: LazyLock<Vec<&'static str>> = LazyLock::new(|| words("price.report_verbs"));

/// `price.next_day`: words of the day after, or the same day (第二天, 次日,
/// 当天), between the two prices of a move.
static NEXT_DAY: LazyLock<Vec<&'static str>> = LazyLock::new(|| words("price.next_day"));

/// `price.launched`: words of a product coming out (推出, 发布, 问世).
static LAUNCHED: LazyLock<Vec<&'static str>> = LazyLock::new(|| words("price.launched"));
/// Their first characters.
static LAUNCHED_STARTS: LazyLock<Vec<char>> = LazyLock::new(|| super::words::char_set(LAUNCHED.iter().filter_map(|w| w.chars().next())));
/// `price.launch_prices`: words of a list or launch price (首发价, 建议售价).
static LAUNCH_PRICES: LazyLock<Vec<&'static str>> = LazyLock::new(|| words("price.launch_prices"));

/// A 从D1到D2 pair of dates (从去年年底到现在): the two dates and where the pair ends.
fn date_pair(s: &Sentence) -> Option<(Option<PartialDate>, Option<PartialDate>, usize)> {
    s.dates.iter().enumerate().find_map(|(k, d1)| {
        if !chars_before(s.text, d1.start, 1).ends_with('从') {
            return None;
        }
        let d2 = s.dates.get(k + 1)?;
        let link = s.text[d1.end..d2.start].trim();
        (link == "到" || link == "至").then_some((d1.date, d2.date, d2.end))
    })
}

/// The date mention of the sentence within `range`, the last one.
fn date_within<'a>(s: &'a Sentence, range: std::ops::Range<usize>) -> Option<&'a DateMention> {
    s.dates.iter().rev().find(|d| d.start >= range.start && d.end <= range.end)
}

/// Whether the sentence names a currency: a currency word around one of its
/// currency signs (not the 金 of 现金, the 币 of 比特币), unless only a
/// currency code can tell (the Latin codes of the lexicon, USD, RMB, CNY,
/// each starting with a [`signs::CURRENCY_LETTER`]: [`signs::CURRENCY_COVER`]).
/// The sentence's hits are scanned only if asked.
fn names_currency(s: &Sentence) -> bool {
    (s.signs & signs::CURRENCY != 0 && signs::CURRENCY_COVER.names_word(s.text) && !no_money_but_names(s))
        || (s.signs & signs::CURRENCY_LETTER != 0
            // The codes are few and short: looked for as they are before the
            // sentence is scanned (most sentences with one of the letters,
            // GPU, CPU, hold no code and need no scan for prices).
            && signs::CURRENCY_COVER.codes.iter().any(|c| s.text.contains(c))
            && s.hits().any(list::CURRENCY_CODES))
}

/// Whether the sentence holds a run of four to six ASCII digits (commas
/// between) outside its chip names and dates: a figure that may be money
/// with no currency named ([`bare_figure`]). Looked for before the sentence
/// is scanned for words.
fn has_plain_figure(s: &Sentence) -> bool {
    let b = s.text.as_bytes();
    let mut i = 0;
    while i < b.len() {
        if !b[i].is_ascii_digit() {
            i += 1;
            continue;
        }
        let start = i;
        let mut digits = 0;
        // (A comma goes on only before a group of three digits: 4599,3月初上
        // is a figure, then a date.)
        let group_after = |i: usize| b.get(i + 1..i + 4).is_some_and(|g| g.iter().all(u8::is_ascii_digit)) && !b.get(i + 4).is_some_and(u8::is_ascii_digit);
        while i < b.len() && (b[i].is_ascii_digit() || b[i] == b',' && group_after(i)) {
            digits += usize::from(b[i].is_ascii_digit());
            i += 1;
        }
        let inside = |r: &Range<usize>| r.start <= start && i <= r.end;
        // Standing alone (16499, / 15800。 / 16500左右) or opening a move (12999涨到).
        let free = stands_alone(s.text[i..].trim_start_matches(' '), true);
        if (4..=6).contains(&digits) && free && !s.chips.iter().any(|m| inside(&m.range)) && !s.dates.iter().any(|d| inside(&(d.start..d.end))) {
            return true;
        }
    }
    false
}

/// Whether the only signs of money in the sentence are the 元 of a chip's
/// name (思元590一张据说卖10万左右) or a 块 after no number (算力租赁这块):
/// the sentence names no currency.
fn no_money_but_names(s: &Sentence) -> bool {
    let numeral = |c: char| c.is_ascii_digit() || "一二两三四五六七八九十百千万多来".contains(c);
    let loose_kuai: Vec<usize> =
        s.text.match_indices('块').map(|(i, _)| i).filter(|&i| !s.text[..i].chars().next_back().is_some_and(numeral)).collect();
    let in_chip = s.chips.iter().any(|m| s.text[m.range.clone()].contains('元'));
    if !in_chip && loose_kuai.is_empty() {
        return false;
    }
    let mut t = s.text.to_string();
    for r in s.chips.iter().map(|m| m.range.clone()).chain(loose_kuai.into_iter().map(|i| i..i + '块'.len_utf8())) {
        t.replace_range(r.clone(), &" ".repeat(r.len()));
    }
    signs::of(&t) & signs::CURRENCY == 0
}

/// The money a document names most of the New Taiwan dollar, the Hong Kong
/// dollar, the pataca and the renminbi ([`LOCAL_MONEY`]; the first of those
/// named as often), when it is not the renminbi: the currency of an amount the document gives without one before its
/// first price (a post titled 台湾网拍价飙破10万, its body in NT$). Else
/// none, and such an amount is in yuan.
///
/// A document first written in simplified characters that prices in plain
/// 元 before it names such money (100万元 ... 在一河之隔的香港,报价约为2.3万港元)
/// is a mainland report: its own money is the renminbi.
pub(super) fn local_currency(text: &str, script: crate::model::Script) -> Option<&'static str> {
    // (One pass over the document for all the words.)
    let (codes, finder) = &*LOCAL_MONEY;
    let first = finder.find(text)?;
    if script == crate::model::Script::Simplified && plain_yuan_in(&text[..first.start]) {
        return None;
    }
    let code_of = |r: Range<usize>| {
        let word = &text[r];
        codes.iter().find(|(_, w)| *w == word).map(|(code, _)| *code)
    };
    // (本澳……9,800至11,000澳门元, after one 8万港元 of Hong Kong's market:
    // the money named most, the first of those named as often.)
    let mut counts: Vec<(&'static str, usize)> = Vec::new();
    for r in finder.find_iter(text) {
        if let Some(code) = code_of(r) {
            match counts.iter_mut().find(|(c, _)| *c == code) {
                Some(n) => n.1 += 1,
                None => counts.push((code, 1)),
            }
        }
    }
    let most = counts.iter().map(|&(_, n)| n).max().unwrap_or(0);
    let word = counts.iter().find(|&&(_, n)| n == most).map(|&(c, _)| c).or_else(|| code_of(first));
    word.filter(|&code| code != "CNY")
}

/// Whether `text` holds an amount in plain 元, a figure or a numeral right
/// before it (100万元, 16499元, 三千元), not 美元 or 港元.
fn plain_yuan_in(text: &str) -> bool {
    text.match_indices('元').any(|(i, _)| {
        text[..i].chars().next_back().is_some_and(|c| c.is_ascii_digit() || "一二两三四五六七八九十百千万亿".contains(c))
    })
}

/// The money of a document first written in traditional characters that
/// names none ([`local_currency`]): Taiwan's (新台币) where it names more
/// places and words of Taiwan (台湾, 辉达, 原价屋) than of Hong Kong (香港,
/// 本港, 旺角), Hong Kong's where fewer; else none. (A Dcard thread quoting
/// 报价都在10万上下 prices in NT$.)
pub(super) fn money_of_place(text: &str, script: crate::model::Script) -> Option<&'static str> {
    if script != crate::model::Script::Traditional {
        return None;
    }
    // (One pass over the document for the words of both places.)
    let (places, finder) = &*PLACE_WORDS;
    let (mut taiwan, mut hong_kong) = (0usize, 0usize);
    for r in finder.find_iter(text) {
        match places.iter().find(|(w, _)| *w == &text[r.clone()]).map(|(_, taiwan)| *taiwan) {
            Some(true) => taiwan += 1,
            Some(false) => hong_kong += 1,
            None => {}
        }
    }
    match taiwan.cmp(&hong_kong) {
        std::cmp::Ordering::Greater => Some("TWD"),
        std::cmp::Ordering::Less => Some("HKD"),
        std::cmp::Ordering::Equal => None,
    }
}

/// Whether `text` names a place or word only Hong Kong writes
/// (`price.hong_kong_words`: 香港, 旺角, 深水埗).
fn names_hong_kong(text: &str) -> bool {
    let (places, finder) = &*PLACE_WORDS;
    finder.find_iter(text).any(|r| places.iter().any(|(w, taiwan)| !taiwan && *w == &text[r.clone()]))
}

/// `price.taiwan_words` and `price.hong_kong_words`: places and words only
/// one of them writes (辉达 is Taiwan's NVIDIA).
/// Each word with whether it is Taiwan's, and one automaton for all.
static PLACE_WORDS: LazyLock<(Vec<(&'static str, bool)>, super::words::Words)> = LazyLock::new(|| {
    let places: Vec<(&'static str, bool)> = words("price.taiwan_words")
        .into_iter()
        .map(|w| (w, true))
        .chain(words("price.hong_kong_words").into_iter().map(|w| (w, false)))
        .collect();
    let all: Vec<&str> = places.iter().map(|(w, _)| *w).collect();
    let finder = super::words::Words::longest_for_long_texts(&all);
    (places, finder)
});

/// The lexicon's words of two or more characters for the New Taiwan and Hong
/// Kong dollars and the renminbi (新台币, NT$, 港元, HK$, 人民币, RMB), as
/// (currency, word), and one automaton for them: a bare 元 or ¥ tells no
/// document's money.
static LOCAL_MONEY: LazyLock<(Vec<(&'static str, &'static str)>, super::words::Words)> = LazyLock::new(|| {
    let lex = crate::lexicon::get();
    let codes: Vec<(&'static str, &'static str)> = lex
        .currency_words("before")
        .into_iter()
        .chain(lex.currency_words("after"))
        // (块钱 is spoken of any yuan, the New Taiwan dollar's too.)
        .filter(|(code, w)| matches!(*code, "TWD" | "HKD" | "MOP" | "CNY") && w.chars().count() >= 2 && *w != "块钱")
        .collect();
    let words: Vec<&str> = codes.iter().map(|(_, w)| *w).collect();
    let finder = super::words::Words::longest_for_long_texts(&words);
    (codes, finder)
});

/// The money a bare 元 is in, in a report first written in traditional
/// characters whose own money is `home` (the New Taiwan or Hong Kong
/// dollar): that money, where the report names it
/// more often than the renminbi (港行公价由5,699港元起……炒价已由昨晚的7,500元
/// 升至9,000元); else none, and a bare 元 is the renminbi (a Taiwan report
/// on the mainland's grey market: 约人民币11万元……9万元; one that names no
/// money: 搭載8張輝達H800的AI計算機,現貨價格在230萬元左右).
pub(super) fn yuan_money(text: &str, home: &'static str, script: crate::model::Script) -> Option<&'static str> {
    if !called_yuan(home, script) {
        return None;
    }
    let (codes, finder) = &*LOCAL_MONEY;
    let (mut own, mut yuan) = (0usize, 0usize);
    for r in finder.find_iter(text) {
        match codes.iter().find(|(_, w)| *w == &text[r.clone()]).map(|(code, _)| *code) {
            Some(code) if code == home => own += 1,
            Some("CNY") => yuan += 1,
            _ => {}
        }
    }
    (own > yuan || about_home_market(text)).then_some(home)
}

/// Whether a place or shop of the report's own market stands right before
/// an amount, a qualifier, an edition or words of price between (台湾约2万7,
/// 香港行货约8,500, 台湾售价为3万3, 台湾公版建议售价大约6万6).
fn home_place_before(text: &str, at: usize) -> bool {
    let head = super::qualify::strip_qualifier(chars_before(text, at, 10)).trim_end_matches(['为', '是', '在', ' ']);
    // (台湾公版建议售价大约6万6: more than one such word.)
    let mut head = head;
    for _ in 0..3 {
        match PLACE_TO_AMOUNT.iter().filter_map(|w| head.strip_suffix(w)).min_by_key(|h| h.len()) {
            Some(h) => head = h,
            None => break,
        }
    }
    let (home_words, _) = &*MARKET_WORDS;
    home_words.iter().any(|w| head.ends_with(w))
}

/// `price.place_to_amount`: words that may stand between a place and its
/// amount (香港行货约8,500).
static PLACE_TO_AMOUNT: LazyLock<Vec<&'static str>> = LazyLock::new(|| words("price.place_to_amount"));

/// Whether a sentence names a place or shop of the report's own market and
/// none of the mainland's (台湾目前……公版建议售价为56,900元; not 深圳华强北的
/// 中间商说……台湾业者则不愿透露): asked where a bare 元 may be its money.
fn names_home_market(s: &Sentence) -> bool {
    // (台灣這邊,管制風聲也吹進光華商場。店家說,……漲到7萬多塊: a sentence
    // naming no market goes on about the one the sentence before it in the
    // paragraph names, when that one only sets the scene: no figure, no model.)
    let scene = || !s.previous.contains(|c: char| c.is_ascii_digit());
    market_named(s.text).or_else(|| market_named(s.previous).filter(|_| scene())).unwrap_or(false)
}

/// Whether `text` names only the report's own market's places (`Some(true)`),
/// also the mainland's (`Some(false)`), or none.
fn market_named(text: &str) -> Option<bool> {
    let (home_words, finder) = &*MARKET_WORDS;
    let mut home = None;
    for r in finder.find_iter(text) {
        if !home_words.contains(&&text[r]) {
            return Some(false);
        }
        home = Some(true);
    }
    home
}

/// Whether a money is called 元 in some report (the renminbi, the New Taiwan,
/// Hong Kong and Macau dollars), unlike the US dollar or the yen.
fn called_yuan_anywhere(code: &str) -> bool {
    code == "CNY" || LOCAL_YUAN.contains(&code)
}

/// Whether `home`, the money of a report, is also called 元 there (新台币,
/// 港币 in a report first written in traditional characters).
pub(super) fn called_yuan(home: &str, script: crate::model::Script) -> bool {
    script == crate::model::Script::Traditional && LOCAL_YUAN.contains(&home)
}

/// Whether a report names the places and shops of its own market (台湾,
/// 光华商场, 香港) twice or more, and more often than the mainland's (大陆,
/// 对岸, 淘宝, 深圳): then it prices there, and the renminbi it names is the
/// mainland's (台湾公版售价为33,900元 beside 官方定价为16,499元人民币).
fn about_home_market(text: &str) -> bool {
    let (home_words, finder) = &*MARKET_WORDS;
    let (mut home, mut mainland) = (0usize, 0usize);
    for r in finder.find_iter(text) {
        if home_words.contains(&&text[r]) {
            home += 1;
        } else {
            mainland += 1;
        }
    }
    home >= 2 && home > mainland
}

/// `price.home_market_words` (the report's own market), and one automaton
/// for them, `price.mainland_words` and `price.mainland_places`.
static MARKET_WORDS: LazyLock<(Vec<&'static str>, super::words::Words)> = LazyLock::new(|| {
    let home = words("price.home_market_words");
    let all: Vec<&str> = home.iter().copied().chain(words("price.mainland_words")).chain(words("price.mainland_places")).collect();
    let finder = super::words::Words::longest_for_long_texts(&all);
    (home, finder)
});

/// Whether a sentence that names no currency may still price (炒到了8万,
/// 首发价16499, 每卡每月大概7000到8000): with chips, an amount in 万 told
/// with a word of price, a rent, or a plain figure after a word of price;
/// without chips, right after a sentence that named some, an amount in 万.
/// The sentence is scanned for the lists once, when first asked.
fn may_price_without_currency(s: &Sentence, state: &DocState) -> bool {
    let in_wan = || {
        // (One fast search per character, not a scan for a set.)
        (s.text.contains('万') || s.text.contains('千') || s.text.contains('w') || s.text.contains('k') || s.text.contains('K'))
            && ([list::PRICE_NOUNS, list::PRICED_VERBS, list::UNIT, list::MOVE_WITHOUT_FROM, list::MARKET_PLACES].iter().any(|&l| s.hits().any(l))
                // (……一张H200报价大概在22万。八卡整机两百万上下: a machine
                // of the chips just priced, in a sentence that names none.)
                // (H20八卡整机过年前110万左右: a machine of a chip named in
                // its clause, or heading the list's item; not 连4090都被禁,……,
                // 8卡服务器直奔300万, a machine of no chip told.)
                || s.hits().any(list::SYSTEM) && (s.groups.is_empty() || chip_item(s) || machine_of_chip(s))
                // (我上个月9k出头入的: a word of buying right after the amount.)
                || s.hits().any(list::BOUGHT)
                // (H200有人报十八九万: what is asked or quoted, told right
                // before the amount; see asked_quoted.)
                || s.text.contains(['要', '报'])
                // (4090D非公卡大概一万三: a sum in 万 right after a chip; see
                // chip_then_sum.)
                || !s.chips.is_empty() && find_quantities(s.text).iter().any(|q| chip_then_sum(s, q, false) || item_sum(s, q)))
    };
    if s.groups.is_empty() {
        // (A sentence that names no chip is asked only for amounts in
        // 万, and only right after one that did, or before the body names
        // any after a headline that did.)
        (goes_on_about_chips(s, state) || !state.topic.is_empty() || state.in_section) && in_wan()
    } else {
        in_wan()
            // (The sentence is scanned only where a word of rent may be.)
            || RENT_NEEDLES.iter().any(|w| s.text.contains(w)) && s.hits().any(list::RENT)
            // (A plain figure is money only after a word of price or of
            // selling: those of PLAIN_FIGURE_CUES are looked for first.)
            || PLAIN_FIGURE_CUES.iter().any(|w| s.text.contains(w))
                && has_plain_figure(s)
                && [list::PRICE_NOUNS, list::PRICED_VERBS, list::MOVE_WITHOUT_FROM, list::MARKET_PLACES].iter().any(|&l| s.hits().any(l))
    }
}

/// The money a line that opens a list names in brackets for the items after
/// it (整理一下深圳那边的行情（人民币，仅供参考）：): a line that ends with a
/// colon, names a currency in brackets and holds no figure.
pub(super) fn money_of_list(text: &str) -> Option<&'static str> {
    let t = text.trim_end();
    let head = t.strip_suffix(['：', ':'])?.trim_end();
    if head.bytes().any(|b| b.is_ascii_digit()) {
        return None;
    }
    let inner = head.strip_suffix(['）', ')'])?;
    let open = inner.rfind(['（', '('])?;
    let inside = &inner[open..];
    inside.char_indices().find_map(|(i, _)| crate::money::word_after(&inside[i..]).map(|(code, _)| code))
}

/// Whether a line opens a list of prices that names no money: it holds no
/// figure, names a price (价, 行情), and ends with a colon or is a numbered
/// section's heading (自己盯了两个月京东自营的价,大概是这样：; 一、行情（都是我
/// 自己问过、成交过的价,仅供参考）).
pub(super) fn opens_price_list(text: &str) -> bool {
    let t = text.trim();
    let heading = t.chars().next().is_some_and(|c| "一二三四五六七八九十".contains(c)) && t.chars().nth(1) == Some('、');
    (heading || t.ends_with([':', '：']))
        && !t.bytes().any(|b| b.is_ascii_digit())
        && (t.contains('价') || t.contains("行情"))
}

/// Whether a sentence is an item of a list that starts with a chip's name
/// and a colon, a spec of Latin letters and digits between (5090：, 3080
/// 10G：, A卡6600XT：): at most a few characters before the name.
/// (- 魔改4090 48G：, 4. Tesla T4：: a bullet or a number of the list before
/// it is not counted.)
pub(super) fn chip_item(s: &Sentence) -> bool {
    let Some(m) = s.chips.first() else { return false };
    if s.text[..m.range.start].len() > 40 || s.text[item_marker(s.text)..m.range.start].chars().count() > 4 {
        return false;
    }
    let rest = s.text[m.range.end..].trim_start_matches(|c: char| c.is_ascii_alphanumeric() || c == ' ');
    rest.starts_with([':', '：'])
}

/// The length of the list's mark an item opens with (- , • , · , 4. , 4、,
/// (4) , ①), spaces after it counted; 0 if none.
fn item_marker(text: &str) -> usize {
    let t = text.trim_start_matches(' ');
    let body = if let Some(r) = t.strip_prefix(['-', '*', '•', '·', '‧', '●', '○', '■', '□', '▪', '◆', '◇', '–', '—']) {
        r
    } else if t.starts_with(|c: char| ('①'..='⑳').contains(&c)) {
        &t[t.chars().next().map_or(0, char::len_utf8)..]
    } else {
        let digits = t.bytes().take_while(u8::is_ascii_digit).count();
        let r = &t[digits..];
        match r.strip_prefix(['.', '、', '．', ')', '）']) {
            Some(r) if (1..=2).contains(&digits) && !r.starts_with(|c: char| c.is_ascii_digit()) => r,
            _ => return 0,
        }
    };
    text.len() - body.trim_start_matches(' ').len()
}

/// 4. Tesla T4：推理卡,16G显存,一万五到一万八左右; - 魔改4090 48G：改卡,2万2到2万5之间:
/// in an item of a list that opens with a chip and a colon, a sum in 万 that
/// is a clause by itself (a qualifier, 在, a range's other side, 之间 or
/// 左右 with it, nothing else) is the chip's price, though no word of price
/// is said.
fn item_sum(s: &Sentence, q: &Quantity) -> bool {
    if !in_wan(s.text, q) || !chip_item(s) {
        return false;
    }
    let c = s.clauses()[s.clause_of(q.start)].clone();
    let end = c.end.min(s.text.len());
    let joiner = |t: &str| RANGE_JOINERS.iter().find(|j| t.ends_with(*j)).map(|j| j.len());
    // The head: nothing, or 在 and a qualifier; before a range's high side,
    // its low side too.
    let mut head = s.text[c.start..q.start].trim_end_matches(' ');
    if let Some(len) = joiner(head) {
        let h = head[..head.len() - len].trim_end_matches(' ');
        let qs = find_quantities(&s.text[c.start..c.start + h.len()]);
        let Some(low) = qs.last().filter(|x| x.end == h.len()) else { return false };
        head = &h[..low.start];
    }
    let head = super::qualify::strip_qualifier(head.trim_end_matches(' ')).trim_end_matches(' ');
    if !head.trim_start_matches(['在', ' ']).is_empty() {
        return false;
    }
    // The tail: a tail word (左右, 之间), a range's high side, the clause's end.
    let mut tail = s.text[q.end..end].trim_end_matches([' ', '，', ',', '。', '；', ';', '、']);
    loop {
        let t = tail.trim_start_matches(' ');
        let t = FIGURE_TAILS.iter().find_map(|w| t.strip_prefix(w)).or_else(|| t.strip_prefix('起')).unwrap_or(t);
        let t = match RANGE_JOINERS.iter().find_map(|j| t.strip_prefix(j)) {
            Some(r) => match find_quantities(r).first() {
                Some(x) if x.start == 0 => &r[x.end..],
                _ => return false,
            },
            None => t,
        };
        if t.len() == tail.len() {
            break;
        }
        tail = t;
    }
    tail.is_empty()
}

/// A plain figure ([`plain_figure`]) in an item of a list of prices,
/// standing alone or opening a move (5060 Ti 16G：3599涨到4199, 9070 XT：
/// 4999首发): money, though no word of price is named.
fn list_figure(s: &Sentence, q: &Quantity) -> bool {
    plain_figure(s.text, q) && (stands_alone(s.text[q.end..].trim_start_matches(' '), true) || s.text[q.end..].starts_with("首发"))
}

pub fn read(ex: &Extractor, s: &Sentence, state: &mut DocState, doc: &str) -> Vec<Price> {
    // A sentence that names no currency may still price in 万 (炒到了8万,
    // 价格从230万涨到330万): then its amounts are in the currency of the
    // document's last price, else in yuan. A foreign one (美元 of an overseas
    // rent) carries only into the next sentence, and only while it names no
    // other chips (至于H20,……炒到140万一台 after H200's price in dollars): an
    // amount told later or of other chips without a currency is in the
    // document's own money.
    // The sentence is scanned for the lists once, when first asked.
    let implied = if names_currency(s) {
        None
    } else if state.list_money.in_it {
        // (1. RTX Pro 6000D：单卡5万上下, under 行情（人民币）：.)
        state.list_money.what
    } else if state.list_price.in_it {
        // (5090：去年双十一前后1.9w能拿下, under 自己盯了两个月京东自营的价：.)
        Some(state.home_currency)
    } else if may_price_without_currency(s, state) {
        let same_thread = || s.groups.is_empty() || s.groups.iter().any(|g| g.chips.iter().any(|c| state.last_currency_chips.contains(c)));
        let near = state.last_currency_at.is_some_and(|at| at == state.sentence || at + 1 == state.sentence && same_thread());
        // (In a Taiwan or Hong Kong report, a sentence about the mainland's
        // market is in yuan: 对岸4090的价格从1万3左右一路涨到2万多.)
        // (In a mainland report, a sentence about the domestic market is in
        // yuan, though the last one priced a rent abroad in dollars: H100海外云
        // 按需价……8美元一小时; 国内H100八卡整机,去年底报价300万往上.)
        let domestic = || state.home_currency == "CNY" && (about_mainland(s) || DOMESTIC.iter().any(|w| s.text.contains(w)));
        if state.home_currency != "CNY" && about_mainland(s) {
            Some("CNY")
        } else {
            Some(state.last_currency.filter(|&c| c == state.home_currency || near && !domestic()).unwrap_or(state.home_currency))
        }
    } else {
        return Vec::new();
    };
    // A sentence without a number holds no amount: it is not scanned for
    // the lists here (another reader may still ask).
    let quantities = find_quantities(s.text);
    if quantities.is_empty() {
        return Vec::new();
    }
    let hits: &Hits = s.hits();
    let amounts = join_ranges(s, amounts(s, hits, implied, state, quantities));
    if amounts.is_empty() {
        return Vec::new();
    }
    // A sentence about prices: a price word, or a move between two amounts.
    let moves = (0..amounts.len()).any(|i| move_target(s, hits, &amounts, i).is_some());
    // (A rate, 6.8元/小时, tells a price by itself: a list of rents; so
    // does what a card was bought for, 1.35w入的.)
    // (‧ Inno3D X3：$24,800 under the heading ▌RTX 5090: an item of a list
    // of prices, its money named.)
    if !moves
        && !hits.any(list::PRICE_CUES)
        && !hits.any(list::MARKET_PLACES)
        && !amounts.iter().any(|a| rate_period(s.text, a.end).is_some() || bought_after(s.text, a.end) || asked_for(s, a) || per_hour_before(s, hits, a) || machine_costs(s, hits, a) || in_wan(s.text, &a.q) && asked_quoted(s, &a.q) || item_sum(s, &a.q) || chip_then_sum(s, &a.q, a.end > a.q.end || crate::money::word_before(&s.text[..a.q.start]).is_some()))
        && !(state.list_head.in_it && implied.is_none())
        && !state.list_money.in_it
        && !state.list_price.in_it
        // (八卡整机两百万上下 after a sentence that priced one card: a
        // machine priced in 万, no currency named.)
        && !(implied.is_some() && s.groups.is_empty() && hits.any(list::SYSTEM))
        // (V100售价约人民币6万元;而用于推理的T4则约1.5万元: a sentence after
        // a semicolon that priced a chip goes on pricing the chip it names.)
        && !(state.priced_to_semicolon.is_some_and(|at| at + 1 == state.sentence) && !s.groups.is_empty())
    {
        return Vec::new();
    }
    let rent = rents(s, hits);
    let per_hour = hits.any(list::PER_HOUR);
    let mut bases: Vec<Option<Basis>> = vec![None; amounts.len()];
    // Roles and dates of moves (从X涨到Y), and of what the sentence says
    // after a move (甚至有高达50万一片: still the new price).
    let mut roles: Vec<Option<Role>> = vec![None; amounts.len()];
    let mut dates: Vec<Option<Option<PartialDate>>> = vec![None; amounts.len()];
    let pair = date_pair(s);
    let mut moves_from = 0;
    let mut i = 0;
    while i < amounts.len() {
        let Some(j) = move_target(s, hits, &amounts, i) else {
            i += 1;
            continue;
        };
        let (a, b) = (&amounts[i], &amounts[j]);
        let from = move_start(&s.text[..a.q.start]).unwrap_or(0);
        let pair_here = pair.filter(|p| p.2 <= from);
        let before_date = match pair_here {
            Some((d1, _, _)) => d1,
            None => date_within(s, from..a.q.start).and_then(|d| d.date),
        };
        // RTX 4090在禁令前的售价约为1.3万元……: the old price held until the
        // measure the document told, in that month.
        let clause_start = s.clauses()[s.clause_of(a.q.start)].start;
        let before_date = before_date.or_else(|| before_measure_date(&s.text[clause_start..a.q.start], state));
        let told_after = date_within(s, a.end..b.q.start)
            .map(|d| d.date)
            .or(pair_here.map(|p| p.1))
            // (Not a date of a move told before in the sentence.)
            .or_else(|| s.dates.iter().rev().find(|d| d.end <= from && d.start >= moves_from).map(|d| d.date));
        // (10月中旬……还是一万三左右,新规一出来,第二天就涨到一万八: the day
        // after the old price's time is in its month.)
        let next_day = || {
            contains_any(&s.text[a.end..b.q.start], &NEXT_DAY)
                .then_some(before_date)
                .flatten()
                .map(|d| PartialDate { day: None, ..d })
        };
        let told_after = told_after.or_else(|| next_day().map(Some));
        let after_date = told_after
            .unwrap_or_else(|| state.para_date(s))
            // The new price holds when the article is written.
            .or(state.published);
        // 价格从1.3万元左右涨至2万元以上, told with no time at all: the old
        // price held in the weeks before, the month the new one is told in.
        // (A time told for the new price leaves the old one's open, and so
        // does a word of an earlier time: 由原来的9万元涨至15万元.)
        let before_date = before_date.or_else(|| {
            (told_after.is_none() && !hits.any_in(list::PAST, from..a.q.start))
                .then_some(after_date)
                .flatten()
                .map(|d| PartialDate { day: None, month: d.month, ..d })
        });
        roles[i] = Some(Role::Before);
        dates[i] = Some(before_date);
        // The new price is of the same thing as the old one.
        let basis = basis_of(s, hits, &amounts, i, rent, per_hour);
        bases[j] = Some(basis);
        let mut other_thing = false;
        for k in j..amounts.len() {
            // ……已从11万至12万元回落至9万元左右,8卡服务器整机报价则在80万元以下:
            // an amount in a later clause of another basis is of another
            // thing, no side of the move (told at the time of the new price).
            // (……升到而家HK$11,500至12,500,3090就全部过万五: so is one after
            // another chip named.)
            other_thing = other_thing
                || k > j && s.clause_of(amounts[k].q.start) != s.clause_of(amounts[j].q.start) && basis_of(s, hits, &amounts, k, rent, per_hour) != basis
                || k > j && s.groups.iter().any(|g| g.range.start >= amounts[k - 1].end && g.range.end <= amounts[k].q.start);
            if other_thing {
                roles[k] = None;
                dates[k] = Some(date_within(s, amounts[k - 1].end..amounts[k].q.start).map_or(after_date, |d| d.date));
                continue;
            }
            roles[k] = Some(Role::After);
            let own = (k > j).then(|| date_within(s, amounts[k - 1].end..amounts[k].q.start)).flatten();
            dates[k] = Some(own.map_or(after_date, |d| d.date));
        }
        // (A second move may follow: ……价格已从100万元左右上涨至120万元以上,
        // 单卡现货报价也由约10万元涨到了13万元上下.)
        moves_from = amounts[j].end;
        i = j + 1;
    }
    // 报价已跌至8万元,较高峰时的13万元下滑近四成: a price moved to, then the
    // level it is compared with, of the same thing at an earlier time.
    if roles.iter().all(Option::is_none) {
        for j in 0..amounts.len().saturating_sub(1) {
            let k = j + 1;
            let (a, b) = (&amounts[j], &amounts[k]);
            // (已跌至每小时约2美元: a rent's period and a qualifier may stand
            // between the verb and the amount.)
            let moved_to = hits.any_in(list::MOVE_VERBS, range_of(s.text, chars_before(s.text, a.q.start, 4)))
                || hits.find_iter_in(list::MOVE_VERBS, s.clauses()[s.clause_of(a.q.start)].start..a.q.start).last().is_some_and(|r| {
                    let gap = super::qualify::strip_qualifier(&s.text[r.end..a.q.start]);
                    RENT_PERIODS.iter().any(|p| gap.trim_start_matches(['了', ' ']) == *p) || gap.trim_start_matches(['了', ' ']).is_empty()
                });
            let ck = s.clause_of(b.q.start);
            let head = s.text[s.clauses()[ck].start..b.q.start].trim_start();
            let compared = s.clause_of(a.q.start) + 1 == ck
                && hits.prefix_at(list::COMPARISON, b.q.start - head.len(), b.q.start).is_some()
                && head.ends_with('的')
                && head.chars().count() <= 12
                && a.currency == b.currency
                && !s.groups.iter().any(|g| g.range.start >= a.end && g.range.end <= b.q.start);
            // 报价则约110万元,较今年稍早的140万元明显下滑: the change told
            // after the level compared with.
            let changed_after = || {
                let end = s.clauses()[ck].end;
                CHANGED_AFTER.iter().any(|w| s.text[b.end..end].contains(w))
            };
            if compared && (moved_to || changed_after()) {
                roles[j] = Some(Role::After);
                roles[k] = Some(Role::Before);
                dates[k] = Some(date_within(s, b.q.start - head.len()..b.q.start).and_then(|d| d.date));
                bases[k] = Some(basis_of(s, hits, &amounts, j, rent, per_hour));
                break;
            }
        }
    }
    // 上个月还能拿到130万元的报价,现在一台要140万元; 一度涨至2.5万元以上,
    // 目前已回落至2万元左右; 现在报到12万元左右,“上周还是10万出头”: two
    // prices of one thing in two clauses, one told with a word of an earlier
    // time and the other with a word of now, are the old and the new.
    if roles.iter().all(Option::is_none) && amounts.len() == 2 {
        let (a, b) = (&amounts[0], &amounts[1]);
        let (ca, cb) = (s.clause_of(a.q.start), s.clause_of(b.q.start));
        let one_thing = ca != cb && a.currency == b.currency && !s.groups.iter().any(|g| g.range.start >= a.end && g.range.end <= b.q.start);
        if one_thing {
            let ra = &s.text[s.clauses()[ca].start..a.q.start];
            let rb = &s.text[s.clauses()[cb].start..b.q.start];
            let (now_a, now_b) = (contains_any(ra, &NOW_WORDS), contains_any(rb, &NOW_WORDS));
            let (then_a, then_b) = (contains_any(ra, &EARLIER_WORDS), contains_any(rb, &EARLIER_WORDS));
            let order = if then_a && !now_a && now_b && !then_b {
                Some((0, 1))
            } else if now_a && !then_a && then_b && !now_b {
                Some((1, 0))
            } else {
                None
            };
            if let Some((old, new)) = order {
                roles[old] = Some(Role::Before);
                roles[new] = Some(Role::After);
                // (一台8卡H800服务器,新规出来之前大概240万,现在有人开价到300万:
                // the new price is of the thing the old one is of, unless its
                // clause names one of its own; the old one, told before a
                // measure, is of the measure's month.)
                let own_new = s.clauses()[if new == 0 { ca } else { cb }].start..amounts[new].q.start;
                if !hits.any_in(list::UNIT, own_new.clone()) && !names_system(hits, own_new) {
                    bases[new] = Some(basis_of(s, hits, &amounts, old, rent, per_hour));
                }
                let own_old = s.clauses()[if old == 0 { ca } else { cb }].start..amounts[old].q.start;
                if let Some(d) = before_measure_date(&s.text[own_old], state) {
                    dates[old] = Some(Some(d));
                }
                // (The new one holds now, not at the earlier time told
                // before it: 上个月……,这两天已经有人报到8万多.)
                let own = s.clauses()[if new == 0 { ca } else { cb }].clone();
                dates[new] = Some(date_within(s, own).map_or(state.published, |d| d.date));
            }
        }
    }

    let respective = respective(s, state, &amounts, &roles);
    let mut out = Vec::new();
    for (i, a) in amounts.iter().enumerate() {
        if not_a_price(s, hits, a) || usd(a.q.high, a.currency) > MAX_USD || a.q.low <= 0.0 {
            continue;
        }
        let linked = match respective[i] {
            Some(c) => vec![c],
            None => link(s, hits, state, a.q.start),
        };
        let mut chips: Vec<String> = linked.iter().map(|&c| ex.catalog.chips[c].id.clone()).collect();
        // 新推出的XG900芯片售价约为3万美元: a chip the catalog lacks, named
        // before the amount in its clause, when no known chip takes the price.
        if chips.is_empty() {
            chips.extend(unknown_before(s, a.q.start));
        }
        if chips.is_empty() {
            state.warn_unlinked(&s.text[a.q.start..a.end], s.line);
            continue;
        }
        let date = match dates[i] {
            Some(d) => d,
            None => date_for(s, hits, state, a.q.start),
        };
        let basis = bases[i].unwrap_or_else(|| basis_of(s, hits, &amounts, i, rent, per_hour));
        // (Only money the sentence names carries on: an amount that took
        // the last sentence's money, 报价在两万三左右 after 2.3万港元 in
        // Hong Kong, hands it no further, to 十二三万 told after it.)
        if implied.is_none() {
            state.last_currency = Some(a.currency);
            state.last_currency_at = Some(state.sentence);
            state.last_currency_chips = linked;
        }
        if s.text.trim_end().ends_with([';', '；']) {
            state.priced_to_semicolon = Some(state.sentence);
        }
        for chip in chips {
            out.push(Price {
                doc: doc.to_string(),
                line: s.line,
                evidence: s.text.to_string(),
                chip,
                low: a.q.low,
                high: a.q.high,
                currency: a.currency.to_string(),
                qualifier: qualifier(s, a),
                basis,
                date,
                role: roles[i],
            });
        }
    }
    out
}

/// RTX 5090D和RTX 5080……建议零售价分别为16499元和8299元; RTX 5070 Ti……;
/// RTX 5070……,美国售价分别为749美元和549美元: the amounts after 分别, one
/// for each chip named before it, in their order. Only where they are as
/// many as the chips of the list just before (else of the whole sentence
/// before 分别), none of them is a side of a move (分别从3万涨到4万 is two
/// prices of each), and no chip stands between 分别 and them.
fn respective(s: &Sentence, state: &DocState, amounts: &[Amount], roles: &[Option<Role>]) -> Vec<Option<usize>> {
    let mut out = vec![None; amounts.len()];
    let Some(at) = s.text.find("分别") else {
        return out;
    };
    // The amounts of the list right after 分别 (749美元、549美元; 16499元和8299元),
    // not one told later in the sentence (……能「用549美元买到」).
    let mut after: Vec<usize> = Vec::new();
    for i in (0..amounts.len()).filter(|&i| amounts[i].q.start > at) {
        if let Some(&k) = after.last() {
            // (US$1,999 同 US$999: the currency sign of the next one aside.)
            let gap = crate::money::strip_word_before(s.text[amounts[k].end..amounts[i].q.start].trim_matches(' ')).trim_matches(' ');
            if !(gap.is_empty() || LIST_GAPS.contains(&gap)) {
                break;
            }
        }
        after.push(i);
    }
    let Some(&last) = after.last() else {
        return out;
    };
    if after.len() < 2 || after.iter().any(|&i| roles[i].is_some()) {
        return out;
    }
    if s.groups.iter().any(|g| g.range.start > at && g.range.start < amounts[last].q.start) {
        return out;
    }
    let before: Vec<&super::Group> = s.groups.iter().filter(|g| g.range.end <= at).collect();
    let chips: Vec<usize> = match before.last() {
        Some(g) if g.chips.len() == after.len() => g.chips.clone(),
        _ => {
            // (RTX 5070 Ti将于2月20日上市……;RTX 5070则定于3月5日上市,……美国售价
            // 分别为749美元和549美元: with the chips of the sentence just before
            // in the paragraph when this one names too few.)
            let mut all: Vec<usize> = Vec::new();
            let own: Vec<usize> = before.iter().flat_map(|g| g.chips.iter().copied()).collect();
            let earlier = if own.len() < after.len() && state.previous_chips_at + 1 == state.sentence && state.previous_chips_para == s.para {
                state.previous_chips.clone()
            } else {
                Vec::new()
            };
            for c in earlier.into_iter().chain(own) {
                if !all.contains(&c) {
                    all.push(c);
                }
            }
            all
        }
    };
    if chips.len() == after.len() {
        for (&i, &c) in after.iter().zip(&chips) {
            out[i] = Some(c);
        }
    }
    out
}

/// What amount `i` is the price of: rent by the hour (每小时2美元,
/// 2美元/小时) or by the month, a machine, module or rack (一台8卡服务器,
/// 8晶片模组) when one is named in its clause or since the amount before it,
/// else one chip or card. A unit word next to the amount (每片, 单卡) wins.
/// (八卡服务器,两百万上下,有的报到两百三十万: an amount that names nothing
/// itself goes on from the machine's before it, with no piece or chip named
/// between; up to three amounts back.)
fn basis_of(s: &Sentence, hits: &Hits, amounts: &[Amount], i: usize, rent: bool, per_hour: bool) -> Basis {
    if let Some(b) = basis_told(s, hits, amounts, i, rent, per_hour) {
        return b;
    }
    for j in (i.saturating_sub(3)..i).rev() {
        let gap = amounts[j].end..amounts[j + 1].q.start;
        if gap.start > gap.end || s.chips.iter().any(|m| gap.start <= m.range.start && m.range.start < gap.end) || hits.any_in(list::UNIT, gap) {
            break;
        }
        match basis_told(s, hits, amounts, j, rent, per_hour) {
            Some(b) => return if b == Basis::System { b } else { Basis::Unit },
            None => continue,
        }
    }
    Basis::Unit
}

/// The basis that amount `i`'s own words tell ([`basis_of`]); none where
/// they name nothing and it would be one chip or card.
fn basis_told(s: &Sentence, hits: &Hits, amounts: &[Amount], i: usize, rent: bool, per_hour: bool) -> Option<Basis> {
    let a = &amounts[i];
    let clause = s.clauses()[s.clause_of(a.q.start)].clone();
    let clause_text = &s.text[clause.clone()];
    // (每个钟, 每个钟头: a word of each hour is rent by the hour as 小时 is.)
    if clause_text.contains("小时")
        || hits.find_iter_in(list::PER_HOUR, clause.clone()).any(|r| rent || s.text[r].starts_with('每'))
    {
        return Some(Basis::RentHour);
    }
    // 约7000元/卡/月: a rate by its period, right after the amount.
    if let Some((hourly, _)) = rate_period(s.text, a.end) {
        return Some(if hourly { Basis::RentHour } else { Basis::RentMonth });
    }
    // 按需每小时13块,包月的话一张卡6500上下: a clause of a month's rent is
    // rent by the month, whatever another clause rents by.
    if rent && MONTH_WORDS.iter().any(|w| clause_text.contains(w)) {
        return Some(Basis::RentMonth);
    }
    // (……租一个月两千块,买的话一张一万八: a clause of buying or selling
    // in a sentence of rent prices the card itself.)
    // (……,48G魔改版要两万三: nor any clause after one of buying that
    // follows the rent.)
    let buy_at = s.text.find(['买', '售', '卖']);
    let rent_at = hits.find_in(list::RENT, 0..s.text.len()).map(|r| r.start);
    let bought_before = matches!((rent_at, buy_at), (Some(r), Some(b)) if r < b && b < a.q.start);
    let rent = rent && !clause_text.contains(['买', '售', '卖']) && !bought_before;
    if rent && per_hour {
        return Some(Basis::RentHour);
    }
    if rent {
        return Some(Basis::RentMonth);
    }
    // From the clause before the amount's (一台8卡服务器,价格在……) or the
    // amount before it, whichever is later.
    let k = s.clause_of(a.q.start);
    let prev_clause = s.clauses()[k.saturating_sub(1)].start;
    let since = if i > 0 { amounts[i - 1].end.min(a.q.start) } else { 0 };
    let lead = since.max(prev_clause).min(clause.start)..a.q.start;
    if hits.any_in(list::UNIT, clause.start..a.q.start) {
        return Some(Basis::Unit);
    }
    (names_system(hits, clause) || names_system(hits, lead)).then_some(Basis::System)
}

/// Whether the sentence tells of renting: a word of rent (`price.rent`)
/// that is not the trade of who speaks (一家算力租赁公司负责人说, 朋友在做算力
/// 租赁: 租赁 with a trade word after it, or 做, 搞, 从事 just before it).
fn rents(s: &Sentence, hits: &Hits) -> bool {
    hits.find_iter_in(list::RENT, 0..s.text.len()).any(|r| {
        if &s.text[r.clone()] != "租赁" {
            return true;
        }
        let trade_after = hits.prefix_at(list::TRADE_AFTER, r.end, s.text.len()).is_some();
        let trade_before = chars_before(s.text, r.start, 4).contains(['做', '搞']) || chars_before(s.text, r.start, 5).contains("从事");
        !trade_after && !trade_before
    })
}

/// Whether `text` names a machine, module or rack as what is priced: not as
/// the trade of who speaks (一位服务器代理商表示, 服务器厂商). `part`: a part
/// of the sentence.
fn names_system(hits: &Hits, part: Range<usize>) -> bool {
    hits.find_iter_in(list::SYSTEM, part.clone()).any(|r| hits.prefix_at(list::TRADE_AFTER, r.end, part.end).is_none())
}

/// Prices in a table flattened from a web page: a row that holds only money
/// amounts ($1,999$1,599$999, or amounts split by spaces or bars), priced in
/// its label or the lines just above it (上市建议价格, 售价, MSRP), and the
/// nearest line above that names exactly as many known chips, in order: the
/// table's header (型号RTX 5090RTX 4090RTX 5080). The n-th amount is the n-th
/// chip's price. `mentions`: the chips of the whole text, in order; `lines`:
/// the normalized lines; `skip`: lines set aside as page furniture.
pub fn read_tables(
    ex: &Extractor,
    (lines, starts): (&[&str], &[usize]),
    mentions: &[super::chips::Mention],
    skip: &[bool],
    line_of: impl Fn(u32) -> u32,
    published: Option<PartialDate>,
    doc: &str,
) -> Vec<Price> {
    const LOOK_BACK: usize = 80;
    let mut out = Vec::new();
    for (k, line) in lines.iter().enumerate() {
        // A row starts with its amounts or a short label: look no further
        // than its first thirteen characters (at most 39 bytes of Han text
        // and a few spaces) for a digit or a currency sign.
        let head = &line.as_bytes()[..line.len().min(48)];
        // One pass, a sign looked for only at a byte one can start with.
        let sign = head.iter().enumerate().any(|(i, &b)| {
            ROW_START_BYTES[b as usize] && (b < 0x80 || ROW_SIGNS.iter().any(|c| head[i..].starts_with(c.as_bytes())))
        });
        if skip.get(k).copied().unwrap_or(false) || !sign {
            continue;
        }
        let Some(row) = money_row(line) else { continue };
        // The row is priced: its own label, or one of the three lines above.
        let priced = (k.saturating_sub(3)..=k).any(|j| {
            let l = lines[j];
            l.contains('价') || l.contains("MSRP") || l.contains("售")
        });
        if !priced {
            continue;
        }
        let header = (k.saturating_sub(LOOK_BACK)..k).rev().find_map(|j| {
            let (a, b) = (starts[j], starts[j] + lines[j].len());
            let first = mentions.partition_point(|m| m.range.start < a);
            let mut chips: Vec<usize> = Vec::new();
            for m in mentions[first..].iter().take_while(|m| m.range.end <= b) {
                match m.chip {
                    super::chips::ChipRef::Known(i) if !chips.contains(&i) => chips.push(i),
                    _ => return None,
                }
            }
            (chips.len() >= 2).then_some(chips)
        });
        let Some(chips) = header.filter(|c| c.len() == row.len()) else { continue };
        let line_no = line_of(k as u32 + 1);
        for (chip, (low, high, currency)) in chips.into_iter().zip(row) {
            out.push(Price {
                doc: doc.to_string(),
                line: line_no,
                evidence: line.to_string(),
                chip: ex.catalog.chips[chip].id.clone(),
                low,
                high,
                currency: currency.to_string(),
                qualifier: None,
                basis: Basis::Unit,
                date: published,
                role: None,
            });
        }
    }
    out
}

/// Prices in a table of rows, one chip a row, written with bars or tabs
/// between its cells (| H100 80G | 8.5~11 元 | 约 6500 元 |): under a header
/// row that tells what each column is (单卡每小时, 单卡包月, 整机价格), an amount
/// of a cell with its money named (in the cell or the column's header) is the
/// price of the row's chip, by the hour, by the month or for a machine as the
/// header says. A table whose header names no price, rent or money is read
/// for nothing. `mentions`, `lines`, `skip`: as for [`read_tables`].
pub fn read_grid_tables(
    ex: &Extractor,
    (lines, starts): (&[&str], &[usize]),
    mentions: &[super::chips::Mention],
    skip: &[bool],
    line_of: impl Fn(u32) -> u32,
    published: Option<PartialDate>,
    doc: &str,
) -> Vec<Price> {
    let mut out = Vec::new();
    let mut header: Option<Vec<&str>> = None;
    for (k, line) in lines.iter().enumerate() {
        let Some(cells) = grid_cells(line) else {
            header = None;
            continue;
        };
        if skip.get(k).copied().unwrap_or(false) {
            continue;
        }
        // |---|---|: the rule under the header.
        if cells.iter().all(|c| !c.is_empty() && c.chars().all(|ch| matches!(ch, '-' | ':' | ' '))) {
            continue;
        }
        let Some(head) = header.as_ref() else {
            let priced = cells.iter().any(|c| c.contains('价') || c.contains('租') || c.contains("每小时") || c.contains("包月") || crate::money::names_before(c) || c.contains('元'));
            header = Some(if priced { cells } else { Vec::new() });
            continue;
        };
        if head.is_empty() || cells.len() != head.len() {
            continue;
        }
        // The row's chip: the one known chip its first cell names.
        let (a, b) = (starts[k], starts[k] + line.len());
        let first_cell_end = a + line.find(cells[0]).map_or(0, |i| i + cells[0].len());
        let first = mentions.partition_point(|m| m.range.start < a);
        let chips: Vec<usize> = mentions[first..]
            .iter()
            .take_while(|m| m.range.end <= b)
            .filter(|m| m.range.end <= first_cell_end)
            .filter_map(|m| match m.chip {
                super::chips::ChipRef::Known(i) => Some(i),
                _ => None,
            })
            .collect();
        let [chip] = chips[..] else { continue };
        for (j, cell) in cells.iter().enumerate().skip(1) {
            let qs = find_quantities(cell);
            let [q] = &qs[..] else { continue };
            let rest = &cell[q.end..];
            let Some(currency) = currency_before(chars_before(cell, q.start, 4))
                .or_else(|| currency_after(rest).map(|c| c.0))
                .or_else(|| crate::money::names_before(head[j]).then(|| money_in(head[j])).flatten())
            else {
                continue;
            };
            let h = head[j];
            let basis = if ["每小时", "时租", "小时"].iter().any(|w| h.contains(w)) {
                Basis::RentHour
            } else if ["包月", "月租", "每月"].iter().any(|w| h.contains(w)) {
                Basis::RentMonth
            } else if ["整机", "服务器", "伺服器", "8卡", "八卡"].iter().any(|w| h.contains(w)) {
                Basis::System
            } else if h.contains('价') {
                Basis::Unit
            } else {
                continue;
            };
            out.push(Price {
                doc: doc.to_string(),
                line: line_of(k as u32 + 1),
                evidence: line.to_string(),
                chip: ex.catalog.chips[chip].id.clone(),
                low: q.low,
                high: q.high,
                currency: currency.to_string(),
                qualifier: super::qualify::qualifier(&cell[..q.start], rest),
                basis,
                date: published,
                role: None,
            });
        }
    }
    out
}

/// The cells of a line written as a row of a table: three or more cells
/// between bars (| a | b | c |) or two or more tabs; trimmed.
fn grid_cells(line: &str) -> Option<Vec<&str>> {
    let t = line.trim();
    if t.starts_with('|') && t.ends_with('|') && t.len() > 2 {
        let cells: Vec<&str> = t[1..t.len() - 1].split('|').map(str::trim).collect();
        return (cells.len() >= 3).then_some(cells);
    }
    // (Most lines hold no tab: nothing is split for them.)
    // (str::find of a char is a memchr.)
    let Some(tab) = t.find('\t') else { return None };
    if !t[tab + 1..].contains('\t') {
        return None;
    }
    let cells: Vec<&str> = t.split('\t').map(str::trim).collect();
    (cells.len() >= 3).then_some(cells)
}

/// The money a column's header names (价格(元), 美元/小时): its first currency
/// word or sign.
fn money_in(header: &str) -> Option<&'static str> {
    header.char_indices().find_map(|(i, _)| crate::money::word_at_start(&header[i..]).map(|c| c.0).or_else(|| crate::money::word_after(&header[i..]).map(|c| c.0)))
}

/// Currency signs, besides $, a table row may start its amounts with.
const ROW_SIGNS: &[&str] = &["¥", "￥", "€"];

/// The bytes a row's first amount may start with: a digit, $, or the first
/// byte of a sign of [`ROW_SIGNS`].
static ROW_START_BYTES: [bool; 256] = {
    let mut t = [false; 256];
    let mut b = b'0';
    while b <= b'9' {
        t[b as usize] = true;
        b += 1;
    }
    t[b'$' as usize] = true;
    let mut k = 0;
    while k < ROW_SIGNS.len() {
        t[ROW_SIGNS[k].as_bytes()[0] as usize] = true;
        k += 1;
    }
    t
};

/// The amounts of a line that holds nothing but money amounts (two or more,
/// each with its currency sign or word), with their currencies.
fn money_row(line: &str) -> Option<Vec<(f64, f64, &'static str)>> {
    let t = line.trim();
    let label_end = t.find(|c: char| c == '$' || c.is_ascii_digit() || c == '¥' || c == '€').unwrap_or(t.len());
    // A short label may lead the row (建议售价 $1,999 $999); after it, only
    // numbers, currency signs and words, and separators.
    if t[..label_end].chars().count() > 12
        || !t[label_end..].chars().all(|c| c.is_ascii() || "元万亿千美金人民币新台港日欧圆¥￥€|、,，".contains(c))
    {
        return None;
    }
    let mut row = Vec::new();
    let mut at = label_end;
    for q in find_quantities(t) {
        if q.start < label_end {
            continue;
        }
        let gap = &t[at..q.start];
        let prefix = currency_before(gap);
        let rest = &t[q.end..];
        let after = currency_after(rest);
        let currency = prefix.or(after.map(|a| a.0))?;
        let leftover = crate::money::strip_word_before(gap);
        if !leftover.chars().all(|c| c.is_whitespace() || matches!(c, '|' | '/' | '、' | ',')) {
            return None;
        }
        at = q.end + after.map_or(0, |a| a.1);
        row.push((q.low, q.high, currency));
    }
    let tail = t[at..].trim();
    (row.len() >= 2 && tail.chars().all(|c| matches!(c, '|' | '/'))).then_some(row)
}

/// A headline's price that the body tells again (RTX 4090 D首发秒光:售价12999元,
/// then 上周四……首发售价12999元): one fact, stated most fully in the body,
/// which may also date it (the launch day) where the headline only has the
/// day of publication. A headline is one of the first three lines that ends
/// with no full stop (a question or exclamation mark may end it); its price is dropped when dated by publication (or
/// not at all) and a later line has the same chip, amount, currency and
/// basis.
pub fn without_headline_repeats(prices: Vec<Price>, published: Option<PartialDate>) -> Vec<Price> {
    let headline = |p: &Price| p.line <= 3 && !p.evidence.trim_end().ends_with(['。', '」', '”']);
    let told_again = |p: &Price| {
        prices.iter().any(|q| {
            q.line > p.line && q.chip == p.chip && q.low == p.low && q.high == p.high && q.currency == p.currency && q.basis == p.basis
        })
    };
    let drop: Vec<bool> = prices.iter().map(|p| headline(p) && (p.date.is_none() || p.date == published) && told_again(p)).collect();
    prices.into_iter().zip(drop).filter(|(_, d)| !d).map(|(p, _)| p).collect()
}

/// Drops prices a document tells again: the same chip, amount, currency,
/// qualifier, basis, date and role as an earlier record.
pub fn dedupe(prices: Vec<Price>) -> Vec<Price> {
    let mut seen = std::collections::HashSet::new();
    // 禁之前,一张卡大概七八万块,……从七八万块被炒到了十二三万: one price told
    // twice in a sentence, once as the old side of a move: the move's telling
    // is the record, with the qualifier the other gave.
    let same = |a: &Price, b: &Price| {
        a.chip == b.chip && a.line == b.line && a.evidence == b.evidence && a.low == b.low && a.high == b.high && a.currency == b.currency && a.basis == b.basis
    };
    let mut prices = prices;
    let mut k = 0;
    while k < prices.len() {
        let told_in_move = (prices[k].role.is_none()).then(|| prices.iter().position(|m| m.role.is_some() && same(m, &prices[k]))).flatten();
        match told_in_move {
            Some(m) => {
                let qualifier = prices[k].qualifier;
                prices[m].qualifier = prices[m].qualifier.or(qualifier);
                prices.remove(k);
            }
            None => k += 1,
        }
    }
    prices
        .into_iter()
        .filter(|p| {
            seen.insert((
                p.chip.clone(),
                p.low.to_bits(),
                p.high.to_bits(),
                p.currency.clone(),
                p.qualifier,
                p.basis,
                p.date,
                p.role,
            ))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use crate::model::{Price, Record, Role};

    /// The sign shortcut of `names_currency` is exact: one-character hints
    /// carry the CURRENCY sign, longer ones start with a CURRENCY_LETTER.
    #[test]
    fn currency_hints_and_signs_agree() {
        use crate::extract::signs;
        for w in &signs::CURRENCY_COVER.codes {
            let first = w.chars().next().unwrap().to_string();
            assert_ne!(signs::of(&first) & signs::CURRENCY_LETTER, 0, "{w}");
        }
        assert_eq!(prices("H100售价为25000 USD。", "2024-05").len(), 1);
        // Every currency word the amounts are read with passes the gate.
        for w in crate::money::all_words().chain(["块"]) {
            let sign = signs::of(w);
            assert!(sign & signs::CURRENCY != 0 || (sign & signs::CURRENCY_LETTER != 0 && crate::extract::SENTENCE_LISTS.scan(w).any(super::list::CURRENCY_CODES)), "{w}");
        }
        // 美国 alone names no currency; 美元 and 美金 do.
        assert_eq!(signs::of("美国商务部") & signs::CURRENCY, 0);
        assert_eq!(prices("H20单卡售价约1.2万美金。", "2024-05").len(), 1);
    }

    #[test]
    fn the_local_money_is_the_one_named_most() {
        use crate::model::Script::Traditional;
        // (The text as the loader gives it, in simplified characters.)
        let macau = "业界估计V100在香港每张超过8万港元。本澳RTX 2080 Ti约售9,800至11,000澳门元,RTX 2080 SUPER由6,200澳门元起。";
        assert_eq!(super::local_currency(macau, Traditional), Some("MOP"));
        let hong_kong = "本澳售价6,200澳门元。香港行货RTX 4090售12,999港元,水货约11,000港币。";
        assert_eq!(super::local_currency(hong_kong, Traditional), Some("HKD"));
        // As often named: the first.
        assert_eq!(super::local_currency("香港售12,999港元,台湾售新台币5万9。", Traditional), Some("HKD"));
    }

    fn prices(text: &str, published: &str) -> Vec<Price> {
        let records = crate::extract::extract_text(text, published).records;
        records.into_iter().filter_map(|r| if let Record::Price(x) = r { Some(x) } else { None }).collect()
    }

    fn brief(p: &Price) -> String {
        format!(
            "{} {}-{} {} {} {} {}",
            p.chip,
            p.low,
            p.high,
            p.currency,
            p.qualifier.map_or("-".into(), |q| format!("{q:?}")),
            p.date.map_or("-".into(), |d| d.to_string()),
            p.role.map_or("-".into(), |r| format!("{r:?}"))
        )
    }

    fn briefs(text: &str, published: &str) -> Vec<String> {
        prices(text, published).iter().map(brief).collect()
    }

    /// Each text prices exactly one amount, from low to high.
    fn sums_are(cases: &[(&str, f64, f64)], published: &str) {
        for &(t, low, high) in cases {
            let p = prices(t, published);
            assert_eq!(p.iter().map(|p| (p.low, p.high)).collect::<Vec<_>>(), vec![(low, high)], "{t}");
        }
    }

    /// No text prices anything.
    fn no_price(texts: &[&str], published: &str) {
        for t in texts {
            assert!(prices(t, published).is_empty(), "{t}");
        }
    }

    #[test]
    fn a_round_sum_asked_or_quoted_is_a_price() {
        sums_are(&[
            ("H200有人报十八九万的。", 180000.0, 190000.0),
            ("H20整机现在要一百二十万。", 1200000.0, 1200000.0),
            ("RTX 4090而家都要两万。", 20000.0, 20000.0),
            ("昇腾910B渠道那边报12万出头。", 120000.0, 120000.0),
        ], "2025-03");
        no_price(&["英伟达季报十五万。", "H100主要两万张。", "这个H100集群只要两万就够了,需要两万张卡。"], "2025-03");
    }

    #[test]
    fn a_machine_of_a_chip_priced_in_wan_with_no_money_named() {
        sums_are(&[
            ("H20八卡整机过年前110万左右。", 1100000.0, 1100000.0),
            ("H100的8卡服务器去年底250万上下。", 2500000.0, 2500000.0),
            ("8卡的整机(HGX A100 80G)原来一百二三十万能拿。", 1200000.0, 1300000.0),
            ("H20其实已经涨过一轮了,年前一台整机还不到100万。", 1000000.0, 1000000.0),
        ], "2025-02-18");
        // Not a machine two clauses after the chip, nor a count of machines.
        no_price(&["连4090都被禁,国内显卡一夜疯涨,8卡服务器直奔300万", "H20八卡整机今年出货10万台。"], "2025-02-18");
    }

    #[test]
    fn a_sum_alone_in_a_chip_item_is_its_price() {
        assert_eq!(super::item_marker("- 魔改4090 48G:"), 2);
        assert_eq!(super::item_marker("4. Tesla T4:"), 3);
        assert_eq!(super::item_marker("12、H20:"), 5);
        assert_eq!(super::item_marker("3.5万一张"), 0);
        assert_eq!(super::item_marker("4090:"), 0);
        sums_are(&[
            ("4. Tesla T4:推理卡,16G显存,70W功耗,一万五到一万八左右,适合部署。", 15000.0, 18000.0),
            ("- 魔改RTX 4090 48G:深圳的改卡,2万2到2万5之间,涡轮单槽。", 22000.0, 25000.0),
            ("• RTX 3090:二手,在1万左右。", 10000.0, 10000.0),
        ], "2025-02-18");
        // A count, or a sum with other words in its clause, is no price.
        no_price(&["- H20:显存96G,出货量100万左右。", "- H20:今年卖了100万张。", "H20的显存96G,一万五到一万八左右的人在用。"], "2025-02-18");
    }

    #[test]
    fn a_sum_right_after_a_chip_is_its_price() {
        sums_are(&[
            ("RTX 4090大概14000元,比上个月便宜。", 14000.0, 14000.0),
            ("RTX 4090D非公卡大概一万三到一万四。", 13000.0, 14000.0),
            ("GTX 1080 Ti二手现在3500块就能收。", 3500.0, 3500.0),
            ("Titan RTX 24G一万八左右。", 18000.0, 18000.0),
            ("RTX 4090D一万三,不算贵。", 13000.0, 13000.0),
            ("H20现货也就十万出头。", 100000.0, 100000.0),
        ], "2025-05-20");
        // Not with anything else between (a count, a sum of sales), nor a
        // sum asked about or told with 都……了.
        no_price(&["H100大概一万张。", "H20芯片营收一百亿元。", "H200 20万?太离谱了。", "RTX 5090D现在2万8能收到吗,求渠道。", "H800都三百万了,想都不敢想。"], "2025-05-20");
    }

    #[test]
    fn a_chip_in_a_clause_of_time_or_circumstance_is_not_what_is_priced() {
        let chips = |t: &str| prices(t, "2025-09-18").iter().map(|p| p.chip.clone()).collect::<Vec<_>>();
        assert_eq!(chips("RTX Pro 6000D是辉达在H20一度被美国禁售后为中国推出的替代产品,单卡售价约人民币5万元。"), vec!["RTX Pro 6000D"]);
        assert_eq!(chips("一台8卡H100服务器,去年报价在50万新元以上,现在随着H200和B200陆续到货,已回落到约40万新元。"), vec!["H100", "H100"]);
        assert_eq!(chips("随着H200到货,H100的价格回落到约2万美元。"), vec!["H100"]);
        // The one chip named: still its price.
        assert_eq!(chips("在禁令生效后,H20售价约10万元。"), vec!["H20"]);
    }

    #[test]
    fn renting_said_plainly_and_a_clause_of_buying_in_a_sentence_of_rent() {
        use crate::model::Basis;
        let bases = |t: &str| prices(t, "2025-05-20").iter().map(|p| (p.low, p.basis)).collect::<Vec<_>>();
        assert_eq!(bases("去年一张H100一个月还能租到1万多。"), vec![(10000.0, Basis::RentMonth)]);
        assert_eq!(bases("RTX 4090现在租一个月两千块一张,买的话一张一万八到两万。"), vec![(2000.0, Basis::RentMonth), (18000.0, Basis::Unit)]);
        // 两千来块: 来 before the money, about that sum; a clause after one of
        // buying is no rent either.
        assert_eq!(
            bases("RTX 4090现在租一个月两千来块一张,买的话一张一万八到两万,48G魔改版要两万三左右。"),
            vec![(2000.0, Basis::RentMonth), (18000.0, Basis::Unit), (23000.0, Basis::Unit)]
        );
        let p = prices("RTX 3060二手一千来块。", "2025-05-20");
        assert_eq!(p.iter().map(|p| (p.low, p.qualifier)).collect::<Vec<_>>(), vec![(1000.0, Some(crate::model::Qualifier::About))]);
        assert!(prices("买了十来块RTX 4090。", "2025-05-20").is_empty());
        assert_eq!(
            bases("A100单卡月租金已从约1万元降至5000元上下,而8卡H100服务器的整机售价也从近300万元回落至230万元。"),
            vec![(10000.0, Basis::RentMonth), (5000.0, Basis::RentMonth), (3000000.0, Basis::System), (2300000.0, Basis::System)]
        );
    }

    #[test]
    fn a_stock_s_close_is_no_price() {
        no_price(&["台积电今天跌了快2%,收在870元,GB200服务器出货不受影响。", "英伟达股价收在130美元,H20停售的影响已经反映。"], "2025-04-17");
    }

    #[test]
    fn a_price_raised_or_dropped_to_is_the_new_price() {
        sums_are(&[
            ("RTX 3080加价到七八千。", 7000.0, 8000.0),
            ("RTX 3080被黄牛加价至八千元。", 8000.0, 8000.0),
            ("RTX 4060 Ti掉到3000元以下。", 3000.0, 3000.0),
            ("RTX 4090一度冲到两万三。", 23000.0, 23000.0),
            ("RTX 4090被炒高到两万五。", 25000.0, 25000.0),
            ("A100提价至15万元。", 150000.0, 150000.0),
        ], "2024-01-10");
        // From the old price: the old and the new.
        let p = prices("H20渠道价从10万元涨价到12万元。", "2024-01-10");
        assert_eq!(p.iter().map(|p| (p.low, p.role)).collect::<Vec<_>>(), vec![(100000.0, Some(Role::Before)), (120000.0, Some(Role::After))]);
        // Not a price: counts, a company's worth.
        no_price(&["RTX 4090出货量冲到300万片。", "英伟达市值冲到3万亿美元。", "这款显卡加价到位了。"], "2024-01-10");
    }

    #[test]
    fn two_markets_side_by_side_are_no_move() {
        for t in [
            "H100在美国的售价约2.5万至3万美元,但在灰色市场被炒高到4万美元以上。",
            "RTX 4090在台湾售价约6万元,而在香港已炒到7万元。",
        ] {
            let p = prices(t, "2024-03-12");
            assert_eq!(p.len(), 2, "{t}");
            assert!(p.iter().all(|p| p.role.is_none()), "{t}");
        }
        // The same market: a move.
        let p = prices("H100售价约3万美元,后来被炒高到4万美元以上。", "2024-03-12");
        assert_eq!(p.iter().map(|p| p.role).collect::<Vec<_>>(), vec![Some(Role::Before), Some(Role::After)]);
    }

    #[test]
    fn a_degree_of_the_chip_itself_compares_with_nothing() {
        for (t, n) in [
            ("较平价嘅RTX 5080建议售价999美元,香港行货约8,500港元,现货价亦炒到万2蚊左右。", 3),
            ("较新的H20售价约10万元,渠道价则在12万元左右。", 2),
            ("比较热门的RTX 4090卖到两万元,二手也要一万六。", 2),
        ] {
            assert_eq!(prices(t, "2025-02-10").len(), n, "{t}");
        }
        // A chip set against is still only compared with.
        let p = prices("H20的售价较A800的低,约10万元。", "2025-02-10");
        assert_eq!(p.iter().map(|p| p.chip.as_str()).collect::<Vec<_>>(), vec!["H20"]);
    }

    #[test]
    fn a_chip_where_it_is_sold_is_the_topic_of_the_sums_after() {
        for (t, want) in [
            ("另外二手RTX 4090也涨回来了,成色好的1.6w,去年年底才1.3w出头。", vec![16000.0, 13000.0]),
            ("闲鱼上的RTX 3090最近很多,品相好的大概五千五。", vec![5500.0]),
        ] {
            let p = prices(t, "2025-02-12");
            assert_eq!(p.iter().map(|p| p.low).collect::<Vec<_>>(), want, "{t}");
        }
        // Counts are no price; the topic clause must name no sum of its own.
        no_price(&["二手RTX 4090卖得很快,一周出了1.6万张。", "二手RTX 4090很抢手,上周卖出1.6万台。"], "2025-02-12");
        // 贵了快一万: how much dearer, no price.
        let p = prices("二手RTX 4090我上个月在虾皮看到5.5w到6w,比去年贵了快一万。", "2025-02-12");
        assert_eq!(p.iter().map(|p| (p.low, p.high)).collect::<Vec<_>>(), vec![(55000.0, 60000.0)]);
    }

    #[test]
    fn a_local_dollar_does_not_carry_into_the_mainland() {
        for (t, want) in [
            ("香港RTX 5090水货依家两万八蚊左右,大陆RTX 5090D二手都要万六,RTX 4090D二手万2就收到。", vec!["HKD", "CNY", "CNY"]),
            ("RTX 4090在台湾售价约新台币6万元,对岸则要1万3左右。", vec!["TWD", "CNY"]),
            ("RTX 4080香港行货大约九千蚊,内地京东上要八千出头。", vec!["HKD", "CNY"]),
            // (Buyers from the mainland are no market of it.)
            ("RTX 4090在台湾售价约新台币6万元,大陆买家来台扫货后涨到7万。", vec!["TWD", "TWD"]),
        ] {
            let p = prices(t, "2024-01-05");
            assert_eq!(p.iter().map(|p| p.currency.as_str()).collect::<Vec<_>>(), want, "{t}");
        }
    }

    #[test]
    fn a_move_told_by_its_size_is_a_difference() {
        for t in [
            "RTX 4090本周上涨500元。",
            "RTX 4080较上月下跌了300元。",
            "4090D今个月又加咗五百蚊。",
            "RTX 3070比上周跌咗200蚊。",
            "RTX 3060價格回落了150元。",
        ] {
            assert_eq!(prices(t, "2024-05-06").len(), 0, "{t}");
        }
        // The difference, then the new price: the new price alone.
        for (t, low) in [
            ("RTX 3080本周涨200元至5999元。", 5999.0),
            ("RTX 4090D降价1000元至12999元。", 12999.0),
            ("A800单卡价格上调了2万元到12万元。", 120000.0),
        ] {
            let p = prices(t, "2024-05-06");
            assert_eq!(p.iter().map(|p| (p.low, p.high)).collect::<Vec<_>>(), vec![(low, low)], "{t}");
        }
        // A move to a range keeps the range; the dearest price is a price.
        assert!(!super::after_difference_word("价格上涨至", "价格上涨至".len()));
        let p = prices("A800单卡渠道价已上涨至11万元到12万元。", "2023-06-29");
        assert_eq!(p.iter().map(|p| (p.low, p.high)).collect::<Vec<_>>(), vec![(110000.0, 120000.0)]);
        assert_eq!(prices("H20单卡最贵约12万元至13万元。", "2024-05").len(), 1);
    }

    #[test]
    fn a_headline_price_the_body_tells_again_is_the_body_s() {
        let text = "RTX 4090 D首发秒光:售价12999元 老款4090依旧炒到2万+\n2024-01-05 10:21\n上周四英伟达正式推出RTX 4090 D,首发售价12999元。";
        let got = prices(text, "2024-01-05");
        let d: Vec<(u32, String)> = got.iter().filter(|p| p.low == 12999.0).map(|p| (p.line, brief(p))).collect();
        assert_eq!(d, vec![(3, "RTX 4090D 12999-12999 CNY - 2023-12-28 -".to_string())]);
        // A headline price the body does not tell again stays; one it does is
        // the body's, whatever the headline ends with.
        let text = "H100要价百万台币?\n2023-08-20\n业者指出,H100在台湾供不应求。";
        assert_eq!(prices(text, "2023-08-20").iter().map(|p| p.line).collect::<Vec<_>>(), vec![1]);
        let text = "H100要价百万台币?\n2023-08-20\n业者指出,一张H100在台湾的售价约新台币100万元。";
        assert_eq!(prices(text, "2023-08-20").iter().map(|p| p.line).collect::<Vec<_>>(), vec![3]);
        // Nor is a body line a headline because it ends without a full stop.
        let text = "标题\n2023-08-20\n导语。\n正文。\nA100报价约8万元\nA100报价约8万元,较上周持平。";
        assert_eq!(prices(text, "2023-08-20").iter().map(|p| p.line).collect::<Vec<_>>(), vec![5]);
    }

    #[test]
    fn the_money_of_a_traditional_document_that_names_none() {
        use crate::model::Script::{Simplified, Traditional};
        let taiwan = "想跑本地LLM,5090现在要多少?原价屋、PChome的报价都在10万上下。台湾二手才这么贵?";
        assert_eq!(super::money_of_place(taiwan, Traditional), Some("TWD"));
        let hong_kong = "记者今日到旺角电脑中心视察,本港多间店舖的RTX 4090已经断货,售价约一万八千。";
        assert_eq!(super::money_of_place(hong_kong, Traditional), Some("HKD"));
        // Written in simplified characters, or naming neither place: none.
        assert_eq!(super::money_of_place(taiwan, Simplified), None);
        assert_eq!(super::money_of_place("RTX 4090售价约一万八千。", Traditional), None);
    }

    #[test]
    fn a_move_with_currency_carried_to_a_range_and_a_peak() {
        let b = briefs(
            "“A800 和H800 这类芯片,从原来的12万人民币左右,变成了现在25万甚至30万,甚至有高达50万一片。”",
            "2023-07",
        );
        assert_eq!(
            b,
            vec![
                "A800 120000-120000 CNY About - Before",
                "H800 120000-120000 CNY About - Before",
                "A800 250000-300000 CNY - 2023-07 After",
                "H800 250000-300000 CNY - 2023-07 After",
                "A800 500000-500000 CNY UpTo 2023-07 After",
                "H800 500000-500000 CNY UpTo 2023-07 After",
            ]
        );
    }

    #[test]
    fn the_nearest_chip_before_wins_over_an_earlier_list() {
        let b = briefs(
            "在这之后,英伟达旗下A100、H100、A800 和H800 等高性能GPU 芯片应声涨价,尤其旗舰级芯片H100,4 月中旬在海外电商平台就已炒到超4 万美元,甚至有卖家标价6.5 万美元。",
            "2023-07",
        );
        assert_eq!(b, vec!["H100 40000-40000 USD Over 2023-04 -", "H100 65000-65000 USD - 2023-04 -"]);
    }

    #[test]
    fn dates_of_a_move_from_a_pair_of_dates() {
        let b = briefs(
            "千芯科技董事长陈巍告诉《中国企业家》,以A100芯片为例,从去年年底到现在,其单价涨了超过50%,从之前约5万元涨到了近10万元。",
            "2023-04-23",
        );
        assert_eq!(b, vec!["A100 50000-50000 CNY About 2022-12 Before", "A100 100000-100000 CNY About 2023-04-23 After"]);
    }

    #[test]
    fn a_chip_after_the_price_in_the_same_sentence() {
        let b = briefs("今年4月份,李鹏以单个近8万元的价格,下单了上千英伟达A800芯片,10月中旬收到货后。", "2023-10");
        assert_eq!(b, vec!["A800 80000-80000 CNY About 2023-04 -"]);
    }

    #[test]
    fn a_range_after_a_move_from_an_original_price() {
        let b = briefs(
            "受此消息影响,从10月18日开始,国内电商渠道的RTX 4090显卡一度显示缺货,价格更是从原本的15000元左右,快速飙升至3万-5万元。",
            "2023-10",
        );
        assert_eq!(b, vec!["RTX 4090 15000-15000 CNY About - Before", "RTX 4090 30000-50000 CNY - 2023-10-18 After"]);
    }

    #[test]
    fn the_old_price_of_a_move_told_with_no_time_is_of_the_month_it_is_told() {
        let b = briefs("新规公布后,国内渠道RTX 4090显卡价格明显上涨,部分型号由1.3万元左右涨至2万元以上。", "2023-10-18");
        assert_eq!(b, vec!["RTX 4090 13000-13000 CNY About 2023-10 Before", "RTX 4090 20000-20000 CNY Over 2023-10-18 After"]);
        let b = briefs("多位渠道商告诉记者,搭载8张H20的服务器整机价格已从约100万元上涨至110万元至120万元。", "2025-02-24");
        assert_eq!(b, vec!["H20 1000000-1000000 CNY About 2025-02 Before", "H20 1100000-1200000 CNY - 2025-02-24 After"]);
        // A time told for the new price leaves the old one's open.
        let b = briefs("RTX 4090的售价从1.3万元,11月一度涨到2万元以上。", "2023-12-29");
        assert_eq!(b[0], "RTX 4090 13000-13000 CNY - - Before");
    }

    #[test]
    fn a_move_told_with_you() {
        let b = briefs("由于禁令影响,A800的价格由原来的9万元涨至15万元。", "2023-11");
        assert_eq!(b, vec!["A800 90000-90000 CNY - - Before", "A800 150000-150000 CNY - 2023-11 After"]);
    }

    #[test]
    fn every_word_of_rent_holds_a_needle_of_the_prefilter() {
        for w in super::words("price.rent") {
            assert!(super::RENT_NEEDLES.iter().any(|n| w.contains(n)), "{w}");
        }
        // (Few needles: the prefilter is cheap.)
        assert!(super::RENT_NEEDLES.len() <= 5, "{:?}", *super::RENT_NEEDLES);
    }

    #[test]
    fn stock_prices_orders_and_funding_are_not_prices() {
        let e = crate::extract::extract_text("受新规影响,英伟达股价已经从10月17日的446美元,一路下跌至10月20日的414美元。", "2023-10");
        assert!(e.records.is_empty() && e.warnings.is_empty(), "{e:?}");
        assert!(briefs("字节今年向英伟达订购了超过10 亿美元的A100。", "2023-07").is_empty());
        assert!(briefs("百度、腾讯向英伟达下了一笔累计达10亿美元的交付订单,总共采购约10万个A800芯片。", "2023-10").is_empty());
        assert!(briefs("百川智能宣布完成3亿美元新融资,用于购买H800。", "2023-10").is_empty());
    }

    #[test]
    fn counts_and_chip_names_are_not_money() {
        assert!(briefs("由于A100已经被禁止售往中国内地,国内同行预估仅有3万枚存量。", "2023-04").is_empty());
        assert!(briefs("寒武纪推出了思元370,售价未公布。", "2023-04").is_empty());
    }

    #[test]
    fn rent_per_month_and_system_prices() {
        let p = prices("英伟达把八块A100集成的DGX系统以租赁方式开放,每月租金为37000美元。", "2023-03");
        assert_eq!(p.len(), 1);
        assert_eq!(p[0].basis, crate::model::Basis::RentMonth);
        let p = prices("一台搭载8张H100的服务器售价约30万美元。", "2024-01");
        assert_eq!(p[0].basis, crate::model::Basis::System);
        assert_eq!(p[0].qualifier, Some(crate::model::Qualifier::About));
    }

    #[test]
    fn currencies_named_before_the_amount_and_conversions() {
        let b = briefs("据报导,辉达B200在台湾的售价约新台币100万元。", "2024-06");
        assert_eq!(b, vec!["B200 1000000-1000000 TWD About 2024-06 -"]);
        let b = briefs("H20的售价约为1.2万美元(约合人民币8.6万元)。", "2024-06");
        assert_eq!(b, vec!["H20 12000-12000 USD About 2024-06 -"]);
    }

    #[test]
    fn system_prices_now_and_before() {
        let b = briefs(
            "有经销商透露,一台配备8张H20的服务器报价约为140万元人民币,而此前配备H800的服务器报价则超过200万元。",
            "2024-03",
        );
        assert_eq!(b, vec!["H20 1400000-1400000 CNY About 2024-03 -", "H800 2000000-2000000 CNY Over - -"]);
    }

    fn bases(text: &str, published: &str) -> Vec<String> {
        prices(text, published).iter().map(|p| format!("{} {} {:?} {:?}", p.chip, p.low, p.basis, p.role)).collect()
    }

    #[test]
    fn hourly_prices_are_rent_by_the_hour() {
        assert_eq!(
            bases("H100的云服务价格已从每小时8美元降至2美元。", "2024-08"),
            vec!["H100 8 RentHour Some(Before)", "H100 2 RentHour Some(After)"]
        );
        assert_eq!(bases("H100云端租赁价格约为2美元/小时。", "2024-08"), vec!["H100 2 RentHour None"]);
        assert_eq!(bases("目前租用一张A100的价格是每小时1.5美元左右。", "2024-08"), vec!["A100 1.5 RentHour None"]);
    }

    #[test]
    fn machines_modules_and_racks_are_systems() {
        // The machine named in the clause before the price.
        assert_eq!(
            bases("一台搭载8张H800训练卡的标准AI计算机,现货价格在230万元左右。", "2023-10"),
            vec!["H800 2300000 System None"]
        );
        assert_eq!(bases("由8块H20组成的运算模组,报价约120万元人民币。", "2024-10"), vec!["H20 1200000 System None"]);
        assert_eq!(bases("英伟达GB200整柜售价约300万美元。", "2024-10"), vec!["GB200 3000000 System None"]);
        // A unit word next to the amount wins over a machine named before.
        assert_eq!(
            bases("这台服务器搭载8张H100,每张H100售价约3万美元。", "2024-01"),
            vec!["H100 30000 Unit None"]
        );
        // A system word clauses away does not make a card price a system price.
        assert_eq!(
            bases("英伟达发布了新的服务器平台,性能大增,不过A100单卡售价仍约1万美元。", "2023-01"),
            vec!["A100 10000 Unit None"]
        );
    }

    #[test]
    fn a_move_without_from() {
        assert_eq!(
            bases("一台搭载8张H800的AI服务器,现货价格在230万元左右,如今已飙至超过270万元。", "2023-10"),
            vec!["H800 2300000 System Some(Before)", "H800 2700000 System Some(After)"]
        );
        assert_eq!(
            bases("RTX 4090的售价原本为12999元,禁令消息传出后一度涨到2万元。", "2023-10"),
            vec!["RTX 4090 12999 Unit Some(Before)", "RTX 4090 20000 Unit Some(After)"]
        );
        // A range is no move; two chips are two prices.
        assert_eq!(bases("H20售价在1.2万到1.5万美元之间。", "2024-06"), vec!["H20 12000 Unit None"]);
        assert_eq!(
            bases("A100售价约1万美元,H100则涨到3万美元。", "2023-06"),
            vec!["A100 10000 Unit None", "H100 30000 Unit None"]
        );
    }

    #[test]
    fn amounts_in_wan_without_a_currency_in_a_price_sentence() {
        assert_eq!(
            bases("一台由8张A800组成的服务器,价格能从230万涨到330万。", "2024-02"),
            vec!["A800 2300000 System Some(Before)", "A800 3300000 System Some(After)"]
        );
        let p = prices("H800的报价一度被炒到了8万,而且有价无市。", "2023-08");
        assert_eq!((p.len(), p[0].currency.as_str(), p[0].low), (1, "CNY", 80000.0));
        // The currency of the document's last price carries (a Taiwan article).
        let p = prices("H20在台湾售价约新台币40万元。\n后来H20的价格一度涨到50万。", "2024-08");
        assert_eq!(p.iter().map(|p| p.currency.as_str()).collect::<Vec<_>>(), vec!["TWD", "TWD"]);
        // Counts in 万 are no money: no price word, or a unit after them.
        assert!(prices("英伟达今年向中国交付了约100万颗H20。", "2024-08").is_empty());
        assert!(prices("H20出货量达到100万,价格保持稳定。", "2024-08").is_empty());
    }

    #[test]
    fn a_chip_compared_with_is_not_the_one_priced() {
        // XG900 is unknown to the catalog, but the text calls it a chip: the
        // price is its own; A800 is only compared with.
        assert_eq!(bases("新推出的XG900芯片售价约为3万美元,较A800更贵。", "2024-01"), vec!["XG900 30000 Unit None"]);
        assert_eq!(bases("新推出的XG900售价约为3万美元,较A800更贵。", "2024-01"), Vec::<String>::new(), "a bare token is not called a chip");
        assert_eq!(
            bases("这款新卡售价约2万美元,比H100便宜不少。", "2024-01"),
            Vec::<String>::new()
        );
        // The price inside the comparison is the compared chip's.
        assert_eq!(
            bases("英伟达H200变体定价约2.7万美元。8晶片模组的预估售价约150万人民币,比此前H20模组120万人民币的价格稍高。", "2026-01"),
            vec!["H200 27000 Unit None", "H200 1500000 System None", "H20 1200000 System None"]
        );
    }

    #[test]
    fn a_table_row_of_prices_under_a_header_of_chips() {
        let text = "NVIDIA GeForce 显卡\n型号RTX 5090RTX 5080RTX 5070\nCUDA 核心数217601075261444\n建议售价(未税,美元)\n$1,999$999$549\n";
        assert_eq!(
            bases(text, "2025-01"),
            vec!["RTX 5090 1999 Unit None", "RTX 5080 999 Unit None", "RTX 5070 549 Unit None"]
        );
        // Amounts split by bars, a label on the row, yuan after each.
        let text = "| 型号 | H20 | L20 |\n| 售价 | 11万元 | 5万元 |";
        assert_eq!(bases(text, "2024-06"), vec!["H20 110000 Unit None", "L20 50000 Unit None"]);
        // A row whose count differs from the header's, or that is not priced, gives nothing.
        assert!(bases("型号RTX 5090RTX 5080RTX 5070\n建议售价\n$1,999$999", "2025-01").is_empty());
        assert!(bases("型号RTX 5090RTX 5080\n功耗\n$575$360", "2025-01").is_empty());
    }

    #[test]
    fn a_table_of_one_chip_a_row_under_a_header_of_what_each_column_is() {
        // Bars: per hour and per month as the header says, money in the cell.
        let text = "| 卡型 | 单卡每小时 | 单卡包月 | 备注 |\n|---|---|---|---|\n| H100 80G | 8.5~11 元 | 约 6500 元 | 大厂贵 |\n| A100 80G | 4.2~5.5 元 | 约 3000 元 | 库存充足 |";
        assert_eq!(
            bases(text, "2026-03"),
            vec!["H100 8.5 RentHour None", "H100 6500 RentMonth None", "A100 4.2 RentHour None", "A100 3000 RentMonth None"]
        );
        // Tabs, money named in the header, a machine's column.
        let text = "型号\t单卡价格(美元)\t8卡服务器(美元)\nH200\t30000\t280000\nH20\t12000\t110000";
        assert_eq!(
            bases(text, "2025-12"),
            vec!["H200 30000 Unit None", "H200 280000 System None", "H20 12000 Unit None", "H20 110000 System None"]
        );
        // A table that tells no price, rent or money gives nothing.
        assert!(bases("| 卡型 | 显存 | 功耗 |\n| H100 | 80 GB | 700 W |\n| A100 | 80 GB | 400 W |", "2026-03").is_empty());
    }

    #[test]
    fn a_converted_amount_in_brackets_is_the_same_price() {
        assert_eq!(bases("H20售价人民币9.9万元(约1.4万美元)。", "2024-06"), vec!["H20 99000 Unit None"]);
        assert_eq!(bases("B200单价约4万美元(约合28.8万元)。", "2024-06"), vec!["B200 40000 Unit None"]);
    }

    #[test]
    fn a_back_reference_needs_a_chip_noun_or_a_price_noun() {
        assert_eq!(
            bases("华为推出昇腾910B。\n该芯片的售价约为12万元。", "2024-01"),
            vec!["Ascend 910B 120000 Unit None"]
        );
        assert_eq!(bases("华为推出昇腾910B。\n其单价约为12万元。", "2024-01"), vec!["Ascend 910B 120000 Unit None"]);
        // 其 of another thing: a laptop's price is no chip's.
        assert!(bases(
            "摩尔线程推出华山芯片。\n此外,公司还发布了笔记型电脑,其32GB版本售价人民币9999元。",
            "2025-12"
        )
        .is_empty());
    }

    #[test]
    fn ranges_with_the_currency_on_both_ends_and_pieces_after_a_price() {
        assert_eq!(briefs("H20芯片目前单价为1.2万美元至1.5万美元不等。", "2024-06"), vec!["H20 12000-15000 USD - 2024-06 -"]);
        assert_eq!(briefs("B30A报价在3万美元到4万美元之间。", "2025-09"), vec!["B30A 30000-40000 USD - 2025-09 -"]);
        // 一颗 after a price counts pieces, it is no second price.
        assert_eq!(briefs("H200晶片的价格约为3.5万美元一颗。", "2024-06"), vec!["H200 35000-35000 USD About 2024-06 -"]);
        assert_eq!(briefs("A800卖12万元一张,H800更贵。", "2023-08"), vec!["A800 120000-120000 CNY - 2023-08 -"]);
    }

    #[test]
    fn more_than_and_broke_through() {
        assert_eq!(briefs("一张RTX 4090显卡现在要价2万多元。", "2024-06"), vec!["RTX 4090 20000-20000 CNY Over 2024-06 -"]);
        assert_eq!(briefs("H100售价3万余美元。", "2024-06"), vec!["H100 30000-30000 USD Over 2024-06 -"]);
        assert_eq!(briefs("目前H20价格已经跌破10万元。", "2024-06"), vec!["H20 100000-100000 CNY Under 2024-06 -"]);
        assert_eq!(briefs("A800的价格一度突破20万元。", "2023-10"), vec!["A800 200000-200000 CNY Over 2023-10 -"]);
    }

    #[test]
    fn the_sentence_just_before_names_the_chip() {
        assert_eq!(
            bases("英伟达将向中国客户供应H200。其8卡服务器售价约200万元。", "2025-12"),
            vec!["H200 2000000 System None"]
        );
        assert_eq!(
            bases("华为发布了昇腾910C。据渠道消息,售价约为每片12万元。", "2025-01"),
            vec!["Ascend 910C 120000 Unit None"]
        );
        // Not across a paragraph.
        assert!(bases("华为发布了昇腾910C。\n据渠道消息,售价约为每片12万元。", "2025-01").is_empty());
    }

    #[test]
    fn a_repeated_quote_is_one_record() {
        let text = "A800这类芯片,从原来的12万人民币左右,变成了现在25万。\n今年,这类GPU芯片从原来的12万人民币左右,变成了现在25万。";
        assert_eq!(prices(text, "2023-07").len(), 2);
    }

    #[test]
    fn dollar_signs_and_k() {
        let b = briefs("英伟达H200售价约为3.5万美元。", "2024-05");
        assert_eq!(b, vec!["H200 35000-35000 USD About 2024-05 -"]);
        let b = briefs("The H200 sells for $35,000 a piece, 英伟达H200单价约$3.2万。", "2024-05");
        assert_eq!(b, vec!["H200 35000-35000 USD - 2024-05 -", "H200 32000-32000 USD About 2024-05 -"]);
    }
}

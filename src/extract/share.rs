//! Market shares: a percentage that the text says is part of a market held by
//! someone.
//!
//! A percentage is a share when its clause has a share word (市占率, 市场份额,
//! 份额, 占比), says it is held (占, 占据, 占到……的) of a whole that is a market
//! or what is bought and sold in one (营收, 采购额, 出货量, 市场), or says who
//! uses what (80.6%都在用英伟达的GPU). Margins, growth, price changes,
//! utilization, performance ratios, fees and stakes are not shares, nor are
//! shares of power, time, budgets or GDP.

use std::ops::Range;
use std::sync::LazyLock;

use super::words::{Hits, Words, range_of};
use super::number::{Quantity, find_percents, find_quantities};
use super::text::{CharSet, chars_after, chars_before};
use super::{DocState, Extractor, Sentence, grammar, signs};
use crate::model::{Metric, Qualifier, Region, Share};

// The share reader's words are in the lexicon (src/lexicon/share.toml),
// read once, when a list's static is first used.
use crate::lexicon::words;

/// A lexicon list sorted longest first (stable), for readers that try its
/// words one by one: the order of the file has no meaning then.
fn longest_first(mut words: Vec<&'static str>) -> Vec<&'static str> {
    words.sort_by_key(|w| std::cmp::Reverse(w.len()));
    words
}

/// Words that name a share of a market outright.
static SHARE_WORDS: LazyLock<Vec<&'static str>> = LazyLock::new(|| words("share.share_words"));

/// Verbs of holding a part.
static HOLD_WORDS: LazyLock<Vec<&'static str>> = LazyLock::new(|| words("share.hold_words"));

/// Other verbs of taking a part of a market (拿下了80%的市场).
static TAKE_WORDS: LazyLock<Vec<&'static str>> = LazyLock::new(|| words("share.take_words"));

/// Wholes that are a market or what is bought and sold in one.
static MARKET_WHOLES: LazyLock<Vec<&'static str>> = LazyLock::new(|| words("share.market_wholes"));

/// Wholes that are not markets: power, time, budgets, the economy.
static NOT_MARKET_WHOLES: LazyLock<Vec<&'static str>> = LazyLock::new(|| words("share.not_market_wholes"));

/// Percentages of other things: margins, growth, changes, efficiency, fees, stakes.
static NOT_SHARE: LazyLock<Vec<&'static str>> = LazyLock::new(|| words("share.not_share"));

/// Holders that are spending, costs or physical quantities, not a part of a
/// market (研发投入占营收的比例, 功耗占整机的40%).
static NOT_HOLDERS: LazyLock<Vec<&'static str>> = LazyLock::new(|| words("share.not_holders"));

/// Words that deny what a sentence reports.
static DENIED: LazyLock<Vec<&'static str>> = LazyLock::new(|| words("share.denied"));

/// Verbs of use: 80.6%都在用英伟达的GPU.
static USE_WORDS: LazyLock<Vec<&'static str>> = LazyLock::new(|| words("share.use_words"));

/// [`NOT_MARKET_WHOLES`] for the whole a percentage is of, which is put
/// together from two parts of the sentence (the words after the verb of
/// holding and those after the percentage), so not asked of its hits.
static NOT_MARKET_WHOLES_W: LazyLock<Words> = LazyLock::new(|| Words::new(&NOT_MARKET_WHOLES));

/// The lists the reader asks about a sentence, by their place in
/// [`lists`].
mod list {
    /// Where the reader's lists start among the sentence's lists
    /// ([`super::super::SENTENCE_LISTS`]).
    const AT: usize = super::super::SHARE_LISTS_AT;
    pub const DENIED: usize = AT;
    pub const SHARE_WORDS: usize = AT + 1;
    pub const NOT_SHARE: usize = AT + 2;
    pub const NOT_HOLDERS: usize = AT + 3;
    pub const FORECAST: usize = AT + 4;
    /// Shipment words, then revenue words: a word's place tells which.
    pub const METRIC: usize = AT + 5;
    pub const MOVE_LINKS: usize = AT + 6;
    pub const USE_WORDS: usize = AT + 7;
    pub const RANK_VERBS: usize = AT + 8;
    pub const REVENUE: usize = AT + 9;
    pub const MARKET_WHOLES: usize = AT + 10;
    pub const TAKE_WORDS: usize = AT + 11;
    pub const HOLD_WORDS: usize = AT + 12;
    pub const SUBJECT_ENDS: usize = AT + 13;
    pub const REVENUE_FROM: usize = AT + 14;
    /// `share.people_words`: staff (研发人员).
    pub const PEOPLE: usize = AT + 15;
}

/// Every list the reader asks about a sentence or a part of it (a clause,
/// the words before or after a percentage), in the order of [`list`]: found
/// in the one scan of the sentence for all readers ([`Sentence::hits`]); it
/// was scanned once per list, and parts of it once more per percentage.
/// Only the words a reader puts together from parts (a subject phrase, a
/// whole) are still searched apart.
pub(super) fn lists() -> Vec<Vec<&'static str>> {
    vec![
        DENIED.to_vec(),
        SHARE_WORDS.to_vec(),
        NOT_SHARE.to_vec(),
        NOT_HOLDERS.to_vec(),
        FORECAST.to_vec(),
        [&SHIPMENT_WORDS[..], &REVENUE_WORDS[..]].concat(),
        MOVE_LINKS.to_vec(),
        USE_WORDS.to_vec(),
        RANK_VERBS.to_vec(),
        REVENUE.to_vec(),
        MARKET_WHOLES.to_vec(),
        TAKE_WORDS.to_vec(),
        HOLD_WORDS.to_vec(),
        SUBJECT_ENDS.to_vec(),
        words("share.revenue_from_words"),
        PEOPLE_WORDS.to_vec(),
    ]
}

/// How many lists [`lists`] gives.
pub(super) const LISTS: usize = 16;

/// Words that end a subject phrase on its left (据IDC统计,……).
static SUBJECT_STOPS: LazyLock<Vec<&'static str>> = LazyLock::new(|| words("share.subject_stops"));

/// Region words: a share of the market they name is `china` or `global`.
static CHINA_WORDS: LazyLock<Vec<&'static str>> = LazyLock::new(|| words("share.china_words"));
/// Not 国际 (国际数据公司 is IDC) nor a bare 世界 (世界第一).
static GLOBAL_WORDS: LazyLock<Vec<&'static str>> = LazyLock::new(|| words("share.global_words"));
static REGION_WORDS: LazyLock<Vec<&'static str>> = LazyLock::new(|| longest_first(words("share.region_words")));

/// `share.region_prefixes` of the lexicon.
static REGION_PREFIXES: LazyLock<Vec<&'static str>> = LazyLock::new(|| longest_first(words("share.region_prefixes")));
/// `share.rank_verbs` of the lexicon.
static RANK_VERBS: LazyLock<Vec<&'static str>> = LazyLock::new(|| words("share.rank_verbs"));
/// `share.level_verbs` of the lexicon.
static LEVEL_VERBS: LazyLock<Vec<&'static str>> = LazyLock::new(|| words("share.level_verbs"));
/// `share.place_words`: region words that always name a place (国内, 全球).
static PLACE_WORDS: LazyLock<Vec<&'static str>> = LazyLock::new(|| words("share.place_words"));
/// `share.place_after`: words after a region word that make it a place (的, 市场).
static PLACE_AFTER: LazyLock<Vec<&'static str>> = LazyLock::new(|| words("share.place_after"));
/// `share.level_link_ends`: the end of the link to a company's new level (达到).
static LEVEL_LINK_ENDS: LazyLock<Vec<&'static str>> = LazyLock::new(|| words("share.level_link_ends"));
/// `share.percent_joiners`: between two percentages of a list (与, 和).
static PERCENT_JOINERS: LazyLock<Vec<&'static str>> = LazyLock::new(|| words("share.percent_joiners"));
/// `share.list_joiners`: between two companies of a list (、, 和, 跟).
static LIST_JOINERS: LazyLock<Vec<&'static str>> = LazyLock::new(|| words("share.list_joiners"));
/// `share.contribute_to`: before the company a revenue is contributed to (为, 给).
static CONTRIBUTE_TO: LazyLock<Vec<&'static str>> = LazyLock::new(|| words("share.contribute_to"));
/// `share.change_openers`: a clause about a change (同比, 较).
static CHANGE_OPENERS: LazyLock<Vec<&'static str>> = LazyLock::new(|| words("share.change_openers"));
/// `share.topic_verbs`: where an earlier clause's topic is cut (为, 达到).
static TOPIC_VERBS: LazyLock<Vec<&'static str>> = LazyLock::new(|| words("share.topic_verbs"));
/// `share.topic_counted`: what a topic counts, cut from its end (采购额).
static TOPIC_COUNTED: LazyLock<Vec<&'static str>> = LazyLock::new(|| words("share.topic_counted"));
/// `share.own_share_after`: a share word after a company (的份额).
static OWN_SHARE_AFTER: LazyLock<Vec<&'static str>> = LazyLock::new(|| words("share.own_share_after"));
/// `share.segment_revenue`: a revenue word after a business (业务收入).
static SEGMENT_REVENUE: LazyLock<Vec<&'static str>> = LazyLock::new(|| words("share.segment_revenue"));
/// `share.bare_links`: a clause that only links a percentage (为, 约为).
static BACK_SHARE_REFERENCES: LazyLock<Vec<&'static str>> = LazyLock::new(|| words("share.back_references"));
static COMPANY_SUFFIX_AFTER: LazyLock<Vec<&'static str>> = LazyLock::new(|| words("share.company_suffix_after"));
static EARLIER_OPENERS: LazyLock<Vec<&'static str>> = LazyLock::new(|| words("share.earlier_openers"));
static REST_WORDS: LazyLock<Vec<&'static str>> = LazyLock::new(|| words("share.rest_words"));
static BARE_LINKS: LazyLock<Vec<&'static str>> = LazyLock::new(|| words("share.bare_links"));

/// `share.speakers` of the lexicon.
static SPEAKERS: LazyLock<Vec<&'static str>> = LazyLock::new(|| words("share.speakers"));

/// Every region word in one automaton; 在华为 listed first so that it, not
/// 在华, is found there (在华为 is not 在华).
static REGION_W: LazyLock<(aho_corasick::AhoCorasick, Vec<Option<Region>>)> = LazyLock::new(|| {
    let mut words = vec!["在华为"];
    let mut meaning = vec![None];
    for w in CHINA_WORDS.iter() {
        words.push(w);
        meaning.push(Some(Region::China));
    }
    for w in GLOBAL_WORDS.iter() {
        words.push(w);
        meaning.push(Some(Region::Global));
    }
    let ac = aho_corasick::AhoCorasickBuilder::new()
        .kind(Some(aho_corasick::AhoCorasickKind::DFA))
        .prefilter(false)
        .match_kind(aho_corasick::MatchKind::LeftmostFirst)
        .build(&words)
        .expect("region words build an automaton");
    (ac, meaning)
});

fn region_of(text: &str) -> Option<Region> {
    let (ac, meaning) = &*REGION_W;
    let mut global = false;
    for m in ac.find_iter(text) {
        match meaning[m.pattern().as_usize()] {
            Some(Region::China) => return Some(Region::China),
            Some(Region::Global) => global = true,
            None => {}
        }
    }
    global.then_some(Region::Global)
}

/// The region of a share's own words: a region word that names where the
/// market is (中国AI芯片市场, 在中国的份额, 国内, 全球), not one that describes
/// something else in the clause (受惠于大陆消费补贴带动的拉货).
fn region_of_market(text: &str) -> Option<Region> {
    let (ac, meaning) = &*REGION_W;
    let mut global = false;
    for m in ac.find_iter(text) {
        let Some(region) = meaning[m.pattern().as_usize()] else { continue };
        let word = &text[m.range()];
        let after = chars_after(text, m.end(), 10);
        let names_place = PLACE_WORDS.contains(&word)
            || PLACE_AFTER.iter().any(|w| after.starts_with(w))
            || after.contains("市场")
            || !market_hits(after).is_empty()
            || m.end() == text.len()
            || text[m.end()..].trim().chars().count() <= 2;
        if !names_place {
            continue;
        }
        match region {
            Region::China => return Some(Region::China),
            Region::Global => global = true,
        }
    }
    global.then_some(Region::Global)
}

fn qualifier(text: &str, q: &Quantity) -> Option<Qualifier> {
    let span = &text[q.start..q.end];
    // 近半, 过半: the qualifier is inside the span.
    // 近乎为零, 几乎为0: a zero approached (see `with_zero_ends`).
    if span.starts_with('近') || ZERO_APPROACH.iter().any(|w| span.starts_with(w)) {
        return Some(Qualifier::About);
    }
    if span.starts_with('过') || span.starts_with('超') {
        return Some(Qualifier::Over);
    }
    // (The span of 过半, 超半, 逾半, 近半 is 半 alone: its word is right before.)
    if span.starts_with('半') {
        match text[..q.start].chars().next_back() {
            Some('过' | '超' | '逾') => return Some(Qualifier::Over),
            Some('近') => return Some(Qualifier::About),
            _ => {}
        }
    }
    super::qualify::qualifier(chars_before(text, q.start, 6), chars_after(text, q.end, 3))
}

/// share words, not holding. `span`: the part of the sentence `text` (the
/// words of a clause before a percentage), asked from its `hits`; the
/// offset returned is from the part's start.
fn find_hold<'t>(text: &'t str, hits: &Hits, span: Range<usize>) -> Option<(usize, &'t str)> {
    // The earliest, and the longest at one place (拿下了 over 拿下).
    if let Some(r) = hits.find_in(list::TAKE_WORDS, span.clone()) {
        return Some((r.start - span.start, &text[r]));
    }
    // Where a hold word may start: at a first character of one (占), derived
    // from the list.
    static HOLD_FIRST: LazyLock<Vec<char>> = LazyLock::new(|| {
        let mut firsts: Vec<char> = HOLD_WORDS.iter().filter_map(|w| w.chars().next()).collect();
        firsts.sort_unstable();
        firsts.dedup();
        firsts
    });
    let part = &text[span.clone()];
    let at = |i: usize| {
        let rest = &part[i..];
        if rest.starts_with("占比") || rest.starts_with("占有率") || part[..i].ends_with('市') {
            return None;
        }
        hits.prefix_at(list::HOLD_WORDS, span.start + i, span.end).map(|r| (i, &text[r]))
    };
    match HOLD_FIRST.as_slice() {
        &[c] => part.match_indices(c).find_map(|(i, _)| at(i)),
        firsts => part.match_indices(firsts).find_map(|(i, _)| at(i)),
    }
}

/// A cleaned noun phrase: no dates, prepositions, amounts or trailing 的.
fn clean_phrase(s: &Sentence, range: std::ops::Range<usize>) -> String {
    // Drop date mentions inside the range, and the word of time that leads
    // to one (本土芯片到2027年将占过半, 截至2024年).
    let mut out = cut_dates_with(s, range.clone(), &TIME_PREPOSITIONS);
    // (2022财年(截至1月底)来自中国的营收: brackets the cut emptied.)
    for empty in ["()", "（）", "(）", "（)"] {
        out = out.replace(empty, "");
    }
    // Leading stops: the phrase starts after the last of them.
    for stop in SUBJECT_STOPS.iter() {
        if let Some(i) = out.rfind(stop) {
            out = out[i + stop.len()..].to_string();
        }
    }
    // 按销售额计算合计份额, 若以营收计算: the count a share is told by
    // frames it; the subject is after it.
    if let Some(end) = count_frame_end(&out) {
        out = out[end..].to_string();
    }
    let mut t = out.trim().to_string();
    for _ in 0..3 {
        let before = t.clone();
        for p in ["在", "据", "其中", "而", "其", "仅", "只", "来自", ",", " "] {
            // 其他厂商: 其 opening a word is no pronoun.
            if p == "其" && NOT_PRONOUN.iter().any(|w| t.starts_with(w)) {
                continue;
            }
            if let Some(r) = t.strip_prefix(p) {
                t = r.trim().to_string();
            }
        }
        for suf in ["的", "在", "将", "也", "都", "均", "各", "已", "已经", "加起来", "合计", "一共", "总共", "的出货量", "出货量", "的出货", " "] {
            if let Some(r) = t.strip_suffix(suf) {
                t = r.trim().to_string();
            }
        }
        if t == before {
            break;
        }
    }
    // 在2021年 leaves a lone 在 behind after the date is cut.
    t = t.replace("在年", "").trim_end_matches('在').trim().to_string();
    t
}

/// Where a frame of the count ends in `phrase` (按销售额计算, 若以营收计算,
/// 以出货量来看): a word of `share.count_frame_closers` after one of
/// `share.count_frame_openers` that opens the phrase or a clause of it.
fn count_frame_end(phrase: &str) -> Option<usize> {
    COUNT_FRAME_CLOSERS
        .iter()
        .filter_map(|w| phrase.rfind(w).map(|i| (i, i + w.len())))
        .filter(|&(i, _)| {
            let from = phrase[..i].rfind([',', '，', ';', '；']).map_or(0, |k| k + phrase[k..].chars().next().map_or(1, char::len_utf8));
            let seg = phrase[from..i].trim_start();
            COUNT_FRAME_OPENERS.iter().any(|o| seg.starts_with(o)) && seg.chars().count() <= 12
        })
        .map(|(_, end)| end)
        .max()
}

/// `share.source_cues`: a sentence citing its source (数据显示).
static SOURCE_CUES: LazyLock<Vec<&'static str>> = LazyLock::new(|| words("share.source_cues"));
static COUNT_FRAME_OPENERS: LazyLock<Vec<&'static str>> = LazyLock::new(|| words("share.count_frame_openers"));
static COUNT_FRAME_CLOSERS: LazyLock<Vec<&'static str>> = LazyLock::new(|| words("share.count_frame_closers"));

/// Strips a leading region word (中国, 国内, 全球); keeps it when nothing
/// meaningful would remain (中国市场 stays 中国市场).
fn strip_region(phrase: &str) -> String {
    // The longest that fits first (中国大陆 before 中国): the list is sorted so.
    for r in REGION_PREFIXES.iter().filter(|r| phrase.starts_with(**r)) {
        if let Some(rest) = phrase.strip_prefix(r) {
            let rest = rest.trim();
            // 中国大陆(含香港): a note in brackets on the region is no holder;
            // the region with its note holds.
            // 中国大陆和香港: a region joined to another place is the holder whole.
            if rest.starts_with(['(', '（', '和', '与', '及', '、']) || rest.is_empty() {
                return phrase.to_string();
            }
            // (中国市场(含香港): the market with its note holds too.)
            let market_noted = rest.strip_prefix("市场").is_some_and(|r| r.starts_with(['(', '（']));
            if !rest.is_empty() && rest != "市场" && !market_noted && rest.chars().count() >= 2 {
                return rest.to_string();
            }
        }
    }
    phrase.to_string()
}

/// Metric words: shipments (出货, 出货量, 按出货量计, 销量) before revenue
/// (营收, 收入, 销售收入, 销售额).
static SHIPMENT_WORDS: LazyLock<Vec<&'static str>> = LazyLock::new(|| words("share.shipment_words"));
/// 产值 (output by value) counts money, as revenue does.
static REVENUE_WORDS: LazyLock<Vec<&'static str>> = LazyLock::new(|| words("share.revenue_words"));

/// The metric of a part of the sentence: shipments at the first shipment
/// word, else revenue if it has a revenue word.
fn metric_of(hits: &Hits, part: Range<usize>) -> Option<Metric> {
    let mut revenue = false;
    for (_, place) in hits.words_in(list::METRIC, part) {
        if place < SHIPMENT_WORDS.len() {
            return Some(Metric::Shipments);
        }
        revenue = true;
    }
    revenue.then_some(Metric::Revenue)
}

/// Every way of writing a percentage has one of %, 成, 半, / and 分之.
fn may_hold_percent(s: &Sentence) -> bool {
    s.signs & signs::PERCENT != 0
        || (s.signs & (signs::FEN | signs::ZHI) == signs::FEN | signs::ZHI && s.text.contains("分之"))
}

/// What the shares and market sentences of a document set so far: the
/// market, region, year and metric later shares that name none of them take
/// (据JPR 2019年第四季度全球GPU市场出货报告……英特尔以63%的市场占比……). Each
/// field holds the line it was set on and lapses `FRAME_LINES` lines later.
#[derive(Clone, Debug, Default)]
pub struct Frame {
    market: Option<(String, u32)>,
    region: Option<(Region, u32)>,
    year: Option<(i32, u32)>,
    metric: Option<(Metric, u32)>,
    /// Line of the last share read.
    share_line: Option<u32>,
    /// The last company revenue a share was a part of (英伟达营收).
    revenue_of: Option<(String, u32)>,
    /// The last share read, and the sentence it was read in: what a back
    /// reference at the start of the next sentence (而在2023年,这一比例……)
    /// points to.
    last: Option<(Share, usize)>,
}

/// How many lines a frame field lasts after it was set.
const FRAME_LINES: u32 = 6;

fn fresh<T: Clone>(slot: &Option<(T, u32)>, line: u32) -> Option<T> {
    slot.as_ref().filter(|(_, at)| line >= *at && line - *at <= FRAME_LINES).map(|(v, _)| v.clone())
}

/// Sentences about the future: they tell a forecast, not the frame later
/// shares are read in (IDC预计,2024年中国GPU服务器市场规模将达64亿美元); they
/// only fill a market or region no sentence before has set.
static FORECAST: LazyLock<Vec<&'static str>> = LazyLock::new(|| words("share.forecast"));

/// Words after a market term that make it the market a sentence is about.
static MARKET_AFTER: LazyLock<Vec<&'static str>> = LazyLock::new(|| words("share.market_after"));

/// Words a sentence without shares needs to frame the shares after it:
/// market terms are looked for just before them and at the start.
static FRAME_ANCHORS: LazyLock<Vec<&'static str>> = LazyLock::new(|| words("share.frame_anchors"));

/// Updates the frame from a sentence without shares that names a market
/// (JPR公布了2019年第四季度全球GPU市场出货报告).
fn frame_from_sentence(s: &Sentence, frame: &mut Frame) {
    // 公布2025财年第一季财报,营收达260.4亿美元: a company's fiscal period dates
    // the parts of its revenue told after it.
    if let Some(y) = s.dates.iter().find(|d| super::date::is_fiscal(s.text, d)).and_then(|d| d.date) {
        frame.year = Some((y.year, s.line));
    }
    // A sentence frames later shares only with a word of FRAME_ANCHORS (市场,
    // 出货, 业者营收): without one it frames nothing. (Not every word of
    // MARKET_AFTER: 营收 or 销量 alone would frame sentences that do not
    // frame today.)
    // One substring finder per anchor (faster here than an automaton: most
    // sentences are asked, and most hold none).
    static ANCHORS: LazyLock<Vec<memchr::memmem::Finder<'static>>> =
        LazyLock::new(|| FRAME_ANCHORS.iter().map(|w| memchr::memmem::Finder::new(w.as_bytes())).collect());
    let bytes = s.text.as_bytes();
    if !ANCHORS.iter().any(|f| f.find(bytes).is_some()) {
        return;
    }
    // Terms are looked for only just before those words and at the start.
    let text = s.text;
    let window = |end: usize| {
        let mut from = end.saturating_sub(60);
        while !text.is_char_boundary(from) {
            from += 1;
        }
        let mut to = (end + 6).min(text.len());
        while !text.is_char_boundary(to) {
            to -= 1;
        }
        from..to
    };
    let ends = ANCHORS
        .iter()
        .flat_map(|f| f.find_iter(bytes))
        .chain(std::iter::once(54.min(text.len())));
    let hit = ends
        .flat_map(|end| {
            let w = window(end);
            market_hits(&text[w.clone()])
                .into_iter()
                .map(move |(r, t)| (r.start + w.start..r.end + w.start, t))
        })
        .filter(|(r, _)| named_as_market(text, r))
        .max_by_key(|(r, _)| (r.end, std::cmp::Reverse(r.start)));
    let Some((r, term)) = hit else {
        // 在中国市场: the region alone.
        if let Some(i) = s.text.find("市场") {
            if let Some(region) = region_of(&s.text[clause_start(s.text, i)..i]) {
                frame.region = Some((region, s.line));
            }
        }
        return;
    };
    let hits = s.hits();
    let forecast = hits.any(list::FORECAST);
    if let Some(region) = region_of(&s.text[clause_start(s.text, r.start)..r.end]) {
        // A forecast fills a missing region, never replaces one.
        if !forecast || fresh(&frame.region, s.line).is_none() {
            frame.region = Some((region, s.line));
        }
    }
    if forecast {
        // A forecast names the market a text is about when nothing else has.
        if fresh(&frame.market, s.line).is_none() {
            frame.market = Some((term.to_string(), s.line));
        }
        return;
    }
    frame.market = Some((term.to_string(), s.line));
    let year = s.dates.iter().rev().find(|d| d.end <= r.start).or_else(|| s.dates.first()).and_then(|d| d.date);
    if let Some(d) = year {
        frame.year = Some((d.year, s.line));
    }
    // (The count of the statement that names the market: not one told
    // before a semicolon, 英伟达2025财年营收里……13%;在国内AI加速卡市场.)
    if let Some(m) = metric_of(hits, statement_start(s.text, r.start)..s.text.len()) {
        frame.metric = Some((m, s.line));
    }
}

/// Start of the clause holding byte `at` (after the last comma or colon
/// before it), without laying out the sentence's clauses.
fn clause_start(text: &str, at: usize) -> usize {
    text[..at].rfind(super::text::is_clause_end).map_or(0, |i| i + text[i..].chars().next().map_or(1, char::len_utf8))
}

/// Start of the statement holding byte `at`: after the last semicolon
/// before it, else the sentence's start.
fn statement_start(text: &str, at: usize) -> usize {
    text[..at].rfind([';', '；']).map_or(0, |i| i + text[i..].chars().next().map_or(1, char::len_utf8))
}

/// `share.total_revenue`: a company's whole revenue, the company unnamed (总营收).
static TOTAL_REVENUE: LazyLock<Vec<&'static str>> = LazyLock::new(|| words("share.total_revenue"));

/// `share.count_times`: spans of time a count is told over (全年, 全季).
static COUNT_TIMES: LazyLock<Vec<&'static str>> = LazyLock::new(|| words("share.count_times"));

/// Where a word of what is counted (营收, 出货) stands that an amount follows
/// (营收134.96亿美元, 出货约190万张, 营收为24.91亿元), in a clause's text.
fn counted_at(clause: &str) -> Option<usize> {
    SHIPMENT_WORDS.iter().chain(REVENUE_WORDS.iter()).flat_map(|w| clause.match_indices(w)).map(|(i, w)| (i, i + w.len())).filter(|&(_, e)| {
        let mut rest = clause[e..].trim_start_matches(['量', '额']);
        for w in COUNT_LINKS.iter() {
            rest = rest.strip_prefix(w).unwrap_or(rest);
        }
        find_quantities(rest).first().is_some_and(|q| q.start == 0) && ends_with_amount(rest)
    }).map(|(i, _)| i).min()
}

/// `share.count_links`: words between what is counted and its amount (约, 为, 达).
static COUNT_LINKS: LazyLock<Vec<&'static str>> = LazyLock::new(|| longest_first(words("share.count_links")));

/// `share.total_units`: units a total of a market is counted in (张, 台, 美元).
static TOTAL_UNITS: LazyLock<Vec<&'static str>> = LazyLock::new(|| longest_first(words("share.total_units")));

/// Whether clause `c` of `s` tells the total of a market: a word of what a
/// market counts (出货量, 市场规模, 营收) and an amount in a unit at its end
/// (约为33.5万张, 达到400亿元).
fn total_clause(s: &Sentence, hits: &Hits, c: Range<usize>) -> bool {
    (hits.any_in(list::MARKET_WHOLES, c.clone()) || hits.any_in(list::METRIC, c.clone())) && ends_with_amount(&s.text[c])
}

/// [`total_clause`] for a text outside the sentence (the sentence before).
fn told_a_total(clause: &str) -> bool {
    let clause = clause.trim_end_matches(|c: char| super::text::is_clause_end(c) || c.is_whitespace());
    (MARKET_WHOLES.iter().any(|w| clause.contains(w)) || REVENUE_WORDS.iter().chain(SHIPMENT_WORDS.iter()).any(|w| clause.contains(w)))
        && ends_with_amount(clause)
}

/// `share.size_words`: words of a market's size (市场规模).
static SIZE_WORDS: LazyLock<Vec<&'static str>> = LazyLock::new(|| words("share.size_words"));

/// Whether a total clause counts money (约为450亿美元, 达到400亿元).
fn in_money(clause: &str) -> bool {
    let t = clause.trim_end();
    t.ends_with('元') || t.ends_with("人民币")
}

/// Whether `clause` ends with a number and a unit of [`TOTAL_UNITS`].
fn ends_with_amount(clause: &str) -> bool {
    let t = clause.trim_end();
    let Some(u) = TOTAL_UNITS.iter().find(|u| t.ends_with(*u)) else { return false };
    let rest = t[..t.len() - u.len()].trim_end_matches(['万', '亿', '千', '百', ' ']);
    find_quantities(rest).last().is_some_and(|q| q.end == rest.len())
}

/// Whether the market term at `r` names what the sentence is about: followed
/// by 市场, 出货, ... (AI芯片市场, 服务器出货), a form that holds 市场 itself
/// (推理市场), or the topic that opens the sentence (独立显卡较上季增长3.0%).
fn named_as_market(text: &str, r: &std::ops::Range<usize>) -> bool {
    let mut after = text[r.end..].trim_start_matches([' ', '的']);
    // 独立绘图卡(AIB)出货量: an abbreviation in brackets stands between.
    if let Some(rest) = after.strip_prefix(['(', '(']) {
        if let Some(close) = rest.find([')', ')']).filter(|&i| rest[..i].chars().count() <= 12) {
            after = rest[close..].trim_start_matches([')', ')']).trim_start_matches([' ', '的']);
        }
    }
    // 晶圆代工业者营收: the trade's players, then what is counted.
    if let Some(rest) = after.strip_prefix("业者") {
        after = rest;
    }
    text[r.clone()].ends_with("市场")
        || MARKET_AFTER.iter().any(|w| after.starts_with(w))
        || r.start == 0
        // 就AI加速器而言, 在数据中心GPU方面: a term set as the topic.
        || TOPIC_CLOSERS.iter().any(|w| after.starts_with(w))
}

/// `share.topic_closers`: words that close a topic phrase (就……而言, 在……方面).
static TOPIC_CLOSERS: LazyLock<Vec<&'static str>> = LazyLock::new(|| words("share.topic_closers"));

pub fn read(ex: &Extractor, s: &Sentence, state: &mut DocState, doc: &str) -> Vec<Share> {
    // The sentence is scanned for the lists once, when first asked.
    let out = read_shares(ex, s, state, doc);
    let sentence = state.sentence;
    let frame = &mut state.share_frame;
    if out.is_empty() {
        frame_from_sentence(s, frame);
    }
    if let Some(sh) = out.last() {
        frame.last = Some((sh.clone(), sentence));
    }
    for sh in &out {
        frame.share_line = Some(s.line);
        // A part of one company's revenue frames nothing after it but a
        // part of the total revenue of a company left unnamed (占总营收52%).
        if sh.metric == Some(Metric::Revenue) && sh.region.is_none() && sh.market.as_ref().is_some_and(|m| m.ends_with("营收")) {
            frame.revenue_of = sh.market.clone().map(|m| (m, s.line));
            continue;
        }
        if let Some(m) = &sh.market {
            frame.market = Some((m.clone(), s.line));
        }
        if let Some(r) = sh.region {
            frame.region = Some((r, s.line));
        }
        if let Some(y) = sh.year {
            frame.year = Some((y, s.line));
        }
        // (A part of some revenue with no market, 英伟达2025财年营收里,中国大陆
        // 占比大约13%, counts no market a share after it is of.)
        if let Some(m) = sh.metric.filter(|&m| !(m == Metric::Revenue && sh.market.is_none() && sh.region.is_none())) {
            frame.metric = Some((m, s.line));
        }
    }
    out
}

/// Leading words that open a clause before its subject (当中GPU服务器……).
static SUBJECT_OPENERS: LazyLock<Vec<&'static str>> = LazyLock::new(|| words("share.subject_openers"));

/// Adverbs and verbs that end a subject phrase: 互联网仍是……, GPU卡目前仍占据……,
/// 国产芯片于推理市场……, 非GPU加速服务器增速很快.
static SUBJECT_ENDS: LazyLock<Vec<&'static str>> = LazyLock::new(|| words("share.subject_ends"));
/// [`SUBJECT_ENDS`] for the phrases [`subject_phrase`] is given, put
/// together from parts of the sentence.
static SUBJECT_ENDS_W: LazyLock<Words> = LazyLock::new(|| Words::new(&SUBJECT_ENDS));

/// Words of time that stand beside a holder, never inside its name.
static TIME_WORDS: LazyLock<Vec<&'static str>> = LazyLock::new(|| words("share.time_words"));
/// `share.same_period`: a time before a back reference (去年同期这一比例为22%).
static SAME_PERIOD: LazyLock<Vec<&'static str>> = LazyLock::new(|| words("share.same_period"));
/// `share.since_words`: words of time before a move to a level (如今已降至).
static SINCE_WORDS: LazyLock<Vec<&'static str>> = LazyLock::new(|| words("share.since_words"));
/// `share.inside_of`: words that place a holder inside a whole (在英伟达营收中的占比).
static INSIDE_OF: LazyLock<Vec<&'static str>> = LazyLock::new(|| words("share.inside_of"));

/// Words that open a rank before a holder (排名第二的迈威尔).
static RANK_OPENERS: LazyLock<Vec<&'static str>> = LazyLock::new(|| words("share.rank_openers"));
/// Verbs that make the company after them what another is compared with
/// (远超博通, 领先于三星), and words that do so with 相比 after it (与AMD相比).
/// `share.report_verbs`: forecasting and reporting verbs before a holder.
static REPORT_VERBS: LazyLock<Vec<&'static str>> = LazyLock::new(|| words("share.report_verbs"));
static COMPARE_VERBS: LazyLock<Vec<&'static str>> = LazyLock::new(|| words("share.compare_verbs"));
static COMPARE_BESIDE: LazyLock<Vec<&'static str>> = LazyLock::new(|| words("share.compare_beside"));

/// Words that are never a subject on their own.
static NOT_SUBJECT: LazyLock<Vec<&'static str>> = LazyLock::new(|| words("share.not_subject"));
/// `share.use_openers`: verbs of use before what is used (采用, 使用).
static USE_OPENERS: LazyLock<Vec<&'static str>> = LazyLock::new(|| words("share.use_openers"));

/// What follows the last count of pieces in `t` (140万张, 300 台), when two
/// characters or more do and no 的: a count is no part of a holder's name,
/// unless in a phrase that qualifies it (可装8片加速卡的机型).
fn after_last_count(t: &str) -> Option<&str> {
    let mut found = None;
    let mut digits_end = None;
    for (i, c) in t.char_indices() {
        if c.is_ascii_digit() {
            digits_end = Some(i + 1);
            continue;
        }
        let Some(end) = digits_end else { continue };
        let gap = t[end..i].trim_matches(' ');
        if matches!(c, '张' | '台' | '片' | '颗' | '块' | '套' | '枚') && matches!(gap, "" | "万" | "亿" | "余万" | "多万" | "千") {
            found = Some(i + c.len_utf8());
            digits_end = None;
        } else if !matches!(c, '万' | '亿' | '千' | '余' | '多' | ' ' | '.' | ',') {
            digits_end = None;
        }
    }
    let rest = t[found?..].trim_start_matches([' ', ',', '，', '　']);
    // (可装8片加速卡的机型: a count inside a phrase 的 ends qualifies its noun.)
    (rest.chars().count() >= 2 && !rest.contains('的')).then_some(rest)
}

/// A subject noun phrase out of the words before a share: openers dropped,
/// cut at the first adverb or verb, 等 lists reduced to their head
/// (ASIC、FPGA等非GPU加速服务器 → 非GPU加速服务器). Empty when nothing
/// nominal is left (仍最受最终用户青睐).
fn subject_phrase(phrase: &str) -> String {
    // 原话大意是“我们在中国的市场份额……: the holder is inside the quote.
    let phrase = match phrase.rfind(['“', '「', '『']) {
        Some(i) => &phrase[i..],
        None => phrase,
    };
    let mut t = phrase.trim().trim_start_matches(['“', '"', '「', '『', '‘']);
    // 2. 中国AI加速卡……: the number of a list item is not the holder's.
    let numbered = t.trim_start_matches(|c: char| c.is_ascii_digit());
    // (The mark may be a wide one, 、 or ）: what follows starts after it.)
    let after_mark = numbered.strip_prefix(['.', '、', ')', '）']);
    if numbered.len() < t.len() && after_mark.is_some_and(|r| !r.starts_with(|c: char| c.is_ascii_digit())) {
        t = numbered.trim_start_matches(['.', '、', ')', '）', ' ']);
    }
    // (2021会计年度第1季,截至今年4月)资料中心营收: the end of an aside in
    // brackets opened in a clause before; the holder follows it.
    if let Some(i) = t.rfind([')', '）']).filter(|&i| !t[..i].contains(['(', '（'])) {
        t = t[i..].trim_start_matches([')', '）']).trim_start();
    }
    // 业界预计至国产AI晶片: the holder after the one who forecasts.
    // (Only where a holder follows: 市场估计, alone, is left to the words
    // around.)
    if let Some(i) = REPORT_VERBS.iter().filter_map(|w| t.rfind(w).map(|i| i + w.len())).max() {
        let rest = t[i..].trim_start_matches([',', ' ']);
        // (业内估计其占比接近九成: a pronoun after it stands for the holder.)
        if rest.chars().count() >= 2 || rest == "其" || PRONOUNS.contains(&rest) {
            t = rest;
        }
    }
    loop {
        let before = t;
        if let Some(o) = crate::text::words::longest_prefix(t, &SUBJECT_OPENERS) {
            if let Some(r) = t.strip_prefix(o) {
                t = r.trim_start_matches([',', ' ']);
            }
        }
        if t == before {
            break;
        }
    }
    // 使用昇腾芯片的占比: the holder is what is used, when no noun it
    // qualifies follows (采用ASIC的AI服务器 stays whole).
    if let Some(o) = crate::text::words::longest_prefix(t, &USE_OPENERS) {
        let rest = t[o.len()..].trim_end_matches('的');
        if !rest.contains('的') && !rest.is_empty() {
            t = rest;
        }
    }
    // 中国加速卡市场中国产品牌: the holder after its setting.
    if let Some(i) = t.rfind("市场中").or_else(|| t.rfind("市场上")) {
        t = &t[i + "市场中".len()..];
    }
    // AI服务器市场外购芯片, GPU租赁市场头部几家云厂商: the holder after the
    // market that sets it.
    if let Some(i) = t.find("市场") {
        let after = &t[i + "市场".len()..];
        if after.chars().count() >= 2 && !after.starts_with(['的', '份', '占', '规']) && market_term(&t[..i]).is_some() {
            t = after;
        }
    }
    // 内地加速芯片出货近140万张 GPU: a count with its measure word ends a
    // clause of its own; the holder is what follows it.
    if let Some(rest) = after_last_count(t) {
        t = rest;
    }
    if let Some(r) = SUBJECT_ENDS_W.find(t) {
        t = &t[..r.start];
    }
    // 中国市场过去约占……: a word of time after the holder ends it; one
    // before it (今年国产芯片) opens the clause.
    while let Some(w) = crate::text::words::longest_prefix(t, &TIME_WORDS) {
        t = t[w.len()..].trim_start_matches([',', ' ']);
        // 本季来自中国(含香港)的营收: the part after the time.
        t = t.strip_prefix("来自").unwrap_or(t);
    }
    if let Some(i) = TIME_WORDS.iter().filter_map(|w| t.find(w)).filter(|&i| i > 0).min() {
        t = &t[..i];
    }
    // 排名第二的迈威尔: the holder after its rank.
    if let Some(i) = t.rfind('的') {
        let rank = &t[..i];
        if RANK_OPENERS.iter().any(|w| rank.starts_with(w)) && rank.chars().count() <= 6 {
            t = &t[i + '的'.len_utf8()..];
        }
    }
    if let Some(i) = t.rfind('等') {
        let head = &t[i + '等'.len_utf8()..];
        if head.chars().count() >= 2 {
            t = head;
        }
    }
    // 大华股份以9.9%的份额: the preposition before the figure ends the holder.
    let t = t.trim().trim_end_matches('的').trim().trim_start_matches('的');
    let t = t.strip_suffix("则以").or_else(|| t.strip_suffix('以')).unwrap_or(t).trim();
    let t = t.strip_suffix("分别").unwrap_or(t).trim();
    // 在2024年的AI服务器出货中, 今年全球AI服务器出货里: a setting, not a holder.
    if t.ends_with(['中', '里']) {
        return String::new();
    }
    // 在全球智能手机市场的份额: the market, not who holds the share; 我们: the
    // speaker, whom the words around name.
    if t.ends_with("市场") && !is_country(t) || SPEAKERS.contains(&t) {
        return String::new();
    }
    if t.chars().count() < 2 || NOT_SUBJECT.contains(&t) { String::new() } else { mainland_spelling(t) }
}

/// The characters the market lexicon's Taiwan and Hong Kong forms have and
/// their terms lack (晶, 伺, 资): a phrase without one has no such form.
static TAIWAN_CHARS: LazyLock<Vec<char>> = LazyLock::new(|| {
    let lex = &*MARKETS;
    let mut cs: Vec<char> = Vec::new();
    for (_, form, term) in lex.forms.iter() {
        let term = lex.terms[*term].as_str();
        cs.extend(form.chars().filter(|&c| c != ' ' && !term.contains(c)));
    }
    cs.sort_unstable();
    cs.dedup();
    cs
});

/// A noun phrase with the Taiwan and Hong Kong spellings of the market
/// lexicon's terms written as the terms are (国产AI晶片 → 国产AI芯片, AI伺服器 →
/// AI服务器): a subject is named in Simplified Chinese, as a market is.
fn mainland_spelling(t: &str) -> String {
    if !t.chars().any(|c| TAIWAN_CHARS.contains(&c)) {
        return t.to_string();
    }
    let mut hits = market_hits(t);
    // The longest form first where forms overlap.
    hits.sort_by_key(|(r, _)| (r.start, std::cmp::Reverse(r.end)));
    let mut out = String::with_capacity(t.len());
    let mut at = 0;
    for (r, term) in hits {
        if r.start < at {
            continue;
        }
        out.push_str(&t[at..r.start]);
        out.push_str(if t[r.clone()].contains(' ') { &t[r.clone()] } else { term });
        at = r.end;
    }
    out.push_str(&t[at..]);
    out
}

/// V来自X的营收: the part X of company V's revenue (英伟达来自新加坡的营收).
fn revenue_from(ex: &Extractor, s: &Sentence, hits: &Hits, range: Range<usize>) -> Option<(String, String)> {
    let text = &s.text[range.clone()];
    let Some(i) = text.find("来自") else { return region_revenue(ex, s, hits, range) };
    let rest = range.start + i + "来自".len();
    // The earliest revenue word after 来自.
    let j = hits.find_in(list::REVENUE_FROM, rest..range.end)?.start;
    let part = s.text[rest..j].trim();
    let v = s.vendors().iter().filter(|v| v.range.start >= range.start && v.range.end <= range.start + i).last()?;
    (part.chars().count() >= 2).then(|| (part.to_string(), vendor_zh(ex, v.vendor)))
}

/// 英伟达2024财年中国区营收在其总营收中的占比, 辉达在中国营收比重: a
/// company, then a place of `share.revenue_regions` and a revenue word right
/// after it, before the cue: the place's part of the company's revenue (the
/// place, as the holder, and the company).
fn region_revenue(ex: &Extractor, s: &Sentence, hits: &Hits, range: Range<usize>) -> Option<(String, String)> {
    let r = hits.find_in(list::REVENUE_FROM, range.clone())?;
    let v = s.vendors().iter().filter(|v| v.range.start >= range.start && v.range.end <= r.start).last()?;
    let between = s.text[v.range.end..r.start].trim_end_matches(['的', ' ']);
    let place = REVENUE_REGIONS.iter().filter(|w| between.ends_with(**w)).max_by_key(|w| w.len())?;
    // (在中国营收, 中国区营收; not 中国AI芯片营收, a segment.)
    let holder = place.trim_start_matches('在').trim_end_matches('区');
    let holder = if holder == "华" { "中国" } else { holder };
    Some((holder.to_string(), vendor_zh(ex, v.vendor)))
}

/// `share.revenue_regions`: places whose part of a company's revenue may be
/// told (中国区, 在华, 中国内地及香港).
static REVENUE_REGIONS: LazyLock<Vec<&'static str>> = LazyLock::new(|| words("share.revenue_regions"));

/// The name of a vendor in Chinese, for markets that are its revenue
/// (英伟达营收, AMD营收): the catalog's `name`, else its first alias in Han
/// characters, else its id.
fn vendor_zh(ex: &Extractor, vendor: usize) -> String {
    let v = &ex.catalog.vendors[vendor];
    if let Some(name) = &v.name {
        return name.clone();
    }
    v.aliases.iter().find(|a| a.chars().next().is_some_and(super::text::is_han)).cloned().unwrap_or_else(|| v.id.clone())
}

/// Revenue words: a share of them is a share of a company's revenue.
static REVENUE: LazyLock<Vec<&'static str>> = LazyLock::new(|| words("share.revenue"));

/// 从四年前的95%: a year given as years before publication.
fn years_ago(text: &str, published: Option<i32>) -> Option<i32> {
    let i = text.rfind("年前")?;
    let head = &text[..i];
    let digits: String = head.chars().rev().take_while(|c| c.is_ascii_digit() || "一二两三四五六七八九十".contains(*c)).collect();
    let digits: String = digits.chars().rev().collect();
    let n = if digits.chars().all(|c| c.is_ascii_digit()) {
        digits.parse::<i32>().ok()?
    } else {
        // The digits are 一 to 九, 两 and 十 (the filter above).
        let v: Vec<i32> = digits.chars().map(|c| super::text::cn_numeral_digit(c).map_or(10, i32::from)).collect();
        match v.as_slice() {
            [a] => *a,
            [10, b] => 10 + b,
            [a, 10] => a * 10,
            _ => return None,
        }
    };
    (1..=30).contains(&n).then(|| published.map(|y| y - n)).flatten()
}

/// Whether the words before a percentage open a move from it (从26%, 由九成; not 由于).
fn opens_a_move(before: &str) -> bool {
    before.contains('从') || before.contains('由') && !before.contains("由于")
}

/// Characters of a qualifier written before a percentage (约, 近, 逾, 超过).
const QUALIFIER_CHARS: &str = "约近逾超过接大概仅";

/// A link with the qualifier before the percentage cut off (以约 → 以).
fn without_qualifier(text: &str) -> &str {
    text.trim_end_matches(|c: char| QUALIFIER_CHARS.contains(c))
}

/// Marks right before a metric word that make it frame the sentence (按出货量计).
const METRIC_FRAME_MARKS: [&str; 5] = ["按", "以", "从", "就", "依"];
/// Whether `range` of `text` holds a word of condition (如果, 一旦, 若 but
/// not 若干): what it supposes is not told as held.
///
/// A condition that only sets how the share is counted (若以营收计算, 若计入
/// 分销商的销售, 若只看中国本土市场: `share.condition_frames` right after
/// it) supposes nothing.
fn supposed(text: &str, range: Range<usize>) -> bool {
    let t = &text[range];
    CONDITIONS.iter().any(|w| {
        t.match_indices(w).any(|(i, _)| {
            let rest = t[i + w.len()..].trim_start();
            !(*w == "若" && rest.starts_with('干')) && crate::text::words::longest_prefix(rest, &CONDITION_FRAMES).is_none()
        })
    })
}

static CONDITIONS: LazyLock<Vec<&'static str>> = LazyLock::new(|| words("share.conditions"));
static CONDITION_FRAMES: LazyLock<Vec<&'static str>> = LazyLock::new(|| words("share.condition_frames"));

/// 前者 and 后者: the former and the latter of two things named before.
pub(super) const FORMER_LATTER: [&str; 2] = ["前者", "后者"];
static FRAME_OPENERS: LazyLock<Vec<&'static str>> = LazyLock::new(|| words("share.frame_openers"));
static FRAME_CLOSERS: LazyLock<Vec<&'static str>> = LazyLock::new(|| words("share.frame_closers"));
static SPAN_WORDS: LazyLock<Vec<&'static str>> = LazyLock::new(|| words("share.span_words"));
static CONTRAST_OPENERS: LazyLock<Vec<&'static str>> = LazyLock::new(|| words("share.contrast_openers"));
static ORIGIN_WORDS: LazyLock<Vec<&'static str>> = LazyLock::new(|| words("share.origin_words"));
static ZERO_APPROACH: LazyLock<Vec<&'static str>> = LazyLock::new(|| words("share.zero_approach"));

/// Move verbs between the two ends of a share's move (从26%上升到27%).
static MOVE_LINKS: LazyLock<Vec<&'static str>> = LazyLock::new(|| words("share.move_links"));

/// A move that ends at nothing is written without a percent sign (从95%降到零,
/// 由九成跌至0): that end is a share of 0 when a percentage opens the move.
fn with_zero_ends(s: &Sentence, hits: &Hits, percents: &mut Vec<Quantity>) {
    let text = s.text;
    let mut zeros = Vec::new();
    for (i, p) in percents.iter().enumerate() {
        let clause = s.clauses()[s.clause_of(p.start)].clone();
        let window = &text[p.end..clause.end.max(p.end)];
        let window = &window[..window.char_indices().nth(10).map_or(window.len(), |(j, _)| j)];
        let Some(link) = hits.first_end_in(list::MOVE_LINKS, range_of(text, window)).map(|e| e - p.end) else { continue };
        // (一路跌到“基本为零”: quoted.)
        // (变成了0, 变为零: the link's second character.)
        let after = window[link..].trim_start_matches(['成', '为']).trim_start_matches('了').trim_start_matches(['“', '「', '"']);
        let link = window.len() - after.len();
        // 跌到近乎为零, 降至几乎为0: a zero approached; the words of approach
        // are part of the end (近乎为零 reads as about zero).
        let approach = crate::text::words::longest_prefix(after, &ZERO_APPROACH).map_or(0, |w| {
            let rest = &after[w.len()..];
            w.len() + ["为", "于", "到"].iter().find(|x| rest.starts_with(**x)).map_or(0, |x| x.len())
        });
        let digit = &after[approach..];
        let zero = approach + if digit.starts_with('零') { '零'.len_utf8() } else if digit.starts_with('0') { 1 } else { continue };
        // 降至0.5%, 到零点几, 为零售: not a bare zero.
        let next = after[zero..].chars().next();
        if next.is_some_and(|c| c.is_ascii_digit() || matches!(c, '.' | '%' | '％' | '点' | '售' | '件' | '部' | '星' | '头' | '碎' | '容')) {
            continue;
        }
        // Only the end of a move that a percentage opens: 从95%, 由九成.
        if !opens_a_move(&text[clause.start..p.start]) {
            continue;
        }
        let start = p.end + link;
        if percents.get(i + 1).is_some_and(|q| q.start < start + zero) {
            continue;
        }
        zeros.push(Quantity { start, end: start + zero, low: 0.0, high: 0.0 });
    }
    if !zeros.is_empty() {
        percents.extend(zeros);
        percents.sort_by_key(|q| q.start);
    }
}

/// The sentence's hits ([`Sentence::hits`]) are scanned when first asked.
fn read_shares(ex: &Extractor, s: &Sentence, state: &DocState, doc: &str) -> Vec<Share> {
    if !may_hold_percent(s) {
        return Vec::new();
    }
    let mut percents = find_percents(s.text);
    if percents.is_empty() {
        return Vec::new();
    }
    let hits: &Hits = s.hits();
    with_zero_ends(s, hits, &mut percents);
    // 英伟达将拿下30%的订单……公司已否认: a rumour denied states nothing.
    if hits.any(list::DENIED) {
        return Vec::new();
    }
    let frame = &state.share_frame;
    // The share the sentence before told last, if it was the one right before.
    let carried = frame.last.as_ref().filter(|(_, at)| at + 1 == state.sentence).map(|(sh, _)| sh);
    let sentence_has_share_word = hits.any(list::SHARE_WORDS);
    let mut out: Vec<Share> = Vec::new();
    // Subjects distributed over 分别为P1和P2.
    let mut distributed: Option<(usize, Vec<String>)> = None;
    // The percentages read as shares so far.
    let mut accepted: Vec<usize> = Vec::new();
    // 从P1升至P2: for each percentage, whether it opens or closes a move.
    let opens_move = |i: usize| -> bool {
        let p = &percents[i];
        let Some(q) = percents.get(i + 1) else { return false };
        let ci = s.clause_of(p.start);
        let link = &s.text[p.end..q.start];
        // 从2024年的约九成,下降至2025年的约八成: the move goes on after a comma
        // when the next clause opens with its verb.
        let next_clause_move = s.clause_of(q.start) == ci + 1 && {
            let head = s.text[s.clauses()[ci + 1].start..q.start].trim();
            head.chars().count() <= 12 && !s.vendors().iter().any(|v| s.clauses()[ci + 1].contains(&v.range.start))
        };
        if s.clause_of(q.start) != ci && !next_clause_move {
            return false;
        }
        let clause_start = s.clauses()[ci].start;
        let from = percents[..i].iter().rev().find(|x| x.start >= clause_start).map_or(clause_start, |x| x.end);
        let before = &s.text[from..p.start];
        opens_a_move(before) && link.chars().count() <= 14 && hits.any_in(list::MOVE_LINKS, p.end..q.start)
    };

    for (pi, p) in percents.iter().enumerate() {
        if p.high > 100.0 || p.low < 0.0 {
            continue;
        }
        let move_start = opens_move(pi);
        let move_end = pi > 0 && opens_move(pi - 1);
        let ci = s.clause_of(p.start);
        let clause = s.clauses()[ci].clone();
        let ctext = &s.text[clause.clone()];
        let local_before = &s.text[clause.start..p.start];
        let share_word = hits.find_in(list::SHARE_WORDS, clause.clone()).map(|r| r.start - clause.start);
        // 从市场份额来看,Intel维持在62%: a share word in a clause before.
        let earlier_word = share_word.is_none()
            && (hits.last_end_in(list::SHARE_WORDS, 0..clause.start).is_some_and(|e| {
                !percents.iter().any(|q| q.start >= e && q.end <= clause.start)
                    && (move_start || move_end || short_link(s, clause.start, p.start) || bare_link(s, hits, ci, p.start))
            }) || bare_move_link(s, hits, ci, p.start)
                // 从2024年的约九成,下降至2025年的约八成: the end of a move that
                // opened with a share.
                || move_end && accepted.last() == Some(&(pi - 1)));
        // AMD增加0.7个百分点达到19%: a company's new level, right after shares.
        let level_after_shares = frame.share_line.is_some_and(|l| l <= s.line && s.line - l <= 2) && {
            let lead = s.vendors().iter().rev().find(|v| v.range.start >= clause.start && v.range.end <= p.start);
            lead.is_some_and(|v| {
                let link = s.text[v.range.end..p.start].trim();
                link.chars().count() <= 16
                    && ((is_link(link) || link.contains("个百分点")) && LEVEL_LINK_ENDS.iter().any(|w| link.ends_with(w))
                        // 超微(AMD)与英特尔合计仅分得约2%: the rest, held together.
                        || together_link(link))
            })
        };
        // 联电与格芯分别以4.7%、4.6%位居第四、五名 (right after shares), 华为昇腾以约
        // 23%位居第二 (in a later clause of the sentence that told a share): a
        // rank held with a percentage.
        let rank_after_shares = (frame.share_line.is_some_and(|l| l <= s.line && s.line - l <= 2) || !out.is_empty()) && {
            let lead = s.vendors().iter().rev().find(|v| v.range.start >= clause.start && v.range.end <= p.start);
            // 大华股份则以9.9%的份额排名第二: a holder that is no vendor, named
            // right before 以.
            let named_lead = lead.is_none() && {
                let first = percents.iter().find(|q| q.start >= clause.start).map_or(p.start, |q| q.start);
                let head = without_qualifier(s.text[clause.start..first].trim());
                head.strip_suffix('以').is_some_and(|h| {
                    let name = h.trim_end_matches(grammar::HOLDER_ADVERBS).trim();
                    (2..=10).contains(&name.chars().count()) && !name.contains(|c: char| c.is_ascii_digit() || c == '%')
                })
            };
            let after = s.text[p.end..clause.end]
                .trim_start_matches(|c: char| c == '、' || c == '和' || c == '与' || c == '%' || c == '.' || c.is_ascii_digit() || QUALIFIER_CHARS.contains(c));
            (named_lead || lead.is_some_and(|v| {
                // Up to the first of the percentages told together (以4.7%、4.6%, 以约13%和约9%).
                let first = percents.iter().find(|q| q.start >= v.range.end).map_or(p.start, |q| q.start);
                let link = without_qualifier(s.text[v.range.end..first].trim());
                link.ends_with('以') && link.chars().count() <= 4
            })) && {
                // 以9.9%的份额排名第二: the share word before the rank.
                let mut at = clause.end - after.len();
                if let Some(w) = s.text[at..clause.end].strip_prefix('的').and_then(|_| hits.prefix_at(list::SHARE_WORDS, at + '的'.len_utf8(), clause.end)) {
                    at = w.end;
                }
                hits.prefix_at(list::RANK_VERBS, at, clause.end).is_some()
            }
        };
        let level_after_shares = level_after_shares || rank_after_shares;
        let hold = find_hold(s.text, hits, clause.start..p.start);
        // 80.6%都在用英伟达的GPU; 约七成的大模型训练都在用……: the users, then the verb of use.
        let uses = {
            let after = &s.text[p.end..clause.end];
            // Every verb of use holds 用.
            let after = if after.contains('用') { after } else { "" };
            let found = if after.is_empty() { None } else { hits.find_in(list::USE_WORDS, p.end..clause.end) };
            found.map(|r| (r.start - p.end, &s.text[r])).filter(
                |&(i, _)| {
                    let users = after[..i].trim();
                    users.is_empty()
                        || (users.starts_with('的')
                            && users.chars().count() <= 12
                            && !users.contains(|c: char| c.is_ascii_digit() || c == '%'))
                },
            )
        };

        // What the percentage is a share of.
        let after_p = &s.text[p.end..clause.end];
        // 占据了超过95%的数据中心GPU市场: the market named right after.
        let whole_after = after_p
            .find("的市场")
            .or_else(|| after_p.find("市场份额"))
            .or_else(|| after_p.find("市场").filter(|&i| after_p[..i].starts_with('的') && after_p[..i].chars().count() <= 14))
            .map(|i| &after_p[..i])
            // 贡献英伟达约13%的营收: a company's revenue named right after.
            .or_else(|| {
                after_p.strip_prefix('的')?;
                let w = hits.prefix_at(list::REVENUE, p.end + '的'.len_utf8(), clause.end)?;
                Some(&after_p[..w.end - p.end])
            });
        let whole = match hold {
            Some((hi, w)) => {
                let from = clause.start + hi + w.len();
                format!("{}{}", &s.text[from..p.start], whole_after.unwrap_or(""))
            }
            None => whole_after.unwrap_or("").to_string(),
        };

        // AMD为19%,英特尔为1%: a company's part after a share in the same sentence.
        let continues = !out.is_empty() && {
            let lead = s.vendors().iter().rev().find(|v| v.range.start >= clause.start && v.range.end <= p.start);
            match lead {
                // 超微则从8%降至6%, 华为则有望从23%升至26%: a company's own
                // move, told after a share.
                Some(v) if move_start || move_end => {
                    let first = if move_end { percents[pi - 1].start } else { p.start };
                    // 超微则从前一季的24%下滑至17%: the time of the start is no link.
                    let link = without_dates(s, v.range.end..first.max(v.range.end));
                    // SK海力士则由约57%降至约50%: a qualifier before the start.
                    let link = without_qualifier(link.trim()).trim_end_matches('的');
                    let link = crate::text::words::longest_suffix(link, &TIME_WORDS)
                        .map_or(link, |w| &link[..link.len() - w.len()]);
                    let link = link.strip_suffix('从').or_else(|| link.strip_suffix('由')).unwrap_or(link);
                    // 超微(AMD)则从32%降到20%: the abbreviation in brackets
                    // stands before the link.
                    let link = without_bracket(link);
                    link.chars().count() <= 6 && link.chars().all(|c| "则也仍将有望预计可望或已份额的市占率占比".contains(c))
                }
                // 辉达与超微分别约为20%与16%: the next of a list of percentages.
                Some(_) if pi > 0 && accepted.last() == Some(&(pi - 1)) && s.clause_of(percents[pi - 1].start) == ci
                    && PERCENT_JOINERS.contains(&without_qualifier(s.text[percents[pi - 1].end..p.start].trim())) => true,
                Some(v) => {
                    let link = s.text[own_product_end(ex, s, v)..p.start].trim();
                    is_link(link) || together_link(link)
                }
                // NVIDIA减少0.6个百分点,同样占有19%: the company of the clause before.
                None => {
                    ci > 0
                        && s.vendors().iter().any(|v| s.clauses()[ci - 1].contains(&v.range.start))
                        && is_link(local_before.trim())
                }
            }
        };
        // 这一比例曾高达约26%: the share just told, at another time (in the
        // sentence, or as the first share of the next: ……达到约52%;而在2023年,
        // 这一比例仅为三成左右).
        let told_before = out.last().or_else(|| carried.filter(|_| accepted.is_empty()));
        let refers_back_here = told_before.is_some() && {
            // 去年同期这一比例为22%: a time may stand before the reference.
            let mut t = opening_date(s, ci).map_or(ctext, |d| &s.text[d.end..clause.end]).trim_start();
            // (而上年同期这一比例为13%: a contrast may open the clause.)
            for o in ["而在", "而", "但"] {
                t = t.strip_prefix(o).unwrap_or(t);
            }
            for w in TIME_WORDS.iter().chain(SAME_PERIOD.iter()) {
                t = t.strip_prefix(w).unwrap_or(t);
            }
            BACK_SHARE_REFERENCES.iter().any(|w| t.starts_with(w))
        };
        // 份额约为17%,较几年前的95%大幅下滑: the level the share is compared
        // with is the same holder's, at that time.
        let earlier_level = pi > 0
            && accepted.last() == Some(&(pi - 1))
            && s.clause_of(percents[pi - 1].start) + 1 == ci
            && {
                let head = without_qualifier(s.text[clause.start..p.start].trim());
                head.ends_with('的') && EARLIER_OPENERS.iter().any(|w| head.starts_with(w)) && head.chars().count() <= 10
            };
        // 海康威视……市占率约24%,大华约9.9%; ……,非GPU加速服务器合计约8.1%: a
        // holder the catalog does not know, its link and its level, in the
        // clause right after a share.
        let named_lead = (!continues
            && !refers_back_here
            && !earlier_level
            && pi > 0
            && accepted.last() == Some(&(pi - 1))
            && s.clause_of(percents[pi - 1].start) + 1 == ci
            && !s.vendors().iter().any(|v| clause.contains(&v.range.start))
            && s.text[p.end..clause.end].trim().chars().count() <= 1)
            .then(|| named_holder(s, hits, clause.start..p.start))
            .flatten();
        let continues = continues || refers_back_here || earlier_level || named_lead.is_some();
        // ……2023年仅约2%,今年可望提升至5%: the same holder's level at the
        // time the clause opens with, right after its share.
        let time_level = !continues
            && pi > 0
            && accepted.last() == Some(&(pi - 1))
            && s.clause_of(percents[pi - 1].start) + 1 == ci
            && !s.vendors().iter().any(|v| clause.contains(&v.range.start))
            && dated_level(s, ci, p.start);
        let continues = continues || time_level;
        // 国产芯片的占比首次过半,达到约52%: a level told as a bound (过半,
        // 超过四成), then exactly in the clause right after, opened by a verb
        // of reaching: one share, the exact one.
        let restated = pi > 0
            && accepted.last() == Some(&(pi - 1))
            && s.clause_of(percents[pi - 1].start) + 1 == ci
            && out.last().is_some_and(|prev: &Share| match prev.qualifier {
                Some(Qualifier::Over) => p.low >= prev.percent,
                Some(Qualifier::Under) => p.high <= prev.percent,
                _ => false,
            })
            && {
                let head = s.text[clause.start..p.start].trim();
                !head.is_empty() && reaches_level(head) && head.chars().count() <= 6
            };
        let continues = continues || restated;
        let mut after_shares = false;
        // 依次为英伟达(70%)、华为(23%), 高通(24%)、苹果(15%)分列二、三位: a
        // company with its share in brackets right after it, in a sentence
        // about shares.
        let bracketed = sentence_has_share_word.then(|| bracketed_holder(s, p)).flatten();
        let is_share = if uses.is_some() || continues || share_word.is_some() || earlier_word || level_after_shares || bracketed.is_some() {
            true
        } else if let Some((hi, _)) = hold {
            // 在……AI加速芯片出货中,本土品牌将占四成: a clause before that sets
            // the market (ending with 中) frames the holding.
            // 就AI芯片而言,英伟达约占八成; 以ASIC芯片出货量来看,谷歌约占五成:
            // a clause that frames a market or what is counted does so too.
            let setting = ci > 0 && {
                let prev = s.clause_text(ci - 1).trim_end();
                // (……市场里, ……出货里: 里 sets it as 中 does.)
                let framed = prev.ends_with(['中', '里']) && hits.any_in(list::MARKET_WHOLES, range_of(s.text, prev));
                // JPR统计今年一季度全球独立显卡出货,英伟达占75%: a clause that
                // ends with the whole, a market term in it, frames it too.
                let ends_whole = || {
                    let r = range_of(s.text, prev);
                    hits.last_end_in(list::MARKET_WHOLES, r.clone()) == Some(r.end) && market_term(prev).is_some()
                };
                framed
                    || ends_whole()
                    || FRAME_CLOSERS.iter().any(|w| prev.ends_with(w))
                        && FRAME_OPENERS.iter().any(|w| prev.trim_start().starts_with(w))
                        && (hits.any_in(list::MARKET_WHOLES, range_of(s.text, prev)) || hits.any_in(list::METRIC, range_of(s.text, prev)) || market_term(prev).is_some())
            };
            let after_de = after_p.trim_start_matches('的');
            // 2023年中国AI加速卡出货量约为33.5万张,其中英伟达约占85%: a part
            // held, with no whole named, of the total the clause before told.
            let of_total = whole_after.is_none() && without_qualifier(whole.trim()).is_empty() && {
                // 其中 may stand as a clause of its own (其中,华为约占一成).
                let alone = ci > 0 && s.clause_text(ci - 1).trim() == "其中";
                let opens = alone || s.text[clause.start..clause.start + hi].trim_start().starts_with("其中");
                let k = if alone { ci - 1 } else { ci };
                if k > 0 {
                    total_clause(s, hits, s.clauses()[k - 1].clone())
                } else {
                    // ……出货量约为33.5万张。其中英伟达约占85%: the total in the
                    // sentence before, when this one opens with 其中.
                    opens && told_a_total(s.previous.trim_end_matches(['。', '；', ';', '!', '！']).rsplit(['，', ',']).next().unwrap_or(""))
                }
            };
            // ……约占总营收52%;新加坡约占15%: a part held, with no whole,
            // opening the sentence after shares on the same line.
            // (此外,联发科、苹果分别占13.1%和8.5%: after an opener, the
            // first of a list of percentages.)
            let opener_only = |k: usize| {
                let t = s.clause_text(k).trim();
                SUBJECT_OPENERS.contains(&t)
            };
            let rest_is_list = || {
                // The percentages of the clause from this one on, each joined
                // to the next (13.1%和8.5%), and nothing after the last.
                let tail: Vec<&Quantity> = percents.iter().filter(|q| q.start >= p.start && q.end <= clause.end).collect();
                let last_end = tail.last().map_or(p.end, |q| q.end);
                let joined = tail.windows(2).all(|w| PERCENT_JOINERS.contains(&without_qualifier(s.text[w[0].end..w[1].start].trim())));
                joined && s.text[last_end..clause.end].trim().chars().count() <= 1
            };
            after_shares = whole_after.is_none()
                && without_qualifier(whole.trim()).is_empty()
                && (ci == 0 || ci == 1 && opener_only(0))
                && frame.share_line == Some(s.line)
                && out.is_empty()
                && rest_is_list();
            (MARKET_WHOLES.iter().any(|w| whole.contains(w))
                || hits.prefix_at(list::MARKET_WHOLES, clause.end - after_de.len(), clause.end).is_some()
                || hits.any_in(list::MARKET_WHOLES, clause.start..clause.start + hi)
                || whole_after.is_some()
                || sentence_has_share_word
                || setting
                || of_total
                || after_shares)
                && !NOT_MARKET_WHOLES_W.any(&whole)
                && !hits.any_in(list::NOT_HOLDERS, clause.start..clause.start + hi)
                // 华为去年研发投入1647亿元,占全年收入的23.4%: a hold word that
                // opens its clause holds for the clause before.
                && !(ci > 0
                    && s.text[clause.start..clause.start + hi].trim().is_empty()
                    && hits.any_in(list::NOT_HOLDERS, s.clauses()[ci - 1].clone()))
        } else {
            false
        };
        if !is_share {
            continue;
        }
        // Other kinds of percentage in the same clause, close to it.
        let near = chars_before(s.text, p.start, 8);
        let near_local = &near[near.rfind('%').map_or(0, |i| i + 1)..];
        // 份额提升至40%: a change to a level still states the share.
        let near_level = without_qualifier(near);
        let reaches = |near_level: &str| {
            near_level.ends_with('至') || near_level.ends_with('到') || near_level.ends_with("达到")
                // 份额……已跌破50%: a level reached (not 跌了5%).
                || LEVEL_REACH.iter().any(|w| w.chars().count() >= 2 && near_level.ends_with(w))
        };
        let to_level = (share_word.is_some() || earlier_word || continues || level_after_shares)
            // (份额可能跌至不足一成: a qualifier word after the verb.)
            && (reaches(near_level) || reaches(without_qualifier(super::qualify::strip_qualifier_word(near_level))));
        let in_move = move_start || move_end;
        // 大华股份则以9.9%的份额: 股份 ending a company's name is no stake.
        let not_share_in = |r: Range<usize>| {
            hits.find_iter_in(list::NOT_SHARE, r).any(|w| {
                !(&s.text[w.clone()] == "股份" && COMPANY_SUFFIX_AFTER.iter().any(|a| s.text[w.end..].starts_with(a)))
            })
        };
        if (not_share_in(range_of(s.text, near_local)) && !to_level && !in_move)
            || (share_word.is_none()
                && hold.is_none()
                && !earlier_word
                && !continues
                && !level_after_shares
                && not_share_in(clause.clone()))
        {
            continue;
        }
        // 在国内GPU初创企业的核心研发人员中,来自英伟达、AMD的人员占比超过三成:
        // a part of a staff is no part of a market.
        let people = |r: Range<usize>| hits.any_in(list::PEOPLE, r);
        if people(clause.start..p.start) || ci > 0 && s.clause_text(ci - 1).trim_end().ends_with('中') && people(s.clauses()[ci - 1].clone()) {
            continue;
        }
        if NOT_MARKET_WHOLES_W.any(&whole) {
            continue;
        }
        // 英伟达若再无对策,市占率跌破50%……都很有可能: a share supposed
        // under a condition is no share held.
        if supposed(s.text, s.clauses()[ci.saturating_sub(1)].start..p.start) {
            continue;
        }

        // Who holds the share.
        let mut market: Option<String> = None;
        let mut company_revenue = false;
        // Companies that each hold the share (各占).
        let mut each: Vec<String> = Vec::new();
        // 中国半导体采购额……占全球半导体采购总额的三分之一: the country buys.
        let mut region_holder: Option<String> = None;
        // 虽然同期其出货量翻了一番,但……其设计服务份额预计将降至8%: a clause
        // that opens with a contrast (但, 不过) starts what the share is told
        // with; a count before it is of something else.
        let told_from = || {
            (1..=ci)
                .rev()
                .find(|&k| crate::text::words::longest_prefix(s.clause_text(k).trim_start(), &CONTRAST_OPENERS).is_some())
                .map_or(0, |k| s.clauses()[k].start)
        };
        // (Not one that frames the sentence: 按出货量计算,……,但AMD的份额仅为10%.)
        let mut metric = metric_of(hits, clause.clone()).or_else(|| {
            // (英伟达2025财年营收里,中国大陆占比大约13%;在国内AI加速卡市场,
            // 英伟达的份额去年还有七成左右: a count told before a semicolon is
            // of the statement it ends.)
            let from = told_from().max(statement_start(s.text, p.start));
            // The count told nearest before the share (出货量份额约为80%,按营收
            // 计算,其份额则高达90%: revenue), in the clause that tells it.
            let nearest = hits.find_iter_in(list::METRIC, from..p.start).last().map(|r| {
                let c = s.clauses()[s.clause_of(r.start)].clone();
                c.start.max(from)..c.end.min(p.start)
            });
            nearest.and_then(|r| metric_of(hits, r)).or_else(|| {
                hits.find_iter_in(list::METRIC, 0..from)
                    .find(|r| METRIC_FRAME_MARKS.iter().any(|m| chars_before(s.text, r.start, 1) == *m))
                    .and_then(|r| metric_of(hits, r))
            })
        }).or_else(|| {
            // 市场规模约为450亿美元,英伟达占了约98%: a part of a total in money.
            // (Not 采购额为1800亿美元: what is bought is no market's revenue.)
            (ci > 0
                && total_clause(s, hits, s.clauses()[ci - 1].clone())
                && in_money(s.clause_text(ci - 1))
                && SIZE_WORDS.iter().any(|w| s.clause_text(ci - 1).contains(w)))
            .then_some(Metric::Revenue)
        });
        let cue_at = [hold.map(|(i, _)| clause.start + i), share_word.map(|i| clause.start + i)]
            .into_iter()
            .flatten()
            .min()
            .unwrap_or(p.start)
            .min(p.start);
        // 90%的市场份额被英伟达占据: the company after 被.
        let passive = s.text[p.end..clause.end].find('被').and_then(|i| {
            let at = p.end + i + '被'.len_utf8();
            s.vendors().iter().find(|v| v.range.start == at).map(|v| ex.catalog.vendors[v.vendor].id.clone())
        });
        // 中国市场贡献了英伟达约13%的营收, 中国市场为英伟达贡献了……: the
        // company whose revenue it is stands after the verb or after 为/给.
        let contributed = hold.filter(|(_, w)| w.starts_with("贡献")).and_then(|(hi, w)| {
            let verb = clause.start + hi;
            let after_verb = verb + w.len();
            s.vendors().iter().find(|v| {
                (v.range.start >= after_verb && v.range.start <= after_verb + 3 && v.range.end <= p.start)
                    // In the clause: 为华为代工 clauses before is no owner.
                    || (v.range.start >= clause.start + 3 && v.range.end <= verb && CONTRIBUTE_TO.iter().any(|x| s.text[..v.range.start].ends_with(x)))
            })
        });
        let subject: Option<String> = if let Some(v) = bracketed {
            Some(ex.catalog.vendors[v].id.clone())
        } else if let Some(holder) = passive {
            market = market_term(&s.text[clause.start..p.end + s.text[p.end..clause.end].find('被').unwrap_or(0)]);
            Some(holder)
        } else if let Some(owner) = contributed {
            let verb = clause.start + hold.map_or(0, |(hi, _)| hi);
            let head_end = if owner.range.end <= verb { owner.range.start - "为".len() } else { verb }.max(clause.start);
            market = Some(format!("{}营收", vendor_zh(ex, owner.vendor)));
            company_revenue = true;
            metric = Some(Metric::Revenue);
            let own = subject_phrase(&clean_phrase(s, clause.start..head_end));
            // 华为为台积电贡献了……: a company holder by its id.
            let own = s
                .vendors()
                .iter()
                .find(|v| v.range.start >= clause.start && v.range.end <= head_end && s.text[v.range.clone()] == own)
                .map_or(own, |v| ex.catalog.vendors[v.vendor].id.clone());
            // 华为是台积电的第二大客户,去年贡献了台积电约14%的营收: the holder
            // named in a clause before, not the company whose revenue it is.
            (!own.is_empty()).then_some(own).or_else(|| {
                s.vendors()
                    .iter()
                    .find(|v| v.range.end <= clause.start && v.vendor != owner.vendor && !compared_with(s.text, v.range.clone()))
                    .map(|v| ex.catalog.vendors[v.vendor].id.clone())
            })
        } else if let Some((ui, u)) = uses {
            metric = Some(Metric::Usage);
            let from = p.end + ui + u.len();
            s.vendors()
                .iter()
                .find(|v| v.range.start >= from && v.range.start <= from + 6)
                .map(|v| ex.catalog.vendors[v.vendor].id.clone())
        } else if let Some((part, vendor)) = revenue_from(ex, s, hits, clause.start..cue_at) {
            // 英伟达来自新加坡的营收占其全球近四分之一.
            market = Some(format!("{vendor}营收"));
            company_revenue = true;
            metric = Some(Metric::Revenue);
            Some(part)
        } else {
            let before_cue: Vec<_> = s
                .vendors()
                .iter()
                .filter(|v| v.range.start >= clause.start && v.range.end <= cue_at)
                .filter(|v| !in_a_whole(s.text, clause.start..cue_at, v.range.clone()))
                .collect();
            // 英伟达、AMD的份额分别为80%和19%: one company for each percentage.
            let nth = percents[..pi].iter().filter(|q| s.clause_of(q.start) == ci).count();
            let respectively = ctext.contains("分别");
            let vendor = if respectively && before_cue.len() > 1 {
                before_cue.get(nth).copied()
            } else {
                before_cue.last().copied()
            };
            // 浪潮、华为和曙光占有74%以上: a list of companies holds the share together.
            let together = (!respectively && before_cue.len() > 1)
                .then(|| joined_list(s, &before_cue))
                .flatten();
            // 三星、某存储厂与SK海力士的份额分别为……: a list that names more
            // holders than the catalog knows gives each percentage its own.
            let listed = before_cue
                .first()
                .filter(|_| respectively)
                .map(|v| listed_holders(s, v.range.start..cue_at))
                .filter(|parts| parts.len() > before_cue.len() && parts.len() == percents.iter().filter(|q| s.clause_of(q.start) == ci).count())
                .and_then(|parts| parts.get(nth).cloned())
                .map(|part| {
                    s.vendors()
                        .iter()
                        .find(|v| s.text[v.range.clone()] == part)
                        .map_or(part, |v| ex.catalog.vendors[v.vendor].id.clone())
                });
            if let Some(holder) = listed {
                Some(holder)
            } else {
            match (vendor, together) {
                (Some(_), Some(list)) => {
                    // 摩尔线程和壁仞科技各占约2%: each holds it.
                    let last = before_cue[before_cue.len() - 1];
                    if s.text[last.range.end..p.start].contains('各') {
                        each = before_cue.iter().map(|v| ex.catalog.vendors[v.vendor].id.clone()).collect();
                    }
                    Some(list)
                }
                // (Not when another company stands between: 三星、SK海力士和美光的营收
                // 市占率分别为…… is three companies' shares by revenue.)
                (Some(v), None)
                    if segment_of_revenue(&without_dates(s, v.range.end..cue_at)).is_some()
                        && share_word.is_some()
                        && !s.vendors().iter().any(|w| w.range.start >= v.range.end && w.range.end <= cue_at) =>
                {
                    // 英伟达数据中心业务收入占比超过80%: a business's part of the company's revenue.
                    market = Some(format!("{}营收", vendor_zh(ex, v.vendor)));
                    company_revenue = true;
                    metric = Some(Metric::Revenue);
                    segment_of_revenue(&without_dates(s, v.range.end..cue_at))
                }
                // 英伟达数据中心业务占总营收的78%: a business holding a part of
                // its company's revenue.
                (Some(v), None)
                    if hold.is_some()
                        && REVENUE.iter().any(|w| whole.contains(w))
                        && business_of(&without_dates(s, v.range.end..cue_at)).is_some()
                        && !s.vendors().iter().any(|w| w.range.start >= v.range.end && w.range.end <= p.start) =>
                {
                    market = Some(format!("{}营收", vendor_zh(ex, v.vendor)));
                    company_revenue = true;
                    metric = Some(Metric::Revenue);
                    business_of(&without_dates(s, v.range.end..cue_at))
                }
                (Some(v), None) => {
                    // Between the company and the share word: the market (数据中心GPU).
                    let between = &s.text[v.range.end..cue_at];
                    let names_product = s.chips.iter().any(|c| c.range.start >= v.range.end && c.range.end <= cue_at)
                        || between.contains("系列")
                        || between.trim_start_matches('的').starts_with("产品");
                    // 搭载辉达GPU的机种占比约7成: the company's product is what
                    // the machines carry, not the market they are shares of.
                    let carried = USE_OPENERS.iter().any(|w| s.text[..v.range.start].ends_with(w));
                    if !names_product && !continues && !carried {
                        market = market_term(between);
                    }
                    Some(ex.catalog.vendors[v.vendor].id.clone())
                }
                (None, _) => {
                    // 中国大陆在英伟达营收中的占比: the holder before the whole.
                    let holder_end = s
                        .vendors()
                        .iter()
                        .find(|v| v.range.start >= clause.start && v.range.end <= cue_at && in_a_whole(s.text, clause.start..cue_at, v.range.clone()))
                        .and_then(|v| s.text[clause.start..v.range.start].rfind('在').map(|i| clause.start + i))
                        .unwrap_or(cue_at);
                    let head = clean_phrase(s, clause.start..holder_end);
                    let own = subject_phrase(&head);
                    let quoted_speaker = head.rfind(['“', '「', '『']).is_some_and(|i| {
                        let quote = head[i..].trim_start_matches(['“', '「', '『']);
                        SPEAKERS.iter().any(|w| quote.starts_with(w))
                    });
                    // 但与份额逾四成、仍稳居第一的高通相比: the holder is the company
                    // the phrase that opens with 与 describes, after the share.
                    let opener = crate::text::words::longest_prefix(&head, &CONTRAST_OPENERS).map_or(&head[..], |w| &head[w.len()..]);
                    let opener = opener.trim_start_matches(['而', '并']);
                    let own = if COMPARE_OPENERS.contains(&opener) || COMPARE_OPENERS.contains(&own.trim_start_matches(['但', '而', '并'])) {
                        s.vendors()
                            .iter()
                            .find(|v| v.range.start >= p.end && v.range.end <= clause.end && s.text[..v.range.start].ends_with('的') && s.text[v.range.end..].starts_with("相比"))
                            .map_or(String::new(), |v| ex.catalog.vendors[v.vendor].id.clone())
                    } else {
                        own
                    };
                    // 全球市场份额升至19%, 同期其全球份额约为20%: a region alone
                    // holds nothing; the holder was told before.
                    // (在全球市场的市占率: nor does a region's market.)
                    let region = own.trim_start_matches('其');
                    let region = region.strip_suffix("市场").unwrap_or(region);
                    let own = if NO_HOLDER_REGIONS.contains(&region) { String::new() } else { own };
                    // 2023年其在全球GPU市场的份额为92%, 按营收计算,其份额同样高达98%:
                    // 其 stands for the company told before.
                    // 其设计服务份额预计将降至8%, 其GPU份额: 其 and what of its
                    // business the share is of; the holder is still the company.
                    let own = if has_pronoun(&s.text[clause.start..holder_end])
                        && (own.is_empty()
                            || market_term(&own).is_some_and(|m| own.ends_with(&m) || own.ends_with("市场"))
                            || pronoun_business(&s.text[clause.start..holder_end], &own))
                    {
                        pronoun_holder(ex, s, clause.start).unwrap_or(own)
                    } else {
                        own
                    };
                    // 公司在中国的市场份额: the company the sentence named before
                    // (else the sentence before: 这家公司目前在全球HBM市场……).
                    let own = if PRONOUNS.contains(&own.as_str()) {
                        pronoun_holder(ex, s, clause.start).unwrap_or(own)
                    } else if let Some(nth) = FORMER_LATTER.iter().position(|w| *w == own) {
                        // 英伟达与AMD……,后者的市场份额约为12%: the latter (or the
                        // former) of the last two companies named.
                        let named: Vec<usize> = {
                            let here: Vec<usize> = s.vendors().iter().filter(|v| v.range.end <= clause.start).map(|v| v.vendor).collect();
                            if here.len() >= 2 { here } else { s.vendor_matcher.find(s.previous).iter().map(|v| v.vendor).collect() }
                        };
                        let mut distinct: Vec<usize> = Vec::new();
                        for v in named {
                            if distinct.last() != Some(&v) {
                                distinct.push(v);
                            }
                        }
                        match distinct.len() {
                            n if n >= 2 => Some(distinct[if nth == 0 { n - 2 } else { n - 1 }]),
                            _ => None,
                        }
                        .map_or(own, |v| ex.catalog.vendors[v].id.clone())
                    } else {
                        own
                    };
                    // 其中云端产品线收入占比超过99%: a business's part of the revenue of the company named before.
                    let own = match (segment_of_revenue(&own), share_word) {
                        (Some(seg), Some(_)) if whole.trim().is_empty() => {
                            match s.vendors().iter().find(|v| v.range.end <= clause.start) {
                                Some(v) => {
                                    market = Some(format!("{}营收", vendor_zh(ex, v.vendor)));
                                    company_revenue = true;
                                    metric = Some(Metric::Revenue);
                                    seg
                                }
                                None => own,
                            }
                        }
                        _ => own,
                    };
                    // 从2018年的26%上升到: the words of a move, not a subject.
                    let own = if own.contains(['%', '从']) { String::new() } else { own };
                    // 辉达拿下约98%的市占率,营收份额同样高达98%: a share named
                    // only by what is counted (营收, 出货量) is of the holder told
                    // before, counted that way.
                    let counted = own.trim_end_matches('的').trim_end_matches('量');
                    let own = if share_word.is_some() && (REVENUE_WORDS.contains(&counted) || SHIPMENT_WORDS.contains(&counted)) {
                        metric = Some(if REVENUE_WORDS.contains(&counted) { Metric::Revenue } else { Metric::Shipments });
                        String::new()
                    } else {
                        own
                    };
                    if let Some((k, list)) = &distributed {
                        if *k == ci {
                            list.get(pi - percents.iter().position(|q| s.clause_of(q.start) == ci).unwrap_or(0)).cloned()
                        } else {
                            None
                        }
                    } else if !own.is_empty() {
                        if respectively && (own.contains("以及") || own.contains('和') || own.contains('、')) {
                            let parts = split_list(&own);
                            let first = parts.first().cloned();
                            distributed = Some((ci, parts));
                            first
                        } else {
                            let (subject, whole_metric) = match own.strip_suffix("的营收").or_else(|| own.strip_suffix("营收")) {
                                Some(x) => (x.to_string(), Some(Metric::Revenue)),
                                None => (own.clone(), None),
                            };
                            if whole_metric.is_some() {
                                metric = whole_metric;
                            }
                            let subject = strip_region(subject.trim_end_matches('的'));
                            (!subject.is_empty()).then_some(subject)
                        }
                    } else if quoted_speaker {
                        // 原话大意是“我们在中国的市场份额……”: the speaker's
                        // company, named in the sentence or the one before.
                        pronoun_holder(ex, s, clause.start)
                    } else {
                        // The clauses before: 中国半导体采购额为1800亿美元,占全球……;
                        // 华为位居第二,份额约23%; 至于2路服务器,仍最受青睐,占有近80%.
                        let mut found = None;
                        for k in (ci.saturating_sub(3)..ci).rev() {
                            let range = s.clauses()[k].clone();
                            if let Some((part, vendor)) = revenue_from(ex, s, hits, range.clone()) {
                                market = Some(format!("{vendor}营收"));
                                company_revenue = true;
                                metric = Some(Metric::Revenue);
                                found = Some(part);
                                break;
                            }
                            // A company named as what another is compared
                            // with (远超博通等对手, 与AMD相比) holds nothing.
                            let in_clause: Vec<_> = s
                                .vendors()
                                .iter()
                                .filter(|v| range.contains(&v.range.start))
                                .filter(|v| !compared_with(s.text, v.range.clone()))
                                // 英伟达的份额被华为蚕食: the agent after 被 holds nothing.
                                .filter(|v| !s.text[..v.range.start].ends_with('被'))
                                // 中国大陆在英伟达营收中的占比: the company of the whole.
                                .filter(|v| !in_a_whole(s.text, range.clone(), v.range.clone()))
                                .collect();
                            if let Some(v) = in_clause.first() {
                                found = if in_clause.len() > 1 && respectively {
                                    let nth = percents[..pi].iter().filter(|q| s.clause_of(q.start) == ci).count();
                                    in_clause.get(nth).map(|v| ex.catalog.vendors[v.vendor].id.clone())
                                } else if in_clause.len() > 1 {
                                    joined_list(s, &in_clause).or_else(|| Some(ex.catalog.vendors[in_clause[0].vendor].id.clone()))
                                } else {
                                    Some(ex.catalog.vendors[v.vendor].id.clone())
                                };
                                break;
                            }
                            let mut prev = &s.text[range.clone()];
                            let mut range = range;
                            loop {
                                let before = prev.len();
                                if let Some(o) = crate::text::words::longest_prefix(prev, &SUBJECT_OPENERS) {
                                    if let Some(r) = prev.strip_prefix(o) {
                                        prev = r;
                                    }
                                }
                                if prev.len() == before {
                                    break;
                                }
                            }
                            range.start = range.end - prev.len();
                            if percents.iter().any(|q| range.contains(&q.start))
                                || CHANGE_OPENERS.iter().any(|w| prev.starts_with(w))
                            {
                                continue;
                            }
                            // Cut at the verb: 机型成为主流 at 成为, not inside it at 为.
                            let cut = TOPIC_VERBS
                                .iter()
                                .filter_map(|w| prev.find(w))
                                // HBM占整体DRAM位元出货的比重: the holder before 占.
                                .chain(HOLD_WORDS.iter().filter_map(|w| prev.find(w)).filter(|&i| i > 0))
                                .chain(hits.find_in(list::SUBJECT_ENDS, range_of(s.text, prev)).map(|r| r.start - range.start))
                                .min()
                                .unwrap_or(prev.len());
                            // 美国地区营收134.96亿美元,约占……: the holder is what
                            // stands before its counted amount; 当季营收24.91亿美元,
                            // 全年出货约190万张: a count with no holder tells
                            // what is counted, the holder is told before it.
                            let cut = match counted_at(prev) {
                                Some(at) => {
                                    let head = cut_dates(s, range.start..range.start + at);
                                    let head = head.trim().trim_end_matches('的');
                                    let head = crate::text::words::longest_prefix(head, &TIME_WORDS).map_or(head, |w| &head[w.len()..]);
                                    if head.trim().is_empty() || COUNT_TIMES.iter().any(|w| head.trim() == *w) {
                                        continue;
                                    }
                                    cut.min(at)
                                }
                                None => cut,
                            };
                            let topic = clean_phrase(s, range.start..range.start + cut);
                            let topic = crate::text::words::longest_suffix(&topic, &TOPIC_COUNTED)
                                .map_or(&topic[..], |m| &topic[..topic.len() - m.len()])
                                .to_string();
                            let bare = strip_region(&topic);
                            if bare != topic {
                                region_holder = crate::text::words::longest_prefix(&topic, &REGION_WORDS).map(|w| w.to_string());
                            }
                            let topic = subject_phrase(&bare);
                            if topic.is_empty() {
                                continue;
                            }
                            if respectively && (topic.contains('和') || topic.contains('、') || topic.contains("以及")) {
                                let parts = split_list(&topic);
                                let first = parts.first().cloned();
                                distributed = Some((ci, parts));
                                found = first;
                            } else {
                                found = Some(topic);
                            }
                            break;
                        }
                        found
                    }
                }
            }
            }
        };
        // The end of a move that opened in the clause before is the same holder's.
        let subject = if move_end && s.clause_of(percents[pi - 1].start) != ci && accepted.last() == Some(&(pi - 1)) {
            out.last().map(|prev: &Share| prev.subject.clone())
        } else {
            subject
        };
        // 台积电……份额已升至64.9%,在7纳米及以下先进制程的代工份额则超过九成:
        // a later clause that opens with 在 names where, not who; 这一比例
        // refers back. Both are the holder told before in the sentence.
        // 远高于三星的15.9%: the level compared with is that company's, at the
        // same time.
        let rival = earlier_level
            .then(|| {
                s.vendors()
                    .iter()
                    .rev()
                    .find(|v| v.range.start >= clause.start && v.range.end <= p.start)
            })
            .flatten()
            .map(|v| ex.catalog.vendors[v.vendor].id.clone());
        let subject = if let Some(r) = rival.as_ref().or(named_lead.as_ref()) {
            Some(r.clone())
        } else if time_level || earlier_level || restated {
            out.last().map(|prev: &Share| prev.subject.clone())
        } else if refers_back_here {
            told_before.map(|prev: &Share| prev.subject.clone())
        } else {
            subject
        };
        let opens_where = ci > 0 && s.clause_text(ci).trim_start().starts_with('在');
        let refers_back = subject.as_deref().is_some_and(|x| BACK_SHARE_REFERENCES.iter().any(|w| x.starts_with(w)));
        let mut where_market: Option<String> = None;
        let subject = match (subject, out.last()) {
            (Some(x), Some(prev)) if !is_vendor_id(ex, &x) && (opens_where || refers_back) => {
                if opens_where {
                    where_market = market_term(&s.text[clause.start..cue_at.max(clause.start)]);
                }
                if refers_back {
                    where_market = prev.market.clone();
                }
                Some(prev.subject.clone())
            }
            (x, _) => x,
        };
        let Some(mut subject) = subject.filter(|x| x.chars().count() <= 24 && x.chars().count() >= 2 || is_vendor_id(ex, x)) else {
            continue;
        };

        // The market: a company's revenue (占英伟达营收的四成), a market term
        // of the whole (占全球半导体采购总额的三分之一), of the words that
        // name the market before (2024年中国加速卡市场中), else the frame's.
        if market.is_none() && (REVENUE.iter().any(|w| whole.contains(w)) || hits.any_in(list::REVENUE, clause.start..cue_at)) {
            let vendor = s.vendors().iter().find(|v| whole.contains(&s.text[v.range.clone()])).or_else(|| {
                // (Not the holder itself: 苹果是台积电最大的客户,贡献了其约25%的营收.)
                (whole.contains('其') || whole.contains('总') || whole.contains("公司"))
                    .then(|| s.vendors().iter().find(|v| v.range.end <= p.start && ex.catalog.vendors[v.vendor].id != subject))
                    .flatten()
            })
            // 在英伟达营收中的占比: the company whose revenue is named before the cue.
            .or_else(|| s.vendors().iter().find(|v| v.range.start >= clause.start && v.range.end <= cue_at && in_a_whole(s.text, clause.start..cue_at, v.range.clone())));
            if let Some(v) = vendor {
                let segment = market_term(&whole).filter(|m| m != "芯片").unwrap_or_default();
                market = Some(format!("{}{segment}营收", vendor_zh(ex, v.vendor)));
                company_revenue = true;
                metric = Some(Metric::Revenue);
            }
        }
        // 资料中心业务营收226亿美元,占总营收比重约87%: a part of the total
        // revenue of a company the sentence leaves unnamed is of the company
        // whose revenue the shares just before were parts of.
        if market.is_none()
            && !is_vendor_id(ex, &subject)
            && s.vendors().is_empty()
            && (TOTAL_REVENUE.iter().any(|w| whole.contains(w)) || hits.find_in(list::REVENUE, clause.start..p.start).is_some_and(|r| TOTAL_REVENUE.iter().any(|w| s.text[..r.end].ends_with(w))))
        {
            // Else the one company the sentence before names (英伟达公布的财报
            // 显示,公司当季营收300.4亿美元;其中……占总营收的比重高达87.5%).
            let before = || {
                let named = s.vendor_matcher.find(s.previous);
                let first = named.first()?.vendor;
                named.iter().all(|v| v.vendor == first).then(|| format!("{}营收", vendor_zh(ex, first)))
            };
            if let Some(m) = fresh(&frame.revenue_of, s.line).or_else(before) {
                market = Some(m);
                company_revenue = true;
                metric = Some(Metric::Revenue);
            }
        }
        // 2023年英伟达营收为609亿美元,其中数据中心业务占78%: a part of the
        // company's revenue told as the total in the clause before.
        // (公司总营收为1305亿美元,其中中国区营收为171亿美元,占比达13%: the
        // total may stand a few clauses before, told of 公司, the company the
        // sentence named before it, with no other company between.)
        if market.is_none() && ci > 0 && !is_vendor_id(ex, &subject) {
            for k in (ci.saturating_sub(3)..ci).rev() {
                let prev = s.clauses()[k].clone();
                if !(total_clause(s, hits, prev.clone()) && in_money(&s.text[prev.clone()])) {
                    continue;
                }
                let Some(w) = hits.find_in(list::REVENUE, prev.clone()) else { break };
                let owners: Vec<_> = s.vendors().iter().filter(|v| v.range.start >= prev.start && v.range.end <= w.start).collect();
                let between = s.vendors().iter().any(|v| v.range.start >= prev.end && v.range.end <= p.start);
                let owner = match owners[..] {
                    [v] => Some(v),
                    [] if k + 1 < ci && !between && PRONOUNS.iter().any(|x| s.text[prev.start..w.start].contains(x)) => {
                        s.vendors().iter().rev().find(|v| v.range.end <= prev.start)
                    }
                    // 其中数据中心业务营收为126亿美元,占比约49%: the part's own
                    // amount; the total stands before it.
                    [] if k + 1 == ci => continue,
                    _ => None,
                };
                if let Some(v) = owner.filter(|_| k + 1 == ci || !between) {
                    market = Some(format!("{}营收", vendor_zh(ex, v.vendor)));
                    company_revenue = true;
                    metric = Some(Metric::Revenue);
                }
                break;
            }
        }
        if market.is_none() {
            market = where_market;
        }
        if market.is_none() && !whole.trim().is_empty() {
            market = market_term(&whole);
        }
        // 辉达在全球AI服务器GPU市场的市占率超过九成,超微仅约3%: a share that
        // goes on from one told before is of its market.
        // 中国区……占比达13%,……美国以占比47%位居第一: a rank held right
        // after a part of a company's revenue is a part of that revenue.
        // (Also a part told with a bare ratio word, no whole named, by a
        // holder that is no company: 美国以占比47%位居第一.)
        let bare_part = whole.trim().is_empty()
            && !is_vendor_id(ex, &subject)
            && out.last().is_some_and(|prev: &Share| prev.region.is_none() && prev.metric == Some(Metric::Revenue) && prev.market.as_deref().is_some_and(|m| m.ends_with("营收")));
        if (continues || level_after_shares || bare_part) && market.is_none() {
            market = out.last().and_then(|prev: &Share| prev.market.clone());
            if let Some(prev) = out.last().filter(|prev| prev.market.as_deref().is_some_and(|m| m.ends_with("营收")) && prev.region.is_none() && prev.metric == Some(Metric::Revenue)) {
                company_revenue = !is_vendor_id(ex, &subject) && prev.market.is_some();
                metric = prev.metric;
            }
        }
        // 美国地区营收……约占总营收52%;……至于中国大陆,当季营收24.91亿美元,比重
        // 已降至不到一成: a part of revenue after a part of a company's revenue,
        // in the same sentence, is of that revenue.
        if market.is_none() && (metric == Some(Metric::Revenue) || after_shares) && !is_vendor_id(ex, &subject) {
            if let Some(m) = frame.revenue_of.clone().filter(|(_, l)| *l == s.line).map(|(m, _)| m) {
                market = Some(m);
                company_revenue = true;
                metric = Some(Metric::Revenue);
            }
        }
        if market.is_none() {
            market = market_named_before(s, p.start, &subject);
        }
        if market.is_none() {
            market = fresh(&frame.market, s.line);
        }
        // 国产AI芯片的市占率达到30%: a subject made of an origin and a
        // market term (not bare 芯片) holds a part of that market, when
        // nothing else names one.
        if market.is_none() && ORIGIN_WORDS.iter().any(|w| subject.starts_with(w)) {
            market = market_term(&subject).filter(|m| m != "芯片" && m != "晶片");
        }
        // The count of the shares before; not for another market that a new
        // source tells (……若以营收计算; 记忆体方面,TrendForce数据显示,2023年
        // HBM市场由SK海力士拿下约53%: that source counts nothing said).
        let framed = fresh(&frame.market, s.line);
        let new_source = || SOURCE_CUES.iter().any(|w| s.text.contains(w));
        if metric.is_none() && (market.is_none() || framed.is_none() || market == framed || !new_source()) {
            metric = fresh(&frame.metric, s.line);
        }
        // A subject that is the market itself is held by the country before it.
        if let (Some(h), Some(m)) = (&region_holder, &market) {
            if market_term(&subject).as_deref() == Some(m.as_str()) {
                subject = h.clone();
            }
        }

        // The frame's year goes to a share of its market (or of one inside it,
        // 独立GPU in GPU), or to a company's part told in a run of shares; a
        // claim about another market (中国占据了美国科技产业约三分之一的市场) keeps its own.
        let frame_market = fresh(&frame.market, s.line);
        let inherit_year = match (&market, &frame_market) {
            (Some(m), Some(f)) => {
                m.contains(f.as_str())
                    || f.contains(m.as_str())
                    || (is_vendor_id(ex, &subject) && frame.share_line.is_some_and(|l| s.line.saturating_sub(l) <= FRAME_LINES))
            }
            _ => true,
        };
        // 第三季, 一季度, 4月 written without a year: in the year the shares
        // around it are about, when one is set, else publication's.
        let frame_year = fresh(&frame.year, s.line);
        let year_of = |d: &super::date::DateMention| {
            let yearless = d.kind == super::date::DateKind::Relative && !s.text[d.start..d.end].contains('年');
            if yearless { frame_year.or(d.date.map(|x| x.year)) } else { d.date.map(|x| x.year) }
        };
        // 三星……将从2025年的约22%回升至约30%,SK海力士则由约57%降至约50%: a
        // move told with no dates right after another company's dated move
        // runs between the same years.
        // (For the end of a move, the records before its start.)
        let told = &out[..if move_end { out.len().saturating_sub(1) } else { out.len() }];
        let parallel = (told.len() >= 2 && {
            let (a, b) = (&told[told.len() - 2], &told[told.len() - 1]);
            a.subject == b.subject && b.subject != subject && a.year.is_some() && b.year.is_some() && a.year != b.year
        })
        .then(|| (told[told.len() - 2].year, told[told.len() - 1].year));
        let year = if move_start {
            // 从2018年的26%: the date of this end; 从四年前的95%: years before publication.
            let from = move_from(s.text, clause.start, p.start);
            let dated = s.dates.iter().rev().find(|d| d.start >= from && d.end <= p.start);
            dated
                .and_then(year_of)
                .or_else(|| years_ago(&s.text[from..p.start], state.published.map(|d| d.year)))
                .or_else(|| parallel.and_then(|(start, _)| start))
                // 从第三季的17%: a quarter or month with no year is in the
                // year the text is about.
                .or_else(|| dated.and_then(|_| state.para_date(s).map(|d| d.year).or_else(|| fresh(&frame.year, s.line))))
        } else if move_end {
            // 降至目前的50%: the date of this end; else the sentence's date before
            // the move, else publication when the move starts at a date.
            let q = &percents[pi - 1];
            // The move may open in the clause before (从2024年的约九成,下降至……).
            let q_clause_start = s.clauses()[s.clause_of(q.start)].start;
            let from = move_from(s.text, q_clause_start, q.start);
            let start_dated = s.dates.iter().any(|d| d.start >= from && d.end <= q.start)
                || years_ago(&s.text[from..q.start], Some(0)).is_some();
            let own_end = s.dates.iter().rev().find(|d| d.start >= q.end && d.end <= p.start);
            let parallel_end = (own_end.is_none() && !start_dated).then(|| parallel.and_then(|(_, end)| end)).flatten();
            own_end
                .and_then(year_of)
                .or(parallel_end)
                .or_else(|| s.dates.iter().rev().find(|d| d.end <= from).and_then(year_of))
                .or_else(|| start_dated.then(|| frame_year.or(state.published.map(|d| d.year))).flatten())
                // 已经从此前的95%降至零: a move told as done ends now.
                .or_else(|| {
                    let head = &s.text[q_clause_start..from];
                    (head.ends_with("已经") || head.ends_with('已')).then(|| state.published.map(|d| d.year)).flatten()
                })
                .or_else(|| state.para_date(s).map(|d| d.year))
                .or_else(|| fresh(&frame.year, s.line))
        } else {
            // The year a market sentence of this paragraph set beats the
            // paragraph's dateline (2月27日消息,JPR公布了2019年第四季度……报告).
            let frame_here = frame.year.filter(|(_, at)| *at == s.line).map(|(y, _)| y);
            // 英伟达四年前在中国的市场份额高达95%: years before publication, told
            // in the clause itself, beat a date of a clause before.
            let ago = || {
                let dated_here = s.dates.iter().any(|d| d.start >= clause.start && d.end <= p.start);
                (!dated_here).then(|| years_ago(&s.text[clause.start..p.start], state.published.map(|d| d.year))).flatten()
            };
            // 多年来,英伟达……占据着超过90%的份额: a share held over many years
            // is of no one year; without a date it takes none.
            let spans_years = || SPAN_WORDS.iter().any(|w| s.text[..p.start].contains(w));
            // (海思一年前的市占率仅24.3%,联发科则以13.1%居第三: a time counted
            // back dates only the clause it stands in.)
            let counted_back = |d: &super::date::DateMention| d.start < clause.start && (s.text[d.start..d.end].ends_with("年前") || s.text[d.start..d.end].ends_with("月前"));
            let stated = ago().or_else(|| s.dates.iter().rev().filter(|d| !counted_back(d)).find(|d| d.end <= p.start).and_then(year_of));
            if stated.is_none() && spans_years() {
                None
            } else {
                stated
                    .or(frame_here)
                    .or_else(|| state.para_date(s).map(|d| d.year))
                    .or_else(|| inherit_year.then(|| fresh(&frame.year, s.line)).flatten())
            }
        };
        // 较几年前的95%: the time the level is compared at, when it is stated.
        let year = if rival.is_some() {
            out.last().and_then(|prev| prev.year).or(year)
        } else if earlier_level {
            s.dates.iter().find(|d| d.start >= clause.start && d.end <= p.start).and_then(year_of).or_else(|| years_ago(&s.text[clause.start..p.start], state.published.map(|d| d.year)))
        } else {
            year
        };
        // The region of the market; a subject that is itself a country (中国占据了
        // 美国科技产业约三分之一的市场) says nothing of it; a company's revenue
        // has none.
        let region = if company_revenue {
            None
        } else if is_country(&subject) {
            region_of(&whole)
        } else {
            region_of_market(&s.text[clause.start..p.start])
                .or_else(|| region_of(&whole))
                .or_else(|| region_of_market(&s.text[..clause.start]))
                .or_else(|| fresh(&frame.region, s.line))
        };
        let qualifier = qualifier(s.text, p)
            .or_else(|| {
                let b = chars_before(s.text, p.start, 4).trim_end();
                (b.ends_with("突破") || b.ends_with("突破了")).then_some(Qualifier::Over)
            })
            .or_else(|| {
                // 约占公司总收入的五分之一: the qualifier before the verb of holding.
                let (hi, _) = hold?;
                let b = &local_before[..hi];
                if b.ends_with('约') || b.ends_with("将近") || b.ends_with("大概") {
                    Some(Qualifier::About)
                } else if b.ends_with('超') || b.ends_with('逾') {
                    Some(Qualifier::Over)
                } else {
                    None
                }
            });
        // 华为约占10%,寒武纪和燧原科技各约1%: companies joined right before
        // 各 each hold the part.
        if each.is_empty() {
            let before: Vec<&super::vendor::VendorMention> = s.vendors().iter().filter(|v| v.range.start >= clause.start && v.range.end <= p.start).collect();
            if let Some(&last) = before.last()
                && s.text[last.range.end..p.start].trim_start().trim_start_matches(['则', '也']).starts_with('各')
                && ex.catalog.vendors[last.vendor].id == subject
            {
                let mut group = vec![last];
                for &v in before.iter().rev().skip(1) {
                    let gap = s.text[v.range.end..group[group.len() - 1].range.start].trim();
                    if !LIST_JOINERS.contains(&gap) {
                        break;
                    }
                    group.push(v);
                }
                if group.len() > 1 {
                    each = group.iter().rev().map(|v| ex.catalog.vendors[v.vendor].id.clone()).collect();
                }
            }
        }
        let subjects = if each.is_empty() { vec![subject] } else { each };
        if restated {
            out.pop();
        }
        accepted.push(pi);
        for subject in subjects {
            out.push(Share {
                doc: doc.to_string(),
                line: s.line,
                evidence: s.text.to_string(),
                subject,
                percent: (p.low * 100.0).round() / 100.0,
                qualifier,
                market: market.clone(),
                region,
                year,
                metric,
            });
        }
    }
    out
}

/// Whether the company at `r` is named as what something is compared with
/// (远超博通等对手, 领先于三星, 与AMD相比), not as a holder; a company
/// followed by its share (比英伟达的份额) is still read as one.
/// A company named inside the whole a holder is placed in (中国大陆在英伟达营收中
/// 的占比, X在超微营收里的比重): between a 在 after the holder and 中的/里的.
fn in_a_whole(text: &str, span: Range<usize>, v: Range<usize>) -> bool {
    let head = &text[span.start..v.start];
    let Some(at) = head.rfind('在') else { return false };
    at > 0 && INSIDE_OF.iter().any(|w| text[v.end..span.end].contains(w))
}

fn compared_with(text: &str, r: std::ops::Range<usize>) -> bool {
    let before = chars_before(text, r.start, 3);
    let after = &text[r.end..];
    if OWN_SHARE_AFTER.iter().any(|w| after.starts_with(w)) {
        return false;
    }
    let beaten = COMPARE_VERBS.iter().any(|w| before.ends_with(w));
    let beside = COMPARE_BESIDE.iter().any(|w| before.ends_with(w)) && after.starts_with("相比");
    beaten || beside
}

/// Words that stand for the company a sentence named before.
static PRONOUNS: LazyLock<Vec<&'static str>> = LazyLock::new(|| words("share.pronouns"));

/// 数据中心业务收入 → 数据中心业务: a business named before a revenue word.
fn segment_of_revenue(phrase: &str) -> Option<String> {
    let t = phrase.trim().trim_start_matches('的');
    let seg = t.strip_suffix(crate::text::words::longest_suffix(t, &SEGMENT_REVENUE)?)?.trim_end_matches('的');
    // 本季中国营收: the time is no part of the business.
    let seg = crate::text::words::longest_prefix(seg, &TIME_WORDS).map_or(seg, |w| &seg[w.len()..]);
    let n = seg.chars().count();
    // 在晶圆代工市场的营收份额: the revenue a company makes in a market is its
    // share of that market by revenue, not a business's part of its revenue.
    // 、SK海力士和美光的营收: the rest of a list of holders, not a business.
    if seg.starts_with('在')
        || seg.ends_with("市场")
        || seg.ends_with("领域")
        || seg.starts_with(['、', '和', '与', '及'])
        || seg.contains('、')
    {
        return None;
    }
    ((2..=10).contains(&n) && !seg.contains(|c: char| c.is_ascii_digit())).then(|| seg.to_string())
}

/// `share.business_heads`: words that end a business's name (数据中心业务).
static BUSINESS_HEADS: LazyLock<Vec<&'static str>> = LazyLock::new(|| words("share.business_heads"));

/// The business a phrase names (数据中心业务, 游戏业务收入): a name ending in a
/// [`BUSINESS_HEADS`] word, with or without a revenue word after it.
fn business_of(phrase: &str) -> Option<String> {
    segment_of_revenue(phrase).or_else(|| {
        let t = phrase.trim().trim_start_matches('的');
        let seg = crate::text::words::longest_prefix(t, &TIME_WORDS).map_or(t, |w| &t[w.len()..]);
        let n = seg.chars().count();
        (BUSINESS_HEADS.iter().any(|h| seg.ends_with(h)) && (3..=10).contains(&n) && !seg.contains(|c: char| c.is_ascii_digit() || "、和与及在".contains(c)))
            .then(|| seg.to_string())
    })
}

/// Where the move that opens at byte `at` starts: its 从 or 由.
fn move_from(text: &str, clause_start: usize, at: usize) -> usize {
    let head = &text[clause_start..at];
    clause_start + head.rfind('从').or_else(|| head.rfind('由')).unwrap_or(0)
}

/// A holder named before a short link and a level (大华约, 非GPU加速服务器合计约,
/// NPU、ASIC和FPGA等非GPU加速服务器合计约 → 非GPU加速服务器): the name, when the
/// words are only a name and a link (`share.lead_links`).
fn named_holder(s: &Sentence, hits: &Hits, range: Range<usize>) -> Option<String> {
    let head = without_qualifier(s.text[range.clone()].trim());
    let mut name = head;
    while let Some(w) = crate::text::words::longest_suffix(name, &LEAD_LINKS) {
        name = without_qualifier(name[..name.len() - w.len()].trim_end());
    }
    let name = name.rsplit('等').next().unwrap_or(name).trim();
    let n = name.chars().count();
    let plain = name
        .chars()
        .all(|c| c.is_alphanumeric() && !c.is_ascii_digit());
    // (The link itself may be a word of a move, 为: only the name is asked.)
    let name_end = (name.as_ptr() as usize).saturating_sub(s.text.as_ptr() as usize) + name.len();
    let blocked = hits.any_in(list::MOVE_LINKS, range.start..name_end.clamp(range.start, range.end))
        || hits.any_in(list::NOT_SHARE, range.clone())
        || hits.any_in(list::SHARE_WORDS, range)
        || TIME_WORDS.iter().any(|w| name.starts_with(w))
        || NO_HOLDER_REGIONS.contains(&name)
        || BACK_SHARE_REFERENCES.iter().any(|w| name.contains(w))
        || s.dates
            .iter()
            .any(|d| s.text[d.start..d.end].contains(name));
    ((2..=12).contains(&n) && plain && !blocked).then(|| name.to_string())
}

static LEAD_LINKS: LazyLock<Vec<&'static str>> = LazyLock::new(|| words("share.lead_links"));

/// The vendor written right before a percentage in brackets (英伟达(70%),
/// 高通(约24%)): the company whose share the brackets give.
fn bracketed_holder(s: &Sentence, p: &Quantity) -> Option<usize> {
    let before = without_qualifier(s.text[..p.start].trim_end());
    let open = before.strip_suffix('(').or_else(|| before.strip_suffix('（'))?.trim_end();
    let after = s.text[p.end..].trim_start();
    if !(after.starts_with(')') || after.starts_with('）')) {
        return None;
    }
    s.vendors().iter().find(|v| v.range.end == open.len()).map(|v| v.vendor)
}

/// Whether a phrase holds 其 as a pronoun (其份额, 其在……), not inside 其中,
/// 其他, 尤其 and the like (`share.not_pronoun`).
fn has_pronoun(phrase: &str) -> bool {
    phrase.match_indices('其').any(|(i, _)| {
        !NOT_PRONOUN.iter().any(|w| {
            w.match_indices('其')
                .any(|(j, _)| i >= j && phrase.get(i - j..).is_some_and(|t| t.starts_with(w)))
        })
    })
}

/// 其设计服务: the phrase `own` written right after the pronoun 其 in `raw`
/// (the words before the share), short, naming no party of the company's
/// own (其竞争对手, 其客户: `share.pronoun_parties`): a business of the
/// company the pronoun stands for.
fn pronoun_business(raw: &str, own: &str) -> bool {
    let own = own.trim_start_matches('其');
    let n = own.chars().count();
    (1..=8).contains(&n)
        && raw.contains(&format!("其{own}"))
        && !own.contains(|c: char| c.is_ascii_digit() || c == '%')
        && !PRONOUN_PARTIES.iter().any(|w| own.contains(w))
}

static PRONOUN_PARTIES: LazyLock<Vec<&'static str>> = LazyLock::new(|| words("share.pronoun_parties"));

static COMPARE_OPENERS: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| words("share.compare_openers"));

static NO_HOLDER_REGIONS: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| words("share.no_holder_regions"));

static NOT_PRONOUN: LazyLock<Vec<&'static str>> = LazyLock::new(|| words("share.not_pronoun"));

/// The company a pronoun stands for: the last one named before `at` in the
/// sentence (not one it is compared with), else the first the sentence before
/// in the paragraph names.
fn pronoun_holder(ex: &Extractor, s: &Sentence, at: usize) -> Option<String> {
    let here = s
        .vendors()
        .iter()
        .rev()
        .find(|v| v.range.end <= at && !compared_with(s.text, v.range.clone()));
    let v = match here {
        Some(v) => v.vendor,
        None => {
            s.vendor_matcher
                .find(s.previous)
                .iter()
                .find(|v| !compared_with(s.previous, v.range.clone()))?
                .vendor
        }
    };
    Some(ex.catalog.vendors[v].id.clone())
}

fn is_vendor_id(ex: &Extractor, x: &str) -> bool {
    ex.catalog.vendors.iter().any(|v| v.id == x)
}

/// A subject that is a country or its market (中国, 中国市场), not a thing in it.
fn is_country(subject: &str) -> bool {
    region_of(subject).is_some() && {
        let mut t = subject.to_string();
        // Longest first (the list is sorted so): 中国大陆 goes whole, not as
        // 中国 and a 大陆 left.
        for w in REGION_WORDS.iter() {
            t = t.replace(w, "");
        }
        t.is_empty() || t == "市场"
    }
}

/// Words that link a company to its part: 为, 约占, 则为, 相应降到, 同样占有.
fn is_link(link: &str) -> bool {
    // 超微(AMD)则为18%: the abbreviation in brackets stands before the link;
    // 则将降至约40%: a qualifier ends it.
    let link = without_qualifier(link.trim_start_matches([')', '）', ' ']).trim_end());
    // (AMD则不足一成: any qualifier word of the lexicon; a link is short.)
    let link = if link.len() <= 24 { without_qualifier(super::qualify::strip_qualifier_word(link)) } else { link };
    // (华为升到了两成多, AMD才18%, 超微目前还不到5%: adverbs before the verb,
    // 了 after it.)
    let with_adverbs = link;
    let link = without_link_adverbs(link).trim_end_matches('了');
    let n = link.chars().count();
    // (英特尔则在1%上下; Cantonese AMD得返19%.)
    (n <= 4 && link.chars().all(|c| "为是约占达则仅只剩有不到超过近的份额仍以各就在得返".contains(c)))
        // (英伟达或跌至不足三成: a modal of likelihood before the move.)
        || (n <= 6
            && (link.ends_with('至') || link.ends_with('到') || link.ends_with("占有") || link.ends_with('为'))
            && link.chars().all(|c| "相应同样也则随之降升增减跌涨落提高下滑回至到占有为将可望或恐料会能掉".contains(c)))
        || took_the_rest(link)
        // 辉达则维持逾八成: a verb of staying at a level after 则/也/仍.
        || {
            let t = with_adverbs.trim_start_matches(['则', '也', '仍', '将']);
            t.len() < with_adverbs.len() && LEVEL_VERBS.contains(&t)
        }
}

/// `link` without the adverbs it opens with (`share.link_adverbs`: 目前还
/// 不到 → 不到, 已经吃掉 → 吃掉).
fn without_link_adverbs(link: &str) -> &str {
    let mut t = link.trim_start();
    while let Some(w) = LINK_ADVERBS.iter().filter(|w| t.starts_with(*w)).max_by_key(|w| w.len()) {
        t = t[w.len()..].trim_start();
    }
    t
}

/// `share.link_adverbs`: see [`without_link_adverbs`].
static LINK_ADVERBS: LazyLock<Vec<&'static str>> = LazyLock::new(|| words("share.link_adverbs"));

/// `link` without a bracketed aside it opens with ((AMD)则 → 则).
fn without_bracket(link: &str) -> &str {
    let t = link.trim_start();
    // (The abbreviation itself may be the company read: its closing bracket.)
    if t.starts_with([')', '）']) {
        return t.trim_start_matches([')', '）']).trim_start();
    }
    if !t.starts_with(['(', '（']) {
        return link;
    }
    match t.find([')', '）']) {
        Some(i) => t[i..].trim_start_matches([')', '）']).trim_start(),
        None => link,
    }
}

/// 华为、百度、寒武纪等本土厂商合计不足15%, 超微与英特尔合计仅分得约2%: the
/// companies listed hold the percentage together. The link after the last of
/// them: an optional 等 with the kind of company (at most eight characters),
/// a word of together (`share.together_words`), then adverbs and a verb of
/// holding (`share.together_verbs`) or nothing.
fn together_link(link: &str) -> bool {
    let Some((i, w)) = TOGETHER_WORDS.iter().filter_map(|w| link.find(w).map(|i| (i, *w))).min() else {
        return false;
    };
    let head = &link[..i];
    if !(head.is_empty() || head.starts_with('等') && head.chars().count() <= 8 && !head.contains(|c: char| c.is_ascii_digit())) {
        return false;
    }
    let rest = without_qualifier(link[i + w.len()..].trim_start_matches(grammar::DATED_LEVEL_ADVERBS).trim_start_matches(['也', '就', '才', '仅', '只']));
    // 合计不足15%, 合计仅分得约2%: the qualifier the lexicon knows.
    let rest = super::qualify::strip_qualifier(rest).trim_end_matches('了');
    rest.is_empty() || is_link(rest) || TOGETHER_VERBS.contains(&rest)
}

static TOGETHER_WORDS: LazyLock<Vec<&'static str>> = LazyLock::new(|| words("share.together_words"));
/// `share.people_words`: the staff a percentage may be a part of (研发人员).
static PEOPLE_WORDS: LazyLock<Vec<&'static str>> = LazyLock::new(|| words("share.people_words"));
static TOGETHER_VERBS: LazyLock<Vec<&'static str>> = LazyLock::new(|| words("share.together_verbs"));

/// 超微则拿下其余约27%, 三星则囊括剩下的: a verb of taking or holding, after
/// 则/也 and before what is left.
fn took_the_rest(link: &str) -> bool {
    let mut t = without_qualifier(link.trim());
    for w in REST_WORDS.iter() {
        t = t.strip_suffix(w).unwrap_or(t);
    }
    let t = without_qualifier(t.trim_start_matches(grammar::LEVEL_ADVERBS));
    t.chars().count() <= 4 && (TAKE_WORDS.contains(&t) || HOLD_WORDS.contains(&t))
}

/// 从市场份额来看,Intel维持在62%: the words from the clause start to the
/// percentage are a company (or nothing) and a short link.
fn short_link(s: &Sentence, from: usize, to: usize) -> bool {
    let Some(v) = s.vendors().iter().rev().find(|v| v.range.start >= from && v.range.end <= to) else {
        return false;
    };
    // 辉达第二季以79%稳居龙头: a time between them is no part of the link.
    let rest = without_dates(s, v.range.end..to);
    let rest = rest.trim();
    rest.chars().count() <= 5 && (is_link(rest) || LEVEL_VERBS.iter().any(|w| rest.ends_with(w)))
}

/// Where the company `v` and the name of its own product line written right
/// after it end (华为昇腾, 华为昇腾系列, 寒武纪思元): the company holds what
/// its line holds. The company's end when no product of its own follows.
fn own_product_end(ex: &Extractor, s: &Sentence, v: &super::vendor::VendorMention) -> usize {
    let vendor = &ex.catalog.vendors[v.vendor].id;
    s.chips
        .iter()
        .find(|c| c.range.start == v.range.end)
        .filter(|c| matches!(c.chip, super::chips::ChipRef::Known(i) if ex.catalog.chips[i].vendor == *vendor))
        .map_or(v.range.end, |c| {
            let rest = &s.text[c.range.end..];
            c.range.end + rest.strip_prefix("系列").map_or(0, |_| "系列".len())
        })
}

/// The text of `range` without the date mentions inside it, and without a 的
/// a date left at the end (从前一季的 → 从).
fn without_dates(s: &Sentence, range: Range<usize>) -> String {
    let mut out = cut_dates(s, range.clone());
    if s.dates.iter().any(|d| d.start >= range.start && d.end <= range.end) {
        let t = out.trim_end().trim_end_matches('的').len();
        out.truncate(t);
    }
    out
}

/// The text of `range` with the date mentions inside it cut out.
fn cut_dates(s: &Sentence, range: Range<usize>) -> String {
    cut_dates_with(s, range, &[])
}

/// `share.time_prepositions`: words that lead to a date (到, 截至).
static TIME_PREPOSITIONS: LazyLock<Vec<&'static str>> = LazyLock::new(|| longest_first(words("share.time_prepositions")));

/// [`cut_dates`], each date cut with the word of `before` right before it.
fn cut_dates_with(s: &Sentence, range: Range<usize>, before: &[&str]) -> String {
    let mut cuts: Vec<Range<usize>> = s.dates.iter().filter(|d| d.start >= range.start && d.end <= range.end).map(|d| d.start..d.end).collect();
    cuts.sort_by_key(|c| c.start);
    let mut out = String::new();
    let mut at = range.start;
    for c in cuts.into_iter().filter(|c| c.start >= range.start) {
        if c.start >= at {
            let part = &s.text[at..c.start];
            out.push_str(before.iter().find_map(|w| part.strip_suffix(w)).unwrap_or(part));
            at = c.end;
        }
    }
    out.push_str(&s.text[at..range.end]);
    out
}

/// 其中GPU卡占据最大的市场份额,为85%: a clause that is only a copula and
/// the percentage, right after a clause with a share word.
fn bare_link(s: &Sentence, hits: &Hits, ci: usize, to: usize) -> bool {
    if ci == 0 || !hits.any_in(list::SHARE_WORDS, s.clauses()[ci - 1].clone()) {
        return false;
    }
    let head = s.text[s.clauses()[ci].start..to].trim();
    BARE_LINKS.contains(&head) || dated_level(s, ci, to) || {
        // 英伟达的份额被华为蚕食,已跌破50%: after words of time.
        let mut rest = head;
        for w in TIME_WORDS.iter().chain(SINCE_WORDS.iter()) {
            rest = rest.strip_prefix(w).unwrap_or(rest);
        }
        reaches_level(rest)
    }
}

/// 2023年仅约2%, 今年可望提升至5%: a clause that is only a time and the level,
/// or a move to it, up to byte `to`.
fn dated_level(s: &Sentence, ci: usize, to: usize) -> bool {
    // 上一季度为13.1%: a word of time may open the clause instead of a date.
    let head = s.text[s.clauses()[ci].start..to].trim_start();
    let after = match opening_date(s, ci).filter(|d| d.end <= to) {
        Some(d) => d.end,
        None => match crate::text::words::longest_prefix(head, &TIME_WORDS) {
            Some(w) => to - head.len() + w.len(),
            None => return false,
        },
    };
    let rest = without_qualifier(s.text[after..to].trim().trim_start_matches(grammar::DATED_LEVEL_ADVERBS));
    // 到2025年有望突破50%, 现在仅剩50%: a verb of reaching the level.
    rest.is_empty() || BARE_LINKS.contains(&rest) || is_link(rest) || reaches_level(rest)
}

/// Whether `link` (the words before a percentage, after its time) is a verb
/// of reaching a level, after adverbs and a word of forecast (仅剩, 有望突破,
/// 已跌破): `share.level_reach`, `share.level_modals`.
fn reaches_level(link: &str) -> bool {
    let rest = link.trim_start_matches(grammar::DATED_LEVEL_ADVERBS);
    let verb = crate::text::words::longest_prefix(rest, &LEVEL_MODALS).map_or(rest, |m| &rest[m.len()..]);
    LEVEL_REACH.contains(&without_qualifier(verb.trim_start_matches(grammar::DATED_LEVEL_ADVERBS)))
}

static LEVEL_MODALS: LazyLock<Vec<&'static str>> = LazyLock::new(|| words("share.level_modals"));
static LEVEL_REACH: LazyLock<Vec<&'static str>> = LazyLock::new(|| words("share.level_reach"));

/// The date a clause opens with (2023年仅约2%, 去年同期这一比例), if any.
///
/// Words of forecast or joining may stand before it (预计到2025年将提升至40%,
/// 而2023年仅约2%): `share.time_openers`.
fn opening_date<'s>(s: &'s Sentence, ci: usize) -> Option<&'s super::date::DateMention> {
    let start = s.clauses()[ci].start;
    let mut head = s.text[start..].trim_start();
    // IDC预计到2024年: the source in Latin letters before its forecast.
    let source = head.trim_start_matches(|c: char| c.is_ascii_alphabetic());
    if source.len() < head.len() && crate::text::words::longest_prefix(source, &TIME_OPENERS).is_some() {
        head = source;
    }
    let mut at = s.text.len() - head.len();
    if let Some(w) = crate::text::words::longest_prefix(head, &TIME_OPENERS) {
        at += w.len();
    }
    let lead = s.text[start..].len() - s.text[start..].trim_start().len();
    s.dates.iter().find(|d| d.start == start + lead || d.start == at)
}

static TIME_OPENERS: LazyLock<Vec<&'static str>> = LazyLock::new(|| words("share.time_openers"));

/// 一度高达95%,如今已降至50%左右: a clause right after a share clause that is
/// only a word of time and a move to the level it holds since.
fn bare_move_link(s: &Sentence, hits: &Hits, ci: usize, to: usize) -> bool {
    if ci == 0 || !hits.any_in(list::SHARE_WORDS, s.clauses()[ci - 1].clone()) {
        return false;
    }
    let head = s.text[s.clauses()[ci].start..to].trim();
    let mut rest = head;
    for w in TIME_WORDS.iter().chain(SINCE_WORDS.iter()) {
        rest = rest.strip_prefix(w).unwrap_or(rest);
    }
    let rest = without_qualifier(rest.trim_start_matches(grammar::MOVE_ADVERBS));
    rest.len() < head.len() && rest.chars().count() <= 4 && is_link(rest) && (rest.ends_with('至') || rest.ends_with('到'))
}

/// 浪潮、华为和曙光: companies named one after another, as written.
fn joined_list(s: &Sentence, vendors: &[&super::vendor::VendorMention]) -> Option<String> {
    // 超微(AMD)与英特尔: a company's other name in brackets is the same company.
    let bracketed = |a: &super::vendor::VendorMention, b: &super::vendor::VendorMention| {
        a.vendor == b.vendor && matches!(s.text[a.range.end..b.range.start].trim(), "(" | "（")
    };
    if vendors.windows(2).filter(|w| !bracketed(w[0], w[1])).count() == 0 {
        return None;
    }
    let ok = vendors.windows(2).all(|w| {
        let gap = s.text[w[0].range.end..w[1].range.start].trim();
        let gap = gap.trim_start_matches([')', '）']).trim();
        bracketed(w[0], w[1]) || LIST_JOINERS.contains(&gap)
    });
    ok.then(|| s.text[vendors[0].range.start..vendors[vendors.len() - 1].range.end].to_string())
}

/// The holders a phrase lists before its share word (三星、铠侠与SK海力士的营收):
/// split at the list's joiners, a count word and 的 left off the end.
fn listed_holders(s: &Sentence, range: Range<usize>) -> Vec<String> {
    let mut t = s.text[range].trim().trim_end_matches('的');
    for w in REVENUE_WORDS.iter().chain(SHIPMENT_WORDS.iter()) {
        t = t.strip_suffix(w).unwrap_or(t);
    }
    let parts: Vec<String> = t
        .trim_end_matches('的')
        .split(['和', '、', '与', '及'])
        .map(|x| x.trim().to_string())
        .collect();
    if parts.iter().all(|x| {
        (2..=10).contains(&x.chars().count())
            && !x.contains(|c: char| c.is_ascii_digit() || c == '%' || c == '的')
    }) {
        parts
    } else {
        Vec::new()
    }
}

fn split_list(phrase: &str) -> Vec<String> {
    phrase
        .split(grammar::NAME_JOINERS)
        .flat_map(|x| x.split("以及"))
        .map(|x| strip_region(x.trim().trim_end_matches('的')))
        .filter(|x| !x.is_empty())
        .collect()
}

// ---------------------------------------------------------------------------
// The market lexicon (src/lexicon/market.toml)

#[derive(serde::Deserialize)]
struct MarketFile {
    market: Vec<MarketEntry>,
}

#[derive(serde::Deserialize)]
struct MarketEntry {
    term: String,
    #[serde(default)]
    forms: Vec<String>,
}

struct MarketLexicon {
    /// Every form (a term and its other spellings) with the index of its
    /// term, sorted by first character.
    forms: Vec<(char, String, usize)>,
    /// The characters a form starts with, derived from the forms: a form is
    /// compared only where one of them stands. Cheaper than an automaton
    /// over every byte, and nothing to build beyond a sort.
    first: Box<CharSet>,
    terms: Vec<String>,
}

static MARKETS: LazyLock<MarketLexicon> = LazyLock::new(|| {
    let file: MarketFile = toml::from_str(include_str!("../lexicon/market.toml")).expect("src/lexicon/market.toml parses");
    let mut forms = Vec::new();
    let mut terms = Vec::new();
    let mut first = Box::new(CharSet::of(""));
    for m in file.market {
        for form in std::iter::once(m.term.clone()).chain(m.forms) {
            let c = form.chars().next().expect("no empty market terms");
            assert!((c as u32) < 0x10000, "a market term starts with a BMP character: {form}");
            first.insert(c as u32);
            forms.push((c, form, terms.len()));
        }
        terms.push(m.term);
    }
    forms.sort_by_key(|&(c, _, _)| c);
    MarketLexicon { forms, first, terms }
});

/// Every market term in `text`, overlapping, with the term it stands for,
/// in the order an overlapping Aho-Corasick search gives them (by end, the
/// longest first); a Latin term is not part of a longer Latin word (PC in
/// PCPOP).
fn market_hits(text: &str) -> Vec<(std::ops::Range<usize>, &'static str)> {
    let lex = &*MARKETS;
    let mut hits = Vec::new();
    for (i, c) in text.char_indices() {
        if !lex.first.has(c as u32) {
            continue;
        }
        let from = lex.forms.partition_point(|f| f.0 < c);
        for (_, form, term) in lex.forms[from..].iter().take_while(|f| f.0 == c) {
            if text[i..].starts_with(form.as_str()) {
                hits.push((i..i + form.len(), lex.terms[*term].as_str()));
            }
        }
    }
    hits.retain(|(r, _)| {
        let latin_edge = |c: Option<char>| c.is_some_and(|c| c.is_ascii_alphabetic());
        let first = text[r.clone()].chars().next();
        let last = text[r.clone()].chars().last();
        !(latin_edge(first) && latin_edge(text[..r.start].chars().last()))
            && !(latin_edge(last) && latin_edge(text[r.end..].chars().next()))
    });
    hits.sort_by_key(|(r, _)| (r.end, r.start));
    hits
}

/// The market a phrase names: its longest term (at equal length the last, the
/// head of a Chinese compound), or none.
pub fn market_term(text: &str) -> Option<String> {
    let hits = market_hits(text);
    // AI服务器用GPU: what is used, after the last 用, is the head.
    let head_from = text.rfind('用').filter(|&u| hits.iter().any(|(r, _)| r.start > u)).unwrap_or(0);
    let (mut r, term) = hits.iter().filter(|(r, _)| r.start >= head_from).max_by_key(|(r, _)| (text[r.clone()].chars().count(), r.start))?.clone();
    // Terms written one after the other make one compound, named by both
    // (资料中心AI加速器 → 数据中心AI加速器, 服务器CPU, x86服务器处理器 → 服务器处理器).
    let mut name = term.to_string();
    while let Some((l, t)) = hits
        .iter()
        .filter(|(l, _)| l.end == r.start || l.end < r.start && text[l.end..r.start].trim().is_empty())
        .filter(|(l, _)| l.start >= head_from)
        .max_by_key(|(l, _)| l.len())
    {
        name = format!("{t}{name}");
        r = l.start..r.end;
    }
    // A term right after the chosen one is the compound's head (AI服务器GPU,
    // 服务器CPU芯片): the longest that starts where the name ends.
    while let Some((l, t)) = hits.iter().filter(|(l, _)| l.start == r.end || l.start > r.end && text[r.end..l.start].trim().is_empty()).max_by_key(|(l, _)| l.len()) {
        name.push_str(t);
        r = r.start..l.end;
    }
    Some(name)
}

/// The market a sentence names before byte `at` (2024年中国加速卡市场中,……;
/// 在2024年中国市场的服务器出货中): the last term before it followed by
/// 市场 or 出货, or the topic that opens the sentence; not a term inside the
/// subject.
fn market_named_before(s: &Sentence, at: usize, subject: &str) -> Option<String> {
    let head = &s.text[..at];
    let hits = market_hits(head);
    let named: Vec<_> = hits.iter().filter(|(r, _)| named_as_market(head, r)).collect();
    // 以AI服务器出货来看,搭载英伟达GPU的机种比重约六成五: a term inside the
    // subject gives way to one named outside it.
    let outside: Vec<_> = named.iter().copied().filter(|(_, t)| !subject.contains(&t[..])).collect();
    let named = if !outside.is_empty() && outside.len() < named.len() && subject.chars().count() > 4 { outside } else { named };
    // The longest term at the last place named.
    let last_start = named.iter().map(|(r, _)| r.end).max()?;
    named
        .iter()
        .filter(|(r, _)| r.end == last_start)
        .max_by_key(|(r, _)| r.len())
        .map(|(_, t)| t.to_string())
        // A term inside the subject names the market only when another place
        // names one too.
        .filter(|t| t != subject && !subject.ends_with(t.as_str()) || named.iter().any(|(r, _)| r.end != last_start))
}

#[cfg(test)]
mod tests {
    use crate::model::{Record, Share};

    fn shares(text: &str, published: &str) -> Vec<Share> {
        let records = crate::extract::extract_text(text, published).records;
        records.into_iter().filter_map(|r| if let Record::Share(x) = r { Some(x) } else { None }).collect()
    }

    fn brief(text: &str, published: &str) -> Vec<String> {
        shares(text, published)
            .iter()
            .map(|s| {
                format!(
                    "{} {} {} {} {} {} {}",
                    s.subject,
                    s.percent,
                    s.qualifier.map_or("-".into(), |q| format!("{q:?}")),
                    s.market.clone().unwrap_or("-".into()),
                    s.region.map_or("-".into(), |r| format!("{r:?}")),
                    s.year.map_or("-".into(), |y| y.to_string()),
                    s.metric.map_or("-".into(), |m| format!("{m:?}")),
                )
            })
            .collect()
    }

    #[test]
    fn a_pronoun_after_a_one_byte_character_is_read_without_a_panic() {
        // Found by the property test: 其 after '-', where a not-pronoun word
        // (尤其) would start inside the character before.
        assert!(super::has_pronoun("12出口A100出口-其和"));
        assert!(!super::has_pronoun("尤其是英伟达"));
        assert!(super::has_pronoun("2023年其在全球"));
        let _ = brief("禁售■12出口A100出口-其和份额为20%。", "2024-01");
    }

    #[test]
    fn a_company_named_after_为_in_an_earlier_clause_owns_no_revenue() {
        // Found by fuzzing: the owner of the revenue was looked for before
        // the clause, and the holder's phrase was cut backwards (a panic).
        // The holder stands in the clause before the verb's: the company
        // named there that is not the one whose revenue it is; nothing panics.
        let b = brief("今年5月15日,美方要求为华为代工的芯片厂商申请许可,华为是台积电的第二大客户,去年贡献台积电约14%的营收。", "2020-06");
        assert_eq!(b, vec!["Huawei 14 About 台积电营收 - 2019 Revenue"]);
        let b = brief("华为为台积电贡献了约14%的营收。", "2020-06");
        assert_eq!(b, vec!["Huawei 14 About 台积电营收 - - Revenue"]);
    }

    #[test]
    fn a_vendor_share_of_a_market_in_a_year() {
        assert_eq!(
            brief("据Khaveen Investments测算,英伟达数据中心GPU 2022年市占率高达88%,AMD和英特尔瓜分剩下的部分。", "2023-07"),
            vec!["NVIDIA 88 UpTo 数据中心GPU - 2022 -"]
        );
        assert_eq!(
            brief("2023年,英伟达在数据中心GPU出货量市场份额高达98%,国产芯片和一众芯片巨头加起来,只占微弱的2%。", "2024-08")[0],
            "NVIDIA 98 UpTo 数据中心GPU - 2023 Shipments"
        );
    }

    #[test]
    fn a_pronoun_after_who_estimates_stands_for_the_holder() {
        for t in [
            "国内市场同样由英伟达主导,业内估计其占比接近九成。",
            "英伟达在中国AI芯片市场一家独大,分析师预计它的份额仍在八成以上。",
            "英伟达在数据中心GPU领域优势明显,机构估算其市占率约为九成。",
        ] {
            let got = shares(t, "2020-09-20");
            assert_eq!(got.iter().map(|s| s.subject.as_str()).collect::<Vec<_>>(), vec!["NVIDIA"], "{t}");
        }
        // (A holder named after the one who estimates is still the holder.)
        let got = shares("业界预计国产AI芯片的占比将升至三成。", "2024-01");
        assert_eq!(got.iter().map(|s| s.subject.as_str()).collect::<Vec<_>>(), vec!["国产AI芯片"]);
    }

    #[test]
    fn a_list_number_closed_by_a_wide_mark_is_cut_without_a_panic() {
        // (The property test found 、690)到 slicing inside 、.)
        assert_eq!(super::subject_phrase("2、国产芯片"), "国产芯片");
        assert_eq!(super::subject_phrase("3）国产GPU"), "国产GPU");
        assert_eq!(super::subject_phrase("2.国产芯片"), "国产芯片");
        let _ = super::subject_phrase("、690)到列入近");
        let _ = shares("7、690)到列入近的份额为12%。", "2024-01");
    }

    #[test]
    fn a_word_leading_to_a_date_goes_with_the_date() {
        for (t, want) in [
            ("有外资券商预计,英伟达今年在中国AI芯片市场的份额会跌至54%,而本土芯片到2027年将占过半。", vec!["NVIDIA", "本土芯片"]),
            ("机构预测,国产GPU至2026年底的市占率可达三成。", vec!["国产GPU"]),
            ("2022财年(截至1月底)来自中国大陆的营收占英伟达营收约26%。", vec!["中国大陆"]),
        ] {
            let got = shares(t, "2025-08-28");
            assert_eq!(got.iter().map(|s| s.subject.as_str()).collect::<Vec<_>>(), want, "{t}");
        }
    }

    #[test]
    fn the_whole_of_a_holder_is_the_holder() {
        for (t, want) in [
            ("但国产芯片的整体市场份额仍不足一成。", "国产芯片"),
            ("国产GPU的总体占比约为15%。", "国产GPU"),
            // (整体 opening a setting is no end of a holder.)
            ("整体服务器市场中,AI服务器占比约12%。", "AI服务器"),
        ] {
            let got = shares(t, "2022-09-20");
            assert_eq!(got.iter().map(|s| s.subject.as_str()).collect::<Vec<_>>(), vec![want], "{t}");
        }
    }

    #[test]
    fn shares_distributed_over_a_list() {
        assert_eq!(
            brief("2022年,中国AI训练芯片以及AI推理芯片的占比分别为47.2%和52.8%。", "2023-07"),
            vec!["AI训练芯片 47.2 - - China 2022 -", "AI推理芯片 52.8 - - China 2022 -"]
        );
    }

    #[test]
    fn held_shares_of_a_whole() {
        let b = brief(
            "外媒一份数据显示,英伟达占据了95%图形处理器的市场份额。IDC数据显示,国内GPU服务器在2021年占国内服务器市场规模的比例超过88.4%,英伟达的产品占比超80%。",
            "2023-04-23",
        );
        assert_eq!(
            b,
            vec![
                "NVIDIA 95 - 图形处理器 - - -",
                "GPU服务器 88.4 Over 服务器 China 2021 -",
                "NVIDIA 80 Over 服务器 China 2021 -"
            ]
        );
    }

    #[test]
    fn revenue_and_purchase_shares_with_fractions_and_cheng() {
        let b = brief(
            "2022年,中国市场的营收占到英伟达的约四成。美国半导体行业协会数据更是显示,2022年,中国半导体采购额为1800亿美元,占全球半导体采购总额5559亿美元的三分之一以上,是最大的全球单一市场。",
            "2023-10",
        );
        assert_eq!(b.len(), 2, "{b:?}");
        assert!(b[0].starts_with("中国市场 40 About 英伟达营收"), "{b:?}");
        assert!(b[1].starts_with("中国 33.33 Over 半导体 Global"), "{b:?}");
        let b = brief("在黄仁勋看来,中国占据了美国科技产业约三分之一的市场,令其地位无可取代。", "2023-10");
        assert_eq!(b, vec!["中国 33.33 About 科技产业 - - -"]);
    }

    #[test]
    fn the_market_a_sentence_names_first_and_a_company_in_the_clause_before() {
        assert_eq!(
            brief("IDC数据显示,2024年中国加速卡市场中,英伟达的市场份额约为70%,华为位居第二,份额约23%。", "2025-04"),
            vec!["NVIDIA 70 About 加速卡 China 2024 -", "Huawei 23 About 加速卡 China 2024 -"]
        );
        assert_eq!(
            brief("根据TrendForce统计,2024年辉达在AI伺服器用高阶GPU市场的市占率约达90%,超微(AMD)市占率约8%。", "2025-01"),
            vec!["NVIDIA 90 About 高阶GPU - 2024 -", "AMD 8 About 高阶GPU - 2024 -"]
        );
    }

    #[test]
    fn a_product_line_is_not_a_market() {
        assert_eq!(
            brief("市调机构指出,2024年辉达在中国AI晶片市场市占率约达70%,华为昇腾系列约占23%。", "2025-04"),
            vec!["NVIDIA 70 About AI芯片 China 2024 -", "Huawei 23 About AI芯片 China 2024 -"]
        );
    }

    #[test]
    fn the_market_after_zai() {
        assert_eq!(
            brief("华为昇腾在国内AI芯片市场的份额已达到约23%。", "2024-05"),
            vec!["Huawei 23 About AI芯片 China - -"]
        );
    }

    #[test]
    fn localization_ratios_and_shares_raised_to_a_level() {
        assert_eq!(
            brief("IDC预计,2025年国内AI芯片的国产化率将提升至40%。", "2025-01"),
            vec!["AI芯片 40 - - China 2025 -"]
        );
        assert!(brief("英伟达的市场份额提升了5%。", "2025-01").is_empty());
    }

    #[test]
    fn taking_a_part_of_a_market() {
        assert_eq!(
            brief("凭借CUDA生态,英伟达拿下了全球AI训练芯片市场90%以上的份额。", "2024-01"),
            vec!["NVIDIA 90 Over AI训练芯片 Global - -"]
        );
    }

    #[test]
    fn companies_listed_after_a_share_and_shares_told_respectively() {
        assert_eq!(
            brief("根据Jon Peddie Research数据,2023年第四季度英伟达在独立显卡市场的份额为80%,AMD为19%,英特尔为1%。", "2024-03"),
            vec!["NVIDIA 80 - 独立显卡 - 2023 -", "AMD 19 - 独立显卡 - 2023 -", "Intel 1 - 独立显卡 - 2023 -"]
        );
        assert_eq!(
            brief("2024年,英伟达、AMD在数据中心GPU市场的份额分别为90%和8%。", "2025-01"),
            vec!["NVIDIA 90 - 数据中心GPU - 2024 -", "AMD 8 - 数据中心GPU - 2024 -"]
        );
    }

    #[test]
    fn a_manner_is_not_a_market() {
        let b = brief("2023年,英伟达在数据中心GPU出货量市场份额高达98%,国产芯片和一众芯片巨头加起来,只占微弱的2%。", "2024-08");
        assert_eq!(b[1], "国产芯片和一众芯片巨头 2 - 数据中心GPU China 2023 Shipments");
    }

    #[test]
    fn usage_shares() {
        assert_eq!(
            brief("据统计,2020年,全世界跑AI的云计算与数据中心,80.6%都在用英伟达的GPU驱动。", "2023-04-23"),
            vec!["NVIDIA 80.6 - - Global 2020 Usage"]
        );
    }

    #[test]
    fn markets_are_lexicon_terms_longest_and_head_last() {
        use super::market_term;
        assert_eq!(market_term("全球AI训练芯片").as_deref(), Some("AI训练芯片"));
        assert_eq!(market_term("AI伺服器用高阶GPU").as_deref(), Some("高阶GPU"));
        // The article's own word, and terms one after the other as one.
        assert_eq!(market_term("全球AI加速器").as_deref(), Some("AI加速器"));
        assert_eq!(market_term("x86服务器处理器").as_deref(), Some("服务器处理器"));
        assert_eq!(market_term("资料中心AI加速器").as_deref(), Some("数据中心AI加速器"));
        assert_eq!(market_term("AI服务器用GPU").as_deref(), Some("GPU"));
        assert_eq!(market_term("全球AI服务器GPU").as_deref(), Some("AI服务器GPU"));
        assert_eq!(market_term("AI伺服器 GPU").as_deref(), Some("AI服务器GPU"));
        assert_eq!(market_term("国内云端训练晶片").as_deref(), Some("训练芯片"));
        assert_eq!(market_term("PCPOP首页").as_deref(), None);
        assert_eq!(market_term("该领域").as_deref(), None);
        // A region is never part of the market.
        assert_eq!(
            brief("2024年全球数据中心GPU市场中,英伟达的份额约为92%。", "2025-01"),
            vec!["NVIDIA 92 About 数据中心GPU Global 2024 -"]
        );
        assert_eq!(brief("据统计,英伟达在该领域的份额约为九成。", "2025-01"), vec!["NVIDIA 90 About - - - -"]);
    }

    #[test]
    fn market_hits_are_those_of_an_overlapping_automaton_of_the_forms() {
        use super::{MARKETS, market_hits};
        let lex = &*MARKETS;
        let ac = aho_corasick::AhoCorasick::new(lex.forms.iter().map(|f| f.1.as_str())).unwrap();
        let reference = |text: &str| -> Vec<(std::ops::Range<usize>, &str)> {
            let latin_edge = |c: Option<char>| c.is_some_and(|c| c.is_ascii_alphabetic());
            ac.find_overlapping_iter(text)
                .filter(|m| {
                    let r = m.range();
                    !(latin_edge(text[r.clone()].chars().next()) && latin_edge(text[..r.start].chars().last()))
                        && !(latin_edge(text[r.clone()].chars().last()) && latin_edge(text[r.end..].chars().next()))
                })
                .map(|m| (m.range(), lex.terms[lex.forms[m.pattern().as_usize()].2].as_str()))
                .collect()
        };
        let forms: Vec<&str> = lex.forms.iter().map(|f| f.1.as_str()).collect();
        let mut texts = vec![forms.concat(), forms.join("的"), forms.join("x"), "PCPOP首页的AI芯片市场".to_string()];
        for a in &forms {
            for b in &forms {
                texts.push(format!("{a}{b}"));
                texts.push(format!("A{a} {b}市场"));
            }
        }
        for text in &texts {
            assert_eq!(market_hits(text), reference(text), "{text}");
        }
    }

    #[test]
    fn a_frame_of_the_count_is_no_subject() {
        assert_eq!(super::count_frame_end("若以营收计算"), Some("若以营收计算".len()));
        assert_eq!(super::count_frame_end("按销售额计算合计"), Some("按销售额计算".len()));
        assert_eq!(super::count_frame_end("浪潮、宁畅、新华三位居前三,按销售额计算合计").map(|e| &"浪潮、宁畅、新华三位居前三,按销售额计算合计"[e..]), Some("合计"));
        assert_eq!(super::count_frame_end("就營收而言").is_some(), true);
        // 计算 inside a name frames nothing (智能计算集群).
        assert_eq!(super::count_frame_end("智能计算集群系统业务"), None);
        assert_eq!(super::count_frame_end("云计算厂商"), None);
    }

    #[test]
    fn a_frame_sentence_gives_market_region_year_and_metric_to_the_shares_after_it() {
        assert_eq!(
            brief("JPR发布了2023年第三季度全球独立显卡市场报告。英伟达份额为82%,AMD为17%。", "2023-12"),
            vec!["NVIDIA 82 - 独立显卡 Global 2023 -", "AMD 17 - 独立显卡 Global 2023 -"]
        );
        assert_eq!(
            brief("2月27日消息,JPR公布了2019年第四季度全球GPU市场出货报告。统计显示,英特尔以63%的市场占比位居榜首。", "2020-02-27"),
            vec!["Intel 63 - GPU Global 2019 Shipments"]
        );
        // Across paragraphs, and a forecast in between sets no market or year.
        assert_eq!(
            brief("2023年中国AI芯片市场规模达到1200亿元。\n\nIDC预计,2028年全球GPU市场规模将达到2000亿美元。\n\n其中,华为的份额约为20%。", "2024-03"),
            vec!["Huawei 20 About AI芯片 China 2023 -"]
        );
        // A frame lapses: eight lines later it gives nothing.
        let far = format!("2023年中国AI芯片市场规模达到1200亿元。{}华为的份额约为20%。", "\n".repeat(12));
        assert_eq!(brief(&far, "2024-03"), vec!["Huawei 20 About - - - -"]);
    }

    #[test]
    fn a_claim_of_its_own_about_another_market_takes_no_count_from_before() {
        let before = "IDC数据显示,2025年上半年中国加速卡出货量超过190万张,其中英伟达占比约62%。\n";
        for (claim, want) in [
            ("另据Bernstein预测,英伟达在中国AI芯片市场的份额将降至2026年的8%左右。", "NVIDIA 8 About AI芯片 China 2026 -"),
            ("集邦咨询观察,2024年英伟达在中国AI芯片市场的份额约为六成。", "NVIDIA 60 About AI芯片 China 2024 -"),
            ("业内人士认为,英伟达在中国数据中心AI芯片市场的份额约为五成。", "NVIDIA 50 About 数据中心AI芯片 China 2025 -"),
        ] {
            let got = brief(&format!("{before}{claim}"), "2025-09");
            assert_eq!(got.last().map(String::as_str), Some(want), "{claim}");
        }
        // The same market, or no market of its own: the count still holds.
        let got = brief(&format!("{before}国产卡合计约35%。"), "2025-09");
        assert!(got.last().is_some_and(|x| x.ends_with("Shipments")), "{got:?}");
    }

    #[test]
    fn both_ends_of_a_move_with_their_years() {
        assert_eq!(
            brief("英伟达在华市占率由三年前的九成大跌至约四成。", "2025-06"),
            vec!["NVIDIA 90 - - China 2022 -", "NVIDIA 40 About - China 2025 -"]
        );
        assert_eq!(
            brief("AMD在数据中心GPU市场的份额从2023年的10%提升至2024年的15%。", "2025-01"),
            vec!["AMD 10 - 数据中心GPU - 2023 -", "AMD 15 - 数据中心GPU - 2024 -"]
        );
        assert_eq!(
            brief("英伟达在中国的AI芯片市场份额,已从四年前的95%暴跌至50%。", "2025-05"),
            vec!["NVIDIA 95 - AI芯片 China 2021 -", "NVIDIA 50 - AI芯片 China 2025 -"]
        );
        assert!(brief("GPU的利用率从30%提升至60%。", "2025-01").is_empty());
        assert!(brief("英伟达的净利率从26%升至55%。", "2025-01").is_empty());
    }

    #[test]
    fn a_part_of_a_company_revenue() {
        assert_eq!(
            brief("英伟达来自中国大陆的营收占其总营收的17%。", "2025-01"),
            vec!["中国大陆 17 - 英伟达营收 - - Revenue"]
        );
        assert_eq!(
            brief("2024年度,英伟达来自中国市场的营收为171亿美元,同比增长66%,占总营收的13%。", "2025-03"),
            vec!["中国市场 13 - 英伟达营收 - 2024 Revenue"]
        );
        assert_eq!(
            brief("据悉,中国市场占到NVIDIA数据中心收入的大约20%。", "2023-06"),
            vec!["中国市场 20 About 英伟达数据中心营收 - - Revenue"]
        );
        assert!(brief("英伟达的研发投入占营收的比例约为20%。", "2025-01").is_empty());
    }

    #[test]
    fn subjects_are_noun_phrases() {
        // (A count with its measure word before the holder, in a headline
        // or a clause, is no part of it.)
        assert_eq!(
            brief("IDC:去年内地加速芯片出货近140万张 GPU占九成", "2025-01")[0].split(' ').next(),
            Some("GPU")
        );
        assert_eq!(
            brief("今年上半年国内AI服务器出货约12.5万台,其中GPU服务器占比达到87%。", "2025-01")[0].split(' ').next(),
            Some("GPU服务器")
        );
        assert_eq!(
            brief("就服务器配置而言,可装8片加速卡的机型成为主流,占比超过四成。", "2025-01")[0].split(' ').next(),
            Some("可装8片加速卡的机型")
        );
        assert_eq!(
            brief("在中国加速卡市场,国产芯片目前已占据约三成份额。", "2025-01"),
            vec!["国产芯片 30 About 加速卡 China 2025 -"]
        );
        assert_eq!(
            brief("而ASIC、FPGA等非GPU加速服务器增速很快,占比超过30%。", "2025-01")[0].split(' ').next(),
            Some("非GPU加速服务器")
        );
        assert_eq!(
            brief("至于8卡服务器,仍是用户的首选,占有六成以上的市场份额。", "2025-01"),
            vec!["8卡服务器 60 Over - - - -"]
        );
        assert_eq!(
            brief("从厂商层面来看,浪潮、华为和曙光仍旧牢居前三,占有74%以上的市场份额。", "2021-04"),
            vec!["浪潮、华为和曙光 74 Over - - - -"]
        );
        assert_eq!(
            brief("按行业划分,金融是最大的采购行业,占有近40%的市场份额;其次是电信和政府,分别占有20%和15%的市场份额。", "2025-01"),
            vec!["金融 40 About - - - -", "电信 20 - - - - -", "政府 15 - - - - -"]
        );
    }

    #[test]
    fn the_subject_of_the_clause_before_is_cut_at_its_verb() {
        assert_eq!(
            brief("就服务器配置而言,可装8片加速卡的机型成为主流,占有40%以上的市场份额。", "2021-04")[0].split(' ').next(),
            Some("可装8片加速卡的机型")
        );
        assert_eq!(brief("液冷机型逐渐成为主流,占比已达到三成。", "2025-01")[0].split(' ').next(), Some("液冷机型"));
    }

    #[test]
    fn shares_told_after_a_share_word_or_a_share_before() {
        assert_eq!(brief("就出货量份额而言,AMD保持在25%左右。", "2025-01"), vec!["AMD 25 About - - - Shipments"]);
        assert_eq!(brief("从市场份额来看,Intel维持在62%,单季小幅减少0.1个百分点。", "2022-04"), vec!["Intel 62 - - - - -"]);
        assert_eq!(
            brief("2024年第二季度,英特尔在全球GPU市场的份额为64%。\nAMD增加1个百分点达到16%,英伟达相应降到20%。", "2024-09"),
            vec!["Intel 64 - GPU Global 2024 -", "AMD 16 - GPU Global 2024 -", "NVIDIA 20 - GPU Global 2024 -"]
        );
        // Not after a share: growth of a company.
        assert_eq!(brief("英伟达在独立显卡市场的份额为80%。\nAMD营收同比增长10%。", "2024-09").len(), 1);
        assert!(brief("受此影响,英伟达在华营收占比预计下降,公司股价下跌3%。", "2024-09").is_empty());
    }

    #[test]
    fn pronouns_each_and_a_business_part_of_revenue() {
        assert_eq!(
            brief("AMD表示,该公司在数据中心GPU市场的份额约为10%。", "2025-01"),
            vec!["AMD 10 About 数据中心GPU - - -"]
        );
        assert_eq!(
            brief("英伟达CEO黄仁勋表示,公司在中国的市场份额已从此前的95%降至如今的0%。", "2025-10"),
            vec!["NVIDIA 95 - - China - -", "NVIDIA 0 - - China 2025 -"]
        );
        assert_eq!(
            brief("摩尔线程和壁仞科技在国内GPU市场各占约2%。", "2025-01"),
            vec!["Moore Threads 2 About GPU China - -", "Biren 2 About GPU China - -"]
        );
        assert_eq!(
            brief("寒武纪2024年营收11.7亿元,同比增长65.56%,其中云端产品线收入占比超过99%。", "2025-04"),
            vec!["云端产品线 99 Over 寒武纪营收 - 2024 Revenue"]
        );
        assert_eq!(brief("英伟达数据中心业务收入占比已超过85%。", "2025-04"), vec!["数据中心业务 85 Over 英伟达营收 - - Revenue"]);
        assert!(brief("英伟达数据中心业务收入同比增长112%。", "2025-04").is_empty());
    }

    #[test]
    fn passive_holders_chip_holders_and_settings() {
        assert_eq!(
            brief("全球约90%的AI训练芯片市场份额被英伟达占据。", "2025-01"),
            vec!["NVIDIA 90 About AI训练芯片 Global - -"]
        );
        assert_eq!(
            brief("H20在中国AI芯片市场的市占率一度超过50%。", "2025-01"),
            vec!["H20 50 Over AI芯片 China - -"]
        );
        assert_eq!(
            brief("2025年上半年,中国加速卡市场中国产品牌份额已提升至35%。", "2025-08"),
            vec!["国产品牌 35 - 加速卡 China 2025 -"]
        );
        assert_eq!(brief("从市场份额来看,英伟达仍以80%位居第一。", "2025-08"), vec!["NVIDIA 80 - - - - -"]);
    }

    #[test]
    fn denied_reports_give_nothing() {
        assert!(brief("有报道称英伟达将拿下30%的订单,但公司已否认这一传闻。", "2025-01").is_empty());
        assert!(brief("AMD辟谣称其拿下了40%的AI芯片订单一说不实。", "2025-01").is_empty());
    }

    #[test]
    fn a_clause_ending_with_the_whole_frames_the_holding_after_it() {
        let b = brief("JPR统计今年一季度全球独立显卡出货,英伟达占75%,AMD占25%。", "2020-05-18");
        assert_eq!(b.len(), 2, "{b:?}");
        assert!(b[0].starts_with("NVIDIA 75 - 独立显卡 Global 2020"), "{b:?}");
        assert!(b[1].starts_with("AMD 25"), "{b:?}");
        let b = brief("全球AI服务器市场,浪潮约占两成。", "2024-05-18");
        assert_eq!(b.len(), 1, "{b:?}");
        // (Not a whole that is no market: 今年AI芯片需求旺盛,……利润.)
        assert!(brief("今年AI芯片需求旺盛,英伟达占75%的利润。", "2024-05-18").is_empty());
    }

    #[test]
    fn a_company_s_own_move_after_a_share_with_its_abbreviation_or_a_modal() {
        let b = brief("今年第2季全球独立显卡市场中,辉达市占率由去年同期的约68%升至80%,超微(AMD)则从32%降到20%。", "2020-08-20");
        assert_eq!(b.iter().filter(|x| x.starts_with("AMD")).count(), 2, "{b:?}");
        let b = brief("去年辉达在中国AI芯片市场大概占66%,华为大约23%;今年辉达可能会掉到54%。", "2025-04-17");
        assert!(b.iter().any(|x| x.starts_with("NVIDIA 54 - AI芯片 China 2025")), "{b:?}");
    }

    #[test]
    fn other_percentages_are_not_shares() {
        for text in [
            "财报显示,英伟达毛利率达到71%,其中,热门产品A100和H100系列,毛利率高达90%。",
            "消息一出,英伟达股价下跌超7%,创下近三个月跌幅。",
            "当半导体工艺达到 7nm 时,数据搬运功耗高达 35pJ/bit,占总功耗的63.7%。",
            "2023年中国数字经济核心产业增加值估计超过12万亿元,占GDP的比重为10%左右,增速超70%。",
            "以A100芯片为例,从去年年底到现在,其单价涨了超过50%。",
            "综合性能可能只有A100的60%,综合成本要高出20%至30%。",
            "GPU的整体晶体管利用率只有20%,而TPU能够达到60%-100%。",
            "预计2025年我国AI芯片市场规模将达到1780亿元,2019-2025复合年均增长率可达42.9%。",
            "AMD的GPU价格大概是英伟达对标产品的七八成。",
        ] {
            assert!(brief(text, "2024-01").is_empty(), "{text}: {:?}", brief(text, "2024-01"));
        }
    }
}

/// Drops shares a document tells again: same subject, percent, market and year.
///
/// Two shares told by different counts (按出货量计算占98%; 按营收计算,其份额同样
/// 高达98%) are two records; one that names no count is the same as one that does.
pub fn dedupe(shares: Vec<Share>) -> Vec<Share> {
    let mut kept: Vec<Share> = Vec::with_capacity(shares.len());
    for sh in shares {
        let same = |k: &Share| {
            k.subject == sh.subject
                && k.percent.to_bits() == sh.percent.to_bits()
                && k.market == sh.market
                && k.year == sh.year
                && (k.metric.is_none() || sh.metric.is_none() || k.metric == sh.metric)
        };
        if !kept.iter().any(same) {
            kept.push(sh);
        }
    }
    kept
}

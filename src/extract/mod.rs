//! The extractor: prices, market shares, chips and export-control events out
//! of a normalized document (Simplified Chinese, half-width ASCII, `\n` line
//! breaks; see [`crate::load`]).
//!
//! The document is laid out in lines (paragraphs), sentences and clauses
//! ([`text`]); lines outside the article body are set aside ([`boiler`]).
//! Each sentence is read once: its chips ([`chips`]), companies ([`vendor`]),
//! numbers ([`number`]) and dates ([`date`]) are found, and the readers of
//! each kind ([`price`], [`share`], [`export`]) turn them into records. What
//! one sentence leaves open (which chip 这类芯片 means, the date a paragraph
//! set, the authority named before) is carried in [`DocState`].

use std::collections::BTreeMap;
use std::ops::Range;
use std::sync::LazyLock;

use crate::catalog::Catalog;
use crate::load::Document;
use crate::model::{ChipMention, PartialDate, Record, Warning};

pub use crate::text::page as boiler;
pub mod chips;
pub mod date;
pub mod export;
pub mod grammar;
pub mod number;
pub mod price;
pub mod qualify;
pub mod share;
pub mod signs;
pub mod text;
pub mod vendor;
pub use crate::text::words;

use chips::{ChipMatcher, ChipRef, Mention};
use date::DateMention;
use text::Layout;
use vendor::{VendorMatcher, VendorMention};
use words::{Hits, WordLists};

/// Where each reader's lists stand among [`SENTENCE_LISTS`].
const PRICE_LISTS_AT: usize = 0;
const SHARE_LISTS_AT: usize = PRICE_LISTS_AT + price::LISTS;
pub(crate) const EXPORT_LISTS_AT: usize = SHARE_LISTS_AT + share::LISTS;

/// Every word list the readers ask about a sentence (the price reader's,
/// the share reader's, the export reader's, in that order; each reader
/// names its lists by their place here), in one automaton: a sentence is
/// scanned once for all of them ([`Sentence::hits`]), and a word in several
/// lists is one pattern with the lists it belongs to.
pub(crate) static SENTENCE_LISTS: LazyLock<WordLists> = LazyLock::new(|| {
    let lists: Vec<Vec<&'static str>> = [price::lists(), share::lists(), export::lists()].concat();
    assert_eq!(lists.len(), EXPORT_LISTS_AT + export::LISTS, "a reader's LISTS is its number of lists");
    WordLists::new(&lists.iter().map(|l| &l[..]).collect::<Vec<_>>())
});


/// What extraction found in one document.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Extraction {
    /// Sorted by line, then kind.
    pub records: Vec<Record>,
    /// Document warnings (unknown chip-like tokens, ...).
    pub warnings: Vec<Warning>,
}

/// Built once per run from the catalog; shared across threads.
pub struct Extractor {
    pub catalog: Catalog,
    chips: ChipMatcher,
    vendors: VendorMatcher,
}

/// A list of chips named together (A800 和H800, A100、H100、A800 和H800).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Group {
    /// Byte range in the sentence, from the first name to the last.
    pub range: Range<usize>,
    /// Catalog indices, in order, without repeats.
    pub chips: Vec<usize>,
}

/// One sentence as the readers see it; all ranges are relative to `text`.
pub struct Sentence<'a> {
    pub text: &'a str,
    /// Line of the original file the sentence is on.
    pub line: u32,
    /// Index of the paragraph (normalized line) the sentence is on.
    pub para: u32,
    clauses: std::cell::OnceCell<Vec<Range<usize>>>,
    pub chips: Vec<Mention>,
    pub groups: Vec<Group>,
    pub dates: Vec<DateMention>,
    /// Which telling characters the sentence holds ([`signs`]).
    pub signs: u8,
    vendor_matcher: &'a VendorMatcher,
    vendors: std::cell::OnceCell<Vec<VendorMention>>,
    /// The sentence before in the same paragraph ("" for a paragraph's first):
    /// where a pronoun's company (其) is looked for when this one names none.
    pub previous: &'a str,
    /// The text before the sentence, as far back as [`EARLIER_BYTES`] (or a
    /// character more): what a list named bare (加入该清单) points back to.
    pub earlier: &'a str,
    hits: std::cell::OnceCell<Hits>,
}

/// How far back [`Sentence::earlier`] reaches, in bytes (some paragraphs).
pub const EARLIER_BYTES: usize = 1500;

impl Sentence<'_> {
    /// Companies the sentence names (found on first use: few sentences need them).
    pub fn vendors(&self) -> &[VendorMention] {
        self.vendors.get_or_init(|| self.vendor_matcher.find(self.text))
    }

    /// The words of the readers' lists in the sentence ([`SENTENCE_LISTS`]),
    /// found in one scan when a reader first asks: most sentences hold no
    /// sign of any reader's words ([`signs`]) and are never scanned.
    pub fn hits(&self) -> &Hits {
        self.hits.get_or_init(|| SENTENCE_LISTS.scan(self.text))
    }

    /// Byte ranges of the clauses ([`text::clauses`]; found on first use:
    /// only sentences a reader goes on with need them).
    pub fn clauses(&self) -> &[Range<usize>] {
        self.clauses.get_or_init(|| text::clauses(self.text))
    }

    /// Index of the clause holding byte `at`.
    pub fn clause_of(&self, at: usize) -> usize {
        text::clause_of(self.clauses(), at)
    }

    pub fn clause_text(&self, i: usize) -> &str {
        &self.text[self.clauses()[i].clone()]
    }
}

/// What a document carries from one sentence to the next.
#[derive(Default)]
pub struct DocState {
    pub published: Option<PartialDate>,
    /// Chips of the last sentence that named any, for 这类芯片, 该芯片, 其.
    pub previous_chips: Vec<usize>,
    /// Those of them the sentence is about: not a chip it names only as a
    /// time or a comparison (被视为H20之后的替代品), unless it names no other.
    pub previous_about: Vec<usize>,
    /// Index of that sentence, and its paragraph.
    pub previous_chips_at: usize,
    pub previous_chips_para: u32,
    /// Whether the last sentence that named chips asks a question (……5090D
    /// 实际成交价大概多少?): the next sentence answers it, in a new
    /// paragraph too.
    pub previous_asks: bool,
    /// Sentences of some words told since the last that named chips.
    pub told_since_chips: usize,
    /// Index of the sentence being read.
    pub sentence: usize,
    /// The currency of the last price read, for amounts a later sentence
    /// gives without one (从230万涨到330万), the sentence it was read in and
    /// the chips it was of: a currency other than the document's own is
    /// carried only into the next sentence, while it names none or one of
    /// those chips.
    pub last_currency: Option<&'static str>,
    pub last_currency_at: Option<usize>,
    pub last_currency_chips: Vec<usize>,
    /// The sentence that priced a chip and ended with a semicolon: the
    /// next one goes on with what it said (V100售价约6万元;而T4则约1.5万元).
    pub priced_to_semicolon: Option<usize>,
    /// The document's own money: its local money where it names one
    /// ([`price::local_currency`]), else the yuan; before the first price,
    /// and after a foreign one is no longer carried, amounts without a
    /// currency are in it.
    pub home_currency: &'static str,
    /// The money a bare 元 is in, where not the renminbi: the New Taiwan or
    /// Hong Kong dollar of a report that names it more often than the
    /// renminbi, or where it names its own market more often than the
    /// mainland's ([`price::yuan_money`]).
    pub yuan_money: Option<&'static str>,
    /// The money of a report first written in traditional characters that
    /// is also called 元 (新台币, 港币), where it has one: a bare 元 in a
    /// sentence about the report's own market is in it.
    pub home_yuan: Option<&'static str>,
    /// The money 蚊 is in: the Cantonese word for the dollar of the place,
    /// the Hong Kong dollar, save in a report in simplified characters whose
    /// own money is the yuan (一万七蚊左右 said in a Guangzhou market).
    pub cantonese_dollar: &'static str,
    /// The chips of a heading that opens a list (▌RTX 5090（平行進口）, then
    /// ‧ Inno3D X3：$24,800): an item that names no chip prices them.
    pub list_head: OpenList<Vec<usize>>,
    /// The money a line that opens a list names for its items (行情（人民币，
    /// 仅供参考）：, 报价（全部现金价，港元）：): an item that names no currency
    /// is in it.
    pub list_money: OpenList<Option<&'static str>>,
    /// Whether a line opens a list of prices that names no money
    /// (自己盯了两个月京东自营的价,大概是这样：, 一、行情（……成交过的价）):
    /// an item that starts with a chip's name and a colon (5090：……,
    /// 3080 10G：……) prices that chip in the document's money, its plain
    /// figures and sums in 千 or 万 money though no word of price is named.
    pub list_price: OpenList<bool>,
    /// A section under a marked heading line that names chips and nothing
    /// else (1. RTX 3090, 【A100 40GB】): its chips, the heading's line and
    /// the section's last line so far. The lines right under it, no blank
    /// line between, go on about its chips (去年底原价屋的非公版大概5万出头).
    pub section: Option<(Vec<usize>, u32, u32)>,
    /// Whether the sentence being read is in that section.
    pub in_section: bool,
    /// The chips a headline names in one group, until the body names any:
    /// what a price the body tells first, naming no chip, is of (a forum
    /// thread titled 4090首发快一个月了, whose first post prices the card).
    pub topic: Vec<usize>,
    /// Paragraph and the date its sentences set so far.
    pub para_date: Option<(u32, PartialDate)>,
    /// The last date a sentence told, of any clause (同月 points back to
    /// its month).
    pub last_told_date: Option<PartialDate>,
    /// The last export-control authority named.
    pub authority: Option<String>,
    /// The last date an export-control event was told with (同日, 当天 point
    /// back to it).
    pub last_event_date: Option<PartialDate>,
    /// The date of the last rule told with a date of its own (新规 points
    /// back to it).
    pub last_rule_date: Option<PartialDate>,
    /// The chips of the last sentence that told a ban or a restriction on
    /// chips, that sentence's index and its paragraph: what an easing told
    /// right after without naming any lifts.
    pub tightened: Option<(usize, u32, Vec<usize>)>,
    pub warnings: Vec<Warning>,
    /// Prices that linked to no chip so far.
    pub unlinked: usize,
    /// The market, region, year and metric the last shares or market
    /// sentences set, for shares that name none.
    pub share_frame: share::Frame,
    /// The year of the last date told in the text so far (同年 in a later
    /// sentence refers to it).
    pub told_year: Option<i32>,
    /// The line of the article's headline: its first line of body text, when
    /// that reads like a headline (short, no full stop inside).
    pub headline: Option<u32>,
}

/// Warnings of one sort listed per document; past this many, one line counts
/// the rest (a huge dump must not make a huge summary).
pub const MAX_WARNINGS: usize = 50;

impl DocState {
    /// Notes a price that links to no chip.
    pub fn warn_unlinked(&mut self, amount: &str, line: u32) {
        self.unlinked += 1;
        if self.unlinked <= MAX_WARNINGS {
            self.warnings.push(Warning::UnlinkedPrice { amount: amount.to_string(), line });
        }
    }

    /// The date the paragraph of `s` set in an earlier sentence.
    pub fn para_date(&self, s: &Sentence) -> Option<PartialDate> {
        self.para_date.and_then(|(p, d)| (p == s.para).then_some(d))
    }
}

impl Extractor {
    pub fn new(catalog: Catalog) -> Extractor {
        let chips = ChipMatcher::new(&catalog);
        let vendors = VendorMatcher::new(&catalog);
        Extractor { catalog, chips, vendors }
    }

    pub fn chip_matcher(&self) -> &ChipMatcher {
        &self.chips
    }

    pub fn extract(&self, doc: &Document) -> Extraction {
        let text = doc.text.as_str();
        let layout = Layout::new(text);
        // The lines, split once for the boilerplate filter and the table reader.
        let (lines, line_starts) = text::lines_with_starts(text);
        let boiler = boiler::boilerplate_lines_of(text, &lines, &line_starts);
        let path = doc.summary.doc.as_str();
        let local = price::local_currency(text, doc.summary.script).or_else(|| price::money_of_place(text, doc.summary.script));
        let dateline_day = date::dateline_day(text, doc.published());
        let yuan_money = local.and_then(|home| price::yuan_money(text, home, doc.summary.script));
        let home_currency = local.unwrap_or("CNY");
        let cantonese_dollar = if home_currency == "CNY" && doc.summary.script == crate::model::Script::Simplified { "CNY" } else { "HKD" };
        let home_yuan = local.filter(|home| price::called_yuan(home, doc.summary.script));
        let mut state = DocState { published: doc.published(), home_currency, yuan_money, home_yuan, cantonese_dollar, ..DocState::default() };
        let mut records: Vec<Record> = Vec::new();
        let mut chip_hits: BTreeMap<ChipRef, Vec<(u32, usize)>> = BTreeMap::new();
        let mut unknown_vendor: BTreeMap<String, String> = BTreeMap::new();
        let mut prices = Vec::new();
        let mut shares = Vec::new();
        let mut events = Vec::new();
        let mut unresolved = 0usize;

        let all_mentions = self.chips.find(text);
        let mut previous: (u32, &str) = (0, "");
        // Whether a sentence named chips yet, and the line of the topic.
        let (mut named_chips, mut topic_line) = (false, 0);
        for (si, s) in layout.sentences.iter().enumerate() {
            if boiler.get(s.line as usize - 1).copied().unwrap_or(false) {
                continue;
            }
            let stext = &text[s.range.clone()];
            if previous.0 == 0 && headline_like(lines.get(s.line as usize - 1).copied().unwrap_or("")) {
                state.headline = Some(s.line);
            }
            let before = if previous.0 == s.line { previous.1 } else { "" };
            previous = (s.line, stext);
            let line = doc.original_line(s.line);
            // The chips of the sentence, from one pass over the whole text.
            let first = all_mentions.partition_point(|m| m.range.start < s.range.start);
            let mentions: Vec<Mention> = all_mentions[first..]
                .iter()
                .take_while(|m| m.range.end <= s.range.end)
                .map(|m| Mention { range: m.range.start - s.range.start..m.range.end - s.range.start, chip: m.chip.clone() })
                .collect();
            for m in &mentions {
                chip_hits.entry(m.chip.clone()).or_default().push((line, si));
                if let ChipRef::Unknown(token) = &m.chip {
                    let vendor = nearest_known(stext, &mentions, m)
                        .map(|i| self.catalog.chips[i].vendor.clone())
                        .unwrap_or_else(|| "unknown".to_string());
                    unknown_vendor.entry(token.clone()).or_insert(vendor);
                }
            }
            let mut dates = date::find_dates_after(stext, state.published, state.told_year);
            // (中央社记者华盛顿17日专电)……美国商务部今天公布: today is the
            // dateline's day, not the publication's (a day later in Taipei).
            if let Some(day) = dateline_day {
                for d in dates.iter_mut().filter(|d| matches!(&stext[d.start..d.end], "今天" | "今日")) {
                    d.date = Some(day);
                }
            }
            if let Some(d) = dates.iter().rev().find_map(|d| d.date) {
                state.told_year = Some(d.year);
            }
            unresolved += dates.iter().filter(|d| d.date.is_none()).count();
            let sent = Sentence {
                text: stext,
                line,
                para: s.line,
                clauses: std::cell::OnceCell::new(),
                groups: groups(stext, &mentions),
                chips: mentions,
                dates,
                signs: signs::of(stext),
                vendor_matcher: &self.vendors,
                vendors: std::cell::OnceCell::new(),
                previous: before,
                earlier: {
                    let mut from = s.range.start.saturating_sub(EARLIER_BYTES);
                    while !text.is_char_boundary(from) {
                        from -= 1;
                    }
                    &text[from..s.range.start]
                },
                hits: std::cell::OnceCell::new(),
            };
            state.sentence = si;
            // (Asked only while a list is open: most sentences are no item.)
            let open = !state.list_head.what.is_empty() || state.list_money.what.is_some();
            let item = open && crate::text::page::list_item(stext);
            state.list_head.read(s.line, item && !state.list_head.what.is_empty());
            state.list_money.read(s.line, item && state.list_money.what.is_some());
            state.list_price.read(s.line, state.list_price.what && price::chip_item(&sent));
            state.in_section = match &mut state.section {
                Some((_, heading, last)) if s.line > *heading && s.line <= *last + 1 => {
                    *last = s.line;
                    true
                }
                _ => false,
            };
            if !state.in_section && state.section.as_ref().is_some_and(|(_, heading, _)| s.line > *heading) {
                state.section = None;
            }
            prices.extend(price::read(self, &sent, &mut state, path));
            shares.extend(share::read(self, &sent, &mut state, path));
            export::read_into(self, &sent, &mut state, path, &mut events);

            // What this sentence leaves for the next one.
            // (The first line that names chips, when it reads like a
            // headline: a forum's breadcrumbs may come before the title.)
            if !sent.groups.is_empty() {
                if !named_chips && headline_like(lines.get(s.line as usize - 1).copied().unwrap_or("")) && sent.groups.len() == 1 {
                    state.topic = sent.groups[0].chips.clone();
                    topic_line = s.line;
                } else if s.line != topic_line {
                    state.topic.clear();
                }
                named_chips = true;
            }
            let head = list_heading(&sent).then(|| sent.groups.iter().flat_map(|g| g.chips.iter().copied()).collect::<Vec<usize>>());
            if let Some(chips) = &head
                && section_heading(&sent, lines.get(s.line as usize - 1).copied().unwrap_or(""))
            {
                state.section = Some((chips.clone(), s.line, s.line));
            }
            state.list_head.leave(s.line, head);
            state.list_money.leave(s.line, price::money_of_list(stext).map(Some));
            state.list_price.leave(s.line, price::opens_price_list(stext).then_some(true));
            if !sent.groups.is_empty() {
                state.previous_chips = sent.groups.iter().flat_map(|g| g.chips.iter().copied()).collect();
                // ……本来被视为H20之后的替代品。据说渠道价在5万元左右: what the
                // sentence is about, not a chip it names as a time or a
                // comparison (unless it names no other; one group is what the
                // sentence is about, whatever it is).
                state.previous_about = if sent.groups.len() > 1 {
                    // (……是辉达在H20受限之后推出的特供版: nor one in a clause
                    // of time or circumstance.)
                    let background = price::backgrounds(&sent);
                    let about = |g: &&Group| !export::named_as_reference(stext, g.range.clone()) && !background.iter().any(|b| b.start <= g.range.start && g.range.end <= b.end);
                    let own = sent.groups.iter().any(|g| about(&g));
                    sent.groups.iter().filter(|g| !own || about(g)).flat_map(|g| g.chips.iter().copied()).collect()
                } else {
                    state.previous_chips.clone()
                };
                state.previous_chips_at = si;
                state.previous_chips_para = s.line;
                state.previous_asks = stext.trim_end().ends_with(['?', '？']);
                state.told_since_chips = 0;
            } else if state.previous_chips_at + 1 == si
                && !state.previous_about.is_empty()
                && stext.trim_end().ends_with(['?', '？'])
                && price::refers_back(stext, sent.hits(), stext.len())
            {
                // (……特供版RTX Pro 6000D。这张卡到底多少钱? 一张大概人民币5万元:
                // a question about the chips just named, by a word that
                // refers back, is answered next, in a new paragraph too.)
                state.previous_chips_at = si;
                state.previous_chips_para = s.line;
                state.previous_asks = true;
            } else {
                // A page's labels and stamps (美国, 中国, 2026-01-14T16:53+0800, a
                // link) tell nothing: only a sentence of some words makes the
                // chips told before it forgotten, after three.
                // (Counted only while there are chips to forget.)
                if !state.previous_chips.is_empty() && stext.chars().filter(|&c| text::is_han(c)).nth(5).is_some() {
                    state.told_since_chips += 1;
                }
                if state.told_since_chips > 3 {
                    state.previous_chips.clear();
                    state.previous_about.clear();
                }
            }
            // (Not the day a chip came out: H200是英伟达2023年推出的上一代旗舰产品
            // dates no price the paragraph goes on to; nor the day someone
            // said something: 黄仁勋10月曾坦言…… .)
            if let Some(d) = sent.dates.iter().find(|d| d.start < sent.clauses()[0].end && !price::launched(stext, d) && !price::said_on(stext, d)).and_then(|d| d.date) {
                state.para_date = Some((s.line, d));
            }
            if let Some(d) = sent.dates.iter().rev().find_map(|d| d.date) {
                state.last_told_date = Some(d);
            }
        }


        prices.extend(price::read_tables(
            self,
            (&lines, &line_starts),
            &all_mentions,
            &boiler,
            |l| doc.original_line(l),
            state.published,
            path,
        ));
        // A row of a table read by its columns is read so, not as a sentence.
        // (A document with no bar and no tab holds no such table: two memchr
        // passes, not a look at every line.)
        let grid = if text.contains('|') || text.contains('\t') {
            price::read_grid_tables(self, (&lines, &line_starts), &all_mentions, &boiler, |l| doc.original_line(l), state.published, path)
        } else {
            Vec::new()
        };
        if !grid.is_empty() {
            prices.retain(|p| !grid.iter().any(|g| g.line == p.line && g.chip == p.chip));
            prices.extend(grid);
        }
        records.extend(price::dedupe(price::without_headline_repeats(prices, state.published)).into_iter().map(Record::Price));
        records.extend(share::dedupe(shares).into_iter().map(Record::Share));
        records.extend(export::merge(events).into_iter().map(Record::ExportControl));
        for (chip, hits) in &chip_hits {
            let (first_line, first_sentence) = hits[0];
            let s = &layout.sentences[first_sentence];
            let mut lines: Vec<u32> = hits.iter().map(|h| h.0).collect();
            lines.dedup();
            let (id, vendor, known) = match chip {
                ChipRef::Known(i) => (self.catalog.chips[*i].id.clone(), self.catalog.chips[*i].vendor.clone(), true),
                ChipRef::Unknown(t) => {
                    state.warnings.push(Warning::UnknownChip { token: t.clone(), line: first_line });
                    (t.clone(), unknown_vendor.get(t).cloned().unwrap_or_default(), false)
                }
            };
            records.push(Record::Chip(ChipMention {
                doc: path.to_string(),
                line: first_line,
                evidence: text[s.range.clone()].to_string(),
                chip: id,
                vendor,
                mentions: hits.len() as u32,
                lines,
                known,
            }));
        }
        if state.unlinked > MAX_WARNINGS {
            let more = state.unlinked - MAX_WARNINGS;
            state.warnings.push(Warning::MoreUnlinkedPrices { count: more });
        }
        if unresolved > 0 {
            state.warnings.push(Warning::UnresolvedDates { count: unresolved });
        }
        records.sort_by_key(|r| (r.line(), r.kind()));
        Extraction { records, warnings: state.warnings }
    }
}

/// The known chip named nearest to `m` in the same sentence.
/// The known chip a list joins an unknown token to (H20、L20和XG900: L20), for
/// its vendor; a chip only named near it (XG900芯片……较A800更贵) lends none.
fn nearest_known(text: &str, mentions: &[Mention], m: &Mention) -> Option<usize> {
    mentions
        .iter()
        .filter(|o| chips::joined(text, o.range.end, m.range.start) || chips::joined(text, m.range.end, o.range.start))
        .filter_map(|o| match o.chip {
            ChipRef::Known(i) => Some((o.range.start.abs_diff(m.range.start), i)),
            ChipRef::Unknown(_) => None,
        })
        .min()
        .map(|(_, i)| i)
}

/// What a line that opens a list gives its items (its chips, its money),
/// while the list runs: the last line of the list so far, and whether the
/// sentence being read is one of its items (a list item right under the
/// opening line, blank lines between allowed, or under the items before it).
#[derive(Default)]
pub struct OpenList<T> {
    pub what: T,
    line: u32,
    pub in_it: bool,
}

impl<T: Default> OpenList<T> {
    /// Before a sentence on `line` is read: whether it is an item of the list
    /// (`item`: it is a list item and the list gives something).
    fn read(&mut self, line: u32, item: bool) {
        self.in_it = item && line <= self.line + 2;
        if self.in_it {
            self.line = line;
        }
    }

    /// After it: a new opening line starts the list again; any other line
    /// that is no item ends it.
    fn leave(&mut self, line: u32, opens: Option<T>) {
        match opens {
            Some(what) => {
                self.what = what;
                self.line = line;
            }
            None if !self.in_it => self.what = T::default(),
            None => {}
        }
    }
}

/// Whether a line reads like a headline: short (60 characters at most), no
/// full stop inside.
fn headline_like(line: &str) -> bool {
    let l = line.trim();
    l.chars().count() <= 60 && !l.trim_end_matches('。').contains('。')
}

/// Whether a sentence is the heading of a list: a short line (30 characters
/// at most) that names chips in one group, no clause or sentence marks, and
/// no money (▌RTX 5090（平行進口）, RTX 5080：, 【H20】).
fn list_heading(s: &Sentence) -> bool {
    s.groups.len() == 1
        && s.signs & signs::CURRENCY == 0
        && s.text.chars().count() <= 30
        && !s.text.contains(['，', ',', '。', '；', ';', '%', '％'])
}

/// Whether a list heading ([`list_heading`]) is the heading of a section:
/// the whole of its line, marked as a heading (1. RTX 3090, 【H20】), and
/// little but the chips' names and their specs (1. RTX 3090, 2. A100 40GB
/// PCIe): at most six Han characters besides.
fn section_heading(s: &Sentence, line: &str) -> bool {
    line.trim() == s.text.trim() && crate::text::page::marked(line) && {
        let mut han = 0;
        let mut at = 0;
        for g in &s.groups {
            han += s.text[at..g.range.start].chars().filter(|c| !c.is_ascii()).count();
            at = g.range.end;
        }
        han += s.text[at..].chars().filter(|c| !c.is_ascii() && !"【】▌┃".contains(*c)).count();
        han <= 6
    }
}

/// Coordinated lists of known chips: names joined only by list joiners.
pub fn groups(text: &str, mentions: &[Mention]) -> Vec<Group> {
    let mut out: Vec<Group> = Vec::new();
    let mut last_end = None;
    let mut closed = false;
    for m in mentions {
        let ChipRef::Known(chip) = m.chip else {
            // An unknown token still joins a list (A100/H00) without adding to it.
            if let (Some(g), Some(end)) = (out.last_mut(), last_end) {
                if chips::joined(text, end, m.range.start) {
                    g.range.end = m.range.end;
                    last_end = Some(m.range.end);
                }
            }
            continue;
        };
        // (A800和H800,H800的售价: a list that 和, 与 or 及 has closed goes on
        // after no comma; the comma starts a clause.)
        let by_comma = |end: usize| text[end..m.range.start].trim_start_matches(' ').starts_with([',', '，']);
        match (out.last_mut(), last_end) {
            (Some(g), Some(end)) if (chips::joined(text, end, m.range.start) && !(closed && by_comma(end))) || end == m.range.start => {
                if !g.chips.contains(&chip) {
                    g.chips.push(chip);
                }
                g.range.end = m.range.end;
                closed = closed || chips::closes_list(&text[end..m.range.start]);
            }
            _ => {
                out.push(Group { range: m.range.clone(), chips: vec![chip] });
                closed = false;
            }
        }
        last_end = Some(m.range.end);
    }
    out
}

/// Extraction of a text with the embedded catalog, for the readers' tests.
#[cfg(test)]
pub(crate) fn extract_text(text: &str, published: &str) -> Extraction {
    use std::sync::LazyLock;
    static EXTRACTOR: LazyLock<Extractor> = LazyLock::new(|| Extractor::new(Catalog::embedded()));
    EXTRACTOR.extract(&Document::from_text("t.txt", text, published.parse().ok()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ex(text: &str, published: &str) -> Extraction {
        extract_text(text, published)
    }

    #[test]
    fn chips_are_counted_once_per_document_with_their_lines() {
        let e = ex("英伟达A100很贵。\n\nA100和H100都缺货。\n", "2023-07");
        let chips: Vec<(String, u32, Vec<u32>)> = e
            .records
            .iter()
            .filter_map(|r| match r {
                Record::Chip(c) => Some((c.chip.clone(), c.mentions, c.lines.clone())),
                _ => None,
            })
            .collect();
        assert_eq!(chips, vec![("A100".into(), 2, vec![1, 3]), ("H100".into(), 1, vec![3])]);
    }

    #[test]
    fn unknown_tokens_are_chips_with_known_false_and_a_warning() {
        let e = ex("2022年9月,A100/H00禁止向中国出口。", "2024-08");
        let unknown = e.records.iter().find_map(|r| match r {
            Record::Chip(c) if !c.known => Some(c.clone()),
            _ => None,
        });
        let u = unknown.expect("H00 reported");
        assert_eq!((u.chip.as_str(), u.vendor.as_str()), ("H00", "NVIDIA"));
        assert!(e.warnings.iter().any(|w| matches!(w, Warning::UnknownChip { token, .. } if token == "H00")));
    }

    #[test]
    fn boilerplate_gives_no_records() {
        let e = ex("正文。\n■英伟达的崛起:H100从零到占全球显卡销量的80%以上\n■英伟达,用算力征服元宇宙\n", "2023-04");
        assert!(e.records.is_empty(), "{:?}", e.records);
    }

    #[test]
    fn coordinated_chips_form_one_group() {
        let cat = Catalog::embedded();
        let m = ChipMatcher::new(&cat);
        let s = "英伟达旗下A100、H100、A800 和H800 等高性能GPU 芯片应声涨价,尤其旗舰级芯片H100,4 月中旬";
        let g = groups(s, &m.find(s));
        let ids: Vec<Vec<&str>> =
            g.iter().map(|g| g.chips.iter().map(|&i| cat.chips[i].id.as_str()).collect()).collect();
        assert_eq!(ids, vec![vec!["A100", "H100", "A800", "H800"], vec!["H100"]]);
    }

    mod prop {
        use proptest::prelude::*;

        /// Pieces of the language the readers react to, to be shuffled.
        const PIECES: &[&str] = &[
            "A100", "H20", "思元590", "和", "690", "/", "H00", "、", "从", "到", "涨至", "变成", "万", "亿", "元", "美元",
            "人民币", "%", "成", "三分之一", "近半", "占", "市占率", "份额", "都在用", "英伟达", "禁止", "出口", "禁售",
            "定制版", "推出", "实体清单", "列入", "BIS", "30天缓冲期", "生效", "去年", "10月20日", "现在", "2023年",
            "约", "超", "高达", "左右", ",", "。", ";", "?", "\n", " ", "12", "3.5", "-", "甚至", "这类芯片", "其",
            "价格", "股价", "售价", "(", ")", "■", "显卡", "4090", "ā", "\u{FFFD}",
        ];

        proptest! {
            #[test]
            fn no_input_panics_and_records_point_into_the_text(
                picks in proptest::collection::vec(0..PIECES.len(), 0..60),
                published in proptest::option::of(2020i32..2027),
            ) {
                let text: String = picks.iter().map(|&i| PIECES[i]).collect();
                let published = published.map(|y| y.to_string()).unwrap_or_default();
                let e = crate::extract::extract_text(&text, &published);
                let lines = text.split('\n').count() as u32;
                for r in &e.records {
                    prop_assert!(r.line() >= 1 && r.line() <= lines);
                    if let crate::model::Record::Price(p) = r {
                        prop_assert!(p.low <= p.high && p.low > 0.0);
                    }
                    if let crate::model::Record::Share(s) = r {
                        prop_assert!((0.0..=100.0).contains(&s.percent));
                    }
                }
            }

            #[test]
            fn arbitrary_unicode_never_panics(text in "\\PC{0,200}") {
                let _ = crate::extract::extract_text(&text, "2024-01");
            }
        }
    }
}

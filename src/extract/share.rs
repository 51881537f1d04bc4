//! Market shares: a percentage that the text says is part of a market held by
//! someone.
//!
//! A percentage is a share when its clause has a share word (市占率, 市场份额,
//! 份额, 占比), says it is held (占, 占据, 占到……的) of a whole that is a market
//! or what is bought and sold in one (营收, 采购额, 出货量, 市场), or says who
//! uses what (80.6%都在用英伟达的GPU). Margins, growth, price changes,
//! utilization, performance ratios, fees and stakes are not shares, nor are
//! shares of power, time, budgets or GDP.

use std::sync::LazyLock;

use super::words::Words;
use super::number::{Quantity, find_percents};
use super::text::{chars_after, chars_before};
use super::{DocState, Extractor, Sentence, signs};
use crate::model::{Metric, Qualifier, Region, Share};

/// Words that name a share of a market outright.
const SHARE_WORDS: &[&str] = &["市占率", "市场占有率", "市场份额", "占有率", "份额", "占比", "国产化比重", "国产化率", "比重"];

/// Verbs of holding a part.
const HOLD_WORDS: &[&str] = &["占据了", "占据", "占到了", "占到", "占了", "占有", "占"];

/// Other verbs of taking a part of a market (拿下了80%的市场).
const TAKE_WORDS: &[&str] = &["拿下了", "拿下", "占领了", "占领", "斩获", "囊括", "掌控", "把持"];

/// Wholes that are a market or what is bought and sold in one.
const MARKET_WHOLES: &[&str] = &[
    "市场", "营收", "收入", "销售", "销量", "出货", "采购", "装机", "份额", "需求", "订单", "用户", "服务器",
];

/// Wholes that are not markets: power, time, budgets, the economy.
const NOT_MARKET_WHOLES: &[&str] =
    &["功耗", "能耗", "时间", "GDP", "预算", "成本", "参数", "人口", "面积", "电量", "算力", "资金", "带宽", "内存"];

/// Percentages of other things: margins, growth, changes, efficiency, fees, stakes.
const NOT_SHARE: &[&str] = &[
    "毛利率", "利润率", "净利率", "毛利", "增速", "增长", "增幅", "增加", "涨", "跌", "下降", "降低", "提升", "提高",
    "利用率", "效率", "效能", "性能", "复合", "CAGR", "同比", "环比", "股价", "持股", "股权", "股份", "关税", "税",
    "费率", "佣金", "折扣", "回报", "收益率", "良率", "概率", "精度", "准确率", "渗透率", "上涨", "下跌", "翻",
    "成本", "功耗", "能耗", "GDP", "算力",
];

/// Verbs of use: 80.6%都在用英伟达的GPU.
const USE_WORDS: &[&str] = &["都在用", "都在使用", "都用", "都采用", "都使用", "采用了", "使用了"];


static NOT_MARKET_WHOLES_W: LazyLock<Words> = LazyLock::new(|| Words::new(NOT_MARKET_WHOLES));
static NOT_SHARE_W: LazyLock<Words> = LazyLock::new(|| Words::new(NOT_SHARE));
static SHARE_WORDS_W: LazyLock<Words> = LazyLock::new(|| Words::new(SHARE_WORDS));

/// Words that end a subject phrase on its left (据IDC统计,……).
const SUBJECT_STOPS: &[&str] = &["显示", "统计", "测算", "认为", "表示", "指出", "看来", "而言", "来看", "其中", "此外", "同时"];

fn region_of(text: &str) -> Option<Region> {
    if ["中国", "国内", "我国", "中国大陆", "国产"].iter().any(|w| text.contains(w)) {
        Some(Region::China)
    } else if ["全球", "全世界", "世界", "国际"].iter().any(|w| text.contains(w)) {
        Some(Region::Global)
    } else {
        None
    }
}

fn qualifier(text: &str, q: &Quantity) -> Option<Qualifier> {
    let span = &text[q.start..q.end];
    // 近半, 过半: the qualifier is inside the span.
    if span.starts_with('近') {
        return Some(Qualifier::About);
    }
    if span.starts_with('过') || span.starts_with('超') {
        return Some(Qualifier::Over);
    }
    super::qualify::qualifier(chars_before(text, q.start, 6), chars_after(text, q.end, 3))
}

/// share words, not holding.
fn find_hold(text: &str) -> Option<(usize, &'static str)> {
    // The earliest, and the longest at one place (拿下了 over 拿下).
    if let Some((i, w)) = TAKE_WORDS.iter().filter_map(|w| text.find(w).map(|i| (i, *w))).min_by_key(|&(i, w)| (i, std::cmp::Reverse(w.len()))) {
        return Some((i, w));
    }
    text.match_indices('占').find_map(|(i, _)| {
        let rest = &text[i..];
        if rest.starts_with("占比") || rest.starts_with("占有率") || text[..i].ends_with('市') {
            return None;
        }
        HOLD_WORDS.iter().find(|w| rest.starts_with(*w)).map(|w| (i, *w))
    })
}

/// A cleaned noun phrase: no dates, prepositions, amounts or trailing 的.
fn clean_phrase(s: &Sentence, range: std::ops::Range<usize>) -> String {
    let mut out = String::new();
    let mut at = range.start;
    // Drop date mentions inside the range.
    let mut cuts: Vec<std::ops::Range<usize>> =
        s.dates.iter().filter(|d| d.start >= range.start && d.end <= range.end).map(|d| d.start..d.end).collect();
    cuts.sort_by_key(|c| c.start);
    for c in cuts {
        out.push_str(&s.text[at..c.start]);
        at = c.end;
    }
    out.push_str(&s.text[at..range.end]);
    // Leading stops: the phrase starts after the last of them.
    for stop in SUBJECT_STOPS {
        if let Some(i) = out.rfind(stop) {
            out = out[i + stop.len()..].to_string();
        }
    }
    let mut t = out.trim().to_string();
    for _ in 0..3 {
        let before = t.clone();
        for p in ["在", "据", "其中", "而", "其", "仅", "只", "来自", ",", " "] {
            if let Some(r) = t.strip_prefix(p) {
                t = r.trim().to_string();
            }
        }
        for suf in ["的", "在", "将", "也", "都", "均", "各", "已", "已经", "加起来", "合计", "一共", "总共", "的出货量", "出货量", " "] {
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

/// Strips a leading region word (中国, 国内, 全球); keeps it when nothing
/// meaningful would remain (中国市场 stays 中国市场).
fn strip_region(phrase: &str) -> String {
    for r in ["中国大陆", "全世界", "中国的", "国内的", "全球的", "中国", "国内", "我国", "全球", "世界"] {
        if let Some(rest) = phrase.strip_prefix(r) {
            let rest = rest.trim();
            if !rest.is_empty() && rest != "市场" && rest.chars().count() >= 2 {
                return rest.to_string();
            }
        }
    }
    phrase.to_string()
}

fn metric_of(text: &str) -> Option<Metric> {
    if text.contains("出货") || text.contains("销量") {
        Some(Metric::Shipments)
    } else if ["营收", "收入", "销售额"].iter().any(|w| text.contains(w)) {
        Some(Metric::Revenue)
    } else {
        None
    }
}

/// Removes metric words from a market phrase: 数据中心GPU出货量 → 数据中心GPU.
fn market_phrase(text: &str) -> Option<String> {
    let mut t = text.to_string();
    for w in [
        "市场规模的比例", "市场份额", "市占率", "的比重", "比重", "的比例", "比例", "出货量", "的出货", "出货", "总额", "的市场", "市场规模",
        "市场", "的份额", "份额", "占有率", "占比",
    ] {
        t = t.replace(w, "");
    }
    let t = t
        .trim_matches(|c: char| c.is_ascii_punctuation() || c.is_whitespace() || "()（）「」“”".contains(c))
        .trim_end_matches('的')
        .trim_start_matches('在')
        .trim()
        .to_string();
    (!t.is_empty()).then_some(t)
}

/// Every way of writing a percentage has one of %, 成, 半, / and 分之.
fn may_hold_percent(s: &Sentence) -> bool {
    s.signs & signs::PERCENT != 0
        || (s.signs & (signs::FEN | signs::ZHI) == signs::FEN | signs::ZHI && s.text.contains("分之"))
}

pub fn read(ex: &Extractor, s: &Sentence, state: &DocState, doc: &str) -> Vec<Share> {
    if !may_hold_percent(s) {
        return Vec::new();
    }
    let percents = find_percents(s.text);
    if percents.is_empty() {
        return Vec::new();
    }
    let sentence_has_share_word = SHARE_WORDS_W.any(s.text);
    let mut out: Vec<Share> = Vec::new();
    // Subjects distributed over 分别为P1和P2.
    let mut distributed: Option<(usize, Vec<String>)> = None;

    for (pi, p) in percents.iter().enumerate() {
        if p.high > 100.0 || p.low < 0.0 {
            continue;
        }
        let ci = s.clause_of(p.start);
        let clause = s.clauses()[ci].clone();
        let ctext = &s.text[clause.clone()];
        let local_before = &s.text[clause.start..p.start];
        let share_word = SHARE_WORDS_W.find(ctext).map(|r| r.start);
        let hold = find_hold(local_before);
        let uses = USE_WORDS.iter().find(|w| s.text[p.end..].trim_start().starts_with(*w));

        // What the percentage is a share of.
        let after_p = &s.text[p.end..clause.end];
        let whole_after = after_p.find("的市场").or_else(|| after_p.find("市场份额")).map(|i| &after_p[..i]);
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
            lead.is_some_and(|v| {
                let link = s.text[v.range.end..p.start].trim();
                link.chars().count() <= 4 && link.chars().all(|c| "为是约占达则仅只有不到超过近的份额".contains(c))
            })
        };
        let is_share = if uses.is_some() || continues || share_word.is_some() {
            true
        } else if let Some((hi, _)) = hold {
            let holder = &ctext[..hi];
            (MARKET_WHOLES.iter().any(|w| whole.contains(w) || after_p.trim_start_matches('的').starts_with(w) || holder.contains(w))
                || sentence_has_share_word)
                && !NOT_MARKET_WHOLES_W.any(&whole)
        } else {
            false
        };
        if !is_share {
            continue;
        }
        // Other kinds of percentage in the same clause, close to it.
        let near = chars_before(s.text, p.start, 8);
        // 份额提升至40%: a change to a level still states the share.
        let to_level = share_word.is_some() && (near.ends_with('至') || near.ends_with('到'));
        if (NOT_SHARE_W.any(near) && !to_level) || (share_word.is_none() && hold.is_none() && NOT_SHARE_W.any(ctext)) {
            continue;
        }
        if NOT_MARKET_WHOLES_W.any(&whole) {
            continue;
        }

        // Who holds the share.
        let mut market: Option<String> = None;
        let mut metric = metric_of(ctext);
        let subject: Option<String> = if let Some(u) = uses {
            metric = Some(Metric::Usage);
            let after = &s.text[p.end..];
            let from = p.end + after.find(u).unwrap_or(0) + u.len();
            s.vendors()
                .iter()
                .find(|v| v.range.start >= from && v.range.start <= from + 6)
                .map(|v| ex.catalog.vendors[v.vendor].id.clone())
        } else {
            let cue_at = [hold.map(|(i, _)| clause.start + i), share_word.map(|i| clause.start + i)]
                .into_iter()
                .flatten()
                .min()
                .unwrap_or(p.start)
                .min(p.start);
            let before_cue: Vec<_> = s.vendors().iter().filter(|v| v.range.start >= clause.start && v.range.end <= cue_at).collect();
            // 英伟达、AMD的份额分别为80%和19%: one company for each percentage.
            let nth = percents[..pi].iter().filter(|q| s.clause_of(q.start) == ci).count();
            let vendor = if ctext.contains("分别") && before_cue.len() > 1 {
                before_cue.get(nth).copied()
            } else {
                before_cue.last().copied()
            };
            match vendor {
                Some(v) => {
                    // Between the company and the share word: the market (数据中心GPU).
                    let between = clean_phrase(s, v.range.end..cue_at);
                    let between = between.trim_start_matches('的');
                    // 华为昇腾在国内AI芯片市场: the market follows 在.
                    let between = between.rsplit('在').next().unwrap_or(between);
                    let between = between.trim_end_matches(['约', '近', '超', '逾']).to_string();
                    // 华为昇腾系列约占23%: a product line, not a market.
                    let names_product = s.chips.iter().any(|c| c.range.start >= v.range.end && c.range.end <= cue_at)
                        || between.ends_with("系列")
                        || between.starts_with("产品");
                    if !between.is_empty() && !names_product && !continues {
                        market = market_phrase(&strip_region(&between));
                    }
                    Some(ex.catalog.vendors[v.vendor].id.clone())
                }
                None => {
                    let phrase = clean_phrase(s, clause.start..cue_at);
                    if let Some((k, list)) = &distributed {
                        if *k == ci {
                            list.get(pi - percents.iter().position(|q| s.clause_of(q.start) == ci).unwrap_or(0)).cloned()
                        } else {
                            None
                        }
                    } else if ctext.contains("分别") && (phrase.contains("以及") || phrase.contains('和') || phrase.contains('、')) {
                        let parts: Vec<String> = phrase
                            .split(['和', '、'])
                            .flat_map(|x| x.split("以及"))
                            .map(|x| strip_region(x.trim().trim_end_matches('的')))
                            .filter(|x| !x.is_empty())
                            .collect();
                        let first = parts.first().cloned();
                        distributed = Some((ci, parts));
                        first
                    } else if phrase.is_empty() && ci > 0 {
                        // 中国半导体采购额为1800亿美元,占全球……: the topic of the clause before;
                        // 华为位居第二,份额约23%: the company it names.
                        let prev = s.clause_text(ci - 1);
                        let prev_range = s.clauses()[ci - 1].clone();
                        let vendor = s.vendors().iter().find(|v| v.range.start >= prev_range.start && v.range.end <= prev_range.end);
                        let cut = ["为", "是", "达到", "达", "约"].iter().filter_map(|w| prev.find(w)).min().unwrap_or(prev.len());
                        let start = s.clauses()[ci - 1].start;
                        let topic = clean_phrase(s, start..start + cut);
                        let topic = ["采购额", "营收", "收入", "出货量", "销售额"]
                            .iter()
                            .find_map(|m| topic.strip_suffix(m))
                            .unwrap_or(&topic)
                            .to_string();
                        match vendor {
                            Some(v) => Some(ex.catalog.vendors[v.vendor].id.clone()),
                            None => (!topic.is_empty()).then_some(topic),
                        }
                    } else {
                        let (subject, whole_metric) = match phrase.strip_suffix("的营收").or_else(|| phrase.strip_suffix("营收")) {
                            Some(x) => (x.to_string(), Some(Metric::Revenue)),
                            None => (phrase.clone(), None),
                        };
                        if whole_metric.is_some() {
                            metric = whole_metric;
                        }
                        let subject = strip_region(subject.trim_end_matches('的'));
                        (!subject.is_empty()).then_some(subject)
                    }
                }
            }
        };
        let Some(subject) = subject.filter(|x| x.chars().count() <= 24) else { continue };

        if market.is_none() && !whole.trim().is_empty() {
            let w = whole.trim().trim_end_matches(['约', '近', '超', '逾']).trim_end_matches("超过").to_string();
            let w = strip_amounts(&w);
            // A whole names a market, an industry or a company (占到英伟达的约四成),
            // not a manner (只占微弱的2%).
            let names_whole = whole_after.is_some()
                || MARKET_WHOLES.iter().chain(&["产业", "行业", "领域"]).any(|m| w.contains(m))
                || s.vendors().iter().any(|v| whole.contains(&s.text[v.range.clone()]));
            if let Some(m) = market_phrase(&w).filter(|_| names_whole) {
                let revenue = metric == Some(Metric::Revenue) && !m.contains("营收");
                market = Some(if revenue { format!("{m}营收") } else { m });
            }
        }
        if market.is_none() {
            market = market_named_before(s, p.start);
        }
        if continues && market.is_none() {
            market = out.last().and_then(|prev: &Share| prev.market.clone());
        }
        let year = s
            .dates
            .iter()
            .rev()
            .find(|d| d.end <= p.start)
            .and_then(|d| d.date)
            .or_else(|| state.para_date(s))
            .map(|d| d.year);
        // The region of the market; a subject that is itself a country (中国占据了
        // 美国科技产业约三分之一的市场) says nothing of it.
        let region = if region_of(&subject).is_some() && strip_region(&subject) == subject {
            region_of(&whole)
        } else {
            region_of(&s.text[clause.start..p.start])
                .or_else(|| region_of(&whole))
                .or_else(|| region_of(&s.text[..clause.start]))
        };
        out.push(Share {
            doc: doc.to_string(),
            line: s.line,
            evidence: s.text.to_string(),
            subject,
            percent: (p.low * 100.0).round() / 100.0,
            qualifier: qualifier(s.text, p),
            market,
            region,
            year,
            metric,
        });
    }
    out
}

/// The market a sentence names before byte `at` (2024年中国加速卡市场中,……): the
/// words before its last 市场, back to a clause break, a date or 的.
fn market_named_before(s: &Sentence, at: usize) -> Option<String> {
    let head = &s.text[..at];
    let i = head
        .match_indices("市场")
        .map(|(i, _)| i)
        .filter(|&i| !["市场份额", "市场占有率", "市场规模"].iter().any(|w| head[i..].starts_with(w)))
        .last()?;
    let clause_start = s.clauses()[s.clause_of(i)].start;
    let start = s.dates.iter().filter(|d| d.end <= i && d.start >= clause_start).map(|d| d.end).max().unwrap_or(clause_start);
    let phrase = &head[start..i];
    let phrase = phrase.rsplit(['的', '在', '了', ' ']).next().unwrap_or("");
    let phrase = strip_region(phrase.trim());
    let n = phrase.chars().count();
    ((2..=12).contains(&n) && region_of(&phrase).is_none()).then_some(phrase)
}

/// Removes money amounts (5559亿美元) from a phrase.
fn strip_amounts(s: &str) -> String {
    let mut out = String::new();
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        if c.is_ascii_digit() {
            while chars.peek().is_some_and(|d| d.is_ascii_digit() || matches!(d, '.' | ',' | '万' | '亿' | '千' | '百')) {
                chars.next();
            }
            for unit in ["美元", "元", "人民币"] {
                let rest: String = chars.clone().take(unit.chars().count()).collect();
                if rest == unit {
                    for _ in 0..unit.chars().count() {
                        chars.next();
                    }
                }
            }
        } else {
            out.push(c);
        }
    }
    out.trim_end_matches('的').to_string()
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
                "GPU服务器 88.4 Over 国内服务器 China 2021 -",
                "NVIDIA 80 Over - China 2021 -"
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
        assert!(b[1].contains("33.33 Over 全球半导体采购"), "{b:?}");
        let b = brief("在黄仁勋看来,中国占据了美国科技产业约三分之一的市场,令其地位无可取代。", "2023-10");
        assert_eq!(b, vec!["中国 33.33 About 美国科技产业 - - -"]);
    }

    #[test]
    fn the_market_a_sentence_names_first_and_a_company_in_the_clause_before() {
        assert_eq!(
            brief("IDC数据显示,2024年中国加速卡市场中,英伟达的市场份额约为70%,华为位居第二,份额约23%。", "2025-04"),
            vec!["NVIDIA 70 About 加速卡 China 2024 -", "Huawei 23 About 加速卡 China 2024 -"]
        );
        assert_eq!(
            brief("根据TrendForce统计,2024年辉达在AI伺服器用高阶GPU市场的市占率约达90%,超微(AMD)市占率约8%。", "2025-01"),
            vec!["NVIDIA 90 About AI伺服器用高阶GPU - 2024 -", "AMD 8 About AI伺服器用高阶GPU - 2024 -"]
        );
    }

    #[test]
    fn a_product_line_is_not_a_market() {
        assert_eq!(
            brief("市调机构指出,2024年辉达在中国AI晶片市场市占率约达70%,华为昇腾系列约占23%。", "2025-04"),
            vec!["NVIDIA 70 About AI晶片 China 2024 -", "Huawei 23 About AI晶片 China 2024 -"]
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
            vec!["NVIDIA 90 Over 全球AI训练芯片 Global - -"]
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
        assert_eq!(b[1], "国产芯片和一众芯片巨头 2 - - - 2023 -");
    }

    #[test]
    fn usage_shares() {
        assert_eq!(
            brief("据统计,2020年,全世界跑AI的云计算与数据中心,80.6%都在用英伟达的GPU驱动。", "2023-04-23"),
            vec!["NVIDIA 80.6 - - Global 2020 Usage"]
        );
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
pub fn dedupe(shares: Vec<Share>) -> Vec<Share> {
    let mut seen = std::collections::HashSet::new();
    shares
        .into_iter()
        .filter(|sh| seen.insert((sh.subject.clone(), sh.percent.to_bits(), sh.market.clone(), sh.year)))
        .collect()
}

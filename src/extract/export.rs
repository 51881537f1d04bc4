//! Export-control events: bans, restrictions, China variants, entity-list
//! additions, relaxations and proposals, with the chips they name, the
//! authority, the date and when they take effect.
//!
//! Each clause is read for one action by its cue words. A clause that only
//! supposes, hopes or doubts (一旦, 如果, 希望, 是否) tells no event. A
//! sentence that considers a measure (考虑, 拟, 传出将) makes its bans and
//! restrictions proposals. Events of one sentence with the same action and
//! compatible dates are one event; a restriction told with the ban it caused
//! is that ban. Across a document, an event told again (same action, chips in
//! common, dates that agree) is one record.

use std::cell::OnceCell;
use std::ops::Range;
use std::sync::LazyLock;

use super::words::Words;

use aho_corasick::AhoCorasick;

use super::text::chars_before;
use super::{DocState, Extractor, Sentence, signs};
use crate::model::{Action, ExportControl, PartialDate};

/// Verbs that issue or tighten a rule.
const ISSUE_VERBS: &[&str] = &[
    "出台", "发布", "公布", "实施", "推出", "颁布", "升级", "收紧", "加强", "扩大", "更新", "做出", "作出", "宣布",
    "制定", "下达", "发出", "施加", "加码", "扩展", "修订",
];

/// Nouns of rules and controls.
const RULE_NOUNS: &[&str] = &[
    "出口管制", "管制", "管控", "限制", "新规", "禁令", "规定", "措施", "许可要求", "许可证要求", "许可通知要求", "新标准", "规则",
    "框架",
];

/// Rules named as new, which need no verb to be an event.
const NEW_RULES: &[&str] = &[
    "出口管制新规", "管制新规", "新规定", "新规", "新限制", "新的限制", "新的出口限制", "新出口管制", "许可要求", "许可证要求",
    "许可通知要求",
];

/// Cues of a ban on selling or shipping.
const BAN_CUES: &[&str] = &["禁售", "禁运", "被禁", "禁售名单", "禁止出口", "禁止向", "禁止售", "禁止销售", "禁止出售", "不得出口", "不得向", "停止供货", "停止供应", "被禁用"];

/// Cues of a cut-down China version.
const VARIANT_CUES: &[&str] = &[
    "特供版", "阉割版", "减配版", "定制版", "替代版", "缩水版", "降规版", "合规版", "中国版", "特供中国", "中国特供", "中国专供",
];

/// A launch for the Chinese market (专为中国市场设计的RTX Pro 6000D), a
/// variant when the clause names no cut-down version itself.
const CHINA_MARKET_CUES: &[&str] = &["为中国市场", "针对中国市场", "面向中国市场", "为中国客户"];

/// Cues of a rule that a sale or shipment needs a licence for, or that puts
/// chips under control.
const LICENCE_CUES: &[&str] = &[
    "需要获得许可", "需要许可证", "需获得许可", "须获得许可", "必须获得许可", "需要申请许可", "需申请许可", "需要出口许可",
    "纳入管制", "受到管制", "受管制", "管制范围", "管制清单", "纳入限制", "限制范围", "列入管制",
];

/// Verbs of launching a product.
const LAUNCH_VERBS: &[&str] = &["推出", "发布", "推送", "上市", "发售", "开发", "打造", "定制"];

/// Cues of an easing.
const RELAX_CUES: &[&str] = &[
    "获准", "解禁", "放行", "逐案审查", "恢复供应", "恢复销售", "恢复出口", "恢复对华", "批准出口", "批准向", "豁免", "松绑",
    "放宽", "取消限制", "取消禁令", "解除禁令", "解除限制", "允许英伟达", "允许向", "获得许可", "获得出口许可", "撤销", "废除",
    "撤回", "恢复向", "获批", "批准英伟达", "同意英伟达",
];

/// Cues that a measure is only considered.
const PROPOSAL_CUES: &[&str] = &[
    "考虑限制", "考虑禁止", "考虑对", "考虑将", "考虑出台", "考虑扩大", "考虑收紧", "正在考虑", "正考虑", "拟对", "拟将", "拟限制",
    "拟禁止", "拟出台", "拟扩大", "拟把", "传出", "酝酿", "研究是否", "或将限制", "或将禁止", "计划限制", "计划禁止",
    "寻求限制", "寻求禁止", "提议", "草案",
];

/// Words of export control; a restriction is told in a sentence with one.
const EXPORT_CONTEXT: &[&str] = &[
    "出口", "管制", "对华", "向中国", "禁令", "BIS", "商务部", "许可", "实体清单", "新规", "制裁", "禁售", "中国市场", "中国获取",
];

/// Words that deny what follows (没有获得许可).
const NEGATIONS: &[&str] = &["没有", "未", "不", "无法", "难以", "不能"];

/// Clauses that suppose, hope, judge or ask: no event happens in them.
const NOT_EVENT: &[&str] = &[
    "一旦", "如果", "假如", "倘若", "若是", "万一", "希望", "呼吁", "评估", "认为", "担心", "是否", "能否", "游说", "反对",
    "影响", "不受", "规避", "回应",
];

/// Words that put an event in the past (no date of its own means unknown).
const PAST: &[&str] = &["已经", "已", "此前", "之前", "曾", "早在", "去年", "以来"];


static BAN_CUES_W: LazyLock<Words> = LazyLock::new(|| Words::new(BAN_CUES));
static CHINA_MARKET_CUES_W: LazyLock<Words> = LazyLock::new(|| Words::new(CHINA_MARKET_CUES));
static EXPORT_CONTEXT_W: LazyLock<Words> = LazyLock::new(|| Words::new(EXPORT_CONTEXT));
static ISSUE_VERBS_W: LazyLock<Words> = LazyLock::new(|| Words::new(ISSUE_VERBS));
static LAUNCH_VERBS_W: LazyLock<Words> = LazyLock::new(|| Words::new(LAUNCH_VERBS));
static LICENCE_CUES_W: LazyLock<Words> = LazyLock::new(|| Words::new(LICENCE_CUES));
static NEW_RULES_W: LazyLock<Words> = LazyLock::new(|| Words::new(NEW_RULES));
static NOT_EVENT_W: LazyLock<Words> = LazyLock::new(|| Words::new(NOT_EVENT));
static PAST_W: LazyLock<Words> = LazyLock::new(|| Words::new(PAST));
static PROPOSAL_CUES_W: LazyLock<Words> = LazyLock::new(|| Words::new(PROPOSAL_CUES));
static RELAX_CUES_W: LazyLock<Words> = LazyLock::new(|| Words::new(RELAX_CUES));
static RULE_NOUNS_W: LazyLock<Words> = LazyLock::new(|| Words::new(RULE_NOUNS));
static VARIANT_CUES_W: LazyLock<Words> = LazyLock::new(|| Words::new(VARIANT_CUES));

/// Authorities, most specific first.
const AUTHORITIES: &[(&str, &str)] = &[
    ("BIS", "BIS"), ("工业与安全局", "BIS"), ("工业和安全局", "BIS"), ("美国商务部", "BIS"), ("美国政府", "US"),
    ("白宫", "US"), ("拜登政府", "US"), ("特朗普政府", "US"), ("美国国会", "US"), ("美国", "US"), ("美方", "US"),
    ("中国商务部", "China"), ("中国政府", "China"), ("中方", "China"), ("海关总署", "China"), ("荷兰", "Netherlands"),
    ("日本", "Japan"), ("欧盟", "EU"),
];

fn contains_any(text: &str, words: &[&str]) -> bool {
    words.iter().any(|w| text.contains(w))
}

/// Where a variant cue stands in the clause, if any.
fn find_any(text: &str, words: &[&str]) -> Option<Range<usize>> {
    words.iter().filter_map(|w| text.find(w).map(|i| i..i + w.len())).min_by_key(|r| r.start)
}

/// An event read from one clause.
#[derive(Clone, Debug)]
struct Event {
    action: Action,
    clause: usize,
    chips: Vec<usize>,
    entities: Vec<String>,
    date: Option<PartialDate>,
}

/// The action a clause tells, with where its cue is. Only clauses holding a
/// trigger word are asked ([`trigger_clauses`]).
fn action_of(s: &Sentence, ci: usize, sentence_has_chips: bool, export_context: &OnceCell<bool>) -> Option<(Action, Range<usize>)> {
    // Whether the sentence speaks of exports at all (asked once per sentence).
    let in_export_context = || *export_context.get_or_init(|| EXPORT_CONTEXT_W.any(s.text));
    let c = s.clause_text(ci);
    let base = s.clauses()[ci].start;
    let at = |r: Range<usize>| base + r.start..base + r.end;
    if NOT_EVENT_W.any(c) {
        return None;
    }
    if let Some(r) = find_any(c, &["实体清单", "实体名单"]) {
        if contains_any(c, &["列入", "加入", "纳入", "被列", "列进", "添加"]) {
            return Some((Action::EntityList, at(r)));
        }
    }
    if let Some(r) = LICENCE_CUES_W.find(c) {
        if in_export_context() {
            return Some((Action::Restriction, at(r)));
        }
    }
    if let Some(r) = RELAX_CUES_W.find(c) {
        let before = chars_before(c, r.start, 3);
        // Revoking a licence (撤销许可证) tightens; revoking a rule eases.
        let revoked_licence = ["撤销", "撤回", "废除"].iter().any(|w| c[r.clone()].starts_with(w)) && c.contains("许可");
        if revoked_licence {
            return Some((Action::Restriction, at(r)));
        }
        if in_export_context() && !before.contains('仍') && !NEGATIONS.iter().any(|n| before.ends_with(n)) {
            return Some((Action::Relaxation, at(r)));
        }
    }
    if let Some(r) = BAN_CUES_W.find(c) {
        return Some((Action::Ban, at(r)));
    }
    // 无法向中国出口, 不得对华销售: a sale that may not happen.
    for sold in ["出口", "出售", "销售", "供货"] {
        if let Some(i) = c.find(sold) {
            let before = chars_before(c, i, 6);
            if ["无法", "不能", "不得", "不准", "不再", "停止", "暂停"].iter().any(|n| before.contains(n)) {
                return Some((Action::Ban, at(i..i + sold.len())));
            }
        }
    }
    // 禁止 with something sold or shipped after it.
    if let Some(i) = c.find("禁止") {
        let rest = &c[i..];
        if contains_any(rest, &["出口", "销售", "出售", "售往", "售卖", "供货", "运往"]) {
            return Some((Action::Ban, at(i..i + "禁止".len())));
        }
    }
    if let Some(r) = VARIANT_CUES_W.find(c).or_else(|| CHINA_MARKET_CUES_W.find(c)) {
        if LAUNCH_VERBS_W.any(c) {
            return Some((Action::Variant, at(r)));
        }
    }
    // 推出了H800版本: a version launched under export rules.
    if sentence_has_chips && LAUNCH_VERBS_W.any(c) && c.contains("版本") && contains_any(&s.text, &["出口", "禁", "限制", "管制"]) {
        let i = c.find("版本").unwrap_or(0);
        return Some((Action::Variant, at(i..i + "版本".len())));
    }
    if !in_export_context() {
        return None;
    }
    if let Some(r) = NEW_RULES_W.find(c) {
        return Some((Action::Restriction, at(r)));
    }
    // 限制 as a verb on exports or on China: 进一步限制中国市场获取A800,
    // 限制A100和H100对华出口.
    if let Some(r) = find_any(c, &["限制"]) {
        if contains_any(c, &["出口", "对华", "中国", "进一步限制"]) {
            return Some((Action::Restriction, at(r)));
        }
    }
    if let Some(r) = RULE_NOUNS_W.find(c) {
        if ISSUE_VERBS_W.any(c) || c[..r.start].contains('对') {
            return Some((Action::Restriction, at(r)));
        }
    }
    None
}

/// Chips of the groups in `range` of the sentence, without the originals a
/// variant was made from (A100/H100的定制版芯片A800/H800).
fn chips_in(s: &Sentence, range: Range<usize>, originals: &[usize]) -> Vec<usize> {
    let mut out = Vec::new();
    for g in s.groups.iter().filter(|g| g.range.start >= range.start && g.range.end <= range.end) {
        for &c in &g.chips {
            if !originals.contains(&c) && !out.contains(&c) {
                out.push(c);
            }
        }
    }
    out
}

/// Chips named as what a variant was cut from: a group followed by 的定制版.
fn originals(s: &Sentence) -> Vec<usize> {
    s.groups
        .iter()
        .filter(|g| {
            let rest = &s.text[g.range.end..];
            rest.starts_with('的') && VARIANT_CUES.iter().any(|v| rest[3..].starts_with(v))
                || rest.starts_with("替代版")
                || rest.starts_with("的替代")
        })
        .flat_map(|g| g.chips.clone())
        .collect()
}

fn authority_of(text: &str) -> Option<&'static str> {
    AUTHORITIES.iter().find(|(w, _)| text.contains(w)).map(|&(_, a)| a)
}

/// Whether a date is the one a rule takes effect on (于11月16日生效).
fn is_effective_date(s: &Sentence, d: &super::date::DateMention) -> bool {
    let rest = &s.text[d.end..];
    rest.trim_start().starts_with("生效") || rest.trim_start().starts_with("起生效") || rest.starts_with("正式生效")
}

/// A grace period or an effective date in the sentence: 30天缓冲期, 于11月17日生效.
fn effective(s: &Sentence, date: Option<PartialDate>) -> Option<PartialDate> {
    for marker in ["缓冲期", "宽限期", "过渡期", "天后生效"] {
        if let Some(i) = s.text.find(marker) {
            let head = &s.text[..i];
            let digits: String = head
                .trim_end_matches(['的', ' '])
                .trim_end_matches('天')
                .chars()
                .rev()
                .take_while(|c| c.is_ascii_digit())
                .collect::<Vec<_>>()
                .into_iter()
                .rev()
                .collect();
            if let (Ok(days), Some(d)) = (digits.parse::<i64>(), date) {
                return d.add_days(days);
            }
        }
    }
    let i = s.text.find("生效")?;
    let day = s.dates.iter().rev().find(|d| d.end <= i && i - d.end <= 12 && d.date != date).and_then(|d| d.date)?;
    // 11月16日 read against the publish date may fall a year early: a rule
    // takes effect after it is made.
    match date {
        Some(made) if day < made => Some(PartialDate { year: day.year + 1, ..day }),
        _ => Some(day),
    }
}

/// Every word that can start an event; a sentence with none of them is
/// skipped. Each has two characters or more: the sentence signs tell, from
/// the first two, which sentences may hold one ([`signs::EXPORT_CUE`]).
pub(super) const TRIGGER_LISTS: &[&[&str]] = &[
    BAN_CUES,
    VARIANT_CUES,
    CHINA_MARKET_CUES,
    LICENCE_CUES,
    RELAX_CUES,
    RULE_NOUNS,
    NEW_RULES,
    &["禁止", "实体清单", "实体名单", "版本", "出口", "出售", "销售", "供货"],
];

static TRIGGERS: LazyLock<AhoCorasick> = LazyLock::new(|| {
    let words: Vec<&str> = TRIGGER_LISTS.concat();
    aho_corasick::AhoCorasickBuilder::new()
        .kind(Some(aho_corasick::AhoCorasickKind::DFA))
        .prefilter(false)
        .build(words)
        .expect("cue words build an automaton")
});

/// Which clauses of `s` hold a trigger word, from one scan of the sentence
/// (most clauses of an export-control sentence tell nothing). No trigger word
/// holds a clause or sentence mark, so a match never crosses clauses, and the
/// matches found one after another leave out no clause that holds one.
fn trigger_clauses(text: &str, clauses: &[Range<usize>]) -> Vec<bool> {
    let mut out = vec![false; clauses.len()];
    for m in TRIGGERS.find_iter(text) {
        out[super::text::clause_of(clauses, m.start())] = true;
    }
    out
}

pub fn read(ex: &Extractor, s: &Sentence, state: &mut DocState, doc: &str) -> Vec<ExportControl> {
    if s.signs & signs::EXPORT_CUE == 0 {
        return Vec::new();
    }
    let triggered = trigger_clauses(s.text, s.clauses());
    if !triggered.contains(&true) {
        return Vec::new();
    }
    let has_chips = !s.groups.is_empty();
    let export_context = OnceCell::new();
    let actions: Vec<Option<(Action, Range<usize>)>> = (0..s.clauses().len())
        .map(|ci| if triggered[ci] { action_of(s, ci, has_chips, &export_context) } else { None })
        .collect();
    if actions.iter().all(Option::is_none) {
        return Vec::new();
    }
    let authority_here = authority_of(s.text);
    let originals = originals(s);
    let proposal = PROPOSAL_CUES_W.any(s.text);

    let mut events: Vec<Event> = Vec::new();
    for ci in 0..s.clauses().len() {
        let Some((mut action, cue)) = actions[ci].clone() else { continue };
        if proposal && matches!(action, Action::Ban | Action::Restriction | Action::Relaxation) {
            action = Action::Proposal;
        }
        let clause = s.clauses()[ci].clone();
        let chips = match action {
            Action::EntityList => Vec::new(),
            Action::Variant => {
                // The chips right after the cue (定制版A800), else before it (H800版本).
                let after: Vec<usize> = s
                    .groups
                    .iter()
                    .find(|g| g.range.start >= cue.end && g.range.end <= clause.end)
                    .map(|g| g.chips.clone())
                    .unwrap_or_default();
                if after.is_empty() {
                    // H800版本, or H20是……专为中国市场推出的降规版AI芯片: the
                    // chips before the cue, in the clause or else the sentence.
                    let before = |from: usize| {
                        s.groups
                            .iter()
                            .rev()
                            .find(|g| g.range.end <= cue.start && g.range.start >= from)
                            .map(|g| g.chips.clone())
                    };
                    before(clause.start).or_else(|| before(0)).unwrap_or_default()
                } else {
                    after
                }
            }
            _ => {
                let own = chips_in(s, clause.clone(), &originals);
                if own.is_empty() && matches!(action, Action::Ban) {
                    // 英伟达发布H100型号GPU,但被美国禁止出口至中国: the chips before.
                    s.groups
                        .iter()
                        .rev()
                        .filter(|g| g.range.end <= cue.start)
                        .map(|g| g.chips.iter().copied().filter(|c| !originals.contains(c)).collect::<Vec<_>>())
                        .find(|c| !c.is_empty())
                        .unwrap_or_default()
                } else if own.is_empty() {
                    // 发布出口管制新规,限制A100和H100对华出口: the chips of the
                    // clauses that go on telling the rule, up to the next event.
                    let mut more = Vec::new();
                    for next in ci + 1..s.clauses().len() {
                        if actions[next].is_some() {
                            break;
                        }
                        more.extend(chips_in(s, s.clauses()[next].clone(), &originals));
                    }
                    more
                } else {
                    own
                }
            }
        };
        let entities = if action == Action::EntityList {
            // The companies of the clause that lists them, before the list's name.
            s.vendors()
                .iter()
                .filter(|v| v.range.start >= clause.start && v.range.end <= cue.start)
                .map(|v| ex.catalog.vendors[v.vendor].id.clone())
                .fold(Vec::new(), |mut acc, v| {
                    if !acc.contains(&v) {
                        acc.push(v);
                    }
                    acc
                })
        } else {
            Vec::new()
        };
        // Bans and variants are about chips; without any they tell no event.
        if matches!(action, Action::Ban | Action::Variant) && chips.is_empty() {
            continue;
        }
        events.push(Event { action, clause: ci, chips, entities, date: None });
    }
    if events.is_empty() {
        return Vec::new();
    }

    // Dates: the clause's own, else the nearest before it that no other
    // event's clause holds, else after it, else the paragraph's.
    let owned: Vec<usize> = events.iter().map(|e| e.clause).collect();
    for e in &mut events {
        let clause = s.clauses()[e.clause].clone();
        let own = s.dates.iter().find(|d| d.start >= clause.start && d.end <= clause.end);
        let free = |d: &&super::date::DateMention| !owned.iter().any(|&o| o != e.clause && s.clauses()[o].start <= d.start && d.end <= s.clauses()[o].end);
        let date = own
            .or_else(|| s.dates.iter().rev().filter(free).find(|d| d.end <= clause.start))
            // 去年10月美国政府颁布出口禁令后,……发布了定制版芯片A800: the date
            // of the rule it answered.
            .or_else(|| s.dates.iter().rev().find(|d| d.end <= clause.start))
            .or_else(|| s.dates.iter().filter(free).find(|d| d.start >= clause.end && !is_effective_date(s, d)))
            .and_then(|d| d.date)
            .or_else(|| state.para_date(s));
        // News of a ban or rule with no date and no word of the past happens
        // when the article is written.
        e.date = date.or_else(|| {
            let past = PAST_W.any(s.text);
            (matches!(e.action, Action::Ban | Action::Restriction) && !past).then_some(state.published).flatten()
        });
    }

    // One sentence: a restriction told with the ban it caused is the ban.
    if events.iter().any(|e| e.action == Action::Ban) {
        let restriction_date = events.iter().find(|e| e.action == Action::Restriction).and_then(|e| e.date);
        events.retain(|e| e.action != Action::Restriction);
        for e in events.iter_mut().filter(|e| e.action == Action::Ban && e.date.is_none()) {
            e.date = restriction_date;
        }
    }
    // Same action, dates that agree: one event.
    let mut merged: Vec<Event> = Vec::new();
    for e in events {
        match merged.iter_mut().find(|m| m.action == e.action && dates_agree(m.date, e.date)) {
            Some(m) => {
                for c in e.chips {
                    if !m.chips.contains(&c) {
                        m.chips.push(c);
                    }
                }
                m.date = more_precise(m.date, e.date);
            }
            None => merged.push(e),
        }
    }

    if let Some(a) = authority_here {
        state.authority = Some(a.to_string());
    }
    merged
        .into_iter()
        .map(|e| {
            let authority = match e.action {
                Action::Variant => None,
                _ => authority_here.map(str::to_string).or_else(|| state.authority.clone()),
            };
            let effective = match e.action {
                Action::Ban | Action::Restriction | Action::EntityList => effective(s, e.date),
                _ => None,
            };
            ExportControl {
                doc: doc.to_string(),
                line: s.line,
                evidence: s.text.to_string(),
                action: e.action,
                chips: e.chips.iter().map(|&c| ex.catalog.chips[c].id.clone()).collect(),
                entities: e.entities,
                authority,
                date: e.date,
                effective,
            }
        })
        .collect()
}

/// Whether two dates may be the same day: equal, or one the other's prefix.
fn dates_agree(a: Option<PartialDate>, b: Option<PartialDate>) -> bool {
    match (a, b) {
        (Some(a), Some(b)) => a.agrees_with(&b) || b.agrees_with(&a),
        (None, None) => true,
        _ => false,
    }
}

fn more_precise(a: Option<PartialDate>, b: Option<PartialDate>) -> Option<PartialDate> {
    match (a, b) {
        (Some(x), Some(y)) => Some(if y.day.is_some() && x.day.is_none() || y.month.is_some() && x.month.is_none() { y } else { x }),
        (x, y) => x.or(y),
    }
}

fn chips_compatible(a: &[String], b: &[String]) -> bool {
    a.is_empty() || b.is_empty() || a.iter().any(|c| b.contains(c))
}

/// Merges events a document tells more than once: events of the same action
/// with chips in common (or none named) and agreeing dates are one, and an
/// event told without a date is the dated one it matches. The record keeps the
/// telling with the most precise date.
pub fn merge(events: Vec<ExportControl>) -> Vec<ExportControl> {
    let mut out: Vec<ExportControl> = Vec::new();
    // First the dated events, so undated ones can find them.
    let mut order: Vec<usize> = (0..events.len()).collect();
    order.sort_by_key(|&i| events[i].date.is_none());
    let mut slots: Vec<Option<ExportControl>> = vec![None; events.len()];
    for i in order {
        let e = &events[i];
        let same = slots.iter_mut().flatten().find(|m| {
            m.action == e.action
                && chips_compatible(&m.chips, &e.chips)
                && (dates_agree(m.date, e.date) && e.date.is_some()
                    // A ban or rule referred to again without a date (被禁风波,
                    // 新规出台之前); a variant is a launch, told with its own chips.
                    || e.date.is_none() && (e.action != Action::Variant || m.line == e.line))
                && (m.action != Action::EntityList || m.entities == e.entities || e.entities.is_empty())
        });
        match same {
            Some(m) => {
                for c in &e.chips {
                    if !m.chips.contains(c) {
                        m.chips.push(c.clone());
                    }
                }
                // Keep the telling with the most precise date.
                if more_precise(m.date, e.date) != m.date || (m.date == e.date && e.line < m.line) {
                    m.line = e.line;
                    m.evidence = e.evidence.clone();
                }
                m.date = more_precise(m.date, e.date);
                m.effective = m.effective.or(e.effective);
                m.authority = m.authority.clone().or(e.authority.clone());
            }
            None => slots[i] = Some(e.clone()),
        }
    }
    out.extend(slots.into_iter().flatten());
    out
}

#[cfg(test)]
mod tests {
    use crate::model::{ExportControl, Record};

    #[test]
    fn no_trigger_word_holds_a_clause_or_sentence_mark() {
        for w in super::TRIGGER_LISTS.concat() {
            assert!(!w.chars().any(|c| crate::extract::text::is_clause_end(c) || crate::extract::text::is_sentence_end(c)), "{w}");
        }
    }

    #[test]
    fn one_scan_finds_every_clause_with_a_trigger_word() {
        for s in [
            "美东时间10月17日,BIS在去年10月对AI芯片带宽速度做出限制的基础上,正式公布了把性能密度作为限制新标准的相关要求,并提供了30天缓冲期",
            "2022年9月,A100/H00禁止向中国出口,英伟达推出阉割版本A800/H800",
            "美国商务部将多家中国企业列入实体清单:禁止出口,禁止出售,限制供货",
            "据悉,英伟达今年二季度在中国的销售额同比下降",
        ] {
            let clauses = crate::extract::text::clauses(s);
            let one_by_one: Vec<bool> = clauses.iter().map(|c| super::TRIGGERS.is_match(&s[c.clone()])).collect();
            assert_eq!(super::trigger_clauses(s, &clauses), one_by_one, "{s}");
        }
        let s = "2022年9月,A100/H00禁止向中国出口,英伟达推出阉割版本A800/H800";
        assert_eq!(super::trigger_clauses(s, &crate::extract::text::clauses(s)), vec![false, true, true]);
    }

    fn events(text: &str, published: &str) -> Vec<ExportControl> {
        let records = crate::extract::extract_text(text, published).records;
        records.into_iter().filter_map(|r| if let Record::ExportControl(x) = r { Some(x) } else { None }).collect()
    }

    fn brief(text: &str, published: &str) -> Vec<String> {
        events(text, published)
            .iter()
            .map(|e| {
                format!(
                    "{} [{}] {} {}{}",
                    e.action.as_str(),
                    e.chips.join(","),
                    e.authority.clone().unwrap_or("-".into()),
                    e.date.map_or("-".into(), |d| d.to_string()),
                    e.effective.map_or(String::new(), |d| format!(" eff {d}")),
                )
            })
            .collect()
    }

    #[test]
    fn a_timeline_gives_one_record_per_event() {
        let b = brief(
            "2022年9月,A100/H00禁止向中国出口,英伟达推出阉割版本A800/H800;2023年10月,A800/H800/L40/L40S/RTX4090被禁止向中国出口;2024年6月,英伟达创始人黄仁勋称,将向中国推送阉割版本的L20、H20芯片。",
            "2024-08",
        );
        assert_eq!(
            b,
            vec![
                "ban [A100] - 2022-09",
                "variant [A800,H800] - 2022-09",
                "ban [A800,H800,L40,L40S,RTX 4090] - 2023-10",
                "variant [L20,H20] - 2024-06",
            ]
        );
    }

    #[test]
    fn a_rule_with_a_grace_period_and_the_rule_it_built_on() {
        let b = brief(
            "英伟达芯片价格暴涨的背后,离不开美国商务部工业与安全局(BIS)出台的AI芯片出口管制新规定。美东时间10月17日,BIS在去年10月对AI芯片带宽速度做出限制的基础上,正式公布了把性能密度作为限制新标准的相关要求,并提供了30天缓冲期。",
            "2023-10",
        );
        assert_eq!(b, vec!["restriction [] BIS 2023-10-17 eff 2023-11-16", "restriction [] BIS 2022-10"]);
    }

    #[test]
    fn a_ban_told_with_the_controls_that_caused_it() {
        let b = brief("不过,去年美国实施出口管制以来,英伟达已经被禁止向中国出口两款最先进的GPU芯片H100和A100。", "2023-07");
        assert_eq!(b, vec!["ban [H100,A100] US 2022"]);
    }

    #[test]
    fn a_variant_names_the_new_chips_not_the_originals() {
        let b = brief(
            "在新规影响下,英伟达原本针对中国市场推出的A100/H100的定制版芯片A800/H800,因为超标也将被全面禁售。",
            "2023-10",
        );
        assert_eq!(b, vec!["variant [A800,H800] - -", "ban [A800,H800] - 2023-10"]);
        let b = brief("英伟达推出的A100替代版A800,国内厂商也是排队拿货。", "2023-04-23");
        assert_eq!(b, vec!["variant [A800] - -"]);
    }

    #[test]
    fn chips_before_a_ban_clause_and_a_version_launched_for_export() {
        let b = brief(
            "2022年9月,英伟达发布H100型号GPU,但被美国禁止出口至中国,为了出口,英伟达牺牲了部分性能,在今年推出了H800版本。",
            "2023-04-23",
        );
        assert_eq!(b, vec!["ban [H100] US 2022-09", "variant [H800] - 2023"]);
    }

    #[test]
    fn a_chip_that_cannot_be_sold_and_a_variant_named_before_its_cue() {
        let b = brief("不过,由于美国出口管制,B200无法向中国出口。", "2024-03-20");
        assert_eq!(b, vec!["ban [B200] US 2024-03-20"]);
        let b = brief("H20是辉达为符合美国出口管制规定,专为中国市场推出的降规版AI晶片。", "2025-04-16");
        assert_eq!(b, vec!["variant [H20] - -"]);
    }

    #[test]
    fn an_approval_outside_export_control_is_no_relaxation() {
        assert!(brief("但今年1月以来审批时间越来越长,如今部分申请需要等待几天甚至几周才能获批。", "2023-04-23").is_empty());
    }

    #[test]
    fn rules_resumptions_and_china_market_chips_as_news_tells_them() {
        let b = brief("2023年10月17日,美国商务部更新了对华AI芯片出口管制规则,A800和H800被纳入限制范围。", "2023-10-18");
        assert_eq!(b, vec!["restriction [A800,H800] BIS 2023-10-17"]);
        let b = brief("特朗普政府7月批准英伟达恢复向中国销售H20。", "2025-08-01");
        assert_eq!(b, vec!["relaxation [H20] US 2025-07"]);
        let b = brief("据路透社报道,英伟达正为中国市场开发一款基于Blackwell架构的新芯片B30A。", "2025-08-19");
        assert_eq!(b, vec!["variant [B30A] - -"]);
        let b = brief("英伟达于2022年8月31日披露,美国政府要求其向中国出口A100和H100芯片需获得许可证。", "2022-09-01");
        assert_eq!(b, vec!["restriction [A100,H100] US 2022-08-31"]);
    }

    #[test]
    fn rules_of_2022_and_2024_as_told_on_the_day() {
        let b = brief("英伟达8月31日表示,美国政府要求其停止向中国出口A100和H100两款芯片。", "2022-09-01");
        assert_eq!(b, vec!["ban [A100,H100] US 2022-08-31"]);
        let b = brief("美国商务部周五(10月7日)发布新规,限制中国获取先进计算芯片。", "2022-10-08");
        assert_eq!(b, vec!["restriction [] BIS 2022-10-07"]);
        let b = brief(
            "2024年12月2日,美国商务部工业和安全局(BIS)发布新一轮出口管制措施,将136家中国实体列入实体清单,并首次限制HBM对华出口。",
            "2024-12-03",
        );
        assert_eq!(b, vec!["restriction [] BIS 2024-12-02", "entity_list [] BIS 2024-12-02"]);
    }

    #[test]
    fn entity_list_names_companies() {
        let e = events(
            "BIS已经将壁仞、摩尔线程等国产GPU公司列入实体清单,这意味着它们既不能进口美国技术,也不能通过台积电等代工厂生产先进芯片。",
            "2023-10",
        );
        assert_eq!(e.len(), 1);
        assert_eq!(e[0].entities, vec!["Biren", "Moore Threads"]);
        assert_eq!(e[0].authority.as_deref(), Some("BIS"));
    }

    #[test]
    fn proposals_and_relaxations() {
        let b = brief("在美国政府传出将对半导体技术实施新的出口限制,进一步限制中国市场获取A800和H800时,黄仁勋曾在7月份接受采访中表示。", "2023-10");
        assert_eq!(b, vec!["proposal [A800,H800] US 2023-07"]);
        let b = brief("2025年7月,英伟达获准恢复向中国销售H20芯片。", "2025-07-15");
        assert_eq!(b, vec!["relaxation [H20] - 2025-07"]);
    }

    #[test]
    fn hypotheses_wishes_and_mentions_are_not_events() {
        for text in [
            "认为一旦长期向中国销售数据中心GPU的禁令实施,将导致英伟达失去机会。",
            "这些芯片巨头们希望美国政府应该进一步评估“限制对华半导体出口”的影响,希望停止实施新的对华限制。",
            "同时,英伟达的中国特供版A800 和H800芯片也遭到了哄抢。",
            "所有这些平台使用的是英伟达A100、H100 GPU。",
        ] {
            assert!(brief(text, "2023-10").is_empty(), "{text}: {:?}", brief(text, "2023-10"));
        }
    }

    #[test]
    fn a_licence_requirement_is_a_restriction() {
        let b = brief("美东时间4月15日,英伟达披露,美国政府通知公司,向中国出口H20芯片需要获得许可证,该要求将无限期有效。", "2025-04-16");
        assert_eq!(b, vec!["restriction [H20] US 2025-04-15"]);
        let b = brief("BIS已经将壁仞、摩尔线程列入实体清单,在没有获得许可情况下,它们不能进口美国技术。", "2023-10");
        assert_eq!(b.len(), 1, "{b:?}");
        assert!(b[0].starts_with("entity_list"));
    }

    #[test]
    fn a_rule_names_the_chips_of_the_clauses_that_go_on_telling_it() {
        let b = brief(
            "2022年10月7日,美国商务部工业与安全局发布出口管制新规,限制A100和H100对华出口;2023年10月17日,BIS进一步收紧规则,A800、H800、L40S均被纳入管制范围;2024年12月,美国又将140家中国实体列入实体清单。",
            "2025-01",
        );
        assert_eq!(
            b,
            vec![
                "restriction [A100,H100] BIS 2022-10-07",
                "restriction [A800,H800,L40S] BIS 2023-10-17",
                "entity_list [] US 2024-12",
            ]
        );
    }

    #[test]
    fn an_effective_date_after_the_rule() {
        let b = brief("美国商务部在2023年10月17日公布新规,禁止辉达向中国出售A800及H800晶片,并于11月16日生效。", "2024-02");
        assert_eq!(b, vec!["ban [A800,H800] BIS 2023-10-17 eff 2023-11-16"]);
    }

    #[test]
    fn a_considered_easing_is_a_proposal_and_a_launch_for_china_a_variant() {
        let b = brief("据悉,美国正考虑允许英伟达向中国出售降规版的Blackwell芯片B30A,其性能约为B300的一半。", "2025-08");
        assert_eq!(b, vec!["proposal [B30A] US -"]);
        let b = brief("此外,英伟达还推出了一款专为中国市场设计的全新显卡RTX Pro 6000D。", "2025-07");
        assert_eq!(b, vec!["variant [RTX Pro 6000D] - -"]);
    }

    #[test]
    fn a_framework_of_controls_and_its_repeal() {
        let b = brief("2025年1月,拜登政府发布《人工智能扩散框架》,对AI芯片出口实施全球分级管控。", "2025-03");
        assert_eq!(b, vec!["restriction [] US 2025-01"]);
        let b = brief("5月13日,美国商务部宣布撤销《人工智能扩散规则》。", "2025-05-14");
        assert_eq!(b, vec!["relaxation [] BIS 2025-05-13"]);
        let b = brief("2020年5月,美国商务部撤销了向华为供货的部分许可证。", "2020-06");
        assert_eq!(b, vec!["restriction [] BIS 2020-05"]);
    }

    #[test]
    fn an_event_told_again_is_one_record() {
        let b = brief(
            "美东时间10月17日,BIS公布了出口管制新规定。\nBIS还希望借助新限制堵住漏洞。\n按照雷蒙多的说法,AI芯片的出口管制规定将至少每年更新一次。",
            "2023-10",
        );
        assert_eq!(b, vec!["restriction [] BIS 2023-10-17"]);
    }
}

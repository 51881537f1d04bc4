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

use super::words::{Hits, range_of};


use super::text::{chars_before, contains_any};
use super::{DocState, Extractor, Sentence, grammar, signs};
use crate::lexicon::words;
use crate::model::{Action, ExportControl, PartialDate, same_event};

/// Verbs that issue or tighten a rule.
static ISSUE_VERBS: LazyLock<Vec<&'static str>> = LazyLock::new(|| words("export.issue_verbs"));

/// Nouns of rules and controls.
static RULE_NOUNS: LazyLock<Vec<&'static str>> = LazyLock::new(|| words("export.rule_nouns"));

/// Rules named as new, which need no verb to be an event.
static NEW_RULES: LazyLock<Vec<&'static str>> = LazyLock::new(|| words("export.new_rules"));

/// Cues of a ban on selling or shipping.
static BAN_CUES: LazyLock<Vec<&'static str>> = LazyLock::new(|| words("export.ban_cues"));

/// Cues of a cut-down China version.
static VARIANT_CUES: LazyLock<Vec<&'static str>> = LazyLock::new(|| words("export.variant_cues"));

/// A launch for the Chinese market (专为中国市场设计的RTX Pro 6000D), a
/// variant when the clause names no cut-down version itself.
static CHINA_MARKET_CUES: LazyLock<Vec<&'static str>> = LazyLock::new(|| words("export.china_market_cues"));

/// Cues of a rule that a sale or shipment needs a licence for, or that puts
/// chips under control.
static LICENCE_CUES: LazyLock<Vec<&'static str>> = LazyLock::new(|| words("export.licence_cues"));

/// Verbs of launching a product.
static LAUNCH_VERBS: LazyLock<Vec<&'static str>> = LazyLock::new(|| words("export.launch_verbs"));

/// Cues of an easing.
static RELAX_CUES: LazyLock<Vec<&'static str>> = LazyLock::new(|| words("export.relax_cues"));

/// Cues that a measure is only considered.
static PROPOSAL_CUES: LazyLock<Vec<&'static str>> = LazyLock::new(|| words("export.proposal_cues"));

/// Words of planning; one followed in its clause by a word of control
/// (准备进一步收紧, 计划对马来西亚施加管制) makes the sentence a proposal.
static PLAN_WORDS: LazyLock<Vec<&'static str>> = LazyLock::new(|| words("export.plan_words"));

/// Words of control that a plan may be about.
static CONTROL_WORDS: LazyLock<Vec<&'static str>> = LazyLock::new(|| words("export.control_words"));

/// A bill (法案) is a proposal unless the text says it passed.
static BILL_WORDS: LazyLock<Vec<&'static str>> = LazyLock::new(|| words("export.bill_words"));
static ENACTED_WORDS: LazyLock<Vec<&'static str>> = LazyLock::new(|| words("export.enacted_words"));

/// Words that keep a measure from coming (阻止新一轮出口限制出台): what
/// follows them is not in force.
static PREVENT_WORDS: LazyLock<Vec<&'static str>> = LazyLock::new(|| words("export.prevent_words"));
static COMING_WORDS: LazyLock<Vec<&'static str>> = LazyLock::new(|| words("export.coming_words"));

/// Words of a licence or an approval.
static LICENCE_WORDS: LazyLock<Vec<&'static str>> = LazyLock::new(|| words("export.licence_words"));
/// Verbs of getting a licence (获得许可, 取得批准).
static ACQUIRE_VERBS: LazyLock<Vec<&'static str>> = LazyLock::new(|| words("export.acquire_verbs"));
/// Verbs of granting one (发给许可证).
static GRANT_VERBS: LazyLock<Vec<&'static str>> = LazyLock::new(|| words("export.grant_verbs"));
/// Words that make a licence a condition: 须取得许可, 获得许可方可出口.
static REQUIRE_WORDS: LazyLock<Vec<&'static str>> = LazyLock::new(|| words("export.require_words"));

/// Verbs of lifting a measure, an easing when a word of control follows in
/// the clause (解除对H20的出口限制, 取消对华禁令).
static RELAX_VERBS: LazyLock<Vec<&'static str>> = LazyLock::new(|| words("export.relax_verbs"));

/// Verbs of letting a sale happen (允许H200出口, 批准辉达H200出售给中国).
static ALLOW_VERBS: LazyLock<Vec<&'static str>> = LazyLock::new(|| words("export.allow_verbs"));
/// Verbs of selling or shipping.
static SALE_WORDS: LazyLock<Vec<&'static str>> = LazyLock::new(|| words("export.sale_words"));

/// Words of a directive, one of which must come before a buyer's measure that
/// does not forbid outright (敦促它们避免采用, 要求他们不得采购).
static DIRECTIVE_WORDS: LazyLock<Vec<&'static str>> = LazyLock::new(|| words("export.directive_words"));

/// China's own measures on buying (要求停止采购, 敦促避免采用, 禁止进口): a
/// ban when they forbid (禁止), else a restriction.
static BUYER_CUES: LazyLock<Vec<&'static str>> = LazyLock::new(|| [words("export.buyer_cues"), CHECK_WORDS.clone()].concat());

/// Words of a state that makes rules on buying.
static STATE_WORDS: LazyLock<Vec<&'static str>> = LazyLock::new(|| words("export.state_words"));

/// Words of what is bought, one of which a buyer's measure is about.
static CHIP_WORDS: LazyLock<Vec<&'static str>> = LazyLock::new(|| words("export.chip_words"));

/// Words that point back to the chips of the sentence before (这些芯片,
/// 两款晶片, 这两家公司).
static BACK_REFERENCES: LazyLock<Vec<&'static str>> = LazyLock::new(|| words("export.back_references"));

/// Words that name two chips told before (两者均不能出口).
static BOTH_WORDS: LazyLock<Vec<&'static str>> = LazyLock::new(|| words("export.both_words"));

/// Words of export control; a restriction is told in a sentence with one.
static EXPORT_CONTEXT: LazyLock<Vec<&'static str>> = LazyLock::new(|| words("export.export_context"));

/// Words that deny what follows (没有获得许可).
static NEGATIONS: LazyLock<Vec<&'static str>> = LazyLock::new(|| words("export.negations"));

/// Clauses that suppose, hope, judge or ask: no event happens in them.
static NOT_EVENT: LazyLock<Vec<&'static str>> = LazyLock::new(|| words("export.not_event"));

/// Words of a launch under way (正在开发, 正着手准备).
static UNDER_WAY: LazyLock<Vec<&'static str>> = LazyLock::new(|| words("export.under_way"));

/// Words that date an event by the one told before it.
static SAME_DAY: LazyLock<Vec<&'static str>> = LazyLock::new(|| words("export.same_day"));

/// Words that date an event in the month of the last date told (同月, 当月).
static SAME_MONTH: LazyLock<Vec<&'static str>> = LazyLock::new(|| words("export.same_month"));

/// Words that tie an event to the one told before it (与此同时, 此外, 同样):
/// with no date of its own, it is of that event's time.
static SAME_TIME: LazyLock<Vec<&'static str>> = LazyLock::new(|| words("export.same_time"));

/// Verbs of telling: a date just before one is when something was told
/// (辉达10月24日向美国证交会申报, 《金融时报》17日援引……报道), not when the
/// measure was taken, when the sentence dates the measure too.
static REPORT_VERBS: LazyLock<Vec<&'static str>> = LazyLock::new(|| words("export.report_verbs"));

/// Words that put an event before the time of writing (no date of its own
/// then means unknown): 已经 and 已被 tell a standing state (A100已经被美国禁止售往
/// 中国). 已 alone does not: 已通知, 已批准 is news of now.
static PAST: LazyLock<Vec<&'static str>> = LazyLock::new(|| words("export.past"));


/// Other words that name a rule (禁令, 要求), beside the rule nouns and new rules.
static RULE_WORDS: LazyLock<Vec<&'static str>> = LazyLock::new(|| words("export.rule_words"));
/// Verbs of resuming a sale (恢复对大陆销售), read as the allowing verbs are.
static RESUME_VERBS: LazyLock<Vec<&'static str>> = LazyLock::new(|| words("export.resume_verbs"));
/// Words of selling, control and buying that start an event (禁止, 出口, 实体清单).
static TRIGGER_WORDS: LazyLock<Vec<&'static str>> = LazyLock::new(|| words("export.trigger_words"));
/// Words a chip China cannot buy is told with (在国内不能买).
static BUY_NOT: LazyLock<Vec<&'static str>> = LazyLock::new(|| words("export.buy_not"));
/// The first words of the rules on buying, licences, allowed sales and
/// lifted measures: a clause with none of them skips those rules.
fn gate_words() -> Vec<&'static str> {
    [&BUYER_CUES[..], &LICENCE_WORDS[..], &ALLOW_VERBS[..], &RESUME_VERBS[..], &RELAX_VERBS[..], &BUY_NOT[..], &LIMIT_WORDS[..], &ORDER_STOPS[..]].concat()
}
/// Words of selling that may not happen (无法向中国出口).
static SOLD: LazyLock<Vec<&'static str>> = LazyLock::new(|| words("export.sold"));
/// Verbs that bring a bill forward or pass it (提出法案).
static BILL_VERBS: LazyLock<Vec<&'static str>> = LazyLock::new(|| words("export.bill_verbs"));
static CONDITION_OPENERS: LazyLock<Vec<&'static str>> = LazyLock::new(|| words("export.condition_openers"));
static TIME_SUFFIXES: LazyLock<Vec<&'static str>> = LazyLock::new(|| words("export.time_suffixes"));
/// `export.interrupted`: what is sold or shipped, before 中断 (出货一度中断).
static INTERRUPTED: LazyLock<Vec<&'static str>> = LazyLock::new(|| words("export.interrupted"));
/// `export.china_directors`: China named as who gives a directive (中国已指示).
static CHINA_DIRECTORS: LazyLock<Vec<&'static str>> = LazyLock::new(|| words("export.china_directors"));
/// `export.control_lists`: lists of controlled goods (战略物品清单).
static CONTROL_LISTS: LazyLock<Vec<&'static str>> = LazyLock::new(|| words("export.control_lists"));
/// `export.brought_in`: words of being brought into a rule, ending a clause
/// (也被纳入).
static BROUGHT_IN: LazyLock<Vec<&'static str>> = LazyLock::new(|| words("export.brought_in"));
/// `export.listed_companies`: words that name companies as what is put on
/// a list (实体, 企业).
static LISTED_COMPANIES: LazyLock<Vec<&'static str>> = LazyLock::new(|| words("export.listed_companies"));
/// `export.cover_verbs`: a rule covering chips (涉及, 涵盖).
static COVER_VERBS: LazyLock<Vec<&'static str>> = LazyLock::new(|| words("export.cover_verbs"));
/// `export.contrast_openers`: words that open a clause set against the one
/// before (而, 但, 不过).
static CONTRAST_OPENERS: LazyLock<Vec<&'static str>> = LazyLock::new(|| words("export.contrast_openers"));
/// `export.answer_launches`: launching a chip after one's chips were
/// restricted (随后推出了A800, 只能改推H20).
static ANSWER_LAUNCHES: LazyLock<Vec<&'static str>> = LazyLock::new(|| words("export.answer_launches"));
/// `export.undergo_verbs` and `export.same_words` (受到同样的出口限制).
static UNDERGO_VERBS: LazyLock<Vec<&'static str>> = LazyLock::new(|| words("export.undergo_verbs"));
static SAME_WORDS: LazyLock<Vec<&'static str>> = LazyLock::new(|| words("export.same_words"));
/// `export.supply_words`: words of supplying a product (供货, 出货).
static SUPPLY_WORDS: LazyLock<Vec<&'static str>> = LazyLock::new(|| words("export.supply_words"));
/// `export.rule_attributes`: what a rule sets, right after its name (新规门槛).
static RULE_ATTRIBUTES: LazyLock<Vec<&'static str>> = LazyLock::new(|| words("export.rule_attributes"));
static EXPECTATION_WORDS: LazyLock<Vec<&'static str>> = LazyLock::new(|| words("export.expectation_words"));
static SUPPLY_DESTINATIONS: LazyLock<Vec<&'static str>> = LazyLock::new(|| words("export.supply_destinations"));
static DENIAL_POLICIES: LazyLock<Vec<&'static str>> = LazyLock::new(|| words("export.denial_policies"));
static EFFECT_WORDS: LazyLock<Vec<&'static str>> = LazyLock::new(|| words("export.effect_words"));
static LIST_ADD_VERBS: LazyLock<Vec<&'static str>> = LazyLock::new(|| words("export.list_add_verbs"));
static SUPPLY_VERBS: LazyLock<Vec<&'static str>> = LazyLock::new(|| words("export.supply_verbs"));
static UNTIL_WORDS: LazyLock<Vec<&'static str>> = LazyLock::new(|| words("export.until_words"));
static PASSIVE_MARKS: LazyLock<Vec<&'static str>> = LazyLock::new(|| words("export.passive_marks"));
static WEIGH_VERBS: LazyLock<Vec<&'static str>> = LazyLock::new(|| words("export.weigh_verbs"));
static REPLACEMENT_WORDS: LazyLock<Vec<&'static str>> = LazyLock::new(|| words("export.replacement_words"));
static MEANING_WORDS: LazyLock<Vec<&'static str>> = LazyLock::new(|| words("export.meaning_words"));
static RULE_CONTENT: LazyLock<Vec<&'static str>> = LazyLock::new(|| words("export.rule_content"));
/// Words of acting without a licence (未经许可不得出口: a requirement).
static UNLICENSED: LazyLock<Vec<&'static str>> = LazyLock::new(|| words("export.unlicensed"));
/// Words that name a law as a basis (根据《出口管制改革法案》).
static BASIS_WORDS: LazyLock<Vec<&'static str>> = LazyLock::new(|| words("export.basis_words"));
/// Words of an official review (通过商务部审核).
static REVIEW_WORDS: LazyLock<Vec<&'static str>> = LazyLock::new(|| words("export.review_words"));
/// Words that open the phrase of whom a sale goes to (停止向中国大陆客户出售).
static TOWARD_OPENERS: LazyLock<Vec<&'static str>> = LazyLock::new(|| words("export.toward_openers"));
// Words of a warning or guidance (警告, 指引): list::GUIDANCE_WORDS.
/// Words of breaking a rule (违反).
static VIOLATE_WORDS: LazyLock<Vec<&'static str>> = LazyLock::new(|| words("export.violate_words"));
// Words of complying with a rule (为遵守出口管制而开发的) and words that
// tell a rule tightens (收紧, 限制) are lists of the sentence's hits only:
// list::COMPLY_WORDS, list::TIGHTENING_WORDS.

/// The lists [`action_of`] asks about each clause, by their place in
/// [`lists`].
mod list {
    /// Where the reader's lists start among the sentence's lists
    /// ([`super::super::SENTENCE_LISTS`]).
    const AT: usize = super::super::EXPORT_LISTS_AT;
    pub const NOT_EVENT: usize = AT;
    pub const GATE: usize = AT + 1;
    pub const BUYER_CUES: usize = AT + 2;
    pub const CHIP_WORDS: usize = AT + 3;
    pub const LICENCE_CUES: usize = AT + 4;
    pub const RELAX_CUES: usize = AT + 5;
    pub const RELAX_VERBS: usize = AT + 6;
    pub const BAN_CUES: usize = AT + 7;
    pub const SOLD: usize = AT + 8;
    pub const VARIANT_CUES: usize = AT + 9;
    pub const CHINA_MARKET_CUES: usize = AT + 10;
    pub const LAUNCH_VERBS: usize = AT + 11;
    pub const NEW_RULES: usize = AT + 12;
    pub const RULE_NOUNS: usize = AT + 13;
    pub const ISSUE_VERBS: usize = AT + 14;
    pub const FRAME: usize = AT + 15;
    pub const TRIGGERS: usize = AT + 16;
    pub const BILL_WORDS: usize = AT + 17;
    pub const PLAN_WORDS: usize = AT + 18;
    pub const CONTROL_WORDS: usize = AT + 19;
    pub const ENACTED_WORDS: usize = AT + 20;
    pub const PREVENT_WORDS: usize = AT + 21;
    pub const COMING_WORDS: usize = AT + 22;
    pub const BACK_REFERENCES: usize = AT + 23;
    pub const BOTH_WORDS: usize = AT + 24;
    pub const STATE_WORDS: usize = AT + 25;
    pub const DIRECTIVE_WORDS: usize = AT + 26;
    pub const CONFORM_WORDS: usize = AT + 27;
    /// Every word that names a rule: rule nouns, new rules, rule words.
    pub const RULE_WORDS: usize = AT + 28;
    pub const GUIDANCE_WORDS: usize = AT + 29;
    pub const COMPLY_WORDS: usize = AT + 30;
    pub const TIGHTENING_WORDS: usize = AT + 31;
    pub const EXPORT_CONTEXT: usize = AT + 32;
    pub const PAST: usize = AT + 33;
    pub const PROPOSAL_CUES: usize = AT + 34;
    /// Verbs of letting or easing that a plan may be about (考虑批准, 拟放宽).
    pub const EASE_WORDS: usize = AT + 35;
    pub const ENTITY_LIST_NOUNS: usize = AT + 36;
    /// The words of the authorities ([`super::AUTHORITIES`]).
    pub const AUTHORITIES: usize = AT + 37;
    /// A policy changed to another (调整为, 改为: [`super::policy_change`]).
    pub const CHANGE_TO: usize = AT + 38;
    /// A rumour (网传) and its denial (纯属谣言): together, no event.
    pub const RUMOUR_WORDS: usize = AT + 39;
    pub const DENIAL_WORDS: usize = AT + 40;
    /// Taken off a list (移除, 除名).
    pub const LIST_REMOVE_VERBS: usize = AT + 41;
    /// A word that compares (低于, 相比: [`super::COMPARISON_WORDS`]).
    pub const COMPARISON: usize = AT + 42;
    /// A list of controlled goods (战略物品清单: [`super::CONTROL_LISTS`]).
    pub const CONTROL_LISTS: usize = AT + 43;
}

/// Every list [`action_of`] asks about a clause, and the trigger words
/// ([`TRIGGER_LISTS`]), in the order of [`list`]: found in the one scan of
/// the sentence for all readers ([`Sentence::hits`]; it was scanned for the
/// triggers, then each clause once per list).
pub(super) fn lists() -> Vec<Vec<&'static str>> {
    vec![
        NOT_EVENT.to_vec(),
        gate_words(),
        BUYER_CUES.to_vec(),
        CHIP_WORDS.to_vec(),
        LICENCE_CUES.to_vec(),
        RELAX_CUES.to_vec(),
        RELAX_VERBS.to_vec(),
        BAN_CUES.to_vec(),
        SOLD.to_vec(),
        VARIANT_CUES.to_vec(),
        CHINA_MARKET_CUES.to_vec(),
        LAUNCH_VERBS.to_vec(),
        NEW_RULES.to_vec(),
        RULE_NOUNS.to_vec(),
        ISSUE_VERBS.to_vec(),
        frame_words(),
        TRIGGER_LISTS.concat(),
        BILL_WORDS.to_vec(),
        PLAN_WORDS.to_vec(),
        CONTROL_WORDS.to_vec(),
        ENACTED_WORDS.to_vec(),
        PREVENT_WORDS.to_vec(),
        COMING_WORDS.to_vec(),
        BACK_REFERENCES.to_vec(),
        BOTH_WORDS.to_vec(),
        STATE_WORDS.to_vec(),
        DIRECTIVE_WORDS.to_vec(),
        CONFORM_WORDS.to_vec(),
        [&RULE_NOUNS[..], &NEW_RULES[..], &RULE_WORDS[..]].concat(),
        words("export.guidance_words"),
        words("export.comply_words"),
        words("export.tightening_words"),
        EXPORT_CONTEXT.to_vec(),
        PAST.to_vec(),
        PROPOSAL_CUES.to_vec(),
        [&ALLOW_VERBS[..], &RELAX_VERBS[..]].concat(),
        ENTITY_LIST_NOUNS.to_vec(),
        AUTHORITIES.iter().map(|a| a.0).collect(),
        CHANGE_TO.to_vec(),
        RUMOUR_WORDS.to_vec(),
        DENIAL_WORDS.to_vec(),
        LIST_REMOVE_VERBS.to_vec(),
        COMPARISON_WORDS.to_vec(),
        CONTROL_LISTS.to_vec(),
    ]
}

/// How many lists [`lists`] gives.
pub(super) const LISTS: usize = 44;
/// The words of a frame [`without_frames`] blanks out.
fn frame_words() -> Vec<&'static str> {
    // 影响 is the one cause frame without_frames reads (受新规影响).
    [&CONFORM_WORDS[..], &["影响"]].concat()
}

/// `export.entity_list_nouns` of the lexicon.
static ENTITY_LIST_NOUNS: LazyLock<Vec<&'static str>> = LazyLock::new(|| words("export.entity_list_nouns"));
/// `export.entity_list_verbs` of the lexicon.
static ENTITY_LIST_VERBS: LazyLock<Vec<&'static str>> = LazyLock::new(|| words("export.entity_list_verbs"));
/// `export.revoke_verbs` of the lexicon.
static RUMOUR_WORDS: LazyLock<Vec<&'static str>> = LazyLock::new(|| words("export.rumour_words"));
static DENIAL_WORDS: LazyLock<Vec<&'static str>> = LazyLock::new(|| words("export.denial_words"));
static THRESHOLD_WORDS: LazyLock<Vec<&'static str>> = LazyLock::new(|| words("export.threshold_words"));
static CHANGE_TO: LazyLock<Vec<&'static str>> = LazyLock::new(|| words("export.change_to"));
static LIST_REMOVE_VERBS: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| words("export.list_remove_verbs"));
static LIST_NOUNS: LazyLock<Vec<&'static str>> = LazyLock::new(|| words("export.list_nouns"));
static REVOKE_VERBS: LazyLock<Vec<&'static str>> = LazyLock::new(|| words("export.revoke_verbs"));
/// `export.modal_words`: a modal right before a verb of easing or control
/// makes a proposal (可能允许, 或将限制). Found in one pass (at one place,
/// the longest: 有可能 over 可能).
static MODAL_WORDS: LazyLock<super::words::Words> = LazyLock::new(|| super::words::Words::longest(&words("export.modal_words")));
/// `export.modal_adverbs`: words between a modal and its verb (可能会进一步限制).
static MODAL_ADVERBS: LazyLock<Vec<&'static str>> = LazyLock::new(|| words("export.modal_adverbs"));
/// `export.object_verbs`: a verb that, with 的, ties a date to the rule an
/// event acts on (撤销今年1月公布的规则).
static OBJECT_VERBS: LazyLock<Vec<&'static str>> = LazyLock::new(|| words("export.object_verbs"));
/// `export.extend_verbs` and `export.extended`: a licence or exemption
/// extended (延长……临时通用许可证) is an easing.
static EXTEND_VERBS: LazyLock<Vec<&'static str>> = LazyLock::new(|| words("export.extend_verbs"));
static EXTENDED: LazyLock<Vec<&'static str>> = LazyLock::new(|| words("export.extended"));
/// `export.ordered_stops` of the lexicon.
static ORDERED_STOPS: LazyLock<Vec<&'static str>> = LazyLock::new(|| words("export.ordered_stops"));
/// `export.stop_words` of the lexicon.
static STOP_WORDS: LazyLock<Vec<&'static str>> = LazyLock::new(|| words("export.stop_words"));
/// `export.banned_sale_words` of the lexicon.
static BANNED_SALE_WORDS: LazyLock<Vec<&'static str>> = LazyLock::new(|| words("export.banned_sale_words"));
/// `export.planned_before` of the lexicon.
static PLANNED_BEFORE: LazyLock<Vec<&'static str>> = LazyLock::new(|| words("export.planned_before"));
/// `export.grace_periods` of the lexicon.
static GRACE_PERIODS: LazyLock<Vec<&'static str>> = LazyLock::new(|| words("export.grace_periods"));
/// `export.replaced_words` of the lexicon.
static REPLACED_WORDS: LazyLock<Vec<&'static str>> = LazyLock::new(|| words("export.replaced_words"));
/// `export.immediate_words` of the lexicon.
static IMMEDIATE_WORDS: LazyLock<Vec<&'static str>> = LazyLock::new(|| words("export.immediate_words"));
/// `export.comply_by_words` of the lexicon.
static COMPLY_BY_WORDS: LazyLock<Vec<&'static str>> = LazyLock::new(|| words("export.comply_by_words"));
/// `export.decided_bans` of the lexicon.
static DECIDED_BANS: LazyLock<Vec<&'static str>> = LazyLock::new(|| words("export.decided_bans"));
/// `export.toward_us` of the lexicon.
static TOWARD_US: LazyLock<Vec<&'static str>> = LazyLock::new(|| words("export.toward_us"));

/// Words the export reader's clauses are read with (src/lexicon/export.toml).
/// `export.only_then_words` of the lexicon.
static ONLY_THEN: LazyLock<Vec<&'static str>> = LazyLock::new(|| words("export.only_then_words"));
/// `export.agreed_controls` of the lexicon.
static AGREED_CONTROLS: LazyLock<Vec<&'static str>> = LazyLock::new(|| words("export.agreed_controls"));
/// `export.buyer_denials` of the lexicon.
static BUYER_DENIALS: LazyLock<Vec<&'static str>> = LazyLock::new(|| words("export.buyer_denials"));
/// `export.china_delivery` of the lexicon.
static CHINA_DELIVERY: LazyLock<Vec<&'static str>> = LazyLock::new(|| words("export.china_delivery"));
/// `export.china_places` of the lexicon.
static CHINA_PLACES: LazyLock<Vec<&'static str>> = LazyLock::new(|| words("export.china_places"));
/// `export.version_context` of the lexicon.
static VERSION_CONTEXT: LazyLock<Vec<&'static str>> = LazyLock::new(|| words("export.version_context"));
/// `export.limit_objects` of the lexicon.
static LIMIT_OBJECTS: LazyLock<Vec<&'static str>> = LazyLock::new(|| words("export.limit_objects"));
/// `export.effect_times` of the lexicon.
static EFFECT_TIMES: LazyLock<Vec<&'static str>> = LazyLock::new(|| words("export.effect_times"));
/// `export.predicate_adverbs` of the lexicon.
static PREDICATE_ADVERBS: LazyLock<Vec<&'static str>> = LazyLock::new(|| words("export.predicate_adverbs"));
/// `export.apply_verbs` of the lexicon.
static APPLY_VERBS: LazyLock<Vec<&'static str>> = LazyLock::new(|| words("export.apply_verbs"));
/// `export.measure_words` of the lexicon.
static MEASURE_WORDS: LazyLock<Vec<&'static str>> = LazyLock::new(|| words("export.measure_words"));
/// `export.dateline_words` of the lexicon.
static DATELINE_WORDS: LazyLock<Vec<&'static str>> = LazyLock::new(|| words("export.dateline_words"));
/// `export.deadline_after` of the lexicon.
static DEADLINE_AFTER: LazyLock<Vec<&'static str>> = LazyLock::new(|| words("export.deadline_after"));
/// `export.made_the` of the lexicon.
static MADE_THE: LazyLock<Vec<&'static str>> = LazyLock::new(|| words("export.made_the"));
/// `export.later_than` of the lexicon.
static LATER_THAN: LazyLock<Vec<&'static str>> = LazyLock::new(|| words("export.later_than"));
/// `export.compared_with` of the lexicon.
static COMPARED_WITH: LazyLock<Vec<&'static str>> = LazyLock::new(|| words("export.compared_with"));
/// `export.after_words` of the lexicon.
static AFTER_WORDS: LazyLock<Vec<&'static str>> = LazyLock::new(|| words("export.after_words"));


/// Authorities: a word, the authority it names and the country that
/// authority belongs to (BIS is the United States'), from the lexicon's
/// `[[authority]]` tables (src/lexicon/export.toml), in file order.
static AUTHORITIES: LazyLock<Vec<(&'static str, &'static str, &'static str)>> =
    LazyLock::new(|| crate::lexicon::get().authority_words());

/// Bare country names: after 对, 向 or 至 they name a destination (向泰国出口),
/// while an agency after 向 is still the one acting (向美国商务部申请许可).
static COUNTRY_WORDS: LazyLock<Vec<&'static str>> = LazyLock::new(|| words("export.country_words"));

/// Words after a country that make it an origin or an owner, not an actor.
static NOT_ACTOR_AFTER: LazyLock<Vec<&'static str>> = LazyLock::new(|| words("export.not_actor_after"));

/// Where a variant cue stands in the clause, if any.
fn find_any(text: &str, words: &[&str]) -> Option<Range<usize>> {
    crate::text::words::leftmost_longest(text, words)
}

/// An event read from one clause.
#[derive(Clone, Debug)]
struct Event {
    action: Action,
    clause: usize,
    /// Where the event's cue word starts and ends.
    cue_start: usize,
    cue_end: usize,
    chips: Vec<usize>,
    entities: Vec<String>,
    date: Option<PartialDate>,
    /// The authority the cue tells, if it tells one (China's measures).
    authority: Option<&'static str>,
    /// Whether the date is stated in the sentence (a date mention), not
    /// taken from the paragraph's dateline or the publication.
    stated: bool,
}

/// An event as a sentence tells it, before the document's tellings are merged.
pub struct Told {
    pub event: ExportControl,
    /// Its date is stated in its sentence, not taken from the dateline or the
    /// publication date: a retelling with only such a date may be an event
    /// told with its date elsewhere in the document.
    pub date_stated: bool,
    /// It is told in the article's headline, which retells the body's news.
    pub headline: bool,
}

/// A clause's event: its action, where its cue is, and the authority the
/// cue itself tells (China for China's own measures on buying).
type Cue = (Action, Range<usize>, Option<&'static str>);

/// Words after which a rule is named as what something conforms to or gets
/// around (为符合美国出口管制规定, 为绕开美国的芯片限制), not told.
static CONFORM_WORDS: LazyLock<Vec<&'static str>> = LazyLock::new(|| words("export.conform_words"));

/// A clause with the frames that only name a rule blanked out: a cause (受新规
/// 影响, 在新规影响下) or what is conformed to (符合禁令规定). The rest of the
/// clause is still read (A800受新规影响被禁售, 发布了符合禁令规定的定制版芯片A800).
fn without_frames<'c>(c: &'c str, hits: &Hits) -> std::borrow::Cow<'c, str> {
    if !hits.any_in(list::FRAME, 0..c.len()) {
        return std::borrow::Cow::Borrowed(c);
    }
    let influence = c.contains("影响");
    let conform = hits.any_in(list::CONFORM_WORDS, 0..c.len());
    let mut out = c.to_string();
    // Same length, so byte offsets still hold.
    let blank = |out: &mut String, from: usize, to: usize| out.replace_range(from..to, &" ".repeat(to - from));
    if influence {
        // 新规对英伟达营收的影响有限: a clause about effects.
        if let Some(i) = c.find("的影响") {
            if c[..i].contains('对') {
                blank(&mut out, 0, i + "的影响".len());
            }
        }
        for (i, _) in c.match_indices("影响") {
            let head = chars_before(c, i, 15);
            let Some(j) = head.rfind(grammar::CAUSE_MARKS) else { continue };
            let from = i - head.len() + j;
            let mut to = i + "影响".len();
            if c[to..].starts_with('下') {
                to += '下'.len_utf8();
            }
            blank(&mut out, from, to);
        }
    }
    if conform {
        for r in hits.find_iter_in(list::CONFORM_WORDS, 0..c.len()) {
            // Up to the last word of a rule within 30 characters.
            let window = super::text::chars_after(c, r.end, 30);
            let w = range_of(c, window);
            let last = hits.last_end_in(list::RULE_WORDS, w.clone()).map(|e| e - w.start);
            if let Some(end) = last {
                blank(&mut out, r.start, r.end + end);
            }
        }
    }
    std::borrow::Cow::Owned(out)
}

/// Whether a negation stands right before byte `at` (没有获得, 未获, 不允许).
fn negated_before(c: &str, at: usize) -> bool {
    // 未能及时取得许可: an adverb may stand between the negation and the verb.
    let mut before = chars_before(c, at, 6);
    if let Some(a) = ["及时", "顺利", "如期", "尽快", "马上", "立即"].iter().find(|a| before.ends_with(**a)) {
        before = &before[..before.len() - a.len()];
    }
    let before = chars_before(before, before.len(), 3);
    NEGATIONS.iter().any(|n| before.ends_with(n)) || before.ends_with("拒绝")
}

/// A licence as a condition (须获得许可, 获得批准方可出口: a restriction) or
/// as granted (获得出口许可, 承诺发给许可证: a relaxation).
fn licence_cue(c: &str) -> Option<(Action, Range<usize>)> {
    // Every licence word in the order of the text, at one place the longest.
    let mut found: Vec<(usize, &str)> = LICENCE_WORDS.iter().flat_map(|w| c.match_indices(w)).collect();
    found.sort_by_key(|&(i, w)| (i, std::cmp::Reverse(w.len())));
    for (i, w) in found {
        // 在未经许可下: acting without a licence grants none (绿卡持有人在
        // 未经许可下 holds no licence).
        if UNLICENSED.iter().any(|u| c[..i + w.len()].ends_with(u) || c[i..].starts_with(u)) {
            continue;
        }
        // 许可申请已通过商务部审核: a licence passed its review.
        let tail = super::text::chars_after(c, i + w.len(), 16);
        if let Some(p) = tail.find("通过") {
            let at = i + w.len() + p;
            if contains_any(super::text::chars_after(tail, p, 10), &REVIEW_WORDS) && !negated_before(c, at) {
                return Some((Action::Relaxation, at..at + "通过".len()));
            }
        }
        // H20的对华出口许可在8月恢复发放, 许可证已经核发: a grant told after
        // the licence (not 尚未发放, nor 停止发放, which tightens).
        let near = super::text::chars_after(c, i + w.len(), 8);
        if let Some((p, g)) = GRANT_VERBS.iter().filter_map(|g| near.find(g).map(|p| (p, *g))).min() {
            let at = i + w.len() + p;
            let suspended = SUSPEND_WORDS.iter().any(|v| near[..p].ends_with(v));
            if !negated_before(c, at) && !contains_any(&near[..p], &SEEK_WORDS) {
                let action = if suspended { Action::Restriction } else { Action::Relaxation };
                return Some((action, i..at + g.len()));
            }
        }
        let head_len = chars_before(c, i, 20).len();
        let head = &c[i - head_len..i];
        // 停止发放向华为出口芯片的许可证, 暂停审批……许可申请: granting or
        // reviewing licences suspended tightens.
        if let Some((k, len)) = SUSPEND_WORDS.iter().filter_map(|v| head.rfind(v).map(|k| (k, v.len()))).max() {
            let after = &head[k + len..];
            if GRANT_VERBS.iter().chain(REVIEW_WORDS.iter()).any(|g| after.starts_with(g)) && !negated_before(c, i - head_len + k) {
                return Some((Action::Restriction, i - head_len + k..i + w.len()));
            }
        }
        // 吊销了向华为出口芯片的许可, 撤销此前发放给英特尔的许可证: a
        // licence revoked (granted before or not).
        if let Some(r) = REVOKE_VERBS.iter().filter_map(|v| head.rfind(v)).max() {
            if !negated_before(c, i - head_len + r) {
                return Some((Action::Restriction, i - head_len + r..i + w.len()));
            }
        }
        if let Some(g) = GRANT_VERBS.iter().filter_map(|v| head.rfind(v)).max() {
            let at = i - head_len + g;
            // 将寻求美国政府授予许可证: a grant sought is none yet.
            if contains_any(chars_before(c, at, 10), &SEEK_WORDS) {
                continue;
            }
            // 此前发放给华为的临时通用许可证已于8月13日到期,不再延期: a licence
            // granted that ends (unless extended) tightens.
            if contains_any(&c[i + w.len()..], &EXPIRE_WORDS) && !contains_any(c, &EXTEND_VERBS) {
                return Some((Action::Restriction, at..i + w.len()));
            }
            if !negated_before(c, at) && !c[..at].contains('仍') {
                return Some((Action::Relaxation, at..i + w.len()));
            }
            continue;
        }
        let Some(a) = ACQUIRE_VERBS.iter().filter_map(|v| head.rfind(v)).max() else {
            // 向中国出口H20需要出口许可证: a licence needed.
            if REQUIRE_WORDS.iter().any(|r| chars_before(c, i, 6).contains(r)) {
                return Some((Action::Restriction, i..i + w.len()));
            }
            continue;
        };
        let at = i - head_len + a;
        // 要求为华为代工的芯片厂商申请许可: applying is required anywhere before.
        let applying = c[at..].starts_with("申请");
        let required = REQUIRE_WORDS.iter().any(|r| chars_before(c, at, 8).contains(r))
            || applying && REQUIRE_WORDS.iter().any(|r| c[..at].contains(r))
            || ONLY_THEN.iter().any(|r| c[i..].contains(r));
        // 性能约为B300的一半,但仍需取得美国政府批准: a licence still needed
        // is the rule as it stands, not one told as news.
        if required && chars_before(c, at, 3).contains(['仍', '尚']) {
            continue;
        }
        if required {
            return Some((Action::Restriction, at..i + w.len()));
        }
        // 已申请出口许可: an application is no licence granted; nor is one
        // sought (并寻求获得许可证, 希望取得出口许可).
        if applying || contains_any(chars_before(c, at, 6), &SEEK_WORDS) {
            continue;
        }
        if negated_before(c, at) || chars_before(c, at, 4).contains('仍') {
            continue;
        }
        return Some((Action::Relaxation, at..i + w.len()));
    }
    None
}

/// A sale let happen (允许H200出口到中国, 批准辉达H200晶片出售给中国, 恢复对大陆销售):
/// a relaxation; a sale not allowed (不允许英伟达向中国出售H100) is a ban, one
/// not yet approved (尚未批准) no event.
fn allowed_sale(c: &str, hits: &Hits) -> Option<(Action, Range<usize>)> {
    for v in ALLOW_VERBS.iter().chain(RESUME_VERBS.iter()) {
        if let Some(i) = c.find(v) {
            if !SALE_WORDS.iter().any(|w| c[i..].contains(w)) || only_kept(c, i) {
                continue;
            }
            // 同意加入美国对华芯片设备出口限制: what is agreed to is a control.
            let sold_at = SALE_WORDS.iter().filter_map(|w| c[i..].find(w)).min().unwrap_or(0);
            if hits.any_in(list::CONTROL_WORDS, i + v.len()..c.len()) && !hits.any_in(list::CONTROL_WORDS, i + v.len()..i + sold_at.max(v.len())) && contains_any(&c[i + sold_at..], &AGREED_CONTROLS) {
                return None;
            }
            // 正争取美国商务部批准……出口: an approval sought is none yet.
            if sought(c, i) {
                return None;
            }
            if !negated_before(c, i) {
                return Some((Action::Relaxation, i..i + v.len()));
            }
            if matches!(*v, "允许" | "准许") && chars_before(c, i, 1) == "不" {
                return Some((Action::Ban, i..i + v.len()));
            }
            return None;
        }
    }
    None
}

/// Whether an allowing verb at `i` only keeps a sale as it was (仍允许).
fn only_kept(c: &str, i: usize) -> bool {
    chars_before(c, i, 4).contains('仍')
}

/// Whether the allowing at `i` is only sought (正争取美国商务部批准).
fn sought(c: &str, i: usize) -> bool {
    contains_any(chars_before(c, i, 12), &SEEK_WORDS)
}

/// A sale told in the clause after the one that allows it (美国政府已同意公司
/// ……继续开展H100的开发工作,并可在2023年9月1日前经由香港履行A100和H100的订单;
/// 已获美国政府同意,在2023年9月1日前可经由香港继续履行A100订单): a
/// relaxation, its cue the word of selling in clause `ci`, when the clause
/// before holds an allowing verb, not negated, sought or only kept (仍).
fn sale_allowed_before(s: &Sentence, ci: usize, sentence_hits: &Hits) -> Option<(Action, Range<usize>)> {
    // (Only where the clause before holds a word of the gate, as every
    // allowing verb is.)
    let before = s.clauses()[ci.checked_sub(1)?].clone();
    if !sentence_hits.any_in(list::GATE, before) {
        return None;
    }
    let prev = s.clause_text(ci - 1);
    let c = s.clause_text(ci);
    // (Not a clause of contrast, 但美国政府要抽取25%的销售分成, nor after a
    // clause that tells its own sale.)
    if c.trim_start().starts_with(['但', '而', '不']) || c.trim_start().starts_with("然而") {
        return None;
    }
    let (j, w) = SALE_WORDS.iter().filter_map(|w| c.find(w).map(|j| (j, *w))).min()?;
    ALLOW_VERBS
        .iter()
        .filter_map(|v| prev.find(v).map(|i| (i, v.len())))
        .filter(|&(i, len)| !SALE_WORDS.iter().any(|w| prev[i + len..].contains(w)))
        .map(|(i, _)| i)
        // (尚未获得美国政府同意: a negation anywhere before the verb.)
        .any(|i| !contains_any(&prev[..i], &NEGATIONS) && !only_kept(prev, i) && !sought(prev, i))
        .then(|| (Action::Relaxation, j..j + w.len()))
}

/// Whether the chip named last before `at` (in the sentence, in the clause
/// that starts at `clause`) is said to be what stands at `at`: 是 (就是, 则是)
/// between them, not negated (不是, 并非).
fn said_to_be(s: &Sentence, clause: usize, at: usize) -> bool {
    let Some(chip) = s.chips.iter().filter(|m| m.range.start >= clause && m.range.end <= at).last() else { return false };
    let between = &s.text[chip.range.end..at];
    between.char_indices().any(|(i, c)| c == '是' && !between[..i].ends_with(['不', '非', '否']) && !between[..i].ends_with("并不"))
        && !between.contains("不是")
        && between.chars().count() <= 16
}

/// 特供版H20, 對岸特供的RTX 5090D, 减规的RTX 4090 D: a China-version cue
/// right before a chip (的 between) names that chip as the version, though
/// no launch is told. `at`: where the cue ends.
fn names_version(s: &Sentence, at: usize) -> bool {
    let rest = s.text[at..].trim_start_matches(' ');
    let rest = rest.strip_prefix('的').unwrap_or(rest).trim_start_matches(' ');
    let next = s.text.len() - rest.len();
    // (性能约为此前特供版H20的6倍: a chip only measured against is no news
    // of it.)
    s.chips.iter().any(|m| m.range.start == next && !super::text::chars_after(s.text, m.range.end, 6).contains('倍'))
}

/// Whether a measure named just before `rest` (the rest of clause `ci`) is
/// only the time of something else (禁售后, 新规前一天, 断供以来): a time
/// word right after it, and no date in the clause (a word of now, 禁运之后
/// RTX 4090现在什么价, is the time of what followed, not a date of it).
/// (新规出来那阵子: a verb of its coming out may stand between.)
fn named_as_time(s: &Sentence, ci: usize, rest: &str) -> bool {
    let rest = after_rule_comes(rest);
    TIME_SUFFIXES.iter().any(|t| rest.starts_with(t))
        && !s.dates.iter().any(|d| d.kind != super::date::DateKind::Now && s.clauses()[ci].contains(&d.start))
}

/// `rest` after a verb of a rule coming out at its start (出来那阵子 →
/// 那阵子), or all of it.
pub(super) fn after_rule_comes(rest: &str) -> &str {
    RULE_COMES.iter().find(|v| rest.starts_with(*v)).map_or(rest, |v| &rest[v.len()..])
}

/// `export.rule_comes`: verbs of a rule coming out (出来, 出台, 生效).
static RULE_COMES: LazyLock<Vec<&'static str>> = LazyLock::new(|| words("export.rule_comes"));

/// 今年3月开始向国内云厂商供货: a supply that begins (开始, then a word of
/// `export.supply_words` within a dozen characters) launches a product.
fn supply_begins(c: &str) -> bool {
    c.match_indices("开始").any(|(i, w)| contains_any(super::text::chars_after(c, i + w.len(), 12), &SUPPLY_WORDS))
}

/// China's own measure on buying chips (要求停止采购, 禁止进口H200), unless
/// denied (并未下令停止采购).
fn buyer_cue(c: &str, hits: &Hits, sentence_head: &str, sentence_hits: &Hits) -> Option<(Action, Range<usize>)> {
    let r = hits.find(list::BUYER_CUES).or_else(|| limited_buying(c)).or_else(|| stopped_orders(c))?;
    let word = &c[r.clone()];
    let action = if word.starts_with("禁止") { Action::Ban } else { Action::Restriction };
    // 中国海关暂不放行: customs holding goods back is itself the measure.
    // 监管部门已限制国内企业采购H200: a limit on buying is the measure itself.
    let outright = word.starts_with("禁止")
        || word.starts_with("劝")
        || word.starts_with("限制")
        || word == "不鼓励"
        || word.ends_with("放行")
        // (H200不在准许进口之列, 不准入境: customs keeping it out.)
        || word.ends_with("进口")
        || word.ends_with("入境")
        || CHECK_WORDS.contains(&word);
    if !outright && !sentence_hits.any_in(list::DIRECTIVE_WORDS, 0..sentence_head.len()) && !hits.any_in(list::DIRECTIVE_WORDS, 0..r.start) {
        return None;
    }
    // 海关加强检查后,……被查获: a check named as a time is no measure told.
    if CHECK_WORDS.contains(&word) && TIME_SUFFIXES.iter().any(|t| c[r.end..].starts_with(t)) {
        return None;
    }
    let head = &c[..r.start];
    if BUYER_DENIALS.iter().any(|n| head.contains(n)) {
        return None;
    }
    // Told of a state (当局, 政府, 监管部门, 北京), not of a company's buyers;
    // or of China directing buyers (中国早前已指示科技企业停止采购).
    let china_directs = || {
        hits.find_iter_in(list::DIRECTIVE_WORDS, 0..head.len())
            .any(|d| contains_any(chars_before(c, d.start, 5), &CHINA_DIRECTORS))
    };
    if !sentence_hits.any_in(list::STATE_WORDS, 0..sentence_head.len()) && !hits.any_in(list::STATE_WORDS, 0..head.len()) && !china_directs() {
        return None;
    }
    Some((action, r))
}

/// 限制国内企业采购H200: a limit put on whom may buy, the buyers between
/// the limit and the buying (export.limit_words, export.buyer_words,
/// export.buy_words), or on what is bought or used (限制H200的使用); where
/// the limit word stands.
fn limited_buying(c: &str) -> Option<Range<usize>> {
    // The leftmost limit that fits, the longest at one place: the order of
    // the list carries no meaning.
    LIMIT_WORDS
        .iter()
        .flat_map(|w| c.match_indices(w))
        .filter(|(i, w)| {
            let rest = &c[i + w.len()..];
            BUY_WORDS.iter().filter_map(|b| rest.find(b)).min().is_some_and(|j| {
                let gap = &rest[..j];
                // 限制H200的使用: what is bought or used, as a noun phrase.
                gap.chars().count() <= 10 && (contains_any(gap, &BUYER_WORDS) || gap.chars().count() >= 2 && gap.ends_with('的'))
            })
        })
        .min_by_key(|(i, w)| (*i, std::cmp::Reverse(w.len())))
        .map(|(i, w)| i..i + w.len())
}

/// 要求部分科技企业暂停H200订单, 取消H20的订单: orders stopped (a word of
/// `export.order_stops`, then one of `export.order_words` within ten
/// characters of the same clause); where the stop word stands.
fn stopped_orders(c: &str) -> Option<Range<usize>> {
    ORDER_STOPS
        .iter()
        .flat_map(|w| c.match_indices(w))
        .filter(|(i, w)| contains_any(super::text::chars_after(c, i + w.len(), 10), &ORDER_WORDS))
        .min_by_key(|(i, w)| (*i, std::cmp::Reverse(w.len())))
        .map(|(i, w)| i..i + w.len())
}

static ORDER_STOPS: LazyLock<Vec<&'static str>> = LazyLock::new(|| words("export.order_stops"));
static ORDER_WORDS: LazyLock<Vec<&'static str>> = LazyLock::new(|| words("export.order_words"));

/// `export.limit_words`, `export.buyer_words`, `export.buy_words` of the lexicon.
static LIMIT_WORDS: LazyLock<Vec<&'static str>> = LazyLock::new(|| words("export.limit_words"));
static BUYER_WORDS: LazyLock<Vec<&'static str>> = LazyLock::new(|| words("export.buyer_words"));
static BUY_WORDS: LazyLock<Vec<&'static str>> = LazyLock::new(|| words("export.buy_words"));

/// A policy changed from one to another in a clause (由“推定拒绝”调整为“逐案审查”):
/// the action of where it ends (a denial tightens, a review eases) and where
/// the change word is. `hits` are those of a text where `c` starts at
/// `base` (the sentence's for one of its clauses).
fn policy_change(c: &str, hits: &Hits, base: usize) -> Option<(Action, usize)> {
    let i = hits.find_in(list::CHANGE_TO, base..base + c.len())?.start - base;
    if !(c[..i].contains('由') || c[..i].contains('从')) {
        return None;
    }
    let to = &c[i..];
    if contains_any(to, &DENIAL_POLICIES) {
        Some((Action::Restriction, i))
    } else if contains_any(to, &RELAX_CUES) {
        Some((Action::Relaxation, i))
    } else {
        None
    }
}

/// The action a clause tells, with where its cue is. Only clauses holding a
/// trigger word are asked ([`trigger_clauses`]).
///
/// `last_change` is the last clause of the sentence that changes a policy
/// ([`policy_change`], asked once per sentence).
fn action_of(s: &Sentence, ci: usize, sentence_hits: &Hits, sentence_has_chips: bool, export_context: &OnceCell<bool>, last_change: Option<usize>) -> Option<Cue> {
    // Whether the sentence speaks of exports at all (asked once per sentence).
    let in_export_context = || *export_context.get_or_init(|| sentence_hits.any(list::EXPORT_CONTEXT));
    // The clause is scanned as it is; only one with a frame is scanned again
    // with its frames blanked out.
    let mut hits = sentence_hits.within(s.clauses()[ci].clone());
    // 为遵守美国出口管制而开发的, 为符合新规推出了A800: a chip made to comply
    // with the rule is a China version.
    if sentence_has_chips && hits.any(list::FRAME) {
        if let Some(v) = sentence_hits.any(list::LAUNCH_VERBS).then(|| complying_launch(s, ci)).flatten() {
            let base = s.clauses()[ci].start;
            return Some((Action::Variant, base + v.start..base + v.end, None));
        }
        // 向中国客户提供一款名为A800的新型芯片,……并已符合美国最新的出口管制规定:
        // a chip offered that complies with the rule.
        let base = s.clauses()[ci].start;
        if let Some(v) = complying_predicate(s.clause_text(ci), &hits) {
            let before = &s.text[..base];
            if s.groups.iter().any(|g| g.range.end <= base) && (find_any(before, &LAUNCH_VERBS).is_some() || contains_any(before, &SUPPLY_VERBS)) {
                return Some((Action::Variant, base + v.start..base + v.end, None));
            }
        }
    }
    let clause = if hits.any(list::FRAME) {
        let blanked = without_frames(s.clause_text(ci), &hits);
        hits = super::SENTENCE_LISTS.scan(&blanked);
        blanked
    } else {
        std::borrow::Cow::Borrowed(s.clause_text(ci))
    };
    let c: &str = &clause;
    let base = s.clauses()[ci].start;
    let at = |r: Range<usize>| base + r.start..base + r.end;
    let cue = |a: Action, r: Range<usize>| Some((a, at(r), None));
    // 讨论是否将H20纳入管制: a question weighed by those who decide is a
    // plan (a proposal), not a question the clause only asks.
    // 评估将更多企业纳入实体清单: a measure weighed by those who decide,
    // not an assessment.
    let weighed = |r: &Range<usize>| {
        (&c[r.clone()] == "是否" && WEIGH_VERBS.iter().any(|p| c[..r.start].ends_with(p)))
            || (WEIGH_VERBS.contains(&&c[r.clone()]) && c[r.end..].starts_with(['将', '把']))
    };
    if hits.find_iter(list::NOT_EVENT).any(|r| !weighed(&r)) {
        return None;
    }
    // 若H20无法出口,中国客户将转向……; 若新规全面落地,……有望: what is only
    // supposed is no event, nor what is said to follow from it (若美国再收紧,
    // H20将无法出口). (Not a purpose: 若要出口,须获得许可 lays a rule down.)
    if supposes(c) || ci > 0 && supposes(s.clause_text(ci - 1)) && contains_any(c, &CONSEQUENCE_WORDS) {
        return None;
    }
    // 这意味着,……须先获得许可,而相关许可申请将面临推定拒绝: what follows a
    // word of meaning in the sentence explains a measure told before.
    // 根据规定,美国企业向上述实体出售零部件和技术须事先获得美国政府许可: what
    // a rule told before lays down, when no chip is named (根据规定,A800须获得
    // 许可方可出口 names what the rule covers).
    let lays_down = || !sentence_has_chips && contains_any(&s.text[..base], &RULE_CONTENT);
    if ci > 0 && (contains_any(&s.text[..base], &MEANING_WORDS) || lays_down()) {
        return None;
    }
    // 就在H20恢复出口大陆的同时: a background told with another event.
    let bare = c.trim_end_matches([',', '，', ':', '：', ' ']);
    if bare.ends_with("的同时") || bare.ends_with("之际") {
        return None;
    }
    // 把美国原产高性能AI芯片列入其战略物品清单: goods put on a list of
    // controlled items are controlled (a proposal if only considered).
    // (Not one only described: 未被明确列入战略物品清单的物品.)
    if let Some(r) = hits.find(list::CONTROL_LISTS) {
        let verb = ENTITY_LIST_VERBS.iter().filter_map(|v| c[..r.start].rfind(v)).max();
        let described = c[r.end..].trim_start_matches(|ch: char| ch == '(' || ch == ')' || ch.is_ascii_alphabetic()).starts_with('的');
        if let Some(v) = verb.filter(|&v| !negated_before(c, v) && !c[..v].ends_with("未被") && !c[..v].ends_with("未明确")).filter(|_| !described) {
            // 将浪潮等80多家中国实体列入出口管制清单: companies put on it are
            // listed, an entity listing.
            let base = s.clauses()[ci].start;
            let companies = contains_any(&c[..v], &LISTED_COMPANIES) || s.vendors().iter().any(|m| m.range.start >= base && m.range.end <= base + v);
            let action = if is_proposal(c, &hits) {
                Action::Proposal
            } else if companies {
                Action::EntityList
            } else {
                Action::Restriction
            };
            return cue(action, r);
        }
    }
    if let Some(r) = hits.find_in(list::ENTITY_LIST_NOUNS, 0..c.len()) {
        // 列入实体清单, 实体名单(Entity List)又加入了四家: the verb before the
        // list or soon after it (实体清单的限制范围扩大至被列实体……的子公司
        // widens the list's rule, it lists no one).
        let after = super::text::chars_after(c, r.end, 24);
        let soon_after = ENTITY_LIST_VERBS.iter().filter_map(|v| after.find(v)).min().is_some_and(|j| !after[..j].contains('的'));
        if contains_any(&c[..r.start], &ENTITY_LIST_VERBS) || soon_after {
            // 被列入实体清单对公司运营无重大不利影响: a listing told as the
            // cause of an effect is known, not news.
            let rest = &c[r.end..];
            if contains_any(rest, &EFFECT_WORDS) && rest.contains('对') {
                return None;
            }
            // 可能将更多中国企业列入实体清单: a listing only possible.
            let head = &c[..r.start];
            if is_proposal(c, &hits) || MODAL_WORDS.any(head) || contains_any(head, &PLAN_WORDS) {
                // 若60天内无法完成核查,可能被列入实体清单: the outcome of a
                // condition is no event at all.
                if ci > 0 && CONDITION_OPENERS.iter().any(|w| s.clause_text(ci - 1).trim_start().starts_with(w)) {
                    return None;
                }
                return cue(Action::Proposal, r);
            }
            return cue(Action::EntityList, r);
        }
    } else if let Some((v, len)) = c.contains('单').then(|| ENTITY_LIST_VERBS.iter().filter_map(|v| c.find(v).map(|i| (i, v.len()))).min()).flatten() {
        // 6月,中科曙光、海光等5家中国实体也被加入这份名单; ……列入实体清单,
        // 本周一再把46家华为子公司加进清单: the list named again, bare or
        // pointed back to, in a sentence (or the paragraphs just before) that
        // names the entity list.
        let after = c[v + len..].trim_start_matches('了');
        let after = ["这份", "这张", "该", "此", "上述", "同一"].iter().find_map(|w| after.strip_prefix(w)).unwrap_or(after);
        let named = |t: &str| ENTITY_LIST_NOUNS.iter().any(|w| t.contains(w));
        if (after.starts_with("清单") || after.starts_with("名单")) && (named(s.text) || named(s.earlier)) && !negated_before(c, v) {
            let r = v..v + len;
            if is_proposal(c, &hits) || MODAL_WORDS.any(&c[..v]) {
                return cue(Action::Proposal, r);
            }
            return cue(Action::EntityList, r);
        }
    }
    // 将25家中国实体从“未经核实清单”中移除: taken off a list, an easing.
    if let Some(i) = hits.find(list::LIST_REMOVE_VERBS).map(|r| r.start)
        && LIST_NOUNS.iter().any(|w| s.text[..base + i].contains(w))
    {
        let w = LIST_REMOVE_VERBS
            .iter()
            .find(|w| c[i..].starts_with(*w))
            .map_or(0, |w| w.len());
        return cue(Action::Relaxation, i..i + w);
    }
    // China's measures on buying: about chips, by China unless the clause
    // names another actor before the cue.
    // One scan tells whether any of the rules below may apply.
    let gated = hits.any(list::GATE);
    if let Some((action, r)) = gated.then(|| buyer_cue(c, &hits, &s.text[..base], sentence_hits)).flatten() {
        if sentence_has_chips || hits.any(list::CHIP_WORDS) {
            let named = authority_of(&c[..r.start], &hits);
            return Some((action, at(r), Some(named.unwrap_or("China"))));
        }
    }
    // 审查政策由“推定拒绝”调整为“逐案审查”: a policy changed from one to
    // another is read by where it ends; the clauses before it tell what it
    // is the policy of.
    if last_change.is_some_and(|k| k > ci) {
        return None;
    }
    if let Some((action, i)) = policy_change(c, &hits, 0) {
        if action == Action::Restriction || in_export_context() {
            return cue(action, i..c.len());
        }
    }
    if let Some(r) = hits.find(list::LICENCE_CUES) {
        if in_export_context() {
            return cue(Action::Restriction, r);
        }
    }
    if let Some((action, r)) = gated.then(|| licence_cue(c)).flatten() {
        if in_export_context() {
            return cue(action, r);
        }
    }
    // 临时通用许可证到期后将不再延长: a licence told with its extension is
    // read by the extension (below).
    let relax = hits
        .find(list::RELAX_CUES)
        .filter(|r| !(c[r.clone()].ends_with("许可") && contains_any(c, &EXTEND_VERBS)));
    if let Some(r) = relax {
        let before = chars_before(c, r.start, 3);
        // 推定拒绝……其他物项则逐案审查: a review that is part of a policy of
        // denial eases nothing.
        if contains_any(s.text, &DENIAL_POLICIES) && c[r.clone()].starts_with("逐案") {
            return None;
        }
        // Revoking a licence (撤销许可证) tightens; revoking a rule eases;
        // revoking what is no rule (被迫撤销大陆客户的所有订单) eases nothing.
        // (The rule may stand before its verb: 7月禁令撤销后.)
        if REVOKE_VERBS.iter().any(|w| c[r.clone()].starts_with(w)) {
            if c.contains("许可") {
                return cue(Action::Restriction, r);
            }
            let rule_named = contains_any(&c[r.end..], &RULE_NOUNS) || c[r.end..].contains('《') || contains_any(chars_before(c, r.start, 8), &RULE_NOUNS);
            if !rule_named {
                return None;
            }
        }
        // 并寻求获得许可证: a licence sought is none yet.
        if contains_any(chars_before(c, r.start, 6), &SEEK_WORDS) {
            return None;
        }
        if in_export_context() && !before.contains('仍') && !NEGATIONS.iter().any(|n| before.ends_with(n)) {
            return cue(Action::Relaxation, r);
        }
    }
    // 延长华为的临时通用许可证, 将临时许可延长三个月: a licence or
    // exemption extended (not 延长禁令, a ban extended).
    if let Some((i, v)) = gated.then(|| EXTEND_VERBS.iter().filter_map(|v| c.find(v).map(|i| (i, *v))).min()).flatten() {
        let rest = super::text::chars_after(c, i + v.len(), 16);
        let head = chars_before(c, i, 10);
        if (contains_any(rest, &EXTENDED) || contains_any(head, &EXTENDED) && !contains_any(head, &RULE_NOUNS)) && in_export_context() {
            // 临时通用许可证到期后将不再延长: a licence that ends.
            if negated_before(c, i) {
                return cue(Action::Restriction, i..i + v.len());
            }
            return cue(Action::Relaxation, i..i + v.len());
        }
    }
    let allowed = gated.then(|| allowed_sale(c, &hits)).flatten().or_else(|| sale_allowed_before(s, ci, sentence_hits));
    if let Some((action, r)) = allowed {
        // About chips, not a stake or a business (批准向中国出售子公司股权).
        // (A permission from the US government is export control, though
        // the sentence names no control: 已获美国政府同意,……可继续履行A100订单.)
        let head = s.clauses()[ci].start + r.start;
        let by_us = || authority_of(&s.text[..head], sentence_hits).is_some_and(|a| a == "US" || a == "BIS");
        if (in_export_context() || by_us()) && (sentence_has_chips || hits.any(list::CHIP_WORDS)) {
            return cue(action, r);
        }
    }
    if let Some(r) = gated.then(|| hits.find(list::RELAX_VERBS)).flatten() {
        let rest = super::text::chars_after(c, r.end, 25);
        if in_export_context() && hits.any_in(list::CONTROL_WORDS, range_of(c, rest)) && !negated_before(c, r.start) {
            return cue(Action::Relaxation, r);
        }
    }
    // H20对华出货一度中断, 供货已经中断: a stop of selling told with an
    // adverb between (the ban cue 出货中断 without one), under export rules.
    if let Some(i) = c.find("中断") {
        let before = chars_before(c, i, 6);
        let stopped = INTERRUPTED.iter().filter_map(|w| before.rfind(w).map(|k| k + w.len())).max();
        if stopped.is_some_and(|k| before[k..].chars().count() <= 3) && !negated_before(c, i) && in_export_context() {
            return cue(stop_or_licence(&c[..i]), i..i + "中断".len());
        }
    }
    if let Some(r) = hits.find(list::BAN_CUES) {
        // 4090禁售后价格起飞, 断供以来: a ban named only as the time of
        // something else, with no date of its own, tells no event.
        if named_as_time(s, ci, &c[r.end..]) {
            return None;
        }
        return cue(stop_or_licence(&c[..r.start]), r);
    }
    // 无法向中国出口, 不得对华销售, 停止向中国交付: a sale that may not happen.
    for r in hits.find_iter(list::SOLD) {
        let (i, sold) = (r.start, &c[r.clone()]);
        let before = chars_before(c, i, 8);
        // Delivering and shipping stop for many reasons: only a stop toward
        // China is a ban.
        let toward_china = match sold {
            // (不能再出货给中国客户: China may stand after, with 给, 至 or 到.)
            "交付" | "出货" => {
                contains_any(before, &CHINA_DELIVERY)
                    || ["给", "至", "到"].iter().any(|p| c[r.end..].trim_start().strip_prefix(p).is_some_and(|t| CHINA_PLACES.iter().any(|w| t.starts_with(w))))
            }
            // 暂停向相关客户供货: a company's own decision; 停止向华为供货 a ban.
            "供货" | "供应" => contains_any(chars_before(c, i, 14), &SUPPLY_DESTINATIONS),
            // 无法再进入中国: only an entry into China.
            "进入" => CHINA_ENTRY.iter().any(|w| c[r.end..].starts_with(w)),
            // 无法再销往中国, 不能再卖给中国客户: only a sale toward China.
            "销往" | "售往" | "卖给" | "卖到" => CHINA_PLACES.iter().any(|w| c[r.end..].trim_start().starts_with(w)),
            _ => true,
        };
        // 叫停了英伟达H20对华出口: a stop ordered, anywhere before in the clause.
        // H20对华出口在今年4月被美国政府叫停: a stop told in the passive after it.
        let passive = || {
            PASSIVE_MARKS.iter().any(|p| {
                c[r.end..].match_indices(p).any(|(j, _)| {
                    let after = super::text::chars_after(&c[r.end + j..], p.chars().count(), 12);
                    contains_any(after, &ORDERED_STOPS) || after.contains("禁止")
                })
            })
        };
        let ordered = ORDERED_STOPS.iter().any(|n| c[..i].contains(n)) || passive();
        if toward_china && (ordered || STOP_WORDS.iter().any(|n| before.contains(n)) || stopped_toward(c, i)) {
            return cue(stop_or_licence(&c[..i]), r);
        }
    }
    // 在国内不能买, 中国买不到: a chip China cannot buy.
    if sentence_has_chips && gated {
        if let Some(i) = find_any(c, &BUY_NOT) {
            if contains_any(c, &CHINA_PLACES) {
                return cue(Action::Ban, i);
            }
        }
    }
    // 禁止 with something sold or shipped after it (not 并未禁止).
    if let Some(i) = c.find("禁止") {
        let rest = &c[i..];
        if contains_any(rest, &BANNED_SALE_WORDS) && !negated_before(c, i) {
            return cue(stop_or_licence(rest), i..i + "禁止".len());
        }
    }
    if let Some(r) = hits.find(list::VARIANT_CUES).or_else(|| hits.find(list::CHINA_MARKET_CUES)) {
        if hits.any(list::LAUNCH_VERBS) || supply_begins(c) {
            return cue(Action::Variant, r);
        }
    }
    // 5090D V2是中国特供版, 5090D(就是国行特供那个): a chip said to be a China
    // version is one, though no launch is told.
    if let Some(r) = hits.find(list::VARIANT_CUES) {
        let base = s.clauses()[ci].start;
        if said_to_be(s, base, base + r.start) || names_version(s, base + r.end) {
            return cue(Action::Variant, r);
        }
    }
    // 推出了H800版本: a version launched under export rules.
    if sentence_has_chips && hits.any(list::LAUNCH_VERBS) && c.contains("版本") && contains_any(s.text, &VERSION_CONTEXT) {
        let i = c.find("版本").unwrap_or(0);
        return cue(Action::Variant, i..i + "版本".len());
    }
    // AMD的MI308也受到同样的出口限制, 壁仞的产品同样遭到类似限制: chips
    // that undergo the rule told before are restricted by it too. (同样
    // points back: the rule may be told in the sentence before.)
    if let Some(r) = hits.find(list::RULE_NOUNS).filter(|r| undergoes_rule(c, r.start)) {
        let told_before = || contains_any(&c[..r.start], &SAME_WORDS) && contains_any(s.previous, &EXPORT_CONTEXT);
        if (in_export_context() || told_before()) && !chips_in(s, base..base + r.start, &[]).is_empty() {
            return cue(Action::Restriction, r);
        }
    }
    // 去年10月再扩大范围,连A800、H800也被纳入: chips brought in, the clause
    // ending there, in a sentence of a rule, are restricted by it.
    let brought_in = c.trim_end_matches(['。', ',', '，', ';', '；', ' ']);
    if let Some(w) = BROUGHT_IN.iter().find(|w| brought_in.ends_with(**w)) {
        let i = brought_in.len() - w.len();
        if in_export_context() && contains_any(s.text, &RULE_NOUNS) && !chips_in(s, base..base + i, &[]).is_empty() {
            return cue(Action::Restriction, i..brought_in.len());
        }
    }
    if !in_export_context() {
        return None;
    }
    // 发布指引,警告在任何地方使用昇腾芯片都可能违反美国出口管制: guidance
    // that using the clause's chips breaks the rules restricts them.
    if let Some(r) = violates_rule(c, &hits) {
        // The chips used stand in the clause or in the one before it (在全球任何
        // 地方使用昇腾910B晶片,都可能违反……).
        let named = !chips_in(s, s.clauses()[ci].clone(), &[]).is_empty() || ci > 0 && !chips_in(s, s.clauses()[ci - 1].clone(), &[]).is_empty();
        if sentence_hits.any_in(list::GUIDANCE_WORDS, 0..base + r.start) && named {
            return cue(Action::Restriction, r);
        }
    }
    if let Some(r) = hits.find(list::NEW_RULES) {
        // 新规公布后,国内渠道RTX 4090显卡价格明显上涨: a rule named only as
        // the time of something else, with no date of its own, tells no event.
        // (在美方宣布新规前一天: right after the rule's name, too.)
        let bare = c.trim_end_matches([',', '，', ':', '：', ' ']);
        let dated = s.dates.iter().any(|d| d.kind != super::date::DateKind::Now && s.clauses()[ci].contains(&d.start));
        if (!dated && TIME_SUFFIXES.iter().any(|t| bare.ends_with(t))) || named_as_time(s, ci, &c[r.end..]) {
            return None;
        }
        // 算力压到新规门槛以下, 符合新规标准: the rule is the measure of
        // something else.
        if RULE_ATTRIBUTES.iter().any(|w| c[r.end..].starts_with(w)) {
            return None;
        }
        // 预期新规短期内不会对财务表现造成重大影响: the rule's effect on
        // something, told by whom it touches, is no new rule. (新规还将影响
        // RTX 4090显卡的对华出口: an effect on chips is what the rule covers.)
        let rest = &c[r.end..];
        if contains_any(rest, &EFFECT_WORDS) && rest.contains('对') && !hits.any(list::ISSUE_VERBS) && chips_in(s, base + r.end..base + c.len(), &[]).is_empty() {
            return None;
        }
        return cue(Action::Restriction, r);
    }
    // 提出《芯片安全法案》: a bill brought forward or passed (a proposal
    // until enacted, see is_proposal), not one only named (根据……法案).
    if let Some(r) = hits.find_iter(list::BILL_WORDS).find(|r| whole_word(c, r.clone())) {
        if contains_any(&c[..r.start], &BILL_VERBS) {
            return cue(Action::Restriction, r);
        }
    }
    // 限制 or 收紧 as a verb on exports or on China: 进一步限制中国市场获取A800,
    // 限制A100和H100对华出口, 进一步收紧对华芯片出口.
    if let Some(r) = find_any(c, &["限制", "收紧"]) {
        if contains_any(c, &LIMIT_OBJECTS) && !noun_phrase_rule(c, &hits, r.clone()) {
            return cue(Action::Restriction, r);
        }
    }
    if let Some(r) = hits.find(list::RULE_NOUNS) {
        // 出口管制实施前, 新规出台后: an issuing verb that makes the rule a time
        // issues nothing.
        let issued = hits.find_iter(list::ISSUE_VERBS).any(|v| !TIME_SUFFIXES.iter().any(|t| c[v.end..].starts_with(t)));
        if issued || c[..r.start].contains('对') && !noun_phrase_rule(c, &hits, r.clone()) {
            return cue(Action::Restriction, r);
        }
        // 美国新的出口管制措施涉及其MI308产品: a rule that covers the chips
        // named after the word of covering.
        let rest = &c[r.end..];
        if let Some((i, w)) = COVER_VERBS.iter().filter_map(|w| rest.find(w).map(|i| (i, *w))).min() {
            let from = base + r.end + i + w.len();
            if super::text::chars_before(rest, i, 4) == &rest[..i] && !chips_in(s, from..s.clauses()[ci].end, &[]).is_empty() {
                return cue(Action::Restriction, r);
            }
        }
        // 美国对华为的禁令于9月15日正式生效: a rule taking effect, not one
        // named as a time (禁令生效之前).
        if let Some(i) = rest.find("生效") {
            let after = &rest[i + "生效".len()..];
            if super::text::chars_before(rest, i, 16) == &rest[..i] && !EFFECT_TIMES.iter().any(|w| after.starts_with(w)) {
                return cue(Action::Restriction, r);
            }
        }
    }
    None
}

/// A chip named as a time or a comparison, not as what the text is about:
/// 在H20之后推出的, 继H20之后, 比A100, 作为A100的替代品 (`range`: where the
/// chips stand in `text`).
pub(crate) fn named_as_reference(text: &str, range: Range<usize>) -> bool {
    let after = text[range.end..].trim_start_matches(' ');
    let before = chars_before(text, range.start, 3).trim_end_matches(' ');
    LATER_THAN.iter().any(|w| after.starts_with(w))
        || COMPARED_WITH.iter().any(|w| before.ends_with(w))
        // 作为A100的替代品: the chip replaced.
        || before.ends_with("作为") && after.starts_with('的')
}

/// `export.next_day`: a word that dates an event the day after the one told
/// before it (次日).
static NEXT_DAY: LazyLock<Vec<&'static str>> = LazyLock::new(|| words("export.next_day"));

/// `export.day_before`: words of the day before (前一天, 前一日).
static DAY_BEFORE: LazyLock<Vec<&'static str>> = LazyLock::new(|| words("export.day_before"));

/// `export.comparison_words`: a clause with one compares (低于, 相比).
static COMPARISON_WORDS: LazyLock<Vec<&'static str>> = LazyLock::new(|| words("export.comparison_words"));

/// `export.consequence_words`: a clause after a supposition that has one
/// tells what would follow (将, 会, 可能).
static CONSEQUENCE_WORDS: LazyLock<Vec<&'static str>> = LazyLock::new(|| words("export.consequence_words"));

/// Whether clause `c` opens with a word that supposes (若, 如果, 一旦), not one
/// of purpose (若要, 如需) nor 若干 (several), nor 如 (such as).
fn supposes(c: &str) -> bool {
    let c = c.trim_start();
    if !c.chars().next().is_some_and(|f| CONDITION_OPENERS.iter().any(|w| w.starts_with(f))) {
        return false;
    }
    CONDITION_OPENERS.iter().filter(|w| **w != grammar::SUCH_AS).any(|w| {
        c.strip_prefix(w).is_some_and(|rest| !rest.starts_with(grammar::NOT_SUPPOSING_AFTER))
    })
}

/// A sale stopped is a ban, unless `around` says it may go on with a licence
/// (未经许可不得出口, 禁止任何芯片未经许可出售给华为): then a licence is
/// required, a restriction.
fn stop_or_licence(around: &str) -> Action {
    if contains_any(around, &UNLICENSED) { Action::Restriction } else { Action::Ban }
}

/// A stop word before the phrase of whom the sale goes to (停止向中国大陆客户
/// 出售): the sale at byte `sold` of the clause is stopped.
fn stopped_toward(c: &str, sold: usize) -> bool {
    STOP_WORDS.iter().any(|w| {
        c[..sold].match_indices(w).any(|(j, _)| {
            let gap = &c[j + w.len()..sold];
            TOWARD_OPENERS.iter().any(|o| gap.starts_with(o)) && gap.chars().count() <= 20
        })
    })
}

/// 违反美国出口管制: a verb of breaking a rule with the rule after it (not
/// negated: 不会违反), where the verb stands.
fn violates_rule(c: &str, hits: &Hits) -> Option<Range<usize>> {
    let r = find_any(c, &VIOLATE_WORDS)?;
    let rest = super::text::chars_after(c, r.end, 12);
    (hits.any_in(list::RULE_WORDS, range_of(c, rest)) && !negated_before(c, r.start) && !chars_before(c, r.start, 3).contains("没")).then_some(r)
}

/// A launch or development made to comply with a rule (为遵守美国出口管制
/// 而开发的, 为了符合新规,英伟达推出了H20): where the comply word stands in
/// the clause that starts `text` and is `clause_len` bytes long. The launch
/// may open the next clause, after its subject.
fn complying_launch(s: &Sentence, ci: usize) -> Option<Range<usize>> {
    let base = s.clauses()[ci].start;
    let (text, clause_len) = (&s.text[base..], s.clauses()[ci].len());
    let hits = s.hits();
    // 推出符合新规的H20, 推出了符合美国出口管制要求的H20芯片: the launch verb
    // first, the chip made to comply after 的.
    let c = &text[..clause_len];
    for v in LAUNCH_VERBS.iter() {
        for (i, _) in c.match_indices(v) {
            let mut rest = &c[i + v.len()..];
            for w in ["了", "一款", "多款", "新款", "三款", "两款"] {
                rest = rest.strip_prefix(w).unwrap_or(rest);
            }
            let at = base + c.len() - rest.len();
            if let Some(r) = hits.prefix_at(list::COMPLY_WORDS, at, base + clause_len) {
                let window = range_of(s.text, super::text::chars_after(s.text, r.end, 20));
                if hits.find_in(list::RULE_WORDS, window.clone()).is_some_and(|w| s.text[w.end..window.end].contains('的')) {
                    return Some(r.start - base..r.end - base);
                }
            }
        }
    }
    hits.find_iter_in(list::COMPLY_WORDS, base..base + clause_len).map(|r| r.start - base..r.end - base).find(|r| {
        let window = super::text::chars_after(&text[..clause_len], r.end, 30);
        let w = range_of(s.text, window);
        let Some(rule_end) = hits.last_end_in(list::RULE_WORDS, w.clone()).map(|e| e - w.start) else { return false };
        let after = &text[r.end + rule_end..];
        find_any(after, &LAUNCH_VERBS).is_some_and(|l| {
            let gap = &after[..l.start];
            gap.chars().count() <= 8 && !gap.contains(|c| super::text::is_sentence_end(c))
        })
    })
}

/// A clause that says what it is about complies with a rule (并已符合美国最新的
/// 出口管制规定): where the comply word stands.
fn complying_predicate(c: &str, hits: &Hits) -> Option<Range<usize>> {
    let mut t = c.trim_start();
    // 该芯片完全符合……: the chip referred to back.
    let tr = range_of(c, t);
    if let Some(r) = hits.find_in(list::BACK_REFERENCES, tr.clone()).filter(|r| r.start == tr.start) {
        t = &c[r.end..];
    }
    loop {
        let Some(o) = crate::text::words::longest_prefix(t, &PREDICATE_ADVERBS) else { break };
        t = &t[o.len()..];
    }
    let at = c.len() - t.len();
    let r = hits.find_in(list::COMPLY_WORDS, at..c.len()).filter(|r| r.start == at)?;
    hits.any_in(list::RULE_WORDS, range_of(c, super::text::chars_after(c, r.end, 20))).then_some(r)
}

/// Whether the chips of `g` are what the sentence says something is (A800、
/// H800是……的降规版本): the subject of 是 right after them.
fn copula_subject(s: &Sentence, g: &super::Group) -> bool {
    s.text[g.range.end..].trim_start().starts_with('是')
}

/// Whether the rule noun at `at` is what something undergoes (受到同样的出口
/// 限制, 遭到类似限制, 也受到限制): an undergo verb of `export.undergo_verbs`
/// right before it, with only words of sameness (`export.same_words`), 的 and
/// 出口 between.
fn undergoes_rule(c: &str, at: usize) -> bool {
    let mut head = c[..at].trim_end().trim_end_matches("出口").trim_end_matches('的');
    if let Some(w) = crate::text::words::longest_suffix(head, &SAME_WORDS) {
        head = &head[..head.len() - w.len()];
    }
    if UNDERGO_VERBS.iter().any(|v| head.ends_with(v)) {
        return true;
    }
    // 受到同一规定限制, 同样受到新的许可规定约束: a few words that name the rule
    // (同一, 新的, 许可) between the verb and its noun, no mark among them.
    let near = chars_before(c, at, 8);
    UNDERGO_VERBS.iter().any(|v| near.find(v).is_some_and(|i| !near[i..].contains([',', '，', '、', ';', '；'])))
}

/// A rule named as a thing, not issued: 美国政府对AI芯片的出口管制 (a subject
/// someone speaks about), the cue standing after 的 with no verb that
/// issues it.
fn noun_phrase_rule(c: &str, hits: &Hits, r: Range<usize>) -> bool {
    let head = &c[..r.start];
    let head = head.trim_end_matches("出口").trim_end_matches("芯片");
    head.ends_with('的') && !hits.any_in(list::ISSUE_VERBS, 0..c.len()) && !c[r.end..].starts_with(grammar::ISSUED_AFTER) && !contains_any(&c[r.end..], &["出口"])
}

/// Chips of the groups in `range` of the sentence, without the originals a
/// variant was made from (A100/H100的定制版芯片A800/H800).
fn chips_in(s: &Sentence, range: Range<usize>, originals: &[usize]) -> Vec<usize> {
    let mut out = Vec::new();
    // 禁止出口任何性能超过H20的AI芯片: a chip named as the bar others are
    // measured against is not what the measure is about.
    let bar = |g: &super::Group| {
        let before = chars_before(s.text, g.range.start, 2);
        s.text[g.range.end..].starts_with('的') && THRESHOLD_WORDS.iter().any(|w| before.ends_with(w))
    };
    for g in s.groups.iter().filter(|g| g.range.start >= range.start && g.range.end <= range.end && !bar(g)) {
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

/// The authority of a sentence: the first country it names as an actor (not
/// a destination: 对马来西亚, 向泰国; not a clock: 北京时间), told by its
/// most specific word (BIS over 美国).
fn authority_of(text: &str, hits: &Hits) -> Option<&'static str> {
    let mut country = None;
    let mut best: Option<&'static str> = None;
    // End of the last destination, for the ones listed with it (向马来西亚和泰国).
    let mut destination_end = None;
    for r in hits.find_iter_in(list::AUTHORITIES, 0..text.len()) {
        let Some(&(word, authority, of)) = AUTHORITIES.iter().find(|a| a.0 == &text[r.clone()]) else { continue };
        let before = chars_before(text, r.start, 1);
        let after = &text[r.end..];
        let listed_with_destination =
            grammar::COUNTRY_JOINERS.contains(&before) && destination_end == Some(r.start - before.len());
        // A destination (对马来西亚), a clock (北京时间) or an origin (美国原产,
        // 美国芯片企业) is no actor.
        if COUNTRY_WORDS.contains(&word) && (grammar::DESTINATION_MARKS.contains(&before) || listed_with_destination) {
            destination_end = Some(r.end);
            continue;
        }
        // 黄仁勋15日于北京表示: the city where something is said is no actor.
        let place = word == "北京" && {
            let two = chars_before(text, r.start, 2);
            grammar::PLACE_MARKS.iter().any(|m| two.ends_with(m))
        };
        if word == "北京" && after.starts_with('时') || place || NOT_ACTOR_AFTER.iter().any(|w| after.starts_with(w)) {
            continue;
        }
        match country {
            None => {
                country = Some(of);
                best = Some(authority);
            }
            Some(c) if c == of && authority == "BIS" => best = Some(authority),
            _ => {}
        }
    }
    best
}

/// Whether a date is the one a rule takes effect on (于11月16日生效,
/// 4月4日(美国时间)正式生效).
fn is_effective_date(s: &Sentence, d: &super::date::DateMention) -> bool {
    let mut rest = s.text[d.end..].trim_start();
    // A note in brackets after the date: (应是美国时间).
    if let Some(r) = rest.strip_prefix(['(', '（']) {
        if let Some(i) = r.find([')', '）']) {
            if i <= 30 {
                rest = r[i..].trim_start_matches([')', '）']).trim_start();
            }
        }
    }
    // 自8月1日起(正式)实施, 起施行: from a day on, a measure applies.
    let from_on = rest.starts_with('起');
    let rest = after_effect_from(rest);
    let rest = rest.strip_prefix("立即").or_else(|| rest.strip_prefix("即时")).unwrap_or(rest);
    // 该决定于美国东部时间9日在《联邦公报》刊登后生效: the day it takes effect
    // after something else done on it, no other date told before 生效.
    let after_done = || {
        // (A date may run past its clause's end: 2023年 10月20日 across a space.)
        let Some(clause) = s.text.get(d.end..s.clauses()[s.clause_of(d.start)].end) else { return false };
        let clause = clause.trim_end_matches(['。', ',', '，', ';', '；', ' ']);
        clause.ends_with("后生效") && clause.chars().count() <= 20 && !s.dates.iter().any(|o| o.start >= d.end && o.start < d.end + clause.len())
    };
    // 7月3日发布公告,……,自8月1日起,出口经营者须申请许可: from that day on,
    // what the clause after tells applies, when the sentence dated the
    // measure before (else 自4月起,…… is the measure's own date).
    let dated_before = || s.dates.iter().any(|o| o.end <= d.start && o.date.is_some());
    // 按照10月17日公布的新规,RTX 4090自11月17日起被禁止对华销售: the same
    // when what applies follows at once.
    // (企业需在5月15日之前完成合规: the day firms must comply by.)
    rest.starts_with("生效")
        || after_done()
        || from_on && (APPLY_VERBS.iter().any(|w| rest.starts_with(w)) || dated_before())
        || opens_for_made(s, d)
        || COMPLY_BY_WORDS.iter().any(|w| rest.starts_with(w))
}

/// 9月15日零点,BIS 8月17日发布的修订正式生效: a sentence that opens with a
/// day and then says a rule made on another day (……发布的) takes effect
/// opens with the day it takes effect (not a dateline: 10月18日消息).
fn opens_for_made(s: &Sentence, d: &super::date::DateMention) -> bool {
    if d.date.is_none() || s.dates.first().is_none_or(|f| f.start != d.start) || !s.text[..d.start].trim().is_empty() {
        return false;
    }
    let after = super::text::chars_after(&s.text[d.end..], 0, 3);
    if contains_any(after, &DATELINE_WORDS) {
        return false;
    }
    s.dates.iter().skip(1).any(|made| {
        let rest = s.text[made.end..].trim_start();
        made.date.is_some()
            && MADE_THE.iter().any(|w| rest.starts_with(w))
            && rest.find("生效").is_some_and(|i| !s.dates.iter().any(|o| o.start >= made.end && o.start < made.end + i))
    })
}

/// Whether a date is one a measure is planned for, not when it was made
/// (最快7月份便会, 预计于明年实施).
fn is_planned_date(s: &Sentence, d: &super::date::DateMention) -> bool {
    let head = chars_before(s.text, d.start, 4).trim_end_matches(' ');
    PLANNED_BEFORE.iter().any(|w| head.ends_with(w))
}

/// Whether a planned date's clause names a measure (最快7月叫停, 预计于明年
/// 实施); 公司预计首季将因此撇账 plans something else, not when a rule applies.
fn plans_a_measure(s: &Sentence, d: &super::date::DateMention) -> bool {
    contains_any(s.clause_text(s.clause_of(d.start)), &MEASURE_WORDS)
}

/// Whether `rest` (after a word of time) says that a rule takes effect then:
/// 生效, 起生效, 开始生效, 起实施, 实施 (a word of `export.apply_verbs`).
fn takes_effect(rest: &str) -> bool {
    let r = after_effect_from(rest);
    r.starts_with("生效") || APPLY_VERBS.iter().any(|w| r.starts_with(w))
}

/// `rest` (after a date or a word of time) without what may stand before
/// its verb of taking effect: 起, 正式, 开始 (11月17号开始生效) and adverbs
/// (于10月21日全面生效, 9日才生效).
fn after_effect_from(rest: &str) -> &str {
    let mut r = rest.trim_start_matches(grammar::EFFECT_FROM);
    r = r.strip_prefix("开始").map_or(r, |r| r.trim_start_matches(grammar::EFFECT_FROM));
    for a in grammar::EFFECT_ADVERBS {
        if let Some(t) = r.strip_prefix(a) {
            return t.trim_start_matches(grammar::EFFECT_FROM);
        }
    }
    r
}

/// A grace period or an effective date in the sentence: 30天缓冲期, 于11月17日生效,
/// 即日起; for a plan, the date it is planned for.
fn effective(s: &Sentence, date: Option<PartialDate>) -> Option<PartialDate> {
    // The grace periods in the order of the text (longest at one place).
    // (Every word of a grace period holds 天, 期 or 日后: only then is it looked for.)
    let may_hold_period = s.text.contains('天') || s.text.contains('期') || s.text.contains("日后");
    let mut periods: Vec<(usize, &str)> =
        if may_hold_period { GRACE_PERIODS.iter().filter_map(|m| s.text.find(m).map(|i| (i, *m))).collect() } else { Vec::new() };
    periods.sort_by_key(|&(i, m)| (i, std::cmp::Reverse(m.len())));
    for (i, _) in periods {
        let head = &s.text[..i];
        // 原本设有30天缓冲期, 但……提前自10月23日起生效: a period since replaced.
        if REPLACED_WORDS.iter().any(|w| chars_before(s.text, i, 12).contains(w))
            && s.dates.iter().any(|d| is_effective_date(s, d))
        {
            continue;
        }
        let digits: String = head
            .trim_end_matches(['的', ' ', '天', '日'])
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
    // A day stated for it (提前至10月23日立即生效) before 即日起 with none.
    // 原定11月17日生效的新规将提前至即日起生效: a date replaced is not when it
    // takes effect.
    let replaced = |d: &super::date::DateMention| REPLACED_WORDS.iter().any(|w| chars_before(s.text, d.start, 3).ends_with(w));
    let Some(mention) = s.dates.iter().find(|d| (is_effective_date(s, d) || is_planned_date(s, d) && plans_a_measure(s, d)) && !replaced(d)) else {
        // (……列入实体清单,次日生效: the day after the event's, when that is
        // told to the day.)
        if NEXT_DAY.iter().any(|w| s.text.match_indices(w).any(|(i, _)| takes_effect(&s.text[i + w.len()..]))) {
            return date.filter(|d| d.day.is_some()).and_then(|d| d.add_days(1));
        }
        return if contains_any(s.text, &IMMEDIATE_WORDS) { date } else { None };
    };
    let Some(day) = mention.date else {
        return if contains_any(s.text, &IMMEDIATE_WORDS) { date } else { None };
    };
    // 11月16日 read against the publish date may fall a year early: a rule
    // takes effect after it is made, or at most a few weeks before it is
    // told (提前自10月23日起生效, told on 10月24日).
    let serial = |d: PartialDate| d.year * 372 + d.month.map_or(0, |m| m as i32 - 1) * 31 + d.day.map_or(0, |x| x as i32);
    // And a day named without its year (去年10月17日公布的新规……自11月17日起,
    // told in January) is not a year and more after the rule.
    let yearless = !s.text[mention.start..mention.end].contains('年');
    // (A day named without its month, 7日宣布……于9日生效, told on the 8th,
    // is after the rule: in its month, not a month before.)
    let monthless = !s.text[mention.start..mention.end].contains('月');
    match date {
        Some(made) if monthless && made.day.is_some() && day < made && day.year == made.year && day.month.is_some_and(|m| made.month == Some(m + 1)) && day.day > made.day => {
            Some(PartialDate { month: made.month, ..day })
        }
        Some(made) if day < made && serial(made) - serial(day) > 62 => Some(PartialDate { year: day.year + 1, ..day }),
        Some(made) if yearless && day > made && serial(day) - serial(made) > 310 => Some(PartialDate { year: day.year - 1, ..day }),
        _ => Some(day),
    }
}

/// Whether a sentence tells a measure only considered: a word of it (考虑,
/// 拟, 草案, 风声), a plan followed by a word of control (准备进一步收紧), a
/// bill not said to have passed, or a measure someone works to keep from
/// coming (阻止新一轮出口限制出台).
fn is_proposal(text: &str, hits: &Hits) -> bool {
    if hits.any_in(list::PROPOSAL_CUES, 0..text.len()) {
        return true;
    }
    // 正在审查是否允许……: a question weighed is a measure considered.
    if text.match_indices("是否").any(|(i, _)| WEIGH_VERBS.iter().any(|w| text[..i].ends_with(w))) {
        return true;
    }
    let followed_in_clause = |at: usize, words: usize| {
        let rest = &text[at..];
        let end = rest.find(|c: char| super::text::is_clause_end(c) || super::text::is_sentence_end(c)).unwrap_or(rest.len());
        hits.any_in(words, range_of(text, super::text::chars_after(&rest[..end], 0, 20)))
    };
    // 他可能允许……, 或将进一步限制: a measure only possible.
    for found in MODAL_WORDS.find_iter(text) {
        // The verb right after the modal (可能会进一步限制), not a later
        // one (可能违反美国出口管制规定).
        // (Longest first, as often as they stand: 可能再度升级 is 再度, not 再.)
        let mut rest = &text[found.end..];
        while let Some(adverb) = crate::text::words::longest_prefix(rest, &MODAL_ADVERBS) {
            rest = &rest[adverb.len()..];
        }
        // 可能于7月初叫停: the time the measure may come at.
        if let Some(t) = rest.strip_prefix(grammar::AT_MARKS) {
            let window = super::text::chars_after(t, 0, 8);
            if let Some(j) = window.find(grammar::PERIOD_ENDS) {
                let mut end = j + window[j..].chars().next().map_or(0, char::len_utf8);
                for tail in grammar::PERIOD_TAILS {
                    if window[end..].starts_with(tail) {
                        end += tail.len();
                    }
                }
                rest = &t[end..];
            }
        }
        let verb = super::text::chars_after(rest, 0, 2);
        let v = range_of(text, verb);
        let opens = |l: usize| hits.find_in(l, v.clone()).is_some_and(|r| r.start == v.start);
        if opens(list::EASE_WORDS) || opens(list::CONTROL_WORDS) {
            return true;
        }
    }
    for r in hits.find_iter_in(list::PLAN_WORDS, 0..text.len()) {
        // 模拟 is no plan, 考虑到 no consideration of a measure.
        if &text[r.clone()] == "拟" && chars_before(text, r.start, 1) == "模" || text[r.end..].starts_with('到') {
            continue;
        }
        // 考虑批准其向中国出口H20, 研拟放宽: an easing only considered.
        if followed_in_clause(r.end, list::CONTROL_WORDS) || followed_in_clause(r.end, list::EASE_WORDS) {
            return true;
        }
    }
    // A bill, not one named as the basis of a power (根据《出口管制改革法案》).
    if hits
        .find_iter_in(list::BILL_WORDS, 0..text.len())
        .any(|r| whole_word(text, r.clone()) && !contains_any(chars_before(text, r.start, 16), &BASIS_WORDS))
        && !hits.any_in(list::ENACTED_WORDS, 0..text.len())
    {
        return true;
    }
    // (Not a rule's own aim: 修订外国直接产品规则,以阻止华为通过第三方获取芯片.)
    hits.find_iter_in(list::PREVENT_WORDS, 0..text.len())
        .any(|r| followed_in_clause(r.end, list::COMING_WORDS) && !PURPOSE_MARKS.iter().any(|w| text[..r.start].ends_with(w)))
}

/// A word found at `r` of `text` stands as a whole word: one in Latin letters
/// (Act) has no letter right before or after it (SAFE Act, not Action).
fn whole_word(text: &str, r: Range<usize>) -> bool {
    let word = &text[r.clone()];
    if !word.starts_with(|c: char| c.is_ascii_alphabetic()) {
        return true;
    }
    let letter = |c: Option<char>| c.is_some_and(|c| c.is_ascii_alphanumeric());
    !letter(text[..r.start].chars().next_back()) && !letter(text[r.end..].chars().next())
}

/// `export.suspend_words`: words that suspend granting or reviewing licences
/// (停止发放, 暂停审批).
static SUSPEND_WORDS: LazyLock<Vec<&'static str>> = LazyLock::new(|| words("export.suspend_words"));

/// Customs' checks tightened (严查, 加强查验; `export.check_words`): read as
/// buyer cues, the measure itself.
static CHECK_WORDS: LazyLock<Vec<&'static str>> = LazyLock::new(|| words("export.check_words"));

/// `export.seek_words`, `export.expire_words` of the lexicon.
static SEEK_WORDS: LazyLock<Vec<&'static str>> = LazyLock::new(|| words("export.seek_words"));
static EXPIRE_WORDS: LazyLock<Vec<&'static str>> = LazyLock::new(|| words("export.expire_words"));

/// `export.purpose_marks` of the lexicon: words before a rule's aim (以阻止).
/// `export.china_entry`: China right after 进入 (进入中国市场).
static CHINA_ENTRY: LazyLock<Vec<&'static str>> = LazyLock::new(|| words("export.china_entry"));
static PURPOSE_MARKS: LazyLock<Vec<&'static str>> = LazyLock::new(|| words("export.purpose_marks"));

/// Every word that can start an event; a sentence with none of them is
/// skipped. The sentence signs tell, from the pairs of neighbouring
/// characters of these words, which sentences may hold one
/// ([`signs::EXPORT_CUE`]); they are derived from these lists when first
/// used, so a word added with --lexicon is never missed.
pub(super) static TRIGGER_LISTS: LazyLock<Vec<&'static [&'static str]>> = LazyLock::new(|| {
    vec![
        &BAN_CUES[..],
        &VARIANT_CUES[..],
        &CHINA_MARKET_CUES[..],
        &LICENCE_CUES[..],
        &RELAX_CUES[..],
        &RULE_NOUNS[..],
        &NEW_RULES[..],
        &BUYER_CUES[..],
        &LICENCE_WORDS[..],
        // A bill brought forward (提出《芯片安全法案》).
        &BILL_WORDS[..],
        // A sale allowed or resumed (允许, 批准, 恢复) and a measure lifted
        // (解除, 取消) are told only with a word of selling or of control,
        // which is the trigger.
        &TRIGGER_WORDS[..],
        // A limit on whom may buy (限制国内企业采购H200): its word of buying.
        &BUY_WORDS[..],
        // Orders stopped (暂停H200订单): the word of ordering.
        &ORDER_WORDS[..],
        // Goods put on a list of controlled items (列入战略物品清单).
        &CONTROL_LISTS[..],
    ]
});

/// Which clauses of `s` hold a trigger word, from the hits of one scan of
/// the sentence (most clauses of an export-control sentence tell nothing).
/// No trigger word holds a clause or sentence mark, so a match never crosses
/// clauses.
fn trigger_clauses(hits: &Hits, clauses: &[Range<usize>]) -> Vec<bool> {
    let mut out = vec![false; clauses.len()];
    for start in hits.starts(list::TRIGGERS) {
        out[super::text::clause_of(clauses, start)] = true;
    }
    out
}

/// Reads a sentence's events into `told`, the document's events so far; a
/// sentence that only tells when the rule told just before takes effect
/// (新规自12月2日起生效) gives that rule its effective date instead.
pub fn read_into(ex: &Extractor, s: &Sentence, state: &mut DocState, doc: &str, told: &mut Vec<Told>) {
    if s.signs & signs::EXPORT_CUE == 0 && !listing_before(s, told) {
        return;
    }
    if let Some(t) = effective_of_told(s, told) {
        let date = t.event.date;
        t.event.effective = effective(s, date);
        return;
    }
    told.extend(read(ex, s, state, doc, listing_before(s, told)));
}

/// Whether the last event told is an entity listing of this line (今年5月,
/// 华为……被列入实体清单;6月,中科曙光、海光等5家实体也被纳入): a sentence
/// after it that adds more companies goes on with that list.
fn listing_before(s: &Sentence, told: &[Told]) -> bool {
    told.last().is_some_and(|t| t.event.action == Action::EntityList && s.line == t.event.line)
}

/// An entity-list verb with a word of more before it (也被纳入, 又被列入,
/// 亦被加进去): what the clause names is put on the list told before.
fn added_to_list(c: &str) -> Option<Range<usize>> {
    let r = find_any(c, &ENTITY_LIST_VERBS)?;
    let head = c[..r.start].trim_end_matches('被');
    head.ends_with(['也', '又', '再', '亦', '还']).then_some(r)
}

/// Words that open a sentence about the rule just told (新规多数条款, 该规定).
static RULE_REFERENCES: LazyLock<Vec<&'static str>> = LazyLock::new(|| words("export.rule_references"));

/// The event a sentence dates the taking effect of: the sentence opens with
/// a reference to a rule, names no chips, issues nothing and has an
/// effective date; the event is the last rule (else ban) told within three
/// lines, when it has no effective date yet.
fn effective_of_told<'t>(s: &Sentence, told: &'t mut [Told]) -> Option<&'t mut Told> {
    if !s.groups.is_empty() || !s.text.contains("生效") && !s.text.contains("起实施") && !s.text.contains("起施行") {
        return None;
    }
    // The sentence, or its last clause (……;新规定自公布之日起生效), opens with
    // a reference to a rule.
    let opens = |t: &str| {
        let mut t = t.trim_start();
        for o in grammar::RULE_REFERENCE_OPENERS {
            t = t.strip_prefix(o).unwrap_or(t);
        }
        RULE_REFERENCES.iter().any(|w| t.starts_with(w))
    };
    let last = s.clauses().len().checked_sub(1)?;
    let from = if opens(s.text) {
        0
    } else if opens(s.clause_text(last)) && (s.clause_text(last).contains("生效") || s.clause_text(last).contains("起实施")) {
        s.clauses()[last].start
    } else {
        return None;
    };
    // 自公布之日起生效: 公布 names the day, it issues nothing.
    let issues = ISSUE_VERBS.iter().any(|w| *w != "实施" && s.text[from..].match_indices(w).any(|(i, _)| !s.text[from + i + w.len()..].starts_with("之日")));
    if issues || from > 0 && s.hits().any_in(list::TRIGGERS, 0..from) {
        return None;
    }
    if !s.dates.iter().any(|d| is_effective_date(s, d)) && !contains_any(s.text, &IMMEDIATE_WORDS) && !s.text.contains("天后生效") {
        return None;
    }
    // A rule is what takes effect: the last one told, else the last ban,
    // else the last listing.
    let near = |t: &Told| s.line >= t.event.line && s.line - t.event.line <= 3;
    let at = told
        .iter()
        .rposition(|t| t.event.action == Action::Restriction && near(t))
        .or_else(|| told.iter().rposition(|t| t.event.action == Action::Ban && near(t)))
        .or_else(|| told.iter().rposition(|t| t.event.action == Action::EntityList && near(t)))?;
    let last = &mut told[at];
    last.event.effective.is_none().then_some(last)
}

fn read(ex: &Extractor, s: &Sentence, state: &mut DocState, doc: &str, listing_before: bool) -> Vec<Told> {
    let hits = s.hits();
    let triggered = trigger_clauses(hits, s.clauses());
    if !triggered.contains(&true) && !listing_before {
        return Vec::new();
    }
    // 相关新闻:马来西亚收紧美国AI芯片出口准证: a line that lists other
    // articles' headlines after a page's tail marker tells none of this one's
    // events (its chips are still named).
    if crate::text::page::lists_other_headlines(s.text) {
        return Vec::new();
    }
    // 对于网传美国将全面禁止H20对华出口的消息,英伟达回应称纯属谣言: a rumour
    // the sentence denies tells nothing.
    if hits.any(list::RUMOUR_WORDS) && hits.any(list::DENIAL_WORDS) {
        return Vec::new();
    }
    let has_chips = !s.groups.is_empty();
    let export_context = OnceCell::new();
    // 美国4月要求H20出口须获得许可。8月获准恢复: right after a sentence of
    // its paragraph that told a rule or a ban, the sentence goes on about
    // exports.
    // (Or opening the next paragraph: 9月1日,英伟达再度披露,美国政府已允许其
    // ……履行A100订单, the line after the one that told the rule.)
    if state.tightened.as_ref().is_some_and(|(at, para, _)| at + 1 == state.sentence && (*para == s.para || *para + 1 == s.para)) {
        let _ = export_context.set(true);
    }
    // The last clause that changes a policy: the clauses before it tell what
    // it is the policy of (asked once per sentence, not once per clause).
    let last_change = if hits.any(list::CHANGE_TO) {
        (0..s.clauses().len()).rev().find(|&k| policy_change(s.clause_text(k), hits, s.clauses()[k].start).is_some())
    } else {
        None
    };
    let actions: Vec<Option<Cue>> = (0..s.clauses().len())
        .map(|ci| if triggered[ci] { action_of(s, ci, hits, has_chips, &export_context, last_change) } else { None })
        .collect();
    // 今年5月美国将华为……列入实体清单,8月又追加了46家华为关联公司: a
    // clause that adds a count of companies to the listing just told is
    // another listing, of its own date.
    let mut actions = actions;
    // 去年的规则限制了A100、H100对华出口,英伟达随后推出了……的A800,今年3月又
    // 推出了H800; 连A800、H800也被纳入,辉达只能改推H20: a chip of the same
    // company launched after its chips were restricted, in the same sentence,
    // is the version made to answer the rule.
    // (Or in a sentence before in the paragraph: ……须获得新的许可证。为继续在
    // 中国销售,英伟达去年11月推出了A800.)
    if has_chips {
        let before: Vec<usize> = state.tightened.as_ref().filter(|(_, para, _)| *para == s.para && !s.previous.is_empty()).map_or(Vec::new(), |(_, _, c)| c.clone());
        for ci in 0..actions.len() {
            if actions[ci].is_some() {
                continue;
            }
            let tightened_before = |k: usize| actions[k].as_ref().is_some_and(|a| matches!(a.0, Action::Ban | Action::Restriction));
            if before.is_empty() && !(0..ci).any(tightened_before) {
                continue;
            }
            let Some(r) = find_any(s.clause_text(ci), &ANSWER_LAUNCHES) else { continue };
            let mut restricted: Vec<usize> = (0..ci)
                .filter(|&k| actions[k].as_ref().is_some_and(|a| matches!(a.0, Action::Ban | Action::Restriction)))
                .flat_map(|k| chips_in(s, s.clauses()[k].clone(), &[]))
                .collect();
            restricted.extend(before.iter().copied());
            if restricted.is_empty() {
                continue;
            }
            let clause = s.clauses()[ci].clone();
            // 其即将推出的MI300系列: a chip named by its launch, not launched.
            let c = s.clause_text(ci);
            if c[r.end..].starts_with('的') || c[..r.start].ends_with("即将") || c[..r.start].ends_with("将") {
                continue;
            }
            let from = clause.start + r.end;
            let launched = chips_in(s, from..clause.end, &[]);
            let vendor = |c: usize| ex.catalog.chips[c].vendor.as_str();
            let answers = !launched.is_empty()
                && launched.iter().all(|c| !restricted.contains(c) && restricted.iter().any(|&x| vendor(x) == vendor(*c)));
            if answers && !negated_before(s.clause_text(ci), r.start) {
                actions[ci] = Some((Action::Variant, clause.start + r.start..clause.start + r.end, None));
            }
        }
    }
    // (Or one told in a sentence before on the same line:
    // ……列入实体清单;8月19日,BIS再新增46家华为关联企业; 6月,中科曙光、海光
    // 等5家实体也被纳入, the date in a clause of its own before.)
    let dated = |k: usize| s.dates.iter().any(|d| s.clauses()[k].contains(&d.start));
    for ci in 0..actions.len() {
        let c = s.clause_text(ci);
        let listed_before = listing_before || actions[..ci].iter().any(|a| a.as_ref().is_some_and(|a| a.0 == Action::EntityList));
        if actions[ci].is_some() || !listed_before {
            continue;
        }
        let Some(r) = find_any(c, &LIST_ADD_VERBS).or_else(|| added_to_list(c)) else { continue };
        let base = s.clauses()[ci].start;
        let companies = c.contains('家') || s.vendors().iter().any(|v| s.clauses()[ci].contains(&v.range.start));
        let date_opens = ci > 0 && actions[ci - 1].is_none() && dated(ci - 1) && s.clause_text(ci - 1).chars().count() <= 12;
        if companies && (dated(ci) || date_opens) {
            actions[ci] = Some((Action::EntityList, base + r.start..base + r.end, None));
        }
    }
    if actions.iter().all(Option::is_none) {
        return Vec::new();
    }
    let authority_here = authority_of(s.text, s.hits());
    // The authority carried on: 美国商务部 after BIS is still BIS.
    let carried = state.authority.clone();
    if let Some(a) = authority_here {
        if !(a == "US" && state.authority.as_deref() == Some("BIS")) {
            state.authority = Some(a.to_string());
        }
    }
    let originals = originals(s);
    let proposal = is_proposal(s.text, s.hits());
    // 商务部……对美国出口: China's ministry acts (asked once per sentence).
    let china_ministry = chinas_ministry(s.text);
    // Chips a back-reference points to (这些芯片, 两款晶片), when the sentence
    // names none itself.
    // A chip the sentence describes before the reference (定制的AI芯片……这款
    // 芯片) is the one it points to, though unnamed.
    let referred: Vec<usize> = match s.hits().find(list::BACK_REFERENCES) {
        Some(r) if !has_chips && !s.hits().any_in(list::CHIP_WORDS, 0..r.start) => state.previous_chips.clone(),
        _ => Vec::new(),
    };
    // 这款专为中国市场推出的版本……与当初RTX 4090相同, 这款产品被视为A100的
    // 替代品: a version the sentence opens by pointing back to is the chip of
    // the sentence right before, not one it is compared with.
    let opens_with_reference = state.previous_chips_at + 1 == state.sentence
        && !state.previous_chips.is_empty()
        && s.hits().find(list::BACK_REFERENCES).is_some_and(|r| s.text[..r.start].trim().is_empty());

    let mut events: Vec<Event> = Vec::new();
    for ci in 0..s.clauses().len() {
        let Some((mut action, cue, cue_authority)) = actions[ci].clone() else { continue };
        if proposal && matches!(action, Action::Ban | Action::Restriction | Action::Relaxation) {
            action = Action::Proposal;
        }
        // 表示将发布更简单的替代规则: a rule still to come.
        if action == Action::Restriction && contains_any(s.clause_text(ci), &REPLACEMENT_WORDS) {
            action = Action::Proposal;
        }
        let clause = s.clauses()[ci].clone();
        let chips = match action {
            Action::EntityList => Vec::new(),
            Action::Variant if opens_with_reference => state.previous_chips.clone(),
            Action::Variant => {
                // The chips right after the cue (定制版A800), else before it (H800版本).
                let after: Vec<usize> = s
                    .groups
                    .iter()
                    .find(|g| g.range.start >= cue.end && g.range.end <= clause.end)
                    .map(|g| g.chips.clone())
                    .unwrap_or_default();
                // 推出特供版AI芯片共三款,分别为H20、L20和L2: the chips of the
                // next clause, when it tells no event of its own.
                // (Not a clause that compares: 售价会远低于近期遭限售的H20型号
                // names the chip it is compared with.)
                let next = || {
                    let n = ci + 1;
                    (n < s.clauses().len() && actions[n].is_none() && !s.hits().any_in(list::COMPARISON, s.clauses()[n].clone()))
                        .then(|| chips_in(s, s.clauses()[n].clone(), &originals))
                        .filter(|c| !c.is_empty())
                };
                if after.is_empty() {
                    // H800版本, or H20是……专为中国市场推出的降规版AI芯片: the
                    // chips before the cue, in the clause or else the sentence.
                    // 在H20之后推出的又一款特供版, 继H20之后: a chip named as a
                    // time or a comparison is not the new version.
                    let reference = |g: &&super::Group| {
                        named_as_reference(s.text, g.range.clone())
                            // 售价会远低于近期遭限售的H20型号: a chip its clause
                            // compares with.
                            || s.hits().any_in(list::COMPARISON, s.clauses()[s.clause_of(g.range.start)].start..g.range.start)
                    };
                    // ……昇腾910C等国产芯片出货大增,是英伟达加速推出新款特供芯片的
                    // 主因: the company launching it, named in the cue's clause,
                    // makes another company's chips no part of its version.
                    let launcher = s
                        .vendors()
                        .iter()
                        .rev()
                        .find(|v| v.range.start >= clause.start && v.range.end <= cue.start)
                        .map(|v| ex.catalog.vendors[v.vendor].id.as_str());
                    let foreign = |g: &&super::Group| launcher.is_some_and(|l| g.chips.iter().all(|&c| ex.catalog.chips[c].vendor != l));
                    let before = |from: usize| {
                        s.groups
                            .iter()
                            .rev()
                            .filter(|g| !reference(g) && !foreign(g))
                            .find(|g| g.range.end <= cue.start && g.range.start >= from)
                            .map(|g| g.chips.clone())
                    };
                    // A800、H800是辉达在……后,特别为中国推出的降规版本: the
                    // chips the sentence says the version is, before 是.
                    let copula = || {
                        s.groups
                            .iter()
                            .find(|g| g.range.end <= cue.start && copula_subject(s, g) && !reference(g) && !foreign(g))
                            .map(|g| g.chips.clone())
                    };
                    before(clause.start).or_else(copula).or_else(next).or_else(|| before(0)).unwrap_or_else(|| referred.clone())
                } else {
                    after
                }
            }
            _ => {
                let own = chips_in(s, clause.clone(), &originals);
                // A800、H800是辉达在美国禁止A100、H100出口后……: the chips the
                // clause says something is (before 是) are not those of the
                // measure told after them.
                let subject: Vec<usize> = s
                    .groups
                    .iter()
                    .filter(|g| clause.contains(&g.range.start) && g.range.end <= cue.start && copula_subject(s, g))
                    .filter(|g| s.groups.iter().any(|h| h.range.start >= g.range.end && h.range.end <= clause.end))
                    .flat_map(|g| g.chips.iter().copied())
                    .collect();
                let own: Vec<usize> = own.into_iter().filter(|c| !subject.contains(c)).collect();
                // 美国已批准H200对华出口,但中国海关暂不放行相关芯片: a clause
                // pointing back takes the chips named last before it, though
                // another event of the sentence holds them.
                let pointed = own.is_empty()
                    && s.hits().any_in(list::BACK_REFERENCES, clause.clone())
                    && !s.hits().any_in(list::BOTH_WORDS, clause.clone());
                let pointed = pointed
                    .then(|| {
                        s.groups
                            .iter()
                            .rev()
                            .find(|g| g.range.end <= clause.start)
                            .map(|g| g.chips.clone())
                    })
                    .flatten()
                    .filter(|c| !c.is_empty());
                if let Some(chips) = pointed {
                    chips
                } else if own.is_empty() && matches!(action, Action::Ban) {
                    let before = s.groups.iter().rev().filter(|g| g.range.end <= cue.start);
                    let mut chips: Vec<usize> = Vec::new();
                    if s.hits().any_in(list::BOTH_WORDS, clause.clone()) {
                        // 两者均不能出口: the last two chips named before.
                        for g in before {
                            for &c in g.chips.iter().rev() {
                                if !originals.contains(&c) && !chips.contains(&c) && chips.len() < 2 {
                                    chips.insert(0, c);
                                }
                            }
                        }
                    } else {
                        // 英伟达发布H100型号GPU,但被美国禁止出口至中国: the chips before.
                        chips = before
                            .map(|g| g.chips.iter().copied().filter(|c| !originals.contains(c)).collect::<Vec<_>>())
                            .find(|c| !c.is_empty())
                            .unwrap_or_default();
                    }
                    // 由于美国2022年起禁止对华出口,H100在国内只能……: else the
                    // chips of the clauses after it, up to the next event.
                    if chips.is_empty() {
                        for next in ci + 1..s.clauses().len() {
                            if actions[next].is_some() || !chips.is_empty() {
                                break;
                            }
                            chips = chips_in(s, s.clauses()[next].clone(), &originals);
                        }
                    }
                    if chips.is_empty() { referred.clone() } else { chips }
                } else if own.is_empty() {
                    // 发布出口管制新规,限制A100和H100对华出口: the chips of the
                    // clauses that go on telling the rule, up to the next event.
                    // (A listing names companies, not chips: the chips of its
                    // clause are the rule's, 出口管制再升级 英伟达A800、H800在列13家
                    // 中国实体被列入实体清单.)
                    let mut more = Vec::new();
                    for next in ci + 1..s.clauses().len() {
                        if actions[next].as_ref().is_some_and(|a| a.0 != Action::EntityList) {
                            break;
                        }
                        // ……的芯片需要许可证,而RTX 4090 D的TPP被控制在门槛以下: a
                        // clause set against the rule is not what it covers.
                        if CONTRAST_OPENERS.iter().any(|w| s.clause_text(next).trim_start().starts_with(w)) {
                            break;
                        }
                        more.extend(chips_in(s, s.clauses()[next].clone(), &originals));
                    }
                    if more.is_empty() {
                        // AMD若想把MI308卖到中国,就得先申请出口许可证: the nearest
                        // chips before the cue that no other event's clause holds.
                        // A China version told as the subject (为中国市场推出的RTX 4090D,
                        // 在新规下也被要求申请许可) lends its chips.
                        // (H20对华出货一度中断,8月获准恢复: an easing that names
                        // nothing after its cue takes the chips of the ban or
                        // rule it lifts; 宣布撤销……规则 lifts what it names.)
                        // (获准恢复对华销售: what follows the cue may tell the sale
                        // resumed, in a few words.)
                        // (首次放行该级别的AI芯片 names its chips by a noun.)
                        let told_after = s.text[cue.end..clause.end].trim_end_matches(['。', ',', '，', ';', '；']).chars().count();
                        let bare = told_after <= 4 || told_after <= 8 && !s.hits().any_in(list::CHIP_WORDS, cue.end..clause.end);
                        let lifts = |a: Action| action == Action::Relaxation && bare && matches!(a, Action::Ban | Action::Restriction);
                        let other = |g: &&super::Group| {
                            (0..ci).any(|o| {
                                actions[o].as_ref().is_some_and(|a| a.0 != Action::Variant && !lifts(a.0)) && s.clauses()[o].contains(&g.range.start)
                            })
                        };
                        let before: Vec<usize> = s
                            .groups
                            .iter()
                            .rev()
                            .filter(|g| g.range.end <= cue.start && !other(g))
                            .map(|g| g.chips.iter().copied().filter(|c| !originals.contains(c)).collect::<Vec<_>>())
                            .find(|c| !c.is_empty())
                            .unwrap_or_default();
                        // 今年4月美国要求H20出口须申领许可证……;8月……重新发出许可证: an
                        // easing that names nothing takes the chips of the sentence
                        // just before, when that one tells a rule or a ban.
                        let told_before = (action == Action::Relaxation && bare && !s.previous.is_empty())
                            .then(|| state.tightened.as_ref().filter(|(at, _, _)| at + 1 == state.sentence).map(|(_, _, c)| c.clone()))
                            .flatten();
                        if !before.is_empty() {
                            before
                        } else if let Some(chips) = told_before.filter(|_| referred.is_empty()) {
                            chips
                        } else {
                            referred.clone()
                        }
                    } else {
                        more
                    }
                } else {
                    own
                }
            }
        };
        let entities = if action == Action::EntityList {
            // The companies of the clause that lists them, before the list's
            // name, else those the sentence lists after it (列入实体清单,也就是
            // 摩尔线程与壁仞) up to the next event.
            let until = (ci + 1..s.clauses().len()).find(|&n| actions[n].is_some()).map_or(s.text.len(), |n| s.clauses()[n].start);
            // (英伟达A800、H800在列13家中国实体被列入实体清单: a company named
            // as the maker of the chips right after it is not listed.)
            let maker = |v: &&super::VendorMention| s.groups.iter().any(|g| g.range.start >= v.range.end && s.text[v.range.end..g.range.start].trim().is_empty());
            let names = |from: usize, to: usize| {
                s.vendors().iter().filter(|v| v.range.start >= from && v.range.end <= to).filter(|v| !maker(v)).map(|v| ex.catalog.vendors[v.vendor].id.clone()).fold(
                    Vec::new(),
                    |mut acc, v| {
                        if !acc.contains(&v) {
                            acc.push(v);
                        }
                        acc
                    },
                )
            };
            let before = names(clause.start, cue.start);
            if before.is_empty() { names(cue.end, until) } else { before }
        } else {
            Vec::new()
        };
        // Variants are chips; a ban without chips is an event only when a
        // state imposes it (商务部……不予许可镓、锗……对美国出口), not a
        // company's or a market's (停止供货).
        if action == Action::Variant && chips.is_empty() {
            continue;
        }
        if action == Action::Ban && chips.is_empty() {
            let word = &s.text[cue.clone()];
            // (原则上禁止镓、锗……对美出口: the word may stand before the cue.)
            // 发布公告,即时禁止镓、锗……对美国出口: a ban issued is decided.
            let issued = word == "禁止" && ISSUE_VERBS.iter().any(|v| s.text[..cue.start].contains(v));
            let decided = (issued || DECIDED_BANS.iter().any(|w| word.starts_with(w) || s.text[..cue.end].ends_with(w)))
                && !s.text[cue.end..].starts_with('的');
            if !decided || (cue_authority.or_else(|| authority_of(&s.text[..cue.end], s.hits())).is_none() && !china_ministry) {
                continue;
            }
        }
        let authority = cue_authority
            .or_else(|| authority_of(&s.text[clause.start..cue.end], &s.hits().within(clause.start..cue.end)))
            .or_else(|| authority_of(&s.text[..clause.start], s.hits()));
        events.push(Event { action, clause: ci, cue_start: cue.start, cue_end: cue.end, chips, entities, date: None, authority, stated: false });
    }
    if events.is_empty() {
        return Vec::new();
    }

    // Dates: the clause's own, else the nearest before it that no other
    // event's clause holds, else after it (not after a clause that tells what
    // came before: 风声传出后,股价在周三下跌), else the paragraph's. A date the
    // rule takes effect on or is planned for (于4月4日生效, 最快7月份) is not
    // the date of the event.
    // (Beside a ban, a restriction that names nothing it covers is dropped
    // below; its clause, 2023年美国再度收紧禁令, lends its date to the chips the
    // next clause lists.)
    let with_ban = events.iter().any(|e| e.action == Action::Ban);
    let owned: Vec<usize> = events
        .iter()
        .filter(|e| !(with_ban && e.action == Action::Restriction && e.chips.is_empty()))
        .map(|e| e.clause)
        .collect();
    // 可以继续供应A100至明年3月: the end of a time is not the event's date.
    // (直到今年7月,美国才批准……: with 才 after it, the time the event came.)
    // (允许其在2023年3月1日前履约: a day before 前 is a deadline too.)
    let deadline = |d: &super::date::DateMention| {
        d.date.is_some_and(|x| x.day.is_some()) && DEADLINE_AFTER.iter().any(|w| s.text[d.end..].starts_with(w))
    };
    let until = |d: &super::date::DateMention| {
        (UNTIL_WORDS.iter().any(|w| chars_before(s.text, d.start, 2).ends_with(w)) || deadline(d))
            && !super::text::chars_after(s.text, d.end, 12).contains('才')
    };
    // 公布2026财年第一季度业绩,因美国限制H20出口计提……: a company's fiscal
    // period is when it reports, never when a measure was taken.
    let mut dates: Vec<&super::date::DateMention> =
        s.dates.iter().filter(|d| !is_effective_date(s, d) && !is_planned_date(s, d) && !until(d) && !super::date::is_fiscal(s.text, d)).collect();
    let told_on = |d: &super::date::DateMention| {
        let after = super::text::chars_after(s.text, d.end, 14);
        let after = &after[..after.find(super::text::is_clause_end).unwrap_or(after.len())];
        REPORT_VERBS.iter().any(|w| after.contains(w)) && !ISSUE_VERBS.iter().any(|w| after.contains(w))
    };
    // The dates of telling, kept apart: one before the event beats a date
    // after it (辉达15日披露,……须取得许可证,将在第一季认列费用).
    let told_dates: Vec<&super::date::DateMention> = dates.iter().copied().filter(|d| told_on(d)).collect();
    if dates.iter().any(|d| !told_on(d)) {
        dates.retain(|d| !told_on(d));
    }
    for e in &mut events {
        let clause = s.clauses()[e.clause].clone();
        // 撤销拜登政府在今年1月公布的规则: a date after the cue that a verb
        // and 的 tie to the rule acted on dates that rule, not this event.
        let of_object = |d: &&&super::date::DateMention| {
            d.start >= e.cue_end && d.end <= clause.end && {
                let rest = &s.text[d.end..clause.end];
                let rest = &rest[..rest.char_indices().nth(16).map_or(rest.len(), |(j, _)| j)];
                OBJECT_VERBS.iter().any(|v| rest.match_indices(v).any(|(j, _)| rest[j + v.len()..].starts_with(['的', '、'])))
            }
        };
        let own = dates.iter().filter(|d| !of_object(d)).find(|d| d.start >= clause.start && d.end <= clause.end);
        // A clause that explains or judges (这意味着……2022年) lends no date.
        let explains = |d: &&&super::date::DateMention| s.hits().any_in(list::NOT_EVENT, s.clauses()[s.clause_of(d.start)].clone());
        let free = |d: &&&super::date::DateMention| !owned.iter().any(|&o| o != e.clause && s.clauses()[o].start <= d.start && d.end <= s.clauses()[o].end);
        let told_before = AFTER_WORDS.iter().any(|w| s.text[clause.clone()].trim_end_matches([',', '，', ':']).ends_with(w));
        let stated = own
            .or_else(|| dates.iter().rev().filter(free).find(|d| d.end <= clause.start))
            // 去年10月美国政府颁布出口禁令后,……发布了定制版芯片A800: the date
            // of the rule it answered.
            .or_else(|| dates.iter().rev().find(|d| d.end <= clause.start))
            .or_else(|| told_dates.iter().rev().find(|d| d.end <= clause.start))
            .or_else(|| if told_before { None } else { dates.iter().filter(free).filter(|d| !explains(d)).find(|d| d.start >= clause.end) })
            .and_then(|d| d.date);
        // 同日, 当天: the day of the event told just before.
        // 同日,BIS将……列入实体清单: the word may open the sentence.
        // 次日, 翌日: the day after it.
        let told_with = |words: &[&str]| own.is_none() && words.iter().any(|w| s.text[..clause.end].contains(w));
        // 与此同时,BIS将……列入实体清单; 超微也证实,MI250同样须申请许可:
        // told with the event before and dated by nothing of its own
        // sentence, it is of that event's time. (A China version is a
        // launch of its own time.)
        let undated_here = own.is_none() && !s.dates.iter().any(|d| d.end <= clause.start);
        let same_day = if told_with(&SAME_DAY) {
            state.last_event_date
        } else if told_with(&NEXT_DAY) {
            state.last_event_date.and_then(|d| d.add_days(1))
        } else if told_with(&DAY_BEFORE) {
            // (英伟达10月24日披露,美国政府于前一天通知公司: the day before the
            // date told before it in the sentence, else before the last event's.)
            s.dates.iter().rev().find(|d| d.end <= clause.start).and_then(|d| d.date).or(state.last_event_date).and_then(|d| d.add_days(-1))
        } else if told_with(&SAME_MONTH) {
            // (9月市场监管总局初步认定……;同月据报道,网信办要求……停止采购:
            // the month of the date told just before, in the sentence or
            // the one before it.)
            s.dates.iter().rev().find(|d| d.end <= clause.start).and_then(|d| d.date).or(state.last_told_date).map(|d| PartialDate { day: None, ..d })
        } else if undated_here && e.action != Action::Variant && told_with(&SAME_TIME) {
            // (特朗普11日证实……。他同时表示: the time its paragraph told.)
            state.para_date(s).or(state.last_event_date)
        } else {
            None
        };
        // 新规还将影响RTX 4090的对华出口: the rule told before, on its date.
        // A launch or a plan keeps its own time.
        let of_rule = (matches!(e.action, Action::Ban | Action::Restriction)
            && stated.is_none()
            && same_day.is_none()
            && RULE_REFERENCES.iter().any(|w| s.text[..e.cue_end].contains(w)))
            .then_some(state.last_rule_date)
            .flatten();
        let stated = same_day.or(stated).or(of_rule);
        e.stated = stated.is_some();
        let date = stated.or_else(|| state.para_date(s));
        // News with no date and no word of an earlier time happens when the
        // article is written (美方已通知, 已获准恢复销售); a China version is
        // a launch of its own time, dated only when told as under way
        // (正为中国市场开发, 正着手准备).
        e.date = date.or_else(|| {
            // A word of the past counts where it tells of this event: not in
            // the date of a rule acted on (废除去年10月出台的限制) nor in a
            // clause that explains (这意味着……此前).
            let past = || {
                s.hits().find_iter(list::PAST).any(|r| {
                    let ci = s.clause_of(r.start);
                    // 小于此前预期: the time of an expectation.
                    if EXPECTATION_WORDS.iter().any(|w| s.text[r.end..].starts_with(w)) {
                        return false;
                    }
                    !s.dates.iter().any(|d| (d.start <= r.start && r.end <= d.end || r.end == d.start) && of_object(&&d))
                        && (ci == e.clause || !s.hits().any_in(list::NOT_EVENT, s.clauses()[ci].clone()))
                })
            };
            let now = if e.action == Action::Variant { contains_any(&s.text[clause.clone()], &UNDER_WAY) } else { !past() };
            now.then_some(state.published).flatten()
        });
    }

    // ……公布了出口管制更新规则,新规将在公示30天后生效: a clause that opens
    // with a reference to a rule is about the rule another clause issued.
    let issued = |e: &Event| e.action == Action::Restriction && !RULE_REFERENCES.iter().any(|w| s.clause_text(e.clause).trim_start().starts_with(w));
    // 列入实体清单,相关规定将于9日……生效: the rule is the listing's.
    if events.iter().any(|e| issued(e) || e.action == Action::EntityList) {
        events.retain(|e| e.action != Action::Restriction || issued(e) || !e.chips.is_empty());
    }
    // One sentence: a rule issued that the sentence goes on to tell as an
    // easing (发布规则,允许H200等芯片……向中国出口) is the easing, when the
    // clause that issues it tells no tightening and names no chips.
    // (Not a rule of another time: 2025年1月……发布AI扩散规则,但……于同年5月宣布
    // 废除该规则 tells two events.)
    if let Some((first_relaxation, relaxed_on)) = events.iter().find(|e| e.action == Action::Relaxation).map(|e| (e.cue_start, e.date)) {
        events.retain(|e| {
            !(e.action == Action::Restriction
                && e.chips.is_empty()
                && e.cue_end <= first_relaxation
                && dates_agree(e.date, relaxed_on)
                && s.hits().any_in(list::RULE_WORDS, e.cue_start..e.cue_end)
                && !s.hits().any_in(list::TIGHTENING_WORDS, s.clauses()[e.clause].clone()))
        });
    }
    // 宣布废除《人工智能扩散规则》,该规则原定于5月15日生效: a clause that
    // refers back to the rule an easing lifts tells no rule of its own.
    if events.iter().any(|e| e.action == Action::Relaxation) {
        events.retain(|e| !(e.action == Action::Restriction && e.chips.is_empty() && !issued(e)));
    }
    // One sentence: a restriction told with the ban it caused is the ban. (A
    // restriction of other chips is an event of its own: 2022年起A100被禁止
    // 出口中国,2023年A800、H800被列入限制名单.)
    if events.iter().any(|e| e.action == Action::Ban) {
        let banned: Vec<usize> = events.iter().filter(|e| e.action == Action::Ban).flat_map(|e| e.chips.iter().copied()).collect();
        let own_chips = |e: &Event| !e.chips.is_empty() && e.chips.iter().all(|c| !banned.contains(c));
        let restriction_date = events.iter().find(|e| e.action == Action::Restriction && !own_chips(e)).and_then(|e| e.date);
        events.retain(|e| e.action != Action::Restriction || own_chips(e));
        for e in events.iter_mut().filter(|e| e.action == Action::Ban && e.date.is_none()) {
            e.date = restriction_date;
        }
    }
    // An entity listing carries its licence requirement (列入实体清单,除非获得
    // 批准,否则不得购买): a rule without chips told with it is the listing.
    if events.iter().any(|e| e.action == Action::EntityList) {
        events.retain(|e| {
            let licence = LICENCE_WORDS.iter().any(|w| s.clause_text(e.clause).contains(w));
            !(e.action == Action::Restriction && e.chips.is_empty() && licence)
        });
    }
    // Same action, dates that agree: one event. (Not chips told as undergoing
    // the same rule, AMD的MI250也受到同样限制: the rule's reach to other
    // chips is told as an event of its own.)
    let same_rule = |e: &Event| {
        let c = s.clause_text(e.clause);
        contains_any(c, &UNDERGO_VERBS) && contains_any(c, &SAME_WORDS)
    };
    let undergone: Vec<bool> = if events.len() > 1 { events.iter().map(same_rule).collect() } else { vec![false; events.len()] };
    let mut merged: Vec<Event> = Vec::new();
    let mut merged_undergone: Vec<bool> = Vec::new();
    for (e, e_undergone) in events.into_iter().zip(undergone) {
        match merged.iter_mut().zip(merged_undergone.iter()).find(|(m, m_undergone)| {
            let apart = (e_undergone || **m_undergone) && !e.chips.is_empty() && !m.chips.is_empty() && m.chips.iter().all(|c| !e.chips.contains(c));
            m.action == e.action && m.authority == e.authority && dates_agree(m.date, e.date) && !apart
        }).map(|(m, _)| m) {
            Some(m) => {
                for c in e.chips {
                    if !m.chips.contains(&c) {
                        m.chips.push(c);
                    }
                }
                m.date = more_precise(m.date, e.date);
                m.stated |= e.stated;
            }
            None => {
                merged.push(e);
                merged_undergone.push(e_undergone);
            }
        }
    }

    if let Some(e) = merged.iter().rev().find(|e| matches!(e.action, Action::Ban | Action::Restriction) && !e.chips.is_empty()) {
        state.tightened = Some((state.sentence, s.para, e.chips.clone()));
    }
    // The newest of them: 10月17日 beside 去年10月, which it builds on.
    if let Some(d) = merged.iter().filter(|e| e.stated && e.action == Action::Restriction).filter_map(|e| e.date).max() {
        state.last_rule_date = Some(d);
    }
    // 同日 refers to a day: only an event dated to the day sets it.
    // (美国自去年10月7日起限制……。BIS同时将……列入实体清单: an event retold
    // from a year or more before the one told already is background, and
    // 同日, 同时 after it still point to the newer one.)
    if let Some(d) = merged.iter().filter(|e| e.stated).find_map(|e| e.date.filter(|d| d.day.is_some())) {
        let background = state.last_event_date.is_some_and(|last| d.add_days(300).is_some_and(|later| later < last));
        if !background {
            state.last_event_date = Some(d);
        }
    }
    merged
        .into_iter()
        .map(|e| {
            let authority = match e.action {
                Action::Variant => None,
                // 商务部……对美国出口: a ministry not named as America's,
                // controlling exports to America, is China's.
                _ if china_ministry => Some("China".to_string()),
                // A ministry named without its country, in a document that
                // has named no other authority, is China's (商务部宣布对镓、锗
                // 实施出口管制); after 美国商务部 it is that one again.
                _ => e
                    .authority
                    .or(authority_here)
                    .map(str::to_string)
                    .or_else(|| carried.clone())
                    .or_else(|| bare_ministry(s.text).then(|| "China".to_string()))
                    // (又把智谱和算能拉进了实体清单: the Entity List, named
                    // by no one, is America's; the 不可靠实体清单 is China's.)
                    .or_else(|| (e.action == Action::EntityList).then(|| if s.text.contains("不可靠实体清单") { "China" } else { "US" }.to_string())),
            };
            let effective = match e.action {
                Action::Ban | Action::Restriction | Action::EntityList | Action::Proposal => effective(s, e.date),
                _ => None,
            };
            let event = ExportControl {
                doc: doc.to_string(),
                line: s.line,
                evidence: s.text.to_string(),
                action: e.action,
                chips: e.chips.iter().map(|&c| ex.catalog.chips[c].id.clone()).collect(),
                entities: e.entities,
                authority,
                date: e.date,
                effective,
            };
            Told { event, date_stated: e.stated, headline: state.headline == Some(s.para) }
        })
        .collect()
}

/// A commerce ministry named without a country (商务部, 商务部门) in a sentence
/// about exports to America (对美国出口, 向美方出口), or about materials whose
/// exports China controls (商务部宣布对镓、锗相关物项实施出口管制): China's.
fn chinas_ministry(text: &str) -> bool {
    bare_ministry(text) && (toward_us(text) || CHINA_MATERIALS.iter().any(|w| text.contains(w)))
}

/// `export.china_materials`: materials whose exports China controls (镓, 稀土).
static CHINA_MATERIALS: LazyLock<Vec<&'static str>> = LazyLock::new(|| words("export.china_materials"));

/// A commerce ministry named without its country (商务部宣布, 商务部新闻发言人).
fn bare_ministry(text: &str) -> bool {
    text.match_indices("商务部").any(|(i, _)| {
        let before = chars_before(text, i, 2);
        !before.ends_with("美国") && !before.ends_with('美')
    })
}

/// A commerce ministry controlling exports toward America.
fn toward_us(text: &str) -> bool {
    TOWARD_US.iter().any(|w| text.contains(w))
}

/// A ban or a rule: a headline's 禁止 may tell the body's licence rule.
fn ban_or_rule(a: Action) -> bool {
    matches!(a, Action::Ban | Action::Restriction)
}

/// Whether two dates may be the same day: equal, or one the other's prefix.
/// Dates that agree as far as both go ([`same_event::dates_agree`]); two
/// missing dates agree.
fn dates_agree(a: Option<PartialDate>, b: Option<PartialDate>) -> bool {
    match (a, b) {
        (Some(a), Some(b)) => same_event::dates_agree(a, b),
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

/// Authorities that may be the same state's: one unknown, equal, or BIS and
/// America (BIS is America's bureau).
fn authorities_meet(a: Option<&str>, b: Option<&str>) -> bool {
    fn state(x: &str) -> &str {
        if x == "BIS" { "US" } else { x }
    }
    match (a, b) {
        (Some(a), Some(b)) => state(a) == state(b),
        _ => true,
    }
}

/// Chips in common ([`same_event::chips_meet`]), or a telling naming none: in
/// one document, a rule referred to again fits any chips.
fn chips_compatible(a: &[String], b: &[String]) -> bool {
    a.is_empty() || b.is_empty() || same_event::chips_meet(a, b)
}

/// Merges events a document tells more than once, by the same-event rule
/// ([`crate::model::same_event`]) at the scale of one document: events of the same action
/// with chips in common (or none named) and agreeing dates are one, and an
/// event told without a date of its own (none, or only the dateline's or the
/// publication's) is the dated one it matches. The record keeps the telling
/// with the most precise stated date.
pub fn merge(told: Vec<Told>) -> Vec<ExportControl> {
    let mut out: Vec<ExportControl> = Vec::new();
    let stated: Vec<bool> = told.iter().map(|t| t.date_stated).collect();
    let headline: Vec<bool> = told.iter().map(|t| t.headline).collect();
    let events: Vec<ExportControl> = told.into_iter().map(|t| t.event).collect();
    // First the events with a stated date, then those dated by the dateline
    // or publication, then the undated, so later ones can find earlier ones.
    let mut order: Vec<usize> = (0..events.len()).collect();
    order.sort_by_key(|&i| (events[i].date.is_none(), !stated[i]));
    let mut slots: Vec<Option<(ExportControl, bool)>> = vec![None; events.len()];
    for i in order {
        let e = &events[i];
        // Dated only by the dateline or publication, on or after a stated
        // date: a retelling (新规全文解读 under a rule dated 10月7日).
        let retold = |m: &ExportControl, m_stated: bool| {
            // Plans are many and told apart by what they are about, which
            // chips alone do not say: never merged on a guessed date.
            !stated[i] && m_stated && !matches!(e.action, Action::Variant | Action::Proposal) && matches!((m.date, e.date), (Some(a), Some(b)) if a <= b)
        };
        let fits = |m: &ExportControl, m_stated: bool| {
            m.action == e.action
                && chips_compatible(&m.chips, &e.chips)
                // 北京近日亦发出指引,劝阻使用H20 after America's licence rule for
                // H20: one state's measure never retells another's.
                && authorities_meet(m.authority.as_deref(), e.authority.as_deref())
                && (dates_agree(m.date, e.date) && e.date.is_some()
                    || retold(m, m_stated)
                    // A ban or rule referred to again without a date (被禁风波,
                    // 新规出台之前); a variant is a launch, told with its own chips.
                    || e.date.is_none() && (e.action != Action::Variant || m.line == e.line))
                // A headline that names fewer of the companies (智谱、算能等25家)
                // tells the same listing.
                && (m.action != Action::EntityList
                    || same_event::same_ids(&m.entities, &e.entities)
                    || e.entities.iter().all(|x| m.entities.contains(x))
                    || m.entities.iter().all(|x| e.entities.contains(x)))
        };
        // 美对华AI芯片出口管制再升级 英伟达A800、H800在列: a headline with no
        // date of its own retells the body's newest event of its kind in the
        // month it is published, though it names other chips than the body's
        // first telling. (Not an event of months before: that is background.)
        // (美国禁止NVIDIA A100、H100出口中国 over a body that tells the
        // licence rule for A100 and H100 of a week before: a headline's ban
        // tells the body's rule, and one that names the body's chips tells
        // it though it fell in the month before.)
        let retells = |m: &ExportControl, m_stated: bool| {
            let months = |d: PartialDate| d.month.map(|x| d.year * 12 + i32::from(x));
            let shared_chips = !e.chips.is_empty() && same_event::chips_meet(&m.chips, &e.chips);
            headline[i]
                && (m.action == e.action || ban_or_rule(m.action) && ban_or_rule(e.action))
                && e.action != Action::EntityList
                && authorities_meet(m.authority.as_deref(), e.authority.as_deref())
                && retold(m, m_stated)
                && matches!((m.date.and_then(months), e.date.and_then(months)), (Some(a), Some(b)) if a == b || shared_chips && a + 1 == b)
        };
        // One it fits told on the same day first, then one told before, else
        // the newest a headline retells.
        let fitting = |k: &usize| slots[*k].as_ref().is_some_and(|(m, m_stated)| fits(m, *m_stated));
        let k = (0..slots.len())
            .filter(fitting)
            .find(|&k| e.date.is_some() && slots[k].as_ref().is_some_and(|(m, _)| dates_agree(m.date, e.date)))
            .or_else(|| (0..slots.len()).find(fitting))
            .or_else(|| {
                let retold_by = |k: &usize| slots[*k].as_ref().is_some_and(|(m, m_stated)| retells(m, *m_stated));
                (0..slots.len()).filter(retold_by).max_by_key(|&k| slots[k].as_ref().and_then(|(m, _)| m.date))
            });
        let same = k.and_then(|k| slots[k].as_mut());
        match same {
            Some((m, m_stated)) => {
                for c in &e.chips {
                    if !m.chips.contains(c) {
                        m.chips.push(c.clone());
                    }
                }
                for x in &e.entities {
                    if !m.entities.contains(x) {
                        m.entities.push(x.clone());
                    }
                }
                // Keep the telling with the most precise stated date.
                let e_date = if stated[i] || !*m_stated { e.date } else { None };
                if more_precise(m.date, e_date) != m.date || (m.date == e.date && e.line < m.line) {
                    m.line = e.line;
                    m.evidence = e.evidence.clone();
                }
                m.date = more_precise(m.date, e_date);
                *m_stated |= stated[i];
                m.effective = m.effective.or(e.effective);
                m.authority = m.authority.clone().or(e.authority.clone());
            }
            None => slots[i] = Some((e.clone(), stated[i])),
        }
    }
    out.extend(slots.into_iter().flatten().map(|(e, _)| e));
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
            let triggers = crate::text::words::Words::new(&super::TRIGGER_LISTS.concat());
            let one_by_one: Vec<bool> = clauses.iter().map(|c| triggers.any(&s[c.clone()])).collect();
            assert_eq!(super::trigger_clauses(&crate::extract::SENTENCE_LISTS.scan(s), &clauses), one_by_one, "{s}");
        }
        let s = "2022年9月,A100/H00禁止向中国出口,英伟达推出阉割版本A800/H800";
        assert_eq!(super::trigger_clauses(&crate::extract::SENTENCE_LISTS.scan(s), &crate::extract::text::clauses(s)), vec![false, true, true]);
    }

    /// The lists asked of the sentence's hits, each on every part of a
    /// sentence, answer as a scan of that part with the list's own automaton
    /// (the way they were asked before they joined the one scan).
    #[test]
    fn the_lists_asked_of_the_sentence_hits_answer_as_their_own_automata() {
        use super::list;
        use crate::text::words::Words;
        let lists = super::lists();
        let at = crate::extract::EXPORT_LISTS_AT;
        let asked = [
            list::NOT_EVENT, list::CHIP_WORDS, list::ISSUE_VERBS, list::FRAME, list::BILL_WORDS, list::PLAN_WORDS,
            list::CONTROL_WORDS, list::ENACTED_WORDS, list::PREVENT_WORDS, list::COMING_WORDS, list::BACK_REFERENCES,
            list::BOTH_WORDS, list::STATE_WORDS, list::DIRECTIVE_WORDS, list::CONFORM_WORDS, list::RULE_WORDS,
            list::GUIDANCE_WORDS, list::COMPLY_WORDS, list::TIGHTENING_WORDS, list::EXPORT_CONTEXT, list::PAST,
            list::PROPOSAL_CUES, list::EASE_WORDS, list::ENTITY_LIST_NOUNS, list::AUTHORITIES, list::CHANGE_TO,
            list::RUMOUR_WORDS, list::DENIAL_WORDS, list::LIST_REMOVE_VERBS,
        ];
        let alone: Vec<(usize, Words)> = asked.iter().map(|&l| (l, Words::new(&lists[l - at]))).collect();
        for t in [
            "美国商务部工业与安全局(BIS)计划进一步收紧对华芯片出口管制,考虑将更多中国企业列入实体清单",
            "据悉,该芯片完全符合美国最新的出口管制规定,这些芯片已被禁止出口",
            "为遵守美国出口管制而开发的H20,两者均不能出口,受新规影响",
            "中国监管部门要求企业停止采购英伟达H20芯片,敦促避免采用,北京时间",
            "参议院提出《芯片安全法案》,阻止新一轮出口限制出台,法案已签署",
            "特朗普政府可能允许英伟达向中国出售H200,此前已经发布指引警告使用昇腾芯片违反美国出口管制",
            "对于网传美国将全面禁止H20对华出口的传言,英伟达回应称纯属谣言、不属实",
            "审查政策由推定拒绝调整为逐案审查,又改为调整成,将25家中国实体从未经核实清单中移除、移出并除名",
        ] {
            let hits = crate::extract::SENTENCE_LISTS.scan(t);
            let ends: Vec<usize> = t.char_indices().map(|(i, _)| i).chain([t.len()]).collect();
            for (l, words) in &alone {
                for (k, &i) in ends.iter().enumerate() {
                    for &j in &ends[k..] {
                        let p = &t[i..j];
                        let shift = |r: std::ops::Range<usize>| r.start - i..r.end - i;
                        assert_eq!(hits.find_in(*l, i..j).map(shift), words.find(p), "{t} {i} {j} {l}");
                        assert_eq!(hits.any_in(*l, i..j), words.any(p), "{t} {i} {j} {l}");
                        assert_eq!(hits.find_iter_in(*l, i..j).map(shift).collect::<Vec<_>>(), words.find_iter(p).collect::<Vec<_>>(), "{t} {i} {j} {l}");
                        assert_eq!(hits.last_end_in(*l, i..j).map(|e| e - i), words.last_end(p), "{t} {i} {j} {l}");
                    }
                }
                // The hits of a part, as a clause is asked.
                let part = hits.within(ends[3]..t.len());
                let p = &t[ends[3]..];
                assert_eq!(part.find(*l), words.find(p), "{t} {l}");
                assert_eq!(part.find_iter(*l).collect::<Vec<_>>(), words.find_iter(p).collect::<Vec<_>>(), "{t} {l}");
            }
        }
    }

    #[test]
    fn a_rule_reference_after_wide_punctuation_is_read_without_a_panic() {
        // Found by fuzzing: the issuing verbs of a last clause that opens with
        // a rule reference were looked for at offsets of the clause taken as
        // offsets of the sentence (a slice inside 公 after a full-width comma).
        let text = "美国商务部当地时间7日宣布，将20家中国公安机构和8家企业列入出口管制“实体清单”，相关规定将于9日在《联邦公报》正式发布后生效。";
        let b = brief(text, "2019-10-08");
        assert!(b.iter().any(|e| e.starts_with("entity_list")), "{b:?}");
    }

    #[test]
    fn a_date_that_runs_past_its_clause_is_read_without_a_panic() {
        // Found by the property test: a date across a space (2023年 10月20日)
        // may end after the clause its start is in; the words after it were
        // sliced from its end to that clause's end.
        let b = brief("A100、2023年 10月20日禁售", "2023-10-25");
        assert!(b.iter().any(|e| e.starts_with("ban")), "{b:?}");
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
    fn an_entity_listing_told_again_with_its_companies_in_another_order_is_one_event() {
        // The document merge compared the companies in order, and kept two
        // records where the report timeline (companies as a set) shows one.
        let e = events(
            "2023年10月17日,美国商务部将壁仞科技和摩尔线程列入实体清单。\n据悉,2023年10月17日,摩尔线程、壁仞科技被列入实体清单。\n",
            "2023-10-20",
        );
        assert_eq!(e.len(), 1, "{e:?}");
        assert_eq!(e[0].entities, ["Biren", "Moore Threads"]);
        assert_eq!(e[0].line, 1);
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
        assert_eq!(b, vec!["restriction [] BIS 2022-10", "restriction [] BIS 2023-10-17 eff 2023-11-16"]);
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
        assert_eq!(b, vec!["restriction [A800,H800] US 2023-10-17"]);
        let b = brief("特朗普政府7月批准英伟达恢复向中国销售H20。", "2025-08-01");
        assert_eq!(b, vec!["relaxation [H20] US 2025-07"]);
        let b = brief("据路透社报道,英伟达正为中国市场开发一款基于Blackwell架构的新芯片B30A。", "2025-08-19");
        assert_eq!(b, vec!["variant [B30A] - 2025-08-19"]);
        let b = brief("AMD正在为中国客户设计一款降规版MI308芯片。", "2024-02-10");
        assert_eq!(b, vec!["variant [MI308] - 2024-02-10"]);
        let b = brief("英伟达去年推出了特供版H20。", "2025-02-10");
        assert_eq!(b, vec!["variant [H20] - 2024"]);
        let b = brief("英伟达于2022年8月31日披露,美国政府要求其向中国出口A100和H100芯片需获得许可证。", "2022-09-01");
        assert_eq!(b, vec!["restriction [A100,H100] US 2022-08-31"]);
    }

    #[test]
    fn rules_of_2022_and_2024_as_told_on_the_day() {
        let b = brief("英伟达8月31日表示,美国政府要求其停止向中国出口A100和H100两款芯片。", "2022-09-01");
        assert_eq!(b, vec!["ban [A100,H100] US 2022-08-31"]);
        let b = brief("美国商务部周五(10月7日)发布新规,限制中国获取先进计算芯片。", "2022-10-08");
        assert_eq!(b, vec!["restriction [] US 2022-10-07"]);
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
    fn companies_stuffed_into_the_list_and_licences_said_plainly() {
        // 塞进, 划入: verbs of putting on the entity list.
        let b = brief("5月15号美国商务部把华为和68家关联公司塞进了实体清单,次日生效。", "2019-08-25");
        assert_eq!(b, vec!["entity_list [] US 2019-05-15 eff 2019-05-16"]);
        let b = brief("美国商务部周一将浪潮集团划入实体清单。", "2023-03-06");
        assert_eq!(b.len(), 1, "{b:?}");
        assert!(b[0].starts_with("entity_list"));
        // 要许可证, 要申请许可: a licence needed, said plainly.
        let b = brief("美国政府通知它,H20晶片出口到中国要申请许可证,而且是无限期的。", "2025-04-17");
        assert_eq!(b, vec!["restriction [H20] US 2025-04-17"]);
        let b = brief("超微的MI308一样要许可证,超微估计会有8亿美元左右的损失。", "2025-04-17");
        assert_eq!(b.len(), 1, "{b:?}");
        assert!(b[0].starts_with("restriction [MI308]"), "{b:?}");
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
    fn every_word_of_a_grace_period_holds_tian_or_qi() {
        for w in super::GRACE_PERIODS.iter() {
            assert!(w.contains('天') || w.contains('期') || w.contains("日后"), "{w}");
        }
    }

    #[test]
    fn customs_keeping_a_chip_out_is_chinas_measure() {
        for t in [
            "据多家媒体报道,中国海关近期已告知报关代理,H200芯片目前不在准许进口之列,部分科技企业也被要求非必要不采购。",
            "据报北京海关已通知H200不准入境。",
            "海关不准进口H200芯片。",
            "国内有关部门要求企业非必要不采购H200。",
        ] {
            let b = brief(t, "2026-01-20");
            assert_eq!(b.len(), 1, "{t}: {b:?}");
            assert!(b[0].starts_with("restriction [H200] China"), "{t}: {b:?}");
        }
        // Allowed in is no measure against it.
        for t in ["H200获准进口后,多家企业开始采购。", "英伟达表示,H200已获准进口。"] {
            assert!(brief(t, "2026-01-20").is_empty(), "{t}");
        }
    }

    #[test]
    fn a_grace_period_told_in_ri() {
        for t in [
            "美国商务部10月17日公布新规,限制RTX 4090对华出口,新规原订30日后生效。",
            "美国商务部10月17日公布新规,禁止辉达向中国出售A800及H800晶片,新规将于30日后正式生效。",
        ] {
            let b = brief(t, "2023-10-25");
            assert_eq!(b.len(), 1, "{t}");
            assert!(b[0].ends_with("2023-10-17 eff 2023-11-16"), "{t}: {b:?}");
        }
        // (30日起生效: the 30th, a day of the month.)
        let b = brief("美国商务部10月17日公布新规,限制A800对华出口,30日起生效。", "2023-10-25");
        assert!(b[0].ends_with("eff 2023-10-30"), "{b:?}");
    }

    #[test]
    fn an_effective_date_after_the_rule() {
        let b = brief("美国商务部在2023年10月17日公布新规,禁止辉达向中国出售A800及H800晶片,并于11月16日生效。", "2024-02");
        assert_eq!(b, vec!["ban [A800,H800] US 2023-10-17 eff 2023-11-16"]);
    }

    #[test]
    fn a_considered_easing_is_a_proposal_and_a_launch_for_china_a_variant() {
        let b = brief("据悉,美国正考虑允许英伟达向中国出售降规版的Blackwell芯片B30A,其性能约为B300的一半。", "2025-08");
        assert_eq!(b, vec!["proposal [B30A] US 2025-08"]);
        let b = brief("此外,英伟达还推出了一款专为中国市场设计的全新显卡RTX Pro 6000D。", "2025-07");
        assert_eq!(b, vec!["variant [RTX Pro 6000D] - -"]);
    }

    #[test]
    fn a_framework_of_controls_and_its_repeal() {
        let b = brief("2025年1月,拜登政府发布《人工智能扩散框架》,对AI芯片出口实施全球分级管控。", "2025-03");
        assert_eq!(b, vec!["restriction [] US 2025-01"]);
        let b = brief("5月13日,美国商务部宣布撤销《人工智能扩散规则》。", "2025-05-14");
        assert_eq!(b, vec!["relaxation [] US 2025-05-13"]);
        let b = brief("2020年5月,美国商务部撤销了向华为供货的部分许可证。", "2020-06");
        assert_eq!(b, vec!["restriction [] US 2020-05"]);
    }

    #[test]
    fn an_event_told_again_is_one_record() {
        let b = brief(
            "美东时间10月17日,BIS公布了出口管制新规定。\nBIS还希望借助新限制堵住漏洞。\n按照雷蒙多的说法,AI芯片的出口管制规定将至少每年更新一次。",
            "2023-10",
        );
        assert_eq!(b, vec!["restriction [] BIS 2023-10-17"]);
    }
    #[test]
    fn a_headline_retells_the_newest_event_of_its_kind_in_its_month() {
        // The headline names other chips than the body's telling of the rule,
        // and its companies in another clause than the listing.
        let b = brief(
            "美对华AI芯片出口管制再升级 英伟达A800、H800在列 13家中国实体被列入实体清单\n美国商务部当地时间10月17日公布了出口管制规则的更新,消费级的RTX 4090也在许可要求范围内。\n同日,BIS将壁仞科技、摩尔线程等13家中国实体列入实体清单。",
            "2023-10-18",
        );
        assert_eq!(b, vec!["restriction [RTX 4090,A800,H800] US 2023-10-17", "entity_list [] BIS 2023-10-17"]);
        // Worded otherwise, the rule told the day before.
        let b = brief("美扩大管制 H20须申请许可\n美国商务部4月15日通知英伟达,H20出口中国须取得许可证。", "2025-04-16");
        assert_eq!(b, vec!["restriction [H20] US 2025-04-15"]);
        // An event of months before is background: the headline tells its own.
        let b = brief("高算力显卡管制再升级 RTX 4090 D恐怕也将受到波及\n去年年底,美国将RTX 4090列入限制名单。", "2024-04-04");
        assert_eq!(b.len(), 2, "{b:?}");
    }

    #[test]
    fn influence_and_conformity_frames_blank_only_the_rule_they_name() {
        assert_eq!(brief("A800受新规影响被禁售。", "2023-10"), vec!["ban [A800] - 2023-10"]);
        assert_eq!(brief("在美国新规影响下,H20已无法向中国出口。", "2025-04"), vec!["ban [H20] US 2025-04"]);
        let b = brief("英伟达及时发布了符合禁令规定的定制版芯片A800。", "2023-10");
        assert_eq!(b, vec!["variant [A800] - -"]);
        for text in ["出口管制新规对英伟达营收的影响有限。", "这款芯片的设计目的在于符合美国出口限制。", "这两款处理器避开了美国的限制标准。"] {
            assert!(brief(text, "2023-10").is_empty(), "{text}: {:?}", brief(text, "2023-10"));
        }
    }

    #[test]
    fn news_passed_on_is_no_proposal_and_a_rumour_denied_no_event() {
        assert_eq!(brief("路透社传出消息,美国商务部已禁止向中国出口H20。", "2025-04"), vec!["ban [H20] US 2025-04"]);
        assert_eq!(brief("英伟达已停止向中国交付H20。", "2025-04"), vec!["ban [H20] - 2025-04"]);
        assert_eq!(brief("H20在中国遭禁。", "2025-04"), vec!["ban [H20] - 2025-04"]);
        for text in ["英伟达否认了H20将被禁止出口的传闻。", "美国商务部表示,并未禁止A800对华出口。", "由于良率问题,英伟达暂停交付B200。"] {
            assert!(brief(text, "2025-04").is_empty(), "{text}: {:?}", brief(text, "2025-04"));
        }
    }

    #[test]
    fn a_licence_required_restricts_a_licence_granted_relaxes() {
        let b = brief("美国商务部要求,英伟达向中国出售A800前必须先取得出口许可。", "2023-10");
        assert_eq!(b, vec!["restriction [A800] US 2023-10"]);
        let b = brief("AMD若想把MI308卖到中国,就得先向美国商务部申请出口许可证。", "2024-03");
        assert_eq!(b, vec!["restriction [MI308] US 2024-03"]);
        let b = brief("8月8日,英伟达H20正式获得对华出口许可。", "2025-08-20");
        assert_eq!(b, vec!["relaxation [H20] - 2025-08-08"]);
        let b = brief("美国政府已承诺向英伟达发放许可证,H20可望恢复对中国销售。", "2025-07-15");
        assert_eq!(b, vec!["relaxation [H20] US 2025-07-15"]);
    }

    #[test]
    fn a_sale_allowed_relaxes_one_not_allowed_bans() {
        let b = brief("美国政府周二(1/13)正式批准辉达H200晶片出售给中国。", "2026-01-14");
        assert_eq!(b, vec!["relaxation [H200] US 2026-01-13"]);
        let b = brief("特朗普宣布,将允许英伟达向中国出口H200芯片。", "2025-12");
        assert_eq!(b, vec!["relaxation [H200] US 2025-12"]);
        let b = brief("美国政府不允许英伟达向中国出售H100。", "2023-05");
        assert_eq!(b, vec!["ban [H100] US 2023-05"]);
        assert!(brief("截至目前,美国商务部尚未批准英伟达向中国出口H20。", "2025-06").is_empty());
    }

    #[test]
    fn chinas_measures_on_buying_have_authority_china() {
        let b = brief("据悉,中国当局已下令禁止进口英伟达H200芯片。", "2026-01-14");
        assert_eq!(b, vec!["ban [H200] China 2026-01-14"]);
        let b = brief("北京已通知国内大型科技企业,不得采购英伟达RTX Pro 6000D。", "2025-09");
        assert_eq!(b, vec!["restriction [RTX Pro 6000D] China 2025-09"]);
        let b = brief("中国政府已敦促本土企业避免采用英伟达H20芯片。", "2025-08");
        assert_eq!(b, vec!["restriction [H20] China 2025-08"]);
        assert!(brief("中国当局约谈了腾讯等企业,但并未下令这些公司停止采购H20。", "2025-09").is_empty());
        assert!(brief("企业应避开高峰时段采购GPU。", "2025-09").is_empty());
    }

    #[test]
    fn china_versions_by_their_names_and_the_chips_they_point_to() {
        let b = brief("英伟达已为中国市场推出“特供版”AI芯片共两款,分别为H20和L20。", "2024-03");
        assert_eq!(b, vec!["variant [H20,L20] - -"]);
        let b = brief("英伟达此前为绕开美国的芯片限制,专门推出H800、A800等“降级版”芯片供应中国企业。", "2023-10");
        assert_eq!(b, vec!["variant [H800,A800] - -"]);
        let b = brief("B30A性能可望比H20强大6倍。两款晶片都是专为中国市场推出的降阶版产品。", "2025-09");
        assert_eq!(b, vec!["variant [B30A,H20] - -"]);
        assert!(brief("华为推出国产替代芯片昇腾910B,性能接近A100。", "2023-10").is_empty());
    }

    #[test]
    fn plans_bills_and_measures_kept_from_coming_are_proposals() {
        let b = brief("近日有消息指出,美国准备进一步收紧AI芯片的出口限制,最快7月份便会要求英伟达停止出口A800、H800。", "2023-06-29");
        assert_eq!(b, vec!["proposal [A800,H800] US 2023-06-29 eff 2023-07"]);
        let b = brief("美国商务部正在起草新规则,限制英伟达向马来西亚出口AI芯片。", "2025-07");
        assert_eq!(b, vec!["proposal [] US 2025-07"]);
        assert_eq!(brief("黄仁勋竭力游说国会,阻止新一轮芯片出口限制出台。", "2025-12"), vec!["proposal [] - 2025-12"]);
        assert_eq!(brief("该法案要求美国芯片企业对华销售AI芯片前须获得许可。", "2025-12"), vec!["proposal [] - 2025-12"]);
        assert_eq!(brief("总统签署该法案后,向中国出口H20须获得许可。", "2025-12"), vec!["restriction [H20] - 2025-12"]);
    }

    #[test]
    fn the_actor_named_first_is_the_authority() {
        let b = brief("7月14日,马来西亚贸易部宣布,即日起凡是美国原产的高性能人工智能芯片出口都必须先取得贸易许可证。", "2025-07-15");
        assert_eq!(b, vec!["restriction [] Malaysia 2025-07-14 eff 2025-07-14"]);
        let b = brief("美国商务部称,企业向马来西亚和泰国出口H20须先取得许可。", "2025-07");
        assert_eq!(b, vec!["restriction [H20] US 2025-07"]);
        let b = brief("美国商务部工业与安全局(BIS)更新出口管制规则。", "2023-10");
        assert_eq!(b, vec!["restriction [] BIS 2023-10"]);
    }

    #[test]
    fn comments_and_trends_are_no_events() {
        for text in [
            "美国政府对AI芯片的出口管制,正反过来伤害自身利益。",
            "美国对AI芯片的出口管制层层加码,国产AI产业只能直面落后的处境。",
            "美国数轮禁令下达,英伟达在中国持续推出阉割版本芯片。",
            "就在H20恢复出口中国的同时,网信办于7月31日约谈了英伟达。",
        ] {
            assert!(brief(text, "2025-05").is_empty(), "{text}: {:?}", brief(text, "2025-05"));
        }
        let b = brief("H100的性能又在A100之上,而根据2022年的禁令,两者均不能出口到中国。", "2023-10");
        assert_eq!(b, vec!["ban [H100,A100] - 2022"]);
    }

    #[test]
    fn measures_said_not_to_exist_are_no_events() {
        for text in [
            "分析师认为,出口管制可能长期存在,但目前尚无新的限制措施。",
            "目前美方暂无禁止H20出口的计划。",
            "商务部并无将A800列入禁售名单的安排。",
        ] {
            assert!(brief(text, "2024-03").is_empty(), "{text}");
        }
        // A measure that exists still counts.
        assert!(!brief("美国商务部已禁止向中国出口H20。", "2025-04").is_empty());
    }
}

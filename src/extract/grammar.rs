//! Characters the readers use as classes, and the few fixed phrases they
//! strip in the order written: the grammar around the lexicon's words, kept
//! in code in one place. A word list whose order has no meaning belongs in
//! the lexicon (src/lexicon/*.toml); these stay here because they are single
//! characters matched as a class (trimmed, split on, or compared with one
//! character before a word), or because they are stripped one after another
//! and would read differently in another order.

/// Before 影响, what makes it a cause frame (受新规影响, 在新规影响下).
pub const CAUSE_MARKS: [char; 2] = ['受', '在'];
/// Right after a rule noun, what makes it issued, not a noun phrase (限制了, 措施).
pub const ISSUED_AFTER: [char; 2] = ['了', '措'];
/// Between a date's 起 and its verb (自8月1日起正式实施).
pub const EFFECT_FROM: [char; 3] = ['起', '正', '式'];
/// Adverbs between a date and 生效 (于10月21日全面生效, 9日才生效, 本月1日已经
/// 正式生效; 已经 before 已, the first that fits is taken).
pub const EFFECT_ADVERBS: [&str; 6] = ["全面", "才", "将", "就", "已经", "已"];
/// Before a modal's time phrase (可能于7月初叫停).
pub const AT_MARKS: [char; 2] = ['于', '在'];
/// The characters that end a modal's time phrase (7月初, 年底, 3日).
pub const PERIOD_ENDS: [char; 10] = ['初', '底', '中', '前', '后', '内', '日', '月', '年', '号'];
/// What a modal's time phrase may end with after them, taken in this order
/// (7月底前).
pub const PERIOD_TAILS: [&str; 6] = ["初", "底", "中", "前", "后", "内"];
/// A joiner right before a country listed with a destination (向马来西亚和泰国).
pub const COUNTRY_JOINERS: [&str; 4] = ["和", "与", "及", "、"];
/// A character right before a country that makes it a destination (对马来西亚, 向泰国).
pub const DESTINATION_MARKS: [&str; 7] = ["对", "向", "至", "往", "到", "给", "经"];
/// A condition opener that also means "such as" (如A800、H800): no supposition.
pub const SUCH_AS: &str = "如";
/// Characters right after a condition opener that make it no supposition: a
/// purpose (若要, 如需, 若想, 若欲) or 若干 (several).
pub const NOT_SUPPOSING_AFTER: [char; 5] = ['干', '要', '想', '需', '欲'];
/// Words before a city that make it where something happens (于北京表示,
/// 在北京召开, 访问北京期间): no actor.
pub const PLACE_MARKS: [&str; 8] = ["于", "在", "赴", "访", "抵", "到", "访问", "前往"];
/// Openers stripped one after another before a reference to a rule
/// (此外,新规……).
pub const RULE_REFERENCE_OPENERS: [&str; 7] = ["此外,", "此外", "而", "另外,", "另外", "同时,", "同时"];
/// Adverbs trimmed off the end of a holder's name (英伟达则).
pub const HOLDER_ADVERBS: [char; 3] = ['则', '也', '仍'];
/// Adverbs trimmed before a level told after a holder (则为, 也将, 已达).
pub const LEVEL_ADVERBS: [char; 5] = ['则', '也', '仍', '将', '已'];
/// Adverbs trimmed before the level of a clause that opens with a time (仅约2%).
pub const DATED_LEVEL_ADVERBS: [char; 6] = ['仅', '只', '已', '则', '将', '约'];
/// Adverbs trimmed before a move to a level (已降至).
pub const MOVE_ADVERBS: [char; 3] = ['已', '则', '又'];
/// What companies named one after another are split on (浪潮、华为和曙光).
pub const NAME_JOINERS: [char; 2] = ['和', '、'];
/// Trimmed before what follows an amount (在, 的).
pub const AFTER_AMOUNT: [char; 2] = ['在', '的'];

/// Between two amounts, what joins the ends of a range told with 之间 after
/// them (介于6万元和8万元之间, 介乎1.2万與1.5萬美元之間).
pub const BETWEEN_JOINERS: [char; 6] = ['和', '与', '與', '及', '跟', '同'];

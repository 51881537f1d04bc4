//! Qualifiers of amounts and percentages: 约 (about), 超过 (over), 不到
//! (under), 高达 (up to), read from the words just before and after.

use std::sync::LazyLock;

use crate::model::Qualifier;

/// (word, value) of the qualifiers before an amount, from the lexicon
/// (`src/lexicon/qualifier.toml`). The longest word that ends where the
/// amount starts wins, so a negated word is read whole (不超过 is `up_to`, not
/// the `over` of 超过; 不低于 and 不少于 are `over`), whatever the order.
static BEFORE: LazyLock<Vec<(&'static str, Qualifier)>> = LazyLock::new(|| crate::lexicon::get().qualifier_words(true));

/// The last characters of the qualifiers before an amount.
static BEFORE_LAST: LazyLock<Vec<char>> = LazyLock::new(|| {
    let mut cs: Vec<char> = BEFORE.iter().filter_map(|(w, _)| w.chars().next_back()).collect();
    cs.sort_unstable();
    cs.dedup();
    cs
});

/// (word, value) of the qualifiers after an amount.
static AFTER: LazyLock<Vec<(&'static str, Qualifier)>> = LazyLock::new(|| crate::lexicon::get().qualifier_words(false));

/// Units and copulas that may stand between a qualifier and its amount
/// (约为, 约在, 约达, 约为每片): the list `qualifier.between`.
static BETWEEN: LazyLock<Vec<&'static str>> = LazyLock::new(|| crate::lexicon::get().words("qualifier.between"));

/// `before` (the text just before an amount) without the qualifier it ends
/// with, if any, and the units and copulas between (新台币约 → 新台币,
/// 台币超过 → 台币): what stands before the qualifier.
pub fn strip_qualifier(before: &str) -> &str {
    let bare = strip_between(before.trim_end_matches(' '));
    match longest_before(bare) {
        Some((w, _)) => bare[..bare.len() - w.len()].trim_end_matches(' '),
        None => before,
    }
}

/// The longest qualifier word `t` ends with, and its value.
fn longest_before(t: &str) -> Option<(&'static str, Qualifier)> {
    BEFORE.iter().filter(|(w, _)| t.ends_with(w)).max_by_key(|(w, _)| w.len()).copied()
}

/// `before` without the qualifier word it ends with (则不足 → 则), the
/// units and copulas before that kept.
pub fn strip_qualifier_word(before: &str) -> &str {
    // (Asked often: only where the last character may end a qualifier.)
    if !before.chars().next_back().is_some_and(|c| BEFORE_LAST.contains(&c)) {
        return before;
    }
    match longest_before(before) {
        Some((w, _)) => &before[..before.len() - w.len()],
        None => before,
    }
}

/// `before` without the units and copulas of `qualifier.between` it ends with.
fn strip_between(before: &str) -> &str {
    let mut bare = before;
    loop {
        let next = BETWEEN
            .iter()
            .filter(|w| bare.ends_with(*w))
            .max_by_key(|w| w.len())
            .map_or(bare, |w| &bare[..bare.len() - w.len()])
            .trim_end_matches(' ');
        if next == bare {
            return bare;
        }
        bare = next;
    }
}

/// The qualifier of an amount, from the text just before it (`before`, ending
/// where the amount starts) and just after it (`after`, from its end).
pub fn qualifier(before: &str, after: &str) -> Option<Qualifier> {
    let before = before.trim_end_matches(' ');
    let bare = strip_between(before);
    let longest = |t: &str| longest_before(t).map(|(_, q)| q);
    let after = after.trim_start_matches(' ');
    let after_word = || AFTER.iter().filter(|(w, _)| after.starts_with(w)).max_by_key(|(w, _)| w.len()).map(|&(_, q)| q);
    match longest(before).or_else(|| longest(bare)) {
        // 高达五成以上: an emphatic "as high as" gives way to the word after
        // the figure that says how it stands to it.
        Some(Qualifier::UpTo) => match after_word() {
            Some(q @ (Qualifier::Over | Qualifier::About)) => Some(q),
            _ => Some(Qualifier::UpTo),
        },
        // 约占五成以上: a bound after the figure says more than 约 before it.
        Some(Qualifier::About) => match after_word() {
            Some(q @ (Qualifier::Over | Qualifier::Under)) => Some(q),
            _ => Some(Qualifier::About),
        },
        Some(q) => Some(q),
        None => after_word(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn qualifiers_before_and_after() {
        assert_eq!(qualifier("尤其旗舰级芯片H100,炒到超", "美元"), Some(Qualifier::Over));
        assert_eq!(qualifier("从原来的", "人民币左右"), None);
        assert_eq!(qualifier("从原来的", "左右,变成了"), Some(Qualifier::About));
        assert_eq!(qualifier("甚至有高达", "一片"), Some(Qualifier::UpTo));
        assert_eq!(qualifier("浪潮信息的份额高达", "以上,新华三"), Some(Qualifier::Over));
        assert_eq!(qualifier("售價高達", "左右"), Some(Qualifier::About));
        assert_eq!(qualifier("最高", "美元"), Some(Qualifier::UpTo));
        assert_eq!(qualifier("H20在中国市场的售价约为每片", "元"), Some(Qualifier::About));
        assert_eq!(qualifier("市占率约达", "%"), Some(Qualifier::About));
        assert_eq!(qualifier("占全球半导体采购总额5559亿美元的", "以上,是"), Some(Qualifier::Over));
        assert_eq!(qualifier("单价涨到了近", "元"), Some(Qualifier::About));
        assert_eq!(qualifier("价格回落到", "元"), None);
        assert_eq!(qualifier("华为昇腾系列约占", "。"), Some(Qualifier::About));
        assert_eq!(qualifier("谷歌TPU约占", "以上,亚马逊"), Some(Qualifier::Over));
        assert_eq!(qualifier("售价约", "以下"), Some(Qualifier::Under));
        assert_eq!(qualifier("售价约", "左右"), Some(Qualifier::About));
    }

    #[test]
    fn negated_words_are_read_whole() {
        assert_eq!(qualifier("H20售价不超过", "美元"), Some(Qualifier::UpTo));
        assert_eq!(qualifier("单卡价格预计不会超过", "元"), Some(Qualifier::UpTo));
        assert_eq!(qualifier("单卡价格预计会超过", "元"), Some(Qualifier::Over));
        assert_eq!(qualifier("每片售价不低于", "美元"), Some(Qualifier::Over));
        assert_eq!(qualifier("报价不少于", "万元"), Some(Qualifier::Over));
        assert_eq!(qualifier("市占率不足", "%"), Some(Qualifier::Under));
        assert_eq!(qualifier("售价至多", "美元"), Some(Qualifier::UpTo));
        assert_eq!(qualifier("价格不高于", "元"), Some(Qualifier::UpTo));
    }
}

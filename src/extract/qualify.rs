//! Qualifiers of amounts and percentages: 约 (about), 超过 (over), 不到
//! (under), 高达 (up to), read from the words just before and after.

use crate::model::Qualifier;

/// Words before an amount. The longest word that ends where the amount
/// starts wins, so a negated word is read whole (不超过 is `up_to`, not the
/// `over` of 超过; 不低于 and 不少于 are `over`), whatever the list order.
const BEFORE: &[(&str, Qualifier)] = &[
    ("不到", Qualifier::Under), ("不足", Qualifier::Under), ("低于", Qualifier::Under), ("少于", Qualifier::Under),
    ("不超过", Qualifier::UpTo), ("不会超过", Qualifier::UpTo), ("不得超过", Qualifier::UpTo), ("不超出", Qualifier::UpTo), ("不高于", Qualifier::UpTo), ("不多于", Qualifier::UpTo),
    ("至多", Qualifier::UpTo), ("跌破", Qualifier::Under), ("跌穿", Qualifier::Under), ("突破", Qualifier::Over),
    ("站上", Qualifier::Over), ("不少于", Qualifier::Over), ("不小于", Qualifier::Over), ("不下于", Qualifier::Over),
    ("高达", Qualifier::UpTo), ("最高达", Qualifier::UpTo), ("最高", Qualifier::UpTo), ("最多", Qualifier::UpTo),
    ("高至", Qualifier::UpTo), ("超过", Qualifier::Over), ("超出", Qualifier::Over), ("至少", Qualifier::Over),
    ("不低于", Qualifier::Over), ("多于", Qualifier::Over), ("超", Qualifier::Over), ("逾", Qualifier::Over),
    ("大约", Qualifier::About), ("大概", Qualifier::About), ("约合", Qualifier::About), ("将近", Qualifier::About),
    ("接近", Qualifier::About), ("约", Qualifier::About), ("近", Qualifier::About),
];

/// Words after an amount.
const AFTER: &[(&str, Qualifier)] = &[
    ("左右", Qualifier::About), ("上下", Qualifier::About), ("前后", Qualifier::About), ("以上", Qualifier::Over),
    ("多", Qualifier::Over), ("以下", Qualifier::Under), ("以内", Qualifier::Under),
];

/// Units and copulas that may stand between a qualifier and its amount
/// (约为, 约在, 约达, 约为每片).
const BETWEEN: &[&str] = &[
    "每片", "每张", "每颗", "每块", "每台", "单片", "单颗", "单卡", "单张", "占据", "占到", "占了", "占", "为", "是", "在", "达", "的",
];

/// The qualifier of an amount, from the text just before it (`before`, ending
/// where the amount starts) and just after it (`after`, from its end).
pub fn qualifier(before: &str, after: &str) -> Option<Qualifier> {
    let before = before.trim_end_matches(' ');
    let mut bare = before;
    loop {
        let next = BETWEEN.iter().find_map(|w| bare.strip_suffix(w)).unwrap_or(bare).trim_end_matches(' ');
        if next == bare {
            break;
        }
        bare = next;
    }
    let longest = |t: &str| BEFORE.iter().filter(|(w, _)| t.ends_with(w)).max_by_key(|(w, _)| w.len()).map(|&(_, q)| q);
    if let Some(q) = longest(before).or_else(|| longest(bare)) {
        return Some(q);
    }
    let after = after.trim_start_matches(' ');
    AFTER.iter().find(|(w, _)| after.starts_with(w)).map(|&(_, q)| q)
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
        assert_eq!(qualifier("H20在中国市场的售价约为每片", "元"), Some(Qualifier::About));
        assert_eq!(qualifier("市占率约达", "%"), Some(Qualifier::About));
        assert_eq!(qualifier("占全球半导体采购总额5559亿美元的", "以上,是"), Some(Qualifier::Over));
        assert_eq!(qualifier("单价涨到了近", "元"), Some(Qualifier::About));
        assert_eq!(qualifier("价格回落到", "元"), None);
        assert_eq!(qualifier("华为昇腾系列约占", "。"), Some(Qualifier::About));
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

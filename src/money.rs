//! The one money table: the currencies prices are read in (the words and
//! signs that name each are in the lexicon, `src/lexicon/money.toml`) and the rates every part
//! of chipscan converts with (the price reader's cap on what can be a price,
//! `check`'s CS009 range, `report --usd-cny` and the HTML price chart).
//!
//! Rates are approximate and fixed, US dollars per unit; CNY alone has its
//! rate from the caller (`--usd-cny`, default [`DEFAULT_USD_CNY`]).

use std::sync::LazyLock;

/// CNY per USD unless a command is told otherwise (`--usd-cny`).
pub const DEFAULT_USD_CNY: f64 = 7.2;

/// One currency: its code and rate. The words that name it are in the
/// lexicon (`src/lexicon/money.toml`, [`crate::lexicon`]).
#[derive(Debug)]
pub struct Currency {
    /// ISO 4217 code.
    pub code: &'static str,
    /// US dollars per unit; `None` for CNY, whose rate the caller gives.
    pub usd: Option<f64>,
}

pub const CURRENCIES: &[Currency] = &[
    Currency { code: "USD", usd: Some(1.0) },
    Currency { code: "CNY", usd: None },
    Currency { code: "HKD", usd: Some(0.128) },
    Currency { code: "TWD", usd: Some(0.031) },
    Currency { code: "JPY", usd: Some(0.0067) },
    Currency { code: "EUR", usd: Some(1.08) },
    Currency { code: "MOP", usd: Some(0.124) },
    Currency { code: "MYR", usd: Some(0.22) },
    Currency { code: "SGD", usd: Some(0.74) },
    Currency { code: "AUD", usd: Some(0.65) },
    Currency { code: "KRW", usd: Some(0.00072) },
    Currency { code: "GBP", usd: Some(1.27) },
    Currency { code: "CAD", usd: Some(0.72) },
    Currency { code: "THB", usd: Some(0.028) },
    Currency { code: "IDR", usd: Some(0.000062) },
    Currency { code: "PHP", usd: Some(0.0175) },
    Currency { code: "MXN", usd: Some(0.055) },
    Currency { code: "VND", usd: Some(0.00004) },
];

/// (code, word) of the lexicon's currency words after an amount.
static AFTER: LazyLock<Vec<(&'static str, &'static str)>> = LazyLock::new(|| crate::lexicon::get().currency_words("after"));
/// (code, word) of the lexicon's currency words and signs before an amount.
static BEFORE: LazyLock<Vec<(&'static str, &'static str)>> = LazyLock::new(|| crate::lexicon::get().currency_words("before"));

/// The currency named at the start of `rest` (after an amount), and the
/// length of its word: the longest word that fits (元人民币 over 元).
pub fn word_after(rest: &str) -> Option<(&'static str, usize)> {
    // (Asked after every amount: only where the next character may start a word.)
    let first = rest.chars().next()?;
    if AFTER_STARTS.binary_search(&first).is_err() {
        return None;
    }
    AFTER.iter().filter(|(_, w)| rest.starts_with(w)).max_by_key(|(_, w)| w.len()).map(|&(code, w)| (code, w.len()))
}

/// The currency word or sign of those before an amount that `text` starts
/// with (US$749, HK$ 8,599, 人民币9999), and its length: the longest that fits.
pub fn word_at_start(text: &str) -> Option<(&'static str, usize)> {
    BEFORE.iter().filter(|(_, w)| text.starts_with(w)).max_by_key(|(_, w)| w.len()).map(|&(code, w)| (code, w.len()))
}

/// The currency named at the end of `before` (before an amount), and the
/// length of its word or sign: the longest that fits (HK$ over $).
pub fn word_before(before: &str) -> Option<(&'static str, usize)> {
    let last = before.chars().next_back()?;
    if BEFORE_ENDS.binary_search(&last).is_err() {
        return None;
    }
    BEFORE.iter().filter(|(_, w)| before.ends_with(w)).max_by_key(|(_, w)| w.len()).map(|&(code, w)| (code, w.len()))
}

/// The first characters of the currency words after an amount.
static AFTER_STARTS: LazyLock<Vec<char>> = LazyLock::new(|| crate::text::words::char_set(AFTER.iter().filter_map(|(_, w)| w.chars().next())));

/// The last characters of the currency words and signs before an amount.
static BEFORE_ENDS: LazyLock<Vec<char>> = LazyLock::new(|| crate::text::words::char_set(BEFORE.iter().filter_map(|(_, w)| w.chars().last())));

/// Whether `text` may hold a currency word or sign of those before an
/// amount: one of their last characters stands in it (a cheap test before
/// reading it closely).
pub fn names_before(text: &str) -> bool {
    text.chars().any(|c| BEFORE_ENDS.binary_search(&c).is_ok())
}

/// `before` without the currency word or sign it ends with, if any.
pub fn strip_word_before(before: &str) -> &str {
    match word_before(before) {
        Some((_, len)) => &before[..before.len() - len],
        None => before,
    }
}

/// Every word and sign of every currency, before or after an amount (not the
/// spoken ones, 块).
pub fn all_words() -> impl Iterator<Item = &'static str> {
    AFTER.iter().chain(BEFORE.iter()).map(|&(_, w)| w)
}

/// `amount` of `currency` in US dollars: CNY at `usd_cny` CNY per USD, the
/// others at the table's rates; `None` for a currency the table lacks.
pub fn to_usd(amount: f64, currency: &str, usd_cny: f64) -> Option<f64> {
    let c = CURRENCIES.iter().find(|c| c.code.eq_ignore_ascii_case(currency))?;
    Some(match c.usd {
        Some(rate) => amount * rate,
        None => amount / usd_cny,
    })
}

/// `amount` of `currency` in yuan at `usd_cny` CNY per USD.
pub fn to_cny(amount: f64, currency: &str, usd_cny: f64) -> Option<f64> {
    if currency.eq_ignore_ascii_case("CNY") {
        return Some(amount);
    }
    to_usd(amount, currency, usd_cny).map(|usd| usd * usd_cny)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_longest_word_wins_whatever_the_order() {
        assert_eq!(word_after("元人民币的价格"), Some(("CNY", "元人民币".len())));
        assert_eq!(word_after("美元一片"), Some(("USD", "美元".len())));
        assert_eq!(word_after("新台币"), Some(("TWD", "新台币".len())));
        assert_eq!(word_before("售价HK$"), Some(("HKD", 3)));
        assert_eq!(word_before("售价$"), Some(("USD", 1)));
        assert_eq!(word_before("售价约NT$"), Some(("TWD", 3)));
        assert_eq!(strip_word_before("约人民币"), "约");
        assert_eq!(word_after("万颗"), None);
        assert_eq!(word_after("加元以上"), Some(("CAD", "加元".len())));
        assert_eq!(word_before("建议售价C$"), Some(("CAD", 2)));
        assert_eq!(word_after("泰铢左右"), Some(("THB", "泰铢".len())));
        assert_eq!(word_after("印尼盾"), Some(("IDR", "印尼盾".len())));
        // 比索 alone is the Philippines' (the Chinese-language press that
        // prices in pesos is Manila's); Mexico's is named so.
        assert_eq!(word_after("比索,约合3万美元"), Some(("PHP", "比索".len())));
        assert_eq!(word_after("菲律宾比索"), Some(("PHP", "菲律宾比索".len())));
        assert_eq!(word_after("墨西哥比索"), Some(("MXN", "墨西哥比索".len())));
        assert_eq!(word_after("越南盾"), Some(("VND", "越南盾".len())));
    }

    #[test]
    fn one_set_of_rates() {
        assert_eq!(to_usd(72.0, "CNY", 7.2), Some(10.0));
        assert_eq!(to_usd(100.0, "usd", 7.2), Some(100.0));
        assert!((to_usd(1000.0, "TWD", 7.2).unwrap() - 31.0).abs() < 1e-9);
        assert_eq!(to_usd(1.0, "CHF", 7.2), None);
        assert_eq!(to_cny(10.0, "USD", 7.0), Some(70.0));
        assert_eq!(to_cny(5.0, "CNY", 7.0), Some(5.0));
        // Every currency has a rate or is the one the caller rates.
        assert!(CURRENCIES.iter().all(|c| c.usd.is_some() != (c.code == "CNY")));
    }
}

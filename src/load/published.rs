//! Publish dates found in the text itself: a dated header line near the top
//! (`中经网  2023-04-23 22:52`, `发布时间:2023年4月23日`, `date 2025-12-04`),
//! else the latest full date or month the text names (inferred).

use std::sync::LazyLock;

use regex::Regex;

use crate::model::PartialDate;

/// How many non-empty lines from the top may hold the header.
const HEADER_LINES: usize = 12;
/// A header line is short; a long line is a paragraph that names a date.
const HEADER_MAX_CHARS: usize = 120;

static NUMERIC: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:^|[^0-9])((?:19|20)[0-9]{2})([-/.])([0-9]{1,2})([-/.])([0-9]{1,2})(?:[^0-9]|$)")
        .unwrap()
});
static CJK_DAY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"((?:19|20)[0-9]{2}) ?年 ?([0-9]{1,2}) ?月 ?([0-9]{1,2}) ?[日号]").unwrap()
});
static LABEL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)发布时间|发布日期|发表时间|发表日期|发布于|更新时间|时间|日期|作者|来源|编辑|记者|责编|\bdate\b|\bpublished\b|\bposted\b|\bupdated\b").unwrap()
});
static TIME: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^\s*[0-9]{1,2}:[0-9]{2}").unwrap());
static ANY_DATE: LazyLock<Regex> = LazyLock::new(|| {
    // Starts with the year so the search can skip ahead to "19"/"20"; the
    // byte before the year is checked by hand (not a digit).
    Regex::new(
        r"(?x)
        ((?:19|20)[0-9]{2})\ ?年\ ?([0-9]{1,2})\ ?月(?:\ ?([0-9]{1,2})\ ?[日号])?
        | ((?:19|20)[0-9]{2})([-/])([0-9]{1,2})(?:[-/]([0-9]{1,2}))?(?:[^0-9]|$)
        ",
    )
    .unwrap()
});

/// The date of a dated header line or byline near the top of the text.
pub fn header_date(text: &str) -> Option<PartialDate> {
    for line in text
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .take(HEADER_LINES)
    {
        if line.len() > HEADER_MAX_CHARS * 4 || line.chars().count() > HEADER_MAX_CHARS {
            continue;
        }
        if let Some(c) = NUMERIC.captures(line) {
            // Same separator twice: 2023-04-23, 2023/04/23, 2023.04.23.
            if c[2] == c[4]
                && let Some(d) = day(&c[1], &c[3], &c[5])
            {
                return Some(d);
            }
        }
        if let Some(c) = CJK_DAY.captures(line) {
            let m = c.get(0).unwrap();
            let labelled = LABEL.is_match(&line[..m.start()]);
            let timed = TIME.is_match(&line[m.end()..]);
            if (labelled || timed)
                && let Some(d) = day(&c[1], &c[2], &c[3])
            {
                return Some(d);
            }
        }
    }
    None
}

/// The latest full date or month the text names with its year, leaving out
/// forecasts (`预计2025年3月`).
pub fn inferred_date(text: &str) -> Option<PartialDate> {
    let mut best: Option<PartialDate> = None;
    for c in ANY_DATE.captures_iter(text) {
        let date = if let Some(y) = c.get(1) {
            match c.get(3) {
                Some(d) => day(y.as_str(), &c[2], d.as_str()),
                None => month(y.as_str(), &c[2]),
            }
        } else {
            match c.get(7) {
                Some(d) => day(&c[4], &c[6], d.as_str()),
                None => month(&c[4], &c[6]),
            }
        };
        let Some(date) = date else { continue };
        let year_at = c.get(1).or_else(|| c.get(4)).map_or(0, |m| m.start());
        let before = text.as_bytes()[..year_at].last();
        // 12023年, v1.2023-10: not a year.
        if before.is_some_and(|b| b.is_ascii_digit() || (c.get(4).is_some() && *b == b'.')) {
            continue;
        }
        if is_forecast(&text[..year_at]) {
            continue;
        }
        if best.is_none_or(|b| date > b) {
            best = Some(date);
        }
    }
    best
}

fn is_forecast(before: &str) -> bool {
    let start = before.char_indices().rev().nth(5).map_or(0, |(i, _)| i);
    let near = &before[start..];
    ["预计", "预期", "计划", "将于", "将在", "有望", "到"]
        .iter()
        .any(|w| near.contains(w))
}

fn day(y: &str, m: &str, d: &str) -> Option<PartialDate> {
    PartialDate::day(y.parse().ok()?, m.parse().ok()?, d.parse().ok()?)
}

fn month(y: &str, m: &str) -> Option<PartialDate> {
    let m: u8 = m.parse().ok()?;
    let y: i32 = y.parse().ok()?;
    (1..=12).contains(&m).then(|| PartialDate::month(y, m))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Option<PartialDate> {
        Some(s.parse().unwrap())
    }

    #[test]
    fn header_lines() {
        let page = "• 加入收藏| 设为首页| 分享| 网站地图\n\n  • 1\n\n中国企业家\n    中经网  2023-04-23 22:52     浏览量:191741\n正文";
        assert_eq!(header_date(page), d("2023-04-23"));
        assert_eq!(
            header_date("标题\n发布时间:2023年4月23日\n正文"),
            d("2023-04-23")
        );
        assert_eq!(header_date("Title\ndate 2025-12-04\n"), d("2025-12-04"));
        assert_eq!(header_date("作者|赵晋杰 2023年10月20日\n"), d("2023-10-20"));
        // A paragraph naming a date is not a header.
        assert_eq!(header_date("2023年10月17日,美国商务部公布新规。\n"), None);
        assert_eq!(header_date("智见Time\n19:15\n"), None);
    }

    #[test]
    fn inference_takes_the_latest_dated_mention() {
        let text =
            "2022年9月,英伟达发布H100。2023年4月11日峰会上,阿里云降价。预计2025年3月交付。2023年";
        assert_eq!(inferred_date(text), d("2023-04-11"));
        assert_eq!(inferred_date("今年7月1日,马斯克说"), None);
        assert_eq!(inferred_date("版本 v2024.10 发布"), None);
    }
}

//! Text outside the article body: related-article link lists, menus, share
//! buttons, footers, copyright and disclaimer lines, photo captions. It gives
//! no records. Lines are told by their shape, never by matching known pages.

use std::sync::LazyLock;

use super::words::Words;

// The words of page furniture are in the lexicon (src/lexicon/page.toml).
fn list(name: &str) -> Vec<&'static str> {
    crate::lexicon::get().words(name)
}

/// Short lines that open the tail of a page: what follows them is not the article.
static TAIL_MARKERS: LazyLock<Words> = LazyLock::new(|| Words::longest(&list("page.tail")));

/// Headings of the readers' comments (网友评论（36）): they end a page's tail.
static COMMENT_HEADINGS: LazyLock<Words> = LazyLock::new(|| Words::longest(&list("page.comments")));

/// A line that is only a heading of readers' comments, maybe with their
/// count: `评论(4)`, `网友评论（36）`, `热门留言`, `全部评论 12条`.
fn comment_heading(line: &str) -> bool {
    let t = line.trim().trim_end_matches([':', '：']).trim_end();
    // The count: (36), （36）, [36], 36条, 36.
    let t = t.trim_end_matches([')', '）', ']', '】']).trim_end_matches('条').trim_end_matches(|c: char| c.is_ascii_digit() || c == ',');
    let t = t.trim_end_matches(['(', '（', '[', '【']).trim_end();
    !t.is_empty() && t.len() <= 8 * 4 && COMMENT_HEADINGS.find(t).is_some_and(|r| r == (0..t.len()))
}

/// Bullet characters that start items of link lists.
fn bullet(line: &str) -> bool {
    line.trim_start().starts_with(['■', '□', '●', '•', '·', '‧', '・', '▪', '◆', '◇', '◎', '○', '►', '▶', '→', '★', '☆', '-', '*', '+'])
}

fn char_len(s: &str) -> usize {
    s.chars().count()
}

/// A caption or a file name of a picture: `图源:NVIDIA官网`, `(图片来源:摄图网)`, `1.jpg`.
fn caption(line: &str) -> bool {
    let t = line.trim().trim_start_matches(['(', '（']);
    let picture = |ext: &str| t.len() >= ext.len() && t.as_bytes()[t.len() - ext.len()..].eq_ignore_ascii_case(ext.as_bytes());
    (t.len() <= 160
        && char_len(t) <= 40
        && (["图源", "图片来源", "图:", "图片:", "图为", "图/", "图注", "配图", "▲", "△"].iter().any(|p| t.starts_with(p))
            || t.contains("图源:")
            || t.ends_with("供图")
            || t.ends_with("摄")))
        || [".jpg", ".jpeg", ".png", ".gif", ".webp"].into_iter().any(picture)
}

/// Labels that open a line of tags or keywords (标签, 关键词).
static TAG_LABELS: LazyLock<Vec<&'static str>> = LazyLock::new(|| list("page.tag_labels"));
/// The characters a label starts with, in both cases.
static TAG_FIRST: LazyLock<Vec<char>> = LazyLock::new(|| {
    TAG_LABELS.iter().filter_map(|l| l.chars().next()).flat_map(|c| [c.to_ascii_lowercase(), c.to_ascii_uppercase()]).collect()
});

/// A line of tags: a label, a colon, then short words, no sentence
/// (标签: 美国 马来西亚 出口限制, 关键词：英伟达 H20).
fn tags(line: &str) -> bool {
    let t = line.trim();
    // Most lines are long or open with no label's first character.
    if t.len() > 80 * 4 || !t.chars().next().is_some_and(|c| TAG_FIRST.contains(&c)) {
        return false;
    }
    TAG_LABELS.iter().any(|l| {
        t.get(..l.len()).is_some_and(|head| head.eq_ignore_ascii_case(l)) && t[l.len()..].trim_start().starts_with([':', '：'])
    }) && char_len(t) <= 80
        && !t.contains(['。', '，', ','])
}

/// Words of navigation and page furniture (menus, buttons, footers).
static NAV: LazyLock<Words> = LazyLock::new(|| Words::longest(&list("page.navigation")));
/// Phrases of copyright, licensing and disclaimer lines: a line that holds
/// one is such a line.
static LEGAL: LazyLock<Words> = LazyLock::new(|| Words::longest_for_long_texts(&list("page.legal")));
/// Words that also stand in article sentences (据多家媒体转载的消息, 仅供参考
/// 的报价): a line is a notice for them only when it also speaks of the page
/// itself, its text or its author ([`NOTICE`]).
static WEAK_LEGAL: LazyLock<Words> = LazyLock::new(|| Words::longest_for_long_texts(&list("page.weak_legal")));
/// [`LEGAL`] and [`WEAK_LEGAL`] for the scan of a whole text
/// ([`legal_word_lines`]), each split by length: the words of one or two
/// bytes (©) apart from the longer ones. The prefilter of an automaton looks
/// for the first bytes of its words, as many as its shortest word has: with
/// © among them, two bytes, which most Han characters share with some word;
/// three bytes tell a Han character whole.
static LEGAL_SCAN: LazyLock<[Vec<Words>; 2]> = LazyLock::new(|| [by_length(&list("page.legal")), by_length(&list("page.weak_legal"))]);

/// The words of a list searched as two automata, those shorter than three
/// bytes and the others (an empty part has none).
fn by_length(words: &[&str]) -> Vec<Words> {
    let (short, long): (Vec<&str>, Vec<&str>) = words.iter().partition(|w| w.len() < 3);
    [short, long].iter().filter(|part| !part.is_empty()).map(|part| Words::longest_for_long_texts(part)).collect()
}

/// What a disclaimer speaks of: the page, the text, its author.
static NOTICE: LazyLock<Words> = LazyLock::new(|| Words::longest(&list("page.notice")));

/// A short line made of menu words: they cover a third of its letters or
/// more, and it states no amount (H20售价1.2万美元,更多厂商关注 is a sentence).
fn navigation(line: &str) -> bool {
    if breadcrumb(line) {
        return true;
    }
    let t = line.trim();
    if t.len() > 24 * 4 || char_len(t) > 24 || t.contains('。') || !NAV.any(t) {
        return false;
    }
    let letters = t.chars().filter(|c| c.is_alphanumeric()).count();
    let covered: usize = NAV.find_iter(t).map(|r| t[r].chars().count()).sum();
    covered * 3 >= letters && !states_an_amount(t)
}

/// The bars and arrows that split a site's header or breadcrumb: the two
/// ASCII ones first.
const BARS: [char; 6] = ['|', '>', '｜', '›', '»', '＞'];

/// A site's header or breadcrumb: short parts split by bars or arrows
/// (美国中文网 Sinovision ｜ 财经 ｜ 科技, HiStock嗨投资理财社群 ｜ 首页 > 社群 >
/// 热门文章, 哔哩哔哩bilibili › 知识 › 科学科普), none a clause and none naming
/// a model (芯片禁令｜英伟达A800停售 is a headline).
fn breadcrumb(line: &str) -> bool {
    let t = line.trim();
    // (Asked of every line: the bars and arrows are looked for bytewise,
    // the ASCII ones with memchr and the others as byte strings.)
    let b = t.as_bytes();
    static WIDE_BARS: LazyLock<Vec<memchr::memmem::Finder<'static>>> =
        LazyLock::new(|| BARS[2..].iter().map(|c| memchr::memmem::Finder::new(c.encode_utf8(&mut [0; 4]).as_bytes()).into_owned()).collect());
    let has_bar = || memchr::memchr2(b'|', b'>', b).is_some() || WIDE_BARS.iter().any(|f| f.find(b).is_some());
    // (A row of a table starts with its bar and holds figures.)
    // (A header is short: forty characters, 160 bytes at most.)
    if t.len() > 160 || !has_bar() || t.starts_with(['|', '｜']) || b.iter().filter(|c| c.is_ascii_digit()).count() > 2 || char_len(t) > 40 {
        return false;
    }
    let parts: Vec<&str> = t.split(BARS).map(str::trim).filter(|p| !p.is_empty()).collect();
    let model = |p: &str| {
        let b = p.as_bytes();
        (1..b.len()).any(|i| b[i].is_ascii_digit() && (b[i - 1].is_ascii_alphabetic() || b[i - 1] == b' ' && i >= 2 && b[i - 2].is_ascii_alphabetic()))
    };
    parts.len() >= 2
        && parts.iter().all(|p| char_len(p) <= 16 && !p.contains(['，', ',', '。', '：', ':', '！', '？', '!', '?', '、']) && !model(p))
}

/// A number followed by a unit of money or a percent sign.
fn states_an_amount(t: &str) -> bool {
    let b = t.as_bytes();
    b.iter().enumerate().any(|(i, c)| {
        c.is_ascii_digit() && ["万", "亿", "元", "美元", "%", "％"].iter().any(|u| t[i + 1..].trim_start_matches(' ').starts_with(u))
    })
}

/// An item of a list of values: a product's name (with its model number), a
/// colon, then an amount (- A100 80G SXM：6.8 元/小时左右, · RTX 4090 24G：
/// 1.98 元/小时). A run of such items is the article's own list of prices,
/// not a list of links (■英伟达的崛起:从零到占全球显卡销量的80%以上 is a
/// headline: its label names no model).
/// (‧ ASUS ROG Astral：$32,000 至 $33,500: or a name without a model whose
/// value starts with a sum of money.)
fn value_item(line: &str) -> bool {
    line.split_once([':', '：']).is_some_and(|(label, value)| {
        let label = label.trim_start_matches(|c: char| bullet(&c.to_string()) || c.is_whitespace());
        char_len(label) <= 24 && (label.bytes().any(|b| b.is_ascii_digit()) && states_an_amount(value) || starts_with_money(value))
    })
}

/// Whether `value` starts with a sum of money marked by a currency word or
/// sign before it (约 $11,500, US$749, NT$6萬, ¥9999; the lexicon's words
/// before an amount), a qualifier of about before it allowed.
fn starts_with_money(value: &str) -> bool {
    let t = value.trim_start();
    let t = ["大约", "大約", "约", "約"].iter().find_map(|w| t.strip_prefix(w)).unwrap_or(t).trim_start();
    crate::money::word_at_start(t).is_some_and(|(_, len)| t[len..].trim_start().starts_with(|c: char| c.is_ascii_digit()))
}

/// Whether a line is an item of a list: it starts with a bullet, or it is a
/// name, a colon and a value ([`value_item`]).
pub fn list_item(line: &str) -> bool {
    bullet(line) || value_item(line) || numbered(line)
}

/// Whether a line starts with a bullet or an item's number, or is a title
/// in 【】 brackets: how the heading of a section may be marked (1. RTX 3090,
/// ▌A100, 【H20】).
pub fn marked(line: &str) -> bool {
    let t = line.trim();
    bullet(t) || numbered(t) || t.starts_with(['▌', '┃', '|']) || t.starts_with('【') && t.ends_with('】')
}

/// Whether a line starts with the number of an item (1. , 2、, 3）, (4)), not
/// with a figure (10.12首发, 3.5万).
fn numbered(line: &str) -> bool {
    let t = line.trim_start();
    let t = t.strip_prefix(['(', '（']).unwrap_or(t);
    let digits = t.len() - t.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    if digits == 0 || digits > 2 {
        return false;
    }
    let rest = &t[digits..];
    rest.starts_with(['、', ')', '）']) || rest.strip_prefix('.').is_some_and(|r| !r.starts_with(|c: char| c.is_ascii_digit()))
}

fn legal(line: &str) -> bool {
    LEGAL.any(line) || not_advice(line) || (WEAK_LEGAL.any(line) && NOTICE.any(line))
}

/// A paragraph that tells a whole sentence of the article before its legal
/// words (……份额约为50%。(责任编辑:王晓)): article text, the note appended.
fn told_before_legal(line: &str) -> bool {
    let first = [LEGAL.find(line), WEAK_LEGAL.find(line), line.find("不构成").map(|i| i..i)]
        .into_iter()
        .flatten()
        .map(|r| r.start)
        .min()
        .unwrap_or(0);
    let head = &line[..first];
    let sentence = head.rfind(['。', '!', '?', '！', '？']).map_or("", |i| &head[..i]);
    sentence.chars().filter(|&c| super::is_han(c)).count() >= 8
}

/// 不构成……建议: a disclaimer of advice.
fn not_advice(line: &str) -> bool {
    line.contains("不构成") && line.contains("建议")
}

/// Marks the lines (index 0 = line 1; `starts` are their byte offsets) that
/// the byte offsets `found` fall on.
fn lines_at(starts: &[usize], found: impl Iterator<Item = usize>) -> Vec<bool> {
    let mut out = vec![false; starts.len()];
    for at in found {
        out[starts.partition_point(|&s| s <= at) - 1] = true;
    }
    out
}

/// Which lines hold a legal word, from one scan of the whole text: no legal
/// word holds a line break, so a match never crosses lines, and the matches
/// found one after another leave out no line that holds one. A line with a
/// weak legal word only counts when it also speaks of the page ([`legal`]).
/// Each list is searched in parts ([`LEGAL_SCAN`]): a line holds a word of
/// the list when it holds one of a part.
fn legal_word_lines(text: &str, starts: &[usize]) -> Vec<bool> {
    let lines_of = |parts: &[Words]| {
        let mut out = vec![false; starts.len()];
        for part in parts {
            for (k, found) in lines_at(starts, part.find_iter(text).map(|r| r.start)).into_iter().enumerate() {
                out[k] |= found;
            }
        }
        out
    };
    let mut out = lines_of(&LEGAL_SCAN[0]);
    for (k, weak) in lines_of(&LEGAL_SCAN[1]).into_iter().enumerate() {
        if weak && !out[k] {
            let end = starts.get(k + 1).map_or(text.len(), |&e| e - 1);
            out[k] = NOTICE.any(&text[starts[k]..end]);
        }
    }
    out
}

/// A line that reads like a headline: short, no sentence inside.
fn headline_like(line: &str) -> bool {
    let t = line.trim();
    let n = char_len(t);
    n <= 60 && t.matches('。').count() <= 1 && !t.trim_end_matches(['。']).contains('。')
}

/// An item that is a clause of the article's own list, told over a comma
/// and ended by a semicolon or a full stop (- H20单卡渠道价10万出头,八卡整机110万上下;
/// - 4090D首发价12999,现在电商1.3w出头。): a linked headline ends with no
/// such mark.
fn clause_item(line: &str) -> bool {
    let t = line.trim_end();
    t.ends_with([';', '；', '。']) && t.contains([',', '，'])
}

fn tail_marker(line: &str) -> bool {
    let t = line.trim().trim_end_matches([':', '：']);
    // Twelve characters are 48 bytes at most; an empty line holds no marker.
    !t.is_empty() && t.len() <= 12 * 4 && char_len(t) <= 12 && TAIL_MARKERS.any(t)
}

/// A line of linked headlines after a tail marker (相关新闻:……/……): other
/// articles' news, though the loader keeps it (its chips are still named).
pub fn lists_other_headlines(line: &str) -> bool {
    let t = line.trim_start();
    // Only the line's first twelve characters are looked at: a marker opens it.
    let head = &t[..t.char_indices().nth(12).map_or(t.len(), |(i, _)| i)];
    TAIL_MARKERS.find(head).is_some_and(|r| r.start == 0 && t[r.end..].trim_start().starts_with([':', '：']))
}

/// The title of a page: its first line that is not page furniture (menus,
/// buttons, bullets, captions) and reads like a headline (two Han characters
/// or more).
pub fn title(text: &str) -> Option<&str> {
    text.split('\n').map(str::trim).find(|l| {
        let body = l.trim_start_matches(|c: char| c.is_ascii_digit() || c.is_whitespace() || bullet(&c.to_string()));
        body.chars().filter(|&c| super::is_han(c)).count() >= 2
            && !caption(l)
            && !navigation(l)
            && !legal(l)
            && !(bullet(l) && char_len(body) < 4)
    })
}

/// Why a line was set aside as outside the article body.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Reason {
    /// A picture caption or file name.
    Caption,
    /// A short line of menu words and buttons.
    Navigation,
    /// A copyright, licensing or disclaimer line.
    Legal,
    /// An item of a list of links (two or more bulleted headlines).
    LinkList,
    /// After a marker such as 相关阅读 that opens the tail of the page.
    Tail,
    /// A line of tags or keywords (标签: 美国 出口限制 贸易许可证).
    Tags,
}

/// Marks each line (index 0 = line 1) that is outside the article body.
pub fn boilerplate_lines(text: &str) -> Vec<bool> {
    let (lines, starts) = super::lines_with_starts(text);
    boilerplate_lines_of(text, &lines, &starts)
}

/// [`boilerplate_lines`] with the lines of `text` and their byte offsets
/// ([`super::lines_with_starts`]) already split.
pub fn boilerplate_lines_of(text: &str, lines: &[&str], starts: &[usize]) -> Vec<bool> {
    reasons_of(text, lines, starts).into_iter().map(|r| r.is_some()).collect()
}

/// Each line (index 0 = line 1) that is outside the article body, with why.
pub fn boilerplate_reasons(text: &str) -> Vec<Option<Reason>> {
    let (lines, starts) = super::lines_with_starts(text);
    reasons_of(text, &lines, &starts)
}

fn reasons_of(text: &str, lines: &[&str], starts: &[usize]) -> Vec<Option<Reason>> {
    let legal_words = legal_word_lines(text, &starts);
    // Lines with 不构成, from one scan of the whole text: most lines have none.
    let bu_gou_cheng = lines_at(&starts, memchr::memmem::find_iter(text.as_bytes(), "不构成"));
    let mut out: Vec<Option<Reason>> = lines
        .iter()
        .enumerate()
        .map(|(k, l)| {
            // An empty line (a third of the lines of a page) is none of them:
            // no word or shape fits in it.
            if l.is_empty() {
                None
            } else if caption(l) {
                Some(Reason::Caption)
            } else if navigation(l) {
                Some(Reason::Navigation)
            } else if tags(l) {
                Some(Reason::Tags)
            } else if l.len() <= 400 * 4
                && (legal_words[k] || (bu_gou_cheng[k] && not_advice(l)))
                && char_len(l.trim()) <= 400
                && !told_before_legal(l)
            {
                Some(Reason::Legal)
            } else {
                None
            }
        })
        .collect();

    // Runs of two or more bulleted headline-like lines (blank lines between
    // them do not break the run) are link lists.
    let mut i = 0;
    while i < lines.len() {
        if bullet(lines[i]) && headline_like(lines[i]) {
            let mut items = vec![i];
            let mut j = i + 1;
            while j < lines.len() {
                if lines[j].trim().is_empty() {
                    j += 1;
                } else if bullet(lines[j]) && headline_like(lines[j]) {
                    items.push(j);
                    j += 1;
                } else {
                    break;
                }
            }
            // (Not where most items are values, a list of prices or shares,
            // or clauses of the article's own, ended as clauses are.)
            let values = items.iter().filter(|&&k| value_item(lines[k]) || clause_item(lines[k])).count();
            if items.len() >= 2 && values * 2 < items.len() {
                for k in items {
                    out[k].get_or_insert(Reason::LinkList);
                }
            }
            i = j;
        } else {
            i += 1;
        }
    }

    // A tail marker in the second half of the page ends the article; a
    // heading of readers' comments after it opens text that is read again
    // (网友评论（36）: readers tell what they paid), until the next marker.
    let half = lines.len() / 2;
    if let Some(m) = (half..lines.len()).find(|&k| tail_marker(lines[k])) {
        let mut tail = true;
        for k in m..lines.len() {
            if tail_marker(lines[k]) {
                tail = true;
            } else if comment_heading(lines[k]) {
                tail = false;
                out[k].get_or_insert(Reason::Navigation);
                continue;
            }
            if tail {
                out[k].get_or_insert(Reason::Tail);
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn related_link_lists_are_boilerplate() {
        let text = "正文第一段,英伟达市占率高达88%。\n\n    ■英伟达悄然垄断算力:人工智能背后的新帝国\n\n    ■英伟达的崛起:从零到占全球显卡销量的80%以上\n\n正文又一段。";
        let b = boilerplate_lines(text);
        assert_eq!(b, vec![false, false, true, false, true, false, false]);
    }

    #[test]
    fn a_bulleted_list_of_prices_is_the_article() {
        let text = "价格大致如下：\n- A100 80G SXM：6.8 元/小时左右\n- H20 96G：只租包月，约 7000 元/卡/月\n- RTX 4090 24G：1.98元/小时\n正文。";
        assert_eq!(boilerplate_lines(text), vec![false; 5]);
        // A list of links whose headlines tell amounts is still a list of links.
        let text = "正文。\n■英伟达的崛起:从零到占全球显卡销量的80%以上\n■延伸阅读:黄仁勋GTC大会下周登场 B100成焦点/台积电2月营收1816亿元\n正文。";
        assert_eq!(boilerplate_lines(text), vec![false, true, true, false]);
    }

    #[test]
    fn a_bulleted_list_of_clauses_is_the_article() {
        // Items told over commas and ended by semicolons or full stops.
        let text = "询了一圈卡,记录一下:\n- H20单卡渠道价10万出头,八卡整机110万上下;\n- 4090D首发价12999,现在电商1.3w出头;\n- 租卡按量大概2块钱一小时,包月一千二左右。\n正文。";
        assert_eq!(boilerplate_lines(text), vec![false; 5]);
        let text = "要点：\n● 英伟达第二季营收创新高，数据中心业务贡献八成。\n● 超微MI300X出货放量，市占率升至一成。\n正文。";
        assert_eq!(boilerplate_lines(text), vec![false; 4]);
        // Headlines with a comma inside but no end mark are still links.
        let text = "正文。\n■ 英伟达H20在华销量大增，价格上涨\n■ 华为昇腾910C量产，良率提升\n正文。";
        assert_eq!(boilerplate_lines(text), vec![false, true, true, false]);
    }

    #[test]
    fn a_single_bullet_point_in_the_body_is_kept() {
        let text = "- 2023年10月,A800被禁止向中国出口\n正文";
        assert_eq!(boilerplate_lines(text), vec![false, false]);
    }

    #[test]
    fn captions_navigation_and_legal_lines_are_boilerplate() {
        assert!(caption("图源:NVIDIA官网"));
        assert!(caption("(图片来源:摄图网)"));
        assert!(caption("    中经联合各大友情媒体单位.jpg"));
        assert!(!caption("图灵奖得主认为,英伟达的H100价格过高"));
        assert!(caption("▲英伟达H100芯片"));
        assert!(caption("图为英伟达在GTC大会上发布的B200芯片"));
        assert!(caption("黄仁勋在发布会上 新华社记者 摄"));
        assert!(navigation("1• 加入收藏| 设为首页| 分享| 网站地图"));
        assert!(navigation("打开APP"));
        // Site headers and breadcrumbs: short parts split by bars or arrows.
        assert!(navigation("美国中文网 Sinovision ｜ 财经 ｜ 科技"));
        assert!(navigation("HiStock 嗨投資理財社群　｜　首頁 > 社群 > 熱門文章"));
        assert!(navigation("UNIKO's Hardware | 硬体新闻 评测 科技 游戏"));
        assert!(navigation("哔哩哔哩bilibili › 知识 › 科学科普"));
        // A headline with a column label, or one naming a model, is no breadcrumb.
        assert!(!navigation("独家｜英伟达H20在华售价上涨，渠道称一卡难求"));
        assert!(!navigation("芯片禁令｜英伟达A800停售"));
        assert!(!navigation("深度 | RTX 5090 首发评测"));
        assert!(!navigation("| H100 | 8.5-11元/小时 | 6500元/月 |"));
        assert!(!navigation("H20 ｜ 3.5-4.5元 ｜ 2400元"));
        assert!(!navigation("英伟达市占率高达88%,AMD分享剩下的部分,这是一段很长的正文句子。"));
        assert!(legal("免责声明:上述内容仅代表发帖人个人观点,不构成本平台的任何投资建议。"));
        assert!(legal("【本文由投资界合作伙伴36氪授权发布,本平台仅提供信息存储服务。】"));
    }

    #[test]
    fn a_paragraph_with_a_legal_note_appended_is_article_text() {
        let text = "标题\n英伟达在中国AI芯片市场的份额约为50%。(责任编辑:王晓)\n本文来源:财联社。转载请注明出处。\n免责声明:本文仅代表作者观点,不构成投资建议。\n";
        assert_eq!(boilerplate_reasons(text), vec![None, None, Some(Reason::Legal), Some(Reason::Legal), None]);
        assert!(told_before_legal("H20的渠道报价已降至10万元左右。责任编辑:刘艺文"));
        assert!(!told_before_legal("责任编辑:刘艺文"));
    }

    #[test]
    fn tag_and_keyword_lines_are_boilerplate() {
        assert!(tags("标签: 美国 马来西亚 高性能AI芯片 出口限制 贸易许可证"));
        assert!(tags("关键词：英伟达  H20  出口管制"));
        assert!(tags("Tags: NVIDIA, H20".replace(',', " ").as_str()));
        // A sentence that opens with the word is article text.
        assert!(!tags("关键词:出口管制。美国商务部10月17日公布了新规,A800被纳入管制。"));
        assert!(!tags("标签化的“特供版”芯片,正在失去中国客户"));
        let text = "英伟达H20恢复供货\n正文第一句。\n标签: 美国 出口限制 贸易许可证\n";
        assert_eq!(boilerplate_reasons(text), vec![None, None, Some(Reason::Tags), None]);
    }

    #[test]
    fn one_scan_finds_every_line_with_a_legal_word() {
        assert!(list("page.legal").iter().all(|w| !w.contains('\n')));
        let text = "正文第一段。\n免责声明:本文仅代表作者观点\n\nCopyright © 2024 版权所有\n英伟达转载\n正文。";
        let lines: Vec<&str> = text.split('\n').collect();
        let starts: Vec<usize> = lines.iter().map(|l| l.as_ptr() as usize - text.as_ptr() as usize).collect();
        let one_by_one: Vec<bool> = lines.iter().map(|l| legal(l)).collect();
        assert_eq!(legal_word_lines(text, &starts), one_by_one);
        assert_eq!(one_by_one, vec![false, true, false, true, false, false]);
        assert_eq!(boilerplate_lines(text), one_by_one);
        let text = "正文。\n以上内容不构成投资建议\n不构成威胁的建议,\n建议不构成";
        assert_eq!(boilerplate_lines(text), vec![false, true, true, true]);
    }

    #[test]
    fn a_sentence_holding_a_legal_or_menu_word_is_kept() {
        // Judged by shape: a word of notices inside an article sentence.
        let text = "据多家媒体转载的消息,英伟达A800售价约12万元。\n以上价格仅供参考的说法并不准确,H20实际成交价更高。\nH20售价1.2万美元,更多厂商关注\n推荐使用昇腾910B的厂商占比超过三成\n新规禁止任何芯片未经许可出售给华为。\n未经授权,英伟达不得向中国客户交付H20。";
        assert_eq!(boilerplate_reasons(text), vec![None, None, None, None, None, None]);
        // The notices themselves still go.
        let text = "正文。\n本文仅代表作者个人观点,不代表本站立场。\n转载请注明出处\n文章转载自网络,如有侵权请联系删除\n更多 | 关注我们 | 推荐\n未经许可,不得转载。\n未经授权,任何人不得使用本站内容。";
        assert_eq!(
            boilerplate_reasons(text),
            vec![
                None,
                Some(Reason::Legal),
                Some(Reason::Legal),
                Some(Reason::Legal),
                Some(Reason::Navigation),
                Some(Reason::Legal),
                Some(Reason::Legal)
            ]
        );
    }

    #[test]
    fn the_title_skips_menus_and_buttons() {
        assert_eq!(title("打开APP\n\n围剿英伟达\n\n正文。"), Some("围剿英伟达"));
        assert_eq!(
            title("1• 加入收藏| 设为首页| 分享| 网站地图\n\n\n  • 1\n\n    大模型热到芯片暴涨,阿里百度成了英伟达的打工仔\n"),
            Some("大模型热到芯片暴涨,阿里百度成了英伟达的打工仔")
        );
        assert_eq!(title("算力狂欢,谁是“中国版”英伟达?\n**来源:**芯潮IC"), Some("算力狂欢,谁是“中国版”英伟达?"));
        assert_eq!(title("\n\n"), None);
    }

    #[test]
    fn readers_comments_after_the_tail_are_read() {
        let body = "正文一。\n正文二。\n正文三。\n正文四。\n";
        for heading in ["评论(4)", "网友评论（36）", "热门留言", "全部评论 12条", "精彩评论:"] {
            let text = format!("{body}相关文章\n《从H20到B30A》\n{heading}\n网友A:4090现在两万三左右一张\n");
            assert_eq!(boilerplate_lines(&text), vec![false, false, false, false, true, true, true, false, false], "{heading}");
        }
        // Another marker after the comments ends them.
        let text = format!("{body}{body}相关阅读\n某新闻\n评论（3）\n老张:V100包月8000\n推荐阅读\n某新闻\n");
        assert_eq!(boilerplate_lines(&text)[8..], [true, true, true, false, true, true, true]);
        // A sentence that speaks of comments is no heading.
        assert!(!comment_heading("网友评论称价格太贵了"));
        assert!(!comment_heading("评论员"));
        assert!(comment_heading("网友留言 (3)"));
    }

    #[test]
    fn a_tail_marker_late_in_the_page_ends_the_article() {
        let mut text = String::new();
        for i in 0..10 {
            text.push_str(&format!("正文第{i}段。\n"));
        }
        text.push_str("相关资讯\n芯片半导体数据总览\n");
        let b = boilerplate_lines(&text);
        assert!(!b[9]);
        assert!(b[10] && b[11]);
        // Early in the page the same words are a menu item, not the tail.
        let b = boilerplate_lines("相关资讯\n正文。\n正文。\n正文。");
        assert!(!b[1]);
        // Portals' and Taiwan sites' markers (after t2s), with a colon.
        for marker in ["大家都在看", "你可能感兴趣:", "相关报道", "热门新闻", "你可能也喜欢"] {
            let text = format!("正文一。\n正文二。\n正文三。\n{marker}\n美国拟进一步限制H20出口\n");
            assert_eq!(boilerplate_lines(&text), vec![false, false, false, true, true, true], "{marker}");
        }
    }
}

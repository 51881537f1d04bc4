//! HTML to text: tags dropped, `script`/`style` (and other non-content
//! elements) dropped with their content, entities decoded, block elements
//! turned into line breaks, whitespace collapsed as a browser would (except
//! in `pre`). Each output line remembers the source line its text starts on.
//!
//! One pass over the input, no DOM; malformed markup degrades to text.

/// Text and, for each output line, the 1-based source line it starts on.
#[derive(Debug, PartialEq, Eq)]
pub struct HtmlText {
    pub text: String,
    pub line_map: Vec<u32>,
}

/// Elements whose content is not text.
const SKIPPED: &[&str] = &[
    "script", "style", "template", "title", "noscript", "svg", "math", "iframe", "object",
];

/// Elements that start or end a line.
const BLOCKS: &[&str] = &[
    "address",
    "article",
    "aside",
    "blockquote",
    "body",
    "br",
    "caption",
    "dd",
    "details",
    "dialog",
    "div",
    "dl",
    "dt",
    "fieldset",
    "figcaption",
    "figure",
    "footer",
    "form",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hgroup",
    "hr",
    "html",
    "legend",
    "li",
    "main",
    "nav",
    "ol",
    "option",
    "p",
    "pre",
    "section",
    "summary",
    "table",
    "tbody",
    "td",
    "tfoot",
    "th",
    "thead",
    "tr",
    "ul",
];

/// Whether a text looks like an HTML document (for inputs without an
/// `.html` extension, e.g. stdin).
pub fn looks_like_html(text: &str) -> bool {
    let head = text.trim_start_matches(['\u{FEFF}', ' ', '\t', '\n', '\r']);
    let head = &head.as_bytes()[..head.len().min(15)];
    let lower: Vec<u8> = head.to_ascii_lowercase();
    lower.starts_with(b"<!doctype html") || lower.starts_with(b"<html")
}

struct Builder {
    text: String,
    line_map: Vec<u32>,
    /// Output line in progress has text.
    line_has_text: bool,
    /// A collapsed space is pending before the next text.
    space: bool,
    /// Source line of the current position.
    src_line: u32,
    pre: usize,
}

impl Builder {
    fn push_text(&mut self, s: &str) {
        for c in s.chars() {
            self.push_char(c);
        }
    }

    fn push_char(&mut self, c: char) {
        if self.pre > 0 {
            if c == '\n' {
                self.break_line(true);
            } else {
                self.start_line();
                self.text.push(c);
            }
            return;
        }
        if matches!(c, ' ' | '\t' | '\n' | '\r' | '\x0C') {
            self.space = self.line_has_text;
            return;
        }
        self.start_line();
        if self.space {
            self.text.push(' ');
            self.space = false;
        }
        self.text.push(c);
    }

    fn start_line(&mut self) {
        if !self.line_has_text {
            self.line_has_text = true;
            self.line_map.push(self.src_line);
        }
    }

    /// Ends the current line; `force` also makes empty lines (`<br><br>`, pre).
    fn break_line(&mut self, force: bool) {
        if self.line_has_text {
            self.text.push('\n');
            self.line_has_text = false;
        } else if force && !self.text.is_empty() {
            self.text.push('\n');
            self.line_map.push(self.src_line);
        }
        self.space = false;
    }
}

/// Converts HTML (line endings already LF) to text lines.
pub fn to_text(src: &str) -> HtmlText {
    let mut b = Builder {
        text: String::with_capacity(src.len() / 2),
        line_map: Vec::new(),
        line_has_text: false,
        space: false,
        src_line: 1,
        pre: 0,
    };
    let bytes = src.as_bytes();
    // Skipped elements known to have no end tag further on (keeps many
    // unclosed <svg> linear).
    let mut unclosed: Vec<String> = Vec::new();
    // No tag starts after the last '>' (keeps a text full of '<' linear).
    let last_gt = memchr::memrchr(b'>', bytes).unwrap_or(0);
    let mut i = 0;
    while i < bytes.len() {
        // Text up to the next markup or entity.
        let next = memchr::memchr2(b'<', b'&', &bytes[i..]).map_or(bytes.len(), |n| i + n);
        if next > i {
            push_counting(&mut b, &src[i..next]);
            i = next;
            continue;
        }
        if bytes[i] == b'&' {
            let (decoded, len) = entity(&src[i..]);
            match decoded {
                Some(s) => b.push_text(s.as_str()),
                None => b.push_char('&'),
            }
            i += len;
            continue;
        }
        // bytes[i] == b'<'
        let rest = &src[i..];
        if let Some(comment) = rest.strip_prefix("<!--") {
            let end = comment.find("-->").map_or(rest.len(), |n| n + 7);
            b.src_line += count_lines(&rest[..end]);
            i += end;
        } else if rest.starts_with("<!") || rest.starts_with("<?") {
            let end = memchr::memchr(b'>', rest.as_bytes()).map_or(rest.len(), |n| n + 1);
            b.src_line += count_lines(&rest[..end]);
            i += end;
        } else if let Some(tag) = (i < last_gt).then(|| parse_tag(rest)).flatten() {
            b.src_line += count_lines(&rest[..tag.len]);
            i += tag.len;
            let name = tag.name.as_str();
            if !tag.closing && SKIPPED.contains(&name) && !tag.self_closing {
                // Skip to the matching end tag (raw text for script/style).
                // Without one, only the tag itself is dropped: an unclosed
                // <title> must not swallow the article.
                let body = &src[i..];
                if unclosed.iter().any(|u| u == name) {
                    continue;
                }
                match find_end_tag(body, name) {
                    Some(end) => {
                        b.src_line += count_lines(&body[..end]);
                        i += end;
                    }
                    None => unclosed.push(tag.name.clone()),
                }
                continue;
            }
            if name == "pre" {
                b.break_line(false);
                if tag.closing {
                    b.pre = b.pre.saturating_sub(1);
                } else {
                    b.pre += 1;
                }
            } else if name == "br" {
                b.break_line(true);
            } else if BLOCKS.contains(&name) {
                b.break_line(false);
            }
        } else {
            // A lone '<' ("a < b") is text.
            b.push_char('<');
            i += 1;
        }
    }
    if b.line_has_text {
        b.text.push('\n');
    }
    HtmlText {
        text: b.text,
        line_map: b.line_map,
    }
}

fn push_counting(b: &mut Builder, s: &str) {
    let mut rest = s;
    while let Some(n) = memchr::memchr(b'\n', rest.as_bytes()) {
        b.push_text(&rest[..n]);
        b.push_char('\n');
        b.src_line += 1;
        rest = &rest[n + 1..];
    }
    b.push_text(rest);
}

fn count_lines(s: &str) -> u32 {
    memchr::memchr_iter(b'\n', s.as_bytes()).count() as u32
}

struct Tag {
    name: String,
    closing: bool,
    self_closing: bool,
    len: usize,
}

/// Parses `<name attr="...">` or `</name>` at the start of `s`; quoted
/// attribute values may hold `>`.
fn parse_tag(s: &str) -> Option<Tag> {
    let b = s.as_bytes();
    let mut i = 1;
    let closing = b.get(1) == Some(&b'/');
    if closing {
        i += 1;
    }
    let start = i;
    while i < b.len() && (b[i].is_ascii_alphanumeric() || b[i] == b'-' || b[i] == b':') {
        i += 1;
    }
    if i == start || !b[start].is_ascii_alphabetic() {
        return None;
    }
    let name = s[start..i].to_ascii_lowercase();
    let tag = |end: usize| {
        let self_closing = b[end - 1] == b'/';
        Some(Tag {
            name: name.clone(),
            closing,
            self_closing,
            len: end + 1,
        })
    };
    // Quoted attribute values may hold '>'; an unbalanced quote falls back to
    // the first '>' (bounded, so bad markup stays linear).
    let mut quote = None;
    for (j, &c) in b.iter().enumerate().skip(i).take(4096) {
        match (quote, c) {
            (None, b'"' | b'\'') => quote = Some(c),
            (Some(q), c) if c == q => quote = None,
            (None, b'>') => return tag(j),
            _ => {}
        }
    }
    let end = memchr::memchr(b'>', &b[i..])? + i;
    tag(end)
}

/// Offset just past `</name ...>` in `body` (case-insensitive).
fn find_end_tag(body: &str, name: &str) -> Option<usize> {
    let b = body.as_bytes();
    let n = name.len();
    for at in memchr::memmem::find_iter(b, b"</") {
        let after = &b[at + 2..];
        if after.len() >= n
            && after[..n].eq_ignore_ascii_case(name.as_bytes())
            && after.get(n).is_none_or(|c| !c.is_ascii_alphanumeric())
        {
            return Some(memchr::memchr(b'>', &b[at..]).map_or(b.len(), |e| at + e + 1));
        }
    }
    None
}

/// Decodes the entity at the start of `s` (which starts with `&`): the text
/// and the bytes consumed; `None` when it is not an entity (a literal `&`).
fn entity(s: &str) -> (Option<String>, usize) {
    let b = s.as_bytes();
    let end = b.iter().take(40).position(|&c| c == b';');
    let Some(end) = end else { return (None, 1) };
    let body = &s[1..end];
    if let Some(num) = body.strip_prefix('#') {
        let value = match num.strip_prefix(['x', 'X']) {
            Some(hex) => u32::from_str_radix(hex, 16).ok(),
            None => num.parse::<u32>().ok(),
        };
        return match value {
            Some(v) => {
                let c = match v {
                    0 => '\u{FFFD}',
                    0x80..=0x9F => windows_1252(v),
                    _ => char::from_u32(v).unwrap_or('\u{FFFD}'),
                };
                (Some(c.to_string()), end + 1)
            }
            None => (None, 1),
        };
    }
    let c = match body {
        "nbsp" => "\u{A0}",
        "amp" => "&",
        "lt" => "<",
        "gt" => ">",
        "quot" => "\"",
        "apos" => "'",
        "copy" => "©",
        "reg" => "®",
        "trade" => "™",
        "middot" => "·",
        "bull" => "•",
        "hellip" => "…",
        "mdash" => "—",
        "ndash" => "–",
        "lsquo" => "‘",
        "rsquo" => "’",
        "ldquo" => "“",
        "rdquo" => "”",
        "laquo" => "«",
        "raquo" => "»",
        "times" => "×",
        "divide" => "÷",
        "yen" => "¥",
        "euro" => "€",
        "pound" => "£",
        "cent" => "¢",
        "deg" => "°",
        "plusmn" => "±",
        "permil" => "‰",
        "ensp" | "emsp" | "thinsp" => " ",
        "zwj" | "zwnj" | "shy" => "",
        _ => return (None, 1),
    };
    (Some(c.to_string()), end + 1)
}

/// Numeric references 0x80..0x9F mean windows-1252 in HTML.
fn windows_1252(v: u32) -> char {
    let b = [v as u8];
    encoding_rs::WINDOWS_1252
        .decode_without_bom_handling(&b)
        .0
        .chars()
        .next()
        .unwrap_or('\u{FFFD}')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn article_page_becomes_lines_with_their_source_lines() {
        let html = "<!DOCTYPE html>\n<html><head><title>标题</title>\n<style>p { color: red }</style>\n</head>\n<body>\n<h1>国产大模型的路更难走了</h1>\n<p>英伟达A800芯片价格应声上涨,\n至10月20日&nbsp;已涨至约30万元。</p>\n<script>var s = \"<p>不是正文</p>\";</script>\n<div>美国商务部工业与安全局&#40;BIS&#41;出台新规&amp;限制<br>第二行</div>\n</body></html>\n";
        let t = to_text(html);
        assert_eq!(
            t.text,
            "国产大模型的路更难走了\n英伟达A800芯片价格应声上涨, 至10月20日\u{A0}已涨至约30万元。\n美国商务部工业与安全局(BIS)出台新规&限制\n第二行\n"
        );
        assert_eq!(t.line_map, vec![6, 7, 10, 10]);
    }

    #[test]
    fn pre_keeps_lines_and_malformed_markup_is_text() {
        let t = to_text("<pre>一\n\n二</pre>a < b &unknown; R&D <p x='>'>三");
        assert_eq!(t.text, "一\n\n二\na < b &unknown; R&D\n三\n");
        assert_eq!(t.line_map, vec![1, 2, 3, 3, 3]);
    }

    #[test]
    fn sniffs_html() {
        assert!(looks_like_html("\n<!doctype html><p>x"));
        assert!(looks_like_html("<HTML>"));
        assert!(!looks_like_html("英伟达 <b>"));
    }

    proptest::proptest! {
        /// Markup soup: no panic, one map entry per line, map within the source.
        #[test]
        fn any_markup_maps_every_line(parts in proptest::collection::vec(proptest::sample::select(vec![
            "<p>", "</p>", "<br>", "<div class='a>b'>", "</div>", "<script>", "</script>", "<style>", "<!--", "-->",
            "&amp;", "&#x4e2d;", "&#0;", "&bogus;", "&", "<", ">", "\n", " ", "英伟达", "国产", "<pre>", "</pre>",
            "<title>", "<svg>", "\"", "'", "<!doctype html>", "<td>", "&nbsp;",
        ]), 0..60)) {
            let src: String = parts.concat();
            let t = to_text(&src);
            let lines = t.text.matches('\n').count();
            proptest::prop_assert_eq!(t.line_map.len(), lines);
            let src_lines = src.matches('\n').count() as u32 + 1;
            proptest::prop_assert!(t.line_map.iter().all(|&l| l >= 1 && l <= src_lines));
            proptest::prop_assert!(t.line_map.windows(2).all(|w| w[0] <= w[1]));
        }
    }
}

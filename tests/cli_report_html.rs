//! `chipscan report --format html` (issue 14) through the real binary: the
//! page is self-contained, each chart has the marks its data implies, text
//! from articles never becomes markup, empty and one-record inputs give
//! readable pages, `-o` and exit codes; then the same page as headless
//! Chromium sees it (DOM and a screenshot), skipped with a message when
//! Chromium is not installed.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command as StdCommand;

use assert_cmd::Command;
use serde_json::Value;

const ROOT: &str = env!("CARGO_MANIFEST_DIR");

fn chipscan() -> Command {
    let mut c = Command::cargo_bin("chipscan").unwrap();
    c.current_dir(ROOT)
        .env_remove("COLUMNS")
        .env_remove("NO_COLOR");
    c
}

fn run(args: &[&str]) -> (i32, String, String) {
    let out = chipscan().arg("report").args(args).output().unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn html(args: &[&str]) -> String {
    let mut all = args.to_vec();
    all.extend(["--format", "html"]);
    let (code, out, err) = run(&all);
    assert_eq!(code, 0, "{args:?}: {err}");
    out
}

fn json(args: &[&str]) -> Value {
    let mut all = args.to_vec();
    all.extend(["--format", "json"]);
    let (code, out, err) = run(&all);
    assert_eq!(code, 0, "{args:?}: {err}");
    serde_json::from_str(&out).unwrap()
}

// ---- A tokenizer for the page and for Chromium's serialized DOM ----------

/// An element as a tokenizer sees it: its name, its attributes and the
/// `<figure id=...>` it stands in.
#[derive(Debug, Clone)]
struct El {
    name: String,
    attrs: Vec<(String, String)>,
    figure: Option<String>,
}

impl El {
    fn attr(&self, name: &str) -> Option<&str> {
        self.attrs
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    }
}

/// The start tags of an HTML text, as the HTML tokenizer reads them (text
/// in which every `<` is escaped, attribute values quoted or not, comments,
/// the doctype, and the raw text of `<style>` and `<script>` skipped). Any
/// markup that text from an article brought in shows up here as an element
/// or an attribute.
fn elements(html: &str) -> Vec<El> {
    let b = html.as_bytes();
    let mut i = 0;
    let mut out = Vec::new();
    let mut figure: Option<String> = None;
    let name_end = |i: &mut usize| {
        let s = *i;
        while *i < b.len() && !b[*i].is_ascii_whitespace() && b[*i] != b'>' && b[*i] != b'/' {
            *i += 1;
        }
        html[s..*i].to_ascii_lowercase()
    };
    while let Some(off) = html[i..].find('<') {
        i += off + 1;
        if html[i..].starts_with("!--") {
            i = html[i..].find("-->").map_or(b.len(), |e| i + e + 3);
            continue;
        }
        if html[i..].starts_with('!') || html[i..].starts_with('?') {
            i = html[i..].find('>').map_or(b.len(), |e| i + e + 1);
            continue;
        }
        if html[i..].starts_with('/') {
            i += 1;
            let name = name_end(&mut i);
            if name == "figure" {
                figure = None;
            }
            i = html[i..].find('>').map_or(b.len(), |e| i + e + 1);
            continue;
        }
        if i >= b.len() || !b[i].is_ascii_alphabetic() {
            continue; // a bare `<` in text is text
        }
        let name = name_end(&mut i);
        let mut attrs = Vec::new();
        loop {
            while i < b.len() && (b[i].is_ascii_whitespace() || b[i] == b'/') {
                i += 1;
            }
            if i >= b.len() || b[i] == b'>' {
                i += 1;
                break;
            }
            let s = i;
            while i < b.len() && !b[i].is_ascii_whitespace() && !matches!(b[i], b'=' | b'>' | b'/')
            {
                i += 1;
            }
            let key = html[s..i].to_ascii_lowercase();
            while i < b.len() && b[i].is_ascii_whitespace() {
                i += 1;
            }
            let mut value = String::new();
            if i < b.len() && b[i] == b'=' {
                i += 1;
                while i < b.len() && b[i].is_ascii_whitespace() {
                    i += 1;
                }
                if i < b.len() && (b[i] == b'"' || b[i] == b'\'') {
                    let q = b[i] as char;
                    let e = html[i + 1..].find(q).map_or(b.len(), |e| i + 1 + e);
                    value = html[i + 1..e].to_string();
                    i = e + 1;
                } else {
                    let s = i;
                    while i < b.len() && !b[i].is_ascii_whitespace() && b[i] != b'>' {
                        i += 1;
                    }
                    value = html[s..i].to_string();
                }
            }
            attrs.push((key, value));
        }
        if name == "figure" {
            figure = attrs
                .iter()
                .find(|(k, _)| k == "id")
                .map(|(_, v)| v.clone());
        }
        if name == "style" || name == "script" {
            let close = format!("</{name}");
            i = html[i..].find(&close).map_or(b.len(), |e| i + e);
        }
        out.push(El {
            name,
            attrs,
            figure: figure.clone(),
        });
    }
    out
}

/// Elements of one chart (`<figure id="{id}-chart">`) with this name,
/// without the hit areas laid over the marks.
fn marks<'a>(els: &'a [El], chart: &str, name: &str) -> Vec<&'a El> {
    let fig = format!("{chart}-chart");
    els.iter()
        .filter(|e| e.figure.as_deref() == Some(fig.as_str()) && e.name == name)
        .filter(|e| e.attr("class") != Some("hit"))
        .collect()
}

/// The links laid over a chart's marks, by the row they point to.
fn links(els: &[El], chart: &str) -> Vec<String> {
    let fig = format!("{chart}-chart");
    els.iter()
        .filter(|e| e.figure.as_deref() == Some(fig.as_str()) && e.name == "a")
        .filter_map(|e| e.attr("href").map(str::to_string))
        .collect()
}

/// What each chart of a page should hold, from `--format json` of the same
/// input: (price points, move arrows, share bars, timeline dots, heatmap
/// cells).
fn expected_marks(report: &Value) -> (usize, usize, usize, usize, usize) {
    let prices = report["prices"].as_array().unwrap();
    let charted: Vec<&Value> = prices
        .iter()
        .filter(|p| {
            !p["date"].is_null()
                && p["basis"] == "unit"
                && ["CNY", "USD"].contains(&p["price"]["currency"].as_str().unwrap())
        })
        .collect();
    let chips: std::collections::BTreeSet<&str> = charted
        .iter()
        .map(|p| p["chip"].as_str().unwrap())
        .collect();
    assert!(chips.len() <= 6, "every chip gets a series in this input");
    let arrows = charted.iter().filter(|p| !p["before"].is_null()).count();
    let shares = report["shares"].as_array().unwrap().len();
    let dots = report["export_controls"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["dates"].as_array().unwrap().len())
        .sum();
    let m = &report["chips"];
    let cells =
        m["rows"].as_array().unwrap().len().min(30) * m["documents"].as_array().unwrap().len();
    (charted.len() + arrows, arrows, shares, dots, cells)
}

/// Checks the marks of each chart of the seed corpus page against its data.
fn check_corpus_marks(els: &[El], report: &Value) {
    let (points, arrows, bars, dots, cells) = expected_marks(report);
    // The seed corpus has quotes, moves and events dated differently by their
    // sources, so every kind of mark is there to count.
    assert!(
        arrows > 0 && points > 2 * arrows,
        "{points} points, {arrows} moves"
    );
    assert_eq!(marks(els, "prices", "circle").len(), points);
    assert_eq!(
        marks(els, "prices", "polygon").len(),
        arrows,
        "an arrowhead per move"
    );
    assert_eq!(
        links(els, "prices").len(),
        points,
        "every point links to its row"
    );
    // A background and a bar per claim.
    assert_eq!(marks(els, "shares", "rect").len(), 1 + bars);
    assert_eq!(links(els, "shares").len(), bars);
    assert_eq!(marks(els, "export-controls", "circle").len(), dots);
    let events = report["export_controls"].as_array().unwrap();
    assert!(
        events
            .iter()
            .any(|e| e["dates"].as_array().unwrap().len() > 1),
        "an event its sources date differently: a dot per date"
    );
    // A background and a cell per chip and document.
    assert_eq!(marks(els, "chips", "rect").len(), 1 + cells);
    // Every link goes to a row of the page.
    let ids: std::collections::BTreeSet<String> = els
        .iter()
        .filter_map(|e| e.attr("id").map(|id| format!("#{id}")))
        .collect();
    for chart in ["prices", "shares", "export-controls", "chips"] {
        for href in links(els, chart) {
            assert!(ids.contains(&href), "{chart}: {href} points nowhere");
        }
    }
}

#[test]
fn the_page_is_self_contained() {
    let page = html(&["corpus"]);
    assert!(page.starts_with("<!DOCTYPE html>"));
    let els = elements(&page);
    for e in &els {
        assert!(
            ![
                "script", "link", "img", "iframe", "object", "embed", "image", "use"
            ]
            .contains(&e.name.as_str()),
            "{e:?}"
        );
        for (k, v) in &e.attrs {
            assert!(!k.starts_with("on") && k != "src", "{e:?}");
            if k == "href" {
                assert!(v.starts_with('#'), "only links within the page: {e:?}");
            }
            if k == "xmlns" {
                assert_eq!(v, "http://www.w3.org/2000/svg", "a namespace, not a fetch");
            }
        }
    }
    assert!(!page.contains("url(") && !page.contains("@import"));
    // A policy that forbids scripts and fetches even if something slipped in.
    assert!(page.contains("default-src 'none'"));
    for id in ["prices", "shares", "export-controls", "chips", "documents"] {
        assert!(els.iter().any(|e| e.attr("id") == Some(id)), "section {id}");
    }
}

#[test]
fn each_chart_has_the_marks_of_its_data() {
    let page = html(&["corpus"]);
    check_corpus_marks(&elements(&page), &json(&["corpus"]));
}

#[test]
fn tables_carry_evidence_and_source_on_hover() {
    let page = html(&["corpus"]);
    let els = elements(&page);
    // The A800 quote of D5:5: its row shows the file, line and sentence.
    let row = els
        .iter()
        .filter(|e| e.name == "tr" && e.attr("id").is_some_and(|id| id.starts_with("price-")))
        .find(|e| {
            e.attr("title")
                .is_some_and(|t| t.contains("以单个近8万元的价格"))
        })
        .expect("the row of the A800 quote of D5:5");
    let title = row.attr("title").unwrap();
    assert!(title.starts_with("A800 2023-04: ~80,000 CNY\n"), "{title}");
    assert!(
        title.contains("corpus/004_25fcee98536c66f0.txt:5: "),
        "{title}"
    );
    // Same columns as the text report.
    let headers: Vec<&El> = els.iter().filter(|e| e.name == "th").collect();
    assert!(headers.len() >= 8 + 7 + 5, "{}", headers.len());
    assert!(page.contains("<th>change</th><th>source</th>"));
    assert!(page.contains("<td>D5:5</td>"));
    assert!(page.contains("<dt id=\"doc-5\">D5</dt><dd>corpus/004_25fcee98536c66f0.txt</dd>"));
    // The undated entity-list event stands beside the timeline.
    assert!(page.contains("<aside id=\"undated\">"));
    assert!(page.contains("entity_list: Biren, Moore Threads"));
}

/// An article whose text, and whose file name, are markup.
fn hostile_dir() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let text = "英伟达A800芯片<script>alert(1)</script>的价格约12万元\"><img src=x onerror=alert(1)>,]]>。\n\
                2023年10月,美国禁止英伟达向中国出口A800芯片<script>alert(1)</script>\"><img src=x onerror=alert(1)>]]>。\n\
                据统计,英伟达<script>alert(1)</script>在数据中心GPU\"><img src=x onerror=alert(1)>]]>市场的份额高达88%。\n";
    std::fs::write(dir.path().join("\"><img src=x onerror=alert(1)>.txt"), text).unwrap();
    dir
}

/// No element or attribute of `page` came from the hostile article.
fn assert_inert(page: &str) {
    let els = elements(page);
    let names: std::collections::BTreeSet<&str> = els.iter().map(|e| e.name.as_str()).collect();
    let allowed = [
        "html",
        "head",
        "meta",
        "title",
        "style",
        "body",
        "h1",
        "h2",
        "h3",
        "p",
        "b",
        "nav",
        "a",
        "section",
        "figure",
        "figcaption",
        "svg",
        "g",
        "rect",
        "circle",
        "line",
        "polyline",
        "polygon",
        "path",
        "text",
        "div",
        "span",
        "i",
        "table",
        "thead",
        "tbody",
        "tr",
        "th",
        "td",
        "br",
        "aside",
        "ul",
        "li",
        "dl",
        "dt",
        "dd",
    ];
    for n in &names {
        assert!(allowed.contains(n), "element <{n}> in the page");
    }
    for e in &els {
        for (k, _) in &e.attrs {
            assert!(
                !k.starts_with("on") && k != "src" && !k.contains('"') && !k.contains('>'),
                "attribute {k} on {e:?}"
            );
        }
    }
}

#[test]
fn text_from_articles_never_becomes_markup() {
    let dir = hostile_dir();
    let path = dir.path().to_str().unwrap();
    let page = html(&[path, "--published", "2023-10"]);
    assert_inert(&page);
    // The text is there, as text: in tables, titles and chart labels.
    assert!(
        page.contains("&lt;script&gt;alert(1)&lt;/script&gt;"),
        "{page}"
    );
    assert!(page.contains("&quot;&gt;&lt;img src=x onerror=alert(1)&gt;"));
    assert!(page.contains("]]&gt;"));
    // The share reader takes the market from its term list, so the heading
    // is the market, without the markup around it.
    let els = elements(&page);
    assert_eq!(marks(&els, "shares", "rect").len(), 2);
    let start = page.find("<figure id=\"shares-chart\">").unwrap();
    let chart = &page[start..start + page[start..].find("</figure>").unwrap()];
    assert!(chart.contains("数据中心GPU"), "the group heading: {chart}");
    assert_eq!(marks(&els, "prices", "circle").len(), 1);
    assert_eq!(marks(&els, "export-controls", "circle").len(), 1);
}

/// A chip name from a user's catalog is drawn by plotters (series names,
/// timeline labels, heatmap rows): markup in it stays text there too.
#[test]
fn a_hostile_catalog_name_is_text_in_the_charts() {
    let dir = tempfile::tempdir().unwrap();
    let catalog = dir.path().join("evil.toml");
    std::fs::write(
        &catalog,
        "[[chip]]\nid = \"Evil<script>alert(1)</script>\\\"><img src=x onerror=alert(1)>]]>\"\nvendor = \"NVIDIA\"\naliases = [\"EVIL900\"]\n",
    )
    .unwrap();
    let articles = dir.path().join("articles");
    std::fs::create_dir(&articles).unwrap();
    std::fs::write(
        articles.join("a.txt"),
        "英伟达EVIL900芯片的售价约为3万美元。\n2023年10月,美国禁止向中国出口EVIL900芯片。\n",
    )
    .unwrap();
    let page = html(&[articles.to_str().unwrap(), "--published", "2023-10", "--catalog", catalog.to_str().unwrap()]);
    assert_inert(&page);
    let els = elements(&page);
    assert_eq!(marks(&els, "prices", "circle").len(), 1, "{page}");
    let start = page.find("<figure id=\"prices-chart\">").unwrap();
    let chart = &page[start..start + page[start..].find("</figure>").unwrap()];
    assert!(chart.contains("Evil&lt;script&gt;alert(1)&lt;/script&gt;"), "the series name, escaped: {chart}");
}

#[test]
fn contradicted_shares_are_red_and_marked() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("a.txt"),
        "据统计,2022年英伟达在数据中心GPU市场的份额高达88%。\n",
    )
    .unwrap();
    std::fs::write(
        dir.path().join("b.txt"),
        "据统计,2022年英伟达在数据中心GPU市场的份额为80%。\n",
    )
    .unwrap();
    let page = html(&[dir.path().to_str().unwrap(), "--kind", "share"]);
    let els = elements(&page);
    let bars = marks(&els, "shares", "rect");
    assert_eq!(bars.len(), 3, "a background and two bars");
    let red = bars
        .iter()
        .filter(|e| e.attr("fill") == Some("#D62728"))
        .count();
    assert_eq!(red, 2, "both claims are contradicted: {bars:?}");
    // The bar's label names the other value; the table marks the cell.
    assert!(
        page.contains("88% ≠ 80%") && page.contains("80% ≠ 88%"),
        "{page}"
    );
    assert!(
        page.contains("<td class=\"alert\">≠ 80% D2:1</td>"),
        "{page}"
    );
}

#[test]
fn no_records_give_a_page_that_says_so() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().to_str().unwrap();
    let page = html(&[path]);
    assert!(page.contains("No documents were read"), "{page}");
    assert!(!page.contains("<svg"));
    std::fs::write(dir.path().join("a.txt"), "今天天气很好。\n").unwrap();
    let page = html(&[path]);
    assert!(
        page.contains("No records: the 1 document read holds nothing to chart."),
        "{page}"
    );
    assert!(!page.contains("<svg"));
    assert!(page.contains("(none)"));
}

#[test]
fn one_record_gives_a_readable_chart() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("a.txt"),
        "今年4月份,英伟达A800芯片的价格约为12万元。\n",
    )
    .unwrap();
    let path = dir.path().to_str().unwrap();
    let page = html(&[path, "--published", "2023-10", "--kind", "price"]);
    assert!(page.contains("1 document · 1 price\n"), "{page}");
    let els = elements(&page);
    assert_eq!(marks(&els, "prices", "circle").len(), 1);
    // Tick labels: several prices (from 0) and several months, not one.
    let texts: Vec<&str> = page
        .split("<text ")
        .skip(1)
        .filter_map(|t| t.split('>').nth(1))
        .map(|t| t.split('<').next().unwrap().trim())
        .collect();
    let usd: Vec<&&str> = texts.iter().filter(|t| t.starts_with('$')).collect();
    let months: Vec<&&str> = texts
        .iter()
        .filter(|t| t.len() == 7 && t.starts_with("202"))
        .collect();
    assert!(usd.len() >= 3 && usd.contains(&&"$0"), "{texts:?}");
    assert!(months.len() >= 3, "{texts:?}");
    assert!(page.contains("USD at 7.2 CNY per USD"));
}

#[test]
fn usd_cny_and_chip_focus_reach_the_page() {
    let page = html(&["corpus", "--chip", "昇腾910B", "--usd-cny", "7.0"]);
    assert!(
        page.contains("focused on chip <b>Ascend 910B</b>"),
        "{page}"
    );
    let page = html(&[
        "corpus",
        "--chip",
        "a800",
        "--usd-cny",
        "7.0",
        "--kind",
        "price",
    ]);
    assert!(page.contains("USD at 7 CNY per USD"));
    assert!(page.contains("<th>CNY</th>"));
    let els = elements(&page);
    let (points, arrows, ..) = expected_marks(&json(&["corpus", "--chip", "a800"]));
    assert!(arrows > 0);
    assert_eq!(marks(&els, "prices", "circle").len(), points);
    let legend = page.split("<div class=\"legend\">").nth(1).unwrap();
    assert!(
        legend.starts_with("<span><i style=\"background:#4e79a7\"></i>A800</span></div>"),
        "{legend}"
    );
}

#[test]
fn output_file_and_exit_codes() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("report.html");
    let out = chipscan()
        .args([
            "report",
            "corpus",
            "corpus/missing.txt",
            "--format",
            "html",
            "-o",
        ])
        .arg(&file)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2), "an input could not be read");
    assert!(out.stdout.is_empty());
    assert!(String::from_utf8_lossy(&out.stderr).contains("corpus/missing.txt"));
    let page = std::fs::read_to_string(&file).unwrap();
    assert!(
        page.contains("5 documents"),
        "the others are still reported"
    );
    // An unwritable output names the file.
    let bad = dir.path().join("no/such/dir/report.html");
    let out = chipscan()
        .args(["report", "corpus", "--format", "html", "-o"])
        .arg(&bad)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("cannot write the report to") && err.contains("no/such/dir/report.html"),
        "{err}"
    );
    // -o works for the other formats too.
    let md = dir.path().join("report.md");
    chipscan()
        .args(["report", "corpus", "--format", "markdown", "-o"])
        .arg(&md)
        .assert()
        .success()
        .stdout("");
    assert!(
        std::fs::read_to_string(&md)
            .unwrap()
            .starts_with("## Prices by chip")
    );
}

// ---- In headless Chromium ------------------------------------------------

/// Chromium's binary: `$CHROMIUM`, else `chromium` or `chromium-browser` on
/// the PATH.
fn chromium() -> Option<PathBuf> {
    if let Some(p) = std::env::var_os("CHROMIUM") {
        return Some(PathBuf::from(p));
    }
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path)
        .flat_map(|d| [d.join("chromium"), d.join("chromium-browser")])
        .find(|p| p.is_file())
}

/// Runs headless Chromium on `page` with `args` (`--dump-dom`,
/// `--screenshot=FILE`) and returns its stdout; fails after two minutes
/// rather than hang.
fn headless(bin: &Path, page: &Path, args: &[String]) -> String {
    let tmp = tempfile::tempdir().unwrap();
    let stdout = tmp.path().join("stdout");
    let stderr = tmp.path().join("stderr");
    let mut child = StdCommand::new(bin)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--hide-scrollbars",
        ])
        .arg(format!(
            "--user-data-dir={}",
            tmp.path().join("profile").display()
        ))
        .args(args)
        .arg(format!("file://{}", page.display()))
        .stdin(std::process::Stdio::null())
        .stdout(std::fs::File::create(&stdout).unwrap())
        .stderr(std::fs::File::create(&stderr).unwrap())
        .spawn()
        .expect("running chromium");
    let start = std::time::Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        if start.elapsed() > std::time::Duration::from_secs(120) {
            let _ = child.kill();
            let _ = child.wait();
            panic!("chromium did not finish in 120 s: {args:?}");
        }
        std::thread::sleep(std::time::Duration::from_millis(100));
    };
    assert!(
        status.success(),
        "chromium failed ({status}): {}",
        std::fs::read_to_string(&stderr).unwrap_or_default()
    );
    std::fs::read_to_string(&stdout).unwrap()
}

#[test]
fn chromium_renders_the_page() {
    let Some(bin) = chromium() else {
        // Written to stderr directly: the test harness captures eprintln!.
        use std::io::Write;
        let _ = writeln!(
            std::io::stderr(),
            "SKIPPED chromium_renders_the_page: no chromium on the PATH or in $CHROMIUM (Debian: apt-get install chromium; .ci/run installs it)"
        );
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let page = dir.path().join("report.html");
    chipscan()
        .args(["report", "corpus", "--format", "html", "-o"])
        .arg(&page)
        .assert()
        .success();

    // The DOM as the browser built it: the same marks.
    let dom = headless(&bin, &page, &["--dump-dom".to_string()]);
    let els = elements(&dom);
    assert!(
        els.iter().filter(|e| e.name == "svg").count() == 4,
        "four charts"
    );
    check_corpus_marks(&els, &json(&["corpus"]));

    // The picture: not blank, and the charts' colours are on it.
    let png = dir.path().join("report.png");
    headless(
        &bin,
        &page,
        &[
            format!("--screenshot={}", png.display()),
            "--window-size=1000,2400".to_string(),
        ],
    );
    let decoder = png::Decoder::new(std::io::BufReader::new(std::fs::File::open(&png).unwrap()));
    let mut reader = decoder.read_info().unwrap();
    let mut buf = vec![0; reader.output_buffer_size().unwrap()];
    let info = reader.next_frame(&mut buf).unwrap();
    assert_eq!((info.width, info.height), (1000, 2400));
    let channels = info.color_type.samples();
    let mut colours: BTreeMap<(u8, u8, u8), usize> = BTreeMap::new();
    for px in buf[..info.buffer_size()].chunks(channels) {
        *colours.entry((px[0], px[1], px[2])).or_default() += 1;
    }
    let total = (info.width * info.height) as usize;
    let white = colours.get(&(255, 255, 255)).copied().unwrap_or(0);
    assert!(
        white < total * 97 / 100,
        "the page is blank: {white} of {total} pixels white"
    );
    assert!(colours.len() > 50, "{} colours", colours.len());
    // Share bars (#4e79a7) cover thousands of pixels.
    let blue = colours.get(&(78, 121, 167)).copied().unwrap_or(0);
    assert!(blue > 5000, "{blue} pixels of the share bars");

    // The hostile article, in the browser: nothing it holds became markup.
    let hostile = hostile_dir();
    let page = dir.path().join("hostile.html");
    chipscan()
        .args(["report", "--published", "2023-10", "--format", "html", "-o"])
        .arg(&page)
        .arg(hostile.path())
        .assert()
        .success();
    let dom = headless(&bin, &page, &["--dump-dom".to_string()]);
    assert_inert(&dom);
    assert!(
        dom.contains("&lt;script&gt;alert(1)&lt;/script&gt;"),
        "{dom}"
    );
}

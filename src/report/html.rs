//! The report as one self-contained HTML page: per section a chart (inline
//! SVG drawn by [`super::charts`]) and under it the table of the text report,
//! with each row's evidence and `file:line` on hover.
//!
//! The page loads nothing: the CSS is inline, there is no script, and a
//! Content-Security-Policy forbids scripts and any network fetch. Every text
//! from the articles (evidence, chips, subjects, markets, file names) is
//! escaped with [`escape`] or by plotters when it draws chart text.

use std::fmt::Write as _;
use std::io::{self, Write};

use super::Report;
use super::charts::{self, Chart, escape};
use super::render::{Docs, Grid, Mark, chip_grid, event_grid, fmt_number, price_grid, share_grid};

const CSS: &str = r#"
:root { color-scheme: light; }
body { font-family: system-ui, "Noto Sans CJK SC", "Source Han Sans SC", "WenQuanYi Zen Hei", "PingFang SC", "Microsoft YaHei", sans-serif;
       color: #222; background: #fff; max-width: 960px; margin: 24px auto; padding: 0 16px; line-height: 1.45; }
h1 { font-size: 26px; margin: 0 0 4px; }
h2 { font-size: 20px; margin: 36px 0 8px; border-bottom: 2px solid #4e79a7; padding-bottom: 4px; }
h3 { font-size: 15px; margin: 0 0 6px; }
nav a { margin-right: 14px; }
.summary { color: #555; margin: 0 0 8px; }
.empty { font-size: 17px; padding: 14px; background: #f4f6fa; border-left: 4px solid #4e79a7; }
figure { margin: 8px 0; }
figcaption { color: #555; font-size: 13px; margin-bottom: 4px; }
svg.chart { display: block; max-width: 100%; height: auto; }
svg.chart text { font-family: inherit; }
.hit { cursor: pointer; }
.hit:hover, a:focus .hit { fill-opacity: 0.18; stroke: #222; stroke-width: 1.5; }
.side { display: flex; gap: 16px; align-items: flex-start; flex-wrap: wrap; }
.side figure { flex: 1 1 680px; min-width: 0; }
.side aside { flex: 1 1 200px; font-size: 13px; background: #f7f7f7; padding: 8px 10px; }
aside ul { padding-left: 16px; margin: 0; }
.legend { font-size: 13px; margin: 4px 0; }
.legend span { margin-right: 14px; white-space: nowrap; }
.legend i { display: inline-block; width: 12px; height: 12px; margin-right: 4px; vertical-align: -1px; border-radius: 2px; }
.note { color: #555; font-size: 13px; margin: 4px 0; }
table { border-collapse: collapse; font-size: 13px; width: 100%; margin-top: 10px; }
th, td { border-bottom: 1px solid #ddd; padding: 3px 6px; text-align: left; vertical-align: top; }
th { background: #f0f2f5; }
tbody tr:hover { background: #f6f8fc; }
tr:target { background: #fff3bf; }
td.alert { color: #c62828; font-weight: 600; }
dl.docs { display: grid; grid-template-columns: max-content 1fr; gap: 2px 12px; font-size: 13px; }
dl.docs dt { font-weight: 600; }
dl.docs dd { margin: 0; word-break: break-all; }
"#;

/// Writes the page for `report`.
pub fn write_html(report: &Report, out: &mut dyn Write) -> io::Result<()> {
    let page = page(report).map_err(|e| io::Error::other(format!("drawing a chart: {e}")))?;
    out.write_all(page.as_bytes())
}

type DrawResult<T> = Result<T, Box<dyn std::error::Error>>;

/// `1 price`, `2 prices`.
fn plural(n: usize, word: &str) -> String {
    format!("{n} {word}{}", if n == 1 { "" } else { "s" })
}

fn page(report: &Report) -> DrawResult<String> {
    let docs = Docs::new(true, &report.documents);
    let mut body = String::new();
    let mut nav = Vec::new();
    let mut counts = vec![plural(report.documents.len(), "document")];
    let mut any = false;
    if let Some(rows) = &report.prices {
        any |= !rows.is_empty();
        counts.push(plural(rows.len(), "price"));
        nav.push(("prices", "Prices"));
        prices_section(report, rows, &docs, &mut body)?;
    }
    if let Some(rows) = &report.shares {
        any |= !rows.is_empty();
        counts.push(plural(rows.len(), "market share"));
        nav.push(("shares", "Market shares"));
        shares_section(rows, &docs, &mut body)?;
    }
    if let Some(rows) = &report.export_controls {
        any |= !rows.is_empty();
        counts.push(plural(rows.len(), "export-control event"));
        nav.push(("export-controls", "Export controls"));
        events_section(rows, &docs, &mut body)?;
    }
    if let Some(m) = &report.chips {
        any |= !m.rows.is_empty();
        counts.push(plural(m.rows.len(), "chip"));
        nav.push(("chips", "Chips by document"));
        chips_section(m, &docs, &mut body)?;
    }
    documents_section(&docs, &mut body);

    let mut page = String::new();
    page.push_str("<!DOCTYPE html>\n<html lang=\"zh-Hans\">\n<head>\n<meta charset=\"utf-8\">\n");
    page.push_str("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\">\n");
    page.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    page.push_str("<meta name=\"generator\" content=\"chipscan report --format html\">\n");
    page.push_str("<title>chipscan report</title>\n<style>");
    page.push_str(CSS);
    page.push_str("</style>\n</head>\n<body>\n<h1>chipscan report</h1>\n");
    let _ = writeln!(page, "<p class=\"summary\">{}", escape(&counts.join(" · ")));
    if let Some(chip) = &report.focus {
        let _ = write!(page, " · focused on chip <b>{}</b>", escape(chip));
    }
    page.push_str("</p>\n");
    if !any {
        let what = if report.documents.is_empty() {
            "No documents were read, so there is nothing to chart.".to_string()
        } else {
            format!(
                "No records: the {} document{} read hold{} nothing to chart{}.",
                report.documents.len(),
                if report.documents.len() == 1 { "" } else { "s" },
                if report.documents.len() == 1 { "s" } else { "" },
                if report.focus.is_some() {
                    " for this chip"
                } else {
                    ""
                }
            )
        };
        let _ = writeln!(
            page,
            "<p class=\"empty\" id=\"empty\">{}</p>",
            escape(&what)
        );
    }
    if nav.len() > 1 {
        page.push_str("<nav>");
        for (id, name) in &nav {
            let _ = write!(page, "<a href=\"#{id}\">{name}</a>");
        }
        page.push_str("</nav>\n");
    }
    page.push_str(&body);
    page.push_str("</body>\n</html>\n");
    Ok(page)
}

/// A chart (or a line saying there is none), its legend and notes.
fn figure(out: &mut String, id: &str, caption: &str, chart: Option<&Chart>) {
    let Some(c) = chart else { return };
    if c.svg.is_empty() {
        for n in &c.notes {
            let _ = writeln!(out, "<p class=\"note\">{}</p>", escape(n));
        }
        return;
    }
    let _ = writeln!(
        out,
        "<figure id=\"{id}-chart\">\n<figcaption>{}</figcaption>",
        escape(caption)
    );
    out.push_str(&c.svg);
    if !c.legend.is_empty() {
        out.push_str("<div class=\"legend\">");
        for (label, color) in &c.legend {
            let _ = write!(
                out,
                "<span><i style=\"background:{}\"></i>{}</span>",
                escape(color),
                escape(label)
            );
        }
        out.push_str("</div>\n");
    }
    for n in &c.notes {
        let _ = writeln!(out, "<p class=\"note\">{}</p>", escape(n));
    }
    out.push_str("</figure>\n");
}

/// The table of a section: the text report's columns; row `i` gets the
/// anchor `ids[i]` and the tooltip `titles[i]`.
fn table(out: &mut String, g: &Grid, ids: &[String], titles: &[String]) {
    if g.rows.is_empty() {
        out.push_str("<p class=\"note\">(none)</p>\n");
        return;
    }
    out.push_str("<table>\n<thead><tr>");
    for h in &g.headers {
        let _ = write!(out, "<th>{}</th>", escape(h));
    }
    out.push_str("</tr></thead>\n<tbody>\n");
    for (i, row) in g.rows.iter().enumerate() {
        let _ = write!(
            out,
            "<tr id=\"{}\" title=\"{}\">",
            escape(&ids[i]),
            escape(&titles[i])
        );
        for (text, mark) in row {
            let class = if *mark == Mark::Alert {
                " class=\"alert\""
            } else {
                ""
            };
            let cell = escape(text).replace('\n', "<br>");
            let _ = write!(out, "<td{class}>{cell}</td>");
        }
        out.push_str("</tr>\n");
    }
    out.push_str("</tbody>\n</table>\n");
    for n in &g.notes {
        let _ = writeln!(out, "<p class=\"note\">{}</p>", escape(n));
    }
}

fn heading(out: &mut String, id: &str, title: &str) {
    let _ = writeln!(out, "<section id=\"{id}\">\n<h2>{}</h2>", escape(title));
}

fn prices_section(
    report: &Report,
    rows: &[super::PriceRow],
    docs: &Docs,
    out: &mut String,
) -> DrawResult<()> {
    let g = price_grid(rows, report.with_cny, docs);
    let ids: Vec<String> = (0..rows.len())
        .map(|i| format!("price-{}", i + 1))
        .collect();
    let titles: Vec<String> = rows
        .iter()
        .zip(&g.rows)
        .map(|(r, cells)| {
            format!(
                "{} {}: {} {}\n{}: {}",
                cells[0].0, cells[2].0, cells[3].0, cells[4].0, r.source, r.evidence
            )
        })
        .collect();
    heading(out, "prices", &g.title);
    let chart = charts::price_chart(rows, report.usd_cny, &titles, &ids)?;
    figure(
        out,
        "prices",
        "Price history: the date the price held (x) and the price in USD (y), a colour per chip. A bar spans a range; an arrow goes from the price before a move to the price after it. Each point links to its row in the table.",
        chart.as_ref(),
    );
    table(out, &g, &ids, &titles);
    out.push_str("</section>\n");
    Ok(())
}

fn shares_section(rows: &[super::ShareRow], docs: &Docs, out: &mut String) -> DrawResult<()> {
    let g = share_grid(rows, docs);
    let ids: Vec<String> = (0..rows.len())
        .map(|i| format!("share-{}", i + 1))
        .collect();
    let titles: Vec<String> = rows
        .iter()
        .map(|r| {
            let mut t = format!(
                "{} {}% of {} in {}",
                r.subject,
                fmt_number(r.percent),
                r.market.as_deref().unwrap_or("(market not named)"),
                r.year
                    .map(|y| y.to_string())
                    .unwrap_or("(year not given)".into())
            );
            for c in &r.disagrees_with {
                let _ = write!(t, "; ≠ {}% at {}", fmt_number(c.percent), c.source);
            }
            let _ = write!(t, "\n{}: {}", r.source, r.evidence);
            t
        })
        .collect();
    heading(out, "shares", &g.title);
    let chart = charts::share_chart(rows, &titles, &ids)?;
    figure(
        out,
        "shares",
        "Market shares, grouped by market and year: a bar per claim. Red bars marked ≠ are contradicted by another document (same subject, market and year).",
        chart.as_ref(),
    );
    table(out, &g, &ids, &titles);
    out.push_str("</section>\n");
    Ok(())
}

fn events_section(rows: &[super::EventRow], docs: &Docs, out: &mut String) -> DrawResult<()> {
    let g = event_grid(rows, docs);
    let ids: Vec<String> = (0..rows.len())
        .map(|i| format!("event-{}", i + 1))
        .collect();
    let titles: Vec<String> = rows
        .iter()
        .map(|r| {
            let mut t = format!("{}: {}", r.action.as_str(), charts::event_label(r));
            for s in &r.sources {
                let date = s.date.map(|d| format!(" ({d})")).unwrap_or_default();
                let _ = write!(t, "\n{}:{}{date}: {}", s.doc, s.line, s.evidence);
            }
            t
        })
        .collect();
    heading(out, "export-controls", &g.title);
    let undated: Vec<usize> = (0..rows.len())
        .filter(|&i| rows[i].dates.is_empty())
        .collect();
    let width = if undated.is_empty() { 900 } else { 680 };
    let chart = charts::event_chart(rows, &titles, &ids, width)?;
    let side = !undated.is_empty() && chart.is_some();
    if side {
        out.push_str("<div class=\"side\">\n");
    }
    figure(
        out,
        "export-controls",
        "Export-control timeline: a lane per action, a dot per event at the date its sources give, labelled with its chips (or companies, or authority).",
        chart.as_ref(),
    );
    if !undated.is_empty() {
        let _ = writeln!(
            out,
            "<aside id=\"undated\">\n<h3>Undated ({})</h3>\n<ul>",
            undated.len()
        );
        for &i in &undated {
            let r = &rows[i];
            let label = charts::event_label(r);
            let sources: Vec<String> = r
                .sources
                .iter()
                .map(|s| docs.source(&s.doc, s.line))
                .collect();
            let _ = writeln!(
                out,
                "<li><a href=\"#{}\" title=\"{}\">{}{}{}</a> ({})</li>",
                ids[i],
                escape(&titles[i]),
                escape(r.action.as_str()),
                if label.is_empty() { "" } else { ": " },
                escape(&label),
                escape(&sources.join(", "))
            );
        }
        out.push_str("</ul>\n</aside>\n");
    }
    if side {
        out.push_str("</div>\n");
    }
    table(out, &g, &ids, &titles);
    out.push_str("</section>\n");
    Ok(())
}

fn chips_section(m: &super::ChipMatrix, docs: &Docs, out: &mut String) -> DrawResult<()> {
    let g = chip_grid(m, docs);
    let ids: Vec<String> = (0..m.rows.len())
        .map(|i| format!("chip-{}", i + 1))
        .collect();
    let titles: Vec<String> = m
        .rows
        .iter()
        .map(|r| {
            let mut t = format!("{} ({}): {} mentions", r.chip, r.vendor, r.total);
            let firsts: Vec<String> = r
                .first_mentions
                .iter()
                .zip(&m.documents)
                .filter_map(|(f, d)| f.as_ref().map(|(line, ev)| format!("{d}:{line}: {ev}")))
                .collect();
            for f in firsts.iter().take(10) {
                let _ = write!(t, "\n{f}");
            }
            if firsts.len() > 10 {
                let _ = write!(t, "\n… and {} more documents", firsts.len() - 10);
            }
            t
        })
        .collect();
    let labels: Vec<String> = m
        .documents
        .iter()
        .enumerate()
        .map(|(j, d)| {
            if charts::heatmap_columns(m).contains(&j) {
                docs.label(d)
            } else {
                String::new()
            }
        })
        .collect();
    let cell_title = |k: usize, j: usize| {
        let r = &m.rows[k];
        let mut t = format!(
            "{} in {} ({}): {} mention{}",
            r.chip,
            labels[j],
            m.documents[j],
            r.counts[j],
            if r.counts[j] == 1 { "" } else { "s" }
        );
        if let Some((line, ev)) = &r.first_mentions[j] {
            let _ = write!(t, "\n{}:{line}: {ev}", m.documents[j]);
        }
        t
    };
    heading(out, "chips", &g.title);
    let chart = charts::chip_heatmap(m, &labels, &cell_title, &ids)?;
    figure(
        out,
        "chips",
        "Chips by document: mentions of each chip (rows) in each document (columns); darker is more.",
        chart.as_ref(),
    );
    table(out, &g, &ids, &titles);
    out.push_str("</section>\n");
    Ok(())
}

fn documents_section(docs: &Docs, out: &mut String) {
    let used = docs.used.borrow();
    if used.is_empty() {
        return;
    }
    out.push_str("<section id=\"documents\">\n<h2>Documents</h2>\n<dl class=\"docs\">\n");
    for &j in used.iter() {
        let path = docs.paths[j].as_str();
        let path = if path == "-" {
            "- (standard input)"
        } else {
            path
        };
        let _ = writeln!(
            out,
            "<dt id=\"doc-{}\">D{}</dt><dd>{}</dd>",
            j + 1,
            j + 1,
            escape(path)
        );
    }
    out.push_str("</dl>\n</section>\n");
}

//! The four charts of the HTML report, drawn with plotters' SVG backend.
//!
//! Each chart is drawn over the same rows as its table. Axes, grid lines,
//! marks and labels are plotters elements; plotters escapes every text and
//! attribute it writes (`<`, `>`, `&`, `"`, `'`), so text from articles
//! (chips, subjects, markets) can be handed to it as is. After plotters is
//! done, each chart gets a layer of transparent hit areas, one per mark, that
//! link the mark to its row in the table below the chart and show the row on
//! hover (an SVG `<title>`); those are written here and escaped with
//! [`escape`].
//!
//! Text is laid out without font files: plotters' SVG backend writes text as
//! `<text>` elements that the browser renders with its own fonts, so Chinese
//! labels need no font at build time. Widths are estimated in terminal
//! columns ([`display_width`]).

use std::collections::BTreeMap;
use std::fmt::Write as _;

use plotters::coord::Shift;
use plotters::coord::ranged1d::{DefaultFormatting, KeyPointHint};
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use super::render::display_width;
use super::{ChipMatrix, EventRow, PriceRow, ShareRow};
use crate::catalog::id_key;
use crate::model::{Action, Basis, PartialDate};

type DrawResult<T> = Result<T, Box<dyn std::error::Error>>;

/// A chart as inline SVG, with what the page shows beside it.
#[derive(Debug, Default)]
pub struct Chart {
    /// The `<svg>` element.
    pub svg: String,
    /// Legend entries: label and CSS colour.
    pub legend: Vec<(String, String)>,
    /// Lines printed under the chart (what it leaves out).
    pub notes: Vec<String>,
}

/// A transparent area over a mark: a link to the mark's table row, with a
/// tooltip.
struct Hit {
    shape: Shape,
    href: String,
    title: String,
}

enum Shape {
    Circle { cx: i32, cy: i32, r: i32 },
    Rect { x: i32, y: i32, w: i32, h: i32 },
}

/// Escapes text for HTML and SVG, in element content and in quoted
/// attribute values alike.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            // Control characters other than tab and line breaks are not
            // allowed in HTML text.
            c if c.is_control() && !matches!(c, '\t' | '\n' | '\r') => out.push('\u{FFFD}'),
            c => out.push(c),
        }
    }
    out
}

/// Draws with plotters on an SVG of `size`, then adds the hit areas the
/// drawing returned and an accessible name.
fn draw_svg(
    size: (u32, u32),
    label: &str,
    draw: impl FnOnce(&DrawingArea<SVGBackend, Shift>) -> DrawResult<Vec<Hit>>,
) -> DrawResult<String> {
    let mut buf = String::new();
    let hits = {
        let root = SVGBackend::with_string(&mut buf, size).into_drawing_area();
        root.fill(&WHITE)?;
        let hits = draw(&root)?;
        root.present()?;
        hits
    };
    let end = buf
        .rfind("</svg>")
        .ok_or("plotters wrote no closing </svg>")?;
    let mut layer = String::from("<g class=\"hits\">\n");
    for h in &hits {
        let shape = match h.shape {
            Shape::Circle { cx, cy, r } => {
                format!(
                    "<circle class=\"hit\" fill-opacity=\"0\" cx=\"{cx}\" cy=\"{cy}\" r=\"{r}\">"
                )
            }
            Shape::Rect { x, y, w, h } => format!(
                "<rect class=\"hit\" fill-opacity=\"0\" x=\"{x}\" y=\"{y}\" width=\"{}\" height=\"{}\">",
                w.max(1),
                h.max(1)
            ),
        };
        let tag = match h.shape {
            Shape::Circle { .. } => "circle",
            Shape::Rect { .. } => "rect",
        };
        let _ = writeln!(
            layer,
            "<a href=\"{}\">{shape}<title>{}</title></{tag}></a>",
            escape(&h.href),
            escape(&h.title)
        );
    }
    layer.push_str("</g>\n");
    buf.insert_str(end, &layer);
    let open = format!(
        "<svg class=\"chart\" role=\"img\" aria-label=\"{}\" ",
        escape(label)
    );
    Ok(buf.replacen("<svg ", &open, 1))
}

/// Series colours (Tableau 10).
const PALETTE: [(u8, u8, u8); 10] = [
    (78, 121, 167),
    (242, 142, 43),
    (225, 87, 89),
    (118, 183, 178),
    (89, 161, 79),
    (237, 201, 72),
    (176, 122, 161),
    (255, 157, 167),
    (156, 117, 95),
    (186, 176, 172),
];

fn rgb((r, g, b): (u8, u8, u8)) -> RGBColor {
    RGBColor(r, g, b)
}

fn css((r, g, b): (u8, u8, u8)) -> String {
    format!("#{r:02x}{g:02x}{b:02x}")
}

/// Axis labels: 13 px.
const AXIS_FONT: (&str, f64) = ("sans-serif", 13.0 * 1.24);

/// A text style of `px` CSS pixels (plotters' SVG backend writes 1/1.24
/// of the size it is given).
fn font(px: u32) -> TextStyle<'static> {
    ("sans-serif", px as f64 * 1.24)
        .into_font()
        .color(&RGBColor(40, 40, 40))
}

fn anchored(size: u32, h: HPos, v: VPos) -> TextStyle<'static> {
    font(size).pos(Pos::new(h, v))
}

fn bold(size: u32, h: HPos, v: VPos) -> TextStyle<'static> {
    ("sans-serif", size as f64 * 1.24)
        .into_font()
        .style(FontStyle::Bold)
        .color(&RGBColor(40, 40, 40))
        .pos(Pos::new(h, v))
}

/// Cuts `s` to at most `cols` terminal columns, with an ellipsis.
fn cut(s: &str, cols: usize) -> String {
    if display_width(s) <= cols {
        return s.to_string();
    }
    let mut out = String::new();
    for c in s.chars() {
        if display_width(&out) + display_width(&c.to_string()) > cols.saturating_sub(1) {
            break;
        }
        out.push(c);
    }
    out.push('…');
    out
}

/// Estimated width in pixels of `s` at `size` px: a column is about 0.6 em.
fn text_px(s: &str, size: u32) -> i32 {
    (display_width(s) as f64 * size as f64 * 0.6).ceil() as i32
}

/// A linear axis from `lo` to `hi` with tick marks (and grid lines) at
/// `ticks`, chosen by the chart rather than by plotters.
#[derive(Clone, Debug)]
struct Axis {
    lo: f64,
    hi: f64,
    ticks: Vec<f64>,
}

impl Axis {
    fn new(lo: f64, hi: f64, ticks: Vec<f64>) -> Axis {
        // Never an empty range.
        let hi = if hi > lo { hi } else { lo + 1.0 };
        Axis { lo, hi, ticks }
    }
}

impl Ranged for Axis {
    type FormatOption = DefaultFormatting;
    type ValueType = f64;

    fn map(&self, value: &f64, limit: (i32, i32)) -> i32 {
        let t = (value - self.lo) / (self.hi - self.lo);
        limit.0 + (t * (limit.1 - limit.0) as f64).round() as i32
    }

    fn key_points<H: KeyPointHint>(&self, hint: H) -> Vec<f64> {
        if hint.max_num_points() == 0 {
            Vec::new()
        } else {
            self.ticks.clone()
        }
    }

    fn range(&self) -> std::ops::Range<f64> {
        self.lo..self.hi
    }
}

// ---- Time axis ----------------------------------------------------------

/// A date as a point on a time axis in years: the middle of the span it
/// names (2023 → 2023.5, 2023-04 → the middle of April).
pub fn date_x(d: PartialDate) -> f64 {
    let y = d.year as f64;
    match (d.month, d.day) {
        (None, _) => y + 0.5,
        (Some(m), None) => y + (m as f64 - 0.5) / 12.0,
        (Some(m), Some(day)) => y + (m as f64 - 1.0 + (day as f64 - 0.5) / 31.0) / 12.0,
    }
}

/// The range of a time axis over `xs`: at least six months wide, padded.
fn time_range(xs: &[f64]) -> (f64, f64) {
    let lo = xs.iter().copied().fold(f64::INFINITY, f64::min);
    let hi = xs.iter().copied().fold(f64::NEG_INFINITY, f64::max);
    let (mut lo, mut hi) = if lo.is_finite() {
        (lo, hi)
    } else {
        (2023.0, 2024.0)
    };
    if hi - lo < 0.5 {
        let c = (lo + hi) / 2.0;
        lo = c - 0.25;
        hi = c + 0.25;
    }
    let pad = (hi - lo) * 0.06;
    (lo - pad, hi + pad)
}

/// Tick marks at the start of months (every 1, 2, 3 or 6 months) or years,
/// at most about ten; and whether they are years.
fn time_ticks(lo: f64, hi: f64) -> (Vec<f64>, bool) {
    let months = (hi - lo) * 12.0;
    let step = [1, 2, 3, 6, 12, 24, 60, 120]
        .into_iter()
        .find(|s| months / *s as f64 <= 10.0)
        .unwrap_or(240);
    let first = (lo * 12.0).ceil() as i64;
    let last = (hi * 12.0).floor() as i64;
    let ticks = (first..=last)
        .filter(|m| m.rem_euclid(step) == 0)
        .map(|m| m as f64 / 12.0)
        .collect();
    (ticks, step >= 12)
}

/// `2023-04` (or `2023`) for a tick at the start of a month.
fn time_label(x: f64, years: bool) -> String {
    let total = (x * 12.0).round() as i64;
    let (y, m) = (total.div_euclid(12), total.rem_euclid(12) + 1);
    if years {
        format!("{y}")
    } else {
        format!("{y}-{m:02}")
    }
}

// ---- Price history --------------------------------------------------------

/// How many chips get a series; the others are in the table only.
pub const PRICE_SERIES: usize = 6;

/// The mark of one price (one side of a move) on the chart.
#[derive(Clone, Copy, Debug)]
struct PricePoint {
    x: f64,
    low: f64,
    high: f64,
}

/// A value axis in USD, linear from 0 or log10 when the prices span more
/// than a factor of 8.
struct UsdAxis {
    log: bool,
    lo: f64,
    hi: f64,
    ticks: Vec<f64>,
}

impl UsdAxis {
    fn new(values: &[f64]) -> UsdAxis {
        let min = values.iter().copied().fold(f64::INFINITY, f64::min);
        let max = values.iter().copied().fold(0.0, f64::max);
        let max = if max > 0.0 { max } else { 1.0 };
        if min > 0.0 && max / min > 8.0 {
            let (lo, hi) = (min.log10() - 0.15, max.log10() + 0.15);
            let mut ticks = Vec::new();
            for e in (lo.floor() as i32)..=(hi.ceil() as i32) {
                for m in [1.0, 2.0, 5.0] {
                    let v = (m * 10f64.powi(e)).log10();
                    if v >= lo && v <= hi {
                        ticks.push(v);
                    }
                }
            }
            UsdAxis {
                log: true,
                lo,
                hi,
                ticks,
            }
        } else {
            let hi = max * 1.15;
            let raw = hi / 5.0;
            let mag = 10f64.powf(raw.log10().floor());
            let step = [1.0, 2.0, 2.5, 5.0, 10.0]
                .into_iter()
                .map(|m| m * mag)
                .find(|s| *s >= raw)
                .unwrap_or(10.0 * mag);
            let ticks = (0..)
                .map(|k| k as f64 * step)
                .take_while(|v| *v <= hi)
                .collect();
            UsdAxis {
                log: false,
                lo: 0.0,
                hi,
                ticks,
            }
        }
    }

    fn y(&self, usd: f64) -> f64 {
        if self.log { usd.max(1e-9).log10() } else { usd }
    }

    fn label(&self, y: f64) -> String {
        usd_label(if self.log { 10f64.powf(y) } else { y })
    }
}

/// `$40k`, `$1.2M`, `$500`.
fn usd_label(v: f64) -> String {
    let trim = |s: String| {
        if s.contains('.') {
            s.trim_end_matches('0').trim_end_matches('.').to_string()
        } else {
            s
        }
    };
    if v >= 1e6 {
        format!("${}M", trim(format!("{:.1}", v / 1e6)))
    } else if v >= 1e3 {
        format!("${}k", trim(format!("{:.1}", v / 1e3)))
    } else {
        format!("${}", trim(format!("{v:.0}")))
    }
}

/// What the price chart draws for one table row.
struct PriceMark {
    row: usize,
    series: usize,
    before: Option<PricePoint>,
    after: PricePoint,
}

/// Which rows the price chart draws: unit prices with a date and a currency
/// that converts to USD, of the [`PRICE_SERIES`] chips with the most such
/// rows. Returns the chips of the series and, per charted row, its marks.
fn price_marks(rows: &[PriceRow], usd_cny: f64) -> (Vec<String>, Vec<PriceMark>) {
    let usd = |v: f64, cur: &str| crate::check::to_usd(v, cur, usd_cny);
    let mut marks: Vec<(String, PriceMark)> = Vec::new();
    for (i, r) in rows.iter().enumerate() {
        if r.basis != Basis::Unit {
            continue;
        }
        let Some(date) = r.date else { continue };
        let (Some(low), Some(high)) = (
            usd(r.price.low, &r.price.currency),
            usd(r.price.high, &r.price.currency),
        ) else {
            continue;
        };
        let before = r.before.as_ref().and_then(|b| {
            Some(PricePoint {
                x: date_x(r.before_date.unwrap_or(date)),
                low: usd(b.low, &b.currency)?,
                high: usd(b.high, &b.currency)?,
            })
        });
        marks.push((
            id_key(&r.chip),
            PriceMark {
                row: i,
                series: 0,
                before,
                after: PricePoint {
                    x: date_x(date),
                    low,
                    high,
                },
            },
        ));
    }
    // Chips by number of charted rows, most first, then id.
    let mut counts: BTreeMap<String, (usize, String)> = BTreeMap::new();
    for (key, m) in &marks {
        let e = counts
            .entry(key.clone())
            .or_insert((0, rows[m.row].chip.clone()));
        e.0 += 1;
    }
    let mut ranked: Vec<(String, usize, String)> =
        counts.into_iter().map(|(k, (n, id))| (k, n, id)).collect();
    ranked.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    ranked.truncate(PRICE_SERIES);
    let charted: Vec<PriceMark> = marks
        .into_iter()
        .filter_map(|(key, mut m)| {
            m.series = ranked.iter().position(|(k, _, _)| *k == key)?;
            Some(m)
        })
        .collect();
    (ranked.into_iter().map(|(_, _, id)| id).collect(), charted)
}

/// The price history: x the date the price held, y the price in USD; one
/// colour per chip; a range is an error bar; a move is an arrow from the
/// before price to the after price. `titles[i]` and `ids[i]` are the tooltip
/// and anchor of row `i` of the table.
pub fn price_chart(
    rows: &[PriceRow],
    usd_cny: f64,
    titles: &[String],
    ids: &[String],
) -> DrawResult<Option<Chart>> {
    let (series, marks) = price_marks(rows, usd_cny);
    let mut notes = Vec::new();
    let left_out = rows.len() - marks.len();
    if left_out > 0 {
        notes.push(format!(
            "{left_out} of {} rows are in the table only: undated, not a unit price, a currency without a rate, or not among the {PRICE_SERIES} most-priced chips.",
            rows.len()
        ));
    }
    if marks.is_empty() {
        return Ok(if rows.is_empty() {
            None
        } else {
            Some(Chart {
                svg: String::new(),
                legend: Vec::new(),
                notes,
            })
        });
    }
    notes.push(format!(
        "USD at {usd_cny} CNY per USD (--usd-cny); other currencies at the fixed rates of `chipscan check`."
    ));
    let xs: Vec<f64> = marks
        .iter()
        .flat_map(|m| std::iter::once(m.after.x).chain(m.before.map(|b| b.x)))
        .collect();
    let values: Vec<f64> = marks
        .iter()
        .flat_map(|m| {
            [m.after.low, m.after.high]
                .into_iter()
                .chain(m.before.into_iter().flat_map(|b| [b.low, b.high]))
        })
        .collect();
    let axis = UsdAxis::new(&values);
    let (x0, x1) = time_range(&xs);
    let (xticks, years) = time_ticks(x0, x1);
    let n_series = series.len();
    let svg = draw_svg((900, 440), "Price history by chip, in USD", |root| {
        let mut chart = ChartBuilder::on(root)
            .margin(16)
            .margin_right(30)
            .x_label_area_size(44)
            .y_label_area_size(70)
            .build_cartesian_2d(
                Axis::new(x0, x1, xticks),
                Axis::new(axis.lo, axis.hi, axis.ticks.clone()),
            )?;
        chart
            .configure_mesh()
            .label_style(AXIS_FONT)
            .x_label_formatter(&|x| time_label(*x, years))
            .y_label_formatter(&|y| axis.label(*y))
            .y_desc(if axis.log { "USD (log scale)" } else { "USD" })
            .bold_line_style(RGBColor(225, 225, 225))
            .axis_style(RGBColor(120, 120, 120))
            .draw()?;
        let px = |x: f64, v: f64, s: usize| {
            let (a, b) = chart.backend_coord(&(x, axis.y(v)));
            // Series side by side, 5 px apart, so equal prices stay visible.
            (a + (s as i32 * 2 - n_series as i32 + 1) * 5 / 2, b)
        };
        let mid = |p: &PricePoint, s: usize| {
            let (x, lo) = px(p.x, p.low, s);
            let (_, hi) = px(p.x, p.high, s);
            (x, (lo + hi) / 2, lo, hi)
        };
        // The before side of a move dated like its after side (从12万涨到25万
        // with one date) sits 14 px to the left, so the arrow shows.
        let before_mid = |b: &PricePoint, a: &PricePoint, s: usize| {
            let (x, y, lo, hi) = mid(b, s);
            (if b.x == a.x { x - 14 } else { x }, y, lo, hi)
        };
        let mut hits = Vec::new();
        for m in &marks {
            let color = rgb(PALETTE[m.series % PALETTE.len()]);
            let mut points = vec![mid(&m.after, m.series)];
            points.extend(m.before.map(|b| before_mid(&b, &m.after, m.series)));
            for &(x, y, lo, hi) in &points {
                if hi != lo {
                    let bar = color.stroke_width(2);
                    root.draw(&PathElement::new(vec![(x, lo), (x, hi)], bar))?;
                    root.draw(&PathElement::new(vec![(x - 4, lo), (x + 4, lo)], bar))?;
                    root.draw(&PathElement::new(vec![(x - 4, hi), (x + 4, hi)], bar))?;
                }
                root.draw(&Circle::new((x, y), 4, color.filled()))?;
                hits.push(Hit {
                    shape: Shape::Circle { cx: x, cy: y, r: 7 },
                    href: format!("#{}", ids[m.row]),
                    title: titles[m.row].clone(),
                });
            }
            if let Some(b) = &m.before {
                let (bx, by, _, _) = before_mid(b, &m.after, m.series);
                let (ax, ay, _, _) = mid(&m.after, m.series);
                let (dx, dy) = ((ax - bx) as f64, (ay - by) as f64);
                let len = (dx * dx + dy * dy).sqrt();
                // Pointing up when both sides fall on one spot.
                let (ux, uy) = if len < 1.0 {
                    (0.0, -1.0)
                } else {
                    (dx / len, dy / len)
                };
                let tip = (ax as f64 - ux * 6.0, ay as f64 - uy * 6.0);
                if len > 16.0 {
                    let start = ((bx as f64 + ux * 6.0) as i32, (by as f64 + uy * 6.0) as i32);
                    let end = ((tip.0 - ux * 8.0) as i32, (tip.1 - uy * 8.0) as i32);
                    root.draw(&PathElement::new(
                        vec![start, end],
                        color.mix(0.8).stroke_width(2),
                    ))?;
                }
                let head = vec![
                    (tip.0 as i32, tip.1 as i32),
                    (
                        (tip.0 - ux * 10.0 - uy * 5.0) as i32,
                        (tip.1 - uy * 10.0 + ux * 5.0) as i32,
                    ),
                    (
                        (tip.0 - ux * 10.0 + uy * 5.0) as i32,
                        (tip.1 - uy * 10.0 - ux * 5.0) as i32,
                    ),
                ];
                root.draw(&Polygon::new(head, color.filled()))?;
            }
        }
        Ok(hits)
    })?;
    Ok(Some(Chart {
        svg,
        legend: series
            .into_iter()
            .enumerate()
            .map(|(i, chip)| (chip, css(PALETTE[i % PALETTE.len()])))
            .collect(),
        notes,
    }))
}

// ---- Market shares ---------------------------------------------------------

/// A line of the share chart: a group heading (market and year) or a bar.
enum ShareLine {
    Heading(String),
    Bar(usize),
}

/// The lines of the share chart: claims grouped by market and year, the
/// groups sorted by market (none last) then year, the bars in a group by
/// subject then percent.
fn share_lines(rows: &[ShareRow]) -> Vec<ShareLine> {
    let mut order: Vec<usize> = (0..rows.len()).collect();
    let key = |r: &ShareRow| {
        (
            r.market.is_none(),
            r.market.clone().unwrap_or_default(),
            r.year.is_none(),
            r.year,
        )
    };
    order.sort_by(|&a, &b| {
        let (ra, rb) = (&rows[a], &rows[b]);
        key(ra)
            .cmp(&key(rb))
            .then_with(|| id_key(&ra.subject).cmp(&id_key(&rb.subject)))
            .then(ra.percent.total_cmp(&rb.percent))
    });
    let mut lines = Vec::new();
    let mut last = None;
    for i in order {
        let k = key(&rows[i]);
        if last.as_ref() != Some(&k) {
            let r = &rows[i];
            let market = r.market.as_deref().unwrap_or("market not named");
            let year = r
                .year
                .map(|y| y.to_string())
                .unwrap_or("year not given".into());
            lines.push(ShareLine::Heading(format!("{market} · {year}")));
            last = Some(k);
        }
        lines.push(ShareLine::Bar(i));
    }
    lines
}

const SHARE_BLUE: (u8, u8, u8) = (78, 121, 167);

/// At most this many bars in the share chart; the others are in the table.
pub const SHARE_BARS: usize = 80;
const ALERT_RED: (u8, u8, u8) = (214, 39, 40);

/// Market shares: per market and year, a bar per claim (subject and
/// percent); claims that another document contradicts are red and marked ≠.
pub fn share_chart(
    rows: &[ShareRow],
    titles: &[String],
    ids: &[String],
) -> DrawResult<Option<Chart>> {
    if rows.is_empty() {
        return Ok(None);
    }
    let mut lines = share_lines(rows);
    let mut notes = Vec::new();
    // At most SHARE_BARS bars; a heading needs a bar after it.
    if let Some(cut_at) = lines
        .iter()
        .enumerate()
        .filter(|(_, l)| matches!(l, ShareLine::Bar(_)))
        .nth(SHARE_BARS)
        .map(|(k, _)| k)
    {
        lines.truncate(cut_at);
        if matches!(lines.last(), Some(ShareLine::Heading(_))) {
            lines.pop();
        }
        notes.push(format!(
            "The first {SHARE_BARS} of {} claims (by market and year); all are in the table.",
            rows.len()
        ));
    }
    let n = lines.len();
    let line_px = 26;
    let height = (70 + n as i32 * line_px) as u32;
    let label_px = 230;
    let svg = draw_svg((900, height), "Market shares by market and year", |root| {
        let mut chart = ChartBuilder::on(root)
            .margin(16)
            .margin_right(120)
            .x_label_area_size(34)
            .y_label_area_size(label_px)
            .build_cartesian_2d(
                Axis::new(0.0, 100.0, vec![0.0, 20.0, 40.0, 60.0, 80.0, 100.0]),
                Axis::new(0.0, n as f64, Vec::new()),
            )?;
        chart
            .configure_mesh()
            .label_style(AXIS_FONT)
            .disable_y_mesh()
            .y_labels(0)
            .x_label_formatter(&|x| format!("{x:.0}%"))
            .bold_line_style(RGBColor(225, 225, 225))
            .axis_style(RGBColor(120, 120, 120))
            .draw()?;
        // Line k (from the top) spans y = n-k-1 .. n-k.
        let mut hits = Vec::new();
        for (k, line) in lines.iter().enumerate() {
            let yc = n as f64 - k as f64 - 0.5;
            let (left, y) = chart.backend_coord(&(0.0, yc));
            match line {
                ShareLine::Heading(h) => {
                    root.draw(&Text::new(
                        cut(h, 60),
                        (left - label_px + 6, y),
                        bold(13, HPos::Left, VPos::Center),
                    ))?;
                }
                ShareLine::Bar(i) => {
                    let r = &rows[*i];
                    let disputed = !r.disagrees_with.is_empty();
                    let color = rgb(if disputed { ALERT_RED } else { SHARE_BLUE });
                    let pct = r.percent.clamp(0.0, 100.0);
                    chart.draw_series(std::iter::once(Rectangle::new(
                        [(0.0, yc - 0.36), (pct, yc + 0.36)],
                        color.filled(),
                    )))?;
                    root.draw(&Text::new(
                        cut(&r.subject, 30),
                        (left - 8, y),
                        anchored(13, HPos::Right, VPos::Center),
                    ))?;
                    let (right, _) = chart.backend_coord(&(pct, yc));
                    let mut value = format!("{}%", super::render::fmt_number(r.percent));
                    if disputed {
                        let others: Vec<String> = r
                            .disagrees_with
                            .iter()
                            .map(|c| format!("{}%", super::render::fmt_number(c.percent)))
                            .collect();
                        value.push_str(&format!(" ≠ {}", others.join(", ")));
                    }
                    root.draw(&Text::new(
                        value,
                        (right + 5, y),
                        anchored(12, HPos::Left, VPos::Center).color(&color),
                    ))?;
                    let (_, top) = chart.backend_coord(&(0.0, yc + 0.36));
                    let (_, bottom) = chart.backend_coord(&(0.0, yc - 0.36));
                    hits.push(Hit {
                        shape: Shape::Rect {
                            x: left,
                            y: top,
                            w: (right - left).max(6),
                            h: bottom - top,
                        },
                        href: format!("#{}", ids[*i]),
                        title: titles[*i].clone(),
                    });
                }
            }
        }
        Ok(hits)
    })?;
    let mut legend = vec![("share".to_string(), css(SHARE_BLUE))];
    if rows.iter().any(|r| !r.disagrees_with.is_empty()) {
        legend.push((
            "≠ another document gives another share".to_string(),
            css(ALERT_RED),
        ));
    }
    if rows.iter().any(|r| r.qualifier.is_some()) {
        notes.push("Bars show the number the text gives; its qualifier (about, over, up to) is in the table.".into());
    }
    Ok(Some(Chart { svg, legend, notes }))
}

// ---- Export-control timeline ----------------------------------------------

/// The colour of an action.
pub fn action_color(a: Action) -> (u8, u8, u8) {
    match a {
        Action::Ban => (214, 39, 40),
        Action::Restriction => (242, 142, 43),
        Action::Variant => (78, 121, 167),
        Action::EntityList => (148, 103, 189),
        Action::Relaxation => (89, 161, 79),
        Action::Proposal => (127, 127, 127),
    }
}

/// What an event is labelled with on the timeline: its chips, else the
/// companies it names, else its authority.
pub fn event_label(r: &EventRow) -> String {
    if !r.chips.is_empty() {
        r.chips.join(", ")
    } else if !r.entities.is_empty() {
        r.entities.join(", ")
    } else {
        r.authorities.join(", ")
    }
}

/// The export-control timeline: one lane per action, a dot at each date the
/// sources give an event (several dots joined by a line when they differ),
/// labelled with the event's chips. Undated events are left to the page.
/// `width` is the SVG's width in pixels (narrower when a list of undated
/// events stands beside it).
pub fn event_chart(
    rows: &[EventRow],
    titles: &[String],
    ids: &[String],
    width: u32,
) -> DrawResult<Option<Chart>> {
    let dated: Vec<usize> = (0..rows.len())
        .filter(|&i| !rows[i].dates.is_empty())
        .collect();
    if dated.is_empty() {
        return Ok(None);
    }
    let mut actions: Vec<Action> = dated.iter().map(|&i| rows[i].action).collect();
    actions.sort();
    actions.dedup();
    let lanes = actions.len();
    let xs: Vec<f64> = dated
        .iter()
        .flat_map(|&i| rows[i].dates.iter().map(|d| date_x(*d)))
        .collect();
    let (x0, x1) = time_range(&xs);
    let (xticks, years) = time_ticks(x0, x1);
    let lane_px = 78;
    let height = (80 + lanes * lane_px) as u32;
    let svg = draw_svg((width, height), "Export-control timeline", |root| {
        let mut chart = ChartBuilder::on(root)
            .margin(16)
            .margin_right(40)
            .x_label_area_size(40)
            .y_label_area_size(100)
            .build_cartesian_2d(
                Axis::new(x0, x1, xticks),
                Axis::new(-0.5, lanes as f64 - 0.5, Vec::new()),
            )?;
        chart
            .configure_mesh()
            .label_style(AXIS_FONT)
            .x_label_formatter(&|x| time_label(*x, years))
            .bold_line_style(RGBColor(225, 225, 225))
            .axis_style(RGBColor(120, 120, 120))
            .draw()?;
        // Lane k (from the top) is centred on y = lanes-k-1.
        let lane_y = |a: Action| {
            let k = actions.iter().position(|x| *x == a).unwrap_or(0);
            (lanes - k - 1) as f64
        };
        for &a in &actions {
            let (left, y) = chart.backend_coord(&(x0, lane_y(a)));
            let (right, _) = chart.backend_coord(&(x1, lane_y(a)));
            root.draw(&PathElement::new(
                vec![(left, y), (right, y)],
                RGBColor(200, 200, 200).stroke_width(1),
            ))?;
            root.draw(&Text::new(
                a.as_str(),
                (left - 8, y),
                bold(13, HPos::Right, VPos::Center).color(&rgb(action_color(a))),
            ))?;
        }
        let right_edge = width as i32 - 8;
        // Labels take the first of three rows of a lane (on the line, above,
        // below) where they do not run into the label before them.
        let mut slot_ends: BTreeMap<(Action, usize), i32> = BTreeMap::new();
        let mut hits = Vec::new();
        for &i in &dated {
            let r = &rows[i];
            let color = rgb(action_color(r.action));
            let y = lane_y(r.action);
            let pts: Vec<(i32, i32)> = r
                .dates
                .iter()
                .map(|d| chart.backend_coord(&(date_x(*d), y)))
                .collect();
            if pts.len() > 1 {
                root.draw(&PathElement::new(
                    vec![pts[0], pts[pts.len() - 1]],
                    color.mix(0.6).stroke_width(3),
                ))?;
            }
            for &p in &pts {
                root.draw(&Circle::new(p, 6, color.filled()))?;
                hits.push(Hit {
                    shape: Shape::Circle {
                        cx: p.0,
                        cy: p.1,
                        r: 9,
                    },
                    href: format!("#{}", ids[i]),
                    title: titles[i].clone(),
                });
            }
            let label = cut(&event_label(r), 40);
            if label.is_empty() {
                continue;
            }
            let x = pts[pts.len() - 1].0 + 10;
            let w = text_px(&label, 12);
            let slot = (0..3)
                .find(|s| slot_ends.get(&(r.action, *s)).is_none_or(|end| x > *end))
                .unwrap_or(0);
            slot_ends.insert((r.action, slot), x + w + 6);
            let ly = match slot {
                0 => pts[0].1 - 14,
                1 => pts[0].1 + 15,
                _ => pts[0].1 - 28,
            };
            // A label that would run off the right edge ends at its dot.
            let (lx, h) = if pts[0].0 - 4 + w > right_edge {
                (pts[pts.len() - 1].0 + 4, HPos::Right)
            } else {
                (pts[0].0 - 4, HPos::Left)
            };
            root.draw(&Text::new(label, (lx, ly), anchored(12, h, VPos::Center)))?;
        }
        Ok(hits)
    })?;
    Ok(Some(Chart {
        svg,
        legend: actions
            .iter()
            .map(|a| (a.as_str().to_string(), css(action_color(*a))))
            .collect(),
        notes: if dated.iter().any(|&i| rows[i].dates.len() > 1) {
            vec!["Dots joined by a bar: the sources date the event differently.".into()]
        } else {
            Vec::new()
        },
    }))
}

// ---- Chips by document -----------------------------------------------------

/// At most this many chips (rows) and documents (columns) in the heatmap.
pub const HEATMAP_CHIPS: usize = 30;
pub const HEATMAP_DOCS: usize = 40;

/// The columns the heatmap shows: every document, or the
/// [`HEATMAP_DOCS`] with the most mentions of the charted chips, in input
/// order.
pub fn heatmap_columns(m: &ChipMatrix) -> Vec<usize> {
    let rows = &m.rows[..m.rows.len().min(HEATMAP_CHIPS)];
    let mut cols: Vec<(usize, u32)> = (0..m.documents.len())
        .map(|j| (j, rows.iter().map(|r| r.counts[j]).sum()))
        .collect();
    if cols.len() > HEATMAP_DOCS {
        cols.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        cols.truncate(HEATMAP_DOCS);
        cols.sort();
    }
    cols.into_iter().map(|(j, _)| j).collect()
}

/// Chips by document: a cell per chip and document, darker for more
/// mentions, with the count written in it. `labels[j]` names document `j`
/// (`D3`), `titles[k]` and `ids[k]` belong to row `k` of the table.
pub fn chip_heatmap(
    m: &ChipMatrix,
    labels: &[String],
    cell_titles: &dyn Fn(usize, usize) -> String,
    ids: &[String],
) -> DrawResult<Option<Chart>> {
    if m.rows.is_empty() {
        return Ok(None);
    }
    let rows = &m.rows[..m.rows.len().min(HEATMAP_CHIPS)];
    let cols = heatmap_columns(m);
    let max = rows
        .iter()
        .flat_map(|r| &r.counts)
        .copied()
        .max()
        .unwrap_or(1)
        .max(1);
    let label_px = 150;
    let (cell_w, cell_h) = (
        (((900 - label_px - 40) / cols.len().max(1) as i32).clamp(22, 56)),
        22,
    );
    let width = (label_px + cell_w * cols.len() as i32 + 40).max(400) as u32;
    let top = 40;
    let height = (top + cell_h * rows.len() as i32 + 20) as u32;
    let low = (239.0, 243.0, 255.0);
    let high = (8.0, 69.0, 148.0);
    let svg = draw_svg((width, height), "Chips by document", |root| {
        let mut hits = Vec::new();
        for (c, &j) in cols.iter().enumerate() {
            let x = label_px + c as i32 * cell_w + cell_w / 2;
            root.draw(&Text::new(
                labels[j].clone(),
                (x, top - 8),
                anchored(12, HPos::Center, VPos::Bottom),
            ))?;
        }
        for (k, r) in rows.iter().enumerate() {
            let y = top + k as i32 * cell_h;
            let name = if r.known {
                cut(&r.chip, 22)
            } else {
                format!("{} ?", cut(&r.chip, 20))
            };
            let style = anchored(13, HPos::Right, VPos::Center);
            let red = rgb(ALERT_RED);
            let style = if r.known { style } else { style.color(&red) };
            root.draw(&Text::new(name, (label_px - 8, y + cell_h / 2), style))?;
            for (c, &j) in cols.iter().enumerate() {
                let x = label_px + c as i32 * cell_w;
                let n = r.counts[j];
                let t = (1.0 + n as f64).ln() / (1.0 + max as f64).ln();
                let fill = if n == 0 {
                    RGBColor(247, 247, 247)
                } else {
                    let mix = |a: f64, b: f64| (a + (b - a) * t).round() as u8;
                    RGBColor(mix(low.0, high.0), mix(low.1, high.1), mix(low.2, high.2))
                };
                root.draw(&Rectangle::new(
                    [(x + 1, y + 1), (x + cell_w - 1, y + cell_h - 1)],
                    fill.filled(),
                ))?;
                if n > 0 {
                    let ink = if t > 0.55 { WHITE } else { BLACK };
                    root.draw(&Text::new(
                        n.to_string(),
                        (x + cell_w / 2, y + cell_h / 2),
                        anchored(11, HPos::Center, VPos::Center).color(&ink),
                    ))?;
                    hits.push(Hit {
                        shape: Shape::Rect {
                            x,
                            y,
                            w: cell_w,
                            h: cell_h,
                        },
                        href: format!("#{}", ids[k]),
                        title: cell_titles(k, j),
                    });
                }
            }
        }
        Ok(hits)
    })?;
    let mut notes = Vec::new();
    if m.rows.len() > rows.len() {
        notes.push(format!(
            "The {} most-named chips of {}; all are in the table.",
            rows.len(),
            m.rows.len()
        ));
    }
    if cols.len() < m.documents.len() {
        notes.push(format!(
            "The {} documents that name these chips most, of {}.",
            cols.len(),
            m.documents.len()
        ));
    }
    Ok(Some(Chart {
        svg,
        legend: vec![
            (
                "1 mention".to_string(),
                css((low.0 as u8, low.1 as u8, low.2 as u8)),
            ),
            (
                format!("{max} mentions"),
                css((high.0 as u8, high.1 as u8, high.2 as u8)),
            ),
        ],
        notes,
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escape_leaves_no_markup() {
        assert_eq!(
            escape("<script>alert(1)</script>\"'&]]>"),
            "&lt;script&gt;alert(1)&lt;/script&gt;&quot;&#39;&amp;]]&gt;"
        );
        assert_eq!(escape("A800价格\u{1}"), "A800价格\u{FFFD}");
    }

    #[test]
    fn dates_sit_in_the_middle_of_their_span() {
        assert_eq!(date_x(PartialDate::year(2023)), 2023.5);
        assert!((date_x(PartialDate::month(2023, 4)) - (2023.0 + 3.5 / 12.0)).abs() < 1e-9);
        let d = date_x(PartialDate::day(2023, 10, 20).unwrap());
        assert!(d > date_x(PartialDate::month(2023, 10)) && d < 2023.0 + 10.0 / 12.0);
    }

    #[test]
    fn one_date_gets_a_half_year_axis_with_month_ticks() {
        let (lo, hi) = time_range(&[2023.3]);
        assert!(hi - lo >= 0.5, "{lo} {hi}");
        let (ticks, years) = time_ticks(lo, hi);
        assert!(!years && (3..=10).contains(&ticks.len()), "{ticks:?}");
        assert_eq!(time_label(ticks[0], false).len(), 7);
        let (ticks, years) = time_ticks(2015.0, 2024.0);
        assert!(years && ticks.len() <= 10, "{ticks:?}");
        assert_eq!(time_label(2020.0, true), "2020");
    }

    #[test]
    fn one_price_gets_an_axis_from_zero() {
        let a = UsdAxis::new(&[16666.0]);
        assert!(!a.log && a.lo == 0.0 && a.hi > 16666.0);
        assert!(a.ticks.len() >= 3, "{:?}", a.ticks);
        let a = UsdAxis::new(&[2000.0, 70000.0]);
        assert!(a.log);
        assert_eq!(a.label(a.y(50000.0)), "$50k");
        assert_eq!(usd_label(1_200_000.0), "$1.2M");
        assert_eq!(usd_label(500.0), "$500");
    }

    /// Marks of an SVG drawn by plotters (the hit areas left out).
    fn count(svg: &str, tag: &str) -> usize {
        svg.matches(&format!("<{tag} "))
            .count()
            .saturating_sub(svg.matches(&format!("<{tag} class=\"hit\"")).count())
    }

    #[test]
    fn many_shares_are_cut_to_the_first_bars_with_a_note() {
        let rows: Vec<ShareRow> = (0..100)
            .map(|i| ShareRow {
                subject: format!("厂商{i}"),
                market: Some(format!("市场{}", i / 3)),
                region: None,
                year: Some(2023),
                percent: i as f64,
                qualifier: None,
                source: super::super::Source {
                    doc: "a.txt".into(),
                    line: i + 1,
                },
                disagrees_with: Vec::new(),
                evidence: String::new(),
            })
            .collect();
        let ids: Vec<String> = (0..100).map(|i| format!("share-{i}")).collect();
        let chart = share_chart(&rows, &ids, &ids).unwrap().unwrap();
        assert_eq!(count(&chart.svg, "rect"), 1 + SHARE_BARS);
        assert_eq!(chart.svg.matches("class=\"hit\"").count(), SHARE_BARS);
        assert!(chart.notes[0].starts_with("The first 80 of 100 claims"));
        // Each group of three has its heading; none is left without bars.
        assert_eq!(chart.svg.matches("· 2023").count(), SHARE_BARS.div_ceil(3));
    }

    #[test]
    fn the_heatmap_keeps_the_documents_that_name_the_chips_most() {
        let n = HEATMAP_DOCS + 5;
        let m = ChipMatrix {
            documents: (0..n).map(|j| format!("d{j}.txt")).collect(),
            rows: vec![super::super::ChipRow {
                chip: "A800".into(),
                vendor: "NVIDIA".into(),
                known: true,
                // Documents 0-4 name it least.
                counts: (0..n).map(|j| if j < 5 { 1 } else { 2 }).collect(),
                total: 0,
                first_mentions: vec![None; n],
            }],
        };
        let cols = heatmap_columns(&m);
        assert_eq!(cols, (5..n).collect::<Vec<_>>());
        let labels: Vec<String> = (0..n).map(|j| format!("D{}", j + 1)).collect();
        let chart = chip_heatmap(&m, &labels, &|_, _| String::new(), &["chip-1".into()])
            .unwrap()
            .unwrap();
        assert_eq!(count(&chart.svg, "rect"), 1 + HEATMAP_DOCS);
        assert!(chart.notes[0].contains("40 documents"), "{:?}", chart.notes);
    }

    #[test]
    fn long_labels_are_cut_by_columns() {
        assert_eq!(cut("数据中心GPU", 20), "数据中心GPU");
        assert_eq!(cut("国产芯片和一众芯片巨头", 10), "国产芯片…");
    }
}

//! Bar charts: the bands by area, the districts compared, the criteria
//! coverage, the target communes, and the commune's criteria grid.

use super::canvas::{self, Anchor, Canvas, Meta};
use super::figures::{BandRow, CoverageRow, DistrictRow, TargetRow};
use super::format;
use super::layout::*;
use crate::render::i18n::Strings;

/// The keys of the band names shown in legends and tables, in
/// [`BAND_KEYS`] order.
///
/// [`BAND_KEYS`]: crate::report::timeline::BAND_KEYS
const BAND_NAME_KEYS: [&str; 5] = [
    "ch_band_standard",
    "ch_band_15",
    "ch_band_10",
    "ch_band_5",
    "ch_band_0",
];

/// The band names in the site's words, in [`BAND_KEYS`] order.
///
/// [`BAND_KEYS`]: crate::report::timeline::BAND_KEYS
pub fn band_names<'a>(s: &Strings<'a>) -> [&'a str; 5] {
    BAND_NAME_KEYS.map(|k| s.get(k))
}

/// Lays out legend items (a swatch and a label each) in lines no wider than
/// `width`; returns each item's line and left edge.
fn legend_layout(labels: &[&str], width: f64) -> (Vec<(usize, f64)>, usize) {
    let mut out = Vec::new();
    let (mut line, mut x) = (0usize, 0.0);
    for l in labels {
        let w = 16.0 + LABEL.width(l) + 14.0;
        if x > 0.0 && x + w - 14.0 > width {
            line += 1;
            x = 0.0;
        }
        out.push((line, x));
        x += w;
    }
    (out, if labels.is_empty() { 0 } else { line + 1 })
}

fn draw_legend(c: &Canvas, labels: &[&str], colors: &[u32], x0: f64, y0: f64, width: f64) {
    let (pos, _) = legend_layout(labels, width);
    for ((l, col), (line, x)) in labels.iter().zip(colors).zip(pos) {
        let y = y0 + LEGEND_LINE * (line as f64 + 0.5);
        c.rect(x0 + x, y - 6.0, x0 + x + 12.0, y + 6.0, *col);
        c.rect_outline(x0 + x, y - 6.0, x0 + x + 12.0, y + 6.0, AXIS, 1);
        c.text(x0 + x + 16.0, y, l, LABEL, Anchor::Start);
    }
}

const LEGEND_LINE: f64 = 20.0;

/// The left label column: as wide as the widest label, at most `cap`; a
/// label wider than that is wrapped.
fn label_column(labels: &[String], bold_first: bool, cap: f64) -> (f64, Vec<Vec<String>>) {
    let widest = labels
        .iter()
        .enumerate()
        .map(|(i, l)| {
            if i == 0 && bold_first {
                LABEL_BOLD.width(l)
            } else {
                LABEL.width(l)
            }
        })
        .fold(0.0, f64::max);
    let w = widest.min(cap);
    let lines = labels
        .iter()
        .enumerate()
        .map(|(i, l)| {
            wrap(
                l,
                if i == 0 && bold_first {
                    LABEL_BOLD
                } else {
                    LABEL
                },
                w,
            )
        })
        .collect();
    (w, lines)
}

/// The bands of criteria met, one 100 % bar per area.
pub fn bands(meta: &Meta, frame: &Frame, rows: &[BandRow]) -> String {
    let names: Vec<String> = rows.iter().map(|r| r.name.clone()).collect();
    let known_labels: Vec<String> = rows
        .iter()
        .map(|r| match r.levels.known {
            // A district with no data says so once, beside its name.
            0 => String::new(),
            n => frame.s.fill_n(
                "ch_n_communes",
                u64::from(n),
                &[("n", &format::count(frame.lang(), n))],
            ),
        })
        .collect();
    let (label_w, label_lines) = label_column(&names, true, frame.inner() * 0.34);
    let label_w = known_labels
        .iter()
        .map(|l| TICK.width(l))
        .fold(label_w, f64::max);
    let band_names = band_names(frame.s);
    let (_, legend_n) = legend_layout(&band_names, frame.inner());
    let bar_x0 = PAD + label_w + 10.0;
    let bar_x1 = frame.width - PAD;
    let row_h = |i: usize| (label_lines[i].len() as f64 * line_height(LABEL) + 16.0).max(40.0);
    let legend_h = legend_n as f64 * LEGEND_LINE + 10.0;
    let body: f64 = legend_h + (0..rows.len()).map(row_h).sum::<f64>() + 8.0;
    let height = frame.height(body);
    let hh = frame.header_height();
    canvas::draw(frame.width as u32, height, meta, |c| {
        frame.draw(c, f64::from(height));
        draw_legend(c, &band_names, &BAND_COLORS, PAD, hh, frame.inner());
        let mut y = hh + legend_h;
        for (i, r) in rows.iter().enumerate() {
            let h = row_h(i);
            let mid = y + h / 2.0;
            let font = if i == 0 { LABEL_BOLD } else { LABEL };
            let lines = &label_lines[i];
            let lh = line_height(LABEL);
            let mut ly = mid - 7.0 - (lines.len() as f64 - 1.0) * lh / 2.0;
            for l in lines {
                c.text(PAD, ly, l, font, Anchor::Start);
                ly += lh;
            }
            if !known_labels[i].is_empty() {
                c.text(PAD, ly - 1.0, &known_labels[i], TICK, Anchor::Start);
            }
            let (b0, b1) = (mid - 11.0, mid + 11.0);
            if r.levels.known == 0 {
                c.text(bar_x0, mid, frame.s.get("ch_no_data"), TICK, Anchor::Start);
            } else {
                let total = f64::from(r.levels.known);
                let mut x = bar_x0;
                for (k, &n) in r.levels.bands.iter().enumerate() {
                    if n == 0 {
                        continue;
                    }
                    let w = f64::from(n) / total * (bar_x1 - bar_x0);
                    c.rect(x, b0, x + w, b1, BAND_COLORS[k]);
                    let label = format::count(frame.lang(), n);
                    if TICK.width(&label) + 6.0 <= w {
                        c.text(
                            x + w / 2.0,
                            mid,
                            &label,
                            TICK.with_color(ink_on(BAND_COLORS[k])),
                            Anchor::Middle,
                        );
                    }
                    x += w;
                }
                c.rect_outline(bar_x0, b0, bar_x1, b1, AXIS, 1);
            }
            if i == 0 && rows.len() > 1 {
                c.line(&[(PAD, y + h), (frame.width - PAD, y + h)], AXIS, 1);
            }
            y += h;
        }
    })
}

/// One small bar panel of the districts chart.
struct BarPanel<'a> {
    heading: &'a str,
    x0: f64,
    x1: f64,
    max: f64,
    color: u32,
    reference: (f64, String),
}

fn bar_value(c: &Canvas, p: &BarPanel, y: f64, v: f64, label: &str) {
    let w = (v / p.max).clamp(0.0, 1.0) * (p.x1 - p.x0);
    c.rect(p.x0, y - 8.0, p.x0 + w, y + 8.0, p.color);
    let lw = TICK.width(label);
    if w >= lw + 10.0 {
        c.text(
            p.x0 + w - 4.0,
            y,
            label,
            TICK.with_color(ink_on(p.color)),
            Anchor::End,
        );
    } else {
        // Outside the bar, on white over the reference line.
        c.rect(
            p.x0 + w + 2.0,
            y - 8.0,
            p.x0 + w + lw + 6.0,
            y + 8.0,
            0xFFFFFF,
        );
        c.text(
            p.x0 + w + 4.0,
            y,
            label,
            TICK.with_color(INK),
            Anchor::Start,
        );
    }
}

/// The districts side by side: the share meeting the standard and the
/// average criteria met, sorted, with the province as a reference line.
pub fn districts(
    meta: &Meta,
    frame: &Frame,
    province: &DistrictRow,
    rows: &[DistrictRow],
    max_criteria: f64,
) -> String {
    let names: Vec<String> = rows.iter().map(|r| r.name.clone()).collect();
    let (label_w, label_lines) = label_column(&names, false, frame.inner() * 0.3);
    let gap = 14.0;
    let panel_w = (frame.inner() - label_w - 2.0 * gap) / 2.0;
    let px0 = PAD + label_w + gap;
    let share_ref = province.share_tenths().unwrap_or(0) as f64 / 10.0;
    let avg_ref = province
        .average_met
        .map(|a| a.0 as f64 / 100.0)
        .unwrap_or(0.0);
    let panels = [
        BarPanel {
            heading: frame.s.get("ch_districts_share"),
            x0: px0,
            x1: px0 + panel_w,
            max: 100.0,
            color: BLUE,
            reference: (
                share_ref,
                frame.s.fill(
                    "ch_province_value",
                    &[(
                        "value",
                        &format::percent(
                            frame.lang(),
                            u64::from(province.meets_standard),
                            u64::from(province.known),
                        ),
                    )],
                ),
            ),
        },
        BarPanel {
            heading: frame.s.get("ch_col_average"),
            x0: px0 + panel_w + gap,
            x1: px0 + 2.0 * panel_w + gap,
            max: max_criteria.max(1.0),
            color: GREEN,
            reference: (
                avg_ref,
                frame.s.fill(
                    "ch_province_value",
                    &[(
                        "value",
                        &province
                            .average_met
                            .map(|a| format::dec(frame.lang(), a, 1))
                            .unwrap_or("–".into()),
                    )],
                ),
            ),
        },
    ];
    let heads: Vec<Vec<String>> = panels
        .iter()
        .map(|p| wrap(p.heading, LABEL_BOLD, panel_w))
        .collect();
    let head_h = heads.iter().map(Vec::len).max().unwrap_or(1) as f64 * line_height(LABEL_BOLD);
    // The reference labels ("Toàn tỉnh 11,8%"), centred on their line
    // within their panel; on a narrow chart, where the two would meet, the
    // first goes a row higher.
    let refs: Vec<(f64, f64)> = panels
        .iter()
        .map(|p| {
            let x = p.x0 + (p.reference.0 / p.max).clamp(0.0, 1.0) * (p.x1 - p.x0);
            let w = TICK.width(&p.reference.1);
            let lx = (x - w / 2.0).min(p.x1 - w).max(p.x0);
            (x, lx)
        })
        .collect();
    let two_rows = refs[0].1 + TICK.width(&panels[0].reference.1) + 6.0 > refs[1].1;
    let ref_h = if two_rows { 32.0 } else { 16.0 };
    let row_h = |i: usize| (label_lines[i].len() as f64 * line_height(LABEL) + 8.0).max(26.0);
    let rows_h: f64 = (0..rows.len()).map(row_h).sum();
    let body = head_h + ref_h + 6.0 + rows_h + 8.0;
    let height = frame.height(body);
    let hh = frame.header_height();
    canvas::draw(frame.width as u32, height, meta, |c| {
        frame.draw(c, f64::from(height));
        let top = hh + head_h + ref_h + 6.0;
        let bottom = top + rows_h;
        for (p, head) in panels.iter().zip(&heads) {
            let mut y = hh + line_height(LABEL_BOLD) / 2.0;
            for l in head {
                c.text(p.x0, y, l, LABEL_BOLD, Anchor::Start);
                y += line_height(LABEL_BOLD);
            }
            c.line(&[(p.x0, top - 2.0), (p.x0, bottom)], AXIS, 1);
        }
        for (k, p) in panels.iter().enumerate() {
            let (x, lx) = refs[k];
            c.dashed((x, top - 4.0), (x, bottom), VERMILION, 2, 4.0);
            let row_y = if two_rows && k == 0 { 28.0 } else { 12.0 };
            c.text(
                lx,
                top - row_y,
                &p.reference.1,
                TICK.with_color(0xA04000),
                Anchor::Start,
            );
        }
        let mut y = top;
        for (i, r) in rows.iter().enumerate() {
            let h = row_h(i);
            let mid = y + h / 2.0;
            let lh = line_height(LABEL);
            let lines = &label_lines[i];
            let mut ly = mid - (lines.len() as f64 - 1.0) * lh / 2.0;
            for l in lines {
                c.text(PAD, ly, l, LABEL, Anchor::Start);
                ly += lh;
            }
            if r.known == 0 {
                let no_data = frame.s.get("ch_no_data_lower");
                let w = TICK.width(no_data);
                c.rect(
                    panels[0].x0 + 2.0,
                    mid - 8.0,
                    panels[0].x0 + w + 6.0,
                    mid + 8.0,
                    0xFFFFFF,
                );
                c.text(panels[0].x0 + 4.0, mid, no_data, TICK, Anchor::Start);
            } else {
                let share = r.share_tenths().unwrap_or(0) as f64 / 10.0;
                let share_label = format::percent(
                    frame.lang(),
                    u64::from(r.meets_standard),
                    u64::from(r.known),
                );
                bar_value(c, &panels[0], mid, share, &share_label);
                if let Some(a) = r.average_met {
                    bar_value(
                        c,
                        &panels[1],
                        mid,
                        a.0 as f64 / 100.0,
                        &format::dec(frame.lang(), a, 1),
                    );
                }
            }
            y += h;
        }
    })
}

/// How many of the hardest criteria are highlighted.
pub const HARDEST: usize = 3;

/// The criteria sorted from the hardest (lowest share) to the easiest; ties
/// by number.
pub fn coverage_order(rows: &[CoverageRow]) -> Vec<usize> {
    let mut idx: Vec<usize> = (0..rows.len()).collect();
    idx.sort_by(|&a, &b| {
        let (ra, rb) = (&rows[a], &rows[b]);
        // meeting/known compared exactly: ma*kb vs mb*ka.
        (u64::from(ra.meeting) * u64::from(rb.known.max(1)))
            .cmp(&(u64::from(rb.meeting) * u64::from(ra.known.max(1))))
            .then(ra.number.cmp(&rb.number))
    });
    idx
}

/// The hardest criteria: the [`HARDEST`] with the lowest shares, and any
/// tied with the last of them; never one that every commune meets.
pub fn hardest(rows: &[CoverageRow], order: &[usize]) -> Vec<usize> {
    let short: Vec<usize> = order
        .iter()
        .copied()
        .filter(|&i| rows[i].meeting < rows[i].known)
        .collect();
    let Some(&cut) = short.get(HARDEST.min(short.len()).saturating_sub(1)) else {
        return Vec::new();
    };
    let (cm, ck) = (u64::from(rows[cut].meeting), u64::from(rows[cut].known));
    short
        .into_iter()
        .filter(|&i| u64::from(rows[i].meeting) * ck <= cm * u64::from(rows[i].known))
        .collect()
}

/// The share of communes meeting each criterion, hardest first, each label
/// above its bar.
pub fn coverage(meta: &Meta, frame: &Frame, rows: &[CoverageRow]) -> String {
    let known = rows.first().map(|r| r.known).unwrap_or(0);
    if known == 0 || rows.is_empty() {
        return super::lines::empty_chart(meta, frame, frame.s.get("ch_no_data_sentence"));
    }
    let order = coverage_order(rows);
    let hardest = hardest(rows, &order);
    let value_w = TICK.width("100,0%") + 6.0;
    let x0 = PAD;
    let x1 = frame.width - PAD - value_w;
    let labels: Vec<Vec<String>> = order
        .iter()
        .map(|&i| {
            let r = &rows[i];
            let f = if hardest.contains(&i) {
                LABEL_BOLD
            } else {
                LABEL
            };
            wrap(&format!("{}. {}", r.number, r.name), f, frame.inner())
        })
        .collect();
    let lh = line_height(LABEL);
    let row_h = |k: usize| labels[k].len() as f64 * lh + 14.0 + 8.0;
    let legend = [
        frame.s.get("ch_coverage_hardest"),
        frame.s.get("ch_coverage_others"),
    ];
    let (_, legend_n) = legend_layout(&legend, frame.inner());
    let legend_h = legend_n as f64 * LEGEND_LINE + 6.0;
    let scale_h = 18.0;
    let rows_h: f64 = (0..order.len()).map(row_h).sum();
    let body = legend_h + scale_h + rows_h + 6.0;
    let height = frame.height(body);
    let hh = frame.header_height();
    canvas::draw(frame.width as u32, height, meta, |c| {
        frame.draw(c, f64::from(height));
        draw_legend(c, &legend, &[VERMILION, LIGHT_BLUE], PAD, hh, frame.inner());
        let top = hh + legend_h + scale_h;
        let bottom = top + rows_h;
        for q in 0..=4 {
            let x = x0 + f64::from(q) / 4.0 * (x1 - x0);
            c.line(
                &[(x, top - 2.0), (x, bottom)],
                if q == 0 { AXIS } else { GRID },
                1,
            );
            let label = format!("{}%", q * 25);
            let anchor = if q == 0 {
                Anchor::Start
            } else {
                Anchor::Middle
            };
            c.text(x, top - scale_h / 2.0 - 2.0, &label, TICK, anchor);
        }
        let mut y = top;
        for (k, &i) in order.iter().enumerate() {
            let r = &rows[i];
            let hard = hardest.contains(&i);
            let f = if hard { LABEL_BOLD } else { LABEL };
            let mut ly = y + lh / 2.0 + 2.0;
            for l in &labels[k] {
                c.text(PAD, ly, l, f, Anchor::Start);
                ly += lh;
            }
            let by = y + labels[k].len() as f64 * lh + 4.0;
            let w = f64::from(r.meeting) / f64::from(r.known) * (x1 - x0);
            c.rect(
                x0,
                by,
                x0 + w,
                by + 14.0,
                if hard { VERMILION } else { LIGHT_BLUE },
            );
            let value = format::percent(frame.lang(), u64::from(r.meeting), u64::from(r.known));
            c.text(
                x0 + w + 4.0,
                by + 7.0,
                &value,
                if hard {
                    LABEL_BOLD
                } else {
                    TICK.with_color(INK)
                },
                Anchor::Start,
            );
            y += row_h(k);
        }
    })
}

/// The target communes: criteria met (dark) and left (light), sorted.
pub fn targets(meta: &Meta, frame: &Frame, rows: &[TargetRow]) -> String {
    if rows.is_empty() {
        return super::lines::empty_chart(meta, frame, frame.s.get("ch_no_targets"));
    }
    let names: Vec<String> = rows.iter().map(target_label(rows)).collect();
    let (label_w, label_lines) = label_column(&names, false, frame.inner() * 0.34);
    let standard = frame.s.get("ch_standard");
    let no_data = frame.s.get("ch_no_data_lower");
    let end_w = LABEL_BOLD.width(standard).max(TICK.width(no_data)) + 6.0;
    let bx0 = PAD + label_w + 10.0;
    let bx1 = frame.width - PAD - end_w;
    let max_total = rows
        .iter()
        .filter_map(|r| r.met.map(|m| m.1))
        .max()
        .unwrap_or(1)
        .max(1);
    let legend = [
        frame.s.get("ch_targets_met"),
        frame.s.get("ch_targets_left"),
    ];
    let (_, legend_n) = legend_layout(&legend, frame.inner());
    let legend_h = legend_n as f64 * LEGEND_LINE + 8.0;
    let lh = line_height(LABEL);
    let row_h = |i: usize| (label_lines[i].len() as f64 * lh + 8.0).max(26.0);
    let rows_h: f64 = (0..rows.len()).map(row_h).sum();
    let height = frame.height(legend_h + rows_h + 6.0);
    let hh = frame.header_height();
    canvas::draw(frame.width as u32, height, meta, |c| {
        frame.draw(c, f64::from(height));
        draw_legend(c, &legend, &[BLUE, PALE], PAD, hh, frame.inner());
        let mut y = hh + legend_h;
        let unit = (bx1 - bx0) / f64::from(max_total);
        for (i, r) in rows.iter().enumerate() {
            let h = row_h(i);
            let mid = y + h / 2.0;
            let lines = &label_lines[i];
            let mut ly = mid - (lines.len() as f64 - 1.0) * lh / 2.0;
            for l in lines {
                c.text(PAD, ly, l, LABEL, Anchor::Start);
                ly += lh;
            }
            match r.met {
                None => c.text(bx0, mid, no_data, TICK, Anchor::Start),
                Some((met, total)) => {
                    let xm = bx0 + f64::from(met.min(total)) * unit;
                    let xt = bx0 + f64::from(total) * unit;
                    c.rect(bx0, mid - 9.0, xm, mid + 9.0, BLUE);
                    c.rect(xm, mid - 9.0, xt, mid + 9.0, PALE);
                    c.rect_outline(bx0, mid - 9.0, xt, mid + 9.0, BLUE, 1);
                    let ml = format::count(frame.lang(), met);
                    if TICK.width(&ml) + 6.0 <= xm - bx0 {
                        c.text(
                            bx0 + 4.0,
                            mid,
                            &ml,
                            TICK.with_color(0xFFFFFF),
                            Anchor::Start,
                        );
                    }
                    if met >= total {
                        c.text(
                            xt + 5.0,
                            mid,
                            standard,
                            LABEL_BOLD.with_color(BLUE),
                            Anchor::Start,
                        );
                    } else {
                        let left = frame
                            .s
                            .fill("ch_left_n", &[("n", &(total - met).to_string())]);
                        c.text(xt + 5.0, mid, &left, LABEL, Anchor::Start);
                    }
                }
            }
            y += h;
        }
    })
}

/// Each target commune's label: its name, with the district when two
/// communes of the list share a name.
pub fn target_label(rows: &[TargetRow]) -> impl Fn(&TargetRow) -> String + '_ {
    move |r| {
        let dup = rows.iter().filter(|o| o.name == r.name).count() > 1;
        match (&r.district, dup) {
            (Some(d), true) => format!("{} ({d})", r.name),
            _ => r.name.clone(),
        }
    }
}

/// Cell size and gap of the criteria grid.
pub const CELL: f64 = 12.0;
pub const CELL_GAP: f64 = 2.0;

/// A row of cells, one per criterion: filled when met.
pub fn grid(meta: &Meta, met: Option<(usize, crate::model::Met)>, n: usize) -> String {
    let n = n.max(1);
    let width = (n as f64 * (CELL + CELL_GAP) - CELL_GAP + 2.0).ceil() as u32;
    let height = (CELL + 2.0) as u32;
    canvas::draw(width, height, meta, |c| {
        for k in 1..=n {
            let x = 1.0 + (k - 1) as f64 * (CELL + CELL_GAP);
            match met {
                Some((_, m)) if m.has(k) => c.rect(x, 1.0, x + CELL, 1.0 + CELL, BLUE),
                Some(_) => c.rect_outline(x, 1.0, x + CELL, 1.0 + CELL, AXIS, 1),
                None => c.rect(x, 1.0, x + CELL, 1.0 + CELL, 0xEEEEEE),
            }
        }
    })
}

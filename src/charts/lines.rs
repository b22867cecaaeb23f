//! Charts over time: the province's progress, the indicators and one
//! commune's path. Values are drawn as steps (a state holds until the next
//! report), on a shared time axis with a tick at each 1 January.

use super::canvas::{self, Anchor, Canvas, Font, Meta};
use super::figures::{CommuneTrack, IndicatorPoint, Progress};
use super::format;
use super::layout::*;
use crate::date::Date;

/// One line of a panel.
pub struct Series {
    /// `(day, value)` in date order.
    pub points: Vec<(f64, f64)>,
    pub color: u32,
    pub width: u32,
    /// The series' name in the legend (empty: no legend entry).
    pub name: String,
    /// The label at the line's end (the latest value).
    pub end_label: String,
}

/// A vertical marker across the panels.
pub struct Marker {
    pub day: f64,
    /// When set, the marker is a light band from `day` to this day.
    pub until: Option<f64>,
    pub label: String,
    pub color: u32,
}

/// A panel: a heading, an optional legend, a plot.
pub struct Panel {
    pub heading: String,
    pub series: Vec<Series>,
    pub plot_height: f64,
    /// The top of the value axis (0 when it follows the data).
    pub max: u64,
    /// Draw each point as a dot as well (few points).
    pub dots: bool,
    /// A dashed horizontal reference line at this value (the heading says
    /// what it is).
    pub reference: Option<f64>,
}

const LEGEND_H: f64 = 20.0;
const HEAD_H: f64 = 20.0;
const AXIS_H: f64 = 24.0;
const LANE_H: f64 = 18.0;
const MARK: Font = Font::new(13.0, false, INK);

fn step_path(points: &[(f64, f64)], x: &Scale, y: &Scale) -> Vec<(f64, f64)> {
    let mut out = Vec::with_capacity(points.len() * 2);
    for (i, &(d, v)) in points.iter().enumerate() {
        if i > 0 {
            out.push((x.at(d), y.at(points[i - 1].1)));
        }
        out.push((x.at(d), y.at(v)));
    }
    out
}

fn panel_top(p: &Panel) -> u64 {
    let data_max = p
        .series
        .iter()
        .flat_map(|s| s.points.iter().map(|&(_, v)| v.ceil() as u64))
        .chain(p.reference.iter().map(|v| v.ceil() as u64))
        .max()
        .unwrap_or(1);
    p.max.max(data_max)
}

fn legend_lines(p: &Panel, width: f64) -> Vec<Vec<usize>> {
    let mut lines: Vec<Vec<usize>> = Vec::new();
    let mut used = f64::INFINITY;
    for (i, s) in p.series.iter().enumerate() {
        if s.name.is_empty() {
            continue;
        }
        let w = 26.0 + LABEL.width(&s.name) + 14.0;
        if used + w > width {
            lines.push(Vec::new());
            used = 0.0;
        }
        if let Some(l) = lines.last_mut() {
            l.push(i);
        }
        used += w;
    }
    lines
}

/// Draws panels one under another on a shared time axis and returns the SVG.
pub fn time_chart(
    meta: &Meta,
    frame: &Frame,
    range: (f64, f64),
    panels: &[Panel],
    markers: &[Marker],
) -> String {
    let tops: Vec<(u64, u64)> = panels.iter().map(|p| nice_ticks(panel_top(p), 4)).collect();
    let axis_w = tops
        .iter()
        .map(|&(_, t)| value_axis_width(t, frame.lang()))
        .fold(0.0, f64::max);
    let end_w = panels
        .iter()
        .flat_map(|p| p.series.iter().map(|s| LABEL_BOLD.width(&s.end_label)))
        .fold(0.0, f64::max);
    let x0 = PAD + axis_w + 6.0;
    let x1 = frame.width - PAD - end_w - 6.0;
    let x = Scale::new(range.0, range.1, x0, x1);
    // Marker labels in lanes above the first plot, placed so that no
    // marker's line (which runs from its label down to the plots) crosses
    // another marker's label.
    let (extents, lane_of, n_lanes) = marker_lanes(markers, &x, PAD, frame.width - PAD);
    let lanes_h = n_lanes as f64 * LANE_H;
    let mut body = 0.0;
    let mut layout = Vec::new();
    for (i, p) in panels.iter().enumerate() {
        let legend = legend_lines(p, x1 - PAD);
        let lanes_here = if i == 0 { lanes_h } else { 0.0 };
        let head = wrap(&p.heading, LABEL_BOLD, frame.inner());
        let top = body
            + HEAD_H * head.len().max(1) as f64
            + legend.len() as f64 * LEGEND_H
            + 6.0
            + lanes_here;
        layout.push((top, legend, head));
        body = top + p.plot_height + if i + 1 == panels.len() { AXIS_H } else { 14.0 };
    }
    let height = frame.height(body);
    let hh = frame.header_height();
    canvas::draw(frame.width as u32, height, meta, |c| {
        frame.draw(c, f64::from(height));
        let plots: Vec<(f64, f64)> = panels
            .iter()
            .zip(&layout)
            .map(|(p, (top, _, _))| (hh + top, hh + top + p.plot_height))
            .collect();
        // The end labels' boxes, which marker lines break around.
        let mut end_boxes: Vec<(f64, f64, f64, f64)> = Vec::new();
        for (k, p) in panels.iter().enumerate() {
            let (top, legend, head) = &layout[k];
            let (py0, py1) = plots[k];
            let (step, vmax) = tops[k];
            let y = Scale::new(0.0, vmax as f64, py1, py0);
            let lanes_here = if k == 0 { lanes_h } else { 0.0 };
            let head_y =
                hh + top - lanes_here - legend.len() as f64 * LEGEND_H - HEAD_H / 2.0 - 6.0;
            for (hl, line) in head.iter().enumerate() {
                let back = (head.len() - 1 - hl) as f64 * HEAD_H;
                c.text(PAD, head_y - back, line, LABEL_BOLD, Anchor::Start);
            }
            for (li, line) in legend.iter().enumerate() {
                let ly = head_y + HEAD_H / 2.0 + LEGEND_H * (li as f64 + 0.5);
                let mut lx = PAD;
                for &si in line {
                    let s = &p.series[si];
                    c.line(&[(lx, ly), (lx + 20.0, ly)], s.color, s.width);
                    c.text(lx + 26.0, ly, &s.name, LABEL, Anchor::Start);
                    lx += 26.0 + LABEL.width(&s.name) + 14.0;
                }
            }
            for m in markers {
                if let Some(until) = m.until {
                    c.rect(x.at(m.day), py0, x.at(until), py1, BAND_FILL);
                }
            }
            value_axis(c, &y, x0, x1, step, vmax, frame.lang());
            year_grid(c, &x, py0, py1);
            if let Some(v) = p.reference {
                // Up to the end labels, which start beside the last points.
                let yy = y.at(v);
                let stop = p
                    .series
                    .iter()
                    .filter_map(|s| s.points.last())
                    .map(|&(d, _)| x.at(d) + 3.0)
                    .fold(x1, f64::min);
                c.dashed((x0, yy), (stop.max(x0), yy), MUTED, 1, 4.0);
            }
            let mut ends = Vec::new();
            for s in &p.series {
                if s.points.is_empty() {
                    continue;
                }
                c.line(&step_path(&s.points, &x, &y), s.color, s.width);
                if p.dots {
                    for &(d, v) in &s.points {
                        c.circle(x.at(d), y.at(v), 3, s.color);
                    }
                }
                if let Some(&(d, v)) = s.points.last() {
                    ends.push((x.at(d), y.at(v), s));
                }
            }
            let wanted: Vec<f64> = ends.iter().map(|e| e.1).collect();
            // End labels stay clear of the axis line at the plot's foot.
            let placed = spread(&wanted, 15.0, py0, py1 - 7.0);
            for ((ex, _, s), ly) in ends.iter().zip(placed) {
                let size = LABEL_BOLD.size;
                end_boxes.push((
                    ex + 6.0,
                    ex + 6.0 + LABEL_BOLD.width(&s.end_label),
                    ly - 0.45 * size - 2.0,
                    ly + 0.3 * size + 2.0,
                ));
                c.text(
                    ex + 6.0,
                    ly,
                    &s.end_label,
                    LABEL_BOLD.with_color(s.color),
                    Anchor::Start,
                );
            }
            if k + 1 == panels.len() {
                time_axis(c, &x, py1, true);
            }
        }
        // Markers across every plot, labels in their lanes.
        if let (Some(first), Some(last)) = (plots.first(), plots.last()) {
            let lane_y = |k: usize| first.0 - lanes_h + LANE_H * (k as f64 + 0.5);
            for (i, m) in markers.iter().enumerate() {
                let mx = x.at(m.day);
                let ly = lane_y(lane_of[i]);
                // Where the lanes leave no clean place, the line breaks
                // around the labels of the lanes below instead of crossing them.
                let mut gaps: Vec<(f64, f64)> = (0..markers.len())
                    .filter(|&j| lane_of[j] > lane_of[i])
                    .filter(|&j| mx > extents[j].0 - 3.0 && mx < extents[j].1 + 3.0)
                    .map(|j| {
                        let y = lane_y(lane_of[j]);
                        (y - 0.45 * MARK.size - 2.0, y + 0.3 * MARK.size + 2.0)
                    })
                    .collect();
                gaps.extend(
                    end_boxes
                        .iter()
                        .filter(|b| mx > b.0 - 3.0 && mx < b.1 + 3.0)
                        .map(|b| (b.2, b.3)),
                );
                // Between two plots the line breaks too, clear of the next
                // panel's heading and legend.
                if m.until.is_none() {
                    for w in plots.windows(2) {
                        gaps.push((w[0].1, w[1].0));
                    }
                }
                gaps.sort_by(|a, b| a.0.total_cmp(&b.0));
                let end = if m.until.is_none() { last.1 } else { first.0 };
                let mut from = ly + 6.0;
                for (g0, g1) in gaps.into_iter().chain(std::iter::once((end, end))) {
                    let g0 = g0.min(end);
                    if g0 > from {
                        if m.until.is_none() {
                            c.dashed((mx, from), (mx, g0), m.color, 1, 3.0);
                        } else {
                            c.line(&[(mx, from), (mx, g0)], m.color, 1);
                        }
                    }
                    from = from.max(g1);
                }
                c.text(
                    extents[i].3,
                    ly,
                    &m.label,
                    MARK.with_color(m.color),
                    extents[i].2,
                );
            }
        }
    })
}

/// A marker label's place: left and right edges, anchor and anchor x.
type Placed = (f64, f64, Anchor, f64);

/// Lanes (0 at the top) for the marker labels. A label goes to the first
/// lane where it overlaps no label, covers no line of a marker labelled in
/// a lane above (that line runs down through this lane), and where its own
/// line, running down through the lanes below, crosses no label there; it
/// is tried to the right of its marker, then to the left.
fn marker_lanes(
    markers: &[Marker],
    x: &Scale,
    lo: f64,
    hi: f64,
) -> (Vec<Placed>, Vec<usize>, usize) {
    const GAP: f64 = 8.0;
    const CLEAR: f64 = 3.0;
    let mut placed: Vec<(Placed, usize, f64)> = Vec::new();
    let mut lanes_used = 0usize;
    for m in markers {
        let w = MARK.width(&m.label);
        let mx = x.at(m.day);
        let mut sides: Vec<Placed> = Vec::new();
        if mx + 4.0 + w <= hi {
            sides.push((mx + 4.0, mx + 4.0 + w, Anchor::Start, mx + 4.0));
        }
        if mx - 4.0 - w >= lo {
            sides.push((mx - 4.0 - w, mx - 4.0, Anchor::End, mx - 4.0));
        }
        if sides.is_empty() {
            let c = (lo + hi) / 2.0;
            sides.push((c - w / 2.0, c + w / 2.0, Anchor::Middle, c));
        }
        let fits = |p: &Placed, lane: usize| {
            placed.iter().all(|&(q, ql, qx)| {
                let apart = p.1 + GAP <= q.0 || p.0 >= q.1 + GAP;
                let covers = |a: f64, b: f64, at: f64| at > a - CLEAR && at < b + CLEAR;
                match ql.cmp(&lane) {
                    std::cmp::Ordering::Equal => apart,
                    std::cmp::Ordering::Less => !covers(p.0, p.1, qx),
                    std::cmp::Ordering::Greater => !covers(q.0, q.1, mx),
                }
            })
        };
        let choice = (0..=lanes_used)
            .find_map(|lane| sides.iter().find(|p| fits(p, lane)).map(|p| (*p, lane)))
            .unwrap_or((sides[0], lanes_used));
        lanes_used = lanes_used.max(choice.1 + 1);
        placed.push((choice.0, choice.1, mx));
    }
    let extents = placed.iter().map(|p| p.0).collect();
    let lane_of = placed.iter().map(|p| p.1).collect();
    (extents, lane_of, lanes_used)
}

fn year_grid(c: &Canvas, x: &Scale, y0: f64, y1: f64) {
    let lo = Date::from_days(x.d0.floor() as i64).year();
    let hi = Date::from_days(x.d1.ceil() as i64).year();
    for year in lo..=hi + 1 {
        if let Some(d) = Date::new(year, 1, 1) {
            let v = d.to_days() as f64;
            if v > x.d0 && v < x.d1 {
                c.line(&[(x.at(v), y0), (x.at(v), y1)], GRID, 1);
            }
        }
    }
}

/// A chart that says there is nothing to show yet.
pub fn empty_chart(meta: &Meta, frame: &Frame, message: &str) -> String {
    let height = frame.height(40.0);
    let hh = frame.header_height();
    canvas::draw(frame.width as u32, height, meta, |c| {
        frame.draw(c, f64::from(height));
        c.text(PAD, hh + 16.0, message, LABEL, Anchor::Start);
    })
}

fn day(d: Date) -> f64 {
    d.to_days() as f64
}

/// The province's progress: communes known and meeting the standard, and the
/// average criteria met, with the criteria-set changes marked.
pub fn progress(
    meta: &Meta,
    frame: &Frame,
    p: &Progress,
    max_criteria: u64,
    change_label: impl Fn(&super::figures::SetChange) -> String,
) -> String {
    let (Some(first), Some(last)) = (p.points.first(), p.points.last()) else {
        return empty_chart(meta, frame, frame.s.get("ch_no_data_sentence"));
    };
    let known: Vec<(f64, f64)> = p
        .points
        .iter()
        .map(|q| (day(q.date), f64::from(q.known)))
        .collect();
    let standard: Vec<(f64, f64)> = p
        .points
        .iter()
        .map(|q| (day(q.date), f64::from(q.meets_standard)))
        .collect();
    let average: Vec<(f64, f64)> = p
        .points
        .iter()
        .filter_map(|q| q.average_met.map(|a| (day(q.date), a.0 as f64 / 100.0)))
        .collect();
    let last_avg = p.points.iter().rev().find_map(|q| q.average_met);
    let dots = p.points.len() <= 12;
    let panels = [
        Panel {
            heading: frame.s.get("ch_progress_communes").into(),
            series: vec![
                Series {
                    points: standard,
                    color: BLUE,
                    width: 3,
                    name: frame.s.get("ch_standard").into(),
                    end_label: format::count(frame.lang(), last.meets_standard),
                },
                Series {
                    points: known,
                    color: GREY_LINE,
                    width: 1,
                    name: frame.s.get("ch_with_data").into(),
                    end_label: format::count(frame.lang(), last.known),
                },
            ],
            plot_height: 140.0,
            max: 0,
            dots,
            reference: None,
        },
        Panel {
            heading: frame.s.get("ch_progress_average").into(),
            series: vec![Series {
                points: average,
                color: GREEN,
                width: 3,
                name: String::new(),
                end_label: last_avg
                    .map(|a| format::dec(frame.lang(), a, 1))
                    .unwrap_or_default(),
            }],
            plot_height: 100.0,
            max: max_criteria,
            dots,
            reference: None,
        },
    ];
    let mut markers: Vec<Marker> = p
        .set_changes
        .iter()
        .map(|s| Marker {
            day: day(s.date),
            until: None,
            label: change_label(s),
            color: MARKER,
        })
        .collect();
    // The mergers of communes, marked as a change of set is.
    markers.extend(p.mergers.iter().map(|&d| Marker {
        day: day(d),
        until: None,
        label: frame.s.fill(
            "ch_marker_merger",
            &[("date", &format::date(frame.lang(), d))],
        ),
        color: MARKER,
    }));
    markers.sort_by(|a, b| a.day.total_cmp(&b.day));
    // A former district's history ends at the merger that ended it, a few
    // days after its last report: the axis reaches it.
    let end = p.mergers.iter().fold(last.date, |e, &m| e.max(m));
    time_chart(meta, frame, time_range(first.date, end), &panels, &markers)
}

/// The indicator totals, one panel each.
pub fn indicators(
    meta: &Meta,
    frame: &Frame,
    points: &[IndicatorPoint],
    names: &[&str; 4],
) -> String {
    let Some(last) = points.last() else {
        return empty_chart(meta, frame, frame.s.get("ch_no_data_sentence"));
    };
    // The time axis starts where the first indicator was reported.
    let Some(first) = points.iter().find(|p| p.values.iter().any(Option::is_some)) else {
        return empty_chart(meta, frame, frame.s.get("ch_indicators_none"));
    };
    let dots = points.len() <= 12;
    let panels: Vec<Panel> = (0..4)
        .map(|i| {
            let series: Vec<(f64, f64)> = points
                .iter()
                .filter_map(|p| p.values[i].map(|v| (day(p.date), v as f64)))
                .collect();
            let end = points.iter().rev().find_map(|p| p.values[i]);
            Panel {
                heading: names[i].to_string(),
                series: vec![Series {
                    points: series,
                    color: [BLUE, GREEN, MARKER, 0x6A3D9A][i],
                    width: 3,
                    name: String::new(),
                    end_label: end
                        .map(|v| format::count(frame.lang(), v))
                        .unwrap_or_default(),
                }],
                plot_height: 70.0,
                max: 0,
                dots,
                reference: None,
            }
        })
        .collect();
    time_chart(meta, frame, time_range(first.date, last.date), &panels, &[])
}

/// One commune's criteria met over time, with the standard line, its target
/// year, the date it reached the standard and its recognitions.
pub fn commune(
    meta: &Meta,
    frame: &Frame,
    t: &CommuneTrack,
    site_range: Option<(Date, Date)>,
    level_name: impl Fn(crate::model::Level) -> String,
) -> String {
    let Some((first, last)) = site_range else {
        return empty_chart(meta, frame, frame.s.get("ch_no_data_sentence"));
    };
    if t.points.is_empty() {
        return empty_chart(meta, frame, frame.s.get("ch_commune_empty"));
    }
    let mut lo = first;
    let mut hi = last;
    // A commune formed by a merger starts at its establishment: the years
    // before it are its former communes' history, on their own pages.
    if let Some(d) = t.formed {
        lo = lo.max(d).min(hi);
    }
    for r in &t.recognitions {
        lo = lo.min(r.date);
        hi = hi.max(r.date);
    }
    // A former commune's chart stops at its merger.
    if let Some((d, _)) = &t.merged {
        hi = hi.min(*d).max(lo);
    }
    let range = time_range(lo, hi);
    let total = t.points.last().map(|p| p.total).unwrap_or(0);
    let mut markers = Vec::new();
    if let Some(y) = t.target_year
        && let (Some(a), Some(b)) = (Date::new(y, 1, 1), Date::new(y, 12, 31))
    {
        let (a, b) = (day(a), day(b));
        if b >= range.0 && a <= range.1 {
            markers.push(Marker {
                day: a.max(range.0),
                until: Some(b.min(range.1)),
                label: frame
                    .s
                    .fill("ch_marker_target", &[("year", &y.to_string())]),
                color: ORANGE_DARK,
            });
        }
    }
    if let Some(d) = t.reached {
        markers.push(Marker {
            day: day(d),
            until: None,
            label: frame.s.fill(
                "ch_marker_standard",
                &[("date", &format::date(frame.lang(), d))],
            ),
            color: BLUE,
        });
    }
    for r in &t.recognitions {
        markers.push(Marker {
            day: day(r.date),
            until: None,
            label: format!(
                "{} {}",
                level_name(r.level),
                format::date(frame.lang(), r.date)
            ),
            color: MARKER,
        });
    }
    if let Some(d) = t.formed {
        markers.push(Marker {
            day: day(d),
            until: None,
            label: frame.s.fill(
                "ch_marker_formed",
                &[("date", &format::date(frame.lang(), d))],
            ),
            color: MARKER,
        });
    }
    if let Some((d, into)) = &t.merged {
        markers.push(Marker {
            day: day(*d),
            until: None,
            label: frame.s.fill(
                "ch_marker_merged",
                &[("into", into), ("date", &format::date(frame.lang(), *d))],
            ),
            color: MARKER,
        });
    }
    let points: Vec<(f64, f64)> = t
        .points
        .iter()
        .map(|p| (day(p.date), f64::from(p.met)))
        .collect();
    let end = t.points.last().map(|p| format!("{}/{}", p.met, p.total));
    let panel = Panel {
        heading: frame
            .s
            .fill("ch_commune_heading", &[("total", &total.to_string())]),
        series: vec![Series {
            points,
            color: GREEN,
            width: 3,
            name: String::new(),
            end_label: end.unwrap_or_default(),
        }],
        plot_height: 150.0,
        max: u64::from(total),
        dots: t.points.len() <= 40,
        reference: Some(f64::from(total)),
    };
    time_chart(meta, frame, range, &[panel], &markers)
}

/// The light fill of a marked span (the target year).
const BAND_FILL: u32 = 0xFCEBD0;
/// A grey for a secondary line and its label, dark enough for text (4.5:1).
const GREY_LINE: u32 = 0x767676;

/// A dark orange for the target-year marker: darker than Okabe–Ito orange so
/// that a thin line and its label read on white.
const ORANGE_DARK: u32 = 0x8F5500;

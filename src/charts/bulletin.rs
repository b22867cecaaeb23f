//! Two small charts for the printed weekly bulletin, where the full charts
//! (one bar per target commune, one per district) would not fit two A4
//! pages: the bands of the whole province and of the year's target communes
//! on the date, and the target communes by criteria left. Each is about a
//! third of the height of the full chart and reads at half an A4 page's
//! width in black and white.

use super::bars;
use super::canvas::{self, Anchor, Meta};
use super::figures::{self, BandRow};
use super::layout::{AXIS, BLUE, Frame, LABEL, PAD, TICK, ink_on, line_height};
use super::{Chart, DataTable, bands_args, build, format, pairs, source, strings};
use crate::date::Date;
use crate::model::Content;
use crate::render::i18n::Strings;
use crate::report::Report;

/// The snapshot of `date`, if there is one.
fn snapshot_of(content: &Content, date: Date) -> Option<usize> {
    content.snapshots.iter().position(|s| s.date == date)
}

/// The bands on `date` for the whole province and for the communes whose
/// target year is `date`'s year (when there are any): two 100 % bars.
pub fn bands_brief(content: &Content, report: &Report, date: Date) -> Chart {
    let s = Strings::of(content);
    let lang = s.lang();
    let year = date.year();
    let year_text = year.to_string();
    let (all, target) = match snapshot_of(content, date) {
        Some(si) => (
            report.sweep.summaries[si].all.levels,
            report.sweep.summaries[si].target.levels,
        ),
        None => Default::default(),
    };
    let mut rows = vec![BandRow {
        group: None,
        name: s.get("ch_province").into(),
        levels: all,
    }];
    if target.known > 0 {
        rows.push(BandRow {
            group: None,
            name: s.fill("ch_brief_target_row", &[("year", &year_text)]),
            levels: target,
        });
    }
    let title = s.get("ch_bands_title").to_string();
    let mut desc = s.fill("ch_brief_bands_desc", &pairs(&bands_args(lang, date, &all)));
    if target.known > 0 {
        let mut args = bands_args(lang, date, &target);
        args.push(("year", year_text.clone()));
        desc.push(' ');
        desc.push_str(&s.fill("ch_brief_bands_target", &pairs(&args)));
    }
    let mut headers = strings(&s, ["ch_col_area", "ch_col_known"]);
    headers.extend(bars::band_names(&s).iter().map(|s| s.to_string()));
    let table = DataTable {
        caption: title.clone(),
        headers,
        rows: rows
            .iter()
            .map(|r| {
                let mut v = vec![r.name.clone(), format::count(lang, r.levels.known)];
                v.extend(r.levels.bands.iter().map(|&n| format::count(lang, n)));
                v
            })
            .collect(),
    };
    let targets = if target.known > 0 {
        s.fill("ch_brief_bands_subtitle_targets", &[("year", &year_text)])
    } else {
        String::new()
    };
    let subtitle = s.fill(
        "ch_brief_bands_subtitle",
        &[("targets", &targets), ("date", &format::date(lang, date))],
    );
    build(
        &s,
        format!("ban-tin-phan-nhom-{date}"),
        title,
        &subtitle,
        desc,
        source(content, Some(date)),
        table,
        &rows,
        |meta, frame| bars::bands(meta, frame, &rows),
    )
}

/// The keys of the labels of the classes of [`targets_brief`], by criteria
/// left.
const LEFT_CLASSES: [&str; 6] = [
    "ch_left_0",
    "ch_left_1",
    "ch_left_2",
    "ch_left_3",
    "ch_left_4",
    "ch_left_5",
];

/// The communes whose target year is `date`'s year, counted by criteria left
/// on `date`: at the standard, 1, 2, 3, 4, 5 or more, and without data.
pub fn targets_brief(content: &Content, report: &Report, date: Date) -> Chart {
    let s = Strings::of(content);
    let lang = s.lang();
    let year = date.year();
    let year_text = year.to_string();
    let rows = figures::target_communes(content, report, date);
    let mut counts = [0u32; 7];
    for r in &rows {
        let k = match r.left() {
            Some(l) => (l as usize).min(5),
            None => 6,
        };
        counts[k] += 1;
    }
    let mut labels: Vec<&str> = LEFT_CLASSES.iter().map(|k| s.get(k)).collect();
    if counts[6] > 0 {
        labels.push(s.get("ch_no_data"));
    }
    let title = s.fill("ch_targets_title", &[("year", &year_text)]);
    let parts = labels
        .iter()
        .enumerate()
        .map(|(i, l)| {
            s.fill(
                "ch_brief_targets_part",
                &[
                    ("label", &l.to_lowercase()),
                    ("n", &format::count(lang, counts[i])),
                ],
            )
        })
        .collect::<Vec<_>>()
        .join(", ");
    let desc = s.fill(
        "ch_brief_targets_desc",
        &[
            ("date", &format::date(lang, date)),
            ("n", &format::count(lang, rows.len() as u64)),
            ("year", &year_text),
            ("parts", &parts),
        ],
    );
    let table = DataTable {
        caption: title.clone(),
        headers: strings(&s, ["ch_col_left", "ch_col_communes"]),
        rows: labels
            .iter()
            .enumerate()
            .map(|(i, l)| vec![l.to_string(), format::count(lang, counts[i])])
            .collect(),
    };
    let subtitle = s.fill(
        "ch_brief_targets_subtitle",
        &[("date", &format::date(lang, date))],
    );
    let n = labels.len();
    build(
        &s,
        format!("ban-tin-ve-dich-{date}"),
        title,
        &subtitle,
        desc,
        source(content, Some(date)),
        table,
        &(rows.is_empty(), &labels, &counts[..n]),
        |meta, frame| {
            if rows.is_empty() {
                super::lines::empty_chart(meta, frame, frame.s.get("ch_no_targets"))
            } else {
                histogram(meta, frame, &labels, &counts[..n])
            }
        },
    )
}

/// Horizontal bars, one per class, each with its count.
fn histogram(meta: &Meta, frame: &Frame, labels: &[&str], counts: &[u32]) -> String {
    let label_w = labels.iter().map(|l| LABEL.width(l)).fold(0.0, f64::max);
    let x0 = PAD + label_w + 10.0;
    let x1 = frame.width - PAD - TICK.width("000") - 8.0;
    let max = counts.iter().copied().max().unwrap_or(0).max(1);
    let row_h = (line_height(LABEL) + 8.0).max(24.0);
    let height = frame.height(row_h * labels.len() as f64 + 6.0);
    let hh = frame.header_height();
    canvas::draw(frame.width as u32, height, meta, |c| {
        frame.draw(c, f64::from(height));
        c.line(&[(x0, hh), (x0, hh + row_h * labels.len() as f64)], AXIS, 1);
        for (i, (l, &n)) in labels.iter().zip(counts).enumerate() {
            let mid = hh + row_h * (i as f64 + 0.5);
            c.text(PAD, mid, l, LABEL, Anchor::Start);
            let w = f64::from(n) / f64::from(max) * (x1 - x0);
            let text = format::count(frame.lang(), n);
            if n > 0 {
                c.rect(x0, mid - 8.0, x0 + w, mid + 8.0, BLUE);
            }
            if n > 0 && TICK.width(&text) + 8.0 <= w {
                c.text(
                    x0 + w - 4.0,
                    mid,
                    &text,
                    TICK.with_color(ink_on(BLUE)),
                    Anchor::End,
                );
            } else {
                c.text(x0 + w + 4.0, mid, &text, TICK, Anchor::Start);
            }
        }
    })
}

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
use super::{Chart, DataTable, build, format, source, strings};
use crate::date::Date;
use crate::model::Content;
use crate::report::Report;

/// The snapshot of `date`, if there is one.
fn snapshot_of(content: &Content, date: Date) -> Option<usize> {
    content.snapshots.iter().position(|s| s.date == date)
}

/// The bands on `date` for the whole province and for the communes whose
/// target year is `date`'s year (when there are any): two 100 % bars.
pub fn bands_brief(content: &Content, report: &Report, date: Date) -> Chart {
    let year = date.year();
    let (all, target) = match snapshot_of(content, date) {
        Some(si) => (
            report.sweep.summaries[si].all.levels,
            report.sweep.summaries[si].target.levels,
        ),
        None => Default::default(),
    };
    let mut rows = vec![BandRow {
        group: None,
        name: "Toàn tỉnh".into(),
        levels: all,
    }];
    if target.known > 0 {
        rows.push(BandRow {
            group: None,
            name: format!("Xã về đích năm {year}"),
            levels: target,
        });
    }
    let title = "Số xã theo số tiêu chí đạt".to_string();
    let desc = format!(
        "Ngày {}, toàn tỉnh có {} xã có số liệu: {} xã đạt chuẩn, {} xã đạt từ 15 tiêu chí, {} xã 10–14 tiêu chí, {} xã 5–9 tiêu chí, {} xã dưới 5 tiêu chí.{}",
        format::date(date),
        format::count(all.known),
        format::count(all.bands[0]),
        format::count(all.bands[1]),
        format::count(all.bands[2]),
        format::count(all.bands[3]),
        format::count(all.bands[4]),
        if target.known > 0 {
            format!(
                " Trong {} xã đăng ký về đích năm {year}: {} xã đạt chuẩn, {} xã từ 15 tiêu chí, {} xã 10–14, {} xã 5–9, {} xã dưới 5.",
                format::count(target.known),
                format::count(target.bands[0]),
                format::count(target.bands[1]),
                format::count(target.bands[2]),
                format::count(target.bands[3]),
                format::count(target.bands[4]),
            )
        } else {
            String::new()
        }
    );
    let mut headers = strings(["Đơn vị", "Số xã có số liệu"]);
    headers.extend(bars::BAND_NAMES.iter().map(|s| s.to_string()));
    let table = DataTable {
        caption: title.clone(),
        headers,
        rows: rows
            .iter()
            .map(|r| {
                let mut v = vec![r.name.clone(), format::count(r.levels.known)];
                v.extend(r.levels.bands.iter().map(|&n| format::count(n)));
                v
            })
            .collect(),
    };
    let subtitle = format!(
        "Toàn tỉnh{}, ngày {}",
        if target.known > 0 {
            format!(" và các xã đăng ký về đích năm {year}")
        } else {
            String::new()
        },
        format::date(date)
    );
    build(
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

/// Labels of the classes of [`targets_brief`], by criteria left.
const LEFT_CLASSES: [&str; 6] = [
    "Đạt chuẩn",
    "Còn 1 tiêu chí",
    "Còn 2 tiêu chí",
    "Còn 3 tiêu chí",
    "Còn 4 tiêu chí",
    "Còn 5 trở lên",
];

/// The communes whose target year is `date`'s year, counted by criteria left
/// on `date`: at the standard, 1, 2, 3, 4, 5 or more, and without data.
pub fn targets_brief(content: &Content, report: &Report, date: Date) -> Chart {
    let year = date.year();
    let rows = figures::target_communes(content, report, date);
    let mut counts = [0u32; 7];
    for r in &rows {
        let k = match r.left() {
            Some(l) => (l as usize).min(5),
            None => 6,
        };
        counts[k] += 1;
    }
    let mut labels: Vec<&str> = LEFT_CLASSES.to_vec();
    if counts[6] > 0 {
        labels.push("Chưa có số liệu");
    }
    let title = format!("Các xã đăng ký về đích năm {year}");
    let desc = format!(
        "Ngày {}, trong {} xã đăng ký về đích năm {year}: {}.",
        format::date(date),
        format::count(rows.len() as u64),
        labels
            .iter()
            .enumerate()
            .map(|(i, l)| format!("{} {} xã", l.to_lowercase(), format::count(counts[i])))
            .collect::<Vec<_>>()
            .join(", ")
    );
    let table = DataTable {
        caption: title.clone(),
        headers: strings(["Số tiêu chí còn thiếu", "Số xã"]),
        rows: labels
            .iter()
            .enumerate()
            .map(|(i, l)| vec![l.to_string(), format::count(counts[i])])
            .collect(),
    };
    let subtitle = format!(
        "Số xã theo số tiêu chí còn thiếu, ngày {}",
        format::date(date)
    );
    let n = labels.len();
    build(
        format!("ban-tin-ve-dich-{date}"),
        title,
        &subtitle,
        desc,
        source(content, Some(date)),
        table,
        &(rows.is_empty(), &labels, &counts[..n]),
        |meta, frame| {
            if rows.is_empty() {
                super::lines::empty_chart(meta, frame, "Không có xã nào đăng ký về đích năm này.")
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
            let text = format::count(n);
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

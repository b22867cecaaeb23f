//! Layout helpers shared by the charts: fonts and colours, line wrapping with
//! real text widths, the frame (title, subtitle, source line), axis ticks and
//! the placement of labels so that none overlaps another.

use super::canvas::{Anchor, Canvas, Font};
use super::format;
use crate::date::Date;
use crate::diag::Lang;
use crate::render::i18n::Strings;

/// Width of the main charts in SVG units: drawn at that size on a desktop,
/// scaled down by the `viewBox` on a phone (labels of 14 units stay near
/// 10 px when the chart is 320 px wide).
pub const WIDTH: f64 = 440.0;
/// Width of the phone layout of the charts: the same type sizes on a
/// narrower canvas, so that a chart shown 300–360 px wide keeps its
/// smallest text (12 units) at 11 CSS px or more.
pub const PHONE_WIDTH: f64 = 320.0;
/// Outer margin.
pub const PAD: f64 = 14.0;

pub const INK: u32 = 0x1A1A1A;
pub const MUTED: u32 = 0x555555;
pub const GRID: u32 = 0xE3E3E3;
pub const AXIS: u32 = 0x8C8C8C;

pub const TITLE: Font = Font::new(18.0, true, INK);
pub const SUBTITLE: Font = Font::new(13.5, false, 0x444444);
pub const LABEL: Font = Font::new(14.0, false, INK);
pub const LABEL_BOLD: Font = Font::new(14.0, true, INK);
pub const TICK: Font = Font::new(13.0, false, MUTED);
pub const SOURCE: Font = Font::new(12.0, false, MUTED);

/// Okabe–Ito colours (safe for the common colour-vision deficiencies); the
/// pairs used together also differ in lightness, so that they survive
/// greyscale printing. Colours used for text reach 4.5:1 on white.
pub const BLUE: u32 = 0x0072B2;
pub const VERMILION: u32 = 0xD55E00;
/// Okabe–Ito's bluish green, darkened so that white text on it and it as
/// text on white reach 4.5:1.
pub const GREEN: u32 = 0x007F5F;
pub const PALE: u32 = 0xD9E6F0;
/// A light blue for the bars that are not highlighted: lighter than the
/// highlight by far, so the two read apart in greyscale too.
pub const LIGHT_BLUE: u32 = 0x9DCBEB;
/// A dark vermilion for marker lines and their labels (6:1 on white).
pub const MARKER: u32 = 0xA84400;

/// A sequential blue ramp for the ordered bands, darkest = meets the
/// standard; lightness falls evenly, so the order reads in greyscale and for
/// every colour-vision deficiency.
pub const BAND_COLORS: [u32; 5] = [0x08306B, 0x2171B5, 0x6BAED6, 0xC6DBEF, 0xF2F2F2];

/// The line height of a font.
pub fn line_height(f: Font) -> f64 {
    (f.size * 1.3).round()
}

/// Black or white, whichever reads on `bg`.
pub fn ink_on(bg: u32) -> u32 {
    let (r, g, b) = (
        f64::from((bg >> 16) & 0xFF),
        f64::from((bg >> 8) & 0xFF),
        f64::from(bg & 0xFF),
    );
    if 0.2126 * r + 0.7152 * g + 0.0722 * b < 140.0 {
        0xFFFFFF
    } else {
        INK
    }
}

/// Breaks `text` into lines no wider than `max` (a single word wider than
/// `max` keeps its own line).
pub fn wrap(text: &str, font: Font, max: f64) -> Vec<String> {
    let mut lines = Vec::new();
    let mut cur = String::new();
    for word in text.split_whitespace() {
        let candidate = if cur.is_empty() {
            word.to_string()
        } else {
            format!("{cur} {word}")
        };
        if font.width(&candidate) <= max || cur.is_empty() {
            cur = candidate;
        } else {
            lines.push(std::mem::replace(&mut cur, word.to_string()));
        }
    }
    if !cur.is_empty() {
        lines.push(cur);
    }
    lines
}

/// Title and subtitle above, source line below; the words of the site's
/// language for the chart's own labels.
pub struct Frame<'a> {
    pub width: f64,
    title: Vec<String>,
    subtitle: Vec<String>,
    source: Vec<String>,
    /// The site's words and language.
    pub s: &'a Strings<'a>,
}

impl<'a> Frame<'a> {
    pub fn new(
        width: f64,
        title: &str,
        subtitle: &str,
        source: &str,
        s: &'a Strings<'a>,
    ) -> Frame<'a> {
        let inner = width - 2.0 * PAD;
        Frame {
            s,
            width,
            title: wrap(title, TITLE, inner),
            subtitle: wrap(subtitle, SUBTITLE, inner),
            source: wrap(source, SOURCE, inner),
        }
    }

    /// The site's language, for numbers and dates.
    pub fn lang(&self) -> Lang {
        self.s.lang()
    }

    /// The usable width inside the margins.
    pub fn inner(&self) -> f64 {
        self.width - 2.0 * PAD
    }

    pub fn header_height(&self) -> f64 {
        PAD + self.title.len() as f64 * line_height(TITLE)
            + 4.0
            + self.subtitle.len() as f64 * line_height(SUBTITLE)
            + 10.0
    }

    pub fn footer_height(&self) -> f64 {
        10.0 + self.source.len() as f64 * line_height(SOURCE) + PAD - 4.0
    }

    /// The full height for a body of `body` units.
    pub fn height(&self, body: f64) -> u32 {
        (self.header_height() + body + self.footer_height()).ceil() as u32
    }

    pub fn draw(&self, c: &Canvas, height: f64) {
        let mut y = PAD + line_height(TITLE) / 2.0;
        for l in &self.title {
            c.text(PAD, y, l, TITLE, Anchor::Start);
            y += line_height(TITLE);
        }
        y += 4.0 - line_height(TITLE) / 2.0 + line_height(SUBTITLE) / 2.0;
        for l in &self.subtitle {
            c.text(PAD, y, l, SUBTITLE, Anchor::Start);
            y += line_height(SUBTITLE);
        }
        let n = self.source.len() as f64;
        let mut y = height - (PAD - 4.0) - n * line_height(SOURCE) + line_height(SOURCE) / 2.0;
        c.line(
            &[
                (PAD, y - line_height(SOURCE) / 2.0 - 5.0),
                (self.width - PAD, y - line_height(SOURCE) / 2.0 - 5.0),
            ],
            GRID,
            1,
        );
        for l in &self.source {
            c.text(PAD, y, l, SOURCE, Anchor::Start);
            y += line_height(SOURCE);
        }
    }
}

/// Round ticks from 0 to at least `max`: a step of 1, 2 or 5 times a power
/// of ten, at most `most` + 1 ticks. Returns `(step, top)`.
pub fn nice_ticks(max: u64, most: u64) -> (u64, u64) {
    let max = max.max(1);
    let mut p = 1u64;
    loop {
        for m in [1, 2, 5] {
            let step = m * p;
            if max.div_ceil(step) <= most {
                return (step, max.div_ceil(step) * step);
            }
        }
        p *= 10;
    }
}

/// A linear map from a value range to a pixel range.
#[derive(Clone, Copy, Debug)]
pub struct Scale {
    pub d0: f64,
    pub d1: f64,
    pub r0: f64,
    pub r1: f64,
}

impl Scale {
    pub fn new(d0: f64, d1: f64, r0: f64, r1: f64) -> Scale {
        Scale { d0, d1, r0, r1 }
    }
    pub fn at(&self, v: f64) -> f64 {
        if self.d1 == self.d0 {
            return (self.r0 + self.r1) / 2.0;
        }
        self.r0 + (v - self.d0) / (self.d1 - self.d0) * (self.r1 - self.r0)
    }
}

/// The time range of a chart, in days, with a little room on both sides.
pub fn time_range(first: Date, last: Date) -> (f64, f64) {
    let (a, b) = (first.to_days() as f64, last.to_days() as f64);
    if b - a < 60.0 {
        (a - 30.0, b + 30.0)
    } else {
        let m = ((b - a) * 0.02).max(7.0);
        (a - m, b + m)
    }
}

/// Draws the time axis under a plot: a tick at each 1 January in range and
/// the year's label in the middle of its visible stretch when it fits there
/// (a sliver of a year at an end goes unlabelled); when no year is wide
/// enough for its label, every second year's label under its tick.
pub fn time_axis(c: &Canvas, x: &Scale, y: f64, labels: bool) {
    let lo = Date::from_days(x.d0.floor() as i64);
    let hi = Date::from_days(x.d1.ceil() as i64);
    c.line(&[(x.r0, y), (x.r1, y)], AXIS, 1);
    let year_px = 365.25 / (x.d1 - x.d0) * (x.r1 - x.r0);
    let every = if year_px < TICK.width("2016") + 8.0 {
        2
    } else {
        1
    };
    let mut placed: Vec<(f64, f64)> = Vec::new();
    for year in lo.year()..=hi.year() {
        let start = Date::new(year, 1, 1).map(|d| d.to_days() as f64);
        let end = Date::new(year + 1, 1, 1).map(|d| d.to_days() as f64);
        let (Some(s), Some(e)) = (start, end) else {
            continue;
        };
        if s >= x.d0 && s <= x.d1 {
            c.line(&[(x.at(s), y), (x.at(s), y + 5.0)], AXIS, 1);
        }
        if !labels || year % every != 0 {
            continue;
        }
        let (vs, ve) = (s.max(x.d0), e.min(x.d1));
        let label = year.to_string();
        let w = TICK.width(&label);
        // The middle of the year's visible stretch, when the label fits in it.
        let mid = if x.at(ve) - x.at(vs) >= w + 6.0 {
            (x.at(vs) + x.at(ve)) / 2.0
        } else if year_px < w + 6.0 && s >= x.d0 && s <= x.d1 {
            // Years too narrow for their labels everywhere: label the ticks.
            x.at(s)
        } else {
            continue;
        };
        let (l, r) = (mid - w / 2.0, mid + w / 2.0);
        if l < x.r0 - 20.0
            || r > x.r1 + 20.0
            || placed.iter().any(|&(a, b)| l < b + 4.0 && r > a - 4.0)
        {
            continue;
        }
        placed.push((l, r));
        c.text(mid, y + 14.0, &label, TICK, Anchor::Middle);
    }
}

/// Horizontal grid lines and value labels for a vertical value axis.
pub fn value_axis(c: &Canvas, y: &Scale, x0: f64, x1: f64, step: u64, top: u64, lang: Lang) {
    let mut v = 0;
    while v <= top {
        let yy = y.at(v as f64);
        c.line(&[(x0, yy), (x1, yy)], if v == 0 { AXIS } else { GRID }, 1);
        c.text(
            x0 - 5.0,
            yy,
            &format::int(lang, v as i64),
            TICK,
            Anchor::End,
        );
        v += step;
    }
}

/// The widest value label of a value axis.
pub fn value_axis_width(top: u64, lang: Lang) -> f64 {
    TICK.width(&format::int(lang, top as i64))
}

/// Moves label centres apart so that neighbours are at least `gap` apart,
/// keeping them within `[lo, hi]` and as close to where they want to be as
/// the rule allows. Returns the new centres in the input order.
pub fn spread(wanted: &[f64], gap: f64, lo: f64, hi: f64) -> Vec<f64> {
    let mut idx: Vec<usize> = (0..wanted.len()).collect();
    idx.sort_by(|&a, &b| wanted[a].total_cmp(&wanted[b]).then(a.cmp(&b)));
    let mut pos: Vec<f64> = idx.iter().map(|&i| wanted[i].clamp(lo, hi)).collect();
    for i in 1..pos.len() {
        if pos[i] < pos[i - 1] + gap {
            pos[i] = pos[i - 1] + gap;
        }
    }
    if let Some(&last) = pos.last()
        && last > hi
    {
        let shift = last - hi;
        for p in &mut pos {
            *p -= shift;
        }
        for i in (0..pos.len().saturating_sub(1)).rev() {
            if pos[i] > pos[i + 1] - gap {
                pos[i] = pos[i + 1] - gap;
            }
        }
    }
    let mut out = vec![0.0; wanted.len()];
    for (k, &i) in idx.iter().enumerate() {
        out[i] = pos[k];
    }
    out
}

/// Assigns each horizontal extent `(left, right)` the first lane (row) where
/// it overlaps nothing already placed. Returns the lanes and their count.
pub fn lanes(extents: &[(f64, f64)], gap: f64) -> (Vec<usize>, usize) {
    let mut rows: Vec<Vec<(f64, f64)>> = Vec::new();
    let mut out = Vec::with_capacity(extents.len());
    for &(l, r) in extents {
        let lane = rows
            .iter()
            .position(|row| row.iter().all(|&(a, b)| r + gap <= a || l >= b + gap))
            .unwrap_or(rows.len());
        if lane == rows.len() {
            rows.push(Vec::new());
        }
        rows[lane].push((l, r));
        out.push(lane);
    }
    (out, rows.len())
}

/// Where a label of width `w` pinned at `x` goes so that it stays within
/// `[lo, hi]`: to the right of `x` when it fits, else to its left.
pub fn beside(x: f64, w: f64, lo: f64, hi: f64) -> (f64, Anchor) {
    if x + 4.0 + w <= hi {
        (x + 4.0, Anchor::Start)
    } else if x - 4.0 - w >= lo {
        (x - 4.0, Anchor::End)
    } else {
        ((lo + hi) / 2.0, Anchor::Middle)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn luminance(c: u32) -> f64 {
        let ch = |v: u32| {
            let v = f64::from(v & 0xFF) / 255.0;
            if v <= 0.03928 {
                v / 12.92
            } else {
                ((v + 0.055) / 1.055).powf(2.4)
            }
        };
        0.2126 * ch(c >> 16) + 0.7152 * ch(c >> 8) + 0.0722 * ch(c)
    }

    fn contrast(a: u32, b: u32) -> f64 {
        let (x, y) = (luminance(a), luminance(b));
        (x.max(y) + 0.05) / (x.min(y) + 0.05)
    }

    #[test]
    fn text_colours_reach_four_and_a_half_to_one() {
        for c in [
            INK, MUTED, BLUE, GREEN, MARKER, 0x767676, 0x8F5500, 0x6A3D9A, 0x444444,
        ] {
            assert!(contrast(c, 0xFFFFFF) >= 4.5, "{c:06X}");
        }
        for bg in BAND_COLORS.iter().chain(&[BLUE, GREEN]) {
            assert!(contrast(ink_on(*bg), *bg) >= 4.5, "text on {bg:06X}");
        }
        // The bands' lightness falls step by step (they read in greyscale).
        let l: Vec<f64> = BAND_COLORS.iter().map(|&c| luminance(c)).collect();
        assert!(l.windows(2).all(|w| w[1] > w[0] + 0.08), "{l:?}");
        assert!(luminance(LIGHT_BLUE) > luminance(VERMILION) + 0.3);
    }

    #[test]
    fn ticks_are_round() {
        assert_eq!(nice_ticks(52, 5), (20, 60));
        assert_eq!(nice_ticks(19, 5), (5, 20));
        assert_eq!(nice_ticks(0, 5), (1, 1));
        assert_eq!(nice_ticks(5556, 5), (2000, 6000));
    }

    #[test]
    fn labels_spread_apart() {
        let p = spread(&[10.0, 12.0, 50.0], 15.0, 0.0, 100.0);
        assert_eq!(p, vec![10.0, 25.0, 50.0]);
        let p = spread(&[95.0, 99.0], 15.0, 0.0, 100.0);
        assert_eq!(p, vec![85.0, 100.0]);
    }

    #[test]
    fn lanes_avoid_overlaps() {
        let (l, n) = lanes(&[(0.0, 50.0), (40.0, 90.0), (100.0, 120.0)], 4.0);
        assert_eq!(l, vec![0, 1, 0]);
        assert_eq!(n, 2);
    }

    #[test]
    fn wrapping_uses_widths() {
        let lines = wrap("Tỷ lệ xã đạt chuẩn nông thôn mới theo huyện", TITLE, 200.0);
        assert!(lines.len() >= 2);
        assert!(lines.iter().all(|l| TITLE.width(l) <= 200.0));
    }
}

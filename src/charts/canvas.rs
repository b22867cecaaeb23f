//! Drawing with plotters' SVG backend, and the finishing touches plotters
//! does not make: the root element with `role="img"`, `aria-labelledby`, a
//! `viewBox`, `<title>` and `<desc>`, and one font stack for all text.
//!
//! Layout (where each label goes, so that none is clipped or overlaps
//! another) is computed by the chart code with [`super::metrics`]; this
//! module only draws what it is told, at integer coordinates.

use super::metrics::{FONT_STACK, text_width};
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};
use plotters::style::{FontDesc, FontFamily, FontStyle};

/// A colour as `0xRRGGBB`.
pub type Rgb = u32;

fn rgb(c: Rgb) -> RGBColor {
    RGBColor((c >> 16) as u8, (c >> 8) as u8, c as u8)
}

/// Horizontal anchor of a label.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Anchor {
    Start,
    Middle,
    End,
}

/// A text style: size in pixels, weight, colour.
#[derive(Clone, Copy, Debug)]
pub struct Font {
    pub size: f64,
    pub bold: bool,
    pub color: Rgb,
}

impl Font {
    pub const fn new(size: f64, bold: bool, color: Rgb) -> Font {
        Font { size, bold, color }
    }
    pub fn width(&self, text: &str) -> f64 {
        text_width(text, self.size, self.bold)
    }
    pub fn with_color(self, color: Rgb) -> Font {
        Font { color, ..self }
    }
}

/// One drawing: plotters' SVG backend writing into a string.
pub struct Canvas<'a> {
    area: DrawingArea<SVGBackend<'a>, plotters::coord::Shift>,
}

fn px(v: f64) -> i32 {
    v.round() as i32
}

impl Canvas<'_> {
    /// A filled rectangle from `(x0, y0)` to `(x1, y1)`.
    pub fn rect(&self, x0: f64, y0: f64, x1: f64, y1: f64, fill: Rgb) {
        let _ = self.area.draw(&Rectangle::new(
            [(px(x0), px(y0)), (px(x1), px(y1))],
            rgb(fill).filled(),
        ));
    }

    /// The outline of a rectangle.
    pub fn rect_outline(&self, x0: f64, y0: f64, x1: f64, y1: f64, stroke: Rgb, width: u32) {
        let _ = self.area.draw(&Rectangle::new(
            [(px(x0), px(y0)), (px(x1), px(y1))],
            rgb(stroke).stroke_width(width),
        ));
    }

    /// A polyline.
    pub fn line(&self, points: &[(f64, f64)], stroke: Rgb, width: u32) {
        let pts: Vec<(i32, i32)> = points.iter().map(|&(x, y)| (px(x), px(y))).collect();
        let _ = self
            .area
            .draw(&PathElement::new(pts, rgb(stroke).stroke_width(width)));
    }

    /// A straight dashed line, drawn as short segments.
    pub fn dashed(&self, from: (f64, f64), to: (f64, f64), stroke: Rgb, width: u32, dash: f64) {
        let (dx, dy) = (to.0 - from.0, to.1 - from.1);
        let len = (dx * dx + dy * dy).sqrt();
        if len <= 0.0 {
            return;
        }
        let steps = (len / (2.0 * dash)).ceil() as usize;
        for i in 0..steps {
            let a = (2 * i) as f64 * dash / len;
            let b = (((2 * i + 1) as f64) * dash / len).min(1.0);
            self.line(
                &[
                    (from.0 + dx * a, from.1 + dy * a),
                    (from.0 + dx * b, from.1 + dy * b),
                ],
                stroke,
                width,
            );
        }
    }

    /// A filled circle.
    pub fn circle(&self, x: f64, y: f64, r: u32, fill: Rgb) {
        let _ = self
            .area
            .draw(&Circle::new((px(x), px(y)), r, rgb(fill).filled()));
    }

    /// A filled polygon.
    pub fn polygon(&self, points: &[(f64, f64)], fill: Rgb) {
        let pts: Vec<(i32, i32)> = points.iter().map(|&(x, y)| (px(x), px(y))).collect();
        let _ = self.area.draw(&Polygon::new(pts, rgb(fill).filled()));
    }

    /// A diamond marker centred on `(x, y)`.
    pub fn diamond(&self, x: f64, y: f64, r: f64, fill: Rgb) {
        self.polygon(&[(x, y - r), (x + r, y), (x, y + r), (x - r, y)], fill);
    }

    /// One line of text whose middle (half the x-height above the baseline)
    /// sits at `y`.
    pub fn text(&self, x: f64, y: f64, text: &str, font: Font, anchor: Anchor) {
        let h = match anchor {
            Anchor::Start => HPos::Left,
            Anchor::Middle => HPos::Center,
            Anchor::End => HPos::Right,
        };
        let style = if font.bold {
            FontStyle::Bold
        } else {
            FontStyle::Normal
        };
        // plotters writes `font-size` as the size divided by 1.24; the
        // finishing step writes the size asked for.
        let desc = FontDesc::new(FontFamily::Name(FONT_STACK), font.size * 1.24, style);
        let color = rgb(font.color);
        let ts = TextStyle::from(desc)
            .color(&color)
            .pos(Pos::new(h, VPos::Center));
        let _ = self
            .area
            .draw(&Text::new(text.to_string(), (px(x), px(y)), ts));
    }
}

/// What the root element says about the drawing.
pub struct Meta<'a> {
    /// Unique on a page: the ids of `<title>` and `<desc>` derive from it.
    pub id: &'a str,
    pub title: &'a str,
    pub desc: &'a str,
}

/// Draws a `width` × `height` picture and returns the finished SVG.
pub fn draw(width: u32, height: u32, meta: &Meta, paint: impl FnOnce(&Canvas)) -> String {
    let mut raw = String::new();
    {
        let backend = SVGBackend::with_string(&mut raw, (width, height));
        let canvas = Canvas {
            area: backend.into_drawing_area(),
        };
        let _ = canvas.area.fill(&WHITE);
        paint(&canvas);
        let _ = canvas.area.present();
    }
    finish(&raw, width, height, meta)
}

/// XML text escaping for element content and attributes.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            '"' => out.push_str("&quot;"),
            other => out.push(other),
        }
    }
    out
}

/// Replaces plotters' root element, moves the font stack to the root, drops
/// default attributes and writes exact font sizes.
fn finish(raw: &str, width: u32, height: u32, meta: &Meta) -> String {
    let body = raw.split_once('\n').map(|(_, b)| b).unwrap_or("");
    let family = format!(" font-family=\"{FONT_STACK}\"");
    let mut out = String::with_capacity(raw.len() + 512);
    out.push_str(&format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{width}\" height=\"{height}\" \
         viewBox=\"0 0 {width} {height}\" role=\"img\" aria-labelledby=\"{id}-title {id}-desc\" \
         font-family=\"{FONT_STACK}\">\n<title id=\"{id}-title\">{title}</title>\n\
         <desc id=\"{id}-desc\">{desc}</desc>\n",
        id = meta.id,
        title = escape(meta.title),
        desc = escape(meta.desc),
    ));
    let mut in_text = false;
    for line in body.lines() {
        let start = out.len();
        push_clean(&mut out, line, &family);
        let l = &out[start..];
        // plotters puts a text's content on a line of its own; keep the
        // element on one line, with no white space around the content.
        if l.starts_with("<text") {
            in_text = true;
            continue;
        }
        if in_text && l != "</text>" {
            continue;
        }
        in_text = false;
        out.push('\n');
    }
    out
}

/// Appends plotters' SVG `line` to `out` without the font family it
/// repeats on every element (`family`, set once on the `<svg>`) and without
/// full opacity, with font sizes to a tenth of a pixel: one pass, no
/// allocation (this ran for every line of the nation's 40,000 charts). A
/// pattern cannot come from a text, whose `"` is escaped.
fn push_clean(out: &mut String, line: &str, family: &str) {
    const OPAQUE: &str = " opacity=\"1\"";
    const SIZE: &str = " font-size=\"";
    let mut rest = line;
    while let Some(i) = rest.find(' ') {
        out.push_str(&rest[..i]);
        let tail = &rest[i..];
        if let Some(after) = tail.strip_prefix(family) {
            rest = after;
        } else if let Some(after) = tail.strip_prefix(OPAQUE) {
            rest = after;
        } else if let Some((value, after)) = tail
            .strip_prefix(SIZE)
            .and_then(|v| v.find('"').map(|len| (&v[..len], &v[len..])))
        {
            let v: f64 = value.parse().unwrap_or(12.0);
            let tenths = (v * 10.0).round() as i64;
            out.push_str(SIZE);
            if tenths % 10 == 0 {
                out.push_str(&(tenths / 10).to_string());
            } else {
                out.push_str(&format!("{}.{}", tenths / 10, tenths % 10));
            }
            rest = after;
        } else {
            out.push(' ');
            rest = &tail[1..];
        }
    }
    out.push_str(rest);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finished_svg_has_title_desc_and_exact_sizes() {
        let meta = Meta {
            id: "t",
            title: "Tiêu đề <thử>",
            desc: "Mô tả",
        };
        let svg = draw(100, 50, &meta, |c| {
            c.text(
                10.0,
                10.0,
                "Kỳ Thư & Kỳ Tân",
                Font::new(13.0, true, 0x222222),
                Anchor::Start,
            );
            c.rect(0.0, 20.0, 50.0, 30.0, 0x0072B2);
        });
        assert!(svg.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"100\""));
        assert!(svg.contains("<title id=\"t-title\">Tiêu đề &lt;thử&gt;</title>"));
        assert!(svg.contains("role=\"img\" aria-labelledby=\"t-title t-desc\""));
        assert!(svg.contains("font-size=\"13\""), "{svg}");
        assert!(svg.contains(">Kỳ Thư &amp; Kỳ Tân</text>"), "{svg}");
        assert_eq!(svg.matches("font-family").count(), 1);
        assert!(svg.trim_end().ends_with("</svg>"));
    }
}

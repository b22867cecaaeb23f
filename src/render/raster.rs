//! SVG to PNG, for what cannot be an SVG: link previews (Open Graph and
//! Twitter cards show no SVG), the chart downloads, the favicon and the web
//! manifest's icons. resvg draws in pure Rust with only the fonts embedded in
//! the program (DejaVu Sans and Bold, subset to the Unicode blocks of
//! [`crate::charts::metrics::RANGES`]), never the machine's, so the same SVG
//! gives the same PNG bytes on every machine and in every build.

use resvg::{tiny_skia, usvg};
use std::sync::{Arc, OnceLock};

const REGULAR: &[u8] = include_bytes!("../charts/fonts/DejaVuSans.ttf");
const BOLD: &[u8] = include_bytes!("../charts/fonts/DejaVuSans-Bold.ttf");

/// The largest side a PNG may have, in pixels: a hostile `viewBox` never
/// asks for unbounded memory.
pub const MAX_SIDE: u32 = 4096;

fn options() -> &'static usvg::Options<'static> {
    static OPTIONS: OnceLock<usvg::Options<'static>> = OnceLock::new();
    OPTIONS.get_or_init(|| {
        let mut db = usvg::fontdb::Database::new();
        db.load_font_data(REGULAR.to_vec());
        db.load_font_data(BOLD.to_vec());
        db.set_sans_serif_family("DejaVu Sans");
        db.set_serif_family("DejaVu Sans");
        db.set_monospace_family("DejaVu Sans");
        usvg::Options {
            font_family: "DejaVu Sans".into(),
            fontdb: Arc::new(db),
            ..usvg::Options::default()
        }
    })
}

/// A parsed SVG, ready to draw at any size.
pub struct Drawing(usvg::Tree);

impl Drawing {
    /// Parses `svg`; an error says why it is not a drawing.
    pub fn parse(svg: &str) -> Result<Drawing, String> {
        usvg::Tree::from_str(svg, options())
            .map(Drawing)
            .map_err(|e| e.to_string())
    }

    /// Width and height in SVG user units.
    pub fn size(&self) -> (f32, f32) {
        let s = self.0.size();
        (s.width(), s.height())
    }

    /// Draws the drawing scaled to fit a box of `w` × `h` at (`x`, `y`) on
    /// `canvas`, centred, keeping its proportions.
    pub fn draw_into(&self, canvas: &mut Canvas, x: f32, y: f32, w: f32, h: f32) {
        let (sw, sh) = self.size();
        if sw <= 0.0 || sh <= 0.0 {
            return;
        }
        let k = (w / sw).min(h / sh);
        let (dx, dy) = (x + (w - sw * k) / 2.0, y + (h - sh * k) / 2.0);
        let t = tiny_skia::Transform::from_row(k, 0.0, 0.0, k, dx, dy);
        resvg::render(&self.0, t, &mut canvas.0.as_mut());
    }
}

/// A bitmap to draw into.
pub struct Canvas(tiny_skia::Pixmap);

impl Canvas {
    /// A transparent canvas; `None` when a side is 0 or above [`MAX_SIDE`].
    pub fn new(w: u32, h: u32) -> Option<Canvas> {
        if w > MAX_SIDE || h > MAX_SIDE {
            return None;
        }
        tiny_skia::Pixmap::new(w, h).map(Canvas)
    }

    /// The canvas as PNG bytes.
    pub fn png(&self) -> Result<Vec<u8>, String> {
        self.0.encode_png().map_err(|e| e.to_string())
    }
}

/// `svg` drawn `width` pixels wide (the height in proportion), on `background`
/// (`None`: transparent), as PNG bytes with its size.
pub fn png(
    svg: &str,
    width: u32,
    background: Option<[u8; 3]>,
) -> Result<(Vec<u8>, u32, u32), String> {
    let d = Drawing::parse(svg)?;
    let (sw, sh) = d.size();
    let height = (sh * width as f32 / sw).round().max(1.0) as u32;
    Ok((d.png_box(width, height, background)?, width, height))
}

impl Drawing {
    /// The drawing fitted into `width` × `height` pixels (centred, in
    /// proportion) on `background` (`None`: transparent), as PNG bytes.
    pub fn png_box(
        &self,
        width: u32,
        height: u32,
        background: Option<[u8; 3]>,
    ) -> Result<Vec<u8>, String> {
        let mut c = Canvas::new(width, height)
            .ok_or_else(|| format!("{width} × {height} px is too large"))?;
        if let Some([r, g, b]) = background {
            c.0.fill(tiny_skia::Color::from_rgba8(r, g, b, 255));
        }
        self.draw_into(&mut c, 0.0, 0.0, width as f32, height as f32);
        c.png()
    }

    /// The drawing fitted into `width` × `height` pixels on the opaque
    /// `background`, as a PNG with adaptive filters and zlib's default level
    /// (the `png` crate's `Balanced`): a chart is mostly flat colour, so this
    /// writes files less than half the size of the fast mode's (30–50 KB for
    /// a chart at twice its size, against 65–106 KB) for about 25 ms more.
    pub fn png_opaque(
        &self,
        width: u32,
        height: u32,
        background: [u8; 3],
    ) -> Result<Vec<u8>, String> {
        let mut c = Canvas::new(width, height)
            .ok_or_else(|| format!("{width} × {height} px is too large"))?;
        let [r, g, b] = background;
        c.0.fill(tiny_skia::Color::from_rgba8(r, g, b, 255));
        self.draw_into(&mut c, 0.0, 0.0, width as f32, height as f32);
        // Opaque everywhere, so the premultiplied pixels are the plain ones
        // (an alpha of 255 throughout costs the compressor next to nothing).
        let mut out = Vec::new();
        let mut e = png::Encoder::new(&mut out, width, height);
        e.set_color(png::ColorType::Rgba);
        e.set_depth(png::BitDepth::Eight);
        e.set_compression(png::Compression::Balanced);
        let mut w = e.write_header().map_err(|e| e.to_string())?;
        w.write_image_data(c.0.data()).map_err(|e| e.to_string())?;
        w.finish().map_err(|e| e.to_string())?;
        Ok(out)
    }
}

/// Width and height of PNG `bytes`, read from its header.
pub fn png_size(bytes: &[u8]) -> Option<(u32, u32)> {
    if bytes.len() < 24 || &bytes[..8] != b"\x89PNG\r\n\x1a\n" || &bytes[12..16] != b"IHDR" {
        return None;
    }
    let be = |i: usize| u32::from_be_bytes([bytes[i], bytes[i + 1], bytes[i + 2], bytes[i + 3]]);
    Some((be(16), be(20)))
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str = r##"<svg xmlns="http://www.w3.org/2000/svg" width="200" height="50" viewBox="0 0 200 50"><text x="4" y="34" font-family="DejaVu Sans, Arial, sans-serif" font-size="24">Kỳ Thư ữ</text></svg>"##;

    #[test]
    fn draws_vietnamese_text_with_the_embedded_font() {
        let (bytes, w, h) = png(TEXT, 400, Some([255, 255, 255])).unwrap();
        assert_eq!((w, h), (400, 100));
        assert_eq!(png_size(&bytes), Some((400, 100)));
        let img = image::load_from_memory(&bytes).unwrap().to_rgb8();
        let dark = img.pixels().filter(|p| p.0[0] < 128).count();
        assert!(dark > 500, "the text was not drawn: {dark} dark pixels");
        // The same SVG, the same bytes.
        assert_eq!(png(TEXT, 400, Some([255, 255, 255])).unwrap().0, bytes);
    }

    #[test]
    fn refuses_what_is_not_svg_or_too_large() {
        assert!(png("<html></html>", 100, None).is_err());
        let huge = r#"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1 100000"/>"#;
        assert!(png(huge, 100, None).is_err());
    }
}

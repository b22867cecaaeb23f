//! Text measurement for chart layout, from font metrics embedded at compile
//! time, so that the build never depends on the fonts of the machine.
//!
//! The metrics are the horizontal advances of DejaVu Sans and DejaVu Sans Bold
//! (Debian's `fonts-dejavu-core`, Bitstream Vera licence; DejaVu changes are in
//! the public domain) over the Unicode blocks Vietnamese text and chart labels
//! use: Basic Latin, Latin-1, Latin Extended-A and -B, combining diacritics,
//! Latin Extended Additional (ặ, ữ, ỹ ...), general punctuation, arrows,
//! mathematical operators, box drawing, geometric shapes and dingbats. Only
//! the advances are shipped (a few kilobytes in `fonts/*.metrics`), not the
//! glyphs: the SVG names a font stack that starts with DejaVu Sans, and every
//! font of that stack covers Vietnamese. DejaVu Sans is wide, so a label that
//! fits measured with it fits in the narrower fallbacks (Noto Sans, Liberation
//! Sans, Arial) too.
//!
//! File format (little-endian): `NTMF1`, units per em (u16), the number of
//! ranges (u16), then per range its first code point (u32), its length (u16)
//! and one advance (u16, font units) per code point, `0xFFFF` where the font
//! has no glyph. The files are generated from the Debian font by the ignored
//! test `regenerate_font_metrics` and checked against it by
//! `embedded_metrics_match_the_font` when the font is installed.

use std::sync::OnceLock;

/// The font stack the SVG text names: DejaVu Sans first (the metrics used for
/// layout), then other fonts with full Vietnamese coverage, then the generic
/// family. Written without quotes so that it sits in an XML attribute as is.
pub const FONT_STACK: &str = "DejaVu Sans, Noto Sans, Liberation Sans, Arial, sans-serif";

/// The Unicode ranges the metrics cover, `(first, last)` inclusive.
pub const RANGES: [(u32, u32); 9] = [
    (0x0020, 0x007E),
    (0x00A0, 0x024F),
    (0x0300, 0x036F),
    (0x1E00, 0x1EFF),
    (0x2000, 0x206F),
    (0x20A0, 0x20CF),
    (0x2190, 0x22FF),
    (0x2500, 0x25FF),
    (0x2700, 0x27BF),
];

const REGULAR: &[u8] = include_bytes!("fonts/dejavu-sans.metrics");
const BOLD: &[u8] = include_bytes!("fonts/dejavu-sans-bold.metrics");

/// Advances of one font, decoded.
struct Metrics {
    units_per_em: f64,
    /// `(first code point, advances)`, ascending.
    ranges: Vec<(u32, Vec<u16>)>,
}

const MISSING: u16 = 0xFFFF;

fn decode(bytes: &[u8]) -> Metrics {
    let u16_at = |i: usize| u16::from_le_bytes([bytes[i], bytes[i + 1]]);
    assert_eq!(&bytes[..5], b"NTMF1", "embedded font metrics are corrupt");
    let units_per_em = f64::from(u16_at(5));
    let n = usize::from(u16_at(7));
    let mut at = 9;
    let mut ranges = Vec::with_capacity(n);
    for _ in 0..n {
        let first = u32::from_le_bytes([bytes[at], bytes[at + 1], bytes[at + 2], bytes[at + 3]]);
        let len = usize::from(u16_at(at + 4));
        at += 6;
        let adv = (0..len).map(|i| u16_at(at + 2 * i)).collect();
        at += 2 * len;
        ranges.push((first, adv));
    }
    Metrics {
        units_per_em,
        ranges,
    }
}

fn metrics(bold: bool) -> &'static Metrics {
    static R: OnceLock<Metrics> = OnceLock::new();
    static B: OnceLock<Metrics> = OnceLock::new();
    if bold {
        B.get_or_init(|| decode(BOLD))
    } else {
        R.get_or_init(|| decode(REGULAR))
    }
}

impl Metrics {
    fn advance(&self, c: char) -> Option<u16> {
        let cp = u32::from(c);
        let i = self.ranges.partition_point(|(first, _)| *first <= cp);
        let (first, adv) = self.ranges.get(i.checked_sub(1)?)?;
        adv.get((cp - first) as usize)
            .copied()
            .filter(|&a| a != MISSING)
    }
}

/// Whether the layout font has a glyph for `c` (no tofu box in the chart).
pub fn has_glyph(c: char) -> bool {
    metrics(false).advance(c).is_some() && metrics(true).advance(c).is_some()
}

/// The width of `text` set at `size` pixels, in pixels. A character outside
/// the metrics counts as one em wide (never narrower than it may be).
pub fn text_width(text: &str, size: f64, bold: bool) -> f64 {
    let m = metrics(bold);
    let units: u64 = text
        .chars()
        .map(|c| m.advance(c).map(u64::from).unwrap_or(m.units_per_em as u64))
        .sum();
    units as f64 * size / m.units_per_em
}

#[cfg(test)]
mod tests {
    use super::*;

    const FONT_DIR: &str = "/usr/share/fonts/truetype/dejavu";

    fn encode(font: &[u8]) -> Vec<u8> {
        let face = ttf_parser::Face::parse(font, 0).expect("a font");
        let mut out = b"NTMF1".to_vec();
        out.extend(face.units_per_em().to_le_bytes());
        out.extend((RANGES.len() as u16).to_le_bytes());
        for (first, last) in RANGES {
            out.extend(first.to_le_bytes());
            out.extend(((last - first + 1) as u16).to_le_bytes());
            for cp in first..=last {
                let adv = char::from_u32(cp)
                    .and_then(|c| face.glyph_index(c))
                    .and_then(|g| face.glyph_hor_advance(g))
                    .unwrap_or(MISSING);
                out.extend(adv.to_le_bytes());
            }
        }
        out
    }

    fn from_font(file: &str) -> Option<Vec<u8>> {
        std::fs::read(format!("{FONT_DIR}/{file}"))
            .ok()
            .map(|f| encode(&f))
    }

    /// `NTM_REGENERATE=1 cargo test --lib regenerate_font_metrics -- --ignored`
    #[test]
    #[ignore]
    fn regenerate_font_metrics() {
        if std::env::var_os("NTM_REGENERATE").is_none() {
            return;
        }
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/src/charts/fonts");
        for (font, out) in [
            ("DejaVuSans.ttf", "dejavu-sans.metrics"),
            ("DejaVuSans-Bold.ttf", "dejavu-sans-bold.metrics"),
        ] {
            let bytes = from_font(font).expect("fonts-dejavu-core is installed");
            std::fs::write(format!("{dir}/{out}"), bytes).unwrap();
        }
    }

    #[test]
    fn embedded_metrics_match_the_font() {
        let Some(regular) = from_font("DejaVuSans.ttf") else {
            eprintln!("DejaVu Sans is not installed; skipped");
            return;
        };
        assert_eq!(regular, REGULAR);
        if let Some(bold) = from_font("DejaVuSans-Bold.ttf") {
            assert_eq!(bold, BOLD);
        }
    }

    #[test]
    fn vietnamese_is_covered_and_measured() {
        for c in "Nông thôn mới Hà Tĩnh: Kỳ Thư, Đức Thọ, Cẩm Xuyên, ặẫỹữựợ–…≥✓"
            .chars()
            .filter(|c| *c != ' ')
        {
            assert!(has_glyph(c), "no glyph for {c:?}");
        }
        let w = text_width("Kỳ Thư", 14.0, false);
        assert!(w > 35.0 && w < 60.0, "{w}");
        assert!(text_width("Kỳ Thư", 14.0, true) > w);
        assert_eq!(text_width("", 14.0, false), 0.0);
        assert!(!has_glyph('\u{4E00}'));
    }
}

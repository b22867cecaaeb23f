//! Each chart's PNG twin, for the chart's downloads and for link previews
//! (which show no SVG): the chart's SVG drawn by [`super::raster`] at
//! [`SCALE`] times its size. Drawing is the costly part of a build's charts,
//! so each PNG is kept in the build cache (`.ntm-cache/charts/`) under a
//! hash of its SVG: a rebuild draws only the charts whose figures changed.
//! The PNG depends only on the SVG and the embedded fonts, so a cached file
//! and a freshly drawn one are the same bytes.

use rayon::prelude::*;
use std::path::{Path, PathBuf};

/// How many pixels a PNG has per unit of its SVG: a 440-unit chart is
/// 880 px wide, sharp in print at its size on the page and in link
/// previews. (Three times, with the default RGBA encoding, took 35 ms and
/// 360 KB a chart: 97 s and 1 GB for the sample's 2,784 charts.)
pub const SCALE: u32 = 2;

/// Changes whenever the drawing of the same SVG could change (the
/// rasteriser, its fonts, [`SCALE`]), so that old cached files are not used.
const FINGERPRINT: &str = "chart-png 3 resvg 0.45 dejavu x2 rgba balanced";

/// The PNG file beside `svg_file` (`bieu-do/x.svg` → `bieu-do/x.png`).
pub fn png_path(svg_file: &str) -> String {
    format!("{}.png", svg_file.trim_end_matches(".svg"))
}

/// The size in pixels of the PNG of an SVG of `w` × `h` units: [`SCALE`]
/// times its size, or, for a chart whose longer side would then pass
/// [`super::raster::MAX_SIDE`] (the list of a nation's target communes, some
/// thousands of rows), as large as fits, in proportion.
pub fn png_size(w: u32, h: u32) -> (u32, u32) {
    let max = u64::from(super::raster::MAX_SIDE);
    let long = u64::from(w.max(h).max(1));
    if long * u64::from(SCALE) <= max {
        return (w * SCALE, h * SCALE);
    }
    let fit = |x: u32| ((u64::from(x) * max / long) as u32).max(1);
    (fit(w), fit(h))
}

/// Draws each `(png path, svg)`, in parallel, taking what it can from the
/// cache folder `cache` (and putting there what it drew). A chart that
/// cannot be drawn is an error naming it.
pub fn draw_all(
    jobs: Vec<(String, String)>,
    cache: Option<&Path>,
) -> Result<Vec<(String, Vec<u8>)>, String> {
    let dir = cache.map(|c| c.join("charts"));
    jobs.into_par_iter()
        .map(|(path, svg)| {
            let png = draw_cached(&svg, dir.as_deref())
                .map_err(|e| format!("{path}: the chart cannot be drawn as PNG: {e}"))?;
            Ok((path, png))
        })
        .collect()
}

fn key(svg: &str) -> String {
    let mut h = blake3::Hasher::new();
    h.update(FINGERPRINT.as_bytes());
    h.update(&[0]);
    h.update(svg.as_bytes());
    h.finalize().to_hex().to_string()
}

fn cached_file(dir: &Path, key: &str) -> PathBuf {
    dir.join(&key[..2]).join(format!("{key}.png"))
}

fn draw_cached(svg: &str, dir: Option<&Path>) -> Result<Vec<u8>, String> {
    let file = dir.map(|d| cached_file(d, &key(svg)));
    if let Some(bytes) = file.as_ref().and_then(|f| std::fs::read(f).ok())
        && super::raster::png_size(&bytes).is_some()
    {
        return Ok(bytes);
    }
    let png = draw(svg)?;
    if let Some(f) = file {
        // The cache is only a shortcut: a file that cannot be kept is drawn
        // again next time.
        let _ = keep(&f, &png);
    }
    Ok(png)
}

/// The PNG of `svg`, [`SCALE`] times its size (rounded to whole units, as
/// the page's `width` and `height` give it), on white.
pub fn draw(svg: &str) -> Result<Vec<u8>, String> {
    let d = super::raster::Drawing::parse(svg)?;
    let (w, h) = d.size();
    let (width, height) = png_size(w.round().max(1.0) as u32, h.round().max(1.0) as u32);
    d.png_opaque(width, height, [255, 255, 255])
}

/// Writes `bytes` at `file` through a temporary file in the same folder, so
/// that a crash leaves no half-written PNG in the cache.
fn keep(file: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let dir = file.parent().unwrap_or(Path::new("."));
    std::fs::create_dir_all(dir)?;
    let mut tmp = tempfile::NamedTempFile::new_in(dir)?;
    std::io::Write::write_all(&mut tmp, bytes)?;
    tmp.persist(file).map_err(|e| e.error)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    const SVG: &str = r##"<svg xmlns="http://www.w3.org/2000/svg" width="40" height="20" viewBox="0 0 40 20"><rect x="5" y="5" width="10" height="10" fill="#0b5130"/><text x="20" y="15" font-family="DejaVu Sans" font-size="10">Xã</text></svg>"##;

    #[test]
    fn a_chart_is_drawn_at_twice_its_size_and_the_same_each_time() {
        let a = draw(SVG).unwrap();
        assert_eq!(super::super::raster::png_size(&a), Some(png_size(40, 20)));
        assert_eq!(a, draw(SVG).unwrap());
    }

    #[test]
    fn a_chart_too_tall_for_twice_its_size_is_drawn_as_large_as_fits() {
        let tall = SVG.replace(
            r#"height="20" viewBox="0 0 40 20""#,
            r#"height="9611" viewBox="0 0 40 9611""#,
        );
        let png = draw(&tall).unwrap();
        let (w, h) = super::super::raster::png_size(&png).unwrap();
        assert_eq!((w, h), png_size(40, 9611));
        assert_eq!(h, super::super::raster::MAX_SIDE);
        assert_eq!(w, 40 * 4096 / 9611);
    }

    #[test]
    fn the_cache_gives_the_bytes_it_would_draw_and_a_broken_file_is_drawn_again() {
        let dir = tempfile::tempdir().unwrap();
        let jobs = vec![("bieu-do/a.png".to_string(), SVG.to_string())];
        let first = draw_all(jobs.clone(), Some(dir.path())).unwrap();
        let file = cached_file(&dir.path().join("charts"), &key(SVG));
        assert_eq!(std::fs::read(&file).unwrap(), first[0].1);
        std::fs::write(&file, b"broken").unwrap();
        let again = draw_all(jobs, Some(dir.path())).unwrap();
        assert_eq!(again, first);
        assert_eq!(std::fs::read(&file).unwrap(), first[0].1);
    }

    #[test]
    fn a_chart_that_is_not_svg_is_an_error_naming_it() {
        let e = draw_all(vec![("bieu-do/x.png".into(), "<p>".into())], None).unwrap_err();
        assert!(e.starts_with("bieu-do/x.png: "), "{e}");
    }
}

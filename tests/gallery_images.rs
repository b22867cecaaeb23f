//! The image pipeline on photos made here: metadata stripped, orientation
//! applied, the cache reused, bad files refused with clear errors.

mod gallery_fixtures;

use gallery_fixtures as fx;
use ntm_site::imageproc::{self, Format, Options, Settings};
use std::path::{Path, PathBuf};

struct Dir {
    tmp: tempfile::TempDir,
}

impl Dir {
    fn new() -> Dir {
        Dir {
            tmp: tempfile::tempdir().unwrap(),
        }
    }
    fn content(&self) -> PathBuf {
        self.tmp.path().join("content")
    }
    fn put(&self, rel: &str, bytes: &[u8]) -> String {
        let p = self.content().join(rel);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(p, bytes).unwrap();
        rel.to_string()
    }
    fn opts(&self) -> Options {
        Options {
            cache_dir: self.tmp.path().join(".ntm-cache"),
            settings: Settings::default(),
            chart_pngs: false,
        }
    }
}

fn mtimes(dir: &Path) -> Vec<(PathBuf, std::time::SystemTime)> {
    let mut out: Vec<_> = walkdir::WalkDir::new(dir)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
        .map(|e| {
            (
                e.path().to_path_buf(),
                e.metadata().unwrap().modified().unwrap(),
            )
        })
        .collect();
    out.sort();
    out
}

#[test]
fn the_fixture_really_carries_gps_camera_and_orientation() {
    let jpeg = fx::phone_jpeg(600, 400, 6);
    let exif = exif::Reader::new()
        .read_from_container(&mut std::io::Cursor::new(&jpeg))
        .expect("EXIF in the fixture");
    let get = |tag| {
        exif.get_field(tag, exif::In::PRIMARY)
            .map(|f| f.display_value().to_string())
    };
    assert_eq!(
        get(exif::Tag::Make).as_deref(),
        Some(format!("\"{}\"", fx::MAKE).as_str())
    );
    assert!(get(exif::Tag::Model).unwrap().contains("Phone X-42"));
    assert_eq!(
        exif.get_field(exif::Tag::Orientation, exif::In::PRIMARY)
            .and_then(|f| f.value.get_uint(0)),
        Some(6)
    );
    assert!(get(exif::Tag::GPSLatitude).unwrap().contains("18"));
    assert!(get(exif::Tag::GPSLongitude).unwrap().contains("105"));
}

#[test]
fn published_versions_are_upright_and_carry_no_metadata() {
    let d = Dir::new();
    // Stored landscape 1600 × 1000, shown portrait 1000 × 1600 (orientation 6).
    let rel = d.put("models/a/01.jpg", &fx::phone_jpeg(1600, 1000, 6));
    let (published, diags) =
        imageproc::process(&d.content(), std::slice::from_ref(&rel), &d.opts());
    assert!(!diags.has_errors(), "{}", diags.render());
    let p = published.get(&rel).unwrap();
    assert_eq!((p.entry.width, p.entry.height), (1000, 1600));
    let widths: Vec<u32> = p.jpegs().map(|v| v.width).collect();
    assert_eq!(widths, vec![320, 640, 1000]);
    assert!(p.entry.original.is_none(), "no original unless asked");
    for v in &p.entry.variants {
        let bytes = std::fs::read(p.path(v)).unwrap();
        assert_eq!(bytes.len() as u64, v.bytes);
        fx::assert_no_metadata(&v.file, &bytes);
        let img = image::load_from_memory(&bytes).unwrap().to_rgb8();
        assert_eq!(
            (img.width(), img.height()),
            (v.width, v.height),
            "{}",
            v.file
        );
        assert!(img.height() > img.width(), "{} is not portrait", v.file);
        // Turned clockwise: the stored top (red) is now the right edge.
        let (w, h) = (img.width(), img.height());
        let right = img.get_pixel(w - 2, h / 2).0;
        let left = img.get_pixel(1, h / 2).0;
        assert!(
            right[0] > 150 && right[2] < 100,
            "{}: right edge {right:?}",
            v.file
        );
        assert!(
            left[2] > 150 && left[0] < 100,
            "{}: left edge {left:?}",
            v.file
        );
    }
    // WebP is published where it pays; the drawn picture compresses well.
    assert!(p.webps().count() > 0);
    assert!(p.webps().all(|v| v.format == Format::Webp));
}

#[test]
fn every_orientation_comes_out_with_the_right_shape() {
    let d = Dir::new();
    let rels: Vec<String> = (1..=8)
        .map(|o| d.put(&format!("m/{o}.jpg"), &fx::phone_jpeg(480, 320, o)))
        .collect();
    let (published, diags) = imageproc::process(&d.content(), &rels, &d.opts());
    assert!(!diags.has_errors(), "{}", diags.render());
    for (i, rel) in rels.iter().enumerate() {
        let o = i + 1;
        let p = published.get(rel).unwrap();
        let portrait = o >= 5;
        assert_eq!(p.entry.height > p.entry.width, portrait, "orientation {o}");
        let v = p.largest_jpeg().unwrap();
        let img = image::load_from_memory(&std::fs::read(p.path(v)).unwrap()).unwrap();
        assert_eq!(img.height() > img.width(), portrait, "orientation {o}");
    }
}

#[test]
fn originals_are_published_only_when_asked_and_stripped_too() {
    let d = Dir::new();
    let rel = d.put("m/01.jpg", &fx::phone_jpeg(900, 600, 6));
    let mut opts = d.opts();
    opts.settings.originals = true;
    let (published, diags) = imageproc::process(&d.content(), std::slice::from_ref(&rel), &opts);
    assert!(!diags.has_errors(), "{}", diags.render());
    let p = published.get(&rel).unwrap();
    let o = p.entry.original.as_ref().expect("a full-size version");
    assert_eq!((o.width, o.height), (600, 900));
    fx::assert_no_metadata("full.jpg", &std::fs::read(p.path(o)).unwrap());
}

#[test]
fn a_second_run_reuses_the_cache_and_does_no_image_work() {
    let d = Dir::new();
    let rels = vec![
        d.put("m/01.jpg", &fx::phone_jpeg(1400, 900, 6)),
        d.put("m/02.jpg", &fx::phone_jpeg(700, 500, 1)),
        d.put(
            "m/03.png",
            &fx::png(&image::DynamicImage::ImageRgb8(fx::drawn(500, 300))),
        ),
    ];
    let opts = d.opts();
    let (first, diags) = imageproc::process(&d.content(), &rels, &opts);
    assert!(!diags.has_errors(), "{}", diags.render());
    assert_eq!((first.stats.processed, first.stats.reused), (3, 0));
    assert!(first.stats.encoded >= 6);
    let before = mtimes(&opts.cache_dir);
    std::thread::sleep(std::time::Duration::from_millis(20));
    let (second, diags) = imageproc::process(&d.content(), &rels, &opts);
    assert!(!diags.has_errors(), "{}", diags.render());
    assert_eq!(
        (
            second.stats.processed,
            second.stats.reused,
            second.stats.encoded
        ),
        (0, 3, 0)
    );
    assert_eq!(mtimes(&opts.cache_dir), before, "the cache was rewritten");
    for rel in &rels {
        assert_eq!(
            first.get(rel).unwrap().entry,
            second.get(rel).unwrap().entry
        );
    }
    // A changed photo is processed again; the others are still reused.
    d.put("m/02.jpg", &fx::phone_jpeg(710, 500, 1));
    let (third, _) = imageproc::process(&d.content(), &rels, &opts);
    assert_eq!((third.stats.processed, third.stats.reused), (1, 2));
    // Other settings are other entries.
    let mut other = opts.clone();
    other.settings.widths = vec![200, 400];
    let (fourth, _) = imageproc::process(&d.content(), &rels, &other);
    assert_eq!(fourth.stats.processed, 3);
    // The cache is safe to delete.
    std::fs::remove_dir_all(&opts.cache_dir).unwrap();
    let (fifth, diags) = imageproc::process(&d.content(), &rels, &opts);
    assert!(!diags.has_errors());
    assert_eq!(fifth.stats.processed, 3);
}

#[test]
fn a_damaged_cache_entry_is_made_again() {
    let d = Dir::new();
    let rels = vec![d.put("m/01.jpg", &fx::phone_jpeg(800, 600, 1))];
    let opts = d.opts();
    let (first, _) = imageproc::process(&d.content(), &rels, &opts);
    let p = first.get(&rels[0]).unwrap();
    std::fs::write(p.path(&p.entry.variants[0]), b"trunc").unwrap();
    let (second, diags) = imageproc::process(&d.content(), &rels, &opts);
    assert!(!diags.has_errors());
    assert_eq!(second.stats.processed, 1);
}

#[test]
fn bad_files_are_clear_errors_naming_the_file() {
    let d = Dir::new();
    let good = fx::phone_jpeg(800, 600, 1);
    let rels = vec![
        d.put("models/x/text.jpg", b"not really a jpeg"),
        d.put("models/x/empty.jpg", b""),
        d.put("models/x/cut.jpg", &good[..good.len() / 3]),
        d.put("models/x/bomb.png", &fx::png_header_only(20_000, 20_000, 2)),
        d.put("models/x/wide.png", &fx::png_header_only(16_000, 16_000, 6)),
        d.put("models/x/ok.jpg", &good),
    ];
    let (published, diags) = imageproc::process(&d.content(), &rels, &d.opts());
    let text = diags.render();
    println!("{text}");
    assert!(
        text.contains("models/x/text.jpg: is not an image (JPEG, PNG or WebP)"),
        "{text}"
    );
    assert!(
        text.contains("models/x/empty.jpg: is not an image"),
        "{text}"
    );
    assert!(
        text.contains(
            "models/x/bomb.png: declares 20000 × 20000 px; photos may be at most 16384 px a side"
        ),
        "{text}"
    );
    assert!(
        text.contains("models/x/wide.png: declares 16000 × 16000 px, 977 MB once decoded"),
        "{text}"
    );
    assert!(text.contains("models/x/cut.jpg: is damaged"), "{text}");
    assert_eq!(diags.error_count(), 5, "{text}");
    // The good photo is processed all the same.
    assert!(published.get("models/x/ok.jpg").is_some());
}

#[test]
fn png_with_transparency_and_webp_sources_are_accepted() {
    let d = Dir::new();
    let mut rgba = image::RgbaImage::new(400, 300);
    for (x, _, p) in rgba.enumerate_pixels_mut() {
        *p = image::Rgba([200, 40, 40, if x < 200 { 0 } else { 255 }]);
    }
    let mut webp_src = std::io::Cursor::new(Vec::new());
    image::DynamicImage::ImageRgb8(fx::drawn(300, 200))
        .write_to(&mut webp_src, image::ImageFormat::WebP)
        .unwrap();
    let rels = vec![
        d.put("m/a.png", &fx::png(&image::DynamicImage::ImageRgba8(rgba))),
        d.put("m/b.webp", &webp_src.into_inner()),
    ];
    let (published, diags) = imageproc::process(&d.content(), &rels, &d.opts());
    assert!(!diags.has_errors(), "{}", diags.render());
    let p = published.get("m/a.png").unwrap();
    let v = p.largest_jpeg().unwrap();
    let img = image::load_from_memory(&std::fs::read(p.path(v)).unwrap())
        .unwrap()
        .to_rgb8();
    let transparent = img.get_pixel(20, 150).0;
    assert!(
        transparent.iter().all(|&c| c > 240),
        "transparent part laid on white: {transparent:?}"
    );
    assert_eq!(published.get("m/b.webp").unwrap().entry.width, 300);
}

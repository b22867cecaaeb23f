//! Benchmark of the galleries: a province with 1,000 model photos (250
//! models of 4 photos, 2000 × 1500 px phone-like JPEGs with EXIF, some of
//! them turned by their orientation tag), generated here. Times the first
//! build (every photo decoded, resized and encoded, with a cold cache) and
//! a rebuild with the cache (no image work), then the image pipeline alone,
//! cold and warm.
//!
//! Run: `cargo bench --bench gallery` (add `-- --photos 200 --size 1600x1200`
//! for a smaller run). Under `cargo test` it makes a dozen small photos only.

#[path = "../tests/gallery_fixtures/mod.rs"]
mod gallery_fixtures;

use ntm_site::build::{self, BuildOptions};
use ntm_site::imageproc::{self, Options};
use rayon::prelude::*;
use std::fmt::Write as _;
use std::path::Path;
use std::time::Instant;

fn write(root: &Path, rel: &str, bytes: &[u8]) {
    let p = root.join(rel);
    std::fs::create_dir_all(p.parent().unwrap()).unwrap();
    std::fs::write(p, bytes).unwrap();
}

/// A photo-like picture: sky and fields with texture, different per seed,
/// so that it compresses like a photo rather than like a drawing.
fn photo(w: u32, h: u32, seed: u64) -> image::RgbImage {
    let hash = |x: u32, y: u32| -> u32 {
        let mut v = ((u64::from(x) * 0x9E37_79B9) ^ (u64::from(y) * 0x85EB_CA6B) ^ seed)
            .wrapping_mul(0x2545_F491_4F6C_DD1D);
        v ^= v >> 29;
        (v & 0xFF) as u32
    };
    let horizon = h * (35 + (seed % 20) as u32) / 100;
    image::RgbImage::from_fn(w, h, |x, y| {
        let n = hash(x, y) / 6 + hash(x / 7, y / 7) / 3;
        if y < horizon {
            let t = y * 255 / horizon.max(1);
            image::Rgb([
                (90 + t / 3 + n / 4) as u8,
                (140 + t / 4 + n / 4) as u8,
                (220 - t / 6 + n / 8).min(255) as u8,
            ])
        } else {
            let stripe = ((x + y * 2) / (40 + (seed % 30) as u32)) % 2;
            let g = if stripe == 0 { 120 } else { 150 };
            image::Rgb([
                (40 + n / 2) as u8,
                (g + n / 3).min(255) as u8,
                (40 + n / 4) as u8,
            ])
        }
    })
}

fn generate(root: &Path, photos: usize, w: u32, h: u32) {
    write(
        root,
        "site.yaml",
        b"title: Tinh Thu\norganization: Van phong Dieu phoi\nbase_url: https://example.org/\n",
    );
    write(
        root,
        "criteria/bo.yaml",
        b"name: Bo\nvalid_from: 2015-01-01\ncriteria:\n  - {number: 1, name: Quy hoach}\n  - {number: 2, name: Giao thong}\n",
    );
    let per_model = 4;
    let models = photos.div_ceil(per_model);
    let districts = 20.min(models.max(1));
    for d in 0..districts {
        write(
            root,
            &format!("communes/h{d}/_index.yaml"),
            format!("name: Huyện {d}\n").as_bytes(),
        );
        for c in 0..5 {
            write(
                root,
                &format!("communes/h{d}/x{c}.yaml"),
                format!("name: Xã {d}-{c}\n").as_bytes(),
            );
        }
    }
    let mut snapshot = String::from("communes:\n");
    for d in 0..districts {
        for c in 0..5 {
            let _ = writeln!(snapshot, "  h{d}/x{c}: [1]");
        }
    }
    write(root, "progress/2015-08-27.yaml", snapshot.as_bytes());
    let kinds = ["residential", "garden"];
    let statuses = ["registered", "building", "recognized"];
    for m in 0..models {
        let n = per_model.min(photos - m * per_model);
        let mut md = format!(
            "---\ntitle: Mô hình số {m}\nkind: {}\ncommune: h{}/x{}\nstatus: {}\n",
            kinds[m % 2],
            m % districts,
            m % 5,
            statuses[m % 3]
        );
        if m % 3 == 2 {
            md.push_str("recognized: 2015-06-10\n");
        }
        md.push_str("photos:\n");
        for p in 0..n {
            let _ = writeln!(
                md,
                "  - file: {p:02}.jpg\n    caption: Ảnh {p} của mô hình {m}\n    credit: Bench"
            );
        }
        md.push_str("---\nMô hình.\n");
        write(root, &format!("models/m{m:04}/index.md"), md.as_bytes());
    }
    (0..photos).into_par_iter().for_each(|i| {
        let (m, p) = (i / per_model, i % per_model);
        // One photo in five is stored landscape and shown portrait (orientation 6).
        let orientation = if i % 5 == 0 { 6 } else { 1 };
        let img = photo(w, h, i as u64 + 1);
        let mut jpeg = Vec::new();
        jpeg_encoder::Encoder::new(&mut jpeg, 88)
            .encode(
                img.as_raw(),
                w as u16,
                h as u16,
                jpeg_encoder::ColorType::Rgb,
            )
            .unwrap();
        let jpeg = gallery_fixtures::with_app1(&jpeg, &gallery_fixtures::exif_block(orientation));
        write(root, &format!("models/m{m:04}/{p:02}.jpg"), &jpeg);
    });
}

fn dir_size(dir: &Path) -> (usize, u64) {
    walkdir::WalkDir::new(dir)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
        .fold((0, 0), |(n, b), e| {
            (n + 1, b + e.metadata().map(|m| m.len()).unwrap_or(0))
        })
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let bench = args.iter().any(|a| a == "--bench");
    let arg = |name: &str| {
        args.iter()
            .position(|a| a == name)
            .and_then(|i| args.get(i + 1))
            .cloned()
    };
    let photos: usize = arg("--photos")
        .and_then(|v| v.parse().ok())
        .unwrap_or(if bench { 1000 } else { 12 });
    let (w, h) = arg("--size")
        .and_then(|v| {
            let (a, b) = v.split_once('x')?;
            Some((a.parse().ok()?, b.parse().ok()?))
        })
        .unwrap_or(if bench { (2000, 1500) } else { (640, 480) });
    println!(
        "gallery benchmark: {photos} photos of {w} × {h} px on {} threads",
        rayon::current_num_threads()
    );
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path().join("content");
    let t = Instant::now();
    generate(&root, photos, w, h);
    let (_, src_bytes) = dir_size(&root.join("models"));
    println!(
        "generated the content in {:.2?} ({:.1} MB of photos)",
        t.elapsed(),
        src_bytes as f64 / 1e6
    );

    let out = tmp.path().join("output");
    let opts = BuildOptions {
        content: root.clone(),
        output: out.clone(),
        base_url: None,
        drafts: false,
        deny_warnings: false,
        pdf: None,
    };
    let images = Options::beside(&out);
    let t = Instant::now();
    build::build_with(&opts, &images).unwrap_or_else(|e| panic!("{e:?}"));
    let first = t.elapsed();
    let (n_cache, cache_bytes) = dir_size(&images.cache_dir);
    println!(
        "first build (cold cache):   {first:.2?}  ({:.1} photos/s; cache {n_cache} files, {:.1} MB)",
        photos as f64 / first.as_secs_f64(),
        cache_bytes as f64 / 1e6
    );
    let mut rebuilds = Vec::new();
    for _ in 0..3 {
        let t = Instant::now();
        build::build_with(&opts, &images).unwrap_or_else(|e| panic!("{e:?}"));
        rebuilds.push(t.elapsed());
    }
    rebuilds.sort();
    let (n_out, out_bytes) = dir_size(&out.join("mo-hinh"));
    println!(
        "rebuild (cached):           min {:.2?}  median {:.2?}  max {:.2?}  (gallery output {n_out} files, {:.1} MB)",
        rebuilds[0],
        rebuilds[1],
        rebuilds[2],
        out_bytes as f64 / 1e6
    );

    // The pipeline alone, cold (a fresh cache) and warm.
    let checked = build::check(&root, false, false).unwrap_or_else(|d| panic!("{}", d.render()));
    let cold = Options {
        cache_dir: tmp.path().join("cache-2"),
        settings: images.settings.clone(),
        chart_pngs: images.chart_pngs,
    };
    let t = Instant::now();
    let (p, d) = imageproc::process_models(&root, &checked.content, &cold);
    let cold_time = t.elapsed();
    assert!(!d.has_errors(), "{}", d.render());
    assert_eq!(p.stats.processed, photos);
    let t = Instant::now();
    let (p, _) = imageproc::process_models(&root, &checked.content, &cold);
    let warm_time = t.elapsed();
    assert_eq!(
        (p.stats.processed, p.stats.reused, p.stats.encoded),
        (0, photos, 0)
    );
    println!(
        "image pipeline only:        cold {cold_time:.2?} ({:.1} photos/s), warm {warm_time:.2?} (hashing and checking the cache)",
        photos as f64 / cold_time.as_secs_f64()
    );
    let (jpeg, webp): (Vec<u64>, Vec<u64>) = p
        .photos
        .values()
        .flat_map(|x| x.entry.variants.iter())
        .fold((vec![], vec![]), |(mut j, mut w), v| {
            match v.format {
                imageproc::Format::Jpeg => j.push(v.bytes),
                imageproc::Format::Webp => w.push(v.bytes),
            }
            (j, w)
        });
    println!(
        "versions: {} JPEG ({:.1} MB), {} WebP ({:.1} MB) — WebP kept where at least {}% smaller",
        jpeg.len(),
        jpeg.iter().sum::<u64>() as f64 / 1e6,
        webp.len(),
        webp.iter().sum::<u64>() as f64 / 1e6,
        images.settings.webp_min_saving
    );
}

//! The galleries in a whole build: pages listing the models with working
//! image links, no metadata and no original on the published site, the
//! cache reused by a second build, bad photos stopping the build clearly.

mod common;
mod gallery_fixtures;

use common::Fixture;
use gallery_fixtures as fx;
use ntm_site::build::{BuildError, BuildOptions};
use scraper::{Html, Selector};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

const TAN_THANH: &str = "---\ntitle: Khu dân cư kiểu mẫu thôn Tân Thành\nkind: residential\ncommune: ky-anh/ky-tan\nstatus: recognized\nregistered: 2014-03-01\nrecognized: 2015-06-10\nphotos:\n  - file: 01.jpg\n    caption: Đường làng thôn Tân Thành\n    credit: Hữu Anh\n  - file: 02.png\n    caption: Nhà văn hóa thôn\n---\nThôn Tân Thành *đẹp*.\n";
const YEN_HO: &str = "---\ntitle: Vườn mẫu Yên Hồ\nkind: garden\ncommune: duc-tho/yen-ho\nstatus: building\nphotos:\n  - file: 01.jpg\n    caption: Vườn cam\n---\nVườn.\n";
const KY_TAN_GARDEN: &str = "---\ntitle: Vườn mẫu Kỳ Tân\nkind: garden\ncommune: ky-anh/ky-tan\nstatus: registered\ncover: anh-bia.jpg\nphotos:\n  - file: 01.jpg\n    caption: Vườn rau\n---\n";

fn province() -> Fixture {
    Fixture::new()
        .file("communes/ky-anh/_index.yaml", "name: Kỳ Anh\n")
        .file("communes/ky-anh/ky-tan.yaml", "name: Kỳ Tân\n")
        .file("communes/duc-tho/_index.yaml", "name: Đức Thọ\n")
        .file("communes/duc-tho/yen-ho.yaml", "name: Yên Hồ\n")
        .file(
            "progress/2015-08-27.yaml",
            "communes:\n  ky-anh/ky-tan: [1, 2]\n  duc-tho/yen-ho: all\n",
        )
        .file("models/tan-thanh/index.md", TAN_THANH)
        .bytes("models/tan-thanh/01.jpg", &fx::phone_jpeg(1600, 1000, 6))
        .bytes(
            "models/tan-thanh/02.png",
            &fx::png(&image::DynamicImage::ImageRgb8(fx::drawn(900, 600))),
        )
        .file("models/vuon-yen-ho/index.md", YEN_HO)
        .bytes("models/vuon-yen-ho/01.jpg", &fx::phone_jpeg(800, 600, 1))
        .file("models/vuon-ky-tan/index.md", KY_TAN_GARDEN)
        .bytes("models/vuon-ky-tan/01.jpg", &fx::phone_jpeg(640, 480, 8))
        .bytes(
            "models/vuon-ky-tan/anh-bia.jpg",
            &fx::phone_jpeg(1000, 700, 3),
        )
}

fn files(dir: &Path) -> BTreeMap<String, PathBuf> {
    walkdir::WalkDir::new(dir)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
        .map(|e| {
            let rel = e
                .path()
                .strip_prefix(dir)
                .unwrap()
                .to_string_lossy()
                .replace('\\', "/");
            (rel, e.path().to_path_buf())
        })
        .collect()
}

fn page(out: &Path, rel: &str) -> Html {
    let text = std::fs::read_to_string(out.join(rel)).unwrap_or_else(|e| panic!("{rel}: {e}"));
    Html::parse_document(&text)
}

fn sel(s: &str) -> Selector {
    Selector::parse(s).unwrap()
}

/// Every local address a page names (href, src, srcset), resolved against
/// the page's folder.
fn local_refs(out: &Path, rel: &str) -> Vec<String> {
    let doc = page(out, rel);
    let mut refs = Vec::new();
    for (s, attr) in [
        ("a[href]", "href"),
        ("img[src]", "src"),
        ("link[href]", "href"),
        ("script[src]", "src"),
    ] {
        for e in doc.select(&sel(s)) {
            refs.push(e.value().attr(attr).unwrap().to_string());
        }
    }
    for e in doc.select(&sel("img[srcset], source[srcset]")) {
        for cand in e.value().attr("srcset").unwrap().split(',') {
            refs.push(cand.split_whitespace().next().unwrap().to_string());
        }
    }
    let folder = Path::new(rel).parent().unwrap_or(Path::new(""));
    refs.into_iter()
        .filter(|r| !r.contains(':') && !r.starts_with('#') && !r.starts_with('/'))
        .map(|r| {
            let r = r.split('#').next().unwrap();
            let mut parts: Vec<String> = folder
                .components()
                .map(|c| c.as_os_str().to_string_lossy().to_string())
                .collect();
            for seg in r.split('/') {
                match seg {
                    "" | "." => {}
                    ".." => {
                        assert!(parts.pop().is_some(), "{rel}: '{r}' climbs above the site");
                    }
                    s => parts.push(s.to_string()),
                }
            }
            parts.join("/")
        })
        .collect()
}

#[test]
fn gallery_pages_list_the_models_with_working_image_links() {
    let f = province();
    let out = f.build().unwrap_or_else(|e| panic!("{e:?}"));
    let all = files(&out);
    let index = page(&out, "mo-hinh/index.html");
    let cards: Vec<String> = index
        .select(&sel(".gallery-card h2 a"))
        .map(|a| a.text().collect())
        .collect();
    assert_eq!(
        cards,
        [
            "Khu dân cư kiểu mẫu thôn Tân Thành",
            "Vườn mẫu Kỳ Tân",
            "Vườn mẫu Yên Hồ"
        ]
    );
    // Every image has its size and its versions.
    for img in index.select(&sel(".gallery-card img")) {
        let v = img.value();
        for a in ["width", "height", "srcset", "sizes", "alt"] {
            assert!(v.attr(a).is_some(), "card image without {a}");
        }
    }
    assert_eq!(
        index
            .select(&sel(".gallery-card picture source[type='image/webp']"))
            .count(),
        3
    );
    // Every page of the gallery (index, filters, models), the home page, the
    // district and commune pages: every local link and image leads to a file.
    let mut pages: Vec<&String> = all
        .keys()
        .filter(|p| p.starts_with("mo-hinh/") && p.ends_with(".html"))
        .collect();
    let others = [
        "index.html".to_string(),
        "huyen/ky-anh/index.html".to_string(),
        "xa/ky-anh/ky-tan/index.html".to_string(),
    ];
    pages.extend(others.iter());
    assert!(pages.len() > 10, "{pages:?}");
    for p in pages {
        for r in local_refs(&out, p) {
            assert!(
                all.contains_key(&r) || all.contains_key(&format!("{r}/index.html")),
                "{p}: broken link {r}"
            );
        }
    }
    // The model page: photos upright, captions, credits, status, dates, commune.
    let m = page(&out, "mo-hinh/tan-thanh/index.html");
    let figs: Vec<String> = m
        .select(&sel(".gallery-photos figcaption"))
        .map(|c| c.text().collect())
        .collect();
    assert_eq!(figs.len(), 2);
    assert!(
        figs[0].contains("Đường làng thôn Tân Thành") && figs[0].contains("Hữu Anh"),
        "{figs:?}"
    );
    let first = m.select(&sel(".gallery-photos img")).next().unwrap();
    let (w, h): (u32, u32) = (
        first.value().attr("width").unwrap().parse().unwrap(),
        first.value().attr("height").unwrap().parse().unwrap(),
    );
    assert!(h > w, "the portrait photo is shown {w} × {h}");
    let full = m
        .select(&sel("a.photo-link"))
        .next()
        .unwrap()
        .value()
        .attr("href")
        .unwrap();
    assert!(full.ends_with(".jpg") && full.contains("-1000."), "{full}");
    let text: String = m.root_element().text().collect();
    for s in [
        "Đã công nhận",
        "1/3/2014",
        "10/6/2015",
        "Xã Kỳ Tân",
        "Huyện Kỳ Anh",
    ] {
        assert!(text.contains(s), "model page lacks {s}");
    }
    assert!(
        m.select(&sel("a[href='../../xa/ky-anh/ky-tan/index.html']"))
            .next()
            .is_some()
    );
    // Linked both ways: the commune page lists its models.
    let c = page(&out, "xa/ky-anh/ky-tan/index.html");
    let links: Vec<&str> = c
        .select(&sel("a[href]"))
        .map(|a| a.value().attr("href").unwrap())
        .collect();
    assert!(
        links.contains(&"../../../mo-hinh/tan-thanh/index.html"),
        "{links:?}"
    );
    assert!(
        links.contains(&"../../../mo-hinh/vuon-ky-tan/index.html"),
        "{links:?}"
    );
    // Filters as pages: kind, status, district.
    let titles = |rel: &str| -> Vec<String> {
        page(&out, rel)
            .select(&sel(".gallery-card h2 a"))
            .map(|a| a.text().collect())
            .collect()
    };
    assert_eq!(
        titles("mo-hinh/loc/vuon-mau/tat-ca/tat-ca/index.html"),
        ["Vườn mẫu Kỳ Tân", "Vườn mẫu Yên Hồ"]
    );
    assert_eq!(
        titles("mo-hinh/loc/tat-ca/xay-dung/tat-ca/index.html"),
        ["Vườn mẫu Yên Hồ"]
    );
    assert_eq!(
        titles("mo-hinh/loc/tat-ca/tat-ca/ky-anh/index.html"),
        ["Khu dân cư kiểu mẫu thôn Tân Thành", "Vườn mẫu Kỳ Tân"]
    );
    assert_eq!(
        titles("mo-hinh/loc/vuon-mau/dang-ky/ky-anh/index.html"),
        ["Vườn mẫu Kỳ Tân"]
    );
    assert!(
        !all.contains_key("mo-hinh/loc/khu-dan-cu/tat-ca/duc-tho/index.html"),
        "an empty combination has no page"
    );
    // Counts on the home page (per district and province) and the district page.
    let home = page(&out, "index.html");
    let rows: Vec<Vec<String>> = home
        .select(&sel("table.model-counts tr"))
        .map(|tr| {
            tr.select(&sel("th, td"))
                .map(|c| c.text().collect::<String>().trim().to_string())
                .collect()
        })
        .collect();
    assert_eq!(
        rows,
        [
            vec![
                "Huyện",
                "Đã đăng ký",
                "Đang xây dựng",
                "Đã công nhận",
                "Tổng số"
            ],
            vec!["Huyện Đức Thọ", "0", "1", "0", "1"],
            vec!["Huyện Kỳ Anh", "1", "0", "1", "2"],
            vec!["Toàn tỉnh", "1", "1", "1", "3"],
        ]
    );
    let d = page(&out, "huyen/ky-anh/index.html");
    let kpis: Vec<String> = d
        .select(&sel(
            "#mo-hinh-so-luong ~ dl .kpi dd, #mo-hinh-so-luong + dl .kpi dd",
        ))
        .map(|x| x.text().collect::<String>().trim().to_string())
        .collect();
    assert_eq!(kpis, ["1", "0", "1", "2"]);
}

#[test]
fn no_published_image_carries_metadata_and_no_original_is_published() {
    let f = province();
    let out = f.build().unwrap_or_else(|e| panic!("{e:?}"));
    let sources: Vec<Vec<u8>> = files(&f.root())
        .into_iter()
        .filter(|(p, _)| p.starts_with("models/") && !p.ends_with(".md"))
        .map(|(_, path)| std::fs::read(path).unwrap())
        .collect();
    assert_eq!(sources.len(), 5);
    let mut images = 0;
    for (rel, path) in files(&out) {
        let bytes = std::fs::read(&path).unwrap();
        assert!(
            !sources.contains(&bytes),
            "{rel} is a copy of a content file"
        );
        let ext = rel.rsplit('.').next().unwrap_or("").to_ascii_lowercase();
        // The site's own icons and card (PNG, drawn by the build) are not photos.
        if rel.starts_with("assets/") {
            continue;
        }
        if ["jpg", "jpeg", "png", "webp", "gif", "tif", "tiff", "heic"].contains(&ext.as_str()) {
            images += 1;
            assert!(
                ext == "jpg" || ext == "webp",
                "{rel}: only JPEG and WebP are published"
            );
            fx::assert_no_metadata(&rel, &bytes);
        }
        // Not a trace of the GPS position or camera in any file.
        assert!(
            !fx::contains(&bytes, fx::MODEL.as_bytes()),
            "{rel} names the camera"
        );
    }
    assert!(images >= 20, "{images} images");
    // Nor the originals' names.
    assert!(!out.join("mo-hinh/tan-thanh/01.jpg").exists());
    assert!(!out.join("mo-hinh/tan-thanh/02.png").exists());
}

#[test]
fn a_second_build_reuses_the_cache() {
    let f = province();
    let out = f.build().unwrap_or_else(|e| panic!("{e:?}"));
    let cache = f.dir.path().join(".ntm-cache");
    let stamp = |dir: &Path| -> Vec<(String, std::time::SystemTime)> {
        files(dir)
            .into_iter()
            .map(|(r, p)| (r, std::fs::metadata(p).unwrap().modified().unwrap()))
            .collect()
    };
    let before = stamp(&cache);
    assert_eq!(
        before
            .iter()
            .filter(|(r, _)| r.ends_with("entry.json"))
            .count(),
        5
    );
    let images_before: BTreeMap<String, Vec<u8>> = files(&out)
        .into_iter()
        .filter(|(r, _)| r.contains("/anh/"))
        .map(|(r, p)| (r, std::fs::read(p).unwrap()))
        .collect();
    std::thread::sleep(std::time::Duration::from_millis(20));
    f.build().unwrap_or_else(|e| panic!("{e:?}"));
    assert_eq!(
        stamp(&cache),
        before,
        "the second build wrote into the cache"
    );
    let images_after: BTreeMap<String, Vec<u8>> = files(&out)
        .into_iter()
        .filter(|(r, _)| r.contains("/anh/"))
        .map(|(r, p)| (r, std::fs::read(p).unwrap()))
        .collect();
    assert_eq!(images_after, images_before);
    // The pipeline says so too: nothing processed, everything reused.
    let checked = ntm_site::build::check(&f.root(), false, false).unwrap();
    let (published, _) = ntm_site::imageproc::process_models(
        &f.root(),
        &checked.content,
        &ntm_site::imageproc::Options::beside(&out),
    );
    assert_eq!(
        (
            published.stats.processed,
            published.stats.reused,
            published.stats.encoded
        ),
        (0, 5, 0)
    );
}

#[test]
fn a_bad_photo_stops_the_build_with_a_clear_error_and_keeps_the_output() {
    let f = province();
    let out = f.build().unwrap_or_else(|e| panic!("{e:?}"));
    let index_before = std::fs::read(out.join("mo-hinh/index.html")).unwrap();
    let f = f
        .bytes("models/tan-thanh/01.jpg", b"not really a jpeg")
        .bytes(
            "models/vuon-yen-ho/01.jpg",
            &fx::png_header_only(20_000, 20_000, 2),
        );
    let err = f.build().expect_err("a bad photo is an error");
    let BuildError::Content(d) = err else {
        panic!("{err:?}")
    };
    let text = d.render();
    assert!(
        text.contains("models/tan-thanh/01.jpg: is not an image (JPEG, PNG or WebP)"),
        "{text}"
    );
    assert!(
        text.contains("models/vuon-yen-ho/01.jpg: declares 20000 × 20000 px"),
        "{text}"
    );
    assert_eq!(d.error_count(), 2, "{text}");
    assert_eq!(
        std::fs::read(out.join("mo-hinh/index.html")).unwrap(),
        index_before
    );
}

#[test]
fn full_size_versions_only_when_asked() {
    let f = province();
    let out = f.dir.path().join("output");
    let opts = BuildOptions {
        content: f.root(),
        output: out.clone(),
        base_url: None,
        drafts: false,
        deny_warnings: false,
        pdf: None,
    };
    let mut images = ntm_site::imageproc::Options::beside(&out);
    ntm_site::build::build_with(&opts, &images).unwrap_or_else(|e| panic!("{e:?}"));
    let m = page(&out, "mo-hinh/tan-thanh/index.html");
    assert!(m.select(&sel("a.original")).next().is_none());
    images.settings.originals = true;
    ntm_site::build::build_with(&opts, &images).unwrap_or_else(|e| panic!("{e:?}"));
    let m = page(&out, "mo-hinh/tan-thanh/index.html");
    let a = m
        .select(&sel("a.original"))
        .next()
        .expect("a link to the full size");
    let href = a.value().attr("href").unwrap();
    let bytes = std::fs::read(out.join("mo-hinh/tan-thanh").join(href)).unwrap();
    fx::assert_no_metadata(href, &bytes);
    let img = image::load_from_memory(&bytes).unwrap();
    assert_eq!((img.width(), img.height()), (1000, 1600));
}

//! Feeds, sitemap, robots.txt, icons and link previews of the sample
//! province built at a sub-path: every URL absolute under the base URL and
//! leading to a file of the build, every preview image a PNG or JPEG of the
//! size the page declares, the structured data valid JSON of the right type.

mod site_support;

use site_support::*;
use std::collections::BTreeMap;

const BASE: &str = "https://bao.example/ntm/";

/// The output file an absolute URL of the site names.
fn file_of(url: &str) -> String {
    let rel = url
        .strip_prefix(BASE)
        .unwrap_or_else(|| panic!("{url} is not under {BASE}"));
    if rel.is_empty() || rel.ends_with('/') {
        format!("{rel}index.html")
    } else {
        rel.to_string()
    }
}

fn xml(text: &str) -> roxmltree::Document<'_> {
    roxmltree::Document::parse(text).unwrap_or_else(|e| panic!("not XML: {e}"))
}

const ATOM: &str = "http://www.w3.org/2005/Atom";

fn child_text<'a>(n: roxmltree::Node<'a, 'a>, name: &str) -> Option<&'a str> {
    n.children()
        .find(|c| c.has_tag_name((ATOM, name)))
        .and_then(|c| c.text())
}

fn is_stamp(s: &str) -> bool {
    s.len() == 25 && s[..10].chars().filter(|c| *c == '-').count() == 2 && &s[10..11] == "T"
}

fn check_feed(b: &Built, files: &BTreeMap<String, Vec<u8>>, file: &str) -> Vec<(String, String)> {
    let text = b.text(file);
    let doc = xml(&text);
    let feed = doc.root_element();
    assert!(
        feed.has_tag_name((ATOM, "feed")),
        "{file}: root is not an Atom feed"
    );
    for name in ["id", "title", "updated"] {
        assert!(
            child_text(feed, name).is_some(),
            "{file}: feed without {name}"
        );
    }
    assert!(is_stamp(child_text(feed, "updated").unwrap()));
    let links: Vec<_> = doc
        .descendants()
        .filter(|n| n.has_tag_name((ATOM, "link")))
        .collect();
    for l in &links {
        let href = l.attribute("href").unwrap();
        assert!(
            files.contains_key(&file_of(href)),
            "{file}: {href} leads nowhere"
        );
    }
    assert!(links.iter().any(|l| l.attribute("rel") == Some("self")
        && l.attribute("href") == Some(&format!("{BASE}{file}"))));
    let mut out = Vec::new();
    for e in feed.children().filter(|n| n.has_tag_name((ATOM, "entry"))) {
        let id = child_text(e, "id").unwrap();
        assert!(id.starts_with(BASE), "{file}: entry id {id}");
        assert!(is_stamp(child_text(e, "updated").unwrap()));
        assert!(child_text(e, "title").is_some_and(|t| !t.is_empty()));
        out.push((
            id.to_string(),
            child_text(e, "summary").unwrap_or_default().to_string(),
        ));
    }
    out
}

#[test]
fn feeds_sitemap_robots_and_previews_of_the_sample() {
    let b = build_site(&sample(), Some(BASE));
    let files = b.files();

    // News: one entry per story, newest first, each leading to its page.
    let news = check_feed(&b, &files, "tin-tuc/atom.xml");
    let stories: Vec<&String> = files
        .keys()
        .filter(|k| {
            k.starts_with("tin-tuc/")
                && k.ends_with("/index.html")
                && !k.starts_with("tin-tuc/trang-")
        })
        .filter(|k| k.matches('/').count() == 2)
        .collect();
    assert_eq!(news.len(), stories.len(), "{stories:?}");
    for (url, _) in &news {
        let page = b.page(&file_of(url));
        assert_eq!(texts(&page, "meta[property='og:type']").len(), 1);
        let og_type = page
            .select(&sel("meta[property='og:type']"))
            .next()
            .unwrap();
        assert_eq!(og_type.value().attr("content"), Some("article"));
    }

    // Bulletins: one entry per bulletin page, its headline sentences as summary.
    let bulletins = check_feed(&b, &files, "ban-tin/atom.xml");
    let pages = files
        .keys()
        .filter(|k| k.starts_with("ban-tin/20") && k.ends_with("/index.html"))
        .count();
    assert_eq!(bulletins.len(), pages);
    for (url, summary) in bulletins
        .iter()
        .take(5)
        .chain(bulletins.iter().rev().take(5))
    {
        let page = b.page(&file_of(url));
        let headline = texts(&page, "p.headline").join(" ");
        assert!(!headline.is_empty());
        assert_eq!(summary, &headline, "{url}");
    }
    let aug = bulletins
        .iter()
        .find(|(u, _)| u.ends_with("ban-tin/2015-08-27/"))
        .expect("the bulletin of 27/8/2015 is in the feed");
    assert!(
        aug.1.contains("10 xã tăng tổng cộng 21 tiêu chí"),
        "{}",
        aug.1
    );

    // The sitemap: every page once, absolute, with its date.
    let text = b.text("sitemap.xml");
    let doc = xml(&text);
    let ns = "http://www.sitemaps.org/schemas/sitemap/0.9";
    let urls: Vec<_> = doc
        .descendants()
        .filter(|n| n.has_tag_name((ns, "url")))
        .collect();
    let html_pages = files.keys().filter(|k| k.ends_with("index.html")).count();
    assert_eq!(urls.len(), html_pages);
    let latest = b.summary().as_array().unwrap().last().unwrap()["date"]
        .as_str()
        .unwrap()
        .to_string();
    for u in &urls {
        let loc = u
            .children()
            .find(|c| c.has_tag_name((ns, "loc")))
            .unwrap()
            .text()
            .unwrap();
        let lastmod = u
            .children()
            .find(|c| c.has_tag_name((ns, "lastmod")))
            .unwrap()
            .text()
            .unwrap();
        assert!(files.contains_key(&file_of(loc)), "{loc}");
        assert!(
            lastmod.len() == 10 && lastmod <= latest.as_str() || loc.contains("tin-tuc/"),
            "{loc} {lastmod}"
        );
        if loc.contains("ban-tin/20") {
            assert!(
                loc.ends_with(&format!("ban-tin/{lastmod}/")),
                "{loc} {lastmod}"
            );
        }
    }
    assert!(
        b.text("robots.txt")
            .contains(&format!("Sitemap: {BASE}sitemap.xml"))
    );

    // Every page: previews with an absolute PNG or JPEG of the declared size.
    for (path, bytes) in files.iter().filter(|(k, _)| k.ends_with("index.html")) {
        let page = scraper::Html::parse_document(std::str::from_utf8(bytes).unwrap());
        let meta = |sel_: &str| -> String {
            page.select(&sel(sel_))
                .next()
                .and_then(|e| e.value().attr("content"))
                .unwrap_or_else(|| panic!("{path}: no {sel_}"))
                .to_string()
        };
        let canonical = page
            .select(&sel("link[rel=canonical]"))
            .next()
            .unwrap()
            .value()
            .attr("href")
            .unwrap()
            .to_string();
        assert_eq!(meta("meta[property='og:url']"), canonical, "{path}");
        assert_eq!(file_of(&canonical), *path);
        for name in ["og:title", "og:description", "og:site_name"] {
            assert!(
                !meta(&format!("meta[property='{name}']")).is_empty(),
                "{path}: {name}"
            );
        }
        assert_eq!(meta("meta[name='twitter:card']"), "summary_large_image");
        let image = meta("meta[property='og:image']");
        assert_eq!(meta("meta[name='twitter:image']"), image);
        assert!(!image.ends_with(".svg"), "{path}: {image}");
        let img = files
            .get(&file_of(&image))
            .unwrap_or_else(|| panic!("{path}: {image} missing"));
        let decoded = image::load_from_memory(img).unwrap();
        let w: u32 = meta("meta[property='og:image:width']").parse().unwrap();
        let h: u32 = meta("meta[property='og:image:height']").parse().unwrap();
        assert_eq!(
            (decoded.width(), decoded.height()),
            (w, h),
            "{path}: {image}"
        );
        for s in page.select(&sel("script[type='application/ld+json']")) {
            let v: serde_json::Value = serde_json::from_str(&s.inner_html()).unwrap();
            assert_eq!(v["@context"], "https://schema.org");
        }
    }

    // Structured data: the downloads page's Dataset, a story's NewsArticle.
    let ld = |file: &str| -> serde_json::Value {
        let page = b.page(file);
        let s = page
            .select(&sel("script[type='application/ld+json']"))
            .next()
            .unwrap_or_else(|| panic!("{file}: no JSON-LD"));
        serde_json::from_str(&s.inner_html()).unwrap()
    };
    let d = ld("du-lieu/index.html");
    assert_eq!(d["@type"], "Dataset");
    assert_eq!(d["license"], "https://creativecommons.org/licenses/by/4.0/");
    let dist = d["distribution"].as_array().unwrap();
    assert!(dist.len() >= 2);
    for f in dist {
        let url = f["contentUrl"].as_str().unwrap();
        assert!(files.contains_key(&file_of(url)), "{url}");
    }
    assert_eq!(d["dateModified"], latest.as_str());
    let (story, _) = &news[0];
    let a = ld(&file_of(story));
    assert_eq!(a["@type"], "NewsArticle");
    assert_eq!(
        a["headline"].as_str().unwrap(),
        texts(&b.page(&file_of(story)), "h1")[0]
    );
    assert!(a["datePublished"].as_str().is_some_and(|d| d.len() == 10));
    for img in a["image"].as_array().unwrap() {
        assert!(files.contains_key(&file_of(img.as_str().unwrap())));
    }
    // The story with a cover photo shows it in previews.
    let covered = files
        .keys()
        .find(|k| k.ends_with("anh-bia.jpg"))
        .expect("a cover in the sample");
    let page = b.page(&format!(
        "{}index.html",
        covered.trim_end_matches("anh-bia.jpg")
    ));
    let og = page
        .select(&sel("meta[property='og:image']"))
        .next()
        .unwrap();
    assert_eq!(
        og.value().attr("content"),
        Some(format!("{BASE}{covered}").as_str())
    );

    // Icons and manifest from the sample's logo.
    for (file, side) in [
        ("assets/icon-32.png", 32),
        ("assets/icon-180.png", 180),
        ("assets/icon-512.png", 512),
    ] {
        let img = image::load_from_memory(&files[file]).unwrap();
        assert_eq!((img.width(), img.height()), (side, side), "{file}");
    }
    let ico = &files["favicon.ico"];
    assert_eq!(&ico[..4], &[0, 0, 1, 0]);
    let manifest: serde_json::Value =
        serde_json::from_slice(&files["manifest.webmanifest"]).unwrap();
    assert_eq!(manifest["name"], "Nông thôn mới Hà Tĩnh");
    for i in manifest["icons"].as_array().unwrap() {
        assert!(files.contains_key(i["src"].as_str().unwrap()));
    }
    // The logo is drawn, not the default mark: its green ring is in the icon.
    let icon = image::load_from_memory(&files["assets/icon-512.png"])
        .unwrap()
        .to_rgba8();
    let p = icon.get_pixel(256, 20).0;
    assert!(p[1] > p[0] + 40 && p[3] == 255, "{p:?}");
}

#[test]
fn a_broken_logo_is_a_warning_and_the_default_mark_is_used() {
    let dir = tempfile::tempdir().unwrap();
    let content = dir.path().join("content");
    copy_dir(&example(), &content);
    std::fs::create_dir_all(content.join("static")).unwrap();
    std::fs::write(content.join("static/logo.svg"), "<svg><g>").unwrap();
    let out = dir.path().join("out");
    let checked = ntm_site::build::build(&ntm_site::build::BuildOptions {
        content: content.clone(),
        output: out.clone(),
        base_url: None,
        drafts: false,
        deny_warnings: false,
        pdf: None,
    })
    .unwrap();
    let warnings = format!("{:?}", checked.diagnostics);
    assert!(
        warnings.contains("static/logo.svg") && warnings.contains("logo"),
        "{warnings}"
    );
    assert!(out.join("assets/icon-192.png").is_file());
    assert!(out.join("assets/the-card.png").is_file());
}

fn copy_dir(from: &std::path::Path, to: &std::path::Path) {
    for e in walkdir::WalkDir::new(from) {
        let e = e.unwrap();
        let rel = e.path().strip_prefix(from).unwrap();
        let dest = to.join(rel);
        if e.file_type().is_dir() {
            std::fs::create_dir_all(&dest).unwrap();
        } else {
            std::fs::copy(e.path(), &dest).unwrap();
        }
    }
}

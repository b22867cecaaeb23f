//! The public site, built from the worked example of the spec: what a user
//! sees on each kind of page, checked against the data files of the same
//! build (never against numbers written into the test).

mod site_support;

use site_support::*;
use std::collections::BTreeSet;

fn home_figures_match_the_data(b: &Built) {
    let communes = b.csv("communes.csv");
    let known = communes
        .iter()
        .filter(|r| !r["latest_date"].is_empty())
        .count() as u64;
    let standard = communes
        .iter()
        .filter(|r| r["meets_standard"] == "true")
        .count() as u64;
    let recognized = communes
        .iter()
        .filter(|r| !r["recognized_level"].is_empty())
        .count() as u64;
    let summary = b.summary();
    let last = summary.as_array().unwrap().last().unwrap();
    assert_eq!(last["all"]["known"].as_u64().unwrap(), known);
    let home = b.page("index.html");
    let kpis = texts(&home, "dl.kpis > div");
    assert!(
        kpis[0].contains(&format!(
            "{} / {} xã có số liệu",
            vi_int(standard),
            vi_int(known)
        )),
        "{kpis:?}"
    );
    assert!(
        kpis[1].contains(&vi_dec(&last["all"]["average_met"])),
        "{kpis:?}"
    );
    assert!(kpis[2].contains(&vi_int(recognized)), "{kpis:?}");
    // This year's target communes: those whose target year is the latest date's year.
    let year = &last["date"].as_str().unwrap()[..4];
    let target: Vec<_> = communes
        .iter()
        .filter(|r| r["target_year"] == year)
        .collect();
    let target_done = target
        .iter()
        .filter(|r| r["meets_standard"] == "true")
        .count() as u64;
    assert!(
        kpis[3].contains(year)
            && kpis[3].contains(&format!(
                "{} / {}",
                vi_int(target_done),
                vi_int(target.len() as u64)
            )),
        "{kpis:?}"
    );
    // The band table says the same as summary.json.
    let bands = texts(&home, "table.bands tbody td.num");
    assert_eq!(bands.len(), 5);
    for (cell, key) in bands.iter().zip(["standard", "15+", "10-14", "5-9", "0-4"]) {
        let n = last["all"]["bands"][key].as_u64().unwrap();
        assert_eq!(cell, &vi_int(n), "band {key}");
    }
}

#[test]
fn home_shows_the_figures_of_the_data_files() {
    let b = build_site(&example(), None);
    home_figures_match_the_data(&b);
    let home = b.page("index.html");
    // Every district is listed, nested groups too.
    let districts = texts(&home, "table.groups tbody th");
    for d in [
        "Huyện Can Lộc",
        "Cụm xã phía Bắc",
        "Huyện Đức Thọ",
        "Huyện Kỳ Anh",
    ] {
        assert!(districts.iter().any(|x| x == d), "{d} not in {districts:?}");
    }
    // The latest date in Vietnamese form, in the header.
    assert!(b.text("index.html").contains("28/10/2016"));
}

#[test]
fn commune_page_lists_its_met_criteria_by_name() {
    let b = build_site(&example(), None);
    let communes = b.csv("communes.csv");
    let criteria = b.csv("criteria.csv");
    for row in &communes {
        let page = b.page(&format!("xa/{}/index.html", row["id"]));
        let h1 = texts(&page, "h1");
        assert!(h1[0].ends_with(&row["name"]), "{h1:?}");
        if row["latest_date"].is_empty() {
            assert!(texts(&page, "table.criteria").is_empty());
            continue;
        }
        let met: BTreeSet<String> = row["met"]
            .split(';')
            .filter(|s| !s.is_empty())
            .map(|k| {
                criteria
                    .iter()
                    .find(|c| c["set_id"] == row["criteria_set"] && c["number"] == k)
                    .unwrap()["name"]
                    .clone()
            })
            .collect();
        let shown: BTreeSet<String> = texts(&page, "table.criteria tr.met th")
            .into_iter()
            .collect();
        assert_eq!(shown, met, "{}", row["id"]);
        let not: usize = row["criteria_total"].parse::<usize>().unwrap() - met.len();
        assert_eq!(page.select(&sel("table.criteria tr.notmet")).count(), not);
    }
    // Kỳ Thư: numbers, dates and areas in Vietnamese form; its history names the re-basing.
    let p = b.text("xa/ky-anh/ky-thu/index.html");
    for s in [
        "9.120",
        "28,4 km²",
        "18337",
        "Sở Công Thương",
        "Nguyễn Văn A",
        "5/1/2015",
        "Chuyển bộ tiêu chí",
        "Báo cáo lần đầu",
    ] {
        assert!(p.contains(s), "{s} missing");
    }
    // Kỳ Tân: its recognition with the decision number.
    let p = b.text("xa/ky-anh/ky-tan/index.html");
    assert!(p.contains("NTM kiểu mẫu"));
}

#[test]
fn criterion_page_lists_the_right_communes() {
    let b = build_site(&example(), None);
    let communes = b.csv("communes.csv");
    for (set, k) in [
        ("qd-1980-2016", "5"),
        ("qd-491-2009", "16"),
        ("qd-1980-2016", "19"),
    ] {
        let page = b.page(&format!("tieu-chi/{set}/{k}/index.html"));
        let yes: BTreeSet<String> = texts(&page, "td.list-yes a").into_iter().collect();
        let no: BTreeSet<String> = texts(&page, "td.list-no a").into_iter().collect();
        let under: Vec<_> = communes
            .iter()
            .filter(|r| r["criteria_set"] == set)
            .collect();
        let want_yes: BTreeSet<String> = under
            .iter()
            .filter(|r| r["met"].split(';').any(|x| x == k))
            .map(|r| r["name"].clone())
            .collect();
        let want_no: BTreeSet<String> = under
            .iter()
            .filter(|r| !r["met"].split(';').any(|x| x == k))
            .map(|r| r["name"].clone())
            .collect();
        assert_eq!(yes, want_yes, "{set} {k}");
        assert_eq!(no, want_no, "{set} {k}");
    }
    // The department in charge is named.
    assert!(
        b.text("tieu-chi/qd-1980-2016/2/index.html")
            .contains("Sở Giao thông Vận tải")
    );
}

#[test]
fn every_page_kind_exists_with_vietnamese_slugs() {
    let b = build_site(&example(), None);
    for p in [
        "index.html",
        "huyen/index.html",
        "huyen/ky-anh/index.html",
        "huyen/can-loc/cum-bac/index.html",
        "xa/index.html",
        "xa/son-kim/index.html",
        "tieu-chi/index.html",
        "tieu-chi/qd-1980-2016/index.html",
        "tieu-chi/qd-1980-2016/19/index.html",
        "muc-tieu/index.html",
        "ban-tin/index.html",
        "ban-tin/2015-08-27/index.html",
        "tin-tuc/index.html",
        "chu-de/index.html",
        "du-lieu/index.html",
        "404.html",
        "sitemap.xml",
        "assets/style.css",
    ] {
        assert!(b.out.join(p).is_file(), "{p} missing");
    }
    let d = b.text("du-lieu/index.html");
    assert!(d.contains("Nguồn: Văn phòng Điều phối NTM tỉnh Ví Dụ, dữ liệu ngày 28/10/2016."));
    assert!(d.contains("CC BY 4.0"));
}

#[test]
fn links_all_resolve_and_work_from_a_sub_path_and_from_files() {
    let b = build_site(&example(), Some("https://example.org/ntm"));
    assert_eq!(b.broken_links(), Vec::<String>::new());
    for (path, bytes) in b.files() {
        if !path.ends_with(".html") {
            continue;
        }
        let html = String::from_utf8(bytes).unwrap();
        let doc = scraper::Html::parse_document(&html);
        let canonical: Vec<_> = doc
            .select(&sel("link[rel=canonical]"))
            .map(|e| e.value().attr("href").unwrap().to_string())
            .collect();
        assert_eq!(canonical.len(), 1, "{path}");
        assert!(
            canonical[0].starts_with("https://example.org/ntm/"),
            "{path}"
        );
        if path == "404.html" {
            continue;
        }
        // Relative links only, each ending in a file name: no server needed.
        for e in doc.select(&sel("a[href], link[href], script[src], img[src]")) {
            let url = e.value().attr("href").or(e.value().attr("src")).unwrap();
            if url.contains(':') || url.starts_with('#') {
                continue;
            }
            assert!(!url.starts_with('/'), "{path}: {url}");
            let file = url.split('#').next().unwrap();
            assert!(!file.ends_with('/'), "{path}: {url} names a folder");
        }
    }
}

#[test]
fn two_builds_are_byte_identical() {
    let a = build_site_with(&example(), None, true);
    let b = build_site_with(&example(), None, true);
    let (fa, fb) = (a.files(), b.files());
    assert_eq!(fa.keys().collect::<Vec<_>>(), fb.keys().collect::<Vec<_>>());
    for (k, v) in &fa {
        assert!(v == &fb[k], "{k} differs");
    }
}

/// The example with news, a free page and a theme override added.
fn enriched() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("content");
    for e in walkdir::WalkDir::new(example()) {
        let e = e.unwrap();
        let rel = e.path().strip_prefix(example()).unwrap();
        let dest = root.join(rel);
        if e.file_type().is_dir() {
            std::fs::create_dir_all(&dest).unwrap();
        } else {
            std::fs::copy(e.path(), &dest).unwrap();
        }
    }
    std::fs::create_dir_all(root.join("news")).unwrap();
    std::fs::create_dir_all(root.join("pages")).unwrap();
    std::fs::write(
        root.join("news/tan-cong.md"),
        "---\ntitle: Thử <b>chèn</b> mã\ndate: 2016-10-29\nsummary: Một tin có mã độc\ntags: [Thử nghiệm, An toàn]\ncommunes: [ky-anh/ky-thu]\n---\n\
         ## Nội dung\n\n<script>alert('xss')</script>\n\n<img src=x onerror=\"alert(1)\">\n\n\
         [bấm](javascript:alert(2)) <a href=\"javascript:alert(3)\">đây</a>\n\n<iframe src=\"https://evil.example/\"></iframe>\n\n\
         <p onclick=\"alert(4)\" style=\"background:url(javascript:alert(5))\">Đoạn văn</p>\n\n\
         Xem [Kỳ Thư](/xa/ky-anh/ky-thu/) và [tiêu chí 5](/tieu-chi/qd-1980-2016/5/#theo-huyen).\n\n\
         | Xã | Tiêu chí |\n|---|---|\n| Kỳ Thư | 18 |\n\nChú thích[^1].\n\n[^1]: Số liệu ngày 28/10/2016.\n",
    )
    .unwrap();
    for i in 1..=12 {
        std::fs::write(
            root.join(format!("news/tin-{i:02}.md")),
            format!("---\ntitle: Tin số {i}\ndate: 2016-09-{i:02}\ntags: [Thử nghiệm]\n---\nNội dung {i}.\n"),
        )
        .unwrap();
    }
    std::fs::write(
        root.join("pages/gioi-thieu.md"),
        "---\ntitle: Giới thiệu\n---\n# Về trang này\n\nTrang số liệu mẫu.\n",
    )
    .unwrap();
    std::fs::create_dir_all(root.join("theme/templates")).unwrap();
    std::fs::write(
        root.join("theme/templates/404.html"),
        "{% extends \"base.html\" %}{% block content %}<h1>Lạc đường rồi</h1>{% endblock content %}",
    )
    .unwrap();
    dir
}

#[test]
fn raw_html_in_news_is_neutralised() {
    let dir = enriched();
    let b = build_site(&dir.path().join("content"), None);
    let html = b.text("tin-tuc/tan-cong/index.html");
    let lower = html.to_lowercase();
    for bad in [
        "alert(",
        "onerror",
        "onclick",
        "javascript:",
        "<iframe",
        "evil.example",
    ] {
        assert!(!lower.contains(bad), "{bad} reached the page");
    }
    // Only the theme's own scripts and the page's JSON-LD (data, never run).
    let scripts: Vec<&str> = lower
        .match_indices("<script")
        .map(|(i, _)| &lower[i..i + 60.min(lower.len() - i)])
        .collect();
    assert_eq!(scripts.len(), 3, "{scripts:?}");
    assert!(
        scripts
            .iter()
            .all(|s| s.starts_with(r#"<script src="../../assets/site.js""#)
                || s.starts_with(r#"<script src="../../assets/search.js""#)
                || s.starts_with(r#"<script type="application/ld+json">"#)),
        "only the theme's own scripts: {scripts:?}"
    );
    // The title's markup is text, escaped.
    assert!(html.contains("Thử &lt;b&gt;chèn&lt;/b&gt; mã"));
    // Markdown features: table, footnote, heading anchor, site links made relative.
    assert!(html.contains("<table>"));
    assert!(html.contains("footnote-definition"));
    assert!(html.contains(r#"href="../../xa/ky-anh/ky-thu/index.html""#));
    assert!(html.contains(r#"href="../../tieu-chi/qd-1980-2016/5/index.html#theo-huyen""#));
    // The story appears on the commune's page, and under its tags.
    assert!(
        b.text("xa/ky-anh/ky-thu/index.html")
            .contains("tin-tuc/tan-cong/index.html")
    );
    assert!(b.out.join("chu-de/thu-nghiem/index.html").is_file());
    // The link check names the one broken link the story itself writes.
    assert_eq!(
        b.broken_links(),
        vec!["tin-tuc/tan-cong/index.html: link 'x' leads to no file of the build".to_string()]
    );
}

#[test]
fn news_is_paginated_and_pages_and_overrides_work() {
    let dir = enriched();
    let b = build_site(&dir.path().join("content"), None);
    let first = b.page("tin-tuc/index.html");
    assert_eq!(first.select(&sel(".news-list li")).count(), 10);
    let second = b.page("tin-tuc/trang/2/index.html");
    assert_eq!(second.select(&sel(".news-list li")).count(), 3);
    assert!(
        b.text("tin-tuc/trang/2/index.html")
            .contains(r#"href="../../../tin-tuc/index.html""#)
    );
    // Newest first.
    assert_eq!(texts(&first, ".news-list h2")[0], "Thử <b>chèn</b> mã");
    assert!(
        b.text("gioi-thieu/index.html")
            .contains(r#"<h1 id="ve-trang-nay">"#)
    );
    assert!(
        b.text("index.html").contains("gioi-thieu/index.html"),
        "free pages in the footer"
    );
    assert!(
        b.text("404.html").contains("Lạc đường rồi"),
        "the override is used"
    );
}

#[test]
fn pages_are_accessible_by_construction() {
    let b = build_site(&example(), None);
    for (path, bytes) in b.files() {
        if !path.ends_with(".html") {
            continue;
        }
        let html = String::from_utf8(bytes).unwrap();
        assert!(
            html.starts_with("<!DOCTYPE html>\n<html lang=\"vi\">"),
            "{path}"
        );
        let doc = scraper::Html::parse_document(&html);
        assert_eq!(doc.select(&sel("main#noi-dung")).count(), 1, "{path}");
        assert_eq!(doc.select(&sel("h1")).count(), 1, "{path}");
        assert!(
            doc.select(&sel("a.skip[href='#noi-dung']")).count() == 1,
            "{path}"
        );
        for t in doc.select(&sel("table")) {
            assert_eq!(
                t.select(&sel("caption")).count(),
                1,
                "{path}: a table without caption"
            );
            for th in t.select(&sel("th")) {
                assert!(
                    th.value().attr("scope").is_some(),
                    "{path}: th without scope"
                );
            }
        }
        for img in doc.select(&sel("img")) {
            assert!(img.value().attr("alt").is_some(), "{path}: img without alt");
        }
    }
}

#[test]
fn an_english_edition_takes_its_words_from_the_same_table() {
    let dir = enriched();
    let root = dir.path().join("content");
    let site = std::fs::read_to_string(root.join("site.yaml")).unwrap();
    std::fs::write(
        root.join("site.yaml"),
        site.replace("language: vi", "language: en"),
    )
    .unwrap();
    let b = build_site(&root, None);
    let html = b.text("index.html");
    assert!(html.starts_with("<!DOCTYPE html>\n<html lang=\"en\">"));
    assert!(html.contains("Communes meeting the standard"));
    assert!(html.contains("28 Oct 2016"));
    assert!(!html.contains("Số liệu chính"));
}

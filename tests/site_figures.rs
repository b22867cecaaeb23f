//! Every chart and headline figure of a built site can be quoted and reused:
//! a citation naming the organisation, the data date and a permalink on every
//! page that shows a figure, and beside each chart the CSV of exactly the
//! figures its data table shows.

mod site_support;

use site_support::*;

/// `2015-08-27` → `27/8/2015`.
fn vi_date(iso: &str) -> String {
    let p: Vec<u32> = iso.split('-').map(|x| x.parse().unwrap()).collect();
    format!("{}/{}/{}", p[2], p[1], p[0])
}

fn rows_of(table: scraper::ElementRef) -> Vec<Vec<String>> {
    table
        .select(&sel("tr"))
        .map(|tr| tr.select(&sel("th, td")).map(text_of).collect())
        .collect()
}

fn csv_rows(bytes: &[u8]) -> Vec<Vec<String>> {
    let text = std::str::from_utf8(bytes)
        .unwrap()
        .trim_start_matches('\u{feff}');
    let mut r = csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(text.as_bytes());
    r.records()
        .map(|rec| {
            rec.unwrap()
                .iter()
                .map(|c| c.split_whitespace().collect::<Vec<_>>().join(" "))
                .collect()
        })
        .collect()
}

#[test]
fn every_figure_has_its_citation_and_its_csv() {
    let b = build_site_with(&example(), Some("https://bao.example/ntm/"), true);
    let files = b.files();
    let summary = b.summary();
    let latest = vi_date(
        summary.as_array().unwrap().last().unwrap()["date"]
            .as_str()
            .unwrap(),
    );
    let org = "Văn phòng Điều phối";
    let (mut charts, mut csvs, mut pngs, mut pages_with_figures) = (0, 0, 0, 0);
    for (path, bytes) in files.iter().filter(|(k, _)| k.ends_with(".html")) {
        let page = scraper::Html::parse_document(std::str::from_utf8(bytes).unwrap());
        let figures: Vec<_> = page.select(&sel("figure.chart")).collect();
        let kpis = page.select(&sel("dl.kpis")).count();
        if figures.is_empty() && kpis == 0 {
            continue;
        }
        pages_with_figures += 1;
        let canonical = page
            .select(&sel("link[rel=canonical]"))
            .next()
            .unwrap()
            .value()
            .attr("href")
            .unwrap()
            .to_string();
        // The data date a figure of this page is of: a bulletin's own date,
        // a year review's last date, else the latest.
        let citations = texts(&page, "p.citation");
        assert!(!citations.is_empty(), "{path}: a figure without a citation");
        for c in &citations {
            assert!(c.starts_with("Nguồn: ") && c.contains(org), "{path}: {c}");
            assert!(c.contains(", số liệu ngày "), "{path}: no data date in {c}");
        }
        if kpis > 0 {
            let want = format!("số liệu ngày {latest}, {canonical}#so-lieu");
            assert!(
                citations.iter().any(|c| c.ends_with(&want)),
                "{path}: {citations:?}"
            );
            assert!(
                page.select(&sel("#so-lieu")).next().is_some(),
                "{path}: #so-lieu"
            );
        }
        // A page with a chart shows one of them (its main one, drawn first)
        // in link previews, as PNG (never SVG).
        let depth = path.matches('/').count();
        let chart_pngs: Vec<String> = figures
            .iter()
            .filter_map(|f| f.select(&sel("img.chart-img")).next())
            .map(|i| {
                let svg = i.value().attr("src").unwrap();
                let svg = svg.trim_start_matches(&"../".repeat(depth));
                format!("{}.png", svg.trim_end_matches(".svg"))
            })
            .collect();
        if !chart_pngs.is_empty() {
            let og = page
                .select(&sel(r#"meta[property="og:image"]"#))
                .next()
                .and_then(|m| m.value().attr("content"))
                .unwrap();
            let rel = og.strip_prefix(b.base_url.as_str()).unwrap_or(og);
            let bytes = files
                .get(rel)
                .unwrap_or_else(|| panic!("{path}: og:image {og}"));
            let (w, _) = png_size(bytes).unwrap_or_else(|| panic!("{path}: {og} is no PNG"));
            let shown: Vec<&str> = page
                .select(&sel(r#"meta[property="og:image:width"]"#))
                .filter_map(|m| m.value().attr("content"))
                .collect();
            assert_eq!(shown, [w.to_string().as_str()], "{path}");
            if page.select(&sel("article img")).next().is_none() {
                assert!(chart_pngs.iter().any(|p| p == rel), "{path}: {rel}");
            }
            if path.starts_with("xa/") {
                assert!(
                    !rel.ends_with("-tieu-chi.png"),
                    "{path}: the grid, not the timeline"
                );
            }
        }
        for fig in figures {
            // A chart drawn for print only is the compact twin of a screen
            // chart, which carries the citation (the print has its source line).
            if fig.value().classes().any(|c| c == "print-only") {
                continue;
            }
            let id = fig.value().attr("id").unwrap();
            let Some(img) = fig.select(&sel("img.chart-img")).next() else {
                continue;
            };
            charts += 1;
            let cite = fig
                .select(&sel("p.citation"))
                .next()
                .map(text_of)
                .unwrap_or_else(|| panic!("{path}#{id}: no citation"));
            let date = match path.strip_prefix("ban-tin/") {
                Some(rest) if rest.starts_with("20") => vi_date(&rest[..10]),
                _ => latest.clone(),
            };
            if !path.starts_with("nam/") {
                assert_eq!(
                    cite,
                    format!(
                        "Nguồn: {}, số liệu ngày {date}, {canonical}#{id}",
                        text_of(page.select(&sel(".footer-org")).next().unwrap())
                    ),
                    "{path}"
                );
            }
            let svg = img.value().attr("src").unwrap();
            let links: Vec<&str> = fig
                .select(&sel(".fig-files a"))
                .filter_map(|a| a.value().attr("href"))
                .collect();
            assert!(
                links.contains(&format!("{canonical}#{id}").as_str()),
                "{path}: {links:?}"
            );
            assert!(links.contains(&svg), "{path}: {links:?}");
            // The chart as PNG beside its SVG, twice its size.
            let png = links
                .iter()
                .find(|l| l.ends_with(".png"))
                .unwrap_or_else(|| panic!("{path}#{id}: no PNG among {links:?}"));
            assert_eq!(png.trim_end_matches(".png"), svg.trim_end_matches(".svg"));
            let rel = png.trim_start_matches(&"../".repeat(depth));
            let size = |a: &str| img.value().attr(a).unwrap().parse::<u32>().unwrap();
            assert_eq!(
                png_size(&files[rel]),
                Some((2 * size("width"), 2 * size("height"))),
                "{rel}"
            );
            pngs += 1;
            let Some(table) = fig.select(&sel("details.data-table table")).next() else {
                continue;
            };
            let csv_link = links
                .iter()
                .find(|l| l.ends_with(".csv"))
                .unwrap_or_else(|| panic!("{path}#{id}: a data table without its CSV"));
            let depth = path.matches('/').count();
            let rel = csv_link.trim_start_matches(&"../".repeat(depth));
            let csv = csv_rows(&files[rel]);
            let shown = rows_of(table);
            assert_eq!(csv.len(), shown.len(), "{rel}");
            for (c, s) in csv.iter().zip(&shown) {
                // A cell a spreadsheet would run is written with a leading '.
                let c: Vec<String> = c
                    .iter()
                    .zip(s)
                    .map(|(c, s)| {
                        if c.len() == s.len() + 1 && c.starts_with('\'') {
                            c[1..].to_string()
                        } else {
                            c.clone()
                        }
                    })
                    .collect();
                assert_eq!(&c, s, "{rel}");
            }
            csvs += 1;
        }
    }
    assert!(
        pages_with_figures > 20 && charts > 20 && csvs > 10 && pngs == charts,
        "{pages_with_figures} {charts} {csvs} {pngs}"
    );
}

/// Width and height of PNG `bytes`, from its header.
fn png_size(bytes: &[u8]) -> Option<(u32, u32)> {
    if bytes.len() < 24 || &bytes[..8] != b"\x89PNG\r\n\x1a\n" {
        return None;
    }
    let be = |i: usize| u32::from_be_bytes(bytes[i..i + 4].try_into().unwrap());
    Some((be(16), be(20)))
}

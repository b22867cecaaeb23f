//! The weekly bulletins of the worked example and of small fixtures (issue
//! 6): losses, first reports, re-basings, a commune reaching the standard, a
//! stalled target commune, one that never reported, communes in no
//! district; sentences in their zero and singular cases; the PDF linked (and
//! queued for printing) only for the dates a build prints.

mod common;
mod site_support;

use ntm_site::render::{PdfSelection, RenderSettings, links, render_site};
use scraper::Html;
use site_support::{build_site, example, sel, text_of, texts};

fn headline(doc: &Html) -> String {
    texts(doc, ".headline").join(" ")
}

/// The rows of a table, each as its cells' texts joined by spaces.
fn rows(doc: &Html, table: &str) -> Vec<String> {
    doc.select(&sel(&format!("{table} tbody tr")))
        .map(|tr| {
            tr.select(&sel("th, td"))
                .map(text_of)
                .collect::<Vec<_>>()
                .join(" ")
        })
        .collect()
}

#[test]
fn the_example_week_of_27_august_2015() {
    let b = build_site(&example(), None);
    let doc = b.page("ban-tin/2015-08-27/index.html");
    let h = headline(&doc);
    for s in [
        "Trong tuần 21–27/8/2015, 2/3 xã đăng ký về đích năm 2015 báo cáo: 2 xã tăng tổng cộng 5 tiêu chí; 1 xã giảm 1 tiêu chí.",
        "Xã tăng nhiều nhất là Kỳ Thư (Kỳ Anh) với 4 tiêu chí:",
        "Không có xã nào mới đạt chuẩn nông thôn mới.",
        "Còn 2 xã chưa đạt chuẩn, thiếu tổng cộng 3 tiêu chí; 1 xã chưa có số liệu.",
        "Toàn tỉnh có 4 xã báo cáo: 2 xã tăng tổng cộng 5 tiêu chí, 1 xã không tăng tiêu chí nào; 1 xã giảm 1 tiêu chí; 1 xã báo cáo lần đầu; 4 xã không báo cáo trong kỳ này (giữ số liệu kỳ trước).",
    ] {
        assert!(h.contains(s), "{h}\nlacks: {s}");
    }
    // Changed communes by district (Đức Thọ before Kỳ Anh), with the loss column.
    let changed = rows(&doc, "table.changed");
    assert_eq!(
        changed,
        [
            "Yên Hồ* Đức Thọ TC18 Hệ thống tổ chức chính trị xã hội vững mạnh TC17 Môi trường 17 → 17/19 2",
            "Kỳ Thư* Kỳ Anh TC5 Trường học; TC8 Bưu điện; TC13 Hình thức tổ chức sản xuất; TC19 An ninh, trật tự xã hội – 14 → 18/19 1"
        ]
    );
    assert_eq!(doc.select(&sel("table.changed thead th")).count(), 6);
    // The loss as a warning.
    let warn = texts(&doc, "section.warning li");
    assert_eq!(warn.len(), 1);
    assert!(
        warn[0].starts_with("Yên Hồ* (Đức Thọ): giảm TC17 Môi trường"),
        "{warn:?}"
    );
    assert!(warn[0].ends_with("(17 → 17/19)"), "{warn:?}");
    // Target communes: Kỳ Thư misses 18; Yên Hồ 17 and 19; Thái Yên never reported.
    let t = rows(&doc, "table.targets-left");
    assert_eq!(t.len(), 3, "{t:?}");
    assert!(t[0].starts_with("Kỳ Thư Kỳ Anh 18/19 1 TC18 "), "{t:?}");
    assert!(t[1].starts_with("Yên Hồ Đức Thọ 17/19 2 TC17 "), "{t:?}");
    assert!(
        t[2].starts_with("Thái Yên Đức Thọ – – chưa có số liệu"),
        "{t:?}"
    );
    let silent = texts(&doc, "#ve-dich ~ p");
    assert!(
        silent
            .iter()
            .any(|p| p.starts_with("Chưa báo cáo trong kỳ này (1): Thái Yên (Đức Thọ)")),
        "{silent:?}"
    );
    // First report named; Sơn Kim (in no district) has its own line in the district table.
    assert_eq!(texts(&doc, "#lan-dau ~ p"), ["Đức Lâm (Đức Thọ) 8/19."]);
    let districts = texts(&doc, "table.b-districts tbody th");
    assert_eq!(
        districts,
        ["Can Lộc", "Đức Thọ", "Kỳ Anh", "Xã không thuộc huyện"]
    );
    // The targets open on that date, each with its shortfall then.
    assert_eq!(doc.select(&sel("ul.open-targets li")).count(), 6);
}

#[test]
fn reaching_the_standard_stalling_and_rebasing_in_the_example() {
    let b = build_site(&example(), None);
    let doc = b.page("ban-tin/2015-12-25/index.html");
    let h = headline(&doc);
    assert!(
        h.contains("1 xã mới đạt chuẩn nông thôn mới: Kỳ Thư (Kỳ Anh)."),
        "{h}"
    );
    let done = texts(&doc, "#ve-dich ~ p");
    assert!(
        done.iter()
            .any(|p| p.starts_with("Đã đạt chuẩn (1): Kỳ Thư (Kỳ Anh)")),
        "{done:?}"
    );
    // Yên Hồ has not changed since 27/8/2015: 17 weeks, flagged.
    let yen_ho = doc
        .select(&sel("table.targets-left tbody tr"))
        .find(|r| text_of(*r).starts_with("Yên Hồ"))
        .unwrap();
    assert_eq!(yen_ho.value().attr("class"), Some("stalled"));
    assert!(text_of(yen_ho).ends_with("17 tuần (từ 27/8/2015)"));
    // Re-based communes are named, with the sets.
    let doc = b.page("ban-tin/2016-10-21/index.html");
    let h = headline(&doc);
    assert!(
        h.contains("2 xã chuyển sang bộ tiêu chí mới (không tính tăng, giảm)"),
        "{h}"
    );
    let p = texts(&doc, "#chuyen-bo ~ p");
    assert_eq!(p.len(), 2, "{p:?}");
    assert_eq!(
        p,
        [
            "Chuyển bộ tiêu chí: QĐ 491/QĐ-TTg → QĐ 1980/QĐ-TTg.",
            "Kỳ Hoa (Kỳ Anh) 7/19, Kỳ Thư (Kỳ Anh) 17/19."
        ]
    );
    // The first snapshot: everyone's first report, nobody gained.
    let doc = b.page("ban-tin/2015-08-20/index.html");
    let h = headline(&doc);
    assert!(
        h.contains("Toàn tỉnh có 7 xã báo cáo: không có xã nào tăng tiêu chí; không có xã nào giảm tiêu chí; 7 xã báo cáo lần đầu."),
        "{h}"
    );
    assert!(doc.select(&sel("table.changed")).next().is_none());
    assert_eq!(
        texts(&doc, "#thay-doi ~ p"),
        ["Không có xã nào tăng hay giảm tiêu chí trong kỳ này."]
    );
}

#[test]
fn zero_and_singular_cases_read_naturally() {
    let f = common::Fixture::new()
        .file("communes/a.yaml", "name: A\ntarget_year: 2015\n")
        .file("communes/b.yaml", "name: B\n")
        .file(
            "progress/2015-03-06.yaml",
            "communes:\n  a: [1]\n  b: [1, 2]\n",
        )
        .file(
            "progress/2015-03-13.yaml",
            "period: 2015-03-07..2015-03-13\ncommunes:\n  a: [1, 2]\n",
        )
        .file(
            "progress/2015-03-20.yaml",
            "period: 2015-03-14..2015-03-20\ncommunes: {}\n",
        )
        .file("progress/2016-03-04.yaml", "communes:\n  b: [1]\n");
    let out = f.build().unwrap();
    let page = |d: &str| {
        Html::parse_document(
            &std::fs::read_to_string(out.join(format!("ban-tin/{d}/index.html"))).unwrap(),
        )
    };
    let h = headline(&page("2015-03-06"));
    assert!(
        h.contains("Ngày 6/3/2015, xã đăng ký về đích năm 2015 đã báo cáo: không có xã nào tăng tiêu chí; không có xã nào giảm tiêu chí."),
        "{h}"
    );
    let h = headline(&page("2015-03-13"));
    for s in [
        "Trong tuần 7–13/3/2015, xã đăng ký về đích năm 2015 đã báo cáo: 1 xã tăng 1 tiêu chí; không có xã nào giảm tiêu chí.",
        "Xã duy nhất tăng tiêu chí là A với 1 tiêu chí: Giao thông.",
        "Không có xã nào mới đạt chuẩn nông thôn mới.",
        "Còn 1 xã chưa đạt chuẩn, thiếu tổng cộng 3 tiêu chí.",
        "Toàn tỉnh có 1 xã báo cáo: 1 xã tăng 1 tiêu chí; không có xã nào giảm tiêu chí; 1 xã không báo cáo trong kỳ này (giữ số liệu kỳ trước).",
        "Đến ngày 13/3/2015, 0 trong số 2 xã có số liệu đã đạt chuẩn nông thôn mới; bình quân 2,00 tiêu chí/xã.",
    ] {
        assert!(h.contains(s), "{h}\nlacks: {s}");
    }
    let h = headline(&page("2015-03-20"));
    assert!(
        h.contains("Trong tuần 14–20/3/2015, xã đăng ký về đích năm 2015 chưa báo cáo."),
        "{h}"
    );
    assert!(h.contains("Toàn tỉnh không có xã nào báo cáo."), "{h}");
    // A year with no target commune: no such section, the province leads.
    let doc = page("2016-03-04");
    assert!(doc.select(&sel("#ve-dich")).next().is_none());
    let h = headline(&doc);
    assert!(
        h.starts_with("Ngày 4/3/2016, toàn tỉnh có 1 xã báo cáo: không có xã nào tăng tiêu chí; không có xã nào giảm tiêu chí; 1 xã chuyển sang bộ tiêu chí mới"),
        "{h}"
    );
}

#[test]
fn pdf_links_only_for_the_printed_dates() {
    let root = example();
    let ch = ntm_site::build::check(&root, false, false).unwrap();
    let printed = ntm_site::date::Date::parse_iso("2015-12-25").unwrap();
    let mut settings = RenderSettings {
        base_url: "https://example.org/".into(),
        pdf: PdfSelection::default(),
        ..Default::default()
    };
    settings.pdf.bulletins.insert(printed);
    let site = render_site(&root, &ch.content, &ch.report, &settings).unwrap();
    let jobs: Vec<(&str, &str)> = site
        .print_jobs
        .iter()
        .filter(|j| j.html.starts_with("ban-tin/"))
        .map(|j| (j.html.as_str(), j.pdf.as_str()))
        .collect();
    assert_eq!(
        jobs,
        [(
            "ban-tin/2015-12-25/index.html",
            "ban-tin/2015-12-25/ban-tin-2015-12-25.pdf"
        )]
    );
    for s in &ch.content.snapshots {
        let page = format!("ban-tin/{}/index.html", s.date);
        let html = std::str::from_utf8(site.bytes(&page).unwrap()).unwrap();
        let doc = Html::parse_document(html);
        let pdfs: Vec<&str> = doc
            .select(&sel("a[type='application/pdf']"))
            .filter_map(|a| a.value().attr("href"))
            .collect();
        if s.date == printed {
            assert_eq!(pdfs, ["../../ban-tin/2015-12-25/ban-tin-2015-12-25.pdf"]);
        } else {
            assert!(pdfs.is_empty(), "{page}: {pdfs:?}");
        }
    }
    let index = Html::parse_document(
        std::str::from_utf8(site.bytes("ban-tin/index.html").unwrap()).unwrap(),
    );
    let pdfs: Vec<&str> = index
        .select(&sel("a[type='application/pdf']"))
        .filter_map(|a| a.value().attr("href"))
        .collect();
    assert_eq!(pdfs, ["../ban-tin/2015-12-25/ban-tin-2015-12-25.pdf"]);
    // The PDF that will be printed counts for the link check.
    let broken: Vec<String> = links::check(&site, &settings.base_url)
        .iter()
        .map(|b| b.to_string())
        .collect();
    assert_eq!(broken, Vec::<String>::new());
}

#[test]
fn a_bulletin_prints_to_a4_with_chromium_when_there_is_one() {
    if ntm_site::pdf::find_chromium(None).is_err() {
        eprintln!("no Chromium on PATH: the print is checked by .ci/run");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out");
    let opts = ntm_site::build::BuildOptions {
        content: example(),
        output: out.clone(),
        base_url: None,
        drafts: false,
        deny_warnings: false,
        pdf: Some(ntm_site::build::PdfOptions {
            chromium: None,
            dates: vec!["2015-08-27".into()],
            years: vec![],
        }),
    };
    ntm_site::build::build(&opts).unwrap();
    let pdf = std::fs::read(out.join("ban-tin/2015-08-27/ban-tin-2015-08-27.pdf")).unwrap();
    assert!(pdf.starts_with(b"%PDF-"));
    // A4 portrait: 595 × 842 points.
    let text = String::from_utf8_lossy(&pdf);
    assert!(
        text.contains("/MediaBox [0 0 594.95996 841.91998]")
            || text.contains("/MediaBox [0 0 595 842]"),
        "not A4"
    );
    assert!(
        !out.join("ban-tin/2015-12-25/ban-tin-2015-12-25.pdf")
            .exists()
    );
}

#[test]
fn the_print_charts_count_as_the_spec_example_expects() {
    let ex = common::example_dir();
    let ch = ntm_site::build::check(&example(), false, false).unwrap();
    let on = ntm_site::date::Date::parse_iso("2015-08-27").unwrap();
    // Kỳ Thư has 1 criterion left, Yên Hồ 2, Thái Yên has no data.
    let t = ntm_site::charts::bulletin::targets_brief(&ch.content, &ch.report, on);
    let counts: Vec<(&str, &str)> = t
        .table
        .rows
        .iter()
        .map(|r| (r[0].as_str(), r[1].as_str()))
        .collect();
    assert_eq!(
        counts,
        [
            ("Đạt chuẩn", "0"),
            ("Còn 1 tiêu chí", "1"),
            ("Còn 2 tiêu chí", "1"),
            ("Còn 3 tiêu chí", "0"),
            ("Còn 4 tiêu chí", "0"),
            ("Còn 5 trở lên", "0"),
            ("Chưa có số liệu", "1"),
        ]
    );
    roxmltree::Document::parse(&t.svg).unwrap();
    // The bands of the province and of the target communes, as the spec's summary.json has them.
    let expected: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(ex.join("expected/summary.json")).unwrap())
            .unwrap();
    let week = expected
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["date"] == "2015-08-27")
        .unwrap();
    let b = ntm_site::charts::bulletin::bands_brief(&ch.content, &ch.report, on);
    roxmltree::Document::parse(&b.svg).unwrap();
    assert_eq!(b.table.rows.len(), 2);
    for (row, scope) in b.table.rows.iter().zip(["all", "target"]) {
        let s = &week[scope];
        let mut want = vec![s["known"].to_string()];
        for k in ["standard", "15+", "10-14", "5-9", "0-4"] {
            want.push(s["bands"][k].to_string());
        }
        assert_eq!(row[1..], want[..], "{scope}");
    }
    assert_eq!(b.table.rows[1][0], "Xã về đích năm 2015");
}

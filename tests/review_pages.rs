//! The targets and year review pages of the worked example and of a small
//! hand-computed province: the districts behind a per-district target
//! (a commune in no district does not count), a target met only in a
//! nested group, a missed one and an open one, a negative average gain, a
//! year whose end is the latest date, communes re-based during a year left
//! out of the comparison, targets on the pages of the groups they are
//! scoped to, and the PDF link and print job of a printed year.

mod common;
mod site_support;

use common::Fixture;
use ntm_site::render::{PdfSelection, RenderSettings, links, render_site};
use site_support::*;

#[test]
fn the_worked_example_lists_the_districts_behind_each_target() {
    let b = build_site(&example(), None);
    let targets = b.csv("targets.csv");
    let page = b.page("muc-tieu/index.html");
    // Every target of targets.csv, in its order, with its status.
    let ids: Vec<String> = page
        .select(&sel("section.target"))
        .map(|s| s.value().attr("id").unwrap().to_string())
        .collect();
    let expect: Vec<String> = targets.iter().map(|t| t["id"].clone()).collect();
    assert_eq!(ids, expect);
    // "Mỗi huyện có ít nhất 1 xã đạt 19 tiêu chí": Can Lộc and Đức Thọ have none;
    // Sơn Kim, directly under communes/, counts in no district.
    let card = "section.target#moi-huyen-mot-xa-chuan";
    assert_eq!(
        texts(&page, &format!("{card} .target-result")).join(""),
        "Không đạt Đến hạn 31/12/2015, còn 2 huyện chưa có xã nào đạt chuẩn."
    );
    let behind: Vec<String> = page
        .select(&sel(&format!("{card} .behind a")))
        .map(|a| a.value().attr("href").unwrap().to_string())
        .collect();
    assert_eq!(
        behind,
        ["../huyen/can-loc/index.html", "../huyen/duc-tho/index.html"]
    );
    assert_eq!(
        texts(&page, &format!("{card} .behind a")),
        ["Can Lộc", "Đức Thọ"]
    );
    assert!(!texts(&page, card).join(" ").contains("Sơn Kim"));
    // Its page: every district with its communes at the standard on 31/12/2015.
    let own = b.page("muc-tieu/moi-huyen-mot-xa-chuan/index.html");
    let rows: Vec<Vec<String>> = own
        .select(&sel("#cac-don-vi ~ .table-wrap tbody tr"))
        .map(|tr| tr.select(&sel("th, td")).map(text_of).collect())
        .collect();
    assert_eq!(
        rows,
        [
            ["Huyện Can Lộc", "1", "0", "Chưa đạt"],
            ["Huyện Đức Thọ", "4", "0", "Chưa đạt"],
            ["Huyện Kỳ Anh", "3", "2", "Đạt"],
        ]
    );
    // Achieved in a nested group; open on the latest date.
    assert_eq!(
        texts(&page, "section.target#cum-bac-toi-thieu-3 .target-result").join(""),
        "Đã đạt Đến hạn 1/1/2016, không còn xã nào dưới 3 tiêu chí."
    );
    assert_eq!(
        texts(&page, "section.target#ve-dich-2016 .target-result").join(""),
        "Đang thực hiện Còn 2 xã đăng ký năm 2016 chưa đạt chuẩn, hạn 31/12/2016 (số liệu ngày 28/10/2016)."
    );
    // Missed in a district: the communes behind on its page, with what they lack.
    let own = b.page("muc-tieu/ky-anh-hai-xa-chuan/index.html");
    let rows: Vec<Vec<String>> = own
        .select(&sel("#chua-dat ~ .table-wrap tbody tr"))
        .map(|tr| tr.select(&sel("th, td")).map(text_of).collect())
        .collect();
    // On 30/9/2015 Kỳ Tân met the standard; Kỳ Thư (18 of 19 since 27/8) and Kỳ Hoa did not.
    assert_eq!(rows.len(), 2, "{rows:?}");
    assert!(rows.iter().any(|r| r[0] == "Kỳ Thư"), "{rows:?}");
    // On the home page: the open target with its shortfall; on the district
    // pages: the targets scoped to them.
    let home = b.page("index.html");
    assert_eq!(
        texts(&home, "#muc-tieu ~ ul.targets li a"),
        ["Các xã đăng ký năm 2016 về đích nông thôn mới"]
    );
    let ky_anh = b.page("huyen/ky-anh/index.html");
    assert_eq!(
        texts(&ky_anh, "#muc-tieu ~ ul.targets li a"),
        ["Huyện Kỳ Anh có 2 xã đạt chuẩn trước 30/9/2015"]
    );
    for g in ["can-loc", "can-loc/cum-bac"] {
        let p = b.page(&format!("huyen/{g}/index.html"));
        assert_eq!(
            texts(&p, "#muc-tieu ~ ul.targets li a"),
            ["Các xã cụm phía Bắc đạt ít nhất 3 tiêu chí"],
            "{g}"
        );
    }
    let duc_tho = b.page("huyen/duc-tho/index.html");
    assert!(texts(&duc_tho, "#muc-tieu").is_empty());
    assert_eq!(b.broken_links(), Vec::<String>::new());
}

#[test]
fn the_worked_example_2016_review_ends_on_the_latest_date_with_a_loss() {
    let b = build_site(&example(), None);
    let page = b.page("nam/2016/index.html");
    assert_eq!(
        texts(&page, ".doc-when").join(""),
        "Năm chưa kết thúc; số liệu mới nhất ngày 28/10/2016"
    );
    // years.csv: 2016,2016-10-28,8,1,0,5,-0.20,0 — five compared, net −1.
    assert_eq!(
        texts(&page, ".year-summary").join(""),
        "Năm 2016, bình quân các xã giảm 0,2 tiêu chí, 1 xã đạt chuẩn, còn 1 xã chưa đạt tiêu chí nào."
    );
    let text = texts(&page, ".year-text p").join(" ");
    for needle in [
        "Tính đến ngày 28/10/2016 (số liệu mới nhất), 1/8 xã có số liệu đạt chuẩn nông thôn mới (12,5%).",
        "Không có xã nào mới đạt chuẩn trong năm 2016. 1 xã đạt chuẩn ngày 31/12/2015 nhưng đến ngày 28/10/2016 không còn đạt đủ tiêu chí.",
        "So với ngày 31/12/2015, bình quân mỗi xã giảm 0,20 tiêu chí (tính trên 5 xã báo cáo theo cùng một bộ tiêu chí ở cả hai thời điểm). Không tính 3 xã chuyển sang bộ tiêu chí khác trong năm.",
    ] {
        assert!(text.contains(needle), "'{needle}' not in: {text}");
    }
    // Kỳ Thư, at the standard at the end of 2015, moved to the 2016 set short of it.
    assert!(
        text.contains("Các xã không còn đạt chuẩn: Kỳ Thư."),
        "{text}"
    );
    assert_eq!(
        texts(&page, "table.districts tfoot td"),
        ["8", "1", "0", "5", "-0,20", "0"]
    );
    // The districts and Sơn Kim (in no district) add up to the province.
    let rows: Vec<Vec<String>> = page
        .select(&sel("table.districts tbody tr"))
        .map(|tr| tr.select(&sel("th, td")).map(text_of).collect())
        .collect();
    assert_eq!(
        rows.iter().map(|r| r[0].as_str()).collect::<Vec<_>>(),
        [
            "Huyện Can Lộc",
            "Huyện Đức Thọ",
            "Huyện Kỳ Anh",
            "Không thuộc huyện"
        ]
    );
    let known: u32 = rows.iter().map(|r| r[1].parse::<u32>().unwrap()).sum();
    assert_eq!(known, 8);
    // 2015: the year both Kỳ Thư and Kỳ Tân are at the standard, listed by name.
    let page = b.page("nam/2015/index.html");
    let newly = texts(&page, "table.newly tbody th");
    assert_eq!(newly, ["Kỳ Tân", "Kỳ Thư"]);
    let text = texts(&page, ".year-text p").join(" ");
    assert!(
        text.contains("Chưa tính được mức tăng bình quân so với ngày 31/12/2014: 8 xã chưa có số liệu ngày 31/12/2014."),
        "{text}"
    );
}

/// The hand-computed province of `engine_figures.rs`: district d1 holds a
/// (target 2015), b and the nested group d1/g with c; d2 holds only a
/// commune never listed; x sits directly under communes/.
fn province() -> Fixture {
    Fixture::new()
        .file("communes/d1/_index.yaml", "name: Huyện Một\n")
        .file("communes/d1/a.yaml", "name: Xã A\ntarget_year: 2015\nsponsors: [Sở Tài chính]\n")
        .file("communes/d1/b.yaml", "name: Xã B\nsponsors: [SỞ TÀI CHÍNH, Sở Y tế]\nofficers:\n  - {name: Lê Văn B, role: Cán bộ biệt phái, agency: Sở Y tế, from: 2015-01-05}\n")
        .file("communes/d1/g/_index.yaml", "name: Cụm G\nkind: cụm xã\n")
        .file("communes/d1/g/c.yaml", "name: Xã C\nofficers:\n  - {name: Trần Thị C, role: cán bộ phụ trách}\n")
        .file("communes/d2/_index.yaml", "name: Huyện Hai\n")
        .file("communes/d2/never.yaml", "name: Xã Chưa Báo Cáo\n")
        .file("communes/x.yaml", "name: Xã X\n")
        .file(
            "progress/2015-03-06.yaml",
            "communes:\n  d1/a: [1, 2]\n  d1/b: [1, 2, 3]\n  d1/g/c: all\n  x: []\n",
        )
        .file("progress/2015-03-13.yaml", "communes:\n  d1/a: [1, 2, 3]\n  d1/b: [1, 3]\n")
        .file("progress/2016-01-08.yaml", "communes:\n  d1/a: [1, 2, 3, 4]\n  x: [1]\n")
        .file("progress/2016-01-15.yaml", "communes:\n  d1/a:\n    met: all\n    production_models: 7\n")
        .file(
            "targets/t1.yaml",
            "title: Không xã nào dưới 2 tiêu chí\ndeadline: 2015-06-30\nmeasure: min_met\nvalue: 2\n",
        )
        .file(
            "targets/t2.yaml",
            "title: Mỗi huyện một xã chuẩn\ndeadline: 2016-12-31\nmeasure: standard_per_group\nvalue: 1\n",
        )
        .file(
            "targets/t3.yaml",
            "title: Cụm G có một xã chuẩn\ndeadline: 2015-12-31\nscope: d1/g\nmeasure: standard_count\nvalue: 1\n",
        )
        .file(
            "targets/t4.yaml",
            "title: Xã đăng ký 2015 về đích\ndeadline: 2015-12-31\nmeasure: target_year_done\n",
        )
        .file(
            "targets/t5.yaml",
            "title: Huyện Hai có một xã đạt 3 tiêu chí\ndeadline: 2016-06-30\nscope: d2\nmeasure: min_met\nvalue: 3\n",
        )
}

#[test]
fn hand_computed_targets_years_and_people_read_right() {
    let f = province();
    let b = build_site(&f.root(), None);
    let page = b.page("muc-tieu/index.html");
    let result = |id: &str| texts(&page, &format!("section.target#{id} .target-result")).join("");
    assert_eq!(
        result("t1"),
        "Không đạt Đến hạn 30/6/2015, còn 1 xã dưới 2 tiêu chí."
    );
    assert_eq!(
        texts(&page, "section.target#t1 .behind a"),
        ["Xã X"],
        "x meets 0 criteria"
    );
    assert_eq!(
        result("t3"),
        "Đã đạt Đến hạn 31/12/2015, đã có ít nhất 1 xã đạt chuẩn.",
        "met in the nested group"
    );
    assert_eq!(
        result("t2"),
        "Đang thực hiện Còn 1 huyện chưa có xã nào đạt chuẩn, hạn 31/12/2016 (số liệu ngày 15/1/2016)."
    );
    assert_eq!(texts(&page, "section.target#t2 .behind a"), ["Huyện Hai"]);
    // t5: d2's only commune never reported: nobody known, so it holds (shortfall 0) while open.
    assert_eq!(
        result("t5"),
        "Đang thực hiện Không còn xã nào dưới 3 tiêu chí, hạn 30/6/2016 (số liệu ngày 15/1/2016)."
    );
    // The nested group's target on its page and on its district's, not on d2's.
    for g in ["d1/g", "d1"] {
        let p = b.page(&format!("huyen/{g}/index.html"));
        assert_eq!(
            texts(&p, "#muc-tieu ~ ul.targets li a"),
            ["Cụm G có một xã chuẩn"],
            "{g}"
        );
    }
    let d2 = b.page("huyen/d2/index.html");
    assert_eq!(
        texts(&d2, "#muc-tieu ~ ul.targets li a"),
        ["Huyện Hai có một xã đạt 3 tiêu chí"]
    );
    // Home: the two open targets.
    let home = b.page("index.html");
    assert_eq!(texts(&home, "#muc-tieu ~ ul.targets li a").len(), 2);
    // 2016 ends on the latest date; a and x were re-based in the year and are left out.
    let y = b.page("nam/2016/index.html");
    let text = texts(&y, ".year-text p").join(" ");
    assert!(
        text.contains("So với ngày 31/12/2015, số tiêu chí bình quân mỗi xã không đổi (tính trên 2 xã báo cáo theo cùng một bộ tiêu chí ở cả hai thời điểm). Không tính 2 xã chuyển sang bộ tiêu chí khác trong năm."),
        "{text}"
    );
    assert!(
        text.contains("Xã mới đạt chuẩn năm 2016 có đơn vị đỡ đầu và không có cán bộ biệt phái."),
        "{text}"
    );
    assert_eq!(texts(&y, "table.newly tbody th"), ["Xã A"]);
    // Sponsors: "Sở Tài chính" and "SỞ TÀI CHÍNH" are one agency with a and b.
    let s = b.page("don-vi-do-dau/index.html");
    assert_eq!(
        texts(&s, "table.sponsors tbody th"),
        ["Sở Tài chính", "Sở Y tế"]
    );
    let tc = b.page("don-vi-do-dau/so-tai-chinh/index.html");
    assert_eq!(
        texts(&tc, ".sponsor-share").join(""),
        "1/2 xã do Sở Tài chính đỡ đầu đã đạt chuẩn nông thôn mới (số liệu ngày 15/1/2016)."
    );
    let o = b.page("can-bo/index.html");
    assert_eq!(
        texts(&o, "ul.press li"),
        [
            "0/1 xã có cán bộ biệt phái đã đạt chuẩn nông thôn mới (số liệu ngày 15/1/2016).",
            "1/1 xã có cán bộ phụ trách đã đạt chuẩn nông thôn mới (số liệu ngày 15/1/2016)."
        ]
    );
    assert_eq!(b.broken_links(), Vec::<String>::new());
}

#[test]
fn a_printed_year_links_its_pdf_and_queues_its_print() {
    let root = example();
    let checked = ntm_site::build::check(&root, false, false).unwrap();
    let settings = RenderSettings {
        base_url: "https://example.org/".into(),
        pdf: PdfSelection {
            years: [2016].into_iter().collect(),
            ..Default::default()
        },
        ..Default::default()
    };
    let site = render_site(&root, &checked.content, &checked.report, &settings).unwrap();
    let jobs: Vec<(&str, &str)> = site
        .print_jobs
        .iter()
        .filter(|j| j.html.starts_with("nam/"))
        .map(|j| (j.html.as_str(), j.pdf.as_str()))
        .collect();
    assert_eq!(
        jobs,
        [("nam/2016/index.html", "nam/2016/tong-ket-nam-2016.pdf")]
    );
    let html = String::from_utf8(site.bytes("nam/2016/index.html").unwrap().to_vec()).unwrap();
    assert!(
        html.contains(r#"href="../../nam/2016/tong-ket-nam-2016.pdf""#),
        "{html}"
    );
    let other = String::from_utf8(site.bytes("nam/2015/index.html").unwrap().to_vec()).unwrap();
    assert!(!other.contains(".pdf"));
    // The print's running header names the year and the organisation, escaped for CSS.
    assert!(
        html.contains("@top-left { content: \"Tổng kết năm 2016 – "),
        "{html}"
    );
    assert_eq!(links::check(&site, &settings.base_url), Vec::new());
}

#[test]
fn without_snapshots_or_sponsors_the_pages_still_read_and_link() {
    let f = Fixture::new()
        .file("communes/d1/_index.yaml", "name: Huyện Một\n")
        .file(
            "communes/d1/a.yaml",
            "name: Xã A\nofficers:\n  - {name: Lê Văn B, role: cán bộ biệt phái}\n",
        )
        .file(
            "targets/t.yaml",
            "title: Mỗi huyện một xã chuẩn\ndeadline: 2016-12-31\nmeasure: standard_per_group\nvalue: 1\n",
        );
    let b = build_site(&f.root(), None);
    assert_eq!(b.broken_links(), Vec::<String>::new());
    let page = b.page("muc-tieu/index.html");
    assert_eq!(
        texts(&page, "section.target#t .target-result").join(""),
        "Đang thực hiện Còn 1 huyện chưa có xã nào đạt chuẩn, hạn 31/12/2016 (chưa có số liệu)."
    );
    let years = b.page("nam/index.html");
    assert_eq!(texts(&years, "main p:not(.lead)"), ["Chưa có số liệu."]);
    assert!(!b.out.join("don-vi-do-dau").exists());
    let o = b.page("can-bo/index.html");
    assert_eq!(
        texts(&o, "ul.press li"),
        ["0/1 xã có cán bộ biệt phái đã đạt chuẩn nông thôn mới."]
    );
}

/// A district with no commune registered for this year says so in words,
/// on the district tables and in the district's own figures, never "0/0"
/// (which reads as a target of zero, or as nothing met); a district that
/// has target communes keeps "met/registered".
#[test]
fn a_district_without_target_communes_says_none_never_0_of_0() {
    let f = Fixture::new()
        .file("communes/d/_index.yaml", "name: Huyện D\n")
        .file("communes/d/a.yaml", "name: Xã A\ntarget_year: 2015\n")
        .file("communes/d/b.yaml", "name: Xã B\n")
        .file("communes/e/_index.yaml", "name: Huyện E\n")
        .file("communes/e/c.yaml", "name: Xã C\n")
        .file(
            "progress/2015-03-06.yaml",
            "communes:\n  d/a: all\n  d/b: [1, 2]\n  e/c: [1]\n",
        );
    let out = f.build().unwrap();
    let page = |rel: &str| std::fs::read_to_string(out.join(rel)).unwrap();
    for rel in ["index.html", "huyen/index.html", "huyen/e/index.html"] {
        assert!(!page(rel).contains(">0/0<"), "{rel} shows 0/0");
    }
    let home = scraper::Html::parse_document(&page("index.html"));
    let rows: Vec<Vec<String>> = home
        .select(&sel("table.groups tbody tr"))
        .map(|r| r.select(&sel("th, td")).map(text_of).collect())
        .collect();
    // District, communes, standard/known, average, target, recognised.
    assert_eq!(rows[0][0], "Huyện D");
    assert_eq!(rows[0][4], "1/1");
    assert_eq!(rows[1][0], "Huyện E");
    assert_eq!(rows[1][4], "Không có");
    // The district's own figures: "Xã đăng ký về đích năm 2015: Không có".
    let e = scraper::Html::parse_document(&page("huyen/e/index.html"));
    let dts = texts(&e, ".kpis .kpi dt");
    let dds = texts(&e, ".kpis .kpi dd");
    let i = dts
        .iter()
        .position(|t| t == "Xã đăng ký về đích năm 2015")
        .unwrap_or_else(|| panic!("{dts:?}"));
    assert_eq!(dds[i], "Không có");
}

/// Every citation block (a commune's page, the downloads page) links the
/// page that says how its figures are computed.
#[test]
fn every_citation_links_the_methodology_page() {
    let b = build_site(&example(), None);
    let mut cites = 0;
    for (rel, bytes) in b.files() {
        if !rel.ends_with(".html") {
            continue;
        }
        let doc = scraper::Html::parse_document(&String::from_utf8_lossy(&bytes));
        for cite in doc.select(&sel("section[aria-labelledby=trich-dan]")) {
            cites += 1;
            let links = cite
                .select(&sel("a[href$='cach-tinh-so-lieu/index.html']"))
                .count();
            assert_eq!(links, 1, "{rel}: {}", cite.html());
        }
    }
    let communes = b.csv("communes.csv").len();
    assert!(
        cites > communes,
        "{cites} citations for {communes} communes"
    );
    assert!(b.text("cach-tinh-so-lieu/index.html").contains("<h1"));
}

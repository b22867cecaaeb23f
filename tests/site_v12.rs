//! The pages of format v1.2 as a reader sees them, on the worked example
//! `tests/fixtures/example-2026` (and a copy of it with a shorter
//! `stale_after_days`): a commune's class and its indicators met and missing
//! under each criterion ("1/4, còn thiếu 6.2, 6.3, 6.4"); a commune formed by
//! a merger with its former communes linked and their last reports; a former
//! commune saying when and into what it merged, its chart stopping there;
//! the merger marked on the province's chart; former districts listed apart
//! as history; stale states flagged with the date of their report and
//! counted on the home page. Figures are checked against the data files of
//! the same build and the spec's own example.

mod site_support;

use site_support::*;
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

fn example_2026() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/example-2026/content")
}

fn built() -> &'static Built {
    static B: OnceLock<Built> = OnceLock::new();
    B.get_or_init(|| build_site(&example_2026(), None))
}

type Row = BTreeMap<String, String>;

fn commune_row<'a>(rows: &'a [Row], id: &str) -> &'a Row {
    rows.iter().find(|r| r["id"] == id).unwrap()
}

/// The criteria table of a commune page: number → (state, indicators cell).
fn criteria_cells(page: &scraper::Html) -> BTreeMap<String, (String, String)> {
    page.select(&sel("table.criteria tbody tr"))
        .map(|tr| {
            let cells: Vec<String> = tr.select(&sel("td, th")).map(text_of).collect();
            (cells[0].clone(), (cells[2].clone(), cells[3].clone()))
        })
        .collect()
}

#[test]
fn a_commune_shows_its_class_and_indicators_under_each_criterion() {
    let b = built();
    let communes = b.csv("communes.csv");
    let page = b.page("xa/duc-quang/index.html");
    // communes.csv: class 3; 4 criteria and 18 of 47 indicators on 27/3/2026.
    let row = commune_row(&communes, "duc-quang");
    assert_eq!(row["class"], "3");
    let subtitle = texts(&page, "p.subtitle").join(" ");
    assert!(subtitle.contains("Xã nhóm 3"), "{subtitle}");
    assert!(!subtitle.starts_with('·'), "{subtitle}");
    // The spec's example: [1, 3, 4, 5, "6.1"] under the 2026–2030 set:
    // criteria 1, 3, 4, 5 whole, and 6.1 of criterion 6's four indicators.
    let cells = criteria_cells(&page);
    assert_eq!(cells.len().to_string(), row["criteria_total"]);
    assert_eq!(cells["1"], ("✓ Đạt".into(), "2/2".into()));
    assert_eq!(
        cells["6"],
        ("✗ Chưa đạt".into(), "1/4 còn thiếu 6.2, 6.3, 6.4".into())
    );
    assert!(
        cells["2"].1.starts_with("0/10 còn thiếu 2.1, 2.2, 2.3"),
        "{:?}",
        cells["2"]
    );
    // The cells add up to communes.csv's indicators met and total.
    let (mut met, mut total) = (0u32, 0u32);
    for (state, ind) in cells.values() {
        let (m, t) = ind
            .split_whitespace()
            .next()
            .unwrap()
            .split_once('/')
            .unwrap();
        let (m, t): (u32, u32) = (m.parse().unwrap(), t.parse().unwrap());
        assert_eq!(state.starts_with('✓'), m == t, "{state} {ind}");
        met += m;
        total += t;
    }
    assert_eq!(met.to_string(), row["indicators_met"]);
    assert_eq!(total.to_string(), row["indicators_total"]);
    // Under a set whose criteria have no indicators, the cell says so.
    let ky_thu = criteria_cells(&b.page("xa/ky-anh/ky-thu/index.html"));
    assert_eq!(ky_thu["1"].1, "–");
    assert_eq!(ky_thu["2"].1, "4/4");
}

#[test]
fn a_merged_commune_links_its_former_communes_with_their_history() {
    let b = built();
    let communes = b.csv("communes.csv");
    let page = b.page("xa/ky-anh/index.html");
    let lead = texts(&page, "#sap-nhap ~ p").join(" ");
    assert_eq!(
        lead,
        format!(
            "Xã được thành lập do sáp nhập các xã dưới đây, từ ngày {}:",
            vi_date(&commune_row(&communes, "ky-anh")["established"])
        )
    );
    // One row per commune whose merged_into is ky-anh, with its last report
    // and criteria met as communes.csv keeps them.
    let rows: Vec<Vec<String>> = page
        .select(&sel("table.predecessors tbody tr"))
        .map(|tr| tr.select(&sel("th, td")).map(text_of).collect())
        .collect();
    let hrefs: Vec<String> = page
        .select(&sel("table.predecessors tbody th a"))
        .map(|a| a.value().attr("href").unwrap().to_string())
        .collect();
    let want: Vec<&Row> = communes
        .iter()
        .filter(|r| r["merged_into"] == "ky-anh")
        .collect();
    assert_eq!(rows.len(), want.len());
    assert_eq!(want.len(), 2);
    for r in want {
        let i = hrefs
            .iter()
            .position(|h| h == &format!("../../xa/{}/index.html", r["id"]))
            .unwrap_or_else(|| panic!("no link to {} in {hrefs:?}", r["id"]));
        assert_eq!(rows[i][0], format!("Xã {}", r["name"]));
        assert_eq!(rows[i][1], "Kỳ Anh");
        assert_eq!(rows[i][2], vi_date(&r["latest_date"]));
        assert_eq!(
            rows[i][3],
            format!("{}/{}", r["met_count"], r["criteria_total"])
        );
    }
    assert!(b.broken_links().is_empty(), "{:?}", b.broken_links());
}

#[test]
fn a_former_commune_says_when_and_into_what_it_merged_and_its_chart_stops() {
    let b = built();
    let page = b.page("xa/ky-anh/ky-thu/index.html");
    let notice = texts(&page, "p.notice.former").join(" ");
    assert_eq!(
        notice,
        "Xã đã sáp nhập vào Xã Kỳ Anh từ ngày 1/7/2025. Số liệu dưới đây là lịch sử của xã đến hết ngày 30/6/2025."
    );
    let link = page
        .select(&sel("p.notice.former a"))
        .next()
        .unwrap()
        .value()
        .attr("href")
        .unwrap()
        .to_string();
    assert_eq!(link, "../../../xa/ky-anh/index.html");
    // In the tables of communes, the former commune says so.
    let list = b.page("xa/index.html");
    let row = list
        .select(&sel("table.communes tbody tr th"))
        .map(text_of)
        .find(|t| t.starts_with("Kỳ Thư"))
        .unwrap();
    assert_eq!(row, "Kỳ Thư (đã sáp nhập vào Kỳ Anh, 1/7/2025)");
    // Its chart marks the merger and its time axis ends there: no year after 2025.
    let svg = b.text("bieu-do/xa/ky-anh/ky-thu.svg");
    assert!(svg.contains("Sáp nhập vào xã Kỳ Anh 1/7/2025"), "{svg}");
    assert!(!svg.contains(">2026<"), "the axis goes past the merger");
    // The new commune's chart marks its founding.
    let svg = b.text("bieu-do/xa/ky-anh.svg");
    assert!(svg.contains("Thành lập 1/7/2025"));
}

#[test]
fn the_province_chart_marks_the_merger_as_a_set_change() {
    let b = built();
    let svg = b.text("bieu-do/tinh-tien-do.svg");
    assert!(svg.contains("Sáp nhập xã 1/7/2025"), "merger marker");
    assert!(svg.contains("Bộ tiêu chí mới từ"), "set change marker");
    // The chart's description says it in words, for screen readers.
    assert!(
        svg.contains("Ngày 1/7/2025 các xã được sắp xếp, sáp nhập thành xã mới."),
        "{svg}"
    );
}

#[test]
fn former_districts_are_history_listed_apart() {
    let b = built();
    let communes = b.csv("communes.csv");
    // Groups all of whose communes merged into another (communes.csv).
    let mut former: BTreeSet<&str> = BTreeSet::new();
    let mut today: BTreeSet<&str> = BTreeSet::new();
    for r in &communes {
        if !r["group"].is_empty() {
            if r["merged_into"].is_empty() {
                today.insert(&r["group"]);
            } else {
                former.insert(&r["group"]);
            }
        }
    }
    let former: Vec<&str> = former.difference(&today).copied().collect();
    assert_eq!(former, ["duc-tho", "ky-anh"]);
    for p in ["huyen/index.html", "index.html"] {
        let page = b.page(p);
        let links = |s: &str| -> Vec<String> {
            page.select(&sel(s))
                .map(|a| a.value().attr("href").unwrap().to_string())
                .collect()
        };
        let listed_today = links("table.groups:not(.former-groups) tbody th a");
        let listed_former = links("table.former-groups tbody th a");
        for g in &former {
            let href = format!("huyen/{g}/index.html");
            assert!(!listed_today.iter().any(|h| h.ends_with(&href)), "{p}: {g}");
            assert!(listed_former.iter().any(|h| h.ends_with(&href)), "{p}: {g}");
        }
        let until: Vec<String> = page
            .select(&sel("table.former-groups tbody tr"))
            .map(|tr| tr.select(&sel("td")).map(text_of).last().unwrap())
            .collect();
        assert!(until.iter().all(|u| u == "30/6/2025"), "{p}: {until:?}");
    }
    // A former district's page says it is history and gives its figures on its last day.
    let page = b.page("huyen/ky-anh/index.html");
    let note = texts(&page, "p.notice.former").join(" ");
    assert!(note.starts_with("Đơn vị cũ, nay là lịch sử"), "{note}");
    assert!(note.ends_with("30/6/2025."), "{note}");
    let headline = texts(&page, "h2#so-lieu").join(" ");
    assert!(headline.ends_with("đến ngày 30/6/2025"), "{headline}");
    // On 30/6/2025 Kỳ Thư met the standard and Kỳ Hoa, Kỳ Tân did not (communes.csv).
    let kpi = texts(&page, ".kpi-main dd").join(" ");
    let standard = communes
        .iter()
        .filter(|r| r["group"] == "ky-anh" && r["meets_standard"] == "true")
        .count();
    let known = communes.iter().filter(|r| r["group"] == "ky-anh").count();
    assert_eq!(kpi, format!("{standard} / {known} xã có số liệu"));
}

/// The worked example with `stale_after_days: 30`: Sơn Kim's last report
/// (20/2/2026) is 35 days before the latest date (27/3/2026); Sơn Kim has a
/// seconded officer.
fn stale_copy() -> &'static Built {
    static B: OnceLock<(tempfile::TempDir, Built)> = OnceLock::new();
    &B.get_or_init(|| {
        let tmp = tempfile::tempdir().unwrap();
        let dst = tmp.path().join("content");
        for e in walkdir::WalkDir::new(example_2026()) {
            let e = e.unwrap();
            let rel = e.path().strip_prefix(example_2026()).unwrap();
            if e.file_type().is_dir() {
                std::fs::create_dir_all(dst.join(rel)).unwrap();
            } else {
                std::fs::copy(e.path(), dst.join(rel)).unwrap();
            }
        }
        let site = dst.join("site.yaml");
        let text = std::fs::read_to_string(&site).unwrap();
        assert!(!text.contains("stale_after_days"));
        std::fs::write(&site, format!("{text}stale_after_days: 30\n")).unwrap();
        // Sơn Kim gets a seconded officer, so that the officers' page shows
        // its state too.
        let sk = dst.join("communes/son-kim.yaml");
        let text = std::fs::read_to_string(&sk).unwrap();
        assert!(!text.contains("officers"));
        std::fs::write(
            &sk,
            format!("{text}officers:\n  - name: Lê Văn Biệt\n    role: cán bộ biệt phái\n    from: 2025-09-01\n"),
        )
        .unwrap();
        let b = build_site(&dst, None);
        (tmp, b)
    })
    .1
}

#[test]
fn stale_states_are_flagged_with_their_date_and_counted_on_the_home_page() {
    let b = stale_copy();
    let summary = b.summary();
    let last = summary.as_array().unwrap().last().unwrap();
    let latest = last["date"].as_str().unwrap();
    // Independently: the communes of today whose last report is more than 30 days old.
    let communes = b.csv("communes.csv");
    let stale: Vec<&Row> = communes
        .iter()
        .filter(|r| r["merged_into"].is_empty() && !r["latest_date"].is_empty())
        .filter(|r| days(latest) - days(&r["latest_date"]) > 30)
        .collect();
    let ids: Vec<&str> = stale.iter().map(|r| r["id"].as_str()).collect();
    assert_eq!(ids, ["son-kim"]);
    assert_eq!(last["all"]["stale"], 1);
    // The home page counts them.
    let home = b.page("index.html");
    let kpi = texts(&home, ".kpi-stale dt, .kpi-stale dd").join(" ");
    assert_eq!(kpi, "Xã có số liệu cũ 1 báo cáo gần nhất đã quá 30 ngày");
    // The commune's page flags its state with the date of its report.
    let page = b.page("xa/son-kim/index.html");
    let notice = texts(&page, "p.notice.stale").join(" ");
    assert_eq!(
        notice,
        format!(
            "Số liệu cũ: báo cáo gần nhất của xã là ngày 20/2/2026, đã quá 30 ngày tính đến ngày {}.",
            vi_date(latest)
        )
    );
    // Every table of communes flags exactly the stale ones.
    for p in ["xa/index.html", "index.html"] {
        let page = b.page(p);
        let flagged: Vec<String> = page
            .select(&sel("table.communes tbody tr"))
            .filter(|tr| tr.select(&sel(".stale-mark")).next().is_some())
            .map(|tr| text_of(tr.select(&sel("th a")).next().unwrap()))
            .collect();
        if p == "xa/index.html" {
            assert_eq!(flagged, ["Sơn Kim"], "{p}");
        } else {
            assert!(flagged.iter().all(|n| n == "Sơn Kim"), "{p}: {flagged:?}");
        }
    }
    // With the default 90 days nothing is stale, and nothing is flagged.
    let b = built();
    assert_eq!(
        texts(&b.page("index.html"), ".kpi-stale dt, .kpi-stale dd").join(" "),
        "Xã có số liệu cũ 0 báo cáo gần nhất đã quá 90 ngày"
    );
    assert!(texts(&b.page("xa/index.html"), ".stale-mark").is_empty());
}

#[test]
fn a_stale_state_is_flagged_on_the_officer_criterion_year_and_bulletin_pages() {
    let b = stale_copy();
    let latest = b.summary().as_array().unwrap().last().unwrap()["date"]
        .as_str()
        .unwrap()
        .to_string();
    let mark = Some("số liệu cũ, báo cáo ngày 20/2/2026".to_string());
    let flagged = |p: &str| -> Vec<String> {
        let marks = stale_marks(&b.page(p));
        assert!(!marks.is_empty(), "{p} links no commune");
        for (id, m) in &marks {
            if id == "son-kim" {
                assert_eq!(m, &mark, "{p}");
            } else {
                assert_eq!(m, &None, "{p}: {id}");
            }
        }
        marks
            .into_iter()
            .filter(|(_, m)| m.is_some())
            .map(|(id, _)| id)
            .collect()
    };
    // Sơn Kim on the officers' page, on every criterion page of QĐ 51 (all
    // communes of today are listed there), in the latest bulletin (a target
    // of 2026 that did not report) and on the year's review where it is
    // named.
    assert_eq!(flagged("can-bo/index.html"), ["son-kim"]);
    for k in 1..=10 {
        assert_eq!(
            flagged(&format!("tieu-chi/qd-51-2025/{k}/index.html")),
            ["son-kim"],
            "criterion {k}"
        );
    }
    assert!(flagged(&format!("ban-tin/{latest}/index.html")).contains(&"son-kim".to_string()));
    flagged("nam/2026/index.html");
    // The same pages without the shorter threshold flag nothing.
    let b = built();
    for p in [
        "can-bo/index.html",
        "tieu-chi/qd-51-2025/1/index.html",
        "nam/2026/index.html",
    ] {
        if b.out.join(p).exists() {
            assert!(texts(&b.page(p), ".stale-mark").is_empty(), "{p}");
        }
    }
    assert!(
        texts(
            &b.page(&format!("ban-tin/{latest}/index.html")),
            ".stale-mark"
        )
        .is_empty()
    );
}

#[test]
fn a_former_district_shows_its_history_up_to_the_merger() {
    let b = built();
    let page = b.page("huyen/ky-anh/index.html");
    // No chart of today's criteria, which none of its communes has: its
    // history up to its last day instead.
    assert!(!b.out.join("bieu-do/tieu-chi/ky-anh.svg").exists());
    let imgs: Vec<String> = page
        .select(&sel("main figure img, main figure object"))
        .filter_map(|e| e.value().attr("src").or(e.value().attr("data")))
        .map(str::to_string)
        .collect();
    assert!(
        imgs.iter()
            .any(|s| s.ends_with("bieu-do/lich-su/ky-anh.svg")),
        "{imgs:?}"
    );
    let svg = b.text("bieu-do/lich-su/ky-anh.svg");
    assert!(svg.contains("đến ngày 30/6/2025"), "{svg}");
    assert!(svg.contains("Sáp nhập xã 1/7/2025"), "the merger marked");
    assert!(!svg.contains(">2026<"), "the axis goes past the merger");
    // Its last point is the district's figures on its last day, as the
    // page's headline figures give them.
    let table: Vec<Vec<String>> = page
        .select(&sel("figure table tbody tr"))
        .map(|tr| tr.select(&sel("th, td")).map(text_of).collect())
        .collect();
    let last = table.last().expect("the chart's data table");
    let kpi = texts(&page, ".kpi-main dd").join(" ");
    assert_eq!(kpi, format!("{} / {} xã có số liệu", last[3], last[2]));
}

#[test]
fn a_merged_commune_chart_starts_at_its_establishment() {
    let b = built();
    let svg = b.text("bieu-do/xa/ky-anh.svg");
    assert!(svg.contains("Thành lập 1/7/2025"), "{svg}");
    // The example's data start in 2024: the new commune's axis does not.
    assert!(!svg.contains(">2024<"), "the axis starts before 1/7/2025");
    // The page says where the earlier history is, by link.
    let page = b.page("xa/ky-anh/index.html");
    let note = texts(
        &page,
        "#dien-bien ~ p.note, section[aria-labelledby='dien-bien'] p.note",
    )
    .join(" ");
    assert!(
        note.contains("Biểu đồ tính từ ngày thành lập xã, 1/7/2025; số liệu trước đó là của các xã cũ hợp thành."),
        "{note}"
    );
    let href: Vec<&str> = page
        .select(&sel("section[aria-labelledby='dien-bien'] p.note a"))
        .filter_map(|a| a.value().attr("href"))
        .collect();
    assert_eq!(href, ["#sap-nhap"]);
    assert!(page.select(&sel("#sap-nhap")).next().is_some());
    // A commune of today that was never merged keeps the whole span.
    assert!(b.text("bieu-do/xa/son-kim.svg").contains(">2024<"));
}

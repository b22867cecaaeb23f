//! The weekly bulletins of the sample province (issue 6): the week of
//! 21–27/8/2015 reads as the seed tells it, and every bulletin's figures are
//! those of `data/summary.json` and `data/changes.csv` of the same build, as
//! a reader of the page sees them.

mod site_support;

use scraper::{ElementRef, Html};
use serde_json::Value;
use site_support::{Built, build_site, sample, sel, text_of, texts, vi_dec, vi_int};
use std::collections::{BTreeMap, BTreeSet};
use std::sync::OnceLock;

fn built() -> &'static Built {
    static B: OnceLock<Built> = OnceLock::new();
    B.get_or_init(|| build_site(&sample(), None))
}

fn checked() -> &'static ntm_site::build::Checked {
    static C: OnceLock<ntm_site::build::Checked> = OnceLock::new();
    C.get_or_init(|| ntm_site::build::check(&sample(), false, false).expect("the sample checks"))
}

/// The commune id of a link `../../xa/<id>/index.html`.
fn commune_id(href: &str) -> String {
    let i = href.find("xa/").expect("a commune link") + 3;
    href[i..].trim_end_matches("/index.html").to_string()
}

/// The criteria numbers listed in a cell (`TC5` `TC8` …), without `TC`.
fn numbers(cell: ElementRef) -> Vec<String> {
    cell.select(&sel(".crit-n"))
        .map(|e| text_of(e).trim_start_matches("TC").to_string())
        .collect()
}

/// The criteria names listed in a cell, without their numbers.
fn names(cell: ElementRef) -> Vec<String> {
    cell.select(&sel("a.crit .crit-name"))
        .map(|e| text_of(e).trim().to_string())
        .collect()
}

/// The headline sentences of a bulletin, as one text.
fn headline(doc: &Html) -> String {
    texts(doc, ".headline").join(" ")
}

#[test]
fn the_week_of_21_to_27_august_2015_reads_as_the_seed_tells_it() {
    let b = built();
    let doc = b.page("ban-tin/2015-08-27/index.html");
    let h = headline(&doc);
    // "tuần từ 21-27.8.2015, có 10 xã tăng được 21 tiêu chí, trong đó như xã Kỳ Thư
    // huyện Kỳ Anh tăng được 4 tiêu chí gồm bưu điện, trường học, an ninh trật tự và
    // tổ chức sản xuất… còn 16 xã trong tuần này không có tiêu chí đạt chuẩn tăng thêm."
    assert!(
        h.contains("Trong tuần 21–27/8/2015, cả 26 xã đăng ký về đích năm 2015 đều báo cáo: 10 xã tăng tổng cộng 21 tiêu chí, 16 xã không tăng tiêu chí nào; không có xã nào giảm tiêu chí."),
        "{h}"
    );
    assert!(
        h.contains("Xã tăng nhiều nhất là Kỳ Thư (Kỳ Anh) với 4 tiêu chí: Trường học, Bưu điện, Hình thức tổ chức sản xuất và An ninh, trật tự xã hội."),
        "{h}"
    );
    assert_eq!(texts(&doc, "h1 .doc-sub"), ["Tuần 21–27/8/2015"]);
    // Kỳ Thư's row names the four criteria.
    let row = doc
        .select(&sel("table.changed tbody tr"))
        .find(|r| text_of(r.select(&sel("th")).next().unwrap()).starts_with("Kỳ Thư"))
        .expect("Kỳ Thư changed");
    let cells: Vec<ElementRef> = row.select(&sel("td")).collect();
    assert_eq!(text_of(cells[0]), "Kỳ Anh");
    assert_eq!(
        names(cells[1]),
        [
            "Trường học",
            "Bưu điện",
            "Hình thức tổ chức sản xuất",
            "An ninh, trật tự xã hội"
        ]
    );
    assert_eq!(numbers(cells[1]), ["5", "8", "13", "19"]);
    assert_eq!(text_of(cells[cells.len() - 2]), "12 → 16/19");
    assert_eq!(text_of(cells[cells.len() - 1]), "3");
    // The 26 target communes: 10 gained, the other 16 did not; every one is listed.
    let t = b.summary();
    let week = t
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["date"] == "2015-08-27")
        .unwrap();
    assert_eq!(week["target"]["communes_gained"], 10);
    let rows = doc.select(&sel("table.targets-left tbody tr")).count();
    let done = doc
        .select(&sel("#ve-dich ~ p strong"))
        .filter(|e| text_of(*e).starts_with("Đã đạt chuẩn"))
        .count();
    assert_eq!((rows, done), (26, 0));
    let marked: Vec<String> = doc
        .select(&sel("table.changed tbody th"))
        .filter(|th| th.select(&sel(".tmark")).next().is_some())
        .map(text_of)
        .collect();
    assert_eq!(marked.len(), 10, "{marked:?}");
    // The editor's text is there, and the print's charts beside the screen's.
    assert!(doc.select(&sel("#nhan-dinh")).next().is_some());
    for id in [
        "bieu-do-ve-dich",
        "bieu-do-phan-nhom",
        "in-ve-dich",
        "in-phan-nhom",
    ] {
        let img = doc
            .select(&sel(&format!("figure#{id} img")))
            .next()
            .unwrap_or_else(|| panic!("figure {id}"));
        let src = img.value().attr("src").unwrap();
        let file = src.trim_start_matches("../../");
        let svg = b.text(file);
        roxmltree::Document::parse(&svg).unwrap_or_else(|e| panic!("{file}: {e}"));
        assert!(
            img.value().attr("loading").is_none() || id.starts_with("bieu-do"),
            "the print's charts load at once"
        );
    }
}

/// The figures table of a bulletin: `key → (all, target)`.
fn figure_cells(doc: &Html) -> BTreeMap<String, (String, Option<String>)> {
    doc.select(&sel("table.bulletin-figures tbody tr"))
        .map(|tr| {
            let key = tr.value().attr("data-key").unwrap().to_string();
            let tds: Vec<String> = tr.select(&sel("td")).map(text_of).collect();
            (key, (tds[0].clone(), tds.get(1).cloned()))
        })
        .collect()
}

fn expect_cell(v: &Value, key: &str) -> String {
    match key {
        "standard" => vi_int(v["meets_standard"].as_u64().unwrap()),
        "average" if v["average_met"].is_null() => "–".into(),
        "average" => vi_dec(&v["average_met"]),
        // Issue 17's split of `no_gain`: those that reported without a gain
        // (first reports and re-based ones apart), and those that did not report.
        "reported_no_gain" => {
            let n = |k: &str| v[k].as_u64().unwrap();
            vi_int(n("reporting") - n("communes_gained") - n("baseline") - n("rebased"))
        }
        "not_reported" => vi_int(v["known"].as_u64().unwrap() - v["reporting"].as_u64().unwrap()),
        k => vi_int(v[k].as_u64().unwrap()),
    }
}

#[test]
fn every_bulletin_matches_summary_json_and_changes_csv() {
    let b = built();
    let summary = b.summary();
    let changes = b.csv("changes.csv");
    let mut by_date: BTreeMap<String, Vec<&BTreeMap<String, String>>> = BTreeMap::new();
    for r in &changes {
        by_date.entry(r["date"].clone()).or_default().push(r);
    }
    let dates = summary.as_array().unwrap();
    assert!(dates.len() > 100);
    for d in dates {
        let date = d["date"].as_str().unwrap();
        let doc = b.page(&format!("ban-tin/{date}/index.html"));
        // The figures table, cell by cell.
        let cells = figure_cells(&doc);
        assert!(cells.len() >= 9, "{date}");
        let has_target = d["target"]["known"].as_u64().unwrap() > 0
            || d["target"]["reporting"].as_u64().unwrap() > 0;
        for (key, (all, target)) in &cells {
            if key == "steady_standard" {
                continue; // not in summary.json; checked against its row above
            }
            assert_eq!(all, &expect_cell(&d["all"], key), "{date} all {key}");
            if has_target {
                assert_eq!(
                    target.as_deref().unwrap(),
                    expect_cell(&d["target"], key),
                    "{date} target {key}"
                );
            } else {
                assert!(target.is_none(), "{date}: no target column");
            }
        }
        // The province's total row of the district table.
        let total: Vec<String> = doc
            .select(&sel("table.b-districts tfoot td"))
            .map(text_of)
            .collect();
        let a = &d["all"];
        assert_eq!(
            total,
            [
                expect_cell(a, "known"),
                expect_cell(a, "standard"),
                expect_cell(a, "average"),
                expect_cell(a, "reporting"),
                expect_cell(a, "communes_gained"),
                expect_cell(a, "criteria_gained"),
                expect_cell(a, "communes_lost"),
                expect_cell(a, "criteria_lost"),
            ],
            "{date} total"
        );
        // The districts' rows add up to it (the sample has no commune outside a district).
        let mut sums = [0u64; 8];
        for tr in doc.select(&sel("table.b-districts tbody tr")) {
            // A district with no commune known says so across its
            // known, standard and average cells.
            let mut cells: Vec<String> = Vec::new();
            for td in tr.select(&sel("td")) {
                if td.value().attr("colspan") == Some("3") {
                    assert_eq!(
                        text_of(td),
                        "Chưa có số liệu",
                        "{date} a district without data"
                    );
                    cells.extend(["0", "0", "–"].map(String::from));
                } else {
                    cells.push(text_of(td));
                }
            }
            for (k, cell) in cells.iter().enumerate() {
                if k != 2 {
                    sums[k] += cell.replace('.', "").parse::<u64>().unwrap();
                }
            }
        }
        assert_eq!(
            sums[0].to_string(),
            a["known"].to_string(),
            "{date} districts known"
        );
        assert_eq!(
            sums[4].to_string(),
            a["communes_gained"].to_string(),
            "{date} districts gained"
        );
        // The changed communes are the rows of changes.csv of that date.
        let want: BTreeMap<String, (Vec<String>, Vec<String>, String)> = by_date
            .get(date)
            .map(|rows| {
                rows.iter()
                    .map(|r| {
                        let split = |s: &str| {
                            s.split(';')
                                .filter(|x| !x.is_empty())
                                .map(str::to_string)
                                .collect::<Vec<_>>()
                        };
                        (
                            r["commune_id"].clone(),
                            (
                                split(&r["gained"]),
                                split(&r["lost"]),
                                format!("{} → {}", r["met_before"], r["met_after"]),
                            ),
                        )
                    })
                    .collect()
            })
            .unwrap_or_default();
        let with_loss = doc.select(&sel("table.changed thead th")).count() == 6;
        let mut got = BTreeMap::new();
        for tr in doc.select(&sel("table.changed tbody tr")) {
            let th = tr.select(&sel("th a")).next().unwrap();
            let id = commune_id(th.value().attr("href").unwrap());
            let tds: Vec<ElementRef> = tr.select(&sel("td")).collect();
            let gained = numbers(tds[1]);
            let lost = if with_loss {
                numbers(tds[2])
            } else {
                Vec::new()
            };
            let met = text_of(tds[tds.len() - 2]);
            let met = met.rsplit_once('/').unwrap().0.to_string();
            got.insert(id, (gained, lost, met));
        }
        assert_eq!(got, want, "{date} changes");
        // The warning lists exactly the communes that lost.
        let lost_ids: BTreeSet<String> = doc
            .select(&sel("#giam ~ ul li a:first-child"))
            .map(|a| commune_id(a.value().attr("href").unwrap()))
            .collect();
        let want_lost: BTreeSet<String> = want
            .iter()
            .filter(|(_, v)| !v.1.is_empty())
            .map(|(k, _)| k.clone())
            .collect();
        assert_eq!(lost_ids, want_lost, "{date} losses");
        // The headline counts the same.
        let h = headline(&doc);
        let rep = a["reporting"].as_u64().unwrap();
        if rep > 0 {
            assert!(
                h.contains(&format!("toàn tỉnh có {} xã báo cáo", vi_int(rep)))
                    || h.contains(&format!("Toàn tỉnh có {} xã báo cáo", vi_int(rep))),
                "{date}: {h}"
            );
        }
        let gained = a["communes_gained"].as_u64().unwrap();
        if gained > 0 {
            let k = a["criteria_gained"].as_u64().unwrap();
            let s = match gained {
                1 => format!("1 xã tăng {} tiêu chí", vi_int(k)),
                g if g == k => format!("{} xã, mỗi xã tăng 1 tiêu chí", vi_int(g)),
                g => format!("{} xã tăng tổng cộng {} tiêu chí", vi_int(g), vi_int(k)),
            };
            assert!(h.contains(&s), "{date}: {h} lacks {s}");
        }
    }
}

#[test]
fn a_bulletin_for_every_snapshot_date_and_an_index_by_year() {
    let b = built();
    let root = sample();
    let mut dates: Vec<String> = std::fs::read_dir(root.join("progress"))
        .unwrap()
        .filter_map(|e| {
            let name = e.unwrap().file_name().to_string_lossy().to_string();
            name.strip_suffix(".yaml").map(str::to_string)
        })
        .collect();
    dates.sort();
    let files = b.files();
    let pages: Vec<String> = files
        .keys()
        .filter_map(|p| {
            p.strip_prefix("ban-tin/")
                .and_then(|r| r.strip_suffix("/index.html"))
                .map(str::to_string)
        })
        .collect();
    assert_eq!(pages, dates);
    let index = b.page("ban-tin/index.html");
    let linked: BTreeSet<String> = index
        .select(&sel("table.bulletin-list tbody th a"))
        .map(|a| {
            a.value()
                .attr("href")
                .unwrap()
                .trim_start_matches("../")
                .trim_start_matches("ban-tin/")
                .trim_end_matches("/index.html")
                .to_string()
        })
        .collect();
    assert_eq!(linked, dates.iter().cloned().collect());
    // One section per year, newest first.
    let years = texts(&index, "section h2");
    assert_eq!(years.first().map(String::as_str), Some("Năm 2017"));
    assert_eq!(years.last().map(String::as_str), Some("Năm 2011"));
    // Each bulletin links to its neighbours.
    let first = b.page(&format!("ban-tin/{}/index.html", dates[0]));
    assert!(first.select(&sel("a[rel=prev]")).next().is_none());
    let next = first.select(&sel("a[rel=next]")).next().unwrap();
    assert!(next.value().attr("href").unwrap().contains(&dates[1]));
    // No PDF is linked when the build printed none.
    assert!(!b.text("ban-tin/index.html").contains(".pdf"));
    assert!(
        !b.text(&format!("ban-tin/{}/index.html", dates[0]))
            .contains(".pdf")
    );
}

#[test]
fn target_communes_miss_exactly_what_their_state_lacks() {
    let (b, ch) = (built(), checked());
    let (c, r) = (&ch.content, &ch.report);
    for date in ["2015-08-27", "2016-06-30", "2017-12-28"] {
        let snap = c
            .snapshots
            .iter()
            .find(|s| s.date.to_string() == date)
            .unwrap_or_else(|| panic!("the sample has a snapshot of {date}"));
        let doc = b.page(&format!("ban-tin/{date}/index.html"));
        let mut short = 0u64;
        let mut missing_sum = 0u64;
        for tr in doc.select(&sel("table.targets-left tbody tr")) {
            let a = tr.select(&sel("th a")).next().unwrap();
            let id = commune_id(a.value().attr("href").unwrap());
            let ci = c.communes.iter().position(|x| x.id == id).unwrap();
            assert_eq!(c.communes[ci].target_year, Some(snap.date.year()));
            let tds: Vec<ElementRef> = tr.select(&sel("td")).collect();
            let Some(st) = r.sweep.timeline.state_on(ci, snap.date) else {
                assert_eq!(text_of(tds[1]), "–");
                continue;
            };
            let set = &c.sets[st.set];
            let want: Vec<String> = (1..=set.len())
                .filter(|&k| !st.met.has(k))
                .map(|k| k.to_string())
                .collect();
            assert_eq!(numbers(tds[3]), want, "{date} {id}");
            assert_eq!(
                text_of(tds[1]),
                format!("{}/{}", st.count(), set.len()),
                "{date} {id}"
            );
            short += 1;
            missing_sum += want.len() as u64;
        }
        let h = headline(&doc);
        if short > 0 {
            let s = format!(
                "Còn {short} xã chưa đạt chuẩn, thiếu tổng cộng {} tiêu chí",
                vi_int(missing_sum)
            );
            assert!(h.contains(&s), "{date}: {h} lacks {s}");
        }
    }
}

/// Issue 17: the bulletin names its source by what it is (never a file
/// name), splits the communes that gained nothing, and links the
/// methodology page, which the build writes.
#[test]
fn the_bulletin_reads_right_for_a_journalist() {
    let b = built();
    let doc = b.page("ban-tin/2015-08-27/index.html");
    let html = doc.html();
    assert!(
        !html.contains("progress/2015-08-27.yaml"),
        "a file name on the page"
    );
    let meta = texts(&doc, ".doc-meta dd").join(" | ");
    assert!(
        meta.contains("báo cáo tuần 21–27/8/2015 của các xã"),
        "{meta}"
    );
    // The figures table: the communes with data are those that reported
    // and those that did not; those that reported are those that gained,
    // those that did not, first reports and re-based ones.
    let cells = figure_cells(&doc);
    let n = |k: &str| -> u64 { cells[k].0.replace('.', "").parse().unwrap() };
    assert_eq!(n("known"), n("reporting") + n("not_reported"));
    assert!(n("steady_standard") <= n("reported_no_gain"));
    assert_eq!(n("not_reported"), 147);
    let h = headline(&doc);
    assert!(
        h.contains("147 xã không báo cáo trong kỳ này (giữ số liệu kỳ trước)"),
        "{h}"
    );
    // Every chart links the methodology page, and it exists.
    let links = doc
        .select(&sel(
            "figure.chart.screen-only a[href$='cach-tinh-so-lieu/index.html']",
        ))
        .count();
    assert_eq!(links, 2);
    let method = b.page("cach-tinh-so-lieu/index.html");
    let text = texts(&method, "h2").join(" | ");
    for want in [
        "Đạt chuẩn và đã công nhận",
        "Chuyển sang bộ tiêu chí mới",
        "Bình quân và làm tròn",
    ] {
        assert!(text.contains(want), "{text}");
    }
    assert!(
        method
            .html()
            .contains("77 tiêu chí của 8 xã là 9,63 tiêu chí/xã")
    );
}

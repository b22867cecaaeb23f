//! The targets, year review, sponsors and officers pages of the sample
//! province (`content/`, Hà Tĩnh), read as a person reads them and checked
//! against the data files of the same build and the content itself: the
//! 2014 review reads as the seed tells it, the seed notice's targets have
//! the status of `data/targets.csv`, the 20 communes with seconded officers
//! are said to be merged away since 1/7/2025, every sponsor's X/Y matches its
//! communes (those merged away apart), and the indicator totals are the sums
//! of the latest reports of the communes that still exist.

mod site_support;

use ntm_site::date::Date;
use ntm_site::text::fold;
use site_support::*;
use std::collections::{BTreeMap, BTreeSet};
use std::sync::OnceLock;

/// One build of the sample for every test of this file (it takes a while).
fn built() -> &'static Built {
    static B: OnceLock<Built> = OnceLock::new();
    B.get_or_init(|| build_site(&sample(), Some("https://ntm.example.gov.vn/ha-tinh")))
}

fn checked() -> &'static ntm_site::build::Checked {
    static C: OnceLock<ntm_site::build::Checked> = OnceLock::new();
    C.get_or_init(|| {
        ntm_site::build::check(&sample(), false, false).unwrap_or_else(|d| panic!("{}", d.render()))
    })
}

/// `2.70` (CSV) → `2,70` (page).
fn vi(cell: &str) -> String {
    cell.replace('.', ",")
}

/// The id of a commune from a link to its page (`…/xa/ky-anh/ky-thu/index.html`).
fn commune_id(href: &str) -> String {
    let i = href.find("xa/").expect("a commune link") + 3;
    href[i..].trim_end_matches("/index.html").to_string()
}

fn links(doc: &scraper::Html, selector: &str) -> Vec<String> {
    doc.select(&sel(selector))
        .filter_map(|a| a.value().attr("href").map(str::to_string))
        .collect()
}

#[test]
fn the_2014_review_reads_as_the_seed_tells_it() {
    let b = built();
    let years = b.csv("years.csv");
    let row = years.iter().find(|r| r["year"] == "2014").unwrap();
    let page = b.page("nam/2014/index.html");
    let summary = texts(&page, ".year-summary").join(" ");
    // "Năm 2014, bình quân các xã đều tăng 2,7 tiêu chí ..., 26 xã ..., không còn xã dưới 5 tiêu chí."
    assert!(summary.starts_with("Năm 2014, "), "{summary}");
    assert!(
        summary.contains("bình quân các xã tăng 2,7 tiêu chí"),
        "{summary}"
    );
    assert!(summary.contains("26 xã đạt chuẩn"), "{summary}");
    assert!(
        summary.contains("không còn xã dưới 5 tiêu chí"),
        "{summary}"
    );
    assert_eq!(row["meets_standard"], "26");
    assert_eq!(row["average_gain"], "2.70");
    assert_eq!(row["min_met"], "5");
    // The detailed sentences give the exact figures of years.csv.
    let text = texts(&page, ".year-text p").join(" ");
    for needle in [
        format!(
            "Tính đến ngày 31/12/2014, 26/{} xã có số liệu đạt chuẩn nông thôn mới",
            row["known"]
        ),
        format!("{} xã mới đạt chuẩn trong năm 2014.", row["newly_standard"]),
        format!(
            "bình quân mỗi xã tăng {} tiêu chí (tính trên {} xã",
            vi(&row["average_gain"]),
            row["compared"]
        ),
        "Xã đạt ít tiêu chí nhất: 5 tiêu chí".to_string(),
    ] {
        assert!(text.contains(&needle), "'{needle}' not in: {text}");
    }
    // The communes that reached the standard: as many as newly_standard,
    // each meeting the standard now or having met it at the end of 2014.
    let newly = links(&page, "table.newly tbody th a");
    assert_eq!(newly.len().to_string(), row["newly_standard"]);
    let summary_json = b.summary();
    let end_2014 = summary_json
        .as_array()
        .unwrap()
        .iter()
        .rfind(|s| s["date"].as_str().unwrap() <= "2014-12-31")
        .unwrap();
    assert_eq!(
        end_2014["all"]["meets_standard"]
            .as_u64()
            .unwrap()
            .to_string(),
        row["meets_standard"]
    );
    // The table per district adds up to the province row, which is years.csv's.
    let foot = texts(&page, "table.districts tfoot td");
    assert_eq!(
        foot,
        [
            row["known"].clone(),
            row["meets_standard"].clone(),
            row["newly_standard"].clone(),
            row["compared"].clone(),
            vi(&row["average_gain"]),
            row["min_met"].clone(),
        ]
    );
    let mut sums = [0u64; 4];
    for tr in page.select(&sel("table.districts tbody tr")) {
        let cells: Vec<String> = tr.select(&sel("td")).map(text_of).collect();
        for (i, s) in sums.iter_mut().enumerate() {
            *s += cells[i].replace('.', "").parse::<u64>().unwrap();
        }
    }
    let expect: Vec<u64> = ["known", "meets_standard", "newly_standard", "compared"]
        .iter()
        .map(|k| row[*k].parse().unwrap())
        .collect();
    assert_eq!(sums.to_vec(), expect);
    // A chart of the bands at the year's end, drawn from that date.
    let src: Vec<String> = page
        .select(&sel("figure.chart img"))
        .filter_map(|i| i.value().attr("src").map(str::to_string))
        .collect();
    assert_eq!(src, ["../../bieu-do/nam/2014-phan-nhom.svg"]);
    let svg = b.text("bieu-do/nam/2014-phan-nhom.svg");
    assert!(svg.contains("31/12/2014"), "the chart names its date");
}

#[test]
fn every_year_has_a_page_and_the_index_matches_years_csv() {
    let b = built();
    let years = b.csv("years.csv");
    let index = b.page("nam/index.html");
    let rows: Vec<Vec<String>> = index
        .select(&sel("table.years tbody tr"))
        .map(|tr| tr.select(&sel("th, td")).map(text_of).collect())
        .collect();
    assert_eq!(rows.len(), years.len());
    for (r, y) in rows.iter().zip(&years) {
        assert_eq!(r[0], y["year"]);
        assert_eq!(r[2], y["known"]);
        assert_eq!(r[3], y["meets_standard"]);
        assert_eq!(r[4], y["newly_standard"]);
        assert_eq!(r[5], y["compared"]);
        let gain = if y["average_gain"].is_empty() {
            "–".to_string()
        } else {
            vi(&y["average_gain"])
        };
        assert_eq!(r[6], gain);
        let page = b.page(&format!("nam/{}/index.html", y["year"]));
        let h1 = texts(&page, "h1").join("");
        assert_eq!(h1, format!("Tổng kết năm {}", y["year"]));
    }
    // The latest year ends on the latest date, and says so.
    let last = years.last().unwrap();
    let page = b.page(&format!("nam/{}/index.html", last["year"]));
    let when = texts(&page, ".doc-when").join(" ");
    assert!(when.starts_with("Năm chưa kết thúc"), "{when}");
    // 2016: the new criteria set, and the communes moved to it left out of the average.
    let y2016 = years.iter().find(|r| r["year"] == "2016").unwrap();
    let page = b.page("nam/2016/index.html");
    let text = texts(&page, ".year-text p").join(" ");
    let known: u64 = y2016["known"].parse().unwrap();
    let compared: u64 = y2016["compared"].parse().unwrap();
    assert!(
        text.contains("Từ ngày 17/10/2016 áp dụng Bộ tiêu chí quốc gia"),
        "{text}"
    );
    assert!(
        text.contains(&format!(
            "Không tính {} xã chuyển sang bộ tiêu chí khác trong năm",
            known - compared
        )),
        "{text}"
    );
    let summary = texts(&page, ".year-summary").join(" ");
    assert!(
        !summary.contains("bình quân"),
        "an average over {compared} of {known} communes is not a headline: {summary}"
    );
}

#[test]
fn the_seed_notice_targets_read_with_their_status() {
    let b = built();
    let targets = b.csv("targets.csv");
    let page = b.page("muc-tieu/index.html");
    let labels = BTreeMap::from([
        ("achieved", "Đã đạt"),
        ("missed", "Không đạt"),
        ("open", "Đang thực hiện"),
    ]);
    for t in &targets {
        let id = &t["id"];
        let card = format!("section.target#{id}");
        let status = texts(&page, &format!("{card} .target-result .status")).join("");
        assert_eq!(status, labels[t["status"].as_str()], "{id}");
        let class = page
            .select(&sel(&card))
            .next()
            .unwrap_or_else(|| panic!("no card for {id}"))
            .value()
            .attr("class")
            .unwrap()
            .to_string();
        assert!(class.contains(&format!("status-{}", t["status"])), "{id}");
        let facts = texts(&page, &format!("{card} dl.facts dd")).join(" | ");
        assert!(
            facts.starts_with(&format!("{} |", vi_date(&t["deadline"]))),
            "{facts}"
        );
        // Who is behind, by name and linked: as many as the shortfall for
        // the commune measures and the per-district one.
        let behind = links(&page, &format!("{card} .behind a"));
        if t["measure"] != "standard_count" {
            assert_eq!(behind.len().to_string(), t["shortfall"], "{id}");
        }
        // Its own page has the same sentence and a row per commune or district behind.
        let own = b.page(&format!("muc-tieu/{id}/index.html"));
        let sentence = texts(&own, ".target-result").join(" ");
        let card_sentence = texts(&page, &format!("{card} .target-result")).join(" ");
        assert_eq!(sentence, card_sentence);
    }
    let card = |id: &str| texts(&page, &format!("section.target#{id} .target-result")).join(" ");
    // "Phấn đấu năm 2014 mỗi huyện, thành phố phải có từ 1 đến 2 xã đạt 19 tiêu chí"
    assert_eq!(
        card("moi-huyen-xa-chuan-2014"),
        "Không đạt Đến hạn 31/12/2014, còn 2 huyện chưa có xã nào đạt chuẩn."
    );
    let behind = links(&page, "section.target#moi-huyen-xa-chuan-2014 .behind a");
    assert_eq!(
        behind,
        [
            "../huyen/hong-linh/index.html",
            "../huyen/vu-quang/index.html"
        ]
    );
    // "đến 30/6/2015 không còn xã nào đạt dưới 7 tiêu chí"
    assert_eq!(
        card("khong-xa-duoi-7"),
        "Đã đạt Đến hạn 30/6/2015, không còn xã nào dưới 7 tiêu chí."
    );
    // "26 xã cuối năm 2015 về đích NTM"
    assert_eq!(
        card("ve-dich-2015"),
        "Không đạt Đến hạn 31/12/2015, còn 2 xã đăng ký năm 2015 chưa đạt chuẩn."
    );
    let behind: Vec<String> = links(&page, "section.target#ve-dich-2015 .behind a")
        .iter()
        .map(|h| commune_id(h))
        .collect();
    assert_eq!(behind, ["cam-xuyen/cam-nam", "vu-quang/duc-giang"]);
    // The open targets on the home page, each with its current shortfall and data date.
    let home = b.page("index.html");
    let line = texts(&home, "#muc-tieu ~ ul.targets li").join(" ");
    let open: Vec<_> = targets.iter().filter(|t| t["status"] == "open").collect();
    assert_eq!(open.len(), 2, "the 2026 and 2027 targets");
    for t in open {
        let data = format!(
            "hạn {} (số liệu ngày {})",
            vi_date(&t["deadline"]),
            vi_date(&t["evaluated_on"])
        );
        let want = match t["measure"].as_str() {
            "standard_count" => format!(
                "Còn thiếu {} xã đạt chuẩn so với mục tiêu {} xã, {data}",
                t["shortfall"], t["value"]
            ),
            "target_year_done" => format!(
                "Còn {} xã đăng ký năm {} chưa đạt chuẩn, {data}",
                t["shortfall"],
                &t["deadline"][..4]
            ),
            m => panic!("no open {m} target in the sample"),
        };
        assert!(line.contains(&want), "{want}: {line}");
    }
    // A target scoped to a nested group shows on that group's page and its district's.
    for g in ["huong-son/bien-gioi", "huong-son"] {
        let p = b.page(&format!("huyen/{g}/index.html"));
        let l = texts(&p, "#muc-tieu ~ ul.targets li").join(" ");
        assert!(
            l.contains("Các xã vùng biên Hương Sơn đạt ít nhất 10 tiêu chí"),
            "{g}: {l}"
        );
    }
    let p = b.page("huyen/ky-anh/index.html");
    assert!(
        texts(&p, "#muc-tieu").is_empty(),
        "no target is scoped to Kỳ Anh"
    );
}

/// The communes of `communes.csv` at the standard on the latest date: a
/// former commune keeps its last state in the file but counts nowhere.
fn standard_now(communes: &[BTreeMap<String, String>]) -> BTreeSet<&str> {
    communes
        .iter()
        .filter(|r| r["meets_standard"] == "true" && r["merged_into"].is_empty())
        .map(|r| r["id"].as_str())
        .collect()
}

/// The communes of `communes.csv` merged into another one.
fn former(communes: &[BTreeMap<String, String>]) -> BTreeSet<&str> {
    communes
        .iter()
        .filter(|r| !r["merged_into"].is_empty())
        .map(|r| r["id"].as_str())
        .collect()
}

/// The press sentence for `ids`, as a reader should read it: former communes
/// apart, the share among those that remain.
fn share_sentence(
    ids: &BTreeSet<String>,
    communes: &[BTreeMap<String, String>],
    who: &str,
    latest: &str,
) -> String {
    let (standard, former) = (standard_now(communes), former(communes));
    let gone = ids.iter().filter(|c| former.contains(c.as_str())).count();
    let left = ids.len() - gone;
    let meeting = ids.iter().filter(|c| standard.contains(c.as_str())).count();
    let data = format!("(số liệu ngày {})", vi_date(latest));
    match (left, gone) {
        (0, 1) => format!("Xã {who} đã sáp nhập vào xã mới, không còn số liệu riêng {data}"),
        (0, g) => format!("Cả {g} xã {who} đã sáp nhập vào xã mới, không còn số liệu riêng {data}"),
        (l, 0) => format!("{meeting}/{l} xã {who} đã đạt chuẩn nông thôn mới {data}"),
        (l, g) => format!(
            "{g}/{} xã {who} đã sáp nhập vào xã mới; {meeting}/{l} xã còn lại đã đạt chuẩn nông thôn mới {data}",
            ids.len()
        ),
    }
}

fn latest() -> String {
    built().summary().as_array().unwrap().last().unwrap()["date"]
        .as_str()
        .unwrap()
        .to_string()
}

#[test]
fn seconded_officers_with_the_data_date() {
    let b = built();
    let communes = b.csv("communes.csv");
    let page = b.page("can-bo/index.html");
    // The seconded officers' table: its communes are those whose officers' role
    // says "biệt phái", read from the content independently of the report.
    let seconded: BTreeSet<String> = page
        .select(&sel("#biet-phai ~ .table-wrap table.officers tbody tr"))
        .map(|tr| {
            let a = tr.select(&sel("td a")).next().unwrap();
            commune_id(a.value().attr("href").unwrap())
        })
        .collect();
    assert_eq!(seconded.len(), 20);
    let c = checked();
    let from_content: BTreeSet<String> = c
        .content
        .communes
        .iter()
        .filter(|x| {
            x.officers.iter().any(|o| {
                o.role
                    .as_deref()
                    .is_some_and(|r| fold(r).contains("biet phai"))
            })
        })
        .map(|x| x.id.clone())
        .collect();
    assert_eq!(seconded, from_content);
    // On 26/11/2026 all 20 were merged on 1/7/2025: the sentence says so
    // rather than "0/20 đã đạt chuẩn" (seed 003's 13/20 of 2017 is checked in
    // engine_sample.rs).
    let sentence = share_sentence(&seconded, &communes, "có cán bộ biệt phái", &latest());
    assert!(
        sentence.starts_with("Cả 20 xã có cán bộ biệt phái đã sáp nhập"),
        "{sentence}"
    );
    let press = texts(&page, "ul.press li");
    assert!(press.contains(&format!("{sentence}.")), "{press:?}");
    let home = b.page("index.html");
    let on_home = texts(&home, "#do-dau-biet-phai ~ ul li");
    assert!(on_home.contains(&sentence), "{on_home:?}");
    // The rounds of secondment as seed 003 tells them: 7 in 2014, 6 in 2016,
    // 7 in 2017, their communes all merged away by now.
    let rounds: Vec<Vec<String>> = page
        .select(&sel("table.rounds tbody tr"))
        .map(|tr| tr.select(&sel("th, td")).map(text_of).collect())
        .collect();
    assert_eq!(
        rounds,
        [
            ["2014", "7", "7", "– (7 xã đã sáp nhập)"],
            ["2016", "6", "6", "– (6 xã đã sáp nhập)"],
            ["2017", "7", "7", "– (7 xã đã sáp nhập)"]
        ]
    );
}

#[test]
fn each_sponsors_share_matches_its_communes() {
    let b = built();
    let communes = b.csv("communes.csv");
    let c = checked();
    let index = b.page("don-vi-do-dau/index.html");
    let pages = links(&index, "table.sponsors tbody th a");
    // Every agency named in the content has one page (names matched ignoring case and diacritics).
    let names: BTreeSet<String> = c
        .content
        .communes
        .iter()
        .flat_map(|x| x.sponsors.iter().map(|s| fold(s)))
        .collect();
    assert_eq!(pages.len(), names.len());
    for href in &pages {
        let page = b.page(&format!("don-vi-do-dau/{href}"));
        let name = texts(&page, "h1").join("");
        let ids: BTreeSet<String> = links(&page, "table.communes tbody th a")
            .iter()
            .map(|h| commune_id(h))
            .collect();
        let expect: BTreeSet<String> = c
            .content
            .communes
            .iter()
            .filter(|x| x.sponsors.iter().any(|s| fold(s) == fold(&name)))
            .map(|x| x.id.clone())
            .collect();
        assert_eq!(ids, expect, "{name}");
        let sentence = texts(&page, ".sponsor-share").join("");
        let want = share_sentence(&ids, &communes, &format!("do {name} đỡ đầu"), &latest());
        assert_eq!(sentence, format!("{want}."));
        if name == "Báo Hà Tĩnh" {
            assert_eq!(
                sentence,
                "Cả 7 xã do Báo Hà Tĩnh đỡ đầu đã sáp nhập vào xã mới, không còn số liệu riêng (số liệu ngày 26/11/2026)."
            );
        }
    }
    // Seed 002: Kỳ Tân and Yên Hồ are both sponsored by the bloc's party committee.
    let page = b.page("don-vi-do-dau/dang-uy-khoi-cac-co-quan-tinh/index.html");
    let ids: Vec<String> = links(&page, "table.communes tbody th a")
        .iter()
        .map(|h| commune_id(h))
        .collect();
    assert!(ids.contains(&"ky-anh/ky-tan".to_string()), "{ids:?}");
    assert!(ids.contains(&"duc-tho/yen-ho".to_string()), "{ids:?}");
    // And the commune's page links back to its sponsors' pages.
    let ky_tan = b.page("xa/ky-anh/ky-tan/index.html");
    assert_eq!(
        links(&ky_tan, "#do-dau ~ ul a"),
        ["../../../don-vi-do-dau/dang-uy-khoi-cac-co-quan-tinh/index.html"]
    );
}

#[test]
fn indicator_totals_are_the_latest_reports_summed_with_their_date() {
    let b = built();
    let c = checked();
    // Independently of the report: on date `on`, each commune's last reported
    // value of each indicator, summed over the communes of `scope` that still
    // exist on that date (a former commune counts nowhere from its merger on).
    let total = |on: Date, scope: &dyn Fn(usize) -> bool| -> [(u64, u64); 4] {
        let mut last: BTreeMap<usize, [Option<u64>; 4]> = BTreeMap::new();
        for s in c.content.snapshots.iter().filter(|s| s.date <= on) {
            for e in &s.entries {
                let slot = last.entry(e.commune).or_default();
                for (i, v) in slot.iter_mut().enumerate() {
                    if let Some(x) = e.indicators.get(i) {
                        *v = Some(x);
                    }
                }
            }
        }
        let mut t = [(0u64, 0u64); 4];
        for (x, vals) in &last {
            let gone = c.content.merged_on(*x).is_some_and(|m| m <= on);
            if scope(*x) && !gone {
                for (i, v) in vals.iter().enumerate() {
                    if let Some(v) = v {
                        t[i].0 += v;
                        t[i].1 += 1;
                    }
                }
            }
        }
        t
    };
    let check = |page: &scraper::Html, on: Date, t: [(u64, u64); 4], what: &str| {
        let heading = texts(page, "h2#chi-so").join("");
        // No commune of that date has reported them: no section.
        if t.iter().all(|(_, n)| *n == 0) {
            assert_eq!(heading, "", "{what}");
            return;
        }
        assert_eq!(
            heading,
            format!("Chỉ số phát triển sản xuất đến ngày {}", on.vi()),
            "{what}"
        );
        let shown = texts(page, "#chi-so ~ dl.kpis dd");
        let expect: Vec<String> = t
            .iter()
            .filter(|(_, n)| *n > 0)
            .map(|(v, n)| format!("{} ({} xã báo cáo)", vi_int(*v), vi_int(*n)))
            .collect();
        assert_eq!(shown, expect, "{what}");
    };
    let latest = c.content.snapshots.last().unwrap().date;
    check(
        &b.page("index.html"),
        latest,
        total(latest, &|_| true),
        "home",
    );
    // Hương Sơn ended with the merger of 1/7/2025: its figures are those of
    // its last day, 30/6/2025, when its communes had reported them.
    let d = c.content.group_by_id("huong-son").unwrap();
    let in_d = |x: usize| c.content.commune_in_group(x, d);
    let ended = (0..c.content.communes.len())
        .filter(|&x| in_d(x))
        .filter_map(|x| c.content.merged_on(x))
        .max()
        .unwrap()
        .pred();
    let t = total(ended, &in_d);
    assert!(
        t[0].1 > 0,
        "Hương Sơn's communes reported production models"
    );
    check(&b.page("huyen/huong-son/index.html"), ended, t, "Hương Sơn");
}

#[test]
fn the_pages_of_this_issue_link_right() {
    let b = built();
    let broken: Vec<String> = b
        .broken_links()
        .into_iter()
        .filter(|l| {
            ["muc-tieu/", "nam/", "don-vi-do-dau/", "can-bo/"]
                .iter()
                .any(|p| l.starts_with(p))
        })
        .collect();
    assert_eq!(broken, Vec::<String>::new());
}

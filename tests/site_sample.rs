//! The public site built from the sample province (`content/`, Hà Tĩnh):
//! the figures on the home, district and commune pages match the data
//! files, every link resolves, and the pages stay light; the communes
//! formed on 1/7/2025 link their former communes, the former ones say into
//! what they merged, classes and stale states show as communes.csv and
//! summary.json have them.

mod site_support;

use site_support::*;
use std::collections::BTreeSet;
use std::sync::OnceLock;

fn built() -> &'static Built {
    static B: OnceLock<Built> = OnceLock::new();
    B.get_or_init(|| build_site(&sample(), Some("https://ntm.example.gov.vn/ha-tinh")))
}

#[test]
fn sample_site_matches_its_data_and_stays_light() {
    let b = built();
    assert_eq!(b.broken_links(), Vec::<String>::new());
    let communes = b.csv("communes.csv");
    // A district page: its table lists exactly its communes, with the criteria met of the data.
    let groups: std::collections::BTreeSet<&str> = communes
        .iter()
        .map(|r| r["group"].as_str())
        .filter(|g| !g.is_empty())
        .collect();
    for g in groups {
        let page = b.page(&format!("huyen/{g}/index.html"));
        for row in communes.iter().filter(|r| r["group"] == g) {
            let cells = texts(
                &page,
                &format!(
                    "table.communes tr:has(a[href$='xa/{}/index.html'])",
                    row["id"]
                ),
            );
            assert_eq!(cells.len(), 1, "{} on {g}", row["id"]);
            if !row["met_count"].is_empty() {
                let want = format!("{}/{}", row["met_count"], row["criteria_total"]);
                assert!(
                    cells[0].contains(&want),
                    "{}: {} lacks {want}",
                    row["id"],
                    cells[0]
                );
            }
        }
    }
    // Every commune page, with its chart, under 100 KB.
    for row in &communes {
        let page = format!("xa/{}/index.html", row["id"]);
        let html = std::fs::metadata(b.out.join(&page)).unwrap().len();
        let chart = std::fs::metadata(b.out.join(format!("bieu-do/xa/{}.svg", row["id"])))
            .map(|m| m.len())
            .unwrap_or(0);
        assert!(html + chart < 100 * 1024, "{page}: {html} + {chart} bytes");
    }
}

/// `../../xa/ky-anh/ky-thu/index.html` → `ky-anh/ky-thu`.
fn commune_id(href: &str) -> String {
    let h = href.trim_start_matches("../");
    let h = h
        .strip_prefix("xa/")
        .unwrap_or_else(|| panic!("not a commune link: {href}"));
    h.trim_end_matches("/index.html").to_string()
}

#[test]
fn the_2026_sample_shows_its_mergers_classes_and_stale_states() {
    let b = built();
    let communes = b.csv("communes.csv");
    let href = |page: &scraper::Html, s: &str| -> BTreeSet<String> {
        page.select(&sel(s))
            .filter_map(|a| a.value().attr("href"))
            .map(commune_id)
            .collect()
    };
    // Every commune formed by a merger lists exactly its former communes
    // (those whose merged_into names it), linked; every former commune
    // links the commune it merged into.
    let mut formed = 0;
    for r in &communes {
        let page = b.page(&format!("xa/{}/index.html", r["id"]));
        let from: BTreeSet<String> = communes
            .iter()
            .filter(|x| x["merged_into"] == r["id"])
            .map(|x| x["id"].clone())
            .collect();
        assert_eq!(
            href(&page, "table.predecessors tbody th a"),
            from,
            "{}",
            r["id"]
        );
        if !from.is_empty() {
            formed += 1;
        }
        let into: BTreeSet<String> = href(&page, "p.notice.former a");
        if r["merged_into"].is_empty() {
            assert!(into.is_empty(), "{}", r["id"]);
        } else {
            assert_eq!(
                into,
                BTreeSet::from([r["merged_into"].clone()]),
                "{}",
                r["id"]
            );
        }
        // Its class, as communes.csv has it.
        let subtitle = texts(&page, "p.subtitle").join(" ");
        assert_eq!(
            subtitle.contains("Xã nhóm"),
            !r["class"].is_empty(),
            "{}: {subtitle}",
            r["id"]
        );
        if !r["class"].is_empty() {
            assert!(
                subtitle.contains(&format!("Xã nhóm {}", r["class"])),
                "{subtitle}"
            );
        }
        // Under the 2026–2030 set, each criterion shows its indicators met.
        if r["criteria_set"] == "qd-51-2025" {
            let cells = texts(&page, "table.criteria td.indicators");
            assert_eq!(cells.len().to_string(), r["criteria_total"], "{}", r["id"]);
        }
    }
    assert!(
        formed >= 60,
        "the 67 units of 1/7/2025: {formed} formed by a merger"
    );
    // Stale states: the communes of today whose last report is more than 90
    // days before the latest date, flagged in the list and counted on the
    // home page as summary.json counts them.
    let summary = b.summary();
    let last = summary.as_array().unwrap().last().unwrap();
    let latest = last["date"].as_str().unwrap();
    let stale: BTreeSet<String> = communes
        .iter()
        .filter(|r| r["merged_into"].is_empty() && !r["latest_date"].is_empty())
        .filter(|r| days(latest) - days(&r["latest_date"]) > 90)
        .map(|r| r["id"].clone())
        .collect();
    assert!(!stale.is_empty(), "the sample has stale communes");
    assert_eq!(last["all"]["stale"], stale.len());
    let list = b.page("xa/index.html");
    let flagged: BTreeSet<String> = list
        .select(&sel("table.communes tbody tr"))
        .filter(|tr| tr.select(&sel(".stale-mark")).next().is_some())
        .map(|tr| {
            let a = tr.select(&sel("th a")).next().unwrap();
            commune_id(a.value().attr("href").unwrap())
        })
        .collect();
    assert_eq!(flagged, stale);
    let home = b.page("index.html");
    assert_eq!(
        texts(&home, ".kpi-stale dd strong"),
        [stale.len().to_string()]
    );
}

/// Stale states flagged wherever a commune's state is shown on the latest
/// date (issue 13): the criterion pages of the set in use, the officers'
/// page, the year's review, the latest bulletin and the open targets. Each
/// link to a commune whose state is stale carries "số liệu cũ, báo cáo ngày
/// <its last report>", as communes.csv dates it; no other link does.
#[test]
fn stale_states_are_flagged_on_every_page_that_shows_a_state() {
    let b = built();
    let communes = b.csv("communes.csv");
    let summary = b.summary();
    let last = summary.as_array().unwrap().last().unwrap();
    let latest = last["date"].as_str().unwrap();
    let stale: std::collections::BTreeMap<String, String> = communes
        .iter()
        .filter(|r| r["merged_into"].is_empty() && !r["latest_date"].is_empty())
        .filter(|r| days(latest) - days(&r["latest_date"]) > 90)
        .map(|r| (r["id"].clone(), vi_date(&r["latest_date"])))
        .collect();
    assert!(!stale.is_empty());
    let set = communes
        .iter()
        .find(|r| r["merged_into"].is_empty() && !r["criteria_set"].is_empty())
        .map(|r| r["criteria_set"].clone())
        .unwrap();
    let total: usize = communes
        .iter()
        .find(|r| r["criteria_set"] == set)
        .map(|r| r["criteria_total"].parse().unwrap())
        .unwrap();
    let mut pages: Vec<String> = (1..=total)
        .map(|k| format!("tieu-chi/{set}/{k}/index.html"))
        .collect();
    pages.push("can-bo/index.html".into());
    pages.push(format!("nam/{}/index.html", &latest[..4]));
    pages.push(format!("ban-tin/{latest}/index.html"));
    // The targets still open on the latest date (judged on it).
    for t in std::fs::read_dir(sample().join("targets")).unwrap() {
        let path = t.unwrap().path();
        let text = std::fs::read_to_string(&path).unwrap();
        let deadline = text
            .lines()
            .find_map(|l| l.strip_prefix("deadline: "))
            .unwrap()
            .trim()
            .to_string();
        if deadline.as_str() >= latest {
            let id = path.file_stem().unwrap().to_string_lossy().to_string();
            pages.push(format!("muc-tieu/{id}/index.html"));
        }
    }
    let mut flagged = BTreeSet::new();
    for p in &pages {
        for (id, mark) in stale_marks(&b.page(p)) {
            let want = stale
                .get(&id)
                .map(|d| format!("số liệu cũ, báo cáo ngày {d}"));
            assert_eq!(mark, want, "{p}: {id}");
            if mark.is_some() {
                flagged.insert(p.split('/').next().unwrap().to_string());
            }
        }
    }
    // The criterion pages list every commune under the set: each stale one
    // is flagged there.
    assert!(flagged.contains("tieu-chi"), "{flagged:?}");
}

/// On every criterion page of the sample, the communes listed as meeting and
/// not meeting the criterion are exactly those its headline counts: the
/// communes of the latest date under that set (a commune merged away on
/// 1/7/2025 is in neither, though its last state was under QĐ 318).
#[test]
fn criterion_pages_list_what_they_count() {
    let b = built();
    let mut pages = 0;
    for (path, bytes) in b.files() {
        let parts: Vec<&str> = path.split('/').collect();
        if !(parts.len() == 4 && parts[0] == "tieu-chi" && parts[3] == "index.html") {
            continue;
        }
        let page = scraper::Html::parse_document(std::str::from_utf8(&bytes).unwrap());
        let main = texts(&page, ".kpi-main dd strong");
        let known = texts(&page, ".kpi-main dd .of").join("");
        let known: u64 = known
            .trim_start_matches("/ ")
            .split(' ')
            .next()
            .unwrap()
            .replace('.', "")
            .parse()
            .unwrap();
        let meeting: u64 = main[0].replace('.', "").parse().unwrap();
        let yes = page.select(&sel("td.list-yes a")).count() as u64;
        let no = page.select(&sel("td.list-no a")).count() as u64;
        assert_eq!((yes, yes + no), (meeting, known), "{path}");
        pages += 1;
    }
    assert!(pages >= 58, "{pages} criterion pages");
}

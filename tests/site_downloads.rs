//! The downloads page (`du-lieu/`) and the data files beyond the
//! contract's: every file listed exists, with the size and SHA-256 of the
//! bytes written (checked with coreutils' `sha256sum`, not with the code
//! under test); the per-district and per-criterion files agree with
//! `communes.csv` and the pages; the indicator files hold the sample's
//! known totals; the report JSON parses and agrees with the data files; a
//! commune named like a formula stays text; two builds are identical.

mod common;
mod site_support;

use site_support::*;
use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;
use std::sync::OnceLock;

fn built() -> &'static Built {
    static B: OnceLock<Built> = OnceLock::new();
    B.get_or_init(|| build_site(&sample(), Some("https://ntm.example.gov.vn/ha-tinh")))
}

/// `sha256sum` over `files` (relative to `dir`): path → hex digest.
fn sha256sum(dir: &Path, files: &[String]) -> BTreeMap<String, String> {
    let out = std::process::Command::new("sha256sum")
        .current_dir(dir)
        .args(files)
        .output()
        .expect("coreutils' sha256sum");
    assert!(out.status.success());
    String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| {
            let (sum, name) = l.split_once("  ").unwrap();
            (name.to_string(), sum.to_string())
        })
        .collect()
}

/// A data file as rows of named cells.
fn rows(b: &Built, rel: &str) -> Vec<BTreeMap<String, String>> {
    b.csv(rel.trim_start_matches("data/"))
}

fn header(b: &Built, rel: &str) -> Vec<String> {
    common::read_csv(&b.out.join(rel)).swap_remove(0)
}

/// `5.556` → 5556.
fn vi_number(s: &str) -> u64 {
    s.replace('.', "").parse().unwrap()
}

#[test]
fn the_page_lists_every_data_file_with_the_size_and_sha256_written() {
    let b = built();
    let page = b.page("du-lieu/index.html");
    let on_disk: BTreeSet<String> = b
        .files()
        .into_keys()
        .filter(|p| p.starts_with("data/"))
        .collect();
    let mut listed = BTreeMap::new();
    for row in page.select(&sel("table.checksums tbody tr")) {
        let a = row.select(&sel("th a[download]")).next().unwrap();
        let href = a.value().attr("href").unwrap();
        let rel = href.strip_prefix("../").unwrap().to_string();
        let size = row.select(&sel("td.num")).next().unwrap();
        let bytes: u64 = size.value().attr("data-bytes").unwrap().parse().unwrap();
        let sha = text_of(row.select(&sel("td.sha code")).next().unwrap());
        assert_eq!(text_of(a), rel.trim_start_matches("data/"));
        assert!(listed.insert(rel, (bytes, sha, text_of(size))).is_none());
    }
    // Exactly the files written, the contract's and the new ones.
    assert_eq!(listed.keys().cloned().collect::<BTreeSet<_>>(), on_disk);
    for f in [
        "data/communes.csv",
        "data/summary.json",
        "data/huyen/ky-anh.csv",
        "data/tieu-chi/qd-318-2022-17.csv",
        "data/chi-so.csv",
        "data/chi-so-tong.csv",
        "data/bao-cao.json",
    ] {
        assert!(on_disk.contains(f), "{f} missing");
    }
    let names: Vec<String> = listed.keys().cloned().collect();
    let sums = sha256sum(&b.out, &names);
    for (rel, (bytes, sha, size)) in &listed {
        let len = std::fs::metadata(b.out.join(rel)).unwrap().len();
        assert_eq!(*bytes, len, "{rel}: size");
        assert_eq!(sha, &sums[rel], "{rel}: SHA-256");
        // The size as a reader reads it: `812 B`, `43,5 KB`, `5,0 MB`.
        let unit = match len {
            0..1024 => "B",
            1024..1_048_576 => "KB",
            _ => "MB",
        };
        assert!(size.ends_with(&format!(" {unit}")), "{rel}: {size}");
    }
    let report = &listed["data/bao-cao.json"];
    assert_eq!(
        report.2,
        format!("{} MB", {
            let tenths = (report.0 * 10 + 524_288) / 1_048_576;
            format!("{},{}", tenths / 10, tenths % 10)
        })
    );
}

#[test]
fn every_kind_of_file_has_its_columns_explained_licence_and_date() {
    let b = built();
    let page = b.page("du-lieu/index.html");
    let summary = b.summary();
    let latest = summary.as_array().unwrap().last().unwrap()["date"]
        .as_str()
        .unwrap()
        .to_string();
    let sections: Vec<_> = page.select(&sel("section.data-file")).collect();
    assert!(sections.len() >= 11, "{} kinds", sections.len());
    for s in sections {
        let name = text_of(s.select(&sel("h2")).next().unwrap());
        let meta = text_of(s.select(&sel(".file-meta")).next().unwrap());
        assert!(
            meta.contains("Giấy phép dữ liệu: CC BY 4.0"),
            "{name}: {meta}"
        );
        assert!(
            meta.contains(&format!("Số liệu đến ngày: {}", vi_date(&latest))),
            "{name}: {meta}"
        );
        let columns: Vec<(String, String)> = s
            .select(&sel("ul.columns li"))
            .map(|li| {
                let code = text_of(li.select(&sel("code")).next().unwrap());
                let text = text_of(li);
                let meaning = text.strip_prefix(&format!("{code}:")).unwrap_or("").trim();
                (code, meaning.to_string())
            })
            .collect();
        assert!(!columns.is_empty(), "{name}: no columns");
        for (c, meaning) in &columns {
            assert!(
                meaning.chars().count() > 3,
                "{name}: column {c} unexplained"
            );
        }
        // A CSV kind lists exactly the header of each of its files.
        let names: Vec<String> = columns.into_iter().map(|c| c.0).collect();
        for a in s.select(&sel("table.checksums th a")) {
            let rel = a.value().attr("href").unwrap().trim_start_matches("../");
            if rel.ends_with(".csv") {
                assert_eq!(header(b, rel), names, "{rel}");
            }
        }
    }
    // The v1.2 keys of summary.json are among those explained.
    let keys = texts(&page, "#tep-summary-json ul.columns code");
    let first = &summary[0]["all"];
    for k in first.as_object().unwrap().keys() {
        assert!(keys.contains(k), "summary.json key {k} unexplained");
    }
    let keys = texts(&page, "#tep-bao-cao-json ul.columns code");
    let report: serde_json::Value = serde_json::from_str(&b.text("data/bao-cao.json")).unwrap();
    let written: Vec<&String> = report.as_object().unwrap().keys().collect();
    assert_eq!(
        keys.iter().collect::<BTreeSet<_>>(),
        written.into_iter().collect::<BTreeSet<_>>()
    );
}

#[test]
fn district_files_match_communes_csv_and_the_district_pages() {
    let b = built();
    let communes = b.csv("communes.csv");
    let common_cols = header(b, "data/communes.csv");
    let by_id: BTreeMap<&str, &BTreeMap<String, String>> =
        communes.iter().map(|r| (r["id"].as_str(), r)).collect();
    let latest = b.summary().as_array().unwrap().last().unwrap()["date"]
        .as_str()
        .unwrap()
        .to_string();
    let files: Vec<String> = b
        .files()
        .into_keys()
        .filter(|p| p.starts_with("data/huyen/"))
        .collect();
    assert!(files.len() >= 10);
    let mut checked_indicators = 0;
    for f in &files {
        let g = f
            .strip_prefix("data/huyen/")
            .unwrap()
            .strip_suffix(".csv")
            .unwrap();
        let rows = rows(b, f);
        // The district's communes at any depth, each as communes.csv has it.
        let expected: Vec<&str> = communes
            .iter()
            .filter(|r| r["group"] == g || r["group"].starts_with(&format!("{g}/")))
            .map(|r| r["id"].as_str())
            .collect();
        let ids: Vec<&str> = rows.iter().map(|r| r["id"].as_str()).collect();
        assert_eq!(ids, expected, "{f}");
        for r in &rows {
            for c in &common_cols {
                assert_eq!(r[c], by_id[r["id"].as_str()][c], "{f}: {} {c}", r["id"]);
            }
        }
        // The page's figures: communes at the standard of those with data
        // today (former communes are history), and the indicator totals; a
        // former district's page shows its last day, when all its communes were.
        let former = rows.iter().all(|r| !r["merged_into"].is_empty());
        let today: Vec<&BTreeMap<String, String>> = rows
            .iter()
            .filter(|r| (former || r["merged_into"].is_empty()) && !r["latest_date"].is_empty())
            .collect();
        let page = b.page(&format!("huyen/{g}/index.html"));
        let kpi = texts(&page, ".kpi-main dd");
        if !today.is_empty() {
            let standard = today
                .iter()
                .filter(|r| r["meets_standard"] == "true")
                .count();
            let known = today.len();
            assert!(
                kpi[0].starts_with(&format!(
                    "{} / {} ",
                    vi_int(standard as u64),
                    vi_int(known as u64)
                )),
                "{f}: {kpi:?}"
            );
        }
        for kpi in page.select(&sel("section[aria-labelledby='chi-so'] .kpi")) {
            let label = text_of(kpi.select(&sel("dt")).next().unwrap());
            let value = vi_number(&text_of(kpi.select(&sel("dd strong")).next().unwrap()));
            let col = match label.as_str() {
                "Mô hình sản xuất" => "production_models",
                "Mô hình hiệu quả cao" => "efficient_models",
                "Doanh nghiệp" => "enterprises",
                "Hợp tác xã" => "cooperatives",
                other => panic!("{other}"),
            };
            let sum: u64 = today
                .iter()
                .filter(|r| latest >= r["latest_date"])
                .filter_map(|r| r[col].parse::<u64>().ok())
                .sum();
            assert_eq!(sum, value, "{f}: {label}");
            checked_indicators += 1;
        }
    }
    assert!(checked_indicators >= 20, "{checked_indicators}");
}

#[test]
fn criterion_files_match_communes_csv_and_the_criterion_pages() {
    let b = built();
    let communes = b.csv("communes.csv");
    let criteria = b.csv("criteria.csv");
    for cr in &criteria {
        let (set, n) = (&cr["set_id"], &cr["number"]);
        let f = format!("data/tieu-chi/{set}-{n}.csv");
        let rows = rows(b, &f);
        let under: Vec<&BTreeMap<String, String>> = communes
            .iter()
            .filter(|r| &r["criteria_set"] == set)
            .collect();
        assert_eq!(
            rows.iter().map(|r| &r["commune_id"]).collect::<Vec<_>>(),
            under.iter().map(|r| &r["id"]).collect::<Vec<_>>(),
            "{f}"
        );
        for (r, c) in rows.iter().zip(&under) {
            let meets = c["met"].split(';').any(|k| k == n);
            assert_eq!(r["meets"], meets.to_string(), "{f}: {}", c["id"]);
            assert_eq!(r["latest_date"], c["latest_date"]);
            assert_eq!(r["name"], c["name"]);
            // Met since a date no later than the latest report, or not met.
            assert_eq!(r["met_since"].is_empty(), !meets);
            assert!(r["met_since"] <= r["latest_date"]);
        }
        // The criterion's page: each commune in its list of those meeting
        // it or not, and the headline count over today's communes.
        let page = b.page(&format!("tieu-chi/{set}/{n}/index.html"));
        let listed = |class: &str| -> BTreeSet<String> {
            page.select(&sel(&format!("td.{class} a")))
                .map(|a| {
                    let h = a.value().attr("href").unwrap();
                    let id = h.trim_start_matches("../").trim_start_matches("xa/");
                    id.trim_end_matches("/index.html").to_string()
                })
                .collect()
        };
        // The page lists the communes of today; the file keeps the former
        // ones too, marked by `merged_into`.
        let (yes, no) = (listed("list-yes"), listed("list-no"));
        let today: Vec<_> = rows
            .iter()
            .filter(|r| r["merged_into"].is_empty())
            .collect();
        for r in &today {
            let list = if r["meets"] == "true" { &yes } else { &no };
            assert!(list.contains(&r["commune_id"]), "{f}: {}", r["commune_id"]);
        }
        assert_eq!(yes.len() + no.len(), today.len(), "{f}");
        let meeting = rows
            .iter()
            .filter(|r| r["meets"] == "true" && r["merged_into"].is_empty())
            .count() as u64;
        let kpi = texts(&page, ".kpi-main dd strong");
        assert_eq!(kpi, [vi_int(meeting)], "{f}");
    }
}

#[test]
fn indicator_files_hold_the_sample_totals() {
    let b = built();
    let totals = b.csv("chi-so-tong.csv");
    let reported = b.csv("chi-so.csv");
    let summary = b.summary();
    let dates: Vec<&str> = summary
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["date"].as_str().unwrap())
        .collect();
    assert_eq!(
        totals
            .iter()
            .map(|r| r["date"].as_str())
            .collect::<Vec<_>>(),
        dates
    );
    // The sample's known figures: 5.556 production models, 3.036 highly
    // efficient, at the end of 2014.
    let end_2014 = totals
        .iter()
        .rfind(|r| r["date"].as_str() <= "2014-12-31")
        .unwrap();
    assert_eq!(end_2014["production_models"], "5556");
    assert_eq!(end_2014["efficient_models"], "3036");
    // Each total is the sum of the communes' latest reports up to its date
    // (before the mergers of 2025, when former communes leave the totals).
    let mut latest: BTreeMap<&str, [Option<u64>; 4]> = BTreeMap::new();
    let keys = [
        "production_models",
        "efficient_models",
        "enterprises",
        "cooperatives",
    ];
    let mut next = 0;
    for t in totals.iter().filter(|t| t["date"].as_str() < "2025-07-01") {
        while next < reported.len() && reported[next]["date"] <= t["date"] {
            let r = &reported[next];
            let slot = latest.entry(&r["commune_id"]).or_default();
            for (i, k) in keys.iter().enumerate() {
                if let Ok(v) = r[*k].parse() {
                    slot[i] = Some(v);
                }
            }
            next += 1;
        }
        for (i, k) in keys.iter().enumerate() {
            let n = latest.values().filter(|v| v[i].is_some()).count();
            let sum: u64 = latest.values().filter_map(|v| v[i]).sum();
            let expect = if n == 0 {
                String::new()
            } else {
                sum.to_string()
            };
            assert_eq!(t[*k], expect, "{} {k}", t["date"]);
            assert_eq!(t[&format!("{k}_communes")], n.to_string());
        }
    }
    assert!(next > 1000, "{next} reports read");
}

#[test]
fn the_report_json_parses_and_agrees_with_the_data_files() {
    let b = built();
    let report: serde_json::Value = serde_json::from_str(&b.text("data/bao-cao.json")).unwrap();
    let summary = b.summary();
    assert_eq!(report["summaries"], summary);
    let last = summary.as_array().unwrap().last().unwrap();
    assert_eq!(report["data_date"], last["date"]);
    assert_eq!(report["province"]["known"], last["all"]["known"]);
    assert_eq!(
        report["province"]["meets_standard"],
        last["all"]["meets_standard"]
    );
    let communes = b.csv("communes.csv");
    let list = report["communes"].as_array().unwrap();
    assert_eq!(list.len(), communes.len());
    for (j, c) in list.iter().zip(&communes) {
        assert_eq!(j["id"], c["id"].as_str());
        match j["states"].as_array().unwrap().last() {
            Some(s) => {
                assert_eq!(s["date"], c["latest_date"].as_str());
                assert_eq!(s["met_count"].to_string(), c["met_count"]);
                let met: Vec<String> = s["met"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|k| k.to_string())
                    .collect();
                assert_eq!(met.join(";"), c["met"]);
            }
            None => assert!(c["latest_date"].is_empty()),
        }
    }
    let changes = b.csv("changes.csv");
    let jc = report["changes"].as_array().unwrap();
    assert_eq!(jc.len(), changes.len());
    for (j, c) in jc.iter().zip(&changes) {
        assert_eq!(
            (j["date"].as_str(), j["commune_id"].as_str()),
            (Some(c["date"].as_str()), Some(c["commune_id"].as_str()))
        );
        assert_eq!(j["met_after"].to_string(), c["met_after"]);
    }
    let years = b.csv("years.csv");
    for (j, y) in report["years"].as_array().unwrap().iter().zip(&years) {
        assert_eq!(j["meets_standard"].to_string(), y["meets_standard"]);
        assert_eq!(
            j["newly_standard"].as_array().unwrap().len().to_string(),
            y["newly_standard"]
        );
    }
    let totals = b.csv("chi-so-tong.csv");
    let ji = report["indicators"].as_array().unwrap().last().unwrap();
    for k in ["production_models", "enterprises"] {
        // A total no commune reports any more is absent, its cell empty.
        let j = ji["totals"]
            .get(k)
            .map(|v| v.to_string())
            .unwrap_or_default();
        assert_eq!(j, totals.last().unwrap()[k], "{k}");
    }
}

#[test]
fn a_commune_named_like_a_formula_stays_text_in_the_new_files() {
    let f = common::Fixture::new()
        .file("communes/d/_index.yaml", "name: Huyện D\n")
        .file(
            "communes/d/a.yaml",
            "name: \"=HYPERLINK(\\\"http://x\\\")\"\n",
        )
        .file("communes/d/b.yaml", "name: \"@SUM(A1)\"\n")
        .file(
            "progress/2015-03-06.yaml",
            "communes:\n  d/a: {met: [1, 2], production_models: 4}\n  d/b: [1]\n",
        );
    let out = f.build().unwrap_or_else(|e| panic!("{e:?}"));
    let safe = "'=HYPERLINK(\"http://x\")";
    for (file, col) in [
        ("data/huyen/d.csv", "name"),
        ("data/tieu-chi/old-1.csv", "name"),
        ("data/tieu-chi/old-5.csv", "name"),
        ("data/chi-so.csv", "name"),
    ] {
        let rows = common::read_csv(&out.join(file));
        let c = rows[0].iter().position(|h| h == col).unwrap();
        assert_eq!(rows[1][c], safe, "{file}");
        if file != "data/chi-so.csv" {
            assert_eq!(rows[2][c], "'@SUM(A1)", "{file}");
        }
        // No cell of any of these files starts a formula.
        for r in &rows {
            for cell in r {
                assert!(!cell.starts_with(['=', '+', '@']), "{file}: {cell}");
            }
        }
    }
    // JSON values are never changed.
    let report: serde_json::Value =
        serde_json::from_slice(&std::fs::read(out.join("data/bao-cao.json")).unwrap()).unwrap();
    assert_eq!(report["communes"][0]["name"], "=HYPERLINK(\"http://x\")");
    assert_eq!(
        report["communes"][0]["states"][0]["indicators"]["production_models"],
        4
    );
}

#[test]
fn two_builds_are_byte_identical_and_the_contract_files_unchanged() {
    for dir in [common::example_dir(), common::example_2026_dir()] {
        let content = dir.join("content");
        let one = build_site(&content, None);
        let two = build_site(&content, None);
        let (a, b) = (one.files(), two.files());
        assert_eq!(a.keys().collect::<Vec<_>>(), b.keys().collect::<Vec<_>>());
        for (p, bytes) in &a {
            assert!(bytes == &b[p], "{}: {p} differs", dir.display());
        }
        // The contract's files, byte for byte as the worked example has them.
        for e in std::fs::read_dir(dir.join("expected")).unwrap() {
            let e = e.unwrap();
            let name = e.file_name().to_string_lossy().into_owned();
            let expected = std::fs::read(e.path()).unwrap();
            assert!(
                a[&format!("data/{name}")] == expected,
                "{}: data/{name}",
                dir.display()
            );
        }
        assert!(a.keys().any(|p| p.starts_with("data/huyen/")));
        assert!(a.contains_key("data/bao-cao.json"));
    }
}

#[test]
fn the_english_edition_explains_every_file_in_english() {
    let f = common::Fixture::new()
        .file(
            "site.yaml",
            &format!("{}language: en\ndata_license: CC BY 4.0\n", common::SITE),
        )
        .file("communes/d/_index.yaml", "name: Huyện D\n")
        .file("communes/d/a.yaml", "name: Xã A\n")
        .file(
            "progress/2015-03-06.yaml",
            "communes:\n  d/a: {met: [1, 2], enterprises: 3}\n",
        );
    let out = f.build().unwrap_or_else(|e| panic!("{e:?}"));
    let page = scraper::Html::parse_document(
        &std::fs::read_to_string(out.join("du-lieu/index.html")).unwrap(),
    );
    let main = text_of(page.select(&sel("main")).next().unwrap());
    for english in [
        "The commune's id",
        "Data as of: 6 Mar 2015",
        "Data licence: CC BY 4.0",
        "huyen/<district id>.csv",
        "tieu-chi/<set id>-<criterion number>.csv",
        "Size and SHA-256 of",
    ] {
        assert!(main.contains(english), "{english} missing");
    }
    // None of the site's own Vietnamese words: only the names of the data
    // (Huyện D, Xã A) may be Vietnamese, and they are not on this page.
    for vi in [
        "Mã xã",
        "Số liệu",
        "Các cột",
        "mã huyện",
        "Dung lượng",
        "tệp",
    ] {
        assert!(!main.contains(vi), "{vi} on the English page");
    }
}

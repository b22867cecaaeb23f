//! Hand-computed figures of a small province: a baseline, a re-base at a set
//! switch, a commune that loses a criterion, one never listed, a target
//! commune, a nested group and a commune directly under `communes/`, and the
//! two-decimal rounding of averages.

mod common;

use common::{Fixture, read_csv};
use serde_json::Value;

/// District d1 holds a (target 2015), b, and the nested group d1/g with c;
/// d2 holds only `never`; x sits directly under communes/.
fn province() -> Fixture {
    Fixture::new()
        .file("communes/d1/_index.yaml", "name: Huyện Một\n")
        .file("communes/d1/a.yaml", "name: Xã A\ntarget_year: 2015\n")
        .file("communes/d1/b.yaml", "name: Xã B\n")
        .file("communes/d1/g/_index.yaml", "name: Cụm G\nkind: cụm xã\n")
        .file("communes/d1/g/c.yaml", "name: Xã C\n")
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
}

fn summary(out: &std::path::Path) -> Vec<Value> {
    let v: Value =
        serde_json::from_slice(&std::fs::read(out.join("data/summary.json")).unwrap()).unwrap();
    v.as_array().unwrap().clone()
}

#[test]
fn per_date_summaries_follow_the_definitions() {
    let f = province();
    let out = f.build().expect("builds");
    let s = summary(&out);
    assert_eq!(s.len(), 4);

    // 2015-03-06: four baselines; 2+3+5+0 = 10 over 4 communes.
    let d0 = &s[0]["all"];
    assert_eq!(d0["known"], 4);
    assert_eq!(d0["meets_standard"], 1);
    assert_eq!(d0["average_met"].as_f64(), Some(2.5));
    assert_eq!(d0["bands"]["standard"], 1);
    assert_eq!(d0["bands"]["0-4"], 3);
    assert_eq!(d0["baseline"], 4);
    assert_eq!(d0["no_gain"], 4);
    assert_eq!(s[0]["target"]["known"], 1);
    assert_eq!(s[0]["target"]["average_met"].as_f64(), Some(2.0));

    // 2015-03-13: a gains 3, b loses 2.
    let d1 = &s[1]["all"];
    assert_eq!(
        (
            d1["reporting"].as_u64(),
            d1["communes_gained"].as_u64(),
            d1["criteria_gained"].as_u64()
        ),
        (Some(2), Some(1), Some(1))
    );
    assert_eq!(
        (d1["communes_lost"].as_u64(), d1["criteria_lost"].as_u64()),
        (Some(1), Some(1))
    );
    assert_eq!(d1["no_gain"], 3);
    assert_eq!(s[1]["target"]["communes_gained"], 1);
    assert_eq!(s[1]["target"]["no_gain"], 0);

    // 2016-01-08: a and x re-based onto the new set: no gain, no loss.
    let d2 = &s[2]["all"];
    assert_eq!(d2["rebased"], 2);
    assert_eq!(d2["communes_gained"], 0);
    assert_eq!(d2["communes_lost"], 0);
    assert_eq!(d2["average_met"].as_f64(), Some(3.0)); // 4+2+5+1
    // Nobody's target year is 2016.
    assert_eq!(s[2]["target"]["known"], 0);
    assert!(s[2]["target"]["average_met"].is_null());

    // 2016-01-15: a meets all six of the new set; c still meets its old set.
    let d3 = &s[3]["all"];
    assert_eq!(d3["meets_standard"], 2);
    assert_eq!(d3["average_met"].as_f64(), Some(3.5));
    assert_eq!(d3["criteria_gained"], 2);
}

#[test]
fn changes_and_communes_files() {
    let f = province();
    let out = f.build().unwrap();
    let changes = read_csv(&out.join("data/changes.csv"));
    assert_eq!(
        changes,
        vec![
            vec![
                "date",
                "commune_id",
                "gained",
                "lost",
                "met_before",
                "met_after"
            ],
            vec!["2015-03-13", "d1/a", "3", "", "2", "3"],
            vec!["2015-03-13", "d1/b", "", "2", "3", "2"],
            vec!["2016-01-15", "d1/a", "5;6", "", "4", "6"],
        ]
    );
    let communes = read_csv(&out.join("data/communes.csv"));
    let row = |id: &str| communes.iter().find(|r| r[0] == id).unwrap().clone();
    assert_eq!(row("d1/g/c")[2], "d1/g", "nested group id");
    assert_eq!(
        row("x")[2],
        "",
        "a commune directly under communes/ has no group"
    );
    assert_eq!(
        row("d1/a")[3..9],
        ["2016-01-15", "new", "6", "6", "1;2;3;4;5;6", "true"]
    );
    assert_eq!(
        row("d2/never")[3..9],
        ["", "", "", "", "", ""],
        "never listed: empty state"
    );
    assert_eq!(
        row("d1/g/c")[8],
        "true",
        "meets the standard under its own set"
    );
}

#[test]
fn year_review() {
    let f = province();
    let out = f.build().unwrap();
    let years = read_csv(&out.join("data/years.csv"));
    assert_eq!(
        years[1..],
        [
            vec!["2015", "2015-12-31", "4", "1", "1", "0", "", "0"],
            // Only b and c keep one set across 2016; both unchanged.
            vec!["2016", "2016-01-15", "4", "2", "1", "2", "0.00", "1"],
        ]
    );
}

#[test]
fn targets_are_evaluated_on_their_deadline_or_the_latest_date() {
    let f = province();
    let out = f.build().unwrap();
    let t = read_csv(&out.join("data/targets.csv"));
    let row = |id: &str| t.iter().find(|r| r[0] == id).unwrap()[6..].to_vec();
    assert_eq!(row("t1"), ["missed", "2015-06-30", "1"], "x meets 0 < 2");
    assert_eq!(
        row("t3"),
        ["achieved", "2015-12-31", "0"],
        "met in a nested group"
    );
    assert_eq!(
        row("t4"),
        ["missed", "2015-12-31", "1"],
        "a had 3 of 5 at the end of 2015"
    );
    assert_eq!(
        row("t2"),
        ["open", "2016-01-15", "1"],
        "d2 has no commune at the standard; x counts in no district"
    );
    // Ordered by deadline, then id.
    let ids: Vec<&str> = t[1..].iter().map(|r| r[0].as_str()).collect();
    assert_eq!(ids, ["t1", "t3", "t4", "t2"]);
}

#[test]
fn warnings_name_the_loss_and_the_commune_never_listed() {
    let msg = province().messages();
    assert!(
        msg.contains("progress/2015-03-13.yaml:3:3: warning: 'd1/b' lost criterion 2"),
        "{msg}"
    );
    assert!(
        msg.contains("communes/d2/never.yaml: warning: no snapshot lists 'd2/never'"),
        "{msg}"
    );
}

#[test]
fn indicator_totals_take_each_communes_latest_value() {
    let f = province().file(
        "progress/2016-01-22.yaml",
        "communes:\n  d1/b:\n    met: [1, 3]\n    production_models: 5\n    cooperatives: 2\n",
    );
    let checked = f.check().unwrap();
    let p = &checked.report.latest.province;
    assert_eq!(p.indicators[0], 12, "7 from a (2016-01-15) + 5 from b");
    assert_eq!(p.indicators[3], 2);
    let d1 = checked.content.group_by_id("d1").unwrap();
    assert_eq!(checked.report.latest.groups[d1].indicators[0], 12);
    let g = checked.content.group_by_id("d1/g").unwrap();
    assert_eq!(checked.report.latest.groups[g].indicators[0], 0);
}

#[test]
fn averages_round_half_away_from_zero_from_exact_sums() {
    // 2 communes with 1 and 2 criteria, then one more with 0: 3/3 = 1.00; 1/3 → 0.33; 2/3 → 0.67.
    let f = Fixture::new()
        .file("communes/a.yaml", "name: A\n")
        .file("communes/b.yaml", "name: B\n")
        .file("communes/c.yaml", "name: C\n")
        .file(
            "progress/2015-01-02.yaml",
            "communes:\n  a: [1]\n  b: [1]\n  c: []\n",
        )
        .file(
            "progress/2015-01-09.yaml",
            "communes:\n  a: [1]\n  b: []\n  c: []\n",
        );
    let out = f.build().unwrap();
    let s = summary(&out);
    assert_eq!(s[0]["all"]["average_met"].to_string(), "0.67");
    assert_eq!(s[1]["all"]["average_met"].to_string(), "0.33");
}

#[test]
fn no_snapshot_at_all() {
    let f = Fixture::new()
        .file("communes/a.yaml", "name: A\ntarget_year: 2015\n")
        .file(
            "targets/t.yaml",
            "title: T\ndeadline: 2015-12-31\nmeasure: min_met\nvalue: 3\n",
        );
    let out = f.build().unwrap();
    assert_eq!(
        std::fs::read_to_string(out.join("data/summary.json"))
            .unwrap()
            .trim(),
        "[]"
    );
    let years = read_csv(&out.join("data/years.csv"));
    assert_eq!(years.len(), 1, "only the header");
    let t = read_csv(&out.join("data/targets.csv"));
    assert_eq!(t[1][6..], ["open", "", "0"]);
}

#[test]
fn nfd_bom_and_crlf_files_read_as_nfc() {
    let nfd = "\u{feff}name: Ye\u{302}n Ho\u{302}\u{300}\r\ntarget_year: 2015\r\n";
    let f = Fixture::new()
        .bytes("communes/yen-ho.yaml", nfd.as_bytes())
        .file("progress/2015-01-02.yaml", "communes:\n  yen-ho: []\n");
    let out = f.build().unwrap();
    let c = read_csv(&out.join("data/communes.csv"));
    assert_eq!(c[1][1], "Yên Hồ");
}

//! Hand-computed figures of a small v1.2 province: indicators met and
//! gained (with a row for an indicator-only change), a merger (the former
//! communes count nowhere from it on and keep their last state in
//! communes.csv, the new commune starts with a baseline), stale states with
//! `stale_after_days: 10`, and targets over the communes that exist.

mod common;

use common::{Fixture, SITE, read_csv};
use serde_json::Value;

const SET: &str = "name: Bộ 2024\nvalid_from: 2024-01-01\ncriteria:\n  - {number: 1, name: Quy hoạch}\n  - number: 2\n    name: Giao thông\n    indicators:\n      - {id: 2.1, name: Đường xã}\n      - {id: 2.2, name: Đường thôn}\n  - {number: 3, name: Thủy lợi}\n";

/// District d holds a (target 2024) and b, merged on 2024-02-01 into x
/// (target 2024); district e holds c, never merged.
fn province() -> Fixture {
    Fixture::empty()
        .file("site.yaml", &format!("{SITE}stale_after_days: 10\n"))
        .file("criteria/bo-2024.yaml", SET)
        .file("communes/d/_index.yaml", "name: Huyện D\n")
        .file("communes/d/a.yaml", "name: Xã A\ntarget_year: 2024\n")
        .file("communes/d/b.yaml", "name: Xã B\n")
        .file("communes/e/_index.yaml", "name: Huyện E\n")
        .file("communes/e/c.yaml", "name: Xã C\n")
        .file(
            "communes/x.yaml",
            "name: Xã X\nestablished: 2024-02-01\nmerged_from: [d/a, d/b]\ntarget_year: 2024\nclass: 2\n",
        )
        .file(
            "progress/2024-01-05.yaml",
            "communes:\n  d/a: [1, \"2.1\"]\n  d/b: all\n  e/c: [1]\n",
        )
        .file("progress/2024-01-12.yaml", "communes:\n  d/a: [1, 2.1, 2.2]\n  e/c: [1, 3]\n")
        .file("progress/2024-01-19.yaml", "communes:\n  e/c: [1, 3, 2.1]\n")
        .file("progress/2024-01-26.yaml", "communes:\n  e/c: [1, 3]\n")
        .file("progress/2024-02-02.yaml", "communes:\n  x: [1]\n")
        .file(
            "targets/moi-huyen.yaml",
            "title: Mỗi huyện một xã đạt chuẩn\ndeadline: 2024-02-02\nmeasure: standard_per_group\nvalue: 1\n",
        )
        .file(
            "targets/ve-dich.yaml",
            "title: Xã đăng ký 2024 về đích\ndeadline: 2024-12-31\nmeasure: target_year_done\n",
        )
}

fn summary(out: &std::path::Path) -> Vec<Value> {
    let v: Value =
        serde_json::from_slice(&std::fs::read(out.join("data/summary.json")).unwrap()).unwrap();
    v.as_array().unwrap().clone()
}

#[test]
fn stale_counts_indicators_and_the_merger_in_summary_json() {
    let f = province();
    let out = f.build().expect("builds");
    let s = summary(&out);
    let all = |i: usize, k: &str| s[i]["all"][k].as_u64().unwrap();
    // 01-05: three baselines, nobody stale.
    assert_eq!(
        (all(0, "known"), all(0, "baseline"), all(0, "stale")),
        (3, 3, 0)
    );
    // 01-12: a completes criterion 2 through 2.2 (one indicator), c gains 3.
    assert_eq!(
        (
            all(1, "criteria_gained"),
            all(1, "indicators_gained"),
            all(1, "stale")
        ),
        (2, 1, 0)
    );
    // 01-19: c gains indicator 2.1 only; b's state of 01-05 is 14 days old
    // (more than 10): stale; a's of 01-12 is 7 days old: fresh.
    assert_eq!(
        (
            all(2, "communes_gained"),
            all(2, "indicators_gained"),
            all(2, "stale")
        ),
        (0, 1, 1)
    );
    // 01-26: c loses 2.1 again; a (14 days) and b (21 days) are stale.
    assert_eq!((all(3, "indicators_lost"), all(3, "stale")), (1, 2));
    // 02-02: a and b merged into x on 02-01: unknown, counted nowhere; x is
    // a baseline; c (7 days) is fresh. 2 known, 1 + 2 = 3 criteria.
    assert_eq!(
        (all(4, "known"), all(4, "baseline"), all(4, "stale")),
        (2, 1, 0)
    );
    assert_eq!(s[4]["all"]["average_met"].as_f64(), Some(1.5));
    // Target communes of 2024 on 02-02: x only (a is a former commune).
    assert_eq!(s[4]["target"]["known"], 1);
    assert_eq!(s[3]["target"]["known"], 1);
    assert_eq!(s[3]["target"]["stale"], 1);
}

#[test]
fn changes_communes_and_targets_files() {
    let f = province();
    let out = f.build().expect("builds");
    let changes = read_csv(&out.join("data/changes.csv"));
    assert_eq!(
        changes,
        [
            "date,commune_id,gained,lost,met_before,met_after,indicators_gained,indicators_lost",
            "2024-01-12,d/a,2,,1,2,2.2,",
            "2024-01-12,e/c,3,,1,2,,",
            "2024-01-19,e/c,,,2,2,2.1,",
            "2024-01-26,e/c,,,2,2,,2.1",
        ]
        .iter()
        .map(|l| l.split(',').map(str::to_string).collect::<Vec<_>>())
        .collect::<Vec<_>>()
    );
    let communes = read_csv(&out.join("data/communes.csv"));
    assert_eq!(
        communes[0][13..],
        [
            "class",
            "established",
            "merged_into",
            "indicators_met",
            "indicators_total"
        ]
    );
    let row = |id: &str| communes.iter().find(|r| r[0] == id).unwrap().clone();
    // A former commune keeps its last listing as its latest state.
    assert_eq!(row("d/a")[3..6], ["2024-01-12", "bo-2024", "2"]);
    assert_eq!(row("d/a")[13..], ["", "", "x", "2", "2"]);
    assert_eq!(row("d/b")[13..], ["", "", "x", "2", "2"]);
    assert_eq!(row("e/c")[13..], ["", "", "", "0", "2"]);
    assert_eq!(row("x")[13..], ["2", "2024-02-01", "", "0", "2"]);
    let targets = read_csv(&out.join("data/targets.csv"));
    // moi-huyen on 02-02: district d's communes all merged away, so it is
    // left out; e has no commune at the standard: missed, shortfall 1.
    assert_eq!(targets[1][0], "moi-huyen");
    assert_eq!(targets[1][6..], ["missed", "2024-02-02", "1"]);
    // ve-dich, open on 02-02: of the target-2024 communes only x exists.
    assert_eq!(targets[2][6..], ["open", "2024-02-02", "1"]);
}

#[test]
fn v12_columns_only_for_content_that_uses_v12() {
    let v11 = Fixture::new()
        .file("communes/a.yaml", "name: A\n")
        .file("progress/2015-03-06.yaml", "communes:\n  a: [1]\n");
    let out = v11.build().unwrap();
    assert_eq!(read_csv(&out.join("data/communes.csv"))[0].len(), 13);
    assert_eq!(read_csv(&out.join("data/changes.csv"))[0].len(), 6);
    assert!(
        !std::fs::read_to_string(out.join("data/summary.json"))
            .unwrap()
            .contains("stale")
    );
    // stale_after_days alone makes it v1.2 content.
    let v12 = Fixture::new()
        .file("site.yaml", &format!("{SITE}stale_after_days: 30\n"))
        .file("communes/a.yaml", "name: A\n")
        .file("progress/2015-03-06.yaml", "communes:\n  a: [1]\n");
    let out = v12.build().unwrap();
    let c = read_csv(&out.join("data/communes.csv"));
    assert_eq!(c[0].len(), 18);
    // A set without indicators: the indicator cells are empty.
    assert_eq!(c[1][16..], ["", ""]);
    assert_eq!(read_csv(&out.join("data/changes.csv"))[0].len(), 8);
    let s = summary(&out);
    assert_eq!(s[0]["all"]["stale"], 0);
    assert_eq!(s[0]["target"]["indicators_gained"], 0);
}

#[test]
fn text_cells_never_run_as_spreadsheet_formulas() {
    let f = Fixture::new()
        .file(
            "communes/a.yaml",
            "name: \"=HYPERLINK(\\\"http://x\\\")\"\n",
        )
        .file("communes/b.yaml", "name: \"-Xã B\"\n")
        .file(
            "progress/2015-03-06.yaml",
            "communes:\n  a: [1]\n  b: [1]\n",
        )
        .file(
            "targets/t.yaml",
            "title: \"+2 xã đạt chuẩn\"\ndeadline: 2015-12-31\nmeasure: standard_count\nvalue: 2\n",
        );
    let out = f.build().unwrap();
    let c = read_csv(&out.join("data/communes.csv"));
    assert_eq!(c[1][1], "'=HYPERLINK(\"http://x\")");
    assert_eq!(c[2][1], "'-Xã B");
    let t = read_csv(&out.join("data/targets.csv"));
    assert_eq!(t[1][1], "'+2 xã đạt chuẩn");
}

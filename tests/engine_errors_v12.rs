//! Every error of content format v1.2 (indicators, commune classes, mergers,
//! stale_after_days) at its file, line and column, with what would be right.
//! The exact text a clerk reads, in both languages, is kept in insta snapshots.

mod common;

use common::{Fixture, SITE};

/// 2021–2025: criterion 2 has indicators 2.1–2.4. 2026–: classes 1 and 2,
/// criterion 1 has 1.1 and 1.2. Before 2021: a set without indicators.
const SET_2021: &str = "name: Bộ 2021\nvalid_from: 2021-01-01\nvalid_until: 2025-12-31\ncriteria:\n  - {number: 1, name: Quy hoạch}\n  - number: 2\n    name: Giao thông\n    indicators:\n      - {id: 2.1, name: Đường xã}\n      - {id: 2.2, name: Đường thôn}\n      - {id: 2.3, name: Đường ngõ}\n      - {id: 2.4, name: Đường nội đồng}\n  - {number: 3, name: Thủy lợi}\n";
const SET_2026: &str = "name: Bộ 2026\nvalid_from: 2026-01-01\nclasses:\n  1: Xã liền kề đô thị\n  2: Xã còn lại\ncriteria:\n  - number: 1\n    name: Quy hoạch\n    indicators:\n      - {id: 1.1, name: Có quy hoạch}\n      - {id: 1.2, name: Công khai quy hoạch}\n  - {number: 2, name: Hạ tầng}\n";
const SET_2015: &str = "name: Bộ 2015\nvalid_from: 2015-01-01\nvalid_until: 2020-12-31\ncriteria:\n  - {number: 1, name: Quy hoạch}\n  - {number: 2, name: Giao thông}\n";

fn base() -> Fixture {
    Fixture::empty()
        .file("site.yaml", SITE)
        .file("criteria/bo-2015.yaml", SET_2015)
        .file("criteria/bo-2021.yaml", SET_2021)
        .file("criteria/bo-2026.yaml", SET_2026)
        .file("communes/d/_index.yaml", "name: Huyện D\n")
        .file("communes/d/a.yaml", "name: Xã A\n")
        .file("communes/d/b.yaml", "name: Xã B\n")
        .file("communes/d/c.yaml", "name: Xã C\n")
}

/// The English and the Vietnamese report of one run, each its own snapshot
/// (`<test>` and `<test>_vi`).
macro_rules! assert_both {
    ($name:literal, $f:expr) => {{
        let d = match $f.check() {
            Ok(c) => c.diagnostics,
            Err(d) => d,
        };
        insta::assert_snapshot!($name, d.render_in(ntm_site::diag::Lang::En));
        insta::assert_snapshot!(concat!($name, "_vi"), d.render_in(ntm_site::diag::Lang::Vi));
    }};
}

#[test]
fn indicator_ids_in_a_set() {
    let f = base().file(
        "criteria/bo-sai.yaml",
        "name: Bộ sai\nvalid_from: 2030-01-01\nclasses:\n  0: Không có nhóm 0\n  hai: Nhóm hai\ncriteria:\n  - number: 1\n    name: A\n    indicators:\n      - {id: 1.1, name: X}\n      - {id: 1.1, name: Y}\n      - {id: 1.4, name: Z}\n  - number: 2\n    name: B\n    indicators:\n      - {id: 2.1.1, name: X}\n      - {id: x, name: Y}\n      - {id: 3.3, name: Z}\n  - number: 3\n    name: C\n    indicators:\n      - {id: 3.0, name: X}\n      - {id: \"3.2\"}\n",
    );
    assert_both!("indicator_ids_in_a_set", f);
}

#[test]
fn snapshot_lists_with_indicators() {
    let f = base()
        .file(
            "progress/2024-01-05.yaml",
            "communes:\n  d/a: [1, 2, \"2.1\"]\n  d/b: [2.5, 3, 2.10]\n  d/c: [\"2.3\", 2.3, 2]\n",
        )
        .file("progress/2020-06-05.yaml", "communes:\n  d/a: [1, 2.1]\n");
    assert_both!("snapshot_lists_with_indicators", f);
}

#[test]
fn merger_rules() {
    let f = base()
        .file("communes/d/b.yaml", "name: Xã B\nestablished: 2025-08-01\n")
        .file(
            "communes/n.yaml",
            "name: Xã Mới\nestablished: 2025-07-01\ntarget_year: 2024\nmerged_from: [d/a, d/b, d/x, n]\n",
        )
        .file("communes/m.yaml", "name: Xã M\nestablished: 2025-07-01\nmerged_from: [d/a]\n")
        .file("communes/p.yaml", "name: Xã P\nmerged_from: [d/c]\n")
        .file("communes/l1.yaml", "name: Vòng 1\nestablished: 2025-01-01\nmerged_from: [l2]\n")
        .file("communes/l2.yaml", "name: Vòng 2\nestablished: 2024-01-01\nmerged_from: [l1]\n");
    assert_both!("merger_rules", f);
}

#[test]
fn snapshots_list_only_communes_that_exist() {
    // d/a and d/b become d/ab on 2024-05-01, which becomes part of n on
    // 2025-07-01 (a chain); n is class 3, which the 2026 set does not have.
    let f = base()
        .file(
            "communes/d/ab.yaml",
            "name: Xã AB\nestablished: 2024-05-01\nmerged_from: [d/a, d/b]\n",
        )
        .file(
            "communes/n.yaml",
            "name: Xã Mới\nestablished: 2025-07-01\nclass: 3\nmerged_from: [d/ab]\n",
        )
        .file(
            "progress/2024-04-26.yaml",
            "communes:\n  d/a: [1]\n  d/ab: [1]\n  n: [1]\n",
        )
        .file(
            "progress/2024-06-07.yaml",
            "communes:\n  d/a: [1]\n  d/ab: [1]\n",
        )
        .file(
            "progress/2025-07-04.yaml",
            "communes:\n  d/a: [1]\n  d/ab: [1]\n  n: [1]\n",
        )
        .file(
            "progress/2026-01-09.yaml",
            "communes:\n  n: [1]\n  d/c: [1]\n",
        );
    assert_both!("snapshots_list_only_communes_that_exist", f);
}

#[test]
fn commune_class_and_site_stale_days() {
    let f = base()
        .file("site.yaml", &format!("{SITE}stale_after_days: 0\n"))
        .file(
            "communes/d/a.yaml",
            "name: Xã A\nclass: 0\nestablished: 1/7/2025\n",
        );
    assert_both!("commune_class_and_site_stale_days", f);
}

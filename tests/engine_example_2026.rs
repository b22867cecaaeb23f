//! The worked example of content format v1.2 (`tests/fixtures/example-2026`,
//! a copy of the contract's): indicators, commune classes, the 2025 mergers
//! and stale states. A build must write its six expected data files byte for
//! byte; and the v1.1 example keeps its own files, without the v1.2 columns.

mod common;

use std::path::Path;

fn build(dir: &Path, out: &Path) {
    let opts = ntm_site::build::BuildOptions {
        content: dir.join("content"),
        output: out.to_path_buf(),
        base_url: None,
        drafts: false,
        deny_warnings: false,
        pdf: None,
    };
    ntm_site::build::build(&opts).expect("the worked example builds");
}

const FILES: [&str; 6] = [
    "communes.csv",
    "changes.csv",
    "criteria.csv",
    "targets.csv",
    "years.csv",
    "summary.json",
];

fn assert_same_files(dir: &Path, out: &Path) {
    for name in FILES {
        let got = std::fs::read(out.join("data").join(name)).unwrap();
        let want = std::fs::read(dir.join("expected").join(name)).unwrap();
        assert_eq!(
            String::from_utf8_lossy(&got),
            String::from_utf8_lossy(&want),
            "{name} differs from the worked example in {}",
            dir.display()
        );
        assert_eq!(got, want, "{name} bytes differ");
    }
}

#[test]
fn worked_example_2026_writes_its_six_data_files_byte_for_byte() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("out");
    let dir = common::example_2026_dir();
    build(&dir, &out);
    assert_same_files(&dir, &out);
}

#[test]
fn worked_example_v1_1_keeps_its_six_data_files_byte_for_byte() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("out");
    let dir = common::example_dir();
    build(&dir, &out);
    assert_same_files(&dir, &out);
    let communes = std::fs::read_to_string(out.join("data/communes.csv")).unwrap();
    let header = communes.lines().next().unwrap();
    assert_eq!(header.split(',').count(), 13, "{header}");
    let summary = std::fs::read_to_string(out.join("data/summary.json")).unwrap();
    assert!(!summary.contains("stale"), "no v1.2 key in v1.1 content");
}

#[test]
fn worked_example_2026_loads_17_10_as_indicator_ten() {
    let dir = common::example_2026_dir();
    let checked = ntm_site::build::check(&dir.join("content"), false, false).expect("loads");
    let c = &checked.content;
    let set = c.sets.iter().find(|s| s.id == "qd-318-2022").unwrap();
    let ids: Vec<&str> = set.criteria[16]
        .indicators
        .iter()
        .map(|x| x.id.as_str())
        .collect();
    assert_eq!(ids.len(), 12);
    assert_eq!(ids[9], "17.10");
    assert_eq!(ids[0], "17.1");
    assert_eq!(set.indicator_count(), 16);
    let new = c.sets.iter().find(|s| s.id == "qd-51-2025").unwrap();
    assert_eq!((new.len(), new.indicator_count()), (10, 47));
    assert_eq!(
        new.classes.iter().map(|k| k.number).collect::<Vec<_>>(),
        [1, 2, 3]
    );
    // Đức Lâm → Lâm Hòa (2024-05-01) → Đức Thọ (2025-07-01): a chain.
    let lam = c.commune_by_id("duc-tho/duc-lam").unwrap();
    let lam_hoa = c.commune_by_id("duc-tho/lam-hoa").unwrap();
    let duc_tho = c.commune_by_id("duc-tho").unwrap();
    assert_eq!(c.communes[lam].merged_into, Some(lam_hoa));
    assert_eq!(c.communes[lam_hoa].merged_into, Some(duc_tho));
    let d = |s: &str| ntm_site::date::Date::parse_iso(s).unwrap();
    assert_eq!(c.holder_on(lam, d("2024-06-28")), lam_hoa);
    assert_eq!(c.holder_on(lam, d("2025-07-01")), duc_tho);
    assert!(c.exists_on(lam, d("2024-04-30")) && !c.exists_on(lam, d("2024-05-01")));
    assert!(!c.exists_on(duc_tho, d("2025-06-30")) && c.exists_on(duc_tho, d("2025-07-01")));
}

//! The criteria sets bundled with ntm-site (`sets/`, `ntm_site::sets`): each
//! reads without an error as a content folder's `criteria/<id>.yaml`, with
//! the number of criteria and indicators of its decision, and the sample
//! province uses exactly these files.

use ntm_site::sets;
use ntm_site::yaml::{self, Kind, Node};
use std::path::Path;

/// (id, decision as written, criteria, indicators)
const EXPECTED: &[(&str, &str, usize, usize)] = &[
    (
        "qd-491-2009",
        "Quyết định số 491/QĐ-TTg ngày 16/4/2009",
        19,
        0,
    ),
    (
        "qd-1980-2016",
        "Quyết định số 1980/QĐ-TTg ngày 17/10/2016",
        19,
        0,
    ),
    (
        "qd-318-2022",
        "Quyết định số 318/QĐ-TTg ngày 08/3/2022",
        19,
        4,
    ),
    (
        "qd-51-2025",
        "Quyết định số 51/2025/QĐ-TTg ngày 29/12/2025",
        10,
        47,
    ),
];

fn get<'a>(n: &'a Node, key: &str) -> Option<&'a Node> {
    match &n.kind {
        Kind::Map(entries) => entries.iter().find(|(k, _)| k.text == key).map(|(_, v)| v),
        _ => None,
    }
}

fn items(n: Option<&Node>) -> &[Node] {
    match n.map(|n| &n.kind) {
        Some(Kind::Seq(v)) => v,
        _ => &[],
    }
}

/// Criteria and indicators as written in the file's tree.
fn counts(text: &str) -> (usize, usize) {
    let mut d = ntm_site::diag::Diagnostics::new();
    let node = yaml::parse(text, "set.yaml", &mut d).expect("YAML parses");
    assert!(!d.has_errors(), "{}", d.render());
    let criteria = items(get(&node, "criteria"));
    let indicators = criteria
        .iter()
        .map(|c| items(get(c, "indicators")).len())
        .sum();
    (criteria.len(), indicators)
}

#[test]
fn every_bundled_set_has_its_decisions_criteria_and_indicators() {
    let ids: Vec<&str> = sets::bundled().iter().map(|(id, _)| *id).collect();
    let want: Vec<&str> = EXPECTED.iter().map(|e| e.0).collect();
    assert_eq!(ids, want);
    for &(id, decision, n_criteria, n_indicators) in EXPECTED {
        let text = sets::text(id).unwrap();
        assert!(
            text.contains(&format!("decision: {decision} của Thủ tướng Chính phủ")),
            "{id}"
        );
        assert_eq!(counts(text), (n_criteria, n_indicators), "{id}");
    }
}

#[test]
fn every_bundled_set_loads_without_errors_or_warnings() {
    for &(id, _, n_criteria, n_indicators) in EXPECTED {
        let (set, diags) = sets::read(id, sets::text(id).unwrap());
        assert_eq!(
            diags.error_count() + diags.warning_count(),
            0,
            "{id}: {}",
            diags.render()
        );
        let set = set.expect("the set loads");
        assert_eq!(set.id, id);
        assert_eq!(set.len(), n_criteria, "{id}");
        assert_eq!(set.indicator_count(), n_indicators, "{id}");
    }
    // The 2026–2030 set: classes 1, 2 and 3; indicator 2.10 read as written.
    let (set, _) = sets::read("qd-51-2025", sets::text("qd-51-2025").unwrap());
    let set = set.unwrap();
    assert!((1..=3).all(|k| set.has_class(k)) && !set.has_class(4));
    assert!(set.indicator_position("2.10").is_some());
    assert_eq!(set.criteria[1].indicators[2].name, "Điện");
}

#[test]
fn a_broken_set_is_reported_against_its_path() {
    let (set, diags) = sets::read("qd-x", "name: X\nvalid_from: 2020-01-01\ncriteria: []\n");
    assert!(set.is_none());
    assert!(
        diags.render().contains("criteria/qd-x.yaml"),
        "{}",
        diags.render()
    );
}

#[test]
fn the_sample_uses_the_bundled_files_byte_for_byte() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("content/criteria");
    let mut seen = 0;
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        let id = path.file_stem().unwrap().to_str().unwrap().to_owned();
        let bundled = sets::text(&id).unwrap_or_else(|| panic!("{id} is not a bundled set"));
        assert_eq!(std::fs::read_to_string(&path).unwrap(), bundled, "{id}");
        seen += 1;
    }
    assert!(seen >= 2);
}

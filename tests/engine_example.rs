//! The worked example of the content format (`tests/fixtures/example`, a copy
//! of the contract's): a build must write exactly its expected data files.

mod common;

use std::path::Path;

fn build_example(out: &Path) -> std::path::PathBuf {
    let ex = common::example_dir();
    let opts = ntm_site::build::BuildOptions {
        content: ex.join("content"),
        output: out.to_path_buf(),
        base_url: None,
        drafts: false,
        deny_warnings: false,
        pdf: None,
    };
    ntm_site::build::build(&opts).expect("the worked example builds");
    ex
}

#[test]
fn worked_example_csv_files_are_byte_identical() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("out");
    let ex = build_example(&out);
    for name in [
        "communes.csv",
        "changes.csv",
        "criteria.csv",
        "targets.csv",
        "years.csv",
    ] {
        let got = std::fs::read(out.join("data").join(name)).unwrap();
        let want = std::fs::read(ex.join("expected").join(name)).unwrap();
        assert_eq!(
            String::from_utf8_lossy(&got),
            String::from_utf8_lossy(&want),
            "{name} differs from the worked example"
        );
        assert_eq!(got, want, "{name} bytes differ");
    }
}

#[test]
fn worked_example_summary_json_has_the_expected_values() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("out");
    let ex = build_example(&out);
    let got_bytes = std::fs::read(out.join("data/summary.json")).unwrap();
    assert!(
        !got_bytes.starts_with(&[0xEF, 0xBB, 0xBF]),
        "JSON has no byte-order mark"
    );
    let got: serde_json::Value = serde_json::from_slice(&got_bytes).unwrap();
    let want: serde_json::Value =
        serde_json::from_slice(&std::fs::read(ex.join("expected/summary.json")).unwrap()).unwrap();
    let (g, w) = (got.as_array().unwrap(), want.as_array().unwrap());
    assert_eq!(g.len(), w.len());
    for (g, w) in g.iter().zip(w) {
        assert_eq!(g["date"], w["date"]);
        for scope in ["all", "target"] {
            for (k, wv) in w[scope].as_object().unwrap() {
                let gv = &g[scope][k];
                match (gv.as_f64(), wv.as_f64()) {
                    (Some(a), Some(b)) => assert!(
                        (a - b).abs() < 1e-9,
                        "{} {scope}.{k}: {gv} vs {wv}",
                        w["date"]
                    ),
                    _ => assert_eq!(gv, wv, "{} {scope}.{k}", w["date"]),
                }
            }
        }
    }
    // 77 criteria over 8 communes is 9.625: rounded half away from zero.
    assert_eq!(g[1]["all"]["average_met"].to_string(), "9.63");
}

#[test]
fn worked_example_builds_byte_identically_twice() {
    let tmp = tempfile::tempdir().unwrap();
    let (a, b) = (tmp.path().join("a"), tmp.path().join("b"));
    build_example(&a);
    build_example(&b);
    let files = |root: &Path| -> Vec<(String, Vec<u8>)> {
        let mut v: Vec<(String, Vec<u8>)> = walkdir::WalkDir::new(root)
            .into_iter()
            .filter_map(|e| e.ok())
            .filter(|e| e.file_type().is_file())
            .map(|e| {
                let rel = e
                    .path()
                    .strip_prefix(root)
                    .unwrap()
                    .to_string_lossy()
                    .to_string();
                (rel, std::fs::read(e.path()).unwrap())
            })
            .collect();
        v.sort();
        v
    };
    let (fa, fb) = (files(&a), files(&b));
    assert!(fa.len() >= 6);
    assert_eq!(fa, fb);
}

//! `ntm-site new`: a new site builds as it is, without a warning; the other
//! `new` commands write files that load, suggest slugs from Vietnamese and
//! refuse to overwrite.

mod common;

use std::path::Path;
use std::process::{Command, Output};

fn ntm(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_ntm-site"))
        .args(args)
        .output()
        .expect("ntm-site runs")
}

fn text(o: &Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&o.stdout),
        String::from_utf8_lossy(&o.stderr)
    )
}

fn s(p: &Path) -> &str {
    p.to_str().unwrap()
}

#[test]
fn new_site_builds_without_a_warning() {
    let dir = tempfile::tempdir().unwrap();
    let site = dir.path().join("tinh-moi");
    let o = ntm(&["new", "site", s(&site)]);
    assert!(o.status.success(), "{}", text(&o));
    assert!(text(&o).contains("đã tạo thư mục nội dung"), "{}", text(&o));
    for f in [
        "site.yaml",
        "README.md",
        "communes/mau/_index.yaml",
        "communes/mau/thu-nghiem.yaml",
    ] {
        assert!(site.join(f).is_file(), "{f}");
    }
    let readme = std::fs::read_to_string(site.join("README.md")).unwrap();
    assert!(readme.contains("Việc hằng tuần"), "{readme}");
    assert_eq!(std::fs::read_dir(site.join("progress")).unwrap().count(), 1);
    assert_eq!(std::fs::read_dir(site.join("news")).unwrap().count(), 1);
    assert!(std::fs::read_dir(site.join("criteria")).unwrap().count() >= 2);

    let out = dir.path().join("output");
    let o = ntm(&[
        "build",
        "--content",
        s(&site),
        "--output",
        s(&out),
        "--deny-warnings",
    ]);
    assert!(o.status.success(), "{}", text(&o));
    assert!(!text(&o).contains("cảnh báo"), "{}", text(&o));
    assert!(!text(&o).contains("warning"), "{}", text(&o));
    assert!(out.join("index.html").is_file());

    // A folder that is not empty is refused.
    let o = ntm(&["new", "site", s(&site)]);
    assert_eq!(o.status.code(), Some(1));
    assert!(text(&o).contains("đã có nội dung"), "{}", text(&o));
}

#[test]
fn new_files_in_a_site() {
    let dir = tempfile::tempdir().unwrap();
    let site = dir.path().join("t");
    assert!(ntm(&["new", "site", s(&site)]).status.success());
    let c = s(&site);

    let o = ntm(&["new", "commune", "mau/Thụy Lôi", "--content", c]);
    assert!(o.status.success(), "{}", text(&o));
    assert!(text(&o).contains("'thuy-loi'"), "{}", text(&o));
    let y = std::fs::read_to_string(site.join("communes/mau/thuy-loi.yaml")).unwrap();
    assert!(y.starts_with("name: \"Thụy Lôi\"\n"), "{y}");
    let o = ntm(&[
        "new",
        "commune",
        "mau/thuy-loi",
        "--name",
        "Thụy Lôi",
        "--content",
        c,
    ]);
    assert_eq!(o.status.code(), Some(1), "exists: {}", text(&o));
    let o = ntm(&["new", "commune", "khac/xa", "--name", "Xã", "--content", c]);
    assert_eq!(o.status.code(), Some(1));
    assert!(text(&o).contains("chưa có huyện 'khac'"), "{}", text(&o));

    let o = ntm(&[
        "new",
        "news",
        "Tuần 21–27/8: 10 xã tăng tiêu chí",
        "--date",
        "2026-03-06",
        "--content",
        c,
    ]);
    assert!(o.status.success(), "{}", text(&o));
    let news = site.join("news/tuan-21-27-8-10-xa-tang-tieu-chi.md");
    let n = std::fs::read_to_string(&news).unwrap();
    assert!(
        n.contains("title: \"Tuần 21–27/8: 10 xã tăng tiêu chí\"\ndate: 2026-03-06\n"),
        "{n}"
    );
    let o = ntm(&[
        "new",
        "news",
        "Tuần 21–27/8: 10 xã tăng tiêu chí",
        "--content",
        c,
    ]);
    assert_eq!(o.status.code(), Some(1));

    let o = ntm(&[
        "new",
        "model",
        "Vườn mẫu nhà ông Tâm",
        "--commune",
        "mau/thuy-loi",
        "--garden",
        "--content",
        c,
    ]);
    assert!(o.status.success(), "{}", text(&o));
    assert!(site.join("models/vuon-mau-nha-ong-tam/index.md").is_file());
    let o = ntm(&[
        "new",
        "model",
        "x",
        "--commune",
        "mau/thuy-lo",
        "--content",
        c,
    ]);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        text(&o).contains("có phải là 'mau/thuy-loi'?"),
        "{}",
        text(&o)
    );

    // Everything written loads.
    let o = ntm(&["check", "--content", c]);
    assert!(o.status.success(), "{}", text(&o));
}

#[test]
fn new_snapshot_lists_every_commune_as_a_comment() {
    let dir = tempfile::tempdir().unwrap();
    let site = dir.path().join("t");
    assert!(ntm(&["new", "site", s(&site)]).status.success());
    let c = s(&site);
    assert!(
        ntm(&[
            "new",
            "commune",
            "mau/thuy-loi",
            "--name",
            "Thụy Lôi",
            "--content",
            c
        ])
        .status
        .success()
    );
    let latest = std::fs::read_dir(site.join("progress"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().to_string())
        .max()
        .unwrap();
    let latest_date = latest.trim_end_matches(".yaml");
    let o = ntm(&["new", "snapshot", "--content", c]);
    assert!(o.status.success(), "{}", text(&o));
    // The next Friday: a week after the latest (itself a Friday).
    let files: Vec<String> = std::fs::read_dir(site.join("progress"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().to_string())
        .collect();
    assert_eq!(files.len(), 2);
    let new = files.iter().find(|f| **f != latest).unwrap();
    let y = std::fs::read_to_string(site.join("progress").join(new)).unwrap();
    let date = new.trim_end_matches(".yaml");
    assert!(y.contains(&format!("date: {date}\n")), "{y}");
    assert!(y.contains(&format!("..{date}\n")), "{y}");
    assert!(y.contains("  # mau/thu-nghiem: [1, 2]"), "{y}");
    assert!(
        y.contains("  # mau/thuy-loi: []   # Thụy Lôi: chưa có báo cáo nào"),
        "{y}"
    );
    assert!(date > latest_date);
    // Untouched, it lists nobody: check says so.
    let o = ntm(&["check", "--content", c]);
    assert_eq!(o.status.code(), Some(1), "{}", text(&o));
    // Uncommented, it loads.
    let edited = y.replace("  # mau/thu-nghiem: [1, 2]", "  mau/thu-nghiem: [1, 2, 3]");
    std::fs::write(site.join("progress").join(new), edited).unwrap();
    let o = ntm(&["check", "--content", c]);
    assert!(o.status.success(), "{}", text(&o));
    // A date that has a file is refused.
    let o = ntm(&["new", "snapshot", date, "--content", c]);
    assert_eq!(o.status.code(), Some(1));
}

/// `new site` on a given day: the national sets are bundled as they are in
/// `sets/`, the snapshot uses the set in force, and it builds without a
/// warning (on 2/12/2026: QĐ 51/2025 with its 47 indicators; on 2/2/2024:
/// QĐ 318/2022).
#[test]
fn new_site_bundles_the_national_sets_and_builds_under_qd_51() {
    for (day, set) in [
        (ntm_site::date::Date::new(2026, 12, 2), "qd-51-2025"),
        (ntm_site::date::Date::new(2024, 2, 2), "qd-318-2022"),
    ] {
        let dir = tempfile::tempdir().unwrap();
        let site = dir.path().join("tinh");
        let day = day.unwrap();
        assert!(ntm_site::scaffold::new_site(&site, day).is_ok());
        for (id, yaml) in ntm_site::sets::bundled() {
            let copied = std::fs::read_to_string(site.join(format!("criteria/{id}.yaml"))).unwrap();
            assert_eq!(&copied, yaml, "{id} is bundled as it is");
        }
        let qd51 = std::fs::read_to_string(site.join("criteria/qd-51-2025.yaml")).unwrap();
        assert!(
            qd51.contains("Quyết định số 51/2025/QĐ-TTg ngày 29/12/2025"),
            "{qd51}"
        );
        let snap = std::fs::read_dir(site.join("progress"))
            .unwrap()
            .next()
            .unwrap()
            .unwrap()
            .path();
        let y = std::fs::read_to_string(&snap).unwrap();
        assert!(y.contains(&format!("criteria_set: {set}\n")), "{y}");
        let out = dir.path().join("output");
        let o = ntm(&[
            "build",
            "--content",
            s(&site),
            "--output",
            s(&out),
            "--deny-warnings",
        ]);
        assert!(o.status.success(), "{}", text(&o));
        let data = std::fs::read_to_string(out.join("data/communes.csv")).unwrap();
        // QĐ 51/2025: 10 criteria and 47 indicators; criteria 1 and 2 met.
        if set == "qd-51-2025" {
            let row = data
                .lines()
                .find(|l| l.starts_with("mau/thu-nghiem,"))
                .unwrap();
            assert!(row.ends_with(",47"), "{data}");
        }
    }
}

/// `new snapshot` under a set with indicators (the worked example of 2026):
/// each commune's state as the format writes it, its indicator count, and
/// only the communes that exist on the date.
#[test]
fn new_snapshot_lists_indicator_states() {
    let dir = tempfile::tempdir().unwrap();
    let site = common::example_2026_copy(dir.path());
    let c = s(&site);
    let o = ntm(&["new", "snapshot", "--content", c]);
    assert!(o.status.success(), "{}", text(&o));
    assert!(text(&o).contains("4 xã được ghi sẵn"), "{}", text(&o));
    let p = site.join("progress/2026-04-03.yaml");
    let y = std::fs::read_to_string(&p).unwrap();
    assert!(y.contains("criteria_set: qd-51-2025\n"), "{y}");
    assert!(
        y.contains(
            "  # duc-quang: [1, 3, 4, 5, \"6.1\"]   # Đức Quang: 4/10 tiêu chí, 18/47 chỉ tiêu ngày 27/3/2026"
        ),
        "{y}"
    );
    assert!(
        y.contains("  # son-kim: [1, 2, 3, 4, 5, 6, 7, 8]   # Sơn Kim: 8/10 tiêu chí, 41/47 chỉ tiêu ngày 20/2/2026"),
        "{y}"
    );
    assert!(
        !y.contains("ky-anh/ky-thu"),
        "former communes cannot report: {y}"
    );
    // Uncommented and edited by indicator, it loads.
    let edited = y.replace(
        "  # duc-quang: [1, 3, 4, 5, \"6.1\"]",
        "  duc-quang: [1, 3, 4, 5, \"6.1\", \"6.2\"]",
    );
    std::fs::write(&p, edited).unwrap();
    let o = ntm(&["check", "--content", c]);
    assert!(o.status.success(), "{}", text(&o));
}

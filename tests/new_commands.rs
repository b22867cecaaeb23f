//! `ntm-site new`: a new site builds as it is, without a warning; the other
//! `new` commands write files that load, suggest slugs from Vietnamese and
//! refuse to overwrite.

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

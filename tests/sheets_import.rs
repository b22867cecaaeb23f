//! `import` of the messy weekly tables shipped under `tests/sheets/` (made by
//! `examples/make_sheets.rs`): the snapshot written is compared with the
//! expected one written by hand beside each table.

mod common;

use std::path::{Path, PathBuf};
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

fn sheets_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/sheets")
}

/// A copy of the sample's communes, criteria and snapshots (enough to import against).
fn sample_copy(dir: &Path) -> PathBuf {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("content");
    let dst = dir.join("content");
    for e in walkdir::WalkDir::new(&src) {
        let e = e.unwrap();
        let rel = e.path().strip_prefix(&src).unwrap();
        let top = rel
            .components()
            .next()
            .map(|c| c.as_os_str().to_string_lossy().to_string());
        if !matches!(
            top.as_deref(),
            None | Some("site.yaml" | "criteria" | "communes" | "progress")
        ) {
            continue;
        }
        let to = dst.join(rel);
        if e.file_type().is_dir() {
            std::fs::create_dir_all(&to).unwrap();
        } else {
            std::fs::copy(e.path(), &to).unwrap();
        }
    }
    dst
}

/// Imports `file` into a fresh copy and returns the snapshot written.
fn import(file: &str, extra: &[&str]) -> (Output, Option<String>) {
    let dir = tempfile::tempdir().unwrap();
    let content = sample_copy(dir.path());
    // Copied so that the comment names the file the same way everywhere.
    let table = dir.path().join(file);
    std::fs::copy(sheets_dir().join(file), &table).unwrap();
    let mut args = vec!["import", "--content", content.to_str().unwrap()];
    args.extend(extra);
    args.push(table.to_str().unwrap());
    let o = ntm(&args);
    let written = std::fs::read_to_string(content.join("progress/2017-12-29.yaml")).ok();
    if let Some(w) = &written {
        // What was written loads: check passes on it.
        let c = ntm(&["check", "--content", content.to_str().unwrap()]);
        assert!(c.status.success(), "{}\n{w}", text(&c));
    }
    (o, written)
}

fn expected(name: &str) -> String {
    std::fs::read_to_string(sheets_dir().join(name)).unwrap()
}

/// The snapshot without its first comment line (which names the file's path).
fn body(s: &str) -> String {
    s.lines()
        .filter(|l| !l.starts_with("# Nhập từ"))
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn messy_workbook_stops_on_a_name_it_cannot_match() {
    let (o, written) = import("messy.xlsx", &[]);
    assert_eq!(o.status.code(), Some(1), "{}", text(&o));
    assert!(written.is_none(), "nothing is written");
    let t = text(&o);
    assert!(
        t.contains(
            "trang 'Kỳ Anh', dòng 11: không tìm thấy xã 'Kỳ Thuu'; gần nhất: ky-anh/ky-thu (Kỳ Thư)"
        ),
        "{t}"
    );
    assert!(t.contains("--skip-unmatched"), "{t}");
}

#[test]
fn messy_workbook_with_skip_unmatched() {
    let (o, written) = import("messy.xlsx", &["--skip-unmatched"]);
    assert!(o.status.success(), "{}", text(&o));
    let t = text(&o);
    // Kỳ Giang's row is blank: it did not report; the totals row is skipped.
    assert!(t.contains("7 xã báo cáo, 1 xã không báo cáo"), "{t}");
    assert!(t.contains("1 dòng tổng cộng bỏ qua"), "{t}");
    assert!(
        t.contains("can-loc/my-loc (Mỹ Lộc): 6 → 8 tiêu chí; thêm 2, 3"),
        "{t}"
    );
    assert!(
        t.contains("can-loc/phu-loc (Phú Lộc): 19 → 18 tiêu chí; mất 7"),
        "{t}"
    );
    assert_eq!(
        body(&written.unwrap()),
        body(&expected("messy.xlsx.expected.yaml"))
    );
}

#[test]
fn messy_csv() {
    let (o, written) = import("messy.csv", &[]);
    assert!(o.status.success(), "{}", text(&o));
    assert!(
        text(&o).contains("2 xã báo cáo, 1 xã không báo cáo"),
        "{}",
        text(&o)
    );
    assert_eq!(
        body(&written.unwrap()),
        body(&expected("messy.csv.expected.yaml"))
    );
}

#[test]
fn tcvn3_csv_is_detected_and_converted() {
    let (o, written) = import("tcvn3.csv", &[]);
    assert!(o.status.success(), "{}", text(&o));
    assert!(text(&o).contains("bảng mã cũ TCVN3 (ABC)"), "{}", text(&o));
    assert_eq!(
        body(&written.unwrap()),
        body(&expected("legacy.expected.yaml"))
    );
}

#[test]
fn vni_csv_is_detected_and_converted() {
    let (o, written) = import("vni.csv", &[]);
    assert!(o.status.success(), "{}", text(&o));
    assert!(text(&o).contains("bảng mã cũ VNI Windows"), "{}", text(&o));
    assert_eq!(
        body(&written.unwrap()),
        body(&expected("legacy.expected.yaml"))
    );
}

#[test]
fn dry_run_writes_nothing() {
    let (o, written) = import("messy.csv", &["--dry-run"]);
    assert!(o.status.success(), "{}", text(&o));
    assert!(written.is_none());
    let t = text(&o);
    assert!(
        t.contains("thach-ha/thach-lien: [4, 5, 8, 15, 16, 18]"),
        "{t}"
    );
    assert!(
        t.contains("thach-ha/thach-lien (Thạch Liên): 5 → 6 tiêu chí; thêm 5"),
        "{t}"
    );
}

#[test]
fn a_name_shared_by_two_communes_is_never_guessed() {
    let dir = tempfile::tempdir().unwrap();
    let content = sample_copy(dir.path());
    // A second Mỹ Lộc, in another district.
    std::fs::write(
        content.join("communes/ky-anh/my-loc.yaml"),
        "name: Mỹ Lộc\n",
    )
    .unwrap();
    let csv = dir.path().join("t.csv");
    let mut s = String::from("Báo cáo ngày 29/12/2017\nXã,Huyện");
    for k in 1..=19 {
        s.push_str(&format!(",TC{k}"));
    }
    s.push_str("\nMỹ Lộc,");
    s.push_str(&",x".repeat(19));
    s.push_str("\nMỹ Lộc,Can Lộc");
    s.push_str(&",x".repeat(19));
    s.push('\n');
    std::fs::write(&csv, s).unwrap();
    let o = ntm(&[
        "import",
        "--content",
        content.to_str().unwrap(),
        csv.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(1), "{}", text(&o));
    let t = text(&o);
    assert!(
        t.contains("dòng 3: 'Mỹ Lộc' trùng tên nhiều xã; ghi rõ một trong: can-loc/my-loc (Mỹ Lộc), ky-anh/my-loc (Mỹ Lộc)"),
        "{t}"
    );
    // The second row names its district: it matched.
    assert!(!t.contains("dòng 4"), "{t}");
}

#[test]
fn indicator_workbook_is_read_by_indicator_and_by_criterion() {
    let dir = tempfile::tempdir().unwrap();
    let content = common::example_2026_copy(dir.path());
    let c = content.to_str().unwrap();
    let table = dir.path().join("indicators.xlsx");
    std::fs::copy(sheets_dir().join("indicators.xlsx"), &table).unwrap();
    let o = ntm(&["import", "--content", c, table.to_str().unwrap()]);
    assert!(o.status.success(), "{}", text(&o));
    let t = text(&o);
    // Tùng Ảnh's row is blank: it did not report.
    assert!(t.contains("5 xã báo cáo, 1 xã không báo cáo"), "{t}");
    assert!(t.contains("1 dòng tổng cộng bỏ qua"), "{t}");
    // Đức Hòa's 2.4 completes criterion 2.
    assert!(
        t.contains("duc-tho/duc-hoa (Đức Hòa): 3 → 4 tiêu chí; thêm 2; thêm chỉ tiêu 2.4; đạt 4/16 chỉ tiêu"),
        "{t}"
    );
    assert!(
        t.contains("ky-anh/ky-hoa (Kỳ Hoa): 4 → 4 tiêu chí; thêm chỉ tiêu 2.3; đạt 3/16 chỉ tiêu"),
        "{t}"
    );
    assert!(
        t.contains("duc-tho/yen-ho (Yên Hồ): 14 → 13 tiêu chí; mất 2; mất chỉ tiêu 2.4"),
        "{t}"
    );
    let written = std::fs::read_to_string(content.join("progress/2024-02-02.yaml")).unwrap();
    assert_eq!(
        body(&written),
        body(&expected("indicators.xlsx.expected.yaml"))
    );
    // What was written loads, and the build counts the indicators gained.
    let out = dir.path().join("out");
    let b = ntm(&["build", "--content", c, "--output", out.to_str().unwrap()]);
    assert!(b.status.success(), "{}", text(&b));
    let changes = std::fs::read_to_string(out.join("data/changes.csv")).unwrap();
    let line = changes
        .lines()
        .find(|l| l.starts_with("2024-02-02,ky-anh/ky-thu,"))
        .unwrap_or_else(|| panic!("{changes}"));
    assert!(line.ends_with(",17.10,"), "{line}");
}

/// Writes a CSV table for 2/2/2024 under QĐ 318 with `heads` after "Xã".
fn indicator_csv(dir: &Path, heads: &[&str], row: &[&str]) -> PathBuf {
    let p = dir.join("t.csv");
    let s = format!(
        "Báo cáo ngày 02/02/2024\nXã,{}\nKỳ Hoa,{}\n",
        heads.join(","),
        row.join(",")
    );
    std::fs::write(&p, s).unwrap();
    p
}

#[test]
fn an_indicator_the_set_does_not_have_stops_the_import() {
    let dir = tempfile::tempdir().unwrap();
    let content = common::example_2026_copy(dir.path());
    let csv = indicator_csv(
        dir.path(),
        &["TC1", "2.1", "2.5", "TC3"],
        &["x", "x", "x", "x"],
    );
    let o = ntm(&[
        "import",
        "--content",
        content.to_str().unwrap(),
        csv.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(1), "{}", text(&o));
    let t = text(&o);
    assert!(
        t.contains("cột D: bộ tiêu chí qd-318-2022 không có chỉ tiêu '2.5' (gần nhất: 2.1)"),
        "{t}"
    );
    assert!(!content.join("progress/2024-02-02.yaml").exists());
}

#[test]
fn a_criterion_column_beside_its_indicators_is_left_out_and_missing_ones_named() {
    let dir = tempfile::tempdir().unwrap();
    let content = common::example_2026_copy(dir.path());
    // TC2 says "x" but its indicators say 2.1 and 2.2 only; 2.3, 2.4 have no column.
    let csv = indicator_csv(
        dir.path(),
        &["TC1", "TC2", "2.1", "2.2", "TC3"],
        &["x", "x", "x", "x", "0"],
    );
    let o = ntm(&[
        "import",
        "--dry-run",
        "--content",
        content.to_str().unwrap(),
        csv.to_str().unwrap(),
    ]);
    assert!(o.status.success(), "{}", text(&o));
    let t = text(&o);
    assert!(
        t.contains("cột C: tiêu chí 2 đã có các cột chỉ tiêu; đọc theo chỉ tiêu, bỏ qua cột này"),
        "{t}"
    );
    assert!(t.contains("không có cột cho 2.3, 2.4, 17.1"), "{t}");
    assert!(t.contains("ky-anh/ky-hoa: [1, \"2.1\", \"2.2\"]"), "{t}");
}

/// The same messy workbook saved as OpenDocument (`.ods`) and as Excel 97
/// (`.xls`), as an office that keeps older formats sends it (converted from
/// `messy.xlsx` by LibreOffice 7.4: `soffice --headless --convert-to ods`,
/// `--convert-to xls`): the same rows matched, the same unmatched name
/// named, the same snapshot written.
#[test]
fn ods_and_xls_read_as_the_xlsx_does() {
    for file in ["messy.ods", "messy.xls"] {
        let (o, written) = import(file, &[]);
        assert_eq!(o.status.code(), Some(1), "{file}: {}", text(&o));
        assert!(written.is_none(), "{file}: nothing is written");
        assert!(
            text(&o).contains("trang 'Kỳ Anh', dòng 11: không tìm thấy xã 'Kỳ Thuu'"),
            "{file}: {}",
            text(&o)
        );
        let (o, written) = import(file, &["--skip-unmatched"]);
        assert!(o.status.success(), "{file}: {}", text(&o));
        let t = text(&o);
        assert!(
            t.contains("7 xã báo cáo, 1 xã không báo cáo"),
            "{file}: {t}"
        );
        assert!(t.contains("1 dòng tổng cộng bỏ qua"), "{file}: {t}");
        assert_eq!(
            body(&written.unwrap()),
            body(&expected("messy.xlsx.expected.yaml")),
            "{file}"
        );
    }
}

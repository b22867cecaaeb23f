//! The office's week on the sample, end to end, as the clerk runs it:
//! `export-sheet`, the communes fill in the workbook (written here with
//! rust_xlsxwriter from what the export holds, a few communes changed),
//! `import`, `check`, `build`; the new bulletin names the imported changes.
//! An untouched workbook imports nobody. The same week on the worked example
//! of 2026, under QĐ 51/2025, by indicator.

mod common;

use calamine::{Data, Reader};
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

/// A copy of the sample's content folder.
fn sample_copy(dir: &Path) -> PathBuf {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("content");
    let dst = dir.join("content");
    for e in walkdir::WalkDir::new(&src) {
        let e = e.unwrap();
        let rel = e.path().strip_prefix(&src).unwrap();
        let to = dst.join(rel);
        if e.file_type().is_dir() {
            std::fs::create_dir_all(&to).unwrap();
        } else {
            std::fs::copy(e.path(), &to).unwrap();
        }
    }
    dst
}

/// Every visible sheet of a workbook as text cells, with absolute rows.
fn read_cells(path: &Path) -> Vec<(String, Vec<Vec<String>>)> {
    let mut wb = calamine::open_workbook_auto(path).unwrap();
    let names = wb.sheet_names().to_vec();
    names
        .into_iter()
        .map(|n| {
            let r = wb.worksheet_range(&n).unwrap();
            let (r0, c0) = r.start().unwrap_or((0, 0));
            let mut rows = vec![Vec::new(); r0 as usize];
            for row in r.rows() {
                let mut cells = vec![String::new(); c0 as usize];
                cells.extend(row.iter().map(|d| match d {
                    Data::String(s) => s.clone(),
                    Data::Float(f) => format!("{f}"),
                    Data::Int(i) => i.to_string(),
                    Data::Empty => String::new(),
                    other => other.to_string(),
                }));
                rows.push(cells);
            }
            (n, rows)
        })
        .collect()
}

/// The filled-in copy: `edits` of (commune id, column head such as `TC2` or
/// `2.1`, "x" or "") and `dated` communes whose report-date cell is filled.
fn fill_in(exported: &Path, out: &Path, edits: &[(&str, &str, &str)], dated: &[&str]) {
    let sheets = read_cells(exported);
    let mut wb = rust_xlsxwriter::Workbook::new();
    for (name, mut rows) in sheets {
        // The header row holds the hidden id column's name and TC1..TCn.
        let h = rows
            .iter()
            .position(|r| r.first().is_some_and(|c| c == "ntm-site:id"))
            .expect("the exported sheet has its id column");
        let col_of = |rows: &Vec<Vec<String>>, head: &str| rows[h].iter().position(|c| c == head);
        // The merged report-date head is in one of the header rows.
        let date_col = (h.saturating_sub(2)..=h)
            .find_map(|r| rows[r].iter().position(|c| c == "Ngày báo cáo"))
            .expect("a report-date column");
        for (id, k, v) in edits {
            if let Some(r) = rows.iter().position(|r| r.first().is_some_and(|c| c == id)) {
                let c = col_of(&rows, k).unwrap();
                rows[r][c] = v.to_string();
            }
        }
        for id in dated {
            if let Some(r) = rows.iter().position(|r| r.first().is_some_and(|c| c == id)) {
                if rows[r].len() <= date_col {
                    rows[r].resize(date_col + 1, String::new());
                }
                rows[r][date_col] = "29/12/2017".into();
            }
        }
        let ws = wb.add_worksheet();
        ws.set_name(&name).unwrap();
        for (r, row) in rows.iter().enumerate() {
            for (c, v) in row.iter().enumerate() {
                if !v.is_empty() {
                    ws.write_string(r as u32, c as u16, v).unwrap();
                }
            }
        }
    }
    wb.save(out).unwrap();
}

#[test]
fn the_week_from_export_to_bulletin() {
    let dir = tempfile::tempdir().unwrap();
    let content = sample_copy(dir.path());
    let c = content.to_str().unwrap();
    let book = dir.path().join("tuan.xlsx");
    let b = book.to_str().unwrap();

    // 1. export-sheet: the week after the snapshot of 2017-12-28 (dated, so
    // that the test holds whatever later weeks the sample gains).
    let o = ntm(&["export-sheet", "--content", c, "--date", "2017-12-29", b]);
    assert!(o.status.success(), "{}", text(&o));
    assert!(text(&o).contains("ngày báo cáo 2017-12-29"), "{}", text(&o));
    let sheets = read_cells(&book);
    assert_eq!(sheets.len(), 13, "one sheet per district of the sample");
    assert!(sheets.iter().any(|(n, _)| n == "thị xã Kỳ Anh"));
    // Pre-filled: Mỹ Lộc meets 1, 4, 8, 14, 18, 19 on 2017-12-28.
    let (_, can_loc) = sheets.iter().find(|(n, _)| n == "Can Lộc").unwrap();
    let my_loc = can_loc
        .iter()
        .find(|r| r.first().is_some_and(|c| c == "can-loc/my-loc"))
        .unwrap();
    let xs: Vec<usize> = my_loc
        .iter()
        .skip(4)
        .take(19)
        .enumerate()
        .filter(|(_, v)| v.as_str() == "x")
        .map(|(i, _)| i + 1)
        .collect();
    assert_eq!(xs, vec![1, 4, 8, 14, 18, 19]);

    // 2. An untouched workbook lists nobody and writes nothing.
    let o = ntm(&["import", "--content", c, b]);
    assert!(o.status.success(), "{}", text(&o));
    assert!(text(&o).contains("0 xã báo cáo"), "{}", text(&o));
    assert!(!content.join("progress/2017-12-29.yaml").exists());

    // 3. The communes fill it in: Mỹ Lộc gains 2 and 3, Thạch Liên gains 1
    // and loses 4, Kỳ Thư reports no change but dates its row.
    let filled = dir.path().join("tuan-da-dien.xlsx");
    fill_in(
        &book,
        &filled,
        &[
            ("can-loc/my-loc", "TC2", "x"),
            ("can-loc/my-loc", "TC3", "x"),
            ("thach-ha/thach-lien", "TC1", "x"),
            ("thach-ha/thach-lien", "TC4", ""),
        ],
        &["ky-anh/ky-thu"],
    );
    let f = filled.to_str().unwrap();
    let o = ntm(&["import", "--content", c, "--dry-run", f]);
    assert!(o.status.success(), "{}", text(&o));
    let t = text(&o);
    assert!(t.contains("3 xã báo cáo"), "{t}");
    assert!(
        t.contains("can-loc/my-loc (Mỹ Lộc): 6 → 8 tiêu chí; thêm 2, 3"),
        "{t}"
    );
    assert!(
        t.contains("thach-ha/thach-lien (Thạch Liên): 5 → 5 tiêu chí; thêm 1; mất 4"),
        "{t}"
    );
    assert!(t.contains("ky-anh/ky-thu (Kỳ Thư): không đổi"), "{t}");
    assert!(
        !content.join("progress/2017-12-29.yaml").exists(),
        "dry run writes nothing"
    );

    let o = ntm(&["import", "--content", c, f]);
    assert!(o.status.success(), "{}", text(&o));
    let written = std::fs::read_to_string(content.join("progress/2017-12-29.yaml")).unwrap();
    let entries: Vec<&str> = written.lines().filter(|l| l.starts_with("  ")).collect();
    assert_eq!(
        entries,
        vec![
            "  can-loc/my-loc: [1, 2, 3, 4, 8, 14, 18, 19]",
            "  ky-anh/ky-thu: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19]",
            "  thach-ha/thach-lien: [1, 8, 15, 16, 18]",
        ],
        "{written}"
    );
    // Importing again refuses to overwrite.
    let o = ntm(&["import", "--content", c, f]);
    assert_eq!(o.status.code(), Some(1));
    assert!(text(&o).contains("đã có"), "{}", text(&o));

    // 4. check and build.
    let o = ntm(&["check", "--content", c]);
    assert!(o.status.success(), "{}", text(&o));
    assert!(text(&o).contains("2017-12-29"), "{}", text(&o));
    let out = dir.path().join("output");
    let o = ntm(&["build", "--content", c, "--output", out.to_str().unwrap()]);
    assert!(o.status.success(), "{}", text(&o));
    assert!(
        text(&o).contains("trang"),
        "the build ends with its summary: {}",
        text(&o)
    );

    // 5. The new bulletin names the changes.
    let page = std::fs::read_to_string(out.join("ban-tin/2017-12-29/index.html")).unwrap();
    assert!(page.contains("Mỹ Lộc"), "the bulletin names Mỹ Lộc");
    assert!(page.contains("Thạch Liên"), "the bulletin names Thạch Liên");
}

#[test]
fn the_week_by_indicator_under_qd_51() {
    let dir = tempfile::tempdir().unwrap();
    let content = common::example_2026_copy(dir.path());
    let c = content.to_str().unwrap();
    let book = dir.path().join("tuan.xlsx");
    let b = book.to_str().unwrap();

    // 1. export-sheet: the week after 27/3/2026, the four communes that
    // exist then (the merged ones are gone), one column per indicator.
    let o = ntm(&["export-sheet", "--content", c, b]);
    assert!(o.status.success(), "{}", text(&o));
    assert!(
        text(&o).contains("1 trang, 4 xã, ngày báo cáo 2026-04-03"),
        "{}",
        text(&o)
    );
    let sheets = read_cells(&book);
    let rows = &sheets[0].1;
    let h = rows
        .iter()
        .position(|r| r.first().is_some_and(|c| c == "ntm-site:id"))
        .unwrap();
    let heads: Vec<&str> = rows[h].iter().map(String::as_str).collect();
    assert_eq!(
        heads.iter().filter(|x| x.contains('.')).count(),
        47,
        "{heads:?}"
    );
    // Grouped: the criterion's name above its indicators.
    let col_21 = heads.iter().position(|x| *x == "2.1").unwrap();
    assert!(rows[h - 2][col_21].starts_with("TC2 "), "{:?}", rows[h - 2]);
    // Pre-filled: Đức Quang meets 1, 3, 4, 5 and 6.1 (18 indicators).
    let dq = rows
        .iter()
        .find(|r| r.first().is_some_and(|c| c == "duc-quang"))
        .unwrap();
    let xs: Vec<&str> = heads
        .iter()
        .zip(dq)
        .filter(|(_, v)| v.as_str() == "x")
        .map(|(h, _)| *h)
        .collect();
    assert_eq!(xs.len(), 18, "{xs:?}");
    assert!(
        xs.contains(&"6.1") && !xs.contains(&"6.2") && xs.contains(&"5.1"),
        "{xs:?}"
    );
    assert!(
        !rows
            .iter()
            .any(|r| r.first().is_some_and(|c| c == "ky-anh/ky-thu"))
    );

    // 2. Untouched: nobody reported.
    let o = ntm(&["import", "--content", c, b]);
    assert!(o.status.success(), "{}", text(&o));
    assert!(
        text(&o).contains("0 xã báo cáo, 4 xã không báo cáo"),
        "{}",
        text(&o)
    );

    // 3. Filled in: Đức Quang gains 2.1 and 6.2, Đức Thọ loses 3.1, Kỳ Anh
    // dates its unchanged row.
    let filled = dir.path().join("tuan-da-dien.xlsx");
    fill_in(
        &book,
        &filled,
        &[
            ("duc-quang", "2.1", "x"),
            ("duc-quang", "6.2", "x"),
            ("duc-tho", "3.1", ""),
        ],
        &["ky-anh"],
    );
    let f = filled.to_str().unwrap();
    let o = ntm(&["import", "--content", c, f]);
    assert!(o.status.success(), "{}", text(&o));
    let t = text(&o);
    assert!(t.contains("3 xã báo cáo, 1 xã không báo cáo"), "{t}");
    assert!(
        t.contains(
            "duc-quang (Đức Quang): 4 → 4 tiêu chí; thêm chỉ tiêu 2.1, 6.2; đạt 20/47 chỉ tiêu"
        ),
        "{t}"
    );
    assert!(
        t.contains(
            "duc-tho (Đức Thọ): 5 → 4 tiêu chí; mất 3; mất chỉ tiêu 3.1; đạt 26/47 chỉ tiêu"
        ),
        "{t}"
    );
    let written = std::fs::read_to_string(content.join("progress/2026-04-03.yaml")).unwrap();
    let entries: Vec<&str> = written.lines().filter(|l| l.starts_with("  ")).collect();
    assert_eq!(
        entries,
        vec![
            "  duc-quang: [1, \"2.1\", 3, 4, 5, \"6.1\", \"6.2\"]",
            "  duc-tho: [1, 2, \"3.2\", \"3.3\", \"3.4\", \"3.5\", 4, 5]",
            "  ky-anh: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]",
        ],
        "{written}"
    );

    // 4. check and build: the new bulletin names the communes, the data
    // files the indicators gained and lost.
    let o = ntm(&["check", "--content", c]);
    assert!(o.status.success(), "{}", text(&o));
    let out = dir.path().join("output");
    let o = ntm(&["build", "--content", c, "--output", out.to_str().unwrap()]);
    assert!(o.status.success(), "{}", text(&o));
    let page = std::fs::read_to_string(out.join("ban-tin/2026-04-03/index.html")).unwrap();
    assert!(page.contains("Đức Quang"), "the bulletin names Đức Quang");
    assert!(page.contains("Đức Thọ"), "the bulletin names Đức Thọ");
    let changes = std::fs::read_to_string(out.join("data/changes.csv")).unwrap();
    let row = |id: &str| {
        changes
            .lines()
            .find(|l| l.starts_with(&format!("2026-04-03,{id},")))
            .unwrap_or_else(|| panic!("{changes}"))
            .to_string()
    };
    assert!(
        row("duc-quang").ends_with(",2.1;6.2,"),
        "{}",
        row("duc-quang")
    );
    assert!(row("duc-tho").ends_with(",,3.1"), "{}", row("duc-tho"));
}

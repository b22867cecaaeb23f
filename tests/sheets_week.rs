//! The office's week on the sample, end to end, as the clerk runs it:
//! `export-sheet`, the communes fill in the workbook (written here with
//! rust_xlsxwriter from what the export holds, a few communes changed),
//! `import`, `check`, `build`; the new bulletin names the imported changes.
//! An untouched workbook imports nobody. On the sample, the week after its
//! latest snapshot (the communes of today, under QĐ 51/2025); the same week
//! on the worked example of 2026.

mod common;

use calamine::{Data, Reader};
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn ntm(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_ntm-site"))
        .args(args)
        .output()
        .expect("ntm-site runs")
}

/// `ntm-site build` of the week's content into `out`, without the charts'
/// PNGs (these tests read the figures; drawing 1,700 charts takes minutes
/// in a debug build).
fn build(content: &str, out: &std::path::Path) -> Output {
    ntm(&[
        "build",
        "--no-chart-png",
        "--content",
        content,
        "--output",
        out.to_str().unwrap(),
    ])
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
/// `2.1`, "x" or "") and `dated` communes whose report-date cell is filled
/// with `on` (d/m/yyyy, as a clerk types it).
fn fill_in(exported: &Path, out: &Path, edits: &[(&str, &str, &str)], dated: &[&str], on: &str) {
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
                rows[r][date_col] = on.to_string();
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

/// `2026-11-27` → `27/11/2026`.
fn vi(date: &str) -> String {
    let p: Vec<u32> = date.split('-').map(|x| x.parse().unwrap()).collect();
    format!("{}/{}/{}", p[2], p[1], p[0])
}

/// The sample's communes of today, read from its files: every commune file
/// whose id no `merged_from` names.
fn communes_of_today(content: &Path) -> BTreeSet<String> {
    let root = content.join("communes");
    let mut all = BTreeSet::new();
    let mut former = BTreeSet::new();
    for e in walkdir::WalkDir::new(&root) {
        let e = e.unwrap();
        let rel = e.path().strip_prefix(&root).unwrap().to_string_lossy();
        let Some(id) = rel.strip_suffix(".yaml") else {
            continue;
        };
        if id.ends_with("_index") {
            continue;
        }
        all.insert(id.to_string());
        let text = std::fs::read_to_string(e.path()).unwrap();
        let mut in_list = false;
        for l in text.lines() {
            if l.starts_with("merged_from:") {
                in_list = true;
            } else if in_list && l.trim_start().starts_with("- ") {
                former.insert(l.trim_start()[2..].trim().to_string());
            } else {
                in_list = false;
            }
        }
    }
    assert!(!former.is_empty(), "the sample has former communes");
    all.difference(&former).cloned().collect()
}

/// The indicators of `entry` (a snapshot's list: `1, "2.1", …`), a whole
/// criterion standing for all of its indicators among `heads`.
fn indicators(entry: &str, heads: &[&str]) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    for t in entry.trim_matches(['[', ']']).split(',') {
        let t = t.trim().trim_matches('"');
        if t.contains('.') {
            out.insert(t.to_string());
        } else {
            let p = format!("{t}.");
            out.extend(
                heads
                    .iter()
                    .filter(|h| h.starts_with(&p))
                    .map(|h| h.to_string()),
            );
        }
    }
    out
}

/// The criteria all of whose indicators (among `heads`) are in `met`.
fn criteria_met(met: &BTreeSet<String>, heads: &[&str]) -> usize {
    let crits: BTreeSet<&str> = heads
        .iter()
        .filter_map(|h| h.split_once('.'))
        .map(|(c, _)| c)
        .collect();
    crits
        .iter()
        .filter(|c| {
            heads
                .iter()
                .filter(|h| h.split_once('.').is_some_and(|(x, _)| x == **c))
                .all(|h| met.contains(*h))
        })
        .count()
}

#[test]
fn the_week_from_export_to_bulletin() {
    let dir = tempfile::tempdir().unwrap();
    let content = sample_copy(dir.path());
    let c = content.to_str().unwrap();
    let book = dir.path().join("tuan.xlsx");
    let b = book.to_str().unwrap();
    let latest = std::fs::read_dir(content.join("progress"))
        .unwrap()
        .filter_map(|e| {
            let n = e.unwrap().file_name().to_string_lossy().to_string();
            n.strip_suffix(".yaml").map(str::to_string)
        })
        .max()
        .unwrap();
    let latest_text =
        std::fs::read_to_string(content.join(format!("progress/{latest}.yaml"))).unwrap();

    // 1. export-sheet as the clerk runs it, without a date: the week after
    // the latest snapshot, the communes of today (those formed on 1/7/2025
    // and those never rearranged; no former commune), under QĐ 51/2025.
    let o = ntm(&["export-sheet", "--content", c, b]);
    assert!(o.status.success(), "{}", text(&o));
    let t = text(&o);
    let date = t
        .split("ngày báo cáo ")
        .nth(1)
        .map(|d| d.chars().take(10).collect::<String>())
        .unwrap_or_else(|| panic!("{t}"));
    // A week after the latest: the office keeps its reporting day.
    let week_after = ntm_site::date::Date::from_days(
        ntm_site::date::Date::parse_iso(&latest).unwrap().to_days() + 7,
    );
    assert_eq!(date, week_after.to_string(), "a week after {latest}");
    let sheets = read_cells(&book);
    let ids: Vec<String> = sheets
        .iter()
        .flat_map(|(_, rows)| {
            let h = rows
                .iter()
                .position(|r| r.first().is_some_and(|c| c == "ntm-site:id"))
                .unwrap();
            rows[h + 1..]
                .iter()
                .filter_map(|r| r.first().filter(|c| !c.is_empty()).cloned())
                .collect::<Vec<_>>()
        })
        .collect();
    let listed: BTreeSet<String> = ids.iter().cloned().collect();
    assert_eq!(listed.len(), ids.len(), "each commune once: {ids:?}");
    let today = communes_of_today(&content);
    assert_eq!(listed, today);
    assert!(t.contains(&format!("{} xã", today.len())), "{t}");
    assert!(!listed.contains("can-loc/my-loc"), "a former commune");
    // One column per indicator of QĐ 51/2025, pre-filled with each
    // commune's latest state: Cẩm Bình as the latest snapshot has it.
    let (_, rows) = sheets
        .iter()
        .find(|(_, rows)| {
            rows.iter()
                .any(|r| r.first().is_some_and(|c| c == "cam-binh"))
        })
        .unwrap();
    let h = rows
        .iter()
        .position(|r| r.first().is_some_and(|c| c == "ntm-site:id"))
        .unwrap();
    let heads: Vec<&str> = rows[h]
        .iter()
        .map(String::as_str)
        .filter(|x| x.contains('.'))
        .collect();
    assert_eq!(heads.len(), 47, "{heads:?}");
    let row = rows
        .iter()
        .find(|r| r.first().is_some_and(|c| c == "cam-binh"))
        .unwrap();
    let xs: BTreeSet<String> = rows[h]
        .iter()
        .zip(row)
        .filter(|(_, v)| v.as_str() == "x")
        .map(|(h, _)| h.clone())
        .collect();
    let entry = latest_text
        .lines()
        .find_map(|l| l.strip_prefix("  cam-binh: "))
        .expect("Cẩm Bình reported in the latest week");
    let before = indicators(entry, &heads);
    assert_eq!(xs, before);
    assert!(
        !before.contains("2.8") && before.contains("9.1"),
        "{before:?}"
    );

    // 2. An untouched workbook lists nobody and writes nothing.
    let o = ntm(&["import", "--content", c, b]);
    assert!(o.status.success(), "{}", text(&o));
    assert!(text(&o).contains("0 xã báo cáo"), "{}", text(&o));
    let written_path = content.join(format!("progress/{date}.yaml"));
    assert!(!written_path.exists());

    // 3. The communes fill it in: Cẩm Bình gains 2.8 (which completes
    // criterion 2) and loses 9.1; Kỳ Lạc, silent since the summer (its
    // state stale), reports again without a change.
    let filled = dir.path().join("tuan-da-dien.xlsx");
    fill_in(
        &book,
        &filled,
        &[("cam-binh", "2.8", "x"), ("cam-binh", "9.1", "")],
        &["ky-lac"],
        &vi(&date),
    );
    let f = filled.to_str().unwrap();
    let o = ntm(&["import", "--content", c, "--dry-run", f]);
    assert!(o.status.success(), "{}", text(&o));
    let t = text(&o);
    assert!(t.contains("2 xã báo cáo"), "{t}");
    let mut after = before.clone();
    after.insert("2.8".into());
    after.remove("9.1");
    let (n0, n1) = (criteria_met(&before, &heads), criteria_met(&after, &heads));
    assert_eq!(n1, n0 + 1);
    let line = format!(
        "cam-binh (Cẩm Bình): {n0} → {n1} tiêu chí; thêm 2; thêm chỉ tiêu 2.8; mất chỉ tiêu 9.1; đạt {}/47 chỉ tiêu",
        after.len()
    );
    assert!(t.contains(&line), "{line}\n{t}");
    assert!(t.contains("ky-lac (Kỳ Lạc): không đổi"), "{t}");
    assert!(!written_path.exists(), "dry run writes nothing");

    let o = ntm(&["import", "--content", c, f]);
    assert!(o.status.success(), "{}", text(&o));
    let written = std::fs::read_to_string(&written_path).unwrap();
    let entries: Vec<&str> = written.lines().filter(|l| l.starts_with("  ")).collect();
    assert_eq!(entries.len(), 2, "{written}");
    // Cẩm Bình's new state, criterion 2 now written whole.
    let entry = entries[0]
        .strip_prefix("  cam-binh: ")
        .unwrap_or_else(|| panic!("{written}"));
    assert_eq!(indicators(entry, &heads), after, "{written}");
    assert!(entries[1].starts_with("  ky-lac: ["), "{written}");
    // Importing again refuses to overwrite.
    let o = ntm(&["import", "--content", c, f]);
    assert_eq!(o.status.code(), Some(1));
    assert!(text(&o).contains("đã có"), "{}", text(&o));

    // 4. check and build.
    let o = ntm(&["check", "--content", c]);
    assert!(o.status.success(), "{}", text(&o));
    // The new snapshot is the latest one check sees.
    assert!(
        text(&o).contains(&format!("đến {})", vi(&date))),
        "{}",
        text(&o)
    );
    let out = dir.path().join("output");
    let o = build(c, &out);
    assert!(o.status.success(), "{}", text(&o));
    assert!(
        text(&o).contains("trang"),
        "the build ends with its summary: {}",
        text(&o)
    );

    // 5. The new bulletin names the changes, indicator by indicator; Kỳ Lạc
    // is current again, Kỳ Văn (still silent) still flagged.
    let page = std::fs::read_to_string(out.join(format!("ban-tin/{date}/index.html"))).unwrap();
    assert!(page.contains("Cẩm Bình"), "the bulletin names Cẩm Bình");
    assert!(page.contains("2.8"), "the bulletin names indicator 2.8");
    let commune =
        |id: &str| std::fs::read_to_string(out.join(format!("xa/{id}/index.html"))).unwrap();
    assert!(!commune("ky-lac").contains("notice stale"));
    assert!(commune("ky-van").contains("notice stale"));
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
        "3/4/2026",
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
    let o = build(c, &out);
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

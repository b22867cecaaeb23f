//! Writes the messy weekly tables under `tests/sheets/` that the import tests
//! read: a workbook laid out the way district offices really send them, a
//! CSV file with `;`, and two CSV files in the legacy encodings TCVN3 and
//! VNI (their bytes written by hand here, independently of the decoder),
//! and a workbook by indicator (chỉ tiêu) for the worked example of 2026.
//!
//! `cargo run --example make_sheets` rewrites them; the expected snapshots
//! beside them (`*.expected.yaml`) are written by hand.

use rust_xlsxwriter::{DocProperties, ExcelDateTime, Format, FormatAlign, Workbook, XlsxError};
use std::path::Path;

/// 19 criteria cells from a list of met criteria, with `yes` / `no` words
/// cycling through what clerks write.
fn cells(met: &[u32], yes: &[&'static str], no: &[&'static str]) -> Vec<&'static str> {
    (1..=19)
        .map(|k| {
            let i = k as usize;
            if met.contains(&k) {
                yes[i % yes.len()]
            } else {
                no[i % no.len()]
            }
        })
        .collect()
}

fn workbook(path: &Path) -> Result<(), XlsxError> {
    let mut wb = Workbook::new();
    let dt = ExcelDateTime::from_ymd(2017, 12, 29)?;
    wb.set_properties(&DocProperties::new().set_creation_datetime(&dt));
    let center = Format::new().set_align(FormatAlign::Center);
    let bold = Format::new().set_bold();

    // Sheet 1: two title rows, a two-row header with merged cells, criteria
    // headed in every usual way, names in every case, a code instead of a
    // name, a commune that did not report, a misspelt one, a totals row.
    let ws = wb.add_worksheet();
    ws.set_name("Kỳ Anh")?;
    ws.merge_range(0, 0, 0, 22, "UBND HUYỆN KỲ ANH", &bold)?;
    ws.merge_range(
        1,
        0,
        1,
        22,
        "BÁO CÁO TIẾN ĐỘ XÂY DỰNG NÔNG THÔN MỚI tính đến ngày 29 tháng 12 năm 2017",
        &bold,
    )?;
    ws.merge_range(2, 0, 3, 0, "STT", &center)?;
    ws.merge_range(2, 1, 3, 1, "Tên xã", &center)?;
    ws.merge_range(2, 2, 3, 2, "Mã ĐVHC", &center)?;
    ws.merge_range(2, 3, 2, 21, "Các tiêu chí đạt chuẩn", &center)?;
    ws.merge_range(2, 22, 3, 22, "Ghi chú", &center)?;
    let heads = [
        "TC1",
        "2",
        "Tiêu chí 3",
        "Điện",
        "TC 5",
        "Tiêu chí số 6",
        "7",
        "TC8",
        "TC9",
        "TC10",
        "TC11",
        "TC12",
        "TC13",
        "TC14",
        "TC15",
        "TC16",
        "TC17",
        "TC18",
        "TC19",
    ];
    for (i, h) in heads.iter().enumerate() {
        ws.write_string(3, 3 + i as u16, *h)?;
    }
    let rows: Vec<(&str, &str, Vec<&str>)> = vec![
        // Kỳ Thư: met 1-5, 8, 9, 10, 12, 13, 15, 16, 19.
        (
            "Xã Kỳ Thư",
            "",
            cells(
                &[1, 2, 3, 4, 5, 8, 9, 10, 12, 13, 15, 16, 19],
                &["x", "X"],
                &["", "0"],
            ),
        ),
        // Kỳ Tân: all met, written "Đạt".
        (
            "KỲ TÂN",
            "",
            cells(&(1..=19).collect::<Vec<_>>(), &["Đạt", "đạt"], &[""]),
        ),
        // Kỳ Bắc, without diacritics: 1, 4, 8, 19.
        (
            "ky bac",
            "",
            cells(&[1, 4, 8, 19], &["1", "✓"], &["0", "-"]),
        ),
        // Kỳ Châu with its district: meets nothing (written, not blank).
        (
            "Kỳ Châu (Kỳ Anh)",
            "",
            cells(&[], &["x"], &["Chưa đạt", "không"]),
        ),
        // By its code only (Kỳ Đồng): 1, 2, 3.
        ("", "18775", cells(&[1, 2, 3], &["có"], &[""])),
        // Did not report.
        ("Kỳ Giang", "", cells(&[], &["x"], &[""])),
        // Misspelt: no commune; closest Kỳ Thư.
        ("Kỳ Thuu", "", cells(&[1], &["x"], &[""])),
    ];
    for (k, (name, code, values)) in rows.iter().enumerate() {
        let r = 4 + k as u32;
        ws.write_number(r, 0, (k + 1) as f64)?;
        ws.write_string(r, 1, *name)?;
        ws.write_string(r, 2, *code)?;
        for (i, v) in values.iter().enumerate() {
            ws.write_string(r, 3 + i as u16, *v)?;
        }
    }
    let total = 4 + rows.len() as u32;
    ws.write_string(total, 1, "Tổng cộng")?;
    for i in 0..19u16 {
        ws.write_number(total, 3 + i, 3.0)?;
    }

    // Sheet 2: one title row, criteria headed by their names.
    let ws = wb.add_worksheet();
    ws.set_name("Can Loc")?;
    ws.write_string(0, 0, "Huyện Can Lộc - số liệu ngày 29/12/2017")?;
    let names = [
        "Quy hoạch",
        "Giao thông",
        "Thủy lợi",
        "Điện",
        "Trường học",
        "Cơ sở vật chất văn hóa",
        "Cơ sở hạ tầng thương mại nông thôn",
        "Thông tin và Truyền thông",
        "Nhà ở dân cư",
        "Thu nhập",
        "Hộ nghèo",
        "Lao động có việc làm",
        "Tổ chức sản xuất",
        "Giáo dục và Đào tạo",
        "Y tế",
        "Văn hóa",
        "Môi trường và an toàn thực phẩm",
        "Hệ thống chính trị và tiếp cận pháp luật",
        "Quốc phòng và An ninh",
    ];
    ws.write_string(1, 0, "TT")?;
    ws.write_string(1, 1, "Xã, thị trấn")?;
    for (i, n) in names.iter().enumerate() {
        ws.write_string(1, 2 + i as u16, n.to_uppercase())?;
    }
    let rows: Vec<(&str, Vec<&str>)> = vec![
        // Mỹ Lộc gains 2 and 3: 1, 2, 3, 4, 8, 14, 18, 19.
        (
            "Xã Mỹ Lộc",
            cells(&[1, 2, 3, 4, 8, 14, 18, 19], &["✓"], &["không"]),
        ),
        // Phú Lộc with its district after a dash: loses 7.
        (
            "PHÚ LỘC - Can Lộc",
            cells(
                &[
                    1, 2, 3, 4, 5, 6, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19,
                ],
                &["có"],
                &["-"],
            ),
        ),
    ];
    for (k, (name, values)) in rows.iter().enumerate() {
        let r = 2 + k as u32;
        ws.write_number(r, 0, (k + 1) as f64)?;
        ws.write_string(r, 1, *name)?;
        for (i, v) in values.iter().enumerate() {
            ws.write_string(r, 2 + i as u16, *v)?;
        }
    }
    wb.save(path)
}

/// A workbook by indicator, as a district sends it under QĐ 318/2022 (the
/// worked example `tests/fixtures/example-2026`, 2/2/2024): criteria 2 and
/// 17 split into indicator columns headed in every usual way (`CT 2.1`,
/// `Chỉ tiêu 2.2`, `2.3`, by name, `17.10`), grouped under merged criterion
/// cells; a commune by its code; a blank row; a totals row; and a second
/// sheet by criterion only.
fn indicator_workbook(path: &Path) -> Result<(), XlsxError> {
    let mut wb = Workbook::new();
    let dt = ExcelDateTime::from_ymd(2024, 2, 2)?;
    wb.set_properties(&DocProperties::new().set_creation_datetime(&dt));
    let center = Format::new().set_align(FormatAlign::Center);
    let bold = Format::new().set_bold();
    // Columns: 0 STT, 1 Tên xã, 2 Mã, 3 Huyện, then the states.
    let mut heads: Vec<String> = vec!["TC1".into()];
    heads.extend(["CT 2.1", "Chỉ tiêu 2.2", "2.3", "Đường trục chính nội đồng"].map(String::from));
    for k in 3..=16 {
        heads.push(if k % 2 == 0 {
            format!("TC{k}")
        } else {
            format!("Tiêu chí {k}")
        });
    }
    for k in 1..=12 {
        heads.push(if k == 10 {
            "CT17.10".into()
        } else {
            format!("17.{k}")
        });
    }
    heads.push("18".into());
    heads.push("TC19".into());
    let last = 3 + heads.len() as u16;
    let ws = wb.add_worksheet();
    ws.set_name("Tổng hợp")?;
    ws.merge_range(
        0,
        0,
        0,
        last,
        "UBND TỈNH — VĂN PHÒNG ĐIỀU PHỐI NÔNG THÔN MỚI",
        &bold,
    )?;
    ws.merge_range(
        1,
        0,
        1,
        last,
        "TỔNG HỢP KẾT QUẢ THỰC HIỆN TIÊU CHÍ, CHỈ TIÊU tính đến ngày 02/02/2024",
        &bold,
    )?;
    for (c, label) in [(0u16, "STT"), (1, "Tên xã"), (2, "Mã xã"), (3, "Huyện")] {
        ws.merge_range(2, c, 3, c, label, &center)?;
    }
    // The criteria's row: criteria without indicators merged down.
    for (c, h) in (4u16..).zip(&heads) {
        if h.contains("2.") || h == "Đường trục chính nội đồng" || h.contains("17.") {
            ws.write_string(3, c, h)?;
        } else {
            ws.merge_range(2, c, 3, c, h, &center)?;
        }
    }
    ws.merge_range(2, 5, 2, 8, "Tiêu chí 2 — Giao thông", &center)?;
    ws.merge_range(
        2,
        23,
        2,
        34,
        "Tiêu chí 17 — Môi trường và an toàn thực phẩm",
        &center,
    )?;
    // Rows: (name, code, district, met cells by head index).
    let yes = ["x", "Đạt", "✓", "1"];
    let no = ["", "0", "-", "Chưa đạt"];
    let row = |met: &dyn Fn(&str) -> bool| -> Vec<&'static str> {
        heads
            .iter()
            .enumerate()
            .map(|(i, h)| if met(h) { yes[i % 4] } else { no[i % 4] })
            .collect()
    };
    let is = |h: &str, list: &[&str]| list.contains(&h);
    let rows: Vec<(&str, &str, &str, Vec<&str>)> = vec![
        // Kỳ Hoa gains 2.3: 1, 2.1, 2.2, 2.3, 3, 4, 5.
        (
            "Xã Kỳ Hoa",
            "",
            "Kỳ Anh",
            row(&|h| {
                is(
                    h,
                    &[
                        "TC1",
                        "CT 2.1",
                        "Chỉ tiêu 2.2",
                        "2.3",
                        "Tiêu chí 3",
                        "TC4",
                        "Tiêu chí 5",
                    ],
                )
            }),
        ),
        // Đức Hòa gains 2.4 (by name), which completes criterion 2.
        (
            "ĐỨC HÒA",
            "",
            "Đức Thọ",
            row(&|h| {
                is(
                    h,
                    &[
                        "TC1",
                        "CT 2.1",
                        "Chỉ tiêu 2.2",
                        "2.3",
                        "Đường trục chính nội đồng",
                        "Tiêu chí 3",
                        "Tiêu chí 5",
                    ],
                )
            }),
        ),
        // Yên Hồ: criteria 1 to 14 but only 2.1, 2.2, 2.3 of criterion 2.
        (
            "Yên Hồ",
            "",
            "Đức Thọ",
            row(&|h| {
                !h.starts_with("17.")
                    && !h.starts_with("CT17")
                    && h != "Đường trục chính nội đồng"
                    && !["Tiêu chí 15", "TC16", "18", "TC19"].contains(&h)
            }),
        ),
        // Tùng Ảnh did not report: every cell blank.
        (
            "Tùng Ảnh",
            "",
            "Đức Thọ",
            heads.iter().map(|_| "").collect(),
        ),
        // Kỳ Thư by its code, no name: gains 17.10.
        (
            "",
            "18337",
            "Kỳ Anh",
            row(&|h| !["17.11", "17.12"].contains(&h)),
        ),
    ];
    for (k, (name, code, district, values)) in rows.iter().enumerate() {
        let r = 4 + k as u32;
        ws.write_number(r, 0, (k + 1) as f64)?;
        ws.write_string(r, 1, *name)?;
        ws.write_string(r, 2, *code)?;
        ws.write_string(r, 3, *district)?;
        for (i, v) in values.iter().enumerate() {
            if !v.is_empty() {
                ws.write_string(r, 4 + i as u16, *v)?;
            }
        }
    }
    let r = 4 + rows.len() as u32;
    ws.write_string(r, 1, "Tổng cộng")?;
    ws.write_number(r, 4, 4.0)?;

    // Sheet 2: by criterion only (TC1..TC19); Sơn Kim gains 19.
    let ws = wb.add_worksheet();
    ws.set_name("Sơn Kim")?;
    ws.write_string(0, 0, "Báo cáo ngày 02/02/2024")?;
    ws.write_string(1, 0, "Xã")?;
    for k in 1..=19u16 {
        ws.write_string(1, k, format!("TC{k}"))?;
        ws.write_string(2, k, "x")?;
    }
    ws.write_string(2, 0, "Sơn Kim")?;
    wb.save(path)
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/sheets");
    std::fs::create_dir_all(&dir)?;
    workbook(&dir.join("messy.xlsx"))?;
    indicator_workbook(&dir.join("indicators.xlsx"))?;

    // A CSV file as Excel writes it in a Vietnamese locale: `;`, a title
    // line, a district column, names in capitals.
    let mut csv = String::from("\u{feff}BÁO CÁO TUẦN 23-29/12/2017;;;\n");
    csv.push_str("STT;Xã;Huyện");
    for k in 1..=19 {
        csv.push_str(&format!(";TC{k}"));
    }
    csv.push('\n');
    let line = |n: u32, name: &str, district: &str, met: &[u32]| {
        let mut l = format!("{n};{name};{district}");
        for k in 1..=19 {
            l.push_str(if met.contains(&k) { ";x" } else { ";0" });
        }
        l.push('\n');
        l
    };
    csv.push_str(&line(1, "THẠCH LIÊN", "Thạch Hà", &[4, 5, 8, 15, 16, 18]));
    csv.push_str(&line(
        2,
        "Thạch Hội",
        "Thạch Hà",
        &[1, 3, 4, 8, 9, 12, 15, 16, 18, 19],
    ));
    csv.push_str("3;Thạch Lâm;Thạch Hà;;;;;;;;;;;;;;;;;;;\n");
    csv.push_str("Tổng;;;1;0;1;2;1;0;0;2;1;0;0;1;0;0;2;2;0;2;1\n");
    std::fs::write(dir.join("messy.csv"), csv)?;

    // TCVN3: a title, "Xã,TC1..TC19" and two communes, bytes written by
    // hand: "ng\xb5y" is "ngày", "K\xfa Th\xad" "Kỳ Thư", "K\xfa B\xbec"
    // "Kỳ Bắc", "X\xb7" "Xã", "\xa7\xb9t" "Đạt", "Ch\xada \xae\xb9t" "Chưa đạt".
    let mut t: Vec<u8> = b"B\xb8o c\xb8o ng\xb5y 29/12/2017\r\nX\xb7".to_vec();
    for k in 1..=19 {
        t.extend(format!(",TC{k}").bytes());
    }
    t.extend(b"\r\nK\xfa Th\xad");
    for k in 1..=19 {
        t.extend(if k <= 10 {
            b",x".as_slice()
        } else {
            b",".as_slice()
        });
    }
    t.extend(b"\r\nK\xfa B\xbec");
    for k in 1..=19 {
        t.extend(if k % 2 == 1 {
            b",\xa7\xb9t".as_slice()
        } else {
            b",Ch\xada \xae\xb9t".as_slice()
        });
    }
    t.extend(b"\r\n");
    std::fs::write(dir.join("tcvn3.csv"), t)?;

    // VNI: "Ngày 29/12/2017" is "Nga\xf8y"; "Kỳ Thư" "Ky\xf8 Th\xf6";
    // "Kỳ Bắc" "Ky\xf8 Ba\xe9c"; "Đạt" "\xd1a\xeft"; "Xã" "Xa\xf5".
    let mut v: Vec<u8> = b"Ba\xf9o ca\xf9o nga\xf8y 29/12/2017\r\nXa\xf5".to_vec();
    for k in 1..=19 {
        v.extend(format!(",TC{k}").bytes());
    }
    v.extend(b"\r\nKy\xf8 Th\xf6");
    for k in 1..=19 {
        v.extend(if k <= 10 {
            b",x".as_slice()
        } else {
            b",".as_slice()
        });
    }
    v.extend(b"\r\nKy\xf8 Ba\xe9c");
    for k in 1..=19 {
        v.extend(if k % 2 == 1 {
            b",\xd1a\xeft".as_slice()
        } else {
            b",0".as_slice()
        });
    }
    v.extend(b"\r\n");
    std::fs::write(dir.join("vni.csv"), v)?;
    Ok(())
}

//! Reading a spreadsheet into plain tables of text: `.xlsx`, `.xls`, `.ods`
//! (calamine) and `.csv` (in UTF-8, TCVN3 or VNI, see [`super::legacy`]),
//! with merged cells filled from their first cell.

use super::legacy::{self, Encoding};
use crate::diag::Message;
use crate::tr;
use calamine::{Data, Reader, SheetVisible, Sheets};
use std::path::Path;

/// One sheet: its name and its cells as text, row by row (absolute rows
/// and columns from A1, so that messages can name `C7`).
#[derive(Clone, Debug, Default)]
pub struct Table {
    pub name: String,
    pub rows: Vec<Vec<String>>,
}

impl Table {
    pub fn cell(&self, row: usize, col: usize) -> &str {
        self.rows
            .get(row)
            .and_then(|r| r.get(col))
            .map(String::as_str)
            .unwrap_or("")
    }
    pub fn width(&self) -> usize {
        self.rows.iter().map(Vec::len).max().unwrap_or(0)
    }
}

/// A workbook read: its visible sheets, and the encoding of a CSV file.
#[derive(Clone, Debug)]
pub struct Workbook {
    pub sheets: Vec<Table>,
    pub encoding: Option<Encoding>,
}

/// The most cells read from one sheet: a bigger sheet is no weekly report.
const MAX_CELLS: usize = 2_000_000;

/// A spreadsheet column's letters: 0 → `A`, 27 → `AB`.
pub fn col_name(col: usize) -> String {
    let mut n = col + 1;
    let mut s = Vec::new();
    while n > 0 {
        let r = (n - 1) % 26;
        s.push(b'A' + r as u8);
        n = (n - 1) / 26;
    }
    s.reverse();
    String::from_utf8(s).unwrap_or_default()
}

/// Reads `path` by its extension.
pub fn read(path: &Path) -> Result<Workbook, Message> {
    let ext = path
        .extension()
        .map(|e| e.to_string_lossy().to_lowercase())
        .unwrap_or_default();
    let p = path.display();
    match ext.as_str() {
        "csv" | "txt" => {
            let bytes = std::fs::read(path)
                .map_err(|e| tr!("không đọc được {p}: {e}", "cannot read {p}: {e}"))?;
            let (text, enc) = legacy::detect(&bytes);
            let name = path
                .file_stem()
                .map(|s| s.to_string_lossy().to_string())
                .unwrap_or_default();
            Ok(Workbook {
                sheets: vec![read_csv(&text, &name)],
                encoding: Some(enc),
            })
        }
        "xlsx" | "xlsm" | "xls" | "ods" | "xlsb" => read_workbook(path),
        _ => Err(tr!(
            "không đọc được loại tệp '.{ext}' của {p}; hãy lưu bảng tính dạng .xlsx, .xls, .ods hoặc .csv",
            "cannot read '.{ext}' files ({p}); save the sheet as .xlsx, .xls, .ods or .csv"
        )),
    }
}

/// A CSV text: the separator is the one of `,` `;` and tab that the first
/// lines use most (Excel in a Vietnamese locale writes `;`).
pub fn read_csv(text: &str, name: &str) -> Table {
    let head: String = text.lines().take(10).collect::<Vec<_>>().join("\n");
    let sep = [b',', b';', b'\t']
        .into_iter()
        .max_by_key(|&s| head.bytes().filter(|&b| b == s).count())
        .unwrap_or(b',');
    let mut rdr = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(sep)
        .from_reader(text.as_bytes());
    let mut rows = Vec::new();
    let mut cells = 0usize;
    for rec in rdr.records() {
        let Ok(rec) = rec else { break };
        cells += rec.len();
        if cells > MAX_CELLS {
            break;
        }
        rows.push(rec.iter().map(|c| c.trim().to_string()).collect());
    }
    Table {
        name: name.to_string(),
        rows,
    }
}

fn read_workbook(path: &Path) -> Result<Workbook, Message> {
    let p = path.display();
    let mut wb: Sheets<_> = calamine::open_workbook_auto(path).map_err(|e| {
        tr!(
            "không mở được bảng tính {p}: {e}",
            "cannot open the workbook {p}: {e}"
        )
    })?;
    let visible: Vec<String> = wb
        .sheets_metadata()
        .iter()
        .filter(|s| s.visible == SheetVisible::Visible)
        .map(|s| s.name.clone())
        .collect();
    let mut sheets = Vec::new();
    for name in visible {
        let range = wb.worksheet_range(&name).map_err(|e| {
            tr!(
                "không đọc được trang '{name}' của {p}: {e}",
                "cannot read the sheet '{name}' of {p}: {e}"
            )
        })?;
        let (r0, c0) = range.start().unwrap_or((0, 0));
        let (h, w) = range.get_size();
        if h.saturating_mul(w) > MAX_CELLS {
            return Err(tr!(
                "trang '{name}' quá lớn ({h} dòng × {w} cột) để là một báo cáo tuần",
                "the sheet '{name}' is too large ({h} rows × {w} columns) for a weekly report"
            ));
        }
        let mut rows = vec![Vec::new(); r0 as usize];
        for row in range.rows() {
            let mut cells = vec![String::new(); c0 as usize];
            cells.extend(row.iter().map(cell_text));
            rows.push(cells);
        }
        let merges = match &mut wb {
            Sheets::Xlsx(x) => x.merge_cells_by_sheet_name(&name).unwrap_or_default(),
            Sheets::Xls(x) => x.merge_cells_by_sheet_name(&name).unwrap_or_default(),
            _ => Vec::new(),
        };
        for m in merges {
            let (sr, sc) = (m.start.0 as usize, m.start.1 as usize);
            let first = rows
                .get(sr)
                .and_then(|r| r.get(sc))
                .cloned()
                .unwrap_or_default();
            if first.is_empty() {
                continue;
            }
            let er = (m.end.0 as usize).min(rows.len().saturating_sub(1));
            for (r, row) in rows.iter_mut().enumerate().take(er + 1).skip(sr) {
                let ec = (m.end.1 as usize).min(sc + 512);
                if row.len() <= ec {
                    row.resize(ec + 1, String::new());
                }
                for (c, cell) in row.iter_mut().enumerate().take(ec + 1).skip(sc) {
                    if (r, c) != (sr, sc) && cell.is_empty() {
                        *cell = first.clone();
                    }
                }
            }
        }
        sheets.push(Table { name, rows });
    }
    Ok(Workbook {
        sheets,
        encoding: None,
    })
}

/// A cell as text: numbers without a needless `.0`, dates as ISO.
fn cell_text(d: &Data) -> String {
    match d {
        Data::Empty | Data::Error(_) => String::new(),
        Data::String(s) => crate::text::nfc(s.trim()),
        Data::Int(i) => i.to_string(),
        Data::Float(f) => {
            if f.fract() == 0.0 && f.abs() < 1e15 {
                format!("{}", *f as i64)
            } else {
                f.to_string()
            }
        }
        Data::Bool(b) => if *b { "1" } else { "0" }.to_string(),
        Data::DateTime(dt) => {
            let serial = dt.as_f64().floor() as i64;
            if (1..=2_958_465).contains(&serial) {
                crate::date::Date::from_days(serial - 25_569).to_string()
            } else {
                serial.to_string()
            }
        }
        Data::DateTimeIso(s) => s.get(..10).unwrap_or(s).to_string(),
        Data::DurationIso(s) => s.clone(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn column_names() {
        assert_eq!(col_name(0), "A");
        assert_eq!(col_name(25), "Z");
        assert_eq!(col_name(26), "AA");
        assert_eq!(col_name(27), "AB");
    }

    #[test]
    fn csv_separator_is_guessed() {
        let t = read_csv("Xã;TC1;TC2\nKỳ Thư;x;\n", "t");
        assert_eq!(t.rows[1], vec!["Kỳ Thư", "x", ""]);
    }
}

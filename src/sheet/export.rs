//! `ntm-site export-sheet`: the office's weekly workbook (rust_xlsxwriter),
//! one sheet per district (one sheet when there are none), each commune's
//! current state pre-filled with `x`, what the communes fill in and send
//! back to `import`.
//!
//! Every sheet has the same layout: two title rows (the second gives the
//! reporting date, which `import` reads back), a line of instructions, the
//! criteria's names and their numbers as a two-row header (frozen and
//! repeated on every printed page), then one row per commune that exists on
//! the date. Under a set with indicators (v1.2) a criterion with indicators
//! has one column per indicator, grouped under the criterion's name in a
//! third header row (`2.1`, `2.2`, ... under "TC2 Giao thông"). Column A
//! (hidden) holds the commune's id and the last column (hidden) its
//! pre-filled state (`1;2.1;3`), so that `import` knows who changed what.
//! Every cell of text is written as text, never as a formula.

use super::import::{ID_HEADER, STATE_HEADER};
use crate::date::Date;
use crate::diag::Message;
use crate::model::{CommuneIx, Content, CriteriaSet, SetIx};
use crate::report::timeline::Timeline;
use crate::tr;
use rust_xlsxwriter::{
    Color, DataValidation, DataValidationRule, DocProperties, ExcelDateTime, Format, FormatAlign,
    FormatBorder, Workbook, Worksheet, XlsxError,
};

/// The rows of the layout (0-based); under a set with indicators the
/// criteria's row comes first, and the rest one row lower.
const TITLE_ROW: u32 = 0;
const DATE_ROW: u32 = 1;
const HELP_ROW: u32 = 2;
const NAMES_ROW: u32 = 3;
const HEADER_ROW: u32 = 4;
const FIRST_DATA_ROW: u32 = 5;

/// A column of states: a criterion (by number) or an indicator (by flat
/// position).
#[derive(Clone, Copy, Debug)]
enum StateCol {
    Criterion(usize),
    Indicator(usize),
}

/// The state columns of a set, in order: a criterion without indicators
/// has one, a criterion with indicators one per indicator.
fn state_cols(s: &CriteriaSet) -> Vec<StateCol> {
    let mut out = Vec::new();
    for c in &s.criteria {
        if c.indicators.is_empty() {
            out.push(StateCol::Criterion(c.number));
        } else {
            for k in 0..c.indicators.len() {
                out.push(StateCol::Indicator(c.indicator_offset + k + 1));
            }
        }
    }
    out
}

/// The sheets of the workbook: a name and the communes on it (those that
/// exist on `date`: not yet merged away, already established).
pub fn sheets(content: &Content, date: Date) -> Vec<(String, Vec<CommuneIx>)> {
    let mut out: Vec<(String, Vec<CommuneIx>)> = Vec::new();
    let tops: Vec<usize> = (0..content.groups.len())
        .filter(|&g| content.groups[g].parent.is_none())
        .collect();
    let mut loose = Vec::new();
    for c in 0..content.communes.len() {
        if content.communes[c].group.is_none() && content.exists_on(c, date) {
            loose.push(c);
        }
    }
    if tops.is_empty() {
        return vec![("Các xã".to_string(), loose)];
    }
    let mut by_name: Vec<(String, Vec<CommuneIx>)> = tops
        .iter()
        .map(|&g| {
            let gr = &content.groups[g];
            let communes: Vec<CommuneIx> = (0..content.communes.len())
                .filter(|&c| content.commune_in_group(c, g) && content.exists_on(c, date))
                .collect();
            // Two groups of one name (huyện and thị xã Kỳ Anh): say which.
            let twin = tops
                .iter()
                .filter(|&&o| content.groups[o].name == gr.name)
                .count()
                > 1;
            let label = if twin {
                format!("{} {}", gr.kind, gr.name)
            } else {
                gr.name.clone()
            };
            (sheet_name(&label), communes)
        })
        .filter(|(_, cs)| !cs.is_empty())
        .collect();
    by_name.sort_by(|a, b| crate::text::vi_cmp(&a.0, &b.0));
    out.extend(by_name);
    if !loose.is_empty() {
        out.push(("Các xã khác".to_string(), loose));
    }
    // Sheet names are unique (case-insensitively) and at most 31 characters.
    let mut used: Vec<String> = Vec::new();
    for (name, _) in &mut out {
        let base: String = name.chars().take(27).collect();
        let mut candidate = base.clone();
        let mut k = 2;
        while used
            .iter()
            .any(|u| u.to_lowercase() == candidate.to_lowercase())
        {
            candidate = format!("{base} {k}");
            k += 1;
        }
        used.push(candidate.clone());
        *name = candidate;
    }
    out
}

/// A sheet name Excel accepts: no `[]:*?/\`, no leading or trailing `'`.
fn sheet_name(name: &str) -> String {
    let cleaned: String = name
        .chars()
        .map(|c| {
            if "[]:*?/\\".contains(c) || c.is_control() {
                ' '
            } else {
                c
            }
        })
        .collect();
    let t = cleaned.trim().trim_matches('\'').trim();
    if t.is_empty() {
        "Xã".to_string()
    } else {
        t.chars().take(31).collect()
    }
}

fn xlsx_err(e: XlsxError) -> Message {
    tr!(
        "lỗi khi lập bảng tính: {e}",
        "cannot make the workbook: {e}"
    )
}

/// The workbook of the week of `date` under set `set`, as bytes.
pub fn workbook(
    content: &Content,
    timeline: &Timeline,
    date: Date,
    set: SetIx,
) -> Result<Vec<u8>, Message> {
    let mut wb = Workbook::new();
    if let Ok(dt) = ExcelDateTime::from_ymd(date.year() as u16, date.month(), date.day()) {
        wb.set_properties(
            &DocProperties::new()
                .set_title(format!("Báo cáo tiến độ nông thôn mới {}", date.vi()))
                .set_creation_datetime(&dt),
        );
    }
    for (name, communes) in sheets(content, date) {
        let ws = wb.add_worksheet();
        ws.set_name(&name).map_err(xlsx_err)?;
        fill_sheet(ws, content, timeline, date, set, &name, &communes).map_err(xlsx_err)?;
    }
    wb.save_to_buffer().map_err(xlsx_err)
}

fn fill_sheet(
    ws: &mut Worksheet,
    content: &Content,
    timeline: &Timeline,
    date: Date,
    set: SetIx,
    sheet: &str,
    communes: &[CommuneIx],
) -> Result<(), XlsxError> {
    let s = &content.sets[set];
    let cols = state_cols(s);
    let n = cols.len() as u16;
    // Under a set with indicators, the criteria's row above the names.
    let shift = u32::from(s.has_indicators());
    let (group_row, names_row, header_row, first_data_row) = (
        NAMES_ROW,
        NAMES_ROW + shift,
        HEADER_ROW + shift,
        FIRST_DATA_ROW + shift,
    );
    // Columns: A id (hidden), B STT, C Xã, D Mã xã, E.. criteria (or
    // indicators), then the report date, then the state (hidden).
    let first_crit: u16 = 4;
    let date_col = first_crit + n;
    let state_col = date_col + 1;
    let last_visible = date_col;
    let bold = Format::new().set_bold();
    let title = Format::new().set_bold().set_font_size(14);
    let header = Format::new()
        .set_bold()
        .set_align(FormatAlign::Center)
        .set_align(FormatAlign::VerticalCenter)
        .set_text_wrap()
        .set_border(FormatBorder::Thin)
        .set_background_color(Color::RGB(0xE8F0E0));
    let names_fmt = header.clone().set_rotation(90).set_font_size(9);
    let cell = Format::new()
        .set_align(FormatAlign::Center)
        .set_border(FormatBorder::Thin);
    let text = Format::new().set_border(FormatBorder::Thin);
    let date_fmt = Format::new()
        .set_num_format("dd/mm/yyyy")
        .set_border(FormatBorder::Thin);
    let period_start = Date::from_days(date.to_days() - 6);

    ws.merge_range(
        TITLE_ROW,
        1,
        TITLE_ROW,
        last_visible,
        &format!("{} — {}", content.site.title, sheet),
        &title,
    )?;
    ws.merge_range(
        DATE_ROW,
        1,
        DATE_ROW,
        last_visible,
        &format!(
            "Báo cáo tuần {}–{} · ngày báo cáo {} · {}",
            period_start.vi(),
            date.vi(),
            date.vi(),
            s.id
        ),
        &bold,
    )?;
    ws.merge_range(
        HELP_ROW,
        1,
        HELP_ROW,
        last_visible,
        if s.has_indicators() {
            "Ghi x vào chỉ tiêu (và tiêu chí không chia chỉ tiêu) xã đạt, để trống cái chưa đạt. Xã có báo cáo tuần này ghi ngày vào cột \"Ngày báo cáo\". Không sửa cột Xã và các cột ẩn."
        } else {
            "Ghi x vào tiêu chí xã đạt, để trống tiêu chí chưa đạt. Xã có báo cáo tuần này ghi ngày vào cột \"Ngày báo cáo\". Không sửa cột Xã và các cột ẩn."
        },
        &Format::new().set_italic().set_text_wrap(),
    )?;
    ws.set_row_height(HELP_ROW, 30)?;
    ws.write_string_with_format(header_row, 0, ID_HEADER, &header)?;
    for r in group_row..header_row {
        ws.write_string_with_format(r, 0, "", &header)?;
        ws.write_string_with_format(r, state_col, "", &header)?;
    }
    for (col, label) in [(1u16, "STT"), (2, "Xã"), (3, "Mã xã")] {
        ws.merge_range(group_row, col, header_row, col, label, &header)?;
    }
    let mut col = first_crit;
    for c in &s.criteria {
        if c.indicators.is_empty() {
            if group_row < names_row {
                ws.merge_range(group_row, col, names_row, col, &c.name, &names_fmt)?;
            } else {
                ws.write_string_with_format(names_row, col, &c.name, &names_fmt)?;
            }
            ws.write_string_with_format(header_row, col, format!("TC{}", c.number), &header)?;
            ws.set_column_width(col, 4.5)?;
            col += 1;
            continue;
        }
        let last = col + c.indicators.len() as u16 - 1;
        let label = format!("TC{} {}", c.number, c.name);
        if last > col {
            ws.merge_range(group_row, col, group_row, last, &label, &header)?;
        } else {
            ws.write_string_with_format(group_row, col, &label, &header)?;
        }
        for x in &c.indicators {
            ws.write_string_with_format(names_row, col, &x.name, &names_fmt)?;
            ws.write_string_with_format(header_row, col, &x.id, &header)?;
            ws.set_column_width(col, 4.5)?;
            col += 1;
        }
    }
    ws.merge_range(
        group_row,
        date_col,
        header_row,
        date_col,
        "Ngày báo cáo",
        &header,
    )?;
    ws.write_string_with_format(header_row, state_col, STATE_HEADER, &header)?;
    if group_row < names_row {
        ws.set_row_height(group_row, 60)?;
    }
    ws.set_row_height(names_row, 110)?;
    ws.set_column_width(1, 4)?;
    ws.set_column_width(2, 18)?;
    ws.set_column_width(3, 8)?;
    ws.set_column_width(date_col, 12)?;
    ws.set_column_hidden(0)?;
    ws.set_column_hidden(state_col)?;

    let mut sorted: Vec<CommuneIx> = communes.to_vec();
    sorted.sort_by(|&a, &b| {
        let ka = (
            content.ancestors(a),
            crate::text::collation_key(&content.communes[a].name),
        );
        let kb = (
            content.ancestors(b),
            crate::text::collation_key(&content.communes[b].name),
        );
        ka.cmp(&kb)
    });
    for (k, &c) in sorted.iter().enumerate() {
        let row = first_data_row + k as u32;
        let commune = &content.communes[c];
        ws.write_string_with_format(row, 0, &commune.id, &text)?;
        ws.write_number_with_format(row, 1, (k + 1) as f64, &cell)?;
        ws.write_string_with_format(row, 2, &commune.name, &text)?;
        ws.write_string_with_format(row, 3, commune.code.as_deref().unwrap_or(""), &text)?;
        // The state on the reporting date, under the same set only.
        let (met, ind) = timeline
            .state_on(c, date)
            .filter(|st| st.set == set)
            .map(|st| s.complete(st.met, st.indicators_met))
            .unwrap_or_default();
        for (i, sc) in cols.iter().enumerate() {
            let col = first_crit + i as u16;
            let has = match *sc {
                StateCol::Criterion(k) => met.has(k),
                StateCol::Indicator(p) => ind.has(p),
            };
            ws.write_string_with_format(row, col, if has { "x" } else { "" }, &cell)?;
        }
        ws.write_blank(row, date_col, &date_fmt)?;
        let state: Vec<String> = s
            .met_list(met, ind)
            .into_iter()
            .map(|x| x.trim_matches('"').to_string())
            .collect();
        ws.write_string(row, state_col, state.join(";"))?;
    }
    if !sorted.is_empty() {
        let last = first_data_row + sorted.len() as u32 - 1;
        let v = DataValidation::new()
            .allow_list_strings(&["x"])?
            .ignore_blank(true)
            .set_error_message("Ghi x (đạt) hoặc để trống (chưa đạt).")?;
        ws.add_data_validation(first_data_row, first_crit, last, date_col - 1, &v)?;
        if let (Ok(lo), Ok(hi)) = (
            ExcelDateTime::from_ymd(2000, 1, 1),
            ExcelDateTime::from_ymd(2100, 12, 31),
        ) {
            let dv = DataValidation::new()
                .allow_date(DataValidationRule::Between(lo, hi))
                .ignore_blank(true)
                .set_error_message("Ghi ngày báo cáo, ví dụ 06/03/2026.")?;
            ws.add_data_validation(first_data_row, date_col, last, date_col, &dv)?;
        }
    }
    ws.set_freeze_panes(first_data_row, 3)?;
    ws.set_landscape();
    ws.set_paper_size(9); // A4
    ws.set_print_fit_to_pages(1, 0);
    ws.set_repeat_rows(group_row, header_row)?;
    ws.set_print_gridlines(false);
    ws.set_footer("&CTrang &P/&N");
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sheet_names_are_excel_safe() {
        assert_eq!(sheet_name("Kỳ Anh"), "Kỳ Anh");
        assert_eq!(sheet_name("A/B: [C]"), "A B   C");
        assert_eq!(sheet_name("'"), "Xã");
    }
}

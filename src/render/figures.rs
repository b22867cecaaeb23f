//! Chart slots: a chart from [`crate::charts`] becomes an SVG file under
//! `bieu-do/` and a figure value for the template `partials/figure.html`:
//! the chart as an `<img>` (its title and description as the alternative
//! text, its size given so the page does not jump), its caption, and the
//! same figures as a data table in a collapsible `<details>`. Keeping the
//! SVG in its own file keeps pages light (a browser caches it) and the
//! HTML valid whatever the drawing holds.

use crate::charts::Chart;
use serde_json::{Value, json};

/// The width and height an SVG declares, read from its `viewBox`.
fn size(svg: &str) -> Option<(u32, u32)> {
    let i = svg.find("viewBox=\"")? + "viewBox=\"".len();
    let rest = &svg[i..];
    let vb = &rest[..rest.find('"')?];
    let nums: Vec<f64> = vb
        .split_whitespace()
        .filter_map(|x| x.parse().ok())
        .collect();
    match nums[..] {
        [_, _, w, h] => Some((w.round() as u32, h.round() as u32)),
        _ => None,
    }
}

/// The figure value of `chart`, its SVG to be written at `file` (relative
/// to the site's root). `id` is the figure's anchor on its page.
pub fn figure(id: &str, chart: &Chart, file: &str) -> Value {
    let (w, h) = size(&chart.svg).unwrap_or((440, 280));
    let (pw, ph) = size(&chart.phone_svg).unwrap_or((320, 280));
    let t = &chart.table;
    json!({
        "id": id,
        "title": chart.title,
        "description": chart.desc,
        "caption": chart.caption,
        "img": file,
        "width": w,
        "height": h,
        "png": super::chart_png::png_path(file),
        "png_width": super::chart_png::png_size(w, h).0,
        "png_height": super::chart_png::png_size(w, h).1,
        "img_phone": crate::charts::phone_path(file),
        "phone_width": pw,
        "phone_height": ph,
        "alt": format!("{}. {}", chart.title, chart.desc),
        "table": if t.rows.is_empty() { Value::Null } else { json!({
            "caption": t.caption,
            "head": t.headers,
            "rows": t.rows,
        })},
    })
}

/// The CSV file of a chart's figures, beside its SVG.
pub fn csv_path(svg_file: &str) -> String {
    format!("{}.csv", svg_file.trim_end_matches(".svg"))
}

/// The chart's data table as CSV (in the data files' form: UTF-8 with a BOM,
/// CRLF): its header and rows exactly as the page's
/// table shows them, text that a spreadsheet would run made safe by
/// [`super::data::text_cell`]. `None` for a chart without a table.
pub fn table_csv(t: &crate::charts::DataTable) -> Option<Vec<u8>> {
    if t.rows.is_empty() {
        return None;
    }
    let safe =
        |row: &[String]| -> Vec<String> { row.iter().map(|c| super::data::text_cell(c)).collect() };
    let head = safe(&t.headers);
    let head: Vec<&str> = head.iter().map(String::as_str).collect();
    let rows = t.rows.iter().map(|r| safe(r)).collect();
    Some(super::data::csv_bytes(&head, rows))
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_chart_csv_cannot_run_in_a_spreadsheet() {
        let t = crate::charts::DataTable {
            caption: String::new(),
            headers: vec!["Xã".into(), "Số tiêu chí".into()],
            rows: vec![vec!["=HYPERLINK(\"http://x\")".into(), "19".into()]],
        };
        let csv = String::from_utf8(super::table_csv(&t).unwrap()).unwrap();
        assert_eq!(
            csv,
            "\u{feff}Xã,Số tiêu chí\r\n\"'=HYPERLINK(\"\"http://x\"\")\",19\r\n"
        );
    }

    #[test]
    fn reads_the_view_box() {
        assert_eq!(
            super::size(r#"<svg width="440" height="261.5" viewBox="0 0 440 261.5">"#),
            Some((440, 262))
        );
        assert_eq!(super::size("<svg>"), None);
    }
}

//! Spreadsheets of the office's week: `import` reads a weekly table into a
//! snapshot, `export-sheet` writes the workbook the communes fill in.
//!
//! - [`read`]: a workbook or CSV file as tables of text;
//! - [`legacy`]: TCVN3 and VNI CSV files turned into Unicode;
//! - [`import`]: tables → who reported what → `progress/<date>.yaml`;
//! - [`export`]: the weekly workbook.

pub mod export;
pub mod import;
pub mod legacy;
pub mod read;

use crate::date::Date;
use crate::diag::Message;
use crate::scaffold::{Outcome, next_report_date, today};
use crate::tr;
use std::path::{Path, PathBuf};

/// `ntm-site import`'s options.
#[derive(clap::Args, Debug, Clone)]
pub struct ImportArgs {
    /// The weekly table: .xlsx, .xls, .ods or .csv.
    pub file: PathBuf,
    /// The content folder.
    #[arg(long, default_value = "content")]
    pub content: PathBuf,
    /// The reporting date (default: the date in the sheet's title).
    #[arg(long)]
    pub date: Option<String>,
    /// Print what would be written and what changed; write nothing.
    #[arg(long)]
    pub dry_run: bool,
    /// Leave out the rows that name no commune or several, instead of stopping.
    #[arg(long)]
    pub skip_unmatched: bool,
}

/// `ntm-site export-sheet`'s options.
#[derive(clap::Args, Debug, Clone)]
pub struct ExportArgs {
    /// The workbook to write (.xlsx).
    pub file: PathBuf,
    /// The content folder.
    #[arg(long, default_value = "content")]
    pub content: PathBuf,
    /// The reporting date (default: a week after the latest snapshot).
    #[arg(long)]
    pub date: Option<String>,
}

fn parse_date(text: Option<&str>) -> Result<Option<Date>, Message> {
    match text {
        None => Ok(None),
        Some(t) => Date::parse_iso(t.trim()).map(Some).map_err(|_| {
            tr!(
                "ngày '{t}' không đúng; hãy viết YYYY-MM-DD, ví dụ 2026-03-06",
                "'{t}' is not a date; write YYYY-MM-DD, e.g. 2026-03-06"
            )
        }),
    }
}

/// Writes a whole file at once (a temporary file renamed into place), so
/// that no half-written file is ever left; `replace` allows an existing one.
fn write_file(path: &Path, bytes: &[u8], replace: bool) -> std::io::Result<()> {
    use std::io::Write;
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => PathBuf::from("."),
    };
    std::fs::create_dir_all(&dir)?;
    let mut tmp = tempfile::NamedTempFile::new_in(&dir)?;
    tmp.write_all(bytes)?;
    tmp.flush()?;
    if replace {
        tmp.persist(path).map(|_| ()).map_err(|e| e.error)
    } else {
        tmp.persist_noclobber(path).map(|_| ()).map_err(|e| e.error)
    }
}

fn checked(content: &Path) -> Result<crate::build::Checked, Message> {
    crate::build::check(content, true, false).map_err(|d| {
        let n = d.error_count();
        tr!(
            "thư mục nội dung có {n} lỗi; hãy chạy 'ntm-site check' và sửa trước",
            "the content folder has {n} errors; run 'ntm-site check' and fix them first"
        )
    })
}

/// Runs `import`.
pub fn run_import(args: &ImportArgs) -> Outcome {
    let date = parse_date(args.date.as_deref())?;
    let checked = checked(&args.content)?;
    let content = &checked.content;
    let wb = read::read(&args.file)?;
    let mut lines = Vec::new();
    if let Some(enc) = wb.encoding
        && enc != legacy::Encoding::Utf8
    {
        let e = enc.name();
        lines.push(tr!(
            "tệp CSV viết bằng bảng mã cũ {e}; đã chuyển sang Unicode",
            "the CSV file is in the legacy encoding {e}; converted to Unicode"
        ));
    }
    let plan = import::plan(content, &wb, date)?;
    lines.extend(plan.notes.iter().cloned());
    let d = plan.date;
    let rel = format!("progress/{d}.yaml");
    let path = args.content.join(&rel);
    let mut problems: Vec<Message> = plan.errors.clone();
    let unmatched = import::unmatched_lines(content, &plan);
    if !unmatched.is_empty() && !args.skip_unmatched {
        problems.extend(unmatched.iter().cloned());
        problems.push(tr!(
            "sửa tên xã trong bảng tính (hoặc ghi mã xã), hoặc chạy lại với --skip-unmatched để bỏ qua {} dòng này",
            "correct the communes' names in the sheet (or give their codes), or run again with --skip-unmatched to leave these {} rows out",
            plan.unmatched.len()
        ));
    }
    if !problems.is_empty() {
        let mut m = tr!("không ghi gì:", "nothing was written:");
        for p in &problems {
            m.push(&Message::new("\n  ", "\n  "));
            m.push(p);
        }
        return Err(m);
    }
    for u in &unmatched {
        let mut m = tr!("bỏ qua ", "left out: ");
        m.push(u);
        lines.push(m);
    }
    if let Some(last) = content.snapshots.last()
        && d < last.date
    {
        let l = last.date;
        lines.push(tr!(
            "lưu ý: ngày {d} trước báo cáo mới nhất ({l})",
            "note: {d} is before the latest snapshot ({l})"
        ));
    }
    let (r, nr, tot) = (plan.reported.len(), plan.not_reported, plan.totals_rows);
    lines.push(tr!(
        "{r} xã báo cáo, {nr} xã không báo cáo (để trống hoặc không đổi), {tot} dòng tổng cộng bỏ qua",
        "{r} communes reported, {nr} did not (blank or unchanged), {tot} totals rows skipped"
    ));
    let changes = import::change_lines(content, &checked.report.sweep.timeline, &plan);
    for c in &changes {
        let mut m = Message::new("  ", "  ");
        m.push(c);
        lines.push(m);
    }
    let source = args
        .file
        .file_name()
        .map(|n| n.to_string_lossy().to_string())
        .unwrap_or_default();
    let yaml = import::snapshot_yaml(content, &plan, &source);
    if args.dry_run {
        lines.push(tr!(
            "--dry-run: không ghi gì; {rel} sẽ là:",
            "--dry-run: nothing written; {rel} would be:"
        ));
        lines.push(Message::new(yaml.trim_end(), yaml.trim_end()));
        return Ok(lines);
    }
    if plan.reported.is_empty() {
        lines.push(tr!(
            "không có xã nào báo cáo; không ghi tệp nào",
            "no commune reported; no file was written"
        ));
        return Ok(lines);
    }
    if path.exists() {
        return Err(tr!(
            "{rel} đã có; không ghi đè. Hãy xóa hoặc đổi tên tệp đó, hoặc cho ngày khác bằng --date",
            "{rel} already exists; nothing was overwritten. Remove or rename it, or give another date with --date"
        ));
    }
    write_file(&path, yaml.as_bytes(), false)
        .map_err(|e| tr!("không ghi được {rel}: {e}", "cannot write {rel}: {e}"))?;
    lines.push(tr!(
        "đã ghi {rel}; tiếp theo: ntm-site check, rồi ntm-site build",
        "wrote {rel}; next: ntm-site check, then ntm-site build"
    ));
    Ok(lines)
}

/// Runs `export-sheet`.
pub fn run_export(args: &ExportArgs) -> Outcome {
    let date = parse_date(args.date.as_deref())?;
    let checked = checked(&args.content)?;
    let content = &checked.content;
    let date =
        date.unwrap_or_else(|| next_report_date(content.snapshots.last().map(|s| s.date), today()));
    let set = import::set_for(content, date)?;
    let bytes = export::workbook(content, &checked.report.sweep.timeline, date, set)?;
    let p = args.file.display().to_string();
    write_file(&args.file, &bytes, true)
        .map_err(|e| tr!("không ghi được {p}: {e}", "cannot write {p}: {e}"))?;
    let sheets = export::sheets(content, date);
    let n: usize = sheets.iter().map(|(_, cs)| cs.len()).sum();
    let s = sheets.len();
    Ok(vec![tr!(
        "đã ghi {p}: {s} trang, {n} xã, ngày báo cáo {d}; gửi các xã điền rồi nhập lại bằng: ntm-site import {p}",
        "wrote {p}: {s} sheets, {n} communes, reporting date {d}; send it to the communes, then read it back with: ntm-site import {p}",
        d = date
    )])
}

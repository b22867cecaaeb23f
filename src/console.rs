//! The lines the command line prints, in the reader's language: which
//! language that is (`--lang`, else the site's `language`, else Vietnamese),
//! the summary of `check`, the end of a build, and our own wording of clap's
//! usage errors.

use crate::build::Checked;
use crate::diag::{Lang, Message};
use crate::render::format;
use crate::tr;
use std::path::{Path, PathBuf};

/// The language to print in: `flag` (`--lang`) when given, else the
/// `language` of the site at `content` (read quietly: a site.yaml that is
/// missing or broken gives Vietnamese), else Vietnamese.
pub fn lang_for(flag: Option<Lang>, content: &Path) -> Lang {
    flag.or_else(|| crate::load::site::language_of(content))
        .unwrap_or_default()
}

/// `--lang`'s value.
pub fn parse_lang(code: &str) -> Result<Lang, String> {
    Lang::parse(code).ok_or_else(|| {
        format!("'{code}': dùng 'vi' (tiếng Việt) hoặc 'en' (tiếng Anh) / use 'vi' or 'en'")
    })
}

/// The language for an error in the command line itself, read from the raw
/// arguments before they are parsed: `--lang` if given, else the site of
/// `--content` (or of `content/`).
pub fn lang_from_args(args: &[String]) -> Lang {
    let value = |name: &str| -> Option<String> {
        let eq = format!("{name}=");
        let mut it = args.iter();
        while let Some(a) = it.next() {
            if a == name {
                return it.next().cloned();
            }
            if let Some(v) = a.strip_prefix(&eq) {
                return Some(v.to_string());
            }
        }
        None
    };
    let flag = value("--lang").and_then(|l| Lang::parse(&l));
    let content = value("--content").unwrap_or_else(|| "content".to_string());
    lang_for(flag, &PathBuf::from(content))
}

/// A usage error of the command line in Vietnamese words (clap writes
/// English): what was wrong, then where to read how to write it.
pub fn usage_error_vi(err: &clap::Error) -> String {
    use clap::error::{ContextKind, ContextValue, ErrorKind};
    let ctx = |k: ContextKind| -> Option<String> {
        err.get(k).map(|v| match v {
            ContextValue::String(s) => s.clone(),
            ContextValue::Strings(v) => v.join(", "),
            ContextValue::StyledStr(s) => s.to_string(),
            ContextValue::StyledStrs(v) => v
                .iter()
                .map(|s| s.to_string())
                .collect::<Vec<_>>()
                .join(", "),
            ContextValue::Number(n) => n.to_string(),
            other => other.to_string(),
        })
    };
    let arg = ctx(ContextKind::InvalidArg).unwrap_or_default();
    let suggestion = ctx(ContextKind::SuggestedArg)
        .or_else(|| ctx(ContextKind::SuggestedSubcommand))
        .map(|s| format!("; có phải là '{s}'?"))
        .unwrap_or_default();
    let mut out = String::from("lỗi: ");
    match err.kind() {
        ErrorKind::UnknownArgument => {
            out.push_str(&format!("không có tùy chọn '{arg}'{suggestion}"));
        }
        ErrorKind::InvalidSubcommand => {
            let sub = ctx(ContextKind::InvalidSubcommand).unwrap_or_default();
            out.push_str(&format!("không có lệnh '{sub}'{suggestion}"));
        }
        ErrorKind::InvalidValue | ErrorKind::ValueValidation => {
            let value = ctx(ContextKind::InvalidValue).unwrap_or_default();
            out.push_str(&format!("giá trị '{value}' không dùng được cho {arg}"));
            if let Some(valid) = ctx(ContextKind::ValidValue) {
                out.push_str(&format!("; các giá trị dùng được: {valid}"));
            }
        }
        ErrorKind::MissingRequiredArgument => {
            out.push_str(&format!("còn thiếu {arg}"));
        }
        ErrorKind::MissingSubcommand | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => {
            out.push_str(
                "cần ghi một lệnh: 'ntm-site check' (kiểm tra nội dung), 'ntm-site build' (dựng trang web vào output/) hoặc 'ntm-site serve' (xem thử trên máy này)",
            );
        }
        ErrorKind::ArgumentConflict => {
            let other = ctx(ContextKind::PriorArg).unwrap_or_default();
            out.push_str(&format!("không dùng {arg} cùng với {other}"));
        }
        ErrorKind::TooManyValues => {
            let value = ctx(ContextKind::InvalidValue).unwrap_or_default();
            out.push_str(&format!("thừa giá trị '{value}'"));
        }
        _ => {
            out.push_str("dòng lệnh không đúng");
        }
    }
    out.push_str("\n\nGõ 'ntm-site --help' (hoặc 'ntm-site <lệnh> --help') để xem cách dùng.\n");
    out
}

/// The summary `check` prints: the site's title, then counts and the
/// latest standing, in `lang`.
pub fn summary(checked: &Checked, lang: Lang) -> String {
    let c = &checked.content;
    let r = &checked.report;
    let int = |n: usize| format::int(lang, n as i64);
    let mut lines: Vec<Message> = vec![Message::same(c.site.title.clone())];
    let (groups, communes, sets) = (
        int(c.groups.len()),
        int(c.communes.len()),
        int(c.sets.len()),
    );
    lines.push(tr!("  huyện:        {groups}", "  groups:    {groups}"));
    lines.push(tr!("  xã:           {communes}", "  communes:  {communes}"));
    lines.push(tr!("  bộ tiêu chí:  {sets}", "  criteria sets: {sets}"));
    match (
        c.snapshots.first(),
        c.snapshots.last(),
        r.sweep.summaries.last(),
    ) {
        (Some(f), Some(l), Some(s)) => {
            let n = int(c.snapshots.len());
            let (fv, lv) = (f.date.vi(), l.date.vi());
            let (fe, le) = (f.date, l.date);
            lines.push(tr!(
                "  báo cáo tuần: {n} (từ {fv} đến {lv})",
                "  snapshots: {n} ({fe} .. {le})"
            ));
            let (meets, known) = (
                int(s.all.levels.meets_standard as usize),
                int(s.all.levels.known as usize),
            );
            let avg = s.all.levels.average_met();
            let avg_vi = avg.map(|a| format::dec2(Lang::Vi, a));
            let avg_vi = avg_vi.as_deref().unwrap_or("-");
            let avg_en = avg.map(|a| a.to_string()).unwrap_or_else(|| "-".into());
            lines.push(tr!(
                "  ngày {lv}: {meets} trên {known} xã có số liệu đạt chuẩn; bình quân {avg_vi} tiêu chí/xã",
                "  on {le}: {meets} of {known} known communes meet the standard; average {avg_en} criteria"
            ));
        }
        _ => lines.push(tr!("  báo cáo tuần: 0", "  snapshots: 0")),
    }
    let targets = int(c.targets.len());
    lines.push(tr!("  mục tiêu:     {targets}", "  targets:   {targets}"));
    let (models, news, pages) = (int(c.models.len()), int(c.news.len()), int(c.pages.len()));
    lines.push(tr!(
        "  mô hình: {models}, tin bài: {news}, trang: {pages}",
        "  models: {models}, news: {news}, pages: {pages}"
    ));
    let mut out = String::new();
    for l in lines {
        out.push_str(l.get(lang));
        out.push('\n');
    }
    out
}

/// `built <title> into <folder>`.
pub fn built(title: &str, output: &Path) -> Message {
    let out = output.display();
    tr!(
        "đã dựng xong {title} vào thư mục {out}",
        "built {title} into {out}"
    )
}

/// What stays as it was when a build writes nothing.
pub fn nothing_written(output: &Path) -> Message {
    let out = output.display();
    tr!(
        "không ghi gì cả; thư mục {out} vẫn giữ nguyên",
        "nothing was written; {out} is unchanged"
    )
}

/// After an error that is not the content's: `error: ...` then the output left alone.
pub fn failed(error: &Message, output: &Path) -> Message {
    let out = output.display();
    let Message { vi, en } = error;
    tr!(
        "lỗi: {vi}\nthư mục {out} vẫn giữ nguyên",
        "error: {en}\n{out} is unchanged"
    )
}

//! Progress of long work (photos, PDFs) for a person at a terminal
//! (indicatif): a bar on standard error when it is a terminal and the run is
//! not quiet; nothing at all otherwise (CI logs, pipes, tests).

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use std::io::IsTerminal;
use std::sync::atomic::{AtomicBool, Ordering};

static QUIET: AtomicBool = AtomicBool::new(false);
static ENGLISH: AtomicBool = AtomicBool::new(false);

/// `-q`: no progress bars.
pub fn set_quiet(quiet: bool) {
    QUIET.store(quiet, Ordering::Relaxed);
}

/// The language of the bars' labels.
pub fn set_lang(lang: crate::diag::Lang) {
    ENGLISH.store(lang == crate::diag::Lang::En, Ordering::Relaxed);
}

/// A bar of `len` steps labelled `label`; hidden unless standard error is a
/// terminal and the run is not quiet, or when there are fewer than 2 steps.
pub fn bar(len: usize, label: crate::diag::Message) -> ProgressBar {
    let shown = len >= 2 && !QUIET.load(Ordering::Relaxed) && std::io::stderr().is_terminal();
    if !shown {
        return ProgressBar::hidden();
    }
    let pb = ProgressBar::with_draw_target(Some(len as u64), ProgressDrawTarget::stderr());
    if let Ok(style) = ProgressStyle::with_template("{msg} [{bar:30}] {pos}/{len} ({eta})") {
        pb.set_style(style.progress_chars("=> "));
    }
    let lang = if ENGLISH.load(Ordering::Relaxed) {
        crate::diag::Lang::En
    } else {
        crate::diag::Lang::Vi
    };
    pb.set_message(label.get(lang).to_string());
    pb
}

/// The lines a build ends with: what it wrote and how long it took.
pub fn build_summary(
    stats: &crate::build::BuildStats,
    seconds: f64,
    title: &str,
    output: &str,
    verbose: bool,
) -> Vec<crate::diag::Message> {
    use crate::tr;
    let s = stats;
    let (pages, files, charts) = (s.pages, s.files, s.charts);
    let (made, cached) = (s.photos_processed, s.photos_cached);
    let time_vi = format!("{seconds:.1}").replace('.', ",");
    let time_en = format!("{seconds:.1}");
    let mut lines = vec![
        tr!(
            "đã dựng {title} vào {output}",
            "built {title} into {output}"
        ),
        tr!(
            "  {pages} trang, {files} tệp, {charts} biểu đồ",
            "  {pages} pages, {files} files, {charts} charts"
        ),
    ];
    if made + cached > 0 {
        lines.push(tr!(
            "  ảnh: {made} xử lý mới, {cached} lấy từ bộ nhớ đệm",
            "  photos: {made} processed, {cached} from the cache"
        ));
    }
    if s.pdfs > 0 {
        let p = s.pdfs;
        lines.push(tr!("  {p} tệp PDF", "  {p} PDFs"));
    }
    lines.push(crate::diag::Message::new(
        format!("  thời gian: {time_vi} giây"),
        format!("  time: {time_en} s"),
    ));
    if verbose {
        lines.extend(stage_lines(s));
    }
    lines
}

/// The time of each stage of a build (for `-v`, `--timings` and `serve -v`),
/// one indented line each, and the drawing time of the charts and PNGs.
pub fn stage_lines(s: &crate::build::BuildStats) -> Vec<crate::diag::Message> {
    use crate::tr;
    let mut lines = Vec::new();
    for ((vi, en), t) in crate::build::STAGES.iter().zip(s.stage_times) {
        let secs = t.as_secs_f64();
        lines.push(crate::diag::Message::new(
            format!("    {vi}: {}", format!("{secs:.2} giây").replace('.', ",")),
            format!("    {en}: {secs:.2} s"),
        ));
    }
    let secs = s.chart_time.as_secs_f64();
    let vi = format!("{secs:.2}").replace('.', ",");
    lines.push(tr!(
        "    (trong đó vẽ biểu đồ: {vi} giây, cộng thời gian của mọi luồng)",
        "    (of which drawing charts: {secs:.2} s, summed over threads)"
    ));
    let secs = s.chart_png_time.as_secs_f64();
    let vi = format!("{secs:.2}").replace('.', ",");
    lines.push(tr!(
        "    (trong đó ảnh PNG của biểu đồ: {vi} giây)",
        "    (of which the charts' PNGs: {secs:.2} s)"
    ));
    lines
}

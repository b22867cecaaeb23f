//! The pipeline, one way: content folder → loaded and validated model →
//! computed report → rendered files → output folder written atomically.

use crate::diag::{Diagnostics, Message};
use crate::load::{self, LoadOptions};
use crate::model::Content;
use crate::output::{self, OutputError};
use crate::render::{self, PdfSelection, RenderSettings};
use crate::report::{self, Report};
use crate::tr;
use std::path::{Path, PathBuf};

/// What `build` needs to know.
#[derive(Clone, Debug)]
pub struct BuildOptions {
    pub content: PathBuf,
    pub output: PathBuf,
    /// Overrides `base_url` of `site.yaml`.
    pub base_url: Option<String>,
    pub drafts: bool,
    pub deny_warnings: bool,
    /// Print bulletins and year reviews to PDF.
    pub pdf: Option<PdfOptions>,
}

/// What to print to PDF, and with which browser.
#[derive(Clone, Debug, Default)]
pub struct PdfOptions {
    /// The Chromium to use; the first on `PATH` otherwise.
    pub chromium: Option<PathBuf>,
    /// Snapshot dates (`YYYY-MM-DD` or `latest`) whose bulletin to print; all when empty.
    pub dates: Vec<String>,
    /// Years whose review to print; all when empty and `dates` is empty.
    pub years: Vec<i32>,
}

/// Why a build wrote nothing.
#[derive(Debug, thiserror::Error)]
pub enum BuildError {
    #[error("the content has errors")]
    Content(Diagnostics),
    #[error(transparent)]
    Output(#[from] OutputError),
    #[error("{0}")]
    Options(Message),
    #[error("--base-url: {}", .0.en)]
    BaseUrl(crate::diag::Message),
    #[error("the theme cannot be rendered: {0}")]
    Render(String),
    #[error(transparent)]
    Pdf(#[from] crate::pdf::PdfError),
}

impl BuildError {
    /// What went wrong, in both languages (the content's errors are listed
    /// by their diagnostics).
    pub fn message(&self) -> Message {
        match self {
            BuildError::Content(d) => {
                let n = d.error_count();
                tr!("nội dung có {n} lỗi", "the content has errors")
            }
            BuildError::Output(e) => e.message(),
            BuildError::Options(m) => m.clone(),
            BuildError::BaseUrl(m) => Message::same("--base-url: ").then(m.clone()),
            BuildError::Render(detail) => tr!(
                "không dựng được trang theo giao diện (theme): {detail}",
                "the theme cannot be rendered: {detail}"
            ),
            BuildError::Pdf(e) => e.message(),
        }
    }
}

/// A checked content folder with its figures.
pub struct Checked {
    pub content: Content,
    pub report: Report,
    pub diagnostics: Diagnostics,
    /// What a build wrote (all zero after `check`).
    pub stats: BuildStats,
}

/// What a build wrote, for the summary it ends with.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct BuildStats {
    /// HTML pages.
    pub pages: usize,
    /// Every file of the output folder (pages, charts, data, assets), PDFs not counted.
    pub files: usize,
    /// SVG charts.
    pub charts: usize,
    /// Photos processed in this build and taken from the cache.
    pub photos_processed: usize,
    pub photos_cached: usize,
    /// PDFs printed.
    pub pdfs: usize,
    /// How long each stage took, named by [`STAGES`].
    pub stage_times: [std::time::Duration; 9],
    /// The time spent drawing charts, summed over the threads that drew them
    /// (inside the page stage).
    pub chart_time: std::time::Duration,
    /// The time spent on the charts' PNGs (drawn or taken from the cache),
    /// inside the page stage.
    pub chart_png_time: std::time::Duration,
}

/// The names of [`BuildStats::stage_times`], for `-v` and `--timings`.
pub const STAGES: [(&str, &str); 9] = [
    ("đọc và kiểm tra", "load + validate"),
    ("tính số liệu", "compute"),
    ("ảnh", "images"),
    ("tệp dữ liệu", "data files"),
    ("dựng trang", "pages and charts"),
    ("điền mẫu trang", "templates"),
    ("soát liên kết", "link check"),
    ("ghi", "write"),
    ("in PDF", "print"),
];

/// The index of the writing stage in [`BuildStats::stage_times`].
pub const STAGE_WRITE: usize = stage::WRITE;

/// Indices into [`BuildStats::stage_times`].
mod stage {
    pub const LOAD: usize = 0;
    pub const COMPUTE: usize = 1;
    pub const IMAGES: usize = 2;
    pub const WRITE: usize = 7;
    pub const PRINT: usize = 8;
}

/// The optional layer of caches that `serve` keeps between builds: the
/// parsed content files, the compiled theme and rendered pages, and (switched
/// on with [`crate::charts::memo::enable`]) the drawn charts. Every stage
/// gives the same result with them as without them.
#[derive(Default)]
pub struct Caches {
    pub load: load::Cache,
    pub render: crate::render::cache::Cache,
}

/// Loads, validates and computes; all problems are in the error, or, when
/// there are only warnings, in `diagnostics`.
pub fn check(
    content_root: &Path,
    drafts: bool,
    deny_warnings: bool,
) -> Result<Checked, Diagnostics> {
    check_cached(content_root, drafts, deny_warnings, None)
}

/// [`check`], reading only the files changed since the last call with `cache`.
pub fn check_cached(
    content_root: &Path,
    drafts: bool,
    deny_warnings: bool,
    cache: Option<&load::Cache>,
) -> Result<Checked, Diagnostics> {
    let clock = std::time::Instant::now();
    let (content, mut diags) = load::load_cached(content_root, LoadOptions { drafts }, cache);
    let loaded = clock.elapsed();
    let Some(content) = content else {
        if deny_warnings {
            diags.deny_warnings();
        }
        return Err(diags);
    };
    let clock = std::time::Instant::now();
    let report = report::compute(&content);
    diags.extend(report::warnings(&content, &report));
    let computed = clock.elapsed();
    diags.extend(render::theme::override_warnings(
        content_root,
        &content.theme_files,
    ));
    if deny_warnings {
        diags.deny_warnings();
    }
    if diags.has_errors() {
        return Err(diags);
    }
    let mut stats = BuildStats::default();
    stats.stage_times[stage::LOAD] = loaded;
    stats.stage_times[stage::COMPUTE] = computed;
    Ok(Checked {
        content,
        report,
        diagnostics: diags,
        stats,
    })
}

/// What `ntm-site check` does: [`check`], then the whole site rendered in
/// memory (photos left out, nothing written), so that a theme that cannot be
/// compiled or rendered is an error of its template, and a link of a
/// Markdown text that leads nowhere is a warning at its place, as in a build.
pub fn check_site(
    content_root: &Path,
    drafts: bool,
    deny_warnings: bool,
) -> Result<Checked, Diagnostics> {
    let mut checked = check(content_root, drafts, deny_warnings)?;
    // Photos are not processed here; the pictures of the news and page
    // bundles stand as empty files, so that the links to them resolve.
    let images = crate::imageproc::Published {
        bundle_files: crate::imageproc::bundle_pictures(&checked.content)
            .into_iter()
            .map(|p| (p, Vec::new()))
            .collect(),
        ..Default::default()
    };
    let settings = RenderSettings {
        base_url: with_slash(&checked.content.site.base_url),
        pdf: PdfSelection::default(),
        images,
        chart_pngs: render::ChartPngs::Skip,
    };
    let root = content_root
        .canonicalize()
        .unwrap_or_else(|_| content_root.to_path_buf());
    let mut more = match render::render_site(&root, &checked.content, &checked.report, &settings) {
        // Photos are not processed here, so only the links the texts write
        // are checked.
        Ok(site) => {
            let written: Vec<render::links::Broken> = site
                .broken_links
                .iter()
                .filter(|b| render::links::origin_of(b, &site.link_origins).is_some())
                .cloned()
                .collect();
            render::links::diagnose(&written, &site.link_origins)
        }
        Err(e) => render::theme::error_diagnostic(&e, &checked.content.theme_files),
    };
    if deny_warnings {
        more.deny_warnings();
    }
    checked.diagnostics.extend(more);
    if checked.diagnostics.has_errors() {
        return Err(std::mem::take(&mut checked.diagnostics));
    }
    Ok(checked)
}

/// `url` ending with `/`.
fn with_slash(url: &str) -> String {
    if url.ends_with('/') {
        url.to_string()
    } else {
        format!("{url}/")
    }
}

/// Builds the site. Nothing is written unless the content is free of errors.
/// Photos are processed with the default image options: the cache in
/// `.ntm-cache/` beside the output folder.
pub fn build(opts: &BuildOptions) -> Result<Checked, BuildError> {
    build_with(opts, &crate::imageproc::Options::beside(&opts.output))
}

/// [`build`] with the image pipeline's options (cache folder, originals).
pub fn build_with(
    opts: &BuildOptions,
    images: &crate::imageproc::Options,
) -> Result<Checked, BuildError> {
    output::check_cache(&images.cache_dir, &opts.content, &opts.output)?;
    let mut checked =
        check(&opts.content, opts.drafts, opts.deny_warnings).map_err(BuildError::Content)?;
    output::check_target(&opts.output, &opts.content)?;
    if let Some(url) = &opts.base_url {
        crate::load::site::check_base_url(url).map_err(BuildError::BaseUrl)?;
        checked.content.site.base_url = url.clone();
    }
    let (pdf, browser) = match &opts.pdf {
        None => (PdfSelection::default(), None),
        Some(p) => {
            let browser = crate::pdf::find_chromium(p.chromium.as_deref())?;
            (select_pdfs(&checked, p)?, Some(browser))
        }
    };
    let site = render_checked(opts, &mut checked, images, pdf, None)?;
    checked.stats.pdfs = if browser.is_some() {
        site.print_jobs.len()
    } else {
        0
    };
    let clock = std::time::Instant::now();
    let staged = output::stage(&opts.output, &site)?;
    checked.stats.stage_times[stage::WRITE] = clock.elapsed();
    let clock = std::time::Instant::now();
    if let Some(browser) = browser {
        crate::pdf::print_all(&browser, staged.path(), &site.print_jobs)?;
    }
    staged.commit()?;
    checked.stats.stage_times[stage::PRINT] = clock.elapsed();
    Ok(checked)
}

/// The photos and the rendering of a checked content folder: every file of
/// the site, in memory, as `build` writes it. Photo problems, a theme that
/// cannot be rendered and broken links are added to the diagnostics (an
/// error stops here). `cache` keeps the theme and pages between calls
/// (`serve`); the files are the same without it.
pub fn render_checked(
    opts: &BuildOptions,
    checked: &mut Checked,
    images: &crate::imageproc::Options,
    pdf: PdfSelection,
    cache: Option<&crate::render::cache::Cache>,
) -> Result<render::SiteFiles, BuildError> {
    let clock = std::time::Instant::now();
    let base_url = with_slash(&checked.content.site.base_url);
    // The charts' PNGs are kept in the same cache as the photos.
    let chart_pngs = if images.chart_pngs {
        render::ChartPngs::Draw(Some(images.cache_dir.clone()))
    } else {
        render::ChartPngs::Skip
    };
    let root = opts
        .content
        .canonicalize()
        .unwrap_or_else(|_| opts.content.clone());
    // The photos of the models, resized and stripped (or taken from the
    // cache); one that cannot be published is an error of the content.
    let (mut images_out, mut image_diags) =
        crate::imageproc::process_models(&root, &checked.content, images);
    let (bundle_files, bundle_diags) = crate::imageproc::process_bundles(
        &root,
        &crate::imageproc::bundle_pictures(&checked.content),
        images,
    );
    images_out.bundle_files = bundle_files;
    image_diags.extend(bundle_diags);
    let images = images_out;
    checked.stats.photos_processed = images.stats.processed;
    checked.stats.photos_cached = images.stats.reused;
    if opts.deny_warnings {
        image_diags.deny_warnings();
    }
    checked.diagnostics.extend(image_diags);
    if checked.diagnostics.has_errors() {
        return Err(BuildError::Content(std::mem::take(
            &mut checked.diagnostics,
        )));
    }
    checked.stats.stage_times[stage::IMAGES] = clock.elapsed();
    let settings = RenderSettings {
        base_url,
        pdf,
        chart_pngs,
        images,
    };
    let site =
        render::render_site_cached(&root, &checked.content, &checked.report, &settings, cache)
            .map_err(|e| {
                let mut d = std::mem::take(&mut checked.diagnostics);
                d.extend(render::theme::error_diagnostic(
                    &e,
                    &checked.content.theme_files,
                ));
                BuildError::Content(d)
            })?;
    for (i, t) in site.timings.stages.iter().enumerate() {
        checked.stats.stage_times[stage::IMAGES + 1 + i] = *t;
    }
    checked.stats.chart_time = site.timings.charts;
    checked.stats.chart_png_time = site.timings.chart_pngs;
    checked.stats.files = site.files.len();
    checked.stats.pages = site.files.keys().filter(|k| k.ends_with(".html")).count();
    checked.stats.charts = site.files.keys().filter(|k| k.ends_with(".svg")).count();
    let mut link_diags = render::links::diagnose(&site.broken_links, &site.link_origins);
    if opts.deny_warnings {
        link_diags.deny_warnings();
    }
    checked.diagnostics.extend(link_diags);
    if let Some(why) = &site.logo_error {
        checked.diagnostics.warning(
            crate::render::meta::LOGO,
            crate::diag::Pos::NONE,
            crate::tr!(
                "không vẽ được logo này ({why}); biểu tượng trang và ảnh xem trước dùng dấu NTM mặc định. Hãy lưu lại logo dưới dạng SVG hợp lệ",
                "this logo cannot be drawn ({why}); the site's icons and preview card use the default NTM mark. Save the logo again as valid SVG"
            ),
        );
    }
    for (rel, inner) in &site.static_clashes {
        checked.diagnostics.error(
            rel,
            crate::diag::Pos::NONE,
            crate::tr!(
                "tệp này sẽ thay thế tệp '{inner}' do ntm-site tạo ra; hãy đổi tên hoặc xoá nó khỏi static/",
                "would replace '{inner}', which the build makes; rename it or remove it from static/"
            ),
        );
    }
    if checked.diagnostics.has_errors() {
        return Err(BuildError::Content(std::mem::take(
            &mut checked.diagnostics,
        )));
    }
    Ok(site)
}

/// Resolves `--pdf-date` and `--pdf-year` against the snapshots.
fn select_pdfs(checked: &Checked, p: &PdfOptions) -> Result<PdfSelection, BuildError> {
    let snaps = &checked.content.snapshots;
    let mut sel = PdfSelection::default();
    if p.dates.is_empty() && p.years.is_empty() {
        sel.bulletins = snaps.iter().map(|s| s.date).collect();
        sel.years = checked.report.years.iter().map(|y| y.year).collect();
        return Ok(sel);
    }
    for d in &p.dates {
        let date = if d == "latest" {
            snaps.last().map(|s| s.date)
        } else {
            crate::date::Date::parse_iso(d)
                .ok()
                .filter(|x| snaps.iter().any(|s| s.date == *x))
        };
        match date {
            Some(x) => {
                sel.bulletins.insert(x);
            }
            None => {
                return Err(BuildError::Options(tr!(
                    "--pdf-date {d}: không có báo cáo tuần ngày đó (hãy ghi YYYY-MM-DD của một tệp trong progress/, hoặc 'latest' cho tuần mới nhất)",
                    "--pdf-date {d}: there is no snapshot of that date (give YYYY-MM-DD of a file in progress/, or 'latest')"
                )));
            }
        }
    }
    for y in &p.years {
        if !checked.report.years.iter().any(|r| r.year == *y) {
            return Err(BuildError::Options(tr!(
                "--pdf-year {y}: không có bài tổng kết năm {y}",
                "--pdf-year {y}: there is no year review for {y}"
            )));
        }
        sel.years.insert(*y);
    }
    Ok(sel)
}

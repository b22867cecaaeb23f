//! The pipeline, one way: content folder → loaded and validated model →
//! computed report → rendered files → output folder written atomically.

use crate::diag::Diagnostics;
use crate::load::{self, LoadOptions};
use crate::model::Content;
use crate::output::{self, OutputError};
use crate::render::{self, PdfSelection, RenderSettings};
use crate::report::{self, Report};
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
    Options(String),
    #[error("--base-url: {}", .0.en)]
    BaseUrl(crate::diag::Message),
    #[error("the theme cannot be rendered: {0}")]
    Render(String),
    #[error(transparent)]
    Pdf(#[from] crate::pdf::PdfError),
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
    /// How long each stage took: check, photos, render, write, print.
    pub stage_times: [std::time::Duration; 5],
}

/// The names of [`BuildStats::stage_times`], for `-v`.
pub const STAGES: [(&str, &str); 5] = [
    ("kiểm tra", "check"),
    ("ảnh", "photos"),
    ("dựng trang", "render"),
    ("ghi", "write"),
    ("in PDF", "print"),
];

/// Loads, validates and computes; all problems are in the error, or, when
/// there are only warnings, in `diagnostics`.
pub fn check(
    content_root: &Path,
    drafts: bool,
    deny_warnings: bool,
) -> Result<Checked, Diagnostics> {
    let (content, mut diags) = load::load(content_root, LoadOptions { drafts });
    let Some(content) = content else {
        if deny_warnings {
            diags.deny_warnings();
        }
        return Err(diags);
    };
    let report = report::compute(&content);
    diags.extend(report::warnings(&content, &report));
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
    Ok(Checked {
        content,
        report,
        diagnostics: diags,
        stats: BuildStats::default(),
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
    let settings = RenderSettings {
        base_url: with_slash(&checked.content.site.base_url),
        pdf: PdfSelection::default(),
        images: crate::imageproc::Published::default(),
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
    let mut clock = std::time::Instant::now();
    let mut lap = |slot: &mut std::time::Duration| {
        *slot = clock.elapsed();
        clock = std::time::Instant::now();
    };
    let mut times = [std::time::Duration::ZERO; 5];
    let mut checked =
        check(&opts.content, opts.drafts, opts.deny_warnings).map_err(BuildError::Content)?;
    lap(&mut times[0]);
    output::check_target(&opts.output, &opts.content)?;
    if let Some(url) = &opts.base_url {
        crate::load::site::check_base_url(url).map_err(BuildError::BaseUrl)?;
        checked.content.site.base_url = url.clone();
    }
    let base_url = with_slash(&checked.content.site.base_url);
    let (pdf, browser) = match &opts.pdf {
        None => (PdfSelection::default(), None),
        Some(p) => {
            let browser = crate::pdf::find_chromium(p.chromium.as_deref())?;
            (select_pdfs(&checked, p)?, Some(browser))
        }
    };
    let root = opts
        .content
        .canonicalize()
        .unwrap_or_else(|_| opts.content.clone());
    // The photos of the models, resized and stripped (or taken from the
    // cache); one that cannot be published is an error of the content.
    let (images, mut image_diags) =
        crate::imageproc::process_models(&root, &checked.content, images);
    if opts.deny_warnings {
        image_diags.deny_warnings();
    }
    checked.diagnostics.extend(image_diags);
    if checked.diagnostics.has_errors() {
        return Err(BuildError::Content(std::mem::take(
            &mut checked.diagnostics,
        )));
    }
    lap(&mut times[1]);
    checked.stats.photos_processed = images.stats.processed;
    checked.stats.photos_cached = images.stats.reused;
    let settings = RenderSettings {
        base_url,
        pdf,
        images,
    };
    let site =
        render::render_site(&root, &checked.content, &checked.report, &settings).map_err(|e| {
            let mut d = std::mem::take(&mut checked.diagnostics);
            d.extend(render::theme::error_diagnostic(
                &e,
                &checked.content.theme_files,
            ));
            BuildError::Content(d)
        })?;
    lap(&mut times[2]);
    let mut link_diags = render::links::diagnose(&site.broken_links, &site.link_origins);
    if opts.deny_warnings {
        link_diags.deny_warnings();
    }
    checked.diagnostics.extend(link_diags);
    if checked.diagnostics.has_errors() {
        return Err(BuildError::Content(std::mem::take(
            &mut checked.diagnostics,
        )));
    }
    checked.stats.files = site.files.len();
    checked.stats.pages = site.files.keys().filter(|k| k.ends_with(".html")).count();
    checked.stats.charts = site.files.keys().filter(|k| k.ends_with(".svg")).count();
    checked.stats.pdfs = if browser.is_some() {
        site.print_jobs.len()
    } else {
        0
    };
    let staged = output::stage(&opts.output, &site)?;
    lap(&mut times[3]);
    if let Some(browser) = browser {
        crate::pdf::print_all(&browser, staged.path(), &site.print_jobs)?;
    }
    staged.commit()?;
    lap(&mut times[4]);
    checked.stats.stage_times = times;
    Ok(checked)
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
                return Err(BuildError::Options(format!(
                    "--pdf-date {d}: there is no snapshot of that date (give YYYY-MM-DD of a file in progress/, or 'latest')"
                )));
            }
        }
    }
    for y in &p.years {
        if !checked.report.years.iter().any(|r| r.year == *y) {
            return Err(BuildError::Options(format!(
                "--pdf-year {y}: there is no year review for {y}"
            )));
        }
        sel.years.insert(*y);
    }
    Ok(sel)
}

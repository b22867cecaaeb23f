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
}

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
    })
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
    let mut checked =
        check(&opts.content, opts.drafts, opts.deny_warnings).map_err(BuildError::Content)?;
    output::check_target(&opts.output, &opts.content)?;
    if let Some(url) = &opts.base_url {
        checked.content.site.base_url = url.clone();
    }
    let mut base_url = checked.content.site.base_url.clone();
    if !base_url.ends_with('/') {
        base_url.push('/');
    }
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
    let settings = RenderSettings {
        base_url,
        pdf,
        images,
    };
    let site = render::render_site(&root, &checked.content, &checked.report, &settings)
        .map_err(BuildError::Render)?;
    for broken in &site.broken_links {
        checked
            .diagnostics
            .warning("", crate::diag::Pos::NONE, format!("broken link: {broken}"));
    }
    let staged = output::stage(&opts.output, &site)?;
    if let Some(browser) = browser {
        crate::pdf::print_all(&browser, staged.path(), &site.print_jobs)?;
    }
    staged.commit()?;
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

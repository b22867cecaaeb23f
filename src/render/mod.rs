//! Rendering: a finished [`Content`] and [`Report`] become the files of the
//! site, held in memory as a [`SiteFiles`] tree. Renderers only read the
//! model and the report; writing to disk is [`crate::output`]'s job.

pub mod cache;
pub mod chart_png;
pub mod data;
pub mod datasets;
pub mod downloads;
pub mod feeds;
pub mod figures;
pub mod fingerprint;
pub mod format;
pub mod i18n;
pub mod links;
pub mod markdown;
pub mod meta;
pub mod pages;
pub mod prose;
pub mod raster;
pub mod search;
pub mod theme;
pub mod views;

use crate::model::Content;
use crate::report::Report;
use std::collections::BTreeMap;
use std::path::PathBuf;

/// Settings a build passes to the renderers.
#[derive(Clone, Debug, Default)]
pub struct RenderSettings {
    /// The base URL, ending in `/`.
    pub base_url: String,
    /// The pages to print to PDF (their pages link to the PDF).
    pub pdf: PdfSelection,
    /// The processed photos of the models (see [`crate::imageproc`]).
    pub images: crate::imageproc::Published,
    /// Whether each chart's PNG is drawn (`check` draws none), and the cache
    /// folder that keeps them between builds (see [`chart_png`]).
    pub chart_pngs: ChartPngs,
}

/// See [`RenderSettings::chart_pngs`].
#[derive(Clone, Debug, Default)]
pub enum ChartPngs {
    /// No PNG (`check`, `serve`, `build --no-chart-png`): the charts have
    /// no PNG download, and the pages without a photo of their own show the
    /// site's card in link previews.
    #[default]
    Skip,
    /// Drawn, kept in this cache folder if any.
    Draw(Option<PathBuf>),
}

/// Which printable pages get a PDF in this build.
#[derive(Clone, Debug, Default, Hash)]
pub struct PdfSelection {
    /// Snapshot dates whose bulletin is printed.
    pub bulletins: std::collections::BTreeSet<crate::date::Date>,
    /// Years whose review is printed.
    pub years: std::collections::BTreeSet<i32>,
}

/// The output of a build: files by path relative to the output folder
/// (with `/`), either made in memory or copied from the content folder.
#[derive(Default, Debug)]
pub struct SiteFiles {
    pub files: BTreeMap<String, FileSource>,
    /// Pages to print to PDF once written (see [`crate::pdf`]).
    pub print_jobs: Vec<crate::pdf::PrintJob>,
    /// Internal links or anchors of the written pages that lead nowhere.
    pub broken_links: Vec<links::Broken>,
    /// Where the links of the pages' Markdown were written in the content.
    pub link_origins: Vec<links::LinkOrigin>,
    /// Files of `static/` (path in the content folder, path in the site)
    /// that would replace a file the build made: errors of the content.
    pub static_clashes: Vec<(String, String)>,
    /// Why `static/logo.svg` could not be drawn (the default mark was used).
    pub logo_error: Option<String>,
    /// How long the rendering took, stage by stage (for `build --timings`).
    pub timings: Timings,
}

/// The time of each stage of the rendering: data files, pages with their
/// charts, templates, link check; and the time spent drawing charts, summed
/// over threads.
#[derive(Clone, Copy, Debug, Default)]
pub struct Timings {
    pub stages: [std::time::Duration; 4],
    pub charts: std::time::Duration,
    /// Drawing (or taking from the cache) the charts' PNGs, inside the page
    /// stage.
    pub chart_pngs: std::time::Duration,
}

/// Where one output file's bytes come from.
#[derive(Debug)]
pub enum FileSource {
    /// Shared, so that the caches of `serve` hand over a kept page or chart
    /// without copying it.
    Bytes(std::sync::Arc<[u8]>),
    Copy(PathBuf),
}

impl SiteFiles {
    pub fn add(&mut self, path: impl Into<String>, bytes: impl Into<std::sync::Arc<[u8]>>) {
        self.files
            .insert(path.into(), FileSource::Bytes(bytes.into()));
    }
    pub fn copy(&mut self, path: impl Into<String>, from: PathBuf) {
        self.files.insert(path.into(), FileSource::Copy(from));
    }
    pub fn bytes(&self, path: &str) -> Option<&[u8]> {
        match self.files.get(path) {
            Some(FileSource::Bytes(b)) => Some(&b[..]),
            _ => None,
        }
    }
}

/// Renders everything a build writes. An error means the theme's templates
/// cannot be compiled or rendered (a fault of the site's own theme, not of
/// the content); nothing is written then.
pub fn render_site(
    content_root: &std::path::Path,
    content: &Content,
    report: &Report,
    settings: &RenderSettings,
) -> Result<SiteFiles, String> {
    render_site_cached(content_root, content, report, settings, None)
}

/// [`render_site`], taking from `cache` what did not change since the last
/// call with it (see [`cache`]); the files are the same as without it.
pub fn render_site_cached(
    content_root: &std::path::Path,
    content: &Content,
    report: &Report,
    settings: &RenderSettings,
    cache: Option<&cache::Cache>,
) -> Result<SiteFiles, String> {
    let mut out = SiteFiles::default();
    crate::charts::memo::take_draw_time();
    let prints = cache.map(|_| fingerprint::Fingerprints::of(content));
    // The data files show the figures, made from the content's base and
    // every snapshot (not the news, free pages or models): `serve` keeps
    // them while those are unchanged.
    let data_key = prints.as_ref().map(|p| {
        let mut h = blake3::Hasher::new();
        h.update(b"data\0");
        h.update(p.base.as_bytes());
        if let Some(last) = p.upto.last() {
            h.update(last.as_bytes());
        }
        h.update(settings.base_url.as_bytes());
        h.finalize()
    });
    let data_files = || {
        let clock = std::time::Instant::now();
        let mut d = SiteFiles::default();
        made_files(cache, "data", data_key, &mut d, |d| {
            data::write_all(content, report, d);
            true
        });
        d.timings.stages[0] = clock.elapsed();
        d
    };
    pages::render_all(
        content_root,
        content,
        report,
        settings,
        cache.zip(prints),
        &mut out,
        data_files,
    )?;
    out.timings.charts = crate::charts::memo::take_draw_time();
    let clock = std::time::Instant::now();
    for rel in &content.static_files {
        let inner = rel.trim_start_matches("static/");
        if out.files.contains_key(inner) {
            // A file of static/ never replaces one the build made (a stale
            // communes.csv would publish wrong figures).
            out.static_clashes.push((rel.clone(), inner.to_string()));
            continue;
        }
        out.copy(inner.to_string(), content_root.join(rel));
    }
    out.broken_links = links::check_cached(&out, &settings.base_url, cache.map(|c| c.scans()));
    out.timings.stages[3] = clock.elapsed();
    Ok(out)
}

/// Adds to `out` the files `make` adds, or, with `serve`'s cache, those it
/// added last time under the name `name` while their inputs' `key` is the
/// same. `make` says whether what it made may be kept: files made with a
/// problem to report are made again each time, so that it is reported each
/// time.
pub(crate) fn made_files(
    cache: Option<&cache::Cache>,
    name: &'static str,
    key: Option<blake3::Hash>,
    out: &mut SiteFiles,
    make: impl FnOnce(&mut SiteFiles) -> bool,
) {
    let (Some(c), Some(key)) = (cache, key) else {
        make(out);
        return;
    };
    if let Some(files) = c.made(name, &key) {
        for (path, bytes) in files.iter() {
            out.add(path.clone(), bytes.clone());
        }
        return;
    }
    let mut own = SiteFiles::default();
    let keep = make(&mut own);
    let files = own
        .files
        .iter()
        .filter_map(|(p, s)| match s {
            FileSource::Bytes(b) => Some((p.clone(), b.clone())),
            FileSource::Copy(_) => None,
        })
        .collect();
    if keep {
        c.keep_made(name, key, files);
    }
    out.files.extend(own.files);
}

//! The pages of the site: the list of every page (its path, template and
//! context; the commune, district and bulletin pages and the stories made in
//! parallel, see [`Builder::par_parts`]), then rendering them all in parallel
//! with rayon through the one compiled theme. Each page's context is the
//! shared site context (site, navigation, strings, data date) plus what the
//! page shows; the template variables are documented in `docs/theme.md`.

use super::cache::Cache;
use super::figures;
use super::fingerprint::KeyHasher;
use super::format::{self, Lang};
use super::i18n::Strings;
use super::markdown;
use super::theme::{self, Theme};
use super::views::{Views, paths, titled};
use super::{RenderSettings, SiteFiles};
use crate::charts::{self, Chart};
use crate::model::{CommuneIx, Content, Document, GroupIx};
use crate::report::{self, Report};
use rayon::prelude::*;
use serde_json::{Map, Value, json};
use std::collections::BTreeMap;
use std::path::Path;
use std::sync::Arc;

mod bulletin;
mod gallery;
mod method;
mod review;

/// Communes meeting and not meeting a criterion.
type Split = (Vec<Value>, Vec<Value>);

/// Articles per page of the news list.
pub const NEWS_PER_PAGE: usize = 10;

/// One page to render (cheap to clone: a fragment of the cache hands its
/// pages over again).
#[derive(Clone)]
pub(super) struct Page {
    /// Output file, relative to the root: `xa/ky-anh/ky-thu/index.html`.
    file: String,
    template: &'static str,
    /// The way back to the root from the page: `../../../`.
    root: String,
    /// The page's absolute URL (its folder for `index.html` pages).
    canonical: String,
    /// Values only this page has.
    vars: Arc<Map<String, Value>>,
    /// The hash of `vars`, once computed (see [`page_key`]).
    vars_key: Arc<std::sync::OnceLock<blake3::Hash>>,
    /// The date of what the page shows (`YYYY-MM-DD`), for the sitemap.
    lastmod: String,
}

/// Builds every page into `out`.
pub fn render_all(
    content_root: &Path,
    content: &Content,
    report: &Report,
    settings: &RenderSettings,
    cached: Option<(&Cache, super::fingerprint::Fingerprints)>,
    out: &mut SiteFiles,
    data_files: impl FnOnce() -> SiteFiles + Send,
) -> Result<(), String> {
    let (cache, prints) = match cached {
        Some((c, p)) => (Some(c), Some(p)),
        None => (None, None),
    };
    let clock = std::time::Instant::now();
    let lang = Lang::from_code(&content.site.language);
    let strings = Strings::of(content);
    // The theme's templates are compiled (a tenth of a small build) while
    // the pages' contexts are made: nothing before the rendering needs them.
    let load_theme = || match cache {
        Some(c) => c.theme(content_root, &content.theme_files, lang),
        None => Ok((
            blake3::Hash::from_bytes([0; 32]),
            std::sync::Arc::new(theme::load(content_root, &content.theme_files, lang)?),
        )),
    };
    let views = Views::new(content, report, lang, &strings);
    let shared = shared_context(&views, settings);
    let mut b = Builder {
        v: &views,
        base_url: &settings.base_url,
        pages: Vec::new(),
        files: Vec::new(),
        svgs: Vec::new(),
        pngs: Vec::new(),
        page_image: None,
        chart_pngs: &settings.chart_pngs,
        bytes: Vec::new(),
        images: &settings.images,
        published: Vec::new(),
        pdf: &settings.pdf,
        print_jobs: Vec::new(),
        sponsor_dirs: Arc::new(review::sponsor_dirs(content, report)),
        origins: Vec::new(),
        values: Vec::new(),
        cache,
        prints: prints.map(Arc::new),
    };
    // The data files and the theme are made on one thread while the pages'
    // contexts are made on the other: none reads another's work.
    let ((theme, data), ()) = rayon::join(
        || rayon::join(load_theme, data_files),
        || b.all_but_downloads(),
    );
    let (theme_key, theme) = theme?;
    out.timings.stages[0] = data.timings.stages[0];
    out.files.extend(data.files);
    // The downloads page lists the data files, which the figures make.
    let downloads = b.figures_key("downloads").map(|k| k.key());
    b.memo("downloads", downloads, |b| b.downloads(out));
    b.not_found();
    if let Some(c) = cache {
        c.sweep_fragments();
    }
    let Builder {
        pages,
        files,
        svgs,
        pngs,
        bytes,
        published,
        print_jobs,
        origins,
        ..
    } = b;
    out.print_jobs.extend(print_jobs);
    out.link_origins.extend(origins);
    for (path, from) in files {
        out.copy(path, content_root.join(from));
    }
    for (path, from) in published {
        out.copy(path, from);
    }
    for (path, svg) in svgs {
        out.add(path, svg);
    }
    let png_clock = std::time::Instant::now();
    match &settings.chart_pngs {
        super::ChartPngs::Draw(cache) => {
            // One job a path, the last of that path as it was inserted.
            let jobs: BTreeMap<String, Arc<str>> = pngs.into_iter().collect();
            let jobs = jobs.into_iter().map(|(p, s)| (p, s.to_string())).collect();
            for (path, png) in super::chart_png::draw_all(jobs, cache.as_deref())? {
                out.add(path, png);
            }
        }
        super::ChartPngs::Skip => {}
    }
    out.timings.chart_pngs = png_clock.elapsed();
    for (path, b) in bytes {
        out.add(path, b);
    }
    for (name, bytes) in &theme.assets {
        out.add(format!("assets/{name}"), bytes.clone());
    }
    out.timings.stages[1] = clock.elapsed();
    let clock = std::time::Instant::now();
    // Each thread keeps one context holding the shared values, and puts
    // each page's own values in and out of it: the shared values (every
    // string of the site's language among them) are not copied per page.
    let base = tera::Context::from_value(Value::Object(shared.clone()))
        .map_err(|e| theme::describe(&e))?;
    type Rendered = Vec<(String, Arc<[u8]>)>;
    // The sitemap, feeds, search index and icons are made while the pages
    // are rendered.
    let listed = MetaInput::of(&pages);
    let meta = || {
        let mut m = SiteFiles::default();
        site_meta(
            content_root,
            content,
            &views,
            settings,
            listed,
            cache,
            &mut m,
        );
        m
    };
    let (meta, rendered) = rayon::join(meta, || -> Result<Rendered, String> {
        match cache {
            // Each page's values are dropped as soon as it is rendered.
            None => pages
                .into_par_iter()
                .map_init(
                    || base.clone(),
                    |ctx, mut p| {
                        // The page's values are its own by now: moved, not copied.
                        let vars = std::mem::take(&mut p.vars);
                        let vars = Arc::try_unwrap(vars).unwrap_or_else(|a| (*a).clone());
                        render_page(&theme, ctx, &shared, &p, vars)
                            .map(|html| (p.file, html.into_bytes().into()))
                    },
                )
                .collect(),
            Some(c) => {
                let shared_key = blake3::hash(&serde_json::to_vec(&shared).unwrap_or_default());
                let rendered = pages
                    .par_iter()
                    .map_init(
                        || base.clone(),
                        |ctx, p| {
                            let key = page_key(&theme_key, &shared_key, p);
                            if let Some(html) = c.page(&p.file, &key) {
                                return Ok((p.file.clone(), html));
                            }
                            let html: Arc<[u8]> =
                                render_page(&theme, ctx, &shared, p, (*p.vars).clone())?
                                    .into_bytes()
                                    .into();
                            c.keep_page(&p.file, key, html.clone());
                            Ok((p.file.clone(), html))
                        },
                    )
                    .collect();
                c.retain_pages(&pages.iter().map(|p| p.file.as_str()).collect());
                // The contexts are let go of on a thread of their own: freeing
                // them takes a tenth of a rebuild, and the preview waits for it.
                std::thread::spawn(move || drop(pages));
                rendered
            }
        }
    });
    out.files.extend(meta.files);
    out.logo_error = meta.logo_error;
    for (file, bytes) in rendered? {
        out.add(file, bytes);
    }
    out.timings.stages[2] = clock.elapsed();
    Ok(())
}

/// The hash of everything a page is rendered from: the theme, the shared
/// context, and the page's template, place and values.
fn page_key(theme: &blake3::Hash, shared: &blake3::Hash, p: &Page) -> blake3::Hash {
    let mut h = blake3::Hasher::new();
    h.update(theme.as_bytes());
    h.update(shared.as_bytes());
    for part in [p.template, &p.file, &p.root, &p.canonical] {
        h.update(&(part.len() as u64).to_le_bytes());
        h.update(part.as_bytes());
    }
    let vars = p.vars_key.get_or_init(|| {
        let mut h = blake3::Hasher::new();
        {
            let mut w = std::io::BufWriter::with_capacity(1 << 16, &mut h);
            let _ = serde_json::to_writer(&mut w, &*p.vars);
            let _ = std::io::Write::flush(&mut w);
        }
        h.finalize()
    });
    h.update(vars.as_bytes());
    h.finalize()
}

/// The page numbers a list page links to: the first and the last, and the
/// two on each side of the current one `p` of `total`; `None` where numbers
/// are left out. A fixed number of links, however long the list: every page
/// of a list of 1,000 linking to all others would make the pages grow with
/// the square of the news.
fn page_window(p: usize, total: usize) -> Vec<Option<usize>> {
    let mut out = Vec::new();
    let mut last = 0;
    for n in 1..=total {
        if n == 1 || n == total || n.abs_diff(p) <= 2 {
            if n > last + 1 {
                out.push(None);
            }
            out.push(Some(n));
            last = n;
        }
    }
    out
}

/// Renders page `p` with `ctx`, which holds the values of `shared`: the
/// page's own values `vars` (those of `p`, owned) are moved in, not copied,
/// and taken out again afterwards (the shared value put back where the page
/// had its own under the same name).
fn render_page(
    theme: &Theme,
    ctx: &mut tera::Context,
    shared: &Map<String, Value>,
    p: &Page,
    vars: Map<String, Value>,
) -> Result<String, String> {
    let own = [
        ("root", &p.root),
        ("canonical", &p.canonical),
        ("page_path", &p.file),
    ];
    for (k, v) in own {
        ctx.insert(k, v);
    }
    let keys: Vec<String> = vars.keys().cloned().collect();
    // An object always makes a context.
    if let Ok(c) = tera::Context::from_value(Value::Object(vars)) {
        ctx.extend(c);
    }
    let html = theme.tera.render(p.template, ctx).map_err(|e| {
        format!(
            "{}: template {}: {}",
            p.file,
            p.template,
            theme::describe(&e)
        )
    });
    let keys = own
        .iter()
        .map(|(k, _)| *k)
        .chain(keys.iter().map(String::as_str));
    for k in keys {
        match shared.get(k) {
            Some(v) => ctx.insert(k, v),
            None => {
                ctx.remove(k);
            }
        }
    }
    html
}

/// The context every page shares.
fn shared_context(v: &Views, settings: &RenderSettings) -> Map<String, Value> {
    let site = &v.content.site;
    let mut nav = vec![
        ("home", String::new()),
        ("districts", "huyen/".to_string()),
        ("communes", "xa/".to_string()),
        ("criteria", "tieu-chi/".to_string()),
        ("targets", "muc-tieu/".to_string()),
        ("years", "nam/".to_string()),
        ("bulletins", "ban-tin/".to_string()),
        ("news", "tin-tuc/".to_string()),
    ];
    if !v.content.models.is_empty() {
        nav.push(("models", "mo-hinh/".to_string()));
    }
    nav.push(("downloads", "du-lieu/".to_string()));
    let nav: Vec<Value> = nav
        .into_iter()
        .map(|(k, p)| json!({"key": k, "title": v.t(&format!("nav_{k}")), "href": paths::link(&p)}))
        .collect();
    let mut free: Vec<&Document> = v.content.pages.iter().collect();
    free.sort_by(|a, b| crate::text::vi_cmp(&a.title, &b.title).then(a.slug.cmp(&b.slug)));
    let free: Vec<Value> = free
        .iter()
        .map(|d| json!({"title": d.title, "href": paths::link(&paths::free_page(&d.slug))}))
        .collect();
    let contact: Vec<Value> = site
        .contact
        .iter()
        .map(|(k, val)| {
            let label = if k.is_empty() {
                String::new()
            } else {
                v.s.try_get(&format!("contact_{k}"))
                    .map(str::to_string)
                    .unwrap_or_else(|| format::capitalise(k))
            };
            let href = match k.as_str() {
                "email" => Some(format!("mailto:{val}")),
                "phone" => Some(format!("tel:{}", val.replace([' ', '.'], ""))),
                _ => None,
            };
            json!({"key": k, "label": label, "value": val, "href": href})
        })
        .collect();
    let mut m = Map::new();
    m.insert("lang".into(), json!(v.lang.code()));
    m.insert("t".into(), v.s.to_json());
    m.insert(
        "site".into(),
        json!({
            "title": site.title,
            "organization": site.organization,
            "description": site.description,
            "license": site.data_license,
            "contact": contact,
            "base_url": settings.base_url,
        }),
    );
    m.insert("data_date".into(), json!(v.latest.map(|d| v.date(d))));
    m.insert(
        "data_date_iso".into(),
        json!(v.latest.map(|d| d.to_string())),
    );
    m.insert("nav".into(), json!(nav));
    m.insert("free_pages".into(), json!(free));
    m.insert(
        "generator".into(),
        json!(concat!("ntm-site ", env!("CARGO_PKG_VERSION"))),
    );
    m
}

/// Collects the pages.
struct Builder<'v, 'a> {
    v: &'v Views<'a>,
    base_url: &'v str,
    pages: Vec<Page>,
    /// Files copied from the content folder: (output path, content path).
    files: Vec<(String, String)>,
    /// Chart files: (output path, SVG).
    svgs: Vec<(String, Arc<[u8]>)>,
    /// The charts' PNG twins to draw: (PNG path, SVG); a later one of the
    /// same path replaces an earlier.
    pngs: Vec<(String, Arc<str>)>,
    /// The first chart's PNG since the last page was added: that page's
    /// image in link previews, unless it has its own.
    page_image: Option<super::meta::Image>,
    /// Whether the charts get PNGs.
    chart_pngs: &'v super::ChartPngs,
    /// Files made in memory: (output path, bytes).
    bytes: Vec<(String, Arc<[u8]>)>,
    /// The places of the values taken through `serve`'s cache (see
    /// [`Builder::memo_value`]).
    values: Vec<String>,
    /// The processed photos of the models.
    images: &'v crate::imageproc::Published,
    /// Processed photo files: (output path, file in the image cache).
    published: Vec<(String, std::path::PathBuf)>,
    /// The pages to print to PDF in this build (they link to their PDF).
    pdf: &'v super::PdfSelection,
    /// Pages to print, pushed where their page is made.
    print_jobs: Vec<crate::pdf::PrintJob>,
    /// The page of each sponsoring agency, by its key (see `review.rs`).
    sponsor_dirs: Arc<BTreeMap<String, String>>,
    /// Where each page's Markdown links were written in the content.
    origins: Vec<super::links::LinkOrigin>,
    /// `serve`'s cache, which keeps whole parts of the site as fragments.
    cache: Option<&'v Cache>,
    /// The model's fingerprints, when there is a cache (see [`Builder::memo`]).
    prints: Option<Arc<super::fingerprint::Fingerprints>>,
}

/// Everything one part of the site added to the [`Builder`]: kept by
/// `serve`'s cache and handed over again while its inputs are unchanged.
#[derive(Clone, Default)]
pub(super) struct Fragment {
    pages: Vec<Page>,
    files: Vec<(String, String)>,
    svgs: Vec<(String, Arc<[u8]>)>,
    pngs: Vec<(String, Arc<str>)>,
    bytes: Vec<(String, Arc<[u8]>)>,
    published: Vec<(String, std::path::PathBuf)>,
    print_jobs: Vec<crate::pdf::PrintJob>,
    origins: Vec<super::links::LinkOrigin>,
    values: Vec<String>,
}

/// How long each list of a [`Builder`] was before a fragment was made.
struct Marks([usize; 9]);

fn crumb(title: impl Into<String>, href: Option<String>) -> Value {
    json!({"title": title.into(), "href": href})
}

impl<'v, 'a> Builder<'v, 'a> {
    fn t(&self, key: &str) -> &'a str {
        self.v.t(key)
    }

    /// Adds the page in folder `dir` (`""` for the root).
    fn add(
        &mut self,
        dir: &str,
        template: &'static str,
        section: &str,
        title: &str,
        crumbs: Vec<Value>,
        vars: Value,
    ) {
        let depth = dir.matches('/').count();
        let mut vars = match vars {
            Value::Object(m) => m,
            _ => Map::new(),
        };
        vars.insert("section".into(), json!(section));
        vars.insert("title".into(), json!(title));
        let mut trail = vec![crumb(self.t("nav_home"), Some("index.html".into()))];
        trail.extend(crumbs);
        if !dir.is_empty() {
            trail.push(crumb(title, None));
        }
        vars.insert("breadcrumbs".into(), json!(trail));
        if let Some(image) = self.page_image.take()
            && vars.get("og_image").is_none_or(Value::is_null)
        {
            vars.insert("og_image".into(), image.to_json());
        }
        let canonical = format!("{}{dir}", self.base_url);
        let meta = super::meta::page_meta(
            &self.v.content.site,
            self.v.lang,
            self.base_url,
            &canonical,
            title,
            &vars,
        );
        vars.insert("meta".into(), meta);
        self.pages.push(Page {
            file: format!("{dir}index.html"),
            template,
            root: "../".repeat(depth),
            canonical,
            lastmod: self.lastmod(&vars),
            vars: Arc::new(vars),
            vars_key: Default::default(),
        });
    }

    /// The date of what a page shows: its story's or bulletin's, else the
    /// data date.
    fn lastmod(&self, vars: &Map<String, Value>) -> String {
        let own = ["article", "b"]
            .iter()
            .find_map(|k| vars.get(*k)?.get("date_iso")?.as_str());
        match own {
            Some(d) => d.to_string(),
            None => self.v.latest.map(|d| d.to_string()).unwrap_or_default(),
        }
    }

    fn root_of(dir: &str) -> String {
        "../".repeat(dir.matches('/').count())
    }

    /// Renders the Markdown `text`, written in content file `file` from line
    /// `first_line` on, for the page in folder `dir`; keeps where each of its
    /// links was written, so that a link leading nowhere is reported there.
    fn markdown(
        &mut self,
        dir: &str,
        file: &str,
        first_line: u32,
        text: &str,
        taken_ids: &[&str],
    ) -> markdown::Rendered {
        let r = markdown::render(text, &Self::root_of(dir), "", taken_ids);
        self.record_links(dir, file, first_line, &r);
        r
    }

    /// Keeps where each link of `r`, the Markdown of content file `file`
    /// (from line `first_line` on) on the page in folder `dir`, was written.
    fn record_links(&mut self, dir: &str, file: &str, first_line: u32, r: &markdown::Rendered) {
        let page = format!("{dir}index.html");
        for l in &r.links {
            self.origins.push(super::links::LinkOrigin {
                page: page.clone(),
                href: l.href.clone(),
                written: l.written.clone(),
                file: file.to_string(),
                line: first_line + l.line - 1,
                col: l.col,
            });
        }
    }

    fn marks(&self) -> Marks {
        Marks([
            self.pages.len(),
            self.files.len(),
            self.svgs.len(),
            self.pngs.len(),
            self.bytes.len(),
            self.published.len(),
            self.print_jobs.len(),
            self.origins.len(),
            self.values.len(),
        ])
    }

    /// What was added since `m`.
    fn since(&self, m: &Marks) -> Fragment {
        let m = &m.0;
        Fragment {
            pages: self.pages[m[0]..].to_vec(),
            files: self.files[m[1]..].to_vec(),
            svgs: self.svgs[m[2]..].to_vec(),
            pngs: self.pngs[m[3]..].to_vec(),
            bytes: self.bytes[m[4]..].to_vec(),
            published: self.published[m[5]..].to_vec(),
            print_jobs: self.print_jobs[m[6]..].to_vec(),
            origins: self.origins[m[7]..].to_vec(),
            values: self.values[m[8]..].to_vec(),
        }
    }

    /// A builder of the same site with nothing added yet, for a part made
    /// on another thread (see [`Self::par_parts`]).
    fn fork(&self) -> Self {
        Builder {
            v: self.v,
            base_url: self.base_url,
            pages: Vec::new(),
            files: Vec::new(),
            svgs: Vec::new(),
            pngs: Vec::new(),
            page_image: None,
            chart_pngs: self.chart_pngs,
            bytes: Vec::new(),
            values: Vec::new(),
            images: self.images,
            published: Vec::new(),
            pdf: self.pdf,
            print_jobs: Vec::new(),
            sponsor_dirs: self.sponsor_dirs.clone(),
            origins: Vec::new(),
            cache: self.cache,
            prints: self.prints.clone(),
        }
    }

    /// Adds what `other`, a [`Self::fork`] of this builder, added, after
    /// what this one added.
    fn absorb(&mut self, mut other: Self) {
        self.pages.append(&mut other.pages);
        self.files.append(&mut other.files);
        self.svgs.append(&mut other.svgs);
        self.pngs.append(&mut other.pngs);
        self.bytes.append(&mut other.bytes);
        self.values.append(&mut other.values);
        self.published.append(&mut other.published);
        self.print_jobs.append(&mut other.print_jobs);
        self.origins.append(&mut other.origins);
        if other.page_image.is_some() {
            self.page_image = other.page_image;
        }
    }

    /// Runs `make` on each of `items` on every core, each part on a fork of
    /// this builder, and adds what they made in the order of `items`: the
    /// same pages and files, in the same order, as making them one after
    /// another. The commune pages, the bulletins and the stories are made
    /// so: each reads the finished figures and nothing another one made.
    fn par_parts<T: Send>(&mut self, items: Vec<T>, make: impl Fn(&mut Self, T) + Sync + Send) {
        if self.page_image.is_some() {
            // The next page takes that image: keep the order of one thread.
            for it in items {
                make(self, it);
            }
            return;
        }
        let made = items
            .into_par_iter()
            .fold(
                || self.fork(),
                |mut b, it| {
                    make(&mut b, it);
                    b
                },
            )
            .reduce(
                || self.fork(),
                |mut a, b| {
                    a.absorb(b);
                    a
                },
            );
        self.absorb(made);
    }

    fn replay(&mut self, f: &Fragment) {
        self.pages.extend_from_slice(&f.pages);
        self.files.extend_from_slice(&f.files);
        self.svgs.extend_from_slice(&f.svgs);
        self.pngs.extend_from_slice(&f.pngs);
        self.bytes.extend_from_slice(&f.bytes);
        self.published.extend_from_slice(&f.published);
        self.print_jobs.extend_from_slice(&f.print_jobs);
        self.origins.extend_from_slice(&f.origins);
        // The values the part was made with stay in the cache with it.
        if let Some(c) = self.cache {
            for place in &f.values {
                c.touch_value(place);
            }
        }
        self.values.extend_from_slice(&f.values);
    }

    /// Runs `make`, which adds the part of the site at `place`; with
    /// `serve`'s cache, what it added is kept under `key` (a hash of
    /// everything it is made from) and handed over again instead of making
    /// it while the key is the same. `key` is `None` when there is no cache.
    /// A part is kept only when it neither takes nor leaves a link-preview
    /// image for another.
    fn memo(&mut self, place: &str, key: Option<blake3::Hash>, make: impl FnOnce(&mut Self)) {
        let (Some(cache), Some(key)) = (self.cache, key) else {
            return make(self);
        };
        if self.page_image.is_some() {
            return make(self);
        }
        if let Some(f) = cache.fragment(place, &key) {
            self.replay(&f);
            return;
        }
        cache.forget_fragment(place);
        let m = self.marks();
        make(self);
        if self.page_image.is_none() {
            cache.keep_fragment(place.to_string(), key, self.since(&m));
        }
    }

    /// [`Self::memo`] for a value that a page shows: `make`'s value, or
    /// with `serve`'s cache the one kept at `place` while `key` is the same.
    /// A fragment made with it keeps it in the cache while the fragment is.
    fn memo_value(
        &mut self,
        place: &str,
        key: Option<blake3::Hash>,
        make: impl FnOnce(&Self) -> Value,
    ) -> Value {
        let (Some(cache), Some(key)) = (self.cache, key) else {
            return make(self);
        };
        self.values.push(place.to_string());
        if let Some(v) = cache.value(place, &key) {
            return (*v).clone();
        }
        let v = make(self);
        cache.keep_value(place.to_string(), key, Arc::new(v.clone()));
        v
    }

    /// Every page but the downloads and 404 pages (the downloads page lists
    /// the data files, made meanwhile on another thread).
    /// The parts that show only figures (no news, free page or model) are
    /// kept by `serve`'s cache while the figures are the same.
    fn all_but_downloads(&mut self) {
        let home = self.figures_key("home").map(|mut k| {
            k.json(&self.latest_news(5)).json(&self.model_counts(None));
            k.key()
        });
        self.memo("home", home, Self::home);
        self.districts();
        self.communes();
        let criteria = self.figures_key("criteria").map(|k| k.key());
        self.memo("criteria", criteria, Self::criteria);
        let targets = self.figures_key("targets").map(|k| k.key());
        self.memo("targets", targets, Self::targets);
        let years = self.figures_key("years").map(|k| k.key());
        self.memo("years", years, Self::years);
        let sponsors = self.figures_key("sponsors").map(|k| k.key());
        self.memo("sponsors", sponsors, Self::sponsors);
        let officers = self.figures_key("officers").map(|k| k.key());
        self.memo("officers", officers, Self::officers);
        self.bulletins();
        self.news();
        self.free_pages();
        self.method();
        self.models();
    }

    /// The start of the key of part `kind` in `serve`'s cache: the
    /// content's base (see [`super::fingerprint`]), the build's settings and
    /// the data date. `None` when there is no cache.
    fn part_key(&self, kind: &str) -> Option<KeyHasher> {
        let prints = self.prints.as_ref()?;
        let mut k = KeyHasher::new(kind);
        k.print(&prints.base)
            .text(self.base_url)
            .value(self.pdf)
            .value(&matches!(self.chart_pngs, super::ChartPngs::Skip))
            .value(&self.v.latest);
        Some(k)
    }

    /// [`Self::part_key`] of a part made of the figures alone: with all
    /// the snapshots.
    fn figures_key(&self, kind: &str) -> Option<KeyHasher> {
        let mut k = self.part_key(kind)?;
        k.value(&self.prints.as_ref()?.upto.last());
        Some(k)
    }

    /// Adds to `k` commune `c`'s history: its states, the date it ended and
    /// its changes, with their weeks' dates and sets.
    fn commune_history(&self, k: &mut KeyHasher, c: CommuneIx) {
        let v = self.v;
        let tl = &v.report.sweep.timeline;
        k.value(&tl.states[c]).value(&tl.ends[c]);
        for &i in &v.changes_of[c] {
            let ch = &v.report.sweep.changes[i];
            let snap = &v.content.snapshots[ch.snapshot];
            k.value(ch).value(&(snap.date, snap.set));
        }
    }

    fn latest_news(&self, n: usize) -> Vec<Value> {
        self.sorted_news()
            .into_iter()
            .take(n)
            .map(|d| self.news_item(d))
            .collect()
    }

    fn sorted_news(&self) -> Vec<&'a Document> {
        let mut news: Vec<&Document> = self.v.content.news.iter().collect();
        news.sort_by(|a, b| b.date.cmp(&a.date).then(a.slug.cmp(&b.slug)));
        news
    }

    fn news_item(&self, d: &Document) -> Value {
        json!({
            "title": d.title,
            "href": paths::link(&paths::article(&d.slug)),
            "date": d.date.map(|x| self.v.date(x)),
            "date_iso": d.date.map(|x| x.to_string()),
            "summary": d.summary.as_deref().map(markdown::plain),
            "tags": self.tag_links(&d.tags),
        })
    }

    fn tag_links(&self, tags: &[String]) -> Vec<Value> {
        tags.iter()
            .map(|t| json!({"name": t, "href": paths::link(&paths::tag(&crate::text::slugify(t)))}))
            .collect()
    }

    fn home(&mut self) {
        let v = self.v;
        let province = &v.report.latest.province;
        let figures = v.figures(province, v.recognized_among(0..v.content.communes.len()));
        let tops = v.top_groups.clone();
        let groups = v.group_tree(&tops);
        let former_groups = v.former_tree(&tops);
        let loose: Vec<Value> = v
            .commune_order
            .iter()
            .filter(|&&c| v.content.communes[c].group.is_none())
            .map(|&c| v.communes[c].clone())
            .collect();
        let bulletin = v
            .content
            .snapshots
            .len()
            .checked_sub(1)
            .map(|i| self.bulletin_summary(i));
        let targets: Vec<Value> = self.target_rows();
        let (content, report) = (v.content, v.report);
        let progress = self.chart(
            "bieu-do-tien-do",
            &charts::province_progress(content, report),
            "bieu-do/tinh-tien-do.svg".into(),
        );
        let bands = self.chart(
            "bieu-do-phan-nhom",
            &charts::bands(content, report, None),
            "bieu-do/phan-nhom.svg".into(),
        );
        let districts = self.chart(
            "bieu-do-so-sanh-huyen",
            &charts::districts_compared(content, report),
            "bieu-do/so-sanh-huyen.svg".into(),
        );
        let target = match v.latest {
            Some(l) if report.latest.province.target_communes > 0 => self.chart(
                "bieu-do-ve-dich",
                &charts::target_communes(content, report, l),
                format!("bieu-do/ve-dich/{}.svg", l.year()),
            ),
            _ => Value::Null,
        };
        let indicators = if report
            .latest
            .province
            .indicators_reported
            .iter()
            .any(|&n| n > 0)
        {
            self.chart(
                "bieu-do-chi-so",
                &charts::indicators(content, report),
                "bieu-do/chi-so.svg".into(),
            )
        } else {
            Value::Null
        };
        let vars = json!({
            "figures": figures,
            "groups": groups,
            "former_groups": former_groups,
            "loose_communes": loose,
            "bulletin": bulletin,
            "news": self.latest_news(5),
            "targets": targets,
            "open_targets": self.open_targets(),
            "years": self.year_rows(),
            "press": self.press_figures(),
            "figure_progress": progress,
            "figure_bands": bands,
            "figure_districts": districts,
            "figure_target": target,
            "figure_indicators": indicators,
            "model_counts": self.model_counts(None),
        });
        let title = v.content.site.title.clone();
        self.add("", "home.html", "home", &title, vec![], vars);
    }

    /// A figure slot: the chart written as an SVG file at `file`, with its data table.
    fn chart(&mut self, id: &str, chart: &Chart, file: String) -> Value {
        self.chart_on(id, chart, file, self.v.latest)
    }

    /// [`Self::chart`] of the data of `date`: with the CSV of its figures
    /// beside the SVG, and the date its citation names.
    fn chart_on(
        &mut self,
        id: &str,
        chart: &Chart,
        file: String,
        date: Option<crate::date::Date>,
    ) -> Value {
        let png = super::chart_png::png_path(&file);
        let mut fig = self.print_chart_on(id, chart, file, date);
        if matches!(self.chart_pngs, super::ChartPngs::Skip) {
            return fig;
        }
        fig["png"] = json!(png);
        if self.page_image.is_none() {
            self.page_image = Some(super::meta::Image {
                path: png.clone(),
                width: fig["png_width"].as_u64().unwrap_or_default() as u32,
                height: fig["png_height"].as_u64().unwrap_or_default() as u32,
                alt: chart.title.clone(),
            });
        }
        self.pngs.push((png, Arc::from(chart.svg.as_str())));
        fig
    }

    /// [`Self::chart_on`] for a chart shown only in print (the compact twin
    /// of a screen chart, with no downloads of its own): no PNG.
    fn print_chart_on(
        &mut self,
        id: &str,
        chart: &Chart,
        file: String,
        date: Option<crate::date::Date>,
    ) -> Value {
        let mut fig = figures::figure(id, chart, &file);
        fig["png"] = Value::Null;
        if let Some(csv) = figures::table_csv(&chart.table) {
            let path = figures::csv_path(&file);
            self.bytes.push((path.clone(), csv.into()));
            fig["csv"] = json!(path);
        }
        fig["date"] = json!(date.map(|d| self.v.date(d)));
        self.svgs.push((
            crate::charts::phone_path(&file),
            chart.phone_svg.as_bytes().into(),
        ));
        self.svgs.push((file, chart.svg.as_bytes().into()));
        fig
    }

    fn districts(&mut self) {
        let v = self.v;
        let tops = v.top_groups.clone();
        let title = self.t("nav_districts").to_string();
        let vars = json!({"groups": v.group_tree(&tops), "former_groups": v.former_tree(&tops)});
        self.add(
            "huyen/",
            "districts.html",
            "districts",
            &title,
            vec![],
            vars,
        );
        self.par_parts((0..v.content.groups.len()).collect(), |b, g| {
            let key = b.district_key(g);
            let place = format!("district {}", b.v.content.groups[g].id);
            b.memo(&place, key, |b| b.district(g));
        });
    }

    /// The key of district `g`'s page in `serve`'s cache: the content's
    /// base (see [`super::fingerprint`]), the build's settings, the data
    /// date, the dates and sets of the snapshots, the states and changes of
    /// the communes under it (what its charts and lists of changes are made
    /// of), and the finished rows its page shows of it, its communes and
    /// subgroups, its models and its targets.
    fn district_key(&self, g: GroupIx) -> Option<blake3::Hash> {
        let v = self.v;
        let mut k = self.part_key("district")?;
        for s in &v.content.snapshots {
            k.value(&(s.date, s.set));
        }
        for c in v.communes_in(g) {
            self.commune_history(&mut k, c);
            k.json(&v.communes[c]);
        }
        for x in 0..v.content.groups.len() {
            if v.content.group_within(x, g) {
                k.json(&v.groups[x]);
            }
        }
        k.json(&self.model_counts(Some(g)))
            .json(&self.group_targets(g));
        Some(k.key())
    }

    fn group_crumbs(&self, g: Option<GroupIx>) -> Vec<Value> {
        let v = self.v;
        let mut chain = Vec::new();
        let mut cur = g;
        while let Some(x) = cur {
            chain.push(x);
            cur = v.content.groups[x].parent;
        }
        chain.reverse();
        let mut out = vec![crumb(
            self.t("nav_districts"),
            Some("huyen/index.html".into()),
        )];
        out.extend(chain.into_iter().map(|x| {
            let l = v.group_link(x);
            crumb(
                l["title"].as_str().unwrap_or_default(),
                l["href"].as_str().map(str::to_string),
            )
        }));
        out
    }

    fn district(&mut self, g: GroupIx) {
        let v = self.v;
        let gr = &v.content.groups[g];
        let dir = paths::group(&gr.id);
        let communes = v.communes_in(g);
        let rows: Vec<Value> = communes.iter().map(|&c| v.communes[c].clone()).collect();
        // Latest notable changes of its communes, newest first.
        let mut changes: Vec<usize> = communes
            .iter()
            .flat_map(|&c| v.changes_of[c].iter().copied())
            .filter(|&i| v.notable(i))
            .collect();
        changes.sort_by(|&a, &b| {
            let (ca, cb) = (&v.report.sweep.changes[a], &v.report.sweep.changes[b]);
            cb.snapshot.cmp(&ca.snapshot).then(a.cmp(&b))
        });
        changes.truncate(20);
        let changes: Vec<Value> = changes.iter().map(|&i| v.change(i, true)).collect();
        let children = v.child_groups[g].clone();
        // A former district's subgroups are history with it.
        let subgroups = if v.groups[g]["ended"].is_null() {
            v.group_tree(&children)
        } else {
            v.former_tree(&children)
        };
        let nested = !subgroups.is_empty();
        // A former district (v1.2): its history up to the merger that ended
        // it, instead of today's criteria, which none of its communes has.
        let coverage = match (
            crate::report::groups::ended(v.content, g),
            crate::charts::figures::latest_set(v.content),
        ) {
            (Some(merged), _) => self.chart(
                "bieu-do-lich-su",
                &charts::group_history(v.content, v.report, g, merged),
                format!("bieu-do/lich-su/{}.svg", gr.id),
            ),
            (None, Some(set)) => self.chart(
                "bieu-do-tieu-chi",
                &charts::criteria_coverage(v.content, v.report, set, Some(g)),
                format!("bieu-do/tieu-chi/{}.svg", gr.id),
            ),
            (None, None) => Value::Null,
        };
        let vars = json!({
            "group": v.groups[g],
            "figures": v.groups[g]["figures"],
            "communes": rows,
            "show_group_column": nested,
            "subgroups": subgroups,
            "changes": changes,
            "figure_coverage": coverage,
            "model_counts": self.model_counts(Some(g)),
            "targets": self.group_targets(g),
        });
        let crumbs = self.group_crumbs(gr.parent);
        let title = titled(&gr.kind, &gr.name);
        self.add(&dir, "district.html", "districts", &title, crumbs, vars);
    }

    fn communes(&mut self) {
        let v = self.v;
        let rows: Vec<Value> = v
            .commune_order
            .iter()
            .map(|&c| v.communes[c].clone())
            .collect();
        let title = self.t("nav_communes").to_string();
        self.add(
            "xa/",
            "communes.html",
            "communes",
            &title,
            vec![],
            json!({"communes": rows, "show_group_column": true}),
        );
        // Each commune's news and models, newest news first.
        let n = v.content.communes.len();
        let mut news: Vec<Vec<Value>> = vec![Vec::new(); n];
        for d in self.sorted_news() {
            let mut about = d.communes.clone();
            about.sort_unstable();
            about.dedup();
            for c in about {
                if let Some(list) = news.get_mut(c) {
                    list.push(self.news_item(d));
                }
            }
        }
        let mut models: Vec<Vec<Value>> = vec![Vec::new(); n];
        for m in &v.content.models {
            if let Some(list) = models.get_mut(m.commune) {
                list.push(self.model_item(m));
            }
        }
        let keys: Vec<Option<blake3::Hash>> = (0..n)
            .into_par_iter()
            .map(|c| self.commune_key(c, &news[c], &models[c]))
            .collect();
        let places: Vec<String> = (0..n)
            .map(|c| format!("commune {}", v.content.communes[c].id))
            .collect();
        // Each page, with its timeline, made on every core; the pages kept
        // by `serve`'s cache are handed over without drawing their charts.
        let (content, report) = (v.content, v.report);
        let parts: Vec<_> = news.into_iter().zip(models).enumerate().collect();
        self.par_parts(parts, |b, (c, (news, models))| {
            b.memo(&places[c], keys[c], |b| {
                let timeline = charts::commune_timeline(content, report, c);
                b.commune(c, news, models, timeline)
            });
        });
    }

    /// The key of commune `c`'s page in `serve`'s cache: the content's base
    /// (see [`super::fingerprint`]), the build's settings, the data date,
    /// the commune's states and changes (with their snapshots' dates and sets)
    /// and its predecessors' last states (what its figures, timeline and
    /// grid are made of), and the finished rows its page shows of it, of
    /// its news and of its models.
    fn commune_key(&self, c: CommuneIx, news: &[Value], models: &[Value]) -> Option<blake3::Hash> {
        let v = self.v;
        let tl = &v.report.sweep.timeline;
        let mut k = self.part_key("commune")?;
        self.commune_history(&mut k, c);
        k.value(&report::communes::predecessors(v.content, tl, c))
            .json(&v.communes[c])
            .json(&news)
            .json(&models)
            .json(&self.sponsor_links(c));
        Some(k.key())
    }

    fn commune(&mut self, c: CommuneIx, news: Vec<Value>, models: Vec<Value>, timeline: Chart) {
        let v = self.v;
        let cm = &v.content.communes[c];
        let dir = paths::commune(&cm.id);
        let tl = &v.report.sweep.timeline;
        let state = tl.latest(c);
        // The criteria table of the set in force for the commune, with the
        // date since which each met criterion has been met without a break
        // and (v1.2) its indicators met ("4/5") and those still missing.
        let criteria: Vec<Value> = match state {
            Some(s) => {
                let set = &v.content.sets[s.set];
                report::communes::criteria(v.content, tl, c)
                    .into_iter()
                    .zip(&set.criteria)
                    .map(|(st, cr)| {
                        let total = st.indicators_met.len() + st.indicators_missing.len();
                        json!({
                            "number": st.number,
                            "name": cr.name,
                            "group": cr.group,
                            "department": cr.department,
                            "met": st.met,
                            "since": st.since.map(|d| v.date(d)),
                            "indicators": (total > 0).then(|| json!({
                                "met": st.indicators_met.len(),
                                "total": total,
                                "missing": st.indicators_missing,
                            })),
                            "href": paths::link(&paths::criterion(&set.id, st.number)),
                        })
                    })
                    .collect()
            }
            None => Vec::new(),
        };
        let has_indicators = state.is_some_and(|s| v.content.sets[s.set].has_indicators());
        // v1.2: its class, with the description of the set of its latest state.
        let class = cm.class.map(|k| {
            let about = state
                .and_then(|s| v.content.sets[s.set].classes.iter().find(|x| x.number == k))
                .map(|x| x.description.clone());
            json!({"number": k, "description": about})
        });
        // v1.2: the communes merged into it, each with its history up to the merger.
        let predecessors: Vec<Value> = report::communes::predecessors(v.content, tl, c)
            .into_iter()
            .map(|p| {
                json!({
                    "commune": v.commune_link(p.commune),
                    "group": v.content.communes[p.commune].group.map(|g| v.group_link(g)),
                    "last_date": p.last.map(|(d, _, _)| v.date(d)),
                    "met": p.last.map(|(_, m, _)| m),
                    "total": p.last.map(|(_, _, n)| n),
                    "reports": p.reports,
                })
            })
            .collect();
        let established = cm.established.map(|d| v.date(d));
        let set = state.map(|s| {
            let st = &v.content.sets[s.set];
            json!({"id": st.id, "name": st.name, "href": paths::link(&paths::criteria_set(&st.id))})
        });
        let left = state.map(|s| v.content.sets[s.set].len() - s.count() as usize);
        let history: Vec<Value> = v.changes_of[c]
            .iter()
            .rev()
            .copied()
            .filter(|&i| v.notable(i))
            .map(|i| v.change(i, false))
            .collect();
        let reports = v.changes_of[c].len();
        let indicators: Vec<Value> = match v.latest {
            Some(l) => tl
                .indicators_on(c, l)
                .iter()
                .enumerate()
                .filter_map(|(i, x)| {
                    x.map(|(val, d)| {
                        let key = crate::model::INDICATOR_KEYS[i];
                        json!({"label": v.t(&format!("ind_{key}")), "value": v.int(val as i64), "date": v.date(d)})
                    })
                })
                .collect(),
            None => Vec::new(),
        };
        let officers: Vec<Value> = cm
            .officers
            .iter()
            .map(|o| {
                json!({
                    "name": o.name, "role": o.role, "agency": o.agency,
                    "from": o.from.map(|d| v.date(d)), "until": o.until.map(|d| v.date(d)),
                    "seconded": o.is_seconded(),
                })
            })
            .collect();
        let mut recognitions: Vec<&crate::model::Recognition> = cm.recognitions.iter().collect();
        recognitions.sort_by_key(|r| (r.date, r.level));
        let recognitions: Vec<Value> = recognitions
            .iter()
            .map(|r| json!({"level": r.level.as_str(), "label": v.level_label(r.level), "date": v.date(r.date), "decision": r.decision}))
            .collect();
        let narrative = cm.narrative.as_deref().map(|md| {
            let file = format!("communes/{}.md", cm.id);
            self.markdown(&dir, &file, 1, md, COMMUNE_IDS).html
        });
        let timeline = self.chart(
            "bieu-do-dien-bien",
            &timeline,
            format!("bieu-do/xa/{}.svg", cm.id),
        );
        // The criteria grid: on this page above the criteria table (which
        // holds its figures), and in every table of communes.
        let grid = if v.report.sweep.timeline.latest(c).is_some() {
            let chart = charts::criteria_grid(v.content, v.report, c, None);
            let mut fig = self.chart("luoi-tieu-chi", &chart, paths::commune_grid(&cm.id));
            fig["table"] = Value::Null;
            fig
        } else {
            Value::Null
        };
        let vars = json!({
            "commune": v.communes[c],
            "code": cm.code,
            "population": cm.population.map(|p| v.int(p as i64)),
            "area": cm.area_km2.map(|a| format_area(v.lang, a)),
            "set": set,
            "criteria": criteria,
            "left": left,
            "history": history,
            "reports": reports,
            "indicators": indicators,
            "sponsors": cm.sponsors,
            "sponsor_links": self.sponsor_links(c),
            "officers": officers,
            "recognitions": recognitions,
            "narrative": narrative,
            "news": news,
            "models": models,
            "figure_timeline": timeline,
            "figure_grid": grid,
            "has_indicators": has_indicators,
            "class": class,
            "predecessors": predecessors,
            "established": established,
            "stale_days": v.content.site.stale_days(),
        });
        let crumbs = self.group_crumbs(cm.group);
        let title = titled(&cm.kind, &cm.name);
        self.add(&dir, "commune.html", "communes", &title, crumbs, vars);
    }

    fn criteria(&mut self) {
        let v = self.v;
        let sets: Vec<Value> = v.content.sets.iter().map(|s| self.set_value(s)).collect();
        let title = self.t("nav_criteria").to_string();
        self.add(
            "tieu-chi/",
            "criteria.html",
            "criteria",
            &title,
            vec![],
            json!({"sets": sets}),
        );
        for si in 0..v.content.sets.len() {
            self.criteria_set(si);
            for k in 1..=v.content.sets[si].len() {
                self.criterion(si, k);
            }
        }
    }

    fn set_value(&self, s: &crate::model::CriteriaSet) -> Value {
        let v = self.v;
        json!({
            "id": s.id,
            "name": s.name,
            "decision": s.decision,
            "valid_from": v.date(s.valid_from),
            "valid_until": s.valid_until.map(|d| v.date(d)),
            "count": s.len(),
            "href": paths::link(&paths::criteria_set(&s.id)),
        })
    }

    /// Latest coverage of set `si`: communes known under it, and meeting each criterion.
    fn coverage(&self, si: usize) -> (u32, Vec<u32>) {
        match self.v.report.sweep.summaries.last() {
            Some(s) => (s.coverage[si].known, s.coverage[si].meeting.clone()),
            None => (0, vec![0; self.v.content.sets[si].len()]),
        }
    }

    fn criteria_set(&mut self, si: usize) {
        let v = self.v;
        let st = &v.content.sets[si];
        let (known, meeting) = self.coverage(si);
        let rows: Vec<Value> = st
            .criteria
            .iter()
            .map(|cr| {
                let m = meeting[cr.number - 1];
                json!({
                    "number": cr.number,
                    "name": cr.name,
                    "group": cr.group,
                    "department": cr.department,
                    "meeting": v.int(m),
                    "not_meeting": v.int(known - m),
                    "percent": format::percent(u64::from(m), u64::from(known)),
                    "href": paths::link(&paths::criterion(&st.id, cr.number)),
                })
            })
            .collect();
        let coverage = self.chart(
            "bieu-do-do-phu",
            &charts::criteria_coverage(v.content, v.report, si, None),
            format!("bieu-do/bo-tieu-chi/{}.svg", st.id),
        );
        let vars = json!({
            "set": self.set_value(st),
            "known": v.int(known),
            "criteria": rows,
            "figure_coverage": coverage,
        });
        let crumbs = vec![crumb(
            self.t("nav_criteria"),
            Some("tieu-chi/index.html".into()),
        )];
        let dir = paths::criteria_set(&st.id);
        self.add(
            &dir,
            "criteria_set.html",
            "criteria",
            &st.name.clone(),
            crumbs,
            vars,
        );
    }

    fn criterion(&mut self, si: usize, k: usize) {
        let v = self.v;
        let st = &v.content.sets[si];
        let cr = &st.criteria[k - 1];
        let (known, meeting) = self.coverage(si);
        // By district: the communes whose latest state is under this set.
        let mut by_group: BTreeMap<Option<GroupIx>, Split> = BTreeMap::new();
        let mut other_sets = 0u32;
        let mut unknown = 0u32;
        // A commune merged away by the latest date is in no count and no list.
        let today = |c: CommuneIx| v.latest.is_none_or(|d| v.content.exists_on(c, d));
        for &c in v.commune_order.iter().filter(|&&c| today(c)) {
            match v.report.sweep.timeline.latest(c) {
                Some(s) if s.set == si => {
                    let top = v.content.ancestors(c).first().copied();
                    let e = by_group.entry(top).or_default();
                    let link = v.commune_link_on(c, v.latest);
                    if s.met.has(k) {
                        e.0.push(link);
                    } else {
                        e.1.push(link);
                    }
                }
                Some(_) => other_sets += 1,
                None => unknown += 1,
            }
        }
        let mut groups: Vec<(Option<GroupIx>, Split)> = by_group.into_iter().collect();
        groups.sort_by(|a, b| match (a.0, b.0) {
            (Some(x), Some(y)) => {
                let (gx, gy) = (&v.content.groups[x], &v.content.groups[y]);
                super::views::name_cmp(&gx.name, &gx.id, &gy.name, &gy.id)
            }
            (None, Some(_)) => std::cmp::Ordering::Greater,
            (Some(_), None) => std::cmp::Ordering::Less,
            (None, None) => std::cmp::Ordering::Equal,
        });
        let groups: Vec<Value> = groups
            .into_iter()
            .map(|(g, (yes, no))| {
                json!({
                    "group": g.map(|g| v.group_link(g)),
                    "meeting": yes,
                    "not_meeting": no,
                    "meeting_count": yes.len(),
                    "total": yes.len() + no.len(),
                })
            })
            .collect();
        let vars = json!({
            "set": self.set_value(st),
            "criterion": {
                "number": cr.number, "name": cr.name, "name_en": cr.name_en,
                "group": cr.group, "department": cr.department,
            },
            "known": v.int(known),
            "meeting": v.int(meeting[k - 1]),
            "not_meeting": v.int(known - meeting[k - 1]),
            "other_sets": other_sets,
            "unknown": unknown,
            "groups": groups,
            "prev": (k > 1).then(|| paths::link(&paths::criterion(&st.id, k - 1))),
            "next": (k < st.len()).then(|| paths::link(&paths::criterion(&st.id, k + 1))),
        });
        let crumbs = vec![
            crumb(self.t("nav_criteria"), Some("tieu-chi/index.html".into())),
            crumb(
                st.name.clone(),
                Some(paths::link(&paths::criteria_set(&st.id))),
            ),
        ];
        let title = format!("{} {}: {}", self.t("criterion"), k, cr.name);
        self.add(
            &paths::criterion(&st.id, k),
            "criterion.html",
            "criteria",
            &title,
            crumbs,
            vars,
        );
    }

    fn news(&mut self) {
        let v = self.v;
        let news = self.sorted_news();
        let pages = news.len().div_ceil(NEWS_PER_PAGE).max(1);
        let title = self.t("nav_news").to_string();
        for p in 1..=pages {
            let items: Vec<Value> = news
                .iter()
                .skip((p - 1) * NEWS_PER_PAGE)
                .take(NEWS_PER_PAGE)
                .map(|d| self.news_item(d))
                .collect();
            let dir = paths::news_page(p);
            let pagination = json!({
                "current": p,
                "total": pages,
                "prev": (p > 1).then(|| paths::link(&paths::news_page(p - 1))),
                "next": (p < pages).then(|| paths::link(&paths::news_page(p + 1))),
                "pages": page_window(p, pages).into_iter().map(|n| match n {
                    Some(n) => json!({"number": n, "href": paths::link(&paths::news_page(n)), "current": n == p}),
                    None => json!({"gap": true}),
                }).collect::<Vec<_>>(),
            });
            let (page_title, crumbs) = if p == 1 {
                (title.clone(), vec![])
            } else {
                (
                    format!("{title} – {} {p}", self.t("page")),
                    vec![crumb(title.clone(), Some("tin-tuc/index.html".into()))],
                )
            };
            self.add(
                &dir,
                "news_list.html",
                "news",
                &page_title,
                crumbs,
                json!({"news": items, "pagination": pagination}),
            );
        }
        // The stories, their Markdown with them, made on every core.
        self.par_parts(news.clone(), |b, d| {
            let root = Self::root_of(&paths::article(&d.slug));
            let body = markdown::render(&d.body, &root, "", ARTICLE_IDS);
            b.article(d, body);
        });
        // Tags: one page each, and an index.
        let mut tags: BTreeMap<String, (String, Vec<&Document>)> = BTreeMap::new();
        for d in &news {
            for t in &d.tags {
                let e = tags
                    .entry(crate::text::slugify(t))
                    .or_insert_with(|| (t.clone(), Vec::new()));
                // A story is added to its tags one story at a time: it is
                // already there only when it is the last one added (two of
                // its tags with the same slug).
                if e.1.last().is_none_or(|x| x.slug != d.slug) {
                    e.1.push(d);
                }
            }
        }
        let mut index: Vec<Value> = Vec::new();
        for (slug, (name, docs)) in &tags {
            if slug.is_empty() {
                continue;
            }
            index.push(
                json!({"name": name, "count": docs.len(), "href": paths::link(&paths::tag(slug))}),
            );
            let items: Vec<Value> = docs.iter().map(|d| self.news_item(d)).collect();
            let crumbs = vec![
                crumb(self.t("nav_news"), Some("tin-tuc/index.html".into())),
                crumb(self.t("tags"), Some("chu-de/index.html".into())),
            ];
            let title = format!("{}: {name}", self.t("tag"));
            self.add(
                &paths::tag(slug),
                "tag.html",
                "news",
                &title,
                crumbs,
                json!({"tag": name, "news": items}),
            );
        }
        index.sort_by(|a, b| {
            crate::text::vi_cmp(
                a["name"].as_str().unwrap_or_default(),
                b["name"].as_str().unwrap_or_default(),
            )
        });
        let crumbs = vec![crumb(self.t("nav_news"), Some("tin-tuc/index.html".into()))];
        let title = self.t("tags").to_string();
        self.add(
            "chu-de/",
            "tags.html",
            "news",
            &title,
            crumbs,
            json!({"tags": index}),
        );
        let _ = v;
    }

    /// The page of story `d`, whose Markdown rendered is `body`.
    fn article(&mut self, d: &'a Document, body: markdown::Rendered) {
        let v = self.v;
        let dir = paths::article(&d.slug);
        // The pictures of a bundle, re-encoded, each at its place in the
        // bundle (sub-folders kept).
        let folder = format!("{}/", d.file.trim_end_matches("/index.md"));
        for a in &d.assets {
            if let (Some(inner), Some(bytes)) =
                (a.strip_prefix(&folder), self.images.bundle_files.get(a))
            {
                self.bytes
                    .push((format!("{dir}{inner}"), bytes.clone().into()));
            }
        }
        self.record_links(&dir, &d.file, d.body_line, &body);
        // The cover is a file of the bundle, copied beside the page above.
        let cover = d
            .cover
            .as_deref()
            .map(|c| c.strip_prefix(&folder).unwrap_or(c).to_string());
        let communes: Vec<Value> = d.communes.iter().map(|&c| v.commune_link(c)).collect();
        let og_image = d.cover.as_deref().and_then(|c| {
            let bytes = self.images.bundle_files.get(c)?;
            let (width, height) = image::ImageReader::new(std::io::Cursor::new(bytes))
                .with_guessed_format()
                .ok()?
                .into_dimensions()
                .ok()?;
            let inner = c.strip_prefix(&folder)?;
            Some(super::meta::Image {
                path: format!("{dir}{inner}"),
                width,
                height,
                alt: d.title.clone(),
            })
        });
        let json_ld = self.news_article(d, &dir, og_image.as_ref());
        let vars = json!({
            "article": {
                "title": d.title,
                "date": d.date.map(|x| v.date(x)),
                "date_iso": d.date.map(|x| x.to_string()),
                "author": d.author,
                "summary": d.summary.as_deref().map(markdown::plain),
                "tags": self.tag_links(&d.tags),
                "communes": communes,
                "cover": cover,
                "body": body.html,
                "headings": body.headings,
            },
            "description": d.summary.as_deref().map(markdown::plain),
            "og_type": "article",
            "og_image": og_image.map(|i| i.to_json()),
            "json_ld": json_ld,
        });
        let crumbs = vec![crumb(self.t("nav_news"), Some("tin-tuc/index.html".into()))];
        self.add(&dir, "article.html", "news", &d.title.clone(), crumbs, vars);
    }

    /// The schema.org `NewsArticle` of a story.
    fn news_article(&self, d: &Document, dir: &str, image: Option<&super::meta::Image>) -> Value {
        let site = &self.v.content.site;
        let base = self.base_url;
        let image = match image {
            Some(i) => format!("{base}{}", i.path),
            None => format!("{base}{}", super::meta::CARD),
        };
        let mut a = json!({
            "@context": "https://schema.org",
            "@type": "NewsArticle",
            "headline": d.title,
            "url": format!("{base}{dir}"),
            "mainEntityOfPage": format!("{base}{dir}"),
            "inLanguage": self.v.lang.code(),
            "image": [image],
            "publisher": super::meta::organization(site, base),
        });
        if let Some(date) = d.date {
            a["datePublished"] = json!(date.to_string());
            a["dateModified"] = json!(date.to_string());
        }
        a["author"] = match &d.author {
            Some(name) => json!({"@type": "Person", "name": name}),
            None => super::meta::organization(site, base),
        };
        if let Some(s) = &d.summary {
            a["description"] = json!(markdown::plain(s));
        }
        a
    }

    fn free_pages(&mut self) {
        let v = self.v;
        for d in &v.content.pages {
            let dir = paths::free_page(&d.slug);
            let body = self.markdown(&dir, &d.file, d.body_line, &d.body, ARTICLE_IDS);
            let vars = json!({
                "doc": {"title": d.title, "body": body.html, "headings": body.headings,
                        "date": d.date.map(|x| v.date(x)), "summary": d.summary.as_deref().map(markdown::plain)},
                "description": d.summary.as_deref().map(markdown::plain),
            });
            self.add(
                &dir,
                "page.html",
                &format!("page-{}", d.slug),
                &d.title.clone(),
                vec![],
                vars,
            );
        }
    }

    fn downloads(&mut self, out: &SiteFiles) {
        let v = self.v;
        let kinds = super::downloads::catalogue(out, v.s, v.lang, v.content.uses_v12());
        let files: Vec<Value> = kinds
            .iter()
            .flat_map(|k| {
                let (format, description) = (k["format"].clone(), k["description"].clone());
                k["files"].as_array().into_iter().flatten().map(move |f| {
                    json!({
                        "name": f["name"], "href": f["href"], "description": description,
                        "size": f["size"], "format": format, "sha256": f["sha256"],
                    })
                })
            })
            .collect();
        let citation = match v.latest {
            Some(l) => format!(
                "{}: {}, {} {}.",
                self.t("source"),
                v.content.site.organization,
                self.t("data_of"),
                v.date(l)
            ),
            None => format!("{}: {}.", self.t("source"), v.content.site.organization),
        };
        let title = self.t("nav_downloads").to_string();
        let json_ld = self.dataset(&files);
        self.add(
            "du-lieu/",
            "downloads.html",
            "downloads",
            &title,
            vec![],
            json!({
                "kinds": kinds,
                "files": files,
                "citation": citation,
                "json_ld": json_ld,
                "data_date": v.latest.map(|l| v.date(l)),
            }),
        );
    }

    /// The schema.org `Dataset` of the downloads page: the data files.
    fn dataset(&self, files: &[Value]) -> Value {
        let v = self.v;
        let site = &v.content.site;
        let base = self.base_url;
        let distribution: Vec<Value> = files
            .iter()
            .map(|f| {
                let format = if f["format"] == "JSON" {
                    "application/json"
                } else {
                    "text/csv"
                };
                json!({
                    "@type": "DataDownload",
                    "name": f["name"],
                    "encodingFormat": format,
                    "contentUrl": format!("{base}{}", f["href"].as_str().unwrap_or_default()),
                })
            })
            .collect();
        let mut d = json!({
            "@context": "https://schema.org",
            "@type": "Dataset",
            "name": format!("{} – {}", self.t("nav_downloads"), site.title),
            "description": site.description.clone().unwrap_or_else(|| site.title.clone()),
            "url": format!("{base}du-lieu/"),
            "inLanguage": v.lang.code(),
            "isAccessibleForFree": true,
            "creator": super::meta::organization(site, base),
            "publisher": super::meta::organization(site, base),
            "distribution": distribution,
        });
        if let Some(l) = &site.data_license {
            d["license"] = json!(super::meta::licence_url(l).unwrap_or_else(|| l.clone()));
        }
        let snaps = &v.content.snapshots;
        if let (Some(first), Some(last)) = (snaps.first(), snaps.last()) {
            d["temporalCoverage"] = json!(format!("{}/{}", first.date, last.date));
            d["dateModified"] = json!(last.date.to_string());
        }
        d
    }

    fn not_found(&mut self) {
        // Served by the web server at any address: links go from the site's
        // base path (`/ntm/`), not relative to the page.
        let base_path = self
            .base_url
            .split_once("://")
            .and_then(|(_, rest)| rest.find('/').map(|i| rest[i..].to_string()))
            .unwrap_or_else(|| "/".into());
        let mut vars = Map::new();
        vars.insert("section".into(), json!(""));
        vars.insert("title".into(), json!(self.t("not_found_title")));
        vars.insert("breadcrumbs".into(), json!([]));
        vars.insert("noindex".into(), json!(true));
        self.pages.push(Page {
            file: "404.html".into(),
            template: "404.html",
            root: base_path,
            canonical: format!("{}404.html", self.base_url),
            lastmod: String::new(),
            vars: Arc::new(vars),
            vars_key: Default::default(),
        });
    }
}

/// Ids the commune template uses itself; the narrative's headings avoid them.
const COMMUNE_IDS: &[&str] = &[
    "noi-dung",
    "tieu-chi",
    "dien-bien",
    "lich-su",
    "chi-so",
    "cong-nhan",
    "do-dau",
    "can-bo",
    "gioi-thieu",
    "mo-hinh",
    "tin-tuc",
    "trich-dan",
    "bieu-do-dien-bien",
];
const ARTICLE_IDS: &[&str] = &["noi-dung"];

fn format_area(lang: Lang, a: f64) -> String {
    // Areas are given with at most two decimals in the content.
    let hundredths = (a * 100.0).round() as i64;
    let d = crate::report::decimal::Dec2(hundredths);
    let s = format::dec2(lang, d);
    let mark = if lang == Lang::Vi { ',' } else { '.' };
    s.trim_end_matches('0').trim_end_matches(mark).to_string()
}

/// What the sitemap and the feeds take of the pages.
struct MetaInput {
    /// Every page but the 404 page: (URL, date).
    listed: Vec<(String, String)>,
    /// The feeds' entries: the stories and the bulletins.
    news: Vec<super::feeds::Entry>,
    bulletins: Vec<super::feeds::Entry>,
}

impl MetaInput {
    fn of(pages: &[Page]) -> MetaInput {
        use super::feeds::Entry;
        let listed: Vec<(String, String)> = pages
            .iter()
            .filter(|p| p.file != "404.html")
            .map(|p| (p.canonical.clone(), p.lastmod.clone()))
            .collect();
        let entries = |template: &str, f: &dyn Fn(&Page) -> Entry| -> Vec<Entry> {
            let mut e: Vec<Entry> = pages
                .iter()
                .filter(|p| p.template == template)
                .map(f)
                .collect();
            e.sort_by(|a, b| b.date.cmp(&a.date).then(a.url.cmp(&b.url)));
            e
        };
        let s = |x: &Value| x.as_str().unwrap_or_default().to_string();
        let news = entries("article.html", &|p| Entry {
            title: s(&p.vars["title"]),
            url: p.canonical.clone(),
            date: s(&p.vars["article"]["date_iso"]),
            summary: s(&p.vars["article"]["summary"]),
            author: p.vars["article"]["author"].as_str().map(str::to_string),
        });
        let bulletins = entries("bulletin.html", &|p| {
            let b = &p.vars["b"];
            let lines = |k: &str| {
                b[k].as_array()
                    .map(|l| {
                        l.iter()
                            .filter_map(Value::as_str)
                            .map(str::to_string)
                            .collect::<Vec<_>>()
                    })
                    .unwrap_or_default()
            };
            let mut summary = lines("headline_target");
            summary.extend(lines("headline_province"));
            Entry {
                title: s(&p.vars["title"]),
                url: p.canonical.clone(),
                date: s(&b["date_iso"]),
                summary: summary.join(" "),
                author: None,
            }
        });
        MetaInput {
            listed,
            news,
            bulletins,
        }
    }
}

/// The files about the site as a whole: `sitemap.xml`, `robots.txt`, the
/// Atom feeds of the news and the bulletins, the icons, the web manifest and
/// the card image (see [`super::feeds`] and [`super::meta`]).
fn site_meta(
    content_root: &Path,
    content: &Content,
    v: &Views,
    settings: &RenderSettings,
    pages: MetaInput,
    cache: Option<&Cache>,
    out: &mut SiteFiles,
) {
    use super::feeds::{self, Feed};
    let base = settings.base_url.as_str();
    out.add("sitemap.xml", feeds::sitemap(&pages.listed));
    out.add(super::search::INDEX, super::search::index(v));
    if !content
        .static_files
        .iter()
        .any(|f| f == "static/robots.txt")
    {
        out.add("robots.txt", feeds::robots(base));
    }
    let (news, bulletins) = (pages.news, pages.bulletins);
    let lang = v.lang.code().to_string();
    for (file, key, page, entries) in [
        (FEED_NEWS, "nav_news", "tin-tuc/", news),
        (FEED_BULLETINS, "nav_bulletins", "ban-tin/", bulletins),
    ] {
        let feed = Feed {
            file: file.into(),
            title: format!("{} – {}", v.t(key), content.site.title),
            page: format!("{base}{page}"),
            lang: lang.clone(),
            author: content.site.organization.clone(),
            entries,
        };
        out.add(file, feeds::atom(&feed, base));
    }
    let logo = content
        .static_files
        .iter()
        .any(|f| f == super::meta::LOGO)
        .then(|| std::fs::read_to_string(content_root.join(super::meta::LOGO)).ok())
        .flatten();
    let own_favicon = content
        .static_files
        .iter()
        .any(|f| f == "static/favicon.ico");
    let data_date = v
        .latest
        .map(|d| format!("{} {}", v.t("data_as_of"), v.date(d)));
    let key = cache.map(|_| {
        KeyHasher::new("site files")
            .json(&content.site)
            .text(v.lang.code())
            .value(&(&logo, &data_date, own_favicon))
            .key()
    });
    let mut logo_error = None;
    super::made_files(cache, "site files", key, out, |out| {
        let made = super::meta::site_files(
            &content.site,
            v.lang,
            logo.as_deref(),
            data_date.as_deref(),
            own_favicon,
        );
        for (path, bytes) in made.files {
            out.add(path, bytes);
        }
        logo_error = made.logo_error;
        logo_error.is_none()
    });
    out.logo_error = logo_error;
}

/// The Atom feeds, relative to the root.
pub const FEED_NEWS: &str = "tin-tuc/atom.xml";
pub const FEED_BULLETINS: &str = "ban-tin/atom.xml";

#[cfg(test)]
mod tests {
    use super::page_window;

    #[test]
    fn list_pages_link_the_ends_and_the_neighbours_only() {
        let shown = |p, t| {
            page_window(p, t)
                .iter()
                .map(|n| n.map_or("…".to_string(), |n| n.to_string()))
                .collect::<Vec<_>>()
                .join(" ")
        };
        assert_eq!(shown(1, 1), "1");
        assert_eq!(shown(2, 5), "1 2 3 4 5");
        assert_eq!(shown(1, 1000), "1 2 3 … 1000");
        assert_eq!(shown(500, 1000), "1 … 498 499 500 501 502 … 1000");
        assert_eq!(shown(4, 1000), "1 2 3 4 5 6 … 1000");
        assert_eq!(shown(1000, 1000), "1 … 998 999 1000");
    }
}

//! Helpers of the site tests: build a content folder into a temporary
//! folder, read its pages and data files as a user (or a re-user) would.
#![allow(dead_code)]

use ntm_site::build::BuildOptions;
use ntm_site::render::{SiteFiles, links};
use scraper::{ElementRef, Html, Selector};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;
use std::sync::atomic::{AtomicUsize, Ordering};

pub fn example() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/example/content")
}

/// The sample province (`content/`), which the repository always holds.
pub fn sample() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("content")
}

/// A finished build in a folder of its own, removed when it is dropped.
pub struct Built {
    dir: PathBuf,
    pub out: PathBuf,
    pub base_url: String,
}

impl Drop for Built {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

/// A fresh folder for one build: `target/tmp/sites/<test binary>/<n>`.
/// A build kept in a `static` is never dropped, so the test binary's folder
/// is emptied before its first build instead: runs leave at most the
/// builds of the last run behind, not a copy of the site per run in /tmp.
pub fn build_dir() -> PathBuf {
    static ROOT: OnceLock<PathBuf> = OnceLock::new();
    static N: AtomicUsize = AtomicUsize::new(0);
    let root = ROOT.get_or_init(|| {
        let exe = std::env::current_exe()
            .ok()
            .and_then(|p| p.file_stem().map(|s| s.to_string_lossy().into_owned()))
            .unwrap_or_default();
        let root = Path::new(env!("CARGO_TARGET_TMPDIR"))
            .join("sites")
            .join(exe);
        let _ = std::fs::remove_dir_all(&root);
        root
    });
    let dir = root.join(N.fetch_add(1, Ordering::Relaxed).to_string());
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

pub fn build_site(content: &Path, base_url: Option<&str>) -> Built {
    build_site_with(content, base_url, false)
}

/// [`build_site`] with each chart's PNG drawn too (`chart_pngs`), as
/// `ntm-site build` does; the other tests leave them out (drawing the
/// sample's 1,700 charts takes minutes in a debug build).
pub fn build_site_with(content: &Path, base_url: Option<&str>, chart_pngs: bool) -> Built {
    let dir = build_dir();
    let out = dir.join("out");
    let mut images = ntm_site::imageproc::Options::beside(&out);
    images.chart_pngs = chart_pngs;
    let checked = ntm_site::build::build_with(
        &BuildOptions {
            content: content.to_path_buf(),
            output: out.clone(),
            base_url: base_url.map(str::to_string),
            drafts: false,
            deny_warnings: false,
            pdf: None,
        },
        &images,
    )
    .unwrap_or_else(|e| panic!("build of {} failed: {e:?}", content.display()));
    let mut base_url = checked.content.site.base_url.clone();
    if !base_url.ends_with('/') {
        base_url.push('/');
    }
    Built { dir, out, base_url }
}

impl Built {
    pub fn text(&self, rel: &str) -> String {
        std::fs::read_to_string(self.out.join(rel)).unwrap_or_else(|e| panic!("{rel}: {e}"))
    }
    pub fn page(&self, rel: &str) -> Html {
        Html::parse_document(&self.text(rel))
    }
    /// `data/<name>.csv` as rows of named cells.
    pub fn csv(&self, name: &str) -> Vec<BTreeMap<String, String>> {
        let bytes = std::fs::read(self.out.join("data").join(name)).unwrap();
        let text = String::from_utf8(bytes).unwrap();
        let text = text.trim_start_matches('\u{feff}');
        let mut r = csv::Reader::from_reader(text.as_bytes());
        let head: Vec<String> = r.headers().unwrap().iter().map(str::to_string).collect();
        r.records()
            .map(|rec| {
                let rec = rec.unwrap();
                head.iter()
                    .cloned()
                    .zip(rec.iter().map(str::to_string))
                    .collect()
            })
            .collect()
    }
    pub fn summary(&self) -> serde_json::Value {
        serde_json::from_str(&self.text("data/summary.json")).unwrap()
    }
    /// Every file of the output, by path relative to it.
    pub fn files(&self) -> BTreeMap<String, Vec<u8>> {
        let mut out = BTreeMap::new();
        for e in walkdir::WalkDir::new(&self.out).sort_by_file_name() {
            let e = e.unwrap();
            if e.file_type().is_file() {
                let rel = e.path().strip_prefix(&self.out).unwrap();
                let rel = rel.to_string_lossy().replace('\\', "/");
                out.insert(rel, std::fs::read(e.path()).unwrap());
            }
        }
        out
    }
    /// The link check over the written files.
    pub fn broken_links(&self) -> Vec<String> {
        let mut site = SiteFiles::default();
        for (p, b) in self.files() {
            site.add(p, b);
        }
        links::check(&site, &self.base_url)
            .iter()
            .map(|b| b.to_string())
            .collect()
    }
}

pub fn sel(s: &str) -> Selector {
    Selector::parse(s).unwrap()
}

/// The visible text of an element, whitespace collapsed.
pub fn text_of(e: ElementRef) -> String {
    e.text()
        .collect::<String>()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

pub fn texts(doc: &Html, selector: &str) -> Vec<String> {
    doc.select(&sel(selector)).map(text_of).collect()
}

/// `5556` → `5.556`, as a Vietnamese reader writes it.
pub fn vi_int(n: u64) -> String {
    let s = n.to_string();
    let mut out = String::new();
    for (i, c) in s.chars().enumerate() {
        if i > 0 && (s.len() - i).is_multiple_of(3) {
            out.push('.');
        }
        out.push(c);
    }
    out
}

/// `12.41` (JSON) → `12,41`.
pub fn vi_dec(v: &serde_json::Value) -> String {
    format!("{:.2}", v.as_f64().unwrap()).replace('.', ",")
}

/// `2015-06-30` → `30/6/2015`, as the pages write a date.
pub fn vi_date(iso: &str) -> String {
    let p: Vec<&str> = iso.split('-').collect();
    format!(
        "{}/{}/{}",
        p[2].trim_start_matches('0'),
        p[1].trim_start_matches('0'),
        p[0]
    )
}

/// Days since 1/3/0000 of an ISO date, enough to subtract two of them.
pub fn days(iso: &str) -> i64 {
    let p: Vec<i64> = iso.split('-').map(|x| x.parse().unwrap()).collect();
    let (y, m) = if p[1] <= 2 {
        (p[0] - 1, p[1] + 12)
    } else {
        (p[0], p[1])
    };
    365 * y + y / 4 - y / 100 + y / 400 + (153 * (m - 3) + 2) / 5 + p[2]
}

/// The stale mark of every link to a commune page in `page`'s main content:
/// `(commune id, the mark's text)`. The mark is the `.stale-mark` that
/// follows the link (past a "not reported" remark), or else the one in the
/// same table row when the row links one commune only.
pub fn stale_marks(page: &Html) -> Vec<(String, Option<String>)> {
    let mark_of = |e: ElementRef| e.value().classes().any(|c| c == "stale-mark");
    page.select(&sel("main a[href*='xa/']"))
        .filter_map(|a| {
            let href = a.value().attr("href")?;
            let id = href
                .trim_start_matches("../")
                .strip_prefix("xa/")?
                .strip_suffix("/index.html")?
                .to_string();
            let mut mark = None;
            for n in a.next_siblings() {
                if let Some(t) = n.value().as_text() {
                    if t.trim().is_empty() {
                        continue;
                    }
                    break;
                }
                let Some(e) = ElementRef::wrap(n) else { break };
                if mark_of(e) {
                    mark = Some(text_of(e));
                    break;
                }
                if !e.value().classes().any(|c| c == "silent") {
                    break;
                }
            }
            if mark.is_none() {
                let row = a
                    .ancestors()
                    .filter_map(ElementRef::wrap)
                    .find(|e| e.value().name() == "tr");
                if let Some(tr) = row
                    && tr.select(&sel("a[href*='xa/']")).count() == 1
                {
                    mark = tr.select(&sel(".stale-mark")).next().map(text_of);
                }
            }
            Some((id, mark))
        })
        .collect()
}

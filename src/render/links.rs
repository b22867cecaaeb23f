//! The link check: every internal `href` and `src` that a page writes must
//! lead to a file of the build, and every `#anchor` to an `id` on the page
//! it names. Runs on the files in memory, before anything is written.

use super::{FileSource, SiteFiles};
use crate::diag::{Diagnostics, Pos};
use crate::tr;
use rayon::prelude::*;
use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};
use std::sync::Arc;

/// Where a link of a page was written in the content: the Markdown file,
/// line and column, and the link as written there.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LinkOrigin {
    /// The page that writes the link (`tin-tuc/x/index.html`).
    pub page: String,
    /// The link as the page writes it.
    pub href: String,
    /// The link as the Markdown writes it.
    pub written: String,
    /// The content file (`news/x.md`), its line and column.
    pub file: String,
    pub line: u32,
    pub col: u32,
}

/// Decodes `%XX` escapes (as the Markdown renderer writes non-ASCII and
/// spaces in a link), so that a page's link can be matched with its source.
fn percent_decode(s: &str) -> String {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'%'
            && i + 2 < b.len()
            && let (Some(h), Some(l)) = (
                (b[i + 1] as char).to_digit(16),
                (b[i + 2] as char).to_digit(16),
            )
        {
            out.push((h * 16 + l) as u8);
            i += 3;
            continue;
        }
        out.push(b[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// Where the content writes the broken link `b`, if a Markdown text does.
pub fn origin_of<'o>(b: &Broken, origins: &'o [LinkOrigin]) -> Option<&'o LinkOrigin> {
    let decoded = percent_decode(&b.link);
    origins
        .iter()
        .find(|o| o.page == b.page && (o.href == b.link || o.href == decoded))
}

/// The broken links as diagnostics (warnings): a link written in a Markdown
/// text is reported at its place there (`news/x.md:12:5:`), as the text
/// writes it; any other (a theme's) by the page that writes it.
pub fn diagnose(broken: &[Broken], origins: &[LinkOrigin]) -> Diagnostics {
    let mut diags = Diagnostics::new();
    for b in broken {
        let origin = origin_of(b, origins);
        let (why_vi, why_en) = b.why_in();
        match origin {
            Some(o) => diags.warning(
                &o.file,
                Pos::new(o.line, o.col),
                tr!(
                    "liên kết '{}' {why_vi}; hãy sửa đường dẫn (ví dụ '/xa/ky-anh/ky-thu/' cho trang của một xã)",
                    "link '{}' {why_en}; correct the path (e.g. '/xa/ky-anh/ky-thu/' for a commune's page)",
                    o.written
                ),
            ),
            None => diags.warning(
                "",
                Pos::NONE,
                tr!(
                    "trang {}: liên kết '{}' {why_vi} (do giao diện viết ra)",
                    "page {}: link '{}' {why_en} (written by the theme)",
                    b.page,
                    b.link
                ),
            ),
        }
    }
    diags
}

/// One broken link.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Broken {
    /// The page that writes the link.
    pub page: String,
    pub link: String,
    pub why: &'static str,
}

impl Broken {
    /// Why the link is broken, in Vietnamese and in English.
    pub fn why_in(&self) -> (&'static str, &'static str) {
        let vi = match self.why {
            WHY_OUTSIDE => "nằm ngoài đường dẫn gốc của trang web",
            WHY_ABOVE => "vượt lên trên thư mục gốc của trang web",
            WHY_NO_FILE => "không dẫn tới tệp nào của trang web",
            WHY_NO_ANCHOR => "trỏ tới một mục (#) mà trang đó không có",
            other => other,
        };
        (vi, self.why)
    }
}

const WHY_OUTSIDE: &str = "is outside the site's base path";
const WHY_ABOVE: &str = "climbs above the site's root";
const WHY_NO_FILE: &str = "leads to no file of the build";
const WHY_NO_ANCHOR: &str = "names an anchor the page does not have";

impl std::fmt::Display for Broken {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: link '{}' {}", self.page, self.link, self.why)
    }
}

/// The values of attribute `name` (double-quoted, as the theme and the
/// Markdown renderer write them) in `html`, entity `&amp;` decoded.
pub fn attr_values<'a>(html: &'a str, name: &str) -> Vec<String> {
    let pat = format!(" {name}=\"");
    let mut out = Vec::new();
    let mut rest: &'a str = html;
    while let Some(i) = rest.find(&pat) {
        let after = &rest[i + pat.len()..];
        match after.find('"') {
            Some(j) => {
                out.push(after[..j].replace("&amp;", "&"));
                rest = &after[j..];
            }
            None => break,
        }
    }
    out
}

/// Joins a relative reference to the folder of `page` and normalises `..`;
/// `None` when it climbs above the root.
fn resolve(page: &str, rel: &str) -> Option<String> {
    let mut parts: Vec<&str> = page.split('/').collect();
    parts.pop();
    for seg in rel.split('/') {
        match seg {
            "" | "." => {}
            ".." => {
                parts.pop()?;
            }
            s => parts.push(s),
        }
    }
    let mut p = parts.join("/");
    if rel.ends_with('/') || rel.is_empty() {
        if !p.is_empty() {
            p.push('/');
        }
        p.push_str("index.html");
    }
    Some(p)
}

/// What the link check reads from one page: the ids it defines and the
/// links it writes (`href` and `src`, in the order written).
struct Scan {
    ids: BTreeSet<String>,
    links: Vec<String>,
}

impl Scan {
    fn of(html: &str) -> Scan {
        Scan {
            ids: attr_values(html, "id").into_iter().collect(),
            links: attr_values(html, "href")
                .into_iter()
                .chain(attr_values(html, "src"))
                .collect(),
        }
    }
}

/// `serve`'s memo of each page's [`Scan`] and broken links, kept with the
/// page's bytes: a page handed over unchanged by the cache (the same shared
/// bytes) is not read again, and its links are not followed again while
/// what they can lead to (every file's path and every page's ids) is the
/// same.
#[derive(Default)]
pub struct Scans(std::sync::Mutex<ScanMemo>);

#[derive(Default)]
struct ScanMemo {
    /// A hash of what links can lead to in the site checked last.
    targets: Option<blake3::Hash>,
    /// Each page's bytes, scan and broken links, by path.
    pages: HashMap<String, KeptPage>,
}

/// A page's bytes, scan and broken links.
type KeptPage = (Arc<[u8]>, Arc<Scan>, Arc<[Broken]>);

/// A page, its bytes and what the link check read from it.
type Scanned<'a> = (&'a str, &'a Arc<[u8]>, Arc<Scan>);

/// A hash of what the links of a site can lead to: its base URL, the path
/// of every file, every PDF printed and the ids of every page.
fn targets_key(
    site: &SiteFiles,
    base_url: &str,
    printed: &HashSet<&str>,
    scans: &[Scanned],
) -> blake3::Hash {
    let mut h = blake3::Hasher::new();
    let mut text = |t: &str| {
        h.update(&(t.len() as u64).to_le_bytes());
        h.update(t.as_bytes());
    };
    text(base_url);
    for p in site.files.keys() {
        text(p);
    }
    let mut pdfs: Vec<&str> = printed.iter().copied().collect();
    pdfs.sort_unstable();
    text("");
    for p in pdfs {
        text(p);
    }
    text("");
    for (p, _, scan) in scans {
        text(p);
        for id in &scan.ids {
            text(id);
        }
        text("");
    }
    h.finalize()
}

/// Checks every HTML page of `site`. `base_url` ends with `/`; links to it
/// (the canonical link) and to its path (`/ntm/…`, used by the 404 page) are
/// checked as internal.
pub fn check(site: &SiteFiles, base_url: &str) -> Vec<Broken> {
    check_cached(site, base_url, None)
}

/// [`check`], reading again only the pages whose bytes are not those kept in
/// `memo`.
pub fn check_cached(site: &SiteFiles, base_url: &str, memo: Option<&Scans>) -> Vec<Broken> {
    let base_path = base_url
        .split_once("://")
        .and_then(|(_, rest)| rest.find('/').map(|i| rest[i..].to_string()))
        .unwrap_or_else(|| "/".into());
    let pages: Vec<(&str, &Arc<[u8]>)> = site
        .files
        .iter()
        .filter(|(p, _)| p.ends_with(".html"))
        .filter_map(|(p, s)| match s {
            FileSource::Bytes(b) => Some((p.as_str(), b)),
            FileSource::Copy(_) => None,
        })
        .collect();
    let kept = memo
        .map(|m| std::mem::take(&mut *m.0.lock().unwrap_or_else(|e| e.into_inner())))
        .unwrap_or_default();
    // A page's kept scan (and broken links) when its bytes are the same.
    let same = |p: &str, bytes: &Arc<[u8]>| kept.pages.get(p).filter(|k| Arc::ptr_eq(&k.0, bytes));
    let scans: Vec<Scanned> = pages
        .par_iter()
        .map(|&(p, bytes)| {
            let scan = same(p, bytes).map(|k| k.1.clone()).unwrap_or_else(|| {
                Arc::new(Scan::of(std::str::from_utf8(bytes).unwrap_or_default()))
            });
            (p, bytes, scan)
        })
        .collect();
    let ids: BTreeMap<&str, &BTreeSet<String>> =
        scans.iter().map(|(p, _, s)| (*p, &s.ids)).collect();
    let printed: HashSet<&str> = site.print_jobs.iter().map(|j| j.pdf.as_str()).collect();
    let targets = memo.map(|_| targets_key(site, base_url, &printed, &scans));
    let same_targets = targets.is_some() && targets == kept.targets;
    let checked: Vec<Arc<[Broken]>> = scans
        .par_iter()
        .map(|(page, bytes, scan)| {
            if same_targets && let Some(k) = same(page, bytes) {
                return k.2.clone();
            }
            check_page(
                site,
                &ids,
                &printed,
                base_url,
                &base_path,
                page,
                &scan.links,
            )
            .into()
        })
        .collect();
    let mut broken: Vec<Broken> = checked.iter().flat_map(|b| b.iter().cloned()).collect();
    broken.sort();
    broken.dedup();
    if let Some(m) = memo {
        let pages = scans
            .into_iter()
            .zip(checked)
            .map(|((p, b, s), c)| (p.to_string(), (Arc::clone(b), s, c)))
            .collect();
        *m.0.lock().unwrap_or_else(|e| e.into_inner()) = ScanMemo { targets, pages };
    }
    broken
}

/// The broken links of one page.
fn check_page(
    site: &SiteFiles,
    ids: &BTreeMap<&str, &BTreeSet<String>>,
    printed: &HashSet<&str>,
    base_url: &str,
    base_path: &str,
    page: &str,
    links: &[String],
) -> Vec<Broken> {
    let mut broken = Vec::new();
    {
        for link in links.iter().cloned() {
            let (target, frag) = match link.split_once('#') {
                Some((t, f)) => (t.to_string(), Some(f.to_string())),
                None => (link.clone(), None),
            };
            let target = target.split('?').next().unwrap_or("").to_string();
            let resolved = if let Some(inner) = target.strip_prefix(base_url) {
                resolve("", inner)
            } else if target.contains(':') || target.starts_with("//") {
                continue; // another site, mailto:, tel:, data:
            } else if let Some(inner) = target.strip_prefix(base_path) {
                resolve("", inner)
            } else if target.starts_with('/') {
                broken.push(Broken {
                    page: page.to_string(),
                    link: link.clone(),
                    why: WHY_OUTSIDE,
                });
                continue;
            } else if target.is_empty() {
                Some(page.to_string())
            } else {
                resolve(page, &target)
            };
            let Some(resolved) = resolved else {
                broken.push(Broken {
                    page: page.to_string(),
                    link,
                    why: WHY_ABOVE,
                });
                continue;
            };
            // A PDF that the build prints after writing the pages counts as a file.
            if !site.files.contains_key(&resolved) && !printed.contains(resolved.as_str()) {
                broken.push(Broken {
                    page: page.to_string(),
                    link,
                    why: WHY_NO_FILE,
                });
                continue;
            }
            if let Some(f) = frag.filter(|f| !f.is_empty()) {
                let ok = ids.get(resolved.as_str()).is_some_and(|s| s.contains(&f));
                if !ok {
                    broken.push(Broken {
                        page: page.to_string(),
                        link,
                        why: WHY_NO_ANCHOR,
                    });
                }
            }
        }
    }
    broken
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_broken_files_and_anchors() {
        let mut s = SiteFiles::default();
        s.add(
            "index.html",
            br##"<a href="xa/a/index.html#tc">x</a> <a href="xa/b/">y</a> <a href="#top">t</a> <link href="https://e.org/ntm/xa/a/"> <img src="/ntm/assets/s.css"> <a href="https://other.org/">o</a>"##.to_vec(),
        );
        s.add(
            "xa/a/index.html",
            br#"<h2 id="tc">T</h2><a href="../../index.html">h</a>"#.to_vec(),
        );
        s.add("assets/s.css", b"".to_vec());
        let b = check(&s, "https://e.org/ntm/");
        assert_eq!(b.len(), 2, "{b:?}");
        assert_eq!(b[0].link, "#top");
        assert_eq!(b[1].link, "xa/b/");
        assert_eq!(
            resolve("a/b/index.html", "../../c/"),
            Some("c/index.html".into())
        );
        assert_eq!(resolve("index.html", "../x"), None);
    }

    #[test]
    fn the_memo_reads_again_a_page_whose_bytes_changed() {
        let mut s = SiteFiles::default();
        s.add("index.html", br#"<a href="a/">a</a>"#.to_vec());
        s.add("a/index.html", br#"<h2 id="x">x</h2>"#.to_vec());
        let memo = Scans::default();
        assert_eq!(check_cached(&s, "https://e.org/", Some(&memo)), Vec::new());
        // Unchanged pages keep their scan; the changed one is read again.
        s.add("index.html", br#"<a href="a/#y">a</a>"#.to_vec());
        let b = check_cached(&s, "https://e.org/", Some(&memo));
        assert_eq!(b.len(), 1, "{b:?}");
        assert_eq!(b[0].link, "a/#y");
        assert_eq!(b, check(&s, "https://e.org/"));
        s.add("a/index.html", br#"<h2 id="y">y</h2>"#.to_vec());
        assert_eq!(check_cached(&s, "https://e.org/", Some(&memo)), Vec::new());
    }

    #[test]
    fn the_memo_follows_an_unchanged_page_s_links_again_when_a_target_goes() {
        let mut s = SiteFiles::default();
        s.add("index.html", br#"<a href="data/x.csv">x</a>"#.to_vec());
        s.add("data/x.csv", b"a,b\r\n".to_vec());
        let memo = Scans::default();
        assert_eq!(check_cached(&s, "https://e.org/", Some(&memo)), Vec::new());
        assert_eq!(check_cached(&s, "https://e.org/", Some(&memo)), Vec::new());
        s.files.remove("data/x.csv");
        let b = check_cached(&s, "https://e.org/", Some(&memo));
        assert_eq!(b.len(), 1, "{b:?}");
        assert_eq!((b[0].link.as_str(), b[0].why), ("data/x.csv", WHY_NO_FILE));
        assert_eq!(b, check(&s, "https://e.org/"));
    }
}

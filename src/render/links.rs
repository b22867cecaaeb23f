//! The link check: every internal `href` and `src` that a page writes must
//! lead to a file of the build, and every `#anchor` to an `id` on the page
//! it names. Runs on the files in memory, before anything is written.

use super::{FileSource, SiteFiles};
use crate::diag::{Diagnostics, Pos};
use crate::tr;
use rayon::prelude::*;
use std::collections::{BTreeMap, BTreeSet, HashSet};

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

/// Checks every HTML page of `site`. `base_url` ends with `/`; links to it
/// (the canonical link) and to its path (`/ntm/…`, used by the 404 page) are
/// checked as internal.
pub fn check(site: &SiteFiles, base_url: &str) -> Vec<Broken> {
    let base_path = base_url
        .split_once("://")
        .and_then(|(_, rest)| rest.find('/').map(|i| rest[i..].to_string()))
        .unwrap_or_else(|| "/".into());
    let pages: BTreeMap<&str, &str> = site
        .files
        .iter()
        .filter(|(p, _)| p.ends_with(".html"))
        .filter_map(|(p, s)| match s {
            FileSource::Bytes(b) => std::str::from_utf8(b).ok().map(|t| (p.as_str(), t)),
            FileSource::Copy(_) => None,
        })
        .collect();
    let ids: BTreeMap<&str, BTreeSet<String>> = pages
        .par_iter()
        .map(|(p, html)| (*p, attr_values(html, "id").into_iter().collect()))
        .collect();
    let printed: HashSet<&str> = site.print_jobs.iter().map(|j| j.pdf.as_str()).collect();
    let mut broken: Vec<Broken> = pages
        .par_iter()
        .flat_map_iter(|(page, html)| {
            check_page(site, &ids, &printed, base_url, &base_path, page, html)
        })
        .collect();
    broken.sort();
    broken.dedup();
    broken
}

/// The broken links of one page.
fn check_page(
    site: &SiteFiles,
    ids: &BTreeMap<&str, BTreeSet<String>>,
    printed: &HashSet<&str>,
    base_url: &str,
    base_path: &str,
    page: &str,
    html: &str,
) -> Vec<Broken> {
    let mut broken = Vec::new();
    {
        let links = attr_values(html, "href")
            .into_iter()
            .chain(attr_values(html, "src"));
        for link in links {
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
}

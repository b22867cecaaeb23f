//! Markdown to safe HTML: pulldown-cmark with tables, footnotes and
//! strikethrough; every heading gets an anchor (`id`) made from its text;
//! site-absolute links (`/xa/ky-anh/ky-thu/`) become relative to the page so
//! that they work under a sub-path and from `file://`; and the result goes
//! through ammonia, so raw HTML in the content can never bring a script, an
//! event handler, a `javascript:` link or a frame onto a page.
//!
//! Before ammonia, [`bound_raw_html`] makes the sanitiser's time linear: raw
//! HTML may hold at most [`MAX_HTML_NESTING`](crate::limits::MAX_HTML_NESTING)
//! elements open at once (deeper ones are shown as text), and a `<style>`,
//! `<script>` or the like that is never closed is shown as text instead of
//! swallowing the rest of the story.
//!
//! Policies for what authors write (see `docs/reliability.md`):
//! - an `id` written in raw HTML gets the prefix [`AUTHOR_ID_PREFIX`], so it
//!   never repeats one of the theme's ids (`noi-dung`); heading anchors and
//!   footnotes, made here, keep theirs;
//! - an image from another site is never loaded by the page (it could be a
//!   tracker): a Markdown image becomes a link to it, a raw `<img>` loses its
//!   `src`; the loader warns about each (see `crate::load::docs`).

use pulldown_cmark::{
    Alignment, CodeBlockKind, CowStr, Event, HeadingLevel, Options, Parser, Tag, TagEnd, html,
};
use std::collections::HashSet;

/// The prefix of every `id` an author wrote in raw HTML.
pub const AUTHOR_ID_PREFIX: &str = "nd-";

/// Whether `url` leads to another site (`https://…`, `http://…`, `//…`).
pub fn is_external(url: &str) -> bool {
    let u = url.trim_start().to_ascii_lowercase();
    u.starts_with("http://") || u.starts_with("https://") || u.starts_with("//")
}

/// Elements whose content the HTML parser reads as raw text up to their end
/// tag: left open, they would hide everything after them.
const RAW_TEXT: &[&str] = &[
    "style",
    "script",
    "textarea",
    "title",
    "xmp",
    "iframe",
    "noscript",
    "noembed",
    "noframes",
    "plaintext",
];
/// Elements that never hold others.
const VOID: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
    "track", "wbr",
];
/// Elements a following one of their kind closes (they do not nest).
const SELF_CLOSING_KIND: &[&str] = &[
    "p", "li", "dt", "dd", "tr", "td", "th", "option", "optgroup", "rp", "rt",
];

/// Bounds what raw HTML asks of the sanitiser, in one pass: an element that
/// would be more than [`MAX_HTML_NESTING`](crate::limits::MAX_HTML_NESTING)
/// deep, and a raw-text element (`<style>`) that is never closed, have their
/// `<` written as `&lt;`, so they show as text. The HTML parser's time is
/// then linear in the length of the story (it grows with the depth of what
/// is open at each element).
pub fn bound_raw_html(html: &str) -> String {
    let lower = html.to_ascii_lowercase();
    let last_close: Vec<Option<usize>> = RAW_TEXT
        .iter()
        .map(|n| lower.rfind(&format!("</{n}")))
        .collect();
    let mut out = String::with_capacity(html.len());
    let mut open: Vec<&str> = Vec::new();
    let mut copied = 0;
    let mut i = 0;
    while let Some(off) = lower[i..].find('<') {
        let at = i + off;
        i = at + 1;
        let rest = &lower[at + 1..];
        let closing = rest.starts_with('/');
        let name_part = if closing { &rest[1..] } else { rest };
        let len = name_part
            .bytes()
            .take_while(|b| b.is_ascii_alphanumeric())
            .count();
        let name = &name_part[..len];
        if !name.bytes().next().is_some_and(|b| b.is_ascii_alphabetic()) {
            continue;
        }
        let escape = if closing {
            if let Some(k) = open.iter().rposition(|o| *o == name) {
                open.truncate(k);
            }
            false
        } else if let Some(k) = RAW_TEXT.iter().position(|r| *r == name) {
            last_close[k].is_none_or(|c| c < at)
        } else if VOID.contains(&name) || SELF_CLOSING_KIND.contains(&name) {
            false
        } else if open.len() >= crate::limits::MAX_HTML_NESTING {
            true
        } else {
            open.push(name);
            false
        };
        if escape {
            out.push_str(&html[copied..at]);
            out.push_str("&lt;");
            copied = at + 1;
        }
    }
    out.push_str(&html[copied..]);
    out
}

/// A heading of a rendered document, for a table of contents.
#[derive(Clone, Debug, serde::Serialize)]
pub struct Heading {
    pub level: u8,
    pub id: String,
    pub text: String,
}

/// A link or image of the Markdown, as the page writes it (`href`), with
/// the line and column (1-based, in characters) where the text writes it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SourceLink {
    pub href: String,
    /// The link as the text writes it (`/xa/ky-anh/ky-thu/`).
    pub written: String,
    pub line: u32,
    pub col: u32,
}

/// A rendered document.
#[derive(Clone, Debug)]
pub struct Rendered {
    pub html: String,
    pub headings: Vec<Heading>,
    /// Every link and image of the text, in order, with its place in it.
    pub links: Vec<SourceLink>,
}

/// The 1-based line and character column of byte `offset` of `text`.
fn line_col(text: &str, offset: usize) -> (u32, u32) {
    let before = &text[..offset.min(text.len())];
    let line = before.matches('\n').count() as u32 + 1;
    let start = before.rfind('\n').map(|i| i + 1).unwrap_or(0);
    (line, before[start..].chars().count() as u32 + 1)
}

fn level_number(l: HeadingLevel) -> u8 {
    match l {
        HeadingLevel::H1 => 1,
        HeadingLevel::H2 => 2,
        HeadingLevel::H3 => 3,
        HeadingLevel::H4 => 4,
        HeadingLevel::H5 => 5,
        HeadingLevel::H6 => 6,
    }
}

/// Rewrites a link written in the content: `/path/` (site-absolute) becomes
/// `root + path/index.html`; everything else stays as written.
fn rewrite_url(url: &str, root: &str) -> String {
    if let Some(rest) = url.strip_prefix('/').filter(|r| !r.starts_with('/')) {
        let (path, frag) = match rest.find(['#', '?']) {
            Some(i) => rest.split_at(i),
            None => (rest, ""),
        };
        let path = if path.is_empty() || path.ends_with('/') {
            format!("{path}index.html")
        } else {
            path.to_string()
        };
        return format!("{root}{path}{frag}");
    }
    url.to_string()
}

/// Renders `markdown` for a page whose way back to the site's root is `root`
/// (`../../`). Heading ids get `id_prefix` in front (`""` for none), and
/// never repeat one of `taken` (ids the page's template already uses).
pub fn render(markdown: &str, root: &str, id_prefix: &str, taken: &[&str]) -> Rendered {
    render_with(markdown, root, id_prefix, taken, false)
}

/// [`render`]; with `always_sanitise`, through the sanitiser even when the
/// text has nothing it would take away (for the tests that compare both).
fn render_with(
    markdown: &str,
    root: &str,
    id_prefix: &str,
    taken: &[&str],
    always_sanitise: bool,
) -> Rendered {
    let mut opts = Options::empty();
    opts.insert(Options::ENABLE_TABLES);
    opts.insert(Options::ENABLE_FOOTNOTES);
    opts.insert(Options::ENABLE_STRIKETHROUGH);
    let (events, offsets): (Vec<Event>, Vec<usize>) = Parser::new_ext(markdown, opts)
        .into_offset_iter()
        .map(|(e, r)| (e, r.start))
        .unzip();
    let mut links = Vec::new();

    // Heading anchors: the folded text of each heading, made unique.
    let mut used: HashSet<String> = taken.iter().map(|s| s.to_string()).collect();
    let mut headings = Vec::new();
    let mut own_ids: HashSet<String> = HashSet::new();
    // For each image open: whether it became a link (it is external).
    let mut images: Vec<bool> = Vec::new();
    // Whether the text has what only the sanitiser can make safe: raw HTML,
    // or a link whose scheme is not plainly one of those allowed.
    let mut needs_sanitiser = false;
    let mut out: Vec<Event> = Vec::with_capacity(events.len());
    let mut i = 0;
    while i < events.len() {
        match &events[i] {
            Event::Start(Tag::Heading {
                level,
                id,
                classes,
                attrs,
            }) => {
                let mut text = String::new();
                let mut j = i + 1;
                while j < events.len() && !matches!(events[j], Event::End(TagEnd::Heading(_))) {
                    if let Event::Text(t) | Event::Code(t) = &events[j] {
                        text.push_str(t);
                    }
                    j += 1;
                }
                let base = match id {
                    Some(given) => crate::text::slugify(given),
                    None => crate::text::slugify(&text),
                };
                let base = if base.is_empty() {
                    "muc".to_string()
                } else {
                    base
                };
                let mut anchor = format!("{id_prefix}{base}");
                let mut n = 2;
                while used.contains(&anchor) {
                    anchor = format!("{id_prefix}{base}-{n}");
                    n += 1;
                }
                used.insert(anchor.clone());
                own_ids.insert(anchor.clone());
                headings.push(Heading {
                    level: level_number(*level),
                    id: anchor.clone(),
                    text: text.trim().to_string(),
                });
                out.push(Event::Start(Tag::Heading {
                    level: *level,
                    id: Some(CowStr::from(anchor)),
                    classes: classes.clone(),
                    attrs: attrs.clone(),
                }));
            }
            Event::Start(Tag::Link {
                link_type,
                dest_url,
                title,
                id,
            }) => {
                let href = rewrite_url(dest_url, root);
                needs_sanitiser |= !plainly_safe_url(&href);
                let (line, col) = line_col(markdown, offsets[i]);
                links.push(SourceLink {
                    href: href.clone(),
                    written: dest_url.to_string(),
                    line,
                    col,
                });
                out.push(Event::Start(Tag::Link {
                    link_type: *link_type,
                    dest_url: CowStr::from(href),
                    title: title.clone(),
                    id: id.clone(),
                }))
            }
            Event::Start(Tag::Image {
                link_type,
                dest_url,
                title,
                id,
            }) if is_external(dest_url) => {
                // Never loaded by the page: a link to it instead.
                images.push(true);
                needs_sanitiser |= !plainly_safe_url(dest_url);
                out.push(Event::Start(Tag::Link {
                    link_type: *link_type,
                    dest_url: dest_url.clone(),
                    title: title.clone(),
                    id: id.clone(),
                }));
            }
            Event::Start(Tag::Image {
                link_type,
                dest_url,
                title,
                id,
            }) => {
                images.push(false);
                let href = rewrite_url(dest_url, root);
                needs_sanitiser |= !plainly_safe_url(&href);
                let (line, col) = line_col(markdown, offsets[i]);
                links.push(SourceLink {
                    href: href.clone(),
                    written: dest_url.to_string(),
                    line,
                    col,
                });
                out.push(Event::Start(Tag::Image {
                    link_type: *link_type,
                    dest_url: CowStr::from(href),
                    title: title.clone(),
                    id: id.clone(),
                }))
            }
            Event::End(TagEnd::Image) => {
                if images.pop().unwrap_or(false) {
                    out.push(Event::End(TagEnd::Link));
                } else {
                    out.push(Event::End(TagEnd::Image));
                }
            }
            Event::Start(Tag::FootnoteDefinition(label)) => {
                own_ids.insert(label.to_string());
                out.push(events[i].clone());
            }
            // The sanitiser takes a code block's language class and a
            // column's alignment style away: they are left out here.
            Event::Start(Tag::CodeBlock(CodeBlockKind::Fenced(_))) => out.push(Event::Start(
                Tag::CodeBlock(CodeBlockKind::Fenced(CowStr::Borrowed(""))),
            )),
            Event::Start(Tag::Table(aligns)) => out.push(Event::Start(Tag::Table(vec![
                    Alignment::None;
                    aligns.len()
                ]))),
            Event::Html(_) | Event::InlineHtml(_) => {
                needs_sanitiser = true;
                out.push(events[i].clone());
            }
            e => out.push(e.clone()),
        }
        i += 1;
    }
    let mut raw = String::with_capacity(markdown.len() * 3 / 2);
    html::push_html(&mut raw, out.into_iter());
    let html = if needs_sanitiser || always_sanitise {
        sanitise_keeping(&bound_raw_html(&raw), own_ids)
    } else {
        as_sanitised(&raw)
    };
    Rendered {
        html,
        headings,
        links,
    }
}

/// Whether `url` is a link the sanitiser keeps as it is: relative (no
/// scheme), or `http`, `https`, `mailto` or `tel`, with no space or control
/// character that a browser would read past. Anything else (`javascript:`,
/// `data:`, `java\tscript:`) sends the text through the sanitiser.
fn plainly_safe_url(url: &str) -> bool {
    if url.bytes().any(|b| b.is_ascii_control() || b == b' ') {
        return false;
    }
    match url.find([':', '/', '?', '#']) {
        Some(i) if url.as_bytes()[i] == b':' => {
            let scheme = url[..i].to_ascii_lowercase();
            matches!(scheme.as_str(), "http" | "https" | "mailto" | "tel")
        }
        _ => true,
    }
}

/// The HTML pulldown-cmark wrote for a text with no raw HTML and only
/// plainly safe links, written as the sanitiser would leave it: every link
/// gets `rel="noopener"` after its `href`, void elements lose their ` /`.
/// Such HTML holds only the elements and attributes of Markdown, every text
/// and attribute escaped, so the sanitiser (ammonia, three fifths of the
/// time of a story) would take nothing away. Neither pattern can come from
/// a text, whose `<`, `>` and `"` are escaped.
fn as_sanitised(raw: &str) -> String {
    const LINK: &str = "<a href=\"";
    let mut out = String::with_capacity(raw.len() + raw.len() / 8);
    let mut rest = raw;
    while let Some(i) = rest.find(LINK) {
        let value = i + LINK.len();
        let end = rest[value..]
            .find('"')
            .map_or(rest.len(), |e| value + e + 1);
        out.push_str(&rest[..end]);
        out.push_str(" rel=\"noopener\"");
        rest = &rest[end..];
    }
    out.push_str(rest);
    out.replace(" />", ">")
}

/// Cleans HTML with ammonia: the default safe list (no `script`, `style`,
/// `iframe`, `object`, event handlers or `javascript:` URLs) plus the ids
/// and classes that headings, footnotes and tables use. Every `id` gets
/// [`AUTHOR_ID_PREFIX`]; images from other sites lose their `src`.
pub fn sanitise(html: &str) -> String {
    sanitise_keeping(&bound_raw_html(html), HashSet::new())
}

/// [`sanitise`], keeping the ids in `own` (made by the renderer) as they are.
fn sanitise_keeping(html: &str, own: HashSet<String>) -> String {
    let mut b = ammonia::Builder::default();
    b.add_generic_attributes(["id"]);
    b.add_tag_attributes("th", ["align", "scope"]);
    b.add_tag_attributes("td", ["align"]);
    b.add_tag_attributes("div", ["class"]);
    b.add_tag_attributes("sup", ["class"]);
    b.add_tag_attributes("img", ["loading"]);
    b.url_schemes(HashSet::from(["http", "https", "mailto", "tel"]));
    b.link_rel(Some("noopener"));
    b.attribute_filter(
        move |element, attribute, value| match (element, attribute) {
            (_, "id") if own.contains(value) => Some(value.into()),
            (_, "id") => Some(format!("{AUTHOR_ID_PREFIX}{value}").into()),
            ("img", "src") if is_external(value) => None,
            _ => Some(value.into()),
        },
    );
    b.clean(html).to_string()
}

/// Plain text of a short Markdown snippet (a summary), for meta tags.
pub fn plain(markdown: &str) -> String {
    let mut s = String::new();
    for e in Parser::new(markdown) {
        match e {
            Event::Text(t) | Event::Code(t) => s.push_str(&t),
            Event::SoftBreak | Event::HardBreak => s.push(' '),
            _ => {}
        }
    }
    s.trim().to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headings_get_anchors_and_links_become_relative() {
        let r = render(
            "# Kỳ Thư về đích\n\n## Kết quả\n\n## Kết quả\n\nXem [xã](/xa/ky-anh/ky-thu/) và [ngoài](https://example.org).",
            "../../",
            "",
            &["noi-dung"],
        );
        assert!(r.html.contains(r#"<h1 id="ky-thu-ve-dich">"#), "{}", r.html);
        assert!(r.html.contains(r#"id="ket-qua-2""#));
        assert!(
            r.html
                .contains(r#"href="../../xa/ky-anh/ky-thu/index.html""#)
        );
        assert!(r.html.contains(r#"href="https://example.org""#));
        assert_eq!(r.headings.len(), 3);
    }

    #[test]
    fn links_keep_their_place_in_the_text() {
        let r = render(
            "# Tin\n\nXem [Kỳ Thư](/xa/ky-anh/ky-thu/) nhé.\n\n![ảnh](anh.jpg)",
            "../../",
            "",
            &[],
        );
        let got: Vec<(&str, u32, u32)> = r
            .links
            .iter()
            .map(|l| (l.href.as_str(), l.line, l.col))
            .collect();
        assert_eq!(
            got,
            [
                ("../../xa/ky-anh/ky-thu/index.html", 3, 5),
                ("anh.jpg", 5, 1)
            ]
        );
    }

    #[test]
    fn raw_html_is_sanitised() {
        let r = render(
            "<script>alert(1)</script>\n\n<img src=x onerror=\"alert(2)\">\n\n<a href=\"javascript:alert(3)\">x</a>\n\n<iframe src=\"https://evil.example\"></iframe>\n\n<p onclick=\"alert(4)\" style=\"color:red\">ok</p>",
            "",
            "",
            &[],
        );
        let h = r.html.to_lowercase();
        for bad in [
            "<script",
            "onerror",
            "javascript:",
            "<iframe",
            "onclick",
            "alert(1)",
        ] {
            assert!(!h.contains(bad), "{bad} in {h}");
        }
        assert!(h.contains("ok"));
    }

    #[test]
    fn deep_raw_html_is_linear_and_bounded() {
        // The time of 100,000 in an optimised build is measured by
        // `tests/stress.rs`; here the nesting the sanitiser sees is bounded.
        let n = 20_000;
        let md = format!(
            "Mở đầu.\n\n{}chữ{}\n\nKết.",
            "<div>".repeat(n),
            "</div>".repeat(n)
        );
        let started = std::time::Instant::now();
        let r = render(&md, "", "", &[]);
        assert!(started.elapsed() < std::time::Duration::from_secs(20));
        assert!(r.html.contains("chữ"), "{}", &r.html[..200]);
        assert!(r.html.matches("<div>").count() <= crate::limits::MAX_HTML_NESTING);
    }

    #[test]
    fn an_unclosed_style_does_not_hide_the_rest() {
        for tag in ["<style>", "<script>", "<textarea>", "<STYLE type=\"x\">"] {
            let r = render(
                &format!("Đầu bài.\n\n{tag}\n\nPhần còn lại của bài."),
                "",
                "",
                &[],
            );
            assert!(
                r.html.contains("Phần còn lại của bài."),
                "{tag}: {}",
                r.html
            );
            assert!(!r.html.to_lowercase().contains("<style"), "{}", r.html);
        }
        // A closed one is removed with its content, as before.
        let r = render("a <style>p{}</style> b", "", "", &[]);
        assert!(!r.html.contains("p{}"), "{}", r.html);
    }

    #[test]
    fn author_ids_are_prefixed_and_own_ids_kept() {
        let r = render(
            "# Nội dung\n\n<p id=\"noi-dung\">x</p>\n\nA[^1].\n\n[^1]: B.",
            "",
            "",
            &["noi-dung"],
        );
        assert!(r.html.contains(r#"<p id="nd-noi-dung">"#), "{}", r.html);
        assert!(r.html.contains(r#"<h1 id="noi-dung-2">"#), "{}", r.html);
        assert!(r.html.contains(r#"id="1""#), "{}", r.html);
    }

    #[test]
    fn external_images_are_never_loaded() {
        let r = render(
            "![logo](https://tracker.example/p.gif) ![ok](anh.jpg)\n\n<img src=\"//t.example/x.gif\" alt=\"t\">",
            "",
            "",
            &[],
        );
        assert!(!r.html.contains("<img src=\"https"), "{}", r.html);
        assert!(!r.html.contains("t.example/x.gif"), "{}", r.html);
        assert!(
            r.html
                .contains(r#"<a href="https://tracker.example/p.gif""#),
            "{}",
            r.html
        );
        assert!(r.html.contains(r#"<img src="anh.jpg""#), "{}", r.html);
    }

    #[test]
    fn tables_and_footnotes() {
        let r = render(
            "| a | b |\n|---|---|\n| 1 | 2 |\n\nText[^1].\n\n[^1]: Note.",
            "",
            "",
            &[],
        );
        assert!(r.html.contains("<table>"));
        assert!(r.html.contains("footnote-definition"));
    }

    /// The element and attribute names of `html` and the attributes'
    /// values, in order (every `<` of escaped HTML starts a tag).
    fn markup(html: &str) -> Vec<String> {
        let mut out = Vec::new();
        for tag in html.split('<').skip(1) {
            let tag = &tag[..tag.find('>').unwrap_or(tag.len())];
            let (name, mut rest) = tag.split_once(' ').unwrap_or((tag, ""));
            out.push(name.to_string());
            while let Some((attr, after)) = rest.split_once("=\"") {
                let (value, after) = after.split_once('"').unwrap_or((after, ""));
                out.push(format!("{}={value}", attr.trim()));
                rest = after;
            }
        }
        out.sort();
        out
    }

    const PLAIN: &[&str] = &[
        "# Kỳ Thư về đích\n\nXã *Kỳ Thư* đạt **19/19** tiêu chí ~~18~~.\\\nDòng mới.\n\n---\n\n> Trích dẫn \"đẹp\" & 'gọn' a\u{a0}b.",
        "| Trái | Giữa | Phải |\n|:---|:---:|---:|\n| 1 | 2 | 3 |",
        "```rust\nfn main() { let x = 1 < 2 && \"a\" > \"b\"; }\n```\n\n    thụt lề <b>",
        "Một ghi chú[^a] và [^b].\n\n[^a]: Chú **một**.\n[^b]: Chú hai.",
        "[xã](/xa/ky-anh/ky-thu/ \"Tiêu đề\") [ngoài](https://example.org/a?b=1&c=2#d) [thư](mailto:vp@example.vn) [gọi](tel:+84123) <https://ntm.vn> <vp@example.vn> [mục](#ket-qua) [tương đối](../a.html)",
        "![ảnh đẹp](anh.jpg \"Ảnh\") ![ngoài](https://example.org/x.png) [![lồng](a.jpg)](/xa/)",
        "1. một\n2. hai\n   - ba\n   - bốn\n\n`mã <i>` và dấu & \"ngoặc\".",
    ];

    #[test]
    fn plain_markdown_skips_the_sanitiser_and_loses_nothing_to_it() {
        for md in PLAIN {
            let fast = render_with(md, "../../", "", &[], false);
            let slow = render_with(md, "../../", "", &[], true);
            let own: HashSet<String> = fast.headings.iter().map(|h| h.id.clone()).collect();
            let own = own.into_iter().chain(["a".into(), "b".into()]).collect();
            // Nothing of the fast HTML is taken away or changed by the
            // sanitiser: the same elements, attributes and values, and the
            // same HTML once through it.
            assert_eq!(
                markup(&fast.html),
                markup(&slow.html),
                "{md}\n{}\n{}",
                fast.html,
                slow.html
            );
            assert_eq!(sanitise_keeping(&fast.html, own), slow.html, "{md}");
            assert_eq!(fast.links, slow.links);
        }
        let r = render(PLAIN[4], "../../", "", &[]);
        assert!(
            r.html.contains(
                r#"<a href="../../xa/ky-anh/ky-thu/index.html" rel="noopener" title="Tiêu đề">"#
            ),
            "{}",
            r.html
        );
        assert!(
            r.html
                .contains(r#"<a href="mailto:vp@example.vn" rel="noopener">"#),
            "{}",
            r.html
        );
    }

    #[test]
    fn links_of_other_schemes_go_through_the_sanitiser() {
        for md in [
            "[x](javascript:alert(1))",
            "[x](JaVaScRiPt:alert(1))",
            "[x](<java\tscript:alert(1)>)",
            "[x](<java script:alert(1)>)",
            "[x](data:text/html,<script>alert(1)</script>)",
            "![x](vbscript:msgbox)",
            "![x](data:image/svg+xml;base64,PHN2Zz4=)",
            "<a href=\"javascript:alert(1)\">x</a>",
            "Chữ <img src=x onerror=alert(1)>",
        ] {
            let fast = render_with(md, "", "", &[], false);
            let slow = render_with(md, "", "", &[], true);
            assert_eq!(fast.html, slow.html, "{md}");
            let lower = fast.html.to_ascii_lowercase();
            for bad in [
                "javascript",
                "vbscript",
                "data:",
                "onerror",
                "onload",
                "<script",
            ] {
                assert!(!lower.contains(bad), "{md}: {}", fast.html);
            }
        }
    }
}

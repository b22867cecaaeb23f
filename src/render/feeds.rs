//! What feed readers and crawlers read: the Atom feeds of the news and of the
//! bulletins, `sitemap.xml` with each page's date, and `robots.txt`. Every
//! URL is absolute, under the base URL; every date comes from the content
//! (never the clock), so two builds write the same bytes.

use crate::charts::canvas::escape;

/// One entry of a feed.
#[derive(Clone, Debug)]
pub struct Entry {
    pub title: String,
    /// Absolute URL of the page; also the entry's id (it never changes).
    pub url: String,
    /// `YYYY-MM-DD`.
    pub date: String,
    pub summary: String,
    pub author: Option<String>,
}

/// One feed: its file (relative to the root), title, the page it is the
/// feed of, and its entries newest first.
pub struct Feed {
    pub file: String,
    pub title: String,
    pub page: String,
    pub lang: String,
    pub author: String,
    pub entries: Vec<Entry>,
}

/// A date as an RFC 3339 time: midnight of the day in Vietnam.
fn stamp(date: &str) -> String {
    format!("{date}T00:00:00+07:00")
}

/// The feed as Atom (RFC 4287).
pub fn atom(f: &Feed, base_url: &str) -> Vec<u8> {
    let updated = f
        .entries
        .iter()
        .map(|e| e.date.as_str())
        .max()
        .unwrap_or("1970-01-01");
    let mut s = String::from("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n");
    s.push_str(&format!(
        "<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"{}\">\n",
        escape(&f.lang)
    ));
    s.push_str(&format!(
        "  <id>{}</id>\n",
        escape(&format!("{base_url}{}", f.file))
    ));
    s.push_str(&format!("  <title>{}</title>\n", escape(&f.title)));
    s.push_str(&format!("  <updated>{}</updated>\n", stamp(updated)));
    s.push_str(&format!(
        "  <link rel=\"self\" type=\"application/atom+xml\" href=\"{}\"/>\n",
        escape(&format!("{base_url}{}", f.file))
    ));
    s.push_str(&format!(
        "  <link rel=\"alternate\" type=\"text/html\" href=\"{}\"/>\n",
        escape(&f.page)
    ));
    s.push_str(&format!(
        "  <author><name>{}</name></author>\n",
        escape(&f.author)
    ));
    s.push_str(&format!(
        "  <generator version=\"{}\">ntm-site</generator>\n",
        env!("CARGO_PKG_VERSION")
    ));
    for e in &f.entries {
        s.push_str("  <entry>\n");
        s.push_str(&format!("    <id>{}</id>\n", escape(&e.url)));
        s.push_str(&format!("    <title>{}</title>\n", escape(&e.title)));
        s.push_str(&format!(
            "    <link rel=\"alternate\" type=\"text/html\" href=\"{}\"/>\n",
            escape(&e.url)
        ));
        s.push_str(&format!("    <published>{}</published>\n", stamp(&e.date)));
        s.push_str(&format!("    <updated>{}</updated>\n", stamp(&e.date)));
        if let Some(a) = &e.author {
            s.push_str(&format!(
                "    <author><name>{}</name></author>\n",
                escape(a)
            ));
        }
        if !e.summary.is_empty() {
            s.push_str(&format!(
                "    <summary type=\"text\">{}</summary>\n",
                escape(&e.summary)
            ));
        }
        s.push_str("  </entry>\n");
    }
    s.push_str("</feed>\n");
    s.into_bytes()
}

/// `sitemap.xml`: every page's URL with its date (`YYYY-MM-DD`), sorted.
pub fn sitemap(pages: &[(String, String)]) -> Vec<u8> {
    let mut s = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n",
    );
    let mut pages: Vec<&(String, String)> = pages.iter().collect();
    pages.sort();
    for (url, date) in pages {
        s.push_str(&format!("  <url><loc>{}</loc>", escape(url)));
        if !date.is_empty() {
            s.push_str(&format!("<lastmod>{date}</lastmod>"));
        }
        s.push_str("</url>\n");
    }
    s.push_str("</urlset>\n");
    s.into_bytes()
}

/// `robots.txt`: everything may be crawled; where the sitemap is.
pub fn robots(base_url: &str) -> Vec<u8> {
    format!("User-agent: *\nAllow: /\n\nSitemap: {base_url}sitemap.xml\n").into_bytes()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_cannot_become_markup() {
        let f = Feed {
            file: "tin-tuc/atom.xml".into(),
            title: "A & B".into(),
            page: "https://x.example/tin-tuc/".into(),
            lang: "vi".into(),
            author: "<b>Văn phòng</b>".into(),
            entries: vec![Entry {
                title: "<script>x</script>".into(),
                url: "https://x.example/tin-tuc/a/".into(),
                date: "2015-08-27".into(),
                summary: "]]> & <".into(),
                author: None,
            }],
        };
        let xml = String::from_utf8(atom(&f, "https://x.example/")).unwrap();
        assert!(!xml.contains("<script>") && !xml.contains("<b>"), "{xml}");
        assert!(xml.contains("<updated>2015-08-27T00:00:00+07:00</updated>"));
    }
}

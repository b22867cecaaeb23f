//! The theme: tera templates and assets (CSS, a little JS). The default theme
//! lives in `themes/default/` and is compiled into the binary, so that
//! `ntm-site build` works on any content folder. A site overrides any of it
//! by name from its content folder: `theme/templates/<name>.html` replaces
//! the template of that name (or adds one), `theme/assets/<file>` replaces or
//! adds a file under `assets/`. All templates are compiled once into one
//! [`tera::Tera`], with autoescaping on for every `.html` template.

use super::format::{self, Lang};
use crate::diag::{Diagnostics, Pos};
use crate::tr;
use std::collections::{BTreeMap, HashMap};
use std::path::Path;
use tera::{Tera, Value};

macro_rules! embed {
    ($($name:literal),* $(,)?) => {
        &[$(($name, include_str!(concat!("../../themes/default/templates/", $name)))),*]
    };
}

/// The default templates, by name.
pub const DEFAULT_TEMPLATES: &[(&str, &str)] = embed!(
    "base.html",
    "home.html",
    "districts.html",
    "district.html",
    "communes.html",
    "commune.html",
    "criteria.html",
    "criteria_set.html",
    "criterion.html",
    "news_list.html",
    "article.html",
    "tags.html",
    "tag.html",
    "page.html",
    "method.html",
    "bulletins.html",
    "bulletin.html",
    "targets.html",
    "target.html",
    "years.html",
    "year.html",
    "sponsors.html",
    "sponsor.html",
    "officers.html",
    "partials/officer_table.html",
    "gallery_index.html",
    "gallery_model.html",
    "gallery_picture.html",
    "gallery_counts.html",
    "downloads.html",
    "404.html",
    "partials/figures.html",
    "partials/cite.html",
    "partials/figure.html",
    "partials/bands.html",
    "partials/commune_table.html",
    "partials/group_table.html",
    "partials/changes.html",
    "partials/news_items.html",
    "partials/pagination.html",
    "partials/meta.html",
);

/// The default assets, written under `assets/`.
pub const DEFAULT_ASSETS: &[(&str, &str)] = &[
    (
        "style.css",
        include_str!("../../themes/default/assets/style.css"),
    ),
    (
        "site.js",
        include_str!("../../themes/default/assets/site.js"),
    ),
    (
        "search.js",
        include_str!("../../themes/default/assets/search.js"),
    ),
    (
        "gallery.css",
        include_str!("../../themes/default/assets/gallery.css"),
    ),
    (
        "gallery.js",
        include_str!("../../themes/default/assets/gallery.js"),
    ),
    (
        "document.css",
        include_str!("../../themes/default/assets/document.css"),
    ),
    (
        "review.css",
        include_str!("../../themes/default/assets/review.css"),
    ),
];

/// A compiled theme.
pub struct Theme {
    pub tera: Tera,
    /// Files under `assets/`, by name.
    pub assets: BTreeMap<String, Vec<u8>>,
}

/// HTML escaping for text and attribute values. Unlike tera's default it
/// leaves `/` alone, so URLs stay readable and pages stay small.
fn escape(input: &str) -> String {
    // The five are ASCII: the text between them is copied a run at a time.
    let mut out = String::with_capacity(input.len() + 8);
    let mut copied = 0;
    for (i, b) in input.bytes().enumerate() {
        let entity = match b {
            b'&' => "&amp;",
            b'<' => "&lt;",
            b'>' => "&gt;",
            b'"' => "&quot;",
            b'\'' => "&#39;",
            _ => continue,
        };
        out.push_str(&input[copied..i]);
        out.push_str(entity);
        copied = i + 1;
    }
    out.push_str(&input[copied..]);
    out
}

/// Loads the theme: the defaults, then the content folder's overrides.
pub fn load(content_root: &Path, theme_files: &[String], lang: Lang) -> Result<Theme, String> {
    let mut templates: BTreeMap<String, String> = DEFAULT_TEMPLATES
        .iter()
        .map(|(n, t)| (n.to_string(), t.to_string()))
        .collect();
    let mut assets: BTreeMap<String, Vec<u8>> = DEFAULT_ASSETS
        .iter()
        .map(|(n, t)| (n.to_string(), t.as_bytes().to_vec()))
        .collect();
    for rel in theme_files {
        let path = content_root.join(rel);
        if let Some(name) = rel.strip_prefix("theme/templates/") {
            let text = std::fs::read(&path)
                .map_err(|e| format!("{rel}: cannot read: {e}"))
                .and_then(|b| {
                    crate::text::normalise_file(&b).map_err(|_| format!("{rel}: is not UTF-8"))
                })?;
            templates.insert(name.to_string(), text);
        } else if let Some(name) = rel.strip_prefix("theme/assets/") {
            let bytes = std::fs::read(&path).map_err(|e| format!("{rel}: cannot read: {e}"))?;
            assets.insert(name.to_string(), bytes);
        }
    }
    let mut tera = Tera::default();
    tera.autoescape_on(vec![".html"]);
    tera.set_escape_fn(escape);
    tera.add_raw_templates(templates.iter().map(|(n, t)| (n.as_str(), t.as_str())))
        .map_err(|e| describe(&e))?;
    register_filters(&mut tera, lang);
    Ok(Theme { tera, assets })
}

/// Warnings for the site's template overrides that replace no template of
/// the theme and that no template uses: a misspelt name (`comune.html`)
/// would otherwise be ignored without a word. Each names the templates it
/// could mean.
pub fn override_warnings(content_root: &Path, theme_files: &[String]) -> Diagnostics {
    let mut diags = Diagnostics::new();
    let overrides: BTreeMap<&str, String> = theme_files
        .iter()
        .filter_map(|rel| {
            let name = rel.strip_prefix("theme/templates/")?;
            let text = std::fs::read(content_root.join(rel))
                .ok()
                .and_then(|b| String::from_utf8(b).ok())
                .unwrap_or_default();
            Some((name, text))
        })
        .collect();
    let defaults: Vec<&str> = DEFAULT_TEMPLATES.iter().map(|(n, _)| *n).collect();
    for name in overrides.keys() {
        if defaults.contains(name) {
            continue;
        }
        let quoted = [format!("\"{name}\""), format!("'{name}'")];
        let used = DEFAULT_TEMPLATES
            .iter()
            .map(|(_, t)| *t)
            .chain(overrides.values().map(String::as_str))
            .any(|t| quoted.iter().any(|q| t.contains(q.as_str())));
        if used {
            continue;
        }
        let rel = format!("theme/templates/{name}");
        let msg = match crate::text::closest(name, defaults.iter().copied()) {
            Some(c) => tr!(
                "giao diện không có mẫu nào tên '{name}' và không mẫu nào dùng tới nó, nên tệp này bị bỏ qua; có phải ý bạn là '{c}'?",
                "the theme has no template named '{name}' and no template uses it, so this file is ignored; did you mean '{c}'?"
            ),
            None => {
                let all = defaults.join(", ");
                tr!(
                    "giao diện không có mẫu nào tên '{name}' và không mẫu nào dùng tới nó, nên tệp này bị bỏ qua; các mẫu có thể thay là: {all}",
                    "the theme has no template named '{name}' and no template uses it, so this file is ignored; the templates you can override are: {all}"
                )
            }
        };
        diags.warning(&rel, Pos::NONE, msg);
    }
    diags
}

/// A theme that cannot be compiled or rendered, as an error of the file at
/// fault: the override it names (`theme/templates/home.html:3:12:` when
/// tera gives the place), or the run as a whole.
pub fn error_diagnostic(message: &str, theme_files: &[String]) -> Diagnostics {
    let mut diags = Diagnostics::new();
    let file = theme_files
        .iter()
        .filter(|rel| rel.starts_with("theme/templates/"))
        .find(|rel| {
            let name = &rel["theme/templates/".len()..];
            message.contains(&format!("'{name}'"))
                || message.contains(&format!("\"{name}\""))
                || message.contains(&format!("template {name}:"))
        })
        .cloned()
        .unwrap_or_default();
    // tera writes the place of a syntax error as ` --> 3:12`.
    let pos = message
        .split_once("--> ")
        .and_then(|(_, rest)| {
            let end = rest.find(|c: char| !(c.is_ascii_digit() || c == ':'))?;
            let (l, c) = rest[..end].split_once(':')?;
            Some(Pos::new(l.parse().ok()?, c.parse().ok()?))
        })
        .filter(|_| !file.is_empty())
        .unwrap_or(Pos::NONE);
    // tera's syntax errors end with `= what it expected`; keep that, not the
    // drawing of the line around it.
    let text = match message.rsplit_once("= ") {
        Some((head, why)) if head.contains("-->") => {
            let name = head.split('\'').nth(1).unwrap_or("");
            format!("template '{name}': {}", why.trim())
        }
        _ => message.replace('\n', " "),
    };
    diags.error(
        &file,
        pos,
        tr!(
            "giao diện không dựng được trang: {text}; hãy sửa mẫu (xem docs/theme.md)",
            "the theme cannot be rendered: {text}; correct the template (see docs/theme.md)"
        ),
    );
    diags
}

/// A tera error with its causes, on one line each.
pub fn describe(e: &tera::Error) -> String {
    let mut s = e.to_string();
    let mut src = std::error::Error::source(e);
    while let Some(inner) = src {
        s.push_str(&format!("\n  {inner}"));
        src = inner.source();
    }
    s
}

/// Filters for theme authors: `num` (integer in the site's form: `5.556`)
/// and `date` (an ISO date `2015-08-27` in the site's form: `27/8/2015`).
fn register_filters(tera: &mut Tera, lang: Lang) {
    tera.register_filter(
        "num",
        move |v: &Value, _: &HashMap<String, Value>| -> tera::Result<Value> {
            match v.as_i64() {
                Some(n) => Ok(Value::String(format::int(lang, n))),
                None => Ok(v.clone()),
            }
        },
    );
    tera.register_filter(
        "date",
        move |v: &Value, _: &HashMap<String, Value>| -> tera::Result<Value> {
            match v
                .as_str()
                .and_then(|s| crate::date::Date::parse_iso(s).ok())
            {
                Some(d) => Ok(Value::String(format::date(lang, d))),
                None => Ok(v.clone()),
            }
        },
    );
}

#[cfg(test)]
mod tests {
    use super::escape;

    #[test]
    fn escape_writes_the_five_entities_and_keeps_everything_else() {
        assert_eq!(
            escape("Xã Kỳ Thư <b>“đạt” & 'về đích'</b> \"19/19\" /xa/"),
            "Xã Kỳ Thư &lt;b&gt;“đạt” &amp; &#39;về đích&#39;&lt;/b&gt; &quot;19/19&quot; /xa/"
        );
        assert_eq!(escape(""), "");
        assert_eq!(escape("&"), "&amp;");
        assert_eq!(escape("ệ"), "ệ");
    }
}

//! `site.yaml`: the site's title, organisation, base URL and language.

use crate::fields::{Cx, MapReader, text};
use crate::model::Site;
use crate::yaml::{Kind, Node};

const KEYS: &[&str] = &[
    "title",
    "organization",
    "base_url",
    "description",
    "language",
    "data_license",
    "contact",
];

/// Reads the site's settings; `None` after reporting when they are unusable.
pub fn read(node: &Node, cx: &mut Cx) -> Option<Site> {
    let m = MapReader::new(node, "site.yaml", KEYS, cx)?;
    let title = m
        .required("title", "site.yaml", cx)
        .and_then(|n| text(n, "title", cx));
    let organization = m
        .required("organization", "site.yaml", cx)
        .and_then(|n| text(n, "organization", cx));
    let base_url = m
        .required("base_url", "site.yaml", cx)
        .and_then(|n| text(n, "base_url", cx));
    if let (Some(url), Some(n)) = (&base_url, m.get("base_url"))
        && !(url.starts_with("http://") || url.starts_with("https://"))
    {
        cx.error(
            n.pos,
            format!(
                "base_url '{url}' must be an absolute URL such as 'https://ntm.example.gov.vn/'"
            ),
        );
    }
    let description = m
        .get("description")
        .and_then(|n| text(n, "description", cx));
    let language = match m.get("language") {
        None => Some("vi".to_string()),
        Some(n) => match text(n, "language", cx).as_deref() {
            Some(l @ ("vi" | "en")) => Some(l.to_string()),
            Some(other) => {
                cx.error(
                    n.pos,
                    format!("language '{other}' is not supported; use 'vi' or 'en'"),
                );
                None
            }
            None => None,
        },
    };
    let data_license = m
        .get("data_license")
        .and_then(|n| text(n, "data_license", cx));
    let contact = match m.get("contact") {
        None => Vec::new(),
        Some(n) => match &n.kind {
            Kind::Scalar { text, .. } => vec![(String::new(), text.clone())],
            Kind::Map(entries) => entries
                .iter()
                .filter_map(|(k, v)| match &v.kind {
                    Kind::Scalar { text, .. } => Some((k.text.clone(), text.clone())),
                    Kind::Null => None,
                    _ => {
                        cx.error(v.pos, format!("contact '{}' must be text", k.text));
                        None
                    }
                })
                .collect(),
            _ => {
                cx.error(
                    n.pos,
                    "contact must be text or a mapping (email, phone, address)",
                );
                Vec::new()
            }
        },
    };
    Some(Site {
        title: title?,
        organization: organization?,
        base_url: base_url?,
        description,
        language: language?,
        data_license,
        contact,
    })
}

//! `site.yaml`: the site's title, organisation, base URL and language.

use crate::diag::{Diagnostics, Lang, Message};
use crate::fields::{Cx, MapReader, text, uint};
use crate::model::Site;
use crate::tr;
use crate::yaml::{Kind, Node};

/// Checks a base URL, from `site.yaml` or from `--base-url`: an absolute
/// `http` or `https` URL with a host, without user name, password, query or
/// fragment (`https://ntm.hatinh.gov.vn/` or `https://hatinh.gov.vn/ntm/`).
/// The error says what is wrong and what would be right.
pub fn check_base_url(url: &str) -> Result<(), Message> {
    let example = "https://ntm.hatinh.gov.vn/";
    let parsed = match url::Url::parse(url) {
        Ok(u) => u,
        Err(url::ParseError::RelativeUrlWithoutBase) => {
            let guess = format!("https://{}/", url.trim_matches('/'));
            return Err(tr!(
                "địa chỉ gốc '{url}' thiếu 'https://' ở đầu; có phải ý bạn là '{guess}'?",
                "base URL '{url}' lacks 'https://' in front; did you mean '{guess}'?"
            ));
        }
        Err(e) => {
            return Err(tr!(
                "địa chỉ gốc '{url}' không phải là một địa chỉ web hợp lệ ({e}); hãy viết dạng '{example}'",
                "base URL '{url}' is not a valid web address ({e}); write it as '{example}'"
            ));
        }
    };
    if !matches!(parsed.scheme(), "http" | "https") {
        let scheme = parsed.scheme();
        return Err(tr!(
            "địa chỉ gốc '{url}' phải bắt đầu bằng 'https://' hoặc 'http://', không phải '{scheme}:'; hãy viết dạng '{example}'",
            "base URL '{url}' must start with 'https://' or 'http://', not '{scheme}:'; write it as '{example}'"
        ));
    }
    if parsed.host_str().is_none_or(str::is_empty) {
        return Err(tr!(
            "địa chỉ gốc '{url}' thiếu tên miền; hãy viết dạng '{example}'",
            "base URL '{url}' has no host name; write it as '{example}'"
        ));
    }
    if !parsed.username().is_empty() || parsed.password().is_some() {
        return Err(tr!(
            "địa chỉ gốc '{url}' không được chứa tên đăng nhập hay mật khẩu",
            "base URL '{url}' must not hold a user name or password"
        ));
    }
    if parsed.query().is_some() || parsed.fragment().is_some() {
        return Err(tr!(
            "địa chỉ gốc '{url}' không được có phần '?' hay '#'; hãy viết dạng '{example}'",
            "base URL '{url}' must not have a '?' or '#' part; write it as '{example}'"
        ));
    }
    if url
        .chars()
        .any(|c| c.is_whitespace() || c.is_control() || "\"'<>`\\".contains(c))
    {
        return Err(tr!(
            "địa chỉ gốc '{url}' chứa dấu cách hoặc ký tự không được phép",
            "base URL '{url}' holds a space or a character that is not allowed"
        ));
    }
    Ok(())
}

const KEYS: &[&str] = &[
    "title",
    "organization",
    "base_url",
    "description",
    "language",
    "data_license",
    "contact",
    "stale_after_days",
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
        && let Err(why) = check_base_url(url)
    {
        cx.error(n.pos, why);
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
                    tr!(
                        "ngôn ngữ '{other}' không được hỗ trợ; hãy dùng 'vi' (tiếng Việt) hoặc 'en' (tiếng Anh)",
                        "language '{other}' is not supported; use 'vi' or 'en'"
                    ),
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
                        let key = &k.text;
                        cx.error(
                            v.pos,
                            tr!(
                                "liên hệ '{key}' phải là chữ",
                                "contact '{key}' must be text"
                            ),
                        );
                        None
                    }
                })
                .collect(),
            _ => {
                cx.error(
                    n.pos,
                    tr!(
                        "contact (liên hệ) phải là chữ, hoặc các dòng email, phone, address",
                        "contact must be text or a mapping (email, phone, address)"
                    ),
                );
                Vec::new()
            }
        },
    };
    let stale_after_days = m.get("stale_after_days").and_then(|n| {
        let v = uint(n, "stale_after_days", cx)?;
        match u32::try_from(v) {
            Ok(v) if v > 0 => Some(v),
            _ => {
                cx.error(
                    n.pos,
                    tr!(
                        "stale_after_days phải là một số ngày dương, ví dụ 90 (mặc định), không phải {v}",
                        "stale_after_days must be a positive number of days such as 90 (the default), not {v}"
                    ),
                );
                None
            }
        }
    });
    Some(Site {
        title: title?,
        organization: organization?,
        base_url: base_url?,
        description,
        language: language?,
        data_license,
        contact,
        stale_after_days,
    })
}

/// The `language` of the site at `content` for the command line's messages,
/// read quietly: `None` when site.yaml is missing, cannot be parsed or names
/// no known language.
pub fn language_of(content: &std::path::Path) -> Option<Lang> {
    let bytes = std::fs::read(content.join("site.yaml")).ok()?;
    let text = crate::text::normalise_file(&bytes).ok()?;
    let node = crate::yaml::parse(&text, "site.yaml", &mut Diagnostics::new())?;
    let Kind::Map(entries) = &node.kind else {
        return None;
    };
    match entries.iter().find(|(k, _)| k.text == "language") {
        None => Some(Lang::Vi),
        Some((_, v)) => match &v.kind {
            Kind::Scalar { text, .. } => Lang::parse(text),
            _ => None,
        },
    }
}

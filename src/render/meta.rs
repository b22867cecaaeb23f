//! What a page tells the machines that show it elsewhere: the favicon and the
//! web manifest made from the site's logo, the site's own card image, and per
//! page the Open Graph and Twitter card tags and the schema.org JSON-LD.
//! Link previews never get an SVG (they do not show one): a page's image is
//! its main chart as PNG, its cover photo, or the site's card.

use super::format::Lang;
use super::raster::{Canvas, Drawing};
use crate::charts::canvas::{Font, escape};
use crate::charts::layout::wrap;
use crate::model::Site;
use serde_json::{Map, Value, json};

/// Where the site's own card image is written, and its size (the 1.91:1 of
/// Open Graph's large previews).
pub const CARD: &str = "assets/the-card.png";
pub const CARD_SIZE: (u32, u32) = (1200, 630);
/// The logo a site may give, in its content folder.
pub const LOGO: &str = "static/logo.svg";
/// The icons written, by side in pixels.
pub const ICONS: [u32; 4] = [32, 180, 192, 512];

const GREEN: &str = "#0b5130";
const GOLD: &str = "#f2c14e";

pub fn icon_path(side: u32) -> String {
    format!("assets/icon-{side}.png")
}

/// The mark drawn when a site has no logo: the theme's gold disc with "NTM".
fn default_logo() -> String {
    format!(
        r##"<svg xmlns="http://www.w3.org/2000/svg" width="96" height="96" viewBox="0 0 96 96"><circle cx="48" cy="48" r="47" fill="{GOLD}"/><text x="48" y="58" font-family="DejaVu Sans" font-weight="bold" font-size="30" fill="{GREEN}" text-anchor="middle">NTM</text></svg>"##
    )
}

/// The files made from the logo (`logo`: the SVG text of `static/logo.svg`,
/// if the site has one) and the site's facts: the icons, `favicon.ico`
/// (unless the site gives its own), the web manifest and the card image.
/// An error names what is wrong with the logo; the default mark is used then.
pub struct Made {
    pub files: Vec<(String, Vec<u8>)>,
    pub logo_error: Option<String>,
}

pub fn site_files(
    site: &Site,
    lang: Lang,
    logo: Option<&str>,
    data_date: Option<&str>,
    own_favicon: bool,
) -> Made {
    let mut logo_error = None;
    let drawing = match logo.map(Drawing::parse) {
        Some(Ok(d)) if d.size().0 > 0.0 && d.size().1 > 0.0 => d,
        Some(Err(e)) => {
            logo_error = Some(e);
            fallback()
        }
        _ => fallback(),
    };
    let mut files = Vec::new();
    let mut png32 = Vec::new();
    for side in ICONS {
        if let Some(mut c) = Canvas::new(side, side) {
            drawing.draw_into(&mut c, 0.0, 0.0, side as f32, side as f32);
            if let Ok(png) = c.png() {
                if side == 32 {
                    png32 = png.clone();
                }
                files.push((icon_path(side), png));
            }
        }
    }
    if !own_favicon && !png32.is_empty() {
        files.push(("favicon.ico".into(), ico(&png32, 32)));
    }
    files.push((
        "manifest.webmanifest".into(),
        manifest(site, lang).into_bytes(),
    ));
    if let Ok(png) = card(site, &drawing, data_date) {
        files.push((CARD.into(), png));
    }
    Made { files, logo_error }
}

fn fallback() -> Drawing {
    Drawing::parse(&default_logo()).expect("the default mark is a drawing")
}

/// An ICO file holding one PNG (every browser reads PNG inside ICO).
fn ico(png: &[u8], side: u8) -> Vec<u8> {
    let mut v = Vec::with_capacity(22 + png.len());
    v.extend_from_slice(&[0, 0, 1, 0, 1, 0]);
    v.extend_from_slice(&[side, side, 0, 0, 1, 0, 32, 0]);
    v.extend_from_slice(&(png.len() as u32).to_le_bytes());
    v.extend_from_slice(&22u32.to_le_bytes());
    v.extend_from_slice(png);
    v
}

fn manifest(site: &Site, lang: Lang) -> String {
    let icons: Vec<Value> = ICONS
        .iter()
        .filter(|&&s| s >= 192)
        .map(|&s| json!({"src": icon_path(s), "sizes": format!("{s}x{s}"), "type": "image/png"}))
        .collect();
    let m = json!({
        "name": site.title,
        "short_name": short_name(&site.title),
        "description": site.description,
        "lang": lang.code(),
        "start_url": "./index.html",
        "scope": "./",
        "display": "browser",
        "background_color": "#ffffff",
        "theme_color": GREEN,
        "icons": icons,
    });
    serde_json::to_string_pretty(&m).unwrap_or_default() + "\n"
}

/// A home-screen label of at most 10 characters: the title's last words.
fn short_name(title: &str) -> String {
    let words: Vec<&str> = title.split_whitespace().collect();
    let mut out = String::new();
    for w in words.iter().rev() {
        let candidate = if out.is_empty() {
            w.to_string()
        } else {
            format!("{w} {out}")
        };
        if candidate.chars().count() > 10 {
            break;
        }
        out = candidate;
    }
    if out.is_empty() {
        title.chars().take(10).collect()
    } else {
        out
    }
}

/// The site's card: the logo, the title, the organisation and the data date.
fn card(site: &Site, logo: &Drawing, data_date: Option<&str>) -> Result<Vec<u8>, String> {
    let (w, h) = CARD_SIZE;
    let text_x = 380.0;
    let max = f64::from(w) - text_x - 60.0;
    let title_font = Font::new(60.0, true, 0xFFFFFF);
    let org_font = Font::new(30.0, false, 0xFFFFFF);
    let mut title = wrap(&site.title, title_font, max);
    title.truncate(3);
    let mut org = wrap(&site.organization, org_font, max);
    org.truncate(4);
    let mut y = 150.0;
    let mut text = String::new();
    for l in &title {
        y += 72.0;
        text.push_str(&format!(
            r##"<text x="{text_x}" y="{y}" font-family="DejaVu Sans" font-weight="bold" font-size="60" fill="#ffffff">{}</text>"##,
            escape(l)
        ));
    }
    y += 20.0;
    for l in &org {
        y += 40.0;
        text.push_str(&format!(
            r##"<text x="{text_x}" y="{y}" font-family="DejaVu Sans" font-size="30" fill="#e8f3ec">{}</text>"##,
            escape(l)
        ));
    }
    if let Some(d) = data_date {
        text.push_str(&format!(
            r#"<text x="{text_x}" y="{}" font-family="DejaVu Sans" font-weight="bold" font-size="30" fill="{GOLD}">{}</text>"#,
            f64::from(h) - 60.0,
            escape(d)
        ));
    }
    let svg = format!(
        r##"<svg xmlns="http://www.w3.org/2000/svg" width="{w}" height="{h}" viewBox="0 0 {w} {h}"><rect width="{w}" height="{h}" fill="{GREEN}"/><rect x="0" y="{}" width="{w}" height="14" fill="{GOLD}"/><circle cx="190" cy="300" r="150" fill="#ffffff"/>{text}</svg>"##,
        h - 14
    );
    let mut c = Canvas::new(w, h).ok_or("card size")?;
    Drawing::parse(&svg)?.draw_into(&mut c, 0.0, 0.0, w as f32, h as f32);
    logo.draw_into(&mut c, 75.0, 185.0, 230.0, 230.0);
    c.png()
}

/// The image a page shows in link previews: a file of the site (relative to
/// its root), its size in pixels and its alternative text.
#[derive(Clone, Debug)]
pub struct Image {
    pub path: String,
    pub width: u32,
    pub height: u32,
    pub alt: String,
}

impl Image {
    pub fn to_json(&self) -> Value {
        json!({"path": self.path, "width": self.width, "height": self.height, "alt": self.alt})
    }
    fn from_json(v: &Value) -> Option<Image> {
        Some(Image {
            path: v["path"].as_str()?.to_string(),
            width: v["width"].as_u64()? as u32,
            height: v["height"].as_u64()? as u32,
            alt: v["alt"].as_str().unwrap_or_default().to_string(),
        })
    }
}

/// The `meta` value of one page for `partials/meta.html`: Open Graph and
/// Twitter tags from the page's `title`, `description` (or the site's),
/// `og_image` (or the site's card) and `og_type`; `json_ld`, if the page has
/// one, serialised so that it cannot close its `<script>`.
pub fn page_meta(
    site: &Site,
    lang: Lang,
    base_url: &str,
    canonical: &str,
    title: &str,
    vars: &Map<String, Value>,
) -> Value {
    let description = vars
        .get("description")
        .and_then(Value::as_str)
        .filter(|d| !d.is_empty())
        .or(site.description.as_deref())
        .unwrap_or(&site.title);
    let image = vars
        .get("og_image")
        .and_then(Image::from_json)
        .unwrap_or_else(|| Image {
            path: CARD.into(),
            width: CARD_SIZE.0,
            height: CARD_SIZE.1,
            alt: site.title.clone(),
        });
    let json_ld = vars
        .get("json_ld")
        .filter(|v| !v.is_null())
        .map(script_json);
    json!({
        "title": title,
        "description": description,
        "url": canonical,
        "type": vars.get("og_type").and_then(Value::as_str).unwrap_or("website"),
        "site_name": site.title,
        "locale": match lang { Lang::Vi => "vi_VN", Lang::En => "en_GB" },
        "image": format!("{base_url}{}", image.path),
        "image_type": if image.path.ends_with(".png") { "image/png" } else if image.path.ends_with(".webp") { "image/webp" } else { "image/jpeg" },
        "image_width": image.width,
        "image_height": image.height,
        "image_alt": image.alt,
        "json_ld": json_ld,
    })
}

/// JSON for inside `<script>`: `<` written as `\u003c`, so no `</script>`
/// or `<!--` in the data can end the element.
pub fn script_json(v: &Value) -> String {
    serde_json::to_string(v)
        .unwrap_or_default()
        .replace('<', "\\u003c")
}

/// The schema.org `Organization` of the site.
pub fn organization(site: &Site, base_url: &str) -> Value {
    json!({
        "@type": "Organization",
        "name": site.organization,
        "url": base_url,
        "logo": {"@type": "ImageObject", "url": format!("{base_url}{}", icon_path(512)), "width": 512, "height": 512},
    })
}

/// The address of a Creative Commons licence named as people write it
/// (`CC BY 4.0`, `CC-BY-SA-4.0`, `CC0`), for the `Dataset`'s `license`.
pub fn licence_url(name: &str) -> Option<String> {
    let n = name.trim().to_ascii_lowercase().replace(['-', '_'], " ");
    let words: Vec<&str> = n.split_whitespace().collect();
    match words.as_slice() {
        ["cc0"] | ["cc0", "1.0"] | ["cc", "0"] => {
            Some("https://creativecommons.org/publicdomain/zero/1.0/".into())
        }
        ["cc", kind @ .., version]
            if !kind.is_empty()
                && ["4.0", "3.0"].contains(version)
                && kind.iter().all(|k| ["by", "sa", "nc", "nd"].contains(k))
                && kind[0] == "by" =>
        {
            Some(format!(
                "https://creativecommons.org/licenses/{}/{version}/",
                kind.join("-")
            ))
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn licences_get_their_address() {
        assert_eq!(
            licence_url("CC BY 4.0").as_deref(),
            Some("https://creativecommons.org/licenses/by/4.0/")
        );
        assert_eq!(
            licence_url("CC-BY-SA-4.0").as_deref(),
            Some("https://creativecommons.org/licenses/by-sa/4.0/")
        );
        assert_eq!(licence_url("Giấy phép riêng"), None);
    }

    #[test]
    fn short_names_fit_a_home_screen() {
        assert_eq!(short_name("Nông thôn mới Hà Tĩnh"), "Hà Tĩnh");
        assert_eq!(short_name("Supercalifragilistic"), "Supercalif");
    }

    #[test]
    fn json_in_a_script_cannot_close_it() {
        let s = script_json(&json!({"headline": "</script><script>alert(1)</script><!--"}));
        assert!(!s.contains('<'), "{s}");
        let back: Value = serde_json::from_str(&s).unwrap();
        assert_eq!(back["headline"], "</script><script>alert(1)</script><!--");
    }

    #[test]
    fn the_ico_wraps_the_png() {
        let ico = ico(b"\x89PNGxyz", 32);
        assert_eq!(&ico[..6], &[0, 0, 1, 0, 1, 0]);
        assert_eq!(u32::from_le_bytes(ico[14..18].try_into().unwrap()), 7);
        assert_eq!(&ico[22..], b"\x89PNGxyz");
    }
}

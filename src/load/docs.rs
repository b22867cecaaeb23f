//! Markdown documents with YAML front matter: models, news, pages; and the
//! editor's bulletin texts (plain Markdown).

use crate::diag::{Diagnostics, Message, Pos, Unknown, did_you_mean};
use crate::fields::{Cx, MapReader, What, boolean, date, list, suggest_value, text, text_list};
use crate::model::{Document, Model, Photo};
use crate::text::closest;
use crate::tr;
use crate::yaml::{self, Node};
use std::collections::BTreeSet;

const DOC_KEYS: &[&str] = &[
    "title", "date", "summary", "author", "tags", "communes", "cover", "draft",
];
const MODEL_KEYS: &[&str] = &[
    "title",
    "kind",
    "commune",
    "status",
    "registered",
    "recognized",
    "cover",
    "photos",
];
const PHOTO_KEYS: &[&str] = &["file", "caption", "credit"];
const MODEL_KINDS: &[&str] = &["residential", "garden"];
const MODEL_STATUSES: &[&str] = &["registered", "building", "recognized"];

/// The Markdown after a document's front matter, and the line of the file
/// where it begins (so that a link in it can be reported at its place).
#[derive(Clone, Debug)]
pub struct Body {
    pub text: String,
    pub line: u32,
}

/// Splits `---` front matter from the body. The returned YAML text keeps the
/// file's line numbers (the opening `---` line becomes an empty line).
pub fn split_front_matter(text: &str) -> Option<(String, String)> {
    let rest = text
        .strip_prefix("---\n")
        .or_else(|| (text == "---").then_some(""))?;
    let mut offset = 0;
    for line in rest.split_inclusive('\n') {
        if line.trim_end() == "---" {
            let yaml = format!("\n{}", &rest[..offset]);
            let body = rest[offset + line.len()..].to_string();
            return Some((yaml, body));
        }
        offset += line.len();
    }
    None
}

/// Parses the front matter of `text`; reports a missing one.
pub fn front_matter(
    text: &str,
    map: &crate::text::ColumnMap,
    file: &str,
    diags: &mut Diagnostics,
) -> Option<(Node, Body)> {
    match split_front_matter(text) {
        Some((yaml_text, body)) => {
            let node = yaml::parse_mapped(&yaml_text, map, file, diags)?;
            // The YAML text holds one line end per line up to the closing `---`.
            let line = yaml_text.matches('\n').count() as u32 + 2;
            Some((node, Body { text: body, line }))
        }
        None => {
            diags.error(
                file,
                Pos::new(1, 1),
                tr!(
                    "tệp thiếu phần đầu: dòng đầu tiên phải là '---', tiếp theo là các mục (title: ...), rồi một dòng '---'",
                    "needs YAML front matter: a first line '---', the fields (title: ...), then a line '---'"
                ),
            );
            None
        }
    }
}

/// Resolves a file named in a document against its folder, refusing paths
/// that leave it. Returns the path relative to the content folder.
pub fn resolve_beside(
    folder: &str,
    name: &str,
    known: &BTreeSet<String>,
    pos: Pos,
    what: impl Into<What>,
    cx: &mut Cx,
) -> Option<String> {
    let Message { vi: wv, en: we } = what.into().message().clone();
    let bad = name.starts_with('/')
        || name.starts_with('\\')
        || name.contains('\\')
        || name.split('/').any(|p| p == ".." || p == ".")
        || name.contains(':');
    if bad {
        cx.error(
            pos,
            tr!(
                "{wv} '{name}' nằm ngoài thư mục của bài; hãy ghi tên một tệp nằm trong {folder}/",
                "{we} '{name}' leaves the document's folder; name a file inside {folder}/"
            ),
        );
        return None;
    }
    let rel = format!("{folder}/{name}");
    if name.starts_with('.') && !known.contains(&rel) {
        cx.error(
            pos,
            tr!(
                "{wv} '{name}': tên tệp bắt đầu bằng dấu chấm là tệp ẩn, không được đọc; hãy đặt tên tệp bằng chữ a-z, số 0-9 và dấu -, ví dụ 'anh-1.jpg'",
                "{we} '{name}': a file name beginning with a dot is a hidden file and is not read; name the file with a-z, 0-9 and -, such as 'photo-1.jpg'"
            ),
        );
        return None;
    }
    if !known.contains(&rel) {
        let beside: Vec<&str> = known
            .iter()
            .filter_map(|k| k.strip_prefix(&format!("{folder}/")))
            .filter(|k| !k.contains('/'))
            .collect();
        // Only names that are valid web addresses are suggested.
        let candidates = beside.iter().copied().filter(|b| {
            let (stem, ext) = b.rsplit_once('.').unwrap_or((b, ""));
            crate::text::is_slug(stem) && ext.bytes().all(|c| c.is_ascii_alphanumeric())
        });
        let hint = match closest(name, candidates) {
            Some(c) => did_you_mean(c),
            None => Message::default(),
        };
        cx.error(
            pos,
            tr!(
                "{wv} '{name}' không có trong {folder}/",
                "{we} '{name}' does not exist in {folder}/"
            )
            .then(hint),
        );
        return None;
    }
    Some(rel)
}

/// The files of a story's bundle that are published: the pictures (JPEG,
/// PNG, WebP) that the story shows or links to, or that are its cover; they
/// are re-encoded without their metadata when the site is built. Every
/// other file beside the story is not published, with a warning: a phone
/// photo nobody chose, a spreadsheet, an HTML page.
fn bundle_pictures(
    folder: &str,
    body: &str,
    cover: Option<&str>,
    assets: &BTreeSet<String>,
    cx: &mut Cx,
) -> Vec<String> {
    use pulldown_cmark::{Event, Parser, Tag};
    let prefix = format!("{folder}/");
    let mut used: BTreeSet<String> = cover.into_iter().map(str::to_string).collect();
    for e in Parser::new(body) {
        let url = match e {
            Event::Start(Tag::Image { dest_url, .. })
            | Event::Start(Tag::Link { dest_url, .. }) => dest_url,
            _ => continue,
        };
        let path = url.split(['#', '?']).next().unwrap_or("");
        let path = path.strip_prefix("./").unwrap_or(path);
        if path.is_empty()
            || path.starts_with('/')
            || path.contains(':')
            || path.split('/').any(|p| p == ".." || p == ".")
        {
            continue;
        }
        used.insert(format!("{prefix}{path}"));
    }
    let mut out = Vec::new();
    for a in assets.iter().filter(|a| a.starts_with(&prefix)) {
        let ext = a.rsplit_once('.').map(|(_, e)| e.to_ascii_lowercase());
        let picture = matches!(ext.as_deref(), Some("jpg" | "jpeg" | "png" | "webp"));
        if used.contains(a) && picture {
            out.push(a.clone());
        } else if used.contains(a) {
            cx.diags.warning(
                a,
                Pos::NONE,
                crate::tr!(
                    "không được đăng: bài tin chỉ đăng ảnh JPEG, PNG hoặc WebP; hãy đặt tài liệu vào static/ và dẫn liên kết tới đó",
                    "is not published: a story publishes only JPEG, PNG or WebP pictures; put documents in static/ and link to them there"
                ),
            );
        } else {
            cx.diags.warning(
                a,
                Pos::NONE,
                crate::tr!(
                    "không được đăng: bài không dùng tệp này (không có ảnh hay liên kết nào tới nó)",
                    "is not published: the story does not use it (no image or link leads to it)"
                ),
            );
        }
    }
    out
}

/// Warns about each image of `body` that another site would serve: the
/// page never loads it (it could be a tracker), a link to it is shown
/// instead (see `crate::render::markdown`).
pub fn warn_external_images(body: &str, cx: &mut Cx) {
    use pulldown_cmark::{Event, Parser, Tag};
    let mut seen = 0;
    for e in Parser::new(body) {
        if let Event::Start(Tag::Image { dest_url, .. }) = e
            && crate::render::markdown::is_external(&dest_url)
        {
            seen += 1;
            if seen > crate::limits::MAX_DIAGNOSTICS_PER_KIND {
                break;
            }
            cx.warning(
                Pos::NONE,
                crate::tr!(
                    "ảnh '{dest_url}' nằm ở trang web khác nên sẽ không được hiện (nó có thể theo dõi người đọc), chỉ có đường liên kết tới nó; hãy đặt tệp ảnh bên cạnh bài",
                    "the image '{dest_url}' is on another site, so it is not shown (it could track readers), only a link to it; put the image file beside the story"
                ),
            );
        }
    }
}

/// Looks up commune ids named in a document.
pub fn commune_ref(node: &Node, commune_ids: &[String], cx: &mut Cx) -> Option<usize> {
    let id = text(node, "commune", cx)?;
    match commune_ids.binary_search_by(|c| c.as_str().cmp(&id)) {
        Ok(i) => Some(i),
        Err(_) => {
            cx.error_unknown(
                node.pos,
                super::progress::unknown_commune(&id, commune_ids),
                Unknown::Commune(id.clone()),
            );
            None
        }
    }
}

fn choice(node: &Node, what: &'static str, allowed: &[&str], cx: &mut Cx) -> Option<String> {
    let t = text(node, what, cx)?;
    if allowed.contains(&t.as_str()) {
        return Some(t);
    }
    cx.error(
        node.pos,
        tr!(
            "giá trị '{t}' không dùng được cho {what}",
            "unknown {what} '{t}'"
        )
        .then(suggest_value(&t, allowed)),
    );
    None
}

/// Reads a news article or a page. `rel` is `news/x.md` or `news/x/index.md`.
pub fn read_document(
    rel: &str,
    node: &Node,
    body: Body,
    is_news: bool,
    commune_ids: &[String],
    assets: &BTreeSet<String>,
    cx: &mut Cx,
) -> Option<Document> {
    let what = || {
        if is_news {
            tr!("tin bài", "a news article")
        } else {
            tr!("trang", "a page")
        }
    };
    let m = MapReader::new(node, what(), DOC_KEYS, cx)?;
    let (slug, folder) = match rel.strip_suffix("/index.md") {
        Some(dir) => (
            dir.rsplit('/').next().unwrap_or(dir).to_string(),
            dir.to_string(),
        ),
        None => {
            let stem = rel
                .rsplit('/')
                .next()
                .unwrap_or(rel)
                .trim_end_matches(".md");
            let folder = rel.rsplit_once('/').map(|(d, _)| d).unwrap_or("");
            (stem.to_string(), folder.to_string())
        }
    };
    let title = m
        .required("title", what(), cx)
        .and_then(|n| text(n, "title", cx));
    let date_v = if is_news {
        m.required("date", what(), cx)
            .and_then(|n| date(n, "date", cx))
    } else {
        m.get("date").and_then(|n| date(n, "date", cx))
    };
    let summary = m.get("summary").and_then(|n| text(n, "summary", cx));
    let author = m.get("author").and_then(|n| text(n, "author", cx));
    let tags = match m.get("tags") {
        Some(n) if matches!(&n.kind, crate::yaml::Kind::Seq(v) if v.len() > crate::limits::MAX_TAGS) =>
        {
            let count = match &n.kind {
                crate::yaml::Kind::Seq(v) => v.len(),
                _ => 0,
            };
            let max = crate::limits::MAX_TAGS;
            cx.error(
                n.pos,
                crate::tr!(
                    "có {count} chủ đề (tags), quá giới hạn {max}; hãy giữ lại vài chủ đề chính",
                    "{count} tags, over the limit of {max}; keep the few that matter"
                ),
            );
            Vec::new()
        }
        Some(n) => text_list(n, "tags", cx),
        None => Vec::new(),
    };
    let mut communes = Vec::new();
    if let Some(n) = m.get("communes") {
        for item in list(n, "communes", cx).unwrap_or_default() {
            if let Some(c) = commune_ref(item, commune_ids, cx) {
                communes.push(c);
            }
        }
    }
    let cover = m.get("cover").and_then(|n| {
        let name = text(n, "cover", cx)?;
        resolve_beside(
            &folder,
            &name,
            assets,
            n.pos,
            tr!("ảnh bìa (cover)", "cover"),
            cx,
        )
    });
    let draft = m
        .get("draft")
        .and_then(|n| boolean(n, "draft", cx))
        .unwrap_or(false);
    let bundle_assets = if rel.ends_with("/index.md") {
        bundle_pictures(&folder, &body.text, cover.as_deref(), assets, cx)
    } else {
        Vec::new()
    };
    warn_external_images(&body.text, cx);
    if is_news && date_v.is_none() {
        return None;
    }
    Some(Document {
        slug,
        title: title?,
        date: date_v,
        summary,
        author,
        tags,
        communes,
        cover,
        draft,
        body: body.text,
        body_line: body.line,
        file: rel.to_string(),
        assets: bundle_assets,
    })
}

/// Reads a model's `index.md`.
pub fn read_model(
    rel: &str,
    node: &Node,
    body: Body,
    commune_ids: &[String],
    assets: &BTreeSet<String>,
    cx: &mut Cx,
) -> Option<Model> {
    let what = || tr!("mô hình", "a model");
    let m = MapReader::new(node, what(), MODEL_KEYS, cx)?;
    let folder = rel.trim_end_matches("/index.md").to_string();
    let slug = folder.rsplit('/').next().unwrap_or(&folder).to_string();
    let title = m
        .required("title", what(), cx)
        .and_then(|n| text(n, "title", cx));
    let kind = m
        .required("kind", what(), cx)
        .and_then(|n| choice(n, "kind", MODEL_KINDS, cx));
    let commune = m
        .required("commune", what(), cx)
        .and_then(|n| commune_ref(n, commune_ids, cx));
    let status = m
        .required("status", what(), cx)
        .and_then(|n| choice(n, "status", MODEL_STATUSES, cx));
    let registered = m.get("registered").and_then(|n| date(n, "registered", cx));
    let recognized = m.get("recognized").and_then(|n| date(n, "recognized", cx));
    if status.as_deref() == Some("recognized") && m.get("recognized").is_none() {
        let at = m.get("status").map(|n| n.pos).unwrap_or(m.pos);
        cx.error(
            at,
            tr!(
                "mô hình có status recognized (đã được công nhận) cần có mục 'recognized', là ngày được công nhận",
                "a model with status recognized needs 'recognized', the date of its recognition"
            ),
        );
    }
    warn_external_images(&body.text, cx);
    let mut photos = Vec::new();
    if let Some(n) = m.get("photos") {
        for item in list(n, "photos", cx).unwrap_or_default() {
            let photo = || tr!("ảnh", "a photo");
            let Some(p) = MapReader::new(item, photo(), PHOTO_KEYS, cx) else {
                continue;
            };
            let file = p.required("file", photo(), cx).and_then(|f| {
                let name = text(f, "file", cx)?;
                resolve_beside(&folder, &name, assets, f.pos, tr!("ảnh", "photo"), cx).map(|_| name)
            });
            let caption = p
                .required(
                    "caption",
                    tr!(
                        "ảnh (chú thích caption cũng là lời mô tả ảnh cho người không xem được ảnh)",
                        "a photo (the caption is its alternative text)"
                    ),
                    cx,
                )
                .and_then(|c| text(c, "caption", cx));
            let credit = p.get("credit").and_then(|c| text(c, "credit", cx));
            if let (Some(file), Some(caption)) = (file, caption) {
                photos.push(Photo {
                    file,
                    caption,
                    credit,
                });
            }
        }
    }
    let cover = m.get("cover").and_then(|n| {
        let name = text(n, "cover", cx)?;
        resolve_beside(
            &folder,
            &name,
            assets,
            n.pos,
            tr!("ảnh bìa (cover)", "cover"),
            cx,
        )
        .map(|_| name)
    });
    Some(Model {
        slug,
        title: title?,
        kind: kind?,
        commune: commune?,
        status: status?,
        registered,
        recognized,
        cover,
        photos,
        body: body.text,
        body_line: body.line,
        file: rel.to_string(),
    })
}

//! The galleries of model residential areas (khu dân cư NTM kiểu mẫu) and
//! model gardens (vườn mẫu): the pages and the counts, from the models and
//! their processed photos ([`crate::imageproc`]).
//!
//! - `mo-hinh/`: every model as a card with its cover photo, and filters by
//!   kind, status and district that are plain links to pages made here, one
//!   per combination that has models (`mo-hinh/loc/<kind>/<status>/<district>/`,
//!   `tat-ca` standing for any), so they work without JavaScript;
//! - `mo-hinh/<slug>/`: one page per model: kind, status, dates, its
//!   commune and district (the commune page lists its models in turn), the
//!   text, and its photos with captions and credits; each thumbnail is a
//!   plain link to the largest version, which `assets/gallery.js` turns
//!   into a lightbox;
//! - counts of models by status, per district and for the province, on the
//!   home page and the district pages.
//!
//! Photos are published only as the pipeline's versions, under
//! `mo-hinh/<slug>/anh/<name>-<width>.<tag>.<jpg|webp>`; the files of the
//! content folder are never copied. Every image has `width` and `height`,
//! `srcset` and `sizes`, and WebP versions go in a `<picture>` before the
//! JPEG fallback.

use super::{ARTICLE_IDS, Builder, crumb};
use crate::imageproc::Processed;
use crate::model::{GroupIx, Model};
use crate::render::views::{name_cmp, paths, titled};
use serde_json::{Value, json};
use std::collections::{BTreeMap, BTreeSet};

/// Kinds of model: the content's value and the address's word.
const KINDS: [(&str, &str); 2] = [("residential", "khu-dan-cu"), ("garden", "vuon-mau")];
/// Statuses of a model, in order: the content's value and the address's word.
const STATUSES: [(&str, &str); 3] = [
    ("registered", "dang-ky"),
    ("building", "xay-dung"),
    ("recognized", "cong-nhan"),
];
/// The address's word for "any" in a filter.
const ANY: &str = "tat-ca";

/// `sizes` of a card's photo: one column on a phone, two, then three of a
/// 72rem page.
const CARD_SIZES: &str = "(min-width: 72rem) 22rem, (min-width: 40rem) 45vw, calc(100vw - 2rem)";
/// `sizes` of a photo on a model's page (the grid of `gallery.css`).
const PHOTO_SIZES: &str = "(min-width: 72rem) 34rem, (min-width: 40rem) 48vw, calc(100vw - 2rem)";
/// The width of the version a plain `src` names (for browsers without `srcset`).
const DEFAULT_WIDTH: u32 = 640;

/// A choice of the three filters; `None` is any.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
struct Filter {
    kind: Option<usize>,
    status: Option<usize>,
    district: Option<GroupIx>,
}

impl Filter {
    const ANY: Filter = Filter {
        kind: None,
        status: None,
        district: None,
    };
}

fn kind_ix(m: &Model) -> Option<usize> {
    KINDS.iter().position(|(k, _)| *k == m.kind)
}

fn status_ix(m: &Model) -> Option<usize> {
    STATUSES.iter().position(|(s, _)| *s == m.status)
}

/// The published files of one photo (root-relative paths), for the templates.
fn picture(
    p: &Processed,
    dir: &str,
    stem: &str,
    sizes: &str,
    out: &mut Vec<(String, std::path::PathBuf)>,
) -> Value {
    let mut name = |v: &crate::imageproc::Variant| {
        let path = format!(
            "{dir}anh/{stem}-{}.{}.{}",
            v.width,
            p.tag(),
            v.format.extension()
        );
        out.push((path.clone(), p.path(v)));
        json!({"src": path, "w": v.width, "h": v.height})
    };
    let jpegs: Vec<Value> = p.jpegs().map(&mut name).collect();
    let webps: Vec<Value> = p.webps().map(&mut name).collect();
    let original = p.entry.original.as_ref().map(&mut name);
    // The plain `src`: the widest version up to the default width.
    let default = jpegs
        .iter()
        .rev()
        .find(|j| {
            j["w"]
                .as_u64()
                .is_some_and(|w| w <= u64::from(DEFAULT_WIDTH))
        })
        .or(jpegs.first())
        .cloned()
        .unwrap_or(Value::Null);
    let full = jpegs.last().cloned().unwrap_or(Value::Null);
    json!({
        "src": default["src"],
        "width": default["w"],
        "height": default["h"],
        "jpeg": jpegs,
        "webp": webps,
        "sizes": sizes,
        "full": full,
        "original": original,
    })
}

/// A file name's stem for the published versions: `anh/01.jpg` → `anh-01`.
fn stem_of(file: &str) -> String {
    let base = file.rsplit_once('.').map(|(s, _)| s).unwrap_or(file);
    let s: String = base
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() {
                c.to_ascii_lowercase()
            } else {
                '-'
            }
        })
        .collect();
    if s.is_empty() { "anh".into() } else { s }
}

impl<'v, 'a> Builder<'v, 'a> {
    /// The district of a model: its commune's own group.
    fn model_district(&self, m: &Model) -> Option<GroupIx> {
        self.v.content.communes[m.commune].group
    }

    /// Districts that hold models, in name order: the district filter.
    fn model_districts(&self) -> Vec<GroupIx> {
        let v = self.v;
        let set: BTreeSet<GroupIx> = v
            .content
            .models
            .iter()
            .filter_map(|m| self.model_district(m))
            .collect();
        let mut out: Vec<GroupIx> = set.into_iter().collect();
        out.sort_by(|&a, &b| {
            let (ga, gb) = (&v.content.groups[a], &v.content.groups[b]);
            name_cmp(&ga.name, &ga.id, &gb.name, &gb.id)
        });
        out
    }

    /// The folder word of the filters: `loc`, unless a model took that slug.
    fn filter_root(&self) -> String {
        let mut word = "loc".to_string();
        while self.v.content.models.iter().any(|m| m.slug == word) {
            word.push('-');
            word.push('1');
        }
        word
    }

    /// The folder of a filter page (`mo-hinh/` for no filter).
    fn filter_dir(&self, f: Filter) -> String {
        if f == Filter::ANY {
            return "mo-hinh/".into();
        }
        format!(
            "mo-hinh/{}/{}/{}/{}/",
            self.filter_root(),
            f.kind.map(|k| KINDS[k].1).unwrap_or(ANY),
            f.status.map(|s| STATUSES[s].1).unwrap_or(ANY),
            f.district
                .map(|g| self.v.content.groups[g].id.as_str())
                .unwrap_or(ANY),
        )
    }

    fn matches(&self, m: &Model, f: Filter) -> bool {
        f.kind.is_none_or(|k| kind_ix(m) == Some(k))
            && f.status.is_none_or(|s| status_ix(m) == Some(s))
            && f.district.is_none_or(|g| self.model_district(m) == Some(g))
    }

    /// The processed photo `file` of model `m`, if the pipeline made it.
    fn processed(&self, m: &Model, file: &str) -> Option<&'v Processed> {
        let folder = crate::imageproc::model_folder(&m.file);
        self.images.get(&format!("{folder}/{file}"))
    }

    /// Stems of a model's photo files, unique within the model.
    fn stems(m: &Model) -> BTreeMap<String, String> {
        let mut files: Vec<&str> = m.photos.iter().map(|p| p.file.as_str()).collect();
        files.extend(m.cover.as_deref());
        let mut taken = BTreeSet::new();
        let mut out = BTreeMap::new();
        for f in files {
            if out.contains_key(f) {
                continue;
            }
            let base = stem_of(f);
            let mut s = base.clone();
            let mut n = 2;
            while !taken.insert(s.clone()) {
                s = format!("{base}-{n}");
                n += 1;
            }
            out.insert(f.to_string(), s);
        }
        out
    }

    /// The cover photo of a model as a picture, and its alternative text.
    fn cover_picture(&mut self, m: &Model, sizes: &str) -> (Value, Option<String>) {
        let file = m
            .cover
            .clone()
            .or_else(|| m.photos.first().map(|p| p.file.clone()));
        let Some(file) = file else {
            return (Value::Null, None);
        };
        let alt = m
            .photos
            .iter()
            .find(|p| p.file == file)
            .map(|p| p.caption.clone())
            .unwrap_or_else(|| m.title.clone());
        let Some(p) = self.processed(m, &file) else {
            return (Value::Null, None);
        };
        let stems = Self::stems(m);
        let dir = paths::model(&m.slug);
        let pic = picture(p, &dir, &stems[&file], sizes, &mut self.published);
        (pic, Some(alt))
    }

    /// A model as a card and as the head of its page: what the lists, the
    /// commune page and the model page show.
    pub(super) fn model_item(&self, m: &Model) -> Value {
        let v = self.v;
        let dir = paths::model(&m.slug);
        let district = self.model_district(m);
        json!({
            "slug": m.slug,
            "title": m.title,
            "href": paths::link(&dir),
            "kind": m.kind,
            "kind_label": v.t(&format!("model_{}", m.kind)),
            "status": m.status,
            "status_label": v.t(&format!("model_status_{}", m.status)),
            "commune": v.commune_link(m.commune),
            "district": district.map(|g| v.group_link(g)),
            "registered": m.registered.map(|d| v.date(d)),
            "registered_iso": m.registered.map(|d| d.to_string()),
            "recognized": m.recognized.map(|d| v.date(d)),
            "recognized_iso": m.recognized.map(|d| d.to_string()),
            "photo_count": m.photos.len(),
        })
    }

    /// The models in gallery order: by title, then slug.
    fn sorted_models(&self) -> Vec<&'a Model> {
        let mut models: Vec<&'a Model> = self.v.content.models.iter().collect();
        models.sort_by(|a, b| crate::text::vi_cmp(&a.title, &b.title).then(a.slug.cmp(&b.slug)));
        models
    }

    /// Counts by status (and the total) of the models matching `f`, each
    /// with the link to its filter page.
    fn status_counts(&self, f: Filter, linked: bool) -> Value {
        let models = &self.v.content.models;
        let mut cells: Vec<Value> = STATUSES
            .iter()
            .enumerate()
            .map(|(i, (key, _))| {
                let g = Filter {
                    status: Some(i),
                    ..f
                };
                let n = models.iter().filter(|m| self.matches(m, g)).count();
                json!({
                    "key": key,
                    "label": self.t(&format!("model_status_{key}")),
                    "count": n,
                    "count_text": self.v.int(n as i64),
                    "href": (linked && n > 0).then(|| paths::link(&self.filter_dir(g))),
                })
            })
            .collect();
        let n = models.iter().filter(|m| self.matches(m, f)).count();
        cells.push(json!({
            "key": "total",
            "label": self.t("gallery_total"),
            "count": n,
            "count_text": self.v.int(n as i64),
            "href": (linked && n > 0).then(|| paths::link(&self.filter_dir(f))),
        }));
        json!(cells)
    }

    /// The counts of models for the home page (`None`: per district and
    /// for the province) or for district `g`; `Null` when the site has no
    /// models.
    pub(super) fn model_counts(&self, scope: Option<GroupIx>) -> Value {
        let v = self.v;
        if v.content.models.is_empty() {
            return Value::Null;
        }
        let districts = self.model_districts();
        let kinds = |f: Filter, linked: bool| -> Vec<Value> {
            KINDS
                .iter()
                .enumerate()
                .map(|(i, (key, _))| {
                    let g = Filter { kind: Some(i), ..f };
                    let n = v
                        .content
                        .models
                        .iter()
                        .filter(|m| self.matches(m, g))
                        .count();
                    json!({
                        "key": key,
                        "label": v.t(&format!("model_{key}")),
                        "count": n,
                        "count_text": v.int(n as i64),
                        "href": (linked && n > 0).then(|| paths::link(&self.filter_dir(g))),
                    })
                })
                .collect()
        };
        match scope {
            None => {
                let rows: Vec<Value> = districts
                    .iter()
                    .map(|&g| {
                        let f = Filter {
                            district: Some(g),
                            ..Filter::ANY
                        };
                        json!({"group": v.group_link(g), "cells": self.status_counts(f, true)})
                    })
                    .collect();
                json!({
                    "scope": Value::Null,
                    "rows": rows,
                    "total": self.status_counts(Filter::ANY, true),
                    "kinds": kinds(Filter::ANY, true),
                    "href": paths::link("mo-hinh/"),
                })
            }
            Some(g) => {
                // A district's own models, or those of the groups under it.
                let inside: Vec<GroupIx> = districts
                    .iter()
                    .copied()
                    .filter(|&d| d == g || is_under(v.content, d, g))
                    .collect();
                let direct = inside == [g];
                let rows: Vec<Value> = if direct {
                    Vec::new()
                } else {
                    inside
                        .iter()
                        .map(|&d| {
                            let f = Filter {
                                district: Some(d),
                                ..Filter::ANY
                            };
                            json!({"group": v.group_link(d), "cells": self.status_counts(f, true)})
                        })
                        .collect()
                };
                let total = if direct {
                    let f = Filter {
                        district: Some(g),
                        ..Filter::ANY
                    };
                    (self.status_counts(f, true), json!(kinds(f, true)))
                } else {
                    // Summed over the groups inside; no single filter page.
                    let sum = |pick: &dyn Fn(&Model) -> bool| {
                        v.content
                            .models
                            .iter()
                            .filter(|m| {
                                self.model_district(m).is_some_and(|d| inside.contains(&d))
                                    && pick(m)
                            })
                            .count()
                    };
                    let cell = |key: &str, label: &str, n: usize| json!({"key": key, "label": label, "count": n, "count_text": v.int(n as i64), "href": Value::Null});
                    let mut cells: Vec<Value> = STATUSES
                        .iter()
                        .map(|(key, _)| {
                            cell(
                                key,
                                v.t(&format!("model_status_{key}")),
                                sum(&|m| m.status == *key),
                            )
                        })
                        .collect();
                    cells.push(cell("total", v.t("gallery_total"), sum(&|_| true)));
                    let ks: Vec<Value> = KINDS
                        .iter()
                        .map(|(key, _)| {
                            cell(key, v.t(&format!("model_{key}")), sum(&|m| m.kind == *key))
                        })
                        .collect();
                    (json!(cells), json!(ks))
                };
                json!({
                    "scope": v.group_link(g),
                    "rows": rows,
                    "total": total.0,
                    "kinds": total.1,
                    "href": paths::link("mo-hinh/"),
                })
            }
        }
    }

    /// The filter bar of a list page: for each filter, "any" and each
    /// value, with the number of models it would show.
    fn filter_bar(&self, f: Filter) -> Value {
        let v = self.v;
        let count = |g: Filter| {
            v.content
                .models
                .iter()
                .filter(|m| self.matches(m, g))
                .count()
        };
        let option = |label: String, g: Filter| {
            let n = count(g);
            json!({
                "label": label,
                "count": n,
                "count_text": v.int(n as i64),
                "current": g == f,
                "href": (n > 0).then(|| paths::link(&self.filter_dir(g))),
            })
        };
        let mut kind = vec![option(
            self.t("gallery_any").into(),
            Filter { kind: None, ..f },
        )];
        kind.extend(KINDS.iter().enumerate().map(|(i, (k, _))| {
            option(
                v.t(&format!("model_{k}")).into(),
                Filter { kind: Some(i), ..f },
            )
        }));
        let mut status = vec![option(
            self.t("gallery_any").into(),
            Filter { status: None, ..f },
        )];
        status.extend(STATUSES.iter().enumerate().map(|(i, (s, _))| {
            option(
                v.t(&format!("model_status_{s}")).into(),
                Filter {
                    status: Some(i),
                    ..f
                },
            )
        }));
        let mut district = vec![option(
            self.t("gallery_any").into(),
            Filter {
                district: None,
                ..f
            },
        )];
        district.extend(self.model_districts().into_iter().map(|g| {
            let gr = &v.content.groups[g];
            option(
                titled(&gr.kind, &gr.name),
                Filter {
                    district: Some(g),
                    ..f
                },
            )
        }));
        json!([
            {"id": "loai", "label": self.t("gallery_filter_kind"), "options": kind},
            {"id": "trang-thai", "label": self.t("gallery_filter_status"), "options": status},
            {"id": "huyen", "label": self.t("gallery_filter_district"), "options": district},
        ])
    }

    /// The gallery: the index, a page per filter combination that has
    /// models, and a page per model.
    pub(super) fn models(&mut self) {
        let v = self.v;
        if v.content.models.is_empty() {
            return;
        }
        let models = self.sorted_models();
        // Cards, made once (their cover files published once).
        let mut cards: Vec<(usize, Value)> = Vec::new();
        for (i, m) in models.iter().enumerate() {
            let mut item = self.model_item(m);
            let (cover, alt) = self.cover_picture(m, CARD_SIZES);
            item["cover"] = cover;
            item["cover_alt"] = json!(alt);
            cards.push((i, item));
        }
        // Every filter combination with at least one model.
        let districts = self.model_districts();
        let mut filters: BTreeSet<Filter> = BTreeSet::new();
        for m in &models {
            for k in [None, kind_ix(m)] {
                for s in [None, status_ix(m)] {
                    for d in [
                        None,
                        self.model_district(m).filter(|g| districts.contains(g)),
                    ] {
                        filters.insert(Filter {
                            kind: k,
                            status: s,
                            district: d,
                        });
                    }
                }
            }
        }
        filters.insert(Filter::ANY);
        let gallery_title = self.t("nav_models").to_string();
        for f in filters {
            let list: Vec<Value> = models
                .iter()
                .zip(&cards)
                .filter(|(m, _)| self.matches(m, f))
                .map(|(_, (_, c))| c.clone())
                .collect();
            let mut parts = Vec::new();
            if let Some(k) = f.kind {
                parts.push(v.t(&format!("model_{}", KINDS[k].0)).to_string());
            }
            if let Some(s) = f.status {
                parts.push(v.t(&format!("model_status_{}", STATUSES[s].0)).to_string());
            }
            if let Some(g) = f.district {
                let gr = &v.content.groups[g];
                parts.push(titled(&gr.kind, &gr.name));
            }
            let (title, crumbs) = if parts.is_empty() {
                (gallery_title.clone(), vec![])
            } else {
                (
                    format!("{gallery_title}: {}", parts.join(" · ")),
                    vec![crumb(
                        gallery_title.clone(),
                        Some("mo-hinh/index.html".into()),
                    )],
                )
            };
            let vars = json!({
                "models": list,
                "count_text": v.int(list.len() as i64),
                "filters": self.filter_bar(f),
                "filtered": f != Filter::ANY,
                "all_href": paths::link("mo-hinh/"),
                "description": format!("{} – {}", title, v.content.site.title),
            });
            let dir = self.filter_dir(f);
            self.add(&dir, "gallery_index.html", "models", &title, crumbs, vars);
        }
        for m in models {
            self.model_page(m);
        }
    }

    fn model_page(&mut self, m: &'a Model) {
        let dir = paths::model(&m.slug);
        let stems = Self::stems(m);
        let mut photos = Vec::new();
        for ph in &m.photos {
            let Some(p) = self.processed(m, &ph.file) else {
                continue;
            };
            let mut pic = picture(p, &dir, &stems[&ph.file], PHOTO_SIZES, &mut self.published);
            pic["caption"] = json!(ph.caption);
            pic["credit"] = json!(ph.credit);
            photos.push(pic);
        }
        let body = self.markdown(&dir, &m.file, m.body_line, &m.body, ARTICLE_IDS);
        let item = self.model_item(m);
        let district = self.model_district(m);
        let back = Filter {
            kind: kind_ix(m),
            status: None,
            district,
        };
        let vars = json!({
            "model": item,
            "photos": photos,
            "body": body.html,
            "more_href": paths::link(&self.filter_dir(back)),
            "description": format!("{} – {}", m.title, self.v.t(&format!("model_{}", m.kind))),
        });
        let crumbs = vec![crumb(
            self.t("nav_models"),
            Some("mo-hinh/index.html".into()),
        )];
        self.add(
            &dir,
            "gallery_model.html",
            "models",
            &m.title.clone(),
            crumbs,
            vars,
        );
    }
}

/// Whether group `d` lies under group `g` at any depth.
fn is_under(content: &crate::model::Content, d: GroupIx, g: GroupIx) -> bool {
    let mut cur = content.groups[d].parent;
    while let Some(x) = cur {
        if x == g {
            return true;
        }
        cur = content.groups[x].parent;
    }
    false
}

#[cfg(test)]
mod tests {
    use super::stem_of;

    #[test]
    fn stems_are_plain_words() {
        assert_eq!(stem_of("01.jpg"), "01");
        assert_eq!(stem_of("anh/Vuon Cam.JPG"), "anh-vuon-cam");
        assert_eq!(stem_of("x"), "x");
    }
}

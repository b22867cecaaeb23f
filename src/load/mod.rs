//! Loading: the content folder becomes a validated [`Content`], or the full
//! list of what is wrong with it.
//!
//! Files are found by [`files::scan`], read as normalised text, parsed into
//! position-carrying YAML trees in parallel, then read part by part in
//! dependency order: site, criteria sets, the commune tree, snapshots,
//! targets, then the Markdown documents. Every problem of every file is
//! collected; nothing stops at the first.

pub mod cache;
pub mod communes;
pub mod criteria;
pub mod docs;
pub mod files;
pub mod mergers;
pub mod progress;
pub mod refs;
pub mod site;
pub mod targets;

use crate::date::Date;
use crate::diag::{Diagnostics, Pos};
use crate::fields::Cx;
use crate::model::{BulletinText, Content, Document, Model};
use crate::tr;
use crate::yaml::{self, Node};
pub use cache::Cache;
use rayon::prelude::*;
use std::collections::BTreeSet;
use std::path::Path;
use std::sync::Arc;

/// Choices that change what is loaded.
#[derive(Clone, Copy, Debug, Default)]
pub struct LoadOptions {
    /// Keep documents marked `draft: true`.
    pub drafts: bool,
}

/// Reads and parses YAML files in parallel, keeping their order.
fn parse_files(
    root: &Path,
    rels: &[String],
    cache: Option<&Cache>,
) -> Vec<(String, Option<Arc<Node>>, Diagnostics)> {
    rels.par_iter()
        .map(|rel| {
            let mut d = Diagnostics::new();
            let parse = |d: &mut Diagnostics| {
                files::read_source(root, rel, d)
                    .and_then(|(t, map)| yaml::parse_mapped(&t, &map, rel, d))
            };
            let node = match cache {
                Some(c) => c.yaml(root, rel, &mut d, parse),
                None => parse(&mut d).map(Arc::new),
            };
            (rel.clone(), node, d)
        })
        .collect()
}

/// Reads a text file (a narrative, a bulletin's text), through the cache if any.
fn read_text(
    root: &Path,
    rel: &str,
    cache: Option<&Cache>,
    diags: &mut Diagnostics,
) -> Option<String> {
    let read = |d: &mut Diagnostics| files::read_text(root, rel, d);
    match cache {
        Some(c) => c.text(root, rel, diags, read),
        None => read(diags),
    }
}

/// Runs `read` over parsed files in parallel; results in file order.
fn read_all<T: Send>(
    parsed: &[(String, Option<Arc<Node>>, Diagnostics)],
    diags: &mut Diagnostics,
    read: impl Fn(&str, &Arc<Node>, &mut Cx) -> Option<T> + Sync,
) -> Vec<T> {
    let results: Vec<(Option<T>, Diagnostics)> = parsed
        .par_iter()
        .map(|(rel, node, _)| {
            let mut d = Diagnostics::new();
            let v = node.as_ref().and_then(|n| {
                let mut cx = Cx {
                    file: rel,
                    diags: &mut d,
                };
                read(rel, n, &mut cx)
            });
            (v, d)
        })
        .collect();
    let mut out = Vec::with_capacity(results.len());
    for (v, d) in results {
        diags.extend(d);
        out.extend(v);
    }
    out
}

fn stem(rel: &str) -> &str {
    let name = rel.rsplit('/').next().unwrap_or(rel);
    name.rsplit_once('.').map(|(s, _)| s).unwrap_or(name)
}

/// Loads the content folder at `root`. Returns the content when it has no
/// error, and every diagnostic (errors and warnings) found.
pub fn load(root: &Path, opts: LoadOptions) -> (Option<Content>, Diagnostics) {
    load_cached(root, opts, None)
}

/// [`load`], keeping each file's parsed form in `cache` between calls (see
/// [`cache`]); the result is the same as without it.
pub fn load_cached(
    root: &Path,
    opts: LoadOptions,
    cache: Option<&Cache>,
) -> (Option<Content>, Diagnostics) {
    let mut diags = Diagnostics::new();
    let files = files::scan(root, &mut diags);
    let root = match root.canonicalize() {
        Ok(r) => r,
        Err(_) => return (None, diags),
    };
    let root = root.as_path();
    if let Some(c) = cache {
        c.retain(&files.sources());
    }

    // Parse every YAML file up front, in parallel.
    let site_files: Vec<String> = files.site.iter().cloned().collect();
    let parsed_site = parse_files(root, &site_files, cache);
    let parsed_sets = parse_files(root, &files.criteria, cache);
    let parsed_groups = parse_files(root, &files.group_indexes, cache);
    let parsed_communes = parse_files(root, &files.communes, cache);
    let parsed_progress = parse_files(root, &files.progress, cache);
    let parsed_targets = parse_files(root, &files.targets, cache);
    for list in [
        &parsed_site,
        &parsed_sets,
        &parsed_groups,
        &parsed_communes,
        &parsed_progress,
        &parsed_targets,
    ] {
        for (_, _, d) in list.iter() {
            diags.extend(Diagnostics::from_sorted(d.sorted()));
        }
    }

    // site.yaml
    if files.site.is_none() {
        diags.error(
            "site.yaml",
            Pos::NONE,
            tr!(
                "thiếu tệp site.yaml; thư mục nội dung cần có tệp này với title (tên trang), organization (cơ quan) và base_url (địa chỉ web)",
                "site.yaml is missing; the content folder needs one with title, organization and base_url"
            ),
        );
    }
    let site = read_all(&parsed_site, &mut diags, |_, n, cx| site::read(n, cx)).pop();
    let words = read_words(root, &files.theme, site.as_ref(), cache, &mut diags);

    // Criteria sets, by id.
    let mut sets = read_all(&parsed_sets, &mut diags, |rel, n, cx| {
        criteria::read(stem(rel), n, cx)
    });
    sets.sort_by(|a, b| a.id.cmp(&b.id));
    if files.criteria.is_empty() && !files.progress.is_empty() {
        diags.error(
            "criteria",
            Pos::NONE,
            tr!(
                "thư mục criteria/ chưa có bộ tiêu chí nào; các báo cáo tuần cần có một bộ",
                "no criteria set in criteria/; snapshots need one"
            ),
        );
    }

    // The commune tree.
    let mut groups = read_all(&parsed_groups, &mut diags, |rel, n, cx| {
        communes::read_group(rel, n, cx)
    });
    groups.sort_by(|a, b| a.id.cmp(&b.id));
    let group_ids: Vec<String> = groups.iter().map(|g| g.id.clone()).collect();
    let indexed: BTreeSet<String> = files
        .group_indexes
        .iter()
        .map(|r| communes::group_id(r))
        .collect();
    for dir in &files.group_dirs {
        let id = dir.trim_start_matches("communes/");
        if !indexed.contains(id) {
            diags.error(
                dir,
                Pos::NONE,
                tr!(
                    "thư mục chưa có tệp _index.yaml; hãy thêm {dir}/_index.yaml ghi tên huyện (name: ...)",
                    "the folder has no _index.yaml; add {dir}/_index.yaml with the group's name (name: ...)"
                ),
            );
        }
    }
    for g in groups.iter_mut() {
        g.parent = communes::parent_id(&g.id)
            .and_then(|p| group_ids.binary_search_by(|x| x.as_str().cmp(p)).ok());
    }
    let mut communes_v = read_all(&parsed_communes, &mut diags, |rel, n, cx| {
        communes::read_commune(rel, n, cx)
    });
    communes_v.sort_by(|a, b| a.id.cmp(&b.id));
    for c in communes_v.iter_mut() {
        c.group = communes::parent_id(&c.id)
            .and_then(|p| group_ids.binary_search_by(|x| x.as_str().cmp(p)).ok());
    }
    mergers::link(&mut communes_v, &mut diags);
    let commune_ids: Vec<String> = communes_v.iter().map(|c| c.id.clone()).collect();
    for rel in &files.narratives {
        let id = communes::commune_id(rel);
        match commune_ids.binary_search(&id) {
            Ok(i) => {
                if let Some(t) = read_text(root, rel, cache, &mut diags) {
                    communes_v[i].narrative = Some(t);
                }
            }
            Err(_) => {
                let name = rel.rsplit('/').next().unwrap_or(rel);
                let stem = stem(rel);
                diags.error(
                    rel,
                    Pos::NONE,
                    tr!(
                        "bài giới thiệu này không có tệp xã đi kèm; hãy thêm {stem}.yaml hoặc đổi tên '{name}' theo tên tệp của một xã đã có",
                        "a narrative with no commune beside it; add {stem}.yaml or rename '{name}' after an existing commune"
                    ),
                );
            }
        }
    }

    // Snapshots, by date.
    let mut declared: Vec<String> = files
        .communes
        .iter()
        .map(|r| communes::commune_id(r))
        .collect();
    declared.sort();
    let refs = progress::Refs {
        commune_ids: &commune_ids,
        declared: &declared,
        sets: &sets,
    };
    let refs_key = refs.key();
    let mut snapshots = read_all(&parsed_progress, &mut diags, |rel, n, cx| {
        let read = |diags: &mut Diagnostics| {
            let d = Date::parse_iso(stem(rel)).ok()?;
            progress::read(rel, d, n, &refs, &mut Cx { file: rel, diags })
        };
        match cache {
            Some(c) => c.snapshot(rel, n, refs_key, cx.diags, read),
            None => read(cx.diags),
        }
    });
    snapshots.sort_by_key(|s| s.date);
    mergers::check_snapshots(&communes_v, &sets, &snapshots, &mut diags);

    // Targets, by deadline then id.
    let mut targets_v = read_all(&parsed_targets, &mut diags, |rel, n, cx| {
        targets::read(rel, stem(rel), n, &groups, cx)
    });
    targets_v.sort_by(|a, b| (a.deadline, &a.id).cmp(&(b.deadline, &b.id)));
    if let Some(first) = snapshots.first().map(|s| s.date) {
        for t in &targets_v {
            if t.deadline < first {
                let deadline = t.deadline;
                diags.warning(
                    &t.file,
                    t.deadline_pos,
                    tr!(
                        "hạn chót {deadline} trước báo cáo tuần đầu tiên ({first}); mục tiêu sẽ được tính như thể chưa biết số liệu của xã nào",
                        "deadline {deadline} is before the first snapshot ({first}); the target is evaluated with every commune unknown"
                    ),
                );
            }
        }
    }

    // Markdown documents.
    let assets: BTreeSet<String> = files.assets.iter().cloned().collect();
    let models = read_docs(
        root,
        &files.models,
        cache,
        &mut diags,
        |rel, n, body, cx| docs::read_model(rel, n, body, &commune_ids, &assets, cx),
    );
    let news_all = read_docs(root, &files.news, cache, &mut diags, |rel, n, body, cx| {
        docs::read_document(rel, n, body, true, &commune_ids, &assets, cx)
    });
    let pages_all = read_docs(root, &files.pages, cache, &mut diags, |rel, n, body, cx| {
        docs::read_document(rel, n, body, false, &commune_ids, &assets, cx)
    });
    let keep = |d: &Document| opts.drafts || !d.draft;
    let mut news: Vec<Document> = news_all.into_iter().filter(keep).collect();
    news.sort_by(|a, b| (b.date, &a.slug).cmp(&(a.date, &b.slug)));
    let mut pages: Vec<Document> = pages_all.into_iter().filter(keep).collect();
    pages.sort_by(|a, b| a.slug.cmp(&b.slug));
    check_unique_slugs(&news, &mut diags);
    let mut models: Vec<Model> = models;
    models.sort_by(|a, b| a.slug.cmp(&b.slug));

    let snapshot_dates: BTreeSet<Date> = snapshots.iter().map(|s| s.date).collect();
    let mut bulletins = Vec::new();
    for rel in &files.bulletins {
        let Ok(d) = Date::parse_iso(stem(rel)) else {
            continue;
        };
        if !snapshot_dates.contains(&d) && files.progress.iter().all(|p| stem(p) != stem(rel)) {
            diags.error(
                rel,
                Pos::NONE,
                tr!(
                    "không có báo cáo tuần ngày {d} cho bài bản tin này; hãy thêm progress/{d}.yaml hoặc đổi tên tệp",
                    "there is no snapshot dated {d} for this bulletin text; add progress/{d}.yaml or rename the file"
                ),
            );
            continue;
        }
        if let Some(body) = read_text(root, rel, cache, &mut diags) {
            bulletins.push(BulletinText {
                date: d,
                body,
                file: rel.clone(),
            });
        }
    }

    let named = named_in_snapshots(&parsed_progress);
    let mut named_communes = named.0;
    for m in &models {
        named_communes.insert(communes_v[m.commune].id.clone());
    }
    for d in news.iter().chain(pages.iter()) {
        for &c in &d.communes {
            named_communes.insert(communes_v[c].id.clone());
        }
    }
    let group_names: std::collections::BTreeMap<&str, &str> = groups
        .iter()
        .map(|g| (g.id.as_str(), g.name.as_str()))
        .collect();
    let named_list: Vec<crate::hints::Named> = communes_v
        .iter()
        .map(|c| crate::hints::Named {
            id: &c.id,
            name: &c.name,
            group_name: communes::parent_id(&c.id)
                .and_then(|p| group_names.get(p).copied())
                .unwrap_or(""),
        })
        .collect();
    let set_ids: Vec<&str> = sets.iter().map(|s| s.id.as_str()).collect();
    let diags = refs::explain(
        diags,
        &refs::Known {
            communes: &named_list,
            sets: &set_ids,
            named_communes: &named_communes,
            named_sets: &named.1,
        },
    );
    drop(named_list);
    if diags.has_errors() {
        return (None, diags);
    }
    let Some(site) = site else {
        return (None, diags);
    };
    let content = Content {
        site,
        sets,
        groups,
        communes: communes_v,
        snapshots,
        targets: targets_v,
        models,
        news,
        pages,
        bulletins,
        static_files: files.statics,
        theme_files: files.theme,
        words,
    };
    (Some(content), diags)
}

/// The site's own words: each `theme/i18n/<lang>.yaml` is read and checked
/// (a key the theme lacks is a warning, a value not text an error); the one
/// of the site's language is kept. A file of another name there is a warning.
fn read_words(
    root: &Path,
    theme: &[String],
    site: Option<&crate::model::Site>,
    cache: Option<&Cache>,
    diags: &mut Diagnostics,
) -> std::collections::BTreeMap<String, String> {
    let mut words = std::collections::BTreeMap::new();
    let lang = site.map(|s| crate::diag::Lang::from_code(&s.language));
    let rels: Vec<String> = theme
        .iter()
        .filter(|rel| rel.starts_with("theme/i18n/"))
        .filter(|rel| {
            let name = &rel["theme/i18n/".len()..];
            let ok = matches!(name, "vi.yaml" | "en.yaml");
            if !ok {
                diags.warning(
                    rel,
                    Pos::NONE,
                    tr!(
                        "thư mục theme/i18n/ chỉ chứa vi.yaml (chữ tiếng Việt) và en.yaml (chữ tiếng Anh), nên tệp này bị bỏ qua; hãy đổi tên cho đúng",
                        "theme/i18n/ holds vi.yaml (Vietnamese words) and en.yaml (English words) only, so this file is ignored; rename it"
                    ),
                );
            }
            ok
        })
        .cloned()
        .collect();
    for (rel, node, d) in parse_files(root, &rels, cache) {
        diags.extend(Diagnostics::from_sorted(d.sorted()));
        let Some(node) = node else { continue };
        let read = crate::render::i18n::read_overrides(&node, &rel, diags);
        let of_site = lang.map(|l| rel == format!("theme/i18n/{}.yaml", l.code()));
        if of_site == Some(true) {
            words = read;
        }
    }
    words
}

/// The commune ids and set ids the snapshots name (known or not).
fn named_in_snapshots(
    parsed: &[(String, Option<Arc<Node>>, Diagnostics)],
) -> (BTreeSet<String>, BTreeSet<String>) {
    use crate::yaml::Kind;
    let (mut communes, mut sets) = (BTreeSet::new(), BTreeSet::new());
    for (_, node, _) in parsed {
        let Some(Kind::Map(entries)) = node.as_ref().map(|n| &n.kind) else {
            continue;
        };
        for (k, v) in entries {
            match (k.text.as_str(), &v.kind) {
                ("communes", Kind::Map(items)) => {
                    communes.extend(items.iter().map(|(c, _)| c.text.clone()));
                }
                ("criteria_set", Kind::Scalar { text, .. }) => {
                    sets.insert(text.trim().to_string());
                }
                _ => {}
            }
        }
    }
    (communes, sets)
}

fn read_docs<T: Send>(
    root: &Path,
    rels: &[String],
    cache: Option<&Cache>,
    diags: &mut Diagnostics,
    read: impl Fn(&str, &Node, docs::Body, &mut Cx) -> Option<T> + Sync,
) -> Vec<T> {
    let results: Vec<(Option<T>, Diagnostics)> = rels
        .par_iter()
        .map(|rel| {
            let mut d = Diagnostics::new();
            let parse = |d: &mut Diagnostics| {
                files::read_source(root, rel, d)
                    .and_then(|(t, map)| docs::front_matter(&t, &map, rel, d))
            };
            let parsed = match cache {
                Some(c) => c.doc(root, rel, &mut d, parse),
                None => parse(&mut d),
            };
            let v = parsed.and_then(|(node, body)| {
                let mut cx = Cx {
                    file: rel,
                    diags: &mut d,
                };
                read(rel, &node, body, &mut cx)
            });
            (v, d)
        })
        .collect();
    let mut out = Vec::new();
    for (v, d) in results {
        diags.extend(d);
        out.extend(v);
    }
    out
}

fn check_unique_slugs(docs: &[Document], diags: &mut Diagnostics) {
    let mut seen: std::collections::BTreeMap<&str, &str> = Default::default();
    let mut sorted: Vec<&Document> = docs.iter().collect();
    sorted.sort_by(|a, b| a.file.cmp(&b.file));
    for d in sorted {
        if let Some(first) = seen.insert(&d.slug, &d.file) {
            let slug = &d.slug;
            diags.error(
                &d.file,
                Pos::NONE,
                tr!(
                    "tên tin bài '{slug}' bị dùng hai lần (lần đầu ở {first}); hãy đổi tên một tệp",
                    "news slug '{slug}' is used twice (first by {first}); rename one"
                ),
            );
        }
    }
}

//! The site's search index: every commune (by name, former names, code and
//! district), district, criterion, model, story, page and bulletin, as one
//! small script file `assets/search-index.js` that sets a global. A script
//! file, not JSON, because a browser refuses `fetch` of a file from a page
//! opened with `file://` but runs a `<script>` from beside it; the page's
//! `assets/search.js` adds it only when the reader uses the search box.
//!
//! Each entry is `[kind, title, context, link, keys]`: `link` relative to
//! the site's root, `keys` the searchable words folded to lowercase ASCII
//! ([`crate::text::fold`], the same folding the script applies to what is
//! typed), so "ky thu", "KỲ THƯ" and "Kỳ Thư" typed in NFD all meet.

use super::views::{Views, paths, titled};
use crate::text::fold;
use serde_json::{Value, json};

/// Where the index is written, relative to the root.
pub const INDEX: &str = "assets/search-index.js";

/// Folded words, `a-z0-9` only, one space apart.
fn keys(parts: &[&str]) -> String {
    let mut out = String::new();
    for p in parts {
        for w in fold(p).split(|c: char| !c.is_ascii_alphanumeric()) {
            if !w.is_empty() {
                if !out.is_empty() {
                    out.push(' ');
                }
                out.push_str(w);
            }
        }
    }
    out
}

/// The index as a script.
pub fn index(v: &Views) -> Vec<u8> {
    let c = v.content;
    let mut items: Vec<Value> = Vec::new();
    let group_name = |g: Option<crate::model::GroupIx>| {
        g.map(|g| titled(&c.groups[g].kind, &c.groups[g].name))
            .unwrap_or_default()
    };
    for &ci in &v.commune_order {
        let cm = &c.communes[ci];
        let district = group_name(cm.group);
        let former: Vec<&str> = cm
            .merged_from
            .iter()
            .map(|&f| c.communes[f].name.as_str())
            .collect();
        let title = titled(&cm.kind, &cm.name);
        let mut words = vec![title.as_str(), cm.code.as_deref().unwrap_or("")];
        words.extend(former.iter().copied());
        words.push(&district);
        let context = if former.is_empty() {
            district.clone()
        } else {
            format!("{district} · {}", former.join(", "))
        };
        items.push(json!([
            "c",
            title,
            context,
            paths::link(&paths::commune(&cm.id)),
            keys(&words)
        ]));
    }
    for g in &v.top_groups {
        push_group(v, *g, &mut items);
    }
    for s in &c.sets {
        for cr in &s.criteria {
            let title = format!("{} {}: {}", v.t("criterion"), cr.number, cr.name);
            items.push(json!([
                "k",
                title,
                s.name,
                paths::link(&paths::criterion(&s.id, cr.number)),
                keys(&[
                    &cr.name,
                    cr.name_en.as_deref().unwrap_or(""),
                    cr.group.as_deref().unwrap_or("")
                ])
            ]));
        }
    }
    for m in &c.models {
        let commune = &c.communes[m.commune];
        items.push(json!([
            "m",
            m.title,
            titled(&commune.kind, &commune.name),
            paths::link(&paths::model(&m.slug)),
            keys(&[&m.title, &commune.name, &m.kind])
        ]));
    }
    let mut news: Vec<&crate::model::Document> = c.news.iter().collect();
    news.sort_by(|a, b| b.date.cmp(&a.date).then(a.slug.cmp(&b.slug)));
    for d in news {
        items.push(json!([
            "n",
            d.title,
            d.date.map(|x| v.date(x)).unwrap_or_default(),
            paths::link(&paths::article(&d.slug)),
            keys(&[&d.title, &d.tags.join(" ")])
        ]));
    }
    for d in &c.pages {
        items.push(json!([
            "p",
            d.title,
            "",
            paths::link(&paths::free_page(&d.slug)),
            keys(&[&d.title])
        ]));
    }
    for s in c.snapshots.iter().rev() {
        let date = v.date(s.date);
        items.push(json!([
            "b",
            format!("{} {date}", v.t("bulletin_of")),
            "",
            paths::link(&paths::bulletin(s.date)),
            keys(&[v.t("bulletin_of"), &date, &s.date.to_string()])
        ]));
    }
    let kinds = json!({
        "c": v.t("nav_communes"),
        "d": v.t("nav_districts"),
        "k": v.t("nav_criteria"),
        "m": v.t("nav_models"),
        "n": v.t("nav_news"),
        "p": v.t("nav_pages"),
        "b": v.t("nav_bulletins"),
    });
    let data = json!({"kinds": kinds, "items": items});
    format!(
        "// The search index of the site (ntm-site): [kind, title, context, link, folded words].\nwindow.NTM_SEARCH = {};\n",
        super::meta::script_json(&data)
    )
    .into_bytes()
}

fn push_group(v: &Views, g: crate::model::GroupIx, items: &mut Vec<Value>) {
    let gr = &v.content.groups[g];
    let parent = gr
        .parent
        .map(|p| titled(&v.content.groups[p].kind, &v.content.groups[p].name))
        .unwrap_or_default();
    items.push(json!([
        "d",
        titled(&gr.kind, &gr.name),
        parent,
        paths::link(&paths::group(&gr.id)),
        keys(&[&titled(&gr.kind, &gr.name)])
    ]));
    for &child in &v.child_groups[g] {
        push_group(v, child, items);
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn keys_are_folded_words() {
        assert_eq!(
            super::keys(&["Kỳ Thư", "", "Huyện Kỳ Anh", "28.561"]),
            "ky thu huyen ky anh 28 561"
        );
        assert_eq!(super::keys(&["Đức\u{0301}"]), "duc");
    }
}

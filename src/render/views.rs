//! What the templates see of the model and the report: plain JSON values
//! prepared once per build (a row per commune, figures per area), every
//! figure taken from the [`Report`] as it is and only formatted here.
//! Links in these values are relative to the site's root (`xa/ky-anh/ky-thu/index.html`);
//! a template puts `{{ root }}` in front.

use super::format::{self, Lang};
use super::i18n::Strings;
use crate::date::Date;
use crate::model::{CommuneIx, Content, GroupIx, Level};
use crate::report::Report;
use crate::report::communes;
use crate::report::groups::{self, AreaSummary};
use crate::report::timeline::{BAND_KEYS, ChangeKind, band};
use serde_json::{Value, json};
use std::cmp::Ordering;
use std::collections::BTreeMap;

/// Where each kind of page lives: folder paths ending in `/`, the page
/// itself being `index.html` inside.
pub mod paths {
    use crate::date::Date;

    pub fn commune(id: &str) -> String {
        format!("xa/{id}/")
    }
    /// The criteria grid of a commune (chart 6), an SVG file.
    pub fn commune_grid(id: &str) -> String {
        format!("bieu-do/xa/{id}-tieu-chi.svg")
    }
    pub fn group(id: &str) -> String {
        format!("huyen/{id}/")
    }
    pub fn criteria_set(set: &str) -> String {
        format!("tieu-chi/{set}/")
    }
    pub fn criterion(set: &str, n: usize) -> String {
        format!("tieu-chi/{set}/{n}/")
    }
    pub fn article(slug: &str) -> String {
        format!("tin-tuc/{slug}/")
    }
    pub fn news_page(n: usize) -> String {
        if n <= 1 {
            "tin-tuc/".into()
        } else {
            format!("tin-tuc/trang/{n}/")
        }
    }
    pub fn tag(slug: &str) -> String {
        format!("chu-de/{slug}/")
    }
    pub fn bulletin(d: Date) -> String {
        format!("ban-tin/{d}/")
    }
    pub fn model(slug: &str) -> String {
        format!("mo-hinh/{slug}/")
    }
    /// Folders the site's own sections use; a free page with one of these
    /// slugs goes under `trang/` instead of the root.
    pub const RESERVED: &[&str] = &[
        "xa",
        "huyen",
        "tieu-chi",
        "tin-tuc",
        "chu-de",
        "ban-tin",
        "mo-hinh",
        "muc-tieu",
        "du-lieu",
        "assets",
        "data",
        "trang",
        "nam",
        "don-vi-do-dau",
        "can-bo",
    ];
    pub fn free_page(slug: &str) -> String {
        if RESERVED.contains(&slug) {
            format!("trang/{slug}/")
        } else {
            format!("{slug}/")
        }
    }
    /// The link to a folder page, relative to the root.
    pub fn link(dir: &str) -> String {
        format!("{dir}index.html")
    }
}

/// Everything prepared once for all pages.
pub struct Views<'a> {
    pub content: &'a Content,
    pub report: &'a Report,
    pub lang: Lang,
    pub s: &'a Strings<'a>,
    pub latest: Option<Date>,
    /// One row per commune (indexed like `content.communes`).
    pub communes: Vec<Value>,
    /// One summary per group (indexed like `content.groups`).
    pub groups: Vec<Value>,
    /// Communes in Vietnamese order of their names (then ids).
    pub commune_order: Vec<CommuneIx>,
    /// Children groups of each group, and the top groups, in name order.
    pub child_groups: Vec<Vec<GroupIx>>,
    pub top_groups: Vec<GroupIx>,
    /// Indices into `report.sweep.changes` per commune, in date order.
    pub changes_of: Vec<Vec<usize>>,
}

/// The name of a commune or group with its kind in front: `Xã Kỳ Thư`.
pub fn titled(kind: &str, name: &str) -> String {
    let starts_with_kind = name
        .to_lowercase()
        .starts_with(&format!("{} ", kind.to_lowercase()));
    if kind.is_empty() || starts_with_kind {
        name.to_string()
    } else {
        format!("{} {name}", format::capitalise(kind))
    }
}

impl<'a> Views<'a> {
    pub fn new(content: &'a Content, report: &'a Report, lang: Lang, s: &'a Strings<'a>) -> Self {
        let latest = report.latest_date();
        let mut commune_order: Vec<CommuneIx> = (0..content.communes.len()).collect();
        // The same order as `name_cmp`, each name's key computed once.
        commune_order.sort_by_cached_key(|&c| {
            let c = &content.communes[c];
            (crate::text::collation_key(&c.name), c.id.clone())
        });
        let mut child_groups = vec![Vec::new(); content.groups.len()];
        let mut top_groups = Vec::new();
        for (g, group) in content.groups.iter().enumerate() {
            match group.parent {
                Some(p) => child_groups[p].push(g),
                None => top_groups.push(g),
            }
        }
        let by_name = |a: &GroupIx, b: &GroupIx| {
            let (ga, gb) = (&content.groups[*a], &content.groups[*b]);
            name_cmp(&ga.name, &ga.id, &gb.name, &gb.id)
        };
        top_groups.sort_by(by_name);
        for c in &mut child_groups {
            c.sort_by(by_name);
        }
        let mut changes_of = vec![Vec::new(); content.communes.len()];
        for (i, ch) in report.sweep.changes.iter().enumerate() {
            changes_of[ch.commune].push(i);
        }
        let mut v = Views {
            content,
            report,
            lang,
            s,
            latest,
            communes: Vec::new(),
            groups: Vec::new(),
            commune_order,
            child_groups,
            top_groups,
            changes_of,
        };
        v.communes = (0..content.communes.len())
            .map(|c| v.commune_row(c))
            .collect();
        v.groups = (0..content.groups.len()).map(|g| v.group_row(g)).collect();
        // v1.2: a former district's figures are those of its last day.
        let mut history: BTreeMap<Date, groups::AreaSummaries> = BTreeMap::new();
        for g in 0..content.groups.len() {
            if let Some(end) = groups::ended(content, g) {
                let last = end.pred();
                let areas = history
                    .entry(last)
                    .or_insert_with(|| groups::on(content, &report.sweep.timeline, Some(last)));
                let rec = v.recognized_among(v.communes_in(g).into_iter());
                v.groups[g]["figures"] = v.figures(&areas.groups[g], rec);
                v.groups[g]["ended"] = json!(v.date(last));
            }
        }
        v
    }

    pub fn int(&self, n: impl Into<i64>) -> String {
        format::int(self.lang, n.into())
    }
    pub fn date(&self, d: Date) -> String {
        format::date(self.lang, d)
    }
    pub fn t(&self, key: &str) -> &'a str {
        self.s.get(key)
    }

    pub fn band_label(&self, key: &str) -> &'a str {
        self.t(match key {
            "standard" => "band_standard",
            "15+" => "band_15",
            "10-14" => "band_10",
            "5-9" => "band_5",
            _ => "band_0",
        })
    }

    pub fn level_label(&self, level: Level) -> &'a str {
        self.t(match level {
            Level::Standard => "level_standard",
            Level::Advanced => "level_advanced",
            Level::Model => "level_model",
        })
    }

    /// A link to a commune: `{title, name, href}`.
    pub fn commune_link(&self, c: CommuneIx) -> Value {
        let cm = &self.content.communes[c];
        json!({
            "name": cm.name,
            "title": titled(&cm.kind, &cm.name),
            "href": paths::link(&paths::commune(&cm.id)),
        })
    }

    /// (v1.2) The date, as the pages write it, of the report that a
    /// commune's state on `on` comes from, when that state is stale.
    pub fn stale_on(&self, c: CommuneIx, on: Option<Date>) -> Option<String> {
        on.and_then(|d| communes::stale_since(self.content, &self.report.sweep.timeline, c, d))
            .map(|d| self.date(d))
    }

    /// A link to a commune whose state on `on` is shown beside it:
    /// `{title, name, href, stale}`, `stale` as in [`Self::stale_on`].
    pub fn commune_link_on(&self, c: CommuneIx, on: Option<Date>) -> Value {
        let mut l = self.commune_link(c);
        l["stale"] = json!(self.stale_on(c, on));
        l
    }

    /// A link to a group: `{title, name, href}`.
    pub fn group_link(&self, g: GroupIx) -> Value {
        let gr = &self.content.groups[g];
        json!({
            "name": gr.name,
            "title": titled(&gr.kind, &gr.name),
            "href": paths::link(&paths::group(&gr.id)),
        })
    }

    /// The row of a commune in every table: its latest state, band, target
    /// year, recognition and last report.
    fn commune_row(&self, c: CommuneIx) -> Value {
        let cm = &self.content.communes[c];
        let state = self.report.sweep.timeline.latest(c);
        let rec = cm.latest_recognition();
        let group = cm.group.map(|g| self.group_link(g));
        let (met, total, band_key, standard) = match state {
            Some(s) => {
                let n = self.content.sets[s.set].len();
                let b = BAND_KEYS[band(s.count(), n)];
                (Some(s.count()), Some(n), Some(b), s.count() as usize >= n)
            }
            None => (None, None, None, false),
        };
        json!({
            "id": cm.id,
            "name": cm.name,
            "title": titled(&cm.kind, &cm.name),
            "kind": cm.kind,
            "href": paths::link(&paths::commune(&cm.id)),
            "group": group,
            "known": state.is_some(),
            "met": met,
            "total": total,
            "band": band_key,
            "band_label": band_key.map(|k| self.band_label(k)),
            "band_class": band_key.map(band_class),
            "standard": standard,
            "set": state.map(|s| self.content.sets[s.set].id.clone()),
            "target_year": cm.target_year,
            "recognized": rec.map(|r| json!({
                "level": r.level.as_str(),
                "label": self.level_label(r.level),
                "date": self.date(r.date),
                "date_iso": r.date.to_string(),
                "decision": r.decision,
            })),
            "last_reported": state.map(|s| self.date(s.date)),
            "last_reported_iso": state.map(|s| s.date.to_string()),
            "grid": state.map(|_| paths::commune_grid(&cm.id)),
            "class": cm.class,
            // v1.2: the date of the report a stale state comes from, on the latest date.
            "stale": self.stale_on(c, self.latest),
            // v1.2: a former commune: when and into which commune it merged.
            "former": communes::merged(self.content, c).map(|(d, n)| json!({
                "date": self.date(d),
                "last_day": self.date(d.pred()),
                "into": self.commune_link(n),
            })),
        })
    }

    /// The headline figures of an area.
    pub fn figures(&self, a: &AreaSummary, recognized: u32) -> Value {
        let l = &a.levels;
        let bands: Vec<Value> = BAND_KEYS
            .iter()
            .enumerate()
            .map(|(i, k)| {
                json!({
                    "key": k,
                    "class": band_class(k),
                    "label": self.band_label(k),
                    "count": l.bands[i],
                    "count_text": self.int(l.bands[i]),
                    "percent": format::percent(u64::from(l.bands[i]), u64::from(l.known)),
                })
            })
            .collect();
        let indicators: Vec<Value> = crate::model::INDICATOR_KEYS
            .iter()
            .enumerate()
            .filter(|(i, _)| a.indicators_reported[*i] > 0)
            .map(|(i, k)| {
                json!({
                    "key": k,
                    "label": self.t(&format!("ind_{k}")),
                    "value": a.indicators[i],
                    "value_text": self.int(a.indicators[i] as i64),
                    "reported": a.indicators_reported[i],
                    "reported_text": self.int(a.indicators_reported[i]),
                })
            })
            .collect();
        json!({
            "communes": a.communes,
            "communes_text": self.int(a.communes),
            "known": l.known,
            "known_text": self.int(l.known),
            "unknown": a.communes - l.known,
            "standard": l.meets_standard,
            "standard_text": self.int(l.meets_standard),
            "standard_percent": format::percent(u64::from(l.meets_standard), u64::from(l.known)),
            "average": l.average_met().map(|d| format::dec2(self.lang, d)),
            "recognized": recognized,
            "recognized_text": self.int(recognized),
            "bands": bands,
            "target_year": self.latest.map(|d| d.year()),
            "target_communes": a.target_communes,
            "target_communes_text": self.int(a.target_communes),
            "target_standard": a.target_standard,
            "target_standard_text": self.int(a.target_standard),
            "indicators": indicators,
            // v1.2: communes whose state is stale on the date (none shown for v1.1 content).
            "stale": l.stale,
            "stale_text": self.int(l.stale),
            "stale_days": self.content.uses_v12().then(|| self.content.site.stale_days()),
        })
    }

    /// Communes with a recognition, among `communes`.
    pub fn recognized_among(&self, communes: impl Iterator<Item = CommuneIx>) -> u32 {
        communes
            .filter(|&c| !self.content.communes[c].recognitions.is_empty())
            .count() as u32
    }

    /// The communes under group `g` at any depth, in name order.
    pub fn communes_in(&self, g: GroupIx) -> Vec<CommuneIx> {
        self.commune_order
            .iter()
            .copied()
            .filter(|&c| self.content.commune_in_group(c, g))
            .collect()
    }

    fn group_row(&self, g: GroupIx) -> Value {
        let gr = &self.content.groups[g];
        let rec = self.recognized_among(self.communes_in(g).into_iter());
        let depth = {
            let mut d = 0;
            let mut cur = gr.parent;
            while let Some(p) = cur {
                d += 1;
                cur = self.content.groups[p].parent;
            }
            d
        };
        json!({
            "id": gr.id,
            "name": gr.name,
            "title": titled(&gr.kind, &gr.name),
            "kind": gr.kind,
            "href": paths::link(&paths::group(&gr.id)),
            "depth": depth,
            "figures": self.figures(&self.report.latest.groups[g], rec),
            // v1.2: set for a former district (every commune of it merged away): its last day.
            "ended": Value::Null,
        })
    }

    /// Groups of today in tree order (each followed by its children), from
    /// `tops`; former districts (v1.2) are left to [`Views::former_tree`].
    pub fn group_tree(&self, tops: &[GroupIx]) -> Vec<Value> {
        self.tree(tops, false)
    }

    /// (v1.2) The former districts among `tops` and under them, in tree
    /// order: history, listed apart from the groups of today.
    pub fn former_tree(&self, tops: &[GroupIx]) -> Vec<Value> {
        self.tree(tops, true)
    }

    fn tree(&self, tops: &[GroupIx], former: bool) -> Vec<Value> {
        let mut out = Vec::new();
        let mut stack: Vec<GroupIx> = tops.iter().rev().copied().collect();
        while let Some(g) = stack.pop() {
            if self.groups[g]["ended"].is_null() != former {
                out.push(self.groups[g].clone());
            }
            stack.extend(self.child_groups[g].iter().rev().copied());
        }
        out
    }

    /// A criterion list `1, 5, 8` with the names in a title: `[{number, name, href}]`.
    pub fn criteria_list(&self, set: usize, numbers: &[usize]) -> Vec<Value> {
        let st = &self.content.sets[set];
        numbers
            .iter()
            .filter_map(|&k| st.criteria.get(k - 1))
            .map(|cr| {
                json!({
                    "number": cr.number,
                    "name": cr.name,
                    "href": paths::link(&paths::criterion(&st.id, cr.number)),
                })
            })
            .collect()
    }

    /// One change for the history and bulletin tables.
    pub fn change(&self, i: usize, with_commune: bool) -> Value {
        let ch = &self.report.sweep.changes[i];
        let snap = &self.content.snapshots[ch.snapshot];
        let (kind, from_set) = match ch.kind {
            ChangeKind::Baseline => ("baseline", None),
            ChangeKind::Rebased { from_set } => ("rebased", Some(from_set)),
            ChangeKind::Compared { .. } => ("compared", None),
        };
        json!({
            "date": self.date(snap.date),
            "date_iso": snap.date.to_string(),
            "bulletin": paths::link(&paths::bulletin(snap.date)),
            "kind": kind,
            "set": crate::charts::set_label(self.content, snap.set),
            "from_set": from_set.map(|s| crate::charts::set_label(self.content, s)),
            "gained": self.criteria_list(snap.set, &ch.gained().numbers()),
            "lost": self.criteria_list(snap.set, &ch.lost().numbers()),
            "met_before": ch.met_before,
            "met_after": ch.met_after,
            "total": self.content.sets[snap.set].len(),
            "commune": if with_commune { self.communes[ch.commune].clone() } else { Value::Null },
        })
    }

    /// Whether a change is worth a line: a baseline, a re-basing, a gain or a loss.
    pub fn notable(&self, i: usize) -> bool {
        let ch = &self.report.sweep.changes[i];
        !matches!(ch.kind, ChangeKind::Compared { .. })
            || ch.gained().count() > 0
            || ch.lost().count() > 0
    }
}

/// Vietnamese order of names, ties broken by id.
pub fn name_cmp(a_name: &str, a_id: &str, b_name: &str, b_id: &str) -> Ordering {
    crate::text::vi_cmp(a_name, b_name).then_with(|| a_id.cmp(b_id))
}

/// The CSS class suffix of a band: `standard`, `15`, `10`, `5`, `0`.
pub fn band_class(key: &str) -> &'static str {
    match key {
        "standard" => "standard",
        "15+" => "15",
        "10-14" => "10",
        "5-9" => "5",
        _ => "0",
    }
}

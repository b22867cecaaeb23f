//! The province's own targets, the year review, sponsors and officers: the
//! pages leaders and the press read for figures they quote, every figure
//! taken from the report ([`crate::report::targets`], [`crate::report::years`],
//! [`crate::report::people`], [`crate::report::groups`]) and every sentence
//! from [`crate::render::prose`].
//!
//! - `muc-tieu/`: every target with its source, deadline, status, shortfall
//!   and who is behind it, by name and linked; `muc-tieu/<id>/`: one target,
//!   with a table of the communes (or districts) behind it on the date it is
//!   judged and its shortfall at each year's end;
//! - `nam/`: the year review, a row per year; `nam/<year>/`: the year's
//!   report in sentences, the communes that reached the standard, the
//!   targets due, a table per district and the bands at the year's end;
//!   printable on A4 (a PDF beside it when the build prints the year);
//! - `don-vi-do-dau/` and `don-vi-do-dau/<slug>/`: the sponsoring agencies
//!   and the progress of their communes ("X/Y xã do … đỡ đầu đã đạt chuẩn");
//! - `can-bo/`: officers in charge and seconded officers with their
//!   communes, and the sentences the press quotes, with their data date;
//! - for other pages: the open targets of the home page, the targets of a
//!   district's page, and the press sentences of the home page.

use super::{Builder, crumb};
use crate::date::Date;
use crate::model::{CommuneIx, GroupIx, Measure, Target};
use crate::pdf::PrintJob;
use crate::render::format::{self, Lang};
use crate::render::prose;
use crate::render::views::{name_cmp, paths};
use crate::report::people::{self, Sponsor};
use crate::report::targets::{Behind, Status, TargetResult, shortfall_on};
use crate::report::years::{YearReview, meets_standard_on, review_year};
use crate::report::{groups, timeline::State};
use serde_json::{Value, json};
use std::collections::BTreeMap;

/// The folder of a target's page.
pub fn target_dir(id: &str) -> String {
    format!("muc-tieu/{id}/")
}

/// The folder of a year's review.
pub fn year_dir(year: i32) -> String {
    format!("nam/{year}/")
}

/// The PDF of a year's review (printed when the build asks for it).
pub fn year_pdf(year: i32) -> String {
    format!("nam/{year}/tong-ket-nam-{year}.pdf")
}

/// The folder of a sponsoring agency's page.
pub fn sponsor_dir(slug: &str) -> String {
    format!("don-vi-do-dau/{slug}/")
}

/// The folder of the sponsors' index.
pub const SPONSORS_DIR: &str = "don-vi-do-dau/";
/// The folder of the officers' page.
pub const OFFICERS_DIR: &str = "can-bo/";
/// The folder of the year review's index.
pub const YEARS_DIR: &str = "nam/";

/// A string as a CSS string literal, for the running header and footer of
/// the print (`<`, `>`, `&`, quotes and backslashes escaped, so that no text
/// can close the `<style>` element).
fn css_string(s: &str) -> String {
    let mut out = String::from("\"");
    for c in s.chars() {
        match c {
            '"' | '\\' | '<' | '>' | '&' | '\'' => out.push_str(&format!("\\{:x} ", c as u32)),
            c if c.is_control() => out.push(' '),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// A sponsor's slug as a folder name (never empty).
fn sponsor_slug(s: &Sponsor) -> String {
    if s.slug.is_empty() || s.slug.starts_with('-') {
        format!("don-vi{}", s.slug)
    } else {
        s.slug.clone()
    }
}

/// The folder of each sponsoring agency's page, by [`people::sponsor_key`]
/// of its name (a commune's page links its sponsors with it).
pub(super) fn sponsor_dirs(
    content: &crate::model::Content,
    report: &crate::report::Report,
) -> BTreeMap<String, String> {
    people::sponsors(content, &report.sweep.timeline, None)
        .iter()
        .map(|s| (people::sponsor_key(&s.name), sponsor_dir(&sponsor_slug(s))))
        .collect()
}

/// The words for the groups a per-group target counts: the kind they share
/// (`huyện`), or `huyện` at the top of the tree and `đơn vị` below it.
fn group_unit(
    content: &crate::model::Content,
    scope: Option<GroupIx>,
) -> (String, &'static str, &'static str) {
    let kinds: Vec<String> = content
        .groups
        .iter()
        .filter(|g| g.parent == scope)
        .map(|g| g.kind.to_lowercase())
        .collect();
    let shared = kinds
        .first()
        .filter(|k| kinds.iter().all(|x| x == *k))
        .cloned();
    let vi = match (shared, scope) {
        (Some(k), _) if !k.is_empty() => k,
        (_, None) => "huyện".to_string(),
        _ => "đơn vị".to_string(),
    };
    let (en, en_pl) = match crate::text::fold(&vi).as_str() {
        "huyen" => ("district", "districts"),
        "thi xa" => ("town", "towns"),
        "thanh pho" => ("city", "cities"),
        "tinh" => ("province", "provinces"),
        _ if scope.is_none() => ("district", "districts"),
        _ => ("area", "areas"),
    };
    (vi, en, en_pl)
}

impl<'v, 'a> Builder<'v, 'a> {
    fn lang(&self) -> Lang {
        self.v.lang
    }

    /// The state of commune `c` on `date` (none without a date).
    fn state_on(&self, c: CommuneIx, date: Option<Date>) -> Option<&'a State> {
        date.and_then(|d| self.v.report.sweep.timeline.state_on(c, d))
    }

    /// Each commune's place in the Vietnamese order of names.
    fn name_rank(&self) -> Vec<usize> {
        let mut rank = vec![0; self.v.content.communes.len()];
        for (i, &c) in self.v.commune_order.iter().enumerate() {
            rank[c] = i;
        }
        rank
    }

    /// `12/19`, or `–` when the commune is unknown on the date.
    fn met_text(&self, c: CommuneIx, date: Option<Date>) -> (String, i64) {
        match self.state_on(c, date) {
            Some(s) => (
                format!("{}/{}", s.count(), self.v.content.sets[s.set].len()),
                i64::from(s.count()),
            ),
            None => ("–".into(), -1),
        }
    }

    /// A link to a group under its short name (`TX. Kỳ Anh`), for table cells.
    fn short_group(&self, g: GroupIx) -> Value {
        let mut l = self.v.group_link(g);
        l["name"] = json!(crate::charts::figures::area_name(self.v.content, g));
        l
    }

    // ------------------------------------------------------------------
    // Targets

    /// One target as the lists show it: its facts, its result as a
    /// sentence, and who is behind it (by name, linked).
    fn target_value(&self, t: &Target, r: &TargetResult) -> Value {
        let v = self.v;
        let behind: Vec<Value> = match &r.behind {
            Behind::Communes(cs) => {
                let mut cs = cs.clone();
                let rank = self.name_rank();
                cs.sort_by_key(|&c| rank[c]);
                cs.iter().map(|&c| v.commune_link(c)).collect()
            }
            Behind::Groups(gs) => {
                let mut gs = gs.clone();
                gs.sort_by(|&a, &b| {
                    let (ga, gb) = (&v.content.groups[a], &v.content.groups[b]);
                    name_cmp(&ga.name, &ga.id, &gb.name, &gb.id)
                });
                gs.iter().map(|&g| v.group_link(g)).collect()
            }
        };
        let status = r.status.as_str();
        let (u_vi, u_en, u_en_pl) = group_unit(v.content, t.scope);
        let sentence = prose::target_result(
            v.lang,
            r.status,
            t.measure,
            t.value,
            r.shortfall,
            t.deadline,
            r.evaluated_on,
            (&u_vi, u_en, u_en_pl),
        );
        let behind_label = match (v.lang, t.measure) {
            (Lang::Vi, Measure::MinMet) => {
                format!("Các xã dưới {} tiêu chí", t.value.unwrap_or(0))
            }
            (Lang::Vi, Measure::StandardPerGroup) => format!("Các {u_vi} chưa đạt"),
            (Lang::Vi, Measure::TargetYearDone) => {
                format!("Các xã đăng ký năm {} chưa đạt chuẩn", t.deadline.year())
            }
            (Lang::Vi, Measure::StandardCount) => "Các xã chưa đạt chuẩn".to_string(),
            (Lang::En, Measure::MinMet) => {
                format!("Communes below {} criteria", t.value.unwrap_or(0))
            }
            (Lang::En, Measure::StandardPerGroup) => {
                format!("{} behind", format::capitalise(u_en_pl))
            }
            (Lang::En, Measure::TargetYearDone) => format!(
                "Communes registered for {} not at the standard",
                t.deadline.year()
            ),
            (Lang::En, Measure::StandardCount) => "Communes not at the standard".to_string(),
        };
        json!({
            "id": t.id,
            "title": t.title,
            "source": t.source,
            "behind_label": behind_label,
            "deadline": v.date(t.deadline),
            "deadline_iso": t.deadline.to_string(),
            "scope": t.scope.map(|g| v.group_link(g)),
            "measure": t.measure.as_str(),
            "measure_label": v.t(&format!("measure_{}", t.measure.as_str())),
            "value": t.value,
            "status": status,
            "status_label": v.t(&format!("status_{status}")),
            "evaluated_on": r.evaluated_on.map(|d| v.date(d)),
            "evaluated_on_iso": r.evaluated_on.map(|d| d.to_string()),
            "shortfall": r.shortfall,
            "shortfall_text": v.int(r.shortfall as i64),
            "shortfall_groups": matches!(t.measure, Measure::StandardPerGroup),
            "unit": u_vi,
            "sentence": sentence,
            "behind": behind,
            "open": r.status == Status::Open,
            "href": paths::link(&target_dir(&t.id)),
        })
    }

    /// Every target, by deadline, then id (the order of `data/targets.csv`).
    pub(super) fn target_rows(&self) -> Vec<Value> {
        let v = self.v;
        v.report
            .targets
            .iter()
            .map(|r| self.target_value(&v.content.targets[r.target], r))
            .collect()
    }

    /// The targets open on the latest date, for the home page.
    pub(super) fn open_targets(&self) -> Vec<Value> {
        self.target_rows()
            .into_iter()
            .filter(|t| t["open"] == json!(true))
            .collect()
    }

    /// The targets scoped to group `g` or to a group under it, for its page.
    pub(super) fn group_targets(&self, g: GroupIx) -> Vec<Value> {
        let v = self.v;
        let under = |s: GroupIx| v.content.group_within(s, g);
        v.report
            .targets
            .iter()
            .filter(|r| v.content.targets[r.target].scope.is_some_and(under))
            .map(|r| self.target_value(&v.content.targets[r.target], r))
            .collect()
    }

    /// The targets page and a page per target.
    pub(super) fn targets(&mut self) {
        let v = self.v;
        let rows = self.target_rows();
        let counts = |s: &str| rows.iter().filter(|r| r["status"] == json!(s)).count();
        let vars = json!({
            "targets": rows,
            "achieved": counts("achieved"),
            "missed": counts("missed"),
            "open_count": counts("open"),
            "years_href": paths::link(YEARS_DIR),
        });
        let title = self.t("targets_title").to_string();
        self.add("muc-tieu/", "targets.html", "targets", &title, vec![], vars);
        for r in &v.report.targets {
            self.target(r);
        }
    }

    /// One target's page.
    fn target(&mut self, r: &'a TargetResult) {
        let v = self.v;
        let t = &v.content.targets[r.target];
        let on = r.evaluated_on;
        let item = self.target_value(t, r);
        // Who is behind, with their figures on the date it is judged.
        let (communes, groups) = match &r.behind {
            Behind::Communes(cs) => (self.behind_communes(t, cs, on), Vec::new()),
            Behind::Groups(_) => (Vec::new(), self.scope_groups(t, r, on)),
        };
        // The shortfall at each year's end before the date it is judged, then on that date.
        let mut history = Vec::new();
        if let (Some(first), Some(on)) = (v.content.snapshots.first(), on) {
            for y in first.date.year()..on.year() {
                let d = Date::end_of_year(y);
                let (s, _) = shortfall_on(v.content, &v.report.sweep.timeline, t, Some(d));
                history.push(
                    json!({"date": v.date(d), "shortfall": v.int(s as i64), "judged": false}),
                );
            }
            history.push(
                json!({"date": v.date(on), "shortfall": v.int(r.shortfall as i64), "judged": true}),
            );
        }
        let vars = json!({
            "target": item,
            "behind_communes": communes,
            "scope_groups": groups,
            "history": history,
            "description": item["sentence"],
        });
        let crumbs = vec![crumb(
            self.t("targets_title"),
            Some(paths::link("muc-tieu/")),
        )];
        self.add(
            &target_dir(&t.id),
            "target.html",
            "targets",
            &t.title.clone(),
            crumbs,
            vars,
        );
    }

    /// The communes behind a target, closest to the goal first: their
    /// criteria met on the date it is judged and what they still lack.
    fn behind_communes(&self, t: &Target, cs: &[CommuneIx], on: Option<Date>) -> Vec<Value> {
        let v = self.v;
        let rank = self.name_rank();
        let mut rows: Vec<(i64, usize, Value)> = cs
            .iter()
            .map(|&c| {
                let s = self.state_on(c, on);
                let goal = match t.measure {
                    Measure::MinMet => t.value.unwrap_or(0) as i64,
                    _ => s.map(|s| v.content.sets[s.set].len() as i64).unwrap_or(0),
                };
                let left = s.map(|s| (goal - i64::from(s.count())).max(0));
                let (met, met_sort) = self.met_text(c, on);
                let pos = rank[c];
                let row = json!({
                    "commune": v.commune_link(c),
                    "group": v.content.communes[c].group.map(|g| self.short_group(g)),
                    "met": met,
                    "met_sort": met_sort,
                    "stale": v.stale_on(c, on),
                    "left": left.map(|l| v.int(l)),
                    "left_sort": left.unwrap_or(i64::MAX / 2),
                    "target_year": v.content.communes[c].target_year,
                });
                (left.unwrap_or(i64::MAX), pos, row)
            })
            .collect();
        rows.sort_by_key(|(left, pos, _)| (*left, *pos));
        rows.into_iter().map(|(_, _, r)| r).collect()
    }

    /// Every group directly under a per-group target's scope, with its
    /// communes at the standard on the date it is judged.
    fn scope_groups(&self, t: &Target, r: &TargetResult, on: Option<Date>) -> Vec<Value> {
        let v = self.v;
        let behind = match &r.behind {
            Behind::Groups(gs) => gs.clone(),
            Behind::Communes(_) => Vec::new(),
        };
        let mut gs: Vec<GroupIx> = (0..v.content.groups.len())
            .filter(|&g| v.content.groups[g].parent == t.scope)
            .collect();
        gs.sort_by(|&a, &b| {
            let (ga, gb) = (&v.content.groups[a], &v.content.groups[b]);
            name_cmp(&ga.name, &ga.id, &gb.name, &gb.id)
        });
        gs.into_iter()
            .map(|g| {
                let communes = v.communes_in(g);
                let meeting = communes
                    .iter()
                    .filter(|&&c| {
                        on.is_some_and(|d| {
                            meets_standard_on(v.content, &v.report.sweep.timeline, c, d)
                        })
                    })
                    .count();
                json!({
                    "group": v.group_link(g),
                    "communes": v.int(communes.len() as i64),
                    "meeting": v.int(meeting as i64),
                    "behind": behind.contains(&g),
                })
            })
            .collect()
    }

    // ------------------------------------------------------------------
    // The year review

    /// The year review's rows, oldest first (the order of `data/years.csv`).
    pub(super) fn year_rows(&self) -> Vec<Value> {
        let v = self.v;
        v.report
            .years
            .iter()
            .map(|y| {
                json!({
                    "year": y.year,
                    "end": v.date(y.end),
                    "end_iso": y.end.to_string(),
                    "known": v.int(y.known),
                    "standard": v.int(y.meets_standard),
                    "newly": v.int(y.newly.len() as i64),
                    "compared": v.int(y.compared),
                    "average_gain": y.average_gain.map(|d| format::dec2(v.lang, d)),
                    "min_met": y.min_met,
                    "summary": self.year_summary(y),
                    "href": paths::link(&year_dir(y.year)),
                })
            })
            .collect()
    }

    /// The year's headline sentence. The average gain is left out of it
    /// when fewer than half the communes known at the end could be compared
    /// (a change of criteria set in the year): the page says why.
    fn year_summary(&self, y: &YearReview) -> String {
        let average = y
            .average_gain
            .filter(|_| u64::from(y.compared) * 2 >= u64::from(y.known));
        prose::year_summary(
            self.lang(),
            y.year,
            average,
            y.meets_standard,
            y.newly.len(),
            y.min_met,
            y.at_min.len(),
        )
    }

    /// The index of the year review and a page per year.
    pub(super) fn years(&mut self) {
        let v = self.v;
        let rows = self.year_rows();
        let title = self.t("year_review").to_string();
        self.add(
            YEARS_DIR,
            "years.html",
            "years",
            &title,
            vec![],
            json!({"years": rows}),
        );
        for i in 0..v.report.years.len() {
            self.year(i);
        }
    }

    /// The review of one year.
    fn year(&mut self, i: usize) {
        let v = self.v;
        let (content, report) = (v.content, v.report);
        let tl = &report.sweep.timeline;
        let y = &report.years[i];
        let dir = year_dir(y.year);
        // The year is not over: its end is the latest date, before 31 December.
        let latest =
            v.latest.is_some_and(|l| l.year() == y.year) && y.end != Date::end_of_year(y.year);
        // Who fell back from the standard, and who could not be compared.
        let mut lost = Vec::new();
        let (mut rebased, mut new) = (0u32, 0u32);
        for c in 0..content.communes.len() {
            let Some(e) = tl.state_on(c, y.end) else {
                continue;
            };
            match tl.state_on(c, y.start) {
                None => new += 1,
                Some(s) => {
                    if s.set != e.set {
                        rebased += 1;
                    }
                    let was = s.count() as usize >= content.sets[s.set].len();
                    let is = e.count() as usize >= content.sets[e.set].len();
                    if was && !is {
                        lost.push(c);
                    }
                }
            }
        }
        debug_assert_eq!(y.known, y.compared + rebased + new);
        let lang = v.lang;
        let mut paragraphs = vec![
            prose::year_standing(lang, y.end, latest, y.known, y.meets_standard),
            prose::year_newly(lang, y.year, y.newly.len(), lost.len(), y.start, y.end),
            prose::year_gain(lang, y.start, y.compared, y.average_gain, rebased, new),
        ];
        // A criteria set that came into use in the year (not the first one).
        let first_set = content.snapshots.first().map(|s| s.set);
        for (si, set) in content.sets.iter().enumerate() {
            let first_use = content.snapshots.iter().find(|s| s.set == si);
            if let Some(f) = first_use
                && Some(si) != first_set
                && f.date > y.start
                && f.date <= y.end
            {
                let from = if set.valid_from > y.start && set.valid_from <= f.date {
                    set.valid_from
                } else {
                    f.date
                };
                paragraphs.insert(
                    2,
                    prose::year_new_set(lang, from, &set.name, set.decision.as_deref()),
                );
            }
        }
        let fewest = prose::year_fewest(lang, y.min_met, y.at_min.len());
        let sponsored = y
            .newly
            .iter()
            .filter(|&&c| !content.communes[c].sponsors.is_empty())
            .count();
        let seconded = y
            .newly
            .iter()
            .filter(|&&c| content.communes[c].officers.iter().any(|o| o.is_seconded()))
            .count();
        paragraphs.extend(prose::year_people(
            lang,
            y.year,
            y.newly.len(),
            sponsored,
            seconded,
        ));
        // The communes that reached the standard, in name order.
        let rank = self.name_rank();
        let in_order = |list: &[CommuneIx]| -> Vec<CommuneIx> {
            let mut l = list.to_vec();
            l.sort_by_key(|&c| rank[c]);
            l
        };
        let newly: Vec<Value> = in_order(&y.newly)
            .into_iter()
            .map(|c| {
                let cm = &content.communes[c];
                let (before, before_sort) = self.met_text(c, Some(y.start));
                let (after, _) = self.met_text(c, Some(y.end));
                let reached = tl.states[c]
                    .iter()
                    .filter(|s| s.date > y.start && s.date <= y.end)
                    .rfind(|s| {
                        let at = s.count() as usize >= content.sets[s.set].len();
                        at && tl
                            .state_on(c, s.date.pred())
                            .is_none_or(|p| (p.count() as usize) < content.sets[p.set].len())
                    })
                    .map(|s| s.date);
                let rec = cm
                    .recognitions
                    .iter()
                    .filter(|r| r.level == crate::model::Level::Standard)
                    .max_by_key(|r| r.date);
                json!({
                    "commune": v.commune_link(c),
                    "group": cm.group.map(|g| self.short_group(g)),
                    "before": before,
                    "before_sort": before_sort,
                    "after": after,
                    "stale": v.stale_on(c, Some(y.end)),
                    "reached": reached.map(|d| v.date(d)),
                    "reached_iso": reached.map(|d| d.to_string()),
                    "recognition": rec.map(|r| json!({"date": v.date(r.date), "decision": r.decision})),
                    "sponsored": !cm.sponsors.is_empty(),
                    "seconded": cm.officers.iter().any(|o| o.is_seconded()),
                })
            })
            .collect();
        // Linked with their state's staleness at the year's end (v1.2).
        let lost: Vec<Value> = in_order(&lost)
            .into_iter()
            .map(|c| v.commune_link_on(c, Some(y.end)))
            .collect();
        let at_min: Vec<Value> = in_order(&y.at_min)
            .into_iter()
            .map(|c| v.commune_link_on(c, Some(y.end)))
            .collect();
        // The table per district, communes in no district, and the province.
        let latest_date = v.latest.unwrap_or(y.end);
        let row = |name: Value, r: &YearReview| {
            json!({
                "area": name,
                "known": v.int(r.known),
                "standard": v.int(r.meets_standard),
                "newly": v.int(r.newly.len() as i64),
                "compared": v.int(r.compared),
                "average_gain": r.average_gain.map(|d| format::dec2(lang, d)),
                "min_met": r.min_met,
            })
        };
        let mut districts: Vec<Value> = crate::report::years::by_district(content, tl, y.year)
            .iter()
            .map(|(g, r)| row(v.group_link(*g), r))
            .collect();
        if content.communes.iter().any(|c| c.group.is_none()) {
            let r = review_year(content, tl, y.year, latest_date, |c| {
                content.communes[c].group.is_none()
            });
            districts.push(row(json!({"title": self.t("no_district")}), &r));
        }
        let total = row(json!({"title": self.t("whole_province")}), y);
        // The targets due in the year.
        let targets: Vec<Value> = report
            .targets
            .iter()
            .filter(|r| content.targets[r.target].deadline.year() == y.year)
            .map(|r| self.target_value(&content.targets[r.target], r))
            .collect();
        let bands = self.chart_on(
            "bieu-do-phan-nhom",
            &crate::charts::bands(content, report, Some(y.end)),
            format!("bieu-do/nam/{}-phan-nhom.svg", y.year),
            Some(y.end),
        );
        let pdf = self.pdf.years.contains(&y.year).then(|| {
            let job = PrintJob {
                html: format!("{dir}index.html"),
                pdf: year_pdf(y.year),
            };
            self.print_jobs.push(job);
            year_pdf(y.year)
        });
        let prev = i
            .checked_sub(1)
            .map(|p| json!({"year": report.years[p].year, "href": paths::link(&year_dir(report.years[p].year))}));
        let next = report
            .years
            .get(i + 1)
            .map(|n| json!({"year": n.year, "href": paths::link(&year_dir(n.year))}));
        let summary = self.year_summary(y);
        let vars = json!({
            "year": y.year,
            "end": v.date(y.end),
            "end_iso": y.end.to_string(),
            "start": v.date(y.start),
            "latest": latest,
            "summary": summary,
            "paragraphs": paragraphs,
            "newly": newly,
            "lost": lost,
            "at_min": at_min,
            "fewest": fewest,
            "min_met": y.min_met,
            "districts": districts,
            "total": total,
            "targets": targets,
            "figure_bands": bands,
            "pdf": pdf,
            "prev": prev,
            "next": next,
            "description": summary,
            "print_header": css_string(&format!("{} {} – {}", self.t("year_review_of"), y.year, content.site.organization)),
            "print_footer": css_string(&format!("{}: {}, {} {}", self.t("source"), content.site.organization, self.t("data_of"), v.date(y.end))),
        });
        let crumbs = vec![crumb(self.t("year_review"), Some(paths::link(YEARS_DIR)))];
        let title = format!("{} {}", self.t("year_review_of"), y.year);
        self.add(&dir, "year.html", "years", &title, crumbs, vars);
    }

    // ------------------------------------------------------------------
    // Sponsors and officers

    /// A commune's sponsors as links to their pages: `{name, href}`.
    pub(super) fn sponsor_links(&self, c: CommuneIx) -> Vec<Value> {
        self.v.content.communes[c]
            .sponsors
            .iter()
            .map(|name| {
                let href = self
                    .sponsor_dirs
                    .get(&people::sponsor_key(name))
                    .map(|d| paths::link(d));
                json!({"name": name, "href": href})
            })
            .collect()
    }

    /// The sponsoring agencies on the latest date.
    fn sponsor_list(&self) -> Vec<Sponsor> {
        let v = self.v;
        people::sponsors(v.content, &v.report.sweep.timeline, v.latest)
    }

    /// The sentences the press quotes, each with its data date: sponsored
    /// and seconded communes at the standard.
    pub(super) fn press_figures(&self) -> Vec<Value> {
        let v = self.v;
        let (content, tl) = (v.content, &v.report.sweep.timeline);
        let lang = v.lang;
        let at = |c: CommuneIx| {
            v.latest
                .is_some_and(|d| meets_standard_on(content, tl, c, d))
        };
        let share_text = |s: &people::Share, who: (&str, &str)| {
            prose::share_at_standard(
                lang,
                s.meeting.len(),
                s.communes.len(),
                s.former.len(),
                who,
                v.latest,
            )
        };
        let mut out = Vec::new();
        let sponsored: Vec<CommuneIx> = (0..content.communes.len())
            .filter(|&c| !content.communes[c].sponsors.is_empty())
            .collect();
        if !sponsored.is_empty() {
            let share = people::share(content, tl, &sponsored, v.latest);
            out.push(json!({
                "key": "sponsored",
                "text": share_text(&share, ("có đơn vị đỡ đầu", "with a sponsor")),
                "href": paths::link(SPONSORS_DIR),
            }));
            let standard: Vec<CommuneIx> = (0..content.communes.len()).filter(|&c| at(c)).collect();
            let with = standard
                .iter()
                .filter(|&&c| !content.communes[c].sponsors.is_empty())
                .count();
            out.push(json!({
                "key": "standard_sponsored",
                "text": prose::standard_with(lang, with, standard.len(), "có đơn vị đỡ đầu", "had a sponsor", v.latest),
                "href": paths::link(SPONSORS_DIR),
            }));
        }
        let sec = people::seconded(content, tl, v.latest);
        if !sec.communes.is_empty() {
            out.push(json!({
                "key": "seconded",
                "text": share_text(&sec, ("có cán bộ biệt phái", "with seconded officers")),
                "href": paths::link(OFFICERS_DIR),
            }));
        }
        let in_charge: Vec<CommuneIx> = (0..content.communes.len())
            .filter(|&c| {
                content.communes[c]
                    .officers
                    .iter()
                    .any(|o| !o.is_seconded())
            })
            .collect();
        if !in_charge.is_empty() {
            let share = people::share(content, tl, &in_charge, v.latest);
            out.push(json!({
                "key": "in_charge",
                "text": share_text(&share, ("có cán bộ phụ trách", "with an officer in charge")),
                "href": paths::link(OFFICERS_DIR),
            }));
        }
        out
    }

    /// The sponsors' index and a page per agency.
    pub(super) fn sponsors(&mut self) {
        let v = self.v;
        let list = self.sponsor_list();
        if list.is_empty() {
            return;
        }
        let rows: Vec<Value> = list
            .iter()
            .map(|s| {
                json!({
                    "name": s.name,
                    "href": paths::link(&sponsor_dir(&sponsor_slug(s))),
                    "communes": s.communes.len(),
                    "communes_text": v.int(s.communes.len() as i64),
                    "meeting": s.meeting.len(),
                    "meeting_text": v.int(s.meeting.len() as i64),
                    // Of the communes that still exist (v1.2); none left: no share.
                    "percent": (s.counted() > 0).then(|| format::percent(s.meeting.len() as u64, s.counted() as u64)),
                })
            })
            .collect();
        let press: Vec<Value> = self
            .press_figures()
            .into_iter()
            .filter(|p| p["href"] == json!(paths::link(SPONSORS_DIR)))
            .collect();
        let title = self.t("sponsors_title").to_string();
        self.add(
            SPONSORS_DIR,
            "sponsors.html",
            "people",
            &title,
            vec![],
            json!({"sponsors": rows, "press": press, "has_officers": self.has_officers()}),
        );
        for s in &list {
            self.sponsor(s);
        }
    }

    /// One agency's page: its communes and their progress.
    fn sponsor(&mut self, s: &Sponsor) {
        let v = self.v;
        let mut cs = s.communes.clone();
        let rank = self.name_rank();
        cs.sort_by_key(|&c| rank[c]);
        let communes: Vec<Value> = cs.iter().map(|&c| v.communes[c].clone()).collect();
        let (who_vi, who_en) = (
            format!("do {} đỡ đầu", s.name),
            format!("sponsored by {}", s.name),
        );
        let sentence = prose::share_at_standard(
            v.lang,
            s.meeting.len(),
            s.communes.len(),
            s.former.len(),
            (&who_vi, &who_en),
            v.latest,
        );
        // Their progress together: the aggregates of these communes on the
        // latest date (those merged away by then have none).
        let mut area = groups::AreaSummary::default();
        let year = v.latest.map(|d| d.year());
        for &c in cs.iter().filter(|c| !s.former.contains(c)) {
            area.communes += 1;
            let target = year.is_some() && v.content.communes[c].target_year == year;
            if target {
                area.target_communes += 1;
            }
            if let Some(st) = self.state_on(c, v.latest) {
                let n = v.content.sets[st.set].len();
                area.levels.add(st.count(), n);
                if target && st.count() as usize >= n {
                    area.target_standard += 1;
                }
            }
        }
        let figures = v.figures(&area, v.recognized_among(cs.iter().copied()));
        let vars = json!({
            "sponsor": {"name": s.name, "communes": s.communes.len(), "meeting": s.meeting.len()},
            "sentence": sentence,
            "communes": communes,
            "show_group_column": true,
            "figures": figures,
            "description": sentence,
        });
        let crumbs = vec![crumb(
            self.t("sponsors_title"),
            Some(paths::link(SPONSORS_DIR)),
        )];
        let dir = sponsor_dir(&sponsor_slug(s));
        self.add(
            &dir,
            "sponsor.html",
            "people",
            &s.name.clone(),
            crumbs,
            vars,
        );
    }

    /// Whether any commune has an officer (the officers' page exists).
    fn has_officers(&self) -> bool {
        self.v
            .content
            .communes
            .iter()
            .any(|c| !c.officers.is_empty())
    }

    /// The officers' page: seconded officers and officers in charge, each
    /// with the commune they serve and its progress.
    pub(super) fn officers(&mut self) {
        let v = self.v;
        let content = v.content;
        if !self.has_officers() {
            return;
        }
        let mut seconded = Vec::new();
        let mut in_charge = Vec::new();
        // Seconded officers by the year they were sent: officers, communes, communes at the standard now.
        let mut rounds: BTreeMap<Option<i32>, (u32, Vec<CommuneIx>)> = BTreeMap::new();
        for &c in &v.commune_order {
            let cm = &content.communes[c];
            for o in &cm.officers {
                let (met, met_sort) = self.met_text(c, v.latest);
                let standard = v
                    .latest
                    .is_some_and(|d| meets_standard_on(content, &v.report.sweep.timeline, c, d));
                // The role, unless it only says what the table's heading says.
                let generic = o.role.as_deref().is_none_or(|r| {
                    matches!(
                        crate::text::fold(r).as_str(),
                        "can bo biet phai" | "can bo phu trach" | "biet phai" | "phu trach"
                    )
                });
                let row = json!({
                    "name": o.name,
                    "role": if generic { None } else { o.role.clone() },
                    "agency": o.agency,
                    "from": o.from.map(|d| v.date(d)),
                    "from_iso": o.from.map(|d| d.to_string()),
                    "until": o.until.map(|d| v.date(d)),
                    "commune": v.commune_link(c),
                    "group": cm.group.map(|g| self.short_group(g)),
                    "met": met,
                    "met_sort": met_sort,
                    "stale": v.stale_on(c, v.latest),
                    "standard": standard,
                });
                if o.is_seconded() {
                    seconded.push(row);
                    let e = rounds.entry(o.from.map(|d| d.year())).or_default();
                    e.0 += 1;
                    if !e.1.contains(&c) {
                        e.1.push(c);
                    }
                } else {
                    in_charge.push(row);
                }
            }
        }
        let rounds: Vec<Value> = rounds
            .into_iter()
            .map(|(year, (officers, cs))| {
                // Communes merged away by the latest date are counted apart (v1.2).
                let share = people::share(content, &v.report.sweep.timeline, &cs, v.latest);
                json!({
                    "year": year,
                    "officers": v.int(officers),
                    "communes": v.int(cs.len() as i64),
                    "meeting": (share.counted() > 0).then(|| v.int(share.meeting.len() as i64)),
                    "former": (!share.former.is_empty()).then(|| v.int(share.former.len() as i64)),
                })
            })
            .collect();
        let press: Vec<Value> = self
            .press_figures()
            .into_iter()
            .filter(|p| p["href"] == json!(paths::link(OFFICERS_DIR)))
            .collect();
        let title = self.t("officers_title").to_string();
        self.add(
            OFFICERS_DIR,
            "officers.html",
            "people",
            &title,
            vec![],
            json!({
                "seconded": seconded,
                "in_charge": in_charge,
                "rounds": rounds,
                "press": press,
                "has_sponsors": v.content.communes.iter().any(|c| !c.sponsors.is_empty()),
            }),
        );
    }
}

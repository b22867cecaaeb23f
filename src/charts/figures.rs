//! The figures each chart shows, prepared from the computed report as plain
//! data (no drawing here), so that they can be tested on their own and so
//! that the SVG and its data table always show the same numbers.

use crate::date::Date;
use crate::model::{CommuneIx, Content, GroupIx, Level, SetIx, Snapshot};
use crate::render::i18n::Strings;
use crate::report::Report;
use crate::report::decimal::Dec2;
use crate::report::groups;
use crate::report::timeline::Levels;
use crate::text::vi_cmp;

/// One snapshot date of the province's progress.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ProgressPoint {
    pub date: Date,
    /// The criteria set the snapshot uses.
    pub set: SetIx,
    pub known: u32,
    pub meets_standard: u32,
    pub average_met: Option<Dec2>,
}

/// Where the criteria set changed between two snapshots.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SetChange {
    /// The new set's `valid_from` (the official date of the change) when it
    /// falls within the data (from the first snapshot to the later of the
    /// two); the later snapshot's date otherwise.
    pub date: Date,
    pub from: SetIx,
    pub to: SetIx,
}

/// The province's progress across every snapshot date.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Progress {
    pub points: Vec<ProgressPoint>,
    pub set_changes: Vec<SetChange>,
    /// (v1.2) The dates communes were merged into new ones (the new
    /// communes' `established`), within the data, oldest first.
    pub mergers: Vec<Date>,
}

/// (v1.2) The dates of the mergers between `first` and `last` (both
/// inclusive): the distinct `established` dates of communes formed by one.
pub fn merger_dates(content: &Content, first: Date, last: Date) -> Vec<Date> {
    let mut d: Vec<Date> = content
        .communes
        .iter()
        .filter(|c| !c.merged_from.is_empty())
        .filter_map(|c| c.established)
        .filter(|&e| e >= first && e <= last)
        .collect();
    d.sort_unstable();
    d.dedup();
    d
}

/// Province-wide progress: one point per snapshot, from `summary.json`'s figures.
pub fn progress(content: &Content, report: &Report) -> Progress {
    let points: Vec<ProgressPoint> = report
        .sweep
        .summaries
        .iter()
        .zip(&content.snapshots)
        .map(|(s, snap)| ProgressPoint {
            date: s.date,
            set: snap.set,
            known: s.all.levels.known,
            meets_standard: s.all.levels.meets_standard,
            average_met: s.all.levels.average_met(),
        })
        .collect();
    let snaps: Vec<&Snapshot> = content.snapshots.iter().collect();
    let set_changes = set_changes(content, &snaps);
    let mergers = match (content.snapshots.first(), content.snapshots.last()) {
        (Some(a), Some(b)) => merger_dates(content, a.date, b.date),
        _ => Vec::new(),
    };
    Progress {
        points,
        set_changes,
        mergers,
    }
}

/// (v1.2) A former district's progress up to the merger that ended it
/// (`merged`, the day its last communes merged away): one point per
/// snapshot before that day, over its communes (at any depth) that still
/// existed then, with the set changes among those snapshots and the merger
/// marked. Each commune's states are read once, in date order.
pub fn group_history(content: &Content, report: &Report, g: GroupIx, merged: Date) -> Progress {
    let tl = &report.sweep.timeline;
    let members: Vec<CommuneIx> = (0..content.communes.len())
        .filter(|&c| content.commune_in_group(c, g))
        .collect();
    let mut next = vec![0usize; members.len()];
    let mut current: Vec<Option<(u32, usize)>> = vec![None; members.len()];
    let snaps: Vec<&Snapshot> = content
        .snapshots
        .iter()
        .filter(|s| s.date < merged)
        .collect();
    let mut points = Vec::with_capacity(snaps.len());
    for snap in &snaps {
        let mut levels = Levels::default();
        for (k, &c) in members.iter().enumerate() {
            let h = &tl.states[c];
            while next[k] < h.len() && h[next[k]].date <= snap.date {
                let s = &h[next[k]];
                current[k] = Some((s.count(), content.sets[s.set].len()));
                next[k] += 1;
            }
            if let Some((count, n)) = current[k]
                && !tl.ended_on(c, snap.date)
            {
                levels.add(count, n);
            }
        }
        points.push(ProgressPoint {
            date: snap.date,
            set: snap.set,
            known: levels.known,
            meets_standard: levels.meets_standard,
            average_met: levels.average_met(),
        });
    }
    Progress {
        points,
        set_changes: set_changes(content, &snaps),
        mergers: vec![merged],
    }
}

/// Where the criteria set changed between consecutive snapshots of `snaps`.
fn set_changes(content: &Content, snaps: &[&Snapshot]) -> Vec<SetChange> {
    snaps
        .windows(2)
        .filter(|w| w[0].set != w[1].set)
        .map(|w| {
            let from = content.sets[w[1].set].valid_from;
            let date = if from >= snaps[0].date && from <= w[1].date {
                from
            } else {
                w[1].date
            };
            SetChange {
                date,
                from: w[0].set,
                to: w[1].set,
            }
        })
        .collect()
}

/// The top-level groups (districts, towns, cities) in Vietnamese name order.
pub fn districts(content: &Content) -> Vec<GroupIx> {
    let mut g: Vec<GroupIx> = (0..content.groups.len())
        .filter(|&g| content.groups[g].parent.is_none())
        .collect();
    g.sort_by(|&a, &b| {
        vi_cmp(&area_name(content, a), &area_name(content, b))
            .then_with(|| content.groups[a].id.cmp(&content.groups[b].id))
    });
    g
}

/// The districts of today on `date`: a former district, every commune of
/// which had merged away by then, is history and not one of them (v1.2).
pub fn districts_on(content: &Content, date: Option<Date>) -> Vec<GroupIx> {
    let mut g = districts(content);
    if let Some(d) = date {
        g.retain(|&x| groups::ended(content, x).is_none_or(|e| e > d));
    }
    g
}

/// A district's short name for labels: the name, with `TX.` (thị xã) or
/// `TP.` (thành phố) before it, so that the town of Kỳ Anh and the district
/// of Kỳ Anh read apart.
pub fn area_name(content: &Content, g: GroupIx) -> String {
    let group = &content.groups[g];
    match crate::text::fold(&group.kind).as_str() {
        "thi xa" => format!("TX. {}", group.name),
        "thanh pho" => format!("TP. {}", group.name),
        _ => group.name.clone(),
    }
}

/// The aggregates on `date` (`None`: the latest date), reusing the report's
/// when that is the date asked for.
fn areas_on(content: &Content, report: &Report, date: Option<Date>) -> groups::AreaSummaries {
    match date {
        Some(d) if Some(d) != report.latest_date() => {
            groups::on(content, &report.sweep.timeline, Some(d))
        }
        _ => report.latest.clone(),
    }
}

/// One row of the bands chart: an area and its communes by band.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BandRow {
    /// `None` for the whole province.
    pub group: Option<GroupIx>,
    pub name: String,
    pub levels: Levels,
}

/// The bands on `date` (`None`: the latest date): the province first, then
/// each district in name order.
pub fn bands(
    content: &Content,
    report: &Report,
    date: Option<Date>,
) -> (Option<Date>, Vec<BandRow>) {
    let areas = areas_on(content, report, date);
    let mut rows = vec![BandRow {
        group: None,
        name: Strings::of(content).get("ch_province").to_string(),
        levels: areas.province.levels,
    }];
    for g in districts_on(content, areas.date) {
        rows.push(BandRow {
            group: Some(g),
            name: area_name(content, g),
            levels: areas.groups[g].levels,
        });
    }
    (areas.date, rows)
}

/// One district's standing at the latest date.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DistrictRow {
    pub group: Option<GroupIx>,
    pub name: String,
    pub communes: u32,
    pub known: u32,
    pub meets_standard: u32,
    pub average_met: Option<Dec2>,
}

impl DistrictRow {
    /// The share meeting the standard in tenths of a per cent, exactly rounded.
    pub fn share_tenths(&self) -> Option<i64> {
        super::format::ratio_scaled(
            i64::from(self.meets_standard) * 100,
            i64::from(self.known),
            1,
        )
    }
}

/// The districts at the latest date, sorted by the share meeting the
/// standard (highest first), then the average criteria met, then name;
/// districts with no commune known come last. The province row comes apart.
pub fn districts_compared(content: &Content, report: &Report) -> (DistrictRow, Vec<DistrictRow>) {
    let row = |group: Option<GroupIx>, name: String, a: &groups::AreaSummary| DistrictRow {
        group,
        name,
        communes: a.communes,
        known: a.levels.known,
        meets_standard: a.levels.meets_standard,
        average_met: a.levels.average_met(),
    };
    let province = row(
        None,
        Strings::of(content).get("ch_province").into(),
        &report.latest.province,
    );
    let mut rows: Vec<DistrictRow> = districts_on(content, report.latest_date())
        .into_iter()
        .map(|g| row(Some(g), area_name(content, g), &report.latest.groups[g]))
        .collect();
    rows.sort_by(|a, b| {
        b.share_tenths()
            .cmp(&a.share_tenths())
            .then_with(|| b.average_met.cmp(&a.average_met))
            .then_with(|| vi_cmp(&a.name, &b.name))
    });
    (province, rows)
}

/// One criterion's coverage.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CoverageRow {
    pub number: usize,
    pub name: String,
    /// Communes meeting it, of `known`.
    pub meeting: u32,
    pub known: u32,
}

impl CoverageRow {
    pub fn share_tenths(&self) -> Option<i64> {
        super::format::ratio_scaled(i64::from(self.meeting) * 100, i64::from(self.known), 1)
    }
}

/// For each criterion of `set` in number order, how many communes of the
/// scope (the province for `None`, else the group at any depth) known under
/// that set meet it, on the set's date: the latest date when the latest
/// snapshot uses the set, else the last snapshot that used it (for a set that
/// was replaced, its coverage just before the switch).
pub fn coverage(
    content: &Content,
    report: &Report,
    set: SetIx,
    scope: Option<GroupIx>,
) -> (Option<Date>, Vec<CoverageRow>) {
    let date = coverage_date(content, set);
    let n = content.sets[set].len();
    let mut known = 0u32;
    let mut meeting = vec![0u32; n];
    if let Some(d) = date {
        for c in 0..content.communes.len() {
            if scope.is_some_and(|g| !content.commune_in_group(c, g)) {
                continue;
            }
            let Some(s) = report.sweep.timeline.state_on(c, d) else {
                continue;
            };
            if s.set != set {
                continue;
            }
            known += 1;
            for k in s.met.numbers() {
                if k <= n {
                    meeting[k - 1] += 1;
                }
            }
        }
    }
    let rows = content.sets[set]
        .criteria
        .iter()
        .map(|cr| CoverageRow {
            number: cr.number,
            name: cr.name.clone(),
            meeting: meeting[cr.number - 1],
            known,
        })
        .collect();
    (date, rows)
}

/// The date a set's coverage is shown on: the latest date when the latest
/// snapshot uses it, else the last snapshot that used it, else the latest date.
pub fn coverage_date(content: &Content, set: SetIx) -> Option<Date> {
    let latest = content.snapshots.last().map(|s| s.date);
    if latest_set(content) == Some(set) {
        return latest;
    }
    content
        .snapshots
        .iter()
        .rev()
        .find(|s| s.set == set)
        .map(|s| s.date)
        .or(latest)
}

/// The set of the latest snapshot, the one whose coverage the site shows.
pub fn latest_set(content: &Content) -> Option<SetIx> {
    content.snapshots.last().map(|s| s.set)
}

/// One state of a commune.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TrackPoint {
    pub date: Date,
    pub met: u32,
    /// The number of criteria of its set.
    pub total: u32,
    pub set: SetIx,
}

/// One recognition decision.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RecognitionMark {
    pub level: Level,
    pub date: Date,
    pub decision: String,
}

/// A commune's path over time.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CommuneTrack {
    pub commune: CommuneIx,
    pub points: Vec<TrackPoint>,
    pub target_year: Option<i32>,
    /// The first snapshot date on which it met the standard.
    pub reached: Option<Date>,
    pub recognitions: Vec<RecognitionMark>,
    /// (v1.2) For a former commune: the day of its merger and the name of
    /// the commune it became part of; its track ends the day before.
    pub merged: Option<(Date, String)>,
    /// (v1.2) For a commune formed by a merger: the day it was established.
    pub formed: Option<Date>,
}

pub fn commune_track(content: &Content, report: &Report, commune: CommuneIx) -> CommuneTrack {
    let points: Vec<TrackPoint> = report.sweep.timeline.states[commune]
        .iter()
        .map(|s| TrackPoint {
            date: s.date,
            met: s.count(),
            total: content.sets[s.set].len() as u32,
            set: s.set,
        })
        .collect();
    let reached = points.iter().find(|p| p.met >= p.total).map(|p| p.date);
    let c = &content.communes[commune];
    let mut recognitions: Vec<RecognitionMark> = c
        .recognitions
        .iter()
        .map(|r| RecognitionMark {
            level: r.level,
            date: r.date,
            decision: r.decision.clone(),
        })
        .collect();
    recognitions.sort_by(|a, b| a.date.cmp(&b.date).then(a.level.cmp(&b.level)));
    let merged = content.merged_on(commune).zip(c.merged_into).map(|(d, n)| {
        let n = &content.communes[n];
        let who = [("kind", n.kind.as_str()), ("name", n.name.as_str())];
        (d, Strings::of(content).fill("ch_commune_name", &who))
    });
    let formed = c.established.filter(|_| !c.merged_from.is_empty());
    CommuneTrack {
        commune,
        points,
        target_year: c.target_year,
        reached,
        recognitions,
        merged,
        formed,
    }
}

/// A commune's criteria on a date: which it meets, of how many.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GridRow {
    pub commune: CommuneIx,
    /// `None` when the commune is unknown on the date.
    pub state: Option<(SetIx, crate::model::Met)>,
}

/// The commune's criteria on `date` (`None`: its latest state).
pub fn grid(report: &Report, commune: CommuneIx, date: Option<Date>) -> GridRow {
    let tl = &report.sweep.timeline;
    let s = match date {
        Some(d) => tl.state_on(commune, d),
        None => tl.latest(commune),
    };
    GridRow {
        commune,
        state: s.map(|s| (s.set, s.met)),
    }
}

/// One target commune on a date.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TargetRow {
    pub commune: CommuneIx,
    pub name: String,
    /// The district's name, if the commune has one.
    pub district: Option<String>,
    /// `(met, total)`; `None` when the commune is unknown on the date.
    pub met: Option<(u32, u32)>,
}

impl TargetRow {
    pub fn left(&self) -> Option<u32> {
        self.met.map(|(m, t)| t.saturating_sub(m))
    }
}

/// The communes whose `target_year` is `date`'s year, with the criteria they
/// meet and have left on `date`, sorted by criteria left (fewest first), then
/// name; unknown communes last.
pub fn target_communes(content: &Content, report: &Report, date: Date) -> Vec<TargetRow> {
    let mut rows: Vec<TargetRow> = (0..content.communes.len())
        .filter(|&c| content.communes[c].target_year == Some(date.year()))
        .map(|c| {
            let s = report.sweep.timeline.state_on(c, date);
            TargetRow {
                commune: c,
                name: content.communes[c].name.clone(),
                district: content
                    .ancestors(c)
                    .first()
                    .map(|&g| content.groups[g].name.clone()),
                met: s.map(|s| (s.count(), content.sets[s.set].len() as u32)),
            }
        })
        .collect();
    rows.sort_by(|a, b| {
        let key = |r: &TargetRow| (r.left().is_none(), r.left().unwrap_or(0));
        key(a)
            .cmp(&key(b))
            .then_with(|| b.met.map(|m| m.0).cmp(&a.met.map(|m| m.0)))
            .then_with(|| vi_cmp(&a.name, &b.name))
            .then_with(|| a.commune.cmp(&b.commune))
    });
    rows
}

/// The keys of the four indicators' names, in
/// [`crate::model::INDICATOR_KEYS`] order.
const INDICATOR_NAME_KEYS: [&str; 4] = [
    "ch_ind_models",
    "ch_ind_efficient",
    "ch_ind_enterprises",
    "ch_ind_coops",
];

/// The four indicators' names in the site's words, in
/// [`crate::model::INDICATOR_KEYS`] order.
pub fn indicator_names<'a>(s: &Strings<'a>) -> [&'a str; 4] {
    INDICATOR_NAME_KEYS.map(|k| s.get(k))
}

pub use crate::report::indicators::IndicatorPoint;

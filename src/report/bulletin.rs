//! The weekly bulletin of one snapshot date, as plain data: the headline
//! figures, the communes that changed (with the criteria by number), the
//! year's target communes with what they still miss and how long they have
//! been unchanged, the losses, the target communes that did not report, a
//! per-district table and the province's open targets on that date.

use super::targets::shortfall_on;
use super::timeline::{ChangeKind, Levels, Movement, ScopeSummary, Sweep};
use crate::date::Date;
use crate::model::{CommuneIx, Content, GroupIx, Met, SetIx};

/// Weeks without any change after which a target commune is flagged.
pub const STALLED_WEEKS: i64 = 4;

/// How far ahead a bulletin looks for the province's open targets: those
/// due within this many years of its date (a national programme period is
/// five years), so that a bulletin of 2015 does not report on the targets
/// of 2026–2030.
pub const TARGET_HORIZON_YEARS: i32 = 5;

/// A target commune's line in the bulletin.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TargetLine {
    pub commune: CommuneIx,
    /// Its state on the date (`None`: never reported).
    pub set: Option<SetIx>,
    pub met: Met,
    /// Criteria of its set it does not meet yet.
    pub missing: Met,
    pub reported: bool,
    /// Since when its criteria have not changed (its last change, or first report).
    pub unchanged_since: Option<Date>,
    /// Whole weeks since then.
    pub weeks_unchanged: i64,
}

impl TargetLine {
    pub fn stalled(&self) -> bool {
        self.weeks_unchanged >= STALLED_WEEKS && !self.missing_is_empty()
    }
    fn missing_is_empty(&self) -> bool {
        self.missing.count() == 0
    }
}

/// One top-level group's line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DistrictLine {
    pub group: GroupIx,
    pub levels: Levels,
    pub movement: Movement,
}

/// A target of the province that is still open on the date, with its shortfall then.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OpenTarget {
    pub target: usize,
    pub shortfall: u64,
}

/// Everything one bulletin shows.
#[derive(Clone, Debug)]
pub struct Bulletin {
    pub snapshot: usize,
    pub date: Date,
    pub previous: Option<usize>,
    pub next: Option<usize>,
    pub all: ScopeSummary,
    pub target: ScopeSummary,
    /// Indices into `sweep.changes` of the communes that gained or lost a
    /// criterion or (v1.2) an indicator, by district then name.
    pub changed: Vec<usize>,
    /// Communes that reached the standard at this snapshot (compared under one set).
    pub reached_standard: Vec<CommuneIx>,
    pub lost: Vec<usize>,
    pub baseline: Vec<CommuneIx>,
    pub rebased: Vec<CommuneIx>,
    /// The date's year's target communes, those with fewest criteria left first.
    pub targets: Vec<TargetLine>,
    pub targets_not_reported: Vec<CommuneIx>,
    pub districts: Vec<DistrictLine>,
    pub open_targets: Vec<OpenTarget>,
}

/// Sorts communes by the Vietnamese names of their top-level group, then their own.
fn sort_key(
    content: &Content,
    c: CommuneIx,
) -> (crate::text::CollationKey, crate::text::CollationKey, String) {
    let top = content
        .ancestors(c)
        .first()
        .map(|&g| content.groups[g].name.clone())
        .unwrap_or_default();
    (
        crate::text::collation_key(&top),
        crate::text::collation_key(&content.communes[c].name),
        content.communes[c].id.clone(),
    )
}

/// The top-level group of commune `c` (its district, or its province where
/// groups nest), without collecting every ancestor.
fn top_group(content: &Content, c: CommuneIx) -> Option<GroupIx> {
    let mut g = content.communes[c].group?;
    while let Some(p) = content.groups[g].parent {
        g = p;
    }
    Some(g)
}

/// Builds the bulletin of snapshot `si`.
pub fn bulletin(content: &Content, sweep: &Sweep, si: usize) -> Bulletin {
    let snap = &content.snapshots[si];
    let date = snap.date;
    let summary = &sweep.summaries[si];
    let range = sweep.change_ranges[si].clone();
    let mut changed: Vec<usize> = range
        .clone()
        .filter(|&i| {
            let ch = &sweep.changes[i];
            ch.gained().count()
                + ch.lost().count()
                + ch.indicators_gained.count()
                + ch.indicators_lost.count()
                > 0
        })
        .collect();
    changed.sort_by_cached_key(|&i| sort_key(content, sweep.changes[i].commune));
    let lost: Vec<usize> = changed
        .iter()
        .copied()
        .filter(|&i| sweep.changes[i].lost().count() > 0)
        .collect();
    let mut reached_standard = Vec::new();
    let mut baseline = Vec::new();
    let mut rebased = Vec::new();
    let mut listed = vec![false; content.communes.len()];
    for i in range {
        let ch = &sweep.changes[i];
        listed[ch.commune] = true;
        match ch.kind {
            ChangeKind::Baseline => baseline.push(ch.commune),
            ChangeKind::Rebased { .. } => rebased.push(ch.commune),
            ChangeKind::Compared { .. } => {
                let n = content.sets[snap.set].len() as u32;
                if ch.met_after >= n && ch.met_before < n {
                    reached_standard.push(ch.commune);
                }
            }
        }
    }
    for v in [&mut reached_standard, &mut baseline, &mut rebased] {
        v.sort_by_cached_key(|&c| sort_key(content, c));
    }

    // The year's target communes.
    let year = date.year();
    let mut targets = Vec::new();
    let mut targets_not_reported = Vec::new();
    for (c, commune) in content.communes.iter().enumerate() {
        if commune.target_year != Some(year) {
            continue;
        }
        if !listed[c] {
            targets_not_reported.push(c);
        }
        let history = &sweep.timeline.states[c];
        let upto = history.partition_point(|s| s.date <= date);
        let (set, met, since) = match upto.checked_sub(1).map(|i| (i, &history[i])) {
            None => (None, Met::default(), None),
            Some((i, s)) => {
                let mut j = i;
                while j > 0 && history[j - 1].met == s.met && history[j - 1].set == s.set {
                    j -= 1;
                }
                (Some(s.set), s.met, Some(history[j].date))
            }
        };
        let missing = match set {
            Some(s) => Met::all(content.sets[s].len()).minus(met),
            None => Met::all(content.sets[snap.set].len()),
        };
        let weeks = since
            .map(|d| (date.to_days() - d.to_days()) / 7)
            .unwrap_or(0);
        targets.push(TargetLine {
            commune: c,
            set,
            met,
            missing,
            reported: listed[c],
            unchanged_since: since,
            weeks_unchanged: weeks,
        });
    }
    targets.sort_by_cached_key(|t| (t.missing.count(), sort_key(content, t.commune)));
    targets_not_reported.sort_by_cached_key(|&c| sort_key(content, c));

    // Per top-level group.
    let mut lines: Vec<DistrictLine> = content
        .groups
        .iter()
        .enumerate()
        .filter(|(_, g)| g.parent.is_none())
        .map(|(g, _)| DistrictLine {
            group: g,
            levels: Levels::default(),
            movement: Movement::default(),
        })
        .collect();
    // The line of each commune's top-level group, found once.
    let mut line_of_group: Vec<Option<usize>> = vec![None; content.groups.len()];
    for (k, l) in lines.iter().enumerate() {
        line_of_group[l.group] = Some(k);
    }
    let line_of: Vec<Option<usize>> = (0..content.communes.len())
        .map(|c| top_group(content, c).and_then(|g| line_of_group[g]))
        .collect();
    for (c, line) in line_of.iter().enumerate() {
        let Some(k) = *line else { continue };
        if let Some(s) = sweep.timeline.state_on(c, date) {
            lines[k].levels.add(s.count(), content.sets[s.set].len());
        }
    }
    for i in sweep.change_ranges[si].clone() {
        let ch = &sweep.changes[i];
        if let Some(k) = line_of[ch.commune] {
            let n = content.sets[content.snapshots[ch.snapshot].set].len();
            lines[k].movement.record(ch, n);
        }
    }
    lines.sort_by_cached_key(|l| crate::text::collation_key(&content.groups[l.group].name));

    // Targets still open on this date, due within the horizon.
    let open_targets = content
        .targets
        .iter()
        .enumerate()
        .filter(|(_, t)| {
            t.deadline >= date && t.deadline.year() <= date.year() + TARGET_HORIZON_YEARS
        })
        .map(|(i, t)| OpenTarget {
            target: i,
            shortfall: shortfall_on(content, &sweep.timeline, t, Some(date)).0,
        })
        .collect();

    Bulletin {
        snapshot: si,
        date,
        previous: si.checked_sub(1),
        next: (si + 1 < content.snapshots.len()).then_some(si + 1),
        all: summary.all,
        target: summary.target,
        changed,
        reached_standard,
        lost,
        baseline,
        rebased,
        targets,
        targets_not_reported,
        districts: lines,
        open_targets,
    }
}

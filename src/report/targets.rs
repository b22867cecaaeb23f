//! Target evaluation: whether each of the province's own targets holds on its
//! deadline (or on the latest date while it is open), its shortfall, and who
//! is behind it.

use super::timeline::Timeline;
use super::years::meets_standard_on;
use crate::date::Date;
use crate::model::{CommuneIx, Content, GroupIx, Measure, Target};

/// Where a target stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Status {
    Achieved,
    Missed,
    Open,
}

impl Status {
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Achieved => "achieved",
            Status::Missed => "missed",
            Status::Open => "open",
        }
    }
}

/// Who is behind a shortfall.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Behind {
    Communes(Vec<CommuneIx>),
    Groups(Vec<GroupIx>),
}

/// A target's evaluation.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TargetResult {
    pub target: usize,
    pub status: Status,
    /// The date it is evaluated on; `None` without any snapshot.
    pub evaluated_on: Option<Date>,
    pub shortfall: u64,
    pub behind: Behind,
}

/// The communes in a target's scope on `on`: under the scope group (all
/// without one) and (v1.2) existing on that date.
fn in_scope(content: &Content, scope: Option<GroupIx>, on: Date) -> Vec<CommuneIx> {
    (0..content.communes.len())
        .filter(|&c| scope.is_none_or(|g| content.commune_in_group(c, g)))
        .filter(|&c| content.exists_on(c, on))
        .collect()
}

/// The shortfall of `t` on `date` (`None` date: every commune unknown, and
/// who exists is taken on the deadline).
pub fn shortfall_on(
    content: &Content,
    timeline: &Timeline,
    t: &Target,
    date: Option<Date>,
) -> (u64, Behind) {
    let on = date.unwrap_or(t.deadline);
    let state = |c: CommuneIx| date.and_then(|d| timeline.state_on(c, d));
    let standard = |c: CommuneIx| date.is_some_and(|d| meets_standard_on(content, timeline, c, d));
    let k = t.value.unwrap_or(0);
    match t.measure {
        Measure::MinMet => {
            let below: Vec<CommuneIx> = in_scope(content, t.scope, on)
                .into_iter()
                .filter(|&c| state(c).is_some_and(|s| u64::from(s.count()) < k))
                .collect();
            (below.len() as u64, Behind::Communes(below))
        }
        Measure::StandardCount => {
            let scope = in_scope(content, t.scope, on);
            let n = scope.iter().filter(|&&c| standard(c)).count() as u64;
            let short: Vec<CommuneIx> = if n < k {
                scope.into_iter().filter(|&c| !standard(c)).collect()
            } else {
                Vec::new()
            };
            (k.saturating_sub(n), Behind::Communes(short))
        }
        Measure::StandardPerGroup => {
            let mut counts = vec![0u64; content.groups.len()];
            // v1.2: a group that holds communes none of which exists on the
            // date is history and left out; a group with no commune at all
            // still counts.
            let mut holds = vec![false; content.groups.len()];
            let mut existing = vec![false; content.groups.len()];
            for c in 0..content.communes.len() {
                let exists = content.exists_on(c, on);
                let is_standard = standard(c);
                for g in content.ancestors(c) {
                    holds[g] = true;
                    existing[g] |= exists;
                    if is_standard {
                        counts[g] += 1;
                    }
                }
            }
            let short: Vec<GroupIx> = (0..content.groups.len())
                .filter(|&g| content.groups[g].parent == t.scope && counts[g] < k)
                .filter(|&g| !holds[g] || existing[g])
                .collect();
            (short.len() as u64, Behind::Groups(short))
        }
        Measure::TargetYearDone => {
            let year = t.deadline.year();
            let short: Vec<CommuneIx> = in_scope(content, t.scope, on)
                .into_iter()
                .filter(|&c| content.communes[c].target_year == Some(year) && !standard(c))
                .collect();
            (short.len() as u64, Behind::Communes(short))
        }
    }
}

/// Evaluates every target, in the content's order (deadline, then id).
pub fn evaluate(content: &Content, timeline: &Timeline) -> Vec<TargetResult> {
    let latest = content.snapshots.last().map(|s| s.date);
    content
        .targets
        .iter()
        .enumerate()
        .map(|(i, t)| {
            let (evaluated_on, open) = match latest {
                None => (None, true),
                Some(l) if t.deadline <= l => (Some(t.deadline), false),
                Some(l) => (Some(l), true),
            };
            let (shortfall, behind) = shortfall_on(content, timeline, t, evaluated_on);
            let status = if open {
                Status::Open
            } else if shortfall == 0 {
                Status::Achieved
            } else {
                Status::Missed
            };
            TargetResult {
                target: i,
                status,
                evaluated_on,
                shortfall,
                behind,
            }
        })
        .collect()
}

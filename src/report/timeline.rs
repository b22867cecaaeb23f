//! The one sweep over the snapshots: each commune's states in date order,
//! the change at every snapshot (gained, lost, baseline, re-based) and the
//! per-date summaries for all communes and for the year's target communes.
//!
//! Aggregates are kept up to date as each entry replaces a commune's state,
//! so the work is proportional to the number of entries, not to communes ×
//! dates: fit for 8,000 communes and hundreds of snapshots.

use super::decimal::Dec2;
use crate::date::Date;
use crate::model::{CommuneIx, Content, Indicators, Met, SetIx};
use std::collections::BTreeMap;

/// A commune's state: what its latest entry on or before some date says.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct State {
    pub date: Date,
    /// Index of the snapshot the entry comes from.
    pub snapshot: usize,
    pub set: SetIx,
    pub met: Met,
    pub indicators: Indicators,
}

impl State {
    pub fn count(&self) -> u32 {
        self.met.count()
    }
}

/// The five bands of criteria met, in the fixed order of the data files.
pub const BAND_KEYS: [&str; 5] = ["standard", "15+", "10-14", "5-9", "0-4"];

/// The band of a commune meeting `count` of `n` criteria (index into [`BAND_KEYS`]).
pub fn band(count: u32, n: usize) -> usize {
    if count as usize >= n {
        0
    } else if count >= 15 {
        1
    } else if count >= 10 {
        2
    } else if count >= 5 {
        3
    } else {
        4
    }
}

/// What happened to a commune listed in a snapshot.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum ChangeKind {
    /// Listed for the first time: no gain, no loss.
    Baseline,
    /// Its previous state used another criteria set: no gain, no loss.
    Rebased { from_set: SetIx },
    /// Same set as before: what it gained and lost (either may be empty).
    Compared { gained: Met, lost: Met },
}

/// One commune's change at one snapshot.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Change {
    pub snapshot: usize,
    pub commune: CommuneIx,
    pub kind: ChangeKind,
    /// Criteria met the day before (0 for a baseline).
    pub met_before: u32,
    pub met_after: u32,
}

impl Change {
    pub fn gained(&self) -> Met {
        match self.kind {
            ChangeKind::Compared { gained, .. } => gained,
            _ => Met::default(),
        }
    }
    pub fn lost(&self) -> Met {
        match self.kind {
            ChangeKind::Compared { lost, .. } => lost,
            _ => Met::default(),
        }
    }
}

/// Level figures over a set of communes known on a date.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Levels {
    pub known: u32,
    pub meets_standard: u32,
    pub sum_met: u64,
    pub bands: [u32; 5],
}

impl Levels {
    pub fn add(&mut self, count: u32, n: usize) {
        self.known += 1;
        self.sum_met += u64::from(count);
        self.bands[band(count, n)] += 1;
        if count as usize >= n {
            self.meets_standard += 1;
        }
    }
    fn remove(&mut self, count: u32, n: usize) {
        self.known -= 1;
        self.sum_met -= u64::from(count);
        self.bands[band(count, n)] -= 1;
        if count as usize >= n {
            self.meets_standard -= 1;
        }
    }
    /// Mean criteria met, exactly rounded; `None` when nobody is known.
    pub fn average_met(&self) -> Option<Dec2> {
        Dec2::ratio(self.sum_met as i64, i64::from(self.known))
    }
}

/// Change figures of one snapshot over a set of communes.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Movement {
    pub reporting: u32,
    pub communes_gained: u32,
    pub criteria_gained: u32,
    pub communes_lost: u32,
    pub criteria_lost: u32,
    pub baseline: u32,
    pub rebased: u32,
    /// Compared communes that gained nothing and meet every criterion of
    /// their set: they could not gain (they met all before, too).
    pub steady_standard: u32,
}

impl Movement {
    /// Counts one change; `n` is the number of criteria of its set.
    pub fn record(&mut self, change: &Change, n: usize) {
        self.reporting += 1;
        match change.kind {
            ChangeKind::Baseline => self.baseline += 1,
            ChangeKind::Rebased { .. } => self.rebased += 1,
            ChangeKind::Compared { gained, lost } => {
                if gained.count() == 0 && change.met_after as usize >= n {
                    self.steady_standard += 1;
                }
                if gained.count() > 0 {
                    self.communes_gained += 1;
                    self.criteria_gained += gained.count();
                }
                if lost.count() > 0 {
                    self.communes_lost += 1;
                    self.criteria_lost += lost.count();
                }
            }
        }
    }
}

/// The figures of one scope (all communes, or the target communes) at one snapshot.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct ScopeSummary {
    pub levels: Levels,
    pub movement: Movement,
}

impl ScopeSummary {
    /// Known communes that gained nothing at this snapshot.
    pub fn no_gain(&self) -> u32 {
        self.levels
            .known
            .saturating_sub(self.movement.communes_gained)
    }

    /// Communes that reported, were compared under the same set and gained
    /// nothing (first reports and re-based communes are not among them).
    pub fn reported_no_gain(&self) -> u32 {
        let m = &self.movement;
        m.reporting
            .saturating_sub(m.communes_gained + m.baseline + m.rebased)
    }

    /// Of [`Self::reported_no_gain`], those that could still gain (not at the standard).
    pub fn reported_no_gain_short(&self) -> u32 {
        self.reported_no_gain()
            .saturating_sub(self.movement.steady_standard)
    }

    /// Known communes that did not report at this snapshot (their state is
    /// carried forward).
    pub fn not_reported(&self) -> u32 {
        self.levels.known.saturating_sub(self.movement.reporting)
    }
}

/// The figures of one snapshot date.
#[derive(Clone, Debug, PartialEq)]
pub struct DateSummary {
    pub date: Date,
    pub all: ScopeSummary,
    /// Over the communes whose `target_year` is this date's year.
    pub target: ScopeSummary,
    /// For each set, how many known communes under it meet each criterion
    /// (`coverage[set][k-1]`), and how many are known under it.
    pub coverage: Vec<SetCoverage>,
}

/// Per-criterion coverage of one set on one date.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SetCoverage {
    pub known: u32,
    pub meeting: Vec<u32>,
}

/// Every commune's states, in date order, with lookups by date.
#[derive(Clone, Debug, Default)]
pub struct Timeline {
    pub states: Vec<Vec<State>>,
}

impl Timeline {
    /// The commune's state on `date` (its latest entry on or before it).
    pub fn state_on(&self, c: CommuneIx, date: Date) -> Option<&State> {
        let h = &self.states[c];
        let i = h.partition_point(|s| s.date <= date);
        i.checked_sub(1).map(|i| &h[i])
    }

    /// The commune's latest state.
    pub fn latest(&self, c: CommuneIx) -> Option<&State> {
        self.states[c].last()
    }

    /// The latest reported value of each indicator on or before `date`, with its date.
    pub fn indicators_on(&self, c: CommuneIx, date: Date) -> [Option<(u64, Date)>; 4] {
        let h = &self.states[c];
        let end = h.partition_point(|s| s.date <= date);
        let mut out = [None; 4];
        for (i, slot) in out.iter_mut().enumerate() {
            *slot = h[..end]
                .iter()
                .rev()
                .find_map(|s| s.indicators.get(i).map(|v| (v, s.date)));
        }
        out
    }
}

/// The result of the sweep.
#[derive(Clone, Debug, Default)]
pub struct Sweep {
    pub timeline: Timeline,
    /// Ordered by snapshot, then commune id.
    pub changes: Vec<Change>,
    /// For each snapshot, the range of its changes in `changes`.
    pub change_ranges: Vec<std::ops::Range<usize>>,
    pub summaries: Vec<DateSummary>,
}

/// Runs the sweep over the content's snapshots.
pub fn sweep(content: &Content) -> Sweep {
    let n_of = |set: SetIx| content.sets[set].len();
    let mut out = Sweep {
        timeline: Timeline {
            states: vec![Vec::new(); content.communes.len()],
        },
        ..Default::default()
    };
    let mut all = Levels::default();
    let mut by_target_year: BTreeMap<i32, Levels> = BTreeMap::new();
    let mut coverage: Vec<SetCoverage> = content
        .sets
        .iter()
        .map(|s| SetCoverage {
            known: 0,
            meeting: vec![0; s.len()],
        })
        .collect();

    for (si, snap) in content.snapshots.iter().enumerate() {
        let year = snap.date.year();
        let mut move_all = Movement::default();
        let mut move_target = Movement::default();
        let start = out.changes.len();
        for e in &snap.entries {
            let c = e.commune;
            let commune = &content.communes[c];
            let prev = out.timeline.states[c].last().copied();
            let new = State {
                date: snap.date,
                snapshot: si,
                set: snap.set,
                met: e.met,
                indicators: e.indicators,
            };
            let kind = match prev {
                None => ChangeKind::Baseline,
                Some(p) if p.set != new.set => ChangeKind::Rebased { from_set: p.set },
                Some(p) => ChangeKind::Compared {
                    gained: new.met.minus(p.met),
                    lost: p.met.minus(new.met),
                },
            };
            let change = Change {
                snapshot: si,
                commune: c,
                kind,
                met_before: prev.map(|p| p.count()).unwrap_or(0),
                met_after: new.count(),
            };
            move_all.record(&change, n_of(new.set));
            if commune.target_year == Some(year) {
                move_target.record(&change, n_of(new.set));
            }
            if let Some(p) = prev {
                all.remove(p.count(), n_of(p.set));
                if let Some(y) = commune.target_year {
                    by_target_year
                        .entry(y)
                        .or_default()
                        .remove(p.count(), n_of(p.set));
                }
                let cov = &mut coverage[p.set];
                cov.known -= 1;
                for k in p.met.iter() {
                    cov.meeting[k - 1] -= 1;
                }
            }
            all.add(new.count(), n_of(new.set));
            if let Some(y) = commune.target_year {
                by_target_year
                    .entry(y)
                    .or_default()
                    .add(new.count(), n_of(new.set));
            }
            let cov = &mut coverage[new.set];
            cov.known += 1;
            for k in new.met.iter() {
                cov.meeting[k - 1] += 1;
            }
            out.timeline.states[c].push(new);
            out.changes.push(change);
        }
        out.change_ranges.push(start..out.changes.len());
        out.summaries.push(DateSummary {
            date: snap.date,
            all: ScopeSummary {
                levels: all,
                movement: move_all,
            },
            target: ScopeSummary {
                levels: by_target_year.get(&year).copied().unwrap_or_default(),
                movement: move_target,
            },
            coverage: coverage.clone(),
        });
    }
    out
}

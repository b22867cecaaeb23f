//! The one sweep over the snapshots: each commune's states in date order,
//! the change at every snapshot (gained, lost, baseline, re-based) and the
//! per-date summaries for all communes and for the year's target communes.
//!
//! Aggregates are kept up to date as each entry replaces a commune's state,
//! so the work is proportional to the number of entries, not to communes ×
//! dates: fit for 10,000 communes and hundreds of snapshots.
//!
//! v1.2 adds two kinds of events between snapshots, both scheduled, never
//! found by scanning the communes at each date: a merger on E takes its
//! former communes out of every aggregate (they are unknown from E on), and
//! a state's expiry (its date + S + 1, S = `stale_after_days`) turns it
//! stale unless a newer entry replaced it first. Every state is scheduled
//! once and every merger once, so the work stays proportional to the entries.

use super::decimal::Dec2;
use crate::date::Date;
use crate::model::{CommuneIx, Content, Indicators, Met, SetIx};
use std::collections::{BTreeMap, VecDeque};

/// A commune's state: what its latest entry on or before some date says.
#[derive(Clone, Copy, Debug, PartialEq, Hash)]
pub struct State {
    pub date: Date,
    /// Index of the snapshot the entry comes from.
    pub snapshot: usize,
    pub set: SetIx,
    pub met: Met,
    /// The optional counts reported (production models, enterprises, ...).
    pub indicators: Indicators,
    /// v1.2: the indicators met, as flat positions of the state's set
    /// ([`crate::model::CriteriaSet::flat_indicator`]).
    pub indicators_met: Met,
}

impl State {
    pub fn count(&self) -> u32 {
        self.met.count()
    }

    /// v1.2: how many indicators the state meets.
    pub fn indicators_count(&self) -> u32 {
        self.indicators_met.count()
    }

    /// v1.2: whether the state is stale on `date`: it comes from a snapshot
    /// dated more than `stale_days` days before.
    pub fn is_stale_on(&self, date: Date, stale_days: u32) -> bool {
        date.to_days() - self.date.to_days() > i64::from(stale_days)
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
#[derive(Clone, Copy, Debug, PartialEq, Hash)]
pub enum ChangeKind {
    /// Listed for the first time: no gain, no loss.
    Baseline,
    /// Its previous state used another criteria set: no gain, no loss.
    Rebased { from_set: SetIx },
    /// Same set as before: what it gained and lost (either may be empty).
    Compared { gained: Met, lost: Met },
}

/// One commune's change at one snapshot.
#[derive(Clone, Copy, Debug, PartialEq, Hash)]
pub struct Change {
    pub snapshot: usize,
    pub commune: CommuneIx,
    pub kind: ChangeKind,
    /// Criteria met the day before (0 for a baseline).
    pub met_before: u32,
    pub met_after: u32,
    /// v1.2: indicators met now and not the day before, as flat positions
    /// of the set (empty for a baseline or a re-based commune).
    pub indicators_gained: Met,
    /// v1.2: indicators met the day before and not now (empty for a
    /// baseline or a re-based commune).
    pub indicators_lost: Met,
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
    /// Whether the commune gained or lost anything, criteria or (v1.2)
    /// indicators: the changes `changes.csv` lists.
    pub fn moved(&self) -> bool {
        self.gained().count()
            + self.lost().count()
            + self.indicators_gained.count()
            + self.indicators_lost.count()
            > 0
    }
}

/// Level figures over a set of communes known on a date.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Levels {
    pub known: u32,
    pub meets_standard: u32,
    pub sum_met: u64,
    pub bands: [u32; 5],
    /// v1.2: how many of the known communes have a stale state.
    pub stale: u32,
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
    /// v1.2: indicators gained and lost at this snapshot, summed over the
    /// communes it lists.
    pub indicators_gained: u32,
    pub indicators_lost: u32,
}

impl Movement {
    /// Counts one change; `n` is the number of criteria of its set.
    pub fn record(&mut self, change: &Change, n: usize) {
        self.reporting += 1;
        self.indicators_gained += change.indicators_gained.count();
        self.indicators_lost += change.indicators_lost.count();
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
    /// v1.2: for a former commune, the date of its merger E: it has no state
    /// from E on (`None` for the others).
    pub ends: Vec<Option<Date>>,
}

impl Timeline {
    /// Whether commune `c` is a former commune on `date` (merged away on or before it).
    pub fn ended_on(&self, c: CommuneIx, date: Date) -> bool {
        self.ends
            .get(c)
            .copied()
            .flatten()
            .is_some_and(|e| date >= e)
    }

    /// The commune's state on `date` (its latest entry on or before it);
    /// `None` when it is unknown then, and (v1.2) for a former commune from
    /// its merger on.
    pub fn state_on(&self, c: CommuneIx, date: Date) -> Option<&State> {
        if self.ended_on(c, date) {
            return None;
        }
        let h = &self.states[c];
        let i = h.partition_point(|s| s.date <= date);
        i.checked_sub(1).map(|i| &h[i])
    }

    /// The commune's latest state (a former commune's last one, as in
    /// `communes.csv`).
    pub fn latest(&self, c: CommuneIx) -> Option<&State> {
        self.states[c].last()
    }

    /// The latest reported value of each indicator on or before `date`, with its date.
    pub fn indicators_on(&self, c: CommuneIx, date: Date) -> [Option<(u64, Date)>; 4] {
        if self.ended_on(c, date) {
            return [None; 4];
        }
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

impl Sweep {
    /// The changes in which something was gained or lost ([`Change::moved`]).
    pub fn moves(&self) -> impl Iterator<Item = &Change> {
        self.changes.iter().filter(|c| c.moved())
    }
}

/// The running aggregates of the sweep: all communes, each target year's
/// communes, and each set's coverage, over the known communes.
struct Running {
    all: Levels,
    by_target_year: BTreeMap<i32, Levels>,
    coverage: Vec<SetCoverage>,
}

impl Running {
    fn add(&mut self, content: &Content, c: CommuneIx, s: &State) {
        let n = content.sets[s.set].len();
        self.all.add(s.count(), n);
        if let Some(y) = content.communes[c].target_year {
            self.by_target_year.entry(y).or_default().add(s.count(), n);
        }
        let cov = &mut self.coverage[s.set];
        cov.known += 1;
        for k in s.met.iter() {
            cov.meeting[k - 1] += 1;
        }
    }

    fn remove(&mut self, content: &Content, c: CommuneIx, s: &State) {
        let n = content.sets[s.set].len();
        self.all.remove(s.count(), n);
        if let Some(y) = content.communes[c].target_year {
            self.by_target_year
                .entry(y)
                .or_default()
                .remove(s.count(), n);
        }
        let cov = &mut self.coverage[s.set];
        cov.known -= 1;
        for k in s.met.iter() {
            cov.meeting[k - 1] -= 1;
        }
    }

    /// Counts commune `c`'s state as stale (`true`) or no longer stale.
    fn set_stale(&mut self, content: &Content, c: CommuneIx, stale: bool) {
        let bump = |l: &mut Levels| {
            if stale {
                l.stale += 1;
            } else {
                l.stale -= 1;
            }
        };
        bump(&mut self.all);
        if let Some(y) = content.communes[c].target_year {
            bump(self.by_target_year.entry(y).or_default());
        }
    }
}

/// Runs the sweep over the content's snapshots.
pub fn sweep(content: &Content) -> Sweep {
    let n_communes = content.communes.len();
    let mut out = Sweep {
        timeline: Timeline {
            states: vec![Vec::new(); n_communes],
            ends: (0..n_communes).map(|c| content.merged_on(c)).collect(),
        },
        ..Default::default()
    };
    let mut run = Running {
        all: Levels::default(),
        by_target_year: BTreeMap::new(),
        coverage: content
            .sets
            .iter()
            .map(|s| SetCoverage {
                known: 0,
                meeting: vec![0; s.len()],
            })
            .collect(),
    };
    // v1.2 events. Mergers by date: (E, former commune).
    let mut mergers: Vec<(Date, CommuneIx)> = out
        .timeline
        .ends
        .iter()
        .enumerate()
        .filter_map(|(c, e)| e.map(|e| (e, c)))
        .collect();
    mergers.sort();
    let mut next_merger = 0;
    // Expiries: (first day the state is stale, commune, its snapshot). States
    // are made in date order, so the queue stays in date order.
    let stale_days = i64::from(content.site.stale_days());
    let mut expiries: VecDeque<(i64, CommuneIx, usize)> = VecDeque::new();
    let mut stale = vec![false; n_communes];
    let mut gone = vec![false; n_communes];

    for (si, snap) in content.snapshots.iter().enumerate() {
        let year = snap.date.year();
        let today = snap.date.to_days();
        // Mergers on or before this date: the former communes leave every aggregate.
        while let Some(&(e, c)) = mergers.get(next_merger) {
            if e > snap.date {
                break;
            }
            next_merger += 1;
            if let Some(p) = out.timeline.states[c].last().copied() {
                run.remove(content, c, &p);
                if stale[c] {
                    run.set_stale(content, c, false);
                    stale[c] = false;
                }
            }
            gone[c] = true;
        }
        // States that have grown stale by this date, unless replaced since.
        while let Some(&(day, c, from)) = expiries.front() {
            if day > today {
                break;
            }
            expiries.pop_front();
            let current = out.timeline.states[c].last().map(|s| s.snapshot);
            if !gone[c] && !stale[c] && current == Some(from) {
                stale[c] = true;
                run.set_stale(content, c, true);
            }
        }
        let mut move_all = Movement::default();
        let mut move_target = Movement::default();
        let start = out.changes.len();
        for e in &snap.entries {
            let c = e.commune;
            if gone[c] {
                // The loader rejects a former commune listed after its
                // merger; should one come through, it counts nowhere.
                continue;
            }
            let commune = &content.communes[c];
            let prev = out.timeline.states[c].last().copied();
            let new = State {
                date: snap.date,
                snapshot: si,
                set: snap.set,
                met: e.met,
                indicators: e.indicators,
                indicators_met: e.indicators_met,
            };
            let (kind, ind_gained, ind_lost) = match prev {
                None => (ChangeKind::Baseline, Met::default(), Met::default()),
                Some(p) if p.set != new.set => (
                    ChangeKind::Rebased { from_set: p.set },
                    Met::default(),
                    Met::default(),
                ),
                Some(p) => (
                    ChangeKind::Compared {
                        gained: new.met.minus(p.met),
                        lost: p.met.minus(new.met),
                    },
                    new.indicators_met.minus(p.indicators_met),
                    p.indicators_met.minus(new.indicators_met),
                ),
            };
            let change = Change {
                snapshot: si,
                commune: c,
                kind,
                met_before: prev.map(|p| p.count()).unwrap_or(0),
                met_after: new.count(),
                indicators_gained: ind_gained,
                indicators_lost: ind_lost,
            };
            move_all.record(&change, content.sets[new.set].len());
            if commune.target_year == Some(year) {
                move_target.record(&change, content.sets[new.set].len());
            }
            if let Some(p) = prev {
                run.remove(content, c, &p);
                if stale[c] {
                    run.set_stale(content, c, false);
                    stale[c] = false;
                }
            }
            run.add(content, c, &new);
            expiries.push_back((today.saturating_add(stale_days).saturating_add(1), c, si));
            out.timeline.states[c].push(new);
            out.changes.push(change);
        }
        out.change_ranges.push(start..out.changes.len());
        out.summaries.push(DateSummary {
            date: snap.date,
            all: ScopeSummary {
                levels: run.all,
                movement: move_all,
            },
            target: ScopeSummary {
                levels: run.by_target_year.get(&year).copied().unwrap_or_default(),
                movement: move_target,
            },
            coverage: run.coverage.clone(),
        });
    }
    out
}

//! One commune's standing for its page and its rows: each criterion of its
//! latest state with the indicators met and missing (v1.2), whether the state
//! shown on a date is stale and since which report, and its merger (the
//! communes merged into it, or the commune it became part of).

use super::timeline::Timeline;
use crate::date::Date;
use crate::model::{CommuneIx, Content};

/// One criterion of a commune's latest state.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CriterionStanding {
    pub number: usize,
    pub met: bool,
    /// When met: the date since which it has been met without a break
    /// under the same set.
    pub since: Option<Date>,
    /// (v1.2) Its indicators met and missing, by id as written (`2.3`);
    /// both empty when the criterion has no indicators.
    pub indicators_met: Vec<String>,
    pub indicators_missing: Vec<String>,
}

/// The criteria of the set of commune `c`'s latest state, in order; empty
/// when it was never reported.
pub fn criteria(content: &Content, timeline: &Timeline, c: CommuneIx) -> Vec<CriterionStanding> {
    let Some(s) = timeline.latest(c) else {
        return Vec::new();
    };
    let set = &content.sets[s.set];
    let states = &timeline.states[c];
    set.criteria
        .iter()
        .map(|cr| {
            let k = cr.number;
            let met = s.met.has(k);
            let since = met
                .then(|| {
                    states
                        .iter()
                        .rev()
                        .take_while(|x| x.set == s.set && x.met.has(k))
                        .last()
                        .map(|x| x.date)
                })
                .flatten();
            let (mut yes, mut no) = (Vec::new(), Vec::new());
            for (i, ind) in cr.indicators.iter().enumerate() {
                // A criterion met as a whole meets all its indicators.
                if met || s.indicators_met.has(cr.indicator_offset + i + 1) {
                    yes.push(ind.id.clone());
                } else {
                    no.push(ind.id.clone());
                }
            }
            CriterionStanding {
                number: k,
                met,
                since,
                indicators_met: yes,
                indicators_missing: no,
            }
        })
        .collect()
}

/// (v1.2) The date of the report commune `c`'s state on `date` comes from,
/// when that state is stale then (older than `stale_after_days`); `None`
/// when it is current, unknown, or the content does not use v1.2 (v1.1
/// sites show no stale flags, as their data files carry no stale counts).
pub fn stale_since(
    content: &Content,
    timeline: &Timeline,
    c: CommuneIx,
    date: Date,
) -> Option<Date> {
    if !content.uses_v12() {
        return None;
    }
    timeline
        .state_on(c, date)
        .filter(|s| s.is_stale_on(date, content.site.stale_days()))
        .map(|s| s.date)
}

/// (v1.2) A former commune's merger: the day it took effect and the commune
/// it became part of directly.
pub fn merged(content: &Content, c: CommuneIx) -> Option<(Date, CommuneIx)> {
    content.merged_on(c).zip(content.communes[c].merged_into)
}

/// (v1.2) One predecessor of a commune formed by a merger: its last state
/// before the merger.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Predecessor {
    pub commune: CommuneIx,
    /// Its last state before the merger: the date of that report, criteria
    /// met and the set's size; `None` when it was never reported.
    pub last: Option<(Date, u32, usize)>,
    /// How many reports it had up to the merger.
    pub reports: usize,
}

/// (v1.2) The communes merged into commune `c`, in the order written, each
/// with its history up to the merger.
pub fn predecessors(content: &Content, timeline: &Timeline, c: CommuneIx) -> Vec<Predecessor> {
    content.communes[c]
        .merged_from
        .iter()
        .map(|&p| {
            let states = &timeline.states[p];
            Predecessor {
                commune: p,
                last: states
                    .last()
                    .map(|s| (s.date, s.count(), content.sets[s.set].len())),
                reports: states.len(),
            }
        })
        .collect()
}

//! Aggregates over the commune tree on one date: for each group (at any
//! depth) and the province, the level figures and the indicator totals.

use super::timeline::{Levels, Timeline};
use crate::date::Date;
use crate::model::{Content, GroupIx};

/// Figures of one area (a group, or the province) on a date.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct AreaSummary {
    pub communes: u32,
    pub levels: Levels,
    /// Communes with a `target_year` equal to the date's year, and how many of them meet the standard.
    pub target_communes: u32,
    pub target_standard: u32,
    /// Sum over communes of their latest reported value of each indicator.
    pub indicators: [u64; 4],
    /// How many communes reported each indicator at all.
    pub indicators_reported: [u32; 4],
}

/// The figures of every group (indexed like `content.groups`) and of the province.
#[derive(Clone, Debug, Default)]
pub struct AreaSummaries {
    pub date: Option<Date>,
    pub groups: Vec<AreaSummary>,
    pub province: AreaSummary,
}

/// Aggregates on `date` (`None`: nobody is known).
pub fn on(content: &Content, timeline: &Timeline, date: Option<Date>) -> AreaSummaries {
    let mut groups = vec![AreaSummary::default(); content.groups.len()];
    let mut province = AreaSummary::default();
    let stale_days = content.site.stale_days();
    for c in 0..content.communes.len() {
        // v1.2: a commune that does not exist on the date (merged away, or
        // not yet established) is not one of the area's communes then.
        if date.is_some_and(|d| !content.exists_on(c, d)) {
            continue;
        }
        let chain: Vec<GroupIx> = content.ancestors(c);
        let state = date.and_then(|d| timeline.state_on(c, d));
        let indicators = date
            .map(|d| timeline.indicators_on(c, d))
            .unwrap_or_default();
        let is_target = date.is_some_and(|d| content.communes[c].target_year == Some(d.year()));
        let apply = |a: &mut AreaSummary| {
            a.communes += 1;
            if let Some(s) = state {
                let n = content.sets[s.set].len();
                a.levels.add(s.count(), n);
                if date.is_some_and(|d| s.is_stale_on(d, stale_days)) {
                    a.levels.stale += 1;
                }
                if is_target && s.count() as usize >= n {
                    a.target_standard += 1;
                }
            }
            if is_target {
                a.target_communes += 1;
            }
            for (i, v) in indicators.iter().enumerate() {
                if let Some((v, _)) = v {
                    a.indicators[i] += v;
                    a.indicators_reported[i] += 1;
                }
            }
        };
        apply(&mut province);
        for g in chain {
            apply(&mut groups[g]);
        }
    }
    AreaSummaries {
        date,
        groups,
        province,
    }
}

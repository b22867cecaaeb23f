//! The production indicators over time: on each snapshot date, the
//! province's total of each indicator (production models, efficient
//! models, enterprises, cooperatives), the sum over communes of the latest
//! value each reported, and how many communes that sum is over.

use crate::date::Date;
use crate::model::{CommuneIx, Content};

/// The province's indicator totals on one snapshot date, in
/// [`crate::model::INDICATOR_KEYS`] order: the sum over communes of their
/// latest reported value; `None` while no commune has reported that
/// indicator.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct IndicatorPoint {
    pub date: Date,
    pub values: [Option<u64>; 4],
    /// How many communes each total is summed over.
    pub reported: [u32; 4],
}

/// Indicator totals at every snapshot date, in one pass over the snapshots.
pub fn totals(content: &Content) -> Vec<IndicatorPoint> {
    let mut latest: Vec<[Option<u64>; 4]> = vec![[None; 4]; content.communes.len()];
    let mut sums = [0u64; 4];
    let mut reported = [0u32; 4];
    // v1.2: former communes leave the totals on the day of their merger.
    let mut mergers: Vec<(Date, CommuneIx)> = (0..content.communes.len())
        .filter_map(|c| content.merged_on(c).map(|d| (d, c)))
        .collect();
    mergers.sort_unstable();
    let mut next = 0;
    content
        .snapshots
        .iter()
        .map(|snap| {
            while let Some(&(d, c)) = mergers.get(next)
                && d <= snap.date
            {
                next += 1;
                for (i, slot) in latest[c].iter_mut().enumerate() {
                    if let Some(old) = slot.take() {
                        sums[i] -= old;
                        reported[i] -= 1;
                    }
                }
            }
            for e in &snap.entries {
                for (i, slot) in latest[e.commune].iter_mut().enumerate() {
                    if let Some(v) = e.indicators.get(i) {
                        match slot.replace(v) {
                            Some(old) => sums[i] = sums[i] - old + v,
                            None => {
                                sums[i] += v;
                                reported[i] += 1;
                            }
                        }
                    }
                }
            }
            let mut values = [None; 4];
            for i in 0..4 {
                if reported[i] > 0 {
                    values[i] = Some(sums[i]);
                }
            }
            IndicatorPoint {
                date: snap.date,
                values,
                reported,
            }
        })
        .collect()
}

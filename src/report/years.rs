//! The year review: for each year from the first snapshot's to the latest's,
//! the communes known and at the standard at its end, those newly at it, and
//! the average net gain of the communes compared under one set.

use super::decimal::Dec2;
use super::timeline::Timeline;
use crate::date::Date;
use crate::model::{CommuneIx, Content};

/// One year of the review.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct YearReview {
    pub year: i32,
    /// The review's end: 31 December, or the latest date in the latest year.
    pub end: Date,
    pub start: Date,
    pub known: u32,
    pub meets_standard: u32,
    /// Communes meeting the standard at the end and not at the start.
    pub newly: Vec<CommuneIx>,
    pub compared: u32,
    pub average_gain: Option<Dec2>,
    pub min_met: Option<u32>,
    /// Communes below which the year's fewest criteria stand (those at `min_met`).
    pub at_min: Vec<CommuneIx>,
}

/// Whether commune `c` meets the standard on `date`.
pub fn meets_standard_on(content: &Content, timeline: &Timeline, c: CommuneIx, date: Date) -> bool {
    timeline
        .state_on(c, date)
        .is_some_and(|s| s.count() as usize >= content.sets[s.set].len())
}

/// The review of every year, oldest first; empty without snapshots.
pub fn review(content: &Content, timeline: &Timeline) -> Vec<YearReview> {
    let (Some(first), Some(last)) = (content.snapshots.first(), content.snapshots.last()) else {
        return Vec::new();
    };
    let latest = last.date;
    (first.date.year()..=latest.year())
        .map(|year| review_year(content, timeline, year, latest, |_| true))
        .collect()
}

/// The review of `year` over the communes `in_scope` accepts (a district's,
/// for the per-district table); `latest` is the date of the last snapshot.
pub fn review_year(
    content: &Content,
    timeline: &Timeline,
    year: i32,
    latest: Date,
    in_scope: impl Fn(CommuneIx) -> bool,
) -> YearReview {
    let end = if year == latest.year() {
        latest
    } else {
        Date::end_of_year(year)
    };
    let start = Date::end_of_year(year - 1);
    let mut r = YearReview {
        year,
        end,
        start,
        known: 0,
        meets_standard: 0,
        newly: Vec::new(),
        compared: 0,
        average_gain: None,
        min_met: None,
        at_min: Vec::new(),
    };
    let mut gain_sum: i64 = 0;
    for c in (0..content.communes.len()).filter(|&c| in_scope(c)) {
        let Some(e) = timeline.state_on(c, end) else {
            continue;
        };
        r.known += 1;
        let n = content.sets[e.set].len();
        let at_end = e.count() as usize >= n;
        let s = timeline.state_on(c, start);
        if at_end {
            r.meets_standard += 1;
            let at_start = s.is_some_and(|s| s.count() as usize >= content.sets[s.set].len());
            if !at_start {
                r.newly.push(c);
            }
        }
        if let Some(s) = s
            && s.set == e.set
        {
            r.compared += 1;
            gain_sum += i64::from(e.count()) - i64::from(s.count());
        }
        match r.min_met {
            Some(m) if e.count() > m => {}
            Some(m) if e.count() == m => r.at_min.push(c),
            _ => {
                r.min_met = Some(e.count());
                r.at_min = vec![c];
            }
        }
    }
    r.average_gain = Dec2::ratio(gain_sum, i64::from(r.compared));
    r
}

/// The review of `year` for each top-level group (district), in Vietnamese
/// order of their names.
pub fn by_district(content: &Content, timeline: &Timeline, year: i32) -> Vec<(usize, YearReview)> {
    let Some(latest) = content.snapshots.last().map(|s| s.date) else {
        return Vec::new();
    };
    let mut v: Vec<(usize, YearReview)> = (0..content.groups.len())
        .filter(|&g| content.groups[g].parent.is_none())
        .map(|g| {
            let r = review_year(content, timeline, year, latest, |c| {
                content.commune_in_group(c, g)
            });
            (g, r)
        })
        .collect();
    v.sort_by_cached_key(|(g, _)| crate::text::collation_key(&content.groups[*g].name));
    v
}

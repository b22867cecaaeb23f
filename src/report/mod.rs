//! The computed report: every figure the site shows, as plain data computed
//! by pure functions from a validated [`Content`], exactly as the spec's
//! "What the figures mean" defines them.
//!
//! - [`timeline`]: states carried forward, changes and per-date summaries (one sweep);
//! - [`groups`]: per-group and province aggregates and indicator totals on a date;
//! - [`indicators`]: the province's production indicators at every snapshot date;
//! - [`years`]: the year review;
//! - [`targets`]: the province's own targets, evaluated;
//! - [`bulletin`]: the weekly bulletin of one snapshot;
//! - [`people`]: sponsors and seconded officers;
//! - [`communes`]: one commune's criteria with indicators, stale state and merger;
//! - [`decimal`]: exact two-decimal rounding.

pub mod bulletin;
pub mod communes;
pub mod decimal;
pub mod groups;
pub mod indicators;
pub mod people;
pub mod targets;
pub mod timeline;
pub mod years;

use crate::date::Date;
use crate::diag::{Diagnostics, Message, Pos};
use crate::model::Content;
use crate::tr;

/// Everything computed from the content.
#[derive(Clone, Debug)]
pub struct Report {
    pub sweep: timeline::Sweep,
    pub years: Vec<years::YearReview>,
    pub targets: Vec<targets::TargetResult>,
    /// Aggregates on the latest date.
    pub latest: groups::AreaSummaries,
    /// The production indicators' totals at every snapshot date.
    pub indicators: Vec<indicators::IndicatorPoint>,
}

impl Report {
    /// The date of the last snapshot.
    pub fn latest_date(&self) -> Option<Date> {
        self.latest.date
    }
}

/// Computes the report.
pub fn compute(content: &Content) -> Report {
    let sweep = timeline::sweep(content);
    let latest_date = content.snapshots.last().map(|s| s.date);
    let years = years::review(content, &sweep.timeline);
    let targets = targets::evaluate(content, &sweep.timeline);
    let latest = groups::on(content, &sweep.timeline, latest_date);
    let indicators = indicators::totals(content);
    Report {
        sweep,
        years,
        targets,
        latest,
        indicators,
    }
}

/// The warnings that come from the figures: a commune that lost criteria, a
/// commune no snapshot lists, a target year past with the commune still short.
pub fn warnings(content: &Content, report: &Report) -> Diagnostics {
    let mut d = Diagnostics::new();
    for ch in &report.sweep.changes {
        let lost = ch.lost();
        if lost.count() > 0 {
            let snap = &content.snapshots[ch.snapshot];
            let pos = snap
                .entries
                .iter()
                .find(|e| e.commune == ch.commune)
                .map(|e| e.pos)
                .unwrap_or(Pos::NONE);
            let nums: Vec<String> = lost.numbers().iter().map(|k| k.to_string()).collect();
            let word = if nums.len() == 1 {
                "criterion"
            } else {
                "criteria"
            };
            let (id, list) = (&content.communes[ch.commune].id, nums.join(", "));
            let (before, now) = (ch.met_before, ch.met_after);
            d.warning(
                &snap.file,
                pos,
                tr!(
                    "'{id}' bị mất tiêu chí {list} (trước đạt {before}, nay đạt {now} tiêu chí)",
                    "'{id}' lost {word} {list} (met {before} before, {now} now)"
                ),
            );
        }
    }
    let latest = report.latest_date();
    for (c, commune) in content.communes.iter().enumerate() {
        let states = &report.sweep.timeline.states[c];
        if states.is_empty() {
            let id = &commune.id;
            d.warning(
                &commune.file,
                Pos::NONE,
                tr!(
                    "chưa có báo cáo tuần nào ghi xã '{id}'; xã này chưa được tính vào số liệu nào",
                    "no snapshot lists '{id}'; it counts nowhere"
                ),
            );
        }
        // (v1.2) A former commune has no state from its merger on: its
        // target year is its successor's business, not a warning.
        if let (Some(l), Some(y)) = (latest, commune.target_year)
            && y < l.year()
            && content.exists_on(c, l)
            && !years::meets_standard_on(content, &report.sweep.timeline, c, l)
        {
            let id = &commune.id;
            let met = match states.last() {
                Some(s) => {
                    let n = s.count();
                    tr!("ngày {l} mới đạt {n} tiêu chí", "{n} criteria on {l}")
                }
                None => tr!("chưa có số liệu ngày {l}", "no criteria on {l}"),
            };
            let Message { vi: mv, en: me } = met;
            d.warning(
                &commune.file,
                commune.target_year_pos,
                tr!(
                    "đã qua năm đăng ký về đích {y} mà xã '{id}' vẫn chưa đạt chuẩn ({mv})",
                    "target year {y} has passed and '{id}' still does not meet the standard ({me})"
                ),
            );
        }
    }
    d
}

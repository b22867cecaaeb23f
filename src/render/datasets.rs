//! The data files beyond the contract's, for the press: one CSV per
//! district (`data/huyen/<id>.csv`) and per criterion
//! (`data/tieu-chi/<set>-<n>.csv`), the production indicators as reported
//! (`data/chi-so.csv`) and as province totals (`data/chi-so-tong.csv`),
//! and the whole computed report as JSON (`data/bao-cao.json`). Their
//! names are Vietnamese, as the site's pages are, so that they never clash
//! with a file a later contract adds (the contract's names are English).
//! Every figure is the report's; this module only writes it out, in the
//! byte form of the contract's files (see [`super::data`]).

use super::SiteFiles;
use super::data::{commune_row, communes_header, csv_bytes, opt, text_cell};
use crate::date::Date;
use crate::model::{CommuneIx, Content, INDICATOR_KEYS, Indicators};
use crate::report::Report;
use crate::report::decimal::Dec2;
use crate::report::groups::AreaSummary;
use crate::report::targets::Behind;
use crate::report::timeline::BAND_KEYS;
use serde::Serialize;
use serde_json::{Map, Value, json};

/// The per-district files' folder.
pub const DISTRICTS: &str = "data/huyen/";
/// The per-criterion files' folder.
pub const CRITERIA: &str = "data/tieu-chi/";
pub const INDICATORS: &str = "data/chi-so.csv";
pub const INDICATOR_TOTALS: &str = "data/chi-so-tong.csv";
pub const REPORT: &str = "data/bao-cao.json";

/// The file of group `id`: `data/huyen/ky-anh.csv`, `data/huyen/can-loc/cum-bac.csv`.
pub fn district_path(id: &str) -> String {
    format!("{DISTRICTS}{id}.csv")
}

/// The file of criterion `n` of set `set`: `data/tieu-chi/qd-1980-2016-5.csv`.
pub fn criterion_path(set: &str, n: usize) -> String {
    format!("{CRITERIA}{set}-{n}.csv")
}

/// Writes every file of this module into `out`.
pub fn write_all(content: &Content, report: &Report, out: &mut SiteFiles) {
    for (g, group) in content.groups.iter().enumerate() {
        out.add(district_path(&group.id), district_csv(content, report, g));
    }
    for (path, bytes) in criteria_csvs(content, report) {
        out.add(path, bytes);
    }
    out.add(INDICATORS, indicators_csv(content, report));
    out.add(INDICATOR_TOTALS, indicator_totals_csv(report));
    out.add(REPORT, report_json(content, report));
}

/// A district's communes (at any depth, former ones too), ordered by id:
/// their rows of `communes.csv`, then the latest value each reported of
/// the four production indicators.
fn district_csv(content: &Content, report: &Report, g: usize) -> Vec<u8> {
    let v12 = content.uses_v12();
    let mut header = communes_header(v12);
    header.extend(INDICATOR_KEYS);
    let timeline = &report.sweep.timeline;
    let rows = (0..content.communes.len())
        .filter(|&c| content.commune_in_group(c, g))
        .map(|c| {
            let mut row = commune_row(content, report, c, v12);
            let latest = timeline
                .latest(c)
                .map(|s| timeline.indicators_on(c, s.date))
                .unwrap_or_default();
            row.extend(latest.iter().map(|v| opt(v.map(|(v, _)| v))));
            row
        })
        .collect();
    csv_bytes(&header, rows)
}

/// One file per criterion of every set: the communes whose latest state
/// is under that set (former communes too, as the criterion's page lists
/// them; v1.2 adds `merged_into`), ordered by id, whether they meet it and
/// since when.
fn criteria_csvs(content: &Content, report: &Report) -> Vec<(String, Vec<u8>)> {
    let v12 = content.uses_v12();
    let timeline = &report.sweep.timeline;
    let mut rows: Vec<Vec<Vec<Vec<String>>>> = content
        .sets
        .iter()
        .map(|s| vec![Vec::new(); s.len()])
        .collect();
    for (c, commune) in content.communes.iter().enumerate() {
        let Some(state) = timeline.latest(c) else {
            continue;
        };
        let standings = crate::report::communes::criteria(content, timeline, c);
        for (k, st) in standings.iter().enumerate() {
            let mut row = vec![
                commune.id.clone(),
                text_cell(&commune.name),
                opt(commune.group.map(|g| content.groups[g].id.clone())),
                state.date.to_string(),
                st.met.to_string(),
                opt(st.since),
            ];
            if v12 {
                row.push(opt(commune
                    .merged_into
                    .map(|n| content.communes[n].id.clone())));
                row.push(st.indicators_met.join(";"));
                row.push(st.indicators_missing.join(";"));
            }
            rows[state.set][k].push(row);
        }
    }
    let mut header = vec![
        "commune_id",
        "name",
        "group",
        "latest_date",
        "meets",
        "met_since",
    ];
    if v12 {
        header.extend(["merged_into", "indicators_met", "indicators_missing"]);
    }
    content
        .sets
        .iter()
        .zip(rows)
        .flat_map(|(set, per)| {
            let header = &header;
            set.criteria.iter().zip(per).map(move |(cr, rows)| {
                (criterion_path(&set.id, cr.number), csv_bytes(header, rows))
            })
        })
        .collect()
}

/// Every report entry that gave a production indicator: its date, the
/// commune and the values as reported (empty: not reported that day);
/// ordered by date, then commune id.
fn indicators_csv(content: &Content, report: &Report) -> Vec<u8> {
    let mut header = vec!["date", "commune_id", "name"];
    header.extend(INDICATOR_KEYS);
    let mut entries: Vec<(Date, CommuneIx, Indicators)> = report
        .sweep
        .timeline
        .states
        .iter()
        .enumerate()
        .flat_map(|(c, states)| {
            states
                .iter()
                .filter(|s| !s.indicators.is_empty())
                .map(move |s| (s.date, c, s.indicators))
        })
        .collect();
    // Communes are ordered by id, so (date, index) is (date, id).
    entries.sort_by_key(|e| (e.0, e.1));
    let rows = entries
        .into_iter()
        .map(|(date, c, ind)| {
            let commune = &content.communes[c];
            let mut row = vec![
                date.to_string(),
                commune.id.clone(),
                text_cell(&commune.name),
            ];
            row.extend((0..4).map(|i| opt(ind.get(i))));
            row
        })
        .collect();
    csv_bytes(&header, rows)
}

/// The province's totals at every snapshot date (the indicators chart's
/// figures): each the sum of the communes' latest reported values, and
/// how many communes reported it.
fn indicator_totals_csv(report: &Report) -> Vec<u8> {
    let mut header = vec!["date"];
    header.extend(INDICATOR_KEYS);
    header.extend([
        "production_models_communes",
        "efficient_models_communes",
        "enterprises_communes",
        "cooperatives_communes",
    ]);
    let rows = report
        .indicators
        .iter()
        .map(|p| {
            let mut row = vec![p.date.to_string()];
            row.extend(p.values.iter().map(|v| opt(*v)));
            row.extend(p.reported.iter().map(|n| n.to_string()));
            row
        })
        .collect();
    csv_bytes(&header, rows)
}

/// The four indicators as an object of the ones that have a value.
fn indicator_object(values: impl IntoIterator<Item = Option<u64>>) -> Map<String, Value> {
    INDICATOR_KEYS
        .iter()
        .zip(values)
        .filter_map(|(k, v)| v.map(|v| (k.to_string(), json!(v))))
        .collect()
}

#[derive(Serialize)]
struct AreaJson {
    communes: u32,
    known: u32,
    meets_standard: u32,
    average_met: Option<Dec2>,
    bands: Map<String, Value>,
    #[serde(skip_serializing_if = "Option::is_none")]
    stale: Option<u32>,
    target_communes: u32,
    target_standard: u32,
    indicators: Map<String, Value>,
    indicators_communes: Map<String, Value>,
}

impl AreaJson {
    fn new(a: &AreaSummary, v12: bool) -> AreaJson {
        AreaJson {
            communes: a.communes,
            known: a.levels.known,
            meets_standard: a.levels.meets_standard,
            average_met: a.levels.average_met(),
            bands: BAND_KEYS
                .iter()
                .zip(a.levels.bands)
                .map(|(k, n)| (k.to_string(), json!(n)))
                .collect(),
            stale: v12.then_some(a.levels.stale),
            target_communes: a.target_communes,
            target_standard: a.target_standard,
            indicators: indicator_object(
                (0..4).map(|i| (a.indicators_reported[i] > 0).then_some(a.indicators[i])),
            ),
            indicators_communes: indicator_object(
                a.indicators_reported
                    .iter()
                    .map(|&n| (n > 0).then_some(u64::from(n))),
            ),
        }
    }
}

/// `bao-cao.json`, written straight from the report without a tree of
/// values. Every object of the file has its keys in the order of their
/// names (as a `serde_json::Value` writes them), so each struct here lists
/// its fields in that order; a test checks it.
#[derive(Serialize)]
struct ReportJson<'a> {
    changes: Vec<ChangeJson<'a>>,
    communes: Vec<CommuneJson<'a>>,
    data_date: Option<Date>,
    groups: Vec<Value>,
    indicators: Vec<Value>,
    province: Value,
    summaries: Value,
    targets: Vec<Value>,
    years: Vec<Value>,
}

#[derive(Serialize)]
struct CommuneJson<'a> {
    group: Option<&'a str>,
    id: &'a str,
    merged_into: Option<&'a str>,
    name: &'a str,
    states: Vec<StateJson<'a>>,
    target_year: Option<i32>,
}

#[derive(Serialize)]
struct StateJson<'a> {
    date: Date,
    #[serde(skip_serializing_if = "Option::is_none")]
    indicators: Option<Map<String, Value>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    indicators_met: Option<Vec<&'a str>>,
    met: Vec<usize>,
    met_count: u32,
    set: &'a str,
}

#[derive(Serialize)]
struct ChangeJson<'a> {
    commune_id: &'a str,
    date: Date,
    gained: Vec<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    indicators_gained: Option<Vec<&'a str>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    indicators_lost: Option<Vec<&'a str>>,
    lost: Vec<usize>,
    met_after: u32,
    met_before: u32,
}

/// The whole computed report, for those who rebuild the figures or chart
/// them anew: the latest figures of the province and of every group, each
/// commune's states, every change, the per-date summaries (as in
/// `summary.json`), the indicators' totals, the year review and the
/// targets. Communes, groups and sets by their ids; compact JSON.
fn report_json(content: &Content, report: &Report) -> Vec<u8> {
    let v12 = content.uses_v12();
    let timeline = &report.sweep.timeline;
    let cid = |c: CommuneIx| content.communes[c].id.clone();
    let groups: Vec<Value> = content
        .groups
        .iter()
        .zip(&report.latest.groups)
        .map(|(g, a)| {
            let mut v = json!({
                "id": g.id,
                "name": g.name,
                "kind": g.kind,
                "parent": g.parent.map(|p| content.groups[p].id.clone()),
            });
            if let (Value::Object(m), Ok(Value::Object(f))) =
                (&mut v, serde_json::to_value(AreaJson::new(a, v12)))
            {
                m.extend(f);
            }
            v
        })
        .collect();
    let communes: Vec<CommuneJson> = content
        .communes
        .iter()
        .enumerate()
        .map(|(c, commune)| CommuneJson {
            group: commune.group.map(|g| content.groups[g].id.as_str()),
            id: &commune.id,
            merged_into: commune.merged_into.map(|m| content.communes[m].id.as_str()),
            name: &commune.name,
            states: timeline.states[c]
                .iter()
                .map(|s| {
                    let set = &content.sets[s.set];
                    StateJson {
                        date: s.date,
                        indicators: (!s.indicators.is_empty())
                            .then(|| indicator_object((0..4).map(|i| s.indicators.get(i)))),
                        indicators_met: (v12 && set.has_indicators())
                            .then(|| set.indicator_ids(s.indicators_met)),
                        met: s.met.numbers(),
                        met_count: s.count(),
                        set: &set.id,
                    }
                })
                .collect(),
            target_year: commune.target_year,
        })
        .collect();
    // The changes `changes.csv` lists: something gained or lost (a first
    // report and a change of set are in the communes' states).
    let changes: Vec<ChangeJson> = report
        .sweep
        .moves()
        .map(|ch| {
            let snap = &content.snapshots[ch.snapshot];
            let set = &content.sets[snap.set];
            ChangeJson {
                commune_id: &content.communes[ch.commune].id,
                date: snap.date,
                gained: ch.gained().numbers(),
                indicators_gained: v12.then(|| set.indicator_ids(ch.indicators_gained)),
                indicators_lost: v12.then(|| set.indicator_ids(ch.indicators_lost)),
                lost: ch.lost().numbers(),
                met_after: ch.met_after,
                met_before: ch.met_before,
            }
        })
        .collect();
    let indicators: Vec<Value> = report
        .indicators
        .iter()
        .map(|p| {
            json!({
                "date": p.date,
                "totals": indicator_object(p.values),
                "communes": indicator_object(p.reported.iter().map(|&n| (n > 0).then_some(u64::from(n)))),
            })
        })
        .collect();
    let years: Vec<Value> = report
        .years
        .iter()
        .map(|y| {
            json!({
                "year": y.year,
                "start": y.start,
                "end": y.end,
                "known": y.known,
                "meets_standard": y.meets_standard,
                "newly_standard": y.newly.iter().map(|&c| cid(c)).collect::<Vec<_>>(),
                "compared": y.compared,
                "average_gain": y.average_gain,
                "min_met": y.min_met,
                "at_min": y.at_min.iter().map(|&c| cid(c)).collect::<Vec<_>>(),
            })
        })
        .collect();
    let targets: Vec<Value> = report
        .targets
        .iter()
        .map(|r| {
            let (communes, groups) = match &r.behind {
                Behind::Communes(cs) => (cs.iter().map(|&c| cid(c)).collect(), Vec::new()),
                Behind::Groups(gs) => (
                    Vec::new(),
                    gs.iter().map(|&g| content.groups[g].id.clone()).collect(),
                ),
            };
            json!({
                "id": content.targets[r.target].id,
                "status": r.status.as_str(),
                "evaluated_on": r.evaluated_on,
                "shortfall": r.shortfall,
                "communes_behind": communes,
                "groups_behind": groups,
            })
        })
        .collect();
    let doc = ReportJson {
        changes,
        communes,
        data_date: report.latest_date(),
        groups,
        indicators,
        // Through values, which put their keys in order.
        province: json!(AreaJson::new(&report.latest.province, v12)),
        summaries: json!(super::data::summary_rows(report, v12)),
        targets,
        years,
    };
    let mut v = serde_json::to_vec(&doc).unwrap_or_else(|_| b"{}".to_vec());
    v.push(b'\n');
    v
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `bao-cao.json` of the sample is in the form a tree of values writes:
    /// compact, every object's keys in order (so that its bytes are those
    /// of the file's earlier versions), with states, changes and v1.2
    /// indicators in it.
    #[test]
    fn the_report_json_has_its_keys_in_order() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("content");
        let (c, d) = crate::load::load(&root, crate::load::LoadOptions { drafts: false });
        let content = c.unwrap_or_else(|| panic!("{}", d.render_in(crate::diag::Lang::En)));
        let report = crate::report::compute(&content);
        let bytes = report_json(&content, &report);
        let value: Value = serde_json::from_slice(&bytes).unwrap();
        let mut again = serde_json::to_vec(&value).unwrap();
        again.push(b'\n');
        assert!(bytes == again, "the keys of bao-cao.json are out of order");
        let communes = value["communes"].as_array().unwrap();
        assert_eq!(communes.len(), content.communes.len());
        let states: usize = communes
            .iter()
            .map(|c| c["states"].as_array().unwrap().len())
            .sum();
        assert_eq!(
            states,
            report
                .sweep
                .timeline
                .states
                .iter()
                .map(Vec::len)
                .sum::<usize>()
        );
        assert_eq!(
            value["changes"].as_array().unwrap().len(),
            report.sweep.moves().count()
        );
        assert!(
            communes
                .iter()
                .flat_map(|c| c["states"].as_array().unwrap())
                .any(|s| s["indicators_met"].is_array()),
            "the 2026 states carry their indicators"
        );
    }
}

//! The data files of the contract, for the press and outside checks:
//! `data/communes.csv`, `changes.csv`, `criteria.csv`, `targets.csv`,
//! `years.csv` (UTF-8 with BOM, CRLF, RFC 4180, text cells safe to open in
//! a spreadsheet) and `summary.json`.
//!
//! The v1.2 columns (`communes.csv`: class, established, merged_into,
//! indicators_met, indicators_total; `changes.csv`: indicators_gained,
//! indicators_lost) and `summary.json` keys (stale, indicators_gained,
//! indicators_lost) are written when the content uses format v1.2
//! ([`Content::uses_v12`]), so that v1.1 content keeps its files byte for byte.
//!
//! The files beyond the contract's (per district, per criterion, the
//! indicators, the whole report) are [`super::datasets`]'.

use super::SiteFiles;
use crate::model::{Content, Met};
use crate::report::Report;
use crate::report::decimal::Dec2;
use crate::report::timeline::{BAND_KEYS, ScopeSummary};
use serde::Serialize;

/// Writes every data file into `out` under `data/`.
pub fn write_all(content: &Content, report: &Report, out: &mut SiteFiles) {
    out.add("data/communes.csv", communes_csv(content, report));
    out.add("data/changes.csv", changes_csv(content, report));
    out.add("data/criteria.csv", criteria_csv(content));
    out.add("data/targets.csv", targets_csv(content, report));
    out.add("data/years.csv", years_csv(report));
    out.add(
        "data/summary.json",
        summary_json(report, content.uses_v12()),
    );
    super::datasets::write_all(content, report, out);
}

/// A CSV table in the contract's byte form.
pub(crate) fn csv_bytes(header: &[&str], rows: Vec<Vec<String>>) -> Vec<u8> {
    let mut buf = vec![0xEF, 0xBB, 0xBF];
    {
        let mut w = csv::WriterBuilder::new()
            .terminator(csv::Terminator::CRLF)
            .from_writer(&mut buf);
        // Writing into memory cannot fail.
        let _ = w.write_record(header);
        for r in rows {
            let _ = w.write_record(&r);
        }
        let _ = w.flush();
    }
    buf
}

/// `1;2;3` — criterion numbers ascending.
pub fn join_numbers(m: Met) -> String {
    m.numbers()
        .iter()
        .map(|k| k.to_string())
        .collect::<Vec<_>>()
        .join(";")
}

/// A free-text cell (a name, a title): one that begins with `=`, `+`, `-`,
/// `@`, a tab or a carriage return gets a leading `'`, so that a spreadsheet
/// shows it as text and never runs it as a formula. Numbers, dates and ids
/// never go through this.
pub fn text_cell(s: &str) -> String {
    if s.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{s}")
    } else {
        s.to_string()
    }
}

pub(crate) fn opt<T: ToString>(v: Option<T>) -> String {
    v.map(|x| x.to_string()).unwrap_or_default()
}

/// The columns v1.2 adds to `communes.csv`, after `code`.
const COMMUNES_V12: [&str; 5] = [
    "class",
    "established",
    "merged_into",
    "indicators_met",
    "indicators_total",
];

/// The columns v1.2 adds to `changes.csv`.
const CHANGES_V12: [&str; 2] = ["indicators_gained", "indicators_lost"];

fn communes_csv(content: &Content, report: &Report) -> Vec<u8> {
    let v12 = content.uses_v12();
    let rows = (0..content.communes.len())
        .map(|i| commune_row(content, report, i, v12))
        .collect();
    csv_bytes(&communes_header(v12), rows)
}

/// The columns of `communes.csv` (with the v1.2 ones when `v12`).
pub(crate) fn communes_header(v12: bool) -> Vec<&'static str> {
    let mut header = vec![
        "id",
        "name",
        "group",
        "latest_date",
        "criteria_set",
        "met_count",
        "criteria_total",
        "met",
        "meets_standard",
        "target_year",
        "recognized_level",
        "recognized_date",
        "code",
    ];
    if v12 {
        header.extend(COMMUNES_V12);
    }
    header
}

/// Commune `i`'s row of `communes.csv`.
pub(crate) fn commune_row(content: &Content, report: &Report, i: usize, v12: bool) -> Vec<String> {
    let c = &content.communes[i];
    let s = report.sweep.timeline.latest(i);
    let set = s.map(|s| &content.sets[s.set]);
    let rec = c.latest_recognition();
    let mut row = vec![
        c.id.clone(),
        text_cell(&c.name),
        opt(c.group.map(|g| content.groups[g].id.clone())),
        opt(s.map(|s| s.date)),
        opt(set.map(|x| x.id.clone())),
        opt(s.map(|s| s.count())),
        opt(set.map(|x| x.len())),
        opt(s.map(|s| join_numbers(s.met))),
        opt(s.zip(set).map(|(s, x)| s.count() as usize >= x.len())),
        opt(c.target_year),
        opt(rec.map(|r| r.level.as_str())),
        opt(rec.map(|r| r.date)),
        c.code.clone().unwrap_or_default(),
    ];
    if v12 {
        // Indicator figures only under a set that has indicators.
        let ind = s.zip(set).filter(|(_, x)| x.has_indicators());
        row.extend([
            opt(c.class),
            opt(c.established),
            opt(c.merged_into.map(|n| content.communes[n].id.clone())),
            opt(ind.map(|(s, _)| s.indicators_count())),
            opt(ind.map(|(_, x)| x.indicator_count())),
        ]);
    }
    row
}

fn changes_csv(content: &Content, report: &Report) -> Vec<u8> {
    let v12 = content.uses_v12();
    let mut header = vec![
        "date",
        "commune_id",
        "gained",
        "lost",
        "met_before",
        "met_after",
    ];
    if v12 {
        header.extend(CHANGES_V12);
    }
    let rows = report
        .sweep
        .moves()
        .map(|ch| {
            let snap = &content.snapshots[ch.snapshot];
            let mut row = vec![
                snap.date.to_string(),
                content.communes[ch.commune].id.clone(),
                join_numbers(ch.gained()),
                join_numbers(ch.lost()),
                ch.met_before.to_string(),
                ch.met_after.to_string(),
            ];
            if v12 {
                let set = &content.sets[snap.set];
                row.push(set.indicator_ids(ch.indicators_gained).join(";"));
                row.push(set.indicator_ids(ch.indicators_lost).join(";"));
            }
            row
        })
        .collect();
    csv_bytes(&header, rows)
}

fn criteria_csv(content: &Content) -> Vec<u8> {
    let header = ["set_id", "number", "name", "name_en", "group", "department"];
    let rows = content
        .sets
        .iter()
        .flat_map(|s| {
            s.criteria.iter().map(move |c| {
                vec![
                    s.id.clone(),
                    c.number.to_string(),
                    text_cell(&c.name),
                    text_cell(c.name_en.as_deref().unwrap_or_default()),
                    text_cell(c.group.as_deref().unwrap_or_default()),
                    text_cell(c.department.as_deref().unwrap_or_default()),
                ]
            })
        })
        .collect();
    csv_bytes(&header, rows)
}

fn targets_csv(content: &Content, report: &Report) -> Vec<u8> {
    let header = [
        "id",
        "title",
        "deadline",
        "scope",
        "measure",
        "value",
        "status",
        "evaluated_on",
        "shortfall",
    ];
    let rows = report
        .targets
        .iter()
        .map(|r| {
            let t = &content.targets[r.target];
            vec![
                t.id.clone(),
                text_cell(&t.title),
                t.deadline.to_string(),
                opt(t.scope.map(|g| content.groups[g].id.clone())),
                t.measure.as_str().to_string(),
                opt(t.value),
                r.status.as_str().to_string(),
                opt(r.evaluated_on),
                r.shortfall.to_string(),
            ]
        })
        .collect();
    csv_bytes(&header, rows)
}

fn years_csv(report: &Report) -> Vec<u8> {
    let header = [
        "year",
        "end",
        "known",
        "meets_standard",
        "newly_standard",
        "compared",
        "average_gain",
        "min_met",
    ];
    let rows = report
        .years
        .iter()
        .map(|y| {
            vec![
                y.year.to_string(),
                y.end.to_string(),
                y.known.to_string(),
                y.meets_standard.to_string(),
                y.newly.len().to_string(),
                y.compared.to_string(),
                opt(y.average_gain),
                opt(y.min_met),
            ]
        })
        .collect();
    csv_bytes(&header, rows)
}

#[derive(Serialize)]
struct Bands {
    standard: u32,
    #[serde(rename = "15+")]
    fifteen_plus: u32,
    #[serde(rename = "10-14")]
    ten: u32,
    #[serde(rename = "5-9")]
    five: u32,
    #[serde(rename = "0-4")]
    zero: u32,
}

#[derive(Serialize)]
struct ScopeJson {
    known: u32,
    meets_standard: u32,
    average_met: Option<Dec2>,
    bands: Bands,
    reporting: u32,
    communes_gained: u32,
    criteria_gained: u32,
    communes_lost: u32,
    criteria_lost: u32,
    no_gain: u32,
    baseline: u32,
    rebased: u32,
    /// v1.2 keys, absent for v1.1 content.
    #[serde(skip_serializing_if = "Option::is_none")]
    stale: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    indicators_gained: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    indicators_lost: Option<u32>,
}

impl ScopeJson {
    fn new(s: &ScopeSummary, v12: bool) -> ScopeJson {
        let b = s.levels.bands;
        debug_assert_eq!(BAND_KEYS.len(), b.len());
        ScopeJson {
            known: s.levels.known,
            meets_standard: s.levels.meets_standard,
            average_met: s.levels.average_met(),
            bands: Bands {
                standard: b[0],
                fifteen_plus: b[1],
                ten: b[2],
                five: b[3],
                zero: b[4],
            },
            reporting: s.movement.reporting,
            communes_gained: s.movement.communes_gained,
            criteria_gained: s.movement.criteria_gained,
            communes_lost: s.movement.communes_lost,
            criteria_lost: s.movement.criteria_lost,
            no_gain: s.no_gain(),
            baseline: s.movement.baseline,
            rebased: s.movement.rebased,
            stale: v12.then_some(s.levels.stale),
            indicators_gained: v12.then_some(s.movement.indicators_gained),
            indicators_lost: v12.then_some(s.movement.indicators_lost),
        }
    }
}

#[derive(Serialize)]
pub(crate) struct DateJson {
    date: String,
    all: ScopeJson,
    target: ScopeJson,
}

/// The objects of `summary.json`, one per snapshot date.
pub(crate) fn summary_rows(report: &Report, v12: bool) -> Vec<DateJson> {
    report
        .sweep
        .summaries
        .iter()
        .map(|s| DateJson {
            date: s.date.to_string(),
            all: ScopeJson::new(&s.all, v12),
            target: ScopeJson::new(&s.target, v12),
        })
        .collect()
}

fn summary_json(report: &Report, v12: bool) -> Vec<u8> {
    let rows = summary_rows(report, v12);
    // Indented by one space, as the contract's worked examples are.
    let mut v = Vec::new();
    let fmt = serde_json::ser::PrettyFormatter::with_indent(b" ");
    let mut ser = serde_json::Serializer::with_formatter(&mut v, fmt);
    if rows.serialize(&mut ser).is_err() {
        v = b"[]".to_vec();
    }
    v.push(b'\n');
    v
}
